//! The key hierarchy and every cryptographic operation tracktwo performs, built only from
//! RustCrypto primitives (XChaCha20-Poly1305, HKDF-SHA-256, HMAC-SHA-256, Argon2id, STREAM).
//!
//! ```text
//! key file (>= 32 random bytes) --HKDF--\
//!                                        > MasterKey --HKDF--> key-wrapping key --wraps--> DataKey (one per compartment)
//! passphrase --Argon2id(salt)-----------/           \--HKDF--> audit key (MACs the audit chain)
//!                                                   \--HKDF--> row key (MACs the rows access decisions read)
//!                                                   \--HKDF(salt)--> backup key (STREAM over the backup file)
//! DataKey --XChaCha20-Poly1305--> sealed field values;  DataKey --HKDF--> blind-index key --HMAC--> equality lookups
//! ```
//!
//! Pure: no I/O, no clock. Randomness is always a parameter, so callers decide where it comes
//! from and tests can make it repeatable. Key material is zeroised on drop and never printed.

mod backup;
mod keys;
mod passwords;
mod row_key;

pub use backup::{BACKUP_CHUNK_LEN, BackupDecryptor, BackupEncryptor, BackupHeader};
pub use keys::{AuditKey, DataKey, KdfParams, MasterKey, TokenDigest};
pub use passwords::{
    DECOY_PASSWORD_HASH, csrf_token, csrf_token_matches, hash_password, new_session_secret, verify_password,
};
pub use rand_core::CryptoRng;
pub use row_key::RowKey;

/// Everything that can go wrong in this crate. No variant carries key material or plaintext.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("the key file holds {found} bytes; at least 32 random bytes are needed")]
    KeyFileTooShort { found: usize },
    #[error("the passphrase is empty")]
    EmptyPassphrase,
    #[error("key derivation parameters are invalid: {0}")]
    InvalidKdfParams(String),
    #[error("a sealed value failed authentication (wrong key, or the data was altered)")]
    Unauthentic,
    #[error("a sealed value is malformed")]
    Malformed,
}
