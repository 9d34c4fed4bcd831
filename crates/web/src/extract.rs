//! What a page handler takes from the request before its work begins, in one extractor: a visit
//! to a page (`Visit`, `QueryVisit`) or a form (`CsrfForm`, `CsrfUpload`, `PresessionForm`), with the shared
//! state, the signed-in user, and the identifiers of the path parsed (`InitiativePath`,
//! `ItemPath`, `ConversationItemPath`, `TokenPath`). An identifier that does not parse names
//! nothing: it is "not found", as one that names nothing stored.
//!
//! The checks run in the order the handlers always ran them, so every request is answered as
//! before: the session; the path's segments as text; the query or the body; the form's anti-CSRF
//! token; only then the identifiers. A forged post is refused as forged whatever its path holds.

use std::str::FromStr;
use std::sync::Arc;

use axum::Form;
use axum::extract::{FromRequest, FromRequestParts, Multipart, Path, Query, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use tracktwo_app::AppError;
use tracktwo_domain::{ConversationId, InitiativeId, TokenId};

use crate::forms::{Pairs, field};
use crate::session::{PRESESSION_COOKIE, SignedIn};
use crate::{PageError, WebState};

/// An identifier, of a path or a form, that does not parse is simply not found.
pub(crate) fn parse_id<T: FromStr>(text: &str) -> Result<T, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

/// A form as a page posts it: the anti-CSRF token it carries, and what its handler takes of it.
pub(crate) trait PostedForm: DeserializeOwned + Send {
    type Fields;

    /// The token and the fields. Most forms are their own fields; one whose fields are read
    /// before its token is looked at refuses here, before the token is checked.
    fn read(self) -> Result<(String, Self::Fields), PageError>;
}

/// Forms with a `csrf` field, which their handlers take whole.
macro_rules! posted_forms {
    ($($form:ty),+ $(,)?) => {$(
        impl $crate::extract::PostedForm for $form {
            type Fields = Self;

            fn read(self) -> Result<(String, Self), $crate::PageError> {
                Ok((self.csrf.clone(), self))
            }
        }
    )+};
}
pub(crate) use posted_forms;

/// A form read as name–value pairs: the token is its first `csrf`.
impl PostedForm for Pairs {
    type Fields = Self;

    fn read(self) -> Result<(String, Self), PageError> {
        Ok((field(&self, "csrf").to_owned(), self))
    }
}

/// A form that carries nothing but its token (a button).
#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

posted_forms!(CsrfOnly);

/// The identifiers a path holds, read in two steps: its segments as text when the request comes
/// in (one that is not text at all is refused as axum refuses it), each parsed later.
pub(crate) trait PathIds: Sized {
    /// The segments as text, as `Path` reads them.
    type Segments: DeserializeOwned + Send;

    fn parse(segments: Self::Segments) -> Result<Self, AppError>;
}

/// `/initiatives/{initiative}/…`: the initiative a page is of.
pub(crate) struct InitiativePath(pub InitiativeId);

/// `/initiatives/{initiative}/…/{item}`: the initiative and one thing of it.
pub(crate) struct ItemPath<T>(pub InitiativeId, pub T);

/// `/initiatives/{initiative}/conversations/{conversation}/…/{item}`.
pub(crate) struct ConversationItemPath<T>(pub InitiativeId, pub ConversationId, pub T);

/// `/account/tokens/{token}/…`: one of the user's API tokens.
pub(crate) struct TokenPath(pub TokenId);

/// The identifiers of a path, left for the handler to parse when it is ready: one that counts
/// a request against a limit counts it whatever its path holds.
pub(crate) struct Unparsed<P: PathIds>(P::Segments);

impl<P: PathIds> Unparsed<P> {
    pub(crate) fn parse(self) -> Result<P, AppError> {
        P::parse(self.0)
    }
}

/// A path without identifiers.
impl PathIds for () {
    type Segments = ();

    fn parse((): ()) -> Result<Self, AppError> {
        Ok(())
    }
}

impl PathIds for InitiativePath {
    type Segments = String;

    fn parse(initiative: String) -> Result<Self, AppError> {
        Ok(Self(parse_id(&initiative)?))
    }
}

impl<T: FromStr> PathIds for ItemPath<T> {
    type Segments = (String, String);

    fn parse((initiative, item): (String, String)) -> Result<Self, AppError> {
        Ok(Self(parse_id(&initiative)?, parse_id(&item)?))
    }
}

impl<T: FromStr> PathIds for ConversationItemPath<T> {
    type Segments = (String, String, String);

    fn parse((initiative, conversation, item): (String, String, String)) -> Result<Self, AppError> {
        Ok(Self(parse_id(&initiative)?, parse_id(&conversation)?, parse_id(&item)?))
    }
}

impl PathIds for TokenPath {
    type Segments = String;

    fn parse(token: String) -> Result<Self, AppError> {
        Ok(Self(parse_id(&token)?))
    }
}

impl<P: PathIds> PathIds for Unparsed<P> {
    type Segments = P::Segments;

    fn parse(segments: P::Segments) -> Result<Self, AppError> {
        Ok(Self(segments))
    }
}

async fn segments<P: PathIds>(parts: &mut Parts) -> Result<P::Segments, Response> {
    let Path(segments) =
        Path::<P::Segments>::from_request_parts(parts, &()).await.map_err(IntoResponse::into_response)?;
    Ok(segments)
}

fn not_found(e: AppError) -> Response {
    PageError::App(e).into_response()
}

/// A signed-in user's visit to a page without a form: the shared state, the user, and the
/// identifiers of the page's path.
pub(crate) struct Visit<P = ()>(pub Arc<WebState>, pub SignedIn, pub P);

impl<P: PathIds> FromRequestParts<Arc<WebState>> for Visit<P> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<WebState>) -> Result<Self, Response> {
        let user = SignedIn::from_request_parts(parts, state).await?;
        let path = P::parse(segments::<P>(parts).await?).map_err(not_found)?;
        Ok(Self(Arc::clone(state), user, path))
    }
}

/// A visit to a page that reads a query too: the query is read after the path's text and before
/// its identifiers are parsed.
pub(crate) struct QueryVisit<Q, P = ()>(pub Arc<WebState>, pub SignedIn, pub Q, pub P);

impl<Q: DeserializeOwned + Send, P: PathIds> FromRequestParts<Arc<WebState>> for QueryVisit<Q, P> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<WebState>) -> Result<Self, Response> {
        let user = SignedIn::from_request_parts(parts, state).await?;
        let segments = segments::<P>(parts).await?;
        let Query(query) = Query::<Q>::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        let path = P::parse(segments).map_err(not_found)?;
        Ok(Self(Arc::clone(state), user, query, path))
    }
}

/// A form posted by the signed-in user, its anti-CSRF token checked, on a page whose path holds
/// the identifiers `P`: the shared state, the user, the identifiers and the form.
pub(crate) struct CsrfForm<T: PostedForm, P = ()>(pub Arc<WebState>, pub SignedIn, pub P, pub T::Fields);

impl<T: PostedForm, P: PathIds> FromRequest<Arc<WebState>> for CsrfForm<T, P> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &Arc<WebState>) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let user = SignedIn::from_request_parts(&mut parts, state).await?;
        let segments = segments::<P>(&mut parts).await?;
        let Form(form) = Form::<T>::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(IntoResponse::into_response)?;
        let (token, form) = form.read().map_err(IntoResponse::into_response)?;
        user.check_csrf(&token).map_err(IntoResponse::into_response)?;
        let path = P::parse(segments).map_err(not_found)?;
        Ok(Self(Arc::clone(state), user, path, form))
    }
}

/// A form that may carry files: its fields as name–value pairs and each file chosen, by field
/// name. A file input left empty sends no file.
pub(crate) struct Upload {
    pub fields: Pairs,
    pub files: Vec<(String, Vec<u8>)>,
}

/// A form posted by the signed-in user as `multipart/form-data` (or, without a file, as an
/// ordinary form), its anti-CSRF token checked in the same order as [`CsrfForm`]'s. The body's
/// size is bounded by the route's body limit.
pub(crate) struct CsrfUpload<P = ()>(pub Arc<WebState>, pub SignedIn, pub P, pub Upload);

impl<P: PathIds> FromRequest<Arc<WebState>> for CsrfUpload<P> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &Arc<WebState>) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let user = SignedIn::from_request_parts(&mut parts, state).await?;
        let segments = segments::<P>(&mut parts).await?;
        let multipart = parts
            .headers
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.to_ascii_lowercase().starts_with("multipart/form-data"));
        let request = Request::from_parts(parts, body);
        let upload = if multipart {
            read_multipart(Multipart::from_request(request, state).await.map_err(IntoResponse::into_response)?).await?
        } else {
            let Form(fields) =
                Form::<Pairs>::from_request(request, state).await.map_err(IntoResponse::into_response)?;
            Upload { fields, files: Vec::new() }
        };
        user.check_csrf(field(&upload.fields, "csrf")).map_err(IntoResponse::into_response)?;
        let path = P::parse(segments).map_err(not_found)?;
        Ok(Self(Arc::clone(state), user, path, upload))
    }
}

pub(crate) async fn read_multipart(mut multipart: Multipart) -> Result<Upload, Response> {
    let mut upload = Upload { fields: Vec::new(), files: Vec::new() };
    while let Some(part) = multipart.next_field().await.map_err(IntoResponse::into_response)? {
        let name = part.name().unwrap_or_default().to_owned();
        if part.file_name().is_some() {
            let bytes = part.bytes().await.map_err(IntoResponse::into_response)?;
            if !bytes.is_empty() {
                upload.files.push((name, bytes.to_vec()));
            }
        } else {
            let text = part.text().await.map_err(IntoResponse::into_response)?;
            upload.fields.push((name, text));
        }
    }
    Ok(upload)
}

/// A form posted before there is a session (signing in, joining a consultation), with the shared
/// state: its anti-CSRF token must be the one bound to the pre-session cookie, so another site
/// cannot post it.
pub(crate) struct PresessionForm<T: PostedForm>(pub Arc<WebState>, pub T::Fields);

impl<T: PostedForm> FromRequest<Arc<WebState>> for PresessionForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &Arc<WebState>) -> Result<Self, Response> {
        let jar = CookieJar::from_headers(request.headers());
        let Form(form) = Form::<T>::from_request(request, state).await.map_err(IntoResponse::into_response)?;
        let (token, form) = form.read().map_err(IntoResponse::into_response)?;
        let presession = jar.get(PRESESSION_COOKIE).map_or("", |cookie| cookie.value());
        if presession.is_empty() || !tracktwo_app::csrf_token_matches(presession, &token) {
            return Err(PageError::Csrf.into_response());
        }
        Ok(Self(Arc::clone(state), form))
    }
}
