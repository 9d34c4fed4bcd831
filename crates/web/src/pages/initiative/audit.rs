//! An initiative's audit trail: every write and every read of its records.

use maud::html;

use tracktwo_i18n::text;

use crate::PageResult;
use crate::extract::{InitiativePath, Visit};
use crate::pages::layout::page;

pub async fn audit(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let entries = state.app.initiative_audit(&user.identity, id).await?;
    let initiative = state.app.initiative(&user.identity, id).await?;
    Ok(page(
        &say("initiative-audit-trail"),
        &user,
        html! {
            p { a href={ "/initiatives/" (id) } dir="auto" { (initiative.title) } }
            h1 { (say("initiative-audit-trail")) }
            p.muted { (say("initiative-every-write-to-this")) }
            div.scroll tabindex="0" role="region" aria-label=(say("initiative-audit-trail")) { table {
                thead { tr { th scope="col" { "#" } th scope="col" { (say("initiative-when-utc")) } th scope="col" { (say("initiative-who")) }
                             th scope="col" { (say("initiative-what")) } th scope="col" { (say("initiative-record")) } } }
                tbody {
                    @for e in &entries {
                        tr {
                            td { (e.seq) }
                            td { time datetime=(tracktwo_i18n::iso_date_time(e.at)) { (locale.date_time_to_the_second(e.at)) } }
                            td dir="ltr" { (e.actor) }
                            td { code { (e.action) } }
                            td dir="ltr" { (e.target_kind) " " span.muted { (e.target_id.get(..8).unwrap_or(&e.target_id)) } }
                        }
                    }
                }
            } }
        },
    ))
}
