//! Opening the configured store and unlocking it.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use tracktwo_app::Unlock;
use tracktwo_config::Config;
use tracktwo_store::Store;
use tracktwo_store_postgres::PostgresStore;
use tracktwo_store_sqlite::SqliteStore;
use zeroize::Zeroizing;

use crate::say::{fail, say};

/// Opens the store the configuration names: PostgreSQL when a URL is set, else SQLite.
pub async fn open_store(config: &Config) -> Result<Arc<dyn Store>> {
    if let Some(url) = &config.database_url {
        let store = PostgresStore::connect(url.expose(), None).await.context(say!("cli-cannot-open-postgres"))?;
        Ok(Arc::new(store))
    } else {
        let store = SqliteStore::open(&config.data_dir)
            .await
            .with_context(|| say!("cli-cannot-open-store", path = config.data_dir))?;
        Ok(Arc::new(store))
    }
}

pub fn read_key_file(path: &Path) -> Result<Zeroizing<Vec<u8>>> {
    let bytes = std::fs::read(path).with_context(|| say!("cli-cannot-read-key-file", path = path))?;
    if bytes.len() < 32 {
        bail!(fail!("cli-key-file-short", path = path, bytes = bytes.len()));
    }
    Ok(Zeroizing::new(bytes))
}

/// The configured way to unlock: a key file or a passphrase, exactly one.
pub fn unlock_from(config: &Config) -> Result<Unlock> {
    match (&config.key_file, &config.passphrase) {
        (Some(_), Some(_)) => bail!(fail!("cli-key-and-passphrase")),
        (Some(path), None) => Ok(Unlock::KeyFile(read_key_file(path)?)),
        (None, Some(pass)) => {
            if pass.expose().is_empty() {
                bail!(fail!("cli-passphrase-empty"));
            }
            Ok(Unlock::Passphrase(Zeroizing::new(pass.expose().to_owned())))
        }
        (None, None) => bail!(fail!("cli-no-key")),
    }
}
