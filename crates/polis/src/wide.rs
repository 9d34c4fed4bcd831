//! participants-votes.csv: one row per participant,
//! `participant,group-id,n-comments,n-votes,n-agree,n-disagree,<one column per comment id>`.

use std::collections::HashMap;
use std::io::{Read, Write};

use tracktwo_common_ground::Vote;

use crate::error::{PolisError, Problem};
use crate::table::{Table, parse_integer};

/// The columns before the comment ids, as Pol.is writes them.
pub const PARTICIPANT_VOTES_HEADER: [&str; 6] =
    ["participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree"];

/// Columns that are not a comment id. `xid` is the external id some conversations carry.
const KNOWN_COLUMNS: [&[u8]; 7] =
    [b"participant", b"xid", b"group-id", b"n-comments", b"n-votes", b"n-agree", b"n-disagree"];

/// One row of participants-votes.csv.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantRow {
    pub participant: i64,
    /// The opinion group Pol.is assigned at export time; `None` where it did not cluster them.
    pub group: Option<i64>,
    /// The comments the participant wrote (`n-comments`; 0 where the file leaves it out).
    pub comments: u32,
    /// (comment id, vote), in the file's column order; a blank cell is no vote.
    pub votes: Vec<(i64, Vote)>,
}

/// The rows of a participants-votes.csv, one at a time.
pub struct ParticipantRows<R> {
    table: Table<R>,
    participant: usize,
    group: Option<usize>,
    comments: Option<usize>,
    /// (column, comment id) of each statement column.
    statement_columns: Vec<(usize, i64)>,
}

/// Reads the header of participants-votes.csv; the rows follow by iterating. Every column other
/// than the known ones must be a comment id.
pub fn read_participant_votes<R: Read>(reader: R, name: &str) -> Result<ParticipantRows<R>, PolisError> {
    let table = Table::new(reader, name)?;
    let participant = table.required_column("participant")?;
    let group = table.column("group-id");
    let comments = table.column("n-comments");
    let mut statement_columns = Vec::new();
    for (at, header) in table.headers().iter().enumerate() {
        if KNOWN_COLUMNS.contains(&header) {
            continue;
        }
        let id = parse_integer(header)
            .ok_or_else(|| table.error(Problem::NotACommentId(String::from_utf8_lossy(header).into_owned())))?;
        statement_columns.push((at, id));
    }
    Ok(ParticipantRows { table, participant, group, comments, statement_columns })
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
                let comments = match self.table.count(self.comments, "n-comments") {
                    Ok(comments) => comments,
                    Err(e) => return Some(Err(e)),
                };
                let votes =
                    votes.into_iter().map(|(position, vote)| (self.statement_columns[position].1, vote)).collect();
                Some(Ok(ParticipantRow { participant, group, comments, votes }))
            }
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    }
}

/// Writes participants-votes.csv in Pol.is' layout: one row per participant in the order given,
/// a column per comment id in `statement_ids`' order, each cell 1, -1, 0 or blank for no vote.
/// `n-votes` counts every vote (passes too), `n-agree` and `n-disagree` the agrees and disagrees;
/// a participant outside every group leaves `group-id` blank.
///
/// # Errors
/// A vote on a comment id that `statement_ids` does not list is refused
/// ([`std::io::ErrorKind::InvalidInput`]) rather than dropped; so is a comment id listed twice.
pub fn write_participant_votes(
    writer: impl Write,
    statement_ids: &[i64],
    rows: impl IntoIterator<Item = ParticipantRow>,
) -> std::io::Result<()> {
    let invalid = |message: String| std::io::Error::new(std::io::ErrorKind::InvalidInput, message);
    let mut column_of = HashMap::with_capacity(statement_ids.len());
    for (position, &id) in statement_ids.iter().enumerate() {
        if column_of.insert(id, position).is_some() {
            return Err(invalid(format!("comment id {id} is listed twice")));
        }
    }
    let mut out = csv::WriterBuilder::new().buffer_capacity(1 << 20).from_writer(writer);
    let ids: Vec<String> = statement_ids.iter().map(i64::to_string).collect();
    out.write_record(PARTICIPANT_VOTES_HEADER.iter().copied().chain(ids.iter().map(String::as_str)))?;
    let mut cells: Vec<Option<Vote>> = vec![None; statement_ids.len()];
    for row in rows {
        cells.fill(None);
        let (mut agree, mut disagree) = (0u32, 0u32);
        for &(id, vote) in &row.votes {
            let &position = column_of.get(&id).ok_or_else(|| {
                invalid(format!("participant {} voted on comment id {id}, which is not listed", row.participant))
            })?;
            cells[position] = Some(vote);
        }
        for vote in cells.iter().flatten() {
            match vote {
                Vote::Agree => agree += 1,
                Vote::Disagree => disagree += 1,
                Vote::Pass => {}
            }
        }
        let counted = cells.iter().flatten().count();
        out.write_field(row.participant.to_string())?;
        out.write_field(row.group.map(|g| g.to_string()).unwrap_or_default())?;
        out.write_field(row.comments.to_string())?;
        out.write_field(counted.to_string())?;
        out.write_field(agree.to_string())?;
        out.write_field(disagree.to_string())?;
        for cell in &cells {
            out.write_field(cell.map(|vote| vote.export_value().to_string()).unwrap_or_default())?;
        }
        out.write_record(None::<&[u8]>)?;
    }
    out.flush()
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
                ParticipantRow {
                    participant: 0,
                    group: Some(1),
                    comments: 0,
                    votes: vec![(0, Vote::Agree), (5, Vote::Disagree)]
                },
                ParticipantRow { participant: 3, group: None, comments: 0, votes: vec![(1, Vote::Pass)] },
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

    #[test]
    fn the_written_layout_is_pol_is_own_and_reads_back() {
        let rows = vec![
            ParticipantRow {
                participant: 4,
                group: Some(1),
                comments: 2,
                votes: vec![(9, Vote::Disagree), (0, Vote::Agree), (3, Vote::Pass)],
            },
            ParticipantRow { participant: 7, group: None, comments: 0, votes: vec![(3, Vote::Agree)] },
        ];
        let mut out = Vec::new();
        write_participant_votes(&mut out, &[0, 3, 9], rows.clone()).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,3,9\n\
             4,1,2,3,1,1,1,0,-1\n\
             7,,0,1,1,0,,1,\n"
        );
        // Read back, each row holds the same votes, in the file's column order.
        let back: Vec<ParticipantRow> =
            read_participant_votes(text.as_bytes(), "participants-votes.csv").unwrap().map(Result::unwrap).collect();
        assert_eq!(back[0].votes, vec![(0, Vote::Agree), (3, Vote::Pass), (9, Vote::Disagree)]);
        assert_eq!((back[0].group, back[0].comments), (Some(1), 2));
        assert_eq!(back[1], rows[1]);
    }

    #[test]
    fn a_vote_on_an_unlisted_comment_is_refused_not_dropped() {
        let row = ParticipantRow { participant: 1, group: None, comments: 0, votes: vec![(5, Vote::Agree)] };
        let error = write_participant_votes(Vec::new(), &[0, 1], [row]).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
        assert!(error.to_string().contains("comment id 5"), "{error}");
        let error = write_participant_votes(Vec::new(), &[0, 0], []).unwrap_err();
        assert!(error.to_string().contains("listed twice"), "{error}");
    }
}
