//! The dialogue process's pages: the design and the rounds, each meeting (whole for the team,
//! its summary for everyone else), fast note capture by speaker code, the speaker key, the
//! options register, follow-ups, and meeting summaries as HTML and PDF.

use std::collections::BTreeSet;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_app::dialogue::{MeetingProgress, MeetingView, NewAttendee, NoteDraft};
use tracktwo_app::{AppError, Permissions};
use tracktwo_domain::dialogue::{
    AgendaItem, ConfidentialityMode, DialogueOption, FollowUp, Grant, Meeting, MeetingNote, Methodology, NoteTag,
    OptionStatus, Phase, ProcessDesign, ProcessKind, Round, Session, SpeakerKey, TheoryOfChange,
};
use tracktwo_domain::map::{Capacity, Consent, ConsentAnswer};
use tracktwo_domain::redaction::MeetingSummary;
use tracktwo_domain::scrub::Found;
use tracktwo_domain::{FollowUpId, InitiativeId, MeetingId, Operation, OptionId, RoundId, Scope, SideId};

use crate::forms::{PageResult, date_text, field, id_of, initiative_id, invalid, optional_date};
use crate::pages::page;
use crate::session::SignedIn;
use crate::{PageError, WebState};

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

fn process_nav(id: InitiativeId, may: &Permissions) -> Markup {
    html! {
        nav.sub aria-label="Dialogue process" {
            a href={ "/initiatives/" (id) } { "Initiative" }
            a href={ "/initiatives/" (id) "/process" } { "Process and rounds" }
            @if may.allows(Operation::ReadRecord(Scope::Plenary)) {
                a href={ "/initiatives/" (id) "/options" } { "Options register" }
                a href={ "/initiatives/" (id) "/follow-ups" } { "Follow-ups" }
            }
        }
    }
}

fn stage_text(methodology: Option<Methodology>, stage: Option<u8>) -> String {
    match (methodology, stage) {
        (Some(m), Some(stage)) => {
            let steps = m.template();
            let name = steps.get(usize::from(stage).saturating_sub(1)).copied().unwrap_or("");
            format!("{stage} of {}: {name}", steps.len())
        }
        (None, Some(stage)) => format!("step {stage}"),
        _ => "not recorded".to_owned(),
    }
}

pub async fn process(State(state): State<Arc<WebState>>, user: SignedIn, Path(id): Path<String>) -> PageResult {
    let id = initiative_id(&id)?;
    let overview = state.app.process_overview(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let sides = state.app.sides(&user.identity, id).await?;
    let may_write = may.allows(Operation::WriteProcess);
    let design = overview.design.as_ref();
    let methodology = design.map(|d| d.methodology);
    let today = state.app.today();
    Ok(page(
        "Process and rounds",
        &user,
        html! {
            (process_nav(id, &may))
            h1 { "Process and rounds" }
            @if let Some(d) = design {
                dl.facts #design {
                    dt { "Kind" } dd { (d.kind.label()) }
                    dt { "Methodology" } dd { (d.methodology.label()) }
                    dt { "Phase" } dd { (d.phase.label()) }
                    @if !d.theory_of_change.if_we.is_empty() {
                        dt { "Theory of change" }
                        dd { "If " (d.theory_of_change.if_we) ", then " (d.theory_of_change.then) ", because " (d.theory_of_change.because) "." }
                    }
                    @if !d.theory_of_change.assumptions.is_empty() {
                        dt { "Assumptions" } dd { ul { @for a in &d.theory_of_change.assumptions { li { (a) } } } }
                    }
                    @if !d.locales.is_empty() { dt { "Locales" } dd { (d.locales.join("; ")) } }
                    @for g in &d.grants {
                        dt { "Grant" } dd { (g.funder) @if !g.reference.is_empty() { " (" (g.reference) ")" } @if !g.restrictions.is_empty() { " — " (g.restrictions) } }
                    }
                }
            } @else {
                p.muted { "The process has not been designed yet." }
            }
            h2 { "Rounds" }
            @if overview.rounds.is_empty() { p.muted { "No rounds yet." } }
            @for (round_id, round, meetings) in &overview.rounds {
                section.round {
                    h3 { "Round " (round.number) ": " (round.title) }
                    @if meetings.is_empty() { p.muted { "No meetings." } }
                    table.meetings {
                        thead { tr { th scope="col" { "Meeting" } th scope="col" { "Date" } th scope="col" { "Mode" } th scope="col" { "Stage reached" } } }
                        tbody {
                            @for (meeting_id, m) in meetings {
                                tr {
                                    td { a href={ "/initiatives/" (id) "/meetings/" (meeting_id) } { (m.title) } }
                                    td { (date_text(m.starts_on)) }
                                    td { span.tag { (m.mode.label()) } }
                                    td.stage { (stage_text(methodology, m.stage_reached)) }
                                }
                            }
                        }
                    }
                    @if may_write {
                        details {
                            summary { "Add a meeting to round " (round.number) }
                            form.stack method="post" action={ "/initiatives/" (id) "/meetings" } {
                                input type="hidden" name="csrf" value=(user.csrf());
                                input type="hidden" name="round" value=(round_id);
                                label { "Title" input name="title" required; }
                                label { "Starts on" input type="date" name="starts_on" required value=(date_text(today)); }
                                label { "Ends on" input type="date" name="ends_on"; }
                                label { "Venue" input name="venue"; }
                                label { "Confidentiality mode"
                                    select name="mode" { @for m in ConfidentialityMode::ALL { option value=(m.as_str()) selected[*m == ConfidentialityMode::ChathamHouse] { (m.label()) } } }
                                }
                                p.muted { "The agenda starts from the methodology's template; a plenary and one caucus per side are set up." }
                                button type="submit" { "Add meeting" }
                            }
                        }
                    }
                }
            }
            @if may_write {
                h2 { "Add a round" }
                form.stack method="post" action={ "/initiatives/" (id) "/rounds" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "Number" input type="number" name="number" min="1" required value=(overview.rounds.len() + 1); }
                    label { "Title" input name="title" required; }
                    label { "Starts on" input type="date" name="starts_on"; }
                    label { "Ends on" input type="date" name="ends_on"; }
                    button type="submit" { "Add round" }
                }
                h2 { "Design" }
                form.stack method="post" action={ "/initiatives/" (id) "/process" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "Kind" select name="kind" { @for k in ProcessKind::ALL { option value=(k.as_str()) selected[design.is_some_and(|d| d.kind == *k)] { (k.label()) } } } }
                    label { "Methodology" select name="methodology" { @for m in Methodology::ALL { option value=(m.as_str()) selected[methodology == Some(*m)] { (m.label()) } } } }
                    label { "Phase" select name="phase" { @for p in Phase::ALL { option value=(p.as_str()) selected[design.is_some_and(|d| d.phase == *p)] { (p.label()) } } } }
                    label { "If we …" textarea name="if_we" { (design.map(|d| d.theory_of_change.if_we.clone()).unwrap_or_default()) } }
                    label { "then …" textarea name="then" { (design.map(|d| d.theory_of_change.then.clone()).unwrap_or_default()) } }
                    label { "because …" textarea name="because" { (design.map(|d| d.theory_of_change.because.clone()).unwrap_or_default()) } }
                    label { "Assumptions (one a line)" textarea name="assumptions" { (design.map(|d| d.theory_of_change.assumptions.join("\n")).unwrap_or_default()) } }
                    label { "Locales (one a line)" textarea name="locales" { (design.map(|d| d.locales.join("\n")).unwrap_or_default()) } }
                    label { "Grants (one a line: funder | reference | restrictions)" textarea name="grants" {
                        (design.map(|d| d.grants.iter().map(|g| format!("{} | {} | {}", g.funder, g.reference, g.restrictions)).collect::<Vec<_>>().join("\n")).unwrap_or_default())
                    } }
                    button type="submit" { "Save design" }
                }
            }
            @if sides.is_empty() && may_write { p.muted { "Add the sides on the members page before the first meeting, so each gets a caucus." } }
        },
    ))
}

#[derive(Deserialize)]
pub struct DesignForm {
    #[serde(default)]
    csrf: String,
    kind: String,
    methodology: String,
    phase: String,
    #[serde(default)]
    if_we: String,
    #[serde(default)]
    then: String,
    #[serde(default)]
    because: String,
    #[serde(default)]
    assumptions: String,
    #[serde(default)]
    locales: String,
    #[serde(default)]
    grants: String,
}

pub async fn save_design(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<DesignForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let grants = lines(&form.grants)
        .into_iter()
        .map(|line| {
            let mut parts = line.splitn(3, '|').map(str::trim);
            Grant {
                funder: parts.next().unwrap_or_default().to_owned(),
                reference: parts.next().unwrap_or_default().to_owned(),
                restrictions: parts.next().unwrap_or_default().to_owned(),
            }
        })
        .collect();
    let design = ProcessDesign {
        kind: ProcessKind::parse(&form.kind).map_err(AppError::Invalid)?,
        methodology: Methodology::parse(&form.methodology).map_err(AppError::Invalid)?,
        phase: Phase::parse(&form.phase).map_err(AppError::Invalid)?,
        theory_of_change: TheoryOfChange {
            if_we: form.if_we.trim().to_owned(),
            then: form.then.trim().to_owned(),
            because: form.because.trim().to_owned(),
            assumptions: lines(&form.assumptions),
        },
        locales: lines(&form.locales),
        grants,
    };
    state.app.set_process_design(&user.identity, id, design).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/process")).into_response())
}

#[derive(Deserialize)]
pub struct RoundForm {
    #[serde(default)]
    csrf: String,
    number: String,
    title: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
}

pub async fn add_round(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<RoundForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let round = Round {
        number: form.number.trim().parse().map_err(|_| invalid("round number", "must be a whole number"))?,
        title: form.title.trim().to_owned(),
        starts_on: optional_date("starts on", &form.starts_on)?,
        ends_on: optional_date("ends on", &form.ends_on)?,
    };
    state.app.add_round(&user.identity, id, round).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/process")).into_response())
}

#[derive(Deserialize)]
pub struct MeetingForm {
    #[serde(default)]
    csrf: String,
    round: String,
    title: String,
    starts_on: String,
    #[serde(default)]
    ends_on: String,
    #[serde(default)]
    venue: String,
    mode: String,
}

pub async fn add_meeting(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<MeetingForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let mode = ConfidentialityMode::parse(&form.mode).map_err(AppError::Invalid)?;
    let methodology = state.app.process_design(&user.identity, id).await?.map(|d| d.methodology);
    let sides = state.app.sides(&user.identity, id).await?;
    let mut sessions = vec![Session { title: "Plenary".into(), scope: Scope::Plenary, mode }];
    sessions.extend(sides.iter().map(|s| Session {
        title: format!("Caucus: {}", s.name),
        scope: Scope::Caucus(s.id),
        mode,
    }));
    let meeting = Meeting {
        round: id_of(&form.round)?,
        title: form.title.trim().to_owned(),
        starts_on: optional_date("starts on", &form.starts_on)?.ok_or_else(|| invalid("starts on", "is required"))?,
        ends_on: optional_date("ends on", &form.ends_on)?,
        venue: form.venue.trim().to_owned(),
        mode,
        sessions,
        attendance: Vec::new(),
        agenda: methodology
            .map(|m| m.template().iter().map(|t| AgendaItem { title: (*t).to_owned(), done: false }).collect())
            .unwrap_or_default(),
        stage_reached: None,
        cleared: BTreeSet::new(),
    };
    let meeting_id = state.app.add_meeting(&user.identity, id, meeting).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/meetings/{meeting_id}")).into_response())
}

fn summary_html(summary: &MeetingSummary) -> Markup {
    html! {
        dl.facts {
            dt { "Initiative" } dd { (summary.initiative) }
            dt { "Round" } dd { (summary.round) }
            dt { "Date" } dd { (date_text(summary.starts_on)) @if let Some(end) = summary.ends_on { " – " (date_text(end)) } }
            dt { "Rule" } dd { span.tag #mode { (summary.mode.label()) } }
            @if let Some(venue) = &summary.venue { @if !venue.is_empty() { dt { "Venue" } dd { (venue) } } }
            @if let Some(stage) = &summary.stage_reached { dt { "Stage reached" } dd #stage { (stage) } }
        }
        @if let Some(attendees) = &summary.attendees {
            h2 { "Attendance" }
            table #attendees {
                thead { tr { th scope="col" { "Name" } th scope="col" { "Organisation" } th scope="col" { "Side" } th scope="col" { "Capacity" } } }
                tbody { @for a in attendees { tr { td { (a.name) } td { (a.organisation) } td { (a.side) } td { (a.capacity.label()) } } } }
            }
        }
        @if !summary.agenda.is_empty() {
            h2 { "Agenda" }
            ol { @for (item, done) in &summary.agenda { li { (item) @if *done { " ✓" } } } }
        }
        @for session in &summary.sessions {
            section.session {
                h2 { (session.title) }
                p.muted { (session.scope) " · " (session.mode.label()) }
                @if session.notes.is_empty() { p.muted { "No notes." } }
                @for note in &session.notes {
                    div.note {
                        @if let Some(code) = &note.speaker { strong.speaker { (code) ": " } }
                        (note.body)
                        @if !note.tags.is_empty() || note.not_for_transfer {
                            " " @for tag in &note.tags { span.tag { (tag.label()) } " " }
                            @if note.not_for_transfer { span.tag.warn { "not for transfer" } }
                        }
                    }
                }
            }
        }
        @if !summary.options.is_empty() {
            h2 { "Options raised" }
            ul { @for o in &summary.options { li { (o.title) " — " (o.status.label()) @if !o.supported_by.is_empty() { " (supported by " (o.supported_by.join(", ")) ")" } } } }
        }
        @if !summary.follow_ups.is_empty() {
            h2 { "Follow-ups" }
            ul { @for f in &summary.follow_ups { li { (f.commitment) @if let Some(o) = &f.owner { @if !o.is_empty() { " — " (o) } } @if let Some(d) = f.due_on { " (due " (date_text(d)) ")" } @if f.done { " ✓" } } } }
        }
        @if !summary.withheld.is_empty() {
            h2 { "Not in this summary" }
            ul #withheld { @for w in &summary.withheld { li { (w) } } }
        }
    }
}

/// The capture page may run one script of ours (the draft keeper); every other page none.
const CAPTURE_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; \
                              connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub async fn meeting(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, meeting)): Path<(String, String)>,
) -> PageResult {
    let id = initiative_id(&id)?;
    let meeting_id: MeetingId = id_of(&meeting)?;
    meeting_page(&state, &user, id, meeting_id, None).await
}

/// A note held because it names someone where attribution is forbidden: what its author typed,
/// and the places to change.
struct Held {
    note: MeetingNote,
    places: Vec<Found>,
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

async fn meeting_page(
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

pub async fn capture_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/javascript; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
        ],
        include_str!("../assets/capture.js"),
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
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, meeting)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let meeting_id: MeetingId = id_of(&meeting)?;
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
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, meeting)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let meeting_id: MeetingId = id_of(&meeting)?;
    let draft = NoteDraft {
        session: field(&fields, "session").trim().parse().unwrap_or(0),
        speaker: field(&fields, "speaker").chars().take(8).collect(),
        body: field(&fields, "body").to_owned(),
    };
    state.app.save_note_draft(&user.identity, id, meeting_id, draft).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// One consent question of the attendance form, "not asked" until answered.
fn consent_select(name: &str, label: &str) -> Markup {
    html! {
        label { (label)
            select name=(name) { @for a in ConsentAnswer::ALL { option value=(a.as_str()) { (a.label()) } } }
        }
    }
}

#[derive(Deserialize)]
pub struct AttendanceForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    actor: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    side: String,
    capacity: String,
    #[serde(default)]
    account: String,
    #[serde(default)]
    record_consent: String,
    #[serde(default)]
    contacted: String,
    #[serde(default)]
    listed: String,
    #[serde(default)]
    recorded_under_code: String,
    #[serde(default)]
    photographed: String,
    #[serde(default)]
    obtained_on: String,
    #[serde(default)]
    obtained_how: String,
}

pub async fn add_attendee(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, meeting)): Path<(String, String)>,
    Form(form): Form<AttendanceForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let meeting_id: MeetingId = id_of(&meeting)?;
    if form.actor.is_empty() {
        return Err(invalid("person", "choose a person of the map"));
    }
    let answer = |text: &str| {
        if text.is_empty() {
            Ok(ConsentAnswer::NotAsked)
        } else {
            ConsentAnswer::parse(text).map_err(AppError::Invalid)
        }
    };
    let consent = if form.record_consent == "yes" {
        Some(Consent {
            to_be_contacted: answer(&form.contacted)?,
            to_be_listed: answer(&form.listed)?,
            to_be_recorded_under_code: answer(&form.recorded_under_code)?,
            to_be_photographed: answer(&form.photographed)?,
            obtained_on: optional_date("obtained on", &form.obtained_on)?,
            obtained_how: form.obtained_how.trim().to_owned(),
            withdrawn_on: None,
        })
    } else {
        None
    };
    let attendee = NewAttendee {
        actor: id_of(&form.actor)?,
        name: form.name,
        organisation: form.organisation,
        side: if form.side.is_empty() { None } else { Some(id_of(&form.side)?) },
        capacity: Capacity::parse(&form.capacity).map_err(AppError::Invalid)?,
        account: Some(form.account).filter(|a| !a.trim().is_empty()),
        consent,
    };
    state.app.add_attendee(&user.identity, id, meeting_id, attendee).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/meetings/{meeting_id}#attendance")).into_response())
}

pub async fn save_progress(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, meeting)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let meeting_id: MeetingId = id_of(&meeting)?;
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

pub async fn speakers(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, meeting)): Path<(String, String)>,
) -> PageResult {
    let id = initiative_id(&id)?;
    let meeting_id: MeetingId = id_of(&meeting)?;
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
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, meeting)): Path<(String, String)>,
    Form(form): Form<KeyForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let meeting_id: MeetingId = id_of(&meeting)?;
    let mut entries = Vec::new();
    for line in lines(&form.key) {
        let (code, name) = line.split_once('=').ok_or_else(|| invalid("speaker key", "lines must read CODE = name"))?;
        entries.push((code.trim().to_owned(), name.trim().to_owned()));
    }
    state.app.set_speaker_key(&user.identity, id, meeting_id, SpeakerKey { entries }).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/meetings/{meeting_id}/speakers")).into_response())
}

#[derive(Deserialize)]
pub struct SummaryQuery {
    #[serde(default)]
    format: String,
}

pub async fn summary(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, meeting)): Path<(String, String)>,
    Query(query): Query<SummaryQuery>,
) -> PageResult {
    let id = initiative_id(&id)?;
    let meeting_id: MeetingId = id_of(&meeting)?;
    let summary = state.app.meeting_summary(&user.identity, id, meeting_id).await?;
    match query.format.as_str() {
        "" | "html" => {
            let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
            Ok(page(
                &summary.title,
                &user,
                html! {
                    (process_nav(id, &may))
                    h1 { "Summary: " (summary.title) }
                    p.muted { "As it leaves the meeting for " (summary.reader.label()) ", under the " (summary.mode.label()) "." }
                    (summary_html(&summary))
                },
            ))
        }
        "pdf" => {
            let bytes = tracktwo_render::render_pdf(&crate::documents::summary_document(&summary))
                .map_err(|e| AppError::Archive(e.to_string()))?;
            Ok((
                StatusCode::OK,
                [
                    (header::CONTENT_TYPE, HeaderValue::from_static("application/pdf")),
                    (
                        header::CONTENT_DISPOSITION,
                        HeaderValue::from_static("attachment; filename=\"meeting-summary.pdf\""),
                    ),
                ],
                bytes,
            )
                .into_response())
        }
        _ => Err(invalid("format", "must be html or pdf")),
    }
}

pub async fn options(State(state): State<Arc<WebState>>, user: SignedIn, Path(id): Path<String>) -> PageResult {
    let id = initiative_id(&id)?;
    let options = state.app.options(&user.identity, id).await?;
    let overview = state.app.process_overview(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let sides = state.app.sides(&user.identity, id).await?;
    let may_write = may.allows(Operation::WriteProcess);
    let meetings: Vec<(MeetingId, String, RoundId)> = overview
        .rounds
        .iter()
        .flat_map(|(round, r, ms)| {
            ms.iter().map(move |(m, h)| (*m, format!("Round {}: {}", r.number, h.title), *round))
        })
        .collect();
    let round_label = |round: Option<RoundId>| {
        round
            .and_then(|r| overview.rounds.iter().find(|(id, _, _)| *id == r))
            .map_or_else(String::new, |(_, r, _)| format!("round {}", r.number))
    };
    let side_name = |s: &SideId| sides.iter().find(|x| x.id == *s).map_or("?".to_owned(), |x| x.name.clone());
    // Where an option went after the dialogue: the transfers that carried it, for those who
    // may read the transfer log.
    let transfers = if may.allows(Operation::ReadTransferLog) {
        state.app.transfer_log(&user.identity, id).await.map(|(t, _)| t).unwrap_or_default()
    } else {
        Vec::new()
    };
    Ok(page(
        "Options register",
        &user,
        html! {
            (process_nav(id, &may))
            h1 { "Options register" }
            p.muted { "Ideas and options, where they were raised and which sides support them — never which person." }
            @if options.is_empty() { p.muted { "No options yet." } }
            @for (option_id, o) in &options {
                section.option {
                    h2 { (o.title) " " span.tag.status { (o.status.label()) } }
                    @if !o.description.is_empty() { p { (o.description) } }
                    @if !o.issues.is_empty() { p { "Issues: " (o.issues.join("; ")) } }
                    p.muted {
                        "Raised in: " (o.raised_in.iter().filter_map(|m| meetings.iter().find(|(id, _, _)| id == m)).map(|(_, l, _)| l.as_str()).collect::<Vec<_>>().join("; "))
                        @if !o.supported_by.is_empty() { " · supported by " (o.supported_by.iter().map(side_name).collect::<Vec<_>>().join(", ")) }
                    }
                    ol.path {
                        @for step in &o.history { li { (step.status.label()) " — " (date_text(step.on)) @let r = round_label(step.round); @if !r.is_empty() { ", " (r) } } }
                        @for (_, t) in transfers.iter().filter(|(_, t)| t.options.contains(option_id)) {
                            li.transfer { "Transfer — " (date_text(t.on)) ": " (t.channel.label()) " (" (t.evidence.label().to_lowercase()) ")" }
                        }
                    }
                    @if may_write {
                        form.inline-form method="post" action={ "/initiatives/" (id) "/options/" (option_id) } {
                            input type="hidden" name="csrf" value=(user.csrf());
                            label { "Status" select name="status" { @for st in OptionStatus::ALL { option value=(st.as_str()) selected[*st == o.status] { (st.label()) } } } }
                            label { "In" select name="meeting" { option value="" { "—" } @for (m, l, _) in &meetings { option value=(m) { (l) } } } }
                            @for s in &sides { label.check { input type="checkbox" name="side" value=(s.id); "supported by " (s.name) } }
                            button type="submit" { "Update" }
                        }
                    }
                }
            }
            @if may_write && !meetings.is_empty() {
                h2 { "Register an option" }
                form.stack method="post" action={ "/initiatives/" (id) "/options" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "Title" input name="title" required; }
                    label { "Description" textarea name="description" {} }
                    label { "Issues it answers (one a line)" textarea name="issues" {} }
                    label { "Raised in" select name="meeting" { @for (m, l, _) in &meetings { option value=(m) { (l) } } } }
                    @for s in &sides { label.check { input type="checkbox" name="side" value=(s.id); "supported by " (s.name) } }
                    button type="submit" { "Register option" }
                }
            }
        },
    ))
}

pub async fn add_option(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let mut supported_by = BTreeSet::new();
    for (_, v) in fields.iter().filter(|(k, _)| k == "side") {
        supported_by.insert(id_of::<SideId>(v)?);
    }
    let option = DialogueOption {
        title: field(&fields, "title").trim().to_owned(),
        description: field(&fields, "description").trim().to_owned(),
        issues: lines(field(&fields, "issues")),
        raised_in: vec![id_of(field(&fields, "meeting"))?],
        supported_by,
        status: OptionStatus::Raised,
        history: Vec::new(),
    };
    state.app.add_option(&user.identity, id, option, state.app.today()).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/options")).into_response())
}

pub async fn update_option(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, option)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let option_id: OptionId = id_of(&option)?;
    let status = OptionStatus::parse(field(&fields, "status")).map_err(AppError::Invalid)?;
    let meeting = match field(&fields, "meeting") {
        "" => None,
        m => Some(id_of::<MeetingId>(m)?),
    };
    let mut sides = Vec::new();
    for (_, v) in fields.iter().filter(|(k, _)| k == "side") {
        sides.push(id_of::<SideId>(v)?);
    }
    let round = match meeting {
        Some(m) => state
            .app
            .process_overview(&user.identity, id)
            .await?
            .rounds
            .iter()
            .find(|(_, _, ms)| ms.iter().any(|(x, _)| *x == m))
            .map(|(r, _, _)| *r),
        None => None,
    };
    state.app.advance_option(&user.identity, id, option_id, status, state.app.today(), round, meeting, sides).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/options")).into_response())
}

pub async fn follow_ups(State(state): State<Arc<WebState>>, user: SignedIn, Path(id): Path<String>) -> PageResult {
    let id = initiative_id(&id)?;
    let list = state.app.follow_ups(&user.identity, id).await?;
    let overview = state.app.process_overview(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let may_write = may.allows(Operation::WriteProcess);
    let round_number =
        |r: RoundId| overview.rounds.iter().find(|(id, _, _)| *id == r).map_or(0, |(_, round, _)| round.number);
    let latest = overview.rounds.iter().map(|(_, r, _)| r.number).max().unwrap_or(0);
    let due: Vec<&(FollowUpId, FollowUp)> =
        list.iter().filter(|(_, f)| !f.done && round_number(f.round) == latest).collect();
    Ok(page(
        "Follow-ups",
        &user,
        html! {
            (process_nav(id, &may))
            h1 { "Follow-ups" }
            h2 { "Due before the next round" }
            @if due.is_empty() { p.muted { "Nothing open from the latest round." } }
            ul #due { @for (_, f) in &due { li { (f.commitment) @if !f.owner.is_empty() { " — " (f.owner) } @if let Some(d) = f.due_on { " (due " (date_text(d)) ")" } @if f.carried_forward { " " span.tag { "carried forward" } } } } }
            h2 { "All" }
            table #follow-ups {
                thead { tr { th scope="col" { "Round" } th scope="col" { "Commitment" } th scope="col" { "Owner" } th scope="col" { "Due" } th scope="col" { "Done" } } }
                tbody {
                    @for (follow_up_id, f) in &list {
                        tr {
                            td { (round_number(f.round)) }
                            td { (f.commitment) @if f.carried_forward { " " span.tag { "carried forward" } } }
                            td { (f.owner) }
                            td { (f.due_on.map(date_text).unwrap_or_default()) }
                            td {
                                @if may_write {
                                    form method="post" action={ "/initiatives/" (id) "/follow-ups/" (follow_up_id) } {
                                        input type="hidden" name="csrf" value=(user.csrf());
                                        input type="hidden" name="done" value=(if f.done { "no" } else { "yes" });
                                        button.link type="submit" { @if f.done { "Reopen" } @else { "Mark done" } }
                                    }
                                } @else if f.done { "yes" }
                            }
                        }
                    }
                }
            }
            @if may_write && !overview.rounds.is_empty() {
                h2 { "Add a follow-up" }
                form.stack method="post" action={ "/initiatives/" (id) "/follow-ups" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "Round" select name="round" { @for (r, round, _) in overview.rounds.iter().rev() { option value=(r) { "Round " (round.number) ": " (round.title) } } } }
                    label { "Commitment" textarea name="commitment" required {} }
                    label { "Owner (a team member or a speaker code)" input name="owner"; }
                    label { "Due on" input type="date" name="due_on"; }
                    label.check { input type="checkbox" name="carried_forward" value="yes"; "An issue carried forward to the next round" }
                    button type="submit" { "Add follow-up" }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct FollowUpForm {
    #[serde(default)]
    csrf: String,
    round: String,
    commitment: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due_on: String,
    #[serde(default)]
    carried_forward: String,
}

pub async fn add_follow_up(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<FollowUpForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let follow_up = FollowUp {
        round: id_of(&form.round)?,
        commitment: form.commitment.trim().to_owned(),
        owner: form.owner.trim().to_owned(),
        due_on: optional_date("due on", &form.due_on)?,
        carried_forward: !form.carried_forward.is_empty(),
        done: false,
    };
    state.app.add_follow_up(&user.identity, id, follow_up).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/follow-ups")).into_response())
}

#[derive(Deserialize)]
pub struct DoneForm {
    #[serde(default)]
    csrf: String,
    done: String,
}

pub async fn set_follow_up(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, follow_up)): Path<(String, String)>,
    Form(form): Form<DoneForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    state.app.set_follow_up_done(&user.identity, id, id_of(&follow_up)?, form.done == "yes").await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/follow-ups")).into_response())
}
