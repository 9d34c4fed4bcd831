//! Initiatives, their members with their roles, and their sides.

use tracktwo_domain::{InitiativeId, SideId, UserId};
use tracktwo_store::{InitiativeRow, MemberRow, Result, SideRow};

use crate::authenticated::{INITIATIVES, MEMBERS, SIDES};
use crate::decode::{initiative_from, member_from, side_from};
use crate::encode::{initiative_values, member_values, side_values, text};
use crate::tx::SqlTx;

pub(super) async fn insert_initiative(tx: &mut SqlTx, initiative: &InitiativeRow) -> Result<()> {
    tx.insert_row(&INITIATIVES, initiative_values(initiative)).await
}

pub(super) async fn initiative(tx: &mut SqlTx, id: InitiativeId) -> Result<Option<InitiativeRow>> {
    tx.checked_one(&INITIATIVES, "SELECT * FROM initiatives WHERE id = $1", vec![text(id)], initiative_from).await
}

pub(super) async fn initiatives(tx: &mut SqlTx) -> Result<Vec<InitiativeRow>> {
    tx.checked_many(&INITIATIVES, "SELECT * FROM initiatives ORDER BY created_at, id", vec![], initiative_from).await
}

pub(super) async fn destroy_initiative(tx: &mut SqlTx, id: InitiativeId) -> Result<()> {
    // Child rows go by ON DELETE CASCADE; the key is not a child row, so it goes explicitly.
    tx.exec("DELETE FROM initiatives WHERE id = $1", vec![text(id)]).await?;
    tx.exec("DELETE FROM data_keys WHERE scope = 'initiative' AND initiative_id = $1", vec![text(id)]).await
}

pub(super) async fn insert_member(tx: &mut SqlTx, member: &MemberRow) -> Result<()> {
    tx.insert_row(&MEMBERS, member_values(member)).await
}

pub(super) async fn membership(tx: &mut SqlTx, initiative: InitiativeId, user: UserId) -> Result<Option<MemberRow>> {
    tx.checked_one(
        &MEMBERS,
        "SELECT * FROM members WHERE initiative_id = $1 AND user_id = $2",
        vec![text(initiative), text(user)],
        member_from,
    )
    .await
}

pub(super) async fn members(tx: &mut SqlTx, initiative: InitiativeId) -> Result<Vec<MemberRow>> {
    tx.checked_many(
        &MEMBERS,
        "SELECT * FROM members WHERE initiative_id = $1 ORDER BY user_id",
        vec![text(initiative)],
        member_from,
    )
    .await
}

pub(super) async fn insert_side(tx: &mut SqlTx, side: &SideRow) -> Result<()> {
    tx.insert_row(&SIDES, side_values(side)).await
}

pub(super) async fn side(tx: &mut SqlTx, id: SideId) -> Result<Option<SideRow>> {
    tx.checked_one(&SIDES, "SELECT * FROM sides WHERE id = $1", vec![text(id)], side_from).await
}

pub(super) async fn sides(tx: &mut SqlTx, initiative: InitiativeId) -> Result<Vec<SideRow>> {
    tx.checked_many(
        &SIDES,
        "SELECT * FROM sides WHERE initiative_id = $1 ORDER BY created_at, id",
        vec![text(initiative)],
        side_from,
    )
    .await
}
