//! Personal access tokens for the API: issued for a chosen lifetime, honoured until they expire
//! or are revoked, listed and revoked by their owner, and given an expiry once when a store of
//! the format before expiry is first opened.

use time::Duration;
use tracktwo_crypto::TokenDigest;
use tracktwo_domain::{
    AuditAction, AuditTarget, Channel, Identity, Operation, TargetKind, Timestamp, TokenId, UserId, ValidationError,
};
use tracktwo_store::{FORMAT_WITH_TOKEN_EXPIRY, TokenRow};

use crate::sealing::place;
use crate::{App, AppError, Conflict, Result, audit};

/// How long a token lasts when its creator does not say.
pub const DEFAULT_TOKEN_LIFETIME_DAYS: u32 = 90;
/// The longest a token may last: a token forgotten in a script ends within a year.
pub const MAX_TOKEN_LIFETIME_DAYS: u32 = 365;
/// A token's last use is written at most this often, so API calls do not each become a write.
const USE_RECORDED_EVERY: Duration = Duration::hours(1);
/// The longest label a token may carry.
const LABEL_MAX: usize = 100;

const TOKEN_PREFIX: &str = "tt2_";

/// A freshly created token. The secret is shown once; only its digest is stored.
pub struct IssuedToken {
    pub id: TokenId,
    pub secret: String,
    pub expires_at: Timestamp,
}

impl std::fmt::Debug for IssuedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuedToken").field("id", &self.id).finish_non_exhaustive()
    }
}

/// A token as its owner sees it in a list: never its secret, which is not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenSummary {
    pub id: TokenId,
    pub label: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    /// To the hour; `None` if it was never used.
    pub last_used_at: Option<Timestamp>,
    /// Past its expiry: no longer honoured, listed until its owner removes it.
    pub expired: bool,
}

fn lifetime(days: u32) -> Result<Duration> {
    if (1..=MAX_TOKEN_LIFETIME_DAYS).contains(&days) {
        Ok(Duration::days(i64::from(days)))
    } else {
        Err(AppError::Invalid(ValidationError::Invalid {
            field: "token lifetime",
            reason: "must be between 1 and 365 days",
        }))
    }
}

fn check_label(label: &str) -> Result<()> {
    if label.trim().is_empty() {
        return Err(AppError::Invalid(ValidationError::Empty { field: "token label" }));
    }
    if label.chars().count() > LABEL_MAX {
        return Err(AppError::Invalid(ValidationError::TooLong { field: "token label", max: LABEL_MAX }));
    }
    if label.chars().any(char::is_control) {
        return Err(AppError::Invalid(ValidationError::ControlCharacters { field: "token label" }));
    }
    Ok(())
}

impl App {
    /// Own tokens for oneself; an administrator's (and the key holder's) for anyone.
    fn allow_tokens_of(who: &Identity, user: UserId) -> Result<()> {
        if who.user_id() == Some(user) {
            Self::allow_global(who, Operation::ManageOwnTokens)
        } else {
            Self::allow_global(who, Operation::ManageAccounts)
        }
    }

    /// Issues a personal access token for `user` that lasts the default lifetime.
    pub async fn create_token(&self, who: &Identity, user: UserId, label: &str) -> Result<IssuedToken> {
        self.create_token_lasting(who, user, label, DEFAULT_TOKEN_LIFETIME_DAYS).await
    }

    /// Issues a personal access token for `user` that lasts `days` (1 to
    /// [`MAX_TOKEN_LIFETIME_DAYS`]): to oneself, or by an administrator.
    pub async fn create_token_lasting(
        &self,
        who: &Identity,
        user: UserId,
        label: &str,
        days: u32,
    ) -> Result<IssuedToken> {
        Self::allow_tokens_of(who, user)?;
        let lifetime = lifetime(days)?;
        check_label(label)?;
        let secret = format!("{TOKEN_PREFIX}{}", hex::encode(self.random::<32>()));
        let id = TokenId::from_random_bytes(self.random());
        let mut tx = self.begin().await?;
        let owner = tx.user(user).await?.ok_or(AppError::NotFound)?;
        if owner.disabled {
            return Err(AppError::Conflict(Conflict::AccountDisabled));
        }
        let key = self.keyring.system_key(tx.as_mut()).await?;
        let now = self.now();
        let expires_at = now + lifetime;
        tx.insert_token(&TokenRow {
            id,
            user,
            digest: TokenDigest::of(&secret).0,
            label: self.seal_field(&key, place!("tokens"."label" @ id), label.trim()),
            created_at: now,
            revoked: false,
            expires_at,
            last_used_at: None,
        })
        .await?;
        self.record(tx.as_mut(), who, AuditAction::TokenCreated, AuditTarget::of(TargetKind::Token, id)).await?;
        tx.commit().await?;
        Ok(IssuedToken { id, secret, expires_at })
    }

    /// The tokens of `user`, oldest first: one's own, or anyone's for an administrator (whose
    /// reading of another account is audited).
    pub async fn tokens_of(&self, who: &Identity, user: UserId) -> Result<Vec<TokenSummary>> {
        Self::allow_tokens_of(who, user)?;
        let now = self.now();
        let mut tx = self.begin().await?;
        tx.user(user).await?.ok_or(AppError::NotFound)?;
        let key = self.keyring.system_key(tx.as_mut()).await?;
        let rows = tx.tokens_of(user).await?;
        let mut tokens = Vec::with_capacity(rows.len());
        for row in rows {
            tokens.push(TokenSummary {
                id: row.id,
                label: self.open_field(&key, place!("tokens"."label" @ row.id), &row.label)?,
                created_at: row.created_at,
                expires_at: row.expires_at,
                last_used_at: row.last_used_at,
                expired: row.expires_at <= now,
            });
        }
        if who.user_id() != Some(user) {
            self.record(tx.as_mut(), who, AuditAction::UserRead, AuditTarget::of(TargetKind::User, user)).await?;
        }
        tx.commit().await?;
        Ok(tokens)
    }

    /// Ends one token at once: one's own, or anyone's for an administrator. A token that is not
    /// the caller's to end is "not found", as one never issued.
    pub async fn revoke_token(&self, who: &Identity, id: TokenId) -> Result<()> {
        let mut tx = self.begin().await?;
        let token = tx.token(id).await?.ok_or(AppError::NotFound)?;
        Self::allow_tokens_of(who, token.user).map_err(|_| AppError::NotFound)?;
        tx.delete_token(id).await?;
        self.record(tx.as_mut(), who, AuditAction::TokenRevoked, AuditTarget::of(TargetKind::Token, id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Turns a presented token into an identity. Every failure (unknown, revoked, expired, of a
    /// disabled account, or forged) is audited as a failed sign-in and answered identically, so
    /// a caller learns nothing about which part was wrong.
    pub async fn authenticate_token(&self, secret: &str, channel: Channel) -> Result<Identity> {
        self.identity_of_token(secret, channel).await.map_err(crate::row_guard::unknown_if_forged)
    }

    async fn identity_of_token(&self, secret: &str, channel: Channel) -> Result<Identity> {
        let now = self.now();
        let digest = TokenDigest::of(secret.trim());
        let mut tx = self.begin().await?;
        let found = match tx.token_by_digest(&digest.0).await? {
            Some(token) if !token.revoked && token.expires_at > now => {
                tx.user(token.user).await?.filter(|user| !user.disabled).map(|user| (token, user))
            }
            _ => None,
        };
        let Some((token, user)) = found else {
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
        if token.last_used_at.is_none_or(|at| at + USE_RECORDED_EVERY <= now) {
            tx.touch_token(token.id, now).await?;
        }
        // A token presented with each request is not a sign-in; the operation it authorises is
        // what gets audited.
        tx.commit().await?;
        Ok(Identity::user(user.id, user.is_admin, channel))
    }

    /// Brings a store of format 2 to token expiry, once: every token whose MAC holds lasts the
    /// default lifetime from now. If the audit chain already records that this was done, or its
    /// first event records that the store was born at a later format (or that event is missing
    /// or forged), the format was set back by someone without the key — to have a token row of
    /// before (one revoked since, say) vouched for again — and the store is refused instead, with
    /// nothing written.
    pub(crate) async fn give_tokens_an_expiry(&self) -> Result<()> {
        let mut tx = self.begin().await?;
        // Another process may have done it while this one waited for the writer.
        if self.store.meta().await?.is_some_and(|meta| meta.format_version >= FORMAT_WITH_TOKEN_EXPIRY) {
            return Ok(());
        }
        let events = tx.audit_events().await?;
        crate::genesis::check_born_by(&self.audit_key, &events, FORMAT_WITH_TOKEN_EXPIRY - 1)?;
        let done_before = events.iter().any(|event| {
            event.action == AuditAction::TokensGivenExpiry.as_str() && audit::is_authentic(&self.audit_key, event)
        });
        if done_before {
            return Err(AppError::Tampered);
        }
        let left = tx.give_tokens_an_expiry(self.expiry_for_tokens_of_before()).await?;
        self.record(tx.as_mut(), &Identity::key_holder(), AuditAction::TokensGivenExpiry, AuditTarget::store()).await?;
        for row in &left {
            let target = AuditTarget::of(TargetKind::StoredRow, row);
            self.record(tx.as_mut(), &Identity::key_holder(), AuditAction::RowRefused, target).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// When the tokens of an older store or backup, which had none, expire: the default lifetime
    /// from now.
    pub(crate) fn expiry_for_tokens_of_before(&self) -> Timestamp {
        self.now() + Duration::days(i64::from(DEFAULT_TOKEN_LIFETIME_DAYS))
    }
}
