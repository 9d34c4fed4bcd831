//! `tracktwo indicators`: the results framework as CSV, out and in. An import replaces the whole
//! framework, or, at the first problem, changes nothing and names the line.

use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use tracktwo_config::Config;
use tracktwo_domain::Identity;

use super::files::read_text;
use super::{open_app, shape, write_atomically};
use crate::say::say;

#[derive(Subcommand)]
pub(super) enum IndicatorsCommand {
    /// Write the results framework (outcome, indicator, unit, baseline, target, period, actual,
    /// note) as CSV.
    Export {
        /// The initiative's id.
        initiative: String,
        /// The CSV file to write.
        file: PathBuf,
    },
    /// Replace the results framework with the one a CSV file holds: all of it or nothing.
    Import {
        /// The initiative's id.
        initiative: String,
        /// The CSV file to read.
        file: PathBuf,
    },
}

pub(super) async fn run(config: &Config, command: IndicatorsCommand) -> Result<()> {
    let app = open_app(config).await?;
    let key_holder = Identity::key_holder();
    match command {
        IndicatorsCommand::Export { initiative, file } => {
            let initiative = shape::initiative(&initiative)?;
            let csv = app.export_indicators(&key_holder, initiative).await?;
            write_atomically(&file, |w| Ok(w.write_all(csv.as_bytes())?))?;
            println!("{}", say!("cli-wrote", path = file));
        }
        IndicatorsCommand::Import { initiative, file } => {
            let initiative = shape::initiative(&initiative)?;
            let csv = read_text(&file)?;
            let count = app.import_indicators(&key_holder, initiative, &csv).await?;
            println!("{}", say!("cli-indicators-imported", indicators = count, path = file));
        }
    }
    Ok(())
}
