//! The multi-track timeline, as a page and as a PDF.

use std::fmt::Write as _;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use maud::{PreEscaped, html};
use serde::Deserialize;
use time::Date;
use tracktwo_app::transfer::Timeline;

use super::close_chart;
use tracktwo_i18n::{Arg, Locale, text, text_with};

use crate::PageResult;
use crate::documents::{TimelineLanes, timeline_document};
use crate::extract::QueryVisit;
use crate::forms::{date_text, invalid, optional_date, shown_date};
use crate::pages::layout::page;
use crate::pages::time_axis::TimeAxis;
use crate::pages::{outcomes, words};

/// What the timeline draws, for a page or for a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drawn {
    /// Inline in a page, whose browser turns the labels' anchors with the drawing's direction.
    OnPage,
    /// Set in a PDF, whose renderer anchors labels as drawn: the axis turns them itself.
    InDocument,
}

/// Dated events, each with its words.
type Events = Vec<(Date, String)>;

/// The timeline's events lane by lane, each labelled in `locale`: what the drawing's dots and
/// the document's tables say alike.
struct Worded {
    official: Events,
    initiatives: Vec<(String, Events)>,
    transfers: Events,
    coordination: Events,
    outcomes: Events,
}

fn worded(timeline: &Timeline, locale: Locale) -> Worded {
    Worded {
        official: timeline.official.iter().map(|(d, t, k)| (*d, format!("{}: {t}", words::of(locale, k)))).collect(),
        initiatives: timeline
            .initiatives
            .iter()
            .map(|(name, items)| {
                (name.clone(), items.iter().map(|(d, t, m)| (*d, format!("{t} ({})", words::of(locale, m)))).collect())
            })
            .collect(),
        transfers: timeline.transfers.iter().map(|(d, w, i)| (*d, format!("{} — {i}", words::of(locale, w)))).collect(),
        coordination: timeline
            .coordination
            .iter()
            .map(|(d, f, _, i)| (*d, format!("{} — {i}", words::of(locale, f))))
            .collect(),
        outcomes: timeline
            .outcomes
            .iter()
            .map(|(d, l, s, i)| (*d, format!("{}, {} — {i}", outcomes::layer(locale, *l), outcomes::state(locale, *s))))
            .collect(),
    }
}

/// Each lane's name and its events, in the order they are drawn.
fn lanes(timeline: &Timeline, locale: Locale) -> Vec<(String, Events)> {
    let say = |id: &str| text(locale, id);
    let w = worded(timeline, locale);
    std::iter::once((say("document-timeline-official"), w.official))
        .chain(w.initiatives)
        .chain([
            (say("document-timeline-transfers"), w.transfers),
            (say("document-timeline-coordination"), w.coordination),
            (say("document-timeline-outcomes"), w.outcomes),
        ])
        .collect()
}

/// The timeline as swimlanes: the official track, each initiative's meetings, transfers,
/// coordination and harvested outcomes, on one date axis, its words, years and dates in
/// `locale`. Time runs the way the language reads: from right to left in Arabic, the lanes'
/// names then on the right.
fn timeline_svg(timeline: &Timeline, from: Date, to: Date, locale: Locale, drawn: Drawn) -> String {
    let say = |id: &str| text(locale, id);
    let lanes = lanes(timeline, locale);
    let (left, width, lane_h) = (250.0_f64, 820.0_f64, 46.0_f64);
    let plot_w = width - left - 20.0;
    let span = ((to - from).whole_days().max(1)) as f64;
    let axis = match drawn {
        Drawn::OnPage => TimeAxis::new(width, locale.direction()),
        Drawn::InDocument => TimeAxis::new(width, locale.direction()).for_document(),
    };
    let x = |d: Date| axis.x(left + plot_w * ((d - from).whole_days() as f64 / span).clamp(0.0, 1.0));
    let height = 30.0 + lane_h * lanes.len() as f64 + 30.0;
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let mut svg = String::new();
    let (from_text, to_text) = (locale.date(from), locale.date(to));
    let span_text =
        text_with(locale, "document-timeline-span", &[("from", Arg::Text(&from_text)), ("to", Arg::Text(&to_text))]);
    let _ = write!(
        svg,
        r##"<svg role="img" aria-labelledby="tl-title tl-desc" viewBox="0 0 {width} {height}" width="100%" direction="{}"><title id="tl-title">{}</title><desc id="tl-desc">{} {}</desc>"##,
        axis.direction(),
        esc(&say("document-timeline-title")),
        esc(&span_text),
        esc(&say("document-timeline-alt")),
    );
    // Year ticks.
    let mut year = from.year();
    while year <= to.year() {
        if let Ok(tick) = Date::from_calendar_date(year, time::Month::January, 1)
            && tick >= from
        {
            let _ = write!(
                svg,
                r##"<line x1="{x}" x2="{x}" y1="20" y2="{}" stroke="#d8dce3"/><text x="{x}" y="14" font-size="11" text-anchor="middle" fill="#5a6373">{}</text>"##,
                height - 25.0,
                esc(&locale.year(year)),
                x = x(tick)
            );
        }
        year += 1;
    }
    let colours = ["#1d2330", "#1f4e79", "#0072B2", "#009E73", "#D55E00", "#CC79A7", "#E69F00"];
    for (i, (name, items)) in lanes.iter().enumerate() {
        let y = 30.0 + lane_h * i as f64 + lane_h / 2.0;
        let colour = colours[i % colours.len()];
        let _ = write!(
            svg,
            r##"<line x1="{}" x2="{}" y1="{y}" y2="{y}" stroke="#d8dce3" stroke-width="1"/><text x="{}" y="{}" font-size="13" text-anchor="{}" fill="#1d2330"><title>{}</title>{}</text>"##,
            axis.x(left),
            axis.x(left + plot_w),
            axis.x(left - 8.0),
            y + 4.0,
            axis.anchor_end(),
            esc(name),
            // Long titles are cut to fit the margin; the whole title is the label's tooltip. The
            // label is isolated so that a title in another script than the page's keeps its
            // order, its ellipsis at its own end.
            esc(&if name.chars().count() > 32 {
                format!("\u{2068}{}…\u{2069}", name.chars().take(31).collect::<String>())
            } else {
                format!("\u{2068}{name}\u{2069}")
            })
        );
        for (d, label) in items {
            let _ = write!(
                svg,
                r##"<g><title>{} — {}</title><circle cx="{:.1}" cy="{y}" r="6" fill="{colour}" stroke="#ffffff" stroke-width="1.5"/></g>"##,
                esc(&locale.date(*d)),
                esc(label),
                x(*d)
            );
        }
    }
    close_chart(&mut svg, axis, left, plot_w, height, (from, to), locale);
    svg
}

#[derive(Deserialize)]
pub struct TimelineQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    format: String,
    /// The PDF's language (`en`, `ar`, `ru`, `fr`); the reader's own when absent or unknown.
    #[serde(default)]
    language: String,
}

pub async fn timeline(QueryVisit(state, user, query, ()): QueryVisit<TimelineQuery>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let today = state.app.today();
    let from =
        optional_date("from", &query.from)?.unwrap_or_else(|| today.replace_year(today.year() - 2).unwrap_or(today));
    let to = optional_date("to", &query.to)?.unwrap_or(today);
    if to < from {
        return Err(invalid("to", "must come after from"));
    }
    let timeline = state.app.timeline(&user.identity, from, to).await?;
    if query.format == "pdf" {
        let language = crate::documents::document_locale(&query.language, user.locale);
        // The tables below the drawing say what its dots say, in the same words.
        let rows = |lane: Events| lane.into_iter().map(|(d, label)| vec![language.date(d), label]).collect();
        let w = worded(&timeline, language);
        let lanes = TimelineLanes {
            official: rows(w.official),
            initiatives: w.initiatives.into_iter().map(|(name, items)| (name, rows(items))).collect(),
            transfers: rows(w.transfers),
            coordination: rows(w.coordination),
            outcomes: rows(w.outcomes),
        };
        let document = timeline_document(
            lanes,
            (from, to),
            timeline_svg(&timeline, from, to, language, Drawn::InDocument),
            language,
        );
        let bytes = crate::documents::pdf(&document)?;
        return Ok((
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("application/pdf")),
                (header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"timeline.pdf\"")),
            ],
            bytes,
        )
            .into_response());
    }
    let svg = timeline_svg(&timeline, from, to, locale, Drawn::OnPage);
    Ok(page(
        &say("transfer-multi-track-timeline"),
        &user,
        html! {
            h1 { (say("transfer-multi-track-timeline")) }
            form.filters method="get" action="/timeline" {
                label { (say("transfer-from")) input type="date" name="from" value=(date_text(from)); }
                label { (say("transfer-to")) input type="date" name="to" value=(date_text(to)); }
                button type="submit" { (say("transfer-show")) }
            }
            figure.timeline { (PreEscaped(svg)) }
            p { a href={ "/timeline?from=" (date_text(from)) "&to=" (date_text(to)) "&format=pdf" } { (say("transfer-as-pdf")) } }
            h2 { (say("transfer-events")) }
            ul #timeline-events {
                @for (d, t, k) in &timeline.official { li { (shown_date(locale, *d)) " — " (say("transfer-official-track")) " " (words::of(locale, k)) ": " bdi { (t) } } }
                @for (d, w, i) in &timeline.transfers { li { (shown_date(locale, *d)) " — " (say("transfer-transfer")) " " (words::of(locale, w)) " (" bdi { (i) } ")" } }
                @for (d, f, _, i) in &timeline.coordination { li { (shown_date(locale, *d)) " — " (say("transfer-coordination")) " " (words::of(locale, f)) " (" bdi { (i) } ")" } }
                @for (d, l, s, i) in &timeline.outcomes { li { (shown_date(locale, *d)) " — " (say("document-timeline-outcomes")) " " (outcomes::layer(locale, *l)) ", " (outcomes::state(locale, *s)) " (" bdi { (i) } ")" } }
            }
        },
    ))
}

#[cfg(test)]
mod tests {
    use time::macros::date;
    use tracktwo_domain::dialogue::ConfidentialityMode;
    use tracktwo_domain::outcomes::{Layer, OutcomeState};
    use tracktwo_domain::transfer::{CoordinationForm, OfficialKind, TransferKind};

    use super::*;

    /// The x of each event's dot, in the order the events were given.
    fn dots(svg: &str) -> Vec<f64> {
        svg.split("<circle cx=\"").skip(1).map(|rest| rest.split('"').next().unwrap().parse().unwrap()).collect()
    }

    /// The x of each lane's name.
    fn lane_names(svg: &str) -> Vec<f64> {
        let pieces: Vec<&str> = svg.split("font-size=\"13\"").collect();
        // Every piece but the last ends where a lane's name begins.
        pieces[..pieces.len() - 1]
            .iter()
            .filter_map(|before| before.rsplit("<text x=\"").next())
            .filter_map(|rest| rest.split('"').next()?.parse().ok())
            .collect()
    }

    fn two_meetings() -> Timeline {
        let meetings = vec![
            (date!(2025 - 01 - 10), "First".to_owned(), ConfidentialityMode::ChathamHouse),
            (date!(2026 - 06 - 10), "Second".to_owned(), ConfidentialityMode::ChathamHouse),
        ];
        Timeline {
            official: vec![(date!(2025 - 03 - 01), "Talks".to_owned(), OfficialKind::NegotiationRound)],
            // The initiative's title is the people's own words, in the script they wrote it in.
            initiatives: vec![("Серин".to_owned(), meetings)],
            transfers: vec![(date!(2025 - 04 - 01), TransferKind::Learning, "Серин".to_owned())],
            coordination: vec![(date!(2025 - 05 - 01), CoordinationForm::InformationSharing, 1, "Серин".to_owned())],
            outcomes: vec![(date!(2025 - 06 - 01), Layer::Individual, OutcomeState::Draft, "Серин".to_owned())],
        }
    }

    /// The words the drawing shows: the text of its labels, its tooltips and its title left out.
    fn drawn_words(svg: &str) -> String {
        let without_titles: String =
            svg.split("<title").map(|piece| piece.split_once("</title>").map_or(piece, |(_, rest)| rest)).collect();
        without_titles.split('<').filter_map(|piece| Some(piece.split_once('>')?.1)).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_documents_drawing_says_everything_in_its_language_and_turns_its_anchors_itself() {
        let (from, to) = (date!(2024 - 01 - 01), date!(2026 - 12 - 31));
        for locale in [Locale::Arabic, Locale::Russian] {
            let svg = timeline_svg(&two_meetings(), from, to, locale, Drawn::InDocument);
            let shown = drawn_words(&svg);
            assert!(!shown.chars().any(|c| c.is_ascii_alphabetic()), "{locale:?}: {shown}");
            assert!(shown.contains(&locale.year(2025)) && shown.contains(&locale.date(to)), "{locale:?}: {shown}");
            assert!(shown.contains(&text(locale, "document-timeline-outcomes")), "{locale:?}: {shown}");
            // The dots' tooltips name kinds and dates in the language too.
            assert!(svg.contains(&words::of(locale, TransferKind::Learning)), "{locale:?}");
        }
        let arabic = timeline_svg(&two_meetings(), from, to, Locale::Arabic, Drawn::InDocument);
        assert!(arabic.contains("direction=\"ltr\"") && arabic.contains("font-size=\"13\" text-anchor=\"start\""));
        let (earlier, later) = (dots(&arabic)[1], dots(&arabic)[2]);
        assert!(earlier > later, "time still runs from right to left: {earlier} {later}");
        assert!(lane_names(&arabic).iter().all(|x| *x > earlier), "the lanes are named on the right");
        let english = drawn_words(&timeline_svg(&two_meetings(), from, to, Locale::English, Drawn::InDocument));
        assert!(english.contains("Outcomes") || english.chars().any(|c| c.is_ascii_lowercase()), "{english}");
    }

    #[test]
    fn time_runs_the_way_the_language_reads_and_the_lanes_are_named_where_it_starts() {
        let (from, to) = (date!(2024 - 01 - 01), date!(2026 - 12 - 31));
        let english = timeline_svg(&two_meetings(), from, to, Locale::English, Drawn::OnPage);
        let arabic = timeline_svg(&two_meetings(), from, to, Locale::Arabic, Drawn::OnPage);
        // The official round comes first, then the two meetings.
        let (earlier, later) = (dots(&english)[1], dots(&english)[2]);
        assert!(earlier < later, "in English the earlier meeting is to the left: {earlier} {later}");
        let (earlier, later) = (dots(&arabic)[1], dots(&arabic)[2]);
        assert!(earlier > later, "in Arabic the earlier meeting is to the right: {earlier} {later}");
        let names = lane_names(&arabic);
        assert!(!names.is_empty() && names.iter().all(|x| *x > earlier), "{names:?} right of every dot");
        // The labels read in the drawing's direction; nothing is flipped glyph by glyph.
        assert!(arabic.contains("direction=\"rtl\"") && english.contains("direction=\"ltr\""));
        assert!(!arabic.contains("scale(-1"), "{arabic}");
        assert!(arabic.contains(&text(Locale::Arabic, "document-timeline-official")));
    }
}
