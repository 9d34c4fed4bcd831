//! The server under load, and the rule that it is on this machine.
//!
//! A load generator pointed at the wrong address is a denial-of-service tool, so the base URL is
//! checked before anything is sent: plain `http` to `127.0.0.1`, `::1` or `localhost`, nothing
//! else. `localhost` is resolved here (see [`resolve`]) and every address it names must be a
//! loopback one, so a tampered hosts file cannot send the load elsewhere either.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use hyper::Uri;

/// A base URL that passed the loopback check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    pub host: LoopbackHost,
    pub port: u16,
    /// Path the API is mounted under, without a trailing slash (`""` at the root).
    pub path_prefix: String,
}

/// The only hosts the tool will send to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopbackHost {
    V4,
    V6,
    Localhost,
}

/// Why a base URL was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    Malformed(String),
    NoScheme,
    NotHttp(String),
    NoHost,
    UserInfo,
    QueryOrFragment,
    NotLoopback(String),
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::Malformed(why) => write!(f, "the base URL is not a valid URL ({why})"),
            UrlError::NoScheme => write!(f, "the base URL must start with http://, e.g. http://127.0.0.1:8080"),
            UrlError::NotHttp(scheme) => {
                write!(f, "the base URL must use plain http (it targets loopback only), not {scheme:?}")
            }
            UrlError::NoHost => write!(f, "the base URL has no host; use e.g. http://127.0.0.1:8080"),
            UrlError::UserInfo => write!(f, "the base URL must not carry a user name or password"),
            UrlError::QueryOrFragment => write!(f, "the base URL must not carry a query or a fragment"),
            UrlError::NotLoopback(host) => write!(
                f,
                "refusing to load {host:?}: this tool only sends to this machine \
                 (host 127.0.0.1, ::1 or localhost)"
            ),
        }
    }
}

impl std::error::Error for UrlError {}

impl BaseUrl {
    /// Parses and checks a base URL such as `http://127.0.0.1:8080` or `http://[::1]:3000/prefix`.
    pub fn parse(text: &str) -> Result<BaseUrl, UrlError> {
        let uri: Uri =
            text.trim().parse().map_err(|e: hyper::http::uri::InvalidUri| UrlError::Malformed(e.to_string()))?;
        // `Uri` also accepts a bare path or `host:port`; both lack the scheme.
        let scheme = uri.scheme_str().ok_or(UrlError::NoScheme)?;
        if !scheme.eq_ignore_ascii_case("http") {
            return Err(UrlError::NotHttp(scheme.to_owned()));
        }
        let authority = uri.authority().ok_or(UrlError::NoHost)?;
        if authority.as_str().contains('@') {
            return Err(UrlError::UserInfo);
        }
        if uri.query().is_some() || text.contains('#') {
            return Err(UrlError::QueryOrFragment);
        }
        let raw_host = authority.host();
        let bare = raw_host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(raw_host);
        // Exact spellings only: `127.1`, `0x7f.0.0.1` or `localhost.` all reach loopback on most
        // systems, but accepting them would make the rule harder to read than it is worth.
        let host = if bare == "127.0.0.1" {
            LoopbackHost::V4
        } else if bare.parse::<Ipv6Addr>().is_ok_and(|ip| ip == Ipv6Addr::LOCALHOST) && raw_host.starts_with('[') {
            LoopbackHost::V6
        } else if bare.eq_ignore_ascii_case("localhost") {
            LoopbackHost::Localhost
        } else if bare.is_empty() {
            return Err(UrlError::NoHost);
        } else {
            return Err(UrlError::NotLoopback(bare.to_owned()));
        };
        let port = authority.port_u16().unwrap_or(80);
        let path_prefix = uri.path().trim_end_matches('/').to_owned();
        Ok(BaseUrl { host, port, path_prefix })
    }

    /// The `Host` header the server expects: the authority as the user wrote it.
    pub fn host_header(&self) -> String {
        match self.host {
            LoopbackHost::V4 => format!("127.0.0.1:{}", self.port),
            LoopbackHost::V6 => format!("[::1]:{}", self.port),
            LoopbackHost::Localhost => format!("localhost:{}", self.port),
        }
    }

    /// The base URL, for messages.
    pub fn display(&self) -> String {
        format!("http://{}{}", self.host_header(), self.path_prefix)
    }
}

/// The addresses to try for a base URL, in order. Fails if `localhost` names any address that is
/// not loopback (or none at all).
pub async fn resolve(base: &BaseUrl) -> Result<Vec<SocketAddr>, ResolveError> {
    match base.host {
        LoopbackHost::V4 => Ok(vec![SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), base.port)]),
        LoopbackHost::V6 => Ok(vec![SocketAddr::new(IpAddr::V6(Ipv6Addr::LOCALHOST), base.port)]),
        LoopbackHost::Localhost => {
            let addresses: Vec<SocketAddr> = tokio::net::lookup_host(("localhost", base.port))
                .await
                .map_err(|e| ResolveError::Lookup(e.to_string()))?
                .collect();
            check_all_loopback(addresses)
        }
    }
}

/// Keeps the order of `addresses`, refusing the lot if any one is not loopback.
pub fn check_all_loopback(addresses: Vec<SocketAddr>) -> Result<Vec<SocketAddr>, ResolveError> {
    if let Some(bad) = addresses.iter().find(|a| !a.ip().is_loopback()) {
        return Err(ResolveError::NotLoopback(bad.ip()));
    }
    if addresses.is_empty() {
        return Err(ResolveError::Lookup("no address".to_owned()));
    }
    Ok(addresses)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    Lookup(String),
    NotLoopback(IpAddr),
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::Lookup(why) => write!(f, "cannot resolve localhost: {why}"),
            ResolveError::NotLoopback(ip) => {
                write!(f, "refusing to load localhost: it resolves to {ip}, which is not a loopback address")
            }
        }
    }
}

impl std::error::Error for ResolveError {}

/// Percent-encodes one path segment (the invitation token), leaving RFC 3986's unreserved
/// characters as they are.
pub fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> BaseUrl {
        BaseUrl::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn loopback_hosts_are_accepted() {
        assert_eq!(
            ok("http://127.0.0.1:8080"),
            BaseUrl { host: LoopbackHost::V4, port: 8080, path_prefix: String::new() }
        );
        assert_eq!(ok("http://[::1]:3000/").host, LoopbackHost::V6);
        assert_eq!(ok("http://localhost:1").host, LoopbackHost::Localhost);
        assert_eq!(ok("HTTP://LocalHost:1").host, LoopbackHost::Localhost);
        assert_eq!(ok("http://127.0.0.1").port, 80);
        assert_eq!(ok("http://127.0.0.1:9/mounted/here/").path_prefix, "/mounted/here");
    }

    #[test]
    fn other_hosts_are_refused() {
        for text in [
            "http://example.invalid:8080",
            "http://192.0.2.1:8080",
            "http://10.0.0.1",
            "http://172.16.0.1",
            "http://192.168.1.1",
            "http://0.0.0.0:8080",
            "http://127.0.0.2:8080",
            "http://127.1:8080",
            "http://localhost.:8080",
            "http://localhost.example.invalid",
            "http://[::2]:8080",
            "http://[::ffff:127.0.0.1]:8080",
            "http://[2001:db8::1]:80",
        ] {
            assert!(matches!(BaseUrl::parse(text), Err(UrlError::NotLoopback(_))), "{text} was not refused");
        }
    }

    #[test]
    fn other_forms_are_refused() {
        assert!(matches!(BaseUrl::parse("https://127.0.0.1:8443"), Err(UrlError::NotHttp(_))));
        assert!(matches!(BaseUrl::parse("ftp://127.0.0.1"), Err(UrlError::NotHttp(_))));
        assert!(matches!(BaseUrl::parse("127.0.0.1:8080"), Err(UrlError::NoScheme)));
        assert!(matches!(BaseUrl::parse("/api"), Err(UrlError::NoScheme)));
        assert!(matches!(BaseUrl::parse("http://user@127.0.0.1:80"), Err(UrlError::UserInfo)));
        // The user-info trick must not smuggle a remote host past the check in either direction.
        assert!(BaseUrl::parse("http://127.0.0.1@example.invalid").is_err());
        assert!(matches!(BaseUrl::parse("http://127.0.0.1:80/?a=b"), Err(UrlError::QueryOrFragment)));
        assert!(matches!(BaseUrl::parse("http://127.0.0.1:80/#x"), Err(UrlError::QueryOrFragment)));
        assert!(matches!(BaseUrl::parse("http://exa mple"), Err(UrlError::Malformed(_))));
    }

    #[test]
    fn refusal_names_the_rule() {
        let message = BaseUrl::parse("http://example.invalid").unwrap_err().to_string();
        assert!(message.contains("example.invalid") && message.contains("127.0.0.1, ::1 or localhost"), "{message}");
    }

    #[test]
    fn localhost_must_resolve_to_loopback_only() {
        let v4: SocketAddr = "127.0.0.1:80".parse().unwrap();
        let v6: SocketAddr = "[::1]:80".parse().unwrap();
        let remote: SocketAddr = "192.0.2.7:80".parse().unwrap();
        assert_eq!(check_all_loopback(vec![v6, v4]), Ok(vec![v6, v4]));
        assert_eq!(check_all_loopback(vec![v4, remote]), Err(ResolveError::NotLoopback(remote.ip())));
        assert!(check_all_loopback(vec![]).is_err());
    }

    #[test]
    fn host_header_and_display() {
        assert_eq!(ok("http://[::1]:3000/x").host_header(), "[::1]:3000");
        assert_eq!(ok("http://localhost:3000/x").display(), "http://localhost:3000/x");
    }

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(encode_segment("abc-DEF_0.9~"), "abc-DEF_0.9~");
        assert_eq!(encode_segment("a/b c?d"), "a%2Fb%20c%3Fd");
        assert_eq!(encode_segment("é"), "%C3%A9");
    }
}
