//! The clustering steps of Pol.is: k-means of the 2-D projections into (up to) 100 base clusters,
//! weighted k-means of the base clusters into 2–5 groups, and the silhouette that picks k.
//!
//! Base k-means is Lloyd's algorithm computed with Hamerly's bounds (same result, far fewer
//! distance evaluations: most points never change cluster after the first steps). Work is split
//! into fixed chunks of points and partial sums are added in chunk order, so the result does not
//! depend on the number of threads.

use rayon::prelude::*;

pub(crate) type Point = [f64; 2];

const POINT_CHUNK: usize = 8192;

#[inline]
fn distance(a: Point, b: Point) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

/// The first `k` distinct points, in order: Pol.is' deterministic cold start.
fn first_distinct(points: &[Point], k: usize) -> Vec<Point> {
    let mut centres: Vec<Point> = Vec::with_capacity(k);
    let mut seen = std::collections::HashSet::new();
    for &p in points {
        if centres.len() == k {
            break;
        }
        if seen.insert((p[0].to_bits(), p[1].to_bits())) {
            centres.push(p);
        }
    }
    centres
}

/// Result of base clustering: the (non-empty) clusters' centres and sizes, and each point's
/// cluster.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BaseClustering {
    pub centres: Vec<Point>,
    pub sizes: Vec<u32>,
    pub assignment: Vec<u32>,
}

#[derive(Clone, Copy)]
struct Bounds {
    cluster: u32,
    upper: f64,
    lower: f64,
}

/// The nearest centre, its distance and the distance to the second nearest (compared squared;
/// two square roots at the end).
fn nearest_two(p: Point, centres: &[Point]) -> (u32, f64, f64) {
    let mut best = (0u32, f64::INFINITY);
    let mut second = f64::INFINITY;
    for (c, centre) in centres.iter().enumerate() {
        let d = (p[0] - centre[0]).powi(2) + (p[1] - centre[1]).powi(2);
        if d < best.1 {
            second = best.1;
            best = (c as u32, d);
        } else if d < second {
            second = d;
        }
    }
    (best.0, best.1.sqrt(), second.sqrt())
}

/// k-means with Pol.is' settings: cold start on the first k distinct points, at most
/// `max_iterations` steps, stop once every centre moves less than `threshold`.
pub(crate) fn base_kmeans(points: &[Point], k: usize, max_iterations: usize, threshold: f64) -> BaseClustering {
    base_kmeans_from(points, first_distinct(points, k), max_iterations, threshold)
}

/// Pol.is' warm start (`clean-start-clusters`): each previous cluster re-centred on its members'
/// new positions (empty ones dropped, identical ones merged), then the point farthest from every
/// centre split off as a new cluster until there are `k` (or no point is apart).
pub(crate) fn warm_centres(points: &[Point], previous: &[Option<u32>], k: usize) -> Vec<Point> {
    let labels = previous.iter().flatten().map(|&l| l as usize + 1).max().unwrap_or(0);
    let mut sums = vec![[0.0; 3]; labels];
    for (p, label) in points.iter().zip(previous) {
        if let Some(l) = label {
            let s = &mut sums[*l as usize];
            s[0] += p[0];
            s[1] += p[1];
            s[2] += 1.0;
        }
    }
    let mut centres: Vec<Point> = Vec::new();
    for s in sums.iter().filter(|s| s[2] > 0.0) {
        let c = [s[0] / s[2], s[1] / s[2]];
        if !centres.contains(&c) {
            centres.push(c);
        }
    }
    centres.truncate(k);
    while centres.len() < k {
        let farthest = points
            .iter()
            .enumerate()
            .map(|(i, &p)| (i, centres.iter().map(|&c| distance(p, c)).fold(f64::INFINITY, f64::min)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match farthest {
            Some((i, d)) if d > 0.0 => centres.push(points[i]),
            _ => break,
        }
    }
    centres
}

/// k-means from the given centres (see [`base_kmeans`]).
pub(crate) fn base_kmeans_from(
    points: &[Point],
    initial: Vec<Point>,
    max_iterations: usize,
    threshold: f64,
) -> BaseClustering {
    let mut centres = initial;
    let k = centres.len();
    if k == 0 {
        return BaseClustering { centres, sizes: Vec::new(), assignment: Vec::new() };
    }
    let mut bounds: Vec<Bounds> = points
        .par_iter()
        .map(|&p| {
            let (cluster, upper, lower) = nearest_two(p, &centres);
            Bounds { cluster, upper, lower }
        })
        .collect();
    for _ in 0..max_iterations {
        // New centres: the mean of each cluster's members (partial sums in chunk order).
        let partials: Vec<Vec<[f64; 3]>> = points
            .par_chunks(POINT_CHUNK)
            .zip(bounds.par_chunks(POINT_CHUNK))
            .map(|(ps, bs)| {
                let mut sums = vec![[0.0; 3]; k];
                for (p, b) in ps.iter().zip(bs) {
                    let s = &mut sums[b.cluster as usize];
                    s[0] += p[0];
                    s[1] += p[1];
                    s[2] += 1.0;
                }
                sums
            })
            .collect();
        let mut sums = vec![[0.0; 3]; k];
        for partial in partials {
            for (s, p) in sums.iter_mut().zip(partial) {
                s[0] += p[0];
                s[1] += p[1];
                s[2] += p[2];
            }
        }
        let mut moved = vec![0.0; k];
        let mut new_centres = centres.clone();
        for c in 0..k {
            if sums[c][2] > 0.0 {
                new_centres[c] = [sums[c][0] / sums[c][2], sums[c][1] / sums[c][2]];
            }
            moved[c] = distance(centres[c], new_centres[c]);
        }
        centres = new_centres;
        if moved.iter().all(|&m| m < threshold) {
            break;
        }
        // Hamerly: keep an upper bound to the own centre and a lower bound to every other one;
        // only points whose bounds overlap are measured again.
        let max_moved = moved.iter().copied().fold(0.0, f64::max);
        let half_gap: Vec<f64> = (0..k)
            .map(|c| {
                0.5 * (0..k).filter(|&o| o != c).map(|o| distance(centres[c], centres[o])).fold(f64::INFINITY, f64::min)
            })
            .collect();
        let centres_ref = &centres;
        points.par_iter().zip(bounds.par_iter_mut()).for_each(|(&p, b)| {
            b.upper += moved[b.cluster as usize];
            b.lower -= max_moved;
            let limit = half_gap[b.cluster as usize].max(b.lower);
            if b.upper <= limit {
                return;
            }
            b.upper = distance(p, centres_ref[b.cluster as usize]);
            if b.upper <= limit {
                return;
            }
            let (cluster, upper, lower) = nearest_two(p, centres_ref);
            *b = Bounds { cluster, upper, lower };
        });
    }
    // Members of the final step's centres (Lloyd's last assignment), empty clusters dropped.
    let mut sizes = vec![0u32; k];
    for b in &bounds {
        sizes[b.cluster as usize] += 1;
    }
    let mut renumber = vec![u32::MAX; k];
    let mut kept_centres = Vec::new();
    let mut kept_sizes = Vec::new();
    for c in 0..k {
        if sizes[c] > 0 {
            renumber[c] = kept_centres.len() as u32;
            kept_centres.push(centres[c]);
            kept_sizes.push(sizes[c]);
        }
    }
    let assignment = bounds.iter().map(|b| renumber[b.cluster as usize]).collect();
    BaseClustering { centres: kept_centres, sizes: kept_sizes, assignment }
}

/// Weighted k-means of a few points (the base clusters), Lloyd's algorithm with Pol.is' cold
/// start. Returns each point's cluster, renumbered 0.. in order of first appearance of a
/// non-empty cluster index.
pub(crate) fn weighted_kmeans(
    points: &[Point],
    weights: &[f64],
    k: usize,
    max_iterations: usize,
    threshold: f64,
) -> Vec<u32> {
    weighted_kmeans_from(points, weights, first_distinct(points, k), max_iterations, threshold)
}

/// Weighted k-means from the given centres.
pub(crate) fn weighted_kmeans_from(
    points: &[Point],
    weights: &[f64],
    initial: Vec<Point>,
    max_iterations: usize,
    threshold: f64,
) -> Vec<u32> {
    let mut centres = initial;
    let k = centres.len();
    if k == 0 {
        return Vec::new();
    }
    let assign = |centres: &[Point]| -> Vec<u32> {
        points
            .iter()
            .map(|&p| {
                let mut best = (0u32, f64::INFINITY);
                for (c, &centre) in centres.iter().enumerate() {
                    let d = distance(p, centre);
                    if d < best.1 {
                        best = (c as u32, d);
                    }
                }
                best.0
            })
            .collect()
    };
    let mut labels = assign(&centres);
    for _ in 0..max_iterations {
        let mut sums = vec![[0.0; 3]; k];
        for ((p, &w), &l) in points.iter().zip(weights).zip(&labels) {
            let s = &mut sums[l as usize];
            s[0] += w * p[0];
            s[1] += w * p[1];
            s[2] += w;
        }
        let mut all_still = true;
        for c in 0..k {
            if sums[c][2] > 0.0 {
                let next = [sums[c][0] / sums[c][2], sums[c][1] / sums[c][2]];
                if distance(next, centres[c]) >= threshold {
                    all_still = false;
                }
                centres[c] = next;
            }
        }
        labels = assign(&centres);
        if all_still {
            break;
        }
    }
    let mut renumber = vec![u32::MAX; k];
    let mut next = 0;
    for l in &mut labels {
        if renumber[*l as usize] == u32::MAX {
            renumber[*l as usize] = next;
            next += 1;
        }
        *l = renumber[*l as usize];
    }
    labels
}

/// Mean silhouette of a labelling of weighted points in `D` dimensions (base clusters weighted by
/// their members: the silhouette the participants would have if each sat at their cluster's
/// centre). Pol.is takes the plain mean over base clusters in the map's two dimensions; see
/// `analysis::cluster` for why this one is weighted and measured in more. A point alone in its
/// cluster scores 0.
pub(crate) fn silhouette<const D: usize>(points: &[[f64; D]], weights: &[f64], labels: &[u32]) -> f64 {
    let groups = labels.iter().copied().max().map_or(0, |m| m as usize + 1);
    if points.is_empty() || groups < 2 {
        return 0.0;
    }
    let dist = |a: &[f64; D], b: &[f64; D]| a.iter().zip(b).map(|(x, y)| (x - y).powi(2)).sum::<f64>().sqrt();
    let mut counts = vec![0usize; groups];
    let mut mass = vec![0.0; groups];
    for (&l, &w) in labels.iter().zip(weights) {
        counts[l as usize] += 1;
        mass[l as usize] += w;
    }
    let mut total = 0.0;
    for (i, p) in points.iter().enumerate() {
        let own = labels[i] as usize;
        if counts[own] <= 1 {
            continue;
        }
        let mut sums = vec![0.0; groups];
        for (j, q) in points.iter().enumerate() {
            if i != j {
                sums[labels[j] as usize] += weights[j] * dist(p, q);
            }
        }
        let a = sums[own] / (mass[own] - weights[i]);
        let b =
            (0..groups).filter(|&g| g != own && mass[g] > 0.0).map(|g| sums[g] / mass[g]).fold(f64::INFINITY, f64::min);
        let denominator = a.max(b);
        if denominator > 0.0 && b.is_finite() {
            total += weights[i] * (b - a) / denominator;
        }
    }
    total / weights.iter().sum::<f64>()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Plain Lloyd's algorithm, the reference for the Hamerly version.
    fn lloyd(points: &[Point], k: usize, max_iterations: usize, threshold: f64) -> Vec<u32> {
        let mut centres = first_distinct(points, k);
        let assign = |centres: &[Point]| points.iter().map(|&p| nearest_two(p, centres).0).collect::<Vec<_>>();
        let mut labels = assign(&centres);
        for _ in 0..max_iterations {
            let mut sums = vec![[0.0; 3]; centres.len()];
            for (p, &l) in points.iter().zip(&labels) {
                sums[l as usize][0] += p[0];
                sums[l as usize][1] += p[1];
                sums[l as usize][2] += 1.0;
            }
            let mut still = true;
            for (c, s) in sums.iter().enumerate() {
                if s[2] > 0.0 {
                    let next = [s[0] / s[2], s[1] / s[2]];
                    still &= distance(next, centres[c]) < threshold;
                    centres[c] = next;
                }
            }
            if still {
                break;
            }
            labels = assign(&centres);
        }
        labels
    }

    #[test]
    fn hamerly_gives_lloyds_clusters() {
        let mut rng = crate::rng::SplitMix64::new(3);
        let points: Vec<Point> = (0..3000)
            .map(|i| {
                let centre = [(i % 5) as f64 * 3.0, (i % 3) as f64 * 2.0];
                [centre[0] + rng.normal(), centre[1] + rng.normal()]
            })
            .collect();
        let fast = base_kmeans(&points, 40, 100, 1e-9);
        let slow = lloyd(&points, 40, 100, 1e-9);
        // Same partition (labels may be renumbered after dropping empty clusters).
        assert_eq!(crate::metrics::adjusted_rand_index(&fast.assignment, &slow), 1.0);
        assert_eq!(fast.sizes.iter().sum::<u32>(), 3000);
    }

    #[test]
    fn fewer_distinct_points_than_k_gives_one_cluster_per_point() {
        let points = vec![[0.0, 0.0], [1.0, 1.0], [0.0, 0.0], [1.0, 1.0], [5.0, 5.0]];
        let found = base_kmeans(&points, 100, 100, 0.01);
        assert_eq!(found.centres.len(), 3);
        assert_eq!(found.assignment, vec![0, 1, 0, 1, 2]);
        assert_eq!(found.sizes, vec![2, 2, 1]);
    }

    #[test]
    fn weighted_kmeans_splits_two_blobs_and_weights_move_centres() {
        let points = vec![[0.0, 0.0], [0.2, 0.0], [10.0, 0.0], [10.2, 0.0]];
        let labels = weighted_kmeans(&points, &[1.0, 1.0, 1.0, 1.0], 2, 20, 0.01);
        assert_eq!(labels, vec![0, 0, 1, 1]);
        // Integer weights act as that many copies of a point.
        let mut rng = crate::rng::SplitMix64::new(11);
        let points: Vec<Point> = (0..60).map(|_| [rng.normal() * 3.0, rng.normal()]).collect();
        let weights: Vec<f64> = (0..60).map(|_| (1 + rng.below(5)) as f64).collect();
        let weighted = weighted_kmeans(&points, &weights, 3, 50, 1e-9);
        let mut copies = Vec::new();
        let mut owner = Vec::new();
        for (i, (&p, &w)) in points.iter().zip(&weights).enumerate() {
            for _ in 0..w as usize {
                copies.push(p);
                owner.push(i);
            }
        }
        let unweighted = weighted_kmeans(&copies, &vec![1.0; copies.len()], 3, 50, 1e-9);
        for (copy, &i) in owner.iter().enumerate() {
            assert_eq!(unweighted[copy], weighted[i]);
        }
    }

    #[test]
    fn silhouette_by_hand() {
        // Points 0, 1 (cluster 0) and 4 (cluster 1) on a line.
        // s(0) = (4 − 1)/4 = 0.75; s(1) = (3 − 1)/3 = 2/3; s(4) = 0 (alone).
        let points = vec![[0.0, 0.0], [1.0, 0.0], [4.0, 0.0]];
        let s = silhouette(&points, &[1.0; 3], &[0, 0, 1]);
        assert!((s - (0.75 + 2.0 / 3.0) / 3.0).abs() < 1e-12, "{s}");
        assert_eq!(silhouette(&points, &[1.0; 3], &[0, 0, 0]), 0.0);
        // Weights count like copies of a point: point 1 twice over.
        let copies = vec![[0.0, 0.0], [1.0, 0.0], [1.0, 0.0], [4.0, 0.0]];
        let weighted = silhouette(&points, &[1.0, 2.0, 1.0], &[0, 0, 1]);
        let a0 = 1.0;
        let s0 = (4.0 - a0) / 4.0;
        let s1 = (3.0 - 1.0) / 3.0;
        assert!((weighted - (s0 + 2.0 * s1) / 4.0).abs() < 1e-12, "{weighted}");
        assert!(silhouette(&copies, &[1.0; 4], &[0, 0, 0, 1]) > 0.0);
    }
}
