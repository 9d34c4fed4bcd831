//! GEXF 1.3, the format Gephi reads and writes.
//!
//! ```xml
//! <gexf xmlns="http://gexf.net/1.3" version="1.3">
//!   <meta><keywords>tracktwo track-scheme=imtd9</keywords>…</meta>
//!   <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
//!     <attributes class="node">…</attributes>
//!     <nodes>
//!       <node id="UV-01" label="UV-01">
//!         <attvalues><attvalue for="kind" value="person"/>…</attvalues>
//!       </node>
//!     </nodes>
//!     <edges>
//!       <edge id="0" source="UV-01" target="UV-02" type="directed" label="advises" weight="4" start="2024-01-15" end="2024-12-31">…</edge>
//!       <edge id="1" source="UV-02" target="LC-01" type="mutual" label="colleague" weight="2">…</edge>
//!     </edges>
//!   </graph>
//! </gexf>
//! ```
//!
//! The node id is the code name; the label is the name where the file carries it, so Gephi shows
//! what its reader may see. The code name and the name are attributes of their own, so the
//! label is for display only and never read back.
//!
//! The graph is directed, and an undirected tie is a `mutual` edge, GEXF's word for an edge that
//! runs both ways, with its `directed` attribute `false`: Gephi shows it both ways, and NetworkX,
//! which refuses an undirected edge in a directed graph (and a directed one in an undirected
//! graph), reads it as a pair of edges. The reader folds such a pair back into one tie. The
//! `<meta>` keywords declare the scheme of the track numbers (`track-scheme=imtd9`).

use std::collections::BTreeMap;

use crate::fields;
use crate::mapping::{Field, FileAttributes, Gatherer, TrackScheme};
use crate::validate::{self, Files, Located};
use crate::xml::{self, Document, Element, Reading, Values, field_key};
use crate::{Excerpt, FileActor, FileTie, ImportError, ImportProblem, MAP_GEXF, MapFile, Owner, ReadOptions};

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
    ("unplaced", "unplaced", "string"),
];
const EDGE_ATTRIBUTES: &[(&str, &str, &str)] =
    &[("kind", "kind", "string"), ("directed", "directed", "boolean"), ("notes", "notes", "string")];

/// An edge's attribute for the last day it stood.
const END: &str = "end";

/// What the `<meta>` keywords say of the track numbers' scheme.
const SCHEME_KEYWORD: &str = "track-scheme=";
/// How problems name the keyword.
const SCHEME_FIELD: &str = "track-scheme";

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
    let scheme = TrackScheme::Imtd9;
    document.text_element("keywords", &[], &format!("tracktwo {SCHEME_KEYWORD}{}", scheme.as_str()));
    document.text_element(
        "description",
        &[],
        &format!("A multi-track system map. Track numbers follow {} ({}).", scheme.description(), scheme.as_str()),
    );
    document.close("meta");
    document.open("graph", &[("defaultedgetype", "directed"), ("mode", "dynamic"), ("timeformat", "date")]);
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
            ("type", if tie.directed { "directed" } else { "mutual" }),
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
        document.empty("attvalue", &[("for", "directed"), ("value", if tie.directed { "true" } else { "false" })]);
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
    if !actor.unplaced.is_empty() {
        values.push(("unplaced", actor.unplaced.iter().copied().collect::<Vec<_>>().join(";")));
    }
    values
}

/// Reads a GEXF file (1.3, or 1.2 as older Gephi writes it). Fields are found by their
/// attribute's title, so a file Gephi has renumbered reads the same.
pub fn read_gexf(text: &str) -> Result<MapFile, ImportError> {
    read_gexf_with(text, MAP_GEXF, &ReadOptions::default())
}

/// The declared attributes' titles, by class and id.
type Declared<'e> = BTreeMap<(&'e str, &'e str), String>;

/// The parts of a GEXF file every reading needs: its graph, its declared attributes, the edges'
/// default direction and the scheme its meta declares.
struct Parsed<'e> {
    graph: &'e Element,
    declared: Declared<'e>,
    directed_by_default: bool,
    scheme: Option<TrackScheme>,
}

fn parts<'e>(root: &'e Element, file: &str) -> Result<Parsed<'e>, ImportError> {
    let error = |element: &Element, problem: ImportProblem| ImportError::new(file, element.line, problem);
    if root.name != "gexf" {
        return Err(error(root, ImportProblem::NotGexf { root: Excerpt::of(&root.name) }));
    }
    let graph = root.child("graph").ok_or_else(|| error(root, ImportProblem::GexfWithoutGraph))?;
    let directed_by_default = match graph.attribute("defaultedgetype").map(str::trim) {
        None | Some("undirected" | "mutual") => false,
        Some("directed") => true,
        Some(other) => return Err(ImportError::new(file, graph.line, unknown_edge_type("defaultedgetype", other))),
    };
    let mut declared = Declared::new();
    for attributes in graph.children("attributes") {
        let class = attributes.attribute("class").unwrap_or("node");
        for attribute in attributes.children("attribute") {
            let id = attribute.attribute("id").ok_or_else(|| error(attribute, ImportProblem::AttributeWithoutId))?;
            let title = attribute.attribute("title").unwrap_or(id);
            declared.insert((class, id), field_key(title));
        }
    }
    let mut scheme = None;
    for keywords in root.children("meta").flat_map(|meta| meta.children("keywords")) {
        for word in keywords.text.split([' ', ',', ';']) {
            if let Some(name) = word.trim().strip_prefix(SCHEME_KEYWORD) {
                scheme = Some(TrackScheme::parse(name).map_err(|error| {
                    ImportError::new(
                        file,
                        keywords.line,
                        ImportProblem::UnknownTrackScheme { field: SCHEME_FIELD.to_owned(), error },
                    )
                })?);
            }
        }
    }
    Ok(Parsed { graph, declared, directed_by_default, scheme })
}

/// The attributes of a GEXF file's nodes and edges, for a mapping.
pub(crate) fn attributes(text: &str, file: &str) -> Result<FileAttributes, ImportError> {
    let root = xml::parse(file, text)?;
    let parsed = parts(&root, file)?;
    let mut gathered = Gatherer::default();
    let (mut nodes, mut edges) = (0, 0);
    for node in parsed.graph.children("nodes").flat_map(|nodes| nodes.children("node")) {
        nodes += 1;
        if let Some(label) = node.attribute("label") {
            gathered.add(false, "label", label);
        }
        for (name, value) in attvalues(node, "node", parsed.graph) {
            gathered.add(false, name, value);
        }
    }
    for edge in parsed.graph.children("edges").flat_map(|edges| edges.children("edge")) {
        edges += 1;
        for own in ["label", "weight", "start", "end"] {
            if let Some(value) = edge.attribute(own) {
                gathered.add(true, own, value);
            }
        }
        for (name, value) in attvalues(edge, "edge", parsed.graph) {
            gathered.add(true, name, value);
        }
    }
    Ok(gathered.finish(nodes, edges, parsed.scheme))
}

/// An element's attribute values by their declared title, as the file writes it.
fn attvalues<'e>(element: &'e Element, class: &str, graph: &'e Element) -> Vec<(&'e str, &'e str)> {
    let title = |id: &'e str| {
        graph
            .children("attributes")
            .filter(|attributes| attributes.attribute("class").unwrap_or("node") == class)
            .flat_map(|attributes| attributes.children("attribute"))
            .find(|attribute| attribute.attribute("id") == Some(id))
            .and_then(|attribute| attribute.attribute("title"))
            .unwrap_or(id)
    };
    element
        .children("attvalues")
        .flat_map(|list| list.children("attvalue"))
        .filter_map(|attvalue| {
            let id = attvalue.attribute("for").or_else(|| attvalue.attribute("id"))?;
            Some((title(id), attvalue.attribute("value").unwrap_or("")))
        })
        .collect()
}

/// As [`read_gexf`], with the options: the file's name for errors, the sides, a mapping.
pub(crate) fn read_gexf_with(text: &str, file: &str, options: &ReadOptions<'_>) -> Result<MapFile, ImportError> {
    let root = xml::parse(file, text)?;
    let Parsed { graph, declared, directed_by_default, scheme } = parts(&root, file)?;
    let reading =
        Reading { mapping: options.mapping, scheme: Reading::scheme(scheme, options.track_scheme, file, root.line)? };
    let error = |element: &Element, problem: ImportProblem| ImportError::new(file, element.line, problem);
    let mut actors = Vec::new();
    // Node id to code name and line; edges name their ends by node id.
    let mut codes: BTreeMap<&str, (String, usize)> = BTreeMap::new();
    for node in graph.children("nodes").flat_map(|nodes| nodes.children("node")) {
        let id = node.attribute("id").ok_or_else(|| error(node, ImportProblem::NodeWithoutId))?;
        let mut values = values(node, "node", Owner::Node { id: Excerpt::of(id) }, &declared, file)?;
        if let Some(label) = node.attribute("label")
            && values.get("label").is_none()
        {
            // GEXF's own label, for a mapping to take the name from.
            values.insert("label".to_owned(), label, node.line)?;
        }
        let actor = xml::actor(&values, id, &reading)?;
        if let Some((_, first)) = codes.insert(id, (actor.code_name.clone(), node.line)) {
            return Err(error(node, ImportProblem::NodeIdTwice { id: Excerpt::of(id), first }));
        }
        actors.push(Located { line: node.line, item: actor });
    }
    let mut ties = Vec::new();
    for edge in graph.children("edges").flat_map(|edges| edges.children("edge")) {
        let end = |name: &'static str| {
            let id = edge.attribute(name).ok_or_else(|| error(edge, ImportProblem::EdgeWithoutEnd { end: name }))?;
            // An end that is no node's id is passed on as it is, for the shared check to name it.
            Ok::<_, ImportError>(codes.get(id).map_or_else(|| id.to_owned(), |(code, _)| code.clone()))
        };
        let (from, to) = (end("source")?, end("target")?);
        let owner = Owner::Edge { from: Excerpt::of(&from), to: Excerpt::of(&to) };
        let values = values(edge, "edge", owner, &declared, file)?;
        let tie = tie(edge, &values, from, to, directed_by_default, &reading)?;
        ties.push(Located { line: edge.line, item: tie });
    }
    let ties = validate::fold_pairs(ties);
    validate::finish_for(actors, ties, Files { actors: file, ties: file }, options.sides, options.mapping.is_some())
}

fn unknown_edge_type(field: &str, value: &str) -> ImportProblem {
    ImportProblem::NotADirection { field: field.to_owned(), value: Excerpt::of(value) }
}

/// A node's or edge's attribute values, keyed by the attribute's title.
fn values<'e>(
    element: &'e Element,
    class: &str,
    owner: Owner,
    declared: &Declared<'_>,
    file: &'e str,
) -> Result<Values<'e>, ImportError> {
    let mut values = Values { file, line: element.line, owner, entries: Vec::new() };
    for attvalue in element.children("attvalues").flat_map(|list| list.children("attvalue")) {
        // GEXF 1.1 named the attribute with `id`; 1.2 and 1.3 with `for`.
        let Some(id) = attvalue.attribute("for").or_else(|| attvalue.attribute("id")) else {
            return Err(ImportError::new(file, attvalue.line, ImportProblem::AttvalueWithoutAttribute));
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
    reading: &Reading<'_>,
) -> Result<FileTie, ImportError> {
    fn at<T>(values: &Values<'_>, edge: &Element, parsed: Result<T, ImportProblem>) -> Result<T, ImportError> {
        parsed.map_err(|message| values.error(edge.line, message))
    }
    let own_direction = match edge.attribute("type").map(str::trim) {
        None => by_default,
        Some("directed") => true,
        Some("undirected" | "mutual") => false,
        Some(other) => return Err(values.error(edge.line, unknown_edge_type("type", other))),
    };
    // An explicit `directed` attribute says what the tie is, whatever the edge's type: a tool
    // that split a mutual edge into two directed ones keeps it.
    let directed = reading.parse(Field::Directed, values, fields::yes_no)?.unwrap_or(own_direction);
    let kind = match reading.parse(Field::TieKind, values, fields::tie_kind)? {
        Some(kind) => kind,
        // GEXF's own `kind` attribute of an edge, as a file written by hand might use it.
        None => match edge.attribute("kind") {
            Some(kind) => at(values, edge, fields::tie_kind("kind", kind))?,
            None => return Err(values.error(edge.line, no_tie_kind(values, reading))),
        },
    };
    // GEXF's weight is 1 unless the edge says otherwise.
    let strength = match reading.parse(Field::Strength, values, fields::strength)? {
        Some(strength) => strength,
        None => {
            edge.attribute("weight").map_or(Ok(1), |weight| at(values, edge, fields::strength("weight", weight)))?
        }
    };
    let valid_from = match reading.parse(Field::ValidFrom, values, fields::date)? {
        Some(day) => day,
        None => at(values, edge, fields::date("start", edge.attribute("start").unwrap_or("")))?,
    };
    let valid_until = match reading.parse(Field::ValidUntil, values, fields::date)? {
        Some(day) => day,
        None => match at(values, edge, fields::date(END, edge.attribute(END).unwrap_or("")))? {
            None => None,
            // Back from GEXF's inclusive end to our exclusive one (see `write_gexf`).
            Some(end) => {
                let late = || values.error(edge.line, ImportProblem::DayTooLate { field: END.to_owned() });
                Some(end.next_day().ok_or_else(late)?)
            }
        },
    };
    Ok(FileTie {
        from,
        to,
        kind,
        directed,
        strength,
        valid_from,
        valid_until,
        notes: reading.value(Field::TieNotes, values).map_or("", |(notes, _)| notes).to_owned(),
    })
}

/// Why an edge without a kind is refused, and, read through a mapping, how to give one.
pub(crate) fn no_tie_kind(values: &Values<'_>, reading: &Reading<'_>) -> ImportProblem {
    let owner = values.owner.clone();
    if reading.mapping.is_some() {
        ImportProblem::NoTieKind { owner }
    } else {
        ImportProblem::NoValue { owner, key: "kind".to_owned() }
    }
}
