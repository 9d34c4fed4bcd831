//! GEXF 1.3, the format Gephi reads and writes.
//!
//! ```xml
//! <gexf xmlns="http://gexf.net/1.3" version="1.3">
//!   <graph defaultedgetype="undirected" mode="dynamic" timeformat="date">
//!     <attributes class="node">…</attributes>
//!     <nodes>
//!       <node id="UV-01" label="UV-01">
//!         <attvalues><attvalue for="kind" value="person"/>…</attvalues>
//!       </node>
//!     </nodes>
//!     <edges>
//!       <edge id="0" source="UV-01" target="UV-02" type="directed" label="advises" weight="4" start="2024-01-15" end="2024-12-31">…</edge>
//!     </edges>
//!   </graph>
//! </gexf>
//! ```
//!
//! The node id is the code name; the label is the name where the file carries it, so Gephi shows
//! what its reader may see. The code name and the name are attributes of their own, so the
//! label is for display only and never read back.

use std::collections::BTreeMap;

use crate::fields;
use crate::validate::{self, Files, Located};
use crate::xml::{self, Document, Element, Values, field_key};
use crate::{FileActor, FileTie, ImportError, MAP_GEXF, MapFile};

const NAMESPACE: &str = "http://gexf.net/1.3";
const SCHEMA_LOCATION: &str = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";

/// Our node fields: id, title, GEXF type.
const NODE_ATTRIBUTES: &[(&str, &str, &str)] = &[
    ("code", "code", "string"),
    ("name", "name", "string"),
    ("kind", "kind", "string"),
    ("primary_track", "primary track", "integer"),
    ("tracks", "tracks", "string"),
    ("level", "level", "string"),
    ("side", "side", "string"),
    ("role", "role", "string"),
    ("decision_maker", "decision maker", "boolean"),
    ("notes", "notes", "string"),
    ("public_description", "public description", "string"),
];
const EDGE_ATTRIBUTES: &[(&str, &str, &str)] = &[("kind", "kind", "string"), ("notes", "notes", "string")];

#[must_use]
pub fn write_gexf(map: &MapFile) -> String {
    let mut document = Document::new();
    document.open(
        "gexf",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMA_LOCATION),
            ("version", "1.3"),
        ],
    );
    document.open("meta", &[]);
    document.text_element("creator", &[], "tracktwo");
    document.text_element("description", &[], "A multi-track system map");
    document.close("meta");
    document.open("graph", &[("defaultedgetype", "undirected"), ("mode", "dynamic"), ("timeformat", "date")]);
    for (class, declared) in [("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)] {
        document.open("attributes", &[("class", class)]);
        for (id, title, kind) in declared {
            document.empty("attribute", &[("id", id), ("title", title), ("type", kind)]);
        }
        document.close("attributes");
    }
    document.open("nodes", &[]);
    for actor in &map.actors {
        let label = actor.name.as_deref().unwrap_or(&actor.code_name);
        document.open("node", &[("id", &actor.code_name), ("label", label)]);
        document.open("attvalues", &[]);
        for (id, value) in actor_values(actor) {
            document.empty("attvalue", &[("for", id), ("value", &value)]);
        }
        document.close("attvalues");
        document.close("node");
    }
    document.close("nodes");
    document.open("edges", &[]);
    for (index, tie) in map.ties.iter().enumerate() {
        let id = index.to_string();
        let strength = tie.strength.to_string();
        let mut attributes = vec![
            ("id", id.as_str()),
            ("source", tie.from.as_str()),
            ("target", tie.to.as_str()),
            ("type", if tie.directed { "directed" } else { "undirected" }),
            ("label", tie.kind.as_str()),
            ("weight", strength.as_str()),
        ];
        let start = tie.valid_from.map(fields::format_date);
        // GEXF intervals include their end; ours excludes it (a tie that ended on 1 March no
        // longer stood that day). The last day the tie stood is the one before; only the first
        // day `Date` can hold has none, and it is written as it is.
        let end = tie.valid_until.map(|until| fields::format_date(until.previous_day().unwrap_or(until)));
        if let Some(start) = &start {
            attributes.push(("start", start));
        }
        if let Some(end) = &end {
            attributes.push(("end", end));
        }
        document.open("edge", &attributes);
        document.open("attvalues", &[]);
        document.empty("attvalue", &[("for", "kind"), ("value", tie.kind.as_str())]);
        if !tie.notes.is_empty() {
            document.empty("attvalue", &[("for", "notes"), ("value", &tie.notes)]);
        }
        document.close("attvalues");
        document.close("edge");
    }
    document.close("edges");
    document.close("graph");
    document.close("gexf");
    document.finish()
}

fn actor_values(actor: &FileActor) -> Vec<(&'static str, String)> {
    let mut values = vec![("code", actor.code_name.clone())];
    if let Some(name) = &actor.name {
        values.push(("name", name.clone()));
    }
    values.extend([
        ("kind", actor.kind.as_str().to_owned()),
        ("primary_track", actor.primary_track.number().to_string()),
        ("tracks", fields::format_tracks(&actor.tracks)),
        ("level", actor.level.as_str().to_owned()),
    ]);
    if let Some(side) = &actor.side {
        values.push(("side", side.clone()));
    }
    if !actor.role.is_empty() {
        values.push(("role", actor.role.clone()));
    }
    values.push(("decision_maker", actor.decision_maker.to_string()));
    if !actor.notes.is_empty() {
        values.push(("notes", actor.notes.clone()));
    }
    if !actor.public_description.is_empty() {
        values.push(("public_description", actor.public_description.clone()));
    }
    values
}

/// Reads a GEXF file (1.3, or 1.2 as older Gephi writes it). Fields are found by their
/// attribute's title, so a file Gephi has renumbered reads the same.
pub fn read_gexf(text: &str) -> Result<MapFile, ImportError> {
    read_gexf_for(text, None)
}

/// As [`read_gexf`], with every actor's side checked against `sides`.
pub(crate) fn read_gexf_for(text: &str, sides: Option<&[String]>) -> Result<MapFile, ImportError> {
    let root = xml::parse(MAP_GEXF, text)?;
    if root.name != "gexf" {
        return Err(error(&root, format!("not a GEXF file: the root element is <{}>, not <gexf>", root.name)));
    }
    let graph = root.child("graph").ok_or_else(|| error(&root, "<gexf> holds no <graph>"))?;
    let directed_by_default = match graph.attribute("defaultedgetype").map(str::trim) {
        None | Some("undirected" | "mutual") => false,
        Some("directed") => true,
        Some(other) => return Err(error(graph, unknown_edge_type("defaultedgetype", other))),
    };
    let mut declared: BTreeMap<(&str, &str), String> = BTreeMap::new();
    for attributes in graph.children("attributes") {
        let class = attributes.attribute("class").unwrap_or("node");
        for attribute in attributes.children("attribute") {
            let id = attribute.attribute("id").ok_or_else(|| error(attribute, "an <attribute> has no id"))?;
            let title = attribute.attribute("title").unwrap_or(id);
            declared.insert((class, id), field_key(title));
        }
    }
    let mut actors = Vec::new();
    // Node id to code name and line; edges name their ends by node id.
    let mut codes: BTreeMap<&str, (String, usize)> = BTreeMap::new();
    for node in graph.children("nodes").flat_map(|nodes| nodes.children("node")) {
        let id = node.attribute("id").ok_or_else(|| error(node, "a <node> has no id"))?;
        let values = values(node, "node", format!("node {}", fields::quoted(id)), &declared)?;
        let actor = xml::actor(&values, id)?;
        if let Some((_, first)) = codes.insert(id, (actor.code_name.clone(), node.line)) {
            return Err(error(node, format!("node id {} is used twice (first on line {first})", fields::quoted(id))));
        }
        actors.push(Located { line: node.line, item: actor });
    }
    let mut ties = Vec::new();
    for edge in graph.children("edges").flat_map(|edges| edges.children("edge")) {
        let end = |name: &str| {
            let id = edge.attribute(name).ok_or_else(|| error(edge, format!("an <edge> has no {name}")))?;
            // An end that is no node's id is passed on as it is, for the shared check to name it.
            Ok::<_, ImportError>(codes.get(id).map_or_else(|| id.to_owned(), |(code, _)| code.clone()))
        };
        let (from, to) = (end("source")?, end("target")?);
        let owner = format!("the edge from {} to {}", fields::quoted(&from), fields::quoted(&to));
        let values = values(edge, "edge", owner, &declared)?;
        let tie = tie(edge, &values, from, to, directed_by_default)?;
        ties.push(Located { line: edge.line, item: tie });
    }
    validate::finish_for(actors, ties, Files { actors: MAP_GEXF, ties: MAP_GEXF }, sides)
}

fn error(element: &Element, message: impl Into<String>) -> ImportError {
    ImportError::new(MAP_GEXF, element.line, message)
}

/// A parse of one of the edge's own attributes, failing at the edge's line.
fn at<T>(edge: &Element, parsed: Result<T, String>) -> Result<T, ImportError> {
    parsed.map_err(|message| error(edge, message))
}

fn unknown_edge_type(field: &str, value: &str) -> String {
    format!("{field}: {} is none of directed, undirected, mutual", fields::quoted(value))
}

/// A node's or edge's attribute values, keyed by the attribute's title.
fn values<'e>(
    element: &'e Element,
    class: &str,
    owner: String,
    declared: &BTreeMap<(&str, &str), String>,
) -> Result<Values<'e>, ImportError> {
    let mut values = Values { file: MAP_GEXF, line: element.line, owner, entries: Vec::new() };
    for attvalue in element.children("attvalues").flat_map(|list| list.children("attvalue")) {
        // GEXF 1.1 named the attribute with `id`; 1.2 and 1.3 with `for`.
        let Some(id) = attvalue.attribute("for").or_else(|| attvalue.attribute("id")) else {
            return Err(error(attvalue, "an <attvalue> names no attribute"));
        };
        let key = declared.get(&(class, id)).cloned().unwrap_or_else(|| field_key(id));
        let value = attvalue.attribute("value").unwrap_or("");
        values.insert(key, value, attvalue.line)?;
    }
    Ok(values)
}

fn tie(
    edge: &Element,
    values: &Values<'_>,
    from: String,
    to: String,
    by_default: bool,
) -> Result<FileTie, ImportError> {
    let directed = match edge.attribute("type").map(str::trim) {
        None => by_default,
        Some("directed") => true,
        Some("undirected" | "mutual") => false,
        Some(other) => return Err(error(edge, unknown_edge_type("type", other))),
    };
    let kind = match values.parse("kind", fields::tie_kind)? {
        Some(kind) => kind,
        // GEXF's own `kind` attribute of an edge, as a file written by hand might use it.
        None => match edge.attribute("kind") {
            Some(kind) => at(edge, fields::tie_kind("kind", kind))?,
            None => return Err(error(edge, format!("{} has no value for `kind`", values.owner))),
        },
    };
    // GEXF's weight is 1 unless the edge says otherwise.
    let strength = edge.attribute("weight").map_or(Ok(1), |weight| at(edge, fields::strength("weight", weight)))?;
    let valid_from = at(edge, fields::date("start", edge.attribute("start").unwrap_or("")))?;
    let valid_until = match at(edge, fields::date("end", edge.attribute("end").unwrap_or("")))? {
        None => None,
        // Back from GEXF's inclusive end to our exclusive one (see `write_gexf`).
        Some(end) => Some(end.next_day().ok_or_else(|| error(edge, "end: the day is too late to be held"))?),
    };
    Ok(FileTie {
        from,
        to,
        kind,
        directed,
        strength,
        valid_from,
        valid_until,
        notes: values.get("notes").unwrap_or_default().to_owned(),
    })
}
