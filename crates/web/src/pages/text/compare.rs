//! Two versions compared: the figures of each, and clause by clause what changed (added,
//! removed, moved, reworded), a reworded clause's words struck and inserted.

use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_domain::negotiating_text::TextId;
use tracktwo_domain::negotiating_text::compare::{ClauseChangeKind, ClauseComparison, WordChange};

use super::{Within, nav, text_path};
use tracktwo_i18n::{Arg, Locale, text_with};

use crate::PageResult;
use crate::extract::{ItemPath, QueryVisit};
use crate::forms::invalid;
use crate::pages::layout::page;
use crate::pages::words;

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
    let locale = user.locale;
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    let (from, to) = (number(&query.from, "from")?, number(&query.to, "to")?);
    let view = state.app.text(&user.identity, id, text, None, None).await?;
    let authoritative: Vec<u32> =
        view.text.versions.iter().filter(|v| v.language == view.text.authoritative).map(|v| v.number).collect();
    let to = to.unwrap_or(view.version.summary.number);
    let from = from.unwrap_or_else(|| authoritative.iter().rev().copied().find(|n| *n < to).unwrap_or(to));
    let (older, newer, comparison) = state.app.compare_versions(&user.identity, id, text, from, to).await?;
    let path = text_path(id, text);
    let title = text_with(
        locale,
        "text-compare-title",
        &[
            ("title", Arg::Text(&view.text.title)),
            ("newer", Arg::count(newer.number)),
            ("older", Arg::count(older.number)),
        ],
    );
    let kinds = [ClauseChangeKind::Added, ClauseChangeKind::Removed, ClauseChangeKind::Reworded];
    Ok(page(
        &title,
        &user,
        html! {
            (nav(locale, id, Within::Text { id: text, written: true }))
            h1 { (text_with(locale, "text-comparing-versions-of", &[("title", Arg::Text(&view.text.title))])) }
            form.filters method="get" action={ (path) "/compare" } {
                label { (say("text-from")) select name="from" { @for n in &authoritative { option value=(n) selected[*n == from] { (text_with(locale, "text-version-number", &[("version", Arg::count(*n))])) } } } }
                label { (say("text-to")) select name="to" { @for n in &authoritative { option value=(n) selected[*n == to] { (text_with(locale, "text-version-number", &[("version", Arg::count(*n))])) } } } }
                button type="submit" { (say("text-compare")) }
            }
            div.scroll tabindex="0" role="region" aria-label=(title) { table #figures {
                thead { tr { th scope="col" { "" } th.num scope="col" { (say("text-words")) } th.num scope="col" { (say("text-clauses")) } th.num scope="col" { (say("text-brackets")) } th.num scope="col" { (say("text-alternatives")) } th.num scope="col" { (say("text-agreed")) } } }
                tbody { @for (label, f) in [(text_with(locale, "text-version-number", &[("version", Arg::count(older.number))]), comparison.from), (text_with(locale, "text-version-number", &[("version", Arg::count(newer.number))]), comparison.to)] { tr {
                    th scope="row" { (label) } td.num { (locale.number(f.words)) } td.num { (locale.number(f.clauses)) } td.num { (locale.number(f.brackets)) } td.num { (locale.number(f.alternatives)) } td.num { (locale.number(f.agreed)) }
                } } }
            } }
            p #counts {
                @for kind in kinds { (comparison.count(kind)) " " (words::of(locale, kind)) ", " }
                (comparison.moved()) " " (say("text-moved"))
                @if comparison.title_changed { "; " (say("text-the-title-changed")) }
            }
            @if comparison.preamble.iter().any(|w| !matches!(w, WordChange::Same(_))) {
                h2 { (say("text-preamble")) } p dir="auto" { (words(&comparison.preamble)) }
            }
            @for clause in comparison.clauses.iter().filter(|c| c.change != ClauseChangeKind::Unchanged || c.moved) {
                (changed(locale, clause))
            }
            @if comparison.clauses.iter().all(|c| c.change == ClauseChangeKind::Unchanged && !c.moved) {
                p { (say("text-no-clause-changed")) }
            }
        },
    ))
}

fn changed(locale: Locale, clause: &ClauseComparison) -> Markup {
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    html! {
        section.clause #(clause.clause) {
            h2 {
                (clause.clause) " " span.tag { (words::of(locale, clause.change)) }
                @if clause.moved { " " span.tag { (say("text-moved")) } }
                @if let (Some(from), Some(to)) = (clause.standing_from, clause.standing_to) {
                    @if from != to { " " span.muted { (words::of(locale, from)) " → " (words::of(locale, to)) } }
                }
            }
            @if clause.moved {
                @if let (Some(from), Some(to)) = (clause.from, clause.to) {
                    p.muted { (text_with(locale, "text-moved-from-to", &[("from_part", Arg::Text(&from.part.to_string())), ("from_place", Arg::count(from.position)), ("to_part", Arg::Text(&to.part.to_string())), ("to_place", Arg::count(to.position))])) }
                }
            }
            @if !clause.words.is_empty() { p.diff dir="auto" { (words(&clause.words)) } }
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
