//! One's own API tokens, on the account page: each listed with its label, creation, expiry and
//! last use, created for a chosen number of days (the secret shown once, on the answer to the
//! form), and revoked. Every step is a use case that decides on the caller's identity.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_app::{AppError, DEFAULT_TOKEN_LIFETIME_DAYS, MAX_TOKEN_LIFETIME_DAYS, TokenSummary};

use tracktwo_i18n::{Arg, text, text_with};

use crate::PageResult;
use crate::extract::{CsrfForm, CsrfOnly, TokenPath, posted_forms};
use crate::forms::{invalid, shown_date_time};
use crate::pages::layout::page;
use crate::session::SignedIn;

/// The account page's section on API tokens.
pub(crate) fn section(user: &SignedIn, tokens: &[TokenSummary]) -> Markup {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    html! {
        h2 { (say("tokens-title")) }
        p.muted { (say("tokens-intro")) }
        @if tokens.is_empty() {
            p { (say("tokens-none")) }
        } @else {
            div.scroll tabindex="0" role="region" aria-label=(say("tokens-title")) { table {
                thead { tr {
                    th scope="col" { (say("tokens-label")) } th scope="col" { (say("tokens-created")) }
                    th scope="col" { (say("tokens-expires")) }
                    th scope="col" { (say("tokens-last-used")) } th scope="col" { span.visually-hidden { (say("tokens-action")) } }
                } }
                tbody {
                    @for token in tokens {
                        tr {
                            td dir="auto" { (token.label) }
                            td { (shown_date_time(locale, token.created_at)) }
                            td {
                                @if token.expired { strong { (say("tokens-expired")) } " " }
                                (shown_date_time(locale, token.expires_at))
                            }
                            td {
                                @match token.last_used_at {
                                    Some(at) => (shown_date_time(locale, at)),
                                    None => (say("tokens-never")),
                                }
                            }
                            td {
                                form method="post" action={ "/account/tokens/" (token.id) "/revoke" } {
                                    input type="hidden" name="csrf" value=(user.csrf());
                                    @let (verb, named) = if token.expired {
                                        ("tokens-remove", "tokens-remove-named")
                                    } else {
                                        ("tokens-revoke", "tokens-revoke-named")
                                    };
                                    button type="submit" aria-label=(text_with(locale, named, &[("label", Arg::Text(&token.label))])) {
                                        (text(locale, verb))
                                    }
                                }
                            }
                        }
                    }
                }
            } }
        }
        h3 { (say("tokens-new")) }
        form.stack method="post" action="/account/tokens" {
            input type="hidden" name="csrf" value=(user.csrf());
            label { (say("tokens-new-label")) input name="label" maxlength="100" dir="auto" required; }
            label {
                (text_with(locale, "tokens-new-days", &[("max", Arg::count(MAX_TOKEN_LIFETIME_DAYS))]))
                input name="days" type="number" min="1" max=(MAX_TOKEN_LIFETIME_DAYS)
                    value=(DEFAULT_TOKEN_LIFETIME_DAYS) required;
            }
            button type="submit" { (say("tokens-create")) }
        }
    }
}

#[derive(Deserialize)]
pub struct NewTokenForm {
    #[serde(default)]
    csrf: String,
    label: String,
    days: String,
}

pub async fn create_token(CsrfForm(state, user, (), form): CsrfForm<NewTokenForm>) -> PageResult {
    let me = user.identity.user_id().ok_or(AppError::NotFound)?;
    let days = form
        .days
        .trim()
        .parse::<u32>()
        .map_err(|_| invalid("token lifetime", "must be a whole number of days between 1 and 365"))?;
    let issued = state.app.create_token_lasting(&user.identity, me, &form.label, days).await?;
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let mut response = page(
        &say("tokens-new"),
        &user,
        html! {
            h1 { (say("tokens-new")) }
            p { (say("tokens-copy-now")) }
            p { code #new-token dir="ltr" { (issued.secret) } }
            p {
                (text_with(locale, "tokens-valid-until", &[("until", Arg::Text(&locale.date_time(issued.expires_at)))]))
                " " code dir="ltr" { "Authorization: Bearer …" }
            }
            p { a href="/account" { (say("tokens-back")) } }
        },
    );
    // The secret must not linger in a cache.
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

pub async fn revoke_token(CsrfForm(state, user, TokenPath(token), _): CsrfForm<CsrfOnly, TokenPath>) -> PageResult {
    state.app.revoke_token(&user.identity, token).await?;
    Ok(Redirect::to("/account").into_response())
}

posted_forms!(NewTokenForm);
