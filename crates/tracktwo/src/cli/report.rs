//! `tracktwo report`: the funder report or the evaluation brief of an initiative, as PDF or
//! DOCX. Through the same gate and the same assembly as the workspace: what the file holds is
//! what the report's audience may see, though the key holder writes it.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use tracktwo_config::Config;
use tracktwo_domain::Identity;
use tracktwo_domain::report::{Period, ReportKind};

use super::files::{document_locale, write_document};
use super::{open_app, shape};

#[derive(Args)]
pub(super) struct ReportArgs {
    /// Which report: `funder` (the funder report) or `evaluation` (the evaluation brief).
    #[arg(value_parser = kind)]
    kind: ReportKind,
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

fn kind(text: &str) -> Result<ReportKind, String> {
    ReportKind::parse(text).map_err(|_| "must be `funder` or `evaluation`".to_owned())
}

fn period(text: &str) -> Result<Period, String> {
    Period::parse(text).map_err(|e| e.to_string())
}

pub(super) async fn run(config: &Config, args: ReportArgs) -> Result<()> {
    let locale = document_locale(&args.language)?;
    let initiative = shape::initiative(&args.initiative)?;
    let app = open_app(config).await?;
    let report = app.report(&Identity::key_holder(), initiative, args.kind, args.period).await?;
    let size = write_document(&tracktwo_web::report_document(&report, locale), &args.out)?;
    println!(
        "{} ({} outcomes) written to {} ({size} bytes).",
        args.kind.label(),
        report.outcomes.len(),
        args.out.display()
    );
    Ok(())
}
