//! The command line in the operator's language: the same session of commands — a store set up,
//! accounts, a keyring export and a backup, the audit log checked, a refusal and a bad id, a
//! Pol.is export drawn and analysed — run in English and again in Arabic, Russian and French
//! (chosen by `--language`, `TRACKTWO_LANGUAGE` or the POSIX locale). In each language no
//! English message of `cli.ftl` is left in what is said, and the messages rendered by the
//! catalogue are there byte for byte. In the accented pseudo-locale every line said to people
//! carries its marks, so a line printed from an English literal fails here. `--help` (the whole
//! tree's, a command's, a command's arguments), a command line that does not parse, and what an
//! engine found (a map's gaps, a selection's reasons) are held to the same in each language.

use std::path::PathBuf;
use std::process::Output;

use tracktwo_i18n::{Arg, Locale, text_with};

use crate::cli::{Env, stderr, stdout};

/// The English catalogue, whose messages must not show in another language.
const ENGLISH: &str = include_str!("../../../i18n/locales/en/cli.ftl");

/// How a language is asked for.
#[derive(Clone, Copy)]
enum Asked {
    Option(&'static str),
    Variable(&'static str),
    Posix(&'static str),
}

/// What one session said, and what it needs to know to check it.
struct Session {
    /// Everything printed, each command's standard output then its error output.
    said: String,
    /// Each command's exit code, in order.
    codes: Vec<Option<i32>>,
    env: Env,
}

impl Session {
    fn path(&self, name: &str) -> PathBuf {
        self.env.path(name)
    }
}

/// Runs the session's commands in the language asked for.
fn session(asked: Option<Asked>) -> Session {
    let env = Env::new();
    std::fs::write(env.path("ada-password"), "correct horse battery staple\n").unwrap();
    std::fs::write(env.path("bob-password"), "another long passphrase\n").unwrap();
    let (key, data) = (env.path("key"), env.path("data"));
    let (key, data) = (key.to_str().unwrap().to_owned(), data.to_str().unwrap().to_owned());
    let (keyring, backup, synthetic) = (env.path("keyring"), env.path("backup"), env.path("synthetic"));
    let store = ["--data-dir", data.as_str(), "--key-file", key.as_str()];
    let commands: Vec<Vec<&str>> = vec![
        vec!["init", "--admin", "ada", "--admin-password-file", "ada-password"],
        vec!["user", "add", "bob", "--password-file", "bob-password"],
        vec!["user", "disable", "bob"],
        vec!["user", "enable", "bob"],
        vec!["keyring", "export", keyring.to_str().unwrap()],
        vec!["backup", backup.to_str().unwrap()],
        vec!["audit", "verify"],
        vec!["initiative", "destroy", "00000000-0000-0000-0000-000000000000"],
        vec!["map", "coverage", "not-an-id"],
        vec!["common-ground", "synth", "--participants", "40", "--statements", "12", "--groups", "2", "--out"],
        vec!["common-ground", "analyze", synthetic.to_str().unwrap()],
    ];
    let (mut said, mut codes) = (String::new(), Vec::new());
    for mut command in commands {
        if command.last() == Some(&"--out") {
            command.push(synthetic.to_str().unwrap());
        }
        let mut args: Vec<&str> = store.to_vec();
        let mut envs: Vec<(&str, &str)> = Vec::new();
        match asked {
            Some(Asked::Option(tag)) => args.extend(["--language", tag]),
            Some(Asked::Variable(tag)) => envs.push(("TRACKTWO_LANGUAGE", tag)),
            Some(Asked::Posix(locale)) => envs.push(("LANG", locale)),
            None => {}
        }
        args.extend(command);
        let output: Output = env.run(&args, &envs);
        said.push_str(&stdout(&output));
        said.push_str(&stderr(&output));
        codes.push(output.status.code());
    }
    Session { said, codes, env }
}

/// The words of each English message, as they stand between its arguments: the pieces of two
/// words or more, which no data and no other language writes alike.
fn english_pieces() -> Vec<String> {
    let mut pieces = Vec::new();
    for line in ENGLISH.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.is_empty() || line == "}" {
            continue;
        }
        // A message's value, or one variant of a selection.
        let value = match line.split_once(" = ") {
            Some((_, value)) => value,
            None => line.trim_start_matches('*').split_once(']').map_or("", |(_, v)| v),
        };
        let mut piece = String::new();
        let mut depth = 0;
        for c in value.chars() {
            match c {
                '{' => {
                    depth += 1;
                    pieces.push(std::mem::take(&mut piece));
                }
                '}' => depth -= 1,
                c if depth == 0 => piece.push(c),
                _ => {}
            }
        }
        pieces.push(piece);
    }
    pieces
        .into_iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| p.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 2).count() >= 2)
        .collect()
}

/// Text that reads the same to a person with or without Unicode's isolates.
fn bare(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// A message as the command line says it in `locale`: isolates kept in a right-to-left
/// language, where they hold the order of a Latin path, and dropped in the others.
fn rendered(locale: Locale, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let said = text_with(locale, id, args);
    if locale == Locale::Arabic { said } else { bare(&said) }
}

fn check_language(locale: Locale, asked: Asked) {
    let english = session(None);
    let other = session(Some(asked));
    assert_eq!(other.codes, english.codes, "the exit codes are the same in every language");
    assert_eq!(english.codes[7], Some(1), "a destroy without --yes is refused");

    // The English session says what the catalogue says, and the check below has something to find.
    let pieces = english_pieces();
    assert!(pieces.len() > 100, "{}", pieces.len());
    let found_in_english = pieces.iter().filter(|p| english.said.contains(p.as_str())).count();
    assert!(found_in_english >= 15, "only {found_in_english} English messages in: {}", english.said);

    let left: Vec<&String> = pieces.iter().filter(|p| other.said.contains(p.as_str())).collect();
    assert!(left.is_empty(), "{locale:?}: English left in the output: {left:?}\n{}", other.said);

    let expected = [
        rendered(locale, "cli-administrator-created", &[("username", Arg::Text("ada"))]),
        rendered(locale, "cli-keep-the-key", &[]),
        rendered(locale, "cli-account-disabled", &[("username", Arg::Text("bob"))]),
        rendered(locale, "cli-account-enabled", &[("username", Arg::Text("bob"))]),
        rendered(
            locale,
            "cli-keyring-written",
            &[("keys", Arg::Number(1)), ("path", Arg::Text(other.path("keyring").to_str().unwrap()))],
        ),
        rendered(locale, "cli-error", &[("message", Arg::Text(&rendered(locale, "cli-destroy-needs-yes", &[])))]),
        rendered(
            locale,
            "cli-error",
            &[(
                "message",
                Arg::Text(&rendered(locale, "cli-not-an-initiative-id", &[("text", Arg::Text("not-an-id"))])),
            )],
        ),
        rendered(locale, "cli-direction-agree", &[]),
    ];
    for message in expected {
        assert!(other.said.contains(&message), "{locale:?}: `{message}` is not in:\n{}", other.said);
    }
}

#[test]
fn arabic_asked_by_the_option_is_said_in_arabic() {
    check_language(Locale::Arabic, Asked::Option("ar"));
}

#[test]
fn russian_asked_by_the_posix_locale_is_said_in_russian() {
    check_language(Locale::Russian, Asked::Posix("ru_RU.UTF-8"));
}

#[test]
fn french_asked_by_the_variable_is_said_in_french() {
    check_language(Locale::French, Asked::Variable("fr-CA"));
}

/// What is left of a line once the pseudo-locale's bracketed words and the isolated arguments
/// it was given are taken out. An argument that is itself a message (an error's cause) is read
/// as words, so its own English would be found.
fn unmarked(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let (mut left, mut brackets, mut at) = (String::new(), 0usize, 0);
    while at < chars.len() {
        match chars[at] {
            '\u{2068}' => {
                let mut depth = 0;
                let end = (at..chars.len())
                    .find(|&i| {
                        match chars[i] {
                            '\u{2068}' => depth += 1,
                            '\u{2069}' => depth -= 1,
                            _ => {}
                        }
                        depth == 0
                    })
                    .unwrap_or(chars.len() - 1);
                // Data (a name, a path) is skipped; a message given as an argument is read on.
                if !chars[at..=end].contains(&'[') {
                    at = end;
                }
            }
            '\u{2069}' => {}
            '[' => brackets += 1,
            ']' => brackets = brackets.saturating_sub(1),
            c if brackets == 0 => left.push(c),
            _ => {}
        }
        at += 1;
    }
    left
}

#[test]
fn every_line_said_to_people_comes_from_the_messages() {
    let pseudo = session(Some(Asked::Option("en-XA")));
    let english = session(None);
    assert_eq!(pseudo.codes, english.codes);
    let mut lines = 0;
    let mut bad = Vec::new();
    for line in pseudo.said.lines().filter(|l| !l.trim().is_empty()) {
        lines += 1;
        let left = unmarked(line);
        let lowercase_word = left.as_bytes().windows(2).any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_lowercase());
        if lowercase_word {
            bad.push(format!("{line:?} leaves {left:?}"));
        }
    }
    assert!(lines >= 20, "only {lines} lines:\n{}", pseudo.said);
    assert!(bad.is_empty(), "lines not from the messages:\n{}", bad.join("\n"));
    // The check is not blind: English says lowercase words outside any mark.
    assert!(english.said.lines().any(|l| unmarked(l).contains("created")), "{}", english.said);
}

#[test]
fn machine_output_is_the_same_in_every_language() {
    let english = session(None);
    let arabic = session(Some(Asked::Option("ar")));
    // Analysed as JSON, the synthetic export gives the same report whatever the language.
    let json = |s: &Session, language: &str| {
        let folder = s.path("synthetic");
        let output =
            s.env.run(&["--language", language, "common-ground", "analyze", folder.to_str().unwrap(), "--json"], &[]);
        let mut report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
        // What varies from run to run: how long each stage took.
        report.as_object_mut().unwrap().remove("timings_ms");
        report
    };
    assert_eq!(json(&english, "en"), json(&arabic, "ar"));
    // The keyring export and the backup are files for programs: neither is in any language.
    assert!(std::fs::metadata(arabic.path("keyring")).unwrap().len() > 0);
    assert!(std::fs::metadata(arabic.path("backup")).unwrap().len() > 0);
}

/// A refusal of the use cases, said in the operator's language with the pages' own words for it
/// (`tracktwo_web::refusals`): a password too short for an account, refused in Arabic, French
/// and the accented pseudo-locale, with no English of the refusal left.
#[test]
fn a_refusal_is_said_in_the_operators_language() {
    use tracktwo_app::AppError;
    use tracktwo_domain::ValidationError;
    use tracktwo_web::refusals::Refusal;

    let env = Env::new();
    std::fs::write(env.path("ada-password"), "correct horse battery staple\n").unwrap();
    std::fs::write(env.path("short-password"), "too short\n").unwrap();
    let (key, data) = (env.path("key"), env.path("data"));
    let store = ["--data-dir", data.to_str().unwrap(), "--key-file", key.to_str().unwrap()];
    let run = |language: &str, command: &[&str]| {
        let mut args: Vec<&str> = store.to_vec();
        args.extend(["--language", language]);
        args.extend(command);
        env.run(&args, &[])
    };
    assert!(run("en", &["init", "--admin", "ada", "--admin-password-file", "ada-password"]).status.success());
    let refused = AppError::Invalid(ValidationError::TooShort { field: "password", min: 12 });
    for (locale, tag, digits) in [
        (Locale::English, "en", "12"),
        (Locale::Arabic, "ar", "١٢"),
        (Locale::French, "fr", "12"),
        (Locale::PseudoAccented, "en-XA", "12"),
    ] {
        let output = run(tag, &["user", "add", "carol", "--password-file", "short-password"]);
        assert_eq!(output.status.code(), Some(1), "{tag}");
        let said = stderr(&output);
        let refusal = Refusal::of(&refused).text(locale);
        let refusal = if locale.direction() == tracktwo_i18n::Direction::RightToLeft
            || matches!(locale, Locale::PseudoAccented)
        {
            refusal
        } else {
            bare(&refusal)
        };
        let expected = text_with(locale, "cli-error", &[("message", Arg::Text(&refusal))]);
        let expected =
            if matches!(locale, Locale::Arabic | Locale::PseudoAccented) { expected } else { bare(&expected) };
        assert!(said.contains(&expected), "{tag}: `{expected}` is not in:\n{said}");
        assert!(said.contains(digits), "{tag}: {said}");
        if locale != Locale::English {
            for english in ["invalid input", "password must be at least", "characters"] {
                assert!(!unmarked(&said).contains(english) && !said.contains(english), "{tag}: `{english}` in {said}");
            }
        }
    }
}

/// How each language is asked for in the checks below, the pseudo-locale with them.
const ASKED: [(Locale, Asked); 4] = [
    (Locale::Arabic, Asked::Option("ar")),
    (Locale::Russian, Asked::Posix("ru_RU.UTF-8")),
    (Locale::French, Asked::Variable("fr-CA")),
    (Locale::PseudoAccented, Asked::Option("en-XA")),
];

/// Runs `args` in the language asked for, on no store.
fn run_in(env: &Env, asked: Asked, args: &[&str]) -> Output {
    let mut all: Vec<&str> = Vec::new();
    let mut envs: Vec<(&str, &str)> = Vec::new();
    match asked {
        Asked::Option(tag) => all.extend(["--language", tag]),
        Asked::Variable(tag) => envs.push(("TRACKTWO_LANGUAGE", tag)),
        Asked::Posix(locale) => envs.push(("LANG", locale)),
    }
    all.extend(args);
    env.run(&all, &envs)
}

/// A message as a line of help shows it: no isolates (help has no arguments but its own).
fn help_text(locale: Locale, id: &str) -> String {
    bare(&tracktwo_i18n::text(locale, id))
}

#[test]
fn help_and_parse_errors_are_in_the_language_asked_for() {
    let env = Env::new();
    let english = ok_stdout(&env.run(&["--help"], &[]));
    assert!(english.contains("Usage:") && english.contains("Manage accounts"), "{english}");
    for (locale, asked) in ASKED {
        // The whole tree's help, a command's, and one command's arguments.
        let top = ok_stdout(&run_in(&env, asked, &["--help"]));
        let map = ok_stdout(&run_in(&env, asked, &["map", "--help"]));
        let select = ok_stdout(&run_in(&env, asked, &["map", "select", "--help"]));
        for (help, ids) in [
            (&top, &["cli-help-usage", "cli-help-commands", "cli-help-options", "help-user", "help-arg-help"][..]),
            (&map, &["cli-help-usage", "help-map-coverage", "help-map-select"][..]),
            (&select, &["cli-help-arguments", "help-map-select"][..]),
        ] {
            for id in ids {
                let said = help_text(locale, id);
                assert!(help.contains(&said), "{locale:?}: `{said}` ({id}) is not in:\n{help}");
            }
            // ("Options" and "Arguments" are French too.)
            for english in ["Usage:", "Commands:", "Print help", "Manage accounts", "the gaps"] {
                assert!(!help.contains(english), "{locale:?}: `{english}` left in:\n{help}");
            }
        }

        // A command line that does not parse: said in the language, the word at fault set apart.
        let refused = run_in(&env, asked, &["map", "select", "--bogus"]);
        assert_eq!(refused.status.code(), Some(2));
        let said = stderr(&refused);
        let unknown =
            tracktwo_i18n::text_with(locale, "cli-parse-unknown-argument", &[("argument", Arg::Text("--bogus"))]);
        let unknown = if matches!(locale, Locale::Arabic | Locale::PseudoAccented) { unknown } else { bare(&unknown) };
        assert!(said.contains(&unknown), "{locale:?}: `{unknown}` is not in:\n{said}");
        assert!(said.contains(&help_text(locale, "cli-help-usage")), "{locale:?}: {said}");
        // ("[OPTIONS]" is French as well.)
        let options = if locale == Locale::French { "Usage:" } else { "[OPTIONS]" };
        for english in ["error:", "unexpected argument", "Usage:", "For more information", options] {
            assert!(!said.contains(english), "{locale:?}: `{english}` left in:\n{said}");
        }
        let invalid = run_in(&env, asked, &["map", "select", "x", "--invitees", "many"]);
        assert_eq!(invalid.status.code(), Some(2));
        // The placeholder of the value is in the language too.
        let placeholder = bare(&tracktwo_i18n::text(locale, "cli-value-invitees"));
        let argument = format!("--invitees <{placeholder}>");
        let value = tracktwo_i18n::text_with(
            locale,
            "cli-parse-invalid-value",
            &[("value", Arg::Text("many")), ("argument", Arg::Text(&argument))],
        );
        let value = if matches!(locale, Locale::Arabic | Locale::PseudoAccented) { value } else { bare(&value) };
        assert!(stderr(&invalid).contains(&value), "{locale:?}: `{value}` is not in:\n{}", stderr(&invalid));
    }
}

fn ok_stdout(output: &Output) -> String {
    assert!(output.status.success(), "{}\n{}", stdout(output), stderr(output));
    stdout(output)
}

/// A store with an initiative of two sides and a small map, for the commands that report what
/// an engine found.
fn mapped() -> (Env, String) {
    let env = Env::new();
    crate::cli::ok(env.tt(&["init"]));
    let initiative = crate::cli::ok(env.tt(&["initiative", "create", "--title", "Map one"])).trim().to_owned();
    for side in ["North", "South"] {
        crate::cli::ok(env.tt(&["initiative", "add-side", &initiative, "--name", side]));
    }
    let folder = env.path("map");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("actors.csv"),
        "code,name,kind,primary_track,tracks,level,side,role,decision_maker,notes\n\
         N-1,Secret Name One,person,1,,top,North,minister,yes,\n\
         N-2,Secret Name Two,person,5,2,middle,North,,no,\n\
         S-1,Secret Name Three,person,7,,middle,South,,no,\n",
    )
    .unwrap();
    std::fs::write(
        folder.join("ties.csv"),
        "from,to,kind,directed,strength,valid_from,valid_until,notes\nN-2,N-1,advises,,4,2024-01-01,,\n\
         S-1,N-2,trusted-contact,,3,2025-09-15,,\n",
    )
    .unwrap();
    crate::cli::ok(env.tt(&["map", "import", &initiative, folder.to_str().unwrap()]));
    (env, initiative)
}

#[test]
fn what_an_engine_found_is_said_in_the_language_asked_for() {
    let (env, initiative) = mapped();
    let store = |asked: Option<Asked>, args: &[&str]| {
        let mut all = vec!["--data-dir", "data", "--key-file", "key"];
        let mut envs = Vec::new();
        match asked {
            Some(Asked::Option(tag)) => all.extend(["--language", tag]),
            Some(Asked::Variable(tag)) => envs.push(("TRACKTWO_LANGUAGE", tag)),
            Some(Asked::Posix(locale)) => envs.push(("LANG", locale)),
            None => {}
        }
        all.extend(args);
        ok_stdout(&env.run(&all, &envs))
    };
    let english_coverage = store(None, &["map", "coverage", &initiative]);
    assert!(english_coverage.contains("gap: South has no actor on track 1 (Government)"), "{english_coverage}");
    let english_selection = store(None, &["map", "select", &initiative, "--invitees", "2"]);
    assert!(english_selection.contains("not available") || english_selection.contains("not in the registry"));
    for (locale, asked) in ASKED {
        let coverage = store(Some(asked), &["map", "coverage", &initiative]);
        let selection = store(Some(asked), &["map", "select", &initiative, "--invitees", "2"]);
        let said = format!("{coverage}{selection}");
        for english in ["has no actor", "not in the registry", "Chosen because", "Government", "chosen to keep"] {
            assert!(!said.contains(english), "{locale:?}: `{english}` left in:\n{said}");
        }
        let government = tracktwo_i18n::text(locale, "track-government");
        let gap = tracktwo_i18n::text_with(
            locale,
            "map-gap-track",
            &[("side", Arg::Text("South")), ("number", Arg::count(1)), ("name", Arg::Text(&government))],
        );
        assert!(bare(&coverage).contains(&bare(&gap)), "{locale:?}: `{gap}` is not in:\n{coverage}");
        if locale == Locale::PseudoAccented {
            let bad: Vec<&str> = said
                .lines()
                .filter(|l| !l.trim().is_empty())
                .filter(|l| {
                    let left = unmarked(l);
                    left.as_bytes().windows(2).any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_lowercase())
                })
                .collect();
            assert!(bad.is_empty(), "lines not from the messages:\n{}", bad.join("\n"));
        }
    }
}
