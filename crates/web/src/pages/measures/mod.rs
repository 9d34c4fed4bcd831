//! Attitude and trust measures and the results framework: the team's questionnaires (composed
//! from the item bank, opened before and after a round, answer cards issued for each side), the
//! light page a card holder answers on, the results by side, and the indicators with their CSV.
//!
//! Every word of these pages comes from `measures.ftl`, except the item bank's wordings, scale
//! labels and citations, which stay in English and are marked `lang="en"` (and `dir="ltr"`). The
//! bank adapts validated English-language instruments: a translated item measures the same thing
//! only once its translation has itself been validated (forward and back translation, testing
//! with speakers of the language), so a translation made here, however careful, would give scores
//! that cannot be compared with the instrument's or across languages. A validated translation
//! would enter the bank as an item of its own, with its source.
//!
//! The answering page is like the ballot: no account, no script, a few kilobytes, phone-sized.
//! The card's code travels only in form bodies, never in an address, so no log holds it.

pub(crate) mod answer;
pub(crate) mod indicators;
pub(crate) mod list;
pub(crate) mod results;

pub(crate) use results::{interval, p_value};

use tracktwo_domain::measures::Construct;
use tracktwo_domain::questionnaire::Stage;
use tracktwo_domain::{InitiativeId, QuestionnaireId};
use tracktwo_i18n::{Locale, text};

fn measures_path(initiative: InitiativeId) -> String {
    format!("/initiatives/{initiative}/measures")
}

fn questionnaire_path(initiative: InitiativeId, id: QuestionnaireId) -> String {
    format!("/initiatives/{initiative}/measures/{id}")
}

fn stage_text(locale: Locale, stage: Stage) -> String {
    text(locale, &format!("measures-stage-{}", stage.as_str()))
}

pub(crate) fn construct_text(locale: Locale, construct: Construct) -> String {
    let id = match construct {
        Construct::Warmth => "warmth",
        Construct::GeneralisedTrust => "generalised-trust",
        Construct::OutgroupTrust => "outgroup-trust",
        Construct::IntergroupAnxiety => "intergroup-anxiety",
        Construct::Closeness => "closeness",
        Construct::PerspectiveTaking => "perspective-taking",
        Construct::WillingnessToCompromise => "willingness-to-compromise",
    };
    text(locale, &format!("measures-construct-{id}"))
}

/// A figure with one decimal (two for an effect size), as the pages show it.
pub(crate) fn one_decimal(locale: Locale, value: f64) -> String {
    locale.decimal(value, 1)
}

pub(crate) fn two_decimals(locale: Locale, value: f64) -> String {
    locale.decimal(value, 2)
}
