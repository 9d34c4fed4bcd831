//! `tracktwo init`: a new, empty store, and optionally its first administrator.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Result;
use clap::Args;
use tracktwo_app::App;
use tracktwo_app::system::SystemClock;
use tracktwo_config::Config;
use tracktwo_crypto::KdfParams;
use tracktwo_domain::{Identity, NewUser};

use super::entropy;
use super::user::password_from;
use crate::say::say;
use crate::unlock::{open_store, unlock_from};

#[derive(Args)]
pub(super) struct InitArgs {
    /// Username of the first administrator.
    #[arg(long, value_name = "USERNAME")]
    admin: Option<String>,
    /// Display name of the first administrator.
    #[arg(long, value_name = "NAME", requires = "admin")]
    admin_name: Option<String>,
    /// A file holding the administrator's password; without it one is generated and shown once.
    #[arg(long, value_name = "FILE", requires = "admin")]
    admin_password_file: Option<PathBuf>,
}

pub(super) async fn run(config: &Config, args: InitArgs) -> Result<()> {
    let InitArgs { admin, admin_name, admin_password_file } = args;
    let unlock = unlock_from(config)?;
    let store = open_store(config).await?;
    let backend = store.backend();
    let app = App::init(store, &unlock, KdfParams::MASTER_KEY, Arc::new(SystemClock), entropy()?).await?;
    println!("{}", say!("cli-store-initialised", backend = backend.to_string()));
    if let Some(username) = admin {
        let display_name = admin_name.unwrap_or_default();
        let (password, generated) = password_from(admin_password_file.as_deref(), &app)?;
        let new = NewUser { username: username.clone(), display_name, is_admin: true };
        app.create_user_with_password(&Identity::key_holder(), new, &password).await?;
        println!("{}", say!("cli-administrator-created", username = username));
        if generated {
            println!("{}", say!("cli-password-shown-once", password = password));
        }
    }
    println!("{}", say!("cli-keep-the-key"));
    Ok(())
}
