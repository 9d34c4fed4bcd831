//! Browser sessions at the edge: the session cookie and anti-CSRF tokens. Who the session
//! belongs to, and whether it is still good, is decided in the core (`App::session_identity`).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use tracktwo_domain::{Channel, Identity};

use crate::{PageError, WebState};

pub const SESSION_COOKIE: &str = "tracktwo_session";
/// Before sign-in there is no session to bind a form to; this random cookie stands in for it
/// (double-submit), so the sign-in form cannot be posted from another site either.
pub const PRESESSION_COOKIE: &str = "tracktwo_presession";

/// A cookie that scripts cannot read and other sites cannot send.
pub fn private_cookie(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    Cookie::build((name, value)).path("/").http_only(true).same_site(SameSite::Strict).secure(secure).build()
}

pub fn removal(name: &'static str) -> Cookie<'static> {
    Cookie::build((name, "")).path("/").build()
}

/// A signed-in user of the web workspace.
pub struct SignedIn {
    pub identity: Identity,
    /// The session secret: it keys this session's anti-CSRF token.
    pub secret: String,
    /// The language the pages are drawn in.
    pub locale: tracktwo_i18n::Locale,
    /// The language the account chose, if it chose one the pages speak (the account page
    /// shows it; `locale` already follows it).
    pub account_locale: Option<tracktwo_i18n::Locale>,
}

impl SignedIn {
    pub fn csrf(&self) -> String {
        tracktwo_app::csrf_token(&self.secret)
    }

    /// Refuses a form whose anti-CSRF token is not this session's.
    pub fn check_csrf(&self, presented: &str) -> Result<(), PageError> {
        if tracktwo_app::csrf_token_matches(&self.secret, presented) { Ok(()) } else { Err(PageError::Csrf) }
    }
}

impl FromRequestParts<std::sync::Arc<WebState>> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &std::sync::Arc<WebState>) -> Result<Self, Self::Rejection> {
        let jar = CookieJar::from_headers(&parts.headers);
        let Some(secret) = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned()) else {
            return Err(Redirect::to("/sign-in").into_response());
        };
        match state.app.session(&secret, Channel::Web).await {
            Ok(holder) => {
                let account_locale = crate::language::account_locale(holder.language.as_deref());
                let locale = account_locale.unwrap_or_else(|| crate::language::requested_locale(&parts.headers));
                crate::language::answer_in(locale);
                Ok(SignedIn { identity: holder.identity, secret, locale, account_locale })
            }
            Err(tracktwo_app::AppError::Unauthenticated) => {
                Err((jar.remove(removal(SESSION_COOKIE)), Redirect::to("/sign-in")).into_response())
            }
            Err(other) => Err(PageError::App(other).into_response()),
        }
    }
}
