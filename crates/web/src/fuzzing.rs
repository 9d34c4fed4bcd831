//! Entry points for the fuzz targets in `fuzz/`: every request body and query string the
//! handlers take, read by the same axum extractors the routes use, and the field helpers the
//! handlers apply to what they read. Nothing here is routed; a body that reaches an extractor
//! has already passed the body limit, and so must any input given here.

use axum::body::Body;
use axum::extract::{FromRequest, FromRequestParts, Multipart, Query};
use axum::http::{Method, Request, header};
use axum::{Form, Json};
use serde::de::DeserializeOwned;

use crate::forms::Pairs;

/// The largest body a route is given (larger ones are refused before any extractor runs).
pub const BODY_LIMIT: usize = crate::BODY_LIMIT;

fn request(content_type: &str, body: &[u8]) -> Request<Body> {
    Request::builder()
        .method(Method::POST)
        .uri("/")
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body.to_vec()))
        .unwrap_or_else(|_| unreachable!("a fixed method, URI and header"))
}

async fn form<T: DeserializeOwned + Send>(body: &[u8]) -> Option<T> {
    Form::<T>::from_request(request("application/x-www-form-urlencoded", body), &()).await.ok().map(|Form(t)| t)
}

async fn json<T: DeserializeOwned + Send>(body: &[u8]) -> Option<T> {
    Json::<T>::from_request(request("application/json", body), &()).await.ok().map(|Json(t)| t)
}

async fn query<T: DeserializeOwned + Send>(query: &str) -> Option<T> {
    let request = Request::builder().uri(format!("/?{query}")).body(Body::empty()).ok()?;
    let (mut parts, _) = request.into_parts();
    Query::<T>::from_request_parts(&mut parts, &()).await.ok().map(|Query(t)| t)
}

/// How many names of a body are looked up with `field`: a handler looks up a fixed handful of
/// names, each once (linear in the body). Looking up every name a body carries would make the
/// harness quadratic where no handler is, and spend the run on that.
const NAMES_LOOKED_UP: usize = 16;

/// What the handlers do with the values of a form read as name–value pairs: a few names are
/// looked up, and identifiers and dates are parsed wherever they may appear.
fn read_pairs(pairs: &Pairs) {
    for (name, _) in pairs.iter().take(NAMES_LOOKED_UP) {
        let _ = crate::forms::field(pairs, name);
    }
    for (_, value) in pairs {
        let _ = crate::forms::optional_date("date", value);
        let _ = crate::extract::parse_id::<tracktwo_domain::InitiativeId>(value);
        let _ = crate::extract::parse_id::<tracktwo_domain::SideId>(value);
        let _ = crate::extract::parse_id::<u32>(value);
    }
}

/// Reads `body` as every form the pages take.
pub async fn form_bodies(body: &[u8]) {
    if body.len() > BODY_LIMIT {
        return;
    }
    if let Some(pairs) = form::<Pairs>(body).await {
        read_pairs(&pairs);
    }
    let _ = form::<crate::pages::dialogue::process::DesignForm>(body).await;
    let _ = form::<crate::pages::dialogue::process::RoundForm>(body).await;
    let _ = form::<crate::pages::dialogue::process::MeetingForm>(body).await;
    let _ = form::<crate::pages::dialogue::attendance::AttendanceForm>(body).await;
    let _ = form::<crate::pages::dialogue::speakers::KeyForm>(body).await;
    let _ = form::<crate::pages::dialogue::follow_ups::FollowUpForm>(body).await;
    let _ = form::<crate::pages::dialogue::follow_ups::DoneForm>(body).await;
    let _ = form::<crate::extract::CsrfOnly>(body).await;
    let _ = form::<crate::pages::map::ties::TieForm>(body).await;
    let _ = form::<crate::pages::map::ties::RemoveTieForm>(body).await;
    let _ = form::<crate::pages::map::registry::RegistryForm>(body).await;
    let _ = form::<crate::pages::map::selection::CeilingForm>(body).await;
    let _ = form::<crate::pages::map::snapshots::SnapshotForm>(body).await;
    let _ = form::<crate::pages::map::ties::TieUpdateForm>(body).await;
    let _ = form::<crate::pages::account::sign_in::SignInForm>(body).await;
    let _ = form::<crate::pages::initiative::notes::NoteForm>(body).await;
    let _ = form::<crate::pages::initiative::members::MemberForm>(body).await;
    let _ = form::<crate::pages::account::second_factor::CodeForm>(body).await;
    let _ = form::<crate::pages::account::settings::PasswordForm>(body).await;
    let _ = form::<crate::pages::transfer::copies::CopyForm>(body).await;
    let _ = form::<crate::pages::transfer::log::CoordinationInput>(body).await;
    let _ = form::<crate::pages::transfer::log::OfficialForm>(body).await;
}

/// Reads `body` as every JSON body the API takes.
pub async fn json_bodies(body: &[u8]) {
    if body.len() > BODY_LIMIT {
        return;
    }
    let _ = json::<crate::api::initiatives::InitiativeForm>(body).await;
    let _ = json::<crate::api::notes::NoteForm>(body).await;
    let _ = json::<crate::api::ballot::JoinForm>(body).await;
    let _ = json::<crate::api::ballot::VoteForm>(body).await;
}

/// The boundary between the parts of the multipart bodies [`upload_bodies`] reads: a browser
/// picks its own and names it in the content type, as this does.
pub const UPLOAD_BOUNDARY: &str = "tracktwo-fuzz-boundary";

/// Reads `body` as a `multipart/form-data` upload — the trace form with a photographed page — as
/// the upload extractor reads it (every field and file whole), then as the trace page does: its
/// passage and token looked up, the page file's format told from its first bytes.
pub async fn upload_bodies(body: &[u8]) {
    if body.len() > BODY_LIMIT {
        return;
    }
    let content_type = format!("multipart/form-data; boundary={UPLOAD_BOUNDARY}");
    let Ok(multipart) = Multipart::from_request(request(&content_type, body), &()).await else {
        return;
    };
    let Ok(upload) = crate::extract::read_multipart(multipart).await else {
        return;
    };
    read_pairs(&upload.fields);
    let _ = crate::forms::field(&upload.fields, "passage");
    for (name, bytes) in &upload.files {
        if name == crate::pages::transfer::trace::PAGE_FIELD {
            let _ = tracktwo_ocr::page_format(bytes);
        }
    }
}

/// Reads `text` as every query string the routes take.
pub async fn query_strings(text: &str) {
    if let Some(pairs) = query::<Pairs>(text).await {
        read_pairs(&pairs);
    }
    let _ = query::<crate::api::notes::ScopeQuery>(text).await;
    let _ = query::<crate::pages::initiative::notes::ScopeQuery>(text).await;
    let _ = query::<crate::pages::map::MapQuery>(text).await;
    let _ = query::<crate::pages::FormatQuery>(text).await;
    let _ = query::<crate::pages::transfer::timeline::TimelineQuery>(text).await;
    let _ = query::<crate::pages::text::copy::CopyQuery>(text).await;
    if let Some(asked) = query::<crate::pages::text::page::TextQuery>(text).await {
        let _ = asked.version_asked();
    }
}
