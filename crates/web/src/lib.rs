//! The HTTP edge: the web workspace (server-rendered pages, no script needed) and the JSON API.
//!
//! It authenticates (a session cookie or a bearer token becomes an [`Identity`]) and translates
//! between HTTP and the use cases in `tracktwo-app`. It decides no access itself: every handler
//! calls a use case with the caller's identity, and the use case asks the policy; the links and
//! forms a page offers follow the `Permissions` the core returns. A test fails if this crate's
//! code names the policy.

mod api;
pub mod client;
mod conversation_pages;
mod dialogue_pages;
mod documents;
mod forms;
#[doc(hidden)]
pub mod fuzzing;
pub mod limits;
mod transfer_pages;

pub use documents::summary_document;
pub use transfer_pages::copy_document;
mod map_pages;
pub mod openapi;
mod pages;
mod session;
mod token_pages;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tracktwo_app::{App, AppError};
use tracktwo_domain::campaign::JoinRefusal;

pub use client::{ClientAddress, ForwardedHeader, TrustedProxies};
pub use limits::{EdgeLimits, Limit, Limited, Quotas, quota};

/// The largest request body accepted (a long document fits; a flood does not).
const BODY_LIMIT: usize = 2 * 1024 * 1024;

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
        router = router.route(path, handler);
    }
    let mut router = router
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(Arc::clone(&state), client::edge))
        .with_state(state)
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
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
        (Method::GET, "/", get(pages::dashboard)),
        (Method::GET, "/sign-in", get(pages::sign_in_form)),
        (Method::POST, "/sign-in", post(pages::sign_in)),
        (Method::POST, "/sign-out", post(pages::sign_out)),
        (Method::GET, "/account", get(pages::account)),
        (Method::POST, "/account/password", post(pages::change_password)),
        (Method::POST, "/account/second-factor", post(pages::start_second_factor)),
        (Method::POST, "/account/second-factor/confirm", post(pages::confirm_second_factor)),
        (Method::POST, "/account/tokens", post(token_pages::create_token)),
        (Method::POST, "/account/tokens/{token}/revoke", post(token_pages::revoke_token)),
        (Method::GET, "/initiatives/{initiative}", get(pages::initiative)),
        (Method::GET, "/initiatives/{initiative}/notes", get(pages::notes)),
        (Method::POST, "/initiatives/{initiative}/notes", post(pages::add_note)),
        (Method::GET, "/initiatives/{initiative}/members", get(pages::members)),
        (Method::POST, "/initiatives/{initiative}/members", post(pages::add_member)),
        (Method::GET, "/initiatives/{initiative}/audit", get(pages::audit)),
        (Method::GET, "/initiatives/{initiative}/map", get(map_pages::wheel)),
        (Method::GET, "/initiatives/{initiative}/map/coverage", get(map_pages::coverage)),
        (Method::POST, "/initiatives/{initiative}/map/snapshots", post(map_pages::add_snapshot)),
        (Method::POST, "/initiatives/{initiative}/map/snapshots/{snapshot}/remove", post(map_pages::remove_snapshot)),
        (Method::GET, "/initiatives/{initiative}/map/selection", get(map_pages::selection)),
        (Method::POST, "/initiatives/{initiative}/map/selection/ceiling", post(map_pages::set_ceiling)),
        (Method::GET, "/initiatives/{initiative}/map/transfer", get(map_pages::transfer_page)),
        (Method::GET, "/initiatives/{initiative}/map/export", get(map_pages::export)),
        (Method::POST, "/initiatives/{initiative}/map/import", post(map_pages::import)),
        (Method::GET, "/initiatives/{initiative}/actors", get(map_pages::actors)),
        (Method::POST, "/initiatives/{initiative}/actors", post(map_pages::add_actor)),
        (Method::GET, "/initiatives/{initiative}/actors/{actor}", get(map_pages::actor)),
        (Method::POST, "/initiatives/{initiative}/actors/{actor}", post(map_pages::update_actor)),
        (Method::POST, "/initiatives/{initiative}/actors/{actor}/remove", post(map_pages::remove_actor)),
        (Method::POST, "/initiatives/{initiative}/ties", post(map_pages::add_tie)),
        (Method::GET, "/initiatives/{initiative}/ties/{tie}", get(map_pages::tie)),
        (Method::POST, "/initiatives/{initiative}/ties/{tie}", post(map_pages::update_tie)),
        (Method::POST, "/initiatives/{initiative}/ties/{tie}/remove", post(map_pages::remove_tie)),
        (Method::GET, "/initiatives/{initiative}/registry", get(map_pages::registry)),
        (Method::GET, "/initiatives/{initiative}/registry/{actor}", get(map_pages::registry_entry)),
        (Method::POST, "/initiatives/{initiative}/registry/{actor}", post(map_pages::save_registry_entry)),
        (Method::GET, "/initiatives/{initiative}/process", get(dialogue_pages::process)),
        (Method::POST, "/initiatives/{initiative}/process", post(dialogue_pages::save_design)),
        (Method::POST, "/initiatives/{initiative}/rounds", post(dialogue_pages::add_round)),
        (Method::POST, "/initiatives/{initiative}/meetings", post(dialogue_pages::add_meeting)),
        (Method::GET, "/initiatives/{initiative}/meetings/{meeting}", get(dialogue_pages::meeting)),
        (Method::POST, "/initiatives/{initiative}/meetings/{meeting}/notes", post(dialogue_pages::add_note)),
        (Method::POST, "/initiatives/{initiative}/meetings/{meeting}/draft", post(dialogue_pages::save_draft)),
        (Method::POST, "/initiatives/{initiative}/meetings/{meeting}/attendance", post(dialogue_pages::add_attendee)),
        (Method::POST, "/initiatives/{initiative}/meetings/{meeting}/progress", post(dialogue_pages::save_progress)),
        (Method::GET, "/initiatives/{initiative}/meetings/{meeting}/speakers", get(dialogue_pages::speakers)),
        (Method::POST, "/initiatives/{initiative}/meetings/{meeting}/speakers", post(dialogue_pages::save_speakers)),
        (Method::GET, "/initiatives/{initiative}/meetings/{meeting}/summary", get(dialogue_pages::summary)),
        (Method::GET, "/initiatives/{initiative}/options", get(dialogue_pages::options)),
        (Method::POST, "/initiatives/{initiative}/options", post(dialogue_pages::add_option)),
        (Method::POST, "/initiatives/{initiative}/options/{option}", post(dialogue_pages::update_option)),
        (Method::GET, "/initiatives/{initiative}/follow-ups", get(dialogue_pages::follow_ups)),
        (Method::POST, "/initiatives/{initiative}/follow-ups", post(dialogue_pages::add_follow_up)),
        (Method::POST, "/initiatives/{initiative}/follow-ups/{follow_up}", post(dialogue_pages::set_follow_up)),
        (Method::GET, "/assets/capture.js", get(dialogue_pages::capture_script)),
        (Method::GET, "/initiatives/{initiative}/readouts", get(transfer_pages::readouts)),
        (Method::POST, "/initiatives/{initiative}/readouts", post(transfer_pages::create_readout)),
        (Method::GET, "/initiatives/{initiative}/readouts/{readout}", get(transfer_pages::readout)),
        (Method::POST, "/initiatives/{initiative}/readouts/{readout}", post(transfer_pages::update_readout)),
        (Method::POST, "/initiatives/{initiative}/readouts/{readout}/review", post(transfer_pages::review_readout)),
        (Method::POST, "/initiatives/{initiative}/readouts/{readout}/release", post(transfer_pages::release_readout)),
        (Method::POST, "/initiatives/{initiative}/readouts/{readout}/copies", post(transfer_pages::issue_copy)),
        (Method::POST, "/initiatives/{initiative}/readouts/{readout}/trace", post(transfer_pages::trace)),
        (Method::GET, "/initiatives/{initiative}/copies/{copy}", get(transfer_pages::copy_file)),
        (Method::GET, "/initiatives/{initiative}/transfers", get(transfer_pages::transfers)),
        (Method::POST, "/initiatives/{initiative}/transfers", post(transfer_pages::log_transfer)),
        (Method::POST, "/initiatives/{initiative}/coordination", post(transfer_pages::log_coordination)),
        (Method::POST, "/initiatives/{initiative}/official-events", post(transfer_pages::log_official_event)),
        (Method::GET, "/timeline", get(transfer_pages::timeline)),
        (Method::GET, "/initiatives/{initiative}/conversations", get(conversation_pages::conversations)),
        (Method::POST, "/initiatives/{initiative}/conversations", post(conversation_pages::create_conversation)),
        (Method::POST, "/initiatives/{initiative}/conversations/import", post(conversation_pages::import_conversation)),
        (Method::GET, "/initiatives/{initiative}/conversations/{conversation}", get(conversation_pages::conversation)),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/statements",
            post(conversation_pages::add_statement),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/statements/{number}",
            post(conversation_pages::moderate_statement),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/invitations",
            post(conversation_pages::create_invitations),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/invitations/{invitation}/revoke",
            post(conversation_pages::revoke_invitation),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/invitations/{invitation}/limits",
            post(conversation_pages::set_campaign_limits),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/close",
            post(conversation_pages::set_closed),
        ),
        (
            Method::GET,
            "/initiatives/{initiative}/conversations/{conversation}/export/{file}",
            get(conversation_pages::export_file),
        ),
        (
            Method::GET,
            "/initiatives/{initiative}/conversations/{conversation}/vote",
            get(conversation_pages::member_ballot),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/vote",
            post(conversation_pages::member_vote),
        ),
        (
            Method::POST,
            "/initiatives/{initiative}/conversations/{conversation}/proposals",
            post(conversation_pages::member_propose),
        ),
        (Method::GET, "/join/{invitation}", get(conversation_pages::welcome)),
        (Method::POST, "/join/{invitation}", post(conversation_pages::join)),
        (Method::GET, "/ballot", get(conversation_pages::ballot)),
        (Method::POST, "/ballot", post(conversation_pages::vote)),
        (Method::POST, "/ballot/proposals", post(conversation_pages::propose)),
        (Method::GET, pages::STYLESHEET, get(pages::stylesheet)),
        (Method::GET, "/healthz", get(health)),
        (Method::GET, "/api/v1/initiatives", get(api::list_initiatives)),
        (Method::POST, "/api/v1/initiatives", post(api::create_initiative)),
        (Method::GET, "/api/v1/initiatives/{initiative}", get(api::show_initiative)),
        (Method::GET, "/api/v1/initiatives/{initiative}/members", get(api::show_roster)),
        (Method::GET, "/api/v1/initiatives/{initiative}/meetings/{meeting}/summary", get(api::show_meeting_summary)),
        (Method::GET, "/api/v1/initiatives/{initiative}/notes", get(api::list_notes)),
        (Method::POST, "/api/v1/initiatives/{initiative}/notes", post(api::create_note)),
        (Method::GET, "/api/v1/initiatives/{initiative}/notes/{note}", get(api::show_note)),
        (Method::POST, "/api/v1/invitations/{invitation}/voters", post(api::join)),
        (Method::GET, "/api/v1/ballot", get(api::ballot)),
        (Method::POST, "/api/v1/ballot/votes", post(api::vote)),
        (Method::GET, "/api/v1/tokens", get(api::list_tokens)),
        (Method::POST, "/api/v1/tokens/{token}/revoke", post(api::revoke_token)),
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

/// An API error as the client sees it: a status and a message that never holds internal detail.
pub struct WebError(AppError);

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        Self(e)
    }
}

#[derive(Serialize)]
struct ErrorBody {
    error: String,
}

/// The status for an application error, and whether its message may be shown.
pub(crate) fn status_of(e: &AppError) -> StatusCode {
    match e {
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Forbidden(_) => StatusCode::FORBIDDEN,
        AppError::Unauthenticated | AppError::SignInRefused => StatusCode::UNAUTHORIZED,
        AppError::Invalid(_)
        | AppError::WrongCode
        | AppError::Import { .. }
        | AppError::SecretChannel(_)
        | AppError::NamesInNote(_)
        | AppError::ConsentNotRecorded
        | AppError::RefusedCode(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
        // A full link stays full; one address past its share may try no more through it.
        AppError::JoinRefused(JoinRefusal::LinkFull { .. }) => StatusCode::FORBIDDEN,
        AppError::JoinRefused(JoinRefusal::AddressLimit { .. }) => StatusCode::TOO_MANY_REQUESTS,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

fn public_message(e: &AppError, status: StatusCode) -> String {
    if status == StatusCode::INTERNAL_SERVER_ERROR {
        // Application errors carry identifiers and kinds, never plaintext, so they are safe to
        // log; the client gets no detail.
        tracing::error!(error = %e, "request failed");
        "internal error".to_owned()
    } else if status == StatusCode::NOT_FOUND {
        "not found".to_owned()
    } else {
        e.to_string()
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = status_of(&self.0);
        let mut response = (status, Json(ErrorBody { error: public_message(&self.0, status) })).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let AppError::RateLimited { seconds } = self.0 {
            response = retry_after(response, seconds);
        }
        response
    }
}

/// A page error: an HTML page with the status, or back to sign-in.
pub enum PageError {
    App(AppError),
    /// A form without this session's anti-CSRF token.
    Csrf,
    /// Too many requests of one kind from one address.
    Limited(Limited),
}

impl From<Limited> for PageError {
    fn from(limited: Limited) -> Self {
        Self::Limited(limited)
    }
}

impl From<Limited> for WebError {
    fn from(limited: Limited) -> Self {
        Self(AppError::RateLimited { seconds: limited.seconds })
    }
}

/// Sets `Retry-After` on a 429.
fn retry_after(mut response: Response, seconds: u64) -> Response {
    if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        Self::App(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let mut wait = None;
        let (status, message) = match self {
            PageError::App(AppError::Unauthenticated) => return Redirect::to("/sign-in").into_response(),
            PageError::App(AppError::RateLimited { seconds }) => {
                wait = Some(seconds);
                (StatusCode::TOO_MANY_REQUESTS, format!("too many requests; try again in {seconds} seconds"))
            }
            PageError::App(e) => {
                let status = status_of(&e);
                (status, public_message(&e, status))
            }
            PageError::Csrf => (
                StatusCode::FORBIDDEN,
                "the form has expired or did not come from this site; reload and try again".into(),
            ),
            PageError::Limited(Limited { limit, seconds }) => {
                wait = Some(seconds);
                (
                    StatusCode::TOO_MANY_REQUESTS,
                    format!("too many {} from this address; try again in {seconds} seconds", limit.what()),
                )
            }
        };
        let response = (status, pages::error_page(status, &message)).into_response();
        match wait {
            Some(seconds) => retry_after(response, seconds),
            None => response,
        }
    }
}

/// A certificate chain and private key, both PEM files, for serving over TLS.
#[derive(Debug, Clone)]
pub struct TlsFiles {
    pub certificate: std::path::PathBuf,
    pub private_key: std::path::PathBuf,
}

/// How long a client may take to send a request's headers. Without a limit, a client that sends
/// them a byte at a time holds a connection and its task for as long as it likes, and a few
/// hundred such clients hold the server (slowloris). Over HTTP/1.1 the same limit runs between
/// the requests of a keep-alive connection: one idle this long is closed.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a connection may go without a byte from the client while the server waits for one
/// (or without the client taking a byte the server is sending), whatever the protocol: HTTP/2 (which browsers speak over TLS) has no header-read limit, and
/// an idle connection holds a socket and memory. Longer than a request may run (30 s), so a
/// client waiting for its answer is never cut.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// How long connections may take and idle.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    pub header_read: Duration,
    pub idle: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self { header_read: HEADER_READ_TIMEOUT, idle: IDLE_TIMEOUT }
    }
}

/// How the server meets the network: whose forwarding headers to believe, and how long
/// connections may take.
#[derive(Debug, Clone, Default)]
pub struct EdgeOptions {
    pub proxies: TrustedProxies,
    pub connections: ConnectionLimits,
}

/// The handle that stops a server when `shutdown` resolves, finishing requests in flight for up
/// to ten seconds.
fn stopped_by(shutdown: impl std::future::Future<Output = ()> + Send + 'static) -> axum_server::Handle<SocketAddr> {
    let handle = axum_server::Handle::new();
    let stopper = handle.clone();
    tokio::spawn(async move {
        shutdown.await;
        stopper.graceful_shutdown(Some(Duration::from_secs(10)));
    });
    handle
}

fn limit_header_reads(
    builder: &mut hyper_util::server::conn::auto::Builder<hyper_util::rt::TokioExecutor>,
    limits: ConnectionLimits,
) {
    builder.http1().timer(hyper_util::rt::TokioTimer::new()).header_read_timeout(limits.header_read);
}

/// Wraps every accepted connection so that a read waiting longer than `idle` for the client, or
/// a write waiting that long for it to take the bytes, fails, which closes the connection
/// (beneath TLS, so a stalled handshake counts too).
#[derive(Debug, Clone, Copy)]
struct IdleAcceptor<A> {
    inner: A,
    idle: Duration,
}

impl<A, S> axum_server::accept::Accept<tokio::net::TcpStream, S> for IdleAcceptor<A>
where
    A: axum_server::accept::Accept<std::pin::Pin<Box<tokio_io_timeout::TimeoutStream<tokio::net::TcpStream>>>, S>,
{
    type Stream = A::Stream;
    type Service = A::Service;
    type Future = A::Future;

    fn accept(&self, stream: tokio::net::TcpStream, service: S) -> Self::Future {
        let mut timed = tokio_io_timeout::TimeoutStream::new(stream);
        timed.set_read_timeout(Some(self.idle));
        timed.set_write_timeout(Some(self.idle));
        self.inner.accept(Box::pin(timed), service)
    }
}

/// Serves over TLS (rustls, with the `ring` provider) until `shutdown` resolves. Every request is
/// https: cookies are `Secure` and browsers are told to keep to https.
pub async fn serve_tls(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    tls: &TlsFiles,
    options: EdgeOptions,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Installing twice is harmless (the second call reports the first); the provider is the
    // same either way.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let config = axum_server::tls_rustls::RustlsConfig::from_pem_file(&tls.certificate, &tls.private_key)
        .await
        .map_err(|e| std::io::Error::new(e.kind(), format!("cannot load the TLS certificate or key: {e}")))?;
    let state = Arc::new(WebState::new(app, true).with_proxies(options.proxies));
    let idle = options.connections.idle;
    let mut server = axum_server::from_tcp_rustls(listener.into_std()?, config)?
        .map(|tls| tls.acceptor(IdleAcceptor { inner: axum_server::accept::DefaultAcceptor, idle }))
        .handle(stopped_by(shutdown));
    limit_header_reads(server.http_builder(), options.connections);
    server.serve(router(state).into_make_service_with_connect_info::<SocketAddr>()).await
}

/// Serves until `shutdown` resolves, then finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    options: EdgeOptions,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let state = Arc::new(WebState::new(app, false).with_proxies(options.proxies));
    let idle = options.connections.idle;
    let mut server = axum_server::from_tcp(listener.into_std()?)?
        .acceptor(IdleAcceptor { inner: axum_server::accept::DefaultAcceptor, idle })
        .handle(stopped_by(shutdown));
    limit_header_reads(server.http_builder(), options.connections);
    server.serve(router(state).into_make_service_with_connect_info::<SocketAddr>()).await
}
