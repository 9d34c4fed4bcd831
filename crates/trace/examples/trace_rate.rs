//! Measures how leaked passages are traced, for `docs/benchmarks.md`: 20 copies of the invented
//! Serin River readout; passages of 1, 2, 3 and 5 sentences in each shape a leak takes —
//! consecutive sentences, excerpts from different places with and without "…", sentences inside a
//! journalist's framing, sentences in another order, retyping with typos — half pasted and half
//! retyped from a screenshot, each with light edits (two punctuation edits, one word changed, one
//! letter's case changed, whitespace collapsed); wording variants off and on. Each row gives the
//! rates of the verdicts: the right copy, a wrong copy, from this readout with the copy
//! undetermined, not from this readout. Then the right and wrong copy on the same leaks of the
//! Kestrel readout (wording variants on), held out when the sites of the latest scheme were
//! chosen, and the verdicts on three sentences from no listed copy.
//!
//! `cargo run --release -p tracktwo-trace --example trace_rate [trials] [lengths] [scheme]` (default
//! 1000 a row, lengths `1,2,3,5`; `trace_rate 1000 2` measures passages of two sentences only;
//! scheme `further-sites`, the latest — the separated code over further sites where wording
//! variants are on — or `more-sites`, `separated` and `simplex`, the schemes of readouts released
//! before it).

#[path = "../tests/support/mod.rs"]
mod support;

use support::{COPIES, Elsewhere, Shape, Trial, elsewhere_trials, rate, shaped_trials};
use tracktwo_trace::{CodeScheme, ReadoutText, TraceResult, traceability, variable_sites};
use unicode_segmentation::UnicodeSegmentation;

fn sites_seen(result: &TraceResult) -> usize {
    match result {
        TraceResult::Copy(found) => found.sites_seen,
        TraceResult::FromReadout(undetermined) => undetermined.sites_seen,
        TraceResult::NotFromReadout { .. } | TraceResult::NotTraced { .. } => 0,
    }
}

/// Each text's variable sites and its reach: the share of its stretches of 1, 2, 3 and 5
/// sentences that name their copy among 20 when quoted word for word.
fn print_reach() {
    println!("Reach among {COPIES} copies, quoted word for word (wording variants off / on):");
    println!("| text | words | sites per 100 words | 1 sentence | 2 | 3 | 5 |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (name, text) in [
        ("Serin readout", support::SERIN_READOUT),
        ("Kestrel readout", support::OTHER_READOUT),
        ("news article", support::NEWS_ARTICLE),
    ] {
        let text = ReadoutText::from_plain(text);
        let [off, on] = [false, true].map(|wording| traceability(&text, &support::fingerprinting(wording), COPIES));
        let reach = |n: usize| {
            let share = |t: &tracktwo_trace::Traceability| {
                t.reach.iter().find(|r| r.sentences == n).map_or("–".to_owned(), |r| format!("{:.2}", r.share_named))
            };
            format!("{} / {}", share(&off), share(&on))
        };
        println!(
            "| {name} | {} | {:.1} / {:.1} | {} | {} | {} | {} |",
            on.words,
            off.sites_per_100_words(),
            on.sites_per_100_words(),
            reach(1),
            reach(2),
            reach(3),
            reach(5)
        );
    }
    println!();
}

fn main() {
    let trials: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let lengths: Vec<usize> = std::env::args()
        .nth(2)
        .map(|a| a.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 2, 3, 5]);
    let scheme = match std::env::args().nth(3).as_deref() {
        None | Some("further-sites") => CodeScheme::SeparatedFurtherSites,
        Some("more-sites") => CodeScheme::SeparatedMoreSites,
        Some("separated") => CodeScheme::Separated,
        Some("simplex") => CodeScheme::Simplex,
        Some(other) => {
            eprintln!("unknown code scheme {other:?}: `further-sites`, `more-sites`, `separated` or `simplex`");
            std::process::exit(2);
        }
    };
    support::use_scheme(scheme);
    println!("code scheme: {scheme:?}");
    print_reach();
    let original = support::readout();
    let words = original.to_plain().unicode_words().count();
    println!("{COPIES} copies, {trials} seeded trials a row.");
    for wording in [false, true] {
        let how = support::fingerprinting(wording);
        let sites = variable_sites(&original, &how);
        println!(
            "\nwording variants {}: {sites} variable sites in {} sentences, {:.1} per 100 words",
            if wording { "on" } else { "off" },
            support::sentences(&original).len(),
            100.0 * sites as f64 / words as f64
        );
        println!(
            "| shape | sentences | right copy | wrong copy | undetermined | not from this readout | sites seen (mean) |"
        );
        println!("|---|---:|---:|---:|---:|---:|---:|");
        for (s, shape) in Shape::ALL.into_iter().enumerate() {
            for &sentences in &lengths {
                if sentences == 1 && matches!(shape, Shape::Excerpts { .. } | Shape::Reordered) {
                    continue; // one sentence is consecutive
                }
                let seed = 1000 + 100 * u64::from(wording) + 10 * s as u64 + sentences as u64;
                let results = shaped_trials(wording, shape, sentences, trials, seed);
                let seen = results.iter().map(|t| sites_seen(&t.result)).sum::<usize>() as f64 / results.len() as f64;
                println!(
                    "| {} | {sentences} | {:.3} | {:.3} | {:.3} | {:.3} | {seen:.1} |",
                    shape.name(),
                    rate(&results, Trial::traced_right),
                    rate(&results, Trial::traced_wrong),
                    rate(&results, Trial::undetermined),
                    rate(&results, Trial::not_from_readout),
                );
            }
        }
    }
    // The Kestrel readout was held out when the latest scheme's sites were chosen.
    let kestrel = ReadoutText::from_plain(support::OTHER_READOUT);
    println!("\nKestrel readout (held out), wording variants on: right copy / wrong copy");
    println!("| shape | 2 sentences | 3 | 5 |");
    println!("|---|---:|---:|---:|");
    for (s, shape) in Shape::ALL.into_iter().enumerate() {
        let cells: Vec<String> = [2, 3, 5]
            .into_iter()
            .map(|sentences| {
                let seed = 7000 + 10 * s as u64 + sentences as u64;
                let results = support::shaped_trials_on(&kestrel, true, shape, sentences, trials, seed);
                format!("{:.3} / {:.3}", rate(&results, Trial::traced_right), rate(&results, Trial::traced_wrong))
            })
            .collect();
        println!("| {} | {} |", shape.name(), cells.join(" | "));
    }
    println!("\nthree sentences from no listed copy: not from this readout / a copy named");
    println!("| source | wording off | wording on |");
    println!("|---|---:|---:|");
    for from in [Elsewhere::OtherText, Elsewhere::News, Elsewhere::Reworded, Elsewhere::Original, Elsewhere::OtherKey] {
        let shares = |wording| {
            let results = elsewhere_trials(wording, from, trials, 99);
            let count = |f: fn(&TraceResult) -> bool| results.iter().filter(|r| f(r)).count() as f64 / trials as f64;
            format!(
                "{:.3} / {:.3}",
                count(|r| matches!(r, TraceResult::NotFromReadout { .. })),
                count(|r| matches!(r, TraceResult::Copy(_)))
            )
        };
        println!("| {from:?} | {} | {} |", shares(false), shares(true));
    }
}
