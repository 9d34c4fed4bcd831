//! What the tests of several crates share: throw-away stores on SQLite and PostgreSQL (the
//! server `TRACKTWO_TEST_POSTGRES_URL` names; each store in its own schema, dropped afterwards),
//! raw access beneath the port for the tests that play the attacker, the test key and cheap KDF
//! costs, a clock the test moves, apps initialised or opened over a store, and the initiative
//! the stories work in, and how a test reads a message's own words out of its HTML. A PostgreSQL test without a server fails, unless the run opts out with
//! `TRACKTWO_TEST_POSTGRES=skip`.
//!
//! Only ever used by tests (a dev-dependency; the architecture test refuses it as a normal one).

use std::path::PathBuf;
use std::sync::Arc;

use tracktwo_app::system::{SystemClock, SystemEntropy};
use tracktwo_app::{App, Unlock};
use tracktwo_crypto::KdfParams;
use tracktwo_domain::{Identity, InitiativeId, NewInitiative, NewSide, SideId};
use tracktwo_store::Store;
use tracktwo_store_postgres::PostgresStore;
use tracktwo_store_sqlite::SqliteStore;

/// Cheap Argon2 costs: tests exercise the code path, not the hardness.
pub const TEST_KDF: KdfParams = KdfParams { memory_kib: 256, iterations: 1, parallelism: 1 };

/// The key file every test store is unlocked with.
#[must_use]
pub fn test_unlock() -> Unlock {
    Unlock::KeyFile(vec![0x5a; 48].into())
}

/// Row MACs under the test key's row key, for tests that open store transactions beneath the
/// application.
#[must_use]
pub fn test_rows() -> Arc<dyn tracktwo_store::RowAuthenticator> {
    struct TestRows(tracktwo_crypto::RowKey);
    impl tracktwo_store::RowAuthenticator for TestRows {
        fn mac(&self, canonical: &[u8]) -> [u8; 32] {
            self.0.mac(canonical)
        }
        fn verify(&self, canonical: &[u8], mac: &[u8]) -> bool {
            self.0.verify(canonical, mac)
        }
        fn refused(&self, _row: &tracktwo_store::UnauthenticRow) {}
    }
    let Unlock::KeyFile(bytes) = test_unlock() else { unreachable!("the test key is a key file") };
    let master = tracktwo_crypto::MasterKey::from_key_file_bytes(&bytes).expect("the test key is long enough");
    Arc::new(TestRows(master.row_key()))
}

pub enum Raw {
    Sqlite { dir: tempfile::TempDir },
    Postgres { url: String, schema: String },
}

/// A throw-away store and a way beneath its port.
pub struct TestStore {
    pub store: Arc<dyn Store>,
    pub raw: Raw,
}

/// Names the PostgreSQL server the stories run against.
pub const POSTGRES_URL_VARIABLE: &str = "TRACKTWO_TEST_POSTGRES_URL";
/// Set to `skip` to run without PostgreSQL, knowingly: the stories then say they are skipped.
pub const POSTGRES_OPT_OUT_VARIABLE: &str = "TRACKTWO_TEST_POSTGRES";

/// The PostgreSQL server for tests. Without one, a PostgreSQL story fails rather than passing
/// without having run: a green run must mean the stories ran on both backends. A run may opt out
/// explicitly with `TRACKTWO_TEST_POSTGRES=skip` (never in CI), and is then told what it skipped.
///
/// # Panics
/// When no server is named and the run has not opted out.
#[must_use]
pub fn postgres_url() -> Option<String> {
    let var = |name: &str| std::env::var(name).ok();
    match postgres_choice(var(POSTGRES_URL_VARIABLE), var(POSTGRES_OPT_OUT_VARIABLE), std::env::var_os("CI").is_some())
    {
        Ok(PostgresChoice::Run(url)) => Some(url),
        Ok(PostgresChoice::Skip) => {
            eprintln!(
                "{POSTGRES_OPT_OUT_VARIABLE}=skip: the PostgreSQL run of this story is SKIPPED; \
                 set {POSTGRES_URL_VARIABLE} to run it"
            );
            None
        }
        Err(message) => panic!("{message}"),
    }
}

/// Names the Python interpreter that has the reference tools of `tests/python/requirements.txt`.
pub const PYTHON_VARIABLE: &str = "TRACKTWO_TEST_PYTHON";

/// The interpreter of the virtual environment `scripts/test` fills with the pinned reference tools
/// (networkx, igraph, red-dwarf, SciPy). A test that reads an export with them fails without it,
/// with a message saying how to get it; it never passes without having run.
///
/// # Panics
/// When the variable is unset or names no file.
#[must_use]
pub fn reference_python() -> std::path::PathBuf {
    let how = format!(
        "run scripts/test, which installs tests/python/requirements.txt into a virtual environment and sets \
         {PYTHON_VARIABLE}, or set {PYTHON_VARIABLE} to the python of an environment where that file is installed"
    );
    match std::env::var_os(PYTHON_VARIABLE).filter(|v| !v.is_empty()) {
        Some(path) if std::path::Path::new(&path).is_file() => path.into(),
        Some(path) => {
            panic!("{PYTHON_VARIABLE} names {}, which is not a file: {how}", std::path::Path::new(&path).display())
        }
        None => panic!("this test reads a file with the reference tools and {PYTHON_VARIABLE} is not set: {how}"),
    }
}

/// What a PostgreSQL story does, given the environment.
#[derive(Debug, PartialEq, Eq)]
pub enum PostgresChoice {
    Run(String),
    Skip,
}

/// Decides from the two variables (and whether this is CI) whether a PostgreSQL story runs, is
/// skipped at the run's explicit request, or fails with a message saying how to name a server.
pub fn postgres_choice(url: Option<String>, opt_out: Option<String>, ci: bool) -> Result<PostgresChoice, String> {
    let how = format!(
        "set {POSTGRES_URL_VARIABLE}=postgres://USER@HOST:PORT/DATABASE (for example \
         postgres://postgres@127.0.0.1:5432/test; each story works in its own schema and drops it), \
         or run scripts/test, which finds a server on 127.0.0.1:5432"
    );
    match (url.filter(|u| !u.is_empty()), opt_out.as_deref()) {
        (Some(url), _) => Ok(PostgresChoice::Run(url)),
        (None, Some("skip")) if ci => Err(format!("CI must not skip the PostgreSQL stories: {how}")),
        (None, Some("skip")) => Ok(PostgresChoice::Skip),
        (None, Some(other)) => Err(format!(
            "{POSTGRES_OPT_OUT_VARIABLE} is `{other}`, but the only value it takes is `skip`; to run the PostgreSQL \
             stories, {how}"
        )),
        (None, None) => Err(format!(
            "this PostgreSQL story has no server to run against: {how}. \
             To skip the PostgreSQL stories knowingly, set {POSTGRES_OPT_OUT_VARIABLE}=skip"
        )),
    }
}

fn fresh_schema_name() -> String {
    let mut bytes = [0u8; 8];
    tracktwo_app::Entropy::fill(&mut SystemEntropy::new().expect("OS randomness"), &mut bytes);
    format!("tracktwo_test_{}", hex::encode(bytes))
}

impl TestStore {
    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = SqliteStore::open(dir.path()).await.expect("open sqlite store");
        Self { store: Arc::new(store), raw: Raw::Sqlite { dir } }
    }

    pub async fn postgres() -> Option<Self> {
        let url = postgres_url()?;
        let schema = fresh_schema_name();
        let store = PostgresStore::connect(&url, Some(&schema)).await.expect("open postgres store");
        Some(Self { store: Arc::new(store), raw: Raw::Postgres { url, schema } })
    }

    #[must_use]
    pub fn is_postgres(&self) -> bool {
        matches!(self.raw, Raw::Postgres { .. })
    }

    /// An empty store on the same backend (another folder or schema).
    pub async fn sibling(&self) -> Self {
        match &self.raw {
            Raw::Sqlite { .. } => Self::sqlite().await,
            Raw::Postgres { .. } => Self::postgres().await.expect("postgres configured"),
        }
    }

    /// The store opened anew over the same data, as after a restart.
    pub async fn reopen(&self) -> Arc<dyn Store> {
        self.try_reopen().await.expect("reopen store")
    }

    pub async fn try_reopen(&self) -> tracktwo_store::Result<Arc<dyn Store>> {
        Ok(match &self.raw {
            Raw::Sqlite { dir } => Arc::new(SqliteStore::open(dir.path()).await?),
            Raw::Postgres { url, schema } => Arc::new(PostgresStore::connect(url, Some(schema)).await?),
        })
    }

    /// Runs SQL directly against the database, below the port: what an intruder with database
    /// access could do.
    pub async fn execute_raw(&self, sql: &str) {
        match &self.raw {
            Raw::Sqlite { dir } => {
                let pool = sqlite_pool(dir).await;
                sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned())).execute(&pool).await.expect("raw sql");
                pool.close().await;
            }
            Raw::Postgres { url, schema } => {
                let pool = pg_pool(url, schema).await;
                sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned())).execute(&pool).await.expect("raw sql");
                pool.close().await;
            }
        }
    }

    /// Changes the store beneath the port as a tracktwo of format 1 could have written it — rows
    /// without MACs — for tests of a state no use case reaches today (an initiative turned into
    /// a secret channel after it faced outward). The next `App::open` seals the rows as they
    /// stand, as it does for any store of that format. The store must have been created by
    /// [`init_app_born_at`] with format 1: one born later is refused as set back.
    pub async fn rewrite_as_format_1(&self, statements: &[&str]) {
        for table in [
            "users",
            "recovery_codes",
            "account_languages",
            "sessions",
            "tokens",
            "initiatives",
            "members",
            "sides",
            "people",
            "notes",
            "documents",
            "actors",
            "ties",
            "registry_entries",
            "map_snapshots",
            "sealed_records",
        ] {
            self.execute_raw(&format!("UPDATE {table} SET mac = NULL")).await;
        }
        self.execute_raw("UPDATE store_meta SET format_version = 1").await;
        for sql in statements {
            self.execute_raw(sql).await;
        }
    }

    /// Rewrites every API token as a tracktwo of format 2 left it — its MAC over the columns
    /// of then (without expiry or last use), the new columns at migration 0008's defaults — and
    /// sets the format to 2. The canonical bytes are restated here from the stored format, not
    /// taken from the code under test. The store must have been created by [`init_app_born_at`]
    /// with format 1 or 2: one born later is refused as set back.
    pub async fn rewrite_as_format_2(&self) {
        type Token = (String, String, Vec<u8>, Vec<u8>, i64, bool);
        const SELECT: &str = "SELECT id, user_id, digest, label, created_at, revoked FROM tokens";
        let tokens: Vec<Token> = match &self.raw {
            Raw::Sqlite { dir } => {
                let pool = sqlite_pool(dir).await;
                let rows = sqlx::query_as(SELECT).fetch_all(&pool).await.expect("raw tokens");
                pool.close().await;
                rows
            }
            Raw::Postgres { url, schema } => {
                let pool = pg_pool(url, schema).await;
                let rows = sqlx::query_as(SELECT).fetch_all(&pool).await.expect("raw tokens");
                pool.close().await;
                rows
            }
        };
        let rows = test_rows();
        for (id, user, digest, label, created_at, revoked) in tokens {
            let mut canonical = b"tracktwo/row/v1\0tokens\0".to_vec();
            for (tag, bytes) in [(b'T', id.as_bytes()), (b'T', user.as_bytes()), (b'B', &digest), (b'B', &label)] {
                canonical.push(tag);
                canonical.extend_from_slice(&u32::try_from(bytes.len()).unwrap().to_be_bytes());
                canonical.extend_from_slice(bytes);
            }
            canonical.push(b'I');
            canonical.extend_from_slice(&created_at.to_be_bytes());
            canonical.push(if revoked { b'Y' } else { b'F' });
            let mac = hex::encode(rows.mac(&canonical));
            let mac = if self.is_postgres() { format!("'\\x{mac}'::bytea") } else { format!("X'{mac}'") };
            self.execute_raw(&format!(
                "UPDATE tokens SET mac = {mac}, expires_at = 0, last_used_at = NULL WHERE id = '{id}'"
            ))
            .await;
        }
        self.execute_raw("UPDATE store_meta SET format_version = 2").await;
    }

    /// The audit chain's actions in order, read beneath the port (a snapshot refuses a store
    /// with a forged row, so tests of tampering read the chain this way).
    pub async fn raw_audit_actions(&self) -> Vec<String> {
        const SQL: &str = "SELECT action FROM audit_events ORDER BY seq";
        match &self.raw {
            Raw::Sqlite { dir } => {
                let options = sqlx::sqlite::SqliteConnectOptions::new()
                    .filename(dir.path().join(tracktwo_store_sqlite::DATABASE_FILE));
                let pool = sqlx::SqlitePool::connect_with(options).await.expect("raw sqlite");
                let actions = sqlx::query_scalar(SQL).fetch_all(&pool).await.expect("raw audit");
                pool.close().await;
                actions
            }
            Raw::Postgres { url, schema } => {
                let pool = pg_pool(url, schema).await;
                let actions = sqlx::query_scalar(SQL).fetch_all(&pool).await.expect("raw audit");
                pool.close().await;
                actions
            }
        }
    }

    /// The first column of every row `sql` selects, as bytes, read directly from the database
    /// below the port (a BLOB on SQLite, a BYTEA on PostgreSQL).
    pub async fn raw_blobs(&self, sql: &str) -> Vec<Vec<u8>> {
        let query = sqlx::AssertSqlSafe(sql.to_owned());
        match &self.raw {
            Raw::Sqlite { dir } => {
                let pool = sqlite_pool(dir).await;
                let blobs = sqlx::query_scalar(query).fetch_all(&pool).await.expect("raw query");
                pool.close().await;
                blobs
            }
            Raw::Postgres { url, schema } => {
                let pool = pg_pool(url, schema).await;
                let blobs = sqlx::query_scalar(query).fetch_all(&pool).await.expect("raw query");
                pool.close().await;
                blobs
            }
        }
    }

    /// A pool straight to the PostgreSQL schema of this store, below the port; `None` on SQLite.
    pub async fn raw_postgres(&self) -> Option<sqlx::PgPool> {
        match &self.raw {
            Raw::Sqlite { .. } => None,
            Raw::Postgres { url, schema } => Some(pg_pool(url, schema).await),
        }
    }

    /// Every byte the backend keeps at rest for this store: the SQLite files (database, WAL,
    /// journal, shared memory), or a plain `pg_dump` of the schema.
    pub async fn bytes_at_rest(&self) -> Vec<(String, Vec<u8>)> {
        match &self.raw {
            Raw::Sqlite { dir } => std::fs::read_dir(dir.path())
                .expect("read data dir")
                .map(|entry| {
                    let path: PathBuf = entry.expect("entry").path();
                    (path.display().to_string(), std::fs::read(&path).expect("read file"))
                })
                .collect(),
            Raw::Postgres { url, schema } => {
                let output = std::process::Command::new("pg_dump")
                    .arg("--schema")
                    .arg(schema)
                    .arg("--dbname")
                    .arg(url)
                    .output()
                    .expect("run pg_dump");
                assert!(output.status.success(), "pg_dump failed: {}", String::from_utf8_lossy(&output.stderr));
                vec![(format!("pg_dump of {schema}"), output.stdout)]
            }
        }
    }

    pub async fn cleanup(self) {
        self.store.close().await;
        if let Raw::Postgres { url, schema } = &self.raw {
            let pool = sqlx::PgPool::connect(url).await.expect("connect for cleanup");
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP SCHEMA IF EXISTS {schema} CASCADE")))
                .execute(&pool)
                .await
                .expect("drop test schema");
            pool.close().await;
        }
    }
}

async fn sqlite_pool(dir: &tempfile::TempDir) -> sqlx::SqlitePool {
    let options =
        sqlx::sqlite::SqliteConnectOptions::new().filename(dir.path().join(tracktwo_store_sqlite::DATABASE_FILE));
    sqlx::SqlitePool::connect_with(options).await.expect("raw sqlite")
}

async fn pg_pool(url: &str, schema: &str) -> sqlx::PgPool {
    use std::str::FromStr;
    let options = sqlx::postgres::PgConnectOptions::from_str(url).expect("url").options([("search_path", schema)]);
    sqlx::PgPool::connect_with(options).await.expect("raw postgres")
}

/// A clock the test moves by hand.
#[derive(Clone)]
pub struct TestClock(Arc<std::sync::Mutex<tracktwo_domain::Timestamp>>);

impl TestClock {
    #[must_use]
    pub fn new() -> Self {
        Self(Arc::new(std::sync::Mutex::new(tracktwo_app::Clock::now(&SystemClock))))
    }

    pub fn advance(&self, by: time::Duration) {
        let mut now = self.0.lock().expect("clock");
        *now += by;
    }
}

impl Default for TestClock {
    fn default() -> Self {
        Self::new()
    }
}

impl tracktwo_app::Clock for TestClock {
    fn now(&self) -> tracktwo_domain::Timestamp {
        *self.0.lock().expect("clock")
    }
}

/// The initiative the stories work in: "Serin", not a secret channel, with its two sides.
pub struct Serin {
    pub id: InitiativeId,
    pub upper_vale: SideId,
    pub lowland_coast: SideId,
}

/// Creates [`Serin`] as the key holder.
pub async fn serin_with_two_sides(app: &App) -> Serin {
    let kh = Identity::key_holder();
    let id = app
        .create_initiative(
            &kh,
            NewInitiative { title: "Serin".into(), description: String::new(), secret_channel: false },
            None,
        )
        .await
        .expect("create the initiative")
        .id;
    let side = |name: &str| NewSide { name: name.into() };
    let upper_vale = app.add_side(&kh, id, side("Upper Vale")).await.expect("add a side").id;
    let lowland_coast = app.add_side(&kh, id, side("Lowland Coast")).await.expect("add a side").id;
    Serin { id, upper_vale, lowland_coast }
}

/// Initialises an app over `store` with the test key and a clock the test controls.
pub async fn init_app_with_clock(store: Arc<dyn Store>, clock: TestClock) -> App {
    App::init(store, &test_unlock(), TEST_KDF, Arc::new(clock), Box::new(SystemEntropy::new().expect("entropy")))
        .await
        .expect("init store")
}

/// Initialises an app over `store` with the test key.
pub async fn init_app(store: Arc<dyn Store>) -> App {
    App::init(store, &test_unlock(), TEST_KDF, Arc::new(SystemClock), Box::new(SystemEntropy::new().expect("entropy")))
        .await
        .expect("init store")
}

/// Initialises an app over `store` with the test key, its genesis recording the older format
/// `born_at`: for tests that simulate a store written by an earlier version (with
/// [`TestStore::rewrite_as_format_1`] or [`TestStore::rewrite_as_format_2`]).
pub async fn init_app_born_at(store: Arc<dyn Store>, born_at: i64) -> App {
    let entropy = Box::new(SystemEntropy::new().expect("entropy"));
    App::init_born_at(store, &test_unlock(), TEST_KDF, Arc::new(SystemClock), entropy, born_at)
        .await
        .expect("init store")
}

/// Restores `backup` into `store` with the test key, taking keys from `keyring` (an export) and
/// the store's own keyring.
pub async fn restore(
    store: &Arc<dyn Store>,
    backup: &[u8],
    keyring: Option<&[u8]>,
    force: bool,
) -> tracktwo_app::Result<tracktwo_app::RestoreReport> {
    let mut keyring = keyring;
    App::restore(
        Arc::clone(store),
        &test_unlock(),
        &mut &backup[..],
        keyring.as_mut().map(|k| k as &mut dyn std::io::Read),
        force,
        Arc::new(SystemClock),
        Box::new(SystemEntropy::new().expect("entropy")),
    )
    .await
}

/// Opens an initialised store with the test key and a clock the test controls (a second server
/// beside the one `init_app_with_clock` made, on the same clock).
pub async fn open_app_with_clock(store: Arc<dyn Store>, clock: TestClock) -> App {
    App::open(store, &test_unlock(), Arc::new(clock), Box::new(SystemEntropy::new().expect("entropy")))
        .await
        .expect("open store")
}

/// Opens an initialised store with the test key.
pub async fn open_app(store: Arc<dyn Store>) -> App {
    App::open(store, &test_unlock(), Arc::new(SystemClock), Box::new(SystemEntropy::new().expect("entropy")))
        .await
        .expect("open store")
}

/// A person on `initiative`'s map, with a registry entry that records whether they consented to
/// be listed: an attendee as a meeting takes one. `code` must be unique on the map.
pub async fn person_on_map(
    app: &App,
    initiative: InitiativeId,
    name: &str,
    code: &str,
    side: Option<SideId>,
    listed: bool,
) -> tracktwo_domain::ActorId {
    use tracktwo_domain::map::{ActorDetails, ActorKind, Consent, ConsentAnswer, Level, RegistryEntry, Track};
    let kh = Identity::key_holder();
    let details = ActorDetails {
        kind: ActorKind::Person,
        name: Some(name.into()),
        code_name: code.into(),
        primary_track: Track::PrivateCitizens,
        tracks: std::collections::BTreeSet::new(),
        level: Level::MiddleRange,
        side,
        role: String::new(),
        decision_maker: false,
        notes: String::new(),
        public_description: String::new(),
        unplaced: std::collections::BTreeSet::new(),
    };
    let actor = app.add_actor(&kh, initiative, details).await.expect("add an actor").id;
    let answer = if listed { ConsentAnswer::Given } else { ConsentAnswer::Refused };
    let entry =
        RegistryEntry { consent: Consent { to_be_listed: answer, ..Consent::default() }, ..RegistryEntry::default() };
    app.set_registry_entry(&kh, initiative, actor, entry).await.expect("record consent");
    actor
}

/// The words an HTML message says itself: outside its tags and outside what it was given to
/// show (people's words and what a program said, each in a `<bdi>`).
#[must_use]
pub fn own_words(html: &str) -> String {
    let mut words = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<bdi") {
        words.push_str(&rest[..start]);
        rest = rest[start..].split_once("</bdi>").map_or("", |(_, after)| after);
    }
    words.push_str(rest);
    let (mut out, mut in_tag) = (String::new(), false);
    for c in words.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// What `words` says outside the pseudo-locales' brackets: in a message of `en-XA` or `ar-XB`,
/// nothing of its own but figures and punctuation should be left.
#[must_use]
pub fn outside_pseudo_brackets(words: &str) -> String {
    let (mut depth, mut outside) = (0usize, String::new());
    for c in words.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    outside
}

#[cfg(test)]
mod tests {
    use super::{PostgresChoice, postgres_choice};

    const URL: &str = "postgres://postgres@127.0.0.1:5432/test";

    #[test]
    fn a_named_server_runs_the_stories() {
        assert_eq!(postgres_choice(Some(URL.into()), None, false), Ok(PostgresChoice::Run(URL.into())));
        // A server named beside an opt-out still runs them: the opt-out is for want of a server.
        assert_eq!(postgres_choice(Some(URL.into()), Some("skip".into()), true), Ok(PostgresChoice::Run(URL.into())));
    }

    #[test]
    fn without_a_server_the_stories_fail_and_say_how_to_name_one() {
        for url in [None, Some(String::new())] {
            let message = postgres_choice(url, None, false).expect_err("no server, no opt-out");
            assert!(message.contains("TRACKTWO_TEST_POSTGRES_URL=postgres://"), "{message}");
            assert!(message.contains("TRACKTWO_TEST_POSTGRES=skip"), "{message}");
        }
    }

    #[test]
    fn only_an_explicit_skip_outside_ci_skips() {
        assert_eq!(postgres_choice(None, Some("skip".into()), false), Ok(PostgresChoice::Skip));
        let in_ci = postgres_choice(None, Some("skip".into()), true).expect_err("CI never skips");
        assert!(in_ci.contains("CI must not skip"), "{in_ci}");
        for other in ["", "1", "yes", "SKIP"] {
            let message = postgres_choice(None, Some(other.into()), false).expect_err("only `skip` opts out");
            assert!(message.contains("the only value it takes is `skip`"), "{message}");
        }
    }
}
