//! The negotiating texts of an initiative, and a new one opened by those who hold the pen.

use std::collections::BTreeSet;

use axum::response::{IntoResponse, Redirect};
use maud::html;
use tracktwo_app::AppError;
use tracktwo_app::negotiating_text::NewText;
use tracktwo_domain::Operation;
use tracktwo_domain::dialogue::ConfidentialityMode;
use tracktwo_domain::negotiating_text::Language;

use super::{SideNames, Within, agreement, nav, text_path};
use tracktwo_i18n::{Arg, text_with};

use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, Visit};
use crate::forms::{Pairs, field, shown_date_time};
use crate::pages::layout::page;
use crate::pages::words;

pub async fn texts(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    let list = state.app.texts(&user.identity, id).await?;
    let sides = SideNames(state.app.sides(&user.identity, id).await?);
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    Ok(page(
        &say("text-negotiating-texts"),
        &user,
        html! {
            (nav(locale, id, Within::List))
            h1 { (say("text-negotiating-texts")) }
            p.muted { (say("text-a-single-negotiating-text")) }
            @if list.is_empty() { p { (say("text-no-text-yet")) } } @else {
                div.scroll tabindex="0" role="region" aria-label=(say("text-negotiating-texts")) { table #texts {
                    thead { tr {
                        th scope="col" { (say("text-text")) } th.num scope="col" { (say("text-versions")) } th.num scope="col" { (say("text-translations")) }
                        th scope="col" { (say("text-newest")) } th scope="col" { (say("text-where-it-stands")) }
                    } }
                    tbody { @for t in &list { tr {
                        td { a href=(text_path(id, t.id)) dir="auto" { (t.title) } }
                        td.num { (locale.number(t.versions)) }
                        td.num { (t.translations) @if t.languages.len() > 1 { " (" code { (t.languages.iter().map(Language::as_str).collect::<Vec<_>>().join(", ")) } ")" } }
                        td { @if let Some(latest) = &t.latest { (text_with(locale, "text-version-number", &[("version", Arg::count(latest.number))])) ", " (shown_date_time(locale, latest.committed_at)) } }
                        td { (agreement(locale, &t.agreement, &sides)) }
                    } } }
                } }
            }
            @if may.allows(Operation::DraftText) {
                h2 { (say("text-open-a-text")) }
                form.stack method="post" action=(super::texts_path(id)) {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("text-title")) input name="title" dir="auto" required; }
                    label { (say("text-language-of-the-authoritative")) input name="language" value="en" dir="ltr" required; }
                    label { (say("text-who-may-see-what")) select name="mode" { @for m in ConfidentialityMode::ALL {
                        option value=(m.as_str()) selected[*m == ConfidentialityMode::ChathamHouse] { (words::of(locale, m)) }
                    } } }
                    p.muted { (say("text-every-side-of-the")) }
                    button type="submit" { (say("text-open")) }
                }
            }
        },
    ))
}

pub async fn create_text(
    CsrfForm(state, user, InitiativePath(id), fields): CsrfForm<Pairs, InitiativePath>,
) -> PageResult {
    let new = NewText {
        title: field(&fields, "title").trim().to_owned(),
        round: None,
        mode: ConfidentialityMode::parse(field(&fields, "mode")).map_err(AppError::Invalid)?,
        authoritative: Language::parse(field(&fields, "language")).map_err(AppError::Invalid)?,
        sides: BTreeSet::new(),
    };
    let text = state.app.create_text(&user.identity, id, new).await?;
    Ok(Redirect::to(&text_path(id, text)).into_response())
}
