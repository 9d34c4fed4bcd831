//! The noncentral t distribution's lower tail, and the interval for its noncentrality that a
//! confidence interval for a standardised mean difference is built from.
//!
//! `statrs` has the central t but not the noncentral one, so the distribution function is
//! Lenth's algorithm AS 243 (Applied Statistics 38, 1989, 185–189; Guenther's twin series),
//! as R's `pnt` implements it, over `statrs`' regularised incomplete beta, log-gamma and
//! normal distribution. The tests hold it to SciPy's `scipy.stats.nct` (Boost's
//! implementation).

use statrs::distribution::{ContinuousCDF, Normal, StudentsT};
use statrs::function::beta::beta_reg;
use statrs::function::gamma::ln_gamma;

/// ln √π
const LN_SQRT_PI: f64 = 0.572_364_942_924_700_1;
/// √(2/π)
const SQRT_2_OVER_PI: f64 = 0.797_884_560_802_865_4;
const ITERATIONS_MAX: u32 = 1000;
const ERROR_MAX: f64 = 1e-12;

fn standard_normal_cdf(x: f64) -> f64 {
    Normal::standard().cdf(x)
}

/// P(T ≤ t) for T noncentral t with `df` degrees of freedom and noncentrality `ncp`.
///
/// `df` must be positive and `t`, `ncp` finite; the callers in this crate guarantee it.
#[must_use]
pub fn noncentral_t_cdf(t: f64, df: f64, ncp: f64) -> f64 {
    if ncp == 0.0 {
        return StudentsT::new(0.0, 1.0, df).map_or(f64::NAN, |central| central.cdf(t));
    }
    // The lower tail at a negative t is one minus the upper tail of −T, which is noncentral
    // with −ncp, at −t.
    let (tt, del, negated) = if t >= 0.0 { (t, ncp, false) } else { (-t, -ncp, true) };
    if t < 0.0 && ncp > 40.0 {
        // P(T ≤ t) ≤ P(T ≤ 0) = Φ(−ncp), which is below 1e-300 here.
        return 0.0;
    }
    // Beyond |δ| ≈ 37.6 the series' first term underflows: Abramowitz and Stegun 26.7.10.
    if df > 4e5 || del * del > 2.0 * std::f64::consts::LN_2 * 1021.0 {
        let s = 1.0 / (4.0 * df);
        let spread = (1.0 + tt * tt * 2.0 * s).sqrt();
        let z = (tt * (1.0 - s) - del) / spread;
        let lower = standard_normal_cdf(z);
        return if negated { 1.0 - lower } else { lower };
    }
    let tail = twin_series(tt, df, del) + standard_normal_cdf(-del);
    let tail = tail.min(1.0);
    if negated { 1.0 - tail } else { tail }
}

/// Guenther's twin series for P(0 < T ≤ tt), tt ≥ 0, as AS 243 sums it.
fn twin_series(tt: f64, df: f64, del: f64) -> f64 {
    let t2 = tt * tt;
    let x = t2 / (t2 + df);
    if x <= 0.0 {
        return 0.0;
    }
    let lambda = del * del;
    let mut p = 0.5 * (-0.5 * lambda).exp();
    if p == 0.0 {
        return 0.0;
    }
    let mut q = SQRT_2_OVER_PI * p * del;
    let mut s = 0.5 - p;
    if s < 1e-7 {
        s = -0.5 * (-0.5 * lambda).exp_m1();
    }
    let mut a = 0.5;
    let b = 0.5 * df;
    // (1 − x)^b, with 1 − x computed as df / (t² + df) so that it stays exact when t² ≪ df.
    let rxb = (df / (t2 + df)).powf(b);
    let albeta = LN_SQRT_PI + ln_gamma(b) - ln_gamma(0.5 + b);
    let mut xodd = beta_reg(a, b, x);
    let mut godd = 2.0 * rxb * (a * x.ln() - albeta).exp();
    let bx = b * x;
    let mut xeven = if bx < f64::EPSILON { bx } else { 1.0 - rxb };
    let mut geven = bx * rxb;
    let mut sum = p * xodd + q * xeven;
    for it in 1..=ITERATIONS_MAX {
        a += 1.0;
        xodd -= godd;
        xeven -= geven;
        godd *= x * (a + b - 1.0) / a;
        geven *= x * (a + b - 0.5) / (a + 0.5);
        p *= lambda / f64::from(2 * it);
        q *= lambda / f64::from(2 * it + 1);
        sum += p * xodd + q * xeven;
        s -= p;
        if s < -1e-10 || (s <= 0.0 && it > 1) {
            break;
        }
        if (2.0 * s * (xodd - godd)).abs() < ERROR_MAX {
            break;
        }
    }
    sum
}

/// The noncentralities λ_L < λ_U with P(T ≤ t | λ_L) = 1 − α/2 and P(T ≤ t | λ_U) = α/2:
/// the confidence interval for the noncentrality of an observed t, by inverting the
/// distribution function (it falls as λ grows).
#[must_use]
pub fn noncentrality_interval(t: f64, df: f64, level: f64) -> (f64, f64) {
    let alpha = 1.0 - level;
    (solve_noncentrality(t, df, 1.0 - alpha / 2.0), solve_noncentrality(t, df, alpha / 2.0))
}

/// The λ at which P(T ≤ t | λ) equals `target`, by bracketing and bisection.
fn solve_noncentrality(t: f64, df: f64, target: f64) -> f64 {
    let below = |ncp: f64| noncentral_t_cdf(t, df, ncp) - target;
    let mut width = 1.0;
    let (mut low, mut high) = (t - width, t + width);
    // The distribution function at t falls from 1 to 0 as λ runs over the line.
    while below(low) < 0.0 {
        width *= 2.0;
        low = t - width;
    }
    while below(high) > 0.0 {
        width *= 2.0;
        high = t + width;
    }
    for _ in 0..200 {
        let middle = 0.5 * (low + high);
        if middle <= low || middle >= high {
            break;
        }
        if below(middle) > 0.0 {
            low = middle;
        } else {
            high = middle;
        }
    }
    0.5 * (low + high)
}
