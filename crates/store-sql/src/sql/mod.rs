//! The SQL of each area of the store. [`WriteTx`] is one trait, so its impl is here, as a table
//! of which area answers each method; the statements are in the area's module, in a function of
//! the method's name.

mod accounts;
mod audit;
mod dialogue;
mod initiatives;
mod keyring;
mod map;
mod records;
mod several_servers;
mod whole_store;

use async_trait::async_trait;
use tracktwo_domain::{
    ActorId, DocumentId, InitiativeId, KeyId, NoteId, PersonId, SideId, SnapshotId, TieId, Timestamp, TokenId, UserId,
};
use tracktwo_store::{
    ActorRow, AuditHead, AuditRow, BlindIndex, ConversationChange, DocumentRow, InitiativeRow, KeyRow, MapSnapshotRow,
    MemberRow, NoteRow, PersonRow, RecordKind, RecoveryCodeRow, RegistryRow, Result, Sealed, SealedRecordRow,
    SessionRow, SideRow, SignInFailuresRow, StoreChange, StoreMeta, TieRow, TokenRow, UnauthenticRow, UserRow, WriteTx,
};

use crate::tx::SqlTx;

/// Implements [`WriteTx`] for [`SqlTx`] from a table of areas, each listing the trait's methods
/// it answers with their signatures (without `&mut self`); each body is `area::method(self, …)`.
macro_rules! write_tx_by_area {
    ($($area:ident { $(fn $method:ident($($arg:ident: $ty:ty),*) -> $ret:ty;)+ })+) => {
        #[async_trait]
        impl WriteTx for SqlTx {
            async fn commit(self: Box<Self>) -> Result<()> {
                self.conn.commit().await
            }

            $($(
                async fn $method(&mut self $(, $arg: $ty)*) -> $ret {
                    $area::$method(self $(, $arg)*).await
                }
            )+)+
        }
    };
}

write_tx_by_area! {
    keyring {
        fn init_meta(meta: &StoreMeta) -> Result<()>;
        fn insert_key(key: &KeyRow) -> Result<()>;
        fn key(id: KeyId) -> Result<Option<KeyRow>>;
        fn system_key() -> Result<Option<KeyRow>>;
        fn keys() -> Result<Vec<KeyRow>>;
    }
    accounts {
        fn insert_user(user: &UserRow) -> Result<()>;
        fn user(id: UserId) -> Result<Option<UserRow>>;
        fn user_by_username(index: &BlindIndex) -> Result<Option<UserRow>>;
        fn users() -> Result<Vec<UserRow>>;
        fn set_login_state(user: UserId, failed_logins: i64, locked_until: Option<Timestamp>) -> Result<()>;
        fn set_password_hash(user: UserId, password_hash: &str) -> Result<()>;
        fn set_disabled(user: UserId, disabled: bool) -> Result<()>;
        fn set_totp(user: UserId, secret: Option<&Sealed>, enabled: bool) -> Result<()>;
        fn set_totp_last_step(user: UserId, step: i64) -> Result<()>;
        fn replace_recovery_codes(user: UserId, digests: &[[u8; 32]]) -> Result<()>;
        fn insert_recovery_code(code: &RecoveryCodeRow) -> Result<()>;
        fn recovery_codes(user: UserId) -> Result<Vec<RecoveryCodeRow>>;
        fn mark_recovery_code_used(user: UserId, digest: &[u8; 32]) -> Result<()>;
        fn set_account_language(user: UserId, language: Option<&str>) -> Result<()>;
        fn account_language(user: UserId) -> Result<Option<String>>;
        fn insert_session(session: &SessionRow) -> Result<()>;
        fn session(digest: &[u8; 32]) -> Result<Option<SessionRow>>;
        fn touch_session(digest: &[u8; 32], at: Timestamp) -> Result<()>;
        fn revoke_session(digest: &[u8; 32]) -> Result<()>;
        fn revoke_sessions_of(user: UserId) -> Result<()>;
        fn insert_token(token: &TokenRow) -> Result<()>;
        fn revoke_tokens_of(user: UserId) -> Result<()>;
        fn token_by_digest(digest: &[u8; 32]) -> Result<Option<TokenRow>>;
        fn token(id: TokenId) -> Result<Option<TokenRow>>;
        fn tokens_of(user: UserId) -> Result<Vec<TokenRow>>;
        fn touch_token(id: TokenId, at: Timestamp) -> Result<()>;
        fn delete_token(id: TokenId) -> Result<()>;
    }
    initiatives {
        fn insert_initiative(initiative: &InitiativeRow) -> Result<()>;
        fn initiative(id: InitiativeId) -> Result<Option<InitiativeRow>>;
        fn initiatives() -> Result<Vec<InitiativeRow>>;
        fn destroy_initiative(id: InitiativeId) -> Result<()>;
        fn insert_member(member: &MemberRow) -> Result<()>;
        fn membership(initiative: InitiativeId, user: UserId) -> Result<Option<MemberRow>>;
        fn members(initiative: InitiativeId) -> Result<Vec<MemberRow>>;
        fn insert_side(side: &SideRow) -> Result<()>;
        fn side(id: SideId) -> Result<Option<SideRow>>;
        fn sides(initiative: InitiativeId) -> Result<Vec<SideRow>>;
    }
    records {
        fn insert_person(person: &PersonRow) -> Result<()>;
        fn person(id: PersonId) -> Result<Option<PersonRow>>;
        fn people(initiative: InitiativeId) -> Result<Vec<PersonRow>>;
        fn insert_note(note: &NoteRow) -> Result<()>;
        fn note(id: NoteId) -> Result<Option<NoteRow>>;
        fn notes(initiative: InitiativeId) -> Result<Vec<NoteRow>>;
        fn insert_document(document: &DocumentRow) -> Result<()>;
        fn document(id: DocumentId) -> Result<Option<DocumentRow>>;
        fn documents(initiative: InitiativeId) -> Result<Vec<DocumentRow>>;
    }
    map {
        fn insert_actor(actor: &ActorRow) -> Result<()>;
        fn update_actor(actor: &ActorRow) -> Result<()>;
        fn delete_actor(id: ActorId) -> Result<()>;
        fn actor(id: ActorId) -> Result<Option<ActorRow>>;
        fn actors(initiative: InitiativeId) -> Result<Vec<ActorRow>>;
        fn insert_tie(tie: &TieRow) -> Result<()>;
        fn update_tie(tie: &TieRow) -> Result<()>;
        fn delete_tie(id: TieId) -> Result<()>;
        fn tie(id: TieId) -> Result<Option<TieRow>>;
        fn ties(initiative: InitiativeId) -> Result<Vec<TieRow>>;
        fn put_registry_entry(entry: &RegistryRow) -> Result<()>;
        fn registry_entry(actor: ActorId) -> Result<Option<RegistryRow>>;
        fn registry_entries(initiative: InitiativeId) -> Result<Vec<RegistryRow>>;
        fn insert_map_snapshot(snapshot: &MapSnapshotRow) -> Result<()>;
        fn delete_map_snapshot(id: SnapshotId) -> Result<()>;
        fn map_snapshots(initiative: InitiativeId) -> Result<Vec<MapSnapshotRow>>;
    }
    dialogue {
        fn insert_sealed_record(record: &SealedRecordRow) -> Result<()>;
        fn insert_sealed_records(records: &[SealedRecordRow]) -> Result<()>;
        fn update_sealed_record(record: &SealedRecordRow) -> Result<()>;
        fn delete_sealed_record(id: uuid::Uuid) -> Result<()>;
        fn sealed_record(id: uuid::Uuid) -> Result<Option<SealedRecordRow>>;
        fn sealed_records(
            initiative: InitiativeId,
            kind: RecordKind,
            parent: Option<uuid::Uuid>
        ) -> Result<Vec<SealedRecordRow>>;
    }
    several_servers {
        fn lock_conversation_log(initiative: InitiativeId, conversation: uuid::Uuid) -> Result<i64>;
        fn append_conversation_log(
            initiative: InitiativeId,
            conversation: uuid::Uuid,
            after: i64,
            records: &[uuid::Uuid]
        ) -> Result<i64>;
        fn conversation_changes(conversation: uuid::Uuid, after: i64) -> Result<Vec<ConversationChange>>;
        fn announce(change: &StoreChange) -> Result<()>;
        fn lock_sign_in_failures(keys: &[[u8; 32]]) -> Result<Vec<SignInFailuresRow>>;
        fn put_sign_in_failures(row: &SignInFailuresRow) -> Result<()>;
        fn forget_sign_in_failures(key: &[u8; 32]) -> Result<()>;
        fn forget_sign_in_failures_before(before: Timestamp) -> Result<()>;
    }
    audit {
        fn audit_head() -> Result<AuditHead>;
        fn append_audit(event: &AuditRow) -> Result<()>;
        fn audit_events() -> Result<Vec<AuditRow>>;
    }
    whole_store {
        fn seal_access_state(tokens_expire_at: Timestamp) -> Result<()>;
        fn give_tokens_an_expiry(expires_at: Timestamp) -> Result<Vec<UnauthenticRow>>;
        fn unauthentic_rows() -> Result<Vec<UnauthenticRow>>;
        fn clear_all_but_keys() -> Result<()>;
    }
}
