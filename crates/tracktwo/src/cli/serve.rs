//! `tracktwo serve` and `tracktwo demo`: the workspace and the API, on a store or on the demo's.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Args;
use tracktwo_config::Config;

use super::open_app;

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
        Some(text) => text.parse().with_context(|| format!("`{text}` is not an address such as 127.0.0.1:8080")),
        None => Ok(config.listen),
    }
}

pub(super) async fn serve(config: &Config, args: ServeArgs) -> Result<()> {
    let ServeArgs { listen, tls_cert, tls_key } = args;
    let listen = parse_listen(listen.as_deref(), config)?;
    let listener = crate::demo::bind(listen).await?;
    let app = Arc::new(open_app(config).await?);
    let tls = match (tls_cert.or(config.tls_cert.clone()), tls_key.or(config.tls_key.clone())) {
        (Some(certificate), Some(private_key)) => Some(tracktwo_web::TlsFiles { certificate, private_key }),
        _ => None,
    };
    let edge = crate::demo::edge_options(config);
    crate::demo::serve(listener, app, tls, edge, config.audit_anchor_path()).await
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
