//! Content hashes of drafts and clauses, over a canonical encoding of their words (not of how
//! they happen to be serialised), so a hash a side signed keeps its meaning across upgrades.

use sha2::{Digest, Sha256};

use super::draft::{Body, Clause, Draft, Replaces, Span};

/// SHA-256 of a draft's or a clause's canonical encoding.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ContentHash(pub [u8; 32]);

impl ContentHash {
    #[must_use]
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// The first 12 hex digits: enough to tell versions apart on a page.
    #[must_use]
    pub fn short(&self) -> String {
        self.to_hex()[..12].to_owned()
    }

    pub fn from_hex(text: &str) -> Option<Self> {
        let mut out = [0u8; 32];
        hex::decode_to_slice(text, &mut out).ok()?;
        Some(Self(out))
    }
}

impl std::fmt::Debug for ContentHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ContentHash({})", self.short())
    }
}

impl std::fmt::Display for ContentHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl serde::Serialize for ContentHash {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_hex())
    }
}

impl<'de> serde::Deserialize<'de> for ContentHash {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Self::from_hex(&text).ok_or_else(|| serde::de::Error::custom("not a SHA-256 hex digest"))
    }
}

/// Writes tagged, length-prefixed fields: no two different drafts encode alike.
struct Canonical(Sha256);

impl Canonical {
    fn tag(&mut self, tag: u8) {
        self.0.update([tag]);
    }
    fn number(&mut self, n: u64) {
        self.0.update(n.to_be_bytes());
    }
    fn text(&mut self, text: &str) {
        self.number(text.len() as u64);
        self.0.update(text.as_bytes());
    }
    fn spans(&mut self, spans: &[Span]) {
        self.number(spans.len() as u64);
        for span in spans {
            match span {
                Span::Words(w) => {
                    self.tag(b'w');
                    self.text(w);
                }
                Span::Bracketed(w) => {
                    self.tag(b'b');
                    self.text(w);
                }
                Span::Choice(ws) => {
                    self.tag(b'c');
                    self.number(ws.len() as u64);
                    for w in ws {
                        self.text(w);
                    }
                }
            }
        }
    }
    fn clause(&mut self, clause: &Clause) {
        self.number(u64::from(clause.id.0));
        self.text(&clause.heading);
        self.tag(u8::from(clause.ad_referendum));
        match &clause.body {
            Body::Text(spans) => {
                self.tag(b'T');
                self.spans(spans);
            }
            Body::Alternatives(alternatives) => {
                self.tag(b'A');
                self.number(alternatives.len() as u64);
                for alternative in alternatives {
                    self.text(&alternative.label);
                    self.spans(&alternative.text);
                    match &alternative.replaces {
                        Replaces::WholeClause => self.tag(b'W'),
                        Replaces::Words(words) => {
                            self.tag(b'R');
                            self.text(words);
                        }
                    }
                }
            }
        }
    }
    fn finish(self) -> ContentHash {
        ContentHash(self.0.finalize().into())
    }
}

/// The hash a side signs: the whole draft's words, structure and standing.
#[must_use]
pub fn draft_hash(draft: &Draft) -> ContentHash {
    let mut c = Canonical(Sha256::new());
    c.text("tracktwo negotiating text v1");
    c.text(&draft.title);
    c.text(&draft.preamble);
    c.number(draft.parts.len() as u64);
    for part in &draft.parts {
        c.number(u64::from(part.id.0));
        c.text(&part.heading);
        c.number(part.clauses.len() as u64);
        for clause in &part.clauses {
            c.clause(clause);
        }
    }
    c.finish()
}

/// A clause's own hash: what a translation records of the clause it renders.
#[must_use]
pub fn clause_hash(clause: &Clause) -> ContentHash {
    let mut c = Canonical(Sha256::new());
    c.text("tracktwo clause v1");
    c.clause(clause);
    c.finish()
}
