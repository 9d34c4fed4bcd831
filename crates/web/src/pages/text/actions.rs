//! The forms of a text's page: a new version (the whole draft as plain lines), a comment, a
//! suggested wording, the facilitator's answer to a suggestion, and a side's sign-off.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use tracktwo_app::AppError;
use tracktwo_domain::negotiating_text::feedback::Outcome;
use tracktwo_domain::negotiating_text::{ClauseId, ContentHash, Language, TextId, plain};
use tracktwo_domain::{Operation, SuggestionId};

use super::pen::refused_draft;
use super::{parse_scope, text_path};
use crate::PageResult;
use crate::extract::{CsrfForm, ItemPath, parse_id};
use crate::forms::{Pairs, field, invalid};
use crate::pages::layout::layout_page;
use crate::refusals::Refusal;

fn clause(fields: &Pairs) -> Result<ClauseId, AppError> {
    field(fields, "clause").parse().map_err(AppError::Invalid)
}

/// Commits the draft sent as plain lines. A draft that cannot be read comes back with the error
/// and its lines, so nothing typed is lost.
pub async fn commit_version(
    CsrfForm(state, user, ItemPath(id, text), fields): CsrfForm<Pairs, ItemPath<TextId>>,
) -> PageResult {
    // Refused before anything is read: only the pen may write a version.
    state.app.permissions(&user.identity, id, Operation::DraftText).await?;
    let tag = match field(&fields, "new_language").trim() {
        "" => field(&fields, "language"),
        other => other,
    };
    let language = Language::parse(tag).map_err(AppError::Invalid)?;
    let sent = field(&fields, "draft");
    // The newest authoritative version: new clauses are numbered above its own, and a
    // translation's clauses are linked to it.
    let source = match state.app.text(&user.identity, id, text, None, None).await {
        Ok(view) => Some((view.version.draft, view.text.authoritative)),
        Err(AppError::TextRefused(_)) => None,
        Err(other) => return Err(other.into()),
    };
    let refuse = |error: Refusal| {
        let written = source.is_some();
        let body = refused_draft(user.locale, (id, text, written), &user.csrf(), &error, sent, language.as_str());
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            layout_page(&tracktwo_i18n::text(user.locale, "text-the-draft-was-not"), &user, body),
        )
            .into_response()
    };
    let mut draft = match plain::parse(sent, source.as_ref().map(|(draft, _)| draft)) {
        Ok(draft) => draft,
        Err(error) => return Ok(refuse(Refusal::of_plain(&error))),
    };
    if let Some((source, authoritative)) = &source
        && language != *authoritative
    {
        plain::link_to_source(&mut draft, source);
    }
    match state.app.commit_version(&user.identity, id, text, language.clone(), draft).await {
        Ok(summary) => {
            let query = format!("?version={}", summary.number);
            Ok(Redirect::to(&format!("{}{query}", text_path(id, text))).into_response())
        }
        Err(refused @ AppError::TextRefused(_)) => Ok(refuse(Refusal::of(&refused))),
        Err(other) => Err(other.into()),
    }
}

pub async fn comment(
    CsrfForm(state, user, ItemPath(id, text), fields): CsrfForm<Pairs, ItemPath<TextId>>,
) -> PageResult {
    let clause = clause(&fields)?;
    let reply_to = match field(&fields, "reply_to").trim() {
        "" => None,
        reply => Some(parse_id(reply).map_err(|_| invalid("reply", "is not a comment"))?),
    };
    let scope = parse_scope(field(&fields, "scope"))?;
    state
        .app
        .comment_on_text(&user.identity, id, text, clause, scope, field(&fields, "body").trim().to_owned(), reply_to)
        .await?;
    Ok(Redirect::to(&format!("{}#{clause}", text_path(id, text))).into_response())
}

pub async fn suggest(
    CsrfForm(state, user, ItemPath(id, text), fields): CsrfForm<Pairs, ItemPath<TextId>>,
) -> PageResult {
    let clause = clause(&fields)?;
    let scope = parse_scope(field(&fields, "scope"))?;
    let wording = field(&fields, "wording").trim().to_owned();
    let rationale = field(&fields, "rationale").trim().to_owned();
    state.app.suggest_wording(&user.identity, id, text, clause, scope, wording, rationale).await?;
    Ok(Redirect::to(&format!("{}#{clause}", text_path(id, text))).into_response())
}

pub async fn answer(
    CsrfForm(state, user, ItemPath(id, text), fields): CsrfForm<Pairs, ItemPath<TextId>>,
) -> PageResult {
    let suggestion: SuggestionId = parse_id(field(&fields, "suggestion"))?;
    let outcome = Outcome::parse(field(&fields, "outcome")).map_err(AppError::Invalid)?;
    let reason = field(&fields, "reason").trim().to_owned();
    state.app.answer_suggestion(&user.identity, id, text, suggestion, outcome, reason).await?;
    Ok(Redirect::to(&format!("{}#suggestion-{suggestion}", text_path(id, text))).into_response())
}

pub async fn sign_off(
    CsrfForm(state, user, ItemPath(id, text), fields): CsrfForm<Pairs, ItemPath<TextId>>,
) -> PageResult {
    let version: u32 =
        field(&fields, "version").trim().parse().map_err(|_| invalid("version", "must be a version number"))?;
    let hash = ContentHash::from_hex(field(&fields, "hash").trim()).ok_or(invalid("hash", "is not a content hash"))?;
    state.app.sign_off_text(&user.identity, id, text, version, hash).await?;
    Ok(Redirect::to(&text_path(id, text)).into_response())
}
