//! The actors of the map: the list, each actor's page with its ties and paths to Track One, and
//! the forms that add, change and remove them.

use std::collections::BTreeSet;

use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_app::AppError;
use tracktwo_app::map::SystemMap;
use tracktwo_domain::map::{ActorDetails, ActorKind, Level, Track};
use tracktwo_domain::{ActorId, Operation, SideId};

use super::ties::tie_form_fields;
use super::{map_nav, plural, tie_line};
use crate::extract::{CsrfForm, CsrfOnly, InitiativePath, ItemPath, PostedForm, Visit, parse_id};
use crate::forms::{Pairs, date_text};
use crate::pages::layout::page;
use crate::{PageError, PageResult};

fn actor_form_fields(map: &SystemMap, actor: Option<&ActorDetails>, show_name: bool) -> Markup {
    let level = actor.map(|a| a.level);
    let kind = actor.map(|a| a.kind);
    html! {
        @if show_name {
            label { "Name (seen by the convening team only)" input name="name" value=(actor.and_then(|a| a.name.clone()).unwrap_or_default()); }
        }
        label { "Code name (what everyone else sees)" input name="code_name" required maxlength="40" value=(actor.map(|a| a.code_name.clone()).unwrap_or_default()); }
        label { "Kind"
            select name="kind" { @for k in ActorKind::ALL { option value=(k.as_str()) selected[kind == Some(*k)] { (k.label()) } } }
        }
        label { "Primary track"
            select name="primary_track" { @for t in Track::ALL {
                option value=(t.number()) selected[actor.is_some_and(|a| a.primary_track == t)] { (t.number()) ". " (t.label()) }
            } }
        }
        fieldset {
            legend { "Other tracks" }
            @for t in Track::ALL {
                label.check { input type="checkbox" name="tracks" value=(t.number()) checked[actor.is_some_and(|a| a.tracks.contains(&t) && a.primary_track != t)]; (t.number()) ". " (t.label()) }
            }
        }
        label { "Level"
            select name="level" { @for l in Level::ALL { option value=(l.as_str()) selected[level == Some(*l)] { (l.label()) } } }
        }
        label { "Side"
            select name="side" {
                @for s in &map.sides { option value=(s.id) selected[actor.is_some_and(|a| a.side == Some(s.id))] { (s.name) } }
                option value="" selected[actor.is_some_and(|a| a.side.is_none())] { "third party" }
            }
        }
        label { "Role" input name="role" value=(actor.map(|a| a.role.clone()).unwrap_or_default()); }
        label.check { input type="checkbox" name="decision_maker" value="yes" checked[actor.is_some_and(|a| a.decision_maker)]; "Track One decision-maker" }
        label { "Notes" textarea name="notes" { (actor.map(|a| a.notes.clone()).unwrap_or_default()) } }
        label { "Public description"
            textarea name="public_description" aria-describedby="public-description-hint" { (actor.map(|a| a.public_description.clone()).unwrap_or_default()) }
        }
        p.muted #public-description-hint { "All that participants, officials and evaluators learn of this actor beside the code name: they never see the name, role or notes. Write nothing that would identify the person." }
    }
}

pub async fn actors(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let map = state.app.system_map(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let may_write = may.allows(Operation::WriteMap);
    Ok(page(
        "Actors",
        &user,
        html! {
            (map_nav(id, &may))
            h1 { "Actors" }
            @if map.actors.is_empty() { p.muted { "No actors on the map yet." } }
            @let unplaced: Vec<_> = map.actors.iter().filter(|a| a.details.is_unplaced()).collect();
            @if !unplaced.is_empty() {
                section #unplaced-actors {
                    h2 { "To place" }
                    p { "Imported from a map made elsewhere, these actors' places could not be read. Until each is placed, the kind, track and level shown stand in, and coverage and selection leave it out. Open an actor and save its form to place it." }
                    ul {
                        @for actor in &unplaced {
                            li { a href={ "/initiatives/" (id) "/actors/" (actor.id) } { (actor.details.display_name()) }
                                 " — no " (actor.details.unplaced.iter().map(String::as_str).collect::<Vec<_>>().join(", no ")) }
                        }
                    }
                }
            }
            div.scroll {
                table #actors {
                    thead { tr {
                        th scope="col" { "Actor" } th scope="col" { "Kind" } th scope="col" { "Tracks" }
                        th scope="col" { "Level" } th scope="col" { "Side" }
                        th scope="col" { @if map.in_full { "Role" } @else { "Description" } }
                        th scope="col" { "Decision-maker" }
                    } }
                    tbody {
                        @for actor in &map.actors {
                            tr {
                                td { a href={ "/initiatives/" (id) "/actors/" (actor.id) } { (actor.details.display_name()) } }
                                td { (actor.details.kind.label()) }
                                td { strong { (actor.details.primary_track.number()) }
                                     @for t in actor.details.tracks.iter().filter(|t| **t != actor.details.primary_track) { ", " (t.number()) } }
                                td { (actor.details.level.label()) }
                                td { (map.side_name(actor.details.side)) }
                                // The view holds no role for a code-name reader; they get the
                                // description the team wrote for them instead.
                                td { @if map.in_full { (actor.details.role) } @else { (actor.details.public_description) } }
                                td { @if actor.details.decision_maker { "yes" } }
                            }
                        }
                    }
                }
            }
            @if may_write {
                h2 #add { "Add an actor" }
                form.stack method="post" action={ "/initiatives/" (id) "/actors" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    (actor_form_fields(&map, None, map.in_full))
                    button type="submit" { "Add actor" }
                }
            }
        },
    ))
}

/// The actor form as posted. `tracks` repeats, so the form is read as pairs.
fn actor_from_form(fields: &[(String, String)]) -> Result<(String, ActorDetails), PageError> {
    let get = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_owned()).unwrap_or_default();
    let primary_track = Track::parse(&get("primary_track")).map_err(AppError::Invalid)?;
    let mut tracks = BTreeSet::from([primary_track]);
    for (_, value) in fields.iter().filter(|(k, _)| k == "tracks") {
        tracks.insert(Track::parse(value).map_err(AppError::Invalid)?);
    }
    let side = match get("side").as_str() {
        "" => None,
        side => Some(parse_id::<SideId>(side)?),
    };
    let name = get("name");
    Ok((
        get("csrf"),
        ActorDetails {
            kind: ActorKind::parse(&get("kind")).map_err(AppError::Invalid)?,
            name: if name.is_empty() { None } else { Some(name) },
            code_name: get("code_name"),
            primary_track,
            tracks,
            level: Level::parse(&get("level")).map_err(AppError::Invalid)?,
            side,
            role: get("role"),
            decision_maker: !get("decision_maker").is_empty(),
            notes: fields.iter().find(|(k, _)| k == "notes").map(|(_, v)| v.clone()).unwrap_or_default(),
            public_description: fields
                .iter()
                .find(|(k, _)| k == "public_description")
                .map(|(_, v)| v.trim().to_owned())
                .unwrap_or_default(),
            unplaced: std::collections::BTreeSet::new(),
        },
    ))
}

/// The actor form: `tracks` repeats, so it is read as pairs. Its fields are read before its
/// token is checked, so a form that cannot be read is refused for that whatever its token.
#[derive(Deserialize)]
#[serde(transparent)]
pub struct ActorForm(Pairs);

impl PostedForm for ActorForm {
    type Fields = ActorDetails;

    fn read(self) -> Result<(String, ActorDetails), PageError> {
        actor_from_form(&self.0)
    }
}

pub async fn add_actor(
    CsrfForm(state, user, InitiativePath(id), details): CsrfForm<ActorForm, InitiativePath>,
) -> PageResult {
    let actor = state.app.add_actor(&user.identity, id, details).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/actors/{}", actor.id)).into_response())
}

pub async fn update_actor(
    CsrfForm(state, user, ItemPath(id, actor), details): CsrfForm<ActorForm, ItemPath<ActorId>>,
) -> PageResult {
    state.app.update_actor(&user.identity, id, actor, details).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/actors/{actor}")).into_response())
}

pub async fn remove_actor(
    CsrfForm(state, user, ItemPath(id, actor), _): CsrfForm<CsrfOnly, ItemPath<ActorId>>,
) -> PageResult {
    state.app.remove_actor(&user.identity, id, actor).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/actors")).into_response())
}

pub async fn actor(Visit(state, user, ItemPath(id, actor_id)): Visit<ItemPath<ActorId>>) -> PageResult {
    let (map, actor) = state.app.actor(&user.identity, id, actor_id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let may_write = may.allows(Operation::WriteMap);
    let may_registry = may.allows(Operation::ReadRegistry);
    let today = state.app.today();
    let ties: Vec<_> = map.ties.iter().filter(|t| t.details.from == actor_id || t.details.to == actor_id).collect();
    let paths = map.transfer_paths(&[actor_id], 3, today);
    let d = &actor.details;
    Ok(page(
        &d.display_name(),
        &user,
        html! {
            (map_nav(id, &may))
            h1 { (d.display_name()) }
            @if d.is_unplaced() {
                p.error #unplaced { "Not yet placed: the imported file gave no "
                    (d.unplaced.iter().map(String::as_str).collect::<Vec<_>>().join(", no "))
                    ". Check the fields below and save the form to place the actor." }
            }
            dl.facts {
                dt { "Kind" } dd { (d.kind.label()) }
                dt { "Tracks" } dd { @for (i, t) in d.tracks.iter().enumerate() { @if i > 0 { "; " } (t.number()) ". " (t.label()) @if *t == d.primary_track { " (primary)" } } }
                dt { "Level" } dd { (d.level.label()) }
                dt { "Side" } dd { (map.side_name(d.side)) }
                @if !d.role.is_empty() { dt { "Role" } dd { (d.role) } }
                dt { "Track One decision-maker" } dd { @if d.decision_maker { "yes" } @else { "no" } }
                @if !d.notes.is_empty() { dt { "Notes" } dd.note { (d.notes) } }
                @if !d.public_description.is_empty() { dt { "Public description" } dd.note { (d.public_description) } }
            }
            @if may_registry {
                p { a href={ "/initiatives/" (id) "/registry/" (actor_id) } { "Registry entry: consent, capacity, risk" } }
            }
            h2 { "Ties" }
            @if ties.is_empty() { p.muted { "No ties." } }
            table #ties {
                thead { tr { th scope="col" { "Tie" } th scope="col" { "Strength" } th scope="col" { "Valid" } th scope="col" { "Across the line" } @if may_write { th scope="col" { span.visually-hidden { "Actions" } } } } }
                tbody {
                    @for tie in &ties {
                        tr {
                            td { a href={ "/initiatives/" (id) "/ties/" (tie.id) } { (tie_line(&map, tie)) } }
                            td { (tie.details.strength) }
                            td { (tie.details.valid_from.map(date_text).unwrap_or_else(|| "…".into())) " – " (tie.details.valid_until.map(date_text).unwrap_or_else(|| "…".into())) }
                            td { @if map.is_cross_line(tie) { "yes" } }
                            @if may_write {
                                td {
                                    form method="post" action={ "/initiatives/" (id) "/ties/" (tie.id) "/remove" } {
                                        input type="hidden" name="csrf" value=(user.csrf());
                                        input type="hidden" name="back" value=(actor_id);
                                        button.link type="submit" { "Remove" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h2 { "Transfer paths to Track One" }
            @if paths.is_empty() { p.muted { "No chain of ties reaches a decision-maker today." } }
            ol #paths {
                @for path in &paths {
                    li {
                        @for (i, step) in path.actors.iter().enumerate() { @if i > 0 { " → " } (map.label(*step)) }
                        " (weakest tie " (path.bottleneck) " of 5, " (plural(path.ties.len(), "step", "steps")) ")"
                    }
                }
            }
            @if may_write {
                h2 { "Add a tie" }
                form.stack method="post" action={ "/initiatives/" (id) "/ties" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    input type="hidden" name="from" value=(actor_id);
                    label { "To" select name="to" { @for other in map.actors.iter().filter(|a| a.id != actor_id) { option value=(other.id) { (other.details.display_name()) } } } }
                    (tie_form_fields(None))
                    button type="submit" { "Add tie" }
                }
                h2 { "Edit" }
                form.stack method="post" action={ "/initiatives/" (id) "/actors/" (actor_id) } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    (actor_form_fields(&map, Some(d), map.in_full))
                    button type="submit" { "Save changes" }
                }
                form method="post" action={ "/initiatives/" (id) "/actors/" (actor_id) "/remove" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    button.danger type="submit" { "Remove this actor and its ties" }
                }
            }
        },
    ))
}
