//! Accounts and personal access tokens.

use tracktwo_crypto::TokenDigest;
use tracktwo_domain::{
    AuditAction, AuditTarget, Channel, Identity, NewUser, Operation, TargetKind, TokenId, User, UserId,
};
use tracktwo_store::{BlindIndex, TokenRow, UserRow, WriteTx};

use crate::sealing::place;
use crate::{App, AppError, Result};

/// A freshly created token. The secret is shown once; only its digest is stored.
pub struct IssuedToken {
    pub id: TokenId,
    pub secret: String,
}

impl std::fmt::Debug for IssuedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuedToken").field("id", &self.id).finish_non_exhaustive()
    }
}

const TOKEN_PREFIX: &str = "tt2_";

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
            return Err(AppError::Conflict("username".to_owned()));
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

    /// Issues a personal access token for `user`: to oneself, or by an administrator.
    pub async fn create_token(&self, who: &Identity, user: UserId, label: &str) -> Result<IssuedToken> {
        if who.user_id() == Some(user) {
            Self::allow_global(who, Operation::CreateOwnToken)?;
        } else {
            Self::allow_global(who, Operation::ManageAccounts)?;
        }
        let secret = format!("{TOKEN_PREFIX}{}", hex::encode(self.random::<32>()));
        let id = TokenId::from_random_bytes(self.random());
        let mut tx = self.begin().await?;
        let owner = tx.user(user).await?.ok_or(AppError::NotFound)?;
        if owner.disabled {
            return Err(AppError::Conflict("the account is disabled".to_owned()));
        }
        let key = self.keyring.system_key(tx.as_mut()).await?;
        tx.insert_token(&TokenRow {
            id,
            user,
            digest: TokenDigest::of(&secret).0,
            label: self.seal_field(&key, place!("tokens"."label" @ id), label),
            created_at: self.now(),
            revoked: false,
        })
        .await?;
        self.record(tx.as_mut(), who, AuditAction::TokenCreated, AuditTarget::of(TargetKind::Token, id)).await?;
        tx.commit().await?;
        Ok(IssuedToken { id, secret })
    }

    /// Turns a presented token into an identity. Every failure is audited as a failed sign-in and
    /// answered identically, so a caller learns nothing about which part was wrong.
    pub async fn authenticate_token(&self, secret: &str, channel: Channel) -> Result<Identity> {
        self.identity_of_token(secret, channel).await.map_err(crate::row_guard::unknown_if_forged)
    }

    async fn identity_of_token(&self, secret: &str, channel: Channel) -> Result<Identity> {
        let digest = TokenDigest::of(secret.trim());
        let mut tx = self.begin().await?;
        let found = match tx.token_by_digest(&digest.0).await? {
            Some(token) if !token.revoked => tx.user(token.user).await?.filter(|user| !user.disabled),
            _ => None,
        };
        let Some(user) = found else {
            let refusals =
                self.failed_tokens.lock().unwrap_or_else(std::sync::PoisonError::into_inner).note(self.now());
            if let Some(refusals) = refusals {
                // The target names how many refusals this event stands for (see `failed_tokens`).
                let target = AuditTarget::of(TargetKind::Store, refusals);
                let actor = crate::sign_in::anonymous(channel);
                self.append_event(tx.as_mut(), actor, AuditAction::LoginFailed, target).await?;
                tx.commit().await?;
            }
            return Err(AppError::Unauthenticated);
        };
        // A token presented with each request is not a sign-in; the operation it authorises is
        // what gets audited.
        tx.commit().await?;
        Ok(Identity::user(user.id, user.is_admin, channel))
    }
}
