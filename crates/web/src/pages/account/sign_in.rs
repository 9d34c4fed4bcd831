//! Signing in and out. Before sign-in there is no session to bind the form to, so a random
//! pre-session cookie stands in for it: the sign-in form cannot be posted from another site.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_app::AppError;
use tracktwo_domain::Channel;

use tracktwo_i18n::{Locale, text};

use crate::client::ClientAddress;
use crate::extract::{CsrfForm, CsrfOnly, PresessionForm, posted_forms};
use crate::language::RequestedLocale;
use crate::limits::{Limit, Limited};
use crate::pages::layout::layout;
use crate::session::{PRESESSION_COOKIE, SESSION_COOKIE, private_cookie, removal};
use crate::{PageResult, WebState};

#[derive(Deserialize)]
pub struct SignInForm {
    username: String,
    password: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    csrf: String,
}

posted_forms!(SignInForm);

fn sign_in_page(locale: Locale, csrf: &str, error: Option<&str>) -> Markup {
    let say = |id: &str| text(locale, id);
    layout(
        &say("sign-in-title"),
        locale,
        None,
        html! {
            h1 { (say("sign-in-title")) }
            @if let Some(error) = error { p.error role="alert" { (error) } }
            form.stack method="post" action="/sign-in" {
                input type="hidden" name="csrf" value=(csrf);
                label { (say("sign-in-username")) input name="username" autocomplete="username" dir="auto" required autofocus; }
                label { (say("sign-in-password")) input name="password" type="password" autocomplete="current-password" required; }
                label {
                    (say("sign-in-code"))
                    input name="code" autocomplete="one-time-code" inputmode="text" dir="ltr";
                }
                button type="submit" { (say("sign-in-submit")) }
            }
        },
    )
}

/// The sign-in form, bound to a fresh pre-session cookie.
pub async fn sign_in_form(
    State(state): State<Arc<WebState>>,
    client: ClientAddress,
    RequestedLocale(locale): RequestedLocale,
    jar: CookieJar,
) -> Response {
    let presession = match jar.get(PRESESSION_COOKIE) {
        Some(cookie) => cookie.value().to_owned(),
        None => fresh_secret(&state),
    };
    let csrf = tracktwo_app::csrf_token(&presession);
    let jar = jar.add(private_cookie(PRESESSION_COOKIE, presession, client.https));
    (jar, sign_in_page(locale, &csrf, None)).into_response()
}

fn fresh_secret(state: &WebState) -> String {
    state.app.generate_secret()
}

pub async fn sign_in(
    client: ClientAddress,
    RequestedLocale(locale): RequestedLocale,
    jar: CookieJar,
    PresessionForm(state, form): PresessionForm<SignInForm>,
) -> PageResult {
    if let Err(limited) = state.limit(Limit::SignIn, &client) {
        state.app.record_sign_in_throttled(Channel::Web).await?;
        return Err(limited.into());
    }
    let code = Some(form.code.as_str()).filter(|c| !c.trim().is_empty());
    let origin = tracktwo_app::Origin::new(client.key().to_string());
    let attempt = {
        // The semaphore is never closed, so a turn always comes.
        let _turn = state.sign_in_gate.acquire().await.ok();
        state.app.sign_in(&form.username, &form.password, code, Channel::Web, &origin).await
    };
    match attempt {
        Ok(signed_in) => {
            let jar = jar.remove(removal(PRESESSION_COOKIE)).add(private_cookie(
                SESSION_COOKIE,
                signed_in.session_secret,
                client.https,
            ));
            Ok((jar, Redirect::to("/")).into_response())
        }
        Err(AppError::SignInRefused) => {
            let message = AppError::SignInRefused.to_string();
            Ok((StatusCode::UNAUTHORIZED, sign_in_page(locale, &form.csrf, Some(&message))).into_response())
        }
        // Failures from this address have earned it a wait (for this account, or for any).
        Err(AppError::RateLimited { seconds }) => Err(Limited { limit: Limit::SignIn, seconds }.into()),
        Err(other) => Err(other.into()),
    }
}

pub async fn sign_out(jar: CookieJar, CsrfForm(state, user, (), _): CsrfForm<CsrfOnly>) -> PageResult {
    state.app.sign_out(&user.secret, Channel::Web).await?;
    Ok((jar.remove(removal(SESSION_COOKIE)), Redirect::to("/sign-in")).into_response())
}
