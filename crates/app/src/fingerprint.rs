//! Each recipient's copy of a released readout carries its own fingerprint: choices among
//! equivalent spellings, number styles and punctuation (and, where the convener allows it, among
//! equivalent wordings), set by the readout's secret key and the copy's number, so that a leaked
//! passage — pasted or retyped — names its copy. The work is `tracktwo-trace`'s; this module
//! only carries a readout's sections through it.

use tracktwo_domain::transfer::{FingerprintScheme, Readout, ReadoutSection};
use tracktwo_trace::{CodeScheme, CopyId, Fingerprinting, ReadoutText, TraceResult, Traceability};

use crate::transfer::TraceabilityPreview;

/// The number of copies a readout's traceability is shown for before any is issued.
pub const NOMINAL_COPIES: u32 = 20;

fn fingerprinting(readout: &Readout) -> Fingerprinting {
    // A released readout always has its key (drawn at release); one without (never released)
    // has no copies to fingerprint.
    let mut how = Fingerprinting::new(readout.fingerprint_key.unwrap_or([0; 32]), readout.wording_variants);
    how.scheme = code_scheme(readout.fingerprint_scheme);
    how
}

fn code_scheme(scheme: FingerprintScheme) -> CodeScheme {
    match scheme {
        FingerprintScheme::Simplex => CodeScheme::Simplex,
        FingerprintScheme::Separated => CodeScheme::Separated,
        FingerprintScheme::SeparatedMoreSites => CodeScheme::SeparatedMoreSites,
        FingerprintScheme::SeparatedFurtherSites => CodeScheme::SeparatedFurtherSites,
    }
}

/// The scheme a readout released now makes its copies with: the engine's latest separated code
/// (over further sites) where wording variants are on, the simplex code where they are off. Without wording variants the separated
/// code names one of this readout's copies for three sentences of another readout sharing its
/// text twice as often (4.3 % of trials against 2.2 %, `docs/benchmarks.md`), and it gains
/// nothing a convener would trace by; with them it does better on both counts.
pub(crate) fn scheme_for_release(wording_variants: bool) -> FingerprintScheme {
    if !wording_variants {
        return FingerprintScheme::Simplex;
    }
    match CodeScheme::LATEST {
        CodeScheme::Simplex => FingerprintScheme::Simplex,
        CodeScheme::Separated => FingerprintScheme::Separated,
        CodeScheme::SeparatedMoreSites => FingerprintScheme::SeparatedMoreSites,
        CodeScheme::SeparatedFurtherSites => FingerprintScheme::SeparatedFurtherSites,
    }
}

/// The readout's paragraphs in order, as the engine reads them. Headings stay out: a reader
/// would notice a heading change, and they carry too little to matter.
fn text_of(sections: &[ReadoutSection]) -> ReadoutText {
    ReadoutText { paragraphs: sections.iter().flat_map(|s| s.paragraphs.iter().cloned()).collect() }
}

/// The text of copy `number`: the released sections, each paragraph in its copy's variant.
pub(crate) fn copy_text(readout: &Readout, number: u32) -> Vec<ReadoutSection> {
    let original = text_of(&readout.released);
    let copy = tracktwo_trace::make_copy(&original, &fingerprinting(readout), CopyId(number));
    let mut paragraphs = copy.paragraphs.into_iter();
    readout
        .released
        .iter()
        .map(|section| ReadoutSection {
            heading: section.heading.clone(),
            paragraphs: section.paragraphs.iter().map(|p| paragraphs.next().unwrap_or_else(|| p.clone())).collect(),
        })
        .collect()
}

pub(crate) fn copy_mark(number: u32, of: u32, recipient: &str) -> String {
    tracktwo_trace::copy_mark(CopyId(number), of, recipient)
}

/// Traces `passage` among the copies numbered `numbers`.
pub(crate) fn trace(readout: &Readout, numbers: &[u32], passage: &str) -> TraceResult {
    let copies: Vec<CopyId> = numbers.iter().map(|n| CopyId(*n)).collect();
    tracktwo_trace::trace(passage, &text_of(&readout.released), &fingerprinting(readout), &copies)
}

/// How traceable copies of `text` (the readout's sections as released, or as they would be) are
/// among `issued` copies, or [`NOMINAL_COPIES`] before any is issued: with wording variants as the
/// readout has them and as it does not, so that a convener can weigh the choice before release.
/// A readout without a key yet is previewed under a fixed one: the reach hardly depends on the
/// key, only on the text and the options.
pub(crate) fn traceability(readout: &Readout, text: &[ReadoutSection], issued: usize) -> TraceabilityPreview {
    let text = text_of(text);
    let copies = if issued == 0 { NOMINAL_COPIES } else { u32::try_from(issued).unwrap_or(u32::MAX) };
    let key = readout.fingerprint_key.unwrap_or([0; 32]);
    // A readout not released yet will be released under the scheme its wording variants choose.
    let figures = |wording: bool| -> Traceability {
        let scheme =
            if readout.fingerprint_key.is_some() { readout.fingerprint_scheme } else { scheme_for_release(wording) };
        let mut how = Fingerprinting::new(key, wording);
        how.scheme = code_scheme(scheme);
        tracktwo_trace::traceability(&text, &how, copies)
    };
    TraceabilityPreview { wording_variants_on: figures(true), wording_variants_off: figures(false) }
}
