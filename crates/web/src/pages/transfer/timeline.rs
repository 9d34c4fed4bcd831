//! The multi-track timeline, as a page and as a PDF.

use std::fmt::Write as _;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use maud::{PreEscaped, html};
use serde::Deserialize;
use time::Date;
use tracktwo_app::AppError;
use tracktwo_app::transfer::Timeline;
use tracktwo_render::{Block, Document, Inline};

use super::close_chart;
use crate::PageResult;
use crate::extract::QueryVisit;
use crate::forms::{date_text, invalid, optional_date};
use crate::pages::layout::page;

/// The timeline as swimlanes: the official track, each initiative's meetings, transfers,
/// coordination and harvested outcomes, on one date axis.
fn timeline_svg(timeline: &Timeline, from: Date, to: Date) -> String {
    let lanes: Vec<(String, Vec<(Date, String)>)> = std::iter::once((
        "Official track".to_owned(),
        timeline.official.iter().map(|(d, t, k)| (*d, format!("{k}: {t}"))).collect(),
    ))
    .chain(
        timeline
            .initiatives
            .iter()
            .map(|(name, items)| (name.clone(), items.iter().map(|(d, t, m)| (*d, format!("{t} ({m})"))).collect())),
    )
    .chain(std::iter::once((
        "Transfers".to_owned(),
        timeline.transfers.iter().map(|(d, w, i)| (*d, format!("{w} — {i}"))).collect(),
    )))
    .chain(std::iter::once((
        "Coordination".to_owned(),
        timeline.coordination.iter().map(|(d, f, _, i)| (*d, format!("{f} — {i}"))).collect(),
    )))
    .chain(std::iter::once((
        "Outcomes".to_owned(),
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
    let x = |d: Date| left + plot_w * ((d - from).whole_days() as f64 / span).clamp(0.0, 1.0);
    let height = 30.0 + lane_h * lanes.len() as f64 + 30.0;
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let mut svg = String::new();
    let events: usize = lanes.iter().map(|(_, l)| l.len()).sum();
    let _ = write!(
        svg,
        r##"<svg role="img" aria-labelledby="tl-title tl-desc" viewBox="0 0 {width} {height}" width="100%"><title id="tl-title">Multi-track timeline</title><desc id="tl-desc">{events} events from {} to {} in {} lanes: the official track, each initiative's meetings, transfers, coordination and harvested outcomes.</desc>"##,
        date_text(from),
        date_text(to),
        lanes.len()
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
            r##"<line x1="{left}" x2="{}" y1="{y}" y2="{y}" stroke="#d8dce3" stroke-width="1"/><text x="{}" y="{}" font-size="13" text-anchor="end" fill="#1d2330"><title>{}</title>{}</text>"##,
            left + plot_w,
            left - 8.0,
            y + 4.0,
            esc(name),
            // Long titles are cut to fit the margin; the whole title is the label's tooltip.
            esc(&if name.chars().count() > 32 {
                format!("{}…", name.chars().take(31).collect::<String>())
            } else {
                name.clone()
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
    close_chart(&mut svg, left, plot_w, height, (from, to));
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
}

pub async fn timeline(QueryVisit(state, user, query, ()): QueryVisit<TimelineQuery>) -> PageResult {
    let today = state.app.today();
    let from =
        optional_date("from", &query.from)?.unwrap_or_else(|| today.replace_year(today.year() - 2).unwrap_or(today));
    let to = optional_date("to", &query.to)?.unwrap_or(today);
    if to < from {
        return Err(invalid("to", "must come after from"));
    }
    let timeline = state.app.timeline(&user.identity, from, to).await?;
    if query.format == "pdf" {
        let mut blocks = vec![
            Block::Paragraph(vec![Inline::Text(format!("From {} to {}.", date_text(from), date_text(to)))]),
            Block::Drawing {
                svg: timeline_svg(&timeline, from, to),
                alt: "The official track, each initiative's meetings, transfers and coordination as lanes on one date \
                      axis; every event is listed below."
                    .into(),
            },
        ];
        let mut lane = |name: &str, rows: Vec<Vec<String>>| {
            blocks.push(Block::Heading { level: 2, text: name.to_owned() });
            blocks.push(Block::Table { header: vec!["Date".into(), "Event".into()], rows });
        };
        lane(
            "Official track",
            timeline.official.iter().map(|(d, t, k)| vec![date_text(*d), format!("{k}: {t}")]).collect(),
        );
        for (name, items) in &timeline.initiatives {
            lane(name, items.iter().map(|(d, t, m)| vec![date_text(*d), format!("{t} ({m})")]).collect());
        }
        lane(
            "Transfers",
            timeline.transfers.iter().map(|(d, w, i)| vec![date_text(*d), format!("{w} — {i}")]).collect(),
        );
        lane(
            "Coordination",
            timeline.coordination.iter().map(|(d, f, _, i)| vec![date_text(*d), format!("{f} — {i}")]).collect(),
        );
        lane(
            "Outcomes",
            timeline
                .outcomes
                .iter()
                .map(|(d, l, s, i)| vec![date_text(*d), format!("{} outcome, {} — {i}", l.label(), s.label())])
                .collect(),
        );
        let document = Document {
            title: "Multi-track timeline".into(),
            running_head: "Multi-track timeline — confidential".into(),
            copy_mark: String::new(),
            subject: "Timeline".into(),
            blocks,
        };
        let bytes = tracktwo_render::render_pdf(&document).map_err(|e| AppError::Archive(e.to_string()))?;
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
    let svg = timeline_svg(&timeline, from, to);
    Ok(page(
        "Timeline",
        &user,
        html! {
            h1 { "Multi-track timeline" }
            form.filters method="get" action="/timeline" {
                label { "From" input type="date" name="from" value=(date_text(from)); }
                label { "To" input type="date" name="to" value=(date_text(to)); }
                button type="submit" { "Show" }
            }
            figure.timeline { (PreEscaped(svg)) }
            p { a href={ "/timeline?from=" (date_text(from)) "&to=" (date_text(to)) "&format=pdf" } { "As PDF" } }
            h2 { "Events" }
            ul #timeline-events {
                @for (d, t, k) in &timeline.official { li { (date_text(*d)) " — official track: " (k) ": " (t) } }
                @for (d, w, i) in &timeline.transfers { li { (date_text(*d)) " — transfer: " (w) " (" (i) ")" } }
                @for (d, f, _, i) in &timeline.coordination { li { (date_text(*d)) " — coordination: " (f) " (" (i) ")" } }
                @for (d, l, s, i) in &timeline.outcomes { li { (date_text(*d)) " — outcome: " (l.label()) ", " (s.label()) " (" (i) ")" } }
            }
        },
    ))
}
