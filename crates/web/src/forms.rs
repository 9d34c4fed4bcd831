//! Reading the fields of a form: a field of a form read as pairs, dates as YYYY-MM-DD, and a
//! field that cannot be taken refused with its name; and dates written back, as ISO for forms
//! and links, and as the reader's language writes them for people.

use maud::{Markup, html};
use time::Date;
use time::macros::format_description;
use tracktwo_app::AppError;
use tracktwo_domain::ValidationError;
use tracktwo_i18n::Locale;

use crate::PageError;

/// A form (or a query) read as name–value pairs, where a name may repeat.
pub(crate) type Pairs = Vec<(String, String)>;

/// A date as machines read it, `YYYY-MM-DD`: a date field's value, a link's query, a file.
pub(crate) fn date_text(date: Date) -> String {
    tracktwo_i18n::iso_date(date)
}

/// A day as people read it in `locale` (the month named, the reader's digits), in a `<time>`
/// that gives it to machines as ISO.
pub(crate) fn shown_date(locale: Locale, date: Date) -> Markup {
    html! { time datetime=(date_text(date)) { (locale.date(date)) } }
}

/// A moment as people read it in `locale`, in UTC to the minute, in a `<time>` that gives it to
/// machines as ISO.
pub(crate) fn shown_date_time(locale: Locale, at: tracktwo_domain::Timestamp) -> Markup {
    html! { time datetime=(tracktwo_i18n::iso_date_time(at)) { (locale.date_time(at)) } }
}

pub(crate) fn invalid(field: &'static str, reason: &'static str) -> PageError {
    AppError::Invalid(ValidationError::Invalid { field, reason }).into()
}

/// A query's value that names none of the choices offered: a bad request (400), with its reason.
pub(crate) fn bad_query(field: &'static str, reason: &'static str) -> PageError {
    PageError::BadQuery(ValidationError::Invalid { field, reason })
}

/// An optional date field: empty is none; anything else must be a calendar date.
pub(crate) fn optional_date(field: &'static str, text: &str) -> Result<Option<Date>, PageError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .map(Some)
        .map_err(|_| invalid(field, "must be a date as YYYY-MM-DD"))
}

/// A field of a form read as name–value pairs (where a name may repeat); empty when absent.
pub(crate) fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}
