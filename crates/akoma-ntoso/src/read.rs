//! Reading a document back into a draft. What the writer writes is understood, whatever its
//! indentation; anything else (another element, a stray attribute, text where structure is
//! expected, markup that does not spell the bracket notation) is refused where it stands.

use std::collections::HashMap;

use tracktwo_domain::negotiating_text::{
    Alternative, Body, Clause, ClauseId, ContentHash, Draft, DraftError, Part, PartId, Renders, Replaces, Span,
};

use crate::TextMeta;
use crate::error::{AknError, AknErrorKind};
use crate::tree::{self, Element, Node, Ns, shown};
use crate::write::{ALTERNATIVE, BRACKET, CHARACTER, CHOICE, DOC_NAME, NO_PARTS, OPTION, REPLACES, WORDS};

pub fn document(xml: &str) -> Result<(TextMeta, Draft), AknError> {
    let root = tree::parse(xml)?;
    if root.name != "akomaNtoso" {
        return Err(root.error(AknErrorKind::NotANegotiatingText));
    }
    if root.ns != Ns::Akn {
        return Err(root.error(AknErrorKind::WrongNamespace { element: shown_element(&root) }));
    }
    attributes(&root, &[], &[])?;
    let [doc] = structure(&root, &["doc"])?[..] else {
        return Err(root.error(AknErrorKind::NotANegotiatingText));
    };
    attributes(doc, &["name"], &[])?;
    if doc.attribute("name") != Some(DOC_NAME) {
        return Err(doc.error(AknErrorKind::NotANegotiatingText));
    }
    unique_ids(&root)?;
    let children = structure(doc, &["meta", "preface", "preamble", "mainBody"])?;
    let mut next = Sequence { parent: doc, children: children.into_iter().peekable() };
    let meta = crate::meta::read(next.required("meta")?)?;
    let title = preface(next.required("preface")?)?;
    let preamble = next.optional("preamble").map(preamble).transpose()?.unwrap_or_default();
    let main_body = next.required("mainBody")?;
    next.end()?;
    let (parts, places) = body(main_body)?;
    let draft = Draft { title, preamble, parts };
    draft.validate().map_err(|error| {
        let at = match &error {
            DraftError::Clause(id, _) | DraftError::DuplicateClause(id) => places.clauses.get(id),
            DraftError::DuplicatePart(id) => places.parts.get(id),
            DraftError::Invalid(_) => None,
        };
        at.copied().unwrap_or(doc.at).error(AknErrorKind::InvalidDraft(error))
    })?;
    Ok((meta, draft))
}

/// A parent's child elements taken in the order the format has them.
struct Sequence<'e, I: Iterator<Item = &'e Element>> {
    parent: &'e Element,
    children: std::iter::Peekable<I>,
}

impl<'e, I: Iterator<Item = &'e Element>> Sequence<'e, I> {
    fn optional(&mut self, name: &str) -> Option<&'e Element> {
        self.children.next_if(|element| element.name == name)
    }

    fn required(&mut self, name: &'static str) -> Result<&'e Element, AknError> {
        if let Some(element) = self.optional(name) {
            return Ok(element);
        }
        Err(match self.children.peek() {
            Some(element) => element.error(AknErrorKind::UnexpectedElement {
                element: shown_element(element),
                parent: shown_element(self.parent),
            }),
            None => {
                self.parent.error(AknErrorKind::MissingElement { element: name, parent: shown_element(self.parent) })
            }
        })
    }

    fn end(&mut self) -> Result<(), AknError> {
        match self.children.next() {
            Some(extra) => Err(extra.error(AknErrorKind::UnexpectedElement {
                element: shown_element(extra),
                parent: shown_element(self.parent),
            })),
            None => Ok(()),
        }
    }
}

/// Where each part and clause was read, for errors found once the draft is whole.
#[derive(Default)]
struct Places {
    parts: HashMap<PartId, crate::error::Position>,
    clauses: HashMap<ClauseId, crate::error::Position>,
}

pub fn shown_element(element: &Element) -> String {
    match element.ns {
        Ns::Tracktwo => format!("tt:{}", shown(&element.name)),
        _ => shown(&element.name),
    }
}

/// The first child element of this name in Akoma Ntoso's namespace.
pub fn child<'e>(parent: &'e Element, name: &'static str) -> Result<&'e Element, AknError> {
    parent
        .elements()
        .find(|e| e.ns == Ns::Akn && e.name == name)
        .ok_or_else(|| parent.error(AknErrorKind::MissingElement { element: name, parent: shown_element(parent) }))
}

pub fn attribute<'e>(element: &'e Element, name: &'static str) -> Result<&'e str, AknError> {
    element.attribute(name).ok_or_else(|| {
        element.error(AknErrorKind::MissingAttribute { element: shown_element(element), attribute: name })
    })
}

/// Refuses an attribute other than those named (in no namespace, and in ours); `xml:space` is
/// allowed everywhere, as `preserve`.
fn attributes(element: &Element, plain: &[&str], ours: &[&str]) -> Result<(), AknError> {
    for attribute in &element.attributes {
        let known = match attribute.ns {
            Ns::None => plain.contains(&attribute.name.as_str()),
            Ns::Tracktwo => ours.contains(&attribute.name.as_str()),
            Ns::Xml => attribute.name == "space" && attribute.value == "preserve",
            Ns::Akn | Ns::Other => false,
        };
        if !known {
            let prefix = match attribute.ns {
                Ns::Tracktwo => "tt:",
                Ns::Xml => "xml:",
                _ => "",
            };
            return Err(element.error(AknErrorKind::UnexpectedAttribute {
                element: shown_element(element),
                attribute: format!("{prefix}{}", shown(&attribute.name)),
            }));
        }
    }
    Ok(())
}

/// An element's child elements, which must be Akoma Ntoso's and among `allowed`, with nothing but
/// whitespace between them.
fn structure<'e>(parent: &'e Element, allowed: &[&str]) -> Result<Vec<&'e Element>, AknError> {
    let mut elements = Vec::new();
    for node in &parent.children {
        match node {
            Node::Text(text, at) if !text.trim().is_empty() => {
                return Err(at.error(AknErrorKind::UnexpectedText { parent: shown_element(parent) }));
            }
            Node::Text(..) => {}
            Node::Element(element) if element.ns != Ns::Akn => {
                return Err(element.error(AknErrorKind::WrongNamespace { element: shown_element(element) }));
            }
            Node::Element(element) if !allowed.contains(&element.name.as_str()) => {
                return Err(element.error(AknErrorKind::UnexpectedElement {
                    element: shown_element(element),
                    parent: shown_element(parent),
                }));
            }
            Node::Element(element) => elements.push(element),
        }
    }
    Ok(elements)
}

/// No two elements share an `eId` (the schema says so too; a reader must not pick one).
fn unique_ids(root: &Element) -> Result<(), AknError> {
    fn walk<'e>(element: &'e Element, seen: &mut HashMap<&'e str, ()>) -> Result<(), AknError> {
        if let Some(id) = element.attribute("eId")
            && seen.insert(id, ()).is_some()
        {
            return Err(element.error(AknErrorKind::DuplicateId(shown(id))));
        }
        element.elements().try_for_each(|child| walk(child, seen))
    }
    walk(root, &mut HashMap::new())
}

fn class(element: &Element) -> Option<&str> {
    element.attribute("class")
}

/// The text of an element that holds only text and character markers.
fn text_of(element: &Element) -> Result<String, AknError> {
    let mut text = String::new();
    for node in &element.children {
        match node {
            Node::Text(words, _) => text.push_str(words),
            Node::Element(inner) => text.push(character(inner, element)?),
        }
    }
    Ok(text)
}

/// A character marker's character: one XML cannot carry, by its code point.
fn character(marker: &Element, parent: &Element) -> Result<char, AknError> {
    if marker.ns != Ns::Akn || marker.name != "marker" || marker.attribute("name") != Some(CHARACTER) {
        return Err(marker
            .error(AknErrorKind::UnexpectedElement { element: shown_element(marker), parent: shown_element(parent) }));
    }
    attributes(marker, &["name", "title"], &[])?;
    if !marker.children.is_empty() {
        return Err(marker.error(AknErrorKind::UnexpectedText { parent: "marker".to_owned() }));
    }
    attribute(marker, "title")?
        .strip_prefix("U+")
        .filter(|hex| (4..=6).contains(&hex.len()))
        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
        .and_then(char::from_u32)
        .filter(|c| !tree::is_xml_char(*c))
        .ok_or_else(|| {
            marker.error(AknErrorKind::BadAttribute {
                element: "marker".to_owned(),
                attribute: "title".to_owned(),
                reason: "does not name a character XML cannot carry, such as U+000C",
            })
        })
}

/// A text-bearing element: `xml:space` and the attributes named, then its text.
fn line(element: &Element, plain: &[&str]) -> Result<String, AknError> {
    attributes(element, plain, &[])?;
    text_of(element)
}

fn preface(preface: &Element) -> Result<String, AknError> {
    attributes(preface, &[], &[])?;
    let [p] = structure(preface, &["p"])?[..] else {
        return Err(preface.error(AknErrorKind::MissingElement { element: "p", parent: "preface".to_owned() }));
    };
    attributes(p, &["class"], &[])?;
    let mut title = None;
    for node in &p.children {
        match node {
            Node::Element(element) if element.ns == Ns::Akn && element.name == "docTitle" && title.is_none() => {
                title = Some(line(element, &[])?);
            }
            Node::Text(text, _) if text.trim().is_empty() => {}
            Node::Text(_, at) => return Err(at.error(AknErrorKind::UnexpectedText { parent: "p".to_owned() })),
            Node::Element(element) => {
                return Err(element.error(AknErrorKind::UnexpectedElement {
                    element: shown_element(element),
                    parent: "p".to_owned(),
                }));
            }
        }
    }
    if class(p) != Some("title") {
        return Err(p.error(AknErrorKind::BadAttribute {
            element: "p".to_owned(),
            attribute: "class".to_owned(),
            reason: "is not `title`",
        }));
    }
    title.ok_or_else(|| p.error(AknErrorKind::MissingElement { element: "docTitle", parent: "p".to_owned() }))
}

fn preamble(preamble: &Element) -> Result<String, AknError> {
    attributes(preamble, &[], &[])?;
    let paragraphs = structure(preamble, &["p"])?;
    if paragraphs.is_empty() {
        return Err(preamble.error(AknErrorKind::MissingElement { element: "p", parent: "preamble".to_owned() }));
    }
    let lines = paragraphs.into_iter().map(|p| line(p, &[])).collect::<Result<Vec<_>, _>>()?;
    Ok(lines.join("\n"))
}

fn body(main_body: &Element) -> Result<(Vec<Part>, Places), AknError> {
    attributes(main_body, &[], &[])?;
    let elements = structure(main_body, &["part", "p"])?;
    let mut places = Places::default();
    if let [p] = elements[..]
        && p.name == "p"
    {
        attributes(p, &["class"], &[])?;
        if class(p) == Some(NO_PARTS) && p.children.is_empty() {
            return Ok((Vec::new(), places));
        }
    }
    let mut parts = Vec::new();
    for element in elements {
        if element.name != "part" {
            return Err(element
                .error(AknErrorKind::UnexpectedElement { element: "p".to_owned(), parent: "mainBody".to_owned() }));
        }
        parts.push(part(element, &mut places)?);
    }
    Ok((parts, places))
}

fn identifier<T: std::str::FromStr>(element: &Element, written: impl Fn(&T) -> String) -> Result<T, AknError> {
    let id = attribute(element, "eId")?;
    // The one spelling the writer uses (`c12`, never `c012`), so an identifier reads one way only.
    id.parse::<T>().ok().filter(|parsed| written(parsed) == id).ok_or_else(|| {
        element.error(AknErrorKind::BadAttribute {
            element: shown_element(element),
            attribute: "eId".to_owned(),
            reason: "is not an identifier of this format (p2 for a part, c12 for a clause)",
        })
    })
}

/// A heading, if the element's children start with one; the rest of the children.
fn heading<'e>(children: &[&'e Element]) -> Result<(String, Vec<&'e Element>), AknError> {
    match children.split_first() {
        Some((first, rest)) if first.name == "heading" => Ok((line(first, &[])?, rest.to_vec())),
        _ => Ok((String::new(), children.to_vec())),
    }
}

fn part(element: &Element, places: &mut Places) -> Result<Part, AknError> {
    attributes(element, &["eId"], &[])?;
    let id: PartId = identifier(element, PartId::to_string)?;
    places.parts.entry(id).or_insert(element.at);
    let (heading, rest) = heading(&structure(element, &["heading", "article"])?)?;
    let mut clauses = Vec::new();
    for article in rest {
        if article.name != "article" {
            return Err(article.error(AknErrorKind::UnexpectedElement {
                element: shown_element(article),
                parent: "part".to_owned(),
            }));
        }
        clauses.push(clause(article, places)?);
    }
    Ok(Part { id, heading, clauses })
}

fn clause(article: &Element, places: &mut Places) -> Result<Clause, AknError> {
    attributes(article, &["eId"], &["adReferendum", "renders"])?;
    let id: ClauseId = identifier(article, ClauseId::to_string)?;
    places.clauses.entry(id).or_insert(article.at);
    let ad_referendum = match article.tracktwo_attribute("adReferendum") {
        None => false,
        Some("true") => true,
        Some(_) => {
            return Err(article.error(AknErrorKind::BadAttribute {
                element: "article".to_owned(),
                attribute: "tt:adReferendum".to_owned(),
                reason: "is not `true` (a clause not agreed has no such attribute)",
            }));
        }
    };
    let renders = article
        .tracktwo_attribute("renders")
        .map(|hex| {
            ContentHash::from_hex(hex).map(|source| Renders { source }).ok_or_else(|| {
                article.error(AknErrorKind::BadAttribute {
                    element: "article".to_owned(),
                    attribute: "tt:renders".to_owned(),
                    reason: "is not a SHA-256 hex digest",
                })
            })
        })
        .transpose()?;
    let (heading, rest) = heading(&structure(article, &["heading", "content", "hcontainer"])?)?;
    let body = match rest[..] {
        [content] if content.name == "content" => Body::Text(content_spans(content)?),
        _ => {
            let mut alternatives = Vec::new();
            for element in &rest {
                if element.name != "hcontainer" {
                    return Err(element.error(AknErrorKind::UnexpectedElement {
                        element: shown_element(element),
                        parent: "article".to_owned(),
                    }));
                }
                alternatives.push(alternative(element, &id.to_string())?);
            }
            if alternatives.is_empty() {
                return Err(
                    article.error(AknErrorKind::MissingElement { element: "content", parent: "article".to_owned() })
                );
            }
            Body::Alternatives(alternatives)
        }
    };
    Ok(Clause { id, heading, body, ad_referendum, renders })
}

fn content_spans(content: &Element) -> Result<Vec<Span>, AknError> {
    attributes(content, &[], &[])?;
    let [p] = structure(content, &["p"])?[..] else {
        return Err(
            content.error(AknErrorKind::UnexpectedElement { element: "p".to_owned(), parent: "content".to_owned() })
        );
    };
    spans(p)
}

fn alternative(element: &Element, clause: &str) -> Result<Alternative, AknError> {
    attributes(element, &["name", "eId", "alternativeTo"], &[])?;
    if element.attribute("name") != Some(ALTERNATIVE) {
        return Err(element.error(AknErrorKind::BadAttribute {
            element: "hcontainer".to_owned(),
            attribute: "name".to_owned(),
            reason: "is not `alternative`",
        }));
    }
    attribute(element, "eId")?;
    if attribute(element, "alternativeTo")? != clause {
        return Err(element.error(AknErrorKind::BadAttribute {
            element: "hcontainer".to_owned(),
            attribute: "alternativeTo".to_owned(),
            reason: "does not name the clause the alternative is in",
        }));
    }
    let [num, content] = structure(element, &["num", "content"])?[..] else {
        return Err(element.error(AknErrorKind::MissingElement { element: "num", parent: "hcontainer".to_owned() }));
    };
    if num.name != "num" || content.name != "content" {
        return Err(element.error(AknErrorKind::MissingElement { element: "num", parent: "hcontainer".to_owned() }));
    }
    let label = line(num, &[])?;
    attributes(content, &[], &[])?;
    let (replaces, text) = match structure(content, &["p"])?[..] {
        [p] => (Replaces::WholeClause, spans(p)?),
        [replaced, p] if class(replaced) == Some(REPLACES) => (Replaces::Words(replaced_words(replaced)?), spans(p)?),
        _ => {
            return Err(content
                .error(AknErrorKind::UnexpectedElement { element: "p".to_owned(), parent: "content".to_owned() }));
        }
    };
    Ok(Alternative { label, text, replaces })
}

fn replaced_words(p: &Element) -> Result<String, AknError> {
    attributes(p, &["class"], &[])?;
    match &p.children[..] {
        [Node::Element(quoted)] if quoted.ns == Ns::Akn && quoted.name == "del" => line(quoted, &[]),
        _ => Err(p.error(AknErrorKind::MissingElement { element: "del", parent: "p".to_owned() })),
    }
}

/// A clause's words: text, and spans marking words (`words`), brackets and choices.
fn spans(p: &Element) -> Result<Vec<Span>, AknError> {
    attributes(p, &[], &[])?;
    let mut spans = Vec::new();
    let mut words: Option<String> = None;
    for node in &p.children {
        let element = match node {
            Node::Text(text, _) => {
                words.get_or_insert_default().push_str(text);
                continue;
            }
            Node::Element(element) => element,
        };
        if element.ns == Ns::Akn && element.name == "marker" {
            words.get_or_insert_default().push(character(element, p)?);
            continue;
        }
        if element.ns != Ns::Akn || element.name != "span" {
            return Err(element
                .error(AknErrorKind::UnexpectedElement { element: shown_element(element), parent: "p".to_owned() }));
        }
        attributes(element, &["class"], &[])?;
        spans.extend(words.take().map(Span::Words));
        spans.push(match class(element) {
            Some(WORDS) => Span::Words(text_of(element)?),
            Some(BRACKET) => Span::Bracketed(bracketed(element)?),
            Some(CHOICE) => Span::Choice(choice(element)?),
            _ => {
                return Err(element.error(AknErrorKind::BadAttribute {
                    element: "span".to_owned(),
                    attribute: "class".to_owned(),
                    reason: "is none of words, bracket, choice",
                }));
            }
        });
    }
    spans.extend(words.take().map(Span::Words));
    Ok(spans)
}

fn bracketed(span: &Element) -> Result<String, AknError> {
    let text = text_of(span)?;
    text.strip_prefix('[').and_then(|inner| inner.strip_suffix(']')).map(str::to_owned).ok_or_else(|| {
        span.error(AknErrorKind::BracketMarkup("a bracket span's words are not written between [ and ]"))
    })
}

/// `[`, the options separated by `|`, `]`: the text around the option spans must spell exactly that.
fn choice(span: &Element) -> Result<Vec<String>, AknError> {
    let mut skeleton = String::new();
    let mut options = Vec::new();
    for node in &span.children {
        match node {
            Node::Text(text, _) => skeleton.push_str(text),
            Node::Element(option) if option.ns == Ns::Akn && option.name == "span" && class(option) == Some(OPTION) => {
                attributes(option, &["class"], &[])?;
                options.push(text_of(option)?);
                skeleton.push('\u{0}');
            }
            Node::Element(other) => {
                return Err(other.error(AknErrorKind::UnexpectedElement {
                    element: shown_element(other),
                    parent: "span".to_owned(),
                }));
            }
        }
    }
    let expected = format!("[{}]", vec!["\u{0}"; options.len()].join("|"));
    if options.is_empty() || skeleton != expected {
        return Err(
            span.error(AknErrorKind::BracketMarkup("a choice is written [, its option spans separated by |, then ]"))
        );
    }
    Ok(options)
}
