//! The binary as an operator meets it: every command has help, every bad input a clear message
//! and a non-zero exit, never a panic; backups, restores, exports and audit checks from the
//! command line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::KillOnDrop;

const BIN: &str = env!("CARGO_BIN_EXE_tracktwo");

pub(crate) struct Env {
    pub(crate) dir: tempfile::TempDir,
}

impl Env {
    pub(crate) fn new() -> Self {
        let env = Self { dir: tempfile::tempdir().unwrap() };
        std::fs::write(env.key(), [7u8; 32]).unwrap();
        env
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn key(&self) -> PathBuf {
        self.path("key")
    }

    fn data(&self) -> PathBuf {
        self.path("data")
    }

    /// Runs the binary in the temp folder with a clean `TRACKTWO_*` environment.
    pub(crate) fn run(&self, args: &[&str], envs: &[(&str, &str)]) -> Output {
        let mut command = Command::new(BIN);
        command.current_dir(self.dir.path()).args(args);
        for (name, _) in std::env::vars() {
            if name.starts_with("TRACKTWO_") {
                command.env_remove(name);
            }
        }
        command.env_remove("CI");
        // Messages in English whatever the machine's locale; a test asks for another language.
        for name in ["LANG", "LC_ALL", "LC_MESSAGES"] {
            command.env_remove(name);
        }
        command.envs(envs.iter().copied());
        command.output().expect("run tracktwo")
    }

    /// Runs against the store in `data/` unlocked by the key file.
    pub(crate) fn tt(&self, args: &[&str]) -> Output {
        let key = self.key();
        let data = self.data();
        let mut all = vec!["--data-dir", data.to_str().unwrap(), "--key-file", key.to_str().unwrap()];
        all.extend_from_slice(args);
        self.run(&all, &[])
    }

    /// As [`Env::tt`], under the umask given (in octal), set by a shell that then becomes the
    /// binary.
    fn tt_with_umask(&self, umask: &str, args: &[&str]) -> Output {
        let key = self.key();
        let data = self.data();
        let mut command = Command::new("sh");
        command.current_dir(self.dir.path()).arg("-c").arg(format!("umask {umask} && exec \"$0\" \"$@\""));
        command.args([BIN, "--data-dir", data.to_str().unwrap(), "--key-file", key.to_str().unwrap()]).args(args);
        for (name, _) in std::env::vars() {
            if name.starts_with("TRACKTWO_") {
                command.env_remove(name);
            }
        }
        command.env_remove("CI");
        for name in ["LANG", "LC_ALL", "LC_MESSAGES"] {
            command.env_remove(name);
        }
        command.output().expect("run tracktwo")
    }
}

pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[track_caller]
pub(crate) fn ok(output: Output) -> String {
    assert!(output.status.success(), "failed: {}\n{}", stdout(&output), stderr(&output));
    stdout(&output)
}

/// Fails with a message containing `expected`, exit code 1, and no panic or backtrace.
#[track_caller]
pub(crate) fn fails_with(output: &Output, expected: &str) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(1), "exit code; stderr: {err}");
    assert!(err.contains(expected), "expected `{expected}` in: {err}");
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "panic: {err}");
}

#[test]
fn every_command_has_help() {
    let env = Env::new();
    let commands: &[&[&str]] = &[
        &[],
        &["init"],
        &["serve"],
        &["demo"],
        &["backup"],
        &["restore"],
        &["keyring"],
        &["keyring", "export"],
        &["audit"],
        &["audit", "verify"],
        &["export"],
        &["user"],
        &["user", "add"],
        &["user", "list"],
        &["token"],
        &["token", "create"],
        &["initiative"],
        &["initiative", "create"],
        &["initiative", "list"],
        &["initiative", "destroy"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        let out = ok(env.run(&args, &[]));
        assert!(out.contains("Usage: tracktwo"), "{command:?}: {out}");
    }
    // Usage errors exit with 2 and say what is wrong.
    let out = env.run(&["frobnicate"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unrecognized subcommand"));
}

#[test]
fn missing_unreadable_and_short_keys_are_refused_clearly() {
    let env = Env::new();
    let data = env.data();
    let data = data.to_str().unwrap();
    fails_with(&env.run(&["--data-dir", data, "init"], &[]), "no key given");
    fails_with(
        &env.run(&["--data-dir", data, "init"], &[("TRACKTWO_KEY_FILE", "/nonexistent/key")]),
        "cannot read the key file /nonexistent/key",
    );
    std::fs::write(env.path("short"), b"12345").unwrap();
    fails_with(
        &env.run(&["--data-dir", data, "--key-file", env.path("short").to_str().unwrap(), "init"], &[]),
        "holds 5 bytes",
    );
}

#[test]
fn a_wrong_passphrase_is_refused_before_anything_is_read() {
    let env = Env::new();
    std::fs::write(env.path("pass"), "correct horse battery staple\n").unwrap();
    std::fs::write(env.path("wrong"), "incorrect horse\n").unwrap();
    let data = env.data();
    let data = data.to_str().unwrap();
    let pass = env.path("pass");
    ok(env.run(
        &["--data-dir", data, "init", "--admin", "root"],
        &[("TRACKTWO_PASSPHRASE_FILE", pass.to_str().unwrap())],
    ));
    let listed =
        ok(env.run(&["--data-dir", data, "user", "list"], &[("TRACKTWO_PASSPHRASE_FILE", pass.to_str().unwrap())]));
    assert!(listed.contains("root"));
    let wrong = env.path("wrong");
    fails_with(
        &env.run(&["--data-dir", data, "user", "list"], &[("TRACKTWO_PASSPHRASE_FILE", wrong.to_str().unwrap())]),
        "wrong passphrase or key file",
    );
    fails_with(
        &env.run(&["--data-dir", data, "--key-file", env.key().to_str().unwrap(), "user", "list"], &[]),
        "passphrase",
    );
}

#[test]
fn corrupt_and_foreign_database_files_are_refused() {
    let env = Env::new();
    std::fs::create_dir_all(env.data()).unwrap();
    std::fs::write(env.data().join("tracktwo.db"), vec![0x42u8; 8192]).unwrap();
    fails_with(&env.tt(&["init"]), "not a tracktwo store");

    let foreign = Env::new();
    std::fs::create_dir_all(foreign.data()).unwrap();
    let path = foreign.data().join("tracktwo.db");
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&path).create_if_missing(true);
        let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
        sqlx::query("CREATE TABLE recipes (name TEXT)").execute(&pool).await.unwrap();
        pool.close().await;
    });
    fails_with(&foreign.tt(&["user", "list"]), "none of tracktwo's");
}

#[test]
fn a_store_written_by_a_newer_version_is_refused() {
    let env = Env::new();
    ok(env.tt(&["init"]));
    let path = env.data().join("tracktwo.db");
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let pool =
            sqlx::SqlitePool::connect_with(sqlx::sqlite::SqliteConnectOptions::new().filename(&path)).await.unwrap();
        sqlx::query("UPDATE store_meta SET format_version = 7").execute(&pool).await.unwrap();
        pool.close().await;
    });
    fails_with(&env.tt(&["user", "list"]), "written by a newer version of tracktwo");
}

#[test]
fn an_unreachable_postgres_is_reported_without_its_password() {
    let env = Env::new();
    let out = env.run(
        &[
            "--key-file",
            env.key().to_str().unwrap(),
            "--database-url",
            "postgres://ops:S3CRET-PW@127.0.0.1:1/tracktwo",
            "init",
        ],
        &[],
    );
    fails_with(&out, "cannot open the PostgreSQL store");
    assert!(!stderr(&out).contains("S3CRET-PW"));
}

#[test]
fn an_unwritable_data_folder_is_refused() {
    let env = Env::new();
    std::fs::write(env.path("a-file"), b"not a folder").unwrap();
    let out = env.run(
        &["--data-dir", env.path("a-file/data").to_str().unwrap(), "--key-file", env.key().to_str().unwrap(), "init"],
        &[],
    );
    fails_with(&out, "cannot be used");
}

#[test]
fn a_port_in_use_is_reported() {
    let env = Env::new();
    ok(env.tt(&["init"]));
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = busy.local_addr().unwrap().to_string();
    fails_with(&env.tt(&["serve", "--listen", &address]), "already in use");
}

/// One SQLite store, one server: a second `serve` on the same data folder is refused while the
/// first runs, and starts once it has stopped (the lock goes with the process).
#[test]
fn a_second_server_on_a_sqlite_store_is_refused() {
    use std::io::BufRead;
    let env = Env::new();
    ok(env.tt(&["init"]));
    let (data, key) = (env.data(), env.key());
    let serve = || {
        Command::new(BIN)
            .args(["--data-dir", data.to_str().unwrap(), "--key-file", key.to_str().unwrap()])
            .args(["serve", "--listen", "127.0.0.1:0"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut first = KillOnDrop(serve());
    let serving = std::io::BufReader::new(first.0.stdout.take().unwrap())
        .lines()
        .any(|line| line.is_ok_and(|l| l.starts_with("tracktwo is serving at ")));
    assert!(serving, "the first server did not start");
    fails_with(&env.tt(&["serve", "--listen", "127.0.0.1:0"]), "another `tracktwo serve` already serves the store");
    drop(first);
    let mut again = KillOnDrop(serve());
    let serving = std::io::BufReader::new(again.0.stdout.take().unwrap())
        .lines()
        .any(|line| line.is_ok_and(|l| l.starts_with("tracktwo is serving at ")));
    assert!(serving, "a server could not start once the first had stopped");
}

#[test]
fn unknown_settings_warn_and_bad_ones_fail() {
    let env = Env::new();
    let out = env.run(
        &["--data-dir", env.data().to_str().unwrap(), "--key-file", env.key().to_str().unwrap(), "init"],
        &[("TRACKTWO_DATADIR", "x")],
    );
    assert!(out.status.success());
    assert!(stderr(&out).contains("warning: unknown environment variable TRACKTWO_DATADIR"));
    std::fs::write(env.path("bad.toml"), "listen = \"nowhere\"\n").unwrap();
    fails_with(&env.run(&["--config", env.path("bad.toml").to_str().unwrap(), "serve"], &[]), "listen is not valid");
}

#[test]
fn audit_verify_names_tampering_and_exits_non_zero() {
    let env = Env::new();
    ok(env.tt(&["init", "--admin", "root"]));
    ok(env.tt(&["initiative", "create", "--title", "Audited", "--convener", "root"]));
    assert!(ok(env.tt(&["audit", "verify"])).contains("Audit log intact"));
    let path = env.data().join("tracktwo.db");
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let pool =
            sqlx::SqlitePool::connect_with(sqlx::sqlite::SqliteConnectOptions::new().filename(&path)).await.unwrap();
        sqlx::query("UPDATE audit_events SET target_id = 'someone-else' WHERE seq = 2").execute(&pool).await.unwrap();
        pool.close().await;
    });
    let out = env.tt(&["audit", "verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("event #2 was edited"), "{}", stdout(&out));
}

/// The intruder cuts the chain's last events and rewrites the head inside the store to match:
/// the chain alone is consistent again, and only the anchor kept beside the key file shows it.
#[test]
fn an_anchor_kept_beside_the_key_names_a_tail_cut_with_its_head() {
    let env = Env::new();
    ok(env.tt(&["init", "--admin", "root"]));
    ok(env.tt(&["initiative", "create", "--title", "Anchored", "--convener", "root"]));
    let anchored = ok(env.tt(&["audit", "anchor"]));
    assert!(anchored.contains("anchored in"), "{anchored}");
    let mut beside_the_key = env.key().into_os_string();
    beside_the_key.push(".audit-anchor");
    let beside_the_key = std::path::PathBuf::from(beside_the_key);
    assert_eq!(mode(&beside_the_key), 0o600);
    assert!(ok(env.tt(&["audit", "verify"])).contains("anchored in"));

    let path = env.data().join("tracktwo.db");
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let pool =
            sqlx::SqlitePool::connect_with(sqlx::sqlite::SqliteConnectOptions::new().filename(&path)).await.unwrap();
        let last: i64 = sqlx::query_scalar("SELECT MAX(seq) FROM audit_events").fetch_one(&pool).await.unwrap();
        sqlx::query("DELETE FROM audit_events WHERE seq = $1").bind(last).execute(&pool).await.unwrap();
        sqlx::query(
            "UPDATE audit_head SET seq = (SELECT MAX(seq) FROM audit_events), \
             mac = (SELECT mac FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)) WHERE id = 1",
        )
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    });
    // Without the anchor the cut does not show: the head was rewritten to match.
    let (key, data, elsewhere) = (env.key(), env.data(), env.path("no-anchor-here"));
    let base = ["--data-dir", data.to_str().unwrap(), "--key-file", key.to_str().unwrap(), "audit", "verify"];
    let without = env.run(&base, &[("TRACKTWO_AUDIT_ANCHOR_FILE", elsewhere.to_str().unwrap())]);
    assert!(stdout(&without).contains("Audit log intact"), "{}", stdout(&without));
    // With it (kept beside the key file, found without being named), it does.
    let with = env.tt(&["audit", "verify"]);
    let out = stdout(&with);
    assert!(out.contains("no longer holds event"), "the anchor beside the key was not used: {out}");
    assert_eq!(with.status.code(), Some(1));
    // A new anchor would paper over the cut: refused, and the evidence stays.
    let renewed = env.tt(&["audit", "anchor"]);
    assert!(!renewed.status.success());
    assert!(String::from_utf8_lossy(&renewed.stderr).contains("no longer holds the event"));
    assert!(!stdout(&env.tt(&["audit", "verify"])).contains("intact"));
    // An anchor that was not written with the store's key is named as such.
    let forged = env.path("forged.audit-anchor");
    let mut anchor: serde_json::Value = serde_json::from_slice(&std::fs::read(&beside_the_key).unwrap()).unwrap();
    anchor["seq"] = serde_json::json!(1);
    std::fs::write(&forged, anchor.to_string()).unwrap();
    let out = stdout(&env.tt(&["audit", "verify", "--anchor", forged.to_str().unwrap()]));
    assert!(out.contains("not written with this store's key"), "{out}");
}

/// A store and a backup written by the tracktwo before rows carried MACs, kept as that version
/// wrote them (`tests/fixtures/format-1`): both open after the upgrade. The store gets its MACs
/// once, from this first opening, and everything it held reads back; the backup restores into an
/// empty store with its keyring.
#[test]
fn a_store_and_a_backup_written_before_row_macs_open_after_the_upgrade() {
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-1");
    let env = Env::new();
    std::fs::copy(fixture.join("key"), env.key()).unwrap();
    std::fs::create_dir_all(env.data()).unwrap();
    std::fs::copy(fixture.join("data/tracktwo.db"), env.data().join("tracktwo.db")).unwrap();
    let count = |sql: &'static str| {
        let path = env.data().join("tracktwo.db");
        tokio::runtime::Runtime::new().unwrap().block_on(async {
            let pool = sqlx::SqlitePool::connect_with(sqlx::sqlite::SqliteConnectOptions::new().filename(&path))
                .await
                .unwrap();
            let value: i64 = sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap();
            pool.close().await;
            value
        })
    };
    let format = || count("SELECT format_version FROM store_meta");
    let sealings = || count("SELECT COUNT(*) FROM audit_events WHERE action = 'store.access-state-sealed'");
    assert_eq!((format(), sealings()), (1, 0));

    let initiatives = ok(env.tt(&["initiative", "list"]));
    assert!(initiatives.contains("Format one") && initiatives.contains("Back channel"), "{initiatives}");
    assert_eq!((format(), sealings()), (3, 1));
    // Every row now carries a valid MAC (verify checks each), and the chain is whole.
    let verified = ok(env.tt(&["audit", "verify"]));
    assert!(verified.contains("Audit log intact"), "{verified}");
    assert_eq!(sealings(), 1, "sealed again at a later opening");
    let id = initiatives.lines().find(|l| l.contains("Format one")).unwrap().split_whitespace().next().unwrap();
    let coverage = ok(env.tt(&["map", "coverage", id]));
    assert!(coverage.contains("60"), "the map's 60 actors did not read back: {coverage}");
    // Its token, which had no expiry, was given the default lifetime at the sealing.
    let (tokens, expected) = days_from_now_around(90, || ok(env.tt(&["token", "list", "--user", "root"])));
    let line = tokens.lines().find(|l| l.contains("fixture")).unwrap_or_else(|| panic!("no token listed: {tokens}"));
    assert!(expected.iter().any(|day| line.contains(&format!("expires {day}"))), "{line} (expected {expected:?})");

    // The backup of format 1 restores into an empty store of this version, with its keyring.
    let target = env.path("restored");
    let restored = env.run(
        &[
            "--data-dir",
            target.to_str().unwrap(),
            "--key-file",
            env.key().to_str().unwrap(),
            "restore",
            fixture.join("backup.tt2backup").to_str().unwrap(),
            "--keyring",
            fixture.join("keyring.tt2keys").to_str().unwrap(),
        ],
        &[],
    );
    assert!(restored.status.success(), "{}", String::from_utf8_lossy(&restored.stderr));
    let key = env.key();
    let in_target = |args: &[&str]| {
        let mut all = vec!["--data-dir", target.to_str().unwrap(), "--key-file", key.to_str().unwrap()];
        all.extend_from_slice(args);
        ok(env.run(&all, &[]))
    };
    assert!(in_target(&["initiative", "list"]).contains("Back channel"));
    assert!(in_target(&["audit", "verify"]).contains("Audit log intact"));
}

#[test]
fn tokens_are_created_for_days_listed_and_revoked_from_the_command_line() {
    let env = Env::new();
    ok(env.tt(&["init", "--admin", "root"]));
    fails_with(&env.tt(&["token", "create", "--user", "root", "--days", "400"]), "between 1 and 365 days");
    fails_with(&env.tt(&["token", "create", "--user", "root", "--days", "0"]), "between 1 and 365 days");
    let (created, expected) = days_from_now_around(7, || {
        let output = env.tt(&["token", "create", "--user", "root", "--label", "deploy", "--days", "7"]);
        let secret = ok(output.clone());
        assert!(secret.trim().starts_with("tt2_"), "{secret}");
        stderr(&output)
    });
    assert!(expected.iter().any(|day| created.contains(&format!("valid until {day}"))), "{created}");
    let listed = ok(env.tt(&["token", "list", "--user", "root"]));
    let line = listed.lines().find(|l| l.contains("deploy")).unwrap_or_else(|| panic!("{listed}"));
    assert!(expected.iter().any(|day| line.contains(&format!("expires {day}"))), "{line}");
    let id = line.split_whitespace().next().unwrap();
    fails_with(&env.tt(&["token", "revoke", "not-an-id"]), "not a token id");
    fails_with(&env.tt(&["token", "revoke", "00000000-0000-4000-8000-000000000000"]), "not found");
    assert!(ok(env.tt(&["token", "revoke", id])).contains("revoked"));
    assert!(!ok(env.tt(&["token", "list", "--user", "root"])).contains("deploy"));
    assert!(ok(env.tt(&["audit", "verify"])).contains("intact"));
}

/// The day `days` from now (UTC), as `token list` prints it, taken before and after `run`, so a
/// run across midnight still matches one of the two.
fn days_from_now_around(days: i64, run: impl FnOnce() -> String) -> (String, [String; 2]) {
    let day = || {
        let at = tracktwo_app::Clock::now(&tracktwo_app::system::SystemClock) + time::Duration::days(days);
        at.format(time::macros::format_description!("[year]-[month]-[day]")).unwrap()
    };
    let before = day();
    let out = run();
    (out, [before, day()])
}

/// One GET through the HTTP API with a bearer token: the status code and the body.
fn get_with_token(address: &str, path: &str, token: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split_whitespace().nth(1).and_then(|code| code.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, body)| body.to_owned()).unwrap_or_default();
    (status, body)
}

/// A store and a backup written by the tracktwo before API tokens expired, kept as that version
/// wrote them (`tests/fixtures/format-2`): both open after the upgrade. The token the store
/// issued is given the default lifetime (90 days) from the first opening, once — not an expiry
/// counted from its creation, which could end it on the day of the upgrade — and works through
/// the API until then; the backup's token gets the same when it is restored.
#[test]
fn a_store_and_a_backup_written_before_token_expiry_open_after_the_upgrade() {
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-2");
    let token = std::fs::read_to_string(fixture.join("token")).unwrap().trim().to_owned();
    let env = Env::new();
    std::fs::copy(fixture.join("key"), env.key()).unwrap();
    std::fs::create_dir_all(env.data()).unwrap();
    std::fs::copy(fixture.join("data/tracktwo.db"), env.data().join("tracktwo.db")).unwrap();
    let count = |sql: &'static str| {
        let path = env.data().join("tracktwo.db");
        tokio::runtime::Runtime::new().unwrap().block_on(async {
            let pool = sqlx::SqlitePool::connect_with(sqlx::sqlite::SqliteConnectOptions::new().filename(&path))
                .await
                .unwrap();
            let value: i64 = sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap();
            pool.close().await;
            value
        })
    };
    let format = || count("SELECT format_version FROM store_meta");
    let given = || count("SELECT COUNT(*) FROM audit_events WHERE action = 'store.tokens-given-expiry'");
    assert_eq!((format(), given()), (2, 0));

    let (listed, expected) = days_from_now_around(90, || ok(env.tt(&["token", "list", "--user", "root"])));
    assert_eq!((format(), given()), (3, 1));
    let line = listed.lines().find(|l| l.contains("fixture")).unwrap_or_else(|| panic!("no token listed: {listed}"));
    assert!(expected.iter().any(|day| line.contains(&format!("expires {day}"))), "{line} (expected {expected:?})");
    assert!(line.contains("never used"), "{line}");
    let verified = ok(env.tt(&["audit", "verify"]));
    assert!(verified.contains("Audit log intact"), "{verified}");
    let initiatives = ok(env.tt(&["initiative", "list"]));
    assert!(initiatives.contains("Format two") && initiatives.contains("Back channel"), "{initiatives}");
    // Opening again gives no second expiry.
    ok(env.tt(&["token", "list", "--user", "root"]));
    assert_eq!(given(), 1);

    // The token works through the API, which lists it with its expiry.
    let (key, data) = (env.key(), env.data());
    let mut server = KillOnDrop(
        Command::new(BIN)
            .args(["--data-dir", data.to_str().unwrap(), "--key-file", key.to_str().unwrap()])
            .args(["serve", "--listen", "127.0.0.1:0"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let address = {
        use std::io::BufRead;
        std::io::BufReader::new(server.0.stdout.take().unwrap())
            .lines()
            .find_map(|line| line.ok()?.strip_prefix("tracktwo is serving at http://").map(str::to_owned))
            .expect("server address")
    };
    let (status, body) = get_with_token(&address, "/api/v1/tokens", &token);
    assert_eq!(status, 200, "{body}");
    let tokens: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(tokens[0]["label"], "fixture");
    assert_eq!(tokens[0]["expired"], false);
    assert_eq!(get_with_token(&address, "/api/v1/tokens", "tt2_not-the-fixture-token").0, 401);
    drop(server);

    // The backup of format 2 restores into an empty store of this version, its token given the
    // same expiry. (The server anchored the upgraded store's chain beside the key; the restored
    // store's chain is another, anchored elsewhere.)
    let target = env.path("restored");
    let anchor = env.path("restored.audit-anchor");
    let in_target = |args: &[&str]| {
        let mut all = vec!["--data-dir", target.to_str().unwrap(), "--key-file", key.to_str().unwrap()];
        all.extend_from_slice(args);
        ok(env.run(&all, &[("TRACKTWO_AUDIT_ANCHOR_FILE", anchor.to_str().unwrap())]))
    };
    let backup = fixture.join("backup.tt2backup");
    let keyring = fixture.join("keyring.tt2keys");
    in_target(&["restore", backup.to_str().unwrap(), "--keyring", keyring.to_str().unwrap()]);
    let (listed, expected) = days_from_now_around(90, || in_target(&["token", "list", "--user", "root"]));
    let line = listed.lines().find(|l| l.contains("fixture")).unwrap_or_else(|| panic!("no token listed: {listed}"));
    assert!(expected.iter().any(|day| line.contains(&format!("expires {day}"))), "{line} (expected {expected:?})");
    assert!(in_target(&["audit", "verify"]).contains("Audit log intact"));
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn backup_restore_export_and_destroy_from_the_command_line() {
    let env = Env::new();
    ok(env.tt(&["init", "--admin", "root"]));
    let id = ok(env.tt(&["initiative", "create", "--title", "Neemrana revival", "--convener", "root"]));
    let id = id.trim();
    let backup = env.path("store.tt2backup");
    let keyring = env.path("keyring.tt2keys");
    ok(env.tt(&["backup", backup.to_str().unwrap()]));
    ok(env.tt(&["keyring", "export", keyring.to_str().unwrap()]));
    let backup_bytes = std::fs::read(&backup).unwrap();
    assert!(!String::from_utf8_lossy(&backup_bytes).contains("Neemrana"));

    // Into a new, empty store: needs the keyring.
    let target = env.path("restored");
    let key = env.key();
    let into_target = |extra: &[&str]| {
        let mut args = vec![
            "--data-dir",
            target.to_str().unwrap(),
            "--key-file",
            key.to_str().unwrap(),
            "restore",
            backup.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        env.run(&args, &[])
    };
    fails_with(&into_target(&[]), "--keyring");
    ok(into_target(&["--keyring", keyring.to_str().unwrap()]));
    fails_with(&into_target(&[]), "--force");
    let listed = ok(env.run(
        &["--data-dir", target.to_str().unwrap(), "--key-file", env.key().to_str().unwrap(), "initiative", "list"],
        &[],
    ));
    assert!(listed.contains("Neemrana revival"), "{listed}");

    // The decrypted export: complete, and readable by its owner only.
    let export = env.path("export.json");
    ok(env.tt(&["export", "--out", export.to_str().unwrap()]));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&export).unwrap()).unwrap();
    assert_eq!(json["initiatives"][0]["title"], "Neemrana revival");
    assert_eq!(json["users"][0]["username"], "root");
    assert_eq!(mode(&export), 0o600);

    // Destruction asks for confirmation, then the old backup no longer brings it back.
    fails_with(&env.tt(&["initiative", "destroy", id]), "--yes");
    ok(env.tt(&["initiative", "destroy", id, "--yes"]));
    let out = ok(env.tt(&["restore", backup.to_str().unwrap(), "--force"]));
    assert!(out.contains("were destroyed since"), "{out}");
    assert!(!ok(env.tt(&["initiative", "list"])).contains("Neemrana"));
    assert!(ok(env.tt(&["audit", "verify"])).contains("intact"));

    // Not a backup at all.
    std::fs::write(env.path("junk"), b"hello").unwrap();
    fails_with(&env.tt(&["restore", env.path("junk").to_str().unwrap(), "--force"]), "not a tracktwo backup");
}

/// Under a umask that lets everyone read everything, the store's folder and files and every
/// file the binary writes from the store are still its owner's alone.
#[test]
fn what_the_binary_writes_is_the_owners_alone_whatever_the_umask() {
    let env = Env::new();
    ok(env.tt_with_umask("000", &["init", "--admin", "root"]));
    let id = ok(env.tt_with_umask("000", &["initiative", "create", "--title", "Neemrana revival"]));
    ok(env.tt_with_umask("000", &["initiative", "destroy", id.trim(), "--yes"]));
    // The umask really was applied: a file the shell makes beside them is open to all.
    let witness = env.path("witness");
    let made = Command::new("sh").arg("-c").arg("umask 000 && : > \"$0\"").arg(&witness).status().unwrap();
    assert!(made.success());
    assert_eq!(mode(&witness), 0o666, "the shell did not apply the umask");

    assert_eq!(mode(&env.data()), 0o700, "the data folder");
    let mut store_files = 0;
    for entry in std::fs::read_dir(env.data()).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(mode(&path), 0o600, "{}", path.display());
        store_files += 1;
    }
    assert!(store_files >= 1, "no database file in the data folder");
    let outputs: Vec<(&str, Vec<&str>)> = vec![
        ("store.tt2backup", vec!["backup"]),
        ("keyring.tt2keys", vec!["keyring", "export"]),
        ("export.json", vec!["export", "--out"]),
    ];
    for (name, command) in outputs {
        let path = env.path(name);
        let mut args = command;
        args.push(path.to_str().unwrap());
        ok(env.tt_with_umask("000", &args));
        assert_eq!(mode(&path), 0o600, "{name}");
    }
}

/// Posts one note through the HTTP API and returns the status code.
fn post_note(address: &str, token: &str, initiative: &str, body: &str) -> u16 {
    use std::io::{Read, Write};
    let Ok(mut stream) = std::net::TcpStream::connect(address) else { return 0 };
    let json = format!(r#"{{"body":"{body}"}}"#);
    let request = format!(
        "POST /api/v1/initiatives/{initiative}/notes HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{json}",
        json.len()
    );
    if stream.write_all(request.as_bytes()).is_err() {
        return 0;
    }
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response.split_whitespace().nth(1).and_then(|code| code.parse().ok()).unwrap_or(0)
}

#[test]
fn a_backup_taken_while_the_server_writes_is_consistent() {
    use std::io::BufRead;
    let env = Env::new();
    ok(env.tt(&["init", "--admin", "root"]));
    let initiative = ok(env.tt(&["initiative", "create", "--title", "Live", "--convener", "root"])).trim().to_owned();
    let token = ok(env.tt(&["token", "create", "--user", "root"])).trim().to_owned();

    let key = env.key();
    let data = env.data();
    let mut server = KillOnDrop(
        Command::new(BIN)
            .args([
                "--data-dir",
                data.to_str().unwrap(),
                "--key-file",
                key.to_str().unwrap(),
                "serve",
                "--listen",
                "127.0.0.1:0",
            ])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut lines = std::io::BufReader::new(server.0.stdout.take().unwrap()).lines();
    let address = lines
        .find_map(|line| line.ok()?.strip_prefix("tracktwo is serving at http://").map(str::to_owned))
        .expect("server address");

    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let acknowledged = std::sync::Arc::new(AtomicUsize::new(0));
    let writer = {
        let (stop, acknowledged) = (stop.clone(), acknowledged.clone());
        let (address, token, initiative) = (address.clone(), token.clone(), initiative.clone());
        std::thread::spawn(move || {
            for n in 0..5_000 {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                if post_note(&address, &token, &initiative, &format!("live note {n}")) == 201 {
                    acknowledged.fetch_add(1, Ordering::Relaxed);
                }
            }
        })
    };
    // Back up only once writes are flowing, so the snapshots overlap the load.
    let started = std::time::Instant::now();
    while acknowledged.load(Ordering::Relaxed) < 20 && started.elapsed() < std::time::Duration::from_secs(30) {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let backups: Vec<PathBuf> = (0..2).map(|i| env.path(&format!("live-{i}.tt2backup"))).collect();
    for backup in &backups {
        ok(env.tt(&["backup", backup.to_str().unwrap()]));
    }
    let during_backups = acknowledged.load(Ordering::Relaxed);
    stop.store(true, Ordering::Relaxed);
    writer.join().unwrap();
    drop(server);
    assert!(during_backups >= 20, "the server acknowledged too few writes: {during_backups}");

    let keyring = env.path("live.tt2keys");
    ok(env.tt(&["keyring", "export", keyring.to_str().unwrap()]));
    for (i, backup) in backups.iter().enumerate() {
        let target = env.path(&format!("restored-{i}"));
        let target_args = ["--data-dir", target.to_str().unwrap(), "--key-file", key.to_str().unwrap()];
        let run = |extra: &[&str]| env.run(&[&target_args[..], extra].concat(), &[]);
        ok(run(&["restore", backup.to_str().unwrap(), "--keyring", keyring.to_str().unwrap()]));
        let export = env.path(&format!("restored-{i}.json"));
        ok(run(&["export", "--out", export.to_str().unwrap()]));
        let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&export).unwrap()).unwrap();
        let notes = json["initiatives"][0]["notes"].as_array().unwrap().len();
        let created = json["audit"].as_array().unwrap().iter().filter(|e| e["action"] == "note.created").count();
        assert!(notes >= 1);
        assert_eq!(notes, created, "backup {i} is not one consistent snapshot");
        assert!(ok(run(&["audit", "verify"])).contains("intact"));
    }
}

#[test]
fn accounts_are_managed_from_the_command_line() {
    let env = Env::new();
    let out = ok(env.tt(&["init", "--admin", "root"]));
    let generated = out.lines().find_map(|l| l.strip_prefix("Password (shown only now): ")).expect("password shown");
    let groups: Vec<&str> = generated.split('-').collect();
    assert!(groups.len() == 4 && groups.iter().all(|g| g.len() == 5), "{generated}");
    std::fs::write(env.path("pw"), "a long enough passphrase\n").unwrap();
    ok(env.tt(&["user", "add", "lina", "--name", "Lina Sarkis", "--password-file", env.path("pw").to_str().unwrap()]));
    std::fs::write(env.path("short"), "short\n").unwrap();
    fails_with(&env.tt(&["user", "add", "x", "--password-file", env.path("short").to_str().unwrap()]), "at least 12");
    ok(env.tt(&["user", "disable", "lina"]));
    assert!(ok(env.tt(&["user", "list"])).lines().any(|l| l.contains("lina") && l.ends_with("disabled")));
    ok(env.tt(&["user", "enable", "lina"]));
    let reset = ok(env.tt(&["user", "reset-password", "lina"]));
    assert!(reset.contains("Password (shown only now): "));
    fails_with(&env.tt(&["user", "disable", "nobody"]), "not found");
}

#[test]
fn the_server_speaks_tls_with_secure_cookies() {
    use std::io::BufRead;
    let env = Env::new();
    ok(env.tt(&["init"]));
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    std::fs::write(env.path("cert.pem"), certified.cert.pem()).unwrap();
    std::fs::write(env.path("key.pem"), certified.signing_key.serialize_pem()).unwrap();
    let (key, data) = (env.key(), env.data());
    let mut server = KillOnDrop(
        Command::new(BIN)
            .args(["--data-dir", data.to_str().unwrap(), "--key-file", key.to_str().unwrap(), "serve"])
            .args(["--listen", "127.0.0.1:0", "--tls-cert", env.path("cert.pem").to_str().unwrap()])
            .args(["--tls-key", env.path("key.pem").to_str().unwrap()])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let address = std::io::BufReader::new(server.0.stdout.take().unwrap())
        .lines()
        .find_map(|line| line.ok()?.strip_prefix("tracktwo is serving at https://").map(str::to_owned))
        .expect("served over https");
    let port = address.rsplit(':').next().unwrap();
    // A client that verifies the certificate (against itself as the authority), as a browser would.
    let curl = |path: &str| {
        Command::new("curl")
            .args(["--silent", "--show-error", "--include", "--max-time", "10", "--cacert"])
            .arg(env.path("cert.pem"))
            .args(["--resolve", &format!("localhost:{port}:127.0.0.1")])
            .arg(format!("https://localhost:{port}{path}"))
            .output()
            .expect("curl is installed by scripts/test")
    };
    let health = curl("/healthz");
    assert!(health.status.success(), "{}", String::from_utf8_lossy(&health.stderr));
    assert!(String::from_utf8_lossy(&health.stdout).ends_with("ok"));
    let sign_in = String::from_utf8_lossy(&curl("/sign-in").stdout).to_lowercase();
    let cookie = sign_in.lines().find(|l| l.starts_with("set-cookie: tracktwo_presession=")).expect("cookie");
    assert!(
        cookie.contains("; secure") && cookie.contains("httponly") && cookie.contains("samesite=strict"),
        "{cookie}"
    );
    assert!(sign_in.lines().any(|l| l.trim() == "strict-transport-security: max-age=31536000"), "{sign_in}");
    // Plain HTTP on the TLS port gets nowhere.
    let plain = Command::new("curl")
        .args(["--silent", "--max-time", "5"])
        .arg(format!("http://127.0.0.1:{port}/healthz"))
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("ok"));
    // Half a TLS configuration is refused up front.
    let half = env.tt(&["serve", "--listen", "127.0.0.1:0", "--tls-cert", env.path("cert.pem").to_str().unwrap()]);
    assert_eq!(half.status.code(), Some(2));
}

#[test]
fn maps_are_imported_all_or_nothing_exported_and_analysed_from_the_command_line() {
    let env = Env::new();
    ok(env.tt(&["init"]));
    let first = ok(env.tt(&["initiative", "create", "--title", "Map one"])).trim().to_owned();
    let second = ok(env.tt(&["initiative", "create", "--title", "Map two"])).trim().to_owned();
    for id in [&first, &second] {
        ok(env.tt(&["initiative", "add-side", id, "--name", "North"]));
        ok(env.tt(&["initiative", "add-side", id, "--name", "South"]));
    }
    let folder = env.path("map");
    std::fs::create_dir_all(&folder).unwrap();
    let header = "code,name,kind,primary_track,tracks,level,side,role,decision_maker,notes";
    let good = format!(
        "{header}\nN-1,Secret Name One,person,1,,top,North,minister,yes,\nN-2,Secret Name Two,person,5,2,middle,North,,no,\n\
         S-1,Secret Name Three,person,7,,middle,South,,no,\"met, twice\"\n"
    );
    let ties = "from,to,kind,directed,strength,valid_from,valid_until,notes\nN-2,N-1,advises,,4,2024-01-01,,\n\
                S-1,N-2,trusted-contact,,3,2025-09-15,,\n";
    std::fs::write(folder.join("ties.csv"), ties).unwrap();

    // A bad track on line 3: nothing is imported, and the error names the file and the line.
    std::fs::write(
        folder.join("actors.csv"),
        good.replace("N-2,Secret Name Two,person,5", "N-2,Secret Name Two,person,12"),
    )
    .unwrap();
    let refused = env.tt(&["map", "import", &first, folder.to_str().unwrap()]);
    fails_with(&refused, "actors.csv, line 3");
    fails_with(&refused, "nothing was imported");
    assert!(!stderr(&refused).contains("Secret Name"), "the error quoted a name");
    assert!(ok(env.tt(&["map", "coverage", &first])).starts_with("0 actors, 0 ties."));
    // A side the initiative does not have: refused with its line too.
    std::fs::write(folder.join("actors.csv"), good.replace(",South,", ",West,")).unwrap();
    fails_with(&env.tt(&["map", "import", &first, folder.to_str().unwrap()]), "actors.csv, line 4");

    std::fs::write(folder.join("actors.csv"), &good).unwrap();
    let imported = ok(env.tt(&["map", "import", &first, folder.to_str().unwrap()]));
    assert!(imported.contains("Imported 3 actors and 2 ties"), "{imported}");
    let coverage = ok(env.tt(&["map", "coverage", &first]));
    assert!(coverage.contains("gap: South has no actor on track 1 (Government)"), "{coverage}");
    assert!(!coverage.contains("gap: North has no actor on track 1 "), "{coverage}");

    // Through GEXF into the second initiative and out again as CSV: the same map.
    let gexf = env.path("map.gexf");
    ok(env.tt(&["map", "export", &first, "--out", gexf.to_str().unwrap()]));
    ok(env.tt(&["map", "import", &second, gexf.to_str().unwrap()]));
    let (out_one, out_two) = (env.path("one"), env.path("two"));
    ok(env.tt(&["map", "export", &first, "--format", "csv", "--out", out_one.to_str().unwrap()]));
    ok(env.tt(&["map", "export", &second, "--format", "csv", "--out", out_two.to_str().unwrap()]));
    for file in ["actors.csv", "ties.csv"] {
        let (a, b) = (
            std::fs::read_to_string(out_one.join(file)).unwrap(),
            std::fs::read_to_string(out_two.join(file)).unwrap(),
        );
        assert_eq!(a, b, "{file} changed through GEXF");
    }
    assert!(std::fs::read_to_string(out_one.join("actors.csv")).unwrap().contains("Secret Name One"));

    // Adding the same actors again is refused: their code names are taken.
    fails_with(&env.tt(&["map", "import", &first, folder.to_str().unwrap()]), "already on the map");
    // A selection explains itself, and says who could not be considered and why.
    let selected = ok(env.tt(&["map", "select", &first, "--invitees", "2"]));
    assert!(selected.contains("not considered: Secret Name Two (N-2): not in the registry"), "{selected}");
    fails_with(&env.tt(&["map", "import", &first, env.path("nowhere.gexf").to_str().unwrap()]), "cannot read");
    fails_with(
        &env.tt(&["map", "export", &first, "--out", env.path("map.xlsx").to_str().unwrap()]),
        "cannot tell the format",
    );
    assert!(ok(env.tt(&["audit", "verify"])).contains("intact"));
}

/// The demo's store, made by running `tracktwo demo` once in the folder.
fn demo_store(env: &Env) -> (PathBuf, PathBuf) {
    use std::io::BufRead;
    let mut command = Command::new(BIN);
    command.current_dir(env.dir.path()).args(["demo", "--listen", "127.0.0.1:0"]);
    for (name, _) in std::env::vars().filter(|(n, _)| n.starts_with("TRACKTWO_")) {
        command.env_remove(name);
    }
    let mut server =
        KillOnDrop(command.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::null()).spawn().unwrap());
    let lines = std::io::BufReader::new(server.0.stdout.take().unwrap()).lines();
    assert!(lines.map_while(Result::ok).any(|l| l.starts_with("tracktwo is serving")), "the demo did not start");
    drop(server);
    let data = env.path("tracktwo-demo");
    (data.clone(), data.join("demo.key"))
}

/// The demo's store, opened by its key, for commands run against it.
pub(crate) struct DemoStore {
    pub(crate) env: Env,
    pub(crate) data: PathBuf,
    pub(crate) key: PathBuf,
}

impl DemoStore {
    pub(crate) fn new() -> Self {
        let env = Env::new();
        let (data, key) = demo_store(&env);
        Self { env, data, key }
    }

    pub(crate) fn tt(&self, args: &[&str]) -> Output {
        let mut all = vec!["--data-dir", self.data.to_str().unwrap(), "--key-file", self.key.to_str().unwrap()];
        all.extend_from_slice(args);
        self.env.run(&all, &[])
    }

    /// The first released readout of `initiative`, and the ids of the copies issued of it, in
    /// order, from `readout list`.
    pub(crate) fn released_readout(&self, initiative: &str) -> (String, Vec<String>) {
        let listed = ok(self.tt(&["readout", "list", initiative]));
        let mut lines = listed.lines().skip_while(|l| !l.contains("Released"));
        let readout = lines.next().and_then(|l| l.split_whitespace().next()).expect("a released readout").to_owned();
        let copies = lines
            .take_while(|l| l.starts_with("  "))
            .filter_map(|l| l.trim().strip_prefix("copy "))
            .map(|l| l.split_whitespace().next().unwrap().to_owned())
            .collect();
        (readout, copies)
    }

    /// The Serin River Dialogue's id.
    pub(crate) fn serin(&self) -> String {
        let initiatives = ok(self.tt(&["initiative", "list"]));
        initiatives.lines().find(|l| l.contains("Serin")).and_then(|l| l.split_whitespace().next()).unwrap().to_owned()
    }
}

fn pdf_text(path: &Path) -> String {
    let pdf = lopdf::Document::load(path).unwrap();
    pdf.get_pages().keys().map(|n| pdf.extract_text(&[*n]).unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

#[test]
fn meeting_summaries_leave_by_the_command_line_as_the_rules_allow() {
    let demo = DemoStore::new();
    let (env, serin) = (&demo.env, demo.serin());
    let tt = |args: &[&str]| demo.tt(args);
    let shown = ok(tt(&["process", "show", &serin]));
    assert!(shown.contains("Round 3: Third workshop") && shown.contains("stage 5 of 5"), "{shown}");
    assert!(shown.contains("Kessel Falls side meeting"), "the key holder sees every meeting: {shown}");
    assert!(
        shown.contains("option: A hotline between the two water boards in the dry months — Transferred to Track One"),
        "{shown}"
    );
    let workshop = shown
        .lines()
        .find(|l| l.ends_with("Workshop one  stage 2 of 5: Analysis of each side's needs and fears"))
        .or_else(|| shown.lines().find(|l| l.contains("Workshop one")))
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_owned();

    // The official's copy of a Chatham House meeting: its plenary, nothing not for transfer,
    // no name or organisation anywhere, the file's metadata included.
    let official = env.path("official.pdf");
    ok(tt(&["process", "summary", &serin, &workshop, "--for", "official", "--out", official.to_str().unwrap()]));
    let text = pdf_text(&official);
    assert!(text.contains("joint gauge at Kessel Falls"), "{text}");
    for forbidden in ["Tarek Varo", "Mira Castell", "Vale Institute", "Coast Farmers", "duty officer", "drops the word"]
    {
        assert!(!text.contains(forbidden), "{forbidden} in the official's summary");
    }
    let raw = std::fs::read(&official).unwrap();
    for forbidden in ["Tarek Varo", "Mira Castell", "Amara Osei"] {
        assert!(!raw.windows(forbidden.len()).any(|w| w == forbidden.as_bytes()), "{forbidden} in the PDF's bytes");
    }
    // The Vale's participants get their caucus too, and a Word copy works the same way.
    let vale = env.path("vale.docx");
    ok(tt(&[
        "process",
        "summary",
        &serin,
        &workshop,
        "--for",
        "participant:Upper Vale",
        "--out",
        vale.to_str().unwrap(),
    ]));
    assert!(std::fs::read(&vale).unwrap().starts_with(b"PK"), "a DOCX is a zip file");
    fails_with(
        &tt(&[
            "process",
            "summary",
            &serin,
            &workshop,
            "--for",
            "participant:Nowhere",
            "--out",
            vale.to_str().unwrap(),
        ]),
        "not a side",
    );
    fails_with(
        &tt(&["process", "summary", &serin, &workshop, "--for", "press", "--out", vale.to_str().unwrap()]),
        "is not a reader",
    );
    fails_with(
        &tt(&["process", "summary", &serin, &workshop, "--out", env.path("s.txt").to_str().unwrap()]),
        "cannot tell the format",
    );
    fails_with(
        &tt(&[
            "process",
            "summary",
            &serin,
            "00000000-0000-4000-8000-000000000000",
            "--out",
            official.to_str().unwrap(),
        ]),
        "not found",
    );
}

/// A DOCX file as its reader opens it: LibreOffice converts it to PDF in `folder`, whose path
/// is returned.
pub(crate) fn opened_in_libreoffice(env: &Env, docx: &Path, folder: &Path) -> PathBuf {
    let status = Command::new("libreoffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(folder)
        .arg(docx)
        .env("HOME", env.dir.path())
        .output()
        .expect("LibreOffice is installed by scripts/test");
    assert!(
        status.status.success(),
        "LibreOffice could not open {}: {}",
        docx.display(),
        String::from_utf8_lossy(&status.stderr)
    );
    folder.join(docx.with_extension("pdf").file_name().unwrap())
}

/// Every page's text of a PDF, as Poppler reads it.
fn pages_of(pdf: &Path) -> Vec<String> {
    let info = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo (poppler-utils) is installed by scripts/test");
    let pages: usize = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap_or(0)))
        .unwrap_or(0);
    (1..=pages)
        .map(|page| {
            let out = Command::new("pdftotext")
                .args(["-f", &page.to_string(), "-l", &page.to_string(), "-layout"])
                .arg(pdf)
                .arg("-")
                .output()
                .unwrap();
            String::from_utf8_lossy(&out.stdout).into_owned()
        })
        .collect()
}

#[test]
fn readout_copies_open_in_libreoffice_carry_their_mark_and_are_traced() {
    let demo = DemoStore::new();
    let (env, serin) = (&demo.env, demo.serin());
    let tt = |args: &[&str]| demo.tt(args);
    let (readout, copies) = demo.released_readout(&serin);
    assert_eq!(copies.len(), 2, "{copies:?}");

    // How much text names a copy, among the two issued: more sentences never name fewer places,
    // and the readout's own option comes first.
    let figures = ok(tt(&["readout", "traceability", &serin, &readout]));
    let headings: Vec<&str> = figures.lines().filter(|l| l.starts_with("Wording variants")).collect();
    assert_eq!(headings.len(), 2, "{figures}");
    assert!(headings[0].contains("(this readout)") && headings[0].contains("per 100 words"), "{figures}");
    let shares: Vec<f64> = figures
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("Wording variants"))
        .filter_map(|l| l.split(" in ").last()?.strip_suffix(" % of places")?.parse().ok())
        .collect();
    assert_eq!(shares.len(), 4, "{figures}");
    assert!(shares.windows(2).all(|w| w[0] <= w[1]), "{figures}");
    assert!(figures.contains("among 2 in"), "{figures}");

    for (n, copy) in copies.iter().enumerate() {
        let pdf = env.path(&format!("copy{n}.pdf"));
        let docx = env.path(&format!("copy{n}.docx"));
        ok(tt(&["readout", "copy", &serin, copy, "--out", pdf.to_str().unwrap()]));
        ok(tt(&["readout", "copy", &serin, copy, "--out", docx.to_str().unwrap()]));
        // The recipient opens the Word copy: LibreOffice converts it; Poppler renders both.
        let converted = opened_in_libreoffice(env, &docx, &env.path(&format!("converted{n}")));
        let mark = format!("Copy {} of 2", n + 1);
        for file in [&pdf, &converted] {
            let rendered =
                Command::new("pdftoppm").args(["-png", "-r", "40"]).arg(file).arg(env.path("page")).status().unwrap();
            assert!(rendered.success(), "pdftoppm could not render {}", file.display());
            let pages = pages_of(file);
            assert!(!pages.is_empty(), "{} has no pages", file.display());
            for (p, text) in pages.iter().enumerate() {
                assert!(
                    text.contains(&mark),
                    "page {} of {} lacks the copy mark `{mark}`:\n{text}",
                    p + 1,
                    file.display()
                );
            }
        }
    }
    // A passage of the second copy, as a leaker would paste it from the PDF, names that copy.
    // The second copy's text, as a leaker would paste it from its PDF (the copy mark and the
    // running head left out, as a careful leaker would).
    let second = pages_of(&env.path("copy1.pdf")).join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    let start = second.find("This readout").unwrap_or_else(|| panic!("no passage to leak in: {second}"));
    let end = second.find("Options").unwrap_or(second.len()).max(start);
    let paragraph = second[start..end].to_owned();
    std::fs::write(env.path("passage.txt"), &paragraph).unwrap();
    let traced = ok(tt(&["trace", &serin, &readout, env.path("passage.txt").to_str().unwrap()]));
    assert!(
        traced.starts_with("copy 2, issued to Director of International Affairs"),
        "{traced}\npassage: {paragraph}"
    );
    std::fs::write(
        env.path("other.txt"),
        "Nothing in this sentence comes from the readout at all, not a single phrase of it.",
    )
    .unwrap();
    let other = tt(&["trace", &serin, &readout, env.path("other.txt").to_str().unwrap()]);
    assert_eq!(other.status.code(), Some(2), "{}", stdout(&other));
    assert!(stdout(&other).starts_with("not matching"));
}

/// Sorted group sizes from `tracktwo common-ground analyze --json`.
fn group_sizes(json: &str) -> Vec<u64> {
    let report: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut sizes: Vec<u64> =
        report["groups"].as_array().unwrap().iter().map(|g| g["size"].as_u64().unwrap()).collect();
    sizes.sort_unstable();
    sizes
}

#[test]
fn conversations_move_in_and_out_in_polis_format_from_the_command_line() {
    let env = Env::new();
    ok(env.tt(&["init"]));
    let initiative = ok(env.tt(&["initiative", "create", "--title", "Consultation"])).trim().to_owned();
    let synth = env.path("synth");
    ok(env.run(
        &["common-ground", "synth", "--participants", "90", "--statements", "14", "--out", synth.to_str().unwrap()],
        &[],
    ));
    let imported =
        ok(env.tt(&["conversation", "import", &initiative, synth.to_str().unwrap(), "--title", "Synthetic"]))
            .trim()
            .to_owned();
    let listed = ok(env.tt(&["conversation", "list", &initiative]));
    assert!(listed.contains(&imported) && listed.contains("14 statements") && listed.contains("90 voters"), "{listed}");

    // Exported again, the conversation analyses as the original does.
    let out = env.path("exported");
    ok(env.tt(&["conversation", "export", &initiative, &imported, "--out", out.to_str().unwrap()]));
    let original = ok(env.run(&["common-ground", "analyze", synth.to_str().unwrap(), "--json"], &[]));
    let again = ok(env.run(&["common-ground", "analyze", out.to_str().unwrap(), "--json"], &[]));
    assert_eq!(group_sizes(&again), group_sizes(&original));
    assert!(group_sizes(&original).len() >= 2);

    // A bad line refuses the whole import, naming the file and line; nothing is added.
    let votes = std::fs::read_to_string(synth.join("votes.csv")).unwrap();
    let lines = votes.lines().count();
    std::fs::write(synth.join("votes.csv"), format!("{votes}1,,3,5,7\n")).unwrap();
    let refused = env.tt(&["conversation", "import", &initiative, synth.to_str().unwrap(), "--title", "Bad"]);
    fails_with(&refused, &format!("votes.csv line {}", lines + 1));
    let listed = ok(env.tt(&["conversation", "list", &initiative]));
    assert_eq!(listed.lines().count(), 1, "{listed}");

    // Links, from the command line, for a consultation opened there.
    let opened = open_consultation(&env, &initiative);
    let links = ok(env.tt(&["conversation", "invite", &initiative, &opened, "--count", "3"]));
    assert_eq!(links.lines().filter(|l| l.starts_with("/join/") && l.len() == 6 + 96).count(), 3, "{links}");
    fails_with(
        &env.tt(&["conversation", "create", &initiative, "--title", "X", "--mode", "secret"]),
        "not a known mode",
    );
}

#[test]
fn statement_translations_come_from_a_csv_file_all_of_them_or_none() {
    let env = Env::new();
    ok(env.tt(&["init"]));
    let initiative = ok(env.tt(&["initiative", "create", "--title", "Consultation"])).trim().to_owned();
    let opened = open_consultation(&env, &initiative);
    let file = env.path("translations.csv");
    std::fs::write(&file, "statement,original,ar,fr\n0,en,واحد,Un\n1,en,اثنان,Deux\n").unwrap();
    let done = ok(env.tt(&["conversation", "translations", &initiative, &opened, file.to_str().unwrap()]));
    assert!(done.contains("2 statements"), "{done}");
    // A statement the conversation does not have refuses the whole file, naming its line.
    std::fs::write(&file, "statement,fr\n0,Un\n7,Sept\n").unwrap();
    fails_with(&env.tt(&["conversation", "translations", &initiative, &opened, file.to_str().unwrap()]), "line 3");
    std::fs::write(&file, "statement,fr\n0,Un\nun,Deux\n").unwrap();
    fails_with(&env.tt(&["conversation", "translations", &initiative, &opened, file.to_str().unwrap()]), "line 3");
}

/// Opens a consultation with two seed statements from the command line; returns its id.
fn open_consultation(env: &Env, initiative: &str) -> String {
    let statements = env.path("statements.txt");
    std::fs::write(&statements, "One\nTwo\n").unwrap();
    let opened = env.tt(&[
        "conversation",
        "create",
        initiative,
        "--title",
        "Open",
        "--statements",
        statements.to_str().unwrap(),
    ]);
    ok(opened).trim().to_owned()
}

/// A store with an initiative and a consultation in it, for the old forms of the conversation
/// commands, which named both by flags before every command took them first.
struct OldForms {
    env: Env,
    initiative: String,
    conversation: String,
}

impl OldForms {
    fn new() -> Self {
        let env = Env::new();
        ok(env.tt(&["init"]));
        let initiative = ok(env.tt(&["initiative", "create", "--title", "Consultation"])).trim().to_owned();
        let conversation = open_consultation(&env, &initiative);
        Self { env, initiative, conversation }
    }

    /// Runs a command in its old form: it succeeds, and a note on stderr gives its current form.
    #[track_caller]
    fn accepted(&self, old: &[&str], current: &str) -> String {
        let output = self.env.tt(old);
        let note = stderr(&output);
        assert!(note.contains("deprecated") && note.contains(current), "no note of `{current}`: {note}");
        ok(output)
    }
}

#[test]
fn conversation_list_with_its_initiative_as_a_flag_is_still_accepted_with_a_note() {
    let old = OldForms::new();
    let listed = old.accepted(
        &["conversation", "list", "--initiative", &old.initiative],
        &format!("tracktwo conversation list {}", old.initiative),
    );
    assert!(listed.contains(&old.conversation), "{listed}");
}

#[test]
fn conversation_create_with_its_initiative_as_a_flag_is_still_accepted_with_a_note() {
    let old = OldForms::new();
    let created = old.accepted(
        &["conversation", "create", "--title", "Second", "--initiative", &old.initiative],
        &format!("tracktwo conversation create {}", old.initiative),
    );
    let listed = ok(old.env.tt(&["conversation", "list", &old.initiative]));
    assert!(listed.contains(created.trim()) && listed.contains("Second"), "{listed}");
}

#[test]
fn conversation_invite_with_its_initiative_and_conversation_as_flags_is_still_accepted_with_a_note() {
    let old = OldForms::new();
    let links = old.accepted(
        &["conversation", "invite", "--initiative", &old.initiative, "--conversation", &old.conversation],
        &format!("tracktwo conversation invite {} {}", old.initiative, old.conversation),
    );
    assert_eq!(links.lines().filter(|l| l.starts_with("/join/")).count(), 1, "{links}");
}

#[test]
fn conversation_export_with_its_initiative_and_conversation_as_flags_is_still_accepted_with_a_note() {
    let old = OldForms::new();
    let out = old.env.path("exported");
    let written = old.accepted(
        &[
            "conversation",
            "export",
            &format!("--initiative={}", old.initiative),
            "--conversation",
            &old.conversation,
            "--out",
            out.to_str().unwrap(),
        ],
        &format!("tracktwo conversation export {} {}", old.initiative, old.conversation),
    );
    assert!(written.contains("2 statements") && out.join("comments.csv").exists(), "{written}");
}

#[test]
fn conversation_import_with_its_initiative_as_a_flag_is_still_accepted_with_a_note() {
    let old = OldForms::new();
    let folder = old.env.path("exported");
    ok(old.env.tt(&["conversation", "export", &old.initiative, &old.conversation, "--out", folder.to_str().unwrap()]));
    let imported = old.accepted(
        &["conversation", "import", "--initiative", &old.initiative, folder.to_str().unwrap(), "--title", "Again"],
        &format!("tracktwo conversation import {}", old.initiative),
    );
    let listed = ok(old.env.tt(&["conversation", "list", &old.initiative]));
    assert!(listed.contains(imported.trim()) && listed.contains("Again"), "{listed}");
}

/// The names of the demo's people whose registry entry refuses to be listed, or withdraws,
/// read from the demo's own files.
fn demo_people_not_to_list() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src/demo");
    let mut names = std::collections::HashMap::new();
    let mut actors = csv::Reader::from_path(format!("{root}/map-actors.csv")).unwrap();
    for line in actors.records() {
        let line = line.unwrap();
        names.insert(line[0].to_owned(), line[1].to_owned());
    }
    let mut registry = csv::Reader::from_path(format!("{root}/map-registry.csv")).unwrap();
    let headers = registry.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (listed, withdrawn) = (column("listed"), column("withdrawn_on"));
    registry
        .records()
        .map(Result::unwrap)
        .filter(|line| &line[listed] != "given" || !line[withdrawn].is_empty())
        .map(|line| names[&line[0]].clone())
        .collect()
}

#[test]
fn no_summary_file_outside_the_team_names_a_demo_attendee_who_refused_to_be_listed() {
    let demo = DemoStore::new();
    let (env, serin) = (&demo.env, demo.serin());
    let tt = |args: &[&str]| demo.tt(args);
    let refused = demo_people_not_to_list();
    let shown = ok(tt(&["process", "show", &serin]));
    let meetings: Vec<String> = shown
        .lines()
        .filter(|l| l.starts_with("  ") && !l.contains("Secret channel"))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect();
    assert!(meetings.len() >= 3, "{shown}");
    let mut seen_by_the_team = 0;
    for (n, meeting) in meetings.iter().enumerate() {
        let team = env.path(&format!("team{n}.pdf"));
        ok(tt(&["process", "summary", &serin, meeting, "--for", "team", "--out", team.to_str().unwrap()]));
        let text = pdf_text(&team);
        seen_by_the_team += refused.iter().filter(|name| text.contains(name.as_str())).count();
        for reader in
            ["official", "evaluator", "observer", "funder", "participant:Upper Vale", "participant:Lowland Coast"]
        {
            let file = env.path(&format!("{n}-{}.pdf", reader.replace([':', ' '], "-")));
            ok(tt(&["process", "summary", &serin, meeting, "--for", reader, "--out", file.to_str().unwrap()]));
            let text = pdf_text(&file);
            for name in &refused {
                for word in name.split_whitespace() {
                    assert!(!text.contains(word), "{word} ({name}) in the summary for {reader}:\n{text}");
                }
            }
        }
    }
    // Not a test of nothing: someone who refused attends, and the team's own copy lists them.
    assert!(seen_by_the_team > 0, "no demo attendee refused to be listed");
}

/// The clause lines of `text show`: two spaces, a clause id, and its standing if not clean.
fn clause_lines(shown: &str) -> Vec<&str> {
    shown
        .lines()
        .filter(|l| l.strip_prefix("  c").is_some_and(|rest| rest.chars().next().is_some_and(|c| c.is_ascii_digit())))
        .collect()
}

#[test]
fn the_demo_non_paper_reads_through_its_versions_on_the_command_line() {
    let demo = DemoStore::new();
    let serin = demo.serin();
    let tt = |args: &[&str]| demo.tt(args);
    let listed = ok(tt(&["text", "list", &serin]));
    let line = listed.lines().next().expect("the demo has a negotiating text");
    let id = line.split_whitespace().next().unwrap().to_owned();
    let versions: u32 = line
        .split("  ")
        .find_map(|field| {
            field.strip_suffix(" versions").or_else(|| field.split(" versions,").next().filter(|f| f != &field))
        })
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no `N versions` in {line}"));
    assert!(versions >= 6, "{line}");
    assert!(line.contains("agreed"), "both sides signed the last version: {line}");

    // The newest version is settled: no clause bracketed or with alternatives left.
    let newest = ok(tt(&["text", "show", &serin, &id]));
    let clauses = clause_lines(&newest);
    assert!(clauses.len() >= 12, "{newest}");
    assert!(clauses.iter().all(|l| !l.contains("bracketed") && !l.contains("alternatives")), "{newest}");
    // The first had brackets and alternatives.
    let first = ok(tt(&["text", "show", &serin, &id, "--version", "1"]));
    assert!(clause_lines(&first).iter().any(|l| l.ends_with("(bracketed)")), "{first}");
    assert!(clause_lines(&first).iter().any(|l| l.ends_with("(alternatives)")), "{first}");
    // Every figure line holds; brackets fell from the first to the last.
    let brackets = |shown: &str| -> u32 {
        let line = shown.lines().find(|l| l.contains(" brackets, ")).unwrap();
        line.split(", ").find_map(|f| f.strip_suffix(" brackets")).unwrap().parse().unwrap()
    };
    assert!(brackets(&first) > 0);
    assert_eq!(brackets(&newest), 0);

    let compared = ok(tt(&["text", "compare", &serin, &id, "--from", "1", "--to", &versions.to_string()]));
    let counts = compared.lines().find(|l| l.contains(" added, ")).unwrap();
    let count = |what: &str| -> u32 {
        counts.split(", ").find_map(|f| f.trim().strip_suffix(what)).unwrap().trim().parse().unwrap()
    };
    assert!(count("reworded") > 0 && count("removed") + count("added") > 0, "{compared}");
    assert!(compared.contains("{+") && compared.contains("[-"), "word changes are marked: {compared}");

    // A version that does not exist is a clear refusal, not a crash.
    let missing = tt(&["text", "show", &serin, &id, "--version", "999"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no version 999"), "{missing:?}");
}

/// A PDF's text, as poppler's `pdftotext` reads it.
fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(path).arg("-").output().expect("poppler-utils");
    assert!(out.status.success(), "pdftotext could not read {}", path.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_negotiating_text_leaves_as_the_copies_negotiators_expect() {
    let demo = DemoStore::new();
    let (env, serin) = (&demo.env, demo.serin());
    let tt = |args: &[&str]| demo.tt(args);
    let listed = ok(tt(&["text", "list", &serin]));
    let id = listed.split_whitespace().next().unwrap().to_owned();
    let first_shown = ok(tt(&["text", "show", &serin, &id, "--version", "1"]));

    // The bracketed copy of the first version: every bracketed clause keeps its brackets.
    let bracketed = env.path("v1.pdf");
    ok(tt(&["text", "export", &serin, &id, "--version", "1", "--bracketed", "--out", bracketed.to_str().unwrap()]));
    let text = pdftotext(&bracketed);
    let open_clauses = clause_lines(&first_shown).iter().filter(|l| l.contains("(bracketed)")).count();
    assert!(open_clauses > 0);
    assert!(text.matches('[').count() >= open_clauses, "brackets lost in the PDF: {text}");
    assert_eq!(text.matches('[').count(), text.matches(']').count(), "{text}");
    assert!(text.contains("Alt A") && text.contains("Alt B"), "alternatives are labelled: {text}");
    // In another language, asked for the file (`--language ar`) or for every message
    // (`--language ru` before the command): its facts, marks and page numbers in that language,
    // the text's own words as written.
    let arabic = env.path("v1-ar.pdf");
    ok(tt(&["text", "export", &serin, &id, "--version", "1", "--language", "ar", "--out", arabic.to_str().unwrap()]));
    let arabic = pdftotext(&arabic);
    assert!(arabic.contains("الصفحة") && arabic.contains('\u{661}'), "Arabic page numbers: {arabic}");
    assert!(!arabic.contains("Alt A") && !arabic.contains("Committed"), "{arabic}");
    let russian = env.path("v1-ru.pdf");
    ok(tt(&["--language", "ru", "text", "export", &serin, &id, "--version", "1", "--out", russian.to_str().unwrap()]));
    let russian = pdftotext(&russian);
    assert!(russian.contains("Страница") && !russian.contains("Committed"), "{russian}");

    // A clean copy is refused while anything is open, and made of the settled last version.
    let refused =
        tt(&["text", "export", &serin, &id, "--version", "1", "--clean", "--out", env.path("c.pdf").to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("clean copy"), "{refused:?}");
    assert!(!env.path("c.pdf").exists(), "nothing is written when the copy is refused");
    let clean = env.path("clean.docx");
    ok(tt(&["text", "export", &serin, &id, "--clean", "--out", clean.to_str().unwrap()]));

    // A comparison of the first and last versions, as Word: LibreOffice opens it, and it holds
    // words of both versions.
    let compared = env.path("compare.docx");
    ok(tt(&["text", "export", &serin, &id, "--compare-with", "1", "--out", compared.to_str().unwrap()]));
    let converted = env.path("converted");
    for docx in [&clean, &compared] {
        let status = Command::new("libreoffice")
            .args(["--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir"])
            .arg(&converted)
            .arg(docx)
            .env("HOME", env.dir.path())
            .output()
            .expect("LibreOffice is installed by scripts/test");
        assert!(status.status.success(), "LibreOffice could not open {}", docx.display());
    }
    let clean_text = std::fs::read_to_string(converted.join("clean.txt")).unwrap();
    assert!(!clean_text.contains('['), "a clean copy has no brackets: {clean_text}");
    let compare_text = std::fs::read_to_string(converted.join("compare.txt")).unwrap();
    assert!(compare_text.contains("removed") && compare_text.contains("reworded"), "{compare_text}");
    // As Akoma Ntoso: taken back in, the version reads as it did, clause for clause.
    let akn = env.path("v1.xml");
    ok(tt(&["text", "export", &serin, &id, "--version", "1", "--out", akn.to_str().unwrap()]));
    let imported = ok(tt(&["text", "import", &serin, akn.to_str().unwrap()]));
    assert!(!imported.contains("edited"), "{imported}");
    let copy = imported.split_whitespace().next().unwrap();
    let body = |shown: &str| {
        shown.lines().skip_while(|l| !l.starts_with("Status")).skip(1).map(str::to_owned).collect::<Vec<_>>()
    };
    let reread = ok(tt(&["text", "show", &serin, copy]));
    let (before, after) = (body(&first_shown), body(&reread));
    assert_eq!(before[..before.len() - 1], after[..after.len() - 1], "the clauses differ after a round trip");
    // An edited or broken file is refused whole, naming the file.
    let broken = env.path("broken.xml");
    std::fs::write(&broken, std::fs::read_to_string(&akn).unwrap().replace("</article>", "")).unwrap();
    let refused = tt(&["text", "import", &serin, broken.to_str().unwrap()]);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("broken.xml") && message.contains("line"), "{message}");
    let texts = ok(tt(&["text", "list", &serin]));
    assert_eq!(texts.lines().count(), 2, "the refused file left nothing behind: {texts}");

    // Nothing the sides said travels with the text: no comment's words, no name.
    for file in [&clean_text, &compare_text, &text] {
        for forbidden in ["Tarek", "Mira", "Jonas", "outvoted", "press will ask"] {
            assert!(!file.contains(forbidden), "{forbidden} in an exported copy");
        }
    }
}
