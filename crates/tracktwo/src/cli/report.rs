//! `tracktwo report`: the funder report or the evaluation brief of an initiative, as PDF or
//! DOCX. Through the same gate and the same assembly as the workspace: what the file holds is
//! what the report's audience may see, though the key holder writes it.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};
use tracktwo_config::Config;
use tracktwo_domain::Identity;
use tracktwo_domain::report::{Period, ReportKind};

use super::files::{document_locale, write_document};
use super::{open_app, shape};
use crate::say::say;

#[derive(Subcommand)]
pub(super) enum ReportCommand {
    /// The funder report: the reported outcomes a funder may read, the measures, the results
    /// framework, and the process and the transfer to Track One in figures.
    Funder(ReportArgs),
    /// The evaluation brief: every outcome an evaluator may read, drafts included, the measures,
    /// the results framework and the theory of change's assumptions as the team has read them.
    Evaluation(ReportArgs),
}

#[derive(Args)]
pub(super) struct ReportArgs {
    /// The initiative's id.
    initiative: String,
    /// The dates it covers, both included, as FROM..TO (YYYY-MM-DD..YYYY-MM-DD); the whole
    /// record when left out.
    #[arg(long, value_name = "FROM..TO", value_parser = period)]
    period: Option<Period>,
    /// The file to write (.pdf or .docx).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// The language of the report's headings and labels: en, ar, ru or fr (what people wrote
    /// stays as written).
    #[arg(long, value_name = "LANGUAGE", default_value = "en")]
    language: String,
}

fn period(text: &str) -> Result<Period, String> {
    Period::parse(text).map_err(|e| e.to_string())
}

pub(super) async fn run(config: &Config, command: ReportCommand) -> Result<()> {
    let (kind, args) = match command {
        ReportCommand::Funder(args) => (ReportKind::Funder, args),
        ReportCommand::Evaluation(args) => (ReportKind::Evaluation, args),
    };
    let locale = document_locale(&args.language)?;
    let initiative = shape::initiative(&args.initiative)?;
    let app = open_app(config).await?;
    let report = app.report(&Identity::key_holder(), initiative, kind, args.period).await?;
    let size = write_document(&tracktwo_web::report_document(&report, locale), &args.out)?;
    let kind = match kind {
        ReportKind::Funder => say!("cli-report-funder"),
        ReportKind::Evaluation => say!("cli-report-evaluation"),
    };
    println!(
        "{}",
        say!("cli-report-written", kind = kind, outcomes = report.outcomes.len(), path = args.out, bytes = size)
    );
    Ok(())
}
