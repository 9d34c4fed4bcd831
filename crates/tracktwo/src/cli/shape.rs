//! The one shape of the command line: a command that acts within an initiative takes the
//! initiative first, as the positional INITIATIVE, and the record it acts on right after it,
//! named after the record's kind (CONVERSATION, MEETING, COPY, READOUT). Positional, as most of
//! the tree already was, so that `map`, `process`, `readout`, `trace` and `conversation` read
//! alike and the common case stays short.
//!
//! The conversation commands once took `--initiative` and `--conversation` flags. Scripts that
//! still write them keep working: a command line that does not parse and holds them is read
//! again with their values moved into place, and a note on stderr says what to write instead.

use std::ffi::OsString;
use std::str::FromStr;

use anyhow::Result;
use clap::{CommandFactory, FromArgMatches};
use tracktwo_domain::InitiativeId;

use super::{Cli, help};
use crate::say::{fail, say};

/// The record of `kind` (`"meeting"`, `"copy"`, …) that `text` names.
pub(super) fn id<T: FromStr>(text: &str, kind: &str) -> Result<T> {
    text.parse().map_err(|_| match kind {
        "initiative" => fail!("cli-not-an-initiative-id", text = text),
        "meeting" => fail!("cli-not-a-meeting-id", text = text),
        "conversation" => fail!("cli-not-a-conversation-id", text = text),
        "readout" => fail!("cli-not-a-readout-id", text = text),
        "copy" => fail!("cli-not-a-copy-id", text = text),
        "text" => fail!("cli-not-a-text-id", text = text),
        _ => fail!("cli-not-an-id", text = text),
    })
}

/// The initiative that `text` names.
pub(super) fn initiative(text: &str) -> Result<InitiativeId> {
    id(text, "initiative")
}

/// Parses the process's command line, in the current shape or the old one; exits with the
/// error in the operator's language (code 2) when it is neither. Help, and errors, are in the
/// language the command line asks for, chosen before parsing.
#[must_use]
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let locale = help::language_of(&args);
    crate::say::choose(locale);
    let parsed = |args: &[OsString]| {
        help::in_language(Cli::command(), locale)
            .try_get_matches_from(args)
            .and_then(|matches| Cli::from_arg_matches(&matches))
    };
    match parsed(&args) {
        Ok(cli) => cli,
        Err(error) => match in_current_shape(&args) {
            Some((args, note)) => {
                let cli = parsed(&args).unwrap_or_else(|error| help::exit(&error, locale));
                eprintln!("{}", note.said());
                cli
            }
            None => help::exit(&error, locale),
        },
    }
}

/// The flags of the old form, in the order their values now go.
const OLD_FLAGS: [&str; 2] = ["--initiative", "--conversation"];

/// What a command line of the old form is told: how many of the old flags it gave, and the
/// command line to write instead.
struct Deprecation {
    flags: usize,
    instead: String,
}

impl Deprecation {
    fn said(&self) -> String {
        say!("cli-old-flags", flags = self.flags, command = self.instead)
    }
}

/// A conversation command line of the old form rewritten into the current shape, with the note
/// to print; `None` when it is not of the old form.
fn in_current_shape(args: &[OsString]) -> Option<(Vec<OsString>, Deprecation)> {
    let tree = Cli::command();
    let conversation = tree.find_subcommand("conversation")?;
    let subcommand = args.windows(2).position(|pair| {
        pair[0] == "conversation" && conversation.get_subcommands().any(|c| pair[1] == c.get_name())
    })? + 1;
    let mut rest = args[subcommand + 1..].to_vec();
    let mut moved = Vec::new();
    for flag in OLD_FLAGS {
        match take_flag(&mut rest, flag) {
            Some(value) => moved.push(value),
            // The initiative is named first, so without it nothing can move into place.
            None if moved.is_empty() => return None,
            None => {}
        }
    }
    let written: Vec<String> = moved.iter().map(|value| value.to_string_lossy().into_owned()).collect();
    let note = Deprecation {
        flags: moved.len(),
        instead: format!("tracktwo conversation {} {}", args[subcommand].to_string_lossy(), written.join(" ")),
    };
    let rewritten = args[..=subcommand].iter().cloned().chain(moved).chain(rest).collect();
    Some((rewritten, note))
}

/// Removes `flag VALUE` or `flag=VALUE` (before any `--`) from `args` and returns the value.
fn take_flag(args: &mut Vec<OsString>, flag: &str) -> Option<OsString> {
    let with_equals = format!("{flag}=");
    for at in 0..args.len() {
        let Some(arg) = args[at].to_str() else { continue };
        if arg == "--" {
            return None;
        }
        if arg == flag && at + 1 < args.len() {
            let value = args.remove(at + 1);
            args.remove(at);
            return Some(value);
        }
        if let Some(value) = arg.strip_prefix(&with_equals) {
            let value = OsString::from(value);
            args.remove(at);
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(line: &str) -> Option<String> {
        let args: Vec<OsString> = line.split(' ').map(OsString::from).collect();
        in_current_shape(&args).map(|(args, _)| args.iter().map(|a| a.to_string_lossy()).collect::<Vec<_>>().join(" "))
    }

    #[test]
    fn the_old_flags_move_to_the_front_in_the_order_of_the_shape() {
        assert_eq!(
            rewritten("tt --data-dir d conversation export --out x --conversation C --initiative I").as_deref(),
            Some("tt --data-dir d conversation export I C --out x")
        );
        assert_eq!(
            rewritten("tt conversation import --initiative=I dir --title T").as_deref(),
            Some("tt conversation import I dir --title T")
        );
    }

    #[test]
    fn only_a_conversation_command_naming_its_initiative_by_flag_is_rewritten() {
        assert_eq!(rewritten("tt conversation export I --conversation C --out x"), None);
        assert_eq!(rewritten("tt map export --initiative I --out x"), None);
        assert_eq!(rewritten("tt conversation create I --title -- --initiative"), None);
    }
}
