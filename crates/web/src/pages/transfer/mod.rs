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
use tracktwo_domain::transfer::CarriedText;

use crate::extract::parse_id;
use crate::forms::date_text;

fn all<T: std::str::FromStr>(fields: &[(String, String)], name: &str) -> Result<Vec<T>, AppError> {
    fields.iter().filter(|(k, _)| k == name).map(|(_, v)| parse_id::<T>(v)).collect()
}

/// A text version named by a form, written `TEXT/VERSION`; none when the field is blank.
fn carried_text(fields: &[(String, String)], name: &str) -> Result<Option<CarriedText>, AppError> {
    let value = crate::forms::field(fields, name).trim();
    if value.is_empty() {
        return Ok(None);
    }
    let (text, version) = value.split_once('/').ok_or(AppError::NotFound)?;
    Ok(Some(CarriedText { text: parse_id(text)?, version: parse_id(version)? }))
}

fn carried_value(carried: CarriedText) -> String {
    format!("{}/{}", carried.text, carried.version)
}

/// The text versions a readout or transfer may carry, as `(value, label)`: the newest version of
/// each text the reader may read, and `current` if it is another. Empty for a reader who may not
/// read the texts: the core decides, and the form then offers none.
async fn text_choices(
    state: &crate::WebState,
    user: &crate::session::SignedIn,
    initiative: tracktwo_domain::InitiativeId,
    current: Option<CarriedText>,
) -> Vec<(String, String)> {
    let texts = state.app.texts(&user.identity, initiative).await.unwrap_or_default();
    let mut choices: Vec<(String, String)> = texts
        .iter()
        .filter_map(|t| {
            let latest = t.latest.as_ref()?;
            let carried = CarriedText { text: t.id, version: latest.number };
            Some((carried_value(carried), format!("{}, version {}", t.title, latest.number)))
        })
        .collect();
    if let Some(current) = current
        && !choices.iter().any(|(value, _)| *value == carried_value(current))
    {
        let title = texts.iter().find(|t| t.id == current.text).map_or("A negotiating text", |t| t.title.as_str());
        choices.push((carried_value(current), format!("{title}, version {}", current.version)));
    }
    choices
}

/// How a carried text version is named to this reader: by its title where they may read the
/// text, otherwise by its version alone.
fn carried_label(choices: &[(String, String)], carried: CarriedText) -> String {
    choices
        .iter()
        .find(|(value, _)| *value == carried_value(carried))
        .map_or_else(|| format!("A negotiating text, version {}", carried.version), |(_, label)| label.clone())
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
