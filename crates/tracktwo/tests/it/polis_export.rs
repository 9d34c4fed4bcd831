//! A conversation's Pol.is export as Pol.is' own tools read it: the demo consultation, exported
//! from the command line, is loaded by red-dwarf's Pol.is loader and run through its pipeline
//! (`tests/python/reddwarf_reads_polis_export.py`, under the pinned reference tools), and read
//! back by `tracktwo common-ground analyze`; both find the groups the export's `group-id` holds.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

use tracktwo_app::polis_format::{EXPORT_FILES, TEAM_AUTHOR_ID};

use crate::cli::{DemoStore, ok};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/python/reddwarf_reads_polis_export.py");

/// The records of one file of the export, by column name.
fn rows(folder: &Path, file: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(folder.join(file)).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|record| headers.iter().zip(record.unwrap().iter()).map(|(h, v)| (h.to_owned(), v.to_owned())).collect())
        .collect()
}

/// The same partition of the same participants, whatever each side calls its groups: a
/// one-to-one map between the labels that every participant respects.
fn same_partition(left: &BTreeMap<i64, i64>, right: &BTreeMap<i64, i64>) -> bool {
    let (mut forth, mut back) = (HashMap::new(), HashMap::new());
    left.keys().eq(right.keys())
        && left.iter().all(|(participant, &l)| {
            let r = right[participant];
            *forth.entry(l).or_insert(r) == r && *back.entry(r).or_insert(l) == l
        })
}

#[test]
fn red_dwarf_and_common_ground_analyze_read_the_demo_consultations_polis_export() {
    // First, so that a machine without the reference tools fails at once, saying how to get them.
    let python = tracktwo_test_support::reference_python();
    let demo = DemoStore::new();
    let serin = demo.serin();
    let listed = ok(demo.tt(&["conversation", "list", &serin]));
    let consultation = listed
        .lines()
        .find(|l| l.contains("public consultation"))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_else(|| panic!("no demo consultation in {listed}"))
        .to_owned();
    let folder = demo.env.path("polis-export");
    ok(demo.tt(&["conversation", "export", &serin, &consultation, "--out", folder.to_str().unwrap()]));
    for file in EXPORT_FILES {
        assert!(folder.join(file).is_file(), "{file} was not written");
    }

    // Every column filled as Pol.is fills it: an author for every statement (the team's), and
    // each time also as Pol.is' date string.
    let comments = rows(&folder, "comments.csv");
    let votes = rows(&folder, "votes.csv");
    assert!(comments.len() >= 2 && votes.len() > comments.len(), "{} comments, {} votes", comments.len(), votes.len());
    for row in comments.iter().chain(&votes) {
        let timestamp: i64 = row["timestamp"].parse().unwrap();
        assert_eq!(row["datetime"], tracktwo_polis::polis_datetime(timestamp), "{row:?}");
        assert!(row["datetime"].ends_with("GMT+0000 (Coordinated Universal Time)"), "{row:?}");
    }
    assert!(comments.iter().all(|c| c["author-id"] == TEAM_AUTHOR_ID.to_string()));
    // What the files say, to hold the readers to.
    let mut latest: BTreeMap<(i64, i64), i64> = BTreeMap::new();
    for vote in &votes {
        latest.insert(
            (vote["voter-id"].parse().unwrap(), vote["comment-id"].parse().unwrap()),
            vote["vote"].parse().unwrap(),
        );
    }
    let voters: BTreeSet<i64> = latest.keys().map(|&(voter, _)| voter).collect();
    let exported_groups: BTreeMap<i64, i64> = rows(&folder, "participants-votes.csv")
        .iter()
        .filter(|row| !row["group-id"].is_empty())
        .map(|row| (row["participant"].parse().unwrap(), row["group-id"].parse().unwrap()))
        .collect();
    let group_count = exported_groups.values().collect::<BTreeSet<_>>().len();
    assert!(group_count >= 2, "the demo's two banks should make two groups or more: {exported_groups:?}");

    // red-dwarf's loader reads every line and its pipeline runs.
    let output = Command::new(&python).arg(SCRIPT).arg(&folder).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let red_dwarf: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let number = |key: &str| red_dwarf[key].as_u64().unwrap_or_else(|| panic!("{key} in {red_dwarf}")) as usize;
    assert_eq!(number("comments"), comments.len());
    assert_eq!(red_dwarf["authors"], serde_json::json!([TEAM_AUTHOR_ID]));
    assert_eq!(number("votes"), latest.len());
    assert_eq!(number("voters"), voters.len());
    assert_eq!(number("participants_votes_rows"), voters.len());
    assert_eq!(red_dwarf["participants_votes_match_votes"], true, "{red_dwarf}");
    assert_eq!(number("participants_votes_count_mismatches"), 0);
    let summary = &red_dwarf["summary"];
    assert_eq!(summary["voters"], voters.len().to_string());
    assert_eq!(summary["comments"], comments.len().to_string());
    assert_eq!(summary["groups"], group_count.to_string());
    // Groups this clear are found alike by both pipelines, participant for participant.
    assert_eq!(number("groups"), group_count, "{red_dwarf}");
    assert_eq!(number("grouped_by_both"), exported_groups.len(), "{red_dwarf}");
    let agreement = red_dwarf["adjusted_rand_index"].as_f64().unwrap();
    assert!(agreement >= ARI_THRESHOLD, "red-dwarf's groups agree with group-id only to ARI {agreement}: {red_dwarf}");

    // tracktwo reads its own export back: the same counts, and the same groups.
    let analysed = ok(demo.env.run(&["common-ground", "analyze", folder.to_str().unwrap(), "--json"], &[]));
    let report: serde_json::Value = serde_json::from_str(&analysed).unwrap();
    assert_eq!(report["conversation"]["participants"], voters.len());
    assert_eq!(report["conversation"]["statements"], comments.len());
    assert_eq!(report["conversation"]["votes"], latest.len());
    let analysed_groups: BTreeMap<i64, i64> = report["participants"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["group"].is_null())
        .map(|p| (p["id"].as_i64().unwrap(), p["group"].as_i64().unwrap()))
        .collect();
    assert!(same_partition(&analysed_groups, &exported_groups), "{analysed_groups:?}\n{exported_groups:?}");
}

/// Adjusted Rand index red-dwarf's groups must reach against the exported `group-id`: all of
/// it. The demo's voters split by bank on five of its eight statements, those who cross over
/// vote wholly with the other bank, every voter answers seven or eight, and both pipelines are
/// deterministic (red-dwarf's `random_state` 0, the conversation's own seed), so there is one
/// partition to find and nothing random to miss it by. A lower bar would let a loader that drops
/// or misreads a few voters' rows pass.
const ARI_THRESHOLD: f64 = 1.0;

#[test]
fn same_partition_ignores_labels_but_not_membership() {
    let of = |pairs: &[(i64, i64)]| pairs.iter().copied().collect::<BTreeMap<_, _>>();
    assert!(same_partition(&of(&[(1, 0), (2, 0), (3, 1)]), &of(&[(1, 5), (2, 5), (3, 2)])));
    assert!(!same_partition(&of(&[(1, 0), (2, 0), (3, 1)]), &of(&[(1, 5), (2, 2), (3, 2)])));
    assert!(!same_partition(&of(&[(1, 0), (2, 1)]), &of(&[(1, 0), (2, 0)])));
    assert!(!same_partition(&of(&[(1, 0)]), &of(&[(1, 0), (2, 0)])));
}
