//! The planted-partition model of the peer benchmark (`gen_synth.py` beside red-dwarf's runner),
//! drawn from this engine's seeded generator: same model, same parameters, not the same stream.
//!
//! * K hidden groups sized in proportion K : K−1 : … : 1 (K = 4 gives 40/30/20/10 %).
//! * Statement s: pass probability ~ U(0.05, 0.30); per group an agree probability among
//!   non-pass votes ~ Beta(0.7, 0.7); a share (10 %) are consensus statements with one agree
//!   probability ~ U(0.80, 0.95) for every group.
//! * Participant i votes on round(f·S) statements chosen uniformly, f ~ U(0.05, 0.20).

use rayon::prelude::*;

use crate::CommonGroundError;
use crate::rng::SplitMix64;
use crate::votes::{Vote, VoteMatrix, pack};

/// The model's settings; the defaults are the benchmark's.
#[derive(Debug, Clone, PartialEq)]
pub struct PlantedPartition {
    pub participants: usize,
    pub statements: usize,
    pub groups: usize,
    pub seed: u64,
    pub min_fraction: f64,
    pub max_fraction: f64,
    pub consensus_share: f64,
}

impl Default for PlantedPartition {
    fn default() -> Self {
        Self {
            participants: 1000,
            statements: 100,
            groups: 4,
            seed: 20_240_611,
            min_fraction: 0.05,
            max_fraction: 0.20,
            consensus_share: 0.10,
        }
    }
}

/// A generated conversation and its hidden truth.
#[derive(Debug, Clone, PartialEq)]
pub struct Synthetic {
    pub votes: VoteMatrix,
    /// Each participant's planted group.
    pub truth: Vec<u8>,
    /// Which statements every group tends to agree with.
    pub consensus: Vec<bool>,
}

/// Participants generated per unit of parallel work, each unit from its own forked stream.
const CHUNK: usize = 4096;

pub fn planted_partition(model: &PlantedPartition) -> Result<Synthetic, CommonGroundError> {
    if model.groups == 0 || model.groups > usize::from(u8::MAX) {
        return Err(CommonGroundError::InvalidOption { option: "groups", expected: "between 1 and 255" });
    }
    if !(0.0 <= model.min_fraction && model.min_fraction <= model.max_fraction && model.max_fraction <= 1.0) {
        return Err(CommonGroundError::InvalidOption { option: "vote fractions", expected: "0 ≤ min ≤ max ≤ 1" });
    }
    if model.statements > crate::votes::MAX_STATEMENTS {
        return Err(CommonGroundError::StatementIndexTooLarge {
            index: model.statements,
            max: crate::votes::MAX_STATEMENTS,
        });
    }
    let (k, s) = (model.groups, model.statements);
    let mut rng = SplitMix64::fork(model.seed, u64::MAX);
    let pass: Vec<f64> = (0..s).map(|_| 0.05 + 0.25 * rng.next_f64()).collect();
    let mut agree: Vec<f64> = (0..k * s).map(|_| rng.beta(0.7, 0.7)).collect();
    let consensus: Vec<bool> = (0..s).map(|_| rng.next_f64() < model.consensus_share).collect();
    for (statement, _) in consensus.iter().enumerate().filter(|(_, c)| **c) {
        let shared = 0.80 + 0.15 * rng.next_f64();
        for g in 0..k {
            agree[g * s + statement] = shared;
        }
    }
    let total_weight = (k * (k + 1) / 2) as f64;

    let chunks: Vec<(Vec<Vec<u32>>, Vec<u8>)> = (0..model.participants.div_ceil(CHUNK))
        .into_par_iter()
        .map(|chunk| {
            let mut rng = SplitMix64::fork(model.seed, chunk as u64);
            let count = CHUNK.min(model.participants - chunk * CHUNK);
            let mut order: Vec<u32> = (0..s as u32).collect();
            let mut rows = Vec::with_capacity(count);
            let mut truth = Vec::with_capacity(count);
            for _ in 0..count {
                // Group g has weight K − g.
                let mut draw = rng.next_f64() * total_weight;
                let mut group = 0;
                while group + 1 < k && draw >= (k - group) as f64 {
                    draw -= (k - group) as f64;
                    group += 1;
                }
                let fraction = model.min_fraction + (model.max_fraction - model.min_fraction) * rng.next_f64();
                let n = ((fraction * s as f64).round_ties_even() as usize).min(s);
                let mut row = Vec::with_capacity(n);
                for t in 0..n {
                    let pick = t + rng.below((s - t) as u64) as usize;
                    order.swap(t, pick);
                    let statement = order[t] as usize;
                    let u = rng.next_f64();
                    let p_agree = (1.0 - pass[statement]) * agree[group * s + statement];
                    let p_disagree = (1.0 - pass[statement]) * (1.0 - agree[group * s + statement]);
                    let vote = if u < p_agree {
                        Vote::Agree
                    } else if u < p_agree + p_disagree {
                        Vote::Disagree
                    } else {
                        Vote::Pass
                    };
                    row.push(pack(statement as u32, vote));
                }
                row.sort_unstable_by_key(|&e| crate::votes::entry_index(e));
                rows.push(row);
                truth.push(group as u8);
            }
            (rows, truth)
        })
        .collect();
    let mut rows = Vec::with_capacity(model.participants);
    let mut truth = Vec::with_capacity(model.participants);
    for (r, t) in chunks {
        rows.extend(r);
        truth.extend(t);
    }
    Ok(Synthetic { votes: VoteMatrix { rows, statements: s }, truth, consensus })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_shares_and_vote_counts_follow_the_model() {
        let model = PlantedPartition { participants: 20_000, statements: 200, ..PlantedPartition::default() };
        let synthetic = planted_partition(&model).unwrap();
        let mut sizes = [0usize; 4];
        for &g in &synthetic.truth {
            sizes[g as usize] += 1;
        }
        for (g, &size) in sizes.iter().enumerate() {
            let expected = (4 - g) as f64 / 10.0;
            assert!((size as f64 / 20_000.0 - expected).abs() < 0.015, "group {g}: {size}");
        }
        for p in 0..synthetic.votes.participants() {
            let n = synthetic.votes.votes_of(p);
            assert!((10..=40).contains(&n), "{n}");
        }
        let mean = synthetic.votes.vote_count() as f64 / 20_000.0;
        assert!((mean - 25.0).abs() < 0.5, "{mean}");
        let share = synthetic.consensus.iter().filter(|&&c| c).count() as f64 / 200.0;
        assert!((0.03..=0.2).contains(&share), "{share}");
        assert_eq!(planted_partition(&model).unwrap(), synthetic, "same seed, same conversation");
    }
}
