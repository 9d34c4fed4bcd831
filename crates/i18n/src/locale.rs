//! The languages tracktwo speaks, and the choice of one from what a reader asks for.

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

/// Which way a language is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    #[must_use]
    pub fn as_html(self) -> &'static str {
        match self {
            Direction::LeftToRight => "ltr",
            Direction::RightToLeft => "rtl",
        }
    }
}

/// A language tracktwo ships, or one of its pseudo-locales for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Locale {
    English,
    Arabic,
    Russian,
    French,
    /// English accented and lengthened by a third, each string in brackets: what did not come
    /// through the messages shows, and so does a layout that cannot take longer words.
    PseudoAccented,
    /// English flipped and read right to left, each string in brackets: a right-to-left layout
    /// checked by anyone who reads English.
    PseudoRightToLeft,
}

impl Locale {
    /// The languages offered to people.
    pub const SHIPPED: [Locale; 4] = [Locale::English, Locale::Arabic, Locale::Russian, Locale::French];
    /// Every locale, the pseudo-locales with them.
    pub const ALL: [Locale; 6] = [
        Locale::English,
        Locale::Arabic,
        Locale::Russian,
        Locale::French,
        Locale::PseudoAccented,
        Locale::PseudoRightToLeft,
    ];

    /// Its BCP 47 tag, as `lang` attributes and `Accept-Language` write it. The pseudo-locales
    /// use the private tags browsers use for theirs.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Locale::English => "en",
            Locale::Arabic => "ar",
            Locale::Russian => "ru",
            Locale::French => "fr",
            Locale::PseudoAccented => "en-XA",
            Locale::PseudoRightToLeft => "ar-XB",
        }
    }

    #[must_use]
    pub fn direction(self) -> Direction {
        match self {
            Locale::Arabic | Locale::PseudoRightToLeft => Direction::RightToLeft,
            _ => Direction::LeftToRight,
        }
    }

    /// The language's name in itself, for a language switch.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::English => "English",
            Locale::Arabic => "العربية",
            Locale::Russian => "Русский",
            Locale::French => "Français",
            Locale::PseudoAccented => "Ƥşeeuuḓooḿ",
            Locale::PseudoRightToLeft => "ɯopnǝsԀ",
        }
    }

    /// The locale with exactly this tag (case-insensitive), if tracktwo has it.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
    }

    /// The locale whose messages its plural rules and fallbacks come from.
    pub(crate) fn language_identifier(self) -> LanguageIdentifier {
        // The pseudo-locales follow English's grammar.
        let tag = match self {
            Locale::PseudoAccented | Locale::PseudoRightToLeft => "en",
            other => other.tag(),
        };
        tag.parse().unwrap_or_default()
    }

    /// The best locale for an `Accept-Language` header (weights honoured, regions matched to
    /// their language: `fr-CA` gets French); English when nothing asked for is shipped. The
    /// pseudo-locales are chosen only by their exact tags.
    #[must_use]
    pub fn negotiate(accept_language: &str) -> Locale {
        // Best first, by their weights.
        for tag in accept_language::parse(accept_language) {
            if let Some(pseudo) = [Locale::PseudoAccented, Locale::PseudoRightToLeft]
                .into_iter()
                .find(|p| tag.eq_ignore_ascii_case(p.tag()))
            {
                return pseudo;
            }
            let Ok(asked) = tag.parse::<LanguageIdentifier>() else { continue };
            let available: Vec<LanguageIdentifier> = Locale::SHIPPED.iter().map(|l| l.language_identifier()).collect();
            let chosen =
                negotiate_languages(std::slice::from_ref(&asked), &available, None, NegotiationStrategy::Lookup);
            if let Some(found) = chosen.first()
                && let Some(locale) = Locale::SHIPPED.into_iter().find(|l| l.language_identifier() == **found)
            {
                return locale;
            }
        }
        Locale::English
    }

    /// The language of the command line: the `--language` option if given, else
    /// `TRACKTWO_LANGUAGE`, else the POSIX locale of messages (`LC_ALL`, then `LC_MESSAGES`, then
    /// `LANG`: the first one set and not empty decides, as POSIX has it), else English. The
    /// option and `TRACKTWO_LANGUAGE` take a tag or a list of them as `Accept-Language` does
    /// (`ar`, `fr-CA`, `ru, en`); a POSIX locale is written `ru_RU.UTF-8`, and `C` or `POSIX`
    /// ask for no language, so English. Either is negotiated against the shipped languages as a
    /// browser's header is. `variable` reads the environment; it is a parameter so that this
    /// stays pure.
    #[must_use]
    pub fn for_command_line(option: Option<&str>, variable: impl Fn(&str) -> Option<String>) -> Locale {
        let present = |value: &Option<String>| value.as_deref().is_some_and(|v| !v.trim().is_empty());
        if let Some(asked) = option.filter(|o| !o.trim().is_empty()) {
            return Locale::negotiate(asked);
        }
        if let Some(asked) = variable("TRACKTWO_LANGUAGE").filter(|v| !v.trim().is_empty()) {
            return Locale::negotiate(&asked);
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .map(&variable)
            .find(present)
            .flatten()
            .map_or(Locale::English, |posix| Locale::from_posix(&posix))
    }

    /// The shipped language of a POSIX locale name (`language[_territory][.codeset][@modifier]`):
    /// `ru_RU.UTF-8` is Russian, `ar_EG` Arabic, `fr_CA.UTF-8@euro` French; `C`, `POSIX` and a
    /// language tracktwo does not ship are English.
    #[must_use]
    pub fn from_posix(name: &str) -> Locale {
        let name = name.trim();
        let bare = name.split(['.', '@']).next().unwrap_or_default();
        if bare.is_empty() || bare == "C" || bare == "POSIX" {
            return Locale::English;
        }
        Locale::negotiate(&bare.replace('_', "-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reader_gets_the_first_shipped_language_they_ask_for() {
        assert_eq!(Locale::negotiate(""), Locale::English);
        assert_eq!(Locale::negotiate("ar"), Locale::Arabic);
        assert_eq!(Locale::negotiate("fr-CA,fr;q=0.9,en;q=0.8"), Locale::French);
        assert_eq!(Locale::negotiate("de-DE,de;q=0.9,ru;q=0.5,en;q=0.3"), Locale::Russian);
        assert_eq!(Locale::negotiate("en;q=0.2, ar-EG;q=0.9"), Locale::Arabic, "weights decide, not order");
        assert_eq!(Locale::negotiate("zh-TW, ja"), Locale::English, "nothing shipped: English");
        assert_eq!(Locale::negotiate("garbage;;;q=x"), Locale::English);
        assert_eq!(Locale::negotiate("ar-XB"), Locale::PseudoRightToLeft);
        assert_eq!(Locale::negotiate("en-XA"), Locale::PseudoAccented);
    }

    #[test]
    fn the_command_line_takes_the_option_then_its_variable_then_the_posix_locale() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned())
        };
        let posix: &[(&str, &str)] = &[("LANG", "ru_RU.UTF-8")];
        assert_eq!(Locale::for_command_line(None, env(posix)), Locale::Russian);
        assert_eq!(Locale::for_command_line(Some("ar"), env(posix)), Locale::Arabic, "the option first");
        let both: &[(&str, &str)] = &[("LANG", "ru_RU.UTF-8"), ("TRACKTWO_LANGUAGE", "fr-CA")];
        assert_eq!(Locale::for_command_line(None, env(both)), Locale::French, "then TRACKTWO_LANGUAGE");
        let ordered: &[(&str, &str)] = &[("LANG", "ru_RU.UTF-8"), ("LC_MESSAGES", "ar_EG.UTF-8"), ("LC_ALL", "")];
        assert_eq!(Locale::for_command_line(None, env(ordered)), Locale::Arabic, "an empty LC_ALL is unset");
        let c: &[(&str, &str)] = &[("LANG", "ru_RU.UTF-8"), ("LC_ALL", "C")];
        assert_eq!(Locale::for_command_line(None, env(c)), Locale::English, "LC_ALL=C is English");
        assert_eq!(Locale::for_command_line(None, env(&[])), Locale::English);
        assert_eq!(Locale::for_command_line(Some("en-XA"), env(&[])), Locale::PseudoAccented);
        assert_eq!(Locale::for_command_line(Some("de"), env(posix)), Locale::English, "asked and not shipped");
        assert_eq!(Locale::from_posix("fr_FR.ISO-8859-15@euro"), Locale::French);
        assert_eq!(Locale::from_posix("C.UTF-8"), Locale::English);
        assert_eq!(Locale::from_posix("POSIX"), Locale::English);
        assert_eq!(Locale::from_posix("de_DE.UTF-8"), Locale::English);
    }

    #[test]
    fn arabic_and_its_pseudo_locale_read_right_to_left() {
        for locale in Locale::ALL {
            let rtl = matches!(locale, Locale::Arabic | Locale::PseudoRightToLeft);
            assert_eq!(locale.direction() == Direction::RightToLeft, rtl, "{locale:?}");
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
    }
}
