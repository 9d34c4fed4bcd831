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

/// Opens the store the configuration names: PostgreSQL when a URL is set, else SQLite.
pub async fn open_store(config: &Config) -> Result<Arc<dyn Store>> {
    if let Some(url) = &config.database_url {
        let store = PostgresStore::connect(url.expose(), None)
            .await
            .context("cannot open the PostgreSQL store (check --database-url / TRACKTWO_DATABASE_URL)")?;
        Ok(Arc::new(store))
    } else {
        let store = SqliteStore::open(&config.data_dir)
            .await
            .with_context(|| format!("cannot open the store in {}", config.data_dir.display()))?;
        Ok(Arc::new(store))
    }
}

pub fn read_key_file(path: &Path) -> Result<Zeroizing<Vec<u8>>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read the key file {}", path.display()))?;
    if bytes.len() < 32 {
        bail!(
            "the key file {} holds {} bytes; it needs at least 32 random bytes (for example: head -c 32 /dev/urandom > {})",
            path.display(),
            bytes.len(),
            path.display()
        );
    }
    Ok(Zeroizing::new(bytes))
}

/// The configured way to unlock: a key file or a passphrase, exactly one.
pub fn unlock_from(config: &Config) -> Result<Unlock> {
    match (&config.key_file, &config.passphrase) {
        (Some(_), Some(_)) => bail!("both a key file and a passphrase are set; give one"),
        (Some(path), None) => Ok(Unlock::KeyFile(read_key_file(path)?)),
        (None, Some(pass)) => {
            if pass.expose().is_empty() {
                bail!("the passphrase is empty");
            }
            Ok(Unlock::Passphrase(Zeroizing::new(pass.expose().to_owned())))
        }
        (None, None) => bail!(
            "no key given: set TRACKTWO_KEY_FILE (or --key-file) to a file of at least 32 random bytes, \
             or TRACKTWO_PASSPHRASE_FILE (or --passphrase-file)"
        ),
    }
}
