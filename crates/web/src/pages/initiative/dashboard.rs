//! The signed-in user's start: their initiatives, and the organisation's others.

use maud::html;

use crate::PageResult;
use crate::extract::Visit;
use crate::pages::layout::page;

pub async fn dashboard(Visit(state, user, ()): Visit) -> PageResult {
    let mine = state.app.initiatives(&user.identity).await?;
    let directory = state.app.directory(&user.identity).await?;
    let others: Vec<_> = directory.into_iter().filter(|entry| entry.role.is_none()).collect();
    Ok(page(
        "My initiatives",
        &user,
        html! {
            h1 { "My initiatives" }
            @if mine.is_empty() { p.muted { "You are not a member of any initiative yet." } }
            ul {
                @for initiative in &mine {
                    li {
                        a href={ "/initiatives/" (initiative.id) } { (initiative.title) }
                        @if initiative.secret_channel { " " span.tag { "secret channel" } }
                    }
                }
            }
            @if !others.is_empty() {
                h2 { "Other initiatives of the organisation" }
                p.muted { "Ask their convener to be added." }
                ul { @for entry in &others { li { (entry.title) } } }
            }
        },
    ))
}
