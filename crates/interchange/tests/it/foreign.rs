//! Maps made in other tools: their attributes listed, mapped onto tracktwo's fields, actors that
//! cannot be placed kept as unplaced, track numbers read only under a declared scheme, and every
//! error naming the file the user gave.

use tracktwo_domain::map::{Level, TieKind, Track};
use tracktwo_interchange::{
    Field, Format, Mapping, ReadOptions, TrackScheme, attributes, read_with, write_gexf, write_graphml,
};

/// A GEXF as NetworkX writes one: its own attribute names, numeric ids, labels, no tie kinds.
const NETWORKX_GEXF: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <meta lastmodifieddate="2026-01-01"><creator>NetworkX 3.6.1</creator></meta>
  <graph defaultedgetype="undirected" mode="static" name="">
    <attributes mode="static" class="node">
      <attribute id="0" title="club" type="string" />
      <attribute id="1" title="Sector" type="long" />
    </attributes>
    <attributes mode="static" class="edge">
      <attribute id="2" title="ties" type="string" />
    </attributes>
    <nodes>
      <node id="0" label="Hi">
        <attvalues><attvalue for="0" value="Mr. Hi" /><attvalue for="1" value="4" /></attvalues>
      </node>
      <node id="1" label="Officer">
        <attvalues><attvalue for="0" value="Officer" /><attvalue for="1" value="5" /></attvalues>
      </node>
      <node id="2" label="Unknown">
        <attvalues><attvalue for="0" value="Nobody" /></attvalues>
      </node>
    </nodes>
    <edges>
      <edge source="0" target="1" id="0" weight="3.0"><attvalues><attvalue for="2" value="friends" /></attvalues></edge>
      <edge source="1" target="2" id="1" />
    </edges>
  </graph>
</gexf>
"#;

fn karate_mapping() -> Mapping {
    let mut mapping = Mapping::new();
    mapping.add_field_argument("track=Sector").unwrap();
    mapping.add_field_argument("side=club").unwrap();
    mapping.add_field_argument("name=label").unwrap();
    mapping.add_value_argument("side:Mr. Hi=North").unwrap();
    mapping.add_value_argument("side:Officer=South").unwrap();
    mapping.add_value_argument("level:=grassroots").unwrap();
    mapping.add_value_argument("kind:=person").unwrap();
    mapping.add_value_argument("tie-kind:=colleague").unwrap();
    mapping
}

/// The hand-written sample with an undirected tie beside its directed ones.
fn mixed() -> tracktwo_interchange::MapFile {
    let mut map = crate::common::sample();
    let mut tie = map.ties[0].clone();
    std::mem::swap(&mut tie.from, &mut tie.to);
    tie.kind = TieKind::Colleague;
    tie.directed = false;
    tie.strength = 2;
    map.ties.push(tie);
    map
}

fn sides() -> Vec<String> {
    vec!["North".to_owned(), "South".to_owned()]
}

#[test]
fn a_foreign_file_lists_its_attributes_with_samples() {
    let listed = attributes(Format::Gexf, NETWORKX_GEXF, "karate.gexf").unwrap();
    assert!(!listed.is_tracktwo());
    assert_eq!((listed.nodes, listed.edges), (3, 2));
    let club = listed.attributes.iter().find(|a| a.name == "club").expect("the club attribute is listed");
    assert_eq!((club.of_edges, club.count), (false, 3));
    assert_eq!(club.samples, ["Mr. Hi", "Officer", "Nobody"]);
    assert!(listed.attributes.iter().any(|a| a.name == "weight" && a.of_edges));
    assert!(attributes(Format::Gexf, &write_gexf(&crate::common::sample()), "x.gexf").unwrap().is_tracktwo());
}

#[test]
fn a_mapping_places_what_it_can_and_leaves_the_rest_unplaced() {
    let mapping = karate_mapping();
    let sides = sides();
    let options = ReadOptions {
        file_name: Some("karate.gexf"),
        sides: Some(&sides),
        mapping: Some(&mapping),
        track_scheme: Some(TrackScheme::Five),
        ..ReadOptions::default()
    };
    let map = read_with(Format::Gexf, NETWORKX_GEXF, "", &options).unwrap();
    assert_eq!(map.actors.len(), 3);
    let hi = &map.actors[0];
    assert_eq!((hi.code_name.as_str(), hi.name.as_deref()), ("0", Some("Hi")));
    assert_eq!(
        (hi.primary_track, hi.level, hi.side.as_deref()),
        (Track::PrivateCitizens, Level::Grassroots, Some("North"))
    );
    assert!(hi.unplaced.is_empty());
    assert_eq!(map.actors[1].primary_track, Track::Media, "5 is media in the five-track list");
    let nobody = &map.actors[2];
    assert_eq!(nobody.side, None);
    assert_eq!(nobody.unplaced.iter().copied().collect::<Vec<_>>(), ["side", "track"]);
    assert_eq!(map.ties.len(), 2);
    assert_eq!((map.ties[0].kind, map.ties[0].strength, map.ties[0].directed), (TieKind::Colleague, 3, false));
    assert_eq!(map.ties[1].strength, 1, "an edge without a weight is of strength 1");
}

#[test]
fn track_numbers_without_a_scheme_are_refused_naming_the_file() {
    let mapping = karate_mapping();
    let sides = sides();
    let options = ReadOptions {
        file_name: Some("karate.gexf"),
        sides: Some(&sides),
        mapping: Some(&mapping),
        ..ReadOptions::default()
    };
    let error = read_with(Format::Gexf, NETWORKX_GEXF, "", &options).unwrap_err();
    assert_eq!((error.file.as_str(), error.line), ("karate.gexf", 14));
    assert!(error.problem.to_string().contains("track scheme"), "{error}");
}

#[test]
fn without_a_mapping_a_foreign_file_is_refused_under_its_own_name() {
    let options = ReadOptions { file_name: Some("data/karate.gexf"), ..ReadOptions::default() };
    let error = read_with(Format::Gexf, NETWORKX_GEXF, "", &options).unwrap_err();
    assert_eq!(error.file, "data/karate.gexf");
    let error = read_with(Format::Graphml, "<graphml>", "", &ReadOptions { file_name: Some("k.graphml"), ..options })
        .unwrap_err();
    assert!(error.to_string().starts_with("k.graphml, line 1: malformed XML"), "{error}");
    let csv = ReadOptions { file_name: Some("mine/a.csv"), ties_name: Some("mine/t.csv"), ..ReadOptions::default() };
    let error =
        read_with(Format::Csv, "code,kind,primary_track,level\nA,person,1,top\n", "from,to\n", &csv).unwrap_err();
    assert!(error.to_string().starts_with("mine/t.csv, line 1"), "{error}");
}

#[test]
fn a_mapping_is_refused_for_csv_and_kumu() {
    let mapping = karate_mapping();
    let options = ReadOptions { mapping: Some(&mapping), ..ReadOptions::default() };
    assert!(read_with(Format::Csv, "", "", &options).unwrap_err().problem.to_string().contains("GEXF and GraphML"));
}

#[test]
fn exports_are_directed_graphs_with_undirected_ties_said_explicitly() {
    let map = mixed();
    assert!(map.ties.iter().any(|tie| tie.directed) && map.ties.iter().any(|tie| !tie.directed));
    let gexf = write_gexf(&map);
    assert!(gexf.contains(r#"defaultedgetype="directed""#) && !gexf.contains(r#"type="undirected""#));
    assert_eq!(gexf.matches(r#"type="mutual""#).count(), map.ties.iter().filter(|tie| !tie.directed).count());
    let graphml = write_graphml(&map);
    assert!(graphml.contains(r#"edgedefault="directed""#) && !graphml.contains(r#"directed="false""#));
    assert!(graphml.contains(r#"<data key="track_scheme">imtd9</data>"#));
}

#[test]
fn an_undirected_tie_split_into_two_edges_folds_back_into_one() {
    let map = mixed();
    let undirected = map.ties.iter().position(|tie| !tie.directed).expect("the sample has an undirected tie");
    let tie = &map.ties[undirected];
    // As NetworkX writes a mutual edge back: two directed edges, the second reversed.
    let gexf = write_gexf(&map);
    let needle = format!(r#"source="{}" target="{}" type="mutual""#, tie.from, tie.to);
    let start = gexf.find(&needle).expect("the mutual edge");
    let open = gexf[..start].rfind("<edge ").unwrap();
    let close = start + gexf[start..].find("</edge>").unwrap() + "</edge>".len();
    let edge = &gexf[open..close];
    let reversed = edge
        .replace(
            &format!(r#"source="{}" target="{}""#, tie.from, tie.to),
            &format!(r#"source="{}" target="{}""#, tie.to, tie.from),
        )
        .replace(r#"type="mutual""#, r#"type="directed""#);
    let doubled =
        gexf.replacen(edge, &format!("{}\n{reversed}", edge.replace(r#"type="mutual""#, r#"type="directed""#)), 1);
    let read = tracktwo_interchange::read_gexf(&doubled).unwrap();
    assert_eq!(read, map);
    let declared = attributes(Format::Gexf, &gexf, "m.gexf").unwrap();
    assert_eq!(declared.track_scheme, Some(TrackScheme::Imtd9));
    assert!(Field::parse("decision_maker").is_ok());
}

#[test]
fn an_unplaced_actor_stays_unplaced_through_gexf_and_graphml() {
    let mut map = mixed();
    map.actors[0].unplaced = ["side", "track"].into_iter().collect();
    let gexf = tracktwo_interchange::read_gexf(&write_gexf(&map)).unwrap();
    assert_eq!(gexf, map);
    let graphml = tracktwo_interchange::read_graphml(&write_graphml(&map)).unwrap();
    assert_eq!(graphml, map);
    assert_eq!(graphml.actors[0].unplaced.len(), 2);
    assert!(graphml.actors[1].unplaced.is_empty());
}

#[test]
fn a_file_that_declares_one_scheme_is_refused_under_the_other() {
    let gexf = write_gexf(&mixed());
    let options =
        ReadOptions { file_name: Some("ours.gexf"), track_scheme: Some(TrackScheme::Five), ..ReadOptions::default() };
    let error = read_with(Format::Gexf, &gexf, "", &options).unwrap_err();
    assert!(error.to_string().starts_with("ours.gexf, line "), "{error}");
    assert!(error.problem.to_string().contains("`imtd9`, not `five`"), "{error}");
    let same = ReadOptions { track_scheme: Some(TrackScheme::Imtd9), ..options };
    assert_eq!(read_with(Format::Gexf, &gexf, "", &same).unwrap(), mixed());
}

/// Every export of tracktwo's own formats says which numbering its track numbers follow, and a
/// file that declares the five-track list is read under it, in CSV and in Kumu's blueprint alike.
#[test]
fn csv_and_kumu_exports_declare_their_track_scheme_and_imports_honour_it() {
    use tracktwo_interchange::{read_csv, read_kumu, write_actors_csv, write_kumu, write_ties_csv};
    let actors =
        "code,kind,primary_track,tracks,level,track_scheme\nA,person,5,4;5,grassroots,five\nB,person,5,,top,imtd9\n";
    let ties = "from,to,kind,strength\nA,B,advises,3\n";
    let map = read_csv(actors, ties).unwrap();
    assert_eq!(map.actors[0].primary_track, Track::Media, "five: 5 is the media");
    assert!(map.actors[0].tracks.contains(&Track::PrivateCitizens), "five: 4 is citizen exchange");
    assert_eq!(map.actors[1].primary_track, Track::Research, "imtd9: 5 is research and training");
    let written = write_actors_csv(&map);
    assert!(written.lines().next().unwrap().ends_with(",track_scheme"), "{written}");
    assert!(written.lines().skip(1).all(|row| row.ends_with(",imtd9")), "{written}");
    assert_eq!(read_csv(&written, &write_ties_csv(&map)).unwrap().actors, map.actors, "round trip");
    let refused = read_csv("code,kind,primary_track,level,track_scheme\nA,person,5,top,seven\n", ties).unwrap_err();
    assert!(refused.to_string().contains("track scheme") && refused.line == 2, "{refused}");

    let kumu = write_kumu(&map);
    assert!(kumu.contains("\"track scheme\": \"imtd9\""), "{kumu}");
    assert_eq!(read_kumu(&kumu).unwrap().actors, map.actors, "round trip");
    let five = r#"{"track scheme": "five", "elements": [{"label": "A", "type": "Person", "primary track": 5, "tracks": [3], "level": "top"}], "connections": []}"#;
    let read = read_kumu(five).unwrap();
    assert_eq!(read.actors[0].primary_track, Track::Media);
    assert!(read.actors[0].tracks.contains(&Track::Business), "five: 3 is business");
    assert!(read_kumu(r#"{"track scheme": "nine", "elements": [], "connections": []}"#).is_err());
}
