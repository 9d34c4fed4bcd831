//! The pipeline's constants chosen by leave-one-out over Pol.is conversations: for each
//! conversation held out, the setting with the best mean agreement (adjusted Rand index with
//! Pol.is' own `group-id`) on the others is chosen, and its agreement on the held-out one is the
//! cross-validated figure. The setting chosen in most folds (then the best on all) is reported
//! as the choice.
//!
//!     cargo run --release -p tracktwo-polis --example choose_constants -- ../shared/data/polis/*/
//!
//! The grid: the participant filter (`min_votes`), the update schedule (the window of
//! `polis_updates` and `history_refit_growth`), the choice of k (`max_groups`) and Pol.is'
//! smoothing of k across updates (`group_k_buffer`). `--table` also prints every setting's
//! agreement on every conversation (tab-separated).

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use tracktwo_common_ground::{Options, UPDATE_WINDOW_MS, adjusted_rand_index, analyze_history_at, polis_updates};
use tracktwo_polis::{Conversation, ExportVotes, Named, read_export, read_participant_votes};

// Each list starts with Pol.is' own value (or the earlier default), so that ties go to it.
const MIN_VOTES: [usize; 3] = [7, 5, 10];
const WINDOW_SECONDS: [i64; 5] = [10, 5, 20, 30, 60];
const REFIT_GROWTH: [f64; 3] = [0.05, 0.1, 0.2];
const MAX_GROUPS: [usize; 2] = [5, 4];
const K_BUFFER: [usize; 4] = [4, 1, 2, 8];

#[derive(Debug, Clone, Copy, PartialEq)]
struct Setting {
    min_votes: usize,
    window_seconds: i64,
    refit_growth: f64,
    max_groups: usize,
    k_buffer: usize,
}

impl Setting {
    fn options(&self) -> Options {
        Options {
            min_votes: self.min_votes,
            max_groups: self.max_groups,
            group_k_buffer: self.k_buffer,
            history_refit_growth: self.refit_growth,
            ..Options::default()
        }
    }

    fn describe(&self) -> String {
        format!(
            "min_votes {}, window {} s, refit growth {}, max_groups {}, k buffer {}",
            self.min_votes, self.window_seconds, self.refit_growth, self.max_groups, self.k_buffer
        )
    }
}

fn grid() -> Vec<Setting> {
    let mut settings = Vec::new();
    for &min_votes in &MIN_VOTES {
        for &window_seconds in &WINDOW_SECONDS {
            for &refit_growth in &REFIT_GROWTH {
                for &max_groups in &MAX_GROUPS {
                    for &k_buffer in &K_BUFFER {
                        settings.push(Setting { min_votes, window_seconds, refit_growth, max_groups, k_buffer });
                    }
                }
            }
        }
    }
    settings
}

struct Subject {
    name: String,
    conversation: Conversation,
    /// (participant index, Pol.is group) for every participant Pol.is grouped.
    reference: Vec<(usize, i64)>,
}

fn load(dir: &Path) -> Result<Subject, String> {
    let named = |file: &str| -> Result<(String, File), String> {
        let path = dir.join(file);
        let name = path.display().to_string();
        File::open(&path).map(|f| (name.clone(), f)).map_err(|e| format!("{name}: {e}"))
    };
    let (comments_name, comments) = named("comments.csv")?;
    let (votes_name, votes) = named("votes.csv")?;
    let conversation = read_export(
        Some(Named::new(&comments_name, comments)),
        ExportVotes::Long(Named::new(&votes_name, votes)),
        usize::MAX,
    )
    .map_err(|e| e.to_string())?;
    if conversation.history.is_none() {
        return Err(format!("{}: the votes are not dated", dir.display()));
    }
    let (wide_name, wide) = named("participants-votes.csv")?;
    let index: HashMap<i64, usize> = conversation.participant_ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let mut reference = Vec::new();
    for row in read_participant_votes(wide, &wide_name).map_err(|e| e.to_string())? {
        let row = row.map_err(|e| e.to_string())?;
        if let (Some(group), Some(&p)) = (row.group, index.get(&row.participant)) {
            reference.push((p, group));
        }
    }
    let name = dir.file_name().map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok(Subject { name, conversation, reference })
}

fn agreement(subject: &Subject, setting: &Setting) -> Result<f64, String> {
    let conversation = &subject.conversation;
    let Some(history) = &conversation.history else { return Err(format!("{}: no history", subject.name)) };
    let updates = polis_updates(&history.times, setting.window_seconds * 1000, usize::MAX);
    let analysis = analyze_history_at(
        &history.votes,
        &updates,
        &conversation.flags,
        &[],
        &setting.options(),
        &mut |_| {},
        &mut |_, _| {},
    )
    .map_err(|e| e.to_string())?;
    let (ours, theirs): (Vec<u32>, Vec<i64>) =
        subject.reference.iter().filter_map(|&(p, g)| Some((analysis.participants[p].group?, g))).unzip();
    Ok(adjusted_rand_index(&ours, &theirs))
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    sum / n.max(1) as f64
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        values[n / 2]
    } else {
        0.5 * (values[n / 2 - 1] + values[n / 2])
    }
}

/// The setting with the best mean agreement over `subjects` (the earliest in the grid on ties,
/// so Pol.is' own values).
fn best(scores: &[Vec<f64>], subjects: &[usize]) -> usize {
    let mut chosen = 0;
    let mut chosen_score = f64::NEG_INFINITY;
    for (i, row) in scores.iter().enumerate() {
        let score = mean(subjects.iter().map(|&s| row[s]));
        if score > chosen_score {
            chosen = i;
            chosen_score = score;
        }
    }
    chosen
}

fn main() {
    let mut table = false;
    let mut folders: Vec<PathBuf> = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--table" => table = true,
            _ if arg.starts_with("--") => {
                eprintln!("unknown option {arg}");
                std::process::exit(2);
            }
            _ => folders.push(PathBuf::from(arg)),
        }
    }
    if folders.len() < 2 {
        eprintln!("usage: choose_constants [--table] FOLDER FOLDER...");
        std::process::exit(2);
    }
    let subjects: Vec<Subject> = folders.iter().map(|d| load(d)).collect::<Result<_, _>>().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let settings = grid();
    let mut scores: Vec<Vec<f64>> = Vec::with_capacity(settings.len());
    for (i, setting) in settings.iter().enumerate() {
        let row: Vec<f64> =
            subjects.iter().map(|s| agreement(s, setting)).collect::<Result<_, _>>().unwrap_or_else(|e| {
                eprintln!("{e}");
                std::process::exit(1);
            });
        if table {
            let cells: Vec<String> = row.iter().map(|a| format!("{a:.3}")).collect();
            println!("{}\t{}", setting.describe(), cells.join("\t"));
        }
        if (i + 1) % 20 == 0 {
            eprintln!("{} of {} settings", i + 1, settings.len());
        }
        scores.push(row);
    }

    let all: Vec<usize> = (0..subjects.len()).collect();
    let mut chosen_in_fold = Vec::new();
    println!("| held out | setting chosen on the others | ARI held out | ARI with the final choice |");
    println!("|---|---|---:|---:|");
    let mut folds = Vec::new();
    for held_out in 0..subjects.len() {
        let others: Vec<usize> = all.iter().copied().filter(|&s| s != held_out).collect();
        let chosen = best(&scores, &others);
        chosen_in_fold.push(chosen);
        folds.push((held_out, chosen, scores[chosen][held_out]));
    }
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for &c in &chosen_in_fold {
        *counts.entry(c).or_default() += 1;
    }
    let on_all = best(&scores, &all);
    let most = counts.values().copied().max().unwrap_or(0);
    let final_choice = if counts.get(&on_all) == Some(&most) {
        on_all
    } else {
        *chosen_in_fold.iter().find(|c| counts[c] == most).unwrap_or(&on_all)
    };
    for &(held_out, chosen, ari) in &folds {
        println!(
            "| {} | {} | {ari:.3} | {:.3} |",
            subjects[held_out].name,
            settings[chosen].describe(),
            scores[final_choice][held_out]
        );
    }
    let cross_validated: Vec<f64> = folds.iter().map(|f| f.2).collect();
    println!(
        "\ncross-validated ARI: median {:.3}, mean {:.3}",
        median(cross_validated.clone()),
        mean(cross_validated.into_iter())
    );
    println!(
        "choice (chosen in {most} of {} folds): {}; on all: median {:.3}, mean {:.3}",
        subjects.len(),
        settings[final_choice].describe(),
        median(scores[final_choice].clone()),
        mean(scores[final_choice].iter().copied())
    );
    for (label, options) in
        [("Pol.is' constants", Options::default()), ("the engine's choice", Options::cross_validated())]
    {
        let found = settings.iter().position(|s| {
            s.min_votes == options.min_votes
                && s.max_groups == options.max_groups
                && s.k_buffer == options.group_k_buffer
                && s.refit_growth == options.history_refit_growth
                && s.window_seconds * 1000 == UPDATE_WINDOW_MS
        });
        if let Some(i) = found {
            let cells: Vec<String> = scores[i].iter().map(|a| format!("{a:.3}")).collect();
            println!("{label} ({}): {}", settings[i].describe(), cells.join(" "));
        }
    }
}
