//! The command line's own words in the operator's language: `--help` (every command's about,
//! every argument's help, the headings) and the errors of a command line that does not parse.
//! clap writes both in English; here the command tree built by the derive is walked and each
//! text replaced by a message of `help.ftl`, keyed by the command's path and the argument's id:
//! `help-map-select` is what `tracktwo map select` does, `help-map-select-arg-invitees` its
//! `--invitees`, `help-arg-language` the global `--language`. A test holds every command and
//! argument of the tree to its message, so a new one cannot show up in English.
//!
//! The language is chosen before parsing (`--language` read from the raw arguments, then the
//! environment; [`Locale::for_command_line`]), since the help is printed while parsing.

use std::ffi::OsString;

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, Command};
use tracktwo_i18n::{Arg as MessageArg, Locale, text, text_with};

use crate::say::{Value, text_in};

/// The language asked for with `--language` on the raw command line, before clap reads it.
#[must_use]
pub(crate) fn language_asked(args: &[OsString]) -> Option<String> {
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        if arg == "--language" {
            return rest.next().and_then(|value| value.to_str()).map(str::to_owned);
        }
        if let Some(value) = arg.strip_prefix("--language=") {
            return Some(value.to_owned());
        }
    }
    None
}

/// The language of the command line itself: `--language`, then `TRACKTWO_LANGUAGE`, then the
/// POSIX locale.
#[must_use]
pub(crate) fn language_of(args: &[OsString]) -> Locale {
    Locale::for_command_line(language_asked(args).as_deref(), |name| std::env::var(name).ok())
}

/// The message that says what the command at `path` does (the names of the commands below
/// `tracktwo`; none for `tracktwo` itself).
fn command_message(path: &[String]) -> String {
    // The `help` command itself, under `tracktwo` or under a command with subcommands.
    if path.last().is_some_and(|name| name == "help") {
        return "help-command-help".to_owned();
    }
    // Below it, clap keeps a copy of the tree, for `help map select`: each copy says what the
    // command it stands for does.
    let names: Vec<&str> = path.iter().map(String::as_str).filter(|name| *name != "help").collect();
    if names.is_empty() { "help-tracktwo".to_owned() } else { format!("help-{}", names.join("-")) }
}

/// Whether `path` goes through clap's `help` command rather than commands of ours only.
fn is_help_command(path: &[String]) -> bool {
    path.iter().any(|name| name == "help")
}

/// The message of an argument: a global one (and clap's `--help` and `--version`) has one
/// message wherever it shows; any other is its command's.
fn argument_message(path: &[String], arg: &Arg) -> String {
    let id = arg.get_id().as_str().replace('_', "-");
    if arg.is_global_set() || id == "help" || id == "version" || is_help_command(path) {
        format!("help-arg-{id}")
    } else if path.is_empty() {
        format!("help-tracktwo-arg-{id}")
    } else {
        format!("help-{}-arg-{id}", path.join("-"))
    }
}

/// `path` and the command `name` below it.
fn below(path: &[String], name: &str) -> Vec<String> {
    path.iter().cloned().chain(std::iter::once(name.to_owned())).collect()
}

/// The tree of commands with its words in `locale`. Built first, so that clap's own `--help`,
/// `--version` and `help` command, and the global arguments copied into each command, are
/// there to be translated.
#[must_use]
pub(crate) fn in_language(mut command: Command, locale: Locale) -> Command {
    command.build();
    let long = text(locale, "help-tracktwo-long");
    localise(command, &[], locale).long_about(long)
}

fn localise(command: Command, path: &[String], locale: Locale) -> Command {
    let usage = text(locale, "cli-help-usage");
    let template = format!("{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}");
    let command = command
        .about(text(locale, &command_message(path)))
        .long_about(None)
        .help_template(template)
        .subcommand_help_heading(text(locale, "cli-help-commands"))
        .mut_args(|arg| localise_argument(arg, path, locale))
        .mut_subcommands(|sub| {
            let path = below(path, sub.get_name());
            localise(sub, &path, locale)
        });
    let usage = usage_line(&command, path, locale);
    command.override_usage(usage)
}

/// `words` without the isolates a message puts around its arguments: clap lays help out by
/// width, and an unseen mark would count.
fn bare(words: &str) -> String {
    words.replace(['\u{2068}', '\u{2069}'], "")
}

/// The message naming the value a placeholder such as `FILE` or `INVITEES` stands for.
fn value_message(value_name: &str) -> String {
    let words: Vec<String> = value_name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    format!("cli-value-{}", words.join("-"))
}

/// The placeholders of an argument's values, as its help shows them (already in the
/// operator's language once [`localise_argument`] has run).
fn placeholders(arg: &Arg) -> String {
    let names: Vec<String> = match arg.get_value_names() {
        Some(names) => names.iter().map(ToString::to_string).collect(),
        None => vec![arg.get_id().as_str().to_uppercase()],
    };
    names.join(" ")
}

/// clap's usage line (`tracktwo map select [OPTIONS] --invitees <N> <FILE>`) with its
/// placeholders in `locale`: clap writes `[OPTIONS]` and `<COMMAND>` itself, in English.
fn usage_line(command: &Command, path: &[String], locale: Locale) -> String {
    let mut parts: Vec<String> = std::iter::once("tracktwo".to_owned()).chain(path.iter().cloned()).collect();
    let takes_values = |arg: &Arg| arg.get_action().takes_values();
    let options: Vec<&Arg> = command.get_arguments().filter(|arg| !arg.is_positional() && !arg.is_hide_set()).collect();
    if options.iter().any(|arg| !arg.is_required_set()) {
        parts.push(format!("[{}]", text(locale, "cli-usage-options")));
    }
    for option in options.iter().filter(|arg| arg.is_required_set()) {
        let flag = option
            .get_long()
            .map(|long| format!("--{long}"))
            .or_else(|| option.get_short().map(|short| format!("-{short}")))
            .unwrap_or_default();
        parts.push(if takes_values(option) { format!("{flag} <{}>", placeholders(option)) } else { flag });
    }
    for positional in command.get_positionals().filter(|arg| !arg.is_hide_set()) {
        let many = positional.get_num_args().is_some_and(|n| n.max_values() > 1);
        let names = placeholders(positional);
        let shown = if positional.is_required_set() { format!("<{names}>") } else { format!("[{names}]") };
        parts.push(if many { format!("{shown}...") } else { shown });
    }
    if command.has_subcommands() {
        let name = text(locale, "cli-usage-command");
        parts.push(if command.is_subcommand_required_set() { format!("<{name}>") } else { format!("[{name}]") });
    }
    bare(&parts.join(" "))
}

fn localise_argument(arg: Arg, path: &[String], locale: Locale) -> Arg {
    let mut help = text(locale, &argument_message(path, &arg));
    // clap would add "[default: …]" and "[possible values: …]" in English: said here instead.
    let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    let shown_default =
        !arg.is_hide_default_value_set() && !defaults.is_empty() && arg.get_num_args().is_none_or(|n| n.takes_values());
    if shown_default && defaults.iter().any(|d| !d.is_empty()) {
        help.push(' ');
        help.push_str(&text_with(locale, "cli-help-default", &[("value", MessageArg::Text(&defaults.join(", ")))]));
    }
    let possible: Vec<String> =
        arg.get_possible_values().iter().filter(|v| !v.is_hide_set()).map(|v| v.get_name().to_owned()).collect();
    if !possible.is_empty() && !arg.is_hide_possible_values_set() {
        help.push(' ');
        help.push_str(&text_with(locale, "cli-help-possible", &[("values", MessageArg::Text(&possible.join(", ")))]));
    }
    let heading = if arg.is_positional() { "cli-help-arguments" } else { "cli-help-options" };
    let help = bare(&help);
    let arg = if arg.get_action().takes_values() {
        let names: Vec<String> =
            placeholders(&arg).split(' ').map(|name| bare(&text(locale, &value_message(name)))).collect();
        arg.value_names(names)
    } else {
        arg
    };
    arg.help(help)
        .long_help(None)
        .hide_default_value(true)
        .hide_possible_values(true)
        .help_heading(text(locale, heading))
}

/// The message `id` in `locale`, its arguments words of the command line.
fn said(locale: Locale, id: &str, values: &[(&str, &str)]) -> String {
    let values: Vec<(&str, Value)> = values.iter().map(|(name, v)| (*name, Value::Text((*v).to_owned()))).collect();
    text_in(locale, id, &values)
}

/// What clap found wrong with the command line, in the operator's language: the error, the
/// offending word set apart, the usage, and where to read more.
#[must_use]
pub(crate) fn error_said(error: &clap::Error, locale: Locale) -> String {
    let context = |kind: ContextKind| error.get(kind).map(ToString::to_string).unwrap_or_default();
    let argument = context(ContextKind::InvalidArg);
    let argument = argument.as_str();
    let message = match error.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = context(ContextKind::InvalidValue);
            // A value our own parser refused carries its reason (a period that ends before it
            // starts); a number that is no number needs none, and the standard library's would
            // be English.
            let reason = std::error::Error::source(error)
                .filter(|source| !source.is::<std::num::ParseIntError>() && !source.is::<std::num::ParseFloatError>())
                .map(ToString::to_string)
                .unwrap_or_default();
            let mut message = if reason.is_empty() {
                said(locale, "cli-parse-invalid-value", &[("value", &value), ("argument", argument)])
            } else {
                said(
                    locale,
                    "cli-parse-invalid-value-because",
                    &[("value", &value), ("argument", argument), ("reason", &reason)],
                )
            };
            let valid = context(ContextKind::ValidValue);
            if !valid.is_empty() {
                message = format!("{message}\n  {}", said(locale, "cli-parse-possible-values", &[("values", &valid)]));
            }
            message
        }
        ErrorKind::UnknownArgument => said(locale, "cli-parse-unknown-argument", &[("argument", argument)]),
        ErrorKind::InvalidSubcommand => {
            said(locale, "cli-parse-unknown-command", &[("command", &context(ContextKind::InvalidSubcommand))])
        }
        ErrorKind::MissingRequiredArgument => said(locale, "cli-parse-missing-argument", &[("argument", argument)]),
        ErrorKind::MissingSubcommand => {
            said(locale, "cli-parse-missing-command", &[("command", &context(ContextKind::InvalidSubcommand))])
        }
        ErrorKind::ArgumentConflict => {
            said(locale, "cli-parse-conflict", &[("argument", argument), ("other", &context(ContextKind::PriorArg))])
        }
        ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            said(locale, "cli-parse-wrong-values", &[("argument", argument)])
        }
        ErrorKind::InvalidUtf8 => said(locale, "cli-parse-invalid-utf8", &[]),
        _ => said(locale, "cli-parse-failed", &[]),
    };
    let suggestion = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
        .into_iter()
        .map(context)
        .find(|s| !s.is_empty());
    let mut lines = vec![said(locale, "cli-parse-error", &[("error", &message)])];
    if let Some(suggestion) = suggestion {
        lines.push(format!("  {}", said(locale, "cli-parse-did-you-mean", &[("suggestion", &suggestion)])));
    }
    let usage = context(ContextKind::Usage);
    if let Some(usage) = usage.trim().strip_prefix("Usage:") {
        lines.push(String::new());
        lines.push(format!("{} {}", text(locale, "cli-help-usage"), usage.trim()));
    }
    lines.push(String::new());
    lines.push(text(locale, "cli-parse-more"));
    lines.join("\n")
}

/// Ends the process as clap would for `error`: help and version printed as asked, anything else
/// said on standard error in `locale`, with code 2.
pub(crate) fn exit(error: &clap::Error, locale: Locale) -> ! {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            error.exit()
        }
        _ => {
            eprintln!("{}", error_said(error, locale));
            std::process::exit(error.exit_code())
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    /// Every message the tree asks for, with the English clap would have shown.
    fn wanted(command: &Command, path: &[String], into: &mut Vec<(String, String)>) {
        let about = command.get_about().map(ToString::to_string).unwrap_or_default();
        into.push((command_message(path), about));
        for arg in command.get_arguments() {
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            into.push((argument_message(path, arg), help));
            if arg.get_action().takes_values() {
                for name in placeholders(arg).split(' ') {
                    into.push((value_message(name), name.to_owned()));
                }
            }
        }
        for sub in command.get_subcommands() {
            wanted(sub, &below(path, sub.get_name()), into);
        }
    }

    #[test]
    fn every_command_and_argument_has_its_words_in_every_language() {
        let mut tree = Cli::command();
        tree.build();
        let mut ids = Vec::new();
        wanted(&tree, &[], &mut ids);
        ids.sort();
        ids.dedup_by(|a, b| a.0 == b.0);
        assert!(ids.len() > 100, "{}", ids.len());
        let missing: Vec<String> = ids
            .iter()
            .filter(|(id, _)| !tracktwo_i18n::has_message(id))
            .map(|(id, english)| format!("{id} = {english}"))
            .collect();
        assert!(missing.is_empty(), "missing messages:\n{}", missing.join("\n"));
        // Every shipped language has every English message (the catalogue's own check).
        let problems = tracktwo_i18n::catalogue_problems();
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn the_help_is_in_the_language_chosen() {
        for locale in [Locale::French, Locale::PseudoAccented] {
            let mut tree = in_language(Cli::command(), locale);
            let help = tree.render_help().to_string();
            // ("Options" is French too.)
            assert!(!help.contains("Usage:") && !help.contains("Commands:") && !help.contains("Print help"), "{help}");
            assert!(help.contains(&format!("{}:", text(locale, "cli-help-options"))), "{help}");
            assert!(help.contains(&text(locale, "help-user")), "{help}");
            let map = tree.find_subcommand_mut("map").expect("map");
            let help = map.render_help().to_string();
            assert!(
                help.contains(&text(locale, "help-map-coverage")) && help.contains(&text(locale, "help-arg-help")),
                "{help}"
            );
        }
    }

    /// Every usage line and argument of the tree, as `--help` shows them.
    fn every_help(command: &mut Command, into: &mut Vec<String>) {
        into.push(command.render_help().to_string());
        for sub in command.get_subcommands_mut() {
            every_help(sub, into);
        }
    }

    #[test]
    fn the_usage_lines_and_placeholders_are_in_the_language_chosen() {
        for locale in [Locale::PseudoAccented, Locale::Arabic, Locale::Russian] {
            let mut helps = Vec::new();
            every_help(&mut in_language(Cli::command(), locale), &mut helps);
            assert!(helps.len() > 50, "{}", helps.len());
            for help in &helps {
                // clap's own placeholders are upper-case English between brackets: none is left.
                let english = help.match_indices(['<', '[']).find(|(at, _)| {
                    let word: String =
                        help[at + 1..].chars().take_while(|c| c.is_ascii_uppercase() || *c == '_').collect();
                    word.len() > 1 && help[at + 1 + word.len()..].starts_with(['>', ']'])
                });
                assert!(
                    english.is_none(),
                    "{locale:?}: {:?} in\n{help}",
                    english.map(|(at, _)| help[at..].chars().take(20).collect::<String>())
                );
                assert!(help.contains(&format!("{} tracktwo", text(locale, "cli-help-usage"))), "{help}");
            }
            let usage = |path: &[&str]| {
                let mut tree = in_language(Cli::command(), locale);
                let mut command = &mut tree;
                for name in path {
                    command = command.find_subcommand_mut(name).expect("a command of the tree");
                }
                command.render_usage().to_string()
            };
            let options = format!("[{}]", text(locale, "cli-usage-options"));
            let top = usage(&[]);
            assert!(top.contains(&options) && top.contains(&text(locale, "cli-usage-command")), "{top}");
            let select = usage(&["map", "select"]);
            assert!(select.contains("tracktwo map select") && select.contains(&options), "{select}");
        }
    }

    /// Each command's usage line as clap writes it, and as [`usage_line`] writes it in English.
    fn both_usages(command: &mut Command, path: &[String], into: &mut Vec<(String, String)>) {
        let clap = command.render_usage().to_string();
        let clap = clap.trim().strip_prefix("Usage:").unwrap_or(&clap).trim().to_owned();
        into.push((clap, usage_line(command, path, Locale::English)));
        for sub in command.get_subcommands_mut() {
            let path = below(path, sub.get_name());
            both_usages(sub, &path, into);
        }
    }

    #[test]
    fn in_english_the_usage_lines_are_claps_own() {
        let mut tree = Cli::command();
        tree.build();
        let mut usages = Vec::new();
        both_usages(&mut tree, &[], &mut usages);
        assert!(usages.len() > 50, "{}", usages.len());
        let differ: Vec<String> =
            usages.iter().filter(|(clap, ours)| clap != ours).map(|(clap, ours)| format!("{clap}\n{ours}\n")).collect();
        assert!(differ.is_empty(), "{}", differ.join("\n"));
    }

    #[test]
    fn a_missing_argument_shows_the_usage_in_the_language_chosen() {
        let tree = in_language(Cli::command(), Locale::PseudoAccented);
        let error = tree.try_get_matches_from(["tracktwo", "map", "select", "--bogus"]).unwrap_err();
        let said = error_said(&error, Locale::PseudoAccented);
        assert!(said.contains(&text(Locale::PseudoAccented, "cli-usage-options")), "{said}");
        assert!(!said.contains("COMMAND") && !said.contains("OPTIONS"), "{said}");
    }

    #[test]
    fn language_is_read_from_the_raw_arguments() {
        let args = |line: &str| line.split(' ').map(OsString::from).collect::<Vec<_>>();
        assert_eq!(language_asked(&args("tracktwo --language ar map --help")).as_deref(), Some("ar"));
        assert_eq!(language_asked(&args("tracktwo map --language=ru")).as_deref(), Some("ru"));
        assert_eq!(language_asked(&args("tracktwo map -- --language ru")), None);
    }

    #[test]
    fn a_parse_error_is_said_in_the_language_chosen_with_the_word_set_apart() {
        let tree = in_language(Cli::command(), Locale::PseudoAccented);
        let error = tree.try_get_matches_from(["tracktwo", "map", "--bogus"]).unwrap_err();
        let said = error_said(&error, Locale::PseudoAccented);
        assert!(said.contains("\u{2068}--bogus\u{2069}"), "{said}");
        assert!(!said.contains("Usage:") && !said.contains("unexpected"), "{said}");
    }
}
