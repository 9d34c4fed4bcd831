//! The web workspace in real headless Chromium, driven through Debian's chromedriver, against
//! the `tracktwo demo` binary and its invented scenario (two sides, a secret back channel).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

use crate::KillOnDrop;

const BIN: &str = env!("CARGO_BIN_EXE_tracktwo");

pub(crate) struct Demo {
    _server: KillOnDrop,
    dir: tempfile::TempDir,
    pub(crate) base: String,
    pub(crate) passwords: HashMap<String, String>,
    /// Each account's API token, printed with its password.
    pub(crate) tokens: HashMap<String, String>,
    /// The path of the campaign link to the demo's consultation.
    pub(crate) join: String,
}

impl Demo {
    /// The demo's data folder, with its key file beside the store (invented people only).
    pub(crate) fn data_dir(&self) -> std::path::PathBuf {
        self.dir.path().join("tracktwo-demo")
    }
}

/// Starts the demo on a free port and reads the accounts it prints.
pub(crate) fn start_demo() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let mut command = Command::new(BIN);
    command
        .current_dir(dir.path())
        .args(["demo", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (name, _) in std::env::vars().filter(|(n, _)| n.starts_with("TRACKTWO_")) {
        command.env_remove(name);
    }
    // The lines read below are the English ones.
    for name in ["LANG", "LC_ALL", "LC_MESSAGES"] {
        command.env_remove(name);
    }
    let mut server = KillOnDrop(command.spawn().unwrap());
    let mut passwords = HashMap::new();
    let mut tokens = HashMap::new();
    let mut base = String::new();
    let mut join = String::new();
    for line in BufReader::new(server.0.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        if let Some(address) = line.strip_prefix("tracktwo is serving at ") {
            base = address.trim().to_owned();
            break;
        }
        if let Some(at) = line.find("/join/") {
            join = line[at..].trim().to_owned();
        }
        // "  username  display name …  password  token"
        let words: Vec<&str> = line.split_whitespace().collect();
        if line.starts_with("  ") && words.len() >= 3 && words[words.len() - 1].starts_with("tt2_") {
            passwords.insert(words[0].to_owned(), words[words.len() - 2].to_owned());
            tokens.insert(words[0].to_owned(), words[words.len() - 1].to_owned());
        }
    }
    assert!(!base.is_empty(), "the demo did not start");
    assert!(!join.is_empty(), "the demo printed no consultation link");
    Demo { _server: server, dir, base, passwords, tokens, join }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts chromedriver and a headless Chromium session with the flags this machine needs.
pub(crate) async fn browser() -> (KillOnDrop, Client) {
    browser_reading(None).await
}

/// A browser whose reader asks for `languages` (its `Accept-Language`), or for the browser's
/// own default when none is given.
pub(crate) async fn browser_reading(languages: Option<&str>) -> (KillOnDrop, Client) {
    let chromium =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].into_iter().find(|p| std::path::Path::new(p).exists());
    let chromium = chromium
        .expect("Chromium is not installed; scripts/test installs it (Debian packages chromium, chromium-driver)");
    let port = free_port();
    let driver = KillOnDrop(
        Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is not installed; scripts/test installs it"),
    );
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(20), "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let profile = tempfile::tempdir().unwrap().keep();
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                format!("--user-data-dir={}", profile.display()),
            ],
        }),
    );
    if let Some(languages) = languages {
        caps["goog:chromeOptions"]["prefs"] = serde_json::json!({ "intl.accept_languages": languages });
    }
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("start a Chromium session");
    (driver, client)
}

async fn fill(client: &Client, name: &str, value: &str) {
    client.find(Locator::Css(&format!("[name={name}]"))).await.unwrap().send_keys(value).await.unwrap();
}

async fn submit(client: &Client, form_action: &str) {
    let button = format!("form[action='{form_action}'] button[type=submit]");
    client.find(Locator::Css(&button)).await.unwrap().click().await.unwrap();
}

/// Signs in through the form; true if it led to the dashboard, false if it was refused.
pub(crate) async fn sign_in(client: &Client, demo: &Demo, user: &str, code: Option<&str>) -> bool {
    client.goto(&format!("{}/sign-in", demo.base)).await.unwrap();
    fill(client, "username", user).await;
    fill(client, "password", &demo.passwords[user]).await;
    if let Some(code) = code {
        fill(client, "code", code).await;
    }
    submit(client, "/sign-in").await;
    let started = Instant::now();
    loop {
        if heading(client).await == "My initiatives" {
            return true;
        }
        if client.find(Locator::Css("p.error")).await.is_ok() {
            return false;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "sign-in neither succeeded nor failed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Text as a reader sees it: the Unicode isolates that set a message's arguments apart (so a
/// name in another script keeps its order) are invisible, and left out.
pub(crate) fn shown(text: String) -> String {
    text.replace(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'], "")
}

async fn heading(client: &Client) -> String {
    match client.find(Locator::Css("h1")).await {
        Ok(h1) => shown(h1.text().await.unwrap_or_default()),
        Err(_) => String::new(),
    }
}

/// Waits until the page shows a heading that `done` accepts (a click returns before the
/// navigation it starts has finished), and returns it.
async fn settle(client: &Client, done: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let now = heading(client).await;
        if done(&now) {
            return now;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "the page stayed at `{now}`");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// An authenticator set up from the key shown on the enrolment page, as a person would type it.
async fn authenticator(client: &Client) -> totp_rs::Totp {
    let secret = client.find(Locator::Id("totp-secret")).await.unwrap().text().await.unwrap();
    totp_rs::Builder::new().with_secret(totp_rs::Secret::try_from_base32(secret.trim()).unwrap()).build().unwrap()
}

/// The authenticator on a person's phone reads its own clock; so does this stand-in.
#[allow(clippy::disallowed_methods)]
fn phone_clock() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

pub(crate) async fn links(client: &Client) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for a in client.find_all(Locator::Css("main a")).await.unwrap() {
        out.push((shown(a.text().await.unwrap()), a.attr("href").await.unwrap().unwrap_or_default()));
    }
    out
}

pub(crate) async fn sign_out(client: &Client) {
    client.find(Locator::Css("form[action='/sign-out'] button")).await.unwrap().click().await.unwrap();
    settle(client, |h| h == "Sign in").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_enrol_totp_sign_out_and_sign_in_with_totp() {
    let demo = start_demo();
    let (_driver, client) = browser().await;
    assert!(sign_in(&client, &demo, "greta", None).await);
    client.goto(&format!("{}/account", demo.base)).await.unwrap();
    submit(&client, "/account/second-factor").await;
    settle(&client, |h| h == "Set up two-step sign-in").await;
    assert!(client.find(Locator::Css("figure svg")).await.is_ok(), "no QR code");
    let totp = authenticator(&client).await;
    fill(&client, "code", &totp.generate(phone_clock()).to_string()).await;
    submit(&client, "/account/second-factor/confirm").await;
    settle(&client, |h| h == "Two-step sign-in is on").await;
    assert_eq!(client.find_all(Locator::Css("#recovery-codes li")).await.unwrap().len(), 10);

    // The session ended with the change; a password alone no longer opens the account.
    assert!(!sign_in(&client, &demo, "greta", None).await, "a password alone signed in");
    // With a code: the current step's was spent on enrolment if it has not moved on since, and a
    // spent code is refused, so the next step's (accepted within the one-step tolerance) may be
    // needed.
    let current = totp.generate(phone_clock()).to_string();
    let next = totp.generate(phone_clock() + 30).to_string();
    let signed_in =
        sign_in(&client, &demo, "greta", Some(&current)).await || sign_in(&client, &demo, "greta", Some(&next)).await;
    assert!(signed_in, "password and code did not sign in");
    sign_out(&client).await;
    client.goto(&demo.base).await.unwrap();
    assert_eq!(settle(&client, |h| !h.is_empty()).await, "Sign in", "signed out, the dashboard must not open");
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn caucus_and_secret_channel_boundaries_hold_in_the_browser() {
    let demo = start_demo();
    let (_driver, client) = browser().await;
    // The convener sees both caucuses and the back channel; note their addresses.
    assert!(sign_in(&client, &demo, "amara", None).await);
    let dashboard = links(&client).await;
    let serin = dashboard.iter().find(|(t, _)| t.contains("Serin")).unwrap().1.clone();
    let back_channel = dashboard.iter().find(|(t, _)| t.contains("Kessel")).unwrap().1.clone();
    client.goto(&format!("{}{serin}", demo.base)).await.unwrap();
    let record = links(&client).await;
    let caucus_b = record.iter().find(|(t, _)| t.contains("Lowland Coast")).unwrap().1.clone();
    let caucus_a = record.iter().find(|(t, _)| t.contains("Upper Vale")).unwrap().1.clone();
    sign_out(&client).await;

    // A participant of the Upper Vale: their caucus opens, the other side's does not, even by
    // typing its address.
    assert!(sign_in(&client, &demo, "tarek", None).await);
    client.goto(&format!("{}{serin}", demo.base)).await.unwrap();
    let visible: Vec<String> = links(&client).await.into_iter().map(|(t, _)| t).collect();
    assert!(visible.iter().any(|t| t.contains("Upper Vale")) && !visible.iter().any(|t| t.contains("Lowland")));
    client.goto(&format!("{}{caucus_a}", demo.base)).await.unwrap();
    assert_eq!(heading(&client).await, "Caucus: Upper Vale");
    client.goto(&format!("{}{caucus_b}", demo.base)).await.unwrap();
    assert_eq!(heading(&client).await, "Not Found");
    assert!(!client.source().await.unwrap().contains("Vale names a duty officer"));
    // The back channel does not exist for him.
    client.goto(&format!("{}{back_channel}", demo.base)).await.unwrap();
    assert_eq!(heading(&client).await, "Not Found");
    assert!(!client.source().await.unwrap().contains("Kessel"));

    // A state-changing request without the form's token is refused. (Scripts could not even send
    // one: the Content-Security-Policy allows no connections; a plain form post is what remains.)
    client
        .execute(
            "const form = document.createElement('form');
             form.method = 'post'; form.action = arguments[0];
             const body = document.createElement('input'); body.name = 'body'; body.value = 'forged';
             form.appendChild(body); document.body.appendChild(form); form.submit();",
            vec![serde_json::Value::String(format!("{}{serin}/notes", demo.base))],
        )
        .await
        .unwrap();
    let started = Instant::now();
    while heading(&client).await != "Forbidden" {
        assert!(started.elapsed() < Duration::from_secs(10), "the forged post was not refused");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(client.source().await.unwrap().contains("did not come from this site"), "refused, but not as CSRF");
    client.close().await.unwrap();
}

/// Runs axe-core (from npm, `tests/browser`) on the current page and returns its serious and
/// critical violations.
pub(crate) async fn accessibility_violations(client: &Client) -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/browser/node_modules/axe-core/axe.min.js");
    let axe = std::fs::read_to_string(path)
        .expect("axe-core is not installed; scripts/test installs it (npm ci --prefix tests/browser)");
    client.execute(&format!("{axe}\nreturn true;"), vec![]).await.expect("load axe-core");
    let found = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then(result => done(result.violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))));",
            vec![],
        )
        .await
        .expect("run axe-core");
    serde_json::from_value(found).unwrap_or_default()
}

/// The pages of the demo a convener reads, as paths: the dashboard first, then the Serin
/// initiative and every kind of page under it (one of each record where there are many), the
/// timeline and the account. The sweeps in several languages and widths visit the same list.
/// The client is signed in as the convener and reads the pages in English.
pub(crate) async fn convener_pages(client: &Client, demo: &Demo) -> Vec<String> {
    client.goto(&format!("{}/", demo.base)).await.unwrap();
    let serin = links(client).await.into_iter().find(|(t, _)| t.contains("Serin")).unwrap().1;
    let mut pages = vec![
        "/".to_owned(),
        serin.clone(),
        format!("{serin}/members"),
        format!("{serin}/audit"),
        "/account".to_owned(),
    ];
    client.goto(&format!("{}{serin}", demo.base)).await.unwrap();
    pages.extend(links(client).await.into_iter().map(|(_, href)| href).filter(|h| h.contains("/notes")));
    pages.extend(
        [
            "/map",
            "/map?compare=2025-03-01",
            "/map/coverage",
            "/actors",
            "/map/selection?invitees=6&track=5&level=middle",
            "/map/transfer",
            "/registry",
            "/process",
            "/options",
            "/follow-ups",
            "/transfers",
            "/measures",
            "/indicators",
        ]
        .map(|p| format!("{serin}{p}")),
    );
    client.goto(&format!("{}{serin}/actors", demo.base)).await.unwrap();
    let actor: Vec<String> =
        links(client).await.into_iter().map(|(_, href)| href).filter(|h| h.contains("/actors/")).take(1).collect();
    for actor in actor {
        pages.push(actor.clone());
        client.goto(&format!("{}{actor}", demo.base)).await.unwrap();
        pages.extend(links(client).await.into_iter().map(|(_, href)| href).filter(|h| h.contains("/ties/")).take(1));
    }
    client.goto(&format!("{}{serin}/measures", demo.base)).await.unwrap();
    let questionnaires: Vec<String> =
        links(client).await.into_iter().map(|(_, href)| href).filter(|h| h.contains("/measures/")).take(1).collect();
    for questionnaire in questionnaires {
        // The card holder's page of the same questionnaire, which no page links to: its address
        // is handed out with the cards.
        if let Some(id) = questionnaire.rsplit('/').next() {
            pages.push(format!("/answer/{id}"));
        }
        pages.push(questionnaire);
    }
    client.goto(&format!("{}{serin}/registry", demo.base)).await.unwrap();
    pages.extend(links(client).await.into_iter().map(|(_, href)| href).filter(|h| h.contains("/registry/")).take(1));
    client.goto(&format!("{}{serin}/process", demo.base)).await.unwrap();
    let meetings: Vec<String> =
        links(client).await.into_iter().map(|(_, href)| href).filter(|h| h.contains("/meetings/")).collect();
    for meeting in meetings.iter().take(1) {
        pages.extend([meeting.clone(), format!("{meeting}/summary"), format!("{meeting}/speakers")]);
    }
    pages.push("/timeline?from=2024-01-01&to=2026-12-31".to_owned());
    client.goto(&format!("{}{serin}/conversations", demo.base)).await.unwrap();
    pages.push(format!("{serin}/conversations"));
    let conversations: Vec<String> =
        links(client).await.into_iter().map(|(_, href)| href).filter(|h| h.contains("/conversations/")).collect();
    // A statement's translations, as the team enters them.
    pages.extend(conversations.iter().take(1).map(|c| format!("{c}/statements/0/languages")));
    // A member's ballot as the convener meets it: refused, for the team does not vote. The
    // right-to-left sweep reads it again as a participant.
    pages.extend(conversations.iter().map(|c| format!("{c}/vote")));
    pages.extend(conversations);
    pages.extend(["/outcomes", "/outcomes/new", "/theory-of-change", "/reports"].map(|p| format!("{serin}{p}")));
    client.goto(&format!("{}{serin}/outcomes", demo.base)).await.unwrap();
    pages.extend(
        links(client)
            .await
            .into_iter()
            .map(|(_, href)| href)
            .filter(|h| h.contains("/outcomes/") && !h.ends_with("/new"))
            .take(1),
    );
    client.goto(&format!("{}{serin}/readouts", demo.base)).await.unwrap();
    pages.push(format!("{serin}/readouts"));
    pages.extend(links(client).await.into_iter().map(|(_, href)| href).filter(|h| h.contains("/readouts/")).take(1));
    client.goto(&format!("{}{serin}/texts", demo.base)).await.unwrap();
    pages.push(format!("{serin}/texts"));
    let texts: Vec<String> =
        links(client).await.into_iter().map(|(_, href)| href).filter(|h| h.contains("/texts/")).take(1).collect();
    for text in texts {
        let views =
            ["", "?lang=ar", "?version=1", "?respond=c1", "/versions", "/compare?from=1&to=6", "/pending", "/pen"];
        pages.extend(views.map(|view| format!("{text}{view}")));
    }
    pages
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_passes_axe_without_serious_or_critical_violations() {
    let demo = start_demo();
    let (_driver, client) = browser().await;
    let mut report = Vec::new();
    let mut check = |page: String, violations: Vec<String>| {
        report.extend(violations.into_iter().map(|v| format!("{page}: {v}")));
    };
    client.goto(&format!("{}/sign-in", demo.base)).await.unwrap();
    check("sign-in".into(), accessibility_violations(&client).await);
    client.goto(&format!("{}/nowhere", demo.base)).await.unwrap();
    check("not found".into(), accessibility_violations(&client).await);

    assert!(sign_in(&client, &demo, "amara", None).await);
    let pages = convener_pages(&client, &demo).await;
    // The Serin initiative, second after the dashboard.
    let serin = pages[1].clone();
    for page in pages {
        client.goto(&format!("{}{page}", demo.base)).await.unwrap();
        check(page.clone(), accessibility_violations(&client).await);
    }
    client.goto(&format!("{}/account", demo.base)).await.unwrap();
    submit(&client, "/account/second-factor").await;
    settle(&client, |h| h == "Set up two-step sign-in").await;
    check("two-step set-up".into(), accessibility_violations(&client).await);
    let totp = authenticator(&client).await;
    fill(&client, "code", &totp.generate(phone_clock()).to_string()).await;
    submit(&client, "/account/second-factor/confirm").await;
    settle(&client, |h| h == "Two-step sign-in is on").await;
    check("recovery codes".into(), accessibility_violations(&client).await);
    // The ballot, as an anonymous voter of the consultation sees it.
    client.delete_all_cookies().await.unwrap();
    client.goto(&format!("{}{}", demo.base, demo.join)).await.unwrap();
    check("consultation welcome".into(), accessibility_violations(&client).await);
    client.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
    wait_for_text(&client, "#progress", "answered").await;
    check("ballot".into(), accessibility_violations(&client).await);
    // In Arabic, a translated statement with its original opened.
    client.find(Locator::Css("nav.languages a[hreflang=ar]")).await.unwrap().click().await.unwrap();
    wait_for_language(&client, "ar").await;
    client.find(Locator::Css("details.original summary")).await.unwrap().click().await.unwrap();
    check("ballot in Arabic, the original open".into(), accessibility_violations(&client).await);
    client.find(Locator::Css("nav.languages a[hreflang=en]")).await.unwrap().click().await.unwrap();
    wait_for_language(&client, "en").await;
    // A participant's private ballot.
    assert!(sign_in(&client, &demo, "tarek", None).await);
    client.goto(&format!("{}{serin}/conversations", demo.base)).await.unwrap();
    let private = links(&client).await.into_iter().map(|(_, href)| href).find(|h| h.ends_with("/vote")).unwrap();
    client.goto(&format!("{}{private}", demo.base)).await.unwrap();
    check("private ballot".into(), accessibility_violations(&client).await);
    // A refusal page: a participant at the members page.
    assert!(sign_in(&client, &demo, "tarek", None).await);
    client.goto(&format!("{}{serin}/members", demo.base)).await.unwrap();
    assert_eq!(heading(&client).await, "Forbidden");
    check("forbidden".into(), accessibility_violations(&client).await);
    client.close().await.unwrap();
    assert!(report.is_empty(), "accessibility violations:\n{}", report.join("\n"));
}

/// Sets a form field's value as a person picking it would (date pickers and selects do not take
/// typed keys the same way in every locale).
async fn set_value(client: &Client, name: &str, value: &str) {
    client
        .execute(
            "document.querySelector('[name=' + arguments[0] + ']').value = arguments[1];",
            vec![serde_json::Value::String(name.into()), serde_json::Value::String(value.into())],
        )
        .await
        .unwrap();
}

/// The text of an element, or nothing while the page that holds it is still loading.
async fn text_of(client: &Client, css: &str) -> String {
    match client.find(Locator::Css(css)).await {
        Ok(element) => shown(element.text().await.unwrap_or_default()),
        Err(_) => String::new(),
    }
}

/// Waits until the element shows `needle` (the page after a click may still be loading), and
/// returns its text.
async fn wait_for_text(client: &Client, css: &str, needle: &str) -> String {
    let started = Instant::now();
    loop {
        let text = text_of(client, css).await;
        if text.contains(needle) {
            return text;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "`{needle}` never appeared in {css}: {text}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The option of a select whose label contains `label`, chosen.
async fn choose(client: &Client, name: &str, label: &str) {
    let options = client.find_all(Locator::Css(&format!("select[name={name}] option"))).await.unwrap();
    for option in options {
        if shown(option.text().await.unwrap()).contains(label) {
            let value = option.attr("value").await.unwrap().unwrap_or_default();
            set_value(client, name, &value).await;
            return;
        }
    }
    panic!("no option `{label}` in {name}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_facilitator_maps_actors_and_ties_and_selects_participants_with_reasons() {
    let demo = start_demo();
    let (_driver, client) = browser().await;
    assert!(sign_in(&client, &demo, "jonas", None).await);
    let serin = links(&client).await.into_iter().find(|(t, _)| t.contains("Serin")).unwrap().1;

    // The wheel of the demo map, today.
    client.goto(&format!("{}{serin}", demo.base)).await.unwrap();
    client.find(Locator::LinkText("The nine-track wheel")).await.unwrap().click().await.unwrap();
    settle(&client, |h| h == "System map").await;
    let today = text_of(&client, "#map-summary").await;
    assert!(today.contains("60 actors shown of 60"), "{today}");
    assert!(client.source().await.unwrap().contains("back channel to"), "the team sees the back channels");
    assert!(client.find(Locator::Css("figure.wheel svg[aria-labelledby] title")).await.is_ok(), "no titled wheel");

    // A new actor, then a tie from it across the line.
    client.goto(&format!("{}{serin}/actors", demo.base)).await.unwrap();
    fill(&client, "name", "Hala Verin").await;
    fill(&client, "code_name", "UV-99").await;
    choose(&client, "primary_track", "Activism").await;
    choose(&client, "level", "Grassroots").await;
    choose(&client, "side", "Upper Vale").await;
    fill(&client, "role", "organiser of the Kessel water users").await;
    submit(&client, &format!("{serin}/actors")).await;
    assert_eq!(settle(&client, |h| h.contains("UV-99")).await, "Hala Verin (UV-99)");
    choose(&client, "kind", "trusted contact").await;
    choose(&client, "to", "LC-05").await;
    set_value(&client, "strength", "4").await;
    set_value(&client, "valid_from", "2026-03-20").await;
    submit(&client, &format!("{serin}/ties")).await;
    let ties = wait_for_text(&client, "#ties", "(UV-99) — trusted contact").await;
    assert!(ties.contains("Hala Verin (UV-99) — trusted contact") && ties.contains("LC-05"), "{ties}");
    // The tie's own page: it ended, and says so.
    let tie_link = "//table[@id='ties']//a[contains(., 'UV-99') and contains(., 'trusted contact')]";
    client.find(Locator::XPath(tie_link)).await.unwrap().click().await.unwrap();
    settle(&client, |h| h.contains("trusted contact")).await;
    set_value(&client, "valid_until", "2026-11-01").await;
    let action = client.find(Locator::Css("form.stack")).await.unwrap().attr("action").await.unwrap().unwrap();
    submit(&client, &action).await;
    wait_for_text(&client, "dl.facts", "March 20, 2026 – November 1, 2026").await;

    // The map as of an earlier date, compared with today: fewer ties, and the new ones named.
    client.goto(&format!("{}{serin}/map", demo.base)).await.unwrap();
    set_value(&client, "as_of", "2025-03-01").await;
    submit(&client, &format!("{serin}/map")).await;
    let started = Instant::now();
    while !text_of(&client, "#map-summary").await.contains("March 1, 2025") {
        assert!(started.elapsed() < Duration::from_secs(15), "the earlier map did not show");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let earlier = text_of(&client, "#map-summary").await;
    let ties_in = |summary: &str| -> usize {
        summary
            .split(", ")
            .find(|part| part.contains("ties standing"))
            .and_then(|p| p.split(' ').next())
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(ties_in(&earlier) < ties_in(&today), "{earlier} / {today}");
    // The demo's two named snapshots: from the earlier to the later, what changed.
    client
        .find(Locator::LinkText("changes since Before the first workshop round"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let started = Instant::now();
    while client.find(Locator::Id("map-changes")).await.is_err() {
        assert!(started.elapsed() < Duration::from_secs(15), "the comparison did not show");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(text_of(&client, "#map-summary").await.contains("On June 1, 2026"));
    let changes = text_of(&client, "#map-changes").await;
    assert!(!changes.starts_with("0 ties formed"), "{changes}");

    // Coverage: the new actor fills the Vale's activism gap; its media gap remains.
    client.goto(&format!("{}{serin}/map/coverage", demo.base)).await.unwrap();
    let gaps = text_of(&client, "#gaps").await;
    assert!(gaps.contains("Upper Vale has no actor on track 9 (Communications and media)"), "{gaps}");
    assert!(!gaps.contains("Upper Vale has no actor on track 6"), "{gaps}");

    // A participant selection that gives its reasons.
    client.goto(&format!("{}{serin}/map/selection", demo.base)).await.unwrap();
    set_value(&client, "invitees", "6").await;
    submit(&client, &format!("{serin}/map/selection")).await;
    let started = Instant::now();
    while client.find(Locator::Id("invitees")).await.is_err() {
        assert!(started.elapsed() < Duration::from_secs(15), "no selection shown");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let invitees = client.find_all(Locator::Css("#invitees li")).await.unwrap();
    assert_eq!(invitees.len(), 6);
    for invitee in invitees {
        let text = shown(invitee.text().await.unwrap());
        let says_why = ["Chosen because", "access to", "keep the sides balanced"].iter().any(|why| text.contains(why));
        assert!(says_why, "{text}");
    }
    // Who cannot be invited is named, but why is the registry's: the facilitator is not told.
    let excluded = text_of(&client, "#excluded").await;
    assert!(excluded.contains("not available"), "{excluded}");
    assert!(!excluded.contains("consent") && !excluded.contains("risk"), "{excluded}");
    // The facilitator runs selections but does not open the registry.
    client.goto(&format!("{}{serin}/registry", demo.base)).await.unwrap();
    assert_eq!(heading(&client).await, "Forbidden");
    client.goto(&demo.base).await.unwrap();
    sign_out(&client).await;

    // A participant sees code names only, no back channel, and no registry.
    assert!(sign_in(&client, &demo, "tarek", None).await);
    client.goto(&format!("{}{serin}/actors", demo.base)).await.unwrap();
    let source = client.source().await.unwrap();
    assert!(source.contains("UV-99") && !source.contains("Hala Verin") && !source.contains("Eskil Dorn"));
    client.goto(&format!("{}{serin}/map", demo.base)).await.unwrap();
    let source = client.source().await.unwrap();
    assert!(source.contains("UV-05") && !source.contains("back channel to"), "a participant saw a back channel");
    client.goto(&format!("{}{serin}/registry", demo.base)).await.unwrap();
    assert_eq!(heading(&client).await, "Forbidden");
    client.goto(&demo.base).await.unwrap();
    sign_out(&client).await;
    // So does an official.
    assert!(sign_in(&client, &demo, "odile", None).await);
    client.goto(&format!("{}{serin}/map", demo.base)).await.unwrap();
    assert_eq!(heading(&client).await, "System map");
    assert!(!client.source().await.unwrap().contains("Hala Verin"));
    client.goto(&format!("{}{serin}/registry", demo.base)).await.unwrap();
    assert_eq!(heading(&client).await, "Forbidden");
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rapporteur_takes_notes_live_and_each_reader_sees_what_the_rules_allow() {
    let demo = start_demo();
    let (_driver, client) = browser().await;
    // The convener knows of the side meeting in round three; note its address.
    assert!(sign_in(&client, &demo, "amara", None).await);
    let serin = links(&client).await.into_iter().find(|(t, _)| t.contains("Serin")).unwrap().1;
    client.goto(&format!("{}{serin}/process", demo.base)).await.unwrap();
    let convener_links = links(&client).await;
    let side_meeting = convener_links.iter().find(|(t, _)| t == "Kessel Falls side meeting").unwrap().1.clone();
    let workshop = convener_links.iter().find(|(t, _)| t == "Workshop one").unwrap().1.clone();
    client.goto(&demo.base).await.unwrap();
    sign_out(&client).await;

    // The rapporteur: the stage across rounds, no trace of the side meeting, even by address.
    assert!(sign_in(&client, &demo, "lina", None).await);
    client.goto(&format!("{}{serin}/process", demo.base)).await.unwrap();
    let stages: Vec<String> = {
        let mut out = Vec::new();
        for cell in client.find_all(Locator::Css("td.stage")).await.unwrap() {
            out.push(shown(cell.text().await.unwrap()));
        }
        out
    };
    assert_eq!(stages.len(), 3, "{stages:?}");
    assert!(stages[0].starts_with("2 of 5") && stages[2].starts_with("5 of 5"), "{stages:?}");
    assert!(!client.source().await.unwrap().contains("Kessel Falls side meeting"));
    client.goto(&format!("{}{side_meeting}", demo.base)).await.unwrap();
    assert_eq!(heading(&client).await, "Not Found");

    // Live capture: a code, a tag, the note; keyboard only; it appears in its session.
    client.goto(&format!("{}{workshop}", demo.base)).await.unwrap();
    let speaker = client.find(Locator::Css("#capture [name=speaker]")).await.unwrap();
    speaker.send_keys("A4").await.unwrap();
    client
        .find(Locator::Css("#capture [name=body]"))
        .await
        .unwrap()
        .send_keys("The gauge could sit on the Tessar bank.")
        .await
        .unwrap();
    client.find(Locator::Css("#capture [name=tag][value=option]")).await.unwrap().click().await.unwrap();
    // The draft is kept as she types: after a reload it is still there.
    wait_for_text(&client, "#draft-status", "Draft kept").await;
    client.refresh().await.unwrap();
    let kept = client
        .find(Locator::Css("#capture [name=body]"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(kept, "The gauge could sit on the Tessar bank.");
    client.find(Locator::Css("#capture [name=body]")).await.unwrap().send_keys(" Both sides nodded.").await.unwrap();
    // Ctrl+Enter saves.
    client
        .find(Locator::Css("#capture [name=body]"))
        .await
        .unwrap()
        .send_keys(&format!("{}{}", fantoccini::key::Key::Control, fantoccini::key::Key::Enter))
        .await
        .unwrap();
    wait_for_text(&client, "section.session", "A4: The gauge could sit on the Tessar bank. Both sides nodded.").await;
    let draft_after = client
        .find(Locator::Css("#capture [name=body]"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(draft_after, "", "the saved note cleared the draft");
    // A name typed under the Chatham House Rule: the note is held, the name marked, the text kept.
    let body = client.find(Locator::Css("#capture [name=body]")).await.unwrap();
    body.send_keys("Tarek asked who would read the gauge.").await.unwrap();
    body.send_keys(&format!("{}{}", fantoccini::key::Key::Control, fantoccini::key::Key::Enter)).await.unwrap();
    wait_for_text(&client, "#held", "Not saved").await;
    assert_eq!(text_of(&client, "#held mark").await, "Tarek");
    let kept = client
        .find(Locator::Css("#capture [name=body]"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(kept, "Tarek asked who would read the gauge.", "the held note stays in the form");
    client.goto(&demo.base).await.unwrap();
    sign_out(&client).await;

    // A participant of the Vale: the plenary and the Vale's caucus, no codes, no names, no list.
    assert!(sign_in(&client, &demo, "tarek", None).await);
    client.goto(&format!("{}{workshop}", demo.base)).await.unwrap();
    let page = client.source().await.unwrap();
    assert!(page.contains("The gauge could sit on the Tessar bank."), "the plenary note is there");
    assert!(!page.contains("who would read the gauge"), "a held note was saved");
    assert!(page.contains("if the Coast drops the word"), "the Vale's caucus is there");
    assert!(!page.contains("unless the Vale names a duty officer"), "the Coast's caucus reached the Vale");
    assert!(!page.contains("A4:") && !page.contains("Mira Castell") && !page.contains("Jonah Brisk"));
    assert!(text_of(&client, "#withheld").await.contains("the attendee list (Chatham House Rule)"));
    client.goto(&format!("{}{side_meeting}", demo.base)).await.unwrap();
    assert_eq!(heading(&client).await, "Not Found");
    // The options register shows each option's status and path across rounds.
    client.goto(&format!("{}{serin}/options", demo.base)).await.unwrap();
    let statuses = text_of(&client, "main").await;
    assert!(statuses.contains("Jointly endorsed") && statuses.contains("Transferred to Track One"), "{statuses}");
    assert!(statuses.contains("round 3"), "{statuses}");
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_convener_releases_a_readout_to_two_officials_and_sees_the_transfer_on_the_timeline() {
    let demo = start_demo();
    let (_driver, client) = browser().await;
    assert!(sign_in(&client, &demo, "amara", None).await);
    let serin = links(&client).await.into_iter().find(|(t, _)| t.contains("Serin")).unwrap().1;

    // Draft: a readout of workshop two for officials.
    client.goto(&format!("{}{serin}/readouts", demo.base)).await.unwrap();
    fill(&client, "title", "Readout on workshop two").await;
    choose(&client, "audience", "Track One officials").await;
    fill(&client, "cover", "Shared with both ministries under the agreed rules.").await;
    client.find(Locator::XPath("//label[contains(., 'Workshop two')]/input")).await.unwrap().click().await.unwrap();
    submit(&client, &format!("{serin}/readouts")).await;
    settle(&client, |h| h == "Readout on workshop two").await;
    client
        .find(Locator::XPath("//label[contains(., 'joint technical commission')]/input"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let save = client.find(Locator::XPath("//button[text()='Save']")).await.unwrap();
    save.click().await.unwrap();
    wait_for_text(&client, "#readout-text", "joint technical commission").await;
    // Clear and release.
    client.find(Locator::XPath("//button[text()='Mark reviewed']")).await.unwrap().click().await.unwrap();
    wait_for_text(&client, "#clearance", "Reviewed").await;
    client.find(Locator::XPath("//button[text()='Release']")).await.unwrap().click().await.unwrap();
    wait_for_text(&client, "#clearance", "Released").await;
    // Two officials, two copies in the ledger.
    for recipient in ["Deputy Minister of Water, Upper Vale", "Director of International Affairs, Lowland Coast"] {
        fill(&client, "recipient", recipient).await;
        fill(&client, "channel", "by hand").await;
        let form = client.find(Locator::Css("form[action$='/copies']")).await.unwrap();
        form.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
        wait_for_text(&client, "#ledger", recipient).await;
    }
    let ledger = text_of(&client, "#ledger").await;
    assert!(ledger.contains("Upper Vale") && ledger.contains("Lowland Coast"), "{ledger}");
    assert!(client.find(Locator::Css("#ledger a[href$='format=pdf']")).await.is_ok(), "no copy to download");
    // How much of the text names its copy, now among the two copies issued.
    client.refresh().await.unwrap();
    let reach = text_of(&client, "#traceability").await;
    assert!(reach.contains("among 2 copies") && reach.contains("1 sentence"), "{reach}");

    // Log a transfer and a coordination event, then see both on the timeline.
    client.goto(&format!("{}{serin}/transfers", demo.base)).await.unwrap();
    set_value(&client, "on", "2026-11-20").await;
    choose(&client, "what", "An idea or option").await;
    choose(&client, "channel", "A written readout or non-paper").await;
    fill(&client, "description", "The commission idea reached both ministries in the readout.").await;
    submit(&client, &format!("{serin}/transfers")).await;
    wait_for_text(&client, "#transfers", "The commission idea reached both ministries").await;
    let contact = client.find(Locator::Css("form[action$='/coordination']")).await.unwrap();
    contact
        .find(Locator::Css("[name=counterpart]"))
        .await
        .unwrap()
        .send_keys("Lowland Coast foreign ministry")
        .await
        .unwrap();
    client
        .execute(
            "const f = document.querySelector(\"form[action$='/coordination']\"); \
             f.querySelector('[name=on]').value = '2026-11-21'; f.querySelector('[name=form]').value = 'joint-strategy-planning';",
            vec![],
        )
        .await
        .unwrap();
    contact.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
    wait_for_text(&client, "#coordination", "Lowland Coast foreign ministry").await;
    assert!(client.find(Locator::Css("figure svg[aria-labelledby]")).await.is_ok(), "no coordination chart");

    client.goto(&format!("{}/timeline?from=2024-01-01&to=2026-12-31", demo.base)).await.unwrap();
    let events = text_of(&client, "#timeline-events").await;
    // Dates as English writes them for people.
    assert!(events.contains("November 20, 2026 — transfer: An idea or option (Serin River Dialogue)"), "{events}");
    assert!(
        events.contains("November 21, 2026 — coordination: Joint strategy planning (Serin River Dialogue)"),
        "{events}"
    );
    assert!(events.contains("official track: Ceasefire"), "{events}");
    assert!(client.find(Locator::Css("figure.timeline svg title")).await.is_ok(), "no timeline drawn");
    client.close().await.unwrap();
}

/// How a participant of each side answers the consultation's statements: the sides split on
/// most, and both support the joint commission.
fn answer(statement: &str, vale: bool) -> &'static str {
    let agree = if statement.contains("commission") {
        true
    } else if statement.contains("dam") || statement.contains("quotas") {
        vale
    } else if statement.contains("compensation") || statement.contains("ferry") {
        !vale
    } else {
        return "pass";
    };
    if agree { "agree" } else { "disagree" }
}

/// The number in `text` right before `label`, e.g. 40 from "40 voters, 240 votes", its
/// thousands grouped as English groups them ("1,240 votes").
fn number_before(text: &str, label: &str) -> usize {
    let at = text.find(label).unwrap_or_else(|| panic!("no `{label}` in `{text}`"));
    text[..at]
        .split_whitespace()
        .last()
        .and_then(|n| n.trim_matches(|c: char| !c.is_ascii_digit()).replace(',', "").parse().ok())
        .unwrap_or_else(|| panic!("no number before `{label}` in `{text}`"))
}

/// Makes `count` personal links to the consultation whose page is `conversation`, through its
/// form, and returns their paths as the page shows them once.
async fn personal_links(team: &Client, conversation: &str, count: usize, label: &str) -> Vec<String> {
    choose(team, "kind", "Personal").await;
    set_value(team, "count", &count.to_string()).await;
    fill(team, "label", label).await;
    submit(team, &format!("{conversation}/invitations")).await;
    wait_for_text(team, "#issued-links", "copy them now").await;
    let mut invitations = Vec::new();
    for code in team.find_all(Locator::Css("code.invitation-link")).await.unwrap() {
        invitations.push(code.text().await.unwrap());
    }
    assert_eq!(invitations.len(), count);
    invitations
}

/// A new person opens their invitation link: none of the cookies of the one before (their
/// ballot, the language they chose) is left.
async fn open_as_new_person(voter: &Client, base: &str, link: &str, title: &str) {
    voter.goto(&format!("{base}/healthz")).await.unwrap();
    voter.delete_all_cookies().await.unwrap();
    voter.goto(&format!("{base}{link}")).await.unwrap();
    settle(voter, |h| h == title).await;
}

/// Joins from the welcome page, speaking for `side`.
async fn join_for(voter: &Client, side: &str) {
    choose(voter, "side", side).await;
    voter.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
}

/// The statement the ballot asks about once its page has loaded, or none once every statement
/// is answered.
async fn next_on_ballot(voter: &Client) -> Option<String> {
    let started = Instant::now();
    loop {
        let statement = text_of(voter, "#statement").await;
        if !statement.is_empty() {
            return Some(statement);
        }
        if !text_of(voter, "#ballot-done").await.is_empty() {
            return None;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "the ballot did not load");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Answers the statement shown, `statement`, and waits until the next replaces it once the vote
/// is stored.
async fn cast(voter: &Client, choice: &str, statement: &str) {
    voter.find(Locator::Css(&format!("button[value={choice}]"))).await.unwrap().click().await.unwrap();
    let started = Instant::now();
    while text_of(voter, "#statement").await == statement {
        assert!(started.elapsed() < Duration::from_secs(15), "the vote was not taken");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forty_invited_participants_vote_and_the_team_sees_groups_and_common_ground_update() {
    let demo = start_demo();
    let (_team_driver, team) = browser().await;
    assert!(sign_in(&team, &demo, "amara", None).await);
    let serin = links(&team).await.into_iter().find(|(t, _)| t.contains("Serin")).unwrap().1;
    team.goto(&format!("{}{serin}", demo.base)).await.unwrap();
    team.find(Locator::LinkText("Conversations")).await.unwrap().click().await.unwrap();
    settle(&team, |h| h == "Conversations").await;

    // The convener opens a consultation and makes forty personal links.
    fill(&team, "title", "The Serin after the dam").await;
    fill(&team, "question", "What should happen to the river?").await;
    choose(&team, "mode", "Consultation").await;
    let statements = [
        "A joint river commission should meet every month",
        "The dam should be dismantled",
        "Fishing quotas should be lifted",
        "Farmers downstream should get compensation",
        "A ferry should link the two banks",
        "Tourism should be promoted on both banks",
    ];
    fill(&team, "statements", &statements.join("\n")).await;
    submit(&team, &format!("{serin}/conversations")).await;
    settle(&team, |h| h == "The Serin after the dam").await;
    let conversation = team.current_url().await.unwrap().path().to_owned();
    assert!(text_of(&team, "#groups").await.contains("Not enough votes"));
    let invitations = personal_links(&team, &conversation, 40, "Town hall").await;

    // Each participant opens their own link in a browser of their own, says which side they
    // speak for, and answers every statement.
    let (_voter_driver, voter) = browser().await;
    let mut seen_by_team = Vec::new();
    for (n, link) in invitations.iter().enumerate() {
        open_as_new_person(&voter, &demo.base, link, "The Serin after the dam").await;
        let vale = n % 2 == 0;
        join_for(&voter, if vale { "Upper Vale" } else { "Lowland Coast" }).await;
        let mut answered = 0;
        while let Some(statement) = next_on_ballot(&voter).await {
            cast(&voter, answer(&statement.to_lowercase(), vale), &statement).await;
            answered += 1;
        }
        assert_eq!(answered, statements.len(), "participant {n} saw every statement once");
        let progress = text_of(&voter, "#progress").await;
        assert!(progress.starts_with("6 answered"), "{progress}");

        // Halfway and at the end the team looks at the live results.
        if n == 19 || n == 39 {
            team.goto(&format!("{}{conversation}", demo.base)).await.unwrap();
            let tally = wait_for_text(&team, "#tally", "voters").await;
            let groups = text_of(&team, "#groups").await;
            let common = text_of(&team, "#common-ground").await;
            seen_by_team.push((tally, groups, common));
        }
    }
    voter.close().await.unwrap();

    let (half, end) = (&seen_by_team[0], &seen_by_team[1]);
    assert_eq!(number_before(&half.0, "voters"), 20);
    assert_eq!(number_before(&half.0, "votes"), 120);
    assert_eq!(number_before(&end.0, "voters"), 40);
    assert_eq!(number_before(&end.0, "votes"), 240);
    for (tally, groups, common) in &seen_by_team {
        assert!(groups.contains("Group A") && groups.contains("Group B"), "groups at {tally}: {groups}");
        // The first row of the cross-side table is the statement both sides support.
        let first = common.lines().nth(1).unwrap_or_default();
        assert!(first.contains("joint river commission"), "common ground at {tally}: {common}");
    }
    // The groups and the sides' columns grew with the votes.
    assert!(half.2.contains("Upper Vale (10)") && half.2.contains("Lowland Coast (10)"), "{}", half.2);
    assert!(end.2.contains("Upper Vale (20)") && end.2.contains("Lowland Coast (20)"), "{}", end.2);
    let group_sizes = |groups: &str| -> usize {
        groups.lines().filter(|l| l.starts_with("Group ")).map(|l| number_before(l, "voters")).sum()
    };
    assert_eq!(group_sizes(&half.1), 20);
    assert_eq!(group_sizes(&end.1), 40);
    // The map shows every voter.
    let caption = text_of(&team, "figure.opinion-map figcaption").await;
    assert!(caption.contains("40 voters placed"), "{caption}");
    team.close().await.unwrap();
}

/// The demo's consultation, whose statements the team translated into Arabic, Russian and
/// French.
const TRANSLATED_CONSULTATION: &str = "The Serin after the drought: a public consultation";

/// Waits until the page is in `language` (its `<html lang>`), as after choosing it with the
/// switch.
async fn wait_for_language(client: &Client, language: &str) {
    let started = Instant::now();
    while client.find(Locator::Css(&format!("html[lang='{language}']"))).await.is_err() {
        assert!(started.elapsed() < Duration::from_secs(15), "the page never turned to {language}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// An element's attribute, empty when it has none.
async fn attribute(client: &Client, css: &str, name: &str) -> String {
    client.find(Locator::Css(css)).await.unwrap().attr(name).await.unwrap().unwrap_or_default()
}

/// The translations each statement of the conversation at `conversation` has, as the team's
/// form for it holds them: by statement number, each language's text, "en" the original's.
async fn stored_translations(
    team: &Client,
    base: &str,
    conversation: &str,
    statements: u32,
) -> Vec<HashMap<String, String>> {
    let mut stored = Vec::new();
    for number in 0..statements {
        team.goto(&format!("{base}{conversation}/statements/{number}/languages")).await.unwrap();
        let original = wait_for_text(team, "#original", " ").await;
        assert_eq!(attribute(team, "select[name=original] option[selected]", "value").await, "en");
        let mut languages = HashMap::from([("en".to_owned(), original)]);
        for language in ["ar", "ru", "fr"] {
            let text = attribute(team, &format!("input[name=translation-{language}]"), "value").await;
            assert!(!text.is_empty(), "statement {number} has no {language} translation");
            languages.insert(language.to_owned(), text);
        }
        stored.push(languages);
    }
    stored
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forty_voters_in_four_languages_read_the_statements_in_theirs_and_the_team_reads_results_in_each() {
    const LANGUAGES: [&str; 4] = ["en", "ar", "ru", "fr"];
    let demo = start_demo();
    let (_team_driver, team) = browser().await;
    assert!(sign_in(&team, &demo, "amara", None).await);
    let serin = links(&team).await.into_iter().find(|(t, _)| t.contains("Serin")).unwrap().1;
    team.goto(&format!("{}{serin}", demo.base)).await.unwrap();
    team.find(Locator::LinkText("Conversations")).await.unwrap().click().await.unwrap();
    settle(&team, |h| h == "Conversations").await;
    team.find(Locator::LinkText(TRANSLATED_CONSULTATION)).await.unwrap().click().await.unwrap();
    settle(&team, |h| h == TRANSLATED_CONSULTATION).await;
    let conversation = team.current_url().await.unwrap().path().to_owned();
    let statements = team.find_all(Locator::Css("#statements tbody tr")).await.unwrap().len() as u32;
    let tally_before = wait_for_text(&team, "#tally", "voters").await;
    let stored = stored_translations(&team, &demo.base, &conversation, statements).await;
    team.goto(&format!("{}{conversation}", demo.base)).await.unwrap();
    settle(&team, |h| h == TRANSLATED_CONSULTATION).await;
    let invitations = personal_links(&team, &conversation, 40, "Four languages").await;

    // Ten voters read each language: English and Russian as their browsers ask for it, Arabic
    // and French chosen with the ballot's switch. Each reads every statement in their language,
    // exactly as the team stored it, with the original one click away.
    let (_voter_driver, voter) = browser().await;
    let (_reader_driver, russian_reader) = browser_reading(Some("ru")).await;
    for (n, link) in invitations.iter().enumerate() {
        let language = LANGUAGES[n % 4];
        let browser = if language == "ru" { &russian_reader } else { &voter };
        open_as_new_person(browser, &demo.base, link, TRANSLATED_CONSULTATION).await;
        if matches!(language, "ar" | "fr") {
            browser
                .find(Locator::Css(&format!("nav.languages a[hreflang={language}]")))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
        }
        wait_for_language(browser, language).await;
        let vale = n % 2 == 0;
        join_for(browser, if vale { "Upper Vale" } else { "Lowland Coast" }).await;
        let mut answered = 0;
        while let Some(statement) = next_on_ballot(browser).await {
            let number: usize = attribute(browser, "input[name=statement]", "value").await.parse().unwrap();
            let original = &stored[number]["en"];
            assert_eq!(&statement, &stored[number][language], "voter {n} in {language}, statement {number}");
            assert_eq!(attribute(browser, "#statement", "dir").await, "auto");
            if language == "en" {
                assert_eq!(attribute(browser, "#statement", "lang").await, "en");
                assert!(browser.find(Locator::Css("details.original")).await.is_err(), "the original is what is shown");
            } else {
                assert_eq!(attribute(browser, "#statement", "lang").await, language);
                // The original is hidden until the voter asks for it, then there in one click.
                assert_eq!(text_of(browser, "details.original .original-text").await, "");
                browser.find(Locator::Css("details.original summary")).await.unwrap().click().await.unwrap();
                assert_eq!(&wait_for_text(browser, "details.original .original-text", original).await, original);
                assert_eq!(attribute(browser, "details.original .original-text", "lang").await, "en");
            }
            // Both banks back the weekly flow data, the history lessons and the ferry; they
            // split on the rest.
            let choice = match number {
                0 | 6 | 7 => "agree",
                1 | 4 => {
                    if vale {
                        "disagree"
                    } else {
                        "agree"
                    }
                }
                2 | 3 => {
                    if vale {
                        "agree"
                    } else {
                        "disagree"
                    }
                }
                _ => "pass",
            };
            cast(browser, choice, &statement).await;
            answered += 1;
        }
        assert_eq!(answered, statements as usize, "voter {n} in {language} saw every statement once");
    }
    voter.close().await.unwrap();
    russian_reader.close().await.unwrap();

    // The team reads the results in each language: every statement in that language with the
    // original beside it, in the statements list and in the cross-side common ground.
    for language in LANGUAGES {
        let back: String = url::form_urlencoded::byte_serialize(conversation.as_bytes()).collect();
        team.goto(&format!("{}/language?to={language}&back={back}", demo.base)).await.unwrap();
        wait_for_language(&team, language).await;
        settle(&team, |h| h.starts_with(TRANSLATED_CONSULTATION)).await;
        if language == "en" {
            let tally = text_of(&team, "#tally").await;
            assert_eq!(number_before(&tally, "voters"), number_before(&tally_before, "voters") + 40, "{tally}");
            assert_eq!(
                number_before(&tally, "votes"),
                number_before(&tally_before, "votes") + 40 * statements as usize,
                "{tally}"
            );
        }
        for table in ["#statements", "#common-ground"] {
            let rows = team.find_all(Locator::Css(&format!("{table} tbody tr"))).await.unwrap();
            assert!(!rows.is_empty(), "{language}: {table} is empty");
            for row in rows {
                let text = shown(row.find(Locator::Css(".statement-text")).await.unwrap().text().await.unwrap());
                let Some(number) = stored.iter().position(|s| s[language] == text) else {
                    // The statement a voter proposed and the team accepted has no translation.
                    assert!(!stored.iter().any(|s| s["en"] == text), "{language}: `{text}` is not in {language}");
                    continue;
                };
                let lang = row.find(Locator::Css(".statement-text")).await.unwrap().attr("lang").await.unwrap();
                assert_eq!(lang.as_deref(), Some(language));
                if language != "en" {
                    let original = row.find(Locator::Css("details.original .original-text")).await.unwrap();
                    let written = original.prop("textContent").await.unwrap().unwrap_or_default();
                    assert_eq!(written, stored[number]["en"], "{language}: the original beside `{text}`");
                }
            }
        }
    }
    team.close().await.unwrap();
}
