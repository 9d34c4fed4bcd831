//! Outcome Harvesting and reflective practice: outcomes harvested, substantiated by someone
//! independent and reported; each reader shown an outcome whole, cleared of names or not at all
//! (`tracktwo_domain::outcomes::sight`); the team's reflections on the theory of change.
//!
//! Outcomes are sealed records (`outcome`), each substantiation a sealed record under its
//! outcome (`substantiation`), each reflection one more (`reflection`).

mod reflections;

use tracktwo_domain::dialogue::{DialogueOption, Meeting};
use tracktwo_domain::outcomes::{
    ClearedOutcome, Outcome, OutcomeSight, OutcomeState, Reflection, Substantiation, WorkflowError, advance,
    may_substantiate, sight,
};
use tracktwo_domain::scrub::Names;
use tracktwo_domain::transfer::{CoordinationEvent, Readout, TransferEvent};
use tracktwo_domain::{
    AuditAction, AuditTarget, Identity, InitiativeId, Operation, OutcomeId, Principal, TargetKind, UserId,
    ValidationError,
};
use tracktwo_store::WriteTx;

pub use reflections::{AssumptionReview, RoundAwaitingReflection, TheoryReview};

use crate::gate::Entered;
use crate::sealed_records::{Sealable, sealable};
use crate::{App, AppError, Result};

sealable!(Outcome, Outcome, "outcomes");
sealable!(Substantiation, Substantiation, "substantiations");
sealable!(Reflection, Reflection, "reflections");

/// An outcome as one reader sees it. Built once per outcome read and handed to the edge, so
/// the whole record is kept inline rather than boxed.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum OutcomeView {
    /// The whole record, with every substantiation given.
    Full { outcome: Outcome, substantiations: Vec<Substantiation> },
    /// The statement cleared of every name.
    Cleared(ClearedOutcome),
}

impl OutcomeView {
    #[must_use]
    pub fn state(&self) -> OutcomeState {
        match self {
            OutcomeView::Full { outcome, .. } => outcome.state,
            OutcomeView::Cleared(c) => c.state,
        }
    }

    #[must_use]
    pub fn rpp(&self) -> tracktwo_domain::outcomes::RppCell {
        match self {
            OutcomeView::Full { outcome, .. } => outcome.rpp,
            OutcomeView::Cleared(c) => c.rpp,
        }
    }

    #[must_use]
    pub fn layer(&self) -> tracktwo_domain::outcomes::Layer {
        match self {
            OutcomeView::Full { outcome, .. } => outcome.layer,
            OutcomeView::Cleared(c) => c.layer,
        }
    }

    #[must_use]
    pub fn on(&self) -> time::Date {
        match self {
            OutcomeView::Full { outcome, .. } => outcome.change.on,
            OutcomeView::Cleared(c) => c.on,
        }
    }

    /// What changed, as this reader may read it.
    #[must_use]
    pub fn what(&self) -> &str {
        match self {
            OutcomeView::Full { outcome, .. } => &outcome.change.what,
            OutcomeView::Cleared(c) => &c.what,
        }
    }
}

/// What a refused workflow step tells the caller.
impl From<WorkflowError> for AppError {
    fn from(error: WorkflowError) -> Self {
        AppError::OutcomeRefused(error)
    }
}

fn user_of(who: &Identity) -> Option<UserId> {
    match who.principal {
        Principal::User { id, .. } => Some(id),
        Principal::KeyHolder => None,
    }
}

impl App {
    /// What `who` sees of `outcome`: the key holder all of it, a member as the rule says.
    fn sight_of(who: &Identity, entered: &Entered, outcome: &Outcome) -> OutcomeSight {
        match (who.principal, entered.standing) {
            (Principal::KeyHolder, _) => OutcomeSight::Full,
            (_, None) => OutcomeSight::Hidden,
            (Principal::User { id, .. }, Some(standing)) => {
                sight(standing.role, outcome.confidentiality, outcome.state, id == outcome.harvested_by)
            }
        }
    }

    /// The outcomes of the initiative `who` may see at all, whole or cleared; for the timeline,
    /// which shows no word of them.
    pub(crate) async fn visible_outcomes(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        initiative: InitiativeId,
    ) -> Result<Vec<Outcome>> {
        Ok(self
            .load_all::<Outcome>(tx, entered, initiative, None)
            .await?
            .into_iter()
            .map(|(_, o)| o)
            .filter(|o| Self::sight_of(who, entered, o) != OutcomeSight::Hidden)
            .collect())
    }

    /// Every name of the initiative a reader without names must not meet: each actor of the map
    /// with the registry's aliases and other-script spellings, and each attendee of a meeting
    /// with their organisation.
    pub(crate) async fn initiative_names(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
    ) -> Result<Names> {
        let mut names = Names::new();
        for row in tx.actors(initiative).await? {
            let actor = self.actor_from_row(&entered.key, &row)?;
            let aliases = match tx.registry_entry(actor.id).await?.filter(|r| r.initiative == initiative) {
                Some(row) => self.registry_from_row(&entered.key, &row)?.aliases,
                None => Vec::new(),
            };
            match (&actor.details.name, actor.details.kind) {
                (Some(name), tracktwo_domain::map::ActorKind::Organisation) => {
                    names.add_organisation(name);
                    for alias in &aliases {
                        names.add_organisation(alias);
                    }
                }
                (Some(name), _) => names.add_person(name, &aliases),
                (None, _) => {}
            }
            // A role ("the fishers' cooperative") points at one actor as surely as a name.
            if !actor.details.role.trim().is_empty() {
                names.add_organisation(&actor.details.role);
            }
        }
        for (_, meeting) in self.load_all::<Meeting>(tx, entered, initiative, None).await? {
            for person in &meeting.attendance {
                names.add_person(&person.name, &[] as &[&str]);
                names.add_organisation(&person.organisation);
            }
        }
        // Every source and substantiator the record names, whichever outcome they vouch for: a
        // draft's text may name someone who substantiates another, or this one later.
        for (_, outcome) in self.load_all::<Outcome>(tx, entered, initiative, None).await? {
            for source in outcome.sources.iter().filter(|s| !s.document) {
                names.add_person(&source.name, &[] as &[&str]);
            }
        }
        for (_, word) in self.load_all::<Substantiation>(tx, entered, initiative, None).await? {
            names.add_person(&word.name, &[] as &[&str]);
        }
        Ok(names)
    }

    /// The outcome with its substantiations, as `who` may see it; `None` when hidden.
    async fn view_outcome(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        initiative: InitiativeId,
        (id, outcome): (uuid::Uuid, Outcome),
        names: &mut Option<Names>,
    ) -> Result<Option<OutcomeView>> {
        let seen = Self::sight_of(who, entered, &outcome);
        if seen == OutcomeSight::Hidden {
            return Ok(None);
        }
        let substantiations: Vec<Substantiation> = self
            .load_all::<Substantiation>(tx, entered, initiative, Some(id))
            .await?
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        Ok(Some(match seen {
            OutcomeSight::Full => OutcomeView::Full { outcome, substantiations },
            _ => {
                if names.is_none() {
                    *names = Some(self.initiative_names(tx, entered, initiative).await?);
                }
                let withheld = names.as_ref().map_or_else(Names::new, Clone::clone);
                OutcomeView::Cleared(outcome.cleared(&substantiations, &withheld))
            }
        }))
    }

    /// Checks that every record the outcome links to is of this initiative (and of its kind).
    async fn check_links(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        outcome: &Outcome,
    ) -> Result<()> {
        async fn exists<T: Sealable>(
            app: &App,
            tx: &mut dyn WriteTx,
            entered: &Entered,
            initiative: InitiativeId,
            id: uuid::Uuid,
            field: &'static str,
        ) -> Result<()> {
            match app.load_one::<T>(tx, entered, initiative, id).await {
                Ok(_) => Ok(()),
                Err(AppError::NotFound) => Err(AppError::Invalid(ValidationError::Invalid {
                    field,
                    reason: "names a record not of this initiative",
                })),
                Err(other) => Err(other),
            }
        }
        let c = &outcome.contribution;
        for id in &c.meetings {
            exists::<Meeting>(self, tx, entered, initiative, id.as_uuid(), "contributing meeting").await?;
        }
        for id in &c.options {
            exists::<DialogueOption>(self, tx, entered, initiative, id.as_uuid(), "contributing option").await?;
        }
        for id in &c.readouts {
            exists::<Readout>(self, tx, entered, initiative, id.as_uuid(), "contributing readout").await?;
        }
        for id in &c.transfers {
            exists::<TransferEvent>(self, tx, entered, initiative, id.as_uuid(), "contributing transfer").await?;
        }
        for id in &c.coordination {
            exists::<CoordinationEvent>(self, tx, entered, initiative, id.as_uuid(), "contributing coordination")
                .await?;
        }
        if let Some(actor) = outcome.social_actor.actor
            && tx.actor(actor).await?.is_none_or(|row| row.initiative != initiative)
        {
            return Err(AppError::Invalid(ValidationError::Invalid {
                field: "social actor",
                reason: "is not an actor of this initiative's map",
            }));
        }
        let (_, design) = self.design_record(tx, entered, initiative).await?;
        let assumptions = design.design.map_or(0, |d| d.theory_of_change.assumptions.len());
        if outcome.assumptions.iter().any(|(a, _)| usize::try_from(*a).map_or(true, |a| a >= assumptions)) {
            return Err(AppError::Invalid(ValidationError::Invalid {
                field: "assumption",
                reason: "is not in the theory of change",
            }));
        }
        Ok(())
    }

    /// Whether `who` may harvest outcomes in the initiative (for the form, before anything is
    /// written).
    pub async fn may_harvest(&self, who: &Identity, initiative: InitiativeId) -> Result<()> {
        let mut tx = self.begin().await?;
        self.enter(tx.as_mut(), who, initiative, Operation::HarvestOutcome).await?;
        Ok(())
    }

    /// Harvests an outcome as a draft. A member is its harvester; the key holder (importing a
    /// harvest) names the harvester in `outcome.harvested_by`.
    pub async fn harvest_outcome(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        mut outcome: Outcome,
    ) -> Result<OutcomeId> {
        if let Some(id) = user_of(who) {
            outcome.harvested_by = id;
        }
        outcome.state = OutcomeState::Draft;
        outcome.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::HarvestOutcome).await?;
        self.check_links(tx.as_mut(), &entered, initiative, &outcome).await?;
        let id = OutcomeId::from_uuid(self.insert_record(tx.as_mut(), &entered, initiative, None, &outcome).await?);
        self.record(tx.as_mut(), who, AuditAction::OutcomeHarvested, AuditTarget::of(TargetKind::Outcome, id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Rewrites an outcome's statement. A reported outcome stays as reported; any other goes
    /// back to draft, to be substantiated as it now reads.
    pub async fn update_outcome(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: OutcomeId,
        mut outcome: Outcome,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::HarvestOutcome).await?;
        let (row, current) = self.load_one::<Outcome>(tx.as_mut(), &entered, initiative, id.as_uuid()).await?;
        if Self::sight_of(who, &entered, &current) != OutcomeSight::Full {
            return Err(AppError::NotFound);
        }
        if current.state == OutcomeState::Reported {
            return Err(WorkflowError::AlreadyReported.into());
        }
        outcome.harvested_by = current.harvested_by;
        outcome.harvested_on = current.harvested_on;
        outcome.state = OutcomeState::Draft;
        outcome.validate()?;
        self.check_links(tx.as_mut(), &entered, initiative, &outcome).await?;
        self.replace_record(tx.as_mut(), &entered, &row, &outcome).await?;
        self.record(tx.as_mut(), who, AuditAction::OutcomeUpdated, AuditTarget::of(TargetKind::Outcome, id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The caller's word on an outcome, as an independent substantiator: never its harvester.
    /// The substantiation is the caller's own: `by` is set to their account.
    pub async fn substantiate_outcome(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: OutcomeId,
        mut substantiation: Substantiation,
    ) -> Result<()> {
        let Some(by) = user_of(who) else {
            return Err(AppError::Invalid(ValidationError::Invalid {
                field: "substantiator",
                reason: "must be a member, signed in, who gives their own word",
            }));
        };
        substantiation.by = by;
        substantiation.name = substantiation.name.trim().to_owned();
        substantiation.comment = substantiation.comment.trim().to_owned();
        substantiation.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::SubstantiateOutcome).await?;
        let (_, outcome) = self.load_one::<Outcome>(tx.as_mut(), &entered, initiative, id.as_uuid()).await?;
        // The evaluator substantiates what they see cleared of names; editing needs it whole.
        if Self::sight_of(who, &entered, &outcome) == OutcomeSight::Hidden {
            return Err(AppError::NotFound);
        }
        may_substantiate(&outcome, by)?;
        self.insert_record(tx.as_mut(), &entered, initiative, Some(id.as_uuid()), &substantiation).await?;
        self.record(tx.as_mut(), who, AuditAction::OutcomeSubstantiated, AuditTarget::of(TargetKind::Outcome, id))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Moves an outcome to its next state: substantiated (when someone independent bears it
    /// out), then reported.
    pub async fn advance_outcome(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: OutcomeId,
        to: OutcomeState,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::HarvestOutcome).await?;
        let (row, mut outcome) = self.load_one::<Outcome>(tx.as_mut(), &entered, initiative, id.as_uuid()).await?;
        if Self::sight_of(who, &entered, &outcome) == OutcomeSight::Hidden {
            return Err(AppError::NotFound);
        }
        let substantiations: Vec<Substantiation> = self
            .load_all::<Substantiation>(tx.as_mut(), &entered, initiative, Some(id.as_uuid()))
            .await?
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        advance(&mut outcome, &substantiations, to)?;
        self.replace_record(tx.as_mut(), &entered, &row, &outcome).await?;
        self.record(tx.as_mut(), who, AuditAction::OutcomeAdvanced, AuditTarget::of(TargetKind::Outcome, id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The outcomes `who` may see, each as they may see it, oldest change first.
    pub async fn outcomes(&self, who: &Identity, initiative: InitiativeId) -> Result<Vec<(OutcomeId, OutcomeView)>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadOutcomes).await?;
        let mut names = None;
        let mut out = Vec::new();
        for (row, outcome) in self.load_all::<Outcome>(tx.as_mut(), &entered, initiative, None).await? {
            if let Some(view) =
                self.view_outcome(tx.as_mut(), who, &entered, initiative, (row.id, outcome), &mut names).await?
            {
                out.push((OutcomeId::from_uuid(row.id), view));
            }
        }
        self.record(tx.as_mut(), who, AuditAction::OutcomesRead, AuditTarget::of(TargetKind::Initiative, initiative))
            .await?;
        tx.commit().await?;
        out.sort_by_key(|(id, view)| (view.on(), *id));
        Ok(out)
    }

    /// One outcome as `who` may see it; one they may not see is not found.
    pub async fn outcome(&self, who: &Identity, initiative: InitiativeId, id: OutcomeId) -> Result<OutcomeView> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadOutcomes).await?;
        let (_, outcome) = self.load_one::<Outcome>(tx.as_mut(), &entered, initiative, id.as_uuid()).await?;
        let view = self
            .view_outcome(tx.as_mut(), who, &entered, initiative, (id.as_uuid(), outcome), &mut None)
            .await?
            .ok_or(AppError::NotFound)?;
        self.record(tx.as_mut(), who, AuditAction::OutcomesRead, AuditTarget::of(TargetKind::Outcome, id)).await?;
        tx.commit().await?;
        Ok(view)
    }
}
