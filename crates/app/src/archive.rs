//! Whole-store operations for the key holder: encrypted backups and their restore, the keyring
//! export, the decrypted export, and audit verification.
//!
//! A backup holds every table but the keyring, so it can be taken to any backup medium without
//! carrying the keys that open it. Restoring needs the keyring: the target store's own, or a
//! keyring export kept apart from the backups (with the key file, say). That separation is what
//! makes crypto-shredding reach old backups: once an initiative's key is destroyed, no backup
//! holds a copy of it.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::json;
use tracktwo_crypto::{
    BACKUP_CHUNK_LEN, BackupDecryptor, BackupEncryptor, BackupHeader, CryptoError, KdfParams, MasterKey,
};
use tracktwo_domain::{AuditAction, AuditTarget, Identity, InitiativeId, KeyId, Operation, TargetKind};
use tracktwo_store::{FORMAT_VERSION, FORMAT_WITH_TOKEN_EXPIRY, KeyRow, KeyScope, KeySource, Snapshot, Store};

use crate::audit::{self, AuditAnchor, AuditFinding, AuditReport};
use crate::sealing::place;
use crate::{App, AppError, Clock, Entropy, EntropyRng, Result, Unlock, derive_master, lock_entropy, unlock_meta};

const BACKUP_KIND: &str = "tracktwo-backup";
const KEYRING_KIND: &str = "tracktwo-keyring";
const DOCUMENT_FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct BackupDocument {
    kind: String,
    format: u32,
    snapshot: Snapshot,
}

#[derive(Serialize, Deserialize)]
struct KeyringDocument {
    kind: String,
    format: u32,
    keys: Vec<KeyRow>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreReport {
    pub users: usize,
    pub initiatives: usize,
    /// Initiatives in the backup whose key no longer exists (destroyed since): not restored.
    pub initiatives_without_key: usize,
    pub audit_events: usize,
}

/// What an export or backup wrote, in counts only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    pub users: usize,
    pub initiatives: usize,
    pub records: usize,
}

/// Why a backup, a keyring export or an export cannot be written or read, or a record or a
/// conversation cannot be made ready to store. Each is its own variant, so an edge says it in
/// the reader's language; what a library or the operating system said stays as it said it.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// Writing failed (a full disk, a closed pipe…).
    #[error("cannot write: {0}")]
    CannotWrite(std::io::Error),
    #[error("cannot encode the key source")]
    KeySource,
    #[error("this is not a tracktwo backup or keyring file")]
    NotOurs,
    /// The file does not authenticate under the key: another key's, or altered.
    #[error("the file does not open with this key, or it was altered")]
    DoesNotOpen,
    #[error("the file is truncated or damaged")]
    Damaged,
    #[error("the file holds more than one document")]
    MoreThanOneDocument,
    /// The decrypted document is not what it should hold: what the JSON reader said.
    #[error("the file's contents are not readable: {0}")]
    Unreadable(String),
    /// A backup given as a keyring export, or the other way round: the kinds as the file and
    /// tracktwo name them.
    #[error("this is a {found} file, not a {expected} file")]
    WrongKind { found: String, expected: &'static str },
    #[error("this file was written by a newer version of tracktwo")]
    NewerFormat,
    #[error("the store is not empty; pass --force to replace its contents with the backup")]
    StoreNotEmpty,
    #[error("the keys for this backup are not in this store; pass the keyring export with --keyring")]
    KeysMissing,
    #[error("this backup belongs to a different store; restore it into an empty one")]
    DifferentStore,
    /// A record that cannot be encoded to be sealed: what the JSON writer said.
    #[error("cannot encode a record: {0}")]
    CannotEncode(String),
    /// The stored votes of a conversation the engine refuses: what the engine said.
    #[error("cannot analyse the conversation: {0}")]
    CannotAnalyse(String),
    /// A vote whose batch failed to be stored: why, in the application's English.
    #[error("the vote could not be stored: {0}")]
    VoteNotStored(String),
    /// A vote whose writer stopped before answering.
    #[error("the vote was not stored")]
    VoteLost,
}

impl From<ArchiveError> for AppError {
    fn from(e: ArchiveError) -> Self {
        AppError::Archive(e)
    }
}

fn archive_error(e: ArchiveError) -> AppError {
    AppError::Archive(e)
}

/// Buffers plaintext and writes it out as encrypted frames.
struct FrameWriter<'a> {
    out: &'a mut dyn Write,
    encryptor: Option<BackupEncryptor>,
    buffer: Vec<u8>,
}

impl FrameWriter<'_> {
    fn finish(mut self) -> std::io::Result<()> {
        let encryptor = self.encryptor.take().ok_or_else(|| std::io::Error::other("already finished"))?;
        self.out.write_all(&encryptor.last_frame(&self.buffer))?;
        self.out.flush()
    }
}

impl Write for FrameWriter<'_> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(data);
        while self.buffer.len() > BACKUP_CHUNK_LEN {
            let rest = self.buffer.split_off(BACKUP_CHUNK_LEN);
            let chunk = std::mem::replace(&mut self.buffer, rest);
            let encryptor = self.encryptor.as_mut().ok_or_else(|| std::io::Error::other("already finished"))?;
            self.out.write_all(&encryptor.frame(&chunk))?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Reads encrypted frames and yields their plaintext.
struct FrameReader<'a> {
    input: &'a mut dyn Read,
    decryptor: BackupDecryptor,
    plain: Vec<u8>,
    position: usize,
    failure: Option<CryptoError>,
}

impl Read for FrameReader<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.position == self.plain.len() {
            if self.decryptor.is_finished() {
                return Ok(0);
            }
            let mut head = [0u8; 5];
            if let Err(e) = self.input.read_exact(&mut head) {
                self.failure = Some(CryptoError::Malformed);
                return Err(e);
            }
            let (last, len) = BackupDecryptor::parse_frame_header(&head).map_err(|e| self.fail(e))?;
            let mut ciphertext = vec![0u8; len];
            self.input.read_exact(&mut ciphertext).map_err(|_| self.fail(CryptoError::Malformed))?;
            self.plain = self.decryptor.open(last, &ciphertext).map_err(|e| self.fail(e))?;
            self.position = 0;
        }
        let n = out.len().min(self.plain.len() - self.position);
        out[..n].copy_from_slice(&self.plain[self.position..self.position + n]);
        self.position += n;
        Ok(n)
    }
}

impl FrameReader<'_> {
    fn fail(&mut self, e: CryptoError) -> std::io::Error {
        self.failure = Some(e.clone());
        std::io::Error::other(e)
    }
}

fn write_encrypted<T: Serialize>(
    master: &MasterKey,
    key_source: &KeySource,
    entropy: &std::sync::Mutex<Box<dyn Entropy>>,
    document: &T,
    out: &mut dyn Write,
) -> Result<()> {
    let context = serde_json::to_vec(key_source).map_err(|_| archive_error(ArchiveError::KeySource))?;
    let encryptor = {
        let mut guard = lock_entropy(entropy);
        BackupEncryptor::new(master, &context, &mut EntropyRng(&mut **guard)).map_err(AppError::Key)?
    };
    let io_error = |e: std::io::Error| archive_error(ArchiveError::CannotWrite(e));
    out.write_all(&encryptor.header().to_bytes()).map_err(io_error)?;
    let mut writer = FrameWriter { out, encryptor: Some(encryptor), buffer: Vec::new() };
    serde_json::to_writer(&mut writer, document).map_err(|e| io_error(e.into()))?;
    writer.finish().map_err(io_error)
}

/// Reads an encrypted file's header: what is needed to derive its key.
fn read_header(input: &mut dyn Read) -> Result<(BackupHeader, KeySource)> {
    let not_ours = || archive_error(ArchiveError::NotOurs);
    let mut prefix = vec![0u8; BackupHeader::PREFIX_LEN];
    input.read_exact(&mut prefix).map_err(|_| not_ours())?;
    let context_len = BackupHeader::context_len(&prefix).map_err(|_| not_ours())?;
    let mut context = vec![0u8; context_len];
    input.read_exact(&mut context).map_err(|_| not_ours())?;
    prefix.extend_from_slice(&context);
    let header = BackupHeader::parse(&prefix).map_err(|_| not_ours())?;
    let key_source: KeySource = serde_json::from_slice(header.context()).map_err(|_| not_ours())?;
    // The key source travels in the clear: costs a hostile file asks for are refused here,
    // before a key is derived with them.
    if let KeySource::Passphrase { salt, memory_kib, iterations, parallelism } = &key_source {
        let params = KdfParams { memory_kib: *memory_kib, iterations: *iterations, parallelism: *parallelism };
        params.check(salt).map_err(AppError::Key)?;
    }
    Ok((header, key_source))
}

/// Reads a backup file as a restore does, up to its authenticated document: the master key it
/// opens with and the document.
fn open_backup(unlock: &Unlock, backup: &mut dyn Read) -> Result<(MasterKey, BackupDocument)> {
    let (header, key_source) = read_header(backup)?;
    let master = derive_master(unlock, &key_source)?;
    let document: BackupDocument = read_encrypted(&master, &header, backup).map_err(|e| match e {
        AppError::Archive(ArchiveError::DoesNotOpen) => AppError::WrongKey,
        other => other,
    })?;
    check_kind(&document.kind, BACKUP_KIND, document.format)?;
    if !master.matches_check_value(&document.snapshot.meta.key_check) {
        return Err(AppError::WrongKey);
    }
    Ok((master, document))
}

/// Reads a keyring export under `master`: the wrapped keys it holds.
fn open_keyring(master: &MasterKey, file: &mut dyn Read) -> Result<Vec<KeyRow>> {
    let (header, _) = read_header(file)?;
    keyring_keys(master, &header, file)
}

fn keyring_keys(master: &MasterKey, header: &BackupHeader, file: &mut dyn Read) -> Result<Vec<KeyRow>> {
    let keyring: KeyringDocument = read_encrypted(master, header, file)?;
    check_kind(&keyring.kind, KEYRING_KIND, keyring.format)?;
    Ok(keyring.keys)
}

/// Checks that a backup file opens with `unlock` and is whole, as a restore would read it,
/// without touching a store; returns how many users and initiatives it holds.
pub fn check_backup_file(unlock: &Unlock, backup: &mut dyn Read) -> Result<(usize, usize)> {
    let (_, document) = open_backup(unlock, backup)?;
    Ok((document.snapshot.users.len(), document.snapshot.initiatives.len()))
}

/// Checks that a keyring export opens with `unlock` and is whole, without touching a store;
/// returns how many keys it holds.
pub fn check_keyring_file(unlock: &Unlock, file: &mut dyn Read) -> Result<usize> {
    let (header, key_source) = read_header(file)?;
    let master = derive_master(unlock, &key_source)?;
    Ok(keyring_keys(&master, &header, file)?.len())
}

fn read_encrypted<T: for<'de> Deserialize<'de>>(
    master: &MasterKey,
    header: &BackupHeader,
    input: &mut dyn Read,
) -> Result<T> {
    let mut reader = FrameReader {
        input,
        decryptor: BackupDecryptor::new(master, header),
        plain: Vec::new(),
        position: 0,
        failure: None,
    };
    let parsed = serde_json::from_reader(&mut reader);
    match (parsed, reader.failure.clone()) {
        (_, Some(CryptoError::Unauthentic)) => Err(archive_error(ArchiveError::DoesNotOpen)),
        (_, Some(_)) => Err(archive_error(ArchiveError::Damaged)),
        (Ok(document), None) => {
            // Anything after the JSON document must still authenticate to the end of the stream.
            let mut rest = Vec::new();
            reader.read_to_end(&mut rest).map_err(|_| archive_error(ArchiveError::Damaged))?;
            if !rest.iter().all(u8::is_ascii_whitespace) {
                return Err(archive_error(ArchiveError::MoreThanOneDocument));
            }
            Ok(document)
        }
        (Err(e), None) => Err(archive_error(ArchiveError::Unreadable(e.to_string()))),
    }
}

fn check_kind(found: &str, expected: &'static str, format: u32) -> Result<()> {
    if found != expected {
        return Err(archive_error(ArchiveError::WrongKind { found: found.to_owned(), expected }));
    }
    if format > DOCUMENT_FORMAT {
        return Err(archive_error(ArchiveError::NewerFormat));
    }
    Ok(())
}

fn rfc3339(at: tracktwo_domain::Timestamp) -> String {
    at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

impl App {
    async fn key_source(&self) -> Result<KeySource> {
        Ok(self.store.meta().await?.ok_or(AppError::Uninitialised)?.key_source)
    }

    /// Writes an encrypted backup of everything but the keyring, from one consistent snapshot
    /// taken while the store keeps serving.
    pub async fn backup(&self, who: &Identity, out: &mut dyn Write) -> Result<ExportSummary> {
        Self::allow_global(who, Operation::OperateStore)?;
        let snapshot = self.store.snapshot(self.rows.as_ref()).await?;
        let summary = ExportSummary {
            users: snapshot.users.len(),
            initiatives: snapshot.initiatives.len(),
            records: snapshot.people.len()
                + snapshot.notes.len()
                + snapshot.documents.len()
                + snapshot.actors.len()
                + snapshot.ties.len(),
        };
        let document = BackupDocument { kind: BACKUP_KIND.to_owned(), format: DOCUMENT_FORMAT, snapshot };
        write_encrypted(self.keyring.master(), &document.snapshot.meta.key_source, &self.entropy, &document, out)?;
        let mut tx = self.begin().await?;
        self.record(tx.as_mut(), who, AuditAction::BackupTaken, AuditTarget::store()).await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// Writes the keyring (data keys, still wrapped by the master key) to an encrypted file.
    /// Keep it apart from the backups, and replace it after destroying an initiative.
    pub async fn export_keyring(&self, who: &Identity, out: &mut dyn Write) -> Result<usize> {
        Self::allow_global(who, Operation::OperateStore)?;
        let key_source = self.key_source().await?;
        let mut tx = self.begin().await?;
        let keys = tx.keys().await?;
        let count = keys.len();
        let document = KeyringDocument { kind: KEYRING_KIND.to_owned(), format: DOCUMENT_FORMAT, keys };
        write_encrypted(self.keyring.master(), &key_source, &self.entropy, &document, out)?;
        self.record(tx.as_mut(), who, AuditAction::KeyringExported, AuditTarget::store()).await?;
        tx.commit().await?;
        Ok(count)
    }

    /// Restores a backup into `store`. An initialised store is replaced only with `force`, and
    /// only if it is the same store (same key and system key). Keys come from the store's own
    /// keyring and from `keyring_file`; initiatives whose key is in neither were destroyed since
    /// the backup and are left out.
    pub async fn restore(
        store: Arc<dyn Store>,
        unlock: &Unlock,
        backup: &mut dyn Read,
        keyring_file: Option<&mut dyn Read>,
        force: bool,
        clock: Arc<dyn Clock>,
        entropy: Box<dyn Entropy>,
    ) -> Result<RestoreReport> {
        let (master, document) = open_backup(unlock, backup)?;
        let mut snapshot = document.snapshot;
        // A backup of an older format is upgraded as it is restored (its tokens given an
        // expiry). The backup is authenticated as a whole, but the format it records is the
        // stored one at the time, which someone without the key could have set back beneath a
        // running server: the backup's chain must show that its store was born by that format.
        if snapshot.meta.format_version < FORMAT_VERSION {
            crate::genesis::check_born_by(&master.audit_key(), &snapshot.audit, snapshot.meta.format_version)?;
        }
        if let Some(existing) = store.meta().await? {
            if !force {
                return Err(archive_error(ArchiveError::StoreNotEmpty));
            }
            unlock_meta(unlock, &existing)?;
        }

        let mut offered: Vec<KeyRow> = Vec::new();
        if let Some(file) = keyring_file {
            offered = open_keyring(&master, file)?;
        }

        let app = Self::assemble(Arc::clone(&store), master, clock, entropy);
        let mut tx = app.begin().await?;
        let present: HashMap<KeyId, KeyRow> = tx.keys().await?.into_iter().map(|k| (k.id, k)).collect();
        let mut usable: HashMap<KeyId, (KeyRow, bool)> =
            present.iter().map(|(id, row)| (*id, (row.clone(), false))).collect();
        for row in offered {
            if app.keyring.unwrap_row(&row).is_ok() && !usable.contains_key(&row.id) {
                usable.insert(row.id, (row, true));
            }
        }
        let wanted = |id: &KeyId, scope: KeyScope| usable.get(id).is_some_and(|(row, _)| row.scope == scope);

        let system_slot = snapshot.key_slots.iter().find(|(_, scope)| *scope == KeyScope::System).map(|(id, _)| *id);
        match system_slot {
            Some(id) if wanted(&id, KeyScope::System) => {}
            _ => {
                return Err(archive_error(ArchiveError::KeysMissing));
            }
        }
        if present.values().any(|row| row.scope == KeyScope::System && Some(row.id) != system_slot) {
            return Err(archive_error(ArchiveError::DifferentStore));
        }

        let before = snapshot.initiatives.len();
        snapshot.initiatives.retain(|i| wanted(&i.key, KeyScope::Initiative(i.id)));
        let kept: HashSet<InitiativeId> = snapshot.initiatives.iter().map(|i| i.id).collect();
        snapshot.members.retain(|r| kept.contains(&r.initiative));
        snapshot.sides.retain(|r| kept.contains(&r.initiative));
        snapshot.people.retain(|r| kept.contains(&r.initiative));
        snapshot.notes.retain(|r| kept.contains(&r.initiative));
        snapshot.documents.retain(|r| kept.contains(&r.initiative));
        snapshot.actors.retain(|r| kept.contains(&r.initiative));
        snapshot.ties.retain(|r| kept.contains(&r.initiative));
        snapshot.registry.retain(|r| kept.contains(&r.initiative));
        snapshot.map_snapshots.retain(|r| kept.contains(&r.initiative));
        snapshot.sealed_records.retain(|r| kept.contains(&r.initiative));
        let needed: HashSet<KeyId> = snapshot.initiatives.iter().map(|i| i.key).chain(system_slot).collect();

        // The backup is authenticated as a whole (STREAM under the master key), so its rows are
        // trusted and get fresh MACs as they are written: the restored store is of this format.
        // Tokens of a backup from before expiry carry none (they read as expired at the epoch):
        // they get the expiry an upgraded store gives its tokens.
        if snapshot.meta.format_version < FORMAT_WITH_TOKEN_EXPIRY {
            let expires_at = app.expiry_for_tokens_of_before();
            for token in &mut snapshot.tokens {
                token.expires_at = expires_at;
            }
        }
        snapshot.meta.format_version = FORMAT_VERSION;
        tx.replace_all(&snapshot).await?;
        for (row, from_file) in usable.values() {
            if *from_file && needed.contains(&row.id) {
                tx.insert_key(row).await?;
            }
        }
        app.record(tx.as_mut(), &Identity::key_holder(), AuditAction::Restored, AuditTarget::store()).await?;
        tx.commit().await?;
        Ok(RestoreReport {
            users: snapshot.users.len(),
            initiatives: snapshot.initiatives.len(),
            initiatives_without_key: before - snapshot.initiatives.len(),
            audit_events: snapshot.audit.len() + 1,
        })
    }

    /// Writes the key holder's complete decrypted export as JSON: for migration and escape.
    pub async fn export(&self, who: &Identity, out: &mut dyn Write) -> Result<ExportSummary> {
        Self::allow_global(who, Operation::OperateStore)?;
        let snapshot = self.store.snapshot(self.rows.as_ref()).await?;
        let mut tx = self.begin().await?;
        let system = self.keyring.system_key(tx.as_mut()).await?;
        let mut users = Vec::new();
        for row in &snapshot.users {
            users.push(json!({
                "id": row.id,
                "username": self.open_field(&system, place!("users"."username" @ row.id), &row.username)?,
                "display_name": self.open_field(&system, place!("users"."display_name" @ row.id), &row.display_name)?,
                "is_admin": row.is_admin,
                "disabled": row.disabled,
                "created_at": rfc3339(row.created_at),
            }));
        }
        let mut tokens = Vec::new();
        for row in &snapshot.tokens {
            tokens.push(json!({
                "id": row.id,
                "user": row.user,
                "label": self.open_field(&system, place!("tokens"."label" @ row.id), &row.label)?,
                "created_at": rfc3339(row.created_at),
                "revoked": row.revoked,
            }));
        }
        let mut initiatives = Vec::new();
        for row in &snapshot.initiatives {
            let key = self.keyring.data_key(tx.as_mut(), row.key).await?;
            let mut people = Vec::new();
            for p in snapshot.people.iter().filter(|p| p.initiative == row.id) {
                let person = self.person_from_row(&key, p)?;
                people.push(json!({
                    "id": person.id, "name": person.name, "title": person.title, "contact": person.contact,
                    "notes": person.notes, "created_at": rfc3339(person.created_at),
                }));
            }
            let mut notes = Vec::new();
            for n in snapshot.notes.iter().filter(|n| n.initiative == row.id) {
                let note = self.note_from_row(&key, n)?;
                let caucus = match note.scope {
                    tracktwo_domain::Scope::Plenary => None,
                    tracktwo_domain::Scope::Caucus(side) => Some(side),
                };
                notes.push(json!({
                    "id": note.id, "caucus": caucus, "author": note.author, "body": note.body,
                    "created_at": rfc3339(note.created_at),
                }));
            }
            let mut documents = Vec::new();
            for d in snapshot.documents.iter().filter(|d| d.initiative == row.id) {
                let document = self.document_from_row(&key, d)?;
                documents.push(json!({
                    "id": document.id, "title": document.title, "body": document.body,
                    "created_at": rfc3339(document.created_at),
                }));
            }
            let mut actors = Vec::new();
            for a in snapshot.actors.iter().filter(|a| a.initiative == row.id) {
                let actor = self.actor_from_row(&key, a)?;
                let registry = match snapshot.registry.iter().find(|r| r.actor == a.id) {
                    Some(r) => Some(self.registry_from_row(&key, r)?),
                    None => None,
                };
                actors.push(json!({
                    "id": actor.id, "details": actor.details, "registry": registry,
                    "created_at": rfc3339(actor.created_at), "updated_at": rfc3339(actor.updated_at),
                }));
            }
            let mut ties = Vec::new();
            for t in snapshot.ties.iter().filter(|t| t.initiative == row.id) {
                let tie = self.tie_from_row(&key, t)?;
                ties.push(json!({
                    "id": tie.id, "details": tie.details,
                    "created_at": rfc3339(tie.created_at), "updated_at": rfc3339(tie.updated_at),
                }));
            }
            let mut map_snapshots = Vec::new();
            for m in snapshot.map_snapshots.iter().filter(|m| m.initiative == row.id) {
                map_snapshots.push(json!({ "id": m.id, "snapshot": self.map_snapshot_from_row(&key, m)? }));
            }
            let mut process = Vec::new();
            for r in snapshot.sealed_records.iter().filter(|r| r.initiative == row.id) {
                process.push(json!({
                    "id": r.id.to_string(), "kind": r.kind.as_str(), "parent": r.parent.map(|p| p.to_string()),
                    "record": self.open_any_record(&key, r)?,
                    "created_at": rfc3339(r.created_at), "updated_at": rfc3339(r.updated_at),
                }));
            }
            let members: Vec<_> = snapshot
                .members
                .iter()
                .filter(|m| m.initiative == row.id)
                .map(|m| json!({ "user": m.user, "role": m.role, "side": m.side }))
                .collect();
            let mut sides = Vec::new();
            for s in snapshot.sides.iter().filter(|s| s.initiative == row.id) {
                sides.push(json!({
                    "id": s.id,
                    "name": self.open_field(&key, place!("sides"."name" @ s.id), &s.name)?,
                    "created_at": rfc3339(s.created_at),
                }));
            }
            let initiative = self.initiative_from_row(&key, row)?;
            initiatives.push(json!({
                "id": initiative.id,
                "title": initiative.title,
                "description": initiative.description,
                "secret_channel": initiative.secret_channel,
                "created_at": rfc3339(initiative.created_at),
                "sides": sides,
                "members": members,
                "people": people,
                "notes": notes,
                "documents": documents,
                "actors": actors,
                "ties": ties,
                "map_snapshots": map_snapshots,
                "process": process,
            }));
        }
        let audit: Vec<_> = snapshot
            .audit
            .iter()
            .map(|e| {
                json!({
                    "seq": e.seq, "at": rfc3339(e.at), "actor": e.actor, "action": e.action,
                    "target_kind": e.target_kind, "target_id": e.target_id,
                })
            })
            .collect();
        let summary = ExportSummary {
            users: users.len(),
            initiatives: initiatives.len(),
            records: snapshot.people.len()
                + snapshot.notes.len()
                + snapshot.documents.len()
                + snapshot.actors.len()
                + snapshot.ties.len(),
        };
        let document = json!({
            "tracktwo_export": DOCUMENT_FORMAT,
            "exported_at": rfc3339(self.now()),
            "users": users,
            "tokens": tokens,
            "initiatives": initiatives,
            "audit": audit,
        });
        let cannot_write = |e: std::io::Error| archive_error(ArchiveError::CannotWrite(e));
        serde_json::to_writer_pretty(&mut *out, &document).map_err(|e| cannot_write(e.into()))?;
        out.write_all(b"\n").map_err(cannot_write)?;
        self.record(tx.as_mut(), who, AuditAction::Exported, AuditTarget::of(TargetKind::Store, "")).await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// Checks the whole audit chain against its head.
    /// The chain's head now, with a receipt under the audit key, to be kept outside the store.
    /// With the anchor kept before, the new one is given only if the chain still holds the event
    /// that one names: an anchor that would paper over a cut tail is refused
    /// ([`AppError::Tampered`]), so the evidence stays where it is.
    pub async fn audit_anchor(&self, who: &Identity, previous: Option<&AuditAnchor>) -> Result<AuditAnchor> {
        Self::allow_global(who, Operation::OperateStore)?;
        let mut tx = self.begin().await?;
        let head = tx.audit_head().await?;
        if let Some(previous) = previous {
            let events = tx.audit_events().await?;
            if audit::check_anchor(&self.audit_key, &events, &head, previous).is_some() {
                return Err(AppError::Tampered);
            }
        }
        drop(tx);
        Ok(audit::anchor(&self.audit_key, &head, tracktwo_store::to_micros(self.now())))
    }

    /// [`App::verify_audit`], and the chain checked against an anchor kept outside the store.
    pub async fn verify_audit_against(&self, who: &Identity, anchor: &AuditAnchor) -> Result<AuditReport> {
        self.verify_store(who, Some(anchor)).await
    }

    pub async fn verify_audit(&self, who: &Identity) -> Result<AuditReport> {
        self.verify_store(who, None).await
    }

    /// The chain, every row's MAC and, given one, the anchor, all read in one transaction.
    async fn verify_store(&self, who: &Identity, anchor: Option<&AuditAnchor>) -> Result<AuditReport> {
        Self::allow_global(who, Operation::OperateStore)?;
        let mut tx = self.begin().await?;
        let rows = tx.audit_events().await?;
        let head = tx.audit_head().await?;
        let unauthentic = tx.unauthentic_rows().await?;
        drop(tx);
        let mut report = audit::verify(&self.audit_key, &rows, &head);
        report.findings.extend(unauthentic.into_iter().map(AuditFinding::UnauthenticRow));
        report.findings.extend(anchor.and_then(|anchor| audit::check_anchor(&self.audit_key, &rows, &head, anchor)));
        Ok(report)
    }
}
