//! One outcome, as the reader may see it: whole for the team, with its substantiations; cleared
//! of every name for a reader outside the team (the evaluator included). The form to
//! substantiate it and the workflow's buttons go to whoever the policy lets use them, whichever
//! view they read.

use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_app::Permissions;
use tracktwo_app::outcomes::OutcomeView;
use tracktwo_domain::outcomes::{OutcomeState, Substantiation, Verdict};
use tracktwo_domain::{Operation, OutcomeId, UserId};
use tracktwo_i18n::{Arg, Locale, text, text_with};

use super::{cell, change_type, class, criterion, layer, nav, outcome_path, parse, state, valence, verdict};
use crate::PageResult;
use crate::extract::{CsrfForm, ItemPath, Visit, posted_forms};
use crate::forms::{date_text, invalid, optional_date, shown_date};
use crate::pages::layout::page;
use crate::session::SignedIn;

fn criteria_list(
    locale: Locale,
    criteria: &std::collections::BTreeSet<tracktwo_domain::outcomes::Criterion>,
) -> Markup {
    html! { ul #criteria { @for c in criteria { li { (criterion(locale, *c)) } } } }
}

pub async fn outcome(Visit(state_, user, ItemPath(id, outcome_id)): Visit<ItemPath<OutcomeId>>) -> PageResult {
    let locale = user.locale;
    let say = |key: &str| text(locale, key);
    let view = state_.app.outcome(&user.identity, id, outcome_id).await?;
    let may = state_.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let path = outcome_path(id, outcome_id);
    let body = match &view {
        OutcomeView::Full { outcome: o, substantiations } => html! {
            h1 dir="auto" { (o.change.what) }
            p #outcome-state { strong { (say("outcomes-col-state")) ": " } (state(locale, o.state)) }
            dl {
                dt { (say("outcome-who")) }
                dd #social-actor dir="auto" { (o.social_actor.who) @if !o.social_actor.description.is_empty() { " — " (o.social_actor.description) } }
                dt { (say("outcome-when-where")) } dd { (shown_date(locale, o.change.on)) @if !o.change.place.is_empty() { " · " span dir="auto" { (o.change.place) } } }
                dt { (say("outcome-type")) } dd { (change_type(locale, o.change_type)) " · "
                    (if o.intended { say("harvest-intended") } else { say("harvest-unintended") }) " · " (valence(locale, o.valence)) }
                dt { (say("harvest-significance")) } dd dir="auto" { (o.significance) }
                dt { (say("harvest-contribution")) } dd dir="auto" { (o.contribution.story) br;
                    span.muted { (text_with(locale, "outcome-linked", &[("count", Arg::count(o.contribution.linked()))])) } }
                dt { (say("outcomes-col-layer")) } dd #outcome-layer { (layer(locale, o.layer)) }
                dt { (say("outcomes-col-cell")) } dd #outcome-cell { (cell(locale, o.rpp)) }
                dt { (say("outcome-class")) } dd { (class(locale, o.confidentiality)) }
                dt { (say("outcome-sources")) } dd { ul { @for s in &o.sources { li { bdi { (s.name) } @if !s.basis.is_empty() { " — " span dir="auto" { (s.basis) } } } } } }
            }
            p.muted { (text_with(locale, "outcome-harvested", &[("date", Arg::Text(&locale.date(o.harvested_on)))])) }
            h2 { (say("outcome-criteria")) } (criteria_list(locale, &o.criteria))
            h2 { (say("outcome-substantiations")) }
            @if substantiations.is_empty() { p #no-substantiation { (say("outcome-no-substantiation")) } }
            @else { div.scroll tabindex="0" role="region" aria-label=(say("outcome-substantiations")) { table #substantiations { tbody { @for s in substantiations { tr {
                td dir="auto" { (s.name) } td { (verdict(locale, s.verdict)) } td { (shown_date(locale, s.on)) } td dir="auto" { (s.comment) }
            } } } } } }
            (workflow(locale, &user, &path, o.state, &may, state_.app.today()))
        },
        OutcomeView::Cleared(c) => html! {
            h1 dir="auto" { (c.what) }
            p.muted #cleared-note { (say("outcomes-cleared-note")) }
            p #outcome-state { strong { (say("outcomes-col-state")) ": " } (state(locale, c.state)) }
            dl {
                @if !c.actor_description.is_empty() { dt { (say("outcome-who")) } dd #social-actor dir="auto" { (c.actor_description) } }
                dt { (say("outcome-when-where")) } dd { (shown_date(locale, c.on)) @if !c.place.is_empty() { " · " span dir="auto" { (c.place) } } }
                dt { (say("outcome-type")) } dd { (change_type(locale, c.change_type)) " · "
                    (if c.intended { say("harvest-intended") } else { say("harvest-unintended") }) " · " (valence(locale, c.valence)) }
                dt { (say("harvest-significance")) } dd dir="auto" { (c.significance) }
                dt { (say("harvest-contribution")) } dd dir="auto" { (c.contribution) br;
                    span.muted { (text_with(locale, "outcome-linked", &[("count", Arg::count(c.linked_records))])) } }
                dt { (say("outcomes-col-layer")) } dd #outcome-layer { (layer(locale, c.layer)) }
                dt { (say("outcomes-col-cell")) } dd #outcome-cell { (cell(locale, c.rpp)) }
                dt { (say("outcome-sources")) } dd { (text_with(locale, "outcome-sources-count", &[("count", Arg::count(c.sources))])) }
                dt { (say("outcome-substantiations")) } dd { (text_with(locale, "outcome-agreeing", &[("count", Arg::count(c.substantiators_agreeing))])) }
            }
            h2 { (say("outcome-criteria")) } (criteria_list(locale, &c.criteria))
            (workflow(locale, &user, &path, c.state, &may, state_.app.today()))
        },
    };
    Ok(page(
        &say("outcome-title"),
        &user,
        html! {
            (nav(locale, id))
            (body)
            p { a href=(super::outcomes_path(id)) { (say("outcomes-back")) } }
        },
    ))
}

/// The substantiation form and the workflow's buttons, for whoever the policy lets use them:
/// the evaluator, who reads the outcome cleared of names, moves it on like the team.
fn workflow(
    locale: Locale,
    user: &SignedIn,
    path: &str,
    outcome_state: OutcomeState,
    may: &Permissions,
    today: time::Date,
) -> Markup {
    let say = |key: &str| text(locale, key);
    html! {
            @if outcome_state != OutcomeState::Reported && may.allows(Operation::SubstantiateOutcome) {
                h2 { (say("substantiate-heading")) }
                p.muted { (say("substantiate-note")) }
                form.stack #substantiate method="post" action={ (path) "/substantiations" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("substantiate-name")) input name="name" required dir="auto"; }
                    label { (say("substantiate-verdict")) select name="verdict" {
                        @for v in Verdict::ALL { option value=(v.as_str()) { (verdict(locale, *v)) } }
                    } }
                    label { (say("substantiate-on")) input type="date" name="on" required value=(date_text(today)); }
                    label { (say("substantiate-comment")) textarea name="comment" dir="auto" {} }
                    button type="submit" { (say("substantiate-submit")) }
                }
            }
            @if outcome_state != OutcomeState::Reported && may.allows(Operation::HarvestOutcome) {
                h2 { (say("workflow-heading")) }
                form #advance method="post" action={ (path) "/advance" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    @if outcome_state == OutcomeState::Draft {
                        button type="submit" name="to" value="substantiated" { (say("workflow-substantiated")) }
                    } @else {
                        button type="submit" name="to" value="reported" { (say("workflow-reported")) }
                    }
                }
            }
    }
}

#[derive(Deserialize)]
pub struct SubstantiationForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    verdict: String,
    #[serde(default)]
    on: String,
    #[serde(default)]
    comment: String,
}

pub async fn substantiate(
    CsrfForm(state, user, ItemPath(id, outcome_id), form): CsrfForm<SubstantiationForm, ItemPath<OutcomeId>>,
) -> PageResult {
    let verdict = parse(&form.verdict, Verdict::parse)?;
    let on = optional_date("on", &form.on)?.ok_or_else(|| invalid("on", "is required"))?;
    let word =
        Substantiation { by: UserId::from_random_bytes([0; 16]), name: form.name, verdict, on, comment: form.comment };
    state.app.substantiate_outcome(&user.identity, id, outcome_id, word).await?;
    Ok(Redirect::to(&outcome_path(id, outcome_id)).into_response())
}

#[derive(Deserialize)]
pub struct AdvanceForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    to: String,
}

pub async fn advance(
    CsrfForm(state, user, ItemPath(id, outcome_id), form): CsrfForm<AdvanceForm, ItemPath<OutcomeId>>,
) -> PageResult {
    let to = parse(&form.to, OutcomeState::parse)?;
    state.app.advance_outcome(&user.identity, id, outcome_id, to).await?;
    Ok(Redirect::to(&outcome_path(id, outcome_id)).into_response())
}

posted_forms!(SubstantiationForm, AdvanceForm);
