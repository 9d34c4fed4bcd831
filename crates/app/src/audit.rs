//! The tamper-evident audit chain.
//!
//! Each event stores the MAC of the event before it and its own MAC, an HMAC-SHA-256 (under a key
//! derived from the master key) over its fields and that previous MAC. Whoever lacks the master
//! key, a database administrator included, cannot forge an event or re-link the chain, so an
//! edited, inserted, deleted or reordered event shows. The head (last sequence number and MAC)
//! is updated with every append, so a removed tail shows too.
//!
//! Limit: someone who can write to the database could roll the *whole* store back to an earlier
//! consistent state. `audit verify` prints the head so it can be noted elsewhere and compared.

use tracktwo_crypto::AuditKey;
use tracktwo_domain::AuditEvent;
use tracktwo_store::{AuditHead, AuditRow, UnauthenticRow, WriteTx, to_micros};

use crate::Result;

/// The bytes an event's MAC covers: every field, length-prefixed, and the previous MAC. The
/// sequence number is left out on purpose: order is carried by the links, and leaving it out
/// lets verification tell a reordering from an edit.
fn mac_input(row: &AuditRow) -> Vec<u8> {
    let mut out = b"tracktwo/audit/v1".to_vec();
    let at = to_micros(row.at).to_be_bytes();
    for field in [
        &at[..],
        row.actor.as_bytes(),
        row.action.as_bytes(),
        row.target_kind.as_bytes(),
        row.target_id.as_bytes(),
        &row.prev_mac,
    ] {
        out.extend_from_slice(&u32::try_from(field.len()).unwrap_or(u32::MAX).to_be_bytes());
        out.extend_from_slice(field);
    }
    out
}

/// Chains `event` after `head`.
#[must_use]
pub fn chain(key: &AuditKey, head: &AuditHead, event: &AuditEvent) -> AuditRow {
    let mut row = AuditRow {
        seq: head.seq + 1,
        at: event.at,
        actor: event.actor.clone(),
        action: event.action.as_str().to_owned(),
        target_kind: event.target.kind.as_str().to_owned(),
        target_id: event.target.id.clone(),
        prev_mac: head.mac.clone(),
        mac: Vec::new(),
    };
    row.mac = key.mac(&mac_input(&row)).to_vec();
    row
}

/// Whether one event's MAC holds, on its own (its link to the chain aside).
#[must_use]
pub fn is_authentic(key: &AuditKey, row: &AuditRow) -> bool {
    key.verify(&mac_input(row), &row.mac)
}

pub(crate) async fn append(tx: &mut dyn WriteTx, key: &AuditKey, event: &AuditEvent) -> Result<()> {
    let head = tx.audit_head().await?;
    tx.append_audit(&chain(key, &head, event)).await?;
    Ok(())
}

/// One problem found in the chain, named by the sequence numbers as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditFinding {
    /// The event's content no longer matches its MAC.
    Edited { seq: i64 },
    /// The event does not belong in the chain: forged, or an authentic event copied in.
    Inserted { seq: i64 },
    /// One or more events are missing just before this one.
    DeletedBefore { seq: i64 },
    /// Two neighbouring events are in each other's place.
    Swapped { first: i64, second: i64 },
    /// The chain ends before the recorded head: its last events were removed.
    TailRemoved { last_seq: i64, head_seq: i64 },
    /// A stored row (a session, a membership, an account…) fails its MAC: it was written or
    /// changed by someone without the key, and is refused wherever it is read.
    UnauthenticRow(UnauthenticRow),
    /// The anchor kept outside the store names an event the chain no longer holds: the tail was
    /// cut (and the head rewritten to match), or the whole store was rolled back.
    CutBeforeAnchor { anchored_seq: i64, head_seq: i64 },
    /// The anchor given was not written with this store's key.
    AnchorNotAuthentic,
}

impl std::fmt::Display for AuditFinding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AuditFinding::Edited { seq } => write!(f, "event #{seq} was edited: its content no longer matches its MAC"),
            AuditFinding::Inserted { seq } => write!(f, "event #{seq} was inserted: it does not belong in the chain"),
            AuditFinding::DeletedBefore { seq } => {
                write!(f, "one or more events were deleted just before event #{seq}")
            }
            AuditFinding::Swapped { first, second } => {
                write!(f, "events #{first} and #{second} were swapped: they are out of order")
            }
            AuditFinding::TailRemoved { last_seq, head_seq } => write!(
                f,
                "the chain ends at event #{last_seq} but the head records #{head_seq}: the last events were deleted"
            ),
            AuditFinding::CutBeforeAnchor { anchored_seq, head_seq } => write!(
                f,
                "the chain no longer holds event #{anchored_seq}, which the anchor kept outside the store records \
                 (the head is now #{head_seq}): its tail was cut or the store was rolled back"
            ),
            AuditFinding::AnchorNotAuthentic => {
                f.write_str("the anchor given was not written with this store's key; nothing was checked against it")
            }
            AuditFinding::UnauthenticRow(row) => {
                write!(f, "the row {row} fails its MAC: it was written or changed without the key, and is refused")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditReport {
    pub events: usize,
    pub head: AuditHead,
    pub findings: Vec<AuditFinding>,
}

impl AuditReport {
    #[must_use]
    pub fn is_intact(&self) -> bool {
        self.findings.is_empty()
    }
}

/// Checks a chain, as read in sequence order, against its head. Pure.
#[must_use]
pub fn verify(key: &AuditKey, rows: &[AuditRow], head: &AuditHead) -> AuditReport {
    let authentic = |row: &AuditRow| key.verify(&mac_input(row), &row.mac);
    let mut findings = Vec::new();
    let mut expected_prev = AuditHead::genesis().mac;
    let mut last_linked = AuditHead::genesis();
    let mut i = 0;
    while let Some(row) = rows.get(i) {
        let next = rows.get(i + 1);
        // Whether the rest of the chain continues from `mac` as if `row` were not there.
        let continues_from = |mac: &[u8]| next.map_or(head.mac == mac, |n| n.prev_mac == mac);
        let linked = row.prev_mac == expected_prev;
        if authentic(row) && linked {
            expected_prev.clone_from(&row.mac);
            last_linked = AuditHead { seq: row.seq, mac: row.mac.clone() };
            i += 1;
            continue;
        }
        if let Some(n) = next.filter(|n| authentic(row) && authentic(n))
            && n.prev_mac == expected_prev
            && row.prev_mac == n.mac
        {
            findings.push(AuditFinding::Swapped { first: row.seq, second: n.seq });
            expected_prev.clone_from(&row.mac);
            last_linked = AuditHead { seq: row.seq, mac: row.mac.clone() };
            i += 2;
            continue;
        }
        if continues_from(&expected_prev) {
            // The chain closes up around this row: it was put there.
            findings.push(AuditFinding::Inserted { seq: row.seq });
            i += 1;
            continue;
        } else if authentic(row) {
            findings.push(AuditFinding::DeletedBefore { seq: row.seq });
        } else {
            findings.push(AuditFinding::Edited { seq: row.seq });
        }
        expected_prev.clone_from(&row.mac);
        last_linked = AuditHead { seq: row.seq, mac: row.mac.clone() };
        i += 1;
    }
    // Sequence numbers are not authenticated (see `mac_input`), so only the MAC decides.
    if head.mac != expected_prev {
        findings.push(AuditFinding::TailRemoved { last_seq: last_linked.seq, head_seq: head.seq });
    }
    AuditReport { events: rows.len(), head: head.clone(), findings }
}

/// The chain's head as it stood at a moment, kept outside the store (beside the key file, or
/// wherever the key holder keeps it) so that a cut tail or a rolled-back store shows even when the
/// intruder rewrote the head inside the store to match. `receipt` is a MAC under the audit key,
/// so an anchor cannot be made up either.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AuditAnchor {
    pub seq: i64,
    #[serde(with = "hex_text")]
    pub mac: Vec<u8>,
    /// Microseconds since the Unix epoch.
    pub at_micros: i64,
    #[serde(with = "hex_text")]
    pub receipt: Vec<u8>,
}

mod hex_text {
    pub fn serialize<S: serde::Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&hex::encode(bytes))
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text: String = serde::Deserialize::deserialize(deserializer)?;
        hex::decode(text).map_err(serde::de::Error::custom)
    }
}

fn anchor_input(seq: i64, mac: &[u8], at_micros: i64) -> Vec<u8> {
    let mut out = b"tracktwo/audit-anchor/v1".to_vec();
    out.extend_from_slice(&seq.to_be_bytes());
    out.extend_from_slice(&at_micros.to_be_bytes());
    out.extend_from_slice(mac);
    out
}

/// Anchors `head` as of `at_micros`.
#[must_use]
pub fn anchor(key: &AuditKey, head: &AuditHead, at_micros: i64) -> AuditAnchor {
    AuditAnchor {
        seq: head.seq,
        mac: head.mac.clone(),
        at_micros,
        receipt: key.mac(&anchor_input(head.seq, &head.mac, at_micros)).to_vec(),
    }
}

/// What an anchor says of a chain: nothing when the anchored event is still there, with its MAC.
/// Pure.
#[must_use]
pub fn check_anchor(key: &AuditKey, rows: &[AuditRow], head: &AuditHead, anchor: &AuditAnchor) -> Option<AuditFinding> {
    if !key.verify(&anchor_input(anchor.seq, &anchor.mac, anchor.at_micros), &anchor.receipt) {
        return Some(AuditFinding::AnchorNotAuthentic);
    }
    // The genesis head (no event yet) is in every chain.
    if anchor.seq == 0 && anchor.mac == AuditHead::genesis().mac {
        return None;
    }
    let held = rows.iter().any(|row| row.mac == anchor.mac && is_authentic(key, row));
    (!held).then_some(AuditFinding::CutBeforeAnchor { anchored_seq: anchor.seq, head_seq: head.seq })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tracktwo_crypto::MasterKey;
    use tracktwo_domain::{AuditAction, AuditTarget, TargetKind};

    fn key() -> AuditKey {
        MasterKey::from_key_file_bytes(&[4; 32]).unwrap().audit_key()
    }

    fn chain_of(n: i64) -> (Vec<AuditRow>, AuditHead) {
        let key = key();
        let mut head = AuditHead::genesis();
        let mut rows = Vec::new();
        for i in 0..n {
            let event = AuditEvent {
                at: time::OffsetDateTime::UNIX_EPOCH + time::Duration::seconds(i),
                actor: format!("user:{i}"),
                action: AuditAction::NoteRead,
                target: AuditTarget::of(TargetKind::Note, i),
            };
            let row = chain(&key, &head, &event);
            head = AuditHead { seq: row.seq, mac: row.mac.clone() };
            rows.push(row);
        }
        (rows, head)
    }

    #[test]
    fn an_untouched_chain_is_intact() {
        let (rows, head) = chain_of(6);
        let report = verify(&key(), &rows, &head);
        assert!(report.is_intact(), "{:?}", report.findings);
        assert_eq!(report.events, 6);
        assert!(verify(&key(), &[], &AuditHead::genesis()).is_intact());
    }

    #[test]
    fn an_edit_is_named() {
        let (mut rows, head) = chain_of(6);
        rows[2].actor = "user:someone-else".into();
        assert_eq!(verify(&key(), &rows, &head).findings, [AuditFinding::Edited { seq: 3 }]);
    }

    #[test]
    fn a_deletion_is_named_with_or_without_renumbering() {
        let (mut rows, head) = chain_of(6);
        rows.remove(2);
        assert_eq!(verify(&key(), &rows, &head).findings, [AuditFinding::DeletedBefore { seq: 4 }]);
        for (i, row) in rows.iter_mut().enumerate() {
            row.seq = i64::try_from(i).unwrap() + 1;
        }
        assert_eq!(verify(&key(), &rows, &head).findings, [AuditFinding::DeletedBefore { seq: 3 }]);
    }

    #[test]
    fn an_insertion_is_named_whether_forged_or_copied() {
        let (rows, head) = chain_of(6);
        let mut forged = rows.clone();
        let mut fake = rows[1].clone();
        fake.actor = "user:intruder".into();
        fake.prev_mac = rows[1].mac.clone();
        forged.insert(2, fake);
        assert_eq!(verify(&key(), &forged, &head).findings, [AuditFinding::Inserted { seq: 2 }]);

        let mut copied = rows.clone();
        copied.insert(4, rows[0].clone());
        assert_eq!(verify(&key(), &copied, &head).findings, [AuditFinding::Inserted { seq: 1 }]);
    }

    #[test]
    fn a_swap_is_named() {
        let (mut rows, head) = chain_of(6);
        rows.swap(2, 3);
        let (a, b) = (rows[2].seq, rows[3].seq);
        assert_eq!(verify(&key(), &rows, &head).findings, [AuditFinding::Swapped { first: a, second: b }]);
    }

    #[test]
    fn a_removed_tail_is_named() {
        let (mut rows, head) = chain_of(6);
        rows.truncate(4);
        assert_eq!(verify(&key(), &rows, &head).findings, [AuditFinding::TailRemoved { last_seq: 4, head_seq: 6 }]);
    }

    #[test]
    fn an_anchor_names_a_tail_cut_with_its_head_rewritten() {
        let (rows, head) = chain_of(6);
        let kept = anchor(&key(), &AuditHead { seq: 5, mac: rows[4].mac.clone() }, 1);
        assert_eq!(check_anchor(&key(), &rows, &head, &kept), None);
        // The intruder deletes the last two events and moves the head back: the chain alone is
        // consistent again, the anchor is not.
        let cut = &rows[..4];
        let rewritten = AuditHead { seq: 4, mac: rows[3].mac.clone() };
        assert!(verify(&key(), cut, &rewritten).is_intact());
        assert_eq!(
            check_anchor(&key(), cut, &rewritten, &kept),
            Some(AuditFinding::CutBeforeAnchor { anchored_seq: 5, head_seq: 4 })
        );
        // An anchor made up without the key says nothing.
        let mut forged = kept.clone();
        forged.seq = 3;
        forged.mac.clone_from(&rows[2].mac);
        assert_eq!(check_anchor(&key(), &rows, &head, &forged), Some(AuditFinding::AnchorNotAuthentic));
        // The genesis anchor holds for any chain.
        assert_eq!(check_anchor(&key(), &[], &AuditHead::genesis(), &anchor(&key(), &AuditHead::genesis(), 0)), None);
    }

    #[test]
    fn another_key_finds_nothing_authentic() {
        let (rows, head) = chain_of(3);
        let other = MasterKey::from_key_file_bytes(&[5; 32]).unwrap().audit_key();
        assert!(!verify(&other, &rows, &head).is_intact());
    }
}
