//! Composing a questionnaire, opening it, issuing its answer cards, and answering it by card.

use std::collections::BTreeMap;

use tracktwo_crypto::DataKey;
use tracktwo_domain::measures::Item;
use tracktwo_domain::questionnaire::{
    AnswerCounts, AnswerError, Card, MOST_CARDS_AT_ONCE, Questionnaire, Response, Stage, Timing, answer_counts,
};
use tracktwo_domain::{
    AuditAction, AuditTarget, Identity, InitiativeId, Operation, QuestionnaireId, SideId, TargetKind, ValidationError,
};
use tracktwo_store::{InitiativeRow, RecordKind, SealedRecordRow, WriteTx};

use super::cards::{AnswerCode, IssuedCard};
use crate::{App, AppError, Outward, Result};

/// Why an answer card's answer was not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerRefusal {
    #[error("this questionnaire is not open for answers now")]
    NotOpen,
    #[error("this card has already answered this questionnaire at this time")]
    AlreadyAnswered,
    #[error("{0}")]
    Answers(#[from] AnswerError),
}

/// A questionnaire as the team lists it.
#[derive(Debug, Clone)]
pub struct QuestionnaireView {
    pub id: QuestionnaireId,
    pub questionnaire: Questionnaire,
    pub counts: AnswerCounts,
}

/// What a card holder sees: the questionnaire's title, whether they answer before or after the
/// round, and its items worded for their side.
#[derive(Debug, Clone)]
pub struct AnsweringView {
    pub title: String,
    pub timing: Timing,
    /// Each item with its wording, the other side's name filled in.
    pub items: Vec<(&'static Item, String)>,
}

/// A questionnaire opened for a card holder: no identity, only the questionnaire's id.
struct Opened {
    initiative: InitiativeRow,
    key: std::sync::Arc<DataKey>,
    row: SealedRecordRow,
    questionnaire: Questionnaire,
}

impl App {
    /// Composes a round's questionnaire (it starts being composed; no card opens it yet).
    pub async fn compose_questionnaire(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        questionnaire: Questionnaire,
    ) -> Result<QuestionnaireId> {
        let questionnaire = Questionnaire { stage: Stage::Composing, cards: Vec::new(), ..questionnaire };
        questionnaire.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ComposeQuestionnaire).await?;
        if let Some(round) = questionnaire.round {
            self.load_one::<tracktwo_domain::dialogue::Round>(tx.as_mut(), &entered, initiative, round.as_uuid())
                .await?;
        }
        let id = QuestionnaireId::from_uuid(
            self.insert_record(tx.as_mut(), &entered, initiative, None, &questionnaire).await?,
        );
        self.record(
            tx.as_mut(),
            who,
            AuditAction::QuestionnaireComposed,
            AuditTarget::of(TargetKind::Questionnaire, id),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The initiative's questionnaires with how many answered. The counts are the team's: to
    /// anyone else a count under five is suppressed by the results.
    pub async fn questionnaires(&self, who: &Identity, initiative: InitiativeId) -> Result<Vec<QuestionnaireView>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadMeasures).await?;
        let mut out = Vec::new();
        for (row, questionnaire) in self.load_all::<Questionnaire>(tx.as_mut(), &entered, initiative, None).await? {
            let responses: Vec<Response> = self
                .load_all::<Response>(tx.as_mut(), &entered, initiative, Some(row.id))
                .await?
                .into_iter()
                .map(|(_, r)| r)
                .collect();
            out.push(QuestionnaireView {
                id: QuestionnaireId::from_uuid(row.id),
                questionnaire,
                counts: answer_counts(&responses),
            });
        }
        tx.commit().await?;
        out.sort_by(|a, b| a.questionnaire.title.cmp(&b.questionnaire.title));
        Ok(out)
    }

    /// Opens a questionnaire before the round, after it, or closes it.
    pub async fn set_questionnaire_stage(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: QuestionnaireId,
        stage: Stage,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ComposeQuestionnaire).await?;
        let (row, mut questionnaire) =
            self.load_one::<Questionnaire>(tx.as_mut(), &entered, initiative, id.as_uuid()).await?;
        questionnaire.stage = stage;
        self.replace_record(tx.as_mut(), &entered, &row, &questionnaire).await?;
        self.record(
            tx.as_mut(),
            who,
            AuditAction::QuestionnaireStageSet,
            AuditTarget::of(TargetKind::Questionnaire, id),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Issues `count` answer cards for `side`. Their codes are returned this once, to be
    /// printed; the store keeps only their digests. Refused in a secret channel, where a card
    /// would be a link from outside into it.
    pub async fn issue_answer_cards(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: QuestionnaireId,
        side: SideId,
        count: usize,
    ) -> Result<Vec<IssuedCard>> {
        if count == 0 || count > MOST_CARDS_AT_ONCE {
            return Err(ValidationError::Invalid { field: "count", reason: "must be between 1 and 200" }.into());
        }
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ComposeQuestionnaire).await?;
        Self::keep_closed(&entered, Outward::AnswerCards)?;
        let side_row = tx.sides(initiative).await?.into_iter().find(|s| s.id == side).ok_or_else(|| {
            AppError::Invalid(ValidationError::UnknownValue { field: "side", value: side.to_string() })
        })?;
        let side_name = self.side_from_row(&entered.key, &side_row)?.name;
        let (row, mut questionnaire) =
            self.load_one::<Questionnaire>(tx.as_mut(), &entered, initiative, id.as_uuid()).await?;
        if questionnaire.stage == Stage::Closed {
            return Err(AppError::AnswerRefused(AnswerRefusal::NotOpen));
        }
        let mut issued = Vec::with_capacity(count);
        for _ in 0..count {
            let code = AnswerCode::from_bytes(self.random());
            questionnaire.cards.push(Card { digest: code.digest(&entered.key, id), side });
            issued.push(IssuedCard { code, side_name: side_name.clone(), path: format!("/answer/{id}") });
        }
        self.replace_record(tx.as_mut(), &entered, &row, &questionnaire).await?;
        self.record(tx.as_mut(), who, AuditAction::AnswerCardsIssued, AuditTarget::of(TargetKind::Questionnaire, id))
            .await?;
        tx.commit().await?;
        Ok(issued)
    }

    async fn open_questionnaire(&self, tx: &mut dyn WriteTx, id: QuestionnaireId) -> Result<Opened> {
        let row = tx
            .sealed_record(id.as_uuid())
            .await?
            .filter(|r| r.kind == RecordKind::Questionnaire)
            .ok_or(AppError::NotFound)?;
        let initiative = tx.initiative(row.initiative).await?.ok_or(AppError::NotFound)?;
        // No card opens anything in a secret channel, as if it did not exist.
        if initiative.secret_channel {
            return Err(AppError::NotFound);
        }
        let key = self.keyring.data_key(tx, initiative.key).await?;
        let questionnaire = self.open_record(&key, &row)?;
        Ok(Opened { initiative, key, row, questionnaire })
    }

    /// A questionnaire's title, for the page where a card's code is typed; "not found" unless it
    /// takes answers now.
    pub async fn questionnaire_title(&self, id: QuestionnaireId) -> Result<String> {
        let mut tx = self.begin().await?;
        let opened = self.open_questionnaire(tx.as_mut(), id).await?;
        tx.commit().await?;
        if opened.questionnaire.stage.open_for().is_none() {
            return Err(AppError::AnswerRefused(AnswerRefusal::NotOpen));
        }
        Ok(opened.questionnaire.title)
    }

    /// The card's side, and the time it answers at now (refused if it already did).
    async fn card_and_time(
        &self,
        tx: &mut dyn WriteTx,
        opened: &Opened,
        id: QuestionnaireId,
        code: &AnswerCode,
    ) -> Result<(String, SideId, Timing, uuid::Uuid)> {
        let digest = code.digest(&opened.key, id);
        // An unknown code is a bad credential, counted against the address like one.
        let side = opened.questionnaire.card(&digest).ok_or(AppError::Unauthenticated)?;
        let timing = opened.questionnaire.stage.open_for().ok_or(AppError::AnswerRefused(AnswerRefusal::NotOpen))?;
        let response_id = code.response_id(&opened.key, id, timing);
        if tx.sealed_record(response_id).await?.is_some() {
            return Err(AppError::AnswerRefused(AnswerRefusal::AlreadyAnswered));
        }
        Ok((digest, side, timing, response_id))
    }

    /// What a card holder answers now, worded for their side.
    pub async fn answering(&self, id: QuestionnaireId, code: &AnswerCode) -> Result<AnsweringView> {
        let mut tx = self.begin().await?;
        let opened = self.open_questionnaire(tx.as_mut(), id).await?;
        let (_, side, timing, _) = self.card_and_time(tx.as_mut(), &opened, id, code).await?;
        let mut others = Vec::new();
        for row in tx.sides(opened.initiative.id).await? {
            if row.id != side {
                others.push(self.side_from_row(&opened.key, &row)?.name);
            }
        }
        tx.commit().await?;
        others.sort();
        let other_side = if others.is_empty() { "the other side".to_owned() } else { others.join(" / ") };
        Ok(AnsweringView {
            title: opened.questionnaire.title.clone(),
            timing,
            items: opened.questionnaire.bank_items().map(|item| (item, item.text(&other_side))).collect(),
        })
    }

    /// Takes a card holder's answers at the questionnaire's open time. Answering is not audited
    /// and its stored times are the questionnaire's: nothing records when a card answered.
    pub async fn answer_questionnaire(
        &self,
        id: QuestionnaireId,
        code: &AnswerCode,
        answers: BTreeMap<String, u8>,
    ) -> Result<Timing> {
        let mut tx = self.begin().await?;
        let opened = self.open_questionnaire(tx.as_mut(), id).await?;
        let (card, side, timing, response_id) = self.card_and_time(tx.as_mut(), &opened, id, code).await?;
        let response = Response { card, timing, side, answers };
        response.check(&opened.questionnaire).map_err(|e| AppError::AnswerRefused(e.into()))?;
        let row = SealedRecordRow {
            id: response_id,
            initiative: opened.initiative.id,
            kind: RecordKind::QuestionnaireResponse,
            parent: Some(id.as_uuid()),
            body: self.seal_record(&opened.key, &response_id, &response)?,
            created_at: opened.row.created_at,
            updated_at: opened.row.created_at,
        };
        // Two answers racing with one code: the second meets the first's primary key.
        tx.insert_sealed_record(&row).await.map_err(|e| match AppError::from(e) {
            AppError::Conflict(_) => AppError::AnswerRefused(AnswerRefusal::AlreadyAnswered),
            other => other,
        })?;
        tx.commit().await.map_err(|e| match AppError::from(e) {
            AppError::Conflict(_) => AppError::AnswerRefused(AnswerRefusal::AlreadyAnswered),
            other => other,
        })?;
        Ok(timing)
    }
}
