//! The ties between actors: each tie's page, and the forms that add, change and remove them.

use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_app::AppError;
use tracktwo_domain::map::{TieDetails, TieKind};
use tracktwo_domain::{ActorId, Operation, TieId};

use super::{map_nav, side_name, tie_line};
use tracktwo_i18n::{Arg, Locale, text, text_with};

use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, ItemPath, Visit, parse_id, posted_forms};
use crate::forms::{date_text, invalid, optional_date, shown_date};
use crate::pages::layout::page;
use crate::pages::words;

#[derive(Deserialize)]
pub struct TieForm {
    #[serde(default)]
    csrf: String,
    from: String,
    to: String,
    kind: String,
    #[serde(default)]
    directed: String,
    strength: String,
    #[serde(default)]
    valid_from: String,
    #[serde(default)]
    valid_until: String,
    #[serde(default)]
    notes: String,
}

pub async fn add_tie(CsrfForm(state, user, InitiativePath(id), form): CsrfForm<TieForm, InitiativePath>) -> PageResult {
    let kind = TieKind::parse(&form.kind).map_err(AppError::Invalid)?;
    let directed = match form.directed.trim() {
        "" => kind.directed_by_default(),
        "yes" => true,
        "no" => false,
        _ => return Err(invalid("direction", "must be yes, no or empty")),
    };
    let strength = form.strength.trim().parse::<u8>().map_err(|_| invalid("strength", "must be from 1 to 5"))?;
    let from: ActorId = parse_id(&form.from)?;
    let details = TieDetails {
        from,
        to: parse_id(&form.to)?,
        kind,
        directed,
        strength,
        valid_from: optional_date("valid from", &form.valid_from)?,
        valid_until: optional_date("valid until", &form.valid_until)?,
        notes: form.notes,
    };
    state.app.add_tie(&user.identity, id, details).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/actors/{from}")).into_response())
}

#[derive(Deserialize)]
pub struct RemoveTieForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    back: String,
}

pub async fn remove_tie(
    CsrfForm(state, user, ItemPath(id, tie), form): CsrfForm<RemoveTieForm, ItemPath<TieId>>,
) -> PageResult {
    state.app.remove_tie(&user.identity, id, tie).await?;
    let back = match parse_id::<ActorId>(&form.back) {
        Ok(actor) => format!("/initiatives/{id}/actors/{actor}"),
        Err(_) => format!("/initiatives/{id}/actors"),
    };
    Ok(Redirect::to(&back).into_response())
}

pub(super) fn tie_form_fields(locale: Locale, tie: Option<&TieDetails>) -> Markup {
    let say = |id: &str| text(locale, id);
    let kind = tie.map(|t| t.kind);
    html! {
        label { (say("map-kind")) select name="kind" { @for k in TieKind::ALL { option value=(k.as_str()) selected[kind == Some(*k)] { (words::of(locale, k)) } } } }
        label { (say("map-direction")) select name="directed" {
            option value="" selected[tie.is_none()] { (say("map-as-usual-for-the")) }
            option value="yes" selected[tie.is_some_and(|t| t.directed)] { (say("map-one-way")) }
            option value="no" selected[tie.is_some_and(|t| !t.directed)] { (say("map-both-ways")) }
        } }
        label { (say("map-strength-1-weak-5")) input type="number" name="strength" min="1" max="5" value=(tie.map_or(3, |t| t.strength)) required; }
        label { (say("map-valid-from")) input type="date" name="valid_from" value=(tie.and_then(|t| t.valid_from).map(date_text).unwrap_or_default()); }
        label { (say("map-valid-until-the-day")) input type="date" name="valid_until" value=(tie.and_then(|t| t.valid_until).map(date_text).unwrap_or_default()); }
        label { (say("map-notes")) textarea name="notes" { (tie.map(|t| t.notes.clone()).unwrap_or_default()) } }
    }
}

pub async fn tie(Visit(state, user, ItemPath(id, tie_id)): Visit<ItemPath<TieId>>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let map = state.app.system_map(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    // Absent from the caller's view (a team-only tie, or another initiative's) is not found.
    let tie = map.ties.iter().find(|t| t.id == tie_id).ok_or(AppError::NotFound)?;
    let d = &tie.details;
    let may_write = may.allows(Operation::WriteMap);
    Ok(page(
        &say("map-tie"),
        &user,
        html! {
            (map_nav(locale, id, &may))
            h1 { (tie_line(locale, &map, tie)) }
            dl.facts {
                dt { (say("map-from")) } dd { a href={ "/initiatives/" (id) "/actors/" (d.from) } dir="auto" { (map.label(d.from)) } " (" bdi { (side_name(locale, &map, map.actor(d.from).and_then(|a| a.details.side))) } ")" }
                dt { (say("map-to")) } dd { a href={ "/initiatives/" (id) "/actors/" (d.to) } dir="auto" { (map.label(d.to)) } " (" bdi { (side_name(locale, &map, map.actor(d.to).and_then(|a| a.details.side))) } ")" }
                dt { (say("map-direction")) } dd { @if d.directed { (say("map-one-way")) } @else { (say("map-both-ways")) } }
                dt { (say("map-strength")) } dd { (text_with(locale, "map-strength-of-5", &[("strength", Arg::count(d.strength))])) }
                dt { (say("map-valid")) } dd { @match d.valid_from { Some(on) => (shown_date(locale, on)), None => "…" } " – " @match d.valid_until { Some(on) => (shown_date(locale, on)), None => "…" } }
                dt { (say("map-across-the-line")) } dd { @if map.is_cross_line(tie) { (say("map-yes")) } @else { (say("map-no-2")) } }
                @if !d.notes.is_empty() { dt { (say("map-notes")) } dd.note dir="auto" { (d.notes) } }
            }
            @if may_write {
                h2 { (say("map-change-or-end-this")) }
                form.stack method="post" action={ "/initiatives/" (id) "/ties/" (tie_id) } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    (tie_form_fields(locale, Some(d)))
                    button type="submit" { (say("map-save-tie")) }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct TieUpdateForm {
    #[serde(default)]
    csrf: String,
    kind: String,
    #[serde(default)]
    directed: String,
    strength: String,
    #[serde(default)]
    valid_from: String,
    #[serde(default)]
    valid_until: String,
    #[serde(default)]
    notes: String,
}

pub async fn update_tie(
    CsrfForm(state, user, ItemPath(id, tie_id), form): CsrfForm<TieUpdateForm, ItemPath<TieId>>,
) -> PageResult {
    let map = state.app.system_map(&user.identity, id).await?;
    let current = map.ties.iter().find(|t| t.id == tie_id).ok_or(AppError::NotFound)?;
    let kind = TieKind::parse(&form.kind).map_err(AppError::Invalid)?;
    let directed = match form.directed.trim() {
        "" => kind.directed_by_default(),
        "yes" => true,
        "no" => false,
        _ => return Err(invalid("direction", "must be yes, no or empty")),
    };
    let details = TieDetails {
        from: current.details.from,
        to: current.details.to,
        kind,
        directed,
        strength: form.strength.trim().parse::<u8>().map_err(|_| invalid("strength", "must be from 1 to 5"))?,
        valid_from: optional_date("valid from", &form.valid_from)?,
        valid_until: optional_date("valid until", &form.valid_until)?,
        notes: form.notes,
    };
    state.app.update_tie(&user.identity, id, tie_id, details).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/ties/{tie_id}")).into_response())
}

posted_forms!(TieForm, RemoveTieForm, TieUpdateForm);
