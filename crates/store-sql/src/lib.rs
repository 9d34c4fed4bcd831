//! The SQL both relational adapters share. SQLite and PostgreSQL accept the same statements for
//! everything tracktwo does (numbered `$n` parameters, plain types), so the statements and the
//! row mapping live here once, over a minimal [`SqlConnection`] that each adapter implements for
//! its driver. What differs (connections, migrations, locking, error mapping) stays in the
//! adapters.

use async_trait::async_trait;
use std::str::FromStr;
use tracktwo_domain::{
    ActorId, DocumentId, InitiativeId, KeyId, MemberRole, NoteId, PersonId, SideId, SnapshotId, TieId, Timestamp,
    UserId,
};
use tracktwo_store::{
    ActorRow, AuditHead, AuditRow, BlindIndex, DocumentRow, InitiativeRow, KeyRow, KeyScope, KeySource, MapSnapshotRow,
    MemberRow, NoteRow, PersonRow, RecordKind, RecoveryCodeRow, RegistryRow, Result, Sealed, SealedRecordRow,
    SessionRow, SideRow, Snapshot, StoreError, StoreMeta, TieRow, TokenRow, UserRow, WriteTx, from_micros, to_micros,
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

/// Reads everything but the keyring. The caller opens `conn` on one consistent snapshot.
pub async fn read_snapshot(conn: &mut dyn SqlConnection) -> Result<Snapshot> {
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
        users: fetch_all(conn, "SELECT * FROM users ORDER BY created_at, id", vec![], user_from).await?,
        tokens: fetch_all(conn, "SELECT * FROM tokens ORDER BY created_at, id", vec![], token_from).await?,
        initiatives: fetch_all(conn, "SELECT * FROM initiatives ORDER BY created_at, id", vec![], initiative_from)
            .await?,
        sides: fetch_all(conn, "SELECT * FROM sides ORDER BY created_at, id", vec![], side_from).await?,
        members: fetch_all(conn, "SELECT * FROM members ORDER BY initiative_id, user_id", vec![], member_from).await?,
        recovery_codes: fetch_all(
            conn,
            "SELECT * FROM recovery_codes ORDER BY user_id, digest",
            vec![],
            recovery_code_from,
        )
        .await?,
        people: fetch_all(conn, "SELECT * FROM people ORDER BY created_at, id", vec![], person_from).await?,
        notes: fetch_all(conn, "SELECT * FROM notes ORDER BY created_at, id", vec![], note_from).await?,
        documents: fetch_all(conn, "SELECT * FROM documents ORDER BY created_at, id", vec![], document_from).await?,
        actors: fetch_all(conn, "SELECT * FROM actors ORDER BY created_at, id", vec![], actor_from).await?,
        ties: fetch_all(conn, "SELECT * FROM ties ORDER BY created_at, id", vec![], tie_from).await?,
        registry: fetch_all(conn, "SELECT * FROM registry_entries ORDER BY actor_id", vec![], registry_from).await?,
        map_snapshots: fetch_all(
            conn,
            "SELECT * FROM map_snapshots ORDER BY created_at, id",
            vec![],
            map_snapshot_from,
        )
        .await?,
        sealed_records: fetch_all(
            conn,
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
                        let first = row * 7;
                        let placeholders: Vec<String> = (1..=7).map(|c| format!("${}", first + c)).collect();
                        format!("({})", placeholders.join(", "))
                    })
                    .collect();
                format!(
                    "INSERT INTO sealed_records (id, initiative_id, kind, parent_id, body, created_at, updated_at) VALUES {}",
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

/// A write transaction over any [`SqlConnection`].
pub struct SqlTx {
    conn: Box<dyn SqlConnection>,
    dialect: Dialect,
}

impl SqlTx {
    #[must_use]
    pub fn new(conn: Box<dyn SqlConnection>, dialect: Dialect) -> Self {
        Self { conn, dialect }
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
        self.exec(
            "INSERT INTO users (id, username, username_index, display_name, is_admin, disabled, created_at, \
             password_hash, failed_logins, locked_until, totp_secret, totp_enabled, totp_last_step) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            vec![
                text(user.id),
                SqlValue::Blob(user.username.0.clone()),
                SqlValue::Blob(user.username_index.0.to_vec()),
                SqlValue::Blob(user.display_name.0.clone()),
                SqlValue::Bool(user.is_admin),
                SqlValue::Bool(user.disabled),
                SqlValue::Int(to_micros(user.created_at)),
                SqlValue::NullableText(user.password_hash.clone()),
                SqlValue::Int(user.failed_logins),
                micros(user.locked_until),
                SqlValue::NullableBlob(user.totp_secret.as_ref().map(|s| s.0.clone())),
                SqlValue::Bool(user.totp_enabled),
                SqlValue::NullableInt(user.totp_last_step),
            ],
        )
        .await
    }

    async fn set_login_state(
        &mut self,
        user: UserId,
        failed_logins: i64,
        locked_until: Option<Timestamp>,
    ) -> Result<()> {
        self.exec(
            "UPDATE users SET failed_logins = $1, locked_until = $2 WHERE id = $3",
            vec![SqlValue::Int(failed_logins), micros(locked_until), text(user)],
        )
        .await
    }

    async fn set_password_hash(&mut self, user: UserId, password_hash: &str) -> Result<()> {
        self.exec("UPDATE users SET password_hash = $1 WHERE id = $2", vec![text(password_hash), text(user)]).await
    }

    async fn set_disabled(&mut self, user: UserId, disabled: bool) -> Result<()> {
        self.exec("UPDATE users SET disabled = $1 WHERE id = $2", vec![SqlValue::Bool(disabled), text(user)]).await
    }

    async fn set_totp(&mut self, user: UserId, secret: Option<&Sealed>, enabled: bool) -> Result<()> {
        self.exec(
            "UPDATE users SET totp_secret = $1, totp_enabled = $2, totp_last_step = NULL WHERE id = $3",
            vec![SqlValue::NullableBlob(secret.map(|s| s.0.clone())), SqlValue::Bool(enabled), text(user)],
        )
        .await
    }

    async fn set_totp_last_step(&mut self, user: UserId, step: i64) -> Result<()> {
        self.exec("UPDATE users SET totp_last_step = $1 WHERE id = $2", vec![SqlValue::Int(step), text(user)]).await
    }

    async fn replace_recovery_codes(&mut self, user: UserId, digests: &[[u8; 32]]) -> Result<()> {
        self.exec("DELETE FROM recovery_codes WHERE user_id = $1", vec![text(user)]).await?;
        for digest in digests {
            self.insert_recovery_code(&RecoveryCodeRow { user, digest: *digest, used: false }).await?;
        }
        Ok(())
    }

    async fn insert_recovery_code(&mut self, code: &RecoveryCodeRow) -> Result<()> {
        self.exec(
            "INSERT INTO recovery_codes (user_id, digest, used) VALUES ($1, $2, $3)",
            vec![text(code.user), SqlValue::Blob(code.digest.to_vec()), SqlValue::Bool(code.used)],
        )
        .await
    }

    async fn recovery_codes(&mut self, user: UserId) -> Result<Vec<RecoveryCodeRow>> {
        self.many("SELECT * FROM recovery_codes WHERE user_id = $1", vec![text(user)], recovery_code_from).await
    }

    async fn mark_recovery_code_used(&mut self, user: UserId, digest: &[u8; 32]) -> Result<()> {
        self.exec(
            "UPDATE recovery_codes SET used = TRUE WHERE user_id = $1 AND digest = $2",
            vec![text(user), SqlValue::Blob(digest.to_vec())],
        )
        .await
    }

    async fn insert_session(&mut self, session: &SessionRow) -> Result<()> {
        self.exec(
            "INSERT INTO sessions (digest, user_id, created_at, expires_at, last_seen_at, revoked) \
             VALUES ($1, $2, $3, $4, $5, $6)",
            vec![
                SqlValue::Blob(session.digest.to_vec()),
                text(session.user),
                SqlValue::Int(to_micros(session.created_at)),
                SqlValue::Int(to_micros(session.expires_at)),
                SqlValue::Int(to_micros(session.last_seen_at)),
                SqlValue::Bool(session.revoked),
            ],
        )
        .await
    }

    async fn session(&mut self, digest: &[u8; 32]) -> Result<Option<SessionRow>> {
        self.one("SELECT * FROM sessions WHERE digest = $1", vec![SqlValue::Blob(digest.to_vec())], session_from).await
    }

    async fn touch_session(&mut self, digest: &[u8; 32], at: Timestamp) -> Result<()> {
        self.exec(
            "UPDATE sessions SET last_seen_at = $1 WHERE digest = $2",
            vec![SqlValue::Int(to_micros(at)), SqlValue::Blob(digest.to_vec())],
        )
        .await
    }

    async fn revoke_session(&mut self, digest: &[u8; 32]) -> Result<()> {
        self.exec("UPDATE sessions SET revoked = TRUE WHERE digest = $1", vec![SqlValue::Blob(digest.to_vec())]).await
    }

    async fn revoke_sessions_of(&mut self, user: UserId) -> Result<()> {
        self.exec("UPDATE sessions SET revoked = TRUE WHERE user_id = $1", vec![text(user)]).await
    }

    async fn user(&mut self, id: UserId) -> Result<Option<UserRow>> {
        self.one("SELECT * FROM users WHERE id = $1", vec![text(id)], user_from).await
    }

    async fn user_by_username(&mut self, index: &BlindIndex) -> Result<Option<UserRow>> {
        self.one("SELECT * FROM users WHERE username_index = $1", vec![SqlValue::Blob(index.0.to_vec())], user_from)
            .await
    }

    async fn users(&mut self) -> Result<Vec<UserRow>> {
        self.many("SELECT * FROM users ORDER BY created_at, id", vec![], user_from).await
    }

    async fn insert_token(&mut self, token: &TokenRow) -> Result<()> {
        self.exec(
            "INSERT INTO tokens (id, user_id, digest, label, created_at, revoked) VALUES ($1, $2, $3, $4, $5, $6)",
            vec![
                text(token.id),
                text(token.user),
                SqlValue::Blob(token.digest.to_vec()),
                SqlValue::Blob(token.label.0.clone()),
                SqlValue::Int(to_micros(token.created_at)),
                SqlValue::Bool(token.revoked),
            ],
        )
        .await
    }

    async fn token_by_digest(&mut self, digest: &[u8; 32]) -> Result<Option<TokenRow>> {
        self.one("SELECT * FROM tokens WHERE digest = $1", vec![SqlValue::Blob(digest.to_vec())], token_from).await
    }

    async fn insert_initiative(&mut self, initiative: &InitiativeRow) -> Result<()> {
        self.exec(
            "INSERT INTO initiatives (id, key_id, title, description, secret_channel, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
            vec![
                text(initiative.id),
                text(initiative.key),
                SqlValue::Blob(initiative.title.0.clone()),
                SqlValue::Blob(initiative.description.0.clone()),
                SqlValue::Bool(initiative.secret_channel),
                SqlValue::Int(to_micros(initiative.created_at)),
            ],
        )
        .await
    }

    async fn initiative(&mut self, id: InitiativeId) -> Result<Option<InitiativeRow>> {
        self.one("SELECT * FROM initiatives WHERE id = $1", vec![text(id)], initiative_from).await
    }

    async fn initiatives(&mut self) -> Result<Vec<InitiativeRow>> {
        self.many("SELECT * FROM initiatives ORDER BY created_at, id", vec![], initiative_from).await
    }

    async fn destroy_initiative(&mut self, id: InitiativeId) -> Result<()> {
        // Child rows go by ON DELETE CASCADE; the key is not a child row, so it goes explicitly.
        self.exec("DELETE FROM initiatives WHERE id = $1", vec![text(id)]).await?;
        self.exec("DELETE FROM data_keys WHERE scope = 'initiative' AND initiative_id = $1", vec![text(id)]).await
    }

    async fn insert_member(&mut self, member: &MemberRow) -> Result<()> {
        self.exec(
            "INSERT INTO members (initiative_id, user_id, role, side_id) VALUES ($1, $2, $3, $4)",
            vec![
                text(member.initiative),
                text(member.user),
                text(member.role.as_str()),
                SqlValue::NullableText(member.side.map(|s| s.to_string())),
            ],
        )
        .await
    }

    async fn membership(&mut self, initiative: InitiativeId, user: UserId) -> Result<Option<MemberRow>> {
        self.one(
            "SELECT * FROM members WHERE initiative_id = $1 AND user_id = $2",
            vec![text(initiative), text(user)],
            member_from,
        )
        .await
    }

    async fn members(&mut self, initiative: InitiativeId) -> Result<Vec<MemberRow>> {
        self.many(
            "SELECT * FROM members WHERE initiative_id = $1 ORDER BY user_id",
            vec![text(initiative)],
            member_from,
        )
        .await
    }

    async fn insert_side(&mut self, side: &SideRow) -> Result<()> {
        self.exec(
            "INSERT INTO sides (id, initiative_id, name, created_at) VALUES ($1, $2, $3, $4)",
            vec![
                text(side.id),
                text(side.initiative),
                SqlValue::Blob(side.name.0.clone()),
                SqlValue::Int(to_micros(side.created_at)),
            ],
        )
        .await
    }

    async fn side(&mut self, id: SideId) -> Result<Option<SideRow>> {
        self.one("SELECT * FROM sides WHERE id = $1", vec![text(id)], side_from).await
    }

    async fn sides(&mut self, initiative: InitiativeId) -> Result<Vec<SideRow>> {
        self.many(
            "SELECT * FROM sides WHERE initiative_id = $1 ORDER BY created_at, id",
            vec![text(initiative)],
            side_from,
        )
        .await
    }

    async fn insert_person(&mut self, person: &PersonRow) -> Result<()> {
        self.exec(
            "INSERT INTO people (id, initiative_id, name, title, contact, notes, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            vec![
                text(person.id),
                text(person.initiative),
                SqlValue::Blob(person.name.0.clone()),
                SqlValue::Blob(person.title.0.clone()),
                SqlValue::Blob(person.contact.0.clone()),
                SqlValue::Blob(person.notes.0.clone()),
                SqlValue::Int(to_micros(person.created_at)),
            ],
        )
        .await
    }

    async fn person(&mut self, id: PersonId) -> Result<Option<PersonRow>> {
        self.one("SELECT * FROM people WHERE id = $1", vec![text(id)], person_from).await
    }

    async fn people(&mut self, initiative: InitiativeId) -> Result<Vec<PersonRow>> {
        self.many(
            "SELECT * FROM people WHERE initiative_id = $1 ORDER BY created_at, id",
            vec![text(initiative)],
            person_from,
        )
        .await
    }

    async fn insert_note(&mut self, note: &NoteRow) -> Result<()> {
        self.exec(
            "INSERT INTO notes (id, initiative_id, side_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            vec![
                text(note.id),
                text(note.initiative),
                SqlValue::NullableText(note.side.map(|s| s.to_string())),
                SqlValue::NullableText(note.author.map(|a| a.to_string())),
                SqlValue::Blob(note.body.0.clone()),
                SqlValue::Int(to_micros(note.created_at)),
            ],
        )
        .await
    }

    async fn note(&mut self, id: NoteId) -> Result<Option<NoteRow>> {
        self.one("SELECT * FROM notes WHERE id = $1", vec![text(id)], note_from).await
    }

    async fn notes(&mut self, initiative: InitiativeId) -> Result<Vec<NoteRow>> {
        self.many(
            "SELECT * FROM notes WHERE initiative_id = $1 ORDER BY created_at, id",
            vec![text(initiative)],
            note_from,
        )
        .await
    }

    async fn insert_document(&mut self, document: &DocumentRow) -> Result<()> {
        self.exec(
            "INSERT INTO documents (id, initiative_id, title, body, created_at) VALUES ($1, $2, $3, $4, $5)",
            vec![
                text(document.id),
                text(document.initiative),
                SqlValue::Blob(document.title.0.clone()),
                SqlValue::Blob(document.body.0.clone()),
                SqlValue::Int(to_micros(document.created_at)),
            ],
        )
        .await
    }

    async fn document(&mut self, id: DocumentId) -> Result<Option<DocumentRow>> {
        self.one("SELECT * FROM documents WHERE id = $1", vec![text(id)], document_from).await
    }

    async fn documents(&mut self, initiative: InitiativeId) -> Result<Vec<DocumentRow>> {
        self.many(
            "SELECT * FROM documents WHERE initiative_id = $1 ORDER BY created_at, id",
            vec![text(initiative)],
            document_from,
        )
        .await
    }

    async fn insert_actor(&mut self, actor: &ActorRow) -> Result<()> {
        self.exec(
            "INSERT INTO actors (id, initiative_id, body, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)",
            vec![
                text(actor.id),
                text(actor.initiative),
                SqlValue::Blob(actor.body.0.clone()),
                SqlValue::Int(to_micros(actor.created_at)),
                SqlValue::Int(to_micros(actor.updated_at)),
            ],
        )
        .await
    }

    async fn update_actor(&mut self, actor: &ActorRow) -> Result<()> {
        self.exec(
            "UPDATE actors SET body = $1, updated_at = $2 WHERE id = $3 AND initiative_id = $4",
            vec![
                SqlValue::Blob(actor.body.0.clone()),
                SqlValue::Int(to_micros(actor.updated_at)),
                text(actor.id),
                text(actor.initiative),
            ],
        )
        .await
    }

    async fn delete_actor(&mut self, id: ActorId) -> Result<()> {
        self.exec("DELETE FROM registry_entries WHERE actor_id = $1", vec![text(id)]).await?;
        self.exec("DELETE FROM actors WHERE id = $1", vec![text(id)]).await
    }

    async fn actor(&mut self, id: ActorId) -> Result<Option<ActorRow>> {
        self.one("SELECT * FROM actors WHERE id = $1", vec![text(id)], actor_from).await
    }

    async fn actors(&mut self, initiative: InitiativeId) -> Result<Vec<ActorRow>> {
        self.many(
            "SELECT * FROM actors WHERE initiative_id = $1 ORDER BY created_at, id",
            vec![text(initiative)],
            actor_from,
        )
        .await
    }

    async fn insert_tie(&mut self, tie: &TieRow) -> Result<()> {
        self.exec(
            "INSERT INTO ties (id, initiative_id, body, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)",
            vec![
                text(tie.id),
                text(tie.initiative),
                SqlValue::Blob(tie.body.0.clone()),
                SqlValue::Int(to_micros(tie.created_at)),
                SqlValue::Int(to_micros(tie.updated_at)),
            ],
        )
        .await
    }

    async fn update_tie(&mut self, tie: &TieRow) -> Result<()> {
        self.exec(
            "UPDATE ties SET body = $1, updated_at = $2 WHERE id = $3 AND initiative_id = $4",
            vec![
                SqlValue::Blob(tie.body.0.clone()),
                SqlValue::Int(to_micros(tie.updated_at)),
                text(tie.id),
                text(tie.initiative),
            ],
        )
        .await
    }

    async fn delete_tie(&mut self, id: TieId) -> Result<()> {
        self.exec("DELETE FROM ties WHERE id = $1", vec![text(id)]).await
    }

    async fn tie(&mut self, id: TieId) -> Result<Option<TieRow>> {
        self.one("SELECT * FROM ties WHERE id = $1", vec![text(id)], tie_from).await
    }

    async fn ties(&mut self, initiative: InitiativeId) -> Result<Vec<TieRow>> {
        self.many(
            "SELECT * FROM ties WHERE initiative_id = $1 ORDER BY created_at, id",
            vec![text(initiative)],
            tie_from,
        )
        .await
    }

    async fn put_registry_entry(&mut self, entry: &RegistryRow) -> Result<()> {
        self.exec(
            "INSERT INTO registry_entries (actor_id, initiative_id, body, updated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (actor_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            vec![
                text(entry.actor),
                text(entry.initiative),
                SqlValue::Blob(entry.body.0.clone()),
                SqlValue::Int(to_micros(entry.updated_at)),
            ],
        )
        .await
    }

    async fn registry_entry(&mut self, actor: ActorId) -> Result<Option<RegistryRow>> {
        self.one("SELECT * FROM registry_entries WHERE actor_id = $1", vec![text(actor)], registry_from).await
    }

    async fn registry_entries(&mut self, initiative: InitiativeId) -> Result<Vec<RegistryRow>> {
        self.many(
            "SELECT * FROM registry_entries WHERE initiative_id = $1 ORDER BY actor_id",
            vec![text(initiative)],
            registry_from,
        )
        .await
    }

    async fn insert_map_snapshot(&mut self, snapshot: &MapSnapshotRow) -> Result<()> {
        self.exec(
            "INSERT INTO map_snapshots (id, initiative_id, body, created_at) VALUES ($1, $2, $3, $4)",
            vec![
                text(snapshot.id),
                text(snapshot.initiative),
                SqlValue::Blob(snapshot.body.0.clone()),
                SqlValue::Int(to_micros(snapshot.created_at)),
            ],
        )
        .await
    }

    async fn delete_map_snapshot(&mut self, id: SnapshotId) -> Result<()> {
        self.exec("DELETE FROM map_snapshots WHERE id = $1", vec![text(id)]).await
    }

    async fn map_snapshots(&mut self, initiative: InitiativeId) -> Result<Vec<MapSnapshotRow>> {
        self.many(
            "SELECT * FROM map_snapshots WHERE initiative_id = $1 ORDER BY created_at, id",
            vec![text(initiative)],
            map_snapshot_from,
        )
        .await
    }

    async fn insert_sealed_record(&mut self, record: &SealedRecordRow) -> Result<()> {
        self.exec(insert_sealed_records_sql(1), sealed_record_values(record)).await
    }

    async fn insert_sealed_records(&mut self, records: &[SealedRecordRow]) -> Result<()> {
        for chunk in records.chunks(SEALED_RECORDS_PER_INSERT) {
            let params = chunk.iter().flat_map(sealed_record_values).collect();
            self.exec(insert_sealed_records_sql(chunk.len()), params).await?;
        }
        Ok(())
    }

    async fn update_sealed_record(&mut self, record: &SealedRecordRow) -> Result<()> {
        self.exec(
            "UPDATE sealed_records SET body = $1, updated_at = $2 WHERE id = $3 AND initiative_id = $4",
            vec![
                SqlValue::Blob(record.body.0.clone()),
                SqlValue::Int(to_micros(record.updated_at)),
                text(record.id),
                text(record.initiative),
            ],
        )
        .await
    }

    async fn delete_sealed_record(&mut self, id: uuid::Uuid) -> Result<()> {
        self.exec("DELETE FROM sealed_records WHERE id = $1", vec![text(id)]).await
    }

    async fn sealed_record(&mut self, id: uuid::Uuid) -> Result<Option<SealedRecordRow>> {
        self.one("SELECT * FROM sealed_records WHERE id = $1", vec![text(id)], sealed_record_from).await
    }

    async fn sealed_records(
        &mut self,
        initiative: InitiativeId,
        kind: RecordKind,
        parent: Option<uuid::Uuid>,
    ) -> Result<Vec<SealedRecordRow>> {
        match parent {
            None => {
                self.many(
                    "SELECT * FROM sealed_records WHERE initiative_id = $1 AND kind = $2 ORDER BY created_at, id",
                    vec![text(initiative), text(kind.as_str())],
                    sealed_record_from,
                )
                .await
            }
            Some(parent) => {
                self.many(
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
