//! The negotiating texts of an initiative, and a new one opened by those who hold the pen.

use std::collections::BTreeSet;

use axum::response::{IntoResponse, Redirect};
use maud::html;
use tracktwo_app::AppError;
use tracktwo_app::negotiating_text::NewText;
use tracktwo_domain::Operation;
use tracktwo_domain::dialogue::ConfidentialityMode;
use tracktwo_domain::negotiating_text::Language;

use super::{SideNames, agreement, nav, text_path};
use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, Visit};
use crate::forms::{Pairs, date_time_text, field};
use crate::pages::layout::page;

pub async fn texts(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let list = state.app.texts(&user.identity, id).await?;
    let sides = SideNames(state.app.sides(&user.identity, id).await?);
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    Ok(page(
        "Negotiating texts",
        &user,
        html! {
            (nav(id, None))
            h1 { "Negotiating texts" }
            p.muted { "A single negotiating text: the facilitator writes each version; the sides comment and suggest wording, in plenary or in their caucus; nothing is agreed until every side has signed the same settled version." }
            @if list.is_empty() { p { "No text yet." } } @else {
                table #texts {
                    thead { tr {
                        th scope="col" { "Text" } th.num scope="col" { "Versions" } th.num scope="col" { "Translations" }
                        th scope="col" { "Newest" } th scope="col" { "Where it stands" }
                    } }
                    tbody { @for t in &list { tr {
                        td { a href=(text_path(id, t.id)) { (t.title) } }
                        td.num { (t.versions) }
                        td.num { (t.translations) @if t.languages.len() > 1 { " (" (t.languages.iter().map(Language::as_str).collect::<Vec<_>>().join(", ")) ")" } }
                        td { @if let Some(latest) = &t.latest { "version " (latest.number) ", " (date_time_text(latest.committed_at)) } }
                        td { (agreement(&t.agreement, &sides)) }
                    } } }
                }
            }
            @if may.allows(Operation::DraftText) {
                h2 { "Open a text" }
                form.stack method="post" action=(super::texts_path(id)) {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "Title" input name="title" required; }
                    label { "Language of the authoritative text (a tag such as en, ar, fr)" input name="language" value="en" required; }
                    label { "Who may see what of its comments" select name="mode" { @for m in ConfidentialityMode::ALL {
                        option value=(m.as_str()) selected[*m == ConfidentialityMode::ChathamHouse] { (m.label()) }
                    } } }
                    p.muted { "Every side of the initiative must sign the text; the first version is written on the text's page." }
                    button type="submit" { "Open" }
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
