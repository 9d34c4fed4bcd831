//! The exact Wilcoxon signed-rank test of a group's changes.
//!
//! Zero changes are dropped before ranking (Wilcoxon's own rule, SciPy's default
//! `zero_method="wilcox"`); the remaining absolute changes are ranked, tied ones sharing the
//! mean of their ranks; the statistic is W⁺, the sum of the ranks of the increases.
//!
//! The p-value is exact under the null hypothesis that each change is as likely to be an
//! increase as a decrease: W⁺'s distribution over the 2ᵐ equally likely signs of the m
//! observed ranks, computed by counting (ranks are doubled so that mean ranks are integers).
//! Two-sided, p = min(1, 2 · min(P(W⁺ ≤ w), P(W⁺ ≥ w))).
//!
//! - **Without ties or zeros** this is the classical exact distribution, and the p-values are
//!   SciPy's `scipy.stats.wilcoxon(after, before, method="exact")`.
//! - **With ties or zeros** SciPy's `method="exact"` keeps the untied distribution and rounds
//!   a half-integer statistic conservatively, which is no longer exact; its default
//!   `method="auto"` switches, for up to 13 pairs, to the permutation test over the signs
//!   (`stats.PermutationMethod()`), which enumerates exactly this conditional distribution.
//!   This crate always computes that conditional distribution, for any number of pairs, and
//!   matches SciPy's permutation test (enumerated in full) there.
//!
//! Below [`FEWEST_CHANGED_PAIRS`] changed pairs no p-value is given: with five pairs the
//! smallest possible two-sided p is 2/32 = 0.0625, so the test could never speak, and a
//! number would only invite reading. The reason is returned as a value for the page.

use serde::Serialize;

use crate::sample::check_finite;
use crate::suppression::{Cell, CountsPeople};
use crate::{Pair, StatsError};

/// The fewest changed (non-zero) pairs the test runs on.
pub const FEWEST_CHANGED_PAIRS: usize = 6;

/// The most changed pairs the exact distribution is counted for: its cost grows with the
/// cube of the pairs, and a dialogue round is far below this.
pub const MOST_CHANGED_PAIRS: usize = 500;

/// The direction the alternative hypothesis looks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Alternative {
    /// Scores changed, up or down.
    TwoSided,
    /// Scores rose (SciPy's `alternative="greater"` on after − before).
    Increase,
    /// Scores fell (SciPy's `alternative="less"`).
    Decrease,
}

/// A test that ran.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignedRankTest {
    /// Pairs whose score changed: the ranks.
    pub changed_pairs: usize,
    /// Pairs with no change, dropped before ranking.
    pub unchanged_pairs: usize,
    /// Whether some absolute changes were tied (the p-values are then of the conditional
    /// distribution).
    pub ties: bool,
    /// W⁺, the sum of the ranks of the increases.
    pub rank_sum_increases: f64,
    /// W⁻, the sum of the ranks of the decreases.
    pub rank_sum_decreases: f64,
    pub p_two_sided: f64,
    /// P(W⁺ ≥ w⁺): the p-value against "scores rose".
    pub p_increase: f64,
    /// P(W⁺ ≤ w⁺): the p-value against "scores fell".
    pub p_decrease: f64,
}

impl SignedRankTest {
    #[must_use]
    pub fn p_value(&self, alternative: Alternative) -> f64 {
        match alternative {
            Alternative::TwoSided => self.p_two_sided,
            Alternative::Increase => self.p_increase,
            Alternative::Decrease => self.p_decrease,
        }
    }
}

/// Why no p-value is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum NoSignedRankTest {
    #[error(
        "no p-value: the exact signed-rank test needs at least {FEWEST_CHANGED_PAIRS} people whose score changed, \
         and {changed_pairs} did ({unchanged_pairs} answered the same before and after)"
    )]
    TooFewChanged { changed_pairs: usize, unchanged_pairs: usize },
    #[error("no p-value: the exact signed-rank test is computed for at most {MOST_CHANGED_PAIRS} changed scores")]
    TooManyChanged { changed_pairs: usize, unchanged_pairs: usize },
}

/// The signed-rank test, or the reason it was not run.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignedRank {
    Tested(SignedRankTest),
    NotTested(NoSignedRankTest),
}

impl CountsPeople for SignedRank {
    fn people(&self) -> usize {
        match self {
            Self::Tested(test) => test.changed_pairs + test.unchanged_pairs,
            Self::NotTested(
                NoSignedRankTest::TooFewChanged { changed_pairs, unchanged_pairs }
                | NoSignedRankTest::TooManyChanged { changed_pairs, unchanged_pairs },
            ) => changed_pairs + unchanged_pairs,
        }
    }
}

/// What the test says outside the team: its p-values, or that it was not run and why, but
/// not how many people changed and how many did not (either may be fewer than five).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum OutwardSignedRank {
    Tested { p_two_sided: f64, p_increase: f64, p_decrease: f64 },
    NotTested { reason: &'static str },
}

impl SignedRank {
    /// The outward form, released only for a group of five or more.
    #[must_use]
    pub fn release(&self) -> Cell<OutwardSignedRank> {
        let outward = match self {
            Self::Tested(test) => OutwardSignedRank::Tested {
                p_two_sided: test.p_two_sided,
                p_increase: test.p_increase,
                p_decrease: test.p_decrease,
            },
            Self::NotTested(NoSignedRankTest::TooFewChanged { .. }) => OutwardSignedRank::NotTested {
                reason: "fewer than 6 people's scores changed, too few for the exact signed-rank test",
            },
            Self::NotTested(NoSignedRankTest::TooManyChanged { .. }) => OutwardSignedRank::NotTested {
                reason: "more scores changed than the exact signed-rank test is computed for",
            },
        };
        Cell::of_people(self.people(), outward)
    }
}

/// The exact signed-rank test of the changes in `pairs`.
///
/// # Errors
/// A non-finite answer.
pub fn signed_rank_test(pairs: &[Pair]) -> Result<SignedRank, StatsError> {
    check_finite(pairs)?;
    let changes: Vec<f64> = pairs.iter().map(Pair::change).filter(|c| *c != 0.0).collect();
    let unchanged_pairs = pairs.len() - changes.len();
    let changed_pairs = changes.len();
    if changed_pairs < FEWEST_CHANGED_PAIRS {
        return Ok(SignedRank::NotTested(NoSignedRankTest::TooFewChanged { changed_pairs, unchanged_pairs }));
    }
    if changed_pairs > MOST_CHANGED_PAIRS {
        return Ok(SignedRank::NotTested(NoSignedRankTest::TooManyChanged { changed_pairs, unchanged_pairs }));
    }
    let (doubled_ranks, ties) = doubled_mid_ranks(&changes);
    let doubled_w_plus: usize = changes.iter().zip(&doubled_ranks).filter(|(c, _)| **c > 0.0).map(|(_, r)| *r).sum();
    let doubled_total: usize = doubled_ranks.iter().sum();
    let null = SignDistribution::of(&doubled_ranks);
    let p_decrease = null.at_most(doubled_w_plus);
    let p_increase = null.at_least(doubled_w_plus);
    Ok(SignedRank::Tested(SignedRankTest {
        changed_pairs,
        unchanged_pairs,
        ties,
        rank_sum_increases: doubled_w_plus as f64 / 2.0,
        rank_sum_decreases: (doubled_total - doubled_w_plus) as f64 / 2.0,
        p_two_sided: (2.0 * p_decrease.min(p_increase)).min(1.0),
        p_increase,
        p_decrease,
    }))
}

/// Twice each change's rank by absolute value (1-based; a tied group shares the mean of its
/// ranks, so twice it is an integer), in the order given, and whether any tie occurred.
fn doubled_mid_ranks(changes: &[f64]) -> (Vec<usize>, bool) {
    let mut order: Vec<usize> = (0..changes.len()).collect();
    order.sort_by(|&a, &b| changes[a].abs().total_cmp(&changes[b].abs()));
    let mut doubled = vec![0; changes.len()];
    let mut ties = false;
    let mut start = 0;
    while start < order.len() {
        let value = changes[order[start]].abs();
        let mut end = start + 1;
        while end < order.len() && changes[order[end]].abs() == value {
            end += 1;
        }
        ties |= end - start > 1;
        // Ranks start + 1 ..= end share their mean, (start + 1 + end) / 2.
        for &index in &order[start..end] {
            doubled[index] = start + 1 + end;
        }
        start = end;
    }
    (doubled, ties)
}

/// W⁺'s null distribution (doubled), as probabilities by value: each rank's sign is an
/// independent fair coin.
struct SignDistribution {
    probability: Vec<f64>,
}

impl SignDistribution {
    fn of(doubled_ranks: &[usize]) -> Self {
        let total: usize = doubled_ranks.iter().sum();
        let mut probability = vec![0.0; total + 1];
        probability[0] = 1.0;
        let mut reach = 0;
        for &rank in doubled_ranks {
            reach += rank;
            for sum in (0..=reach).rev() {
                let without = probability[sum];
                let with = if sum >= rank { probability[sum - rank] } else { 0.0 };
                probability[sum] = 0.5 * (without + with);
            }
        }
        Self { probability }
    }

    fn at_most(&self, value: usize) -> f64 {
        self.probability[..=value].iter().sum::<f64>().min(1.0)
    }

    fn at_least(&self, value: usize) -> f64 {
        self.probability[value..].iter().sum::<f64>().min(1.0)
    }
}
