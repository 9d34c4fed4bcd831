//! Initiatives (the compartments), their sides and their members.

use tracktwo_crypto::DataKey;
use tracktwo_domain::roster::{Roster, RosterSight};
use tracktwo_domain::{
    AuditAction, AuditTarget, Identity, Initiative, InitiativeId, MemberRole, Membership, NewInitiative, NewSide,
    Operation, Side, SideId, TargetKind, UserId,
};
use tracktwo_store::{InitiativeRow, MemberRow, SideRow, StoreChange, WriteTx};

use crate::sealing::place;
use crate::{App, AppError, Result};

/// An initiative as the caller may see it from outside: in the organisation's directory, secret
/// channels never appear to non-members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryEntry {
    pub id: InitiativeId,
    pub title: String,
    pub secret_channel: bool,
    /// The caller's role, if a member.
    pub role: Option<MemberRole>,
}

/// One event of an initiative's audit trail, as its convener sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: tracktwo_domain::Timestamp,
    /// Who acted: a name if they are a member, else the log's label (an id and a channel).
    pub actor: String,
    pub action: String,
    pub target_kind: String,
    pub target_id: String,
}

impl App {
    pub(crate) fn initiative_from_row(&self, key: &DataKey, row: &InitiativeRow) -> Result<Initiative> {
        Ok(Initiative {
            id: row.id,
            title: self.open_field(key, place!("initiatives"."title" @ row.id), &row.title)?,
            description: self.open_field(key, place!("initiatives"."description" @ row.id), &row.description)?,
            secret_channel: row.secret_channel,
            created_at: row.created_at,
        })
    }

    /// The initiative's sides with their names, in the order of their names.
    pub(crate) async fn sides_in_name_order(
        &self,
        tx: &mut dyn WriteTx,
        key: &DataKey,
        initiative: InitiativeId,
    ) -> Result<Vec<(SideId, String)>> {
        let mut sides = Vec::new();
        for row in tx.sides(initiative).await? {
            sides.push((row.id, self.side_from_row(key, &row)?.name));
        }
        sides.sort_by(|a, b| a.1.cmp(&b.1));
        Ok(sides)
    }

    pub(crate) fn side_from_row(&self, key: &DataKey, row: &SideRow) -> Result<Side> {
        Ok(Side {
            id: row.id,
            initiative: row.initiative,
            name: self.open_field(key, place!("sides"."name" @ row.id), &row.name)?,
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
        Self::allow_global(who, Operation::CreateInitiative)?;
        new.validate()?;
        let id = InitiativeId::from_random_bytes(self.random());
        let now = self.now();
        let mut tx = self.begin().await?;
        let (key_id, key) = self.keyring.create_initiative_key(tx.as_mut(), &self.entropy, id, now).await?;
        tx.insert_initiative(&InitiativeRow {
            id,
            key: key_id,
            title: self.seal_field(&key, place!("initiatives"."title" @ id), &new.title),
            description: self.seal_field(&key, place!("initiatives"."description" @ id), &new.description),
            secret_channel: new.secret_channel,
            created_at: now,
        })
        .await?;
        self.record(tx.as_mut(), who, AuditAction::InitiativeCreated, AuditTarget::of(TargetKind::Initiative, id))
            .await?;
        if let Some(user) = who.user_id().or(convener) {
            tx.user(user).await?.ok_or(AppError::NotFound)?;
            tx.insert_member(&MemberRow { initiative: id, user, role: MemberRole::Convener, side: None }).await?;
            self.record(tx.as_mut(), who, AuditAction::MemberAdded, AuditTarget::of(TargetKind::User, user)).await?;
        }
        tx.commit().await?;
        Ok(Initiative {
            id,
            title: new.title,
            description: new.description,
            secret_channel: new.secret_channel,
            created_at: now,
        })
    }

    /// The initiatives the caller belongs to (all of them for the key holder).
    pub async fn initiatives(&self, who: &Identity) -> Result<Vec<Initiative>> {
        let mut tx = self.begin().await?;
        let mut out = Vec::new();
        for row in tx.initiatives().await? {
            let standing = self.standing_in(tx.as_mut(), who, row.id).await?;
            let mine = standing.is_some() || who.user_id().is_none();
            if !mine || Self::allow(who, standing, row.secret_channel, Operation::ViewInitiative).is_err() {
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

    /// The organisation's directory: every initiative the caller may know of, by title. Secret
    /// channels appear to their members only.
    pub async fn directory(&self, who: &Identity) -> Result<Vec<DirectoryEntry>> {
        let mut tx = self.begin().await?;
        let mut out = Vec::new();
        for row in tx.initiatives().await? {
            let standing = self.standing_in(tx.as_mut(), who, row.id).await?;
            if Self::allow(who, standing, row.secret_channel, Operation::SeeInitiative).is_err() {
                continue;
            }
            let key = self.keyring.data_key(tx.as_mut(), row.key).await?;
            out.push(DirectoryEntry {
                id: row.id,
                title: self.open_field(&key, place!("initiatives"."title" @ row.id), &row.title)?,
                secret_channel: row.secret_channel,
                role: standing.map(|s| s.role),
            });
            self.record(tx.as_mut(), who, AuditAction::InitiativeRead, AuditTarget::of(TargetKind::Initiative, row.id))
                .await?;
        }
        tx.commit().await?;
        Ok(out)
    }

    pub async fn initiative(&self, who: &Identity, id: InitiativeId) -> Result<Initiative> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, id, Operation::ViewInitiative).await?;
        let initiative = self.initiative_from_row(&entered.key, &entered.row)?;
        self.record(tx.as_mut(), who, AuditAction::InitiativeRead, AuditTarget::of(TargetKind::Initiative, id)).await?;
        tx.commit().await?;
        Ok(initiative)
    }

    /// Adds a side (a delegation) to an initiative; conveners only.
    pub async fn add_side(&self, who: &Identity, initiative: InitiativeId, new: NewSide) -> Result<Side> {
        new.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ManageMembers).await?;
        let id = SideId::from_random_bytes(self.random());
        let row = SideRow {
            id,
            initiative,
            name: self.seal_field(&entered.key, place!("sides"."name" @ id), &new.name),
            created_at: self.now(),
        };
        tx.insert_side(&row).await?;
        self.record(tx.as_mut(), who, AuditAction::SideAdded, AuditTarget::of(TargetKind::Side, id)).await?;
        tx.commit().await?;
        Ok(Side { id, initiative, name: new.name, created_at: row.created_at })
    }

    pub async fn sides(&self, who: &Identity, initiative: InitiativeId) -> Result<Vec<Side>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ViewInitiative).await?;
        let sides = tx.sides(initiative).await?;
        let out = sides.iter().map(|row| self.side_from_row(&entered.key, row)).collect::<Result<Vec<_>>>()?;
        tx.commit().await?;
        Ok(out)
    }

    /// Checks that `side` belongs to `initiative`.
    pub(crate) async fn check_side(tx: &mut dyn WriteTx, initiative: InitiativeId, side: SideId) -> Result<()> {
        match tx.side(side).await? {
            Some(row) if row.initiative == initiative => Ok(()),
            _ => Err(AppError::NotFound),
        }
    }

    pub async fn add_member(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        user: UserId,
        role: MemberRole,
        side: Option<SideId>,
    ) -> Result<()> {
        Membership::validate(role, side)?;
        let mut tx = self.begin().await?;
        self.enter(tx.as_mut(), who, initiative, Operation::ManageMembers).await?;
        if let Some(side) = side {
            Self::check_side(tx.as_mut(), initiative, side).await?;
        }
        tx.user(user).await?.ok_or(AppError::NotFound)?;
        tx.insert_member(&MemberRow { initiative, user, role, side }).await?;
        self.record(tx.as_mut(), who, AuditAction::MemberAdded, AuditTarget::of(TargetKind::User, user)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The initiative's roster as the caller may see it (`tracktwo_domain::roster`): the members
    /// they may name, with their names, and the others counted by side and role. Only the names
    /// shown are opened, each read audited.
    pub async fn roster(&self, who: &Identity, initiative: InitiativeId) -> Result<Roster> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ViewInitiative).await?;
        let members: Vec<Membership> = tx
            .members(initiative)
            .await?
            .into_iter()
            .map(|m| Membership { initiative: m.initiative, user: m.user, role: m.role, side: m.side })
            .collect();
        let (shown, counted) = RosterSight::of(who, entered.standing).split(members);
        let mut named = Vec::with_capacity(shown.len());
        for member in shown {
            let Some(row) = tx.user(member.user).await? else { continue };
            let user = self.user_from_row(tx.as_mut(), &row).await?;
            self.record(tx.as_mut(), who, AuditAction::UserRead, AuditTarget::of(TargetKind::User, user.id)).await?;
            let name = if user.display_name.is_empty() { user.username } else { user.display_name };
            named.push((member, name));
        }
        tx.commit().await?;
        Ok(Roster { named, counted })
    }

    /// Adds a member named by username: what a convener types in the members page.
    pub async fn add_member_by_username(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        username: &str,
        role: MemberRole,
        side: Option<SideId>,
    ) -> Result<()> {
        let user = {
            let mut tx = self.begin().await?;
            // Check the right to manage members first, so an unknown name reveals nothing to
            // people who may not manage them.
            self.enter(tx.as_mut(), who, initiative, Operation::ManageMembers).await?;
            let index = self.username_index(tx.as_mut(), username).await?;
            let user = tx.user_by_username(&index).await?.ok_or(AppError::NotFound)?;
            tx.commit().await?;
            user.id
        };
        self.add_member(who, initiative, user, role, side).await
    }

    /// The audit trail of one initiative, for its conveners: events about the initiative and
    /// the records within it. Events about accounts are left out, since they do not say which
    /// initiative they concern and could reveal another (perhaps secret) one.
    pub async fn initiative_audit(&self, who: &Identity, initiative: InitiativeId) -> Result<Vec<AuditEntry>> {
        let mut tx = self.begin().await?;
        self.enter(tx.as_mut(), who, initiative, Operation::ReadAudit).await?;
        let mut ours: std::collections::HashSet<String> = std::collections::HashSet::new();
        ours.insert(initiative.to_string());
        ours.extend(tx.sides(initiative).await?.into_iter().map(|r| r.id.to_string()));
        ours.extend(tx.notes(initiative).await?.into_iter().map(|r| r.id.to_string()));
        ours.extend(tx.people(initiative).await?.into_iter().map(|r| r.id.to_string()));
        ours.extend(tx.documents(initiative).await?.into_iter().map(|r| r.id.to_string()));
        ours.extend(tx.actors(initiative).await?.into_iter().map(|r| r.id.to_string()));
        ours.extend(tx.ties(initiative).await?.into_iter().map(|r| r.id.to_string()));
        ours.extend(tx.map_snapshots(initiative).await?.into_iter().map(|r| r.id.to_string()));
        for kind in tracktwo_store::RecordKind::ALL {
            ours.extend(tx.sealed_records(initiative, kind, None).await?.into_iter().map(|r| r.id.to_string()));
        }
        let kinds = [
            TargetKind::Initiative,
            TargetKind::Side,
            TargetKind::Note,
            TargetKind::Person,
            TargetKind::Document,
            TargetKind::Actor,
            TargetKind::Tie,
            TargetKind::Snapshot,
            TargetKind::Round,
            TargetKind::Meeting,
            TargetKind::MeetingNote,
            TargetKind::DialogueOption,
            TargetKind::FollowUp,
        ]
        .map(TargetKind::as_str);
        let mut names = std::collections::HashMap::new();
        for member in tx.members(initiative).await? {
            if let Some(row) = tx.user(member.user).await? {
                let user = self.user_from_row(tx.as_mut(), &row).await?;
                let name = if user.display_name.is_empty() { user.username } else { user.display_name };
                names.insert(member.user.to_string(), name);
            }
        }
        let entries = tx
            .audit_events()
            .await?
            .into_iter()
            .filter(|e| kinds.contains(&e.target_kind.as_str()) && ours.contains(&e.target_id))
            .map(|e| {
                let user_id = e.actor.strip_prefix("user:").and_then(|rest| rest.split('@').next()).unwrap_or_default();
                let actor = names.get(user_id).cloned().unwrap_or_else(|| e.actor.clone());
                AuditEntry {
                    seq: e.seq,
                    at: e.at,
                    actor,
                    action: e.action,
                    target_kind: e.target_kind,
                    target_id: e.target_id,
                }
            })
            .collect();
        tx.commit().await?;
        Ok(entries)
    }

    /// Destroys an initiative: its records and its data key go in one transaction. Once the key
    /// is gone, copies of those records in earlier backups cannot be opened either. After the
    /// commit, the store erases what the deleted rows left in its files
    /// ([`tracktwo_store::Store::compact_after_destroy`]); if that fails the destroy stands and
    /// the error says so ([`AppError::NotErased`]).
    pub async fn destroy_initiative(&self, who: &Identity, id: InitiativeId) -> Result<()> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, id, Operation::DestroyInitiative).await?;
        tx.destroy_initiative(id).await?;
        self.record(tx.as_mut(), who, AuditAction::InitiativeDestroyed, AuditTarget::of(TargetKind::Initiative, id))
            .await?;
        tx.announce(&StoreChange::InitiativeDestroyed { initiative: id, key: entered.row.key }).await?;
        tx.commit().await?;
        self.keyring.forget(entered.row.key);
        self.conversations.forget_initiative(id);
        self.store.compact_after_destroy().await.map_err(AppError::NotErased)
    }
}
