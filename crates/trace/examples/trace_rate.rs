//! Measures how often a leaked passage is traced to the right copy, for `docs/benchmarks.md`:
//! 20 copies of the invented Serin River readout, passages of 1 to 8 consecutive sentences, half
//! pasted and half retyped from a screenshot, each with light edits (two punctuation edits, one
//! word changed, one letter's case changed, whitespace collapsed), wording variants off and on;
//! then how often three sentences from no listed copy are reported as not matching.
//!
//! `cargo run --release -p tracktwo-trace --example trace_rate [trials]` (default 1000 a row).

#[path = "../tests/support/mod.rs"]
mod support;

use support::{COPIES, Elsewhere, elsewhere_trials, leak_trials, rate};
use tracktwo_trace::{NotMatchingReason, TraceResult, variable_sites};

fn sites_seen(result: &TraceResult) -> usize {
    match result {
        TraceResult::Copy { sites_seen, .. }
        | TraceResult::NotMatching { reason: NotMatchingReason::NoClearCopy { sites_seen, .. } }
        | TraceResult::NotMatching { reason: NotMatchingReason::UnmarkedOriginal { sites_seen, .. } } => *sites_seen,
        TraceResult::NotMatching { .. } => 0,
    }
}

fn main() {
    let trials: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let original = support::readout();
    println!("{COPIES} copies, {trials} seeded trials a row.");
    for wording in [false, true] {
        let how = support::fingerprinting(wording);
        println!(
            "\nwording variants {}: {} variable sites in {} sentences",
            if wording { "on" } else { "off" },
            variable_sites(&original, &how),
            support::sentences(&original).len()
        );
        println!("| sentences | right copy | wrong copy | not matching | sites seen (mean) |");
        println!("|---:|---:|---:|---:|---:|");
        for sentences in 1..=8 {
            let results = leak_trials(wording, sentences, trials, 7 + sentences as u64);
            let seen = results.iter().map(|t| sites_seen(&t.result)).sum::<usize>() as f64 / results.len() as f64;
            println!(
                "| {sentences} | {:.3} | {:.3} | {:.3} | {seen:.1} |",
                rate(&results, support::Trial::traced_right),
                rate(&results, support::Trial::traced_wrong),
                rate(&results, |t| matches!(t.result, TraceResult::NotMatching { .. })),
            );
        }
    }
    println!("\nthree sentences from no listed copy");
    println!("| source | not matching, wording off | not matching, wording on |");
    println!("|---|---:|---:|");
    for from in [Elsewhere::OtherText, Elsewhere::Reworded, Elsewhere::Original, Elsewhere::OtherKey] {
        let not_matching = |wording| {
            let results = elsewhere_trials(wording, from, trials, 99);
            results.iter().filter(|r| matches!(r, TraceResult::NotMatching { .. })).count() as f64 / trials as f64
        };
        println!("| {from:?} | {:.3} | {:.3} |", not_matching(false), not_matching(true));
    }
}
