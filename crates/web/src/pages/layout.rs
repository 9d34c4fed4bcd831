//! The frame every page shares: server-rendered HTML that works with JavaScript off, one small
//! stylesheet served by the binary, no third-party assets.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use crate::session::SignedIn;

pub const STYLESHEET: &str = "/assets/style.css";

pub(crate) fn layout(title: &str, user: Option<&SignedIn>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · tracktwo" }
                link rel="stylesheet" href=(STYLESHEET);
            }
            body {
                a.skip href="#main" { "Skip to content" }
                header {
                    a.brand href="/" { "tracktwo" }
                    @if let Some(user) = user {
                        nav aria-label="Main" {
                            a href="/" { "My initiatives" }
                            a href="/timeline" { "Timeline" }
                            a href="/account" { "Account" }
                            form method="post" action="/sign-out" {
                                input type="hidden" name="csrf" value=(user.csrf());
                                button.link type="submit" { "Sign out" }
                            }
                        }
                    }
                }
                main #main { (body) }
            }
        }
    }
}

pub fn error_page(status: StatusCode, message: &str) -> Markup {
    let heading = status.canonical_reason().unwrap_or("Error");
    layout(
        heading,
        None,
        html! {
            h1 { (heading) }
            p { (message) }
            p { a href="/" { "Back to my initiatives" } }
        },
    )
}

pub(crate) fn page(title: &str, user: &SignedIn, body: Markup) -> Response {
    layout(title, Some(user), body).into_response()
}

/// A page for someone without an account (a consultation voter).
pub(crate) fn public_page(title: &str, body: Markup) -> Response {
    layout(title, None, body).into_response()
}

/// A page for a signed-in user, to send with a status of the caller's choosing.
pub(crate) fn layout_page(title: &str, user: &SignedIn, body: Markup) -> Markup {
    layout(title, Some(user), body)
}

pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/css; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
        ],
        include_str!("../../assets/style.css"),
    )
        .into_response()
}

/// The answer to an import that cannot be taken: 422, the reason (a file and line), and the
/// assurance that nothing of it was imported.
pub(crate) fn import_refused(user: &SignedIn, reason: &str, back: &str) -> Response {
    let body = html! {
        h1 { "Import refused" }
        p.error role="alert" #import-error { (reason) }
        p { "Nothing was imported. " a href=(back) { "Back" } }
    };
    (StatusCode::UNPROCESSABLE_ENTITY, layout_page("Import refused", user, body)).into_response()
}
