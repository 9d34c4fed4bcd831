//! Snapshots of the main pages and API answers of the demo: the convener's dashboard, initiative,
//! map, process, meeting, readout and conversation pages, the same meeting as a participant sees
//! it, and the convener's initiative list and meeting summary from the JSON API. Any change to
//! what they show fails the test until the new snapshot is reviewed (`cargo insta review`) and
//! committed with the change that made it.
//!
//! What differs from one run to the next is replaced before the comparison: identifiers (each
//! numbered by its first appearance, so the snapshot still shows which link goes where), the
//! instant the demo was created, anti-CSRF tokens, random credentials and a released readout's
//! reach (its copies' fingerprints follow a random key); and the two lists the
//! pages order by random identifiers (the members table, the sides supporting an option) are put
//! in alphabetical order.

use std::collections::HashMap;

use crate::browser::{Demo, start_demo};
use crate::http::{request, sign_in};

/// Signs in through the sign-in form and returns the session cookie.
async fn session(demo: &Demo, user: &str) -> String {
    sign_in(&demo.base, user, &demo.passwords[user]).await
}

async fn page(demo: &Demo, path: &str, session: &str) -> String {
    let answer = request("GET", &format!("{}{path}", demo.base), &[("cookie", session)], Vec::new()).await;
    assert_eq!(answer.status, 200, "{path}");
    answer.text()
}

async fn api(demo: &Demo, path: &str, user: &str) -> String {
    let bearer = format!("Bearer {}", demo.tokens[user]);
    let answer = request("GET", &format!("{}{path}", demo.base), &[("authorization", &bearer)], Vec::new()).await;
    assert_eq!(answer.status, 200, "{path}");
    let json: serde_json::Value = serde_json::from_str(&answer.text()).expect("a JSON answer");
    serde_json::to_string_pretty(&json).unwrap()
}

/// The address of the first link whose text holds `text` (and whose address holds `within`).
fn link(html: &str, within: &str, text: &str) -> String {
    html.split("<a ")
        .skip(1)
        .find_map(|anchor| {
            let href = anchor.split("href=\"").nth(1)?.split('"').next()?;
            let inner = anchor.split_once('>')?.1.split("</a>").next()?;
            (href.contains(within) && inner.contains(text)).then(|| href.replace("&amp;", "&"))
        })
        .unwrap_or_else(|| panic!("no link to {within} reading {text:?}"))
}

/// Whether `text` at `at` starts a UUID in its text form.
fn uuid_at(text: &[u8], at: usize) -> bool {
    const DASHES: [usize; 4] = [8, 13, 18, 23];
    text.len() >= at + 36
        && (0..36).all(|i| {
            let c = text[at + i];
            if DASHES.contains(&i) { c == b'-' } else { c.is_ascii_digit() || (b'a'..=b'f').contains(&c) }
        })
}

/// Every identifier replaced by `[id N]`, numbered by first appearance.
fn number_identifiers(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut copied = 0;
    while at < bytes.len() {
        if uuid_at(bytes, at) {
            out.push_str(&text[copied..at]);
            let next = seen.len() + 1;
            let number = *seen.entry(&text[at..at + 36]).or_insert(next);
            out.push_str(&format!("[id {number}]"));
            at += 36;
            copied = at;
        } else {
            at += 1;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// One element a line, so a change shows as the lines it touches.
fn one_element_a_line(html: &str) -> String {
    html.replace("><", ">\n<")
}

/// The rows of the table `table_tag` opens, sorted: for a list the page orders by a random
/// identifier (the members, by their account's id), whose order differs from run to run.
fn sort_rows(html: &str, table_tag: &str) -> String {
    let Some(table) = html.find(table_tag) else { return html.to_owned() };
    let start = table + html[table..].find("<tbody>\n").expect("a table body") + "<tbody>\n".len();
    let end = start + html[start..].find("</tbody>").expect("a table body's end");
    let mut rows: Vec<&str> = html[start..end].split_inclusive("</tr>\n").collect();
    rows.sort_unstable();
    format!("{}{}{}", &html[..start], rows.concat(), &html[end..])
}

/// The sides named after each "supported by", in alphabetical order: the page lists them in
/// the order of their random identifiers.
fn sort_supporting_sides(text: &str) -> String {
    const MARKER: &str = "supported by ";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARKER) {
        let (before, after) = rest.split_at(at + MARKER.len());
        let end = after.find(')').unwrap_or(after.len());
        let separator = if after[..end].contains(" and ") { " and " } else { ", " };
        let mut names: Vec<&str> = after[..end].split(separator).collect();
        names.sort_unstable();
        out.push_str(before);
        out.push_str(&names.join(separator));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// A page as its snapshot holds it: one element a line, and what the page orders by random
/// identifiers put in a stable order.
/// The Unicode isolates around a message's text arguments are taken out first: the sides are
/// sorted by name, not by which of them the isolate happened to open before.
fn page_text(html: &str) -> String {
    let bare = html.replace(['\u{2068}', '\u{2069}'], "");
    sort_supporting_sides(&sort_rows(&one_element_a_line(&bare), "<table id=\"members\">"))
}

/// The filters for what varies from run to run, applied to every snapshot.
fn stable() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    // The instant the demo was created: times of day, with or without seconds and fraction.
    settings.add_filter(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}| UTC)?", "[instant]");
    // The day the test runs, which pages offer as the default date and the map is drawn as of;
    // the drawing's element ids hash its text, date included.
    let today = tracktwo_app::Clock::now(&tracktwo_app::system::SystemClock).date();
    // The same instant and day as pages show them to people, in English.
    let months = "January|February|March|April|May|June|July|August|September|October|November|December";
    settings.add_filter(
        &format!(r"\b({months}) \d{{1,2}}, \d{{4}},? (at )?\d{{1,2}}:\d{{2}}(:\d{{2}})?\s?[AP]M UTC"),
        "[instant]",
    );
    // (The day written out holds letters, digits, a comma and spaces, which match themselves.)
    settings.add_filter(&tracktwo_i18n::Locale::English.date(today), "[today]");
    // (A date is digits and dashes, which match themselves.)
    settings.add_filter(&format!(r"\b{today}\b"), "[today]");
    settings.add_filter(r"\bttw[0-9a-f]{8}", "ttw[drawing]");
    settings.add_filter(r#"name="csrf" value="[^"]*""#, r#"name="csrf" value="[csrf]""#);
    settings.add_filter(r"/join/[A-Za-z0-9_-]+", "/join/[link]");
    settings.add_filter(r"tt2_[A-Za-z0-9_-]+", "[token]");
    // A released readout's reach: which sites tell its few copies apart follows its key, drawn
    // at release.
    settings.add_filter(r#"<td class="reach">\d+%</td>"#, r#"<td class="reach">[share]%</td>"#);
    settings
}

fn check(name: &str, text: &str) {
    stable().bind(|| insta::assert_snapshot!(name, number_identifiers(text)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_main_pages_and_api_answers_show_what_they_showed() {
    let demo = start_demo();
    let convener = session(&demo, "amara").await;
    let dashboard = page(&demo, "/", &convener).await;
    check("convener-dashboard", &page_text(&dashboard));

    let initiative_path = link(&dashboard, "/initiatives/", "Serin River Dialogue");
    let initiative = page(&demo, &initiative_path, &convener).await;
    check("convener-initiative", &page_text(&initiative));
    check("convener-map", &page_text(&page(&demo, &format!("{initiative_path}/map"), &convener).await));

    let process = page(&demo, &format!("{initiative_path}/process"), &convener).await;
    check("convener-process", &page_text(&process));
    let meeting_path = link(&process, "/meetings/", "");
    check("convener-meeting", &page_text(&page(&demo, &meeting_path, &convener).await));
    let participant = session(&demo, "tarek").await;
    check("participant-meeting", &page_text(&page(&demo, &meeting_path, &participant).await));

    let readouts = page(&demo, &format!("{initiative_path}/readouts"), &convener).await;
    let readout_path = link(&readouts, "/readouts/", "Readout on the Serin workshops");
    check("convener-readout", &page_text(&page(&demo, &readout_path, &convener).await));

    let conversations = page(&demo, &format!("{initiative_path}/conversations"), &convener).await;
    let conversation_path = link(&conversations, "/conversations/", "");
    check("convener-conversation", &page_text(&page(&demo, &conversation_path, &convener).await));

    check("api-initiatives", &api(&demo, "/api/v1/initiatives", "amara").await);
    let summary = format!("/api/v1{}/summary", meeting_path);
    check("api-meeting-summary", &api(&demo, &summary, "amara").await);
}
