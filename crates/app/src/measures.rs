//! Attitude and trust measures, and the results framework.
//!
//! **Questionnaires.** The team composes a round's questionnaire from the item bank
//! (`tracktwo_domain::measures`), opens it before the round and again after, and issues answer
//! cards for each side ([`AnswerCode`]): printed, handed out face down from a shuffled pile of
//! that side's cards, so the team knows a card's side and never its holder. A participant
//! answers on a light page with their card's code, before the round and again after with the
//! same code; that code is all that pairs the two. Nothing ties an answer to a person:
//! - the store keeps a keyed digest of each code, never the code, and each answer names only
//!   that digest and the card's side;
//! - answering takes no account and no session, so no sign-in can be matched to it, and an
//!   answer is not audited (participants' answers are not access to the record, as votes are not);
//! - an answer's stored times are the questionnaire's, not the moment it was given, and its
//!   identifier is derived from the code, so neither its row's times nor its place tells when
//!   it came.
//!
//! A code answers once before and once after: its answers' identifiers are derived from the code
//! and the time of asking, so a second answer collides with the first in the store's primary key,
//! on both backends and across servers, whatever the timing.
//!
//! **Results** ([`MeasuresView`]): for each construct, n, the paired mean change with its
//! interval, Hedges' g_av with its interval, the exact signed-rank test from six changed pairs
//! (below that the reason it was not run) and per-person reliable change counts, for everyone
//! and by side, through `tracktwo-stats`. The team sees every cell; anyone else (funders,
//! evaluators) only cells of five people or more, with secondary suppression.
//!
//! **Indicators.** The results framework (`tracktwo_domain::results_framework`), one sealed
//! record per indicator, read and written as CSV through `tracktwo-interchange`; an import
//! replaces the whole framework in one transaction, or nothing.

mod cards;
mod indicators;
mod questionnaires;
mod results;

pub(crate) use self::results::released_results;

/// The statistics the results hold, for the edges that show them.
pub use tracktwo_stats as stats;

pub use self::cards::{AnswerCode, IssuedCard};
pub use self::questionnaires::{AnswerRefusal, AnsweringView, QuestionnaireView};
pub use self::results::{
    Figures, MeasuresView, OutwardFigures, OutwardTest, ReleasedConstruct, Results, SideName, TeamConstruct,
};

use tracktwo_domain::questionnaire::{Questionnaire, Response};
use tracktwo_domain::results_framework::Indicator;

use crate::sealed_records::sealable;

sealable!(Questionnaire, Questionnaire, "questionnaires");
sealable!(Response, QuestionnaireResponse, "questionnaire_responses");
sealable!(Indicator, Indicator, "indicators");
