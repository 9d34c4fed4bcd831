//! An initiative's page: its record, process, transfer, common ground and map, as far as the
//! caller may go, and its members.

use maud::html;
use tracktwo_domain::{Operation, Scope, SideId};

use crate::PageResult;
use crate::extract::{InitiativePath, Visit};
use crate::pages::layout::page;

pub async fn initiative(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let initiative = state.app.initiative(&user.identity, id).await?;
    let sides = state.app.sides(&user.identity, id).await?;
    let roster = state.app.roster(&user.identity, id).await?;
    // Which links and forms to offer: the core decided; every use case behind them decides again.
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let secret = initiative.secret_channel;
    let side_name = |side: Option<SideId>| {
        side.and_then(|s| sides.iter().find(|x| x.id == s)).map(|s| s.name.clone()).unwrap_or_default()
    };
    Ok(page(
        &initiative.title,
        &user,
        html! {
            h1 { (initiative.title) @if secret { " " span.tag { "secret channel" } } }
            p { (initiative.description) }
            h2 { "Record" }
            ul {
                @if may.allows(Operation::ReadRecord(Scope::Plenary)) {
                    li { a href={ "/initiatives/" (id) "/notes" } { "Plenary notes" } }
                }
                @for side in &sides {
                    @if may.allows(Operation::ReadRecord(Scope::Caucus(side.id))) {
                        li { a href={ "/initiatives/" (id) "/notes?caucus=" (side.id) } { "Caucus: " (side.name) } }
                    }
                }
            }
            h2 { "Dialogue process" }
            ul {
                li { a href={ "/initiatives/" (id) "/process" } { "Process and rounds" } }
                @if may.allows(Operation::ReadRecord(Scope::Plenary)) {
                    li { a href={ "/initiatives/" (id) "/options" } { "Options register" } }
                    li { a href={ "/initiatives/" (id) "/follow-ups" } { "Follow-ups" } }
                    li { a href={ "/initiatives/" (id) "/texts" } { "Negotiating texts" } }
                }
            }
            @if may.allows(Operation::WriteReadout) || may.allows(Operation::ReadTransferLog) {
                h2 { "Transfer to Track One" }
                ul {
                    @if may.allows(Operation::WriteReadout) {
                        li { a href={ "/initiatives/" (id) "/readouts" } { "Readouts" } }
                    }
                    @if may.allows(Operation::ReadTransferLog) {
                        li { a href={ "/initiatives/" (id) "/transfers" } { "Transfer and coordination" } }
                    }
                    li { a href="/timeline" { "Multi-track timeline" } }
                }
            }
            @if may.allows(Operation::RunConversation) || may.allows(Operation::VoteInConversation) {
                h2 { "Common ground" }
                ul { li { a href={ "/initiatives/" (id) "/conversations" } { "Conversations" } } }
            }
            @if may.allows(Operation::ReadMeasures) || may.allows(Operation::ReadIndicators) {
                h2 { (tracktwo_i18n::text(user.locale, "assessment-heading")) }
                ul #assessment {
                    @if may.allows(Operation::ReadMeasures) {
                        li { a href={ "/initiatives/" (id) "/measures" } { (tracktwo_i18n::text(user.locale, "measures-title")) } }
                    }
                    @if may.allows(Operation::ReadIndicators) {
                        li { a href={ "/initiatives/" (id) "/indicators" } { (tracktwo_i18n::text(user.locale, "indicators-title")) } }
                    }
                }
            }
            @if may.allows(Operation::ReadMap) {
                h2 { "System map" }
                ul {
                    li { a href={ "/initiatives/" (id) "/map" } { "The nine-track wheel" } }
                    li { a href={ "/initiatives/" (id) "/map/coverage" } { "Coverage and brokers" } }
                    li { a href={ "/initiatives/" (id) "/actors" } { "Actors" } }
                    @if may.allows(Operation::SelectParticipants) {
                        li { a href={ "/initiatives/" (id) "/map/selection" } { "Participant selection" } }
                    }
                    @if may.allows(Operation::ReadRegistry) {
                        li { a href={ "/initiatives/" (id) "/registry" } { "Participant registry" } }
                    }
                }
            }
            h2 { "Members" }
            @if !roster.named.is_empty() {
                table #members {
                    thead { tr { th scope="col" { "Name" } th scope="col" { "Role" } th scope="col" { "Side" } } }
                    tbody {
                        @for (member, name) in &roster.named {
                            tr { td { (name) } td { (member.role.as_str()) } td { (side_name(member.side)) } }
                        }
                    }
                }
            }
            @if !roster.counted.is_empty() {
                p.muted {
                    @if roster.named.is_empty() { "Members by side and role. Names stay with the team that runs the initiative." }
                    @else { "The other members, by side and role." }
                }
                table #member-counts {
                    thead { tr { th scope="col" { "Side" } th scope="col" { "Role" } th.num scope="col" { "Members" } } }
                    tbody {
                        @for count in &roster.counted {
                            tr {
                                td { @if count.side.is_some() { (side_name(count.side)) } @else { span.muted { "no side" } } }
                                td { (count.role.as_str()) } td.num { (count.members) }
                            }
                        }
                    }
                }
            }
            @if may.allows(Operation::ManageMembers) {
                p { a href={ "/initiatives/" (id) "/members" } { "Manage members" } }
            }
        },
    ))
}
