//! The HTTP edge: it authenticates (turns a bearer token into an [`Identity`]) and translates
//! between HTTP and the use cases in `tracktwo-app`. It decides no access itself: every handler
//! calls a use case with the caller's identity, and the use case asks the policy.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tracktwo_app::{App, AppError};
use tracktwo_domain::{Channel, Identity, InitiativeId, NewInitiative, NewNote, NoteId, Scope, SideId};

/// The largest request body accepted (a long document fits; a flood does not).
const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Builds the application's router.
pub fn router(app: Arc<App>) -> Router {
    let security_headers = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    let mut router = Router::new()
        .route("/", get(home))
        .route("/healthz", get(health))
        .route("/api/v1/initiatives", get(list_initiatives).post(create_initiative))
        .route("/api/v1/initiatives/{initiative}", get(show_initiative))
        .route("/api/v1/initiatives/{initiative}/notes", get(list_notes).post(create_note))
        .route("/api/v1/initiatives/{initiative}/notes/{note}", get(show_note))
        .fallback(not_found)
        .with_state(app)
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)));
    for (name, value) in security_headers {
        router = router.layer(SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value)));
    }
    router.layer(SetResponseHeaderLayer::overriding(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    ))
}

/// An error as the client sees it: a status and a message that never holds internal detail.
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

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (status, message) = match &self.0 {
            AppError::NotFound => (StatusCode::NOT_FOUND, "not found".to_owned()),
            AppError::Forbidden(_) => (StatusCode::FORBIDDEN, self.0.to_string()),
            AppError::Unauthenticated | AppError::SignInRefused => (StatusCode::UNAUTHORIZED, self.0.to_string()),
            AppError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, self.0.to_string()),
            AppError::Conflict(_) => (StatusCode::CONFLICT, self.0.to_string()),
            other => {
                // Application errors carry identifiers and kinds, never plaintext, so they are
                // safe to log; the client gets no detail.
                tracing::error!(error = %other, "request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal error".to_owned())
            }
        };
        let mut response = (status, Json(ErrorBody { error: message })).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// The caller, authenticated by a personal access token in `Authorization: Bearer …`.
pub struct Caller(pub Identity);

impl FromRequestParts<Arc<App>> for Caller {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .ok_or(WebError(AppError::Unauthenticated))?;
        Ok(Caller(app.authenticate_token(token, Channel::Api).await?))
    }
}

/// A path identifier that does not parse is simply not found.
fn parse_id<T: std::str::FromStr>(text: &str) -> Result<T, WebError> {
    text.parse().map_err(|_| WebError(AppError::NotFound))
}

async fn home() -> Html<&'static str> {
    Html(include_str!("home.html"))
}

async fn health() -> &'static str {
    "ok"
}

async fn not_found() -> WebError {
    WebError(AppError::NotFound)
}

#[derive(Serialize)]
struct InitiativeView {
    id: InitiativeId,
    title: String,
    description: String,
    secret_channel: bool,
}

impl From<tracktwo_domain::Initiative> for InitiativeView {
    fn from(i: tracktwo_domain::Initiative) -> Self {
        Self { id: i.id, title: i.title, description: i.description, secret_channel: i.secret_channel }
    }
}

#[derive(Deserialize)]
struct InitiativeForm {
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    secret_channel: bool,
}

async fn list_initiatives(
    State(app): State<Arc<App>>,
    Caller(who): Caller,
) -> Result<Json<Vec<InitiativeView>>, WebError> {
    let list = app.initiatives(&who).await?;
    Ok(Json(list.into_iter().map(InitiativeView::from).collect()))
}

async fn create_initiative(
    State(app): State<Arc<App>>,
    Caller(who): Caller,
    Json(form): Json<InitiativeForm>,
) -> Result<(StatusCode, Json<InitiativeView>), WebError> {
    let new = NewInitiative { title: form.title, description: form.description, secret_channel: form.secret_channel };
    let i = app.create_initiative(&who, new, None).await?;
    Ok((StatusCode::CREATED, Json(i.into())))
}

async fn show_initiative(
    State(app): State<Arc<App>>,
    Caller(who): Caller,
    Path(initiative): Path<String>,
) -> Result<Json<InitiativeView>, WebError> {
    let i = app.initiative(&who, parse_id(&initiative)?).await?;
    Ok(Json(i.into()))
}

#[derive(Serialize)]
struct NoteView {
    id: NoteId,
    /// The side whose caucus holds the note; absent for the plenary record.
    #[serde(skip_serializing_if = "Option::is_none")]
    caucus: Option<SideId>,
    body: String,
}

impl From<tracktwo_domain::Note> for NoteView {
    fn from(n: tracktwo_domain::Note) -> Self {
        let caucus = match n.scope {
            Scope::Plenary => None,
            Scope::Caucus(side) => Some(side),
        };
        Self { id: n.id, caucus, body: n.body }
    }
}

#[derive(Deserialize)]
struct NoteForm {
    body: String,
    /// A side id to write in that side's caucus; the plenary record otherwise.
    #[serde(default)]
    caucus: Option<String>,
}

#[derive(Deserialize)]
struct ScopeQuery {
    #[serde(default)]
    caucus: Option<String>,
}

fn scope(caucus: Option<&str>) -> Result<Scope, WebError> {
    caucus.map_or(Ok(Scope::Plenary), |side| parse_id(side).map(Scope::Caucus))
}

async fn list_notes(
    State(app): State<Arc<App>>,
    Caller(who): Caller,
    Path(initiative): Path<String>,
    Query(query): Query<ScopeQuery>,
) -> Result<Json<Vec<NoteView>>, WebError> {
    let notes = app.notes(&who, parse_id(&initiative)?, scope(query.caucus.as_deref())?).await?;
    Ok(Json(notes.into_iter().map(NoteView::from).collect()))
}

/// Answers 201 only after the note's transaction has committed durably.
async fn create_note(
    State(app): State<Arc<App>>,
    Caller(who): Caller,
    Path(initiative): Path<String>,
    Json(form): Json<NoteForm>,
) -> Result<(StatusCode, Json<NoteView>), WebError> {
    let new = NewNote { scope: scope(form.caucus.as_deref())?, body: form.body };
    let note = app.add_note(&who, parse_id(&initiative)?, new).await?;
    Ok((StatusCode::CREATED, Json(note.into())))
}

async fn show_note(
    State(app): State<Arc<App>>,
    Caller(who): Caller,
    Path((initiative, note)): Path<(String, String)>,
) -> Result<Json<NoteView>, WebError> {
    let note = app.note(&who, parse_id(&initiative)?, parse_id(&note)?).await?;
    Ok(Json(note.into()))
}

/// Serves until `shutdown` resolves, then finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(app)).with_graceful_shutdown(shutdown).await
}
