//! The edge against the flood, through the real router and a real store: a client's address and
//! scheme believed from trusted proxies only, per-address limits that hold and do not bleed
//! across addresses, sign-in that a third party cannot lock, `Secure` cookies and HSTS behind
//! TLS, and idle connections closed.

use std::time::Duration;

use tracktwo_domain::campaign::CampaignLimits;

use tracktwo_web::{EdgeLimits, ForwardedHeader, Quotas, TrustedProxies, quota};

use super::*;

/// Nothing refills while a test runs.
const HOUR: Duration = Duration::from_secs(3600);

/// Marks a request as forwarded for `address` (and, when given, with the client's scheme).
fn forwarded(mut request: Request<Body>, address: &str, proto: &str) -> Request<Body> {
    request.headers_mut().insert("x-forwarded-for", address.parse().unwrap());
    if !proto.is_empty() {
        request.headers_mut().insert("x-forwarded-proto", proto.parse().unwrap());
    }
    request
}

/// The in-process router's peer (127.0.0.1) is a trusted proxy.
fn behind_a_proxy(state: WebState) -> WebState {
    state.with_proxies(TrustedProxies::new(vec!["127.0.0.1/32".parse().unwrap()], ForwardedHeader::XForwarded))
}

fn limited(quotas: Quotas) -> impl FnOnce(WebState) -> WebState {
    move |state| state.with_limits(EdgeLimits::new(quotas, 1_000))
}

/// A consultation with a campaign link; returns the link's token.
async fn campaign_link(w: &World) -> String {
    // The link's own limits stand well clear of the edge's, which these tests are about.
    let limits = CampaignLimits { voter_cap: 100_000, per_address: 100_000 };
    let (_, link) = crate::consultation_with_campaign_link(w, 30, limits).await;
    link.pass.expose().to_owned()
}

async fn join_from(w: &World, link: &str, address: &str) -> Response {
    send(&w.router, forwarded(json_post(&format!("/api/v1/invitations/{link}/voters"), "", "{}"), address, "")).await
}

async fn voter_token(response: Response) -> String {
    assert_eq!(response.status(), StatusCode::CREATED);
    let joined: serde_json::Value = serde_json::from_str(&body_text(response).await).unwrap();
    joined["voter_token"].as_str().unwrap().to_owned()
}

/// The next statement a voter is shown.
async fn next_statement(w: &World, token: &str, address: &str) -> u64 {
    let request =
        Request::get("/api/v1/ballot").header(header::AUTHORIZATION, format!("Bearer {token}")).body(Body::empty());
    let response = send(&w.router, forwarded(request.unwrap(), address, "")).await;
    let ballot: serde_json::Value = serde_json::from_str(&body_text(response).await).unwrap();
    ballot["statement"]["id"].as_u64().unwrap()
}

async fn vote_from(w: &World, token: &str, statement: u64, address: &str) -> Response {
    let body = format!(r#"{{"statement":{statement},"vote":"agree"}}"#);
    send(&w.router, forwarded(json_post("/api/v1/ballot/votes", token, &body), address, "")).await
}

/// A sign-in attempt from `address`, with a fresh form.
async fn sign_in_from(w: &World, address: &str, username: &str, password: &str) -> Response {
    let form = send(&w.router, forwarded(get("/sign-in", ""), address, "")).await;
    let presession = set_cookie(&form, "tracktwo_presession").unwrap().split(';').next().unwrap().to_owned();
    let csrf = hidden_csrf(&body_text(form).await);
    let body = format!("csrf={csrf}&username={username}&password={password}");
    send(&w.router, forwarded(post("/sign-in", &presession, &body), address, "")).await
}

fn retry_after(response: &Response) -> u64 {
    response.headers().get(header::RETRY_AFTER).expect("Retry-After").to_str().unwrap().parse().unwrap()
}

fn is_secure(cookie: &str) -> bool {
    cookie.split(';').any(|part| part.trim().eq_ignore_ascii_case("secure"))
}

#[tokio::test]
async fn a_forwarded_header_from_an_untrusted_peer_is_ignored() {
    // No proxy is trusted: the peer (127.0.0.1) is the client whatever the header says.
    let w = world_with(None, limited(Quotas { join: quota(2, HOUR), ..Quotas::default() })).await;
    let form = send(&w.router, forwarded(get("/sign-in", ""), "198.51.100.1", "https")).await;
    assert!(!is_secure(&set_cookie(&form, "tracktwo_presession").unwrap()), "a client's own header made it https");
    assert!(form.headers().get(header::STRICT_TRANSPORT_SECURITY).is_none());

    let link = campaign_link(&w).await;
    let statuses = [
        join_from(&w, &link, "198.51.100.1").await.status(),
        join_from(&w, &link, "198.51.100.2").await.status(),
        join_from(&w, &link, "198.51.100.3").await.status(),
    ];
    assert_eq!(statuses, [StatusCode::CREATED, StatusCode::CREATED, StatusCode::TOO_MANY_REQUESTS]);
}

#[tokio::test]
async fn a_trusted_proxy_keys_the_limits_and_sets_secure_and_hsts() {
    let quotas =
        Quotas { join: quota(2, HOUR), vote: quota(2, HOUR), bad_credential: quota(2, HOUR), ..Quotas::all(100, HOUR) };
    let w = world_with(None, |state| limited(quotas)(behind_a_proxy(state))).await;

    // The proxy says the client came over https: Secure cookies, and HSTS.
    let https = send(&w.router, forwarded(get("/sign-in", ""), "198.51.100.1", "https")).await;
    assert!(is_secure(&set_cookie(&https, "tracktwo_presession").unwrap()));
    assert_eq!(https.headers()[header::STRICT_TRANSPORT_SECURITY], "max-age=31536000");
    let http = send(&w.router, forwarded(get("/sign-in", ""), "198.51.100.1", "http")).await;
    assert!(!is_secure(&set_cookie(&http, "tracktwo_presession").unwrap()));
    assert!(http.headers().get(header::STRICT_TRANSPORT_SECURITY).is_none());

    // Joins: two per address; a third is refused with when to come back; another address,
    // and another IPv6 /64, have their own.
    let link = campaign_link(&w).await;
    let a = voter_token(join_from(&w, &link, "198.51.100.1").await).await;
    let _ = voter_token(join_from(&w, &link, "198.51.100.1").await).await;
    let refused = join_from(&w, &link, "198.51.100.1").await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!((3000..=3600).contains(&retry_after(&refused)), "{:?}", refused.headers());
    assert!(body_text(refused).await.contains("too many requests"));
    let b = voter_token(join_from(&w, &link, "198.51.100.2").await).await;
    for address in ["2001:db8:1:2::1", "2001:db8:1:2::99"] {
        assert_eq!(join_from(&w, &link, address).await.status(), StatusCode::CREATED);
    }
    assert_eq!(join_from(&w, &link, "2001:db8:1:2:ffff::7").await.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(join_from(&w, &link, "2001:db8:1:3::1").await.status(), StatusCode::CREATED);

    // Votes count by address, whoever casts them: two from one address, then none, while the
    // same voters are served from elsewhere.
    let statement = next_statement(&w, &a, "198.51.100.1").await;
    assert_eq!(vote_from(&w, &a, statement, "198.51.100.1").await.status(), StatusCode::CREATED);
    let statement = next_statement(&w, &b, "198.51.100.1").await;
    assert_eq!(vote_from(&w, &b, statement, "198.51.100.1").await.status(), StatusCode::CREATED);
    let statement = next_statement(&w, &a, "198.51.100.1").await;
    let third = vote_from(&w, &a, statement, "198.51.100.1").await;
    assert_eq!(third.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(retry_after(&third) >= 1);
    assert_eq!(vote_from(&w, &a, statement, "203.0.113.9").await.status(), StatusCode::CREATED);

    // Bad credentials: two are answered as such, then the address waits; another does not.
    let list = |token: &str, address: &str| {
        let request = Request::get("/api/v1/initiatives")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap();
        forwarded(request, address, "")
    };
    let mut statuses = Vec::new();
    for n in 0..3 {
        statuses.push(send(&w.router, list(&format!("not-a-token-{n}"), "198.51.100.5")).await.status());
    }
    assert_eq!(statuses, [StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED, StatusCode::TOO_MANY_REQUESTS]);
    assert_eq!(send(&w.router, list("not-a-token", "198.51.100.6")).await.status(), StatusCode::UNAUTHORIZED);
    let kh = Identity::key_holder();
    let tarek = w.app.user_by_username(&kh, "tarek").await.unwrap().id;
    let good = w.app.create_token(&kh, tarek, "script").await.unwrap().secret;
    assert_eq!(
        send(&w.router, list(&good, "198.51.100.5")).await.status(),
        StatusCode::OK,
        "a good token still serves"
    );
    w.store.cleanup().await;
}

#[tokio::test]
async fn sign_in_attempts_are_limited_per_address_and_the_refusals_counted() {
    // The app's clock stands still: the refusals fall in one second of its time.
    let quotas = Quotas { sign_in: quota(3, HOUR), ..Quotas::default() };
    let w = world_with(Some(TestClock::new()), |state| limited(quotas)(behind_a_proxy(state))).await;
    let mut statuses = Vec::new();
    for user in ["tarek", "mira", "convener", "outsider"] {
        statuses.push(sign_in_from(&w, "198.51.100.7", user, "wrong-password").await.status());
    }
    assert_eq!(statuses[..3], [StatusCode::UNAUTHORIZED; 3]);
    assert_eq!(statuses[3], StatusCode::TOO_MANY_REQUESTS);
    let refused = sign_in_from(&w, "198.51.100.7", "tarek", PASSWORD).await;
    assert!(retry_after(&refused) >= 1);
    assert!(body_text(refused).await.contains("too many sign-in attempts from this address"));
    // Another address signs in.
    assert_eq!(sign_in_from(&w, "198.51.100.8", "tarek", PASSWORD).await.status(), StatusCode::SEE_OTHER);
    let snapshot = w.store.store.snapshot(w.app.row_authenticator()).await.unwrap();
    let throttled = snapshot.audit.iter().filter(|e| e.action == "login.throttled").count();
    assert_eq!(throttled, 1, "two refusals within a second are one event");
}

#[tokio::test]
async fn a_third_partys_failed_sign_ins_do_not_block_the_owner() {
    let w = world_with(None, behind_a_proxy).await;
    let attacker = "198.51.100.66";
    let mut statuses = Vec::new();
    for _ in 0..8 {
        statuses.push(sign_in_from(&w, attacker, "tarek", "wrong-password").await.status());
    }
    assert_eq!(statuses[..5], [StatusCode::UNAUTHORIZED; 5], "{statuses:?}");
    assert!(statuses[5..].iter().all(|s| *s == StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
    // The right password from the attacker's address waits too ...
    assert_eq!(sign_in_from(&w, attacker, "tarek", PASSWORD).await.status(), StatusCode::TOO_MANY_REQUESTS);
    // ... while the owner, anywhere else, signs in at once, and the attacker's address is not
    // barred from other accounts.
    let owner = sign_in_from(&w, "203.0.113.5", "tarek", PASSWORD).await;
    assert_eq!(owner.status(), StatusCode::SEE_OTHER);
    assert!(set_cookie(&owner, "tracktwo_session").is_some());
    assert_eq!(sign_in_from(&w, attacker, "mira", PASSWORD).await.status(), StatusCode::SEE_OTHER);
    w.store.cleanup().await;
}

#[tokio::test]
async fn sign_in_backoff_grows_with_each_failure() {
    let clock = TestClock::new();
    let w = world_with(Some(clock.clone()), behind_a_proxy).await;
    let attacker = "198.51.100.66";
    for _ in 0..5 {
        assert_eq!(sign_in_from(&w, attacker, "tarek", "wrong-password").await.status(), StatusCode::UNAUTHORIZED);
    }
    let mut waits = Vec::new();
    for _ in 0..5 {
        let refused = sign_in_from(&w, attacker, "tarek", "wrong-password").await;
        assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
        let wait = retry_after(&refused);
        waits.push(wait);
        clock.advance(time::Duration::seconds(i64::try_from(wait).unwrap()));
        assert_eq!(sign_in_from(&w, attacker, "tarek", "wrong-password").await.status(), StatusCode::UNAUTHORIZED);
    }
    assert_eq!(waits, [1, 2, 4, 8, 16]);
    w.store.cleanup().await;
}

#[tokio::test]
async fn a_workshop_behind_one_address_is_served() {
    // Forty voters behind one hotel NAT join together and vote at once, with the default limits.
    let w = world_with(None, behind_a_proxy).await;
    let link = campaign_link(&w).await;
    let hotel = "198.51.100.40";
    let mut voters = Vec::new();
    for _ in 0..40 {
        voters.push(voter_token(join_from(&w, &link, hotel).await).await);
    }
    for round in 0..3 {
        for token in &voters {
            let statement = next_statement(&w, token, hotel).await;
            assert_eq!(vote_from(&w, token, statement, hotel).await.status(), StatusCode::CREATED, "round {round}");
        }
    }
    w.store.cleanup().await;
}

/// Reads until the server closes the connection, or gives up after `limit`.
async fn closed_within(stream: &mut tokio::net::TcpStream, limit: Duration) -> bool {
    use tokio::io::AsyncReadExt;
    let mut sink = Vec::new();
    tokio::time::timeout(limit, stream.read_to_end(&mut sink)).await.is_ok()
}

/// With the header-read limit long, an idle connection is still closed once the idle limit
/// passes: an HTTP/1.1 keep-alive connection after its request, and an HTTP/2 connection, which
/// has no header-read limit at all.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_connection_is_closed_whatever_the_protocol() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let w = world().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let idle = Duration::from_millis(300);
    let options = tracktwo_web::EdgeOptions {
        connections: tracktwo_web::ConnectionLimits { header_read: Duration::from_secs(600), idle },
        ..tracktwo_web::EdgeOptions::default()
    };
    let server = tokio::spawn(tracktwo_web::serve(listener, Arc::clone(&w.app), options, async {
        let _ = stopped.await;
    }));

    // HTTP/1.1, kept alive after a whole request and its answer.
    let mut kept = tokio::net::TcpStream::connect(address).await.unwrap();
    kept.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n").await.unwrap();
    let mut answer = [0u8; 12];
    kept.read_exact(&mut answer).await.unwrap();
    assert_eq!(&answer, b"HTTP/1.1 200");
    assert!(closed_within(&mut kept, Duration::from_secs(20)).await, "an idle keep-alive connection stayed open");

    // HTTP/2 with prior knowledge: the preface and an empty SETTINGS frame, then nothing.
    let mut h2 = tokio::net::TcpStream::connect(address).await.unwrap();
    h2.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00").await.unwrap();
    assert!(closed_within(&mut h2, Duration::from_secs(20)).await, "an idle HTTP/2 connection stayed open");

    let _ = stop.send(());
    server.await.unwrap().unwrap();
}
