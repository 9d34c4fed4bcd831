//! Talking to the server: joining the voters, then sending the open-loop schedule.

use std::error::Error as StdError;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use anyhow::{Context as _, anyhow, bail};
use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper::header::{AUTHORIZATION, CONTENT_TYPE, HOST, HeaderValue, RETRY_AFTER};
use hyper::{Method, Request, StatusCode, Uri};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use indicatif::{ProgressBar, ProgressStyle};
use serde::{Deserialize, Serialize};
use tokio::sync::{Notify, Semaphore};
use tokio::time::{Instant, sleep_until, timeout};

use crate::schedule::Plan;
use crate::stats::{Outcome, Report, RunFacts, Tally, measured_window};
use crate::target::{BaseUrl, encode_segment, resolve};

type HttpClient = Client<HttpConnector, Full<Bytes>>;

/// Everything a run needs, checked.
#[derive(Debug, Clone)]
pub struct Config {
    pub base: BaseUrl,
    pub invitation: String,
    pub plan: Plan,
    pub warmup_s: f64,
    pub duration_s: f64,
    pub connections: usize,
    /// Joins per second at most, before the server asks for less.
    pub join_rate: f64,
    /// How long joining may take in all, 429 waits included.
    pub join_timeout: Duration,
    /// How long one request may take before it counts as a transport error.
    pub request_timeout: Duration,
    /// Given to voters in turn, when set.
    pub sides: Vec<String>,
    pub segments: Vec<String>,
    /// Progress lines on standard error.
    pub progress: bool,
    /// Each voter's requests carry an `X-Forwarded-For` address of its own.
    pub spread_addresses: bool,
}

/// Voter `i`'s address in 198.18.0.0/15 (RFC 2544's range for benchmarks), when addresses are
/// spread; voters beyond its 131,072 addresses share.
pub fn voter_address(i: u32) -> HeaderValue {
    let [_, high, third, fourth] = (i % (1 << 17)).to_be_bytes();
    HeaderValue::from_str(&format!("198.{}.{third}.{fourth}", 18 + high))
        .unwrap_or(HeaderValue::from_static("198.18.0.0"))
}

/// Adds the voter's forwarded address to a request, when addresses are spread.
fn from_voter(builder: hyper::http::request::Builder, config: &Config, i: u32) -> hyper::http::request::Builder {
    if config.spread_addresses { builder.header("x-forwarded-for", voter_address(i)) } else { builder }
}

/// Joins the voters (checking that the first can read its ballot), and runs the schedule.
pub async fn run(config: Config) -> anyhow::Result<Report> {
    let addresses = resolve(&config.base).await?;
    let address = first_reachable(&addresses, &config.base, config.request_timeout).await?;
    let endpoints = Arc::new(Endpoints::new(&config.base, address, &config.invitation)?);
    let client = build_client(config.connections, config.request_timeout);
    let voters = join_voters(&client, &endpoints, &config).await?;
    Ok(send_votes(client, endpoints, Arc::new(voters), &config).await)
}

/// The request targets, built once: the connection goes to the checked address, and the `Host`
/// header says what the user wrote.
struct Endpoints {
    base: String,
    host: HeaderValue,
    join: Uri,
    ballot: Uri,
    vote: Uri,
}

impl Endpoints {
    fn new(base: &BaseUrl, address: SocketAddr, invitation: &str) -> anyhow::Result<Endpoints> {
        let root = format!("http://{address}{}/api/v1", base.path_prefix);
        let uri = |path: String| -> anyhow::Result<Uri> {
            path.parse().with_context(|| "the base URL's path does not make a valid request URL".to_owned())
        };
        Ok(Endpoints {
            base: base.display(),
            host: HeaderValue::from_str(&base.host_header())
                .context("the base URL's host is not a valid Host header")?,
            join: uri(format!("{root}/invitations/{}/voters", encode_segment(invitation)))?,
            ballot: uri(format!("{root}/ballot"))?,
            vote: uri(format!("{root}/ballot/votes"))?,
        })
    }
}

/// Connects once to each address in turn (`localhost` may name both `127.0.0.1` and `::1`, and
/// the server may listen on one only), so an absent server is reported before anything else.
async fn first_reachable(addresses: &[SocketAddr], base: &BaseUrl, limit: Duration) -> anyhow::Result<SocketAddr> {
    let mut last_error = None;
    for address in addresses {
        match timeout(limit, tokio::net::TcpStream::connect(address)).await {
            Ok(Ok(_stream)) => return Ok(*address),
            Ok(Err(e)) => last_error = Some(e.to_string()),
            Err(_) => last_error = Some(format!("no answer within {} s", limit.as_secs_f64())),
        }
    }
    bail!("cannot reach the server at {}: {}", base.display(), last_error.unwrap_or_else(|| "no address".to_owned()))
}

fn build_client(connections: usize, request_timeout: Duration) -> HttpClient {
    let mut connector = HttpConnector::new();
    // Votes are small requests; Nagle's algorithm would hold each back waiting for more.
    connector.set_nodelay(true);
    connector.set_connect_timeout(Some(request_timeout));
    // The semaphore in `send_votes` keeps at most `connections` requests in flight, so at most
    // that many connections are busy; keeping as many idle ones reuses them instead of reconnecting.
    Client::builder(TokioExecutor::new()).pool_max_idle_per_host(connections).build(connector)
}

#[derive(Serialize)]
struct JoinBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    side: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    segment: Option<&'a str>,
}

#[derive(Deserialize)]
struct Joined {
    voter_token: String,
}

#[derive(Serialize)]
struct VoteBody {
    statement: u32,
    vote: &'static str,
}

#[derive(Deserialize)]
struct Ballot {
    statement: Option<serde_json::Value>,
}

/// Spaces requests at most `rate` a second across all tasks, and holds every task back when the
/// server answers 429.
struct Pacer {
    interval: Duration,
    next: Mutex<Instant>,
}

impl Pacer {
    fn new(rate: f64) -> Pacer {
        Pacer { interval: Duration::from_secs_f64(1.0 / rate), next: Mutex::new(Instant::now()) }
    }

    /// Claims the next free slot and returns it.
    fn claim(&self) -> Instant {
        let mut next = lock(&self.next);
        let slot = (*next).max(Instant::now());
        *next = slot + self.interval;
        slot
    }

    fn hold_off(&self, wait: Duration) {
        let mut next = lock(&self.next);
        *next = (*next).max(Instant::now() + wait);
    }
}

/// A poisoned lock only means another task panicked mid-update of plain counters; the figures
/// are still worth reporting.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The wait a 429 asks for. The contract gives seconds; a missing or unreadable header (or an
/// HTTP date, which this tool does not parse) means one second, and an hour is the most taken.
pub fn retry_after(value: Option<&HeaderValue>) -> Duration {
    value
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map_or(Duration::from_secs(1), |s| Duration::from_secs_f64(s.min(3600.0)))
}

/// The error and its causes on one line: hyper's own message is only "client error (Connect)".
fn chain(error: &(dyn StdError + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Reads a whole response, so its connection can carry the next request.
async fn exchange(
    client: &HttpClient,
    request: Request<Full<Bytes>>,
) -> Result<(StatusCode, hyper::HeaderMap, Bytes), String> {
    let response = client.request(request).await.map_err(|e| chain(&e))?;
    let (parts, body) = response.into_parts();
    let body = body.collect().await.map_err(|e| chain(&e))?.to_bytes();
    Ok((parts.status, parts.headers, body))
}

fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    let cut: String = text.chars().take(200).collect();
    format!(": {cut}")
}

async fn join_voters(
    client: &HttpClient,
    endpoints: &Arc<Endpoints>,
    config: &Config,
) -> anyhow::Result<Vec<HeaderValue>> {
    let n = config.plan.voters();
    let progress = bar(config.progress, u64::from(n), "{msg} [{elapsed}] {pos}/{len} voters ({per_sec})");
    progress.set_message("joining");
    if config.progress {
        eprintln!("joining {n} voters at {} joins/s at most", config.join_rate);
    }
    let started = Instant::now();
    let shared = Arc::new(JoinShared {
        pacer: Pacer::new(config.join_rate),
        deadline: started + config.join_timeout,
        tokens: Mutex::new(vec![None; n as usize]),
        next: AtomicU32::new(1),
        progress: progress.clone(),
    });
    // The first voter joins alone and reads its ballot: a wrong invitation, a missing route or a
    // bearer the server does not take fails once, plainly, before the others join.
    let first = async {
        let first = join_one(client, endpoints, config, &shared, 0).await?;
        check_ballot(client, endpoints, &first, config).await?;
        Ok::<_, anyhow::Error>(first)
    };
    let first = match first.await {
        Ok(first) => first,
        Err(e) => {
            progress.abandon();
            return Err(e);
        }
    };
    lock(&shared.tokens)[0] = Some(first);
    progress.inc(1);
    let mut workers = tokio::task::JoinSet::new();
    let concurrency = config.connections.clamp(1, 16).min(n as usize);
    for _ in 0..concurrency {
        let (client, endpoints, config, shared) = (client.clone(), endpoints.clone(), config.clone(), shared.clone());
        workers.spawn(async move {
            loop {
                let i = shared.next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    return Ok::<(), anyhow::Error>(());
                }
                let token = join_one(&client, &endpoints, &config, &shared, i).await?;
                lock(&shared.tokens)[i as usize] = Some(token);
                shared.progress.inc(1);
            }
        });
    }
    while let Some(done) = workers.join_next().await {
        if let Err(e) = done.map_err(|e| anyhow!("a joining task failed: {e}")).and_then(|r| r) {
            workers.abort_all();
            progress.abandon();
            return Err(e);
        }
    }
    progress.finish_and_clear();
    let tokens: Vec<HeaderValue> = lock(&shared.tokens).drain(..).flatten().collect();
    if tokens.len() != n as usize {
        bail!("only {} of {n} voters joined", tokens.len());
    }
    if config.progress {
        eprintln!("joined {n} voters in {:.1} s", started.elapsed().as_secs_f64());
    }
    Ok(tokens)
}

struct JoinShared {
    pacer: Pacer,
    deadline: Instant,
    tokens: Mutex<Vec<Option<HeaderValue>>>,
    next: AtomicU32,
    progress: ProgressBar,
}

/// Joins voter `i`, waiting and retrying as often as the server answers 429, until the deadline.
async fn join_one(
    client: &HttpClient,
    endpoints: &Endpoints,
    config: &Config,
    shared: &JoinShared,
    i: u32,
) -> anyhow::Result<HeaderValue> {
    let pick = |values: &[String]| (!values.is_empty()).then(|| values[i as usize % values.len()].clone());
    let (side, segment) = (pick(&config.sides), pick(&config.segments));
    let body = serde_json::to_vec(&JoinBody { side: side.as_deref(), segment: segment.as_deref() })?;
    let body = Bytes::from(body);
    loop {
        let slot = shared.pacer.claim();
        if slot > shared.deadline {
            bail!(
                "joining the voters took longer than --join-timeout {} s ({} of {} joined); \
                 the server's join rate limit may be lower than the {} voters need",
                config.join_timeout.as_secs_f64(),
                shared.progress.position(),
                config.plan.voters(),
                config.plan.voters()
            );
        }
        sleep_until(slot).await;
        let request = from_voter(Request::builder(), config, i)
            .method(Method::POST)
            .uri(endpoints.join.clone())
            .header(HOST, endpoints.host.clone())
            .header(CONTENT_TYPE, "application/json")
            .body(Full::new(body.clone()))?;
        let (status, headers, body) = match timeout(config.request_timeout, exchange(client, request)).await {
            Ok(Ok(answer)) => answer,
            Ok(Err(e)) => bail!("cannot reach the server at {} to join voters: {e}", endpoints.base),
            Err(_) => bail!(
                "the server at {} did not answer a join within {} s",
                endpoints.base,
                config.request_timeout.as_secs_f64()
            ),
        };
        match status {
            StatusCode::CREATED => {
                let joined: Joined =
                    serde_json::from_slice(&body).context("the server's answer to a join has no voter_token string")?;
                let mut bearer = HeaderValue::from_str(&format!("Bearer {}", joined.voter_token))
                    .context("the server's voter_token cannot be sent in an Authorization header")?;
                bearer.set_sensitive(true);
                return Ok(bearer);
            }
            StatusCode::TOO_MANY_REQUESTS => {
                let wait = retry_after(headers.get(RETRY_AFTER));
                shared.progress.set_message(format!("joining (server asked to wait {:.1} s)", wait.as_secs_f64()));
                shared.pacer.hold_off(wait);
            }
            StatusCode::NOT_FOUND => bail!(
                "the server answered 404 to joining at {}: is --invitation right, and does this server have \
                 the vote API?{}",
                endpoints.base,
                snippet(&body)
            ),
            other => bail!("the server refused to join a voter: {other}{}", snippet(&body)),
        }
    }
}

/// One fresh voter reads its ballot: proves the bearer works before the load starts.
async fn check_ballot(
    client: &HttpClient,
    endpoints: &Endpoints,
    bearer: &HeaderValue,
    config: &Config,
) -> anyhow::Result<()> {
    let limit = config.request_timeout;
    let request = from_voter(Request::builder(), config, 0)
        .method(Method::GET)
        .uri(endpoints.ballot.clone())
        .header(HOST, endpoints.host.clone())
        .header(AUTHORIZATION, bearer.clone())
        .body(Full::new(Bytes::new()))?;
    let (status, _, body) = match timeout(limit, exchange(client, request)).await {
        Ok(Ok(answer)) => answer,
        Ok(Err(e)) => bail!("cannot reach the server at {} to read a ballot: {e}", endpoints.base),
        Err(_) => {
            bail!("the server at {} did not answer a ballot read within {} s", endpoints.base, limit.as_secs_f64())
        }
    };
    if status != StatusCode::OK {
        bail!("a newly joined voter could not read its ballot: the server answered {status}{}", snippet(&body));
    }
    let ballot: Ballot =
        serde_json::from_slice(&body).context("the server's ballot is not the expected JSON object")?;
    if ballot.statement.is_none() {
        eprintln!(
            "warning: a fresh voter's ballot has no statement; the server may reject votes on statements it lacks"
        );
    }
    Ok(())
}

/// Counts shared by the vote tasks.
#[derive(Default)]
struct Tallies {
    warmup: Tally,
    measured: Tally,
    first_error: Option<String>,
}

/// Sends the schedule: vote `i` leaves at its due time whatever happened to the votes before it
/// (open loop), as soon as one of the `connections` is free, and its latency runs from its due
/// time, so a server that falls behind shows as latency rather than as a slower schedule.
async fn send_votes(
    client: HttpClient,
    endpoints: Arc<Endpoints>,
    voters: Arc<Vec<HeaderValue>>,
    config: &Config,
) -> Report {
    let plan = Arc::new(config.plan.clone());
    let total = plan.total_votes();
    let tallies = Arc::new(Mutex::new(Tallies::default()));
    let permits = Arc::new(Semaphore::new(config.connections));
    let stop = Arc::new(Notify::new());
    let stop_on_ctrl_c = {
        let stop = stop.clone();
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                stop.notify_one();
            }
        })
    };
    if config.progress {
        eprintln!(
            "sending {total} votes at {} votes/s over {} connections: {} s warm-up, then {} s measured",
            plan.rate(),
            config.connections,
            config.warmup_s,
            config.duration_s
        );
    }
    let progress = bar(config.progress, total, "{msg} [{elapsed}] {pos}/{len} votes answered ({per_sec})");
    progress.set_message(if plan.warmup_votes() > 0 { "warming up" } else { "measuring" });
    // A short lead so the first votes are not already late from setting up the loop.
    let t0 = Instant::now() + Duration::from_millis(50);
    let mut interrupted_at = None;
    for i in 0..total {
        let due = t0 + plan.due(i);
        if i == plan.warmup_votes() && i > 0 {
            progress.set_message("measuring");
        }
        let permit = tokio::select! {
            biased;
            () = stop.notified() => {
                interrupted_at = Some(Instant::now());
                break;
            }
            permit = async {
                if Instant::now() < due {
                    sleep_until(due).await;
                }
                permits.clone().acquire_owned().await
            } => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
        };
        let (client, endpoints, voters, plan, tallies, progress) =
            (client.clone(), endpoints.clone(), voters.clone(), plan.clone(), tallies.clone(), progress.clone());
        let limit = config.request_timeout;
        let address = config.spread_addresses.then(|| voter_address(plan.voter(i)));
        tokio::spawn(async move {
            let bearer = &voters[plan.voter(i) as usize];
            let vote = (plan.statement(i), plan.vote(i).as_str());
            let outcome = send_vote(&client, &endpoints, bearer, address, vote, limit).await;
            let done = Instant::now();
            let latency = done.saturating_duration_since(due);
            let offset = done.saturating_duration_since(t0);
            {
                let mut tallies = lock(&tallies);
                let outcome = match outcome {
                    Ok(status) => Outcome::Status(status),
                    Err(e) => {
                        tallies.first_error.get_or_insert(e);
                        Outcome::Error
                    }
                };
                if plan.is_measured(i) {
                    tallies.measured.record(outcome, latency, offset);
                } else {
                    tallies.warmup.record(outcome, latency, offset);
                }
            }
            progress.inc(1);
            drop(permit);
        });
    }
    // Every vote in flight holds a permit; having them all back means every vote was answered
    // or timed out.
    let _all = permits.acquire_many(u32::try_from(config.connections).unwrap_or(u32::MAX)).await;
    stop_on_ctrl_c.abort();
    progress.finish_and_clear();
    let tallies = std::mem::take(&mut *lock(&tallies));
    let planned = match interrupted_at {
        Some(at) => at.saturating_duration_since(t0).saturating_sub(Duration::from_secs_f64(config.warmup_s)),
        None => Duration::from_secs_f64(config.duration_s),
    };
    let window = measured_window(planned, &tallies.measured, plan.rate());
    let facts = RunFacts {
        target_rate_per_s: plan.rate(),
        warmup_s: config.warmup_s,
        voters: plan.voters(),
        connections: config.connections,
        accepted_total: tallies.warmup.accepted + tallies.measured.accepted,
        sent_total: tallies.warmup.sent + tallies.measured.sent,
        window,
        interrupted: interrupted_at.is_some(),
        first_error: tallies.first_error,
    };
    Report::new(tallies.measured, facts)
}

async fn send_vote(
    client: &HttpClient,
    endpoints: &Endpoints,
    bearer: &HeaderValue,
    address: Option<HeaderValue>,
    (statement, vote): (u32, &'static str),
    limit: Duration,
) -> Result<u16, String> {
    let body = serde_json::to_vec(&VoteBody { statement, vote }).map_err(|e| e.to_string())?;
    let mut request = Request::builder();
    if let Some(address) = address {
        request = request.header("x-forwarded-for", address);
    }
    let request = request
        .method(Method::POST)
        .uri(endpoints.vote.clone())
        .header(HOST, endpoints.host.clone())
        .header(AUTHORIZATION, bearer.clone())
        .header(CONTENT_TYPE, "application/json")
        .body(Full::new(Bytes::from(body)))
        .map_err(|e| e.to_string())?;
    match timeout(limit, exchange(client, request)).await {
        Ok(Ok((status, _, _))) => Ok(status.as_u16()),
        Ok(Err(e)) => Err(e),
        Err(_) => Err(format!("no answer within {} s", limit.as_secs_f64())),
    }
}

/// A progress line on standard error; hidden when asked, and by indicatif itself when standard
/// error is not a terminal.
fn bar(shown: bool, len: u64, template: &str) -> ProgressBar {
    if !shown {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_voters_each_get_an_address_in_the_benchmark_range() {
        assert_eq!(voter_address(0), "198.18.0.0");
        assert_eq!(voter_address(257), "198.18.1.1");
        assert_eq!(voter_address(65_536 + 2), "198.19.0.2");
        let distinct: std::collections::HashSet<_> = (0..3_000).map(voter_address).collect();
        assert_eq!(distinct.len(), 3_000);
    }

    #[test]
    fn retry_after_reads_seconds_and_falls_back_to_one() {
        let header = |s: &'static str| HeaderValue::from_static(s);
        assert_eq!(retry_after(Some(&header("3"))), Duration::from_secs(3));
        assert_eq!(retry_after(Some(&header(" 0 "))), Duration::ZERO);
        assert_eq!(retry_after(Some(&header("1.5"))), Duration::from_millis(1500));
        assert_eq!(retry_after(Some(&header("Wed, 21 Oct 2015 07:28:00 GMT"))), Duration::from_secs(1));
        assert_eq!(retry_after(Some(&header("-4"))), Duration::from_secs(1));
        assert_eq!(retry_after(Some(&header("99999"))), Duration::from_secs(3600));
        assert_eq!(retry_after(None), Duration::from_secs(1));
    }

    #[test]
    fn the_pacer_spaces_slots_and_holds_off() {
        let pacer = Pacer::new(10.0);
        let first = pacer.claim();
        assert_eq!(pacer.claim() - first, Duration::from_millis(100));
        assert_eq!(pacer.claim() - first, Duration::from_millis(200));
        let asked = Instant::now();
        pacer.hold_off(Duration::from_secs(2));
        let after = pacer.claim();
        assert!(after >= asked + Duration::from_secs(2), "a 429's wait was not kept");
        assert_eq!(pacer.claim() - after, Duration::from_millis(100));
    }

    #[test]
    fn vote_and_join_bodies_follow_the_contract() {
        let vote = serde_json::to_value(VoteBody { statement: 3, vote: "pass" }).unwrap();
        assert_eq!(vote, serde_json::json!({"statement": 3, "vote": "pass"}));
        let empty = serde_json::to_value(JoinBody { side: None, segment: None }).unwrap();
        assert_eq!(empty, serde_json::json!({}));
        let full = serde_json::to_value(JoinBody { side: Some("a"), segment: Some("b") }).unwrap();
        assert_eq!(full, serde_json::json!({"side": "a", "segment": "b"}));
    }
}
