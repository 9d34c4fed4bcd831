//! Two `tracktwo serve` on one PostgreSQL schema: voters join and vote through both, and both
//! show every vote — on each voter's ballot (which only the other server's announcement can
//! bring up to date) and on the team's results page — within two seconds of the last answer.

use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::KillOnDrop;
use crate::http::{request, sign_in};

const BIN: &str = env!("CARGO_BIN_EXE_tracktwo");
const VOTERS: usize = 6;
const STATEMENTS: u32 = 3;
/// How long both servers may take to show what either took.
const WITHIN: Duration = Duration::from_secs(2);

/// A schema of its own on the test server, dropped when the test ends.
struct Schema {
    pool: sqlx::PgPool,
    name: String,
}

impl Schema {
    async fn create(url: &str) -> Self {
        let pool = sqlx::postgres::PgPoolOptions::new().max_connections(1).connect(url).await.expect("PostgreSQL");
        let name = format!("tt_servers_{}", std::process::id());
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}")))
            .execute(&pool)
            .await
            .unwrap();
        Self { pool, name }
    }

    async fn drop_schema(self) {
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name)))
            .execute(&self.pool)
            .await
            .unwrap();
    }
}

struct Store {
    dir: tempfile::TempDir,
    url: String,
}

impl Store {
    fn run(&self, args: &[&str]) -> Command {
        let key = self.dir.path().join("key");
        let mut command = Command::new(BIN);
        command.current_dir(self.dir.path());
        for (name, _) in std::env::vars() {
            if name.starts_with("TRACKTWO_") {
                command.env_remove(name);
            }
        }
        command.args(["--database-url", &self.url, "--key-file", key.to_str().unwrap()]).args(args);
        command
    }

    #[track_caller]
    fn ok(&self, args: &[&str]) -> String {
        let output: Output = self.run(args).output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(output.status.success(), "{args:?} failed: {stdout}\n{}", String::from_utf8_lossy(&output.stderr));
        stdout
    }

    /// A server on a port of its own, and its base URL.
    fn serve(&self) -> (KillOnDrop, String) {
        use std::io::BufRead;
        let mut server = KillOnDrop(
            self.run(&["serve", "--listen", "127.0.0.1:0"])
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let base = std::io::BufReader::new(server.0.stdout.take().unwrap())
            .lines()
            .find_map(|line| line.ok()?.strip_prefix("tracktwo is serving at ").map(str::to_owned))
            .expect("the server's address");
        (server, base)
    }
}

/// Signs in through one server's form; the session is good on every server.
async fn session(base: &str, user: &str, password: &str) -> String {
    sign_in(base, user, password).await
}

/// The results page's tally and its statements table, as text: what both servers must agree on.
async fn results(base: &str, path: &str, session: &str) -> String {
    let answer = request("GET", &format!("{base}{path}"), &[("cookie", session)], Vec::new()).await;
    assert_eq!(answer.status, 200, "{path}");
    let page = answer.text();
    let tally = page.split("id=\"tally\"").nth(1).and_then(|rest| rest.split("</p>").next()).unwrap_or("");
    let table = page.split("<tbody>").last().and_then(|rest| rest.split("</tbody>").next()).unwrap_or("");
    format!("{tally}\n{table}")
}

async fn answered(base: &str, voter: &str) -> u64 {
    let bearer = format!("Bearer {voter}");
    let answer = request("GET", &format!("{base}/api/v1/ballot"), &[("authorization", &bearer)], Vec::new()).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_str::<serde_json::Value>(&answer.text()).unwrap()["answered"].as_u64().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_postgresql_show_the_same_results() {
    let Some(url) = tracktwo_test_support::postgres_url() else { return };
    let schema = Schema::create(&url).await;
    let separator = if url.contains('?') { '&' } else { '?' };
    let store = Store {
        dir: tempfile::tempdir().unwrap(),
        url: format!("{url}{separator}options[search_path]={}", schema.name),
    };
    std::fs::write(store.dir.path().join("key"), [9u8; 32]).unwrap();
    let out = store.ok(&["init", "--admin", "root"]);
    let password =
        out.lines().find_map(|l| l.strip_prefix("Password (shown only now): ")).expect("a password").to_owned();
    let initiative =
        store.ok(&["initiative", "create", "--title", "Two servers", "--convener", "root"]).trim().to_owned();
    let statements = store.dir.path().join("statements.txt");
    std::fs::write(&statements, "Share the water\nOpen the border\nPublish the flow data\n").unwrap();
    let conversation = store
        .ok(&[
            "conversation",
            "create",
            &initiative,
            "--title",
            "River",
            "--mode",
            "consultation",
            "--statements",
            statements.to_str().unwrap(),
        ])
        .trim()
        .to_owned();
    let link = store.ok(&[
        "conversation",
        "invite",
        &initiative,
        &conversation,
        "--campaign",
        "--voter-cap",
        "50",
        "--per-address",
        "50",
    ]);
    let invitation = link.trim().trim_start_matches("/join/").to_owned();

    let (first, first_base) = store.serve();
    let (second, second_base) = store.serve();
    let bases = [first_base.as_str(), second_base.as_str()];
    let signed_in = session(bases[0], "root", &password).await;
    let page = format!("/initiatives/{initiative}/conversations/{conversation}");
    // Both servers hold the conversation before anyone votes, so neither reads the votes on
    // loading it: each must hear of the other's.
    for base in bases {
        assert!(results(base, &page, &signed_in).await.contains("0 voters, 0 votes"));
    }

    let mut voters = Vec::new();
    for n in 0..VOTERS {
        let joined = request(
            "POST",
            &format!("{}/api/v1/invitations/{invitation}/voters", bases[n % 2]),
            &[("content-type", "application/json")],
            "{}",
        )
        .await;
        assert_eq!(joined.status, 201, "{}", joined.text());
        let token = serde_json::from_str::<serde_json::Value>(&joined.text()).unwrap()["voter_token"]
            .as_str()
            .unwrap()
            .to_owned();
        voters.push(token);
    }
    for (n, voter) in voters.iter().enumerate() {
        for statement in 0..STATEMENTS {
            let base = bases[(n + statement as usize) % 2];
            let vote = if (n as u32 + statement).is_multiple_of(3) { "disagree" } else { "agree" };
            let body = serde_json::json!({ "statement": statement, "vote": vote }).to_string();
            let bearer = format!("Bearer {voter}");
            let headers = [("authorization", bearer.as_str()), ("content-type", "application/json")];
            let cast = request("POST", &format!("{base}/api/v1/ballot/votes"), &headers, body).await;
            assert_eq!(cast.status, 201, "{}", cast.text());
        }
    }

    // Each voter's ballot, on both servers: a read that does not go to the store for votes, so
    // only the announcement of the other server's writes can bring it up to date.
    let deadline = Instant::now() + WITHIN;
    loop {
        let mut behind = Vec::new();
        for voter in &voters {
            for base in bases {
                let seen = answered(base, voter).await;
                if seen != u64::from(STATEMENTS) {
                    behind.push((base, seen));
                }
            }
        }
        if behind.is_empty() {
            break;
        }
        assert!(Instant::now() < deadline, "ballots still behind after {WITHIN:?}: {behind:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The team's results, the same on both.
    let on_first = results(bases[0], &page, &signed_in).await;
    let on_second = results(bases[1], &page, &signed_in).await;
    assert!(on_first.contains(&format!("{VOTERS} voters, {} votes", VOTERS * STATEMENTS as usize)), "{on_first}");
    assert_eq!(on_first, on_second);

    drop((first, second));
    schema.drop_schema().await;
}
