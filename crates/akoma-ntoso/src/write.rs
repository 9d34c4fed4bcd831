//! Writing the document. Structure is indented for people who open the file; text-bearing
//! elements (`<p>`, `<heading>`, `<num>`, `<docTitle>` and the spans inside them) are written on
//! one line with nothing added, and marked `xml:space="preserve"`, so every space of the text is
//! the text's own.

use quick_xml::escape::escape;
use tracktwo_domain::negotiating_text::{Alternative, Body, Clause, Draft, Part, Replaces, Span};

use crate::TextMeta;
use crate::tree::{AKN, TRACKTWO, is_xml_char};

/// The classes that mark a clause's notation inside a `<p>`.
pub const BRACKET: &str = "bracket";
pub const CHOICE: &str = "choice";
pub const OPTION: &str = "option";
/// A stretch of words written as an element of its own, where plain text would merge it with the
/// words before it or lose it for being empty.
pub const WORDS: &str = "words";
/// A character XML cannot carry (a control character other than tab and line breaks, U+FFFE,
/// U+FFFF), written as a marker naming its code point.
pub const CHARACTER: &str = "character";
/// The `<p>` of an alternative that quotes the words it would replace.
pub const REPLACES: &str = "replaces";
/// The `<p>` that stands in the body of a draft with no parts (Akoma Ntoso's body needs one).
pub const NO_PARTS: &str = "noParts";
pub const DOC_NAME: &str = "negotiatingText";
pub const ALTERNATIVE: &str = "alternative";

pub struct Out {
    text: String,
    depth: usize,
}

impl Out {
    fn new() -> Self {
        Self { text: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), depth: 0 }
    }

    fn newline(&mut self) {
        self.text.push('\n');
        for _ in 0..self.depth {
            self.text.push_str("  ");
        }
    }

    fn tag(&mut self, name: &str, attributes: &[(&str, &str)], empty: bool) {
        self.text.push('<');
        self.text.push_str(name);
        for (key, value) in attributes {
            self.text.push(' ');
            self.text.push_str(key);
            self.text.push_str("=\"");
            attribute_value(&mut self.text, value);
            self.text.push('"');
        }
        self.text.push_str(if empty { "/>" } else { ">" });
    }

    /// A structural element's start tag on a line of its own.
    pub fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.newline();
        self.tag(name, attributes, false);
        self.depth += 1;
    }

    pub fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.newline();
        self.end(name);
    }

    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.newline();
        self.tag(name, attributes, true);
    }

    /// A start tag inside a line of text.
    fn start(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.tag(name, attributes, false);
    }

    fn end(&mut self, name: &str) {
        self.text.push_str("</");
        self.text.push_str(name);
        self.text.push('>');
    }

    /// Text inside a text-bearing element: escaped, each character XML cannot carry as a marker.
    fn words(&mut self, words: &str) {
        let mut rest = words;
        while let Some(at) = rest.find(|c| !is_xml_char(c)) {
            self.text.push_str(&escape(&rest[..at]));
            let c = rest[at..].chars().next().unwrap_or_default();
            let code = format!("U+{:04X}", u32::from(c));
            self.tag("marker", &[("name", CHARACTER), ("title", &code)], true);
            rest = &rest[at + c.len_utf8()..];
        }
        self.text.push_str(&escape(rest));
    }

    /// `<name xml:space="preserve" …>text</name>` on one line.
    pub fn line(&mut self, name: &str, attributes: &[(&str, &str)], words: &str) {
        self.newline();
        let mut all = vec![("xml:space", "preserve")];
        all.extend_from_slice(attributes);
        self.start(name, &all);
        self.words(words);
        self.end(name);
    }
}

/// Escapes an attribute value. A reader replaces a literal tab or line break in an attribute by
/// a space, so those go out as character references; what XML cannot carry becomes U+FFFD.
fn attribute_value(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

pub fn document(meta: &TextMeta, draft: &Draft) -> String {
    let mut out = Out::new();
    out.open("akomaNtoso", &[("xmlns", AKN), ("xmlns:tt", TRACKTWO)]);
    out.open("doc", &[("name", DOC_NAME)]);
    crate::meta::write(&mut out, meta);
    out.open("preface", &[]);
    out.newline();
    out.start("p", &[("class", "title")]);
    out.start("docTitle", &[("xml:space", "preserve")]);
    out.words(&draft.title);
    out.end("docTitle");
    out.end("p");
    out.close("preface");
    if !draft.preamble.is_empty() {
        out.open("preamble", &[]);
        // A line of the preamble is a paragraph; line breaks are where one ends.
        for paragraph in draft.preamble.split('\n') {
            out.line("p", &[], paragraph);
        }
        out.close("preamble");
    }
    out.open("mainBody", &[]);
    if draft.parts.is_empty() {
        out.empty("p", &[("class", NO_PARTS)]);
    }
    for part in &draft.parts {
        write_part(&mut out, part);
    }
    out.close("mainBody");
    out.close("doc");
    out.close("akomaNtoso");
    out.text.push('\n');
    out.text
}

fn write_part(out: &mut Out, part: &Part) {
    let id = part.id.to_string();
    if part.heading.is_empty() && part.clauses.is_empty() {
        out.empty("part", &[("eId", &id)]);
        return;
    }
    out.open("part", &[("eId", &id)]);
    if !part.heading.is_empty() {
        out.line("heading", &[], &part.heading);
    }
    for clause in &part.clauses {
        write_clause(out, clause);
    }
    out.close("part");
}

fn write_clause(out: &mut Out, clause: &Clause) {
    let id = clause.id.to_string();
    let renders = clause.renders.map(|r| r.source.to_hex());
    let mut attributes = vec![("eId", id.as_str())];
    if clause.ad_referendum {
        attributes.push(("tt:adReferendum", "true"));
    }
    if let Some(source) = &renders {
        attributes.push(("tt:renders", source));
    }
    out.open("article", &attributes);
    if !clause.heading.is_empty() {
        out.line("heading", &[], &clause.heading);
    }
    match &clause.body {
        Body::Text(spans) => {
            out.open("content", &[]);
            write_spans(out, spans);
            out.close("content");
        }
        Body::Alternatives(alternatives) => {
            for (index, alternative) in alternatives.iter().enumerate() {
                write_alternative(out, &id, index + 1, alternative);
            }
        }
    }
    out.close("article");
}

/// Akoma Ntoso's mechanism for alternative wordings: an element whose `alternativeTo` names the
/// element it is an alternative version of, here the clause.
fn write_alternative(out: &mut Out, clause: &str, number: usize, alternative: &Alternative) {
    let id = format!("{clause}__alt_{number}");
    out.open("hcontainer", &[("name", ALTERNATIVE), ("eId", &id), ("alternativeTo", clause)]);
    out.line("num", &[], &alternative.label);
    out.open("content", &[]);
    if let Replaces::Words(words) = &alternative.replaces {
        out.newline();
        out.start("p", &[("class", REPLACES)]);
        out.start("del", &[("xml:space", "preserve")]);
        out.words(words);
        out.end("del");
        out.end("p");
    }
    write_spans(out, &alternative.text);
    out.close("content");
    out.close("hcontainer");
}

/// A clause's words in one `<p>`: plain text, `[words]` in a bracket span, `[a|b]` in a choice
/// span of option spans. The brackets and bars stay in the text, so a reader that knows nothing
/// of the classes still reads the notation negotiators use.
fn write_spans(out: &mut Out, spans: &[Span]) {
    out.newline();
    out.start("p", &[("xml:space", "preserve")]);
    let mut after_words = false;
    for span in spans {
        match span {
            Span::Words(words) if words.is_empty() || after_words => {
                out.start("span", &[("class", WORDS)]);
                out.words(words);
                out.end("span");
            }
            Span::Words(words) => out.words(words),
            Span::Bracketed(words) => {
                out.start("span", &[("class", BRACKET)]);
                out.words("[");
                out.words(words);
                out.words("]");
                out.end("span");
            }
            Span::Choice(wordings) => {
                out.start("span", &[("class", CHOICE)]);
                out.words("[");
                for (index, wording) in wordings.iter().enumerate() {
                    if index > 0 {
                        out.words("|");
                    }
                    out.start("span", &[("class", OPTION)]);
                    out.words(wording);
                    out.end("span");
                }
                out.words("]");
                out.end("span");
            }
        }
        after_words = matches!(span, Span::Words(_));
    }
    out.end("p");
}
