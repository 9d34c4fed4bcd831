//! `tracktwo token`: personal access tokens for the API.

use anyhow::Result;
use clap::Subcommand;
use tracktwo_config::Config;
use tracktwo_domain::Identity;

use super::open_app;
use crate::say::{fail, say};

#[derive(Subcommand)]
pub(super) enum TokenCommand {
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
        /// The token's id (see `token list`).
        token: String,
    },
}

pub(super) async fn run(config: &Config, command: TokenCommand) -> Result<()> {
    let app = open_app(config).await?;
    let key_holder = Identity::key_holder();
    match command {
        TokenCommand::Create { user, label, days } => {
            let account = app.user_by_username(&key_holder, &user).await?;
            let token = app.create_token_lasting(&key_holder, account.id, &label, days).await?;
            println!("{}", token.secret);
            eprintln!(
                "{}",
                say!(
                    "cli-token-created",
                    id = token.id.to_string(),
                    username = account.username,
                    until = day_and_time(token.expires_at)
                )
            );
        }
        TokenCommand::List { user } => {
            let account = app.user_by_username(&key_holder, &user).await?;
            for token in app.tokens_of(&key_holder, account.id).await? {
                let created = say!("cli-token-made", at = day_and_time(token.created_at));
                let until = day_and_time(token.expires_at);
                let ends = if token.expired {
                    say!("cli-token-expired", at = until)
                } else {
                    say!("cli-token-expires", at = until)
                };
                let used = token
                    .last_used_at
                    .map_or_else(|| say!("cli-token-never-used"), |at| say!("cli-token-used", at = day_and_time(at)));
                println!("{}  {}  {created}  {ends}  {used}", token.id, token.label);
            }
        }
        TokenCommand::Revoke { token } => {
            let id = token.parse().map_err(|_| fail!("cli-not-a-token", token = token))?;
            app.revoke_token(&key_holder, id).await?;
            println!("{}", say!("cli-token-revoked", id = id.to_string()));
        }
    }
    Ok(())
}

/// An instant as `2026-12-06 14:05 UTC`, for listings.
fn day_and_time(at: tracktwo_domain::Timestamp) -> String {
    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    at.to_offset(time::UtcOffset::UTC).format(FORMAT).unwrap_or_else(|_| at.to_string())
}
