//! Documents in a chosen language: the timeline as a PDF in Arabic, as a reader's tools read it —
//! its own words in Arabic, in logical order, right to left, set in an embedded Arabic face; its
//! drawing's words, years and dates in the document's language too; and a negotiating text's
//! three copies in Arabic and Russian, PDF and DOCX, with no English word but the text's own —
//! also as the web gives them: the copies a version allows offered on its page, the file to a
//! member who reads the text and to no one else, and a copy asked for wrongly refused in the
//! reader's language.

use std::process::Command;

use axum::http::StatusCode;

use super::{get, send, sign_in, world};

fn poppler(tool: &str, pdf: &std::path::Path) -> String {
    let mut command = Command::new(tool);
    command.arg(pdf);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let output = command.output().unwrap_or_else(|e| panic!("{tool} is installed by scripts/test: {e}"));
    assert!(output.status.success(), "{tool}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// The text without its spaces, the directional marks pdftotext puts around each run, and
/// Arabic's vowel marks, which it may give back before their letter rather than after.
fn squashed(text: &str) -> String {
    let directional = |c: &char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let vowel_mark = |c: &char| matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}');
    text.chars().filter(|c| !c.is_whitespace() && !directional(c) && !vowel_mark(c)).collect()
}

#[tokio::test]
async fn the_timeline_is_written_in_the_language_asked_for_and_else_in_the_readers() {
    let w = world().await;
    let cookie = sign_in(&w, "tarek").await;
    let dir = std::env::temp_dir().join(format!("tracktwo-documents-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (asked, title, page_word, face) in [
        ("ar", "الخط الزمني متعدد المسارات", "الصفحة", Some("NotoNaskhArabic")),
        ("ru", "Хронология по всем трекам", "Страница", None),
        ("fr", "Chronologie multivoies", "Page", None),
        ("", "Multi-track timeline", "Page", None),
        ("xx", "Multi-track timeline", "Page", None),
    ] {
        let uri = format!("/timeline?from=2024-01-01&to=2026-12-31&format=pdf&language={asked}");
        let response = send(&w.router, get(&uri, &cookie)).await;
        assert_eq!(response.status(), StatusCode::OK, "{asked}");
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 24).await.unwrap();
        let path = dir.join(format!("timeline-{asked}.pdf"));
        std::fs::write(&path, &bytes).unwrap();
        let text = squashed(&poppler("pdftotext", &path));
        assert!(text.contains(&squashed(title)), "{asked}: {text}");
        assert!(text.contains(page_word), "{asked}: {text}");
        if let Some(face) = face {
            assert!(poppler("pdffonts", &path).contains(face), "{asked}: no {face}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The timeline's PDF as `tarek` asks for it in `language`, as pdftotext reads it.
async fn timeline_text(w: &super::World, cookie: &str, language: &str, dir: &std::path::Path) -> String {
    let uri = format!("/timeline?from=2024-01-01&to=2026-12-31&format=pdf&language={language}");
    let response = send(&w.router, get(&uri, cookie)).await;
    assert_eq!(response.status(), StatusCode::OK, "{language}");
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 24).await.unwrap();
    let path = dir.join(format!("timeline-drawing-{language}.pdf"));
    std::fs::write(&path, &bytes).unwrap();
    poppler("pdftotext", &path)
}

#[tokio::test]
async fn the_timelines_drawing_speaks_the_documents_language_with_its_dates_and_digits() {
    use tracktwo_i18n::{Locale, text};
    let w = world().await;
    let cookie = sign_in(&w, "tarek").await;
    let dir = std::env::temp_dir().join(format!("tracktwo-timeline-drawing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let lanes = ["document-timeline-official", "document-timeline-transfers", "document-timeline-outcomes"];
    let english = squashed(&timeline_text(&w, &cookie, "en", &dir).await);
    for lane in lanes {
        // Once as the drawing's lane, once as the heading of its table: the drawing's words are
        // text a reader's tools find.
        let name = squashed(&text(Locale::English, lane));
        assert_eq!(english.matches(&name).count(), 2, "{name} in the drawing and above its table: {english}");
    }
    assert!(
        english.contains("2025")
            && english.contains(&squashed(&Locale::English.date(time::macros::date!(2024 - 01 - 01))))
    );
    for (language, locale) in [("ar", Locale::Arabic), ("ru", Locale::Russian)] {
        let shown = timeline_text(&w, &cookie, language, &dir).await;
        let flat = squashed(&shown);
        for lane in lanes {
            let name = squashed(&text(locale, lane));
            assert_eq!(flat.matches(&name).count(), 2, "{language}: {name} in the drawing too: {shown}");
        }
        // No English word is left: the only Latin letters are the initiative's own name.
        let latin: Vec<&str> =
            shown.split(|c: char| !c.is_ascii_alphabetic()).filter(|word| word.len() > 1 && *word != "Serin").collect();
        assert!(latin.is_empty(), "{language}: {latin:?} in {shown}");
        // The years and dates are the language's: Arabic-Indic digits in Arabic.
        assert!(flat.contains(&squashed(&locale.year(2025))), "{language}: {shown}");
        assert!(flat.contains(&squashed(&locale.date(time::macros::date!(2026 - 12 - 31)))), "{language}: {shown}");
        if locale == Locale::Arabic {
            assert!(flat.contains('٢') && !flat.contains("2025"), "{shown}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The first version of a negotiating text, with every mark a working copy shows: a heading, a
/// choice, a bracket, a clause agreed ad referendum, and whole-clause alternatives, one of
/// them replacing some words.
const WORKING_DRAFT: &str = "title: Non-paper on the river
preamble: The Parties, recalling their shared river,
# p1 Purpose
c1 heading: Joint body
c1: The Parties [establish|agree to establish] a Joint Commission.
c2 (ad referendum): The Commission works on the principle of equitable use.
c3: Data is shared [every month].
# p2 The Commission
c4 Alt A: The Commission meets [monthly].
c4 Alt B: The Commission meets when either Party asks.
c4 Alt B replaces: meets monthly
c5: Observers may attend.";

/// The second version, settled: a clause reworded and moved, alternatives resolved, one clause
/// dropped and one added.
const SETTLED_DRAFT: &str = "title: Non-paper on the river
preamble: The Parties, recalling their shared river,
# p1 Purpose
c1 heading: Joint body
c1: The Parties establish a Joint Commission.
c2 (ad referendum): The Commission works on the principle of equitable use.
# p2 The Commission
c3: Data is shared every week.
c4: The Commission meets when either Party asks.
new: Its seat is on the river.";

/// Every word of a draft that is the text's own: its title, preamble, headings, clauses and
/// alternatives (their labels and the words they replace).
fn own_words(draft: &tracktwo_domain::negotiating_text::Draft) -> String {
    use tracktwo_domain::negotiating_text::{Body, Replaces, notation};
    let mut words = vec![draft.title.clone(), draft.preamble.clone()];
    for part in &draft.parts {
        words.push(part.heading.clone());
        for clause in &part.clauses {
            words.push(clause.heading.clone());
            match &clause.body {
                Body::Text(spans) => words.push(notation(spans)),
                Body::Alternatives(alternatives) => {
                    for alternative in alternatives {
                        words.push(alternative.label.clone());
                        words.push(notation(&alternative.text));
                        if let Replaces::Words(replaced) = &alternative.replaces {
                            words.push(replaced.clone());
                        }
                    }
                }
            }
        }
    }
    words.join(" ")
}

/// The words of two letters or more in Latin script, lowercased. Tokens holding a digit are
/// identifiers — a clause's number (c4), a part's (p2), the content hash — and are left out.
fn latin_words(text: &str) -> std::collections::BTreeSet<String> {
    text.split_whitespace()
        .filter(|token| !token.chars().any(|c| c.is_ascii_digit()))
        .flat_map(|token| token.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|word| word.len() > 1)
        .map(str::to_lowercase)
        .collect()
}

/// One named part of a DOCX package, as `unzip` reads it.
fn docx_part(docx: &std::path::Path, part: &str) -> String {
    let output = Command::new("unzip").arg("-p").arg(docx).arg(part).output().expect("unzip is installed");
    assert!(output.status.success(), "no {part} in {}", docx.display());
    String::from_utf8(output.stdout).unwrap()
}

/// The river text in Serin, committed by the key holder: version 1 the working draft, version 2
/// the settled one.
async fn river_text(w: &super::World) -> tracktwo_domain::negotiating_text::TextId {
    use tracktwo_app::negotiating_text::NewText;
    use tracktwo_domain::dialogue::ConfidentialityMode;
    use tracktwo_domain::negotiating_text::{Language, plain};
    let kh = tracktwo_domain::Identity::key_holder();
    let initiative = w.initiative.parse().unwrap();
    let new = NewText {
        title: "Non-paper on the river".into(),
        round: None,
        mode: ConfidentialityMode::ChathamHouse,
        authoritative: Language::parse("en").unwrap(),
        sides: std::collections::BTreeSet::new(),
    };
    let id = w.app.create_text(&kh, initiative, new).await.unwrap();
    let working = plain::parse(WORKING_DRAFT, None).unwrap();
    let settled = plain::parse(SETTLED_DRAFT, Some(&working)).unwrap();
    let english = || Language::parse("en").unwrap();
    w.app.commit_version(&kh, initiative, id, english(), working).await.unwrap();
    w.app.commit_version(&kh, initiative, id, english(), settled).await.unwrap();
    id
}

#[tokio::test]
async fn a_negotiating_texts_copies_speak_the_documents_language_around_the_texts_own_words() {
    use tracktwo_i18n::{Locale, text};
    use tracktwo_web::{TextCopy, text_document};

    let w = world().await;
    let kh = tracktwo_domain::Identity::key_holder();
    let initiative = w.initiative.parse().unwrap();
    let id = river_text(&w).await;
    let first = w.app.export_text(&kh, initiative, id, Some(1), None).await.unwrap();
    let last = w.app.export_text(&kh, initiative, id, Some(2), None).await.unwrap();
    let compared = w.app.export_text(&kh, initiative, id, Some(2), Some(1)).await.unwrap();
    let copies = [
        ("bracketed", &first, TextCopy::Bracketed),
        ("clean", &last, TextCopy::Clean),
        ("comparison", &compared, TextCopy::Comparison),
    ];

    let dir = std::env::temp_dir().join(format!("tracktwo-text-documents-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for locale in [Locale::Arabic, Locale::Russian] {
        // What may be in Latin letters: the text's own words, its language's tag, and the
        // Latin a translation itself keeps ("ad referendum" in Russian).
        let mut allowed = latin_words(&format!("{} {} en", own_words(&first.draft), own_words(&last.draft)));
        for message in ["document-text-agreed-ad-referendum", "text-figures"] {
            allowed.extend(latin_words(&text(locale, message)));
        }
        let label = tracktwo_web::documents::page_label(locale);
        for (name, export, copy) in copies {
            let document = text_document(export, copy, locale).unwrap();
            let place = format!("{} {name}", locale.tag());

            let pdf = dir.join(format!("{name}-{}.pdf", locale.tag()));
            std::fs::write(&pdf, tracktwo_web::documents::pdf(&document).unwrap()).unwrap();
            let shown = poppler("pdftotext", &pdf);
            let chrome: Vec<String> = latin_words(&shown).difference(&allowed).cloned().collect();
            assert!(chrome.is_empty(), "{place}: {chrome:?} are not the document's language: {shown}");
            let flat = squashed(&shown);
            let first_fact =
                if copy == TextCopy::Comparison { "document-text-compared" } else { "document-text-committed" };
            assert!(flat.contains(&squashed(&text(locale, first_fact))), "{place}: {shown}");
            // The page numbers in the language's digits (pdftotext may put the numbers of a
            // right-to-left line before or after their words, so the line is read, not its order).
            let footer = shown.lines().find(|line| line.contains(label.before.trim())).unwrap_or_default();
            let between = label.between.trim();
            let (one, other) = if locale == Locale::Arabic { ('\u{661}', '1') } else { ('1', '\u{661}') };
            assert!(
                footer.contains(between) && footer.contains(one) && !footer.contains(other),
                "{place}: the page numbers: {footer:?}"
            );
            if copy != TextCopy::Comparison {
                // Word by word: the day and year of a right-to-left line come back in any order.
                let committed = locale.date(export.summary.committed_at.date());
                for word in committed.split_whitespace() {
                    assert!(flat.contains(&squashed(word)), "{place}: the date as {committed}: {shown}");
                }
            }

            let docx = dir.join(format!("{name}-{}.docx", locale.tag()));
            std::fs::write(&docx, tracktwo_render::render_docx(&document).unwrap()).unwrap();
            let body = docx_part(&docx, "word/document.xml");
            let second_fact =
                if copy == TextCopy::Comparison { "document-text-clauses" } else { "document-text-content-hash" };
            for fact in [first_fact, second_fact] {
                assert!(body.contains(&text(locale, fact)), "{place}: no {fact} in {body}");
            }
            let styles = docx_part(&docx, "word/styles.xml");
            let footer = docx_part(&docx, "word/footer1.xml");
            if locale == Locale::Arabic {
                assert!(styles.contains(r#"<w:lang w:val="ar" w:bidi="ar"/>"#), "{place}");
                assert!(footer.contains(r"PAGE \* HINDIARABIC"), "{place}: {footer}");
            } else {
                assert!(styles.contains(&format!(r#"<w:lang w:val="{}"/>"#, locale.tag())), "{place}");
                assert!(!footer.contains("HINDIARABIC"), "{place}: {footer}");
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A response's header as text (empty when absent).
fn header_of(response: &axum::response::Response, name: axum::http::header::HeaderName) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// The path of the river text's copies.
fn copies_path(w: &super::World, text: tracktwo_domain::negotiating_text::TextId) -> String {
    format!("/initiatives/{}/texts/{text}/copy", w.initiative)
}

#[tokio::test]
async fn a_member_downloads_a_texts_copies_from_the_web_in_the_language_chosen() {
    use tracktwo_domain::negotiating_text::plain;
    use tracktwo_i18n::{Locale, text};

    let w = world().await;
    let id = river_text(&w).await;
    let working = plain::parse(WORKING_DRAFT, None).unwrap();
    let settled = plain::parse(SETTLED_DRAFT, Some(&working)).unwrap();
    // A participant reads the plenary record, so takes a copy away as the command line does.
    let cookie = sign_in(&w, "tarek").await;
    let base = copies_path(&w, id);
    let dir = std::env::temp_dir().join(format!("tracktwo-text-copies-web-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let headings =
        ["document-text-version", "document-text-committed", "document-text-content-hash", "document-text-status"];

    // The working copy as a PDF in Arabic: every word of the text's own is there, and no other
    // Latin word (none of the headings' English).
    let response =
        send(&w.router, get(&format!("{base}?version=1&copy=bracketed&format=pdf&language=ar"), &cookie)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header_of(&response, axum::http::header::CONTENT_TYPE), "application/pdf");
    let disposition = header_of(&response, axum::http::header::CONTENT_DISPOSITION);
    assert_eq!(disposition, "attachment; filename=\"negotiating-text-v1-bracketed.pdf\"");
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 24).await.unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let pdf = dir.join("bracketed-ar.pdf");
    std::fs::write(&pdf, &bytes).unwrap();
    let shown = poppler("pdftotext", &pdf);
    let found = latin_words(&shown);
    let own = latin_words(&own_words(&working));
    let lost: Vec<&String> = own.difference(&found).collect();
    assert!(lost.is_empty(), "the text's own words {lost:?} are not in the copy: {shown}");
    for clause in working.clauses() {
        assert!(shown.contains(&clause.id.to_string()), "no clause {} in {shown}", clause.id);
    }
    let mut allowed = own.clone();
    allowed.insert("en".into());
    for message in ["document-text-agreed-ad-referendum", "text-figures"] {
        allowed.extend(latin_words(&text(Locale::Arabic, message)));
    }
    let chrome: Vec<&String> = found.difference(&allowed).collect();
    assert!(chrome.is_empty(), "{chrome:?} are not Arabic: {shown}");
    let flat = squashed(&shown);
    for heading in headings {
        assert!(flat.contains(&squashed(&text(Locale::Arabic, heading))), "no {heading} in Arabic: {shown}");
    }

    // The clean copy of the settled version as DOCX in Russian: its headings are Russian.
    let response = send(&w.router, get(&format!("{base}?version=2&copy=clean&format=docx&language=ru"), &cookie)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header_of(&response, axum::http::header::CONTENT_TYPE),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    let disposition = header_of(&response, axum::http::header::CONTENT_DISPOSITION);
    assert_eq!(disposition, "attachment; filename=\"negotiating-text-v2-clean.docx\"");
    let docx = dir.join("clean-ru.docx");
    std::fs::write(&docx, axum::body::to_bytes(response.into_body(), 1 << 24).await.unwrap()).unwrap();
    let body = docx_part(&docx, "word/document.xml");
    for heading in headings {
        assert!(body.contains(&text(Locale::Russian, heading)), "no {heading} in Russian: {body}");
        assert!(!body.contains(&text(Locale::English, heading)), "{heading} in English: {body}");
    }
    for clause in settled.clauses() {
        assert!(body.contains(&clause.notation()), "no clause {} in the clean copy", clause.id);
    }

    // The comparison of the two versions, in the reader's language when none is asked for.
    let uri = format!("{base}?version=2&copy=comparison&compare_with=1&format=docx");
    let response = send(&w.router, super::language::get_in(&uri, &cookie, "fr")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let disposition = header_of(&response, axum::http::header::CONTENT_DISPOSITION);
    assert_eq!(disposition, "attachment; filename=\"negotiating-text-v2-compared-with-v1.docx\"");
    let docx = dir.join("comparison-fr.docx");
    std::fs::write(&docx, axum::body::to_bytes(response.into_body(), 1 << 24).await.unwrap()).unwrap();
    let body = docx_part(&docx, "word/document.xml");
    for fact in ["document-text-compared", "document-text-clauses", "document-text-before", "document-text-after"] {
        assert!(body.contains(&text(Locale::French, fact)), "no {fact} in French: {body}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn a_member_who_may_not_read_the_text_gets_no_copy_of_it() {
    use tracktwo_domain::{Identity, MemberRole, NewUser};

    let w = world().await;
    let id = river_text(&w).await;
    let kh = Identity::key_holder();
    let initiative = w.initiative.parse().unwrap();
    let funder = NewUser { username: "funder".into(), display_name: String::new(), is_admin: false };
    let funder = w.app.create_user_with_password(&kh, funder, super::PASSWORD).await.unwrap().id;
    w.app.add_member(&kh, initiative, funder, MemberRole::Funder, None).await.unwrap();
    let base = copies_path(&w, id);
    // A funder is a member who does not read the plenary record; an outsider is no member.
    for (who, status) in [("funder", StatusCode::FORBIDDEN), ("outsider", StatusCode::FORBIDDEN)] {
        let cookie = sign_in(&w, who).await;
        for query in ["", "?version=1&copy=bracketed&format=pdf", "?version=2&copy=clean&format=docx&language=ar"] {
            let response = send(&w.router, get(&format!("{base}{query}"), &cookie)).await;
            assert_eq!(response.status(), status, "{who} {query}");
            assert!(header_of(&response, axum::http::header::CONTENT_TYPE).starts_with("text/html"), "{who} {query}");
            assert!(header_of(&response, axum::http::header::CONTENT_DISPOSITION).is_empty(), "{who} {query}");
            let page = super::body_text(response).await;
            for words in ["Non-paper", "Joint Commission", "Observers may attend", "river"] {
                assert!(!page.contains(words), "{who} {query}: `{words}` of the text in {page}");
            }
        }
        // The same answer as the text's own page.
        let page = send(&w.router, get(&format!("/initiatives/{}/texts/{id}", w.initiative), &cookie)).await;
        assert_eq!(page.status(), status, "{who}: the text's page");
    }
}

#[tokio::test]
async fn a_copy_asked_for_wrongly_is_refused_in_the_readers_language() {
    use tracktwo_i18n::{Locale, text};
    use tracktwo_web::refusals::{field_message, reason_message};

    let w = world().await;
    let id = river_text(&w).await;
    let cookie = sign_in(&w, "tarek").await;
    let base = copies_path(&w, id);
    for locale in Locale::SHIPPED {
        let place = locale.tag();
        // A value that names none of the choices: a bad request, its field and reason said.
        for (query, field, reason) in [
            ("copy=final", "copy", "must be bracketed, clean or comparison"),
            ("copy=Clean", "copy", "must be bracketed, clean or comparison"),
            ("format=odt", "format", "must be pdf or docx"),
            ("copy=bracketed&format=akn", "format", "must be pdf or docx"),
            ("version=two", "version", "must be a version number"),
            ("copy=comparison&compare_with=-1", "compare with", "must be a version number"),
        ] {
            let response = send(&w.router, super::language::get_in(&format!("{base}?{query}"), &cookie, place)).await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{place} {query}");
            assert!(header_of(&response, axum::http::header::CONTENT_DISPOSITION).is_empty(), "{place} {query}");
            let page = super::body_text(response).await;
            for id in [field_message(field), reason_message(reason), "error-heading-400".to_owned()] {
                assert!(page.contains(&text(locale, &id)), "{place} {query}: no {id} in {page}");
            }
        }
        // A copy the version does not allow: refused as the command line refuses it.
        for (query, refusal) in [
            ("version=1&copy=clean", None),
            ("version=2&copy=comparison", Some("refusal-nothing-to-compare")),
            ("version=9", None),
        ] {
            let response = send(&w.router, super::language::get_in(&format!("{base}?{query}"), &cookie, place)).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{place} {query}");
            assert!(header_of(&response, axum::http::header::CONTENT_DISPOSITION).is_empty(), "{place} {query}");
            let page = super::body_text(response).await;
            assert!(page.contains("id=\"refusal\""), "{place} {query}: no refusal in {page}");
            if let Some(refusal) = refusal {
                assert!(page.contains(&text(locale, refusal)), "{place} {query}: no {refusal} in {page}");
            }
            if locale != Locale::English {
                assert!(!page.contains("a clean copy is of a settled text"), "{place} {query}: English in {page}");
            }
        }
    }
}

#[tokio::test]
async fn the_texts_page_offers_only_the_copies_its_version_allows() {
    use tracktwo_i18n::{Locale, text};

    let w = world().await;
    let id = river_text(&w).await;
    let cookie = sign_in(&w, "tarek").await;
    let page_of = |version: u32, language: &'static str| {
        super::language::get_in(
            &format!("/initiatives/{}/texts/{id}?version={version}", w.initiative),
            &cookie,
            language,
        )
    };
    let form = |page: &str| -> String {
        let start = page.find("id=\"text-copy\"").expect("the copy form");
        page[start..].split("</form>").next().unwrap().to_owned()
    };
    for locale in Locale::SHIPPED {
        // The working version: the bracketed copy alone, and why there is no clean one.
        let page = super::body_text(send(&w.router, page_of(1, locale.tag())).await).await;
        let first = form(&page);
        assert!(first.contains(&format!("action=\"{}\"", copies_path(&w, id))), "{first}");
        assert!(first.contains("method=\"get\"") && first.contains("name=\"version\" value=\"1\""), "{first}");
        assert!(first.contains("value=\"bracketed\""), "{first}");
        assert!(!first.contains("value=\"clean\"") && !first.contains("value=\"comparison\""), "{first}");
        assert!(!first.contains("name=\"compare_with\""), "{first}");
        assert!(page.contains(&text(locale, "text-copy-clean-when-settled")), "{}", locale.tag());
        // The document's language is the reader's unless another is chosen.
        assert!(first.contains(&format!("value=\"{}\" selected", locale.tag())), "{first}");
        for label in ["text-copy-heading", "text-copy-which", "text-copy-format", "text-copy-language"] {
            assert!(page.contains(&text(locale, label)), "{}: no {label}", locale.tag());
        }
        // The settled version: all three, compared with the version before it.
        let page = super::body_text(send(&w.router, page_of(2, locale.tag())).await).await;
        let second = form(&page);
        for copy in ["bracketed", "clean", "comparison"] {
            assert!(second.contains(&format!("value=\"{copy}\"")), "{second}");
            assert!(second.contains(&text(locale, &format!("text-copy-{copy}"))), "{second}");
        }
        assert!(second.contains("name=\"compare_with\"") && second.contains("<option value=\"1\">"), "{second}");
        assert!(!page.contains(&text(locale, "text-copy-clean-when-settled")), "{}", locale.tag());
    }
}
