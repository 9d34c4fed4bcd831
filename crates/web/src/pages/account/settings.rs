//! The account page: two-step sign-in, the password, and the API tokens.

use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::cookie::CookieJar;
use maud::html;
use serde::Deserialize;

use super::tokens;
use crate::PageResult;
use crate::extract::{CsrfForm, Visit, posted_forms};
use crate::pages::layout::page;
use crate::session::{SESSION_COOKIE, removal};

pub async fn account(Visit(state, user, ()): Visit) -> PageResult {
    let account = state.app.account(&user.identity).await?;
    let tokens = state.app.tokens_of(&user.identity, account.id).await?;
    Ok(page(
        "Account",
        &user,
        html! {
            h1 { "Account" }
            p { "Signed in as " strong { (account.username) } "." }
            h2 { "Two-step sign-in" }
            @if account.second_factor {
                p { "On: signing in needs a code from your authenticator app or a recovery code." }
            } @else {
                p { "Off. With it on, a stolen password alone does not open your account." }
                form method="post" action="/account/second-factor" {
                    input type="hidden" name="csrf" value=(user.csrf());
                    button type="submit" { "Set up two-step sign-in" }
                }
            }
            h2 { "Change password" }
            p.muted { "Changing it signs you out everywhere." }
            form.stack method="post" action="/account/password" {
                input type="hidden" name="csrf" value=(user.csrf());
                label { "Current password" input name="current" type="password" autocomplete="current-password" required; }
                label {
                    "New password (at least 12 characters)"
                    input name="new" type="password" autocomplete="new-password" minlength="12" required;
                }
                button type="submit" { "Change password" }
            }
            (tokens::section(&user, &tokens))
        },
    ))
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    current: String,
    new: String,
}

pub async fn change_password(jar: CookieJar, CsrfForm(state, user, (), form): CsrfForm<PasswordForm>) -> PageResult {
    state.app.change_password(&user.identity, &form.current, &form.new).await?;
    Ok((jar.remove(removal(SESSION_COOKIE)), Redirect::to("/sign-in")).into_response())
}

posted_forms!(PasswordForm);
