//! What the command line says to people, in their language: every line meant for a person (a
//! confirmation, a summary, a warning, an error) is a message of `cli.ftl` in `tracktwo-i18n`,
//! formatted in the language chosen once at start (`--language`, `TRACKTWO_LANGUAGE`, the POSIX
//! locale; `Locale::for_command_line`). Machine output (JSON, CSV, identifiers alone on a line,
//! exports) never comes through here, so scripts read the same bytes in every language.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tracktwo_i18n::{Arg, Direction, Locale};

static LOCALE: OnceLock<Locale> = OnceLock::new();

/// Chooses the language of everything said from now on; the first choice stands.
pub(crate) fn choose(locale: Locale) {
    let _ = LOCALE.set(locale);
}

/// The language chosen, English before any choice.
pub(crate) fn locale() -> Locale {
    LOCALE.get().copied().unwrap_or(Locale::English)
}

/// A value a message reads: a number its plural rules see, or text set in it as it is.
pub(crate) enum Value {
    Number(i64),
    Text(String),
}

/// What can be handed to a message as an argument.
pub(crate) trait ToValue {
    fn to_value(&self) -> Value;
}

macro_rules! numbers {
    ($($t:ty),+) => {
        $(impl ToValue for $t {
            fn to_value(&self) -> Value {
                Value::Number(i64::try_from(*self).unwrap_or(i64::MAX))
            }
        })+
    };
}
numbers!(usize, u64, u32, u16, u8, i64, i32);

impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_owned())
    }
}

impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}

impl ToValue for Path {
    fn to_value(&self) -> Value {
        Value::Text(self.display().to_string())
    }
}

impl ToValue for PathBuf {
    fn to_value(&self) -> Value {
        self.as_path().to_value()
    }
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}

/// The message `id` in the chosen language with its arguments.
pub(crate) fn text(id: &str, values: &[(&str, Value)]) -> String {
    text_in(locale(), id, values)
}

/// The message `id` in `locale` with its arguments, as the command line writes them.
pub(crate) fn text_in(locale: Locale, id: &str, values: &[(&str, Value)]) -> String {
    let args: Vec<(&str, Arg<'_>)> = values
        .iter()
        .map(|(name, value)| {
            let arg = match value {
                Value::Number(n) => Arg::Number(*n),
                Value::Text(t) => Arg::Text(t),
            };
            (*name, arg)
        })
        .collect();
    for_terminal(locale, tracktwo_i18n::text_with(locale, id, &args))
}

/// Text made by the messages (a verdict, a text's figures) as the terminal is given it in the
/// chosen language.
pub(crate) fn as_said(text: String) -> String {
    for_terminal(locale(), text)
}

fn for_terminal(locale: Locale, said: String) -> String {
    // The isolates around each argument keep an Arabic sentence's order around a Latin path in
    // a terminal that lays out right-to-left text; in a left-to-right language they would only
    // ride along, unseen, into whatever is copied from the terminal (a path, a password). The
    // pseudo-locales keep them: they tell a test the words of a message from what it was given.
    let marked = matches!(locale, Locale::PseudoAccented | Locale::PseudoRightToLeft);
    if marked || locale.direction() == Direction::RightToLeft {
        said
    } else {
        said.replace(['\u{2068}', '\u{2069}'], "")
    }
}

/// The message `id` of `cli.ftl` in the chosen language: `say!("cli-wrote", path = out)`.
macro_rules! say {
    ($id:literal) => {
        $crate::say::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::say::text($id, &[$((stringify!($name), $crate::say::ToValue::to_value(&$value))),+])
    };
}
pub(crate) use say;

/// An error for people, in the chosen language: `bail!(fail!("cli-not-a-folder", path = dir))`.
macro_rules! fail {
    ($($t:tt)*) => {
        anyhow::Error::msg($crate::say::say!($($t)*))
    };
}
pub(crate) use fail;

/// An error of the use cases as people read it: the same words the pages say for it
/// (`tracktwo_web::refusals`), in the chosen language.
pub(crate) fn app_error(error: &tracktwo_app::AppError) -> String {
    as_said(tracktwo_web::refusals::Refusal::of(error).text(locale()))
}

/// A file of a Pol.is export that cannot be read, as people read it: the same words the
/// workspace's import says for it, in the chosen language.
pub(crate) fn polis_error(error: &tracktwo_polis::PolisError) -> String {
    as_said(tracktwo_web::refusals::Refusal::of_polis(error).text(locale()))
}
