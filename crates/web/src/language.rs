//! The reader's language: what their browser asks for (`Accept-Language`), negotiated against
//! the languages tracktwo ships (`tracktwo_i18n::Locale::negotiate`).

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use tracktwo_i18n::Locale;

/// The language a request is answered in.
#[must_use]
pub fn requested_locale(headers: &HeaderMap) -> Locale {
    headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map_or(Locale::English, Locale::negotiate)
}

/// The reader's language, for a page without a signed-in user (the sign-in page).
pub struct RequestedLocale(pub Locale);

impl<S: Send + Sync> FromRequestParts<S> for RequestedLocale {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestedLocale(requested_locale(&parts.headers)))
    }
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
