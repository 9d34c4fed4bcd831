//! Numbers and dates as the reader's language writes them, from CLDR's data through ICU4X: the
//! digits (Arabic-Indic in Arabic, as an Arabic reader expects them), the grouping of thousands
//! (`1,234` in English, `1 234` in French and Russian), the decimal separator, and dates with
//! the month named (`7 December 2026`, `7 décembre 2026`, `٧ ديسمبر ٢٠٢٦`), always in the
//! Gregorian calendar, whatever a locale's preferences, since a dialogue's parties date their
//! meetings alike.
//!
//! Only what people read goes through here. What a machine reads — form values, identifiers,
//! codes, hashes, copy numbers, URLs, CSV, JSON and XML — stays in ASCII digits and ISO dates.
//! The pseudo-locales write numbers as English does, and its dates transformed as their messages
//! are (a month is a word).

use std::cell::RefCell;

use icu_calendar::Gregorian;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{YMD, YMDT};
use icu_datetime::input::{Date as IcuDate, DateTime as IcuDateTime, Time as IcuTime};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_locale_core::{Locale as IcuLocale, locale};

use crate::locale::Locale;

/// The formatters of one locale, made once per thread (ICU4X's formatters are not `Sync`).
struct Formatters {
    grouped: Option<DecimalFormatter>,
    ungrouped: Option<DecimalFormatter>,
    date: Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
    date_time: Option<FixedCalendarDateTimeFormatter<Gregorian, YMDT>>,
    to_the_second: Option<FixedCalendarDateTimeFormatter<Gregorian, YMDT>>,
}

impl Locale {
    /// The locale whose CLDR data writes this one's numbers and dates.
    fn cldr(self) -> IcuLocale {
        match self {
            Locale::English | Locale::PseudoAccented | Locale::PseudoRightToLeft => locale!("en"),
            // CLDR writes bare `ar` in Latin digits now (as the Maghreb does); the Mashriq, where
            // most of tracktwo's Arabic readers are, writes Arabic-Indic digits, and so do we.
            Locale::Arabic => locale!("ar-u-nu-arab"),
            Locale::Russian => locale!("ru"),
            Locale::French => locale!("fr"),
        }
    }

    /// Whether this locale writes its numbers in Arabic-Indic digits (٠١٢٣…), as its
    /// [`Locale::number`] does: what a document's page numbers, which typst and Word count
    /// themselves, must follow.
    #[must_use]
    pub fn writes_arabic_indic_digits(self) -> bool {
        // As `cldr` chooses `ar-u-nu-arab`; a test holds the two together.
        matches!(self, Locale::Arabic)
    }

    fn index(self) -> usize {
        Locale::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }
}

fn decimal_formatter(locale: Locale, grouping: GroupingStrategy) -> Option<DecimalFormatter> {
    let mut options = DecimalFormatterOptions::default();
    options.grouping_strategy = Some(grouping);
    DecimalFormatter::try_new((&locale.cldr()).into(), options).ok()
}

fn formatters(locale: Locale) -> Formatters {
    let cldr = locale.cldr();
    Formatters {
        grouped: decimal_formatter(locale, GroupingStrategy::Auto),
        ungrouped: decimal_formatter(locale, GroupingStrategy::Never),
        date: FixedCalendarDateTimeFormatter::try_new((&cldr).into(), YMD::long()).ok(),
        date_time: FixedCalendarDateTimeFormatter::try_new((&cldr).into(), YMD::long().with_time_hm()).ok(),
        to_the_second: FixedCalendarDateTimeFormatter::try_new((&cldr).into(), YMD::long().with_time_hms()).ok(),
    }
}

fn with_formatters<T>(locale: Locale, f: impl FnOnce(&Formatters) -> T) -> T {
    thread_local! {
        static MADE: RefCell<Vec<Option<Formatters>>> = RefCell::new(Locale::ALL.iter().map(|_| None).collect());
    }
    MADE.with(|made| {
        let mut made = made.borrow_mut();
        let slot = &mut made[locale.index()];
        f(slot.get_or_insert_with(|| formatters(locale)))
    })
}

/// `value` with `fraction_digits` digits after the separator, as `locale` writes it; a value
/// that is not a number (NaN, infinite) is written as Rust writes it rather than refused.
fn decimal_text(locale: Locale, value: &Decimal, grouping: bool, fallback: impl FnOnce() -> String) -> String {
    with_formatters(locale, |f| {
        let formatter = if grouping { &f.grouped } else { &f.ungrouped };
        formatter.as_ref().map(|d| d.format(value).to_string())
    })
    .unwrap_or_else(fallback)
}

impl Locale {
    /// A whole number — a count, a total — for people to read: `12,345` in English, `12 345` in
    /// French, `١٢٬٣٤٥` in Arabic.
    #[must_use]
    pub fn number(self, n: impl TryInto<i128>) -> String {
        // Every integer type fits, `usize` among them; none reaches the fallback.
        let n: i128 = n.try_into().unwrap_or(i128::MAX);
        decimal_text(self, &Decimal::from(n), true, || n.to_string())
    }

    /// A year, as `locale` writes it, without grouping: `2026`, `٢٠٢٦`.
    #[must_use]
    pub fn year(self, year: i32) -> String {
        let year = f64::from(year);
        self.message_number(year, 0, false)
    }

    /// A measured value with `fraction_digits` digits after the decimal separator (rounded
    /// half to even as Rust's formatting does): `0.75`, `0,75`, `٠٫٧٥`.
    #[must_use]
    pub fn decimal(self, value: f64, fraction_digits: u8) -> String {
        let plain = format!("{value:.*}", usize::from(fraction_digits));
        match Decimal::try_from_str(&plain) {
            Ok(d) => decimal_text(self, &d, true, || plain.clone()),
            Err(_) => plain,
        }
    }

    /// A value as it was given, with as many digits after the separator as it has (up to six):
    /// a baseline, a target.
    #[must_use]
    pub fn figure(self, value: f64) -> String {
        self.message_number(value, fraction_digits_of(value), true)
    }

    /// A share out of a hundred, with `fraction_digits` digits after the separator, with the
    /// locale's percent sign where CLDR puts it: `42%`, `42 %` (French: a narrow no-break
    /// space; Russian: a no-break space), `٤٢٪`.
    #[must_use]
    pub fn percent(self, percent: f64, fraction_digits: u8) -> String {
        let figure = self.decimal(percent, fraction_digits);
        match self {
            Locale::French => format!("{figure}\u{202F}%"),
            Locale::Russian => format!("{figure}\u{A0}%"),
            Locale::Arabic => format!("{figure}\u{066A}\u{061C}"),
            Locale::English | Locale::PseudoAccented | Locale::PseudoRightToLeft => format!("{figure}%"),
        }
    }

    /// A calendar day for people to read, the month named: `December 7, 2026`, `7 décembre
    /// 2026`, `7 декабря 2026 г.`, `٧ ديسمبر ٢٠٢٦`. Where a page shows one, it sits in a
    /// `<time>` element whose `datetime` is the ISO date.
    #[must_use]
    pub fn date(self, date: time::Date) -> String {
        let iso = || iso_date(date);
        let Some(day) = icu_date(date) else { return iso() };
        with_formatters(self, |f| f.date.as_ref().map(|d| d.format(&day).to_string()))
            .map_or_else(iso, |shown: String| crate::messages::pseudo(self, &shown))
    }

    /// A moment in UTC, to the minute, for people to read, the zone named after it: `December
    /// 7, 2026, 2:05 PM UTC`, `7 décembre 2026, 14:05 UTC`.
    #[must_use]
    pub fn date_time(self, at: time::OffsetDateTime) -> String {
        self.moment(at, false)
    }

    /// A moment in UTC to the second, as [`Locale::date_time`]: for a record whose order within
    /// a minute matters, as an audit trail's.
    #[must_use]
    pub fn date_time_to_the_second(self, at: time::OffsetDateTime) -> String {
        self.moment(at, true)
    }

    fn moment(self, at: time::OffsetDateTime, seconds: bool) -> String {
        let at = at.to_offset(time::UtcOffset::UTC);
        let iso = || iso_date_time(at);
        let Some(day) = icu_date(at.date()) else { return iso() };
        let Ok(clock) = IcuTime::try_new(at.hour(), at.minute(), if seconds { at.second() } else { 0 }, 0) else {
            return iso();
        };
        let moment = IcuDateTime { date: day, time: clock };
        with_formatters(self, |f| {
            let formatter = if seconds { &f.to_the_second } else { &f.date_time };
            formatter.as_ref().map(|d| d.format(&moment).to_string())
        })
        .map_or_else(iso, |shown: String| crate::messages::pseudo(self, &format!("{shown} UTC")))
    }

    /// A number inside a message: as [`Locale::number`] or [`Locale::decimal`], without
    /// grouping when the message asks for none.
    pub(crate) fn message_number(self, value: f64, fraction_digits: usize, grouping: bool) -> String {
        let plain = format!("{value:.fraction_digits$}");
        match Decimal::try_from_str(&plain) {
            Ok(d) => decimal_text(self, &d, grouping, || plain.clone()),
            Err(_) => plain,
        }
    }
}

/// How many digits after the decimal point `value` has as Rust writes it shortest, up to six.
pub(crate) fn fraction_digits_of(value: f64) -> usize {
    value.to_string().split_once('.').map_or(0, |(_, fraction)| fraction.len().min(6))
}

fn icu_date(date: time::Date) -> Option<IcuDate<Gregorian>> {
    IcuDate::try_new_gregorian(date.year(), u8::from(date.month()), date.day()).ok()
}

/// A date as machines read it (`2026-12-07`): form values, `datetime` attributes, URLs, files.
#[must_use]
pub fn iso_date(date: time::Date) -> String {
    let (year, month, day) = (date.year(), u8::from(date.month()), date.day());
    if (0..=9999).contains(&year) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:+}-{month:02}-{day:02}")
    }
}

/// A moment as machines read it, in UTC (`2026-12-07T14:05:09Z`), for `datetime` attributes.
#[must_use]
pub fn iso_date_time(at: time::OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!("{}T{:02}:{:02}:{:02}Z", iso_date(at.date()), at.hour(), at.minute(), at.second())
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;

    const ARABIC_INDIC: std::ops::RangeInclusive<char> = '\u{0660}'..='\u{0669}';

    /// The value of a number as `locale` writes it, read back: its digits in whatever script,
    /// its sign and decimal separator, its grouping left aside.
    fn read_back(locale: Locale, shown: &str) -> f64 {
        let decimal_separator = match locale {
            Locale::Arabic => '\u{066B}',
            Locale::Russian | Locale::French => ',',
            _ => '.',
        };
        let plain: String = shown
            .chars()
            .filter_map(|c| match c {
                '0'..='9' => Some(c),
                c if ARABIC_INDIC.contains(&c) => char::from_digit(c as u32 - 0x660, 10),
                '-' | '\u{2212}' => Some('-'),
                c if c == decimal_separator => Some('.'),
                _ => None,
            })
            .collect();
        plain.parse().unwrap_or_else(|_| panic!("{locale:?}: {shown:?} does not read back"))
    }

    #[test]
    fn the_digits_a_locale_is_said_to_write_are_those_its_numbers_have() {
        for locale in Locale::ALL {
            let arabic_indic = locale.number(1_234_567_890).chars().any(|c| ARABIC_INDIC.contains(&c));
            assert_eq!(locale.writes_arabic_indic_digits(), arabic_indic, "{locale:?}");
        }
    }

    #[test]
    fn arabic_writes_arabic_indic_digits_that_read_back_to_the_same_value() {
        for n in [0_i64, 7, 42, 1_234, 1_000_000, -56_789, i64::MAX, i64::MIN] {
            let shown = Locale::Arabic.number(n);
            assert!(shown.chars().all(|c| !c.is_ascii_digit()), "{shown}");
            assert!(shown.chars().any(|c| ARABIC_INDIC.contains(&c)), "{shown}");
            assert_eq!(read_back(Locale::Arabic, &shown), n as f64, "{shown}");
        }
        let shown = Locale::Arabic.decimal(0.75, 2);
        assert_eq!(read_back(Locale::Arabic, &shown), 0.75, "{shown}");
        assert_eq!(Locale::Arabic.number(2026), "٢٬٠٢٦");
        assert_eq!((Locale::Arabic.year(2026), Locale::French.year(2026)), ("٢٠٢٦".into(), "2026".into()));
    }

    #[test]
    fn each_language_groups_thousands_its_own_way() {
        assert_eq!(Locale::English.number(1_234_567), "1,234,567");
        assert_eq!(Locale::French.number(1_234_567), "1\u{202F}234\u{202F}567");
        assert_eq!(Locale::Russian.number(1_234_567), "1\u{A0}234\u{A0}567");
        assert_eq!(Locale::English.decimal(-1234.5, 1), "-1,234.5");
        assert_eq!(Locale::French.decimal(0.5, 2), "0,50");
        assert_eq!(Locale::PseudoAccented.number(1_234), "1,234", "the pseudo-locales write as English");
        assert_eq!(Locale::English.percent(42.0, 0), "42%");
        assert_eq!((Locale::French.figure(2.25), Locale::French.figure(40.0)), ("2,25".into(), "40".into()));
        assert_eq!(Locale::French.percent(42.5, 1), "42,5\u{202F}%");
        assert_eq!(Locale::Arabic.percent(42.0, 0), "٤٢٪\u{061C}");
    }

    #[test]
    fn every_number_reads_back_in_every_locale_and_none_panics() {
        let values = [0_i128, 1, -1, 999, 1000, -1000, 12_345, i128::from(u64::MAX), i128::MAX, i128::MIN];
        for locale in Locale::ALL {
            for n in values {
                let shown = locale.number(n);
                assert!(!shown.is_empty(), "{locale:?} {n}");
                if n.unsigned_abs() < 1 << 52 {
                    assert_eq!(read_back(locale, &shown), n as f64, "{locale:?}: {shown}");
                }
            }
            for value in [0.0, -0.0, 0.125, -3.5, 1e300, f64::MAX, f64::MIN_POSITIVE] {
                let shown = locale.decimal(value, 2);
                assert!(!shown.is_empty(), "{locale:?} {value}");
                if value.abs() < 1e12 {
                    assert!((read_back(locale, &shown) - value).abs() < 0.01, "{locale:?}: {shown}");
                }
            }
            for odd in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
                assert!(!locale.decimal(odd, 1).is_empty() && !locale.percent(odd, 0).is_empty());
            }
        }
    }

    #[test]
    fn dates_name_the_month_in_the_readers_language() {
        let day = date!(2026 - 12 - 07);
        assert_eq!(Locale::English.date(day), "December 7, 2026");
        assert_eq!(Locale::French.date(day), "7 décembre 2026");
        assert!(Locale::Russian.date(day).contains("декабря"), "{}", Locale::Russian.date(day));
        let arabic = Locale::Arabic.date(day);
        assert!(arabic.contains("ديسمبر") && arabic.contains('٧') && !arabic.contains('7'), "{arabic}");
        // A pseudo-locale's month is transformed as its messages are, so a test sees it came
        // through here.
        let accented = Locale::PseudoAccented.date(day);
        assert!(accented.starts_with('[') && accented.contains("2026") && !accented.contains("December"), "{accented}");
    }

    #[test]
    fn moments_are_shown_in_utc_to_the_minute() {
        let at = datetime!(2026-12-07 16:05:09 +02:00);
        let english = Locale::English.date_time(at);
        assert!(
            english.contains("December 7, 2026") && english.contains("2:05") && english.contains("UTC"),
            "{english}"
        );
        let arabic = Locale::Arabic.date_time(at);
        assert!(arabic.contains("ديسمبر") && !arabic.chars().any(|c| c.is_ascii_digit()), "{arabic}");
        assert_eq!(iso_date_time(at), "2026-12-07T14:05:09Z");
        let precise = Locale::French.date_time_to_the_second(at);
        assert!(precise.contains("14:05:09") && precise.ends_with("UTC"), "{precise}");
    }

    #[test]
    fn extreme_dates_are_written_without_panicking() {
        for day in [time::Date::MIN, time::Date::MAX, date!(0000 - 01 - 01), date!(-0001 - 12 - 31)] {
            for locale in Locale::ALL {
                assert!(!locale.date(day).is_empty(), "{locale:?} {day}");
            }
            assert!(!iso_date(day).is_empty());
        }
        assert_eq!(iso_date(date!(2026 - 01 - 05)), "2026-01-05");
    }
}
