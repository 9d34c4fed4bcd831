//! The client address a join through an invitation link is counted against.
//!
//! Today it is the connection's peer. It is taken here and nowhere else, so that an extractor
//! that knows which proxies to trust can take its place without touching the handlers.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

/// The address a joining client is counted under.
pub struct JoinClient(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for JoinClient {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ConnectInfo(peer) =
            ConnectInfo::<SocketAddr>::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        Ok(JoinClient(peer.ip()))
    }
}
