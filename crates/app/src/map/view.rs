//! Loading the map: its records opened, and the caller's view of it built in one place.

use time::Date;
use tracktwo_crypto::DataKey;
use tracktwo_domain::map::{Actor, ActorDetails, MapSnapshot, RegistryEntry, Tie, TieDetails};
use tracktwo_domain::{ActorId, AuditAction, AuditTarget, Identity, InitiativeId, Operation, Side, TargetKind};
use tracktwo_interchange::MapFile;
use tracktwo_store::{ActorRow, MapSnapshotRow, RegistryRow, TieRow, WriteTx};

use super::SystemMap;
use crate::gate::Entered;
use crate::sealing::place;
use crate::{App, AppError, Result};

impl App {
    pub(crate) fn actor_from_row(&self, key: &DataKey, row: &ActorRow) -> Result<Actor> {
        let bytes = self.open_bytes(key, place!("actors"."body" @ row.id), &row.body)?;
        let details: ActorDetails = serde_json::from_slice(&bytes).map_err(|_| AppError::Tampered)?;
        Ok(Actor {
            id: row.id,
            initiative: row.initiative,
            details,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }

    pub(crate) fn tie_from_row(&self, key: &DataKey, row: &TieRow) -> Result<Tie> {
        let bytes = self.open_bytes(key, place!("ties"."body" @ row.id), &row.body)?;
        let details: TieDetails = serde_json::from_slice(&bytes).map_err(|_| AppError::Tampered)?;
        Ok(Tie {
            id: row.id,
            initiative: row.initiative,
            details,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }

    pub(crate) fn map_snapshot_from_row(&self, key: &DataKey, row: &MapSnapshotRow) -> Result<MapSnapshot> {
        let bytes = self.open_bytes(key, place!("map_snapshots"."body" @ row.id), &row.body)?;
        serde_json::from_slice(&bytes).map_err(|_| AppError::Tampered)
    }

    pub(crate) fn registry_from_row(&self, key: &DataKey, row: &RegistryRow) -> Result<RegistryEntry> {
        let bytes = self.open_bytes(key, place!("registry"."body" @ row.actor), &row.body)?;
        serde_json::from_slice(&bytes).map_err(|_| AppError::Tampered)
    }

    /// Every actor and tie of the initiative, opened; no access check (callers check first).
    pub(super) async fn load_map(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
    ) -> Result<(Vec<Actor>, Vec<Tie>)> {
        let mut actors = Vec::new();
        for row in tx.actors(initiative).await? {
            actors.push(self.actor_from_row(&entered.key, &row)?);
        }
        let mut ties = Vec::new();
        for row in tx.ties(initiative).await? {
            ties.push(self.tie_from_row(&entered.key, &row)?);
        }
        Ok((actors, ties))
    }

    /// Builds the caller's view of the map from what is stored: the one place where names, roles,
    /// notes and team-only ties are withheld.
    pub(super) async fn view_map(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        initiative: InitiativeId,
    ) -> Result<SystemMap> {
        Self::also(who, entered, Operation::ReadMap)?;
        let in_full = Self::also(who, entered, Operation::ReadMapInFull).is_ok();
        let (mut actors, mut ties) = self.load_map(tx, entered, initiative).await?;
        if !in_full {
            // A role ("owner, Sarto Haulage") or a note gives a person away as surely as the
            // name does, so a code-name reader gets neither: only the public description the
            // team wrote for them.
            for actor in &mut actors {
                actor.details.withhold_identity();
            }
            ties.retain(|t| !t.details.kind.team_only());
            // Tie notes are the team's free text about two people ("Sarto Haulage moves Delta
            // Grain's rice upriver"): withheld for the same reason.
            for tie in &mut ties {
                tie.details.notes = String::new();
            }
        }
        let mut sides = Vec::new();
        for row in tx.sides(initiative).await? {
            sides.push(Side {
                id: row.id,
                initiative: row.initiative,
                name: self.open_field(&entered.key, place!("sides"."name" @ row.id), &row.name)?,
                created_at: row.created_at,
            });
        }
        let mut snapshots = Vec::new();
        for row in tx.map_snapshots(initiative).await? {
            snapshots.push((row.id, self.map_snapshot_from_row(&entered.key, &row)?));
        }
        snapshots.sort_by(|a, b| a.1.date.cmp(&b.1.date).then_with(|| a.1.label.cmp(&b.1.label)));
        Ok(SystemMap { initiative, sides, actors, ties, snapshots, in_full })
    }

    /// The system map as the caller may see it. One audit event for the whole map.
    pub async fn system_map(&self, who: &Identity, initiative: InitiativeId) -> Result<SystemMap> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadMap).await?;
        let map = self.view_map(tx.as_mut(), who, &entered, initiative).await?;
        self.record(tx.as_mut(), who, AuditAction::MapRead, AuditTarget::of(TargetKind::Initiative, initiative))
            .await?;
        tx.commit().await?;
        Ok(map)
    }

    /// The map for an export, audited as one.
    pub async fn export_map(&self, who: &Identity, initiative: InitiativeId) -> Result<MapFile> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadMap).await?;
        let map = self.view_map(tx.as_mut(), who, &entered, initiative).await?;
        self.record(tx.as_mut(), who, AuditAction::MapExported, AuditTarget::of(TargetKind::Initiative, initiative))
            .await?;
        tx.commit().await?;
        Ok(map.to_file())
    }

    /// One actor with the ties the caller may see. Audited as a read of that actor.
    pub async fn actor(&self, who: &Identity, initiative: InitiativeId, id: ActorId) -> Result<(SystemMap, Actor)> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadMap).await?;
        let map = self.view_map(tx.as_mut(), who, &entered, initiative).await?;
        let actor = map.actor(id).cloned().ok_or(AppError::NotFound)?;
        self.record(tx.as_mut(), who, AuditAction::ActorRead, AuditTarget::of(TargetKind::Actor, id)).await?;
        tx.commit().await?;
        Ok((map, actor))
    }

    /// Today's date (UTC), from the injected clock: the default "as of" day of the map.
    #[must_use]
    pub fn today(&self) -> Date {
        self.now().date()
    }
}
