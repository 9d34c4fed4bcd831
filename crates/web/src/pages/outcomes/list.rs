//! The outcomes a reader may see, numbered, with the RPP matrix (arrows for a social actor's
//! moves between cells over time, as `tracktwo_domain::outcomes::movements` finds them among
//! the outcomes the reader sees whole) and the layers' funnel.

use maud::{PreEscaped, html};
use tracktwo_app::outcomes::OutcomeView;
use tracktwo_domain::Operation;
use tracktwo_domain::outcomes::{Layer, Outcome, OutcomeState, RppCell, movements};
use tracktwo_i18n::{Arg, Locale, text, text_with};
use tracktwo_map_draw::outcomes::{FunnelLayer, MarkerState, RppMarker, RppPicture, layer_funnel_svg, rpp_matrix_svg};

use super::{cell, layer, level, nav, outcome_path, reach, state};
use crate::PageResult;
use crate::extract::{InitiativePath, Visit};
use crate::forms::shown_date;
use crate::pages::layout::page;

fn marker_state(s: OutcomeState) -> MarkerState {
    match s {
        OutcomeState::Draft => MarkerState::Draft,
        OutcomeState::Substantiated => MarkerState::Substantiated,
        OutcomeState::Reported => MarkerState::Reported,
    }
}

/// An outcome as the pictures place it.
pub(crate) struct Placed<'a> {
    pub cell: RppCell,
    pub layer: Layer,
    pub state: OutcomeState,
    pub what: &'a str,
}

/// The RPP matrix and the layers' funnel, as SVG.
pub(crate) struct Pictures {
    pub matrix: String,
    pub funnel: String,
}

/// The RPP matrix of `outcomes` (numbered in their order, with `moves` between them as arrows)
/// and the funnel of their layers.
pub(crate) fn pictures(locale: Locale, outcomes: &[Placed<'_>], moves: &[(usize, usize)]) -> Pictures {
    let say = |key: &str| text(locale, key);
    let markers: Vec<RppMarker> = outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| RppMarker {
            number: i + 1,
            cell: RppCell::ALL.iter().position(|c| *c == o.cell).unwrap_or(0),
            state: marker_state(o.state),
            label: o.what.to_owned(),
        })
        .collect();
    let title = say("rpp-title");
    let description = format!(
        "{} {}",
        text_with(locale, "rpp-desc", &[("count", Arg::count(outcomes.len()))]),
        text_with(locale, "rpp-movements", &[("count", Arg::count(moves.len()))])
    );
    let columns = [reach(locale, RppCell::ALL[0].reach), reach(locale, RppCell::ALL[1].reach)];
    let rows = [level(locale, RppCell::ALL[0].level), level(locale, RppCell::ALL[2].level)];
    let matrix = rpp_matrix_svg(&RppPicture {
        title: &title,
        description: &description,
        columns: [&columns[0], &columns[1]],
        rows: [&rows[0], &rows[1]],
        markers: &markers,
        movements: moves,
    });
    let layers: Vec<FunnelLayer> = Layer::ALL
        .iter()
        .map(|l| {
            let count = outcomes.iter().filter(|o| o.layer == *l).count();
            FunnelLayer { label: layer(locale, *l), count, shown_count: locale.number(count) }
        })
        .collect();
    let funnel = layer_funnel_svg(&say("funnel-title"), &say("funnel-desc"), &layers);
    Pictures { matrix, funnel }
}

pub async fn outcomes(Visit(state_, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |key: &str| text(locale, key);
    let list = state_.app.outcomes(&user.identity, id).await?;
    let may = state_.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let may_harvest = may.allows(Operation::HarvestOutcome);
    let cleared_only = list.iter().all(|(_, v)| matches!(v, OutcomeView::Cleared(_))) && !list.is_empty();

    // Moves are found among the outcomes seen whole: a cleared outcome names no social actor.
    let whole: Vec<(usize, &Outcome)> = list
        .iter()
        .enumerate()
        .filter_map(|(i, (_, v))| match v {
            OutcomeView::Full { outcome, .. } => Some((i, outcome)),
            OutcomeView::Cleared(_) => None,
        })
        .collect();
    let moves: Vec<(usize, usize)> = movements(&whole).iter().map(|m| (m.from, m.to)).collect();
    let placed: Vec<Placed<'_>> = list
        .iter()
        .map(|(_, v)| Placed { cell: v.rpp(), layer: v.layer(), state: v.state(), what: v.what() })
        .collect();
    let Pictures { matrix, funnel } = pictures(locale, &placed, &moves);

    Ok(page(
        &say("outcomes-title"),
        &user,
        html! {
            (nav(locale, id))
            h1 { (say("outcomes-title")) }
            p { (say("outcomes-intro")) }
            @if cleared_only { p.muted #cleared-note { (say("outcomes-cleared-note")) } }
            @if may_harvest { p { a #harvest-link href={ (super::outcomes_path(id)) "/new" } { (say("outcomes-harvest-link")) } } }
            p.muted #outcome-count { (text_with(locale, "outcomes-count", &[("count", Arg::count(list.len()))])) }
            @if list.is_empty() {
                p #no-outcomes { (say("outcomes-none")) }
            } @else {
                div.scroll tabindex="0" role="region" aria-label=(say("outcomes-title")) { table #outcomes {
                    thead { tr {
                        th scope="col" { "#" }
                        th scope="col" { (say("outcomes-col-when")) }
                        th scope="col" { (say("outcomes-col-what")) }
                        th scope="col" { (say("outcomes-col-layer")) }
                        th scope="col" { (say("outcomes-col-cell")) }
                        th scope="col" { (say("outcomes-col-state")) }
                    } }
                    tbody { @for (i, (oid, v)) in list.iter().enumerate() { tr {
                        td.num { (i + 1) }
                        td { (shown_date(locale, v.on())) }
                        td { a href=(outcome_path(id, *oid)) dir="auto" { (v.what()) } }
                        td { (layer(locale, v.layer())) }
                        td { (cell(locale, v.rpp())) }
                        td { (state(locale, v.state())) }
                    } } }
                } }
            }
            h2 { (say("rpp-heading")) }
            figure #rpp-matrix { (PreEscaped(matrix)) }
            h2 { (say("funnel-heading")) }
            figure #layer-funnel { (PreEscaped(funnel)) }
        },
    ))
}
