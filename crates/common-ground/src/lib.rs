//! The common-ground engine: from agree / disagree / pass votes on short statements, the opinion
//! groups of a conversation, what represents each group, and what every group — and every
//! declared side of a dialogue — can agree on.
//!
//! It computes Pol.is' pipeline as its math defines it (participant filter, mean-imputed PCA with
//! the sparsity-aware projection, 100 base clusters, 2–5 groups chosen by silhouette,
//! representative statements, majority consensus, group-informed consensus, priority), and adds:
//! a silhouette measured in four principal dimensions rather than the map's two (so that a small
//! group lying over larger ones on the map is not merged into them), declared sides as groups in
//! their own right, a cross-side common-ground score that is a
//! posterior lower bound (few votes cannot outrank many), representative statements under
//! false-discovery-rate control, and live updates after each vote ([`LiveConversation`]).
//! [`analyze_history_at`] replays a conversation's votes in the order cast, updating when Pol.is'
//! server would have ([`polis_updates`]), for the parts of Pol.is' result that depend on its
//! history (participants kept in once clustered, the number of groups held steady by its
//! k-smoother, every update warm-started from the last); its full analyses run at
//! geometrically spaced sizes, so it costs a small multiple of one analysis.
//!
//! Votes are stored sparsely ([`VoteMatrix`]), never as a participants × statements matrix.
//! Participants and statements are dense indices; the caller maps its own identifiers.
//!
//! **Invariant:** pure and deterministic. No I/O, no clock, no operating-system randomness: every
//! random choice derives from [`Options::seed`], and parallel work is split into fixed chunks
//! whose results are combined in a fixed order, so the output is bit-identical for a seed
//! whatever the number of threads.

mod analysis;
mod error;
mod incremental;
mod kmeans;
mod linalg;
mod metrics;
mod pca;
mod replay;
mod rng;
mod stats;
mod synth;
mod votes;

pub use analysis::{
    Agreement, Analysis, BaseCluster, CommonGround, Consensus, ControlledRepresentative, GroupResult, Options,
    Placement, SideResult, Stage, StatementFlags, StatementResult, analyze,
};
pub use error::CommonGroundError;
pub use incremental::LiveConversation;
pub use metrics::adjusted_rand_index;
pub use pca::Components;
pub use replay::{UPDATE_WINDOW_MS, analyze_history, analyze_history_at, polis_updates};
pub use stats::{
    Direction, Repness, Representative, Tally, Z_90, agreement_lower_bound, benjamini_hochberg,
    group_informed_consensus, majority, priority, proportion_z, select_representative, smoothed_proportion,
    two_proportion_z, upper_tail_p,
};
pub use synth::{PlantedPartition, Synthetic, planted_partition};
pub use votes::{MAX_STATEMENTS, Vote, VoteMatrix, VoteMatrixBuilder};
