//! A whole export folder, assembled into the engine's input: dense indices, the final vote per
//! cell, statement flags, and the votes in the order cast.

use std::io::{Read, Seek, SeekFrom};

use tracktwo_common_ground::{StatementFlags, Vote, VoteMatrix, VoteMatrixBuilder};

use crate::comments::{Comment, Moderation, read_comments};
use crate::error::{PolisError, Problem};
use crate::interner::Interner;
use crate::parallel::{ParallelVotes, Scan};
use crate::votes::{VoteRows, read_votes};
use crate::wide::read_participant_votes;

/// A reader and the name messages give it: a file name such as `votes.csv`, or a path.
pub struct Named<'a, R> {
    pub name: &'a str,
    pub reader: R,
}

impl<'a, R> Named<'a, R> {
    pub fn new(name: &'a str, reader: R) -> Self {
        Self { name, reader }
    }
}

/// Where an export's votes come from.
pub enum ExportVotes<'a, R> {
    /// votes.csv: every vote cast, dated.
    Long(Named<'a, R>),
    /// participants-votes.csv: the final votes, one row per participant (for exports without
    /// votes.csv; the two give the same matrix where both exist).
    Wide(Named<'a, R>),
}

/// Which layout a conversation's votes were read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteFormat {
    Long,
    Wide,
}

impl VoteFormat {
    /// The file of an export that holds votes in this layout.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Long => "votes.csv",
            Self::Wide => "participants-votes.csv",
        }
    }
}

/// A conversation read from an export: the engine's input plus the export's own identifiers.
#[derive(Debug)]
pub struct Conversation {
    /// The export's participant id of each participant index.
    pub participant_ids: Vec<i64>,
    /// The export's comment id of each statement index.
    pub statement_ids: Vec<i64>,
    pub votes: VoteMatrix,
    /// One per statement.
    pub flags: Vec<StatementFlags>,
    pub vote_format: VoteFormat,
    /// The votes in the order cast, when the export dates them and there are no more than the
    /// history limit.
    pub history: Option<History>,
}

impl Conversation {
    /// Each participant's latest vote on each statement, as (participant id, comment id, vote)
    /// in the export's own identifiers.
    pub fn votes_by_export_id(&self) -> impl Iterator<Item = (i64, i64, Vote)> + '_ {
        self.votes.triples().map(|(p, s, v)| (self.participant_ids[p], self.statement_ids[s], v))
    }
}

/// A conversation's votes in the order cast.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// (participant, statement, vote), as indexed in the [`Conversation`].
    pub votes: Vec<(usize, usize, Vote)>,
    /// When each vote was cast: milliseconds since the Unix epoch, ascending.
    pub times: Vec<i64>,
}

impl History {
    fn with_capacity(capacity: usize) -> Self {
        Self { votes: Vec::with_capacity(capacity), times: Vec::with_capacity(capacity) }
    }

    fn push(&mut self, participant: usize, statement: usize, vote: Vote, time: i64) {
        self.votes.push((participant, statement, vote));
        self.times.push(time);
    }

    pub fn len(&self) -> usize {
        self.votes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.votes.is_empty()
    }
}

/// Reads an export: comments.csv (optional) and its votes.
///
/// Statements are indexed in comment-id order (Pol.is' order of creation), then any voted on but
/// not listed; participants in the order they first voted. A vote replaces an earlier one on the
/// same statement by the same participant: the latest timestamp wins, and equal timestamps go to
/// the later line. A votes.csv in time order is read in one pass; otherwise it is read again
/// from where it started and sorted, which is why the votes' reader must be able to seek: the
/// first pass keeps no copy of the lines, so that a time-ordered file of a hundred million votes
/// costs only the matrix. A votes.csv in the plain layout of Pol.is' exports is parsed on every
/// core, block by block; at anything else (quoted fields, blank lines, a field that is wrong) it
/// is read again from where it started with the CSV parser, whose errors name the line.
///
/// `history_limit` bounds the votes kept in cast order ([`Conversation::history`]): beyond it
/// the history is dropped rather than held next to the matrix.
pub fn read_export<C: Read, V: Read + Seek + Send>(
    comments: Option<Named<'_, C>>,
    votes: ExportVotes<'_, V>,
    history_limit: usize,
) -> Result<Conversation, PolisError> {
    let mut participants = Interner::default();
    let mut statements = Interner::default();
    let mut flags = match comments {
        Some(Named { name, reader }) => statement_flags(read_comments(reader, name)?, &mut statements),
        None => Vec::new(),
    };
    let (votes, history, vote_format) = match votes {
        ExportVotes::Long(votes) => {
            let (matrix, history) = read_long(votes, &mut participants, &mut statements, history_limit)?;
            (matrix, history, VoteFormat::Long)
        }
        ExportVotes::Wide(votes) => (read_wide(votes, &mut participants, &mut statements)?, None, VoteFormat::Wide),
    };
    flags.resize(votes.statements(), StatementFlags::default());
    Ok(Conversation {
        participant_ids: participants.into_ids(),
        statement_ids: statements.into_ids(),
        votes,
        flags,
        vote_format,
        history,
    })
}

/// The listed statements' flags, indexed in comment-id order whatever the file's order; of two
/// lines with the same id, the later counts.
fn statement_flags(mut comments: Vec<Comment>, statements: &mut Interner) -> Vec<StatementFlags> {
    comments.sort_by_key(|comment| comment.id);
    let mut flags = Vec::new();
    for comment in comments {
        let index = statements.index(comment.id);
        if index >= flags.len() {
            flags.resize(index + 1, StatementFlags::default());
        }
        flags[index] =
            StatementFlags { moderated_out: comment.moderation == Moderation::ModeratedOut, meta: comment.is_meta };
    }
    flags
}

type MaybeHistory = Option<History>;

/// A vote held for sorting. The line fits in the padding after the vote, so it costs nothing;
/// beyond four billion lines it saturates.
struct HeldVote {
    time: i64,
    voter: i64,
    statement: i64,
    line: u32,
    vote: Vote,
}

/// The time a vote is ordered by: its timestamp, or 0 for all when the file dates no vote (file
/// order is then the order cast).
#[inline]
fn time_of<R>(rows: &VoteRows<R>, timestamp: Option<i64>) -> Result<i64, PolisError> {
    match (rows.is_dated(), timestamp) {
        (true, Some(time)) => Ok(time),
        (true, None) => Err(rows.error(Problem::MissingTimestamp)),
        (false, _) => Ok(0),
    }
}

/// The first pass over votes.csv, as long as time only moves forward: the matrix and the
/// history built as the votes come. Statements keep the indices this pass gives them;
/// participants are indexed afresh if a second pass is needed.
struct InOrder {
    builder: VoteMatrixBuilder,
    participants: Interner,
    history: MaybeHistory,
    history_limit: usize,
    last: i64,
}

impl InOrder {
    fn new(dated: bool, history_limit: usize) -> Self {
        Self {
            builder: VoteMatrixBuilder::new(),
            participants: Interner::default(),
            history: dated.then(History::default),
            history_limit,
            last: i64::MIN,
        }
    }

    /// Records a vote; false, recording nothing, when it is earlier than the one before.
    #[inline]
    fn take(
        &mut self,
        statements: &mut Interner,
        time: i64,
        voter: i64,
        statement: i64,
        vote: Vote,
    ) -> Result<bool, Problem> {
        if time < self.last {
            return Ok(false);
        }
        self.last = time;
        let p = self.participants.index(voter);
        let s = statements.index(statement);
        self.builder.record(p, s, vote).map_err(Problem::Engine)?;
        if let Some(list) = &mut self.history {
            if list.len() < self.history_limit {
                list.push(p, s, vote, time);
            } else {
                self.history = None;
            }
        }
        Ok(true)
    }

    fn finish(mut self, participants: &mut Interner, statements: &Interner) -> (VoteMatrix, MaybeHistory) {
        self.builder.reserve(self.participants.len(), statements.len());
        *participants = self.participants;
        (self.builder.finish(), self.history)
    }
}

/// The second pass's end: every vote held, sorted by time (stable, so equal times keep file
/// order), recorded in that order.
fn from_held(
    mut held: Vec<HeldVote>,
    name: &str,
    participants: &mut Interner,
    statements: &mut Interner,
    history_limit: usize,
) -> Result<(VoteMatrix, MaybeHistory), PolisError> {
    held.sort_by_key(|vote| vote.time);
    let mut builder = VoteMatrixBuilder::new();
    let mut history = (held.len() <= history_limit).then(|| History::with_capacity(held.len()));
    for vote in held {
        let p = participants.index(vote.voter);
        let s = statements.index(vote.statement);
        builder.record(p, s, vote.vote).map_err(|e| PolisError {
            file: name.to_owned(),
            line: u64::from(vote.line),
            problem: Problem::Engine(e),
        })?;
        if let Some(list) = &mut history {
            list.push(p, s, vote.vote, vote.time);
        }
    }
    builder.reserve(participants.len(), statements.len());
    Ok((builder.finish(), history))
}

fn held_line(line: u64) -> u32 {
    u32::try_from(line).unwrap_or(u32::MAX)
}

/// Reads votes.csv: on every core when it is in the plain layout of Pol.is' exports
/// ([`crate::parallel`]), otherwise, or at anything unusual, again from the start with the CSV
/// parser.
fn read_long<V: Read + Seek + Send>(
    votes: Named<'_, V>,
    participants: &mut Interner,
    statements: &mut Interner,
    history_limit: usize,
) -> Result<(VoteMatrix, MaybeHistory), PolisError> {
    let Named { name, mut reader } = votes;
    let io_error = |e| PolisError { file: name.to_owned(), line: 1, problem: Problem::Io(e) };
    let start = reader.stream_position().map_err(io_error)?;
    let listed_statements = statements.clone();
    if let Some(read) = read_long_in_parallel(&mut reader, start, name, participants, statements, history_limit)? {
        return Ok(read);
    }
    *statements = listed_statements;
    *participants = Interner::default();
    reader.seek(SeekFrom::Start(start)).map_err(io_error)?;
    read_long_with_parser(reader, start, name, participants, statements, history_limit)
}

/// `None` when the file is not in the plain layout.
fn read_long_in_parallel<V: Read + Seek + Send>(
    reader: &mut V,
    start: u64,
    name: &str,
    participants: &mut Interner,
    statements: &mut Interner,
    history_limit: usize,
) -> Result<Option<(VoteMatrix, MaybeHistory)>, PolisError> {
    let located = |line, problem| PolisError { file: name.to_owned(), line, problem };
    let Some(rows) = ParallelVotes::open(&mut *reader, name)? else {
        return Ok(None);
    };
    let mut in_order = InOrder::new(rows.is_dated(), history_limit);
    let scan = rows.scan(|vote, line| {
        in_order
            .take(statements, vote.time, vote.voter, vote.statement, vote.vote)
            .map_err(|problem| located(line, problem))
    })?;
    match scan {
        Scan::Complete => return Ok(Some(in_order.finish(participants, statements))),
        Scan::Unusual => return Ok(None),
        Scan::Stopped => drop(in_order),
    }

    // Out of order: read every vote again and sort by time.
    reader.seek(SeekFrom::Start(start)).map_err(|e| located(1, Problem::Io(e)))?;
    let Some(rows) = ParallelVotes::open(&mut *reader, name)? else {
        return Ok(None);
    };
    let mut held = Vec::new();
    let scan = rows.scan(|vote, line| {
        held.push(HeldVote {
            time: vote.time,
            voter: vote.voter,
            statement: vote.statement,
            line: held_line(line),
            vote: vote.vote,
        });
        Ok(true)
    })?;
    if scan != Scan::Complete {
        return Ok(None);
    }
    from_held(held, name, participants, statements, history_limit).map(Some)
}

fn read_long_with_parser<V: Read + Seek>(
    reader: V,
    start: u64,
    name: &str,
    participants: &mut Interner,
    statements: &mut Interner,
    history_limit: usize,
) -> Result<(VoteMatrix, MaybeHistory), PolisError> {
    let io_error = |e| PolisError { file: name.to_owned(), line: 1, problem: Problem::Io(e) };
    let mut rows = read_votes(reader, name)?;
    let mut in_order = InOrder::new(rows.is_dated(), history_limit);
    let mut sorted = true;
    while let Some(vote) = rows.next_vote()? {
        let time = time_of(&rows, vote.timestamp)?;
        if !in_order.take(statements, time, vote.voter, vote.statement, vote.vote).map_err(|p| rows.error(p))? {
            sorted = false;
            break;
        }
    }
    if sorted {
        return Ok(in_order.finish(participants, statements));
    }

    // Out of order: read every vote again and sort by time.
    drop(in_order);
    let mut reader = rows.into_inner();
    reader.seek(SeekFrom::Start(start)).map_err(io_error)?;
    let mut rows = read_votes(reader, name)?;
    let mut held = Vec::new();
    while let Some(vote) = rows.next_vote()? {
        held.push(HeldVote {
            time: time_of(&rows, vote.timestamp)?,
            voter: vote.voter,
            statement: vote.statement,
            line: held_line(rows.line()),
            vote: vote.vote,
        });
    }
    from_held(held, name, participants, statements, history_limit)
}

fn read_wide<V: Read>(
    votes: Named<'_, V>,
    participants: &mut Interner,
    statements: &mut Interner,
) -> Result<VoteMatrix, PolisError> {
    let mut rows = read_participant_votes(votes.reader, votes.name)?;
    let statement_index: Vec<usize> = rows.statement_ids().map(|id| statements.index(id)).collect();
    let mut builder = VoteMatrixBuilder::new();
    let mut cells = Vec::new();
    while let Some((participant, _group)) = rows.next_into(&mut cells)? {
        let p = participants.index(participant);
        builder.reserve(p + 1, 0);
        for &(position, vote) in &cells {
            builder.record(p, statement_index[position], vote).map_err(|e| rows.error(Problem::Engine(e)))?;
        }
    }
    builder.reserve(participants.len(), statements.len());
    Ok(builder.finish())
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    const LIMIT: usize = 1000;

    fn long(text: &str) -> ExportVotes<'static, Cursor<Vec<u8>>> {
        ExportVotes::Long(Named::new("votes.csv", Cursor::new(text.as_bytes().to_vec())))
    }

    /// Each vote as (participant id, statement id, export value), sorted.
    fn cells(conversation: &Conversation) -> Vec<(i64, i64, i8)> {
        let mut cells: Vec<_> = conversation.votes_by_export_id().map(|(p, s, v)| (p, s, v.export_value())).collect();
        cells.sort_unstable();
        cells
    }

    #[test]
    fn the_latest_vote_wins_and_the_history_is_in_time_order() {
        let votes = "timestamp,datetime,comment-id,voter-id,vote\n\
                     30,,1,7,-1\n10,,1,7,1\n20,,2,7,0\n40,,2,7,1\n25,,1,9,1\n25,,1,9,-1\n";
        let comments = "comment-id,moderated\n2,-1\n1,1\n";
        let conversation =
            read_export(Some(Named::new("comments.csv", comments.as_bytes())), long(votes), LIMIT).unwrap();
        assert_eq!(cells(&conversation), vec![(7, 1, -1), (7, 2, 1), (9, 1, -1)]);
        assert_eq!(conversation.statement_ids, vec![1, 2]);
        assert_eq!(
            conversation.flags,
            vec![StatementFlags::default(), StatementFlags { moderated_out: true, meta: false }]
        );
        let history = conversation.history.unwrap();
        assert_eq!(history.len(), 6);
        assert_eq!(history.votes[0], (0, 0, Vote::Agree));
        // The times come along, sorted with their votes.
        assert_eq!(history.times, vec![10, 20, 25, 25, 30, 40]);
        assert_eq!(conversation.vote_format, VoteFormat::Long);
    }

    #[test]
    fn a_time_ordered_file_is_read_once_and_the_history_respects_the_limit() {
        let votes = "timestamp,datetime,comment-id,voter-id,vote\n1,,0,5,1\n2,,1,5,1\n3,,0,6,-1\n";
        let conversation = read_export(None::<Named<'_, &[u8]>>, long(votes), 3).unwrap();
        assert_eq!(conversation.participant_ids, vec![5, 6]);
        assert_eq!(conversation.history.map(|h| h.len()), Some(3));
        assert!(read_export(None::<Named<'_, &[u8]>>, long(votes), 2).unwrap().history.is_none());
        // Without timestamps, file order is the order cast but there is no history to replay.
        let undated = "comment-id,voter-id,vote\n0,5,1\n0,5,-1\n";
        let conversation = read_export(None::<Named<'_, &[u8]>>, long(undated), LIMIT).unwrap();
        assert_eq!(cells(&conversation), vec![(5, 0, -1)]);
        assert!(conversation.history.is_none());
    }

    #[test]
    fn a_reader_is_reread_from_where_it_was_given() {
        let mut cursor = Cursor::new(b"junk\ntimestamp,comment-id,voter-id,vote\n5,0,1,1\n1,0,2,1\n".to_vec());
        cursor.set_position(5);
        let conversation =
            read_export(None::<Named<'_, &[u8]>>, ExportVotes::Long(Named::new("v", cursor)), LIMIT).unwrap();
        assert_eq!(conversation.participant_ids, vec![2, 1]);
    }

    #[test]
    fn a_vote_without_time_in_a_dated_file_is_refused() {
        let votes = "timestamp,comment-id,voter-id,vote\n1,0,1,1\n,0,2,1\n";
        let error = read_export(None::<Named<'_, &[u8]>>, long(votes), LIMIT).unwrap_err();
        assert_eq!(error.line, 3);
        assert!(matches!(error.problem, Problem::MissingTimestamp));
    }

    /// What `read_export` gives (the parallel scan, or the parser where it steps aside), as
    /// comparable text: the error, or the ids, the cells and the history.
    fn outcome(read: Result<(VoteMatrix, MaybeHistory), PolisError>, p: Interner, s: Interner) -> String {
        match read {
            Ok((votes, history)) => {
                let triples: Vec<_> = votes.triples().map(|(p, s, v)| (p, s, v.export_value())).collect();
                format!("{:?} {:?} {triples:?} {history:?}", p.into_ids(), s.into_ids())
            }
            Err(e) => e.to_string(),
        }
    }

    fn line_strategy() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let plain = (0i64..6, 0i64..5, 0i64..7, -1i64..=1).prop_map(|(t, s, p, v)| format!("{t},,{s},{p},{v}"));
        prop_oneof![
            8 => plain,
            1 => Just("3,\"Mon, Jun 1\",1,2,1".to_owned()),
            1 => Just(String::new()),
            1 => Just("3,,1,2".to_owned()),
            1 => Just("3,,1,2,5".to_owned()),
            1 => Just(",,1,2,1".to_owned()),
            1 => Just("4.0,, 2 ,3,-1".to_owned()),
            1 => Just("2,,1,99999999999,0\r".to_owned()),
        ]
    }

    proptest::proptest! {
        #[test]
        fn the_parallel_scan_reads_every_file_as_the_parser_does(
            lines in proptest::collection::vec(line_strategy(), 0..40),
            sorted in proptest::bool::ANY,
            limit in 0usize..50,
        ) {
            let mut lines = lines;
            if sorted {
                lines.sort_by_key(|line| line.split(',').next().and_then(|t| t.parse::<i64>().ok()).unwrap_or(0));
            }
            let text = format!("timestamp,datetime,comment-id,voter-id,vote\n{}\n", lines.join("\n"));
            let read = |parallel: bool| {
                let mut participants = Interner::default();
                let mut statements = Interner::default();
                statements.index(3);
                let reader = Cursor::new(text.as_bytes());
                let read = if parallel {
                    read_long(Named::new("votes.csv", reader), &mut participants, &mut statements, limit)
                } else {
                    read_long_with_parser(reader, 0, "votes.csv", &mut participants, &mut statements, limit)
                };
                outcome(read, participants, statements)
            };
            proptest::prop_assert_eq!(read(true), read(false));
        }
    }

    #[test]
    fn statements_listed_but_never_voted_on_are_kept() {
        let comments = "comment-id,is-meta\n9,true\n3,false\n";
        let wide = "participant,group-id,3,4\n1,,1,\n";
        let conversation = read_export(
            Some(Named::new("comments.csv", comments.as_bytes())),
            ExportVotes::Wide(Named::new("participants-votes.csv", Cursor::new(wide))),
            LIMIT,
        )
        .unwrap();
        assert_eq!(conversation.statement_ids, vec![3, 9, 4]);
        assert_eq!(conversation.votes.statements(), 3);
        assert!(conversation.flags[1].meta && !conversation.flags[0].meta);
        assert_eq!(conversation.vote_format.file_name(), "participants-votes.csv");
        assert!(conversation.history.is_none());
    }
}
