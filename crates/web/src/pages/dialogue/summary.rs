//! A meeting's summary as its reader may take it away, as HTML and PDF.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use maud::{Markup, html};
use tracktwo_domain::redaction::MeetingSummary;
use tracktwo_domain::{MeetingId, Operation};

use super::process_nav;
use tracktwo_i18n::{Arg, Locale, text, text_with};

use crate::PageResult;
use crate::documents::summary_document;
use crate::extract::{ItemPath, QueryVisit};
use crate::forms::{invalid, shown_date};
use crate::pages::FormatQuery;
use crate::pages::layout::page;
use crate::pages::{findings, words};

pub(super) fn summary_html(locale: Locale, summary: &MeetingSummary) -> Markup {
    let say = |id: &str| text(locale, id);
    html! {
        dl.facts {
            dt { (say("dialogue-initiative")) } dd dir="auto" { (summary.initiative) }
            dt { (say("dialogue-round")) } dd dir="auto" { (summary.round) }
            dt { (say("dialogue-date")) } dd { (shown_date(locale, summary.starts_on)) @if let Some(end) = summary.ends_on { " – " (shown_date(locale, end)) } }
            dt { (say("dialogue-rule")) } dd { span.tag #mode { (words::of(locale, summary.mode)) } }
            @if let Some(venue) = &summary.venue { @if !venue.is_empty() { dt { (say("dialogue-venue")) } dd dir="auto" { (venue) } } }
            @if let Some(stage) = summary.stage_reached { dt { (say("dialogue-stage-reached")) } dd #stage { (findings::stage(locale, stage)) } }
        }
        @if let Some(attendees) = &summary.attendees {
            h2 { (say("dialogue-attendance")) }
            div.scroll tabindex="0" role="region" aria-label=(say("dialogue-attendance")) { table #attendees {
                thead { tr { th scope="col" { (say("dialogue-name")) } th scope="col" { (say("dialogue-organisation")) } th scope="col" { (say("dialogue-side")) } th scope="col" { (say("dialogue-capacity")) } } }
                tbody { @for a in attendees { tr { td dir="auto" { (a.name) } td dir="auto" { (a.organisation) } td dir="auto" { (a.side) } td { (words::of(locale, a.capacity)) } } } }
            } }
        }
        @if !summary.agenda.is_empty() {
            h2 { (say("dialogue-agenda")) }
            ol { @for (item, done) in &summary.agenda { li { span dir="auto" { (item) } @if *done { " ✓" } } } }
        }
        @for session in &summary.sessions {
            section.session {
                h2 dir="auto" { (session.title) }
                p.muted { (findings::session_scope(locale, &session.scope)) " · " (words::of(locale, session.mode)) }
                @if session.notes.is_empty() { p.muted { (say("dialogue-no-notes")) } }
                @for note in &session.notes {
                    div.note {
                        @if let Some(code) = &note.speaker { strong.speaker dir="ltr" { (code) } ": " }
                        span dir="auto" { (note.body) }
                        @if !note.tags.is_empty() || note.not_for_transfer {
                            " " @for tag in &note.tags { span.tag { (words::of(locale, tag)) } " " }
                            @if note.not_for_transfer { span.tag.warn { (say("dialogue-not-for-transfer-2")) } }
                        }
                    }
                }
            }
        }
        @if !summary.options.is_empty() {
            h2 { (say("dialogue-options-raised")) }
            ul { @for o in &summary.options { li { span dir="auto" { (o.title) } " — " (words::of(locale, o.status)) @if !o.supported_by.is_empty() { " " (text_with(locale, "dialogue-supported-by-sides", &[("sides", Arg::Text(&o.supported_by.join(", ")))])) } } } }
        }
        @if !summary.follow_ups.is_empty() {
            h2 { (say("dialogue-follow-ups")) }
            ul { @for f in &summary.follow_ups { li { span dir="auto" { (f.commitment) } @if let Some(o) = &f.owner { @if !o.is_empty() { " — " bdi { (o) } } } @if let Some(d) = f.due_on { " " (text_with(locale, "dialogue-due-on-date", &[("date", Arg::Text(&locale.date(d)))])) } @if f.done { " ✓" } } } }
        }
        @if !summary.withheld.is_empty() {
            h2 { (say("dialogue-not-in-this-summary")) }
            ul #withheld { @for w in &summary.withheld { li { (findings::withheld(locale, w, summary.reader)) } } }
        }
    }
}

pub async fn summary(
    QueryVisit(state, user, query, ItemPath(id, meeting_id)): QueryVisit<FormatQuery, ItemPath<MeetingId>>,
) -> PageResult {
    let locale = user.locale;
    let summary = state.app.meeting_summary(&user.identity, id, meeting_id).await?;
    match query.format.as_str() {
        "" | "html" => {
            let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
            Ok(page(
                &summary.title,
                &user,
                html! {
                    (process_nav(user.locale, id, &may))
                    h1 { (text_with(locale, "dialogue-summary-of", &[("title", Arg::Text(&summary.title))])) }
                    p.muted {
                        (text_with(locale, "dialogue-as-it-leaves", &[
                            ("reader", Arg::Text(&words::of(locale, summary.reader))),
                            ("rule", Arg::Text(&words::of(locale, summary.mode))),
                        ]))
                    }
                    (summary_html(locale, &summary))
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
