//! Every page of the demo in Chromium in a right-to-left language: Arabic, and the flipped
//! pseudo-locale (`ar-XB`, English turned upside down and read right to left, so that anyone can
//! review the layout). The pages are the ones the axe sweep visits (`browser::convener_pages`),
//! read as the convener, the consultation's pages read signed out, and a participant's ballot,
//! each on a phone (360 px wide) and a desktop (1280 px wide); every GET route of the router
//! with a page is among them, or excused in `NOT_PAGES`. On every page: the root says the language and `dir="rtl"`;
//! nothing is wider than the window; in `ar-XB`, every visible text node outside people's words
//! and identifiers carries the pseudo-locale's marks (the rule of the HTTP crawl in the web
//! crate's `untranslated` test, applied to the DOM); and, once per page and language, axe-core
//! finds no serious or critical violation. A screenshot of each page, language and width is kept
//! for review, in `TRACKTWO_RTL_SCREENSHOTS` or else `rtl-screenshots` under the target's
//! temporary folder.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};

use crate::browser::{Demo, accessibility_violations, browser, convener_pages, sign_in, start_demo};

/// The right-to-left locales, by their tags.
const LOCALES: [&str; 2] = ["ar", "ar-XB"];

/// A phone's and a desktop's window, width by height.
const WINDOWS: [(u32, u32); 2] = [(360, 740), (1280, 900)];

/// The width at which axe-core runs: once per page and language is enough, its rules do not
/// depend on the window.
const AXE_WIDTH: u32 = 1280;

/// What the page says about itself, read in one script: its root's `lang` and `dir`, how wide
/// its content is against the window, and (for the pseudo-locale) the visible text nodes that
/// did not come through the messages.
///
/// A text node is exempt, as in the HTTP crawl, when it is in the head, a script, a style, a
/// picture, a `<code>`, a `<bdi>`, a `<textarea>` or a `<template>`, or under an element (below
/// the root) with its own `dir`, `lang` or `data-user`: people's words, identifiers, and words
/// in another language. What is left once the bracketed pieces of messages and the isolated
/// arguments are taken out must not hold a lowercase word (two ASCII lowercase letters in a row).
const INSPECT: &str = r#"
const root = document.documentElement;
const unread = new Set(['HEAD', 'SCRIPT', 'STYLE', 'CODE', 'BDI', 'TEXTAREA', 'TEMPLATE', 'NOSCRIPT']);
const exempt = element => {
    for (let e = element; e && e !== root; e = e.parentElement) {
        if (unread.has(e.tagName) || e instanceof SVGElement
            || e.hasAttribute('dir') || e.hasAttribute('lang') || e.hasAttribute('data-user')) {
            return true;
        }
    }
    return false;
};
const unmarked = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue;
    const element = node.parentElement;
    if (!text.trim() || !element || exempt(element) || !element.checkVisibility()) {
        continue;
    }
    let brackets = 0, isolates = 0, left = '';
    for (const c of text) {
        if (c === '[') brackets += 1;
        else if (c === ']') brackets = Math.max(0, brackets - 1);
        else if (c === '\u2066' || c === '\u2067' || c === '\u2068') isolates += 1;
        else if (c === '\u2069') isolates = Math.max(0, isolates - 1);
        else if (brackets === 0 && isolates === 0) left += c;
    }
    if (/[a-z]{2}/.test(left)) {
        unmarked.push('<' + element.tagName.toLowerCase() + '> ' + JSON.stringify(text.trim()));
    }
}
// What sticks out of the window, when something does: the innermost such elements that no
// scrolling box holds, so the report names the culprit rather than its ancestors.
const outside = [];
if (root.scrollWidth > root.clientWidth) {
    const scrolled = element => {
        for (let e = element.parentElement; e && e !== root; e = e.parentElement) {
            if (getComputedStyle(e).overflowX !== 'visible') return true;
        }
        return false;
    };
    const sticking = [...document.body.querySelectorAll('*')].filter(e => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && (box.left < -0.5 || box.right > root.clientWidth + 0.5) && !scrolled(e);
    });
    for (const e of sticking.filter(e => !sticking.some(o => o !== e && e.contains(o))).slice(0, 4)) {
        const box = e.getBoundingClientRect();
        const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + [...e.classList].map(c => '.' + c).join('');
        outside.push(name + ' from ' + Math.round(box.left) + ' to ' + Math.round(box.right) + ' px: '
            + JSON.stringify((e.textContent || '').trim().slice(0, 40)));
    }
    // Words too long for their box stick out of it without their element doing so.
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node && outside.length < 4; node = texts.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.width > 0 && (box.left < -0.5 || box.right > root.clientWidth + 0.5) && !scrolled(node)) {
            outside.push('text in ' + node.parentElement.tagName.toLowerCase() + ' from ' + Math.round(box.left)
                + ' to ' + Math.round(box.right) + ' px: ' + JSON.stringify(node.nodeValue.trim().slice(0, 40)));
        }
    }
}
return {
    outside,
    lang: root.getAttribute('lang'),
    dir: root.getAttribute('dir'),
    window_width: window.innerWidth,
    scroll_width: root.scrollWidth,
    client_width: root.clientWidth,
    unmarked,
};
"#;

#[derive(serde::Deserialize)]
struct Inspection {
    lang: Option<String>,
    dir: Option<String>,
    window_width: u32,
    scroll_width: u32,
    client_width: u32,
    unmarked: Vec<String>,
    outside: Vec<String>,
}

/// Where the screenshots go.
fn screenshot_folder() -> PathBuf {
    std::env::var_os("TRACKTWO_RTL_SCREENSHOTS")
        .map_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rtl-screenshots"), PathBuf::from)
}

/// A file name for a page's screenshot: the language, the width, its place in the sweep and its
/// path without identifiers or tokens, everything but letters and digits made a dash. The same page has
/// the same name from run to run, so a run replaces the last one's pictures.
fn screenshot_name(locale: &str, width: u32, place: usize, page: &str) -> String {
    let words: Vec<&str> = page
        .split(['/', '?', '&', '='])
        .filter(|part| !part.is_empty())
        // Record ids, and a link's token, which is a credential and new on every run.
        .filter(|part| !(part.len() == 36 && part.chars().all(|c| c.is_ascii_hexdigit() || c == '-')))
        .filter(|part| !(part.len() >= 20 && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')))
        .collect();
    let mut path: String = words.join("-").chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    path.truncate(60);
    if path.is_empty() {
        path.push_str("start");
    }
    format!("{locale}-{width}-{place:02}-{path}.png")
}

/// Waits until an element matching `css` is on the page (a click returns before the navigation
/// it starts has finished).
async fn wait_for(client: &Client, css: &str) {
    let started = Instant::now();
    while client.find(Locator::Css(css)).await.is_err() {
        assert!(started.elapsed() < Duration::from_secs(15), "no {css} appeared");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until the page's window has the width just asked for.
async fn wait_for_width(client: &Client, width: u32) {
    let started = Instant::now();
    loop {
        let now = client.execute("return window.innerWidth;", vec![]).await.unwrap();
        if now.as_u64() == Some(u64::from(width)) {
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "the window stayed {now} px wide, not {width}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// One pass of the sweep: a language at a window's width, with what it found.
struct Pass<'a> {
    client: &'a Client,
    locale: &'static str,
    width: u32,
    folder: PathBuf,
    place: usize,
    report: Vec<String>,
}

impl Pass<'_> {
    /// Checks the page now shown, named `page` in the report and the screenshot's name.
    async fn check(&mut self, page: &str) {
        let (locale, width) = (self.locale, self.width);
        let at = format!("{page} in {locale} at {width} px");
        let inspection: Inspection =
            serde_json::from_value(self.client.execute(INSPECT, vec![]).await.expect("inspect the page"))
                .expect("the inspection's shape");
        assert_eq!(inspection.window_width, width, "{at}: the window is not as wide as asked");
        if inspection.lang.as_deref() != Some(locale) || inspection.dir.as_deref() != Some("rtl") {
            self.report.push(format!("{at}: <html lang={:?} dir={:?}>", inspection.lang, inspection.dir));
        }
        if inspection.scroll_width > inspection.client_width {
            self.report.push(format!(
                "{at}: {} px of content in a {} px window; sticking out: {}",
                inspection.scroll_width,
                inspection.client_width,
                inspection.outside.join("; ")
            ));
        }
        if locale == "ar-XB" {
            self.report.extend(inspection.unmarked.iter().map(|text| format!("{at}: not from the messages: {text}")));
        }
        if width == AXE_WIDTH {
            self.report.extend(accessibility_violations(self.client).await.into_iter().map(|v| format!("{at}: {v}")));
        }
        let png = self.client.screenshot().await.expect("take a screenshot");
        std::fs::write(self.folder.join(screenshot_name(locale, width, self.place, page)), png).unwrap();
        self.place += 1;
    }

    async fn visit(&mut self, base: &str, page: &str) {
        self.client.goto(&format!("{base}{page}")).await.unwrap();
        self.check(page).await;
    }
}

/// The GET routes of the web edge that answer with no page to read, each with what it answers
/// instead. Every other GET route must be among the pages the sweep visits, so a new page cannot
/// stay out of it unnoticed (`every_page_of_the_router_is_swept_or_excused`).
const NOT_PAGES: [(&str, &str); 11] = [
    ("/language", "a redirect back to the page the reader came from, now in the chosen language"),
    ("/assets/capture.js", "the note-taking page's script"),
    ("/assets/style.css", "the stylesheet"),
    ("/healthz", "a health check for the operator's monitoring"),
    ("/initiatives/{initiative}/map/export", "the map as a file to download"),
    ("/initiatives/{initiative}/copies/{copy}", "a readout copy as a PDF or DOCX file"),
    ("/initiatives/{initiative}/reports/file", "a report as a PDF or DOCX file"),
    ("/initiatives/{initiative}/texts/{text}/copy", "a negotiating text's copy as a PDF or DOCX file"),
    ("/initiatives/{initiative}/conversations/{conversation}/export/{file}", "a Pol.is export file (CSV)"),
    ("/initiatives/{initiative}/indicators/export", "the results framework as CSV"),
    ("/api/…", "the API's JSON answers and its OpenAPI description"),
];

/// Whether `path` (with its query, if any) is an address of the route `template`, whose
/// `{placeholders}` stand for one segment each.
fn is_of_route(template: &str, path: &str) -> bool {
    let path = path.split('?').next().unwrap_or_default();
    let (mut route, mut asked) = (template.split('/'), path.split('/'));
    loop {
        match (route.next(), asked.next()) {
            (None, None) => return true,
            (Some(r), Some(a)) if (r.starts_with('{') && r.ends_with('}') && !a.is_empty()) || r == a => {}
            _ => return false,
        }
    }
}

/// Whether the route `template` is one of `NOT_PAGES`.
fn is_excused(template: &str) -> bool {
    template.starts_with("/api/") || NOT_PAGES.iter().any(|(excused, _)| *excused == template)
}

/// The GET routes with a page that none of `visited` is an address of.
fn unswept(visited: &[String]) -> Vec<&'static str> {
    tracktwo_web::route_list()
        .into_iter()
        .filter(|(method, _)| *method == http::Method::GET)
        .map(|(_, template)| template)
        .filter(|template| !is_excused(template) && !visited.iter().any(|page| is_of_route(template, page)))
        .collect()
}

#[test]
fn every_excused_route_is_a_route_and_a_page_is_matched_by_its_route_only() {
    let routes = tracktwo_web::route_list();
    for (excused, _) in NOT_PAGES.iter().filter(|(r, _)| !r.starts_with("/api/")) {
        assert!(routes.iter().any(|(m, r)| *m == http::Method::GET && r == excused), "{excused} is no route");
    }
    assert!(is_of_route("/initiatives/{initiative}/ties/{tie}", "/initiatives/a1/ties/b2"));
    assert!(is_of_route("/initiatives/{initiative}/map", "/initiatives/a1/map?compare=2025-03-01"));
    assert!(!is_of_route("/initiatives/{initiative}/map", "/initiatives/a1/map/coverage"));
    assert!(!is_of_route("/initiatives/{initiative}/outcomes/{outcome}", "/initiatives/a1/outcomes/"));
    assert!(!is_of_route("/", "/account"));
    // With nothing visited, every page is reported, and nothing excused is.
    let left = unswept(&[]);
    assert!(left.contains(&"/initiatives/{initiative}/transfers") && left.contains(&"/"), "{left:?}");
    assert!(!left.iter().any(|r| is_excused(r)), "{left:?}");
}

/// The convener's pages, then the two-step set-up (started, not finished: finishing it would
/// end the session), then the consultation's pages signed out: sign-in, a page not found, the
/// campaign link's welcome and the ballot; then a participant's ballot. Leaves the client
/// signed out. Returns the addresses visited.
async fn sweep(pass: &mut Pass<'_>, demo: &Demo, pages: &[String]) -> Vec<String> {
    let mut visited = pages.to_vec();
    let (client, base) = (pass.client, demo.base.as_str());
    if client.find(Locator::Css("form[action='/sign-out']")).await.is_err() {
        assert!(sign_in(client, demo, "amara", None).await);
    }
    client.goto(&format!("{base}/language?to={}&back=/", pass.locale)).await.unwrap();
    for page in pages {
        pass.visit(base, page).await;
    }
    client.goto(&format!("{base}/account")).await.unwrap();
    client
        .find(Locator::Css("form[action='/account/second-factor'] button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(client, "#totp-secret").await;
    pass.check("two-step set-up").await;

    client.delete_all_cookies().await.unwrap();
    client.goto(&format!("{base}/language?to={}&back=/sign-in", pass.locale)).await.unwrap();
    pass.check("/sign-in").await;
    pass.visit(base, "/nowhere").await;
    pass.visit(base, &demo.join).await;
    client.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
    wait_for(client, "#progress").await;
    pass.check("ballot").await;
    visited.extend(["/sign-in".to_owned(), demo.join.clone(), client.current_url().await.unwrap().path().to_owned()]);
    client.delete_all_cookies().await.unwrap();

    // A participant's ballot in the private conversation (and the consultation's refusal, whose
    // voters come by invitation links).
    assert!(sign_in(client, demo, "tarek", None).await);
    client.goto(&format!("{base}/language?to={}&back=/", pass.locale)).await.unwrap();
    for ballot in pages.iter().filter(|p| p.ends_with("/vote")) {
        client.goto(&format!("{base}{ballot}")).await.unwrap();
        pass.check(&format!("{ballot} as a participant")).await;
    }
    client.delete_all_cookies().await.unwrap();
    // Off the participant's page, whose sign-out form would pass for the next pass's session.
    client.goto(&format!("{base}/sign-in")).await.unwrap();
    visited
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_reads_right_to_left_in_arabic_and_the_flipped_pseudo_locale() {
    let demo = start_demo();
    let (_driver, client) = browser().await;
    let folder = screenshot_folder();
    std::fs::create_dir_all(&folder).unwrap();
    eprintln!("screenshots of every page, language and width: {}", folder.display());

    assert!(sign_in(&client, &demo, "amara", None).await);
    let pages = convener_pages(&client, &demo).await;
    let mut report = Vec::new();
    let mut visited = 0;
    let mut visited_pages = Vec::new();
    for locale in LOCALES {
        for (width, height) in WINDOWS {
            client.set_window_size(width, height).await.unwrap();
            wait_for_width(&client, width).await;
            let mut pass =
                Pass { client: &client, locale, width, folder: folder.clone(), place: 0, report: Vec::new() };
            visited_pages = sweep(&mut pass, &demo, &pages).await;
            visited += pass.place;
            report.extend(pass.report);
        }
    }
    client.close().await.unwrap();
    eprintln!("{visited} pages checked; screenshots in {}", folder.display());
    assert!(pages.len() >= 30, "the convener's pages are only {pages:?}");
    let left = unswept(&visited_pages);
    if !left.is_empty() {
        report.push(format!(
            "pages of the router the sweep does not visit (add them, or excuse them in NOT_PAGES): {left:?}"
        ));
    }
    assert!(report.is_empty(), "{} problems in right-to-left pages:\n{}", report.len(), report.join("\n"));
}
