//! The format a store was born at, recorded in the first event of its audit chain.
//!
//! Opening an older store upgrades it once, trusting what it finds: a store of format 1 has every
//! row MACed as it stands, a store of format 2 has its tokens given an expiry. The format is a
//! plain column, so someone who can write to the database but holds no key could set it back and
//! insert forged rows for the next opening to vouch for. A store that was upgraded carries the
//! upgrade's event in its chain and is refused; a store created at a later format was never
//! upgraded, and an event recorded after its creation could be cut from the chain's tail (the
//! stored head rewritten to match). So [`App::init`](crate::App::init) records the format in the
//! chain's first event, which no cut of the tail reaches and no one without the key can forge,
//! and every upgrade asks it first: a store that was born at a format cannot be older than it.
//!
//! Stores created before the format was recorded have an empty target in their first event and
//! are taken at their stored format, as before.

use tracktwo_crypto::AuditKey;
use tracktwo_domain::{AuditAction, AuditTarget, TargetKind};
use tracktwo_store::{AuditHead, AuditRow};

use crate::{AppError, Result, audit};

/// The first event's target: the store, named by the format it was born at.
pub(crate) fn genesis_target(born_at: i64) -> AuditTarget {
    AuditTarget::of(TargetKind::Store, born_at)
}

/// Refuses ([`AppError::Tampered`]) a store whose chain does not show that it may be of `format`:
/// its first event, in chain order (the one linked to the empty head), must be an authentic
/// `store.initialised`, and must not record a format after `format`.
pub(crate) fn check_born_by(key: &AuditKey, events: &[AuditRow], format: i64) -> Result<()> {
    let start = AuditHead::genesis().mac;
    // Chain order, not sequence numbers: those are not authenticated.
    let first = events.iter().find(|event| event.prev_mac == start && audit::is_authentic(key, event));
    let Some(first) = first else {
        return Err(AppError::Tampered);
    };
    if first.action != AuditAction::StoreInitialised.as_str() || first.target_kind != TargetKind::Store.as_str() {
        return Err(AppError::Tampered);
    }
    if first.target_id.is_empty() {
        // Born before the format was recorded.
        return Ok(());
    }
    match first.target_id.parse::<i64>() {
        Ok(born_at) if born_at <= format => Ok(()),
        _ => Err(AppError::Tampered),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tracktwo_crypto::MasterKey;
    use tracktwo_domain::AuditEvent;

    fn key() -> AuditKey {
        MasterKey::from_key_file_bytes(&[7; 32]).unwrap().audit_key()
    }

    fn chain_from(key: &AuditKey, events: &[(AuditAction, AuditTarget)]) -> Vec<AuditRow> {
        let mut head = AuditHead::genesis();
        let mut rows = Vec::new();
        for (action, target) in events {
            let event = AuditEvent {
                at: time::OffsetDateTime::UNIX_EPOCH,
                actor: "key-holder".into(),
                action: *action,
                target: target.clone(),
            };
            let row = audit::chain(key, &head, &event);
            head = AuditHead { seq: row.seq, mac: row.mac.clone() };
            rows.push(row);
        }
        rows
    }

    fn born(target: AuditTarget) -> Vec<AuditRow> {
        chain_from(
            &key(),
            &[
                (AuditAction::StoreInitialised, target),
                (AuditAction::UserCreated, AuditTarget::of(TargetKind::User, 1)),
            ],
        )
    }

    #[test]
    fn a_store_is_never_older_than_it_was_born() {
        for format in 1..=3 {
            for born_at in 1..=3 {
                let allowed = check_born_by(&key(), &born(genesis_target(born_at)), format).is_ok();
                assert_eq!(allowed, born_at <= format, "born at {born_at}, claimed {format}");
            }
            // Stores of before recorded no format: their stored one stands.
            assert!(check_born_by(&key(), &born(AuditTarget::store()), format).is_ok());
        }
    }

    #[test]
    fn a_genesis_missing_forged_or_of_another_kind_refuses() {
        let chain = born(genesis_target(1));
        // Deleted: the next event does not start the chain.
        assert!(matches!(check_born_by(&key(), &chain[1..], 3), Err(AppError::Tampered)));
        // Relinked to the start: its MAC no longer holds.
        let mut relinked = chain[1].clone();
        relinked.prev_mac = AuditHead::genesis().mac;
        assert!(matches!(check_born_by(&key(), &[relinked], 3), Err(AppError::Tampered)));
        // Edited to say it was born earlier.
        let mut edited = born(genesis_target(3));
        edited[0].target_id = "1".into();
        assert!(matches!(check_born_by(&key(), &edited, 1), Err(AppError::Tampered)));
        // Written under another key.
        let other = MasterKey::from_key_file_bytes(&[8; 32]).unwrap().audit_key();
        let foreign = chain_from(&other, &[(AuditAction::StoreInitialised, AuditTarget::store())]);
        assert!(matches!(check_born_by(&key(), &foreign, 1), Err(AppError::Tampered)));
        // An authentic first event that is not the store's creation.
        let not_genesis = chain_from(&key(), &[(AuditAction::UserCreated, AuditTarget::store())]);
        assert!(matches!(check_born_by(&key(), &not_genesis, 1), Err(AppError::Tampered)));
        // An empty chain.
        assert!(matches!(check_born_by(&key(), &[], 1), Err(AppError::Tampered)));
        // Sequence numbers do not decide which event is first.
        let mut renumbered = born(genesis_target(1));
        renumbered.reverse();
        assert!(check_born_by(&key(), &renumbered, 1).is_ok());
    }
}
