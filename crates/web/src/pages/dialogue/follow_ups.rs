//! Follow-ups: commitments by round, and those due before the next.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use serde::Deserialize;
use tracktwo_domain::dialogue::FollowUp;
use tracktwo_domain::{FollowUpId, Operation, RoundId};

use super::process_nav;
use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, ItemPath, Visit, parse_id, posted_forms};
use crate::forms::{date_text, optional_date};
use crate::pages::layout::page;

pub async fn follow_ups(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
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
        "Follow-ups",
        &user,
        html! {
            (process_nav(id, &may))
            h1 { "Follow-ups" }
            h2 { "Due before the next round" }
            @if due.is_empty() { p.muted { "Nothing open from the latest round." } }
            ul #due { @for (_, f) in &due { li { (f.commitment) @if !f.owner.is_empty() { " — " (f.owner) } @if let Some(d) = f.due_on { " (due " (date_text(d)) ")" } @if f.carried_forward { " " span.tag { "carried forward" } } } } }
            h2 { "All" }
            table #follow-ups {
                thead { tr { th scope="col" { "Round" } th scope="col" { "Commitment" } th scope="col" { "Owner" } th scope="col" { "Due" } th scope="col" { "Done" } } }
                tbody {
                    @for (follow_up_id, f) in &list {
                        tr {
                            td { (round_number(f.round)) }
                            td { (f.commitment) @if f.carried_forward { " " span.tag { "carried forward" } } }
                            td { (f.owner) }
                            td { (f.due_on.map(date_text).unwrap_or_default()) }
                            td {
                                @if may_write {
                                    form method="post" action={ "/initiatives/" (id) "/follow-ups/" (follow_up_id) } {
                                        input type="hidden" name="csrf" value=(user.csrf());
                                        input type="hidden" name="done" value=(if f.done { "no" } else { "yes" });
                                        button.link type="submit" { @if f.done { "Reopen" } @else { "Mark done" } }
                                    }
                                } @else if f.done { "yes" }
                            }
                        }
                    }
                }
            }
            @if may_write && !overview.rounds.is_empty() {
                h2 { "Add a follow-up" }
                form.stack method="post" action={ "/initiatives/" (id) "/follow-ups" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "Round" select name="round" { @for (r, round, _) in overview.rounds.iter().rev() { option value=(r) { "Round " (round.number) ": " (round.title) } } } }
                    label { "Commitment" textarea name="commitment" required {} }
                    label { "Owner (a team member or a speaker code)" input name="owner"; }
                    label { "Due on" input type="date" name="due_on"; }
                    label.check { input type="checkbox" name="carried_forward" value="yes"; "An issue carried forward to the next round" }
                    button type="submit" { "Add follow-up" }
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
