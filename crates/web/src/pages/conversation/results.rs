//! A conversation's live results for the team: the opinion map and groups, common ground across
//! sides, consensus, the statements with their moderation, the invitation links and settings.

use std::fmt::Write as _;

use maud::{Markup, PreEscaped, html};
use tracktwo_app::conversations::{ConversationResults, LinkView};
use tracktwo_domain::campaign::{BURST_FACTOR, CampaignLimits};
use tracktwo_domain::conversation::{ConversationMode, InvitationKind, StatementStatus};
use tracktwo_domain::{ConversationId, InitiativeId};

use super::conversation_path;
use crate::PageResult;
use crate::extract::{ItemPath, Visit};
use crate::forms::date_time_text;
use crate::pages::layout::page;

/// Group names as Pol.is shows them.
pub(crate) fn group_name(group: usize) -> String {
    let letter = (b'A' + (group % 26) as u8) as char;
    format!("Group {letter}")
}

/// Colours of the groups on the map (distinct for common colour blindness), with a shape each
/// so colour is never the only cue.
const GROUP_COLOURS: [&str; 6] = ["#1b6ca8", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e"];

/// The opinion map: every clustered voter as a dot, coloured and shaped by group.
fn opinion_map(results: &ConversationResults) -> Markup {
    const SIZE: f64 = 320.0;
    const MARGIN: f64 = 16.0;
    let extent = results
        .map
        .iter()
        .map(|&(x, y, _)| x.abs().max(y.abs()))
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max)
        .max(1e-9);
    let scale = (SIZE / 2.0 - MARGIN) / extent;
    let mut dots = String::new();
    for &(x, y, group) in &results.map {
        if !x.is_finite() || !y.is_finite() {
            continue;
        }
        let cx = SIZE / 2.0 + x * scale;
        let cy = SIZE / 2.0 - y * scale;
        match group {
            Some(g) => {
                let colour = GROUP_COLOURS[g as usize % GROUP_COLOURS.len()];
                // Odd groups are squares, even ones circles: colour is not the only cue.
                if g % 2 == 1 {
                    let _ = write!(
                        dots,
                        r#"<rect x="{:.1}" y="{:.1}" width="7" height="7" fill="{colour}"/>"#,
                        cx - 3.5,
                        cy - 3.5
                    );
                } else {
                    let _ = write!(dots, r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="4" fill="{colour}"/>"#);
                }
            }
            None => {
                let _ = write!(dots, r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="3" fill="none" stroke="#777"/>"##);
            }
        }
    }
    let sizes: Vec<String> = results
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| format!("{} {} voters", group_name(g), group.size))
        .collect();
    let alt = if results.groups.is_empty() {
        format!("Opinion map: {} voters placed, no groups yet.", results.map.len())
    } else {
        format!(
            "Opinion map: {} voters placed in {} groups ({}).",
            results.map.len(),
            results.groups.len(),
            sizes.join(", ")
        )
    };
    html! {
        figure.opinion-map {
            svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (SIZE) " " (SIZE) } role="img" aria-labelledby="map-title map-desc" width="320" height="320" {
                title #map-title { "Opinion map" }
                desc #map-desc { (alt) }
                rect x="0.5" y="0.5" width=(SIZE - 1.0) height=(SIZE - 1.0) fill="#fff" stroke="#d5d9e0" {}
                line x1=(SIZE / 2.0) y1="8" x2=(SIZE / 2.0) y2=(SIZE - 8.0) stroke="#eceef2" {}
                line x1="8" y1=(SIZE / 2.0) x2=(SIZE - 8.0) y2=(SIZE / 2.0) stroke="#eceef2" {}
                (PreEscaped(dots))
            }
            figcaption { (alt) }
        }
    }
}

fn percent(part: u32, whole: u32) -> String {
    if whole == 0 { "–".to_owned() } else { format!("{:.0} %", 100.0 * f64::from(part) / f64::from(whole)) }
}

pub async fn conversation(
    Visit(state, user, ItemPath(id, conversation)): Visit<ItemPath<ConversationId>>,
) -> PageResult {
    let results = state.app.conversation_results(&user.identity, id, conversation).await?;
    Ok(page(&results.conversation.title.clone(), &user, results_page(id, &results, &user.csrf(), None)))
}

pub(super) fn results_page(id: InitiativeId, r: &ConversationResults, csrf: &str, issued: Option<Markup>) -> Markup {
    let path = conversation_path(id, r.id);
    let text_of = |n: u32| r.statements.get(n as usize).map_or("", |s| s.text.as_str());
    let pending: Vec<_> = r.statements.iter().filter(|s| s.status == StatementStatus::Pending).collect();
    html! {
        p { a href={ "/initiatives/" (id) "/conversations" } { "← Conversations" } }
        h1 { (r.conversation.title) @if r.conversation.closed { " " span.tag { "closed" } } }
        @if !r.conversation.question.is_empty() { p { (r.conversation.question) } }
        p #tally { (r.voters) " voters, " (r.votes) " votes; " (r.conversation.mode.label()) "." }
        @if let Some(issued) = issued { (issued) }
        h2 { "Opinion groups" }
        (opinion_map(r))
        @if r.groups.is_empty() {
            p #groups { "Not enough votes for groups yet." }
        } @else {
            div #groups {
                @for (g, group) in r.groups.iter().enumerate() {
                    section.group {
                        h3 { (group_name(g)) " · " (group.size) " voters" }
                        ul { @for &(n, agrees, share) in &group.representative {
                            li { (format!("{:.0} %", share * 100.0)) (if agrees { " agree: " } else { " disagree: " }) "“" (text_of(n)) "”" }
                        } }
                    }
                }
            }
        }
        h2 { "Common ground across sides" }
        @if r.sides.is_empty() {
            p.muted { "No voter has a side yet: in a private conversation each participant counts under their side; in a consultation voters may declare one." }
        } @else {
            p.muted { "Ranked by the lowest side's agreement lower bound: a statement few have voted on cannot outrank one many support." }
            div.scroll { table #common-ground {
                thead { tr {
                    th scope="col" { "Statement" }
                    @for (_, name, size) in &r.sides { th.num scope="col" { (name) " (" (size) ")" } }
                    th.num scope="col" { "Score" }
                } }
                tbody { @for &n in &r.common_ground { @if let Some(s) = r.statements.get(n as usize) { tr {
                    td { (s.text) }
                    @for support in &s.per_side { td.num { (percent(support.agree, support.seen)) " of " (support.seen) } }
                    td.num { (s.side_common_ground.map_or("–".to_owned(), |v| format!("{v:.2}"))) }
                } } } }
            } }
        }
        h2 { "Consensus" }
        div #consensus {
            @if r.consensus_agree.is_empty() && r.consensus_disagree.is_empty() { p { "No consensus statement yet." } }
            ul {
                @for &n in &r.consensus_agree { li { "Most agree: “" (text_of(n)) "”" } }
                @for &n in &r.consensus_disagree { li { "Most disagree: “" (text_of(n)) "”" } }
            }
        }
        h2 { "Statements" }
        div.scroll { table #statements {
            thead { tr { th scope="col" { "#" } th scope="col" { "Statement" } th.num scope="col" { "Agree" } th.num scope="col" { "Disagree" } th.num scope="col" { "Seen" } th.num scope="col" { "Group-informed consensus" } th scope="col" { "Status" } } }
            tbody { @for s in r.statements.iter().filter(|s| s.status != StatementStatus::Pending) { tr {
                td { (s.number) } td { (s.text) @if s.meta { " " span.tag { "meta" } } }
                td.num { (s.agree) } td.num { (s.disagree) } td.num { (s.seen) }
                td.num { (format!("{:.2}", s.group_informed_consensus)) }
                td { (s.status.label()) " "
                    form.inline method="post" action={ (path) "/statements/" (s.number) } {
                        input type="hidden" name="csrf" value=(csrf);
                        @if s.status == StatementStatus::Accepted {
                            input type="hidden" name="status" value="rejected";
                            button.link type="submit" { "Moderate out" }
                        } @else {
                            input type="hidden" name="status" value="accepted";
                            button.link type="submit" { "Accept" }
                        }
                    }
                }
            } } }
        } }
        form.inline-form method="post" action={ (path) "/statements" } {
            input type="hidden" name="csrf" value=(csrf);
            label { "Add a statement" input name="text" required maxlength="280"; }
            button type="submit" { "Add" }
        }
        h2 { "Moderation queue" }
        @if pending.is_empty() { p #moderation { "Nothing waiting." } } @else {
            ul #moderation { @for s in &pending { li {
                "“" (s.text) "” "
                @for (status, label) in [("accepted", "Accept"), ("rejected", "Reject")] {
                    form.inline method="post" action={ (path) "/statements/" (s.number) } {
                        input type="hidden" name="csrf" value=(csrf);
                        input type="hidden" name="status" value=(status);
                        button type="submit" { (label) }
                    }
                }
            } } }
        }
        @if r.conversation.mode == ConversationMode::Consultation {
            h2 { "Invitation links" }
            p.muted { "A link is shown once, when it is made; only its fingerprint is kept. A personal link is its holder's ballot; a campaign link makes a new anonymous voter each time it is opened." }
            p.muted { "A campaign link admits voters up to its cap, and from one address (an IPv4 address, an IPv6 /64) up to its per-address limit: a venue whose guests share one connection needs that limit as high as its guests. Addresses are counted in memory and never stored." }
            div.scroll { table #invitations {
                thead { tr {
                    th scope="col" { "Label" } th scope="col" { "Kind" } th.num scope="col" { "Voters" }
                    th scope="col" { "Limits" } th scope="col" { "Refused since start" } th scope="col" { "State" }
                } }
                tbody { @for link in &r.links { (link_row(&path, link, csrf)) } }
            } }
            @if r.links.iter().any(|l| l.burst.is_some()) {
                p.error #burst-note { "A burst: more than thirty joins within a minute, ten times or more the link's usual pace. Joins from a script look like this; so does a hall opening the link together. Look at who came through before reading the results." }
            }
            form.inline-form method="post" action={ (path) "/invitations" } {
                input type="hidden" name="csrf" value=(csrf);
                label { "Kind" select name="kind" { @for k in InvitationKind::ALL { option value=(k.as_str()) { (k.label()) } } } }
                label { "Label" input name="label"; }
                label { "How many (personal)" input name="count" type="number" min="1" max="1000" value="1"; }
                label { "Voter cap (campaign)" input name="voter_cap" type="number" min="1" max=(CampaignLimits::MAX_VOTERS) value=(CampaignLimits::PROPOSED.voter_cap); }
                label { "Voters per address (campaign)" input name="per_address" type="number" min="1" value=(CampaignLimits::PROPOSED.per_address); }
                button type="submit" { "Make links" }
            }
        }
        h2 { "Export and settings" }
        ul {
            li {
                @for (n, file) in tracktwo_app::polis_format::EXPORT_FILES.iter().enumerate() {
                    @if n > 0 { " · " }
                    a href={ (path) "/export/" (file) } { (file) }
                }
                " (Pol.is format; read by " code { "tracktwo common-ground analyze" } " and by Pol.is' own tools)"
            }
        }
        form method="post" action={ (path) "/close" } {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="closed" value=(if r.conversation.closed { "no" } else { "yes" });
            button type="submit" { (if r.conversation.closed { "Reopen the conversation" } else { "Close the conversation" }) }
        }
        p.muted { "Groups and the map as of " (date_time_text(r.analysed_at)) "." }
    }
}

/// One invitation link's row: its voters, its limits (a form to change them), what it refused
/// and whether its joins came in a burst.
fn link_row(path: &str, link: &LinkView, csrf: &str) -> Markup {
    let invitation = &link.invitation;
    let campaign = invitation.kind == InvitationKind::Campaign;
    html! {
        tr {
            td { (invitation.label) } td { (invitation.kind.as_str()) }
            td.num {
                (link.voters)
                @if let Some(burst) = link.burst {
                    " " span.tag.burst title={ "usual pace: " (format!("{:.1}", burst.usual)) " a minute; a burst is "
                        (BURST_FACTOR) " times that" } {
                        "burst: " (burst.joins) " in the minute from " (date_time_text(burst.start))
                    }
                }
            }
            td {
                @if !campaign { "one voter" } @else {
                    @match invitation.limits {
                        Some(limits) => { "cap " (limits.voter_cap) ", " (limits.per_address) " per address" }
                        None => { strong { "no cap" } " (made before links had limits)" }
                    }
                    @if !invitation.revoked {
                        @let limits = invitation.limits.unwrap_or(CampaignLimits::PROPOSED);
                        form.inline method="post" action={ (path) "/invitations/" (link.id) "/limits" } {
                            input type="hidden" name="csrf" value=(csrf);
                            label { "Cap " input name="voter_cap" type="number" min="1" max=(CampaignLimits::MAX_VOTERS) value=(limits.voter_cap); }
                            label { "Per address " input name="per_address" type="number" min="1" value=(limits.per_address); }
                            button.link type="submit" { "Set limits" }
                        }
                    }
                }
            }
            td { @if campaign { (link.refused_full) " full, " (link.refused_address) " per address, " (link.refused_pace) " too fast" } }
            td { @if invitation.revoked { "revoked" } @else {
                "active "
                form.inline method="post" action={ (path) "/invitations/" (link.id) "/revoke" } {
                    input type="hidden" name="csrf" value=(csrf);
                    button.link type="submit" { "Revoke" }
                }
            } }
        }
    }
}
