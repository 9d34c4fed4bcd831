//! An initiative's audit trail: every write and every read of its records.

use maud::html;

use crate::PageResult;
use crate::extract::{InitiativePath, Visit};
use crate::pages::layout::page;

pub async fn audit(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let entries = state.app.initiative_audit(&user.identity, id).await?;
    let initiative = state.app.initiative(&user.identity, id).await?;
    let format = time::format_description::well_known::Rfc3339;
    Ok(page(
        "Audit trail",
        &user,
        html! {
            p { a href={ "/initiatives/" (id) } { (initiative.title) } }
            h1 { "Audit trail" }
            p.muted { "Every write to this initiative and every read of its records, newest last. \
                       The whole chain is verified with tracktwo audit verify." }
            table {
                thead { tr { th scope="col" { "#" } th scope="col" { "When (UTC)" } th scope="col" { "Who" }
                             th scope="col" { "What" } th scope="col" { "Record" } } }
                tbody {
                    @for e in &entries {
                        tr {
                            td { (e.seq) }
                            td { (e.at.format(&format).unwrap_or_default()) }
                            td { (e.actor) }
                            td { (e.action) }
                            td { (e.target_kind) " " span.muted { (e.target_id.get(..8).unwrap_or(&e.target_id)) } }
                        }
                    }
                }
            }
        },
    ))
}
