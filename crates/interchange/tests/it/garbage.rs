//! No input makes a reader panic, and whatever a reader accepts keeps the map's invariants:
//! random text, text shaped like each format, and valid files cut, spliced and corrupted.

use std::collections::BTreeSet;

use proptest::prelude::*;
use tracktwo_interchange::{
    ImportError, MapFile, read_csv, read_gexf, read_graphml, read_kumu, write_actors_csv, write_gexf, write_graphml,
    write_kumu, write_ties_csv,
};

/// What every reader promises of a map it returns.
fn check(result: Result<MapFile, ImportError>) -> Result<(), TestCaseError> {
    let Ok(map) = result else { return Ok(()) };
    let mut codes = BTreeSet::new();
    for actor in &map.actors {
        prop_assert!(!actor.code_name.trim().is_empty());
        prop_assert!(codes.insert(actor.code_name.as_str()), "code names are unique");
        prop_assert!(actor.tracks.contains(&actor.primary_track));
        prop_assert!(actor.name.as_ref().is_none_or(|name| !name.trim().is_empty()));
    }
    for tie in &map.ties {
        prop_assert!(codes.contains(tie.from.as_str()) && codes.contains(tie.to.as_str()));
        prop_assert_ne!(&tie.from, &tie.to);
        prop_assert!((1..=5).contains(&tie.strength));
        if let (Some(from), Some(until)) = (tie.valid_from, tie.valid_until) {
            prop_assert!(from < until);
        }
    }
    Ok(())
}

fn every_reader(text: &str) -> Result<(), TestCaseError> {
    check(read_csv(text, text))?;
    check(read_csv(text, "from,to,kind,strength\n"))?;
    check(read_gexf(text))?;
    check(read_graphml(text))?;
    check(read_kumu(text))
}

/// A change to a valid file: cut it short, drop a piece, or put a piece of junk in.
#[derive(Debug, Clone)]
enum Damage {
    Cut(usize),
    Drop(usize, usize),
    Insert(usize, String),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<usize>().prop_map(Damage::Cut),
        (any::<usize>(), 1..40usize).prop_map(|(at, length)| Damage::Drop(at, length)),
        (any::<usize>(), "[<>/=\"'&;#,\\[\\]{}:\n\r a-z0-9]{1,8}").prop_map(|(at, junk)| Damage::Insert(at, junk)),
    ]
}

/// The nearest character boundary at or before `at`.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, damage: &Damage) -> String {
    let somewhere = |at: usize| floor(text, at % (text.len() + 1));
    match damage {
        Damage::Cut(at) => text[..somewhere(*at)].to_owned(),
        Damage::Drop(at, length) => {
            let start = somewhere(*at);
            let end = floor(text, start + length);
            format!("{}{}", &text[..start], &text[end..])
        }
        Damage::Insert(at, junk) => {
            let at = somewhere(*at);
            format!("{}{junk}{}", &text[..at], &text[at..])
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_text_never_panics(text in any::<String>()) {
        every_reader(&text)?;
    }

    #[test]
    fn text_shaped_like_each_format_never_panics(
        xml in "(<[a-z:]{0,8}( [a-z.:]{1,6}=\"[^\"<]{0,8}\")*/?>|</[a-z]{0,6}>|[^<]{0,6}|&[a-z#0-9]{0,4};?){0,30}",
        json in "([\\[\\]{}:,]|\"[a-z ]{0,8}\"|-?[0-9.e]{1,4}|true|null|\\s){0,40}",
        csv in "([a-z0-9_ ;]{0,6}|\"|,|\n|\r){0,60}",
    ) {
        every_reader(&xml)?;
        every_reader(&json)?;
        every_reader(&csv)?;
        check(read_csv(&format!("code,kind,primary_track,level\n{csv}"), &format!("from,to,kind,strength\n{csv}")))?;
    }

    #[test]
    fn damaged_files_never_panic(map in crate::common::map_file(), damage in damage()) {
        let (actors, ties) = (write_actors_csv(&map), write_ties_csv(&map));
        check(read_csv(&apply(&actors, &damage), &ties))?;
        check(read_csv(&actors, &apply(&ties, &damage)))?;
        check(read_gexf(&apply(&write_gexf(&map), &damage)))?;
        check(read_graphml(&apply(&write_graphml(&map), &damage)))?;
        check(read_kumu(&apply(&write_kumu(&map), &damage)))?;
    }
}
