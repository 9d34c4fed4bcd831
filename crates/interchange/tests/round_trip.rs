//! Whatever a writer writes, its reader reads back as it was: every format, every field.

mod common;

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
    fn csv_round_trips(map in common::map_file()) {
        prop_assert_eq!(through_csv(&map), Ok(map));
    }

    /// No cell of a written map CSV starts like a formula, whatever the notes and names say.
    #[test]
    fn no_csv_cell_starts_like_a_formula(mut map in common::map_file(), formula in "[=+@-][A-Z(\"]{0,8}") {
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
    fn gexf_round_trips(map in common::map_file()) {
        prop_assert_eq!(read_gexf(&write_gexf(&map)).map_err(|e| e.to_string()), Ok(map));
    }

    #[test]
    fn graphml_round_trips(map in common::map_file()) {
        prop_assert_eq!(read_graphml(&write_graphml(&map)).map_err(|e| e.to_string()), Ok(map));
    }

    #[test]
    fn kumu_round_trips(map in common::map_file()) {
        prop_assert_eq!(read_kumu(&write_kumu(&map)).map_err(|e| e.to_string()), Ok(map));
    }

    /// A map carried through every format in turn arrives unchanged.
    #[test]
    fn a_map_survives_every_format_in_turn(map in common::map_file()) {
        let travelled = through_csv(&map)
            .and_then(|map| read_gexf(&write_gexf(&map)).map_err(|e| e.to_string()))
            .and_then(|map| read_graphml(&write_graphml(&map)).map_err(|e| e.to_string()))
            .and_then(|map| read_kumu(&write_kumu(&map)).map_err(|e| e.to_string()));
        prop_assert_eq!(travelled, Ok(map));
    }
}

#[test]
fn the_sample_round_trips_and_an_empty_map_too() {
    for map in [common::sample(), MapFile::default()] {
        assert_eq!(through_csv(&map), Ok(map.clone()));
        assert_eq!(read_gexf(&write_gexf(&map)), Ok(map.clone()));
        assert_eq!(read_graphml(&write_graphml(&map)), Ok(map.clone()));
        assert_eq!(read_kumu(&write_kumu(&map)), Ok(map.clone()));
    }
}
