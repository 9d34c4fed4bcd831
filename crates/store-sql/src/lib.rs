//! The SQL both relational adapters share. SQLite and PostgreSQL accept the same statements for
//! everything tracktwo does (numbered `$n` parameters, plain types), so the statements and the
//! row mapping live here once, over a minimal [`SqlConnection`] that each adapter implements for
//! its driver. What differs (connections, migrations, locking, error mapping) stays in the
//! adapters.

mod authenticated;

use async_trait::async_trait;
use std::str::FromStr;
use std::sync::Arc;

use authenticated::{
    ACTORS, DOCUMENTS, INITIATIVES, MAP_SNAPSHOTS, MEMBERS, NOTES, PEOPLE, RECOVERY_CODES, REGISTRY_ENTRIES,
    SEALED_RECORDS, SESSIONS, SIDES, TABLES, TIES, TOKENS, TOKENS_FORMAT_2, Table, USERS, canonical,
};
use tracktwo_domain::{
    ActorId, DocumentId, InitiativeId, KeyId, MemberRole, NoteId, PersonId, SideId, SnapshotId, TieId, Timestamp,
    TokenId, UserId,
};
use tracktwo_store::{
    ActorRow, AuditHead, AuditRow, BlindIndex, DocumentRow, InitiativeRow, KeyRow, KeyScope, KeySource, MapSnapshotRow,
    MemberRow, NoteRow, PersonRow, RecordKind, RecoveryCodeRow, RegistryRow, Result, RowAuthenticator, Sealed,
    SealedRecordRow, SessionRow, SideRow, Snapshot, StoreError, StoreMeta, TieRow, TokenRow, UnauthenticRow, UserRow,
    WriteTx, from_micros, to_micros,
};

/// Implements [`SqlConnection`] for one sqlx driver: a `DriverConnection` over a driver
/// transaction, and the typed column access of its rows. Both adapters use it, so the only code
/// each writes for its driver is the connection set-up, the dialect and the error mapping
/// (`$map_error`, a `fn(sqlx::Error) -> StoreError` in scope at the call site).
#[macro_export]
macro_rules! sqlx_driver {
    (database: $db:ty, row: $row:ty, arguments: $args:ty, map_error: $map_error:path $(,)?) => {
        /// One open driver transaction, for the shared SQL.
        struct DriverConnection(sqlx::Transaction<'static, $db>);

        fn bind<'q>(
            mut query: sqlx::query::Query<'q, $db, $args>,
            params: Vec<$crate::SqlValue>,
        ) -> sqlx::query::Query<'q, $db, $args> {
            for value in params {
                query = match value {
                    $crate::SqlValue::Text(v) => query.bind(v),
                    $crate::SqlValue::NullableText(v) => query.bind(v),
                    $crate::SqlValue::Blob(v) => query.bind(v),
                    $crate::SqlValue::NullableBlob(v) => query.bind(v),
                    $crate::SqlValue::Int(v) => query.bind(v),
                    $crate::SqlValue::NullableInt(v) => query.bind(v),
                    $crate::SqlValue::Bool(v) => query.bind(v),
                };
            }
            query
        }

        #[async_trait::async_trait]
        impl $crate::SqlConnection for DriverConnection {
            async fn execute(
                &mut self,
                sql: &'static str,
                params: Vec<$crate::SqlValue>,
            ) -> tracktwo_store::Result<()> {
                bind(sqlx::query(sql), params).execute(&mut *self.0).await.map(|_| ()).map_err($map_error)
            }

            async fn fetch(
                &mut self,
                sql: &'static str,
                params: Vec<$crate::SqlValue>,
            ) -> tracktwo_store::Result<$crate::Rows> {
                let rows = bind(sqlx::query(sql), params).fetch_all(&mut *self.0).await.map_err($map_error)?;
                Ok(rows.into_iter().map(|row| Box::new(Columns(row)) as Box<dyn $crate::SqlRow>).collect())
            }

            async fn commit(self: Box<Self>) -> tracktwo_store::Result<()> {
                self.0.commit().await.map_err($map_error)
            }

            async fn rollback(self: Box<Self>) -> tracktwo_store::Result<()> {
                self.0.rollback().await.map_err($map_error)
            }
        }

        struct Columns($row);

        impl Columns {
            fn get<T: for<'r> sqlx::Decode<'r, $db> + sqlx::Type<$db>>(
                &self,
                column: &str,
            ) -> tracktwo_store::Result<T> {
                sqlx::Row::try_get(&self.0, column).map_err($map_error)
            }
        }

        impl $crate::SqlRow for Columns {
            fn text(&self, column: &str) -> tracktwo_store::Result<String> {
                self.get(column)
            }
            fn nullable_text(&self, column: &str) -> tracktwo_store::Result<Option<String>> {
                self.get(column)
            }
            fn blob(&self, column: &str) -> tracktwo_store::Result<Vec<u8>> {
                self.get(column)
            }
            fn nullable_blob(&self, column: &str) -> tracktwo_store::Result<Option<Vec<u8>>> {
                self.get(column)
            }
            fn int(&self, column: &str) -> tracktwo_store::Result<i64> {
                self.get(column)
            }
            fn nullable_int(&self, column: &str) -> tracktwo_store::Result<Option<i64>> {
                self.get(column)
            }
            fn boolean(&self, column: &str) -> tracktwo_store::Result<bool> {
                self.get(column)
            }
        }
    };
}

/// A parameter value.
#[derive(Debug, Clone)]
pub enum SqlValue {
    Text(String),
    NullableText(Option<String>),
    Blob(Vec<u8>),
    NullableBlob(Option<Vec<u8>>),
    Int(i64),
    NullableInt(Option<i64>),
    Bool(bool),
}

/// Typed column access on one result row.
pub trait SqlRow: Send {
    fn text(&self, column: &str) -> Result<String>;
    fn nullable_text(&self, column: &str) -> Result<Option<String>>;
    fn blob(&self, column: &str) -> Result<Vec<u8>>;
    fn nullable_blob(&self, column: &str) -> Result<Option<Vec<u8>>>;
    fn int(&self, column: &str) -> Result<i64>;
    fn nullable_int(&self, column: &str) -> Result<Option<i64>>;
    fn boolean(&self, column: &str) -> Result<bool>;
}

pub type Rows = Vec<Box<dyn SqlRow>>;

/// The statements whose text differs between dialects.
#[derive(Debug, Clone, Copy)]
pub struct Dialect {
    /// Reads the audit head and holds it until commit.
    pub lock_audit_head: &'static str,
    /// Resets the head to the genesis value (sequence 0, 32 zero bytes).
    pub reset_audit_head: &'static str,
}

/// One open transaction of a driver.
#[async_trait]
pub trait SqlConnection: Send {
    async fn execute(&mut self, sql: &'static str, params: Vec<SqlValue>) -> Result<()>;
    async fn fetch(&mut self, sql: &'static str, params: Vec<SqlValue>) -> Result<Rows>;
    async fn commit(self: Box<Self>) -> Result<()>;
    /// Ends a read-only transaction.
    async fn rollback(self: Box<Self>) -> Result<()>;
}

fn corrupt(what: &str) -> StoreError {
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

fn text(value: impl ToString) -> SqlValue {
    SqlValue::Text(value.to_string())
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

fn scope_from(row: &dyn SqlRow) -> Result<KeyScope> {
    match row.text("scope")?.as_str() {
        "system" => Ok(KeyScope::System),
        "initiative" => {
            Ok(KeyScope::Initiative(parse_opt(row, "initiative_id")?.ok_or_else(|| corrupt("initiative_id"))?))
        }
        _ => Err(corrupt("scope")),
    }
}

fn key_from(row: &dyn SqlRow) -> Result<KeyRow> {
    Ok(KeyRow {
        id: parse(row, "id")?,
        scope: scope_from(row)?,
        wrapped: row.blob("wrapped")?,
        created_at: at(row, "created_at")?,
    })
}

fn key_slot_from(row: &dyn SqlRow) -> Result<(KeyId, KeyScope)> {
    Ok((parse(row, "id")?, scope_from(row)?))
}

fn user_from(row: &dyn SqlRow) -> Result<UserRow> {
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

fn recovery_code_from(row: &dyn SqlRow) -> Result<RecoveryCodeRow> {
    Ok(RecoveryCodeRow { user: parse(row, "user_id")?, digest: digest32(row, "digest")?, used: row.boolean("used")? })
}

fn side_from(row: &dyn SqlRow) -> Result<SideRow> {
    Ok(SideRow {
        id: parse(row, "id")?,
        initiative: parse(row, "initiative_id")?,
        name: sealed(row, "name")?,
        created_at: at(row, "created_at")?,
    })
}

fn session_from(row: &dyn SqlRow) -> Result<SessionRow> {
    Ok(SessionRow {
        digest: digest32(row, "digest")?,
        user: parse(row, "user_id")?,
        created_at: at(row, "created_at")?,
        expires_at: at(row, "expires_at")?,
        last_seen_at: at(row, "last_seen_at")?,
        revoked: row.boolean("revoked")?,
    })
}

fn micros(at: Option<Timestamp>) -> SqlValue {
    SqlValue::NullableInt(at.map(to_micros))
}

fn token_from(row: &dyn SqlRow) -> Result<TokenRow> {
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

fn initiative_from(row: &dyn SqlRow) -> Result<InitiativeRow> {
    Ok(InitiativeRow {
        id: parse(row, "id")?,
        key: parse(row, "key_id")?,
        title: sealed(row, "title")?,
        description: sealed(row, "description")?,
        secret_channel: row.boolean("secret_channel")?,
        created_at: at(row, "created_at")?,
    })
}

fn role_from(row: &dyn SqlRow) -> Result<MemberRole> {
    MemberRole::parse(&row.text("role")?).map_err(|_| corrupt("role"))
}

fn member_from(row: &dyn SqlRow) -> Result<MemberRow> {
    Ok(MemberRow {
        initiative: parse(row, "initiative_id")?,
        user: parse(row, "user_id")?,
        role: role_from(row)?,
        side: parse_opt(row, "side_id")?,
    })
}

fn person_from(row: &dyn SqlRow) -> Result<PersonRow> {
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

fn note_from(row: &dyn SqlRow) -> Result<NoteRow> {
    Ok(NoteRow {
        id: parse(row, "id")?,
        initiative: parse(row, "initiative_id")?,
        side: parse_opt(row, "side_id")?,
        author: parse_opt(row, "author_id")?,
        body: sealed(row, "body")?,
        created_at: at(row, "created_at")?,
    })
}

fn document_from(row: &dyn SqlRow) -> Result<DocumentRow> {
    Ok(DocumentRow {
        id: parse(row, "id")?,
        initiative: parse(row, "initiative_id")?,
        title: sealed(row, "title")?,
        body: sealed(row, "body")?,
        created_at: at(row, "created_at")?,
    })
}

fn actor_from(row: &dyn SqlRow) -> Result<ActorRow> {
    Ok(ActorRow {
        id: parse(row, "id")?,
        initiative: parse(row, "initiative_id")?,
        body: sealed(row, "body")?,
        created_at: at(row, "created_at")?,
        updated_at: at(row, "updated_at")?,
    })
}

fn tie_from(row: &dyn SqlRow) -> Result<TieRow> {
    Ok(TieRow {
        id: parse(row, "id")?,
        initiative: parse(row, "initiative_id")?,
        body: sealed(row, "body")?,
        created_at: at(row, "created_at")?,
        updated_at: at(row, "updated_at")?,
    })
}

fn registry_from(row: &dyn SqlRow) -> Result<RegistryRow> {
    Ok(RegistryRow {
        actor: parse(row, "actor_id")?,
        initiative: parse(row, "initiative_id")?,
        body: sealed(row, "body")?,
        updated_at: at(row, "updated_at")?,
    })
}

fn map_snapshot_from(row: &dyn SqlRow) -> Result<MapSnapshotRow> {
    Ok(MapSnapshotRow {
        id: parse(row, "id")?,
        initiative: parse(row, "initiative_id")?,
        body: sealed(row, "body")?,
        created_at: at(row, "created_at")?,
    })
}

fn sealed_record_from(row: &dyn SqlRow) -> Result<SealedRecordRow> {
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

fn audit_from(row: &dyn SqlRow) -> Result<AuditRow> {
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

async fn fetch_one<T>(
    conn: &mut dyn SqlConnection,
    sql: &'static str,
    params: Vec<SqlValue>,
    convert: fn(&dyn SqlRow) -> Result<T>,
) -> Result<Option<T>> {
    conn.fetch(sql, params).await?.first().map(|row| convert(row.as_ref())).transpose()
}

async fn fetch_all<T>(
    conn: &mut dyn SqlConnection,
    sql: &'static str,
    params: Vec<SqlValue>,
    convert: fn(&dyn SqlRow) -> Result<T>,
) -> Result<Vec<T>> {
    conn.fetch(sql, params).await?.iter().map(|row| convert(row.as_ref())).collect()
}

/// A row's values, once its MAC is checked; a row that fails is reported to `rows` and refused.
fn check(rows: &dyn RowAuthenticator, table: &'static Table, row: &dyn SqlRow) -> Result<Vec<SqlValue>> {
    let values = table.read_values(row)?;
    let authentic = row.nullable_blob("mac")?.is_some_and(|mac| rows.verify(&canonical(table, &values), &mac));
    if authentic {
        Ok(values)
    } else {
        let refused = table.describe(&values);
        rows.refused(&refused);
        Err(StoreError::Tampered(refused))
    }
}

async fn fetch_all_checked<T>(
    conn: &mut dyn SqlConnection,
    rows: &dyn RowAuthenticator,
    table: &'static Table,
    sql: &'static str,
    params: Vec<SqlValue>,
    convert: fn(&dyn SqlRow) -> Result<T>,
) -> Result<Vec<T>> {
    conn.fetch(sql, params)
        .await?
        .iter()
        .map(|row| {
            check(rows, table, row.as_ref())?;
            convert(row.as_ref())
        })
        .collect()
}

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

/// Rows per multi-row insert of sealed records: a busy consultation writes its votes in batches,
/// and one statement per row would cost a round trip to the database each.
const SEALED_RECORDS_PER_INSERT: usize = 64;

/// `INSERT INTO sealed_records … VALUES (…), (…), …` for `rows` rows (1 to
/// [`SEALED_RECORDS_PER_INSERT`]), made once per size.
fn insert_sealed_records_sql(rows: usize) -> &'static str {
    static STATEMENTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let statements = STATEMENTS.get_or_init(|| {
        (1..=SEALED_RECORDS_PER_INSERT)
            .map(|n| {
                let values: Vec<String> = (0..n)
                    .map(|row| {
                        let first = row * 8;
                        let placeholders: Vec<String> = (1..=8).map(|c| format!("${}", first + c)).collect();
                        format!("({})", placeholders.join(", "))
                    })
                    .collect();
                format!(
                    "INSERT INTO sealed_records (id, initiative_id, kind, parent_id, body, created_at, updated_at, mac) \
                     VALUES {}",
                    values.join(", ")
                )
            })
            .collect()
    });
    &statements[rows.clamp(1, SEALED_RECORDS_PER_INSERT) - 1]
}

fn sealed_record_values(record: &SealedRecordRow) -> Vec<SqlValue> {
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

fn blob(value: &Sealed) -> SqlValue {
    SqlValue::Blob(value.0.clone())
}

fn text_opt(value: Option<impl ToString>) -> SqlValue {
    SqlValue::NullableText(value.map(|v| v.to_string()))
}

// One builder per authenticated table: a row's values in the table's canonical column order
// (see `authenticated`), as both the insert and the MAC take them.

fn user_values(user: &UserRow) -> Vec<SqlValue> {
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

fn recovery_code_values(code: &RecoveryCodeRow) -> Vec<SqlValue> {
    vec![text(code.user), SqlValue::Blob(code.digest.to_vec()), SqlValue::Bool(code.used)]
}

fn session_values(session: &SessionRow) -> Vec<SqlValue> {
    vec![
        SqlValue::Blob(session.digest.to_vec()),
        text(session.user),
        SqlValue::Int(to_micros(session.created_at)),
        SqlValue::Int(to_micros(session.expires_at)),
        SqlValue::Int(to_micros(session.last_seen_at)),
        SqlValue::Bool(session.revoked),
    ]
}

fn token_values(token: &TokenRow) -> Vec<SqlValue> {
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

fn initiative_values(initiative: &InitiativeRow) -> Vec<SqlValue> {
    vec![
        text(initiative.id),
        text(initiative.key),
        blob(&initiative.title),
        blob(&initiative.description),
        SqlValue::Int(to_micros(initiative.created_at)),
        SqlValue::Bool(initiative.secret_channel),
    ]
}

fn member_values(member: &MemberRow) -> Vec<SqlValue> {
    vec![text(member.initiative), text(member.user), text(member.role.as_str()), text_opt(member.side)]
}

fn side_values(side: &SideRow) -> Vec<SqlValue> {
    vec![text(side.id), text(side.initiative), blob(&side.name), SqlValue::Int(to_micros(side.created_at))]
}

fn person_values(person: &PersonRow) -> Vec<SqlValue> {
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

fn note_values(note: &NoteRow) -> Vec<SqlValue> {
    vec![
        text(note.id),
        text(note.initiative),
        text_opt(note.side),
        text_opt(note.author),
        blob(&note.body),
        SqlValue::Int(to_micros(note.created_at)),
    ]
}

fn document_values(document: &DocumentRow) -> Vec<SqlValue> {
    vec![
        text(document.id),
        text(document.initiative),
        blob(&document.title),
        blob(&document.body),
        SqlValue::Int(to_micros(document.created_at)),
    ]
}

/// An actor's or a tie's values: both are an id, the initiative and one sealed body.
fn map_record_values(
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

fn registry_values(entry: &RegistryRow) -> Vec<SqlValue> {
    vec![text(entry.actor), text(entry.initiative), blob(&entry.body), SqlValue::Int(to_micros(entry.updated_at))]
}

fn map_snapshot_values(snapshot: &MapSnapshotRow) -> Vec<SqlValue> {
    vec![
        text(snapshot.id),
        text(snapshot.initiative),
        blob(&snapshot.body),
        SqlValue::Int(to_micros(snapshot.created_at)),
    ]
}

/// Sets one column of a row's values.
fn set(values: &mut [SqlValue], table: &Table, column: &str, value: SqlValue) {
    values[table.position(column)] = value;
}

/// A write transaction over any [`SqlConnection`].
pub struct SqlTx {
    conn: Box<dyn SqlConnection>,
    dialect: Dialect,
    rows: Arc<dyn RowAuthenticator>,
}

impl SqlTx {
    #[must_use]
    pub fn new(conn: Box<dyn SqlConnection>, dialect: Dialect, rows: Arc<dyn RowAuthenticator>) -> Self {
        Self { conn, dialect, rows }
    }

    /// The values with their MAC appended, as the insert and update statements take them.
    fn signed(&self, table: &Table, mut values: Vec<SqlValue>) -> Vec<SqlValue> {
        let mac = self.rows.mac(&canonical(table, &values));
        values.push(SqlValue::Blob(mac.to_vec()));
        values
    }

    async fn insert_row(&mut self, table: &'static Table, values: Vec<SqlValue>) -> Result<()> {
        let params = self.signed(table, values);
        self.exec(table.insert_sql(), params).await
    }

    /// Writes a whole row over the one with the same key, with a fresh MAC.
    async fn rewrite(&mut self, table: &'static Table, values: Vec<SqlValue>) -> Result<()> {
        let key = table.key_values(&values);
        let mut params = self.signed(table, values);
        params.extend(key);
        self.exec(table.update_sql(), params).await
    }

    /// The row with this key, checked; `None` when there is none.
    async fn checked_values(&mut self, table: &'static Table, key: Vec<SqlValue>) -> Result<Option<Vec<SqlValue>>> {
        let rows = self.conn.fetch(table.select_sql(), key).await?;
        rows.first().map(|row| check(self.rows.as_ref(), table, row.as_ref())).transpose()
    }

    /// Changes columns of one row. The row is checked first, so a forged row is refused rather
    /// than given a valid MAC; a missing row is left missing, as an `UPDATE` would.
    async fn modify(
        &mut self,
        table: &'static Table,
        key: Vec<SqlValue>,
        change: impl FnOnce(&mut Vec<SqlValue>) + Send,
    ) -> Result<()> {
        if let Some(mut values) = self.checked_values(table, key).await? {
            change(&mut values);
            self.rewrite(table, values).await?;
        }
        Ok(())
    }

    /// Replaces a record of an initiative with new values, when a checked record with that id
    /// exists in that same initiative (as `UPDATE … WHERE id = … AND initiative_id = …` would).
    async fn replace_in_initiative(&mut self, table: &'static Table, values: Vec<SqlValue>) -> Result<()> {
        let initiative = table.position("initiative_id");
        let stored = self.checked_values(table, table.key_values(&values)).await?;
        if stored.is_some_and(|stored| canonical_eq(&stored[initiative], &values[initiative])) {
            self.rewrite(table, values).await?;
        }
        Ok(())
    }

    async fn checked_one<T>(
        &mut self,
        table: &'static Table,
        sql: &'static str,
        params: Vec<SqlValue>,
        convert: fn(&dyn SqlRow) -> Result<T>,
    ) -> Result<Option<T>> {
        let rows = self.conn.fetch(sql, params).await?;
        rows.first()
            .map(|row| {
                check(self.rows.as_ref(), table, row.as_ref())?;
                convert(row.as_ref())
            })
            .transpose()
    }

    async fn checked_many<T>(
        &mut self,
        table: &'static Table,
        sql: &'static str,
        params: Vec<SqlValue>,
        convert: fn(&dyn SqlRow) -> Result<T>,
    ) -> Result<Vec<T>> {
        fetch_all_checked(self.conn.as_mut(), self.rows.as_ref(), table, sql, params, convert).await
    }

    async fn exec(&mut self, sql: &'static str, params: Vec<SqlValue>) -> Result<()> {
        self.conn.execute(sql, params).await
    }

    async fn one<T>(
        &mut self,
        sql: &'static str,
        params: Vec<SqlValue>,
        convert: fn(&dyn SqlRow) -> Result<T>,
    ) -> Result<Option<T>> {
        fetch_one(self.conn.as_mut(), sql, params, convert).await
    }

    async fn many<T>(
        &mut self,
        sql: &'static str,
        params: Vec<SqlValue>,
        convert: fn(&dyn SqlRow) -> Result<T>,
    ) -> Result<Vec<T>> {
        fetch_all(self.conn.as_mut(), sql, params, convert).await
    }
}

/// Whether two values are the same text, whatever their nullability.
fn canonical_eq(a: &SqlValue, b: &SqlValue) -> bool {
    match (a, b) {
        (SqlValue::Text(a) | SqlValue::NullableText(Some(a)), SqlValue::Text(b) | SqlValue::NullableText(Some(b))) => {
            a == b
        }
        _ => false,
    }
}

fn scope_values(scope: KeyScope) -> (SqlValue, SqlValue) {
    match scope {
        KeyScope::System => (text("system"), SqlValue::NullableText(None)),
        KeyScope::Initiative(id) => (text("initiative"), SqlValue::NullableText(Some(id.to_string()))),
    }
}

#[async_trait]
impl WriteTx for SqlTx {
    async fn commit(self: Box<Self>) -> Result<()> {
        self.conn.commit().await
    }

    async fn init_meta(&mut self, meta: &StoreMeta) -> Result<()> {
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
        self.exec(
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

    async fn insert_key(&mut self, key: &KeyRow) -> Result<()> {
        let (scope, initiative) = scope_values(key.scope);
        self.exec(
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

    async fn key(&mut self, id: KeyId) -> Result<Option<KeyRow>> {
        self.one("SELECT * FROM data_keys WHERE id = $1", vec![text(id)], key_from).await
    }

    async fn system_key(&mut self) -> Result<Option<KeyRow>> {
        self.one("SELECT * FROM data_keys WHERE scope = 'system'", vec![], key_from).await
    }

    async fn keys(&mut self) -> Result<Vec<KeyRow>> {
        self.many("SELECT * FROM data_keys ORDER BY created_at, id", vec![], key_from).await
    }

    async fn insert_user(&mut self, user: &UserRow) -> Result<()> {
        self.insert_row(&USERS, user_values(user)).await
    }

    async fn set_login_state(
        &mut self,
        user: UserId,
        failed_logins: i64,
        locked_until: Option<Timestamp>,
    ) -> Result<()> {
        self.modify(&USERS, vec![text(user)], |row| {
            set(row, &USERS, "failed_logins", SqlValue::Int(failed_logins));
            set(row, &USERS, "locked_until", micros(locked_until));
        })
        .await
    }

    async fn set_password_hash(&mut self, user: UserId, password_hash: &str) -> Result<()> {
        self.modify(&USERS, vec![text(user)], |row| set(row, &USERS, "password_hash", text_opt(Some(password_hash))))
            .await
    }

    async fn set_disabled(&mut self, user: UserId, disabled: bool) -> Result<()> {
        self.modify(&USERS, vec![text(user)], |row| set(row, &USERS, "disabled", SqlValue::Bool(disabled))).await
    }

    async fn set_totp(&mut self, user: UserId, secret: Option<&Sealed>, enabled: bool) -> Result<()> {
        self.modify(&USERS, vec![text(user)], |row| {
            set(row, &USERS, "totp_secret", SqlValue::NullableBlob(secret.map(|s| s.0.clone())));
            set(row, &USERS, "totp_enabled", SqlValue::Bool(enabled));
            set(row, &USERS, "totp_last_step", SqlValue::NullableInt(None));
        })
        .await
    }

    async fn set_totp_last_step(&mut self, user: UserId, step: i64) -> Result<()> {
        self.modify(&USERS, vec![text(user)], |row| {
            set(row, &USERS, "totp_last_step", SqlValue::NullableInt(Some(step)))
        })
        .await
    }

    async fn replace_recovery_codes(&mut self, user: UserId, digests: &[[u8; 32]]) -> Result<()> {
        self.exec("DELETE FROM recovery_codes WHERE user_id = $1", vec![text(user)]).await?;
        for digest in digests {
            self.insert_recovery_code(&RecoveryCodeRow { user, digest: *digest, used: false }).await?;
        }
        Ok(())
    }

    async fn insert_recovery_code(&mut self, code: &RecoveryCodeRow) -> Result<()> {
        self.insert_row(&RECOVERY_CODES, recovery_code_values(code)).await
    }

    async fn recovery_codes(&mut self, user: UserId) -> Result<Vec<RecoveryCodeRow>> {
        self.checked_many(
            &RECOVERY_CODES,
            "SELECT * FROM recovery_codes WHERE user_id = $1",
            vec![text(user)],
            recovery_code_from,
        )
        .await
    }

    async fn mark_recovery_code_used(&mut self, user: UserId, digest: &[u8; 32]) -> Result<()> {
        self.modify(&RECOVERY_CODES, vec![text(user), SqlValue::Blob(digest.to_vec())], |row| {
            set(row, &RECOVERY_CODES, "used", SqlValue::Bool(true));
        })
        .await
    }

    async fn insert_session(&mut self, session: &SessionRow) -> Result<()> {
        self.insert_row(&SESSIONS, session_values(session)).await
    }

    async fn session(&mut self, digest: &[u8; 32]) -> Result<Option<SessionRow>> {
        self.checked_one(
            &SESSIONS,
            "SELECT * FROM sessions WHERE digest = $1",
            vec![SqlValue::Blob(digest.to_vec())],
            session_from,
        )
        .await
    }

    async fn touch_session(&mut self, digest: &[u8; 32], at: Timestamp) -> Result<()> {
        self.modify(&SESSIONS, vec![SqlValue::Blob(digest.to_vec())], |row| {
            set(row, &SESSIONS, "last_seen_at", SqlValue::Int(to_micros(at)));
        })
        .await
    }

    async fn revoke_session(&mut self, digest: &[u8; 32]) -> Result<()> {
        // A revoked session serves no purpose, so it goes: a deleted row cannot be forged back
        // into use without the key, and nothing is left to re-authenticate.
        self.exec("DELETE FROM sessions WHERE digest = $1", vec![SqlValue::Blob(digest.to_vec())]).await
    }

    async fn revoke_sessions_of(&mut self, user: UserId) -> Result<()> {
        self.exec("DELETE FROM sessions WHERE user_id = $1", vec![text(user)]).await
    }

    async fn user(&mut self, id: UserId) -> Result<Option<UserRow>> {
        self.checked_one(&USERS, "SELECT * FROM users WHERE id = $1", vec![text(id)], user_from).await
    }

    async fn user_by_username(&mut self, index: &BlindIndex) -> Result<Option<UserRow>> {
        self.checked_one(
            &USERS,
            "SELECT * FROM users WHERE username_index = $1",
            vec![SqlValue::Blob(index.0.to_vec())],
            user_from,
        )
        .await
    }

    async fn users(&mut self) -> Result<Vec<UserRow>> {
        self.checked_many(&USERS, "SELECT * FROM users ORDER BY created_at, id", vec![], user_from).await
    }

    async fn insert_token(&mut self, token: &TokenRow) -> Result<()> {
        self.insert_row(&TOKENS, token_values(token)).await
    }

    async fn revoke_tokens_of(&mut self, user: UserId) -> Result<()> {
        // Like a revoked session, a revoked token serves no purpose, and a deleted row cannot be
        // forged back into use.
        self.exec("DELETE FROM tokens WHERE user_id = $1", vec![text(user)]).await
    }

    async fn token_by_digest(&mut self, digest: &[u8; 32]) -> Result<Option<TokenRow>> {
        self.checked_one(
            &TOKENS,
            "SELECT * FROM tokens WHERE digest = $1",
            vec![SqlValue::Blob(digest.to_vec())],
            token_from,
        )
        .await
    }

    async fn token(&mut self, id: TokenId) -> Result<Option<TokenRow>> {
        self.checked_one(&TOKENS, "SELECT * FROM tokens WHERE id = $1", vec![text(id)], token_from).await
    }

    async fn tokens_of(&mut self, user: UserId) -> Result<Vec<TokenRow>> {
        self.checked_many(
            &TOKENS,
            "SELECT * FROM tokens WHERE user_id = $1 ORDER BY created_at, id",
            vec![text(user)],
            token_from,
        )
        .await
    }

    async fn touch_token(&mut self, id: TokenId, at: Timestamp) -> Result<()> {
        self.modify(&TOKENS, vec![text(id)], |row| {
            set(row, &TOKENS, "last_used_at", micros(Some(at)));
        })
        .await
    }

    async fn delete_token(&mut self, id: TokenId) -> Result<()> {
        self.exec("DELETE FROM tokens WHERE id = $1", vec![text(id)]).await
    }

    async fn insert_initiative(&mut self, initiative: &InitiativeRow) -> Result<()> {
        self.insert_row(&INITIATIVES, initiative_values(initiative)).await
    }

    async fn initiative(&mut self, id: InitiativeId) -> Result<Option<InitiativeRow>> {
        self.checked_one(&INITIATIVES, "SELECT * FROM initiatives WHERE id = $1", vec![text(id)], initiative_from).await
    }

    async fn initiatives(&mut self) -> Result<Vec<InitiativeRow>> {
        self.checked_many(&INITIATIVES, "SELECT * FROM initiatives ORDER BY created_at, id", vec![], initiative_from)
            .await
    }

    async fn destroy_initiative(&mut self, id: InitiativeId) -> Result<()> {
        // Child rows go by ON DELETE CASCADE; the key is not a child row, so it goes explicitly.
        self.exec("DELETE FROM initiatives WHERE id = $1", vec![text(id)]).await?;
        self.exec("DELETE FROM data_keys WHERE scope = 'initiative' AND initiative_id = $1", vec![text(id)]).await
    }

    async fn insert_member(&mut self, member: &MemberRow) -> Result<()> {
        self.insert_row(&MEMBERS, member_values(member)).await
    }

    async fn membership(&mut self, initiative: InitiativeId, user: UserId) -> Result<Option<MemberRow>> {
        self.checked_one(
            &MEMBERS,
            "SELECT * FROM members WHERE initiative_id = $1 AND user_id = $2",
            vec![text(initiative), text(user)],
            member_from,
        )
        .await
    }

    async fn members(&mut self, initiative: InitiativeId) -> Result<Vec<MemberRow>> {
        self.checked_many(
            &MEMBERS,
            "SELECT * FROM members WHERE initiative_id = $1 ORDER BY user_id",
            vec![text(initiative)],
            member_from,
        )
        .await
    }

    async fn insert_side(&mut self, side: &SideRow) -> Result<()> {
        self.insert_row(&SIDES, side_values(side)).await
    }

    async fn side(&mut self, id: SideId) -> Result<Option<SideRow>> {
        self.checked_one(&SIDES, "SELECT * FROM sides WHERE id = $1", vec![text(id)], side_from).await
    }

    async fn sides(&mut self, initiative: InitiativeId) -> Result<Vec<SideRow>> {
        self.checked_many(
            &SIDES,
            "SELECT * FROM sides WHERE initiative_id = $1 ORDER BY created_at, id",
            vec![text(initiative)],
            side_from,
        )
        .await
    }

    async fn insert_person(&mut self, person: &PersonRow) -> Result<()> {
        self.insert_row(&PEOPLE, person_values(person)).await
    }

    async fn person(&mut self, id: PersonId) -> Result<Option<PersonRow>> {
        self.checked_one(&PEOPLE, "SELECT * FROM people WHERE id = $1", vec![text(id)], person_from).await
    }

    async fn people(&mut self, initiative: InitiativeId) -> Result<Vec<PersonRow>> {
        self.checked_many(
            &PEOPLE,
            "SELECT * FROM people WHERE initiative_id = $1 ORDER BY created_at, id",
            vec![text(initiative)],
            person_from,
        )
        .await
    }

    async fn insert_note(&mut self, note: &NoteRow) -> Result<()> {
        self.insert_row(&NOTES, note_values(note)).await
    }

    async fn note(&mut self, id: NoteId) -> Result<Option<NoteRow>> {
        self.checked_one(&NOTES, "SELECT * FROM notes WHERE id = $1", vec![text(id)], note_from).await
    }

    async fn notes(&mut self, initiative: InitiativeId) -> Result<Vec<NoteRow>> {
        self.checked_many(
            &NOTES,
            "SELECT * FROM notes WHERE initiative_id = $1 ORDER BY created_at, id",
            vec![text(initiative)],
            note_from,
        )
        .await
    }

    async fn insert_document(&mut self, document: &DocumentRow) -> Result<()> {
        self.insert_row(&DOCUMENTS, document_values(document)).await
    }

    async fn document(&mut self, id: DocumentId) -> Result<Option<DocumentRow>> {
        self.checked_one(&DOCUMENTS, "SELECT * FROM documents WHERE id = $1", vec![text(id)], document_from).await
    }

    async fn documents(&mut self, initiative: InitiativeId) -> Result<Vec<DocumentRow>> {
        self.checked_many(
            &DOCUMENTS,
            "SELECT * FROM documents WHERE initiative_id = $1 ORDER BY created_at, id",
            vec![text(initiative)],
            document_from,
        )
        .await
    }

    async fn insert_actor(&mut self, actor: &ActorRow) -> Result<()> {
        self.insert_row(
            &ACTORS,
            map_record_values(actor.id, actor.initiative, &actor.body, actor.created_at, actor.updated_at),
        )
        .await
    }

    async fn update_actor(&mut self, actor: &ActorRow) -> Result<()> {
        let values = map_record_values(actor.id, actor.initiative, &actor.body, actor.created_at, actor.updated_at);
        self.replace_in_initiative(&ACTORS, values).await
    }

    async fn delete_actor(&mut self, id: ActorId) -> Result<()> {
        self.exec("DELETE FROM registry_entries WHERE actor_id = $1", vec![text(id)]).await?;
        self.exec("DELETE FROM actors WHERE id = $1", vec![text(id)]).await
    }

    async fn actor(&mut self, id: ActorId) -> Result<Option<ActorRow>> {
        self.checked_one(&ACTORS, "SELECT * FROM actors WHERE id = $1", vec![text(id)], actor_from).await
    }

    async fn actors(&mut self, initiative: InitiativeId) -> Result<Vec<ActorRow>> {
        self.checked_many(
            &ACTORS,
            "SELECT * FROM actors WHERE initiative_id = $1 ORDER BY created_at, id",
            vec![text(initiative)],
            actor_from,
        )
        .await
    }

    async fn insert_tie(&mut self, tie: &TieRow) -> Result<()> {
        self.insert_row(&TIES, map_record_values(tie.id, tie.initiative, &tie.body, tie.created_at, tie.updated_at))
            .await
    }

    async fn update_tie(&mut self, tie: &TieRow) -> Result<()> {
        let values = map_record_values(tie.id, tie.initiative, &tie.body, tie.created_at, tie.updated_at);
        self.replace_in_initiative(&TIES, values).await
    }

    async fn delete_tie(&mut self, id: TieId) -> Result<()> {
        self.exec("DELETE FROM ties WHERE id = $1", vec![text(id)]).await
    }

    async fn tie(&mut self, id: TieId) -> Result<Option<TieRow>> {
        self.checked_one(&TIES, "SELECT * FROM ties WHERE id = $1", vec![text(id)], tie_from).await
    }

    async fn ties(&mut self, initiative: InitiativeId) -> Result<Vec<TieRow>> {
        self.checked_many(
            &TIES,
            "SELECT * FROM ties WHERE initiative_id = $1 ORDER BY created_at, id",
            vec![text(initiative)],
            tie_from,
        )
        .await
    }

    async fn put_registry_entry(&mut self, entry: &RegistryRow) -> Result<()> {
        let values = registry_values(entry);
        let params = self.signed(&REGISTRY_ENTRIES, values);
        self.exec(
            "INSERT INTO registry_entries (actor_id, initiative_id, body, updated_at, mac) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (actor_id) DO UPDATE SET initiative_id = excluded.initiative_id, body = excluded.body, \
             updated_at = excluded.updated_at, mac = excluded.mac",
            params,
        )
        .await
    }

    async fn registry_entry(&mut self, actor: ActorId) -> Result<Option<RegistryRow>> {
        self.checked_one(
            &REGISTRY_ENTRIES,
            "SELECT * FROM registry_entries WHERE actor_id = $1",
            vec![text(actor)],
            registry_from,
        )
        .await
    }

    async fn registry_entries(&mut self, initiative: InitiativeId) -> Result<Vec<RegistryRow>> {
        self.checked_many(
            &REGISTRY_ENTRIES,
            "SELECT * FROM registry_entries WHERE initiative_id = $1 ORDER BY actor_id",
            vec![text(initiative)],
            registry_from,
        )
        .await
    }

    async fn insert_map_snapshot(&mut self, snapshot: &MapSnapshotRow) -> Result<()> {
        self.insert_row(&MAP_SNAPSHOTS, map_snapshot_values(snapshot)).await
    }

    async fn delete_map_snapshot(&mut self, id: SnapshotId) -> Result<()> {
        self.exec("DELETE FROM map_snapshots WHERE id = $1", vec![text(id)]).await
    }

    async fn map_snapshots(&mut self, initiative: InitiativeId) -> Result<Vec<MapSnapshotRow>> {
        self.checked_many(
            &MAP_SNAPSHOTS,
            "SELECT * FROM map_snapshots WHERE initiative_id = $1 ORDER BY created_at, id",
            vec![text(initiative)],
            map_snapshot_from,
        )
        .await
    }

    async fn insert_sealed_record(&mut self, record: &SealedRecordRow) -> Result<()> {
        self.insert_row(&SEALED_RECORDS, sealed_record_values(record)).await
    }

    async fn insert_sealed_records(&mut self, records: &[SealedRecordRow]) -> Result<()> {
        for chunk in records.chunks(SEALED_RECORDS_PER_INSERT) {
            let params =
                chunk.iter().flat_map(|record| self.signed(&SEALED_RECORDS, sealed_record_values(record))).collect();
            self.exec(insert_sealed_records_sql(chunk.len()), params).await?;
        }
        Ok(())
    }

    async fn update_sealed_record(&mut self, record: &SealedRecordRow) -> Result<()> {
        self.replace_in_initiative(&SEALED_RECORDS, sealed_record_values(record)).await
    }

    async fn delete_sealed_record(&mut self, id: uuid::Uuid) -> Result<()> {
        self.exec("DELETE FROM sealed_records WHERE id = $1", vec![text(id)]).await
    }

    async fn sealed_record(&mut self, id: uuid::Uuid) -> Result<Option<SealedRecordRow>> {
        self.checked_one(
            &SEALED_RECORDS,
            "SELECT * FROM sealed_records WHERE id = $1",
            vec![text(id)],
            sealed_record_from,
        )
        .await
    }

    async fn sealed_records(
        &mut self,
        initiative: InitiativeId,
        kind: RecordKind,
        parent: Option<uuid::Uuid>,
    ) -> Result<Vec<SealedRecordRow>> {
        match parent {
            None => {
                self.checked_many(
                    &SEALED_RECORDS,
                    "SELECT * FROM sealed_records WHERE initiative_id = $1 AND kind = $2 ORDER BY created_at, id",
                    vec![text(initiative), text(kind.as_str())],
                    sealed_record_from,
                )
                .await
            }
            Some(parent) => {
                self.checked_many(
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

    async fn audit_head(&mut self) -> Result<AuditHead> {
        self.one(self.dialect.lock_audit_head, vec![], |row| {
            Ok(AuditHead { seq: row.int("seq")?, mac: row.blob("mac")? })
        })
        .await?
        .ok_or_else(|| corrupt("audit head"))
    }

    async fn append_audit(&mut self, event: &AuditRow) -> Result<()> {
        self.exec(
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
        self.exec(
            "UPDATE audit_head SET seq = $1, mac = $2 WHERE id = 1",
            vec![SqlValue::Int(event.seq), SqlValue::Blob(event.mac.clone())],
        )
        .await
    }

    async fn audit_events(&mut self) -> Result<Vec<AuditRow>> {
        self.many("SELECT * FROM audit_events ORDER BY seq", vec![], audit_from).await
    }

    async fn seal_access_state(&mut self, tokens_expire_at: Timestamp) -> Result<()> {
        // Tokens of before had no expiry (the column reads 0 after migration 0008).
        self.exec(
            "UPDATE tokens SET expires_at = $1 WHERE expires_at = 0",
            vec![SqlValue::Int(to_micros(tokens_expire_at))],
        )
        .await?;
        for table in TABLES {
            for row in self.conn.fetch(table.select_all_sql(), vec![]).await? {
                let values = table.read_values(row.as_ref())?;
                let mut params = vec![SqlValue::Blob(self.rows.mac(&canonical(table, &values)).to_vec())];
                params.extend(table.key_values(&values));
                self.exec(table.set_mac_sql(), params).await?;
            }
        }
        // Sessions are not carried over: whoever is signed in signs in again, so no session
        // row of before is vouched for.
        self.exec("DELETE FROM sessions", vec![]).await?;
        self.exec(
            "UPDATE store_meta SET format_version = $1 WHERE id = 1",
            vec![SqlValue::Int(tracktwo_store::FORMAT_VERSION)],
        )
        .await
    }

    async fn give_tokens_an_expiry(&mut self, expires_at: Timestamp) -> Result<Vec<UnauthenticRow>> {
        let mut left = Vec::new();
        for row in self.conn.fetch(TOKENS_FORMAT_2.select_all_sql(), vec![]).await? {
            let old = TOKENS_FORMAT_2.read_values(row.as_ref())?;
            let authentic =
                row.nullable_blob("mac")?.is_some_and(|mac| self.rows.verify(&canonical(&TOKENS_FORMAT_2, &old), &mac));
            if !authentic {
                left.push(TOKENS_FORMAT_2.describe(&old));
                continue;
            }
            let mut values = old;
            values.push(SqlValue::Int(to_micros(expires_at)));
            values.push(SqlValue::NullableInt(None));
            self.rewrite(&TOKENS, values).await?;
        }
        self.exec(
            "UPDATE store_meta SET format_version = $1 WHERE id = 1",
            vec![SqlValue::Int(tracktwo_store::FORMAT_WITH_TOKEN_EXPIRY)],
        )
        .await?;
        Ok(left)
    }

    async fn unauthentic_rows(&mut self) -> Result<Vec<UnauthenticRow>> {
        let mut found = Vec::new();
        for table in TABLES {
            for row in self.conn.fetch(table.select_all_sql(), vec![]).await? {
                let values = table.read_values(row.as_ref())?;
                let authentic =
                    row.nullable_blob("mac")?.is_some_and(|mac| self.rows.verify(&canonical(table, &values), &mac));
                if !authentic {
                    found.push(table.describe(&values));
                }
            }
        }
        Ok(found)
    }

    async fn clear_all_but_keys(&mut self) -> Result<()> {
        // Children before parents, so foreign keys hold at every step.
        for sql in [
            "DELETE FROM sessions",
            "DELETE FROM recovery_codes",
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
            self.exec(sql, vec![]).await?;
        }
        self.exec(self.dialect.reset_audit_head, vec![]).await
    }
}
