//! Follow-ups: commitments by round, and those due before the next.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use serde::Deserialize;
use tracktwo_domain::dialogue::FollowUp;
use tracktwo_domain::{FollowUpId, Operation, RoundId};

use super::process_nav;
use tracktwo_i18n::{Arg, text, text_with};

use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, ItemPath, Visit, parse_id, posted_forms};
use crate::forms::{optional_date, shown_date};
use crate::pages::layout::page;

pub async fn follow_ups(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let list = state.app.follow_ups(&user.identity, id).await?;
    let overview = state.app.process_overview(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let may_write = may.allows(Operation::WriteProcess);
    let round_number =
        |r: RoundId| overview.rounds.iter().find(|(id, _, _)| *id == r).map_or(0, |(_, round, _)| round.number);
    let latest = overview.rounds.iter().map(|(_, r, _)| r.number).max().unwrap_or(0);
    let due: Vec<&(FollowUpId, FollowUp)> =
        list.iter().filter(|(_, f)| !f.done && round_number(f.round) == latest).collect();
    Ok(page(
        &say("dialogue-follow-ups"),
        &user,
        html! {
            (process_nav(user.locale, id, &may))
            h1 { (say("dialogue-follow-ups")) }
            h2 { (say("dialogue-due-before-the-next")) }
            @if due.is_empty() { p.muted { (say("dialogue-nothing-open-from-the")) } }
            ul #due { @for (_, f) in &due { li { span dir="auto" { (f.commitment) } @if !f.owner.is_empty() { " — " bdi { (f.owner) } } @if let Some(d) = f.due_on { " " (text_with(locale, "dialogue-due-on-date", &[("date", Arg::Text(&locale.date(d)))])) } @if f.carried_forward { " " span.tag { (say("dialogue-carried-forward")) } } } } }
            h2 { (say("dialogue-all")) }
            div.scroll tabindex="0" role="region" aria-label=(say("dialogue-all")) { table #follow-ups {
                thead { tr { th scope="col" { (say("dialogue-round")) } th scope="col" { (say("dialogue-commitment")) } th scope="col" { (say("dialogue-owner")) } th scope="col" { (say("dialogue-due-2")) } th scope="col" { (say("dialogue-done")) } } }
                tbody {
                    @for (follow_up_id, f) in &list {
                        tr {
                            td { (round_number(f.round)) }
                            td { span dir="auto" { (f.commitment) } @if f.carried_forward { " " span.tag { (say("dialogue-carried-forward")) } } }
                            td dir="auto" { (f.owner) }
                            td { @if let Some(d) = f.due_on { (shown_date(locale, d)) } }
                            td {
                                @if may_write {
                                    form method="post" action={ "/initiatives/" (id) "/follow-ups/" (follow_up_id) } {
                                        input type="hidden" name="csrf" value=(user.csrf());
                                        input type="hidden" name="done" value=(if f.done { "no" } else { "yes" });
                                        button.link type="submit" { @if f.done { (say("dialogue-reopen")) } @else { (say("dialogue-mark-done")) } }
                                    }
                                } @else if f.done { (say("dialogue-yes")) }
                            }
                        }
                    }
                }
            } }
            @if may_write && !overview.rounds.is_empty() {
                h2 { (say("dialogue-add-a-follow-up")) }
                form.stack method="post" action={ "/initiatives/" (id) "/follow-ups" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("dialogue-round")) select name="round" { @for (r, round, _) in overview.rounds.iter().rev() { option value=(r) { (text_with(locale, "dialogue-round-option", &[("number", Arg::count(round.number)), ("title", Arg::Text(&round.title))])) } } } }
                    label { (say("dialogue-commitment")) textarea name="commitment" dir="auto" required {} }
                    label { (say("dialogue-owner-a-team-member")) input name="owner" dir="auto"; }
                    label { (say("dialogue-due-on")) input type="date" name="due_on"; }
                    label.check { input type="checkbox" name="carried_forward" value="yes"; (say("dialogue-an-issue-carried-forward")) }
                    button type="submit" { (say("dialogue-add-follow-up")) }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct FollowUpForm {
    #[serde(default)]
    csrf: String,
    round: String,
    commitment: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due_on: String,
    #[serde(default)]
    carried_forward: String,
}

pub async fn add_follow_up(
    CsrfForm(state, user, InitiativePath(id), form): CsrfForm<FollowUpForm, InitiativePath>,
) -> PageResult {
    let follow_up = FollowUp {
        round: parse_id(&form.round)?,
        commitment: form.commitment.trim().to_owned(),
        owner: form.owner.trim().to_owned(),
        due_on: optional_date("due on", &form.due_on)?,
        carried_forward: !form.carried_forward.is_empty(),
        done: false,
    };
    state.app.add_follow_up(&user.identity, id, follow_up).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/follow-ups")).into_response())
}

#[derive(Deserialize)]
pub struct DoneForm {
    #[serde(default)]
    csrf: String,
    done: String,
}

pub async fn set_follow_up(
    CsrfForm(state, user, ItemPath(id, follow_up), form): CsrfForm<DoneForm, ItemPath<FollowUpId>>,
) -> PageResult {
    state.app.set_follow_up_done(&user.identity, id, follow_up, form.done == "yes").await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/follow-ups")).into_response())
}

posted_forms!(FollowUpForm, DoneForm);
