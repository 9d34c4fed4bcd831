//! Serving the router, plain or over TLS, with limits on how long a connection may take to send
//! its headers and how long it may stay idle.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tracktwo_app::App;

use crate::{TrustedProxies, WebState, router};

/// A certificate chain and private key, both PEM files, for serving over TLS.
#[derive(Debug, Clone)]
pub struct TlsFiles {
    pub certificate: std::path::PathBuf,
    pub private_key: std::path::PathBuf,
}

/// How long a client may take to send a request's headers. Without a limit, a client that sends
/// them a byte at a time holds a connection and its task for as long as it likes, and a few
/// hundred such clients hold the server (slowloris). Over HTTP/1.1 the same limit runs between
/// the requests of a keep-alive connection: one idle this long is closed.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a connection may go without a byte from the client while the server waits for one
/// (or without the client taking a byte the server is sending), whatever the protocol: HTTP/2 (which browsers speak over TLS) has no header-read limit, and
/// an idle connection holds a socket and memory. Longer than a request may run (30 s), so a
/// client waiting for its answer is never cut.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// How long connections may take and idle.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    pub header_read: Duration,
    pub idle: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self { header_read: HEADER_READ_TIMEOUT, idle: IDLE_TIMEOUT }
    }
}

/// How the server meets the network: whose forwarding headers to believe, and how long
/// connections may take.
#[derive(Debug, Clone, Default)]
pub struct EdgeOptions {
    pub proxies: TrustedProxies,
    pub connections: ConnectionLimits,
}

/// The handle that stops a server when `shutdown` resolves, finishing requests in flight for up
/// to ten seconds.
fn stopped_by(shutdown: impl std::future::Future<Output = ()> + Send + 'static) -> axum_server::Handle<SocketAddr> {
    let handle = axum_server::Handle::new();
    let stopper = handle.clone();
    tokio::spawn(async move {
        shutdown.await;
        stopper.graceful_shutdown(Some(Duration::from_secs(10)));
    });
    handle
}

fn limit_header_reads(
    builder: &mut hyper_util::server::conn::auto::Builder<hyper_util::rt::TokioExecutor>,
    limits: ConnectionLimits,
) {
    builder.http1().timer(hyper_util::rt::TokioTimer::new()).header_read_timeout(limits.header_read);
}

/// Wraps every accepted connection so that a read waiting longer than `idle` for the client, or
/// a write waiting that long for it to take the bytes, fails, which closes the connection
/// (beneath TLS, so a stalled handshake counts too).
#[derive(Debug, Clone, Copy)]
struct IdleAcceptor<A> {
    inner: A,
    idle: Duration,
}

impl<A, S> axum_server::accept::Accept<tokio::net::TcpStream, S> for IdleAcceptor<A>
where
    A: axum_server::accept::Accept<std::pin::Pin<Box<tokio_io_timeout::TimeoutStream<tokio::net::TcpStream>>>, S>,
{
    type Stream = A::Stream;
    type Service = A::Service;
    type Future = A::Future;

    fn accept(&self, stream: tokio::net::TcpStream, service: S) -> Self::Future {
        let mut timed = tokio_io_timeout::TimeoutStream::new(stream);
        timed.set_read_timeout(Some(self.idle));
        timed.set_write_timeout(Some(self.idle));
        self.inner.accept(Box::pin(timed), service)
    }
}

/// Serves over TLS (rustls, with the `ring` provider) until `shutdown` resolves. Every request is
/// https: cookies are `Secure` and browsers are told to keep to https.
pub async fn serve_tls(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    tls: &TlsFiles,
    options: EdgeOptions,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Installing twice is harmless (the second call reports the first); the provider is the
    // same either way.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let config = axum_server::tls_rustls::RustlsConfig::from_pem_file(&tls.certificate, &tls.private_key)
        .await
        .map_err(|e| std::io::Error::new(e.kind(), format!("cannot load the TLS certificate or key: {e}")))?;
    let state = Arc::new(WebState::new(app, true).with_proxies(options.proxies));
    let idle = options.connections.idle;
    let mut server = axum_server::from_tcp_rustls(listener.into_std()?, config)?
        .map(|tls| tls.acceptor(IdleAcceptor { inner: axum_server::accept::DefaultAcceptor, idle }))
        .handle(stopped_by(shutdown));
    limit_header_reads(server.http_builder(), options.connections);
    server.serve(router(state).into_make_service_with_connect_info::<SocketAddr>()).await
}

/// Serves until `shutdown` resolves, then finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    options: EdgeOptions,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let state = Arc::new(WebState::new(app, false).with_proxies(options.proxies));
    let idle = options.connections.idle;
    let mut server = axum_server::from_tcp(listener.into_std()?)?
        .acceptor(IdleAcceptor { inner: axum_server::accept::DefaultAcceptor, idle })
        .handle(stopped_by(shutdown));
    limit_header_reads(server.http_builder(), options.connections);
    server.serve(router(state).into_make_service_with_connect_info::<SocketAddr>()).await
}
