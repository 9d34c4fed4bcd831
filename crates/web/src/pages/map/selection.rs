//! Participant selection under the initiative's risk ceiling, each choice explained.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use serde::Deserialize;
use tracktwo_app::AppError;
use tracktwo_app::map::SelectionSpec;
use tracktwo_domain::Operation;
use tracktwo_domain::map::{Level, RiskCeiling, Track};

use super::map_nav;
use tracktwo_i18n::{Arg, text, text_with};

use super::side_name;
use crate::extract::{CsrfForm, InitiativePath, QueryVisit, posted_forms};
use crate::forms::{date_text, invalid, optional_date};
use crate::pages::layout::page;
use crate::pages::{findings, words};
use crate::{PageError, PageResult};

pub async fn selection(
    QueryVisit(state, user, fields, InitiativePath(id)): QueryVisit<Vec<(String, String)>, InitiativePath>,
) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    // The form alone is refused as the selection itself would be.
    let may = state.app.permissions(&user.identity, id, Operation::SelectParticipants).await?;
    let get = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_owned());
    let run = get("invitees").is_some();
    let number = |name: &'static str, default: u32, max: u32| -> Result<u32, PageError> {
        match get(name).filter(|v| !v.is_empty()) {
            None => Ok(default),
            Some(v) => {
                v.parse::<u32>().ok().filter(|n| *n <= max).ok_or_else(|| invalid(name, "is not a number in range"))
            }
        }
    };
    let invitees = number("invitees", 12, 200)?;
    let ceiling = state.app.risk_ceiling(&user.identity, id).await?;
    let as_of = optional_date("as of", &get("as_of").unwrap_or_default())?.unwrap_or_else(|| state.app.today());
    let mut needed_tracks: Vec<Track> = Vec::new();
    for (_, v) in fields.iter().filter(|(k, _)| k == "track") {
        needed_tracks.push(Track::parse(v).map_err(AppError::Invalid)?);
    }
    let mut needed_levels: Vec<Level> = Vec::new();
    for (_, v) in fields.iter().filter(|(k, _)| k == "level") {
        needed_levels.push(Level::parse(v).map_err(AppError::Invalid)?);
    }
    if !run {
        needed_tracks = Track::ALL.to_vec();
        needed_levels = vec![Level::MiddleRange];
    }
    let spec = SelectionSpec {
        candidates: Vec::new(),
        invitees: invitees as usize,
        needed_tracks: needed_tracks.clone(),
        needed_levels: needed_levels.clone(),
        as_of,
    };
    // The form alone needs no selection; a run is audited in the core.
    let result = if run { Some(state.app.select_participants(&user.identity, id, &spec).await?) } else { None };
    Ok(page(
        &say("map-participant-selection"),
        &user,
        html! {
            (map_nav(locale, id, &may))
            h1 { (say("map-participant-selection")) }
            p.muted { (say("map-chooses-invitees-from-the")) }
            p #ceiling { (text_with(locale, "map-risk-ceiling-values", &[("person", Arg::count(ceiling.per_person)), ("group", Arg::count(ceiling.group))])) " "
                span.muted { (say("map-set-by-the-convener")) } }
            @if may.allows(Operation::SetRiskCeiling) {
                details {
                    summary { (say("map-change-the-risk-ceiling")) }
                    form.stack method="post" action={ "/initiatives/" (id) "/map/selection/ceiling" } {
                        input type="hidden" name="csrf" value=(user.csrf());
                        label { (say("map-highest-risk-for-one")) input type="number" name="per_person" min="0" max="10" value=(ceiling.per_person) required; }
                        label { (say("map-highest-summed-risk-for")) input type="number" name="group" min="0" max="2000" value=(ceiling.group) required; }
                        button type="submit" { (say("map-set-the-ceiling")) }
                    }
                }
            }
            @if !may.allows(Operation::ReadRegistry) {
                p.muted { (say("map-whoever-cannot-be-invited")) }
            }
            form.stack method="get" action={ "/initiatives/" (id) "/map/selection" } {
                label { (say("map-invitees")) input type="number" name="invitees" min="1" max="200" value=(invitees); }
                label { (say("map-map-as-of")) input type="date" name="as_of" value=(date_text(as_of)); }
                fieldset { legend { (say("map-tracks-each-side-should")) }
                    @for t in Track::ALL { label.check { input type="checkbox" name="track" value=(t.number()) checked[needed_tracks.contains(&t)]; (t.number()) ". " (words::of(locale, t)) } }
                }
                fieldset { legend { (say("map-levels-each-side-should")) }
                    @for l in Level::ALL { label.check { input type="checkbox" name="level" value=(l.as_str()) checked[needed_levels.contains(l)]; (words::of(locale, l)) } }
                }
                button type="submit" { (say("map-select")) }
            }
            @if let Some((map, report)) = &result {
                h2 { (say("map-invitees")) }
                @if report.chosen.is_empty() { p { (say("map-no-one-could-be")) } }
                ol #invitees {
                    @for invitee in &report.chosen {
                        li {
                            strong dir="auto" { (map.label(invitee.actor)) } " (" bdi { (side_name(locale, map, map.actor(invitee.actor).and_then(|a| a.details.side))) } "): "
                            span.reason { (findings::chosen_because(locale, map, &invitee.because)) }
                        }
                    }
                }
                @if !report.unmet_needs.is_empty() {
                    h2 { (say("map-needs-no-invitee-meets")) }
                    ul #unmet { @for (side, need) in &report.unmet_needs { li { bdi { (side) } ": " (findings::need(locale, *need)) } } }
                }
                @if !report.excluded.is_empty() {
                    h2 { (say("map-not-considered")) }
                    ul #excluded { @for e in &report.excluded { li { bdi { (map.label(e.actor)) } ": " (findings::exclusion(locale, e.reason)) } } }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct CeilingForm {
    #[serde(default)]
    csrf: String,
    per_person: String,
    group: String,
}

pub async fn set_ceiling(
    CsrfForm(state, user, InitiativePath(id), form): CsrfForm<CeilingForm, InitiativePath>,
) -> PageResult {
    let ceiling = RiskCeiling {
        per_person: form
            .per_person
            .trim()
            .parse()
            .map_err(|_| invalid("risk ceiling per person", "must be from 0 to 10"))?,
        group: form
            .group
            .trim()
            .parse()
            .map_err(|_| invalid("risk ceiling for the group", "must be from 0 to 2000"))?,
    };
    state.app.set_risk_ceiling(&user.identity, id, ceiling).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/map/selection")).into_response())
}

posted_forms!(CeilingForm);
