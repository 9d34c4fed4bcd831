//! The audit anchor file: the chain's head kept outside the store, beside the key file, so a
//! tail cut from the chain (with the head inside the store rewritten to match) still shows.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use tracktwo_app::{App, AppError, AuditAnchor};
use tracktwo_domain::Identity;

use crate::say::say;

/// How often a running server renews the anchor. An intruder who cuts the tail between two
/// renewals and also stops the server before the next loses at most this much to `verify`.
pub const RENEWAL: Duration = Duration::from_secs(300);

/// The anchor at `path`, or none if there is no file yet.
pub fn read(path: &Path) -> Result<Option<AuditAnchor>> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map(Some).with_context(|| say!("cli-not-an-anchor", path = path)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| say!("cli-cannot-read-anchor", path = path)),
    }
}

/// Writes the anchor atomically, readable by its owner only.
pub fn write(path: &Path, anchor: &AuditAnchor) -> Result<()> {
    crate::cli::write_atomically(path, |out| {
        serde_json::to_writer_pretty(&mut *out, anchor).context(say!("cli-cannot-write-anchor"))?;
        out.write_all(b"\n").context(say!("cli-cannot-write-anchor"))
    })
}

/// Renews the anchor once, unless the chain no longer holds the event the kept one names: then
/// the kept anchor stays as evidence and the refusal is logged.
pub async fn renew(app: &App, path: &Path) -> Result<()> {
    let previous = read(path)?;
    match app.audit_anchor(&Identity::key_holder(), previous.as_ref()).await {
        Ok(anchor) => write(path, &anchor),
        Err(AppError::Tampered) => {
            tracing::error!(
                anchor = %path.display(),
                "the audit chain no longer holds the anchored event: its tail was cut or the store rolled back; \
                 the anchor is kept as evidence (run `tracktwo audit verify`)"
            );
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

/// Renews the anchor every [`RENEWAL`] while the server runs.
pub fn keep_renewing(app: Arc<App>, path: PathBuf) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(RENEWAL);
        loop {
            every.tick().await;
            if let Err(e) = renew(&app, &path).await {
                tracing::error!(anchor = %path.display(), "cannot renew the audit anchor: {e:#}");
            }
        }
    })
}
