//! The sides' say: comments and suggested wordings on a clause of the newest version, in
//! plenary or in the commenter's caucus.

use tracktwo_domain::negotiating_text::feedback::{Suggestion, TextComment, Voice};
use tracktwo_domain::negotiating_text::{ClauseId, TextId, parse_notation};
use tracktwo_domain::{
    AuditAction, AuditTarget, Identity, InitiativeId, Operation, Scope, SuggestionId, TargetKind, TextCommentId,
};
use tracktwo_store::WriteTx;

use super::{TextRecord, TextRefusal};
use crate::gate::Entered;
use crate::{App, AppError, Result};

impl App {
    /// The voice a member speaks with on a text: their side, or the team's.
    pub(crate) fn voice_of(entered: &Entered) -> Voice {
        match entered.standing {
            Some(standing) if !standing.role.is_team() => standing.side.map_or(Voice::Team, Voice::Side),
            _ => Voice::Team,
        }
    }

    /// Keeps a comment or suggested wording under its text, audits it, and commits.
    async fn keep_under_text<T: crate::sealed_records::Sealable>(
        &self,
        mut tx: Box<dyn WriteTx>,
        who: &Identity,
        entered: &Entered,
        (initiative, id): (InitiativeId, TextId),
        item: &T,
        action: AuditAction,
    ) -> Result<uuid::Uuid> {
        let kept = self.insert_record(tx.as_mut(), entered, initiative, Some(id.as_uuid()), item).await?;
        self.record(tx.as_mut(), who, action, AuditTarget::of(TargetKind::NegotiatingText, id)).await?;
        tx.commit().await?;
        Ok(kept)
    }

    /// The newest authoritative version's number, after checking it has `clause`.
    async fn clause_of_latest(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        record: &TextRecord,
        clause: ClauseId,
    ) -> Result<u32> {
        let latest = record.text.latest().ok_or(TextRefusal::NothingToCommentOn)?;
        let body = self.load_version(tx, entered, initiative, record, latest.number).await?;
        if body.draft.clause(clause).is_none() {
            return Err(TextRefusal::NoSuchClause(clause).into());
        }
        Ok(latest.number)
    }

    #[allow(clippy::too_many_arguments)]
    pub async fn comment_on_text(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: TextId,
        clause: ClauseId,
        scope: Scope,
        body: String,
        reply_to: Option<TextCommentId>,
    ) -> Result<TextCommentId> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::CommentOnText(scope)).await?;
        let (_, record) = self.load_text(tx.as_mut(), &entered, initiative, id).await?;
        let version = self.clause_of_latest(tx.as_mut(), &entered, initiative, &record, clause).await?;
        if let Some(answered) = reply_to {
            // A reply stays where the comment it answers was made: a plenary reply to a caucus
            // comment would tell the room what the caucus said.
            let (row, original) = self
                .load_one::<TextComment>(tx.as_mut(), &entered, initiative, answered.as_uuid())
                .await
                .map_err(|_| AppError::from(TextRefusal::ReplyElsewhere))?;
            if row.parent != Some(id.as_uuid()) || original.clause != clause || original.scope != scope {
                return Err(TextRefusal::ReplyElsewhere.into());
            }
        }
        let comment = TextComment {
            clause,
            version,
            scope,
            author: who.user_id(),
            voice: Self::voice_of(&entered),
            body,
            at: self.now(),
            reply_to,
        };
        comment.validate()?;
        let kept =
            self.keep_under_text(tx, who, &entered, (initiative, id), &comment, AuditAction::TextCommented).await?;
        Ok(TextCommentId::from_uuid(kept))
    }

    #[allow(clippy::too_many_arguments)]
    pub async fn suggest_wording(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: TextId,
        clause: ClauseId,
        scope: Scope,
        wording: String,
        rationale: String,
    ) -> Result<SuggestionId> {
        parse_notation(&wording).map_err(|error| TextRefusal::Notation { clause, error })?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::CommentOnText(scope)).await?;
        let (_, record) = self.load_text(tx.as_mut(), &entered, initiative, id).await?;
        let version = self.clause_of_latest(tx.as_mut(), &entered, initiative, &record, clause).await?;
        let suggestion = Suggestion {
            clause,
            version,
            scope,
            author: who.user_id(),
            voice: Self::voice_of(&entered),
            wording,
            rationale,
            at: self.now(),
            answer: None,
        };
        suggestion.validate()?;
        let kept =
            self.keep_under_text(tx, who, &entered, (initiative, id), &suggestion, AuditAction::TextSuggested).await?;
        Ok(SuggestionId::from_uuid(kept))
    }
}
