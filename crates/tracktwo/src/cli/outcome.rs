//! `tracktwo outcome`: the harvested outcomes of an initiative, one line each.

use anyhow::Result;
use clap::Subcommand;
use tracktwo_app::outcomes::OutcomeView;
use tracktwo_config::Config;
use tracktwo_domain::Identity;

use super::{open_app, shape};

#[derive(Subcommand)]
pub(super) enum OutcomeCommand {
    /// Print the outcomes, one line each: id, date of the change, state, layer, RPP cell, the
    /// social actor and what changed. Through the same gate as the workspace: the key holder
    /// sees each outcome whole; an outcome seen cleared would show no name.
    List {
        /// The initiative's id.
        initiative: String,
    },
}

/// One outcome on one line: tabs and line breaks in what was written become spaces.
fn line(id: tracktwo_domain::OutcomeId, view: &OutcomeView) -> String {
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let cell = view.rpp();
    let who = match view {
        OutcomeView::Full { outcome, .. } => flat(&outcome.social_actor.who),
        OutcomeView::Cleared(cleared) => flat(&cleared.actor_description),
    };
    format!(
        "{id}  {}  {}  {}  {}/{}  {}: {}",
        view.on(),
        view.state().as_str(),
        view.layer().as_str(),
        cell.reach.as_str(),
        cell.level.as_str(),
        who,
        flat(view.what())
    )
}

pub(super) async fn run(config: &Config, command: OutcomeCommand) -> Result<()> {
    let app = open_app(config).await?;
    let key_holder = Identity::key_holder();
    match command {
        OutcomeCommand::List { initiative } => {
            let initiative = shape::initiative(&initiative)?;
            for (id, view) in app.outcomes(&key_holder, initiative).await? {
                println!("{}", line(id, &view));
            }
        }
    }
    Ok(())
}
