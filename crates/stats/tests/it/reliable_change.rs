//! Jacobson and Truax's Reliable Change Index, by its definition.

use tracktwo_stats::{ChangeVerdict, Pair, RELIABLE_CHANGE_THRESHOLD, ReferenceSpread, StatsError, reliable_change};

#[test]
fn the_index_is_the_change_over_the_standard_error_of_a_difference() {
    // s₁ = 10, r_xx = 0.84: SE = 10 · √0.16 = 4, S_diff = √(2 · 16) = 5.657.
    let pairs = [Pair::new(50.0, 62.0), Pair::new(40.0, 30.0), Pair::new(45.0, 48.0)];
    let changes = reliable_change(&pairs, 0.84, ReferenceSpread::Published(10.0)).unwrap();
    let s_diff = 32f64.sqrt();
    assert!((changes.standard_error_of_difference - s_diff).abs() < 1e-12);
    assert!((changes.smallest_reliable_change - RELIABLE_CHANGE_THRESHOLD * s_diff).abs() < 1e-12);
    let indices: Vec<f64> = changes.people.iter().map(|p| p.index).collect();
    for (index, pair) in indices.iter().zip(&pairs) {
        assert!((index - pair.change() / s_diff).abs() < 1e-12);
    }
    let verdicts: Vec<ChangeVerdict> = changes.people.iter().map(|p| p.verdict).collect();
    // 12 / 5.657 = 2.12; −10 / 5.657 = −1.77; 3 / 5.657 = 0.53.
    assert_eq!(verdicts, [ChangeVerdict::ReliablyHigher, ChangeVerdict::NotReliable, ChangeVerdict::NotReliable]);
    assert_eq!((changes.reliably_higher, changes.reliably_lower, changes.not_reliable), (1, 0, 2));
}

#[test]
fn the_group_spread_is_the_sample_sd_before() {
    // Before: 2, 4, 6 → SD 2. r_xx = 0.75: SE = 1, S_diff = √2.
    let pairs = [Pair::new(2.0, 6.0), Pair::new(4.0, 1.0), Pair::new(6.0, 6.5)];
    let changes = reliable_change(&pairs, 0.75, ReferenceSpread::GroupBefore).unwrap();
    assert!((changes.standard_error_of_difference - 2f64.sqrt()).abs() < 1e-12);
    let verdicts: Vec<ChangeVerdict> = changes.people.iter().map(|p| p.verdict).collect();
    assert_eq!(verdicts, [ChangeVerdict::ReliablyHigher, ChangeVerdict::ReliablyLower, ChangeVerdict::NotReliable]);
}

#[test]
fn impossible_reliabilities_and_spreads_are_refused() {
    let pairs = [Pair::new(1.0, 2.0), Pair::new(1.0, 3.0)];
    for reliability in [0.0, 1.0, -0.2, 1.5, f64::NAN] {
        assert_eq!(reliable_change(&pairs, reliability, ReferenceSpread::GroupBefore), Err(StatsError::Reliability));
    }
    assert_eq!(reliable_change(&pairs, 0.8, ReferenceSpread::GroupBefore), Err(StatsError::ReferenceSpread));
    assert_eq!(reliable_change(&pairs, 0.8, ReferenceSpread::Published(0.0)), Err(StatsError::ReferenceSpread));
    assert_eq!(
        reliable_change(&pairs[..1], 0.8, ReferenceSpread::GroupBefore),
        Err(StatsError::TooFewPairs { needed: 2, given: 1 })
    );
}

#[test]
fn only_the_counts_leave_the_team_and_a_lone_small_count_takes_another_with_it() {
    // Eight people: six rise by 20 (reliably, S_diff = 5.657), two stay.
    let mut pairs: Vec<Pair> = (0..6).map(|i| Pair::new(f64::from(i), f64::from(i) + 20.0)).collect();
    pairs.extend([Pair::new(3.0, 3.0), Pair::new(4.0, 5.0)]);
    let changes = reliable_change(&pairs, 0.84, ReferenceSpread::Published(10.0)).unwrap();
    assert_eq!((changes.reliably_higher, changes.reliably_lower, changes.not_reliable), (6, 0, 2));
    let released = changes.release_counts();
    // Two cells under five (0 and 2): no secondary suppression is needed, and 6 is shown.
    assert_eq!(released[&ChangeVerdict::ReliablyHigher].released().map(|r| *r.value()), Some(6));
    assert!(released[&ChangeVerdict::ReliablyLower].is_suppressed());
    assert!(released[&ChangeVerdict::NotReliable].is_suppressed());
}
