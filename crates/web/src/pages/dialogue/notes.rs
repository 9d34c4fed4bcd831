//! Taking a meeting's notes: a note saved (or held when it names someone where attribution is
//! forbidden), the draft kept as the rapporteur types, and the script that keeps it.

use std::collections::BTreeSet;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use tracktwo_app::AppError;
use tracktwo_app::dialogue::NoteDraft;
use tracktwo_domain::MeetingId;
use tracktwo_domain::dialogue::{MeetingNote, NoteTag};

use super::meeting::{Held, meeting_page};
use crate::extract::{CsrfForm, ItemPath};
use crate::forms::{Pairs, field, invalid};
use crate::{PageError, PageResult};

pub async fn capture_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/javascript; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
        ],
        include_str!("../../../assets/capture.js"),
    )
        .into_response()
}

fn note_from(fields: &[(String, String)], meeting: MeetingId) -> Result<MeetingNote, PageError> {
    let mut tags = BTreeSet::new();
    for (_, value) in fields.iter().filter(|(k, _)| k == "tag") {
        tags.insert(NoteTag::parse(value).map_err(AppError::Invalid)?);
    }
    Ok(MeetingNote {
        meeting,
        session: field(fields, "session")
            .trim()
            .parse()
            .map_err(|_| invalid("session", "is not one of the meeting's"))?,
        speaker: field(fields, "speaker").trim().to_owned(),
        tags,
        not_for_transfer: !field(fields, "not_for_transfer").is_empty(),
        body: field(fields, "body").to_owned(),
        author: None,
        taken_at: time::OffsetDateTime::UNIX_EPOCH,
    })
}

pub async fn add_note(
    CsrfForm(state, user, ItemPath(id, meeting_id), fields): CsrfForm<Pairs, ItemPath<MeetingId>>,
) -> PageResult {
    let note = note_from(&fields, meeting_id)?;
    match state.app.add_meeting_note(&user.identity, id, note.clone()).await {
        Ok(_) => Ok(Redirect::to(&format!("/initiatives/{id}/meetings/{meeting_id}#capture-heading")).into_response()),
        // Held: the page comes back with the names marked and what was typed kept, here and as
        // the draft, so nothing typed is lost and nothing named is saved.
        Err(AppError::NamesInNote(places)) => {
            let draft = NoteDraft { session: note.session, speaker: note.speaker.clone(), body: note.body.clone() };
            state.app.save_note_draft(&user.identity, id, meeting_id, draft).await?;
            meeting_page(&state, &user, id, meeting_id, Some(Held { note, places })).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn save_draft(
    CsrfForm(state, user, ItemPath(id, meeting_id), fields): CsrfForm<Pairs, ItemPath<MeetingId>>,
) -> PageResult {
    let draft = NoteDraft {
        session: field(&fields, "session").trim().parse().unwrap_or(0),
        speaker: field(&fields, "speaker").chars().take(8).collect(),
        body: field(&fields, "body").to_owned(),
    };
    state.app.save_note_draft(&user.identity, id, meeting_id, draft).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
