//! A conversation to and from Pol.is' export format, for the workspace and the command line:
//! the same files that `tracktwo common-ground analyze` reads. Pure: bytes in, bytes out.

use std::collections::HashMap;

use crate::conversations::{ConversationExport, ConversationImport, domain_vote, engine_vote};
use tracktwo_domain::conversation::{Conversation, ConversationMode, StatementStatus, Vote};
use tracktwo_polis::{CastVote, Comment, Moderation};

fn millis(at: tracktwo_domain::Timestamp) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// Reads a pasted export. Statements are numbered in the order of their comment ids, voters in
/// order of first vote; votes are taken in the order cast (by timestamp, where the file has
/// them). Every error names the file and the line.
pub fn read_import(title: &str, comments: &[u8], votes: &[u8]) -> Result<ConversationImport, String> {
    let mut comments = tracktwo_polis::read_comments(comments, "comments.csv").map_err(|e| e.to_string())?;
    comments.sort_by_key(|c| c.id);
    if let Some(pair) = comments.windows(2).find(|w| w[0].id == w[1].id) {
        return Err(format!("comments.csv: comment-id {} appears twice", pair[0].id));
    }
    let number_of: HashMap<i64, u32> = comments.iter().enumerate().map(|(n, c)| (c.id, n as u32)).collect();
    let mut rows = tracktwo_polis::read_votes(votes, "votes.csv").map_err(|e| e.to_string())?;
    let mut voters: HashMap<i64, u32> = HashMap::new();
    let mut cast: Vec<(i64, u32, u32, Vote)> = Vec::new();
    while let Some(vote) = rows.next_vote().map_err(|e| e.to_string())? {
        let Some(&statement) = number_of.get(&vote.statement) else {
            return Err(format!(
                "votes.csv line {}: comment-id {} is not in comments.csv",
                rows.line(),
                vote.statement
            ));
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

/// The files of an export.
pub const EXPORT_FILES: [&str; 3] = ["comments.csv", "votes.csv", "sides.csv"];

/// One file of the export: `comments.csv`, `votes.csv` or `sides.csv`. Statements still waiting
/// for moderation are not part of the conversation and are left out.
pub fn write_export_file(export: &ConversationExport, file: &str) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    match file {
        "comments.csv" => {
            // The final tallies, latest vote per voter and statement.
            let mut latest: HashMap<(u32, u32), Vote> = HashMap::new();
            for v in &export.votes {
                latest.insert((v.voter, v.statement), v.vote);
            }
            let mut tallies = vec![(0u32, 0u32); export.statements.len()];
            for (&(_, statement), vote) in &latest {
                if let Some(t) = tallies.get_mut(statement as usize) {
                    match vote {
                        Vote::Agree => t.0 += 1,
                        Vote::Disagree => t.1 += 1,
                        Vote::Pass => {}
                    }
                }
            }
            let comments: Vec<Comment> = export
                .statements
                .iter()
                .filter(|s| s.status != StatementStatus::Pending)
                .map(|s| Comment {
                    id: i64::from(s.number),
                    timestamp: Some(millis(s.submitted_at)),
                    author: None,
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
        _ => {
            tracktwo_polis::write_sides(
                &mut out,
                export.sides.iter().map(|(voter, side)| (i64::from(*voter), side.as_str())),
            )?;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(error.contains("votes.csv line 3") && error.contains("comment-id 5"), "{error}");
        let bad = "timestamp,datetime,comment-id,voter-id,vote\n1,,0,1,7\n";
        let error = read_import("x", comments.as_bytes(), bad.as_bytes()).unwrap_err();
        assert!(error.contains("votes.csv line 2"), "{error}");
    }
}
