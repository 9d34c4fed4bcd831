//! The records a Track Two team keeps. Plain data in plaintext form: they exist in this shape
//! only in memory, between the sealing layer and the people entitled to read them.

use crate::Timestamp;
use crate::access::Scope;
use crate::ids::{DocumentId, InitiativeId, NoteId, PersonId, SideId, UserId};

/// Why an input was refused. Messages name the field, never its content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    #[error("{field} must not be empty")]
    Empty { field: &'static str },
    #[error("{field} is longer than {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error("{field} must be at least {min} characters")]
    TooShort { field: &'static str, min: usize },
    #[error("{field} contains control characters")]
    ControlCharacters { field: &'static str },
    #[error("`{value}` is not a known {field}")]
    UnknownValue { field: &'static str, value: String },
    #[error("{field} {reason}")]
    Invalid { field: &'static str, reason: &'static str },
}

const SHORT_TEXT_MAX: usize = 300;
const LONG_TEXT_MAX: usize = 1_000_000;

pub(crate) fn required_line(field: &'static str, value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        return Err(ValidationError::Empty { field });
    }
    optional_line(field, value)
}

pub(crate) fn optional_line(field: &'static str, value: &str) -> Result<(), ValidationError> {
    if value.chars().count() > SHORT_TEXT_MAX {
        return Err(ValidationError::TooLong { field, max: SHORT_TEXT_MAX });
    }
    if value.chars().any(char::is_control) {
        return Err(ValidationError::ControlCharacters { field });
    }
    Ok(())
}

/// A line that may be required: at most 300 characters, no control character.
pub(crate) fn line(field: &'static str, value: &str, required: bool) -> Result<(), ValidationError> {
    if required { required_line(field, value) } else { optional_line(field, value) }
}

/// Free text of at most `max` characters that may run over several lines: tabs and line breaks,
/// no other control character.
pub(crate) fn paragraphs(field: &'static str, value: &str, required: bool, max: usize) -> Result<(), ValidationError> {
    if required && value.trim().is_empty() {
        return Err(ValidationError::Empty { field });
    }
    if value.chars().count() > max {
        return Err(ValidationError::TooLong { field, max });
    }
    if value.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Err(ValidationError::ControlCharacters { field });
    }
    Ok(())
}

pub(crate) fn long_text(field: &'static str, value: &str, required: bool) -> Result<(), ValidationError> {
    if required && value.trim().is_empty() {
        return Err(ValidationError::Empty { field });
    }
    if value.chars().count() > LONG_TEXT_MAX {
        return Err(ValidationError::TooLong { field, max: LONG_TEXT_MAX });
    }
    Ok(())
}

/// An account. The username and display name are sensitive: a list of who works for a convening
/// organisation is itself a target.
#[derive(Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub is_admin: bool,
    pub disabled: bool,
    /// Whether sign-in needs a second factor (a TOTP code or a recovery code).
    pub second_factor: bool,
    pub created_at: Timestamp,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("is_admin", &self.is_admin)
            .field("disabled", &self.disabled)
            .finish_non_exhaustive()
    }
}

#[derive(Clone)]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub is_admin: bool,
}

impl NewUser {
    /// Usernames compare case-insensitively and without surrounding spaces.
    #[must_use]
    pub fn normalised_username(username: &str) -> String {
        username.trim().to_lowercase()
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        required_line("username", &self.username)?;
        if self.username.trim().chars().any(char::is_whitespace) {
            return Err(ValidationError::ControlCharacters { field: "username" });
        }
        optional_line("display name", &self.display_name)
    }
}

/// Password rules: long enough to resist guessing (NIST SP 800-63B asks for at least 8; a
/// convening organisation's accounts guard more than most, so 12), short enough to hash.
pub fn validate_password(password: &str) -> Result<(), ValidationError> {
    const MIN: usize = 12;
    const MAX: usize = 1024;
    let length = password.chars().count();
    if length < MIN {
        return Err(ValidationError::TooShort { field: "password", min: MIN });
    }
    if length > MAX {
        return Err(ValidationError::TooLong { field: "password", max: MAX });
    }
    Ok(())
}

/// An initiative: one Track Two (or Track 1.5) process. It is also the compartment: everything
/// recorded under it is sealed with its own data key, and destroying it destroys that key.
#[derive(Clone, PartialEq, Eq)]
pub struct Initiative {
    pub id: InitiativeId,
    pub title: String,
    pub description: String,
    /// To anyone outside it, a secret channel does not exist: not in lists, counts or errors.
    pub secret_channel: bool,
    pub created_at: Timestamp,
}

impl std::fmt::Debug for Initiative {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Initiative").field("id", &self.id).finish_non_exhaustive()
    }
}

#[derive(Clone)]
pub struct NewInitiative {
    pub title: String,
    pub description: String,
    pub secret_channel: bool,
}

impl NewInitiative {
    pub fn validate(&self) -> Result<(), ValidationError> {
        required_line("title", &self.title)?;
        long_text("description", &self.description, false)
    }
}

/// A role within one initiative. Issue-level detail (sides, caucus spaces) builds on this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MemberRole {
    Convener,
    Facilitator,
    Rapporteur,
    Participant,
    Official,
    Funder,
    Evaluator,
    Observer,
    /// The team's logistics and security officer: invitations, travel, visas, duty of care.
    /// Keeps the participant registry; does not read the dialogue's record.
    Operations,
}

impl MemberRole {
    pub const ALL: [MemberRole; 9] = [
        MemberRole::Convener,
        MemberRole::Facilitator,
        MemberRole::Rapporteur,
        MemberRole::Operations,
        MemberRole::Participant,
        MemberRole::Official,
        MemberRole::Funder,
        MemberRole::Evaluator,
        MemberRole::Observer,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            MemberRole::Convener => "convener",
            MemberRole::Facilitator => "facilitator",
            MemberRole::Rapporteur => "rapporteur",
            MemberRole::Participant => "participant",
            MemberRole::Official => "official",
            MemberRole::Funder => "funder",
            MemberRole::Evaluator => "evaluator",
            MemberRole::Observer => "observer",
            MemberRole::Operations => "operations",
        }
    }

    pub fn parse(value: &str) -> Result<Self, ValidationError> {
        Self::ALL
            .into_iter()
            .find(|role| role.as_str() == value)
            .ok_or_else(|| ValidationError::UnknownValue { field: "role", value: value.to_owned() })
    }

    /// The convening team: those who keep the record of the process.
    #[must_use]
    pub fn is_team(self) -> bool {
        matches!(self, MemberRole::Convener | MemberRole::Facilitator | MemberRole::Rapporteur)
    }
}

impl serde::Serialize for MemberRole {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for MemberRole {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        MemberRole::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Membership {
    pub initiative: InitiativeId,
    pub user: UserId,
    pub role: MemberRole,
    /// The side a participant belongs to; others may be attached to a side too (an official of
    /// one party), or to none.
    pub side: Option<SideId>,
}

impl Membership {
    /// A participant speaks for a side; without one the membership makes no sense.
    pub fn validate(role: MemberRole, side: Option<SideId>) -> Result<(), ValidationError> {
        if role == MemberRole::Participant && side.is_none() {
            return Err(ValidationError::Empty { field: "side of a participant" });
        }
        Ok(())
    }
}

/// A side of the conflict taking part in an initiative: a delegation, with its own caucus space.
#[derive(Clone, PartialEq, Eq)]
pub struct Side {
    pub id: SideId,
    pub initiative: InitiativeId,
    pub name: String,
    pub created_at: Timestamp,
}

impl std::fmt::Debug for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Side").field("id", &self.id).field("initiative", &self.initiative).finish_non_exhaustive()
    }
}

#[derive(Clone)]
pub struct NewSide {
    pub name: String,
}

impl NewSide {
    pub fn validate(&self) -> Result<(), ValidationError> {
        required_line("side name", &self.name)
    }
}

/// A person on an initiative's roster. Every field but the id is sensitive: a leaked name can end
/// a channel or endanger the person.
#[derive(Clone, PartialEq, Eq)]
pub struct Person {
    pub id: PersonId,
    pub initiative: InitiativeId,
    pub name: String,
    /// Position or title, such as "former deputy foreign minister".
    pub title: String,
    pub contact: String,
    pub notes: String,
    pub created_at: Timestamp,
}

impl std::fmt::Debug for Person {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Person").field("id", &self.id).field("initiative", &self.initiative).finish_non_exhaustive()
    }
}

#[derive(Clone)]
pub struct NewPerson {
    pub name: String,
    pub title: String,
    pub contact: String,
    pub notes: String,
}

impl NewPerson {
    pub fn validate(&self) -> Result<(), ValidationError> {
        required_line("name", &self.name)?;
        optional_line("title", &self.title)?;
        long_text("contact details", &self.contact, false)?;
        long_text("notes", &self.notes, false)
    }
}

/// A note or statement recorded by the team.
#[derive(Clone, PartialEq, Eq)]
pub struct Note {
    pub id: NoteId,
    pub initiative: InitiativeId,
    /// Plenary, or one side's caucus.
    pub scope: Scope,
    pub author: Option<crate::ids::UserId>,
    pub body: String,
    pub created_at: Timestamp,
}

impl std::fmt::Debug for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Note").field("id", &self.id).field("initiative", &self.initiative).finish_non_exhaustive()
    }
}

#[derive(Clone)]
pub struct NewNote {
    pub scope: Scope,
    pub body: String,
}

impl NewNote {
    pub fn validate(&self) -> Result<(), ValidationError> {
        long_text("body", &self.body, true)
    }
}

/// A document kept with an initiative: a draft, a memorandum, a non-paper.
#[derive(Clone, PartialEq, Eq)]
pub struct Document {
    pub id: DocumentId,
    pub initiative: InitiativeId,
    pub title: String,
    pub body: String,
    pub created_at: Timestamp,
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document").field("id", &self.id).field("initiative", &self.initiative).finish_non_exhaustive()
    }
}

#[derive(Clone)]
pub struct NewDocument {
    pub title: String,
    pub body: String,
}

impl NewDocument {
    pub fn validate(&self) -> Result<(), ValidationError> {
        required_line("title", &self.title)?;
        long_text("body", &self.body, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_names_the_field_and_never_the_content() {
        let err = NewPerson {
            name: "Secret\u{7}Name".into(),
            title: String::new(),
            contact: String::new(),
            notes: String::new(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.to_string(), "name contains control characters");
        assert!(!err.to_string().contains("Secret"));
        assert_eq!(
            NewNote { scope: crate::access::Scope::Plenary, body: "  ".into() }.validate().unwrap_err(),
            ValidationError::Empty { field: "body" }
        );
    }

    #[test]
    fn roles_parse_from_their_names() {
        for role in MemberRole::ALL {
            assert_eq!(MemberRole::parse(role.as_str()).unwrap(), role);
        }
        assert!(MemberRole::parse("manager").is_err());
    }

    #[test]
    fn debug_output_never_shows_sensitive_fields() {
        let person = Person {
            id: PersonId::from_random_bytes([1; 16]),
            initiative: InitiativeId::from_random_bytes([2; 16]),
            name: "CANARY-NAME".into(),
            title: "CANARY-TITLE".into(),
            contact: "CANARY-CONTACT".into(),
            notes: "CANARY-NOTES".into(),
            created_at: time::OffsetDateTime::UNIX_EPOCH,
        };
        assert!(!format!("{person:?}").contains("CANARY"));
    }
}
