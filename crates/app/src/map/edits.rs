//! Changes to the map: actors, ties, dated snapshots, and imports of whole maps.

use std::collections::{BTreeSet, HashMap};

use tracktwo_domain::SnapshotId;
use tracktwo_domain::map::{Actor, ActorDetails, MapSnapshot, Tie, TieDetails};
use tracktwo_domain::{ActorId, AuditAction, AuditTarget, Identity, InitiativeId, Operation, TargetKind, TieId};
use tracktwo_interchange::{ImportProblem, MapFile};
use tracktwo_store::{ActorRow, MapSnapshotRow, TieRow, WriteTx};

use crate::gate::Entered;
use crate::sealing::place;
use crate::{App, AppError, Conflict, ImportRecord, Result};

/// Where imported actors and ties went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub actors: usize,
    pub ties: usize,
    pub replaced: bool,
    /// The code names of the actors imported unplaced, each with the fields that could not be
    /// read, for the facilitator to place.
    pub unplaced: Vec<(String, Vec<String>)>,
}

/// A map file to import, as the user gave it.
#[derive(Debug, Clone, Copy)]
pub struct ImportSource<'a> {
    pub format: tracktwo_interchange::Format,
    /// The file's text (for CSV, actors.csv).
    pub file: &'a str,
    /// For CSV, ties.csv; empty otherwise.
    pub ties: &'a str,
    /// The file's name as the user gave it, for errors; `None` for the format's usual name.
    pub file_name: Option<&'a str>,
    /// For a map made elsewhere, its attributes mapped onto tracktwo's fields.
    pub mapping: Option<&'a tracktwo_interchange::Mapping>,
    /// The scheme of the file's track numbers, where it declares none.
    pub track_scheme: Option<tracktwo_interchange::TrackScheme>,
}

impl App {
    async fn check_actor_details(
        tx: &mut dyn WriteTx,
        initiative: InitiativeId,
        details: &mut ActorDetails,
        others: &[Actor],
    ) -> Result<()> {
        details.validate()?;
        if let Some(side) = details.side {
            Self::check_side(tx, initiative, side).await?;
        }
        if others.iter().any(|a| a.details.code_name.eq_ignore_ascii_case(&details.code_name)) {
            return Err(AppError::Conflict(Conflict::ActorCodeName { code_name: details.code_name.clone() }));
        }
        Ok(())
    }

    pub async fn add_actor(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        mut details: ActorDetails,
    ) -> Result<Actor> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        let (actors, _) = self.load_map(tx.as_mut(), &entered, initiative).await?;
        Self::check_actor_details(tx.as_mut(), initiative, &mut details, &actors).await?;
        let actor = self.insert_actor(tx.as_mut(), who, &entered, initiative, details).await?;
        tx.commit().await?;
        Ok(actor)
    }

    async fn insert_actor(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        initiative: InitiativeId,
        details: ActorDetails,
    ) -> Result<Actor> {
        let id = ActorId::from_random_bytes(self.random());
        let now = self.now();
        let body = self.seal_json(&entered.key, place!("actors"."body" @ id), &details)?;
        tx.insert_actor(&ActorRow { id, initiative, body, created_at: now, updated_at: now }).await?;
        self.record(tx, who, AuditAction::ActorCreated, AuditTarget::of(TargetKind::Actor, id)).await?;
        Ok(Actor { id, initiative, details, created_at: now, updated_at: now })
    }

    pub async fn update_actor(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ActorId,
        mut details: ActorDetails,
    ) -> Result<Actor> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        let (actors, _) = self.load_map(tx.as_mut(), &entered, initiative).await?;
        let current = actors.iter().find(|a| a.id == id).ok_or(AppError::NotFound)?.clone();
        let others: Vec<Actor> = actors.into_iter().filter(|a| a.id != id).collect();
        Self::check_actor_details(tx.as_mut(), initiative, &mut details, &others).await?;
        let now = self.now();
        let body = self.seal_json(&entered.key, place!("actors"."body" @ id), &details)?;
        tx.update_actor(&ActorRow { id, initiative, body, created_at: current.created_at, updated_at: now }).await?;
        self.record(tx.as_mut(), who, AuditAction::ActorUpdated, AuditTarget::of(TargetKind::Actor, id)).await?;
        tx.commit().await?;
        Ok(Actor { id, initiative, details, created_at: current.created_at, updated_at: now })
    }

    /// Removes an actor, its ties and its registry entry.
    pub async fn remove_actor(&self, who: &Identity, initiative: InitiativeId, id: ActorId) -> Result<()> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        let (actors, ties) = self.load_map(tx.as_mut(), &entered, initiative).await?;
        if !actors.iter().any(|a| a.id == id) {
            return Err(AppError::NotFound);
        }
        for tie in ties.iter().filter(|t| t.details.from == id || t.details.to == id) {
            tx.delete_tie(tie.id).await?;
            self.record(tx.as_mut(), who, AuditAction::TieRemoved, AuditTarget::of(TargetKind::Tie, tie.id)).await?;
        }
        tx.delete_actor(id).await?;
        self.record(tx.as_mut(), who, AuditAction::ActorRemoved, AuditTarget::of(TargetKind::Actor, id)).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn add_tie(&self, who: &Identity, initiative: InitiativeId, details: TieDetails) -> Result<Tie> {
        details.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        for end in [details.from, details.to] {
            match tx.actor(end).await? {
                Some(row) if row.initiative == initiative => {}
                _ => return Err(AppError::NotFound),
            }
        }
        let tie = self.insert_tie(tx.as_mut(), who, &entered, initiative, details).await?;
        tx.commit().await?;
        Ok(tie)
    }

    async fn insert_tie(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        initiative: InitiativeId,
        details: TieDetails,
    ) -> Result<Tie> {
        let id = TieId::from_random_bytes(self.random());
        let now = self.now();
        let body = self.seal_json(&entered.key, place!("ties"."body" @ id), &details)?;
        tx.insert_tie(&TieRow { id, initiative, body, created_at: now, updated_at: now }).await?;
        self.record(tx, who, AuditAction::TieCreated, AuditTarget::of(TargetKind::Tie, id)).await?;
        Ok(Tie { id, initiative, details, created_at: now, updated_at: now })
    }

    /// Ends or changes a tie (its ends stay).
    pub async fn update_tie(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: TieId,
        details: TieDetails,
    ) -> Result<Tie> {
        details.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        let row = tx.tie(id).await?.filter(|r| r.initiative == initiative).ok_or(AppError::NotFound)?;
        let current = self.tie_from_row(&entered.key, &row)?;
        if (current.details.from, current.details.to) != (details.from, details.to) {
            return Err(AppError::Invalid(tracktwo_domain::ValidationError::Invalid {
                field: "tie",
                reason: "keeps its ends; remove it and add another instead",
            }));
        }
        let now = self.now();
        let body = self.seal_json(&entered.key, place!("ties"."body" @ id), &details)?;
        tx.update_tie(&TieRow { id, initiative, body, created_at: row.created_at, updated_at: now }).await?;
        self.record(tx.as_mut(), who, AuditAction::TieUpdated, AuditTarget::of(TargetKind::Tie, id)).await?;
        tx.commit().await?;
        Ok(Tie { id, initiative, details, created_at: row.created_at, updated_at: now })
    }

    pub async fn remove_tie(&self, who: &Identity, initiative: InitiativeId, id: TieId) -> Result<()> {
        let mut tx = self.begin().await?;
        self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        tx.tie(id).await?.filter(|r| r.initiative == initiative).ok_or(AppError::NotFound)?;
        tx.delete_tie(id).await?;
        self.record(tx.as_mut(), who, AuditAction::TieRemoved, AuditTarget::of(TargetKind::Tie, id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Imports a map from the text of its files (for CSV, `file` is actors.csv and `ties` is
    /// ties.csv), its sides matched by name. The right to write the map is checked before the
    /// files are read, so a caller who may not import learns nothing from their errors.
    pub async fn import_map_files(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        source: ImportSource<'_>,
        replace: bool,
    ) -> Result<ImportReport> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        let mut sides = Vec::new();
        for row in tx.sides(initiative).await? {
            sides.push(self.open_field(&entered.key, place!("sides"."name" @ row.id), &row.name)?);
        }
        tx.commit().await?;
        let options = tracktwo_interchange::ReadOptions {
            file_name: source.file_name,
            ties_name: None,
            sides: Some(&sides),
            mapping: source.mapping,
            track_scheme: source.track_scheme,
        };
        let parsed =
            tracktwo_interchange::read_with(source.format, source.file, source.ties, &options).map_err(|error| {
                AppError::Import {
                    record: ImportRecord::Line { file: error.file, line: error.line },
                    problem: Box::new(error.problem),
                }
            })?;
        self.import_map(who, initiative, &parsed, replace).await
    }

    /// Imports a map file: all of it or, on the first problem, none of it. With `replace`, the
    /// current map (and its registry) goes first; otherwise the file's actors join the map and
    /// their code names must be new. Sides are matched by name.
    pub async fn import_map(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        file: &MapFile,
        replace: bool,
    ) -> Result<ImportReport> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        let (existing, existing_ties) = self.load_map(tx.as_mut(), &entered, initiative).await?;
        let mut sides = HashMap::new();
        for row in tx.sides(initiative).await? {
            let name = self.open_field(&entered.key, place!("sides"."name" @ row.id), &row.name)?;
            sides.insert(name.trim().to_lowercase(), row.id);
        }
        if replace {
            for tie in &existing_ties {
                tx.delete_tie(tie.id).await?;
                self.record(tx.as_mut(), who, AuditAction::TieRemoved, AuditTarget::of(TargetKind::Tie, tie.id))
                    .await?;
            }
            for actor in &existing {
                tx.delete_actor(actor.id).await?;
                self.record(tx.as_mut(), who, AuditAction::ActorRemoved, AuditTarget::of(TargetKind::Actor, actor.id))
                    .await?;
            }
        }
        let mut codes: HashMap<String, ActorId> = HashMap::new();
        let mut taken: BTreeSet<String> = BTreeSet::new();
        if !replace {
            for actor in &existing {
                taken.insert(actor.details.code_name.to_lowercase());
                codes.insert(actor.details.code_name.to_lowercase(), actor.id);
            }
        }
        for (i, actor) in file.actors.iter().enumerate() {
            let at = |problem: ImportProblem| AppError::Import {
                record: ImportRecord::Actor { number: i + 1, code_name: actor.code_name.clone() },
                problem: Box::new(problem),
            };
            let side = match &actor.side {
                None => None,
                Some(name) => Some(
                    *sides
                        .get(&name.trim().to_lowercase())
                        .ok_or_else(|| at(ImportProblem::NotASideHere { side: name.clone() }))?,
                ),
            };
            let mut details = ActorDetails {
                kind: actor.kind,
                name: actor.name.clone().filter(|n| !n.trim().is_empty()),
                code_name: actor.code_name.clone(),
                primary_track: actor.primary_track,
                tracks: actor.tracks.clone(),
                level: actor.level,
                side,
                role: actor.role.clone(),
                decision_maker: actor.decision_maker,
                notes: actor.notes.clone(),
                public_description: actor.public_description.clone(),
                unplaced: actor.unplaced.iter().map(|field| (*field).to_owned()).collect(),
            };
            details.validate().map_err(|e| at(ImportProblem::Refused(e)))?;
            if !taken.insert(details.code_name.to_lowercase()) {
                return Err(at(ImportProblem::CodeNameOnMap));
            }
            let created = self.insert_actor(tx.as_mut(), who, &entered, initiative, details).await?;
            codes.insert(created.details.code_name.to_lowercase(), created.id);
        }
        for (i, tie) in file.ties.iter().enumerate() {
            let at = |problem: ImportProblem| AppError::Import {
                record: ImportRecord::Tie { number: i + 1, from: tie.from.clone(), to: tie.to.clone() },
                problem: Box::new(problem),
            };
            let end = |code: &str| {
                codes
                    .get(&code.trim().to_lowercase())
                    .copied()
                    .ok_or_else(|| at(ImportProblem::NoActorWithCode { code: code.to_owned() }))
            };
            let details = TieDetails {
                from: end(&tie.from)?,
                to: end(&tie.to)?,
                kind: tie.kind,
                directed: tie.directed,
                strength: tie.strength,
                valid_from: tie.valid_from,
                valid_until: tie.valid_until,
                notes: tie.notes.clone(),
            };
            details.validate().map_err(|e| at(ImportProblem::Refused(e)))?;
            self.insert_tie(tx.as_mut(), who, &entered, initiative, details).await?;
        }
        self.record(tx.as_mut(), who, AuditAction::MapImported, AuditTarget::of(TargetKind::Initiative, initiative))
            .await?;
        tx.commit().await?;
        let unplaced = file
            .actors
            .iter()
            .filter(|actor| !actor.unplaced.is_empty())
            .map(|actor| (actor.code_name.clone(), actor.unplaced.iter().map(|field| (*field).to_owned()).collect()))
            .collect();
        Ok(ImportReport { actors: file.actors.len(), ties: file.ties.len(), replaced: replace, unplaced })
    }

    /// Names a date on the map's timeline.
    pub async fn add_map_snapshot(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        snapshot: MapSnapshot,
    ) -> Result<SnapshotId> {
        snapshot.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        let id = SnapshotId::from_random_bytes(self.random());
        let body = self.seal_json(&entered.key, place!("map_snapshots"."body" @ id), &snapshot)?;
        tx.insert_map_snapshot(&MapSnapshotRow { id, initiative, body, created_at: self.now() }).await?;
        self.record(tx.as_mut(), who, AuditAction::SnapshotCreated, AuditTarget::of(TargetKind::Snapshot, id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn remove_map_snapshot(&self, who: &Identity, initiative: InitiativeId, id: SnapshotId) -> Result<()> {
        let mut tx = self.begin().await?;
        self.enter(tx.as_mut(), who, initiative, Operation::WriteMap).await?;
        if !tx.map_snapshots(initiative).await?.iter().any(|row| row.id == id) {
            return Err(AppError::NotFound);
        }
        tx.delete_map_snapshot(id).await?;
        self.record(tx.as_mut(), who, AuditAction::SnapshotRemoved, AuditTarget::of(TargetKind::Snapshot, id)).await?;
        tx.commit().await?;
        Ok(())
    }
}
