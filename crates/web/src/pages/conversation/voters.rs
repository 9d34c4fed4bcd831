//! The consultation pages an invitation link opens, for voters without an account: the welcome,
//! joining, and the ballot, with the voter's credential in a cookie.

use std::sync::Arc;

use axum::Form;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use maud::html;
use tracktwo_app::AppError;
use tracktwo_app::conversations::VoterPass;
use tracktwo_domain::SideId;
use tracktwo_domain::campaign::JoinRefusal;
use tracktwo_domain::conversation::InvitationKind;

use super::ballot::{ballot_markup, vote_from};
use crate::client::ClientAddress;
use crate::extract::PresessionForm;
use crate::forms::{Pairs, field};
use crate::limits::{Limit, Limited};
use crate::pages::layout::public_page;
use crate::session::{PRESESSION_COOKIE, private_cookie};
use crate::{PageError, WebState};

/// The consultation voter's credential.
pub const BALLOT_COOKIE: &str = "tracktwo_ballot";

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

/// A voter's form: the shared state, the credential of the ballot cookie and the form read as
/// pairs, its anti-CSRF
/// token (derived from the credential) checked; the body is read first, then the credential.
pub(crate) struct VoterForm(Arc<WebState>, VoterPass, Pairs);

impl FromRequest<Arc<WebState>> for VoterForm {
    type Rejection = Response;

    async fn from_request(request: Request, state: &Arc<WebState>) -> Result<Self, Response> {
        let jar = CookieJar::from_headers(request.headers());
        let Form(fields) = Form::<Pairs>::from_request(request, state).await.map_err(IntoResponse::into_response)?;
        let pass = voter_pass(&jar).ok_or_else(|| voter_error(AppError::Unauthenticated))?;
        if !tracktwo_app::csrf_token_matches(pass.expose(), field(&fields, "csrf")) {
            return Err(PageError::Csrf.into_response());
        }
        Ok(Self(Arc::clone(state), pass, fields))
    }
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
    client: ClientAddress,
    jar: CookieJar,
    Path(token): Path<String>,
    PresessionForm(state, fields): PresessionForm<Pairs>,
) -> Response {
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

pub async fn vote(client: ClientAddress, VoterForm(state, pass, fields): VoterForm) -> Response {
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

pub async fn propose(client: ClientAddress, VoterForm(state, pass, fields): VoterForm) -> Response {
    if let Err(limited) = state.limit(Limit::Proposal, &client) {
        return limited_page(limited);
    }
    match state.app.voter_propose(&pass, field(&fields, "text")).await {
        Ok(()) => voter_page(&state, &client, &pass, Some("Thank you: your statement waits for moderation.")).await,
        Err(e) => voter_refused(&state, &client, e),
    }
}
