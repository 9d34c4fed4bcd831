//! Errors of reading an export. Each names the file and the line, so that whoever reads the
//! message can open the file at the place that is wrong.

use tracktwo_common_ground::CommonGroundError;

/// What was wrong in one file of an export, and where.
#[derive(Debug, thiserror::Error)]
#[error("{file} line {line}: {problem}")]
pub struct PolisError {
    /// The name the caller gave the file: a file name such as `votes.csv`, or a path.
    pub file: String,
    /// 1-based; the header is line 1. For a record that spans lines, the line it starts on.
    pub line: u64,
    pub problem: Problem,
}

/// What was wrong, without where.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error("no `{0}` column in the header")]
    MissingColumn(&'static str),
    #[error("`{column}` is `{value}`, not an integer")]
    NotAnInteger { column: &'static str, value: String },
    #[error("`{column}` is {value}, not a count")]
    NotACount { column: &'static str, value: i64 },
    #[error("vote is {0}; a vote is 1 (agree), -1 (disagree) or 0 (pass)")]
    InvalidVote(i64),
    #[error("moderated is {0}; it is 1 (accepted), 0 (not yet moderated) or -1 (moderated out)")]
    InvalidModeration(i64),
    /// A column of participants-votes.csv that is neither a known column nor a comment id.
    #[error("column `{0}` is not a comment id")]
    NotACommentId(String),
    /// A vote without a time in a votes.csv that dates its votes: the latest vote on a statement
    /// cannot be told apart from an earlier one.
    #[error("`timestamp` is empty, but the latest vote per statement is decided by time")]
    MissingTimestamp,
    /// Not well-formed CSV (for instance a line with too few fields), or the reader failed.
    #[error("{0}")]
    Csv(csv::Error),
    /// The reader failed outside the CSV parser (rewinding it for a second pass).
    #[error("{0}")]
    Io(std::io::Error),
    /// The votes do not fit the engine's store.
    #[error("{0}")]
    Engine(CommonGroundError),
}
