//! The API's handlers: JSON over bearer tokens. Tokens are never taken from cookies, so the API
//! needs no CSRF defence: another site cannot make a browser send a bearer header.

pub(crate) mod ballot;
pub(crate) mod initiatives;
pub(crate) mod meetings;
pub(crate) mod notes;
pub(crate) mod texts;
pub(crate) mod tokens;

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use tracktwo_app::AppError;
use tracktwo_domain::{Channel, Identity};

use crate::client::ClientAddress;
use crate::limits::Limit;
use crate::{WebError, WebState};

/// The caller, authenticated by a personal access token in `Authorization: Bearer …`. Each such
/// request counts against the address's API allowance, and a token that turns out bad against
/// its allowance for those.
pub struct Caller(pub Identity);

impl FromRequestParts<Arc<WebState>> for Caller {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<WebState>) -> Result<Self, Self::Rejection> {
        let Ok(client) = ClientAddress::from_request_parts(parts, state).await;
        let token = bearer(parts)?;
        state.limit(Limit::Api, &client)?;
        match state.app.authenticate_token(token, Channel::Api).await {
            Ok(identity) => Ok(Caller(identity)),
            Err(AppError::Unauthenticated) => Err(state.refused_credential(&client).into()),
            Err(other) => Err(other.into()),
        }
    }
}

/// A voter's answer refused: a credential that turned out bad counts against the address.
pub(crate) fn voter_refused(state: &WebState, client: &ClientAddress, e: AppError) -> WebError {
    match e {
        AppError::Unauthenticated => state.refused_credential(client).into(),
        other => other.into(),
    }
}

/// The token of `Authorization: Bearer …`.
pub(crate) fn bearer(parts: &Parts) -> Result<&str, WebError> {
    parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .ok_or(WebError(AppError::Unauthenticated))
}
