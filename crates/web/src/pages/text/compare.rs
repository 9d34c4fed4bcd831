//! Two versions compared: the figures of each, and clause by clause what changed (added,
//! removed, moved, reworded), a reworded clause's words struck and inserted.

use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_domain::negotiating_text::TextId;
use tracktwo_domain::negotiating_text::compare::{ClauseChangeKind, ClauseComparison, WordChange};

use super::{nav, text_path};
use crate::PageResult;
use crate::extract::{ItemPath, QueryVisit};
use crate::forms::invalid;
use crate::pages::layout::page;

/// `?from=N&to=M`; by default the newest version against the one before it.
#[derive(Deserialize)]
pub struct CompareQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

fn number(text: &str, field: &'static str) -> Result<Option<u32>, crate::PageError> {
    match text.trim() {
        "" => Ok(None),
        n => n.parse().map(Some).map_err(|_| invalid(field, "must be a version number")),
    }
}

pub async fn compare(
    QueryVisit(state, user, query, ItemPath(id, text)): QueryVisit<CompareQuery, ItemPath<TextId>>,
) -> PageResult {
    let (from, to) = (number(&query.from, "from")?, number(&query.to, "to")?);
    let view = state.app.text(&user.identity, id, text, None, None).await?;
    let authoritative: Vec<u32> =
        view.text.versions.iter().filter(|v| v.language == view.text.authoritative).map(|v| v.number).collect();
    let to = to.unwrap_or(view.version.summary.number);
    let from = from.unwrap_or_else(|| authoritative.iter().rev().copied().find(|n| *n < to).unwrap_or(to));
    let (older, newer, comparison) = state.app.compare_versions(&user.identity, id, text, from, to).await?;
    let path = text_path(id, text);
    let title = format!("{}: version {} against version {}", view.text.title, newer.number, older.number);
    let kinds = [ClauseChangeKind::Added, ClauseChangeKind::Removed, ClauseChangeKind::Reworded];
    Ok(page(
        &title,
        &user,
        html! {
            (nav(id, Some(text)))
            h1 { (view.text.title) ": comparing versions" }
            form.filters method="get" action={ (path) "/compare" } {
                label { "From" select name="from" { @for n in &authoritative { option value=(n) selected[*n == from] { "version " (n) } } } }
                label { "To" select name="to" { @for n in &authoritative { option value=(n) selected[*n == to] { "version " (n) } } } }
                button type="submit" { "Compare" }
            }
            table #figures {
                thead { tr { th scope="col" { "" } th.num scope="col" { "Words" } th.num scope="col" { "Clauses" } th.num scope="col" { "Brackets" } th.num scope="col" { "Alternatives" } th.num scope="col" { "Agreed" } } }
                tbody { @for (label, f) in [(format!("version {}", older.number), comparison.from), (format!("version {}", newer.number), comparison.to)] { tr {
                    th scope="row" { (label) } td.num { (f.words) } td.num { (f.clauses) } td.num { (f.brackets) } td.num { (f.alternatives) } td.num { (f.agreed) }
                } } }
            }
            p #counts {
                @for kind in kinds { (comparison.count(kind)) " " (kind.as_str()) ", " }
                (comparison.moved()) " moved"
                @if comparison.title_changed { "; the title changed" }
            }
            @if comparison.preamble.iter().any(|w| !matches!(w, WordChange::Same(_))) {
                h2 { "Preamble" } p { (words(&comparison.preamble)) }
            }
            @for clause in comparison.clauses.iter().filter(|c| c.change != ClauseChangeKind::Unchanged || c.moved) {
                (changed(clause))
            }
            @if comparison.clauses.iter().all(|c| c.change == ClauseChangeKind::Unchanged && !c.moved) {
                p { "No clause changed." }
            }
        },
    ))
}

fn changed(clause: &ClauseComparison) -> Markup {
    html! {
        section.clause #(clause.clause) {
            h2 {
                (clause.clause) " " span.tag { (clause.change.as_str()) }
                @if clause.moved { " " span.tag { "moved" } }
                @if let (Some(from), Some(to)) = (clause.standing_from, clause.standing_to) {
                    @if from != to { " " span.muted { (from.as_str()) " → " (to.as_str()) } }
                }
            }
            @if clause.moved {
                @if let (Some(from), Some(to)) = (clause.from, clause.to) {
                    p.muted { "From " (from.part) ", place " (from.position) " to " (to.part) ", place " (to.position) }
                }
            }
            @if !clause.words.is_empty() { p.diff { (words(&clause.words)) } }
        }
    }
}

fn words(changes: &[WordChange]) -> Markup {
    html! {
        @for change in changes {
            @match change {
                WordChange::Same(w) => (w),
                WordChange::Added(w) => ins { (w) },
                WordChange::Removed(w) => del { (w) },
            }
        }
    }
}
