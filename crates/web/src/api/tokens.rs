//! One's own API tokens.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Serialize;
use tracktwo_app::AppError;

use super::Caller;
use crate::extract::parse_id;
use crate::{WebError, WebState};

#[derive(Serialize)]
pub(crate) struct TokenView {
    id: tracktwo_domain::TokenId,
    label: String,
    #[serde(with = "time::serde::rfc3339")]
    created_at: tracktwo_domain::Timestamp,
    #[serde(with = "time::serde::rfc3339")]
    expires_at: tracktwo_domain::Timestamp,
    /// To the hour; `null` if it was never used.
    #[serde(with = "time::serde::rfc3339::option")]
    last_used_at: Option<tracktwo_domain::Timestamp>,
    expired: bool,
}

impl From<tracktwo_app::TokenSummary> for TokenView {
    fn from(t: tracktwo_app::TokenSummary) -> Self {
        Self {
            id: t.id,
            label: t.label,
            created_at: t.created_at,
            expires_at: t.expires_at,
            last_used_at: t.last_used_at,
            expired: t.expired,
        }
    }
}

/// The caller's own tokens (never a secret: only digests are kept).
pub(crate) async fn list_tokens(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
) -> Result<Json<Vec<TokenView>>, WebError> {
    let me = who.user_id().ok_or(WebError(AppError::Unauthenticated))?;
    let tokens = state.app.tokens_of(&who, me).await?;
    Ok(Json(tokens.into_iter().map(TokenView::from).collect()))
}

/// Revokes a token (one's own; an administrator's call may revoke anyone's). Answers 204.
pub(crate) async fn revoke_token(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
    Path(token): Path<String>,
) -> Result<StatusCode, WebError> {
    state.app.revoke_token(&who, parse_id(&token)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
