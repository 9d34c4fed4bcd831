//! Sealed records: the dialogue, transfer and conversation records, each kept as one sealed JSON
//! body in the store's `sealed_records`, under its kind and (for children) its parent.
//!
//! Each body is bound to its kind's table name and its record id through the associated data,
//! so a body moved to another record, or read as another kind, does not open.

use serde::Serialize;
use serde::de::DeserializeOwned;
use tracktwo_crypto::DataKey;
use tracktwo_domain::InitiativeId;
use tracktwo_store::{RecordKind, SealedRecordRow, WriteTx};

use crate::gate::Entered;
use crate::sealing::Place;
use crate::{App, AppError, Result};

/// A kind of sealed record and the table name its bodies are sealed under.
pub(crate) trait Sealable: Serialize + DeserializeOwned {
    const KIND: RecordKind;
    const TABLE: &'static str;
}

/// Makes a type a [`Sealable`] record of a kind, sealed under a table name.
macro_rules! sealable {
    ($type:ty, $kind:ident, $table:literal) => {
        impl $crate::sealed_records::Sealable for $type {
            const KIND: tracktwo_store::RecordKind = tracktwo_store::RecordKind::$kind;
            const TABLE: &'static str = $table;
        }
    };
}
pub(crate) use sealable;

fn place<'a>(table: &'static str, id: &'a uuid::Uuid) -> Place<'a> {
    Place { table, column: "body", id }
}

/// The table name each kind of record is sealed under (part of its associated data).
fn table_of(kind: RecordKind) -> &'static str {
    use tracktwo_domain::{conversation, dialogue, transfer};
    match kind {
        RecordKind::ProcessDesign => <crate::dialogue::DesignRecord as Sealable>::TABLE,
        RecordKind::Round => <dialogue::Round as Sealable>::TABLE,
        RecordKind::Meeting => <dialogue::Meeting as Sealable>::TABLE,
        RecordKind::MeetingNote => <dialogue::MeetingNote as Sealable>::TABLE,
        RecordKind::SpeakerKey => <dialogue::SpeakerKey as Sealable>::TABLE,
        RecordKind::DialogueOption => <dialogue::DialogueOption as Sealable>::TABLE,
        RecordKind::FollowUp => <dialogue::FollowUp as Sealable>::TABLE,
        RecordKind::NoteDraft => <crate::dialogue::DraftOf as Sealable>::TABLE,
        RecordKind::Readout => <transfer::Readout as Sealable>::TABLE,
        RecordKind::ReadoutCopy => <transfer::ReadoutCopy as Sealable>::TABLE,
        RecordKind::Transfer => <transfer::TransferEvent as Sealable>::TABLE,
        RecordKind::Coordination => <transfer::CoordinationEvent as Sealable>::TABLE,
        RecordKind::OfficialEvent => <transfer::OfficialEvent as Sealable>::TABLE,
        RecordKind::Conversation => <conversation::Conversation as Sealable>::TABLE,
        RecordKind::ConversationStatement => <conversation::Statement as Sealable>::TABLE,
        RecordKind::Invitation => <conversation::Invitation as Sealable>::TABLE,
        RecordKind::Voter => <conversation::Voter as Sealable>::TABLE,
        RecordKind::ConversationVote => <conversation::CastVote as Sealable>::TABLE,
        RecordKind::NegotiatingText => <crate::negotiating_text::TextRecord as Sealable>::TABLE,
        RecordKind::TextVersion => <crate::negotiating_text::VersionBody as Sealable>::TABLE,
        RecordKind::TextComment => <tracktwo_domain::negotiating_text::feedback::TextComment as Sealable>::TABLE,
        RecordKind::TextSuggestion => <tracktwo_domain::negotiating_text::feedback::Suggestion as Sealable>::TABLE,
        RecordKind::TextSignOff => <tracktwo_domain::negotiating_text::SignOff as Sealable>::TABLE,
        RecordKind::Outcome => <tracktwo_domain::outcomes::Outcome as Sealable>::TABLE,
        RecordKind::Substantiation => <tracktwo_domain::outcomes::Substantiation as Sealable>::TABLE,
        RecordKind::Reflection => <tracktwo_domain::outcomes::Reflection as Sealable>::TABLE,
        RecordKind::Questionnaire => <tracktwo_domain::questionnaire::Questionnaire as Sealable>::TABLE,
        RecordKind::QuestionnaireResponse => <tracktwo_domain::questionnaire::Response as Sealable>::TABLE,
        RecordKind::Indicator => <tracktwo_domain::results_framework::Indicator as Sealable>::TABLE,
    }
}

impl App {
    /// A new record identifier, from the injected entropy.
    pub(crate) fn new_record_id(&self) -> uuid::Uuid {
        uuid::Builder::from_random_bytes(self.random()).into_uuid()
    }

    /// Any sealed record, opened as JSON: for the key holder's complete export.
    pub(crate) fn open_any_record(&self, key: &DataKey, row: &SealedRecordRow) -> Result<serde_json::Value> {
        let bytes = self.open_bytes(key, place(table_of(row.kind), &row.id), &row.body)?;
        serde_json::from_slice(&bytes).map_err(|_| AppError::Tampered)
    }

    pub(crate) fn open_record<T: Sealable>(&self, key: &DataKey, row: &SealedRecordRow) -> Result<T> {
        if row.kind != T::KIND {
            return Err(AppError::NotFound);
        }
        let bytes = self.open_bytes(key, place(T::TABLE, &row.id), &row.body)?;
        serde_json::from_slice(&bytes).map_err(|_| AppError::Tampered)
    }

    pub(crate) fn seal_record<T: Sealable>(
        &self,
        key: &DataKey,
        id: &uuid::Uuid,
        value: &T,
    ) -> Result<tracktwo_store::Sealed> {
        self.seal_json(key, place(T::TABLE, id), value)
    }

    /// A new record's row, sealed and dated now, for the caller to write (alone or in a batch).
    pub(crate) fn sealed_row<T: Sealable>(
        &self,
        key: &DataKey,
        initiative: InitiativeId,
        parent: Option<uuid::Uuid>,
        id: uuid::Uuid,
        value: &T,
    ) -> Result<SealedRecordRow> {
        let now = self.now();
        Ok(SealedRecordRow {
            id,
            initiative,
            kind: T::KIND,
            parent,
            body: self.seal_record(key, &id, value)?,
            created_at: now,
            updated_at: now,
        })
    }

    /// Writes a new record inside `tx`; returns its id.
    pub(crate) async fn insert_record<T: Sealable>(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        parent: Option<uuid::Uuid>,
        value: &T,
    ) -> Result<uuid::Uuid> {
        let id = self.new_record_id();
        tx.insert_sealed_record(&self.sealed_row(&entered.key, initiative, parent, id, value)?).await?;
        Ok(id)
    }

    pub(crate) async fn replace_record<T: Sealable>(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        row: &SealedRecordRow,
        value: &T,
    ) -> Result<()> {
        let body = self.seal_record(&entered.key, &row.id, value)?;
        tx.update_sealed_record(&SealedRecordRow { body, updated_at: self.now(), ..row.clone() }).await?;
        Ok(())
    }

    /// One record of the initiative, of kind `T`; any other is not found.
    pub(crate) async fn load_one<T: Sealable>(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        id: uuid::Uuid,
    ) -> Result<(SealedRecordRow, T)> {
        let row = tx
            .sealed_record(id)
            .await?
            .filter(|r| r.initiative == initiative && r.kind == T::KIND)
            .ok_or(AppError::NotFound)?;
        let value = self.open_record(&entered.key, &row)?;
        Ok((row, value))
    }

    /// Every record of kind `T` under `parent` (or without one), opened.
    pub(crate) async fn load_all<T: Sealable>(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        parent: Option<uuid::Uuid>,
    ) -> Result<Vec<(SealedRecordRow, T)>> {
        self.open_records(tx, &entered.key, initiative, parent).await
    }

    /// [`App::load_all`] with the data key alone, for callers that hold no [`Entered`] (a
    /// conversation loaded for a voter's credential).
    pub(crate) async fn open_records<T: Sealable>(
        &self,
        tx: &mut dyn WriteTx,
        key: &DataKey,
        initiative: InitiativeId,
        parent: Option<uuid::Uuid>,
    ) -> Result<Vec<(SealedRecordRow, T)>> {
        let mut out = Vec::new();
        for row in tx.sealed_records(initiative, T::KIND, parent).await? {
            let value = self.open_record(key, &row)?;
            out.push((row, value));
        }
        Ok(out)
    }
}
