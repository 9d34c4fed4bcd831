//! Sparse vote storage: one sorted list of packed entries per participant (the rows), never a
//! participants × statements matrix. A statement index and the vote share one `u32`, so a million
//! participants with 125 votes each take about 0.5 GB.

use rayon::prelude::*;

use crate::CommonGroundError;

/// One participant's position on one statement, in the sign of Pol.is exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vote {
    Agree,
    Disagree,
    Pass,
}

impl Vote {
    /// From the value in a Pol.is export: agree = +1, disagree = −1, pass = 0.
    pub fn from_export(value: i64) -> Option<Self> {
        match value {
            1 => Some(Self::Agree),
            -1 => Some(Self::Disagree),
            0 => Some(Self::Pass),
            _ => None,
        }
    }

    /// The value in a Pol.is export: agree = +1, disagree = −1, pass = 0.
    pub fn export_value(self) -> i8 {
        match self {
            Self::Agree => 1,
            Self::Disagree => -1,
            Self::Pass => 0,
        }
    }

    pub(crate) fn code(self) -> u32 {
        match self {
            Self::Pass => CODE_PASS,
            Self::Agree => CODE_AGREE,
            Self::Disagree => CODE_DISAGREE,
        }
    }

    pub(crate) fn from_code(code: u32) -> Self {
        match code {
            CODE_AGREE => Self::Agree,
            CODE_DISAGREE => Self::Disagree,
            _ => Self::Pass,
        }
    }
}

pub(crate) const CODE_PASS: u32 = 0;
pub(crate) const CODE_AGREE: u32 = 1;
pub(crate) const CODE_DISAGREE: u32 = 2;
const CODE_BITS: u32 = 2;

/// The largest statement index a packed entry can hold.
pub const MAX_STATEMENTS: usize = (u32::MAX >> CODE_BITS) as usize;
/// The largest participant index (indices are `u32` in the column lists of the incremental store).
pub const MAX_PARTICIPANTS: usize = u32::MAX as usize;

#[inline]
pub(crate) fn pack(index: u32, vote: Vote) -> u32 {
    (index << CODE_BITS) | vote.code()
}

#[inline]
pub(crate) fn entry_index(entry: u32) -> usize {
    (entry >> CODE_BITS) as usize
}

#[inline]
pub(crate) fn entry_code(entry: u32) -> u32 {
    entry & ((1 << CODE_BITS) - 1)
}

/// Every participant's latest vote on every statement they voted on.
///
/// Participants and statements are dense indices (`0..participants()`, `0..statements()`); the
/// caller keeps the mapping to its own identifiers, as with `tracktwo-analysis`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VoteMatrix {
    /// Per participant, entries sorted by statement, at most one per statement.
    pub(crate) rows: Vec<Vec<u32>>,
    pub(crate) statements: usize,
}

impl VoteMatrix {
    /// An empty store with room for `participants` and `statements`.
    pub fn new(participants: usize, statements: usize) -> Self {
        Self { rows: vec![Vec::new(); participants], statements }
    }

    pub fn participants(&self) -> usize {
        self.rows.len()
    }

    pub fn statements(&self) -> usize {
        self.statements
    }

    /// Number of (participant, statement) cells holding a vote.
    pub fn vote_count(&self) -> usize {
        self.rows.iter().map(Vec::len).sum()
    }

    /// Number of votes `participant` cast (passes included).
    pub fn votes_of(&self, participant: usize) -> usize {
        self.rows.get(participant).map_or(0, Vec::len)
    }

    /// A participant's votes, in statement order.
    pub fn row(&self, participant: usize) -> impl Iterator<Item = (usize, Vote)> + '_ {
        self.rows
            .get(participant)
            .into_iter()
            .flatten()
            .map(|&entry| (entry_index(entry), Vote::from_code(entry_code(entry))))
    }

    /// The latest vote of `participant` on `statement`, if any.
    pub fn vote(&self, participant: usize, statement: usize) -> Option<Vote> {
        let row = self.rows.get(participant)?;
        let at = row.binary_search_by_key(&statement, |&entry| entry_index(entry)).ok()?;
        Some(Vote::from_code(entry_code(row[at])))
    }

    /// Every vote as (participant, statement, vote), participant-major.
    pub fn triples(&self) -> impl Iterator<Item = (usize, usize, Vote)> + '_ {
        (0..self.rows.len()).flat_map(move |p| self.row(p).map(move |(s, v)| (p, s, v)))
    }

    /// Records `vote` as the latest vote of `participant` on `statement`, growing the store as
    /// needed; returns the vote it replaced.
    pub fn set(&mut self, participant: usize, statement: usize, vote: Vote) -> Result<Option<Vote>, CommonGroundError> {
        check_indices(participant, statement)?;
        if participant >= self.rows.len() {
            self.rows.resize_with(participant + 1, Vec::new);
        }
        self.statements = self.statements.max(statement + 1);
        let row = &mut self.rows[participant];
        let entry = pack(statement as u32, vote);
        match row.binary_search_by_key(&statement, |&e| entry_index(e)) {
            Ok(at) => {
                let previous = Vote::from_code(entry_code(row[at]));
                row[at] = entry;
                Ok(Some(previous))
            }
            Err(at) => {
                row.insert(at, entry);
                Ok(None)
            }
        }
    }
}

fn check_indices(participant: usize, statement: usize) -> Result<(), CommonGroundError> {
    if statement > MAX_STATEMENTS {
        return Err(CommonGroundError::StatementIndexTooLarge { index: statement, max: MAX_STATEMENTS });
    }
    if participant >= MAX_PARTICIPANTS {
        return Err(CommonGroundError::ParticipantIndexTooLarge { index: participant, max: MAX_PARTICIPANTS - 1 });
    }
    Ok(())
}

/// Builds a [`VoteMatrix`] from votes given in the order they were cast: when a participant
/// votes twice on a statement, the later call wins (as Pol.is keeps the latest vote).
#[derive(Debug, Default)]
pub struct VoteMatrixBuilder {
    rows: Vec<Vec<u32>>,
    statements: usize,
}

impl VoteMatrixBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes sure the store has at least these many participants and statements, even those
    /// without votes.
    pub fn reserve(&mut self, participants: usize, statements: usize) {
        if participants > self.rows.len() {
            self.rows.resize_with(participants, Vec::new);
        }
        self.statements = self.statements.max(statements);
    }

    /// Records one vote; a later vote on the same cell replaces it.
    pub fn record(&mut self, participant: usize, statement: usize, vote: Vote) -> Result<(), CommonGroundError> {
        check_indices(participant, statement)?;
        if participant >= self.rows.len() {
            self.rows.resize_with(participant + 1, Vec::new);
        }
        self.statements = self.statements.max(statement + 1);
        self.rows[participant].push(pack(statement as u32, vote));
        Ok(())
    }

    pub fn finish(self) -> VoteMatrix {
        let mut rows = self.rows;
        rows.par_iter_mut().for_each(|row| {
            // A stable sort keeps equal statements in the order recorded, so the last is the latest.
            // Rows recorded in statement order (a file sorted by participant, then statement)
            // need no sort.
            if !row.is_sorted_by_key(|&entry| entry_index(entry)) {
                row.sort_by_key(|&entry| entry_index(entry));
            }
            let mut kept = 0;
            for at in 0..row.len() {
                if kept > 0 && entry_index(row[kept - 1]) == entry_index(row[at]) {
                    row[kept - 1] = row[at];
                } else {
                    row[kept] = row[at];
                    kept += 1;
                }
            }
            row.truncate(kept);
            if row.capacity() > row.len() + row.len() / 4 + 4 {
                row.shrink_to_fit();
            }
        });
        VoteMatrix { rows, statements: self.statements }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_vote_wins_and_rows_are_sorted() {
        let mut builder = VoteMatrixBuilder::new();
        builder.record(0, 3, Vote::Agree).unwrap();
        builder.record(0, 1, Vote::Pass).unwrap();
        builder.record(0, 3, Vote::Disagree).unwrap();
        builder.record(2, 0, Vote::Agree).unwrap();
        builder.record(0, 3, Vote::Pass).unwrap();
        builder.record(0, 1, Vote::Agree).unwrap();
        let votes = builder.finish();
        assert_eq!(votes.participants(), 3);
        assert_eq!(votes.statements(), 4);
        assert_eq!(votes.row(0).collect::<Vec<_>>(), vec![(1, Vote::Agree), (3, Vote::Pass)]);
        assert_eq!(votes.vote(0, 3), Some(Vote::Pass));
        assert_eq!(votes.vote(1, 0), None);
        assert_eq!(votes.vote_count(), 3);
    }

    #[test]
    fn set_replaces_and_inserts_in_order() {
        let mut votes = VoteMatrix::new(1, 2);
        assert_eq!(votes.set(0, 5, Vote::Agree).unwrap(), None);
        assert_eq!(votes.set(0, 2, Vote::Disagree).unwrap(), None);
        assert_eq!(votes.set(0, 5, Vote::Pass).unwrap(), Some(Vote::Agree));
        assert_eq!(votes.set(3, 0, Vote::Agree).unwrap(), None);
        assert_eq!(votes.row(0).collect::<Vec<_>>(), vec![(2, Vote::Disagree), (5, Vote::Pass)]);
        assert_eq!((votes.participants(), votes.statements()), (4, 6));
    }

    #[test]
    fn export_values_round_trip_and_bad_values_are_refused() {
        for vote in [Vote::Agree, Vote::Disagree, Vote::Pass] {
            assert_eq!(Vote::from_export(i64::from(vote.export_value())), Some(vote));
            assert_eq!(Vote::from_code(vote.code()), vote);
        }
        assert_eq!(Vote::from_export(2), None);
        assert!(VoteMatrixBuilder::new().record(0, MAX_STATEMENTS + 1, Vote::Agree).is_err());
    }
}
