//! How good sampled betweenness is on the benchmark's map: exact betweenness (one search per
//! actor) against the seeded samples the application uses, by overlap of the top brokers and
//! rank correlation. Run in release; the exact computation takes tens of seconds.
//!
//! `cargo run --release -p tracktwo-analysis --example broker_accuracy`

use std::time::Instant;

use tracktwo_analysis::{Actor, ActorIdx, Betweenness, Level, Map, SideKey, Tie, Track, TrackSet, betweenness};

/// The same synthetic map as `benches/map.rs`.
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
            let primary = Track::new(1 + (next() % 9) as u8).unwrap_or(Track::ALL[0]);
            let second = Track::new(1 + (next() % 9) as u8).unwrap_or(Track::ALL[0]);
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

/// A map with structure, as conflict systems have: 100 communities of 100 actors, 97% of ties
/// within a community, the rest between, so a few actors carry most of the brokerage.
fn clustered(actors: u32, ties: u32) -> Map {
    let mut map = synthetic(actors, ties);
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let community = 100u64;
    for tie in &mut map.ties {
        if next() % 100 < 97 {
            let base = u64::from(tie.from.0) / community * community;
            let mut to = (base + next() % community) as u32;
            if to == tie.from.0 {
                to = (base + (u64::from(to) + 1 - base) % community) as u32;
            }
            tie.to = ActorIdx(to);
        }
    }
    map
}

fn ranking(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}

/// Spearman's rank correlation (ties broken by index, which is enough at this size).
fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len();
    let mut rank_a = vec![0usize; n];
    let mut rank_b = vec![0usize; n];
    for (r, i) in ranking(a).into_iter().enumerate() {
        rank_a[i] = r;
    }
    for (r, i) in ranking(b).into_iter().enumerate() {
        rank_b[i] = r;
    }
    let d2: f64 = rank_a.iter().zip(&rank_b).map(|(x, y)| (*x as f64 - *y as f64).powi(2)).sum();
    let n = n as f64;
    1.0 - 6.0 * d2 / (n * (n * n - 1.0))
}

fn main() {
    for (name, map) in [("uniform random", synthetic(10_000, 100_000)), ("clustered", clustered(10_000, 100_000))] {
        println!("{name} map:");
        compare(&map);
    }
}

fn compare(map: &Map) {
    let snapshot = map.as_of(0);
    let started = Instant::now();
    let exact = betweenness(&snapshot, Betweenness { samples: usize::MAX, seed: 0 });
    let exact_time = started.elapsed();
    println!("  exact betweenness, 10,000 actors / 100,000 ties: {:.1} s", exact_time.as_secs_f64());
    let exact_top = ranking(&exact);
    for samples in [256, 1024] {
        let mut overlaps10 = Vec::new();
        let mut overlaps20 = Vec::new();
        let mut correlations = Vec::new();
        for seed in 1..=5u64 {
            let sampled = betweenness(&snapshot, Betweenness { samples, seed });
            let top = ranking(&sampled);
            let overlap = |k: usize| top[..k].iter().filter(|i| exact_top[..k].contains(i)).count();
            overlaps10.push(overlap(10));
            overlaps20.push(overlap(20));
            correlations.push(spearman(&exact, &sampled));
        }
        let mean = |v: &[usize]| v.iter().sum::<usize>() as f64 / v.len() as f64;
        println!(
            "  {samples} sources, 5 seeds: top-10 overlap {:.1}/10 (min {}), top-20 overlap {:.1}/20 (min {}), \
             Spearman {:.3}..{:.3}",
            mean(&overlaps10),
            overlaps10.iter().min().unwrap_or(&0),
            mean(&overlaps20),
            overlaps20.iter().min().unwrap_or(&0),
            correlations.iter().copied().fold(f64::INFINITY, f64::min),
            correlations.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        );
    }
}
