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

#[cfg(test)]
mod tests {
    /// Properties written for one reading direction. A right-to-left page mirrors only what is
    /// written with the logical properties (`margin-inline-start`, `text-align: start`, `inset-inline-end`…).
    fn physical_properties(css: &str) -> Vec<String> {
        let mut found = Vec::new();
        for declaration in css.split(['{', '}', ';']) {
            let Some((property, value)) = declaration.split_once(':') else { continue };
            let (property, value) = (property.trim().to_ascii_lowercase(), value.trim().to_ascii_lowercase());
            let sided = |name: &str| name.split('-').any(|part| part == "left" || part == "right");
            let physical_property = sided(&property) && !property.starts_with("--");
            let physical_value = ["float", "clear", "text-align", "caption-side", "resize"]
                .contains(&property.as_str())
                && (value == "left" || value == "right");
            if physical_property || physical_value {
                found.push(format!("{property}: {value}"));
            }
        }
        found
    }

    #[test]
    fn the_stylesheet_uses_logical_properties_only() {
        let found = physical_properties(include_str!("../../assets/style.css"));
        assert!(found.is_empty(), "properties that do not mirror for right-to-left pages: {found:?}");
    }

    #[test]
    fn the_check_finds_every_kind_of_physical_property() {
        let css = "a{margin-left:1px}b{padding-right:0;float:left}c{text-align:right;border-left:1px solid}\
                   d{left:0}e{border-top-right-radius:2px}f{clear:right}g{margin-inline-start:1px;text-align:start}";
        assert_eq!(physical_properties(css).len(), 8, "{:?}", physical_properties(css));
    }
}
