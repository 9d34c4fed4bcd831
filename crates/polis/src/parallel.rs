//! votes.csv read on every core: the file in blocks, each block cut at line ends into pieces
//! parsed in parallel, the votes handed on in file order while the next block is read and parsed.
//!
//! Only for the plain layout every Pol.is export has: one record per line (no quotes, so no
//! line inside a field), no blank lines, every field where the header puts it and an integer
//! where an integer belongs. The pieces check this as they go. At anything else the scan says
//! so ([`Scan::Unusual`]) and the caller reads the file again with the CSV parser, which accepts
//! what CSV allows and reports any error at its line: the fast path never has to explain a bad
//! line, so its messages cannot drift from the parser's.

use std::io::Read;

use rayon::prelude::*;
use tracktwo_common_ground::Vote;

use crate::error::{PolisError, Problem};
use crate::table::parse_integer;
use crate::votes::read_votes;

/// Bytes read per block at most: large enough that every core has many pieces, small enough
/// that the parsed votes of a block (about 1.2 times its bytes) cost little next to the matrix.
const BLOCK: usize = 16 << 20;
/// Bytes read in the first block (which holds the header); each full block doubles the next,
/// up to [`BLOCK`], so that a small file costs a small buffer.
const FIRST_BLOCK: usize = 64 << 10;
/// Bytes per piece parsed by one task.
const PIECE: usize = 256 << 10;
/// Lines with more fields than this are left to the CSV parser.
const MAX_FIELDS: usize = 32;

/// One line of votes.csv, parsed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ParsedVote {
    /// The `timestamp`; 0 when the file has no such column. (An empty one is not plain: the
    /// CSV path reports it.)
    pub(crate) time: i64,
    pub(crate) voter: i64,
    pub(crate) statement: i64,
    pub(crate) vote: Vote,
}

/// How a scan ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scan {
    /// Every vote was handed on.
    Complete,
    /// The consumer asked to stop.
    Stopped,
    /// The file is not in the plain layout; read it with the CSV parser instead.
    Unusual,
}

/// What each field of a line is: how many there are and, per field, where its value goes.
#[derive(Debug, Clone, Copy)]
struct Layout {
    fields: usize,
    slots: [u8; MAX_FIELDS],
    dated: bool,
}

/// A votes.csv whose header has been read, ready to scan.
pub(crate) struct ParallelVotes<'a, R> {
    reader: R,
    name: &'a str,
    layout: Layout,
    /// Bytes read and not yet parsed, from the start of a line.
    buffer: Vec<u8>,
    /// Bytes the next read may fill the buffer to.
    block: usize,
    end_of_file: bool,
}

impl<'a, R: Read + Send> ParallelVotes<'a, R> {
    /// Reads the header. `None` when the header is not plain (quoted, or longer than a block):
    /// the CSV parser reads such a file. A header without a required column is the same error
    /// the parser gives.
    pub(crate) fn open(mut reader: R, name: &'a str) -> Result<Option<Self>, PolisError> {
        let mut buffer = Vec::new();
        let end_of_file = fill(&mut reader, &mut buffer, 0, FIRST_BLOCK, name)?;
        let Some(header_end) = memchr::memchr(b'\n', &buffer) else {
            return Ok(None);
        };
        let header = &buffer[..header_end];
        let header = header.strip_suffix(b"\r").unwrap_or(header);
        if header.is_empty() || memchr::memchr2(b'"', b'\r', header).is_some() {
            return Ok(None);
        }
        let rows = read_votes(header, name)?;
        let (timestamp, statement, voter, vote, fields) = rows.layout();
        if fields > MAX_FIELDS {
            return Ok(None);
        }
        let mut slots = [UNREAD; MAX_FIELDS];
        if let Some(timestamp) = timestamp {
            slots[timestamp] = TIME;
        }
        slots[voter] = VOTER;
        slots[statement] = STATEMENT;
        slots[vote] = VOTE;
        buffer.drain(..=header_end);
        Ok(Some(Self {
            reader,
            name,
            layout: Layout { fields, slots, dated: timestamp.is_some() },
            buffer,
            block: FIRST_BLOCK,
            end_of_file,
        }))
    }

    /// Whether the file has a `timestamp` column.
    pub(crate) fn is_dated(&self) -> bool {
        self.layout.dated
    }

    /// Hands every vote to `take` in file order with its 1-based line, while the next block is
    /// read and parsed. `take` returns false to stop the scan.
    pub(crate) fn scan(
        mut self,
        mut take: impl FnMut(&ParsedVote, u64) -> Result<bool, PolisError> + Send,
    ) -> Result<Scan, PolisError> {
        let name = self.name;
        let layout = self.layout;
        let mut line = 1u64;
        // The vectors of the block before last, emptied, for the next block to parse into: a
        // fresh allocation per block would have the system zero new pages every time.
        let mut spare = Vec::new();
        let mut parsed = self.next_block(layout, &mut spare)?;
        loop {
            let pieces = match parsed {
                Block::Votes(pieces) => pieces,
                Block::End => return Ok(Scan::Complete),
                Block::Unusual => return Ok(Scan::Unusual),
            };
            let at = line;
            let (taken, next) = rayon::join(
                || -> Result<bool, PolisError> {
                    let mut at = at;
                    for vote in pieces.iter().flatten() {
                        at += 1;
                        if !take(vote, at)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                },
                || self.next_block(layout, &mut spare),
            );
            if !taken? {
                return Ok(Scan::Stopped);
            }
            line += pieces.iter().map(|piece| piece.len() as u64).sum::<u64>();
            let mut pieces = pieces;
            pieces.iter_mut().for_each(Vec::clear);
            spare.append(&mut pieces);
            parsed = next.map_err(|e| PolisError { file: name.to_owned(), line: line + 1, problem: e.problem })?;
        }
    }

    /// Reads up to a block, parses its whole lines in parallel (into `spare`'s vectors where
    /// there are any) and keeps the partial last line for the next block.
    fn next_block(&mut self, layout: Layout, spare: &mut Vec<Vec<ParsedVote>>) -> Result<Block, PolisError> {
        if !self.end_of_file {
            let kept = self.buffer.len();
            self.block = (self.block * 2).min(BLOCK);
            self.end_of_file = fill(&mut self.reader, &mut self.buffer, kept, self.block, self.name)?;
        }
        if self.end_of_file && self.buffer.last().is_some_and(|&b| b != b'\n') {
            // The last line without its line end.
            self.buffer.push(b'\n');
        }
        if self.buffer.is_empty() {
            return Ok(Block::End);
        }
        let Some(last_line_end) = memchr::memrchr(b'\n', &self.buffer) else {
            // A line longer than a block.
            return Ok(Block::Unusual);
        };
        let whole = &self.buffer[..=last_line_end];
        let pieces = cut(whole);
        let mut parsed: Vec<Vec<ParsedVote>> = spare.drain(..spare.len().min(pieces.len())).collect();
        parsed.resize_with(pieces.len(), Vec::new);
        let plain = parsed
            .par_iter_mut()
            .zip(pieces.par_iter())
            .all(|(votes, &(start, end))| parse_piece(&whole[start..end], &layout, votes));
        self.buffer.drain(..=last_line_end);
        Ok(if plain { Block::Votes(parsed) } else { Block::Unusual })
    }
}

enum Block {
    Votes(Vec<Vec<ParsedVote>>),
    End,
    Unusual,
}

/// Reads until `buffer` holds `block` bytes (at least a first block more than the `kept` ones)
/// or the reader ends; true at the end.
fn fill(
    reader: &mut impl Read,
    buffer: &mut Vec<u8>,
    kept: usize,
    block: usize,
    name: &str,
) -> Result<bool, PolisError> {
    let wanted = block.max(kept + FIRST_BLOCK) - kept;
    buffer.reserve_exact(wanted);
    // `read_to_end` fills the spare capacity without zeroing it first.
    match Read::take(&mut *reader, wanted as u64).read_to_end(buffer) {
        Ok(read) => Ok(read < wanted),
        Err(e) => Err(PolisError { file: name.to_owned(), line: 1, problem: Problem::Io(e) }),
    }
}

/// Cuts whole lines into pieces of about [`PIECE`] bytes, each ending at a line end.
fn cut(whole: &[u8]) -> Vec<(usize, usize)> {
    let mut pieces = Vec::with_capacity(whole.len() / PIECE + 1);
    let mut start = 0;
    while start < whole.len() {
        let end = match whole.get(start + PIECE..) {
            Some(rest) => memchr::memchr(b'\n', rest).map_or(whole.len(), |at| start + PIECE + at + 1),
            None => whole.len(),
        };
        pieces.push((start, end));
        start = end;
    }
    pieces
}

/// Where a field's value goes in a parsed line.
const TIME: u8 = 0;
const VOTER: u8 = 1;
const STATEMENT: u8 = 2;
const VOTE: u8 = 3;
const UNREAD: u8 = u8::MAX;

#[inline]
fn ends_field(byte: u8) -> bool {
    matches!(byte, b',' | b'\n' | b'\r')
}

/// Parses whole lines (the piece ends with a line end) in one pass: the fields the reader needs
/// as integers, their digits read as they are passed; anything but plain digits goes through
/// [`parse_integer`], which reads every spelling the CSV path reads. The votes are appended to
/// `votes`; false at the first line that is not plain.
fn parse_piece(piece: &[u8], layout: &Layout, votes: &mut Vec<ParsedVote>) -> bool {
    parse_into(piece, layout, votes).is_some()
}

fn parse_into(piece: &[u8], layout: &Layout, votes: &mut Vec<ParsedVote>) -> Option<()> {
    if memchr::memchr(b'"', piece).is_some() {
        return None;
    }
    // A carriage return ends a record for the CSV parser wherever it is: only the one before a
    // line end is plain.
    if memchr::memchr_iter(b'\r', piece).any(|at| piece.get(at + 1) != Some(&b'\n')) {
        return None;
    }
    votes.reserve(piece.len() / 24);
    let mut at = 0;
    while at < piece.len() {
        if matches!(piece[at], b'\n' | b'\r') {
            // A blank line: the CSV parser skips it but counts it; leave the line numbers to it.
            return None;
        }
        let mut values = [0i64; 4];
        let mut field = 0;
        loop {
            let slot = layout.slots[field];
            if slot == UNREAD {
                while at < piece.len() && !ends_field(piece[at]) {
                    at += 1;
                }
            } else {
                let field_start = at;
                let negative = piece[at] == b'-';
                let digits_start = at + usize::from(negative);
                at = digits_start;
                let mut value = 0i64;
                while at < piece.len() && at - digits_start < 18 {
                    let digit = piece[at].wrapping_sub(b'0');
                    if digit > 9 {
                        break;
                    }
                    value = value * 10 + i64::from(digit);
                    at += 1;
                }
                if at > digits_start && at < piece.len() && ends_field(piece[at]) {
                    values[slot as usize] = if negative { -value } else { value };
                } else {
                    let rest = &piece[field_start..];
                    at = field_start + rest.iter().position(|&b| ends_field(b)).unwrap_or(rest.len());
                    values[slot as usize] = parse_integer(&piece[field_start..at])?;
                }
            }
            field += 1;
            match piece.get(at) {
                Some(b',') if field < layout.fields => at += 1,
                Some(b'\n') => {
                    at += 1;
                    break;
                }
                // Always followed by a line end (checked above).
                Some(b'\r') => {
                    at += 2;
                    break;
                }
                _ => return None,
            }
        }
        if field != layout.fields {
            return None;
        }
        votes.push(ParsedVote {
            time: values[usize::from(TIME)],
            voter: values[usize::from(VOTER)],
            statement: values[usize::from(STATEMENT)],
            vote: Vote::from_export(values[usize::from(VOTE)])?,
        });
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (time, voter, statement, vote, line) of each vote handed on.
    type Seen = Vec<(i64, i64, i64, i8, u64)>;

    fn scan_all(text: &[u8]) -> (Option<Scan>, Seen) {
        let mut seen = Vec::new();
        let Some(votes) = ParallelVotes::open(text, "votes.csv").unwrap() else {
            return (None, seen);
        };
        let scan = votes
            .scan(|vote, line| {
                seen.push((vote.time, vote.voter, vote.statement, vote.vote.export_value(), line));
                Ok(true)
            })
            .unwrap();
        (Some(scan), seen)
    }

    #[test]
    fn plain_lines_are_read_with_their_line_numbers_across_blocks_and_pieces() {
        let mut text = b"timestamp,datetime,comment-id,voter-id,vote\r\n".to_vec();
        let count = BLOCK / 20 + 1000;
        for n in 0..count {
            text.extend_from_slice(format!("{n},,{},{},{}\n", n % 7, n / 3, (n % 3) as i64 - 1).as_bytes());
        }
        text.extend_from_slice(b"5,Mon Jun 1,3,-4,1"); // no line end at the end of the file
        let (scan, seen) = scan_all(&text);
        assert_eq!(scan, Some(Scan::Complete));
        assert_eq!(seen.len(), count + 1);
        for (n, &(time, voter, statement, vote, line)) in seen.iter().take(count).enumerate() {
            assert_eq!(
                (time, voter, statement, i64::from(vote)),
                (n as i64, n as i64 / 3, n as i64 % 7, (n % 3) as i64 - 1)
            );
            assert_eq!(line, n as u64 + 2);
        }
        assert_eq!(seen[count], (5, -4, 3, 1, count as u64 + 2));
    }

    #[test]
    fn anything_but_the_plain_layout_is_left_to_the_csv_parser() {
        let header = "timestamp,datetime,comment-id,voter-id,vote\n";
        for body in [
            "1,\"Mon, Jun 1\",0,1,1\n",
            "1,,0,1,1\n\n2,,0,2,1\n",
            "1,,0,1\n",
            "1,,0,1,1,9\n",
            "1,,0,1,2\n",
            ",,0,1,1\n",
            "1,,x,1,1\n",
            "1,a\rb,0,1,1\n",
        ] {
            let (scan, _) = scan_all(format!("{header}{body}").as_bytes());
            assert_eq!(scan, Some(Scan::Unusual), "{body:?}");
        }
        assert_eq!(scan_all(b"\"timestamp\",comment-id,voter-id,vote\n1,0,1,1\n").0, None);
        assert_eq!(scan_all(b"timestamp,comment-id,voter-id,vote").0, None);
        // Spellings the CSV parser reads as integers are read alike.
        let (scan, seen) = scan_all(b"vote,voter-id,comment-id\n1.0, 7 ,3\n");
        assert_eq!((scan, seen), (Some(Scan::Complete), vec![(0, 7, 3, 1, 2)]));
    }

    #[test]
    fn a_header_without_a_required_column_is_the_parsers_error() {
        let error = ParallelVotes::open(&b"timestamp,comment-id,vote\n1,0,1\n"[..], "votes.csv").err().unwrap();
        assert_eq!(error.to_string(), "votes.csv line 1: no `voter-id` column in the header");
    }

    #[test]
    fn the_consumer_can_stop_the_scan() {
        let votes = ParallelVotes::open(&b"comment-id,voter-id,vote\n0,1,1\n0,2,1\n0,3,1\n"[..], "v").unwrap().unwrap();
        let mut lines = Vec::new();
        let scan = votes
            .scan(|_, line| {
                lines.push(line);
                Ok(line < 3)
            })
            .unwrap();
        assert_eq!((scan, lines), (Scan::Stopped, vec![2, 3]));
    }
}
