//! Rows into the port's types: one decoder per table, and the column readers they share. A column
//! that does not read as its type makes the store "not a tracktwo store" rather than a panic.

use std::str::FromStr;

use tracktwo_domain::{KeyId, MemberRole};
use tracktwo_store::{
    AccountLanguageRow, ActorRow, AuditRow, BlindIndex, DocumentRow, InitiativeRow, KeyRow, KeyScope, KeySource,
    MapSnapshotRow, MemberRow, NoteRow, PersonRow, RecordKind, RecoveryCodeRow, RegistryRow, Result, Sealed,
    SealedRecordRow, SessionRow, SideRow, StoreError, StoreMeta, TieRow, TokenRow, UserRow, from_micros,
};

use crate::SqlRow;

pub(crate) fn corrupt(what: &str) -> StoreError {
    StoreError::NotATracktwoStore(format!("unreadable {what}"))
}

fn parse<T: FromStr>(row: &dyn SqlRow, column: &str) -> Result<T> {
    row.text(column)?.parse().map_err(|_| corrupt(column))
}

fn parse_opt<T: FromStr>(row: &dyn SqlRow, column: &str) -> Result<Option<T>> {
    row.nullable_text(column)?.map(|t| t.parse().map_err(|_| corrupt(column))).transpose()
}

fn sealed(row: &dyn SqlRow, column: &str) -> Result<Sealed> {
    row.blob(column).map(Sealed)
}

fn at(row: &dyn SqlRow, column: &str) -> Result<tracktwo_domain::Timestamp> {
    from_micros(row.int(column)?)
}

fn digest32(row: &dyn SqlRow, column: &str) -> Result<[u8; 32]> {
    row.blob(column)?.try_into().map_err(|_| corrupt(column))
}

fn small(row: &dyn SqlRow, column: &str) -> Result<u32> {
    row.nullable_int(column)?.and_then(|v| u32::try_from(v).ok()).ok_or_else(|| corrupt(column))
}

pub fn meta_from(row: &dyn SqlRow) -> Result<StoreMeta> {
    let key_source = match row.text("key_source")?.as_str() {
        "key-file" => KeySource::KeyFile,
        "passphrase" => KeySource::Passphrase {
            salt: row.nullable_blob("kdf_salt")?.ok_or_else(|| corrupt("kdf_salt"))?,
            memory_kib: small(row, "kdf_memory_kib")?,
            iterations: small(row, "kdf_iterations")?,
            parallelism: small(row, "kdf_parallelism")?,
        },
        _ => return Err(corrupt("key_source")),
    };
    Ok(StoreMeta {
        format_version: row.int("format_version")?,
        created_at: at(row, "created_at")?,
        key_source,
        key_check: row.blob("key_check")?,
    })
}

pub(crate) fn scope_from(row: &dyn SqlRow) -> Result<KeyScope> {
    match row.text("scope")?.as_str() {
        "system" => Ok(KeyScope::System),
        "initiative" => {
            Ok(KeyScope::Initiative(parse_opt(row, "initiative_id")?.ok_or_else(|| corrupt("initiative_id"))?))
        }
        _ => Err(corrupt("scope")),
    }
}

pub(crate) fn key_from(row: &dyn SqlRow) -> Result<KeyRow> {
    Ok(KeyRow {
        id: parse(row, "id")?,
        scope: scope_from(row)?,
        wrapped: row.blob("wrapped")?,
        created_at: at(row, "created_at")?,
    })
}

pub(crate) fn key_slot_from(row: &dyn SqlRow) -> Result<(KeyId, KeyScope)> {
    Ok((parse(row, "id")?, scope_from(row)?))
}

pub(crate) fn user_from(row: &dyn SqlRow) -> Result<UserRow> {
    Ok(UserRow {
        id: parse(row, "id")?,
        username: sealed(row, "username")?,
        username_index: BlindIndex(digest32(row, "username_index")?),
        display_name: sealed(row, "display_name")?,
        is_admin: row.boolean("is_admin")?,
        disabled: row.boolean("disabled")?,
        created_at: at(row, "created_at")?,
        password_hash: row.nullable_text("password_hash")?,
        failed_logins: row.int("failed_logins")?,
        locked_until: row.nullable_int("locked_until")?.map(from_micros).transpose()?,
        totp_secret: row.nullable_blob("totp_secret")?.map(Sealed),
        totp_enabled: row.boolean("totp_enabled")?,
        totp_last_step: row.nullable_int("totp_last_step")?,
    })
}

pub(crate) fn account_language_from(row: &dyn SqlRow) -> Result<AccountLanguageRow> {
    Ok(AccountLanguageRow { user: parse(row, "user_id")?, language: row.text("language")? })
}

pub(crate) fn recovery_code_from(row: &dyn SqlRow) -> Result<RecoveryCodeRow> {
    Ok(RecoveryCodeRow { user: parse(row, "user_id")?, digest: digest32(row, "digest")?, used: row.boolean("used")? })
}

pub(crate) fn side_from(row: &dyn SqlRow) -> Result<SideRow> {
    Ok(SideRow {
        id: parse(row, "id")?,
        initiative: parse(row, "initiative_id")?,
        name: sealed(row, "name")?,
        created_at: at(row, "created_at")?,
    })
}

pub(crate) fn session_from(row: &dyn SqlRow) -> Result<SessionRow> {
    Ok(SessionRow {
        digest: digest32(row, "digest")?,
        user: parse(row, "user_id")?,
        created_at: at(row, "created_at")?,
        expires_at: at(row, "expires_at")?,
        last_seen_at: at(row, "last_seen_at")?,
        revoked: row.boolean("revoked")?,
    })
}

pub(crate) fn token_from(row: &dyn SqlRow) -> Result<TokenRow> {
    Ok(TokenRow {
        id: parse(row, "id")?,
        user: parse(row, "user_id")?,
        digest: digest32(row, "digest")?,
        label: sealed(row, "label")?,
        created_at: at(row, "created_at")?,
        revoked: row.boolean("revoked")?,
        expires_at: at(row, "expires_at")?,
        last_used_at: row.nullable_int("last_used_at")?.map(from_micros).transpose()?,
    })
}

pub(crate) fn initiative_from(row: &dyn SqlRow) -> Result<InitiativeRow> {
    Ok(InitiativeRow {
        id: parse(row, "id")?,
        key: parse(row, "key_id")?,
        title: sealed(row, "title")?,
        description: sealed(row, "description")?,
        secret_channel: row.boolean("secret_channel")?,
        created_at: at(row, "created_at")?,
    })
}

pub(crate) fn role_from(row: &dyn SqlRow) -> Result<MemberRole> {
    MemberRole::parse(&row.text("role")?).map_err(|_| corrupt("role"))
}

pub(crate) fn member_from(row: &dyn SqlRow) -> Result<MemberRow> {
    Ok(MemberRow {
        initiative: parse(row, "initiative_id")?,
        user: parse(row, "user_id")?,
        role: role_from(row)?,
        side: parse_opt(row, "side_id")?,
    })
}

pub(crate) fn person_from(row: &dyn SqlRow) -> Result<PersonRow> {
    Ok(PersonRow {
        id: parse(row, "id")?,
        initiative: parse(row, "initiative_id")?,
        name: sealed(row, "name")?,
        title: sealed(row, "title")?,
        contact: sealed(row, "contact")?,
        notes: sealed(row, "notes")?,
        created_at: at(row, "created_at")?,
    })
}

pub(crate) fn note_from(row: &dyn SqlRow) -> Result<NoteRow> {
    Ok(NoteRow {
        id: parse(row, "id")?,
        initiative: parse(row, "initiative_id")?,
        side: parse_opt(row, "side_id")?,
        author: parse_opt(row, "author_id")?,
        body: sealed(row, "body")?,
        created_at: at(row, "created_at")?,
    })
}

pub(crate) fn document_from(row: &dyn SqlRow) -> Result<DocumentRow> {
    Ok(DocumentRow {
        id: parse(row, "id")?,
        initiative: parse(row, "initiative_id")?,
        title: sealed(row, "title")?,
        body: sealed(row, "body")?,
        created_at: at(row, "created_at")?,
    })
}

pub(crate) fn actor_from(row: &dyn SqlRow) -> Result<ActorRow> {
    Ok(ActorRow {
        id: parse(row, "id")?,
        initiative: parse(row, "initiative_id")?,
        body: sealed(row, "body")?,
        created_at: at(row, "created_at")?,
        updated_at: at(row, "updated_at")?,
    })
}

pub(crate) fn tie_from(row: &dyn SqlRow) -> Result<TieRow> {
    Ok(TieRow {
        id: parse(row, "id")?,
        initiative: parse(row, "initiative_id")?,
        body: sealed(row, "body")?,
        created_at: at(row, "created_at")?,
        updated_at: at(row, "updated_at")?,
    })
}

pub(crate) fn registry_from(row: &dyn SqlRow) -> Result<RegistryRow> {
    Ok(RegistryRow {
        actor: parse(row, "actor_id")?,
        initiative: parse(row, "initiative_id")?,
        body: sealed(row, "body")?,
        updated_at: at(row, "updated_at")?,
    })
}

pub(crate) fn map_snapshot_from(row: &dyn SqlRow) -> Result<MapSnapshotRow> {
    Ok(MapSnapshotRow {
        id: parse(row, "id")?,
        initiative: parse(row, "initiative_id")?,
        body: sealed(row, "body")?,
        created_at: at(row, "created_at")?,
    })
}

pub(crate) fn sealed_record_from(row: &dyn SqlRow) -> Result<SealedRecordRow> {
    Ok(SealedRecordRow {
        id: parse(row, "id")?,
        initiative: parse(row, "initiative_id")?,
        kind: RecordKind::parse(&row.text("kind")?).ok_or_else(|| corrupt("record kind"))?,
        parent: parse_opt(row, "parent_id")?,
        body: sealed(row, "body")?,
        created_at: at(row, "created_at")?,
        updated_at: at(row, "updated_at")?,
    })
}

pub(crate) fn audit_from(row: &dyn SqlRow) -> Result<AuditRow> {
    Ok(AuditRow {
        seq: row.int("seq")?,
        at: at(row, "at")?,
        actor: row.text("actor")?,
        action: row.text("action")?,
        target_kind: row.text("target_kind")?,
        target_id: row.text("target_id")?,
        prev_mac: row.blob("prev_mac")?,
        mac: row.blob("mac")?,
    })
}
