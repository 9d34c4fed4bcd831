//! Maps made elsewhere: the attributes a GEXF or GraphML file carries, mapped onto tracktwo's
//! fields (`track=Sector`), their values mapped onto tracktwo's (`track:Gov=government`), and the
//! scheme by which a file numbers its tracks.

use std::collections::BTreeMap;

use tracktwo_domain::map::Track;

use crate::xml::field_key;
use crate::{Excerpt, Format, ImportError, ImportProblem, xml};

/// How a file numbers the tracks. Tracks are read by name in English under any scheme; a number
/// only under a declared one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TrackScheme {
    /// The nine tracks as the Institute for Multi-Track Diplomacy numbers them (Diamond and
    /// McDonald): 1 government, 2 professional conflict resolution, 3 business, 4 private
    /// citizens, 5 research, training and education, 6 activism, 7 religion, 8 funding,
    /// 9 communications and media. tracktwo's own numbering, which every export follows.
    Imtd9,
    /// The five-track list common in the literature: 1 government, 2 professional conflict
    /// resolution, 3 business, 4 private citizens (citizen exchange), 5 media.
    Five,
}

impl TrackScheme {
    pub const ALL: [TrackScheme; 2] = [TrackScheme::Imtd9, TrackScheme::Five];

    /// The scheme's name on the command line, in forms and in the files that declare it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            TrackScheme::Imtd9 => "imtd9",
            TrackScheme::Five => "five",
        }
    }

    /// The scheme in words, for the files that declare it (people read it in their language
    /// from the edge's messages).
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            TrackScheme::Imtd9 => "the nine tracks of the Institute for Multi-Track Diplomacy",
            TrackScheme::Five => "the five-track list (3 business, 4 citizen exchange, 5 media)",
        }
    }

    pub fn parse(value: &str) -> Result<Self, UnknownScheme> {
        let value = value.trim();
        Self::ALL
            .into_iter()
            .find(|scheme| scheme.as_str().eq_ignore_ascii_case(value))
            .ok_or_else(|| UnknownScheme(Excerpt::of(value)))
    }

    /// The track a number stands for under this scheme.
    #[must_use]
    pub fn track(self, number: u8) -> Option<Track> {
        match self {
            TrackScheme::Imtd9 => Track::from_number(number).ok(),
            TrackScheme::Five => match number {
                1 => Some(Track::Government),
                2 => Some(Track::ConflictResolution),
                3 => Some(Track::Business),
                4 => Some(Track::PrivateCitizens),
                5 => Some(Track::Media),
                _ => None,
            },
        }
    }
}

/// A scheme name that is neither `imtd9` nor `five`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0} is not a track scheme (imtd9: the nine tracks of the Institute for Multi-Track Diplomacy; five: the five-track list)"
)]
pub struct UnknownScheme(Excerpt);

impl UnknownScheme {
    /// The name given, as the message quotes it.
    #[must_use]
    pub fn value(&self) -> &Excerpt {
        &self.0
    }
}

/// A field of tracktwo's that a file's attribute can be mapped onto.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Code,
    Name,
    Kind,
    Track,
    Tracks,
    Level,
    Side,
    Role,
    DecisionMaker,
    Notes,
    PublicDescription,
    TieKind,
    Strength,
    Directed,
    ValidFrom,
    ValidUntil,
    TieNotes,
}

impl Field {
    pub const ALL: [Field; 17] = [
        Field::Code,
        Field::Name,
        Field::Kind,
        Field::Track,
        Field::Tracks,
        Field::Level,
        Field::Side,
        Field::Role,
        Field::DecisionMaker,
        Field::Notes,
        Field::PublicDescription,
        Field::TieKind,
        Field::Strength,
        Field::Directed,
        Field::ValidFrom,
        Field::ValidUntil,
        Field::TieNotes,
    ];

    /// The field's name on the command line and in forms.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Code => "code",
            Field::Name => "name",
            Field::Kind => "kind",
            Field::Track => "track",
            Field::Tracks => "tracks",
            Field::Level => "level",
            Field::Side => "side",
            Field::Role => "role",
            Field::DecisionMaker => "decision-maker",
            Field::Notes => "notes",
            Field::PublicDescription => "public-description",
            Field::TieKind => "tie-kind",
            Field::Strength => "strength",
            Field::Directed => "directed",
            Field::ValidFrom => "valid-from",
            Field::ValidUntil => "valid-until",
            Field::TieNotes => "tie-notes",
        }
    }

    /// Whether the field belongs to a tie (an edge) rather than an actor (a node).
    #[must_use]
    pub fn of_ties(self) -> bool {
        matches!(
            self,
            Field::TieKind | Field::Strength | Field::Directed | Field::ValidFrom | Field::ValidUntil | Field::TieNotes
        )
    }

    /// The name tracktwo's own files give the attribute, as [`field_key`] normalises it.
    pub(crate) fn own_key(self) -> &'static str {
        match self {
            Field::Code => "code",
            Field::Name => "name",
            Field::Kind | Field::TieKind => "kind",
            Field::Track => "primary track",
            Field::Tracks => "tracks",
            Field::Level => "level",
            Field::Side => "side",
            Field::Role => "role",
            Field::DecisionMaker => "decision maker",
            Field::Notes | Field::TieNotes => "notes",
            Field::PublicDescription => "public description",
            Field::Strength => "strength",
            Field::Directed => "directed",
            Field::ValidFrom => "valid from",
            Field::ValidUntil => "valid until",
        }
    }

    pub fn parse(value: &str) -> Result<Self, MappingError> {
        let key = value.trim().to_lowercase().replace(['_', ' '], "-");
        Self::ALL
            .into_iter()
            .find(|field| field.as_str() == key)
            .ok_or_else(|| MappingError::UnknownField { given: Excerpt::of(value) })
    }

    /// Every field's name, as a message lists them.
    #[must_use]
    pub fn names() -> String {
        Self::ALL.iter().map(|field| field.as_str()).collect::<Vec<_>>().join(", ")
    }
}

/// A mapping given wrongly: an unknown field, a field mapped twice, a malformed `--field` or
/// `--value`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    #[error("{given} is not a field of tracktwo's; the fields are {}", Field::names())]
    UnknownField { given: Excerpt },
    #[error("`{}` is mapped onto no attribute", field.as_str())]
    NoAttribute { field: Field },
    #[error("`{}` is mapped twice", field.as_str())]
    FieldTwice { field: Field },
    #[error("`{}` maps {value} twice", field.as_str())]
    ValueTwice { field: Field, value: Excerpt },
    #[error("{given} is not FIELD=ATTRIBUTE (for example track=Sector)")]
    NotAFieldArgument { given: Excerpt },
    #[error("{given} is not FIELD:FILE_VALUE=VALUE (for example track:Gov=government)")]
    NotAValueArgument { given: Excerpt },
}

/// How a map made elsewhere is read: which of its attributes holds each of tracktwo's fields,
/// and which of its values stand for which of tracktwo's.
///
/// A field left unmapped is read from an attribute of tracktwo's own name for it, if the file has
/// one. A value mapped for a field replaces the file's value before it is read; an absent value
/// is read as empty, so mapping the empty value (`level:=grassroots`) gives every actor without
/// one a default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    attributes: BTreeMap<Field, String>,
    values: BTreeMap<(Field, String), String>,
}

impl Mapping {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Maps `field` onto the file's attribute named `attribute` (compared ignoring case, and
    /// `_`, `-` and spaces alike).
    pub fn map_field(&mut self, field: Field, attribute: &str) -> Result<(), MappingError> {
        if attribute.trim().is_empty() {
            return Err(MappingError::NoAttribute { field });
        }
        if self.attributes.insert(field, field_key(attribute)).is_some() {
            return Err(MappingError::FieldTwice { field });
        }
        Ok(())
    }

    /// Reads `file` as tracktwo's value `ours` for `field` (the file's value compared ignoring
    /// case and surrounding spaces).
    pub fn map_value(&mut self, field: Field, file: &str, ours: &str) -> Result<(), MappingError> {
        if self.values.insert((field, fold(file)), ours.trim().to_owned()).is_some() {
            return Err(MappingError::ValueTwice { field, value: Excerpt::of(file.trim()) });
        }
        Ok(())
    }

    /// Reads `FIELD=ATTRIBUTE`, as `--field track=Sector` gives it.
    pub fn add_field_argument(&mut self, argument: &str) -> Result<(), MappingError> {
        let (field, attribute) =
            argument.split_once('=').ok_or_else(|| MappingError::NotAFieldArgument { given: Excerpt::of(argument) })?;
        self.map_field(Field::parse(field)?, attribute)
    }

    /// Reads `FIELD:FILE_VALUE=VALUE`, as `--value track:Gov=government` gives it.
    pub fn add_value_argument(&mut self, argument: &str) -> Result<(), MappingError> {
        let malformed = || MappingError::NotAValueArgument { given: Excerpt::of(argument) };
        let (field, rest) = argument.split_once(':').ok_or_else(malformed)?;
        let (file, ours) = rest.rsplit_once('=').ok_or_else(malformed)?;
        self.map_value(Field::parse(field)?, file, ours)
    }

    /// The value of `field` for a node's or edge's `values` (by attribute key), the mapping
    /// applied: `None` when the file gives none and no default is mapped.
    pub(crate) fn value<'v>(&'v self, field: Field, values: &xml::Values<'v>) -> Option<(&'v str, usize)> {
        let key = self.attributes.get(&field).map_or(field.own_key(), String::as_str);
        let found = values.entry(key);
        let raw = found.map_or("", |(value, _)| value);
        let line = found.map_or(values.line, |(_, line)| line);
        match self.values.get(&(field, fold(raw))) {
            Some(ours) => Some((ours.as_str(), line)),
            None => found,
        }
    }
}

fn fold(value: &str) -> String {
    value.trim().to_lowercase()
}

/// An attribute a file gives its nodes or edges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// As the file names it.
    pub name: String,
    /// Whether it belongs to edges (ties) rather than nodes (actors).
    pub of_edges: bool,
    /// How many nodes or edges give it a value.
    pub count: usize,
    /// Up to five of its distinct values, in the order first met, each cut short if long.
    pub samples: Vec<String>,
}

/// What a file carries, for choosing a mapping.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileAttributes {
    pub nodes: usize,
    pub edges: usize,
    pub attributes: Vec<Attribute>,
    /// The scheme the file declares for its track numbers, if any.
    pub track_scheme: Option<TrackScheme>,
}

impl FileAttributes {
    /// Whether the file names its fields as tracktwo does (a tracktwo export, or a file written
    /// to its columns): then it reads without a mapping.
    #[must_use]
    pub fn is_tracktwo(&self) -> bool {
        self.attributes.iter().any(|attribute| !attribute.of_edges && field_key(&attribute.name) == "primary track")
    }
}

/// The attributes of a GEXF or GraphML file's nodes and edges, with a few of their values, for
/// the user to map. `file_name` is how errors name the file.
pub fn attributes(format: Format, text: &str, file_name: &str) -> Result<FileAttributes, ImportError> {
    match format {
        Format::Gexf => crate::gexf::attributes(text, file_name),
        Format::Graphml => crate::graphml::attributes(text, file_name),
        Format::Csv | Format::KumuJson => Err(ImportError::new(file_name, 1, ImportProblem::MappingNotApplicable)),
    }
}

/// Gathers attributes as a reader meets them.
#[derive(Default)]
pub(crate) struct Gatherer {
    seen: BTreeMap<(bool, String), usize>,
    attributes: Vec<Attribute>,
}

const SAMPLES_MAX: usize = 5;
const SAMPLE_CHARS: usize = 40;

impl Gatherer {
    pub fn add(&mut self, of_edges: bool, name: &str, value: &str) {
        let at = *self.seen.entry((of_edges, name.to_owned())).or_insert_with(|| {
            self.attributes.push(Attribute { name: name.to_owned(), of_edges, count: 0, samples: Vec::new() });
            self.attributes.len() - 1
        });
        let attribute = &mut self.attributes[at];
        attribute.count += 1;
        let mut chars = value.trim().chars();
        let mut sample: String = chars.by_ref().take(SAMPLE_CHARS).collect();
        if chars.next().is_some() {
            sample.push('…');
        }
        if !sample.is_empty() && attribute.samples.len() < SAMPLES_MAX && !attribute.samples.contains(&sample) {
            attribute.samples.push(sample);
        }
    }

    pub fn finish(self, nodes: usize, edges: usize, track_scheme: Option<TrackScheme>) -> FileAttributes {
        FileAttributes { nodes, edges, attributes: self.attributes, track_scheme }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_number_the_tracks_differently() {
        assert_eq!(TrackScheme::Imtd9.track(4), Some(Track::PrivateCitizens));
        assert_eq!(TrackScheme::Imtd9.track(5), Some(Track::Research));
        assert_eq!(TrackScheme::Five.track(5), Some(Track::Media));
        assert_eq!(TrackScheme::Five.track(4), Some(Track::PrivateCitizens));
        assert_eq!(TrackScheme::Five.track(6), None);
        assert_eq!(TrackScheme::Imtd9.track(10), None);
        for scheme in TrackScheme::ALL {
            assert_eq!(TrackScheme::parse(&scheme.as_str().to_uppercase()), Ok(scheme));
        }
        assert!(TrackScheme::parse("seven").is_err());
    }

    #[test]
    fn arguments_read_fields_and_values() {
        let mut mapping = Mapping::new();
        mapping.add_field_argument("track=Sector Name").unwrap();
        mapping.add_field_argument("decision_maker=dm").unwrap();
        mapping.add_value_argument("track:Gov=government").unwrap();
        mapping.add_value_argument("level:=grassroots").unwrap();
        assert_eq!(mapping.attributes.get(&Field::Track).map(String::as_str), Some("sector name"));
        assert_eq!(mapping.attributes.get(&Field::DecisionMaker).map(String::as_str), Some("dm"));
        assert_eq!(mapping.values.get(&(Field::Track, "gov".into())).map(String::as_str), Some("government"));
        assert_eq!(mapping.values.get(&(Field::Level, String::new())).map(String::as_str), Some("grassroots"));
        assert!(mapping.add_field_argument("track=Other").unwrap_err().to_string().contains("mapped twice"));
        assert!(mapping.add_field_argument("colour=Hue").unwrap_err().to_string().contains("not a field"));
        assert!(mapping.add_field_argument("track").is_err());
        assert!(mapping.add_value_argument("track=1").is_err());
    }
}
