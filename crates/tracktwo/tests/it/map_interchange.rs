//! The map in the graph libraries analysts use: the demo's GEXF and GraphML exports, as each
//! reader role downloads them, read by NetworkX and python-igraph (pinned in
//! `tests/python/requirements.txt`) against the same reader's CSV export; a map taken through
//! NetworkX and back; and maps NetworkX wrote with its own attribute names, imported through a
//! mapping given on the command line and on the import page.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::browser::start_demo;
use crate::cli::{DemoStore, Env, fails_with, ok, stderr};
use crate::http::{hidden_csrf, request, sign_in};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/python/map_interchange.py");

/// Runs the reference script; its JSON output, if it prints one.
fn python(args: &[&str]) -> Value {
    let output = Command::new(tracktwo_test_support::reference_python()).arg(SCRIPT).args(args).output().unwrap();
    assert!(output.status.success(), "map_interchange.py {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    if text.trim().is_empty() { Value::Null } else { serde_json::from_str(&text).expect("the script prints JSON") }
}

/// The demo's accounts by what they may see of the map: the team and operations the whole map
/// with names, participants, officials and evaluators code names without the team-only ties,
/// funders and observers nothing.
const READERS: &[(&str, bool)] = &[
    ("amara", true),
    ("jonas", true),
    ("lina", true),
    ("ines", true),
    ("tarek", true),
    ("mira", true),
    ("odile", true),
    ("greta", true),
    ("felix", false),
    ("pavel", false),
];

#[tokio::test(flavor = "multi_thread")]
async fn networkx_and_igraph_read_the_demos_exports_for_every_reader_role() {
    let demo = start_demo();
    let bearer = format!("Bearer {}", demo.tokens["amara"]);
    let listed = request("GET", &format!("{}/api/v1/initiatives", demo.base), &[("authorization", &bearer)], vec![])
        .await
        .text();
    let listed: Value = serde_json::from_str(&listed).unwrap();
    let serin = find_serin(&listed);
    let folder = tempfile::tempdir().unwrap();
    let mut tie_counts = Vec::new();
    for (user, may_read) in READERS {
        let cookie = sign_in(&demo.base, user, &demo.passwords[*user]).await;
        let mut paths = Vec::new();
        let csv = folder.path().join(format!("{user}-csv"));
        std::fs::create_dir_all(&csv).unwrap();
        for (format, file) in [
            ("gexf", folder.path().join(format!("{user}.gexf"))),
            ("graphml", folder.path().join(format!("{user}.graphml"))),
            ("actors-csv", csv.join("actors.csv")),
            ("ties-csv", csv.join("ties.csv")),
        ] {
            let url = format!("{}/initiatives/{serin}/map/export?format={format}", demo.base);
            let answer = request("GET", &url, &[("cookie", &cookie)], vec![]).await;
            if !may_read {
                assert_ne!(answer.status, 200, "{user} downloaded the map as {format}");
                continue;
            }
            assert_eq!(answer.status, 200, "{user} and {format}");
            std::fs::write(&file, &answer.bytes).unwrap();
            if !format.ends_with("csv") {
                paths.push(file);
            }
        }
        if !may_read {
            continue;
        }
        paths.push(csv.clone());
        let args: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
        let read = python(&[&["summarise"], args.as_slice()].concat());
        let expected = &read[csv.to_str().unwrap()]["csv"];
        let ties = expected["ties"].as_array().unwrap();
        assert!(!ties.is_empty() && expected["actors"].as_array().unwrap().len() >= 50, "{user}: {expected}");
        let undirected = ties.iter().filter(|tie| tie[2] == false).count();
        assert!(undirected > 0 && undirected < ties.len(), "{user}: the demo has ties of both kinds");
        assert!(ties.iter().any(|tie| !tie[4].is_null()), "{user}: the demo has dated ties");
        for path in &paths[..2] {
            let by_tool = read[path.to_str().unwrap()].as_object().unwrap();
            for (tool, summary) in by_tool {
                let what = format!("{user}, {} read by {tool}", path.file_name().unwrap().to_string_lossy());
                assert_eq!(summary["directed_graph"], true, "{what}");
                for part in ["actors", "tracks", "ties"] {
                    assert_eq!(summary[part], expected[part], "{what}: {part} differ from the CSV export");
                }
                // GEXF's mutual edges come out of NetworkX as a pair; GraphML has one edge a tie.
                let edges = if path.extension().unwrap() == "gexf" { ties.len() + undirected } else { ties.len() };
                assert_eq!(summary["edges"].as_u64(), Some(edges as u64), "{what}");
                if path.extension().unwrap() == "graphml" {
                    assert_eq!(summary["graph"]["track_scheme"], "imtd9", "{what}");
                }
            }
        }
        tie_counts.push((*user, ties.len()));
    }
    // The view is the reader's: the team's export holds the team-only ties, an official's not.
    let count = |user: &str| tie_counts.iter().find(|(u, _)| *u == user).unwrap().1;
    assert!(count("amara") > count("odile"), "{tie_counts:?}");
    assert_eq!(count("amara"), count("ines"));
}

fn find_serin(listed: &Value) -> String {
    let items = listed.as_array().or_else(|| listed["initiatives"].as_array()).expect("a list of initiatives");
    let serin = items.iter().find(|i| i["title"].as_str().is_some_and(|t| t.contains("Serin"))).unwrap();
    serin["id"].as_str().unwrap().to_owned()
}

/// A new initiative in `store` with the demo's two sides.
fn initiative_with_demo_sides(store: &DemoStore, title: &str) -> String {
    let id = ok(store.tt(&["initiative", "create", "--title", title])).trim().to_owned();
    for side in ["Upper Vale", "Lowland Coast"] {
        ok(store.tt(&["initiative", "add-side", &id, "--name", side]));
    }
    id
}

fn export_csv(store: &DemoStore, initiative: &str, folder: &Path) -> (String, String) {
    ok(store.tt(&["map", "export", initiative, "--format", "csv", "--out", folder.to_str().unwrap()]));
    let read = |name: &str| std::fs::read_to_string(folder.join(name)).unwrap();
    (read("actors.csv"), read("ties.csv"))
}

/// The rows of ties.csv in order, each undirected tie's ends in order (the demo's code names and
/// tie kinds hold no comma, so the first four columns split plainly).
fn ties_as_a_set(text: &str) -> Vec<String> {
    let mut rows: Vec<String> = text
        .lines()
        .skip(1)
        .map(|row| {
            let mut cells: Vec<&str> = row.splitn(5, ',').collect();
            if cells.len() == 5 && cells[3] == "no" && cells[0] > cells[1] {
                cells.swap(0, 1);
            }
            cells.join(",")
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn the_demo_map_comes_back_the_same_through_networkx() {
    let store = DemoStore::new();
    let serin = store.serin();
    let original = export_csv(&store, &serin, &store.env.path("original"));
    for format in ["gexf", "graphml"] {
        let exported = store.env.path(&format!("map.{format}"));
        ok(store.tt(&["map", "export", &serin, "--out", exported.to_str().unwrap()]));
        let rewritten = store.env.path(&format!("networkx.{format}"));
        python(&["rewrite", exported.to_str().unwrap(), rewritten.to_str().unwrap()]);
        let copy = initiative_with_demo_sides(&store, &format!("Through NetworkX ({format})"));
        let imported = ok(store.tt(&[
            "map",
            "import",
            &copy,
            rewritten.to_str().unwrap(),
            "--field",
            "code=code",
            "--track-scheme",
            "imtd9",
        ]));
        assert!(imported.contains("Imported 60 actors") && !imported.contains("unplaced"), "{imported}");
        let back = export_csv(&store, &copy, &store.env.path(&format!("back-{format}")));
        assert_eq!(back.0, original.0, "actors.csv changed through NetworkX's {format}");
        // NetworkX lists edges by their source node, so the ties come back in another order, and
        // an undirected tie from either end.
        assert_eq!(ties_as_a_set(&back.1), ties_as_a_set(&original.1), "ties.csv changed through NetworkX's {format}");
    }
}

#[test]
fn maps_networkx_wrote_import_through_a_mapping_on_the_command_line() {
    let env = Env::new();
    ok(env.tt(&["init"]));
    let id = ok(env.tt(&["initiative", "create", "--title", "Karate"])).trim().to_owned();
    for side in ["Hi", "Officer"] {
        ok(env.tt(&["initiative", "add-side", &id, "--name", side]));
    }
    let folder = env.path("karate");
    std::fs::create_dir_all(&folder).unwrap();
    let written = python(&["karate", folder.to_str().unwrap()]);
    assert_eq!((written["nodes"].as_u64(), written["edges"].as_u64()), (Some(34), Some(78)));
    for file in ["karate.gexf", "karate.graphml"] {
        let path = folder.join(file);
        let path = path.to_str().unwrap();
        // Without a mapping: the file's attributes, a few values each, and how to map them.
        let listed = env.tt(&["map", "import", &id, path]);
        fails_with(&listed, &format!("{path} was not written with tracktwo's field names"));
        let printed = String::from_utf8_lossy(&listed.stdout).into_owned();
        assert!(printed.contains("club (34 values): Mr. Hi | Officer"), "{printed}");
        assert!(printed.contains("Sector") && printed.contains("decision-maker"), "{printed}");
        // Numbered tracks and no scheme: refused whole, the error naming the file given.
        let mapping = [
            "--field",
            "side=club",
            "--field",
            "track=Sector",
            "--value",
            "side:Mr. Hi=Hi",
            "--value",
            "level:=grassroots",
            "--value",
            "kind:=person",
            "--value",
            "tie-kind:=colleague",
        ];
        let before = ok(env.tt(&["map", "coverage", &id]));
        let refused = env.tt(&[&["map", "import", &id, path], &mapping[..]].concat());
        fails_with(&refused, &format!("{path}, line "));
        fails_with(&refused, "track scheme");
        assert_eq!(ok(env.tt(&["map", "coverage", &id])), before, "a refused import changed the map");
        let imported =
            ok(env.tt(&[&["map", "import", &id, path, "--replace", "--track-scheme", "five"], &mapping[..]].concat()));
        assert!(imported.contains("Imported 34 actors and 78 ties"), "{imported}");
        // A third of the members have no sector: unplaced and listed, not refused.
        assert!(imported.contains("11 actors are unplaced"), "{imported}");
        assert!(imported.contains("  2: no track") && imported.contains("  5: no track"), "{imported}");
        assert!(!imported.contains("  3: no"), "{imported}");
        let coverage = ok(env.tt(&["map", "coverage", &id]));
        assert!(coverage.starts_with("34 actors, 78 ties."), "{coverage}");
        // Coverage counts the 23 placed actors only: an unplaced one's stand-in track closes no gap.
        let counted: u32 = coverage
            .lines()
            .filter(|line| line.starts_with("track "))
            .filter_map(|line| line.rsplit_once(": ")?.1.trim().parse::<u32>().ok())
            .sum();
        assert_eq!(counted, 23, "{coverage}");
        // 5 is media in the five-track list, never research.
        assert!(coverage.contains("track 9 (Communications and media), Hi, Grassroots leadership"), "{coverage}");
        assert!(!coverage.contains("track 5 (Research, training and education), Hi, Grassroots leadership: 1"));
    }
    // A malformed file is still refused whole, under its own name.
    let broken = folder.join("broken.graphml");
    std::fs::write(&broken, "<graphml>\n<graph>\n</graphml>\n").unwrap();
    let refused = env.tt(&["map", "import", &id, broken.to_str().unwrap(), "--field", "side=club"]);
    fails_with(&refused, &format!("{}, line 3: malformed XML", broken.display()));
    assert!(!stderr(&refused).contains("map.graphml"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_import_page_maps_a_file_networkx_wrote() {
    let demo = start_demo();
    let folder = tempfile::tempdir().unwrap();
    python(&["karate", folder.path().to_str().unwrap()]);
    let karate = std::fs::read_to_string(folder.path().join("karate.gexf")).unwrap();
    let bearer = format!("Bearer {}", demo.tokens["amara"]);
    let listed = request("GET", &format!("{}/api/v1/initiatives", demo.base), &[("authorization", &bearer)], vec![])
        .await
        .text();
    let serin = find_serin(&serde_json::from_str(&listed).unwrap());
    let cookie = sign_in(&demo.base, "amara", &demo.passwords["amara"]).await;
    let page =
        request("GET", &format!("{}/initiatives/{serin}/map/transfer", demo.base), &[("cookie", &cookie)], vec![])
            .await
            .text();
    let csrf = hidden_csrf(&page);
    let post = |pairs: Vec<(&str, &str)>| {
        let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
        let url = format!("{}/initiatives/{serin}/map/import", demo.base);
        let cookie = cookie.clone();
        async move {
            request("POST", &url, &[("cookie", &cookie), ("content-type", "application/x-www-form-urlencoded")], body)
                .await
        }
    };
    // The first step lists the file's attributes, with a choice per field, and keeps the file
    // in the form.
    let step = post(vec![("csrf", &csrf), ("format", "gexf"), ("file_name", "karate.gexf"), ("file", &karate)]).await;
    assert_eq!(step.status, 200);
    let form = step.text();
    assert!(form.contains("id=\"file-attributes\"") && form.contains("Mr. Hi"), "{form}");
    assert!(form.contains("name=\"map-track\"") && form.contains("<option value=\"Sector\">"), "{form}");
    // The second: the mapping chosen, the map imported, the unplaced listed.
    let values =
        "side:Mr. Hi=Upper Vale\nside:Officer=Lowland Coast\nlevel:=grassroots\nkind:=person\ntie-kind:=colleague";
    let done = post(vec![
        ("csrf", &csrf),
        ("mapped", "yes"),
        ("format", "gexf"),
        ("file_name", "karate.gexf"),
        ("file", &karate),
        ("map-side", "club"),
        ("map-track", "Sector"),
        ("map-name", "label"),
        ("track_scheme", "five"),
        ("values", values),
    ])
    .await;
    let text = done.text();
    assert_eq!(done.status, 200, "{text}");
    assert!(text.contains("34 actors and 78 ties imported"), "{text}");
    let unplaced = text.split("id=\"unplaced\"").nth(1).unwrap_or_default();
    assert!(unplaced.contains("missing:") && unplaced.contains("track"), "{text}");
    let actors = request("GET", &format!("{}/initiatives/{serin}/actors", demo.base), &[("cookie", &cookie)], vec![])
        .await
        .text();
    let to_place = actors.split("id=\"unplaced-actors\"").nth(1).expect("the actor list shows the actors to place");
    let to_place = to_place.split("</section>").next().unwrap();
    let waiting = to_place.matches("<li>").count();
    assert_eq!(waiting, 11, "{to_place}");
    // Placing one: its form saved with a track, it leaves the list.
    let href = to_place.split("href=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    // The team sees "Member 2 (2)": the name, and the code name in brackets.
    let shown = to_place.split("\">").nth(1).unwrap().split('<').next().unwrap();
    let code = shown.rsplit_once('(').unwrap().1.trim_end_matches(')').to_owned();
    assert!(shown.starts_with("Member ") && code.parse::<u32>().is_ok(), "{shown}");
    let place = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("csrf", csrf.as_str()),
            ("kind", "person"),
            ("code_name", code.as_str()),
            ("primary_track", "religion"),
            ("level", "grassroots"),
            ("side", ""),
        ])
        .finish();
    let placed = request(
        "POST",
        &format!("{}{href}", demo.base),
        &[("cookie", &cookie), ("content-type", "application/x-www-form-urlencoded")],
        place,
    )
    .await;
    assert_eq!(placed.status, 303, "{}", placed.text());
    let actors = request("GET", &format!("{}/initiatives/{serin}/actors", demo.base), &[("cookie", &cookie)], vec![])
        .await
        .text();
    let to_place = actors.split("id=\"unplaced-actors\"").nth(1).unwrap().split("</section>").next().unwrap();
    assert_eq!(to_place.matches("<li>").count(), waiting - 1, "{to_place}");
    // Numbers without a scheme: refused, naming the file as the user named it.
    let refused = post(vec![
        ("csrf", &csrf),
        ("mapped", "yes"),
        ("format", "gexf"),
        ("file_name", "karate.gexf"),
        ("file", &karate),
        ("map-track", "Sector"),
        ("values", "tie-kind:=colleague"),
    ])
    .await;
    assert_eq!(refused.status, 422);
    // The file's name as given, set apart from the words around it.
    assert!(refused.text().contains("<bdi>karate.gexf</bdi>, line "), "{}", refused.text());
}
