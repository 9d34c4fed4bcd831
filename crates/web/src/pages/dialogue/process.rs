//! The process design and the rounds, with their meetings.

use std::collections::BTreeSet;

use axum::response::{IntoResponse, Redirect};
use maud::html;
use serde::Deserialize;
use tracktwo_app::AppError;
use tracktwo_domain::dialogue::{
    AgendaItem, ConfidentialityMode, Grant, Meeting, Methodology, Phase, ProcessDesign, ProcessKind, Round, Session,
    TheoryOfChange,
};
use tracktwo_domain::{Operation, Scope};

use super::{lines, process_nav, stage_text};
use tracktwo_i18n::{Arg, text, text_with};

use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, Visit, parse_id, posted_forms};
use crate::forms::{date_text, invalid, optional_date, shown_date};
use crate::pages::layout::page;
use crate::pages::words;

pub async fn process(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let overview = state.app.process_overview(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let sides = state.app.sides(&user.identity, id).await?;
    let may_write = may.allows(Operation::WriteProcess);
    let design = overview.design.as_ref();
    let methodology = design.map(|d| d.methodology);
    let today = state.app.today();
    let awaiting = state.app.rounds_awaiting_reflection(&user.identity, id).await?;
    Ok(page(
        &say("dialogue-process-and-rounds"),
        &user,
        html! {
            (process_nav(user.locale, id, &may))
            h1 { (say("dialogue-process-and-rounds")) }
            (crate::pages::outcomes::theory::reflection_prompt(user.locale, id, &awaiting))
            @if let Some(d) = design {
                dl.facts #design {
                    dt { (say("dialogue-kind")) } dd { (words::of(locale, d.kind)) }
                    dt { (say("dialogue-methodology")) } dd { (words::of(locale, d.methodology)) }
                    dt { (say("dialogue-phase")) } dd { (words::of(locale, d.phase)) }
                    @if !d.theory_of_change.if_we.is_empty() {
                        dt { (say("dialogue-theory-of-change")) }
                        dd { (text_with(locale, "dialogue-theory", &[("if", Arg::Text(&d.theory_of_change.if_we)), ("then", Arg::Text(&d.theory_of_change.then)), ("because", Arg::Text(&d.theory_of_change.because))])) }
                    }
                    @if !d.theory_of_change.assumptions.is_empty() {
                        dt { (say("dialogue-assumptions")) } dd { ul { @for a in &d.theory_of_change.assumptions { li { span dir="auto" { (a) } } } } }
                    }
                    @if !d.locales.is_empty() { dt { (say("dialogue-locales")) } dd dir="auto" { (d.locales.join("; ")) } }
                    @for g in &d.grants {
                        dt { (say("dialogue-grant")) } dd dir="auto" { (g.funder) @if !g.reference.is_empty() { " (" (g.reference) ")" } @if !g.restrictions.is_empty() { " — " (g.restrictions) } }
                    }
                }
            } @else {
                p.muted { (say("dialogue-the-process-has-not")) }
            }
            h2 { (say("dialogue-rounds")) }
            @if overview.rounds.is_empty() { p.muted { (say("dialogue-no-rounds-yet")) } }
            @for (round_id, round, meetings) in &overview.rounds {
                section.round {
                    @let heading = text_with(locale, "dialogue-round-option", &[("number", Arg::count(round.number)), ("title", Arg::Text(&round.title))]);
                    h3 { (heading) }
                    @if meetings.is_empty() { p.muted { (say("dialogue-no-meetings")) } }
                    div.scroll tabindex="0" role="region" aria-label=(heading) { table.meetings {
                        thead { tr { th scope="col" { (say("dialogue-meeting")) } th scope="col" { (say("dialogue-date")) } th scope="col" { (say("dialogue-mode")) } th scope="col" { (say("dialogue-stage-reached")) } } }
                        tbody {
                            @for (meeting_id, m) in meetings {
                                tr {
                                    td { a href={ "/initiatives/" (id) "/meetings/" (meeting_id) } dir="auto" { (m.title) } }
                                    td { (shown_date(locale, m.starts_on)) }
                                    td { span.tag { (words::of(locale, m.mode)) } }
                                    td.stage { (stage_text(user.locale, methodology, m.stage_reached)) }
                                }
                            }
                        }
                    } }
                    @if may_write {
                        details {
                            summary { (text_with(locale, "dialogue-add-meeting-to-round", &[("number", Arg::count(round.number))])) }
                            form.stack method="post" action={ "/initiatives/" (id) "/meetings" } {
                                input type="hidden" name="csrf" value=(user.csrf());
                                input type="hidden" name="round" value=(round_id);
                                label { (say("dialogue-title")) input name="title" dir="auto" required; }
                                label { (say("dialogue-starts-on")) input type="date" name="starts_on" required value=(date_text(today)); }
                                label { (say("dialogue-ends-on")) input type="date" name="ends_on"; }
                                label { (say("dialogue-venue")) input name="venue" dir="auto"; }
                                label { (say("dialogue-confidentiality-mode"))
                                    select name="mode" { @for m in ConfidentialityMode::ALL { option value=(m.as_str()) selected[*m == ConfidentialityMode::ChathamHouse] { (words::of(locale, m)) } } }
                                }
                                p.muted { (say("dialogue-the-agenda-starts-from")) }
                                button type="submit" { (say("dialogue-add-meeting")) }
                            }
                        }
                    }
                }
            }
            @if may_write {
                h2 { (say("dialogue-add-a-round")) }
                form.stack method="post" action={ "/initiatives/" (id) "/rounds" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("dialogue-number")) input type="number" name="number" min="1" required value=(overview.rounds.len() + 1); }
                    label { (say("dialogue-title")) input name="title" dir="auto" required; }
                    label { (say("dialogue-starts-on")) input type="date" name="starts_on"; }
                    label { (say("dialogue-ends-on")) input type="date" name="ends_on"; }
                    button type="submit" { (say("dialogue-add-round")) }
                }
                h2 { (say("dialogue-design")) }
                form.stack method="post" action={ "/initiatives/" (id) "/process" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("dialogue-kind")) select name="kind" { @for k in ProcessKind::ALL { option value=(k.as_str()) selected[design.is_some_and(|d| d.kind == *k)] { (words::of(locale, k)) } } } }
                    label { (say("dialogue-methodology")) select name="methodology" { @for m in Methodology::ALL { option value=(m.as_str()) selected[methodology == Some(*m)] { (words::of(locale, m)) } } } }
                    label { (say("dialogue-phase")) select name="phase" { @for p in Phase::ALL { option value=(p.as_str()) selected[design.is_some_and(|d| d.phase == *p)] { (words::of(locale, p)) } } } }
                    label { (say("dialogue-if-we")) textarea name="if_we" dir="auto" { (design.map(|d| d.theory_of_change.if_we.clone()).unwrap_or_default()) } }
                    label { (say("dialogue-then-2")) textarea name="then" dir="auto" { (design.map(|d| d.theory_of_change.then.clone()).unwrap_or_default()) } }
                    label { (say("dialogue-because-2")) textarea name="because" dir="auto" { (design.map(|d| d.theory_of_change.because.clone()).unwrap_or_default()) } }
                    label { (say("dialogue-assumptions-one-a-line")) textarea name="assumptions" dir="auto" { (design.map(|d| d.theory_of_change.assumptions.join("\n")).unwrap_or_default()) } }
                    label { (say("dialogue-locales-one-a-line")) textarea name="locales" dir="auto" { (design.map(|d| d.locales.join("\n")).unwrap_or_default()) } }
                    label { (say("dialogue-grants-one-a-line")) textarea name="grants" dir="auto" {
                        (design.map(|d| d.grants.iter().map(|g| format!("{} | {} | {}", g.funder, g.reference, g.restrictions)).collect::<Vec<_>>().join("\n")).unwrap_or_default())
                    } }
                    button type="submit" { (say("dialogue-save-design")) }
                }
            }
            @if sides.is_empty() && may_write { p.muted { (say("dialogue-add-the-sides-on")) } }
        },
    ))
}

#[derive(Deserialize)]
pub struct DesignForm {
    #[serde(default)]
    csrf: String,
    kind: String,
    methodology: String,
    phase: String,
    #[serde(default)]
    if_we: String,
    #[serde(default)]
    then: String,
    #[serde(default)]
    because: String,
    #[serde(default)]
    assumptions: String,
    #[serde(default)]
    locales: String,
    #[serde(default)]
    grants: String,
}

pub async fn save_design(
    CsrfForm(state, user, InitiativePath(id), form): CsrfForm<DesignForm, InitiativePath>,
) -> PageResult {
    let grants = lines(&form.grants)
        .into_iter()
        .map(|line| {
            let mut parts = line.splitn(3, '|').map(str::trim);
            Grant {
                funder: parts.next().unwrap_or_default().to_owned(),
                reference: parts.next().unwrap_or_default().to_owned(),
                restrictions: parts.next().unwrap_or_default().to_owned(),
            }
        })
        .collect();
    let design = ProcessDesign {
        kind: ProcessKind::parse(&form.kind).map_err(AppError::Invalid)?,
        methodology: Methodology::parse(&form.methodology).map_err(AppError::Invalid)?,
        phase: Phase::parse(&form.phase).map_err(AppError::Invalid)?,
        theory_of_change: TheoryOfChange {
            if_we: form.if_we.trim().to_owned(),
            then: form.then.trim().to_owned(),
            because: form.because.trim().to_owned(),
            assumptions: lines(&form.assumptions),
        },
        locales: lines(&form.locales),
        grants,
    };
    state.app.set_process_design(&user.identity, id, design).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/process")).into_response())
}

#[derive(Deserialize)]
pub struct RoundForm {
    #[serde(default)]
    csrf: String,
    number: String,
    title: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
}

pub async fn add_round(
    CsrfForm(state, user, InitiativePath(id), form): CsrfForm<RoundForm, InitiativePath>,
) -> PageResult {
    let round = Round {
        number: form.number.trim().parse().map_err(|_| invalid("round number", "must be a whole number"))?,
        title: form.title.trim().to_owned(),
        starts_on: optional_date("starts on", &form.starts_on)?,
        ends_on: optional_date("ends on", &form.ends_on)?,
    };
    state.app.add_round(&user.identity, id, round).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/process")).into_response())
}

#[derive(Deserialize)]
pub struct MeetingForm {
    #[serde(default)]
    csrf: String,
    round: String,
    title: String,
    starts_on: String,
    #[serde(default)]
    ends_on: String,
    #[serde(default)]
    venue: String,
    mode: String,
}

pub async fn add_meeting(
    CsrfForm(state, user, InitiativePath(id), form): CsrfForm<MeetingForm, InitiativePath>,
) -> PageResult {
    let mode = ConfidentialityMode::parse(&form.mode).map_err(AppError::Invalid)?;
    let methodology = state.app.process_design(&user.identity, id).await?.map(|d| d.methodology);
    let sides = state.app.sides(&user.identity, id).await?;
    let mut sessions = vec![Session { title: "Plenary".into(), scope: Scope::Plenary, mode }];
    sessions.extend(sides.iter().map(|s| Session {
        title: format!("Caucus: {}", s.name),
        scope: Scope::Caucus(s.id),
        mode,
    }));
    let meeting = Meeting {
        round: parse_id(&form.round)?,
        title: form.title.trim().to_owned(),
        starts_on: optional_date("starts on", &form.starts_on)?.ok_or_else(|| invalid("starts on", "is required"))?,
        ends_on: optional_date("ends on", &form.ends_on)?,
        venue: form.venue.trim().to_owned(),
        mode,
        sessions,
        attendance: Vec::new(),
        agenda: methodology
            .map(|m| m.template().iter().map(|t| AgendaItem { title: (*t).to_owned(), done: false }).collect())
            .unwrap_or_default(),
        stage_reached: None,
        cleared: BTreeSet::new(),
    };
    let meeting_id = state.app.add_meeting(&user.identity, id, meeting).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/meetings/{meeting_id}")).into_response())
}

posted_forms!(DesignForm, RoundForm, MeetingForm);
