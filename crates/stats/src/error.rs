//! What the statistics refuse, and why, in words a page can show.

/// Input the statistics cannot work with. Messages name the position of a bad answer, never
/// its value.
#[derive(Debug, Clone, PartialEq, thiserror::Error, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "error")]
pub enum StatsError {
    /// An answer is NaN or infinite.
    #[error("answer pair {index} holds a value that is not a finite number")]
    NotFinite { index: usize },
    /// Fewer pairs than the figure needs.
    #[error("this figure needs at least {needed} pairs of answers, and {given} were given")]
    TooFewPairs { needed: usize, given: usize },
    /// Summary statistics that cannot describe a group.
    #[error("summary statistics must be finite, with standard deviations of zero or more")]
    Summary,
    /// A reliability outside the open interval (0, 1).
    #[error("an instrument's reliability must lie strictly between 0 and 1")]
    Reliability,
    /// A reference standard deviation that is not a positive finite number.
    #[error("the reference standard deviation must be a positive finite number")]
    ReferenceSpread,
}
