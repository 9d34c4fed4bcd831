//! Keeps docs/threat-model.md honest: every test it names beside a promise exists.

use std::path::{Path, PathBuf};

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Names in backticks that read as test functions: lower-case words joined by underscores, at
/// least three of them (`sealed_values_open_only_with_the_same_key_and_place`), which tells them
/// from commands, events and paths the page also quotes.
fn named_tests(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|quoted| {
            quoted.split('_').count() >= 3
                && quoted.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .map(str::to_owned)
        .collect()
}

fn rust_sources(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(std::fs::read_to_string(&path).expect("read source"));
        }
    }
}

#[test]
fn every_test_the_threat_model_names_exists() {
    let text = std::fs::read_to_string(workspace_root().join("docs/threat-model.md")).expect("read the threat model");
    let named = named_tests(&text);
    assert!(named.len() >= 10, "the threat model names too few tests: {named:?}");
    let mut sources = Vec::new();
    rust_sources(&workspace_root().join("crates"), &mut sources);
    let missing: Vec<&String> =
        named.iter().filter(|name| !sources.iter().any(|source| source.contains(&format!("fn {name}(")))).collect();
    assert!(missing.is_empty(), "docs/threat-model.md names tests that do not exist: {missing:?}");
}

#[test]
fn test_names_are_told_from_other_quoted_words() {
    let found = named_tests("`tracktwo audit verify` `store.row-refused` `a_deleted_event_is_named` `begin`");
    assert_eq!(found, ["a_deleted_event_is_named"]);
}
