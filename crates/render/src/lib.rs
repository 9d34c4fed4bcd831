//! Exports a small structured document — a meeting summary, a readout — as PDF and as DOCX.
//!
//! The PDF is typeset in-process by typst from one fixed template; the DOCX is written with
//! `docx-rs`. Both are pure functions of the [`Document`]: no file is read, no clock is
//! consulted, nothing goes over the network, and the same document always gives the same bytes.
//!
//! # User text never becomes markup
//! Every string in a [`Document`] is user content and may contain anything, typst's markup
//! characters included. The PDF template never has text spliced into it: the document is
//! serialised to JSON and handed to typst as a virtual file (`/data.json`) that the template
//! reads with `json(..)`, so every string reaches typst as a string value and is shown as
//! text. The typst world serves only the template and that file; any other path, package or
//! import is refused.
//!
//! # Metadata
//! Only the title and the subject are written into the file (the PDF information dictionary and
//! its XMP twin; the DOCX core properties), each left out when empty. No author, creator, producer,
//! last editor or date is written: a readout must not say who exported it, or when. The PDF's XMP
//! still names its language and carries document identifiers, which are hashes of the content.
//!
//! # Fonts, scripts and languages
//! The PDF embeds only fonts shipped inside the binary ([`fonts`]): Libertinus Serif for Latin,
//! Greek, Cyrillic and Hebrew, and Noto faces for Arabic (Naskh, and Nastaliq in a document in
//! Urdu), Hebrew and Devanagari, shaped and joined by typst. An adapter may add fonts it finds on
//! the system, such as a CJK font ([`render_pdf_with`]). A document with characters no font can
//! draw is refused, naming their scripts ([`RenderError::NoFont`]), never exported with empty
//! boxes. A paragraph whose first strong character is right-to-left is set right-to-left, in
//! both formats; a document's own language ([`Document::language`]) sets its base direction,
//! the language tags of both files and the words of its page numbers. The DOCX asks for Cambria,
//! and for the shipped Noto face of each complex script it uses, and embeds those Noto faces
//! (obfuscated, as the format requires), so a word processor without them draws the same letters.
//!
//! # Text clean-up
//! Control characters other than line breaks cannot be stored in either format (they are not
//! allowed in XML), so they are dropped; tabs become spaces and every kind of line ending
//! becomes a line break.

mod docx;
pub mod fonts;
mod pdf;
mod text;

pub use fonts::{FontSet, MissingScript};

/// Forgets everything typesetting has kept between documents (typst's memoised work), so the
/// next PDF is set from nothing: for benchmarks that time a document set cold.
#[doc(hidden)]
pub fn forget_typesetting() {
    typst::comemo::evict(0);
}

/// A document to export: a title, the marks printed on every page, metadata and the body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    /// Printed small at the top of every page (e.g. "Chatham House Rule — not for attribution"),
    /// and, for DOCX, in the page header.
    pub running_head: String,
    /// A visible mark printed on every page's footer (e.g. "Copy 3 of 20 — Ministry of Water");
    /// empty for none.
    pub copy_mark: String,
    /// Metadata written into the file (PDF info / DOCX core properties). Only these fields are
    /// written; author is never set.
    pub subject: String,
    pub blocks: Vec<Block>,
    /// The document's language as a BCP 47 tag ("en", "ar", "ru", "hi"); empty for English. It
    /// sets the base direction (right to left for Arabic, Hebrew, Persian and Urdu), the
    /// language both files declare, and which face sets a script (Nastaliq for Urdu).
    pub language: String,
    /// The words around the page numbers in the footer, in the document's language.
    pub page_label: PageLabel,
}

/// "Page 3 of 12" as `before` 3 `between` 12 `after`, the numbers written in `digits`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLabel {
    pub before: String,
    pub between: String,
    pub after: String,
    pub digits: Digits,
}

impl Default for PageLabel {
    fn default() -> Self {
        Self { before: "Page ".to_owned(), between: " of ".to_owned(), after: String::new(), digits: Digits::Latin }
    }
}

/// The digits the page numbers are written in, as the document's language writes its numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Digits {
    /// 0 1 2 3 4 5 6 7 8 9.
    #[default]
    Latin,
    /// ٠ ١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩, as Arabic is written in the Mashriq.
    ArabicIndic,
}

impl Document {
    /// Whether the document's own language is written right to left.
    #[must_use]
    pub fn is_right_to_left(&self) -> bool {
        fonts::is_right_to_left_language(&self.language)
    }
}

/// One block of the body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A section heading; `level` is 1, 2 or 3.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Vec<Inline>),
    /// A bulleted list; each item is a run of inline text.
    Bullets(Vec<Vec<Inline>>),
    /// A two-column definition list: term, then its value.
    Facts(Vec<(String, String)>),
    /// A table with an optional header row (empty for none). Rows shorter than the widest row
    /// are padded with empty cells.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A boxed, indented note, such as a rapporteur's note with its tag as the label.
    Note {
        label: String,
        text: String,
    },
    /// A drawing made by tracktwo itself (an SVG of our own, such as the timeline), across the
    /// page, with its text alternative. DOCX gets the text alternative only.
    Drawing {
        svg: String,
        alt: String,
    },
}

/// A run of text inside a paragraph or a bullet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Emphasis(String),
    /// Words put in, in a comparison of two versions: underlined.
    Inserted(String),
    /// Words taken out, in a comparison of two versions: struck through.
    Deleted(String),
}

impl Inline {
    /// The run's words, whatever its style.
    #[must_use]
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(text)
            | Inline::Strong(text)
            | Inline::Emphasis(text)
            | Inline::Inserted(text)
            | Inline::Deleted(text) => text,
        }
    }
}

/// Why a document could not be exported. Messages name blocks by position and never quote the
/// document's text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum RenderError {
    /// A heading's level is outside 1..=3.
    #[error("block {block}: heading level {level} is outside 1 to 3")]
    HeadingLevel { block: usize, level: u8 },
    /// typst could not typeset the document. The diagnostics are not carried: they can quote
    /// the text being typeset.
    #[error("the PDF could not be typeset ({errors} typesetting errors)")]
    Typesetting { errors: usize },
    /// typst typeset the document but could not write it as PDF.
    #[error("the typeset document could not be written as PDF ({errors} export errors)")]
    PdfExport { errors: usize },
    /// The DOCX package could not be assembled.
    #[error("the DOCX package could not be written")]
    DocxPackage,
    /// Some characters have no font that can draw them. Names the scripts, never the text.
    #[error("no font can draw {}: add a font for them (for Chinese, Japanese and Korean, a system font such as Debian's fonts-noto-cjk) or remove them", describe_missing(.scripts))]
    NoFont { scripts: Vec<MissingScript> },
}

fn describe_missing(scripts: &[MissingScript]) -> String {
    scripts
        .iter()
        .map(|missing| {
            let plural = if missing.characters == 1 { "" } else { "s" };
            format!("{} ({} character{plural})", missing.script, missing.characters)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Typesets `document` as an A4 PDF: the running head at the top of every page, the copy mark
/// and "Page N of M" at the foot. Deterministic: the same document gives the same bytes.
pub fn render_pdf(document: &Document) -> Result<Vec<u8>, RenderError> {
    render_pdf_with(document, FontSet::shipped())
}

/// [`render_pdf`] with a set of fonts of the caller's, such as the shipped ones and a system's
/// CJK fonts ([`FontSet::with_fonts`]).
pub fn render_pdf_with(document: &Document, fonts: &FontSet) -> Result<Vec<u8>, RenderError> {
    validate(document)?;
    let scripts = fonts.missing(document);
    if !scripts.is_empty() {
        return Err(RenderError::NoFont { scripts });
    }
    pdf::render(document, fonts)
}

/// Writes `document` as an A4 DOCX: the running head in the page header, the copy mark and
/// "Page N of M" in the footer. Deterministic: the same document gives the same bytes.
pub fn render_docx(document: &Document) -> Result<Vec<u8>, RenderError> {
    validate(document)?;
    docx::render(document)
}

fn validate(document: &Document) -> Result<(), RenderError> {
    for (index, block) in document.blocks.iter().enumerate() {
        if let Block::Heading { level, .. } = block
            && !(1..=3).contains(level)
        {
            return Err(RenderError::HeadingLevel { block: index, level: *level });
        }
    }
    Ok(())
}

/// The number of columns a table needs: its widest row, header included.
fn table_width(header: &[String], rows: &[Vec<String>]) -> usize {
    rows.iter().map(Vec::len).chain(std::iter::once(header.len())).max().unwrap_or(0)
}
