//! Reports built from the record: the page that offers each report the reader may produce (the
//! funder report, the evaluation brief) for a period, in a format and a language, and the file
//! itself. What a report holds is decided by the app for the report's audience, whoever asks.

use maud::html;
use serde::Deserialize;
use tracktwo_domain::report::{Period, ReportKind};
use tracktwo_domain::{InitiativeId, Operation};
use tracktwo_i18n::{Locale, text};

use super::nav;
use crate::PageResult;
use crate::extract::{InitiativePath, QueryVisit, Visit};
use crate::forms::{invalid, optional_date};
use crate::pages::layout::page;

pub(crate) fn reports_path(initiative: InitiativeId) -> String {
    format!("/initiatives/{initiative}/reports")
}

/// `?kind=&from=&to=&format=&language=`: which report, for which dates (none for the whole
/// record), as PDF or DOCX, in which language.
#[derive(Deserialize)]
pub struct ReportQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    format: String,
    #[serde(default)]
    language: String,
}

fn period(query: &ReportQuery) -> Result<Option<Period>, crate::PageError> {
    match (optional_date("from", &query.from)?, optional_date("to", &query.to)?) {
        (None, None) => Ok(None),
        (Some(from), Some(to)) => {
            Period::new(from, to).map(Some).map_err(|e| crate::PageError::from(tracktwo_app::AppError::Invalid(e)))
        }
        _ => Err(invalid("period", "needs both its first and its last day, or neither")),
    }
}

pub async fn reports(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale: Locale = user.locale;
    let say = |key: &str| text(locale, key);
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let kinds: Vec<ReportKind> =
        ReportKind::ALL.iter().copied().filter(|k| may.allows(Operation::ProduceReport(*k))).collect();
    if kinds.is_empty() {
        // Refused by the gate itself, as the file would be.
        state.app.permissions(&user.identity, id, Operation::ProduceReport(ReportKind::Evaluation)).await?;
    }
    Ok(page(
        &say("reports-title"),
        &user,
        html! {
            (nav(locale, id))
            h1 { (say("reports-title")) }
            p { (say("reports-intro")) }
            @for kind in &kinds {
                section.report {
                    h2 { (say(&format!("reports-{}-heading", kind.as_str()))) }
                    p { (say(&format!("reports-{}-about", kind.as_str()))) }
                    form.stack id={ "report-" (kind.as_str()) } method="get" action={ (reports_path(id)) "/file" } {
                        input type="hidden" name="kind" value=(kind.as_str());
                        label { (say("reports-from")) input type="date" name="from"; }
                        label { (say("reports-to")) input type="date" name="to"; }
                        p.muted { (say("reports-period-note")) }
                        label { (say("reports-format"))
                            select name="format" {
                                option value="pdf" selected { "PDF" }
                                option value="docx" { "DOCX" }
                            }
                        }
                        label { (say("reports-language"))
                            select name="language" {
                                @for other in Locale::SHIPPED {
                                    option value=(other.tag()) selected[other == locale] lang=(other.tag()) { (other.native_name()) }
                                }
                            }
                        }
                        button type="submit" { (say("reports-produce")) }
                    }
                }
            }
        },
    ))
}

pub async fn report_file(
    QueryVisit(state, user, query, InitiativePath(id)): QueryVisit<ReportQuery, InitiativePath>,
) -> PageResult {
    let kind = ReportKind::parse(&query.kind).map_err(|_| invalid("kind", "must be funder or evaluation"))?;
    let period = period(&query)?;
    let report = state.app.report(&user.identity, id, kind, period).await?;
    let locale = crate::documents::document_locale(&query.language, user.locale);
    let document = crate::documents::report_document(&report, locale);
    crate::documents::attachment(&document, &query.format, &format!("{}-report", kind.as_str()))
}
