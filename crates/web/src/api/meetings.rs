//! A meeting's summary, as the redaction engine makes it for the caller.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use tracktwo_domain::redaction::{MeetingSummary, Reader, SessionScope, StageReached, Withheld};

use super::Caller;
use crate::extract::parse_id;
use crate::{WebError, WebState};

/// A meeting's summary as the redaction engine makes it for the caller: the attendees the
/// caller may see (by the attendee rule), the record their role and side may take away, and what
/// was left out, in words.
#[derive(Serialize)]
pub(crate) struct SummaryView {
    title: String,
    initiative: String,
    round: String,
    mode: &'static str,
    starts_on: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    ends_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    venue: Option<String>,
    /// Absent where the mode or the caller's role allows no attendee list.
    #[serde(skip_serializing_if = "Option::is_none")]
    attendees: Option<Vec<AttendeeView>>,
    agenda: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stage_reached: Option<String>,
    sessions: Vec<SessionView>,
    options: Vec<String>,
    withheld: Vec<String>,
    prepared_for: &'static str,
}

#[derive(Serialize)]
struct AttendeeView {
    name: String,
    organisation: String,
    side: String,
    capacity: &'static str,
}

#[derive(Serialize)]
struct SessionView {
    title: String,
    scope: String,
    mode: &'static str,
    notes: Vec<SummaryNoteView>,
}

#[derive(Serialize)]
struct SummaryNoteView {
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<String>,
    tags: Vec<&'static str>,
    body: String,
}

fn iso_date(date: time::Date) -> String {
    date.format(time::macros::format_description!("[year]-[month]-[day]")).unwrap_or_default()
}

// The API's words are its stable machine form, the same in every language and release: pages
// say the same things in their reader's language.

/// The stage's name in the methodology's template.
fn stage_name(stage: StageReached) -> Option<String> {
    stage.template_name().map(str::to_owned)
}

fn scope_name(scope: &SessionScope) -> String {
    match scope {
        SessionScope::Plenary => "Plenary".to_owned(),
        SessionScope::Caucus { side } => format!("Caucus: {side}"),
    }
}

fn withheld_said(withheld: &Withheld, reader: Reader) -> String {
    match withheld {
        Withheld::AttendeeList { mode } => format!("the attendee list ({})", mode.label()),
        Withheld::AttendeeListFromFunders => {
            "the attendee list (funders do not receive participants' identities)".to_owned()
        }
        Withheld::AttendeesNotListed { count, side } => {
            format!("{count} attendee(s) not listed for {} ({side})", reader.label())
        }
        Withheld::SecretVenue => "the venue (secret channel)".to_owned(),
        Withheld::SessionRecord => format!("the record of the sessions ({} do not receive it)", reader.label()),
        Withheld::SessionsClosed { count } => format!("{count} session(s) closed to {}", reader.label()),
        Withheld::NotesNotForTransfer { count } => format!("{count} note(s) marked not for transfer"),
    }
}

impl From<MeetingSummary> for SummaryView {
    fn from(s: MeetingSummary) -> Self {
        Self {
            title: s.title,
            initiative: s.initiative,
            round: s.round,
            mode: s.mode.as_str(),
            starts_on: iso_date(s.starts_on),
            ends_on: s.ends_on.map(iso_date),
            venue: s.venue.filter(|v| !v.is_empty()),
            attendees: s.attendees.map(|list| {
                list.into_iter()
                    .map(|a| AttendeeView {
                        name: a.name,
                        organisation: a.organisation,
                        side: a.side,
                        capacity: a.capacity.as_str(),
                    })
                    .collect()
            }),
            agenda: s.agenda.into_iter().map(|(item, _)| item).collect(),
            stage_reached: s.stage_reached.and_then(stage_name),
            sessions: s
                .sessions
                .into_iter()
                .map(|session| SessionView {
                    title: session.title,
                    scope: scope_name(&session.scope),
                    mode: session.mode.as_str(),
                    notes: session
                        .notes
                        .into_iter()
                        .map(|n| SummaryNoteView {
                            speaker: n.speaker,
                            tags: n.tags.iter().map(|t| t.as_str()).collect(),
                            body: n.body,
                        })
                        .collect(),
                })
                .collect(),
            options: s.options.into_iter().map(|o| o.title).collect(),
            withheld: s.withheld.iter().map(|w| withheld_said(w, s.reader)).collect(),
            prepared_for: s.reader.label(),
        }
    }
}

/// A meeting's summary for the caller, as on the meeting's page.
pub(crate) async fn show_meeting_summary(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
    Path((initiative, meeting)): Path<(String, String)>,
) -> Result<Json<SummaryView>, WebError> {
    let initiative = parse_id(&initiative)?;
    let meeting = parse_id(&meeting)?;
    Ok(Json(state.app.meeting_summary(&who, initiative, meeting).await?.into()))
}
