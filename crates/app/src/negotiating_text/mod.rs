//! The single negotiating text: its records, and the use cases of drafting it (the facilitator's
//! and convener's), commenting on it (the sides'), signing it off, and reading it.
//!
//! Every record is sealed with the initiative's key: the text itself with the summaries of its
//! versions, each version's body (kept apart, so the history is listed without opening every
//! body), and each comment, suggested wording and sign-off under the text.

mod drafting;
mod export;
mod feedback;
mod reading;
mod signing;

use std::collections::BTreeMap;

use tracktwo_domain::negotiating_text::agreement::SignOffError;
use tracktwo_domain::negotiating_text::feedback::{Suggestion, TextComment};
use tracktwo_domain::negotiating_text::{
    ClauseId, CommitError, Draft, DraftError, Language, NegotiatingText, NotationError, SignOff, TextId,
};
use tracktwo_store::WriteTx;

pub use drafting::NewText;
pub use export::TextExport;
pub use reading::{TextHead, TextListing, TextView, VersionView};

use crate::gate::Entered;
use crate::sealed_records::sealable;
use crate::{App, AppError, Result};

/// The stored text: the domain's text, and where each version's body is kept.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct TextRecord {
    #[serde(flatten)]
    pub text: NegotiatingText,
    /// Version number → the record holding its body.
    pub bodies: BTreeMap<u32, uuid::Uuid>,
}

/// One version's body.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct VersionBody {
    pub number: u32,
    pub language: Language,
    pub draft: Draft,
}

sealable!(TextRecord, NegotiatingText, "negotiating_texts");
sealable!(VersionBody, TextVersion, "text_versions");
sealable!(TextComment, TextComment, "text_comments");
sealable!(Suggestion, TextSuggestion, "text_suggestions");
sealable!(SignOff, TextSignOff, "text_sign_offs");

/// Why a drafting step, comment or sign-off was refused. No message holds the text's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextRefusal {
    #[error(transparent)]
    Draft(#[from] DraftError),
    #[error(transparent)]
    Commit(#[from] CommitError),
    #[error(transparent)]
    SignOff(#[from] SignOffError),
    #[error("clause {clause}: {error}")]
    Notation { clause: ClauseId, error: NotationError },
    #[error("the text has no clause {0}")]
    NoSuchClause(ClauseId),
    #[error("the text has no version {0}")]
    NoSuchVersion(u32),
    #[error("the text has no version in that language")]
    NoSuchLanguage,
    #[error("a signatory must be a participant of the side they sign for")]
    SignatoryNotOfSide,
    #[error("only a participant of a side signs off for it")]
    NoSide,
    #[error("a reply answers a comment on the same clause that its reader can see")]
    ReplyElsewhere,
    #[error("that suggestion has already been answered")]
    AlreadyAnswered,
    #[error("the text has no version yet to comment on")]
    NothingToCommentOn,
    #[error(
        "version {version} still has {brackets} brackets and {alternatives} alternatives: a clean copy is of a settled \
         text; write the bracketed copy instead"
    )]
    NotSettled { version: u32, brackets: usize, alternatives: usize },
    #[error("a comparison copy needs the version to compare with")]
    NothingToCompare,
}

impl From<TextRefusal> for AppError {
    fn from(refusal: TextRefusal) -> Self {
        AppError::TextRefused(refusal)
    }
}

impl App {
    /// The text record, or not found.
    pub(crate) async fn load_text(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: tracktwo_domain::InitiativeId,
        id: TextId,
    ) -> Result<(tracktwo_store::SealedRecordRow, TextRecord)> {
        self.load_one::<TextRecord>(tx, entered, initiative, id.as_uuid()).await
    }

    /// One version's body, by number.
    pub(crate) async fn load_version(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: tracktwo_domain::InitiativeId,
        record: &TextRecord,
        number: u32,
    ) -> Result<VersionBody> {
        let id = record.bodies.get(&number).ok_or(TextRefusal::NoSuchVersion(number))?;
        let (_, body) = self.load_one::<VersionBody>(tx, entered, initiative, *id).await?;
        if body.number != number {
            return Err(AppError::Tampered);
        }
        Ok(body)
    }
}
