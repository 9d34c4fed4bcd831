//! A conversation's live results for the team: the opinion map and groups, common ground across
//! sides, consensus, the statements with their moderation, the invitation links and settings.

use std::fmt::Write as _;

use maud::{Markup, PreEscaped, html};
use tracktwo_app::conversations::{ConversationResults, LinkView};
use tracktwo_domain::campaign::{BURST_FACTOR, CampaignLimits};
use tracktwo_domain::conversation::{ConversationMode, InvitationKind, StatementStatus};
use tracktwo_domain::{ConversationId, InitiativeId};

use super::{conversation_path, original_one_click_away, shown, statement_in};
use crate::PageResult;
use crate::extract::{ItemPath, Visit};

use crate::pages::layout::page;
use crate::pages::words;
use tracktwo_i18n::{Arg, Locale, text, text_with};

/// Group names as Pol.is shows them.
pub(crate) fn group_name(locale: Locale, group: usize) -> String {
    let letter = ((b'A' + (group % 26) as u8) as char).to_string();
    text_with(locale, "conversation-group", &[("letter", Arg::Text(&letter))])
}

/// Colours of the groups on the map (distinct for common colour blindness), with a shape each
/// so colour is never the only cue.
const GROUP_COLOURS: [&str; 6] = ["#1b6ca8", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e"];

/// The opinion map: every clustered voter as a dot, coloured and shaped by group.
fn opinion_map(locale: Locale, results: &ConversationResults) -> Markup {
    let say = |id: &str| text(locale, id);
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
        .map(|(g, group)| {
            text_with(
                locale,
                "conversation-group-size",
                &[("group", Arg::Text(&group_name(locale, g))), ("voters", Arg::count(group.size))],
            )
        })
        .collect();
    let alt = if results.groups.is_empty() {
        text_with(locale, "conversation-map-no-groups", &[("voters", Arg::count(results.map.len()))])
    } else {
        let args = [
            ("voters", Arg::count(results.map.len())),
            ("groups", Arg::count(results.groups.len())),
            ("sizes", Arg::Text(&sizes.join(", "))),
        ];
        text_with(locale, "conversation-map-groups", &args)
    };
    html! {
        figure.opinion-map {
            svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (SIZE) " " (SIZE) } role="img" aria-labelledby="map-title map-desc" width="320" height="320" {
                title #map-title { (say("conversation-opinion-map")) }
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

fn percent(locale: Locale, part: u32, whole: u32) -> String {
    if whole == 0 { "–".to_owned() } else { locale.percent(100.0 * f64::from(part) / f64::from(whole), 0) }
}

pub async fn conversation(
    Visit(state, user, ItemPath(id, conversation)): Visit<ItemPath<ConversationId>>,
) -> PageResult {
    let results = state.app.conversation_results(&user.identity, id, conversation).await?;
    Ok(page(&results.conversation.title.clone(), &user, results_page(user.locale, id, &results, &user.csrf(), None)))
}

pub(super) fn results_page(
    locale: Locale,
    id: InitiativeId,
    r: &ConversationResults,
    csrf: &str,
    issued: Option<Markup>,
) -> Markup {
    let say = |id: &str| text(locale, id);
    let path = conversation_path(id, r.id);
    // A statement as the reader reads it, for a sentence that names it; its original follows.
    let text_of = |n: u32| r.statements.get(n as usize).map_or("", |s| shown(locale, &s.text, &s.languages).0);
    let original_of =
        |n: u32| r.statements.get(n as usize).and_then(|s| original_one_click_away(locale, &s.text, &s.languages));
    let pending: Vec<_> = r.statements.iter().filter(|s| s.status == StatementStatus::Pending).collect();
    html! {
        p { a href={ "/initiatives/" (id) "/conversations" } { (say("conversation-conversations-2")) } }
        h1 { span dir="auto" { (r.conversation.title) } @if r.conversation.closed { " " span.tag { (say("conversation-closed")) } } }
        @if !r.conversation.question.is_empty() { p dir="auto" { (r.conversation.question) } }
        p #tally { (text_with(locale, "conversation-tally", &[("voters", Arg::count(r.voters)), ("votes", Arg::count(r.votes)), ("mode", Arg::Text(&words::of(locale, r.conversation.mode)))])) }
        @if let Some(issued) = issued { (issued) }
        h2 { (say("conversation-opinion-groups")) }
        (opinion_map(locale, r))
        @if r.groups.is_empty() {
            p #groups { (say("conversation-not-enough-votes-for")) }
        } @else {
            div #groups {
                @for (g, group) in r.groups.iter().enumerate() {
                    section.group {
                        h3 { (group_name(locale, g)) " · " (text_with(locale, "conversation-voters-count", &[("count", Arg::count(group.size))])) }
                        ul { @for &(n, agrees, share) in &group.representative {
                            li {
                                @let args = [("share", Arg::Text(&locale.percent(share * 100.0, 0))), ("statement", Arg::Text(text_of(n)))];
                                (text_with(locale, if agrees { "conversation-share-agree" } else { "conversation-share-disagree" }, &args))
                                @if let Some(original) = original_of(n) { " " (original) }
                            }
                        } }
                    }
                }
            }
        }
        h2 { (say("conversation-common-ground-across-sides")) }
        @if r.sides.is_empty() {
            p.muted { (say("conversation-no-voter-has-a")) }
        } @else {
            p.muted { (say("conversation-ranked-by-the-lowest")) }
            div.scroll tabindex="0" role="region" aria-label=(say("conversation-common-ground-across-sides")) { table #common-ground {
                thead { tr {
                    th scope="col" { (say("conversation-statement")) }
                    @for (_, name, size) in &r.sides { th.num scope="col" { bdi { (name) } " (" (locale.number(*size)) ")" } }
                    th.num scope="col" { (say("conversation-score")) }
                } }
                tbody { @for &n in &r.common_ground { @if let Some(s) = r.statements.get(n as usize) { tr {
                    td { (statement_in(locale, &s.text, &s.languages)) }
                    @for support in &s.per_side { td.num { (text_with(locale, "conversation-share-of-seen", &[("share", Arg::Text(&percent(locale, support.agree, support.seen))), ("seen", Arg::count(support.seen))])) } }
                    td.num { (s.side_common_ground.map_or("–".to_owned(), |v| locale.decimal(v, 2))) }
                } } } }
            } }
        }
        h2 { (say("conversation-consensus")) }
        div #consensus {
            @if r.consensus_agree.is_empty() && r.consensus_disagree.is_empty() { p { (say("conversation-no-consensus-statement-yet")) } }
            ul {
                @for &n in &r.consensus_agree { li { (text_with(locale, "conversation-most-agree-with", &[("statement", Arg::Text(text_of(n)))])) @if let Some(original) = original_of(n) { " " (original) } } }
                @for &n in &r.consensus_disagree { li { (text_with(locale, "conversation-most-disagree-with", &[("statement", Arg::Text(text_of(n)))])) @if let Some(original) = original_of(n) { " " (original) } } }
            }
        }
        h2 { (say("conversation-statements")) }
        div.scroll tabindex="0" role="region" aria-label=(say("conversation-statements")) { table #statements {
            thead { tr { th scope="col" { "#" } th scope="col" { (say("conversation-statement")) } th.num scope="col" { (say("conversation-agree")) } th.num scope="col" { (say("conversation-disagree")) } th.num scope="col" { (say("conversation-seen")) } th.num scope="col" { (say("conversation-group-informed-consensus")) } th scope="col" { (say("conversation-status")) } } }
            tbody { @for s in r.statements.iter().filter(|s| s.status != StatementStatus::Pending) { tr {
                td { (s.number) } td {
                    (statement_in(locale, &s.text, &s.languages)) @if s.meta { " " span.tag { (say("conversation-meta")) } }
                    " " a.translations href={ (path) "/statements/" (s.number) "/languages" } { (say("conversation-translations")) }
                }
                td.num { (locale.number(s.agree)) } td.num { (locale.number(s.disagree)) } td.num { (locale.number(s.seen)) }
                td.num { (locale.decimal(s.group_informed_consensus, 2)) }
                td { (words::of(locale, s.status)) " "
                    form.inline method="post" action={ (path) "/statements/" (s.number) } {
                        input type="hidden" name="csrf" value=(csrf);
                        @if s.status == StatementStatus::Accepted {
                            input type="hidden" name="status" value="rejected";
                            button.link type="submit" { (say("conversation-moderate-out")) }
                        } @else {
                            input type="hidden" name="status" value="accepted";
                            button.link type="submit" { (say("conversation-accept")) }
                        }
                    }
                }
            } } }
        } }
        form.inline-form method="post" action={ (path) "/statements" } {
            input type="hidden" name="csrf" value=(csrf);
            label { (say("conversation-add-a-statement")) input name="text" dir="auto" required maxlength="280"; }
            button type="submit" { (say("conversation-add")) }
        }
        h2 { (say("conversation-moderation-queue")) }
        @if pending.is_empty() { p #moderation { (say("conversation-nothing-waiting")) } } @else {
            ul #moderation { @for s in &pending { li {
                "“" bdi { (s.text) } "” "
                @for (status, label) in [("accepted", say("conversation-accept")), ("rejected", say("conversation-reject"))] {
                    form.inline method="post" action={ (path) "/statements/" (s.number) } {
                        input type="hidden" name="csrf" value=(csrf);
                        input type="hidden" name="status" value=(status);
                        button type="submit" { (label) }
                    }
                }
            } } }
        }
        @if r.conversation.mode == ConversationMode::Consultation {
            h2 { (say("conversation-invitation-links")) }
            p.muted { (say("conversation-a-link-is-shown")) }
            p.muted { (say("conversation-a-campaign-link-admits")) }
            div.scroll tabindex="0" role="region" aria-label=(say("conversation-invitation-links")) { table #invitations {
                thead { tr {
                    th scope="col" { (say("conversation-label")) } th scope="col" { (say("conversation-kind")) } th.num scope="col" { (say("conversation-voters")) }
                    th scope="col" { (say("conversation-limits")) } th scope="col" { (say("conversation-refused-since-start")) } th scope="col" { (say("conversation-state")) }
                } }
                tbody { @for link in &r.links { (link_row(locale, &path, link, csrf)) } }
            } }
            @if r.links.iter().any(|l| l.burst.is_some()) {
                p.error #burst-note { (say("conversation-a-burst-more-than")) }
            }
            form.inline-form method="post" action={ (path) "/invitations" } {
                input type="hidden" name="csrf" value=(csrf);
                label { (say("conversation-kind")) select name="kind" { @for k in InvitationKind::ALL { option value=(k.as_str()) { (words::of(locale, k)) } } } }
                label { (say("conversation-label")) input name="label" dir="auto"; }
                label { (say("conversation-how-many-personal")) input name="count" type="number" min="1" max="1000" value="1"; }
                label { (say("conversation-voter-cap-campaign")) input name="voter_cap" type="number" min="1" max=(CampaignLimits::MAX_VOTERS) value=(CampaignLimits::PROPOSED.voter_cap); }
                label { (say("conversation-voters-per-address-campaign")) input name="per_address" type="number" min="1" value=(CampaignLimits::PROPOSED.per_address); }
                button type="submit" { (say("conversation-make-links")) }
            }
        }
        h2 { (say("conversation-export-and-settings")) }
        ul {
            li {
                @for (n, file) in tracktwo_app::polis_format::EXPORT_FILES.iter().enumerate() {
                    @if n > 0 { " · " }
                    a href={ (path) "/export/" (file) } { code { (file) } }
                }
                " " (say("conversation-pol-is-format-read")) " " code { "tracktwo common-ground analyze" } " " (say("conversation-and-by-pol-is"))
            }
        }
        form method="post" action={ (path) "/close" } {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="closed" value=(if r.conversation.closed { "no" } else { "yes" });
            button type="submit" { (say(if r.conversation.closed { "conversation-reopen" } else { "conversation-close" })) }
        }
        p.muted { (text_with(locale, "conversation-analysed-at", &[("at", Arg::Text(&locale.date_time(r.analysed_at)))])) }
    }
}

/// One invitation link's row: its voters, its limits (a form to change them), what it refused
/// and whether its joins came in a burst.
fn link_row(locale: Locale, path: &str, link: &LinkView, csrf: &str) -> Markup {
    let say = |id: &str| text(locale, id);
    let invitation = &link.invitation;
    let campaign = invitation.kind == InvitationKind::Campaign;
    html! {
        tr {
            td dir="auto" { (invitation.label) } td { (words::of(locale, invitation.kind)) }
            td.num {
                (link.voters)
                @if let Some(burst) = link.burst {
                    @let pace = [("usual", Arg::Text(&locale.decimal(burst.usual, 1))), ("factor", Arg::Text(&locale.decimal(BURST_FACTOR, 0)))];
                    " " span.tag.burst title=(text_with(locale, "conversation-burst-pace", &pace)) {
                        (text_with(locale, "conversation-burst-joins", &[("joins", Arg::count(burst.joins)), ("start", Arg::Text(&locale.date_time(burst.start)))]))
                    }
                }
            }
            td {
                @if !campaign { (say("conversation-one-voter")) } @else {
                    @match invitation.limits {
                        Some(limits) => { (text_with(locale, "conversation-cap-per-address", &[("cap", Arg::count(limits.voter_cap)), ("per_address", Arg::count(limits.per_address))])) }
                        None => { strong { (say("conversation-no-cap")) } " " (say("conversation-made-before-links-had")) }
                    }
                    @if !invitation.revoked {
                        @let limits = invitation.limits.unwrap_or(CampaignLimits::PROPOSED);
                        form.inline method="post" action={ (path) "/invitations/" (link.id) "/limits" } {
                            input type="hidden" name="csrf" value=(csrf);
                            label { (say("conversation-cap-2")) " " input name="voter_cap" type="number" min="1" max=(CampaignLimits::MAX_VOTERS) value=(limits.voter_cap); }
                            label { (say("conversation-per-address-2")) " " input name="per_address" type="number" min="1" value=(limits.per_address); }
                            button.link type="submit" { (say("conversation-set-limits")) }
                        }
                    }
                }
            }
            td { @if campaign { (text_with(locale, "conversation-refused-counts", &[("full", Arg::count(link.refused_full)), ("address", Arg::count(link.refused_address)), ("pace", Arg::count(link.refused_pace))])) } }
            td { @if invitation.revoked { (say("conversation-revoked")) } @else {
                (say("conversation-active")) " "
                form.inline method="post" action={ (path) "/invitations/" (link.id) "/revoke" } {
                    input type="hidden" name="csrf" value=(csrf);
                    button.link type="submit" { (say("conversation-revoke")) }
                }
            } }
        }
    }
}
