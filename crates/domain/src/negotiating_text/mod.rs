//! The single negotiating text ("one-text"): a draft only the facilitator writes, through
//! numbered, immutable versions, while the sides comment, suggest and finally say yes or no to
//! the whole package. Nothing is agreed until everything is agreed: the text is agreed only when
//! no bracket or alternative is left and every side has signed off the same version's hash.

pub mod agreement;
pub mod compare;
pub mod draft;
pub mod feedback;
mod hash;
pub mod plain;

use std::collections::BTreeSet;

pub use agreement::{Agreement, SignOff, agreement};
pub use draft::{
    Alternative, Body, Clause, ClauseId, ClauseStanding, Draft, DraftError, Figures, NotationError, Part, PartId,
    Renders, Replaces, Span, notation, parse_notation,
};
pub use hash::{ContentHash, clause_hash, draft_hash};

use crate::Timestamp;
use crate::dialogue::ConfidentialityMode;
pub use crate::ids::TextId;
use crate::ids::{InitiativeId, OptionId, RoundId, SideId, UserId};
use crate::records::{ValidationError, required_line};

/// A language of a text, by its BCP 47 tag ("en", "ar", "ru").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct Language(String);

impl Language {
    pub fn parse(tag: &str) -> Result<Self, ValidationError> {
        let tag = tag.trim();
        let valid = !tag.is_empty()
            && tag.len() <= 35
            && tag
                .split('-')
                .all(|sub| !sub.is_empty() && sub.len() <= 8 && sub.chars().all(|c| c.is_ascii_alphanumeric()))
            && tag.split('-').next().is_some_and(|primary| {
                (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic())
            });
        if valid {
            Ok(Self(tag.to_ascii_lowercase()))
        } else {
            Err(ValidationError::Invalid { field: "language", reason: "is not a language tag such as en, ar or fr-CA" })
        }
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Languages written right to left, by their primary subtag.
    #[must_use]
    pub fn is_right_to_left(&self) -> bool {
        let primary = self.0.split('-').next().unwrap_or_default();
        matches!(primary, "ar" | "he" | "fa" | "ur" | "ps" | "yi" | "dv" | "ku" | "sd" | "ug")
    }
}

/// One committed version: its number, language, who committed it and when, and the hash of its
/// content. The body itself is kept apart (see [`Draft`]), so listing a text's history reads
/// only these.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct VersionSummary {
    pub number: u32,
    pub language: Language,
    pub hash: ContentHash,
    pub committed_at: Timestamp,
    /// The facilitator or convener; none for the key holder at the command line.
    pub committed_by: Option<UserId>,
    /// The authoritative version a translation renders.
    pub renders_version: Option<u32>,
    pub figures: Figures,
}

/// A negotiating text of an initiative.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NegotiatingText {
    pub initiative: InitiativeId,
    pub title: String,
    pub round: Option<RoundId>,
    /// Who may see what of its comments and how suggestions are credited.
    pub mode: ConfidentialityMode,
    /// The language whose versions are the text; others are translations.
    pub authoritative: Language,
    /// The sides whose yes the package needs.
    pub sides: BTreeSet<SideId>,
    /// Who may say yes for each side.
    pub signatories: BTreeSet<(SideId, UserId)>,
    /// Versions in order of commitment.
    pub versions: Vec<VersionSummary>,
    /// Options of the register drafted into clauses.
    pub drafted_options: Vec<(OptionId, ClauseId)>,
}

impl std::fmt::Debug for NegotiatingText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NegotiatingText").field("versions", &self.versions.len()).finish_non_exhaustive()
    }
}

impl NegotiatingText {
    pub fn validate(&self) -> Result<(), ValidationError> {
        required_line("text title", &self.title)?;
        for (side, _) in &self.signatories {
            if !self.sides.contains(side) {
                return Err(ValidationError::Invalid {
                    field: "signatory",
                    reason: "speaks for a side the text does not need",
                });
            }
        }
        Ok(())
    }

    /// The newest version in the authoritative language: the package the sides sign.
    #[must_use]
    pub fn latest(&self) -> Option<&VersionSummary> {
        self.versions.iter().rev().find(|v| v.language == self.authoritative)
    }

    /// The newest version in `language`.
    #[must_use]
    pub fn latest_in(&self, language: &Language) -> Option<&VersionSummary> {
        self.versions.iter().rev().find(|v| &v.language == language)
    }

    #[must_use]
    pub fn version(&self, number: u32) -> Option<&VersionSummary> {
        self.versions.iter().find(|v| v.number == number)
    }

    #[must_use]
    pub fn languages(&self) -> BTreeSet<&Language> {
        self.versions.iter().map(|v| &v.language).collect()
    }

    /// The number the next version gets.
    #[must_use]
    pub fn next_number(&self) -> u32 {
        self.versions.last().map_or(1, |v| v.number + 1)
    }

    /// Whether `user` may say yes for `side`.
    #[must_use]
    pub fn may_sign_for(&self, user: UserId, side: SideId) -> bool {
        self.signatories.contains(&(side, user))
    }
}

/// Why a version could not be committed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommitError {
    #[error(transparent)]
    Draft(#[from] DraftError),
    #[error("a translation needs an authoritative version to render first")]
    NothingToTranslate,
    #[error("clause {0} of the translation renders no clause of the authoritative text")]
    UnknownSource(ClauseId),
    #[error("this version changes nothing since version {0}")]
    Unchanged(u32),
}

impl NegotiatingText {
    /// Checks a new version and returns its summary; the caller stores the draft beside it.
    /// A translation's clauses carry the same identifiers as the clauses they render.
    pub fn commit(
        &self,
        draft: &Draft,
        language: Language,
        committed_by: Option<UserId>,
        committed_at: Timestamp,
        authoritative_draft: Option<&Draft>,
    ) -> Result<VersionSummary, CommitError> {
        draft.validate()?;
        let hash = draft_hash(draft);
        if let Some(previous) = self.latest_in(&language)
            && previous.hash == hash
        {
            return Err(CommitError::Unchanged(previous.number));
        }
        let renders_version = if language == self.authoritative {
            None
        } else {
            let (Some(source), Some(source_draft)) = (self.latest(), authoritative_draft) else {
                return Err(CommitError::NothingToTranslate);
            };
            if let Some(stray) = draft.clauses().find(|c| source_draft.clause(c.id).is_none()) {
                return Err(CommitError::UnknownSource(stray.id));
            }
            Some(source.number)
        };
        Ok(VersionSummary {
            number: self.next_number(),
            language,
            hash,
            committed_at,
            committed_by,
            renders_version,
            figures: draft.figures(),
        })
    }
}

/// A translated clause is out of date when the source clause it rendered has changed since.
#[must_use]
pub fn out_of_date_translations(source: &Draft, translation: &Draft) -> Vec<ClauseId> {
    translation
        .clauses()
        .filter(|clause| {
            let current = source.clause(clause.id).map(clause_hash);
            clause.renders.map(|r| r.source) != current
        })
        .map(|c| c.id)
        .collect()
}
