//! The reader's language: the one they chose with the language switch (a cookie that says
//! nothing but the language), else what their browser asks for (`Accept-Language`), negotiated
//! against the languages tracktwo ships (`tracktwo_i18n::Locale::negotiate`).

use std::cell::Cell;
use std::convert::Infallible;

use axum::extract::{FromRequestParts, Query, Request};
use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_i18n::{Locale, text};

use crate::client::ClientAddress;

/// The language chosen with the switch.
pub const LANGUAGE_COOKIE: &str = "tracktwo_language";

/// The language a request is answered in.
#[must_use]
pub fn requested_locale(headers: &HeaderMap) -> Locale {
    let jar = CookieJar::from_headers(headers);
    if let Some(chosen) = jar.get(LANGUAGE_COOKIE).and_then(|c| Locale::from_tag(c.value())) {
        return chosen;
    }
    headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map_or(Locale::English, Locale::negotiate)
}

/// The language a member's account chose, when it is one the pages speak. A signed-in member
/// reads it before anything else: then the one chosen with the switch, then what the browser
/// asks for (`requested_locale`). A stored tag this build does not speak is passed over.
#[must_use]
pub fn account_locale(account_language: Option<&str>) -> Option<Locale> {
    account_language.and_then(Locale::from_tag).filter(|locale| Locale::SHIPPED.contains(locale))
}

tokio::task_local! {
    /// The language this request is answered in, for what is drawn away from its handler (an
    /// error's page): set from the request by [`answered_in_its_language`], and from the
    /// account once the session is known.
    static ANSWER_LOCALE: Cell<Locale>;
}

/// Runs the rest of the request with its language known to [`answer_locale`].
pub async fn answered_in_its_language(request: Request, next: Next) -> Response {
    let locale = requested_locale(request.headers());
    ANSWER_LOCALE.scope(Cell::new(locale), next.run(request)).await
}

/// The request's language is the account's, now that the session says whose it is.
pub(crate) fn answer_in(locale: Locale) {
    // Outside a request (a unit test drawing a page) there is nothing to set.
    let _ = ANSWER_LOCALE.try_with(|current| current.set(locale));
}

/// The language the current request is answered in; English outside a request.
pub(crate) fn answer_locale() -> Locale {
    ANSWER_LOCALE.try_with(Cell::get).unwrap_or(Locale::English)
}

/// The reader's language, for a page without a signed-in user (sign-in, the ballot).
pub struct RequestedLocale(pub Locale);

impl<S: Send + Sync> FromRequestParts<S> for RequestedLocale {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestedLocale(requested_locale(&parts.headers)))
    }
}

/// Links to the same page in each shipped language, each named in itself; no account needed.
pub(crate) fn language_switch(current: Locale, back: &str) -> Markup {
    let back: String = url::form_urlencoded::byte_serialize(back.as_bytes()).collect();
    html! {
        nav.languages aria-label=(text(current, "language-switch")) {
            @for locale in Locale::SHIPPED {
                @if locale == current {
                    span lang=(locale.tag()) aria-current="true" { (locale.native_name()) }
                } @else {
                    a lang=(locale.tag()) hreflang=(locale.tag()) href={ "/language?to=" (locale.tag()) "&back=" (back) } { (locale.native_name()) }
                }
            }
        }
    }
}

/// `?to=ar&back=/ballot`.
#[derive(Deserialize)]
pub struct LanguageChoice {
    #[serde(default)]
    to: String,
    #[serde(default)]
    back: String,
}

/// Keeps the language chosen (for a year) and goes back to the page it was chosen on. Only a
/// path of this site is followed back; anything else goes to the start page.
pub async fn choose_language(client: ClientAddress, jar: CookieJar, Query(choice): Query<LanguageChoice>) -> Response {
    let Some(locale) = Locale::from_tag(&choice.to) else {
        return (axum::http::StatusCode::BAD_REQUEST, "unknown language").into_response();
    };
    let local = choice.back.starts_with('/') && !choice.back.starts_with("//") && !choice.back.contains('\\');
    let back = if local { choice.back.as_str() } else { "/" };
    let cookie = Cookie::build((LANGUAGE_COOKIE, locale.tag()))
        .path("/")
        .http_only(true)
        // Lax: the language holds when a voter comes back through their link from elsewhere.
        .same_site(SameSite::Lax)
        .secure(client.https)
        .max_age(time::Duration::days(365))
        .build();
    (jar.add(cookie), Redirect::to(back)).into_response()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every string literal passed as a message identifier in this crate's code: the first
    /// argument of `say(…)`, or the second of `text(locale, …)` and `text_with(locale, …)`.
    fn identifiers_asked_for(dir: &Path, found: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                identifiers_asked_for(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let code = std::fs::read_to_string(&path).unwrap();
                for call in ["say(\"", "text(locale, \"", "text_with(locale, \""] {
                    for rest in code.split(call).skip(1) {
                        let id = rest.split('"').next().unwrap_or_default();
                        found.push((path.display().to_string(), id.to_owned()));
                    }
                }
            }
        }
    }

    #[test]
    fn every_message_a_page_asks_for_exists() {
        let mut asked = Vec::new();
        identifiers_asked_for(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut asked);
        assert!(asked.len() > 10, "the scan finds the calls: {asked:?}");
        let missing: Vec<_> = asked.iter().filter(|(_, id)| !tracktwo_i18n::has_message(id)).collect();
        assert!(missing.is_empty(), "message identifiers with no message: {missing:?}");
    }
}
