//! Text preparation shared by both formats.

use std::borrow::Cow;

/// Makes user text storable in both formats: every line ending becomes `\n`, a tab becomes a
/// space, and other control characters and Unicode non-characters are dropped, because XML 1.0
/// cannot carry them at all and in a PDF they would only be invisible noise.
pub(crate) fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_cleaning) {
        return Cow::Borrowed(text);
    }
    let mut cleaned = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                cleaned.push('\n');
            }
            // Line and paragraph separators and NEL are line breaks by another name.
            '\u{85}' | '\u{2028}' | '\u{2029}' => cleaned.push('\n'),
            '\t' => cleaned.push(' '),
            '\n' => cleaned.push('\n'),
            c if is_dropped(c) => {}
            c => cleaned.push(c),
        }
    }
    Cow::Owned(cleaned)
}

fn needs_cleaning(c: char) -> bool {
    matches!(c, '\r' | '\t' | '\u{85}' | '\u{2028}' | '\u{2029}') || is_dropped(c)
}

fn is_dropped(c: char) -> bool {
    (c.is_control() && c != '\n') || is_noncharacter(c) || is_isolate(c)
}

/// The directional isolates (U+2066 to U+2069) that messages wrap their arguments in for a web
/// page. A PDF's text extracted by a reader's tools would carry them between the words, where
/// they break a search for a name; each paragraph's direction is set by the document instead.
fn is_isolate(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}')
}

/// U+FDD0..U+FDEF and the last two code points of every plane are permanently unassigned and
/// not allowed in XML.
fn is_noncharacter(c: char) -> bool {
    let code = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&code) || (code & 0xFFFE) == 0xFFFE
}

/// Whether a paragraph should run right to left: its first strongly directional character is
/// right-to-left (rules P2 and P3 of the Unicode bidirectional algorithm). Text with no strong
/// character (digits, punctuation) stays left to right.
pub(crate) fn is_right_to_left<'a>(parts: impl IntoIterator<Item = &'a str>) -> bool {
    for part in parts {
        match unicode_bidi::get_base_direction(part) {
            unicode_bidi::Direction::Rtl => return true,
            unicode_bidi::Direction::Ltr => return false,
            unicode_bidi::Direction::Mixed => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(clean("Plain — text, ünïcödé 中文 😀"), Cow::Borrowed(_)));
    }

    #[test]
    fn line_endings_tabs_and_controls_are_normalised() {
        assert_eq!(clean("a\r\nb\rc\nd\te\u{0}f\u{7}g\u{1b}h\u{2028}i\u{FFFF}j\u{FDD0}k"), "a\nb\nc\nd efgh\nijk");
        assert_eq!(clean("Page \u{2068}1\u{2069} of \u{2066}2\u{2069}"), "Page 1 of 2");
    }

    #[test]
    fn direction_follows_the_first_strong_character() {
        assert!(is_right_to_left(["שלום, world"]));
        assert!(is_right_to_left(["123 ", "مرحبا"]));
        assert!(!is_right_to_left(["Hello שלום"]));
        assert!(!is_right_to_left(["2026-11-22", ""]));
    }
}
