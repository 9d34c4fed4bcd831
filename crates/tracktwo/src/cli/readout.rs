//! `tracktwo readout` and `tracktwo trace`: readouts to Track One, each recipient's marked copy,
//! and the copy a leaked passage came from.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use tracktwo_app::transfer::{TraceabilityPreview, Traced};
use tracktwo_config::Config;
use tracktwo_domain::Identity;
use tracktwo_domain::transfer::Clearance;
use tracktwo_web::word;

use super::files::write_document;
use super::{open_app, shape};
use crate::say::{fail, say};

#[derive(Subcommand)]
pub(super) enum ReadoutCommand {
    /// Print the readouts with their clearance, and each released one's distribution ledger.
    List {
        /// The initiative's id.
        initiative: String,
    },
    /// How much of a readout's text names its copy: variable sites per 100 words, and the share of
    /// passages of 1, 2, 3 and 5 sentences that name their copy, with wording variants on and off.
    Traceability {
        /// The initiative's id.
        initiative: String,
        /// The readout's id (see `readout list`).
        readout: String,
    },
    /// Write one recipient's copy (with its copy mark and fingerprint) as PDF or DOCX.
    Copy {
        /// The initiative's id.
        initiative: String,
        /// The copy's id (see `readout list`).
        copy: String,
        /// The file to write (.pdf or .docx).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The language of the document's headings and labels: en, ar, ru or fr (people's own
        /// words stay as written).
        #[arg(long, value_name = "LANGUAGE", default_value = "en")]
        language: String,
    },
}

#[derive(Args)]
pub(super) struct TraceArgs {
    /// The initiative's id.
    initiative: String,
    /// The readout's id (see `readout list`).
    readout: String,
    /// A file holding the passage as found: text (pasted, or typed from a screenshot), or a
    /// photographed or scanned page (PNG, JPEG, TIFF or a PDF scan, told by its content), read by
    /// OCR through tesseract; - for standard input.
    passage: PathBuf,
}

pub(super) async fn run(config: &Config, command: ReadoutCommand) -> Result<()> {
    let app = open_app(config).await?;
    let key_holder = Identity::key_holder();
    match command {
        ReadoutCommand::List { initiative } => {
            let initiative = shape::initiative(&initiative)?;
            for (id, readout) in app.readouts(&key_holder, initiative).await? {
                let locale = crate::say::locale();
                let (clearance, audience) = (word(locale, readout.clearance), word(locale, readout.audience));
                println!("{id}  {clearance}  {audience}  {}", readout.title);
                if let Some(carried) = readout.text {
                    println!(
                        "  {}",
                        say!("cli-readout-carries", text = carried.text.to_string(), version = carried.version)
                    );
                }
                if readout.clearance == Clearance::Released {
                    for (copy_id, copy) in app.copies(&key_holder, initiative, id).await? {
                        let copy_word = say!("cli-readout-copy");
                        println!(
                            "  {copy_word} {copy_id}  {}  {}  {}  {}",
                            copy.number, copy.delivered_on, copy.channel, copy.recipient
                        );
                    }
                }
            }
        }
        ReadoutCommand::Traceability { initiative, readout } => {
            let initiative = shape::initiative(&initiative)?;
            let readout = shape::id(&readout, "readout")?;
            let view = app.readout(&key_holder, initiative, readout).await?;
            print_traceability(&view.traceability, view.readout.wording_variants);
        }
        ReadoutCommand::Copy { initiative, copy, out, language } => {
            let locale = super::files::document_locale(&language)?;
            let initiative = shape::initiative(&initiative)?;
            let copy = shape::id(&copy, "copy")?;
            let to_render = app.copy_to_render(&key_holder, initiative, copy).await?;
            let size = write_document(&tracktwo_web::copy_document(&to_render, locale), &out)?;
            println!("{}", say!("cli-copy-written", mark = to_render.mark.to_string(), path = out, bytes = size));
        }
    }
    Ok(())
}

fn print_traceability(preview: &TraceabilityPreview, wording_variants: bool) {
    for on in [wording_variants, !wording_variants] {
        let figures = preview.chosen(on);
        let state = if on { say!("cli-variants-on") } else { say!("cli-variants-off") };
        let this =
            if on == wording_variants { format!(" ({})", say!("cli-variants-this-readout")) } else { String::new() };
        println!(
            "{}",
            say!(
                "cli-variants",
                state = state,
                this = this,
                sites = figures.variable_sites,
                words = figures.words,
                per_hundred = format!("{:.1}", figures.sites_per_100_words())
            )
        );
        for reach in &figures.reach {
            println!(
                "  {}",
                say!(
                    "cli-variants-reach",
                    sentences = reach.sentences,
                    copies = figures.copies,
                    share = format!("{:.0}", 100.0 * reach.share_named)
                )
            );
        }
    }
    println!("{}", say!("cli-variants-best-case"));
}

/// Names the copy the passage came from; exits with 2 when it matches none.
pub(super) async fn trace(config: &Config, args: TraceArgs) -> Result<ExitCode> {
    let TraceArgs { initiative, readout, passage } = args;
    let app = open_app(config).await?;
    let text = passage_text(&passage).await?;
    let initiative = shape::initiative(&initiative)?;
    let readout = shape::id(&readout, "readout")?;
    let traced = app.trace_leak(&Identity::key_holder(), initiative, readout, &text).await?;
    let (verdict, grounds) = tracktwo_web::findings::trace_verdict(crate::say::locale(), &traced);
    println!("{}", crate::say::as_said(verdict));
    for line in grounds {
        println!("  {}", crate::say::as_said(line));
    }
    // A copy named is the one answer a convener can act on alone; the others exit 2.
    Ok(if matches!(traced, Traced::Copy { .. }) { ExitCode::SUCCESS } else { ExitCode::from(2) })
}

/// The passage in `path` (or standard input): its text, or, when it holds a page image or a PDF
/// scan, the text OCR reads from it, with a note on standard error saying so.
async fn passage_text(path: &Path) -> Result<String> {
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).context(say!("cli-cannot-read-passage"))?;
        bytes
    } else {
        std::fs::read(path).with_context(|| say!("cli-cannot-read", path = path))?
    };
    if tracktwo_ocr::page_format(&bytes).is_none() {
        return String::from_utf8(bytes).map_err(|_| fail!("cli-passage-unreadable", path = path));
    }
    let text =
        tokio::task::spawn_blocking(move || tracktwo_ocr::read_page(&bytes, &tracktwo_ocr::OcrLimits::COMMAND_LINE))
            .await
            .context(say!("cli-ocr-stopped"))?
            .with_context(|| say!("cli-cannot-read-page", path = path))?;
    eprintln!("{}", say!("cli-ocr-read", words = text.split_whitespace().count()));
    Ok(text)
}
