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
use tracktwo_domain::redaction::MeetingSummary;
use tracktwo_domain::roster::Roster;
use tracktwo_domain::{
    Channel, Identity, InitiativeId, MemberRole, NewInitiative, NewNote, NoteId, Scope, SideId, UserId,
};

use crate::client::ClientAddress;
use crate::limits::Limit;
use crate::{WebError, WebState};

/// The caller, authenticated by a personal access token in `Authorization: Bearer …`. Each such
/// request counts against the address's API allowance, and a token that turns out bad against
/// its allowance for those.
pub struct Caller(pub Identity);

impl FromRequestParts<Arc<WebState>> for Caller {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<WebState>) -> Result<Self, Self::Rejection> {
        let Ok(client) = ClientAddress::from_request_parts(parts, state).await;
        let token = bearer(parts)?;
        state.limit(Limit::Api, &client)?;
        match state.app.authenticate_token(token, Channel::Api).await {
            Ok(identity) => Ok(Caller(identity)),
            Err(AppError::Unauthenticated) => Err(state.refused_credential(&client).into()),
            Err(other) => Err(other.into()),
        }
    }
}

/// A voter's answer refused: a credential that turned out bad counts against the address.
fn voter_refused(state: &WebState, client: &ClientAddress, e: AppError) -> WebError {
    match e {
        AppError::Unauthenticated => state.refused_credential(client).into(),
        other => other.into(),
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

/// A meeting's summary as the redaction engine makes it for the caller: the attendees the
/// caller may see (by the attendee rule), the record their role and side may take away, and what
/// was left out, in words.
#[derive(Serialize)]
pub(crate) struct SummaryView {
    title: String,
    initiative: String,
    round: String,
    mode: &'static str,
    starts_on: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    ends_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    venue: Option<String>,
    /// Absent where the mode or the caller's role allows no attendee list.
    #[serde(skip_serializing_if = "Option::is_none")]
    attendees: Option<Vec<AttendeeView>>,
    agenda: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stage_reached: Option<String>,
    sessions: Vec<SessionView>,
    options: Vec<String>,
    withheld: Vec<String>,
    prepared_for: &'static str,
}

#[derive(Serialize)]
struct AttendeeView {
    name: String,
    organisation: String,
    side: String,
    capacity: &'static str,
}

#[derive(Serialize)]
struct SessionView {
    title: String,
    scope: String,
    mode: &'static str,
    notes: Vec<SummaryNoteView>,
}

#[derive(Serialize)]
struct SummaryNoteView {
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<String>,
    tags: Vec<&'static str>,
    body: String,
}

fn iso_date(date: time::Date) -> String {
    date.format(time::macros::format_description!("[year]-[month]-[day]")).unwrap_or_default()
}

impl From<MeetingSummary> for SummaryView {
    fn from(s: MeetingSummary) -> Self {
        Self {
            title: s.title,
            initiative: s.initiative,
            round: s.round,
            mode: s.mode.as_str(),
            starts_on: iso_date(s.starts_on),
            ends_on: s.ends_on.map(iso_date),
            venue: s.venue.filter(|v| !v.is_empty()),
            attendees: s.attendees.map(|list| {
                list.into_iter()
                    .map(|a| AttendeeView {
                        name: a.name,
                        organisation: a.organisation,
                        side: a.side,
                        capacity: a.capacity.as_str(),
                    })
                    .collect()
            }),
            agenda: s.agenda.into_iter().map(|(item, _)| item).collect(),
            stage_reached: s.stage_reached,
            sessions: s
                .sessions
                .into_iter()
                .map(|session| SessionView {
                    title: session.title,
                    scope: session.scope,
                    mode: session.mode.as_str(),
                    notes: session
                        .notes
                        .into_iter()
                        .map(|n| SummaryNoteView {
                            speaker: n.speaker,
                            tags: n.tags.iter().map(|t| t.as_str()).collect(),
                            body: n.body,
                        })
                        .collect(),
                })
                .collect(),
            options: s.options.into_iter().map(|o| o.title).collect(),
            withheld: s.withheld,
            prepared_for: s.reader.label(),
        }
    }
}

/// A meeting's summary for the caller, as on the meeting's page.
pub(crate) async fn show_meeting_summary(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
    Path((initiative, meeting)): Path<(String, String)>,
) -> Result<Json<SummaryView>, WebError> {
    let initiative = parse_id(&initiative)?;
    let meeting = parse_id(&meeting)?;
    Ok(Json(state.app.meeting_summary(&who, initiative, meeting).await?.into()))
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
    client: ClientAddress,
    Path(invitation): Path<String>,
    form: Option<Json<JoinForm>>,
) -> Result<(StatusCode, Json<Joined>), WebError> {
    state.limit(Limit::Join, &client)?;
    let form = form.map(|Json(f)| f).unwrap_or_default();
    let invitation = tracktwo_app::conversations::VoterPass::new(&invitation);
    let pass = state.app.join(&invitation, form.side, form.segment.as_deref(), client.ip).await?;
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
    client: ClientAddress,
    VoterCaller(pass): VoterCaller,
) -> Result<Json<BallotView>, WebError> {
    state.limit(Limit::Api, &client)?;
    let ballot = state.app.voter_ballot(&pass).await.map_err(|e| voter_refused(&state, &client, e))?;
    Ok(Json(ballot.into()))
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
    client: ClientAddress,
    VoterCaller(pass): VoterCaller,
    Json(form): Json<VoteForm>,
) -> Result<(StatusCode, Json<Recorded>), WebError> {
    state.limit(Limit::Vote, &client)?;
    let ballot =
        state.app.voter_vote(&pass, form.statement, form.vote).await.map_err(|e| voter_refused(&state, &client, e))?;
    let next = ballot.next.map(BallotStatementView::from);
    Ok((StatusCode::CREATED, Json(Recorded { recorded: true, next })))
}

// One's own API tokens.

#[derive(Serialize)]
pub(crate) struct TokenView {
    id: tracktwo_domain::TokenId,
    label: String,
    #[serde(with = "time::serde::rfc3339")]
    created_at: tracktwo_domain::Timestamp,
    #[serde(with = "time::serde::rfc3339")]
    expires_at: tracktwo_domain::Timestamp,
    /// To the hour; `null` if it was never used.
    #[serde(with = "time::serde::rfc3339::option")]
    last_used_at: Option<tracktwo_domain::Timestamp>,
    expired: bool,
}

impl From<tracktwo_app::TokenSummary> for TokenView {
    fn from(t: tracktwo_app::TokenSummary) -> Self {
        Self {
            id: t.id,
            label: t.label,
            created_at: t.created_at,
            expires_at: t.expires_at,
            last_used_at: t.last_used_at,
            expired: t.expired,
        }
    }
}

/// The caller's own tokens (never a secret: only digests are kept).
pub(crate) async fn list_tokens(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
) -> Result<Json<Vec<TokenView>>, WebError> {
    let me = who.user_id().ok_or(WebError(AppError::Unauthenticated))?;
    let tokens = state.app.tokens_of(&who, me).await?;
    Ok(Json(tokens.into_iter().map(TokenView::from).collect()))
}

/// Revokes a token (one's own; an administrator's call may revoke anyone's). Answers 204.
pub(crate) async fn revoke_token(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
    Path(token): Path<String>,
) -> Result<StatusCode, WebError> {
    state.app.revoke_token(&who, parse_id(&token)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
