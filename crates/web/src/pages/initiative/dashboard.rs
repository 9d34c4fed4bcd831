//! The signed-in user's start: their initiatives, and the organisation's others.

use maud::html;

use tracktwo_i18n::text;

use crate::PageResult;
use crate::extract::Visit;
use crate::pages::layout::page;

pub async fn dashboard(Visit(state, user, ()): Visit) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let mine = state.app.initiatives(&user.identity).await?;
    let directory = state.app.directory(&user.identity).await?;
    let others: Vec<_> = directory.into_iter().filter(|entry| entry.role.is_none()).collect();
    Ok(page(
        &say("initiative-my-initiatives"),
        &user,
        html! {
            h1 { (say("initiative-my-initiatives")) }
            @if mine.is_empty() { p.muted { (say("initiative-you-are-not-a")) } }
            ul {
                @for initiative in &mine {
                    li {
                        a href={ "/initiatives/" (initiative.id) } dir="auto" { (initiative.title) }
                        @if initiative.secret_channel { " " span.tag { (say("initiative-secret-channel")) } }
                    }
                }
            }
            @if !others.is_empty() {
                h2 { (say("initiative-other-initiatives-of-the")) }
                p.muted { (say("initiative-ask-their-convener-to")) }
                ul { @for entry in &others { li { span dir="auto" { (entry.title) } } } }
            }
        },
    ))
}
