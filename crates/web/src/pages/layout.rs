//! The frame every page shares: server-rendered HTML that works with JavaScript off, one small
//! stylesheet served by the binary, no third-party assets.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use tracktwo_i18n::{Arg, Locale, text, text_with};

use crate::session::SignedIn;

pub const STYLESHEET: &str = "/assets/style.css";

/// The frame in the reader's language: `lang` and `dir` on the page, the frame's words from the
/// messages. The title is the page's, set apart so its script keeps its order.
pub(crate) fn layout(title: &str, locale: Locale, user: Option<&SignedIn>, body: Markup) -> Markup {
    let say = |id: &str| text(locale, id);
    html! {
        (DOCTYPE)
        html lang=(locale.tag()) dir=(locale.direction().as_html()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (text_with(locale, "page-title", &[("title", Arg::Text(title))])) }
                link rel="stylesheet" href=(STYLESHEET);
            }
            body {
                a.skip href="#main" { (say("skip-to-content")) }
                header {
                    a.brand href="/" dir="ltr" { (say("site-name")) }
                    @if let Some(user) = user {
                        nav aria-label=(say("main-navigation")) {
                            a href="/" { (say("nav-initiatives")) }
                            a href="/timeline" { (say("nav-timeline")) }
                            a href="/account" { (say("nav-account")) }
                            form method="post" action="/sign-out" {
                                input type="hidden" name="csrf" value=(user.csrf());
                                button.link type="submit" { (say("sign-out")) }
                            }
                        }
                    }
                }
                main #main { (body) }
            }
        }
    }
}

/// An error's page, in the language the request is answered in, with the refusal itself when it
/// tells the reader what to mend (`crate::refusals`, in the same language; people's own words in
/// it are set apart).
pub fn error_page(locale: Locale, status: StatusCode, message: &str, detail: Option<Markup>) -> Markup {
    let heading = match status.as_u16() {
        400 => text(locale, "error-heading-400"),
        403 => text(locale, "error-heading-403"),
        404 => text(locale, "error-heading-404"),
        409 => text(locale, "error-heading-409"),
        413 => text(locale, "error-heading-413"),
        422 => text(locale, "error-heading-422"),
        429 => text(locale, "error-heading-429"),
        _ => text(locale, "error-heading-other"),
    };
    layout(
        &heading,
        locale,
        None,
        html! {
            h1 { (heading) }
            p { (message) }
            @if let Some(detail) = detail { p.error #refusal { (detail) } }
            p { a href="/" { (text(locale, "error-back")) } }
        },
    )
}

pub(crate) fn page(title: &str, user: &SignedIn, body: Markup) -> Response {
    layout(title, user.locale, Some(user), body).into_response()
}

/// A page for someone without an account (a consultation voter), in the language they chose.
pub(crate) fn public_page(title: &str, locale: Locale, body: Markup) -> Response {
    layout(title, locale, None, body).into_response()
}

/// A page for a signed-in user, to send with a status of the caller's choosing.
pub(crate) fn layout_page(title: &str, user: &SignedIn, body: Markup) -> Markup {
    layout(title, user.locale, Some(user), body)
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

/// The answer to an import that cannot be taken: 422, the reason (a file and line, said by
/// `crate::refusals`), and the assurance that nothing of it was imported.
pub(crate) fn import_refused(user: &SignedIn, reason: Markup, back: &str) -> Response {
    let say = |id: &str| text(user.locale, id);
    let body = html! {
        h1 { (say("import-refused-title")) }
        p.error role="alert" #import-error { (reason) }
        p { (say("import-refused-nothing")) " " a href=(back) { (say("import-refused-back")) } }
    };
    (StatusCode::UNPROCESSABLE_ENTITY, layout_page(&say("import-refused-title"), user, body)).into_response()
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
