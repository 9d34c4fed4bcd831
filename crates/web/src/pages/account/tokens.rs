//! One's own API tokens, on the account page: each listed with its label, creation, expiry and
//! last use, created for a chosen number of days (the secret shown once, on the answer to the
//! form), and revoked. Every step is a use case that decides on the caller's identity.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_app::{AppError, DEFAULT_TOKEN_LIFETIME_DAYS, MAX_TOKEN_LIFETIME_DAYS, TokenSummary};

use crate::PageResult;
use crate::extract::{CsrfForm, CsrfOnly, TokenPath, posted_forms};
use crate::forms::{date_time_text, invalid};
use crate::pages::layout::page;
use crate::session::SignedIn;

/// The account page's section on API tokens.
pub(crate) fn section(user: &SignedIn, tokens: &[TokenSummary]) -> Markup {
    html! {
        h2 { "API tokens" }
        p.muted {
            "A token lets a script use the JSON API as you. Each one expires; changing your password \
             ends them all."
        }
        @if tokens.is_empty() {
            p { "You have no API tokens." }
        } @else {
            table {
                thead { tr {
                    th scope="col" { "Label" } th scope="col" { "Created" } th scope="col" { "Expires" }
                    th scope="col" { "Last used" } th scope="col" { span.visually-hidden { "Action" } }
                } }
                tbody {
                    @for token in tokens {
                        tr {
                            td { (token.label) }
                            td { (date_time_text(token.created_at)) }
                            td {
                                @if token.expired { strong { "Expired " } }
                                (date_time_text(token.expires_at))
                            }
                            td {
                                @match token.last_used_at {
                                    Some(at) => (date_time_text(at)),
                                    None => "Never",
                                }
                            }
                            td {
                                form method="post" action={ "/account/tokens/" (token.id) "/revoke" } {
                                    input type="hidden" name="csrf" value=(user.csrf());
                                    @let verb = if token.expired { "Remove" } else { "Revoke" };
                                    button type="submit" aria-label={ (verb) " the token " (token.label) } { (verb) }
                                }
                            }
                        }
                    }
                }
            }
        }
        h3 { "New API token" }
        form.stack method="post" action="/account/tokens" {
            input type="hidden" name="csrf" value=(user.csrf());
            label { "Label (what the token is for)" input name="label" maxlength="100" required; }
            label {
                "Valid for (days, at most " (MAX_TOKEN_LIFETIME_DAYS) ")"
                input name="days" type="number" min="1" max=(MAX_TOKEN_LIFETIME_DAYS)
                    value=(DEFAULT_TOKEN_LIFETIME_DAYS) required;
            }
            button type="submit" { "Create token" }
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
    let mut response = page(
        "New API token",
        &user,
        html! {
            h1 { "New API token" }
            p { "Copy it now: it is shown only this once, and tracktwo keeps only its digest." }
            p { code #new-token { (issued.secret) } }
            p { "Valid until " (date_time_text(issued.expires_at)) ". Send it as "
                code { "Authorization: Bearer …" } "." }
            p { a href="/account" { "Back to your account" } }
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
