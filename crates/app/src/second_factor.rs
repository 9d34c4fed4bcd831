//! The second factor: TOTP (RFC 6238: HMAC-SHA-1, six digits, 30-second steps, one step of
//! tolerance) with recovery codes.
//!
//! The authenticator entry is labelled "tracktwo" only: a phone seized at a border should not
//! list who its owner is in the system.

use sha2::Digest;
use tracktwo_domain::{AuditAction, AuditTarget, Identity, TargetKind, UserId};
use tracktwo_store::{UserRow, WriteTx};

use crate::sealing::place;
use crate::{App, AppError, Conflict, Result};

const SECRET_LEN: usize = 20;
const RECOVERY_CODES: usize = 10;

/// What a person needs to add the account to an authenticator app.
pub struct Enrolment {
    /// The `otpauth://` URI, to show as a QR code.
    pub uri: String,
    /// The secret in base32, for typing in by hand.
    pub secret_base32: String,
}

impl std::fmt::Debug for Enrolment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Enrolment(<redacted>)")
    }
}

fn totp(secret: Vec<u8>) -> Result<totp_rs::Totp> {
    totp_rs::Builder::new().with_secret(secret).build().map_err(|_| AppError::Tampered)
}

fn recovery_digest(code: &str) -> [u8; 32] {
    let normalised: String = code.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
    sha2::Sha256::digest(normalised.as_bytes()).into()
}

impl App {
    fn totp_of(&self, key: &tracktwo_crypto::DataKey, row: &UserRow) -> Result<Option<totp_rs::Totp>> {
        let Some(sealed) = &row.totp_secret else { return Ok(None) };
        totp(self.open_bytes(key, place!("users"."totp_secret" @ row.id), sealed)?).map(Some)
    }

    fn unix_seconds(&self) -> u64 {
        u64::try_from(self.now().unix_timestamp()).unwrap_or(0)
    }

    /// Starts enrolment: a new secret, not yet required at sign-in.
    pub async fn begin_second_factor(&self, who: &Identity) -> Result<Enrolment> {
        let user = who.user_id().ok_or(AppError::NotFound)?;
        let secret: [u8; SECRET_LEN] = self.random();
        let mut tx = self.begin().await?;
        let row = tx.user(user).await?.ok_or(AppError::NotFound)?;
        if row.totp_enabled {
            return Err(AppError::Conflict(Conflict::SecondFactorAlreadyOn));
        }
        let key = self.keyring.system_key(tx.as_mut()).await?;
        let sealed = self.seal_bytes(&key, place!("users"."totp_secret" @ user), &secret);
        tx.set_totp(user, Some(&sealed), false).await?;
        self.record(
            tx.as_mut(),
            who,
            AuditAction::SecondFactorEnrolmentStarted,
            AuditTarget::of(TargetKind::User, user),
        )
        .await?;
        tx.commit().await?;
        let secret_base32 = totp(secret.to_vec())?.secret().to_base32();
        let uri =
            format!("otpauth://totp/tracktwo?secret={secret_base32}&issuer=tracktwo&algorithm=SHA1&digits=6&period=30");
        Ok(Enrolment { uri, secret_base32 })
    }

    /// Confirms enrolment with a first code; from then on sign-in needs a code. Returns the
    /// recovery codes, shown once.
    pub async fn confirm_second_factor(&self, who: &Identity, code: &str) -> Result<Vec<String>> {
        let user = who.user_id().ok_or(AppError::NotFound)?;
        let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| self.recovery_code()).collect();
        let mut tx = self.begin().await?;
        let row = tx.user(user).await?.ok_or(AppError::NotFound)?;
        let key = self.keyring.system_key(tx.as_mut()).await?;
        let totp = self.totp_of(&key, &row)?.ok_or(AppError::Conflict(Conflict::EnrolmentNotStarted))?;
        let step = totp.check(code.trim(), self.unix_seconds()).ok_or(AppError::WrongCode)?;
        tx.set_totp(user, row.totp_secret.as_ref(), true).await?;
        tx.set_totp_last_step(user, i64::try_from(step).unwrap_or(i64::MAX)).await?;
        let digests: Vec<[u8; 32]> = codes.iter().map(|c| recovery_digest(c)).collect();
        tx.replace_recovery_codes(user, &digests).await?;
        tx.revoke_sessions_of(user).await?;
        self.record(tx.as_mut(), who, AuditAction::SecondFactorEnabled, AuditTarget::of(TargetKind::User, user))
            .await?;
        tx.commit().await?;
        Ok(codes)
    }

    /// Checks a second factor during sign-in: a TOTP code of a step not used before, or an unused
    /// recovery code (which is then spent). Accounts without a second factor pass.
    pub(crate) async fn second_factor_passes(
        &self,
        tx: &mut dyn WriteTx,
        row: &UserRow,
        code: Option<&str>,
    ) -> Result<bool> {
        if !row.totp_enabled {
            return Ok(true);
        }
        let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else { return Ok(false) };
        let key = self.keyring.system_key(tx).await?;
        let step = self.totp_of(&key, row)?.and_then(|totp| totp.check(code, self.unix_seconds()));
        if let Some(step) = step {
            let step = i64::try_from(step).unwrap_or(i64::MAX);
            if row.totp_last_step.is_some_and(|last| step <= last) {
                return Ok(false);
            }
            tx.set_totp_last_step(row.id, step).await?;
            return Ok(true);
        }
        let digest = recovery_digest(code);
        let unused = tx.recovery_codes(row.id).await?.into_iter().any(|c| c.digest == digest && !c.used);
        if unused {
            tx.mark_recovery_code_used(row.id, &digest).await?;
            let identity = Identity::user(row.id, row.is_admin, tracktwo_domain::Channel::Web);
            self.record(tx, &identity, AuditAction::RecoveryCodeUsed, AuditTarget::of(TargetKind::User, row.id))
                .await?;
        }
        Ok(unused)
    }

    /// One recovery code: 12 characters without look-alikes (about 59 bits), as xxxx-xxxx-xxxx.
    fn recovery_code(&self) -> String {
        let password = self.generate_password();
        let letters: String = password.chars().filter(char::is_ascii_alphanumeric).take(12).collect();
        format!("{}-{}-{}", &letters[..4], &letters[4..8], &letters[8..12])
    }

    /// Test support: the code an authenticator would show now for `user`.
    #[doc(hidden)]
    pub async fn current_second_factor_code(&self, user: UserId) -> Result<String> {
        let mut tx = self.begin().await?;
        let row = tx.user(user).await?.ok_or(AppError::NotFound)?;
        let key = self.keyring.system_key(tx.as_mut()).await?;
        let totp = self.totp_of(&key, &row)?.ok_or(AppError::NotFound)?;
        Ok(totp.generate(self.unix_seconds()).to_string())
    }
}
