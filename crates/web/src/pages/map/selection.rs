//! Participant selection under the initiative's risk ceiling, each choice explained.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use serde::Deserialize;
use tracktwo_app::AppError;
use tracktwo_app::map::SelectionSpec;
use tracktwo_domain::Operation;
use tracktwo_domain::map::{Level, RiskCeiling, Track};

use super::map_nav;
use crate::extract::{CsrfForm, InitiativePath, QueryVisit, posted_forms};
use crate::forms::{date_text, invalid, optional_date};
use crate::pages::layout::page;
use crate::{PageError, PageResult};

pub async fn selection(
    QueryVisit(state, user, fields, InitiativePath(id)): QueryVisit<Vec<(String, String)>, InitiativePath>,
) -> PageResult {
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
        "Participant selection",
        &user,
        html! {
            (map_nav(id, &may))
            h1 { "Participant selection" }
            p.muted { "Chooses invitees from the people on a side who consented to be contacted: sides kept within one of each other, the tracks and levels below covered, the best access to Track One decision-makers, under the initiative's risk ceiling. Each choice says why." }
            p #ceiling { "Risk ceiling: " strong { (ceiling.per_person) } " for one person (of 10), " strong { (ceiling.group) } " for the group. "
                span.muted { "Set by the convener or operations for every selection here." } }
            @if may.allows(Operation::SetRiskCeiling) {
                details {
                    summary { "Change the risk ceiling" }
                    form.stack method="post" action={ "/initiatives/" (id) "/map/selection/ceiling" } {
                        input type="hidden" name="csrf" value=(user.csrf());
                        label { "Highest risk for one person (0–10)" input type="number" name="per_person" min="0" max="10" value=(ceiling.per_person) required; }
                        label { "Highest summed risk for the group" input type="number" name="group" min="0" max="2000" value=(ceiling.group) required; }
                        button type="submit" { "Set the ceiling" }
                    }
                }
            }
            @if !may.allows(Operation::ReadRegistry) {
                p.muted { "Whoever cannot be invited is listed as not available: why is for the convener and operations, who keep the registry." }
            }
            form.stack method="get" action={ "/initiatives/" (id) "/map/selection" } {
                label { "Invitees" input type="number" name="invitees" min="1" max="200" value=(invitees); }
                label { "Map as of" input type="date" name="as_of" value=(date_text(as_of)); }
                fieldset { legend { "Tracks each side should bring" }
                    @for t in Track::ALL { label.check { input type="checkbox" name="track" value=(t.number()) checked[needed_tracks.contains(&t)]; (t.number()) ". " (t.label()) } }
                }
                fieldset { legend { "Levels each side should bring" }
                    @for l in Level::ALL { label.check { input type="checkbox" name="level" value=(l.as_str()) checked[needed_levels.contains(l)]; (l.label()) } }
                }
                button type="submit" { "Select" }
            }
            @if let Some((map, report)) = &result {
                h2 { "Invitees" }
                @if report.chosen.is_empty() { p { "No one could be chosen under these constraints." } }
                ol #invitees {
                    @for invitee in &report.chosen {
                        li {
                            strong { (map.label(invitee.actor)) } " (" (map.side_name(map.actor(invitee.actor).and_then(|a| a.details.side))) "): "
                            span.reason { (invitee.explanation) }
                        }
                    }
                }
                @if !report.unmet.is_empty() {
                    h2 { "Needs no invitee meets" }
                    ul #unmet { @for need in &report.unmet { li { (need) } } }
                }
                @if !report.excluded.is_empty() {
                    h2 { "Not considered" }
                    ul #excluded { @for e in &report.excluded { li { (map.label(e.actor)) ": " (e.reason) } } }
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
