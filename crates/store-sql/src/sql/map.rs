//! The system map of an initiative: actors, ties, the participant registry and snapshots.

use tracktwo_domain::{ActorId, InitiativeId, SnapshotId, TieId};
use tracktwo_store::{ActorRow, MapSnapshotRow, RegistryRow, Result, TieRow};

use crate::authenticated::{ACTORS, MAP_SNAPSHOTS, REGISTRY_ENTRIES, TIES};
use crate::decode::{actor_from, map_snapshot_from, registry_from, tie_from};
use crate::encode::{map_record_values, map_snapshot_values, registry_values, text};
use crate::tx::SqlTx;

pub(super) async fn insert_actor(tx: &mut SqlTx, actor: &ActorRow) -> Result<()> {
    tx.insert_row(
        &ACTORS,
        map_record_values(actor.id, actor.initiative, &actor.body, actor.created_at, actor.updated_at),
    )
    .await
}

pub(super) async fn update_actor(tx: &mut SqlTx, actor: &ActorRow) -> Result<()> {
    let values = map_record_values(actor.id, actor.initiative, &actor.body, actor.created_at, actor.updated_at);
    tx.replace_in_initiative(&ACTORS, values).await
}

pub(super) async fn delete_actor(tx: &mut SqlTx, id: ActorId) -> Result<()> {
    tx.exec("DELETE FROM registry_entries WHERE actor_id = $1", vec![text(id)]).await?;
    tx.exec("DELETE FROM actors WHERE id = $1", vec![text(id)]).await
}

pub(super) async fn actor(tx: &mut SqlTx, id: ActorId) -> Result<Option<ActorRow>> {
    tx.checked_one(&ACTORS, "SELECT * FROM actors WHERE id = $1", vec![text(id)], actor_from).await
}

pub(super) async fn actors(tx: &mut SqlTx, initiative: InitiativeId) -> Result<Vec<ActorRow>> {
    tx.checked_many(
        &ACTORS,
        "SELECT * FROM actors WHERE initiative_id = $1 ORDER BY created_at, id",
        vec![text(initiative)],
        actor_from,
    )
    .await
}

pub(super) async fn insert_tie(tx: &mut SqlTx, tie: &TieRow) -> Result<()> {
    tx.insert_row(&TIES, map_record_values(tie.id, tie.initiative, &tie.body, tie.created_at, tie.updated_at)).await
}

pub(super) async fn update_tie(tx: &mut SqlTx, tie: &TieRow) -> Result<()> {
    let values = map_record_values(tie.id, tie.initiative, &tie.body, tie.created_at, tie.updated_at);
    tx.replace_in_initiative(&TIES, values).await
}

pub(super) async fn delete_tie(tx: &mut SqlTx, id: TieId) -> Result<()> {
    tx.exec("DELETE FROM ties WHERE id = $1", vec![text(id)]).await
}

pub(super) async fn tie(tx: &mut SqlTx, id: TieId) -> Result<Option<TieRow>> {
    tx.checked_one(&TIES, "SELECT * FROM ties WHERE id = $1", vec![text(id)], tie_from).await
}

pub(super) async fn ties(tx: &mut SqlTx, initiative: InitiativeId) -> Result<Vec<TieRow>> {
    tx.checked_many(
        &TIES,
        "SELECT * FROM ties WHERE initiative_id = $1 ORDER BY created_at, id",
        vec![text(initiative)],
        tie_from,
    )
    .await
}

pub(super) async fn put_registry_entry(tx: &mut SqlTx, entry: &RegistryRow) -> Result<()> {
    let values = registry_values(entry);
    let params = tx.signed(&REGISTRY_ENTRIES, values);
    tx.exec(
        "INSERT INTO registry_entries (actor_id, initiative_id, body, updated_at, mac) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (actor_id) DO UPDATE SET initiative_id = excluded.initiative_id, body = excluded.body, \
         updated_at = excluded.updated_at, mac = excluded.mac",
        params,
    )
    .await
}

pub(super) async fn registry_entry(tx: &mut SqlTx, actor: ActorId) -> Result<Option<RegistryRow>> {
    tx.checked_one(
        &REGISTRY_ENTRIES,
        "SELECT * FROM registry_entries WHERE actor_id = $1",
        vec![text(actor)],
        registry_from,
    )
    .await
}

pub(super) async fn registry_entries(tx: &mut SqlTx, initiative: InitiativeId) -> Result<Vec<RegistryRow>> {
    tx.checked_many(
        &REGISTRY_ENTRIES,
        "SELECT * FROM registry_entries WHERE initiative_id = $1 ORDER BY actor_id",
        vec![text(initiative)],
        registry_from,
    )
    .await
}

pub(super) async fn insert_map_snapshot(tx: &mut SqlTx, snapshot: &MapSnapshotRow) -> Result<()> {
    tx.insert_row(&MAP_SNAPSHOTS, map_snapshot_values(snapshot)).await
}

pub(super) async fn delete_map_snapshot(tx: &mut SqlTx, id: SnapshotId) -> Result<()> {
    tx.exec("DELETE FROM map_snapshots WHERE id = $1", vec![text(id)]).await
}

pub(super) async fn map_snapshots(tx: &mut SqlTx, initiative: InitiativeId) -> Result<Vec<MapSnapshotRow>> {
    tx.checked_many(
        &MAP_SNAPSHOTS,
        "SELECT * FROM map_snapshots WHERE initiative_id = $1 ORDER BY created_at, id",
        vec![text(initiative)],
        map_snapshot_from,
    )
    .await
}
