//! Documents in a chosen language: the timeline as a PDF in Arabic, as a reader's tools read it —
//! its own words in Arabic, in logical order, right to left, set in an embedded Arabic face; its
//! drawing's words, years and dates in the document's language too.

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

/// The text without its spaces and the directional marks pdftotext puts around each run.
fn squashed(text: &str) -> String {
    let directional = |c: &char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    text.chars().filter(|c| !c.is_whitespace() && !directional(c)).collect()
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
