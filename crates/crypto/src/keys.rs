use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand_core::CryptoRng;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::CryptoError;

type HmacSha256 = Hmac<Sha256>;

/// Sealed values start with a version byte, so the layout can change without guessing.
///
/// Version 1: the plaintext as it is. Fields sealed before padding are in it, and it is still
/// what data keys are wrapped in: they are all 32 bytes, so their length tells nothing.
const UNPADDED: u8 = 1;
/// Version 2: the plaintext padded to its size bucket ([`padded_len`]), so that a ciphertext's
/// length no longer tells, say, "agree" from "disagree". The version byte is also bound as
/// associated data, so relabelling a value as the other version makes it fail to open instead of
/// opening with or without its padding.
const PADDED: u8 = 2;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
/// Ends the plaintext inside the padding (ISO/IEC 7816-4): the marker, then zeros.
const PAD_MARKER: u8 = 0x80;
/// Every value shorter than this seals to one length. Chosen to hold the short values whose
/// length would betray them, with room to spare: a vote's record (86 to 95 bytes of JSON today,
/// "disagree" three bytes longer than "agree"), a voter's, a name, a title, a label.
const MIN_BUCKET: usize = 256;

/// The length a plaintext of `len` bytes is padded to, its end marker included: [`MIN_BUCKET`]
/// for short values, Padmé above (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files
/// and Communication with PURBs", PETS 2019). Padmé rounds a length up to a multiple of a power of
/// two that grows with it, so that the padded length keeps only about log2 log2 n significant
/// bits: a length leaks O(log log n) bits, and padding costs at most 1/16 of it from 256 bytes up
/// (1/32 from 64 KiB), where powers of two would cost up to 100 % for little more hiding.
fn padded_len(len: usize) -> usize {
    let with_marker = len.saturating_add(1);
    if with_marker <= MIN_BUCKET {
        return MIN_BUCKET;
    }
    // floor(log2 L), and the number of bits needed to write it.
    let exponent = with_marker.ilog2();
    let exponent_bits = exponent.ilog2() + 1;
    let mask = (1usize << (exponent - exponent_bits)) - 1;
    // Above MIN_BUCKET the exponent is at least 8, so the shift is at least 4; and
    // XChaCha20-Poly1305 refuses anything near usize::MAX long before this could overflow.
    (with_marker + mask) & !mask
}

fn pad(plaintext: &[u8]) -> Zeroizing<Vec<u8>> {
    let mut padded = Zeroizing::new(Vec::with_capacity(padded_len(plaintext.len())));
    padded.extend_from_slice(plaintext);
    padded.push(PAD_MARKER);
    padded.resize(padded_len(plaintext.len()), 0);
    padded
}

/// Removes the padding of an authenticated plaintext. (It is not constant-time, and need not be:
/// it only ever sees plaintexts the AEAD has already authenticated, so it is no padding oracle.)
fn unpad(mut padded: Vec<u8>) -> Result<Vec<u8>, CryptoError> {
    let marker = padded.iter().rposition(|&b| b != 0).ok_or(CryptoError::Malformed)?;
    if padded[marker] != PAD_MARKER {
        return Err(CryptoError::Malformed);
    }
    padded.truncate(marker);
    Ok(padded)
}

fn hkdf_expand(ikm: &[u8], salt: &[u8], info: &[u8]) -> Zeroizing<[u8; 32]> {
    let hk = hkdf::Hkdf::<Sha256>::new(Some(salt), ikm);
    let mut out = Zeroizing::new([0u8; 32]);
    // 32 bytes is far below HKDF-SHA-256's limit of 255 * 32, so expansion cannot fail.
    hk.expand(info, out.as_mut()).unwrap_or_else(|_| unreachable!("32-byte HKDF output is always valid"));
    out
}

/// The associated data a version-2 value is sealed under: its version byte, then its place.
/// Places are table, column and id names in ASCII and key ids, never starting with byte 2, so
/// no version-1 value's associated data can equal a version-2 value's.
fn padded_aad(aad: &[u8]) -> Vec<u8> {
    let mut bound = Vec::with_capacity(1 + aad.len());
    bound.push(PADDED);
    bound.extend_from_slice(aad);
    bound
}

fn seal_with(
    key: &[u8; 32],
    version: u8,
    plaintext: &[u8],
    aad: &[u8],
    rng: &mut (impl CryptoRng + ?Sized),
) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(key.into());
    let mut nonce_bytes = [0u8; NONCE_LEN];
    rng.fill_bytes(&mut nonce_bytes);
    let nonce = XNonce::from(nonce_bytes);
    let ciphertext = match version {
        PADDED => cipher.encrypt(&nonce, Payload { msg: &pad(plaintext), aad: &padded_aad(aad) }),
        _ => cipher.encrypt(&nonce, Payload { msg: plaintext, aad }),
    }
    // XChaCha20-Poly1305 only fails for inputs beyond 256 GiB, which no field reaches.
    .unwrap_or_else(|_| unreachable!("plaintext within XChaCha20-Poly1305 limits"));
    let mut out = Vec::with_capacity(1 + NONCE_LEN + ciphertext.len());
    out.push(version);
    out.extend_from_slice(&nonce_bytes);
    out.extend_from_slice(&ciphertext);
    out
}

/// Opens a value of either version.
fn open_with(key: &[u8; 32], sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let (&version, rest) = sealed.split_first().ok_or(CryptoError::Malformed)?;
    if !matches!(version, UNPADDED | PADDED) || rest.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError::Malformed);
    }
    let (nonce_bytes, ciphertext) = rest.split_at(NONCE_LEN);
    let nonce = XNonce::try_from(nonce_bytes).map_err(|_| CryptoError::Malformed)?;
    let cipher = XChaCha20Poly1305::new(key.into());
    if version == PADDED {
        let padded = cipher
            .decrypt(&nonce, Payload { msg: ciphertext, aad: &padded_aad(aad) })
            .map_err(|_| CryptoError::Unauthentic)?;
        unpad(padded)
    } else {
        cipher.decrypt(&nonce, Payload { msg: ciphertext, aad }).map_err(|_| CryptoError::Unauthentic)
    }
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

    /// The costliest parameters a store, backup or keyring file may ask for: four times the
    /// master key's memory and iterations. The parameters travel in the clear in a backup's
    /// header, so a hostile file could otherwise make a restore allocate gigabytes and run for
    /// hours before its first byte is authenticated.
    pub const MAX: KdfParams = KdfParams { memory_kib: 256 * 1024, iterations: 12, parallelism: 16 };

    /// The longest salt accepted (tracktwo writes 16 bytes).
    pub const SALT_MAX: usize = 64;

    /// Refuses parameters (and a salt) beyond [`Self::MAX`] before any work is done on them.
    pub fn check(&self, salt: &[u8]) -> Result<(), CryptoError> {
        let max = Self::MAX;
        if self.memory_kib > max.memory_kib || self.iterations > max.iterations || self.parallelism > max.parallelism {
            return Err(CryptoError::InvalidKdfParams(format!(
                "the file asks for {} KiB, {} iterations and {} lanes; at most {} KiB, {} iterations and {} lanes are accepted",
                self.memory_kib, self.iterations, self.parallelism, max.memory_kib, max.iterations, max.parallelism
            )));
        }
        if salt.len() > Self::SALT_MAX {
            return Err(CryptoError::InvalidKdfParams(format!(
                "the salt is {} bytes; at most {} are accepted",
                salt.len(),
                Self::SALT_MAX
            )));
        }
        Ok(())
    }
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
        params.check(salt)?;
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
        // Unpadded: every data key is 32 bytes, so there is no length to hide.
        seal_with(&self.subkey(b"key wrapping"), UNPADDED, data_key.0.as_ref(), label, rng)
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
    /// ciphertext moved to another record or field fails to open. The plaintext is padded to its
    /// size bucket first: every value under 256 bytes seals to the same 297 bytes, and longer ones
    /// are padded by at most 1/16 of their length (see `padded_len`).
    pub fn seal(&self, plaintext: &[u8], aad: &[u8], rng: &mut (impl CryptoRng + ?Sized)) -> Vec<u8> {
        seal_with(&self.0, PADDED, plaintext, aad, rng)
    }

    /// Opens a sealed value: padded ones, and the unpadded ones sealed before padding was added.
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

/// HMAC-SHA-256 under a derived key.
pub(crate) fn hmac_sha256(key: &[u8; 32], message: &[u8]) -> [u8; 32] {
    let mut mac = <HmacSha256 as hmac::KeyInit>::new_from_slice(key).unwrap_or_else(|_| unreachable!("any key length"));
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// Whether `tag` is the HMAC-SHA-256 of `message`, compared in constant time so timing tells a
/// forger nothing about a tag's prefix.
pub(crate) fn hmac_sha256_matches(key: &[u8; 32], message: &[u8], tag: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    bool::from(hmac_sha256(key, message).as_slice().ct_eq(tag))
}

impl AuditKey {
    #[must_use]
    pub fn mac(&self, message: &[u8]) -> [u8; 32] {
        hmac_sha256(&self.0, message)
    }

    #[must_use]
    pub fn verify(&self, message: &[u8], tag: &[u8]) -> bool {
        hmac_sha256_matches(&self.0, message, tag)
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

    /// Every value under 256 bytes seals to one length; above, padding costs at most 1/16.
    #[test]
    fn sealed_lengths_fall_into_size_buckets() {
        let mut rng = Counter(3);
        let key = DataKey::generate(&mut rng);
        let mut sealed_len = |n: usize| key.seal(&vec![b'v'; n], b"votes/body/1", &mut rng).len();
        let short = sealed_len(0);
        assert_eq!(short, 1 + NONCE_LEN + MIN_BUCKET + TAG_LEN);
        for n in 1..MIN_BUCKET {
            assert_eq!(sealed_len(n), short, "a value of {n} bytes");
        }
        assert!(sealed_len(MIN_BUCKET) > short, "a value of 256 bytes needs the next bucket");

        let mut buckets = std::collections::BTreeSet::new();
        let mut previous = 0;
        for n in (0..=1 << 20).step_by(61).chain([(1 << 20) - 1, 1 << 20, (1 << 20) + 1]) {
            let padded = padded_len(n);
            assert!(padded > n, "room for the marker at {n}");
            assert!(padded >= previous, "bucket lengths grow with the value");
            previous = padded;
            if n >= MIN_BUCKET {
                // Padmé's bound: under 2^-(floor(log2 log2 L) + 1) of the length L, 1/16 from 256 up.
                assert!((padded - n - 1) * 16 < n + 1, "padding {n} to {padded} costs 1/16 or more");
            }
            buckets.insert(padded);
        }
        // A megabyte's worth of lengths falls into few buckets: the length tells little.
        assert!(buckets.len() < 400, "{} buckets below 1 MiB", buckets.len());
        assert_eq!(padded_len(1_000_000), 1_015_808, "Padmé of 1,000,001 bytes with its marker");
    }

    #[test]
    fn padded_values_round_trip_exactly() {
        let mut rng = Counter(4);
        let key = DataKey::generate(&mut rng);
        // Values ending in the marker or in zeros, which the padding must not eat.
        let mut values: Vec<Vec<u8>> = vec![Vec::new(), vec![0], vec![0x80], vec![1, 0x80, 0, 0], vec![0; 300]];
        values.extend([255, 256, 257, 4095, 4096, 70_000].map(|n| (0..n).map(|i| (i % 251) as u8).collect()));
        for value in values {
            let sealed = key.seal(&value, b"notes/body/1", &mut rng);
            assert_eq!(sealed[0], PADDED);
            assert_eq!(key.open(&sealed, b"notes/body/1").unwrap(), value, "{} bytes", value.len());
        }
    }

    /// A value sealed by the code before padding: the key, place and bytes it wrote then.
    const UNPADDED_SAMPLE: &str = "01a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7baa3977a6049a1833a89f24c7cd15dfbc9c2\
        3dc2aff8100fa429717008006290366f82166e6c5f3003e199285057fd242f64b5b8b4a590cdafe4ad8c";
    const SAMPLE_PLACE: &[u8] = b"notes/body/7d0c5e3a-2f51-4c39-9a57-0b6a1f2e9c44";

    fn sample_key() -> DataKey {
        DataKey(Zeroizing::new(core::array::from_fn(|i| u8::try_from(i).unwrap() * 7 + 3)))
    }

    #[test]
    fn values_sealed_before_padding_still_open() {
        let sealed = hex::decode(UNPADDED_SAMPLE).unwrap();
        assert_eq!(sealed[0], UNPADDED);
        let key = sample_key();
        assert_eq!(key.open(&sealed, SAMPLE_PLACE).unwrap(), b"The Upper Vale agrees to a joint commission.");
        assert_eq!(key.open(&sealed, b"notes/body/another"), Err(CryptoError::Unauthentic));
    }

    #[test]
    fn a_value_relabelled_as_the_other_version_does_not_open() {
        let key = sample_key();
        let mut old = hex::decode(UNPADDED_SAMPLE).unwrap();
        old[0] = PADDED;
        assert_eq!(key.open(&old, SAMPLE_PLACE), Err(CryptoError::Unauthentic));
        let mut new = key.seal(b"agree", SAMPLE_PLACE, &mut Counter(5));
        new[0] = UNPADDED;
        assert_eq!(key.open(&new, SAMPLE_PLACE), Err(CryptoError::Unauthentic));
        new[0] = 3;
        assert_eq!(key.open(&new, SAMPLE_PLACE), Err(CryptoError::Malformed));
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
        // Data keys are all 32 bytes: wrapped, they stay unpadded.
        assert_eq!((wrapped[0], wrapped.len()), (UNPADDED, 1 + NONCE_LEN + 32 + TAG_LEN));
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
    fn kdf_parameters_beyond_the_bounds_are_refused_before_any_work() {
        // Each of these would allocate gigabytes or run for hours if Argon2 were given them.
        let hostile = [
            KdfParams { memory_kib: u32::MAX, iterations: 1, parallelism: 1 },
            KdfParams { memory_kib: 64, iterations: u32::MAX, parallelism: 1 },
            KdfParams { memory_kib: 64, iterations: 1, parallelism: 1 << 20 },
            KdfParams { memory_kib: KdfParams::MAX.memory_kib + 1, ..KdfParams::MAX },
        ];
        for params in hostile {
            let error = MasterKey::from_passphrase("correct horse", b"0123456789abcdef", params).unwrap_err();
            assert!(matches!(error, CryptoError::InvalidKdfParams(_)), "{params:?}: {error}");
        }
        let long_salt = [0u8; KdfParams::SALT_MAX + 1];
        let cheap = KdfParams { memory_kib: 64, iterations: 1, parallelism: 1 };
        assert!(matches!(
            MasterKey::from_passphrase("correct horse", &long_salt, cheap),
            Err(CryptoError::InvalidKdfParams(_))
        ));
        assert!(KdfParams::MASTER_KEY.check(&[0u8; 16]).is_ok() && KdfParams::MAX.check(&[0u8; 16]).is_ok());
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
