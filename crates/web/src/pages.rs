//! The web workspace's pages: server-rendered HTML that works with JavaScript off, one small
//! stylesheet served by the binary, no third-party assets.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use maud::{DOCTYPE, Markup, html};
use serde::Deserialize;
use tracktwo_app::AppError;
use tracktwo_domain::{Channel, InitiativeId, MemberRole, NewNote, Operation, Scope, SideId};

use crate::api::parse_id;
use crate::client::ClientAddress;
use crate::limits::{Limit, Limited};
use crate::session::{PRESESSION_COOKIE, SESSION_COOKIE, SignedIn, private_cookie, removal};
use crate::{PageError, WebState};

pub const STYLESHEET: &str = "/assets/style.css";

pub(crate) type PageResult = Result<Response, PageError>;

fn layout(title: &str, user: Option<&SignedIn>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · tracktwo" }
                link rel="stylesheet" href=(STYLESHEET);
            }
            body {
                a.skip href="#main" { "Skip to content" }
                header {
                    a.brand href="/" { "tracktwo" }
                    @if let Some(user) = user {
                        nav aria-label="Main" {
                            a href="/" { "My initiatives" }
                            a href="/timeline" { "Timeline" }
                            a href="/account" { "Account" }
                            form method="post" action="/sign-out" {
                                input type="hidden" name="csrf" value=(user.csrf());
                                button.link type="submit" { "Sign out" }
                            }
                        }
                    }
                }
                main #main { (body) }
            }
        }
    }
}

pub fn error_page(status: StatusCode, message: &str) -> Markup {
    let heading = status.canonical_reason().unwrap_or("Error");
    layout(
        heading,
        None,
        html! {
            h1 { (heading) }
            p { (message) }
            p { a href="/" { "Back to my initiatives" } }
        },
    )
}

pub(crate) fn page(title: &str, user: &SignedIn, body: Markup) -> Response {
    layout(title, Some(user), body).into_response()
}

/// A page for someone without an account (a consultation voter).
pub(crate) fn public_page(title: &str, body: Markup) -> Response {
    layout(title, None, body).into_response()
}

/// A page for a signed-in user, to send with a status of the caller's choosing.
pub(crate) fn layout_page(title: &str, user: &SignedIn, body: Markup) -> Markup {
    layout(title, Some(user), body)
}

pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/css; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
        ],
        include_str!("../assets/style.css"),
    )
        .into_response()
}

#[derive(Deserialize)]
pub struct SignInForm {
    username: String,
    password: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    csrf: String,
}

fn sign_in_page(csrf: &str, error: Option<&str>) -> Markup {
    layout(
        "Sign in",
        None,
        html! {
            h1 { "Sign in" }
            @if let Some(error) = error { p.error role="alert" { (error) } }
            form.stack method="post" action="/sign-in" {
                input type="hidden" name="csrf" value=(csrf);
                label { "Username" input name="username" autocomplete="username" required autofocus; }
                label { "Password" input name="password" type="password" autocomplete="current-password" required; }
            label {
                "Authenticator or recovery code (if you have set up two-step sign-in)"
                input name="code" autocomplete="one-time-code" inputmode="text";
            }
                button type="submit" { "Sign in" }
            }
        },
    )
}

/// The sign-in form, bound to a fresh pre-session cookie.
pub async fn sign_in_form(State(state): State<Arc<WebState>>, client: ClientAddress, jar: CookieJar) -> Response {
    let presession = match jar.get(PRESESSION_COOKIE) {
        Some(cookie) => cookie.value().to_owned(),
        None => fresh_secret(&state),
    };
    let csrf = tracktwo_app::csrf_token(&presession);
    let jar = jar.add(private_cookie(PRESESSION_COOKIE, presession, client.https));
    (jar, sign_in_page(&csrf, None)).into_response()
}

fn fresh_secret(state: &WebState) -> String {
    state.app.generate_secret()
}

pub async fn sign_in(
    State(state): State<Arc<WebState>>,
    client: ClientAddress,
    jar: CookieJar,
    Form(form): Form<SignInForm>,
) -> PageResult {
    let presession = jar.get(PRESESSION_COOKIE).map(|c| c.value().to_owned()).unwrap_or_default();
    if presession.is_empty() || !tracktwo_app::csrf_token_matches(&presession, &form.csrf) {
        return Err(PageError::Csrf);
    }
    if let Err(limited) = state.limit(Limit::SignIn, &client) {
        state.app.record_sign_in_throttled(Channel::Web).await?;
        return Err(limited.into());
    }
    let code = Some(form.code.as_str()).filter(|c| !c.trim().is_empty());
    let origin = tracktwo_app::Origin::new(client.key().to_string());
    let attempt = {
        // The semaphore is never closed, so a turn always comes.
        let _turn = state.sign_in_gate.acquire().await.ok();
        state.app.sign_in(&form.username, &form.password, code, Channel::Web, &origin).await
    };
    match attempt {
        Ok(signed_in) => {
            let jar = jar.remove(removal(PRESESSION_COOKIE)).add(private_cookie(
                SESSION_COOKIE,
                signed_in.session_secret,
                client.https,
            ));
            Ok((jar, Redirect::to("/")).into_response())
        }
        Err(AppError::SignInRefused) => {
            let message = AppError::SignInRefused.to_string();
            Ok((StatusCode::UNAUTHORIZED, sign_in_page(&form.csrf, Some(&message))).into_response())
        }
        // Failures from this address have earned it a wait (for this account, or for any).
        Err(AppError::RateLimited { seconds }) => Err(Limited { limit: Limit::SignIn, seconds }.into()),
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

impl CsrfForm {
    pub(crate) fn csrf(&self) -> &str {
        &self.csrf
    }
}

pub async fn sign_out(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    jar: CookieJar,
    Form(form): Form<CsrfForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    state.app.sign_out(&user.secret, Channel::Web).await?;
    Ok((jar.remove(removal(SESSION_COOKIE)), Redirect::to("/sign-in")).into_response())
}

pub async fn dashboard(State(state): State<Arc<WebState>>, user: SignedIn) -> PageResult {
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

pub async fn initiative(State(state): State<Arc<WebState>>, user: SignedIn, Path(id): Path<String>) -> PageResult {
    let id: InitiativeId = parse_id(&id).map_err(|_| AppError::NotFound)?;
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

#[derive(Deserialize)]
pub struct ScopeQuery {
    caucus: Option<String>,
}

fn scope_of(caucus: Option<&str>) -> Result<Scope, PageError> {
    match caucus.filter(|c| !c.is_empty()) {
        None => Ok(Scope::Plenary),
        Some(side) => Ok(Scope::Caucus(parse_id(side).map_err(|_| AppError::NotFound)?)),
    }
}

pub async fn notes(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<ScopeQuery>,
) -> PageResult {
    let id: InitiativeId = parse_id(&id).map_err(|_| AppError::NotFound)?;
    let scope = scope_of(query.caucus.as_deref())?;
    let notes = state.app.notes(&user.identity, id, scope).await?;
    let initiative = state.app.initiative(&user.identity, id).await?;
    let sides = state.app.sides(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let heading = match scope {
        Scope::Plenary => "Plenary notes".to_owned(),
        Scope::Caucus(side) => {
            format!("Caucus: {}", sides.iter().find(|s| s.id == side).map(|s| s.name.as_str()).unwrap_or_default())
        }
    };
    let caucus_value = match scope {
        Scope::Plenary => String::new(),
        Scope::Caucus(side) => side.to_string(),
    };
    Ok(page(
        &heading,
        &user,
        html! {
            p { a href={ "/initiatives/" (id) } { (initiative.title) } }
            h1 { (heading) }
            @if notes.is_empty() { p.muted { "No notes yet." } }
            @for note in &notes { div.note { (note.body) } }
            @if may.allows(Operation::WriteRecord(scope)) {
                h2 { "Add a note" }
                p.muted { "Use speaker codes (A1, B3, F), never names." }
                form.stack method="post" action={ "/initiatives/" (id) "/notes" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    input type="hidden" name="caucus" value=(caucus_value);
                    label { "Note" textarea name="body" required {} }
                    button type="submit" { "Add note" }
                }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    csrf: String,
    body: String,
    #[serde(default)]
    caucus: String,
}

pub async fn add_note(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<NoteForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id: InitiativeId = parse_id(&id).map_err(|_| AppError::NotFound)?;
    let scope = scope_of(Some(&form.caucus))?;
    state.app.add_note(&user.identity, id, NewNote { scope, body: form.body }).await?;
    let back = match scope {
        Scope::Plenary => format!("/initiatives/{id}/notes"),
        Scope::Caucus(side) => format!("/initiatives/{id}/notes?caucus={side}"),
    };
    Ok(Redirect::to(&back).into_response())
}

pub async fn members(State(state): State<Arc<WebState>>, user: SignedIn, Path(id): Path<String>) -> PageResult {
    let id: InitiativeId = parse_id(&id).map_err(|_| AppError::NotFound)?;
    // Refused as adding a member would be, before anything of the page is read.
    state.app.permissions(&user.identity, id, Operation::ManageMembers).await?;
    let initiative = state.app.initiative(&user.identity, id).await?;
    let roster = state.app.roster(&user.identity, id).await?;
    let sides = state.app.sides(&user.identity, id).await?;
    Ok(page(
        "Members",
        &user,
        html! {
            p { a href={ "/initiatives/" (id) } { (initiative.title) } }
            h1 { "Members" }
            ul { @for (member, name) in &roster.named { li { (name) " — " (member.role.as_str()) } } }
            h2 { "Add a member" }
            form.stack method="post" action={ "/initiatives/" (id) "/members" } {
                input type="hidden" name="csrf" value=(user.csrf());
                label { "Username" input name="username" required; }
                label { "Role" select name="role" { @for role in MemberRole::ALL { option value=(role.as_str()) { (role.as_str()) } } } }
                label { "Side (required for participants)"
                    select name="side" { option value="" { "none" } @for side in &sides { option value=(side.id) { (side.name) } } }
                }
                button type="submit" { "Add member" }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    csrf: String,
    username: String,
    role: String,
    #[serde(default)]
    side: String,
}

pub async fn add_member(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<MemberForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let id: InitiativeId = parse_id(&id).map_err(|_| AppError::NotFound)?;
    let role = MemberRole::parse(&form.role).map_err(AppError::Invalid)?;
    let side = if form.side.is_empty() { None } else { Some(parse_id(&form.side).map_err(|_| AppError::NotFound)?) };
    state.app.add_member_by_username(&user.identity, id, &form.username, role, side).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/members")).into_response())
}

pub async fn account(State(state): State<Arc<WebState>>, user: SignedIn) -> PageResult {
    let account = state.app.account(&user.identity).await?;
    let tokens = state.app.tokens_of(&user.identity, account.id).await?;
    Ok(page(
        "Account",
        &user,
        html! {
            h1 { "Account" }
            p { "Signed in as " strong { (account.username) } "." }
            h2 { "Two-step sign-in" }
            @if account.second_factor {
                p { "On: signing in needs a code from your authenticator app or a recovery code." }
            } @else {
                p { "Off. With it on, a stolen password alone does not open your account." }
                form method="post" action="/account/second-factor" {
                    input type="hidden" name="csrf" value=(user.csrf());
                    button type="submit" { "Set up two-step sign-in" }
                }
            }
            h2 { "Change password" }
            p.muted { "Changing it signs you out everywhere." }
            form.stack method="post" action="/account/password" {
                input type="hidden" name="csrf" value=(user.csrf());
                label { "Current password" input name="current" type="password" autocomplete="current-password" required; }
                label {
                    "New password (at least 12 characters)"
                    input name="new" type="password" autocomplete="new-password" minlength="12" required;
                }
                button type="submit" { "Change password" }
            }
            (crate::token_pages::section(&user, &tokens))
        },
    ))
}

/// The QR code of an `otpauth://` URI as inline SVG (no image request, nothing to cache).
fn qr_svg(uri: &str) -> Result<maud::PreEscaped<String>, PageError> {
    let code = qrcode::QrCode::new(uri.as_bytes()).map_err(|_| AppError::Conflict("cannot draw the QR code".into()))?;
    let svg = code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).build();
    // Inline SVG in HTML takes no XML declaration.
    let start = svg.find("<svg").unwrap_or(0);
    Ok(maud::PreEscaped(svg[start..].to_owned()))
}

pub async fn start_second_factor(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    Form(form): Form<CsrfForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let enrolment = state.app.begin_second_factor(&user.identity).await?;
    let qr = qr_svg(&enrolment.uri)?;
    Ok(page(
        "Set up two-step sign-in",
        &user,
        html! {
            h1 { "Set up two-step sign-in" }
            ol {
                li { "Scan this code with an authenticator app (it is labelled only “tracktwo”)." }
                li { "Or type this key into it: " code #totp-secret { (enrolment.secret_base32) } }
                li { "Enter the six-digit code the app shows." }
            }
            figure { (qr) figcaption.muted { "QR code holding the key above." } }
            form.stack method="post" action="/account/second-factor/confirm" {
                input type="hidden" name="csrf" value=(user.csrf());
                label { "Code" input name="code" autocomplete="one-time-code" inputmode="numeric" required; }
                button type="submit" { "Turn on" }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    csrf: String,
    code: String,
}

pub async fn confirm_second_factor(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    jar: CookieJar,
    Form(form): Form<CodeForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    let codes = state.app.confirm_second_factor(&user.identity, &form.code).await?;
    // Turning it on ends every session, this one included: sign in again with a code.
    let body = layout(
        "Two-step sign-in is on",
        None,
        html! {
            h1 { "Two-step sign-in is on" }
            p { "Keep these recovery codes somewhere safe, apart from your phone. Each works once, instead of a code." }
            ul #recovery-codes { @for code in &codes { li { code { (code) } } } }
            p { a href="/sign-in" { "Sign in again" } }
        },
    );
    Ok((jar.remove(removal(SESSION_COOKIE)), body).into_response())
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    current: String,
    new: String,
}

pub async fn change_password(
    State(state): State<Arc<WebState>>,
    user: SignedIn,
    jar: CookieJar,
    Form(form): Form<PasswordForm>,
) -> PageResult {
    user.check_csrf(&form.csrf)?;
    state.app.change_password(&user.identity, &form.current, &form.new).await?;
    Ok((jar.remove(removal(SESSION_COOKIE)), Redirect::to("/sign-in")).into_response())
}

pub async fn audit(State(state): State<Arc<WebState>>, user: SignedIn, Path(id): Path<String>) -> PageResult {
    let id: InitiativeId = parse_id(&id).map_err(|_| AppError::NotFound)?;
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
