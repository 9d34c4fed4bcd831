//! Coverage of tracks, sides and levels, with the gaps; the brokers; the actors with ties across
//! the line.

use maud::html;
use tracktwo_domain::SideId;
use tracktwo_domain::map::{Level, Track};

use super::{MapQuery, map_as_of, map_nav, plural};
use crate::PageResult;
use crate::extract::{InitiativePath, QueryVisit};
use crate::forms::date_text;
use crate::pages::layout::page;

pub async fn coverage(
    QueryVisit(state, user, query, InitiativePath(id)): QueryVisit<MapQuery, InitiativePath>,
) -> PageResult {
    let (map, may, as_of) = map_as_of(&state, &user, id, &query).await?;
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
