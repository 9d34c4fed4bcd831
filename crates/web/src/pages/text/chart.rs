//! The text's course across its versions, drawn on the server as SVG: its words in one panel,
//! its brackets and alternatives in the other. The version history table beside it holds the
//! same figures as text.

use std::fmt::Write as _;

use maud::{Markup, PreEscaped, html};
use tracktwo_domain::negotiating_text::VersionSummary;
use tracktwo_i18n::{Arg, Locale, text, text_with};

use crate::pages::time_axis::TimeAxis;

const WIDTH: f64 = 600.0;
const PANEL: f64 = 110.0;
const LEFT: f64 = 44.0;
const TOP: f64 = 18.0;

/// A line of the chart: its name, its colour, and the figure it draws.
type Series<'a> = (String, &'a str, fn(&VersionSummary) -> usize);

/// Words set as an SVG text node.
fn escaped(words: &str) -> String {
    words.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// One panel: lines for each series, scaled to the panel's largest value.
fn panel(
    svg: &mut String,
    (axis, locale): (TimeAxis, Locale),
    top: f64,
    label: &str,
    versions: &[&VersionSummary],
    series: &[Series<'_>],
) {
    let max = versions.iter().flat_map(|v| series.iter().map(move |(_, _, f)| f(v))).max().unwrap_or(0).max(1);
    let plot_w = WIDTH - LEFT - 16.0;
    let step = if versions.len() > 1 { plot_w / (versions.len() - 1) as f64 } else { 0.0 };
    let y = |value: usize| top + PANEL - (value as f64 / max as f64) * PANEL;
    let _ = write!(
        svg,
        r##"<text x="{}" y="{:.0}" font-size="12" fill="#1d2330">{}</text><text x="{}" y="{:.0}" font-size="11" text-anchor="end" fill="#5a6373">{}</text><text x="{}" y="{:.0}" font-size="11" text-anchor="end" fill="#5a6373">{}</text><line x1="{}" y1="{:.0}" x2="{:.0}" y2="{:.0}" stroke="#d8dce3"/>"##,
        axis.x(0.0),
        top - 4.0,
        escaped(label),
        axis.x(LEFT - 4.0),
        top + 10.0,
        locale.number(max),
        axis.x(LEFT - 4.0),
        top + PANEL,
        locale.number(0_u8),
        axis.x(LEFT),
        top + PANEL,
        axis.x(LEFT + plot_w),
        top + PANEL,
    );
    for (index, (name, colour, value)) in series.iter().enumerate() {
        let points: Vec<String> = versions
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{:.1},{:.1}", axis.x(LEFT + step * i as f64), y(value(v))))
            .collect();
        let _ = write!(
            svg,
            r##"<polyline fill="none" stroke="{colour}" stroke-width="2" points="{}"/><text x="{:.0}" y="{:.0}" font-size="11" fill="{colour}">{}</text>"##,
            points.join(" "),
            axis.x(LEFT + 8.0 + 110.0 * index as f64),
            top + 10.0,
            escaped(name),
        );
    }
}

/// The chart, or nothing for a text of fewer than two versions, in the reader's language. The
/// versions run the way it reads: from right to left in Arabic.
pub(super) fn chart(versions: &[&VersionSummary], locale: Locale) -> Markup {
    let say = |id: &str| text(locale, id);
    if versions.len() < 2 {
        return html! {};
    }
    let height = TOP * 2.0 + PANEL * 2.0 + 40.0;
    let (first, last) = (versions[0], versions[versions.len() - 1]);
    let description = text_with(
        locale,
        "text-chart-description",
        &[
            ("first", Arg::count(first.number)),
            ("last", Arg::count(last.number)),
            ("words_first", Arg::count(first.figures.words)),
            ("words_last", Arg::count(last.figures.words)),
            ("brackets_first", Arg::count(first.figures.brackets)),
            ("brackets_last", Arg::count(last.figures.brackets)),
            ("alternatives_first", Arg::count(first.figures.alternatives)),
            ("alternatives_last", Arg::count(last.figures.alternatives)),
        ],
    );
    let axis = TimeAxis::new(WIDTH, locale.direction());
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="course-title course-desc" direction="{}"><title id="course-title">{}</title><desc id="course-desc">{}</desc>"##,
        axis.direction(),
        escaped(&say("text-chart-title")),
        escaped(&description),
    );
    panel(
        &mut svg,
        (axis, locale),
        TOP,
        &say("text-chart-words"),
        versions,
        &[(say("text-chart-series-words"), "#1f4e79", |v| v.figures.words)],
    );
    panel(
        &mut svg,
        (axis, locale),
        TOP * 2.0 + PANEL + 10.0,
        &say("text-chart-open-points"),
        versions,
        &[
            (say("text-chart-series-brackets"), "#8a1c1c", |v| v.figures.brackets),
            (say("text-chart-series-alternatives"), "#b7791f", |v| v.figures.alternatives),
        ],
    );
    let _ = write!(
        svg,
        r##"<text x="{}" y="{:.0}" font-size="11" fill="#5a6373">{}</text><text x="{:.0}" y="{:.0}" font-size="11" text-anchor="end" fill="#5a6373">{}</text></svg>"##,
        axis.x(LEFT),
        height - 4.0,
        escaped(&text_with(locale, "text-version-number", &[("version", Arg::count(first.number))])),
        axis.x(WIDTH - 16.0),
        height - 4.0,
        escaped(&text_with(locale, "text-version-number", &[("version", Arg::count(last.number))])),
    );
    html! {
        figure.chart {
            (PreEscaped(svg))
            figcaption.muted { (description) }
        }
    }
}
