//! The options register and the follow-ups between rounds.

use time::Date;
use tracktwo_domain::dialogue::{DialogueOption, FollowUp, Meeting, OptionStatus, Round, StatusChange};
use tracktwo_domain::redaction::{Reader, may_see_meeting};
use tracktwo_domain::scrub::Names;
use tracktwo_domain::{
    AuditAction, AuditTarget, FollowUpId, Identity, InitiativeId, MeetingId, Operation, OptionId, RoundId, Scope,
    TargetKind,
};

use crate::{App, Result};

impl App {
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
