//! What the engines find is said in the reader's language: a map's gaps in coverage, why a
//! candidate was left out of a selection, what a meeting's summary leaves out and where its
//! sessions sat, the verdict on a leaked passage with its grounds, and the transfers and
//! coordination a harvested outcome may link. Drawn in the accented pseudo-locale, every such line carries its marks; drawn
//! in English, it says what it always said.

use axum::body::Body;
use axum::http::{Request, header};
use tracktwo_domain::transfer::{Audience, Readout};
use tracktwo_domain::{Identity, InitiativeId, SideId};

use super::language::get_in;
use super::untranslated::{holds_a_word, unmarked};
use super::{body_text, chatham_house_meeting, hidden_csrf, send, sign_in, world};

/// The items of the list with `id` on the page: the text of each `<li>`, tags taken out, and
/// people's words (in a `<bdi>`) with them.
fn items(page: &str, id: &str) -> Vec<String> {
    let Some(list) = page.split(&format!("id=\"{id}\"")).nth(1) else { return Vec::new() };
    let list = list.split("</ul>").next().unwrap_or_default();
    list.split("<li>")
        .skip(1)
        .map(|item| {
            let mut item = item.split("</li>").next().unwrap_or_default().to_owned();
            while let (Some(start), Some(end)) = (item.find("<bdi"), item.find("</bdi>")) {
                item.replace_range(start..end + "</bdi>".len(), "");
            }
            let mut text = String::new();
            let mut in_tag = false;
            for c in item.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"")
        })
        .collect()
}

/// Every item is marked, and there is at least one.
fn all_marked(items: &[String], what: &str) {
    assert!(!items.is_empty(), "no {what}");
    for item in items {
        assert!(item.contains('['), "{what}: {item:?} is not marked");
        assert!(!holds_a_word(&unmarked(item)), "{what}: {item:?} leaves {:?}", unmarked(item));
    }
}

#[tokio::test]
async fn the_gaps_and_the_reasons_left_out_of_a_selection_are_in_the_readers_language() {
    let w = world().await;
    let i: InitiativeId = w.initiative.parse().unwrap();
    let side: SideId = w.side_a.parse().unwrap();
    // A person on the map who has not agreed to be contacted: left out, with the reason.
    tracktwo_test_support::person_on_map(&w.app, i, "Amal Haddad", "UV-01", Some(side), true).await;
    let cookie = sign_in(&w, "convener").await;
    let coverage = format!("/initiatives/{i}/map/coverage");
    let selection = format!("/initiatives/{i}/map/selection?invitees=2&track=1&level=top");

    let english = body_text(send(&w.router, get_in(&coverage, &cookie, "en")).await).await;
    let gaps = items(&english, "gaps");
    assert!(gaps.iter().any(|g| g.contains("Lowland Coast\u{2069} has no actor on track 1 (")), "{gaps:?}");
    let english = body_text(send(&w.router, get_in(&selection, &cookie, "en")).await).await;
    let excluded = items(&english, "excluded");
    assert!(excluded.iter().any(|e| e.contains("no consent to be contacted")), "{excluded:?}");

    for language in ["en-XA", "ar-XB"] {
        let page = body_text(send(&w.router, get_in(&coverage, &cookie, language)).await).await;
        all_marked(&items(&page, "gaps"), "gaps");
        let page = body_text(send(&w.router, get_in(&selection, &cookie, language)).await).await;
        all_marked(&items(&page, "excluded"), "reasons left out");
        assert!(!page.contains("no consent"), "{page}");
    }
    w.store.cleanup().await;
}

#[tokio::test]
async fn what_a_summary_leaves_out_and_where_its_sessions_sat_are_in_the_readers_language() {
    let w = world().await;
    let i: InitiativeId = w.initiative.parse().unwrap();
    let m = chatham_house_meeting(&w, i, Vec::new()).await;
    let cookie = sign_in(&w, "convener").await;
    let summary = format!("/initiatives/{i}/meetings/{m}/summary");
    let english = body_text(send(&w.router, get_in(&summary, &cookie, "en")).await).await;
    assert!(items(&english, "withheld").iter().any(|w| w == "the attendee list (Chatham House Rule)"), "{english}");
    assert!(english.contains("Plenary · "), "{english}");
    for language in ["en-XA", "ar-XB"] {
        let page = body_text(send(&w.router, get_in(&summary, &cookie, language)).await).await;
        all_marked(&items(&page, "withheld"), "what the summary leaves out");
        assert!(!page.contains("Plenary") && !page.contains("the attendee list"), "{page}");
    }
    w.store.cleanup().await;
}

/// The text of the element with `id`, tags taken out.
fn element_text(page: &str, id: &str) -> String {
    let Some(rest) = page.split(&format!("id=\"{id}\"")).nth(1) else { return String::new() };
    let rest = rest.split_once('>').map_or("", |(_, r)| r);
    let mut text = String::new();
    let mut in_tag = false;
    for c in rest.split("</p>").next().unwrap_or_default().chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// A passage traced on the trace page, as a form with no page image sends it.
fn trace_form(csrf: &str, passage: &str) -> (String, Vec<u8>) {
    let boundary = "----tracktwo-test-boundary-3e9a";
    let mut body = String::new();
    for (name, value) in [("csrf", csrf), ("passage", passage)] {
        body.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (format!("multipart/form-data; boundary={boundary}"), body.into_bytes())
}

#[tokio::test]
async fn the_verdict_on_a_leaked_passage_and_its_grounds_are_in_the_readers_language() {
    let w = world().await;
    let kh = Identity::key_holder();
    let i: InitiativeId = w.initiative.parse().unwrap();
    let m = chatham_house_meeting(&w, i, Vec::new()).await;
    let readout =
        Readout { cover: "Cover.".into(), meetings: vec![m], ..Readout::draft("Readout", Audience::TrackOneOfficial) };
    let r = w.app.create_readout(&kh, i, readout).await.unwrap();
    w.app.review_readout(&kh, i, r).await.unwrap();
    w.app.release_readout(&kh, i, r).await.unwrap();
    w.app.issue_copy(&kh, i, r, "Ministry", "by hand", time::macros::date!(2026 - 05 - 01)).await.unwrap();
    let cookie = sign_in(&w, "convener").await;
    let readout_page = format!("/initiatives/{i}/readouts/{r}");
    let csrf = hidden_csrf(&body_text(send(&w.router, get_in(&readout_page, &cookie, "en")).await).await);
    let passage = "Nothing here comes from any readout: the weather in the hills was mild all week long.";
    let traced = |language: &'static str| {
        let (content_type, body) = trace_form(&csrf, passage);
        Request::post(format!("{readout_page}/trace"))
            .header(header::COOKIE, &cookie)
            .header(header::ACCEPT_LANGUAGE, language)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap()
    };
    let english = body_text(send(&w.router, traced("en")).await).await;
    let verdict = element_text(&english, "trace-result");
    assert!(verdict.contains("not matching: the passage is not from this readout"), "{english}");
    assert!(items(&english, "trace-grounds").iter().any(|g| g.starts_with("No part of it matches")), "{english}");
    for language in ["en-XA", "ar-XB"] {
        let page = body_text(send(&w.router, traced(language)).await).await;
        let verdict = element_text(&page, "trace-result");
        assert!(verdict.contains('[') && !holds_a_word(&unmarked(&verdict)), "{language}: {verdict:?}");
        all_marked(&items(&page, "trace-grounds"), "the verdict's grounds");
        assert!(!page.contains("not matching"), "{page}");
    }
    w.store.cleanup().await;
}

#[tokio::test]
async fn the_harvest_form_names_transfers_and_coordination_in_the_readers_language() {
    use tracktwo_domain::transfer::{
        CoordinationEvent, CoordinationForm, Evidence, TransferChannel, TransferDirection, TransferEvent, TransferKind,
        TransferTiming,
    };
    let w = world().await;
    let kh = Identity::key_holder();
    let i: InitiativeId = w.initiative.parse().unwrap();
    let on = time::macros::date!(2026 - 02 - 01);
    let kind = TransferKind::ALL[0];
    let transfer = TransferEvent {
        on,
        what: kind,
        direction: TransferDirection::ALL[0],
        channel: TransferChannel::ALL[0],
        timing: TransferTiming::ALL[0],
        evidence: Evidence::ALL[0],
        description: String::new(),
        options: Vec::new(),
        readout: None,
        text: None,
    };
    w.app.log_transfer(&kh, i, transfer).await.unwrap();
    let form = CoordinationForm::InformationSharing;
    let coordination = CoordinationEvent { on, form, counterpart: "Vale water ministry".into(), note: String::new() };
    w.app.log_coordination(&kh, i, coordination).await.unwrap();
    let cookie = sign_in(&w, "convener").await;
    let harvest = format!("/initiatives/{i}/outcomes/new");
    let english = body_text(send(&w.router, get_in(&harvest, &cookie, "en")).await).await;
    assert!(english.contains(&format!(" · {}", tracktwo_web::word(tracktwo_i18n::Locale::English, form))), "{english}");
    for (language, locale) in
        [("en-XA", tracktwo_i18n::Locale::PseudoAccented), ("ar-XB", tracktwo_i18n::Locale::PseudoRightToLeft)]
    {
        let page = body_text(send(&w.router, get_in(&harvest, &cookie, language)).await).await;
        assert!(page.contains(&format!(" · {}", tracktwo_web::word(locale, form))), "{language}: {page}");
        assert!(!page.contains("Information sharing"), "{language}: {page}");
        let kind_word = tracktwo_web::word(tracktwo_i18n::Locale::English, kind);
        assert!(!page.contains(&kind_word), "{language}: `{kind_word}` left in {page}");
    }
    w.store.cleanup().await;
}
