//! `tracktwo common-ground`: reading Pol.is exports, bad input, the JSON it prints, determinism,
//! and the planted-partition generator. It needs no store and no key.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_tracktwo");

fn tracktwo(args: &[&str]) -> Output {
    let mut command = Command::new(BIN);
    command.args(args);
    for (name, _) in std::env::vars().filter(|(n, _)| n.starts_with("TRACKTWO_")) {
        command.env_remove(name);
    }
    command.output().expect("run tracktwo")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Fails with the message on stderr, exit code 1, and no panic.
fn refused(args: &[&str]) -> String {
    let output = tracktwo(args);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{args:?}: {message}");
    assert!(!message.contains("panicked"), "{message}");
    message
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

const VOTES_HEADER: &str = "timestamp,datetime,comment-id,voter-id,vote\n";

#[test]
fn bad_input_is_named_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    assert!(refused(&["common-ground", "analyze", &format!("{folder}/missing")]).contains("is not a folder"));
    assert!(refused(&["common-ground", "analyze", folder]).contains("neither votes.csv nor participants-votes.csv"));

    write(dir.path(), "votes.csv", &format!("{VOTES_HEADER}1,,0,0,1\n2,,0,1,2\n"));
    let message = refused(&["common-ground", "analyze", folder]);
    assert!(message.contains("votes.csv line 3") && message.contains("vote is 2"), "{message}");

    write(dir.path(), "votes.csv", "timestamp,comment-id,vote\n1,0,1\n");
    assert!(refused(&["common-ground", "analyze", folder]).contains("no `voter-id` column"));

    write(dir.path(), "votes.csv", &format!("{VOTES_HEADER}1,,0,0,1\n2,,0,1\n"));
    let message = refused(&["common-ground", "analyze", folder]);
    assert!(message.contains("votes.csv") && message.contains("line 3"), "{message}");

    write(dir.path(), "votes.csv", &format!("{VOTES_HEADER}1,,0,0,1\n"));
    write(dir.path(), "comments.csv", "comment-id,moderated\nseven,1\n");
    let message = refused(&["common-ground", "analyze", folder]);
    assert!(message.contains("comments.csv line 2") && message.contains("`comment-id` is `seven`"), "{message}");

    std::fs::remove_file(dir.path().join("votes.csv")).unwrap();
    write(dir.path(), "comments.csv", "comment-id,moderated\n0,1\n");
    write(
        dir.path(),
        "participants-votes.csv",
        "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0\n1,,1,1,1,0,x\n",
    );
    let message = refused(&["common-ground", "analyze", folder]);
    assert!(message.contains("participants-votes.csv line 2"), "{message}");
}

fn synth(dir: &Path, participants: usize, statements: usize, groups: usize) {
    let output = tracktwo(&[
        "common-ground",
        "synth",
        "--participants",
        &participants.to_string(),
        "--statements",
        &statements.to_string(),
        "--groups",
        &groups.to_string(),
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
}

fn analyze_json(dir: &Path, extra: &[&str]) -> (Vec<u8>, serde_json::Value) {
    let mut args = vec!["common-ground", "analyze", dir.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    let output = tracktwo(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    (output.stdout, value)
}

/// Adjusted Rand index of two labellings.
fn ari(left: &[i64], right: &[i64]) -> f64 {
    use std::collections::HashMap;
    let pairs = |x: f64| x * (x - 1.0) / 2.0;
    let mut cells: HashMap<(i64, i64), f64> = HashMap::new();
    let mut rows: HashMap<i64, f64> = HashMap::new();
    let mut columns: HashMap<i64, f64> = HashMap::new();
    for (&a, &b) in left.iter().zip(right) {
        *cells.entry((a, b)).or_default() += 1.0;
        *rows.entry(a).or_default() += 1.0;
        *columns.entry(b).or_default() += 1.0;
    }
    let index: f64 = cells.values().map(|&x| pairs(x)).sum();
    let a: f64 = rows.values().map(|&x| pairs(x)).sum();
    let b: f64 = columns.values().map(|&x| pairs(x)).sum();
    let expected = a * b / pairs(left.len() as f64);
    (index - expected) / (0.5 * (a + b) - expected)
}

#[test]
fn synth_then_analyze_finds_the_planted_groups_and_prints_the_documented_json() {
    let dir = tempfile::tempdir().unwrap();
    synth(dir.path(), 2000, 300, 3);
    for name in ["votes.csv", "comments.csv", "truth.csv"] {
        assert!(dir.path().join(name).is_file(), "{name}");
    }
    let (_, json) = analyze_json(dir.path(), &[]);
    for key in ["participants", "groups", "consensus", "statements", "timings_ms", "common_ground"] {
        assert!(json.get(key).is_some(), "no `{key}`");
    }
    let participants = json["participants"].as_array().unwrap();
    assert_eq!(participants.len(), 2000);
    let first = &participants[0];
    assert!(first["id"].is_i64() && first["x"].is_f64() && first["y"].is_f64());
    assert!(first["group"].is_u64() || first["group"].is_null());
    let groups = json["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 3);
    for group in groups {
        assert!(group["id"].is_u64() && group["size"].is_u64());
        for r in group["representative"].as_array().unwrap() {
            assert!(r["statement"].is_i64());
            assert!(matches!(r["direction"].as_str(), Some("agree" | "disagree")));
        }
    }
    assert!(json["consensus"]["agree"].is_array() && json["consensus"]["disagree"].is_array());
    let statement = &json["statements"][0];
    assert!(statement["id"].is_i64() && statement["group_informed_consensus"].is_f64());
    for stage in ["read", "pca", "base_clusters", "groups", "statistics", "total"] {
        assert!(json["timings_ms"][stage].is_f64(), "no timing for {stage}");
    }

    let truth: std::collections::HashMap<i64, i64> = std::fs::read_to_string(dir.path().join("truth.csv"))
        .unwrap()
        .lines()
        .skip(1)
        .map(|line| {
            let (p, g) = line.split_once(',').unwrap();
            (p.parse().unwrap(), g.parse().unwrap())
        })
        .collect();
    let (ours, planted): (Vec<i64>, Vec<i64>) = participants
        .iter()
        .filter(|p| !p["group"].is_null())
        .map(|p| (p["group"].as_i64().unwrap(), truth[&p["id"].as_i64().unwrap()]))
        .unzip();
    assert!(ours.len() > 1900);
    let agreement = ari(&ours, &planted);
    assert!(agreement >= 0.9, "ARI {agreement}");
}

#[test]
fn same_seed_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    synth(dir.path(), 600, 40, 2);
    // Only the timings, printed last, may differ.
    let prefix = |bytes: &[u8]| {
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        let at = text.find("\"timings_ms\"").expect("timings last");
        text[..at].to_owned()
    };
    let (first, _) = analyze_json(dir.path(), &["--seed", "7"]);
    let (second, _) = analyze_json(dir.path(), &["--seed", "7"]);
    assert_eq!(prefix(&first), prefix(&second));
    let (plain, value) = analyze_json(dir.path(), &["--seed", "7", "--no-history"]);
    assert_eq!(value["seed"], 7);
    assert_eq!(prefix(&plain), prefix(&analyze_json(dir.path(), &["--seed", "7", "--no-history"]).0));
}

#[test]
fn participants_votes_alone_reads_the_same_votes() {
    let dir = tempfile::tempdir().unwrap();
    let wide = tempfile::tempdir().unwrap();
    synth(dir.path(), 300, 20, 2);
    // The same votes in the one-row-per-participant layout.
    let votes = std::fs::read_to_string(dir.path().join("votes.csv")).unwrap();
    let mut rows: std::collections::BTreeMap<i64, Vec<String>> = std::collections::BTreeMap::new();
    for line in votes.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let (statement, voter, vote): (usize, i64, &str) =
            (fields[2].parse().unwrap(), fields[3].parse().unwrap(), fields[4]);
        rows.entry(voter).or_insert_with(|| vec![String::new(); 20])[statement] = vote.to_owned();
    }
    let mut text = String::from("participant,group-id,n-comments,n-votes,n-agree,n-disagree");
    for s in 0..20 {
        text.push_str(&format!(",{s}"));
    }
    text.push('\n');
    for (voter, cells) in &rows {
        text.push_str(&format!("{voter},,20,0,0,0,{}\n", cells.join(",")));
    }
    write(wide.path(), "participants-votes.csv", &text);
    std::fs::copy(dir.path().join("comments.csv"), wide.path().join("comments.csv")).unwrap();

    let (_, from_votes) = analyze_json(dir.path(), &["--no-history"]);
    let (_, from_wide) = analyze_json(wide.path(), &[]);
    assert_eq!(from_wide["conversation"]["vote_source"], "participants-votes.csv");
    assert_eq!(from_votes["conversation"]["votes"], from_wide["conversation"]["votes"]);
    // Same matrix, same participant order (ids ascending in both), so the same analysis.
    assert_eq!(from_votes["statements"], from_wide["statements"]);
    assert_eq!(from_votes["participants"], from_wide["participants"]);
}

#[test]
fn declared_sides_give_common_ground_across_them() {
    let dir = tempfile::tempdir().unwrap();
    synth(dir.path(), 400, 30, 2);
    let mut sides = String::from("participant,side\n");
    for p in 0..400 {
        sides.push_str(&format!("{p},{}\n", if p % 2 == 0 { "North" } else { "South" }));
    }
    write(dir.path(), "sides.csv", &sides);
    let (_, json) = analyze_json(dir.path(), &["--sides", dir.path().join("sides.csv").to_str().unwrap()]);
    let names: Vec<&str> = json["sides"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["North", "South"]);
    assert!(!json["common_ground"]["across_sides"].as_array().unwrap().is_empty());
    assert_eq!(json["statements"][0]["per_side"].as_array().unwrap().len(), 2);
}

#[test]
fn every_common_ground_command_has_help() {
    for command in [&["common-ground"][..], &["common-ground", "analyze"], &["common-ground", "synth"]] {
        let mut args = command.to_vec();
        args.push("--help");
        let output = tracktwo(&args);
        assert!(output.status.success(), "{command:?}: {}", stderr(&output));
        assert!(String::from_utf8_lossy(&output.stdout).contains("Usage: tracktwo"), "{command:?}");
    }
}
