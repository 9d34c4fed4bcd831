//! Weighing what a passage shows at the sites it covers: the likelihood of each source, their
//! posterior probabilities, the sites that decided, and how much more text would decide.

use std::collections::BTreeMap;

use crate::align::Observation;
use crate::code::Chooser;
use crate::sites::Site;
use crate::{CONFIDENCE_REQUIRED, CopyId, Fingerprinting, PRIOR_UNKNOWN_SOURCE, PRIOR_UNMARKED_ORIGINAL, ReadoutText};

/// The observations of every piece, one per site: a site read in two pieces (a sentence quoted
/// twice) keeps the forms both fit, and one they contradict at counts for nothing.
pub(crate) fn combine<'a>(observations: impl Iterator<Item = &'a Observation>) -> Vec<Observation> {
    let mut by_site: BTreeMap<usize, u64> = BTreeMap::new();
    for o in observations {
        *by_site.entry(o.site).or_insert(u64::MAX) &= o.compatible;
    }
    by_site
        .into_iter()
        .filter(|&(_, compatible)| compatible != 0)
        .map(|(site, compatible)| Observation { site, compatible })
        .collect()
}

/// The informative sites a passage showed, each candidate's choice at them, and the posterior.
pub(crate) struct Evidence<'a> {
    sites: &'a [Site],
    /// Observations that rule out at least one form.
    informative: Vec<Observation>,
    /// `choices[c][i]`: candidate `c`'s form at informative site `i`.
    choices: Vec<Vec<usize>>,
    pub posterior: Posterior,
}

impl<'a> Evidence<'a> {
    pub fn new(
        original: &ReadoutText,
        how: &Fingerprinting,
        sites: &'a [Site],
        candidates: &[CopyId],
        observations: &[Observation],
    ) -> Self {
        let informative: Vec<Observation> = observations
            .iter()
            .filter(|o| {
                let all = (1u64 << sites[o.site].arity()) - 1;
                o.compatible & all != all
            })
            .copied()
            .collect();
        let chooser = Chooser::new(original, how, sites);
        let original_choices: Vec<Option<usize>> =
            informative.iter().map(|o| sites[o.site].original_choice(original)).collect();
        let choices: Vec<Vec<usize>> =
            candidates.iter().map(|&copy| informative.iter().map(|o| chooser.choice(copy, o.site)).collect()).collect();
        let score = |choice_at: &dyn Fn(usize) -> Option<usize>| -> f64 {
            informative
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let site = &sites[o.site];
                    choice_at(i).map_or(0.0, |choice| {
                        log_likelihood_ratio(o.compatible, choice, site.arity(), site.kind.error_rate())
                    })
                })
                .sum()
        };
        let copy_scores: Vec<f64> = choices.iter().map(|copy| score(&|i| Some(copy[i]))).collect();
        let original_score = score(&|i| original_choices[i]);
        let posterior = Posterior::new(&copy_scores, original_score);
        Evidence { sites, informative, choices, posterior }
    }

    pub fn sites_seen(&self) -> usize {
        self.informative.len()
    }

    /// The sites where the passage shows candidate `best`'s form and rules out some other
    /// candidate, with that form: those ruling out the most candidates first, then in reading order.
    pub fn deciding_sites(&self, best: usize) -> Vec<(usize, usize)> {
        let mut deciding: Vec<(usize, usize, usize)> = self
            .informative
            .iter()
            .enumerate()
            .filter(|(i, o)| o.compatible & (1 << self.choices[best][*i]) != 0)
            .map(|(i, o)| {
                let ruled_out = self.choices.iter().filter(|copy| o.compatible & (1 << copy[i]) == 0).count();
                (ruled_out, o.site, self.choices[best][i])
            })
            .filter(|&(ruled_out, ..)| ruled_out > 0)
            .collect();
        deciding.sort_by_key(|&(ruled_out, site, _)| (std::cmp::Reverse(ruled_out), site));
        deciding.into_iter().map(|(_, site, form)| (site, form)).collect()
    }

    /// Roughly how many more sites, read as candidate `best` has them, would raise it to
    /// [`CONFIDENCE_REQUIRED`]: each further site is worth, against the unknown source and against
    /// another copy or the original, what a site of this readout is worth on average (another
    /// copy or the original shows another form at about half the sites).
    pub fn more_sites_needed(&self, best: usize) -> usize {
        let count = self.sites.len().max(1) as f64;
        let against_unknown =
            self.sites.iter().map(|s| ((s.arity() as f64) * (1.0 - s.kind.error_rate())).ln()).sum::<f64>() / count;
        let against_source = self
            .sites
            .iter()
            .map(|s| {
                let p = s.kind.error_rate();
                0.5 * ((1.0 - p) * (s.arity() as f64 - 1.0) / p).ln()
            })
            .sum::<f64>()
            / count;
        let lead = self.posterior.log_weights[best];
        let others: Vec<(f64, f64)> = self
            .posterior
            .log_weights
            .iter()
            .enumerate()
            .filter(|&(c, _)| c != best)
            .map(|(_, w)| (w - lead, against_source))
            .chain([
                (self.posterior.log_original - lead, against_source),
                (PRIOR_UNKNOWN_SOURCE.ln() - lead, against_unknown),
            ])
            .collect();
        let allowed = (1.0 - CONFIDENCE_REQUIRED) / CONFIDENCE_REQUIRED;
        (1..=MORE_SITES_MAX)
            .find(|&n| others.iter().map(|(gap, gain)| (gap - n as f64 * gain).exp()).sum::<f64>() <= allowed)
            .unwrap_or(MORE_SITES_MAX)
    }
}

/// The estimate of sites still needed stops here: past it, more text of this readout is unlikely
/// to decide.
const MORE_SITES_MAX: usize = 1000;

/// ln P(seen | the copy chose `choice`) − ln P(seen | no listed copy).
///
/// The retyper keeps the copy's form with probability 1 − p and otherwise types one of the other
/// forms, each equally likely; `compatible` is the set of forms the passage's text fits. With no
/// listed copy as the source, every form is equally likely.
pub(crate) fn log_likelihood_ratio(compatible: u64, choice: usize, arity: usize, p: f64) -> f64 {
    let k = arity as f64;
    let fits = f64::from(compatible.count_ones());
    let given_copy =
        if compatible & (1 << choice) != 0 { (1.0 - p) + p / (k - 1.0) * (fits - 1.0) } else { p / (k - 1.0) * fits };
    let given_none = fits / k;
    (given_copy / given_none).ln()
}

/// Posterior probabilities of the sources, from each hypothesis' log-likelihood ratio against the
/// unknown source.
pub(crate) struct Posterior {
    pub copies: Vec<f64>,
    pub original: f64,
    /// Prior times likelihood ratio, logarithms: each copy's, the original's.
    log_weights: Vec<f64>,
    log_original: f64,
}

impl Posterior {
    pub(crate) fn new(copy_scores: &[f64], original_score: f64) -> Self {
        let per_copy = ((1.0 - PRIOR_UNMARKED_ORIGINAL - PRIOR_UNKNOWN_SOURCE) / copy_scores.len() as f64).ln();
        let copies: Vec<f64> = copy_scores.iter().map(|l| per_copy + l).collect();
        let original = PRIOR_UNMARKED_ORIGINAL.ln() + original_score;
        let unknown = PRIOR_UNKNOWN_SOURCE.ln();
        let top = copies.iter().copied().fold(original.max(unknown), f64::max);
        let total =
            (original - top).exp() + (unknown - top).exp() + copies.iter().map(|w| (w - top).exp()).sum::<f64>();
        Posterior {
            copies: copies.iter().map(|w| (w - top).exp() / total).collect(),
            original: (original - top).exp() / total,
            log_weights: copies,
            log_original: original,
        }
    }

    /// The likeliest copy (the first of equals) and its posterior probability.
    pub fn best_copy(&self) -> (usize, f64) {
        self.copies
            .iter()
            .copied()
            .enumerate()
            .fold((0, f64::NEG_INFINITY), |acc, (i, p)| if p > acc.1 { (i, p) } else { acc })
    }

    /// Up to `most` copies, likeliest first: the likeliest always, the others if at least `floor`.
    pub fn likeliest(&self, most: usize, floor: f64) -> Vec<(usize, f64)> {
        let mut order: Vec<(usize, f64)> = self.copies.iter().copied().enumerate().collect();
        order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        order
            .into_iter()
            .enumerate()
            .filter(|&(rank, (_, p))| rank == 0 || p >= floor)
            .map(|(_, c)| c)
            .take(most)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likelihood_ratio_is_neutral_when_everything_fits() {
        assert!(log_likelihood_ratio(0b11, 0, 2, 0.05).abs() < 1e-12);
        assert!(log_likelihood_ratio(0b111, 2, 3, 0.05).abs() < 1e-12);
        assert!((log_likelihood_ratio(0b01, 0, 2, 0.05) - (2.0f64 * 0.95).ln()).abs() < 1e-12);
        assert!((log_likelihood_ratio(0b10, 0, 2, 0.05) - (2.0f64 * 0.05).ln()).abs() < 1e-12);
    }

    #[test]
    fn posterior_needs_evidence_to_name_a_copy() {
        let (_, flat) = Posterior::new(&[0.0; 20], 0.0).best_copy();
        assert!(flat < 0.05);
        let strong = Posterior::new(&[0.0, 12.0, 1.0], -5.0);
        assert_eq!(strong.best_copy().0, 1);
        assert!(strong.best_copy().1 > 0.99);
        let original = Posterior::new(&[1.0, 0.0, -2.0], 8.0);
        assert!(original.original > 0.99);
        assert!(original.best_copy().1 < 0.01);
    }

    #[test]
    fn the_likeliest_copies_come_in_order_above_the_floor() {
        let posterior = Posterior::new(&[3.0, 6.0, 5.0, -9.0], 0.0);
        let likeliest = posterior.likeliest(3, 0.01);
        assert_eq!(likeliest.iter().map(|&(c, _)| c).collect::<Vec<_>>(), [1, 2, 0]);
        assert!(likeliest.windows(2).all(|w| w[0].1 >= w[1].1));
        assert_eq!(Posterior::new(&[0.0; 20], 0.0).likeliest(3, 0.5).len(), 1);
    }
}
