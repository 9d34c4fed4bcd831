//! Each recipient's copy of a released readout carries its own fingerprint: choices among
//! equivalent spellings, number styles and punctuation (and, where the convener allows it, among
//! equivalent wordings), set by the readout's secret key and the copy's number, so that a leaked
//! passage — pasted or retyped — names its copy. The work is `tracktwo-trace`'s; this module
//! only carries a readout's sections through it.

use tracktwo_domain::transfer::{Readout, ReadoutSection};
use tracktwo_trace::{CopyId, Fingerprinting, ReadoutText, SiteSeen, TraceResult};

fn fingerprinting(readout: &Readout) -> Fingerprinting {
    // A released readout always has its key (drawn at release); one without (never released)
    // has no copies to fingerprint.
    Fingerprinting::new(readout.fingerprint_key.unwrap_or([0; 32]), readout.wording_variants)
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

/// A deciding site as a convener reads it: the form the passage shows, and the others.
pub(crate) fn site_shown(site: &SiteSeen) -> String {
    let others: Vec<String> = site.other_forms.iter().map(|f| format!("\u{201C}{f}\u{201D}")).collect();
    format!("\u{201C}{}\u{201D} where other copies have {}", site.shown, others.join(" or "))
}
