//! Transfer to Track One: readouts and their clearance, each recipient's copy and the
//! distribution ledger, tracing a leaked passage, the transfer and coordination logs with the
//! coordination chart, the official track, and the multi-track timeline.

pub(crate) mod copies;
pub(crate) mod log;
pub(crate) mod readouts;
pub(crate) mod timeline;
pub(crate) mod trace;

use maud::{Markup, html};
use tracktwo_app::AppError;

use crate::extract::parse_id;

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
