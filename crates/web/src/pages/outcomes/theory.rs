//! The theory of change read over time: each assumption with its status history from the team's
//! reflections and the outcomes that support or question it; the reflection form; and the
//! prompt a round that has ended puts on the process pages until a reflection names it.

use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use tracktwo_app::outcomes::RoundAwaitingReflection;
use tracktwo_domain::outcomes::{AssumptionReading, AssumptionStatus, Reflection};
use tracktwo_domain::{InitiativeId, RoundId, UserId};
use tracktwo_i18n::{Arg, Locale, text, text_with};

use super::{assumption_status, nav, outcome_path, parse, theory_path};
use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, Visit, parse_id};
use crate::forms::{Pairs, date_text, field, invalid, optional_date, shown_date};
use crate::pages::layout::page;

/// The prompt for each round that has ended without a reflection, for the process pages.
pub(crate) fn reflection_prompt(
    locale: Locale,
    initiative: InitiativeId,
    waiting: &[RoundAwaitingReflection],
) -> Markup {
    html! {
        @for round in waiting {
            p.notice.reflection-prompt role="status" {
                (text_with(locale, "reflection-prompt", &[("round", Arg::Text(&format!("{} {}", round.number, round.title)))]))
                " " a href=(theory_path(initiative)) { (text(locale, "reflection-prompt-link")) }
            }
        }
    }
}

pub async fn theory(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |key: &str| text(locale, key);
    let review = state.app.theory_review(&user.identity, id).await?;
    let rounds = state.app.process_overview(&user.identity, id).await?.rounds;
    let round_name = |round: Option<RoundId>| {
        round
            .and_then(|r| rounds.iter().find(|(rid, _, _)| *rid == r))
            .map(|(_, r, _)| format!("{} {}", r.number, r.title))
            .unwrap_or_default()
    };
    let today = state.app.today();
    let has_theory = !review.if_we.is_empty() || !review.assumptions.is_empty();
    Ok(page(
        &say("theory-title"),
        &user,
        html! {
            (nav(locale, id))
            h1 { (say("theory-title")) }
            (reflection_prompt(locale, id, &review.awaiting))
            @if has_theory {
                p #theory dir="auto" {
                    strong { (say("theory-if")) } " " (review.if_we) " " strong { (say("theory-then")) } " " (review.then)
                    " " strong { (say("theory-because")) } " " (review.because)
                }
            } @else {
                p { (say("theory-none")) }
            }
            @for (i, a) in review.assumptions.iter().enumerate() {
                section.assumption id={ "assumption-" (i) } {
                    h2 { (text_with(locale, "theory-assumption", &[("number", Arg::count(i + 1))])) }
                    p dir="auto" { (a.assumption) }
                    h3 { (say("theory-history")) }
                    @if a.history.is_empty() { p.muted { (say("theory-no-reading")) } }
                    @else { ol.history { @for (on, status, note) in &a.history {
                        li { (shown_date(locale, *on)) " · " strong { (assumption_status(locale, *status)) } @if !note.is_empty() { " — " span dir="auto" { (note) } } }
                    } } }
                    h3 { (say("theory-supporting")) }
                    @if a.supporting.is_empty() { p.muted { (say("theory-no-evidence")) } }
                    @else { ul.supporting { @for (o, what) in &a.supporting { li { a href=(outcome_path(id, *o)) dir="auto" { (what) } } } } }
                    h3 { (say("theory-questioning")) }
                    @if a.questioning.is_empty() { p.muted { (say("theory-no-evidence")) } }
                    @else { ul.questioning { @for (o, what) in &a.questioning { li { a href=(outcome_path(id, *o)) dir="auto" { (what) } } } } }
                    p.muted { (say("theory-measures-hook")) }
                }
            }
            h2 { (say("reflection-heading")) }
            form.stack #reflect method="post" action={ "/initiatives/" (id) "/reflections" } {
                input type="hidden" name="csrf" value=(user.csrf());
                label { (say("reflection-on")) input type="date" name="on" required value=(date_text(today)); }
                label { (say("reflection-round")) select name="round" {
                    option value="" { (say("reflection-round-none")) }
                    @for (rid, round, _) in &rounds {
                        option value=(rid) dir="auto" selected[review.awaiting.first().is_some_and(|w| w.round == *rid)] { (round.number) " " (round.title) }
                    }
                } }
                @for (i, a) in review.assumptions.iter().enumerate() {
                    fieldset { legend dir="auto" { (text_with(locale, "theory-assumption", &[("number", Arg::count(i + 1))])) ": " (a.assumption) }
                        label { (say("reflection-status")) select name={ "status" (i) } {
                            option value="" { (say("reflection-status-unread")) }
                            @for s in AssumptionStatus::ALL { option value=(s.as_str()) { (assumption_status(locale, *s)) } }
                        } }
                        label { (say("reflection-note")) input name={ "note" (i) } dir="auto"; }
                    }
                }
                label { (say("reflection-general-note")) textarea name="note" dir="auto" {} }
                button type="submit" { (say("reflection-submit")) }
            }
            @if !review.reflections.is_empty() {
                h2 { (say("reflections-heading")) }
                ul #reflections { @for (_, r) in review.reflections.iter().rev() {
                    li { (shown_date(locale, r.on)) @let name = round_name(r.round); @if !name.is_empty() { " · " bdi { (name) } }
                        @if !r.note.is_empty() { " — " span dir="auto" { (r.note) } } }
                } }
            }
        },
    ))
}

pub async fn reflect(CsrfForm(state, user, InitiativePath(id), fields): CsrfForm<Pairs, InitiativePath>) -> PageResult {
    let round = match field(&fields, "round").trim() {
        "" => None,
        r => Some(parse_id::<RoundId>(r)?),
    };
    let mut readings = Vec::new();
    for (key, value) in &fields {
        let Some(index) = key.strip_prefix("status") else { continue };
        if value.trim().is_empty() {
            continue;
        }
        let assumption: u32 = index.parse().map_err(|_| invalid("assumption", "is not known"))?;
        readings.push(AssumptionReading {
            assumption,
            status: parse(value, AssumptionStatus::parse)?,
            note: field(&fields, &format!("note{index}")).trim().to_owned(),
        });
    }
    let reflection = Reflection {
        on: optional_date("on", field(&fields, "on"))?.ok_or_else(|| invalid("on", "is required"))?,
        by: UserId::from_random_bytes([0; 16]),
        round,
        readings,
        note: field(&fields, "note").trim().to_owned(),
    };
    state.app.add_reflection(&user.identity, id, reflection).await?;
    Ok(Redirect::to(&theory_path(id)).into_response())
}
