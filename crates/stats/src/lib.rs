//! Statistics for attitude and trust measured before and after a dialogue round, honest for
//! the small groups a Track Two process has.
//!
//! - [`paired_change`]: n, the paired mean change with its t interval, and Hedges' g_av with
//!   the small-sample correction and a 95 % interval (see [`paired`] for which
//!   g, and why).
//! - [`signed_rank_test`]: the exact Wilcoxon signed-rank test, only from six changed pairs
//!   up; below that a typed reason instead of a p-value.
//! - [`reliable_change`]: Jacobson and Truax's Reliable Change Index per person.
//! - [`by_side`]: any of these for the whole group and for each side.
//! - [`Cell`]: the only form in which a figure may leave the team; fewer than five people,
//!   and it holds nothing.
//!
//! An API boundary like `tracktwo-analysis`: it knows no domain type. The application hands
//! it pairs of numbers, matched upstream by each participant's random code, and reads figures
//! back.
//!
//! **Invariant:** pure: no I/O, no clock, no randomness.

mod by_side;
mod error;
mod noncentral_t;
pub mod paired;
mod reliable_change;
mod sample;
mod signed_rank;
mod suppression;

pub use by_side::{BySide, Group, ReleasedBySide, by_side};
pub use error::StatsError;
pub use noncentral_t::{noncentral_t_cdf, noncentrality_interval};
pub use paired::{
    CONFIDENCE_LEVEL, HedgesG, Interval, PairedChange, PairedSummary, paired_change, paired_change_from_summary,
    small_sample_correction,
};
pub use reliable_change::{
    ChangeVerdict, PersonChange, RELIABLE_CHANGE_THRESHOLD, ReferenceSpread, ReliableChanges, reliable_change,
};
pub use sample::Pair;
pub use signed_rank::{
    Alternative, FEWEST_CHANGED_PAIRS, MOST_CHANGED_PAIRS, NoSignedRankTest, OutwardSignedRank, SignedRank,
    SignedRankTest, signed_rank_test,
};
pub use suppression::{
    Cell, CountsPeople, Released, SMALLEST_RELEASED_CELL, SUPPRESSED_TEXT, Suppressed, release_partition,
};
