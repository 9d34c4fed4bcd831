//! The transfer and coordination logs, the coordination chart, and the official track's events.

use std::fmt::Write as _;

use axum::response::{IntoResponse, Redirect};
use maud::{PreEscaped, html};
use serde::Deserialize;
use time::Date;
use tracktwo_app::AppError;
use tracktwo_domain::transfer::{
    CoordinationEvent, CoordinationForm, Evidence, OfficialEvent, OfficialKind, TransferChannel, TransferDirection,
    TransferEvent, TransferKind, TransferTiming, coordination_level,
};
use tracktwo_domain::{Operation, OptionId};

use super::{all, carried_label, carried_text, close_chart, nav, text_choices};
use tracktwo_i18n::{Arg, Locale, text, text_with};

use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, Visit, posted_forms};
use crate::forms::{Pairs, date_text, field, invalid, optional_date, shown_date};
use crate::pages::layout::page;
use crate::pages::time_axis::TimeAxis;
use crate::pages::words;

/// The coordination level over time as a step chart (SVG, presentation attributes only).
/// Time runs the way the reader's language reads: from right to left in Arabic.
fn coordination_chart(events: &[CoordinationEvent], from: Date, to: Date, locale: Locale) -> String {
    let direction = locale.direction();
    // The words are ours, from the messages; escaped all the same, since they sit in XML.
    let escaped = |text: String| text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let title = escaped(text(locale, "coordination-chart-title"));
    let description = escaped(text_with(
        locale,
        "coordination-chart-desc",
        &[("from", Arg::Text(&locale.date(from))), ("to", Arg::Text(&locale.date(to)))],
    ));
    let days: Vec<Date> = std::iter::successors(Some(from), |d| d.next_day().filter(|n| *n <= to)).step_by(7).collect();
    let levels = coordination_level(events, &days, 90);
    let (width, height, left, top) = (640.0_f64, 180.0_f64, 150.0_f64, 10.0_f64);
    let plot_w = width - left - 10.0;
    let plot_h = height - top - 30.0;
    let axis = TimeAxis::new(width, direction);
    let x = |i: usize| axis.x(left + plot_w * i as f64 / (days.len().max(2) - 1) as f64);
    let y = |level: u8| top + plot_h - plot_h * f64::from(level) / 4.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg role="img" aria-labelledby="coord-title coord-desc" viewBox="0 0 {width} {height}" width="100%" direction="{}"><title id="coord-title">{title}</title><desc id="coord-desc">{description}</desc>"##,
        axis.direction(),
    );
    for form in CoordinationForm::ALL {
        let level = form.level();
        let _ = write!(
            svg,
            r##"<line x1="{}" x2="{}" y1="{y}" y2="{y}" stroke="#d8dce3" stroke-width="1"/><text x="{}" y="{}" font-size="11" text-anchor="end" fill="#1d2330">{}</text>"##,
            axis.x(left),
            axis.x(left + plot_w),
            axis.x(left - 6.0),
            y(level) + 4.0,
            escaped(text(locale, &format!("coordination-form-{}", form.as_str()))),
            y = y(level)
        );
    }
    let mut path = String::new();
    for (i, level) in levels.iter().enumerate() {
        let _ = write!(path, "{}{:.1},{:.1} ", if i == 0 { "M" } else { "H" }, x(i), y(*level));
        let _ = write!(path, "V{:.1} ", y(*level));
    }
    let _ = write!(svg, r##"<path d="{path}" fill="none" stroke="#1f4e79" stroke-width="2.5"/>"##);
    close_chart(&mut svg, axis, left, plot_w, height, (from, to), locale);
    svg
}

pub async fn transfers(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let (transfer_log, coordination) = state.app.transfer_log(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let may_write = may.allows(Operation::WriteTransferLog);
    let options = if may_write { state.app.options(&user.identity, id).await.unwrap_or_default() } else { Vec::new() };
    let texts = text_choices(locale, &state, &user, id, None).await;
    let today = state.app.today();
    let first = coordination.first().map_or(today, |(_, e)| e.on).min(today);
    let events: Vec<CoordinationEvent> = coordination.iter().map(|(_, e)| e.clone()).collect();
    let chart = coordination_chart(&events, first, today, locale);
    Ok(page(
        &say("transfer-transfer-and-coordination"),
        &user,
        html! {
            (nav(locale, id))
            h1 { (say("transfer-transfer-and-coordination")) }
            h2 { (say("transfer-transfer-log")) }
            div.scroll tabindex="0" role="region" aria-label=(say("transfer-transfer-log")) { table #transfers {
                thead { tr { th scope="col" { (say("transfer-when")) } th scope="col" { (say("transfer-what-moved")) } th scope="col" { (say("transfer-direction")) } th scope="col" { (say("transfer-channel")) } th scope="col" { (say("transfer-timing")) } th scope="col" { (say("transfer-evidence")) } } }
                tbody { @for (_, t) in &transfer_log { tr {
                    td { (shown_date(locale, t.on)) } td { (words::of(locale, t.what)) @if !t.description.is_empty() { br; span.muted dir="auto" { (t.description) } }
                        @if let Some(carried) = t.text { br; span.carried-text { (text_with(locale, "transfer-text-carried", &[("text", Arg::Text(&carried_label(locale, &texts, carried)))])) } } }
                    td { (words::of(locale, t.direction)) } td { (words::of(locale, t.channel)) } td { (words::of(locale, t.timing)) } td { (words::of(locale, t.evidence)) }
                } } }
            } }
            h2 { (say("transfer-coordination-with-track-one")) }
            figure { (PreEscaped(chart)) }
            div.scroll tabindex="0" role="region" aria-label=(say("transfer-coordination-with-track-one")) { table #coordination {
                thead { tr { th scope="col" { (say("transfer-when")) } th scope="col" { (say("transfer-form")) } th scope="col" { (say("transfer-counterpart")) } } }
                tbody { @for (_, c) in &coordination { tr { td { (shown_date(locale, c.on)) } td { (words::of(locale, c.form)) } td dir="auto" { (c.counterpart) } } } }
            } }
            @if may_write {
                h2 { (say("transfer-log-a-transfer")) }
                form.stack method="post" action={ "/initiatives/" (id) "/transfers" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("transfer-on")) input type="date" name="on" required value=(date_text(today)); }
                    label { (say("transfer-what-moved")) select name="what" { @for k in TransferKind::ALL { option value=(k.as_str()) { (words::of(locale, k)) } } } }
                    label { (say("transfer-direction")) select name="direction" { @for k in TransferDirection::ALL { option value=(k.as_str()) { (words::of(locale, k)) } } } }
                    label { (say("transfer-channel")) select name="channel" { @for k in TransferChannel::ALL { option value=(k.as_str()) { (words::of(locale, k)) } } } }
                    label { (say("transfer-timing")) select name="timing" { @for k in TransferTiming::ALL { option value=(k.as_str()) { (words::of(locale, k)) } } } }
                    label { (say("transfer-evidence")) select name="evidence" { @for k in Evidence::ALL { option value=(k.as_str()) { (words::of(locale, k)) } } } }
                    label { (say("transfer-what-happened")) textarea name="description" {} }
                    @if !texts.is_empty() {
                        label { (say("transfer-a-version-of-a"))
                            select name="text" { option value="" { (say("transfer-none")) } @for (value, label) in &texts { option value=(value) dir="auto" { (label) } } } }
                    }
                    fieldset { legend { (say("transfer-options-it-carried")) } @for (o, option) in &options { label.check { input type="checkbox" name="option" value=(o); bdi { (option.title) } } } }
                    button type="submit" { (say("transfer-log-transfer")) }
                }
                h2 { (say("transfer-log-a-contact-with")) }
                form.stack method="post" action={ "/initiatives/" (id) "/coordination" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("transfer-on")) input type="date" name="on" required value=(date_text(today)); }
                    label { (say("transfer-form-fisher")) select name="form" { @for f in CoordinationForm::ALL { option value=(f.as_str()) { (words::of(locale, f)) } } } }
                    label { (say("transfer-counterpart-an-office-not")) input name="counterpart" required; }
                    label { (say("transfer-note")) textarea name="note" {} }
                    button type="submit" { (say("transfer-log-contact")) }
                }
                h2 { (say("transfer-log-an-event-of")) }
                form.stack method="post" action={ "/initiatives/" (id) "/official-events" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("transfer-on")) input type="date" name="on" required value=(date_text(today)); }
                    label { (say("transfer-kind")) select name="kind" { @for k in OfficialKind::ALL { option value=(k.as_str()) { (words::of(locale, k)) } } } }
                    label { (say("transfer-title")) input name="title" required; }
                    button type="submit" { (say("transfer-log-official-event")) }
                }
            }
        },
    ))
}

pub async fn log_transfer(
    CsrfForm(state, user, InitiativePath(id), fields): CsrfForm<Pairs, InitiativePath>,
) -> PageResult {
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
        text: carried_text(&fields, "text")?,
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
    CsrfForm(state, user, InitiativePath(id), form): CsrfForm<CoordinationInput, InitiativePath>,
) -> PageResult {
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
    CsrfForm(state, user, InitiativePath(id), form): CsrfForm<OfficialForm, InitiativePath>,
) -> PageResult {
    let event = OfficialEvent {
        on: optional_date("on", &form.on)?.ok_or_else(|| invalid("on", "is required"))?,
        kind: OfficialKind::parse(&form.kind).map_err(AppError::Invalid)?,
        title: form.title.trim().to_owned(),
    };
    state.app.log_official_event(&user.identity, id, event).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/transfers")).into_response())
}

posted_forms!(CoordinationInput, OfficialForm);
