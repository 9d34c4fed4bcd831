//! The fonts a PDF is set in, and which letters they cannot draw.
//!
//! `typst-assets` brings Libertinus Serif (Latin, Greek, Cyrillic, Hebrew) and DejaVu Sans Mono.
//! The scripts the field's dialogues run in beyond those — Arabic, Urdu's Nastaliq, Hebrew and
//! Devanagari — are set in Noto faces shipped inside the binary (`fonts/`, SIL Open Font
//! License; where each file comes from is in `fonts/SOURCES.md`). Chinese, Japanese and Korean
//! take megabytes a script, so they are not shipped: an adapter may add fonts it finds on the
//! system ([`FontSet::with_fonts`]), and a document with letters no font can draw is refused
//! with the scripts named ([`FontSet::missing`]) rather than exported with empty boxes.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use unicode_script::UnicodeScript;

use crate::{Block, Document};

/// One font file shipped inside the binary.
pub struct ShippedFont {
    /// The file's name in `fonts/`.
    pub file: &'static str,
    /// The family name the font declares, as a DOCX or the PDF template asks for it.
    pub family: &'static str,
    pub bold: bool,
    pub data: &'static [u8],
    /// SHA-256 of the file as its source published it (`fonts/SOURCES.md`), checked by a test.
    pub sha256: &'static str,
}

macro_rules! shipped {
    ($file:literal, $family:literal, $bold:literal, $sha:literal) => {
        ShippedFont {
            file: $file,
            family: $family,
            bold: $bold,
            data: include_bytes!(concat!("../fonts/", $file)),
            sha256: $sha,
        }
    };
}

/// The Noto faces shipped for the scripts `typst-assets` does not draw well or at all.
pub static SHIPPED: [ShippedFont; 7] = [
    shipped!(
        "NotoNaskhArabic-Regular.ttf",
        "Noto Naskh Arabic",
        false,
        "8c67eaa2f0086872628fc3f7f760386f83c8be5c5e9a1ba3a38891237b2ac7cb"
    ),
    shipped!(
        "NotoNaskhArabic-Bold.ttf",
        "Noto Naskh Arabic",
        true,
        "b5cbcb561b4b540ff11d7b6934577dbbbbb9e1d152d47f6f31f19176d58ff39c"
    ),
    shipped!(
        "NotoNastaliqUrdu-Regular.ttf",
        "Noto Nastaliq Urdu",
        false,
        "fe24c4a05b19482beac11e4b90a0f6754214f1cb5e925cf9e86b48283ac37522"
    ),
    shipped!(
        "NotoSerifHebrew-Regular.ttf",
        "Noto Serif Hebrew",
        false,
        "789b7e7e3ff4d95a5e105872a385db12c50c08b60ad5b773d25a3bec86621abf"
    ),
    shipped!(
        "NotoSerifHebrew-Bold.ttf",
        "Noto Serif Hebrew",
        true,
        "95150a28d438cba6c79393ef18ad06f39a8b53a7d457e61d8c9d585176ef36da"
    ),
    shipped!(
        "NotoSerifDevanagari-Regular.ttf",
        "Noto Serif Devanagari",
        false,
        "662c3cd6e17dd0561f53fe28ce6c32d7d64e650119f4bb0428fc50206bbc46fe"
    ),
    shipped!(
        "NotoSerifDevanagari-Bold.ttf",
        "Noto Serif Devanagari",
        true,
        "42a0d0664b51212894c8bb226ad8947c194f1ab1903555a41979877d3b9267be"
    ),
];

/// The shipped family that sets a script in a word processor. Urdu is written in the Arabic
/// script; a DOCX in Urdu asks for Nastaliq, as Urdu is printed. (A PDF sets Urdu in Naskh:
/// text copied out of a PDF in Nastaliq comes back garbled.)
pub(crate) fn shipped_family_for(script: unicode_script::Script, language: &str) -> Option<&'static str> {
    use unicode_script::Script;
    match script {
        Script::Arabic if primary_language(language) == "ur" => Some("Noto Nastaliq Urdu"),
        Script::Arabic => Some("Noto Naskh Arabic"),
        Script::Hebrew => Some("Noto Serif Hebrew"),
        Script::Devanagari => Some("Noto Serif Devanagari"),
        _ => None,
    }
}

/// Whether a language (a BCP 47 tag) is written right to left.
pub(crate) fn is_right_to_left_language(language: &str) -> bool {
    matches!(primary_language(language).as_str(), "ar" | "fa" | "he" | "ur" | "yi" | "ps" | "sd" | "ug")
}

/// "ur" of "ur-PK"; lower case.
pub(crate) fn primary_language(language: &str) -> String {
    language.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// A set of fonts to typeset with: what ships, and whatever an adapter adds.
pub struct FontSet {
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: Vec<Font>,
}

static SHIPPED_SET: LazyLock<FontSet> = LazyLock::new(|| FontSet::from_fonts(shipped_fonts()));

fn shipped_fonts() -> Vec<Font> {
    typst_assets::fonts()
        .chain(SHIPPED.iter().map(|font| font.data))
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect()
}

impl FontSet {
    fn from_fonts(fonts: Vec<Font>) -> Self {
        Self { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
    }

    /// The fonts inside the binary, parsed once for the whole process.
    #[must_use]
    pub fn shipped() -> &'static FontSet {
        &SHIPPED_SET
    }

    /// The shipped fonts and, from `files` (the bytes of font files an adapter found, such as a
    /// system's CJK fonts), every face that draws a letter or symbol the shipped ones cannot.
    /// Faces that add nothing are left out, so a large system folder costs only what it adds.
    #[must_use]
    pub fn with_fonts(files: impl IntoIterator<Item = Vec<u8>>) -> FontSet {
        let mut fonts = shipped_fonts();
        for file in files {
            for font in Font::iter(Bytes::new(file)) {
                if adds_coverage(&fonts, &font) {
                    fonts.push(font);
                }
            }
        }
        FontSet::from_fonts(fonts)
    }

    /// The families this set knows.
    pub fn families(&self) -> impl Iterator<Item = &str> {
        self.book.families().map(|(family, _)| family)
    }

    /// Whether some font of the set has a glyph for `c`.
    #[must_use]
    pub fn covers(&self, c: char) -> bool {
        self.fonts.iter().any(|font| font.info().coverage.contains(u32::from(c)))
    }

    /// The scripts of the characters in `document` that no font of this set can draw, each with
    /// how many distinct characters it lacks. Empty when everything can be drawn.
    #[must_use]
    pub fn missing(&self, document: &Document) -> Vec<MissingScript> {
        let mut seen = std::collections::BTreeSet::new();
        for text in document_texts(document) {
            // What the export drops (controls, non-characters) needs no glyph either.
            seen.extend(crate::text::clean(text).chars().filter(|&c| needs_a_glyph(c)));
        }
        let mut missing: BTreeMap<String, usize> = BTreeMap::new();
        for c in seen.into_iter().filter(|&c| !self.covers(c)) {
            *missing.entry(script_name(c)).or_default() += 1;
        }
        missing.into_iter().map(|(script, characters)| MissingScript { script, characters }).collect()
    }
}

/// A script (or "symbols") some of whose characters no font can draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingScript {
    /// The script's English name ("Han", "Thai"), or "symbols" for characters of no script
    /// (emoji, dingbats).
    pub script: String,
    /// How many distinct characters of it have no glyph.
    pub characters: usize,
}

fn script_name(c: char) -> String {
    use unicode_script::Script;
    match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => "symbols".to_owned(),
        script => script.full_name().replace('_', " "),
    }
}

/// Whether `font` draws a character worth drawing that none of `fonts` draws. Only letters,
/// marks, digits and the symbols of a handful of blocks are probed: a face is not kept for one
/// stray punctuation mark.
fn adds_coverage(fonts: &[Font], font: &Font) -> bool {
    const PROBES: &[(u32, u32)] = &[
        (0x3040, 0x30FF),   // Hiragana, Katakana
        (0x3100, 0x312F),   // Bopomofo
        (0x3400, 0x4DBF),   // CJK Extension A
        (0x4E00, 0x9FFF),   // CJK Unified Ideographs
        (0xAC00, 0xD7AF),   // Hangul
        (0x0E00, 0x0E7F),   // Thai
        (0x0980, 0x0DFF),   // Bengali to Sinhala
        (0x1F300, 0x1FAFF), // pictographs and emoji
    ];
    let coverage = &font.info().coverage;
    PROBES.iter().any(|&(start, end)| {
        (start..=end)
            .step_by(97)
            .any(|code| coverage.contains(code) && !fonts.iter().any(|known| known.info().coverage.contains(code)))
    })
}

/// Characters that are drawn. Whitespace, controls and format characters (joiners, direction
/// marks, variation selectors, the byte-order mark) have no glyph of their own.
fn needs_a_glyph(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || matches!(u32::from(c), 0x00AD | 0x034F | 0x061C | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
            | 0x2060..=0x206F | 0xFE00..=0xFE0F | 0xFEFF | 0xE0000..=0xE0FFF))
}

/// Every string the document shows, in reading order.
pub(crate) fn document_texts(document: &Document) -> Vec<&str> {
    let mut texts = vec![
        document.title.as_str(),
        document.running_head.as_str(),
        document.copy_mark.as_str(),
        document.page_label.before.as_str(),
        document.page_label.between.as_str(),
        document.page_label.after.as_str(),
    ];
    for block in &document.blocks {
        match block {
            Block::Heading { text, .. } => texts.push(text),
            Block::Paragraph(inlines) => texts.extend(inlines.iter().map(crate::Inline::text)),
            Block::Bullets(items) => texts.extend(items.iter().flatten().map(crate::Inline::text)),
            Block::Facts(pairs) => texts.extend(pairs.iter().flat_map(|(term, value)| [term.as_str(), value.as_str()])),
            Block::Table { header, rows } => {
                texts.extend(header.iter().map(String::as_str));
                texts.extend(rows.iter().flatten().map(String::as_str));
            }
            Block::Note { label, text } => texts.extend([label.as_str(), text.as_str()]),
            // A drawing's words are drawn by the SVG renderer with the same fonts; its text
            // alternative is what a reader of the DOCX gets.
            Block::Drawing { alt, .. } => texts.push(alt),
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use sha2::Digest;

    use super::*;

    #[test]
    fn shipped_fonts_are_the_files_their_sources_published() {
        for font in &SHIPPED {
            let digest = sha2::Sha256::digest(font.data);
            let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
            assert_eq!(hex, font.sha256, "{}", font.file);
        }
        let sources = include_str!("../fonts/SOURCES.md");
        for font in &SHIPPED {
            assert!(sources.contains(font.file) && sources.contains(font.sha256), "{} is not in SOURCES.md", font.file);
        }
    }

    #[test]
    fn each_shipped_font_declares_the_family_it_is_asked_for_by() {
        for font in &SHIPPED {
            let faces: Vec<Font> = Font::iter(Bytes::new(font.data)).collect();
            assert_eq!(faces.len(), 1, "{}", font.file);
            assert_eq!(faces[0].info().family, font.family, "{}", font.file);
            assert_eq!(faces[0].info().variant.weight.to_number() >= 600, font.bold, "{}", font.file);
        }
    }

    #[test]
    fn the_shipped_set_draws_the_scripts_of_the_field_and_names_what_it_cannot() {
        let set = FontSet::shipped();
        for word in ["اجتماع", "اجلاس", "פגישה", "बैठक", "встреча", "réunion", "συνάντηση"]
        {
            assert!(word.chars().all(|c| set.covers(c)), "{word}");
        }
        let document = Document {
            blocks: vec![Block::Paragraph(vec![crate::Inline::Text("会议 会 🤝 ok".to_owned())])],
            ..Document::default()
        };
        assert_eq!(
            set.missing(&document),
            vec![
                MissingScript { script: "Han".to_owned(), characters: 2 },
                MissingScript { script: "symbols".to_owned(), characters: 1 },
            ]
        );
    }

    #[test]
    fn joiners_and_direction_marks_need_no_glyph() {
        for c in ['\u{200C}', '\u{200D}', '\u{200E}', '\u{2067}', '\u{FE0F}', ' ', '\n'] {
            assert!(!needs_a_glyph(c), "{:04X}", u32::from(c));
        }
        assert!(needs_a_glyph('a') && needs_a_glyph('ب'));
    }

    #[test]
    fn a_face_that_adds_nothing_is_not_kept() {
        let shipped = FontSet::shipped();
        let again = FontSet::with_fonts(SHIPPED.iter().map(|font| font.data.to_vec()));
        assert_eq!(again.fonts.len(), shipped.fonts.len());
    }
}
