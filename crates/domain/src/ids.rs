//! Identifiers. They are random (made by the caller from injected randomness), carry no meaning,
//! and may be stored and logged in plaintext.

use std::fmt;
use std::str::FromStr;

/// A text that is not a valid identifier of the expected kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a valid identifier")]
pub struct InvalidId(pub String);

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(uuid::Uuid);

        impl $name {
            /// Builds an identifier from 16 random bytes supplied by the caller.
            #[must_use]
            pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
                Self(uuid::Builder::from_random_bytes(bytes).into_uuid())
            }
            /// Wraps an existing UUID (as read back from storage or a fixture).
            #[must_use]
            pub const fn from_uuid(uuid: uuid::Uuid) -> Self {
                Self(uuid)
            }
            #[must_use]
            pub fn as_uuid(&self) -> uuid::Uuid {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0.hyphenated(), f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0.hyphenated())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }

        impl FromStr for $name {
            type Err = InvalidId;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                uuid::Uuid::parse_str(s.trim()).map(Self).map_err(|_| InvalidId(s.to_owned()))
            }
        }
    };
}

id_type!(
    /// An account.
    UserId
);
id_type!(
    /// An initiative: one Track Two process, and the compartment its records are sealed in.
    InitiativeId
);
id_type!(
    /// A person on an initiative's roster (participant, resource person, contact).
    PersonId
);
id_type!(
    /// A note taken by the team: a rapporteur's record or a statement.
    NoteId
);
id_type!(
    /// A document kept with an initiative (draft, memo, non-paper).
    DocumentId
);
id_type!(
    /// A data key in the keyring.
    KeyId
);
id_type!(
    /// A side of the conflict within an initiative (a delegation); its caucus is its own space.
    SideId
);
id_type!(
    /// An actor on the system map: a person or an organisation.
    ActorId
);
id_type!(
    /// A tie between two actors on the system map.
    TieId
);
id_type!(
    /// A named, dated snapshot of the system map ("before the first round").
    SnapshotId
);
id_type!(
    /// A round of a dialogue process.
    RoundId
);
id_type!(
    /// A meeting within a round.
    MeetingId
);
id_type!(
    /// A rapporteur's note of a meeting.
    MeetingNoteId
);
id_type!(
    /// An option in the options register.
    OptionId
);
id_type!(
    /// A follow-up between rounds.
    FollowUpId
);
id_type!(
    /// A readout to Track One (or funders, participants, the public).
    ReadoutId
);
id_type!(
    /// One recipient's copy of a released readout.
    CopyId
);
id_type!(
    /// An event of the transfer log, the coordination log or the official track.
    LogEventId
);
id_type!(
    /// A conversation: statements voted on, for common ground.
    ConversationId
);
id_type!(
    /// A statement of a conversation, as stored (its number is what voters see).
    StatementId
);
id_type!(
    /// An invitation link to a consultation.
    InvitationId
);
id_type!(
    /// A signed-in browser session.
    SessionId
);
id_type!(
    /// A personal access token.
    TokenId
);
id_type!(
    /// A negotiating text (the single negotiating text of a process).
    TextId
);
id_type!(
    /// A comment on a clause of a negotiating text.
    TextCommentId
);
id_type!(
    /// A suggested wording for a clause of a negotiating text.
    SuggestionId
);
id_type!(
    /// A harvested outcome: an observable change in a social actor.
    OutcomeId
);
id_type!(
    /// A reflection on the theory of change.
    ReflectionId
);
id_type!(
    /// A questionnaire of attitude and trust measures for a round.
    QuestionnaireId
);
id_type!(
    /// An indicator of the results framework.
    IndicatorId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_text() {
        let id = NoteId::from_random_bytes([7; 16]);
        let parsed: NoteId = id.to_string().parse().unwrap();
        assert_eq!(id, parsed);
        assert!("not-an-id".parse::<NoteId>().is_err());
    }
}
