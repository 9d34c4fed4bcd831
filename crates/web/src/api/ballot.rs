//! Joining a consultation through an invitation link, and its ballot: a voter's credential in
//! `Authorization: Bearer …`.

use std::sync::Arc;

use axum::Json;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::{Deserialize, Serialize};
use tracktwo_domain::SideId;

use super::{bearer, voter_refused};
use crate::client::ClientAddress;
use crate::limits::Limit;
use crate::{WebError, WebState};

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
    /// As written: what the vote is on.
    text: String,
    /// The language it was written in, when the team has said.
    language: Option<String>,
    /// The team's translations, by language tag, for a client to show its reader's.
    translations: std::collections::BTreeMap<String, String>,
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
        Self {
            id: s.number,
            text: s.text,
            language: s.languages.original.map(|language| language.as_str().to_owned()),
            translations: s
                .languages
                .translations
                .into_iter()
                .map(|(language, text)| (language.as_str().to_owned(), text))
                .collect(),
        }
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
