//! A meeting's page: the whole meeting for the team (note capture, notes, attendance, agenda and
//! stage), its summary for everyone else.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use tracktwo_app::dialogue::{MeetingProgress, MeetingView, NoteDraft};
use tracktwo_domain::dialogue::{ConfidentialityMode, MeetingNote, NoteTag};
use tracktwo_domain::map::Capacity;
use tracktwo_domain::scrub::Found;
use tracktwo_domain::{InitiativeId, MeetingId, Operation, SideId};

use super::attendance::consent_select;
use super::summary::summary_html;
use super::{lines, process_nav, stage_text};
use crate::extract::{CsrfForm, ItemPath, Visit};
use crate::forms::{Pairs, date_text, field, invalid};
use crate::pages::layout::page;
use crate::session::SignedIn;
use crate::{PageResult, WebState};

/// The capture page may run one script of ours (the draft keeper); every other page none.
const CAPTURE_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; \
                              connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub async fn meeting(Visit(state, user, ItemPath(id, meeting_id)): Visit<ItemPath<MeetingId>>) -> PageResult {
    meeting_page(&state, &user, id, meeting_id, None).await
}

/// A note held because it names someone where attribution is forbidden: what its author typed,
/// and the places to change.
pub(super) struct Held {
    pub(super) note: MeetingNote,
    pub(super) places: Vec<Found>,
}

/// `text` cut at the held places: each piece, and whether it names someone. Places come from
/// the application for this very text; one that does not fit it is left unmarked, never trusted.
fn marked_pieces<'a>(text: &'a str, places: &[Found]) -> Vec<(&'a str, bool)> {
    let mut pieces = Vec::new();
    let mut from = 0;
    for place in places {
        if place.start < from
            || place.end > text.len()
            || !text.is_char_boundary(place.start)
            || !text.is_char_boundary(place.end)
        {
            continue;
        }
        pieces.push((&text[from..place.start], false));
        pieces.push((&text[place.start..place.end], true));
        from = place.end;
    }
    pieces.push((&text[from..], false));
    pieces
}

/// What the rapporteur sees when a note is held: why, and the note with each name marked.
fn held_panel(held: &Held, mode: ConfidentialityMode) -> Markup {
    html! {
        div.held #held role="alert" {
            p.error {
                "Not saved: under the " (mode.label()) " rule nothing said may be attributed, and this note names someone attending ("
                (held.places.len()) " marked below). Put the speaker's code (A1, B3, F) in the speaker field, take the marked words out of the note, and save again. The note is kept as your draft."
            }
            p.note #held-note {
                @for (piece, names) in marked_pieces(&held.note.body, &held.places) {
                    @if names { mark { (piece) } } @else { (piece) }
                }
            }
        }
    }
}

pub(super) async fn meeting_page(
    state: &WebState,
    user: &SignedIn,
    id: InitiativeId,
    meeting_id: MeetingId,
    held: Option<Held>,
) -> PageResult {
    let view = state.app.meeting(&user.identity, id, meeting_id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let base = format!("/initiatives/{id}/meetings/{meeting_id}");
    match view {
        MeetingView::Summary(summary) => Ok(page(
            &summary.title,
            user,
            html! {
                (process_nav(id, &may))
                h1 { (summary.title) }
                p.muted { "What your role and side may see of this meeting." }
                (summary_html(&summary))
                p { a href={ (base) "/summary?format=pdf" } { "Download as PDF" } }
            },
        )),
        MeetingView::Full { meeting, notes, listed } => {
            let sides = state.app.sides(&user.identity, id).await?;
            let map = state.app.system_map(&user.identity, id).await.ok();
            let methodology = state.app.process_design(&user.identity, id).await?.map(|d| d.methodology);
            let draft = match &held {
                Some(held) => NoteDraft {
                    session: held.note.session,
                    speaker: held.note.speaker.clone(),
                    body: held.note.body.clone(),
                },
                None => state.app.note_draft(&user.identity, id, meeting_id).await.unwrap_or_default(),
            };
            let tagged = |tag: NoteTag| held.as_ref().is_some_and(|h| h.note.tags.contains(&tag));
            let may_key = may.allows(Operation::ReadSpeakerKey);
            let side_name = |side: Option<SideId>| {
                side.and_then(|s| sides.iter().find(|x| x.id == s)).map_or("third party".to_owned(), |s| s.name.clone())
            };
            let body = html! {
                (process_nav(id, &may))
                h1 { (meeting.title) }
                dl.facts {
                    dt { "Date" } dd { (date_text(meeting.starts_on)) @if let Some(end) = meeting.ends_on { " – " (date_text(end)) } }
                    dt { "Rule" } dd { span.tag #mode { (meeting.mode.label()) } }
                    @if !meeting.venue.is_empty() { dt { "Venue" } dd { (meeting.venue) } }
                    dt { "Stage reached" } dd #stage { (stage_text(methodology, meeting.stage_reached)) }
                }
                p {
                    a href={ (base) "/summary" } { "Summary as each reader sees it" } " · "
                    a href={ (base) "/summary?format=pdf" } { "PDF" }
                    @if may_key { " · " a href={ (base) "/speakers" } { "Speaker key" } }
                }
                h2 #capture-heading { "Take a note" }
                p.muted { "Speaker codes only (A1, B3, F), never names. Ctrl+Enter saves; the draft is kept as you type." }
                @if let Some(held) = &held {
                    (held_panel(held, meeting.sessions.get(held.note.session).map_or(meeting.mode, |s| s.mode)))
                }
                form.stack #capture method="post" action={ (base) "/notes" } data-draft={ (base) "/draft" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "Session" select name="session" { @for (i, s) in meeting.sessions.iter().enumerate() { option value=(i) selected[i == draft.session] { (s.title) " (" (s.mode.label()) ")" } } } }
                    label { "Speaker code" input name="speaker" value=(draft.speaker) autocomplete="off" maxlength="4" pattern="[A-Z][0-9]{0,3}" autofocus[held.is_none()]; }
                    label { "Note" textarea name="body" required autofocus[held.is_some()] aria-describedby=[held.as_ref().map(|_| "held")] { (draft.body) } }
                    fieldset { legend { "Tags" }
                        @for tag in NoteTag::ALL { label.check { input type="checkbox" name="tag" value=(tag.as_str()) checked[tagged(*tag)]; (tag.label()) } }
                        label.check { input type="checkbox" name="not_for_transfer" value="yes" checked[held.as_ref().is_some_and(|h| h.note.not_for_transfer)]; "Not for transfer" }
                    }
                    button type="submit" { "Save note" }
                    p.muted role="status" #draft-status {}
                }
                h2 { "Notes" }
                @for (i, session) in meeting.sessions.iter().enumerate() {
                    section.session {
                        h3 { (session.title) }
                        @let here: Vec<_> = notes.iter().filter(|(_, n)| n.session == i).collect();
                        @if here.is_empty() { p.muted { "No notes." } }
                        @for (_, note) in here {
                            div.note {
                                @if !note.speaker.is_empty() { strong.speaker { (note.speaker) ": " } }
                                (note.body)
                                " " @for tag in &note.tags { span.tag { (tag.label()) } " " }
                                @if note.not_for_transfer { span.tag.warn { "not for transfer" } }
                            }
                        }
                    }
                }
                h2 { "Attendance" }
                p.muted { "Who attends, with the side and capacity they came in for this meeting. Under the Chatham House Rule no list leaves the meeting." }
                table #attendance {
                    thead { tr { th scope="col" { "Name" } th scope="col" { "Organisation" } th scope="col" { "Side" } th scope="col" { "Capacity" } th scope="col" { "Outside the team" } } }
                    tbody { @for a in &meeting.attendance { tr {
                        td { (a.name) } td { (a.organisation) } td { (side_name(a.side)) } td { (a.capacity.label()) }
                        td { @if a.actor.is_some_and(|actor| listed.contains(&actor)) { "listed where the rule allows" } @else { span.tag.warn { "team only: no consent to be listed" } } }
                    } } }
                }
                p.muted { "Each attendee is a person of the map, whose consent in the registry decides who outside the team may see them: someone who has not agreed to be listed is shown to the team only." }
                form.stack method="post" action={ (base) "/attendance" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "Person (from the map)"
                        select name="actor" required {
                            option value="" { "— choose —" }
                            @for a in map.iter().flat_map(|m| &m.actors).filter(|a| a.details.kind == tracktwo_domain::map::ActorKind::Person) { option value=(a.id) { (a.details.display_name()) } }
                        }
                    }
                    label { "Name as listed (empty: the map's)" input name="name"; }
                    label { "Organisation" input name="organisation"; }
                    label { "Side (empty: the map's)" select name="side" { option value="" { "as on the map" } @for s in &sides { option value=(s.id) { (s.name) } } } }
                    label { "Capacity" select name="capacity" { @for c in Capacity::ALL { option value=(c.as_str()) { (c.label()) } } } }
                    label { "Their member account, if any (username)" input name="account" autocomplete="off"; }
                    @if may.allows(Operation::WriteRegistry) {
                        fieldset {
                            legend { "Consent, for a person not yet in the registry" }
                            label.check { input type="checkbox" name="record_consent" value="yes"; "Record these answers in the registry now" }
                            (consent_select("contacted", "To be contacted"))
                            (consent_select("listed", "To be listed as a participant"))
                            (consent_select("recorded_under_code", "To be recorded under a code"))
                            (consent_select("photographed", "To be photographed"))
                            label { "Obtained on" input type="date" name="obtained_on"; }
                            label { "How it was obtained" input name="obtained_how"; }
                        }
                    } @else {
                        p.muted { "A person not yet in the registry attends once the convener or operations have recorded their consent." }
                    }
                    button type="submit" { "Add attendee" }
                }
                h2 { "Agenda and stage" }
                form.stack method="post" action={ (base) "/progress" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    fieldset { legend { "Agenda" }
                        @for (i, item) in meeting.agenda.iter().enumerate() {
                            label.check { input type="checkbox" name="done" value=(i) checked[item.done]; (item.title) }
                        }
                    }
                    label { "Stage reached"
                        select name="stage" { option value="" { "not recorded" }
                            @for (i, step) in methodology.map(|m| m.template()).unwrap_or(&[]).iter().enumerate() {
                                option value=(i + 1) selected[meeting.stage_reached == Some(u8::try_from(i + 1).unwrap_or(0))] { (i + 1) ". " (step) }
                            }
                        }
                    }
                    @if meeting.mode == ConfidentialityMode::SecretChannel {
                        label { "Members cleared for this meeting (usernames, one a line)" textarea name="cleared" {} }
                    }
                    button type="submit" { "Save progress" }
                }
                script src="/assets/capture.js" {}
            };
            let mut response = page(&meeting.title, user, body);
            response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CAPTURE_POLICY));
            if held.is_some() {
                *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            }
            Ok(response)
        }
    }
}

pub async fn save_progress(
    CsrfForm(state, user, ItemPath(id, meeting_id), fields): CsrfForm<Pairs, ItemPath<MeetingId>>,
) -> PageResult {
    let stage_reached = match field(&fields, "stage").trim() {
        "" => None,
        n => Some(n.parse().map_err(|_| invalid("stage", "is not a stage of the methodology"))?),
    };
    let progress = MeetingProgress {
        done: fields.iter().filter(|(k, _)| k == "done").filter_map(|(_, v)| v.parse().ok()).collect(),
        stage_reached,
        cleared: lines(field(&fields, "cleared")),
    };
    state.app.record_progress(&user.identity, id, meeting_id, progress).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/meetings/{meeting_id}")).into_response())
}
