//! The facilitator's pen: opening a text, committing versions, naming who signs for each side,
//! and answering suggested wordings.

use std::collections::BTreeSet;

use tracktwo_domain::dialogue::{ConfidentialityMode, Round};
use tracktwo_domain::negotiating_text::feedback::{Answer, Outcome, Suggestion};
use tracktwo_domain::negotiating_text::{Draft, Language, NegotiatingText, TextId, VersionSummary};
use tracktwo_domain::{
    AuditAction, AuditTarget, Identity, InitiativeId, MemberRole, Operation, RoundId, SideId, SuggestionId, TargetKind,
    UserId,
};

use super::{TextRecord, TextRefusal, VersionBody};
use crate::{App, Result};

/// What opening a text needs.
#[derive(Debug, Clone)]
pub struct NewText {
    pub title: String,
    pub round: Option<RoundId>,
    pub mode: ConfidentialityMode,
    pub authoritative: Language,
    /// The sides whose yes the package needs; empty for every side of the initiative.
    pub sides: BTreeSet<SideId>,
}

impl App {
    pub async fn create_text(&self, who: &Identity, initiative: InitiativeId, new: NewText) -> Result<TextId> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::DraftText).await?;
        if let Some(round) = new.round {
            self.load_one::<Round>(tx.as_mut(), &entered, initiative, round.as_uuid()).await?;
        }
        let sides = if new.sides.is_empty() {
            tx.sides(initiative).await?.into_iter().map(|s| s.id).collect()
        } else {
            for side in &new.sides {
                Self::check_side(tx.as_mut(), initiative, *side).await?;
            }
            new.sides
        };
        let text = NegotiatingText {
            initiative,
            title: new.title,
            round: new.round,
            mode: new.mode,
            authoritative: new.authoritative,
            sides,
            signatories: BTreeSet::new(),
            versions: Vec::new(),
            drafted_options: Vec::new(),
        };
        text.validate()?;
        let record = TextRecord { text, bodies: Default::default() };
        let id = TextId::from_uuid(self.insert_record(tx.as_mut(), &entered, initiative, None, &record).await?);
        self.record(tx.as_mut(), who, AuditAction::TextCreated, AuditTarget::of(TargetKind::NegotiatingText, id))
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Names (or, with `signs` false, un-names) a participant of a side as one who may say yes
    /// for it.
    pub async fn set_signatory(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: TextId,
        side: SideId,
        user: UserId,
        signs: bool,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::DraftText).await?;
        let (row, mut record) = self.load_text(tx.as_mut(), &entered, initiative, id).await?;
        let member = tx.membership(initiative, user).await?;
        if signs && !member.is_some_and(|m| m.role == MemberRole::Participant && m.side == Some(side)) {
            return Err(TextRefusal::SignatoryNotOfSide.into());
        }
        if signs {
            record.text.signatories.insert((side, user));
        } else {
            record.text.signatories.remove(&(side, user));
        }
        record.text.validate()?;
        self.replace_record(tx.as_mut(), &entered, &row, &record).await?;
        self.record(tx.as_mut(), who, AuditAction::TextSignatorySet, AuditTarget::of(TargetKind::NegotiatingText, id))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Commits a new version in `language`: the authoritative text, or a translation of its
    /// newest version. Versions are never changed afterwards; a later version voids every
    /// sign-off given before it.
    pub async fn commit_version(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: TextId,
        language: Language,
        draft: Draft,
    ) -> Result<VersionSummary> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::DraftText).await?;
        let (row, mut record) = self.load_text(tx.as_mut(), &entered, initiative, id).await?;
        let source = match record.text.latest() {
            Some(latest) if language != record.text.authoritative => {
                Some(self.load_version(tx.as_mut(), &entered, initiative, &record, latest.number).await?.draft)
            }
            _ => None,
        };
        let summary = record
            .text
            .commit(&draft, language.clone(), who.user_id(), self.now(), source.as_ref())
            .map_err(TextRefusal::from)?;
        let body = VersionBody { number: summary.number, language, draft };
        let body_id = self.insert_record(tx.as_mut(), &entered, initiative, Some(id.as_uuid()), &body).await?;
        record.bodies.insert(summary.number, body_id);
        record.text.versions.push(summary.clone());
        self.replace_record(tx.as_mut(), &entered, &row, &record).await?;
        self.record(
            tx.as_mut(),
            who,
            AuditAction::TextVersionCommitted,
            AuditTarget::of(TargetKind::NegotiatingText, id),
        )
        .await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// The facilitator's answer to a suggested wording, with the reason kept.
    pub async fn answer_suggestion(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: TextId,
        suggestion: SuggestionId,
        outcome: Outcome,
        reason: String,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::DraftText).await?;
        let (_, record) = self.load_text(tx.as_mut(), &entered, initiative, id).await?;
        let (row, mut stored) =
            self.load_one::<Suggestion>(tx.as_mut(), &entered, initiative, suggestion.as_uuid()).await?;
        if row.parent != Some(id.as_uuid()) {
            return Err(crate::AppError::NotFound);
        }
        if stored.answer.is_some() {
            return Err(TextRefusal::AlreadyAnswered.into());
        }
        stored.answer =
            Some(Answer { outcome, for_version: record.text.next_number(), reason, by: who.user_id(), at: self.now() });
        stored.validate()?;
        self.replace_record(tx.as_mut(), &entered, &row, &stored).await?;
        self.record(
            tx.as_mut(),
            who,
            AuditAction::TextSuggestionAnswered,
            AuditTarget::of(TargetKind::NegotiatingText, id),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

impl App {
    /// Records that an option of the register was drafted into a clause of the text: the link
    /// shows on both, and travels with the text when it is transferred to Track One.
    pub async fn draft_option_into_clause(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: TextId,
        option: tracktwo_domain::OptionId,
        clause: tracktwo_domain::negotiating_text::ClauseId,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::DraftText).await?;
        let (row, mut record) = self.load_text(tx.as_mut(), &entered, initiative, id).await?;
        self.load_one::<tracktwo_domain::dialogue::DialogueOption>(tx.as_mut(), &entered, initiative, option.as_uuid())
            .await?;
        let latest = record.text.latest().map(|v| v.number).ok_or(TextRefusal::NoSuchClause(clause))?;
        let body = self.load_version(tx.as_mut(), &entered, initiative, &record, latest).await?;
        if body.draft.clause(clause).is_none() {
            return Err(TextRefusal::NoSuchClause(clause).into());
        }
        if !record.text.drafted_options.contains(&(option, clause)) {
            record.text.drafted_options.push((option, clause));
        }
        self.replace_record(tx.as_mut(), &entered, &row, &record).await?;
        self.record(tx.as_mut(), who, AuditAction::TextOptionDrafted, AuditTarget::of(TargetKind::NegotiatingText, id))
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

impl App {
    /// Takes in a text written elsewhere (an Akoma Ntoso file, read by the caller) as a new text
    /// whose first version is `draft`: all of it, or nothing.
    pub async fn import_text(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        new: NewText,
        draft: Draft,
    ) -> Result<(TextId, VersionSummary)> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::DraftText).await?;
        let sides = tx.sides(initiative).await?.into_iter().map(|s| s.id).collect();
        let text = NegotiatingText {
            initiative,
            title: new.title,
            round: None,
            mode: new.mode,
            authoritative: new.authoritative.clone(),
            sides,
            signatories: BTreeSet::new(),
            versions: Vec::new(),
            drafted_options: Vec::new(),
        };
        text.validate()?;
        let summary = text
            .commit(&draft, new.authoritative.clone(), who.user_id(), self.now(), None)
            .map_err(TextRefusal::from)?;
        let mut record = TextRecord { text, bodies: Default::default() };
        let id = self.new_record_id();
        let body = VersionBody { number: summary.number, language: new.authoritative, draft };
        let body_id = self.new_record_id();
        record.bodies.insert(summary.number, body_id);
        record.text.versions.push(summary.clone());
        tx.insert_sealed_record(&self.sealed_row(&entered.key, initiative, None, id, &record)?).await?;
        tx.insert_sealed_record(&self.sealed_row(&entered.key, initiative, Some(id), body_id, &body)?).await?;
        let id = TextId::from_uuid(id);
        self.record(tx.as_mut(), who, AuditAction::TextImported, AuditTarget::of(TargetKind::NegotiatingText, id))
            .await?;
        tx.commit().await?;
        Ok((id, summary))
    }
}
