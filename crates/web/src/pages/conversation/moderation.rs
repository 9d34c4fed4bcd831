//! The team's statements and moderation, and closing a conversation.

use axum::response::{IntoResponse, Redirect};
use tracktwo_app::AppError;
use tracktwo_domain::ConversationId;
use tracktwo_domain::conversation::StatementStatus;

use super::conversation_path;
use crate::PageResult;
use crate::extract::{ConversationItemPath, CsrfForm, ItemPath};
use crate::forms::{Pairs, field};

/// `/initiatives/{initiative}/conversations/{conversation}/statements/{number}`
type StatementPath = ConversationItemPath<u32>;

pub async fn add_statement(
    CsrfForm(state, user, ItemPath(id, conversation), fields): CsrfForm<Pairs, ItemPath<ConversationId>>,
) -> PageResult {
    state.app.add_statement(&user.identity, id, conversation, field(&fields, "text")).await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}

pub async fn moderate_statement(
    CsrfForm(state, user, ConversationItemPath(id, conversation, number), fields): CsrfForm<Pairs, StatementPath>,
) -> PageResult {
    let status = StatementStatus::parse(field(&fields, "status")).map_err(AppError::Invalid)?;
    let meta = field(&fields, "meta") == "yes";
    state.app.moderate_statement(&user.identity, id, conversation, number, status, meta).await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}

pub async fn set_closed(
    CsrfForm(state, user, ItemPath(id, conversation), fields): CsrfForm<Pairs, ItemPath<ConversationId>>,
) -> PageResult {
    state.app.set_conversation_closed(&user.identity, id, conversation, field(&fields, "closed") == "yes").await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}
