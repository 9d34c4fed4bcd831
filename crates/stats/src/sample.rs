//! One person's answers before and after a round, and the plain summaries every figure
//! starts from.

use serde::{Deserialize, Serialize};

use crate::StatsError;

/// One person's score on the same measure before and after a round (a Likert scale's mean, a
/// feeling thermometer's degrees, a trust item). Pairs are matched by the participant's
/// random code upstream; nothing here knows who answered.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    pub before: f64,
    pub after: f64,
}

impl Pair {
    #[must_use]
    pub fn new(before: f64, after: f64) -> Self {
        Self { before, after }
    }

    /// After minus before: positive when the score rose.
    #[must_use]
    pub fn change(&self) -> f64 {
        self.after - self.before
    }
}

/// Refuses a NaN or an infinity anywhere, naming the pair.
pub(crate) fn check_finite(pairs: &[Pair]) -> Result<(), StatsError> {
    match pairs.iter().position(|p| !p.before.is_finite() || !p.after.is_finite()) {
        Some(index) => Err(StatsError::NotFinite { index }),
        None => Ok(()),
    }
}

pub(crate) fn mean(values: impl ExactSizeIterator<Item = f64>) -> f64 {
    let n = values.len() as f64;
    values.sum::<f64>() / n
}

/// The sample standard deviation (n − 1 in the denominator), by a two-pass sum so that
/// scores far from zero lose no precision.
pub(crate) fn sample_sd(values: &[f64]) -> f64 {
    let m = mean(values.iter().copied());
    let squares: f64 = values.iter().map(|v| (v - m) * (v - m)).sum();
    (squares / (values.len() as f64 - 1.0)).sqrt()
}
