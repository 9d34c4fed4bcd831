//! Tracing a leaked passage to the copy it came from: pasted or typed text, or a photographed or
//! scanned page read by OCR.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use maud::html;
use tracktwo_app::transfer::Traced;
use tracktwo_domain::{Operation, ReadoutId};
use tracktwo_ocr::{OcrError, OcrLimits};

use super::nav;
use tracktwo_i18n::{Arg, Locale, text, text_with};

use crate::extract::{CsrfUpload, ItemPath, Upload};
use crate::forms::field;
use crate::pages::findings;
use crate::pages::layout::page;
use crate::session::SignedIn;
use crate::{PageResult, WebState};

/// The file input of the trace form that holds a page image.
pub(crate) const PAGE_FIELD: &str = "page";

pub async fn trace(
    CsrfUpload(state, user, ItemPath(id, readout_id), upload): CsrfUpload<ItemPath<ReadoutId>>,
) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let Upload { fields, files } = upload;
    let page_file = files.into_iter().find(|(name, _)| name == PAGE_FIELD).map(|(_, bytes)| bytes);
    let (passage, words_read) = match page_file {
        Some(bytes) => {
            // The policy is asked before the server spends seconds of a core on the picture;
            // the use case asks it again.
            state.app.permissions(&user.identity, id, Operation::ReleaseReadout).await?;
            match read_page(&state, bytes).await {
                Ok(text) => {
                    let words = text.split_whitespace().count();
                    (text, Some(words))
                }
                Err(unread) => return Ok(page_unread(&user, id, readout_id, &unread)),
            }
        }
        None => (field(&fields, "passage").to_owned(), None),
    };
    let found = state.app.trace_leak(&user.identity, id, readout_id, &passage).await?;
    Ok(page(
        &say("transfer-trace"),
        &user,
        html! {
            (nav(locale, id))
            h1 { (say("transfer-trace")) }
            @if let Some(words) = words_read {
                p #trace-ocr { (text_with(locale, "transfer-ocr-words", &[("words", Arg::count(words))])) }
            }
            (trace_verdict(locale, &found))
            p { a href={ "/initiatives/" (id) "/readouts/" (readout_id) } { (say("transfer-back-to-the-readout")) } }
        },
    ))
}

/// The page's text, read one page at a time on a thread that may block.
async fn read_page(state: &WebState, bytes: Vec<u8>) -> Result<String, OcrError> {
    let _turn = state.ocr_gate.acquire().await.ok();
    tokio::task::spawn_blocking(move || tracktwo_ocr::read_page(&bytes, &OcrLimits::WEB))
        .await
        .unwrap_or(Err(OcrError::NoText))
}

/// Why the page could not be read, with the status that says whose side the trouble is on.
fn page_unread(
    user: &SignedIn,
    id: tracktwo_domain::InitiativeId,
    readout_id: ReadoutId,
    unread: &OcrError,
) -> axum::response::Response {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let status = match unread {
        OcrError::NotInstalled | OcrError::NoEnglishData | OcrError::PdfReaderNotInstalled => {
            StatusCode::SERVICE_UNAVAILABLE
        }
        OcrError::TooLarge { .. } | OcrError::TooManyPixels { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        OcrError::NotAPage => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        OcrError::TempFolder(_) => StatusCode::INTERNAL_SERVER_ERROR,
        OcrError::TimedOut(_) | OcrError::ProgramFailed { .. } | OcrError::NoText => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let body = html! {
        (nav(locale, id))
        h1 { (say("transfer-trace")) }
        p.error role="alert" #trace-error { (say("transfer-the-page-could-not")) " " (crate::refusals::Refusal::of_ocr(unread).html(locale)) }
        p { a href={ "/initiatives/" (id) "/readouts/" (readout_id) } { (say("transfer-back-to-the-readout")) } }
    };
    (status, page(&say("transfer-trace"), user, body)).into_response()
}

/// The verdict on a leaked passage, and what it rests on.
fn trace_verdict(locale: Locale, found: &Traced) -> maud::Markup {
    let say = |id: &str| text(locale, id);
    let (verdict, grounds) = findings::trace_verdict(locale, found);
    html! {
        p #trace-result { (say("transfer-verdict")) " " strong { (verdict) } }
        @if !grounds.is_empty() {
            ul #trace-grounds { @for line in &grounds { li { (line) } } }
        }
    }
}
