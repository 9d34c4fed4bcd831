//! Keeps ARCHITECTURE.md true: the crate dependency table there must match `cargo metadata`
//! exactly, and pure crates must not pull in I/O, async or edge crates.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

struct Rule {
    allowed: BTreeSet<String>,
    forbidden: BTreeSet<String>,
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn split(cell: &str) -> BTreeSet<String> {
    cell.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

fn documented_rules() -> BTreeMap<String, Rule> {
    let text = std::fs::read_to_string(workspace_root().join("ARCHITECTURE.md")).expect("read ARCHITECTURE.md");
    let start = text.find("<!-- dependency-rules:start -->").expect("rules start marker");
    let end = text.find("<!-- dependency-rules:end -->").expect("rules end marker");
    text[start..end]
        .lines()
        .filter(|line| line.starts_with("| tracktwo"))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            assert_eq!(cells.len(), 3, "malformed rule row: {line}");
            (cells[0].to_owned(), Rule { allowed: split(cells[1]), forbidden: split(cells[2]) })
        })
        .collect()
}

/// Normal (not dev, not build) dependencies of every workspace crate.
fn actual_dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps", "--offline"])
        .current_dir(workspace_root())
        .output()
        .expect("run cargo metadata");
    assert!(output.status.success(), "cargo metadata: {}", String::from_utf8_lossy(&output.stderr));
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).expect("metadata json");
    metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|package| {
            let deps = package["dependencies"]
                .as_array()
                .expect("dependencies")
                .iter()
                .filter(|dep| dep["kind"].is_null())
                .map(|dep| dep["name"].as_str().expect("name").to_owned())
                .collect();
            (package["name"].as_str().expect("name").to_owned(), deps)
        })
        .collect()
}

#[test]
fn the_documented_dependency_rules_hold() {
    let rules = documented_rules();
    let actual = actual_dependencies();
    let crates: BTreeSet<&String> = actual.keys().collect();
    let documented: BTreeSet<&String> = rules.keys().collect();
    assert_eq!(crates, documented, "every workspace crate needs exactly one row in ARCHITECTURE.md");
    for (name, deps) in &actual {
        let rule = &rules[name];
        let internal: BTreeSet<String> = deps.iter().filter(|d| d.starts_with("tracktwo")).cloned().collect();
        assert_eq!(internal, rule.allowed, "{name}: internal dependencies differ from ARCHITECTURE.md");
        let banned: Vec<&String> = deps.intersection(&rule.forbidden).collect();
        assert!(banned.is_empty(), "{name} depends on {banned:?}, which ARCHITECTURE.md forbids");
        assert!(!deps.contains("tracktwo-store-conformance"), "{name}: the conformance suite is test-only");
    }
}

/// TLS is rustls with the `ring` provider, to browsers and to PostgreSQL alike: OpenSSL (or
/// native-tls, which is OpenSSL on Linux) must not enter the build, not even through a feature
/// of a dependency.
#[test]
fn no_openssl_enters_the_lock_file() {
    let lock = std::fs::read_to_string(workspace_root().join("Cargo.lock")).expect("read Cargo.lock");
    let banned = ["openssl", "openssl-sys", "openssl-src", "native-tls"];
    let found: Vec<&str> = lock
        .lines()
        .filter_map(|line| line.strip_prefix("name = \"")?.strip_suffix('"'))
        .filter(|name| banned.contains(name))
        .collect();
    assert!(found.is_empty(), "Cargo.lock holds {found:?}; tracktwo's TLS is rustls only");
    assert!(lock.contains("name = \"rustls\""), "Cargo.lock should hold rustls");
}
