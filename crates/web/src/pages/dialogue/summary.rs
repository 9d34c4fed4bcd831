//! A meeting's summary as its reader may take it away, as HTML and PDF.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use maud::{Markup, html};
use tracktwo_domain::redaction::MeetingSummary;
use tracktwo_domain::{MeetingId, Operation};

use super::process_nav;
use crate::PageResult;
use crate::documents::summary_document;
use crate::extract::{ItemPath, QueryVisit};
use crate::forms::{date_text, invalid};
use crate::pages::FormatQuery;
use crate::pages::layout::page;

pub(super) fn summary_html(summary: &MeetingSummary) -> Markup {
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

pub async fn summary(
    QueryVisit(state, user, query, ItemPath(id, meeting_id)): QueryVisit<FormatQuery, ItemPath<MeetingId>>,
) -> PageResult {
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
            let locale = crate::documents::document_locale(&query.language, user.locale);
            let bytes = crate::documents::pdf(&summary_document(&summary, locale))?;
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
