//! Pol.is export folders, read and written: comments.csv, votes.csv (one line per vote cast),
//! participants-votes.csv (one row per participant), summary.csv (written only), and a sides
//! file of declared sides; and a whole export assembled into the common-ground engine's input
//! ([`read_export`]).
//!
//! Every error names the file, as the caller names it, and the 1-based line ([`PolisError`]).
//! Identifiers stay the export's own (`i64`) in rows; [`Conversation`] maps them to the engine's
//! dense indices.
//!
//! The writers produce Pol.is' column layout, every column filled as Pol.is fills it. Its
//! `datetime` column is written as Pol.is' server writes it ([`polis_datetime`]), always in UTC
//! where Pol.is uses the server's zone; every reader, this one included, dates a vote by its
//! `timestamp`, so the readers do not read it.
//!
//! **Invariant:** pure. No file system: readers take [`std::io::Read`], writers
//! [`std::io::Write`]; the caller opens the files.

mod comments;
mod datetime;
mod error;
mod export;
mod interner;
mod parallel;
mod sides;
mod summary;
mod table;
mod votes;
mod wide;

pub use comments::{COMMENTS_HEADER, Comment, Moderation, read_comments, write_comments};
pub use datetime::polis_datetime;
pub use error::{PolisError, Problem};
pub use export::{Conversation, ExportVotes, History, Named, VoteFormat, read_export};
pub use sides::{Sides, read_sides, write_sides};
pub use summary::{SUMMARY_KEYS, Summary, write_summary};
pub use votes::{CastVote, VOTES_HEADER, VoteRows, read_votes, write_votes};
pub use wide::{
    PARTICIPANT_VOTES_HEADER, ParticipantRow, ParticipantRows, read_participant_votes, write_participant_votes,
};
