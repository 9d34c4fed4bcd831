//! The assessment room: harvested outcomes (the list with the RPP matrix and the layers'
//! funnel, the harvest form, one outcome with its substantiation and workflow), and the theory
//! of change read over time with the team's reflections. Every word is from the `outcomes`
//! messages, in the reader's language; what the team and the harvesters wrote is shown as
//! written, each in its own direction.

pub(crate) mod harvest;
pub(crate) mod list;
pub(crate) mod page;
pub(crate) mod reports;
pub(crate) mod theory;

use maud::{Markup, html};
use tracktwo_domain::dialogue::ConfidentialityMode;
use tracktwo_domain::outcomes::{
    AssumptionStatus, ChangeLevel, ChangeType, Criterion, Layer, OutcomeState, Reach, RppCell, Valence, Verdict,
};
use tracktwo_domain::{InitiativeId, OutcomeId};
use tracktwo_i18n::{Locale, text};

use tracktwo_app::AppError;

pub(crate) fn outcomes_path(initiative: InitiativeId) -> String {
    format!("/initiatives/{initiative}/outcomes")
}

pub(crate) fn outcome_path(initiative: InitiativeId, outcome: OutcomeId) -> String {
    format!("/initiatives/{initiative}/outcomes/{outcome}")
}

pub(crate) fn theory_path(initiative: InitiativeId) -> String {
    format!("/initiatives/{initiative}/theory-of-change")
}

/// The room's own links, under the initiative's.
fn nav(locale: Locale, initiative: InitiativeId) -> Markup {
    let say = |id: &str| text(locale, id);
    html! {
        nav.sub aria-label=(say("outcomes-room")) {
            a href={ "/initiatives/" (initiative) } { "↑" }
            a href=(outcomes_path(initiative)) { (say("outcomes-link")) }
            a href=(theory_path(initiative)) { (say("theory-link")) }
            a href=(reports::reports_path(initiative)) { (say("reports-title")) }
        }
    }
}

/// The message for one value of an enumeration, by its stored name.
fn label(locale: Locale, prefix: &str, value: &str) -> String {
    text(locale, &format!("{prefix}-{value}"))
}

pub(crate) fn layer(locale: Locale, v: Layer) -> String {
    label(locale, "layer", v.as_str())
}
pub(crate) fn reach(locale: Locale, v: Reach) -> String {
    label(locale, "reach", v.as_str())
}
pub(crate) fn level(locale: Locale, v: ChangeLevel) -> String {
    label(locale, "level", v.as_str())
}
fn change_type(locale: Locale, v: ChangeType) -> String {
    label(locale, "change-type", v.as_str())
}
fn valence(locale: Locale, v: Valence) -> String {
    label(locale, "valence", v.as_str())
}
pub(crate) fn criterion(locale: Locale, v: Criterion) -> String {
    label(locale, "criterion", v.as_str())
}
pub(crate) fn state(locale: Locale, v: OutcomeState) -> String {
    label(locale, "outcome-state", v.as_str())
}
fn class(locale: Locale, v: ConfidentialityMode) -> String {
    label(locale, "outcome-class", v.as_str())
}
fn verdict(locale: Locale, v: Verdict) -> String {
    label(locale, "verdict", v.as_str())
}
pub(crate) fn assumption_status(locale: Locale, v: AssumptionStatus) -> String {
    label(locale, "assumption-status", v.as_str())
}
pub(crate) fn cell(locale: Locale, v: RppCell) -> String {
    format!("{} × {}", reach(locale, v.reach), level(locale, v.level))
}

/// A form's value for an enumeration, refused with the field's name when unknown.
fn parse<T>(value: &str, parse: fn(&str) -> Result<T, tracktwo_domain::ValidationError>) -> Result<T, AppError> {
    parse(value).map_err(AppError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value of every enumeration the room names has its message: the identifiers are
    /// built from stored names, so the scan of literal identifiers cannot see them.
    #[test]
    fn every_value_the_room_names_has_a_message() {
        let mut ids = Vec::new();
        ids.extend(Layer::ALL.iter().map(|v| format!("layer-{}", v.as_str())));
        ids.extend(Reach::ALL.iter().map(|v| format!("reach-{}", v.as_str())));
        ids.extend(ChangeLevel::ALL.iter().map(|v| format!("level-{}", v.as_str())));
        ids.extend(ChangeType::ALL.iter().map(|v| format!("change-type-{}", v.as_str())));
        ids.extend(Valence::ALL.iter().map(|v| format!("valence-{}", v.as_str())));
        ids.extend(Criterion::ALL.iter().map(|v| format!("criterion-{}", v.as_str())));
        ids.extend(OutcomeState::ALL.iter().map(|v| format!("outcome-state-{}", v.as_str())));
        ids.extend(ConfidentialityMode::ALL.iter().map(|v| format!("outcome-class-{}", v.as_str())));
        ids.extend(Verdict::ALL.iter().map(|v| format!("verdict-{}", v.as_str())));
        ids.extend(AssumptionStatus::ALL.iter().map(|v| format!("assumption-status-{}", v.as_str())));
        let missing: Vec<&String> = ids.iter().filter(|id| !tracktwo_i18n::has_message(id)).collect();
        assert!(missing.is_empty(), "{missing:?}");
        assert_eq!(ids.len(), 5 + 2 + 2 + 5 + 2 + 5 + 3 + 4 + 3 + 3);
    }
}
