//! A report (`tracktwo_app::reports::Report`) as a document: the funder report or the
//! evaluation brief, laid out from what the app assembled for the report's audience and
//! nothing else — it holds no name to withhold here, and no cell under five to suppress.

use tracktwo_app::measures::stats::{Cell, FEWEST_CHANGED_PAIRS};
use tracktwo_app::measures::{MeasuresView, OutwardFigures, OutwardTest, Results};
use tracktwo_app::reports::Report;
use tracktwo_domain::report::ReportKind;
use tracktwo_i18n::{Arg, Locale, text as message, text_with};
use tracktwo_render::{Block, Document, Inline};

use super::{framed, label, reader_label};
use crate::pages::measures::{construct_text, interval, one_decimal, p_value, two_decimals};
use crate::pages::outcomes::list::{Pictures, Placed, pictures};
use crate::pages::outcomes::{assumption_status, cell, criterion, layer, state};

/// The report as a document in `locale`.
#[must_use]
pub fn report_document(report: &Report, locale: Locale) -> Document {
    let m = |id: &str| message(locale, id);
    let kind = report.kind.as_str();
    let reader = reader_label(locale, report.kind.reader());
    let period = match report.period {
        Some(p) => text_with(
            locale,
            "report-period-span",
            &[("from", Arg::Text(&locale.date(p.from))), ("to", Arg::Text(&locale.date(p.to)))],
        ),
        None => m("report-whole-record"),
    };
    let mut blocks = vec![Block::Facts(vec![
        (m("document-initiative"), report.initiative.clone()),
        (m("report-period"), period),
        (m("document-prepared-for"), reader.clone()),
    ])];
    blocks.push(Block::Paragraph(vec![Inline::Emphasis(text_with(
        locale,
        "report-method",
        &[("reader", Arg::Text(&reader))],
    ))]));
    outcomes(report, locale, &mut blocks);
    if report.kind == ReportKind::Evaluation {
        theory(report, locale, &mut blocks);
    }
    measures(report, locale, &mut blocks);
    indicators(report, locale, &mut blocks);
    process(report, locale, &mut blocks);
    transfer(report, locale, &mut blocks);
    let title = text_with(locale, &format!("report-{kind}-title"), &[("initiative", Arg::Text(&report.initiative))]);
    framed(locale, title, m(&format!("report-{kind}-running-head")), m(&format!("report-{kind}-subject")), blocks)
}

fn outcomes(report: &Report, locale: Locale, blocks: &mut Vec<Block>) {
    let m = |id: &str| message(locale, id);
    blocks.push(Block::Heading { level: 2, text: m("report-outcomes-heading") });
    if report.outcomes.is_empty() {
        blocks.push(Block::Paragraph(vec![Inline::Text(m("report-outcomes-none"))]));
        return;
    }
    blocks.push(Block::Paragraph(vec![Inline::Text(text_with(
        locale,
        "outcomes-count",
        &[("count", Arg::count(report.outcomes.len()))],
    ))]));
    let placed: Vec<Placed<'_>> =
        report.outcomes.iter().map(|o| Placed { cell: o.rpp, layer: o.layer, state: o.state, what: &o.what }).collect();
    // A report's outcomes are cleared: no social actor is named, so no move between cells is
    // drawn (as on the outcomes page for a reader without names).
    let Pictures { matrix, funnel } = pictures(locale, &placed, &[]);
    blocks.push(Block::Table {
        header: vec![
            "#".to_owned(),
            m("outcomes-col-when"),
            m("outcomes-col-what"),
            m("outcomes-col-layer"),
            m("outcomes-col-cell"),
            m("outcomes-col-state"),
        ],
        rows: report
            .outcomes
            .iter()
            .enumerate()
            .map(|(i, o)| {
                vec![
                    (i + 1).to_string(),
                    locale.date(o.on),
                    o.what.clone(),
                    layer(locale, o.layer),
                    cell(locale, o.rpp),
                    state(locale, o.state),
                ]
            })
            .collect(),
    });
    blocks.push(Block::Heading { level: 3, text: m("rpp-heading") });
    blocks.push(Block::Drawing {
        svg: matrix,
        alt: text_with(locale, "rpp-desc", &[("count", Arg::count(report.outcomes.len()))]),
    });
    blocks.push(Block::Heading { level: 3, text: m("funnel-heading") });
    blocks.push(Block::Drawing { svg: funnel, alt: m("funnel-desc") });
    blocks.push(Block::Table {
        header: vec![m("outcomes-col-layer"), m("report-col-outcomes")],
        rows: report.tally.layers.iter().map(|(l, n)| vec![layer(locale, *l), locale.number(*n)]).collect(),
    });
    blocks.push(Block::Heading { level: 3, text: m("outcome-criteria") });
    blocks.push(Block::Table {
        header: vec![m("report-col-criterion"), m("report-col-outcomes")],
        rows: report.tally.criteria.iter().map(|(c, n)| vec![criterion(locale, *c), locale.number(*n)]).collect(),
    });
    blocks.push(Block::Heading { level: 3, text: m("report-statements-heading") });
    for (i, o) in report.outcomes.iter().enumerate() {
        let number = (i + 1).to_string();
        let head = text_with(
            locale,
            "report-statement-label",
            &[
                ("number", Arg::Text(&number)),
                ("date", Arg::Text(&locale.date(o.on))),
                ("layer", Arg::Text(&layer(locale, o.layer))),
            ],
        );
        let mut lines = vec![o.what.clone()];
        if !o.actor_description.trim().is_empty() {
            lines.push(text_with(locale, "report-who", &[("who", Arg::Text(&o.actor_description))]));
        }
        if !o.significance.trim().is_empty() {
            lines.push(text_with(locale, "report-significance", &[("text", Arg::Text(&o.significance))]));
        }
        if !o.contribution.trim().is_empty() {
            lines.push(text_with(locale, "report-contribution", &[("text", Arg::Text(&o.contribution))]));
        }
        lines.push(format!(
            "{} · {}",
            text_with(locale, "outcome-sources-count", &[("count", Arg::count(o.sources))]),
            text_with(locale, "outcome-agreeing", &[("count", Arg::count(o.substantiators_agreeing))])
        ));
        blocks.push(Block::Note { label: head, text: lines.join("\n") });
    }
}

fn theory(report: &Report, locale: Locale, blocks: &mut Vec<Block>) {
    let m = |id: &str| message(locale, id);
    blocks.push(Block::Heading { level: 2, text: m("theory-title") });
    if report.assumptions.is_empty() {
        blocks.push(Block::Paragraph(vec![Inline::Text(m("report-theory-none"))]));
        return;
    }
    let numbers = |list: &[usize]| list.iter().map(|n| format!("#{n}")).collect::<Vec<_>>().join(", ");
    blocks.push(Block::Table {
        header: vec![
            m("report-col-assumption"),
            m("report-col-reading"),
            m("report-col-supporting"),
            m("report-col-questioning"),
        ],
        rows: report
            .assumptions
            .iter()
            .map(|a| {
                let reading = match a.latest {
                    Some((on, status)) => format!("{} ({})", assumption_status(locale, status), locale.date(on)),
                    None => m("report-not-read"),
                };
                vec![a.assumption.clone(), reading, numbers(&a.supporting), numbers(&a.questioning)]
            })
            .collect(),
    });
}

fn released_count(locale: Locale, cell: &Cell<usize>) -> String {
    match cell.released() {
        Some(released) => locale.number(*released.value()),
        None => message(locale, "measures-suppressed-short"),
    }
}

fn figures_row(locale: Locale, group: &str, cell: &Cell<OutwardFigures>) -> Vec<String> {
    let Some(released) = cell.released() else {
        return vec![group.to_owned(), message(locale, "measures-suppressed")];
    };
    let f = released.value();
    let number = |value: Option<f64>| value.map(|v| one_decimal(locale, v)).unwrap_or_default();
    vec![
        group.to_owned(),
        locale.number(released.people()),
        number(f.mean_before),
        number(f.mean_after),
        f.mean_change.map(|c| interval(locale, c, f.mean_change_interval, one_decimal)).unwrap_or_default(),
        match f.g_av {
            Some(g) => interval(locale, g, f.g_av_interval, two_decimals),
            None => message(locale, "measures-no-effect"),
        },
        match f.test {
            OutwardTest::Tested { p_two_sided } => p_value(locale, p_two_sided),
            OutwardTest::TooFewChanged => {
                text_with(locale, "measures-no-test-too-few-outward", &[("needed", Arg::count(FEWEST_CHANGED_PAIRS))])
            }
            OutwardTest::TooManyChanged => message(locale, "measures-no-test-too-many"),
        },
    ]
}

fn questionnaire(view: &MeasuresView, locale: Locale, blocks: &mut Vec<Block>) {
    let m = |id: &str| message(locale, id);
    blocks.push(Block::Heading { level: 3, text: view.questionnaire.title.clone() });
    let Results::Released { before, after, paired, constructs } = &view.results else {
        // The app gives a report only results as they leave the team.
        return;
    };
    blocks.push(Block::Paragraph(vec![Inline::Text(text_with(
        locale,
        "measures-counts-released",
        &[
            ("before", Arg::Text(&released_count(locale, before))),
            ("after", Arg::Text(&released_count(locale, after))),
            ("paired", Arg::Text(&released_count(locale, paired))),
        ],
    ))]));
    let side_name = |side| view.sides.iter().find(|(id, _)| *id == side).map_or("", |(_, name)| name.as_str());
    for construct in constructs {
        blocks.push(Block::Paragraph(vec![Inline::Strong(construct_text(locale, construct.construct))]));
        let mut rows = vec![figures_row(locale, &m("measures-everyone"), &construct.figures.all)];
        rows.extend(construct.figures.sides.iter().map(|(side, cell)| figures_row(locale, side_name(*side), cell)));
        blocks.push(Block::Table {
            header: vec![
                m("measures-column-group"),
                "n".to_owned(),
                m("measures-column-mean-before"),
                m("measures-column-mean-after"),
                m("measures-column-change"),
                m("measures-column-effect"),
                m("measures-column-test"),
            ],
            rows,
        });
    }
}

fn measures(report: &Report, locale: Locale, blocks: &mut Vec<Block>) {
    let m = |id: &str| message(locale, id);
    blocks.push(Block::Heading { level: 2, text: m("measures-title") });
    if report.measures.is_empty() {
        blocks.push(Block::Paragraph(vec![Inline::Text(m("report-measures-none"))]));
        return;
    }
    blocks.push(Block::Paragraph(vec![Inline::Text(m("measures-released-note"))]));
    for view in &report.measures {
        questionnaire(view, locale, blocks);
    }
    blocks.push(Block::Paragraph(vec![Inline::Emphasis(m("measures-method-note"))]));
}

fn indicators(report: &Report, locale: Locale, blocks: &mut Vec<Block>) {
    let m = |id: &str| message(locale, id);
    blocks.push(Block::Heading { level: 2, text: m("report-indicators-heading") });
    if report.indicators.is_empty() {
        blocks.push(Block::Paragraph(vec![Inline::Text(m("report-indicators-none"))]));
        return;
    }
    blocks.push(Block::Table {
        header: vec![
            m("report-col-outcome"),
            m("report-col-indicator"),
            m("report-col-baseline"),
            m("report-col-target"),
            m("report-col-actuals"),
        ],
        rows: report
            .indicators
            .iter()
            .map(|i| {
                let unit = |value: f64| {
                    if i.unit.is_empty() {
                        locale.figure(value)
                    } else {
                        format!("{} {}", locale.figure(value), i.unit)
                    }
                };
                let actuals: Vec<String> =
                    i.actuals.iter().map(|a| format!("{}: {}", a.period, unit(a.value))).collect();
                vec![i.outcome.clone(), i.indicator.clone(), unit(i.baseline), unit(i.target), actuals.join("; ")]
            })
            .collect(),
    });
}

fn process(report: &Report, locale: Locale, blocks: &mut Vec<Block>) {
    let m = |id: &str| message(locale, id);
    blocks.push(Block::Heading { level: 2, text: m("report-process-heading") });
    if report.rounds.is_empty() {
        blocks.push(Block::Paragraph(vec![Inline::Text(m("report-process-none"))]));
        return;
    }
    blocks.push(Block::Table {
        header: vec![m("document-round"), m("report-col-meetings"), m("report-col-dates"), m("report-col-options")],
        rows: report
            .rounds
            .iter()
            .map(|r| {
                let dates = match (r.first_day, r.last_day) {
                    (Some(first), Some(last)) if first != last => {
                        format!("{} – {}", locale.date(first), locale.date(last))
                    }
                    (Some(day), _) | (_, Some(day)) => locale.date(day),
                    (None, None) => String::new(),
                };
                vec![
                    format!("{}. {}", r.number, r.title),
                    locale.number(r.meetings),
                    dates,
                    locale.number(r.options_raised),
                ]
            })
            .collect(),
    });
}

fn transfer(report: &Report, locale: Locale, blocks: &mut Vec<Block>) {
    let m = |id: &str| message(locale, id);
    blocks.push(Block::Heading { level: 2, text: m("report-transfer-heading") });
    let t = &report.transfer;
    if t.readouts_released.is_empty() && t.transfers.is_empty() && t.coordination.is_empty() {
        blocks.push(Block::Paragraph(vec![Inline::Text(m("report-transfer-none"))]));
        return;
    }
    let mut facts = Vec::new();
    for (audience, n) in &t.readouts_released {
        let audience = label(locale, "audience", audience.as_str());
        facts.push((
            text_with(locale, "report-readouts-released", &[("audience", Arg::Text(&audience))]),
            locale.number(*n),
        ));
    }
    for (direction, n) in &t.transfers {
        let direction = message(locale, &format!("transfer-direction-{}", direction.as_str()));
        facts.push((text_with(locale, "report-transfers", &[("direction", Arg::Text(&direction))]), locale.number(*n)));
    }
    for (form, n) in &t.coordination {
        let form = message(locale, &format!("coordination-form-{}", form.as_str()));
        facts.push((text_with(locale, "report-contacts", &[("form", Arg::Text(&form))]), locale.number(*n)));
    }
    blocks.push(Block::Facts(facts));
}
