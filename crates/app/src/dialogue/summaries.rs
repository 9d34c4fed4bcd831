//! Meeting summaries: what the redaction engine leaves each reader of a meeting, and the names
//! of attendees that must not leave it.

use tracktwo_domain::dialogue::{DialogueOption, FollowUp, Meeting, MeetingNote, Round, SpeakerKey};
use tracktwo_domain::redaction::{MeetingRecord, MeetingSummary, Reader, StageReached, names_to_withhold, summarise};
use tracktwo_domain::scrub::Names;
use tracktwo_domain::{ActorId, AuditAction, AuditTarget, Identity, InitiativeId, MeetingId, Operation, TargetKind};
use tracktwo_store::WriteTx;

use crate::gate::Entered;
use crate::{App, Result};

/// What the map and the registry hold for a meeting's attendees, for what leaves it.
#[derive(Default)]
pub(crate) struct AttendeeRegistry {
    /// The other names held for each attendee who is an actor of the map.
    pub aliases: Vec<(ActorId, Vec<String>)>,
    /// The attendees whose consent to be listed is given and not withdrawn.
    pub listable: std::collections::BTreeSet<ActorId>,
}

impl App {
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

    pub(super) async fn summary_in(
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
        // A step past the methodology's last (its design changed since) names no stage.
        let stage = match (meeting.stage_reached, record.design.as_ref()) {
            (Some(step), Some(design)) if (1..=design.methodology.template().len()).contains(&usize::from(step)) => {
                Some(StageReached { methodology: design.methodology, step })
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
            stage,
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
    pub(super) async fn names_to_withhold(
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
}
