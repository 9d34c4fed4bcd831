//! What OCR output needs before it is traced: tesseract writes a page line by line, with the
//! typesetter's ligatures as single characters; a readout's paragraph is one line of text.

/// `raw` OCR output as paragraphs (separated by one blank line), each paragraph's lines joined.
///
/// A line that ends in a hyphen after a letter, followed by a line starting with a letter, is
/// joined without a space and keeps its hyphen: readout copies are typeset without
/// hyphenation, so a hyphen at a line's end is the word's own ("non-governmental" broken after
/// its hyphen), never one the typesetter added. Ligatures are spelt out and soft hyphens
/// dropped; everything else (quotes, dashes, case) is left to the trace, which reads them as
/// the copy's marks.
#[must_use]
pub fn clean_ocr_text(raw: &str) -> String {
    let mut spelt = String::with_capacity(raw.len());
    for c in raw.chars().filter(|&c| c != '\u{AD}') {
        match ligature_letters(c) {
            Some(letters) => spelt.push_str(letters),
            None => spelt.push(c),
        }
    }
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    // A form feed ends a page, and with it a paragraph.
    for line in spelt.split(['\n', '\u{0C}']) {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        let broken_after_hyphen = ends_in_hyphen_after_letter(&current) && line.starts_with(char::is_alphabetic);
        if !current.is_empty() && !broken_after_hyphen {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs.join("\n\n")
}

fn ends_in_hyphen_after_letter(text: &str) -> bool {
    let mut end = text.chars().rev();
    matches!(end.next(), Some('-' | '\u{2010}')) && end.next().is_some_and(char::is_alphabetic)
}

/// The letters of a Latin ligature (U+FB00 to U+FB06).
fn ligature_letters(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_join_into_paragraphs_and_ligatures_are_spelt_out() {
        let raw = "Both sides recognised that the\npresent programme of dam releases\n\nThe o\u{FB03}ce of the \u{FB01}rst\n\n\n\u{0C}";
        assert_eq!(
            clean_ocr_text(raw),
            "Both sides recognised that the present programme of dam releases\n\nThe office of the first"
        );
    }

    #[test]
    fn a_hyphen_at_a_line_end_is_kept_and_the_word_joined() {
        assert_eq!(clean_ocr_text("a non-\ngovernmental body"), "a non-governmental body");
        // A dash standing alone, or before a number, is not a broken word.
        assert_eq!(clean_ocr_text("the river -\nits flow"), "the river - its flow");
        assert_eq!(clean_ocr_text("from 2015-\n2019"), "from 2015- 2019");
        assert_eq!(clean_ocr_text("a soft\u{AD}ly spoken"), "a softly spoken");
    }

    #[test]
    fn nothing_read_is_nothing() {
        assert_eq!(clean_ocr_text(" \n\n\u{0C}\n"), "");
    }
}
