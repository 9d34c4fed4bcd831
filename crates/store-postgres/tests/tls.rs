//! TLS to PostgreSQL, against clusters this test starts itself: one that accepts TLS only (its
//! certificate issued by a CA made here for `localhost`), one without TLS. The server binaries
//! (`initdb`, `pg_ctl`) must be installed; without them the tests fail and say so.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, Weak};
use std::time::Instant;

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose};
use tracktwo_store::{KeySource, RowAuthenticator, Store, StoreError, StoreMeta, UnauthenticRow};
use tracktwo_store_postgres::PostgresStore;

/// Carried in every URL: no error may show it.
const PASSWORD: &str = "canary-pw-7f3a";

// ---------------------------------------------------------------------------------------------
// The clusters.

/// A PostgreSQL cluster in a temporary folder, stopped when dropped (on panic too).
struct Cluster {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    /// Root may not run the server: then every server command runs as the `postgres` user.
    as_postgres: bool,
    /// The CA that issued the server's certificate, and another one.
    ca: PathBuf,
    other_ca: PathBuf,
    started: bool,
    // Last, so the folder goes after the server has stopped.
    _dir: tempfile::TempDir,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Wire {
    TlsOnly,
    PlainOnly,
}

impl Cluster {
    fn start(wire: Wire) -> Self {
        let began = Instant::now();
        let bin = server_binaries();
        let dir = tempfile::Builder::new().prefix("tracktwo-pg-tls-").tempdir().expect("temporary folder");
        let as_postgres = owner_uid(dir.path()) == 0;
        let data = dir.path().join("data");
        let ca = dir.path().join("ca.pem");
        let other_ca = dir.path().join("other-ca.pem");
        let port = free_port();
        let mut cluster = Self { bin, data: data.clone(), port, as_postgres, ca, other_ca, started: false, _dir: dir };
        let root = cluster._dir.path().to_owned();
        if as_postgres {
            run(Command::new("chown").args(["postgres:", &path_str(&root)]), "chown the cluster folder to postgres");
        }

        cluster.server(
            "initdb",
            &[
                "-D",
                &path_str(&data),
                "-U",
                "tracktwo",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions",
            ],
        );

        let mut conf = format!(
            "\nlisten_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = ''\n\
             fsync = off\nshared_buffers = 16MB\nmax_connections = 40\n"
        );
        // The plaintext cluster gets CA files too, for the clients that would check them.
        let pki = Pki::new();
        std::fs::write(&cluster.ca, &pki.ca_pem).expect("write the CA");
        std::fs::write(&cluster.other_ca, &pki.other_ca_pem).expect("write the other CA");
        let hba = match wire {
            Wire::TlsOnly => {
                let cert = data.join("server.crt");
                let key = data.join("server.key");
                std::fs::write(&cert, pki.server_cert_pem).expect("write the server certificate");
                std::fs::write(&key, pki.server_key_pem).expect("write the server key");
                // The server refuses a key that others can read.
                std::fs::set_permissions(&key, std::os::unix::fs::PermissionsExt::from_mode(0o600)).expect("key mode");
                if as_postgres {
                    run(
                        Command::new("chown").args(["postgres:", &path_str(&cert), &path_str(&key)]),
                        "chown the server's certificate and key",
                    );
                }
                conf.push_str(&format!(
                    "ssl = on\nssl_cert_file = '{}'\nssl_key_file = '{}'\n",
                    path_str(&cert),
                    path_str(&key)
                ));
                "hostssl all all 127.0.0.1/32 trust\nhostnossl all all 127.0.0.1/32 reject\n"
            }
            Wire::PlainOnly => {
                conf.push_str("ssl = off\n");
                "host all all 127.0.0.1/32 trust\n"
            }
        };
        append(&data.join("postgresql.conf"), &conf);
        std::fs::write(data.join("pg_hba.conf"), hba).expect("write pg_hba.conf");

        // From here on, the guard stops whatever pg_ctl managed to start.
        cluster.started = true;
        let log = root.join("server.log");
        if let Err(message) =
            cluster.try_server("pg_ctl", &["-D", &path_str(&data), "-l", &path_str(&log), "-w", "-t", "30", "start"])
        {
            let log = std::fs::read_to_string(&log).unwrap_or_default();
            panic!("the test cluster did not start: {message}\nserver log:\n{log}");
        }
        eprintln!("a {} cluster started on port {port} in {:?}", wire.describe(), began.elapsed());
        cluster
    }

    fn url(&self, host: &str, query: &str) -> String {
        format!("postgres://tracktwo:{PASSWORD}@{host}:{}/postgres?{query}", self.port)
    }

    /// Runs one server binary (as `postgres` when this process is root) and fails the test with
    /// its output if it fails.
    fn server(&self, program: &str, args: &[&str]) {
        if let Err(message) = self.try_server(program, args) {
            panic!("{message}");
        }
    }

    fn try_server(&self, program: &str, args: &[&str]) -> Result<(), String> {
        let program = self.bin.join(program);
        let mut command = if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&program);
            command
        } else {
            Command::new(&program)
        };
        // The postgres user may not enter this process's working folder.
        command.args(args).current_dir(self._dir.path()).stdin(Stdio::null());
        let output = command.output().map_err(|e| format!("cannot run {}: {e}", program.display()))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(format!(
                "{} {} failed ({}):\n{}{}",
                program.display(),
                args.join(" "),
                output.status,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ))
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if self.started {
            let data = path_str(&self.data);
            if let Err(message) = self.try_server("pg_ctl", &["-D", &data, "-m", "immediate", "-w", "stop"]) {
                eprintln!("stopping the test cluster: {message}");
            }
        }
    }
}

impl Wire {
    fn describe(self) -> &'static str {
        match self {
            Self::TlsOnly => "TLS-only",
            Self::PlainOnly => "plaintext-only",
        }
    }
}

/// One cluster of each kind, shared by the tests running at the same time and stopped when the
/// last of them lets go.
fn cluster(wire: Wire) -> Arc<Cluster> {
    static TLS: Mutex<Weak<Cluster>> = Mutex::new(Weak::new());
    static PLAIN: Mutex<Weak<Cluster>> = Mutex::new(Weak::new());
    let slot = match wire {
        Wire::TlsOnly => &TLS,
        Wire::PlainOnly => &PLAIN,
    };
    let mut slot = slot.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(cluster) = slot.upgrade() {
        return cluster;
    }
    let cluster = Arc::new(Cluster::start(wire));
    *slot = Arc::downgrade(&cluster);
    cluster
}

/// The folder holding `initdb` and `pg_ctl`: Debian's newest `/usr/lib/postgresql/N/bin`, else
/// the first on `PATH`.
fn server_binaries() -> PathBuf {
    let has_both = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    let mut debian: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            has_both(&bin).then_some((version, bin))
        })
        .collect();
    debian.sort();
    if let Some((_, bin)) = debian.pop() {
        return bin;
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path).find(|dir| has_both(dir)).unwrap_or_else(|| {
        panic!(
            "the TLS tests start a PostgreSQL cluster of their own, but initdb and pg_ctl were found \
             neither in /usr/lib/postgresql/N/bin nor on PATH: install PostgreSQL's server \
             (Debian: apt-get install postgresql) or put its bin folder on PATH"
        )
    })
}

fn owner_uid(path: &Path) -> u32 {
    std::os::unix::fs::MetadataExt::uid(&std::fs::metadata(path).expect("metadata"))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port").local_addr().expect("address").port()
}

fn path_str(path: &Path) -> String {
    path.to_str().expect("a UTF-8 temporary path").to_owned()
}

fn append(path: &Path, text: &str) {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new().append(true).open(path).expect("open for appending");
    file.write_all(text.as_bytes()).expect("append");
}

fn run(command: &mut Command, what: &str) {
    let output = command.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(output.status.success(), "{what}: {}", String::from_utf8_lossy(&output.stderr));
}

// ---------------------------------------------------------------------------------------------
// Certificates.

struct Pki {
    ca_pem: String,
    other_ca_pem: String,
    server_cert_pem: String,
    server_key_pem: String,
}

impl Pki {
    /// A CA, a certificate it issues for `localhost` only (so that `127.0.0.1` is another host
    /// name to `verify-full`), and an impostor: another CA under the same name, whose
    /// certificate a client must not take for the real one's.
    fn new() -> Self {
        let ca = certificate_authority();
        let other_ca = certificate_authority();
        let mut params = CertificateParams::new(vec!["localhost".to_owned()]).expect("server parameters");
        params.distinguished_name.push(DnType::CommonName, "localhost");
        let key = KeyPair::generate().expect("server key");
        let cert = params.signed_by(&key, &ca).expect("server certificate");
        Self {
            ca_pem: ca.pem(),
            other_ca_pem: other_ca.pem(),
            server_cert_pem: cert.pem(),
            server_key_pem: key.serialize_pem(),
        }
    }
}

fn certificate_authority() -> CertifiedIssuer<'static, KeyPair> {
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA parameters");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(DnType::CommonName, "tracktwo test database CA");
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign, KeyUsagePurpose::DigitalSignature];
    CertifiedIssuer::self_signed(params, KeyPair::generate().expect("CA key")).expect("CA certificate")
}

// ---------------------------------------------------------------------------------------------
// Helpers.

struct NoKey;

impl RowAuthenticator for NoKey {
    fn mac(&self, _canonical: &[u8]) -> [u8; 32] {
        [7; 32]
    }
    fn verify(&self, _canonical: &[u8], mac: &[u8]) -> bool {
        mac == [7; 32]
    }
    fn refused(&self, row: &UnauthenticRow) {
        panic!("row refused: {row}");
    }
}

async fn refused(url: &str, schema: &str) -> String {
    match PostgresStore::connect(url, Some(schema)).await {
        Ok(_) => panic!("connected where the connection must be refused"),
        Err(e) => {
            assert!(matches!(e, StoreError::Unavailable(_)), "refused as unavailable: {e:?}");
            let message = e.to_string();
            assert!(!message.contains(PASSWORD), "the error shows the password: {message}");
            assert!(!message.contains(url), "the error shows the URL: {message}");
            message
        }
    }
}

async fn connects(url: &str, schema: &str) -> PostgresStore {
    PostgresStore::connect(url, Some(schema)).await.unwrap_or_else(|e| panic!("connect: {e}"))
}

async fn wire_is_tls(store: &PostgresStore) -> bool {
    sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(store.pool())
        .await
        .expect("read pg_stat_ssl")
}

fn ca_query(mode: &str, ca: &Path) -> String {
    format!("sslmode={mode}&sslrootcert={}", path_str(ca))
}

// ---------------------------------------------------------------------------------------------
// The tests.

#[tokio::test]
async fn verify_full_reaches_a_tls_only_server_and_round_trips() {
    let began = Instant::now();
    let cluster = cluster(Wire::TlsOnly);
    let store = connects(&cluster.url("localhost", &ca_query("verify-full", &cluster.ca)), "tls_round_trip").await;
    assert!(wire_is_tls(&store).await, "the connection is TLS");

    // The migrations ran over TLS; now a write and a read through the port.
    assert!(store.meta().await.expect("meta").is_none(), "a new store has no meta yet");
    let meta = StoreMeta {
        format_version: tracktwo_store::FORMAT_VERSION,
        created_at: time::OffsetDateTime::from_unix_timestamp(1_700_000_000).expect("time"),
        key_source: KeySource::KeyFile,
        key_check: vec![1, 2, 3, 4],
    };
    let mut tx = store.begin(Arc::new(NoKey)).await.expect("begin");
    tx.init_meta(&meta).await.expect("init meta");
    tx.commit().await.expect("commit");
    assert_eq!(store.meta().await.expect("meta"), Some(meta.clone()));

    // Every connection of the pool goes over TLS (the server would refuse any other).
    let mut handles = Vec::new();
    let store = Arc::new(store);
    for _ in 0..6 {
        let store = Arc::clone(&store);
        handles.push(tokio::spawn(async move { wire_is_tls(&store).await }));
    }
    for handle in handles {
        assert!(handle.await.expect("join"), "every pooled connection is TLS");
    }

    // A second opening finds the store as written.
    let again = connects(&cluster.url("localhost", &ca_query("verify-full", &cluster.ca)), "tls_round_trip").await;
    assert_eq!(again.meta().await.expect("meta"), Some(meta));
    eprintln!("verify-full round trip in {:?}", began.elapsed());
}

#[tokio::test]
async fn a_plaintext_client_is_refused_by_a_tls_only_server() {
    let cluster = cluster(Wire::TlsOnly);
    let message = refused(&cluster.url("localhost", "sslmode=disable"), "tls_plaintext").await;
    assert!(message.contains("the database server refused the connection"), "{message}");
    assert!(message.contains("no encryption"), "the server says why: {message}");
    // The same server, the same credentials, over TLS: it was the plaintext that was refused.
    let store = connects(&cluster.url("localhost", &ca_query("verify-full", &cluster.ca)), "tls_plaintext").await;
    assert!(wire_is_tls(&store).await);
}

#[tokio::test]
async fn a_certificate_from_another_ca_is_refused() {
    let cluster = cluster(Wire::TlsOnly);
    for mode in ["verify-full", "verify-ca"] {
        let message = refused(&cluster.url("localhost", &ca_query(mode, &cluster.other_ca)), "tls_other_ca").await;
        assert!(message.contains("TLS to the database failed"), "{mode}: {message}");
        assert!(message.contains("invalid peer certificate"), "{mode}: the certificate is not trusted: {message}");
    }
    // No CA named: the public web roots do not vouch for a private CA either.
    let message = refused(&cluster.url("localhost", "sslmode=verify-full"), "tls_other_ca").await;
    assert!(message.contains("invalid peer certificate: UnknownIssuer"), "{message}");
}

#[tokio::test]
async fn require_with_a_root_certificate_checks_the_ca() {
    let cluster = cluster(Wire::TlsOnly);
    // As libpq: `require` with a root certificate is `verify-ca`.
    let message = refused(&cluster.url("localhost", &ca_query("require", &cluster.other_ca)), "tls_require").await;
    assert!(message.contains("invalid peer certificate"), "{message}");
    let store = connects(&cluster.url("localhost", &ca_query("require", &cluster.ca)), "tls_require").await;
    assert!(wire_is_tls(&store).await);
    // Without one, `require` encrypts but checks nothing, which is all it promises.
    let store = connects(&cluster.url("localhost", "sslmode=require"), "tls_require").await;
    assert!(wire_is_tls(&store).await);
}

#[tokio::test]
async fn verify_full_refuses_a_certificate_for_another_host() {
    let cluster = cluster(Wire::TlsOnly);
    // The certificate names `localhost`, not `127.0.0.1`.
    let message = refused(&cluster.url("127.0.0.1", &ca_query("verify-full", &cluster.ca)), "tls_host").await;
    assert!(message.contains("TLS to the database failed"), "{message}");
    assert!(message.contains("certificate not valid for name \"127.0.0.1\""), "the name does not match: {message}");
    // verify-ca checks the issuer only.
    let store = connects(&cluster.url("127.0.0.1", &ca_query("verify-ca", &cluster.ca)), "tls_host").await;
    assert!(wire_is_tls(&store).await);
}

#[tokio::test]
async fn a_client_demanding_tls_refuses_a_server_without_it() {
    let cluster = cluster(Wire::PlainOnly);
    // The server is there and answers in plaintext.
    let store = connects(&cluster.url("localhost", "sslmode=disable"), "plain").await;
    assert!(!wire_is_tls(&store).await);
    for query in
        ["sslmode=require".to_owned(), ca_query("verify-ca", &cluster.ca), ca_query("verify-full", &cluster.ca)]
    {
        let message = refused(&cluster.url("localhost", &query), "plain").await;
        assert!(message.contains("TLS to the database failed: server does not support TLS"), "{query}: {message}");
    }
}

#[tokio::test]
async fn a_misspelt_sslmode_is_refused_not_ignored() {
    // Refused before any connection is tried: nothing listens on port 1.
    let url = format!("postgres://tracktwo:{PASSWORD}@127.0.0.1:1/postgres?ssl_mode=verify-full");
    let message = refused(&url, "unused").await;
    assert!(message.contains("does not know: ssl_mode"), "{message}");

    let url = format!("postgres://tracktwo:{PASSWORD}@127.0.0.1:1/postgres?sslmode=verify_full");
    let message = refused(&url, "unused").await;
    assert!(message.contains("sslmode must be one of"), "{message}");

    // A CA file that is not there is named, before the driver would fail at the handshake.
    let url =
        format!("postgres://tracktwo:{PASSWORD}@127.0.0.1:1/postgres?sslmode=verify-full&sslrootcert=/nowhere/ca.pem");
    let message = refused(&url, "unused").await;
    assert!(message.contains("sslrootcert names (/nowhere/ca.pem) cannot be read"), "{message}");

    // A mangled URL whose password landed in a parameter's name: refused, the name not shown.
    let url = format!("postgres://tracktwo@127.0.0.1:1/postgres?{PASSWORD}");
    let message = refused(&url, "unused").await;
    assert!(message.contains("does not know"), "{message}");
}
