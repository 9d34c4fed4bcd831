//! The command tree. Each command is a thin call into the use cases, made as the key holder:
//! whoever runs the binary with the store's key can decrypt everything anyway, and every act is
//! audited under that name. One file per command group; `shape` says how every command names
//! the initiative and the record it acts on.

mod audit;
mod backup;
mod common_ground;
mod conversation;
mod files;
mod help;
mod indicators;
mod init;
mod initiative;
mod map;
mod outcome;
mod process;
mod readout;
mod report;
mod serve;
mod shape;
mod text;
mod token;
mod user;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use tracktwo_app::App;
use tracktwo_app::Entropy;
use tracktwo_app::system::{SystemClock, SystemEntropy};
use tracktwo_config::{Config, Layer};

pub(crate) use files::write_atomically;
pub use shape::parse;

use crate::say::say;
use crate::unlock::{open_store, unlock_from};

#[derive(Parser)]
#[command(
    name = "tracktwo",
    version,
    about = "The confidential system of record for Track Two and multi-track diplomacy",
    long_about = "tracktwo keeps a Track Two team's initiatives, people, notes and documents encrypted at rest, \
                  with a tamper-evident audit log.\n\nSettings come from defaults, then a TOML file \
                  (--config or TRACKTWO_CONFIG), then TRACKTWO_* environment variables, then these flags. \
                  The store is unlocked by a key file (TRACKTWO_KEY_FILE) or a passphrase (TRACKTWO_PASSPHRASE_FILE)."
)]
pub struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct GlobalArgs {
    /// A TOML configuration file.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Folder of the embedded store [default: ./tracktwo-data].
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Use PostgreSQL at this postgres:// URL instead of the embedded store.
    #[arg(long, global = true, value_name = "URL")]
    database_url: Option<String>,
    /// A file of at least 32 random bytes that unlocks the store.
    #[arg(long, global = true, value_name = "FILE")]
    key_file: Option<PathBuf>,
    /// A file holding the passphrase that unlocks the store.
    #[arg(long, global = true, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
    /// The language of messages: en, ar, ru or fr [default: TRACKTWO_LANGUAGE, else the locale
    /// in LC_ALL, LC_MESSAGES or LANG, else en]. Machine output (JSON, CSV, exports) is the same
    /// in every language.
    #[arg(long, global = true, value_name = "LANGUAGE")]
    language: Option<String>,
}

impl Cli {
    /// Chooses the language of every message from here on: `--language`, `TRACKTWO_LANGUAGE`,
    /// then the POSIX locale, negotiated against the shipped languages.
    pub fn choose_language(&self) {
        let locale =
            tracktwo_i18n::Locale::for_command_line(self.global.language.as_deref(), |name| std::env::var(name).ok());
        crate::say::choose(locale);
    }
}

/// The line that reports an error to people, in their language: each cause of the chain in
/// turn, as `{:#}` joins them, an error of the use cases or a Pol.is export's file that cannot
/// be read said by its kind. That refusal already says what it carries, so the causes beneath it
/// (its own English) are not said again.
#[must_use]
pub fn error_line(error: &anyhow::Error) -> String {
    let mut causes = Vec::new();
    for cause in error.chain() {
        if let Some(e) = cause.downcast_ref::<tracktwo_app::AppError>() {
            causes.push(crate::say::app_error(e));
            break;
        }
        if let Some(e) = cause.downcast_ref::<tracktwo_polis::PolisError>() {
            causes.push(crate::say::polis_error(e));
            break;
        }
        causes.push(cause.to_string());
    }
    say!("cli-error", message = causes.join(": "))
}

/// The line that reports the async runtime failing to start.
#[must_use]
pub fn runtime_error_line(error: &std::io::Error) -> String {
    say!("cli-error", message = say!("cli-no-runtime", reason = error.to_string()))
}

#[derive(Subcommand)]
enum Command {
    /// Create a new, empty store and optionally its first administrator.
    Init(init::InitArgs),
    /// Serve the workspace and the API.
    Serve(serve::ServeArgs),
    /// Serve a demo store with an invented conflict (created on first run, in ./tracktwo-demo).
    Demo(serve::DemoArgs),
    /// Write an encrypted backup of the store (without its keys) while it keeps serving.
    Backup(backup::BackupArgs),
    /// Restore a backup into this store.
    Restore(backup::RestoreArgs),
    /// Manage the keyring (the per-initiative data keys).
    #[command(subcommand)]
    Keyring(backup::KeyringCommand),
    /// Check the audit log.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Write the complete decrypted store as JSON, for migration or escape.
    Export(backup::ExportArgs),
    /// Manage accounts.
    #[command(subcommand)]
    User(user::UserCommand),
    /// Manage personal access tokens for the API.
    #[command(subcommand)]
    Token(token::TokenCommand),
    /// Manage initiatives.
    #[command(subcommand)]
    Initiative(initiative::InitiativeCommand),
    /// The nine-track system map of an initiative: import, export, coverage, participant selection.
    #[command(subcommand)]
    Map(map::MapCommand),
    /// The dialogue process of an initiative: rounds, meetings, options, summaries.
    #[command(subcommand)]
    Process(process::ProcessCommand),
    /// Harvested outcomes of an initiative: list them.
    #[command(subcommand)]
    Outcome(outcome::OutcomeCommand),
    /// Write the funder report or the evaluation brief of an initiative as PDF or DOCX: what its
    /// audience may read, built from the record.
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Readouts to Track One: list them with their copies, write a recipient's copy.
    #[command(subcommand)]
    Readout(readout::ReadoutCommand),
    /// Single negotiating texts: list them, show a version and what is pending, compare versions.
    #[command(subcommand)]
    Text(text::TextCommand),
    /// Conversations for common ground: open them, make invitation links, Pol.is export and import.
    #[command(subcommand)]
    Conversation(conversation::ConversationCommand),
    /// Name the copy of a readout that a leaked passage most likely came from.
    Trace(readout::TraceArgs),
    /// The results framework (outcomes, indicators, baselines, targets, actuals) as CSV.
    #[command(subcommand)]
    Indicators(indicators::IndicatorsCommand),
    /// Opinion groups, representative statements and common ground from a Pol.is export (needs no store and no key).
    #[command(subcommand)]
    CommonGround(common_ground::CommonGroundCommand),
}

pub async fn run(cli: Cli) -> Result<ExitCode> {
    let config = load_config(&cli.global)?;
    init_logging(&config);
    match cli.command {
        Command::Init(args) => init::run(&config, args).await?,
        Command::Serve(args) => serve::serve(&config, args).await?,
        Command::Demo(args) => serve::demo(config, cli.global.data_dir.is_some(), args).await?,
        Command::Backup(args) => backup::backup(&config, args).await?,
        Command::Restore(args) => backup::restore(&config, args).await?,
        Command::Keyring(command) => backup::keyring(&config, command).await?,
        Command::Audit(command) => return audit::run(&config, command).await,
        Command::Export(args) => backup::export(&config, args).await?,
        Command::User(command) => user::run(&config, command).await?,
        Command::Token(command) => token::run(&config, command).await?,
        Command::Initiative(command) => initiative::run(&config, command).await?,
        Command::Map(command) => map::run(&config, command).await?,
        Command::Process(command) => process::run(&config, command).await?,
        Command::Outcome(command) => outcome::run(&config, command).await?,
        Command::Report(command) => report::run(&config, command).await?,
        Command::Readout(command) => readout::run(&config, command).await?,
        Command::Text(command) => text::run(&config, command).await?,
        Command::Conversation(command) => conversation::run(&config, command).await?,
        Command::Trace(args) => return readout::trace(&config, args).await,
        Command::Indicators(command) => indicators::run(&config, command).await?,
        Command::CommonGround(command) => common_ground::run(command)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn load_config(global: &GlobalArgs) -> Result<Config> {
    let flags = Layer {
        data_dir: global.data_dir.clone(),
        database_url: global.database_url.clone(),
        key_file: global.key_file.clone(),
        passphrase_file: global.passphrase_file.clone(),
        ..Layer::default()
    };
    let (config, warnings) = Config::load(global.config.as_deref(), std::env::vars(), &flags)?;
    for warning in warnings {
        eprintln!("{}", say!("cli-warning", message = warning));
    }
    Ok(config)
}

fn init_logging(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_new(&config.log)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

pub(crate) fn entropy() -> Result<Box<dyn Entropy>> {
    Ok(Box::new(SystemEntropy::new().map_err(anyhow::Error::msg)?))
}

async fn open_app(config: &Config) -> Result<App> {
    let unlock = unlock_from(config)?;
    let store = open_store(config).await?;
    let app = App::open(store, &unlock, Arc::new(SystemClock), entropy()?).await?;
    Ok(app.with_session_limits(session_limits(config)))
}

/// The browser session limits the settings give.
pub(crate) fn session_limits(config: &Config) -> tracktwo_app::SessionLimits {
    tracktwo_app::SessionLimits {
        idle: time::Duration::minutes(i64::from(config.session_idle_minutes)),
        lifetime: time::Duration::hours(i64::from(config.session_lifetime_hours)),
    }
}
