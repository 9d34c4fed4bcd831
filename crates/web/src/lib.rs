//! The HTTP edge: the web workspace (server-rendered pages, no script needed) and the JSON API.
//!
//! It authenticates (a session cookie or a bearer token becomes an [`Identity`]) and translates
//! between HTTP and the use cases in `tracktwo-app`. It decides no access itself: every handler
//! calls a use case with the caller's identity, and the use case asks the policy; the links and
//! forms a page offers follow the `Permissions` the core returns. A test fails if this crate's
//! code names the policy.

mod api;
pub mod client;
pub mod documents;
mod errors;
mod extract;
mod forms;
#[doc(hidden)]
pub mod fuzzing;
mod language;
pub mod limits;
pub mod openapi;
mod pages;
pub mod refusals;
mod server;
mod session;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tracktwo_app::{App, AppError};

use pages::{account, conversation, dialogue, initiative, layout, map, measures, outcomes, text, transfer};

pub use client::{ClientAddress, ForwardedHeader, TrustedProxies};
pub use documents::{TextCopy, copy_document, report_document, summary_document, text_document};
pub use errors::{PageError, WebError};
pub(crate) use errors::{PageResult, status_of};
pub use limits::{EdgeLimits, Limit, Limited, Quotas, quota};
/// What the engines find, in a reader's language, for the command line as for the pages.
pub use pages::findings;
/// The field's vocabularies in a reader's language, for the command line as for the pages.
pub use pages::words::{Word, methodology_step, of as word};
pub use server::{ConnectionLimits, EdgeOptions, HEADER_READ_TIMEOUT, IDLE_TIMEOUT, TlsFiles, serve, serve_tls};

/// The largest request body accepted (a long document fits; a flood does not).
const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// The largest body of the one form that uploads a file: a photographed or scanned page to
/// trace (at most `tracktwo_ocr::MAX_PAGE_BYTES`, 8 MiB) and the form's other fields.
const UPLOAD_BODY_LIMIT: usize = tracktwo_ocr::MAX_PAGE_BYTES + 256 * 1024;

/// The routes whose bodies may reach `UPLOAD_BODY_LIMIT`; every other route's stop at `BODY_LIMIT`.
const UPLOAD_ROUTES: [&str; 1] = ["/initiatives/{initiative}/readouts/{readout}/trace"];

/// What every handler shares.
pub struct WebState {
    pub app: Arc<App>,
    /// Served over TLS directly: every request is https.
    pub tls: bool,
    /// The proxies whose word is taken for a client's address and scheme.
    pub proxies: TrustedProxies,
    /// The per-address limits.
    pub limits: EdgeLimits,
    /// Sign-in attempts hash a password (Argon2id, tens of milliseconds of a core and 19 MiB):
    /// one at a time, so a burst of attempts queues instead of taking every core from the
    /// people already at work.
    pub(crate) sign_in_gate: tokio::sync::Semaphore,
    /// Reading an uploaded page by OCR takes a core for seconds: one page at a time.
    pub(crate) ocr_gate: tokio::sync::Semaphore,
}

impl WebState {
    #[must_use]
    pub fn new(app: Arc<App>, tls: bool) -> Self {
        Self {
            app,
            tls,
            proxies: TrustedProxies::default(),
            limits: EdgeLimits::default(),
            sign_in_gate: tokio::sync::Semaphore::new(1),
            ocr_gate: tokio::sync::Semaphore::new(1),
        }
    }

    /// Believes these proxies' forwarding headers.
    #[must_use]
    pub fn with_proxies(mut self, proxies: TrustedProxies) -> Self {
        self.proxies = proxies;
        self
    }

    /// Other per-address limits than the defaults.
    #[must_use]
    pub fn with_limits(mut self, limits: EdgeLimits) -> Self {
        self.limits = limits;
        self
    }

    /// Counts one request of this kind from the client.
    pub(crate) fn limit(&self, limit: Limit, client: &ClientAddress) -> Result<(), Limited> {
        self.limits.check(limit, client)
    }

    /// A credential from this client turned out unknown, revoked or expired: the answer is 401
    /// while the address has turns left for such mistakes, 429 after.
    pub(crate) fn refused_credential(&self, client: &ClientAddress) -> AppError {
        match self.limits.check(Limit::BadCredential, client) {
            Ok(()) => AppError::Unauthenticated,
            Err(limited) => AppError::RateLimited { seconds: limited.seconds },
        }
    }
}

/// Builds the application's router.
pub fn router(state: Arc<WebState>) -> Router {
    let security_headers = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; \
             base-uri 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    let mut router = Router::new();
    let mut merged: Vec<(&'static str, axum::routing::MethodRouter<Arc<WebState>>)> = Vec::new();
    for (_, path, handler) in routes() {
        match merged.iter_mut().find(|(p, _)| *p == path) {
            Some((_, existing)) => *existing = std::mem::take(existing).merge(handler),
            None => merged.push((path, handler)),
        }
    }
    for (path, handler) in merged {
        // Each route bounds its body: tower-http's limit refuses a declared or streamed excess
        // with 413, and axum's extractors read no more than the same.
        let limit = if UPLOAD_ROUTES.contains(&path) { UPLOAD_BODY_LIMIT } else { BODY_LIMIT };
        let handler = handler
            .layer::<_, std::convert::Infallible>(RequestBodyLimitLayer::new(limit))
            .layer::<_, std::convert::Infallible>(DefaultBodyLimit::max(limit));
        router = router.route(path, handler);
    }
    let mut router = router
        .fallback(not_found)
        .layer(axum::middleware::from_fn(crate::language::answered_in_its_language))
        .layer(axum::middleware::from_fn_with_state(Arc::clone(&state), client::edge))
        .with_state(state)
        .layer(RequestBodyLimitLayer::new(UPLOAD_BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)));
    for (name, value) in security_headers {
        // The note-capture page sets a policy of its own that allows our one script; every
        // other response gets the strict one.
        router = if name == header::CONTENT_SECURITY_POLICY {
            router.layer(SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value)))
        } else {
            router.layer(SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value)))
        };
    }
    router
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
}

/// Every route of the application: the router is built from this table, and the authorization
/// matrix test enumerates it, so no route can escape the test.
fn routes() -> Vec<(Method, &'static str, axum::routing::MethodRouter<Arc<WebState>>)> {
    vec![
        (Method::GET, "/", get(initiative::dashboard::dashboard)),
        (Method::GET, "/sign-in", get(account::sign_in::sign_in_form)),
        (Method::GET, "/language", get(crate::language::choose_language)),
        (Method::POST, "/sign-in", post(account::sign_in::sign_in)),
        (Method::POST, "/sign-out", post(account::sign_in::sign_out)),
        (Method::GET, "/account", get(account::settings::account)),
        (Method::POST, "/account/password", post(account::settings::change_password)),
        (Method::POST, "/account/language", post(account::settings::set_language)),
        (Method::POST, "/account/second-factor", post(account::second_factor::start_second_factor)),
        (Method::POST, "/account/second-factor/confirm", post(account::second_factor::confirm_second_factor)),
        (Method::POST, "/account/tokens", post(account::tokens::create_token)),
        (Method::POST, "/account/tokens/{token}/revoke", post(account::tokens::revoke_token)),
        (Method::GET, "/initiatives/{initiative}", get(initiative::overview::initiative)),
        (Method::GET, "/initiatives/{initiative}/notes", get(initiative::notes::notes)),
        (Method::POST, "/initiatives/{initiative}/notes", post(initiative::notes::add_note)),
        (Method::GET, "/initiatives/{initiative}/members", get(initiative::members::members)),
        (Method::POST, "/initiatives/{initiative}/members", post(initiative::members::add_member)),
        (Method::GET, "/initiatives/{initiative}/audit", get(initiative::audit::audit)),
        (Method::GET, "/initiatives/{initiative}/map", get(map::wheel::wheel)),
        (Method::GET, "/initiatives/{initiative}/map/coverage", get(map::coverage::coverage)),
        (Method::POST, "/initiatives/{initiative}/map/snapshots", post(map::snapshots::add_snapshot)),
        (
            Method::POST,
            "/initiatives/{initiative}/map/snapshots/{snapshot}/remove",
            post(map::snapshots::remove_snapshot),
        ),
        (Method::GET, "/initiatives/{initiative}/map/selection", get(map::selection::selection)),
        (Method::POST, "/initiatives/{initiative}/map/selection/ceiling", post(map::selection::set_ceiling)),
        (Method::GET, "/initiatives/{initiative}/map/transfer", get(map::export::transfer_page)),
        (Method::GET, "/initiatives/{initiative}/map/export", get(map::export::export)),
        (Method::POST, "/initiatives/{initiative}/map/import", post(map::import::import)),
        (Method::GET, "/initiatives/{initiative}/actors", get(map::actors::actors)),
        (Method::POST, "/initiatives/{initiative}/actors", post(map::actors::add_actor)),
        (Method::GET, "/initiatives/{initiative}/actors/{actor}", get(map::actors::actor)),
        (Method::POST, "/initiatives/{initiative}/actors/{actor}", post(map::actors::update_actor)),
        (Method::POST, "/initiatives/{initiative}/actors/{actor}/remove", post(map::actors::remove_actor)),
        (Method::POST, "/initiatives/{initiative}/ties", post(map::ties::add_tie)),
        (Method::GET, "/initiatives/{initiative}/ties/{tie}", get(map::ties::tie)),
        (Method::POST, "/initiatives/{initiative}/ties/{tie}", post(map::ties::update_tie)),
        (Method::POST, "/initiatives/{initiative}/ties/{tie}/remove", post(map::ties::remove_tie)),
        (Method::GET, "/initiatives/{initiative}/registry", get(map::registry::registry)),
        (Method::GET, "/initiatives/{initiative}/registry/{actor}", get(map::registry::registry_entry)),
        (Method::POST, "/initiatives/{initiative}/registry/{actor}", post(map::registry::save_registry_entry)),
        (Method::GET, "/initiatives/{initiative}/process", get(dialogue::process::process)),
        (Method::POST, "/initiatives/{initiative}/process", post(dialogue::process::save_design)),
        (Method::POST, "/initiatives/{initiative}/rounds", post(dialogue::process::add_round)),
        (Method::POST, "/initiatives/{initiative}/meetings", post(dialogue::process::add_meeting)),
        (Method::GET, "/initiatives/{initiative}/meetings/{meeting}", get(dialogue::meeting::meeting)),
        (Method::POST, "/initiatives/{initiative}/meetings/{meeting}/notes", post(dialogue::notes::add_note)),
        (Method::POST, "/initiatives/{initiative}/meetings/{meeting}/draft", post(dialogue::notes::save_draft)),
        (
            Method::POST,
            "/initiatives/{initiative}/meetings/{meeting}/attendance",
            post(dialogue::attendance::add_attendee),
        ),
        (Method::POST, "/initiatives/{initiative}/meetings/{meeting}/progress", post(dialogue::meeting::save_progress)),
        (Method::GET, "/initiatives/{initiative}/meetings/{meeting}/speakers", get(dialogue::speakers::speakers)),
        (
            Method::POST,
            "/initiatives/{initiative}/meetings/{meeting}/speakers",
            post(dialogue::speakers::save_speakers),
        ),
        (Method::GET, "/initiatives/{initiative}/meetings/{meeting}/summary", get(dialogue::summary::summary)),
        (Method::GET, "/initiatives/{initiative}/options", get(dialogue::options::options)),
        (Method::POST, "/initiatives/{initiative}/options", post(dialogue::options::add_option)),
        (Method::POST, "/initiatives/{initiative}/options/{option}", post(dialogue::options::update_option)),
        (Method::GET, "/initiatives/{initiative}/follow-ups", get(dialogue::follow_ups::follow_ups)),
        (Method::POST, "/initiatives/{initiative}/follow-ups", post(dialogue::follow_ups::add_follow_up)),
        (Method::POST, "/initiatives/{initiative}/follow-ups/{follow_up}", post(dialogue::follow_ups::set_follow_up)),
        (Method::GET, "/assets/capture.js", get(dialogue::notes::capture_script)),
        (Method::GET, "/initiatives/{initiative}/readouts", get(transfer::readouts::readouts)),
        (Method::POST, "/initiatives/{initiative}/readouts", post(transfer::readouts::create_readout)),
        (Method::GET, "/initiatives/{initiative}/readouts/{readout}", get(transfer::readouts::readout)),
        (Method::POST, "/initiatives/{initiative}/readouts/{readout}", post(transfer::readouts::update_readout)),
        (Method::POST, "/initiatives/{initiative}/readouts/{readout}/review", post(transfer::readouts::review_readout)),
        (
            Method::POST,
            "/initiatives/{initiative}/readouts/{readout}/release",
            post(transfer::readouts::release_readout),
        ),
        (Method::POST, "/initiatives/{initiative}/readouts/{readout}/copies", post(transfer::copies::issue_copy)),
        (Method::POST, "/initiatives/{initiative}/readouts/{readout}/trace", post(transfer::trace::trace)),
        (Method::GET, "/initiatives/{initiative}/copies/{copy}", get(transfer::copies::copy_file)),
        (Method::GET, "/initiatives/{initiative}/transfers", get(transfer::log::transfers)),
        (Method::POST, "/initiatives/{initiative}/transfers", post(transfer::log::log_transfer)),
        (Method::POST, "/initiatives/{initiative}/coordination", post(transfer::log::log_coordination)),
        (Method::POST, "/initiatives/{initiative}/official-events", post(transfer::log::log_official_event)),
        (Method::GET, "/timeline", get(transfer::timeline::timeline)),
        (Method::GET, "/initiatives/{initiative}/outcomes", get(outcomes::list::outcomes)),
        (Method::POST, "/initiatives/{initiative}/outcomes", post(outcomes::harvest::harvest)),
        (Method::GET, "/initiatives/{initiative}/outcomes/new", get(outcomes::harvest::harvest_form)),
        (Method::GET, "/initiatives/{initiative}/outcomes/{outcome}", get(outcomes::page::outcome)),
        (
            Method::POST,
            "/initiatives/{initiative}/outcomes/{outcome}/substantiations",
            post(outcomes::page::substantiate),
        ),
        (Method::POST, "/initiatives/{initiative}/outcomes/{outcome}/advance", post(outcomes::page::advance)),
        (Method::GET, "/initiatives/{initiative}/theory-of-change", get(outcomes::theory::theory)),
        (Method::GET, "/initiatives/{initiative}/reports", get(outcomes::reports::reports)),
        (Method::GET, "/initiatives/{initiative}/reports/file", get(outcomes::reports::report_file)),
        (Method::POST, "/initiatives/{initiative}/reflections", post(outcomes::theory::reflect)),
        (Method::GET, "/initiatives/{initiative}/conversations", get(conversation::list::conversations)),
        (Method::POST, "/initiatives/{initiative}/conversations", post(conversation::list::create_conversation)),
        (Method::POST, "/initiatives/{initiative}/conversations/import", post(conversation::list::import_conversation)),
        (
            Method::GET,
            "/initiatives/{initiative}/conversations/{conversation}",
            get(conversation::results::conversation),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/statements",
            post(conversation::moderation::add_statement),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/statements/{number}",
            post(conversation::moderation::moderate_statement),
        ),
        (
            Method::GET,
            "/initiatives/{initiative}/conversations/{conversation}/statements/{number}/languages",
            get(conversation::translations::translations),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/statements/{number}/languages",
            post(conversation::translations::set_translations),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/invitations",
            post(conversation::invitations::create_invitations),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/invitations/{invitation}/revoke",
            post(conversation::invitations::revoke_invitation),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/invitations/{invitation}/limits",
            post(conversation::invitations::set_campaign_limits),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/close",
            post(conversation::moderation::set_closed),
        ),
        (
            Method::GET,
            "/initiatives/{initiative}/conversations/{conversation}/export/{file}",
            get(conversation::export::export_file),
        ),
        (
            Method::GET,
            "/initiatives/{initiative}/conversations/{conversation}/vote",
            get(conversation::ballot::member_ballot),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/vote",
            post(conversation::ballot::member_vote),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/proposals",
            post(conversation::ballot::member_propose),
        ),
        (Method::GET, "/initiatives/{initiative}/texts", get(text::list::texts)),
        (Method::POST, "/initiatives/{initiative}/texts", post(text::list::create_text)),
        (Method::GET, "/initiatives/{initiative}/texts/{text}", get(text::page::text)),
        (Method::GET, "/initiatives/{initiative}/texts/{text}/compare", get(text::compare::compare)),
        (Method::GET, "/initiatives/{initiative}/texts/{text}/pending", get(text::pending::pending)),
        (Method::GET, "/initiatives/{initiative}/texts/{text}/copy", get(text::copy::copy)),
        (Method::GET, "/initiatives/{initiative}/texts/{text}/pen", get(text::pen::pen)),
        (Method::GET, "/initiatives/{initiative}/texts/{text}/versions", get(text::versions::versions)),
        (Method::POST, "/initiatives/{initiative}/texts/{text}/versions", post(text::actions::commit_version)),
        (Method::POST, "/initiatives/{initiative}/texts/{text}/comments", post(text::actions::comment)),
        (Method::POST, "/initiatives/{initiative}/texts/{text}/suggestions", post(text::actions::suggest)),
        (Method::POST, "/initiatives/{initiative}/texts/{text}/answers", post(text::actions::answer)),
        (Method::POST, "/initiatives/{initiative}/texts/{text}/sign-off", post(text::actions::sign_off)),
        (Method::POST, "/initiatives/{initiative}/texts/{text}/signatories", post(text::pen::set_signatory)),
        (Method::POST, "/initiatives/{initiative}/texts/{text}/drafted-options", post(text::pen::draft_option)),
        (Method::GET, "/initiatives/{initiative}/measures", get(measures::list::questionnaires)),
        (Method::POST, "/initiatives/{initiative}/measures", post(measures::list::compose)),
        (Method::GET, "/initiatives/{initiative}/measures/{questionnaire}", get(measures::results::questionnaire)),
        (Method::POST, "/initiatives/{initiative}/measures/{questionnaire}/stage", post(measures::results::set_stage)),
        (
            Method::POST,
            "/initiatives/{initiative}/measures/{questionnaire}/cards",
            post(measures::results::issue_cards),
        ),
        (Method::GET, "/initiatives/{initiative}/indicators", get(measures::indicators::indicators)),
        (Method::POST, "/initiatives/{initiative}/indicators", post(measures::indicators::add_indicator)),
        (Method::GET, "/initiatives/{initiative}/indicators/export", get(measures::indicators::export)),
        (Method::POST, "/initiatives/{initiative}/indicators/import", post(measures::indicators::import)),
        (
            Method::POST,
            "/initiatives/{initiative}/indicators/{indicator}/actuals",
            post(measures::indicators::record_actual),
        ),
        (Method::GET, "/answer/{questionnaire}", get(measures::answer::answer_page)),
        (Method::POST, "/answer/{questionnaire}", post(measures::answer::answer)),
        (Method::GET, "/join/{invitation}", get(conversation::voters::welcome)),
        (Method::POST, "/join/{invitation}", post(conversation::voters::join)),
        (Method::GET, "/ballot", get(conversation::voters::ballot)),
        (Method::POST, "/ballot", post(conversation::voters::vote)),
        (Method::POST, "/ballot/proposals", post(conversation::voters::propose)),
        (Method::GET, layout::STYLESHEET, get(layout::stylesheet)),
        (Method::GET, "/healthz", get(health)),
        (Method::GET, "/api/v1/initiatives", get(api::initiatives::list_initiatives)),
        (Method::POST, "/api/v1/initiatives", post(api::initiatives::create_initiative)),
        (Method::GET, "/api/v1/initiatives/{initiative}", get(api::initiatives::show_initiative)),
        (Method::GET, "/api/v1/initiatives/{initiative}/members", get(api::initiatives::show_roster)),
        (
            Method::GET,
            "/api/v1/initiatives/{initiative}/meetings/{meeting}/summary",
            get(api::meetings::show_meeting_summary),
        ),
        (Method::GET, "/api/v1/initiatives/{initiative}/notes", get(api::notes::list_notes)),
        (Method::POST, "/api/v1/initiatives/{initiative}/notes", post(api::notes::create_note)),
        (Method::GET, "/api/v1/initiatives/{initiative}/notes/{note}", get(api::notes::show_note)),
        (Method::GET, "/api/v1/initiatives/{initiative}/texts", get(api::texts::list_texts)),
        (Method::GET, "/api/v1/initiatives/{initiative}/texts/{text}", get(api::texts::show_text)),
        (Method::POST, "/api/v1/invitations/{invitation}/voters", post(api::ballot::join)),
        (Method::GET, "/api/v1/ballot", get(api::ballot::ballot)),
        (Method::POST, "/api/v1/ballot/votes", post(api::ballot::vote)),
        (Method::GET, "/api/v1/tokens", get(api::tokens::list_tokens)),
        (Method::POST, "/api/v1/tokens/{token}/revoke", post(api::tokens::revoke_token)),
        (Method::GET, "/api/v1/openapi.json", get(openapi_document)),
    ]
}

/// The method and path of every route, for tests and documentation.
#[must_use]
pub fn route_list() -> Vec<(Method, &'static str)> {
    routes().into_iter().map(|(method, path, _)| (method, path)).collect()
}

async fn openapi_document() -> Json<serde_json::Value> {
    Json(openapi::document())
}

async fn health() -> &'static str {
    "ok"
}

async fn not_found(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        WebError(AppError::NotFound).into_response()
    } else {
        PageError::App(AppError::NotFound).into_response()
    }
}
