//! Kumu's JSON import, which Kumu calls a blueprint: `elements` with a `label`, `connections`
//! with `from` and `to` naming elements by label, a `type` for each, a `direction` for
//! connections, and any further fields as keys of their own.
//!
//! ```json
//! {
//!   "track scheme": "imtd9",
//!   "elements": [
//!     { "label": "UV-01", "type": "Person", "primary track": 5, "tracks": [1, 5], "level": "middle",
//!       "side": "North", "role": "Dean of law", "decision maker": false, "description": "",
//!       "public description": "A senior academic" }
//!   ],
//!   "connections": [
//!     { "from": "UV-01", "to": "UV-02", "type": "advises", "direction": "directed", "strength": 4,
//!       "valid from": "2024-01-15", "description": "" }
//!   ]
//! }
//! ```
//!
//! `track scheme` says which numbering the track numbers follow (`imtd9`, the nine tracks of the
//! Institute for Multi-Track Diplomacy, or `five`, the five-track list); every export writes it,
//! and a file without it is read as tracktwo's blueprints were before it: `imtd9`.
//! The label is the code name, so Kumu shows code names; the name goes in `name` where the file
//! carries it. Notes go in Kumu's own `description`; the public description, when there is one,
//! in `public description`. A connection without a `direction` takes
//! its tie kind's default, as a CSV row with an empty `directed` does; `mutual` reads as
//! undirected.

use std::collections::BTreeSet;

use serde::Serialize;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;
use tracktwo_domain::map::{ActorKind, Track};

use crate::fields;
use crate::lines::LineIndex;
use crate::mapping::TrackScheme;
use crate::validate::{self, Files, Located};
use crate::{Excerpt, FileActor, FileTie, ImportError, ImportProblem, JsonFault, MAP_KUMU, MapFile, Owner};

#[derive(Serialize)]
struct Blueprint<'m> {
    #[serde(rename = "track scheme")]
    track_scheme: &'static str,
    elements: Vec<ElementOut<'m>>,
    connections: Vec<ConnectionOut<'m>>,
}

#[derive(Serialize)]
struct ElementOut<'m> {
    label: &'m str,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'m str>,
    #[serde(rename = "primary track")]
    primary_track: u8,
    tracks: Vec<u8>,
    level: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    side: Option<&'m str>,
    role: &'m str,
    #[serde(rename = "decision maker")]
    decision_maker: bool,
    description: &'m str,
    #[serde(rename = "public description", skip_serializing_if = "str::is_empty")]
    public_description: &'m str,
}

#[derive(Serialize)]
struct ConnectionOut<'m> {
    from: &'m str,
    to: &'m str,
    #[serde(rename = "type")]
    kind: &'static str,
    direction: &'static str,
    strength: u8,
    #[serde(rename = "valid from", skip_serializing_if = "Option::is_none")]
    valid_from: Option<String>,
    #[serde(rename = "valid until", skip_serializing_if = "Option::is_none")]
    valid_until: Option<String>,
    description: &'m str,
}

#[must_use]
pub fn write_kumu(map: &MapFile) -> String {
    let elements = map
        .actors
        .iter()
        .map(|actor| ElementOut {
            label: &actor.code_name,
            kind: match actor.kind {
                ActorKind::Person => "Person",
                ActorKind::Organisation => "Organization",
            },
            name: actor.name.as_deref(),
            primary_track: actor.primary_track.number(),
            tracks: actor.tracks.iter().map(|track| track.number()).collect(),
            level: actor.level.as_str(),
            side: actor.side.as_deref(),
            role: &actor.role,
            decision_maker: actor.decision_maker,
            description: &actor.notes,
            public_description: &actor.public_description,
        })
        .collect();
    let connections = map
        .ties
        .iter()
        .map(|tie| ConnectionOut {
            from: &tie.from,
            to: &tie.to,
            kind: tie.kind.as_str(),
            direction: if tie.directed { "directed" } else { "undirected" },
            strength: tie.strength,
            valid_from: tie.valid_from.map(fields::format_date),
            valid_until: tie.valid_until.map(fields::format_date),
            description: &tie.notes,
        })
        .collect();
    let mut text =
        serde_json::to_string_pretty(&Blueprint { track_scheme: TrackScheme::Imtd9.as_str(), elements, connections })
            .expect("structs of strings, numbers and booleans always serialise");
    text.push('\n');
    text
}

/// Reads a Kumu blueprint. Keys other than ours (Kumu's `id`, `tags`, …) are ignored.
pub fn read_kumu(text: &str) -> Result<MapFile, ImportError> {
    read_kumu_for(text, None)
}

/// As [`read_kumu_for`], its errors naming the file `name`.
pub(crate) fn read_kumu_named(text: &str, name: &str, sides: Option<&[String]>) -> Result<MapFile, ImportError> {
    read_kumu_for(text, sides).map_err(|error| ImportError { file: name.to_owned(), ..error })
}

/// As [`read_kumu`], with every actor's side checked against `sides`.
pub(crate) fn read_kumu_for(text: &str, sides: Option<&[String]>) -> Result<MapFile, ImportError> {
    // Editors on Windows save UTF-8 with a byte-order mark, which JSON does not allow.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader { text, lines: LineIndex::new(text), scheme: TrackScheme::Imtd9 };
    let top = reader.object(text, Owner::Blueprint).map_err(|error| reader.error(error, 1))?;
    if let Some((scheme, line)) = reader.text(&top, "track scheme")? {
        reader.scheme = TrackScheme::parse(&scheme).map_err(|error| {
            ImportError::new(
                MAP_KUMU,
                line,
                ImportProblem::UnknownTrackScheme { field: "track scheme".to_owned(), error },
            )
        })?;
    }
    let (elements, connections) = (top.entries.get("elements"), top.entries.get("connections"));
    if elements.is_none() && connections.is_none() {
        return Err(ImportError::new(MAP_KUMU, 1, ImportProblem::NotABlueprint));
    }
    let mut actors = Vec::new();
    for raw in reader.list(elements, "elements")? {
        let line = reader.line(raw);
        let element = reader.object(raw.get(), Owner::AnElement).map_err(|e| reader.error(e, line))?;
        actors.push(Located { line, item: reader.actor(element, line)? });
    }
    let mut ties = Vec::new();
    for raw in reader.list(connections, "connections")? {
        let line = reader.line(raw);
        let connection = reader.object(raw.get(), Owner::AConnection).map_err(|e| reader.error(e, line))?;
        ties.push(Located { line, item: reader.tie(connection, line)? });
    }
    validate::finish_for(actors, ties, Files { actors: MAP_KUMU, ties: MAP_KUMU }, sides, false)
}

/// A JSON object's keys and values, in order, the values left unparsed: each keeps its place in
/// the text, for the line of an error about it.
struct Entries<'t>(Vec<(String, &'t RawValue)>);

impl<'de> Deserialize<'de> for Entries<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries<'de>;
            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, &'de RawValue>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

impl<'t> Entries<'t> {
    fn get(&self, key: &str) -> Option<&'t RawValue> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, value)| *value)
    }
}

/// Why a part of the file could not be read, before it knows its line.
enum Problem {
    /// serde_json's own error. Its messages about types can quote the value they met, so only
    /// its syntax errors are shown, by their kind; a type error becomes `Shape`.
    Json(serde_json::Error),
    Shape(ImportProblem),
}

/// An element or a connection, and how messages name it.
struct Object<'t> {
    entries: Entries<'t>,
    owner: Owner,
}

struct Reader<'t> {
    text: &'t str,
    lines: LineIndex,
    /// The numbering the file's track numbers follow.
    scheme: TrackScheme,
}

impl<'t> Reader<'t> {
    fn line(&self, raw: &RawValue) -> usize {
        // The value borrows from the text, so its address is its place in the text.
        let offset = raw.get().as_ptr().addr().saturating_sub(self.text.as_ptr().addr());
        self.lines.line(offset)
    }

    fn json_error(&self, error: &serde_json::Error) -> ImportError {
        let message = error.to_string();
        // serde_json ends its message with the place; the line is reported on its own.
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(message, _)| message);
        ImportError::new(MAP_KUMU, error.line(), ImportProblem::MalformedJson { fault: JsonFault::of(message) })
    }

    fn error(&self, problem: Problem, line: usize) -> ImportError {
        match problem {
            // The document's own syntax: serde_json says what is wrong and where.
            Problem::Json(error) if !error.is_data() => self.json_error(&error),
            Problem::Json(_) => ImportError::new(MAP_KUMU, line, ImportProblem::ValueUnreadable),
            Problem::Shape(problem) => ImportError::new(MAP_KUMU, line, problem),
        }
    }

    /// Reads `json` as an object, `owner` naming it in messages.
    fn object(&self, json: &'t str, owner: Owner) -> Result<Object<'t>, Problem> {
        match serde_json::from_str::<Entries<'t>>(json) {
            Ok(entries) => {
                // A key given twice would leave it to chance which value counts.
                let mut seen = BTreeSet::new();
                if let Some((key, _)) = entries.0.iter().find(|(key, _)| !seen.insert(key.as_str())) {
                    return Err(Problem::Shape(ImportProblem::KeyTwice { owner, key: Excerpt::of(key) }));
                }
                Ok(Object { entries, owner })
            }
            Err(error) if error.is_data() => Err(Problem::Shape(ImportProblem::NotAnObject { owner })),
            Err(error) => Err(Problem::Json(error)),
        }
    }

    fn list(&self, raw: Option<&'t RawValue>, key: &'static str) -> Result<Vec<&'t RawValue>, ImportError> {
        let Some(raw) = raw else { return Ok(Vec::new()) };
        match serde_json::from_str::<Option<Vec<&'t RawValue>>>(raw.get()) {
            Ok(list) => Ok(list.unwrap_or_default()),
            Err(_) => Err(ImportError::new(MAP_KUMU, self.line(raw), ImportProblem::NotAList { key })),
        }
    }

    /// The value of `key`, unless it is absent or `null`.
    fn value(&self, object: &Object<'t>, key: &str) -> Result<Option<(Value, usize)>, ImportError> {
        let Some(raw) = object.entries.get(key) else { return Ok(None) };
        let line = self.line(raw);
        match serde_json::from_str::<Value>(raw.get()) {
            Ok(Value::Null) => Ok(None),
            Ok(value) => Ok(Some((value, line))),
            Err(_) => Err(ImportError::new(
                MAP_KUMU,
                line,
                ImportProblem::KeyUnreadable { key: key.to_owned(), owner: object.owner.clone() },
            )),
        }
    }

    /// The value of `key` as text (a number or a boolean as it is written), with its line.
    fn text(&self, object: &Object<'t>, key: &str) -> Result<Option<(String, usize)>, ImportError> {
        match self.value(object, key)? {
            None => Ok(None),
            Some((Value::String(text), line)) => Ok(Some((text, line))),
            Some((value @ (Value::Number(_) | Value::Bool(_)), line)) => Ok(Some((value.to_string(), line))),
            Some((_, line)) => {
                let owner = object.owner.clone();
                Err(ImportError::new(MAP_KUMU, line, ImportProblem::NotText { key: key.to_owned(), owner }))
            }
        }
    }

    fn parse<T>(
        &self,
        object: &Object<'t>,
        key: &str,
        parse: impl FnOnce(&str, &str) -> Result<T, ImportProblem>,
    ) -> Result<Option<T>, ImportError> {
        match self.text(object, key)? {
            None => Ok(None),
            Some((text, line)) => {
                parse(key, &text).map(Some).map_err(|problem| ImportError::new(MAP_KUMU, line, problem))
            }
        }
    }

    fn require<T>(
        &self,
        object: &Object<'t>,
        line: usize,
        key: &str,
        parse: impl FnOnce(&str, &str) -> Result<T, ImportProblem>,
    ) -> Result<T, ImportError> {
        self.parse(object, key, parse)?.ok_or_else(|| {
            let owner = object.owner.clone();
            ImportError::new(MAP_KUMU, line, ImportProblem::MissingKey { owner, key: key.to_owned() })
        })
    }

    fn actor(&self, mut element: Object<'t>, line: usize) -> Result<FileActor, ImportError> {
        let code_name = self.require(&element, line, "label", |_, code| Ok(code.trim().to_owned()))?;
        element.owner = Owner::Element { code: Excerpt::of(&code_name) };
        let kind = self.require(&element, line, "type", |key, kind| match kind.trim().to_lowercase().as_str() {
            "person" => Ok(ActorKind::Person),
            "organization" | "organisation" => Ok(ActorKind::Organisation),
            _ => Err(ImportProblem::NotAnActorType { field: key.to_owned(), value: Excerpt::of(kind.trim()) }),
        })?;
        let scheme = Some(self.scheme);
        let primary_track =
            self.require(&element, line, "primary track", |key, value| fields::track_in(key, value, scheme))?;
        let mut tracks = self.tracks(&element)?;
        tracks.insert(primary_track);
        let decision_maker = match self.value(&element, "decision maker")? {
            None => false,
            Some((Value::Bool(decision_maker), _)) => decision_maker,
            Some(_) => self.parse(&element, "decision maker", fields::yes_no)?.unwrap_or(false),
        };
        Ok(FileActor {
            code_name,
            name: self.text(&element, "name")?.and_then(|(name, _)| fields::optional(&name)),
            kind,
            primary_track,
            tracks,
            level: self.require(&element, line, "level", fields::level)?,
            side: self.text(&element, "side")?.and_then(|(side, _)| fields::optional(&side)),
            role: self.text(&element, "role")?.map(|(role, _)| role).unwrap_or_default(),
            decision_maker,
            notes: self.text(&element, "description")?.map(|(notes, _)| notes).unwrap_or_default(),
            public_description: self
                .text(&element, "public description")?
                .map(|(description, _)| description)
                .unwrap_or_default(),
            unplaced: BTreeSet::new(),
        })
    }

    /// Tracks as a list (`[1, 5]`, `["1", "research"]`) or as text (`"1;5"`).
    fn tracks(&self, element: &Object<'t>) -> Result<BTreeSet<Track>, ImportError> {
        match self.value(element, "tracks")? {
            None => Ok(BTreeSet::new()),
            Some((Value::Array(items), line)) => items
                .iter()
                .map(|item| match item {
                    Value::String(track) => fields::track_in("tracks", track, Some(self.scheme)),
                    Value::Number(track) => fields::track_in("tracks", &track.to_string(), Some(self.scheme)),
                    _ => Err(ImportProblem::TracksNotListed { owner: element.owner.clone() }),
                })
                .collect::<Result<_, _>>()
                .map_err(|problem| ImportError::new(MAP_KUMU, line, problem)),
            Some(_) => Ok(self
                .parse(element, "tracks", |key, value| fields::tracks_in(key, value, Some(self.scheme)))?
                .unwrap_or_default()),
        }
    }

    fn tie(&self, mut connection: Object<'t>, line: usize) -> Result<FileTie, ImportError> {
        let from = self.require(&connection, line, "from", |_, code| Ok(code.trim().to_owned()))?;
        let to = self.require(&connection, line, "to", |_, code| Ok(code.trim().to_owned()))?;
        connection.owner = Owner::Connection { from: Excerpt::of(&from), to: Excerpt::of(&to) };
        let kind = self.require(&connection, line, "type", fields::tie_kind)?;
        let direction = |key: &str, direction: &str| match direction.trim().to_lowercase().as_str() {
            "directed" => Ok(true),
            // Kumu's mutual connections run both ways, which is what an undirected tie says.
            "undirected" | "mutual" => Ok(false),
            _ => Err(ImportProblem::NotADirection { field: key.to_owned(), value: Excerpt::of(direction.trim()) }),
        };
        Ok(FileTie {
            directed: self.parse(&connection, "direction", direction)?.unwrap_or_else(|| kind.directed_by_default()),
            strength: self.require(&connection, line, "strength", fields::strength)?,
            valid_from: self.parse(&connection, "valid from", fields::date)?.flatten(),
            valid_until: self.parse(&connection, "valid until", fields::date)?.flatten(),
            notes: self.text(&connection, "description")?.map(|(notes, _)| notes).unwrap_or_default(),
            from,
            to,
            kind,
        })
    }
}
