//! A meeting's speaker key: which person stands behind each code, for the convener only.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use serde::Deserialize;
use tracktwo_domain::dialogue::SpeakerKey;
use tracktwo_domain::{MeetingId, Operation};

use super::{lines, process_nav};
use tracktwo_i18n::text;

use crate::PageResult;
use crate::extract::{CsrfForm, ItemPath, Visit, posted_forms};
use crate::forms::invalid;
use crate::pages::layout::page;

pub async fn speakers(Visit(state, user, ItemPath(id, meeting_id)): Visit<ItemPath<MeetingId>>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let key = state.app.speaker_key(&user.identity, id, meeting_id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let entries: String = key.entries.iter().map(|(c, n)| format!("{c} = {n}\n")).collect();
    Ok(page(
        &say("dialogue-speaker-key"),
        &user,
        html! {
            (process_nav(user.locale, id, &may))
            h1 { (say("dialogue-speaker-key")) }
            p.muted { (say("dialogue-which-person-stands-behind")) }
            form.stack method="post" action={ "/initiatives/" (id) "/meetings/" (meeting_id) "/speakers" } {
                input type="hidden" name="csrf" value=(user.csrf());
                label { (say("dialogue-one-a-line-code")) textarea name="key" dir="auto" { (entries) } }
                button type="submit" { (say("dialogue-save-speaker-key")) }
            }
            p { a href={ "/initiatives/" (id) "/meetings/" (meeting_id) } { (say("dialogue-back-to-the-meeting")) } }
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
