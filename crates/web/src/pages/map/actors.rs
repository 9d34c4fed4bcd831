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
use super::{map_nav, side_name, tie_line};
use tracktwo_i18n::{Arg, Locale, text, text_with};

use crate::extract::{CsrfForm, CsrfOnly, InitiativePath, ItemPath, PostedForm, Visit, parse_id};
use crate::forms::{Pairs, shown_date};
use crate::pages::layout::page;
use crate::pages::words;
use crate::{PageError, PageResult};

fn actor_form_fields(locale: Locale, map: &SystemMap, actor: Option<&ActorDetails>, show_name: bool) -> Markup {
    let say = |id: &str| text(locale, id);
    let level = actor.map(|a| a.level);
    let kind = actor.map(|a| a.kind);
    html! {
        @if show_name {
            label { (say("map-name-seen-by-the")) input name="name" value=(actor.and_then(|a| a.name.clone()).unwrap_or_default()); }
        }
        label { (say("map-code-name-what-everyone")) input name="code_name" required maxlength="40" value=(actor.map(|a| a.code_name.clone()).unwrap_or_default()); }
        label { (say("map-kind"))
            select name="kind" { @for k in ActorKind::ALL { option value=(k.as_str()) selected[kind == Some(*k)] { (words::of(locale, k)) } } }
        }
        label { (say("map-primary-track"))
            select name="primary_track" { @for t in Track::ALL {
                option value=(t.number()) selected[actor.is_some_and(|a| a.primary_track == t)] { (t.number()) ". " (words::of(locale, t)) }
            } }
        }
        fieldset {
            legend { (say("map-other-tracks")) }
            @for t in Track::ALL {
                label.check { input type="checkbox" name="tracks" value=(t.number()) checked[actor.is_some_and(|a| a.tracks.contains(&t) && a.primary_track != t)]; (t.number()) ". " (words::of(locale, t)) }
            }
        }
        label { (say("map-level"))
            select name="level" { @for l in Level::ALL { option value=(l.as_str()) selected[level == Some(*l)] { (words::of(locale, l)) } } }
        }
        label { (say("map-side"))
            select name="side" {
                @for s in &map.sides { option value=(s.id) selected[actor.is_some_and(|a| a.side == Some(s.id))] dir="auto" { (s.name) } }
                option value="" selected[actor.is_some_and(|a| a.side.is_none())] { (say("map-third-party")) }
            }
        }
        label { (say("map-role")) input name="role" value=(actor.map(|a| a.role.clone()).unwrap_or_default()); }
        label.check { input type="checkbox" name="decision_maker" value="yes" checked[actor.is_some_and(|a| a.decision_maker)]; (say("map-track-one-decision-maker")) }
        label { (say("map-notes")) textarea name="notes" { (actor.map(|a| a.notes.clone()).unwrap_or_default()) } }
        label { (say("map-public-description"))
            textarea name="public_description" aria-describedby="public-description-hint" { (actor.map(|a| a.public_description.clone()).unwrap_or_default()) }
        }
        p.muted #public-description-hint { (say("map-all-that-participants-officials")) }
    }
}

pub async fn actors(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let map = state.app.system_map(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let may_write = may.allows(Operation::WriteMap);
    Ok(page(
        &say("map-actors"),
        &user,
        html! {
            (map_nav(locale, id, &may))
            h1 { (say("map-actors")) }
            @if map.actors.is_empty() { p.muted { (say("map-no-actors-on-the")) } }
            @let unplaced: Vec<_> = map.actors.iter().filter(|a| a.details.is_unplaced()).collect();
            @if !unplaced.is_empty() {
                section #unplaced-actors {
                    h2 { (say("map-to-place")) }
                    p { (say("map-imported-from-a-map")) }
                    ul {
                        @for actor in &unplaced {
                            li { a href={ "/initiatives/" (id) "/actors/" (actor.id) } dir="auto" { (actor.details.display_name()) }
                                 " — " (text_with(locale, "map-missing-fields", &[("fields", Arg::Text(&actor.details.unplaced.iter().map(String::as_str).collect::<Vec<_>>().join(", ")))])) }
                        }
                    }
                }
            }
            div.scroll tabindex="0" role="region" aria-label=(say("map-actors")) {
                table #actors {
                    thead { tr {
                        th scope="col" { (say("map-actor")) } th scope="col" { (say("map-kind")) } th scope="col" { (say("map-tracks")) }
                        th scope="col" { (say("map-level")) } th scope="col" { (say("map-side")) }
                        th scope="col" { @if map.in_full { (say("map-role")) } @else { (say("map-description")) } }
                        th scope="col" { (say("map-decision-maker")) }
                    } }
                    tbody {
                        @for actor in &map.actors {
                            tr {
                                td { a href={ "/initiatives/" (id) "/actors/" (actor.id) } dir="auto" { (actor.details.display_name()) } }
                                td { (words::of(locale, actor.details.kind)) }
                                td { strong { (actor.details.primary_track.number()) }
                                     @for t in actor.details.tracks.iter().filter(|t| **t != actor.details.primary_track) { ", " (t.number()) } }
                                td { (words::of(locale, actor.details.level)) }
                                td dir="auto" { (side_name(locale, &map, actor.details.side)) }
                                // The view holds no role for a code-name reader; they get the
                                // description the team wrote for them instead.
                                td dir="auto" { @if map.in_full { (actor.details.role) } @else { (actor.details.public_description) } }
                                td { @if actor.details.decision_maker { (say("map-yes")) } }
                            }
                        }
                    }
                }
            }
            @if may_write {
                h2 #add { (say("map-add-an-actor")) }
                form.stack method="post" action={ "/initiatives/" (id) "/actors" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    (actor_form_fields(locale, &map, None, map.in_full))
                    button type="submit" { (say("map-add-actor")) }
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
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
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
            (map_nav(locale, id, &may))
            h1 dir="auto" { (d.display_name()) }
            @if d.is_unplaced() {
                p.error #unplaced { (text_with(locale, "map-not-yet-placed", &[("fields", Arg::Text(&d.unplaced.iter().map(String::as_str).collect::<Vec<_>>().join(", ")))])) }
            }
            dl.facts {
                dt { (say("map-kind")) } dd { (words::of(locale, d.kind)) }
                dt { (say("map-tracks")) } dd { @for (i, t) in d.tracks.iter().enumerate() { @if i > 0 { "; " } (t.number()) ". " (words::of(locale, t)) @if *t == d.primary_track { " " (say("map-primary")) } } }
                dt { (say("map-level")) } dd { (words::of(locale, d.level)) }
                dt { (say("map-side")) } dd dir="auto" { (side_name(locale, &map, d.side)) }
                @if !d.role.is_empty() { dt { (say("map-role")) } dd dir="auto" { (d.role) } }
                dt { (say("map-track-one-decision-maker")) } dd { @if d.decision_maker { (say("map-yes")) } @else { (say("map-no-2")) } }
                @if !d.notes.is_empty() { dt { (say("map-notes")) } dd.note dir="auto" { (d.notes) } }
                @if !d.public_description.is_empty() { dt { (say("map-public-description")) } dd.note dir="auto" { (d.public_description) } }
            }
            @if may_registry {
                p { a href={ "/initiatives/" (id) "/registry/" (actor_id) } { (say("map-registry-entry-consent-capacity")) } }
            }
            h2 { (say("map-ties")) }
            @if ties.is_empty() { p.muted { (say("map-no-ties")) } }
            div.scroll tabindex="0" role="region" aria-label=(say("map-ties")) { table #ties {
                thead { tr { th scope="col" { (say("map-tie")) } th scope="col" { (say("map-strength")) } th scope="col" { (say("map-valid")) } th scope="col" { (say("map-across-the-line")) } @if may_write { th scope="col" { span.visually-hidden { (say("map-actions")) } } } } }
                tbody {
                    @for tie in &ties {
                        tr {
                            td { a href={ "/initiatives/" (id) "/ties/" (tie.id) } { (tie_line(locale, &map, tie)) } }
                            td { (locale.number(tie.details.strength)) }
                            td { @match tie.details.valid_from { Some(on) => (shown_date(locale, on)), None => "…" } " – " @match tie.details.valid_until { Some(on) => (shown_date(locale, on)), None => "…" } }
                            td { @if map.is_cross_line(tie) { (say("map-yes")) } }
                            @if may_write {
                                td {
                                    form method="post" action={ "/initiatives/" (id) "/ties/" (tie.id) "/remove" } {
                                        input type="hidden" name="csrf" value=(user.csrf());
                                        input type="hidden" name="back" value=(actor_id);
                                        button.link type="submit" { (say("map-remove")) }
                                    }
                                }
                            }
                        }
                    }
                }
            } }
            h2 { (say("map-transfer-paths-to-track")) }
            @if paths.is_empty() { p.muted { (say("map-no-chain-of-ties")) } }
            ol #paths {
                @for path in &paths {
                    li {
                        @for (i, step) in path.actors.iter().enumerate() { @if i > 0 { " → " } bdi dir="auto" { (map.label(*step)) } }
                        " " (text_with(locale, "map-weakest-tie-steps", &[("strength", Arg::count(path.bottleneck)), ("steps", Arg::count(path.ties.len()))]))
                    }
                }
            }
            @if may_write {
                h2 { (say("map-add-a-tie")) }
                form.stack method="post" action={ "/initiatives/" (id) "/ties" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    input type="hidden" name="from" value=(actor_id);
                    label { (say("map-to")) select name="to" { @for other in map.actors.iter().filter(|a| a.id != actor_id) { option value=(other.id) dir="auto" { (other.details.display_name()) } } } }
                    (tie_form_fields(locale, None))
                    button type="submit" { (say("map-add-tie")) }
                }
                h2 { (say("map-edit")) }
                form.stack method="post" action={ "/initiatives/" (id) "/actors/" (actor_id) } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    (actor_form_fields(locale, &map, Some(d), map.in_full))
                    button type="submit" { (say("map-save-changes")) }
                }
                form method="post" action={ "/initiatives/" (id) "/actors/" (actor_id) "/remove" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    button.danger type="submit" { (say("map-remove-this-actor-and")) }
                }
            }
        },
    ))
}
