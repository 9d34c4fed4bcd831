//! The participant registry: each actor's consent and risk, for those who may read it.

use tracktwo_domain::map::RegistryEntry;
use tracktwo_domain::{ActorId, AuditAction, AuditTarget, Identity, InitiativeId, Operation, TargetKind};
use tracktwo_store::{RegistryRow, WriteTx};

use super::SystemMap;
use crate::gate::Entered;
use crate::sealing::place;
use crate::{App, AppError, Result};

impl App {
    /// The registry entry of one actor; `None` if none was recorded.
    pub async fn registry_entry(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        actor: ActorId,
    ) -> Result<Option<RegistryEntry>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadRegistry).await?;
        tx.actor(actor).await?.filter(|r| r.initiative == initiative).ok_or(AppError::NotFound)?;
        let entry = match tx.registry_entry(actor).await? {
            Some(row) => Some(self.registry_from_row(&entered.key, &row)?),
            None => None,
        };
        self.record(tx.as_mut(), who, AuditAction::RegistryEntryRead, AuditTarget::of(TargetKind::Actor, actor))
            .await?;
        tx.commit().await?;
        Ok(entry)
    }

    /// The whole registry, with the map in full for its names. Each entry read is audited.
    pub async fn registry(
        &self,
        who: &Identity,
        initiative: InitiativeId,
    ) -> Result<(SystemMap, Vec<(ActorId, RegistryEntry)>)> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadRegistry).await?;
        let map = self.view_map(tx.as_mut(), who, &entered, initiative).await?;
        let mut out = Vec::new();
        for row in tx.registry_entries(initiative).await? {
            out.push((row.actor, self.registry_from_row(&entered.key, &row)?));
            self.record(
                tx.as_mut(),
                who,
                AuditAction::RegistryEntryRead,
                AuditTarget::of(TargetKind::Actor, row.actor),
            )
            .await?;
        }
        tx.commit().await?;
        Ok((map, out))
    }

    pub async fn set_registry_entry(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        actor: ActorId,
        entry: RegistryEntry,
    ) -> Result<()> {
        entry.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteRegistry).await?;
        tx.actor(actor).await?.filter(|r| r.initiative == initiative).ok_or(AppError::NotFound)?;
        self.write_registry_entry(tx.as_mut(), who, &entered, actor, &entry).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Writes `actor`'s registry entry inside `tx`, audited; a consent taken back (a withdrawal
    /// dated, an answer turned to a refusal) is audited as a withdrawal of its own, and takes
    /// effect on every summary, readout copy and export made after it, since each reads the
    /// registry as it stands. The caller has checked `WriteRegistry` and the actor.
    pub(crate) async fn write_registry_entry(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        entered: &Entered,
        actor: ActorId,
        entry: &RegistryEntry,
    ) -> Result<()> {
        let initiative = entered.row.id;
        let before = match tx.registry_entry(actor).await?.filter(|row| row.initiative == initiative) {
            Some(row) => Some(self.registry_from_row(&entered.key, &row)?),
            None => None,
        };
        let body = self.seal_json(&entered.key, place!("registry"."body" @ actor), entry)?;
        tx.put_registry_entry(&RegistryRow { actor, initiative, body, updated_at: self.now() }).await?;
        self.record(tx, who, AuditAction::RegistryEntryWritten, AuditTarget::of(TargetKind::Actor, actor)).await?;
        if before.is_some_and(|before| entry.consent.withdraws_from(&before.consent)) {
            self.record(tx, who, AuditAction::ConsentWithdrawn, AuditTarget::of(TargetKind::Actor, actor)).await?;
        }
        Ok(())
    }
}
