//! Accounts and what signs them in: users, recovery codes, sessions and API tokens.

use tracktwo_domain::{Timestamp, TokenId, UserId};
use tracktwo_store::{BlindIndex, RecoveryCodeRow, Result, Sealed, SessionRow, TokenRow, UserRow, to_micros};

use crate::SqlValue;
use crate::authenticated::{ACCOUNT_LANGUAGES, RECOVERY_CODES, SESSIONS, TOKENS, USERS};
use crate::decode::{account_language_from, recovery_code_from, session_from, token_from, user_from};
use crate::encode::{micros, recovery_code_values, session_values, text, text_opt, token_values, user_values};
use crate::tx::{SqlTx, set};

pub(super) async fn insert_user(tx: &mut SqlTx, user: &UserRow) -> Result<()> {
    tx.insert_row(&USERS, user_values(user)).await
}

pub(super) async fn user(tx: &mut SqlTx, id: UserId) -> Result<Option<UserRow>> {
    tx.checked_one(&USERS, "SELECT * FROM users WHERE id = $1", vec![text(id)], user_from).await
}

pub(super) async fn user_by_username(tx: &mut SqlTx, index: &BlindIndex) -> Result<Option<UserRow>> {
    tx.checked_one(
        &USERS,
        "SELECT * FROM users WHERE username_index = $1",
        vec![SqlValue::Blob(index.0.to_vec())],
        user_from,
    )
    .await
}

pub(super) async fn users(tx: &mut SqlTx) -> Result<Vec<UserRow>> {
    tx.checked_many(&USERS, "SELECT * FROM users ORDER BY created_at, id", vec![], user_from).await
}

pub(super) async fn set_login_state(
    tx: &mut SqlTx,
    user: UserId,
    failed_logins: i64,
    locked_until: Option<Timestamp>,
) -> Result<()> {
    tx.modify(&USERS, vec![text(user)], |row| {
        set(row, &USERS, "failed_logins", SqlValue::Int(failed_logins));
        set(row, &USERS, "locked_until", micros(locked_until));
    })
    .await
}

pub(super) async fn set_password_hash(tx: &mut SqlTx, user: UserId, password_hash: &str) -> Result<()> {
    tx.modify(&USERS, vec![text(user)], |row| set(row, &USERS, "password_hash", text_opt(Some(password_hash)))).await
}

pub(super) async fn set_disabled(tx: &mut SqlTx, user: UserId, disabled: bool) -> Result<()> {
    tx.modify(&USERS, vec![text(user)], |row| set(row, &USERS, "disabled", SqlValue::Bool(disabled))).await
}

pub(super) async fn set_totp(tx: &mut SqlTx, user: UserId, secret: Option<&Sealed>, enabled: bool) -> Result<()> {
    tx.modify(&USERS, vec![text(user)], |row| {
        set(row, &USERS, "totp_secret", SqlValue::NullableBlob(secret.map(|s| s.0.clone())));
        set(row, &USERS, "totp_enabled", SqlValue::Bool(enabled));
        set(row, &USERS, "totp_last_step", SqlValue::NullableInt(None));
    })
    .await
}

pub(super) async fn set_totp_last_step(tx: &mut SqlTx, user: UserId, step: i64) -> Result<()> {
    tx.modify(&USERS, vec![text(user)], |row| set(row, &USERS, "totp_last_step", SqlValue::NullableInt(Some(step))))
        .await
}

pub(super) async fn replace_recovery_codes(tx: &mut SqlTx, user: UserId, digests: &[[u8; 32]]) -> Result<()> {
    tx.exec("DELETE FROM recovery_codes WHERE user_id = $1", vec![text(user)]).await?;
    for digest in digests {
        insert_recovery_code(tx, &RecoveryCodeRow { user, digest: *digest, used: false }).await?;
    }
    Ok(())
}

pub(super) async fn insert_recovery_code(tx: &mut SqlTx, code: &RecoveryCodeRow) -> Result<()> {
    tx.insert_row(&RECOVERY_CODES, recovery_code_values(code)).await
}

pub(super) async fn recovery_codes(tx: &mut SqlTx, user: UserId) -> Result<Vec<RecoveryCodeRow>> {
    tx.checked_many(
        &RECOVERY_CODES,
        "SELECT * FROM recovery_codes WHERE user_id = $1",
        vec![text(user)],
        recovery_code_from,
    )
    .await
}

pub(super) async fn mark_recovery_code_used(tx: &mut SqlTx, user: UserId, digest: &[u8; 32]) -> Result<()> {
    tx.modify(&RECOVERY_CODES, vec![text(user), SqlValue::Blob(digest.to_vec())], |row| {
        set(row, &RECOVERY_CODES, "used", SqlValue::Bool(true));
    })
    .await
}

pub(super) async fn set_account_language(tx: &mut SqlTx, user: UserId, language: Option<&str>) -> Result<()> {
    tx.exec("DELETE FROM account_languages WHERE user_id = $1", vec![text(user)]).await?;
    match language {
        Some(language) => {
            tx.insert_row(&ACCOUNT_LANGUAGES, vec![text(user), SqlValue::Text(language.to_owned())]).await
        }
        None => Ok(()),
    }
}

pub(super) async fn account_language(tx: &mut SqlTx, user: UserId) -> Result<Option<String>> {
    let row = tx
        .checked_one(
            &ACCOUNT_LANGUAGES,
            "SELECT * FROM account_languages WHERE user_id = $1",
            vec![text(user)],
            account_language_from,
        )
        .await?;
    Ok(row.map(|row| row.language))
}

pub(super) async fn insert_session(tx: &mut SqlTx, session: &SessionRow) -> Result<()> {
    tx.insert_row(&SESSIONS, session_values(session)).await
}

pub(super) async fn session(tx: &mut SqlTx, digest: &[u8; 32]) -> Result<Option<SessionRow>> {
    tx.checked_one(
        &SESSIONS,
        "SELECT * FROM sessions WHERE digest = $1",
        vec![SqlValue::Blob(digest.to_vec())],
        session_from,
    )
    .await
}

pub(super) async fn touch_session(tx: &mut SqlTx, digest: &[u8; 32], at: Timestamp) -> Result<()> {
    tx.modify(&SESSIONS, vec![SqlValue::Blob(digest.to_vec())], |row| {
        set(row, &SESSIONS, "last_seen_at", SqlValue::Int(to_micros(at)));
    })
    .await
}

pub(super) async fn revoke_session(tx: &mut SqlTx, digest: &[u8; 32]) -> Result<()> {
    // A revoked session serves no purpose, so it goes: a deleted row cannot be forged back
    // into use without the key, and nothing is left to re-authenticate.
    tx.exec("DELETE FROM sessions WHERE digest = $1", vec![SqlValue::Blob(digest.to_vec())]).await
}

pub(super) async fn revoke_sessions_of(tx: &mut SqlTx, user: UserId) -> Result<()> {
    tx.exec("DELETE FROM sessions WHERE user_id = $1", vec![text(user)]).await
}

pub(super) async fn insert_token(tx: &mut SqlTx, token: &TokenRow) -> Result<()> {
    tx.insert_row(&TOKENS, token_values(token)).await
}

pub(super) async fn revoke_tokens_of(tx: &mut SqlTx, user: UserId) -> Result<()> {
    // Like a revoked session, a revoked token serves no purpose, and a deleted row cannot be
    // forged back into use.
    tx.exec("DELETE FROM tokens WHERE user_id = $1", vec![text(user)]).await
}

pub(super) async fn token_by_digest(tx: &mut SqlTx, digest: &[u8; 32]) -> Result<Option<TokenRow>> {
    tx.checked_one(&TOKENS, "SELECT * FROM tokens WHERE digest = $1", vec![SqlValue::Blob(digest.to_vec())], token_from)
        .await
}

pub(super) async fn token(tx: &mut SqlTx, id: TokenId) -> Result<Option<TokenRow>> {
    tx.checked_one(&TOKENS, "SELECT * FROM tokens WHERE id = $1", vec![text(id)], token_from).await
}

pub(super) async fn tokens_of(tx: &mut SqlTx, user: UserId) -> Result<Vec<TokenRow>> {
    tx.checked_many(
        &TOKENS,
        "SELECT * FROM tokens WHERE user_id = $1 ORDER BY created_at, id",
        vec![text(user)],
        token_from,
    )
    .await
}

pub(super) async fn touch_token(tx: &mut SqlTx, id: TokenId, at: Timestamp) -> Result<()> {
    tx.modify(&TOKENS, vec![text(id)], |row| {
        set(row, &TOKENS, "last_used_at", micros(Some(at)));
    })
    .await
}

pub(super) async fn delete_token(tx: &mut SqlTx, id: TokenId) -> Result<()> {
    tx.exec("DELETE FROM tokens WHERE id = $1", vec![text(id)]).await
}
