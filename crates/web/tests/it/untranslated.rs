//! No page is left untranslated: every page the matrix's callers can reach by following links
//! from their start page (and the sign-in page, for nobody) is drawn in the accented
//! pseudo-locale, and every visible word of it must carry the pseudo-locale's marks.
//!
//! The pseudo-locale wraps each piece of a message in brackets (`[Şīɠƞ oouuŧ]`) and sets each
//! text argument apart with Unicode isolates; what is neither came from somewhere else. What is
//! not the page's own words is marked as such in the HTML, which this test relies on:
//!
//! - people's words (titles, notes, names, statements) are in an element with `dir="auto"`, or in
//!   a `<bdi>`, so that they keep their own direction;
//! - identifiers (codes, usernames, hashes, language tags) are in a `<code>` or an element with
//!   `dir="ltr"`;
//! - words in another language than the page's (a language's own name in the switch, an
//!   application refusal kept in English) carry their own `lang`;
//! - pictures (`<svg>`), scripts and the document's head are not read.
//!
//! A text node outside those that holds a lowercase word (two ASCII lowercase letters in a row,
//! so dates, numbers, `UTC` and `PDF` pass) outside the marks fails the test, named with its page.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use tower::ServiceExt;

use super::matrix::fixture;

/// Elements whose whole content is someone's words, an identifier, or not shown as text.
const UNREAD_ELEMENTS: [&str; 8] = ["head", "script", "style", "svg", "code", "bdi", "textarea", "template"];

/// Elements that have no content and no end tag.
const VOID_ELEMENTS: [&str; 14] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"];

/// How many pages with the same path but for identifiers are read for one caller: the rest of
/// that kind are drawn by the same code.
const PAGES_PER_KIND: usize = 2;

/// The text nodes of a page that are neither marked as another's words nor unread, with the
/// name of the element holding each.
fn page_words(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    // The open elements: each one's name and whether what it holds is exempt.
    let mut open: Vec<(String, bool)> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(start) = rest.find('<') else {
            push_text(rest, &open, &mut found);
            break;
        };
        push_text(&rest[..start], &open, &mut found);
        rest = &rest[start..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |end| &rest[end + 3..]);
            continue;
        }
        let end = tag_end(rest);
        let tag = &rest[1..end];
        rest = &rest[(end + 1).min(rest.len())..];
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        if let Some(closing) = tag.strip_prefix('/') {
            let name = closing.trim().to_ascii_lowercase();
            if let Some(at) = open.iter().rposition(|(open_name, _)| *open_name == name) {
                open.truncate(at);
            }
            continue;
        }
        let name: String =
            tag.chars().take_while(|c| !c.is_whitespace() && *c != '/').collect::<String>().to_ascii_lowercase();
        let attributes = &tag[name.len()..];
        if VOID_ELEMENTS.contains(&name.as_str()) || tag.ends_with('/') {
            continue;
        }
        // The picture's and script's insides are skipped whole: they hold tags of their own.
        if ["svg", "script", "style"].contains(&name.as_str()) {
            let close = format!("</{name}");
            rest = rest.find(&close).map_or("", |at| &rest[at..]);
            continue;
        }
        let root = name == "html";
        let marked = !root
            && (has_attribute(attributes, "dir")
                || has_attribute(attributes, "lang")
                || has_attribute(attributes, "data-user"));
        let exempt = marked || UNREAD_ELEMENTS.contains(&name.as_str()) || open.last().is_some_and(|(_, e)| *e);
        open.push((name, exempt));
    }
    found
}

/// Where a tag ends: its `>`, not one inside a quoted attribute value.
fn tag_end(tag: &str) -> usize {
    let mut quote = None;
    for (at, c) in tag.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return at,
            _ => {}
        }
    }
    tag.len()
}

fn has_attribute(attributes: &str, name: &str) -> bool {
    let mut quote = None;
    let mut word = String::new();
    for c in attributes.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, c) if c.is_whitespace() || c == '=' => {
                if word.eq_ignore_ascii_case(name) {
                    return true;
                }
                word.clear();
            }
            (None, c) => word.push(c),
        }
    }
    word.eq_ignore_ascii_case(name)
}

fn push_text(text: &str, open: &[(String, bool)], found: &mut Vec<(String, String)>) {
    if open.last().is_some_and(|(_, exempt)| *exempt) {
        return;
    }
    let text = unescape(text);
    if text.trim().is_empty() {
        return;
    }
    let element = open.last().map(|(name, _)| name.clone()).unwrap_or_default();
    found.push((element, text.trim().to_owned()));
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// What a text node says outside the pseudo-locale's marks: the bracketed pieces of messages
/// and the isolated arguments taken out.
pub(super) fn unmarked(text: &str) -> String {
    let mut out = String::new();
    let (mut brackets, mut isolates) = (0_usize, 0_usize);
    for c in text.chars() {
        match c {
            '[' => brackets += 1,
            ']' => brackets = brackets.saturating_sub(1),
            '\u{2066}' | '\u{2067}' | '\u{2068}' => isolates += 1,
            '\u{2069}' => isolates = isolates.saturating_sub(1),
            c if brackets == 0 && isolates == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether the text holds a word: two lowercase ASCII letters in a row.
pub(super) fn holds_a_word(text: &str) -> bool {
    text.as_bytes().windows(2).any(|pair| pair.iter().all(u8::is_ascii_lowercase))
}

/// A page's kind: its path with every identifier replaced, and the names of its query.
fn page_kind(path: &str) -> String {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let path: Vec<&str> = path
        .split('/')
        .map(|segment| {
            let uuid = segment.len() == 36 && segment.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
            if uuid { "{id}" } else { segment }
        })
        .collect();
    let names: BTreeSet<&str> = query.split('&').filter_map(|pair| pair.split('=').next()).collect();
    format!("{}?{}", path.join("/"), names.into_iter().collect::<Vec<_>>().join("&"))
}

/// The site's own page links of a page: no file, nothing that changes state or the language.
fn page_links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| unescape(href.split('#').next().unwrap_or_default()))
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .filter(|href| {
            let files = ["format=", "/export", "/copies/", "/assets/", "/api/", "/healthz"];
            let leaves = ["/sign-out", "/language", "/remove", "/revoke", "/close", "/join/", "/ballot/"];
            !files.iter().chain(&leaves).any(|part| href.contains(part))
        })
        .collect()
}

async fn read(router: &axum::Router, path: &str, cookie: &str, language: &str) -> (StatusCode, String, String) {
    let request = Request::get(path)
        .header(header::COOKIE, cookie)
        .header(header::ACCEPT_LANGUAGE, language)
        .body(Body::empty())
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let content_type =
        response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let body = axum::body::to_bytes(response.into_body(), 1 << 22).await.unwrap();
    (status, content_type, String::from_utf8_lossy(&body).into_owned())
}

/// Reads every page a caller reaches from its start in a pseudo-locale: for each untranslated
/// word, the page and the text; and how many pages were read.
async fn crawl(
    router: &axum::Router,
    cookie: &str,
    language: &str,
    starts: &[&str],
) -> (BTreeMap<String, String>, usize) {
    let mut queue: VecDeque<String> = starts.iter().map(|s| (*s).to_owned()).collect();
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut untranslated = BTreeMap::new();
    let mut pages = 0;
    while let Some(path) = queue.pop_front() {
        let kind = kinds.entry(page_kind(&path)).or_default();
        if *kind >= PAGES_PER_KIND {
            continue;
        }
        *kind += 1;
        let (status, content_type, html) = read(router, &path, cookie, language).await;
        if status != StatusCode::OK || !content_type.starts_with("text/html") {
            continue;
        }
        pages += 1;
        let rtl = language == "ar-XB";
        let root = html.split("<html").nth(1).and_then(|r| r.split('>').next()).unwrap_or_default();
        assert!(root.contains(&format!("lang=\"{language}\"")), "{path} in {language}: <html{root}>");
        assert!(root.contains(if rtl { "dir=\"rtl\"" } else { "dir=\"ltr\"" }), "{path} in {language}: <html{root}>");
        for (element, text) in page_words(&html) {
            let left = unmarked(&text);
            if holds_a_word(&left) {
                untranslated.entry(format!("{path} <{element}> {text:?}")).or_insert_with(|| left.trim().to_owned());
            }
        }
        for link in page_links(&html) {
            if seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
    }
    (untranslated, pages)
}

#[tokio::test]
async fn every_page_a_caller_reaches_speaks_the_pseudo_locale_outside_peoples_words() {
    let (_store, f, callers) = fixture().await;
    let starts = ["/", "/account", "/timeline?from=2024-01-01&to=2026-12-31"];
    let mut untranslated = BTreeMap::new();
    let mut pages = 0;
    let (found, read) = crawl(&f.router, "", "en-XA", &["/sign-in"]).await;
    untranslated.extend(found);
    pages += read;
    for caller in callers.iter().filter(|c| !c.cookie.is_empty()) {
        let (found, read) = crawl(&f.router, &caller.cookie, "en-XA", &starts).await;
        untranslated.extend(found.into_iter().map(|(place, text)| (format!("{}: {place}", caller.name), text)));
        pages += read;
    }
    // The flipped locale marks the same way, and turns every page right to left.
    let convener = callers.iter().find(|c| c.name == "convener").expect("the convener");
    let (found, read) = crawl(&f.router, &convener.cookie, "ar-XB", &starts).await;
    untranslated.extend(found.into_iter().map(|(place, text)| (format!("convener (ar-XB): {place}"), text)));
    pages += read;
    eprintln!("the crawl read {pages} pages");
    assert!(pages > 60, "the crawl read only {pages} pages");
    let report: Vec<String> =
        untranslated.iter().map(|(place, text)| format!("{place}\n    unmarked: {text:?}")).collect();
    assert!(report.is_empty(), "{} text nodes did not come through the messages:\n{}", report.len(), report.join("\n"));
}

#[test]
fn the_check_tells_marked_words_from_unmarked_ones() {
    let page = "<html lang=\"en-XA\" dir=\"ltr\"><head><title>Plain</title></head><body>\
                <p>[Şīɠƞ oouuŧ]</p><p>Sign out</p><p dir=\"auto\">Serin</p><td>2026-01-02 10:00:00 UTC</td>\
                <p>[Ƈaauucuuş: ]\u{2068}Upper Vale\u{2069}</p><code>c12: words</code><bdi>Mira</bdi>\
                <svg><text>wheel label</text></svg><a lang=\"ar\">العربية</a><input name=\"x\"><p>left &amp; out</p></body></html>";
    let unmarked_words: Vec<String> =
        page_words(page).into_iter().map(|(_, text)| unmarked(&text)).filter(|t| holds_a_word(t)).collect();
    assert_eq!(unmarked_words, ["Sign out", "left & out"]);
    assert_eq!(
        page_kind("/initiatives/0b6a3c1e-8a4e-4d52-9d0e-2f0c5e7b9a11/notes?caucus=x"),
        "/initiatives/{id}/notes?caucus"
    );
}
