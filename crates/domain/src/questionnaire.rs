//! A questionnaire of the item bank ([`crate::measures`]), given before and after a round, and
//! the answers to it.
//!
//! Answers are paired by an answer card, never by a person: the team prints cards for each side,
//! each with a random code, and hands them out from a shuffled pile, so nobody knows who holds
//! which. A participant answers before the round with their card's code and again after with the
//! same code. The store keeps only a keyed digest of each code ([`Card`]), and each answer names
//! the card's digest and its side, nothing else about whoever answered.
//!
//! Every text here is the team's or a participant's; `Debug` prints identifiers and counts only.

use std::collections::BTreeMap;

use crate::ids::{RoundId, SideId};
use crate::measures::{Construct, Item, item};
use crate::records::{ValidationError, required_line};

field_enum!(
    /// When a questionnaire is answered: before the round or after it.
    Timing as "timing" {
        Before => "before", "Before the round",
        After => "after", "After the round",
    }
);

field_enum!(
    /// Which answers a questionnaire takes now.
    Stage as "stage" {
        /// Being composed: the team may still change its items; no card opens it.
        Composing => "composing", "Being composed",
        /// Open to answers before the round.
        Before => "before", "Open before the round",
        /// Open to answers after the round.
        After => "after", "Open after the round",
        /// Closed: no more answers.
        Closed => "closed", "Closed",
    }
);

impl Stage {
    /// The answers this stage takes, if any.
    #[must_use]
    pub fn open_for(self) -> Option<Timing> {
        match self {
            Stage::Before => Some(Timing::Before),
            Stage::After => Some(Timing::After),
            Stage::Composing | Stage::Closed => None,
        }
    }
}

/// The reliability assumed for reliable change when the team states none: a conservative
/// test–retest figure for short attitude scales and feeling thermometers (Alwin 1997 reports
/// thermometer reliabilities around 0.7–0.8), so that a change called reliable is one.
pub const DEFAULT_RELIABILITY: f64 = 0.7;

/// The most items one questionnaire asks: a phone-sized page answered in a few minutes.
pub const MOST_ITEMS: usize = 30;

/// The most cards issued at once.
pub const MOST_CARDS_AT_ONCE: usize = 200;

/// An answer card as stored: the keyed digest of its code (hex), and the side it was issued for.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Card {
    pub digest: String,
    pub side: SideId,
}

impl std::fmt::Debug for Card {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Card({:?})", self.side)
    }
}

/// A questionnaire for a round.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Questionnaire {
    pub round: Option<RoundId>,
    pub title: String,
    /// Items of the bank, by identifier, in the order asked.
    pub items: Vec<String>,
    pub stage: Stage,
    /// The measure's reliability for the reliable change index.
    pub reliability: f64,
    /// Every card issued, by its code's digest.
    #[serde(default)]
    pub cards: Vec<Card>,
}

impl std::fmt::Debug for Questionnaire {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Questionnaire")
            .field("round", &self.round)
            .field("items", &self.items.len())
            .field("stage", &self.stage)
            .field("cards", &self.cards.len())
            .finish_non_exhaustive()
    }
}

impl Questionnaire {
    /// A new questionnaire being composed.
    #[must_use]
    pub fn new(round: Option<RoundId>, title: &str, items: Vec<String>) -> Self {
        Self {
            round,
            title: title.trim().to_owned(),
            items,
            stage: Stage::Composing,
            reliability: DEFAULT_RELIABILITY,
            cards: Vec::new(),
        }
    }

    /// # Errors
    /// An empty or overlong title, no item, too many, an item not in the bank or asked twice, a
    /// reliability not strictly between 0 and 1.
    pub fn validate(&self) -> Result<(), ValidationError> {
        required_line("title", &self.title)?;
        if self.items.is_empty() {
            return Err(ValidationError::Empty { field: "items" });
        }
        if self.items.len() > MOST_ITEMS {
            return Err(ValidationError::Invalid { field: "items", reason: "are more than a questionnaire asks" });
        }
        for (index, id) in self.items.iter().enumerate() {
            if item(id).is_none() {
                return Err(ValidationError::UnknownValue { field: "item", value: id.clone() });
            }
            if self.items[..index].contains(id) {
                return Err(ValidationError::Invalid { field: "items", reason: "ask one item twice" });
            }
        }
        if !(self.reliability > 0.0 && self.reliability < 1.0) {
            return Err(ValidationError::Invalid { field: "reliability", reason: "must be between 0 and 1" });
        }
        Ok(())
    }

    /// The items asked, from the bank.
    pub fn bank_items(&self) -> impl Iterator<Item = &'static Item> + '_ {
        self.items.iter().filter_map(|id| item(id))
    }

    /// The constructs measured, each once, in the bank's order.
    #[must_use]
    pub fn constructs(&self) -> Vec<Construct> {
        let mut constructs: Vec<Construct> = self.bank_items().map(|i| i.construct).collect();
        constructs.sort();
        constructs.dedup();
        constructs
    }

    /// The sides cards were issued for, each once.
    #[must_use]
    pub fn card_sides(&self) -> Vec<SideId> {
        let mut sides: Vec<SideId> = self.cards.iter().map(|c| c.side).collect();
        sides.sort();
        sides.dedup();
        sides
    }

    /// The side a card was issued for, by its code's digest.
    #[must_use]
    pub fn card(&self, digest: &str) -> Option<SideId> {
        self.cards.iter().find(|c| c.digest == digest).map(|c| c.side)
    }
}

/// One card holder's answers at one time.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Response {
    /// The card's digest: what pairs the answers before with those after.
    pub card: String,
    pub timing: Timing,
    /// The side the card was issued for.
    pub side: SideId,
    /// Each item's answer, by the item's identifier.
    pub answers: BTreeMap<String, u8>,
}

impl std::fmt::Debug for Response {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Response")
            .field("timing", &self.timing)
            .field("side", &self.side)
            .field("answers", &self.answers.len())
            .finish_non_exhaustive()
    }
}

/// An answer the questionnaire cannot take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("item {0} is not answered")]
    Missing(&'static str),
    #[error("item {0} is not asked by this questionnaire")]
    NotAsked(String),
    #[error("answer out of range for item {0}")]
    OutOfRange(&'static str),
}

impl Response {
    /// Checks the answers against the questionnaire: every item answered, on its scale, and no
    /// other.
    ///
    /// # Errors
    /// The first item missing, out of range, or not asked.
    pub fn check(&self, questionnaire: &Questionnaire) -> Result<(), AnswerError> {
        for id in self.answers.keys() {
            if !questionnaire.items.contains(id) {
                return Err(AnswerError::NotAsked(id.clone()));
            }
        }
        for item in questionnaire.bank_items() {
            let answer = self.answers.get(item.id).ok_or(AnswerError::Missing(item.id))?;
            item.score(*answer).map_err(|e| AnswerError::OutOfRange(e.item))?;
        }
        Ok(())
    }

    /// The score for each construct: the mean of its items' scores (reverse-scored items turned
    /// around). A construct with an unanswerable item has no score.
    #[must_use]
    pub fn scores(&self, questionnaire: &Questionnaire) -> BTreeMap<Construct, f64> {
        let mut sums: BTreeMap<Construct, (f64, usize)> = BTreeMap::new();
        let mut broken: Vec<Construct> = Vec::new();
        for item in questionnaire.bank_items() {
            match self.answers.get(item.id).map(|a| item.score(*a)) {
                Some(Ok(score)) => {
                    let entry = sums.entry(item.construct).or_default();
                    entry.0 += f64::from(score);
                    entry.1 += 1;
                }
                _ => broken.push(item.construct),
            }
        }
        sums.into_iter()
            .filter(|(construct, _)| !broken.contains(construct))
            .map(|(construct, (sum, n))| (construct, sum / n as f64))
            .collect()
    }
}

/// One card's scores on one construct before and after, under its side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairedScore {
    pub side: SideId,
    pub before: f64,
    pub after: f64,
}

/// The answers paired by card, for each construct the questionnaire measures: only cards
/// answered both before and after count. The order is the cards' digests' (random), so it says
/// nothing of who answered when.
#[must_use]
pub fn paired_scores(questionnaire: &Questionnaire, responses: &[Response]) -> BTreeMap<Construct, Vec<PairedScore>> {
    let mut before: BTreeMap<&str, &Response> = BTreeMap::new();
    let mut after: BTreeMap<&str, &Response> = BTreeMap::new();
    for response in responses {
        match response.timing {
            Timing::Before => before.insert(&response.card, response),
            Timing::After => after.insert(&response.card, response),
        };
    }
    let mut out: BTreeMap<Construct, Vec<PairedScore>> =
        questionnaire.constructs().into_iter().map(|c| (c, Vec::new())).collect();
    for (card, first) in &before {
        let Some(second) = after.get(card) else { continue };
        if first.side != second.side {
            continue;
        }
        let (scores_before, scores_after) = (first.scores(questionnaire), second.scores(questionnaire));
        for (construct, pairs) in &mut out {
            if let (Some(b), Some(a)) = (scores_before.get(construct), scores_after.get(construct)) {
                pairs.push(PairedScore { side: first.side, before: *b, after: *a });
            }
        }
    }
    out
}

/// How many answered before, after, and both (paired).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnswerCounts {
    pub before: usize,
    pub after: usize,
    pub paired: usize,
}

#[must_use]
pub fn answer_counts(responses: &[Response]) -> AnswerCounts {
    let before: std::collections::BTreeSet<&str> =
        responses.iter().filter(|r| r.timing == Timing::Before).map(|r| r.card.as_str()).collect();
    let after: std::collections::BTreeSet<&str> =
        responses.iter().filter(|r| r.timing == Timing::After).map(|r| r.card.as_str()).collect();
    AnswerCounts { before: before.len(), after: after.len(), paired: before.intersection(&after).count() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(n: u8) -> SideId {
        SideId::from_random_bytes([n; 16])
    }

    fn questionnaire() -> Questionnaire {
        Questionnaire::new(
            None,
            "Round one",
            vec!["warmth.thermometer".into(), "anxiety.at_ease".into(), "anxiety.on_guard".into()],
        )
    }

    fn response(card: &str, timing: Timing, side: SideId, answers: [u8; 3]) -> Response {
        let q = questionnaire();
        Response { card: card.into(), timing, side, answers: q.items.iter().cloned().zip(answers).collect() }
    }

    #[test]
    fn a_questionnaire_asks_known_items_once() {
        assert_eq!(questionnaire().validate(), Ok(()));
        let mut twice = questionnaire();
        twice.items.push("warmth.thermometer".into());
        assert!(twice.validate().is_err());
        let mut unknown = questionnaire();
        unknown.items.push("no.such".into());
        assert!(unknown.validate().is_err());
        let mut none = questionnaire();
        none.items.clear();
        assert!(none.validate().is_err());
    }

    #[test]
    fn every_item_is_answered_on_its_scale() {
        let q = questionnaire();
        assert_eq!(response("a", Timing::Before, side(1), [50, 4, 4]).check(&q), Ok(()));
        assert!(response("a", Timing::Before, side(1), [101, 4, 4]).check(&q).is_err());
        assert!(response("a", Timing::Before, side(1), [50, 0, 4]).check(&q).is_err());
        let mut missing = response("a", Timing::Before, side(1), [50, 4, 4]);
        missing.answers.remove("anxiety.on_guard");
        assert_eq!(missing.check(&q), Err(AnswerError::Missing("anxiety.on_guard")));
        let mut extra = response("a", Timing::Before, side(1), [50, 4, 4]);
        extra.answers.insert("compromise.willing".into(), 3);
        assert!(extra.check(&q).is_err());
    }

    #[test]
    fn only_cards_answered_before_and_after_are_paired() {
        let q = questionnaire();
        let responses = vec![
            response("a", Timing::Before, side(1), [40, 3, 5]),
            response("a", Timing::After, side(1), [60, 5, 3]),
            response("b", Timing::Before, side(2), [20, 2, 6]),
            response("c", Timing::After, side(2), [70, 6, 2]),
        ];
        let pairs = paired_scores(&q, &responses);
        assert_eq!(pairs[&Construct::Warmth], vec![PairedScore { side: side(1), before: 40.0, after: 60.0 }]);
        assert_eq!(pairs[&Construct::IntergroupAnxiety].len(), 1);
        assert_eq!(answer_counts(&responses), AnswerCounts { before: 2, after: 2, paired: 1 });
    }
}
