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
//! # Fonts and scripts
//! The PDF embeds only fonts that ship with `typst-assets`: Libertinus Serif for all text
//! (Latin, Greek, Cyrillic and Hebrew) and DejaVu Sans Mono as the fallback for Arabic and
//! Persian letters. There is no font for Chinese, Japanese or Korean, nor for emoji: such
//! characters do not fail the export but show as empty boxes. A paragraph whose first strong
//! character is right-to-left is set right-to-left, in both formats. The DOCX embeds no font: it
//! asks for Cambria (Times New Roman for Arabic and Hebrew) and leaves the glyphs, and any
//! substitution, to the reader's word processor.
//!
//! # Text clean-up
//! Control characters other than line breaks cannot be stored in either format (they are not
//! allowed in XML), so they are dropped; tabs become spaces and every kind of line ending
//! becomes a line break.

mod docx;
mod pdf;
mod text;

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
}

/// Typesets `document` as an A4 PDF: the running head at the top of every page, the copy mark
/// and "Page N of M" at the foot. Deterministic: the same document gives the same bytes.
pub fn render_pdf(document: &Document) -> Result<Vec<u8>, RenderError> {
    validate(document)?;
    pdf::render(document)
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
