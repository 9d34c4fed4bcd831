//! The shipped Noto faces in a DOCX: which face a run in a complex script asks for, and the
//! embedded copies of those faces.
//!
//! WordprocessingML embeds a font as an "obfuscated" part (ECMA-376 Part 1, 17.8.1): the first
//! 32 bytes of the font file are XORed with a key taken from a GUID, and the font table names the
//! part and the GUID. It is not protection, only the form Word and LibreOffice read. The GUID here
//! comes from the font's SHA-256, so the same document still gives the same bytes.

use std::collections::BTreeSet;

use docx_rs::XMLDocx;
use unicode_script::{Script, UnicodeScript};

use crate::fonts::{SHIPPED, ShippedFont, primary_language, shipped_family_for};
use crate::{Document, RenderError};

const OBFUSCATED_FONT: &str = "application/vnd.openxmlformats-officedocument.obfuscatedFont";
const FONT_RELATIONSHIP: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";

/// The complex-script faces of one document.
pub(crate) struct ScriptFaces {
    language: String,
    /// Every shipped family some run of the document asks for.
    used: BTreeSet<&'static str>,
}

impl ScriptFaces {
    pub(crate) fn of(document: &Document) -> Self {
        let mut faces = Self { language: document.language.clone(), used: BTreeSet::new() };
        let mut used = BTreeSet::new();
        for text in crate::fonts::document_texts(document) {
            used.extend(faces.for_text(text));
        }
        used.extend(faces.default_complex());
        faces.used = used;
        faces
    }

    /// The face for a run: that of the first letter in a script a shipped face sets.
    pub(crate) fn for_text(&self, text: &str) -> Option<&'static str> {
        text.chars().find_map(|c| shipped_family_for(c.script(), &self.language))
    }

    /// The complex-script face of the document's own language, if it is written in one.
    pub(crate) fn default_complex(&self) -> Option<&'static str> {
        let script = match primary_language(&self.language).as_str() {
            "ar" | "fa" | "ur" | "ps" | "sd" | "ug" => Script::Arabic,
            "he" | "yi" => Script::Hebrew,
            "hi" | "mr" | "ne" | "sa" => Script::Devanagari,
            _ => return None,
        };
        shipped_family_for(script, &self.language)
    }
}

/// Adds the used faces to the package: names them in the font table, turns on embedding in the
/// settings, registers the part type, tags the document's language; returns the parts to add.
pub(crate) fn embed(
    faces: &ScriptFaces,
    parts: &mut XMLDocx,
    language: &str,
) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
    language_defaults(parts, language)?;
    if faces.used.is_empty() {
        return Ok(Vec::new());
    }
    let mut added = Vec::new();
    let mut relationships = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    ));
    let mut font_entries = String::new();
    for family in &faces.used {
        font_entries.push_str(&format!(
            r#"<w:font w:name="{family}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>"#
        ));
        for font in SHIPPED.iter().filter(|font| font.family == *family) {
            let id = format!("rIdFont{}", added.len() + 1);
            let key = font_key(font);
            let element = if font.bold { "embedBold" } else { "embedRegular" };
            font_entries.push_str(&format!(r#"<w:{element} r:id="{id}" w:fontKey="{key}"/>"#));
            let part = format!("fonts/font{}.odttf", added.len() + 1);
            relationships.push_str(&format!(r#"<Relationship Id="{id}" Type="{FONT_RELATIONSHIP}" Target="{part}"/>"#));
            added.push((format!("word/{part}"), obfuscate(font.data, &key)));
        }
        font_entries.push_str("</w:font>");
    }
    relationships.push_str("</Relationships>");
    added.push(("word/_rels/fontTable.xml.rels".to_owned(), relationships.into_bytes()));

    insert_before(&mut parts.font_table, "</w:fonts>", &font_entries)?;
    // After the zoom, where the schema puts it among the settings docx-rs writes.
    insert_before(&mut parts.settings, "<w:compat>", "<w:embedTrueTypeFonts/>")?;
    insert_before(
        &mut parts.content_type,
        "<Override ",
        &format!(r#"<Default Extension="odttf" ContentType="{OBFUSCATED_FONT}"/>"#),
    )?;
    Ok(added)
}

/// The language every run inherits, and for a right-to-left language the language of its
/// complex-script runs too: a spelling checker and a screen reader go by it.
fn language_defaults(parts: &mut XMLDocx, language: &str) -> Result<(), RenderError> {
    let tag = clean_tag(language);
    let Some(tag) = tag else { return Ok(()) };
    let bidi =
        if crate::fonts::is_right_to_left_language(&tag) { format!(r#" w:bidi="{tag}""#) } else { String::new() };
    let styles = std::str::from_utf8(&parts.styles).map_err(|_| RenderError::DocxPackage)?;
    let Some(defaults) = styles.find("<w:rPrDefault>") else { return Err(RenderError::DocxPackage) };
    let Some(end) = styles[defaults..].find("</w:rPr>") else { return Err(RenderError::DocxPackage) };
    let at = defaults + end;
    let mut updated = String::with_capacity(styles.len() + 64);
    updated.push_str(&styles[..at]);
    updated.push_str(&format!(r#"<w:lang w:val="{tag}"{bidi}/>"#));
    updated.push_str(&styles[at..]);
    parts.styles = updated.into_bytes();
    Ok(())
}

/// A language tag safe to write into an attribute: letters, digits and hyphens, at most 35.
fn clean_tag(language: &str) -> Option<String> {
    let tag = language.trim().replace('_', "-");
    let valid = !tag.is_empty() && tag.len() <= 35 && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    valid.then_some(tag)
}

fn insert_before(part: &mut Vec<u8>, marker: &str, addition: &str) -> Result<(), RenderError> {
    let text = std::str::from_utf8(part).map_err(|_| RenderError::DocxPackage)?;
    let at = text.find(marker).ok_or(RenderError::DocxPackage)?;
    let mut updated = String::with_capacity(text.len() + addition.len());
    updated.push_str(&text[..at]);
    updated.push_str(addition);
    updated.push_str(&text[at..]);
    *part = updated.into_bytes();
    Ok(())
}

/// `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` from the first 16 hex digits pairs of the font's
/// SHA-256, upper case as Word writes it.
fn font_key(font: &ShippedFont) -> String {
    let hex = font.sha256[..32].to_ascii_uppercase();
    format!("{{{}-{}-{}-{}-{}}}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// The key is the GUID's 16 bytes read from its last hex pair to its first; the first 32 bytes of
/// the font are XORed with it twice over (ECMA-376 Part 1, 17.8.1).
fn obfuscate(font: &[u8], key: &str) -> Vec<u8> {
    let digits: Vec<u8> = key.bytes().filter(u8::is_ascii_hexdigit).collect();
    let mut bytes = [0u8; 16];
    for (index, pair) in digits.chunks(2).enumerate() {
        let text = std::str::from_utf8(pair).expect("hex digits are ASCII");
        bytes[index] = u8::from_str_radix(text, 16).expect("two hex digits");
    }
    bytes.reverse();
    let mut data = font.to_vec();
    for (index, byte) in data.iter_mut().take(32).enumerate() {
        *byte ^= bytes[index % 16];
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_the_guid_reversed_and_covers_the_first_32_bytes() {
        let key = "{00112233-4455-6677-8899-AABBCCDDEEFF}";
        let font = vec![0u8; 40];
        let obfuscated = obfuscate(&font, key);
        assert_eq!(obfuscated[0], 0xFF);
        assert_eq!(obfuscated[15], 0x00);
        assert_eq!(obfuscated[16], 0xFF);
        assert_eq!(obfuscated[31], 0x00);
        assert!(obfuscated[32..].iter().all(|&b| b == 0));
        // Applying it again gives the font back.
        assert_eq!(obfuscate(&obfuscated, key), font);
    }

    #[test]
    fn a_run_asks_for_the_face_of_its_script_and_urdu_for_nastaliq() {
        let arabic = ScriptFaces { language: "ar".to_owned(), used: BTreeSet::new() };
        let urdu = ScriptFaces { language: "ur-PK".to_owned(), used: BTreeSet::new() };
        assert_eq!(arabic.for_text("2026: اجتماع"), Some("Noto Naskh Arabic"));
        assert_eq!(urdu.for_text("اجلاس"), Some("Noto Nastaliq Urdu"));
        assert_eq!(arabic.for_text("बैठक"), Some("Noto Serif Devanagari"));
        assert_eq!(arabic.for_text("Meeting, встреча"), None);
        assert_eq!(urdu.default_complex(), Some("Noto Nastaliq Urdu"));
        assert_eq!(ScriptFaces { language: "fr".to_owned(), used: BTreeSet::new() }.default_complex(), None);
    }

    #[test]
    fn only_safe_language_tags_are_written() {
        assert_eq!(clean_tag("ar_EG").as_deref(), Some("ar-EG"));
        assert_eq!(clean_tag("\"/><x"), None);
        assert_eq!(clean_tag(""), None);
    }
}
