//! The ballot, one statement at a time, shared by members and consultation voters; a member's
//! ballot in a private conversation.

use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use tracktwo_app::AppError;
use tracktwo_app::conversations::Ballot;
use tracktwo_domain::conversation::Vote;
use tracktwo_domain::{ConversationId, InitiativeId};

use super::conversation_path;
use crate::client::ClientAddress;
use crate::extract::{CsrfForm, ItemPath, Unparsed, Visit};
use crate::forms::{Pairs, field, invalid};
use crate::limits::Limit;
use crate::pages::layout::page;
use crate::{PageError, PageResult, WebState};

pub(super) fn ballot_markup(
    ballot: &Ballot,
    action: &str,
    propose_action: &str,
    csrf: &str,
    notice: Option<&str>,
) -> Markup {
    html! {
        h1 { (ballot.title) }
        @if !ballot.question.is_empty() { p.question { (ballot.question) } }
        @if let Some(notice) = notice { p.notice role="status" { (notice) } }
        @if ballot.closed {
            p #ballot-done { "This conversation is closed. Thank you for taking part." }
        } @else if let Some(next) = &ballot.next {
            form.ballot method="post" action=(action) {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="statement" value=(next.number);
                p.statement #statement { (next.text) }
                div.choices {
                    button type="submit" name="vote" value="agree" { "Agree" }
                    button type="submit" name="vote" value="disagree" { "Disagree" }
                    button.secondary type="submit" name="vote" value="pass" { "Pass / unsure" }
                }
            }
        } @else {
            p #ballot-done { "You have answered every statement. Come back later: others may add new ones." }
        }
        p.muted #progress { (ballot.answered) " answered, " (ballot.remaining) " to go." }
        @if ballot.accepts_statements {
            details {
                summary { "Propose a statement" }
                form.stack method="post" action=(propose_action) {
                    input type="hidden" name="csrf" value=(csrf);
                    label { "One short sentence others can agree or disagree with" textarea name="text" maxlength="280" required {} }
                    button type="submit" { "Propose" }
                }
                p.muted { "Proposals are read by the organisers before anyone sees them." }
            }
        }
    }
}

pub(super) fn vote_from(fields: &[(String, String)]) -> Result<(u32, Vote), PageError> {
    let statement = field(fields, "statement").trim().parse().map_err(|_| invalid("statement", "is not known"))?;
    let vote = Vote::parse(field(fields, "vote")).map_err(AppError::Invalid)?;
    Ok((statement, vote))
}

pub async fn member_ballot(
    Visit(state, user, ItemPath(id, conversation)): Visit<ItemPath<ConversationId>>,
) -> PageResult {
    let ballot = state.app.member_ballot(&user.identity, id, conversation).await?;
    let path = conversation_path(id, conversation);
    Ok(page(
        &ballot.title.clone(),
        &user,
        ballot_markup(&ballot, &format!("{path}/vote"), &format!("{path}/proposals"), &user.csrf(), None),
    ))
}

/// A member's vote or proposal counts against the address's allowance for those before its path
/// is read, so a request with a bad path counts too.
fn counted(
    state: &WebState,
    client: &ClientAddress,
    limit: Limit,
    path: Unparsed<ItemPath<ConversationId>>,
) -> Result<(InitiativeId, ConversationId), PageError> {
    state.limit(limit, client)?;
    let ItemPath(id, conversation) = path.parse()?;
    Ok((id, conversation))
}

pub async fn member_vote(
    client: ClientAddress,
    CsrfForm(state, user, path, fields): CsrfForm<Pairs, Unparsed<ItemPath<ConversationId>>>,
) -> PageResult {
    let (id, conversation) = counted(&state, &client, Limit::Vote, path)?;
    let (statement, vote) = vote_from(&fields)?;
    state.app.member_vote(&user.identity, id, conversation, statement, vote).await?;
    Ok(Redirect::to(&format!("{}/vote", conversation_path(id, conversation))).into_response())
}

pub async fn member_propose(
    client: ClientAddress,
    CsrfForm(state, user, path, fields): CsrfForm<Pairs, Unparsed<ItemPath<ConversationId>>>,
) -> PageResult {
    let (id, conversation) = counted(&state, &client, Limit::Proposal, path)?;
    state.app.member_propose(&user.identity, id, conversation, field(&fields, "text")).await?;
    let ballot = state.app.member_ballot(&user.identity, id, conversation).await?;
    let path = conversation_path(id, conversation);
    Ok(page(
        &ballot.title.clone(),
        &user,
        ballot_markup(
            &ballot,
            &format!("{path}/vote"),
            &format!("{path}/proposals"),
            &user.csrf(),
            Some("Thank you: your statement waits for moderation."),
        ),
    ))
}
