//! Row authentication: the application's half.
//!
//! The store computes each row's canonical bytes; this guard, holding the row key derived from
//! the master key, MACs them on every write and checks them on every read (see
//! `tracktwo_store::RowAuthenticator`). A row that fails is refused where it is read, and recorded
//! here; the next transaction the application opens first appends one `store.row-refused` event
//! per refused row to the audit chain, in a transaction of its own, because the transaction that
//! met the row is rolled back with the refusal.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};

use tracktwo_crypto::RowKey;
use tracktwo_domain::{AuditAction, AuditTarget, Identity, TargetKind};
use tracktwo_store::{FORMAT_WITH_ROW_MACS, RowAuthenticator, UnauthenticRow, WriteTx};

use crate::{App, AppError, Result, audit};

pub(crate) struct RowGuard {
    key: RowKey,
    refusals: Mutex<Refusals>,
}

#[derive(Default)]
struct Refusals {
    /// Refused and not yet in the audit chain.
    pending: Vec<UnauthenticRow>,
    /// Already recorded (or pending): a forged row met by every request is recorded once per
    /// process, not once per request, so it cannot bury the chain.
    seen: HashSet<UnauthenticRow>,
}

impl RowGuard {
    pub(crate) fn new(key: RowKey) -> Self {
        Self { key, refusals: Mutex::new(Refusals::default()) }
    }

    fn take_pending(&self) -> Vec<UnauthenticRow> {
        std::mem::take(&mut self.refusals.lock().unwrap_or_else(PoisonError::into_inner).pending)
    }

    /// Puts refusals back when recording them failed, so a later transaction tries again.
    fn restore_pending(&self, rows: Vec<UnauthenticRow>) {
        self.refusals.lock().unwrap_or_else(PoisonError::into_inner).pending.extend(rows);
    }
}

impl RowAuthenticator for RowGuard {
    fn mac(&self, canonical: &[u8]) -> [u8; 32] {
        self.key.mac(canonical)
    }

    fn verify(&self, canonical: &[u8], mac: &[u8]) -> bool {
        self.key.verify(canonical, mac)
    }

    fn refused(&self, row: &UnauthenticRow) {
        let mut refusals = self.refusals.lock().unwrap_or_else(PoisonError::into_inner);
        if refusals.seen.insert(row.clone()) {
            refusals.pending.push(row.clone());
        }
    }
}

/// A credential (session or token) whose row, or whose account's row, fails its MAC was not
/// issued by tracktwo: it is answered as an unknown one, like any credential never issued. The
/// refusal itself is recorded by the guard.
pub(crate) fn unknown_if_forged(error: AppError) -> AppError {
    match error {
        AppError::Tampered => AppError::Unauthenticated,
        other => other,
    }
}

impl App {
    /// Opens a store transaction whose rows are MACed and checked with the row key. Refusals
    /// met by earlier transactions are recorded first.
    pub(crate) async fn begin(&self) -> Result<Box<dyn WriteTx>> {
        self.record_refusals().await?;
        Ok(self.store.begin(Arc::clone(&self.rows) as Arc<dyn RowAuthenticator>).await?)
    }

    /// What checks the rows of a snapshot taken beneath the application (tests and tools that
    /// inspect a store's raw contents).
    #[must_use]
    pub fn row_authenticator(&self) -> &dyn RowAuthenticator {
        self.rows.as_ref()
    }

    async fn record_refusals(&self) -> Result<()> {
        let pending = self.rows.take_pending();
        if pending.is_empty() {
            return Ok(());
        }
        let recorded = async {
            let mut tx = self.store.begin(Arc::clone(&self.rows) as Arc<dyn RowAuthenticator>).await?;
            for row in &pending {
                let target = AuditTarget::of(TargetKind::StoredRow, row);
                self.record(tx.as_mut(), &Identity::key_holder(), AuditAction::RowRefused, target).await?;
            }
            tx.commit().await?;
            Ok::<_, AppError>(())
        }
        .await;
        if recorded.is_err() {
            self.rows.restore_pending(pending);
        }
        recorded
    }

    /// Brings a store of format 1 to row MACs (and its tokens to an expiry), once. If the audit
    /// chain already records that this was done, or its first event records that the store was
    /// born at a later format (or that event is missing or forged), the format was set back by
    /// someone without the key — to have forged rows vouched for by the next opening — and the
    /// store is refused instead, with nothing written.
    /// Whether the stored format is already the one with row MACs.
    async fn sealed_by_now(&self) -> Result<bool> {
        Ok(self.store.meta().await?.is_some_and(|meta| meta.format_version >= FORMAT_WITH_ROW_MACS))
    }

    pub(crate) async fn seal_access_state(&self) -> Result<()> {
        let mut tx = self.begin().await?;
        // Another process (the server beside a command) may have sealed it while this one
        // waited for the writer: that is done, not a format set back.
        if self.sealed_by_now().await? {
            return Ok(());
        }
        let events = tx.audit_events().await?;
        // Only a store born before row MACs may be of the format before them.
        crate::genesis::check_born_by(&self.audit_key, &events, FORMAT_WITH_ROW_MACS - 1)?;
        let sealed_before = events.iter().any(|event| {
            event.action == AuditAction::AccessStateSealed.as_str() && audit::is_authentic(&self.audit_key, event)
        });
        if sealed_before {
            // Where a writer does not wait for another (PostgreSQL), the other process may have
            // committed its sealing after the format was read above and before the chain was:
            // its format, committed with its event, is then there to read.
            if self.sealed_by_now().await? {
                return Ok(());
            }
            return Err(AppError::Tampered);
        }
        tx.seal_access_state(self.expiry_for_tokens_of_before()).await?;
        self.record(tx.as_mut(), &Identity::key_holder(), AuditAction::AccessStateSealed, AuditTarget::store()).await?;
        tx.commit().await?;
        Ok(())
    }
}
