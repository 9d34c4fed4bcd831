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
use time::Date;
use tracktwo_app::Permissions;
use tracktwo_app::map::SystemMap;
use tracktwo_domain::{InitiativeId, Operation};

use tracktwo_i18n::{Locale, text};

use crate::forms::optional_date;
use crate::pages::words;
use crate::session::SignedIn;
use crate::{PageError, WebState};

/// Links to the map's pages the caller may use.
fn map_nav(locale: Locale, id: InitiativeId, may: &Permissions) -> Markup {
    let may = |op| may.allows(op);
    let say = |id: &str| text(locale, id);
    html! {
        nav.sub aria-label=(say("map-system-map")) {
            a href={ "/initiatives/" (id) } { (say("map-initiative")) }
            a href={ "/initiatives/" (id) "/map" } { (say("map-wheel")) }
            a href={ "/initiatives/" (id) "/map/coverage" } { (say("map-coverage-and-brokers")) }
            a href={ "/initiatives/" (id) "/actors" } { (say("map-actors")) }
            @if may(Operation::SelectParticipants) {
                a href={ "/initiatives/" (id) "/map/selection" } { (say("map-participant-selection")) }
            }
            @if may(Operation::ReadRegistry) {
                a href={ "/initiatives/" (id) "/registry" } { (say("map-registry")) }
            }
            a href={ "/initiatives/" (id) "/map/transfer" } { (say("map-import-and-export")) }
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

/// A side's name, or "third party" in the reader's language for an actor of no side.
fn side_name(locale: Locale, map: &SystemMap, side: Option<tracktwo_domain::SideId>) -> String {
    match side.and_then(|s| map.sides.iter().find(|x| x.id == s)) {
        Some(known) => known.name.clone(),
        None => text(locale, "map-third-party"),
    }
}

/// A tie as a line: its two ends (each isolated, so names in any script keep their order) and
/// its kind in the reader's language.
fn tie_line(locale: Locale, map: &SystemMap, tie: &tracktwo_domain::map::Tie) -> Markup {
    let arrow = if tie.details.directed { "→" } else { "—" };
    html! { bdi dir="auto" { (map.label(tie.details.from)) } " " (arrow) " " (words::of(locale, tie.details.kind)) " " bdi { (map.label(tie.details.to)) } }
}

/// Where the wheel and the coverage page start: the caller's view of the map, what the caller
/// may do there, and the date the page is as of (today unless the query names one).
async fn map_as_of(
    state: &WebState,
    user: &SignedIn,
    id: InitiativeId,
    query: &MapQuery,
) -> Result<(SystemMap, Permissions, Date), PageError> {
    let map = state.app.system_map(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let as_of = optional_date("as of", &query.as_of)?.unwrap_or_else(|| state.app.today());
    Ok((map, may, as_of))
}
