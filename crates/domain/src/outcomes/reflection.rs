//! Reflective practice on the theory of change (Shillings & Jones's repeated snapshots): dated
//! reflections by the team give each assumption a status — holding, in doubt, failed — with a
//! note; a round that has ended asks for one; and the evidence (outcomes now, attitude change
//! once measured) is gathered per assumption.
//!
//! An assumption is named by its place (from 0) in the theory of change's list, as outcomes
//! name it too.

use std::collections::BTreeSet;

use time::Date;

use super::{Outcome, text};
use crate::dialogue::Round;
use crate::ids::{RoundId, UserId};
use crate::records::ValidationError;

field_enum!(
    /// How an assumption of the theory of change stands, as the team reads it.
    AssumptionStatus as "assumption status" {
        Holding => "holding", "Holding",
        InDoubt => "in-doubt", "In doubt",
        Failed => "failed", "Failed",
    }
);

/// The team's reading of one assumption.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AssumptionReading {
    pub assumption: u32,
    pub status: AssumptionStatus,
    pub note: String,
}

/// A dated reflection on the theory of change, after a round or at any time.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Reflection {
    pub on: Date,
    pub by: UserId,
    /// The round it reflects on, if any: a round's reflection answers its prompt.
    pub round: Option<RoundId>,
    pub readings: Vec<AssumptionReading>,
    pub note: String,
}

impl std::fmt::Debug for Reflection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reflection").field("on", &self.on).field("round", &self.round).finish_non_exhaustive()
    }
}

impl Reflection {
    /// Checks the reflection against a theory of change of `assumptions` assumptions: each
    /// reading names one of them, none twice, and there is something to say.
    pub fn validate(&self, assumptions: usize) -> Result<(), ValidationError> {
        text("reflection", &self.note, false)?;
        if self.readings.is_empty() && self.note.trim().is_empty() {
            return Err(ValidationError::Empty { field: "reflection" });
        }
        let mut seen = BTreeSet::new();
        for reading in &self.readings {
            text("note on an assumption", &reading.note, false)?;
            if usize::try_from(reading.assumption).map_or(true, |i| i >= assumptions) {
                return Err(ValidationError::Invalid { field: "assumption", reason: "is not in the theory of change" });
            }
            if !seen.insert(reading.assumption) {
                return Err(ValidationError::Invalid {
                    field: "assumption",
                    reason: "is read twice in one reflection",
                });
            }
        }
        Ok(())
    }
}

/// Each assumption's readings over time (date, status, note), oldest first; `assumptions` is
/// how many the theory of change holds.
#[must_use]
pub fn assumption_history(
    reflections: &[Reflection],
    assumptions: usize,
) -> Vec<Vec<(Date, AssumptionStatus, String)>> {
    let mut out = vec![Vec::new(); assumptions];
    let mut ordered: Vec<&Reflection> = reflections.iter().collect();
    ordered.sort_by_key(|r| r.on);
    for reflection in ordered {
        for reading in &reflection.readings {
            if let Some(history) = usize::try_from(reading.assumption).ok().and_then(|i| out.get_mut(i)) {
                history.push((reflection.on, reading.status, reading.note.clone()));
            }
        }
    }
    out
}

/// The rounds that have ended before `today` and that no reflection names: each asks the team
/// for one.
#[must_use]
pub fn rounds_awaiting_reflection(
    rounds: &[(RoundId, &Round)],
    reflections: &[Reflection],
    today: Date,
) -> Vec<RoundId> {
    let answered: BTreeSet<RoundId> = reflections.iter().filter_map(|r| r.round).collect();
    rounds
        .iter()
        .filter(|(id, round)| round.ends_on.is_some_and(|end| end < today) && !answered.contains(id))
        .map(|(id, _)| *id)
        .collect()
}

/// What bears on one assumption: the records that support it and those that question it. Each
/// kind of evidence feeds it through [`evidence_for`] as (record, assumption, supports):
/// outcomes through [`outcome_links`]; attitude and trust measures can feed it the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence<Id> {
    pub supporting: Vec<Id>,
    pub questioning: Vec<Id>,
}

/// The evidence on `assumption` among `links`.
#[must_use]
pub fn evidence_for<Id>(links: impl IntoIterator<Item = (Id, u32, bool)>, assumption: u32) -> Evidence<Id> {
    let mut evidence = Evidence { supporting: Vec::new(), questioning: Vec::new() };
    for (id, about, supports) in links {
        if about == assumption {
            if supports { evidence.supporting.push(id) } else { evidence.questioning.push(id) }
        }
    }
    evidence
}

/// The links outcomes make to the theory of change's assumptions.
pub fn outcome_links<'a, Id: Copy + 'a>(
    outcomes: &'a [(Id, &'a Outcome)],
) -> impl Iterator<Item = (Id, u32, bool)> + 'a {
    outcomes.iter().flat_map(|(id, o)| o.assumptions.iter().map(move |(a, s)| (*id, *a, *s)))
}

/// One assumption of the theory of change read against the record: its words, its readings
/// over time and what the outcomes say of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssumptionRecord<'a, Id> {
    pub assumption: &'a str,
    pub history: Vec<(Date, AssumptionStatus, String)>,
    pub evidence: Evidence<Id>,
}

/// Every assumption of `assumptions` with its history among `reflections` and its evidence among
/// `outcomes`, in the theory's order.
#[must_use]
pub fn review_assumptions<'a, Id: Copy + 'a>(
    assumptions: &'a [String],
    reflections: &[Reflection],
    outcomes: &'a [(Id, &'a Outcome)],
) -> Vec<AssumptionRecord<'a, Id>> {
    let history = assumption_history(reflections, assumptions.len());
    assumptions
        .iter()
        .zip(history)
        .enumerate()
        .map(|(i, (assumption, history))| AssumptionRecord {
            assumption,
            history,
            evidence: evidence_for(outcome_links(outcomes), u32::try_from(i).unwrap_or(u32::MAX)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::outcome;
    use super::*;
    use time::macros::date;

    fn reflection(on: Date, round: Option<RoundId>, readings: &[(u32, AssumptionStatus)]) -> Reflection {
        Reflection {
            on,
            by: UserId::from_random_bytes([5; 16]),
            round,
            readings: readings
                .iter()
                .map(|(a, s)| AssumptionReading { assumption: *a, status: *s, note: String::new() })
                .collect(),
            note: String::new(),
        }
    }

    #[test]
    fn each_assumption_keeps_its_status_over_time_in_date_order() {
        let later = reflection(date!(2026 - 06 - 01), None, &[(0, AssumptionStatus::Failed)]);
        let earlier =
            reflection(date!(2026 - 02 - 01), None, &[(0, AssumptionStatus::Holding), (1, AssumptionStatus::InDoubt)]);
        let history = assumption_history(&[later, earlier], 3);
        let statuses: Vec<Vec<AssumptionStatus>> = history.iter().map(|h| h.iter().map(|e| e.1).collect()).collect();
        assert_eq!(
            statuses,
            vec![vec![AssumptionStatus::Holding, AssumptionStatus::Failed], vec![AssumptionStatus::InDoubt], vec![]]
        );
    }

    #[test]
    fn a_reflection_reads_assumptions_that_exist_once_each() {
        assert!(reflection(date!(2026 - 02 - 01), None, &[(0, AssumptionStatus::Holding)]).validate(1).is_ok());
        assert!(reflection(date!(2026 - 02 - 01), None, &[(1, AssumptionStatus::Holding)]).validate(1).is_err());
        let twice =
            reflection(date!(2026 - 02 - 01), None, &[(0, AssumptionStatus::Holding), (0, AssumptionStatus::Failed)]);
        assert!(twice.validate(2).is_err());
        assert!(reflection(date!(2026 - 02 - 01), None, &[]).validate(2).is_err(), "an empty reflection");
    }

    #[test]
    fn a_round_that_has_ended_asks_for_a_reflection_until_one_names_it() {
        let ended = RoundId::from_random_bytes([1; 16]);
        let running = RoundId::from_random_bytes([2; 16]);
        let r1 = Round {
            number: 1,
            title: "One".into(),
            starts_on: Some(date!(2026 - 01 - 10)),
            ends_on: Some(date!(2026 - 01 - 12)),
        };
        let r2 = Round {
            number: 2,
            title: "Two".into(),
            starts_on: Some(date!(2026 - 03 - 10)),
            ends_on: Some(date!(2026 - 03 - 12)),
        };
        let rounds = [(ended, &r1), (running, &r2)];
        let today = date!(2026 - 03 - 11);
        assert_eq!(rounds_awaiting_reflection(&rounds, &[], today), vec![ended]);
        let answered = [reflection(date!(2026 - 01 - 20), Some(ended), &[(0, AssumptionStatus::Holding)])];
        assert!(rounds_awaiting_reflection(&rounds, &answered, today).is_empty());
        assert_eq!(rounds_awaiting_reflection(&rounds, &answered, date!(2026 - 03 - 13)), vec![running]);
    }

    #[test]
    fn outcomes_support_or_question_the_assumptions_they_name() {
        let mut a = outcome();
        a.assumptions = vec![(0, true), (1, false)];
        let mut b = outcome();
        b.assumptions = vec![(0, false)];
        let outcomes = [(1, &a), (2, &b)];
        assert_eq!(evidence_for(outcome_links(&outcomes), 0), Evidence { supporting: vec![1], questioning: vec![2] });
        assert_eq!(evidence_for(outcome_links(&outcomes), 1), Evidence { supporting: vec![], questioning: vec![1] });
        assert_eq!(
            evidence_for(outcome_links(&outcomes), 2),
            Evidence { supporting: Vec::<i32>::new(), questioning: vec![] }
        );
    }
}
