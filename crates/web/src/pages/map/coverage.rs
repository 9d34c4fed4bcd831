//! Coverage of tracks, sides and levels, with the gaps; the brokers; the actors with ties across
//! the line.

use maud::html;
use tracktwo_domain::SideId;
use tracktwo_domain::map::{Level, Track};

use super::{MapQuery, map_as_of, map_nav};
use tracktwo_i18n::{Arg, text, text_with};

use crate::PageResult;
use crate::extract::{InitiativePath, QueryVisit};

use crate::pages::layout::page;
use crate::pages::{findings, words};

pub async fn coverage(
    QueryVisit(state, user, query, InitiativePath(id)): QueryVisit<MapQuery, InitiativePath>,
) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let (map, may, as_of) = map_as_of(&state, &user, id, &query).await?;
    let report = map.coverage(&Track::ALL, Level::ALL);
    let brokers = map.brokers(10, as_of);
    let cross = map.cross_line_actors(as_of);
    let mut columns: Vec<(Option<SideId>, String)> = map.sides.iter().map(|s| (Some(s.id), s.name.clone())).collect();
    columns.push((None, say("map-third-parties")));
    let count = |track: Track, side: Option<SideId>, level: Level| {
        report.cells.iter().find(|c| c.track == track && c.side == side && c.level == level).map_or(0, |c| c.actors)
    };
    Ok(page(
        &say("map-coverage-and-brokers"),
        &user,
        html! {
            (map_nav(locale, id, &may))
            h1 { (say("map-coverage-and-brokers")) }
            h2 { (say("map-gaps")) }
            @if report.gaps.is_empty() { p { (say("map-every-side-has-actors")) } }
            ul #gaps { @for gap in &report.gaps { li { (findings::coverage_gap(locale, gap)) } } }
            h2 { (say("map-actors-by-track-side")) }
            p.muted { (say("map-an-actor-on-several")) }
            div.scroll tabindex="0" role="region" aria-label=(say("map-actors-by-track-side")) {
                table #coverage {
                    caption { (say("map-number-of-actors-per")) }
                    thead {
                        tr { th scope="col" rowspan="2" { (say("map-track")) } @for (_, name) in &columns { th scope="colgroup" colspan="3" dir="auto" { (name) } } }
                        tr { @for _ in &columns { th scope="col" abbr=(words::of(locale, Level::Top)) { "T" } th scope="col" abbr=(words::of(locale, Level::MiddleRange)) { "M" } th scope="col" abbr=(words::of(locale, Level::Grassroots)) { "G" } } }
                    }
                    tbody {
                        @for track in Track::ALL {
                            tr {
                                th scope="row" { (track.number()) ". " (words::of(locale, track)) }
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
            h2 { (text_with(locale, "map-brokers-on-date", &[("date", Arg::Text(&locale.date(as_of)))])) }
            p.muted { (say("map-betweenness-the-share-of")) }
            @if brokers.is_empty() { p.muted { (say("map-no-actor-stands-between")) } }
            ol #brokers {
                @for broker in &brokers {
                    li {
                        a href={ "/initiatives/" (id) "/actors/" (broker.actor) } dir="auto" { (map.label(broker.actor)) }
                        " — " (locale.decimal(broker.betweenness, 3))
                        @if broker.cross_line_ties > 0 { ", " (text_with(locale, "map-cross-line-ties", &[("count", Arg::count(broker.cross_line_ties))])) }
                    }
                }
            }
            h2 { (say("map-actors-with-ties-across")) }
            ul #cross-line {
                @for (actor, n) in &cross {
                    li { a href={ "/initiatives/" (id) "/actors/" (actor) } dir="auto" { (map.label(*actor)) } " — " (text_with(locale, "map-ties-count", &[("count", Arg::count(*n))])) }
                }
            }
        },
    ))
}
