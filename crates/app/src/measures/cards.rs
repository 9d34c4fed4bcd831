//! Answer cards: a random code per card, shown once when the cards are issued (to be printed),
//! kept in the store only as a digest keyed with the initiative's data key.

use tracktwo_crypto::DataKey;
use tracktwo_domain::QuestionnaireId;
use tracktwo_domain::questionnaire::Timing;

/// Random bytes in a code: 80 bits, sixteen characters of Crockford's base 32, far beyond
/// guessing through a rate-limited page.
const CODE_BYTES: usize = 10;

/// An answer card's code, as its holder types it. `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct AnswerCode([u8; CODE_BYTES]);

impl std::fmt::Debug for AnswerCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AnswerCode(<redacted>)")
    }
}

impl AnswerCode {
    pub(super) fn from_bytes(bytes: [u8; CODE_BYTES]) -> Self {
        Self(bytes)
    }

    /// Reads a code as typed: case, spaces and dashes do not matter, and the letters people
    /// mistake for digits (O, I, L) count as those digits. Anything else is no code.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let normalised: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            })
            .collect();
        if normalised.len() != 16 || !normalised.is_ascii() {
            return None;
        }
        let bytes = base32::decode(base32::Alphabet::Crockford, &normalised)?;
        let bytes: [u8; CODE_BYTES] = bytes.try_into().ok()?;
        // One spelling per code: a string that decodes but is not what encoding gives back (stray
        // low bits in the last character) is not one.
        (base32::encode(base32::Alphabet::Crockford, &bytes) == normalised).then_some(Self(bytes))
    }

    /// The code as printed: four groups of four characters.
    #[must_use]
    pub fn printed(&self) -> String {
        let plain = base32::encode(base32::Alphabet::Crockford, &self.0);
        plain.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
    }

    fn keyed(&self, key: &DataKey, field: &str, questionnaire: QuestionnaireId, extra: &[u8]) -> [u8; 32] {
        let mut value = questionnaire.as_uuid().as_bytes().to_vec();
        value.extend_from_slice(&self.0);
        value.extend_from_slice(extra);
        key.blind_index(field, &value)
    }

    /// The digest the questionnaire keeps for this card, and its answers name.
    pub(super) fn digest(&self, key: &DataKey, questionnaire: QuestionnaireId) -> String {
        hex::encode(self.keyed(key, "answer-card", questionnaire, &[]))
    }

    /// The identifier of this card's answer at `timing`: the same for the same code, so a second
    /// answer is refused by the store's primary key.
    pub(super) fn response_id(&self, key: &DataKey, questionnaire: QuestionnaireId, timing: Timing) -> uuid::Uuid {
        let hash = self.keyed(key, "answer-card-response", questionnaire, timing.as_str().as_bytes());
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&hash[..16]);
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

/// A card just issued: its code, shown this once, and where it is answered.
#[derive(Debug, Clone)]
pub struct IssuedCard {
    pub code: AnswerCode,
    pub side_name: String,
    /// The answering page's path, `/answer/{questionnaire}`.
    pub path: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_however_it_is_typed() {
        let code = AnswerCode([0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x01, 0xff]);
        let printed = code.printed();
        assert_eq!(printed.len(), 19);
        assert_eq!(AnswerCode::parse(&printed), Some(code.clone()));
        assert_eq!(AnswerCode::parse(&printed.to_lowercase().replace('-', " ")), Some(code.clone()));
        assert_eq!(AnswerCode::parse(&printed.replace('0', "O").replace('1', "l")), Some(code));
        assert_eq!(AnswerCode::parse("too short"), None);
        assert_eq!(AnswerCode::parse("UUUU-UUUU-UUUU-UUUU"), None);
    }
}
