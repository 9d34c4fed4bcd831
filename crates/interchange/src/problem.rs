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

    /// A problem that has no variant of its own yet: its English is all there is to show.
    #[error("{0}")]
    Described(String),
}

impl From<String> for ImportProblem {
    fn from(described: String) -> Self {
        Self::Described(described)
    }
}

impl From<&str> for ImportProblem {
    fn from(described: &str) -> Self {
        Self::Described(described.to_owned())
    }
}
