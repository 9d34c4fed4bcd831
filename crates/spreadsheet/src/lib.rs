//! Cells a spreadsheet would run as formulas, in every CSV tracktwo writes.
//!
//! Spreadsheets take a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
//! formula: `=HYPERLINK("https://…?"&B2, "details")` in a note sends whoever opens the export the
//! row's other cells. Such a cell is written with a leading apostrophe, which spreadsheets show
//! as plain text (OWASP's advice on CSV injection). A cell that already starts with apostrophes
//! before such a character gets one more, so reading takes exactly one off and every value comes
//! back as it was.

use std::borrow::Cow;

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn starts_like_a_formula(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// The cell as written: inert in a spreadsheet.
#[must_use]
pub fn inert(cell: &str) -> Cow<'_, str> {
    if starts_like_a_formula(cell) { Cow::Owned(format!("'{cell}")) } else { Cow::Borrowed(cell) }
}

/// The value of a cell written by [`inert`].
#[must_use]
pub fn value_of(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if starts_like_a_formula(cell) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_made_inert_and_every_value_comes_back() {
        for (value, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("'quoted", "'quoted"),
            ("plain - text", "plain - text"),
            ("", ""),
        ] {
            assert_eq!(inert(value), written, "{value:?}");
            assert_eq!(value_of(written), value, "{written:?}");
        }
        // A file written elsewhere, without the apostrophe, reads as it is.
        assert_eq!(value_of("=1+1"), "=1+1");
    }
}
