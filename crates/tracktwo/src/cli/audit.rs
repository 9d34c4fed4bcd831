//! `tracktwo audit`: verify the chain, and anchor its head outside the store.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use tracktwo_app::{App, AuditFinding};
use tracktwo_config::Config;
use tracktwo_domain::Identity;

use super::open_app;
use crate::say::{fail, say};

#[derive(Subcommand)]
pub(super) enum AuditCommand {
    /// Verify the audit chain; exits non-zero and names each problem if it was tampered with.
    /// With an anchor (--anchor, or the one kept beside the key file), a cut tail shows even if
    /// the head inside the store was rewritten to match.
    Verify {
        /// An anchor written by `audit anchor` or by the server [default: beside the key file].
        #[arg(long, value_name = "FILE")]
        anchor: Option<PathBuf>,
    },
    /// Write the chain's head, with a receipt under the store's key, to a file kept outside the
    /// store, and print it; keep a copy elsewhere too (mail it to yourself, print it).
    Anchor {
        /// Where to write it [default: beside the key file, or TRACKTWO_AUDIT_ANCHOR_FILE].
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

pub(super) async fn run(config: &Config, command: AuditCommand) -> Result<ExitCode> {
    let app = open_app(config).await?;
    match command {
        AuditCommand::Anchor { out } => anchor(&app, config, out).await,
        AuditCommand::Verify { anchor } => verify(&app, config, anchor).await,
    }
}

async fn anchor(app: &App, config: &Config, out: Option<PathBuf>) -> Result<ExitCode> {
    let path = out.or_else(|| config.audit_anchor_path()).context(say!("cli-no-place-for-anchor"))?;
    let previous = crate::anchor::read(&path)?;
    let anchor = match app.audit_anchor(&Identity::key_holder(), previous.as_ref()).await {
        Err(tracktwo_app::AppError::Tampered) => bail!(fail!("cli-anchor-lost", path = path)),
        other => other?,
    };
    crate::anchor::write(&path, &anchor)?;
    println!("{}", say!("cli-anchored", seq = anchor.seq, mac = hex_prefix(&anchor.mac), path = path));
    println!("{}", serde_json::to_string(&anchor).context(say!("cli-cannot-show-anchor"))?);
    Ok(ExitCode::SUCCESS)
}

async fn verify(app: &App, config: &Config, anchor: Option<PathBuf>) -> Result<ExitCode> {
    let key_holder = Identity::key_holder();
    let anchor_path = anchor.clone().or_else(|| config.audit_anchor_path());
    let kept = match &anchor_path {
        Some(path) => crate::anchor::read(path)?,
        None => None,
    };
    if anchor.is_some() && kept.is_none() {
        bail!(fail!("cli-no-anchor-at", path = anchor_path.as_deref().unwrap_or(Path::new(""))));
    }
    let report = match &kept {
        Some(kept) => app.verify_audit_against(&key_holder, kept).await?,
        None => app.verify_audit(&key_holder).await?,
    };
    let head = hex_prefix(&report.head.mac);
    if report.is_intact() {
        println!("{}", say!("cli-audit-intact", events = report.events, seq = report.head.seq, mac = head));
        if let (Some(kept), Some(path)) = (&kept, &anchor_path) {
            println!("{}", say!("cli-audit-holds-anchor", seq = kept.seq, path = path));
        }
        Ok(ExitCode::SUCCESS)
    } else {
        println!("{}", say!("cli-audit-tampered", problems = report.findings.len(), events = report.events));
        for finding in &report.findings {
            println!("- {}", finding_said(finding));
        }
        Ok(ExitCode::FAILURE)
    }
}

/// A problem found in the chain, in the operator's language. Sequence numbers are written as
/// stored (ASCII digits), so they can be looked up as they are printed.
fn finding_said(finding: &AuditFinding) -> String {
    match finding {
        AuditFinding::Edited { seq } => say!("cli-audit-edited", seq = seq.to_string()),
        AuditFinding::Inserted { seq } => say!("cli-audit-inserted", seq = seq.to_string()),
        AuditFinding::DeletedBefore { seq } => say!("cli-audit-deleted-before", seq = seq.to_string()),
        AuditFinding::Swapped { first, second } => {
            say!("cli-audit-swapped", first = first.to_string(), second = second.to_string())
        }
        AuditFinding::TailRemoved { last_seq, head_seq } => {
            say!("cli-audit-tail-removed", last = last_seq.to_string(), head = head_seq.to_string())
        }
        AuditFinding::CutBeforeAnchor { anchored_seq, head_seq } => {
            say!("cli-audit-cut-before-anchor", anchored = anchored_seq.to_string(), head = head_seq.to_string())
        }
        AuditFinding::AnchorNotAuthentic => say!("cli-audit-anchor-not-authentic"),
        AuditFinding::UnauthenticRow(row) => say!("cli-audit-unauthentic-row", row = row.to_string()),
    }
}

fn hex_prefix(bytes: &[u8]) -> String {
    bytes.iter().take(8).map(|b| format!("{b:02x}")).collect()
}
