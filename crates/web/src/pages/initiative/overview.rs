//! An initiative's page: its record, process, transfer, common ground and map, as far as the
//! caller may go, and its members.

use maud::html;
use tracktwo_domain::report::ReportKind;
use tracktwo_domain::{Operation, Scope, SideId};

use tracktwo_i18n::{Arg, text, text_with};

use crate::PageResult;
use crate::extract::{InitiativePath, Visit};
use crate::pages::layout::page;
use crate::pages::words;

pub async fn initiative(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
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
            h1 { span dir="auto" { (initiative.title) } @if secret { " " span.tag { (say("initiative-secret-channel")) } } }
            p dir="auto" { (initiative.description) }
            h2 { (say("initiative-record")) }
            ul {
                @if may.allows(Operation::ReadRecord(Scope::Plenary)) {
                    li { a href={ "/initiatives/" (id) "/notes" } { (say("initiative-plenary-notes")) } }
                }
                @for side in &sides {
                    @if may.allows(Operation::ReadRecord(Scope::Caucus(side.id))) {
                        li { a href={ "/initiatives/" (id) "/notes?caucus=" (side.id) } { (text_with(user.locale, "initiative-caucus-of", &[("side", Arg::Text(&side.name))])) } }
                    }
                }
            }
            h2 { (say("initiative-dialogue-process")) }
            ul {
                li { a href={ "/initiatives/" (id) "/process" } { (say("initiative-process-and-rounds")) } }
                @if may.allows(Operation::ReadRecord(Scope::Plenary)) {
                    li { a href={ "/initiatives/" (id) "/options" } { (say("initiative-options-register")) } }
                    li { a href={ "/initiatives/" (id) "/follow-ups" } { (say("initiative-follow-ups")) } }
                    li { a href={ "/initiatives/" (id) "/texts" } { (say("initiative-negotiating-texts")) } }
                }
            }
            @if may.allows(Operation::WriteReadout) || may.allows(Operation::ReadTransferLog) {
                h2 { (say("initiative-transfer-to-track-one")) }
                ul {
                    @if may.allows(Operation::WriteReadout) {
                        li { a href={ "/initiatives/" (id) "/readouts" } { (say("initiative-readouts")) } }
                    }
                    @if may.allows(Operation::ReadTransferLog) {
                        li { a href={ "/initiatives/" (id) "/transfers" } { (say("initiative-transfer-and-coordination")) } }
                    }
                    li { a href="/timeline" { (say("initiative-multi-track-timeline")) } }
                }
            }
            @if may.allows(Operation::ReadOutcomes) {
                h2 { (text(user.locale, "outcomes-room")) }
                ul #assessment {
                    li { a href={ "/initiatives/" (id) "/outcomes" } { (text(user.locale, "outcomes-link")) } }
                    @if may.allows(Operation::Reflect) {
                        li { a href={ "/initiatives/" (id) "/theory-of-change" } { (text(user.locale, "theory-link")) } }
                    }
                }
            }
            @if may.allows(Operation::RunConversation) || may.allows(Operation::VoteInConversation) {
                h2 { (say("initiative-common-ground")) }
                ul { li { a href={ "/initiatives/" (id) "/conversations" } { (say("initiative-conversations")) } } }
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
                    @if ReportKind::ALL.iter().any(|k| may.allows(Operation::ProduceReport(*k))) {
                        li { a href={ "/initiatives/" (id) "/reports" } { (tracktwo_i18n::text(user.locale, "reports-title")) } }
                    }
                }
            }
            @if may.allows(Operation::ReadMap) {
                h2 { (say("initiative-system-map")) }
                ul {
                    li { a href={ "/initiatives/" (id) "/map" } { (say("initiative-the-nine-track-wheel")) } }
                    li { a href={ "/initiatives/" (id) "/map/coverage" } { (say("initiative-coverage-and-brokers")) } }
                    li { a href={ "/initiatives/" (id) "/actors" } { (say("initiative-actors")) } }
                    @if may.allows(Operation::SelectParticipants) {
                        li { a href={ "/initiatives/" (id) "/map/selection" } { (say("initiative-participant-selection")) } }
                    }
                    @if may.allows(Operation::ReadRegistry) {
                        li { a href={ "/initiatives/" (id) "/registry" } { (say("initiative-participant-registry")) } }
                    }
                }
            }
            h2 { (say("initiative-members")) }
            @if !roster.named.is_empty() {
                div.scroll tabindex="0" role="region" aria-label=(say("initiative-members")) { table #members {
                    thead { tr { th scope="col" { (say("initiative-name")) } th scope="col" { (say("initiative-role")) } th scope="col" { (say("initiative-side")) } } }
                    tbody {
                        @for (member, name) in &roster.named {
                            tr { td dir="auto" { (name) } td { (words::role(user.locale, member.role)) } td dir="auto" { (side_name(member.side)) } }
                        }
                    }
                } }
            }
            @if !roster.counted.is_empty() {
                p.muted {
                    @if roster.named.is_empty() { (say("initiative-members-by-side-and")) }
                    @else { (say("initiative-the-other-members-by")) }
                }
                div.scroll tabindex="0" role="region" aria-label=(if roster.named.is_empty() { say("initiative-members") } else { say("initiative-the-other-members-by") }) { table #member-counts {
                    thead { tr { th scope="col" { (say("initiative-side")) } th scope="col" { (say("initiative-role")) } th.num scope="col" { (say("initiative-members")) } } }
                    tbody {
                        @for count in &roster.counted {
                            tr {
                                td dir="auto" { @if count.side.is_some() { (side_name(count.side)) } @else { span.muted { (say("initiative-no-side")) } } }
                                td { (words::role(user.locale, count.role)) } td.num { (locale.number(count.members)) }
                            }
                        }
                    }
                } }
            }
            @if may.allows(Operation::ManageMembers) {
                p { a href={ "/initiatives/" (id) "/members" } { (say("initiative-manage-members")) } }
            }
        },
    ))
}
