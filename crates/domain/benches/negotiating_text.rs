//! Comparing versions of a negotiating text the size of a long negotiation: 300 clauses, about
//! 40,000 words, 200 versions deep. Target (docs/benchmarks.md): any two versions ≤ 50 ms.
//!
//! `cargo bench -p tracktwo-domain --bench negotiating_text`

use divan::Bencher;
use tracktwo_domain::negotiating_text::{compare::compare, draft_hash};

#[path = "support/one_text.rs"]
mod support;

fn main() {
    let history = support::history(200);
    let (first, last) = (history[0].figures(), history[199].figures());
    eprintln!("the text: version 1 {first:?}; version 200 {last:?}");
    divan::main();
}

/// The first draft against the last: the most that can have changed.
#[divan::bench]
fn compare_first_with_last(bencher: Bencher<'_, '_>) {
    let history = support::history(200);
    let (first, last) = (&history[0], &history[199]);
    bencher.bench_local(|| compare(first, last).clauses.len());
}

/// Two neighbouring versions: what a reader of the newest draft asks most often.
#[divan::bench]
fn compare_last_two(bencher: Bencher<'_, '_>) {
    let history = support::history(200);
    let (before, last) = (&history[198], &history[199]);
    bencher.bench_local(|| compare(before, last).clauses.len());
}

/// The hash a side signs, over the whole text.
#[divan::bench]
fn hash_a_version(bencher: Bencher<'_, '_>) {
    let history = support::history(200);
    let last = &history[199];
    bencher.bench_local(|| draft_hash(last));
}

/// The trackers' figures of one version.
#[divan::bench]
fn figures_of_a_version(bencher: Bencher<'_, '_>) {
    let history = support::history(200);
    let last = &history[199];
    bencher.bench_local(|| last.figures());
}
