//! Agreement of the engine's opinion groups with the groups Pol.is itself showed (`group-id` in
//! participants-votes.csv), on Pol.is export folders: the adjusted Rand index over the
//! participants both grouped, per conversation, and the median.
//!
//!     cargo run --release -p tracktwo-polis --example agreement -- ../shared/data/polis/*/
//!
//! The history is replayed as `tracktwo common-ground analyze` does, with its constants
//! (`Options::cross_validated`) and one update per 30 s of the conversation's clock with votes
//! (`UPDATE_WINDOW_MS`). `--window S`
//! takes S seconds instead, `--ticks N` N equal shares of the votes, and `--final-votes` analyses
//! the final votes only. `--groups K` uses K groups instead of choosing k; `--seed N`; `--detail`
//! prints each conversation's table of (our group, Pol.is group) counts on stderr. `--refit-growth G`,
//! `--k-buffer B` and `--min-votes N` override `Options::history_refit_growth`,
//! `Options::group_k_buffer` and `Options::min_votes` (`--refit-growth 0` replays literally: the
//! full analysis at every update); `--group-iterations N` overrides `Options::group_iterations`.

use std::fs::File;
use std::path::{Path, PathBuf};

use tracktwo_common_ground::{
    Options, UPDATE_WINDOW_MS, adjusted_rand_index, analyze, analyze_history, analyze_history_at, polis_updates,
};
use tracktwo_polis::{ExportVotes, Named, read_export, read_participant_votes};

struct Settings {
    ticks: Option<usize>,
    final_votes: bool,
    seed: u64,
    groups: Option<usize>,
    window: i64,
    refit_growth: Option<f64>,
    k_buffer: Option<usize>,
    min_votes: Option<usize>,
    group_iterations: Option<usize>,
    detail: bool,
    folders: Vec<PathBuf>,
}

fn settings() -> Result<Settings, String> {
    let mut settings = Settings {
        ticks: None,
        final_votes: false,
        seed: 0,
        groups: None,
        window: UPDATE_WINDOW_MS / 1000,
        refit_growth: None,
        k_buffer: None,
        min_votes: None,
        group_iterations: None,
        detail: false,
        folders: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            args.next().and_then(|v| v.parse().ok()).ok_or_else(|| format!("{name} needs a whole number"))
        };
        match arg.as_str() {
            "--ticks" => settings.ticks = Some(number("--ticks")? as usize),
            "--seed" => settings.seed = number("--seed")?,
            "--final-votes" => settings.final_votes = true,
            "--detail" => settings.detail = true,
            "--window" => settings.window = number("--window")? as i64,
            "--groups" => settings.groups = Some(number("--groups")? as usize),
            "--k-buffer" => settings.k_buffer = Some(number("--k-buffer")? as usize),
            "--min-votes" => settings.min_votes = Some(number("--min-votes")? as usize),
            "--group-iterations" => settings.group_iterations = Some(number("--group-iterations")? as usize),
            "--refit-growth" => {
                settings.refit_growth =
                    Some(args.next().and_then(|v| v.parse().ok()).ok_or("--refit-growth needs a number")?)
            }
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            _ => settings.folders.push(PathBuf::from(arg)),
        }
    }
    if settings.folders.is_empty() {
        return Err(
            "usage: agreement [--window S | --ticks N | --final-votes] [--seed N] [--groups K] [--refit-growth G] [--k-buffer B] [--min-votes N] [--group-iterations N] [--detail] FOLDER..."
                .into(),
        );
    }
    Ok(settings)
}

/// (participant id, Pol.is group) for every participant Pol.is grouped.
fn polis_groups(dir: &Path) -> Result<Vec<(i64, i64)>, String> {
    let path = dir.join("participants-votes.csv");
    let file = File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = path.display().to_string();
    let rows = read_participant_votes(file, &name).map_err(|e| e.to_string())?;
    let mut groups = Vec::new();
    for row in rows {
        let row = row.map_err(|e| e.to_string())?;
        if let Some(group) = row.group {
            groups.push((row.participant, group));
        }
    }
    Ok(groups)
}

struct Outcome {
    ari: f64,
    k: usize,
    polis_k: usize,
    compared: usize,
    seconds: f64,
}

fn measure(dir: &Path, settings: &Settings) -> Result<Outcome, String> {
    let comments_path = dir.join("comments.csv");
    let votes_path = dir.join("votes.csv");
    let (comments_name, votes_name) = (comments_path.display().to_string(), votes_path.display().to_string());
    let comments = File::open(&comments_path).map_err(|e| format!("{comments_name}: {e}"))?;
    let votes = File::open(&votes_path).map_err(|e| format!("{votes_name}: {e}"))?;
    let conversation = read_export(
        Some(Named::new(&comments_name, comments)),
        ExportVotes::Long(Named::new(&votes_name, votes)),
        usize::MAX,
    )
    .map_err(|e| e.to_string())?;
    let defaults = Options::cross_validated();
    let options = Options {
        seed: settings.seed,
        force_groups: settings.groups,
        history_refit_growth: settings.refit_growth.unwrap_or(defaults.history_refit_growth),
        group_k_buffer: settings.k_buffer.unwrap_or(defaults.group_k_buffer),
        min_votes: settings.min_votes.unwrap_or(defaults.min_votes),
        group_iterations: settings.group_iterations.unwrap_or(defaults.group_iterations),
        ..defaults
    };
    let started = std::time::Instant::now();
    let analysis = match (&conversation.history, settings.final_votes) {
        (Some(history), false) => match settings.ticks {
            Some(ticks) => analyze_history(&history.votes, &conversation.flags, &[], &options, ticks, &mut |_| {}),
            None => analyze_history_at(
                &history.votes,
                &polis_updates(&history.times, settings.window * 1000, usize::MAX),
                &conversation.flags,
                &[],
                &options,
                &mut |_| {},
                &mut |_, _| {},
            ),
        },
        _ => analyze(&conversation.votes, &conversation.flags, &[], &options, &mut |_| {}),
    }
    .map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    let index: std::collections::HashMap<i64, usize> =
        conversation.participant_ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for (id, group) in polis_groups(dir)? {
        if let Some(g) = index.get(&id).and_then(|&i| analysis.participants[i].group) {
            ours.push(g);
            theirs.push(group);
        }
    }
    let mut polis_k: Vec<i64> = theirs.clone();
    polis_k.sort_unstable();
    polis_k.dedup();
    if settings.detail {
        let mut cells: std::collections::BTreeMap<(u32, i64), usize> = Default::default();
        for (&o, &t) in ours.iter().zip(&theirs) {
            *cells.entry((o, t)).or_default() += 1;
        }
        eprintln!("{} {:?}", dir.display(), cells);
    }
    Ok(Outcome {
        ari: adjusted_rand_index(&ours, &theirs),
        k: analysis.groups.len(),
        polis_k: polis_k.len(),
        compared: ours.len(),
        seconds,
    })
}

fn main() {
    let settings = match settings() {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    let mut scores = Vec::new();
    for dir in &settings.folders {
        let name = dir.file_name().map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into_owned());
        match measure(dir, &settings) {
            Ok(o) => {
                println!(
                    "{name:32} ARI {:.3}  k {} (Pol.is {})  compared {}  analysis {:.3} s",
                    o.ari, o.k, o.polis_k, o.compared, o.seconds
                );
                scores.push(o.ari);
            }
            Err(message) => {
                eprintln!("{name}: {message}");
                std::process::exit(1);
            }
        }
    }
    scores.sort_by(f64::total_cmp);
    let n = scores.len();
    let median = if n % 2 == 1 { scores[n / 2] } else { 0.5 * (scores[n / 2 - 1] + scores[n / 2]) };
    println!("median ARI {median:.3} over {n}");
}
