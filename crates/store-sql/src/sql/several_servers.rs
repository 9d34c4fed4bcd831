//! What lets several servers share one database: each conversation's change log (positions in
//! commit order, identifiers only), the notifications that tell the other servers of a change,
//! and the sign-in failures every server counts.

use tracktwo_domain::{InitiativeId, Timestamp};
use tracktwo_store::{ConversationChange, Result, SignInFailuresRow, StoreChange, StoreError, from_micros, to_micros};

use crate::authenticated::SEALED_RECORDS;
use crate::decode::sealed_record_from;
use crate::encode::text;
use crate::multi_row::MultiRowInsert;
use crate::tx::SqlTx;
use crate::{SqlRow, SqlValue};

/// Entries of a change log written in one statement: one per record of a batch of votes.
static INSERT_CHANGES: MultiRowInsert =
    MultiRowInsert::new("INSERT INTO conversation_changes (conversation_id, position, initiative_id, record_id)", 4, 8);

pub(super) async fn lock_conversation_log(
    tx: &mut SqlTx,
    initiative: InitiativeId,
    conversation: uuid::Uuid,
) -> Result<i64> {
    tx.exec(
        "INSERT INTO conversation_heads (conversation_id, initiative_id, position) VALUES ($1, $2, 0) \
         ON CONFLICT (conversation_id) DO NOTHING",
        vec![text(conversation), text(initiative)],
    )
    .await?;
    let position =
        tx.one(tx.dialect.lock_conversation_head, vec![text(conversation)], |row| row.int("position")).await?;
    position.ok_or_else(|| StoreError::Backend("the conversation's change log has no head".to_owned()))
}

pub(super) async fn append_conversation_log(
    tx: &mut SqlTx,
    initiative: InitiativeId,
    conversation: uuid::Uuid,
    after: i64,
    records: &[uuid::Uuid],
) -> Result<i64> {
    let mut position = after;
    for chunk in INSERT_CHANGES.chunks(records) {
        let mut params = Vec::with_capacity(chunk.len() * 4);
        for record in chunk {
            position += 1;
            params.extend([text(conversation), SqlValue::Int(position), text(initiative), text(record)]);
        }
        tx.exec(INSERT_CHANGES.sql(chunk.len()), params).await?;
    }
    tx.exec(
        "UPDATE conversation_heads SET position = $1 WHERE conversation_id = $2",
        vec![SqlValue::Int(position), text(conversation)],
    )
    .await?;
    announce(tx, &StoreChange::Conversation { conversation, position }).await?;
    Ok(position)
}

fn change_from(row: &dyn SqlRow) -> Result<ConversationChange> {
    Ok(ConversationChange { position: row.int("change_position")?, record: sealed_record_from(row)? })
}

pub(super) async fn conversation_changes(
    tx: &mut SqlTx,
    conversation: uuid::Uuid,
    after: i64,
) -> Result<Vec<ConversationChange>> {
    // Only the conversation's own record and its children: an entry naming any other record
    // (which only someone writing to the database without us could add) is left out.
    tx.checked_many(
        &SEALED_RECORDS,
        "SELECT r.*, c.position AS change_position FROM conversation_changes c \
         JOIN sealed_records r ON r.id = c.record_id \
         WHERE c.conversation_id = $1 AND c.position > $2 AND (r.parent_id = $1 OR r.id = $1) \
         ORDER BY c.position",
        vec![text(conversation), SqlValue::Int(after)],
        change_from,
    )
    .await
}

pub(super) async fn announce(tx: &mut SqlTx, change: &StoreChange) -> Result<()> {
    match tx.dialect.announce {
        Some(sql) => tx.exec(sql, vec![text(change.to_payload())]).await,
        None => Ok(()),
    }
}

fn failures_from(row: &dyn SqlRow) -> Result<SignInFailuresRow> {
    let key = row.blob("key")?;
    Ok(SignInFailuresRow {
        key: key
            .try_into()
            .map_err(|_| StoreError::NotATracktwoStore("a sign-in failure key is not 32 bytes".into()))?,
        failures: row.int("failures")?,
        last_at: from_micros(row.int("last_at")?)?,
    })
}

pub(super) async fn lock_sign_in_failures(tx: &mut SqlTx, keys: &[[u8; 32]]) -> Result<Vec<SignInFailuresRow>> {
    // Always in the same order, so two attempts sharing keys cannot each hold one the other waits for.
    let mut keys = keys.to_vec();
    keys.sort_unstable();
    keys.dedup();
    let mut rows = Vec::with_capacity(keys.len());
    for key in keys {
        // A row for every key, so there is one to lock even before a first failure.
        tx.exec(
            "INSERT INTO sign_in_failures (key, failures, last_at) VALUES ($1, 0, 0) ON CONFLICT (key) DO NOTHING",
            vec![SqlValue::Blob(key.to_vec())],
        )
        .await?;
        if let Some(row) =
            tx.one(tx.dialect.lock_sign_in_failures, vec![SqlValue::Blob(key.to_vec())], failures_from).await?
            && row.failures > 0
        {
            rows.push(row);
        }
    }
    Ok(rows)
}

pub(super) async fn put_sign_in_failures(tx: &mut SqlTx, row: &SignInFailuresRow) -> Result<()> {
    tx.exec(
        "INSERT INTO sign_in_failures (key, failures, last_at) VALUES ($1, $2, $3) \
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_at = excluded.last_at",
        vec![SqlValue::Blob(row.key.to_vec()), SqlValue::Int(row.failures), SqlValue::Int(to_micros(row.last_at))],
    )
    .await
}

pub(super) async fn forget_sign_in_failures(tx: &mut SqlTx, key: &[u8; 32]) -> Result<()> {
    tx.exec("DELETE FROM sign_in_failures WHERE key = $1", vec![SqlValue::Blob(key.to_vec())]).await
}

pub(super) async fn forget_sign_in_failures_before(tx: &mut SqlTx, before: Timestamp) -> Result<()> {
    tx.exec("DELETE FROM sign_in_failures WHERE last_at < $1", vec![SqlValue::Int(to_micros(before))]).await
}
