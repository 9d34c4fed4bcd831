//! A copy of a text to take away: the bracketed working copy, the clean copy of a settled
//! version, or the comparison with an older version, as PDF or DOCX, in a language chosen for
//! the document (the reader's own unless another is asked for). The text's page offers the
//! copies its version allows; the file is the command line's export (`App::export_text`, which
//! decides who may take one and audits it), laid out by `documents::text_document`. Only the text
//! travels: no comment, suggestion or name.

use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_app::AppError;
use tracktwo_app::negotiating_text::TextView;
use tracktwo_domain::negotiating_text::TextId;
use tracktwo_i18n::{Arg, Locale, text_with};

use super::text_path;
use crate::documents::{TextCopy, attachment, document_locale, text_document};
use crate::extract::{ItemPath, QueryVisit};
use crate::forms::bad_query;
use crate::{PageError, PageResult};

/// `?version=N&copy=bracketed|clean|comparison&compare_with=M&format=pdf|docx&language=ar`: which
/// copy of which version (the newest by default), as which file, in which language.
#[derive(Deserialize)]
pub struct CopyQuery {
    #[serde(default)]
    version: String,
    #[serde(default)]
    copy: String,
    /// The older version a comparison is made with; read only for a comparison.
    #[serde(default)]
    compare_with: String,
    #[serde(default)]
    format: String,
    /// The document's language (`en`, `ar`, `ru`, `fr`); the reader's own when absent or unknown.
    #[serde(default)]
    language: String,
}

/// A version's number as a query gives it: none when empty.
fn version_number(field: &'static str, value: &str) -> Result<Option<u32>, PageError> {
    match value.trim() {
        "" => Ok(None),
        n => n.parse::<u32>().map(Some).map_err(|_| bad_query(field, "must be a version number")),
    }
}

/// The file's format as a query names it: PDF by default.
fn file_format(value: &str) -> Result<&'static str, PageError> {
    match value.trim() {
        "" | "pdf" => Ok("pdf"),
        "docx" => Ok("docx"),
        _ => Err(bad_query("format", "must be pdf or docx")),
    }
}

/// The copy a query names: the bracketed working copy by default.
fn copy_of(value: &str) -> Result<TextCopy, PageError> {
    match value.trim() {
        "" => Ok(TextCopy::Bracketed),
        value => TextCopy::parse(value).ok_or_else(|| bad_query("copy", "must be bracketed, clean or comparison")),
    }
}

/// The file of one copy. The query is read whole before anything is exported, so a value that
/// names nothing is refused without touching the text; what the copy needs of its version (a
/// settled text, an older version to compare with) is refused as the command line refuses it.
pub async fn copy(
    QueryVisit(state, user, query, ItemPath(id, text)): QueryVisit<CopyQuery, ItemPath<TextId>>,
) -> PageResult {
    let copy = copy_of(&query.copy)?;
    let format = file_format(&query.format)?;
    let version = version_number("version", &query.version)?;
    let compare_with = version_number("compare with", &query.compare_with)?;
    let compare_with = if copy == TextCopy::Comparison { compare_with } else { None };
    let export = state.app.export_text(&user.identity, id, text, version, compare_with).await?;
    let locale = document_locale(&query.language, user.locale);
    let document = text_document(&export, copy, locale).map_err(AppError::from)?;
    // Numbers and the copy's code only: the file's name stays ASCII whatever the text's title.
    let stem = match &export.compared {
        Some((older, _, _)) if copy == TextCopy::Comparison => {
            format!("negotiating-text-v{}-compared-with-v{}", export.summary.number, older.number)
        }
        _ => format!("negotiating-text-v{}-{}", export.summary.number, copy.as_str()),
    };
    attachment(&document, format, &stem)
}

/// The copies a version allows: the working copy always; the clean copy once nothing is left
/// open; a comparison once an older version in the same language stands before it.
pub(super) fn offered(view: &TextView) -> Vec<TextCopy> {
    let summary = &view.version.summary;
    let settled = summary.figures.brackets == 0 && summary.figures.alternatives == 0;
    let older = view.text.versions.iter().any(|v| v.language == summary.language && v.number < summary.number);
    TextCopy::ALL
        .into_iter()
        .filter(|copy| match copy {
            TextCopy::Bracketed => true,
            TextCopy::Clean => settled,
            TextCopy::Comparison => older,
        })
        .collect()
}

/// The form on the text's page: which copy of the version shown, compared with which older
/// version, as which file, in which language. A plain GET form: no script.
pub(super) fn copy_form(locale: Locale, view: &TextView) -> Markup {
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    let summary = &view.version.summary;
    let copies = offered(view);
    let older: Vec<u32> = view
        .text
        .versions
        .iter()
        .rev()
        .filter(|v| v.language == summary.language && v.number < summary.number)
        .map(|v| v.number)
        .collect();
    html! {
        h2 #copy { (say("text-copy-heading")) }
        p.muted { (say("text-copy-intro")) }
        form.stack #text-copy method="get" action={ (text_path(view.text.initiative, view.id)) "/copy" } {
            input type="hidden" name="version" value=(summary.number);
            label { (say("text-copy-which"))
                select name="copy" {
                    @for copy in &copies {
                        option value=(copy.as_str()) selected[*copy == TextCopy::Bracketed] { (say(&format!("text-copy-{}", copy.as_str()))) }
                    }
                }
            }
            @if !copies.contains(&TextCopy::Clean) { p.muted #copy-clean-note { (say("text-copy-clean-when-settled")) } }
            @if !older.is_empty() {
                label { (say("text-copy-compare-with"))
                    select name="compare_with" {
                        @for number in &older {
                            option value=(number) { (text_with(locale, "text-version-number", &[("version", Arg::count(*number))])) }
                        }
                    }
                }
            }
            label { (say("text-copy-format"))
                select name="format" {
                    option value="pdf" selected { (say("text-copy-pdf")) }
                    option value="docx" { (say("text-copy-docx")) }
                }
            }
            label { (say("text-copy-language"))
                select name="language" {
                    @for other in Locale::SHIPPED {
                        option value=(other.tag()) selected[other == locale] lang=(other.tag()) { (other.native_name()) }
                    }
                }
            }
            button type="submit" { (say("text-copy-download")) }
        }
    }
}
