//! The compiled-in bundles, one per locale, and formatting a message with its arguments.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::catalogue::sources;
use crate::locale::Locale;

type Bundle = FluentBundle<FluentResource>;

/// An argument of a message: a number (which plural rules read) or text (a name, a title —
/// never transformed by a pseudo-locale, and set apart from the words around it by Unicode
/// isolates, so an Arabic name in an English sentence keeps its order, and the reverse).
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Number(i64),
    Text(&'a str),
}

impl Arg<'_> {
    /// A count of anything; one too large for the messages reads as the largest they take.
    pub fn count(n: impl TryInto<i64>) -> Self {
        Arg::Number(n.try_into().unwrap_or(i64::MAX))
    }
}

fn accented(text: &str) -> Cow<'_, str> {
    Cow::Owned(format!("[{}]", fluent_pseudo::transform(text, false, true)))
}

fn flipped(text: &str) -> Cow<'_, str> {
    Cow::Owned(format!("[{}]", fluent_pseudo::transform(text, true, false)))
}

/// `text` as `locale` shows its messages: transformed in a pseudo-locale, as it is elsewhere.
pub(crate) fn pseudo(locale: Locale, text: &str) -> String {
    match locale {
        Locale::PseudoAccented => accented(text).into_owned(),
        Locale::PseudoRightToLeft => flipped(text).into_owned(),
        _ => text.to_owned(),
    }
}

/// A number argument of a message, as the bundle's locale writes it (see [`crate::format`]):
/// the digits, grouping and separators of its language, which Fluent alone leaves bare.
fn number_in<const LOCALE: usize, M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else { return None };
    let options = &number.options;
    // As many digits as the message asks for, else as the value has: a count shows none.
    let digits = options
        .minimum_fraction_digits
        .or(options.maximum_fraction_digits)
        .unwrap_or_else(|| crate::format::fraction_digits_of(number.value));
    Some(Locale::ALL[LOCALE].message_number(number.value, digits, options.use_grouping))
}

fn bundle(locale: Locale) -> Bundle {
    // The pseudo-locales are English, transformed.
    let source = match locale {
        Locale::PseudoAccented | Locale::PseudoRightToLeft => Locale::English,
        other => other,
    };
    let mut bundle = FluentBundle::new_concurrent(vec![locale.language_identifier()]);
    for (_, text) in sources(source) {
        // A file that does not parse is reported by `catalogue_problems`; what parsed is kept.
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(partial, _)| partial);
        // Same for an identifier defined twice: the first stands.
        let _ = bundle.add_resource(resource);
    }
    // Text arguments are isolated here, one by one (see `text_with`); numbers need no isolating,
    // and a number wrapped in isolates is no longer a number to whoever copies it.
    bundle.set_use_isolating(false);
    match locale {
        Locale::PseudoAccented => bundle.set_transform(Some(accented)),
        Locale::PseudoRightToLeft => bundle.set_transform(Some(flipped)),
        _ => {}
    }
    bundle.set_formatter(Some(match locale {
        Locale::English => number_in::<0, _>,
        Locale::Arabic => number_in::<1, _>,
        Locale::Russian => number_in::<2, _>,
        Locale::French => number_in::<3, _>,
        Locale::PseudoAccented => number_in::<4, _>,
        Locale::PseudoRightToLeft => number_in::<5, _>,
    }));
    bundle
}

fn bundles() -> &'static [(Locale, Bundle)] {
    static BUNDLES: OnceLock<Vec<(Locale, Bundle)>> = OnceLock::new();
    BUNDLES.get_or_init(|| Locale::ALL.into_iter().map(|l| (l, bundle(l))).collect())
}

fn format(locale: Locale, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let (_, bundle) = bundles().iter().find(|(l, _)| *l == locale)?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// Whether English (and so, by [`crate::catalogue_problems`], every shipped language) has the
/// message `id`: for the checks that every identifier a page asks for exists.
#[must_use]
pub fn has_message(id: &str) -> bool {
    bundles().iter().any(|(l, b)| *l == Locale::English && b.has_message(id))
}

/// The message `id` in `locale`, with no arguments.
#[must_use]
pub fn text(locale: Locale, id: &str) -> String {
    text_with(locale, id, &[])
}

/// The message `id` in `locale` with its arguments. A message missing in the locale (or
/// failing to format) is taken from English, and failing that its identifier is shown: a page
/// is never refused for a word.
#[must_use]
pub fn text_with(locale: Locale, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            Arg::Text(t) => fluent_args.set(*name, FluentValue::from(format!("\u{2068}{t}\u{2069}"))),
        }
    }
    format(locale, id, Some(&fluent_args))
        .or_else(|| format(Locale::English, id, Some(&fluent_args)))
        .unwrap_or_else(|| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unicode's first-strong isolate and pop-directional isolate, around every argument.
    fn without_isolates(text: &str) -> String {
        text.replace(['\u{2068}', '\u{2069}'], "")
    }

    #[test]
    fn arabic_counts_take_their_six_forms() {
        let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
            .into_iter()
            .map(|n| without_isolates(&text_with(Locale::Arabic, "count-versions", &[("count", Arg::Number(n))])))
            .collect();
        assert_eq!(forms, ["لا نسخ", "نسخة واحدة", "نسختان", "٣ نسخ", "١١ نسخة", "١٠٠ نسخة"]);
    }

    #[test]
    fn russian_counts_take_few_and_many() {
        let say = |n| without_isolates(&text_with(Locale::Russian, "count-versions", &[("count", Arg::Number(n))]));
        assert_eq!([say(1), say(3), say(5), say(21)], ["1 версия", "3 версии", "5 версий", "21 версия"]);
    }

    #[test]
    fn an_argument_is_isolated_and_never_pseudo_transformed() {
        let title = "مبادرة السلام";
        for locale in Locale::ALL {
            let shown = text_with(locale, "page-title", &[("title", Arg::Text(title))]);
            assert!(shown.contains(&format!("\u{2068}{title}\u{2069}")), "{locale:?}: {shown}");
        }
        let accented = text(Locale::PseudoAccented, "sign-out");
        assert!(accented.starts_with('[') && accented.ends_with(']') && accented != "[Sign out]", "{accented}");
        let flipped = text(Locale::PseudoRightToLeft, "sign-out");
        assert!(flipped.starts_with('[') && !flipped.contains("Sign"), "{flipped}");
    }

    #[test]
    fn a_number_is_shown_bare_in_the_readers_digits() {
        let shown =
            text_with(Locale::Arabic, "ballot-progress", &[("answered", Arg::count(6)), ("remaining", Arg::count(0))]);
        assert!(shown.contains('٦') && !shown.contains('\u{2068}'), "{shown}");
    }

    #[test]
    fn a_number_in_a_message_is_written_as_the_language_writes_numbers() {
        let say = |locale| text_with(locale, "count-versions", &[("count", Arg::count(12_345))]);
        assert!(say(Locale::English).starts_with("12,345 "), "{}", say(Locale::English));
        assert!(say(Locale::French).starts_with("12\u{202F}345 "), "{}", say(Locale::French));
        assert!(say(Locale::Russian).starts_with("12\u{A0}345 "), "{}", say(Locale::Russian));
        assert!(say(Locale::Arabic).contains("١٢٬٣٤٥"), "{}", say(Locale::Arabic));
    }

    #[test]
    fn an_unknown_message_shows_its_identifier_rather_than_failing() {
        assert_eq!(text(Locale::French, "no-such-message"), "no-such-message");
    }
}
