//! Analytics of the multi-track system map: who covers which track, side and level of
//! leadership; the strongest paths from participants to the people who decide; who brokers
//! between the sides; and whom to invite.
//!
//! An API boundary in the rust-analyzer sense: it knows nothing of the rest of tracktwo (no
//! domain types, no I/O, no clock, no randomness beyond a seed it is given). The application
//! translates its records into [`Map`] and reads the results back by index.

mod brokers;
mod coverage;
mod graph;
mod paths;
mod selection;

pub use brokers::{Betweenness, CrossLine, betweenness, cross_line, top_brokers};
pub use coverage::{Coverage, CoverageCell, Gap, Requirements, coverage};
pub use graph::{Actor, ActorIdx, Day, Level, Map, SideKey, Snapshot, Tie, TieIdx, Track, TrackSet};
pub use paths::{Path, k_widest_paths, widest_path};
pub use selection::{Choice, Reason, Selection, SelectionRequest, select};
