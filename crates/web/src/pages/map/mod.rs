//! The system map's pages: the wheel, coverage and brokers, actors and their ties, the
//! participant registry, participant selection, snapshots, import and export.
//!
//! Every page starts from the caller's view of the map (`App::system_map` and friends), which
//! the core has already stripped of what the caller may not see; the pages only draw it.

pub(crate) mod actors;
pub(crate) mod coverage;
pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod registry;
pub(crate) mod selection;
pub(crate) mod snapshots;
pub(crate) mod ties;
pub(crate) mod wheel;

use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_app::Permissions;
use tracktwo_app::map::SystemMap;
use tracktwo_domain::{InitiativeId, Operation};

/// Links to the map's pages the caller may use.
fn map_nav(id: InitiativeId, may: &Permissions) -> Markup {
    let may = |op| may.allows(op);
    html! {
        nav.sub aria-label="System map" {
            a href={ "/initiatives/" (id) } { "Initiative" }
            a href={ "/initiatives/" (id) "/map" } { "Wheel" }
            a href={ "/initiatives/" (id) "/map/coverage" } { "Coverage and brokers" }
            a href={ "/initiatives/" (id) "/actors" } { "Actors" }
            @if may(Operation::SelectParticipants) {
                a href={ "/initiatives/" (id) "/map/selection" } { "Participant selection" }
            }
            @if may(Operation::ReadRegistry) {
                a href={ "/initiatives/" (id) "/registry" } { "Registry" }
            }
            a href={ "/initiatives/" (id) "/map/transfer" } { "Import and export" }
        }
    }
}

#[derive(Deserialize, Default)]
pub struct MapQuery {
    #[serde(default)]
    as_of: String,
    #[serde(default)]
    compare: String,
    /// A side's id, `third-party`, or empty for all.
    #[serde(default)]
    side: String,
    #[serde(default)]
    track: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    cross_line: String,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn tie_line(map: &SystemMap, tie: &tracktwo_domain::map::Tie) -> String {
    let arrow = if tie.details.directed { "→" } else { "—" };
    format!("{} {arrow} {} {}", map.label(tie.details.from), tie.details.kind.label(), map.label(tie.details.to))
}
