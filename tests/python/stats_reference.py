"""SciPy's answers for the statistics crate's tests (crates/stats/tests/it).

Reads one JSON object on standard input and prints one on standard output:

    {"signed_rank": [{"changes": [...], "method": "exact" | "permutation"}, ...],
     "nct_cdf": [[t, df, ncp], ...],
     "nct_interval": [[t, df, level], ...],
     "mean_interval": [[changes...], ...]}

signed_rank: for each sample of changes (after - before), the p-values for "two-sided",
"greater" and "less" of
- "exact": scipy.stats.wilcoxon(changes, zero_method="wilcox", method="exact");
- "permutation": the permutation test over the signs, enumerated in full, that
  scipy.stats.wilcoxon runs with method=stats.PermutationMethod() (what its method="auto"
  chooses when there are ties or zeros and at most 13 pairs). wilcoxon hands
  stats.permutation_test a statistic that is not vectorised, which takes seconds a sample; the
  same permutation_test is run here with the statistic vectorised: W+ = the sum of the ranks of
  the positive changes, the ranks (mean ranks for ties, zeros dropped) being those of |change|,
  which flipping signs leaves as they are. The first samples are also run through
  scipy.stats.wilcoxon itself and must agree exactly, so the shortcut is checked every run.

nct_cdf: scipy.stats.nct.cdf(t, df, ncp), or null where SciPy gives NaN (far in a tail, where
its algorithm does not converge).

nct_interval: the noncentralities at which nct.cdf(t, df, ncp) equals (1 + level) / 2 and
(1 - level) / 2, found by scipy.optimize.brentq to 1e-13 within a bracket widened one unit at a
time from t - 1 and t + 1 (the distribution function falls as the noncentrality grows).

mean_interval: for each sample of changes, scipy.stats.t.interval(0.95, n - 1, loc=mean,
scale=scipy.stats.sem(changes)).
"""

import json
import math
import sys

import numpy as np
from scipy import optimize, stats


ALTERNATIVES = ("two-sided", "greater", "less")

# How many permutation samples are also run through scipy.stats.wilcoxon itself.
CROSS_CHECKED = 3


def wilcoxon(changes, method):
    return {
        alternative: float(stats.wilcoxon(changes, zero_method="wilcox", alternative=alternative, method=method).pvalue)
        for alternative in ALTERNATIVES
    }


def sign_permutation(changes):
    magnitudes = np.abs(changes)
    ranks = np.where(magnitudes > 0, stats.rankdata(np.where(magnitudes > 0, magnitudes, np.nan), nan_policy="omit"), 0.0)

    def positive_rank_sum(d, axis):
        return np.sum(ranks * (d > 0), axis=axis)

    return {
        alternative: float(
            stats.permutation_test(
                (changes,),
                positive_rank_sum,
                permutation_type="samples",
                n_resamples=np.inf,
                vectorized=True,
                alternative=alternative,
            ).pvalue
        )
        for alternative in ALTERNATIVES
    }


def signed_rank(samples):
    answers = []
    checked = 0
    for sample in samples:
        changes = np.asarray(sample["changes"], dtype=float)
        if sample["method"] == "exact":
            answers.append(wilcoxon(changes, "exact"))
            continue
        answer = sign_permutation(changes)
        if checked < CROSS_CHECKED:
            checked += 1
            direct = wilcoxon(changes, stats.PermutationMethod(n_resamples=np.inf))
            if direct != answer:
                raise AssertionError(f"the vectorised permutation test {answer} is not wilcoxon's {direct}")
        answers.append(answer)
    return answers


def nct_cdf(t, df, ncp):
    value = float(stats.nct.cdf(t, df, ncp))
    return None if math.isnan(value) else value


def nct_interval(t, df, level):
    def at(target):
        def above(ncp):
            return stats.nct.cdf(t, df, ncp) - target

        low, high = t - 1.0, t + 1.0
        while above(low) < 0:
            low -= 1.0
        while above(high) > 0:
            high += 1.0
        return optimize.brentq(above, low, high, xtol=1e-13)

    return [at((1 + level) / 2), at((1 - level) / 2)]


def mean_interval(changes):
    changes = np.asarray(changes, dtype=float)
    low, high = stats.t.interval(0.95, len(changes) - 1, loc=changes.mean(), scale=stats.sem(changes))
    return [float(low), float(high)]


def main():
    request = json.load(sys.stdin)
    answer = {
        "signed_rank": signed_rank(request.get("signed_rank", [])),
        "nct_cdf": [nct_cdf(t, df, ncp) for t, df, ncp in request.get("nct_cdf", [])],
        "nct_interval": [nct_interval(t, df, level) for t, df, level in request.get("nct_interval", [])],
        "mean_interval": [mean_interval(changes) for changes in request.get("mean_interval", [])],
    }
    json.dump(answer, sys.stdout, allow_nan=False)


if __name__ == "__main__":
    sys.exit(main())
