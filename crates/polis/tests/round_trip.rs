//! What the writers write, the readers read back unchanged: comment bodies with commas, quotes,
//! line breaks and any Unicode, every vote, each participant's row, and the sides.

use std::io::Cursor;

use proptest::prelude::*;
use tracktwo_common_ground::Vote;
use tracktwo_polis::{
    CastVote, Comment, ExportVotes, Moderation, Named, ParticipantRow, read_comments, read_export, read_sides,
    read_votes, write_comments, write_participant_votes, write_sides, write_votes,
};

fn vote() -> impl Strategy<Value = Vote> {
    prop_oneof![Just(Vote::Agree), Just(Vote::Disagree), Just(Vote::Pass)]
}

fn moderation() -> impl Strategy<Value = Moderation> {
    prop_oneof![Just(Moderation::Accepted), Just(Moderation::Unmoderated), Just(Moderation::ModeratedOut)]
}

/// Bodies that stress the quoting: separators, quotes, both line breaks, spaces at the ends,
/// and text in any script.
fn body() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(
            prop_oneof![
                Just(",".to_owned()),
                Just("\"".to_owned()),
                Just("\n".to_owned()),
                Just("\r\n".to_owned()),
                Just(" ".to_owned()),
                Just("Uber的出現".to_owned()),
                Just("ça va, señor? — «oui»".to_owned()),
                Just("🙂".to_owned()),
                // What a spreadsheet would run as a formula, and the apostrophe that disarms it.
                Just("=HYPERLINK(\"http://x\")".to_owned()),
                Just("'".to_owned()),
                Just("+".to_owned()),
                Just("-".to_owned()),
                Just("@".to_owned()),
                Just("\t".to_owned()),
                "[a-z]{1,5}",
            ],
            0..12,
        )
        .prop_map(|parts| parts.concat()),
    ]
}

fn comment() -> impl Strategy<Value = Comment> {
    (
        any::<i64>(),
        proptest::option::of(any::<i64>()),
        proptest::option::of(any::<i64>()),
        any::<u32>(),
        any::<u32>(),
        moderation(),
        any::<bool>(),
        body(),
    )
        .prop_map(|(id, timestamp, author, agrees, disagrees, moderation, is_meta, body)| Comment {
            id,
            timestamp,
            author,
            agrees,
            disagrees,
            moderation,
            is_meta,
            body,
        })
}

fn cast_vote() -> impl Strategy<Value = CastVote> {
    (proptest::option::of(any::<i64>()), any::<i64>(), any::<i64>(), vote())
        .prop_map(|(timestamp, statement, voter, vote)| CastVote { timestamp, statement, voter, vote })
}

/// Every field of a CSV file, as a spreadsheet would see it.
fn cells(file: &[u8]) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(file);
    reader.records().flat_map(|record| record.unwrap().iter().map(str::to_owned).collect::<Vec<_>>()).collect()
}

proptest! {
    #[test]
    fn no_written_cell_starts_like_a_formula(
        comments in proptest::collection::vec(comment(), 0..20),
        side in body(),
    ) {
        let mut file = Vec::new();
        write_comments(&mut file, &comments).unwrap();
        write_sides(&mut file, [(1, side.as_str())]).unwrap();
        for cell in cells(&file) {
            // Numbers may be negative; they are numbers in a spreadsheet, not formulas.
            if cell.parse::<i64>().is_ok() {
                continue;
            }
            prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{:?}", cell);
        }
    }

    #[test]
    fn comments_survive_a_round_trip(comments in proptest::collection::vec(comment(), 0..20)) {
        let mut file = Vec::new();
        write_comments(&mut file, &comments).unwrap();
        prop_assert_eq!(read_comments(file.as_slice(), "comments.csv").unwrap(), comments);
    }

    #[test]
    fn votes_survive_a_round_trip(votes in proptest::collection::vec(cast_vote(), 0..200)) {
        let mut file = Vec::new();
        write_votes(&mut file, votes.iter().copied()).unwrap();
        let read: Vec<CastVote> = read_votes(file.as_slice(), "votes.csv").unwrap().collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(read, votes);
    }

    /// Written then read as an export, the matrix holds each cell's latest vote.
    #[test]
    fn an_export_written_in_any_order_reads_back_the_latest_votes(
        votes in proptest::collection::vec((0..1000i64, 0..8i64, 0..30i64, vote()), 1..300),
    ) {
        let votes: Vec<CastVote> = votes
            .into_iter()
            .map(|(time, statement, voter, vote)| CastVote { timestamp: Some(time), statement, voter, vote })
            .collect();
        let mut file = Vec::new();
        write_votes(&mut file, votes.iter().copied()).unwrap();
        let conversation =
            read_export(None::<Named<'_, &[u8]>>, ExportVotes::Long(Named::new("votes.csv", Cursor::new(file))), 10_000)
                .unwrap();
        let mut latest = std::collections::BTreeMap::new();
        let mut by_time: Vec<&CastVote> = votes.iter().collect();
        by_time.sort_by_key(|v| v.timestamp);
        for v in by_time {
            latest.insert((v.voter, v.statement), v.vote);
        }
        let read: std::collections::BTreeMap<(i64, i64), Vote> =
            conversation.votes_by_export_id().map(|(p, s, v)| ((p, s), v)).collect();
        prop_assert_eq!(read, latest);
        prop_assert_eq!(conversation.history.map(|h| h.len()), Some(votes.len()));
    }

    /// participants-votes.csv written from the latest votes reads back as the same matrix as
    /// votes.csv, as the two files of a Pol.is export do.
    #[test]
    fn participants_votes_read_back_as_the_matrix_votes_csv_gives(
        votes in proptest::collection::vec((0..1000i64, 0..8i64, 0..30i64, vote()), 1..300),
        groups in proptest::collection::vec(proptest::option::of(0..5i64), 30),
    ) {
        let votes: Vec<CastVote> = votes
            .into_iter()
            .map(|(time, statement, voter, vote)| CastVote { timestamp: Some(time), statement, voter, vote })
            .collect();
        let mut long = Vec::new();
        write_votes(&mut long, votes.iter().copied()).unwrap();
        let from_long =
            read_export(None::<Named<'_, &[u8]>>, ExportVotes::Long(Named::new("votes.csv", Cursor::new(long))), 10_000)
                .unwrap();
        let mut by_voter: std::collections::BTreeMap<i64, Vec<(i64, Vote)>> = std::collections::BTreeMap::new();
        for (voter, statement, vote) in from_long.votes_by_export_id() {
            by_voter.entry(voter).or_default().push((statement, vote));
        }
        let rows = by_voter.into_iter().map(|(participant, votes)| ParticipantRow {
            participant,
            group: groups[participant as usize],
            comments: 0,
            votes,
        });
        let mut statement_ids = from_long.statement_ids.clone();
        statement_ids.sort_unstable();
        let mut wide = Vec::new();
        write_participant_votes(&mut wide, &statement_ids, rows).unwrap();
        let from_wide = read_export(
            None::<Named<'_, &[u8]>>,
            ExportVotes::Wide(Named::new("participants-votes.csv", Cursor::new(wide.clone()))),
            10_000,
        )
        .unwrap();
        let cells = |c: &tracktwo_polis::Conversation| -> std::collections::BTreeSet<(i64, i64, i8)> {
            c.votes_by_export_id().map(|(p, s, v)| (p, s, v.export_value())).collect()
        };
        prop_assert_eq!(cells(&from_wide), cells(&from_long));
        // Each row keeps its group.
        for row in tracktwo_polis::read_participant_votes(wide.as_slice(), "participants-votes.csv").unwrap() {
            let row = row.unwrap();
            prop_assert_eq!(row.group, groups[row.participant as usize]);
        }
    }

    #[test]
    fn sides_survive_a_round_trip(names in proptest::collection::vec(body(), 1..30)) {
        let ids: Vec<i64> = (0..names.len() as i64).map(|p| p * 3).collect();
        let mut file = Vec::new();
        write_sides(&mut file, ids.iter().copied().zip(&names)).unwrap();
        let sides = read_sides(file.as_slice(), "sides.csv", &ids).unwrap();
        for (p, name) in names.iter().enumerate() {
            let read = sides.of_participant[p].map(|s| sides.names[s as usize].as_str());
            let trimmed = name.trim();
            prop_assert_eq!(read, (!trimmed.is_empty()).then_some(trimmed));
        }
    }
}
