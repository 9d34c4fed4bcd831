//! The words of the field as types: initiatives, the people and notes that belong to them,
//! the identities that act on them, the audit events they leave, and the policy that decides
//! who may do what.
//!
//! This crate is pure: no I/O, no async, no clock, no randomness. Identifiers and timestamps are
//! made by the caller and handed in, so every rule here can be tested exactly.

#[macro_use]
mod macros;

pub mod access;
pub mod attendee;
pub mod audit;
pub mod campaign;
pub mod conversation;
pub mod dialogue;
pub mod identity;
pub mod ids;
pub mod map;
pub mod measures;
pub mod negotiating_text;
pub mod outcomes;
pub mod questionnaire;
pub mod records;
pub mod redaction;
pub mod report;
pub mod results_framework;
pub mod roster;
pub mod scrub;
pub mod transfer;

pub use access::{Decision, Denied, Operation, Scope, Standing};
pub use audit::{AuditAction, AuditEvent, AuditTarget, TargetKind};
pub use identity::{Channel, Identity, Principal};
pub use ids::{
    ActorId, ConversationId, CopyId, DocumentId, FollowUpId, InitiativeId, InvitationId, KeyId, LogEventId, MeetingId,
    MeetingNoteId, NoteId, OptionId, OutcomeId, PersonId, ReadoutId, ReflectionId, RoundId, SessionId, SideId,
    SnapshotId, StatementId, SuggestionId, TextCommentId, TextId, TieId, TokenId, UserId,
};
pub use ids::{IndicatorId, QuestionnaireId};
pub use records::{
    Document, Initiative, MemberRole, Membership, NewDocument, NewInitiative, NewNote, NewPerson, NewSide, NewUser,
    Note, Person, Side, User, ValidationError, validate_password,
};

/// Instants are UTC and carried as `OffsetDateTime`; the caller supplies them.
pub type Timestamp = time::OffsetDateTime;
