//! How a refusal or a failure reaches the client: the API's JSON errors and the pages' HTML ones,
//! each with its status (and `Retry-After` on a 429); no message holds internal detail.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;
use tracktwo_app::AppError;
use tracktwo_app::negotiating_text::TextRefusal;
use tracktwo_domain::campaign::JoinRefusal;
use tracktwo_domain::negotiating_text::agreement::SignOffError;

use tracktwo_i18n::{Arg, text, text_with};

use crate::limits::Limited;
use crate::pages::layout::error_page;
use crate::refusals::Refusal;

/// What a page handler answers: the page, or the error page for what went wrong.
pub(crate) type PageResult = Result<Response, PageError>;

/// An API error as the client sees it: a status and a message that never holds internal detail.
pub struct WebError(pub(crate) AppError);

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        Self(e)
    }
}

#[derive(Serialize)]
struct ErrorBody {
    error: String,
}

/// The status for an application error, and whether its message may be shown.
pub(crate) fn status_of(e: &AppError) -> StatusCode {
    match e {
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Forbidden(_) => StatusCode::FORBIDDEN,
        AppError::Unauthenticated | AppError::SignInRefused => StatusCode::UNAUTHORIZED,
        AppError::Invalid(_)
        | AppError::WrongCode
        | AppError::Import { .. }
        | AppError::PolisImport(_)
        | AppError::SecretChannel(_)
        | AppError::NamesInNote(_)
        | AppError::ConsentNotRecorded
        | AppError::RefusedCode(_)
        | AppError::OutcomeRefused(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        // A yes given to a version that is no longer the newest, or to other words than it
        // holds, or given twice, conflicts with the text as it stands; the rest is bad input.
        AppError::TextRefused(TextRefusal::SignOff(
            SignOffError::NotLatest { .. } | SignOffError::HashMismatch(_) | SignOffError::AlreadySigned,
        )) => StatusCode::CONFLICT,
        AppError::TextRefused(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::AnswerRefused(tracktwo_app::measures::AnswerRefusal::Answers(_)) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::AnswerRefused(_) => StatusCode::CONFLICT,
        AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
        // A full link stays full; one address past its share may try no more through it.
        AppError::JoinRefused(JoinRefusal::LinkFull { .. }) => StatusCode::FORBIDDEN,
        AppError::JoinRefused(JoinRefusal::AddressLimit { .. }) => StatusCode::TOO_MANY_REQUESTS,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

fn public_message(e: &AppError, status: StatusCode) -> String {
    if status == StatusCode::INTERNAL_SERVER_ERROR {
        // Application errors carry identifiers and kinds, never plaintext, so they are safe to
        // log; the client gets no detail.
        tracing::error!(error = %e, "request failed");
        "internal error".to_owned()
    } else if status == StatusCode::NOT_FOUND {
        "not found".to_owned()
    } else {
        e.to_string()
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = status_of(&self.0);
        let mut response = (status, Json(ErrorBody { error: public_message(&self.0, status) })).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let AppError::RateLimited { seconds } = self.0 {
            response = retry_after(response, seconds);
        }
        response
    }
}

/// A page error: an HTML page with the status, or back to sign-in.
pub enum PageError {
    App(AppError),
    /// A form without this session's anti-CSRF token.
    Csrf,
    /// Too many requests of one kind from one address.
    Limited(Limited),
    /// A query's value that names none of the choices a page offers (`?copy=`, `?format=`): a
    /// bad request, its reason said as the validation it is.
    BadQuery(tracktwo_domain::ValidationError),
    /// A document that cannot be exported as asked (letters no font can draw); the message
    /// names the scripts, never the text.
    Document(crate::documents::DocumentError),
}

impl From<crate::documents::DocumentError> for PageError {
    fn from(e: crate::documents::DocumentError) -> Self {
        Self::Document(e)
    }
}

impl From<Limited> for PageError {
    fn from(limited: Limited) -> Self {
        Self::Limited(limited)
    }
}

impl From<Limited> for WebError {
    fn from(limited: Limited) -> Self {
        Self(AppError::RateLimited { seconds: limited.seconds })
    }
}

/// Sets `Retry-After` on a 429.
fn retry_after(mut response: Response, seconds: u64) -> Response {
    if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        Self::App(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let locale = crate::language::answer_locale();
        let with_seconds = |id: &str, seconds: u64| text_with(locale, id, &[("seconds", Arg::count(seconds))]);
        let mut wait = None;
        // What is said in the reader's language, and, when it tells the reader what to mend, the
        // refusal itself, said in the same language.
        let (status, message, detail) = match self {
            PageError::App(AppError::Unauthenticated) => return Redirect::to("/sign-in").into_response(),
            PageError::App(AppError::RateLimited { seconds }) => {
                wait = Some(seconds);
                (StatusCode::TOO_MANY_REQUESTS, with_seconds("error-too-many-requests", seconds), None)
            }
            PageError::App(e) => {
                let status = status_of(&e);
                let message = match status {
                    StatusCode::NOT_FOUND => text(locale, "error-not-found"),
                    StatusCode::INTERNAL_SERVER_ERROR => {
                        public_message(&e, status);
                        text(locale, "error-internal")
                    }
                    StatusCode::FORBIDDEN => text(locale, "error-forbidden"),
                    _ => text(locale, "error-refused"),
                };
                let detail = (status != StatusCode::NOT_FOUND && status != StatusCode::INTERNAL_SERVER_ERROR)
                    .then(|| Refusal::of(&e).html(locale));
                (status, message, detail)
            }
            PageError::Csrf => (StatusCode::FORBIDDEN, text(locale, "error-csrf"), None),
            PageError::BadQuery(e) => (
                StatusCode::BAD_REQUEST,
                text(locale, "error-refused"),
                Some(Refusal::of(&AppError::Invalid(e)).html(locale)),
            ),
            PageError::Document(e) => match e {
                crate::documents::DocumentError::NoFont(_) => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    text(locale, "error-refused"),
                    Some(Refusal::of_document(&e).html(locale)),
                ),
                crate::documents::DocumentError::Failed(_) => {
                    tracing::error!(error = %e, "a document could not be exported");
                    (StatusCode::INTERNAL_SERVER_ERROR, text(locale, "error-internal"), None)
                }
            },
            PageError::Limited(Limited { limit, seconds }) => {
                wait = Some(seconds);
                (StatusCode::TOO_MANY_REQUESTS, with_seconds(limit.message_id(), seconds), None)
            }
        };
        let response = (status, error_page(locale, status, &message, detail)).into_response();
        match wait {
            Some(seconds) => retry_after(response, seconds),
            None => response,
        }
    }
}
