//! `tracktwo text`: the single negotiating texts of an initiative — list them, show a version
//! with what is pending, compare two versions.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::Subcommand;
use tracktwo_config::Config;
use tracktwo_domain::Identity;
use tracktwo_domain::negotiating_text::compare::{ClauseChangeKind, WordChange};
use tracktwo_domain::negotiating_text::{ClauseStanding, TextId};
use tracktwo_web::{findings, word};

use super::files::write_atomically;
use super::{open_app, shape};
use crate::say::{as_said, fail, locale, say};

#[derive(Subcommand)]
pub(super) enum TextCommand {
    /// One line per negotiating text: its id, its title, its number of versions and where it stands.
    List {
        /// The initiative's id.
        initiative: String,
    },
    /// Print a version of a text clause by clause, with its figures and what is pending.
    Show {
        /// The initiative's id.
        initiative: String,
        /// The text's id (see `text list`).
        text: String,
        /// The version's number [default: the newest in the text's own language].
        #[arg(long, value_name = "N")]
        version: Option<u32>,
    },
    /// Compare two versions clause by clause: added, removed, moved and reworded clauses, and
    /// inside a reworded clause the words taken out [-…-] and put in {+…+}.
    Compare {
        /// The initiative's id.
        initiative: String,
        /// The text's id (see `text list`).
        text: String,
        /// The older version's number.
        #[arg(long, value_name = "N")]
        from: u32,
        /// The newer version's number.
        #[arg(long, value_name = "M")]
        to: u32,
    },
    /// Write a version as a file: the bracketed working copy (the default), the clean copy of a
    /// settled version, or a comparison with an older version (insertions underlined, deletions
    /// struck through). Only the text: no comment, suggestion or name travels with it.
    Export {
        /// The initiative's id.
        initiative: String,
        /// The text's id (see `text list`).
        text: String,
        /// The version's number [default: the newest in the text's own language].
        #[arg(long, value_name = "N")]
        version: Option<u32>,
        /// akn (Akoma Ntoso 3.0 XML), docx or pdf [default: from the file name: .xml, .docx, .pdf].
        #[arg(long, value_enum)]
        format: Option<TextFormat>,
        /// The working copy with clause numbers, brackets and alternatives [the default].
        #[arg(long, conflicts_with_all = ["clean", "compare_with"])]
        bracketed: bool,
        /// The clean copy, numbered paragraphs without brackets (only of a settled version).
        #[arg(long, conflicts_with = "compare_with")]
        clean: bool,
        /// A comparison with this older version.
        #[arg(long, value_name = "M")]
        compare_with: Option<u32>,
        /// The file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The language of a PDF's or DOCX's facts, marks and page numbers: en, ar, ru or fr
        /// [default: the language of messages]. The text's own words stay in its language.
        #[arg(long, value_name = "LANGUAGE")]
        language: Option<String>,
    },
    /// Take in an Akoma Ntoso 3.0 file as a new text (its first version): all of it, or nothing.
    Import {
        /// The initiative's id.
        initiative: String,
        /// The Akoma Ntoso XML file.
        file: PathBuf,
    },
}

/// The file formats a text is written in.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum TextFormat {
    Akn,
    Docx,
    Pdf,
}

impl TextFormat {
    fn of(path: &Path) -> Result<Self> {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("xml" | "akn") => Ok(TextFormat::Akn),
            Some("docx") => Ok(TextFormat::Docx),
            Some("pdf") => Ok(TextFormat::Pdf),
            _ => bail!(fail!("cli-text-format-unknown", path = path)),
        }
    }
}

/// What an Akoma Ntoso file says of the version it holds.
fn akn_meta(export: &tracktwo_app::negotiating_text::TextExport) -> tracktwo_akoma_ntoso::TextMeta {
    tracktwo_akoma_ntoso::TextMeta {
        text: export.id.to_string(),
        title: export.text.title.clone(),
        language: export.summary.language.clone(),
        version: export.summary.number,
        hash: export.summary.hash,
        date: export.summary.committed_at.date(),
    }
}

fn text_id(text: &str) -> Result<TextId> {
    shape::id(text, "text")
}

pub(super) async fn run(config: &Config, command: TextCommand) -> Result<()> {
    let app = open_app(config).await?;
    let key_holder = Identity::key_holder();
    match command {
        TextCommand::List { initiative } => {
            let initiative = shape::initiative(&initiative)?;
            for text in app.texts(&key_holder, initiative).await? {
                let counts = say!("cli-text-counts", versions = text.versions, translations = text.translations);
                println!(
                    "{}  {}  {counts}  {}",
                    text.id,
                    text.title,
                    as_said(findings::agreement(locale(), &text.agreement))
                );
            }
        }
        TextCommand::Show { initiative, text, version } => {
            let initiative = shape::initiative(&initiative)?;
            let view = app.text(&key_holder, initiative, text_id(&text)?, version, None).await?;
            let summary = &view.version.summary;
            println!("{}", view.version.draft.title);
            println!(
                "{}",
                say!(
                    "cli-text-version",
                    number = summary.number,
                    language = summary.language.as_str(),
                    date = summary.committed_at.date().to_string(),
                    hash = summary.hash.to_string()
                )
            );
            println!("{}", as_said(findings::text_figures(locale(), &summary.figures)));
            println!("{}", say!("cli-text-status", status = findings::agreement(locale(), &view.agreement)));
            if !view.version.draft.preamble.is_empty() {
                println!("\n{}", view.version.draft.preamble);
            }
            for part in &view.version.draft.parts {
                println!("\n{}  {}", part.id, part.heading);
                for clause in &part.clauses {
                    let standing = match clause.standing() {
                        ClauseStanding::Clean => String::new(),
                        other => format!("  ({})", word(crate::say::locale(), other)),
                    };
                    let stale = if view.version.out_of_date.contains(&clause.id) {
                        format!("  ({})", say!("cli-clause-out-of-date"))
                    } else {
                        String::new()
                    };
                    println!("  {}{standing}{stale}", clause.id);
                    if !clause.heading.is_empty() {
                        println!("    {}", clause.heading);
                    }
                    for line in clause.notation().lines() {
                        println!("    {line}");
                    }
                }
            }
            println!(
                "\n{}",
                say!(
                    "cli-text-pending",
                    clauses = view.pending.open_clauses.len(),
                    suggestions = view.pending.suggestions.values().map(Vec::len).sum::<usize>(),
                    comments = view.pending.unanswered.values().map(Vec::len).sum::<usize>()
                )
            );
        }
        TextCommand::Compare { initiative, text, from, to } => {
            let initiative = shape::initiative(&initiative)?;
            let (a, b, comparison) = app.compare_versions(&key_holder, initiative, text_id(&text)?, from, to).await?;
            println!("{}", say!("cli-compare-versions", from = a.number, to = b.number));
            println!("  {}", say!("cli-compare-before", figures = findings::text_figures(locale(), &comparison.from)));
            println!("  {}", say!("cli-compare-after", figures = findings::text_figures(locale(), &comparison.to)));
            println!(
                "  {}",
                say!(
                    "cli-compare-counts",
                    added = comparison.count(ClauseChangeKind::Added),
                    removed = comparison.count(ClauseChangeKind::Removed),
                    reworded = comparison.count(ClauseChangeKind::Reworded),
                    moved = comparison.moved()
                )
            );
            for clause in &comparison.clauses {
                if clause.change == ClauseChangeKind::Unchanged && !clause.moved {
                    continue;
                }
                let moved = match (clause.moved, clause.from, clause.to) {
                    (true, Some(f), Some(t)) => {
                        let moved = say!(
                            "cli-clause-moved",
                            from_part = f.part.to_string(),
                            from_position = f.position,
                            to_part = t.part.to_string(),
                            to_position = t.position
                        );
                        format!(" ({moved})")
                    }
                    _ => String::new(),
                };
                println!("\n{} {}{moved}", clause.clause, word(crate::say::locale(), clause.change));
                if !clause.words.is_empty() {
                    let mut line = String::new();
                    for change in &clause.words {
                        match change {
                            WordChange::Same(w) => line.push_str(w),
                            WordChange::Added(w) => line.push_str(&format!("{{+{}+}}", w)),
                            WordChange::Removed(w) => line.push_str(&format!("[-{}-]", w)),
                        }
                    }
                    for l in line.lines() {
                        println!("    {l}");
                    }
                }
            }
        }
        TextCommand::Export { initiative, text, version, format, bracketed: _, clean, compare_with, out, language } => {
            let locale = match language {
                Some(tag) => super::files::document_locale(&tag)?,
                None => crate::say::locale(),
            };
            let initiative = shape::initiative(&initiative)?;
            let format = match format {
                Some(format) => format,
                None => TextFormat::of(&out)?,
            };
            let copy = match (clean, compare_with) {
                (true, _) => tracktwo_web::TextCopy::Clean,
                (false, Some(_)) => tracktwo_web::TextCopy::Comparison,
                (false, None) => tracktwo_web::TextCopy::Bracketed,
            };
            let export = app.export_text(&key_holder, initiative, text_id(&text)?, version, compare_with).await?;
            let bytes = match format {
                TextFormat::Akn if copy != tracktwo_web::TextCopy::Bracketed => {
                    bail!(fail!("cli-akn-one-version"))
                }
                TextFormat::Akn => tracktwo_akoma_ntoso::export(&akn_meta(&export), &export.draft).into_bytes(),
                TextFormat::Docx => tracktwo_render::render_docx(&tracktwo_web::text_document(&export, copy, locale)?)?,
                TextFormat::Pdf => tracktwo_web::documents::pdf(&tracktwo_web::text_document(&export, copy, locale)?)?,
            };
            write_atomically(&out, |w| Ok(w.write_all(&bytes)?))?;
            println!(
                "{}",
                say!("cli-version-written", number = export.summary.number, path = out, bytes = bytes.len())
            );
        }
        TextCommand::Import { initiative, file } => {
            let initiative = shape::initiative(&initiative)?;
            let xml = super::files::read_text(&file)?;
            let (meta, draft) = tracktwo_akoma_ntoso::import(&xml)
                .map_err(|e| fail!("cli-nothing-imported-from", path = file, reason = e.to_string()))?;
            let edited = !meta.hash_matches(&draft);
            let new = tracktwo_app::negotiating_text::NewText {
                title: meta.title.clone(),
                round: None,
                mode: tracktwo_domain::dialogue::ConfidentialityMode::ChathamHouse,
                authoritative: meta.language.clone(),
                sides: Default::default(),
            };
            let (id, summary) = app.import_text(&key_holder, initiative, new, draft).await?;
            let imported = say!("cli-text-imported", number = summary.number, hash = summary.hash.short().to_string());
            println!("{id}  {}  {imported}", meta.title);
            if edited {
                println!("{}", say!("cli-text-edited", version = meta.version));
            }
        }
    }
    Ok(())
}
