//! The nine-track system map in the files other tools read: CSV (two files, actors and ties),
//! GEXF 1.3 (Gephi), GraphML, and Kumu's JSON blueprints.
//!
//! A map travels as a [`MapFile`]: actors keyed by code name, sides by name, so a file carries
//! no identifier of ours and can be edited by hand. Every reader runs the same checks (unique
//! code names, ties between known actors, strengths from 1 to 5, validity that ends after it
//! starts) and reports the first problem as an [`ImportError`] with the file and the line.
//!
//! This crate is pure: no I/O, no clock, no randomness. Readers take the text, writers return it.
//!
//! Every text in a map is sensitive. Error messages may quote code names, column names and
//! enumerated values (a track, a level, a tie kind), never a name, a role or a note, and the
//! `Debug` of an actor or a tie prints its code names only.

use std::collections::BTreeSet;

use time::Date;
use tracktwo_domain::map::{ActorKind, Level, TieKind, Track};

mod fields;
mod gexf;
mod graphml;
mod kumu;
mod lines;
mod mapping;
mod problem;
mod results_framework;
mod statement_translations;
mod table;
mod validate;
mod xml;

pub use gexf::{read_gexf, write_gexf};
pub use graphml::{read_graphml, write_graphml};
pub use kumu::{read_kumu, write_kumu};
pub use mapping::{Attribute, Field, FileAttributes, Mapping, MappingError, TrackScheme, UnknownScheme, attributes};
pub use problem::{Excerpt, ImportProblem, JsonFault, Owner, TieEnd, XmlFault};
pub use results_framework::{INDICATORS_CSV, MOST_INDICATORS, read_indicators_csv, write_indicators_csv};
pub use statement_translations::{TRANSLATIONS_CSV, TranslationRow, read_translations_csv};
pub use table::{read_csv, write_actors_csv, write_ties_csv};

/// Reads a map in `format` (for CSV, `file` is actors.csv and `ties` is ties.csv; other formats
/// ignore `ties`) and, given the initiative's `sides`, refuses an actor on any other side, with
/// its line.
pub fn read(format: Format, file: &str, ties: &str, sides: Option<&[String]>) -> Result<MapFile, ImportError> {
    read_with(format, file, ties, &ReadOptions { sides, ..ReadOptions::default() })
}

/// How a file is read: the names its errors speak of, the initiative's sides, and for a map made
/// in another tool, the mapping of its attributes onto tracktwo's fields and the scheme its track
/// numbers follow.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions<'a> {
    /// The file's name as the user gave it (for CSV, the actors file); `None` for the format's
    /// usual name (`map.gexf`, `actors.csv`, …).
    pub file_name: Option<&'a str>,
    /// For CSV, the ties file's name.
    pub ties_name: Option<&'a str>,
    /// The initiative's sides: an actor on any other side is refused (or, read with a mapping,
    /// left unplaced).
    pub sides: Option<&'a [String]>,
    /// The file's attributes mapped onto tracktwo's fields (GEXF and GraphML only). With a
    /// mapping, an actor whose track, level, kind or side cannot be read is imported unplaced.
    pub mapping: Option<&'a Mapping>,
    /// The scheme track numbers follow, where the file declares none.
    pub track_scheme: Option<TrackScheme>,
}

/// Reads a map in `format` as [`read`] does, with `options`.
pub fn read_with(format: Format, file: &str, ties: &str, options: &ReadOptions<'_>) -> Result<MapFile, ImportError> {
    let name = options.file_name.unwrap_or(match format {
        Format::Csv => ACTORS_CSV,
        Format::Gexf => MAP_GEXF,
        Format::Graphml => MAP_GRAPHML,
        Format::KumuJson => MAP_KUMU,
    });
    if options.mapping.is_some() && matches!(format, Format::Csv | Format::KumuJson) {
        return Err(ImportError::new(name, 1, ImportProblem::MappingNotApplicable));
    }
    match format {
        Format::Csv => table::read_csv_named(file, ties, name, options.ties_name.unwrap_or(TIES_CSV), options.sides),
        Format::Gexf => gexf::read_gexf_with(file, name, options),
        Format::Graphml => graphml::read_graphml_with(file, name, options),
        Format::KumuJson => kumu::read_kumu_named(file, name, options.sides),
    }
}

/// The file names errors speak of.
pub const ACTORS_CSV: &str = "actors.csv";
pub const TIES_CSV: &str = "ties.csv";
pub const MAP_GEXF: &str = "map.gexf";
pub const MAP_GRAPHML: &str = "map.graphml";
pub const MAP_KUMU: &str = "map.json";

/// A map as it travels in files: actors keyed by code name, sides by name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MapFile {
    pub actors: Vec<FileActor>,
    pub ties: Vec<FileTie>,
}

/// An actor as a file carries it.
#[derive(Clone, PartialEq, Eq)]
pub struct FileActor {
    /// Unique within the file: the node id in GEXF and GraphML, the label in Kumu.
    pub code_name: String,
    /// The real name; `None` when it is withheld (the column is empty or absent).
    pub name: Option<String>,
    pub kind: ActorKind,
    pub primary_track: Track,
    /// Every track the actor works on; always contains `primary_track`.
    pub tracks: BTreeSet<Track>,
    pub level: Level,
    /// The side's name; `None` for a third party.
    pub side: Option<String>,
    pub role: String,
    pub decision_maker: bool,
    pub notes: String,
    /// What readers limited to code names may learn; optional in every format.
    pub public_description: String,
    /// Read from a map made elsewhere, the actor's place on the map (kind, track, level or side)
    /// could not be read: it awaits the facilitator, and its kind, tracks and level stand in
    /// until then. The fields that could not be read, by tracktwo's names.
    pub unplaced: BTreeSet<&'static str>,
}

impl std::fmt::Debug for FileActor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileActor").field("code_name", &self.code_name).finish_non_exhaustive()
    }
}

/// A tie between two actors, named by their code names.
#[derive(Clone, PartialEq, Eq)]
pub struct FileTie {
    pub from: String,
    pub to: String,
    pub kind: TieKind,
    pub directed: bool,
    /// 1 (weak) to 5 (strong).
    pub strength: u8,
    /// The first day the tie stood, if known.
    pub valid_from: Option<Date>,
    /// The day the tie ended: it no longer stood on this day (exclusive).
    pub valid_until: Option<Date>,
    pub notes: String,
}

impl std::fmt::Debug for FileTie {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileTie")
            .field("from", &self.from)
            .field("to", &self.to)
            .field("kind", &self.kind)
            .field("directed", &self.directed)
            .field("strength", &self.strength)
            .field("valid_from", &self.valid_from)
            .field("valid_until", &self.valid_until)
            .finish_non_exhaustive()
    }
}

/// The interchange formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Two files, `actors.csv` and `ties.csv`.
    Csv,
    /// GEXF 1.3, Gephi's format.
    Gexf,
    Graphml,
    /// Kumu's JSON import ("blueprint").
    KumuJson,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Csv, Format::Gexf, Format::Graphml, Format::KumuJson];

    /// The format's name on the command line and in forms.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Gexf => "gexf",
            Format::Graphml => "graphml",
            Format::KumuJson => "kumu",
        }
    }

    /// The usual file extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Gexf => "gexf",
            Format::Graphml => "graphml",
            Format::KumuJson => "json",
        }
    }

    pub fn parse(value: &str) -> Result<Self, UnknownFormat> {
        let value = value.trim();
        Self::ALL
            .into_iter()
            .find(|format| format.as_str().eq_ignore_ascii_case(value))
            .ok_or_else(|| UnknownFormat(fields::quoted(value)))
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A format name that is none of `csv`, `gexf`, `graphml`, `kumu`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0} is not a known format (csv, gexf, graphml or kumu)")]
pub struct UnknownFormat(String);

/// Why a file could not be read, and where. The problem never quotes a name, a role or a note.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}, line {line}: {problem}")]
pub struct ImportError {
    /// The file's name as the user gave it, or the format's usual one (`actors.csv`,
    /// `ties.csv`, `map.gexf`, `map.graphml`, `map.json`).
    pub file: String,
    /// 1-based.
    pub line: usize,
    pub problem: ImportProblem,
}

impl ImportError {
    pub(crate) fn new(file: &str, line: usize, problem: ImportProblem) -> Self {
        Self { file: file.to_owned(), line: line.max(1), problem }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_round_trip_through_their_names() {
        for format in Format::ALL {
            assert_eq!(Format::parse(format.as_str()), Ok(format));
            assert_eq!(Format::parse(&format.as_str().to_uppercase()), Ok(format));
        }
        assert_eq!(
            Format::parse("xlsx").unwrap_err().to_string(),
            "`xlsx` is not a known format (csv, gexf, graphml or kumu)"
        );
    }

    #[test]
    fn debug_prints_code_names_only() {
        let actor = FileActor {
            code_name: "UV-01".into(),
            name: Some("CANARY name".into()),
            kind: ActorKind::Person,
            primary_track: Track::Research,
            tracks: BTreeSet::from([Track::Research]),
            level: Level::Top,
            side: Some("CANARY side".into()),
            role: "CANARY role".into(),
            decision_maker: true,
            notes: "CANARY notes".into(),
            public_description: "CANARY description".into(),
            unplaced: BTreeSet::new(),
        };
        let tie = FileTie {
            from: "UV-01".into(),
            to: "UV-02".into(),
            kind: TieKind::Advises,
            directed: true,
            strength: 3,
            valid_from: None,
            valid_until: None,
            notes: "CANARY tie notes".into(),
        };
        let printed = format!("{:?}", MapFile { actors: vec![actor], ties: vec![tie] });
        assert!(printed.contains("UV-01") && printed.contains("UV-02"), "{printed}");
        assert!(!printed.contains("CANARY"), "{printed}");
    }

    #[test]
    fn errors_say_file_and_line() {
        let error = ImportError::new(
            ACTORS_CSV,
            3,
            ImportProblem::UnknownTrack { field: "primary_track".into(), value: Excerpt::of("10") },
        );
        assert_eq!(error.to_string(), "actors.csv, line 3: primary_track: `10` is not a known track");
    }
}
