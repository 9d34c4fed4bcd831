//! The results framework: outcomes and their indicators, baselines, targets and the actual of
//! each reporting period; new indicators and actuals; CSV out and in (all or nothing).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use maud::html;
use tracktwo_app::AppError;
use tracktwo_domain::results_framework::{Actual, Indicator};
use tracktwo_domain::{IndicatorId, InitiativeId, Operation};
use tracktwo_i18n::{Arg, text, text_with};

use crate::extract::{CsrfForm, InitiativePath, ItemPath, Visit};
use crate::forms::{Pairs, field, invalid};
use crate::pages::layout::{layout_page, page};
use crate::{PageError, PageResult};

fn indicators_path(initiative: InitiativeId) -> String {
    format!("/initiatives/{initiative}/indicators")
}

fn number(fields: &Pairs, name: &'static str) -> Result<f64, PageError> {
    field(fields, name)
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| invalid(name, "is not a number"))
}

pub async fn indicators(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let list = state.app.indicators(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ReadIndicators).await?;
    let write = may.allows(Operation::WriteIndicators);
    let locale = user.locale;
    let say = |key: &str| text(locale, key);
    let path = indicators_path(id);
    Ok(page(
        &say("indicators-title"),
        &user,
        html! {
            p { a href={ "/initiatives/" (id) } { (say("measures-back-to-initiative")) } }
            h1 { (say("indicators-title")) }
            p.muted { (say("indicators-intro")) }
            p { a #export href={ (path) "/export" } { (say("indicators-export")) } }
            @if list.is_empty() { p { (say("indicators-none")) } } @else {
                div.scroll tabindex="0" role="region" aria-label=(say("indicators-title")) { table #indicators {
                    thead { tr {
                        th scope="col" { (say("indicators-column-outcome")) }
                        th scope="col" { (say("indicators-column-indicator")) }
                        th.num scope="col" { (say("indicators-column-baseline")) }
                        th.num scope="col" { (say("indicators-column-target")) }
                        th scope="col" { (say("indicators-column-actuals")) }
                    } }
                    tbody { @for (indicator_id, indicator) in &list { tr {
                        td dir="auto" { (indicator.outcome) }
                        td dir="auto" { (indicator.indicator) @if !indicator.unit.is_empty() { " (" (indicator.unit) ")" } }
                        td.num { (locale.figure(indicator.baseline)) }
                        td.num { (locale.figure(indicator.target)) }
                        td {
                            @if indicator.actuals.is_empty() { span.muted { (say("indicators-no-actual")) } }
                            ul.plain { @for actual in &indicator.actuals {
                                li { span dir="auto" { (actual.period) } ": " (locale.figure(actual.value)) @if !actual.note.is_empty() { " — " span dir="auto" { (actual.note) } } }
                            } }
                            @if let Some(progress) = indicator.progress() {
                                p.muted { (text_with(locale, "indicators-progress", &[("percent", Arg::count((progress * 100.0).round() as i64))])) }
                            }
                            @if write {
                                form.inline method="post" action={ (path) "/" (indicator_id) "/actuals" } {
                                    input type="hidden" name="csrf" value=(user.csrf());
                                    label { (say("indicators-period")) input name="period" required size="8"; }
                                    label { (say("indicators-actual")) input name="value" required size="6" inputmode="decimal"; }
                                    label { (say("indicators-note")) input name="note" size="12"; }
                                    button type="submit" { (say("indicators-record")) }
                                }
                            }
                        }
                    } } }
                } }
            }
            @if write {
                h2 { (say("indicators-add-heading")) }
                form.stack #add-indicator method="post" action=(path) {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("indicators-column-outcome")) input name="outcome" required; }
                    label { (say("indicators-column-indicator")) input name="indicator" required; }
                    label { (say("indicators-unit")) input name="unit"; }
                    label { (say("indicators-column-baseline")) input name="baseline" required inputmode="decimal"; }
                    label { (say("indicators-column-target")) input name="target" required inputmode="decimal"; }
                    button type="submit" { (say("indicators-add")) }
                }
                h2 { (say("indicators-import-heading")) }
                p.muted { (say("indicators-import-intro")) }
                form.stack #import-indicators method="post" action={ (path) "/import" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("indicators-import-label")) textarea name="csv" required dir="ltr" {} }
                    button type="submit" { (say("indicators-import")) }
                }
            }
        },
    ))
}

pub async fn add_indicator(
    CsrfForm(state, user, InitiativePath(id), fields): CsrfForm<Pairs, InitiativePath>,
) -> PageResult {
    let indicator = Indicator {
        outcome: field(&fields, "outcome").trim().to_owned(),
        indicator: field(&fields, "indicator").trim().to_owned(),
        unit: field(&fields, "unit").trim().to_owned(),
        baseline: number(&fields, "baseline")?,
        target: number(&fields, "target")?,
        actuals: Vec::new(),
    };
    state.app.add_indicator(&user.identity, id, indicator).await?;
    Ok(Redirect::to(&indicators_path(id)).into_response())
}

pub async fn record_actual(
    CsrfForm(state, user, ItemPath(id, indicator), fields): CsrfForm<Pairs, ItemPath<IndicatorId>>,
) -> PageResult {
    let actual = Actual {
        period: field(&fields, "period").trim().to_owned(),
        value: number(&fields, "value")?,
        note: field(&fields, "note").trim().to_owned(),
    };
    state.app.record_actual(&user.identity, id, indicator, actual).await?;
    Ok(Redirect::to(&indicators_path(id)).into_response())
}

pub async fn export(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let csv = state.app.export_indicators(&user.identity, id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
            (header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"indicators.csv\"")),
        ],
        csv,
    )
        .into_response())
}

pub async fn import(CsrfForm(state, user, InitiativePath(id), fields): CsrfForm<Pairs, InitiativePath>) -> PageResult {
    match state.app.import_indicators(&user.identity, id, field(&fields, "csv")).await {
        Ok(_) => Ok(Redirect::to(&indicators_path(id)).into_response()),
        Err(refused @ AppError::Import { .. }) => {
            let locale = user.locale;
            let say = |key: &str| text(locale, key);
            let body = html! {
                h1 { (say("indicators-import-refused")) }
                p.error role="alert" #import-error { (crate::refusals::Refusal::of(&refused).html(locale)) }
                p { (say("indicators-import-nothing")) " " a href=(indicators_path(id)) { (say("indicators-back")) } }
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, layout_page(&say("indicators-import-refused"), &user, body))
                .into_response())
        }
        Err(other) => Err(other.into()),
    }
}
