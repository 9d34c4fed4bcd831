//! What runs over every table at once: the upgrades that give an older store's rows their MACs,
//! the check of every row's MAC, and the clearing a restore starts from.

use tracktwo_domain::Timestamp;
use tracktwo_store::{Result, UnauthenticRow, to_micros};

use crate::SqlValue;
use crate::authenticated::{TABLES, TOKENS, TOKENS_FORMAT_2, canonical};
use crate::tx::SqlTx;

pub(super) async fn seal_access_state(tx: &mut SqlTx, tokens_expire_at: Timestamp) -> Result<()> {
    // Tokens of before had no expiry (the column reads 0 after migration 0008).
    tx.exec("UPDATE tokens SET expires_at = $1 WHERE expires_at = 0", vec![SqlValue::Int(to_micros(tokens_expire_at))])
        .await?;
    for table in TABLES {
        for row in tx.conn.fetch(table.select_all_sql(), vec![]).await? {
            let values = table.read_values(row.as_ref())?;
            let mut params = vec![SqlValue::Blob(tx.rows.mac(&canonical(table, &values)).to_vec())];
            params.extend(table.key_values(&values));
            tx.exec(table.set_mac_sql(), params).await?;
        }
    }
    // Sessions are not carried over: whoever is signed in signs in again, so no session
    // row of before is vouched for.
    tx.exec("DELETE FROM sessions", vec![]).await?;
    tx.exec(
        "UPDATE store_meta SET format_version = $1 WHERE id = 1",
        vec![SqlValue::Int(tracktwo_store::FORMAT_VERSION)],
    )
    .await
}

pub(super) async fn give_tokens_an_expiry(tx: &mut SqlTx, expires_at: Timestamp) -> Result<Vec<UnauthenticRow>> {
    let mut left = Vec::new();
    for row in tx.conn.fetch(TOKENS_FORMAT_2.select_all_sql(), vec![]).await? {
        let old = TOKENS_FORMAT_2.read_values(row.as_ref())?;
        let authentic =
            row.nullable_blob("mac")?.is_some_and(|mac| tx.rows.verify(&canonical(&TOKENS_FORMAT_2, &old), &mac));
        if !authentic {
            left.push(TOKENS_FORMAT_2.describe(&old));
            continue;
        }
        let mut values = old;
        values.push(SqlValue::Int(to_micros(expires_at)));
        values.push(SqlValue::NullableInt(None));
        tx.rewrite(&TOKENS, values).await?;
    }
    tx.exec(
        "UPDATE store_meta SET format_version = $1 WHERE id = 1",
        vec![SqlValue::Int(tracktwo_store::FORMAT_WITH_TOKEN_EXPIRY)],
    )
    .await?;
    Ok(left)
}

pub(super) async fn unauthentic_rows(tx: &mut SqlTx) -> Result<Vec<UnauthenticRow>> {
    let mut found = Vec::new();
    for table in TABLES {
        for row in tx.conn.fetch(table.select_all_sql(), vec![]).await? {
            let values = table.read_values(row.as_ref())?;
            let authentic =
                row.nullable_blob("mac")?.is_some_and(|mac| tx.rows.verify(&canonical(table, &values), &mac));
            if !authentic {
                found.push(table.describe(&values));
            }
        }
    }
    Ok(found)
}

pub(super) async fn clear_all_but_keys(tx: &mut SqlTx) -> Result<()> {
    // Children before parents, so foreign keys hold at every step.
    for sql in [
        "DELETE FROM sessions",
        "DELETE FROM recovery_codes",
        "DELETE FROM account_languages",
        "DELETE FROM members",
        "DELETE FROM registry_entries",
        "DELETE FROM map_snapshots",
        "DELETE FROM sealed_records",
        "DELETE FROM ties",
        "DELETE FROM actors",
        "DELETE FROM people",
        "DELETE FROM notes",
        "DELETE FROM sides",
        "DELETE FROM documents",
        "DELETE FROM tokens",
        "DELETE FROM initiatives",
        "DELETE FROM users",
        "DELETE FROM audit_events",
        "DELETE FROM store_meta",
    ] {
        tx.exec(sql, vec![]).await?;
    }
    tx.exec(tx.dialect.reset_audit_head, vec![]).await
}
