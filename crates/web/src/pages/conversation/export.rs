//! A conversation's export in the Pol.is format.

use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use tracktwo_app::AppError;

use crate::PageResult;
use crate::extract::{ConversationItemPath, Visit};

pub async fn export_file(
    Visit(state, user, ConversationItemPath(id, conversation, file)): Visit<ConversationItemPath<String>>,
) -> PageResult {
    if !tracktwo_app::polis_format::EXPORT_FILES.contains(&file.as_str()) {
        return Err(AppError::NotFound.into());
    }
    let export = state.app.export_conversation(&user.identity, id, conversation).await?;
    let body = tracktwo_app::polis_format::write_export_file(&export, &file)
        .map_err(|e| AppError::Archive(tracktwo_app::ArchiveError::CannotWrite(e)))?;
    let disposition = format!("attachment; filename=\"{file}\"");
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
            (header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).map_err(|_| AppError::NotFound)?),
        ],
        body,
    )
        .into_response())
}
