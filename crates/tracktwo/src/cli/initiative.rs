//! `tracktwo initiative`: open, list, give sides to and destroy initiatives.

use anyhow::{Result, bail};
use clap::Subcommand;
use tracktwo_config::Config;
use tracktwo_domain::{Identity, NewInitiative};

use super::open_app;
use super::shape;
use crate::say::{fail, say};

#[derive(Subcommand)]
pub(super) enum InitiativeCommand {
    /// Open a new initiative with its own data key.
    Create {
        #[arg(long)]
        title: String,
        #[arg(long, default_value = "")]
        description: String,
        /// Make it a secret channel: to anyone outside it, it does not exist.
        #[arg(long)]
        secret_channel: bool,
        /// Username of the convener.
        #[arg(long, value_name = "USERNAME")]
        convener: Option<String>,
    },
    /// List initiatives.
    List,
    /// Add a side (a delegation of the conflict) to an initiative.
    AddSide {
        /// The initiative's id.
        initiative: String,
        /// The side's name, as map files name it.
        #[arg(long)]
        name: String,
    },
    /// Destroy an initiative and its data key: its records become unrecoverable, in backups too.
    Destroy {
        /// The initiative's id.
        initiative: String,
        /// Confirm the destruction.
        #[arg(long)]
        yes: bool,
    },
}

pub(super) async fn run(config: &Config, command: InitiativeCommand) -> Result<()> {
    // Asked before the store is opened: a destroy without --yes is refused whatever the key.
    if let InitiativeCommand::Destroy { yes: false, .. } = command {
        bail!(fail!("cli-destroy-needs-yes"));
    }
    let app = open_app(config).await?;
    let key_holder = Identity::key_holder();
    match command {
        InitiativeCommand::Create { title, description, secret_channel, convener } => {
            let convener = match convener {
                Some(name) => Some(app.user_by_username(&key_holder, &name).await?.id),
                None => None,
            };
            let new = NewInitiative { title, description, secret_channel };
            let initiative = app.create_initiative(&key_holder, new, convener).await?;
            println!("{}", initiative.id);
        }
        InitiativeCommand::List => {
            for initiative in app.initiatives(&key_holder).await? {
                println!("{}  {}", initiative.id, initiative.title);
            }
        }
        InitiativeCommand::AddSide { initiative, name } => {
            let side =
                app.add_side(&key_holder, shape::initiative(&initiative)?, tracktwo_domain::NewSide { name }).await?;
            println!("{}", side.id);
        }
        InitiativeCommand::Destroy { initiative, .. } => {
            let id = shape::initiative(&initiative)?;
            app.destroy_initiative(&key_holder, id).await?;
            println!("{}", say!("cli-initiative-destroyed", id = id.to_string()));
        }
    }
    Ok(())
}
