//! The rapporteur's notes, the drafts kept while they type, and the speaker key.

use serde::Serialize;
use tracktwo_domain::dialogue::{Meeting, MeetingNote, SpeakerKey};
use tracktwo_domain::redaction::{attributable, names_in_note};
use tracktwo_domain::scrub::Names;
use tracktwo_domain::{
    AuditAction, AuditTarget, Identity, InitiativeId, MeetingId, MeetingNoteId, Operation, TargetKind,
};
use tracktwo_store::{SealedRecordRow, WriteTx};

use crate::gate::Entered;
use crate::sealed_records::sealable;
use crate::{App, AppError, Result};

/// A draft note kept while the rapporteur types, so a closed tab or a crash loses nothing.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize)]
pub struct NoteDraft {
    pub session: usize,
    pub speaker: String,
    pub body: String,
}

/// A draft and its author, sealed together.
#[derive(Serialize, serde::Deserialize)]
pub(crate) struct DraftOf(Option<tracktwo_domain::UserId>, NoteDraft);
sealable!(DraftOf, NoteDraft, "note_drafts");

impl App {
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
}
