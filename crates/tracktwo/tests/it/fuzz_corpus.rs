//! The fuzz targets' seeds (`fuzz/corpus`) replayed through the targets' own entry functions
//! (`fuzz/src/entries.rs`), so that a target cannot rot unnoticed between fuzzing runs: every
//! target has an entry and seeds, every seed runs without a panic, and the map seeds are still
//! files their format reads. The fuzzing itself (`scripts/fuzz`) is not part of the tests.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[path = "../../../../fuzz/src/entries.rs"]
mod entries;

type Entry = fn(&[u8]);

const TARGETS: [(&str, Entry); 17] = [
    ("map_csv", entries::map_csv),
    ("map_gexf", entries::map_gexf),
    ("map_graphml", entries::map_graphml),
    ("map_kumu", entries::map_kumu),
    ("polis_votes", entries::polis_votes),
    ("polis_participant_votes", entries::polis_participant_votes),
    ("polis_sides", entries::polis_sides),
    ("polis_import", entries::polis_import),
    ("backup_file", entries::backup_file),
    ("keyring_file", entries::keyring_file),
    ("web_forms", entries::web_forms),
    ("web_json", entries::web_json),
    ("web_queries", entries::web_queries),
    ("trace_passage", entries::trace_passage),
    ("trace_upload", entries::trace_upload),
    ("ocr_text", entries::ocr_text),
    ("akn_import", entries::akn_import),
];

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn names_in(dir: &Path, strip: &str) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().trim_end_matches(strip).to_owned())
        .collect()
}

fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = fuzz_dir().join("corpus").join(target);
    names_in(&dir, "").into_iter().map(|name| (name.clone(), std::fs::read(dir.join(&name)).unwrap())).collect()
}

#[test]
fn every_fuzz_target_has_an_entry_and_seeds_and_every_seed_replays() {
    let listed: BTreeSet<String> = TARGETS.iter().map(|(name, _)| (*name).to_owned()).collect();
    assert_eq!(names_in(&fuzz_dir().join("fuzz_targets"), ".rs"), listed, "fuzz_targets/ and this list differ");
    assert_eq!(names_in(&fuzz_dir().join("corpus"), ""), listed, "corpus/ and this list differ");
    for (target, entry) in TARGETS {
        let seeds = seeds(target);
        assert!(!seeds.is_empty(), "{target} has no seeds");
        for (_, seed) in seeds {
            entry(&seed);
        }
    }
}

#[test]
fn the_map_seeds_are_files_their_format_reads() {
    use tracktwo_interchange::Format;
    for (target, format) in [
        ("map_csv", Format::Csv),
        ("map_gexf", Format::Gexf),
        ("map_graphml", Format::Graphml),
        ("map_kumu", Format::KumuJson),
    ] {
        for (name, seed) in seeds(target) {
            let text = String::from_utf8(seed).unwrap();
            let (file, ties) = text.split_once('\0').unwrap_or((&text, ""));
            let map =
                tracktwo_interchange::read(format, file, ties, None).unwrap_or_else(|e| panic!("{target}/{name}: {e}"));
            assert!(map.actors.len() >= 3 && !map.ties.is_empty(), "{target}/{name}");
        }
    }
}

#[test]
fn the_akoma_ntoso_seeds_are_documents_the_reader_reads() {
    for (name, seed) in seeds("akn_import") {
        let text = String::from_utf8(seed).unwrap();
        let (_, draft) = tracktwo_akoma_ntoso::import(&text).unwrap_or_else(|e| panic!("akn_import/{name}: {e}"));
        assert!(draft.clauses().count() >= 20, "akn_import/{name}");
    }
}
