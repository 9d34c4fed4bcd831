//! What each reader says about a bad file, and on which line: exact messages, hand-written
//! files whose lines can be counted, and never a word of a name, a role or a note.

use std::collections::BTreeSet;

use time::macros::date;
use tracktwo_domain::map::{ActorKind, Level, TieKind, Track};
use tracktwo_interchange::{
    ImportError, read_csv, read_gexf, read_graphml, read_kumu, write_actors_csv, write_gexf, write_ties_csv,
};

fn message(result: Result<tracktwo_interchange::MapFile, ImportError>) -> String {
    let error = result.expect_err("the file should be refused");
    assert!(!error.to_string().contains("CANARY"), "an error quotes sensitive text: {error}");
    error.to_string()
}

// ---------------------------------------------------------------------------------------------
// CSV

/// The header before actors had a public description: files written then must still read.
const ACTORS: &str = "code,name,kind,primary_track,tracks,level,side,role,decision_maker,notes\n";
const ACTORS_WRITTEN: &str =
    "code,name,kind,primary_track,tracks,level,side,role,decision_maker,notes,public_description,track_scheme\n";
const TIES: &str = "from,to,kind,directed,strength,valid_from,valid_until,notes\n";
const TWO_ACTORS: &str =
    "UV-01,,person,5,,middle,North,,no,\nUV-02,CANARY name,organisation,1,1;9,top,,CANARY role,yes,CANARY notes\n";

fn csv(actors: &str, ties: &str) -> Result<tracktwo_interchange::MapFile, ImportError> {
    read_csv(&format!("{ACTORS}{actors}"), &format!("{TIES}{ties}"))
}

#[test]
fn csv_a_good_pair_of_files_reads() {
    let map =
        csv(TWO_ACTORS, "UV-01,UV-02,advises,,3,2024-01-15,,CANARY\nUV-02,UV-01,family,,1,,2025-01-01,\n").unwrap();
    let second = &map.actors[1];
    assert_eq!(second.name.as_deref(), Some("CANARY name"));
    assert_eq!(second.kind, ActorKind::Organisation);
    assert_eq!(second.tracks, BTreeSet::from([Track::Government, Track::Media]));
    assert!(second.decision_maker && second.side.is_none());
    assert_eq!(map.actors[0].name, None, "an empty name is withheld");
    assert_eq!(map.actors[0].tracks, BTreeSet::from([Track::Research]), "empty tracks are the primary one");
    assert!(map.ties[0].directed, "advice runs one way unless said otherwise");
    assert!(!map.ties[1].directed, "family goes both ways unless said otherwise");
    assert_eq!(map.ties[0].valid_from, Some(date!(2024 - 01 - 15)));
    assert_eq!(map.ties[1].valid_until, Some(date!(2025 - 01 - 01)));
}

#[test]
fn csv_a_bad_track_is_reported_on_its_line() {
    let actors = "UV-01,,person,5,,middle,North,,no,\nUV-02,CANARY name,person,10,,top,,CANARY role,no,CANARY notes\n";
    assert_eq!(message(csv(actors, "")), "actors.csv, line 3: primary_track: `10` is not a track of the scheme imtd9");
    let actors = "UV-01,,person,5,1;12,middle,North,,no,\n";
    assert_eq!(message(csv(actors, "")), "actors.csv, line 2: tracks: `12` is not a track of the scheme imtd9");
}

#[test]
fn csv_lines_count_the_line_breaks_inside_quoted_cells() {
    let actors = "UV-01,,person,5,,middle,,,no,\"two\nlines\"\nUV-02,CANARY,person,5,,bogus,,,no,\n";
    assert_eq!(message(csv(actors, "")), "actors.csv, line 4: level: `bogus` is not a known level");
}

#[test]
fn csv_windows_line_endings_and_a_byte_order_mark_read_alike() {
    let actors = format!(
        "\u{feff}{}",
        format!("{ACTORS}UV-01,,person,5,,middle,,,no,\nUV-02,,robot,5,,top,,,no,\n").replace('\n', "\r\n")
    );
    let error = read_csv(&actors, TIES).unwrap_err();
    assert_eq!(error.to_string(), "actors.csv, line 3: kind: `robot` is not a known actor kind");
}

#[test]
fn csv_a_tie_to_an_unknown_code_is_reported_in_ties_csv() {
    let ties = "UV-01,UV-02,advises,,3,,,\nUV-01,UV-99,advises,,3,,,CANARY\n";
    assert_eq!(
        message(csv(TWO_ACTORS, ties)),
        "ties.csv, line 3: `UV-99` is not the code name of any actor in the file"
    );
}

#[test]
fn csv_a_duplicate_code_names_both_lines() {
    let actors = format!("{TWO_ACTORS}UV-03,,person,5,,middle,,,no,\nUV-01,CANARY,person,5,,middle,,,no,\n");
    assert_eq!(message(csv(&actors, "")), "actors.csv, line 5: code name `UV-01` is used twice (first on line 2)");
}

#[test]
fn csv_bad_ties_are_reported_on_their_lines() {
    let cases = [
        (
            "UV-01,UV-02,advises,,7,,,CANARY\n",
            "ties.csv, line 2: tie from `UV-01` to `UV-02`: strength must be from 1 to 5",
        ),
        ("UV-01,UV-02,advises,,strong,,,\n", "ties.csv, line 2: strength: `strong` is not a whole number from 1 to 5"),
        ("UV-01,UV-02,enemy,,2,,,\n", "ties.csv, line 2: kind: `enemy` is not a known tie kind"),
        ("UV-01,UV-02,advises,sometimes,2,,,\n", "ties.csv, line 2: directed: `sometimes` is neither yes nor no"),
        (
            "UV-01,UV-02,advises,,2,15/01/2024,,\n",
            "ties.csv, line 2: valid_from: `15/01/2024` is not a day written YYYY-MM-DD",
        ),
        (
            "UV-01,UV-02,advises,,2,2024-02-01,2024-01-01,\n",
            "ties.csv, line 2: tie from `UV-01` to `UV-02`: valid until must come after valid from",
        ),
        ("UV-01,UV-01,advises,,2,,,\n", "ties.csv, line 2: a tie cannot run from `UV-01` to itself"),
    ];
    for (ties, expected) in cases {
        assert_eq!(message(csv(TWO_ACTORS, ties)), expected);
    }
}

#[test]
fn csv_columns_are_found_by_name_in_any_order() {
    let actors = "Level,CODE,primary track,kind\ntop,UV-01,research,Organisation\ngrassroots,UV-02,7,person\n";
    let ties = "to,from,strength,kind\nUV-01,UV-02,5,colleague\n";
    let map = read_csv(actors, ties).unwrap();
    assert_eq!(map.actors[0].level, Level::Top);
    assert_eq!(map.actors[0].primary_track, Track::Research);
    assert_eq!(map.actors[1].tracks, BTreeSet::from([Track::Religion]));
    assert!(map.actors[1].role.is_empty() && !map.actors[1].decision_maker);
    assert_eq!((map.ties[0].from.as_str(), map.ties[0].to.as_str()), ("UV-02", "UV-01"));
    assert_eq!(map.ties[0].kind, TieKind::Colleague);
}

#[test]
fn csv_headers_are_checked_on_line_1() {
    let unknown = read_csv("code,kind,primary_track,level,secret\n", TIES).unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "actors.csv, line 1: unknown column `secret`; the columns are code, name, kind, primary_track, tracks, level, \
         side, role, decision_maker, notes, public_description, track_scheme"
    );
    let missing = read_csv("code,name\n", TIES).unwrap_err();
    assert_eq!(missing.to_string(), "actors.csv, line 1: missing columns kind, primary_track, level");
    let twice = read_csv(ACTORS, "from,to,kind,strength,To\n").unwrap_err();
    assert_eq!(twice.to_string(), "ties.csv, line 1: column `to` appears twice");
    let empty = read_csv("", TIES).unwrap_err();
    assert_eq!(empty.line, 1);
    assert!(empty.problem.to_string().starts_with("the file is empty"), "{empty}");
    let no_ties = read_csv(&format!("{ACTORS}{TWO_ACTORS}"), "").unwrap();
    assert!(no_ties.actors.len() == 2 && no_ties.ties.is_empty(), "an empty ties.csv is a map without ties");
}

#[test]
fn csv_a_row_of_the_wrong_length_is_reported_on_its_line() {
    let actors = format!("{TWO_ACTORS}UV-03,CANARY,person\n");
    assert_eq!(message(csv(&actors, "")), "actors.csv, line 4: this row has 3 cells but the header has 10");
}

#[test]
fn csv_the_written_files_have_the_documented_headers() {
    let map = crate::common::sample();
    assert!(write_actors_csv(&map).starts_with(ACTORS_WRITTEN));
    assert!(write_ties_csv(&map).starts_with(TIES));
    assert!(write_ties_csv(&map).contains("UV-01,UV-02,advises,yes,4,2024-01-15,2025-01-01,\n"));
}

// ---------------------------------------------------------------------------------------------
// GEXF

/// Attribute ids renumbered as Gephi does; fields are found by title. Line numbers matter.
const GEXF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="0" title="kind" type="string"/>
      <attribute id="1" title="primary track" type="integer"/>
      <attribute id="2" title="level" type="string"/>
      <attribute id="3" title="name" type="string"/>
    </attributes>
    <nodes>
      <node id="A" label="A">
        <attvalues><attvalue for="0" value="person"/><attvalue for="1" value="5"/><attvalue for="2" value="top"/></attvalues>
      </node>
      <node id="NODE_B" label="CANARY label">
        <attvalues>
          <attvalue for="0" value="organisation"/>
          <attvalue for="1" value="PRIMARY_B"/>
          <attvalue for="2" value="grassroots"/>
          <attvalue for="3" value="CANARY name"/>
        </attvalues>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="A" target="TARGET" weight="2" end="2024-12-31"><attvalues><attvalue for="kind" value="colleague"/></attvalues></edge>
    </edges>
  </graph>
</gexf>
"#;

fn gexf(primary_b: &str, node_b: &str, target: &str) -> String {
    GEXF.replace("PRIMARY_B", primary_b).replace("NODE_B", node_b).replace("TARGET", target)
}

#[test]
fn gexf_a_file_gephi_renumbered_reads() {
    let map = read_gexf(&gexf("7", "B", "B")).unwrap();
    assert_eq!(map.actors[1].code_name, "B");
    assert_eq!(map.actors[1].name.as_deref(), Some("CANARY name"), "the name comes from its attribute, not the label");
    assert_eq!(map.actors[0].name, None);
    assert_eq!(map.actors[1].primary_track, Track::Religion);
    let tie = &map.ties[0];
    assert!(!tie.directed, "the graph's default edge type");
    assert_eq!(tie.strength, 2);
    assert_eq!(tie.valid_until, Some(date!(2025 - 01 - 01)), "GEXF's inclusive end is the day before ours");
}

#[test]
fn gexf_errors_name_the_line_of_the_value() {
    assert_eq!(
        message(read_gexf(&gexf("12", "B", "B"))),
        "map.gexf, line 17: primary track: `12` is not a track of the scheme imtd9"
    );
    assert_eq!(
        message(read_gexf(&gexf("7", "B", "Z"))),
        "map.gexf, line 24: `Z` is not the code name of any actor in the file"
    );
    assert_eq!(
        message(read_gexf(&gexf("7", "A", "A"))),
        "map.gexf, line 14: node id `A` is used twice (first on line 11)"
    );
}

#[test]
fn gexf_a_duplicate_code_attribute_is_caught_too() {
    let text = gexf("7", "B", "B")
        .replace(r#"<attvalue for="3" value="CANARY name"/>"#, r#"<attvalue for="code" value="A"/>"#);
    assert_eq!(message(read_gexf(&text)), "map.gexf, line 14: code name `A` is used twice (first on line 11)");
}

#[test]
fn gexf_malformed_xml_is_reported_where_it_breaks() {
    let unclosed = gexf("7", "B", "B")
        .replace(r#"<attvalue for="2" value="grassroots"/>"#, r#"<attvalue for="2" value="grassroots">"#);
    let error = message(read_gexf(&unclosed));
    assert_eq!(error, "map.gexf, line 20: malformed XML: an end tag does not match the element it should close");
    let truncated = &GEXF[..GEXF.find("<edges>").unwrap()];
    assert_eq!(
        message(read_gexf(truncated)),
        "map.gexf, line 23: malformed XML: the document ends before <graph> (line 3) is closed"
    );
    assert_eq!(
        message(read_gexf("<graphml/>")),
        "map.gexf, line 1: not a GEXF file: the root element is <graphml>, not <gexf>"
    );
}

#[test]
fn gexf_writes_the_inclusive_end() {
    let text = write_gexf(&crate::common::sample());
    assert!(text.contains(r#"start="2024-01-15" end="2024-12-31""#), "{text}");
    assert!(text.contains(r#"<gexf xmlns="http://gexf.net/1.3""#) && text.contains(r#"version="1.3""#));
    assert!(text.contains(r#"<graph defaultedgetype="directed" mode="dynamic" timeformat="date">"#));
    assert!(text.contains("track-scheme=imtd9"), "the export declares its track numbers' scheme");
}

// ---------------------------------------------------------------------------------------------
// GraphML

const GRAPHML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k0" for="node" attr.name="kind" attr.type="string"><default>person</default></key>
  <key id="k1" for="node" attr.name="primary_track" attr.type="int"/>
  <key id="k2" for="node" attr.name="level" attr.type="string"/>
  <key id="k3" for="node" attr.name="notes" attr.type="string"/>
  <key id="e0" for="edge" attr.name="kind" attr.type="string"/>
  <key id="e1" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="directed">
    <node id="A"><data key="k1">1</data><data key="k2">top</data></node>
    <node id="NODE_B">
      <data key="k1">4</data>
      <data key="k2">LEVEL_B</data>
      <data key="k3">CANARY notes
over two lines</data>
    </node>
    <edge source="A" target="TARGET"><data key="e0">funds</data><data key="e1">3.0</data></edge>
  </graph>
</graphml>
"#;

fn graphml(node_b: &str, level_b: &str, target: &str) -> String {
    GRAPHML.replace("NODE_B", node_b).replace("LEVEL_B", level_b).replace("TARGET", target)
}

#[test]
fn graphml_another_tools_file_reads_with_defaults() {
    let map = read_graphml(&graphml("B", "middle", "B")).unwrap();
    assert_eq!(map.actors[0].kind, ActorKind::Person, "the key's default");
    assert_eq!(map.actors[1].notes, "CANARY notes\nover two lines");
    assert!(map.ties[0].directed, "the graph's edge default");
    assert_eq!(map.ties[0].strength, 3, "the weight stands in for a missing strength");
    assert_eq!(map.ties[0].kind, TieKind::Funds);
}

#[test]
fn graphml_errors_name_the_line_of_the_value() {
    assert_eq!(
        message(read_graphml(&graphml("B", "middling", "B"))),
        "map.graphml, line 13: level: `middling` is not a known level"
    );
    assert_eq!(
        message(read_graphml(&graphml("B", "top", "Z"))),
        "map.graphml, line 17: `Z` is not the code name of any actor in the file"
    );
    assert_eq!(
        message(read_graphml(&graphml("A", "top", "A"))),
        "map.graphml, line 11: node id `A` is used twice (first on line 10)"
    );
    let no_strength = graphml("B", "top", "B").replace(r#"<data key="e1">3.0</data>"#, "");
    assert_eq!(
        message(read_graphml(&no_strength)),
        "map.graphml, line 17: the edge from `A` to `B` has no value for `weight`"
    );
}

#[test]
fn graphml_malformed_xml_is_reported_where_it_breaks() {
    let broken =
        graphml("B", "top", "B").replace("<data key=\"k2\">top</data></node>", "<data key=\"k2\">top</datum></node>");
    assert_eq!(
        message(read_graphml(&broken)),
        "map.graphml, line 10: malformed XML: an end tag does not match the element it should close"
    );
}

// ---------------------------------------------------------------------------------------------
// Kumu

const KUMU: &str = r#"{
  "elements": [
    {"label": "A", "type": "Person", "primary track": 1, "level": "top", "tags": ["ignored"]},
    {
      "label": "LABEL_B",
      "type": "Organization",
      "name": "CANARY name",
      "primary track": "PRIMARY_B",
      "level": "grassroots",
      "description": "CANARY notes"
    }
  ],
  "connections": [
    {"from": "A", "to": "TARGET", "type": "trusted contact", "strength": 2, "direction": "mutual"}
  ]
}
"#;

fn kumu(label_b: &str, primary_b: &str, target: &str) -> String {
    KUMU.replace("LABEL_B", label_b).replace("PRIMARY_B", primary_b).replace("TARGET", target)
}

#[test]
fn kumu_a_hand_written_blueprint_reads() {
    let map = read_kumu(&kumu("B", "9", "B")).unwrap();
    assert_eq!(map.actors[1].kind, ActorKind::Organisation);
    assert_eq!(map.actors[1].tracks, BTreeSet::from([Track::Media]));
    assert_eq!(map.actors[1].notes, "CANARY notes");
    assert_eq!(map.ties[0].kind, TieKind::TrustedContact);
    assert!(!map.ties[0].directed, "mutual runs both ways");
}

#[test]
fn kumu_a_byte_order_mark_is_skipped() {
    assert_eq!(read_kumu(&format!("\u{feff}{}", kumu("B", "9", "B"))).unwrap().actors.len(), 2);
}

#[test]
fn kumu_errors_name_the_line_of_the_value() {
    assert_eq!(
        message(read_kumu(&kumu("B", "ten", "B"))),
        "map.json, line 8: primary track: `ten` is not a known track"
    );
    assert_eq!(
        message(read_kumu(&kumu("B", "9", "Z"))),
        "map.json, line 14: `Z` is not the code name of any actor in the file"
    );
    assert_eq!(
        message(read_kumu(&kumu("A", "9", "B"))),
        "map.json, line 4: code name `A` is used twice (first on line 3)"
    );
    let no_level = kumu("B", "9", "B").replace(r#""level": "grassroots","#, "");
    assert_eq!(message(read_kumu(&no_level)), "map.json, line 4: element `B` has no `level`");
}

#[test]
fn kumu_malformed_json_is_reported_on_serde_jsons_line() {
    let missing_comma = kumu("B", "9", "B").replace(r#""level": "grassroots","#, r#""level": "grassroots""#);
    assert_eq!(message(read_kumu(&missing_comma)), "map.json, line 10: malformed JSON: expected `,` or `}`");
    assert_eq!(
        message(read_kumu("{\n\"elements\": [\n")),
        "map.json, line 3: malformed JSON: EOF while parsing a list"
    );
    assert_eq!(message(read_kumu("[1, 2]")), "map.json, line 1: a Kumu blueprint must be a JSON object");
    assert_eq!(
        message(read_kumu("{}")),
        "map.json, line 1: a Kumu blueprint has `elements` and `connections`; this file has neither"
    );
    assert_eq!(message(read_kumu("{\n  \"elements\": \"CANARY\"\n}")), "map.json, line 2: `elements` must be a list");
}

#[test]
fn kumu_values_of_the_wrong_type_are_not_quoted() {
    let list_name = kumu("B", "9", "B").replace(r#""CANARY name""#, r#"["CANARY", "name"]"#);
    assert_eq!(message(read_kumu(&list_name)), "map.json, line 7: `name` of element `B` must be text");
    let twice = kumu("B", "9", "B").replace(r#""name": "CANARY name","#, r#""name": "CANARY", "name": "CANARY 2","#);
    assert_eq!(message(read_kumu(&twice)), "map.json, line 4: an element has the key `name` twice");
    let element = kumu("B", "9", "B").replace(r#"{"label": "A""#, r#""CANARY", {"label": "A""#);
    assert_eq!(message(read_kumu(&element)), "map.json, line 3: an element must be a JSON object");
}

// ---------------------------------------------------------------------------------------------
// Sensitive text, in every format

/// Bad rows whose names, roles and notes carry a canary; the message must not.
#[test]
fn an_error_about_a_row_never_quotes_its_name_role_or_notes() {
    let csv_cases = [
        "UV-01,CANARY name,person,5,,middle,North,CANARY role,no,CANARY notes\nUV-02,CANARY,person,5,,bogus,,,no,CANARY\n",
        "UV-01,CANARY\u{7}name,person,5,,middle,North,,no,\n",
        "UV-01,,person,5,,middle,North,CANARY\trole,no,\n",
    ];
    for actors in csv_cases {
        message(csv(actors, ""));
    }
    message(csv(TWO_ACTORS, "UV-01,UV-02,advises,,3,,,CANARY\u{1b}\n"));
    for text in [
        gexf("12", "B", "B"),
        gexf("7", "B", "B").replace("CANARY name", "CANARY &secret; name"),
        gexf("7", "B", "B").replace(r#""CANARY name""#, r#""CANARY" name""#),
        gexf("7", "B", "B").replace("CANARY name", "CANARY\u{1}name"),
    ] {
        message(read_gexf(&text));
    }
    for text in [
        graphml("B", "middling", "B"),
        graphml("B", "top", "B").replace("over two lines", "&CANARY;"),
        graphml("B", "top", "B").replace("over two lines", "<CANARY>"),
        graphml("B", "top", "B").replace("over two lines", "a & CANARY"),
    ] {
        message(read_graphml(&text));
    }
    for text in [
        kumu("B", "ten", "B"),
        kumu("B", "9", "B").replace("CANARY notes", "CANARY \\q notes"),
        kumu("B", "9", "B").replace(r#""CANARY name""#, r#"{"CANARY": 1}"#),
        kumu("B", "9", "B").replace(r#""level": "grassroots""#, r#""level": ["grassroots"]"#),
    ] {
        message(read_kumu(&text));
    }
}
