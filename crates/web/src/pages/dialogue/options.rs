//! The options register: where each option was raised, which sides support it, and where it
//! went.

use std::collections::BTreeSet;

use axum::response::{IntoResponse, Redirect};
use maud::html;
use tracktwo_app::AppError;
use tracktwo_domain::dialogue::{DialogueOption, OptionStatus};
use tracktwo_domain::{MeetingId, Operation, OptionId, RoundId, SideId};

use super::{lines, process_nav};
use tracktwo_i18n::{Arg, text, text_with};

use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, ItemPath, Visit, parse_id};
use crate::forms::{Pairs, field, shown_date};
use crate::pages::layout::page;
use crate::pages::words;

pub async fn options(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let options = state.app.options(&user.identity, id).await?;
    let overview = state.app.process_overview(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let sides = state.app.sides(&user.identity, id).await?;
    let may_write = may.allows(Operation::WriteProcess);
    let meetings: Vec<(MeetingId, String, RoundId)> = overview
        .rounds
        .iter()
        .flat_map(|(round, r, ms)| {
            ms.iter().map(move |(m, h)| {
                let args = [("number", Arg::count(r.number)), ("title", Arg::Text(&h.title))];
                (*m, text_with(locale, "dialogue-round-option", &args), *round)
            })
        })
        .collect();
    let round_label = |round: Option<RoundId>| {
        round.and_then(|r| overview.rounds.iter().find(|(id, _, _)| *id == r)).map_or_else(String::new, |(_, r, _)| {
            text_with(locale, "dialogue-round-number", &[("number", Arg::count(r.number))])
        })
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
        &say("dialogue-options-register"),
        &user,
        html! {
            (process_nav(user.locale, id, &may))
            h1 { (say("dialogue-options-register")) }
            p.muted { (say("dialogue-ideas-and-options-where")) }
            @if options.is_empty() { p.muted { (say("dialogue-no-options-yet")) } }
            @for (option_id, o) in &options {
                section.option #{ "option-" (option_id) } {
                    h2 { span dir="auto" { (o.title) } " " span.tag.status { (words::of(locale, o.status)) } }
                    @if !o.description.is_empty() { p dir="auto" { (o.description) } }
                    @if !o.issues.is_empty() { p { (text_with(locale, "dialogue-issues-list", &[("issues", Arg::Text(&o.issues.join("; ")))])) } }
                    p.muted {
                        @let raised = o.raised_in.iter().filter_map(|m| meetings.iter().find(|(id, _, _)| id == m)).map(|(_, l, _)| l.as_str()).collect::<Vec<_>>().join("; ");
                        (text_with(locale, "dialogue-raised-in-list", &[("meetings", Arg::Text(&raised))]))
                        @if !o.supported_by.is_empty() {
                            " · " (text_with(locale, "dialogue-supported-by-list", &[("sides", Arg::Text(&o.supported_by.iter().map(side_name).collect::<Vec<_>>().join(", ")))]))
                        }
                    }
                    ol.path {
                        @for step in &o.history { li { (words::of(locale, step.status)) " — " (shown_date(locale, step.on)) @let r = round_label(step.round); @if !r.is_empty() { ", " (r) } } }
                        @for text in &texts {
                            @for (_, clause) in text.drafted_options.iter().filter(|(o, _)| o == option_id) {
                                li.drafted { (say("dialogue-drafted-into")) " " a href={ "/initiatives/" (id) "/texts/" (text.id) "#" (clause) } dir="auto" { (text.title) } " · " (text_with(locale, "dialogue-clause-number", &[("clause", Arg::Text(&clause.to_string()))])) }
                            }
                        }
                        @for (_, t) in transfers.iter().filter(|(_, t)| t.options.contains(option_id)) {
                            li.transfer {
                                (text_with(locale, "dialogue-transfer-on", &[
                                    ("date", Arg::Text(&locale.date(t.on))),
                                    ("channel", Arg::Text(&words::of(locale, t.channel))),
                                    ("evidence", Arg::Text(&words::of(locale, t.evidence))),
                                ]))
                                @if let Some(carried) = t.text { " " (text_with(locale, "dialogue-in-version-of-text", &[("version", Arg::count(carried.version))])) }
                            }
                        }
                    }
                    @if may_write {
                        form.inline-form method="post" action={ "/initiatives/" (id) "/options/" (option_id) } {
                            input type="hidden" name="csrf" value=(user.csrf());
                            label { (say("dialogue-status")) select name="status" { @for st in OptionStatus::ALL { option value=(st.as_str()) selected[*st == o.status] { (words::of(locale, st)) } } } }
                            label { (say("dialogue-in")) select name="meeting" { option value="" { "—" } @for (m, l, _) in &meetings { option value=(m) dir="auto" { (l) } } } }
                            @for s in &sides { label.check { input type="checkbox" name="side" value=(s.id); (text_with(locale, "dialogue-supported-by-side", &[("side", Arg::Text(&s.name))])) } }
                            button type="submit" { (say("dialogue-update")) }
                        }
                    }
                }
            }
            @if may_write && !meetings.is_empty() {
                h2 { (say("dialogue-register-an-option")) }
                form.stack method="post" action={ "/initiatives/" (id) "/options" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("dialogue-title")) input name="title" dir="auto" required; }
                    label { (say("dialogue-description")) textarea name="description" dir="auto" {} }
                    label { (say("dialogue-issues-it-answers-one")) textarea name="issues" dir="auto" {} }
                    label { (say("dialogue-raised-in-2")) select name="meeting" { @for (m, l, _) in &meetings { option value=(m) dir="auto" { (l) } } } }
                    @for s in &sides { label.check { input type="checkbox" name="side" value=(s.id); (text_with(locale, "dialogue-supported-by-side", &[("side", Arg::Text(&s.name))])) } }
                    button type="submit" { (say("dialogue-register-option")) }
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
