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

use tracktwo_i18n::{Arg, Locale, text, text_with};

use crate::extract::parse_id;
use crate::pages::time_axis::TimeAxis;

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
    locale: Locale,
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
            Some((carried_value(carried), version_label(locale, &t.title, latest.number)))
        })
        .collect();
    if let Some(current) = current
        && !choices.iter().any(|(value, _)| *value == carried_value(current))
    {
        let unnamed = text(locale, "transfer-a-negotiating-text");
        let title = texts.iter().find(|t| t.id == current.text).map_or(unnamed.as_str(), |t| t.title.as_str());
        choices.push((carried_value(current), version_label(locale, title, current.version)));
    }
    choices
}

/// How a carried text version is named to this reader: by its title where they may read the
/// text, otherwise by its version alone.
fn carried_label(locale: Locale, choices: &[(String, String)], carried: CarriedText) -> String {
    choices.iter().find(|(value, _)| *value == carried_value(carried)).map_or_else(
        || version_label(locale, &text(locale, "transfer-a-negotiating-text"), carried.version),
        |(_, label)| label.clone(),
    )
}

/// A text's title and version number, as a choice or a link names it.
fn version_label(locale: Locale, title: &str, version: u32) -> String {
    text_with(locale, "transfer-text-version", &[("title", Arg::Text(title)), ("version", Arg::count(version))])
}

fn nav(locale: Locale, id: tracktwo_domain::InitiativeId) -> Markup {
    let say = |id: &str| text(locale, id);
    html! {
        nav.sub aria-label=(say("transfer-nav")) {
            a href={ "/initiatives/" (id) } { (say("transfer-initiative")) }
            a href={ "/initiatives/" (id) "/readouts" } { (say("transfer-readouts")) }
            a href={ "/initiatives/" (id) "/transfers" } { (say("transfer-transfer-and-coordination")) }
            a href="/timeline" { (say("transfer-timeline")) }
        }
    }
}

/// Ends a chart's SVG with the first and last dates under its plot, each at its end of the axis.
fn close_chart(
    svg: &mut String,
    axis: TimeAxis,
    left: f64,
    plot_w: f64,
    height: f64,
    (from, to): (Date, Date),
    locale: Locale,
) {
    let _ = write!(
        svg,
        r##"<text x="{}" y="{}" font-size="11" text-anchor="{}" fill="#5a6373">{}</text><text x="{}" y="{}" font-size="11" text-anchor="{}" fill="#5a6373">{}</text></svg>"##,
        axis.x(left),
        height - 8.0,
        axis.anchor_start(),
        locale.date(from),
        axis.x(left + plot_w),
        height - 8.0,
        axis.anchor_end(),
        locale.date(to)
    );
}
