//! The port's types into statement parameters: one builder per authenticated table, and the
//! value makers they share.

use tracktwo_domain::{InitiativeId, Timestamp};
use tracktwo_store::{
    DocumentRow, InitiativeRow, KeyScope, MapSnapshotRow, MemberRow, NoteRow, PersonRow, RecoveryCodeRow, RegistryRow,
    Sealed, SealedRecordRow, SessionRow, SideRow, TokenRow, UserRow, to_micros,
};

use crate::SqlValue;

pub(crate) fn text(value: impl ToString) -> SqlValue {
    SqlValue::Text(value.to_string())
}

pub(crate) fn blob(value: &Sealed) -> SqlValue {
    SqlValue::Blob(value.0.clone())
}

pub(crate) fn text_opt(value: Option<impl ToString>) -> SqlValue {
    SqlValue::NullableText(value.map(|v| v.to_string()))
}

pub(crate) fn micros(at: Option<Timestamp>) -> SqlValue {
    SqlValue::NullableInt(at.map(to_micros))
}

pub(crate) fn scope_values(scope: KeyScope) -> (SqlValue, SqlValue) {
    match scope {
        KeyScope::System => (text("system"), SqlValue::NullableText(None)),
        KeyScope::Initiative(id) => (text("initiative"), SqlValue::NullableText(Some(id.to_string()))),
    }
}

// One builder per authenticated table: a row's values in the table's canonical column order
// (see `authenticated`), as both the insert and the MAC take them.

pub(crate) fn user_values(user: &UserRow) -> Vec<SqlValue> {
    vec![
        text(user.id),
        blob(&user.username),
        SqlValue::Blob(user.username_index.0.to_vec()),
        blob(&user.display_name),
        SqlValue::Bool(user.is_admin),
        SqlValue::Bool(user.disabled),
        SqlValue::Int(to_micros(user.created_at)),
        text_opt(user.password_hash.as_deref()),
        SqlValue::Int(user.failed_logins),
        micros(user.locked_until),
        SqlValue::NullableBlob(user.totp_secret.as_ref().map(|s| s.0.clone())),
        SqlValue::Bool(user.totp_enabled),
        SqlValue::NullableInt(user.totp_last_step),
    ]
}

pub(crate) fn recovery_code_values(code: &RecoveryCodeRow) -> Vec<SqlValue> {
    vec![text(code.user), SqlValue::Blob(code.digest.to_vec()), SqlValue::Bool(code.used)]
}

pub(crate) fn session_values(session: &SessionRow) -> Vec<SqlValue> {
    vec![
        SqlValue::Blob(session.digest.to_vec()),
        text(session.user),
        SqlValue::Int(to_micros(session.created_at)),
        SqlValue::Int(to_micros(session.expires_at)),
        SqlValue::Int(to_micros(session.last_seen_at)),
        SqlValue::Bool(session.revoked),
    ]
}

pub(crate) fn token_values(token: &TokenRow) -> Vec<SqlValue> {
    vec![
        text(token.id),
        text(token.user),
        SqlValue::Blob(token.digest.to_vec()),
        blob(&token.label),
        SqlValue::Int(to_micros(token.created_at)),
        SqlValue::Bool(token.revoked),
        SqlValue::Int(to_micros(token.expires_at)),
        micros(token.last_used_at),
    ]
}

pub(crate) fn initiative_values(initiative: &InitiativeRow) -> Vec<SqlValue> {
    vec![
        text(initiative.id),
        text(initiative.key),
        blob(&initiative.title),
        blob(&initiative.description),
        SqlValue::Int(to_micros(initiative.created_at)),
        SqlValue::Bool(initiative.secret_channel),
    ]
}

pub(crate) fn member_values(member: &MemberRow) -> Vec<SqlValue> {
    vec![text(member.initiative), text(member.user), text(member.role.as_str()), text_opt(member.side)]
}

pub(crate) fn side_values(side: &SideRow) -> Vec<SqlValue> {
    vec![text(side.id), text(side.initiative), blob(&side.name), SqlValue::Int(to_micros(side.created_at))]
}

pub(crate) fn person_values(person: &PersonRow) -> Vec<SqlValue> {
    vec![
        text(person.id),
        text(person.initiative),
        blob(&person.name),
        blob(&person.title),
        blob(&person.contact),
        blob(&person.notes),
        SqlValue::Int(to_micros(person.created_at)),
    ]
}

pub(crate) fn note_values(note: &NoteRow) -> Vec<SqlValue> {
    vec![
        text(note.id),
        text(note.initiative),
        text_opt(note.side),
        text_opt(note.author),
        blob(&note.body),
        SqlValue::Int(to_micros(note.created_at)),
    ]
}

pub(crate) fn document_values(document: &DocumentRow) -> Vec<SqlValue> {
    vec![
        text(document.id),
        text(document.initiative),
        blob(&document.title),
        blob(&document.body),
        SqlValue::Int(to_micros(document.created_at)),
    ]
}

/// An actor's or a tie's values: both are an id, the initiative and one sealed body.
pub(crate) fn map_record_values(
    id: impl ToString,
    initiative: InitiativeId,
    body: &Sealed,
    created_at: Timestamp,
    updated_at: Timestamp,
) -> Vec<SqlValue> {
    vec![
        text(id),
        text(initiative),
        blob(body),
        SqlValue::Int(to_micros(created_at)),
        SqlValue::Int(to_micros(updated_at)),
    ]
}

pub(crate) fn registry_values(entry: &RegistryRow) -> Vec<SqlValue> {
    vec![text(entry.actor), text(entry.initiative), blob(&entry.body), SqlValue::Int(to_micros(entry.updated_at))]
}

pub(crate) fn map_snapshot_values(snapshot: &MapSnapshotRow) -> Vec<SqlValue> {
    vec![
        text(snapshot.id),
        text(snapshot.initiative),
        blob(&snapshot.body),
        SqlValue::Int(to_micros(snapshot.created_at)),
    ]
}

pub(crate) fn sealed_record_values(record: &SealedRecordRow) -> Vec<SqlValue> {
    vec![
        text(record.id),
        text(record.initiative),
        text(record.kind.as_str()),
        SqlValue::NullableText(record.parent.map(|p| p.to_string())),
        SqlValue::Blob(record.body.0.clone()),
        SqlValue::Int(to_micros(record.created_at)),
        SqlValue::Int(to_micros(record.updated_at)),
    ]
}
