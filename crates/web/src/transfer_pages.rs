//! Transfer to Track One: readouts and their clearance, each recipient's copy and the
//! distribution ledger, tracing a leaked passage, the transfer and coordination logs with the
//! coordination chart, the official track, and the multi-track timeline.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;
use time::Date;
use tracktwo_app::AppError;
use tracktwo_app::transfer::{Timeline, Traced};
use tracktwo_domain::transfer::{
    Audience, Clearance, CoordinationEvent, CoordinationForm, Evidence, OfficialEvent, OfficialKind, Readout,
    TransferChannel, TransferDirection, TransferEvent, TransferKind, TransferTiming, coordination_level,
};
use tracktwo_domain::{CopyId, MeetingId, MeetingNoteId, Operation, OptionId, ReadoutId, SideId};
use tracktwo_render::{Block, Document, Inline};

use crate::forms::{PageResult, date_text, field, id_of, initiative_id, invalid, optional_date};
use crate::pages::page;
use crate::session::SignedIn;
use crate::{PageError, WebState};

fn all<T: std::str::FromStr>(fields: &[(String, String)], name: &str) -> Result<Vec<T>, PageError> {
    fields.iter().filter(|(k, _)| k == name).map(|(_, v)| id_of::<T>(v)).collect()
}

fn nav(id: tracktwo_domain::InitiativeId) -> Markup {
    html! {
        nav.sub aria-label="Transfer" {
            a href={ "/initiatives/" (id) } { "Initiative" }
            a href={ "/initiatives/" (id) "/readouts" } { "Readouts" }
            a href={ "/initiatives/" (id) "/transfers" } { "Transfer and coordination" }
            a href="/timeline" { "Timeline" }
        }
    }
}

fn readout_from(fields: &[(String, String)]) -> Result<Readout, PageError> {
    Ok(Readout {
        title: field(fields, "title").trim().to_owned(),
        audience: Audience::parse(field(fields, "audience")).map_err(AppError::Invalid)?,
        cover: field(fields, "cover").to_owned(),
        meetings: all::<MeetingId>(fields, "meeting")?,
        notes: all::<MeetingNoteId>(fields, "note")?,
        options: all::<OptionId>(fields, "option")?,
        joint_sides: all::<SideId>(fields, "joint_side")?.into_iter().collect(),
        wording_variants: !field(fields, "wording_variants").is_empty(),
        clearance: Clearance::Draft,
        reviews: Vec::new(),
        released_at: None,
        released: Vec::new(),
        fingerprint_key: None,
    })
}

pub async fn readouts(State(state): State<Arc<WebState>>, user: SignedIn, Path(id): Path<String>) -> PageResult {
    let id = initiative_id(&id)?;
    let list = state.app.readouts(&user.identity, id).await?;
    let overview = state.app.process_overview(&user.identity, id).await?;
    let options = state.app.options(&user.identity, id).await?;
    let sides = state.app.sides(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::WriteReadout).await?;
    let audiences: Vec<Audience> = Audience::ALL.iter().copied().filter(|a| may.allows_audience(*a)).collect();
    Ok(page(
        "Readouts",
        &user,
        html! {
            (nav(id))
            h1 { "Readouts" }
            p.muted { "A readout carries chosen notes, options and meeting summaries to one audience. Each is cleared (draft → reviewed → released); once released it cannot change, and every recipient gets a copy of their own." }
            table #readouts {
                thead { tr { th scope="col" { "Readout" } th scope="col" { "Audience" } th scope="col" { "Clearance" } } }
                tbody { @for (rid, r) in &list { tr {
                    td { a href={ "/initiatives/" (id) "/readouts/" (rid) } { (r.title) } }
                    td { (r.audience.label()) } td { span.tag { (r.clearance.label()) } }
                } } }
            }
            h2 { "Draft a readout" }
            form.stack method="post" action={ "/initiatives/" (id) "/readouts" } {
                input type="hidden" name="csrf" value=(user.csrf());
                label { "Title" input name="title" required; }
                label { "Audience" select name="audience" { @for a in &audiences { option value=(a.as_str()) { (a.label()) } } } }
                label { "Cover (the convener's framing; blank lines separate paragraphs)" textarea name="cover" {} }
                fieldset { legend { "Meetings" }
                    @for (_, round, meetings) in &overview.rounds { @for (m, h) in meetings {
                        @if h.mode != tracktwo_domain::dialogue::ConfidentialityMode::SecretChannel {
                            label.check { input type="checkbox" name="meeting" value=(m); "Round " (round.number) ": " (h.title) " (" (h.mode.label()) ")" }
                        }
                    } }
                }
                fieldset { legend { "Options" }
                    @for (o, option) in &options { label.check { input type="checkbox" name="option" value=(o); (option.title) " — " (option.status.label()) } }
                }
                fieldset { legend { "A joint readout: also reviewed by a member of each of these sides" }
                    @for s in &sides { label.check { input type="checkbox" name="joint_side" value=(s.id); (s.name) } }
                }
                label.check { input type="checkbox" name="wording_variants" value="yes"; "Let copies differ in wording too (traceable from shorter passages)" }
                button type="submit" { "Save draft" }
            }
        },
    ))
}

pub async fn create_readout(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let readout = state.app.create_readout(&user.identity, id, readout_from(&fields)?).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/readouts/{readout}")).into_response())
}

pub async fn readout(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, readout)): Path<(String, String)>,
) -> PageResult {
    let id = initiative_id(&id)?;
    let readout_id: ReadoutId = id_of(&readout)?;
    let view = state.app.readout(&user.identity, id, readout_id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let may_release = may.allows(Operation::ReleaseReadout);
    let r = &view.readout;
    let copies = state.app.copies(&user.identity, id, readout_id).await?;
    // The notes of the chosen meetings, to choose from (the team sees them whole; the preview
    // below shows which survive redaction for the audience).
    let mut notes = Vec::new();
    for meeting in &r.meetings {
        if let Ok(tracktwo_app::dialogue::MeetingView::Full { meeting: m, notes: n, .. }) =
            state.app.meeting(&user.identity, id, *meeting).await
        {
            notes.push((m.title, n));
        }
    }
    let base = format!("/initiatives/{id}/readouts/{readout_id}");
    let today = state.app.today();
    Ok(page(
        &r.title,
        &user,
        html! {
            (nav(id))
            h1 { (r.title) }
            p { "For " strong { (r.audience.label()) } " · " span.tag #clearance { (r.clearance.label()) }
                @if let Some(at) = r.released_at { " on " (date_text(at.date())) } }
            h2 { "Text" @if r.clearance != Clearance::Released { " (as it would be released now)" } }
            div.readout #readout-text {
                @for section in &view.text {
                    h3 { (section.heading) }
                    @for p in &section.paragraphs { p { (p) } }
                }
            }
            @if r.clearance != Clearance::Released {
                h2 { "Notes to carry" }
                form.stack method="post" action=(base) {
                    input type="hidden" name="csrf" value=(user.csrf());
                    input type="hidden" name="title" value=(r.title);
                    input type="hidden" name="audience" value=(r.audience.as_str());
                    input type="hidden" name="cover" value=(r.cover);
                    @for m in &r.meetings { input type="hidden" name="meeting" value=(m); }
                    @for o in &r.options { input type="hidden" name="option" value=(o); }
                    @for s in &r.joint_sides { input type="hidden" name="joint_side" value=(s); }
                    @if r.wording_variants { input type="hidden" name="wording_variants" value="yes"; }
                    @for (title, list) in &notes {
                        fieldset { legend { (title) }
                            @for (note_id, note) in list {
                                label.check { input type="checkbox" name="note" value=(note_id) checked[r.notes.contains(note_id)];
                                    (note.body) @if note.not_for_transfer { " " span.tag.warn { "not for transfer" } } }
                            }
                        }
                    }
                    p.muted { "A note the rules keep from this audience stays out of the text whatever is ticked. Saving returns the readout to draft." }
                    button type="submit" { "Save" }
                }
                h2 { "Clearance" }
                p { "Reviews: " (r.reviews.len()) @if !r.joint_sides.is_empty() { " (a joint readout: one from each side as well as the convener's)" } }
                form method="post" action={ (base) "/review" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    button type="submit" { "Mark reviewed" }
                }
                @if may_release && r.clearance == Clearance::Reviewed {
                    form method="post" action={ (base) "/release" } {
                        input type="hidden" name="csrf" value=(user.csrf());
                        button type="submit" { "Release" }
                    }
                }
            } @else {
                h2 { "Distribution ledger" }
                table #ledger {
                    thead { tr { th scope="col" { "Copy" } th scope="col" { "Recipient" } th scope="col" { "How" } th scope="col" { "When" } th scope="col" { "Files" } } }
                    tbody { @for (copy_id, c) in &copies { tr {
                        td { (c.number) } td { (c.recipient) } td { (c.channel) } td { (date_text(c.delivered_on)) }
                        td { @if may_release {
                            a href={ "/initiatives/" (id) "/copies/" (copy_id) "?format=pdf" } { "PDF" } " · "
                            a href={ "/initiatives/" (id) "/copies/" (copy_id) "?format=docx" } { "DOCX" }
                        } }
                    } } }
                }
                @if may_release {
                    h2 { "Issue a copy" }
                    form.stack method="post" action={ (base) "/copies" } {
                        input type="hidden" name="csrf" value=(user.csrf());
                        label { "Recipient" input name="recipient" required; }
                        label { "How it is handed over" input name="channel" placeholder="in person"; }
                        label { "On" input type="date" name="delivered_on" value=(date_text(today)) required; }
                        button type="submit" { "Issue copy" }
                    }
                    h2 { "Trace a leaked passage" }
                    form.stack method="post" action={ (base) "/trace" } {
                        input type="hidden" name="csrf" value=(user.csrf());
                        label { "The passage, as it was found (pasted, or typed from a screenshot)" textarea name="passage" required {} }
                        button type="submit" { "Trace" }
                    }
                }
            }
        },
    ))
}

pub async fn update_readout(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, readout)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let readout_id: ReadoutId = id_of(&readout)?;
    state.app.update_readout(&user.identity, id, readout_id, readout_from(&fields)?).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/readouts/{readout_id}")).into_response())
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn review_readout(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, readout)): Path<(String, String)>,
    Form(form): Form<CsrfOnly>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let readout_id: ReadoutId = id_of(&readout)?;
    state.app.review_readout(&user.identity, id, readout_id).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/readouts/{readout_id}")).into_response())
}

pub async fn release_readout(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, readout)): Path<(String, String)>,
    Form(form): Form<CsrfOnly>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let readout_id: ReadoutId = id_of(&readout)?;
    state.app.release_readout(&user.identity, id, readout_id).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/readouts/{readout_id}")).into_response())
}

#[derive(Deserialize)]
pub struct CopyForm {
    #[serde(default)]
    csrf: String,
    recipient: String,
    #[serde(default)]
    channel: String,
    delivered_on: String,
}

pub async fn issue_copy(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, readout)): Path<(String, String)>,
    Form(form): Form<CopyForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let readout_id: ReadoutId = id_of(&readout)?;
    let on =
        optional_date("delivered on", &form.delivered_on)?.ok_or_else(|| invalid("delivered on", "is required"))?;
    state.app.issue_copy(&user.identity, id, readout_id, &form.recipient, &form.channel, on).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/readouts/{readout_id}#ledger")).into_response())
}

/// A copy as a document: its own text, the copy mark on every page, no author.
#[must_use]
pub fn copy_document(copy: &tracktwo_app::transfer::CopyToRender) -> Document {
    let mut blocks = Vec::new();
    for section in &copy.text {
        blocks.push(Block::Heading { level: 2, text: section.heading.clone() });
        for p in &section.paragraphs {
            blocks.push(Block::Paragraph(vec![Inline::Text(p.clone())]));
        }
    }
    Document {
        title: copy.title.clone(),
        running_head: format!("Readout for {} — do not copy or forward", copy.audience.label().to_lowercase()),
        copy_mark: copy.mark.clone(),
        subject: "Readout".into(),
        blocks,
    }
}

#[derive(Deserialize)]
pub struct FormatQuery {
    #[serde(default)]
    format: String,
}

pub async fn copy_file(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, copy)): Path<(String, String)>,
    Query(query): Query<FormatQuery>,
) -> PageResult {
    let id = initiative_id(&id)?;
    let copy_id: CopyId = id_of(&copy)?;
    let copy = state.app.copy_to_render(&user.identity, id, copy_id).await?;
    let document = copy_document(&copy);
    let (bytes, content_type, name) = match query.format.as_str() {
        "pdf" | "" => (tracktwo_render::render_pdf(&document), "application/pdf", "readout.pdf"),
        "docx" => (
            tracktwo_render::render_docx(&document),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "readout.docx",
        ),
        _ => return Err(invalid("format", "must be pdf or docx")),
    };
    let bytes = bytes.map_err(|e| AppError::Archive(e.to_string()))?;
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Deserialize)]
pub struct TraceForm {
    #[serde(default)]
    csrf: String,
    passage: String,
}

pub async fn trace(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, readout)): Path<(String, String)>,
    Form(form): Form<TraceForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let readout_id: ReadoutId = id_of(&readout)?;
    let found = state.app.trace_leak(&user.identity, id, readout_id, &form.passage).await?;
    Ok(page(
        "Trace",
        &user,
        html! {
            (nav(id))
            h1 { "Trace" }
            (trace_verdict(&found))
            p { a href={ "/initiatives/" (id) "/readouts/" (readout_id) } { "Back to the readout" } }
        },
    ))
}

/// The verdict on a leaked passage, and what it rests on.
fn trace_verdict(found: &Traced) -> Markup {
    let (verdict, grounds) = found.explained();
    html! {
        p #trace-result { "Verdict: " strong { (verdict) } }
        @if !grounds.is_empty() {
            ul #trace-grounds { @for line in &grounds { li { (line) } } }
        }
    }
}

/// The coordination level over time as a step chart (SVG, presentation attributes only).
fn coordination_chart(events: &[CoordinationEvent], from: Date, to: Date) -> String {
    let days: Vec<Date> = std::iter::successors(Some(from), |d| d.next_day().filter(|n| *n <= to)).step_by(7).collect();
    let levels = coordination_level(events, &days, 90);
    let (width, height, left, top) = (640.0_f64, 180.0_f64, 150.0_f64, 10.0_f64);
    let plot_w = width - left - 10.0;
    let plot_h = height - top - 30.0;
    let x = |i: usize| left + plot_w * i as f64 / (days.len().max(2) - 1) as f64;
    let y = |level: u8| top + plot_h - plot_h * f64::from(level) / 4.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg role="img" aria-labelledby="coord-title coord-desc" viewBox="0 0 {width} {height}" width="100%"><title id="coord-title">Coordination with Track One over time</title><desc id="coord-desc">The highest of Fisher's four forms reached in the 90 days up to each week, from {} to {}.</desc>"##,
        date_text(from),
        date_text(to)
    );
    for form in CoordinationForm::ALL {
        let level = form.level();
        let _ = write!(
            svg,
            r##"<line x1="{left}" x2="{}" y1="{y}" y2="{y}" stroke="#d8dce3" stroke-width="1"/><text x="{}" y="{}" font-size="11" text-anchor="end" fill="#1d2330">{}</text>"##,
            left + plot_w,
            left - 6.0,
            y(level) + 4.0,
            form.label(),
            y = y(level)
        );
    }
    let mut path = String::new();
    for (i, level) in levels.iter().enumerate() {
        let _ = write!(path, "{}{:.1},{:.1} ", if i == 0 { "M" } else { "H" }, x(i), y(*level));
        let _ = write!(path, "V{:.1} ", y(*level));
    }
    let _ = write!(svg, r##"<path d="{path}" fill="none" stroke="#1f4e79" stroke-width="2.5"/>"##);
    let _ = write!(
        svg,
        r##"<text x="{left}" y="{}" font-size="11" fill="#5a6373">{}</text><text x="{}" y="{}" font-size="11" text-anchor="end" fill="#5a6373">{}</text></svg>"##,
        height - 8.0,
        date_text(from),
        left + plot_w,
        height - 8.0,
        date_text(to)
    );
    svg
}

pub async fn transfers(State(state): State<Arc<WebState>>, user: SignedIn, Path(id): Path<String>) -> PageResult {
    let id = initiative_id(&id)?;
    let (transfer_log, coordination) = state.app.transfer_log(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let may_write = may.allows(Operation::WriteTransferLog);
    let options = if may_write { state.app.options(&user.identity, id).await.unwrap_or_default() } else { Vec::new() };
    let today = state.app.today();
    let first = coordination.first().map_or(today, |(_, e)| e.on).min(today);
    let events: Vec<CoordinationEvent> = coordination.iter().map(|(_, e)| e.clone()).collect();
    let chart = coordination_chart(&events, first, today);
    Ok(page(
        "Transfer and coordination",
        &user,
        html! {
            (nav(id))
            h1 { "Transfer and coordination" }
            h2 { "Transfer log" }
            table #transfers {
                thead { tr { th scope="col" { "When" } th scope="col" { "What moved" } th scope="col" { "Direction" } th scope="col" { "Channel" } th scope="col" { "Timing" } th scope="col" { "Evidence" } } }
                tbody { @for (_, t) in &transfer_log { tr {
                    td { (date_text(t.on)) } td { (t.what.label()) @if !t.description.is_empty() { br; span.muted { (t.description) } } }
                    td { (t.direction.label()) } td { (t.channel.label()) } td { (t.timing.label()) } td { (t.evidence.label()) }
                } } }
            }
            h2 { "Coordination with Track One" }
            figure { (PreEscaped(chart)) }
            table #coordination {
                thead { tr { th scope="col" { "When" } th scope="col" { "Form" } th scope="col" { "Counterpart" } } }
                tbody { @for (_, c) in &coordination { tr { td { (date_text(c.on)) } td { (c.form.label()) } td { (c.counterpart) } } } }
            }
            @if may_write {
                h2 { "Log a transfer" }
                form.stack method="post" action={ "/initiatives/" (id) "/transfers" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "On" input type="date" name="on" required value=(date_text(today)); }
                    label { "What moved" select name="what" { @for k in TransferKind::ALL { option value=(k.as_str()) { (k.label()) } } } }
                    label { "Direction" select name="direction" { @for k in TransferDirection::ALL { option value=(k.as_str()) { (k.label()) } } } }
                    label { "Channel" select name="channel" { @for k in TransferChannel::ALL { option value=(k.as_str()) { (k.label()) } } } }
                    label { "Timing" select name="timing" { @for k in TransferTiming::ALL { option value=(k.as_str()) { (k.label()) } } } }
                    label { "Evidence" select name="evidence" { @for k in Evidence::ALL { option value=(k.as_str()) { (k.label()) } } } }
                    label { "What happened" textarea name="description" {} }
                    fieldset { legend { "Options it carried" } @for (o, option) in &options { label.check { input type="checkbox" name="option" value=(o); (option.title) } } }
                    button type="submit" { "Log transfer" }
                }
                h2 { "Log a contact with Track One" }
                form.stack method="post" action={ "/initiatives/" (id) "/coordination" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "On" input type="date" name="on" required value=(date_text(today)); }
                    label { "Form (Fisher)" select name="form" { @for f in CoordinationForm::ALL { option value=(f.as_str()) { (f.label()) } } } }
                    label { "Counterpart (an office, not a name)" input name="counterpart" required; }
                    label { "Note" textarea name="note" {} }
                    button type="submit" { "Log contact" }
                }
                h2 { "Log an event of the official track" }
                form.stack method="post" action={ "/initiatives/" (id) "/official-events" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "On" input type="date" name="on" required value=(date_text(today)); }
                    label { "Kind" select name="kind" { @for k in OfficialKind::ALL { option value=(k.as_str()) { (k.label()) } } } }
                    label { "Title" input name="title" required; }
                    button type="submit" { "Log official event" }
                }
            }
        },
    ))
}

pub async fn log_transfer(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let event = TransferEvent {
        on: optional_date("on", field(&fields, "on"))?.ok_or_else(|| invalid("on", "is required"))?,
        what: TransferKind::parse(field(&fields, "what")).map_err(AppError::Invalid)?,
        direction: TransferDirection::parse(field(&fields, "direction")).map_err(AppError::Invalid)?,
        channel: TransferChannel::parse(field(&fields, "channel")).map_err(AppError::Invalid)?,
        timing: TransferTiming::parse(field(&fields, "timing")).map_err(AppError::Invalid)?,
        evidence: Evidence::parse(field(&fields, "evidence")).map_err(AppError::Invalid)?,
        description: field(&fields, "description").trim().to_owned(),
        options: all::<OptionId>(&fields, "option")?,
        readout: None,
    };
    state.app.log_transfer(&user.identity, id, event).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/transfers")).into_response())
}

#[derive(Deserialize)]
pub struct CoordinationInput {
    #[serde(default)]
    csrf: String,
    on: String,
    form: String,
    counterpart: String,
    #[serde(default)]
    note: String,
}

pub async fn log_coordination(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<CoordinationInput>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let event = CoordinationEvent {
        on: optional_date("on", &form.on)?.ok_or_else(|| invalid("on", "is required"))?,
        form: CoordinationForm::parse(&form.form).map_err(AppError::Invalid)?,
        counterpart: form.counterpart.trim().to_owned(),
        note: form.note,
    };
    state.app.log_coordination(&user.identity, id, event).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/transfers")).into_response())
}

#[derive(Deserialize)]
pub struct OfficialForm {
    #[serde(default)]
    csrf: String,
    on: String,
    kind: String,
    title: String,
}

pub async fn log_official_event(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<OfficialForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id = initiative_id(&id)?;
    let event = OfficialEvent {
        on: optional_date("on", &form.on)?.ok_or_else(|| invalid("on", "is required"))?,
        kind: OfficialKind::parse(&form.kind).map_err(AppError::Invalid)?,
        title: form.title.trim().to_owned(),
    };
    state.app.log_official_event(&user.identity, id, event).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/transfers")).into_response())
}

/// The timeline as swimlanes: the official track, each initiative's meetings, transfers and
/// coordination, on one date axis.
fn timeline_svg(timeline: &Timeline, from: Date, to: Date) -> String {
    let lanes: Vec<(String, Vec<(Date, String)>)> = std::iter::once((
        "Official track".to_owned(),
        timeline.official.iter().map(|(d, t, k)| (*d, format!("{k}: {t}"))).collect(),
    ))
    .chain(
        timeline
            .initiatives
            .iter()
            .map(|(name, items)| (name.clone(), items.iter().map(|(d, t, m)| (*d, format!("{t} ({m})"))).collect())),
    )
    .chain(std::iter::once((
        "Transfers".to_owned(),
        timeline.transfers.iter().map(|(d, w, i)| (*d, format!("{w} — {i}"))).collect(),
    )))
    .chain(std::iter::once((
        "Coordination".to_owned(),
        timeline.coordination.iter().map(|(d, f, _, i)| (*d, format!("{f} — {i}"))).collect(),
    )))
    .collect();
    let (left, width, lane_h) = (250.0_f64, 820.0_f64, 46.0_f64);
    let plot_w = width - left - 20.0;
    let span = ((to - from).whole_days().max(1)) as f64;
    let x = |d: Date| left + plot_w * ((d - from).whole_days() as f64 / span).clamp(0.0, 1.0);
    let height = 30.0 + lane_h * lanes.len() as f64 + 30.0;
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let mut svg = String::new();
    let events: usize = lanes.iter().map(|(_, l)| l.len()).sum();
    let _ = write!(
        svg,
        r##"<svg role="img" aria-labelledby="tl-title tl-desc" viewBox="0 0 {width} {height}" width="100%"><title id="tl-title">Multi-track timeline</title><desc id="tl-desc">{events} events from {} to {} in {} lanes: the official track, each initiative's meetings, transfers and coordination.</desc>"##,
        date_text(from),
        date_text(to),
        lanes.len()
    );
    // Year ticks.
    let mut year = from.year();
    while year <= to.year() {
        if let Ok(tick) = Date::from_calendar_date(year, time::Month::January, 1)
            && tick >= from
        {
            let _ = write!(
                svg,
                r##"<line x1="{x}" x2="{x}" y1="20" y2="{}" stroke="#d8dce3"/><text x="{x}" y="14" font-size="11" text-anchor="middle" fill="#5a6373">{year}</text>"##,
                height - 25.0,
                x = x(tick)
            );
        }
        year += 1;
    }
    let colours = ["#1d2330", "#1f4e79", "#0072B2", "#009E73", "#D55E00", "#CC79A7", "#E69F00"];
    for (i, (name, items)) in lanes.iter().enumerate() {
        let y = 30.0 + lane_h * i as f64 + lane_h / 2.0;
        let colour = colours[i % colours.len()];
        let _ = write!(
            svg,
            r##"<line x1="{left}" x2="{}" y1="{y}" y2="{y}" stroke="#d8dce3" stroke-width="1"/><text x="{}" y="{}" font-size="13" text-anchor="end" fill="#1d2330"><title>{}</title>{}</text>"##,
            left + plot_w,
            left - 8.0,
            y + 4.0,
            esc(name),
            // Long titles are cut to fit the margin; the whole title is the label's tooltip.
            esc(&if name.chars().count() > 32 {
                format!("{}…", name.chars().take(31).collect::<String>())
            } else {
                name.clone()
            })
        );
        for (d, label) in items {
            let _ = write!(
                svg,
                r##"<g><title>{} — {}</title><circle cx="{:.1}" cy="{y}" r="6" fill="{colour}" stroke="#ffffff" stroke-width="1.5"/></g>"##,
                date_text(*d),
                esc(label),
                x(*d)
            );
        }
    }
    let _ = write!(
        svg,
        r##"<text x="{left}" y="{}" font-size="11" fill="#5a6373">{}</text><text x="{}" y="{}" font-size="11" text-anchor="end" fill="#5a6373">{}</text></svg>"##,
        height - 8.0,
        date_text(from),
        left + plot_w,
        height - 8.0,
        date_text(to)
    );
    svg
}

#[derive(Deserialize)]
pub struct TimelineQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    format: String,
}

pub async fn timeline(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Query(query): Query<TimelineQuery>,
) -> PageResult {
    let today = state.app.today();
    let from =
        optional_date("from", &query.from)?.unwrap_or_else(|| today.replace_year(today.year() - 2).unwrap_or(today));
    let to = optional_date("to", &query.to)?.unwrap_or(today);
    if to < from {
        return Err(invalid("to", "must come after from"));
    }
    let timeline = state.app.timeline(&user.identity, from, to).await?;
    if query.format == "pdf" {
        let mut blocks = vec![
            Block::Paragraph(vec![Inline::Text(format!("From {} to {}.", date_text(from), date_text(to)))]),
            Block::Drawing {
                svg: timeline_svg(&timeline, from, to),
                alt: "The official track, each initiative's meetings, transfers and coordination as lanes on one date \
                      axis; every event is listed below."
                    .into(),
            },
        ];
        let mut lane = |name: &str, rows: Vec<Vec<String>>| {
            blocks.push(Block::Heading { level: 2, text: name.to_owned() });
            blocks.push(Block::Table { header: vec!["Date".into(), "Event".into()], rows });
        };
        lane(
            "Official track",
            timeline.official.iter().map(|(d, t, k)| vec![date_text(*d), format!("{k}: {t}")]).collect(),
        );
        for (name, items) in &timeline.initiatives {
            lane(name, items.iter().map(|(d, t, m)| vec![date_text(*d), format!("{t} ({m})")]).collect());
        }
        lane(
            "Transfers",
            timeline.transfers.iter().map(|(d, w, i)| vec![date_text(*d), format!("{w} — {i}")]).collect(),
        );
        lane(
            "Coordination",
            timeline.coordination.iter().map(|(d, f, _, i)| vec![date_text(*d), format!("{f} — {i}")]).collect(),
        );
        let document = Document {
            title: "Multi-track timeline".into(),
            running_head: "Multi-track timeline — confidential".into(),
            copy_mark: String::new(),
            subject: "Timeline".into(),
            blocks,
        };
        let bytes = tracktwo_render::render_pdf(&document).map_err(|e| AppError::Archive(e.to_string()))?;
        return Ok((
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("application/pdf")),
                (header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"timeline.pdf\"")),
            ],
            bytes,
        )
            .into_response());
    }
    let svg = timeline_svg(&timeline, from, to);
    Ok(page(
        "Timeline",
        &user,
        html! {
            h1 { "Multi-track timeline" }
            form.filters method="get" action="/timeline" {
                label { "From" input type="date" name="from" value=(date_text(from)); }
                label { "To" input type="date" name="to" value=(date_text(to)); }
                button type="submit" { "Show" }
            }
            figure.timeline { (PreEscaped(svg)) }
            p { a href={ "/timeline?from=" (date_text(from)) "&to=" (date_text(to)) "&format=pdf" } { "As PDF" } }
            h2 { "Events" }
            ul #timeline-events {
                @for (d, t, k) in &timeline.official { li { (date_text(*d)) " — official track: " (k) ": " (t) } }
                @for (d, w, i) in &timeline.transfers { li { (date_text(*d)) " — transfer: " (w) " (" (i) ")" } }
                @for (d, f, _, i) in &timeline.coordination { li { (date_text(*d)) " — coordination: " (f) " (" (i) ")" } }
            }
        },
    ))
}
