//! Documents in a chosen language: the timeline as a PDF in Arabic, as a reader's tools read it —
//! its own words in Arabic, in logical order, right to left, set in an embedded Arabic face; its
//! drawing's words, years and dates in the document's language too; and a negotiating text's
//! three copies in Arabic and Russian, PDF and DOCX, with no English word but the text's own.

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

#[tokio::test]
async fn a_negotiating_texts_copies_speak_the_documents_language_around_the_texts_own_words() {
    use tracktwo_app::negotiating_text::NewText;
    use tracktwo_domain::dialogue::ConfidentialityMode;
    use tracktwo_domain::negotiating_text::{Language, plain};
    use tracktwo_i18n::{Locale, text};
    use tracktwo_web::{TextCopy, text_document};

    let w = world().await;
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
