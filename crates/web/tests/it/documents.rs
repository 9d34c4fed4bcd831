//! Documents in a chosen language: the timeline as a PDF in Arabic, as a reader's tools read it —
//! its own words in Arabic, in logical order, right to left, set in an embedded Arabic face.

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

fn squashed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
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
