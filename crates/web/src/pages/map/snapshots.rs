//! Named dates of the map.

use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

use crate::PageResult;
use crate::extract::{CsrfForm, CsrfOnly, InitiativePath, ItemPath, posted_forms};
use crate::forms::{date_text, invalid, optional_date};

#[derive(Deserialize)]
pub struct SnapshotForm {
    #[serde(default)]
    csrf: String,
    label: String,
    date: String,
    #[serde(default)]
    note: String,
}

pub async fn add_snapshot(
    CsrfForm(state, user, InitiativePath(id), form): CsrfForm<SnapshotForm, InitiativePath>,
) -> PageResult {
    let date = optional_date("date", &form.date)?.ok_or_else(|| invalid("date", "is required"))?;
    let snapshot = tracktwo_domain::map::MapSnapshot { label: form.label.trim().to_owned(), date, note: form.note };
    state.app.add_map_snapshot(&user.identity, id, snapshot).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/map?as_of={}", date_text(date))).into_response())
}

pub async fn remove_snapshot(
    CsrfForm(state, user, ItemPath(id, snapshot), _): CsrfForm<CsrfOnly, ItemPath<tracktwo_domain::SnapshotId>>,
) -> PageResult {
    state.app.remove_map_snapshot(&user.identity, id, snapshot).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/map")).into_response())
}

posted_forms!(SnapshotForm);
