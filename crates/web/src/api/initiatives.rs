//! Initiatives and their rosters, as the caller may see them.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tracktwo_domain::roster::Roster;
use tracktwo_domain::{InitiativeId, MemberRole, NewInitiative, SideId, UserId};

use super::Caller;
use crate::extract::parse_id;
use crate::{WebError, WebState};

#[derive(Serialize)]
pub(crate) struct InitiativeView {
    id: InitiativeId,
    title: String,
    description: String,
    secret_channel: bool,
}

impl From<tracktwo_domain::Initiative> for InitiativeView {
    fn from(i: tracktwo_domain::Initiative) -> Self {
        Self { id: i.id, title: i.title, description: i.description, secret_channel: i.secret_channel }
    }
}

#[derive(Deserialize)]
pub(crate) struct InitiativeForm {
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    secret_channel: bool,
}

pub(crate) async fn list_initiatives(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
) -> Result<Json<Vec<InitiativeView>>, WebError> {
    let list = state.app.initiatives(&who).await?;
    Ok(Json(list.into_iter().map(InitiativeView::from).collect()))
}

pub(crate) async fn create_initiative(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
    Json(form): Json<InitiativeForm>,
) -> Result<(StatusCode, Json<InitiativeView>), WebError> {
    let new = NewInitiative { title: form.title, description: form.description, secret_channel: form.secret_channel };
    let i = state.app.create_initiative(&who, new, None).await?;
    Ok((StatusCode::CREATED, Json(i.into())))
}

pub(crate) async fn show_initiative(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
    Path(initiative): Path<String>,
) -> Result<Json<InitiativeView>, WebError> {
    let i = state.app.initiative(&who, parse_id(&initiative)?).await?;
    Ok(Json(i.into()))
}

#[derive(Serialize)]
pub(crate) struct RosterView {
    members: Vec<MemberView>,
    counts: Vec<CountView>,
}

#[derive(Serialize)]
struct MemberView {
    user: UserId,
    name: String,
    role: MemberRole,
    #[serde(skip_serializing_if = "Option::is_none")]
    side: Option<SideId>,
}

#[derive(Serialize)]
struct CountView {
    #[serde(skip_serializing_if = "Option::is_none")]
    side: Option<SideId>,
    role: MemberRole,
    members: usize,
}

impl From<Roster> for RosterView {
    fn from(roster: Roster) -> Self {
        Self {
            members: roster
                .named
                .into_iter()
                .map(|(m, name)| MemberView { user: m.user, name, role: m.role, side: m.side })
                .collect(),
            counts: roster
                .counted
                .into_iter()
                .map(|c| CountView { side: c.side, role: c.role, members: c.members })
                .collect(),
        }
    }
}

/// The roster as the core lets the caller see it.
pub(crate) async fn show_roster(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
    Path(initiative): Path<String>,
) -> Result<Json<RosterView>, WebError> {
    Ok(Json(state.app.roster(&who, parse_id(&initiative)?).await?.into()))
}
