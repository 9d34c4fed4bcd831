//! `tracktwo common-ground`: the common-ground engine on a Pol.is export folder, and the
//! planted-partition generator of the peer benchmark. Needs no store and no key: it reads and
//! writes CSV files only.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use tracktwo_common_ground::{
    Analysis, Direction, Options, PlantedPartition, Stage, UPDATE_WINDOW_MS, Vote, analyze, analyze_history_at,
    planted_partition, polis_updates,
};
use tracktwo_polis::{
    CastVote, Comment, Conversation, ExportVotes, Moderation, Named, Sides, VoteFormat, read_export, read_sides,
    write_comments, write_votes,
};

use crate::say::{fail, say};

#[derive(Subcommand)]
pub(super) enum CommonGroundCommand {
    /// Find opinion groups, representative statements and common ground in a Pol.is export folder
    /// (votes.csv and comments.csv, or participants-votes.csv when there is no votes.csv).
    Analyze {
        /// The export folder.
        dir: PathBuf,
        /// Seed of every random choice; the same seed gives the same result.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Print one JSON object instead of a summary.
        #[arg(long)]
        json: bool,
        /// A CSV of declared sides (columns `participant,side`), analysed next to the groups found.
        #[arg(long, value_name = "FILE")]
        sides: Option<PathBuf>,
        /// Analyse the final votes only, with Pol.is' constants, without replaying the
        /// conversation's history (which is how Pol.is keeps participants in and holds the
        /// number of groups steady). The replay, one update per 30 s of the votes' clock, is
        /// used for dated votes.csv files of up to 100,000 votes; it costs a small multiple of
        /// one analysis of the final votes.
        #[arg(long)]
        no_history: bool,
    },
    /// Write a synthetic conversation (planted groups) as a Pol.is export, with truth.csv.
    Synth {
        /// Number of participants.
        #[arg(long, value_name = "N")]
        participants: usize,
        /// Number of statements.
        #[arg(long, value_name = "M")]
        statements: usize,
        /// The folder to write votes.csv, comments.csv and truth.csv into (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Number of planted groups.
        #[arg(long, default_value_t = 4)]
        groups: usize,
        /// Seed of the draw; the same seed gives the same files.
        #[arg(long, default_value_t = 20_240_611)]
        seed: u64,
    },
}

pub(super) fn run(command: CommonGroundCommand) -> Result<()> {
    match command {
        CommonGroundCommand::Analyze { dir, seed, json, sides, no_history } => {
            analyze_folder(&dir, seed, json, sides.as_deref(), !no_history)
        }
        CommonGroundCommand::Synth { participants, statements, out, groups, seed } => {
            synthesise(participants, statements, groups, seed, &out)
        }
    }
}

/// Conversations up to this many votes are analysed by replaying their history (see
/// `analyze_history_at`, one update per `UPDATE_WINDOW_MS` of the conversation's clock in which
/// votes came in); larger ones from their final votes only. The replay costs a small multiple
/// of one analysis of the final votes (its full analyses run as the votes grow by 5 %),
/// whatever the number of updates.
const HISTORY_LIMIT: usize = 100_000;

fn open(path: &Path) -> Result<File> {
    File::open(path).with_context(|| say!("cli-cannot-read", path = path))
}

/// Reads an export folder: comments.csv when there is one, and votes.csv, or
/// participants-votes.csv when there is no votes.csv. Messages name each file by its path.
fn read_conversation(dir: &Path) -> Result<Conversation> {
    if !dir.is_dir() {
        bail!(fail!("cli-not-a-folder", path = dir));
    }
    let comments_path = dir.join("comments.csv");
    let comments_name = comments_path.display().to_string();
    let comments = if comments_path.exists() { Some(open(&comments_path)?) } else { None };
    let votes_path = dir.join(VoteFormat::Long.file_name());
    let wide_path = dir.join(VoteFormat::Wide.file_name());
    let (format, path) = if votes_path.exists() {
        (VoteFormat::Long, votes_path)
    } else if wide_path.exists() {
        (VoteFormat::Wide, wide_path)
    } else {
        bail!(fail!("cli-no-votes-file", path = dir));
    };
    let votes_name = path.display().to_string();
    let file = open(&path)?;
    let votes = match format {
        VoteFormat::Long => ExportVotes::Long(Named::new(&votes_name, file)),
        VoteFormat::Wide => ExportVotes::Wide(Named::new(&votes_name, file)),
    };
    let comments = comments.map(|file| Named::new(&comments_name, file));
    Ok(read_export(comments, votes, HISTORY_LIMIT)?)
}

/// A sides file: `participant,side`, side names as written.
fn read_sides_file(path: &Path, conversation: &Conversation) -> Result<Sides> {
    Ok(read_sides(open(path)?, &path.display().to_string(), &conversation.participant_ids)?)
}

#[derive(Serialize)]
struct Report<'a> {
    conversation: Summary,
    seed: u64,
    participants: Vec<ParticipantOut>,
    groups: Vec<GroupOut>,
    consensus: ConsensusOut,
    common_ground: CommonGroundOut,
    sides: Vec<SideOut<'a>>,
    statements: Vec<StatementOut>,
    pca: PcaOut,
    silhouettes: Vec<SilhouetteOut>,
    /// Last, so that everything before it is byte-identical for a seed.
    timings_ms: Timings,
}

/// Stage → milliseconds, as a JSON object in stage order.
struct Timings(Vec<(&'static str, f64)>);

impl Serialize for Timings {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (stage, ms) in &self.0 {
            map.serialize_entry(stage, ms)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Summary {
    vote_source: &'static str,
    participants: usize,
    clustered: usize,
    statements: usize,
    moderated_out: usize,
    votes: usize,
}

#[derive(Serialize)]
struct ParticipantOut {
    id: i64,
    group: Option<u32>,
    x: f64,
    y: f64,
}

#[derive(Serialize)]
struct RepresentativeOut {
    statement: i64,
    direction: &'static str,
    n_success: u32,
    n_trials: u32,
    p_success: f64,
    p_test: f64,
    repness: f64,
    repness_test: f64,
}

#[derive(Serialize)]
struct ControlledOut {
    statement: i64,
    direction: &'static str,
    share: f64,
    others_share: f64,
    p_value: f64,
    q_value: f64,
}

#[derive(Serialize)]
struct GroupOut {
    id: usize,
    size: u32,
    centre: [f64; 2],
    representative: Vec<RepresentativeOut>,
    representative_fdr: Vec<ControlledOut>,
}

#[derive(Serialize)]
struct ConsensusOut {
    agree: Vec<i64>,
    disagree: Vec<i64>,
}

#[derive(Serialize)]
struct CommonGroundOut {
    across_groups: Vec<i64>,
    across_sides: Vec<i64>,
}

#[derive(Serialize)]
struct SideOut<'a> {
    id: &'a str,
    size: u32,
}

#[derive(Serialize)]
struct AgreementOut {
    agree: u32,
    disagree: u32,
    seen: u32,
    lower_bound: f64,
}

#[derive(Serialize)]
struct StatementOut {
    id: i64,
    moderated_out: bool,
    meta: bool,
    agree: u32,
    disagree: u32,
    passes: u32,
    mean: f64,
    extremity: f64,
    priority: f64,
    group_informed_consensus: f64,
    group_informed_consensus_disagree: f64,
    group_common_ground: f64,
    side_common_ground: Option<f64>,
    per_group: Vec<AgreementOut>,
    per_side: Vec<AgreementOut>,
}

#[derive(Serialize)]
struct PcaOut {
    eigenvalues: [f64; 2],
    iterations: usize,
    converged: bool,
}

#[derive(Serialize)]
struct SilhouetteOut {
    k: usize,
    score: f64,
}

fn direction_name(direction: Direction) -> &'static str {
    match direction {
        Direction::Agree => "agree",
        Direction::Disagree => "disagree",
    }
}

fn build_report<'a>(
    conversation: &Conversation,
    analysis: &Analysis,
    side_names: &'a [String],
    seed: u64,
    timings: Vec<(&'static str, f64)>,
) -> Report<'a> {
    let sid = |s: usize| conversation.statement_ids[s];
    let agreement = |a: &tracktwo_common_ground::Agreement| AgreementOut {
        agree: a.votes.agree,
        disagree: a.votes.disagree,
        seen: a.votes.seen,
        lower_bound: a.lower_bound,
    };
    Report {
        conversation: Summary {
            vote_source: conversation.vote_format.file_name(),
            participants: conversation.votes.participants(),
            clustered: analysis.participants.iter().filter(|p| p.in_conversation).count(),
            statements: conversation.votes.statements(),
            moderated_out: conversation.flags.iter().filter(|f| f.moderated_out).count(),
            votes: conversation.votes.vote_count(),
        },
        seed,
        participants: analysis
            .participants
            .iter()
            .zip(&conversation.participant_ids)
            .map(|(p, &id)| ParticipantOut { id, group: p.group, x: p.x, y: p.y })
            .collect(),
        groups: analysis
            .groups
            .iter()
            .enumerate()
            .map(|(id, g)| GroupOut {
                id,
                size: g.size,
                centre: g.centre,
                representative: g
                    .representative
                    .iter()
                    .map(|r| RepresentativeOut {
                        statement: sid(r.statement),
                        direction: direction_name(r.direction),
                        n_success: r.successes,
                        n_trials: r.trials,
                        p_success: r.probability,
                        p_test: r.probability_z,
                        repness: r.ratio,
                        repness_test: r.ratio_z,
                    })
                    .collect(),
                representative_fdr: g
                    .representative_controlled
                    .iter()
                    .map(|r| ControlledOut {
                        statement: sid(r.statement),
                        direction: direction_name(r.direction),
                        share: r.share,
                        others_share: r.others_share,
                        p_value: r.p_value,
                        q_value: r.q_value,
                    })
                    .collect(),
            })
            .collect(),
        consensus: ConsensusOut {
            agree: analysis.consensus.agree.iter().map(|&s| sid(s)).collect(),
            disagree: analysis.consensus.disagree.iter().map(|&s| sid(s)).collect(),
        },
        common_ground: CommonGroundOut {
            across_groups: analysis.common_ground.across_groups.iter().map(|&s| sid(s)).collect(),
            across_sides: analysis.common_ground.across_sides.iter().map(|&s| sid(s)).collect(),
        },
        sides: side_names.iter().zip(&analysis.sides).map(|(name, s)| SideOut { id: name, size: s.size }).collect(),
        statements: analysis
            .statements
            .iter()
            .enumerate()
            .map(|(s, r)| StatementOut {
                id: sid(s),
                moderated_out: r.flags.moderated_out,
                meta: r.flags.meta,
                agree: r.votes.agree,
                disagree: r.votes.disagree,
                passes: r.votes.passes(),
                mean: r.mean,
                extremity: r.extremity,
                priority: r.priority,
                group_informed_consensus: r.group_informed_consensus,
                group_informed_consensus_disagree: r.group_informed_consensus_disagree,
                group_common_ground: r.group_common_ground,
                side_common_ground: r.side_common_ground,
                per_group: r.per_group.iter().map(agreement).collect(),
                per_side: r.per_side.iter().map(agreement).collect(),
            })
            .collect(),
        pca: PcaOut {
            eigenvalues: analysis.components.eigenvalues,
            iterations: analysis.components.iterations,
            converged: analysis.components.converged,
        },
        silhouettes: analysis.silhouettes.iter().map(|&(k, score)| SilhouetteOut { k, score }).collect(),
        timings_ms: Timings(timings),
    }
}

fn milliseconds(duration: Duration) -> f64 {
    (duration.as_secs_f64() * 1e6).round() / 1e3
}

/// A bar on stderr for the stages, hidden when stderr is not a terminal.
fn stage_progress() -> ProgressBar {
    let target =
        if std::io::stderr().is_terminal() { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
    let bar = ProgressBar::with_draw_target(Some(Stage::ALL.len() as u64 + 1), target);
    if let Ok(style) = ProgressStyle::with_template("{elapsed:>4} [{bar:24}] {pos}/{len} {msg}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

fn analyze_folder(dir: &Path, seed: u64, json: bool, sides_file: Option<&Path>, replay: bool) -> Result<()> {
    let bar = stage_progress();
    bar.set_message(say!("cli-progress-reading-export"));
    let started = Instant::now();
    let conversation = read_conversation(dir)?;
    let Sides { of_participant: sides, names: side_names } = match sides_file {
        Some(path) => read_sides_file(path, &conversation)?,
        None => Sides::default(),
    };
    let mut timings = vec![("read", milliseconds(started.elapsed()))];
    bar.inc(1);

    let options = Options { seed, ..Options::default() };
    let mut stage_started = Instant::now();
    let mut current: Option<Stage> = None;
    let analysis_started = Instant::now();
    let mut observe = |stage: Stage| {
        if let Some(previous) = current {
            timings.push((previous.name(), milliseconds(stage_started.elapsed())));
            bar.inc(1);
        }
        bar.set_message(stage.name());
        current = Some(stage);
        stage_started = Instant::now();
    };
    let (analysis, replayed) = match (&conversation.history, replay) {
        (Some(history), true) => {
            let updates = polis_updates(&history.times, UPDATE_WINDOW_MS, usize::MAX);
            let mut replayed = |done: usize, total: usize| {
                if done.is_multiple_of(100) || done == total {
                    bar.set_message(say!("cli-progress-replaying", done = done, total = total));
                }
            };
            // The constants chosen by leave-one-out for the replay (docs/benchmarks.md).
            let options = Options { seed, ..Options::cross_validated() };
            let analysis = analyze_history_at(
                &history.votes,
                &updates,
                &conversation.flags,
                &sides,
                &options,
                &mut observe,
                &mut replayed,
            )?;
            (analysis, true)
        }
        _ => (analyze(&conversation.votes, &conversation.flags, &sides, &options, &mut observe)?, false),
    };
    if let Some(previous) = current {
        timings.push((previous.name(), milliseconds(stage_started.elapsed())));
    }
    let analysis_ms = milliseconds(analysis_started.elapsed());
    if replayed {
        // The replayed updates run before the final analysis's stages.
        let stages: f64 = timings.iter().skip(1).map(|(_, ms)| ms).sum();
        timings.push(("history_replay", ((analysis_ms - stages) * 1e3).round() / 1e3));
    }
    timings.push(("analysis", analysis_ms));
    bar.finish_and_clear();

    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    if json {
        let output_started = Instant::now();
        let mut report = build_report(&conversation, &analysis, &side_names, seed, Vec::new());
        let output_ms = milliseconds(output_started.elapsed());
        timings.push(("report", output_ms));
        timings.push(("total", milliseconds(started.elapsed())));
        report.timings_ms = Timings(timings);
        serde_json::to_writer(&mut out, &report).context(say!("cli-cannot-write-result"))?;
        writeln!(out).context(say!("cli-cannot-write-result"))?;
    } else {
        timings.push(("total", milliseconds(started.elapsed())));
        print_summary(&mut out, &conversation, &analysis, &side_names, &timings)
            .context(say!("cli-cannot-write-result"))?;
    }
    out.flush().context(say!("cli-cannot-write-result"))?;
    Ok(())
}

fn print_summary(
    out: &mut impl Write,
    conversation: &Conversation,
    analysis: &Analysis,
    side_names: &[String],
    timings: &[(&'static str, f64)],
) -> std::io::Result<()> {
    let sid = |s: usize| conversation.statement_ids[s];
    let clustered = analysis.participants.iter().filter(|p| p.in_conversation).count();
    writeln!(
        out,
        "{}",
        say!(
            "cli-common-ground-totals",
            participants = conversation.votes.participants(),
            clustered = clustered,
            statements = conversation.votes.statements(),
            votes = conversation.votes.vote_count(),
            file = conversation.vote_format.file_name()
        )
    )?;
    for (id, group) in analysis.groups.iter().enumerate() {
        let listed: Vec<String> = group
            .representative
            .iter()
            .map(|r| format!("{} {}", sid(r.statement), say_direction(r.direction)))
            .collect();
        writeln!(
            out,
            "{}",
            say!("cli-common-ground-group", group = id, participants = group.size, representative = listed.join(", "))
        )?;
    }
    let ids = |list: &[usize]| list.iter().map(|&s| sid(s).to_string()).collect::<Vec<_>>().join(", ");
    writeln!(out, "{}", say!("cli-consensus-agree", statements = ids(&analysis.consensus.agree)))?;
    writeln!(out, "{}", say!("cli-consensus-disagree", statements = ids(&analysis.consensus.disagree)))?;
    writeln!(out, "{}", say!("cli-common-ground-groups", statements = ids(&analysis.common_ground.across_groups)))?;
    if !side_names.is_empty() {
        writeln!(
            out,
            "{}",
            say!(
                "cli-common-ground-sides",
                sides = side_names.join(", "),
                statements = ids(&analysis.common_ground.across_sides)
            )
        )?;
    }
    // The stages keep the names the JSON report gives them.
    let stages: Vec<String> =
        timings.iter().map(|(stage, ms)| say!("cli-timing", stage = *stage, ms = format!("{ms:.1}"))).collect();
    writeln!(out, "{}", say!("cli-timings", stages = stages.join(", ")))
}

/// A representative statement's direction, for people.
fn say_direction(direction: Direction) -> String {
    match direction {
        Direction::Agree => say!("cli-direction-agree"),
        Direction::Disagree => say!("cli-direction-disagree"),
    }
}

fn synthesise(participants: usize, statements: usize, groups: usize, seed: u64, out: &Path) -> Result<()> {
    let model = PlantedPartition { participants, statements, groups, seed, ..PlantedPartition::default() };
    let bar = ProgressBar::with_draw_target(
        Some(4),
        if std::io::stderr().is_terminal() { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() },
    );
    bar.set_message(say!("cli-progress-drawing-votes"));
    let synthetic = planted_partition(&model)?;
    bar.inc(1);
    std::fs::create_dir_all(out).with_context(|| say!("cli-cannot-create-folder", path = out))?;
    // The writers buffer what they write.
    let create = |name: &str| -> Result<File> {
        let path = out.join(name);
        File::create(&path).with_context(|| say!("cli-cannot-create", path = path))
    };
    let write_error = |name: &str| say!("cli-cannot-write", path = out.join(name));

    // votes.csv as gen_synth.py writes it: sorted by voter then statement, times increasing.
    bar.set_message(say!("cli-progress-writing", file = "votes.csv"));
    let mut agrees = vec![0u32; statements];
    let mut disagrees = vec![0u32; statements];
    let cast =
        (1_600_000_000_000i64..).zip(synthetic.votes.triples()).map(|(timestamp, (participant, statement, vote))| {
            match vote {
                Vote::Agree => agrees[statement] += 1,
                Vote::Disagree => disagrees[statement] += 1,
                Vote::Pass => {}
            }
            CastVote { timestamp: Some(timestamp), statement: statement as i64, voter: participant as i64, vote }
        });
    write_votes(create("votes.csv")?, cast).with_context(|| write_error("votes.csv"))?;
    bar.inc(1);

    bar.set_message(say!("cli-progress-writing", file = "comments.csv"));
    let comments: Vec<Comment> = (0..statements)
        .map(|statement| Comment {
            id: statement as i64,
            timestamp: Some(1_500_000_000_000 + statement as i64),
            author: Some(0),
            agrees: agrees[statement],
            disagrees: disagrees[statement],
            moderation: Moderation::Accepted,
            is_meta: false,
            body: format!("Synthetic statement {statement}"),
        })
        .collect();
    write_comments(create("comments.csv")?, &comments).with_context(|| write_error("comments.csv"))?;
    bar.inc(1);

    bar.set_message(say!("cli-progress-writing", file = "truth.csv"));
    let mut truth = BufWriter::with_capacity(1 << 20, create("truth.csv")?);
    (|| -> std::io::Result<()> {
        writeln!(truth, "participant,group")?;
        for (participant, group) in synthetic.truth.iter().enumerate() {
            writeln!(truth, "{participant},{group}")?;
        }
        truth.flush()
    })()
    .with_context(|| write_error("truth.csv"))?;
    bar.finish_and_clear();
    eprintln!(
        "{}",
        say!(
            "cli-synthesised",
            votes = synthetic.votes.vote_count(),
            participants = participants,
            statements = statements,
            groups = groups,
            seed = seed.to_string(),
            path = out
        )
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    /// Each vote as (participant id, statement id, export value), sorted.
    fn cells(conversation: &Conversation) -> Vec<(i64, i64, i8)> {
        let mut cells: Vec<_> = conversation.votes_by_export_id().map(|(p, s, v)| (p, s, v.export_value())).collect();
        cells.sort_unstable();
        cells
    }

    #[test]
    fn latest_vote_wins_by_timestamp_even_out_of_file_order() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "votes.csv",
            "timestamp,datetime,comment-id,voter-id,vote\n\
             30,,1,7,-1\n10,,1,7,1\n20,,2,7,0\n40,,2,7,1\n25,,1,9,1\n25,,1,9,-1\n",
        );
        write(
            dir.path(),
            "comments.csv",
            "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,,2,0,0,0,-1,b\n1,,1,0,0,0,1,a\n",
        );
        let conversation = read_conversation(dir.path()).unwrap();
        // Equal timestamps: the later line wins.
        assert_eq!(cells(&conversation), vec![(7, 1, -1), (7, 2, 1), (9, 1, -1)]);
        let moderated: Vec<i64> = conversation
            .flags
            .iter()
            .enumerate()
            .filter(|(_, f)| f.moderated_out)
            .map(|(s, _)| conversation.statement_ids[s])
            .collect();
        assert_eq!(moderated, vec![2]);
        assert_eq!(conversation.vote_format.file_name(), "votes.csv");
    }

    #[test]
    fn participants_votes_fallback_gives_the_same_matrix_as_votes_csv() {
        let synthetic =
            planted_partition(&PlantedPartition { participants: 300, statements: 25, ..PlantedPartition::default() })
                .unwrap();
        let with_votes = tempfile::tempdir().unwrap();
        let wide = tempfile::tempdir().unwrap();
        // votes.csv with a superseded earlier vote on every fifth cell and shuffled lines.
        let mut lines = Vec::new();
        for (at, (p, s, v)) in synthetic.votes.triples().enumerate() {
            let time = 1000 + at as i64 * 2;
            if at % 5 == 0 {
                lines.push(format!(
                    "{},,{s},{},{}",
                    time - 1,
                    p + 100,
                    -v.export_value().signum() + i8::from(v == Vote::Pass)
                ));
            }
            lines.push(format!("{time},,{s},{},{}", p + 100, v.export_value()));
        }
        lines.reverse();
        write(
            with_votes.path(),
            "votes.csv",
            &format!("timestamp,datetime,comment-id,voter-id,vote\n{}\n", lines.join("\n")),
        );
        // participants-votes.csv: one row per participant, blank where no vote.
        let mut text = String::from("participant,group-id,n-comments,n-votes,n-agree,n-disagree");
        for s in 0..25 {
            text.push_str(&format!(",{s}"));
        }
        text.push('\n');
        for p in 0..synthetic.votes.participants() {
            text.push_str(&format!("{},,25,{},0,0", p + 100, synthetic.votes.votes_of(p)));
            for s in 0..25 {
                text.push(',');
                if let Some(v) = synthetic.votes.vote(p, s) {
                    text.push_str(&v.export_value().to_string());
                }
            }
            text.push('\n');
        }
        write(wide.path(), "participants-votes.csv", &text);
        let from_votes = read_conversation(with_votes.path()).unwrap();
        let from_wide = read_conversation(wide.path()).unwrap();
        assert_eq!(from_wide.vote_format.file_name(), "participants-votes.csv");
        assert_eq!(cells(&from_votes), cells(&from_wide));
        assert_eq!(cells(&from_votes).len(), synthetic.votes.vote_count());
    }

    #[test]
    fn bad_values_name_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "votes.csv", "timestamp,datetime,comment-id,voter-id,vote\n1,,1,1,1\n2,,1,2,5\n");
        let message = format!("{:#}", read_conversation(dir.path()).err().unwrap());
        assert!(message.contains("votes.csv line 3") && message.contains("vote is 5"), "{message}");
        write(dir.path(), "votes.csv", "timestamp,datetime,comment-id,voter-id,vote\n1,,x,1,1\n");
        let message = format!("{:#}", read_conversation(dir.path()).err().unwrap());
        assert!(message.contains("line 2") && message.contains("`comment-id` is `x`"), "{message}");
    }
}
