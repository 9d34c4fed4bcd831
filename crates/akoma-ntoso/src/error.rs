//! Why a document was refused, and where. Messages name elements, attributes and identifiers
//! (`c12`), never a word of the text: an error may reach a log, and the text may not.

use tracktwo_domain::negotiating_text::DraftError;

/// A refused document: what is wrong and where (line and column, both from 1; the column counts
/// characters).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {kind}")]
pub struct AknError {
    pub line: usize,
    pub column: usize,
    pub kind: AknErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AknErrorKind {
    #[error("the document is larger than {max} bytes")]
    TooLarge { max: usize },
    #[error("the document has more than {max} elements")]
    TooManyElements { max: usize },
    #[error("elements nest deeper than {max} levels")]
    TooDeep { max: usize },
    #[error("malformed XML: {0}")]
    Malformed(String),
    #[error("a document type declaration (<!DOCTYPE …>) is not accepted")]
    DocumentType,
    #[error("<{element}> is not in the Akoma Ntoso 3.0 namespace (http://docs.oasis-open.org/legaldocml/ns/akn/3.0)")]
    WrongNamespace { element: String },
    #[error("the document is not an Akoma Ntoso negotiating text (<akomaNtoso><doc name=\"negotiatingText\">)")]
    NotANegotiatingText,
    #[error("<{element}> is not expected inside <{parent}>")]
    UnexpectedElement { element: String, parent: String },
    #[error("<{parent}> holds text where only elements are expected")]
    UnexpectedText { parent: String },
    #[error("<{element}> has an attribute this format does not have ({attribute})")]
    UnexpectedAttribute { element: String, attribute: String },
    #[error("<{parent}> lacks <{element}>")]
    MissingElement { element: &'static str, parent: String },
    #[error("<{element}> lacks its attribute {attribute}")]
    MissingAttribute { element: String, attribute: &'static str },
    #[error("<{element}> has an attribute {attribute} that cannot be read: {reason}")]
    BadAttribute { element: String, attribute: String, reason: &'static str },
    #[error("the identifier {0} is used twice")]
    DuplicateId(String),
    #[error("bracket markup not understood: {0}")]
    BracketMarkup(&'static str),
    #[error("the metadata disagree: {0}")]
    Metadata(&'static str),
    #[error("the text read is not a valid draft: {0}")]
    InvalidDraft(DraftError),
}

/// A place in the document, found from a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub(crate) fn error(self, kind: AknErrorKind) -> AknError {
        AknError { line: self.line, column: self.column, kind }
    }
}

/// Turns byte offsets into lines and columns.
pub(crate) struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
        Self { text, starts }
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        // An offset inside a character (never given by the parser) counts from that character.
        let column = self.text.get(start..offset).map_or(1, |before| before.chars().count() + 1);
        Position { line, column }
    }
}

/// Positions of offsets that only grow, as a parser meets them: each character is counted once,
/// however long the line.
pub(crate) struct Cursor<'t> {
    text: &'t str,
    offset: usize,
    at: Position,
}

impl<'t> Cursor<'t> {
    pub fn new(text: &'t str) -> Self {
        Self { text, offset: 0, at: Position { line: 1, column: 1 } }
    }

    pub fn position(&mut self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            return LineIndex::new(self.text).position(offset);
        }
        if let Some(passed) = self.text.get(self.offset..offset) {
            for c in passed.chars() {
                if c == '\n' {
                    self.at = Position { line: self.at.line + 1, column: 1 };
                } else {
                    self.at.column += 1;
                }
            }
            self.offset = offset;
        }
        self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let index = LineIndex::new("ab\nжd\n\nx");
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        assert_eq!(index.position(2), Position { line: 1, column: 3 });
        assert_eq!(index.position(3), Position { line: 2, column: 1 });
        assert_eq!(index.position(5), Position { line: 2, column: 2 }, "columns count characters");
        assert_eq!(index.position(8), Position { line: 4, column: 1 });
        assert_eq!(index.position(100), Position { line: 4, column: 2 });
        let mut cursor = Cursor::new("ab\nжd\n\nx");
        for offset in [0, 2, 3, 5, 8, 100] {
            assert_eq!(cursor.position(offset), index.position(offset), "offset {offset}");
        }
        assert_eq!(cursor.position(3), index.position(3), "an offset behind the cursor");
    }
}
