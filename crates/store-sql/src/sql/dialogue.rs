//! The sealed records of the dialogue process, of the transfer to Track One and of the
//! conversations (every [`RecordKind`]): one table holds them all, told apart by kind and parent,
//! each body sealed.

use tracktwo_domain::InitiativeId;
use tracktwo_store::{RecordKind, Result, SealedRecordRow};

use crate::authenticated::SEALED_RECORDS;
use crate::decode::sealed_record_from;
use crate::encode::{sealed_record_values, text};
use crate::multi_row::MultiRowInsert;
use crate::tx::SqlTx;

/// Sealed records written in one statement: a busy consultation writes its votes in batches.
static INSERT_SEALED_RECORDS: MultiRowInsert = MultiRowInsert::new(
    "INSERT INTO sealed_records (id, initiative_id, kind, parent_id, body, created_at, updated_at, mac)",
    8,
    6,
);

pub(super) async fn insert_sealed_record(tx: &mut SqlTx, record: &SealedRecordRow) -> Result<()> {
    tx.insert_row(&SEALED_RECORDS, sealed_record_values(record)).await
}

pub(super) async fn insert_sealed_records(tx: &mut SqlTx, records: &[SealedRecordRow]) -> Result<()> {
    for chunk in INSERT_SEALED_RECORDS.chunks(records) {
        let params = chunk.iter().flat_map(|record| tx.signed(&SEALED_RECORDS, sealed_record_values(record))).collect();
        tx.exec(INSERT_SEALED_RECORDS.sql(chunk.len()), params).await?;
    }
    Ok(())
}

pub(super) async fn update_sealed_record(tx: &mut SqlTx, record: &SealedRecordRow) -> Result<()> {
    tx.replace_in_initiative(&SEALED_RECORDS, sealed_record_values(record)).await
}

pub(super) async fn delete_sealed_record(tx: &mut SqlTx, id: uuid::Uuid) -> Result<()> {
    tx.exec("DELETE FROM sealed_records WHERE id = $1", vec![text(id)]).await
}

pub(super) async fn sealed_record(tx: &mut SqlTx, id: uuid::Uuid) -> Result<Option<SealedRecordRow>> {
    tx.checked_one(&SEALED_RECORDS, "SELECT * FROM sealed_records WHERE id = $1", vec![text(id)], sealed_record_from)
        .await
}

pub(super) async fn sealed_records(
    tx: &mut SqlTx,
    initiative: InitiativeId,
    kind: RecordKind,
    parent: Option<uuid::Uuid>,
) -> Result<Vec<SealedRecordRow>> {
    match parent {
        None => {
            tx.checked_many(
                &SEALED_RECORDS,
                "SELECT * FROM sealed_records WHERE initiative_id = $1 AND kind = $2 ORDER BY created_at, id",
                vec![text(initiative), text(kind.as_str())],
                sealed_record_from,
            )
            .await
        }
        Some(parent) => {
            tx.checked_many(
                &SEALED_RECORDS,
                "SELECT * FROM sealed_records WHERE initiative_id = $1 AND kind = $2 AND parent_id = $3 \
                 ORDER BY created_at, id",
                vec![text(initiative), text(kind.as_str()), text(parent)],
                sealed_record_from,
            )
            .await
        }
    }
}
