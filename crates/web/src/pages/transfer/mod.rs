//! Transfer to Track One: readouts and their clearance, each recipient's copy and the
//! distribution ledger, tracing a leaked passage, the transfer and coordination logs with the
//! coordination chart, the official track, and the multi-track timeline.

pub(crate) mod copies;
pub(crate) mod log;
pub(crate) mod readouts;
pub(crate) mod timeline;
pub(crate) mod trace;
mod traceability;

use std::fmt::Write as _;

use maud::{Markup, html};
use time::Date;
use tracktwo_app::AppError;

use crate::extract::parse_id;
use crate::forms::date_text;

fn all<T: std::str::FromStr>(fields: &[(String, String)], name: &str) -> Result<Vec<T>, AppError> {
    fields.iter().filter(|(k, _)| k == name).map(|(_, v)| parse_id::<T>(v)).collect()
}

fn nav(id: tracktwo_domain::InitiativeId) -> Markup {
    html! {
        nav.sub aria-label="Transfer" {
            a href={ "/initiatives/" (id) } { "Initiative" }
            a href={ "/initiatives/" (id) "/readouts" } { "Readouts" }
            a href={ "/initiatives/" (id) "/transfers" } { "Transfer and coordination" }
            a href="/timeline" { "Timeline" }
        }
    }
}

/// Ends a chart's SVG with the first and last dates under its plot.
fn close_chart(svg: &mut String, left: f64, plot_w: f64, height: f64, (from, to): (Date, Date)) {
    let _ = write!(
        svg,
        r##"<text x="{left}" y="{}" font-size="11" fill="#5a6373">{}</text><text x="{}" y="{}" font-size="11" text-anchor="end" fill="#5a6373">{}</text></svg>"##,
        height - 8.0,
        date_text(from),
        left + plot_w,
        height - 8.0,
        date_text(to)
    );
}
