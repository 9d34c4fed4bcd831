//! The little XML writing the wheel needs: escaping and short numbers.

use std::fmt;

/// Writes `text` escaped for both element content and a double- or single-quoted attribute.
/// Characters XML 1.0 cannot carry at all (most control characters) become U+FFFD, so a stray
/// byte in a label cannot break the page's parse.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// A coordinate or length with one decimal at most: a tenth of a user unit is below what a
/// screen or a printer shows, and the shorter numbers keep the map light.
#[derive(Clone, Copy)]
pub(crate) struct Num(pub(crate) f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tenths = (self.0 * 10.0).round();
        // Keeps "-0" out, which would make equal drawings differ in their bytes.
        let tenths = if tenths == 0.0 { 0.0 } else { tenths };
        if tenths % 10.0 == 0.0 { write!(f, "{}", tenths / 10.0) } else { write!(f, "{:.1}", tenths / 10.0) }
    }
}

/// Whether a link is safe to put in an `href`: a path, a fragment, a query, or an absolute
/// `http`/`https` address. Any other scheme (`javascript:`, `data:`) is refused, so a
/// malformed link is dropped rather than drawn.
pub(crate) fn safe_href(href: &str) -> bool {
    let href = href.trim();
    if href.is_empty() {
        return false;
    }
    match href.find([':', '/', '?', '#']) {
        Some(at) if href.as_bytes()[at] == b':' => {
            let scheme = &href[..at];
            scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape(r#"<script>&"'"#), "&lt;script&gt;&amp;&quot;&#39;");
        assert_eq!(escape("Ünal (UV-07)"), "Ünal (UV-07)");
    }

    #[test]
    fn characters_xml_cannot_carry_are_replaced() {
        assert_eq!(escape("a\u{1}b\u{FFFF}c\td"), "a\u{FFFD}b\u{FFFD}c\td");
    }

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(Num(400.0).to_string(), "400");
        assert_eq!(Num(12.345).to_string(), "12.3");
        assert_eq!(Num(-0.04).to_string(), "0");
        assert_eq!(Num(-3.96).to_string(), "-4");
        assert_eq!(Num(-3.94).to_string(), "-3.9");
    }

    #[test]
    fn only_paths_and_web_addresses_are_linked() {
        for good in ["/initiatives/1/actors/2", "actors/2", "#a", "?x=1", "https://example.org/a", "HTTP://x"] {
            assert!(safe_href(good), "{good}");
        }
        for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:x", "data:text/html,x", "", "  "] {
            assert!(!safe_href(bad), "{bad}");
        }
    }
}
