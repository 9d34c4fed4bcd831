//! Turning on two-step sign-in: the authenticator's key (and its QR code), then a code from
//! it; the recovery codes are shown once.

use axum::response::IntoResponse;
use axum_extra::extract::cookie::CookieJar;
use maud::html;
use serde::Deserialize;
use tracktwo_app::AppError;

use crate::extract::{CsrfForm, CsrfOnly, posted_forms};
use crate::pages::layout::{layout, page};
use crate::session::{SESSION_COOKIE, removal};
use crate::{PageError, PageResult};

/// The QR code of an `otpauth://` URI as inline SVG (no image request, nothing to cache).
fn qr_svg(uri: &str) -> Result<maud::PreEscaped<String>, PageError> {
    let code = qrcode::QrCode::new(uri.as_bytes()).map_err(|_| AppError::Conflict("cannot draw the QR code".into()))?;
    let svg = code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).build();
    // Inline SVG in HTML takes no XML declaration.
    let start = svg.find("<svg").unwrap_or(0);
    Ok(maud::PreEscaped(svg[start..].to_owned()))
}

pub async fn start_second_factor(CsrfForm(state, user, (), _): CsrfForm<CsrfOnly>) -> PageResult {
    let enrolment = state.app.begin_second_factor(&user.identity).await?;
    let qr = qr_svg(&enrolment.uri)?;
    Ok(page(
        "Set up two-step sign-in",
        &user,
        html! {
            h1 { "Set up two-step sign-in" }
            ol {
                li { "Scan this code with an authenticator app (it is labelled only “tracktwo”)." }
                li { "Or type this key into it: " code #totp-secret { (enrolment.secret_base32) } }
                li { "Enter the six-digit code the app shows." }
            }
            figure { (qr) figcaption.muted { "QR code holding the key above." } }
            form.stack method="post" action="/account/second-factor/confirm" {
                input type="hidden" name="csrf" value=(user.csrf());
                label { "Code" input name="code" autocomplete="one-time-code" inputmode="numeric" required; }
                button type="submit" { "Turn on" }
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
    let body = layout(
        "Two-step sign-in is on",
        user.locale,
        None,
        html! {
            h1 { "Two-step sign-in is on" }
            p { "Keep these recovery codes somewhere safe, apart from your phone. Each works once, instead of a code." }
            ul #recovery-codes { @for code in &codes { li { code { (code) } } } }
            p { a href="/sign-in" { "Sign in again" } }
        },
    );
    Ok((jar.remove(removal(SESSION_COOKIE)), body).into_response())
}

posted_forms!(CodeForm);
