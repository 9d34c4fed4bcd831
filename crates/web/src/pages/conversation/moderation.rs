//! The team's statements and moderation, and closing a conversation.

use std::sync::Arc;

use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use tracktwo_app::AppError;
use tracktwo_domain::ConversationId;
use tracktwo_domain::conversation::StatementStatus;

use super::conversation_path;
use crate::extract::{ConversationItemPath, CsrfForm, ItemPath};
use crate::forms::{Pairs, field};
use crate::{PageResult, WebState};

pub async fn add_statement(
    State(state): State<Arc<WebState>>,
    CsrfForm { user, path: ItemPath(id, conversation), form: fields }: CsrfForm<Pairs, ItemPath<ConversationId>>,
) -> PageResult {
    state.app.add_statement(&user.identity, id, conversation, field(&fields, "text")).await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}

pub async fn moderate_statement(
    State(state): State<Arc<WebState>>,
    CsrfForm { user, path: ConversationItemPath(id, conversation, number), form: fields }: CsrfForm<
        Pairs,
        ConversationItemPath<u32>,
    >,
) -> PageResult {
    let status = StatementStatus::parse(field(&fields, "status")).map_err(AppError::Invalid)?;
    let meta = field(&fields, "meta") == "yes";
    state.app.moderate_statement(&user.identity, id, conversation, number, status, meta).await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}

pub async fn set_closed(
    State(state): State<Arc<WebState>>,
    CsrfForm { user, path: ItemPath(id, conversation), form: fields }: CsrfForm<Pairs, ItemPath<ConversationId>>,
) -> PageResult {
    state.app.set_conversation_closed(&user.identity, id, conversation, field(&fields, "closed") == "yes").await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}
