//! The negotiating texts of an initiative, and one version of a text as the caller may read it:
//! its clauses, the comments and suggestions the caller may see (a voice is a side or the team,
//! never a person), where the package stands.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use tracktwo_app::AppError;
use tracktwo_app::negotiating_text::{TextListing, TextView};
use tracktwo_domain::negotiating_text::agreement::Agreement;
use tracktwo_domain::negotiating_text::feedback::Voice;
use tracktwo_domain::negotiating_text::{
    Body, ClauseId, Figures, Language, Replaces, TextId, VersionSummary, notation,
};
use tracktwo_domain::{Scope, SideId, SuggestionId, TextCommentId};

use super::Caller;
use crate::extract::parse_id;
use crate::{WebError, WebState};

#[derive(Serialize)]
pub(crate) struct Status {
    /// `none`, `open`, `awaiting-sign-off` or `agreed`.
    state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    signed: Vec<SideId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    missing: Vec<SideId>,
}

impl From<&Agreement> for Status {
    fn from(a: &Agreement) -> Self {
        let (state, version, signed, missing) = match a {
            Agreement::NoVersion => ("none", None, Vec::new(), Vec::new()),
            Agreement::Open { version, .. } => ("open", Some(*version), Vec::new(), Vec::new()),
            Agreement::AwaitingSignOff { version, signed, missing } => (
                "awaiting-sign-off",
                Some(*version),
                signed.iter().copied().collect(),
                missing.iter().copied().collect(),
            ),
            Agreement::Agreed { version, .. } => ("agreed", Some(*version), Vec::new(), Vec::new()),
        };
        Self { state, version, signed, missing }
    }
}

#[derive(Serialize)]
pub(crate) struct VersionLine {
    number: u32,
    language: String,
    hash: String,
    #[serde(with = "time::serde::rfc3339")]
    committed_at: tracktwo_domain::Timestamp,
    #[serde(skip_serializing_if = "Option::is_none")]
    renders_version: Option<u32>,
    figures: Figures,
}

impl From<&VersionSummary> for VersionLine {
    fn from(v: &VersionSummary) -> Self {
        Self {
            number: v.number,
            language: v.language.as_str().to_owned(),
            hash: v.hash.to_hex(),
            committed_at: v.committed_at,
            renders_version: v.renders_version,
            figures: v.figures,
        }
    }
}

#[derive(Serialize)]
pub(crate) struct TextLine {
    id: TextId,
    title: String,
    versions: usize,
    translations: usize,
    languages: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    latest: Option<VersionLine>,
    status: Status,
}

impl From<TextListing> for TextLine {
    fn from(t: TextListing) -> Self {
        Self {
            id: t.id,
            title: t.title,
            versions: t.versions,
            translations: t.translations,
            languages: t.languages.iter().map(|l| l.as_str().to_owned()).collect(),
            latest: t.latest.as_ref().map(VersionLine::from),
            status: Status::from(&t.agreement),
        }
    }
}

pub(crate) async fn list_texts(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
    Path(initiative): Path<String>,
) -> Result<Json<Vec<TextLine>>, WebError> {
    let texts = state.app.texts(&who, parse_id(&initiative)?).await?;
    Ok(Json(texts.into_iter().map(TextLine::from).collect()))
}

#[derive(Serialize)]
struct AlternativeView {
    label: String,
    text: String,
    /// The words it would replace; absent for the whole clause.
    #[serde(skip_serializing_if = "Option::is_none")]
    replaces: Option<String>,
}

#[derive(Serialize)]
struct ClauseView {
    id: String,
    part: String,
    heading: String,
    standing: &'static str,
    /// The words in the bracket notation; absent for a clause of alternatives.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    alternatives: Vec<AlternativeView>,
    brackets: usize,
    out_of_date: bool,
}

/// A voice as the API shows it: a side's id, or `team`.
fn voice(v: Voice) -> String {
    match v {
        Voice::Side(side) => side.to_string(),
        Voice::Team => "team".to_owned(),
    }
}

fn scope(s: Scope) -> String {
    match s {
        Scope::Plenary => "plenary".to_owned(),
        Scope::Caucus(side) => side.to_string(),
    }
}

#[derive(Serialize)]
struct CommentView {
    id: TextCommentId,
    clause: String,
    version: u32,
    scope: String,
    voice: String,
    body: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    reply_to: Option<TextCommentId>,
}

#[derive(Serialize)]
struct SuggestionView {
    id: SuggestionId,
    clause: String,
    version: u32,
    scope: String,
    voice: String,
    wording: String,
    rationale: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct TextDocument {
    id: TextId,
    title: String,
    authoritative: String,
    version: VersionLine,
    preamble: String,
    clauses: Vec<ClauseView>,
    comments: Vec<CommentView>,
    suggestions: Vec<SuggestionView>,
    status: Status,
    versions: Vec<VersionLine>,
}

impl From<TextView> for TextDocument {
    fn from(view: TextView) -> Self {
        let draft = &view.version.draft;
        let clauses = draft
            .parts
            .iter()
            .flat_map(|part| part.clauses.iter().map(move |c| (part.id, c)))
            .map(|(part, c)| {
                let (text, alternatives) = match &c.body {
                    Body::Text(spans) => (Some(notation(spans)), Vec::new()),
                    Body::Alternatives(list) => (
                        None,
                        list.iter()
                            .map(|a| AlternativeView {
                                label: a.label.clone(),
                                text: notation(&a.text),
                                replaces: match &a.replaces {
                                    Replaces::WholeClause => None,
                                    Replaces::Words(w) => Some(w.clone()),
                                },
                            })
                            .collect(),
                    ),
                };
                ClauseView {
                    id: c.id.to_string(),
                    part: part.to_string(),
                    heading: c.heading.clone(),
                    standing: c.standing().as_str(),
                    text,
                    alternatives,
                    brackets: c.brackets(),
                    out_of_date: view.version.out_of_date.contains(&c.id),
                }
            })
            .collect();
        let clause_name = |id: ClauseId| id.to_string();
        Self {
            id: view.id,
            title: view.text.title.clone(),
            authoritative: view.text.authoritative.as_str().to_owned(),
            version: VersionLine::from(&view.version.summary),
            preamble: draft.preamble.clone(),
            clauses,
            comments: view
                .comments
                .iter()
                .map(|(id, c)| CommentView {
                    id: *id,
                    clause: clause_name(c.clause),
                    version: c.version,
                    scope: scope(c.scope),
                    voice: voice(c.voice),
                    body: c.body.clone(),
                    reply_to: c.reply_to,
                })
                .collect(),
            suggestions: view
                .suggestions
                .iter()
                .map(|(id, s)| SuggestionView {
                    id: *id,
                    clause: clause_name(s.clause),
                    version: s.version,
                    scope: scope(s.scope),
                    voice: voice(s.voice),
                    wording: s.wording.clone(),
                    rationale: s.rationale.clone(),
                    outcome: s.answer.as_ref().map(|a| a.outcome.as_str()),
                    reason: s.answer.as_ref().map(|a| a.reason.clone()),
                })
                .collect(),
            status: Status::from(&view.agreement),
            versions: view.text.versions.iter().map(VersionLine::from).collect(),
        }
    }
}

/// `?version=N&lang=ar`.
#[derive(Deserialize)]
pub(crate) struct TextQuery {
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

pub(crate) async fn show_text(
    State(state): State<Arc<WebState>>,
    Caller(who): Caller,
    Path((initiative, text)): Path<(String, String)>,
    Query(query): Query<TextQuery>,
) -> Result<Json<TextDocument>, WebError> {
    let (initiative, text) = (parse_id(&initiative)?, parse_id(&text)?);
    let version = match query.version.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(n) => Some(n.parse::<u32>().map_err(|_| {
            AppError::Invalid(tracktwo_domain::ValidationError::Invalid {
                field: "version",
                reason: "must be a version number",
            })
        })?),
    };
    let language = match query.lang.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(tag) => Some(Language::parse(tag).map_err(AppError::Invalid)?),
    };
    let view = state.app.text(&who, initiative, text, version, language).await?;
    Ok(Json(view.into()))
}
