//! A PDF in every script the machine has a font for: the fonts shipped inside the binary first,
//! and the system's own fonts for scripts they lack (Chinese, Japanese, Korean, …), read once,
//! the first time a document needs them.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use tracktwo_render::{Document, FontSet, MissingScript, RenderError, render_pdf, render_pdf_with};

/// Why a document could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// Letters no font here can draw: the scripts are named, and what would help.
    #[error("{}", no_font_message(.0))]
    NoFont(Vec<MissingScript>),
    /// Anything else: typesetting or packaging failed. Carries no text of the document.
    #[error("{0}")]
    Failed(RenderError),
}

fn no_font_message(scripts: &[MissingScript]) -> String {
    RenderError::NoFont { scripts: scripts.to_vec() }.to_string()
}

impl From<RenderError> for DocumentError {
    fn from(e: RenderError) -> Self {
        match e {
            RenderError::NoFont { scripts } => DocumentError::NoFont(scripts),
            other => DocumentError::Failed(other),
        }
    }
}

/// Where fonts live on a Linux or BSD system, and in the user's own folders.
fn font_folders() -> Vec<PathBuf> {
    let mut folders = vec![PathBuf::from("/usr/share/fonts"), PathBuf::from("/usr/local/share/fonts")];
    if let Some(home) = std::env::var_os("HOME") {
        folders.push(Path::new(&home).join(".local/share/fonts"));
        folders.push(Path::new(&home).join(".fonts"));
    }
    folders
}

/// Every font file under `folder`, depth first; unreadable entries are passed over.
fn font_files(folder: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|entry| entry.ok().map(|e| e.path())).collect();
    // A stable order: the same machine always prefers the same face.
    entries.sort();
    for path in entries {
        if path.is_dir() {
            font_files(&path, found);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "ttf" | "otf" | "ttc" | "otc"))
        {
            found.push(path);
        }
    }
}

/// The shipped fonts and the system faces that add scripts to them.
static WITH_SYSTEM_FONTS: LazyLock<FontSet> = LazyLock::new(|| {
    let mut files = Vec::new();
    for folder in font_folders() {
        font_files(&folder, &mut files);
    }
    FontSet::with_fonts(files.into_iter().filter_map(|path| std::fs::read(path).ok()))
});

/// The fonts a PDF may be set in on this machine: the shipped ones and the system's additions.
#[must_use]
pub fn available_fonts() -> &'static FontSet {
    &WITH_SYSTEM_FONTS
}

/// Typesets `document` as PDF with the shipped fonts, or, when it has letters they cannot
/// draw, with the system's fonts added; refused, naming the scripts, when even those cannot.
pub fn pdf(document: &Document) -> Result<Vec<u8>, DocumentError> {
    match render_pdf(document) {
        Err(RenderError::NoFont { .. }) => Ok(render_pdf_with(document, available_fonts())?),
        other => Ok(other?),
    }
}
