//! Measures what the web workspace costs a person on a poor connection, in real headless
//! Chromium: bytes transferred per page (cold first visit, then warm), and the time until each
//! page of the sign-in → dashboard flow is interactive under emulated 2G (250 kbit/s, 300 ms
//! round trip). The weights are measured in every shipped language, each against its budget
//! (first visit ≤ 60 KB, later pages ≤ 20 KB); the run fails at the end when a language is over.
//! A measurement, not a test: `docs/benchmarks.md` records its output.
//!
//! `cargo run -p tracktwo --example page_weight` (after `cargo build -p tracktwo`; needs Debian's
//! chromium and chromium-driver).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};

/// Bytes a first visit to the sign-in page may transfer, all assets included, in any language.
const FIRST_VISIT_BUDGET: u64 = 60_000;
/// Bytes any later page may transfer, in any language.
const LATER_PAGE_BUDGET: u64 = 20_000;

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// chromedriver's vendor command for network emulation (the CDP conditions behind DevTools'
/// throttling).
#[derive(Debug)]
struct NetworkConditions(serde_json::Value);

impl WebDriverCompatibleCommand for NetworkConditions {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/chromium/network_conditions", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(serde_json::json!({ "network_conditions": self.0 }).to_string()))
    }
}

fn binary() -> std::path::PathBuf {
    std::env::var_os("TRACKTWO_BIN").map_or_else(
        || std::env::current_exe().unwrap().parent().unwrap().parent().unwrap().join("tracktwo"),
        Into::into,
    )
}

/// The demo server, its address, amara's password and the consultation's campaign link.
fn start_demo(dir: &std::path::Path) -> (Killed, String, String, String) {
    let mut child = Killed(
        Command::new(binary())
            .current_dir(dir)
            .args(["demo", "--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("run target/debug/tracktwo (build it first)"),
    );
    let mut password = String::new();
    let mut join = String::new();
    for line in BufReader::new(child.0.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.first() == Some(&"amara") {
            password = words[words.len() - 2].to_owned();
        }
        if let Some(at) = line.find("/join/") {
            join = line[at..].trim().to_owned();
        }
        if let Some(address) = line.strip_prefix("tracktwo is serving at ") {
            return (child, address.trim().to_owned(), password, join);
        }
    }
    panic!("the demo did not start");
}

async fn chromium(port: u16) -> Client {
    chromium_in(port, "en").await
}

/// Chromium asking for pages in `language` (its Accept-Language).
async fn chromium_in(port: u16, language: &str) -> Client {
    let profile = tempfile::tempdir().unwrap().keep();
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                     format!("--lang={language}"), format!("--accept-lang={language}"),
                     format!("--user-data-dir={}", profile.display())],
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("start Chromium")
}

/// Bytes transferred for the current page and everything it loaded, and the milliseconds from
/// the start of its navigation until the document was interactive.
async fn measure(client: &Client) -> (u64, f64) {
    let value = client
        .execute(
            "const nav = performance.getEntriesByType('navigation')[0];
             const resources = performance.getEntriesByType('resource').reduce((sum, r) => sum + r.transferSize, 0);
             return [nav.transferSize + resources, nav.domInteractive];",
            vec![],
        )
        .await
        .unwrap();
    (value[0].as_u64().unwrap_or(0), value[1].as_f64().unwrap_or(f64::NAN))
}

/// Waits until the browser has left `path` (a submitted form's answer has arrived).
async fn wait_to_leave(client: &Client, path: &str) {
    let started = Instant::now();
    loop {
        if client.current_url().await.is_ok_and(|url| url.path() != path)
            && client.find(Locator::Css("h1")).await.is_ok()
        {
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "never left {path}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn sign_in(client: &Client, base: &str, password: &str) {
    client.goto(&format!("{base}/sign-in")).await.unwrap();
    client.find(Locator::Css("[name=username]")).await.unwrap().send_keys("amara").await.unwrap();
    client.find(Locator::Css("[name=password]")).await.unwrap().send_keys(password).await.unwrap();
    client.find(Locator::Css("form[action='/sign-in'] button")).await.unwrap().click().await.unwrap();
    wait_to_leave(client, "/sign-in").await;
}

/// Bytes transferred for each page of a session in `language`: the cold first visit to the
/// sign-in page, the dashboard, then the initiative's pages.
async fn weights(port: u16, base: &str, password: &str, language: &str) -> Vec<(String, u64)> {
    let client = chromium_in(port, language).await;
    client.goto(&format!("{base}/sign-in")).await.unwrap();
    let mut out = vec![("sign-in, first visit (cold cache, all assets)".to_owned(), measure(&client).await.0)];
    sign_in(&client, base, password).await;
    out.push(("dashboard, after sign-in".to_owned(), measure(&client).await.0));
    let shown = client.execute("return document.documentElement.lang;", vec![]).await.unwrap();
    assert_eq!(shown.as_str(), Some(language), "the pages came in {shown}, not {language}");
    let serin = client.find(Locator::Css("main li a")).await.unwrap().attr("href").await.unwrap().unwrap();
    let mut pages = vec![serin.clone(), format!("{serin}/members"), format!("{serin}/notes"), "/account".to_owned()];
    pages.extend(["/outcomes", "/measures", "/reports"].map(|p| format!("{serin}{p}")));
    client.goto(&format!("{base}{serin}")).await.unwrap();
    for a in client.find_all(Locator::Css("main a[href*='caucus=']")).await.unwrap() {
        pages.push(a.attr("href").await.unwrap().unwrap());
    }
    // The negotiating texts; the first text's page with its clauses and its copy form, its
    // versions, and the pen's page, whose draft repeats the whole text.
    pages.push(format!("{serin}/texts"));
    client.goto(&format!("{base}{serin}/texts")).await.unwrap();
    let text = client.find(Locator::Css(&format!("main a[href^='{serin}/texts/']"))).await.unwrap();
    let text = text.attr("href").await.unwrap().unwrap();
    pages.extend([text.clone(), format!("{text}/versions"), format!("{text}/pen")]);
    for page in &pages {
        client.goto(&format!("{base}{page}")).await.unwrap();
        out.push((
            page.replace(&text, "initiative/texts/{text}").replace(&serin, "initiative"),
            measure(&client).await.0,
        ));
    }
    client.close().await.unwrap();
    out
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, base, password, join) = start_demo(dir.path());
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let _driver = Killed(
        Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // Weight: a cold first visit, then every page of a session, in each shipped language.
    let languages = ["en", "ar", "ru", "fr"];
    let mut columns = Vec::new();
    for language in languages {
        columns.push(weights(port, &base, &password, language).await);
    }
    println!("| page | {} |\n|---|{}", languages.join(" | "), "---:|".repeat(languages.len()));
    for (row, (label, _)) in columns[0].iter().enumerate() {
        let cells: Vec<String> = columns.iter().map(|c| c[row].1.to_string()).collect();
        println!("| {label} | {} |", cells.join(" | "));
    }
    let mut over = Vec::new();
    for (language, column) in languages.iter().zip(&columns) {
        let first = column[0].1;
        let heaviest = column.iter().skip(1).map(|(_, bytes)| *bytes).max().unwrap_or(0);
        println!(
            "{language}: first visit {first} bytes ({} % of {FIRST_VISIT_BUDGET}), heaviest later page {heaviest} bytes ({} % of {LATER_PAGE_BUDGET})",
            first * 100 / FIRST_VISIT_BUDGET,
            heaviest * 100 / LATER_PAGE_BUDGET
        );
        if first > FIRST_VISIT_BUDGET || heaviest > LATER_PAGE_BUDGET {
            over.push(*language);
        }
    }

    // 2G: a fresh browser (cold cache) on 250 kbit/s with 300 ms round trips.
    let client = chromium(port).await;
    let bytes_per_second = 250_000 / 8;
    client
        .issue_cmd(NetworkConditions(serde_json::json!({
            "offline": false, "latency": 300,
            "download_throughput": bytes_per_second, "upload_throughput": bytes_per_second,
        })))
        .await
        .expect("emulate 2G");
    let started = Instant::now();
    client.goto(&format!("{base}/sign-in")).await.unwrap();
    let (_, sign_in_interactive) = measure(&client).await;
    sign_in(&client, &base, &password).await;
    let (_, dashboard_interactive) = measure(&client).await;
    println!("\n| emulated 2G (250 kbit/s, 300 ms RTT) | interactive after (ms) |\n|---|---:|");
    println!("| sign-in page, cold cache | {sign_in_interactive:.0} |");
    println!("| dashboard, after submitting the sign-in form | {dashboard_interactive:.0} |");
    println!("\nwhole flow, including typing by WebDriver: {} ms", started.elapsed().as_millis());
    client.close().await.unwrap();

    // The consultation's ballot on 2G, as a voter opening the link on a phone: the welcome
    // page (cold cache), the first statement after "Start", the next one after a vote.
    let client = chromium(port).await;
    client
        .issue_cmd(NetworkConditions(serde_json::json!({
            "offline": false, "latency": 300,
            "download_throughput": bytes_per_second, "upload_throughput": bytes_per_second,
        })))
        .await
        .expect("emulate 2G");
    client.set_window_size(390, 844).await.unwrap();
    client.goto(&format!("{base}{join}")).await.unwrap();
    let (welcome_bytes, welcome_ms) = measure(&client).await;
    client.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
    let started = Instant::now();
    while client.find(Locator::Id("statement")).await.is_err() {
        assert!(started.elapsed() < Duration::from_secs(60), "the ballot did not load");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (ballot_bytes, ballot_ms) = measure(&client).await;
    let first = client.find(Locator::Id("statement")).await.unwrap().text().await.unwrap();
    client.find(Locator::Css("button[value=agree]")).await.unwrap().click().await.unwrap();
    let started = Instant::now();
    loop {
        if let Ok(s) = client.find(Locator::Id("statement")).await
            && s.text().await.unwrap_or_default() != first
        {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "the vote was not taken");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (next_bytes, next_ms) = measure(&client).await;
    println!(
        "\n| consultation on 2G, phone-sized window | transferred (bytes) | interactive after (ms) |\n|---|---:|---:|"
    );
    println!("| invitation link, cold cache | {welcome_bytes} | {welcome_ms:.0} |");
    println!("| first statement, after Start | {ballot_bytes} | {ballot_ms:.0} |");
    println!("| next statement, after a vote | {next_bytes} | {next_ms:.0} |");
    client.close().await.unwrap();
    assert!(over.is_empty(), "over the page weight budget in {over:?}");
}
