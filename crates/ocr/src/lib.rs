//! Reads the text of a photographed or scanned page, so that a leak found as a picture can be
//! traced like a pasted passage. The page goes to Debian's `tesseract` (and a PDF scan first to
//! Poppler's `pdftoppm`), each run as a program: never a network service, never a C binding.
//!
//! A leaked page is confidential, and so is what is read from it. The page is written to a
//! private temporary folder (owner-only, 0700) that is removed when reading ends, whatever the
//! outcome; nothing of the page or its text is logged, and no error carries either. What a page
//! may cost is bounded before a program runs: its size in bytes, its size in pixels, a PDF's
//! number of pages, and each program's run time.

mod clean;
mod format;
mod prepare;
mod program;

use std::time::Duration;

pub use clean::clean_ocr_text;
pub use format::{PageFormat, page_format};

/// The largest page file read (a phone's photograph of a page is a few MiB).
pub const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// What reading one file may cost.
#[derive(Clone, Copy, Debug)]
pub struct OcrLimits {
    /// The largest file accepted, in bytes.
    pub max_bytes: usize,
    /// The largest image accepted, in pixels (an A4 page scanned at 600 dpi is 35 million).
    pub max_pixels: u64,
    /// The most pages of a PDF read; the rest are left unread.
    pub max_pdf_pages: u32,
    /// How long the programs may run for the whole file, together.
    pub timeout: Duration,
}

impl OcrLimits {
    /// For the command line: a convener waits for a slow machine.
    pub const COMMAND_LINE: Self = Self {
        max_bytes: MAX_PAGE_BYTES,
        max_pixels: 40_000_000,
        max_pdf_pages: 10,
        timeout: Duration::from_secs(120),
    };

    /// For a web request, which must answer within the server's request timeout (30 s).
    pub const WEB: Self =
        Self { max_bytes: MAX_PAGE_BYTES, max_pixels: 40_000_000, max_pdf_pages: 4, timeout: Duration::from_secs(25) };
}

/// Why a page could not be read. No variant carries the page or any text read from it.
#[derive(Debug, thiserror::Error)]
pub enum OcrError {
    #[error("tesseract is not installed: install Debian's tesseract-ocr, or type the passage")]
    NotInstalled,
    #[error("tesseract has no English language data: install Debian's tesseract-ocr-eng, or type the passage")]
    NoEnglishData,
    #[error(
        "pdftoppm is not installed, so a PDF scan cannot be read: install Debian's poppler-utils, or send the page as an image"
    )]
    PdfReaderNotInstalled,
    #[error("the file is not a page image this can read: send a PNG, JPEG or TIFF image, or a PDF scan")]
    NotAPage,
    #[error("the file is {size} bytes; at most {limit} are read")]
    TooLarge { size: usize, limit: usize },
    #[error("the image is {width} × {height} pixels; at most {limit} pixels are read: send a smaller picture")]
    TooManyPixels { width: usize, height: usize, limit: u64 },
    #[error("reading the page took longer than {} seconds and was stopped", .0.as_secs())]
    TimedOut(Duration),
    #[error("{program} could not read the file (exit status {status})")]
    ProgramFailed { program: &'static str, status: String },
    #[error("no text could be read from the page: send a sharper picture, or type the passage")]
    NoText,
    #[error("cannot use a private temporary folder for the page: {0}")]
    TempFolder(std::io::Error),
}

/// The text of the page in `bytes` (an image, or a PDF scan), cleaned for tracing: paragraphs
/// separated by a blank line, lines of a paragraph joined.
///
/// # Errors
/// [`OcrError`]: the file is too large or not a page, a program is missing, failed or ran too
/// long, or nothing could be read.
pub fn read_page(bytes: &[u8], limits: &OcrLimits) -> Result<String, OcrError> {
    if bytes.len() > limits.max_bytes {
        return Err(OcrError::TooLarge { size: bytes.len(), limit: limits.max_bytes });
    }
    let format = page_format(bytes).ok_or(OcrError::NotAPage)?;
    format::check_pixels(bytes, format, limits.max_pixels)?;
    let prepared = prepare::prepare(bytes, format, limits.max_pixels)?;
    let raw = match &prepared {
        Some(png) => program::recognise(png, PageFormat::Png, limits)?,
        None => program::recognise(bytes, format, limits)?,
    };
    let text = clean_ocr_text(&raw);
    if text.split_whitespace().next().is_none() {
        return Err(OcrError::NoText);
    }
    Ok(text)
}
