//! Conversations for common ground: the team's pages (the list, the live results with the
//! opinion map, moderation and invitation links, Pol.is export and import), a private
//! conversation's ballot for participants, and the consultation pages an invitation link opens.
//!
//! The ballot is one statement at a time and a few kilobytes of HTML with no script, so it
//! works on a phone over a slow connection. A consultation voter's credential lives in a cookie
//! scripts cannot read; their forms carry an anti-CSRF token derived from it.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use maud::{Markup, PreEscaped, html};
use tracktwo_app::conversations::{Ballot, ConversationResults, LinkView, NewLinks, VoterPass};
use tracktwo_app::{AppError, Outward};
use tracktwo_domain::campaign::{BURST_FACTOR, CampaignLimits, JoinRefusal};
use tracktwo_domain::conversation::{Conversation, ConversationMode, InvitationKind, StatementStatus, Vote};
use tracktwo_domain::{ConversationId, InitiativeId, InvitationId, Operation, SideId};

use crate::client::ClientAddress;
use crate::forms::{PageResult, field, id_of, import_refused, initiative_id, invalid};
use crate::limits::{Limit, Limited};
use crate::pages::{page, public_page};
use crate::session::{PRESESSION_COOKIE, SignedIn, private_cookie};
use crate::{PageError, WebState};

/// The consultation voter's credential.
pub const BALLOT_COOKIE: &str = "tracktwo_ballot";

/// Group names as Pol.is shows them.
pub(crate) fn group_name(group: usize) -> String {
    let letter = (b'A' + (group % 26) as u8) as char;
    format!("Group {letter}")
}

/// Colours of the groups on the map (distinct for common colour blindness), with a shape each
/// so colour is never the only cue.
const GROUP_COLOURS: [&str; 6] = ["#1b6ca8", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e"];

fn conversation_path(initiative: InitiativeId, id: ConversationId) -> String {
    format!("/initiatives/{initiative}/conversations/{id}")
}

fn conversation_id(text: &str) -> Result<ConversationId, PageError> {
    id_of(text)
}

pub async fn conversations(State(state): State<Arc<WebState>>, user: SignedIn, Path(id): Path<String>) -> PageResult {
    let id = initiative_id(&id)?;
    let list = state.app.conversations(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let team = may.allows(Operation::RunConversation);
    Ok(page(
        "Conversations",
        &user,
        html! {
            p { a href={ "/initiatives/" (id) } { "← Initiative" } }
            h1 { "Conversations" }
            p.muted { "Short statements that participants agree with, disagree with or pass on. The common-ground engine finds the opinion groups, what each group stands for, and what every group and every side can support." }
            @if list.is_empty() { p { "No conversation yet." } } @else {
                table #conversations {
                    thead { tr { th scope="col" { "Conversation" } th scope="col" { "Mode" } th.num scope="col" { "Statements" } th.num scope="col" { "Voters" } th.num scope="col" { "Votes" } } }
                    tbody { @for c in &list { tr {
                        td {
                            @if team { a href=(conversation_path(id, c.id)) { (c.title) } }
                            @else { a href={ (conversation_path(id, c.id)) "/vote" } { (c.title) } }
                            @if c.closed { " " span.tag { "closed" } }
                        }
                        td { (c.mode.as_str()) } td.num { (c.statements) } td.num { (c.voters) } td.num { (c.votes) }
                    } } }
                }
            }
            @if team {
                h2 { "Open a conversation" }
                form.stack method="post" action={ "/initiatives/" (id) "/conversations" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "Title" input name="title" required; }
                    label { "The question put to participants" textarea name="question" {} }
                    label { "Mode" select name="mode" { @for m in ConversationMode::ALL {
                        @if *m != ConversationMode::Consultation || may.allows_outward(Outward::Consultation) {
                            option value=(m.as_str()) { (m.label()) }
                        }
                    } } }
                    label { "Segments voters may declare (consultation; comma-separated)" input name="segments"; }
                    label.check { input type="checkbox" name="accepts_statements" value="yes" checked; "Participants may propose statements (they wait for moderation)" }
                    label { "Seed statements, one per line" textarea name="statements" {} }
                    button type="submit" { "Open" }
                }
                @if !may.allows_outward(Outward::PolisImport) {
                    p.muted #closed-channel { "A secret channel opens no consultation and takes no Pol.is import: their invitation links would reveal it." }
                } @else {
                    h2 { "Import a Pol.is export" }
                    p.muted { "Paste the export's comments.csv and votes.csv. The import is all or nothing; errors name the file and line." }
                    form.stack method="post" action={ "/initiatives/" (id) "/conversations/import" } {
                        input type="hidden" name="csrf" value=(user.csrf());
                        label { "Title" input name="title" required; }
                        label { "comments.csv" textarea name="comments" required {} }
                        label { "votes.csv" textarea name="votes" required {} }
                        button type="submit" { "Import" }
                    }
                }
            }
        },
    ))
}

pub async fn create_conversation(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let conversation = Conversation {
        title: field(&fields, "title").trim().to_owned(),
        question: field(&fields, "question").trim().to_owned(),
        mode: ConversationMode::parse(field(&fields, "mode")).map_err(AppError::Invalid)?,
        segments: Conversation::parse_segments(field(&fields, "segments")),
        accepts_statements: !field(&fields, "accepts_statements").is_empty(),
        seed: 0,
        closed: false,
    };
    let statements: Vec<String> =
        field(&fields, "statements").lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
    let conversation = state.app.create_conversation(&user.identity, id, conversation, &statements).await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}

pub async fn import_conversation(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let imported = state
        .app
        .import_polis_export(
            &user.identity,
            id,
            field(&fields, "title").trim(),
            field(&fields, "comments").as_bytes(),
            field(&fields, "votes").as_bytes(),
        )
        .await;
    let conversation = match imported {
        Ok(conversation) => conversation,
        Err(refused @ AppError::Import { .. }) => {
            return Ok(import_refused(&user, &refused.to_string(), &format!("/initiatives/{id}/conversations")));
        }
        Err(other) => return Err(other.into()),
    };
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}

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
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, conversation)): Path<(String, String)>,
) -> PageResult {
    let id = initiative_id(&id)?;
    let conversation = conversation_id(&conversation)?;
    let results = state.app.conversation_results(&user.identity, id, conversation).await?;
    Ok(page(&results.conversation.title.clone(), &user, results_page(id, &results, &user.csrf(), None)))
}

fn results_page(id: InitiativeId, r: &ConversationResults, csrf: &str, issued: Option<Markup>) -> Markup {
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
            li { a href={ (path) "/export/comments.csv" } { "comments.csv" } " · " a href={ (path) "/export/votes.csv" } { "votes.csv" } " · " a href={ (path) "/export/sides.csv" } { "sides.csv" } " (Pol.is format; read by " code { "tracktwo common-ground analyze" } ")" }
        }
        form method="post" action={ (path) "/close" } {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="closed" value=(if r.conversation.closed { "no" } else { "yes" });
            button type="submit" { (if r.conversation.closed { "Reopen the conversation" } else { "Close the conversation" }) }
        }
        p.muted { "Groups and the map as of " (crate::forms::date_time_text(r.analysed_at)) "." }
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
                        "burst: " (burst.joins) " in the minute from " (crate::forms::date_time_text(burst.start))
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

pub async fn add_statement(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, conversation)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let conversation = conversation_id(&conversation)?;
    state.app.add_statement(&user.identity, id, conversation, field(&fields, "text")).await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}

pub async fn moderate_statement(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, conversation, number)): Path<(String, String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let conversation = conversation_id(&conversation)?;
    let number: u32 = number.parse().map_err(|_| AppError::NotFound)?;
    let status = StatementStatus::parse(field(&fields, "status")).map_err(AppError::Invalid)?;
    let meta = field(&fields, "meta") == "yes";
    state.app.moderate_statement(&user.identity, id, conversation, number, status, meta).await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}

pub async fn set_closed(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, conversation)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let conversation = conversation_id(&conversation)?;
    state.app.set_conversation_closed(&user.identity, id, conversation, field(&fields, "closed") == "yes").await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}

pub async fn create_invitations(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, conversation)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let conversation = conversation_id(&conversation)?;
    let kind = InvitationKind::parse(field(&fields, "kind")).map_err(AppError::Invalid)?;
    let links = match kind {
        InvitationKind::Personal => NewLinks::Personal { count: whole_number(&fields, "count", "number of links", 1)? },
        InvitationKind::Campaign => NewLinks::Campaign(limits_from(&fields)?),
    };
    let issued = state.app.create_invitations(&user.identity, id, conversation, links, field(&fields, "label")).await?;
    let results = state.app.conversation_results(&user.identity, id, conversation).await?;
    let shown = html! {
        section #issued-links aria-live="polite" {
            h2 { "New links: copy them now" }
            p.error { "They are not shown again. Send each personal link to one person only." }
            ol { @for link in &issued { li { code.invitation-link { "/join/" (link.pass.expose()) } } } }
        }
    };
    Ok(page(&results.conversation.title.clone(), &user, results_page(id, &results, &user.csrf(), Some(shown))))
}

/// A whole number from a form field; an empty field is `default`.
fn whole_number<T: std::str::FromStr>(
    fields: &[(String, String)],
    name: &str,
    what: &'static str,
    default: T,
) -> Result<T, PageError> {
    match field(fields, name).trim() {
        "" => Ok(default),
        text => text.parse().map_err(|_| invalid(what, "must be a whole number")),
    }
}

/// A campaign link's limits from the form; an empty field takes the proposed value.
fn limits_from(fields: &[(String, String)]) -> Result<CampaignLimits, PageError> {
    Ok(CampaignLimits {
        voter_cap: whole_number(fields, "voter_cap", "voter cap", CampaignLimits::PROPOSED.voter_cap)?,
        per_address: whole_number(fields, "per_address", "voters per address", CampaignLimits::PROPOSED.per_address)?,
    })
}

pub async fn set_campaign_limits(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, conversation, invitation)): Path<(String, String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let conversation = conversation_id(&conversation)?;
    let invitation: InvitationId = id_of(&invitation)?;
    state.app.set_campaign_limits(&user.identity, id, conversation, invitation, limits_from(&fields)?).await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}

pub async fn revoke_invitation(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, conversation, invitation)): Path<(String, String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    let id = initiative_id(&id)?;
    let conversation = conversation_id(&conversation)?;
    let invitation: InvitationId = id_of(&invitation)?;
    state.app.revoke_invitation(&user.identity, id, conversation, invitation).await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}

pub async fn export_file(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, conversation, file)): Path<(String, String, String)>,
) -> PageResult {
    let id = initiative_id(&id)?;
    let conversation = conversation_id(&conversation)?;
    if !matches!(file.as_str(), "comments.csv" | "votes.csv" | "sides.csv") {
        return Err(AppError::NotFound.into());
    }
    let export = state.app.export_conversation(&user.identity, id, conversation).await?;
    let body =
        tracktwo_app::polis_format::write_export_file(&export, &file).map_err(|e| AppError::Archive(e.to_string()))?;
    let disposition = format!("attachment; filename=\"{file}\"");
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
            (header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).map_err(|_| AppError::NotFound)?),
        ],
        body,
    )
        .into_response())
}

// The ballot, shared by members and consultation voters.

fn ballot_markup(ballot: &Ballot, action: &str, propose_action: &str, csrf: &str, notice: Option<&str>) -> Markup {
    html! {
        h1 { (ballot.title) }
        @if !ballot.question.is_empty() { p.question { (ballot.question) } }
        @if let Some(notice) = notice { p.notice role="status" { (notice) } }
        @if ballot.closed {
            p #ballot-done { "This conversation is closed. Thank you for taking part." }
        } @else if let Some(next) = &ballot.next {
            form.ballot method="post" action=(action) {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="statement" value=(next.number);
                p.statement #statement { (next.text) }
                div.choices {
                    button type="submit" name="vote" value="agree" { "Agree" }
                    button type="submit" name="vote" value="disagree" { "Disagree" }
                    button.secondary type="submit" name="vote" value="pass" { "Pass / unsure" }
                }
            }
        } @else {
            p #ballot-done { "You have answered every statement. Come back later: others may add new ones." }
        }
        p.muted #progress { (ballot.answered) " answered, " (ballot.remaining) " to go." }
        @if ballot.accepts_statements {
            details {
                summary { "Propose a statement" }
                form.stack method="post" action=(propose_action) {
                    input type="hidden" name="csrf" value=(csrf);
                    label { "One short sentence others can agree or disagree with" textarea name="text" maxlength="280" required {} }
                    button type="submit" { "Propose" }
                }
                p.muted { "Proposals are read by the organisers before anyone sees them." }
            }
        }
    }
}

fn vote_from(fields: &[(String, String)]) -> Result<(u32, Vote), PageError> {
    let statement = field(fields, "statement").trim().parse().map_err(|_| invalid("statement", "is not known"))?;
    let vote = Vote::parse(field(fields, "vote")).map_err(AppError::Invalid)?;
    Ok((statement, vote))
}

pub async fn member_ballot(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path((id, conversation)): Path<(String, String)>,
) -> PageResult {
    let id = initiative_id(&id)?;
    let conversation = conversation_id(&conversation)?;
    let ballot = state.app.member_ballot(&user.identity, id, conversation).await?;
    let path = conversation_path(id, conversation);
    Ok(page(
        &ballot.title.clone(),
        &user,
        ballot_markup(&ballot, &format!("{path}/vote"), &format!("{path}/proposals"), &user.csrf(), None),
    ))
}

pub async fn member_vote(
    State(state): State<Arc<WebState>>,
    client: ClientAddress,
    user: SignedIn,
    Path((id, conversation)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    state.limit(Limit::Vote, &client)?;
    let id = initiative_id(&id)?;
    let conversation = conversation_id(&conversation)?;
    let (statement, vote) = vote_from(&fields)?;
    state.app.member_vote(&user.identity, id, conversation, statement, vote).await?;
    Ok(Redirect::to(&format!("{}/vote", conversation_path(id, conversation))).into_response())
}

pub async fn member_propose(
    State(state): State<Arc<WebState>>,
    client: ClientAddress,
    user: SignedIn,
    Path((id, conversation)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    user.check_csrf(field(&fields, "csrf"))?;
    state.limit(Limit::Proposal, &client)?;
    let id = initiative_id(&id)?;
    let conversation = conversation_id(&conversation)?;
    state.app.member_propose(&user.identity, id, conversation, field(&fields, "text")).await?;
    let ballot = state.app.member_ballot(&user.identity, id, conversation).await?;
    let path = conversation_path(id, conversation);
    Ok(page(
        &ballot.title.clone(),
        &user,
        ballot_markup(
            &ballot,
            &format!("{path}/vote"),
            &format!("{path}/proposals"),
            &user.csrf(),
            Some("Thank you: your statement waits for moderation."),
        ),
    ))
}

// Consultation voters.

fn voter_cookie(pass: &VoterPass, secure: bool) -> Cookie<'static> {
    // Lax, not Strict: a voter who comes back through their link from a message or e-mail
    // (another site) must be recognised. Forms still carry a token derived from the credential.
    Cookie::build((BALLOT_COOKIE, pass.expose().to_owned()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(time::Duration::days(90))
        .build()
}

fn voter_pass(jar: &CookieJar) -> Option<VoterPass> {
    jar.get(BALLOT_COOKIE).map(|c| VoterPass::new(c.value()))
}

fn voter_csrf(pass: &VoterPass) -> String {
    tracktwo_app::csrf_token(pass.expose())
}

fn check_voter_csrf(pass: &VoterPass, presented: &str) -> Result<(), PageError> {
    if tracktwo_app::csrf_token_matches(pass.expose(), presented) { Ok(()) } else { Err(PageError::Csrf) }
}

/// Too many requests: a plain page with what was too many and when to try again.
fn slow_down(seconds: u64, what: &str) -> Response {
    let mut response = (
        StatusCode::TOO_MANY_REQUESTS,
        public_page(
            "Please wait",
            html! { h1 { "Please wait a moment" } p { "Too many " (what) " in a short time. Try again in " (seconds) " seconds." } p { a href="/ballot" { "Back to the ballot" } } },
        ),
    )
        .into_response();
    if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// A voter's page over a per-address limit.
fn limited_page(limited: Limited) -> Response {
    slow_down(limited.seconds, &format!("{} from this address", limited.limit.what()))
}

/// A voter's answer refused: a credential that turned out bad counts against the address's
/// allowance for those.
fn voter_refused(state: &WebState, client: &ClientAddress, e: AppError) -> Response {
    match e {
        AppError::Unauthenticated => match state.limit(Limit::BadCredential, client) {
            Ok(()) => voter_error(AppError::Unauthenticated),
            Err(limited) => limited_page(limited),
        },
        other => voter_error(other),
    }
}

fn voter_error(e: AppError) -> Response {
    match e {
        AppError::RateLimited { seconds } => slow_down(seconds, "answers"),
        AppError::JoinRefused(refusal) => {
            let status = crate::status_of(&e);
            let explanation = match refusal {
                JoinRefusal::LinkFull { .. } => "This link has admitted all the voters it was made for. If you were meant to take part, ask the organisers for a link of your own.",
                JoinRefusal::AddressLimit { .. } => "As many people as this link allows have already joined from your connection. If others share it with you (a venue, an office), ask the organisers to raise the limit or for a link of your own.",
            };
            (status, public_page("Cannot join", html! { h1 { "Cannot join through this link" } p { (explanation) } })).into_response()
        }
        AppError::Unauthenticated => (
            StatusCode::UNAUTHORIZED,
            public_page("Link needed", html! { h1 { "Open your invitation link" } p { "This ballot needs the invitation link you were sent. Open it again to continue." } }),
        )
            .into_response(),
        other => PageError::App(other).into_response(),
    }
}

pub async fn welcome(
    State(state): State<Arc<WebState>>,
    client: ClientAddress,
    jar: CookieJar,
    Path(token): Path<String>,
) -> Response {
    let invitation = VoterPass::new(&token);
    let welcome = match state.app.welcome(&invitation).await {
        Ok(w) => w,
        Err(e) => return voter_error(e),
    };
    // Someone who already has a ballot in this conversation goes straight on, rather than
    // becoming a second voter through the campaign link.
    if welcome.kind == InvitationKind::Campaign
        && let Some(pass) = voter_pass(&jar)
        && pass.conversation() == invitation.conversation()
        && state.app.voter_ballot(&pass).await.is_ok()
    {
        return Redirect::to("/ballot").into_response();
    }
    // The join form is bound to a pre-session cookie, as the sign-in form is: another site
    // cannot make a visitor's browser join a conversation (and carry its ballot cookie) through
    // a link of its choosing.
    let presession = match jar.get(PRESESSION_COOKIE) {
        Some(cookie) => cookie.value().to_owned(),
        None => state.app.generate_secret(),
    };
    let csrf = tracktwo_app::csrf_token(&presession);
    let jar = jar.add(private_cookie(PRESESSION_COOKIE, presession, client.https));
    let page = public_page(
        &welcome.title.clone(),
        html! {
            h1 { (welcome.title) }
            @if !welcome.question.is_empty() { p.question { (welcome.question) } }
            @if welcome.closed { p { "This conversation is closed." } } @else if welcome.full {
                p #link-full { "This link has admitted all the voters it was made for. If you were meant to take part, ask the organisers for a link of your own." }
            } @else {
                p { "You will see short statements, one at a time, and say whether you agree, disagree or pass. You can also propose statements of your own." }
                p.muted { "No account is needed. Nothing about you is kept beyond a random number and what you choose to say below." }
                form.stack method="post" action={ "/join/" (invitation.expose()) } {
                    input type="hidden" name="csrf" value=(csrf);
                    @if !welcome.sides.is_empty() {
                        label { "The side you speak for (optional)"
                            select name="side" { option value="" { "Prefer not to say" } @for (side, name) in &welcome.sides { option value=(side) { (name) } } }
                        }
                    }
                    @if !welcome.segments.is_empty() {
                        label { "Where you belong (optional)"
                            select name="segment" { option value="" { "Prefer not to say" } @for s in &welcome.segments { option value=(s) { (s) } } }
                        }
                    }
                    button type="submit" { "Start" }
                }
            }
        },
    );
    (jar, page).into_response()
}

pub async fn join(
    State(state): State<Arc<WebState>>,
    client: ClientAddress,
    jar: CookieJar,
    Path(token): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let presession = jar.get(PRESESSION_COOKIE).map(|c| c.value().to_owned()).unwrap_or_default();
    if presession.is_empty() || !tracktwo_app::csrf_token_matches(&presession, field(&fields, "csrf")) {
        return PageError::Csrf.into_response();
    }
    if let Err(limited) = state.limit(Limit::Join, &client) {
        return limited_page(limited);
    }
    let invitation = VoterPass::new(&token);
    let side = match field(&fields, "side").trim() {
        "" => None,
        text => match text.parse::<SideId>() {
            Ok(side) => Some(side),
            Err(_) => {
                return voter_error(AppError::Invalid(tracktwo_domain::ValidationError::UnknownValue {
                    field: "side",
                    value: text.to_owned(),
                }));
            }
        },
    };
    let segment = Some(field(&fields, "segment")).filter(|s| !s.trim().is_empty());
    match state.app.join(&invitation, side, segment, client.ip).await {
        Ok(pass) => (jar.add(voter_cookie(&pass, client.https)), Redirect::to("/ballot")).into_response(),
        Err(e) => voter_error(e),
    }
}

async fn voter_page(state: &WebState, client: &ClientAddress, pass: &VoterPass, notice: Option<&str>) -> Response {
    match state.app.voter_ballot(pass).await {
        Ok(ballot) => public_page(
            &ballot.title.clone(),
            ballot_markup(&ballot, "/ballot", "/ballot/proposals", &voter_csrf(pass), notice),
        ),
        Err(e) => voter_refused(state, client, e),
    }
}

pub async fn ballot(State(state): State<Arc<WebState>>, client: ClientAddress, jar: CookieJar) -> Response {
    let Some(pass) = voter_pass(&jar) else { return voter_error(AppError::Unauthenticated) };
    voter_page(&state, &client, &pass, None).await
}

pub async fn vote(
    State(state): State<Arc<WebState>>,
    client: ClientAddress,
    jar: CookieJar,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let Some(pass) = voter_pass(&jar) else { return voter_error(AppError::Unauthenticated) };
    if let Err(e) = check_voter_csrf(&pass, field(&fields, "csrf")) {
        return e.into_response();
    }
    if let Err(limited) = state.limit(Limit::Vote, &client) {
        return limited_page(limited);
    }
    let (statement, vote) = match vote_from(&fields) {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    match state.app.voter_vote(&pass, statement, vote).await {
        // Post/redirect/get: a reload does not vote twice.
        Ok(_) => Redirect::to("/ballot").into_response(),
        Err(e) => voter_refused(&state, &client, e),
    }
}

pub async fn propose(
    State(state): State<Arc<WebState>>,
    client: ClientAddress,
    jar: CookieJar,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let Some(pass) = voter_pass(&jar) else { return voter_error(AppError::Unauthenticated) };
    if let Err(e) = check_voter_csrf(&pass, field(&fields, "csrf")) {
        return e.into_response();
    }
    if let Err(limited) = state.limit(Limit::Proposal, &client) {
        return limited_page(limited);
    }
    match state.app.voter_propose(&pass, field(&fields, "text")).await {
        Ok(()) => voter_page(&state, &client, &pass, Some("Thank you: your statement waits for moderation.")).await,
        Err(e) => voter_refused(&state, &client, e),
    }
}
