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
use tracktwo_i18n::{Arg, Locale, text, text_with};

use crate::extract::{CsrfForm, ItemPath, Visit};
use crate::forms::{Pairs, field, invalid, shown_date};
use crate::pages::layout::page;
use crate::pages::words;
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
fn held_panel(locale: Locale, held: &Held, mode: ConfidentialityMode) -> Markup {
    let rule = words::of(locale, mode);
    let args = [("rule", Arg::Text(&rule)), ("count", Arg::count(held.places.len()))];
    html! {
        div.held #held role="alert" {
            p.error { (text_with(locale, "dialogue-held", &args)) }
            p.note #held-note dir="auto" {
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
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let view = state.app.meeting(&user.identity, id, meeting_id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let base = format!("/initiatives/{id}/meetings/{meeting_id}");
    match view {
        MeetingView::Summary(summary) => Ok(page(
            &summary.title,
            user,
            html! {
                (process_nav(user.locale, id, &may))
                h1 dir="auto" { (summary.title) }
                p.muted { (say("dialogue-what-your-role-and")) }
                (summary_html(locale, &summary))
                p { a href={ (base) "/summary?format=pdf" } { (say("dialogue-download-as-pdf")) } }
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
                side.and_then(|s| sides.iter().find(|x| x.id == s))
                    .map_or_else(|| say("dialogue-third-party"), |s| s.name.clone())
            };
            let body = html! {
                (process_nav(user.locale, id, &may))
                h1 dir="auto" { (meeting.title) }
                dl.facts {
                    dt { (say("dialogue-date")) } dd { (shown_date(locale, meeting.starts_on)) @if let Some(end) = meeting.ends_on { " – " (shown_date(locale, end)) } }
                    dt { (say("dialogue-rule")) } dd { span.tag #mode { (words::of(locale, meeting.mode)) } }
                    @if !meeting.venue.is_empty() { dt { (say("dialogue-venue")) } dd dir="auto" { (meeting.venue) } }
                    dt { (say("dialogue-stage-reached")) } dd #stage { (stage_text(user.locale, methodology, meeting.stage_reached)) }
                }
                p {
                    a href={ (base) "/summary" } { (say("dialogue-summary-as-each-reader")) } " · "
                    a href={ (base) "/summary?format=pdf" } { (say("dialogue-pdf")) }
                    @if may_key { " · " a href={ (base) "/speakers" } { (say("dialogue-speaker-key")) } }
                }
                h2 #capture-heading { (say("dialogue-take-a-note")) }
                p.muted { (say("dialogue-speaker-codes-only-a1")) }
                @if let Some(held) = &held {
                    (held_panel(locale, held, meeting.sessions.get(held.note.session).map_or(meeting.mode, |s| s.mode)))
                }
                form.stack #capture method="post" action={ (base) "/notes" } data-draft={ (base) "/draft" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("dialogue-session")) select name="session" { @for (i, s) in meeting.sessions.iter().enumerate() { option value=(i) selected[i == draft.session] { (text_with(locale, "dialogue-session-option", &[("session", Arg::Text(&s.title)), ("rule", Arg::Text(&words::of(locale, s.mode)))])) } } } }
                    label { (say("dialogue-speaker-code")) input name="speaker" value=(draft.speaker) dir="ltr" autocomplete="off" maxlength="4" pattern="[A-Z][0-9]{0,3}" autofocus[held.is_none()]; }
                    label { (say("dialogue-note")) textarea name="body" dir="auto" required autofocus[held.is_some()] aria-describedby=[held.as_ref().map(|_| "held")] { (draft.body) } }
                    fieldset { legend { (say("dialogue-tags")) }
                        @for tag in NoteTag::ALL { label.check { input type="checkbox" name="tag" value=(tag.as_str()) checked[tagged(*tag)]; (words::of(locale, tag)) } }
                        label.check { input type="checkbox" name="not_for_transfer" value="yes" checked[held.as_ref().is_some_and(|h| h.note.not_for_transfer)]; (say("dialogue-not-for-transfer")) }
                    }
                    button type="submit" { (say("dialogue-save-note")) }
                    p.muted role="status" #draft-status {}
                }
                h2 { (say("dialogue-notes")) }
                @for (i, session) in meeting.sessions.iter().enumerate() {
                    section.session {
                        h3 dir="auto" { (session.title) }
                        @let here: Vec<_> = notes.iter().filter(|(_, n)| n.session == i).collect();
                        @if here.is_empty() { p.muted { (say("dialogue-no-notes")) } }
                        @for (_, note) in here {
                            div.note {
                                @if !note.speaker.is_empty() { strong.speaker dir="ltr" { (note.speaker) } ": " }
                                span dir="auto" { (note.body) }
                                " " @for tag in &note.tags { span.tag { (words::of(locale, tag)) } " " }
                                @if note.not_for_transfer { span.tag.warn { (say("dialogue-not-for-transfer-2")) } }
                            }
                        }
                    }
                }
                h2 { (say("dialogue-attendance")) }
                p.muted { (say("dialogue-who-attends-with-the")) }
                div.scroll tabindex="0" role="region" aria-label=(say("dialogue-attendance")) { table #attendance {
                    thead { tr { th scope="col" { (say("dialogue-name")) } th scope="col" { (say("dialogue-organisation")) } th scope="col" { (say("dialogue-side")) } th scope="col" { (say("dialogue-capacity")) } th scope="col" { (say("dialogue-outside-the-team")) } } }
                    tbody { @for a in &meeting.attendance { tr {
                        td dir="auto" { (a.name) } td dir="auto" { (a.organisation) } td dir="auto" { (side_name(a.side)) } td { (words::of(locale, a.capacity)) }
                        td { @if a.actor.is_some_and(|actor| listed.contains(&actor)) { (say("dialogue-listed-where-the-rule")) } @else { span.tag.warn { (say("dialogue-team-only-no-consent")) } } }
                    } } }
                } }
                p.muted { (say("dialogue-each-attendee-is-a")) }
                form.stack method="post" action={ (base) "/attendance" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("dialogue-person-from-the-map"))
                        select name="actor" required {
                            option value="" { (say("dialogue-choose")) }
                            @for a in map.iter().flat_map(|m| &m.actors).filter(|a| a.details.kind == tracktwo_domain::map::ActorKind::Person) { option value=(a.id) dir="auto" { (a.details.display_name()) } }
                        }
                    }
                    label { (say("dialogue-name-as-listed-empty")) input name="name" dir="auto"; }
                    label { (say("dialogue-organisation")) input name="organisation" dir="auto"; }
                    label { (say("dialogue-side-empty-the-map")) select name="side" { option value="" { (say("dialogue-as-on-the-map")) } @for s in &sides { option value=(s.id) dir="auto" { (s.name) } } } }
                    label { (say("dialogue-capacity")) select name="capacity" { @for c in Capacity::ALL { option value=(c.as_str()) { (words::of(locale, c)) } } } }
                    label { (say("dialogue-their-member-account-if")) input name="account" autocomplete="off"; }
                    @if may.allows(Operation::WriteRegistry) {
                        fieldset {
                            legend { (say("dialogue-consent-for-a-person")) }
                            label.check { input type="checkbox" name="record_consent" value="yes"; (say("dialogue-record-these-answers-in")) }
                            (consent_select(locale, "contacted", &say("dialogue-consent-contacted")))
                            (consent_select(locale, "listed", &say("dialogue-consent-listed")))
                            (consent_select(locale, "recorded_under_code", &say("dialogue-consent-recorded-under-code")))
                            (consent_select(locale, "photographed", &say("dialogue-consent-photographed")))
                            label { (say("dialogue-obtained-on")) input type="date" name="obtained_on"; }
                            label { (say("dialogue-how-it-was-obtained")) input name="obtained_how"; }
                        }
                    } @else {
                        p.muted { (say("dialogue-a-person-not-yet")) }
                    }
                    button type="submit" { (say("dialogue-add-attendee")) }
                }
                h2 { (say("dialogue-agenda-and-stage")) }
                form.stack method="post" action={ (base) "/progress" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    fieldset { legend { (say("dialogue-agenda")) }
                        @for (i, item) in meeting.agenda.iter().enumerate() {
                            label.check { input type="checkbox" name="done" value=(i) checked[item.done]; span dir="auto" { (item.title) } }
                        }
                    }
                    label { (say("dialogue-stage-reached"))
                        select name="stage" { option value="" { (say("dialogue-not-recorded")) }
                            @for (i, _) in methodology.map(|m| m.template()).unwrap_or(&[]).iter().enumerate() {
                                option value=(i + 1) selected[meeting.stage_reached == Some(u8::try_from(i + 1).unwrap_or(0))] {
                                    (i + 1) ". " (methodology.and_then(|m| words::methodology_step(locale, m, i + 1)).unwrap_or_default())
                                }
                            }
                        }
                    }
                    @if meeting.mode == ConfidentialityMode::SecretChannel {
                        label { (say("dialogue-members-cleared-for-this")) textarea name="cleared" {} }
                    }
                    button type="submit" { (say("dialogue-save-progress")) }
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
