//! Reading the fields of a form: a field of a form read as pairs, dates as YYYY-MM-DD, and a
//! field that cannot be taken refused with its name.

use time::Date;
use time::macros::format_description;
use tracktwo_app::AppError;
use tracktwo_domain::ValidationError;

use crate::PageError;

/// A form (or a query) read as name–value pairs, where a name may repeat.
pub(crate) type Pairs = Vec<(String, String)>;

pub(crate) fn date_text(date: Date) -> String {
    date.format(format_description!("[year]-[month]-[day]")).unwrap_or_default()
}

pub(crate) fn date_time_text(at: tracktwo_domain::Timestamp) -> String {
    at.format(format_description!("[year]-[month]-[day] [hour]:[minute]:[second] UTC")).unwrap_or_default()
}

pub(crate) fn invalid(field: &'static str, reason: &'static str) -> PageError {
    AppError::Invalid(ValidationError::Invalid { field, reason }).into()
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
