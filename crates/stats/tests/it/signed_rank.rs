//! The exact signed-rank test against SciPy's `scipy.stats.wilcoxon` on 1,000 random small
//! samples, and its refusal below six changed pairs.

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use serde_json::{Value, json};
use tracktwo_stats::{Alternative, NoSignedRankTest, Pair, SignedRank, signed_rank_test};

use crate::reference::scipy;

const COMPARED: usize = 1000;

/// A sample's changes and which of SciPy's methods computes the same distribution.
struct Sample {
    pairs: Vec<Pair>,
    method: &'static str,
}

fn has_ties_or_zeros(pairs: &[Pair]) -> bool {
    let mut magnitudes: Vec<f64> = pairs.iter().map(|p| p.change().abs()).collect();
    magnitudes.sort_by(f64::total_cmp);
    magnitudes.contains(&0.0) || magnitudes.windows(2).any(|w| w[0] == w[1])
}

/// Half continuous scores (no ties: SciPy's exact distribution, 6 to 25 pairs), half answers
/// on a seven-point scale (ties and zeros: SciPy's permutation test over the signs, 6 to 13
/// pairs, as its `method="auto"` does), each with at least six changed pairs.
fn samples() -> Vec<Sample> {
    let mut rng = ChaCha8Rng::seed_from_u64(20_261_207);
    let mut samples = Vec::new();
    while samples.len() < COMPARED / 2 {
        let n = rng.random_range(6..=25);
        let shift = rng.random_range(-1.5..1.5);
        let pairs: Vec<Pair> = (0..n)
            .map(|_| {
                let before: f64 = rng.random_range(0.0..10.0);
                Pair::new(before, before + shift + rng.random_range(-2.0..2.0))
            })
            .collect();
        if !has_ties_or_zeros(&pairs) {
            samples.push(Sample { pairs, method: "exact" });
        }
    }
    while samples.len() < COMPARED {
        let n = rng.random_range(6..=13);
        let lean = rng.random_range(-1..=1);
        let pairs: Vec<Pair> = (0..n)
            .map(|_| {
                let before: i32 = rng.random_range(1..=7);
                let after = (before + lean + rng.random_range(-2..=2)).clamp(1, 7);
                Pair::new(f64::from(before), f64::from(after))
            })
            .collect();
        let changed = pairs.iter().filter(|p| p.change() != 0.0).count();
        if changed >= 6 {
            let method = if has_ties_or_zeros(&pairs) { "permutation" } else { "exact" };
            samples.push(Sample { pairs, method });
        }
    }
    samples
}

#[test]
fn p_values_match_scipy_on_a_thousand_random_small_samples() {
    let samples = samples();
    let request: Vec<Value> = samples
        .iter()
        .map(|s| json!({ "changes": s.pairs.iter().map(Pair::change).collect::<Vec<_>>(), "method": s.method }))
        .collect();
    let answer = scipy(&json!({ "signed_rank": request }));
    let expected = answer["signed_rank"].as_array().unwrap();
    assert_eq!(expected.len(), COMPARED);
    let mut tied = 0;
    for (sample, expected) in samples.iter().zip(expected) {
        let SignedRank::Tested(test) = signed_rank_test(&sample.pairs).unwrap() else {
            panic!("a sample with six or more changed pairs was not tested: {:?}", sample.pairs);
        };
        tied += usize::from(sample.method == "permutation");
        for (alternative, key) in
            [(Alternative::TwoSided, "two-sided"), (Alternative::Increase, "greater"), (Alternative::Decrease, "less")]
        {
            let want = expected[key].as_f64().unwrap();
            let ours = test.p_value(alternative);
            assert!(
                (ours - want).abs() < 1e-9,
                "{key} ({}): ours {ours}, SciPy {want}, changes {:?}",
                sample.method,
                sample.pairs.iter().map(Pair::change).collect::<Vec<_>>()
            );
        }
    }
    assert!(tied >= COMPARED / 3, "only {tied} samples had ties or zeros");
}

#[test]
fn fewer_than_six_changed_pairs_give_a_reason_and_no_p_value() {
    let pairs: Vec<Pair> = [(1.0, 2.0), (2.0, 2.0), (3.0, 5.0), (4.0, 4.0), (2.0, 1.0), (5.0, 7.0), (1.0, 4.0)]
        .into_iter()
        .map(|(b, a)| Pair::new(b, a))
        .collect();
    let outcome = signed_rank_test(&pairs).unwrap();
    let reason = NoSignedRankTest::TooFewChanged { changed_pairs: 5, unchanged_pairs: 2 };
    assert_eq!(outcome, SignedRank::NotTested(reason));
    assert_eq!(
        reason.to_string(),
        "no p-value: the exact signed-rank test needs at least 6 people whose score changed, and 5 did \
         (2 answered the same before and after)"
    );
    let json = serde_json::to_value(&outcome).unwrap();
    assert_eq!(
        json,
        json!({ "not_tested": { "reason": "too_few_changed", "changed_pairs": 5, "unchanged_pairs": 2 } })
    );
}

#[test]
fn six_changed_pairs_all_up_give_the_smallest_p() {
    let pairs: Vec<Pair> = (1..=6).map(|i| Pair::new(0.0, f64::from(i))).collect();
    let SignedRank::Tested(test) = signed_rank_test(&pairs).unwrap() else { panic!("not tested") };
    assert_eq!(test.rank_sum_increases, 21.0);
    assert_eq!(test.rank_sum_decreases, 0.0);
    assert_eq!(test.p_increase, 1.0 / 64.0);
    assert_eq!(test.p_two_sided, 2.0 / 64.0);
    assert_eq!(test.p_decrease, 1.0);
}
