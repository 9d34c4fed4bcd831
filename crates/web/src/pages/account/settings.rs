//! The account page: the language of one's pages, two-step sign-in, the password, and the API
//! tokens.

use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::cookie::CookieJar;
use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_i18n::{Arg, Locale, text, text_with};

use super::tokens;
use crate::PageResult;
use crate::extract::{CsrfForm, Visit, posted_forms};
use crate::forms::invalid;
use crate::pages::layout::page;
use crate::session::{SESSION_COOKIE, SignedIn, removal};

pub async fn account(Visit(state, user, ()): Visit) -> PageResult {
    let account = state.app.account(&user.identity).await?;
    let tokens = state.app.tokens_of(&user.identity, account.id).await?;
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    Ok(page(
        &say("account-title"),
        &user,
        html! {
            h1 { (say("account-title")) }
            p { (text_with(locale, "account-signed-in-as", &[("username", Arg::Text(&account.username))])) }
            (language_section(&user))
            h2 { (say("account-second-factor")) }
            @if account.second_factor {
                p { (say("account-second-factor-on")) }
            } @else {
                p { (say("account-second-factor-off")) }
                form method="post" action="/account/second-factor" {
                    input type="hidden" name="csrf" value=(user.csrf());
                    button type="submit" { (say("account-second-factor-start")) }
                }
            }
            h2 { (say("account-password")) }
            p.muted { (say("account-password-note")) }
            form.stack method="post" action="/account/password" {
                input type="hidden" name="csrf" value=(user.csrf());
                label { (say("account-password-current")) input name="current" type="password" autocomplete="current-password" required; }
                label {
                    (say("account-password-new"))
                    input name="new" type="password" autocomplete="new-password" minlength="12" required;
                }
                button type="submit" { (say("account-password")) }
            }
            (tokens::section(&user, &tokens))
        },
    ))
}

/// The language of one's pages: kept with the account, so it follows the member from device
/// to device; "the browser's" leaves it to the language switch and the browser.
fn language_section(user: &SignedIn) -> Markup {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let chosen = user.account_locale;
    html! {
        h2 { (say("account-language")) }
        form.stack method="post" action="/account/language" {
            input type="hidden" name="csrf" value=(user.csrf());
            label {
                (say("account-language-label"))
                select name="language" {
                    option value="" selected[chosen.is_none()] { (say("account-language-browser")) }
                    @for offered in Locale::SHIPPED {
                        option value=(offered.tag()) lang=(offered.tag()) selected[chosen == Some(offered)] {
                            (offered.native_name())
                        }
                    }
                }
            }
            button type="submit" { (say("account-language-save")) }
        }
    }
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    language: String,
}

/// Keeps the language chosen on the account page: one the pages speak, or none.
pub async fn set_language(CsrfForm(state, user, (), form): CsrfForm<LanguageForm>) -> PageResult {
    let language = match form.language.trim() {
        "" => None,
        tag => Some(
            Locale::from_tag(tag)
                .filter(|l| Locale::SHIPPED.contains(l))
                .ok_or_else(|| invalid("language", "is not one the pages speak"))?,
        ),
    };
    state.app.set_account_language(&user.identity, language.map(Locale::tag)).await?;
    Ok(Redirect::to("/account").into_response())
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

posted_forms!(PasswordForm, LanguageForm);
