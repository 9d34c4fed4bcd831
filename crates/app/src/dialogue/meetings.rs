//! Rounds and meetings: the meetings a caller may know of (a secret-channel meeting is "not
//! found" for anyone not cleared for it), what each reader sees of one, the attendees and the
//! progress the team records.

use time::Date;
use tracktwo_domain::dialogue::{Attendance, ConfidentialityMode, Meeting, MeetingNote, ProcessDesign, Round};
use tracktwo_domain::redaction::{MeetingSummary, Reader, may_see_meeting};
use tracktwo_domain::{
    ActorId, AuditAction, AuditTarget, Identity, InitiativeId, MeetingId, MeetingNoteId, Operation, Principal, RoundId,
    Scope, TargetKind,
};
use tracktwo_store::{SealedRecordRow, WriteTx};

use crate::gate::Entered;
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

impl App {
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
