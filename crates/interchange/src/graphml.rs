//! GraphML, which Gephi, yEd, Cytoscape, NetworkX and igraph all read.
//!
//! ```xml
//! <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
//!   <key id="kind" for="node" attr.name="kind" attr.type="string"/>
//!   …
//!   <graph id="map" edgedefault="undirected">
//!     <node id="UV-01"><data key="code">UV-01</data><data key="kind">person</data>…</node>
//!     <edge id="t0" source="UV-01" target="UV-02" directed="true"><data key="tie_kind">advises</data>…</edge>
//!   </graph>
//! </graphml>
//! ```
//!
//! The node id is the code name. `label` (the name, or the code name where the name is
//! withheld) and `weight` (the strength) are written for the tools that show them, and not read
//! back but for `weight` standing in for a missing strength.

use std::collections::BTreeMap;

use crate::fields;
use crate::validate::{self, Files, Located};
use crate::xml::{self, Document, Element, Values, field_key};
use crate::{FileTie, ImportError, MAP_GRAPHML, MapFile};

const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA_LOCATION: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// Key id, `for`, `attr.name`, `attr.type`. GraphML's `attr.name` is a single token, so the
/// names use underscores; the reader takes them with spaces too.
const KEYS: &[(&str, &str, &str, &str)] = &[
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
    ("tie_kind", "edge", "kind", "string"),
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
    document.open("graph", &[("id", "map"), ("edgedefault", "undirected")]);
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
        document.close("node");
    }
    for (index, tie) in map.ties.iter().enumerate() {
        let id = format!("t{index}");
        let directed = if tie.directed { "true" } else { "false" };
        document.open("edge", &[("id", &id), ("source", &tie.from), ("target", &tie.to), ("directed", directed)]);
        let mut data = |key: &str, value: &str| document.text_element("data", &[("key", key)], value);
        data("tie_kind", tie.kind.as_str());
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
    default: Option<&'e Element>,
}

/// Reads a GraphML file. Values are found by their key's `attr.name`, so a file another tool
/// has rewritten with its own key ids reads the same.
pub fn read_graphml(text: &str) -> Result<MapFile, ImportError> {
    read_graphml_for(text, None)
}

/// As [`read_graphml`], with every actor's side checked against `sides`.
pub(crate) fn read_graphml_for(text: &str, sides: Option<&[String]>) -> Result<MapFile, ImportError> {
    let root = xml::parse(MAP_GRAPHML, text)?;
    if root.name != "graphml" {
        return Err(error(&root, format!("not a GraphML file: the root element is <{}>, not <graphml>", root.name)));
    }
    let mut keys: BTreeMap<&str, Key<'_>> = BTreeMap::new();
    for key in root.children("key") {
        let id = key.attribute("id").ok_or_else(|| error(key, "a <key> has no id"))?;
        let name = field_key(key.attribute("attr.name").unwrap_or(id));
        let declared = Key { domain: key.attribute("for").unwrap_or("all"), name, default: key.child("default") };
        if keys.insert(id, declared).is_some() {
            return Err(error(key, format!("key id {} is declared twice", fields::quoted(id))));
        }
    }
    let graph = root.child("graph").ok_or_else(|| error(&root, "<graphml> holds no <graph>"))?;
    let directed_by_default = match graph.attribute("edgedefault").map(str::trim) {
        None | Some("undirected") => false,
        Some("directed") => true,
        Some(other) => {
            return Err(error(
                graph,
                format!("edgedefault: {} is neither directed nor undirected", fields::quoted(other)),
            ));
        }
    };
    let mut actors = Vec::new();
    // Node id to code name and line; edges name their ends by node id.
    let mut codes: BTreeMap<&str, (String, usize)> = BTreeMap::new();
    for node in graph.children("node") {
        let id = node.attribute("id").ok_or_else(|| error(node, "a <node> has no id"))?;
        let values = values(node, "node", format!("node {}", fields::quoted(id)), &keys)?;
        let actor = xml::actor(&values, id)?;
        if let Some((_, first)) = codes.insert(id, (actor.code_name.clone(), node.line)) {
            return Err(error(node, format!("node id {} is used twice (first on line {first})", fields::quoted(id))));
        }
        actors.push(Located { line: node.line, item: actor });
    }
    let mut ties = Vec::new();
    for edge in graph.children("edge") {
        let end = |name: &str| {
            let id = edge.attribute(name).ok_or_else(|| error(edge, format!("an <edge> has no {name}")))?;
            // An end that is no node's id is passed on as it is, for the shared check to name it.
            Ok::<_, ImportError>(codes.get(id).map_or_else(|| id.to_owned(), |(code, _)| code.clone()))
        };
        let (from, to) = (end("source")?, end("target")?);
        let owner = format!("the edge from {} to {}", fields::quoted(&from), fields::quoted(&to));
        let values = values(edge, "edge", owner, &keys)?;
        let directed = match edge.attribute("directed") {
            None => directed_by_default,
            Some(directed) => fields::yes_no("directed", directed).map_err(|message| error(edge, message))?,
        };
        let tie = FileTie {
            from,
            to,
            kind: values.require("kind", fields::tie_kind)?,
            directed,
            strength: match values.parse("strength", fields::strength)? {
                Some(strength) => strength,
                None => values.require("weight", fields::strength)?,
            },
            valid_from: values.parse("valid from", fields::date)?.flatten(),
            valid_until: values.parse("valid until", fields::date)?.flatten(),
            notes: values.get("notes").unwrap_or_default().to_owned(),
        };
        ties.push(Located { line: edge.line, item: tie });
    }
    validate::finish_for(actors, ties, Files { actors: MAP_GRAPHML, ties: MAP_GRAPHML }, sides)
}

fn error(element: &Element, message: impl Into<String>) -> ImportError {
    ImportError::new(MAP_GRAPHML, element.line, message)
}

/// A node's or edge's `<data>`, keyed by the key's name, with the keys' defaults filled in.
fn values<'e>(
    element: &'e Element,
    domain: &str,
    owner: String,
    keys: &BTreeMap<&str, Key<'e>>,
) -> Result<Values<'e>, ImportError> {
    let applies = |key: &Key<'_>| key.domain == domain || key.domain == "all";
    let mut values = Values { file: MAP_GRAPHML, line: element.line, owner, entries: Vec::new() };
    for data in element.children("data") {
        let id = data.attribute("key").ok_or_else(|| error(data, "a <data> names no key"))?;
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
