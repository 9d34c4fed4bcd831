//! Agreement between two partitions.

use std::collections::HashMap;

/// Adjusted Rand index (Hubert and Arabie 1985) of two labellings of the same items: 1 for the
/// same partition, about 0 for chance agreement. Labels are arbitrary values.
pub fn adjusted_rand_index<A: Copy + Eq + std::hash::Hash, B: Copy + Eq + std::hash::Hash>(
    left: &[A],
    right: &[B],
) -> f64 {
    assert_eq!(left.len(), right.len(), "labellings of different lengths");
    let n = left.len() as f64;
    let pairs = |x: f64| x * (x - 1.0) / 2.0;
    let mut cells: HashMap<(A, B), f64> = HashMap::new();
    let mut rows: HashMap<A, f64> = HashMap::new();
    let mut columns: HashMap<B, f64> = HashMap::new();
    for (&a, &b) in left.iter().zip(right) {
        *cells.entry((a, b)).or_default() += 1.0;
        *rows.entry(a).or_default() += 1.0;
        *columns.entry(b).or_default() += 1.0;
    }
    let index: f64 = cells.values().map(|&x| pairs(x)).sum();
    let row_sum: f64 = rows.values().map(|&x| pairs(x)).sum();
    let column_sum: f64 = columns.values().map(|&x| pairs(x)).sum();
    let expected = row_sum * column_sum / pairs(n).max(f64::MIN_POSITIVE);
    let maximum = 0.5 * (row_sum + column_sum);
    if maximum == expected {
        // Both partitions trivial (one cluster, or all singletons): identical by convention.
        return 1.0;
    }
    (index - expected) / (maximum - expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ari_by_hand() {
        assert_eq!(adjusted_rand_index(&[0, 0, 1, 1], &[5, 5, 9, 9]), 1.0);
        // Contingency [[2, 0], [1, 1]]: index 1, expected 2·3/6 = 1, so ARI 0.
        let ari = adjusted_rand_index(&[0, 0, 1, 1], &[0, 0, 0, 1]);
        assert!((ari - 0.0).abs() < 1e-12, "{ari}");
        // sklearn.metrics.adjusted_rand_score([0,0,0,1,1,1],[0,0,1,1,2,2]) = 0.24242424…
        let ari = adjusted_rand_index(&[0, 0, 0, 1, 1, 1], &[0, 0, 1, 1, 2, 2]);
        assert!((ari - 0.242_424_242_424).abs() < 1e-9, "{ari}");
    }
}
