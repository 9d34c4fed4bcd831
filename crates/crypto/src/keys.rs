use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand_core::CryptoRng;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::CryptoError;

type HmacSha256 = Hmac<Sha256>;

/// Sealed values start with this byte so the format can change without guessing.
const SEAL_VERSION: u8 = 1;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;

fn hkdf_expand(ikm: &[u8], salt: &[u8], info: &[u8]) -> Zeroizing<[u8; 32]> {
    let hk = hkdf::Hkdf::<Sha256>::new(Some(salt), ikm);
    let mut out = Zeroizing::new([0u8; 32]);
    // 32 bytes is far below HKDF-SHA-256's limit of 255 * 32, so expansion cannot fail.
    hk.expand(info, out.as_mut()).unwrap_or_else(|_| unreachable!("32-byte HKDF output is always valid"));
    out
}

fn seal_with(key: &[u8; 32], plaintext: &[u8], aad: &[u8], rng: &mut (impl CryptoRng + ?Sized)) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(key.into());
    let mut nonce_bytes = [0u8; NONCE_LEN];
    rng.fill_bytes(&mut nonce_bytes);
    let nonce = XNonce::from(nonce_bytes);
    let ciphertext = cipher
        .encrypt(&nonce, Payload { msg: plaintext, aad })
        // XChaCha20-Poly1305 only fails for inputs beyond 256 GiB, which no field reaches.
        .unwrap_or_else(|_| unreachable!("plaintext within XChaCha20-Poly1305 limits"));
    let mut out = Vec::with_capacity(1 + NONCE_LEN + ciphertext.len());
    out.push(SEAL_VERSION);
    out.extend_from_slice(&nonce_bytes);
    out.extend_from_slice(&ciphertext);
    out
}

fn open_with(key: &[u8; 32], sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let (version, rest) = sealed.split_first().ok_or(CryptoError::Malformed)?;
    if *version != SEAL_VERSION || rest.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError::Malformed);
    }
    let (nonce_bytes, ciphertext) = rest.split_at(NONCE_LEN);
    let nonce = XNonce::try_from(nonce_bytes).map_err(|_| CryptoError::Malformed)?;
    XChaCha20Poly1305::new(key.into())
        .decrypt(&nonce, Payload { msg: ciphertext, aad })
        .map_err(|_| CryptoError::Unauthentic)
}

/// Argon2id cost parameters, stored beside the salt so a store stays openable if the defaults
/// change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfParams {
    /// Stronger than OWASP's minimum for Argon2id (19 MiB, t=2): a master key is derived once per
    /// process start, not per request, so it can afford more.
    pub const MASTER_KEY: KdfParams = KdfParams { memory_kib: 64 * 1024, iterations: 3, parallelism: 1 };
}

/// The root of the hierarchy. It never touches disk: it is derived at start from a key file or a
/// passphrase, and only keys it wraps are stored.
pub struct MasterKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MasterKey(<redacted>)")
    }
}

impl MasterKey {
    /// Derives the master key from the bytes of a key file: any file with at least 32 random
    /// bytes. HKDF accepts any length and spreads the entropy evenly.
    pub fn from_key_file_bytes(bytes: &[u8]) -> Result<Self, CryptoError> {
        if bytes.len() < 32 {
            return Err(CryptoError::KeyFileTooShort { found: bytes.len() });
        }
        Ok(Self(hkdf_expand(bytes, b"tracktwo/key-file/v1", b"master key")))
    }

    /// Derives the master key from a passphrase with Argon2id.
    pub fn from_passphrase(passphrase: &str, salt: &[u8], params: KdfParams) -> Result<Self, CryptoError> {
        if passphrase.is_empty() {
            return Err(CryptoError::EmptyPassphrase);
        }
        let argon_params = argon2::Params::new(params.memory_kib, params.iterations, params.parallelism, Some(32))
            .map_err(|e| CryptoError::InvalidKdfParams(e.to_string()))?;
        let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, argon_params);
        let mut out = Zeroizing::new([0u8; 32]);
        argon
            .hash_password_into(passphrase.as_bytes(), salt, out.as_mut())
            .map_err(|e| CryptoError::InvalidKdfParams(e.to_string()))?;
        Ok(Self(out))
    }

    pub(crate) fn subkey(&self, purpose: &[u8]) -> Zeroizing<[u8; 32]> {
        hkdf_expand(self.0.as_ref(), b"tracktwo/master/v1", purpose)
    }

    /// A value stored with the store so the wrong key is recognised at once, before anything is
    /// decrypted. It reveals nothing about the key (HMAC output under a derived key).
    #[must_use]
    pub fn check_value(&self) -> [u8; 32] {
        let key = self.subkey(b"key check");
        let mut mac = <HmacSha256 as hmac::KeyInit>::new_from_slice(key.as_ref())
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(b"tracktwo key check");
        mac.finalize().into_bytes().into()
    }

    /// Constant-time comparison against a stored check value.
    #[must_use]
    pub fn matches_check_value(&self, stored: &[u8]) -> bool {
        use subtle::ConstantTimeEq;
        bool::from(self.check_value().as_slice().ct_eq(stored))
    }

    /// Wraps a data key for storage. `label` binds the wrapped key to its slot (its key id), so a
    /// wrapped key copied into another slot does not open.
    pub fn wrap(&self, data_key: &DataKey, label: &[u8], rng: &mut (impl CryptoRng + ?Sized)) -> Vec<u8> {
        seal_with(&self.subkey(b"key wrapping"), data_key.0.as_ref(), label, rng)
    }

    pub fn unwrap(&self, wrapped: &[u8], label: &[u8]) -> Result<DataKey, CryptoError> {
        let bytes = Zeroizing::new(open_with(&self.subkey(b"key wrapping"), wrapped, label)?);
        let key: [u8; 32] = bytes.as_slice().try_into().map_err(|_| CryptoError::Malformed)?;
        Ok(DataKey(Zeroizing::new(key)))
    }

    #[must_use]
    pub fn audit_key(&self) -> AuditKey {
        AuditKey(self.subkey(b"audit chain"))
    }

    pub(crate) fn backup_key(&self, salt: &[u8]) -> Zeroizing<[u8; 32]> {
        let base = self.subkey(b"backup");
        hkdf_expand(base.as_ref(), salt, b"backup file")
    }
}

/// A compartment's data key. Destroying the wrapped copy destroys every record sealed with it.
pub struct DataKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(<redacted>)")
    }
}

impl DataKey {
    pub fn generate(rng: &mut (impl CryptoRng + ?Sized)) -> Self {
        let mut key = Zeroizing::new([0u8; 32]);
        rng.fill_bytes(key.as_mut());
        Self(key)
    }

    /// Seals one value. `aad` names where the value lives (table, column, record id) so a
    /// ciphertext moved to another record or field fails to open.
    pub fn seal(&self, plaintext: &[u8], aad: &[u8], rng: &mut (impl CryptoRng + ?Sized)) -> Vec<u8> {
        seal_with(&self.0, plaintext, aad, rng)
    }

    pub fn open(&self, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, CryptoError> {
        open_with(&self.0, sealed, aad)
    }

    /// A keyed hash for equality lookups on a sealed field. Without the key it cannot be
    /// computed, so a dictionary of likely names tells an attacker nothing.
    #[must_use]
    pub fn blind_index(&self, field: &str, value: &[u8]) -> [u8; 32] {
        let key = hkdf_expand(self.0.as_ref(), b"tracktwo/blind-index/v1", field.as_bytes());
        let mut mac = <HmacSha256 as hmac::KeyInit>::new_from_slice(key.as_ref())
            .unwrap_or_else(|_| unreachable!("any key length"));
        mac.update(value);
        mac.finalize().into_bytes().into()
    }
}

/// The key that MACs the audit chain. Without it nobody can forge a consistent chain, so even an
/// administrator of the database server cannot rewrite history unnoticed.
pub struct AuditKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(<redacted>)")
    }
}

impl AuditKey {
    #[must_use]
    pub fn mac(&self, message: &[u8]) -> [u8; 32] {
        let mut mac = <HmacSha256 as hmac::KeyInit>::new_from_slice(self.0.as_ref())
            .unwrap_or_else(|_| unreachable!("any key length"));
        mac.update(message);
        mac.finalize().into_bytes().into()
    }

    #[must_use]
    pub fn verify(&self, message: &[u8], tag: &[u8]) -> bool {
        use subtle::ConstantTimeEq;
        bool::from(self.mac(message).as_slice().ct_eq(tag))
    }
}

/// SHA-256 of a high-entropy secret (an access token). Tokens are random, so a plain hash is
/// enough to make the stored value useless to a thief; no per-token salt is needed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct TokenDigest(pub [u8; 32]);

impl TokenDigest {
    #[must_use]
    pub fn of(secret: &str) -> Self {
        Self(Sha256::digest(secret.as_bytes()).into())
    }
}

impl std::fmt::Debug for TokenDigest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenDigest(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic generator for tests only: the crate takes randomness as a parameter.
    struct Counter(u8);
    impl rand_core::TryRng for Counter {
        type Error = std::convert::Infallible;
        fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
            Ok(u32::from(self.next()))
        }
        fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
            Ok(u64::from(self.next()))
        }
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
            for b in dst {
                *b = self.next();
            }
            Ok(())
        }
    }
    impl rand_core::TryCryptoRng for Counter {}
    impl Counter {
        fn next(&mut self) -> u8 {
            self.0 = self.0.wrapping_add(37);
            self.0
        }
    }

    fn master() -> MasterKey {
        MasterKey::from_key_file_bytes(&[9u8; 40]).unwrap()
    }

    #[test]
    fn sealed_values_open_only_with_the_same_key_and_place() {
        let mut rng = Counter(0);
        let key = DataKey::generate(&mut rng);
        let sealed = key.seal(b"CANARY", b"people/name/1", &mut rng);
        assert!(!sealed.windows(6).any(|w| w == b"CANARY"));
        assert_eq!(key.open(&sealed, b"people/name/1").unwrap(), b"CANARY");
        assert_eq!(key.open(&sealed, b"people/name/2"), Err(CryptoError::Unauthentic));
        let other = DataKey::generate(&mut rng);
        assert_eq!(other.open(&sealed, b"people/name/1"), Err(CryptoError::Unauthentic));
        let mut tampered = sealed.clone();
        *tampered.last_mut().unwrap() ^= 1;
        assert_eq!(key.open(&tampered, b"people/name/1"), Err(CryptoError::Unauthentic));
        assert_eq!(key.open(&[1, 2, 3], b""), Err(CryptoError::Malformed));
    }

    #[test]
    fn wrapped_keys_are_bound_to_their_master_and_slot() {
        let mut rng = Counter(1);
        let data_key = DataKey::generate(&mut rng);
        let wrapped = master().wrap(&data_key, b"key-1", &mut rng);
        let unwrapped = master().unwrap(&wrapped, b"key-1").unwrap();
        let sealed = data_key.seal(b"x", b"", &mut rng);
        assert_eq!(unwrapped.open(&sealed, b"").unwrap(), b"x");
        assert!(master().unwrap(&wrapped, b"key-2").is_err());
        let other = MasterKey::from_key_file_bytes(&[8u8; 40]).unwrap();
        assert!(other.unwrap(&wrapped, b"key-1").is_err());
    }

    #[test]
    fn key_files_must_hold_32_bytes_and_check_values_tell_keys_apart() {
        assert_eq!(MasterKey::from_key_file_bytes(&[1; 31]).unwrap_err(), CryptoError::KeyFileTooShort { found: 31 });
        let other = MasterKey::from_key_file_bytes(&[8u8; 40]).unwrap();
        assert!(master().matches_check_value(&master().check_value()));
        assert!(!other.matches_check_value(&master().check_value()));
    }

    #[test]
    fn passphrases_derive_stable_keys_per_salt() {
        let cheap = KdfParams { memory_kib: 64, iterations: 1, parallelism: 1 };
        let a = MasterKey::from_passphrase("correct horse", b"0123456789abcdef", cheap).unwrap();
        let b = MasterKey::from_passphrase("correct horse", b"0123456789abcdef", cheap).unwrap();
        let c = MasterKey::from_passphrase("correct horse", b"fedcba9876543210", cheap).unwrap();
        assert!(a.matches_check_value(&b.check_value()));
        assert!(!a.matches_check_value(&c.check_value()));
        assert_eq!(
            MasterKey::from_passphrase("", b"0123456789abcdef", cheap).unwrap_err(),
            CryptoError::EmptyPassphrase
        );
    }

    #[test]
    fn blind_indexes_are_keyed_and_separated_by_field() {
        let mut rng = Counter(2);
        let key = DataKey::generate(&mut rng);
        let other = DataKey::generate(&mut rng);
        assert_eq!(key.blind_index("username", b"amira"), key.blind_index("username", b"amira"));
        assert_ne!(key.blind_index("username", b"amira"), key.blind_index("email", b"amira"));
        assert_ne!(key.blind_index("username", b"amira"), other.blind_index("username", b"amira"));
    }

    #[test]
    fn debug_never_prints_key_material() {
        assert_eq!(format!("{:?}", master()), "MasterKey(<redacted>)");
        assert_eq!(format!("{:?}", master().audit_key()), "AuditKey(<redacted>)");
    }
}
