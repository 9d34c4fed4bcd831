//! The harvest's workflow: draft → substantiated → reported. An outcome is substantiated only by
//! someone independent of its harvester, and reported only once substantiated.

use time::Date;

use super::{Outcome, OutcomeState, line, text};
use crate::ids::UserId;
use crate::records::ValidationError;

field_enum!(
    /// What a substantiator says of an outcome statement.
    Verdict as "verdict" {
        Agrees => "agrees", "Agrees",
        Partly => "partly", "Partly agrees",
        Disagrees => "disagrees", "Disagrees",
    }
);

/// One substantiator's word on an outcome: who, what they say, when, and why.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Substantiation {
    /// The account that gave it.
    pub by: UserId,
    /// The substantiator as they sign ("Dr N. Saleh, hydrologist"): a name, the team's alone.
    pub name: String,
    pub verdict: Verdict,
    pub on: Date,
    pub comment: String,
}

impl std::fmt::Debug for Substantiation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Substantiation").field("verdict", &self.verdict).field("on", &self.on).finish_non_exhaustive()
    }
}

impl Substantiation {
    pub fn validate(&self) -> Result<(), ValidationError> {
        line("substantiator", &self.name, true)?;
        text("comment", &self.comment, false)
    }
}

/// Why the workflow refused a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WorkflowError {
    #[error("the harvester of an outcome cannot substantiate it; someone independent must")]
    NotIndependent,
    #[error("an outcome is substantiated only when someone independent agrees, at least in part, and no one disagrees")]
    NotSubstantiated,
    #[error("an outcome is reported only once substantiated")]
    NotYetSubstantiated,
    #[error("a reported outcome cannot be changed")]
    AlreadyReported,
    #[error("an outcome moves forward one step at a time")]
    NotTheNextStep,
}

/// Whether `by` may substantiate `outcome`: not its harvester, and not once it is reported.
pub fn may_substantiate(outcome: &Outcome, by: UserId) -> Result<(), WorkflowError> {
    if outcome.state == OutcomeState::Reported {
        return Err(WorkflowError::AlreadyReported);
    }
    if by == outcome.harvested_by { Err(WorkflowError::NotIndependent) } else { Ok(()) }
}

/// Whether the substantiations given bear the outcome out: each independent substantiator's
/// latest word counts; at least one agrees or partly agrees, and none disagrees.
#[must_use]
pub fn is_substantiated(outcome: &Outcome, substantiations: &[Substantiation]) -> bool {
    let mut latest: std::collections::BTreeMap<UserId, (Date, usize, Verdict)> = std::collections::BTreeMap::new();
    for (i, s) in substantiations.iter().enumerate().filter(|(_, s)| s.by != outcome.harvested_by) {
        let entry = latest.entry(s.by).or_insert((s.on, i, s.verdict));
        if (s.on, i) >= (entry.0, entry.1) {
            *entry = (s.on, i, s.verdict);
        }
    }
    let verdicts: Vec<Verdict> = latest.values().map(|(_, _, v)| *v).collect();
    verdicts.iter().any(|v| matches!(v, Verdict::Agrees | Verdict::Partly)) && !verdicts.contains(&Verdict::Disagrees)
}

/// Moves `outcome` to `to`, the next state, if the rules allow it.
pub fn advance(
    outcome: &mut Outcome,
    substantiations: &[Substantiation],
    to: OutcomeState,
) -> Result<(), WorkflowError> {
    match (outcome.state, to) {
        (OutcomeState::Draft, OutcomeState::Substantiated) => {
            if !is_substantiated(outcome, substantiations) {
                return Err(WorkflowError::NotSubstantiated);
            }
        }
        (OutcomeState::Substantiated, OutcomeState::Reported) => {
            // Substantiated once, the word given since may have turned.
            if !is_substantiated(outcome, substantiations) {
                return Err(WorkflowError::NotSubstantiated);
            }
        }
        (OutcomeState::Draft, OutcomeState::Reported) => return Err(WorkflowError::NotYetSubstantiated),
        (OutcomeState::Reported, _) => return Err(WorkflowError::AlreadyReported),
        _ => return Err(WorkflowError::NotTheNextStep),
    }
    outcome.state = to;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{harvester, outcome};
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn by(n: u8, verdict: Verdict, day: u8) -> Substantiation {
        Substantiation {
            by: UserId::from_random_bytes([n; 16]),
            name: format!("Substantiator {n}"),
            verdict,
            on: date!(2026 - 04 - 01) + time::Duration::days(i64::from(day)),
            comment: String::new(),
        }
    }

    #[test]
    fn the_harvester_cannot_substantiate_their_own_outcome() {
        let o = outcome();
        assert_eq!(may_substantiate(&o, harvester()), Err(WorkflowError::NotIndependent));
        assert_eq!(may_substantiate(&o, UserId::from_random_bytes([2; 16])), Ok(()));
        // Even slipped into the list, the harvester's own word does not count.
        assert!(!is_substantiated(&o, &[by(1, Verdict::Agrees, 0)]));
    }

    #[test]
    fn reported_only_once_substantiated() {
        let mut o = outcome();
        let agree = [by(2, Verdict::Agrees, 0)];
        assert_eq!(advance(&mut o, &agree, OutcomeState::Reported), Err(WorkflowError::NotYetSubstantiated));
        assert_eq!(advance(&mut o, &[], OutcomeState::Substantiated), Err(WorkflowError::NotSubstantiated));
        assert_eq!(advance(&mut o, &agree, OutcomeState::Substantiated), Ok(()));
        assert_eq!(advance(&mut o, &agree, OutcomeState::Reported), Ok(()));
        assert_eq!(o.state, OutcomeState::Reported);
        assert_eq!(advance(&mut o, &agree, OutcomeState::Draft), Err(WorkflowError::AlreadyReported));
        assert_eq!(may_substantiate(&o, UserId::from_random_bytes([2; 16])), Err(WorkflowError::AlreadyReported));
    }

    #[test]
    fn a_later_disagreement_undoes_an_earlier_agreement_of_the_same_person() {
        let o = outcome();
        assert!(is_substantiated(&o, &[by(2, Verdict::Disagrees, 0), by(2, Verdict::Partly, 1)]));
        assert!(!is_substantiated(&o, &[by(2, Verdict::Agrees, 0), by(2, Verdict::Disagrees, 1)]));
        assert!(!is_substantiated(&o, &[by(2, Verdict::Agrees, 0), by(3, Verdict::Disagrees, 0)]));
    }

    fn verdict() -> impl Strategy<Value = Verdict> {
        prop::sample::select(Verdict::ALL.to_vec())
    }

    fn state() -> impl Strategy<Value = OutcomeState> {
        prop::sample::select(OutcomeState::ALL.to_vec())
    }

    proptest! {
        /// Whatever the substantiations and the steps tried, an outcome reaches "reported" only
        /// through "substantiated", and is substantiated only when an independent substantiator
        /// agrees at least in part; the harvester's word never changes the answer.
        #[test]
        fn the_workflow_holds_for_any_sequence(
            words in prop::collection::vec((1u8..5, verdict(), 0u8..30), 0..8),
            steps in prop::collection::vec(state(), 0..8),
        ) {
            let mut o = outcome();
            let subs: Vec<Substantiation> = words.iter().map(|(n, v, d)| by(*n, *v, *d)).collect();
            let independent: Vec<Substantiation> = subs.iter().filter(|s| s.by != harvester()).cloned().collect();
            prop_assert_eq!(is_substantiated(&o, &subs), is_substantiated(&o, &independent));
            let mut seen = vec![o.state];
            for step in steps {
                if advance(&mut o, &subs, step).is_ok() {
                    seen.push(o.state);
                }
            }
            for pair in seen.windows(2) {
                let ok = matches!(
                    (pair[0], pair[1]),
                    (OutcomeState::Draft, OutcomeState::Substantiated) | (OutcomeState::Substantiated, OutcomeState::Reported)
                );
                prop_assert!(ok, "{:?}", pair);
            }
            if o.state != OutcomeState::Draft {
                prop_assert!(is_substantiated(&o, &subs));
                prop_assert!(independent.iter().any(|s| s.verdict != Verdict::Disagrees));
            }
        }
    }
}
