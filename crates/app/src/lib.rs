//! The use cases: the one gate through which the web workspace, the API and the command line
//! reach the data.
//!
//! Every operation takes an explicit [`Identity`], asks the policy in `tracktwo_domain::access`,
//! opens one store transaction, seals or opens sensitive fields with the initiative's data key,
//! appends its audit event in that same transaction, and commits. Nothing reaches the store in
//! plaintext, and nothing is read without an audit event.

mod accounts;
mod archive;
pub mod audit;
pub mod conversations;
pub mod dialogue;
mod failed_tokens;
mod fingerprint;
mod gate;
mod genesis;
mod initiatives;
mod keyring;
pub mod map;
pub mod measures;
pub mod negotiating_text;
pub mod outcomes;
mod permissions;
pub mod polis_format;
mod records;
pub mod reports;
mod row_guard;
mod sealed_records;
mod sealing;
mod second_factor;
mod sign_in;
mod sign_in_throttle;
#[cfg(test)]
mod stored_format;
pub mod system;
mod tokens;
pub mod transfer;

use std::sync::{Arc, Mutex};

use row_guard::RowGuard;
use tracktwo_crypto::{AuditKey, KdfParams, MasterKey};
use tracktwo_domain::{AuditAction, AuditEvent, AuditTarget, Denied, Identity, Timestamp, ValidationError};
use tracktwo_store::{
    FORMAT_VERSION, FORMAT_WITH_ROW_MACS, FORMAT_WITH_TOKEN_EXPIRY, KeySource, Store, StoreMeta, WriteTx,
};
use zeroize::Zeroizing;

pub use accounts::SessionHolder;
pub use archive::{ArchiveError, ExportSummary, RestoreReport, check_backup_file, check_keyring_file};
pub use audit::{AuditAnchor, AuditFinding, AuditReport};
pub use initiatives::{AuditEntry, DirectoryEntry};
pub use keyring::Keyring;
pub use permissions::Permissions;
pub use second_factor::Enrolment;
pub use sign_in::{SESSION_IDLE, SESSION_LIFETIME, SessionLimits, SignedIn};
pub use sign_in_throttle::{Backoff, Origin, PER_ACCOUNT_AND_ORIGIN, PER_ORIGIN};
pub use tokens::{DEFAULT_TOKEN_LIFETIME_DAYS, IssuedToken, MAX_TOKEN_LIFETIME_DAYS, TokenSummary};
/// The errors of key material and of the store that an [`AppError`] carries, for the edges that
/// say them to people.
pub use tracktwo_crypto::CryptoError;
/// Anti-CSRF tokens derived from a session (or pre-session) secret, for the web edge.
pub use tracktwo_crypto::{csrf_token, csrf_token_matches, new_session_secret};
pub use tracktwo_store::{StoreError, UnauthenticRow, Unique};

/// Where the time comes from. The core never reads the wall clock itself.
pub trait Clock: Send + Sync {
    fn now(&self) -> Timestamp;
}

/// Where randomness comes from: keys, nonces, identifiers, tokens.
pub trait Entropy: Send {
    fn fill(&mut self, buf: &mut [u8]);
}

/// How the operator unlocks the store.
pub enum Unlock {
    /// The bytes of a key file (at least 32 random bytes).
    KeyFile(Zeroizing<Vec<u8>>),
    Passphrase(Zeroizing<String>),
}

impl std::fmt::Debug for Unlock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unlock::KeyFile(_) => f.write_str("Unlock::KeyFile(<redacted>)"),
            Unlock::Passphrase(_) => f.write_str("Unlock::Passphrase(<redacted>)"),
        }
    }
}

/// What went wrong, in terms a user can act on. No variant carries sensitive plaintext.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Also what a non-member is told about an initiative: its existence is not confirmed.
    #[error("not found")]
    NotFound,
    /// A note that names someone where its session forbids attribution, held before it was
    /// saved: the places (bytes of the note's text) its author must change to a speaker code.
    /// It holds no word of the note, so it may be logged; the edge that holds the text marks
    /// the words.
    #[error(
        "the note names someone attending in {} place(s), where the meeting's rule forbids attribution; \
         replace each with the speaker's code",
        .0.len()
    )]
    NamesInNote(Vec<tracktwo_domain::scrub::Found>),
    /// A person added to a meeting without a registry entry: their consent answers come first
    /// (recorded by whoever keeps the registry, in the same step or before).
    #[error(
        "this person's consent is not recorded: record whether they agree to be contacted, listed, \
         recorded under a code and photographed before they attend"
    )]
    ConsentNotRecorded,
    /// A speaker key that puts someone behind a code who refused to be recorded under one, or
    /// withdrew their consent: the positions of those entries in the key.
    #[error("the speaker key puts under a code {} person(s) who refused it or withdrew consent", .0.len())]
    RefusedCode(Vec<usize>),
    #[error("not allowed: {0}")]
    Forbidden(Denied),
    #[error("not signed in, or the token is unknown or revoked")]
    Unauthenticated,
    /// Too many requests from one voter or through one link; try again after `seconds`.
    #[error("too many requests; try again in {seconds} s")]
    RateLimited { seconds: u64 },
    /// A join beyond a campaign link's voter cap or its per-address limit.
    #[error("{0}")]
    JoinRefused(tracktwo_domain::campaign::JoinRefusal),
    /// One answer for every failed sign-in, so it reveals neither accounts nor their state.
    #[error("sign-in failed: wrong username, password or code")]
    SignInRefused,
    #[error("that code is not right; check the time on your device and try the current code")]
    WrongCode,
    #[error("invalid input: {0}")]
    Invalid(#[from] ValidationError),
    #[error("{0}")]
    Conflict(Conflict),
    #[error("the key does not open this store (wrong passphrase or key file)")]
    WrongKey,
    #[error("the store is already initialised")]
    AlreadyInitialised,
    #[error("the store is not initialised; run `tracktwo init` first")]
    Uninitialised,
    #[error("this store is unlocked with a {expected}; give that instead")]
    WrongKeyKind { expected: &'static str },
    #[error("key material: {0}")]
    Key(CryptoError),
    #[error("stored data failed authentication; the store may have been tampered with")]
    Tampered,
    #[error("{0}")]
    Archive(ArchiveError),
    /// A file that cannot be imported; nothing of it was.
    #[error("{record}: {problem}")]
    Import { record: ImportRecord, problem: Box<tracktwo_interchange::ImportProblem> },
    /// A Pol.is export that cannot be imported; nothing of it was.
    #[error("Pol.is export: {0}")]
    PolisImport(Box<polis_format::PolisImportError>),
    /// A secret channel does not exist for anyone outside it, so nothing in it may face them.
    #[error("not in a secret channel: {0}")]
    SecretChannel(Outward),
    #[error(transparent)]
    Store(StoreError),
    /// The initiative and its key are destroyed (committed), but the store could not erase what
    /// the deleted rows left in its files. The next destroy compacts the whole store again.
    #[error(
        "the initiative and its key are destroyed, but the store could not erase their traces from its files \
         ({0}); its records cannot be opened, yet their bytes may remain until the store is compacted again \
         (each destroy compacts it)"
    )]
    NotErased(StoreError),
    /// A drafting step, comment or sign-off of a negotiating text that its rules refuse.
    #[error("{0}")]
    TextRefused(negotiating_text::TextRefusal),
    /// A step of an outcome's harvest that its workflow refuses.
    #[error("{0}")]
    OutcomeRefused(tracktwo_domain::outcomes::WorkflowError),
    /// An answer card's answer the questionnaire does not take now.
    #[error("{0}")]
    AnswerRefused(measures::AnswerRefusal),
}

/// What a step conflicts with: something that already exists, or the state an account is in.
/// Each is its own variant, so an edge says it in the reader's language; `Display` is the
/// English for programs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Conflict {
    /// An account with the same username.
    #[error("an account with this username already exists")]
    Username,
    /// An actor of the same map with the same code name.
    #[error("an actor with the code name {code_name} already exists")]
    ActorCodeName { code_name: String },
    #[error("administrators cannot disable their own account")]
    DisableOwnAccount,
    #[error("two-step sign-in is already on")]
    SecondFactorAlreadyOn,
    #[error("start enrolment first")]
    EnrolmentNotStarted,
    #[error("the account is disabled")]
    AccountDisabled,
    /// The authenticator's key does not fit in a QR code.
    #[error("cannot draw the QR code")]
    QrCode,
    /// Another uniqueness the store keeps.
    #[error("{0}")]
    Stored(Unique),
}

/// Where in an imported file a problem is: kept as its parts (a file's name, a line's number, a
/// code name), so an edge says it in the reader's language and digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportRecord {
    /// A line of a file: its name as given (or the format's usual one), and its number from 1.
    Line { file: String, line: usize },
    /// An actor of a map being imported: its place among the file's actors (from 1) and its code name.
    Actor { number: usize, code_name: String },
    /// A tie of a map being imported: its place among the file's ties (from 1) and its ends' code names.
    Tie { number: usize, from: String, to: String },
}

impl std::fmt::Display for ImportRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportRecord::Line { file, line } => write!(f, "{file}, line {line}"),
            ImportRecord::Actor { number, code_name } => write!(f, "actor {number} ({code_name})"),
            ImportRecord::Tie { number, from, to } => write!(f, "tie {number} ({from} → {to})"),
        }
    }
}

/// A way a conversation, readout or export of an initiative would face people outside it:
/// each is refused in a secret channel, whoever asks (the key holder too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Outward {
    #[error("a consultation's invitation links would reveal it to whoever holds one")]
    Consultation,
    #[error("an imported Pol.is export arrives as a consultation, whose links would reveal it")]
    PolisImport,
    #[error("invitation links would reveal it to whoever holds one")]
    InvitationLinks,
    #[error("a readout for the public would reveal it")]
    PublicReadout,
    #[error("answer cards would reveal it to whoever holds one")]
    AnswerCards,
}

impl From<polis_format::PolisImportError> for AppError {
    fn from(e: polis_format::PolisImportError) -> Self {
        AppError::PolisImport(Box::new(e))
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict(Unique::Username) => AppError::Conflict(Conflict::Username),
            StoreError::Conflict(unique) => AppError::Conflict(Conflict::Stored(unique)),
            StoreError::Uninitialised => AppError::Uninitialised,
            // The row is named in the audit trail (see `row_guard`), not to the caller.
            StoreError::Tampered(_) => AppError::Tampered,
            other => AppError::Store(other),
        }
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// An unlocked store.
pub struct App {
    store: Arc<dyn Store>,
    keyring: Keyring,
    audit_key: AuditKey,
    /// MACs every row written and checks every row read; notes the rows it refuses.
    rows: Arc<RowGuard>,
    /// Bad bearer tokens, counted between the audit events that record them.
    failed_tokens: Mutex<failed_tokens::FailedTokens>,
    /// Sign-in attempts turned away for a while, counted the same way.
    throttled_sign_ins: Mutex<failed_tokens::FailedTokens>,
    /// When this server last forgot sign-in failures untouched for a day.
    sign_in_failures_pruned_at: Mutex<Option<Timestamp>>,
    /// The sign-in failures this server saw itself: a floor under the store's shared records.
    remembered_sign_in_failures: Mutex<sign_in_throttle::RememberedFailures>,
    clock: Arc<dyn Clock>,
    entropy: Mutex<Box<dyn Entropy>>,
    /// Conversations in memory, with the common-ground engine's live state.
    conversations: conversations::ConversationCache,
    /// How long a browser session may sit unused, and how long it may last at all.
    session_limits: SessionLimits,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App").field("backend", &self.store.backend()).finish_non_exhaustive()
    }
}

fn derive_master(unlock: &Unlock, source: &KeySource) -> Result<MasterKey> {
    match (unlock, source) {
        (Unlock::KeyFile(bytes), KeySource::KeyFile) => MasterKey::from_key_file_bytes(bytes).map_err(AppError::Key),
        (Unlock::Passphrase(pass), KeySource::Passphrase { salt, memory_kib, iterations, parallelism }) => {
            let params = KdfParams { memory_kib: *memory_kib, iterations: *iterations, parallelism: *parallelism };
            MasterKey::from_passphrase(pass, salt, params).map_err(AppError::Key)
        }
        (Unlock::KeyFile(_), KeySource::Passphrase { .. }) => Err(AppError::WrongKeyKind { expected: "passphrase" }),
        (Unlock::Passphrase(_), KeySource::KeyFile) => Err(AppError::WrongKeyKind { expected: "key file" }),
    }
}

fn unlock_meta(unlock: &Unlock, meta: &StoreMeta) -> Result<MasterKey> {
    let master = derive_master(unlock, &meta.key_source)?;
    if !master.matches_check_value(&meta.key_check) {
        return Err(AppError::WrongKey);
    }
    Ok(master)
}

impl App {
    /// Creates a new store: key check, system key, first audit event (which records the format
    /// the store is born at, see `genesis`). Refuses an initialised one.
    pub async fn init(
        store: Arc<dyn Store>,
        unlock: &Unlock,
        kdf: KdfParams,
        clock: Arc<dyn Clock>,
        entropy: Box<dyn Entropy>,
    ) -> Result<Self> {
        Self::init_born_at(store, unlock, kdf, clock, entropy, FORMAT_VERSION).await
    }

    /// [`App::init`], with a first audit event that records the store as born at the older
    /// format `born_at` (1 to [`FORMAT_VERSION`]). It exists only for tests that simulate a
    /// store written by an earlier version of tracktwo: they create the store here, then rewrite
    /// its rows beneath the port as that version left them, so that the store's genesis agrees
    /// with the format it is set back to. Nothing else may call it: a store born at an older
    /// format may be set back to it by whoever can write to the database.
    #[doc(hidden)]
    pub async fn init_born_at(
        store: Arc<dyn Store>,
        unlock: &Unlock,
        kdf: KdfParams,
        clock: Arc<dyn Clock>,
        mut entropy: Box<dyn Entropy>,
        born_at: i64,
    ) -> Result<Self> {
        if !(1..=FORMAT_VERSION).contains(&born_at) {
            return Err(AppError::Invalid(ValidationError::Invalid {
                field: "format version",
                reason: "must be a format this version of tracktwo knows",
            }));
        }
        if store.meta().await?.is_some() {
            return Err(AppError::AlreadyInitialised);
        }
        let key_source = match unlock {
            Unlock::KeyFile(_) => KeySource::KeyFile,
            Unlock::Passphrase(_) => {
                let mut salt = vec![0u8; 16];
                entropy.fill(&mut salt);
                KeySource::Passphrase {
                    salt,
                    memory_kib: kdf.memory_kib,
                    iterations: kdf.iterations,
                    parallelism: kdf.parallelism,
                }
            }
        };
        let master = derive_master(unlock, &key_source)?;
        let meta = StoreMeta {
            format_version: FORMAT_VERSION,
            created_at: clock.now(),
            key_source,
            key_check: master.check_value().to_vec(),
        };
        let app = Self::assemble(store, master, clock, entropy);
        let mut tx = app.begin().await?;
        tx.init_meta(&meta).await?;
        app.keyring.create_system_key(tx.as_mut(), &app.entropy, meta.created_at).await?;
        let genesis = genesis::genesis_target(born_at);
        app.record(tx.as_mut(), &Identity::key_holder(), AuditAction::StoreInitialised, genesis).await?;
        tx.commit().await?;
        Ok(app)
    }

    /// Opens an initialised store, refusing the wrong key before anything is decrypted.
    pub async fn open(
        store: Arc<dyn Store>,
        unlock: &Unlock,
        clock: Arc<dyn Clock>,
        entropy: Box<dyn Entropy>,
    ) -> Result<Self> {
        let meta = store.meta().await?.ok_or(AppError::Uninitialised)?;
        let master = unlock_meta(unlock, &meta)?;
        let app = Self::assemble(store, master, clock, entropy);
        if meta.format_version < FORMAT_WITH_ROW_MACS {
            app.seal_access_state().await?;
        } else if meta.format_version < FORMAT_WITH_TOKEN_EXPIRY {
            app.give_tokens_an_expiry().await?;
        }
        Ok(app)
    }

    fn assemble(store: Arc<dyn Store>, master: MasterKey, clock: Arc<dyn Clock>, entropy: Box<dyn Entropy>) -> Self {
        let audit_key = master.audit_key();
        let rows = Arc::new(RowGuard::new(master.row_key()));
        Self {
            store,
            keyring: Keyring::new(master),
            audit_key,
            rows,
            failed_tokens: Mutex::default(),
            throttled_sign_ins: Mutex::default(),
            sign_in_failures_pruned_at: Mutex::default(),
            remembered_sign_in_failures: Mutex::default(),
            clock,
            entropy: Mutex::new(entropy),
            conversations: conversations::ConversationCache::default(),
            session_limits: SessionLimits::default(),
        }
    }

    /// Sets how long browser sessions may sit unused and last at all, for sessions checked from
    /// now on (the settings `session_idle_minutes` and `session_lifetime_hours`).
    #[must_use]
    pub fn with_session_limits(mut self, limits: SessionLimits) -> Self {
        self.session_limits = limits;
        self
    }

    #[must_use]
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// The current time at the resolution both stores keep (microseconds), so a record reads back
    /// exactly as it was written.
    fn now(&self) -> Timestamp {
        let now = self.clock.now();
        now.replace_nanosecond(now.nanosecond() / 1_000 * 1_000).unwrap_or(now)
    }

    fn random<const N: usize>(&self) -> [u8; N] {
        let mut out = [0u8; N];
        lock_entropy(&self.entropy).fill(&mut out);
        out
    }

    /// Appends one audit event inside `tx`.
    async fn record(
        &self,
        tx: &mut dyn WriteTx,
        identity: &Identity,
        action: AuditAction,
        target: AuditTarget,
    ) -> Result<()> {
        let event = AuditEvent { at: self.now(), actor: identity.audit_label(), action, target };
        audit::append(tx, &self.audit_key, &event).await
    }
}

fn lock_entropy(entropy: &Mutex<Box<dyn Entropy>>) -> std::sync::MutexGuard<'_, Box<dyn Entropy>> {
    // A panic while filling a buffer cannot leave the generator half-updated in a way that
    // matters; keep serving rather than poisoning every later request.
    entropy.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Lets the crypto crate draw from an [`Entropy`].
struct EntropyRng<'a>(&'a mut dyn Entropy);

impl rand_core::TryRng for EntropyRng<'_> {
    type Error = std::convert::Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        let mut b = [0u8; 4];
        self.0.fill(&mut b);
        Ok(u32::from_le_bytes(b))
    }
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        let mut b = [0u8; 8];
        self.0.fill(&mut b);
        Ok(u64::from_le_bytes(b))
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        self.0.fill(dst);
        Ok(())
    }
}

impl rand_core::TryCryptoRng for EntropyRng<'_> {}
