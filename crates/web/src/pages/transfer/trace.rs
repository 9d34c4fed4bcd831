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
            (trace_verdict(&found))
            p { a href={ "/initiatives/" (id) "/readouts/" (readout_id) } { "Back to the readout" } }
        },
    ))
}

/// The verdict on a leaked passage, and what it rests on.
fn trace_verdict(found: &Traced) -> maud::Markup {
    let (verdict, grounds) = found.explained();
    html! {
        p #trace-result { "Verdict: " strong { (verdict) } }
        @if !grounds.is_empty() {
            ul #trace-grounds { @for line in &grounds { li { (line) } } }
        }
    }
}

posted_forms!(TraceForm);
