//! The binary against a small real HTTP server on 127.0.0.1 that keeps the vote API's contract:
//! joins (with one 429 to wait out), a ballot, and votes checked for their bearer, their body
//! and the per-voter rate.

use std::collections::{BTreeSet, HashMap};
use std::process::Output;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

const INVITATION: &str = "invite-1";
const STATEMENTS: u64 = 7;
/// Stricter than a person but looser than the generator's default of 2 votes/s per voter.
const MIN_GAP: Duration = Duration::from_millis(200);

#[derive(Default)]
struct Server {
    joins: AtomicU64,
    throttled_joins: AtomicU64,
    sides: Mutex<BTreeSet<String>>,
    tokens: Mutex<BTreeSet<String>>,
    last_vote: Mutex<HashMap<String, Instant>>,
    /// (voter, statement) → latest vote: what a real server would store.
    ballots: Mutex<HashMap<(String, u64), String>>,
    stored: AtomicU64,
    too_fast: AtomicU64,
    bad: AtomicU64,
}

fn bearer(server: &Server, headers: &HeaderMap) -> Option<String> {
    let token = headers.get(header::AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ")?.to_owned();
    server.tokens.lock().unwrap().contains(&token).then_some(token)
}

async fn join(State(server): State<Arc<Server>>, Path(invitation): Path<String>, body: Bytes) -> Response {
    if invitation != INVITATION {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let n = server.joins.fetch_add(1, Ordering::SeqCst);
    // The third join is over the link's rate once, as a real server may say.
    if n == 2 && server.throttled_joins.fetch_add(1, Ordering::SeqCst) == 0 {
        return (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "1")]).into_response();
    }
    if let Some(side) = body.get("side").and_then(Value::as_str) {
        server.sides.lock().unwrap().insert(side.to_owned());
    }
    let token = format!("voter-{n}");
    server.tokens.lock().unwrap().insert(token.clone());
    (StatusCode::CREATED, axum::Json(json!({ "voter_token": token }))).into_response()
}

async fn ballot(State(server): State<Arc<Server>>, headers: HeaderMap) -> Response {
    if bearer(&server, &headers).is_none() {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    axum::Json(json!({ "statement": { "id": 0, "text": "The first statement" } })).into_response()
}

async fn vote(State(server): State<Arc<Server>>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(voter) = bearer(&server, &headers) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let parsed: Option<(u64, String)> = serde_json::from_slice::<Value>(&body).ok().and_then(|v| {
        let statement = v.get("statement")?.as_u64()?;
        let value = v.get("vote")?.as_str()?.to_owned();
        (statement < STATEMENTS && ["agree", "disagree", "pass"].contains(&value.as_str()))
            .then_some((statement, value))
    });
    let Some((statement, value)) = parsed else {
        server.bad.fetch_add(1, Ordering::SeqCst);
        return StatusCode::BAD_REQUEST.into_response();
    };
    {
        let mut last = server.last_vote.lock().unwrap();
        let now = Instant::now();
        if last.get(&voter).is_some_and(|previous| now.duration_since(*previous) < MIN_GAP) {
            server.too_fast.fetch_add(1, Ordering::SeqCst);
            return (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "1")]).into_response();
        }
        last.insert(voter.clone(), now);
    }
    server.ballots.lock().unwrap().insert((voter, statement), value);
    server.stored.fetch_add(1, Ordering::SeqCst);
    (StatusCode::CREATED, axum::Json(json!({ "recorded": true, "next": null }))).into_response()
}

async fn start_server() -> (Arc<Server>, u16) {
    let server = Arc::new(Server::default());
    let app = Router::new()
        .route("/api/v1/invitations/{invitation}/voters", post(join))
        .route("/api/v1/ballot", get(ballot))
        .route("/api/v1/ballot/votes", post(vote))
        .with_state(server.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (server, port)
}

async fn loadvote(args: &[&str]) -> Output {
    let run = tokio::process::Command::new(env!("CARGO_BIN_EXE_tracktwo-loadvote")).args(args).output();
    tokio::time::timeout(Duration::from_secs(60), run).await.expect("the generator stops by itself").unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[tokio::test]
async fn a_short_run_sends_the_schedule_and_reports_it() {
    let (server, port) = start_server().await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("figures.json");
    let base = format!("http://127.0.0.1:{port}");
    let output = loadvote(&[
        "--base-url",
        &base,
        "--invitation",
        INVITATION,
        "--statements",
        "7",
        "--voters",
        "25",
        "--rate",
        "40",
        "--duration",
        "2",
        "--warmup",
        "0.5",
        "--connections",
        "4",
        "--seed",
        "3",
        "--side",
        "north",
        "--side",
        "south",
        "--quiet",
        "--json",
        out.to_str().unwrap(),
    ])
    .await;
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("accepted (201)       80") && stdout.contains("p99"), "{stdout}");

    let figures: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    // 2.5 s at 40 votes/s is 100 votes, the first 20 of them the warm-up.
    assert_eq!(figures["sent"], 80, "{figures}");
    assert_eq!(figures["accepted"], 80, "{figures}");
    assert_eq!(figures["accepted_total"], 100, "{figures}");
    assert_eq!(figures["rejected"], json!({}), "{figures}");
    assert_eq!(figures["errors"], 0, "{figures}");
    let rate = figures["rate_per_s"].as_f64().unwrap();
    assert!((30.0..=40.0).contains(&rate), "{figures}");
    assert!(figures["duration_s"].as_f64().unwrap() >= 2.0, "{figures}");
    for key in ["p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms"] {
        assert!(figures[key].as_f64().is_some_and(|ms| ms >= 0.0), "{key}: {figures}");
    }
    assert!(figures["p50_ms"].as_f64() <= figures["p99_ms"].as_f64());
    assert_eq!(figures["rate_target_met"], false, "40 votes/s is not 5,000");

    // What the server stored is what the report says was accepted, and nothing broke its rules.
    assert_eq!(server.stored.load(Ordering::SeqCst), 100);
    assert_eq!(server.too_fast.load(Ordering::SeqCst), 0);
    assert_eq!(server.bad.load(Ordering::SeqCst), 0);
    assert_eq!(server.tokens.lock().unwrap().len(), 25, "the 429 was waited out and the join retried");
    assert_eq!(*server.sides.lock().unwrap(), BTreeSet::from(["north".to_owned(), "south".to_owned()]));
    let statements: BTreeSet<u64> = server.ballots.lock().unwrap().keys().map(|(_, s)| *s).collect();
    assert!(statements.len() > 1 && statements.iter().all(|s| *s < STATEMENTS), "{statements:?}");
}

#[tokio::test]
async fn an_absent_server_is_a_clear_error() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("figures.json");
    let base = format!("http://127.0.0.1:{port}");
    let output = loadvote(&[
        "--base-url",
        &base,
        "--invitation",
        INVITATION,
        "--statements",
        "3",
        "--voters",
        "5",
        "--rate",
        "10",
        "--duration",
        "1",
        "--json",
        out.to_str().unwrap(),
    ])
    .await;
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(text.contains("cannot reach the server at http://127.0.0.1:") && !text.contains("panicked"), "{text}");
    assert!(!out.exists(), "no empty figures file is left behind");
}

#[tokio::test]
async fn a_wrong_invitation_is_a_clear_error() {
    let (server, port) = start_server().await;
    // Through `localhost`, which must resolve to loopback and may list ::1 before 127.0.0.1.
    let base = format!("http://localhost:{port}");
    let args = ["--base-url", &base, "--invitation", "nope", "--statements", "3", "--voters", "5", "--rate", "10"];
    let output = loadvote(&[&args[..], &["--duration", "1", "--quiet"]].concat()).await;
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(text.contains("404") && text.contains("--invitation"), "{text}");
    assert_eq!(server.stored.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn bad_arguments_are_refused_before_anything_is_sent() {
    let common = ["--invitation", INVITATION, "--statements", "3", "--duration", "1"];
    let remote = loadvote(
        &[&common[..], &["--base-url", "http://example.invalid:8080", "--voters", "5", "--rate", "10"]].concat(),
    )
    .await;
    assert_eq!(remote.status.code(), Some(2));
    assert!(stderr(&remote).contains("127.0.0.1, ::1 or localhost"), "{}", stderr(&remote));

    let fast =
        loadvote(&[&common[..], &["--base-url", "http://127.0.0.1:9", "--voters", "10", "--rate", "100"]].concat())
            .await;
    assert_eq!(fast.status.code(), Some(2));
    assert!(stderr(&fast).contains("--voters 50"), "{}", stderr(&fast));

    let missing = loadvote(&["--base-url", "http://127.0.0.1:9"]).await;
    assert_eq!(missing.status.code(), Some(2));
    assert!(!stderr(&missing).contains("panicked"));
}
