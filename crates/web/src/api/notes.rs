//! The notes of the plenary and of each caucus.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tracktwo_app::AppError;
use tracktwo_domain::{NewNote, NoteId, Scope, SideId};

use super::Caller;
use crate::extract::parse_id;
use crate::{WebError, WebState};

#[derive(Serialize)]
pub(crate) struct NoteView {
    id: NoteId,
    /// The side whose caucus holds the note; absent for the plenary record.
    #[serde(skip_serializing_if = "Option::is_none")]
    caucus: Option<SideId>,
    body: String,
}

impl From<tracktwo_domain::Note> for NoteView {
    fn from(n: tracktwo_domain::Note) -> Self {
        let caucus = match n.scope {
            Scope::Plenary => None,
            Scope::Caucus(side) => Some(side),
        };
        Self { id: n.id, caucus, body: n.body }
    }
}

#[derive(Deserialize)]
pub(crate) struct NoteForm {
    body: String,
    /// A side id to write in that side's caucus; the plenary record otherwise.
    #[serde(default)]
    caucus: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct ScopeQuery {
    #[serde(default)]
    caucus: Option<String>,
}

fn scope(caucus: Option<&str>) -> Result<Scope, AppError> {
    caucus.map_or(Ok(Scope::Plenary), |side| parse_id(side).map(Scope::Caucus))
}

pub(crate) async fn list_notes(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
    Path(initiative): Path<String>,
    Query(query): Query<ScopeQuery>,
) -> Result<Json<Vec<NoteView>>, WebError> {
    let notes = state.app.notes(&who, parse_id(&initiative)?, scope(query.caucus.as_deref())?).await?;
    Ok(Json(notes.into_iter().map(NoteView::from).collect()))
}

/// Answers 201 only after the note's transaction has committed durably.
pub(crate) async fn create_note(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
    Path(initiative): Path<String>,
    Json(form): Json<NoteForm>,
) -> Result<(StatusCode, Json<NoteView>), WebError> {
    let new = NewNote { scope: scope(form.caucus.as_deref())?, body: form.body };
    let note = state.app.add_note(&who, parse_id(&initiative)?, new).await?;
    Ok((StatusCode::CREATED, Json(note.into())))
}

pub(crate) async fn show_note(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
    Path((initiative, note)): Path<(String, String)>,
) -> Result<Json<NoteView>, WebError> {
    let note = state.app.note(&who, parse_id(&initiative)?, parse_id(&note)?).await?;
    Ok(Json(note.into()))
}
