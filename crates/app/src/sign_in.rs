//! Signing in with a password, browser sessions, and the account states that govern them:
//! failures slow down further attempts from the same origin (`sign_in_throttle`), never the
//! account's owner elsewhere; disabling or a password reset ends every session.

use std::sync::Mutex;

use time::Duration;
use tracktwo_crypto::{DECOY_PASSWORD_HASH, TokenDigest, hash_password, new_session_secret, verify_password};
use tracktwo_domain::Timestamp;
use tracktwo_domain::{
    AuditAction, AuditEvent, AuditTarget, Channel, Identity, NewUser, Operation, TargetKind, UserId, validate_password,
};
use tracktwo_store::{BlindIndex, SessionRow, UserRow, WriteTx};

use crate::accounts::SessionHolder;
use crate::sign_in_throttle::{
    FORGOTTEN_AFTER, Failures, Origin, PER_ACCOUNT_AND_ORIGIN, PER_ORIGIN, RememberedFailures, stricter, wait,
    whole_seconds,
};
use crate::{App, AppError, Conflict, EntropyRng, Result, lock_entropy};

/// By default, a session ends this long after sign-in, whatever happens.
pub const SESSION_LIFETIME: Duration = Duration::hours(12);
/// By default, a session ends after this long without a request: a laptop left open, or
/// seized, is signed out within half an hour.
pub const SESSION_IDLE: Duration = Duration::minutes(30);

/// How long a browser session may sit unused (`idle`) and how long it may last at all
/// (`lifetime`). Both are checked in the core on every request, against the session row's
/// `last_seen_at` and `expires_at`, which its MAC covers: a database writer cannot extend either.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLimits {
    pub idle: Duration,
    pub lifetime: Duration,
}

impl Default for SessionLimits {
    fn default() -> Self {
        Self { idle: SESSION_IDLE, lifetime: SESSION_LIFETIME }
    }
}
/// `last_seen_at` is written at most this often, to keep reads from becoming writes.
const TOUCH_INTERVAL: Duration = Duration::minutes(1);

/// A successful sign-in: the session secret goes into the browser's cookie and nowhere else.
pub struct SignedIn {
    pub identity: Identity,
    pub session_secret: String,
}

impl std::fmt::Debug for SignedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedIn").field("identity", &self.identity).finish_non_exhaustive()
    }
}

pub(crate) fn anonymous(channel: Channel) -> String {
    format!("anonymous@{}", channel.as_str())
}

impl App {
    pub(crate) async fn append_event(
        &self,
        tx: &mut dyn WriteTx,
        actor: String,
        action: AuditAction,
        target: AuditTarget,
    ) -> Result<()> {
        let event = AuditEvent { at: self.now(), actor, action, target };
        crate::audit::append(tx, &self.audit_key, &event).await
    }

    fn hash_new_password(&self, password: &str) -> Result<String> {
        validate_password(password)?;
        let mut guard = lock_entropy(&self.entropy);
        hash_password(password, &mut EntropyRng(&mut **guard)).map_err(AppError::Key)
    }

    /// Signs in with a username, a password and, for accounts that have one, a second factor (a
    /// TOTP code or a recovery code), from `origin` (the client's address as the edge groups it).
    /// Every refusal gives the same answer, whether the account is unknown, disabled or the
    /// password wrong, and takes as long. Failures slow down the next attempts at that account
    /// from that origin, and from that origin at all, with a growing wait
    /// ([`AppError::RateLimited`]); they never stop anyone signing in from elsewhere.
    pub async fn sign_in(
        &self,
        username: &str,
        password: &str,
        second_factor: Option<&str>,
        channel: Channel,
        origin: &Origin,
    ) -> Result<SignedIn> {
        let now = self.now();
        let mut tx = self.begin().await?;
        // The blind index exists for every name, known or not, so the throttle treats both alike.
        let index = self.username_index(tx.as_mut(), username).await?;
        let throttle = self.throttle(tx.as_mut(), index, origin, now).await?;
        let wait = throttle.wait(now);
        if wait.is_positive() {
            self.note_throttled(tx.as_mut(), channel).await?;
            tx.commit().await?;
            return Err(AppError::RateLimited { seconds: whole_seconds(wait) });
        }
        let Some(user) = tx.user_by_username(&index).await? else {
            let _ = verify_password(password, DECOY_PASSWORD_HASH);
            throttle.failed(tx.as_mut(), &self.remembered_sign_in_failures, now).await?;
            self.append_event(tx.as_mut(), anonymous(channel), AuditAction::LoginFailed, AuditTarget::store()).await?;
            tx.commit().await?;
            self.forget_old_sign_in_failures(now).await?;
            return Err(AppError::SignInRefused);
        };
        let target = AuditTarget::of(TargetKind::User, user.id);
        // `failed_logins` and `locked_until` in older stores are read and ignored: an account
        // no longer locks, so whoever set off an old lock cannot keep its owner out.
        let password_matches = verify_password(password, user.password_hash.as_deref().unwrap_or(DECOY_PASSWORD_HASH));
        let matches =
            password_matches && !user.disabled && self.second_factor_passes(tx.as_mut(), &user, second_factor).await?;
        if !matches {
            throttle.failed(tx.as_mut(), &self.remembered_sign_in_failures, now).await?;
            self.append_event(tx.as_mut(), anonymous(channel), AuditAction::LoginFailed, target).await?;
            tx.commit().await?;
            self.forget_old_sign_in_failures(now).await?;
            return Err(AppError::SignInRefused);
        }
        throttle.succeeded(tx.as_mut(), &self.remembered_sign_in_failures).await?;
        let secret = {
            let mut guard = lock_entropy(&self.entropy);
            new_session_secret(&mut EntropyRng(&mut **guard))
        };
        tx.insert_session(&SessionRow {
            digest: TokenDigest::of(&secret).0,
            user: user.id,
            created_at: now,
            expires_at: now + self.session_limits.lifetime,
            last_seen_at: now,
            revoked: false,
        })
        .await?;
        let identity = Identity::user(user.id, user.is_admin, channel);
        self.record(tx.as_mut(), &identity, AuditAction::LoginSucceeded, target).await?;
        tx.commit().await?;
        Ok(SignedIn { identity, session_secret: secret })
    }

    /// Forgets failure records untouched for a day, at most once per [`PRUNE_EVERY`] on this
    /// server, in a transaction of its own: one that held an attempt's records while it waited
    /// for another attempt's could deadlock with it.
    async fn forget_old_sign_in_failures(&self, now: Timestamp) -> Result<()> {
        {
            let mut last = self.sign_in_failures_pruned_at.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if last.is_some_and(|at| now - at < PRUNE_EVERY && now >= at) {
                return Ok(());
            }
            *last = Some(now);
        }
        let mut tx = self.begin().await?;
        tx.forget_sign_in_failures_before(now - FORGOTTEN_AFTER).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The failures counted at this account from this origin and from this origin at all, as
    /// every server has counted them (locked until `tx` ends) or as this server saw them,
    /// whichever is stricter.
    async fn throttle(
        &self,
        tx: &mut dyn WriteTx,
        account: BlindIndex,
        origin: &Origin,
        now: Timestamp,
    ) -> Result<Throttle> {
        let key = self.keyring.system_key(tx).await?;
        let origin_key = key.blind_index("sign-in-origin", origin.as_bytes());
        let pair_key = key.blind_index("sign-in-account-origin", &[&account.0[..], origin.as_bytes()].concat());
        let rows = tx.lock_sign_in_failures(&[pair_key, origin_key]).await?;
        let stored = |key: [u8; 32]| rows.iter().find(|r| r.key == key).map(Failures::from_row);
        let remembered = lock(&self.remembered_sign_in_failures);
        Ok(Throttle {
            pair_key,
            origin_key,
            pair: stricter(PER_ACCOUNT_AND_ORIGIN, stored(pair_key), remembered.get(&pair_key), now),
            origin: stricter(PER_ORIGIN, stored(origin_key), remembered.get(&origin_key), now),
        })
    }

    /// Turned-away attempts are audited at most once a second, the event's target counting how
    /// many it stands for (as refused tokens are), so a flood of them cannot keep the store's
    /// writer busy. `Some(n)`: write one event now, standing for `n`.
    fn count_throttled(&self) -> Option<u64> {
        self.throttled_sign_ins.lock().unwrap_or_else(std::sync::PoisonError::into_inner).note(self.now())
    }

    async fn note_throttled(&self, tx: &mut dyn WriteTx, channel: Channel) -> Result<()> {
        if let Some(count) = self.count_throttled() {
            let target = AuditTarget::of(TargetKind::Store, count);
            self.append_event(tx, anonymous(channel), AuditAction::LoginThrottled, target).await?;
        }
        Ok(())
    }

    /// Records that sign-in attempts from one address were turned away by the edge's limit (the
    /// address itself is not logged); at most one event a second.
    pub async fn record_sign_in_throttled(&self, channel: Channel) -> Result<()> {
        let Some(count) = self.count_throttled() else { return Ok(()) };
        let mut tx = self.begin().await?;
        let target = AuditTarget::of(TargetKind::Store, count);
        self.append_event(tx.as_mut(), anonymous(channel), AuditAction::LoginThrottled, target).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The identity behind a session cookie, if the session is still good.
    pub async fn session_identity(&self, secret: &str, channel: Channel) -> Result<Identity> {
        Ok(self.session(secret, channel).await?.identity)
    }

    /// Who a session cookie signs in, if the session is still good, with the language the
    /// account chose for its pages.
    pub async fn session(&self, secret: &str, channel: Channel) -> Result<SessionHolder> {
        self.holder_of_session(secret, channel).await.map_err(crate::row_guard::unknown_if_forged)
    }

    async fn holder_of_session(&self, secret: &str, channel: Channel) -> Result<SessionHolder> {
        let now = self.now();
        let digest = TokenDigest::of(secret).0;
        let mut tx = self.begin().await?;
        let session = tx.session(&digest).await?.ok_or(AppError::Unauthenticated)?;
        // The lifetime is checked against sign-in too, so a shorter one set later ends sessions
        // already issued.
        let limits = self.session_limits;
        let live = !session.revoked
            && session.expires_at > now
            && session.created_at + limits.lifetime > now
            && session.last_seen_at + limits.idle > now;
        let user = tx.user(session.user).await?.filter(|u| !u.disabled && live).ok_or(AppError::Unauthenticated)?;
        if session.last_seen_at + TOUCH_INTERVAL < now {
            tx.touch_session(&digest, now).await?;
        }
        let language = tx.account_language(user.id).await?;
        tx.commit().await?;
        Ok(SessionHolder { identity: Identity::user(user.id, user.is_admin, channel), language })
    }

    /// Ends one session.
    pub async fn sign_out(&self, secret: &str, channel: Channel) -> Result<()> {
        let digest = TokenDigest::of(secret).0;
        let mut tx = self.begin().await?;
        if let Some(session) = tx.session(&digest).await? {
            tx.revoke_session(&digest).await?;
            let identity = Identity::user(session.user, false, channel);
            self.record(
                tx.as_mut(),
                &identity,
                AuditAction::SignedOut,
                AuditTarget::of(TargetKind::User, session.user),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Changes one's own password, proving the current one; ends every session and API token of
    /// the account.
    pub async fn change_password(&self, who: &Identity, current: &str, new: &str) -> Result<()> {
        let user = who.user_id().ok_or(AppError::Forbidden(tracktwo_domain::Denied::KeyHolderOnly))?;
        let hash = self.hash_new_password(new)?;
        let mut tx = self.begin().await?;
        let row = tx.user(user).await?.ok_or(AppError::NotFound)?;
        if !verify_password(current, row.password_hash.as_deref().unwrap_or(DECOY_PASSWORD_HASH)) {
            return Err(AppError::SignInRefused);
        }
        self.store_password(tx.as_mut(), who, &row, &hash).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets a user's password on their behalf (administrators, and the key holder); ends every
    /// session and API token of the account.
    pub async fn reset_password(&self, who: &Identity, user: UserId, new: &str) -> Result<()> {
        Self::allow_global(who, Operation::ManageAccounts)?;
        let hash = self.hash_new_password(new)?;
        let mut tx = self.begin().await?;
        let row = tx.user(user).await?.ok_or(AppError::NotFound)?;
        self.store_password(tx.as_mut(), who, &row, &hash).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn store_password(&self, tx: &mut dyn WriteTx, who: &Identity, row: &UserRow, hash: &str) -> Result<()> {
        tx.set_password_hash(row.id, hash).await?;
        // Clears a lock an older version may have left on the row (no longer read).
        tx.set_login_state(row.id, 0, None).await?;
        tx.revoke_sessions_of(row.id).await?;
        tx.revoke_tokens_of(row.id).await?;
        self.record(tx, who, AuditAction::PasswordSet, AuditTarget::of(TargetKind::User, row.id)).await
    }

    /// Disables or re-enables an account; disabling ends its sessions and stops its tokens.
    pub async fn set_user_disabled(&self, who: &Identity, user: UserId, disabled: bool) -> Result<()> {
        Self::allow_global(who, Operation::ManageAccounts)?;
        if who.user_id() == Some(user) && disabled {
            return Err(AppError::Conflict(Conflict::DisableOwnAccount));
        }
        let mut tx = self.begin().await?;
        tx.user(user).await?.ok_or(AppError::NotFound)?;
        tx.set_disabled(user, disabled).await?;
        if disabled {
            tx.revoke_sessions_of(user).await?;
        }
        let action = if disabled { AuditAction::UserDisabled } else { AuditAction::UserEnabled };
        self.record(tx.as_mut(), who, action, AuditTarget::of(TargetKind::User, user)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A fresh random secret (256 bits, hex), for cookies that stand in before a session exists.
    pub fn generate_secret(&self) -> String {
        let mut guard = lock_entropy(&self.entropy);
        new_session_secret(&mut EntropyRng(&mut **guard))
    }

    /// A fresh password to hand to a person once: 20 characters from an alphabet without
    /// look-alikes (about 99 bits), in groups of five for reading aloud.
    pub fn generate_password(&self) -> String {
        const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
        let mut guard = lock_entropy(&self.entropy);
        let mut out = String::with_capacity(24);
        let mut produced = 0;
        while produced < 20 {
            let mut byte = [0u8; 1];
            guard.fill(&mut byte);
            // Rejection sampling keeps every character equally likely.
            let limit = 256 - 256 % ALPHABET.len();
            if usize::from(byte[0]) >= limit {
                continue;
            }
            if produced > 0 && produced % 5 == 0 {
                out.push('-');
            }
            out.push(char::from(ALPHABET[usize::from(byte[0]) % ALPHABET.len()]));
            produced += 1;
        }
        out
    }

    /// Creates an account with a password in one step.
    pub async fn create_user_with_password(
        &self,
        who: &Identity,
        new: NewUser,
        password: &str,
    ) -> Result<tracktwo_domain::User> {
        validate_password(password)?;
        let user = self.create_user(who, new).await?;
        self.reset_password(who, user.id, password).await?;
        Ok(user)
    }
}

/// How often a server forgets failure records untouched for a day.
const PRUNE_EVERY: Duration = Duration::minutes(10);

/// One attempt's failure records: at its account from its origin, and from its origin at all.
struct Throttle {
    pair_key: [u8; 32],
    origin_key: [u8; 32],
    pair: Option<Failures>,
    origin: Option<Failures>,
}

impl Throttle {
    fn wait(&self, now: Timestamp) -> Duration {
        wait(self.pair, self.origin, now)
    }

    async fn failed(&self, tx: &mut dyn WriteTx, remembered: &Mutex<RememberedFailures>, now: Timestamp) -> Result<()> {
        let pair = PER_ACCOUNT_AND_ORIGIN.fail(self.pair, now);
        let origin = PER_ORIGIN.fail(self.origin, now);
        {
            let mut remembered = lock(remembered);
            remembered.put(self.pair_key, pair);
            remembered.put(self.origin_key, origin);
        }
        tx.put_sign_in_failures(&pair.to_row(self.pair_key)).await?;
        tx.put_sign_in_failures(&origin.to_row(self.origin_key)).await?;
        Ok(())
    }

    /// A success clears the account's record from that origin; the origin's own record stays,
    /// or one account of the guesser's would wipe the slate for every other.
    async fn succeeded(&self, tx: &mut dyn WriteTx, remembered: &Mutex<RememberedFailures>) -> Result<()> {
        lock(remembered).forget(&self.pair_key);
        tx.forget_sign_in_failures(&self.pair_key).await?;
        Ok(())
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
