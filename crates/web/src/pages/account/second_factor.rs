//! Turning on two-step sign-in: the authenticator's key (and its QR code), then a code from
//! it; the recovery codes are shown once.

use axum::response::IntoResponse;
use axum_extra::extract::cookie::CookieJar;
use maud::html;
use serde::Deserialize;
use tracktwo_app::{AppError, Conflict};

use tracktwo_i18n::text;

use crate::extract::{CsrfForm, CsrfOnly, posted_forms};
use crate::pages::layout::{layout, page};
use crate::session::{SESSION_COOKIE, removal};
use crate::{PageError, PageResult};

/// The QR code of an `otpauth://` URI as inline SVG (no image request, nothing to cache).
fn qr_svg(uri: &str) -> Result<maud::PreEscaped<String>, PageError> {
    let code = qrcode::QrCode::new(uri.as_bytes()).map_err(|_| AppError::Conflict(Conflict::QrCode))?;
    let svg = code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).build();
    // Inline SVG in HTML takes no XML declaration.
    let start = svg.find("<svg").unwrap_or(0);
    Ok(maud::PreEscaped(svg[start..].to_owned()))
}

pub async fn start_second_factor(CsrfForm(state, user, (), _): CsrfForm<CsrfOnly>) -> PageResult {
    let enrolment = state.app.begin_second_factor(&user.identity).await?;
    let qr = qr_svg(&enrolment.uri)?;
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    Ok(page(
        &say("second-factor-title"),
        &user,
        html! {
            h1 { (say("second-factor-title")) }
            ol {
                li { (say("second-factor-scan")) }
                li { (say("second-factor-type")) " " code #totp-secret dir="ltr" { (enrolment.secret_base32) } }
                li { (say("second-factor-enter")) }
            }
            figure { (qr) figcaption.muted { (say("second-factor-qr")) } }
            form.stack method="post" action="/account/second-factor/confirm" {
                input type="hidden" name="csrf" value=(user.csrf());
                label { (say("second-factor-code")) input name="code" autocomplete="one-time-code" inputmode="numeric" dir="ltr" required; }
                button type="submit" { (say("second-factor-turn-on")) }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    csrf: String,
    code: String,
}

pub async fn confirm_second_factor(jar: CookieJar, CsrfForm(state, user, (), form): CsrfForm<CodeForm>) -> PageResult {
    let codes = state.app.confirm_second_factor(&user.identity, &form.code).await?;
    // Turning it on ends every session, this one included: sign in again with a code.
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let body = layout(
        &say("second-factor-on-title"),
        locale,
        None,
        html! {
            h1 { (say("second-factor-on-title")) }
            p { (say("second-factor-keep-codes")) }
            ul #recovery-codes { @for code in &codes { li { code { (code) } } } }
            p { a href="/sign-in" { (say("second-factor-sign-in-again")) } }
        },
    );
    Ok((jar.remove(removal(SESSION_COOKIE)), body).into_response())
}

posted_forms!(CodeForm);
