//! What GEXF and GraphML share: a small element tree read with quick-xml (each element knowing
//! its line), and a writer that escapes so that every character comes back as it went in.

use std::borrow::Cow;

use quick_xml::XmlVersion;
use quick_xml::escape::{escape, resolve_predefined_entity};
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::{Reader, Writer};

use std::collections::BTreeSet;

use tracktwo_domain::map::{ActorKind, Level, Track};

use crate::fields;
use crate::lines::LineIndex;
use crate::mapping::{Field, Mapping, TrackScheme};
use crate::{FileActor, ImportError, ImportProblem, Owner, XmlFault};

/// Deeper than any GEXF or GraphML file nests; the limit keeps a hostile file from exhausting
/// memory or the stack.
const DEPTH_MAX: usize = 64;

/// An element, with names stripped of their namespace prefixes (GEXF and GraphML are read by
/// local name, so a file that declares its namespace with a prefix reads the same).
#[derive(Debug, Default)]
pub(crate) struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Element>,
    /// The element's own text, its children's excluded, references resolved.
    pub text: String,
    pub line: usize,
}

impl Element {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    pub fn children<'e>(&'e self, name: &'e str) -> impl Iterator<Item = &'e Element> + 'e {
        self.children.iter().filter(move |child| child.name == name)
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|child| child.name == name)
    }
}

/// Normalises a field's name as tools spell it (`primary_track`, `Primary Track`) to ours
/// (`primary track`).
pub(crate) fn field_key(name: &str) -> String {
    name.trim().to_lowercase().replace(['_', '-'], " ")
}

/// The values a file gives one node or edge, by field, each with its line.
pub(crate) struct Values<'e> {
    pub file: &'e str,
    /// The node's or edge's own line, for a value that is missing.
    pub line: usize,
    /// How messages name the node or edge.
    pub owner: Owner,
    pub entries: Vec<(String, &'e str, usize)>,
}

impl<'e> Values<'e> {
    /// Adds a value, refusing a second one for the same field.
    pub fn insert(&mut self, key: String, value: &'e str, line: usize) -> Result<(), ImportError> {
        if self.entries.iter().any(|(k, _, _)| *k == key) {
            return Err(ImportError::new(
                self.file,
                line,
                ImportProblem::ValueTwice { owner: self.owner.clone(), key },
            ));
        }
        self.entries.push((key, value, line));
        Ok(())
    }

    pub fn get(&self, key: &str) -> Option<&'e str> {
        self.entry(key).map(|(value, _)| value)
    }

    /// The value of `key` and its line.
    pub fn entry(&self, key: &str) -> Option<(&'e str, usize)> {
        self.entries.iter().find(|(k, _, _)| k == key).map(|(_, value, line)| (*value, *line))
    }

    pub fn error(&self, line: usize, problem: ImportProblem) -> ImportError {
        ImportError::new(self.file, line, problem)
    }

    /// Parses the value of `key`, if there is one.
    pub fn parse<T>(
        &self,
        key: &str,
        parse: impl FnOnce(&str, &str) -> Result<T, ImportProblem>,
    ) -> Result<Option<T>, ImportError> {
        match self.entry(key) {
            None => Ok(None),
            Some((value, line)) => parse(key, value).map(Some).map_err(|problem| self.error(line, problem)),
        }
    }
}

/// How a GEXF or GraphML file is read: through a mapping or by tracktwo's own names, and the
/// scheme its track numbers follow.
#[derive(Clone, Copy)]
pub(crate) struct Reading<'a> {
    pub mapping: Option<&'a Mapping>,
    pub scheme: Option<TrackScheme>,
}

impl Reading<'_> {
    /// The scheme from the file's declaration and the one the user gave, which must agree.
    pub fn scheme(
        declared: Option<TrackScheme>,
        given: Option<TrackScheme>,
        file: &str,
        line: usize,
    ) -> Result<Option<TrackScheme>, ImportError> {
        match (declared, given) {
            (Some(declared), Some(given)) if declared != given => {
                Err(ImportError::new(file, line, ImportProblem::SchemeDisagrees { declared, given }))
            }
            (declared, given) => Ok(declared.or(given)),
        }
    }

    /// The value of one of tracktwo's fields: through the mapping, or by tracktwo's own name.
    pub fn value<'v>(&'v self, field: Field, values: &Values<'v>) -> Option<(&'v str, usize)> {
        match self.mapping {
            Some(mapping) => mapping.value(field, values),
            None => values.entry(field.own_key()),
        }
    }

    pub fn parse<T>(
        &self,
        field: Field,
        values: &Values<'_>,
        parse: impl FnOnce(&str, &str) -> Result<T, ImportProblem>,
    ) -> Result<Option<T>, ImportError> {
        match self.value(field, values) {
            None => Ok(None),
            Some((value, line)) => {
                parse(field.own_key(), value).map(Some).map_err(|message| values.error(line, message))
            }
        }
    }

    fn track(&self, field: Field, values: &Values<'_>) -> Result<Option<Track>, ImportError> {
        // A tracktwo file names its tracks by tracktwo's numbers, the IMTD nine, where it
        // declares no scheme; a file read through a mapping must declare one to give numbers.
        let scheme = self.scheme.or(self.mapping.is_none().then_some(TrackScheme::Imtd9));
        self.parse(field, values, |key, value| fields::track_in(key, value, scheme))
    }

    fn tracks(&self, values: &Values<'_>) -> Result<BTreeSet<Track>, ImportError> {
        let scheme = self.scheme.or(self.mapping.is_none().then_some(TrackScheme::Imtd9));
        Ok(self.parse(Field::Tracks, values, |key, value| fields::tracks_in(key, value, scheme))?.unwrap_or_default())
    }
}

/// An actor from a node's values, which GEXF and GraphML name alike; `id` is the node's id,
/// the code name where the file gives none. Read through a mapping, an actor whose kind, track
/// or level is missing or unknown is unplaced rather than refused.
pub(crate) fn actor(values: &Values<'_>, id: &str, reading: &Reading<'_>) -> Result<FileActor, ImportError> {
    let mut unplaced = BTreeSet::new();
    let kind =
        placed(values, reading, &mut unplaced, Field::Kind, reading.parse(Field::Kind, values, fields::actor_kind))?
            .unwrap_or(ActorKind::Person);
    let primary_track = placed(values, reading, &mut unplaced, Field::Track, reading.track(Field::Track, values))?;
    let mut tracks = reading.tracks(values)?;
    // An unplaced actor stands in the first of its other tracks, if it has one.
    let primary_track = primary_track.or_else(|| tracks.first().copied()).unwrap_or(Track::PrivateCitizens);
    tracks.insert(primary_track);
    let level =
        placed(values, reading, &mut unplaced, Field::Level, reading.parse(Field::Level, values, fields::level))?
            .unwrap_or(Level::Grassroots);
    let text = |field: Field| reading.value(field, values).map(|(value, _)| value);
    Ok(FileActor {
        code_name: text(Field::Code).unwrap_or(id).trim().to_owned(),
        name: text(Field::Name).and_then(fields::optional),
        kind,
        primary_track,
        tracks,
        level,
        side: text(Field::Side).and_then(fields::optional),
        role: text(Field::Role).unwrap_or_default().to_owned(),
        decision_maker: reading.parse(Field::DecisionMaker, values, fields::yes_no)?.unwrap_or(false),
        notes: text(Field::Notes).unwrap_or_default().to_owned(),
        public_description: text(Field::PublicDescription).unwrap_or_default().to_owned(),
        unplaced: match values.get("unplaced") {
            // A tracktwo export names the fields that still await the facilitator.
            Some(listed) if reading.mapping.is_none() => listed_fields(listed),
            _ => unplaced,
        },
    })
}

/// A field an actor needs: read through a mapping, one that is missing or unknown leaves the
/// actor unplaced (`None`); read by tracktwo's own names, it is refused. A number without a
/// track scheme is refused either way: no guess files an actor under the wrong track.
fn placed<T>(
    values: &Values<'_>,
    reading: &Reading<'_>,
    unplaced: &mut BTreeSet<&'static str>,
    field: Field,
    parsed: Result<Option<T>, ImportError>,
) -> Result<Option<T>, ImportError> {
    let lenient = reading.mapping.is_some();
    match parsed {
        Ok(Some(value)) => Ok(Some(value)),
        Err(error) if !lenient || matches!(error.problem, ImportProblem::TrackNumberWithoutScheme { .. }) => Err(error),
        Ok(None) if !lenient => Err(values.error(
            values.line,
            ImportProblem::NoValue { owner: values.owner.clone(), key: field.own_key().to_owned() },
        )),
        Ok(None) | Err(_) => {
            unplaced.insert(field.as_str());
            Ok(None)
        }
    }
}

/// The fields an export lists as awaiting placement, by tracktwo's names.
fn listed_fields(listed: &str) -> BTreeSet<&'static str> {
    listed
        .split([';', ',', ' '])
        .filter_map(|name| Field::parse(name).ok())
        .filter(|field| !field.of_ties())
        .map(Field::as_str)
        .collect()
}

/// Parses a whole document into its root element.
pub(crate) fn parse(file: &str, text: &str) -> Result<Element, ImportError> {
    // A byte-order mark is not text outside the root element.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::from_str(text);
    let lines = LineIndex::new(text);
    let mut open: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut version = XmlVersion::Implicit1_0;
    loop {
        let start = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(error) => {
                let line = lines.line_u64(reader.error_position());
                return Err(ImportError::new(file, line, ImportProblem::MalformedXml { fault: fault(&error) }));
            }
        };
        let fail = |problem: ImportProblem| Err(ImportError::new(file, lines.line_u64(start), problem));
        match event {
            Event::Start(_) | Event::Empty(_) if root.is_some() && open.is_empty() => {
                return fail(ImportProblem::SecondRoot);
            }
            Event::Start(tag) => {
                if open.len() >= DEPTH_MAX {
                    return fail(ImportProblem::TooDeep { most: DEPTH_MAX });
                }
                let line = lines.line_u64(start);
                open.push(element(file, line, &tag, version)?);
            }
            Event::Empty(tag) => {
                let line = lines.line_u64(start);
                let element = element(file, line, &tag, version)?;
                match open.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => root = Some(element),
                }
            }
            Event::End(_) => {
                // quick-xml has checked that the end tag matches the open one.
                if let Some(element) = open.pop() {
                    match open.last_mut() {
                        Some(parent) => parent.children.push(element),
                        None => root = Some(element),
                    }
                }
            }
            Event::Text(text) => {
                let content = text.xml_content(version);
                match open.last_mut() {
                    Some(element) => element.text.push_str(&content),
                    None if content.trim().is_empty() => {}
                    None => return fail(ImportProblem::TextOutsideRoot),
                }
            }
            Event::CData(data) => match open.last_mut() {
                Some(element) => element.text.push_str(&data.xml_content(version)),
                None => return fail(ImportProblem::CdataOutsideRoot),
            },
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(char)) => Cow::Owned(char.to_string()),
                    Ok(None) => match resolve_predefined_entity(&reference) {
                        Some(entity) => Cow::Borrowed(entity),
                        None => return fail(ImportProblem::UnknownEntity),
                    },
                    Err(_) => return fail(ImportProblem::InvalidCharacterReference),
                };
                match open.last_mut() {
                    Some(element) => element.text.push_str(&resolved),
                    None => return fail(ImportProblem::ReferenceOutsideRoot),
                }
            }
            Event::Decl(declaration) => {
                version = declaration.xml_version().unwrap_or(XmlVersion::Explicit1_0);
            }
            Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(unclosed) = open.last() {
        let line = lines.line(text.len());
        return Err(ImportError::new(
            file,
            line,
            ImportProblem::Unclosed { element: unclosed.name.clone(), line: unclosed.line },
        ));
    }
    root.ok_or_else(|| ImportError::new(file, 1, ImportProblem::NoRoot))
}

fn element(file: &str, line: usize, tag: &BytesStart<'_>, version: XmlVersion) -> Result<Element, ImportError> {
    let malformed =
        |error: quick_xml::Error| ImportError::new(file, line, ImportProblem::MalformedXml { fault: fault(&error) });
    let mut attributes = Vec::new();
    for attribute in tag.attributes() {
        let attribute = attribute.map_err(|e| malformed(e.into()))?;
        let value = attribute.normalized_value(version).map_err(malformed)?;
        attributes.push((attribute.key.local_name().as_ref().to_owned(), value.into_owned()));
    }
    Ok(Element {
        name: tag.local_name().as_ref().to_owned(),
        attributes,
        children: Vec::new(),
        text: String::new(),
        line,
    })
}

/// quick-xml's error by its kind. Some of its messages quote what they met (an entity's name,
/// a tag's name), and in a broken file that can be a piece of a note, so none is kept.
fn fault(error: &quick_xml::Error) -> XmlFault {
    use quick_xml::Error;
    use quick_xml::errors::{IllFormedError, SyntaxError};
    use quick_xml::events::attributes::AttrError;
    match error {
        Error::Syntax(syntax) => match syntax {
            SyntaxError::InvalidBangMarkup => XmlFault::UnknownMarkup,
            SyntaxError::UnclosedPI => XmlFault::UnclosedProcessingInstruction,
            SyntaxError::UnclosedXmlDecl => XmlFault::UnclosedDeclaration,
            SyntaxError::UnclosedComment => XmlFault::UnclosedComment,
            SyntaxError::UnclosedDoctype => XmlFault::UnclosedDoctype,
            SyntaxError::UnclosedCData => XmlFault::UnclosedCdata,
            SyntaxError::UnclosedTag => XmlFault::UnclosedTag,
            SyntaxError::UnclosedSingleQuotedAttributeValue | SyntaxError::UnclosedDoubleQuotedAttributeValue => {
                XmlFault::UnclosedAttributeValue
            }
        },
        Error::IllFormed(IllFormedError::MismatchedEndTag { .. }) => XmlFault::MismatchedEndTag,
        Error::IllFormed(IllFormedError::UnmatchedEndTag(_)) => XmlFault::UnmatchedEndTag,
        Error::IllFormed(IllFormedError::UnclosedReference) => XmlFault::UnclosedReference,
        Error::IllFormed(_) => XmlFault::NotWellFormed,
        Error::InvalidAttr(attribute) => match attribute {
            AttrError::ExpectedEq(_) => XmlFault::AttributeWithoutEquals,
            AttrError::ExpectedValue(_) => XmlFault::AttributeWithoutValue,
            AttrError::UnquotedValue(_) => XmlFault::UnquotedAttributeValue,
            AttrError::ExpectedQuote(..) => XmlFault::UnclosedAttributeValue,
            AttrError::Duplicated(..) => XmlFault::AttributeTwice,
        },
        Error::Escape(_) => XmlFault::BrokenReference,
        _ => XmlFault::Unreadable,
    }
}

/// A document being written, indented by two spaces.
pub(crate) struct Document {
    writer: Writer<Vec<u8>>,
}

// A `Vec<u8>` never refuses a write, so none of the writes below can fail.
const MEMORY: &str = "writing to memory cannot fail";

impl Document {
    pub fn new() -> Self {
        let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
        writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None))).expect(MEMORY);
        Self { writer }
    }

    pub fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.writer.write_event(Event::Start(tag(name, attributes))).expect(MEMORY);
    }

    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.writer.write_event(Event::Empty(tag(name, attributes))).expect(MEMORY);
    }

    pub fn close(&mut self, name: &str) {
        self.writer.write_event(Event::End(BytesEnd::new(name))).expect(MEMORY);
    }

    /// `<name …>text</name>` on one line, so no indentation enters the text.
    pub fn text_element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.writer.write_event(Event::Start(tag(name, attributes))).expect(MEMORY);
        // `escape` turns `\r` into `&#13;`, which a reader's end-of-line handling would
        // otherwise turn into `\n`.
        self.writer.write_event(Event::Text(BytesText::from_escaped(escape(text)))).expect(MEMORY);
        self.writer.write_event(Event::End(BytesEnd::new(name))).expect(MEMORY);
    }

    pub fn finish(self) -> String {
        let mut bytes = self.writer.into_inner();
        bytes.push(b'\n');
        // Only `&str` went in, so the bytes are UTF-8 and this copies nothing.
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

fn tag<'a>(name: &'a str, attributes: &[(&'a str, &'a str)]) -> BytesStart<'a> {
    let mut tag = BytesStart::new(name);
    for (key, value) in attributes {
        tag.push_attribute(Attribute { key: QName(key), value: attribute_value(value) });
    }
    tag
}

/// Escapes an attribute value. A reader replaces a literal tab or line break in an attribute
/// with a space (XML's attribute-value normalisation), so those go out as character references.
fn attribute_value(value: &str) -> Cow<'_, str> {
    let escaped = escape(value);
    if escaped.contains(['\n', '\t']) {
        Cow::Owned(escaped.replace('\n', "&#10;").replace('\t', "&#9;"))
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_come_back_exactly() {
        let awkward = "a <b> & \"c\" 'd'\r\n\te\r";
        let mut document = Document::new();
        document.open("root", &[("value", awkward)]);
        document.text_element("data", &[("key", "k")], awkward);
        document.empty("leaf", &[("value", " spaced  out ")]);
        document.close("root");
        let written = document.finish();
        let root = parse("test.xml", &written).unwrap();
        assert_eq!(root.attribute("value"), Some(awkward));
        assert_eq!(root.child("data").unwrap().text, awkward);
        assert_eq!(root.child("leaf").unwrap().attribute("value"), Some(" spaced  out "));
        assert_eq!(root.child("leaf").unwrap().line, 5, "the text's line break counts");
    }

    #[test]
    fn names_lose_their_prefixes_and_references_resolve() {
        let root = parse("t", "<g:a xmlns:g='x' g:k='1'>x&amp;&#65;<![CDATA[<y>]]></g:a>").unwrap();
        assert_eq!(root.name, "a");
        assert_eq!(root.attribute("k"), Some("1"));
        assert_eq!(root.text, "x&A<y>");
    }

    #[test]
    fn malformed_documents_fail_with_a_line() {
        let cases = [
            ("<a>\n<b>\n</a>", 3),
            ("<a>\n<b>", 2),
            ("", 1),
            ("<a/>\n<b/>", 2),
            ("<a>\n&bogus;</a>", 2),
            ("<a x='1' x='2'/>", 1),
            ("text", 1),
        ];
        for (text, line) in cases {
            let error = parse("t.xml", text).unwrap_err();
            assert_eq!(error.line, line, "{text:?}: {error}");
            assert!(error.problem.to_string().starts_with("malformed XML"), "{error}");
        }
    }

    #[test]
    fn quick_xmls_errors_come_back_by_their_kind() {
        let cases = [
            ("<a>\n<b>\n</a>", XmlFault::MismatchedEndTag),
            ("</a>", XmlFault::UnmatchedEndTag),
            ("<a x='1' x='2'/>", XmlFault::AttributeTwice),
            ("<a x=1/>", XmlFault::UnquotedAttributeValue),
            ("<a>\n<!-- never closed", XmlFault::UnclosedComment),
            ("<a>\n<b x='1", XmlFault::UnclosedAttributeValue),
            ("<a>\n<b", XmlFault::UnclosedTag),
            ("<a>\n<![CDATA[x", XmlFault::UnclosedCdata),
            ("<a>&amp</a>", XmlFault::UnclosedReference),
        ];
        for (text, kind) in cases {
            let error = parse("t.xml", text).unwrap_err();
            assert_eq!(error.problem, ImportProblem::MalformedXml { fault: kind }, "{text:?}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_no_content() {
        assert_eq!(parse("t.xml", "\u{feff}<?xml version=\"1.0\"?>\n<a/>").unwrap().line, 2);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = "<a>".repeat(10_000);
        assert!(parse("t.xml", &text).unwrap_err().problem.to_string().contains("nest deeper"));
    }
}
