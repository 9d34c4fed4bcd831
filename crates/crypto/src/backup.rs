//! Backup files are encrypted with the STREAM construction (Hoang, Reyhanitabar, Rogaway,
//! Vizár) over XChaCha20-Poly1305, so a backup of any size is written and read in bounded memory,
//! and truncation, reordering or a flipped "last chunk" marker are all detected.
//!
//! File layout: `MAGIC | version (1) | salt (32) | stream nonce (19) | context length (2) |
//! context | frames…`, each frame `last (1) | length (4, big-endian) | ciphertext`. The context
//! is what a reader needs before it can derive the key (such as a passphrase store's salt); it is
//! not secret, and the whole header is authenticated as associated data of every frame.

use aead_stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::XChaCha20Poly1305;
use chacha20poly1305::aead::Payload;
use rand_core::CryptoRng;

use crate::{CryptoError, MasterKey};

const MAGIC: &[u8; 16] = b"TRACKTWO-BACKUP\n";
const FORMAT_VERSION: u8 = 1;
const SALT_LEN: usize = 32;
const STREAM_NONCE_LEN: usize = 19;
const FRAME_HEADER_LEN: usize = 5;
const TAG_LEN: usize = 16;

/// Plaintext bytes per frame.
pub const BACKUP_CHUNK_LEN: usize = 64 * 1024;

/// The unencrypted start of a backup file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupHeader {
    salt: [u8; SALT_LEN],
    nonce: [u8; STREAM_NONCE_LEN],
    context: Vec<u8>,
}

impl BackupHeader {
    /// The fixed-size start of the header, up to and including the context length.
    pub const PREFIX_LEN: usize = MAGIC.len() + 1 + SALT_LEN + STREAM_NONCE_LEN + 2;

    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(Self::PREFIX_LEN + self.context.len());
        out.extend_from_slice(MAGIC);
        out.push(FORMAT_VERSION);
        out.extend_from_slice(&self.salt);
        out.extend_from_slice(&self.nonce);
        let len = u16::try_from(self.context.len()).unwrap_or_else(|_| unreachable!("context checked at creation"));
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(&self.context);
        out
    }

    /// Recognises the start of a tracktwo backup and says how many context bytes follow it.
    pub fn context_len(prefix: &[u8]) -> Result<usize, CryptoError> {
        if prefix.len() < Self::PREFIX_LEN || &prefix[..MAGIC.len()] != MAGIC {
            return Err(CryptoError::Malformed);
        }
        if prefix[MAGIC.len()] != FORMAT_VERSION {
            return Err(CryptoError::Malformed);
        }
        Ok(usize::from(u16::from_be_bytes([prefix[Self::PREFIX_LEN - 2], prefix[Self::PREFIX_LEN - 1]])))
    }

    /// Parses a whole header (prefix and context); anything else is [`CryptoError::Malformed`].
    pub fn parse(bytes: &[u8]) -> Result<Self, CryptoError> {
        let context_len = Self::context_len(bytes)?;
        if bytes.len() != Self::PREFIX_LEN + context_len {
            return Err(CryptoError::Malformed);
        }
        let rest = &bytes[MAGIC.len() + 1..Self::PREFIX_LEN - 2];
        let (salt, nonce) = rest.split_at(SALT_LEN);
        Ok(Self {
            salt: salt.try_into().map_err(|_| CryptoError::Malformed)?,
            nonce: nonce.try_into().map_err(|_| CryptoError::Malformed)?,
            context: bytes[Self::PREFIX_LEN..].to_vec(),
        })
    }

    /// The unencrypted, authenticated context written at creation.
    #[must_use]
    pub fn context(&self) -> &[u8] {
        &self.context
    }
}

/// Encrypts a backup frame by frame.
pub struct BackupEncryptor {
    stream: EncryptorBE32<XChaCha20Poly1305>,
    header: BackupHeader,
    aad: Vec<u8>,
}

impl BackupEncryptor {
    /// Starts a backup. `context` (at most 1 KiB) is stored unencrypted but authenticated.
    pub fn new(master: &MasterKey, context: &[u8], rng: &mut (impl CryptoRng + ?Sized)) -> Result<Self, CryptoError> {
        if context.len() > 1024 {
            return Err(CryptoError::Malformed);
        }
        let mut salt = [0u8; SALT_LEN];
        let mut nonce = [0u8; STREAM_NONCE_LEN];
        rng.fill_bytes(&mut salt);
        rng.fill_bytes(&mut nonce);
        let key = master.backup_key(&salt);
        let stream = EncryptorBE32::new((&*key).into(), (&nonce).into());
        let header = BackupHeader { salt, nonce, context: context.to_vec() };
        let aad = header.to_bytes();
        Ok(Self { stream, header, aad })
    }

    #[must_use]
    pub fn header(&self) -> &BackupHeader {
        &self.header
    }

    /// Encrypts one chunk that is not the last.
    pub fn frame(&mut self, plaintext: &[u8]) -> Vec<u8> {
        let ciphertext = self
            .stream
            .encrypt_next(Payload { msg: plaintext, aad: &self.aad })
            .unwrap_or_else(|_| unreachable!("chunk within limits; 2^32 chunks is 256 TiB"));
        framed(false, &ciphertext)
    }

    /// Encrypts the final chunk (possibly empty) and closes the stream.
    pub fn last_frame(self, plaintext: &[u8]) -> Vec<u8> {
        let ciphertext = self
            .stream
            .encrypt_last(Payload { msg: plaintext, aad: &self.aad })
            .unwrap_or_else(|_| unreachable!("chunk within limits"));
        framed(true, &ciphertext)
    }
}

fn framed(last: bool, ciphertext: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(FRAME_HEADER_LEN + ciphertext.len());
    out.push(u8::from(last));
    let len = u32::try_from(ciphertext.len()).unwrap_or_else(|_| unreachable!("frames are 64 KiB"));
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(ciphertext);
    out
}

/// Decrypts a backup frame by frame.
pub struct BackupDecryptor {
    stream: Option<DecryptorBE32<XChaCha20Poly1305>>,
    aad: Vec<u8>,
}

impl BackupDecryptor {
    pub fn new(master: &MasterKey, header: &BackupHeader) -> Self {
        let key = master.backup_key(&header.salt);
        Self { stream: Some(DecryptorBE32::new((&*key).into(), (&header.nonce).into())), aad: header.to_bytes() }
    }

    /// Parses a frame header: whether it is the last frame, and how many ciphertext bytes follow.
    pub fn parse_frame_header(bytes: &[u8; 5]) -> Result<(bool, usize), CryptoError> {
        let last = match bytes[0] {
            0 => false,
            1 => true,
            _ => return Err(CryptoError::Malformed),
        };
        let len = u32::from_be_bytes([bytes[1], bytes[2], bytes[3], bytes[4]]) as usize;
        if !(TAG_LEN..=BACKUP_CHUNK_LEN + TAG_LEN).contains(&len) {
            return Err(CryptoError::Malformed);
        }
        Ok((last, len))
    }

    /// Decrypts one frame's ciphertext. After the last frame nothing more is accepted.
    pub fn open(&mut self, last: bool, ciphertext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        if last {
            let stream = self.stream.take().ok_or(CryptoError::Malformed)?;
            stream.decrypt_last(Payload { msg: ciphertext, aad: &self.aad }).map_err(|_| CryptoError::Unauthentic)
        } else {
            let stream = self.stream.as_mut().ok_or(CryptoError::Malformed)?;
            stream.decrypt_next(Payload { msg: ciphertext, aad: &self.aad }).map_err(|_| CryptoError::Unauthentic)
        }
    }

    /// True once the last frame has been opened; a file that ends before that is truncated.
    #[must_use]
    pub fn is_finished(&self) -> bool {
        self.stream.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed(u8);
    impl rand_core::TryRng for Fixed {
        type Error = std::convert::Infallible;
        fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
            Ok(u32::from(self.0))
        }
        fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
            Ok(u64::from(self.0))
        }
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
            dst.fill(self.0);
            Ok(())
        }
    }
    impl rand_core::TryCryptoRng for Fixed {}

    fn frames(master: &MasterKey) -> (Vec<u8>, Vec<Vec<u8>>) {
        let mut enc = BackupEncryptor::new(master, b"key-file", &mut Fixed(5)).unwrap();
        let header = enc.header().to_bytes();
        let first = enc.frame(b"first chunk");
        let last = enc.last_frame(b"last chunk");
        (header, vec![first, last])
    }

    fn open_all(master: &MasterKey, header: &[u8], frames: &[Vec<u8>]) -> Result<Vec<u8>, CryptoError> {
        let mut dec = BackupDecryptor::new(master, &BackupHeader::parse(header)?);
        let mut out = Vec::new();
        for frame in frames {
            let head: [u8; 5] = frame[..5].try_into().unwrap();
            let (last, len) = BackupDecryptor::parse_frame_header(&head)?;
            assert_eq!(len, frame.len() - 5);
            out.extend(dec.open(last, &frame[5..])?);
        }
        if !dec.is_finished() {
            return Err(CryptoError::Malformed);
        }
        Ok(out)
    }

    #[test]
    fn a_backup_stream_round_trips_and_detects_tampering() {
        let master = MasterKey::from_key_file_bytes(&[1; 32]).unwrap();
        let (header, frames) = frames(&master);
        assert_eq!(open_all(&master, &header, &frames).unwrap(), b"first chunklast chunk");

        let truncated = &frames[..1];
        assert!(open_all(&master, &header, truncated).is_err());

        let swapped = vec![frames[1].clone(), frames[0].clone()];
        assert!(open_all(&master, &header, &swapped).is_err());

        let mut flipped = frames.clone();
        flipped[0][0] = 1;
        assert!(open_all(&master, &header, &flipped).is_err());

        let other = MasterKey::from_key_file_bytes(&[2; 32]).unwrap();
        assert_eq!(open_all(&other, &header, &frames), Err(CryptoError::Unauthentic));
        assert_eq!(BackupHeader::parse(&header).unwrap().context(), b"key-file");
        let mut altered_context = header.clone();
        *altered_context.last_mut().unwrap() ^= 1;
        assert_eq!(open_all(&master, &altered_context, &frames), Err(CryptoError::Unauthentic));
        let not_a_backup = b"SQLite format 3\0 and more bytes.........................................";
        assert_eq!(BackupHeader::context_len(not_a_backup), Err(CryptoError::Malformed));
    }
}
