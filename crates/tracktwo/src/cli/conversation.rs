//! `tracktwo conversation`: open conversations for common ground, make invitation links, and
//! move conversations in and out in Pol.is' format — as the key holder, at the command line.
//! The initiative comes first and the conversation next, as in every command (see `shape`).

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use tracktwo_app::conversations::NewLinks;
use tracktwo_app::polis_format::{EXPORT_FILES, read_import, write_export_file};
use tracktwo_config::Config;
use tracktwo_domain::Identity;
use tracktwo_domain::campaign::CampaignLimits;
use tracktwo_domain::conversation::{Conversation, ConversationMode, StatementStatus};

use super::files::{read_text, write_atomically};
use super::{open_app, shape};
use crate::say::{fail, say};

#[derive(Subcommand)]
pub(super) enum ConversationCommand {
    /// List an initiative's conversations.
    List {
        /// The initiative's id.
        initiative: String,
    },
    /// Open a conversation; prints its id.
    Create {
        /// The initiative's id.
        initiative: String,
        #[arg(long)]
        title: String,
        /// The question put to participants.
        #[arg(long, default_value = "")]
        question: String,
        /// private (the initiative's participants vote) or consultation (invitation links).
        #[arg(long, default_value = "consultation")]
        mode: String,
        /// A file of seed statements, one per line.
        #[arg(long, value_name = "FILE")]
        statements: Option<PathBuf>,
        /// Segments voters may declare, comma-separated.
        #[arg(long, default_value = "")]
        segments: String,
    },
    /// Make invitation links to a consultation; prints each link's path (shown only now).
    Invite {
        /// The initiative's id.
        initiative: String,
        /// The conversation's id (see `conversation list`).
        conversation: String,
        /// One campaign link for many, instead of personal links.
        #[arg(long)]
        campaign: bool,
        /// How many personal links.
        #[arg(long, default_value_t = 1)]
        count: usize,
        /// The most voters the campaign link admits.
        #[arg(long, default_value_t = CampaignLimits::PROPOSED.voter_cap)]
        voter_cap: u32,
        /// The most voters one client address may make through the campaign link.
        #[arg(long, default_value_t = CampaignLimits::PROPOSED.per_address)]
        per_address: u32,
        /// The team's label for the links.
        #[arg(long, default_value = "")]
        label: String,
    },
    /// Write a conversation as a Pol.is export folder (comments.csv, votes.csv,
    /// participants-votes.csv with the opinion groups, summary.csv) with the declared sides
    /// (sides.csv).
    Export {
        /// The initiative's id.
        initiative: String,
        /// The conversation's id (see `conversation list`).
        conversation: String,
        /// The folder to write.
        #[arg(long)]
        out: PathBuf,
    },
    /// Set the translations of a conversation's statements from a CSV file: a `statement`
    /// column (its number), an `original` column (the language it was written in) and a
    /// column per language (ar, ru, fr, …). All of them, or at the first problem none.
    Translations {
        /// The initiative's id.
        initiative: String,
        /// The conversation's id (see `conversation list`).
        conversation: String,
        /// The CSV file to read.
        file: PathBuf,
    },
    /// Import a Pol.is export folder (comments.csv and votes.csv) as a new conversation.
    Import {
        /// The initiative's id.
        initiative: String,
        /// The export folder.
        dir: PathBuf,
        #[arg(long)]
        title: String,
    },
}

pub(super) async fn run(config: &Config, command: ConversationCommand) -> Result<()> {
    let app = open_app(config).await?;
    let who = Identity::key_holder();
    match command {
        ConversationCommand::List { initiative } => {
            let initiative = shape::initiative(&initiative)?;
            for c in app.conversations(&who, initiative).await? {
                // The counts keep their columns, right-aligned, whatever the language.
                let line = say!(
                    "cli-conversation-line",
                    id = c.id.to_string(),
                    mode = format!("{:<12}", c.mode.as_str()),
                    statements = format!("{:>5}", c.statements),
                    voters = format!("{:>7}", c.voters),
                    votes = format!("{:>9}", c.votes),
                    title = c.title
                );
                let closed = if c.closed { format!(" {}", say!("cli-conversation-closed")) } else { String::new() };
                println!("{line}{closed}");
            }
        }
        ConversationCommand::Create { initiative, title, question, mode, statements, segments } => {
            let initiative = shape::initiative(&initiative)?;
            let mode = ConversationMode::parse(&mode)?;
            let statements: Vec<String> = match statements {
                Some(path) => std::fs::read_to_string(&path)
                    .with_context(|| say!("cli-cannot-read", path = path))?
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
                None => Vec::new(),
            };
            let conversation = Conversation {
                title,
                question,
                mode,
                segments: Conversation::parse_segments(&segments),
                accepts_statements: true,
                seed: 0,
                closed: false,
            };
            let id = app.create_conversation(&who, initiative, conversation, &statements).await?;
            println!("{id}");
        }
        ConversationCommand::Invite { initiative, conversation, campaign, count, voter_cap, per_address, label } => {
            let initiative = shape::initiative(&initiative)?;
            let conversation = shape::id(&conversation, "conversation")?;
            let links = if campaign {
                NewLinks::Campaign(CampaignLimits { voter_cap, per_address })
            } else {
                NewLinks::Personal { count }
            };
            let issued = app.create_invitations(&who, initiative, conversation, links, &label).await?;
            let mut out = std::io::stdout().lock();
            for link in issued {
                writeln!(out, "/join/{}", link.pass.expose())?;
            }
        }
        ConversationCommand::Export { initiative, conversation, out } => {
            let initiative = shape::initiative(&initiative)?;
            let conversation = shape::id(&conversation, "conversation")?;
            let export = app.export_conversation(&who, initiative, conversation).await?;
            std::fs::create_dir_all(&out).with_context(|| say!("cli-cannot-create-folder", path = out))?;
            for file in EXPORT_FILES {
                let bytes = write_export_file(&export, file)?;
                write_atomically(&out.join(file), |w| Ok(w.write_all(&bytes)?))?;
            }
            // The statements the files list: those awaiting moderation are left out.
            let listed = export.statements.iter().filter(|s| s.status != StatementStatus::Pending).count();
            println!(
                "{}",
                say!("cli-conversation-exported", path = out, statements = listed, votes = export.votes.len())
            );
        }
        ConversationCommand::Translations { initiative, conversation, file } => {
            let initiative = shape::initiative(&initiative)?;
            let conversation = shape::id(&conversation, "conversation")?;
            let csv = read_text(&file)?;
            let count = app.import_statement_translations(&who, initiative, conversation, &csv).await?;
            println!("{}", say!("cli-translations-set", statements = count, path = file));
        }
        ConversationCommand::Import { initiative, dir, title } => {
            let initiative = shape::initiative(&initiative)?;
            let read = |name: &str| {
                let path = dir.join(name);
                std::fs::read(&path).with_context(|| say!("cli-cannot-read", path = path))
            };
            if !dir.is_dir() {
                bail!(fail!("cli-not-a-folder", path = dir));
            }
            let import = read_import(&title, &read("comments.csv")?, &read("votes.csv")?)
                .map_err(tracktwo_app::AppError::from)?;
            let (statements, votes) = (import.statements.len(), import.votes.len());
            let id = app.import_conversation(&who, initiative, import).await?;
            println!("{id}");
            eprintln!("{}", say!("cli-conversation-imported", statements = statements, votes = votes));
        }
    }
    Ok(())
}
