//! Choosing invitees under the initiative's risk ceiling, and the ceiling itself.

use std::collections::{BTreeSet, HashMap};

use time::Date;
use tracktwo_analysis as analysis;
use tracktwo_domain::map::{Level, RiskCeiling, SelectionReader, Track, Unavailable};
use tracktwo_domain::{ActorId, AuditAction, AuditTarget, Identity, InitiativeId, Operation, TargetKind};

use super::SystemMap;
use super::system_map::{day, level_from, level_of, track_of};
use crate::{App, Result};

/// What to select.
#[derive(Debug, Clone)]
pub struct SelectionSpec {
    /// The actors to choose from; empty means every person on a side.
    pub candidates: Vec<ActorId>,
    pub invitees: usize,
    pub needed_tracks: Vec<Track>,
    pub needed_levels: Vec<Level>,
    /// The map as of this day decides access to decision-makers.
    pub as_of: Date,
}

#[derive(Debug, Clone)]
pub struct Invitee {
    pub actor: ActorId,
    /// Why they were chosen, as data: the page and the command line say it in their reader's
    /// language.
    pub because: Because,
}

/// A track or a level of leadership asked of each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Track(Track),
    Level(Level),
}

/// Why an invitee was chosen: the needs they meet for their side, and the decision-makers the
/// group comes closer to. Neither: chosen to keep the sides balanced.
#[derive(Debug, Clone, Default)]
pub struct Because {
    pub needs: Vec<Need>,
    /// The name of the side whose needs they meet (empty when they meet none).
    pub side: String,
    /// The decision-makers the group comes closer to.
    pub decision_makers: Vec<AccessGain>,
}

/// A decision-maker the group comes closer to, with the strength (0–5) of the weakest tie of
/// the best chain to them before and after.
#[derive(Debug, Clone, Copy)]
pub struct AccessGain {
    pub decision_maker: ActorId,
    pub from: u8,
    pub to: u8,
}

#[derive(Debug, Clone)]
pub struct Exclusion {
    pub actor: ActorId,
    /// Why, for those who read the registry; `None` ("not available") for everyone else, so the
    /// answer says nothing of consent or risk.
    pub reason: Option<Unavailable>,
}

#[derive(Debug, Clone, Default)]
pub struct SelectionReport {
    pub chosen: Vec<Invitee>,
    /// Candidates who could not be invited: why, for those who read the registry; "not
    /// available" for everyone else.
    pub excluded: Vec<Exclusion>,
    /// Needs no invitee meets: the side's name and its need.
    pub unmet_needs: Vec<(String, Need)>,
    /// The initiative's risk ceiling the selection applied.
    pub ceiling: RiskCeiling,
}

impl App {
    /// The risk ceiling the initiative's selections apply (6 per person and 60 for the group
    /// until the convener or operations set one), for those who may run a selection.
    pub async fn risk_ceiling(&self, who: &Identity, initiative: InitiativeId) -> Result<RiskCeiling> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::SelectParticipants).await?;
        let (_, record) = self.design_record(tx.as_mut(), &entered, initiative).await?;
        tx.commit().await?;
        Ok(record.risk_ceiling.unwrap_or_default())
    }

    /// Sets the risk ceiling of every later selection in the initiative: the convener's or
    /// operations' decision, never one made run by run.
    pub async fn set_risk_ceiling(&self, who: &Identity, initiative: InitiativeId, ceiling: RiskCeiling) -> Result<()> {
        ceiling.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::SetRiskCeiling).await?;
        let (row, mut record) = self.design_record(tx.as_mut(), &entered, initiative).await?;
        record.risk_ceiling = Some(ceiling);
        self.put_design_record(tx.as_mut(), &entered, initiative, row.as_ref(), &record).await?;
        self.record(tx.as_mut(), who, AuditAction::RiskCeilingSet, AuditTarget::of(TargetKind::Initiative, initiative))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Chooses invitees under the initiative's risk ceiling. The registry's consent and risk
    /// weigh in; a caller who may not read the registry learns from the report only who is
    /// available: the excluded are "not available", whatever the reason, and each available
    /// person counts at the ceiling against the group's, so no request — and no series of
    /// requests — reads a score back from the choices.
    pub async fn select_participants(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        spec: &SelectionSpec,
    ) -> Result<(SystemMap, SelectionReport)> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::SelectParticipants).await?;
        let reader = if Self::also(who, &entered, Operation::ReadRegistry).is_ok() {
            SelectionReader::OfRegistry
        } else {
            SelectionReader::WithoutRegistry
        };
        let ceiling = self.design_record(tx.as_mut(), &entered, initiative).await?.1.risk_ceiling.unwrap_or_default();
        // The selection reasons over the whole map (a back channel is access too), but reports
        // in the caller's view.
        let (actors, ties) = self.load_map(tx.as_mut(), &entered, initiative).await?;
        let mut registry = HashMap::new();
        for row in tx.registry_entries(initiative).await? {
            registry.insert(row.actor, self.registry_from_row(&entered.key, &row)?);
        }
        let view = self.view_map(tx.as_mut(), who, &entered, initiative).await?;
        self.record(tx.as_mut(), who, AuditAction::SelectionRun, AuditTarget::of(TargetKind::Initiative, initiative))
            .await?;
        tx.commit().await?;

        let full = SystemMap { actors, ties, ..view.clone() };
        // Only the available are candidates, so only their counted risk reaches the analysis.
        let risk: HashMap<ActorId, u8> = registry
            .iter()
            .filter(|(_, entry)| ceiling.availability(Some(entry)).is_ok())
            .map(|(id, entry)| (*id, ceiling.counted_risk(entry, reader)))
            .collect();
        let indexed = full.indexed(&risk);
        let candidate_ids: Vec<ActorId> = if spec.candidates.is_empty() {
            full.actors
                .iter()
                // An unplaced actor's track and level stand in for ones not yet known.
                .filter(|a| {
                    a.details.kind == tracktwo_domain::map::ActorKind::Person
                        && a.details.side.is_some()
                        && !a.details.is_unplaced()
                })
                .map(|a| a.id)
                .collect()
        } else {
            spec.candidates.clone()
        };
        let mut report = SelectionReport { ceiling, ..SelectionReport::default() };
        let mut candidates = Vec::new();
        for id in candidate_ids {
            let Some(position) = indexed.actor_ids.iter().position(|a| *a == id) else { continue };
            match ceiling.availability(registry.get(&id)) {
                Err(unavailable) => {
                    report.excluded.push(Exclusion { actor: id, reason: unavailable.as_seen_by(reader) })
                }
                Ok(()) => candidates.push(analysis::ActorIdx(u32::try_from(position).unwrap_or(u32::MAX))),
            }
        }
        let request = analysis::SelectionRequest {
            candidates,
            invitees: spec.invitees,
            sides: (0..full.sides.len()).map(|i| analysis::SideKey(u32::try_from(i).unwrap_or(0))).collect(),
            needed_tracks: spec.needed_tracks.iter().map(|t| track_of(*t)).collect(),
            needed_levels: spec.needed_levels.iter().map(|l| level_of(*l)).collect(),
            max_individual_risk: ceiling.per_person,
            max_total_risk: ceiling.group,
        };
        let snapshot = indexed.map.as_of(day(spec.as_of));
        let selection = analysis::select(&snapshot, &request);
        let mut met = BTreeSet::new();
        for choice in &selection.chosen {
            // Tracks before levels, as the sentence reads.
            let mut because = Because::default();
            let mut level_needs = Vec::new();
            for reason in &choice.reasons {
                match *reason {
                    analysis::Reason::Track { side, track } => {
                        met.insert((side, Ok(track.number())));
                        let track = Track::from_number(track.number()).unwrap_or(Track::Government);
                        because.needs.push(Need::Track(track));
                        because.side = view.side_name(indexed.side_of(side));
                    }
                    analysis::Reason::Level { side, level } => {
                        met.insert((side, Err(level_from(level))));
                        level_needs.push(Need::Level(level_from(level)));
                        because.side = view.side_name(indexed.side_of(side));
                    }
                    analysis::Reason::Access { decision_maker, from, to } => {
                        let decision_maker = indexed.actor_ids[decision_maker.0 as usize];
                        because.decision_makers.push(AccessGain { decision_maker, from, to });
                    }
                }
            }
            because.needs.extend(level_needs);
            report.chosen.push(Invitee { actor: indexed.actor_ids[choice.actor.0 as usize], because });
        }
        for (i, side) in full.sides.iter().enumerate() {
            let key = analysis::SideKey(u32::try_from(i).unwrap_or(0));
            for track in &spec.needed_tracks {
                if !met.contains(&(key, Ok(track.number()))) {
                    report.unmet_needs.push((side.name.clone(), Need::Track(*track)));
                }
            }
            for level in &spec.needed_levels {
                if !met.contains(&(key, Err(*level))) {
                    report.unmet_needs.push((side.name.clone(), Need::Level(*level)));
                }
            }
        }
        Ok((view, report))
    }
}
