//! GraphML, which Gephi, yEd, Cytoscape, NetworkX and igraph all read.
//!
//! ```xml
//! <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
//!   <key id="kind" for="node" attr.name="kind" attr.type="string"/>
//!   …
//!   <graph id="map" edgedefault="directed">
//!     <data key="track_scheme">imtd9</data>
//!     <node id="UV-01"><data key="code">UV-01</data><data key="kind">person</data>…</node>
//!     <edge id="t0" source="UV-01" target="UV-02"><data key="tie_kind">advises</data><data key="directed">true</data>…</edge>
//!   </graph>
//! </graphml>
//! ```
//!
//! The node id is the code name. `label` (the name, or the code name where the name is
//! withheld) and `weight` (the strength) are written for the tools that show them, and not read
//! back but for `weight` standing in for a missing strength.
//!
//! The graph is directed and every tie one edge from its `from` to its `to`; an undirected tie
//! says so in its `directed` data (`false`). NetworkX refuses an edge whose own `directed`
//! contradicts the graph's default, so the edges carry none. The graph's `track_scheme` data
//! declares the scheme of the track numbers.

use std::collections::BTreeMap;

use crate::fields;
use crate::mapping::{Field, FileAttributes, Gatherer, TrackScheme};
use crate::validate::{self, Files, Located};
use crate::xml::{self, Document, Element, Reading, Values, field_key};
use crate::{Excerpt, FileTie, ImportError, ImportProblem, MAP_GRAPHML, MapFile, Owner, ReadOptions};

const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA_LOCATION: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// The graph's attribute for its edges' default direction.
const EDGE_DEFAULT: &str = "edgedefault";

/// Key id, `for`, `attr.name`, `attr.type`. GraphML's `attr.name` is a single token, so the
/// names use underscores; the reader takes them with spaces too.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("track_scheme", "graph", "track_scheme", "string"),
    ("code", "node", "code", "string"),
    ("label", "node", "label", "string"),
    ("name", "node", "name", "string"),
    ("kind", "node", "kind", "string"),
    ("primary_track", "node", "primary_track", "int"),
    ("tracks", "node", "tracks", "string"),
    ("level", "node", "level", "string"),
    ("side", "node", "side", "string"),
    ("role", "node", "role", "string"),
    ("decision_maker", "node", "decision_maker", "boolean"),
    ("notes", "node", "notes", "string"),
    ("public_description", "node", "public_description", "string"),
    ("unplaced", "node", "unplaced", "string"),
    ("tie_kind", "edge", "kind", "string"),
    ("directed", "edge", "directed", "boolean"),
    ("strength", "edge", "strength", "int"),
    ("weight", "edge", "weight", "double"),
    ("valid_from", "edge", "valid_from", "string"),
    ("valid_until", "edge", "valid_until", "string"),
    ("tie_notes", "edge", "notes", "string"),
];

#[must_use]
pub fn write_graphml(map: &MapFile) -> String {
    let mut document = Document::new();
    document.open(
        "graphml",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMA_LOCATION),
        ],
    );
    for (id, domain, name, kind) in KEYS {
        document.empty("key", &[("id", id), ("for", domain), ("attr.name", name), ("attr.type", kind)]);
    }
    document.open("graph", &[("id", "map"), ("edgedefault", "directed")]);
    document.text_element("data", &[("key", "track_scheme")], TrackScheme::Imtd9.as_str());
    for actor in &map.actors {
        document.open("node", &[("id", &actor.code_name)]);
        let mut data = |key: &str, value: &str| document.text_element("data", &[("key", key)], value);
        data("code", &actor.code_name);
        data("label", actor.name.as_deref().unwrap_or(&actor.code_name));
        if let Some(name) = &actor.name {
            data("name", name);
        }
        data("kind", actor.kind.as_str());
        data("primary_track", &actor.primary_track.number().to_string());
        data("tracks", &fields::format_tracks(&actor.tracks));
        data("level", actor.level.as_str());
        if let Some(side) = &actor.side {
            data("side", side);
        }
        if !actor.role.is_empty() {
            data("role", &actor.role);
        }
        data("decision_maker", if actor.decision_maker { "true" } else { "false" });
        if !actor.notes.is_empty() {
            data("notes", &actor.notes);
        }
        if !actor.public_description.is_empty() {
            data("public_description", &actor.public_description);
        }
        if !actor.unplaced.is_empty() {
            data("unplaced", &actor.unplaced.iter().copied().collect::<Vec<_>>().join(";"));
        }
        document.close("node");
    }
    for (index, tie) in map.ties.iter().enumerate() {
        let id = format!("t{index}");
        document.open("edge", &[("id", &id), ("source", &tie.from), ("target", &tie.to)]);
        let mut data = |key: &str, value: &str| document.text_element("data", &[("key", key)], value);
        data("tie_kind", tie.kind.as_str());
        data("directed", if tie.directed { "true" } else { "false" });
        data("strength", &tie.strength.to_string());
        data("weight", &tie.strength.to_string());
        if let Some(from) = tie.valid_from {
            data("valid_from", &fields::format_date(from));
        }
        if let Some(until) = tie.valid_until {
            data("valid_until", &fields::format_date(until));
        }
        if !tie.notes.is_empty() {
            data("tie_notes", &tie.notes);
        }
        document.close("edge");
    }
    document.close("graph");
    document.close("graphml");
    document.finish()
}

/// A declared `<key>`: what it is called and, if it has one, its default.
struct Key<'e> {
    domain: &'e str,
    name: String,
    /// As the file writes it, for listing.
    attribute_name: Option<&'e str>,
    default: Option<&'e Element>,
}

/// Reads a GraphML file. Values are found by their key's `attr.name`, so a file another tool
/// has rewritten with its own key ids reads the same.
pub fn read_graphml(text: &str) -> Result<MapFile, ImportError> {
    read_graphml_with(text, MAP_GRAPHML, &ReadOptions::default())
}

/// The parts of a GraphML file every reading needs.
struct Parsed<'e> {
    keys: BTreeMap<&'e str, Key<'e>>,
    graph: &'e Element,
    directed_by_default: bool,
    scheme: Option<TrackScheme>,
}

fn parts<'e>(root: &'e Element, file: &str) -> Result<Parsed<'e>, ImportError> {
    let error = |element: &Element, problem: ImportProblem| ImportError::new(file, element.line, problem);
    if root.name != "graphml" {
        return Err(error(root, ImportProblem::NotGraphml { root: Excerpt::of(&root.name) }));
    }
    let mut keys: BTreeMap<&str, Key<'_>> = BTreeMap::new();
    for key in root.children("key") {
        let id = key.attribute("id").ok_or_else(|| error(key, ImportProblem::KeyWithoutId))?;
        let name = field_key(key.attribute("attr.name").unwrap_or(id));
        let declared = Key {
            domain: key.attribute("for").unwrap_or("all"),
            name,
            attribute_name: key.attribute("attr.name"),
            default: key.child("default"),
        };
        if keys.insert(id, declared).is_some() {
            return Err(error(key, ImportProblem::KeyIdTwice { id: Excerpt::of(id) }));
        }
    }
    let graph = root.child("graph").ok_or_else(|| error(root, ImportProblem::GraphmlWithoutGraph))?;
    let directed_by_default = match graph.attribute(EDGE_DEFAULT).map(str::trim) {
        None | Some("undirected") => false,
        Some("directed") => true,
        Some(other) => {
            return Err(error(
                graph,
                ImportProblem::NotAnEdgeDefault { field: EDGE_DEFAULT.to_owned(), value: Excerpt::of(other) },
            ));
        }
    };
    let mut scheme = None;
    for data in graph.children("data") {
        let named = data.attribute("key").and_then(|id| keys.get(id)).map(|key| key.name.as_str());
        if named == Some("track scheme") {
            scheme = Some(TrackScheme::parse(&data.text).map_err(|error| {
                ImportError::new(
                    file,
                    data.line,
                    ImportProblem::UnknownTrackScheme { field: "track_scheme".to_owned(), error },
                )
            })?);
        }
    }
    Ok(Parsed { keys, graph, directed_by_default, scheme })
}

/// The attributes of a GraphML file's nodes and edges, for a mapping.
pub(crate) fn attributes(text: &str, file: &str) -> Result<FileAttributes, ImportError> {
    let root = xml::parse(file, text)?;
    let parsed = parts(&root, file)?;
    let mut gathered = Gatherer::default();
    let (mut nodes, mut edges) = (0, 0);
    for (element, of_edges) in parsed
        .graph
        .children("node")
        .map(|node| (node, false))
        .chain(parsed.graph.children("edge").map(|edge| (edge, true)))
    {
        if of_edges {
            edges += 1;
        } else {
            nodes += 1;
        }
        for data in element.children("data") {
            let id = data.attribute("key").unwrap_or("");
            let name = parsed.keys.get(id).and_then(|key| key.attribute_name).unwrap_or(id);
            gathered.add(of_edges, name, &data.text);
        }
    }
    Ok(gathered.finish(nodes, edges, parsed.scheme))
}

/// As [`read_graphml`], with the options: the file's name for errors, the sides, a mapping.
pub(crate) fn read_graphml_with(text: &str, file: &str, options: &ReadOptions<'_>) -> Result<MapFile, ImportError> {
    let root = xml::parse(file, text)?;
    let Parsed { keys, graph, directed_by_default, scheme } = parts(&root, file)?;
    let reading =
        Reading { mapping: options.mapping, scheme: Reading::scheme(scheme, options.track_scheme, file, root.line)? };
    let error = |element: &Element, problem: ImportProblem| ImportError::new(file, element.line, problem);
    let mut actors = Vec::new();
    // Node id to code name and line; edges name their ends by node id.
    let mut codes: BTreeMap<&str, (String, usize)> = BTreeMap::new();
    for node in graph.children("node") {
        let id = node.attribute("id").ok_or_else(|| error(node, ImportProblem::NodeWithoutId))?;
        let values = values(node, "node", Owner::Node { id: Excerpt::of(id) }, &keys, file)?;
        let actor = xml::actor(&values, id, &reading)?;
        if let Some((_, first)) = codes.insert(id, (actor.code_name.clone(), node.line)) {
            return Err(error(node, ImportProblem::NodeIdTwice { id: Excerpt::of(id), first }));
        }
        actors.push(Located { line: node.line, item: actor });
    }
    let mut ties = Vec::new();
    for edge in graph.children("edge") {
        let end = |name: &'static str| {
            let id = edge.attribute(name).ok_or_else(|| error(edge, ImportProblem::EdgeWithoutEnd { end: name }))?;
            // An end that is no node's id is passed on as it is, for the shared check to name it.
            Ok::<_, ImportError>(codes.get(id).map_or_else(|| id.to_owned(), |(code, _)| code.clone()))
        };
        let (from, to) = (end("source")?, end("target")?);
        let owner = Owner::Edge { from: Excerpt::of(&from), to: Excerpt::of(&to) };
        let values = values(edge, "edge", owner, &keys, file)?;
        let own_direction = match edge.attribute("directed") {
            None => directed_by_default,
            Some(directed) => {
                fields::yes_no("directed", directed).map_err(|problem| ImportError::new(file, edge.line, problem))?
            }
        };
        let kind = match reading.parse(Field::TieKind, &values, fields::tie_kind)? {
            Some(kind) => kind,
            None => return Err(error(edge, crate::gexf::no_tie_kind(&values, &reading))),
        };
        let strength = match reading.parse(Field::Strength, &values, fields::strength)? {
            Some(strength) => strength,
            None => match values.parse("weight", fields::strength)? {
                Some(strength) => strength,
                // A map made elsewhere may weigh none of its edges: each is a tie of strength 1,
                // as GEXF takes an edge without a weight.
                None if reading.mapping.is_some() => 1,
                None => {
                    let owner = values.owner.clone();
                    return Err(error(edge, ImportProblem::NoValue { owner, key: "weight".to_owned() }));
                }
            },
        };
        let tie = FileTie {
            from,
            to,
            kind,
            // An explicit `directed` value says what the tie is, whatever the edge's own.
            directed: reading.parse(Field::Directed, &values, fields::yes_no)?.unwrap_or(own_direction),
            strength,
            valid_from: reading.parse(Field::ValidFrom, &values, fields::date)?.flatten(),
            valid_until: reading.parse(Field::ValidUntil, &values, fields::date)?.flatten(),
            notes: reading.value(Field::TieNotes, &values).map_or("", |(notes, _)| notes).to_owned(),
        };
        ties.push(Located { line: edge.line, item: tie });
    }
    let ties = validate::fold_pairs(ties);
    validate::finish_for(actors, ties, Files { actors: file, ties: file }, options.sides, options.mapping.is_some())
}

/// A node's or edge's `<data>`, keyed by the key's name, with the keys' defaults filled in.
fn values<'e>(
    element: &'e Element,
    domain: &str,
    owner: Owner,
    keys: &BTreeMap<&str, Key<'e>>,
    file: &'e str,
) -> Result<Values<'e>, ImportError> {
    let applies = |key: &Key<'_>| key.domain == domain || key.domain == "all";
    let mut values = Values { file, line: element.line, owner, entries: Vec::new() };
    for data in element.children("data") {
        let id =
            data.attribute("key").ok_or_else(|| ImportError::new(file, data.line, ImportProblem::DataWithoutKey))?;
        let name = match keys.get(id) {
            Some(key) if applies(key) => key.name.clone(),
            _ => field_key(id),
        };
        values.insert(name, &data.text, data.line)?;
    }
    for key in keys.values().filter(|key| applies(key)) {
        if let Some(default) = key.default
            && values.get(&key.name).is_none()
        {
            values.insert(key.name.clone(), &default.text, default.line)?;
        }
    }
    Ok(values)
}
