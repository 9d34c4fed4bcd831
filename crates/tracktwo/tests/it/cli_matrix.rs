//! The command line's half of the authorization matrix. Every CLI command acts as the key holder:
//! whoever runs it must unlock the store with its key, and then holds every data key anyway (see
//! ARCHITECTURE.md). So the matrix for the CLI has one identity, and what must hold is that every
//! command that reads or writes data is refused without the right key. The command tree is
//! walked from clap itself: a command missing from the table below fails the test. The same walk
//! checks that every command names the initiative and the record it acts on in the one shape.

use std::collections::BTreeMap;
use std::process::Command;

use clap::CommandFactory;
use tracktwo::cli::Cli;

const BIN: &str = env!("CARGO_BIN_EXE_tracktwo");

/// Every leaf command, and the arguments to run it with (None: it touches no data).
fn table(dir: &std::path::Path) -> BTreeMap<&'static str, Option<Vec<String>>> {
    let file = |name: &str| dir.join(name).display().to_string();
    let uuid = "00000000-0000-4000-8000-000000000000".to_owned();
    BTreeMap::from([
        ("init", Some(vec![])),
        ("serve", Some(vec!["--listen".into(), "127.0.0.1:0".into()])),
        ("demo", Some(vec!["--listen".into(), "127.0.0.1:0".into()])),
        ("backup", Some(vec![file("b.tt2backup")])),
        ("restore", Some(vec![file("good.tt2backup"), "--force".into()])),
        ("keyring export", Some(vec![file("k.tt2keys")])),
        ("audit anchor", Some(vec!["--out".into(), file("anchor")])),
        ("audit verify", Some(vec![])),
        ("export", Some(vec!["--out".into(), file("e.json")])),
        ("user add", Some(vec!["lina".into()])),
        ("user list", Some(vec![])),
        ("user disable", Some(vec!["root".into()])),
        ("user enable", Some(vec!["root".into()])),
        ("user reset-password", Some(vec!["root".into()])),
        ("token create", Some(vec!["--user".into(), "root".into()])),
        ("token list", Some(vec!["--user".into(), "root".into()])),
        ("token revoke", Some(vec![uuid.clone()])),
        ("initiative create", Some(vec!["--title".into(), "T".into()])),
        ("initiative list", Some(vec![])),
        ("initiative add-side", Some(vec![uuid.clone(), "--name".into(), "North".into()])),
        ("initiative destroy", Some(vec![uuid.clone(), "--yes".into()])),
        ("map export", Some(vec![uuid.clone(), "--out".into(), file("map.gexf")])),
        ("map import", Some(vec![uuid.clone(), file("map.gexf")])),
        ("map coverage", Some(vec![uuid.clone()])),
        ("map select", Some(vec![uuid.clone()])),
        ("map ceiling", Some(vec![uuid.clone()])),
        ("outcome list", Some(vec![uuid.clone()])),
        ("report funder", Some(vec![uuid.clone(), "--out".into(), file("r.pdf")])),
        ("report evaluation", Some(vec![uuid.clone(), "--out".into(), file("r.docx")])),
        ("process show", Some(vec![uuid.clone()])),
        ("readout list", Some(vec![uuid.clone()])),
        ("readout traceability", Some(vec![uuid.clone(), uuid.clone()])),
        ("readout copy", Some(vec![uuid.clone(), uuid.clone(), "--out".into(), file("c.pdf")])),
        ("trace", Some(vec![uuid.clone(), uuid.clone(), file("passage.txt")])),
        ("indicators export", Some(vec![uuid.clone(), file("indicators.csv")])),
        ("indicators import", Some(vec![uuid.clone(), file("indicators.csv")])),
        ("conversation list", Some(vec![uuid.clone()])),
        ("conversation create", Some(vec![uuid.clone(), "--title".into(), "T".into()])),
        ("conversation invite", Some(vec![uuid.clone(), uuid.clone(), "--campaign".into()])),
        ("conversation export", Some(vec![uuid.clone(), uuid.clone(), "--out".into(), file("x")])),
        ("conversation import", Some(vec![uuid.clone(), dir.display().to_string(), "--title".into(), "T".into()])),
        ("conversation translations", Some(vec![uuid.clone(), uuid.clone(), file("translations.csv")])),
        ("common-ground analyze", None),
        ("common-ground synth", None),
        ("text list", Some(vec![uuid.clone()])),
        ("text show", Some(vec![uuid.clone(), uuid.clone()])),
        (
            "text compare",
            Some(vec![uuid.clone(), uuid.clone(), "--from".into(), "1".into(), "--to".into(), "2".into()]),
        ),
        ("text export", Some(vec![uuid.clone(), uuid.clone(), "--out".into(), file("t.xml")])),
        ("text import", Some(vec![uuid.clone(), file("t.xml")])),
        ("process summary", Some(vec![uuid.clone(), uuid, "--out".into(), file("s.pdf")])),
    ])
}

fn leaves(command: &clap::Command, prefix: &str, out: &mut Vec<String>) {
    let children: Vec<_> = command.get_subcommands().filter(|c| c.get_name() != "help").collect();
    if children.is_empty() && !prefix.is_empty() {
        out.push(prefix.to_owned());
    }
    for child in children {
        let name =
            if prefix.is_empty() { child.get_name().to_owned() } else { format!("{prefix} {}", child.get_name()) };
        leaves(child, &name, out);
    }
}

fn run(dir: &std::path::Path, key: &std::path::Path, args: &[String]) -> std::process::Output {
    let mut command = Command::new(BIN);
    command.current_dir(dir).arg("--data-dir").arg(dir.join("data")).arg("--key-file").arg(key).args(args);
    for (name, _) in std::env::vars().filter(|(n, _)| n.starts_with("TRACKTWO_")) {
        command.env_remove(name);
    }
    command.output().unwrap()
}

#[test]
fn every_data_command_needs_the_stores_key() {
    let dir = tempfile::tempdir().unwrap();
    let right = dir.path().join("right.key");
    let wrong = dir.path().join("wrong.key");
    std::fs::write(&right, [1u8; 32]).unwrap();
    std::fs::write(&wrong, [2u8; 32]).unwrap();
    let ok = |args: &[&str]| {
        let out = run(dir.path(), &right, &args.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    ok(&["init", "--admin", "root"]);
    ok(&["backup", dir.path().join("good.tt2backup").to_str().unwrap()]);

    let mut commands = Vec::new();
    leaves(&Cli::command(), "", &mut commands);
    let table = table(dir.path());
    let listed: Vec<&str> = table.keys().copied().collect();
    let mut walked = commands.clone();
    walked.sort();
    assert_eq!(walked, listed, "the CLI matrix must list every command");

    for command in &commands {
        let Some(extra) = &table[command.as_str()] else { continue };
        let mut args: Vec<String> = command.split(' ').map(str::to_owned).collect();
        args.extend(extra.iter().cloned());
        let out = run(dir.path(), &wrong, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "`{command}` with the wrong key: {stderr}");
        let refused = stderr.contains("wrong passphrase or key file") || stderr.contains("already initialised");
        assert!(refused, "`{command}` with the wrong key was not refused for it: {stderr}");
    }
    // Nothing was written by the refused commands.
    let listed = run(dir.path(), &right, &["user".into(), "list".into()]);
    let users = String::from_utf8_lossy(&listed.stdout);
    assert_eq!(users.lines().count(), 1, "{users}");
    assert!(!users.contains("disabled"));
}

/// The kind of record an argument names, from its help ("The meeting's id …" names a meeting).
fn record_kind(arg: &clap::Arg) -> Option<String> {
    let help = arg.get_help()?.to_string();
    Some(help.strip_prefix("The ")?.split_once("'s id")?.0.to_owned())
}

/// One shape for the command line: a command acting within an initiative takes it first, as the
/// positional INITIATIVE, and the record it acts on right after, positional and named after its
/// kind; no command takes either as a flag. Arguments are told by their help, so a command added
/// with an `--initiative` flag, or its record before the initiative, fails here.
#[test]
fn every_command_takes_the_initiative_first_and_its_record_next() {
    let mut tree = Cli::command();
    tree.build();
    let mut paths = Vec::new();
    leaves(&tree, "", &mut paths);
    let commands: Vec<(&str, &clap::Command)> = paths
        .iter()
        .map(|path| {
            (path.as_str(), path.split(' ').fold(&tree, |command, name| command.find_subcommand(name).unwrap()))
        })
        .collect();
    let kinds: std::collections::BTreeSet<String> =
        commands.iter().flat_map(|(_, command)| command.get_arguments().filter_map(record_kind)).collect();
    let mut shapes = BTreeMap::new();
    for (path, command) in commands {
        let named: Vec<(String, &clap::Arg)> =
            command.get_arguments().filter_map(|arg| Some((record_kind(arg)?, arg))).collect();
        let in_initiative = named.iter().any(|(kind, _)| kind == "initiative");
        for (kind, arg) in &named {
            let what = format!("`{path}`, the {kind}");
            assert!(arg.is_positional(), "{what}: taken as --{}, not first", arg.get_long().unwrap_or_default());
            let value_names: Vec<String> =
                arg.get_value_names().unwrap_or_default().iter().map(ToString::to_string).collect();
            assert_eq!(value_names, [kind.to_uppercase()], "{what}: named otherwise");
            let place = if kind == "initiative" || !in_initiative { 1 } else { 2 };
            assert_eq!(arg.get_index(), Some(place), "{what}: not where the shape puts it");
        }
        for arg in command.get_arguments().filter(|arg| !arg.is_positional()) {
            let long = arg.get_long().unwrap_or_default();
            assert!(
                !kinds.contains(long),
                "`{path}` takes --{long}: an initiative or a record is given without a flag"
            );
        }
        shapes.insert(path, named.into_iter().map(|(kind, _)| kind).collect::<Vec<_>>());
    }
    // Not a walk over nothing: the commands that act in an initiative are found, with their records.
    for (path, expected) in [
        ("map export", vec!["initiative"]),
        ("process summary", vec!["initiative", "meeting"]),
        ("readout copy", vec!["initiative", "copy"]),
        ("trace", vec!["initiative", "readout"]),
        ("conversation export", vec!["initiative", "conversation"]),
        ("text compare", vec!["initiative", "text"]),
        ("initiative destroy", vec!["initiative"]),
        ("token revoke", vec!["token"]),
    ] {
        assert_eq!(shapes[path], expected, "`{path}`");
    }
}
