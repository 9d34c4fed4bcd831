//! Sealing and opening of individual fields. Each ciphertext is bound to its place (table,
//! column, record id) through the AEAD's associated data, so a value copied into another record
//! or field is rejected rather than shown out of context.

use tracktwo_crypto::DataKey;
use tracktwo_store::Sealed;

use crate::{App, AppError, EntropyRng, Result, lock_entropy};

/// Where a sealed value lives.
#[derive(Clone, Copy)]
pub(crate) struct Place<'a> {
    pub table: &'static str,
    pub column: &'static str,
    pub id: &'a dyn std::fmt::Display,
}

fn aad(place: Place<'_>) -> Vec<u8> {
    format!("tracktwo/{}/{}/{}", place.table, place.column, place.id).into_bytes()
}

impl App {
    pub(crate) fn seal_bytes(&self, key: &DataKey, place: Place<'_>, bytes: &[u8]) -> Sealed {
        let mut guard = lock_entropy(&self.entropy);
        Sealed(key.seal(bytes, &aad(place), &mut EntropyRng(&mut **guard)))
    }

    pub(crate) fn open_bytes(&self, key: &DataKey, place: Place<'_>, sealed: &Sealed) -> Result<Vec<u8>> {
        key.open(&sealed.0, &aad(place)).map_err(|_| AppError::Tampered)
    }

    pub(crate) fn seal_field(&self, key: &DataKey, place: Place<'_>, text: &str) -> Sealed {
        self.seal_bytes(key, place, text.as_bytes())
    }

    pub(crate) fn open_field(&self, key: &DataKey, place: Place<'_>, sealed: &Sealed) -> Result<String> {
        String::from_utf8(self.open_bytes(key, place, sealed)?).map_err(|_| AppError::Tampered)
    }

    /// Seals a value encoded as JSON, as one body: a record whose fields are sealed together
    /// (a map record, a sealed record of `sealed_records`).
    pub(crate) fn seal_json<T: serde::Serialize>(&self, key: &DataKey, place: Place<'_>, value: &T) -> Result<Sealed> {
        let bytes = zeroize::Zeroizing::new(
            serde_json::to_vec(value)
                .map_err(|e| AppError::Archive(crate::ArchiveError::CannotEncode(e.to_string())))?,
        );
        Ok(self.seal_bytes(key, place, &bytes))
    }
}

macro_rules! place {
    ($table:literal . $column:literal @ $id:expr) => {
        $crate::sealing::Place { table: $table, column: $column, id: &$id }
    };
}
pub(crate) use place;
