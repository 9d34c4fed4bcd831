//! `tracktwo process`: an initiative's dialogue process, and meeting summaries as each reader
//! may have them.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use tracktwo_app::App;
use tracktwo_config::Config;
use tracktwo_domain::redaction::Reader;
use tracktwo_domain::{Identity, InitiativeId};
use tracktwo_web::{methodology_step, word};

use super::files::write_document;
use super::{open_app, shape};
use crate::say::{fail, say};

#[derive(Subcommand)]
pub(super) enum ProcessCommand {
    /// Print the rounds with their meetings and the stage each reached, and the options with their status.
    Show {
        /// The initiative's id.
        initiative: String,
    },
    /// Write a meeting's summary as PDF or DOCX, as the redaction engine makes it for one reader.
    Summary {
        /// The initiative's id.
        initiative: String,
        /// The meeting's id (see `process show`).
        meeting: String,
        /// Who it is for: team, official, evaluator, funder, observer, operations, or participant:SIDE.
        #[arg(long = "for", value_name = "READER", default_value = "team")]
        reader: String,
        /// The file to write (.pdf or .docx).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The language of the document's headings and labels: en, ar, ru or fr (people's own
        /// words stay as written).
        #[arg(long, value_name = "LANGUAGE", default_value = "en")]
        language: String,
    },
}

pub(super) async fn run(config: &Config, command: ProcessCommand) -> Result<()> {
    let app = open_app(config).await?;
    let key_holder = Identity::key_holder();
    match command {
        ProcessCommand::Show { initiative } => {
            let initiative = shape::initiative(&initiative)?;
            let overview = app.process_overview(&key_holder, initiative).await?;
            let methodology = overview.design.as_ref().map(|d| d.methodology);
            if let Some(design) = &overview.design {
                let locale = crate::say::locale();
                println!(
                    "{} · {} · {}",
                    word(locale, design.kind),
                    word(locale, design.methodology),
                    word(locale, design.phase)
                );
            }
            for (_, round, meetings) in &overview.rounds {
                println!("{}", say!("cli-round", number = round.number, title = round.title));
                for (id, m) in meetings {
                    let locale = crate::say::locale();
                    let stage = match (methodology, m.stage_reached) {
                        (Some(methodology), Some(stage)) => say!(
                            "cli-stage-reached",
                            stage = stage,
                            of = methodology.template().len(),
                            name = methodology_step(locale, methodology, usize::from(stage)).unwrap_or_default()
                        ),
                        _ => say!("cli-stage-not-recorded"),
                    };
                    println!("  {id}  {}  {}  {}  {stage}", m.starts_on, word(locale, m.mode), m.title);
                }
            }
            for (_, option) in app.options(&key_holder, initiative).await? {
                let status = word(crate::say::locale(), option.status);
                println!("{}", say!("cli-option", title = option.title, status = status));
            }
        }
        ProcessCommand::Summary { initiative, meeting, reader, out, language } => {
            let locale = super::files::document_locale(&language)?;
            let initiative = shape::initiative(&initiative)?;
            let meeting = shape::id(&meeting, "meeting")?;
            let reader = reader_named(&app, initiative, &reader).await?;
            let summary = app.meeting_summary_for(&key_holder, initiative, meeting, reader).await?;
            let size = write_document(&tracktwo_web::summary_document(&summary, locale), &out)?;
            let reader = word(crate::say::locale(), reader);
            println!("{}", say!("cli-summary-written", reader = reader, path = out, bytes = size));
        }
    }
    Ok(())
}

/// The reader `--for` names; a participant by the name of their side.
async fn reader_named(app: &App, initiative: InitiativeId, name: &str) -> Result<Reader> {
    Ok(match name.trim() {
        "team" => Reader::Team,
        "official" => Reader::Official,
        "evaluator" => Reader::Evaluator,
        "funder" => Reader::Funder,
        "observer" => Reader::Observer,
        "operations" => Reader::Operations,
        other => match other.strip_prefix("participant:") {
            Some(side) => {
                let sides = app.sides(&Identity::key_holder(), initiative).await?;
                let side = sides
                    .iter()
                    .find(|s| s.name.eq_ignore_ascii_case(side.trim()))
                    .with_context(|| say!("cli-not-a-side", side = side))?;
                Reader::Participant { side: Some(side.id) }
            }
            None => bail!(fail!("cli-not-a-reader", reader = other)),
        },
    })
}
