//! A document read with quick-xml into a small tree that keeps mixed content in order (a clause's
//! words sit between the spans that mark its brackets), each element with its namespace and its
//! place in the text. Limits are checked while reading, before anything large is built.

use quick_xml::XmlVersion;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::reader::NsReader;

use crate::error::{AknError, AknErrorKind, Cursor, LineIndex, Position};

/// Far above a negotiating text of 300 clauses and 40,000 words (well under a megabyte).
pub const BYTES_MAX: usize = 32 * 1024 * 1024;
pub const ELEMENTS_MAX: usize = 500_000;
/// The format nests ten levels deep; the limit keeps a hostile file from exhausting the stack.
pub const DEPTH_MAX: usize = 32;

pub const AKN: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
/// Our own vocabulary, where Akoma Ntoso allows attributes and metadata of other namespaces.
pub const TRACKTWO: &str = "urn:tracktwo:akoma-ntoso:1";
pub const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// Which namespace a name is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ns {
    None,
    Akn,
    Tracktwo,
    Xml,
    Other,
}

#[derive(Debug)]
pub struct Element {
    pub ns: Ns,
    pub name: String,
    pub attributes: Vec<Attribute>,
    pub children: Vec<Node>,
    pub at: Position,
}

#[derive(Debug)]
pub struct Attribute {
    pub ns: Ns,
    pub name: String,
    pub value: String,
}

#[derive(Debug)]
pub enum Node {
    Element(Element),
    /// Text, references resolved; adjacent pieces (text, references, CDATA) are one node.
    Text(String, Position),
}

impl Element {
    /// An attribute in no namespace.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|a| a.ns == Ns::None && a.name == name).map(|a| a.value.as_str())
    }

    pub fn tracktwo_attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|a| a.ns == Ns::Tracktwo && a.name == name).map(|a| a.value.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(..) => None,
        })
    }

    pub fn error(&self, kind: AknErrorKind) -> AknError {
        self.at.error(kind)
    }
}

/// Whether XML 1.0 can carry the character at all (its `Char` production).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Parses a whole document into its root element.
pub fn parse(text: &str) -> Result<Element, AknError> {
    if text.len() > BYTES_MAX {
        return Err(Position { line: 1, column: 1 }.error(AknErrorKind::TooLarge { max: BYTES_MAX }));
    }
    let source = text;
    let lines = LineIndex::new(text);
    let mut cursor = Cursor::new(text);
    // A byte-order mark is not text outside the root element.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let skipped = text.len() - body.len();
    let mut reader = NsReader::from_str(body);
    let mut open: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut elements = 0usize;
    let version = XmlVersion::Implicit1_0;
    loop {
        let start = skipped + usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let at = cursor.position(start);
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(error) => {
                let offset = skipped + usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                return Err(lines.position(offset).error(AknErrorKind::Malformed(describe(&error))));
            }
        };
        let malformed = |message: &str| Err(at.error(AknErrorKind::Malformed(message.to_owned())));
        // Where a character XML does not allow stands in the event's own text.
        let end = skipped + usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let not_allowed = |raw: &str| {
            let within = raw.find(|c| !is_xml_char(c)).unwrap_or_default();
            Err(lines
                .position(start + within)
                .error(AknErrorKind::Malformed("a character XML does not allow".to_owned())))
        };
        match event {
            Event::Start(_) | Event::Empty(_) if root.is_some() && open.is_empty() => {
                return malformed("a second root element");
            }
            Event::Start(ref tag) | Event::Empty(ref tag) => {
                elements += 1;
                if elements > ELEMENTS_MAX {
                    return Err(at.error(AknErrorKind::TooManyElements { max: ELEMENTS_MAX }));
                }
                if open.len() >= DEPTH_MAX {
                    return Err(at.error(AknErrorKind::TooDeep { max: DEPTH_MAX }));
                }
                let element = element(&reader, tag, at, version)?;
                if matches!(event, Event::Start(_)) {
                    open.push(element);
                } else {
                    match open.last_mut() {
                        Some(parent) => parent.children.push(Node::Element(element)),
                        None => root = Some(element),
                    }
                }
            }
            Event::End(_) => {
                // quick-xml has checked that the end tag matches the open one.
                if let Some(element) = open.pop() {
                    match open.last_mut() {
                        Some(parent) => parent.children.push(Node::Element(element)),
                        None => root = Some(element),
                    }
                }
            }
            Event::Text(text) => {
                let content = text.xml_content(version);
                if !content.chars().all(is_xml_char) {
                    return not_allowed(source.get(start..end).unwrap_or_default());
                }
                push_text(&mut open, &content, at, "text outside the root element")?;
            }
            Event::CData(data) => {
                let content = data.xml_content(version);
                if !content.chars().all(is_xml_char) {
                    return not_allowed(source.get(start..end).unwrap_or_default());
                }
                push_text(&mut open, &content, at, "CDATA outside the root element")?;
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) if is_xml_char(c) => c.to_string(),
                    Ok(Some(_)) | Err(_) => return malformed("a character reference XML does not allow"),
                    Ok(None) => match resolve_predefined_entity(&reference) {
                        Some(entity) => entity.to_owned(),
                        // Only XML's five are known: nothing is ever expanded from a definition.
                        None => return malformed("a reference (`&…;`) to an unknown entity"),
                    },
                };
                push_text(&mut open, &resolved, at, "a reference outside the root element")?;
            }
            Event::DocType(_) => return Err(at.error(AknErrorKind::DocumentType)),
            Event::Decl(declaration) => {
                if declaration.xml_version().is_ok_and(|v| v != XmlVersion::Explicit1_0) {
                    return malformed("only XML 1.0 is read");
                }
            }
            Event::Comment(_) | Event::PI(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(unclosed) = open.last() {
        return Err(lines.position(text.len()).error(AknErrorKind::Malformed(format!(
            "the document ends before <{}> (line {}) is closed",
            shown(&unclosed.name),
            unclosed.at.line
        ))));
    }
    root.ok_or_else(|| lines.position(0).error(AknErrorKind::Malformed("the document has no root element".to_owned())))
}

fn push_text(open: &mut [Element], text: &str, at: Position, outside: &str) -> Result<(), AknError> {
    match open.last_mut() {
        Some(element) => {
            if let Some(Node::Text(previous, _)) = element.children.last_mut() {
                previous.push_str(text);
            } else {
                element.children.push(Node::Text(text.to_owned(), at));
            }
            Ok(())
        }
        None if text.trim().is_empty() => Ok(()),
        None => Err(at.error(AknErrorKind::Malformed(outside.to_owned()))),
    }
}

fn namespace(result: &ResolveResult<'_>) -> Result<Ns, ()> {
    Ok(match result {
        ResolveResult::Unbound => Ns::None,
        ResolveResult::Bound(Namespace(uri)) => match *uri {
            uri if uri == AKN => Ns::Akn,
            uri if uri == TRACKTWO => Ns::Tracktwo,
            uri if uri == XML => Ns::Xml,
            _ => Ns::Other,
        },
        ResolveResult::Unknown(_) => return Err(()),
    })
}

fn element(
    reader: &NsReader<&[u8]>,
    tag: &BytesStart<'_>,
    at: Position,
    version: XmlVersion,
) -> Result<Element, AknError> {
    let malformed = |message: String| at.error(AknErrorKind::Malformed(message));
    let (resolved, local) = reader.resolver().resolve_element(tag.name());
    let ns = namespace(&resolved).map_err(|()| malformed("an element with an undeclared prefix".to_owned()))?;
    let name = local.as_ref().to_owned();
    let mut attributes = Vec::new();
    for attribute in tag.attributes() {
        let attribute = attribute.map_err(|e| malformed(describe(&e.into())))?;
        let key = attribute.key;
        if key.as_namespace_binding().is_some() {
            continue;
        }
        let (resolved, local) = reader.resolver().resolve_attribute(key);
        let ns = namespace(&resolved).map_err(|()| malformed("an attribute with an undeclared prefix".to_owned()))?;
        let value = attribute.normalized_value(version).map_err(|e| malformed(describe(&e)))?;
        if !value.chars().all(is_xml_char) {
            return Err(malformed("a character XML does not allow".to_owned()));
        }
        attributes.push(Attribute { ns, name: local.as_ref().to_owned(), value: value.into_owned() });
    }
    Ok(Element { ns, name, attributes, children: Vec::new(), at })
}

/// An element's name as an error may show it: a name of this format, or a stand-in. A hostile
/// file's tag names are not repeated into logs.
pub fn shown(name: &str) -> String {
    if !name.is_empty() && name.len() <= 40 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        name.to_owned()
    } else {
        "…".to_owned()
    }
}

/// quick-xml's errors in words that quote no content: some of its messages quote what they met,
/// and in a broken file that can be a piece of the text.
fn describe(error: &quick_xml::Error) -> String {
    use quick_xml::Error;
    use quick_xml::errors::IllFormedError;
    match error {
        Error::Syntax(syntax) => syntax.to_string(),
        Error::IllFormed(IllFormedError::MismatchedEndTag { .. }) => {
            "an end tag does not match the element it should close".to_owned()
        }
        Error::IllFormed(IllFormedError::UnmatchedEndTag(_)) => "an end tag closes no open element".to_owned(),
        Error::IllFormed(IllFormedError::UnclosedReference) => {
            "a `&` starts a reference that no `;` closes (a lone `&` is written `&amp;`)".to_owned()
        }
        Error::IllFormed(_) => "the document is not well-formed".to_owned(),
        Error::InvalidAttr(_) => "a malformed or repeated attribute".to_owned(),
        Error::Escape(_) => "a reference (`&…;`) that is unknown or broken".to_owned(),
        _ => "the document cannot be read".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> (usize, AknErrorKind) {
        let error = parse(text).unwrap_err();
        (error.line, error.kind)
    }

    #[test]
    fn mixed_content_keeps_its_order_and_whitespace() {
        let root = parse("<a xmlns='urn:x'> x &amp;<b/>\r\n&#13; y<![CDATA[<z>]]></a>").unwrap();
        assert_eq!(root.ns, Ns::Other);
        let texts: Vec<&str> = root
            .children
            .iter()
            .filter_map(|n| if let Node::Text(t, _) = n { Some(t.as_str()) } else { None })
            .collect();
        assert_eq!(texts, [" x &", "\n\r y<z>"]);
    }

    #[test]
    fn namespaces_resolve_with_or_without_prefixes() {
        let root = parse(&format!("<a:x xmlns:a='{AKN}' xmlns:t='{TRACKTWO}' t:k='1' xml:space='preserve'/>")).unwrap();
        assert_eq!((&root.ns, root.name.as_str()), (&Ns::Akn, "x"));
        assert_eq!(root.tracktwo_attribute("k"), Some("1"));
        assert_eq!(root.attributes[1].ns, Ns::Xml);
    }

    #[test]
    fn malformed_documents_fail_with_their_line() {
        let cases = [
            ("<a>\n<b>\n</a>", 3),
            ("<a>\n<b>", 2),
            ("", 1),
            ("<a/>\n<b/>", 2),
            ("<a>\n&bogus;</a>", 2),
            ("<a>\n&#1;</a>", 2),
            ("<a>\n\u{1}</a>", 2),
            ("<a x='1' x='2'/>", 1),
            ("<p:a/>", 1),
            ("text", 1),
        ];
        for (text, line) in cases {
            let (found, kind) = kind(text);
            assert_eq!(found, line, "{text:?}: {kind}");
            assert!(matches!(kind, AknErrorKind::Malformed(_)), "{text:?}: {kind}");
        }
    }

    #[test]
    fn a_document_type_is_refused_and_nothing_expanded() {
        let text = "<?xml version='1.0'?>\n<!DOCTYPE a [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>\n<a>&e;</a>";
        assert_eq!(kind(text), (2, AknErrorKind::DocumentType));
    }

    #[test]
    fn limits_hold() {
        assert_eq!(kind(&"<a>".repeat(1000)).1, AknErrorKind::TooDeep { max: DEPTH_MAX });
        let many = format!("<a>{}</a>", "<b/>".repeat(ELEMENTS_MAX));
        assert_eq!(kind(&many).1, AknErrorKind::TooManyElements { max: ELEMENTS_MAX });
        let large = format!("<a>{}</a>", " ".repeat(BYTES_MAX));
        assert_eq!(kind(&large).1, AknErrorKind::TooLarge { max: BYTES_MAX });
    }
}
