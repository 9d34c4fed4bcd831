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
use crate::forms::{date_text, invalid, optional_date};
use crate::pages::layout::page;
use crate::pages::time_axis::TimeAxis;

/// The timeline as swimlanes: the official track, each initiative's meetings, transfers,
/// coordination and harvested outcomes, on one date axis, its words in `locale`. Time runs the
/// way the language reads: from right to left in Arabic, the lanes' names then on the right.
fn timeline_svg(timeline: &Timeline, from: Date, to: Date, locale: Locale) -> String {
    let say = |id: &str| text(locale, id);
    let lanes: Vec<(String, Vec<(Date, String)>)> = std::iter::once((
        say("document-timeline-official"),
        timeline.official.iter().map(|(d, t, k)| (*d, format!("{k}: {t}"))).collect(),
    ))
    .chain(
        timeline
            .initiatives
            .iter()
            .map(|(name, items)| (name.clone(), items.iter().map(|(d, t, m)| (*d, format!("{t} ({m})"))).collect())),
    )
    .chain(std::iter::once((
        say("document-timeline-transfers"),
        timeline.transfers.iter().map(|(d, w, i)| (*d, format!("{w} — {i}"))).collect(),
    )))
    .chain(std::iter::once((
        say("document-timeline-coordination"),
        timeline.coordination.iter().map(|(d, f, _, i)| (*d, format!("{f} — {i}"))).collect(),
    )))
    .chain(std::iter::once((
        say("document-timeline-outcomes"),
        timeline
            .outcomes
            .iter()
            .map(|(d, l, s, i)| (*d, format!("{} outcome, {} — {i}", l.label(), s.label())))
            .collect(),
    )))
    .collect();
    let (left, width, lane_h) = (250.0_f64, 820.0_f64, 46.0_f64);
    let plot_w = width - left - 20.0;
    let span = ((to - from).whole_days().max(1)) as f64;
    let axis = TimeAxis::new(width, locale.direction());
    let x = |d: Date| axis.x(left + plot_w * ((d - from).whole_days() as f64 / span).clamp(0.0, 1.0));
    let height = 30.0 + lane_h * lanes.len() as f64 + 30.0;
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let mut svg = String::new();
    let (from_text, to_text) = (date_text(from), date_text(to));
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
                r##"<line x1="{x}" x2="{x}" y1="20" y2="{}" stroke="#d8dce3"/><text x="{x}" y="14" font-size="11" text-anchor="middle" fill="#5a6373">{year}</text>"##,
                height - 25.0,
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
            r##"<line x1="{}" x2="{}" y1="{y}" y2="{y}" stroke="#d8dce3" stroke-width="1"/><text x="{}" y="{}" font-size="13" text-anchor="end" fill="#1d2330"><title>{}</title>{}</text>"##,
            axis.x(left),
            axis.x(left + plot_w),
            axis.x(left - 8.0),
            y + 4.0,
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
                date_text(*d),
                esc(label),
                x(*d)
            );
        }
    }
    close_chart(&mut svg, axis, left, plot_w, height, (from, to));
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
        let lanes = TimelineLanes {
            official: timeline.official.iter().map(|(d, t, k)| vec![date_text(*d), format!("{k}: {t}")]).collect(),
            initiatives: timeline
                .initiatives
                .iter()
                .map(|(name, items)| {
                    (name.as_str(), items.iter().map(|(d, t, m)| vec![date_text(*d), format!("{t} ({m})")]).collect())
                })
                .collect(),
            transfers: timeline.transfers.iter().map(|(d, w, i)| vec![date_text(*d), format!("{w} — {i}")]).collect(),
            coordination: timeline
                .coordination
                .iter()
                .map(|(d, f, _, i)| vec![date_text(*d), format!("{f} — {i}")])
                .collect(),
            outcomes: timeline
                .outcomes
                .iter()
                .map(|(d, l, s, i)| vec![date_text(*d), format!("{}, {} — {i}", l.label(), s.label())])
                .collect(),
        };
        let document = timeline_document(
            lanes,
            (from, to),
            // The document's drawing stays as it was, in English and left to right; the
            // document lists every event in its own language below it.
            timeline_svg(&timeline, from, to, Locale::English),
            crate::documents::document_locale(&query.language, user.locale),
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
    let svg = timeline_svg(&timeline, from, to, locale);
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
                @for (d, t, k) in &timeline.official { li { (date_text(*d)) " — " (say("transfer-official-track")) " " span lang="en" dir="ltr" { (k) } ": " bdi { (t) } } }
                @for (d, w, i) in &timeline.transfers { li { (date_text(*d)) " — " (say("transfer-transfer")) " " span lang="en" dir="ltr" { (w) } " (" bdi { (i) } ")" } }
                @for (d, f, _, i) in &timeline.coordination { li { (date_text(*d)) " — " (say("transfer-coordination")) " " span lang="en" dir="ltr" { (f) } " (" bdi { (i) } ")" } }
                @for (d, l, s, i) in &timeline.outcomes { li { (date_text(*d)) " — " (say("document-timeline-outcomes")) " " span lang="en" dir="ltr" { (l.label()) ", " (s.label()) } " (" bdi { (i) } ")" } }
            }
        },
    ))
}

#[cfg(test)]
mod tests {
    use time::macros::date;

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
            (date!(2025 - 01 - 10), "First".to_owned(), "m".to_owned()),
            (date!(2026 - 06 - 10), "Second".to_owned(), "m".to_owned()),
        ];
        Timeline {
            official: Vec::new(),
            initiatives: vec![("Serin".to_owned(), meetings)],
            transfers: Vec::new(),
            coordination: Vec::new(),
            outcomes: Vec::new(),
        }
    }

    #[test]
    fn time_runs_the_way_the_language_reads_and_the_lanes_are_named_where_it_starts() {
        let (from, to) = (date!(2024 - 01 - 01), date!(2026 - 12 - 31));
        let english = timeline_svg(&two_meetings(), from, to, Locale::English);
        let arabic = timeline_svg(&two_meetings(), from, to, Locale::Arabic);
        let (earlier, later) = (dots(&english)[0], dots(&english)[1]);
        assert!(earlier < later, "in English the earlier meeting is to the left: {earlier} {later}");
        let (earlier, later) = (dots(&arabic)[0], dots(&arabic)[1]);
        assert!(earlier > later, "in Arabic the earlier meeting is to the right: {earlier} {later}");
        let names = lane_names(&arabic);
        assert!(!names.is_empty() && names.iter().all(|x| *x > earlier), "{names:?} right of every dot");
        // The labels read in the drawing's direction; nothing is flipped glyph by glyph.
        assert!(arabic.contains("direction=\"rtl\"") && english.contains("direction=\"ltr\""));
        assert!(!arabic.contains("scale(-1"), "{arabic}");
        assert!(arabic.contains(&text(Locale::Arabic, "document-timeline-official")));
    }
}
