//! Compact serde representations for the backup format: bytes as hex, instants as
//! microseconds since the Unix epoch (the same resolution the databases keep).

pub mod hex_bytes {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&hex::encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        hex::decode(text.as_bytes()).map_err(serde::de::Error::custom)
    }
}

pub mod hex_array {
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8; 32], serializer: S) -> Result<S::Ok, S::Error> {
        super::hex_bytes::serialize(bytes, serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[u8; 32], D::Error> {
        super::hex_bytes::deserialize(deserializer)?
            .try_into()
            .map_err(|_| serde::de::Error::custom("expected 32 bytes"))
    }
}

/// The default of an instant a backup of an older format does not carry: the epoch, which is
/// in the past, so a missing expiry never reads as one far away.
#[must_use]
pub fn epoch() -> tracktwo_domain::Timestamp {
    tracktwo_domain::Timestamp::UNIX_EPOCH
}

pub mod micros {
    use serde::{Deserialize, Deserializer, Serializer};
    use tracktwo_domain::Timestamp;

    pub fn serialize<S: Serializer>(at: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(crate::to_micros(*at))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        crate::from_micros(i64::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

pub mod optional_micros {
    use serde::{Deserialize, Deserializer, Serializer};
    use tracktwo_domain::Timestamp;

    // serde's `with` hands the field by reference; the signature is not ours to choose.
    #[allow(clippy::ref_option)]
    pub fn serialize<S: Serializer>(at: &Option<Timestamp>, serializer: S) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => serializer.serialize_some(&crate::to_micros(*at)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Timestamp>, D::Error> {
        Option::<i64>::deserialize(deserializer)?
            .map(|micros| crate::from_micros(micros).map_err(serde::de::Error::custom))
            .transpose()
    }
}
