//! The system map's pages: the wheel, coverage and brokers, actors and their ties, the
//! participant registry, participant selection, import and export.
//!
//! Every page starts from the caller's view of the map (`App::system_map` and friends), which
//! the core has already stripped of what the caller may not see; the pages only draw it.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;
use tracktwo_app::map::{SelectionSpec, SystemMap};
use tracktwo_app::{AppError, Permissions};
use tracktwo_domain::map::{
    ActorDetails, ActorKind, Capacity, Consent, ConsentAnswer, Level, RegistryEntry, RiskAssessment, RiskCeiling,
    TieDetails, TieKind, Track,
};
use tracktwo_domain::{ActorId, InitiativeId, Operation, SideId, TieId};
use tracktwo_interchange::Format;
use tracktwo_map_draw::{Wheel, WheelActor, WheelSide, WheelTie, wheel_svg};

use crate::api::parse_id;
use crate::forms::{PageResult, date_text, initiative_id, invalid, optional_date};
use crate::pages::page;
use crate::session::SignedIn;
use crate::{PageError, WebState};

/// Links to the map's pages the caller may use.
fn map_nav(id: InitiativeId, may: &Permissions) -> Markup {
    let may = |op| may.allows(op);
    html! {
        nav.sub aria-label="System map" {
            a href={ "/initiatives/" (id) } { "Initiative" }
            a href={ "/initiatives/" (id) "/map" } { "Wheel" }
            a href={ "/initiatives/" (id) "/map/coverage" } { "Coverage and brokers" }
            a href={ "/initiatives/" (id) "/actors" } { "Actors" }
            @if may(Operation::SelectParticipants) {
                a href={ "/initiatives/" (id) "/map/selection" } { "Participant selection" }
            }
            @if may(Operation::ReadRegistry) {
                a href={ "/initiatives/" (id) "/registry" } { "Registry" }
            }
            a href={ "/initiatives/" (id) "/map/transfer" } { "Import and export" }
        }
    }
}

#[derive(Deserialize, Default)]
pub struct MapQuery {
    #[serde(default)]
    as_of: String,
    #[serde(default)]
    compare: String,
    /// A side's id, `third-party`, or empty for all.
    #[serde(default)]
    side: String,
    #[serde(default)]
    track: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    cross_line: String,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn tie_line(map: &SystemMap, tie: &tracktwo_domain::map::Tie) -> String {
    let arrow = if tie.details.directed { "→" } else { "—" };
    format!("{} {arrow} {} {}", map.label(tie.details.from), tie.details.kind.label(), map.label(tie.details.to))
}

pub async fn wheel(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<MapQuery>,
) -> PageResult {
    let id = initiative_id(&id)?;
    let map = state.app.system_map(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let as_of = optional_date("as of", &query.as_of)?.unwrap_or_else(|| state.app.today());
    let compare = optional_date("compare with", &query.compare)?;
    let side_filter = query.side.trim();
    let track_filter =
        if query.track.trim().is_empty() { None } else { Some(Track::parse(&query.track).map_err(AppError::Invalid)?) };
    let level_filter =
        if query.level.trim().is_empty() { None } else { Some(Level::parse(&query.level).map_err(AppError::Invalid)?) };
    let cross_only = !query.cross_line.is_empty();
    let may_write = may.allows(Operation::WriteMap);

    let shown: Vec<&tracktwo_domain::map::Actor> = map
        .actors
        .iter()
        .filter(|a| match side_filter {
            "" => true,
            "third-party" => a.details.side.is_none(),
            side => a.details.side.is_some_and(|s| s.to_string() == side),
        })
        .filter(|a| track_filter.is_none_or(|t| a.details.tracks.contains(&t)))
        .filter(|a| level_filter.is_none_or(|l| a.details.level == l))
        .collect();
    let index_of = |actor: ActorId| shown.iter().position(|a| a.id == actor);
    let sides: Vec<WheelSide> = map.sides.iter().map(|s| WheelSide { name: s.name.clone() }).collect();
    let actors: Vec<WheelActor> = shown
        .iter()
        .map(|a| WheelActor {
            label: a.details.display_name(),
            primary_track: a.details.primary_track,
            level: a.details.level,
            side: a.details.side.and_then(|s| map.sides.iter().position(|x| x.id == s)),
            decision_maker: a.details.decision_maker,
            href: Some(format!("/initiatives/{id}/actors/{}", a.id)),
        })
        .collect();
    let standing_ties: Vec<&tracktwo_domain::map::Tie> =
        map.ties_on(as_of).filter(|t| !cross_only || map.is_cross_line(t)).collect();
    let ties: Vec<WheelTie> = standing_ties
        .iter()
        .filter_map(|t| {
            Some(WheelTie {
                from: index_of(t.details.from)?,
                to: index_of(t.details.to)?,
                kind: t.details.kind,
                directed: t.details.directed,
                strength: t.details.strength,
                cross_line: map.is_cross_line(t),
            })
        })
        .collect();
    let title = format!("System map as of {}", date_text(as_of));
    let svg = wheel_svg(&Wheel { title: &title, sides: &sides, actors: &actors, ties: &ties });
    let cross_count = ties.iter().filter(|t| t.cross_line).count();
    let comparison = compare.map(|earlier| (earlier, map.compare(earlier, as_of)));
    let tie_by_id = |tie: TieId| map.ties.iter().find(|t| t.id == tie);
    let selected = |value: &str, current: &str| value == current;
    Ok(page(
        "System map",
        &user,
        html! {
            (map_nav(id, &may))
            h1 { "System map" }
            form.filters method="get" action={ "/initiatives/" (id) "/map" } {
                label { "As of" input type="date" name="as_of" value=(date_text(as_of)); }
                label { "Compare with" input type="date" name="compare" value=(compare.map(date_text).unwrap_or_default()); }
                label { "Side"
                    select name="side" {
                        option value="" selected[selected("", side_filter)] { "all" }
                        @for side in &map.sides {
                            option value=(side.id) selected[selected(&side.id.to_string(), side_filter)] { (side.name) }
                        }
                        option value="third-party" selected[selected("third-party", side_filter)] { "third parties" }
                    }
                }
                label { "Track"
                    select name="track" {
                        option value="" { "all" }
                        @for track in Track::ALL {
                            option value=(track.number()) selected[track_filter == Some(track)] { (track.number()) ". " (track.label()) }
                        }
                    }
                }
                label { "Level"
                    select name="level" {
                        option value="" { "all" }
                        @for level in Level::ALL {
                            option value=(level.as_str()) selected[level_filter == Some(*level)] { (level.label()) }
                        }
                    }
                }
                label.check { input type="checkbox" name="cross_line" value="1" checked[cross_only]; "Cross-line ties only" }
                button type="submit" { "Show" }
            }
            p #map-summary {
                "On " (date_text(as_of)) ": " (actors.len()) " actors shown of " (map.actors.len()) ", "
                (ties.len()) " ties standing between them, " (cross_count) " across the line."
            }
            figure.wheel { (PreEscaped(svg)) }
            h2 { "Snapshots" }
            @if map.snapshots.is_empty() { p.muted { "No named dates yet." } }
            ul #snapshots {
                @for (i, (snapshot_id, snapshot)) in map.snapshots.iter().enumerate() {
                    li {
                        a href={ "/initiatives/" (id) "/map?as_of=" (date_text(snapshot.date)) } { (snapshot.label) }
                        " (" (date_text(snapshot.date)) ")"
                        @if i > 0 {
                            @let previous = &map.snapshots[i - 1].1;
                            " · " a href={ "/initiatives/" (id) "/map?as_of=" (date_text(snapshot.date)) "&compare=" (date_text(previous.date)) } {
                                "changes since " (previous.label)
                            }
                        }
                        @if !snapshot.note.is_empty() { br; span.muted { (snapshot.note) } }
                        @if may_write {
                            form.inline method="post" action={ "/initiatives/" (id) "/map/snapshots/" (snapshot_id) "/remove" } {
                                input type="hidden" name="csrf" value=(user.csrf());
                                button.link type="submit" { "Remove" span.visually-hidden { " " (snapshot.label) } }
                            }
                        }
                    }
                }
            }
            @if may_write {
                details {
                    summary { "Name a date" }
                    form.stack method="post" action={ "/initiatives/" (id) "/map/snapshots" } {
                        input type="hidden" name="csrf" value=(user.csrf());
                        label { "Label" input name="label" required placeholder="After round three"; }
                        label { "Date" input type="date" name="date" required value=(date_text(as_of)); }
                        label { "Note" textarea name="note" {} }
                        button type="submit" { "Save snapshot" }
                    }
                }
            }
            @if let Some((earlier, change)) = &comparison {
                h2 { "Changes since " (date_text(*earlier)) }
                p #map-changes { (change.formed.len()) " ties formed, " (change.ended.len()) " ended." }
                @if !change.formed.is_empty() {
                    h3 { "Formed" }
                    ul.changes { @for tie in change.formed.iter().filter_map(|t| tie_by_id(*t)) {
                        li { (tie_line(&map, tie)) @if map.is_cross_line(tie) { " " span.tag { "cross-line" } } }
                    } }
                }
                @if !change.ended.is_empty() {
                    h3 { "Ended" }
                    ul.changes { @for tie in change.ended.iter().filter_map(|t| tie_by_id(*t)) {
                        li { (tie_line(&map, tie)) }
                    } }
                }
            }
            @if !map.in_full {
                p.muted { "Actors appear by code name. Some ties are visible to the convening team only." }
            }
        },
    ))
}

pub async fn coverage(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<MapQuery>,
) -> PageResult {
    let id = initiative_id(&id)?;
    let map = state.app.system_map(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let as_of = optional_date("as of", &query.as_of)?.unwrap_or_else(|| state.app.today());
    let report = map.coverage(&Track::ALL, Level::ALL);
    let brokers = map.brokers(10, as_of);
    let cross = map.cross_line_actors(as_of);
    let mut columns: Vec<(Option<SideId>, String)> = map.sides.iter().map(|s| (Some(s.id), s.name.clone())).collect();
    columns.push((None, "Third parties".to_owned()));
    let count = |track: Track, side: Option<SideId>, level: Level| {
        report.cells.iter().find(|c| c.track == track && c.side == side && c.level == level).map_or(0, |c| c.actors)
    };
    Ok(page(
        "Coverage and brokers",
        &user,
        html! {
            (map_nav(id, &may))
            h1 { "Coverage and brokers" }
            h2 { "Gaps" }
            @if report.gaps.is_empty() { p { "Every side has actors on every track and at every level." } }
            ul #gaps { @for gap in &report.gaps { li { (gap) } } }
            h2 { "Actors by track, side and level" }
            p.muted { "An actor on several tracks counts on each. T: top, M: middle range, G: grassroots." }
            div.scroll {
                table #coverage {
                    caption { "Number of actors per track (rows) and side and level (columns)" }
                    thead {
                        tr { th scope="col" rowspan="2" { "Track" } @for (_, name) in &columns { th scope="colgroup" colspan="3" { (name) } } }
                        tr { @for _ in &columns { th scope="col" abbr="Top" { "T" } th scope="col" abbr="Middle range" { "M" } th scope="col" abbr="Grassroots" { "G" } } }
                    }
                    tbody {
                        @for track in Track::ALL {
                            tr {
                                th scope="row" { (track.number()) ". " (track.label()) }
                                @for (side, _) in &columns {
                                    @for level in Level::ALL {
                                        @let n = count(track, *side, *level);
                                        td.num.gap[n == 0 && side.is_some()] { (n) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h2 { "Brokers on " (date_text(as_of)) }
            p.muted { "Betweenness: the share of shortest chains between other actors that pass through this one." }
            @if brokers.is_empty() { p.muted { "No actor stands between others yet." } }
            ol #brokers {
                @for broker in &brokers {
                    li {
                        a href={ "/initiatives/" (id) "/actors/" (broker.actor) } { (map.label(broker.actor)) }
                        " — " (format!("{:.3}", broker.betweenness))
                        @if broker.cross_line_ties > 0 { ", " (plural(broker.cross_line_ties, "cross-line tie", "cross-line ties")) }
                    }
                }
            }
            h2 { "Actors with ties across the line" }
            ul #cross-line {
                @for (actor, n) in &cross {
                    li { a href={ "/initiatives/" (id) "/actors/" (actor) } { (map.label(*actor)) } " — " (plural(*n, "tie", "ties")) }
                }
            }
        },
    ))
}

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

pub async fn actors(State(state): State<Arc<WebState>>, user: SignedIn, Path(id): Path<String>) -> PageResult {
    let id = initiative_id(&id)?;
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
        side => Some(parse_id::<SideId>(side).map_err(|_| AppError::NotFound)?),
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
        },
    ))
}

pub async fn add_actor(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    let (csrf, details) = actor_from_form(&fields)?;
    user.check_csrf(&csrf)?;
    let id = initiative_id(&id)?;
    let actor = state.app.add_actor(&user.identity, id, details).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/actors/{}", actor.id)).into_response())
}

pub async fn update_actor(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, actor)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    let (csrf, details) = actor_from_form(&fields)?;
    user.check_csrf(&csrf)?;
    let id = initiative_id(&id)?;
    let actor: ActorId = parse_id(&actor).map_err(|_| AppError::NotFound)?;
    state.app.update_actor(&user.identity, id, actor, details).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/actors/{actor}")).into_response())
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn remove_actor(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, actor)): Path<(String, String)>,
    Form(form): Form<CsrfOnly>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let actor: ActorId = parse_id(&actor).map_err(|_| AppError::NotFound)?;
    state.app.remove_actor(&user.identity, id, actor).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/actors")).into_response())
}

pub async fn actor(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, actor)): Path<(String, String)>,
) -> PageResult {
    let id = initiative_id(&id)?;
    let actor_id: ActorId = parse_id(&actor).map_err(|_| AppError::NotFound)?;
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

pub async fn add_tie(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<TieForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let kind = TieKind::parse(&form.kind).map_err(AppError::Invalid)?;
    let directed = match form.directed.trim() {
        "" => kind.directed_by_default(),
        "yes" => true,
        "no" => false,
        _ => return Err(invalid("direction", "must be yes, no or empty")),
    };
    let strength = form.strength.trim().parse::<u8>().map_err(|_| invalid("strength", "must be from 1 to 5"))?;
    let from: ActorId = parse_id(&form.from).map_err(|_| AppError::NotFound)?;
    let details = TieDetails {
        from,
        to: parse_id(&form.to).map_err(|_| AppError::NotFound)?,
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
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, tie)): Path<(String, String)>,
    Form(form): Form<RemoveTieForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let tie: TieId = parse_id(&tie).map_err(|_| AppError::NotFound)?;
    state.app.remove_tie(&user.identity, id, tie).await?;
    let back = match parse_id::<ActorId>(&form.back) {
        Ok(actor) => format!("/initiatives/{id}/actors/{actor}"),
        Err(_) => format!("/initiatives/{id}/actors"),
    };
    Ok(Redirect::to(&back).into_response())
}

fn consent_cell(answer: ConsentAnswer) -> &'static str {
    answer.label()
}

pub async fn registry(State(state): State<Arc<WebState>>, user: SignedIn, Path(id): Path<String>) -> PageResult {
    let id = initiative_id(&id)?;
    let (map, mut entries) = state.app.registry(&user.identity, id).await?;
    entries.sort_by_cached_key(|(actor, _)| map.actor(*actor).map(|a| a.details.code_name.clone()));
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let recorded: HashSet<ActorId> = entries.iter().map(|(a, _)| *a).collect();
    let people: Vec<_> = map.actors.iter().filter(|a| a.details.kind == ActorKind::Person).collect();
    Ok(page(
        "Participant registry",
        &user,
        html! {
            (map_nav(id, &may))
            h1 { "Participant registry" }
            p.muted { "Consent, capacity, risk and duty of care. Seen by the convener and operations only; never part of a map export." }
            div.scroll {
                table #registry {
                    thead { tr {
                        th scope="col" { "Person" } th scope="col" { "Capacity" } th scope="col" { "Contact" } th scope="col" { "Listed" }
                        th scope="col" { "Under code" } th scope="col" { "Photographed" } th scope="col" { "Withdrawn" } th scope="col" { "Risk (0–10)" }
                    } }
                    tbody {
                        @for (actor, entry) in &entries {
                            tr {
                                td { a href={ "/initiatives/" (id) "/registry/" (actor) } { (map.label(*actor)) } }
                                td { (entry.capacity.label()) }
                                td { (consent_cell(entry.consent.to_be_contacted)) }
                                td { (consent_cell(entry.consent.to_be_listed)) }
                                td { (consent_cell(entry.consent.to_be_recorded_under_code)) }
                                td { (consent_cell(entry.consent.to_be_photographed)) }
                                td { (entry.consent.withdrawn_on.map(date_text).unwrap_or_default()) }
                                td.num { (entry.risk.score()) }
                            }
                        }
                    }
                }
            }
            h2 { "Not yet in the registry" }
            ul { @for actor in people.iter().filter(|a| !recorded.contains(&a.id)) {
                li { a href={ "/initiatives/" (id) "/registry/" (actor.id) } { (actor.details.display_name()) } }
            } }
        },
    ))
}

fn consent_select(name: &str, label: &str, current: ConsentAnswer) -> Markup {
    html! {
        label { (label)
            select name=(name) { @for a in ConsentAnswer::ALL { option value=(a.as_str()) selected[*a == current] { (a.label()) } } }
        }
    }
}

pub async fn registry_entry(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, actor)): Path<(String, String)>,
) -> PageResult {
    let id = initiative_id(&id)?;
    let actor_id: ActorId = parse_id(&actor).map_err(|_| AppError::NotFound)?;
    let entry = state.app.registry_entry(&user.identity, id, actor_id).await?;
    let (map, actor) = state.app.actor(&user.identity, id, actor_id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let may_write = may.allows(Operation::WriteRegistry);
    let e = entry.clone().unwrap_or_default();
    Ok(page(
        "Registry entry",
        &user,
        html! {
            (map_nav(id, &may))
            h1 { "Registry: " (actor.details.display_name()) }
            @if entry.is_none() { p.muted { "Nothing recorded yet." } }
            p { "Risk score: " strong #risk-score { (e.risk.score()) } " of 10 (exposure at home + travel risk)." }
            p { "May be contacted: " strong { @if e.consent.may_contact() { "yes" } @else { "no" } } }
            @if may_write {
                form.stack method="post" action={ "/initiatives/" (id) "/registry/" (actor_id) } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "Capacity"
                        select name="capacity" { @for c in Capacity::ALL { option value=(c.as_str()) selected[*c == e.capacity] { (c.label()) } } }
                    }
                    fieldset {
                        legend { "Consent" }
                        (consent_select("contacted", "To be contacted", e.consent.to_be_contacted))
                        (consent_select("listed", "To be listed as a participant", e.consent.to_be_listed))
                        (consent_select("recorded_under_code", "To be recorded under a code", e.consent.to_be_recorded_under_code))
                        (consent_select("photographed", "To be photographed", e.consent.to_be_photographed))
                        label { "Obtained on" input type="date" name="obtained_on" value=(e.consent.obtained_on.map(date_text).unwrap_or_default()); }
                        label { "How it was obtained" input name="obtained_how" value=(e.consent.obtained_how); }
                        label { "Withdrawn on" input type="date" name="withdrawn_on" value=(e.consent.withdrawn_on.map(date_text).unwrap_or_default()); }
                    }
                    fieldset {
                        legend { "Risk assessment" }
                        label { "Exposure at home (0 none – 5 grave)" input type="number" min="0" max="5" name="exposure_at_home" value=(e.risk.exposure_at_home); }
                        label { "Travel risk (0–5)" input type="number" min="0" max="5" name="travel_risk" value=(e.risk.travel_risk); }
                        label { "Threats" textarea name="threats" { (e.risk.threats) } }
                    }
                    label { "Duty of care" textarea name="duty_of_care" { (e.duty_of_care) } }
                    label { "Other names and spellings, one a line (other scripts too): withheld with the name" textarea name="aliases" { (e.aliases.join("\n")) } }
                    button type="submit" { "Save registry entry" }
                }
            }
            p { a href={ "/initiatives/" (id) "/actors/" (actor_id) } { "Back to " (map.label(actor_id)) } }
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
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, actor)): Path<(String, String)>,
    Form(form): Form<RegistryForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let actor: ActorId = parse_id(&actor).map_err(|_| AppError::NotFound)?;
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

pub async fn selection(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Query(fields): Query<Vec<(String, String)>>,
) -> PageResult {
    let id = initiative_id(&id)?;
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
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<CeilingForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
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

pub async fn transfer_page(State(state): State<Arc<WebState>>, user: SignedIn, Path(id): Path<String>) -> PageResult {
    let id = initiative_id(&id)?;
    // The page offers the map's files: refused as reading the map would be.
    let may = state.app.permissions(&user.identity, id, Operation::ReadMap).await?;
    let may_write = may.allows(Operation::WriteMap);
    Ok(page(
        "Import and export",
        &user,
        html! {
            (map_nav(id, &may))
            h1 { "Import and export" }
            h2 { "Export" }
            p.muted { "Exports hold what you may see of the map: names only for the convening team, never the registry." }
            ul #exports {
                li { a href={ "/initiatives/" (id) "/map/export?format=gexf" } { "GEXF (Gephi)" } }
                li { a href={ "/initiatives/" (id) "/map/export?format=graphml" } { "GraphML" } }
                li { a href={ "/initiatives/" (id) "/map/export?format=kumu" } { "Kumu JSON" } }
                li { a href={ "/initiatives/" (id) "/map/export?format=actors-csv" } { "Actors (CSV)" } }
                li { a href={ "/initiatives/" (id) "/map/export?format=ties-csv" } { "Ties (CSV)" } }
            }
            @if may_write {
                h2 { "Import" }
                p.muted { "All or nothing: the first problem, with its line, stops the import and nothing is kept. Sides are matched by name." }
                form.stack method="post" action={ "/initiatives/" (id) "/map/import" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "Format"
                        select name="format" { option value="csv" { "CSV (actors and ties)" } option value="gexf" { "GEXF" } option value="graphml" { "GraphML" } option value="kumu" { "Kumu JSON" } }
                    }
                    label { "The file (for CSV: actors.csv)" textarea name="file" required {} }
                    label { "ties.csv (CSV only)" textarea name="ties" {} }
                    label.check { input type="checkbox" name="replace" value="yes"; "Replace the current map (its registry entries go too)" }
                    button type="submit" { "Import" }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    format: String,
}

pub async fn export(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<ExportQuery>,
) -> PageResult {
    let id = initiative_id(&id)?;
    let (body, content_type, name) = match query.format.as_str() {
        "gexf" => (None, "application/gexf+xml", "map.gexf"),
        "graphml" => (None, "application/graphml+xml", "map.graphml"),
        "kumu" => (None, "application/json", "map.kumu.json"),
        "actors-csv" => (Some(true), "text/csv; charset=utf-8", "actors.csv"),
        "ties-csv" => (Some(false), "text/csv; charset=utf-8", "ties.csv"),
        _ => return Err(invalid("format", "must be gexf, graphml, kumu, actors-csv or ties-csv")),
    };
    let file = state.app.export_map(&user.identity, id).await?;
    let text = match (body, query.format.as_str()) {
        (Some(true), _) => tracktwo_interchange::write_actors_csv(&file),
        (Some(false), _) => tracktwo_interchange::write_ties_csv(&file),
        (None, "gexf") => tracktwo_interchange::write_gexf(&file),
        (None, "graphml") => tracktwo_interchange::write_graphml(&file),
        (None, _) => tracktwo_interchange::write_kumu(&file),
    };
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type)), (header::CONTENT_DISPOSITION, disposition)],
        text,
    )
        .into_response())
}

#[derive(Deserialize)]
pub struct ImportForm {
    #[serde(default)]
    csrf: String,
    format: String,
    file: String,
    #[serde(default)]
    ties: String,
    #[serde(default)]
    replace: String,
}

pub async fn import(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<ImportForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let format = Format::parse(&form.format).map_err(|_| invalid("format", "must be csv, gexf, graphml or kumu"))?;
    let imported =
        state.app.import_map_files(&user.identity, id, format, &form.file, &form.ties, !form.replace.is_empty()).await;
    let report = match imported {
        Ok(report) => report,
        Err(refused @ AppError::Import { .. }) => {
            return Ok(crate::forms::import_refused(
                &user,
                &refused.to_string(),
                &format!("/initiatives/{id}/map/transfer"),
            ));
        }
        Err(other) => return Err(other.into()),
    };
    Ok(page(
        "Imported",
        &user,
        html! {
            h1 { "Imported" }
            p #import-result { (report.actors) " actors and " (report.ties) " ties imported"
                @if report.replaced { ", replacing the previous map" } "." }
            p { a href={ "/initiatives/" (id) "/map" } { "See the map" } }
        },
    ))
}

#[derive(Deserialize)]
pub struct SnapshotForm {
    #[serde(default)]
    csrf: String,
    label: String,
    date: String,
    #[serde(default)]
    note: String,
}

pub async fn add_snapshot(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<SnapshotForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let date = optional_date("date", &form.date)?.ok_or_else(|| invalid("date", "is required"))?;
    let snapshot = tracktwo_domain::map::MapSnapshot { label: form.label.trim().to_owned(), date, note: form.note };
    state.app.add_map_snapshot(&user.identity, id, snapshot).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/map?as_of={}", date_text(date))).into_response())
}

pub async fn remove_snapshot(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, snapshot)): Path<(String, String)>,
    Form(form): Form<CsrfOnly>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let snapshot: tracktwo_domain::SnapshotId = parse_id(&snapshot).map_err(|_| AppError::NotFound)?;
    state.app.remove_map_snapshot(&user.identity, id, snapshot).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/map")).into_response())
}

fn tie_form_fields(tie: Option<&TieDetails>) -> Markup {
    let kind = tie.map(|t| t.kind);
    html! {
        label { "Kind" select name="kind" { @for k in TieKind::ALL { option value=(k.as_str()) selected[kind == Some(*k)] { (k.label()) } } } }
        label { "Direction" select name="directed" {
            option value="" selected[tie.is_none()] { "as usual for the kind" }
            option value="yes" selected[tie.is_some_and(|t| t.directed)] { "one way" }
            option value="no" selected[tie.is_some_and(|t| !t.directed)] { "both ways" }
        } }
        label { "Strength (1 weak – 5 strong)" input type="number" name="strength" min="1" max="5" value=(tie.map_or(3, |t| t.strength)) required; }
        label { "Valid from" input type="date" name="valid_from" value=(tie.and_then(|t| t.valid_from).map(date_text).unwrap_or_default()); }
        label { "Valid until (the day it ended)" input type="date" name="valid_until" value=(tie.and_then(|t| t.valid_until).map(date_text).unwrap_or_default()); }
        label { "Notes" textarea name="notes" { (tie.map(|t| t.notes.clone()).unwrap_or_default()) } }
    }
}

pub async fn tie(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, tie)): Path<(String, String)>,
) -> PageResult {
    let id = initiative_id(&id)?;
    let tie_id: TieId = parse_id(&tie).map_err(|_| AppError::NotFound)?;
    let map = state.app.system_map(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    // Absent from the caller's view (a team-only tie, or another initiative's) is not found.
    let tie = map.ties.iter().find(|t| t.id == tie_id).ok_or(AppError::NotFound)?;
    let d = &tie.details;
    let may_write = may.allows(Operation::WriteMap);
    Ok(page(
        "Tie",
        &user,
        html! {
            (map_nav(id, &may))
            h1 { (tie_line(&map, tie)) }
            dl.facts {
                dt { "From" } dd { a href={ "/initiatives/" (id) "/actors/" (d.from) } { (map.label(d.from)) } " (" (map.side_name(map.actor(d.from).and_then(|a| a.details.side))) ")" }
                dt { "To" } dd { a href={ "/initiatives/" (id) "/actors/" (d.to) } { (map.label(d.to)) } " (" (map.side_name(map.actor(d.to).and_then(|a| a.details.side))) ")" }
                dt { "Direction" } dd { @if d.directed { "one way" } @else { "both ways" } }
                dt { "Strength" } dd { (d.strength) " of 5" }
                dt { "Valid" } dd { (d.valid_from.map(date_text).unwrap_or_else(|| "…".into())) " – " (d.valid_until.map(date_text).unwrap_or_else(|| "…".into())) }
                dt { "Across the line" } dd { @if map.is_cross_line(tie) { "yes" } @else { "no" } }
                @if !d.notes.is_empty() { dt { "Notes" } dd.note { (d.notes) } }
            }
            @if may_write {
                h2 { "Change or end this tie" }
                form.stack method="post" action={ "/initiatives/" (id) "/ties/" (tie_id) } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    (tie_form_fields(Some(d)))
                    button type="submit" { "Save tie" }
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
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, tie)): Path<(String, String)>,
    Form(form): Form<TieUpdateForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let tie_id: TieId = parse_id(&tie).map_err(|_| AppError::NotFound)?;
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
