//! What is wrong in a file, without where: one variant per kind of problem, with what the message
//! needs as typed values, so that the web and the command line can say it in the reader's
//! language. `Display` is the English, which the JSON API and the logs keep.
//!
//! Like every message of this crate, a problem may quote a column's name, a code name or an
//! enumerated value (cut short by [`Excerpt`]), never a name, a role or a note.

use tracktwo_domain::ValidationError;

use crate::mapping::{TrackScheme, UnknownScheme};

/// The longest value a problem quotes in full. A value in an enumerated column can be a name
/// typed into the wrong column; quoting only its start keeps most of it out of logs.
const QUOTE_MAX: usize = 24;

/// The start of a value a file holds, as a problem quotes it: at most [`QUOTE_MAX`] characters,
/// then `…`. Shown between backticks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt(String);

impl Excerpt {
    #[must_use]
    pub fn of(value: &str) -> Self {
        let mut chars = value.chars();
        let start: String = chars.by_ref().take(QUOTE_MAX).collect();
        if chars.next().is_some() { Self(format!("{start}…")) } else { Self(start) }
    }

    /// The excerpt without its backticks.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Excerpt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}`", self.0)
    }
}

/// Which end of a tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TieEnd {
    From,
    To,
}

impl TieEnd {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            TieEnd::From => "from",
            TieEnd::To => "to",
        }
    }
}

impl std::fmt::Display for TieEnd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What is wrong in a file. `field` is the column, key or attribute as the file names it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportProblem {
    // A value of a field.
    #[error("{field} must not be empty")]
    EmptyValue { field: String },
    /// `what` is the domain's name of the enumeration (`level`, `actor kind`).
    #[error("{field}: {value} is not a known {what}")]
    UnknownValue { field: String, value: Excerpt, what: &'static str },
    /// The domain refused the value for another reason.
    #[error("{field}: {reason}")]
    RefusedValue { field: String, reason: ValidationError },
    #[error(
        "{field}: {value} is a number, and the file declares no track scheme: give it (imtd9 for the nine \
         tracks of the Institute for Multi-Track Diplomacy, five for the five-track list)"
    )]
    TrackNumberWithoutScheme { field: String, value: Excerpt },
    #[error("{field}: {value} is not a track of the scheme {}", scheme.as_str())]
    NotATrackOfScheme { field: String, value: Excerpt, scheme: TrackScheme },
    #[error("{field}: {value} is not a known track")]
    UnknownTrack { field: String, value: Excerpt },
    #[error("{field}: {value} is not a known tie kind")]
    UnknownTieKind { field: String, value: Excerpt },
    #[error("{field}: {value} is neither yes nor no")]
    NeitherYesNorNo { field: String, value: Excerpt },
    #[error("{field}: {value} is not a whole number from 1 to 5")]
    NotAStrength { field: String, value: Excerpt },
    #[error("{field}: {value} is not a day written YYYY-MM-DD")]
    NotADay { field: String, value: Excerpt },
    #[error("{field}: {value} is neither Person nor Organization")]
    NotAnActorType { field: String, value: Excerpt },
    #[error("{field}: {value} is none of directed, undirected, mutual")]
    NotADirection { field: String, value: Excerpt },
    #[error("{field}: {error}")]
    UnknownTrackScheme { field: String, error: UnknownScheme },
    #[error("the file numbers its tracks by the scheme `{}`, not `{}`", declared.as_str(), given.as_str())]
    SchemeDisagrees { declared: TrackScheme, given: TrackScheme },

    // An actor or a tie as a whole.
    /// The domain refused an actor without a code name, or one the problem's place names.
    #[error("{0}")]
    Refused(ValidationError),
    #[error("actor {code}: {reason}")]
    RefusedActor { code: Excerpt, reason: ValidationError },
    #[error("actor {code}: side contains control characters")]
    SideControlCharacters { code: Excerpt },
    #[error("actor {code}: side is longer than {max} characters")]
    SideTooLong { code: Excerpt, max: usize },
    /// `sides` are the initiative's, which its members know; empty when it has none yet.
    #[error(
        "actor {code}: `{side}` is not a side of this initiative (its sides: {}); add the side first",
        if sides.is_empty() { "none yet".to_owned() } else { sides.join(", ") }
    )]
    NotASide { code: Excerpt, side: String, sides: Vec<String> },
    #[error("code name {code} is used twice (first on line {first})")]
    CodeNameTwice { code: Excerpt, first: usize },
    #[error("the tie's `{end}` end must not be empty")]
    TieEndEmpty { end: TieEnd },
    /// Read against the initiative's map: a side it does not have.
    #[error("`{side}` is not a side of this initiative; add the side first")]
    NotASideHere { side: String },
    /// Read against the initiative's map: a code name an actor there has already.
    #[error("this code name is already on the map")]
    CodeNameOnMap,
    /// Read against the initiative's map: a tie's end that no actor there has.
    #[error("no actor has the code name `{code}`")]
    NoActorWithCode { code: String },
    #[error("{code} is not the code name of any actor in the file")]
    UnknownCodeName { code: Excerpt },
    #[error("a tie cannot run from {code} to itself")]
    TieToItself { code: Excerpt },
    #[error("tie from {from} to {to}: {reason}")]
    RefusedTie { from: Excerpt, to: Excerpt, reason: ValidationError },

    // A table's columns and rows.
    #[error("the file is empty; its first line names the columns: {}", columns.join(", "))]
    EmptyTable { columns: Vec<&'static str> },
    #[error("unknown column {column}; the columns are {}", columns.join(", "))]
    UnknownColumn { column: Excerpt, columns: Vec<&'static str> },
    #[error("column `{column}` appears twice")]
    ColumnTwice { column: String },
    #[error("missing {} {}", if columns.len() == 1 { "column" } else { "columns" }, columns.join(", "))]
    MissingColumns { columns: Vec<&'static str> },
    #[error("this row has {cells} cells but the header has {header}")]
    RowLength { cells: u64, header: u64 },
    #[error("this row is not valid UTF-8")]
    RowNotUtf8,
    #[error("this row cannot be read as CSV")]
    RowNotCsv,

    // A results framework's and a translations file's rows.
    #[error("the column {column} is missing")]
    ColumnMissing { column: &'static str },
    #[error("{column} is not a number")]
    NotANumber { column: String },
    #[error("an actual needs its period")]
    ActualWithoutPeriod,
    #[error("a period needs its actual")]
    PeriodWithoutActual,
    #[error("the unit, baseline or target differs from an earlier row of this indicator")]
    IndicatorDiffers,
    #[error("a framework holds at most {most} indicators")]
    TooManyIndicators { most: usize },
    #[error("this period is given twice for the indicator")]
    PeriodTwice,
    #[error("the file holds no indicator")]
    NoIndicator,
    #[error("the file is not UTF-8 text")]
    FileNotUtf8,
    #[error("the row has {cells} cells where the header has {header}")]
    CellCount { cells: u64, header: u64 },
    #[error("the row cannot be read as CSV")]
    NotCsv,
    /// `column` counts from 1.
    #[error("column {column} is neither statement, original nor a language tag such as ar")]
    NotALanguageColumn { column: usize },
    #[error("the language {language} has two columns")]
    LanguageTwice { language: String },
    #[error("statement is not a statement's number")]
    NotAStatementNumber,
    #[error("statement {statement} is given twice")]
    StatementTwice { statement: u32 },
    #[error("the file holds no statement")]
    NoStatement,
    /// Read against the conversation: a statement it does not have.
    #[error("statement {statement} is not in the conversation")]
    StatementNotInConversation { statement: u32 },

    // An XML document's shape. `element` is a tag's name as the file writes it.
    #[error("malformed XML: a second root element")]
    SecondRoot,
    #[error("elements nest deeper than {most} levels")]
    TooDeep { most: usize },
    #[error("malformed XML: text outside the root element")]
    TextOutsideRoot,
    #[error("malformed XML: CDATA outside the root element")]
    CdataOutsideRoot,
    #[error("malformed XML: a reference (`&…;`) to an unknown entity")]
    UnknownEntity,
    #[error("malformed XML: an invalid character reference")]
    InvalidCharacterReference,
    #[error("malformed XML: a reference outside the root element")]
    ReferenceOutsideRoot,
    #[error("malformed XML: the document ends before <{element}> (line {line}) is closed")]
    Unclosed { element: String, line: usize },
    #[error("malformed XML: the document has no root element")]
    NoRoot,

    /// quick-xml's error, by its kind: its own messages can quote what they met.
    #[error("malformed XML: {fault}")]
    MalformedXml { fault: XmlFault },

    // A GEXF or GraphML file's structure. `root` is the root element as the file names it.
    #[error("not a GEXF file: the root element is <{}>, not <gexf>", root.as_str())]
    NotGexf { root: Excerpt },
    #[error("not a GraphML file: the root element is <{}>, not <graphml>", root.as_str())]
    NotGraphml { root: Excerpt },
    #[error("<gexf> holds no <graph>")]
    GexfWithoutGraph,
    #[error("<graphml> holds no <graph>")]
    GraphmlWithoutGraph,
    #[error("an <attribute> has no id")]
    AttributeWithoutId,
    #[error("a <key> has no id")]
    KeyWithoutId,
    #[error("a <node> has no id")]
    NodeWithoutId,
    /// `end` is the attribute as GEXF and GraphML name it: `source` or `target`.
    #[error("an <edge> has no {end}")]
    EdgeWithoutEnd { end: &'static str },
    #[error("an <attvalue> names no attribute")]
    AttvalueWithoutAttribute,
    #[error("a <data> names no key")]
    DataWithoutKey,
    #[error("key id {id} is declared twice")]
    KeyIdTwice { id: Excerpt },
    #[error("node id {id} is used twice (first on line {first})")]
    NodeIdTwice { id: Excerpt, first: usize },
    #[error("{field}: {value} is neither directed nor undirected")]
    NotAnEdgeDefault { field: String, value: Excerpt },
    /// GEXF's inclusive end one day later is past the last day a date can hold.
    #[error("{field}: the day is too late to be held")]
    DayTooLate { field: String },
    /// `key` is the field as the file names it, or tracktwo's own name of it.
    #[error("{owner} has two values for `{key}`")]
    ValueTwice { owner: Owner, key: String },
    #[error("{owner} has no value for `{key}`")]
    NoValue { owner: Owner, key: String },
    /// Read through a mapping: an edge whose kind no mapped attribute or default gives.
    #[error(
        "{owner} has no tie kind: map the attribute that holds it (--field tie-kind=ATTRIBUTE), or give every tie \
         without one a kind (--value tie-kind:=colleague)"
    )]
    NoTieKind { owner: Owner },
    /// A file of a format that tracktwo reads by its own names, given with a mapping.
    #[error("a mapping of attributes applies to GEXF and GraphML files; CSV and Kumu files use tracktwo's own columns")]
    MappingNotApplicable,

    // A Kumu blueprint's structure. `key` is a JSON key as the file writes it.
    /// serde_json's syntax error, by its kind.
    #[error("malformed JSON: {fault}")]
    MalformedJson { fault: JsonFault },
    #[error("{owner} must be a JSON object")]
    NotAnObject { owner: Owner },
    #[error("{owner} has the key {key} twice")]
    KeyTwice { owner: Owner, key: Excerpt },
    #[error("a value cannot be read")]
    ValueUnreadable,
    #[error("a Kumu blueprint has `elements` and `connections`; this file has neither")]
    NotABlueprint,
    #[error("`{key}` must be a list")]
    NotAList { key: &'static str },
    #[error("`{key}` of {owner} cannot be read")]
    KeyUnreadable { key: String, owner: Owner },
    #[error("`{key}` of {owner} must be text")]
    NotText { key: String, owner: Owner },
    #[error("{owner} has no `{key}`")]
    MissingKey { owner: Owner, key: String },
    #[error("`tracks` of {owner} must list tracks by number or name")]
    TracksNotListed { owner: Owner },
}

/// What a problem names in a GEXF, GraphML or Kumu file: by the ids and code names the file
/// gives, never by a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Node {
        id: Excerpt,
    },
    Edge {
        from: Excerpt,
        to: Excerpt,
    },
    /// A Kumu file as a whole.
    Blueprint,
    /// A Kumu element before its label is read.
    AnElement,
    Element {
        code: Excerpt,
    },
    /// A Kumu connection before its ends are read.
    AConnection,
    Connection {
        from: Excerpt,
        to: Excerpt,
    },
}

impl std::fmt::Display for Owner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Owner::Node { id } => write!(f, "node {id}"),
            Owner::Edge { from, to } => write!(f, "the edge from {from} to {to}"),
            Owner::Blueprint => f.write_str("a Kumu blueprint"),
            Owner::AnElement => f.write_str("an element"),
            Owner::Element { code } => write!(f, "element {code}"),
            Owner::AConnection => f.write_str("a connection"),
            Owner::Connection { from, to } => write!(f, "the connection from {from} to {to}"),
        }
    }
}

/// Why quick-xml could not read a document, by kind, quoting nothing of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum XmlFault {
    #[error("a `<!` starts no known markup")]
    UnknownMarkup,
    #[error("a processing instruction is not closed (no `?>`)")]
    UnclosedProcessingInstruction,
    #[error("the XML declaration is not closed (no `?>`)")]
    UnclosedDeclaration,
    #[error("a comment is not closed (no `-->`)")]
    UnclosedComment,
    #[error("the DOCTYPE is not closed (no `>`)")]
    UnclosedDoctype,
    #[error("a CDATA section is not closed (no `]]>`)")]
    UnclosedCdata,
    #[error("a tag is not closed (no `>`)")]
    UnclosedTag,
    #[error("an attribute value has no closing quote")]
    UnclosedAttributeValue,
    #[error("an end tag does not match the element it should close")]
    MismatchedEndTag,
    #[error("an end tag closes no open element")]
    UnmatchedEndTag,
    #[error("a `&` starts a reference that no `;` closes (a lone `&` is written `&amp;`)")]
    UnclosedReference,
    #[error("the document is not well-formed")]
    NotWellFormed,
    #[error("an attribute's name is not followed by `=`")]
    AttributeWithoutEquals,
    #[error("an `=` is not followed by an attribute value")]
    AttributeWithoutValue,
    #[error("an attribute value is not enclosed in quotes")]
    UnquotedAttributeValue,
    #[error("an attribute is given twice")]
    AttributeTwice,
    #[error("a reference (`&…;`) that is unknown or broken")]
    BrokenReference,
    #[error("the document cannot be read")]
    Unreadable,
}

/// Why serde_json could not read a document, by kind: serde_json's own words where it has a
/// kind of its own, and its message as it is (`Other`) for any other.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonFault {
    #[error("EOF while parsing a list")]
    EndInList,
    #[error("EOF while parsing an object")]
    EndInObject,
    #[error("EOF while parsing a string")]
    EndInString,
    #[error("EOF while parsing a value")]
    EndInValue,
    #[error("expected value")]
    ExpectedValue,
    #[error("expected `,` or `]`")]
    ExpectedCommaOrBracket,
    #[error("expected `,` or `}}`")]
    ExpectedCommaOrBrace,
    #[error("expected `:`")]
    ExpectedColon,
    #[error("expected ident")]
    ExpectedIdent,
    #[error("key must be a string")]
    KeyNotAString,
    #[error("trailing comma")]
    TrailingComma,
    #[error("trailing characters")]
    TrailingCharacters,
    #[error("invalid escape")]
    InvalidEscape,
    #[error("invalid number")]
    InvalidNumber,
    #[error("number out of range")]
    NumberOutOfRange,
    #[error("invalid unicode code point")]
    InvalidCodePoint,
    #[error("a control character in a string")]
    ControlCharacter,
    #[error("recursion limit exceeded")]
    TooDeep,
    /// serde_json's message, for a kind without a variant of its own; it quotes nothing of the
    /// file (only its syntax errors come here).
    #[error("{said}")]
    Other { said: String },
}

impl JsonFault {
    /// The kind of serde_json's message, without its place.
    #[must_use]
    pub fn of(said: &str) -> Self {
        match said {
            "EOF while parsing a list" => Self::EndInList,
            "EOF while parsing an object" => Self::EndInObject,
            "EOF while parsing a string" => Self::EndInString,
            "EOF while parsing a value" => Self::EndInValue,
            "expected value" => Self::ExpectedValue,
            "expected `,` or `]`" => Self::ExpectedCommaOrBracket,
            "expected `,` or `}`" => Self::ExpectedCommaOrBrace,
            "expected `:`" => Self::ExpectedColon,
            "expected ident" => Self::ExpectedIdent,
            "key must be a string" => Self::KeyNotAString,
            "trailing comma" => Self::TrailingComma,
            "trailing characters" => Self::TrailingCharacters,
            "invalid escape" => Self::InvalidEscape,
            "invalid number" => Self::InvalidNumber,
            "number out of range" => Self::NumberOutOfRange,
            "invalid unicode code point" => Self::InvalidCodePoint,
            "recursion limit exceeded" => Self::TooDeep,
            said if said.starts_with("control character") => Self::ControlCharacter,
            said => Self::Other { said: said.to_owned() },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json's syntax errors, each met in a document, come back as a kind of their own,
    /// whose words are serde_json's.
    #[test]
    fn serde_jsons_syntax_errors_have_their_kinds() {
        let deep = "[".repeat(200);
        let cases = [
            ("[1,", JsonFault::EndInValue),
            ("[1", JsonFault::EndInList),
            ("{\"a\": 1", JsonFault::EndInObject),
            ("\"abc", JsonFault::EndInString),
            ("[1, }", JsonFault::ExpectedValue),
            ("[1 2]", JsonFault::ExpectedCommaOrBracket),
            ("{\"a\": 1 \"b\": 2}", JsonFault::ExpectedCommaOrBrace),
            ("{\"a\" 1}", JsonFault::ExpectedColon),
            ("[tru]", JsonFault::ExpectedIdent),
            ("{1: 2}", JsonFault::KeyNotAString),
            ("[1,]", JsonFault::TrailingComma),
            ("[1] x", JsonFault::TrailingCharacters),
            ("\"\\q\"", JsonFault::InvalidEscape),
            ("[-]", JsonFault::InvalidNumber),
            ("[1e999]", JsonFault::NumberOutOfRange),
            ("\"\u{1}\"", JsonFault::ControlCharacter),
            (deep.as_str(), JsonFault::TooDeep),
        ];
        for (json, kind) in cases {
            let error = serde_json::from_str::<serde_json::Value>(json).unwrap_err();
            let said = error.to_string();
            let said = said.rsplit_once(" at line ").map_or(said.as_str(), |(said, _)| said);
            let fault = JsonFault::of(said);
            assert_eq!(fault, kind, "{json:?}: {said}");
            if fault != JsonFault::ControlCharacter {
                assert_eq!(fault.to_string(), said, "the words are serde_json's");
            }
        }
        let other = JsonFault::of("a message of a later serde_json");
        assert_eq!(other.to_string(), "a message of a later serde_json");
    }

    #[test]
    fn an_owner_is_named_by_the_files_ids_cut_short() {
        let long = "x".repeat(40);
        let owner = Owner::Edge { from: Excerpt::of("A"), to: Excerpt::of(&long) };
        assert_eq!(owner.to_string(), format!("the edge from `A` to `{}…`", "x".repeat(QUOTE_MAX)));
        let problem = ImportProblem::NoValue { owner: Owner::Node { id: Excerpt::of("A") }, key: "kind".into() };
        assert_eq!(problem.to_string(), "node `A` has no value for `kind`");
    }
}
