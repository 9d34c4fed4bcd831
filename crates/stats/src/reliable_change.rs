//! Reliable change per person: Jacobson and Truax's (1991) Reliable Change Index.
//!
//! Jacobson, N. S., & Truax, P. (1991). Clinical significance: A statistical approach to
//! defining meaningful change in psychotherapy research. *Journal of Consulting and Clinical
//! Psychology*, 59(1), 12–19. For a person, RC = (after − before) / S_diff with
//! S_diff = √(2 · SE²) and SE = s₁ · √(1 − r_xx), where s₁ is the standard deviation of the
//! measure before (the group's own, or a published norm) and r_xx its reliability
//! (test–retest, or Cronbach's α where that is all the source gives). |RC| > 1.96 is a change
//! that measurement error alone would produce less than 5 % of the time.
//!
//! The index is the individual's; the team sees it per person (by random code), and only
//! counts of people who rose, fell or did not reliably change leave the team, each a cell
//! under the small-cell rule.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::sample::{check_finite, sample_sd};
use crate::suppression::{Cell, release_partition};
use crate::{Pair, StatsError};

/// The two-sided 5 % point of the standard normal, Jacobson and Truax's threshold.
pub const RELIABLE_CHANGE_THRESHOLD: f64 = 1.96;

/// Where s₁, the standard deviation before, comes from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceSpread {
    /// The group's own scores before the round.
    GroupBefore,
    /// A published norm for the instrument.
    Published(f64),
}

/// One person's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeVerdict {
    /// RC > 1.96.
    ReliablyHigher,
    /// RC < −1.96.
    ReliablyLower,
    /// Within what measurement error explains.
    NotReliable,
}

/// One person's reliable change index, in the order the pairs were given.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PersonChange {
    pub index: f64,
    pub verdict: ChangeVerdict,
}

/// A group's reliable changes and their counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReliableChanges {
    /// S_diff, the standard error of a difference.
    pub standard_error_of_difference: f64,
    /// The smallest change that counts as reliable, in the measure's units (1.96 · S_diff).
    pub smallest_reliable_change: f64,
    pub people: Vec<PersonChange>,
    pub reliably_higher: usize,
    pub reliably_lower: usize,
    pub not_reliable: usize,
}

impl ReliableChanges {
    /// The counts by verdict as they may leave the team. Each person's index never does, so
    /// there is deliberately no way to release the whole.
    #[must_use]
    pub fn release_counts(&self) -> BTreeMap<ChangeVerdict, Cell<usize>> {
        let counts = BTreeMap::from([
            (ChangeVerdict::ReliablyHigher, self.reliably_higher),
            (ChangeVerdict::ReliablyLower, self.reliably_lower),
            (ChangeVerdict::NotReliable, self.not_reliable),
        ]);
        release_partition(&counts)
    }
}

/// Each person's reliable change index for a measure of the given reliability.
///
/// # Errors
/// A non-finite answer; a reliability not strictly between 0 and 1; a published spread that
/// is not positive; fewer than two pairs when the spread is the group's own; a group whose
/// scores before are all equal (`ReferenceSpread` of zero).
pub fn reliable_change(
    pairs: &[Pair],
    reliability: f64,
    spread: ReferenceSpread,
) -> Result<ReliableChanges, StatsError> {
    check_finite(pairs)?;
    if !(reliability > 0.0 && reliability < 1.0) {
        return Err(StatsError::Reliability);
    }
    let s1 = match spread {
        ReferenceSpread::Published(sd) => sd,
        ReferenceSpread::GroupBefore => {
            if pairs.len() < 2 {
                return Err(StatsError::TooFewPairs { needed: 2, given: pairs.len() });
            }
            sample_sd(&pairs.iter().map(|p| p.before).collect::<Vec<_>>())
        }
    };
    if !(s1.is_finite() && s1 > 0.0) {
        return Err(StatsError::ReferenceSpread);
    }
    let standard_error = s1 * (1.0 - reliability).sqrt();
    let s_diff = (2.0 * standard_error * standard_error).sqrt();
    let people: Vec<PersonChange> = pairs
        .iter()
        .map(|pair| {
            let index = pair.change() / s_diff;
            let verdict = if index > RELIABLE_CHANGE_THRESHOLD {
                ChangeVerdict::ReliablyHigher
            } else if index < -RELIABLE_CHANGE_THRESHOLD {
                ChangeVerdict::ReliablyLower
            } else {
                ChangeVerdict::NotReliable
            };
            PersonChange { index, verdict }
        })
        .collect();
    let count = |verdict| people.iter().filter(|p| p.verdict == verdict).count();
    Ok(ReliableChanges {
        standard_error_of_difference: s_diff,
        smallest_reliable_change: RELIABLE_CHANGE_THRESHOLD * s_diff,
        reliably_higher: count(ChangeVerdict::ReliablyHigher),
        reliably_lower: count(ChangeVerdict::ReliablyLower),
        not_reliable: count(ChangeVerdict::NotReliable),
        people,
    })
}
