//! How good sampled betweenness is on the benchmark's map: exact betweenness (one search per
//! actor) against the seeded samples the application uses, by overlap of the top brokers and
//! rank correlation. Run in release; the exact computation takes tens of seconds.
//!
//! `cargo run --release -p tracktwo-analysis --example broker_accuracy`

use std::time::Instant;

use tracktwo_analysis::{ActorIdx, Betweenness, Map, betweenness};

#[path = "../benches/support/synthetic.rs"]
mod support;
use support::synthetic;

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
