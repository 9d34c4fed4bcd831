//! The engine's errors. Each names what was wrong with the input, never a participant's votes.

/// What can go wrong when the engine is given votes or options.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommonGroundError {
    /// A statement index beyond what the packed vote entries can address.
    #[error("statement index {index} is too large (at most {max})")]
    StatementIndexTooLarge { index: usize, max: usize },
    /// A participant index beyond what the store can address.
    #[error("participant index {index} is too large (at most {max})")]
    ParticipantIndexTooLarge { index: usize, max: usize },
    /// A per-statement or per-participant list whose length does not match the votes.
    #[error("{what} has {found} entries but the votes have {expected}")]
    LengthMismatch { what: &'static str, found: usize, expected: usize },
    /// An option outside its allowed range.
    #[error("option `{option}` must be {expected}")]
    InvalidOption { option: &'static str, expected: &'static str },
}
