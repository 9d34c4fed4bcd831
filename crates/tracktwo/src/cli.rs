//! The command tree. Each command is a thin call into the use cases, made as the key holder:
//! whoever runs the binary with the store's key can decrypt everything anyway, and every act is
//! audited under that name.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use tracktwo_app::system::{SystemClock, SystemEntropy};
use tracktwo_app::{App, Entropy};
use tracktwo_config::{Config, Layer};
use tracktwo_crypto::KdfParams;
use tracktwo_domain::{Identity, NewInitiative, NewUser};

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
}

#[derive(Subcommand)]
enum Command {
    /// Create a new, empty store and optionally its first administrator.
    Init {
        /// Username of the first administrator.
        #[arg(long, value_name = "USERNAME")]
        admin: Option<String>,
        /// Display name of the first administrator.
        #[arg(long, value_name = "NAME", requires = "admin")]
        admin_name: Option<String>,
        /// A file holding the administrator's password; without it one is generated and shown once.
        #[arg(long, value_name = "FILE", requires = "admin")]
        admin_password_file: Option<PathBuf>,
    },
    /// Serve the workspace and the API.
    Serve {
        /// Address to listen on [default: 127.0.0.1:8080].
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
        /// Serve over TLS with this certificate chain (PEM); needs --tls-key.
        #[arg(long, value_name = "FILE", requires = "tls_key")]
        tls_cert: Option<PathBuf>,
        /// The certificate's private key (PEM).
        #[arg(long, value_name = "FILE", requires = "tls_cert")]
        tls_key: Option<PathBuf>,
    },
    /// Serve a demo store with an invented conflict (created on first run, in ./tracktwo-demo).
    Demo {
        /// Address to listen on [default: 127.0.0.1:8080].
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
    },
    /// Write an encrypted backup of the store (without its keys) while it keeps serving.
    Backup {
        /// The backup file to write.
        file: PathBuf,
    },
    /// Restore a backup into this store.
    Restore {
        /// The backup file to read.
        file: PathBuf,
        /// A keyring export holding the keys the backup needs (required for an empty store).
        #[arg(long, value_name = "FILE")]
        keyring: Option<PathBuf>,
        /// Replace the contents of a store that is not empty.
        #[arg(long)]
        force: bool,
    },
    /// Manage the keyring (the per-initiative data keys).
    #[command(subcommand)]
    Keyring(KeyringCommand),
    /// Check the audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Write the complete decrypted store as JSON, for migration or escape.
    Export {
        /// The JSON file to write (created with owner-only permissions).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage personal access tokens for the API.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Manage initiatives.
    #[command(subcommand)]
    Initiative(InitiativeCommand),
    /// The nine-track system map of an initiative: import, export, coverage, participant selection.
    #[command(subcommand)]
    Map(MapCommand),
    /// The dialogue process of an initiative: rounds, meetings, options, summaries.
    #[command(subcommand)]
    Process(ProcessCommand),
    /// Readouts to Track One: list them with their copies, write a recipient's copy.
    #[command(subcommand)]
    Readout(ReadoutCommand),
    /// Conversations for common ground: open them, make invitation links, Pol.is export and import.
    #[command(subcommand)]
    Conversation(crate::conversation_cli::ConversationCommand),
    /// Name the copy of a readout that a leaked passage most likely came from.
    Trace {
        /// The initiative's id.
        initiative: String,
        /// The readout's id (see `readout list`).
        readout: String,
        /// A file holding the passage as found (pasted, or typed from a screenshot); - for standard input.
        passage: PathBuf,
    },
    /// Opinion groups, representative statements and common ground from a Pol.is export (needs no store and no key).
    #[command(subcommand)]
    CommonGround(crate::common_ground::CommonGroundCommand),
}

#[derive(Subcommand)]
enum ReadoutCommand {
    /// Print the readouts with their clearance, and each released one's distribution ledger.
    List {
        /// The initiative's id.
        initiative: String,
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
    },
}

#[derive(Subcommand)]
enum ProcessCommand {
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
    },
}

#[derive(Subcommand)]
enum MapCommand {
    /// Write the map as GEXF, GraphML, Kumu JSON or CSV. Registry fields are never included.
    Export {
        /// The initiative's id.
        initiative: String,
        /// gexf, graphml, kumu or csv [default: from the file name; csv for a folder].
        #[arg(long)]
        format: Option<String>,
        /// The file to write; for csv, a folder that receives actors.csv and ties.csv.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// Read a map file into the initiative: all of it, or nothing if any line is wrong.
    Import {
        /// The initiative's id.
        initiative: String,
        /// The file to read; for csv, a folder holding actors.csv and ties.csv.
        path: PathBuf,
        /// gexf, graphml, kumu or csv [default: from the file name; csv for a folder].
        #[arg(long)]
        format: Option<String>,
        /// Replace the current map (its registry entries go too) instead of adding to it.
        #[arg(long)]
        replace: bool,
    },
    /// Print the actors by track, side and level, and the gaps.
    Coverage {
        /// The initiative's id.
        initiative: String,
    },
    /// Choose invitees, each with the reasons for the choice.
    Select {
        /// The initiative's id.
        initiative: String,
        /// How many to invite.
        #[arg(long, default_value_t = 12)]
        invitees: usize,
        /// The map as of this day (YYYY-MM-DD) [default: today].
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Show the risk ceiling every selection in the initiative applies, or set it.
    Ceiling {
        /// The initiative's id.
        initiative: String,
        /// The highest risk score (0-10) of one invitee.
        #[arg(long, requires = "group")]
        per_person: Option<u8>,
        /// The highest summed risk of the group.
        #[arg(long, requires = "per_person")]
        group: Option<u32>,
    },
}

#[derive(Subcommand)]
enum KeyringCommand {
    /// Write the keyring, still wrapped by the master key, to a file. Keep it apart from backups.
    Export {
        /// The keyring file to write.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Verify the audit chain; exits non-zero and names each problem if it was tampered with.
    /// With an anchor (--anchor, or the one kept beside the key file), a cut tail shows even if
    /// the head inside the store was rewritten to match.
    Verify {
        /// An anchor written by `audit anchor` or by the server [default: beside the key file].
        #[arg(long, value_name = "FILE")]
        anchor: Option<PathBuf>,
    },
    /// Write the chain's head, with a receipt under the store's key, to a file kept outside the
    /// store, and print it; keep a copy elsewhere too (mail it to yourself, print it).
    Anchor {
        /// Where to write it [default: beside the key file, or TRACKTWO_AUDIT_ANCHOR_FILE].
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account with a password.
    Add {
        username: String,
        /// Display name.
        #[arg(long, value_name = "NAME", default_value = "")]
        name: String,
        /// Make the account a system administrator.
        #[arg(long)]
        admin: bool,
        /// A file holding the password; without it one is generated and shown once.
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
    },
    /// List accounts.
    List,
    /// Disable an account: its sessions end and its tokens stop working.
    Disable { username: String },
    /// Enable a disabled account again.
    Enable { username: String },
    /// Set a new password for an account; its sessions end and any lock is lifted.
    ResetPassword {
        username: String,
        /// A file holding the new password; without it one is generated and shown once.
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a personal access token; it is printed once.
    Create {
        /// The account the token acts as.
        #[arg(long, value_name = "USERNAME")]
        user: String,
        /// A label to recognise the token by.
        #[arg(long, default_value = "cli")]
        label: String,
        /// How many days the token lasts (at most 365).
        #[arg(long, value_name = "DAYS", default_value_t = tracktwo_app::DEFAULT_TOKEN_LIFETIME_DAYS)]
        days: u32,
    },
    /// List an account's tokens: label, creation, expiry and last use (never the secret).
    List {
        /// The account whose tokens to list.
        #[arg(long, value_name = "USERNAME")]
        user: String,
    },
    /// Revoke a token at once.
    Revoke {
        /// The token's id, as `token list` shows it.
        id: String,
    },
}

#[derive(Subcommand)]
enum InitiativeCommand {
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
        id: String,
        /// The side's name, as map files name it.
        #[arg(long)]
        name: String,
    },
    /// Destroy an initiative and its data key: its records become unrecoverable, in backups too.
    Destroy {
        /// The initiative's id.
        id: String,
        /// Confirm the destruction.
        #[arg(long)]
        yes: bool,
    },
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
        eprintln!("warning: {warning}");
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

/// An instant as `2026-12-06 14:05 UTC`, for listings.
fn day_and_time(at: tracktwo_domain::Timestamp) -> String {
    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    at.to_offset(time::UtcOffset::UTC).format(FORMAT).unwrap_or_else(|_| at.to_string())
}

/// Writes a file whole or not at all: into a temporary file beside it (owner-only permissions),
/// then renamed into place.
pub(crate) fn write_atomically(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    // Backups, keyring exports and decrypted exports are the owner's alone, whatever the umask.
    // (tempfile's default is the same; stated here so that it cannot change unnoticed.)
    #[cfg(unix)]
    builder.permissions(<std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o600));
    let mut file =
        builder.tempfile_in(&dir).with_context(|| format!("cannot write to the folder {}", dir.display()))?;
    {
        let mut buffered = std::io::BufWriter::new(file.as_file_mut());
        write(&mut buffered)?;
        buffered.flush().context("cannot write the file")?;
    }
    file.as_file().sync_all().context("cannot write the file")?;
    file.persist(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(())
}

fn open_for_reading(path: &Path) -> Result<std::io::BufReader<std::fs::File>> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(std::io::BufReader::new(file))
}

pub(crate) fn parse_listen(listen: Option<&str>, config: &Config) -> Result<std::net::SocketAddr> {
    match listen {
        Some(text) => text.parse().with_context(|| format!("`{text}` is not an address such as 127.0.0.1:8080")),
        None => Ok(config.listen),
    }
}

pub async fn run(cli: Cli) -> Result<ExitCode> {
    let mut config = load_config(&cli.global)?;
    init_logging(&config);
    let key_holder = Identity::key_holder();
    match cli.command {
        Command::Init { admin, admin_name, admin_password_file } => {
            let unlock = unlock_from(&config)?;
            let store = open_store(&config).await?;
            let backend = store.backend();
            let app = App::init(store, &unlock, KdfParams::MASTER_KEY, Arc::new(SystemClock), entropy()?).await?;
            println!("Store initialised ({backend}).");
            if let Some(username) = admin {
                let display_name = admin_name.unwrap_or_default();
                let (password, generated) = password_from(admin_password_file.as_deref(), &app)?;
                let new = NewUser { username: username.clone(), display_name, is_admin: true };
                app.create_user_with_password(&key_holder, new, &password).await?;
                println!("Administrator `{username}` created.");
                if generated {
                    println!("Password (shown only now): {password}");
                }
            }
            println!(
                "Keep the key safe, and keep a keyring export (`tracktwo keyring export FILE`) apart from backups."
            );
        }
        Command::Serve { listen, tls_cert, tls_key } => {
            let listen = parse_listen(listen.as_deref(), &config)?;
            let listener = crate::demo::bind(listen).await?;
            let app = Arc::new(open_app(&config).await?);
            let tls = match (tls_cert.or(config.tls_cert.clone()), tls_key.or(config.tls_key.clone())) {
                (Some(certificate), Some(private_key)) => Some(tracktwo_web::TlsFiles { certificate, private_key }),
                _ => None,
            };
            let edge = crate::demo::edge_options(&config);
            crate::demo::serve(listener, app, tls, edge, config.audit_anchor_path()).await?;
        }
        Command::Demo { listen } => {
            let explicit = cli.global.data_dir.is_some() || std::env::var_os("TRACKTWO_DATA_DIR").is_some();
            if !explicit {
                config.data_dir = PathBuf::from("./tracktwo-demo");
            }
            let listen = parse_listen(listen.as_deref(), &config)?;
            crate::demo::run(config, listen).await?;
        }
        Command::Backup { file } => {
            let app = open_app(&config).await?;
            let mut summary = None;
            write_atomically(&file, |out| {
                summary = Some(futures_block(app.backup(&key_holder, out))?);
                Ok(())
            })?;
            if let Some(s) = summary {
                println!(
                    "Backup written to {}: {} accounts, {} initiatives, {} records (keys not included).",
                    file.display(),
                    s.users,
                    s.initiatives,
                    s.records
                );
            }
        }
        Command::Restore { file, keyring, force } => {
            let unlock = unlock_from(&config)?;
            let store = open_store(&config).await?;
            let mut backup = open_for_reading(&file)?;
            let mut keyring_reader = keyring.as_deref().map(open_for_reading).transpose()?;
            let report = App::restore(
                store,
                &unlock,
                &mut backup,
                keyring_reader.as_mut().map(|r| r as &mut dyn std::io::Read),
                force,
                Arc::new(SystemClock),
                entropy()?,
            )
            .await?;
            println!(
                "Restored {} accounts, {} initiatives and {} audit events from {}.",
                report.users,
                report.initiatives,
                report.audit_events,
                file.display()
            );
            if report.initiatives_without_key > 0 {
                println!(
                    "{} initiatives in the backup were destroyed since it was taken; their keys are gone and they were not restored.",
                    report.initiatives_without_key
                );
            }
        }
        Command::Keyring(KeyringCommand::Export { file }) => {
            let app = open_app(&config).await?;
            let mut count = 0;
            write_atomically(&file, |out| {
                count = futures_block(app.export_keyring(&key_holder, out))?;
                Ok(())
            })?;
            println!("Keyring with {count} keys written to {}. Keep it apart from the backups.", file.display());
        }
        Command::Audit(AuditCommand::Anchor { out }) => {
            let app = open_app(&config).await?;
            let path = out.or_else(|| config.audit_anchor_path()).context(
                "no place for the anchor: give --out FILE or TRACKTWO_AUDIT_ANCHOR_FILE (a passphrase store has no key file to keep it beside)",
            )?;
            let previous = crate::anchor::read(&path)?;
            let anchor = match app.audit_anchor(&key_holder, previous.as_ref()).await {
                Err(tracktwo_app::AppError::Tampered) => bail!(
                    "the audit chain no longer holds the event anchored in {}: its tail was cut or the store rolled back; \
                     the anchor is kept as evidence (run `tracktwo audit verify`)",
                    path.display()
                ),
                other => other?,
            };
            crate::anchor::write(&path, &anchor)?;
            println!(
                "Audit head #{} ({}) anchored in {}. Keep a copy of it away from the database.",
                anchor.seq,
                hex_prefix(&anchor.mac),
                path.display()
            );
            println!("{}", serde_json::to_string(&anchor).context("cannot show the anchor")?);
        }
        Command::Audit(AuditCommand::Verify { anchor }) => {
            let app = open_app(&config).await?;
            let anchor_path = anchor.clone().or_else(|| config.audit_anchor_path());
            let kept = match &anchor_path {
                Some(path) => crate::anchor::read(path)?,
                None => None,
            };
            if anchor.is_some() && kept.is_none() {
                bail!("there is no anchor at {}", anchor_path.as_deref().unwrap_or(Path::new("")).display());
            }
            let report = match &kept {
                Some(kept) => app.verify_audit_against(&key_holder, kept).await?,
                None => app.verify_audit(&key_holder).await?,
            };
            let head = hex_prefix(&report.head.mac);
            if report.is_intact() {
                println!("Audit log intact: {} events, head #{} ({head}).", report.events, report.head.seq);
                if let (Some(kept), Some(path)) = (&kept, &anchor_path) {
                    println!("It holds event #{} anchored in {}.", kept.seq, path.display());
                }
            } else {
                println!("Audit log TAMPERED: {} problem(s) in {} events.", report.findings.len(), report.events);
                for finding in &report.findings {
                    println!("- {finding}");
                }
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Export { out } => {
            let app = open_app(&config).await?;
            let mut summary = None;
            write_atomically(&out, |writer| {
                summary = Some(futures_block(app.export(&key_holder, writer))?);
                Ok(())
            })?;
            if let Some(s) = summary {
                println!(
                    "Decrypted export written to {}: {} accounts, {} initiatives, {} records. It is plaintext: guard it.",
                    out.display(),
                    s.users,
                    s.initiatives,
                    s.records
                );
            }
        }
        Command::User(UserCommand::Add { username, name, admin, password_file }) => {
            let app = open_app(&config).await?;
            let (password, generated) = password_from(password_file.as_deref(), &app)?;
            let new = NewUser { username, display_name: name, is_admin: admin };
            let user = app.create_user_with_password(&key_holder, new, &password).await?;
            println!("Account {} created ({}).", user.username, user.id);
            if generated {
                println!("Password (shown only now): {password}");
            }
        }
        Command::User(UserCommand::Disable { username }) => {
            let app = open_app(&config).await?;
            let user = app.user_by_username(&key_holder, &username).await?;
            app.set_user_disabled(&key_holder, user.id, true).await?;
            println!("Account {} disabled; its sessions have ended.", user.username);
        }
        Command::User(UserCommand::Enable { username }) => {
            let app = open_app(&config).await?;
            let user = app.user_by_username(&key_holder, &username).await?;
            app.set_user_disabled(&key_holder, user.id, false).await?;
            println!("Account {} enabled.", user.username);
        }
        Command::User(UserCommand::ResetPassword { username, password_file }) => {
            let app = open_app(&config).await?;
            let user = app.user_by_username(&key_holder, &username).await?;
            let (password, generated) = password_from(password_file.as_deref(), &app)?;
            app.reset_password(&key_holder, user.id, &password).await?;
            println!("Password of {} set; its sessions have ended.", user.username);
            if generated {
                println!("Password (shown only now): {password}");
            }
        }
        Command::User(UserCommand::List) => {
            let app = open_app(&config).await?;
            for user in app.users(&key_holder).await? {
                let flags = [(user.is_admin, " admin"), (user.disabled, " disabled")]
                    .iter()
                    .filter(|(on, _)| *on)
                    .map(|(_, s)| *s)
                    .collect::<String>();
                println!("{}  {}  {}{flags}", user.id, user.username, user.display_name);
            }
        }
        Command::Token(TokenCommand::Create { user, label, days }) => {
            let app = open_app(&config).await?;
            let account = app.user_by_username(&key_holder, &user).await?;
            let token = app.create_token_lasting(&key_holder, account.id, &label, days).await?;
            println!("{}", token.secret);
            eprintln!(
                "Token {} created for {}, valid until {}; it is shown only now.",
                token.id,
                account.username,
                day_and_time(token.expires_at)
            );
        }
        Command::Token(TokenCommand::List { user }) => {
            let app = open_app(&config).await?;
            let account = app.user_by_username(&key_holder, &user).await?;
            for token in app.tokens_of(&key_holder, account.id).await? {
                let state = if token.expired { "expired" } else { "expires" };
                let used = token
                    .last_used_at
                    .map_or_else(|| "never used".to_owned(), |at| format!("used {}", day_and_time(at)));
                println!(
                    "{}  {}  created {}  {state} {}  {used}",
                    token.id,
                    token.label,
                    day_and_time(token.created_at),
                    day_and_time(token.expires_at)
                );
            }
        }
        Command::Token(TokenCommand::Revoke { id }) => {
            let app = open_app(&config).await?;
            let id = id.parse().map_err(|_| anyhow::anyhow!("`{id}` is not a token id; `token list` shows them"))?;
            app.revoke_token(&key_holder, id).await?;
            println!("Token {id} revoked.");
        }
        Command::Initiative(InitiativeCommand::Create { title, description, secret_channel, convener }) => {
            let app = open_app(&config).await?;
            let convener = match convener {
                Some(name) => Some(app.user_by_username(&key_holder, &name).await?.id),
                None => None,
            };
            let new = NewInitiative { title, description, secret_channel };
            let initiative = app.create_initiative(&key_holder, new, convener).await?;
            println!("{}", initiative.id);
        }
        Command::Initiative(InitiativeCommand::List) => {
            let app = open_app(&config).await?;
            for initiative in app.initiatives(&key_holder).await? {
                println!("{}  {}", initiative.id, initiative.title);
            }
        }
        Command::Initiative(InitiativeCommand::AddSide { id, name }) => {
            let app = open_app(&config).await?;
            let id = id.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
            let side = app.add_side(&key_holder, id, tracktwo_domain::NewSide { name }).await?;
            println!("{}", side.id);
        }
        Command::Initiative(InitiativeCommand::Destroy { id, yes }) => {
            if !yes {
                bail!("destroying an initiative cannot be undone, not even from backups; add --yes to confirm");
            }
            let app = open_app(&config).await?;
            let id = id.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
            app.destroy_initiative(&key_holder, id).await?;
            println!(
                "Initiative {id} and its key destroyed. Replace any keyring export with a new one \
                 (`tracktwo keyring export`): older exports still hold the key."
            );
        }
        Command::Map(command) => map_command(&open_app(&config).await?, command).await?,
        Command::Process(command) => process_command(&open_app(&config).await?, command).await?,
        Command::CommonGround(command) => crate::common_ground::run(command)?,
        Command::Readout(command) => readout_command(&open_app(&config).await?, command).await?,
        Command::Conversation(command) => crate::conversation_cli::run(&open_app(&config).await?, command).await?,
        Command::Trace { initiative, readout, passage } => {
            let app = open_app(&config).await?;
            let text = if passage.as_os_str() == "-" {
                let mut text = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).context("cannot read the passage")?;
                text
            } else {
                read_text(&passage)?
            };
            let initiative = initiative.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
            let readout = readout.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
            let traced = app.trace_leak(&key_holder, initiative, readout, &text).await?;
            let (verdict, grounds) = traced.explained();
            println!("{verdict}");
            for line in grounds {
                println!("  {line}");
            }
            if !matches!(traced, tracktwo_app::transfer::Traced::Copy { .. }) {
                return Ok(ExitCode::from(2));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A password from a file (first line), or a generated one; says which.
fn password_from(file: Option<&Path>, app: &App) -> Result<(String, bool)> {
    match file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the password file {}", path.display()))?;
            Ok((text.trim_end_matches(['\n', '\r']).to_owned(), false))
        }
        None => Ok((app.generate_password(), true)),
    }
}

fn hex_prefix(bytes: &[u8]) -> String {
    bytes.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

async fn readout_command(app: &App, command: ReadoutCommand) -> Result<()> {
    let key_holder = Identity::key_holder();
    let id_of =
        |text: &str| -> Result<tracktwo_domain::InitiativeId> { text.parse().map_err(|e| anyhow::anyhow!("{e}")) };
    match command {
        ReadoutCommand::List { initiative } => {
            let initiative = id_of(&initiative)?;
            for (id, readout) in app.readouts(&key_holder, initiative).await? {
                println!("{id}  {}  {}  {}", readout.clearance.label(), readout.audience.label(), readout.title);
                if readout.clearance == tracktwo_domain::transfer::Clearance::Released {
                    for (copy_id, copy) in app.copies(&key_holder, initiative, id).await? {
                        println!(
                            "  copy {copy_id}  {}  {}  {}  {}",
                            copy.number, copy.delivered_on, copy.channel, copy.recipient
                        );
                    }
                }
            }
        }
        ReadoutCommand::Copy { initiative, copy, out } => {
            let initiative = id_of(&initiative)?;
            let copy: tracktwo_domain::CopyId = copy.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
            let to_render = app.copy_to_render(&key_holder, initiative, copy).await?;
            let document = tracktwo_web::copy_document(&to_render);
            let bytes = match out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
                Some("pdf") => tracktwo_render::render_pdf(&document)?,
                Some("docx") => tracktwo_render::render_docx(&document)?,
                _ => bail!("cannot tell the format of {} from its name; use .pdf or .docx", out.display()),
            };
            write_atomically(&out, |w| Ok(w.write_all(&bytes)?))?;
            println!("{} written to {} ({} bytes).", to_render.mark, out.display(), bytes.len());
        }
    }
    Ok(())
}

async fn process_command(app: &App, command: ProcessCommand) -> Result<()> {
    use tracktwo_domain::redaction::Reader;
    let key_holder = Identity::key_holder();
    let id_of =
        |text: &str| -> Result<tracktwo_domain::InitiativeId> { text.parse().map_err(|e| anyhow::anyhow!("{e}")) };
    match command {
        ProcessCommand::Show { initiative } => {
            let initiative = id_of(&initiative)?;
            let overview = app.process_overview(&key_holder, initiative).await?;
            let methodology = overview.design.as_ref().map(|d| d.methodology);
            if let Some(design) = &overview.design {
                println!("{} · {} · {}", design.kind.label(), design.methodology.label(), design.phase.label());
            }
            for (_, round, meetings) in &overview.rounds {
                println!("Round {}: {}", round.number, round.title);
                for (id, m) in meetings {
                    let stage = match (methodology, m.stage_reached) {
                        (Some(methodology), Some(stage)) => format!(
                            "stage {stage} of {}: {}",
                            methodology.template().len(),
                            methodology.template().get(usize::from(stage).saturating_sub(1)).copied().unwrap_or("")
                        ),
                        _ => "stage not recorded".to_owned(),
                    };
                    println!("  {id}  {}  {}  {}  {stage}", m.starts_on, m.mode.label(), m.title);
                }
            }
            for (_, option) in app.options(&key_holder, initiative).await? {
                println!("option: {} — {}", option.title, option.status.label());
            }
        }
        ProcessCommand::Summary { initiative, meeting, reader, out } => {
            let initiative = id_of(&initiative)?;
            let meeting: tracktwo_domain::MeetingId = meeting.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
            let reader = match reader.trim() {
                "team" => Reader::Team,
                "official" => Reader::Official,
                "evaluator" => Reader::Evaluator,
                "funder" => Reader::Funder,
                "observer" => Reader::Observer,
                "operations" => Reader::Operations,
                other => match other.strip_prefix("participant:") {
                    Some(side) => {
                        let sides = app.sides(&key_holder, initiative).await?;
                        let side = sides
                            .iter()
                            .find(|s| s.name.eq_ignore_ascii_case(side.trim()))
                            .with_context(|| format!("`{side}` is not a side of this initiative"))?;
                        Reader::Participant { side: Some(side.id) }
                    }
                    None => bail!(
                        "`{other}` is not a reader: use team, official, evaluator, funder, observer, operations or participant:SIDE"
                    ),
                },
            };
            let summary = app.meeting_summary_for(&key_holder, initiative, meeting, reader).await?;
            let document = tracktwo_web::summary_document(&summary);
            let bytes = match out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
                Some("pdf") => tracktwo_render::render_pdf(&document)?,
                Some("docx") => tracktwo_render::render_docx(&document)?,
                _ => bail!("cannot tell the format of {} from its name; use .pdf or .docx", out.display()),
            };
            write_atomically(&out, |w| Ok(w.write_all(&bytes)?))?;
            println!("Summary for {} written to {} ({} bytes).", reader.label(), out.display(), bytes.len());
        }
    }
    Ok(())
}

/// A map file's format: named, or told by the path (a folder is CSV).
fn map_format(named: Option<&str>, path: &Path) -> Result<tracktwo_interchange::Format> {
    use tracktwo_interchange::Format;
    if let Some(name) = named {
        return Format::parse(name)
            .map_err(|_| anyhow::anyhow!("`{name}` is not a map format: use gexf, graphml, kumu or csv"));
    }
    if path.is_dir() {
        return Ok(Format::Csv);
    }
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("gexf") => Ok(Format::Gexf),
        Some("graphml") => Ok(Format::Graphml),
        Some("json") => Ok(Format::KumuJson),
        _ => bail!(
            "cannot tell the format of {} from its name; give --format gexf, graphml, kumu or csv",
            path.display()
        ),
    }
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

fn parse_day(text: &str) -> Result<time::Date> {
    time::Date::parse(text.trim(), time::macros::format_description!("[year]-[month]-[day]"))
        .with_context(|| format!("`{text}` is not a date as YYYY-MM-DD"))
}

async fn map_command(app: &App, command: MapCommand) -> Result<()> {
    use tracktwo_domain::map::{Level, RiskCeiling, Track};
    use tracktwo_interchange::Format;
    let key_holder = Identity::key_holder();
    let initiative_of =
        |text: &str| -> Result<tracktwo_domain::InitiativeId> { text.parse().map_err(|e| anyhow::anyhow!("{e}")) };
    match command {
        MapCommand::Export { initiative, format, out } => {
            let format = match format.as_deref() {
                None if !out.exists() && out.extension().is_none() => Format::Csv,
                named => map_format(named, &out)?,
            };
            let file = app.export_map(&key_holder, initiative_of(&initiative)?).await?;
            if format == Format::Csv {
                std::fs::create_dir_all(&out).with_context(|| format!("cannot create the folder {}", out.display()))?;
                for (name, text) in [
                    ("actors.csv", tracktwo_interchange::write_actors_csv(&file)),
                    ("ties.csv", tracktwo_interchange::write_ties_csv(&file)),
                ] {
                    write_atomically(&out.join(name), |w| Ok(w.write_all(text.as_bytes())?))?;
                }
            } else {
                let text = match format {
                    Format::Gexf => tracktwo_interchange::write_gexf(&file),
                    Format::Graphml => tracktwo_interchange::write_graphml(&file),
                    _ => tracktwo_interchange::write_kumu(&file),
                };
                write_atomically(&out, |w| Ok(w.write_all(text.as_bytes())?))?;
            }
            println!(
                "Map written to {}: {} actors, {} ties (no registry fields).",
                out.display(),
                file.actors.len(),
                file.ties.len()
            );
        }
        MapCommand::Import { initiative, path, format, replace } => {
            let initiative = initiative_of(&initiative)?;
            let format = map_format(format.as_deref(), &path)?;
            let (file_text, ties_text) = if format == Format::Csv {
                let ties_path = path.join("ties.csv");
                let ties = if ties_path.exists() { read_text(&ties_path)? } else { String::new() };
                (read_text(&path.join("actors.csv"))?, ties)
            } else {
                (read_text(&path)?, String::new())
            };
            let sides: Vec<String> = app.sides(&key_holder, initiative).await?.into_iter().map(|s| s.name).collect();
            let parsed = tracktwo_interchange::read(format, &file_text, &ties_text, Some(&sides));
            let file = parsed.map_err(|e| anyhow::anyhow!("{e}; nothing was imported"))?;
            let report = app.import_map(&key_holder, initiative, &file, replace).await?;
            println!(
                "Imported {} actors and {} ties{}.",
                report.actors,
                report.ties,
                if report.replaced { ", replacing the previous map" } else { "" }
            );
        }
        MapCommand::Coverage { initiative } => {
            let map = app.system_map(&key_holder, initiative_of(&initiative)?).await?;
            let report = map.coverage(&Track::ALL, Level::ALL);
            println!("{} actors, {} ties.", map.actors.len(), map.ties.len());
            for cell in &report.cells {
                println!(
                    "track {} ({}), {}, {}: {}",
                    cell.track.number(),
                    cell.track.label(),
                    map.side_name(cell.side),
                    cell.level.label(),
                    cell.actors
                );
            }
            if report.gaps.is_empty() {
                println!("No gaps.");
            }
            for gap in &report.gaps {
                println!("gap: {gap}");
            }
        }
        MapCommand::Ceiling { initiative, per_person, group } => {
            let initiative = initiative_of(&initiative)?;
            if let (Some(per_person), Some(group)) = (per_person, group) {
                app.set_risk_ceiling(&key_holder, initiative, RiskCeiling { per_person, group }).await?;
            }
            let ceiling = app.risk_ceiling(&key_holder, initiative).await?;
            println!("risk ceiling: {} per person, {} for the group", ceiling.per_person, ceiling.group);
        }
        MapCommand::Select { initiative, invitees, as_of } => {
            let as_of = match as_of {
                Some(text) => parse_day(&text)?,
                None => app.today(),
            };
            let spec = tracktwo_app::map::SelectionSpec {
                candidates: Vec::new(),
                invitees,
                needed_tracks: Track::ALL.to_vec(),
                needed_levels: vec![Level::MiddleRange],
                as_of,
            };
            let (map, report) = app.select_participants(&key_holder, initiative_of(&initiative)?, &spec).await?;
            for (i, invitee) in report.chosen.iter().enumerate() {
                let side = map.side_name(map.actor(invitee.actor).and_then(|a| a.details.side));
                println!("{}. {} ({side}): {}", i + 1, map.label(invitee.actor), invitee.explanation);
            }
            for need in &report.unmet {
                println!("unmet: {need}");
            }
            for excluded in &report.excluded {
                println!("not considered: {}: {}", map.label(excluded.actor), excluded.reason);
            }
        }
    }
    Ok(())
}

/// Runs a use case to completion from inside a synchronous writer callback.
fn futures_block<T>(future: impl std::future::Future<Output = tracktwo_app::Result<T>>) -> Result<T> {
    Ok(tokio::task::block_in_place(|| tokio::runtime::Handle::current().block_on(future))?)
}
