//! The paired mean change and its standardised size, Hedges' g_av, with a 95 % interval.
//!
//! **Which g.** For a pre/post design the change is standardised by the spread of the scores
//! themselves, not by the spread of the changes: d_av = mean change / S_av with
//! S_av = √((SD_before² + SD_after²) / 2) (Cumming 2012, *Understanding the New Statistics*,
//! ch. 8; Algina & Keselman 2003; Lakens 2013, "Calculating and reporting effect sizes to
//! facilitate cumulative science", Frontiers in Psychology 4:863, on d_av and g_av for
//! within-subject effects meant to be compared with between-group ones).
//! d_z (mean change / SD of the changes) grows as the two measurements correlate more, so the
//! same change would look larger in a group that answered consistently; it is reported beside
//! g_av only because it is the t statistic's own scale.
//!
//! **Small-sample correction.** g_av = J · d_av with J = 1 − 3 / (4·df − 1) and df = n − 1,
//! the matched-groups case of Borenstein, Hedges, Higgins and Rothstein (2009), *Introduction
//! to Meta-Analysis*, ch. 4 (Hedges' 1981 approximation to the exact gamma ratio). The g_av
//! Lakens (2013) prints for his example follows from the independent-groups df = 2(n − 1);
//! with the groups of six to thirty people a dialogue has, n − 1 is the conservative choice
//! (the tests show both).
//!
//! **Interval.** The 95 % interval is for the population δ_av, by Algina and Keselman's (2003)
//! method: the interval for the noncentrality of the paired t (df = n − 1) scaled by
//! SD_change / (√n · S_av). It is not multiplied by J (the correction is for the point
//! estimate's bias; the interval already has its coverage). With every change equal the paired
//! t is infinite and there is no interval.
//!
//! **Variance.** Borenstein et al.'s matched-groups variance, V_d = (1/n + d²/(2n)) · 2(1 − r),
//! V_g = J² · V_d, is given for meta-analysts who pool rounds or initiatives.

use serde::Serialize;
use statrs::distribution::{ContinuousCDF, StudentsT};

use crate::noncentral_t::noncentrality_interval;
use crate::sample::{check_finite, mean, sample_sd};
use crate::suppression::CountsPeople;
use crate::{Pair, StatsError};

/// The confidence level of every interval this crate gives.
pub const CONFIDENCE_LEVEL: f64 = 0.95;

/// A two-sided confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub lower: f64,
    pub upper: f64,
}

/// The summary statistics of a pre/post measure, from which every paired figure follows.
/// Built from the answers by [`PairedSummary::of`], or from a published table's figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PairedSummary {
    pub n: usize,
    pub mean_before: f64,
    pub mean_after: f64,
    pub sd_before: f64,
    pub sd_after: f64,
    /// The standard deviation of the changes (after − before).
    pub sd_change: f64,
}

impl PairedSummary {
    /// The summary of at least two pairs of finite answers.
    ///
    /// # Errors
    /// A non-finite answer, or fewer than two pairs.
    pub fn of(pairs: &[Pair]) -> Result<Self, StatsError> {
        check_finite(pairs)?;
        if pairs.len() < 2 {
            return Err(StatsError::TooFewPairs { needed: 2, given: pairs.len() });
        }
        let before: Vec<f64> = pairs.iter().map(|p| p.before).collect();
        let after: Vec<f64> = pairs.iter().map(|p| p.after).collect();
        let change: Vec<f64> = pairs.iter().map(Pair::change).collect();
        Ok(Self {
            n: pairs.len(),
            mean_before: mean(before.iter().copied()),
            mean_after: mean(after.iter().copied()),
            sd_before: sample_sd(&before),
            sd_after: sample_sd(&after),
            sd_change: sample_sd(&change),
        })
    }

    #[must_use]
    pub fn mean_change(&self) -> f64 {
        self.mean_after - self.mean_before
    }

    /// S_av = √((SD_before² + SD_after²) / 2).
    #[must_use]
    pub fn average_sd(&self) -> f64 {
        ((self.sd_before * self.sd_before + self.sd_after * self.sd_after) / 2.0).sqrt()
    }

    /// The correlation of before and after scores, from the three standard deviations
    /// (SD_change² = SD_before² + SD_after² − 2 r SD_before SD_after); `None` when either
    /// time has no spread.
    #[must_use]
    pub fn correlation(&self) -> Option<f64> {
        let product = self.sd_before * self.sd_after;
        (product > 0.0).then(|| {
            let r = (self.sd_before.powi(2) + self.sd_after.powi(2) - self.sd_change.powi(2)) / (2.0 * product);
            r.clamp(-1.0, 1.0)
        })
    }

    #[must_use]
    fn degrees_of_freedom(&self) -> f64 {
        self.n as f64 - 1.0
    }
}

/// Hedges' J for `df` degrees of freedom: 1 − 3 / (4·df − 1).
#[must_use]
pub fn small_sample_correction(df: f64) -> f64 {
    1.0 - 3.0 / (4.0 * df - 1.0)
}

/// The standardised size of a pre/post change.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct HedgesG {
    /// Mean change over S_av, before the correction.
    pub d_av: f64,
    /// J, with df = n − 1.
    pub correction: f64,
    /// J · d_av: the figure to report.
    pub g_av: f64,
    /// The 95 % interval for δ_av; `None` when every person changed by the same amount.
    pub interval: Option<Interval>,
    /// Borenstein et al.'s matched-groups variance of g, J² · (1/n + d²/(2n)) · 2(1 − r).
    pub variance: f64,
}

/// Everything a page says about one measure's change in one group.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PairedChange {
    pub summary: PairedSummary,
    /// Mean of after − before.
    pub mean_change: f64,
    /// The t interval for the mean change, in the measure's own units.
    pub mean_change_interval: Interval,
    /// The paired t statistic (mean change over its standard error); `None` when every
    /// person changed by the same amount.
    pub t: Option<f64>,
    /// Mean change over the SD of the changes (the t statistic's scale).
    pub d_z: Option<f64>,
    /// `None` when nobody's score differs from anyone else's at either time (S_av = 0).
    pub effect: Option<HedgesG>,
}

impl CountsPeople for PairedChange {
    fn people(&self) -> usize {
        self.summary.n
    }
}

/// The paired change of a group's answers.
///
/// # Errors
/// A non-finite answer, or fewer than two pairs.
pub fn paired_change(pairs: &[Pair]) -> Result<PairedChange, StatsError> {
    PairedSummary::of(pairs).map(|summary| change_from_summary(&summary))
}

/// The same figures from summary statistics, as a published table gives them.
///
/// # Errors
/// Fewer than two people, a figure that is not finite, or a negative standard deviation.
pub fn paired_change_from_summary(summary: &PairedSummary) -> Result<PairedChange, StatsError> {
    if summary.n < 2 {
        return Err(StatsError::TooFewPairs { needed: 2, given: summary.n });
    }
    let figures = [summary.mean_before, summary.mean_after, summary.sd_before, summary.sd_after, summary.sd_change];
    if figures.iter().any(|f| !f.is_finite()) || figures[2..].iter().any(|sd| *sd < 0.0) {
        return Err(StatsError::Summary);
    }
    Ok(change_from_summary(summary))
}

fn change_from_summary(summary: &PairedSummary) -> PairedChange {
    let n = summary.n as f64;
    let df = summary.degrees_of_freedom();
    let mean_change = summary.mean_change();
    let standard_error = summary.sd_change / n.sqrt();
    let quantile = StudentsT::new(0.0, 1.0, df).map_or(f64::NAN, |t| t.inverse_cdf(0.5 + CONFIDENCE_LEVEL / 2.0));
    let mean_change_interval =
        Interval { lower: mean_change - quantile * standard_error, upper: mean_change + quantile * standard_error };
    let t = (summary.sd_change > 0.0).then(|| mean_change / standard_error);
    let d_z = (summary.sd_change > 0.0).then(|| mean_change / summary.sd_change);
    let effect = hedges_g_av(summary, t);
    PairedChange { summary: *summary, mean_change, mean_change_interval, t, d_z, effect }
}

fn hedges_g_av(summary: &PairedSummary, t: Option<f64>) -> Option<HedgesG> {
    let s_av = summary.average_sd();
    if s_av <= 0.0 {
        return None;
    }
    let n = summary.n as f64;
    let df = summary.degrees_of_freedom();
    let d_av = summary.mean_change() / s_av;
    let correction = small_sample_correction(df);
    let interval = t.map(|t| {
        let (low, high) = noncentrality_interval(t, df, CONFIDENCE_LEVEL);
        let scale = summary.sd_change / (n.sqrt() * s_av);
        Interval { lower: low * scale, upper: high * scale }
    });
    // With one time's spread zero there is no correlation; r = 0 is what the formula's
    // 2(1 − r) then means (the changes vary exactly as the other time's scores do).
    let r = summary.correlation().unwrap_or(0.0);
    let variance_d = (1.0 / n + d_av * d_av / (2.0 * n)) * 2.0 * (1.0 - r);
    Some(HedgesG {
        d_av,
        correction,
        g_av: correction * d_av,
        interval,
        variance: correction * correction * variance_d,
    })
}
