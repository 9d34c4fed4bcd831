//! The statistics of Pol.is (repness, majority consensus, group-informed consensus, priority),
//! exactly as its math defines them, and what this engine adds: posterior lower bounds and
//! Benjamini–Hochberg control of the false-discovery rate.

use statrs::distribution::{Beta, ContinuousCDF};
use statrs::function::erf::erfc;

/// One-sided 90 % critical value of the standard normal, Pol.is' "significant".
pub const Z_90: f64 = 1.2816;

/// Votes on one statement by one set of participants.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub agree: u32,
    pub disagree: u32,
    /// Every vote, passes included (Pol.is' S).
    pub seen: u32,
}

impl Tally {
    pub fn passes(&self) -> u32 {
        self.seen - self.agree - self.disagree
    }

    pub(crate) fn add_code(&mut self, code: u32) {
        self.seen += 1;
        match code {
            crate::votes::CODE_AGREE => self.agree += 1,
            crate::votes::CODE_DISAGREE => self.disagree += 1,
            _ => {}
        }
    }

    pub(crate) fn remove_code(&mut self, code: u32) {
        self.seen -= 1;
        match code {
            crate::votes::CODE_AGREE => self.agree -= 1,
            crate::votes::CODE_DISAGREE => self.disagree -= 1,
            _ => {}
        }
    }

    pub(crate) fn plus(self, other: Self) -> Self {
        Self { agree: self.agree + other.agree, disagree: self.disagree + other.disagree, seen: self.seen + other.seen }
    }

    pub(crate) fn minus(self, other: Self) -> Self {
        Self { agree: self.agree - other.agree, disagree: self.disagree - other.disagree, seen: self.seen - other.seen }
    }
}

/// Laplace-smoothed proportion (x + 1) / (n + 2).
pub fn smoothed_proportion(successes: u32, trials: u32) -> f64 {
    (f64::from(successes) + 1.0) / (f64::from(trials) + 2.0)
}

/// Pol.is' one-sample proportion test against ½: 2·√(n+1)·((x+1)/(n+1) − ½).
pub fn proportion_z(successes: u32, trials: u32) -> f64 {
    let n = f64::from(trials) + 1.0;
    2.0 * n.sqrt() * ((f64::from(successes) + 1.0) / n - 0.5)
}

/// Pol.is' two-proportion z-test with one added to all four counts; 0 when the pooled
/// proportion is 1.
pub fn two_proportion_z(successes: u32, trials: u32, other_successes: u32, other_trials: u32) -> f64 {
    let (x1, n1) = (f64::from(successes) + 1.0, f64::from(trials) + 1.0);
    let (x2, n2) = (f64::from(other_successes) + 1.0, f64::from(other_trials) + 1.0);
    let pooled = (x1 + x2) / (n1 + n2);
    if pooled >= 1.0 {
        return 0.0;
    }
    (x1 / n1 - x2 / n2) / (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)).sqrt()
}

/// One-sided upper-tail p-value of a z statistic.
pub fn upper_tail_p(z: f64) -> f64 {
    0.5 * erfc(z / std::f64::consts::SQRT_2)
}

/// The `quantile` of Beta(1 + agree, 1 + disagree): a lower bound on the share that agrees,
/// which grows with evidence (3 of 3 agreeing is bounded far lower than 300 of 300).
pub fn agreement_lower_bound(agree: u32, disagree: u32, quantile: f64) -> f64 {
    match Beta::new(f64::from(agree) + 1.0, f64::from(disagree) + 1.0) {
        Ok(beta) => beta.inverse_cdf(quantile),
        // Unreachable for finite counts (both shapes ≥ 1); a bound of 0 is the safe answer.
        Err(_) => 0.0,
    }
}

/// Benjamini–Hochberg: which of `p_values` are discoveries at false-discovery rate `level`, and
/// each one's adjusted p-value (q-value).
pub fn benjamini_hochberg(p_values: &[f64], level: f64) -> (Vec<bool>, Vec<f64>) {
    let m = p_values.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| p_values[a].total_cmp(&p_values[b]).then(a.cmp(&b)));
    let mut q = vec![1.0; m];
    let mut running = 1.0f64;
    for rank in (0..m).rev() {
        let i = order[rank];
        running = running.min(p_values[i] * m as f64 / (rank + 1) as f64);
        q[i] = running.min(1.0);
    }
    let discovered = q.iter().map(|&x| x <= level).collect();
    (discovered, q)
}

/// Which way a statement represents a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Agree,
    Disagree,
}

/// Pol.is' per-(group, statement) representativeness figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Repness {
    pub statement: usize,
    pub within: Tally,
    pub others: Tally,
    pub pa: f64,
    pub pd: f64,
    pub pat: f64,
    pub pdt: f64,
    pub ra: f64,
    pub rd: f64,
    pub rat: f64,
    pub rdt: f64,
}

impl Repness {
    pub fn new(statement: usize, within: Tally, others: Tally) -> Self {
        let pa = smoothed_proportion(within.agree, within.seen);
        let pd = smoothed_proportion(within.disagree, within.seen);
        Self {
            statement,
            within,
            others,
            pa,
            pd,
            pat: proportion_z(within.agree, within.seen),
            pdt: proportion_z(within.disagree, within.seen),
            ra: pa / smoothed_proportion(others.agree, others.seen),
            rd: pd / smoothed_proportion(others.disagree, others.seen),
            rat: two_proportion_z(within.agree, within.seen, others.agree, others.seen),
            rdt: two_proportion_z(within.disagree, within.seen, others.disagree, others.seen),
        }
    }

    /// Pol.is' qualifying test: agree (or disagree) both more than half and more than the others,
    /// each at 90 %.
    pub fn passes_by_test(&self) -> bool {
        (self.rat > Z_90 && self.pat > Z_90) || (self.rdt > Z_90 && self.pdt > Z_90)
    }

    pub fn direction(&self) -> Direction {
        if self.rat > self.rdt { Direction::Agree } else { Direction::Disagree }
    }

    /// repness × repness-test × p-success × p-test in the given direction.
    pub fn metric(&self, direction: Direction) -> f64 {
        match direction {
            Direction::Agree => self.ra * self.rat * self.pa * self.pat,
            Direction::Disagree => self.rd * self.rdt * self.pd * self.pdt,
        }
    }
}

/// A statement chosen as representative of a group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Representative {
    pub statement: usize,
    pub direction: Direction,
    /// Votes that way (n-success) out of all seen (n-trials).
    pub successes: u32,
    pub trials: u32,
    /// Smoothed share that way within the group (p-success) and its z (p-test).
    pub probability: f64,
    pub probability_z: f64,
    /// Ratio to the other groups (repness) and its two-proportion z (repness-test).
    pub ratio: f64,
    pub ratio_z: f64,
}

impl Representative {
    fn from(r: &Repness, direction: Direction) -> Self {
        match direction {
            Direction::Agree => Self {
                statement: r.statement,
                direction,
                successes: r.within.agree,
                trials: r.within.seen,
                probability: r.pa,
                probability_z: r.pat,
                ratio: r.ra,
                ratio_z: r.rat,
            },
            Direction::Disagree => Self {
                statement: r.statement,
                direction,
                successes: r.within.disagree,
                trials: r.within.seen,
                probability: r.pd,
                probability_z: r.pdt,
                ratio: r.rd,
                ratio_z: r.rdt,
            },
        }
    }
}

/// Pol.is' `beats-best-agr?`: the running choice of the group's best agreed statement.
fn beats_best_agree(candidate: &Repness, best: Option<&Repness>) -> bool {
    if candidate.within.agree == 0 && candidate.within.disagree == 0 {
        return false;
    }
    match best {
        Some(best) if best.ra > 1.0 => {
            candidate.ra * candidate.rat * candidate.pa * candidate.pat > best.ra * best.rat * best.pa * best.pat
        }
        Some(best) => candidate.pa * candidate.pat > best.pa * best.pat,
        None => candidate.pat > Z_90 || (candidate.ra > 1.0 && candidate.pa > 0.5),
    }
}

/// Pol.is' `select-rep-comments` for one group: candidates in statement order, moderated-out
/// statements already left out.
pub fn select_representative(candidates: &[Repness], limit: usize) -> Vec<Representative> {
    let mut best_by_test: Option<&Repness> = None;
    let mut best_agree: Option<&Repness> = None;
    let mut sufficient: Vec<Representative> = Vec::new();
    for c in candidates {
        if best_by_test.is_none_or(|b| c.rat.max(c.rdt) > b.rat.max(b.rdt)) {
            best_by_test = Some(c);
        }
        if beats_best_agree(c, best_agree) {
            best_agree = Some(c);
        }
        if c.passes_by_test() {
            sufficient.push(Representative::from(c, c.direction()));
        }
    }
    let mut chosen: Vec<Representative> = if !sufficient.is_empty() {
        // Stable sort: equal metrics keep statement order.
        sufficient.sort_by(|a, b| metric_of(b).total_cmp(&metric_of(a)));
        let mut list: Vec<Representative> =
            best_agree.map(|b| Representative::from(b, Direction::Agree)).into_iter().collect();
        for r in sufficient {
            if !list.iter().any(|l| l.statement == r.statement) {
                list.push(r);
            }
        }
        list.truncate(limit);
        list
    } else if let Some(b) = best_agree {
        vec![Representative::from(b, Direction::Agree)]
    } else if let Some(b) = best_by_test {
        vec![Representative::from(b, b.direction())]
    } else {
        Vec::new()
    };
    // Agrees before disagrees, otherwise in rank order.
    chosen.sort_by_key(|r| r.direction == Direction::Disagree);
    chosen
}

fn metric_of(r: &Representative) -> f64 {
    r.ratio * r.ratio_z * r.probability * r.probability_z
}

/// Pol.is' majority list for one direction: statements with p > ½ and z > 1.2816 over all
/// participants, by p·z, at most `limit`.
pub fn majority(tallies: &[(usize, Tally)], direction: Direction, limit: usize) -> Vec<usize> {
    let mut scored: Vec<(usize, f64)> = tallies
        .iter()
        .filter_map(|&(statement, t)| {
            let successes = if direction == Direction::Agree { t.agree } else { t.disagree };
            let p = smoothed_proportion(successes, t.seen);
            let z = proportion_z(successes, t.seen);
            (p > 0.5 && z > Z_90).then_some((statement, p * z))
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.into_iter().take(limit).map(|(s, _)| s).collect()
}

/// Group-informed consensus: Π over groups of (A_g + 1)/(S_g + 2) (or with D for disagree).
pub fn group_informed_consensus(per_group: impl Iterator<Item = Tally>, direction: Direction) -> f64 {
    per_group
        .map(|t| smoothed_proportion(if direction == Direction::Agree { t.agree } else { t.disagree }, t.seen))
        .product()
}

/// Pol.is' statement priority from votes summed over groups and the statement's extremity.
pub fn priority(total: Tally, extremity: f64, meta: bool) -> f64 {
    if meta {
        return 49.0;
    }
    let s = f64::from(total.seen);
    let importance =
        (1.0 - (f64::from(total.passes()) + 1.0) / (s + 2.0)) * (extremity + 1.0) * (f64::from(total.agree) + 1.0)
            / (s + 2.0);
    let novelty = 1.0 + 8.0 * 2f64.powf(-s / 5.0);
    (importance * novelty).powi(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(agree: u32, disagree: u32, seen: u32) -> Tally {
        Tally { agree, disagree, seen }
    }

    #[test]
    fn proportions_and_z_by_hand() {
        // (8 + 1)/(10 + 2) = 0.75
        assert_eq!(smoothed_proportion(8, 10), 0.75);
        // 2·√11·(9/11 − ½) = 2·3.31662…·0.31818… = 2.11058…
        assert!((proportion_z(8, 10) - 2.110_579_412).abs() < 1e-8);
        // x1 = 9, n1 = 11, x2 = 3, n2 = 11: p1 − p2 = 6/11, pooled = 12/22, var = (6/11)(5/11)(2/11)
        let expected = (6.0 / 11.0) / ((6.0 / 11.0) * (5.0 / 11.0) * (2.0 / 11.0f64)).sqrt();
        assert!((two_proportion_z(8, 10, 2, 10) - expected).abs() < 1e-12);
        assert_eq!(two_proportion_z(10, 10, 10, 10), 0.0, "pooled proportion 1");
        assert!((upper_tail_p(1.2816) - 0.1).abs() < 1e-4);
        assert!((upper_tail_p(0.0) - 0.5).abs() < 1e-15);
    }

    #[test]
    fn repness_fields_by_hand() {
        let r = Repness::new(4, tally(8, 1, 10), tally(2, 7, 10));
        assert_eq!(r.pa, 0.75);
        assert_eq!(r.pd, 2.0 / 12.0);
        assert!((r.ra - 0.75 / 0.25).abs() < 1e-12);
        assert!((r.rd - (2.0 / 12.0) / (8.0 / 12.0)).abs() < 1e-12);
        assert!(r.passes_by_test());
        assert_eq!(r.direction(), Direction::Agree);
        assert!((r.metric(Direction::Agree) - r.ra * r.rat * r.pa * r.pat).abs() < 1e-12);
    }

    #[test]
    fn gic_and_priority_by_hand() {
        // (3/5)·(1/2) = 0.3
        let gic = group_informed_consensus([tally(2, 1, 3), tally(1, 1, 2)].into_iter(), Direction::Agree);
        assert!((gic - 0.3).abs() < 1e-15);
        // A = 2, D = 1, S = 4 (P = 1), E = 1: importance = (1 − 2/6)·2·(3/6) = 2/3;
        // novelty = 1 + 8·2^(−0.8); priority = (importance·novelty)².
        let expected = (2.0 / 3.0 * (1.0 + 8.0 * 2f64.powf(-0.8))).powi(2);
        assert!((priority(tally(2, 1, 4), 1.0, false) - expected).abs() < 1e-12);
        assert_eq!(priority(tally(2, 1, 4), 1.0, true), 49.0);
        // A new statement (S = 0): ((1 − ½)·1·½·9)² = 2.25² with E = 0.
        assert!((priority(Tally::default(), 0.0, false) - 5.0625).abs() < 1e-12);
    }

    #[test]
    fn majority_needs_more_than_half_and_significance() {
        let tallies = [(0, tally(9, 0, 10)), (1, tally(5, 5, 10)), (2, tally(30, 5, 40)), (3, tally(0, 9, 10))];
        assert_eq!(majority(&tallies, Direction::Agree, 5), vec![2, 0]);
        assert_eq!(majority(&tallies, Direction::Disagree, 5), vec![3]);
        assert_eq!(majority(&tallies, Direction::Agree, 1), vec![2]);
    }

    #[test]
    fn lower_bound_rewards_evidence() {
        // Beta(4, 1): CDF x⁴, so the 5 % quantile is 0.05^(1/4).
        assert!((agreement_lower_bound(3, 0, 0.05) - 0.05f64.powf(0.25)).abs() < 1e-9);
        // Beta(1, 1) is uniform.
        assert!((agreement_lower_bound(0, 0, 0.05) - 0.05).abs() < 1e-9);
        // 10 of 10 agreeing beats 90 of 100 on the smoothed share Pol.is multiplies (11/12 >
        // 91/102), but not on the bound (0.05^(1/11) = 0.762 < about 0.84).
        assert!(smoothed_proportion(10, 10) > smoothed_proportion(90, 100));
        assert!((agreement_lower_bound(10, 0, 0.05) - 0.05f64.powf(1.0 / 11.0)).abs() < 1e-9);
        assert!(agreement_lower_bound(90, 10, 0.05) > agreement_lower_bound(10, 0, 0.05));
    }

    #[test]
    fn benjamini_hochberg_by_hand() {
        // m = 5: thresholds 0.01, 0.02, 0.03, 0.04, 0.05 at level 0.05.
        let p = [0.01, 0.04, 0.03, 0.2, 0.005];
        let (found, q) = benjamini_hochberg(&p, 0.05);
        assert_eq!(found, vec![true, true, true, false, true]);
        // q of the largest p is 0.2; of 0.04 (rank 4) min(0.04·5/4, 0.2) = 0.05.
        assert!((q[3] - 0.2).abs() < 1e-12 && (q[1] - 0.05).abs() < 1e-12);
        assert!((q[4] - 0.025).abs() < 1e-12, "{}", q[4]);
    }

    #[test]
    fn representative_selection_follows_polis() {
        // Statement 0: agree-representative; 1: disagree-representative; 2: neutral.
        let strong_agree = Repness::new(0, tally(18, 1, 20), tally(3, 15, 20));
        let strong_disagree = Repness::new(1, tally(1, 18, 20), tally(14, 3, 20));
        let neutral = Repness::new(2, tally(5, 5, 10), tally(5, 5, 10));
        let chosen = select_representative(&[neutral, strong_disagree, strong_agree], 5);
        let summary: Vec<_> = chosen.iter().map(|r| (r.statement, r.direction)).collect();
        assert_eq!(summary, vec![(0, Direction::Agree), (1, Direction::Disagree)]);
        assert_eq!((chosen[0].successes, chosen[0].trials), (18, 20));
        // Nothing qualifies: the best agree stands alone.
        let chosen = select_representative(&[neutral, Repness::new(3, tally(7, 2, 10), tally(6, 3, 10))], 5);
        assert_eq!(chosen.len(), 1);
        assert_eq!(chosen[0].statement, 3);
        // Nothing at all voted: the largest test statistic.
        let chosen = select_representative(&[Repness::new(5, tally(0, 0, 0), tally(0, 0, 0))], 5);
        assert_eq!(chosen.len(), 1);
        assert!(select_representative(&[], 5).is_empty());
    }
}
