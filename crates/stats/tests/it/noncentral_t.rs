//! The noncentral t distribution function and the noncentrality interval, against SciPy.

use serde_json::json;
use tracktwo_stats::{noncentral_t_cdf, noncentrality_interval};

use crate::reference::scipy;

#[test]
fn the_distribution_function_matches_scipy() {
    let mut cases = Vec::new();
    for t in [-6.0, -2.5, -0.3, 0.0, 0.4, 1.7, 3.2, 4.743_416_490_252_569, 8.0, 15.0] {
        for df in [1.0, 5.0, 9.0, 19.0, 29.0, 120.0] {
            for ncp in [-8.0, -2.0, -0.5, 0.0, 0.5, 1.0, 3.0, 7.0, 12.0] {
                cases.push([t, df, ncp]);
            }
        }
    }
    let answer = scipy(&json!({ "nct_cdf": cases }));
    let expected = answer["nct_cdf"].as_array().unwrap();
    assert_eq!(expected.len(), cases.len());
    let mut compared = 0;
    for ([t, df, ncp], expected) in cases.iter().zip(expected) {
        // SciPy gives NaN far in some tails; those points are not compared.
        let Some(expected) = expected.as_f64() else { continue };
        compared += 1;
        let ours = noncentral_t_cdf(*t, *df, *ncp);
        assert!((ours - expected).abs() < 1e-9, "nct.cdf({t}, {df}, {ncp}): ours {ours}, SciPy {expected}");
    }
    assert!(compared * 10 >= cases.len() * 9, "SciPy answered only {compared} of {} points", cases.len());
}

#[test]
fn the_noncentrality_interval_matches_scipy() {
    let cases: Vec<[f64; 3]> =
        [(4.743_416_490_252_569, 9.0), (0.0, 5.0), (-2.2, 7.0), (1.1, 29.0), (9.5, 12.0), (-14.0, 6.0)]
            .into_iter()
            .map(|(t, df)| [t, df, 0.95])
            .collect();
    let answer = scipy(&json!({ "nct_interval": cases }));
    for ([t, df, level], expected) in cases.iter().zip(answer["nct_interval"].as_array().unwrap()) {
        let (lower, upper) = noncentrality_interval(*t, *df, *level);
        let (want_lower, want_upper) = (expected[0].as_f64().unwrap(), expected[1].as_f64().unwrap());
        assert!(
            (lower - want_lower).abs() < 1e-8 && (upper - want_upper).abs() < 1e-8,
            "t = {t}, df = {df}: ours [{lower}, {upper}], SciPy [{want_lower}, {want_upper}]"
        );
    }
}

/// The t interval of the mean change, whose quantile comes from `statrs`.
#[test]
fn the_mean_change_interval_matches_scipy() {
    use rand::rngs::ChaCha8Rng;
    use rand::{RngExt, SeedableRng};
    use tracktwo_stats::{Pair, paired_change};

    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let samples: Vec<Vec<Pair>> = (0..40)
        .map(|_| {
            let n = rng.random_range(2..=30);
            (0..n).map(|_| Pair::new(rng.random_range(0.0..100.0), rng.random_range(0.0..100.0))).collect()
        })
        .collect();
    let changes: Vec<Vec<f64>> = samples.iter().map(|s| s.iter().map(Pair::change).collect()).collect();
    let answer = scipy(&json!({ "mean_interval": changes }));
    for (sample, expected) in samples.iter().zip(answer["mean_interval"].as_array().unwrap()) {
        let interval = paired_change(sample).unwrap().mean_change_interval;
        let (lower, upper) = (expected[0].as_f64().unwrap(), expected[1].as_f64().unwrap());
        assert!(
            (interval.lower - lower).abs() < 1e-9 && (interval.upper - upper).abs() < 1e-9,
            "n = {}: ours {interval:?}, SciPy [{lower}, {upper}]",
            sample.len()
        );
    }
}
