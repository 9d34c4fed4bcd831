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

use tracktwo_i18n::{Arg, Locale, text, text_with};

use super::ballot::{BallotPlace, ballot_markup, vote_from};
use crate::client::ClientAddress;
use crate::extract::PresessionForm;
use crate::forms::{Pairs, field};
use crate::language::{RequestedLocale, language_switch};
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
        let locale = crate::language::requested_locale(request.headers());
        let Form(fields) = Form::<Pairs>::from_request(request, state).await.map_err(IntoResponse::into_response)?;
        let pass = voter_pass(&jar).ok_or_else(|| voter_error(locale, AppError::Unauthenticated))?;
        if !tracktwo_app::csrf_token_matches(pass.expose(), field(&fields, "csrf")) {
            return Err(PageError::Csrf.into_response());
        }
        Ok(Self(Arc::clone(state), pass, fields))
    }
}

/// Too many requests: a plain page saying when to try again.
fn slow_down(locale: Locale, seconds: u64) -> Response {
    let say = |id: &str| text(locale, id);
    let wait = text_with(locale, "voter-wait-text", &[("seconds", Arg::count(seconds))]);
    let mut response = (
        StatusCode::TOO_MANY_REQUESTS,
        public_page(
            &say("voter-wait-title"),
            locale,
            html! { h1 { (say("voter-wait-heading")) } p { (wait) } p { a href="/ballot" { (say("voter-back-to-ballot")) } } },
        ),
    )
        .into_response();
    if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// A voter's page over a per-address limit.
fn limited_page(locale: Locale, limited: Limited) -> Response {
    slow_down(locale, limited.seconds)
}

/// A voter's answer refused: a credential that turned out bad counts against the address's
/// allowance for those.
fn voter_refused(locale: Locale, state: &WebState, client: &ClientAddress, e: AppError) -> Response {
    match e {
        AppError::Unauthenticated => match state.limit(Limit::BadCredential, client) {
            Ok(()) => voter_error(locale, AppError::Unauthenticated),
            Err(limited) => limited_page(locale, limited),
        },
        other => voter_error(locale, other),
    }
}

fn voter_error(locale: Locale, e: AppError) -> Response {
    let say = |id: &str| text(locale, id);
    match e {
        AppError::RateLimited { seconds } => slow_down(locale, seconds),
        AppError::JoinRefused(refusal) => {
            let status = crate::status_of(&e);
            let explanation = match refusal {
                JoinRefusal::LinkFull { .. } => say("voter-link-full"),
                JoinRefusal::AddressLimit { .. } => say("voter-address-limit"),
            };
            let body = html! { h1 { (say("voter-cannot-join-heading")) } p { (explanation) } };
            (status, public_page(&say("voter-cannot-join-title"), locale, body)).into_response()
        }
        AppError::Unauthenticated => {
            let body = html! { h1 { (say("voter-link-needed-heading")) } p { (say("voter-link-needed-text")) } };
            (StatusCode::UNAUTHORIZED, public_page(&say("voter-link-needed-title"), locale, body)).into_response()
        }
        other => PageError::App(other).into_response(),
    }
}

pub async fn welcome(
    State(state): State<Arc<WebState>>,
    client: ClientAddress,
    RequestedLocale(locale): RequestedLocale,
    jar: CookieJar,
    Path(token): Path<String>,
) -> Response {
    let say = |id: &str| text(locale, id);
    let invitation = VoterPass::new(&token);
    let welcome = match state.app.welcome(&invitation).await {
        Ok(w) => w,
        Err(e) => return voter_error(locale, e),
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
    let join_path = format!("/join/{}", invitation.expose());
    let page = public_page(
        &welcome.title.clone(),
        locale,
        html! {
            (language_switch(locale, &join_path))
            h1 dir="auto" { (welcome.title) }
            @if !welcome.question.is_empty() { p.question dir="auto" { (welcome.question) } }
            @if welcome.closed { p { (say("welcome-closed")) } } @else if welcome.full {
                p #link-full { (say("voter-link-full")) }
            } @else {
                p { (say("welcome-intro")) }
                p.muted { (say("welcome-privacy")) }
                form.stack method="post" action=(join_path) {
                    input type="hidden" name="csrf" value=(csrf);
                    @if !welcome.sides.is_empty() {
                        label { (say("welcome-side"))
                            select name="side" { option value="" { (say("welcome-prefer-not")) } @for (side, name) in &welcome.sides { option value=(side) dir="auto" { (name) } } }
                        }
                    }
                    @if !welcome.segments.is_empty() {
                        label { (say("welcome-segment"))
                            select name="segment" { option value="" { (say("welcome-prefer-not")) } @for s in &welcome.segments { option value=(s) dir="auto" { (s) } } }
                        }
                    }
                    button type="submit" { (say("welcome-start")) }
                }
            }
        },
    );
    (jar, page).into_response()
}

pub async fn join(
    client: ClientAddress,
    RequestedLocale(locale): RequestedLocale,
    jar: CookieJar,
    Path(token): Path<String>,
    PresessionForm(state, fields): PresessionForm<Pairs>,
) -> Response {
    if let Err(limited) = state.limit(Limit::Join, &client) {
        return limited_page(locale, limited);
    }
    let invitation = VoterPass::new(&token);
    let side = match field(&fields, "side").trim() {
        "" => None,
        text => match text.parse::<SideId>() {
            Ok(side) => Some(side),
            Err(_) => {
                return voter_error(
                    locale,
                    AppError::Invalid(tracktwo_domain::ValidationError::UnknownValue {
                        field: "side",
                        value: text.to_owned(),
                    }),
                );
            }
        },
    };
    let segment = Some(field(&fields, "segment")).filter(|s| !s.trim().is_empty());
    match state.app.join(&invitation, side, segment, client.ip).await {
        Ok(pass) => (jar.add(voter_cookie(&pass, client.https)), Redirect::to("/ballot")).into_response(),
        Err(e) => voter_error(locale, e),
    }
}

async fn voter_page(
    locale: Locale,
    state: &WebState,
    client: &ClientAddress,
    pass: &VoterPass,
    notice: Option<&str>,
) -> Response {
    match state.app.voter_ballot(pass).await {
        Ok(ballot) => {
            let csrf = voter_csrf(pass);
            let place =
                BallotPlace { page: "/ballot", action: "/ballot", propose_action: "/ballot/proposals", csrf: &csrf };
            public_page(&ballot.title.clone(), locale, ballot_markup(locale, &ballot, &place, notice))
        }
        Err(e) => voter_refused(locale, state, client, e),
    }
}

pub async fn ballot(
    State(state): State<Arc<WebState>>,
    client: ClientAddress,
    RequestedLocale(locale): RequestedLocale,
    jar: CookieJar,
) -> Response {
    let Some(pass) = voter_pass(&jar) else { return voter_error(locale, AppError::Unauthenticated) };
    voter_page(locale, &state, &client, &pass, None).await
}

pub async fn vote(
    client: ClientAddress,
    RequestedLocale(locale): RequestedLocale,
    VoterForm(state, pass, fields): VoterForm,
) -> Response {
    if let Err(limited) = state.limit(Limit::Vote, &client) {
        return limited_page(locale, limited);
    }
    let (statement, vote) = match vote_from(&fields) {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    match state.app.voter_vote(&pass, statement, vote).await {
        // Post/redirect/get: a reload does not vote twice.
        Ok(_) => Redirect::to("/ballot").into_response(),
        Err(e) => voter_refused(locale, &state, &client, e),
    }
}

pub async fn propose(
    client: ClientAddress,
    RequestedLocale(locale): RequestedLocale,
    VoterForm(state, pass, fields): VoterForm,
) -> Response {
    if let Err(limited) = state.limit(Limit::Proposal, &client) {
        return limited_page(locale, limited);
    }
    match state.app.voter_propose(&pass, field(&fields, "text")).await {
        Ok(()) => {
            let thanks = text(locale, "ballot-proposal-thanks");
            voter_page(locale, &state, &client, &pass, Some(&thanks)).await
        }
        Err(e) => voter_refused(locale, &state, &client, e),
    }
}
