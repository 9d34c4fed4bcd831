//! Backup and keyring files from outside: whatever their header asks, they are refused before
//! any costly work and before anything is written.

use std::sync::Arc;

use tracktwo_app::{App, AppError, Unlock, check_backup_file, check_keyring_file};
use tracktwo_crypto::{BackupEncryptor, CryptoError, MasterKey};
use tracktwo_store::KeySource;
use tracktwo_test_support::TestStore;

/// A file whose clear header names a passphrase key with the given Argon2 costs.
fn file_asking_for(memory_kib: u32, iterations: u32, parallelism: u32) -> Vec<u8> {
    let source = KeySource::Passphrase { salt: vec![1; 16], memory_kib, iterations, parallelism };
    let context = serde_json::to_vec(&source).unwrap();
    let master = MasterKey::from_key_file_bytes(&[3; 32]).unwrap();
    // A fixed seed: the file is the same at every run, and no test reads the OS's randomness.
    let mut rng = <rand::rngs::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(7);
    let encryptor = BackupEncryptor::new(&master, &context, &mut rng).unwrap();
    let mut file = encryptor.header().to_bytes();
    file.extend(encryptor.last_frame(b"{}"));
    file
}

fn passphrase() -> Unlock {
    Unlock::Passphrase("any passphrase".to_owned().into())
}

#[tokio::test]
async fn a_backup_asking_for_a_ruinous_key_derivation_is_refused_before_it() {
    // Four TiB of memory, or four billion passes: either would hold the restore for ever.
    for file in [file_asking_for(u32::MAX, 3, 1), file_asking_for(64 * 1024, u32::MAX, 1)] {
        let refused =
            |result: Result<_, AppError>| matches!(result, Err(AppError::Key(CryptoError::InvalidKdfParams(_))));
        assert!(refused(check_backup_file(&passphrase(), &mut file.as_slice()).map(|_| ())));
        assert!(refused(check_keyring_file(&passphrase(), &mut file.as_slice()).map(|_| ())));
        // Refused before the kind of key is compared, so a key file is no way round the check.
        let key_file = Unlock::KeyFile(vec![3; 32].into());
        assert!(refused(check_backup_file(&key_file, &mut file.as_slice()).map(|_| ())));

        let store = TestStore::sqlite().await;
        let restored = App::restore(
            Arc::clone(&store.store),
            &passphrase(),
            &mut file.as_slice(),
            None,
            false,
            Arc::new(tracktwo_app::system::SystemClock),
            Box::new(tracktwo_app::system::SystemEntropy::new().unwrap()),
        )
        .await;
        assert!(refused(restored.map(|_| ())));
        assert!(store.store.meta().await.unwrap().is_none(), "nothing was written");
    }
}
