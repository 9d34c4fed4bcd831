//! The key that authenticates stored rows: sessions, tokens, memberships, account and
//! second-factor state, secret-channel flags, and the scope and parent of sealed records. Access
//! decisions read those columns in plaintext; a MAC under this key, which never reaches the
//! database, is what makes a row written by someone without the key fail instead of being obeyed.

use zeroize::Zeroizing;

use crate::MasterKey;
use crate::keys::{hmac_sha256, hmac_sha256_matches};

pub struct RowKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for RowKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RowKey(<redacted>)")
    }
}

impl MasterKey {
    /// Derived apart from the audit key, so neither MAC can stand in for the other.
    #[must_use]
    pub fn row_key(&self) -> RowKey {
        RowKey(self.subkey(b"row authentication"))
    }
}

impl RowKey {
    /// HMAC-SHA-256 of a row's canonical bytes.
    #[must_use]
    pub fn mac(&self, canonical: &[u8]) -> [u8; 32] {
        hmac_sha256(&self.0, canonical)
    }

    /// Constant-time comparison.
    #[must_use]
    pub fn verify(&self, canonical: &[u8], tag: &[u8]) -> bool {
        hmac_sha256_matches(&self.0, canonical, tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn master(byte: u8) -> MasterKey {
        MasterKey::from_key_file_bytes(&[byte; 40]).unwrap()
    }

    #[test]
    fn a_row_mac_holds_only_for_its_bytes_and_its_key() {
        let key = master(9).row_key();
        let tag = key.mac(b"members|i|u|participant|side-a");
        assert!(key.verify(b"members|i|u|participant|side-a", &tag));
        assert!(!key.verify(b"members|i|u|convener|side-a", &tag));
        assert!(!key.verify(b"members|i|u|participant|side-a", &tag[..31]));
        assert!(!master(8).row_key().verify(b"members|i|u|participant|side-a", &tag));
        // Not the audit key under another name.
        assert_ne!(tag, master(9).audit_key().mac(b"members|i|u|participant|side-a"));
        assert_eq!(format!("{key:?}"), "RowKey(<redacted>)");
    }
}
