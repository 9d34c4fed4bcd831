//! CSV: two files, `actors.csv` and `ties.csv`, one row per actor or tie, columns found by their
//! header so a spreadsheet may put them in any order.
//!
//! ```text
//! code,name,kind,primary_track,tracks,level,side,role,decision_maker,notes,public_description,track_scheme
//! UV-01,,person,5,1;5,middle,North,Dean of law,no,"Met twice; ""cautious""",A senior academic,imtd9
//! from,to,kind,directed,strength,valid_from,valid_until,notes
//! UV-01,UV-02,advises,yes,4,2024-01-15,,
//! ```
//!
//! `track_scheme` says which numbering the row's track numbers follow (`imtd9`, the nine tracks of
//! the Institute for Multi-Track Diplomacy, or `five`, the five-track list); every export writes
//! it. A file without the column is read as tracktwo's files were before it: `imtd9`.
//! A file without the `public_description` column gives every actor an empty one. An empty
//! name is withheld, an empty side is a third party, empty tracks are the primary one
//! only, an empty `directed` is the tie kind's default, and an empty day is unknown.

use csv::{ReaderBuilder, StringRecord, WriterBuilder};

use crate::fields;
use crate::lines::LineIndex;
use crate::mapping::TrackScheme;
use crate::validate::{self, Files, Located};
use crate::{ACTORS_CSV, Excerpt, FileActor, FileTie, ImportError, ImportProblem, MapFile, TIES_CSV};

const ACTOR_COLUMNS: &[&str] = &[
    "code",
    "name",
    "kind",
    "primary_track",
    "tracks",
    "level",
    "side",
    "role",
    "decision_maker",
    "notes",
    "public_description",
    "track_scheme",
];
const ACTOR_REQUIRED: &[&str] = &["code", "kind", "primary_track", "level"];
const TIE_COLUMNS: &[&str] = &["from", "to", "kind", "directed", "strength", "valid_from", "valid_until", "notes"];
const TIE_REQUIRED: &[&str] = &["from", "to", "kind", "strength"];

/// `actors.csv`: one row per actor, in the map's order.
#[must_use]
pub fn write_actors_csv(map: &MapFile) -> String {
    let rows = map.actors.iter().map(|actor| {
        vec![
            actor.code_name.clone(),
            actor.name.clone().unwrap_or_default(),
            actor.kind.as_str().to_owned(),
            actor.primary_track.number().to_string(),
            fields::format_tracks(&actor.tracks),
            actor.level.as_str().to_owned(),
            actor.side.clone().unwrap_or_default(),
            actor.role.clone(),
            fields::yes_no_text(actor.decision_maker).to_owned(),
            actor.notes.clone(),
            actor.public_description.clone(),
            TrackScheme::Imtd9.as_str().to_owned(),
        ]
    });
    write_table(ACTOR_COLUMNS, rows)
}

/// `ties.csv`: one row per tie, in the map's order.
#[must_use]
pub fn write_ties_csv(map: &MapFile) -> String {
    let rows = map.ties.iter().map(|tie| {
        vec![
            tie.from.clone(),
            tie.to.clone(),
            tie.kind.as_str().to_owned(),
            fields::yes_no_text(tie.directed).to_owned(),
            tie.strength.to_string(),
            tie.valid_from.map(fields::format_date).unwrap_or_default(),
            tie.valid_until.map(fields::format_date).unwrap_or_default(),
            tie.notes.clone(),
        ]
    });
    write_table(TIE_COLUMNS, rows)
}

// Writing to memory fails only if a row's length differs from the header's, and every row is
// built with one cell per column.
const ROW: &str = "a row has one cell per column";

fn write_table(columns: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = WriterBuilder::new().from_writer(Vec::new());
    writer.write_record(columns).expect(ROW);
    for row in rows {
        writer.write_record(row.iter().map(|cell| tracktwo_spreadsheet::inert(cell).into_owned())).expect(ROW);
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error()).expect("a Vec cannot fail to flush");
    // Only `&str` went in, so the bytes are UTF-8 and this copies nothing.
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Reads `actors.csv` and `ties.csv` and checks them together. An empty `ties.csv` (no header
/// either) is a map without ties; an empty `actors.csv` is refused.
pub fn read_csv(actors: &str, ties: &str) -> Result<MapFile, ImportError> {
    read_csv_for(actors, ties, None)
}

/// As [`read_csv_for`], its errors naming the files as the user gave them.
pub(crate) fn read_csv_named(
    actors: &str,
    ties: &str,
    actors_name: &str,
    ties_name: &str,
    sides: Option<&[String]>,
) -> Result<MapFile, ImportError> {
    read_csv_for(actors, ties, sides).map_err(|error| {
        let file = if error.file == TIES_CSV { ties_name } else { actors_name };
        ImportError { file: file.to_owned(), ..error }
    })
}

/// As [`read_csv`], with every actor's side checked against `sides`.
pub(crate) fn read_csv_for(actors: &str, ties: &str, sides: Option<&[String]>) -> Result<MapFile, ImportError> {
    let actors = read_table(ACTORS_CSV, actors, ACTOR_COLUMNS, ACTOR_REQUIRED, false)?
        .rows()
        .map(|row| row.actor().map(|item| Located { line: row.line, item }))
        .collect::<Result<Vec<_>, _>>()?;
    // A map may have no ties, and a folder no `ties.csv`; but an empty `actors.csv` is far more
    // likely a mistake than an empty map, and importing it could replace a map with nothing.
    let ties = read_table(TIES_CSV, ties, TIE_COLUMNS, TIE_REQUIRED, true)?
        .rows()
        .map(|row| row.tie().map(|item| Located { line: row.line, item }))
        .collect::<Result<Vec<_>, _>>()?;
    validate::finish_for(actors, ties, Files { actors: ACTORS_CSV, ties: TIES_CSV }, sides, false)
}

/// The rows below the header, each with the line it starts on.
struct Table {
    file: &'static str,
    columns: &'static [&'static str],
    /// For each of the format's columns, where it is in this file, if it is there.
    positions: Vec<Option<usize>>,
    rows: Vec<(usize, StringRecord)>,
}

impl Table {
    fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|(line, record)| Row { table: self, line: *line, record })
    }
}

struct Row<'t> {
    table: &'t Table,
    line: usize,
    record: &'t StringRecord,
}

impl Row<'_> {
    /// The cell in `column`, or `""` when the file has no such column.
    fn get(&self, column: &str) -> &str {
        self.table
            .columns
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.table.positions[i])
            .and_then(|at| self.record.get(at))
            .map_or("", tracktwo_spreadsheet::value_of)
    }

    fn at<T>(&self, parsed: Result<T, ImportProblem>) -> Result<T, ImportError> {
        parsed.map_err(|message| ImportError::new(self.table.file, self.line, message))
    }

    fn actor(&self) -> Result<FileActor, ImportError> {
        let scheme = match self.get("track_scheme") {
            blank if blank.trim().is_empty() => TrackScheme::Imtd9,
            value => self.at(TrackScheme::parse(value)
                .map_err(|error| ImportProblem::UnknownTrackScheme { field: "track_scheme".to_owned(), error }))?,
        };
        let primary_track = self.at(fields::track_in("primary_track", self.get("primary_track"), Some(scheme)))?;
        let mut tracks = self.at(fields::tracks_in("tracks", self.get("tracks"), Some(scheme)))?;
        tracks.insert(primary_track);
        let decision_maker = match self.get("decision_maker") {
            blank if blank.trim().is_empty() => false,
            value => self.at(fields::yes_no("decision_maker", value))?,
        };
        Ok(FileActor {
            code_name: self.get("code").trim().to_owned(),
            name: fields::optional(self.get("name")),
            kind: self.at(fields::actor_kind("kind", self.get("kind")))?,
            primary_track,
            tracks,
            level: self.at(fields::level("level", self.get("level")))?,
            side: fields::optional(self.get("side")),
            role: self.get("role").to_owned(),
            decision_maker,
            notes: self.get("notes").to_owned(),
            public_description: self.get("public_description").to_owned(),
            unplaced: std::collections::BTreeSet::new(),
        })
    }

    fn tie(&self) -> Result<FileTie, ImportError> {
        let kind = self.at(fields::tie_kind("kind", self.get("kind")))?;
        let directed = match self.get("directed") {
            blank if blank.trim().is_empty() => kind.directed_by_default(),
            value => self.at(fields::yes_no("directed", value))?,
        };
        Ok(FileTie {
            from: self.get("from").trim().to_owned(),
            to: self.get("to").trim().to_owned(),
            kind,
            directed,
            strength: self.at(fields::strength("strength", self.get("strength")))?,
            valid_from: self.at(fields::date("valid_from", self.get("valid_from")))?,
            valid_until: self.at(fields::date("valid_until", self.get("valid_until")))?,
            notes: self.get("notes").to_owned(),
        })
    }
}

/// Reads the header and the rows: every column must be one of `columns`, the `required` ones
/// must be there.
fn read_table(
    file: &'static str,
    text: &str,
    columns: &'static [&'static str],
    required: &[&'static str],
    empty_is_no_rows: bool,
) -> Result<Table, ImportError> {
    // Spreadsheets save UTF-8 with a byte-order mark; it is not part of the first column's name.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = LineIndex::new(text);
    let line = |position: Option<&csv::Position>| line_of(text, &lines, position);
    let mut reader = ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        None if empty_is_no_rows => {
            return Ok(Table { file, columns, positions: vec![None; columns.len()], rows: Vec::new() });
        }
        None => {
            return Err(ImportError::new(file, 1, ImportProblem::EmptyTable { columns: columns.to_vec() }));
        }
        Some(header) => header.map_err(|error| csv_error(file, &error, line(error.position())))?,
    };
    let header_line = line(header.position());
    let mut positions = vec![None; columns.len()];
    for (at, cell) in header.iter().enumerate() {
        let name = cell.trim().to_lowercase().replace([' ', '-'], "_");
        let Some(column) = columns.iter().position(|c| *c == name) else {
            return Err(ImportError::new(
                file,
                header_line,
                ImportProblem::UnknownColumn { column: Excerpt::of(cell.trim()), columns: columns.to_vec() },
            ));
        };
        if positions[column].replace(at).is_some() {
            return Err(ImportError::new(file, header_line, ImportProblem::ColumnTwice { column: name }));
        }
    }
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|r| columns.iter().position(|c| c == r).is_some_and(|i| positions[i].is_none()))
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::new(file, header_line, ImportProblem::MissingColumns { columns: missing }));
    }
    let rows = records
        .map(|record| {
            record
                .map(|record| (line(record.position()), record))
                .map_err(|error| csv_error(file, &error, line(error.position())))
        })
        .collect::<Result<_, _>>()?;
    Ok(Table { file, columns, positions, rows })
}

/// The line a record starts on. The csv crate counts lines too, but a record after a `\r\n`
/// starts, by its count, on the line before (it ends the record at the `\r` and counts the `\n`
/// in the next one), so the line is found from the record's byte offset instead, past the line
/// breaks (and skipped blank lines) in front of it.
fn line_of(text: &str, lines: &LineIndex, position: Option<&csv::Position>) -> usize {
    let Some(position) = position else { return 1 };
    let start = usize::try_from(position.byte()).unwrap_or(usize::MAX).min(text.len());
    let breaks = text.as_bytes()[start..].iter().take_while(|byte| matches!(byte, b'\r' | b'\n')).count();
    lines.line(start + breaks)
}

/// The csv crate's errors in words of our own: its messages are safe, but ours say what to fix.
fn csv_error(file: &'static str, error: &csv::Error, line: usize) -> ImportError {
    let problem = match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            ImportProblem::RowLength { cells: *len, header: *expected_len }
        }
        csv::ErrorKind::Utf8 { .. } => ImportProblem::RowNotUtf8,
        _ => ImportProblem::RowNotCsv,
    };
    ImportError::new(file, line, problem)
}
