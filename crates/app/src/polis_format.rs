//! A conversation to and from Pol.is' export format, for the workspace and the command line:
//! the same files that `tracktwo common-ground analyze` reads. Pure: bytes in, bytes out.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::conversations::{ConversationExport, ConversationImport, domain_vote, engine_vote};
use tracktwo_domain::conversation::{Conversation, ConversationMode, Statement, StatementStatus, Vote};
use tracktwo_polis::{CastVote, Comment, Moderation, ParticipantRow, Summary};

pub use tracktwo_common_ground::CommonGroundError;
pub use tracktwo_polis::{PolisError, Problem as PolisProblem};

/// Why a Pol.is export cannot be imported: a file that cannot be read (its name, its line and
/// what is wrong there), or files that do not fit together. Kept as its parts, so an edge says
/// it in the reader's language and digits; `Display` is the English for programs.
#[derive(Debug, thiserror::Error)]
pub enum PolisImportError {
    /// A file that cannot be read, at its line.
    #[error(transparent)]
    File(#[from] PolisError),
    /// comments.csv gives one comment id to two comments.
    #[error("comments.csv: comment-id {comment} appears twice")]
    CommentTwice { comment: i64 },
    /// A vote of votes.csv, at its line, on a comment comments.csv does not hold.
    #[error("votes.csv line {line}: comment-id {comment} is not in comments.csv")]
    NoSuchComment { line: u64, comment: i64 },
    /// Statements of an import read elsewhere, not numbered 0, 1, 2… in order.
    #[error("statement {number}: statements must be numbered 0, 1, 2… in order")]
    StatementOutOfOrder { number: u32 },
    /// A statement without words, or with more than a statement may hold.
    #[error("statement {number}: must have a text of at most {max} characters")]
    StatementLength { number: u32, max: usize },
    /// A vote of an import read elsewhere on a statement it does not hold.
    #[error("vote of participant {participant}: statement {statement} is not in the export")]
    NoSuchStatement { participant: u32, statement: u32 },
}

fn millis(at: tracktwo_domain::Timestamp) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// Reads a pasted export. Statements are numbered in the order of their comment ids, voters in
/// order of first vote; votes are taken in the order cast (by timestamp, where the file has
/// them). Every error names the file and the line.
pub fn read_import(title: &str, comments: &[u8], votes: &[u8]) -> Result<ConversationImport, PolisImportError> {
    let mut comments = tracktwo_polis::read_comments(comments, "comments.csv")?;
    comments.sort_by_key(|c| c.id);
    if let Some(pair) = comments.windows(2).find(|w| w[0].id == w[1].id) {
        return Err(PolisImportError::CommentTwice { comment: pair[0].id });
    }
    let number_of: HashMap<i64, u32> = comments.iter().enumerate().map(|(n, c)| (c.id, n as u32)).collect();
    let mut rows = tracktwo_polis::read_votes(votes, "votes.csv")?;
    let mut voters: HashMap<i64, u32> = HashMap::new();
    let mut cast: Vec<(i64, u32, u32, Vote)> = Vec::new();
    while let Some(vote) = rows.next_vote()? {
        let Some(&statement) = number_of.get(&vote.statement) else {
            return Err(PolisImportError::NoSuchComment { line: rows.line(), comment: vote.statement });
        };
        let next = voters.len() as u32;
        let voter = *voters.entry(vote.voter).or_insert(next);
        cast.push((vote.timestamp.unwrap_or(0), voter, statement, domain_vote(vote.vote)));
    }
    // Stable: votes with the same time (or none) keep the file's order.
    cast.sort_by_key(|v| v.0);
    Ok(ConversationImport {
        conversation: Conversation {
            title: title.to_owned(),
            question: String::new(),
            mode: ConversationMode::Consultation,
            segments: Vec::new(),
            accepts_statements: true,
            seed: 0,
            closed: false,
        },
        statements: comments
            .iter()
            .enumerate()
            .map(|(n, c)| (n as u32, c.body.clone(), c.moderation == Moderation::ModeratedOut))
            .collect(),
        votes: cast.into_iter().map(|(_, voter, statement, vote)| (voter, statement, vote)).collect(),
    })
}

/// The files of an export: Pol.is' four, and the voters' declared sides.
pub const EXPORT_FILES: [&str; 5] = ["comments.csv", "votes.csv", "participants-votes.csv", "summary.csv", "sides.csv"];

/// The `author-id` of every exported statement: the team's, as Pol.is gives the moderator's
/// seed comments the owner's participant id. tracktwo keeps no link from a proposed statement
/// to the voter who proposed it (a voter's wording never sits next to their votes), so the
/// statements the team accepted from participants, and those it imported, carry it too. It is
/// the largest id Pol.is' own database holds, and no voter's number: voters are numbered from
/// 0, one per person who joins.
pub const TEAM_AUTHOR_ID: i64 = i32::MAX as i64;

/// One file of the export: one of [`EXPORT_FILES`]. Statements still waiting for moderation
/// are not part of the conversation and are left out.
pub fn write_export_file(export: &ConversationExport, file: &str) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    match file {
        "comments.csv" => {
            // The final tallies, latest vote per voter and statement.
            let mut tallies = vec![(0u32, 0u32); export.statements.len()];
            for ((_, statement), vote) in latest_votes(export) {
                if let Some(t) = tallies.get_mut(statement as usize) {
                    match vote {
                        Vote::Agree => t.0 += 1,
                        Vote::Disagree => t.1 += 1,
                        Vote::Pass => {}
                    }
                }
            }
            let comments: Vec<Comment> = listed(export)
                .map(|s| Comment {
                    id: i64::from(s.number),
                    timestamp: Some(millis(s.submitted_at)),
                    author: Some(TEAM_AUTHOR_ID),
                    agrees: tallies[s.number as usize].0,
                    disagrees: tallies[s.number as usize].1,
                    moderation: if s.status == StatementStatus::Rejected {
                        Moderation::ModeratedOut
                    } else {
                        Moderation::Accepted
                    },
                    is_meta: s.meta,
                    body: s.text.clone(),
                })
                .collect();
            tracktwo_polis::write_comments(&mut out, &comments)?;
        }
        "votes.csv" => {
            tracktwo_polis::write_votes(
                &mut out,
                export.votes.iter().map(|v| CastVote {
                    timestamp: Some(millis(v.at)),
                    statement: i64::from(v.statement),
                    voter: i64::from(v.voter),
                    vote: engine_vote(v.vote),
                }),
            )?;
        }
        "participants-votes.csv" => {
            let statement_ids: Vec<i64> = listed(export).map(|s| i64::from(s.number)).collect();
            tracktwo_polis::write_participant_votes(&mut out, &statement_ids, participant_rows(export))?;
        }
        "summary.csv" => {
            let comments = listed(export).count() as u64;
            let voters = latest_votes(export).keys().map(|&(voter, _)| voter).collect::<BTreeSet<_>>().len() as u64;
            tracktwo_polis::write_summary(
                &mut out,
                &Summary {
                    topic: export.title.clone(),
                    // A conversation has no public address: voters come by links whose secret
                    // must not travel in a file.
                    url: String::new(),
                    views: u64::from(export.voters_joined),
                    voters,
                    voters_in_conv: voters,
                    commenters: u64::from(comments > 0),
                    comments,
                    groups: export.group_count as u64,
                    description: export.question.clone(),
                },
            )?;
        }
        _ => {
            tracktwo_polis::write_sides(
                &mut out,
                export.sides.iter().map(|(voter, side)| (i64::from(*voter), side.as_str())),
            )?;
        }
    }
    Ok(out)
}

/// The statements an export lists: all but those waiting for moderation.
fn listed(export: &ConversationExport) -> impl Iterator<Item = &Statement> {
    export.statements.iter().filter(|s| s.status != StatementStatus::Pending)
}

/// Each voter's latest vote on each listed statement, by (voter, statement).
fn latest_votes(export: &ConversationExport) -> BTreeMap<(u32, u32), Vote> {
    let listed: BTreeSet<u32> = listed(export).map(|s| s.number).collect();
    // In the order cast, so a later vote replaces an earlier one.
    export.votes.iter().filter(|v| listed.contains(&v.statement)).map(|v| ((v.voter, v.statement), v.vote)).collect()
}

/// One row per voter with a vote, in voter order, with the voter's opinion group.
fn participant_rows(export: &ConversationExport) -> Vec<ParticipantRow> {
    let mut rows: Vec<ParticipantRow> = Vec::new();
    for ((voter, statement), vote) in latest_votes(export) {
        if rows.last().is_none_or(|row| row.participant != i64::from(voter)) {
            rows.push(ParticipantRow {
                participant: i64::from(voter),
                group: export.groups.get(voter as usize).copied().flatten().map(i64::from),
                comments: 0,
                votes: Vec::new(),
            });
        }
        if let Some(row) = rows.last_mut() {
            row.votes.push((i64::from(statement), engine_vote(vote)));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use tracktwo_domain::conversation::{CastVote, StatementOrigin};

    #[test]
    fn an_import_numbers_statements_by_id_and_voters_by_first_vote() {
        let comments = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n\
                        1,,7,0,0,0,1,Second\n2,,3,0,0,0,-1,\"First, with a comma\"\n";
        let votes = "timestamp,datetime,comment-id,voter-id,vote\n20,,7,42,1\n10,,3,9,-1\n30,,3,42,0\n";
        let import = read_import("Imported", comments.as_bytes(), votes.as_bytes()).unwrap();
        assert_eq!(import.statements, vec![(0, "First, with a comma".into(), true), (1, "Second".into(), false)]);
        // In time order: voter 9 (second in the file) voted first, but numbers follow the file.
        assert_eq!(import.votes, vec![(1, 0, Vote::Disagree), (0, 1, Vote::Agree), (0, 0, Vote::Pass)]);
    }

    #[test]
    fn a_vote_on_an_unknown_statement_names_its_line() {
        let comments = "comment-id,comment-body\n0,Only\n";
        let votes = "timestamp,datetime,comment-id,voter-id,vote\n1,,0,1,1\n2,,5,1,1\n";
        let error = read_import("x", comments.as_bytes(), votes.as_bytes()).unwrap_err();
        assert!(matches!(error, PolisImportError::NoSuchComment { line: 3, comment: 5 }), "{error:?}");
        assert_eq!(error.to_string(), "votes.csv line 3: comment-id 5 is not in comments.csv");
        let bad = "timestamp,datetime,comment-id,voter-id,vote\n1,,0,1,7\n";
        let error = read_import("x", comments.as_bytes(), bad.as_bytes()).unwrap_err();
        assert!(
            matches!(&error, PolisImportError::File(PolisError { file, line: 2, problem: PolisProblem::InvalidVote(7) }) if file == "votes.csv"),
            "{error:?}"
        );
    }

    #[test]
    fn a_comment_id_given_twice_is_refused_by_its_id() {
        let comments = "comment-id,comment-body\n4,One\n4,Two\n";
        let votes = "timestamp,datetime,comment-id,voter-id,vote\n";
        let error = read_import("x", comments.as_bytes(), votes.as_bytes()).unwrap_err();
        assert!(matches!(error, PolisImportError::CommentTwice { comment: 4 }), "{error:?}");
        assert_eq!(error.to_string(), "comments.csv: comment-id 4 appears twice");
    }

    fn statement(number: u32, status: StatementStatus, origin: StatementOrigin) -> Statement {
        Statement {
            number,
            text: format!("Statement {number}"),
            status,
            origin,
            meta: false,
            submitted_at: time::OffsetDateTime::UNIX_EPOCH + time::Duration::seconds(1_481_537_086),
            languages: Default::default(),
        }
    }

    /// Three voters on a seeded, an accepted, a rejected and a pending statement; voter 2 joined
    /// and never voted, voter 1 changed a vote.
    fn export() -> ConversationExport {
        let at = |second: i64| time::OffsetDateTime::UNIX_EPOCH + time::Duration::seconds(1_481_537_100 + second);
        let cast = [
            (0, 0, Vote::Agree),
            (0, 1, Vote::Disagree),
            (1, 0, Vote::Disagree),
            (1, 0, Vote::Pass),
            (1, 2, Vote::Agree),
        ];
        ConversationExport {
            title: "The river".to_owned(),
            question: "What should the banks do?".to_owned(),
            statements: vec![
                statement(0, StatementStatus::Accepted, StatementOrigin::Team),
                statement(1, StatementStatus::Accepted, StatementOrigin::Participant),
                statement(2, StatementStatus::Rejected, StatementOrigin::Imported),
                statement(3, StatementStatus::Pending, StatementOrigin::Participant),
            ],
            votes: cast
                .iter()
                .enumerate()
                .map(|(seq, &(voter, statement, vote))| CastVote {
                    seq: seq as u64,
                    voter,
                    statement,
                    vote,
                    at: at(seq as i64),
                })
                .collect(),
            sides: vec![(0, "Upper Vale".to_owned())],
            voters_joined: 3,
            groups: vec![Some(1), None, Some(0)],
            group_count: 2,
        }
    }

    /// The lines of a file whose fields hold no comma or quote, split into fields.
    fn records(file: &[u8], headers: bool) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(file).unwrap();
        assert!(!text.contains('"'), "{text}");
        text.lines().skip(usize::from(headers)).map(|l| l.split(',').map(str::to_owned).collect()).collect()
    }

    #[test]
    fn every_statement_has_the_team_as_author_and_a_date_as_pol_is_writes_it() {
        let comments = write_export_file(&export(), "comments.csv").unwrap();
        let rows = records(&comments, true);
        // The pending statement is left out.
        assert_eq!(rows.len(), 3);
        for row in &rows {
            assert_eq!(row[3], TEAM_AUTHOR_ID.to_string());
            assert_eq!(row[1], "Mon Dec 12 2016 10:04:46 GMT+0000 (Coordinated Universal Time)");
        }
        // Tallies count each voter's latest vote: voter 1's disagree on 0 became a pass.
        assert_eq!((rows[0][4].as_str(), rows[0][5].as_str()), ("1", "0"));
        assert_eq!(rows[2][6], "-1");
        let votes = write_export_file(&export(), "votes.csv").unwrap();
        assert!(records(&votes, true).iter().all(|row| row[1].ends_with("GMT+0000 (Coordinated Universal Time)")));
    }

    #[test]
    fn participants_votes_hold_each_voters_latest_votes_and_group() {
        let file = write_export_file(&export(), "participants-votes.csv").unwrap();
        let text = String::from_utf8(file).unwrap();
        assert_eq!(
            text,
            "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2\n\
             0,1,0,2,1,1,1,-1,\n\
             1,,0,2,1,0,0,,1\n"
        );
    }

    #[test]
    fn the_summary_counts_as_pol_is_counts() {
        let file = write_export_file(&export(), "summary.csv").unwrap();
        let rows = records(&file, false);
        let value = |key: &str| rows.iter().find(|r| r[0] == key).map(|r| r[1].clone()).unwrap();
        assert_eq!(rows.len(), tracktwo_polis::SUMMARY_KEYS.len());
        assert_eq!(value("topic"), "The river");
        assert_eq!(value("views"), "3");
        assert_eq!(value("voters"), "2");
        assert_eq!(value("voters-in-conv"), "2");
        assert_eq!(value("commenters"), "1");
        assert_eq!(value("comments"), "3");
        assert_eq!(value("groups"), "2");
        assert_eq!(value("conversation-description"), "What should the banks do?");
    }
}
