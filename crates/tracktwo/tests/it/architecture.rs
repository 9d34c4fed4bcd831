//! Keeps ARCHITECTURE.md true: the crate dependency table there must match `cargo metadata`
//! exactly, pure crates must not pull in I/O, async or edge crates (directly or through any
//! crate they depend on), and the two storage backends must carry the same migrations.

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

/// Crates only tests may depend on.
const TEST_ONLY: [&str; 2] = ["tracktwo-store-conformance", "tracktwo-test-support"];

/// The workspace's resolved dependency graph, as `cargo metadata` gives it (offline: the lock
/// file and the local registry are enough).
struct Graph {
    /// Every workspace crate by name, with its package id.
    members: BTreeMap<String, String>,
    /// Every package id with its name.
    names: BTreeMap<String, String>,
    /// Every package id with the ids it depends on normally (not dev, not build-only).
    normal: BTreeMap<String, BTreeSet<String>>,
}

/// The platform this build runs on, as rustc names it.
fn host_platform() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let output = std::process::Command::new(rustc).arg("-vV").output().expect("run rustc -vV");
    let text = String::from_utf8(output.stdout).expect("rustc speaks UTF-8");
    text.lines().find_map(|line| line.strip_prefix("host: ")).expect("rustc names its host").to_owned()
}

/// The graph for this platform: the crates a build here compiles (other platforms' crates are
/// not in the local registry, and offline they cannot be fetched).
fn resolved_graph() -> Graph {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline", "--locked", "--filter-platform", &host_platform()])
        .current_dir(workspace_root())
        .output()
        .expect("run cargo metadata");
    assert!(output.status.success(), "cargo metadata: {}", String::from_utf8_lossy(&output.stderr));
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).expect("metadata json");
    let text = |value: &serde_json::Value| value.as_str().expect("a string").to_owned();
    let names = metadata["packages"].as_array().expect("packages").iter().map(|p| (text(&p["id"]), text(&p["name"])));
    let names: BTreeMap<String, String> = names.collect();
    let members = metadata["workspace_members"].as_array().expect("workspace members").iter().map(|id| {
        let id = text(id);
        (names[&id].clone(), id)
    });
    let normal = metadata["resolve"]["nodes"].as_array().expect("resolve nodes").iter().map(|node| {
        let deps =
            node["deps"].as_array().expect("deps").iter().filter(|dep| {
                dep["dep_kinds"].as_array().expect("dep kinds").iter().any(|kind| kind["kind"].is_null())
            });
        (text(&node["id"]), deps.map(|dep| text(&dep["pkg"])).collect())
    });
    Graph { members: members.collect(), names, normal: normal.collect() }
}

impl Graph {
    /// The names of a workspace crate's normal dependencies.
    fn direct(&self, member: &str) -> BTreeSet<String> {
        self.normal[&self.members[member]].iter().map(|id| self.names[id].clone()).collect()
    }

    /// The names of every crate a workspace crate's build compiles in, through normal
    /// dependencies at any depth, each with the path by which it comes in.
    fn transitive(&self, member: &str) -> BTreeMap<String, Vec<String>> {
        let start = &self.members[member];
        let mut paths: BTreeMap<&String, Vec<String>> = BTreeMap::from([(start, vec![member.to_owned()])]);
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(id) = queue.pop_front() {
            for dep in &self.normal[id] {
                if !paths.contains_key(dep) {
                    let mut path = paths[id].clone();
                    path.push(self.names[dep].clone());
                    paths.insert(dep, path);
                    queue.push_back(dep);
                }
            }
        }
        paths.remove(start);
        let mut by_name = BTreeMap::new();
        for (id, path) in paths {
            by_name.entry(self.names[id].clone()).or_insert(path);
        }
        by_name
    }
}

#[test]
fn the_documented_dependency_rules_hold() {
    let rules = documented_rules();
    let graph = resolved_graph();
    let crates: BTreeSet<&String> = graph.members.keys().collect();
    let documented: BTreeSet<&String> = rules.keys().collect();
    assert_eq!(crates, documented, "every workspace crate needs exactly one row in ARCHITECTURE.md");
    for name in graph.members.keys() {
        let rule = &rules[name];
        let deps = graph.direct(name);
        let internal: BTreeSet<String> = deps.iter().filter(|d| d.starts_with("tracktwo")).cloned().collect();
        assert_eq!(internal, rule.allowed, "{name}: internal dependencies differ from ARCHITECTURE.md");
    }
}

/// A rule holds through every crate a crate pulls in, not only the ones its manifest names: a
/// pure crate that depends on a crate that depends on tokio compiles tokio all the same.
#[test]
fn no_crate_pulls_in_what_its_rule_forbids_at_any_depth() {
    let rules = documented_rules();
    let graph = resolved_graph();
    let mut broken = Vec::new();
    for name in graph.members.keys() {
        let forbidden = rules.get(name).map(|rule| rule.forbidden.iter().map(String::as_str).collect());
        let forbidden: BTreeSet<&str> = forbidden.unwrap_or_default();
        for (dep, path) in graph.transitive(name) {
            if forbidden.contains(dep.as_str()) {
                broken.push(format!("{name} pulls in {dep}, which ARCHITECTURE.md forbids: {}", path.join(" → ")));
            }
            if TEST_ONLY.contains(&dep.as_str()) {
                broken.push(format!("{name} pulls in the test-only {dep}: {}", path.join(" → ")));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// One `NNNN_name.sql` file's number and name.
fn migrations(backend: &str) -> Vec<(u32, String)> {
    let dir = workspace_root().join("crates").join(backend).join("migrations");
    let mut found: Vec<(u32, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| {
            let file = entry.expect("a directory entry").file_name().into_string().expect("a UTF-8 file name");
            let stem = file.strip_suffix(".sql").unwrap_or_else(|| panic!("{backend}: {file} is not a .sql migration"));
            let (number, name) =
                stem.split_once('_').unwrap_or_else(|| panic!("{backend}: {file} is not named NNNN_name.sql"));
            let number = number.parse().unwrap_or_else(|_| panic!("{backend}: {file} does not start with a number"));
            (number, name.to_owned())
        })
        .collect();
    found.sort();
    found
}

/// Both backends read the same stored format, so they carry the same migrations: the same
/// numbers, in a run from 1 without gaps, under the same names. A migration written for one
/// backend only would leave the other a version behind.
#[test]
fn the_backends_migrations_stay_in_step() {
    let sqlite = migrations("store-sqlite");
    let postgres = migrations("store-postgres");
    assert!(!sqlite.is_empty(), "no migrations found for SQLite");
    let listed = |list: &[(u32, String)]| list.iter().map(|(n, name)| format!("{n:04}_{name}")).collect::<Vec<_>>();
    assert_eq!(listed(&sqlite), listed(&postgres), "the SQLite (left) and PostgreSQL (right) migrations differ");
    let numbers: Vec<u32> = sqlite.iter().map(|(n, _)| *n).collect();
    let expected: Vec<u32> = (1..=u32::try_from(numbers.len()).expect("a few migrations")).collect();
    assert_eq!(numbers, expected, "migrations are numbered from 1 without gaps or repeats");
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
