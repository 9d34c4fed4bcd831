//! What the pages share in reading forms and paths: identifiers that do not parse are "not
//! found", dates are YYYY-MM-DD, and an import that cannot be taken says why.

use time::Date;
use time::macros::format_description;
use tracktwo_app::AppError;
use tracktwo_domain::{InitiativeId, ValidationError};

use crate::PageError;
use crate::api::parse_id;
use crate::session::SignedIn;

pub(crate) type PageResult = Result<axum::response::Response, PageError>;

pub(crate) fn initiative_id(text: &str) -> Result<InitiativeId, PageError> {
    id_of(text)
}

pub(crate) fn id_of<T: std::str::FromStr>(text: &str) -> Result<T, PageError> {
    Ok(parse_id(text).map_err(|_| AppError::NotFound)?)
}

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

/// The answer to an import that cannot be taken: 422, the reason (a file and line), and the
/// assurance that nothing of it was imported.
pub(crate) fn import_refused(user: &SignedIn, reason: &str, back: &str) -> axum::response::Response {
    use axum::response::IntoResponse;
    let body = maud::html! {
        h1 { "Import refused" }
        p.error role="alert" #import-error { (reason) }
        p { "Nothing was imported. " a href=(back) { "Back" } }
    };
    (axum::http::StatusCode::UNPROCESSABLE_ENTITY, crate::pages::layout_page("Import refused", user, body))
        .into_response()
}

/// A field of a form read as name–value pairs (where a name may repeat); empty when absent.
pub(crate) fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}
