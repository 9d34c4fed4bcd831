//! The system map's analytics at the size of a large conflict system: 10,000 actors and
//! 100,000 dated ties. Targets (docs/benchmarks.md): coverage and brokers each under 1 s.
//!
//! `cargo bench -p tracktwo-analysis`

use divan::Bencher;
use tracktwo_analysis::{
    ActorIdx, Betweenness, Level, Requirements, SelectionRequest, SideKey, Track, coverage, cross_line, k_widest_paths,
    select, top_brokers,
};

#[path = "support/synthetic.rs"]
mod support;
use support::synthetic;

fn main() {
    divan::main();
}

const DAY: i32 = 0;

#[divan::bench]
fn snapshot_as_of_a_day(bencher: Bencher<'_, '_>) {
    let map = synthetic(10_000, 100_000);
    bencher.bench_local(|| map.as_of(DAY).actor_count());
}

#[divan::bench]
fn coverage_with_gaps(bencher: Bencher<'_, '_>) {
    let map = synthetic(10_000, 100_000);
    let needs =
        Requirements { sides: vec![SideKey(0), SideKey(1)], tracks: Track::ALL.to_vec(), levels: Level::ALL.to_vec() };
    bencher.bench_local(|| coverage(&map, &needs).cells.len());
}

#[divan::bench(args = [256, 1024])]
fn brokers_sampled(bencher: Bencher<'_, '_>, samples: usize) {
    let map = synthetic(10_000, 100_000);
    let snapshot = map.as_of(DAY);
    bencher.bench_local(|| top_brokers(&snapshot, Betweenness { samples, seed: 7 }, 20).len());
}

#[divan::bench]
fn cross_line_actors(bencher: Bencher<'_, '_>) {
    let map = synthetic(10_000, 100_000);
    let snapshot = map.as_of(DAY);
    bencher.bench_local(|| cross_line(&snapshot).len());
}

#[divan::bench]
fn five_best_transfer_paths_from_twelve_participants(bencher: Bencher<'_, '_>) {
    let map = synthetic(10_000, 100_000);
    let snapshot = map.as_of(DAY);
    let participants: Vec<ActorIdx> = (0..12).map(|i| ActorIdx(i * 797)).collect();
    bencher.bench_local(|| k_widest_paths(&snapshot, &participants, 5).len());
}

#[divan::bench(args = [100, 300])]
fn twelve_person_selection(bencher: Bencher<'_, '_>, candidates: u32) {
    let map = synthetic(10_000, 100_000);
    let snapshot = map.as_of(DAY);
    let request = SelectionRequest {
        candidates: (0..candidates).map(|i| ActorIdx(i * 31)).collect(),
        invitees: 12,
        sides: vec![SideKey(0), SideKey(1)],
        needed_tracks: Track::ALL.to_vec(),
        needed_levels: Level::ALL.to_vec(),
        max_individual_risk: 8,
        max_total_risk: 60,
    };
    bencher.bench_local(|| select(&snapshot, &request).chosen.len());
}
