//! What is still open on a text: every bracket and alternative of the newest version by clause,
//! and the suggestions and comments waiting for the facilitator, by clause and by side.

use maud::html;
use tracktwo_domain::negotiating_text::TextId;

use super::clauses::heading;
use super::{SideNames, nav, text_path};
use crate::PageResult;
use crate::extract::{ItemPath, Visit};
use crate::pages::layout::page;

pub async fn pending(Visit(state, user, ItemPath(id, text)): Visit<ItemPath<TextId>>) -> PageResult {
    let view = state.app.text(&user.identity, id, text, None, None).await?;
    let sides = SideNames(state.app.sides(&user.identity, id).await?);
    let path = text_path(id, text);
    let pending = &view.pending;
    let draft = &view.version.draft;
    Ok(page(
        &format!("{}: pending", view.text.title),
        &user,
        html! {
            (nav(id, Some(text)))
            h1 { (view.text.title) ": what is pending" }
            p { "Version " (view.version.summary.number) ": " (pending.count()) " items open." }
            h2 { "Brackets and alternatives" }
            @if pending.open_clauses.is_empty() { p #open-clauses { "None: the text is settled." } } @else {
                table #open-clauses {
                    thead { tr { th scope="col" { "Clause" } th.num scope="col" { "Brackets" } th.num scope="col" { "Alternatives" } } }
                    tbody { @for (clause, (brackets, alternatives)) in &pending.open_clauses { tr {
                        td { a href={ (path) "#" (clause) } { @if let Some(c) = draft.clause(*clause) { (heading(c)) } @else { (clause) } } }
                        td.num { (brackets) } td.num { (alternatives) }
                    } } }
                }
            }
            h2 { "Suggestions waiting for an answer" }
            @if pending.suggestions.is_empty() { p { "None." } } @else {
                table #open-suggestions {
                    thead { tr { th scope="col" { "Clause" } th scope="col" { "From" } th scope="col" { "Suggestions" } } }
                    tbody { @for ((clause, voice), ids) in &pending.suggestions { tr {
                        td { a href={ (path) "#" (clause) } { (clause) } }
                        td { (sides.voice(*voice)) }
                        td { @for s in ids { a href={ (path) "#suggestion-" (s) } { "suggestion" } " " } }
                    } } }
                }
            }
            h2 { "Comments without a reply from the team" }
            @if pending.unanswered.is_empty() { p { "None." } } @else {
                table #open-comments {
                    thead { tr { th scope="col" { "Clause" } th scope="col" { "From" } th scope="col" { "Comments" } } }
                    tbody { @for ((clause, voice), ids) in &pending.unanswered { tr {
                        td { a href={ (path) "#" (clause) } { (clause) } }
                        td { (sides.voice(*voice)) }
                        td { @for c in ids { a href={ (path) "#comment-" (c) } { "comment" } " " } }
                    } } }
                }
            }
        },
    ))
}
