//! Traceable copies of a released readout.
//!
//! Each recipient of a readout gets their own copy. The copy reads exactly like the original, but
//! at every *variable site* — a place the text can be written in equivalent ways that a person
//! retyping it would keep — it shows the alternative a keyed code chose for that copy:
//!
//! - spelling conventions: organisation / organization, programme / program, co-operation /
//!   cooperation, groundwater / ground water;
//! - number style: twelve / 12 (and six hours / 6 hours: digits for one to nine only with a
//!   unit), 30 per cent / 30 percent / 30%, 14 March 2025 / March 14, 2025 / 14th March 2025,
//!   2,000 / 2000, €240,000 / EUR 240,000, Track Two / Track II / Track 2;
//! - punctuation that carries no meaning: the serial comma, the comma after a short opening phrase
//!   or before a conjunction, spaced en dashes / em dashes / brackets around a phrase, a colon or a
//!   dash before an explanation, quote style, "e.g." / "for example";
//! - only when the convener enables wording variants for the readout: equivalent wordings from a
//!   small curated table ("must" / "will have to", "agreed that" / "concurred that",
//!   "however," / "but", "about 40" / "around 40", …), contractions, and the order of pairs the
//!   convener declares free ("the Vale and the Coast" / "the Coast and the Vale").
//!
//! Invisible characters and spacing are not used: they do not survive retyping. The visible copy
//! mark ([`copy_mark`]) is for the renderer's running head or foot and never enters the body.
//! Choices are kept consistent where a reader would notice a mix: one convention per sentence
//! (all its -ise words, all its numbers), one spelling per word per paragraph.
//!
//! Which copy shows which alternative is set by a code over the sites in reading order: the
//! simplex code of length 15 laid along an m-sequence, under a keyed mask and keyed assignments.
//! Any two of the first 31 copies differ at 3 or more of every 10 consecutive sites, so even a
//! short passage separates them; the unmarked original and the copies made under any other key
//! differ from them at about half the sites, at random. A readout whose copies share text with
//! another readout's should have a passage traced against both.
//!
//! [`trace`] takes a leaked passage (pasted or retyped, with light edits), locates it in the
//! readout by a fuzzy alignment over tokens, reads the alternatives it shows at the sites it
//! covers, and weighs the sources it may come from by the likelihood of what was seen. It names a
//! copy only when that copy's posterior probability reaches [`CONFIDENCE_REQUIRED`].
//!
//! The weighing is Bayesian. The hypotheses are: the passage comes from copy *c* (for each listed
//! copy), from the unmarked original, or from a source whose choices are unknown; their priors are
//! [`PRIOR_UNMARKED_ORIGINAL`], [`PRIOR_UNKNOWN_SOURCE`] and the rest shared equally by the copies.
//! Against the unknown source, a site where the passage shows the form a hypothesis predicts
//! multiplies that hypothesis' likelihood by (1 − p)·k (k alternatives), a site where it shows
//! another form by p·k/(k − 1), where p is the chance that a retyper changes a site of its kind
//! (set from simulated light edits). Sites the passage does not show, or shows mangled, count for
//! nothing.
//!
//! **Invariant:** pure and deterministic. No I/O, no clock, no randomness: every choice derives
//! from the readout's key by HMAC-SHA-256, so the same text, options and key give the same copies.

mod align;
mod code;
mod sites;
mod tables;
mod text;

use std::fmt;

use zeroize::Zeroize;

use crate::align::Template;
use crate::code::Chooser;

/// A readout's body text, paragraph by paragraph, as released.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadoutText {
    pub paragraphs: Vec<String>,
}

impl ReadoutText {
    /// Paragraphs separated by blank lines.
    pub fn from_plain(text: &str) -> Self {
        let paragraphs = text
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect();
        ReadoutText { paragraphs }
    }

    /// The paragraphs joined by blank lines.
    pub fn to_plain(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// How a readout's copies are fingerprinted. Keep it with the readout: tracing needs the same
/// options and key that made the copies.
pub struct Fingerprinting {
    /// The readout's secret key: it decides which alternative each copy shows at each site.
    pub key: [u8; 32],
    /// Whether copies may differ in wording as well as in spelling, number style and punctuation.
    pub wording_variants: bool,
    /// Pairs of phrases whose order the convener declares free ("the Vale", "the Coast"); their
    /// order varies only with wording variants on. Name order can matter in a dispute, so nothing
    /// is reordered that is not listed here.
    pub free_order_pairs: Vec<(String, String)>,
}

impl Fingerprinting {
    pub fn new(key: [u8; 32], wording_variants: bool) -> Self {
        Fingerprinting { key, wording_variants, free_order_pairs: Vec::new() }
    }
}

impl fmt::Debug for Fingerprinting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fingerprinting")
            .field("key", &"[redacted]")
            .field("wording_variants", &self.wording_variants)
            .field("free_order_pairs", &self.free_order_pairs.len())
            .finish()
    }
}

impl Drop for Fingerprinting {
    fn drop(&mut self) {
        self.key.zeroize();
    }
}

/// A copy's number among the readout's copies (1 for the first recipient, and so on).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CopyId(pub u32);

/// What a variable site varies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SiteClass {
    Spelling,
    Number,
    Punctuation,
    /// Present only with wording variants on.
    Wording,
}

/// One variable site, for showing a convener what the copies of a readout vary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariableSite {
    pub class: SiteClass,
    /// The original's text at the site; a site with several places (a pair of dashes, the numbers
    /// of one sentence) joins them with " … ".
    pub original: String,
    /// Every alternative a copy may show, written the same way.
    pub alternatives: Vec<String>,
}

/// The outcome of tracing a passage.
#[derive(Clone, Debug, PartialEq)]
pub enum TraceResult {
    /// The passage is from this copy with posterior probability `confidence`, judged on
    /// `sites_seen` sites.
    Copy {
        copy: CopyId,
        confidence: f64,
        sites_seen: usize,
    },
    NotMatching {
        reason: NotMatchingReason,
    },
}

/// Why a passage was not traced to a copy.
#[derive(Clone, Debug, PartialEq)]
pub enum NotMatchingReason {
    /// No copies were given to choose among.
    NoCopies,
    /// Fewer than [`MIN_PASSAGE_WORDS`] words: too little to place in the readout.
    TooShort { words: usize },
    /// The passage has more words and marks (`tokens`) than can be aligned with this readout in
    /// bounded memory (`most`): a part of it can be traced.
    TooLong { tokens: usize, most: usize },
    /// The passage does not align with the readout: more than [`ALIGNMENT_ERROR_LIMIT`] of it
    /// would have to be edited.
    NotFromThisReadout { alignment_error: f64 },
    /// The passage is from the readout but covers no variable site.
    NoVariableSites,
    /// No copy reaches [`CONFIDENCE_REQUIRED`]: the passage may come from no listed copy (the
    /// original, another readout's copy), or show too few sites to tell copies apart.
    NoClearCopy { best: CopyId, confidence: f64, sites_seen: usize },
    /// The passage shows the original's own forms: it comes from the unmarked original (or a
    /// text made from it), not from a copy.
    UnmarkedOriginal { confidence: f64, sites_seen: usize },
}

impl fmt::Display for NotMatchingReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotMatchingReason::NoCopies => write!(f, "no copies to compare with"),
            NotMatchingReason::TooShort { words } => {
                write!(f, "the passage has {words} words; at least {MIN_PASSAGE_WORDS} are needed")
            }
            NotMatchingReason::TooLong { tokens, most } => write!(
                f,
                "the passage is too long to trace against this readout ({tokens} words and marks; at most {most}): trace a part of it"
            ),
            NotMatchingReason::NotFromThisReadout { alignment_error } => write!(
                f,
                "the passage does not come from this readout ({:.0} % of it differs)",
                alignment_error * 100.0
            ),
            NotMatchingReason::NoVariableSites => write!(f, "the passage covers no variable site"),
            NotMatchingReason::UnmarkedOriginal { confidence, sites_seen } => write!(
                f,
                "the passage shows the unmarked original's forms (probability {confidence:.2} on {sites_seen} sites), not a copy's"
            ),
            NotMatchingReason::NoClearCopy { best, confidence, sites_seen } => write!(
                f,
                "no copy is clearly the source: the likeliest, copy {}, has probability {:.2} on {sites_seen} sites",
                best.0, confidence
            ),
        }
    }
}

/// A passage shorter than this many words is not traced.
pub const MIN_PASSAGE_WORDS: usize = 5;

/// The largest share of a passage's alignment cost (edits over the cost of the whole passage)
/// that still counts as "from this readout". Light edits of three sentences cost under 0.1; text
/// from elsewhere costs over 0.6 (see the calibration tests).
pub const ALIGNMENT_ERROR_LIMIT: f64 = 0.3;

/// Prior probability that a passage from the readout's text comes from the unmarked original
/// (the convening team's own text, a draft) rather than from a copy. Its forms are known — the
/// text's own — so it is weighed like one more copy.
pub const PRIOR_UNMARKED_ORIGINAL: f64 = 0.05;

/// Prior probability that the passage comes from a source whose choices are unknown: a copy not
/// listed, a copy of another readout that shares this text (under another key). Its
/// forms are as likely as not to agree with any listed copy's.
pub const PRIOR_UNKNOWN_SOURCE: f64 = 0.1;

/// The posterior probability a copy must reach to be named.
pub const CONFIDENCE_REQUIRED: f64 = 0.95;

/// How many variable sites a copy of `text` carries under `how` (a site with k alternatives
/// carries log2 k bits).
pub fn variable_sites(text: &ReadoutText, how: &Fingerprinting) -> usize {
    sites::find_sites(text, how).len()
}

/// The variable sites of `text` under `how`, in reading order.
pub fn describe_sites(text: &ReadoutText, how: &Fingerprinting) -> Vec<VariableSite> {
    sites::find_sites(text, how)
        .iter()
        .map(|site| {
            let original = site
                .slots
                .iter()
                .map(|slot| text.paragraphs[slot.paragraph][slot.start..slot.end].trim())
                .collect::<Vec<_>>()
                .join(" … ");
            let alternatives = (0..site.arity())
                .map(|a| site.slots.iter().map(|slot| slot.forms[a].trim()).collect::<Vec<_>>().join(" … "))
                .collect();
            VariableSite { class: site.kind.class(), original, alternatives }
        })
        .collect()
}

/// The body text of copy `copy`: the original with every variable site set to the copy's choice.
pub fn make_copy(text: &ReadoutText, how: &Fingerprinting, copy: CopyId) -> ReadoutText {
    let sites = sites::find_sites(text, how);
    let chooser = Chooser::new(&how.key);
    let mut edits: Vec<Vec<(usize, usize, &str)>> = vec![Vec::new(); text.paragraphs.len()];
    for (s, site) in sites.iter().enumerate() {
        let choice = chooser.choice(copy, s, site.arity(), site.original_choice(text));
        for slot in &site.slots {
            edits[slot.paragraph].push((slot.start, slot.end, slot.forms[choice].as_str()));
        }
    }
    let paragraphs = text
        .paragraphs
        .iter()
        .zip(edits)
        .map(|(paragraph, mut edits)| {
            edits.sort_by_key(|&(start, ..)| start);
            let mut out = String::with_capacity(paragraph.len() + 16);
            let mut at = 0;
            for (start, end, form) in edits {
                out.push_str(&paragraph[at..start]);
                out.push_str(form);
                at = end;
            }
            out.push_str(&paragraph[at..]);
            out
        })
        .collect();
    ReadoutText { paragraphs }
}

/// The visible mark of a copy, for the renderer's running head or foot: "Copy 3 of 20 — for …".
/// The label is flattened to one line.
pub fn copy_mark(copy: CopyId, of: u32, recipient_label: &str) -> String {
    let label: String = recipient_label.chars().filter(|c| !c.is_control() || c.is_whitespace()).collect();
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("Copy {} of {} \u{2014} for {}", copy.0, of, label)
}

/// Traces `leaked` to the copy of `original` (fingerprinted with `how`) it most likely comes from,
/// among `copies`.
pub fn trace(leaked: &str, original: &ReadoutText, how: &Fingerprinting, copies: &[CopyId]) -> TraceResult {
    let not_matching = |reason| TraceResult::NotMatching { reason };
    let mut candidates: Vec<CopyId> = Vec::with_capacity(copies.len());
    for copy in copies {
        if !candidates.contains(copy) {
            candidates.push(*copy);
        }
    }
    if candidates.is_empty() {
        return not_matching(NotMatchingReason::NoCopies);
    }
    let words = text::tokenize(leaked).iter().filter(|t| t.is_word()).count();
    if words < MIN_PASSAGE_WORDS {
        return not_matching(NotMatchingReason::TooShort { words });
    }
    let sites = sites::find_sites(original, how);
    let reading = Template::build(original, &sites).read(leaked);
    if let Some((tokens, most)) = reading.too_long {
        return not_matching(NotMatchingReason::TooLong { tokens, most });
    }
    if reading.alignment_error > ALIGNMENT_ERROR_LIMIT {
        return not_matching(NotMatchingReason::NotFromThisReadout { alignment_error: reading.alignment_error });
    }
    let informative: Vec<_> = reading
        .observations
        .iter()
        .filter(|o| {
            let all = (1u64 << sites[o.site].arity()) - 1;
            o.compatible & all != all
        })
        .collect();
    if informative.is_empty() {
        return not_matching(NotMatchingReason::NoVariableSites);
    }
    let chooser = Chooser::new(&how.key);
    let score = |choice_at: &dyn Fn(usize, usize) -> Option<usize>| -> f64 {
        informative
            .iter()
            .map(|o| {
                let site = &sites[o.site];
                match choice_at(o.site, site.arity()) {
                    Some(choice) => log_likelihood_ratio(o.compatible, choice, site.arity(), site.kind.error_rate()),
                    None => 0.0,
                }
            })
            .sum()
    };
    let original_choices: Vec<Option<usize>> = sites.iter().map(|site| site.original_choice(original)).collect();
    let copy_scores: Vec<f64> = candidates
        .iter()
        .map(|&copy| score(&|s, arity| Some(chooser.choice(copy, s, arity, original_choices[s]))))
        .collect();
    let original_score = score(&|s, _| original_choices[s]);
    let posterior = Posterior::new(&copy_scores, original_score);
    let sites_seen = informative.len();
    let (best, confidence) = posterior.best_copy();
    if confidence >= CONFIDENCE_REQUIRED {
        TraceResult::Copy { copy: candidates[best], confidence, sites_seen }
    } else if posterior.original > 0.5 {
        not_matching(NotMatchingReason::UnmarkedOriginal { confidence: posterior.original, sites_seen })
    } else {
        not_matching(NotMatchingReason::NoClearCopy { best: candidates[best], confidence, sites_seen })
    }
}

/// ln P(seen | the copy chose `choice`) − ln P(seen | no listed copy).
///
/// The retyper keeps the copy's form with probability 1 − p and otherwise types one of the other
/// forms, each equally likely; `compatible` is the set of forms the passage's text fits. With no
/// listed copy as the source, every form is equally likely.
fn log_likelihood_ratio(compatible: u64, choice: usize, arity: usize, p: f64) -> f64 {
    let k = arity as f64;
    let fits = f64::from(compatible.count_ones());
    let given_copy =
        if compatible & (1 << choice) != 0 { (1.0 - p) + p / (k - 1.0) * (fits - 1.0) } else { p / (k - 1.0) * fits };
    let given_none = fits / k;
    (given_copy / given_none).ln()
}

/// Posterior probabilities of the sources, from each hypothesis' log-likelihood ratio against the
/// unknown source.
struct Posterior {
    copies: Vec<f64>,
    original: f64,
}

impl Posterior {
    fn new(copy_scores: &[f64], original_score: f64) -> Self {
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
        }
    }

    /// The likeliest copy (the first of equals) and its posterior probability.
    fn best_copy(&self) -> (usize, f64) {
        self.copies
            .iter()
            .copied()
            .enumerate()
            .fold((0, f64::NEG_INFINITY), |acc, (i, p)| if p > acc.1 { (i, p) } else { acc })
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
}

/// The simulated leaks of the integration tests, run against the engine's internals: they set
/// the error rates and the alignment limit.
#[cfg(test)]
extern crate self as tracktwo_trace;

#[cfg(test)]
#[path = "../tests/support/mod.rs"]
mod support;

#[cfg(test)]
mod calibration {
    use std::collections::BTreeMap;

    use rand::rngs::ChaCha8Rng;
    use rand::{RngExt, SeedableRng};

    use super::support::{self, Leak};
    use super::*;
    use crate::sites::Kind;

    /// Leaks of three sentences from random copies, with the engine's reading of each.
    fn leaks(wording_variants: bool, trials: usize, seed: u64) -> Vec<(CopyId, String)> {
        let original = support::readout();
        let how = support::fingerprinting(wording_variants);
        let copies: Vec<Vec<String>> =
            support::copy_ids().iter().map(|&c| support::sentences(&make_copy(&original, &how, c))).collect();
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        (0..trials)
            .map(|t| {
                let c = rng.random_range(0..copies.len());
                let first = rng.random_range(0..=copies[c].len() - 3);
                let leak = if t % 2 == 0 { Leak::Pasted } else { Leak::Retyped };
                (CopyId(c as u32 + 1), support::retype(&copies[c][first..first + 3].join(" "), leak, &mut rng))
            })
            .collect()
    }

    #[test]
    fn modelled_error_rates_are_above_the_simulated_ones() {
        for wording in [false, true] {
            let original = support::readout();
            let how = support::fingerprinting(wording);
            let sites = sites::find_sites(&original, &how);
            let template = Template::build(&original, &sites);
            let chooser = Chooser::new(&how.key);
            // Per kind of site: sites the passages showed, and how many showed another form than their copy's.
            let mut counts: BTreeMap<&'static str, (Kind, usize, usize)> = BTreeMap::new();
            for (copy, leaked) in leaks(wording, 400, 99) {
                for o in template.read(&leaked).observations {
                    let site = &sites[o.site];
                    let all = (1u64 << site.arity()) - 1;
                    if o.compatible & all == all {
                        continue;
                    }
                    let name = match site.kind {
                        Kind::Spelling => "spelling",
                        Kind::Number => "number",
                        Kind::Mark => "mark",
                        Kind::Comma => "comma",
                        Kind::Wording => "wording",
                        Kind::Order => "order",
                    };
                    let entry = counts.entry(name).or_insert((site.kind, 0, 0));
                    entry.1 += 1;
                    let choice = chooser.choice(copy, o.site, site.arity(), site.original_choice(&original));
                    if o.compatible & (1 << choice) == 0 {
                        entry.2 += 1;
                    }
                }
            }
            for (name, (kind, seen, changed)) in counts {
                let measured = changed as f64 / seen as f64;
                println!(
                    "wording variants {wording}: {name}: {changed} of {seen} sites changed ({measured:.3}), modelled {}",
                    kind.error_rate()
                );
                assert!(seen >= 30, "too few {name} sites to judge");
                assert!(
                    measured <= kind.error_rate(),
                    "{name}: measured {measured:.3} above the model's {}",
                    kind.error_rate()
                );
            }
        }
    }

    #[test]
    fn alignment_limit_separates_leaks_from_other_text() {
        let original = support::readout();
        let how = support::fingerprinting(true);
        let template = Template::build(&original, &sites::find_sites(&original, &how));
        let worst_leak = leaks(true, 300, 5).iter().map(|(_, l)| template.read(l).alignment_error).fold(0.0, f64::max);
        let mut rng = ChaCha8Rng::seed_from_u64(6);
        let other = support::sentences(&ReadoutText::from_plain(support::OTHER_READOUT));
        let own = support::sentences(&original);
        let mut best_foreign = f64::INFINITY;
        for _ in 0..300 {
            let first = rng.random_range(0..=other.len() - 3);
            best_foreign = best_foreign.min(template.read(&other[first..first + 3].join(" ")).alignment_error);
            let first = rng.random_range(0..=own.len() - 3);
            let reworded = support::reword(&own[first..first + 3].join(" "), &mut rng);
            best_foreign = best_foreign.min(template.read(&reworded).alignment_error);
        }
        println!("alignment error: worst leak {worst_leak:.3}, best foreign text {best_foreign:.3}");
        assert!(worst_leak < ALIGNMENT_ERROR_LIMIT / 2.0);
        assert!(best_foreign > ALIGNMENT_ERROR_LIMIT * 1.5);
    }

    #[test]
    fn distinct_copies_differ_at_about_half_the_sites() {
        let original = support::readout();
        for wording in [false, true] {
            let how = support::fingerprinting(wording);
            let sites = sites::find_sites(&original, &how);
            let chooser = Chooser::new(&how.key);
            let choices: Vec<Vec<usize>> = (1..=support::COPIES)
                .map(|c| {
                    sites
                        .iter()
                        .enumerate()
                        .map(|(s, site)| chooser.choice(CopyId(c), s, site.arity(), site.original_choice(&original)))
                        .collect()
                })
                .collect();
            let originals: Vec<Option<usize>> = sites.iter().map(|s| s.original_choice(&original)).collect();
            for (i, a) in choices.iter().enumerate() {
                let from_original = a.iter().zip(&originals).filter(|(c, o)| Some(**c) != **o).count();
                let share = from_original as f64 / sites.len() as f64;
                assert!((0.3..=0.7).contains(&share), "copy {} differs from the original at {share:.2}", i + 1);
                for b in &choices[i + 1..] {
                    let share = a.iter().zip(b).filter(|(x, y)| x != y).count() as f64 / sites.len() as f64;
                    assert!((0.4..=1.0).contains(&share), "{share:.2}");
                }
            }
        }
    }
}
