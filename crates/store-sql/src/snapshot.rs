//! The consistent copy a backup takes, and the store's metadata.

use tracktwo_store::{Result, RowAuthenticator, Snapshot, StoreError, StoreMeta};

use crate::SqlConnection;
use crate::authenticated::{
    ACCOUNT_LANGUAGES, ACTORS, DOCUMENTS, INITIATIVES, MAP_SNAPSHOTS, MEMBERS, NOTES, PEOPLE, RECOVERY_CODES,
    REGISTRY_ENTRIES, SEALED_RECORDS, SIDES, TIES, TOKENS, USERS,
};
use crate::decode::{
    account_language_from, actor_from, audit_from, document_from, initiative_from, key_slot_from, map_snapshot_from,
    member_from, meta_from, note_from, person_from, recovery_code_from, registry_from, sealed_record_from, side_from,
    tie_from, token_from, user_from,
};
use crate::fetch::{fetch_all, fetch_all_checked, fetch_one};

/// Reads everything but the keyring, checking every authenticated row. The caller opens `conn`
/// on one consistent snapshot.
pub async fn read_snapshot(conn: &mut dyn SqlConnection, rows: &dyn RowAuthenticator) -> Result<Snapshot> {
    let meta = fetch_one(conn, "SELECT * FROM store_meta WHERE id = 1", vec![], meta_from)
        .await?
        .ok_or(StoreError::Uninitialised)?;
    Ok(Snapshot {
        meta,
        key_slots: fetch_all(
            conn,
            "SELECT id, scope, initiative_id FROM data_keys ORDER BY created_at, id",
            vec![],
            key_slot_from,
        )
        .await?,
        users: fetch_all_checked(conn, rows, &USERS, "SELECT * FROM users ORDER BY created_at, id", vec![], user_from)
            .await?,
        tokens: fetch_all_checked(
            conn,
            rows,
            &TOKENS,
            "SELECT * FROM tokens ORDER BY created_at, id",
            vec![],
            token_from,
        )
        .await?,
        initiatives: fetch_all_checked(
            conn,
            rows,
            &INITIATIVES,
            "SELECT * FROM initiatives ORDER BY created_at, id",
            vec![],
            initiative_from,
        )
        .await?,
        sides: fetch_all_checked(conn, rows, &SIDES, "SELECT * FROM sides ORDER BY created_at, id", vec![], side_from)
            .await?,
        members: fetch_all_checked(
            conn,
            rows,
            &MEMBERS,
            "SELECT * FROM members ORDER BY initiative_id, user_id",
            vec![],
            member_from,
        )
        .await?,
        recovery_codes: fetch_all_checked(
            conn,
            rows,
            &RECOVERY_CODES,
            "SELECT * FROM recovery_codes ORDER BY user_id, digest",
            vec![],
            recovery_code_from,
        )
        .await?,
        account_languages: fetch_all_checked(
            conn,
            rows,
            &ACCOUNT_LANGUAGES,
            "SELECT * FROM account_languages ORDER BY user_id",
            vec![],
            account_language_from,
        )
        .await?,
        people: fetch_all_checked(
            conn,
            rows,
            &PEOPLE,
            "SELECT * FROM people ORDER BY created_at, id",
            vec![],
            person_from,
        )
        .await?,
        notes: fetch_all_checked(conn, rows, &NOTES, "SELECT * FROM notes ORDER BY created_at, id", vec![], note_from)
            .await?,
        documents: fetch_all_checked(
            conn,
            rows,
            &DOCUMENTS,
            "SELECT * FROM documents ORDER BY created_at, id",
            vec![],
            document_from,
        )
        .await?,
        actors: fetch_all_checked(
            conn,
            rows,
            &ACTORS,
            "SELECT * FROM actors ORDER BY created_at, id",
            vec![],
            actor_from,
        )
        .await?,
        ties: fetch_all_checked(conn, rows, &TIES, "SELECT * FROM ties ORDER BY created_at, id", vec![], tie_from)
            .await?,
        registry: fetch_all_checked(
            conn,
            rows,
            &REGISTRY_ENTRIES,
            "SELECT * FROM registry_entries ORDER BY actor_id",
            vec![],
            registry_from,
        )
        .await?,
        map_snapshots: fetch_all_checked(
            conn,
            rows,
            &MAP_SNAPSHOTS,
            "SELECT * FROM map_snapshots ORDER BY created_at, id",
            vec![],
            map_snapshot_from,
        )
        .await?,
        sealed_records: fetch_all_checked(
            conn,
            rows,
            &SEALED_RECORDS,
            "SELECT * FROM sealed_records ORDER BY created_at, id",
            vec![],
            sealed_record_from,
        )
        .await?,
        audit: fetch_all(conn, "SELECT * FROM audit_events ORDER BY seq", vec![], audit_from).await?,
    })
}

/// Reads the store's metadata, if it has been initialised.
pub async fn read_meta(conn: &mut dyn SqlConnection) -> Result<Option<StoreMeta>> {
    fetch_one(conn, "SELECT * FROM store_meta WHERE id = 1", vec![], meta_from).await
}
