//! What several servers on one database tell one another: which conversation changed and up to
//! where, which initiative was destroyed. Identifiers and counters only, never a record's body;
//! each server reads what changed through the store, sealed, as it reads anything else.

use async_trait::async_trait;
use tracktwo_domain::{InitiativeId, KeyId, Timestamp};

use crate::{Result, SealedRecordRow};

/// A change another server made, or news that some may have been missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreChange {
    /// The conversation's change log reached `position`.
    Conversation { conversation: uuid::Uuid, position: i64 },
    /// The initiative, its records and its data key are gone: no server may keep the key.
    InitiativeDestroyed { initiative: InitiativeId, key: KeyId },
    /// The feed was cut and has reconnected: changes made meanwhile were not heard, so whatever
    /// a server holds in memory may be stale.
    Missed,
}

impl StoreChange {
    /// The text a notification carries: a word and numbers.
    #[must_use]
    pub fn to_payload(&self) -> String {
        match self {
            Self::Conversation { conversation, position } => format!("conversation {conversation} {position}"),
            Self::InitiativeDestroyed { initiative, key } => format!("initiative-destroyed {initiative} {key}"),
            Self::Missed => "missed".to_owned(),
        }
    }

    /// Reads a notification's text; `None` for one this build does not know.
    #[must_use]
    pub fn from_payload(payload: &str) -> Option<Self> {
        let mut words = payload.split(' ');
        let change = match words.next()? {
            "conversation" => Self::Conversation {
                conversation: uuid::Uuid::try_parse(words.next()?).ok()?,
                position: words.next()?.parse().ok()?,
            },
            "initiative-destroyed" => {
                Self::InitiativeDestroyed { initiative: words.next()?.parse().ok()?, key: words.next()?.parse().ok()? }
            }
            "missed" => Self::Missed,
            _ => return None,
        };
        words.next().is_none().then_some(change)
    }
}

/// The changes other servers make, as they commit.
#[async_trait]
pub trait ChangeFeed: Send {
    /// The next change; waits for one. An error means the feed cannot go on.
    async fn next(&mut self) -> Result<StoreChange>;
}

/// One entry of a conversation's change log: a record added or replaced, as it stands now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationChange {
    pub position: i64,
    pub record: SealedRecordRow,
}

/// The sign-in failures counted under one key (a keyed hash of an account and an origin, or of
/// an origin), shared by every server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInFailuresRow {
    pub key: [u8; 32],
    pub failures: i64,
    pub last_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_carry_no_more_than_identifiers() {
        let conversation = uuid::Uuid::from_u128(7);
        let changes = [
            StoreChange::Conversation { conversation, position: 42 },
            StoreChange::InitiativeDestroyed {
                initiative: InitiativeId::from_uuid(uuid::Uuid::from_u128(9)),
                key: KeyId::from_uuid(uuid::Uuid::from_u128(11)),
            },
            StoreChange::Missed,
        ];
        for change in changes {
            assert_eq!(StoreChange::from_payload(&change.to_payload()), Some(change));
        }
        assert_eq!(StoreChange::from_payload("conversation 00000000-0000-0000-0000-000000000007"), None);
        assert_eq!(StoreChange::from_payload("conversation 00000000-0000-0000-0000-000000000007 1 x"), None);
        assert_eq!(StoreChange::from_payload("something else"), None);
    }
}
