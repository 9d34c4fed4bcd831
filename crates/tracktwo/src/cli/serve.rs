//! `tracktwo serve` and `tracktwo demo`: the workspace and the API, on a store or on the demo's.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use clap::Args;
use tracktwo_config::Config;

use super::open_app;
use crate::say::{fail, say};

#[derive(Args)]
pub(super) struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, value_name = "ADDR")]
    listen: Option<String>,
    /// Serve over TLS with this certificate chain (PEM); needs --tls-key.
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// The certificate's private key (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
}

#[derive(Args)]
pub(super) struct DemoArgs {
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, value_name = "ADDR")]
    listen: Option<String>,
}

fn parse_listen(listen: Option<&str>, config: &Config) -> Result<std::net::SocketAddr> {
    match listen {
        Some(text) => text.parse().with_context(|| say!("cli-not-an-address", address = text)),
        None => Ok(config.listen),
    }
}

pub(super) async fn serve(config: &Config, args: ServeArgs) -> Result<()> {
    let ServeArgs { listen, tls_cert, tls_key } = args;
    let listen = parse_listen(listen.as_deref(), config)?;
    // Held until the server stops: one SQLite store, one server.
    let _only_server = match config.database_url {
        None => Some(only_server_on(&config.data_dir)?),
        Some(_) => None,
    };
    let listener = crate::demo::bind(listen).await?;
    let app = Arc::new(open_app(config).await?);
    let tls = match (tls_cert.or(config.tls_cert.clone()), tls_key.or(config.tls_key.clone())) {
        (Some(certificate), Some(private_key)) => Some(tracktwo_web::TlsFiles { certificate, private_key }),
        _ => None,
    };
    let edge = crate::demo::edge_options(config);
    crate::demo::serve(listener, app, tls, edge, config.audit_anchor_path()).await
}

/// Takes the data folder's serve lock, which the operating system releases when this process
/// ends however it ends. Several servers share a PostgreSQL store by following one another's
/// changes through it; a SQLite store cannot announce changes, so a second server on the same
/// folder would serve stale conversations and count sign-in limits apart, and is refused.
fn only_server_on(data_dir: &Path) -> Result<std::fs::File> {
    std::fs::create_dir_all(data_dir).with_context(|| say!("cli-cannot-create-data-folder", path = data_dir))?;
    let path = data_dir.join("serve.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| say!("cli-cannot-open", path = path))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => bail!(fail!("cli-already-served", path = data_dir)),
        Err(std::fs::TryLockError::Error(e)) => Err(e).with_context(|| say!("cli-cannot-lock", path = path)),
    }
}

/// Serves the demo store: in ./tracktwo-demo, unless a data folder is named by the flag
/// (`data_dir_given`) or by TRACKTWO_DATA_DIR.
pub(super) async fn demo(mut config: Config, data_dir_given: bool, args: DemoArgs) -> Result<()> {
    let explicit = data_dir_given || std::env::var_os("TRACKTWO_DATA_DIR").is_some();
    if !explicit {
        config.data_dir = PathBuf::from("./tracktwo-demo");
    }
    let listen = parse_listen(args.listen.as_deref(), &config)?;
    crate::demo::run(config, listen).await
}
