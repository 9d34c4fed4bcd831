//! The text page's server time for a text the size of a long negotiation (300 clauses, about
//! 40,000 words, 200 versions, 100 comments) on SQLite, through the whole router: session,
//! the core's reading of the text, and the HTML drawn. Target (docs/benchmarks.md): ≤ 100 ms.
//! The participant's page carries the clauses and what they may see of the comments; the
//! facilitator's also carries the whole draft in the new-version form and the pen's forms.
//!
//! `cargo bench -p tracktwo-web --bench text_page`

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Request, StatusCode, header};
use divan::Bencher;
use tower::ServiceExt;
use tracktwo_domain::{Identity, NewUser};
use tracktwo_test_support::{TestStore, init_app};
use tracktwo_web::{WebState, router};

#[path = "../../app/benches/support/long_negotiation.rs"]
mod long_negotiation;

const PASSWORD: &str = "a long benchmark passphrase";

fn main() {
    divan::main();
}

struct Fixture {
    runtime: tokio::runtime::Runtime,
    _store: TestStore,
    router: axum::Router,
    page: String,
    participant: String,
    facilitator: String,
}

async fn body(response: axum::response::Response) -> String {
    String::from_utf8(axum::body::to_bytes(response.into_body(), 64 << 20).await.unwrap().to_vec()).unwrap()
}

/// A session cookie for `username`, signed in through the sign-in form.
async fn sign_in(router: &axum::Router, username: &str) -> String {
    let form = router.clone().oneshot(Request::get("/sign-in").body(Body::empty()).unwrap()).await.unwrap();
    let cookie = |response: &axum::response::Response, name: &str| {
        response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with(name))
            .and_then(|v| v.split(';').next())
            .unwrap()
            .to_owned()
    };
    let presession = cookie(&form, "tracktwo_presession");
    let html = body(form).await;
    let csrf = html.split("name=\"csrf\" value=\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap().to_owned();
    let request = Request::post("/sign-in")
        .header(header::COOKIE, presession)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("csrf={csrf}&username={username}&password={PASSWORD}")))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    cookie(&response, "tracktwo_session")
}

fn fixture() -> Fixture {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let fixture = runtime.block_on(async {
        let store = TestStore::sqlite().await;
        let app = Arc::new(init_app(Arc::clone(&store.store)).await);
        let kh = Identity::key_holder();
        let mut users = Vec::new();
        for name in ["reader", "facilitator"] {
            let new = NewUser { username: name.into(), display_name: String::new(), is_admin: false };
            users.push(app.create_user_with_password(&kh, new, PASSWORD).await.unwrap().id);
        }
        let (initiative, text) = long_negotiation::long_negotiation(&app, users[0], users[1]).await;
        let state = Arc::new(WebState::new(Arc::clone(&app), false));
        let router = router(state).layer(MockConnectInfo(SocketAddr::from(([127, 0, 0, 1], 4000))));
        let participant = sign_in(&router, "reader").await;
        let facilitator = sign_in(&router, "facilitator").await;
        (store, router, format!("/initiatives/{initiative}/texts/{text}"), participant, facilitator)
    });
    let (store, router, page, participant, facilitator) = fixture;
    Fixture { runtime, _store: store, router, page, participant, facilitator }
}

fn load(f: &Fixture, cookie: &str) -> usize {
    f.runtime.block_on(async {
        let request = Request::get(&f.page).header(header::COOKIE, cookie).body(Body::empty()).unwrap();
        let response = f.router.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        body(response).await.len()
    })
}

/// A participant's text page, drawn whole.
#[divan::bench(sample_count = 30)]
fn the_participants_page(bencher: Bencher<'_, '_>) {
    let f = fixture();
    bencher.bench_local(|| load(&f, &f.participant));
}

/// The facilitator's page: the same, with the whole draft in the new-version form.
#[divan::bench(sample_count = 30)]
fn the_facilitators_page(bencher: Bencher<'_, '_>) {
    let f = fixture();
    bencher.bench_local(|| load(&f, &f.facilitator));
}
