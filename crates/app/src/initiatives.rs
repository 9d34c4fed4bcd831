//! Initiatives (the compartments) and their members.

use std::sync::Arc;

use tracktwo_crypto::DataKey;
use tracktwo_domain::{
    AuditAction, AuditTarget, Identity, Initiative, InitiativeId, MemberRole, Membership, NewInitiative, Operation,
    Principal, TargetKind, UserId,
};
use tracktwo_store::{InitiativeRow, MemberRow, WriteTx};

use crate::sealing::place;
use crate::{App, AppError, Result};

impl App {
    /// The caller's role in an initiative; the key holder has none.
    pub(crate) async fn role_in(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        initiative: InitiativeId,
    ) -> Result<Option<MemberRole>> {
        match who.principal {
            Principal::KeyHolder => Ok(None),
            Principal::User { id, .. } => Ok(tx.membership(initiative, id).await?),
        }
    }

    /// Checks `operation` on an initiative and returns its row and data key. Unknown initiatives
    /// and initiatives the caller may not see both answer [`AppError::NotFound`].
    pub(crate) async fn enter(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        initiative: InitiativeId,
        operation: Operation,
    ) -> Result<(InitiativeRow, Arc<DataKey>)> {
        let role = self.role_in(tx, who, initiative).await?;
        Self::allow(who, role, operation)?;
        let row = tx.initiative(initiative).await?.ok_or(AppError::NotFound)?;
        let key = self.keyring.data_key(tx, row.key).await?;
        Ok((row, key))
    }

    pub(crate) fn initiative_from_row(&self, key: &DataKey, row: &InitiativeRow) -> Result<Initiative> {
        Ok(Initiative {
            id: row.id,
            title: self.open_field(key, place!("initiatives"."title" @ row.id), &row.title)?,
            description: self.open_field(key, place!("initiatives"."description" @ row.id), &row.description)?,
            created_at: row.created_at,
        })
    }

    /// Opens a new initiative with its own data key. A user who creates one becomes its
    /// convener; the key holder names the convener.
    pub async fn create_initiative(
        &self,
        who: &Identity,
        new: NewInitiative,
        convener: Option<UserId>,
    ) -> Result<Initiative> {
        Self::allow(who, None, Operation::CreateInitiative)?;
        new.validate()?;
        let id = InitiativeId::from_random_bytes(self.random());
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let (key_id, key) = self.keyring.create_initiative_key(tx.as_mut(), &self.entropy, id, now).await?;
        tx.insert_initiative(&InitiativeRow {
            id,
            key: key_id,
            title: self.seal_field(&key, place!("initiatives"."title" @ id), &new.title),
            description: self.seal_field(&key, place!("initiatives"."description" @ id), &new.description),
            created_at: now,
        })
        .await?;
        self.record(tx.as_mut(), who, AuditAction::InitiativeCreated, AuditTarget::of(TargetKind::Initiative, id))
            .await?;
        if let Some(user) = who.user_id().or(convener) {
            tx.user(user).await?.ok_or(AppError::NotFound)?;
            tx.insert_member(&MemberRow { initiative: id, user, role: MemberRole::Convener }).await?;
            self.record(tx.as_mut(), who, AuditAction::MemberAdded, AuditTarget::of(TargetKind::User, user)).await?;
        }
        tx.commit().await?;
        Ok(Initiative { id, title: new.title, description: new.description, created_at: now })
    }

    /// The initiatives the caller belongs to (all of them for the key holder).
    pub async fn initiatives(&self, who: &Identity) -> Result<Vec<Initiative>> {
        let mut tx = self.store.begin().await?;
        let mut out = Vec::new();
        for row in tx.initiatives().await? {
            let role = self.role_in(tx.as_mut(), who, row.id).await?;
            if Self::allow(who, role, Operation::ViewInitiative).is_err() {
                continue;
            }
            let key = self.keyring.data_key(tx.as_mut(), row.key).await?;
            out.push(self.initiative_from_row(&key, &row)?);
            self.record(tx.as_mut(), who, AuditAction::InitiativeRead, AuditTarget::of(TargetKind::Initiative, row.id))
                .await?;
        }
        tx.commit().await?;
        Ok(out)
    }

    pub async fn initiative(&self, who: &Identity, id: InitiativeId) -> Result<Initiative> {
        let mut tx = self.store.begin().await?;
        let (row, key) = self.enter(tx.as_mut(), who, id, Operation::ViewInitiative).await?;
        let initiative = self.initiative_from_row(&key, &row)?;
        self.record(tx.as_mut(), who, AuditAction::InitiativeRead, AuditTarget::of(TargetKind::Initiative, id)).await?;
        tx.commit().await?;
        Ok(initiative)
    }

    pub async fn add_member(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        user: UserId,
        role: MemberRole,
    ) -> Result<()> {
        let mut tx = self.store.begin().await?;
        self.enter(tx.as_mut(), who, initiative, Operation::ManageMembers).await?;
        tx.user(user).await?.ok_or(AppError::NotFound)?;
        tx.insert_member(&MemberRow { initiative, user, role }).await?;
        self.record(tx.as_mut(), who, AuditAction::MemberAdded, AuditTarget::of(TargetKind::User, user)).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn members(&self, who: &Identity, initiative: InitiativeId) -> Result<Vec<Membership>> {
        let mut tx = self.store.begin().await?;
        self.enter(tx.as_mut(), who, initiative, Operation::ViewInitiative).await?;
        let members = tx.members(initiative).await?;
        tx.commit().await?;
        Ok(members.into_iter().map(|m| Membership { initiative: m.initiative, user: m.user, role: m.role }).collect())
    }

    /// Destroys an initiative: its records and its data key go in one transaction. Once the key
    /// is gone, copies of those records in earlier backups cannot be opened either.
    pub async fn destroy_initiative(&self, who: &Identity, id: InitiativeId) -> Result<()> {
        let mut tx = self.store.begin().await?;
        let (row, _) = self.enter(tx.as_mut(), who, id, Operation::DestroyInitiative).await?;
        tx.destroy_initiative(id).await?;
        self.record(tx.as_mut(), who, AuditAction::InitiativeDestroyed, AuditTarget::of(TargetKind::Initiative, id))
            .await?;
        tx.commit().await?;
        self.keyring.forget(row.key);
        Ok(())
    }
}
