//! The notes of the plenary and of each caucus.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use serde::Deserialize;
use tracktwo_domain::{NewNote, Operation, Scope};

use tracktwo_i18n::{Arg, text, text_with};

use crate::extract::{CsrfForm, InitiativePath, QueryVisit, parse_id, posted_forms};
use crate::pages::layout::page;
use crate::{PageError, PageResult};

#[derive(Deserialize)]
pub struct ScopeQuery {
    caucus: Option<String>,
}

fn scope_of(caucus: Option<&str>) -> Result<Scope, PageError> {
    match caucus.filter(|c| !c.is_empty()) {
        None => Ok(Scope::Plenary),
        Some(side) => Ok(Scope::Caucus(parse_id(side)?)),
    }
}

pub async fn notes(
    QueryVisit(state, user, query, InitiativePath(id)): QueryVisit<ScopeQuery, InitiativePath>,
) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let scope = scope_of(query.caucus.as_deref())?;
    let notes = state.app.notes(&user.identity, id, scope).await?;
    let initiative = state.app.initiative(&user.identity, id).await?;
    let sides = state.app.sides(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let heading = match scope {
        Scope::Plenary => say("initiative-plenary-notes"),
        Scope::Caucus(side) => {
            let name = sides.iter().find(|s| s.id == side).map(|s| s.name.as_str()).unwrap_or_default();
            text_with(user.locale, "initiative-caucus-of", &[("side", Arg::Text(name))])
        }
    };
    let caucus_value = match scope {
        Scope::Plenary => String::new(),
        Scope::Caucus(side) => side.to_string(),
    };
    Ok(page(
        &heading,
        &user,
        html! {
            p { a href={ "/initiatives/" (id) } dir="auto" { (initiative.title) } }
            h1 dir="auto" { (heading) }
            @if notes.is_empty() { p.muted { (say("initiative-no-notes-yet")) } }
            @for note in &notes { div.note dir="auto" { (note.body) } }
            @if may.allows(Operation::WriteRecord(scope)) {
                h2 { (say("initiative-add-a-note")) }
                p.muted { (say("initiative-use-speaker-codes-a1")) }
                form.stack method="post" action={ "/initiatives/" (id) "/notes" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    input type="hidden" name="caucus" value=(caucus_value);
                    label { (say("initiative-note")) textarea name="body" dir="auto" required {} }
                    button type="submit" { (say("initiative-add-note")) }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    csrf: String,
    body: String,
    #[serde(default)]
    caucus: String,
}

pub async fn add_note(
    CsrfForm(state, user, InitiativePath(id), form): CsrfForm<NoteForm, InitiativePath>,
) -> PageResult {
    let scope = scope_of(Some(&form.caucus))?;
    state.app.add_note(&user.identity, id, NewNote { scope, body: form.body }).await?;
    let back = match scope {
        Scope::Plenary => format!("/initiatives/{id}/notes"),
        Scope::Caucus(side) => format!("/initiatives/{id}/notes?caucus={side}"),
    };
    Ok(Redirect::to(&back).into_response())
}

posted_forms!(NoteForm);
