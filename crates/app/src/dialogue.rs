//! Dialogue processes: the design of an initiative, its rounds and meetings, the rapporteur's
//! notes and the speaker key, the options register and the follow-ups between rounds, and the
//! meeting summaries that the redaction engine makes of them.
//!
//! Each record is one sealed body in the store. A secret-channel meeting is "not found" for
//! anyone not cleared for it — the same answer as for an id that never existed.

use serde::Serialize;
use serde::de::DeserializeOwned;
use time::Date;
use tracktwo_crypto::DataKey;
use tracktwo_domain::dialogue::{
    Attendance, ConfidentialityMode, DialogueOption, FollowUp, Meeting, MeetingNote, OptionStatus, ProcessDesign,
    Round, SpeakerKey, StatusChange,
};
use tracktwo_domain::redaction::{
    MeetingRecord, MeetingSummary, Reader, attributable, may_see_meeting, names_in_note, names_to_withhold, summarise,
};
use tracktwo_domain::scrub::Names;
use tracktwo_domain::{
    ActorId, AuditAction, AuditTarget, FollowUpId, Identity, InitiativeId, MeetingId, MeetingNoteId, Operation,
    OptionId, Principal, RoundId, Scope, TargetKind,
};
use tracktwo_store::{RecordKind, SealedRecordRow, WriteTx};

use crate::initiatives::Entered;
use crate::sealing::Place;
use crate::{App, AppError, Result};

/// A meeting as its reader may see it in the workspace: the team sees it whole; everyone else
/// sees what the redaction engine leaves them.
#[derive(Debug, Clone)]
pub enum MeetingView {
    /// `listed`: the attendees, by actor, whose consent to be listed is given and not withdrawn,
    /// whom readers outside the team may see where the rule allows; the team sees who is theirs
    /// alone, and nothing else of the registry.
    Full {
        meeting: Meeting,
        notes: Vec<(MeetingNoteId, MeetingNote)>,
        listed: std::collections::BTreeSet<ActorId>,
    },
    Summary(MeetingSummary),
}

/// The rounds of a process with their meetings (those the caller may know of), for the
/// overview across rounds.
#[derive(Debug, Clone)]
pub struct ProcessOverview {
    pub design: Option<ProcessDesign>,
    pub rounds: Vec<RoundWithMeetings>,
}

/// A round with the meetings in it that the caller may know of, earliest first.
pub type RoundWithMeetings = (RoundId, Round, Vec<(MeetingId, MeetingHeader)>);

/// What every member who may know of a meeting sees of it in a list.
#[derive(Debug, Clone)]
pub struct MeetingHeader {
    pub title: String,
    pub starts_on: Date,
    pub mode: tracktwo_domain::dialogue::ConfidentialityMode,
    pub stage_reached: Option<u8>,
}

/// A kind of sealed record and how it is audited.
pub(crate) trait Sealable: Serialize + DeserializeOwned {
    const KIND: RecordKind;
    const TABLE: &'static str;
}

macro_rules! sealable {
    ($type:ty, $kind:ident, $table:literal) => {
        impl $crate::dialogue::Sealable for $type {
            const KIND: tracktwo_store::RecordKind = tracktwo_store::RecordKind::$kind;
            const TABLE: &'static str = $table;
        }
    };
}
pub(crate) use sealable;
sealable!(DesignRecord, ProcessDesign, "process_designs");
sealable!(Round, Round, "rounds");
sealable!(Meeting, Meeting, "meetings");
sealable!(MeetingNote, MeetingNote, "meeting_notes");
sealable!(SpeakerKey, SpeakerKey, "speaker_keys");
sealable!(DialogueOption, DialogueOption, "options");
sealable!(FollowUp, FollowUp, "follow_ups");

/// The one record of how an initiative works: the process design the team writes, and the risk
/// ceiling of its participant selections, which the convener or operations set. Each half is
/// written by its own use case, which keeps the other as stored. Sealed as one body beside the
/// rounds and meetings, so the ceiling needs no table of its own; a body written before the
/// ceiling existed is a design alone, and one written before any design a ceiling alone.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct DesignRecord {
    pub design: Option<ProcessDesign>,
    pub risk_ceiling: Option<tracktwo_domain::map::RiskCeiling>,
}

/// The key the risk ceiling is kept under, beside the design's own fields.
const RISK_CEILING: &str = "risk_ceiling";

impl Serialize for DesignRecord {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::Error;
        let mut body = match &self.design {
            Some(design) => match serde_json::to_value(design).map_err(S::Error::custom)? {
                serde_json::Value::Object(fields) => fields,
                _ => return Err(S::Error::custom("a process design is an object")),
            },
            None => serde_json::Map::new(),
        };
        if let Some(ceiling) = &self.risk_ceiling {
            body.insert(RISK_CEILING.to_owned(), serde_json::to_value(ceiling).map_err(S::Error::custom)?);
        }
        body.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for DesignRecord {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error;
        let mut body = serde_json::Map::<String, serde_json::Value>::deserialize(deserializer)?;
        let risk_ceiling =
            body.remove(RISK_CEILING).map(serde_json::from_value).transpose().map_err(D::Error::custom)?;
        // Any other field is the design's: a body with one must hold a whole design.
        let design = if body.is_empty() {
            None
        } else {
            Some(serde_json::from_value(serde_json::Value::Object(body)).map_err(D::Error::custom)?)
        };
        Ok(Self { design, risk_ceiling })
    }
}

/// What the map and the registry hold for a meeting's attendees, for what leaves it.
#[derive(Default)]
pub(crate) struct AttendeeRegistry {
    /// The other names held for each attendee who is an actor of the map.
    pub aliases: Vec<(ActorId, Vec<String>)>,
    /// The attendees whose consent to be listed is given and not withdrawn.
    pub listable: std::collections::BTreeSet<ActorId>,
}

/// A draft note kept while the rapporteur types, so a closed tab or a crash loses nothing.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize)]
pub struct NoteDraft {
    pub session: usize,
    pub speaker: String,
    pub body: String,
}

fn place<'a>(table: &'static str, id: &'a uuid::Uuid) -> Place<'a> {
    Place { table, column: "body", id }
}

/// The table name each kind of record is sealed under (part of its associated data).
fn table_of(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::ProcessDesign => DesignRecord::TABLE,
        RecordKind::Round => Round::TABLE,
        RecordKind::Meeting => Meeting::TABLE,
        RecordKind::MeetingNote => MeetingNote::TABLE,
        RecordKind::SpeakerKey => SpeakerKey::TABLE,
        RecordKind::DialogueOption => DialogueOption::TABLE,
        RecordKind::FollowUp => FollowUp::TABLE,
        RecordKind::NoteDraft => DraftOf::TABLE,
        RecordKind::Readout => <tracktwo_domain::transfer::Readout as Sealable>::TABLE,
        RecordKind::ReadoutCopy => <tracktwo_domain::transfer::ReadoutCopy as Sealable>::TABLE,
        RecordKind::Transfer => <tracktwo_domain::transfer::TransferEvent as Sealable>::TABLE,
        RecordKind::Coordination => <tracktwo_domain::transfer::CoordinationEvent as Sealable>::TABLE,
        RecordKind::OfficialEvent => <tracktwo_domain::transfer::OfficialEvent as Sealable>::TABLE,
        RecordKind::Conversation => <tracktwo_domain::conversation::Conversation as Sealable>::TABLE,
        RecordKind::ConversationStatement => <tracktwo_domain::conversation::Statement as Sealable>::TABLE,
        RecordKind::Invitation => <tracktwo_domain::conversation::Invitation as Sealable>::TABLE,
        RecordKind::Voter => <tracktwo_domain::conversation::Voter as Sealable>::TABLE,
        RecordKind::ConversationVote => <tracktwo_domain::conversation::CastVote as Sealable>::TABLE,
    }
}

impl App {
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
        let bytes = zeroize::Zeroizing::new(
            serde_json::to_vec(value).map_err(|e| AppError::Archive(format!("cannot encode a record: {e}")))?,
        );
        Ok(self.seal_bytes(key, place(T::TABLE, id), &bytes))
    }

    pub(crate) async fn insert_record<T: Sealable>(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        parent: Option<uuid::Uuid>,
        value: &T,
    ) -> Result<uuid::Uuid> {
        let id = uuid::Builder::from_random_bytes(self.random()).into_uuid();
        let now = self.now();
        let body = self.seal_record(&entered.key, &id, value)?;
        tx.insert_sealed_record(&SealedRecordRow {
            id,
            initiative,
            kind: T::KIND,
            parent,
            body,
            created_at: now,
            updated_at: now,
        })
        .await?;
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

    pub(crate) async fn load_all<T: Sealable>(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        parent: Option<uuid::Uuid>,
    ) -> Result<Vec<(SealedRecordRow, T)>> {
        let mut out = Vec::new();
        for row in tx.sealed_records(initiative, T::KIND, parent).await? {
            let value = self.open_record(&entered.key, &row)?;
            out.push((row, value));
        }
        Ok(out)
    }

    /// Loads a meeting the caller may know of; a secret-channel meeting they are not cleared
    /// for is not found.
    pub(crate) async fn visible_meeting(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        initiative: InitiativeId,
        id: MeetingId,
    ) -> Result<(SealedRecordRow, Meeting)> {
        let (row, meeting) = self.load_one::<Meeting>(tx, entered, initiative, id.as_uuid()).await?;
        let user = match who.principal {
            Principal::KeyHolder => None,
            Principal::User { id, .. } => Some(id),
        };
        if !may_see_meeting(&meeting, entered.standing, user) {
            return Err(AppError::NotFound);
        }
        Ok((row, meeting))
    }

    /// A secret channel's venue is the convener's (and operations', through their summary):
    /// even a cleared member of the team does not see where it meets.
    fn may_see_secret_venue(entered: &Entered) -> bool {
        entered.standing.is_none_or(|s| s.role == tracktwo_domain::MemberRole::Convener)
    }

    pub(crate) fn reader_of(entered: &Entered) -> Reader {
        entered.standing.map_or(Reader::Team, Reader::of)
    }

    // The design of the process.

    /// The design; grants only for those who may see the funding.
    pub async fn process_design(&self, who: &Identity, initiative: InitiativeId) -> Result<Option<ProcessDesign>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ViewInitiative).await?;
        let (_, record) = self.design_record(tx.as_mut(), &entered, initiative).await?;
        tx.commit().await?;
        let design = record.design.map(|mut d| {
            if Self::also(who, &entered, Operation::ReadFunding).is_err() {
                d.grants.clear();
            }
            d
        });
        Ok(design)
    }

    pub async fn set_process_design(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        design: ProcessDesign,
    ) -> Result<()> {
        design.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        let (row, mut record) = self.design_record(tx.as_mut(), &entered, initiative).await?;
        record.design = Some(design);
        let id = self.put_design_record(tx.as_mut(), &entered, initiative, row.as_ref(), &record).await?;
        self.record(tx.as_mut(), who, AuditAction::ProcessDesigned, AuditTarget::of(TargetKind::Initiative, id))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The initiative's design record, with its row if one is stored.
    pub(crate) async fn design_record(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
    ) -> Result<(Option<SealedRecordRow>, DesignRecord)> {
        let mut records = self.load_all::<DesignRecord>(tx, entered, initiative, None).await?;
        if records.is_empty() {
            return Ok((None, DesignRecord::default()));
        }
        // One per initiative; the first written is the one both halves are kept in.
        let (row, record) = records.swap_remove(0);
        Ok((Some(row), record))
    }

    /// Writes the design record over `row`, or as the first one; returns its id.
    pub(crate) async fn put_design_record(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        row: Option<&SealedRecordRow>,
        record: &DesignRecord,
    ) -> Result<uuid::Uuid> {
        match row {
            Some(row) => {
                self.replace_record(tx, entered, row, record).await?;
                Ok(row.id)
            }
            None => self.insert_record(tx, entered, initiative, None, record).await,
        }
    }

    // Rounds and meetings.

    pub async fn add_round(&self, who: &Identity, initiative: InitiativeId, round: Round) -> Result<RoundId> {
        round.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        let id = RoundId::from_uuid(self.insert_record(tx.as_mut(), &entered, initiative, None, &round).await?);
        self.record(tx.as_mut(), who, AuditAction::RoundCreated, AuditTarget::of(TargetKind::Round, id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn add_meeting(&self, who: &Identity, initiative: InitiativeId, meeting: Meeting) -> Result<MeetingId> {
        meeting.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        self.load_one::<Round>(tx.as_mut(), &entered, initiative, meeting.round.as_uuid()).await?;
        self.check_meeting_sides(tx.as_mut(), initiative, &meeting).await?;
        Self::check_new_attendees(tx.as_mut(), initiative, &[], &meeting.attendance).await?;
        let parent = Some(meeting.round.as_uuid());
        let id = MeetingId::from_uuid(self.insert_record(tx.as_mut(), &entered, initiative, parent, &meeting).await?);
        self.record(tx.as_mut(), who, AuditAction::MeetingCreated, AuditTarget::of(TargetKind::Meeting, id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn check_meeting_sides(
        &self,
        tx: &mut dyn WriteTx,
        initiative: InitiativeId,
        meeting: &Meeting,
    ) -> Result<()> {
        for side in meeting
            .sessions
            .iter()
            .filter_map(|s| match s.scope {
                Scope::Caucus(side) => Some(side),
                Scope::Plenary => None,
            })
            .chain(meeting.attendance.iter().filter_map(|a| a.side))
        {
            Self::check_side(tx, initiative, side).await?;
        }
        Ok(())
    }

    /// Every attendee in `after` and not in `before` is an actor of the initiative's map with a
    /// registry entry, so their consent decides what leaves the meeting. Attendees recorded
    /// before attendance was linked stay as they are (and are the team's alone).
    async fn check_new_attendees(
        tx: &mut dyn WriteTx,
        initiative: InitiativeId,
        before: &[Attendance],
        after: &[Attendance],
    ) -> Result<()> {
        for person in after.iter().filter(|p| !before.contains(p)) {
            let Some(actor) = person.actor else {
                return Err(AppError::Invalid(tracktwo_domain::ValidationError::Invalid {
                    field: "attendee",
                    reason: "must be a person of the map, with their consent in the registry",
                }));
            };
            tx.actor(actor).await?.filter(|r| r.initiative == initiative).ok_or(AppError::NotFound)?;
            if tx.registry_entry(actor).await?.is_none_or(|r| r.initiative != initiative) {
                return Err(AppError::ConsentNotRecorded);
            }
        }
        Ok(())
    }

    /// Changes a meeting: attendance, agenda, the stage reached, its mode or who is cleared.
    pub async fn update_meeting(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: MeetingId,
        meeting: Meeting,
    ) -> Result<()> {
        meeting.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        let (row, current) = self.visible_meeting(tx.as_mut(), who, &entered, initiative, id).await?;
        self.save_meeting(tx.as_mut(), who, &entered, (id, &row, current), meeting).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Writes a changed meeting over `current` (as stored in `row`), inside `tx`: it stays in its
    /// round, keeps a secret channel's venue from those who never saw it, and names only sides
    /// of the initiative.
    async fn save_meeting(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        (id, row, current): (MeetingId, &SealedRecordRow, Meeting),
        mut meeting: Meeting,
    ) -> Result<()> {
        meeting.validate()?;
        if current.round != meeting.round {
            return Err(AppError::Invalid(tracktwo_domain::ValidationError::Invalid {
                field: "meeting",
                reason: "stays in its round",
            }));
        }
        if current.mode == ConfidentialityMode::SecretChannel && !Self::may_see_secret_venue(entered) {
            // They never saw the venue, so they cannot have meant to change it.
            meeting.venue = current.venue;
        }
        self.check_meeting_sides(tx, entered.row.id, &meeting).await?;
        Self::check_new_attendees(tx, entered.row.id, &current.attendance, &meeting.attendance).await?;
        self.replace_record(tx, entered, row, &meeting).await?;
        self.record(tx, who, AuditAction::MeetingUpdated, AuditTarget::of(TargetKind::Meeting, id)).await?;
        Ok(())
    }

    /// The rounds, each with the meetings the caller may know of, and the design.
    pub async fn process_overview(&self, who: &Identity, initiative: InitiativeId) -> Result<ProcessOverview> {
        let design = self.process_design(who, initiative).await?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ViewInitiative).await?;
        let user = who.user_id();
        let rounds = self.load_all::<Round>(tx.as_mut(), &entered, initiative, None).await?;
        let meetings = self.load_all::<Meeting>(tx.as_mut(), &entered, initiative, None).await?;
        tx.commit().await?;
        let mut out = Vec::new();
        for (row, round) in rounds {
            let round_id = RoundId::from_uuid(row.id);
            let mut list: Vec<(MeetingId, MeetingHeader)> = meetings
                .iter()
                .filter(|(_, m)| m.round == round_id && may_see_meeting(m, entered.standing, user))
                .map(|(r, m)| {
                    (
                        MeetingId::from_uuid(r.id),
                        MeetingHeader {
                            title: m.title.clone(),
                            starts_on: m.starts_on,
                            mode: m.mode,
                            stage_reached: m.stage_reached,
                        },
                    )
                })
                .collect();
            list.sort_by_key(|(_, m)| m.starts_on);
            out.push((round_id, round, list));
        }
        out.sort_by_key(|(_, r, _)| r.number);
        Ok(ProcessOverview { design, rounds: out })
    }

    /// A meeting: whole for the team (and the key holder), as its summary for everyone else.
    /// Audited as a read.
    pub async fn meeting(&self, who: &Identity, initiative: InitiativeId, id: MeetingId) -> Result<MeetingView> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ViewInitiative).await?;
        let (_, mut meeting) = self.visible_meeting(tx.as_mut(), who, &entered, initiative, id).await?;
        let view = if Self::reader_of(&entered) == Reader::Team {
            if meeting.mode == ConfidentialityMode::SecretChannel && !Self::may_see_secret_venue(&entered) {
                meeting.venue.clear();
            }
            let notes = self
                .load_all::<MeetingNote>(tx.as_mut(), &entered, initiative, Some(id.as_uuid()))
                .await?
                .into_iter()
                .map(|(row, note)| (MeetingNoteId::from_uuid(row.id), note))
                .collect();
            let listed = self.attendee_registry(tx.as_mut(), &entered, initiative, &meeting).await?.listable;
            MeetingView::Full { meeting, notes, listed }
        } else {
            let attended = meeting.attended_by(who.user_id());
            MeetingView::Summary(self.summary_in(tx.as_mut(), &entered, initiative, id, meeting, attended).await?)
        };
        self.record(tx.as_mut(), who, AuditAction::MeetingRead, AuditTarget::of(TargetKind::Meeting, id)).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// The meeting's summary for the caller: the one input of every export.
    pub async fn meeting_summary(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: MeetingId,
    ) -> Result<MeetingSummary> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ViewInitiative).await?;
        let (_, meeting) = self.visible_meeting(tx.as_mut(), who, &entered, initiative, id).await?;
        let attended = meeting.attended_by(who.user_id());
        let summary = self.summary_in(tx.as_mut(), &entered, initiative, id, meeting, attended).await?;
        self.record(tx.as_mut(), who, AuditAction::MeetingSummaryExported, AuditTarget::of(TargetKind::Meeting, id))
            .await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// The summary as another reader would take it away, for the team preparing what leaves
    /// the meeting (an official's copy, a funder's): as for a reader who did not attend it.
    /// Never more than the team itself may see.
    pub async fn meeting_summary_for(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: MeetingId,
        reader: Reader,
    ) -> Result<MeetingSummary> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        let (_, meeting) = self.visible_meeting(tx.as_mut(), who, &entered, initiative, id).await?;
        let summary = self.summary_with(tx.as_mut(), &entered, initiative, id, meeting, reader, false).await?;
        self.record(tx.as_mut(), who, AuditAction::MeetingSummaryExported, AuditTarget::of(TargetKind::Meeting, id))
            .await?;
        tx.commit().await?;
        Ok(summary)
    }

    async fn summary_in(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        id: MeetingId,
        meeting: Meeting,
        attended: bool,
    ) -> Result<MeetingSummary> {
        self.summary_with(tx, entered, initiative, id, meeting, Self::reader_of(entered), attended).await
    }

    /// The summary of meeting `id` for `reader` (who attended it or not), with the attendees'
    /// consent as the registry holds it now: a consent withdrawn takes effect on the next one.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn summary_with(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        id: MeetingId,
        meeting: Meeting,
        reader: Reader,
        attended: bool,
    ) -> Result<MeetingSummary> {
        let notes: Vec<MeetingNote> = self
            .load_all::<MeetingNote>(tx, entered, initiative, Some(id.as_uuid()))
            .await?
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        let options: Vec<DialogueOption> = self
            .load_all::<DialogueOption>(tx, entered, initiative, None)
            .await?
            .into_iter()
            .map(|(_, o)| o)
            .filter(|o| o.raised_in.contains(&id))
            .collect();
        let follow_ups: Vec<FollowUp> = self
            .load_all::<FollowUp>(tx, entered, initiative, None)
            .await?
            .into_iter()
            .map(|(_, f)| f)
            .filter(|f| f.round == meeting.round)
            .collect();
        let speaker_key =
            self.load_all::<SpeakerKey>(tx, entered, initiative, Some(id.as_uuid())).await?.pop().map(|(_, k)| k);
        let AttendeeRegistry { aliases, listable } = self.attendee_registry(tx, entered, initiative, &meeting).await?;
        let (_, round) = self.load_one::<Round>(tx, entered, initiative, meeting.round.as_uuid()).await?;
        let mut sides = Vec::new();
        for row in tx.sides(initiative).await? {
            let name = self.open_field(&entered.key, crate::sealing::place!("sides"."name" @ row.id), &row.name)?;
            sides.push((row.id, name));
        }
        let title = self.initiative_from_row(&entered.key, &entered.row)?.title;
        let (_, record) = self.design_record(tx, entered, initiative).await?;
        let stage_label = match (meeting.stage_reached, record.design.as_ref()) {
            (Some(stage), Some(design)) => {
                design.methodology.template().get(usize::from(stage).saturating_sub(1)).copied()
            }
            _ => None,
        };
        let record = MeetingRecord {
            initiative_title: &title,
            round_title: &round.title,
            meeting: &meeting,
            notes: &notes,
            options: &options,
            follow_ups: &follow_ups,
            sides: &sides,
            speaker_key: speaker_key.as_ref(),
            aliases: &aliases,
            listable: &listable,
            stage_label,
        };
        Ok(summarise(&record, reader, attended))
    }

    /// What the map and the registry hold for the meeting's attendees who are actors of the
    /// map: the other names to withhold (the map's name and the registry's aliases and
    /// other-script spellings), and who consented to be listed. Read only to decide what to
    /// withhold, never shown, so this is no read of the registry by the caller.
    pub(crate) async fn attendee_registry(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        meeting: &Meeting,
    ) -> Result<AttendeeRegistry> {
        let actors: std::collections::BTreeSet<ActorId> = meeting.attendance.iter().filter_map(|a| a.actor).collect();
        let mut out = AttendeeRegistry::default();
        for actor in actors {
            // An actor removed from the map since, or of another initiative, has nothing here,
            // and no consent: they are the team's alone.
            let Some(row) = tx.actor(actor).await?.filter(|row| row.initiative == initiative) else { continue };
            let mut names: Vec<String> = self.actor_from_row(&entered.key, &row)?.details.name.into_iter().collect();
            if let Some(row) = tx.registry_entry(actor).await?.filter(|row| row.initiative == initiative) {
                let entry = self.registry_from_row(&entered.key, &row)?;
                if entry.consent.may_be_listed() {
                    out.listable.insert(actor);
                }
                names.extend(entry.aliases);
            }
            out.aliases.push((actor, names));
        }
        Ok(out)
    }

    /// The names, with every alias, of the attendees of `meetings` who may not be listed now (no
    /// consent on record, or consent withdrawn): withheld from whatever leaves the team.
    pub(crate) async fn unlisted_names(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        meetings: &[Meeting],
    ) -> Result<Names> {
        let mut names = Names::new();
        for meeting in meetings {
            let held = self.attendee_registry(tx, entered, initiative, meeting).await?;
            for person in &meeting.attendance {
                if tracktwo_domain::redaction::attendee_facts(person, &held.listable).may_be_listed {
                    continue;
                }
                let aliases: &[String] = person
                    .actor
                    .and_then(|actor| held.aliases.iter().find(|(id, _)| *id == actor))
                    .map_or(&[], |(_, names)| names.as_slice());
                names.add_person(&person.name, aliases);
            }
        }
        Ok(names)
    }

    /// Every name that must not stand in the meeting's record where attribution is forbidden.
    async fn names_to_withhold(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        id: MeetingId,
        meeting: &Meeting,
    ) -> Result<Names> {
        let speaker_key =
            self.load_all::<SpeakerKey>(tx, entered, initiative, Some(id.as_uuid())).await?.pop().map(|(_, k)| k);
        let AttendeeRegistry { aliases, .. } = self.attendee_registry(tx, entered, initiative, meeting).await?;
        Ok(names_to_withhold(meeting, speaker_key.as_ref(), &aliases))
    }

    // Notes, drafts and the speaker key.

    /// Records a note in one session of a meeting; the session's scope decides who may write.
    ///
    /// Where the session forbids attribution, a note that names anyone attending (any part of
    /// their name, an alias, their organisation, a name in the speaker key) is held, not saved:
    /// [`AppError::NamesInNote`] gives the places, and the author puts the speaker's code there.
    /// So the record itself stays clean, not only what leaves it. Each held note is audited, as
    /// it tells its author that a word they typed is the name of someone there.
    pub async fn add_meeting_note(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        mut note: MeetingNote,
    ) -> Result<MeetingNoteId> {
        note.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ViewInitiative).await?;
        let (_, meeting) = self.visible_meeting(tx.as_mut(), who, &entered, initiative, note.meeting).await?;
        let session = meeting.sessions.get(note.session).ok_or(AppError::NotFound)?;
        Self::also(who, &entered, Operation::WriteRecord(session.scope))?;
        Self::also(who, &entered, Operation::WriteProcess)?;
        if !attributable(&meeting, note.session) {
            let names = self.names_to_withhold(tx.as_mut(), &entered, initiative, note.meeting, &meeting).await?;
            let places = names_in_note(&meeting, &note, &names);
            if !places.is_empty() {
                self.record(
                    tx.as_mut(),
                    who,
                    AuditAction::MeetingNoteHeld,
                    AuditTarget::of(TargetKind::Meeting, note.meeting),
                )
                .await?;
                tx.commit().await?;
                return Err(AppError::NamesInNote(places));
            }
        }
        note.author = who.user_id();
        note.taken_at = self.now();
        note.speaker = note.speaker.trim().to_owned();
        let parent = Some(note.meeting.as_uuid());
        let id = MeetingNoteId::from_uuid(self.insert_record(tx.as_mut(), &entered, initiative, parent, &note).await?);
        self.clear_draft(tx.as_mut(), who, &entered, initiative, note.meeting).await?;
        self.record(tx.as_mut(), who, AuditAction::MeetingNoteCreated, AuditTarget::of(TargetKind::MeetingNote, id))
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn drafts_of(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        initiative: InitiativeId,
        meeting: MeetingId,
    ) -> Result<Vec<(SealedRecordRow, (Option<tracktwo_domain::UserId>, NoteDraft))>> {
        Ok(self
            .load_all::<DraftOf>(tx, entered, initiative, Some(meeting.as_uuid()))
            .await?
            .into_iter()
            .filter(|(_, d)| d.0 == who.user_id())
            .map(|(row, d)| (row, (d.0, d.1)))
            .collect())
    }

    async fn clear_draft(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        initiative: InitiativeId,
        meeting: MeetingId,
    ) -> Result<()> {
        for (row, _) in self.drafts_of(tx, who, entered, initiative, meeting).await? {
            tx.delete_sealed_record(row.id).await?;
        }
        Ok(())
    }

    /// Keeps the note being typed, sealed, for its author only.
    pub async fn save_note_draft(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        meeting: MeetingId,
        draft: NoteDraft,
    ) -> Result<()> {
        if draft.body.chars().count() > 100_000 {
            return Err(AppError::Invalid(tracktwo_domain::ValidationError::TooLong { field: "draft", max: 100_000 }));
        }
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        self.visible_meeting(tx.as_mut(), who, &entered, initiative, meeting).await?;
        let value = DraftOf(who.user_id(), draft);
        match self.drafts_of(tx.as_mut(), who, &entered, initiative, meeting).await?.first() {
            Some((row, _)) => self.replace_record(tx.as_mut(), &entered, row, &value).await?,
            None => {
                self.insert_record(tx.as_mut(), &entered, initiative, Some(meeting.as_uuid()), &value).await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn note_draft(&self, who: &Identity, initiative: InitiativeId, meeting: MeetingId) -> Result<NoteDraft> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        self.visible_meeting(tx.as_mut(), who, &entered, initiative, meeting).await?;
        let draft = self.drafts_of(tx.as_mut(), who, &entered, initiative, meeting).await?.pop();
        tx.commit().await?;
        Ok(draft.map(|(_, (_, d))| d).unwrap_or_default())
    }

    pub async fn speaker_key(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        meeting: MeetingId,
    ) -> Result<SpeakerKey> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadSpeakerKey).await?;
        let (_, current) = self.visible_meeting(tx.as_mut(), who, &entered, initiative, meeting).await?;
        let key = self.load_all::<SpeakerKey>(tx.as_mut(), &entered, initiative, Some(meeting.as_uuid())).await?.pop();
        let mut key = key.map(|(_, k)| k).unwrap_or_default();
        // Someone who has since refused a code, or withdrawn, no longer stands behind one.
        let refused = self.refused_codes(tx.as_mut(), &entered, initiative, &current).await?;
        let out = tracktwo_domain::attendee::refused_in_speaker_key(&key, &refused);
        key.entries = key.entries.into_iter().enumerate().filter(|(i, _)| !out.contains(i)).map(|(_, e)| e).collect();
        self.record(tx.as_mut(), who, AuditAction::SpeakerKeyRead, AuditTarget::of(TargetKind::Meeting, meeting))
            .await?;
        tx.commit().await?;
        Ok(key)
    }

    /// The names of everyone in the initiative's registry who refused to be recorded under a
    /// code or withdrew their consent: the map's name, the registry's aliases, and the names
    /// they attend `meeting` under.
    async fn refused_codes(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        meeting: &Meeting,
    ) -> Result<Names> {
        let mut names = Names::new();
        for row in tx.registry_entries(initiative).await? {
            let entry = self.registry_from_row(&entered.key, &row)?;
            if entry.consent.may_be_recorded_under_code() {
                continue;
            }
            let mut spellings = entry.aliases;
            if let Some(actor) = tx.actor(row.actor).await?.filter(|r| r.initiative == initiative) {
                spellings.extend(self.actor_from_row(&entered.key, &actor)?.details.name);
            }
            spellings.extend(meeting.attendance.iter().filter(|a| a.actor == Some(row.actor)).map(|a| a.name.clone()));
            for spelling in &spellings {
                names.add_person(spelling, &[] as &[&str]);
            }
        }
        Ok(names)
    }

    pub async fn set_speaker_key(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        meeting: MeetingId,
        key: SpeakerKey,
    ) -> Result<()> {
        key.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteSpeakerKey).await?;
        let (_, current) = self.visible_meeting(tx.as_mut(), who, &entered, initiative, meeting).await?;
        let refused = self.refused_codes(tx.as_mut(), &entered, initiative, &current).await?;
        let out = tracktwo_domain::attendee::refused_in_speaker_key(&key, &refused);
        if !out.is_empty() {
            return Err(AppError::RefusedCode(out));
        }
        let existing = self.load_all::<SpeakerKey>(tx.as_mut(), &entered, initiative, Some(meeting.as_uuid())).await?;
        match existing.first() {
            Some((row, _)) => self.replace_record(tx.as_mut(), &entered, row, &key).await?,
            None => {
                self.insert_record(tx.as_mut(), &entered, initiative, Some(meeting.as_uuid()), &key).await?;
            }
        }
        self.record(tx.as_mut(), who, AuditAction::SpeakerKeyWritten, AuditTarget::of(TargetKind::Meeting, meeting))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    // The options register and follow-ups.

    pub async fn add_option(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        mut option: DialogueOption,
        on: Date,
    ) -> Result<OptionId> {
        option.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        let mut round = None;
        for meeting in &option.raised_in {
            let (_, m) = self.visible_meeting(tx.as_mut(), who, &entered, initiative, *meeting).await?;
            round = round.or(Some(m.round));
        }
        for side in &option.supported_by {
            Self::check_side(tx.as_mut(), initiative, *side).await?;
        }
        if option.history.is_empty() {
            option.history.push(StatusChange { status: option.status, on, round });
        }
        let id = OptionId::from_uuid(self.insert_record(tx.as_mut(), &entered, initiative, None, &option).await?);
        self.record(tx.as_mut(), who, AuditAction::OptionCreated, AuditTarget::of(TargetKind::DialogueOption, id))
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Moves an option along its path, noting when and in which round; meetings and sides that
    /// raised or support it can be added at the same time.
    #[allow(clippy::too_many_arguments)]
    pub async fn advance_option(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: OptionId,
        status: OptionStatus,
        on: Date,
        round: Option<RoundId>,
        raised_in: Option<MeetingId>,
        supported_by: Vec<tracktwo_domain::SideId>,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        let (row, mut option) =
            self.load_one::<DialogueOption>(tx.as_mut(), &entered, initiative, id.as_uuid()).await?;
        if let Some(round) = round {
            self.load_one::<Round>(tx.as_mut(), &entered, initiative, round.as_uuid()).await?;
        }
        if let Some(meeting) = raised_in {
            self.visible_meeting(tx.as_mut(), who, &entered, initiative, meeting).await?;
            if !option.raised_in.contains(&meeting) {
                option.raised_in.push(meeting);
            }
        }
        for side in supported_by {
            Self::check_side(tx.as_mut(), initiative, side).await?;
            option.supported_by.insert(side);
        }
        if status != option.status {
            option.status = status;
            option.history.push(StatusChange { status, on, round });
        }
        self.replace_record(tx.as_mut(), &entered, &row, &option).await?;
        self.record(tx.as_mut(), who, AuditAction::OptionUpdated, AuditTarget::of(TargetKind::DialogueOption, id))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The options register, for those who read the plenary record.
    pub async fn options(&self, who: &Identity, initiative: InitiativeId) -> Result<Vec<(OptionId, DialogueOption)>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadRecord(Scope::Plenary)).await?;
        let user = who.user_id();
        let meetings = self.load_all::<Meeting>(tx.as_mut(), &entered, initiative, None).await?;
        let hidden: Vec<MeetingId> = meetings
            .iter()
            .filter(|(_, m)| !may_see_meeting(m, entered.standing, user))
            .map(|(r, _)| MeetingId::from_uuid(r.id))
            .collect();
        let options = self.load_all::<DialogueOption>(tx.as_mut(), &entered, initiative, None).await?;
        // Outside the team, no one who has not consented to be listed is named here either.
        let unlisted = if tracktwo_domain::attendee::sees_every_attendee(Self::reader_of(&entered)) {
            Names::new()
        } else {
            // Every meeting's, a secret channel's too: withholding a name tells nothing of it.
            let all: Vec<Meeting> = meetings.iter().map(|(_, m)| m.clone()).collect();
            self.unlisted_names(tx.as_mut(), &entered, initiative, &all).await?
        };
        self.record(tx.as_mut(), who, AuditAction::OptionsRead, AuditTarget::of(TargetKind::Initiative, initiative))
            .await?;
        tx.commit().await?;
        // An option raised only in meetings the caller may not know of stays with them; the
        // provenance of the others loses those meetings.
        Ok(options
            .into_iter()
            .filter_map(|(row, mut option)| {
                let raised_in_hidden_only =
                    !option.raised_in.is_empty() && option.raised_in.iter().all(|m| hidden.contains(m));
                option.raised_in.retain(|m| !hidden.contains(m));
                option.title = unlisted.scrub(&option.title);
                option.description = unlisted.scrub(&option.description);
                option.issues = option.issues.iter().map(|issue| unlisted.scrub(issue)).collect();
                (!raised_in_hidden_only).then(|| (OptionId::from_uuid(row.id), option))
            })
            .collect())
    }

    pub async fn add_follow_up(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        follow_up: FollowUp,
    ) -> Result<FollowUpId> {
        follow_up.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        self.load_one::<Round>(tx.as_mut(), &entered, initiative, follow_up.round.as_uuid()).await?;
        let id = FollowUpId::from_uuid(self.insert_record(tx.as_mut(), &entered, initiative, None, &follow_up).await?);
        self.record(tx.as_mut(), who, AuditAction::FollowUpCreated, AuditTarget::of(TargetKind::FollowUp, id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn set_follow_up_done(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: FollowUpId,
        done: bool,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        let (row, mut follow_up) = self.load_one::<FollowUp>(tx.as_mut(), &entered, initiative, id.as_uuid()).await?;
        follow_up.done = done;
        self.replace_record(tx.as_mut(), &entered, &row, &follow_up).await?;
        self.record(tx.as_mut(), who, AuditAction::FollowUpUpdated, AuditTarget::of(TargetKind::FollowUp, id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The follow-ups, for those who read the plenary record; owners for the team only.
    pub async fn follow_ups(&self, who: &Identity, initiative: InitiativeId) -> Result<Vec<(FollowUpId, FollowUp)>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadRecord(Scope::Plenary)).await?;
        let list = self.load_all::<FollowUp>(tx.as_mut(), &entered, initiative, None).await?;
        // Outside the team, no one who has not consented to be listed is named here either.
        let unlisted = if tracktwo_domain::attendee::sees_every_attendee(Self::reader_of(&entered)) {
            Names::new()
        } else {
            // Every meeting's, a secret channel's too: withholding a name tells nothing of it.
            let all: Vec<Meeting> = self
                .load_all::<Meeting>(tx.as_mut(), &entered, initiative, None)
                .await?
                .into_iter()
                .map(|(_, m)| m)
                .collect();
            self.unlisted_names(tx.as_mut(), &entered, initiative, &all).await?
        };
        tx.commit().await?;
        let team = Self::reader_of(&entered) == Reader::Team;
        let mut out: Vec<(FollowUpId, FollowUp)> = list
            .into_iter()
            .map(|(row, mut f)| {
                if !team {
                    f.owner.clear();
                }
                f.commitment = unlisted.scrub(&f.commitment);
                (FollowUpId::from_uuid(row.id), f)
            })
            .collect();
        out.sort_by_key(|(_, f)| (f.done, f.due_on.is_none(), f.due_on));
        Ok(out)
    }
}

/// A draft and its author, sealed together.
#[derive(Serialize, serde::Deserialize)]
pub(crate) struct DraftOf(Option<tracktwo_domain::UserId>, NoteDraft);
sealable!(DraftOf, NoteDraft, "note_drafts");

impl App {
    /// A member of the initiative named by username, for clearing them for a secret-channel
    /// meeting. Whoever may not run the process learns nothing about accounts from it.
    pub async fn member_by_username(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        username: &str,
    ) -> Result<tracktwo_domain::UserId> {
        let mut tx = self.begin().await?;
        self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        let index = self.username_index(tx.as_mut(), username).await?;
        let user = tx.user_by_username(&index).await?.ok_or(AppError::NotFound)?;
        tx.membership(initiative, user.id).await?.ok_or(AppError::NotFound)?;
        tx.commit().await?;
        Ok(user.id)
    }

    /// Adds a person to a meeting's attendance: an actor of the map (a person), with their
    /// registry entry. They take the actor's name and side unless the team typed them. Someone
    /// with no registry entry yet attends only with their consent answers recorded first: given
    /// here, they enter the registry in the same step (which needs the right to write it);
    /// otherwise [`AppError::ConsentNotRecorded`]. A member account, named by username, lets a
    /// participant who attended see who else did.
    pub async fn add_attendee(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: MeetingId,
        attendee: NewAttendee,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        let (row, current) = self.visible_meeting(tx.as_mut(), who, &entered, initiative, id).await?;
        let actor_row =
            tx.actor(attendee.actor).await?.filter(|r| r.initiative == initiative).ok_or(AppError::NotFound)?;
        let actor = self.actor_from_row(&entered.key, &actor_row)?;
        self.record(tx.as_mut(), who, AuditAction::ActorRead, AuditTarget::of(TargetKind::Actor, actor.id)).await?;
        if actor.details.kind != tracktwo_domain::map::ActorKind::Person {
            return Err(AppError::Invalid(tracktwo_domain::ValidationError::Invalid {
                field: "attendee",
                reason: "must be a person of the map, not an organisation",
            }));
        }
        let registered = tx.registry_entry(actor.id).await?.is_some_and(|r| r.initiative == initiative);
        if !registered {
            let Some(consent) = attendee.consent else { return Err(AppError::ConsentNotRecorded) };
            Self::also(who, &entered, Operation::WriteRegistry)?;
            let entry = tracktwo_domain::map::RegistryEntry {
                consent,
                capacity: attendee.capacity,
                ..tracktwo_domain::map::RegistryEntry::default()
            };
            entry.validate()?;
            self.write_registry_entry(tx.as_mut(), who, &entered, actor.id, &entry).await?;
        }
        let account = match attendee.account.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            Some(username) => {
                let index = self.username_index(tx.as_mut(), username).await?;
                let user = tx.user_by_username(&index).await?.ok_or(AppError::NotFound)?;
                tx.membership(initiative, user.id).await?.ok_or(AppError::NotFound)?;
                Some(user.id)
            }
            None => None,
        };
        let in_full = Self::also(who, &entered, Operation::ReadMapInFull).is_ok();
        let mut person = Attendance {
            actor: Some(actor.id),
            name: attendee.name.trim().to_owned(),
            organisation: attendee.organisation.trim().to_owned(),
            side: attendee.side.or(actor.details.side),
            capacity: attendee.capacity,
            account,
        };
        if person.name.is_empty() {
            person.name = actor.details.name.filter(|_| in_full).unwrap_or(actor.details.code_name);
        }
        let mut meeting = current.clone();
        meeting.attendance.push(person);
        self.save_meeting(tx.as_mut(), who, &entered, (id, &row, current), meeting).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records how far a meeting got: the agenda items done (by position), the stage of the
    /// methodology reached, and members newly cleared for it (by username; each must be a
    /// member of the initiative).
    pub async fn record_progress(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: MeetingId,
        progress: MeetingProgress,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        let (row, current) = self.visible_meeting(tx.as_mut(), who, &entered, initiative, id).await?;
        let mut meeting = current.clone();
        for (position, item) in meeting.agenda.iter_mut().enumerate() {
            item.done = progress.done.contains(&position);
        }
        meeting.stage_reached = progress.stage_reached;
        for username in &progress.cleared {
            let index = self.username_index(tx.as_mut(), username).await?;
            let user = tx.user_by_username(&index).await?.ok_or(AppError::NotFound)?;
            tx.membership(initiative, user.id).await?.ok_or(AppError::NotFound)?;
            meeting.cleared.insert(user.id);
        }
        self.save_meeting(tx.as_mut(), who, &entered, (id, &row, current), meeting).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A person the team adds to a meeting's attendance.
#[derive(Debug, Clone)]
pub struct NewAttendee {
    /// The actor of the map they are: every attendee is one.
    pub actor: tracktwo_domain::ActorId,
    /// Empty to take the actor's.
    pub name: String,
    pub organisation: String,
    /// None to take the actor's.
    pub side: Option<tracktwo_domain::SideId>,
    pub capacity: tracktwo_domain::map::Capacity,
    /// The username of their member account, if they have one.
    pub account: Option<String>,
    /// Their consent answers, for a person who has no registry entry yet: recorded in the
    /// registry in the same step. Ignored for a person already in the registry.
    pub consent: Option<tracktwo_domain::map::Consent>,
}

/// How far a meeting got, as the team records it after a session.
#[derive(Debug, Clone, Default)]
pub struct MeetingProgress {
    /// The positions of the agenda items done; the others are not.
    pub done: std::collections::BTreeSet<usize>,
    pub stage_reached: Option<u8>,
    /// Usernames of members to clear for the meeting, beside those already cleared.
    pub cleared: Vec<String>,
}

#[cfg(test)]
mod tests {
    use tracktwo_domain::dialogue::{Methodology, Phase, ProcessKind, TheoryOfChange};
    use tracktwo_domain::map::RiskCeiling;

    use super::*;

    fn design() -> ProcessDesign {
        ProcessDesign {
            kind: ProcessKind::TrackTwo,
            methodology: Methodology::SustainedDialogue,
            phase: Phase::PreNegotiation,
            theory_of_change: TheoryOfChange::default(),
            locales: vec!["en".into()],
            grants: Vec::new(),
        }
    }

    #[test]
    fn a_design_written_before_the_ceiling_existed_reads_as_it_was() {
        // The body a design alone has always been sealed as.
        let old = serde_json::to_vec(&design()).unwrap();
        let record: DesignRecord = serde_json::from_slice(&old).unwrap();
        assert_eq!(record, DesignRecord { design: Some(design()), risk_ceiling: None });
        // The same fields and values (a JSON object's order means nothing).
        let written: serde_json::Value = serde_json::to_value(&record).unwrap();
        assert_eq!(written, serde_json::to_value(design()).unwrap(), "a design alone is still written as before");
    }

    #[test]
    fn each_half_round_trips_with_or_without_the_other() {
        let ceiling = Some(RiskCeiling { per_person: 4, group: 30 });
        for record in [
            DesignRecord { design: Some(design()), risk_ceiling: ceiling },
            DesignRecord { design: None, risk_ceiling: ceiling },
            DesignRecord::default(),
        ] {
            let body = serde_json::to_vec(&record).unwrap();
            assert_eq!(serde_json::from_slice::<DesignRecord>(&body).unwrap(), record);
        }
        // A body with a design's field must hold a whole design: half a design is not taken for none.
        let half = r#"{"kind":"track-2","risk_ceiling":{"per_person":4,"group":30}}"#;
        assert!(serde_json::from_str::<DesignRecord>(half).is_err());
    }
}
