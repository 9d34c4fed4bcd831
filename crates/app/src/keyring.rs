//! The keyring: one data key per compartment, each stored wrapped by the master key. Unwrapped
//! keys are cached in memory for the life of the process and dropped (zeroised) when their
//! compartment is destroyed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tracktwo_crypto::{CryptoError, DataKey, MasterKey};
use tracktwo_domain::{InitiativeId, KeyId, Timestamp};
use tracktwo_store::{KeyRow, KeyScope, WriteTx};

use crate::{AppError, Entropy, EntropyRng, Result, lock_entropy};

pub struct Keyring {
    master: MasterKey,
    cache: Mutex<HashMap<KeyId, Arc<DataKey>>>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keyring(<redacted>)")
    }
}

/// What a wrapped key is bound to: its id and scope, so a wrapped key moved to another slot or
/// compartment fails to unwrap.
pub(crate) fn wrap_label(id: KeyId, scope: KeyScope) -> Vec<u8> {
    match scope {
        KeyScope::System => format!("{id}/system").into_bytes(),
        KeyScope::Initiative(initiative) => format!("{id}/initiative/{initiative}").into_bytes(),
    }
}

impl Keyring {
    pub(crate) fn new(master: MasterKey) -> Self {
        Self { master, cache: Mutex::new(HashMap::new()) }
    }

    pub(crate) fn master(&self) -> &MasterKey {
        &self.master
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, HashMap<KeyId, Arc<DataKey>>> {
        self.cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    async fn create(
        &self,
        tx: &mut dyn WriteTx,
        entropy: &Mutex<Box<dyn Entropy>>,
        scope: KeyScope,
        now: Timestamp,
    ) -> Result<(KeyId, Arc<DataKey>)> {
        let (id, key, wrapped) = {
            let mut guard = lock_entropy(entropy);
            let mut rng = EntropyRng(&mut **guard);
            let mut id_bytes = [0u8; 16];
            rand_core::Rng::fill_bytes(&mut rng, &mut id_bytes);
            let id = KeyId::from_random_bytes(id_bytes);
            let key = DataKey::generate(&mut rng);
            let wrapped = self.master.wrap(&key, &wrap_label(id, scope), &mut rng);
            (id, Arc::new(key), wrapped)
        };
        tx.insert_key(&KeyRow { id, scope, wrapped, created_at: now }).await?;
        self.cache().insert(id, Arc::clone(&key));
        Ok((id, key))
    }

    pub(crate) async fn create_system_key(
        &self,
        tx: &mut dyn WriteTx,
        entropy: &Mutex<Box<dyn Entropy>>,
        now: Timestamp,
    ) -> Result<Arc<DataKey>> {
        self.create(tx, entropy, KeyScope::System, now).await.map(|(_, key)| key)
    }

    pub(crate) async fn create_initiative_key(
        &self,
        tx: &mut dyn WriteTx,
        entropy: &Mutex<Box<dyn Entropy>>,
        initiative: InitiativeId,
        now: Timestamp,
    ) -> Result<(KeyId, Arc<DataKey>)> {
        self.create(tx, entropy, KeyScope::Initiative(initiative), now).await
    }

    pub(crate) fn unwrap_row(&self, row: &KeyRow) -> Result<DataKey, CryptoError> {
        self.master.unwrap(&row.wrapped, &wrap_label(row.id, row.scope))
    }

    fn unwrap_cached(&self, row: &KeyRow) -> Result<Arc<DataKey>> {
        let key = Arc::new(self.unwrap_row(row).map_err(|_| AppError::Tampered)?);
        self.cache().insert(row.id, Arc::clone(&key));
        Ok(key)
    }

    /// The key that seals account data.
    pub(crate) async fn system_key(&self, tx: &mut dyn WriteTx) -> Result<Arc<DataKey>> {
        let row = tx.system_key().await?.ok_or(AppError::Uninitialised)?;
        if let Some(key) = self.cache().get(&row.id) {
            return Ok(Arc::clone(key));
        }
        self.unwrap_cached(&row)
    }

    /// The data key of one compartment. A missing key means the compartment was destroyed.
    pub(crate) async fn data_key(&self, tx: &mut dyn WriteTx, id: KeyId) -> Result<Arc<DataKey>> {
        if let Some(key) = self.cache().get(&id) {
            return Ok(Arc::clone(key));
        }
        let row = tx.key(id).await?.ok_or(AppError::NotFound)?;
        self.unwrap_cached(&row)
    }

    /// Drops every key held, to be unwrapped again from the store when next needed (another
    /// server may have destroyed a compartment unheard).
    pub(crate) fn forget_all(&self) {
        self.cache().clear();
    }

    pub(crate) fn forget(&self, id: KeyId) {
        self.cache().remove(&id);
    }
}
