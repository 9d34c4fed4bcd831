//! Reading one CSV file of an export: its header, its records with their line numbers, and
//! fields parsed into what the export means, every error located in the file.

use std::io::Read;

use tracktwo_common_ground::Vote;

use crate::error::{PolisError, Problem};

/// A large buffer: an export's votes.csv can be gigabytes.
const BUFFER: usize = 1 << 20;

pub(crate) struct Table<R> {
    reader: csv::Reader<R>,
    headers: csv::ByteRecord,
    record: csv::ByteRecord,
    name: String,
    /// The line the current record starts on (1, the header, before the first record).
    line: u64,
}

fn located(name: &str, line: u64, problem: Problem) -> PolisError {
    PolisError { file: name.to_owned(), line, problem }
}

impl<R: Read> Table<R> {
    pub(crate) fn new(reader: R, name: &str) -> Result<Self, PolisError> {
        let mut reader = csv::ReaderBuilder::new().flexible(false).buffer_capacity(BUFFER).from_reader(reader);
        let headers = match reader.byte_headers() {
            Ok(headers) => headers.clone(),
            Err(e) => return Err(located(name, 1, Problem::Csv(e))),
        };
        Ok(Self { reader, headers, record: csv::ByteRecord::new(), name: name.to_owned(), line: 1 })
    }

    /// Moves to the next record; false at the end of the file.
    #[inline]
    pub(crate) fn advance(&mut self) -> Result<bool, PolisError> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => {
                self.line = self.record.position().map_or(self.line + 1, csv::Position::line);
                Ok(true)
            }
            Ok(false) => Ok(false),
            Err(e) => {
                // A malformed record carries its position; a failing reader does not.
                self.line = e.position().map_or_else(|| self.reader.position().line(), csv::Position::line);
                Err(self.error(Problem::Csv(e)))
            }
        }
    }

    pub(crate) fn into_inner(self) -> R {
        self.reader.into_inner()
    }
}

impl<R> Table<R> {
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    pub(crate) fn headers(&self) -> &csv::ByteRecord {
        &self.headers
    }

    pub(crate) fn error(&self, problem: Problem) -> PolisError {
        located(&self.name, self.line, problem)
    }

    pub(crate) fn column(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name.as_bytes())
    }

    pub(crate) fn required_column(&self, name: &'static str) -> Result<usize, PolisError> {
        self.column(name).ok_or_else(|| located(&self.name, 1, Problem::MissingColumn(name)))
    }

    /// A field of the current record; a column the record lacks reads as empty.
    #[inline]
    pub(crate) fn field(&self, index: usize) -> &[u8] {
        self.record.get(index).unwrap_or_default()
    }

    #[inline]
    pub(crate) fn integer(&self, index: usize, column: &'static str) -> Result<i64, PolisError> {
        let text = self.field(index);
        parse_integer(text).ok_or_else(|| {
            self.error(Problem::NotAnInteger { column, value: String::from_utf8_lossy(text).into_owned() })
        })
    }

    /// An integer in a column that may be missing from the file or empty on a line.
    #[inline]
    pub(crate) fn optional_integer(
        &self,
        index: Option<usize>,
        column: &'static str,
    ) -> Result<Option<i64>, PolisError> {
        match index {
            Some(index) if !self.field(index).is_empty() => self.integer(index, column).map(Some),
            _ => Ok(None),
        }
    }

    /// A count (agrees, disagrees) that is 0 where missing or empty.
    pub(crate) fn count(&self, index: Option<usize>, column: &'static str) -> Result<u32, PolisError> {
        let value = self.optional_integer(index, column)?.unwrap_or(0);
        u32::try_from(value).map_err(|_| self.error(Problem::NotACount { column, value }))
    }

    #[inline]
    pub(crate) fn vote(&self, index: usize) -> Result<Vote, PolisError> {
        let value = self.integer(index, "vote")?;
        Vote::from_export(value).ok_or_else(|| self.error(Problem::InvalidVote(value)))
    }

    /// Text, with any byte sequence that is not UTF-8 replaced rather than refused: a statement's
    /// wording is shown, never interpreted.
    /// A free-text field, as written before [`tracktwo_spreadsheet::inert`] made it safe to open.
    pub(crate) fn text(&self, index: Option<usize>) -> String {
        index.map_or_else(String::new, |index| {
            tracktwo_spreadsheet::value_of(&String::from_utf8_lossy(self.field(index))).to_owned()
        })
    }
}

/// An integer field of an export.
pub(crate) fn parse_integer(field: &[u8]) -> Option<i64> {
    // Fast path: plain ASCII digits with an optional minus sign (nearly every field of an export).
    let (negative, digits) = match field.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, field),
    };
    if !digits.is_empty() && digits.len() <= 18 && digits.iter().all(u8::is_ascii_digit) {
        let value = digits.iter().fold(0i64, |acc, &d| acc * 10 + i64::from(d - b'0'));
        return Some(if negative { -value } else { value });
    }
    let text = std::str::from_utf8(field).ok()?.trim();
    if let Ok(value) = text.parse::<i64>() {
        return Some(value);
    }
    // Some exports write integers as floats ("3.0").
    let value: f64 = text.parse().ok()?;
    (value.fract() == 0.0 && value.abs() < 9.0e15).then_some(value as i64)
}

#[cfg(test)]
mod tests {
    use super::parse_integer;

    #[test]
    fn integers_are_read_in_every_spelling_an_export_uses() {
        assert_eq!(parse_integer(b"42"), Some(42));
        assert_eq!(parse_integer(b"-1"), Some(-1));
        assert_eq!(parse_integer(b" 7 "), Some(7));
        assert_eq!(parse_integer(b"3.0"), Some(3));
        assert_eq!(parse_integer(b"1599999999999"), Some(1_599_999_999_999));
        assert_eq!(parse_integer(b"9223372036854775807"), Some(i64::MAX));
        for bad in [&b""[..], b"-", b"x", b"2.5", b"1e400", b"\xff"] {
            assert_eq!(parse_integer(bad), None, "{bad:?}");
        }
    }
}
