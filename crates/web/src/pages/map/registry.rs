//! The participant registry: consent, capacity, risk and duty of care, for the convener and
//! operations.

use std::collections::HashSet;

use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_app::AppError;
use tracktwo_domain::map::{ActorKind, Capacity, Consent, ConsentAnswer, RegistryEntry, RiskAssessment};
use tracktwo_domain::{ActorId, Operation};

use super::map_nav;
use tracktwo_i18n::{Arg, Locale, text, text_with};

use crate::extract::{CsrfForm, InitiativePath, ItemPath, Visit, posted_forms};
use crate::forms::{date_text, invalid, optional_date, shown_date};
use crate::pages::layout::page;
use crate::pages::words;
use crate::{PageError, PageResult};

fn consent_cell(locale: Locale, answer: ConsentAnswer) -> String {
    words::of(locale, answer)
}

pub async fn registry(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let (map, mut entries) = state.app.registry(&user.identity, id).await?;
    entries.sort_by_cached_key(|(actor, _)| map.actor(*actor).map(|a| a.details.code_name.clone()));
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let recorded: HashSet<ActorId> = entries.iter().map(|(a, _)| *a).collect();
    let people: Vec<_> = map.actors.iter().filter(|a| a.details.kind == ActorKind::Person).collect();
    Ok(page(
        &say("map-participant-registry"),
        &user,
        html! {
            (map_nav(locale, id, &may))
            h1 { (say("map-participant-registry")) }
            p.muted { (say("map-consent-capacity-risk-and")) }
            div.scroll tabindex="0" role="region" aria-label=(say("map-participant-registry")) {
                table #registry {
                    thead { tr {
                        th scope="col" { (say("map-person")) } th scope="col" { (say("map-capacity")) } th scope="col" { (say("map-contact")) } th scope="col" { (say("map-listed")) }
                        th scope="col" { (say("map-under-code")) } th scope="col" { (say("map-photographed")) } th scope="col" { (say("map-withdrawn")) } th scope="col" { (say("map-risk-0-10")) }
                    } }
                    tbody {
                        @for (actor, entry) in &entries {
                            tr {
                                td { a href={ "/initiatives/" (id) "/registry/" (actor) } dir="auto" { (map.label(*actor)) } }
                                td { (words::of(locale, entry.capacity)) }
                                td { (consent_cell(locale, entry.consent.to_be_contacted)) }
                                td { (consent_cell(locale, entry.consent.to_be_listed)) }
                                td { (consent_cell(locale, entry.consent.to_be_recorded_under_code)) }
                                td { (consent_cell(locale, entry.consent.to_be_photographed)) }
                                td { @if let Some(d) = entry.consent.withdrawn_on { (shown_date(locale, d)) } }
                                td.num { (locale.number(entry.risk.score())) }
                            }
                        }
                    }
                }
            }
            h2 { (say("map-not-yet-in-the")) }
            ul { @for actor in people.iter().filter(|a| !recorded.contains(&a.id)) {
                li { a href={ "/initiatives/" (id) "/registry/" (actor.id) } dir="auto" { (actor.details.display_name()) } }
            } }
        },
    ))
}

fn consent_select(locale: Locale, name: &str, label: &str, current: ConsentAnswer) -> Markup {
    html! {
        label { (label)
            select name=(name) { @for a in ConsentAnswer::ALL { option value=(a.as_str()) selected[*a == current] { (words::of(locale, a)) } } }
        }
    }
}

pub async fn registry_entry(Visit(state, user, ItemPath(id, actor_id)): Visit<ItemPath<ActorId>>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let entry = state.app.registry_entry(&user.identity, id, actor_id).await?;
    let (map, actor) = state.app.actor(&user.identity, id, actor_id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let may_write = may.allows(Operation::WriteRegistry);
    let e = entry.clone().unwrap_or_default();
    Ok(page(
        &say("map-registry-entry"),
        &user,
        html! {
            (map_nav(locale, id, &may))
            h1 { (text_with(locale, "map-registry-of", &[("name", Arg::Text(&actor.details.display_name()))])) }
            @if entry.is_none() { p.muted { (say("map-nothing-recorded-yet")) } }
            p { (say("map-risk-score")) " " strong #risk-score { (e.risk.score()) } " " (say("map-of-10-exposure-at")) }
            p { (say("map-may-be-contacted")) " " strong { @if e.consent.may_contact() { (say("map-yes")) } @else { (say("map-no-2")) } } }
            @if may_write {
                form.stack method="post" action={ "/initiatives/" (id) "/registry/" (actor_id) } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("map-capacity"))
                        select name="capacity" { @for c in Capacity::ALL { option value=(c.as_str()) selected[*c == e.capacity] { (words::of(locale, c)) } } }
                    }
                    fieldset {
                        legend { (say("map-consent")) }
                        (consent_select(locale, "contacted", &say("dialogue-consent-contacted"), e.consent.to_be_contacted))
                        (consent_select(locale, "listed", &say("dialogue-consent-listed"), e.consent.to_be_listed))
                        (consent_select(locale, "recorded_under_code", &say("dialogue-consent-recorded-under-code"), e.consent.to_be_recorded_under_code))
                        (consent_select(locale, "photographed", &say("dialogue-consent-photographed"), e.consent.to_be_photographed))
                        label { (say("map-obtained-on")) input type="date" name="obtained_on" value=(e.consent.obtained_on.map(date_text).unwrap_or_default()); }
                        label { (say("map-how-it-was-obtained")) input name="obtained_how" dir="auto" value=(e.consent.obtained_how); }
                        label { (say("map-withdrawn-on")) input type="date" name="withdrawn_on" value=(e.consent.withdrawn_on.map(date_text).unwrap_or_default()); }
                    }
                    fieldset {
                        legend { (say("map-risk-assessment")) }
                        label { (say("map-exposure-at-home-0")) input type="number" min="0" max="5" name="exposure_at_home" value=(e.risk.exposure_at_home); }
                        label { (say("map-travel-risk-0-5")) input type="number" min="0" max="5" name="travel_risk" value=(e.risk.travel_risk); }
                        label { (say("map-threats")) textarea name="threats" dir="auto" { (e.risk.threats) } }
                    }
                    label { (say("map-duty-of-care")) textarea name="duty_of_care" dir="auto" { (e.duty_of_care) } }
                    label { (say("map-other-names-and-spellings")) textarea name="aliases" dir="auto" { (e.aliases.join("\n")) } }
                    button type="submit" { (say("map-save-registry-entry")) }
                }
            }
            p { a href={ "/initiatives/" (id) "/actors/" (actor_id) } { (text_with(locale, "map-back-to-actor", &[("name", Arg::Text(&map.label(actor_id)))])) } }
        },
    ))
}

#[derive(Deserialize)]
pub struct RegistryForm {
    #[serde(default)]
    csrf: String,
    capacity: String,
    contacted: String,
    listed: String,
    recorded_under_code: String,
    photographed: String,
    #[serde(default)]
    obtained_on: String,
    #[serde(default)]
    obtained_how: String,
    #[serde(default)]
    withdrawn_on: String,
    #[serde(default)]
    exposure_at_home: String,
    #[serde(default)]
    travel_risk: String,
    #[serde(default)]
    threats: String,
    #[serde(default)]
    duty_of_care: String,
    #[serde(default)]
    aliases: String,
}

fn score(field: &'static str, text: &str) -> Result<u8, PageError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(0);
    }
    text.parse::<u8>().ok().filter(|v| *v <= 5).ok_or_else(|| invalid(field, "must be from 0 to 5"))
}

pub async fn save_registry_entry(
    CsrfForm(state, user, ItemPath(id, actor), form): CsrfForm<RegistryForm, ItemPath<ActorId>>,
) -> PageResult {
    let answer = |text: &str| ConsentAnswer::parse(text).map_err(AppError::Invalid);
    let entry = RegistryEntry {
        consent: Consent {
            to_be_contacted: answer(&form.contacted)?,
            to_be_listed: answer(&form.listed)?,
            to_be_recorded_under_code: answer(&form.recorded_under_code)?,
            to_be_photographed: answer(&form.photographed)?,
            obtained_on: optional_date("obtained on", &form.obtained_on)?,
            obtained_how: form.obtained_how.trim().to_owned(),
            withdrawn_on: optional_date("withdrawn on", &form.withdrawn_on)?,
        },
        capacity: Capacity::parse(&form.capacity).map_err(AppError::Invalid)?,
        risk: RiskAssessment {
            exposure_at_home: score("exposure at home", &form.exposure_at_home)?,
            travel_risk: score("travel risk", &form.travel_risk)?,
            threats: form.threats,
        },
        duty_of_care: form.duty_of_care,
        aliases: form.aliases.lines().map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect(),
    };
    state.app.set_registry_entry(&user.identity, id, actor, entry).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/registry")).into_response())
}

posted_forms!(RegistryForm);
