//! Readouts: drafted for one audience, the notes to carry chosen, reviewed and released.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use tracktwo_app::AppError;
use tracktwo_domain::transfer::{Audience, Clearance, Readout};
use tracktwo_domain::{MeetingId, MeetingNoteId, Operation, OptionId, ReadoutId, SideId};

use super::traceability::traceability_section;
use super::{all, carried_label, carried_text, carried_value, nav, text_choices};
use crate::extract::{CsrfForm, CsrfOnly, InitiativePath, ItemPath, Visit};
use crate::forms::{Pairs, date_text, field};
use crate::pages::layout::page;
use crate::{PageError, PageResult};

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
        // Set with the key at release.
        fingerprint_scheme: Default::default(),
        text: carried_text(fields, "text")?,
    })
}

pub async fn readouts(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let list = state.app.readouts(&user.identity, id).await?;
    let overview = state.app.process_overview(&user.identity, id).await?;
    let options = state.app.options(&user.identity, id).await?;
    let sides = state.app.sides(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::WriteReadout).await?;
    let audiences: Vec<Audience> = Audience::ALL.iter().copied().filter(|a| may.allows_audience(*a)).collect();
    let texts = text_choices(&state, &user, id, None).await;
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
                @if !texts.is_empty() {
                    label { "A version of a negotiating text to carry (its copies are fingerprinted with the rest)"
                        select name="text" { option value="" { "None" } @for (value, label) in &texts { option value=(value) { (label) } } } }
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
    CsrfForm(state, user, InitiativePath(id), fields): CsrfForm<Pairs, InitiativePath>,
) -> PageResult {
    let readout = state.app.create_readout(&user.identity, id, readout_from(&fields)?).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/readouts/{readout}")).into_response())
}

pub async fn readout(Visit(state, user, ItemPath(id, readout_id)): Visit<ItemPath<ReadoutId>>) -> PageResult {
    let view = state.app.readout(&user.identity, id, readout_id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let may_release = may.allows(Operation::ReleaseReadout);
    let r = &view.readout;
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
    let texts = text_choices(&state, &user, id, r.text).await;
    Ok(page(
        &r.title,
        &user,
        html! {
            (nav(id))
            h1 { (r.title) }
            p { "For " strong { (r.audience.label()) } " · " span.tag #clearance { (r.clearance.label()) }
                @if let Some(at) = r.released_at { " on " (date_text(at.date())) } }
            @if let Some(carried) = r.text {
                p #carried-text { "Carries " a href={ "/initiatives/" (id) "/texts/" (carried.text) "?version=" (carried.version) } { (carried_label(&texts, carried)) } }
            }
            h2 { "Text" @if r.clearance != Clearance::Released { " (as it would be released now)" } }
            div.readout #readout-text {
                @for section in &view.text {
                    h3 { (section.heading) }
                    @for p in &section.paragraphs { p { (p) } }
                }
            }
            (traceability_section(&view.traceability, r.wording_variants))
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
                    @if !texts.is_empty() {
                        label { "The version of a negotiating text it carries"
                            select name="text" { option value="" { "None" }
                                @for (value, label) in &texts { option value=(value) selected[r.text.map(carried_value).as_deref() == Some(value.as_str())] { (label) } } } }
                    }
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
                    tbody { @for (copy_id, c) in &view.copies { tr {
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
                    form.stack method="post" action={ (base) "/trace" } enctype="multipart/form-data" {
                        input type="hidden" name="csrf" value=(user.csrf());
                        label { "The passage, as it was found (pasted, or typed from a screenshot)" textarea name="passage" {} }
                        label { "Or a photograph or scan of a page (PNG, JPEG, TIFF or PDF, at most 8 MiB), read by OCR"
                            input type="file" name=(super::trace::PAGE_FIELD) accept="image/png,image/jpeg,image/tiff,application/pdf"; }
                        button type="submit" { "Trace" }
                    }
                }
            }
        },
    ))
}

pub async fn update_readout(
    CsrfForm(state, user, ItemPath(id, readout_id), fields): CsrfForm<Pairs, ItemPath<ReadoutId>>,
) -> PageResult {
    state.app.update_readout(&user.identity, id, readout_id, readout_from(&fields)?).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/readouts/{readout_id}")).into_response())
}

pub async fn review_readout(
    CsrfForm(state, user, ItemPath(id, readout_id), _): CsrfForm<CsrfOnly, ItemPath<ReadoutId>>,
) -> PageResult {
    state.app.review_readout(&user.identity, id, readout_id).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/readouts/{readout_id}")).into_response())
}

pub async fn release_readout(
    CsrfForm(state, user, ItemPath(id, readout_id), _): CsrfForm<CsrfOnly, ItemPath<ReadoutId>>,
) -> PageResult {
    state.app.release_readout(&user.identity, id, readout_id).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/readouts/{readout_id}")).into_response())
}
