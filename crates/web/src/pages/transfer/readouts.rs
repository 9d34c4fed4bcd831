//! Readouts: drafted for one audience, the notes to carry chosen, reviewed and released.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use tracktwo_app::AppError;
use tracktwo_domain::transfer::{Audience, Clearance, Readout};
use tracktwo_domain::{MeetingId, MeetingNoteId, Operation, OptionId, ReadoutId, SideId};

use super::traceability::traceability_section;
use super::{all, carried_label, carried_text, carried_value, nav, text_choices};
use tracktwo_i18n::{Arg, text, text_with};

use crate::extract::{CsrfForm, CsrfOnly, InitiativePath, ItemPath, Visit};
use crate::forms::{Pairs, date_text, field, shown_date};
use crate::pages::layout::page;
use crate::pages::words;
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
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let list = state.app.readouts(&user.identity, id).await?;
    let overview = state.app.process_overview(&user.identity, id).await?;
    let options = state.app.options(&user.identity, id).await?;
    let sides = state.app.sides(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::WriteReadout).await?;
    let audiences: Vec<Audience> = Audience::ALL.iter().copied().filter(|a| may.allows_audience(*a)).collect();
    let texts = text_choices(locale, &state, &user, id, None).await;
    Ok(page(
        &say("transfer-readouts"),
        &user,
        html! {
            (nav(locale, id))
            h1 { (say("transfer-readouts")) }
            p.muted { (say("transfer-a-readout-carries-chosen")) }
            div.scroll tabindex="0" role="region" aria-label=(say("transfer-readouts")) { table #readouts {
                thead { tr { th scope="col" { (say("transfer-readout")) } th scope="col" { (say("transfer-audience")) } th scope="col" { (say("transfer-clearance")) } } }
                tbody { @for (rid, r) in &list { tr {
                    td { a href={ "/initiatives/" (id) "/readouts/" (rid) } dir="auto" { (r.title) } }
                    td { (words::of(locale, r.audience)) } td { span.tag { (words::of(locale, r.clearance)) } }
                } } }
            } }
            h2 { (say("transfer-draft-a-readout")) }
            form.stack method="post" action={ "/initiatives/" (id) "/readouts" } {
                input type="hidden" name="csrf" value=(user.csrf());
                label { (say("transfer-title")) input name="title" dir="auto" required; }
                label { (say("transfer-audience")) select name="audience" { @for a in &audiences { option value=(a.as_str()) { (words::of(locale, a)) } } } }
                label { (say("transfer-cover-the-convener-s")) textarea name="cover" dir="auto" {} }
                fieldset { legend { (say("transfer-meetings")) }
                    @for (_, round, meetings) in &overview.rounds { @for (m, h) in meetings {
                        @if h.mode != tracktwo_domain::dialogue::ConfidentialityMode::SecretChannel {
                            label.check { input type="checkbox" name="meeting" value=(m); (text_with(locale, "transfer-meeting-choice", &[("number", Arg::count(round.number)), ("title", Arg::Text(&h.title)), ("rule", Arg::Text(&words::of(locale, h.mode)))])) }
                        }
                    } }
                }
                fieldset { legend { (say("transfer-options")) }
                    @for (o, option) in &options { label.check { input type="checkbox" name="option" value=(o); bdi { (option.title) } " — " (words::of(locale, option.status)) } }
                }
                @if !texts.is_empty() {
                    label { (say("transfer-a-version-of-a-2"))
                        select name="text" { option value="" { (say("transfer-none")) } @for (value, label) in &texts { option value=(value) dir="auto" { (label) } } } }
                }
                fieldset { legend { (say("transfer-a-joint-readout-also")) }
                    @for s in &sides { label.check { input type="checkbox" name="joint_side" value=(s.id); bdi { (s.name) } } }
                }
                label.check { input type="checkbox" name="wording_variants" value="yes"; (say("transfer-let-copies-differ-in")) }
                button type="submit" { (say("transfer-save-draft")) }
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
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
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
    let texts = text_choices(locale, &state, &user, id, r.text).await;
    Ok(page(
        &r.title,
        &user,
        html! {
            (nav(locale, id))
            h1 dir="auto" { (r.title) }
            p { (say("transfer-for")) " " strong { (words::of(locale, r.audience)) } " · " span.tag #clearance { (words::of(locale, r.clearance)) }
                @if let Some(at) = r.released_at { " " (text_with(locale, "transfer-on-date", &[("date", Arg::Text(&locale.date(at.date())))])) } }
            @if let Some(carried) = r.text {
                p #carried-text { (say("transfer-carries")) " " a dir="auto" href={ "/initiatives/" (id) "/texts/" (carried.text) "?version=" (carried.version) } { (carried_label(locale, &texts, carried)) } }
            }
            h2 { (say("transfer-text-2")) @if r.clearance != Clearance::Released { " " (say("transfer-as-it-would-be")) } }
            div.readout #readout-text {
                @for section in &view.text {
                    h3 dir="auto" { (section.heading) }
                    @for p in &section.paragraphs { p dir="auto" { (p) } }
                }
            }
            (traceability_section(locale, &view.traceability, r.wording_variants))
            @if r.clearance != Clearance::Released {
                h2 { (say("transfer-notes-to-carry")) }
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
                        label { (say("transfer-the-version-of-a"))
                            select name="text" { option value="" { (say("transfer-none")) }
                                @for (value, label) in &texts { option value=(value) selected[r.text.map(carried_value).as_deref() == Some(value.as_str())] dir="auto" { (label) } } } }
                    }
                    @for (title, list) in &notes {
                        fieldset { legend dir="auto" { (title) }
                            @for (note_id, note) in list {
                                label.check { input type="checkbox" name="note" value=(note_id) checked[r.notes.contains(note_id)];
                                    (note.body) @if note.not_for_transfer { " " span.tag.warn { (say("transfer-not-for-transfer")) } } }
                            }
                        }
                    }
                    p.muted { (say("transfer-a-note-the-rules")) }
                    button type="submit" { (say("transfer-save")) }
                }
                h2 { (say("transfer-clearance")) }
                p { (text_with(locale, "transfer-reviews-count", &[("count", Arg::count(r.reviews.len()))])) @if !r.joint_sides.is_empty() { " " (say("transfer-a-joint-readout-one")) } }
                form method="post" action={ (base) "/review" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    button type="submit" { (say("transfer-mark-reviewed")) }
                }
                @if may_release && r.clearance == Clearance::Reviewed {
                    form method="post" action={ (base) "/release" } {
                        input type="hidden" name="csrf" value=(user.csrf());
                        button type="submit" { (say("transfer-release")) }
                    }
                }
            } @else {
                h2 { (say("transfer-distribution-ledger")) }
                div.scroll tabindex="0" role="region" aria-label=(say("transfer-distribution-ledger")) { table #ledger {
                    thead { tr { th scope="col" { (say("transfer-copy")) } th scope="col" { (say("transfer-recipient")) } th scope="col" { (say("transfer-how")) } th scope="col" { (say("transfer-when")) } th scope="col" { (say("transfer-files")) } } }
                    tbody { @for (copy_id, c) in &view.copies { tr {
                        td { (c.number) } td dir="auto" { (c.recipient) } td dir="auto" { (c.channel) } td { (shown_date(locale, c.delivered_on)) }
                        td { @if may_release {
                            a href={ "/initiatives/" (id) "/copies/" (copy_id) "?format=pdf" } { (say("transfer-pdf")) } " · "
                            a href={ "/initiatives/" (id) "/copies/" (copy_id) "?format=docx" } { (say("transfer-docx")) }
                        } }
                    } } }
                } }
                @if may_release {
                    h2 { (say("transfer-issue-a-copy")) }
                    form.stack method="post" action={ (base) "/copies" } {
                        input type="hidden" name="csrf" value=(user.csrf());
                        label { (say("transfer-recipient")) input name="recipient" dir="auto" required; }
                        label { (say("transfer-how-it-is-handed")) input name="channel" dir="auto" placeholder=(say("transfer-in-person")); }
                        label { (say("transfer-on")) input type="date" name="delivered_on" value=(date_text(today)) required; }
                        button type="submit" { (say("transfer-issue-copy")) }
                    }
                    h2 { (say("transfer-trace-a-leaked-passage")) }
                    form.stack method="post" action={ (base) "/trace" } enctype="multipart/form-data" {
                        input type="hidden" name="csrf" value=(user.csrf());
                        label { (say("transfer-the-passage-as-it")) textarea name="passage" {} }
                        label { (say("transfer-or-a-photograph-or"))
                            input type="file" name=(super::trace::PAGE_FIELD) accept="image/png,image/jpeg,image/tiff,application/pdf"; }
                        button type="submit" { (say("transfer-trace")) }
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
