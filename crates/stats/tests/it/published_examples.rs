//! Hedges' g_av, its correction and its interval against worked examples printed in the
//! literature, to the digits printed.

use tracktwo_stats::{Pair, PairedSummary, paired_change, paired_change_from_summary, small_sample_correction};

fn rounded(value: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (value * scale).round() / scale
}

/// Lakens, D. (2013). Calculating and reporting effect sizes to facilitate cumulative science:
/// a practical primer for t-tests and ANOVAs. Frontiers in Psychology, 4, 863.
/// doi:10.3389/fpsyg.2013.00863. Table 1: ten people rate two movies; the within-subjects
/// analysis reports t(9) = 4.74, Cohen's d_z = 1.50, d_av = 1.13, Hedges's g_av = 1.08, and
/// the 95 % interval [0.42, 1.80] computed by ESCI (Algina and Keselman's method).
#[test]
fn lakens_2013_movie_ratings_within_subjects() {
    let movie_1 = [9.0, 7.0, 8.0, 9.0, 8.0, 9.0, 9.0, 10.0, 9.0, 9.0];
    let movie_2 = [9.0, 6.0, 7.0, 8.0, 7.0, 9.0, 8.0, 8.0, 8.0, 7.0];
    // Movie 1 is the higher-rated: read as "before" movie 2, "after" movie 1, so the change is
    // the positive difference Lakens reports.
    let pairs: Vec<Pair> = movie_2.iter().zip(movie_1).map(|(&b, a)| Pair::new(b, a)).collect();
    let change = paired_change(&pairs).unwrap();

    assert_eq!(change.summary.n, 10);
    assert_eq!(rounded(change.summary.mean_after, 1), 8.7);
    assert_eq!(rounded(change.summary.mean_before, 1), 7.7);
    assert_eq!(rounded(change.t.unwrap(), 2), 4.74);
    assert_eq!(rounded(change.d_z.unwrap(), 2), 1.50);

    let effect = change.effect.unwrap();
    assert_eq!(rounded(effect.d_av, 2), 1.13);
    let interval = effect.interval.unwrap();
    assert_eq!((rounded(interval.lower, 2), rounded(interval.upper, 2)), (0.42, 1.80));

    // Lakens corrects d_av with the independent-groups J (df = 2(n − 1) = 18), which gives
    // his 1.08; this crate uses the matched-groups df = n − 1 (Borenstein et al. 2009), the
    // more conservative figure for a dialogue's small groups.
    assert_eq!(rounded(small_sample_correction(18.0) * effect.d_av, 2), 1.08);
    assert_eq!(effect.correction, small_sample_correction(9.0));
    assert_eq!(rounded(effect.g_av, 2), 1.03);
}

/// Borenstein, M., Hedges, L. V., Higgins, J. P. T., & Rothstein, H. R. (2009). Introduction
/// to Meta-Analysis. Chichester: Wiley. Chapter 4, "Computing d and g from studies that use
/// pre-post scores or matched groups": Ȳ_diff = 5.0, S_diff = 10.0, r = 0.5, n = 50 give
/// S_within = 10.0, d = 0.5000, V_d = 0.0225, SE_d = 0.1500, J = 0.9846, g = 0.4923,
/// V_g = 0.0218, SE_g = 0.1477.
#[test]
fn borenstein_2009_matched_groups() {
    // With r = 0.5 and S_diff = 10, S_within = S_diff / √(2(1 − r)) = 10: both times' spread.
    let summary = PairedSummary {
        n: 50,
        mean_before: 100.0,
        mean_after: 105.0,
        sd_before: 10.0,
        sd_after: 10.0,
        sd_change: 10.0,
    };
    assert_eq!(summary.correlation(), Some(0.5));
    let change = paired_change_from_summary(&summary).unwrap();
    let effect = change.effect.unwrap();

    assert_eq!(rounded(effect.d_av, 4), 0.5);
    let variance_d = effect.variance / (effect.correction * effect.correction);
    assert_eq!(rounded(variance_d, 4), 0.0225);
    assert_eq!(rounded(variance_d.sqrt(), 4), 0.15);
    assert_eq!(rounded(effect.correction, 4), 0.9846);
    assert_eq!(rounded(effect.g_av, 4), 0.4923);
    assert_eq!(rounded(effect.variance, 4), 0.0218);
    assert_eq!(rounded(effect.variance.sqrt(), 4), 0.1477);
}

/// Hedges' J for the independent-groups example of the same chapter (n₁ = n₂ = 50, so
/// df = 98): J = 0.9923, which turns d = 0.5970 into g = 0.5924.
#[test]
fn borenstein_2009_correction_for_98_degrees_of_freedom() {
    assert_eq!(rounded(small_sample_correction(98.0), 4), 0.9923);
    assert_eq!(rounded(small_sample_correction(98.0) * 0.5970, 4), 0.5924);
}

/// The interval does not depend on which time is called "before": swapping the two turns the
/// interval around zero.
#[test]
fn swapping_before_and_after_mirrors_the_figures() {
    let pairs =
        [Pair::new(3.0, 5.0), Pair::new(4.0, 4.5), Pair::new(2.0, 4.0), Pair::new(5.0, 5.5), Pair::new(1.0, 3.5)];
    let swapped: Vec<Pair> = pairs.iter().map(|p| Pair::new(p.after, p.before)).collect();
    let forward = paired_change(&pairs).unwrap().effect.unwrap();
    let backward = paired_change(&swapped).unwrap().effect.unwrap();
    assert!((forward.g_av + backward.g_av).abs() < 1e-12);
    let (f, b) = (forward.interval.unwrap(), backward.interval.unwrap());
    assert!((f.lower + b.upper).abs() < 1e-9 && (f.upper + b.lower).abs() < 1e-9, "{f:?} {b:?}");
}

#[test]
fn no_spread_means_no_effect_size_and_equal_changes_no_interval() {
    let same = [Pair::new(3.0, 3.0), Pair::new(3.0, 3.0), Pair::new(3.0, 3.0)];
    let change = paired_change(&same).unwrap();
    assert_eq!(change.effect, None);
    assert_eq!(change.t, None);

    let all_up_one = [Pair::new(1.0, 2.0), Pair::new(2.0, 3.0), Pair::new(4.0, 5.0)];
    let change = paired_change(&all_up_one).unwrap();
    let effect = change.effect.unwrap();
    assert!(effect.g_av > 0.0);
    assert_eq!(effect.interval, None);
    assert_eq!(change.mean_change_interval.lower, 1.0);
}

#[test]
fn bad_input_is_refused_by_position() {
    use tracktwo_stats::StatsError;
    let summary =
        PairedSummary { n: 8, mean_before: 1.0, mean_after: 2.0, sd_before: -1.0, sd_after: 1.0, sd_change: 1.0 };
    assert_eq!(paired_change_from_summary(&summary), Err(StatsError::Summary));
    let summary = PairedSummary { n: 1, ..summary };
    assert_eq!(paired_change_from_summary(&summary), Err(StatsError::TooFewPairs { needed: 2, given: 1 }));
    assert_eq!(paired_change(&[Pair::new(1.0, 2.0)]), Err(StatsError::TooFewPairs { needed: 2, given: 1 }));
    assert_eq!(
        paired_change(&[Pair::new(1.0, 2.0), Pair::new(f64::NAN, 2.0)]),
        Err(StatsError::NotFinite { index: 1 })
    );
}
