//! Documents that are not what the format writes are refused whole, with the line (and column)
//! of what is wrong, and a message that quotes none of the text.

use tracktwo_akoma_ntoso::{AknError, AknErrorKind, export, import};

use crate::drafts;

fn sample() -> String {
    let (meta, draft) = drafts::large();
    export(&meta, &draft)
}

/// The line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle} is in the sample"));
    text[..at].matches('\n').count() + 1
}

/// Replaces the first `from` by `to` and imports; returns the error and the line `from` was on.
fn refuse(from: &str, to: &str) -> (AknError, usize) {
    let text = sample();
    let line = line_of(&text, from);
    let changed = text.replacen(from, to, 1);
    assert_ne!(changed, text);
    (import(&changed).expect_err("the changed document is refused"), line)
}

#[test]
fn malformed_xml_is_refused_with_its_line() {
    let (error, line) = refuse("</heading>", "</headin>");
    assert!(matches!(error.kind, AknErrorKind::Malformed(_)), "{error}");
    assert_eq!(error.line, line);
    let (error, line) = refuse("&amp; перемирие", "& перемирие");
    assert!(matches!(error.kind, AknErrorKind::Malformed(_)), "{error}");
    assert_eq!(error.line, line);
    let text = sample();
    let cut = &text[..text.len() / 2];
    assert!(matches!(import(cut).unwrap_err().kind, AknErrorKind::Malformed(_)));
}

#[test]
fn another_namespace_is_refused() {
    let (error, line) =
        refuse("xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"", "xmlns=\"http://www.akomantoso.org/2.0\"");
    assert_eq!(error.kind, AknErrorKind::WrongNamespace { element: "akomaNtoso".into() });
    assert_eq!((error.line, error.column), (line, 1));

    // One element of the body in another namespace.
    let (error, line) = refuse("<article eId=\"c2\">", "<article xmlns=\"urn:other\" eId=\"c2\">");
    assert_eq!(error.kind, AknErrorKind::WrongNamespace { element: "article".into() });
    assert_eq!(error.line, line);
}

#[test]
fn a_duplicate_identifier_is_refused_where_it_repeats() {
    let (error, line) = refuse("<article eId=\"c7\">", "<article eId=\"c3\">");
    assert_eq!(error.kind, AknErrorKind::DuplicateId("c3".into()));
    assert_eq!(error.line, line);
    assert_eq!(error.column, 9, "the column of the repeated element's tag");
}

#[test]
fn unclosed_bracket_markup_is_refused() {
    let (error, line) = refuse("[Without prejudice]</span>", "[Without prejudice</span>");
    assert!(matches!(error.kind, AknErrorKind::BracketMarkup(_)), "{error}");
    assert_eq!(error.line, line);
    let (error, line) = refuse("</span>]</span>", "</span></span>");
    assert!(matches!(error.kind, AknErrorKind::BracketMarkup(_)), "{error}");
    assert_eq!(error.line, line);
    let (error, _) = refuse("</span>|<span class=\"option\">", "</span>/<span class=\"option\">");
    assert!(matches!(error.kind, AknErrorKind::BracketMarkup(_)), "{error}");
}

#[test]
fn what_the_format_does_not_have_is_refused() {
    let cases = [
        ("<heading xml:space=\"preserve\">Article 2</heading>", "<subheading>Article 2</subheading>"),
        ("<span class=\"bracket\">", "<span class=\"footnote\">"),
        ("<span class=\"bracket\">", "<b>"),
        ("<article eId=\"c2\">", "<article eId=\"c2\" status=\"removed\">"),
        ("<article eId=\"c2\">", "<article eId=\"c02\">"),
        ("<article eId=\"c3\" tt:adReferendum=\"true\">", "<article eId=\"c3\" tt:adReferendum=\"yes\">"),
        ("<content>", "stray words<content>"),
        ("alternativeTo=\"c5\"", "alternativeTo=\"c4\""),
        ("<FRBRversionNumber value=\"17\"/>", "<FRBRversionNumber value=\"18\"/>"),
        ("<FRBRlanguage language=\"en\"/>", "<FRBRlanguage language=\"English!\"/>"),
        ("<doc name=\"negotiatingText\">", "<doc name=\"report\">"),
    ];
    for (from, to) in cases {
        let (error, line) = refuse(from, to);
        // At the element changed, or at the one holding it (a metadata level opens up to five lines above).
        assert!(error.line >= line.saturating_sub(5) && error.line <= line, "{to}: {error} (line {line})");
        assert!(error.to_string().starts_with(&format!("line {}, column", error.line)));
    }
}

#[test]
fn a_document_type_declaration_is_refused() {
    let text = sample().replacen(
        "<akomaNtoso",
        "<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<akomaNtoso",
        1,
    );
    let error = import(&text).unwrap_err();
    assert_eq!((error.line, error.kind), (2, AknErrorKind::DocumentType));
}

#[test]
fn a_clause_the_domain_refuses_is_refused_at_its_article() {
    // A bracketed clause cannot be agreed ad referendum.
    let (error, line) = refuse("<article eId=\"c2\">", "<article eId=\"c2\" tt:adReferendum=\"true\">");
    assert!(matches!(error.kind, AknErrorKind::InvalidDraft(_)), "{error}");
    assert_eq!(error.line, line);
}

#[test]
fn errors_quote_no_text() {
    let (error, _) = refuse("[Without prejudice]</span>", "[Without prejudice</span>");
    assert!(!error.to_string().contains("prejudice"));
    let (error, _) = refuse("<content>", "stray words<content>");
    assert!(matches!(error.kind, AknErrorKind::UnexpectedText { .. }), "{error}");
    assert!(!error.to_string().contains("stray"));
    let (error, _) = refuse("<span class=\"bracket\">", "<span class=\"bracket\"><b>secret</b>");
    assert!(!error.to_string().contains("secret"), "{error}");
}
