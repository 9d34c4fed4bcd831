//! votes.csv: `timestamp,datetime,comment-id,voter-id,vote`, one line per vote cast.

use std::io::{BufWriter, Read, Write};

use tracktwo_common_ground::Vote;

use crate::datetime::polis_datetime;
use crate::error::PolisError;
use crate::table::Table;

/// The header Pol.is writes, in its order.
pub const VOTES_HEADER: [&str; 5] = ["timestamp", "datetime", "comment-id", "voter-id", "vote"];

/// One line of votes.csv: a participant's vote on a statement, in export identifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CastVote {
    /// Milliseconds since the Unix epoch. `None` where the file has no `timestamp` column or
    /// leaves it empty.
    pub timestamp: Option<i64>,
    pub statement: i64,
    pub voter: i64,
    pub vote: Vote,
}

/// The votes of a votes.csv, line by line, without holding the file in memory.
pub struct VoteRows<R> {
    table: Table<R>,
    timestamp: Option<usize>,
    statement: usize,
    voter: usize,
    vote: usize,
}

/// Reads the header of votes.csv; the votes follow by iterating. `comment-id`, `voter-id` and
/// `vote` are required; `timestamp` is optional and `datetime` is not read (`timestamp` says the
/// same, without a time zone to guess).
pub fn read_votes<R: Read>(reader: R, name: &str) -> Result<VoteRows<R>, PolisError> {
    let table = Table::new(reader, name)?;
    Ok(VoteRows {
        timestamp: table.column("timestamp"),
        voter: table.required_column("voter-id")?,
        statement: table.required_column("comment-id")?,
        vote: table.required_column("vote")?,
        table,
    })
}

impl<R: Read> VoteRows<R> {
    /// The next vote, `None` at the end of the file.
    #[inline]
    pub fn next_vote(&mut self) -> Result<Option<CastVote>, PolisError> {
        if !self.table.advance()? {
            return Ok(None);
        }
        let table = &self.table;
        Ok(Some(CastVote {
            timestamp: table.optional_integer(self.timestamp, "timestamp")?,
            voter: table.integer(self.voter, "voter-id")?,
            statement: table.integer(self.statement, "comment-id")?,
            vote: table.vote(self.vote)?,
        }))
    }

    pub(crate) fn into_inner(self) -> R {
        self.table.into_inner()
    }
}

impl<R> VoteRows<R> {
    /// Whether the file has a `timestamp` column.
    pub fn is_dated(&self) -> bool {
        self.timestamp.is_some()
    }

    /// Where the columns are: `timestamp`, `comment-id`, `voter-id`, `vote`, and how many fields
    /// the header has.
    pub(crate) fn layout(&self) -> (Option<usize>, usize, usize, usize, usize) {
        (self.timestamp, self.statement, self.voter, self.vote, self.table.headers().len())
    }

    /// The line of the vote last read (1 before the first), for messages about it.
    pub fn line(&self) -> u64 {
        self.table.line()
    }

    /// An error about the vote last read.
    pub(crate) fn error(&self, problem: crate::Problem) -> PolisError {
        self.table.error(problem)
    }
}

impl<R: Read> Iterator for VoteRows<R> {
    type Item = Result<CastVote, PolisError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_vote().transpose()
    }
}

/// Writes votes.csv in Pol.is' layout, in the order given, `datetime` written from `timestamp`
/// as Pol.is writes it ([`polis_datetime`], in UTC). A vote without a timestamp leaves both
/// fields empty.
pub fn write_votes(writer: impl Write, votes: impl IntoIterator<Item = CastVote>) -> std::io::Result<()> {
    // Every field is an integer, a date of letters, digits, spaces and parentheses, or empty, so
    // nothing needs quoting: plain formatting is enough, and fast enough for a hundred million
    // lines. Votes come in bursts within the same second, so each second's date is formatted once.
    let mut out = BufWriter::with_capacity(1 << 20, writer);
    let mut dated: Option<(i64, String)> = None;
    writeln!(out, "{}", VOTES_HEADER.join(","))?;
    for vote in votes {
        if let Some(timestamp) = vote.timestamp {
            let second = timestamp.div_euclid(1000);
            let datetime = match &dated {
                Some((at, text)) if *at == second => text,
                _ => &dated.insert((second, polis_datetime(timestamp))).1,
            };
            write!(out, "{timestamp},{datetime}")?;
        } else {
            out.write_all(b",")?;
        }
        writeln!(out, ",{},{},{}", vote.statement, vote.voter, vote.vote.export_value())?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes_are_read_by_column_name_whatever_the_order() {
        let text = "vote,voter-id,comment-id\n1,7,3\n-1,8,3\n";
        let votes: Vec<CastVote> = read_votes(text.as_bytes(), "votes.csv").unwrap().map(Result::unwrap).collect();
        assert_eq!(
            votes,
            vec![
                CastVote { timestamp: None, statement: 3, voter: 7, vote: Vote::Agree },
                CastVote { timestamp: None, statement: 3, voter: 8, vote: Vote::Disagree },
            ]
        );
    }

    #[test]
    fn bad_lines_and_missing_columns_are_named() {
        let header = VOTES_HEADER.join(",");
        let first_error = |body: &str| {
            read_votes(format!("{header}\n{body}").as_bytes(), "votes.csv")
                .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            first_error("1,,0,0,1\n2,,0,1,2\n"),
            "votes.csv line 3: vote is 2; a vote is 1 (agree), -1 (disagree) or 0 (pass)"
        );
        assert_eq!(first_error("x,,0,0,1\n"), "votes.csv line 2: `timestamp` is `x`, not an integer");
        let short = first_error("1,,0,0,1\n2,,0,1\n");
        assert!(short.starts_with("votes.csv line 3: "), "{short}");
        let missing = read_votes("timestamp,comment-id,vote\n".as_bytes(), "votes.csv").err().unwrap().to_string();
        assert_eq!(missing, "votes.csv line 1: no `voter-id` column in the header");
    }

    #[test]
    fn the_written_layout_is_pol_is_own() {
        let mut out = Vec::new();
        write_votes(
            &mut out,
            [
                CastVote { timestamp: Some(1_403_054_214_196), statement: 0, voter: 12, vote: Vote::Pass },
                CastVote { timestamp: None, statement: 4, voter: 3, vote: Vote::Disagree },
                // The same second, the next one, and the first one again: each dated by its own.
                CastVote { timestamp: Some(1_403_054_214_999), statement: 1, voter: 12, vote: Vote::Agree },
                CastVote { timestamp: Some(1_403_054_215_000), statement: 2, voter: 12, vote: Vote::Agree },
                CastVote { timestamp: Some(1_403_054_214_000), statement: 3, voter: 12, vote: Vote::Agree },
            ],
        )
        .unwrap();
        let date = |time: &str| format!("Wed Jun 18 2014 01:16:{time} GMT+0000 (Coordinated Universal Time)");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!(
                "timestamp,datetime,comment-id,voter-id,vote\n\
                 1403054214196,{},0,12,0\n\
                 ,,4,3,-1\n\
                 1403054214999,{},1,12,1\n\
                 1403054215000,{},2,12,1\n\
                 1403054214000,{},3,12,1\n",
                date("54"),
                date("54"),
                date("55"),
                date("54")
            )
        );
    }
}
