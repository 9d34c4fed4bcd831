//! API tokens and session limits as a client meets them through the router: an expired token
//! answers 401, the account page lists, creates and revokes one's own tokens only, and a browser
//! session left idle, or kept busy past its lifetime, ends.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Request, StatusCode, header};
use time::Duration;
use tracktwo_app::{App, SessionLimits};
use tracktwo_domain::{Identity, NewUser, UserId};
use tracktwo_test_support::{TestClock, TestStore, init_app_with_clock};
use tracktwo_web::{WebState, router};

use super::{PASSWORD, body_text, get, hidden_csrf, post, send, set_cookie};

struct Clocked {
    _store: TestStore,
    app: Arc<App>,
    router: axum::Router,
    clock: TestClock,
    amara: UserId,
    otto: UserId,
}

async fn clocked(limits: SessionLimits) -> Clocked {
    let store = TestStore::sqlite().await;
    let clock = TestClock::new();
    let app = init_app_with_clock(Arc::clone(&store.store), clock.clone()).await.with_session_limits(limits);
    let app = Arc::new(app);
    let kh = Identity::key_holder();
    let account = |name: &str| NewUser { username: name.into(), display_name: String::new(), is_admin: false };
    let amara = app.create_user_with_password(&kh, account("amara"), PASSWORD).await.unwrap().id;
    let otto = app.create_user_with_password(&kh, account("otto"), PASSWORD).await.unwrap().id;
    let state = Arc::new(WebState::new(Arc::clone(&app), false));
    let router = router(state).layer(MockConnectInfo(SocketAddr::from(([127, 0, 0, 1], 4000))));
    Clocked { _store: store, app, router, clock, amara, otto }
}

fn bearer(uri: &str, token: &str) -> Request<Body> {
    Request::get(uri).header(header::AUTHORIZATION, format!("Bearer {token}")).body(Body::empty()).unwrap()
}

fn bearer_post(uri: &str, token: &str) -> Request<Body> {
    Request::post(uri).header(header::AUTHORIZATION, format!("Bearer {token}")).body(Body::empty()).unwrap()
}

async fn sign_in(w: &Clocked, username: &str) -> String {
    let form = send(&w.router, get("/sign-in", "")).await;
    let presession = set_cookie(&form, "tracktwo_presession").expect("pre-session cookie");
    let presession = presession.split(';').next().unwrap().to_owned();
    let csrf = hidden_csrf(&body_text(form).await);
    let response =
        send(&w.router, post("/sign-in", &presession, &format!("csrf={csrf}&username={username}&password={PASSWORD}")))
            .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    set_cookie(&response, "tracktwo_session").expect("session cookie").split(';').next().unwrap().to_owned()
}

async fn audit_actions(w: &Clocked) -> Vec<String> {
    let snapshot = w._store.store.snapshot(w.app.row_authenticator()).await.unwrap();
    snapshot.audit.into_iter().map(|event| event.action).collect()
}

#[tokio::test]
async fn an_expired_token_is_refused_with_401_through_the_router() {
    let w = clocked(SessionLimits::default()).await;
    let kh = Identity::key_holder();
    let token = w.app.create_token_lasting(&kh, w.amara, "nightly export", 2).await.unwrap().secret;
    let response = send(&w.router, bearer("/api/v1/initiatives", &token)).await;
    assert_eq!(response.status(), StatusCode::OK);
    w.clock.advance(Duration::days(2) - Duration::seconds(1));
    assert_eq!(send(&w.router, bearer("/api/v1/initiatives", &token)).await.status(), StatusCode::OK);
    w.clock.advance(Duration::seconds(1));
    let response = send(&w.router, bearer("/api/v1/initiatives", &token)).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(response.headers()[header::WWW_AUTHENTICATE], "Bearer");
    // It answers as any unknown token does: nothing says it was once good.
    let unknown = send(&w.router, bearer("/api/v1/initiatives", "tt2_never-issued")).await;
    assert_eq!(body_text(response).await, body_text(unknown).await);
    // Its owner still sees it listed, marked expired.
    let listed = w.app.tokens_of(&kh, w.amara).await.unwrap();
    assert!(listed.len() == 1 && listed[0].expired, "{listed:?}");
}

#[tokio::test]
async fn the_account_page_lists_creates_and_revokes_only_ones_own_tokens() {
    let w = clocked(SessionLimits::default()).await;
    let kh = Identity::key_holder();
    let amaras = w.app.create_token(&kh, w.amara, "amara-script").await.unwrap();
    w.clock.advance(Duration::seconds(1));
    let ottos = w.app.create_token(&kh, w.otto, "otto-script").await.unwrap();
    let cookie = sign_in(&w, "amara").await;

    let page = body_text(send(&w.router, get("/account", &cookie)).await).await;
    assert!(page.contains("amara-script") && !page.contains("otto-script"), "{page}");
    let csrf = hidden_csrf(&page);

    // Creating one: a CSRF-protected form, a lifetime within bounds, the secret shown once.
    let create = |form: String| send(&w.router, post("/account/tokens", &cookie, &form));
    assert_eq!(create("label=ci&days=30".into()).await.status(), StatusCode::FORBIDDEN);
    for days in ["0", "366", "soon"] {
        let refused = create(format!("csrf={csrf}&label=ci&days={days}")).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{days} days");
    }
    let created = create(format!("csrf={csrf}&label=ci-runner&days=30")).await;
    assert_eq!(created.status(), StatusCode::OK);
    assert_eq!(created.headers()[header::CACHE_CONTROL], "no-store");
    let shown = body_text(created).await;
    let secret = shown.split("tt2_").nth(1).and_then(|rest| rest.split('<').next()).expect("the new secret");
    let secret = format!("tt2_{secret}");

    // The JSON API lists the caller's own tokens, with their expiry, and no one else's.
    let listed = send(&w.router, bearer("/api/v1/tokens", &secret)).await;
    assert_eq!(listed.status(), StatusCode::OK);
    let listed: serde_json::Value = serde_json::from_str(&body_text(listed).await).unwrap();
    let labels: Vec<&str> = listed.as_array().unwrap().iter().map(|t| t["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["amara-script", "ci-runner"]);
    let ci = listed.as_array().unwrap().iter().find(|t| t["label"] == "ci-runner").unwrap();
    let expires =
        time::OffsetDateTime::parse(ci["expires_at"].as_str().unwrap(), &time::format_description::well_known::Rfc3339)
            .unwrap();
    let created_at =
        time::OffsetDateTime::parse(ci["created_at"].as_str().unwrap(), &time::format_description::well_known::Rfc3339)
            .unwrap();
    assert_eq!(expires - created_at, Duration::days(30));
    assert!(!shown.contains("otto-script"));

    // Another's token is not found, and keeps working; one's own is revoked, and audited.
    let revoke =
        |id: String| send(&w.router, post(&format!("/account/tokens/{id}/revoke"), &cookie, &format!("csrf={csrf}")));
    assert_eq!(revoke(ottos.id.to_string()).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(send(&w.router, bearer("/api/v1/tokens", &ottos.secret)).await.status(), StatusCode::OK);
    let forged = send(&w.router, post(&format!("/account/tokens/{}/revoke", amaras.id), &cookie, "csrf=not-it")).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(send(&w.router, bearer("/api/v1/tokens", &amaras.secret)).await.status(), StatusCode::OK);
    assert_eq!(revoke(amaras.id.to_string()).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(send(&w.router, bearer("/api/v1/tokens", &amaras.secret)).await.status(), StatusCode::UNAUTHORIZED);
    let page = body_text(send(&w.router, get("/account", &cookie)).await).await;
    assert!(!page.contains("amara-script") && page.contains("ci-runner"), "{page}");
    assert_eq!(audit_actions(&w).await.iter().filter(|a| *a == "token.revoked").count(), 1);

    // Through the API too: another's is not found, one's own goes.
    let other = send(&w.router, bearer_post(&format!("/api/v1/tokens/{}/revoke", ottos.id), &secret)).await;
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    let ci_id = ci["id"].as_str().unwrap();
    let own = send(&w.router, bearer_post(&format!("/api/v1/tokens/{ci_id}/revoke"), &secret)).await;
    assert_eq!(own.status(), StatusCode::NO_CONTENT);
    assert_eq!(send(&w.router, bearer("/api/v1/tokens", &secret)).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(audit_actions(&w).await.iter().filter(|a| *a == "token.revoked").count(), 2);
}

#[tokio::test]
async fn an_idle_session_ends_and_a_busy_one_ends_at_its_lifetime() {
    let limits = SessionLimits { idle: Duration::minutes(10), lifetime: Duration::hours(1) };
    let w = clocked(limits).await;
    let signed_in = |response: axum::response::Response| response.status() == StatusCode::OK;

    // Used every nine minutes it stays; left for ten, it ends and the page asks to sign in.
    let cookie = sign_in(&w, "amara").await;
    for _ in 0..3 {
        w.clock.advance(Duration::minutes(9));
        assert!(signed_in(send(&w.router, get("/account", &cookie)).await));
    }
    w.clock.advance(Duration::minutes(10));
    let ended = send(&w.router, get("/account", &cookie)).await;
    assert_eq!(ended.status(), StatusCode::SEE_OTHER);
    assert_eq!(ended.headers()[header::LOCATION], "/sign-in");

    // Kept busy, it still ends an hour after sign-in.
    let cookie = sign_in(&w, "amara").await;
    let mut elapsed = Duration::ZERO;
    while elapsed + Duration::minutes(9) < Duration::hours(1) {
        w.clock.advance(Duration::minutes(9));
        elapsed += Duration::minutes(9);
        assert!(signed_in(send(&w.router, get("/account", &cookie)).await), "after {elapsed}");
    }
    w.clock.advance(Duration::hours(1) - elapsed);
    assert_eq!(send(&w.router, get("/account", &cookie)).await.status(), StatusCode::SEE_OTHER);
}
