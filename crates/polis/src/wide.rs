//! participants-votes.csv: one row per participant,
//! `participant,group-id,n-comments,n-votes,n-agree,n-disagree,<one column per comment id>`.

use std::io::Read;

use tracktwo_common_ground::Vote;

use crate::error::{PolisError, Problem};
use crate::table::{Table, parse_integer};

/// Columns that are not a comment id. `xid` is the external id some conversations carry.
const KNOWN_COLUMNS: [&[u8]; 7] =
    [b"participant", b"xid", b"group-id", b"n-comments", b"n-votes", b"n-agree", b"n-disagree"];

/// One row of participants-votes.csv.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantRow {
    pub participant: i64,
    /// The opinion group Pol.is assigned at export time; `None` where it did not cluster them.
    pub group: Option<i64>,
    /// (comment id, vote), in the file's column order; a blank cell is no vote.
    pub votes: Vec<(i64, Vote)>,
}

/// The rows of a participants-votes.csv, one at a time.
pub struct ParticipantRows<R> {
    table: Table<R>,
    participant: usize,
    group: Option<usize>,
    /// (column, comment id) of each statement column.
    statement_columns: Vec<(usize, i64)>,
}

/// Reads the header of participants-votes.csv; the rows follow by iterating. Every column other
/// than the known ones must be a comment id.
pub fn read_participant_votes<R: Read>(reader: R, name: &str) -> Result<ParticipantRows<R>, PolisError> {
    let table = Table::new(reader, name)?;
    let participant = table.required_column("participant")?;
    let group = table.column("group-id");
    let mut statement_columns = Vec::new();
    for (at, header) in table.headers().iter().enumerate() {
        if KNOWN_COLUMNS.contains(&header) {
            continue;
        }
        let id = parse_integer(header)
            .ok_or_else(|| table.error(Problem::NotACommentId(String::from_utf8_lossy(header).into_owned())))?;
        statement_columns.push((at, id));
    }
    Ok(ParticipantRows { table, participant, group, statement_columns })
}

impl<R: Read> ParticipantRows<R> {
    /// The next participant and group, their votes in `votes` as (position in
    /// [`statement_ids`](Self::statement_ids), vote); `None` at the end of the file.
    pub(crate) fn next_into(
        &mut self,
        votes: &mut Vec<(usize, Vote)>,
    ) -> Result<Option<(i64, Option<i64>)>, PolisError> {
        votes.clear();
        if !self.table.advance()? {
            return Ok(None);
        }
        let participant = self.table.integer(self.participant, "participant")?;
        let group = self.table.optional_integer(self.group, "group-id")?;
        for (position, &(at, _)) in self.statement_columns.iter().enumerate() {
            if !self.table.field(at).is_empty() {
                votes.push((position, self.table.vote(at)?));
            }
        }
        Ok(Some((participant, group)))
    }
}

impl<R> ParticipantRows<R> {
    /// The comment ids of the statement columns, in the file's order.
    pub fn statement_ids(&self) -> impl ExactSizeIterator<Item = i64> + '_ {
        self.statement_columns.iter().map(|&(_, id)| id)
    }

    /// The line of the row last read (1 before the first), for messages about it.
    pub fn line(&self) -> u64 {
        self.table.line()
    }

    pub(crate) fn error(&self, problem: Problem) -> PolisError {
        self.table.error(problem)
    }
}

impl<R: Read> Iterator for ParticipantRows<R> {
    type Item = Result<ParticipantRow, PolisError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut votes = Vec::new();
        match self.next_into(&mut votes) {
            Ok(Some((participant, group))) => {
                let votes =
                    votes.into_iter().map(|(position, vote)| (self.statement_columns[position].1, vote)).collect();
                Some(Ok(ParticipantRow { participant, group, votes }))
            }
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,5";

    #[test]
    fn blank_cells_are_no_vote() {
        let text = format!("{HEADER}\n0,1,0,2,1,1,1,,-1\n3,,0,1,0,0,,0,\n");
        let rows = read_participant_votes(text.as_bytes(), "participants-votes.csv").unwrap();
        assert_eq!(rows.statement_ids().collect::<Vec<_>>(), vec![0, 1, 5]);
        let rows: Vec<ParticipantRow> = rows.map(Result::unwrap).collect();
        assert_eq!(
            rows,
            vec![
                ParticipantRow { participant: 0, group: Some(1), votes: vec![(0, Vote::Agree), (5, Vote::Disagree)] },
                ParticipantRow { participant: 3, group: None, votes: vec![(1, Vote::Pass)] },
            ]
        );
    }

    #[test]
    fn bad_columns_and_cells_are_named() {
        let error = read_participant_votes("participant,x\n".as_bytes(), "p.csv").err().unwrap();
        assert_eq!(error.to_string(), "p.csv line 1: column `x` is not a comment id");
        let text = format!("{HEADER}\n0,,0,0,0,0,1,1,1\n1,,0,0,0,0,1,x,1\n");
        let error = read_participant_votes(text.as_bytes(), "p.csv").unwrap().find_map(Result::err).unwrap();
        assert_eq!(error.to_string(), "p.csv line 3: `vote` is `x`, not an integer");
    }
}
