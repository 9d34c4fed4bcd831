use serde::{Deserialize, Serialize};
use tracktwo_domain::{
    ActorId, DocumentId, InitiativeId, KeyId, MemberRole, NoteId, PersonId, SideId, SnapshotId, TieId, Timestamp,
    TokenId, UserId,
};

/// Authenticated ciphertext of one field, as produced by the sealing layer.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed(#[serde(with = "crate::serde_formats::hex_bytes")] pub Vec<u8>);

impl std::fmt::Debug for Sealed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Sealed({} bytes)", self.0.len())
    }
}

/// A keyed hash of a sealed field's normalised value, for equality lookups.
#[derive(Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlindIndex(#[serde(with = "crate::serde_formats::hex_array")] pub [u8; 32]);

impl std::fmt::Debug for BlindIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BlindIndex(..)")
    }
}

/// How the master key is obtained, so `open` can say what is needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeySource {
    KeyFile,
    /// Argon2id over a passphrase with this salt and these costs.
    Passphrase {
        #[serde(with = "crate::serde_formats::hex_bytes")]
        salt: Vec<u8>,
        memory_kib: u32,
        iterations: u32,
        parallelism: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreMeta {
    pub format_version: i64,
    #[serde(with = "crate::serde_formats::micros")]
    pub created_at: Timestamp,
    pub key_source: KeySource,
    /// The master key's check value; tells a wrong key at once.
    #[serde(with = "crate::serde_formats::hex_bytes")]
    pub key_check: Vec<u8>,
}

impl StoreMeta {
    /// Refuses a store written by a newer tracktwo rather than misreading it.
    pub fn check_format(&self) -> crate::Result<()> {
        if self.format_version > crate::FORMAT_VERSION {
            return Err(crate::StoreError::NewerVersion {
                found: self.format_version,
                supported: crate::FORMAT_VERSION,
            });
        }
        Ok(())
    }
}

/// Whose records a data key seals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyScope {
    /// Account data (usernames, display names).
    System,
    Initiative(InitiativeId),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRow {
    pub id: KeyId,
    pub scope: KeyScope,
    /// The data key wrapped by the master key.
    #[serde(with = "crate::serde_formats::hex_bytes")]
    pub wrapped: Vec<u8>,
    #[serde(with = "crate::serde_formats::micros")]
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: UserId,
    pub username: Sealed,
    pub username_index: BlindIndex,
    pub display_name: Sealed,
    pub is_admin: bool,
    pub disabled: bool,
    #[serde(with = "crate::serde_formats::micros")]
    pub created_at: Timestamp,
    /// Argon2id PHC string; none until a password is set.
    #[serde(default)]
    pub password_hash: Option<String>,
    #[serde(default)]
    pub failed_logins: i64,
    #[serde(default, with = "crate::serde_formats::optional_micros")]
    pub locked_until: Option<Timestamp>,
    /// The TOTP shared secret, sealed with the system key; set from enrolment on.
    #[serde(default)]
    pub totp_secret: Option<Sealed>,
    /// Whether enrolment was confirmed and sign-in now needs a code.
    #[serde(default)]
    pub totp_enabled: bool,
    /// The last time step whose code was accepted; a code is never accepted twice.
    #[serde(default)]
    pub totp_last_step: Option<i64>,
}

/// The language an account chose for its pages: a BCP 47 tag (`ar`, `fr`). The edge decides
/// which tags it speaks; an account without one reads the language its browser asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountLanguageRow {
    pub user: UserId,
    pub language: String,
}

/// A recovery code, as the SHA-256 of the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryCodeRow {
    pub user: UserId,
    #[serde(with = "crate::serde_formats::hex_array")]
    pub digest: [u8; 32],
    pub used: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRow {
    pub id: TokenId,
    pub user: UserId,
    /// SHA-256 of the token; the token itself is shown once and never stored.
    #[serde(with = "crate::serde_formats::hex_array")]
    pub digest: [u8; 32],
    pub label: Sealed,
    #[serde(with = "crate::serde_formats::micros")]
    pub created_at: Timestamp,
    pub revoked: bool,
    /// When the token stops working. A backup of format 2 or older carries none: it reads as the
    /// epoch (already expired) and a restore gives it its expiry (see `docs/security.md`).
    #[serde(default = "crate::serde_formats::epoch", with = "crate::serde_formats::micros")]
    pub expires_at: Timestamp,
    /// The last time the token was honoured, to the hour (`None`: never used).
    #[serde(default, with = "crate::serde_formats::optional_micros")]
    pub last_used_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeRow {
    pub id: InitiativeId,
    pub key: KeyId,
    pub title: Sealed,
    pub description: Sealed,
    #[serde(default)]
    pub secret_channel: bool,
    #[serde(with = "crate::serde_formats::micros")]
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRow {
    pub initiative: InitiativeId,
    pub user: UserId,
    pub role: MemberRole,
    #[serde(default)]
    pub side: Option<SideId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SideRow {
    pub id: SideId,
    pub initiative: InitiativeId,
    pub name: Sealed,
    #[serde(with = "crate::serde_formats::micros")]
    pub created_at: Timestamp,
}

/// A browser session, found by the SHA-256 of its token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub digest: [u8; 32],
    pub user: UserId,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub last_seen_at: Timestamp,
    pub revoked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRow {
    pub id: PersonId,
    pub initiative: InitiativeId,
    pub name: Sealed,
    pub title: Sealed,
    pub contact: Sealed,
    pub notes: Sealed,
    #[serde(with = "crate::serde_formats::micros")]
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteRow {
    pub id: NoteId,
    pub initiative: InitiativeId,
    /// The caucus the note belongs to; none for the plenary record.
    #[serde(default)]
    pub side: Option<SideId>,
    pub author: Option<UserId>,
    pub body: Sealed,
    #[serde(with = "crate::serde_formats::micros")]
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRow {
    pub id: DocumentId,
    pub initiative: InitiativeId,
    pub title: Sealed,
    pub body: Sealed,
    #[serde(with = "crate::serde_formats::micros")]
    pub created_at: Timestamp,
}

/// An actor of the system map. Everything about it (name, code name, tracks, side, role) is one
/// sealed record: even the shape of the map is not readable from the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRow {
    pub id: ActorId,
    pub initiative: InitiativeId,
    pub body: Sealed,
    #[serde(with = "crate::serde_formats::micros")]
    pub created_at: Timestamp,
    #[serde(with = "crate::serde_formats::micros")]
    pub updated_at: Timestamp,
}

/// A tie of the system map. Its ends are inside the sealed body, so who is tied to whom (a back
/// channel, a family link) cannot be read from the database either.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TieRow {
    pub id: TieId,
    pub initiative: InitiativeId,
    pub body: Sealed,
    #[serde(with = "crate::serde_formats::micros")]
    pub created_at: Timestamp,
    #[serde(with = "crate::serde_formats::micros")]
    pub updated_at: Timestamp,
}

/// The kinds of record kept as one sealed body each, in one table: what they hold is sealed,
/// so no column could be queried anyway; only the kind, the initiative and the times are plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RecordKind {
    ProcessDesign,
    Round,
    Meeting,
    MeetingNote,
    SpeakerKey,
    DialogueOption,
    FollowUp,
    NoteDraft,
    Readout,
    ReadoutCopy,
    Transfer,
    Coordination,
    OfficialEvent,
    Conversation,
    ConversationStatement,
    Invitation,
    Voter,
    ConversationVote,
    NegotiatingText,
    TextVersion,
    TextComment,
    TextSuggestion,
    TextSignOff,
    Outcome,
    Substantiation,
    Reflection,
    Questionnaire,
    QuestionnaireResponse,
    Indicator,
}

impl RecordKind {
    pub const ALL: [RecordKind; 29] = [
        RecordKind::ProcessDesign,
        RecordKind::Round,
        RecordKind::Meeting,
        RecordKind::MeetingNote,
        RecordKind::SpeakerKey,
        RecordKind::DialogueOption,
        RecordKind::FollowUp,
        RecordKind::NoteDraft,
        RecordKind::Readout,
        RecordKind::ReadoutCopy,
        RecordKind::Transfer,
        RecordKind::Coordination,
        RecordKind::OfficialEvent,
        RecordKind::Conversation,
        RecordKind::ConversationStatement,
        RecordKind::Invitation,
        RecordKind::Voter,
        RecordKind::ConversationVote,
        RecordKind::NegotiatingText,
        RecordKind::TextVersion,
        RecordKind::TextComment,
        RecordKind::TextSuggestion,
        RecordKind::TextSignOff,
        RecordKind::Outcome,
        RecordKind::Substantiation,
        RecordKind::Reflection,
        RecordKind::Questionnaire,
        RecordKind::QuestionnaireResponse,
        RecordKind::Indicator,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::ProcessDesign => "process-design",
            RecordKind::Round => "round",
            RecordKind::Meeting => "meeting",
            RecordKind::MeetingNote => "meeting-note",
            RecordKind::SpeakerKey => "speaker-key",
            RecordKind::DialogueOption => "option",
            RecordKind::FollowUp => "follow-up",
            RecordKind::NoteDraft => "note-draft",
            RecordKind::Readout => "readout",
            RecordKind::ReadoutCopy => "readout-copy",
            RecordKind::Transfer => "transfer",
            RecordKind::Coordination => "coordination",
            RecordKind::OfficialEvent => "official-event",
            RecordKind::Conversation => "conversation",
            RecordKind::ConversationStatement => "statement",
            RecordKind::Invitation => "invitation",
            RecordKind::Voter => "voter",
            RecordKind::ConversationVote => "vote",
            RecordKind::NegotiatingText => "negotiating-text",
            RecordKind::TextVersion => "text-version",
            RecordKind::TextComment => "text-comment",
            RecordKind::TextSuggestion => "text-suggestion",
            RecordKind::TextSignOff => "text-sign-off",
            RecordKind::Outcome => "outcome",
            RecordKind::Substantiation => "substantiation",
            RecordKind::Reflection => "reflection",
            RecordKind::Questionnaire => "questionnaire",
            RecordKind::QuestionnaireResponse => "questionnaire-response",
            RecordKind::Indicator => "indicator",
        }
    }

    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// One sealed record of a dialogue process. `parent` is the record it belongs to (a note's
/// meeting), so a meeting's notes are found without opening every note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedRecordRow {
    pub id: uuid::Uuid,
    pub initiative: InitiativeId,
    pub kind: RecordKind,
    #[serde(default)]
    pub parent: Option<uuid::Uuid>,
    pub body: Sealed,
    #[serde(with = "crate::serde_formats::micros")]
    pub created_at: Timestamp,
    #[serde(with = "crate::serde_formats::micros")]
    pub updated_at: Timestamp,
}

/// A named, dated snapshot of the map: its label, date and note are one sealed body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapSnapshotRow {
    pub id: SnapshotId,
    pub initiative: InitiativeId,
    pub body: Sealed,
    #[serde(with = "crate::serde_formats::micros")]
    pub created_at: Timestamp,
}

/// The participant registry's record of one actor: consent, capacity, risk, duty of care.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryRow {
    pub actor: ActorId,
    pub initiative: InitiativeId,
    pub body: Sealed,
    #[serde(with = "crate::serde_formats::micros")]
    pub updated_at: Timestamp,
}

/// One chained audit event as stored. Its MAC covers every other field and the previous MAC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub seq: i64,
    #[serde(with = "crate::serde_formats::micros")]
    pub at: Timestamp,
    pub actor: String,
    pub action: String,
    pub target_kind: String,
    pub target_id: String,
    #[serde(with = "crate::serde_formats::hex_bytes")]
    pub prev_mac: Vec<u8>,
    #[serde(with = "crate::serde_formats::hex_bytes")]
    pub mac: Vec<u8>,
}

/// The newest event of the chain; `seq` 0 and an all-zero MAC before the first event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditHead {
    pub seq: i64,
    #[serde(with = "crate::serde_formats::hex_bytes")]
    pub mac: Vec<u8>,
}

impl AuditHead {
    #[must_use]
    pub fn genesis() -> Self {
        Self { seq: 0, mac: vec![0; 32] }
    }
}

/// Everything in a store but its keyring: what a backup carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub meta: StoreMeta,
    /// Which key each compartment uses, without the keys themselves.
    pub key_slots: Vec<(KeyId, KeyScope)>,
    pub users: Vec<UserRow>,
    pub tokens: Vec<TokenRow>,
    pub initiatives: Vec<InitiativeRow>,
    #[serde(default)]
    pub sides: Vec<SideRow>,
    pub members: Vec<MemberRow>,
    #[serde(default)]
    pub recovery_codes: Vec<RecoveryCodeRow>,
    /// Backups of before the accounts' languages have none: nobody had chosen.
    #[serde(default)]
    pub account_languages: Vec<AccountLanguageRow>,
    pub people: Vec<PersonRow>,
    pub notes: Vec<NoteRow>,
    pub documents: Vec<DocumentRow>,
    #[serde(default)]
    pub actors: Vec<ActorRow>,
    #[serde(default)]
    pub ties: Vec<TieRow>,
    #[serde(default)]
    pub registry: Vec<RegistryRow>,
    #[serde(default)]
    pub map_snapshots: Vec<MapSnapshotRow>,
    #[serde(default)]
    pub sealed_records: Vec<SealedRecordRow>,
    pub audit: Vec<AuditRow>,
}

/// Timestamps are stored as microseconds since the Unix epoch in both backends.
#[must_use]
pub fn to_micros(at: Timestamp) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1_000).unwrap_or(i64::MAX)
}

pub fn from_micros(micros: i64) -> crate::Result<Timestamp> {
    Timestamp::from_unix_timestamp_nanos(i128::from(micros) * 1_000)
        .map_err(|_| crate::StoreError::NotATracktwoStore(format!("timestamp {micros} out of range")))
}
