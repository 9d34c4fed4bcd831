//! The system map's analytics at the size of a large conflict system: 10,000 actors and
//! 100,000 dated ties. Targets (docs/benchmarks.md): coverage and brokers each under 1 s.
//!
//! `cargo bench -p tracktwo-analysis`

use divan::Bencher;
use tracktwo_analysis::{
    Actor, ActorIdx, Betweenness, Level, Map, Requirements, SelectionRequest, SideKey, Tie, Track, TrackSet, coverage,
    cross_line, k_widest_paths, select, top_brokers,
};

fn main() {
    divan::main();
}

/// A reproducible synthetic map: three sides (two parties and third parties), all nine tracks,
/// three levels, 2% decision-makers; ties mostly within a side, some across, half of them dated.
fn synthetic(actors: u32, ties: u32) -> Map {
    let mut state = 0x243f_6a88_85a3_08d3_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let people = (0..actors)
        .map(|_| {
            let primary = Track::new(1 + (next() % 9) as u8).unwrap();
            let second = Track::new(1 + (next() % 9) as u8).unwrap();
            Actor {
                tracks: TrackSet::of(&[primary, second]),
                primary_track: primary,
                level: Level::ALL[(next() % 3) as usize],
                side: SideKey((next() % 3) as u32),
                decision_maker: next().is_multiple_of(50),
                risk: (next() % 11) as u8,
            }
        })
        .collect::<Vec<_>>();
    let links = (0..ties)
        .map(|_| {
            let from = (next() % u64::from(actors)) as u32;
            let mut to = (next() % u64::from(actors)) as u32;
            if to == from {
                to = (to + 1) % actors;
            }
            let dated = next().is_multiple_of(2);
            Tie {
                from: ActorIdx(from),
                to: ActorIdx(to),
                strength: 1 + (next() % 5) as u8,
                directed: next().is_multiple_of(4),
                valid_from: dated.then_some(-((next() % 3650) as i32)),
                valid_until: None,
            }
        })
        .collect();
    Map { actors: people, ties: links }
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
