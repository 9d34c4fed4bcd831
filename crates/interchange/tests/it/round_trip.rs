//! Whatever a writer writes, its reader reads back as it was: every format, every field.

use proptest::prelude::*;
use tracktwo_interchange::{
    MapFile, read_csv, read_gexf, read_graphml, read_kumu, write_actors_csv, write_gexf, write_graphml, write_kumu,
    write_ties_csv,
};

fn through_csv(map: &MapFile) -> Result<MapFile, String> {
    read_csv(&write_actors_csv(map), &write_ties_csv(map)).map_err(|e| e.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn csv_round_trips(map in crate::common::map_file()) {
        prop_assert_eq!(through_csv(&map), Ok(map));
    }

    /// No cell of a written map CSV starts like a formula, whatever the notes and names say.
    #[test]
    fn no_csv_cell_starts_like_a_formula(mut map in crate::common::map_file(), formula in "[=+@-][A-Z(\"]{0,8}") {
        if let Some(actor) = map.actors.first_mut() {
            actor.notes.clone_from(&formula);
            actor.role = format!("'{formula}");
        }
        for file in [write_actors_csv(&map), write_ties_csv(&map)] {
            let mut reader = csv::ReaderBuilder::new().from_reader(file.as_bytes());
            for record in reader.records() {
                for cell in record.unwrap().iter() {
                    prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{:?}", cell);
                }
            }
        }
        prop_assert_eq!(through_csv(&map), Ok(map));
    }

    #[test]
    fn gexf_round_trips(map in crate::common::map_file()) {
        prop_assert_eq!(read_gexf(&write_gexf(&map)).map_err(|e| e.to_string()), Ok(map));
    }

    #[test]
    fn graphml_round_trips(map in crate::common::map_file()) {
        prop_assert_eq!(read_graphml(&write_graphml(&map)).map_err(|e| e.to_string()), Ok(map));
    }

    #[test]
    fn kumu_round_trips(map in crate::common::map_file()) {
        prop_assert_eq!(read_kumu(&write_kumu(&map)).map_err(|e| e.to_string()), Ok(map));
    }

    /// A map carried through every format in turn arrives unchanged.
    #[test]
    fn a_map_survives_every_format_in_turn(map in crate::common::map_file()) {
        let travelled = through_csv(&map)
            .and_then(|map| read_gexf(&write_gexf(&map)).map_err(|e| e.to_string()))
            .and_then(|map| read_graphml(&write_graphml(&map)).map_err(|e| e.to_string()))
            .and_then(|map| read_kumu(&write_kumu(&map)).map_err(|e| e.to_string()));
        prop_assert_eq!(travelled, Ok(map));
    }
}

#[test]
fn the_sample_round_trips_and_an_empty_map_too() {
    for map in [crate::common::sample(), MapFile::default()] {
        assert_eq!(through_csv(&map), Ok(map.clone()));
        assert_eq!(read_gexf(&write_gexf(&map)), Ok(map.clone()));
        assert_eq!(read_graphml(&write_graphml(&map)), Ok(map.clone()));
        assert_eq!(read_kumu(&write_kumu(&map)), Ok(map.clone()));
    }
}

/// Files written before actors had a public description, or by other tools, carry no such
/// column or attribute: every reader takes them, each actor's description empty.
#[test]
fn a_file_without_the_public_description_reads_as_empty_descriptions() {
    let mut map = crate::common::sample();
    for actor in &mut map.actors {
        actor.public_description = String::new();
    }
    let strip = |text: String, declaration: &str| {
        assert!(text.contains(declaration), "the writer declares {declaration}");
        text.replace(declaration, "")
    };
    let gexf =
        strip(write_gexf(&map), r#"<attribute id="public_description" title="public description" type="string"/>"#);
    let graphml = strip(
        write_graphml(&map),
        r#"<key id="public_description" for="node" attr.name="public_description" attr.type="string"/>"#,
    );
    let kumu = write_kumu(&map);
    assert!(!kumu.contains("public description"));
    assert_eq!(read_gexf(&gexf), Ok(map.clone()));
    assert_eq!(read_graphml(&graphml), Ok(map.clone()));
    assert_eq!(read_kumu(&kumu), Ok(map.clone()));
    let actors = "code,name,kind,primary_track,tracks,level,side,role,decision_maker,notes\n\
                  UV-01,,person,5,1;5,middle,North,Dean of law,no,Met twice\n";
    let read = read_csv(actors, "").unwrap();
    assert_eq!(read.actors.len(), 1);
    assert_eq!(read.actors[0].public_description, "");
    assert_eq!(read.actors[0].role, "Dean of law");
}
