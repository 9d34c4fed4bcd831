//! Mean-imputed PCA on the sparse votes, as Pol.is computes it, without ever filling the matrix.
//!
//! Pol.is imputes each missing vote with its statement's mean and then centres each column on
//! that same mean. So after centring, every missing cell is exactly zero: the centred matrix Y has
//! non-zeros only where someone voted, `y_ij = x_ij − μ_j`. Its top principal axes are the top
//! eigenvectors of YᵀY, found here by block subspace iteration (matrix-free: each step is one
//! pass over the votes computing Yᵀ(Y V)), with a Rayleigh–Ritz step to order and converge them.
//! The start block comes from the caller's seed; partial sums are reduced in a fixed order of
//! fixed-size chunks, so the result is bit-identical whatever the number of threads.

use rayon::prelude::*;

use crate::linalg::symmetric_eigen;
use crate::rng::SplitMix64;
use crate::votes::{entry_code, entry_index};

/// Block size: two wanted components and two guards, so convergence goes as (λ₅/λ₂)ᵗ.
const BLOCK: usize = 4;
/// Rows per unit of parallel work. Fixed, so the summation order never depends on threads.
pub(crate) const ROW_CHUNK: usize = 4096;
/// Relative residual at which the two leading Ritz pairs count as converged.
const TOLERANCE: f64 = 1e-10;

/// Per statement, the centred value of each vote code (pass, agree, disagree): `x − μ`. All
/// zero for a statement that is moderated out (Pol.is overwrites its column with passes, whose
/// mean is then 0) or has no vote.
pub(crate) type CentredValues = [f64; 3];

pub(crate) fn centred_values(mean: f64, included: bool) -> CentredValues {
    if included { [0.0 - mean, 1.0 - mean, -1.0 - mean] } else { [0.0; 3] }
}

/// The two principal axes, over statements.
#[derive(Debug, Clone, PartialEq)]
pub struct Components {
    /// `axes[k][statement]`; unit length, or all zero when the votes carry no such axis.
    pub axes: [Vec<f64>; 2],
    /// The eigenvalues of YᵀY for the two axes (variance × number of participants).
    pub eigenvalues: [f64; 2],
    /// Subspace iterations run.
    pub iterations: usize,
    /// Whether the residual tolerance was reached within the iteration limit.
    pub converged: bool,
    /// The block's third and fourth Ritz vectors (unit length, or zero without such variance):
    /// estimates of the next two principal axes, orthogonal to `axes` but converged less, as
    /// the iteration stops on the first two. They give the silhouette its depth; the map never
    /// uses them.
    pub(crate) further: [Vec<f64>; 2],
}

impl Components {
    pub(crate) fn zero(statements: usize) -> Self {
        Self {
            axes: [vec![0.0; statements], vec![0.0; statements]],
            eigenvalues: [0.0; 2],
            iterations: 0,
            converged: true,
            further: [vec![0.0; statements], vec![0.0; statements]],
        }
    }
}

/// W = YᵀY V for a block V (row-major `dim × BLOCK`).
fn apply(rows: &[Vec<u32>], centred: &[CentredValues], v: &[f64], dim: usize) -> Vec<f64> {
    let partials: Vec<Vec<f64>> = rows
        .par_chunks(ROW_CHUNK)
        .map(|chunk| {
            let mut w = vec![0.0; dim * BLOCK];
            for row in chunk {
                let mut u = [0.0; BLOCK];
                for &entry in row {
                    let j = entry_index(entry);
                    let y = centred[j][entry_code(entry) as usize];
                    let vj = &v[j * BLOCK..j * BLOCK + BLOCK];
                    for k in 0..BLOCK {
                        u[k] += y * vj[k];
                    }
                }
                for &entry in row {
                    let j = entry_index(entry);
                    let y = centred[j][entry_code(entry) as usize];
                    let wj = &mut w[j * BLOCK..j * BLOCK + BLOCK];
                    for k in 0..BLOCK {
                        wj[k] += y * u[k];
                    }
                }
            }
            w
        })
        .collect();
    let mut total = vec![0.0; dim * BLOCK];
    for partial in partials {
        for (t, x) in total.iter_mut().zip(partial) {
            *t += x;
        }
    }
    total
}

/// Orthonormalises the columns of `v` (modified Gram–Schmidt, twice for stability); a column that
/// collapses is replaced by a fresh seeded direction.
fn orthonormalise(v: &mut [f64], dim: usize, rng: &mut SplitMix64) {
    for k in 0..BLOCK {
        for attempt in 0..4 {
            let before: f64 = (0..dim).map(|j| v[j * BLOCK + k].powi(2)).sum::<f64>().sqrt();
            for _ in 0..2 {
                for i in 0..k {
                    let dot: f64 = (0..dim).map(|j| v[j * BLOCK + k] * v[j * BLOCK + i]).sum();
                    for j in 0..dim {
                        v[j * BLOCK + k] -= dot * v[j * BLOCK + i];
                    }
                }
            }
            let norm: f64 = (0..dim).map(|j| v[j * BLOCK + k].powi(2)).sum::<f64>().sqrt();
            if norm > 1e-10 * before && norm > 1e-300 {
                for j in 0..dim {
                    v[j * BLOCK + k] /= norm;
                }
                break;
            }
            // Collapsed (the block spans more than the data's rank): restart this column.
            for j in 0..dim {
                v[j * BLOCK + k] = rng.next_f64() - 0.5;
            }
            debug_assert!(attempt < 3, "orthonormalisation failed four times");
        }
    }
}

/// The top two principal axes of the centred sparse vote matrix, from a seeded start.
#[cfg(test)]
pub(crate) fn principal_components(
    rows: &[Vec<u32>],
    centred: &[CentredValues],
    seed: u64,
    max_iterations: usize,
) -> Components {
    principal_components_from(rows, centred, seed, max_iterations, None)
}

/// As [`principal_components`], warm-started from earlier axes (Pol.is starts each update from
/// the last one's components); the axes then keep the earlier axes' signs.
pub(crate) fn principal_components_from(
    rows: &[Vec<u32>],
    centred: &[CentredValues],
    seed: u64,
    max_iterations: usize,
    start: Option<&[Vec<f64>; 2]>,
) -> Components {
    let statements = centred.len();
    if statements == 0 || rows.is_empty() {
        return Components::zero(statements);
    }
    // Padding to at least BLOCK coordinates keeps a full block; padded coordinates carry no data.
    let dim = statements.max(BLOCK);
    let mut rng = SplitMix64::fork(seed, 0x5ca1_ab1e);
    let mut v: Vec<f64> = (0..dim * BLOCK).map(|_| rng.next_f64() - 0.5).collect();
    if let Some(start) = start {
        for (k, axis) in start.iter().enumerate() {
            if axis.iter().any(|&x| x != 0.0) {
                for j in 0..dim {
                    v[j * BLOCK + k] = axis.get(j).copied().unwrap_or(0.0);
                }
            }
        }
    }
    orthonormalise(&mut v, dim, &mut rng);

    let mut ritz_vectors = vec![0.0; dim * BLOCK];
    let mut ritz_values = [0.0; BLOCK];
    let mut iterations = 0;
    let mut converged = false;
    while iterations < max_iterations.max(1) {
        iterations += 1;
        let w = apply(rows, centred, &v, dim);
        // Rayleigh–Ritz: H = Vᵀ W, then rotate V and W by H's eigenvectors.
        let mut h = vec![0.0; BLOCK * BLOCK];
        for a in 0..BLOCK {
            for b in 0..BLOCK {
                h[a * BLOCK + b] = (0..dim).map(|j| v[j * BLOCK + a] * w[j * BLOCK + b]).sum();
            }
        }
        for a in 0..BLOCK {
            for b in a + 1..BLOCK {
                let mean = 0.5 * (h[a * BLOCK + b] + h[b * BLOCK + a]);
                h[a * BLOCK + b] = mean;
                h[b * BLOCK + a] = mean;
            }
        }
        let (values, q) = symmetric_eigen(&h, BLOCK);
        let mut rotated_w = vec![0.0; dim * BLOCK];
        for j in 0..dim {
            for k in 0..BLOCK {
                let mut u = 0.0;
                let mut aw = 0.0;
                for a in 0..BLOCK {
                    u += v[j * BLOCK + a] * q[a * BLOCK + k];
                    aw += w[j * BLOCK + a] * q[a * BLOCK + k];
                }
                ritz_vectors[j * BLOCK + k] = u;
                rotated_w[j * BLOCK + k] = aw;
            }
        }
        ritz_values.copy_from_slice(&values);
        let scale = values[0].abs().max(f64::MIN_POSITIVE);
        let residual = |k: usize| -> f64 {
            (0..dim)
                .map(|j| (rotated_w[j * BLOCK + k] - values[k] * ritz_vectors[j * BLOCK + k]).powi(2))
                .sum::<f64>()
                .sqrt()
        };
        if values[0] <= 0.0 || (residual(0) <= TOLERANCE * scale && residual(1) <= TOLERANCE * scale) {
            converged = true;
            break;
        }
        v = rotated_w;
        orthonormalise(&mut v, dim, &mut rng);
    }

    let mut axes = [vec![0.0; statements], vec![0.0; statements]];
    let mut eigenvalues = [0.0; 2];
    for k in 0..2 {
        // An axis with (numerically) no variance is reported as zero, so that every projection
        // on it is 0 rather than noise.
        if ritz_values[k] <= 1e-12 * ritz_values[0].max(0.0) || ritz_values[k] <= 0.0 {
            continue;
        }
        let mut axis: Vec<f64> = (0..statements).map(|j| ritz_vectors[j * BLOCK + k]).collect();
        let norm = axis.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm == 0.0 {
            continue;
        }
        // Sign convention: the earlier axis's, when warm-started from one; otherwise the entry of
        // largest magnitude is positive (first one on ties).
        let mut pivot = 0;
        for (j, x) in axis.iter().enumerate() {
            if x.abs() > axis[pivot].abs() {
                pivot = j;
            }
        }
        let along_start: f64 = start.map_or(0.0, |s| s[k].iter().zip(&axis).map(|(a, b)| a * b).sum());
        let negative = if along_start != 0.0 { along_start < 0.0 } else { axis[pivot] < 0.0 };
        let sign = if negative { -1.0 } else { 1.0 };
        for x in &mut axis {
            *x *= sign / norm;
        }
        axes[k] = axis;
        eigenvalues[k] = ritz_values[k];
    }
    let mut further = [vec![0.0; statements], vec![0.0; statements]];
    for (direction, k) in further.iter_mut().zip(2..BLOCK) {
        if ritz_values[k] <= 1e-12 * ritz_values[0].max(0.0) || ritz_values[k] <= 0.0 {
            continue;
        }
        let axis: Vec<f64> = (0..statements).map(|j| ritz_vectors[j * BLOCK + k]).collect();
        let norm = axis.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            *direction = axis.into_iter().map(|x| x / norm).collect();
        }
    }
    Components { axes, eigenvalues, iterations, converged, further }
}

/// A participant's projection before Pol.is' sparsity scaling: Σ over their votes of
/// (x − μ) · axis.
#[inline]
pub(crate) fn raw_projection(row: &[u32], centred: &[CentredValues], axes: &[Vec<f64>; 2]) -> [f64; 2] {
    let mut p = [0.0; 2];
    for &entry in row {
        let j = entry_index(entry);
        let y = centred[j][entry_code(entry) as usize];
        p[0] += y * axes[0][j];
        p[1] += y * axes[1][j];
    }
    p
}

/// Pol.is' sparsity-aware factor √(C / max(n, 1)), with C the statements in the matrix and n the
/// participant's non-missing cells (moderated-out columns count, as they hold passes for everyone).
#[inline]
pub(crate) fn sparsity_scale(active_statements: usize, counted_cells: usize) -> f64 {
    (active_statements as f64 / counted_cells.max(1) as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::votes::{Vote, VoteMatrixBuilder};

    /// The dense reference: fill the matrix with means, centre it, form the covariance and take
    /// its top eigenvectors with the Jacobi solver.
    fn dense_reference(rows: &[Vec<(usize, f64)>], statements: usize) -> (Vec<f64>, Vec<f64>, [f64; 2]) {
        let n = rows.len();
        let mut means = vec![0.0; statements];
        let mut counts = vec![0usize; statements];
        for row in rows {
            for &(j, x) in row {
                means[j] += x;
                counts[j] += 1;
            }
        }
        for j in 0..statements {
            if counts[j] > 0 {
                means[j] /= counts[j] as f64;
            }
        }
        let mut dense = vec![0.0; n * statements];
        for (i, row) in rows.iter().enumerate() {
            for j in 0..statements {
                dense[i * statements + j] = means[j];
            }
            for &(j, x) in row {
                dense[i * statements + j] = x;
            }
        }
        // Centre on the imputed matrix's own column means.
        for j in 0..statements {
            let centre = (0..n).map(|i| dense[i * statements + j]).sum::<f64>() / n as f64;
            for i in 0..n {
                dense[i * statements + j] -= centre;
            }
        }
        let mut gram = vec![0.0; statements * statements];
        for a in 0..statements {
            for b in 0..statements {
                gram[a * statements + b] = (0..n).map(|i| dense[i * statements + a] * dense[i * statements + b]).sum();
            }
        }
        let (values, vectors) = symmetric_eigen(&gram, statements);
        let axis = |k: usize| (0..statements).map(|j| vectors[j * statements + k]).collect::<Vec<_>>();
        (axis(0), axis(1), [values[0], values[1]])
    }

    fn random_votes(seed: u64, participants: usize, statements: usize, density: f64) -> Vec<Vec<(usize, Vote)>> {
        let mut rng = SplitMix64::new(seed);
        (0..participants)
            .map(|i| {
                let lean = if i % 2 == 0 { 0.8 } else { 0.2 };
                let mut row = Vec::new();
                for j in 0..statements {
                    if rng.next_f64() >= density {
                        continue;
                    }
                    let u = rng.next_f64();
                    let p = if j % 3 == 0 { lean } else { 1.0 - lean * (j % 2) as f64 * 0.5 };
                    let vote = if u < 0.1 {
                        Vote::Pass
                    } else if rng.next_f64() < p {
                        Vote::Agree
                    } else {
                        Vote::Disagree
                    };
                    row.push((j, vote));
                }
                row
            })
            .collect()
    }

    #[test]
    fn sparse_pca_equals_the_dense_reference_on_small_random_matrices() {
        for seed in 0..12u64 {
            let participants = 20 + (seed as usize * 7) % 40;
            let statements = 3 + (seed as usize * 5) % 14;
            let votes = random_votes(seed, participants, statements, 0.3 + 0.05 * (seed % 8) as f64);
            let mut builder = VoteMatrixBuilder::new();
            builder.reserve(participants, statements);
            for (i, row) in votes.iter().enumerate() {
                for &(j, v) in row {
                    builder.record(i, j, v).unwrap();
                }
            }
            let matrix = builder.finish();
            let dense_rows: Vec<Vec<(usize, f64)>> =
                votes.iter().map(|row| row.iter().map(|&(j, v)| (j, f64::from(v.export_value()))).collect()).collect();
            let (axis0, axis1, values) = dense_reference(&dense_rows, statements);

            let mut sums = vec![0.0; statements];
            let mut counts = vec![0usize; statements];
            for (_, j, v) in matrix.triples() {
                sums[j] += f64::from(v.export_value());
                counts[j] += 1;
            }
            let centred: Vec<CentredValues> = (0..statements)
                .map(|j| centred_values(if counts[j] > 0 { sums[j] / counts[j] as f64 } else { 0.0 }, counts[j] > 0))
                .collect();
            let found = principal_components(&matrix.rows, &centred, seed, 5000);
            assert!(found.converged, "seed {seed}: not converged in {}", found.iterations);
            assert!((found.eigenvalues[0] - values[0]).abs() <= 1e-8 * values[0], "seed {seed}");
            assert!((found.eigenvalues[1] - values[1]).abs() <= 1e-8 * values[0], "seed {seed}");
            // Axes equal up to sign (well separated eigenvalues in these draws).
            for (axis, reference) in [(&found.axes[0], &axis0), (&found.axes[1], &axis1)] {
                let dot: f64 = axis.iter().zip(reference).map(|(a, b)| a * b).sum();
                assert!((dot.abs() - 1.0).abs() < 1e-6, "seed {seed}: |cos| = {}", dot.abs());
            }
        }
    }

    #[test]
    fn no_variance_gives_zero_axes() {
        let mut builder = VoteMatrixBuilder::new();
        for i in 0..10 {
            for j in 0..5 {
                builder.record(i, j, Vote::Agree).unwrap();
            }
        }
        let matrix = builder.finish();
        let centred = vec![centred_values(1.0, true); 5];
        let found = principal_components(&matrix.rows, &centred, 1, 100);
        assert!(found.axes.iter().all(|axis| axis.iter().all(|&x| x == 0.0)));
    }

    #[test]
    fn scaling_is_polis_square_root_rule() {
        assert_eq!(sparsity_scale(100, 25), 2.0);
        assert_eq!(sparsity_scale(9, 0), 3.0);
    }
}
