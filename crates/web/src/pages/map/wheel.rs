//! The nine-track wheel as of a date, filtered, with the changes since another date and the
//! named snapshots.

use maud::{PreEscaped, html};
use tracktwo_app::AppError;
use tracktwo_domain::map::{Level, Track};
use tracktwo_domain::{ActorId, Operation, TieId};
use tracktwo_map_draw::{Wheel, WheelActor, WheelSide, WheelTie, wheel_svg};

use super::{MapQuery, map_as_of, map_nav, tie_line};
use tracktwo_i18n::{Arg, text, text_with};

use crate::PageResult;
use crate::extract::{InitiativePath, QueryVisit};
use crate::forms::{date_text, optional_date, shown_date};
use crate::pages::layout::page;
use crate::pages::words;

pub async fn wheel(
    QueryVisit(state, user, query, InitiativePath(id)): QueryVisit<MapQuery, InitiativePath>,
) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let (map, may, as_of) = map_as_of(&state, &user, id, &query).await?;
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
    let title = text_with(locale, "map-as-of-date", &[("date", Arg::Text(&locale.date(as_of)))]);
    let svg = wheel_svg(&Wheel { title: &title, sides: &sides, actors: &actors, ties: &ties });
    let cross_count = ties.iter().filter(|t| t.cross_line).count();
    let comparison = compare.map(|earlier| (earlier, map.compare(earlier, as_of)));
    let tie_by_id = |tie: TieId| map.ties.iter().find(|t| t.id == tie);
    let selected = |value: &str, current: &str| value == current;
    Ok(page(
        &say("map-system-map"),
        &user,
        html! {
            (map_nav(locale, id, &may))
            h1 { (say("map-system-map")) }
            form.filters method="get" action={ "/initiatives/" (id) "/map" } {
                label { (say("map-as-of")) input type="date" name="as_of" value=(date_text(as_of)); }
                label { (say("map-compare-with")) input type="date" name="compare" value=(compare.map(date_text).unwrap_or_default()); }
                label { (say("map-side"))
                    select name="side" {
                        option value="" selected[selected("", side_filter)] { (say("map-all")) }
                        @for side in &map.sides {
                            option value=(side.id) selected[selected(&side.id.to_string(), side_filter)] dir="auto" { (side.name) }
                        }
                        option value="third-party" selected[selected("third-party", side_filter)] { (say("map-third-parties")) }
                    }
                }
                label { (say("map-track"))
                    select name="track" {
                        option value="" { (say("map-all")) }
                        @for track in Track::ALL {
                            option value=(track.number()) selected[track_filter == Some(track)] { (track.number()) ". " (words::of(locale, track)) }
                        }
                    }
                }
                label { (say("map-level"))
                    select name="level" {
                        option value="" { (say("map-all")) }
                        @for level in Level::ALL {
                            option value=(level.as_str()) selected[level_filter == Some(*level)] { (words::of(locale, level)) }
                        }
                    }
                }
                label.check { input type="checkbox" name="cross_line" value="1" checked[cross_only]; (say("map-cross-line-ties-only")) }
                button type="submit" { (say("map-show")) }
            }
            p #map-summary {
                (text_with(locale, "map-summary", &[
                    ("date", Arg::Text(&locale.date(as_of))),
                    ("shown", Arg::count(actors.len())),
                    ("actors", Arg::count(map.actors.len())),
                    ("ties", Arg::count(ties.len())),
                    ("across", Arg::count(cross_count)),
                ]))
            }
            figure.wheel { (PreEscaped(svg)) }
            h2 { (say("map-snapshots")) }
            @if map.snapshots.is_empty() { p.muted { (say("map-no-named-dates-yet")) } }
            ul #snapshots {
                @for (i, (snapshot_id, snapshot)) in map.snapshots.iter().enumerate() {
                    li {
                        a href={ "/initiatives/" (id) "/map?as_of=" (date_text(snapshot.date)) } dir="auto" { (snapshot.label) }
                        " (" (shown_date(locale, snapshot.date)) ")"
                        @if i > 0 {
                            @let previous = &map.snapshots[i - 1].1;
                            " · " a href={ "/initiatives/" (id) "/map?as_of=" (date_text(snapshot.date)) "&compare=" (date_text(previous.date)) } {
                                (say("map-changes-since")) " " bdi { (previous.label) }
                            }
                        }
                        @if !snapshot.note.is_empty() { br; span.muted dir="auto" { (snapshot.note) } }
                        @if may_write {
                            form.inline method="post" action={ "/initiatives/" (id) "/map/snapshots/" (snapshot_id) "/remove" } {
                                input type="hidden" name="csrf" value=(user.csrf());
                                button.link type="submit" { (say("map-remove")) span.visually-hidden { " " bdi { (snapshot.label) } } }
                            }
                        }
                    }
                }
            }
            @if may_write {
                details {
                    summary { (say("map-name-a-date")) }
                    form.stack method="post" action={ "/initiatives/" (id) "/map/snapshots" } {
                        input type="hidden" name="csrf" value=(user.csrf());
                        label { (say("map-label")) input name="label" required placeholder="After round three"; }
                        label { (say("map-date")) input type="date" name="date" required value=(date_text(as_of)); }
                        label { (say("map-note")) textarea name="note" {} }
                        button type="submit" { (say("map-save-snapshot")) }
                    }
                }
            }
            @if let Some((earlier, change)) = &comparison {
                h2 { (text_with(locale, "map-changes-since-date", &[("date", Arg::Text(&locale.date(*earlier)))])) }
                p #map-changes { (text_with(locale, "map-ties-formed-ended", &[("formed", Arg::count(change.formed.len())), ("ended", Arg::count(change.ended.len()))])) }
                @if !change.formed.is_empty() {
                    h3 { (say("map-formed")) }
                    ul.changes { @for tie in change.formed.iter().filter_map(|t| tie_by_id(*t)) {
                        li { (tie_line(locale, &map, tie)) @if map.is_cross_line(tie) { " " span.tag { (say("map-cross-line")) } } }
                    } }
                }
                @if !change.ended.is_empty() {
                    h3 { (say("map-ended-2")) }
                    ul.changes { @for tie in change.ended.iter().filter_map(|t| tie_by_id(*t)) {
                        li { (tie_line(locale, &map, tie)) }
                    } }
                }
            }
            @if !map.in_full {
                p.muted { (say("map-actors-appear-by-code")) }
            }
        },
    ))
}
