//! What is still open on a text: every bracket and alternative of the newest version by clause,
//! and the suggestions and comments waiting for the facilitator, by clause and by side.

use maud::html;
use tracktwo_domain::negotiating_text::TextId;

use super::clauses::heading;
use super::{SideNames, Within, nav, text_path};
use tracktwo_i18n::{Arg, text_with};

use crate::PageResult;
use crate::extract::{ItemPath, Visit};
use crate::pages::layout::page;

pub async fn pending(Visit(state, user, ItemPath(id, text)): Visit<ItemPath<TextId>>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    let view = state.app.text(&user.identity, id, text, None, None).await?;
    let sides = SideNames(state.app.sides(&user.identity, id).await?);
    let path = text_path(id, text);
    let pending = &view.pending;
    let draft = &view.version.draft;
    Ok(page(
        &text_with(locale, "text-pending-title", &[("title", Arg::Text(&view.text.title))]),
        &user,
        html! {
            (nav(locale, id, Within::Text { id: text, written: true }))
            h1 { (text_with(locale, "text-what-is-pending-in", &[("title", Arg::Text(&view.text.title))])) }
            p { (text_with(locale, "text-items-open-in", &[("version", Arg::count(view.version.summary.number)), ("count", Arg::count(pending.count()))])) }
            h2 { (say("text-brackets-and-alternatives")) }
            @if pending.open_clauses.is_empty() { p #open-clauses { (say("text-none-the-text-is")) } } @else {
                div.scroll tabindex="0" role="region" aria-label=(say("text-brackets-and-alternatives")) { table #open-clauses {
                    thead { tr { th scope="col" { (say("text-clause")) } th.num scope="col" { (say("text-brackets")) } th.num scope="col" { (say("text-alternatives")) } } }
                    tbody { @for (clause, (brackets, alternatives)) in &pending.open_clauses { tr {
                        td { a href={ (path) "#" (clause) } { @if let Some(c) = draft.clause(*clause) { (heading(locale, c)) } @else { (clause) } } }
                        td.num { (locale.number(*brackets)) } td.num { (locale.number(*alternatives)) }
                    } } }
                } }
            }
            h2 { (say("text-suggestions-waiting-for-an")) }
            @if pending.suggestions.is_empty() { p { (say("text-none")) } } @else {
                div.scroll tabindex="0" role="region" aria-label=(say("text-suggestions-waiting-for-an")) { table #open-suggestions {
                    thead { tr { th scope="col" { (say("text-clause")) } th scope="col" { (say("text-from")) } th scope="col" { (say("text-suggestions")) } } }
                    tbody { @for ((clause, voice), ids) in &pending.suggestions { tr {
                        td { a href={ (path) "#" (clause) } { (clause) } }
                        td { (sides.voice(locale, *voice)) }
                        td { @for s in ids { a href={ (path) "#suggestion-" (s) } { (say("text-suggestion-2")) } " " } }
                    } } }
                } }
            }
            h2 { (say("text-comments-without-a-reply")) }
            @if pending.unanswered.is_empty() { p { (say("text-none")) } } @else {
                div.scroll tabindex="0" role="region" aria-label=(say("text-comments-without-a-reply")) { table #open-comments {
                    thead { tr { th scope="col" { (say("text-clause")) } th scope="col" { (say("text-from")) } th scope="col" { (say("text-comments")) } } }
                    tbody { @for ((clause, voice), ids) in &pending.unanswered { tr {
                        td { a href={ (path) "#" (clause) } { (clause) } }
                        td { (sides.voice(locale, *voice)) }
                        td { @for c in ids { a href={ (path) "#comment-" (c) } { (say("text-comment-3")) } " " } }
                    } } }
                } }
            }
        },
    ))
}
