//! The ballot, one statement at a time, shared by members and consultation voters; a member's
//! ballot in a private conversation.

use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use tracktwo_app::AppError;
use tracktwo_app::conversations::Ballot;
use tracktwo_domain::conversation::Vote;
use tracktwo_domain::{ConversationId, InitiativeId};

use tracktwo_i18n::{Arg, Locale, text, text_with};

use tracktwo_domain::negotiating_text::Language;

use super::{conversation_path, original_one_click_away, shown};
use crate::client::ClientAddress;
use crate::extract::{CsrfForm, ItemPath, Unparsed, Visit};
use crate::forms::{Pairs, field, invalid};
use crate::language::language_switch;
use crate::limits::Limit;
use crate::pages::layout::page;
use crate::{PageError, PageResult, WebState};

/// Where a ballot is: its address (for the language switch to come back to), where its votes
/// and proposals go, and the form token.
pub(super) struct BallotPlace<'a> {
    pub page: &'a str,
    pub action: &'a str,
    pub propose_action: &'a str,
    pub csrf: &'a str,
}

/// The ballot in the reader's language. The conversation's own words (its title, question and
/// statements) are the team's and the voters', shown as written, each in its own direction; a
/// statement the team translated into the reader's language is shown in it, with the words as
/// written one click away (the vote is on those).
pub(super) fn ballot_markup(locale: Locale, ballot: &Ballot, place: &BallotPlace<'_>, notice: Option<&str>) -> Markup {
    let say = |id: &str| text(locale, id);
    let progress = [("answered", Arg::count(ballot.answered)), ("remaining", Arg::count(ballot.remaining))];
    html! {
        (language_switch(locale, place.page))
        h1 dir="auto" { (ballot.title) }
        @if !ballot.question.is_empty() { p.question dir="auto" { (ballot.question) } }
        @if let Some(notice) = notice { p.notice role="status" { (notice) } }
        @if ballot.closed {
            p #ballot-done { (say("ballot-closed")) }
        } @else if let Some(next) = &ballot.next {
            form.ballot method="post" action=(place.action) {
                input type="hidden" name="csrf" value=(place.csrf);
                input type="hidden" name="statement" value=(next.number);
                @let (words, language) = shown(locale, &next.text, &next.languages);
                p.statement #statement lang=[language.map(Language::as_str)] dir="auto" { (words) }
                @if let Some(original) = original_one_click_away(locale, &next.text, &next.languages) { (original) }
                div.choices {
                    button type="submit" name="vote" value="agree" { (say("ballot-agree")) }
                    button type="submit" name="vote" value="disagree" { (say("ballot-disagree")) }
                    button.secondary type="submit" name="vote" value="pass" { (say("ballot-pass")) }
                }
            }
        } @else {
            p #ballot-done { (say("ballot-all-answered")) }
        }
        p.muted #progress { (text_with(locale, "ballot-progress", &progress)) }
        @if ballot.accepts_statements {
            details {
                summary { (say("ballot-propose")) }
                form.stack method="post" action=(place.propose_action) {
                    input type="hidden" name="csrf" value=(place.csrf);
                    label { (say("ballot-propose-label")) textarea name="text" maxlength="280" dir="auto" required {} }
                    button type="submit" { (say("ballot-propose-submit")) }
                }
                p.muted { (say("ballot-propose-note")) }
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
    let (page_path, action, propose_action) =
        (format!("{path}/vote"), format!("{path}/vote"), format!("{path}/proposals"));
    let csrf = user.csrf();
    let place = BallotPlace { page: &page_path, action: &action, propose_action: &propose_action, csrf: &csrf };
    Ok(page(&ballot.title.clone(), &user, ballot_markup(user.locale, &ballot, &place, None)))
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
    let (page_path, action, propose_action) =
        (format!("{path}/vote"), format!("{path}/vote"), format!("{path}/proposals"));
    let csrf = user.csrf();
    let place = BallotPlace { page: &page_path, action: &action, propose_action: &propose_action, csrf: &csrf };
    let thanks = text(user.locale, "ballot-proposal-thanks");
    Ok(page(&ballot.title.clone(), &user, ballot_markup(user.locale, &ballot, &place, Some(&thanks))))
}
