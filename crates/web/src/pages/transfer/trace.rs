//! Tracing a leaked passage to the copy it came from.

use maud::html;
use serde::Deserialize;
use tracktwo_app::transfer::Traced;
use tracktwo_domain::ReadoutId;

use super::nav;
use crate::PageResult;
use crate::extract::{CsrfForm, ItemPath, posted_forms};
use crate::pages::layout::page;

#[derive(Deserialize)]
pub struct TraceForm {
    #[serde(default)]
    csrf: String,
    passage: String,
}

pub async fn trace(
    CsrfForm(state, user, ItemPath(id, readout_id), form): CsrfForm<TraceForm, ItemPath<ReadoutId>>,
) -> PageResult {
    let found = state.app.trace_leak(&user.identity, id, readout_id, &form.passage).await?;
    Ok(page(
        "Trace",
        &user,
        html! {
            (nav(id))
            h1 { "Trace" }
            @match &found {
                Traced::Copy { number, recipient, confidence, .. } => {
                    p #trace-result { "Most likely copy " strong { (number) } ", issued to " strong { (recipient) } ", with a confidence of " (format!("{:.0} %", confidence * 100.0)) "." }
                }
                Traced::NotMatching { reason } => { p #trace-result { "Not matching any copy of this readout: " (reason) } }
            }
            p { a href={ "/initiatives/" (id) "/readouts/" (readout_id) } { "Back to the readout" } }
        },
    ))
}

posted_forms!(TraceForm);
