//! A released readout's copies: each issued to one recipient, and its files.

use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;
use tracktwo_domain::{CopyId, ReadoutId};

use crate::PageResult;
use crate::documents::copy_document;
use crate::extract::{CsrfForm, ItemPath, QueryVisit, posted_forms};
use crate::forms::{invalid, optional_date};
use crate::pages::FormatQuery;

#[derive(Deserialize)]
pub struct CopyForm {
    #[serde(default)]
    csrf: String,
    recipient: String,
    #[serde(default)]
    channel: String,
    delivered_on: String,
}

pub async fn issue_copy(
    CsrfForm(state, user, ItemPath(id, readout_id), form): CsrfForm<CopyForm, ItemPath<ReadoutId>>,
) -> PageResult {
    let on =
        optional_date("delivered on", &form.delivered_on)?.ok_or_else(|| invalid("delivered on", "is required"))?;
    state.app.issue_copy(&user.identity, id, readout_id, &form.recipient, &form.channel, on).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/readouts/{readout_id}#ledger")).into_response())
}

pub async fn copy_file(
    QueryVisit(state, user, query, ItemPath(id, copy_id)): QueryVisit<FormatQuery, ItemPath<CopyId>>,
) -> PageResult {
    let copy = state.app.copy_to_render(&user.identity, id, copy_id).await?;
    let document = copy_document(&copy, crate::documents::document_locale(&query.language, user.locale));
    crate::documents::attachment(&document, &query.format, "readout")
}

posted_forms!(CopyForm);
