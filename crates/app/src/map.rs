//! The nine-track system map and the participant registry.
//!
//! What a reader gets is decided once, when the map is loaded (`view`): [`SystemMap`] is built
//! for one caller, without real names, roles, notes and tie notes unless they may read the map
//! in full (a code-name reader gets each actor's public description instead), without the ties
//! whose existence endangers people (back channels, family) unless likewise, and never with a
//! registry field. Every view, analysis and export is computed from that value, so none of them
//! can show more than it holds.

mod edits;
mod registry;
mod selection;
mod system_map;
mod view;

pub use self::edits::{ImportReport, ImportSource};
pub use self::selection::{AccessGain, Because, Exclusion, Invitee, Need, SelectionReport, SelectionSpec};
pub use self::system_map::{
    Broker, CoverageCount, CoverageGap, CoverageReport, MapComparison, SystemMap, TransferPath,
};
