//! The embedded store: one SQLite file in the data folder, in WAL mode with full synchronous
//! commits, so an acknowledged write survives a crash or a power cut.
//!
//! Writes go through a pool of one connection (SQLite has one writer at a time anyway; queueing
//! in the pool avoids `SQLITE_BUSY` storms), reads and snapshots through a separate read-only
//! pool that sees consistent WAL snapshots while the writer carries on.
//!
//! What is deleted is meant to be gone from the files: every connection runs with
//! `secure_delete`, so SQLite overwrites deleted rows and freed pages with zeros, and after an
//! initiative is destroyed [`Store::compact_after_destroy`] carries the zeroed pages into the
//! database file, empties the WAL and rebuilds the file without free pages. The data folder is
//! the owner's alone (0700), and so are the database and its WAL and shared-memory files (0600),
//! whatever the umask.

use std::path::{Path, PathBuf};
use std::time::Duration;

use async_trait::async_trait;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

use tracktwo_store::{Result, RowAuthenticator, Snapshot, Store, StoreError, StoreMeta, WriteTx};
use tracktwo_store_sql::{Dialect, SqlConnection, SqlTx, read_meta, read_snapshot};

/// The database file's name inside the data folder.
pub const DATABASE_FILE: &str = "tracktwo.db";

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

pub struct SqliteStore {
    writer: SqlitePool,
    reader: SqlitePool,
    path: PathBuf,
}

impl SqliteStore {
    /// Opens (creating if needed) the store in `data_dir` and brings its schema up to date.
    pub async fn open(data_dir: &Path) -> Result<Self> {
        let shown = data_dir.display().to_string();
        let data_dir_error = |reason: String| StoreError::DataDir { path: shown.clone(), reason };
        private::create_dir(data_dir).map_err(|e| data_dir_error(e.to_string()))?;
        private::restrict_dir(data_dir).map_err(|e| {
            data_dir_error(format!("its permissions cannot be restricted to its owner ({e}); `chmod 700` it"))
        })?;
        // Creating the database would fail later with a vaguer message; probe writability first.
        let probe = data_dir.join(".tracktwo-write-probe");
        std::fs::write(&probe, b"").map_err(|e| data_dir_error(format!("it is not writable ({e})")))?;
        let _ = std::fs::remove_file(&probe);
        Self::open_file(&data_dir.join(DATABASE_FILE)).await
    }

    /// Opens the given database file directly.
    pub async fn open_file(path: &Path) -> Result<Self> {
        // SQLite would create the file with 0644 less the umask; created here first, it is the
        // owner's alone, and SQLite gives the WAL and shared-memory files the database's mode.
        // Files of a store created before are tightened the same way.
        private::create_file(path).and_then(|()| private::restrict_files(path)).map_err(|e| StoreError::DataDir {
            path: path.display().to_string(),
            reason: format!("its permissions cannot be restricted to its owner ({e}); `chmod 600` it"),
        })?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: the WAL is synced at every commit, so "committed" means "on disk".
            .synchronous(SqliteSynchronous::Full)
            // Deleted rows and freed pages are overwritten with zeros, not left in free space
            // where a copy of the file (a seized laptop) would still show them.
            .pragma("secure_delete", "ON")
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(30));
        let writer =
            SqlitePoolOptions::new().max_connections(1).connect_with(options.clone()).await.map_err(map_open_error)?;
        check_is_tracktwo(&writer).await?;
        run_migrations(&writer).await?;
        let reader = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options.read_only(true))
            .await
            .map_err(map_open_error)?;
        let store = Self { writer, reader, path: path.to_owned() };
        if let Some(meta) = store.meta().await? {
            meta.check_format()?;
        }
        Ok(store)
    }

    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Empties the WAL into the database file and truncates it to nothing. Its frames hold
    /// pages as they were before later commits, deleted rows included.
    async fn checkpoint_and_truncate_wal(&self) -> Result<()> {
        // The busy timeout lets a reader's snapshot (a backup in progress) finish first.
        let (busy, _, _): (i64, i64, i64) =
            sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)").fetch_one(&self.writer).await.map_err(map_error)?;
        if busy != 0 {
            return Err(StoreError::Unavailable(
                "a reader kept the write-ahead log from being emptied (a backup in progress?)".to_owned(),
            ));
        }
        Ok(())
    }
}

/// The data folder and the database files, readable by their owner alone whatever the umask.
#[cfg(unix)]
mod private {
    use std::io;
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
    use std::path::Path;

    const DIR_MODE: u32 = 0o700;
    const FILE_MODE: u32 = 0o600;
    /// The files SQLite keeps beside the database.
    const COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

    pub(super) fn create_dir(dir: &Path) -> io::Result<()> {
        std::fs::DirBuilder::new().recursive(true).mode(DIR_MODE).create(dir)
    }

    /// Takes group and others' access away from an existing folder.
    pub(super) fn restrict_dir(dir: &Path) -> io::Result<()> {
        restrict(dir, DIR_MODE)
    }

    /// Creates the database file, empty, with the owner's permissions only (SQLite takes an empty
    /// file for an empty database). An existing file is left as it is.
    pub(super) fn create_file(path: &Path) -> io::Result<()> {
        match std::fs::OpenOptions::new().write(true).create_new(true).mode(FILE_MODE).open(path) {
            Ok(_) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Takes group and others' access away from the database and the files beside it.
    pub(super) fn restrict_files(path: &Path) -> io::Result<()> {
        restrict(path, FILE_MODE)?;
        for suffix in COMPANIONS {
            let mut companion = path.as_os_str().to_owned();
            companion.push(suffix);
            match restrict(Path::new(&companion), FILE_MODE) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                other => other?,
            }
        }
        Ok(())
    }

    fn restrict(path: &Path, mode: u32) -> io::Result<()> {
        // The umask is applied at creation, so even a fresh file or folder is checked.
        let current = std::fs::metadata(path)?.permissions().mode() & 0o777;
        if current != mode {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
        }
        Ok(())
    }
}

/// Elsewhere the folder's access control list decides; nothing is changed.
#[cfg(not(unix))]
mod private {
    use std::io;
    use std::path::Path;

    pub(super) fn create_dir(dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)
    }

    pub(super) fn restrict_dir(_: &Path) -> io::Result<()> {
        Ok(())
    }

    pub(super) fn create_file(_: &Path) -> io::Result<()> {
        Ok(())
    }

    pub(super) fn restrict_files(_: &Path) -> io::Result<()> {
        Ok(())
    }
}

async fn check_is_tracktwo(pool: &SqlitePool) -> Result<()> {
    let tables: Vec<String> = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
        .fetch_all(pool)
        .await
        .map_err(map_open_error)?;
    if !tables.is_empty() && !tables.iter().any(|t| t == "_sqlx_migrations") {
        return Err(StoreError::NotATracktwoStore("the database holds tables, but none of tracktwo's".to_owned()));
    }
    Ok(())
}

async fn run_migrations(pool: &SqlitePool) -> Result<()> {
    MIGRATOR.run(pool).await.map_err(|e| match e {
        sqlx::migrate::MigrateError::VersionMissing(found) => {
            StoreError::NewerVersion { found, supported: MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0) }
        }
        sqlx::migrate::MigrateError::Execute(e) => map_open_error(e),
        other => StoreError::NotATracktwoStore(other.to_string()),
    })
}

fn map_open_error(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.code().as_deref() == Some("26") => {
            StoreError::NotATracktwoStore("the file is not an SQLite database".to_owned())
        }
        sqlx::Error::Database(db) if db.code().as_deref() == Some("11") => {
            StoreError::NotATracktwoStore("the database file is corrupt".to_owned())
        }
        sqlx::Error::Io(io) => StoreError::Unavailable(io.to_string()),
        _ => map_error(e),
    }
}

fn map_error(e: sqlx::Error) -> StoreError {
    match e {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            // SQLite names the column ("UNIQUE constraint failed: users.username_index"); values
            // never appear, and they would be ciphertext anyway.
            StoreError::Conflict(tracktwo_store_sql::unique_of(db.message().rsplit(": ").next().unwrap_or("key")))
        }
        sqlx::Error::Database(db) if db.code().as_deref() == Some("26") || db.code().as_deref() == Some("11") => {
            StoreError::NotATracktwoStore(db.message().to_owned())
        }
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
            StoreError::Unavailable(e.to_string())
        }
        other => StoreError::Backend(other.to_string()),
    }
}

tracktwo_store_sql::sqlx_driver!(database: sqlx::Sqlite, row: sqlx::sqlite::SqliteRow, arguments: sqlx::sqlite::SqliteArguments, map_error: map_error);

const DIALECT: Dialect = Dialect {
    // The single writer connection already serialises appends; no row lock is needed.
    lock_audit_head: "SELECT seq, mac FROM audit_head WHERE id = 1",
    reset_audit_head: "UPDATE audit_head SET seq = 0, mac = zeroblob(32) WHERE id = 1",
    // The single writer connection serialises writers already, and one server holds the file.
    lock_conversation_head: "SELECT position FROM conversation_heads WHERE conversation_id = $1",
    lock_sign_in_failures: "SELECT * FROM sign_in_failures WHERE key = $1",
    announce: None,
};

#[async_trait]
impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    async fn meta(&self) -> Result<Option<StoreMeta>> {
        let mut conn = DriverConnection(self.reader.begin().await.map_err(map_error)?);
        let meta = read_meta(&mut conn).await?;
        Box::new(conn).rollback().await?;
        Ok(meta)
    }

    async fn begin(&self, rows: std::sync::Arc<dyn RowAuthenticator>) -> Result<Box<dyn WriteTx>> {
        // IMMEDIATE takes the write lock up front. A deferred transaction that reads first and
        // writes later fails at once with SQLITE_BUSY when another process (a backup, a CLI
        // command beside the server) has written since its read began; the busy timeout cannot
        // help there.
        let tx = self.writer.begin_with("BEGIN IMMEDIATE").await.map_err(map_error)?;
        Ok(Box::new(SqlTx::new(Box::new(DriverConnection(tx)), DIALECT, rows)))
    }

    async fn snapshot(&self, rows: &dyn RowAuthenticator) -> Result<Snapshot> {
        // In WAL mode a read transaction sees one snapshot from its first read to its end.
        let mut conn = DriverConnection(self.reader.begin().await.map_err(map_error)?);
        let snapshot = read_snapshot(&mut conn, rows).await?;
        Box::new(conn).rollback().await?;
        Ok(snapshot)
    }

    async fn compact_after_destroy(&self) -> Result<()> {
        // The commit's pages, with the deleted rows already zeroed by secure_delete, go into the
        // database file; the WAL, whose older frames still hold those rows, is emptied.
        self.checkpoint_and_truncate_wal().await?;
        // The file is rebuilt without free pages (its size no longer tells how much was
        // deleted). VACUUM writes through the WAL, so that is emptied once more.
        sqlx::raw_sql("VACUUM").execute(&self.writer).await.map_err(map_error)?;
        self.checkpoint_and_truncate_wal().await
    }

    async fn close(&self) {
        self.writer.close().await;
        self.reader.close().await;
    }
}
