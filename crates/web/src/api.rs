//! The API's handlers: JSON over bearer tokens. Tokens are never taken from cookies, so the API
//! needs no CSRF defence: another site cannot make a browser send a bearer header.

use std::sync::Arc;

use axum::Json;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::StatusCode;
use axum::http::header;
use axum::http::request::Parts;
use serde::{Deserialize, Serialize};
use tracktwo_app::AppError;
use tracktwo_domain::roster::Roster;
use tracktwo_domain::{
    Channel, Identity, InitiativeId, MemberRole, NewInitiative, NewNote, NoteId, Scope, SideId, UserId,
};

use crate::client::JoinClient;
use crate::{WebError, WebState};

/// The caller, authenticated by a personal access token in `Authorization: Bearer …`.
pub struct Caller(pub Identity);

impl FromRequestParts<Arc<WebState>> for Caller {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<WebState>) -> Result<Self, Self::Rejection> {
        Ok(Caller(state.app.authenticate_token(bearer(parts)?, Channel::Api).await?))
    }
}

/// The token of `Authorization: Bearer …`.
fn bearer(parts: &Parts) -> Result<&str, WebError> {
    parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .ok_or(WebError(AppError::Unauthenticated))
}

/// A path identifier that does not parse is simply not found.
pub(crate) fn parse_id<T: std::str::FromStr>(text: &str) -> Result<T, WebError> {
    text.parse().map_err(|_| WebError(AppError::NotFound))
}

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

fn scope(caucus: Option<&str>) -> Result<Scope, WebError> {
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

// The ballot of a consultation: a voter's credential in `Authorization: Bearer …`.

/// A consultation voter, by the credential their invitation link gave them.
pub struct VoterCaller(pub tracktwo_app::conversations::VoterPass);

impl FromRequestParts<Arc<WebState>> for VoterCaller {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _state: &Arc<WebState>) -> Result<Self, Self::Rejection> {
        Ok(VoterCaller(tracktwo_app::conversations::VoterPass::new(bearer(parts)?)))
    }
}

#[derive(Deserialize, Default)]
pub(crate) struct JoinForm {
    #[serde(default)]
    side: Option<SideId>,
    #[serde(default)]
    segment: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct Joined {
    voter_token: String,
}

/// Joins a consultation through an invitation link; the answer holds the voter's credential.
pub(crate) async fn join(
    State(state): State<Arc<WebState>>,
    JoinClient(client): JoinClient,
    Path(invitation): Path<String>,
    form: Option<Json<JoinForm>>,
) -> Result<(StatusCode, Json<Joined>), WebError> {
    let form = form.map(|Json(f)| f).unwrap_or_default();
    let invitation = tracktwo_app::conversations::VoterPass::new(&invitation);
    let pass = state.app.join(&invitation, form.side, form.segment.as_deref(), client).await?;
    Ok((StatusCode::CREATED, Json(Joined { voter_token: pass.expose().to_owned() })))
}

#[derive(Serialize)]
pub(crate) struct BallotStatementView {
    id: u32,
    text: String,
}

#[derive(Serialize)]
pub(crate) struct BallotView {
    title: String,
    question: String,
    statement: Option<BallotStatementView>,
    answered: usize,
    remaining: usize,
    accepts_statements: bool,
    closed: bool,
}

impl From<tracktwo_app::conversations::BallotStatement> for BallotStatementView {
    fn from(s: tracktwo_app::conversations::BallotStatement) -> Self {
        Self { id: s.number, text: s.text }
    }
}

impl From<tracktwo_app::conversations::Ballot> for BallotView {
    fn from(b: tracktwo_app::conversations::Ballot) -> Self {
        Self {
            title: b.title,
            question: b.question,
            statement: b.next.map(BallotStatementView::from),
            answered: b.answered,
            remaining: b.remaining,
            accepts_statements: b.accepts_statements,
            closed: b.closed,
        }
    }
}

pub(crate) async fn ballot(
    State(state): State<Arc<WebState>>,
    VoterCaller(pass): VoterCaller,
) -> Result<Json<BallotView>, WebError> {
    Ok(Json(state.app.voter_ballot(&pass).await?.into()))
}

#[derive(Deserialize)]
pub(crate) struct VoteForm {
    statement: u32,
    vote: tracktwo_domain::conversation::Vote,
}

#[derive(Serialize)]
pub(crate) struct Recorded {
    recorded: bool,
    next: Option<BallotStatementView>,
}

/// Answers 201 only once the vote's transaction has committed.
pub(crate) async fn vote(
    State(state): State<Arc<WebState>>,
    VoterCaller(pass): VoterCaller,
    Json(form): Json<VoteForm>,
) -> Result<(StatusCode, Json<Recorded>), WebError> {
    let ballot = state.app.voter_vote(&pass, form.statement, form.vote).await?;
    let next = ballot.next.map(BallotStatementView::from);
    Ok((StatusCode::CREATED, Json(Recorded { recorded: true, next })))
}
