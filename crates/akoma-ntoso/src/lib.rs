//! One version of a negotiating text as an OASIS Akoma Ntoso 3.0 document (LegalDocML), the XML
//! vocabulary parliaments and the EU's LEOS draft legislation in, and read back exactly.
//!
//! [`export`] writes a `<doc name="negotiatingText">` that validates against the OASIS schema;
//! [`import`] reads what it writes and refuses anything else with an [`AknError`] that names the
//! line and column. `import(&export(meta, draft))` returns `meta` and `draft` unchanged for every
//! valid draft: brackets, choices, alternatives, ad referendum standing, a translation's links to
//! its source, and every character of every word, spaces included. `docs/akoma-ntoso.md`
//! describes the mapping.
//!
//! Pure: text in, text out. No I/O, no clock (the version's date is passed in).

mod error;
mod meta;
mod read;
mod tree;
mod write;

pub use error::{AknError, AknErrorKind};
use tracktwo_domain::negotiating_text::{ContentHash, Draft, Language};
pub use tree::{BYTES_MAX, DEPTH_MAX, ELEMENTS_MAX};

/// The namespace of the elements and attributes tracktwo adds where Akoma Ntoso allows other
/// vocabularies: ad referendum standing, a translation's source hash, alternatives' labels and
/// the version's content hash.
pub const TRACKTWO_NAMESPACE: &str = tree::TRACKTWO;

/// What a document's FRBR metadata says of the version it carries.
#[derive(Clone, PartialEq, Eq)]
pub struct TextMeta {
    /// The text's identifier, opaque to this crate (a `TextId`'s string); not empty. Written
    /// percent-encoded into the FRBR URIs.
    pub text: String,
    /// The negotiating text's title (the FRBR work's title alias). A title holds no control
    /// characters; a character XML cannot carry (U+FFFE, U+FFFF) is written as U+FFFD.
    pub title: String,
    pub language: Language,
    /// The version's number.
    pub version: u32,
    /// The version's content hash, as recorded; `import` does not recompute it, so a caller can
    /// tell an edited document from the version it came from ([`TextMeta::hash_matches`]).
    pub hash: ContentHash,
    /// The day the version was committed.
    pub date: time::Date,
}

impl TextMeta {
    /// Whether `draft` is the text the recorded hash was computed over.
    #[must_use]
    pub fn hash_matches(&self, draft: &Draft) -> bool {
        tracktwo_domain::negotiating_text::draft_hash(draft) == self.hash
    }
}

impl std::fmt::Debug for TextMeta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The title may be as telling as the text: never in a log.
        f.debug_struct("TextMeta")
            .field("language", &self.language)
            .field("version", &self.version)
            .field("hash", &self.hash)
            .field("date", &self.date)
            .finish_non_exhaustive()
    }
}

/// The version as an Akoma Ntoso 3.0 document.
#[must_use]
pub fn export(meta: &TextMeta, draft: &Draft) -> String {
    write::document(meta, draft)
}

/// Reads a document [`export`] wrote (reformatted, re-indented or with its namespace under a
/// prefix, it reads the same). All or nothing: the first problem refuses the whole document.
pub fn import(xml: &str) -> Result<(TextMeta, Draft), AknError> {
    read::document(xml)
}
