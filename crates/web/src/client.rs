//! Who is on the other end of a request: the client's address and whether it reached us over
//! TLS, read from the TCP peer or, only when that peer is a proxy the operator named, from the
//! header the proxy writes.
//!
//! Behind a reverse proxy every request comes from the proxy's address; without this, the
//! per-address limits would become one limit for everyone and cookies would lose `Secure`. A
//! forwarding header from anyone else is ignored: a client could write any address into it.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;

use crate::WebState;

/// The header a trusted proxy writes the client's address and scheme into. Only the one
/// configured is read: a proxy that writes `X-Forwarded-For` usually passes a client's own
/// `Forwarded` through untouched, and the other way round.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ForwardedHeader {
    /// `X-Forwarded-For` with `X-Forwarded-Proto`.
    #[default]
    XForwarded,
    /// RFC 7239 `Forwarded` (`for=` and `proto=`).
    Forwarded,
}

/// The proxies whose forwarding header is believed, and which header that is.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies {
    nets: Vec<IpNet>,
    header: ForwardedHeader,
}

impl TrustedProxies {
    #[must_use]
    pub fn new(nets: Vec<IpNet>, header: ForwardedHeader) -> Self {
        Self { nets, header }
    }

    fn trusts(&self, address: IpAddr) -> bool {
        let address = address.to_canonical();
        self.nets.iter().any(|net| net.contains(&address))
    }
}

/// The client of one request, as far as this server can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress {
    /// The client's address: the TCP peer, or what a trusted proxy says.
    pub ip: IpAddr,
    /// The request reached us over TLS, or a trusted proxy says the client used https.
    pub https: bool,
}

/// What the per-address limits count by: an IPv4 address, or an IPv6 address's /64 (one
/// household or one host usually holds a whole /64, so counting single IPv6 addresses would let
/// one client take 2^64 turns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AddressKey(IpAddr);

impl std::fmt::Display for AddressKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            IpAddr::V4(v4) => write!(f, "{v4}"),
            IpAddr::V6(v6) => write!(f, "{v6}/64"),
        }
    }
}

impl ClientAddress {
    /// The key its limits are counted under.
    #[must_use]
    pub fn key(&self) -> AddressKey {
        match self.ip.to_canonical() {
            IpAddr::V4(v4) => AddressKey(IpAddr::V4(v4)),
            IpAddr::V6(v6) => {
                let prefix = u128::from(v6) & !u128::from(u64::MAX);
                AddressKey(IpAddr::V6(Ipv6Addr::from(prefix)))
            }
        }
    }
}

/// Works out the client from the TCP peer, whether the connection is TLS, and the request's
/// headers. The forwarding header is read only when the peer is a trusted proxy; its addresses
/// are walked from the right (the hop nearest us), past every trusted proxy, and the first
/// address that is not one is the client. An entry that does not parse ends the walk at the
/// proxy that passed it on, since nothing before it can be believed.
#[must_use]
pub fn resolve(peer: IpAddr, tls: bool, headers: &HeaderMap, proxies: &TrustedProxies) -> ClientAddress {
    let direct = ClientAddress { ip: peer.to_canonical(), https: tls };
    if !proxies.trusts(peer) {
        return direct;
    }
    let hops = match proxies.header {
        ForwardedHeader::XForwarded => x_forwarded_hops(headers),
        ForwardedHeader::Forwarded => forwarded_hops(headers),
    };
    let mut client = direct;
    for hop in hops.iter().rev() {
        let Some(address) = hop.address else { break };
        client = ClientAddress { ip: address.to_canonical(), https: hop.https.unwrap_or(client.https) };
        if !proxies.trusts(address) {
            break;
        }
    }
    client
}

/// One hop named in a forwarding header: its address (`None` when unreadable or obfuscated) and,
/// when the header says, whether it spoke https to the next proxy.
#[derive(Debug)]
struct Hop {
    address: Option<IpAddr>,
    https: Option<bool>,
}

fn header_items<'a>(headers: &'a HeaderMap, name: &header::HeaderName) -> impl Iterator<Item = &'a str> {
    headers.get_all(name).iter().flat_map(|value| value.to_str().unwrap_or("\u{0}").split(',')).map(str::trim)
}

fn https_of(scheme: &str) -> Option<bool> {
    let scheme = scheme.trim().trim_matches('"');
    if scheme.eq_ignore_ascii_case("https") {
        Some(true)
    } else if scheme.eq_ignore_ascii_case("http") {
        Some(false)
    } else {
        None
    }
}

/// An address as forwarding headers write it: bare, `[v6]`, with a port, or quoted.
fn address_of(text: &str) -> Option<IpAddr> {
    let text = text.trim().trim_matches('"');
    if let Ok(address) = text.parse::<IpAddr>() {
        return Some(address);
    }
    if let Ok(socket) = text.parse::<SocketAddr>() {
        return Some(socket.ip());
    }
    text.strip_prefix('[').and_then(|rest| rest.split(']').next()).and_then(|inner| inner.parse().ok())
}

/// `X-Forwarded-For` (every header line, in order), with the scheme of `X-Forwarded-Proto`'s
/// last entry — the one the proxy nearest us wrote — given to the hop nearest us.
fn x_forwarded_hops(headers: &HeaderMap) -> Vec<Hop> {
    let mut hops: Vec<Hop> = header_items(headers, &header::HeaderName::from_static("x-forwarded-for"))
        .map(|item| Hop { address: address_of(item), https: None })
        .collect();
    let scheme = header_items(headers, &header::HeaderName::from_static("x-forwarded-proto")).last().and_then(https_of);
    if let Some(last) = hops.last_mut() {
        last.https = scheme;
    }
    hops
}

/// RFC 7239 `Forwarded`: each element's `for=` and `proto=`.
fn forwarded_hops(headers: &HeaderMap) -> Vec<Hop> {
    header_items(headers, &header::FORWARDED)
        .map(|element| {
            let mut hop = Hop { address: None, https: None };
            for pair in element.split(';') {
                let Some((name, value)) = pair.split_once('=') else { continue };
                match name.trim().to_ascii_lowercase().as_str() {
                    "for" => hop.address = address_of(value),
                    "proto" => hop.https = https_of(value),
                    _ => {}
                }
            }
            hop
        })
        .collect()
}

/// Cached per request by [`edge`], so every extractor and the response agree.
impl FromRequestParts<Arc<WebState>> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<WebState>) -> Result<Self, Self::Rejection> {
        if let Some(client) = parts.extensions.get::<ClientAddress>() {
            return Ok(*client);
        }
        Ok(client_of(parts, state).await)
    }
}

async fn client_of(parts: &mut Parts, state: &Arc<WebState>) -> ClientAddress {
    // Without connection information (a router driven in-process without it) there is no peer
    // to name: such requests share the unspecified address.
    let peer = ConnectInfo::<SocketAddr>::from_request_parts(parts, state)
        .await
        .map_or(IpAddr::from([0, 0, 0, 0]), |ConnectInfo(address)| address.ip());
    resolve(peer, state.tls, &parts.headers, &state.proxies)
}

/// How long a browser keeps to https once told (a year); subdomains are left alone, since the
/// server may share its domain with sites it knows nothing of.
const HSTS: &str = "max-age=31536000";

/// Works out the client once per request, for the handlers, and tells browsers that came over
/// https to keep to it.
pub async fn edge(State(state): State<Arc<WebState>>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let client = client_of(&mut parts, &state).await;
    parts.extensions.insert(client);
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if client.https {
        response.headers_mut().insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxies(list: &[&str], header: ForwardedHeader) -> TrustedProxies {
        let net = |text: &str| text.parse().unwrap_or_else(|_| IpNet::from(text.parse::<IpAddr>().unwrap()));
        TrustedProxies::new(list.iter().map(|n| net(n)).collect(), header)
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, value.parse().unwrap());
        }
        map
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn a_forwarding_header_from_an_untrusted_peer_is_ignored() {
        let trusted = proxies(&["10.0.0.0/8"], ForwardedHeader::XForwarded);
        let forged = headers(&[("x-forwarded-for", "198.51.100.7"), ("x-forwarded-proto", "https")]);
        let client = resolve(ip("203.0.113.9"), false, &forged, &trusted);
        assert_eq!(client, ClientAddress { ip: ip("203.0.113.9"), https: false });
        // No proxy configured: nobody's header counts, loopback's neither.
        let client = resolve(ip("127.0.0.1"), false, &forged, &TrustedProxies::default());
        assert_eq!(client, ClientAddress { ip: ip("127.0.0.1"), https: false });
    }

    #[test]
    fn the_rightmost_address_that_is_no_trusted_proxy_is_the_client() {
        let trusted = proxies(&["10.0.0.0/8", "192.0.2.1"], ForwardedHeader::XForwarded);
        // The client wrote a forged first entry; the outer proxy (192.0.2.1) appended the real
        // client; the inner proxy (10.0.0.2, our peer) appended the outer one.
        let chain = headers(&[("x-forwarded-for", "6.6.6.6, 198.51.100.7"), ("x-forwarded-for", "192.0.2.1")]);
        assert_eq!(resolve(ip("10.0.0.2"), false, &chain, &trusted).ip, ip("198.51.100.7"));
        // Every hop trusted: the leftmost is as far as we can see.
        let inside = headers(&[("x-forwarded-for", "10.9.9.9, 192.0.2.1")]);
        assert_eq!(resolve(ip("10.0.0.2"), false, &inside, &trusted).ip, ip("10.9.9.9"));
        // No header from a trusted proxy: the proxy itself.
        assert_eq!(resolve(ip("10.0.0.2"), false, &HeaderMap::new(), &trusted).ip, ip("10.0.0.2"));
        // Garbage stops the walk at the proxy that passed it on.
        let garbage = headers(&[("x-forwarded-for", "198.51.100.7, not-an-address, 192.0.2.1")]);
        assert_eq!(resolve(ip("10.0.0.2"), false, &garbage, &trusted).ip, ip("192.0.2.1"));
        // Ports, brackets and IPv4-mapped IPv6 are read as the address they carry.
        let ported = headers(&[("x-forwarded-for", "[2001:db8::7]:4711, ::ffff:198.51.100.8")]);
        assert_eq!(resolve(ip("10.0.0.2"), false, &ported, &trusted).ip, ip("198.51.100.8"));
    }

    #[test]
    fn the_scheme_comes_from_a_trusted_proxy_or_the_connection() {
        let trusted = proxies(&["127.0.0.1"], ForwardedHeader::XForwarded);
        let https = headers(&[("x-forwarded-for", "198.51.100.7"), ("x-forwarded-proto", "https")]);
        assert!(resolve(ip("127.0.0.1"), false, &https, &trusted).https);
        let http = headers(&[("x-forwarded-for", "198.51.100.7"), ("x-forwarded-proto", "http")]);
        assert!(!resolve(ip("127.0.0.1"), false, &http, &trusted).https);
        assert!(resolve(ip("127.0.0.1"), true, &HeaderMap::new(), &trusted).https, "direct TLS is https");
        assert!(!resolve(ip("203.0.113.9"), false, &https, &trusted).https);
    }

    #[test]
    fn only_the_configured_header_is_read() {
        let both = headers(&[
            ("x-forwarded-for", "198.51.100.7"),
            ("forwarded", "for=\"[2001:db8:1:2::9]:80\";proto=https, for=192.0.2.44;proto=http"),
        ]);
        let x = proxies(&["127.0.0.1"], ForwardedHeader::XForwarded);
        assert_eq!(resolve(ip("127.0.0.1"), false, &both, &x), ClientAddress { ip: ip("198.51.100.7"), https: false });
        let rfc = proxies(&["127.0.0.1", "192.0.2.44"], ForwardedHeader::Forwarded);
        assert_eq!(
            resolve(ip("127.0.0.1"), false, &both, &rfc),
            ClientAddress { ip: ip("2001:db8:1:2::9"), https: true }
        );
        let obfuscated = headers(&[("forwarded", "for=_hidden, for=198.51.100.9")]);
        assert_eq!(resolve(ip("127.0.0.1"), false, &obfuscated, &rfc).ip, ip("198.51.100.9"));
        assert_eq!(
            resolve(ip("127.0.0.1"), false, &headers(&[("forwarded", "for=unknown")]), &rfc).ip,
            ip("127.0.0.1")
        );
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64() {
        let a = ClientAddress { ip: ip("2001:db8:1:2::1"), https: false };
        let b = ClientAddress { ip: ip("2001:db8:1:2:ffff::9"), https: false };
        let c = ClientAddress { ip: ip("2001:db8:1:3::1"), https: false };
        assert_eq!(a.key(), b.key());
        assert_ne!(a.key(), c.key());
        let v4 = ClientAddress { ip: ip("198.51.100.7"), https: false };
        let mapped = ClientAddress { ip: ip("::ffff:198.51.100.7"), https: false };
        assert_eq!(v4.key(), mapped.key());
        assert_ne!(v4.key(), ClientAddress { ip: ip("198.51.100.8"), https: false }.key());
        assert_eq!(a.key().to_string(), "2001:db8:1:2::/64");
    }
}
