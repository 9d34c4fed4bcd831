//! A questionnaire's page: its results by side (the team's in full, anyone else's with small
//! cells suppressed), and for the team its stage and its answer cards.

use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use tracktwo_app::AppError;
use tracktwo_app::measures::stats::{
    Cell, ChangeVerdict, FEWEST_CHANGED_PAIRS, Interval, NoSignedRankTest, SMALLEST_RELEASED_CELL, SignedRank,
};
use tracktwo_app::measures::{
    Figures, MeasuresView, OutwardFigures, OutwardTest, ReleasedConstruct, Results, TeamConstruct,
};
use tracktwo_domain::questionnaire::Stage;
use tracktwo_domain::{Operation, QuestionnaireId, SideId};
use tracktwo_i18n::{Arg, Locale, text, text_with};

use super::{construct_text, measures_path, one_decimal, questionnaire_path, stage_text, two_decimals};
use crate::PageResult;
use crate::extract::{CsrfForm, ItemPath, Visit};
use crate::forms::{Pairs, field, invalid};
use crate::pages::layout::page;

pub(crate) fn interval(
    locale: Locale,
    value: f64,
    interval: Option<Interval>,
    format: fn(Locale, f64) -> String,
) -> String {
    match interval {
        Some(i) => text_with(
            locale,
            "measures-value-interval",
            &[
                ("value", Arg::Text(&format(locale, value))),
                ("lower", Arg::Text(&format(locale, i.lower))),
                ("upper", Arg::Text(&format(locale, i.upper))),
            ],
        ),
        None => format(locale, value),
    }
}

pub(crate) fn p_value(locale: Locale, p: f64) -> String {
    if p < 0.001 { format!("< {}", locale.decimal(0.001, 3)) } else { locale.decimal(p, 3) }
}

/// Why no p-value, from the typed reason.
fn no_test(locale: Locale, reason: &NoSignedRankTest) -> String {
    match reason {
        NoSignedRankTest::TooFewChanged { changed_pairs, .. } => text_with(
            locale,
            "measures-no-test-too-few",
            &[("changed", Arg::count(*changed_pairs)), ("needed", Arg::count(FEWEST_CHANGED_PAIRS))],
        ),
        NoSignedRankTest::TooManyChanged { .. } => text(locale, "measures-no-test-too-many"),
    }
}

fn team_row(locale: Locale, label: &str, people: usize, figures: &Figures) -> Markup {
    let say = |key: &str| text(locale, key);
    let small = people < SMALLEST_RELEASED_CELL;
    html! {
        tr.small-cell[small] {
            th scope="row" dir="auto" { (label)
                @if small { br; small.muted { (say("measures-small-cell-team")) } }
            }
            td.num { (locale.number(people)) }
            @if let Some(change) = &figures.change {
                td.num { (one_decimal(locale, change.summary.mean_before)) }
                td.num { (one_decimal(locale, change.summary.mean_after)) }
                td.num.change { (interval(locale, change.mean_change, Some(change.mean_change_interval), one_decimal)) }
                td.num.effect { @match &change.effect {
                    Some(g) => (interval(locale, g.g_av, g.interval, two_decimals)),
                    None => (say("measures-no-effect")),
                } }
            } @else {
                td.num colspan="4" { (say("measures-too-few-pairs")) }
            }
            td.test { @match &figures.test {
                SignedRank::Tested(test) => (p_value(locale, test.p_two_sided)),
                SignedRank::NotTested(reason) => span.no-test { (no_test(locale, reason)) },
            } }
            @match &figures.reliable {
                Some(r) => { td.num { (locale.number(r.reliably_higher)) } td.num { (locale.number(r.not_reliable)) } td.num { (locale.number(r.reliably_lower)) } },
                None => { td.num colspan="3" { (say("measures-no-reliable-change")) } },
            }
        }
    }
}

fn count_cell(locale: Locale, cell: Option<&Cell<usize>>) -> Markup {
    match cell.and_then(Cell::released) {
        Some(released) => html! { td.num { (locale.number(*released.value())) } },
        None => html! { td.num.suppressed { (text(locale, "measures-suppressed-short")) } },
    }
}

fn released_row(locale: Locale, label: &str, cell: &Cell<OutwardFigures>) -> Markup {
    let say = |key: &str| text(locale, key);
    let Some(released) = cell.released() else {
        return html! { tr.suppressed { th scope="row" dir="auto" { (label) } td colspan="9" { (say("measures-suppressed")) } } };
    };
    let figures = released.value();
    let number = |value: Option<f64>| value.map(|v| one_decimal(locale, v)).unwrap_or_default();
    html! {
        tr {
            th scope="row" dir="auto" { (label) }
            td.num { (locale.number(released.people())) }
            td.num { (number(figures.mean_before)) }
            td.num { (number(figures.mean_after)) }
            td.num.change { @if let Some(change) = figures.mean_change { (interval(locale, change, figures.mean_change_interval, one_decimal)) } }
            td.num.effect { @match figures.g_av {
                Some(g) => (interval(locale, g, figures.g_av_interval, two_decimals)),
                None => (say("measures-no-effect")),
            } }
            td.test { @match figures.test {
                OutwardTest::Tested { p_two_sided } => (p_value(locale, p_two_sided)),
                OutwardTest::TooFewChanged => span.no-test { (text_with(locale, "measures-no-test-too-few-outward", &[("needed", Arg::count(FEWEST_CHANGED_PAIRS))])) },
                OutwardTest::TooManyChanged => span.no-test { (say("measures-no-test-too-many")) },
            } }
            (count_cell(locale, figures.reliable.get(&ChangeVerdict::ReliablyHigher)))
            (count_cell(locale, figures.reliable.get(&ChangeVerdict::NotReliable)))
            (count_cell(locale, figures.reliable.get(&ChangeVerdict::ReliablyLower)))
        }
    }
}

fn table_head(locale: Locale) -> Markup {
    let say = |key: &str| text(locale, key);
    html! {
        thead { tr {
            th scope="col" { (say("measures-column-group")) }
            th.num scope="col" { "n" }
            th.num scope="col" { (say("measures-column-mean-before")) }
            th.num scope="col" { (say("measures-column-mean-after")) }
            th.num scope="col" { (say("measures-column-change")) }
            th.num scope="col" { (say("measures-column-effect")) }
            th scope="col" { (say("measures-column-test")) }
            th.num scope="col" { (say("measures-column-higher")) }
            th.num scope="col" { (say("measures-column-not-reliable")) }
            th.num scope="col" { (say("measures-column-lower")) }
        } }
    }
}

fn side_name<'a>(view: &'a MeasuresView, side: &SideId) -> &'a str {
    view.sides.iter().find(|(id, _)| id == side).map_or("", |(_, name)| name.as_str())
}

fn team_table(locale: Locale, view: &MeasuresView, construct: &TeamConstruct) -> Markup {
    html! {
        h3 { (construct_text(locale, construct.construct)) }
        div.scroll tabindex="0" role="region" aria-label=(construct_text(locale, construct.construct)) { table.measures-results data-construct=(format!("{:?}", construct.construct)) {
            (table_head(locale))
            tbody {
                (team_row(locale, &text(locale, "measures-everyone"), construct.figures.all.people, &construct.figures.all.figures))
                @for (side, group) in &construct.figures.sides {
                    (team_row(locale, side_name(view, side), group.people, &group.figures))
                }
            }
        } }
    }
}

fn released_table(locale: Locale, view: &MeasuresView, construct: &ReleasedConstruct) -> Markup {
    html! {
        h3 { (construct_text(locale, construct.construct)) }
        div.scroll tabindex="0" role="region" aria-label=(construct_text(locale, construct.construct)) { table.measures-results data-construct=(format!("{:?}", construct.construct)) {
            (table_head(locale))
            tbody {
                (released_row(locale, &text(locale, "measures-everyone"), &construct.figures.all))
                @for (side, cell) in &construct.figures.sides { (released_row(locale, side_name(view, side), cell)) }
            }
        } }
    }
}

fn results_markup(locale: Locale, view: &MeasuresView) -> Markup {
    let say = |key: &str| text(locale, key);
    let released_count = |cell: &Cell<usize>| match cell.released() {
        Some(r) => r.value().to_string(),
        None => say("measures-suppressed-short"),
    };
    html! {
        h2 { (say("measures-results-heading")) }
        @match &view.results {
            Results::Team { counts, constructs } => {
                p #answer-counts { (text_with(locale, "measures-counts", &[("before", Arg::count(counts.before)), ("after", Arg::count(counts.after)), ("paired", Arg::count(counts.paired))])) }
                p.muted { (say("measures-team-note")) }
                @for construct in constructs { (team_table(locale, view, construct)) }
            }
            Results::Released { before, after, paired, constructs } => {
                p #answer-counts { (text_with(locale, "measures-counts-released", &[("before", Arg::Text(&released_count(before))), ("after", Arg::Text(&released_count(after))), ("paired", Arg::Text(&released_count(paired)))])) }
                p.muted { (say("measures-released-note")) }
                @for construct in constructs { (released_table(locale, view, construct)) }
            }
        }
        p.muted { (say("measures-method-note")) }
    }
}

pub async fn questionnaire(
    Visit(state, user, ItemPath(id, questionnaire)): Visit<ItemPath<QuestionnaireId>>,
) -> PageResult {
    let view = state.app.questionnaire_results(&user.identity, id, questionnaire).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ReadMeasures).await?;
    let locale = user.locale;
    let say = |key: &str| text(locale, key);
    let path = questionnaire_path(id, questionnaire);
    let q = &view.questionnaire;
    Ok(page(
        &q.title.clone(),
        &user,
        html! {
            p { a href=(measures_path(id)) { (say("measures-back")) } }
            h1 dir="auto" { (q.title) }
            p #stage { (stage_text(locale, q.stage)) }
            @if may.allows(Operation::ComposeQuestionnaire) {
                form.inline #stage-form method="post" action={ (path) "/stage" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("measures-stage-label"))
                        select name="stage" { @for stage in Stage::ALL {
                            option value=(stage.as_str()) selected[*stage == q.stage] { (stage_text(locale, *stage)) }
                        } }
                    }
                    button type="submit" { (say("measures-stage-submit")) }
                }
                h2 { (say("measures-cards-heading")) }
                p.muted { (say("measures-cards-intro")) }
                p { (text_with(locale, "measures-cards-issued", &[("count", Arg::count(q.cards.len()))])) }
                @if may.allows_outward(tracktwo_app::Outward::AnswerCards) {
                    form.stack #cards-form method="post" action={ (path) "/cards" } {
                        input type="hidden" name="csrf" value=(user.csrf());
                        label { (say("measures-cards-side")) select name="side" { @for (side, name) in &view.sides { option value=(side) dir="auto" { (name) } } } }
                        label { (say("measures-cards-count")) input name="count" type="number" min="1" max="200" value="10"; }
                        button type="submit" { (say("measures-cards-submit")) }
                    }
                } @else {
                    p.muted #closed-channel { (say("measures-cards-secret-channel")) }
                }
            }
            (results_markup(locale, &view))
        },
    ))
}

pub async fn set_stage(
    CsrfForm(state, user, ItemPath(id, questionnaire), fields): CsrfForm<Pairs, ItemPath<QuestionnaireId>>,
) -> PageResult {
    let stage = Stage::parse(field(&fields, "stage")).map_err(AppError::Invalid)?;
    state.app.set_questionnaire_stage(&user.identity, id, questionnaire, stage).await?;
    Ok(Redirect::to(&questionnaire_path(id, questionnaire)).into_response())
}

/// Issues cards and shows their codes, this once, ready to print and cut.
pub async fn issue_cards(
    CsrfForm(state, user, ItemPath(id, questionnaire), fields): CsrfForm<Pairs, ItemPath<QuestionnaireId>>,
) -> PageResult {
    let side: SideId = field(&fields, "side").trim().parse().map_err(|_| invalid("side", "is not known"))?;
    let count: usize = field(&fields, "count").trim().parse().map_err(|_| invalid("count", "is not a number"))?;
    let cards = state.app.issue_answer_cards(&user.identity, id, questionnaire, side, count).await?;
    let locale = user.locale;
    let say = |key: &str| text(locale, key);
    Ok(page(
        &say("measures-cards-printed-title"),
        &user,
        html! {
            p { a href=(questionnaire_path(id, questionnaire)) { (say("measures-back-to-questionnaire")) } }
            h1 { (say("measures-cards-printed-title")) }
            p.notice role="status" { (say("measures-cards-printed-intro")) }
            ul.cards #cards {
                @for card in &cards { li.card {
                    p dir="auto" { (card.side_name) }
                    p { (say("measures-card-where")) " " code.path dir="ltr" { (card.path) } }
                    p { (say("measures-card-code")) " " code.answer-code dir="ltr" { (card.code.printed()) } }
                    p.muted { (say("measures-card-keep")) }
                } }
            }
        },
    ))
}
