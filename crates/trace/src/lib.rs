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
//! Which copy shows which alternative is set by a code over the sites in reading order, under the
//! readout's key; the scheme is kept with the readout ([`CodeScheme`]), since a copy traces only
//! under the scheme that made it. The separated code, for new readouts, deals each site's forms
//! evenly among the first 32 copies and trades them so that any two copies, and each copy and the
//! unmarked original, differ over every few consecutive sites (two of every eight, in the tests),
//! weighing a difference by what it tells; the simplex code, of readouts released before it, laid
//! the simplex code of length 15 along an m-sequence (3 differences in every 10 consecutive binary
//! sites among 31 copies). The separated code over more sites is the separated code over a few
//! more sites where wording variants are on (third forms for some wordings, a few more wordings,
//! the "that" of a second reported clause); the separated code over further sites, the latest,
//! adds to those more forms for some wordings and dates and a modal or a "to" repeated after
//! "and" that may go. The sites of the earlier schemes are found exactly as they were. Copies made under any other key differ from a readout's copies at
//! random. A readout whose copies share text with another readout's should have a passage traced
//! against both.
//!
//! [`trace`] takes a leaked passage as leaks appear — pasted or retyped with light edits and typos,
//! excerpts from several places with or without "…", sentences in another order, quotations
//! inside a journalist's framing — and finds its pieces in the readout by local alignment, each
//! wherever it sits, leaving aside text that matches nothing. It reads the alternatives every
//! piece shows at the sites it covers and weighs the sources the passage may come from by the
//! likelihood of what was seen. Its verdict is one of three: *from copy N*, when that copy's
//! posterior probability reaches [`CONFIDENCE_REQUIRED`], with the sites that decided; *from this
//! readout, copy not determined*, with the likeliest copies and roughly how much more text would
//! decide; *not from this readout*, only when no piece matches beyond chance
//! ([`PIECE_SCORE_REQUIRED`], [`WHOLE_SENTENCE_SHARE`]). Text that is in the readout is never
//! called "not from this readout".
//!
//! The weighing is Bayesian. The hypotheses are: the passage comes from copy *c* (for each listed
//! copy), from the unmarked original, or from a source whose choices are unknown; their priors are
//! [`PRIOR_UNMARKED_ORIGINAL`], [`PRIOR_UNKNOWN_SOURCE`] and the rest shared equally by the copies.
//! Against the unknown source, a site where the passage shows the form a hypothesis predicts
//! multiplies that hypothesis' likelihood by (1 − p)·k (k alternatives), a site where it shows
//! another form by p·k/(k − 1), where p is the chance that a retyper changes a site of its kind
//! (set from simulated light edits). A site's word with one slip in it (a typo, a letter OCR
//! misread) is read as the form it is one slip from, when it is one slip from only one; sites the
//! passage does not show, or shows otherwise mangled, count for nothing.
//!
//! **Invariant:** pure and deterministic. No I/O, no clock, no randomness: every choice derives
//! from the readout's key by HMAC-SHA-256, so the same text, options and key give the same copies.

mod align;
mod code;
mod reach;
mod sites;
mod tables;
mod text;
mod weigh;

use std::fmt;

use zeroize::Zeroize;

use crate::align::Template;
use crate::code::Chooser;
pub use crate::reach::{REACH_LENGTHS, Reach, Traceability, traceability};

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
    /// The code that sets which copy shows which alternative: the one in force when the copies
    /// were issued.
    pub scheme: CodeScheme,
}

impl Fingerprinting {
    /// Options for new copies: the current code scheme ([`CodeScheme::LATEST`]).
    pub fn new(key: [u8; 32], wording_variants: bool) -> Self {
        Fingerprinting { key, wording_variants, free_order_pairs: Vec::new(), scheme: CodeScheme::LATEST }
    }
}

/// Which code sets each copy's alternative at each site. A copy traces only under the scheme it
/// was made with, so a readout keeps the scheme in force at its release.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeScheme {
    /// The simplex code of length 15 along an m-sequence: any two of the first 31 copies differ
    /// at 3 or more of every 10 consecutive sites. Readouts released before the separated code.
    Simplex,
    /// The separated code: every site's forms dealt evenly among the first 32 copies, then traded
    /// to keep the copies (and the unmarked original) apart over every few consecutive sites,
    /// counting what each difference tells; two sentences name their copy more often.
    Separated,
    /// The separated code over more sites where wording variants are on: third forms for some
    /// wordings ("before the next" / "ahead of the next" / "prior to the next"), a few more
    /// equivalent wordings ("the fall in" / "the drop in" / "the decline in", "its effect on" /
    /// "its impact on"), "salt water" / "saltwater", and the "that" of a second reported clause
    /// ("…, and that three dry years" / "…, and three dry years"). With wording variants off its
    /// copies are those of [`CodeScheme::Separated`].
    SeparatedMoreSites,
    /// The separated code over further sites where wording variants are on: those of
    /// [`CodeScheme::SeparatedMoreSites`], a third form for a few more wordings ("took part" /
    /// "attended" / "participated", "these questions" / "these issues" / "these matters"), a
    /// fourth date style ("March 14th, 2025"), and a repeated modal after "and" that may go
    /// ("will meet …, and will report" / "will meet …, and report"). With wording variants off
    /// its copies are those of [`CodeScheme::Separated`].
    SeparatedFurtherSites,
}

impl CodeScheme {
    /// The scheme new copies are made with.
    pub const LATEST: CodeScheme = CodeScheme::SeparatedFurtherSites;

    /// Whether the scheme finds the sites added with [`CodeScheme::SeparatedMoreSites`]: those
    /// of readouts released before it stay as they were, or their copies would no longer trace.
    pub(crate) fn more_sites(self) -> bool {
        match self {
            CodeScheme::Simplex | CodeScheme::Separated => false,
            CodeScheme::SeparatedMoreSites | CodeScheme::SeparatedFurtherSites => true,
        }
    }

    /// Whether the scheme finds the sites added with [`CodeScheme::SeparatedFurtherSites`], on top
    /// of those of [`CodeScheme::SeparatedMoreSites`].
    pub(crate) fn further_sites(self) -> bool {
        match self {
            CodeScheme::Simplex | CodeScheme::Separated | CodeScheme::SeparatedMoreSites => false,
            CodeScheme::SeparatedFurtherSites => true,
        }
    }
}

impl fmt::Debug for Fingerprinting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fingerprinting")
            .field("key", &"[redacted]")
            .field("wording_variants", &self.wording_variants)
            .field("free_order_pairs", &self.free_order_pairs.len())
            .field("scheme", &self.scheme)
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

/// The outcome of tracing a passage: one of three verdicts — from a copy, from this readout with
/// the copy not determined, not from this readout — or why no verdict could be given.
#[derive(Clone, Debug, PartialEq)]
pub enum TraceResult {
    /// The passage comes from this copy: its posterior probability reached [`CONFIDENCE_REQUIRED`].
    Copy(FromCopy),
    /// Some of the passage matches this readout beyond chance, but no copy reached
    /// [`CONFIDENCE_REQUIRED`].
    FromReadout(CopyUndetermined),
    /// No piece of the passage matches this readout beyond chance.
    NotFromReadout {
        /// The words of the passage's best match with the readout, a chance match.
        longest_match_words: usize,
    },
    /// No verdict: nothing to compare with, or a passage too short or too long to judge.
    NotTraced { reason: NotTracedReason },
}

/// The verdict "from copy N".
#[derive(Clone, Debug, PartialEq)]
pub struct FromCopy {
    pub copy: CopyId,
    /// The copy's posterior probability.
    pub confidence: f64,
    /// The variable sites the passage showed readably.
    pub sites_seen: usize,
    /// The sites where the passage shows this copy's form, those that rule out the most other
    /// copies first.
    pub deciding_sites: Vec<SiteSeen>,
    pub pieces: Vec<MatchedPiece>,
}

/// The verdict "from this readout, copy not determined".
#[derive(Clone, Debug, PartialEq)]
pub struct CopyUndetermined {
    /// The likeliest copies with their posterior probabilities, likeliest first: the first always,
    /// the next two if above 1 %.
    pub likeliest: Vec<(CopyId, f64)>,
    /// The probability that the passage comes from the unmarked original (the convening team's own
    /// text), not from a copy.
    pub unmarked_original: f64,
    pub sites_seen: usize,
    /// Roughly how many more variable sites of the same text would name the likeliest copy, if it
    /// is the source; 0 when the passage shows the unmarked original's forms.
    pub more_sites_needed: usize,
    /// The same in sentences of this readout, at its rate of sites per sentence.
    pub more_sentences_needed: usize,
    pub pieces: Vec<MatchedPiece>,
}

/// A piece of the passage that matches the readout beyond chance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchedPiece {
    /// Where it is in the passage, in bytes.
    pub bytes: std::ops::Range<usize>,
    pub words: usize,
    /// The readout's paragraph where it starts, counting from 1.
    pub paragraph: usize,
}

/// A variable site as a passage showed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteSeen {
    pub class: SiteClass,
    /// The form shown (several places of one site joined by " … ").
    pub shown: String,
    /// The site's other forms, which other copies show.
    pub other_forms: Vec<String>,
}

/// Why a passage got no verdict.
#[derive(Clone, Debug, PartialEq)]
pub enum NotTracedReason {
    /// No copies were given to choose among.
    NoCopies,
    /// Fewer than [`MIN_PASSAGE_WORDS`] words: too little to place in the readout.
    TooShort { words: usize },
    /// The passage has more words and marks (`tokens`) than can be aligned with this readout in
    /// bounded memory (`most`): a part of it can be traced.
    TooLong { tokens: usize, most: usize },
}

impl fmt::Display for NotTracedReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotTracedReason::NoCopies => write!(f, "no copies to compare with"),
            NotTracedReason::TooShort { words } => {
                write!(f, "the passage has {words} words; at least {MIN_PASSAGE_WORDS} are needed")
            }
            NotTracedReason::TooLong { tokens, most } => write!(
                f,
                "the passage is too long to trace against this readout ({tokens} words and marks; at most {most}): trace a part of it"
            ),
        }
    }
}

/// A passage shorter than this many words is not traced.
pub const MIN_PASSAGE_WORDS: usize = 5;

/// A piece of the passage scoring this much against the readout matches it beyond chance, as does
/// any piece that matches most of a sentence of the readout ([`WHOLE_SENTENCE_SHARE`]). The score
/// counts 3 for each word matched exactly, 1 for each mark, less for edits. Set at twice the most
/// that pieces of another readout reach (18, boilerplate such as "were held under the Chatham
/// House Rule" included, in the calibration tests); three lightly edited sentences of a copy
/// score 97 or more there.
pub const PIECE_SCORE_REQUIRED: i32 = 36;

/// A piece that matches this share or more of the fixed tokens (those no site varies) of one
/// sentence of the readout, of five words or more, matches it beyond chance whatever its score.
/// Set at three times the most that pieces of another readout reach (0.17, in the calibration
/// tests); a single sentence of a copy with light edits reaches it every time there.
pub const WHOLE_SENTENCE_SHARE: f64 = 0.5;

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
            VariableSite { class: site.kind.class(), original, alternatives: alternatives_of(site) }
        })
        .collect()
}

/// The body text of copy `copy`: the original with every variable site set to the copy's choice.
pub fn make_copy(text: &ReadoutText, how: &Fingerprinting, copy: CopyId) -> ReadoutText {
    let sites = sites::find_sites(text, how);
    let chooser = Chooser::new(text, how, &sites);
    let mut edits: Vec<Vec<(usize, usize, &str)>> = vec![Vec::new(); text.paragraphs.len()];
    for (s, site) in sites.iter().enumerate() {
        let choice = chooser.choice(copy, s);
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
///
/// The passage is matched piece by piece, wherever each piece sits in the readout and in any
/// order; text that matches nothing (a journalist's framing, commentary, "…") is left aside, and
/// the sites read in every piece that matches beyond chance are weighed together.
pub fn trace(leaked: &str, original: &ReadoutText, how: &Fingerprinting, copies: &[CopyId]) -> TraceResult {
    let not_traced = |reason| TraceResult::NotTraced { reason };
    let mut candidates: Vec<CopyId> = Vec::with_capacity(copies.len());
    for copy in copies {
        if !candidates.contains(copy) {
            candidates.push(*copy);
        }
    }
    if candidates.is_empty() {
        return not_traced(NotTracedReason::NoCopies);
    }
    let words = text::tokenize(leaked).iter().filter(|t| t.is_word()).count();
    if words < MIN_PASSAGE_WORDS {
        return not_traced(NotTracedReason::TooShort { words });
    }
    let sites = sites::find_sites(original, how);
    let reading = Template::build(original, &sites).read(leaked);
    if let Some((tokens, most)) = reading.too_long {
        return not_traced(NotTracedReason::TooLong { tokens, most });
    }
    let (matching, chance): (Vec<_>, Vec<_>) = reading.pieces.into_iter().partition(beyond_chance);
    if matching.is_empty() {
        return TraceResult::NotFromReadout {
            longest_match_words: chance.iter().map(|piece| piece.words).max().unwrap_or(0),
        };
    }
    let pieces: Vec<MatchedPiece> = matching
        .iter()
        .map(|piece| MatchedPiece { bytes: piece.bytes.clone(), words: piece.words, paragraph: piece.paragraph + 1 })
        .collect();
    let observations = weigh::combine(matching.iter().flat_map(|piece| &piece.observations));
    let evidence = weigh::Evidence::new(original, how, &sites, &candidates, &observations);
    let (best, confidence) = evidence.posterior.best_copy();
    if confidence >= CONFIDENCE_REQUIRED {
        let deciding_sites = evidence
            .deciding_sites(best)
            .into_iter()
            .map(|(s, shown)| {
                let mut forms = alternatives_of(&sites[s]);
                let shown = forms.remove(shown);
                SiteSeen { class: sites[s].kind.class(), shown, other_forms: forms }
            })
            .collect();
        return TraceResult::Copy(FromCopy {
            copy: candidates[best],
            confidence,
            sites_seen: evidence.sites_seen(),
            deciding_sites,
            pieces,
        });
    }
    let more_sites_needed = if evidence.posterior.original > 0.5 { 0 } else { evidence.more_sites_needed(best) };
    let sentences = text::sentence_count(original);
    let more_sentences_needed = (more_sites_needed * sentences).div_ceil(sites.len().max(1));
    TraceResult::FromReadout(CopyUndetermined {
        likeliest: evidence.posterior.likeliest(3, 0.01).into_iter().map(|(c, p)| (candidates[c], p)).collect(),
        unmarked_original: evidence.posterior.original,
        sites_seen: evidence.sites_seen(),
        more_sites_needed,
        more_sentences_needed,
        pieces,
    })
}

/// Whether a piece matches the readout beyond chance: a long stretch, or a whole sentence.
fn beyond_chance(piece: &align::Piece) -> bool {
    piece.score >= PIECE_SCORE_REQUIRED || piece.sentence_share >= WHOLE_SENTENCE_SHARE
}

/// Each alternative of `site`, written as the text shows it (several places joined by " … ").
fn alternatives_of(site: &sites::Site) -> Vec<String> {
    (0..site.arity())
        .map(|a| site.slots.iter().map(|slot| slot.forms[a].trim()).collect::<Vec<_>>().join(" … "))
        .collect()
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

    /// Leaks of `n` consecutive sentences from random copies of `text`, pasted or retyped with
    /// light edits.
    fn leaks_of(
        text: &ReadoutText,
        wording_variants: bool,
        n: usize,
        trials: usize,
        seed: u64,
    ) -> Vec<(CopyId, String)> {
        let how = support::fingerprinting(wording_variants);
        let copies: Vec<Vec<String>> =
            support::copy_ids().iter().map(|&c| support::sentences(&make_copy(text, &how, c))).collect();
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        (0..trials)
            .map(|t| {
                let c = rng.random_range(0..copies.len());
                let first = rng.random_range(0..=copies[c].len() - n);
                let leak = if t % 2 == 0 { Leak::Pasted } else { Leak::Retyped };
                (CopyId(c as u32 + 1), support::retype(&copies[c][first..first + n].join(" "), leak, &mut rng))
            })
            .collect()
    }

    /// Leaks of three sentences of the Serin readout.
    fn leaks(wording_variants: bool, trials: usize, seed: u64) -> Vec<(CopyId, String)> {
        leaks_of(&support::readout(), wording_variants, 3, trials, seed)
    }

    /// The name of a kind of site, as the calibration reports it.
    fn kind_name(kind: Kind) -> &'static str {
        match kind {
            Kind::Spelling => "spelling",
            Kind::Hyphen => "hyphen",
            Kind::Number => "number",
            Kind::Mark => "mark",
            Kind::Comma => "comma",
            Kind::Wording => "wording",
            Kind::Order => "order",
        }
    }

    /// Per kind of site, over leaks of `n` sentences of `text`: the sites the passages showed
    /// readably, and how many of them showed another form than their copy's.
    fn changed_sites(
        text: &ReadoutText,
        wording: bool,
        n: usize,
        trials: usize,
        seed: u64,
    ) -> BTreeMap<&'static str, (Kind, usize, usize)> {
        let how = support::fingerprinting(wording);
        let sites = sites::find_sites(text, &how);
        let template = Template::build(text, &sites);
        let chooser = Chooser::new(text, &how, &sites);
        let mut counts: BTreeMap<&'static str, (Kind, usize, usize)> = BTreeMap::new();
        for (copy, leaked) in leaks_of(text, wording, n, trials, seed) {
            let pieces = template.read(&leaked).pieces;
            for o in weigh::combine(pieces.iter().filter(|p| beyond_chance(p)).flat_map(|p| &p.observations)) {
                let site = &sites[o.site];
                let all = (1u64 << site.arity()) - 1;
                if o.compatible & all == all {
                    continue;
                }
                let entry = counts.entry(kind_name(site.kind)).or_insert((site.kind, 0, 0));
                entry.1 += 1;
                let choice = chooser.choice(copy, o.site);
                if o.compatible & (1 << choice) == 0 {
                    entry.2 += 1;
                }
            }
        }
        counts
    }

    /// The one-sided 95 % upper bound (Wilson) of a rate of `changed` in `seen`.
    fn upper_bound(changed: usize, seen: usize) -> f64 {
        let (n, z) = (seen as f64, 1.645f64);
        let rate = changed as f64 / n;
        let centre = rate + z * z / (2.0 * n);
        let spread = z * (rate * (1.0 - rate) / n + z * z / (4.0 * n * n)).sqrt();
        (centre + spread) / (1.0 + z * z / n)
    }

    /// The error rates the model assumes, against those light edits cause in simulated leaks of
    /// each readout, two and three sentences long. Checked on both readouts — the Kestrel
    /// readout's were never looked at when the rates were set — for every kind of site a readout
    /// shows often enough to judge: at three sentences a kind's measured rate, at its 95 % upper
    /// bound, must not exceed the model's; at two sentences, where the same two punctuation edits
    /// fall on fewer sites, commas and hyphens are changed more often and the rates are reported.
    #[test]
    fn modelled_error_rates_cover_the_simulated_ones_on_both_readouts() {
        let texts = [("Serin", support::readout()), ("Kestrel", ReadoutText::from_plain(support::OTHER_READOUT))];
        for (name, text) in &texts {
            for wording in [false, true] {
                for sentences in [2, 3] {
                    for (kind, (modelled, seen, changed)) in changed_sites(text, wording, sentences, 1000, 99) {
                        let (measured, upper) = (changed as f64 / seen as f64, upper_bound(changed, seen));
                        println!(
                            "{name}, {sentences} sentences, wording variants {wording}: {kind}: {changed} of {seen} \
                             sites changed ({measured:.3}, at most {upper:.3}), modelled {}",
                            modelled.error_rate()
                        );
                        if sentences == 3 && seen >= 100 {
                            assert!(
                                upper <= modelled.error_rate(),
                                "{name}: {kind}: measured up to {upper:.3}, above the model's {}",
                                modelled.error_rate()
                            );
                        }
                    }
                }
            }
        }
    }

    /// The best score and the best sentence share among each passage's pieces.
    fn best_pieces(template: &Template, passages: &[String]) -> Vec<(i32, f64)> {
        passages
            .iter()
            .map(|passage| {
                let pieces = template.read(passage).pieces;
                (
                    pieces.iter().map(|p| p.score).max().unwrap_or(0),
                    pieces.iter().map(|p| p.sentence_share).fold(0.0, f64::max),
                )
            })
            .collect()
    }

    #[test]
    fn piece_thresholds_separate_readout_text_from_other_text() {
        let original = support::readout();
        let how = support::fingerprinting(true);
        let template = Template::build(&original, &sites::find_sites(&original, &how));
        // Another readout of the same genre, every run of one to three of its sentences: what
        // chance and shared boilerplate reach.
        let other = support::sentences(&ReadoutText::from_plain(support::OTHER_READOUT));
        let foreign: Vec<String> = (1..=3)
            .flat_map(|n| (0..=other.len() - n).map(move |first| (first, n)))
            .map(|(f, n)| other[f..f + n].join(" "))
            .collect();
        let foreign = best_pieces(&template, &foreign);
        let best_foreign = foreign.iter().map(|f| f.0).max().unwrap_or(0);
        let best_foreign_share = foreign.iter().map(|f| f.1).fold(0.0, f64::max);
        // Every sentence of a copy, pasted as it is; single sentences and runs of three, lightly edited.
        let mut own: Vec<String> = Vec::new();
        for copy in [CopyId(1), CopyId(7), CopyId(13)] {
            own.extend(support::sentences(&make_copy(&original, &how, copy)));
        }
        let verbatim = best_pieces(&template, &own);
        let edited: Vec<String> = leaks(true, 300, 5).into_iter().map(|(_, leaked)| leaked).collect();
        let edited = best_pieces(&template, &edited);
        let worst_edited = edited.iter().map(|e| e.0).min().unwrap_or(0);
        let mut rng = ChaCha8Rng::seed_from_u64(8);
        let single: Vec<String> = (0..300)
            .map(|t| {
                let sentence = &own[rng.random_range(0..own.len())];
                support::retype(sentence, if t % 2 == 0 { Leak::Pasted } else { Leak::Retyped }, &mut rng)
            })
            .collect();
        let single = best_pieces(&template, &single);
        let found = |(score, share): &(i32, f64)| *score >= PIECE_SCORE_REQUIRED || *share >= WHOLE_SENTENCE_SHARE;
        println!(
            "another readout's text: best score {best_foreign}, best sentence share {best_foreign_share:.2}; \
             thresholds {PIECE_SCORE_REQUIRED} and {WHOLE_SENTENCE_SHARE}; three edited sentences: worst score \
             {worst_edited}; verbatim sentences found {} of {}; single edited sentences found {} of {}",
            verbatim.iter().filter(|v| found(v)).count(),
            verbatim.len(),
            single.iter().filter(|v| found(v)).count(),
            single.len(),
        );
        assert!(best_foreign < PIECE_SCORE_REQUIRED);
        assert!(best_foreign_share < WHOLE_SENTENCE_SHARE);
        assert!(verbatim.iter().all(found));
        assert!(worst_edited >= PIECE_SCORE_REQUIRED);
    }

    #[test]
    fn distinct_copies_differ_at_about_half_the_sites() {
        let original = support::readout();
        for wording in [false, true] {
            let how = support::fingerprinting(wording);
            let sites = sites::find_sites(&original, &how);
            let chooser = Chooser::new(&original, &how, &sites);
            let choices: Vec<Vec<usize>> = (1..=support::COPIES)
                .map(|c| (0..sites.len()).map(|s| chooser.choice(CopyId(c), s)).collect())
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
