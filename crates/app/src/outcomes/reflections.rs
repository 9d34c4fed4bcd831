//! Reflective practice on the theory of change: dated readings of each assumption by the team,
//! the rounds that have ended without one, and the evidence each assumption has.

use time::Date;
use tracktwo_domain::dialogue::Round;
use tracktwo_domain::outcomes::{
    AssumptionStatus, Outcome, OutcomeSight, Reflection, review_assumptions, rounds_awaiting_reflection,
};
use tracktwo_domain::{
    AuditAction, AuditTarget, Identity, InitiativeId, Operation, OutcomeId, ReflectionId, RoundId, TargetKind,
};
use tracktwo_store::WriteTx;

use super::user_of;
use crate::gate::Entered;
use crate::{App, Result};

/// A round that has ended and that no reflection names yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundAwaitingReflection {
    pub round: RoundId,
    pub number: u32,
    pub title: String,
}

/// One assumption of the theory of change: its words, its readings over time, and the outcomes
/// that support or question it (id and what changed).
#[derive(Debug, Clone)]
pub struct AssumptionReview {
    pub assumption: String,
    pub history: Vec<(Date, AssumptionStatus, String)>,
    pub supporting: Vec<(OutcomeId, String)>,
    pub questioning: Vec<(OutcomeId, String)>,
}

/// The theory of change as the team has read it over time.
#[derive(Debug, Clone, Default)]
pub struct TheoryReview {
    pub if_we: String,
    pub then: String,
    pub because: String,
    pub assumptions: Vec<AssumptionReview>,
    pub reflections: Vec<(ReflectionId, Reflection)>,
    pub awaiting: Vec<RoundAwaitingReflection>,
}

impl App {
    async fn awaiting(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        reflections: &[Reflection],
    ) -> Result<Vec<RoundAwaitingReflection>> {
        let rounds: Vec<(RoundId, Round)> = self
            .load_all::<Round>(tx, entered, initiative, None)
            .await?
            .into_iter()
            .map(|(row, round)| (RoundId::from_uuid(row.id), round))
            .collect();
        let refs: Vec<(RoundId, &Round)> = rounds.iter().map(|(id, r)| (*id, r)).collect();
        let waiting = rounds_awaiting_reflection(&refs, reflections, self.now().date());
        let mut out: Vec<RoundAwaitingReflection> = rounds
            .iter()
            .filter(|(id, _)| waiting.contains(id))
            .map(|(id, r)| RoundAwaitingReflection { round: *id, number: r.number, title: r.title.clone() })
            .collect();
        out.sort_by_key(|r| r.number);
        Ok(out)
    }

    /// Records a reflection. A member is its author; the key holder names one in `reflection.by`.
    pub async fn add_reflection(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        mut reflection: Reflection,
    ) -> Result<ReflectionId> {
        if let Some(id) = user_of(who) {
            reflection.by = id;
        }
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::Reflect).await?;
        let (_, design) = self.design_record(tx.as_mut(), &entered, initiative).await?;
        let assumptions = design.design.map_or(0, |d| d.theory_of_change.assumptions.len());
        reflection.validate(assumptions)?;
        if let Some(round) = reflection.round {
            self.load_one::<Round>(tx.as_mut(), &entered, initiative, round.as_uuid()).await?;
        }
        let id =
            ReflectionId::from_uuid(self.insert_record(tx.as_mut(), &entered, initiative, None, &reflection).await?);
        self.record(tx.as_mut(), who, AuditAction::ReflectionRecorded, AuditTarget::of(TargetKind::Reflection, id))
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Each assumption's status history and evidence, the reflections, and the rounds waiting
    /// for one. Evidence is drawn from the outcomes the caller sees whole.
    pub async fn theory_review(&self, who: &Identity, initiative: InitiativeId) -> Result<TheoryReview> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::Reflect).await?;
        let (_, design) = self.design_record(tx.as_mut(), &entered, initiative).await?;
        let theory = design.design.map(|d| d.theory_of_change).unwrap_or_default();
        let mut reflections: Vec<(ReflectionId, Reflection)> = self
            .load_all::<Reflection>(tx.as_mut(), &entered, initiative, None)
            .await?
            .into_iter()
            .map(|(row, r)| (ReflectionId::from_uuid(row.id), r))
            .collect();
        reflections.sort_by_key(|(id, r)| (r.on, *id));
        let plain: Vec<Reflection> = reflections.iter().map(|(_, r)| r.clone()).collect();
        let outcomes: Vec<(OutcomeId, Outcome)> = self
            .load_all::<Outcome>(tx.as_mut(), &entered, initiative, None)
            .await?
            .into_iter()
            .filter(|(_, o)| Self::sight_of(who, &entered, o) == OutcomeSight::Full)
            .map(|(row, o)| (OutcomeId::from_uuid(row.id), o))
            .collect();
        let refs: Vec<(OutcomeId, &Outcome)> = outcomes.iter().map(|(id, o)| (*id, o)).collect();
        let what = |id: OutcomeId| {
            outcomes.iter().find(|(o, _)| *o == id).map(|(_, o)| o.change.what.clone()).unwrap_or_default()
        };
        let assumptions = review_assumptions(&theory.assumptions, &plain, &refs)
            .into_iter()
            .map(|record| AssumptionReview {
                assumption: record.assumption.to_owned(),
                history: record.history,
                supporting: record.evidence.supporting.into_iter().map(|id| (id, what(id))).collect(),
                questioning: record.evidence.questioning.into_iter().map(|id| (id, what(id))).collect(),
            })
            .collect();
        let awaiting = self.awaiting(tx.as_mut(), &entered, initiative, &plain).await?;
        self.record(
            tx.as_mut(),
            who,
            AuditAction::ReflectionsRead,
            AuditTarget::of(TargetKind::Initiative, initiative),
        )
        .await?;
        tx.commit().await?;
        Ok(TheoryReview {
            if_we: theory.if_we,
            then: theory.then,
            because: theory.because,
            assumptions,
            reflections,
            awaiting,
        })
    }

    /// The rounds that have ended without a reflection, for the prompt on the process pages;
    /// empty for whoever does not reflect.
    pub async fn rounds_awaiting_reflection(
        &self,
        who: &Identity,
        initiative: InitiativeId,
    ) -> Result<Vec<RoundAwaitingReflection>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ViewInitiative).await?;
        if Self::also(who, &entered, Operation::Reflect).is_err() {
            return Ok(Vec::new());
        }
        let reflections: Vec<Reflection> = self
            .load_all::<Reflection>(tx.as_mut(), &entered, initiative, None)
            .await?
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        let out = self.awaiting(tx.as_mut(), &entered, initiative, &reflections).await?;
        tx.commit().await?;
        Ok(out)
    }
}
