//! A meeting's speaker key: which person stands behind each code, for the convener only.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use serde::Deserialize;
use tracktwo_domain::dialogue::SpeakerKey;
use tracktwo_domain::{MeetingId, Operation};

use super::{lines, process_nav};
use crate::PageResult;
use crate::extract::{CsrfForm, ItemPath, Visit, posted_forms};
use crate::forms::invalid;
use crate::pages::layout::page;

pub async fn speakers(Visit(state, user, ItemPath(id, meeting_id)): Visit<ItemPath<MeetingId>>) -> PageResult {
    let key = state.app.speaker_key(&user.identity, id, meeting_id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let text: String = key.entries.iter().map(|(c, n)| format!("{c} = {n}\n")).collect();
    Ok(page(
        "Speaker key",
        &user,
        html! {
            (process_nav(id, &may))
            h1 { "Speaker key" }
            p.muted { "Which person stands behind each code of this meeting. Seen by the convener only; never part of any summary or export." }
            form.stack method="post" action={ "/initiatives/" (id) "/meetings/" (meeting_id) "/speakers" } {
                input type="hidden" name="csrf" value=(user.csrf());
                label { "One a line: CODE = name" textarea name="key" { (text) } }
                button type="submit" { "Save speaker key" }
            }
            p { a href={ "/initiatives/" (id) "/meetings/" (meeting_id) } { "Back to the meeting" } }
        },
    ))
}

#[derive(Deserialize)]
pub struct KeyForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    key: String,
}

pub async fn save_speakers(
    CsrfForm(state, user, ItemPath(id, meeting_id), form): CsrfForm<KeyForm, ItemPath<MeetingId>>,
) -> PageResult {
    let mut entries = Vec::new();
    for line in lines(&form.key) {
        let (code, name) = line.split_once('=').ok_or_else(|| invalid("speaker key", "lines must read CODE = name"))?;
        entries.push((code.trim().to_owned(), name.trim().to_owned()));
    }
    state.app.set_speaker_key(&user.identity, id, meeting_id, SpeakerKey { entries }).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/meetings/{meeting_id}/speakers")).into_response())
}

posted_forms!(KeyForm);
