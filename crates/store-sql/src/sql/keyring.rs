//! The store's metadata and its keyring: the data keys, wrapped by the master key.

use tracktwo_domain::KeyId;
use tracktwo_store::{KeyRow, KeySource, Result, StoreMeta, to_micros};

use crate::SqlValue;
use crate::decode::key_from;
use crate::encode::{scope_values, text};
use crate::tx::SqlTx;

pub(super) async fn init_meta(tx: &mut SqlTx, meta: &StoreMeta) -> Result<()> {
    let (source, salt, memory, iterations, parallelism) = match &meta.key_source {
        KeySource::KeyFile => ("key-file", None, None, None, None),
        KeySource::Passphrase { salt, memory_kib, iterations, parallelism } => (
            "passphrase",
            Some(salt.clone()),
            Some(i64::from(*memory_kib)),
            Some(i64::from(*iterations)),
            Some(i64::from(*parallelism)),
        ),
    };
    tx.exec(
        "INSERT INTO store_meta (id, format_version, created_at, key_source, kdf_salt, kdf_memory_kib, \
         kdf_iterations, kdf_parallelism, key_check) VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8)",
        vec![
            SqlValue::Int(meta.format_version),
            SqlValue::Int(to_micros(meta.created_at)),
            text(source),
            SqlValue::NullableBlob(salt),
            SqlValue::NullableInt(memory),
            SqlValue::NullableInt(iterations),
            SqlValue::NullableInt(parallelism),
            SqlValue::Blob(meta.key_check.clone()),
        ],
    )
    .await
}

pub(super) async fn insert_key(tx: &mut SqlTx, key: &KeyRow) -> Result<()> {
    let (scope, initiative) = scope_values(key.scope);
    tx.exec(
        "INSERT INTO data_keys (id, scope, initiative_id, wrapped, created_at) VALUES ($1, $2, $3, $4, $5)",
        vec![
            text(key.id),
            scope,
            initiative,
            SqlValue::Blob(key.wrapped.clone()),
            SqlValue::Int(to_micros(key.created_at)),
        ],
    )
    .await
}

pub(super) async fn key(tx: &mut SqlTx, id: KeyId) -> Result<Option<KeyRow>> {
    tx.one("SELECT * FROM data_keys WHERE id = $1", vec![text(id)], key_from).await
}

pub(super) async fn system_key(tx: &mut SqlTx) -> Result<Option<KeyRow>> {
    tx.one("SELECT * FROM data_keys WHERE scope = 'system'", vec![], key_from).await
}

pub(super) async fn keys(tx: &mut SqlTx) -> Result<Vec<KeyRow>> {
    tx.many("SELECT * FROM data_keys ORDER BY created_at, id", vec![], key_from).await
}
