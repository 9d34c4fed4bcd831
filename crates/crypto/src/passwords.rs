//! Account passwords (Argon2id, OWASP's recommended parameters) and the secrets of browser
//! sessions.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use hmac::{Hmac, Mac};
use rand_core::CryptoRng;
use sha2::Sha256;

use crate::CryptoError;

/// OWASP's recommended Argon2id configuration: 19 MiB, two passes, one lane.
const MEMORY_KIB: u32 = 19 * 1024;
const ITERATIONS: u32 = 2;
const PARALLELISM: u32 = 1;

fn argon2() -> argon2::Argon2<'static> {
    let params = argon2::Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .unwrap_or_else(|_| unreachable!("the OWASP parameters are valid"));
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
}

/// Hashes a password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
pub fn hash_password(password: &str, rng: &mut (impl CryptoRng + ?Sized)) -> Result<String, CryptoError> {
    let mut salt = [0u8; 16];
    rng.fill_bytes(&mut salt);
    argon2()
        .hash_password_with_salt(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| CryptoError::InvalidKdfParams(e.to_string()))
}

/// Checks a password against a PHC string; a malformed hash never verifies.
#[must_use]
pub fn verify_password(password: &str, phc: &str) -> bool {
    argon2().verify_password(password.as_bytes(), phc).is_ok()
}

/// A hash of nothing anyone knows, verified against when an account does not exist, so that
/// answering takes as long as for a real account and does not reveal which usernames exist.
pub const DECOY_PASSWORD_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$dHJhY2t0d28tZGVjb3k$Bb5pbxQx1B3rlqXxQ7mAPe4z3x8o7R3nZfX8p9mS0lI";

/// A fresh random secret for a session cookie or an access token: 256 bits, hex.
pub fn new_session_secret(rng: &mut (impl CryptoRng + ?Sized)) -> String {
    let mut bytes = [0u8; 32];
    rng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The anti-CSRF token of a session: an HMAC of a fixed label under the session's own secret.
/// It needs no storage, differs per session, and cannot be computed without the cookie.
#[must_use]
pub fn csrf_token(session_secret: &str) -> String {
    let mut mac = <Hmac<Sha256> as hmac::KeyInit>::new_from_slice(session_secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(b"tracktwo csrf v1");
    hex::encode(mac.finalize().into_bytes())
}

/// Compares a presented anti-CSRF token with the session's, in constant time.
#[must_use]
pub fn csrf_token_matches(session_secret: &str, presented: &str) -> bool {
    use subtle::ConstantTimeEq;
    bool::from(csrf_token(session_secret).as_bytes().ct_eq(presented.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed;
    impl rand_core::TryRng for Fixed {
        type Error = std::convert::Infallible;
        fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
            Ok(7)
        }
        fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
            Ok(7)
        }
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
            dst.fill(7);
            Ok(())
        }
    }
    impl rand_core::TryCryptoRng for Fixed {}

    #[test]
    fn passwords_verify_only_themselves() {
        let hash = hash_password("correct horse battery staple", &mut Fixed).unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify_password("correct horse battery staple", &hash));
        assert!(!verify_password("correct horse battery stapl", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn the_decoy_hash_is_well_formed_and_opens_for_no_likely_password() {
        assert!(argon2::password_hash::phc::PasswordHash::new(DECOY_PASSWORD_HASH).is_ok());
        assert!(!verify_password("", DECOY_PASSWORD_HASH));
        assert!(!verify_password("password", DECOY_PASSWORD_HASH));
    }

    #[test]
    fn csrf_tokens_belong_to_their_session() {
        let a = new_session_secret(&mut Fixed);
        assert_eq!(a.len(), 64);
        assert!(csrf_token_matches(&a, &csrf_token(&a)));
        assert!(!csrf_token_matches(&a, &csrf_token("another session")));
        assert!(!csrf_token_matches(&a, ""));
    }
}
