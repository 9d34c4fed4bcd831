//! The storage port: what the application needs from a database, in its own terms.
//!
//! Sensitive text crosses this boundary only as [`Sealed`] ciphertext or [`BlindIndex`] keyed
//! hashes: the row types have no field that could hold a name or a note in plaintext, so no
//! adapter can store one by mistake. Enumerations, identifiers and timestamps are plain.
//!
//! Adapters (`tracktwo-store-sqlite`, `tracktwo-store-postgres`) implement [`Store`] and
//! [`WriteTx`]; `tracktwo-store-conformance` runs the same stories against each of them.

mod changes;
mod rows;
pub mod serde_formats;

use async_trait::async_trait;
use tracktwo_domain::Timestamp;
use tracktwo_domain::{
    ActorId, DocumentId, InitiativeId, KeyId, NoteId, PersonId, SideId, SnapshotId, TieId, TokenId, UserId,
};

pub use changes::{ChangeFeed, ConversationChange, SignInFailuresRow, StoreChange};
pub use rows::*;

/// The format version this build writes. A store with a higher one was written by a newer
/// tracktwo and is refused rather than misread.
///
/// - 1: the first format.
/// - 2: every row an access decision reads carries a MAC ([`RowAuthenticator`]). A store of
///   format 1 is brought to 2 once, by the key holder, when it is first opened
///   ([`WriteTx::seal_access_state`]).
/// - 3: API tokens carry an expiry and their last use, both under the row's MAC. A store of
///   format 2 is brought to 3 once, by the key holder, when it is first opened
///   ([`WriteTx::give_tokens_an_expiry`]): each token whose MAC of format 2 holds gets its expiry
///   and a MAC of format 3.
pub const FORMAT_VERSION: i64 = 3;

/// The first format whose rows carry MACs.
pub const FORMAT_WITH_ROW_MACS: i64 = 2;

/// The first format whose API tokens expire.
pub const FORMAT_WITH_TOKEN_EXPIRY: i64 = 3;

/// Computes and checks the MAC that binds each stored row to a key the database never sees.
///
/// Sessions, tokens, memberships with their role and side, account flags and hashes,
/// second-factor state, secret-channel flags and the scope and parent columns of sealed records
/// are plaintext columns that access decisions read. Someone who can write to the database but
/// holds no key could otherwise insert a session for the convener or make themselves one; with a
/// MAC over every such row, under a key derived from the master key, a forged or altered row is
/// refused when it is read. The adapter computes the row's canonical bytes (the table and every
/// column, in a fixed order); the application, which holds the key, computes the MAC.
pub trait RowAuthenticator: Send + Sync {
    /// The MAC of one row's canonical bytes.
    fn mac(&self, canonical: &[u8]) -> [u8; 32];

    /// Whether `mac` is the MAC of `canonical`, compared in constant time.
    fn verify(&self, canonical: &[u8], mac: &[u8]) -> bool;

    /// Told of each row that failed, so the application can audit the refusal in a transaction
    /// of its own (the one that met the row is rolled back).
    fn refused(&self, row: &UnauthenticRow);
}

/// A row whose MAC is missing or wrong: someone wrote to the database without the key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnauthenticRow {
    pub table: &'static str,
    /// The row's key: identifiers, or a digest's first bytes in hex; never a secret.
    pub key: String,
}

impl std::fmt::Display for UnauthenticRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.table, self.key)
    }
}

/// Which uniqueness the store keeps a write would have broken. The adapters tell it from the
/// constraint the database names; never from a value, which would be ciphertext anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Unique {
    /// Two accounts with one username (its keyed index).
    #[error("an account with this username already exists")]
    Username,
    /// A person made a member of one initiative twice.
    #[error("this person is already a member of the initiative")]
    Member,
    /// Any other key: a record's identifier, a token's digest, a sealed record's place.
    #[error("a record with the same key already exists")]
    Key,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database cannot be reached: {0}")]
    Unavailable(String),
    #[error("this is not a tracktwo store, or it is damaged: {0}")]
    NotATracktwoStore(String),
    #[error(
        "this store was written by a newer version of tracktwo (schema {found}, this build knows {supported}); \
         upgrade tracktwo to open it"
    )]
    NewerVersion { found: i64, supported: i64 },
    #[error("the data folder {path} cannot be used: {reason}")]
    DataDir { path: String, reason: String },
    #[error("{0}")]
    Conflict(Unique),
    #[error("the store is not initialised; run `tracktwo init` first")]
    Uninitialised,
    #[error("storage error: {0}")]
    Backend(String),
    /// A row failed its MAC: it was written or changed by someone without the key.
    #[error("the row {0} failed authentication; the store may have been tampered with")]
    Tampered(UnauthenticRow),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A store: one SQLite file or one PostgreSQL database (or schema).
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// `"sqlite"` or `"postgres"`, for messages and metrics.
    fn backend(&self) -> &'static str;

    /// The store's metadata, or `None` when nothing has been initialised yet.
    async fn meta(&self) -> Result<Option<StoreMeta>>;

    /// Begins a write transaction. Writes are serialised through the audit chain's head, and a
    /// commit returns only once the transaction is durable. Every row written gets its MAC from
    /// `rows`, and every row read is checked against it.
    async fn begin(&self, rows: std::sync::Arc<dyn RowAuthenticator>) -> Result<Box<dyn WriteTx>>;

    /// A consistent copy of every table but the keyring, taken from one read snapshot while
    /// writers carry on. Each row is checked against `rows` (the copy carries no MACs: a
    /// restore computes them afresh from the authenticated backup).
    async fn snapshot(&self, rows: &dyn RowAuthenticator) -> Result<Snapshot>;

    /// Erases, as far as the backend can, what deleted rows leave in the store's own files.
    ///
    /// Called after a transaction that destroyed an initiative has committed, outside any
    /// transaction (neither SQLite's checkpoint and `VACUUM` nor PostgreSQL's `VACUUM` can run
    /// inside one). The destroy itself is already durable when this runs; this only removes the
    /// traces, so it may take as long as rewriting the store and holds the writer meanwhile.
    /// What each backend can promise is in `docs/security.md` ("Destroy means gone").
    async fn compact_after_destroy(&self) -> Result<()>;

    /// The changes other servers on this database commit, as they commit them; `None` for a
    /// store only one server may open (SQLite), which has no one to hear from.
    async fn change_feed(&self) -> Result<Option<Box<dyn ChangeFeed>>> {
        Ok(None)
    }

    /// Releases connections.
    async fn close(&self);
}

/// One write transaction. Dropping it without [`WriteTx::commit`] rolls it back.
#[async_trait]
pub trait WriteTx: Send {
    async fn commit(self: Box<Self>) -> Result<()>;

    async fn init_meta(&mut self, meta: &StoreMeta) -> Result<()>;

    // The keyring.
    async fn insert_key(&mut self, key: &KeyRow) -> Result<()>;
    async fn key(&mut self, id: KeyId) -> Result<Option<KeyRow>>;
    async fn system_key(&mut self) -> Result<Option<KeyRow>>;
    async fn keys(&mut self) -> Result<Vec<KeyRow>>;

    // Accounts.
    async fn insert_user(&mut self, user: &UserRow) -> Result<()>;
    async fn user(&mut self, id: UserId) -> Result<Option<UserRow>>;
    async fn user_by_username(&mut self, index: &BlindIndex) -> Result<Option<UserRow>>;
    async fn users(&mut self) -> Result<Vec<UserRow>>;
    /// Records the outcome of sign-in attempts: consecutive failures and any lockout.
    async fn set_login_state(
        &mut self,
        user: UserId,
        failed_logins: i64,
        locked_until: Option<Timestamp>,
    ) -> Result<()>;
    async fn set_password_hash(&mut self, user: UserId, password_hash: &str) -> Result<()>;
    async fn set_disabled(&mut self, user: UserId, disabled: bool) -> Result<()>;
    /// Sets the sealed TOTP secret (none to remove it) and whether it is required at sign-in.
    async fn set_totp(&mut self, user: UserId, secret: Option<&Sealed>, enabled: bool) -> Result<()>;
    async fn set_totp_last_step(&mut self, user: UserId, step: i64) -> Result<()>;
    /// Replaces an account's recovery codes.
    async fn replace_recovery_codes(&mut self, user: UserId, digests: &[[u8; 32]]) -> Result<()>;
    async fn recovery_codes(&mut self, user: UserId) -> Result<Vec<RecoveryCodeRow>>;
    async fn insert_recovery_code(&mut self, code: &RecoveryCodeRow) -> Result<()>;
    async fn mark_recovery_code_used(&mut self, user: UserId, digest: &[u8; 32]) -> Result<()>;
    /// Sets the language an account reads its pages in; none forgets the choice.
    async fn set_account_language(&mut self, user: UserId, language: Option<&str>) -> Result<()>;
    /// The language an account chose, if it chose one.
    async fn account_language(&mut self, user: UserId) -> Result<Option<String>>;
    async fn insert_session(&mut self, session: &SessionRow) -> Result<()>;
    async fn session(&mut self, digest: &[u8; 32]) -> Result<Option<SessionRow>>;
    async fn touch_session(&mut self, digest: &[u8; 32], at: Timestamp) -> Result<()>;
    async fn revoke_session(&mut self, digest: &[u8; 32]) -> Result<()>;
    /// Revokes every session of an account (password reset, disabling, sign-out everywhere).
    async fn revoke_sessions_of(&mut self, user: UserId) -> Result<()>;
    async fn insert_token(&mut self, token: &TokenRow) -> Result<()>;
    /// Ends every API token of an account (a password set anew: a stolen token must not outlive it).
    async fn revoke_tokens_of(&mut self, user: UserId) -> Result<()>;
    async fn token_by_digest(&mut self, digest: &[u8; 32]) -> Result<Option<TokenRow>>;
    async fn token(&mut self, id: TokenId) -> Result<Option<TokenRow>>;
    /// Every token of one account, oldest first.
    async fn tokens_of(&mut self, user: UserId) -> Result<Vec<TokenRow>>;
    /// Records that a token was honoured at `at`.
    async fn touch_token(&mut self, id: TokenId, at: Timestamp) -> Result<()>;
    /// Ends one token. The row goes, as every revoked token's does.
    async fn delete_token(&mut self, id: TokenId) -> Result<()>;

    // Initiatives and membership.
    async fn insert_initiative(&mut self, initiative: &InitiativeRow) -> Result<()>;
    async fn initiative(&mut self, id: InitiativeId) -> Result<Option<InitiativeRow>>;
    async fn initiatives(&mut self) -> Result<Vec<InitiativeRow>>;
    /// Deletes the initiative, everything recorded under it, and its data key.
    async fn destroy_initiative(&mut self, id: InitiativeId) -> Result<()>;
    async fn insert_member(&mut self, member: &MemberRow) -> Result<()>;
    async fn membership(&mut self, initiative: InitiativeId, user: UserId) -> Result<Option<MemberRow>>;
    async fn members(&mut self, initiative: InitiativeId) -> Result<Vec<MemberRow>>;
    async fn insert_side(&mut self, side: &SideRow) -> Result<()>;
    async fn side(&mut self, id: SideId) -> Result<Option<SideRow>>;
    async fn sides(&mut self, initiative: InitiativeId) -> Result<Vec<SideRow>>;

    // Records within an initiative.
    async fn insert_person(&mut self, person: &PersonRow) -> Result<()>;
    async fn person(&mut self, id: PersonId) -> Result<Option<PersonRow>>;
    async fn people(&mut self, initiative: InitiativeId) -> Result<Vec<PersonRow>>;
    async fn insert_note(&mut self, note: &NoteRow) -> Result<()>;
    async fn note(&mut self, id: NoteId) -> Result<Option<NoteRow>>;
    async fn notes(&mut self, initiative: InitiativeId) -> Result<Vec<NoteRow>>;
    async fn insert_document(&mut self, document: &DocumentRow) -> Result<()>;
    async fn document(&mut self, id: DocumentId) -> Result<Option<DocumentRow>>;
    async fn documents(&mut self, initiative: InitiativeId) -> Result<Vec<DocumentRow>>;

    // The system map and the participant registry.
    async fn insert_actor(&mut self, actor: &ActorRow) -> Result<()>;
    /// Replaces an actor's sealed body and its update time.
    async fn update_actor(&mut self, actor: &ActorRow) -> Result<()>;
    /// Deletes an actor and its registry entry (ties are the caller's to delete: their ends are
    /// sealed).
    async fn delete_actor(&mut self, id: ActorId) -> Result<()>;
    async fn actor(&mut self, id: ActorId) -> Result<Option<ActorRow>>;
    async fn actors(&mut self, initiative: InitiativeId) -> Result<Vec<ActorRow>>;
    async fn insert_tie(&mut self, tie: &TieRow) -> Result<()>;
    async fn update_tie(&mut self, tie: &TieRow) -> Result<()>;
    async fn delete_tie(&mut self, id: TieId) -> Result<()>;
    async fn tie(&mut self, id: TieId) -> Result<Option<TieRow>>;
    async fn ties(&mut self, initiative: InitiativeId) -> Result<Vec<TieRow>>;
    /// Inserts or replaces the registry entry of an actor.
    async fn put_registry_entry(&mut self, entry: &RegistryRow) -> Result<()>;
    async fn registry_entry(&mut self, actor: ActorId) -> Result<Option<RegistryRow>>;
    async fn registry_entries(&mut self, initiative: InitiativeId) -> Result<Vec<RegistryRow>>;
    async fn insert_map_snapshot(&mut self, snapshot: &MapSnapshotRow) -> Result<()>;
    async fn delete_map_snapshot(&mut self, id: SnapshotId) -> Result<()>;
    async fn map_snapshots(&mut self, initiative: InitiativeId) -> Result<Vec<MapSnapshotRow>>;

    // The sealed records of dialogue processes.
    async fn insert_sealed_record(&mut self, record: &SealedRecordRow) -> Result<()>;
    /// Inserts many records in this transaction (a batch of votes).
    async fn insert_sealed_records(&mut self, records: &[SealedRecordRow]) -> Result<()> {
        for record in records {
            self.insert_sealed_record(record).await?;
        }
        Ok(())
    }
    /// Replaces a record's body and update time.
    async fn update_sealed_record(&mut self, record: &SealedRecordRow) -> Result<()>;
    async fn delete_sealed_record(&mut self, id: uuid::Uuid) -> Result<()>;
    async fn sealed_record(&mut self, id: uuid::Uuid) -> Result<Option<SealedRecordRow>>;
    /// The records of one kind in an initiative, oldest first; with `parent`, only its children.
    async fn sealed_records(
        &mut self,
        initiative: InitiativeId,
        kind: RecordKind,
        parent: Option<uuid::Uuid>,
    ) -> Result<Vec<SealedRecordRow>>;

    // Several servers: conversations' change logs, announcements and shared sign-in failures.
    /// The position of the conversation's change log (0 before its first entry), locking the
    /// log until commit: every write to the conversation takes this lock first, so positions
    /// follow the order of commits.
    async fn lock_conversation_log(&mut self, initiative: InitiativeId, conversation: uuid::Uuid) -> Result<i64>;
    /// Lists `records` (added or replaced under the conversation) after position `after`, which
    /// this transaction locked; returns the new position. Other servers hear of it on commit.
    async fn append_conversation_log(
        &mut self,
        initiative: InitiativeId,
        conversation: uuid::Uuid,
        after: i64,
        records: &[uuid::Uuid],
    ) -> Result<i64>;
    /// The log's entries past `after`, oldest first, each with its record as it stands now (an
    /// entry whose record is gone is left out).
    async fn conversation_changes(&mut self, conversation: uuid::Uuid, after: i64) -> Result<Vec<ConversationChange>>;
    /// Tells the other servers of a change when this transaction commits (nothing without them).
    async fn announce(&mut self, change: &StoreChange) -> Result<()>;
    /// The sign-in failures under these keys, locked until commit, so that attempts at the same
    /// keys on any server wait for one another; a key with none is absent.
    async fn lock_sign_in_failures(&mut self, keys: &[[u8; 32]]) -> Result<Vec<SignInFailuresRow>>;
    /// Sets the failures under a key.
    async fn put_sign_in_failures(&mut self, row: &SignInFailuresRow) -> Result<()>;
    /// Forgets the failures under a key.
    async fn forget_sign_in_failures(&mut self, key: &[u8; 32]) -> Result<()>;
    /// Forgets every failure whose last was before `before`.
    async fn forget_sign_in_failures_before(&mut self, before: Timestamp) -> Result<()>;

    // The audit chain.
    /// The last event's sequence number and MAC; locks the head until commit so appends are
    /// strictly ordered.
    async fn audit_head(&mut self) -> Result<AuditHead>;
    /// Appends an event and moves the head to it.
    async fn append_audit(&mut self, event: &AuditRow) -> Result<()>;
    async fn audit_events(&mut self) -> Result<Vec<AuditRow>>;

    // Row authentication.
    /// Brings a store of format 1 to [`FORMAT_WITH_ROW_MACS`]: computes the MAC of every row of
    /// every authenticated table as it stands, ends every session, and records the format. Only
    /// the key holder's first opening of an older store calls this; the rows are trusted as they
    /// are at that moment. Its tokens, which had no expiry, expire at `tokens_expire_at`; the
    /// store is then of [`FORMAT_VERSION`].
    async fn seal_access_state(&mut self, tokens_expire_at: Timestamp) -> Result<()>;
    /// Brings a store of format 2 to [`FORMAT_WITH_TOKEN_EXPIRY`]: every token whose MAC of
    /// format 2 holds gets `expires_at` and a MAC of format 3; a token whose MAC fails is left as
    /// it is, so it stays refused rather than vouched for. Returns the tokens left.
    async fn give_tokens_an_expiry(&mut self, expires_at: Timestamp) -> Result<Vec<UnauthenticRow>>;
    /// Every row of the authenticated tables whose MAC is missing or wrong, for `audit verify`.
    async fn unauthentic_rows(&mut self) -> Result<Vec<UnauthenticRow>>;

    /// Empties every table but the keyring and resets the audit head.
    async fn clear_all_but_keys(&mut self) -> Result<()>;

    /// Replaces every table but the keyring with the snapshot's contents, parents first.
    async fn replace_all(&mut self, snapshot: &Snapshot) -> Result<()> {
        self.clear_all_but_keys().await?;
        self.init_meta(&snapshot.meta).await?;
        for user in &snapshot.users {
            self.insert_user(user).await?;
        }
        for code in &snapshot.recovery_codes {
            self.insert_recovery_code(code).await?;
        }
        for chosen in &snapshot.account_languages {
            self.set_account_language(chosen.user, Some(&chosen.language)).await?;
        }
        for token in &snapshot.tokens {
            self.insert_token(token).await?;
        }
        for initiative in &snapshot.initiatives {
            self.insert_initiative(initiative).await?;
        }
        for side in &snapshot.sides {
            self.insert_side(side).await?;
        }
        for member in &snapshot.members {
            self.insert_member(member).await?;
        }
        for person in &snapshot.people {
            self.insert_person(person).await?;
        }
        for note in &snapshot.notes {
            self.insert_note(note).await?;
        }
        for document in &snapshot.documents {
            self.insert_document(document).await?;
        }
        for actor in &snapshot.actors {
            self.insert_actor(actor).await?;
        }
        for tie in &snapshot.ties {
            self.insert_tie(tie).await?;
        }
        for entry in &snapshot.registry {
            self.put_registry_entry(entry).await?;
        }
        for row in &snapshot.map_snapshots {
            self.insert_map_snapshot(row).await?;
        }
        for row in &snapshot.sealed_records {
            self.insert_sealed_record(row).await?;
        }
        for event in &snapshot.audit {
            self.append_audit(event).await?;
        }
        Ok(())
    }
}
