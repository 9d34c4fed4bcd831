//! The store at scale: PostgreSQL, reached by a `postgres://` URL.
//!
//! PostgreSQL commits are durable when acknowledged with its default `synchronous_commit = on`;
//! this adapter never lowers it. Appends to the audit chain serialise on a row lock of the chain's
//! head; snapshots for backups run at `REPEATABLE READ`, one consistent view while writers go on.
//!
//! The wire is protected as the URL's `sslmode` says (TLS by rustls with the `ring` provider; no
//! OpenSSL): `verify-full` with `sslrootcert` naming the server's CA is the setting that holds
//! against someone on the path. See [`PostgresStore::connect`].

use std::str::FromStr;

use async_trait::async_trait;
use sqlx::postgres::{PgConnectOptions, PgListener, PgPool, PgPoolOptions, PgSslMode};

use tracktwo_store::{
    ChangeFeed, Result, RowAuthenticator, Snapshot, Store, StoreChange, StoreError, StoreMeta, WriteTx,
};
use tracktwo_store_sql::{Dialect, SqlConnection, SqlTx, read_meta, read_snapshot};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects to `url` and brings the schema up to date. With `schema`, everything lives in
    /// that schema (created if missing), which lets several stores share one database.
    ///
    /// The URL's `sslmode` decides the wire, as with libpq: `disable`, `prefer` (the default:
    /// TLS if the server offers it, which someone on the path can refuse for it), `require`
    /// (TLS, the certificate unchecked), `verify-ca` (TLS, the certificate issued by a trusted
    /// CA) and `verify-full` (and issued for the host connected to). `sslrootcert` names the
    /// CA's PEM file; with it, `require` checks the CA as `verify-ca` does, as libpq does. A
    /// parameter the driver does not know is refused, so a misspelt `sslmode` cannot fall back
    /// to `prefer` unnoticed. Errors never echo the URL: it may hold a password.
    pub async fn connect(url: &str, schema: Option<&str>) -> Result<Self> {
        let mut options = connect_options(url)?;
        if let Some(schema) = schema {
            if !schema.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(StoreError::Backend("schema names may use letters, digits and _ only".to_owned()));
            }
            options = options.options([("search_path", schema)]);
        }
        // One direct connection first: the pool would retry a refused connection until its
        // timeout, while an operator wants to hear at once that the server is unreachable.
        let probe =
            <sqlx::PgConnection as sqlx::Connection>::connect_with(&options).await.map_err(map_connect_error)?;
        sqlx::Connection::close(probe).await.map_err(map_connect_error)?;
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(std::time::Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(map_connect_error)?;
        if let Some(schema) = schema {
            // The name was checked above to hold only letters, digits and underscores.
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA IF NOT EXISTS {schema}")))
                .execute(&pool)
                .await
                .map_err(map_error)?;
        }
        check_is_tracktwo(&pool).await?;
        run_migrations(&pool).await?;
        let store = Self { pool };
        if let Some(meta) = store.meta().await? {
            meta.check_format()?;
        }
        Ok(store)
    }

    /// The pool, for tests that must reach under the port (tampering with the audit log).
    #[must_use]
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }
}

/// The query parameters the driver reads from a URL (`options[NAME]` aside). Any other is
/// refused: the driver would ignore it (so `ssl_mode=verify-full` would connect with `prefer`)
/// and log it with its value.
const KNOWN_PARAMETERS: &[&str] = &[
    "sslmode",
    "ssl-mode",
    "sslrootcert",
    "ssl-root-cert",
    "ssl-ca",
    "sslcert",
    "ssl-cert",
    "sslkey",
    "ssl-key",
    "statement-cache-capacity",
    "host",
    "hostaddr",
    "port",
    "dbname",
    "user",
    "password",
    "application_name",
    "options",
];

fn connect_options(url: &str) -> Result<PgConnectOptions> {
    let invalid = || StoreError::Unavailable("the database URL is not a valid postgres:// URL".to_owned());
    let parsed = url::Url::parse(url).map_err(|_| invalid())?;
    if !matches!(parsed.scheme(), "postgres" | "postgresql") {
        return Err(invalid());
    }
    let mut root_cert = std::env::var_os("PGSSLROOTCERT").is_some();
    for (key, value) in parsed.query_pairs() {
        let key = &*key;
        if matches!(key, "sslmode" | "ssl-mode") && PgSslMode::from_str(&value).is_err() {
            return Err(StoreError::Unavailable(
                "the database URL's sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full"
                    .to_owned(),
            ));
        }
        if matches!(key, "sslrootcert" | "ssl-root-cert" | "ssl-ca") {
            root_cert = true;
        }
        // The driver reads these files only once connected, and its error would not say which
        // one it missed. A path is no secret; an inline PEM is not a path.
        if matches!(key, "sslrootcert" | "ssl-root-cert" | "ssl-ca" | "sslcert" | "ssl-cert" | "sslkey" | "ssl-key")
            && !value.trim_start().starts_with("-----BEGIN")
            && let Err(e) = std::fs::File::open(&*value)
        {
            return Err(StoreError::Unavailable(format!(
                "the file the database URL's {key} names ({value}) cannot be read: {e}"
            )));
        }
        let known = KNOWN_PARAMETERS.contains(&key) || (key.starts_with("options[") && key.ends_with(']'));
        if !known {
            // A parameter's name is no secret, unless the URL is so mangled that a password
            // ended up in one: name it only when it reads as a parameter's name.
            let readable = key.len() <= 40 && key.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '-');
            return Err(StoreError::Unavailable(if readable {
                format!("the database URL has a parameter the PostgreSQL driver does not know: {key}")
            } else {
                "the database URL has a parameter the PostgreSQL driver does not know".to_owned()
            }));
        }
    }
    let options = PgConnectOptions::from_str(url).map_err(|_| invalid())?;
    // libpq checks the certificate's CA under `require` when it has a root certificate; the
    // driver would not, and an operator who named a CA means it to be checked.
    if root_cert && matches!(options.get_ssl_mode(), PgSslMode::Require) {
        return Ok(options.ssl_mode(PgSslMode::VerifyCa));
    }
    Ok(options)
}

async fn check_is_tracktwo(pool: &PgPool) -> Result<()> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()",
    )
    .fetch_all(pool)
    .await
    .map_err(map_error)?;
    if !tables.is_empty() && !tables.iter().any(|t| t == "_sqlx_migrations") {
        return Err(StoreError::NotATracktwoStore(
            "the database schema holds tables, but none of tracktwo's".to_owned(),
        ));
    }
    Ok(())
}

async fn run_migrations(pool: &PgPool) -> Result<()> {
    MIGRATOR.run(pool).await.map_err(|e| match e {
        sqlx::migrate::MigrateError::VersionMissing(found) => {
            StoreError::NewerVersion { found, supported: MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0) }
        }
        sqlx::migrate::MigrateError::Execute(e) => map_error(e),
        other => StoreError::NotATracktwoStore(other.to_string()),
    })
}

fn map_connect_error(e: sqlx::Error) -> StoreError {
    // Never echo the URL: it may hold a password. None of these messages carries it: the
    // driver's TLS and I/O errors name a certificate problem or an OS error, and the server's
    // name at most the host, user and database it refused.
    match &e {
        // rustls reports a certificate it does not trust as invalid data on the socket.
        sqlx::Error::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => {
            StoreError::Unavailable(format!("TLS to the database failed: {io}"))
        }
        sqlx::Error::Io(io) => StoreError::Unavailable(io.to_string()),
        sqlx::Error::Tls(tls) => StoreError::Unavailable(format!("TLS to the database failed: {tls}")),
        sqlx::Error::PoolTimedOut => StoreError::Unavailable("timed out connecting".to_owned()),
        sqlx::Error::Database(db) => {
            StoreError::Unavailable(format!("the database server refused the connection: {}", db.message()))
        }
        _ => StoreError::Unavailable(e.to_string()),
    }
}

fn map_error(e: sqlx::Error) -> StoreError {
    match e {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            // The constraint's name, never the "Key (...)=(...)" detail.
            StoreError::Conflict(tracktwo_store_sql::unique_of(db.constraint().unwrap_or("key")))
        }
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
            StoreError::Unavailable(e.to_string())
        }
        sqlx::Error::Database(db) => StoreError::Backend(db.message().to_owned()),
        other => StoreError::Backend(other.to_string()),
    }
}

tracktwo_store_sql::sqlx_driver!(database: sqlx::Postgres, row: sqlx::postgres::PgRow, arguments: sqlx::postgres::PgArguments, map_error: map_error);

const DIALECT: Dialect = Dialect {
    // Appends from concurrent transactions queue on this row lock, so the chain stays linear.
    lock_audit_head: "SELECT seq, mac FROM audit_head WHERE id = 1 FOR UPDATE",
    reset_audit_head: "UPDATE audit_head SET seq = 0, mac = decode(repeat('00', 32), 'hex') WHERE id = 1",
    // Writers of one conversation, on any server, queue on this row until the first commits.
    lock_conversation_head: "SELECT position FROM conversation_heads WHERE conversation_id = $1 FOR UPDATE",
    lock_sign_in_failures: "SELECT * FROM sign_in_failures WHERE key = $1 FOR UPDATE",
    // Delivered on commit, to the servers of this schema only (see `CHANGES_CHANNEL`).
    announce: Some("SELECT pg_notify('tracktwo_changes.' || current_schema(), $1)"),
};

#[async_trait]
impl Store for PostgresStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    async fn meta(&self) -> Result<Option<StoreMeta>> {
        let mut conn = DriverConnection(self.pool.begin().await.map_err(map_error)?);
        let meta = read_meta(&mut conn).await?;
        Box::new(conn).rollback().await?;
        Ok(meta)
    }

    async fn begin(&self, rows: std::sync::Arc<dyn RowAuthenticator>) -> Result<Box<dyn WriteTx>> {
        let tx = self.pool.begin().await.map_err(map_error)?;
        Ok(Box::new(SqlTx::new(Box::new(DriverConnection(tx)), DIALECT, rows)))
    }

    async fn snapshot(&self, rows: &dyn RowAuthenticator) -> Result<Snapshot> {
        let tx = self.pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY").await.map_err(map_error)?;
        let mut conn = DriverConnection(tx);
        let snapshot = read_snapshot(&mut conn, rows).await?;
        Box::new(conn).rollback().await?;
        Ok(snapshot)
    }

    async fn compact_after_destroy(&self) -> Result<()> {
        // The tables a destroy deletes from: every table of this schema with an initiative's rows
        // (the keyring included), and the initiatives themselves. Read from the catalogue, so a
        // table added by a later migration is covered too.
        let tables: Vec<String> = sqlx::query_scalar(
            "SELECT format('%I.%I', c.table_schema, c.table_name) FROM information_schema.columns c \
             JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
             WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' \
               AND (c.column_name = 'initiative_id' OR c.table_name = 'initiatives') \
             GROUP BY c.table_schema, c.table_name ORDER BY 1",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(map_error)?;
        if tables.is_empty() {
            return Ok(());
        }
        // VACUUM cannot run inside a transaction, so it goes as one plain statement through the
        // simple protocol. It removes the dead rows (their TOAST included) that no running
        // snapshot can still see, and makes their space reusable; what it cannot reach (WAL,
        // archives, base backups) is in docs/security.md. The names were quoted by `format('%I')`.
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("VACUUM {}", tables.join(", "))))
            .execute(&self.pool)
            .await
            .map_err(map_error)?;
        Ok(())
    }

    async fn change_feed(&self) -> Result<Option<Box<dyn ChangeFeed>>> {
        let schema: String =
            sqlx::query_scalar("SELECT current_schema()::text").fetch_one(&self.pool).await.map_err(map_error)?;
        let mut listener = PgListener::connect_with(&self.pool).await.map_err(map_error)?;
        listener.listen(&changes_channel(&schema)).await.map_err(map_error)?;
        Ok(Some(Box::new(Notifications(listener))))
    }

    async fn close(&self) {
        self.pool.close().await;
    }
}

/// The notification channel of one schema: stores in other schemas of the same database (which
/// share PostgreSQL's channels) do not hear one another. `DIALECT.announce` names it alike.
fn changes_channel(schema: &str) -> String {
    format!("tracktwo_changes.{schema}")
}

/// The changes other servers announce, through `LISTEN` on a connection of its own.
struct Notifications(PgListener);

#[async_trait]
impl ChangeFeed for Notifications {
    async fn next(&mut self) -> Result<StoreChange> {
        loop {
            // `None`: the connection was lost and has been made again (and listens again), so
            // whatever was announced meanwhile went unheard.
            let Some(notification) = self.0.try_recv().await.map_err(map_error)? else {
                return Ok(StoreChange::Missed);
            };
            // A payload this build does not know (a newer server's) is left aside.
            if let Some(change) = StoreChange::from_payload(notification.payload()) {
                return Ok(change);
            }
        }
    }
}
