//! Accounts.

use tracktwo_domain::{
    AuditAction, AuditTarget, Identity, NewUser, Operation, TargetKind, User, UserId, ValidationError,
};
use tracktwo_store::{BlindIndex, UserRow, WriteTx};

use crate::sealing::place;
use crate::{App, AppError, Conflict, Result};

impl App {
    pub(crate) async fn username_index(&self, tx: &mut dyn WriteTx, username: &str) -> Result<BlindIndex> {
        let key = self.keyring.system_key(tx).await?;
        Ok(BlindIndex(key.blind_index("username", NewUser::normalised_username(username).as_bytes())))
    }

    pub(crate) async fn user_from_row(&self, tx: &mut dyn WriteTx, row: &UserRow) -> Result<User> {
        let key = self.keyring.system_key(tx).await?;
        Ok(User {
            id: row.id,
            username: self.open_field(&key, place!("users"."username" @ row.id), &row.username)?,
            display_name: self.open_field(&key, place!("users"."display_name" @ row.id), &row.display_name)?,
            is_admin: row.is_admin,
            disabled: row.disabled,
            second_factor: row.totp_enabled,
            created_at: row.created_at,
        })
    }

    /// Creates an account. Administrators, and the key holder (who creates the first one).
    pub async fn create_user(&self, who: &Identity, new: NewUser) -> Result<User> {
        Self::allow_global(who, Operation::ManageAccounts)?;
        new.validate()?;
        let mut tx = self.begin().await?;
        let index = self.username_index(tx.as_mut(), &new.username).await?;
        if tx.user_by_username(&index).await?.is_some() {
            return Err(AppError::Conflict(Conflict::Username));
        }
        let id = UserId::from_random_bytes(self.random());
        let key = self.keyring.system_key(tx.as_mut()).await?;
        let username = new.username.trim().to_owned();
        let row = UserRow {
            id,
            username: self.seal_field(&key, place!("users"."username" @ id), &username),
            username_index: index,
            display_name: self.seal_field(&key, place!("users"."display_name" @ id), &new.display_name),
            is_admin: new.is_admin,
            disabled: false,
            created_at: self.now(),
            password_hash: None,
            failed_logins: 0,
            locked_until: None,
            totp_secret: None,
            totp_enabled: false,
            totp_last_step: None,
        };
        tx.insert_user(&row).await?;
        self.record(tx.as_mut(), who, AuditAction::UserCreated, AuditTarget::of(TargetKind::User, id)).await?;
        tx.commit().await?;
        Ok(User {
            id,
            username,
            display_name: new.display_name,
            is_admin: new.is_admin,
            disabled: false,
            second_factor: false,
            created_at: row.created_at,
        })
    }

    /// Every account, for administrators.
    pub async fn users(&self, who: &Identity) -> Result<Vec<User>> {
        Self::allow_global(who, Operation::ManageAccounts)?;
        let mut tx = self.begin().await?;
        let rows = tx.users().await?;
        let mut users = Vec::with_capacity(rows.len());
        for row in &rows {
            users.push(self.user_from_row(tx.as_mut(), row).await?);
            self.record(tx.as_mut(), who, AuditAction::UserRead, AuditTarget::of(TargetKind::User, row.id)).await?;
        }
        tx.commit().await?;
        Ok(users)
    }

    /// Finds an account by username (case-insensitive), for administrators.
    pub async fn user_by_username(&self, who: &Identity, username: &str) -> Result<User> {
        Self::allow_global(who, Operation::ManageAccounts)?;
        let mut tx = self.begin().await?;
        let index = self.username_index(tx.as_mut(), username).await?;
        let row = tx.user_by_username(&index).await?.ok_or(AppError::NotFound)?;
        let user = self.user_from_row(tx.as_mut(), &row).await?;
        self.record(tx.as_mut(), who, AuditAction::UserRead, AuditTarget::of(TargetKind::User, row.id)).await?;
        tx.commit().await?;
        Ok(user)
    }

    /// The caller's own account.
    pub async fn account(&self, who: &Identity) -> Result<User> {
        let id = who.user_id().ok_or(AppError::NotFound)?;
        let mut tx = self.begin().await?;
        let row = tx.user(id).await?.ok_or(AppError::NotFound)?;
        let user = self.user_from_row(tx.as_mut(), &row).await?;
        tx.commit().await?;
        Ok(user)
    }

    /// Sets the language the caller's own pages are drawn in (a BCP 47 tag; which tags are
    /// spoken is the edge's to say), or forgets it, so the browser's choice holds again. A
    /// preference of one's own reveals nothing and grants nothing, so it is not audited.
    pub async fn set_account_language(&self, who: &Identity, language: Option<&str>) -> Result<()> {
        let id = who.user_id().ok_or(AppError::NotFound)?;
        if let Some(tag) = language {
            language_tag(tag)?;
        }
        let mut tx = self.begin().await?;
        tx.user(id).await?.ok_or(AppError::NotFound)?;
        tx.set_account_language(id, language).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Who a good session signs in, and the language their account chose, if it chose one.
#[derive(Debug, Clone)]
pub struct SessionHolder {
    pub identity: Identity,
    pub language: Option<String>,
}

/// The shape of a BCP 47 tag: subtags of letters and digits, one to eight long, joined by
/// hyphens, the first of letters; at most 35 characters (what RFC 5646 asks a reader to keep).
fn language_tag(tag: &str) -> std::result::Result<(), ValidationError> {
    let invalid = ValidationError::Invalid { field: "language", reason: "is not a language tag" };
    let mut subtags = tag.split('-');
    let first_is_letters =
        subtags.next().is_some_and(|s| (2..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic()));
    let rest_fit = subtags.all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()));
    if tag.len() <= 35 && first_is_letters && rest_fit { Ok(()) } else { Err(invalid) }
}

#[cfg(test)]
mod tests {
    use super::language_tag;

    #[test]
    fn only_the_shape_of_a_language_tag_is_kept() {
        for tag in ["ar", "fr-CA", "en-XA", "zh-Hant-TW"] {
            assert!(language_tag(tag).is_ok(), "{tag}");
        }
        for tag in ["", "a", "ar-", "-ar", "ar_EG", "ar EG", "1a", "toolongtag", "ar-<script>", &"ab-".repeat(12)] {
            assert!(language_tag(tag).is_err(), "{tag}");
        }
    }
}
