//! Copies of the store: `backup` and `restore`, `keyring export`, and the decrypted `export`.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Result;
use clap::{Args, Subcommand};
use tracktwo_app::App;
use tracktwo_app::system::SystemClock;
use tracktwo_config::Config;
use tracktwo_domain::Identity;

use super::files::{futures_block, open_for_reading, write_atomically};
use super::{entropy, open_app};
use crate::say::say;
use crate::unlock::{open_store, unlock_from};

#[derive(Args)]
pub(super) struct BackupArgs {
    /// The backup file to write.
    file: PathBuf,
}

#[derive(Args)]
pub(super) struct RestoreArgs {
    /// The backup file to read.
    file: PathBuf,
    /// A keyring export holding the keys the backup needs (required for an empty store).
    #[arg(long, value_name = "FILE")]
    keyring: Option<PathBuf>,
    /// Replace the contents of a store that is not empty.
    #[arg(long)]
    force: bool,
}

#[derive(Subcommand)]
pub(super) enum KeyringCommand {
    /// Write the keyring, still wrapped by the master key, to a file. Keep it apart from backups.
    Export {
        /// The keyring file to write.
        file: PathBuf,
    },
}

#[derive(Args)]
pub(super) struct ExportArgs {
    /// The JSON file to write (created with owner-only permissions).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

pub(super) async fn backup(config: &Config, args: BackupArgs) -> Result<()> {
    let app = open_app(config).await?;
    let file = args.file;
    let mut summary = None;
    write_atomically(&file, |out| {
        summary = Some(futures_block(app.backup(&Identity::key_holder(), out))?);
        Ok(())
    })?;
    if let Some(s) = summary {
        println!(
            "{}",
            say!(
                "cli-backup-written",
                path = file,
                accounts = s.users,
                initiatives = s.initiatives,
                records = s.records
            )
        );
    }
    Ok(())
}

pub(super) async fn restore(config: &Config, args: RestoreArgs) -> Result<()> {
    let RestoreArgs { file, keyring, force } = args;
    let unlock = unlock_from(config)?;
    let store = open_store(config).await?;
    let mut backup = open_for_reading(&file)?;
    let mut keyring_reader = keyring.as_deref().map(open_for_reading).transpose()?;
    let report = App::restore(
        store,
        &unlock,
        &mut backup,
        keyring_reader.as_mut().map(|r| r as &mut dyn std::io::Read),
        force,
        Arc::new(SystemClock),
        entropy()?,
    )
    .await?;
    println!(
        "{}",
        say!(
            "cli-restored",
            accounts = report.users,
            initiatives = report.initiatives,
            events = report.audit_events,
            path = file
        )
    );
    if report.initiatives_without_key > 0 {
        println!("{}", say!("cli-restored-without-key", initiatives = report.initiatives_without_key));
    }
    Ok(())
}

pub(super) async fn keyring(config: &Config, command: KeyringCommand) -> Result<()> {
    let KeyringCommand::Export { file } = command;
    let app = open_app(config).await?;
    let mut count = 0;
    write_atomically(&file, |out| {
        count = futures_block(app.export_keyring(&Identity::key_holder(), out))?;
        Ok(())
    })?;
    println!("{}", say!("cli-keyring-written", keys = count, path = file));
    Ok(())
}

pub(super) async fn export(config: &Config, args: ExportArgs) -> Result<()> {
    let app = open_app(config).await?;
    let out = args.out;
    let mut summary = None;
    write_atomically(&out, |writer| {
        summary = Some(futures_block(app.export(&Identity::key_holder(), writer))?);
        Ok(())
    })?;
    if let Some(s) = summary {
        println!(
            "{}",
            say!(
                "cli-export-written",
                path = out,
                accounts = s.users,
                initiatives = s.initiatives,
                records = s.records
            )
        );
    }
    Ok(())
}
