use proptest::prelude::*;
use tracktwo_akoma_ntoso::{export, import};

use crate::drafts;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn import_returns_what_export_wrote((meta, draft) in drafts::draft_and_meta()) {
        prop_assert!(draft.validate().is_ok(), "the generator makes valid drafts");
        let written = export(&meta, &draft);
        let (read_meta, read_draft) = import(&written).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&read_meta, &meta);
        prop_assert!(read_draft == draft, "the draft read back differs: {:?} / {:?}", read_draft.parts, draft.parts);
        prop_assert!(read_meta.hash_matches(&read_draft));
    }
}

#[test]
fn the_large_text_round_trips() {
    let (meta, draft) = drafts::large();
    let (read_meta, read_draft) = import(&export(&meta, &draft)).unwrap();
    assert_eq!(read_meta, meta);
    assert!(read_draft == draft);
}

/// Indentation is the writer's, not the text's: the document re-indented by an editor (tabs
/// instead of spaces, blank lines between elements) reads the same. The large text has no line
/// break inside its words, so every line of the file starts outside a text.
#[test]
fn reindenting_changes_nothing() {
    let (meta, draft) = drafts::large();
    let written = export(&meta, &draft);
    let reindented: String = written
        .lines()
        .map(|line| {
            let indent = line.len() - line.trim_start_matches(' ').len();
            format!("{}{}\n\n", "\t".repeat(indent / 2), &line[indent..])
        })
        .collect();
    assert_ne!(reindented, written);
    let (read_meta, read_draft) = import(&reindented).unwrap();
    assert_eq!(read_meta, meta);
    assert!(read_draft == draft);
}

#[test]
fn an_empty_text_round_trips() {
    let (meta, mut draft) = drafts::large();
    draft.parts.clear();
    draft.preamble.clear();
    let (read_meta, read_draft) = import(&export(&meta, &draft)).unwrap();
    assert_eq!(read_meta, meta);
    assert!(read_draft == draft);
}
