//! `tracktwo user`: accounts, by username.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Subcommand;
use tracktwo_app::App;
use tracktwo_config::Config;
use tracktwo_domain::{Identity, NewUser};

use super::open_app;
use crate::say::say;

#[derive(Subcommand)]
pub(super) enum UserCommand {
    /// Create an account with a password.
    Add {
        username: String,
        /// Display name.
        #[arg(long, value_name = "NAME", default_value = "")]
        name: String,
        /// Make the account a system administrator.
        #[arg(long)]
        admin: bool,
        /// A file holding the password; without it one is generated and shown once.
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
    },
    /// List accounts.
    List,
    /// Disable an account: its sessions end and its tokens stop working.
    Disable { username: String },
    /// Enable a disabled account again.
    Enable { username: String },
    /// Set a new password for an account; its sessions end and any lock is lifted.
    ResetPassword {
        username: String,
        /// A file holding the new password; without it one is generated and shown once.
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
    },
}

pub(super) async fn run(config: &Config, command: UserCommand) -> Result<()> {
    let app = open_app(config).await?;
    let key_holder = Identity::key_holder();
    match command {
        UserCommand::Add { username, name, admin, password_file } => {
            let (password, generated) = password_from(password_file.as_deref(), &app)?;
            let new = NewUser { username, display_name: name, is_admin: admin };
            let user = app.create_user_with_password(&key_holder, new, &password).await?;
            println!("{}", say!("cli-account-created", username = user.username, id = user.id.to_string()));
            if generated {
                println!("{}", say!("cli-password-shown-once", password = password));
            }
        }
        UserCommand::Disable { username } => {
            let user = app.user_by_username(&key_holder, &username).await?;
            app.set_user_disabled(&key_holder, user.id, true).await?;
            println!("{}", say!("cli-account-disabled", username = user.username));
        }
        UserCommand::Enable { username } => {
            let user = app.user_by_username(&key_holder, &username).await?;
            app.set_user_disabled(&key_holder, user.id, false).await?;
            println!("{}", say!("cli-account-enabled", username = user.username));
        }
        UserCommand::ResetPassword { username, password_file } => {
            let user = app.user_by_username(&key_holder, &username).await?;
            let (password, generated) = password_from(password_file.as_deref(), &app)?;
            app.reset_password(&key_holder, user.id, &password).await?;
            println!("{}", say!("cli-password-set", username = user.username));
            if generated {
                println!("{}", say!("cli-password-shown-once", password = password));
            }
        }
        UserCommand::List => {
            for user in app.users(&key_holder).await? {
                let flags = [(user.is_admin, "cli-account-flag-admin"), (user.disabled, "cli-account-flag-disabled")]
                    .iter()
                    .filter(|(on, _)| *on)
                    .map(|(_, id)| format!(" {}", crate::say::text(id, &[])))
                    .collect::<String>();
                println!("{}  {}  {}{flags}", user.id, user.username, user.display_name);
            }
        }
    }
    Ok(())
}

/// A password from a file (first line), or a generated one; says which.
pub(super) fn password_from(file: Option<&Path>, app: &App) -> Result<(String, bool)> {
    match file {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).with_context(|| say!("cli-cannot-read-password-file", path = path))?;
            Ok((text.trim_end_matches(['\n', '\r']).to_owned(), false))
        }
        None => Ok((app.generate_password(), true)),
    }
}
