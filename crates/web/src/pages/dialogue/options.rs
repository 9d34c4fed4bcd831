//! The options register: where each option was raised, which sides support it, and where it
//! went.

use std::collections::BTreeSet;

use axum::response::{IntoResponse, Redirect};
use maud::html;
use tracktwo_app::AppError;
use tracktwo_domain::dialogue::{DialogueOption, OptionStatus};
use tracktwo_domain::{MeetingId, Operation, OptionId, RoundId, SideId};

use super::{lines, process_nav};
use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, ItemPath, Visit, parse_id};
use crate::forms::{Pairs, date_text, field};
use crate::pages::layout::page;

pub async fn options(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
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
    // Where an option went into the negotiating text: the clauses drafted from it.
    let texts = state.app.texts(&user.identity, id).await?;
    Ok(page(
        "Options register",
        &user,
        html! {
            (process_nav(id, &may))
            h1 { "Options register" }
            p.muted { "Ideas and options, where they were raised and which sides support them — never which person." }
            @if options.is_empty() { p.muted { "No options yet." } }
            @for (option_id, o) in &options {
                section.option #{ "option-" (option_id) } {
                    h2 { (o.title) " " span.tag.status { (o.status.label()) } }
                    @if !o.description.is_empty() { p { (o.description) } }
                    @if !o.issues.is_empty() { p { "Issues: " (o.issues.join("; ")) } }
                    p.muted {
                        "Raised in: " (o.raised_in.iter().filter_map(|m| meetings.iter().find(|(id, _, _)| id == m)).map(|(_, l, _)| l.as_str()).collect::<Vec<_>>().join("; "))
                        @if !o.supported_by.is_empty() { " · supported by " (o.supported_by.iter().map(side_name).collect::<Vec<_>>().join(", ")) }
                    }
                    ol.path {
                        @for step in &o.history { li { (step.status.label()) " — " (date_text(step.on)) @let r = round_label(step.round); @if !r.is_empty() { ", " (r) } } }
                        @for text in &texts {
                            @for (_, clause) in text.drafted_options.iter().filter(|(o, _)| o == option_id) {
                                li.drafted { "Drafted into " a href={ "/initiatives/" (id) "/texts/" (text.id) "#" (clause) } { (text.title) } ", clause " (clause) }
                            }
                        }
                        @for (_, t) in transfers.iter().filter(|(_, t)| t.options.contains(option_id)) {
                            li.transfer { "Transfer — " (date_text(t.on)) ": " (t.channel.label()) " (" (t.evidence.label().to_lowercase()) ")"
                                @if let Some(carried) = t.text { ", in version " (carried.version) " of the text" } }
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
    CsrfForm(state, user, InitiativePath(id), fields): CsrfForm<Pairs, InitiativePath>,
) -> PageResult {
    let mut supported_by = BTreeSet::new();
    for (_, v) in fields.iter().filter(|(k, _)| k == "side") {
        supported_by.insert(parse_id::<SideId>(v)?);
    }
    let option = DialogueOption {
        title: field(&fields, "title").trim().to_owned(),
        description: field(&fields, "description").trim().to_owned(),
        issues: lines(field(&fields, "issues")),
        raised_in: vec![parse_id(field(&fields, "meeting"))?],
        supported_by,
        status: OptionStatus::Raised,
        history: Vec::new(),
    };
    state.app.add_option(&user.identity, id, option, state.app.today()).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/options")).into_response())
}

pub async fn update_option(
    CsrfForm(state, user, ItemPath(id, option_id), fields): CsrfForm<Pairs, ItemPath<OptionId>>,
) -> PageResult {
    let status = OptionStatus::parse(field(&fields, "status")).map_err(AppError::Invalid)?;
    let meeting = match field(&fields, "meeting") {
        "" => None,
        m => Some(parse_id::<MeetingId>(m)?),
    };
    let mut sides = Vec::new();
    for (_, v) in fields.iter().filter(|(k, _)| k == "side") {
        sides.push(parse_id::<SideId>(v)?);
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
