//! The audit chain: its head, locked for each append, and its events.

use tracktwo_store::{AuditHead, AuditRow, Result, to_micros};

use crate::SqlValue;
use crate::decode::{audit_from, corrupt};
use crate::encode::text;
use crate::tx::SqlTx;

pub(super) async fn audit_head(tx: &mut SqlTx) -> Result<AuditHead> {
    tx.one(tx.dialect.lock_audit_head, vec![], |row| Ok(AuditHead { seq: row.int("seq")?, mac: row.blob("mac")? }))
        .await?
        .ok_or_else(|| corrupt("audit head"))
}

pub(super) async fn append_audit(tx: &mut SqlTx, event: &AuditRow) -> Result<()> {
    tx.exec(
        "INSERT INTO audit_events (seq, at, actor, action, target_kind, target_id, prev_mac, mac) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        vec![
            SqlValue::Int(event.seq),
            SqlValue::Int(to_micros(event.at)),
            text(&event.actor),
            text(&event.action),
            text(&event.target_kind),
            text(&event.target_id),
            SqlValue::Blob(event.prev_mac.clone()),
            SqlValue::Blob(event.mac.clone()),
        ],
    )
    .await?;
    tx.exec(
        "UPDATE audit_head SET seq = $1, mac = $2 WHERE id = 1",
        vec![SqlValue::Int(event.seq), SqlValue::Blob(event.mac.clone())],
    )
    .await
}

pub(super) async fn audit_events(tx: &mut SqlTx) -> Result<Vec<AuditRow>> {
    tx.many("SELECT * FROM audit_events ORDER BY seq", vec![], audit_from).await
}
