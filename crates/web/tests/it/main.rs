//! The web workspace driven in-process: sign-in and sessions, CSRF, caucus and secret-channel
//! boundaries as a browser meets them, rate limiting and security headers; and the full
//! authorization matrix over every route.

mod campaign;
mod consent;
mod documents;
mod edge;
mod engine_words;
mod language;
mod matrix;
mod one_gate;
mod refusals;
mod tokens;
mod untranslated;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Request, StatusCode, header};
use axum::response::Response;
use tower::ServiceExt;
use tracktwo_app::App;
use tracktwo_domain::{Identity, MemberRole, NewInitiative, NewNote, NewSide, NewUser, Scope};
use tracktwo_test_support::{TestClock, TestStore, init_app, init_app_with_clock};
use tracktwo_web::{WebState, router};

const PASSWORD: &str = "a long test passphrase";

struct World {
    store: TestStore,
    app: Arc<App>,
    router: axum::Router,
    initiative: String,
    secret: String,
    side_a: String,
    side_b: String,
    note_b: String,
}

async fn world() -> World {
    world_with(None, |state| state).await
}

/// The world with, when given, a clock the test moves, and the web state set up by `configure`
/// (trusted proxies, limits).
async fn world_with(clock: Option<TestClock>, configure: impl FnOnce(WebState) -> WebState) -> World {
    let store = TestStore::sqlite().await;
    let app = Arc::new(match clock {
        Some(clock) => init_app_with_clock(Arc::clone(&store.store), clock).await,
        None => init_app(Arc::clone(&store.store)).await,
    });
    let kh = Identity::key_holder();
    let mut ids = std::collections::HashMap::new();
    for name in ["convener", "tarek", "mira", "outsider"] {
        let user = NewUser { username: name.into(), display_name: String::new(), is_admin: false };
        ids.insert(name, app.create_user_with_password(&kh, user, PASSWORD).await.unwrap().id);
    }
    let new =
        |title: &str, secret_channel| NewInitiative { title: title.into(), description: String::new(), secret_channel };
    let i = app.create_initiative(&kh, new("Serin", false), Some(ids["convener"])).await.unwrap();
    let a = app.add_side(&kh, i.id, NewSide { name: "Upper Vale".into() }).await.unwrap();
    let b = app.add_side(&kh, i.id, NewSide { name: "Lowland Coast".into() }).await.unwrap();
    app.add_member(&kh, i.id, ids["tarek"], MemberRole::Participant, Some(a.id)).await.unwrap();
    app.add_member(&kh, i.id, ids["mira"], MemberRole::Participant, Some(b.id)).await.unwrap();
    let note_b = app.add_note(&kh, i.id, NewNote { scope: Scope::Caucus(b.id), body: "B only".into() }).await.unwrap();
    let secret = app.create_initiative(&kh, new("Back channel", true), Some(ids["convener"])).await.unwrap();
    let state = Arc::new(configure(WebState::new(Arc::clone(&app), false)));
    let router = router(state).layer(MockConnectInfo(SocketAddr::from(([127, 0, 0, 1], 4000))));
    World {
        store,
        app,
        router,
        initiative: i.id.to_string(),
        secret: secret.id.to_string(),
        side_a: a.id.to_string(),
        side_b: b.id.to_string(),
        note_b: note_b.id.to_string(),
    }
}

async fn send(router: &axum::Router, request: Request<Body>) -> Response {
    router.clone().oneshot(request).await.unwrap()
}

async fn body_text(response: Response) -> String {
    String::from_utf8(axum::body::to_bytes(response.into_body(), 1 << 20).await.unwrap().to_vec()).unwrap()
}

fn get(uri: &str, cookie: &str) -> Request<Body> {
    Request::get(uri).header(header::COOKIE, cookie).body(Body::empty()).unwrap()
}

fn post(uri: &str, cookie: &str, form: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_owned()))
        .unwrap()
}

fn set_cookie(response: &Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")) && !v.starts_with(&format!("{name}=;")))
        .map(str::to_owned)
}

fn hidden_csrf(html: &str) -> String {
    let start = html.find("name=\"csrf\" value=\"").expect("csrf field") + "name=\"csrf\" value=\"".len();
    html[start..].split('"').next().unwrap().to_owned()
}

/// Signs in through the pages and returns the session cookie pair.
async fn sign_in(w: &World, username: &str) -> String {
    let form = send(&w.router, get("/sign-in", "")).await;
    let presession = set_cookie(&form, "tracktwo_presession").expect("pre-session cookie");
    let presession = presession.split(';').next().unwrap().to_owned();
    let csrf = hidden_csrf(&body_text(form).await);
    let response =
        send(&w.router, post("/sign-in", &presession, &format!("csrf={csrf}&username={username}&password={PASSWORD}")))
            .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let session = set_cookie(&response, "tracktwo_session").expect("session cookie");
    session.split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn sign_in_sets_a_strict_http_only_session_and_sign_out_ends_it() {
    let w = world().await;
    let form = send(&w.router, get("/sign-in", "")).await;
    let presession = set_cookie(&form, "tracktwo_presession").unwrap();
    assert!(presession.contains("HttpOnly") && presession.contains("SameSite=Strict"), "{presession}");
    // The signed-out dashboard sends people to sign in.
    let response = send(&w.router, get("/", "")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/sign-in");

    let cookie = sign_in(&w, "tarek").await;
    let page = body_text(send(&w.router, get("/", &cookie)).await).await;
    assert!(page.contains("Serin"));
    assert!(!page.contains("Back channel"), "a secret channel showed to a non-member");
    let csrf = hidden_csrf(&page);
    let out = send(&w.router, post("/sign-out", &cookie, &format!("csrf={csrf}"))).await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    assert_eq!(send(&w.router, get("/", &cookie)).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_wrong_password_gets_one_answer_and_the_same_page() {
    let w = world().await;
    let form = send(&w.router, get("/sign-in", "")).await;
    let presession = set_cookie(&form, "tracktwo_presession").unwrap().split(';').next().unwrap().to_owned();
    let csrf = hidden_csrf(&body_text(form).await);
    for user in ["tarek", "nobody"] {
        let response = send(
            &w.router,
            post("/sign-in", &presession, &format!("csrf={csrf}&username={user}&password=wrong-password")),
        )
        .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(body_text(response).await.contains("sign-in failed"));
    }
}

#[tokio::test]
async fn posts_without_the_sessions_csrf_token_are_refused() {
    let w = world().await;
    // Sign-in itself: no pre-session cookie, or a token for another one.
    let response = send(&w.router, post("/sign-in", "", &format!("username=tarek&password={PASSWORD}"))).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let cookie = sign_in(&w, "convener").await;
    let notes = format!("/initiatives/{}/notes", w.initiative);
    for form in ["body=forged", "csrf=&body=forged", "csrf=0123456789abcdef&body=forged"] {
        let response = send(&w.router, post(&notes, &cookie, form)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{form}");
    }
    let members = format!("/initiatives/{}/members", w.initiative);
    assert_eq!(
        send(&w.router, post(&members, &cookie, "username=outsider&role=observer")).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(send(&w.router, post("/sign-out", &cookie, "")).await.status(), StatusCode::FORBIDDEN);
    // Nothing was written.
    let kh = Identity::key_holder();
    let plenary = w.app.notes(&kh, w.initiative.parse().unwrap(), Scope::Plenary).await.unwrap();
    assert!(plenary.is_empty());
    // With the token, the same post goes through.
    let csrf = hidden_csrf(&body_text(send(&w.router, get(&notes, &cookie)).await).await);
    let response = send(&w.router, post(&notes, &cookie, &format!("csrf={csrf}&body=agreed"))).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_participant_cannot_reach_the_other_sides_caucus() {
    let w = world().await;
    let cookie = sign_in(&w, "tarek").await;
    let own = format!("/initiatives/{}/notes?caucus={}", w.initiative, w.side_a);
    assert_eq!(send(&w.router, get(&own, &cookie)).await.status(), StatusCode::OK);
    let other = format!("/initiatives/{}/notes?caucus={}", w.initiative, w.side_b);
    let response = send(&w.router, get(&other, &cookie)).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(!body_text(response).await.contains("B only"));
    // Posting into it with a valid token is refused the same way.
    let csrf = hidden_csrf(&body_text(send(&w.router, get(&own, &cookie)).await).await);
    let notes = format!("/initiatives/{}/notes", w.initiative);
    let response = send(&w.router, post(&notes, &cookie, &format!("csrf={csrf}&caucus={}&body=x", w.side_b))).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // And through the API, by the note's id: not found, exactly like a note that never existed.
    let kh = Identity::key_holder();
    let tarek = w.app.user_by_username(&kh, "tarek").await.unwrap();
    let token = w.app.create_token(&kh, tarek.id, "test").await.unwrap().secret;
    let api = |note: &str| {
        Request::get(format!("/api/v1/initiatives/{}/notes/{note}", w.initiative))
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap()
    };
    let hidden = send(&w.router, api(&w.note_b)).await;
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
    let never = send(&w.router, api("00000000-0000-4000-8000-000000000000")).await;
    assert_eq!(body_text(hidden).await, body_text(never).await);
}

#[tokio::test]
async fn a_secret_channel_is_not_found_for_outsiders_while_an_ordinary_one_is_forbidden() {
    let w = world().await;
    let cookie = sign_in(&w, "outsider").await;
    for path in ["", "/notes", "/members"] {
        let secret = send(&w.router, get(&format!("/initiatives/{}{path}", w.secret), &cookie)).await;
        assert_eq!(secret.status(), StatusCode::NOT_FOUND, "{path}");
        let body = body_text(secret).await;
        assert!(!body.contains("Back channel"));
        let never_used =
            send(&w.router, get(&format!("/initiatives/00000000-0000-4000-8000-000000000000{path}"), &cookie)).await;
        assert_eq!(never_used.status(), StatusCode::NOT_FOUND);
        assert_eq!(body, body_text(never_used).await, "a secret channel must look like nothing at all");
        let ordinary = send(&w.router, get(&format!("/initiatives/{}{path}", w.initiative), &cookie)).await;
        assert_eq!(ordinary.status(), StatusCode::FORBIDDEN, "{path}");
    }
}

#[tokio::test]
async fn pages_carry_a_strict_content_security_policy() {
    let w = world().await;
    for path in ["/sign-in", "/", "/nowhere", "/assets/style.css"] {
        let response = send(&w.router, get(path, "")).await;
        let csp = response.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
        assert!(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(response.headers()[header::X_FRAME_OPTIONS], "DENY");
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    }
    let page = send(&w.router, get("/sign-in", "")).await;
    assert_eq!(page.headers()[header::CACHE_CONTROL], "no-store");
    let html = body_text(page).await;
    assert!(!html.contains("<script") && !html.contains("style=\""), "inline script or style");
}

#[tokio::test]
async fn two_step_sign_in_is_set_up_from_the_account_page() {
    let w = world().await;
    let cookie = sign_in(&w, "tarek").await;
    let account = body_text(send(&w.router, get("/account", &cookie)).await).await;
    assert!(account.contains("Set up two-step sign-in"));
    let csrf = hidden_csrf(&account);
    let enrol = send(&w.router, post("/account/second-factor", &cookie, &format!("csrf={csrf}"))).await;
    assert_eq!(enrol.status(), StatusCode::OK);
    let page = body_text(enrol).await;
    assert!(page.contains("<svg") && page.contains("totp-secret"), "no QR code or key shown");
    assert!(!page.contains("<?xml"));

    let kh = Identity::key_holder();
    let tarek = w.app.user_by_username(&kh, "tarek").await.unwrap();
    let code = w.app.current_second_factor_code(tarek.id).await.unwrap();
    let confirmed =
        send(&w.router, post("/account/second-factor/confirm", &cookie, &format!("csrf={csrf}&code={code}"))).await;
    assert_eq!(confirmed.status(), StatusCode::OK);
    assert_eq!(body_text(confirmed).await.matches("<li><code>").count(), 10);
    // The session ended; a password alone no longer signs in.
    assert_eq!(send(&w.router, get("/", &cookie)).await.status(), StatusCode::SEE_OTHER);
    let form = send(&w.router, get("/sign-in", "")).await;
    let presession = set_cookie(&form, "tracktwo_presession").unwrap().split(';').next().unwrap().to_owned();
    let csrf = hidden_csrf(&body_text(form).await);
    let without = format!("csrf={csrf}&username=tarek&password={PASSWORD}");
    assert_eq!(send(&w.router, post("/sign-in", &presession, &without)).await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_openapi_document_describes_exactly_the_api_routes() {
    let w = world().await;
    let response = send(&w.router, get("/api/v1/openapi.json", "")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let document: serde_json::Value = serde_json::from_str(&body_text(response).await).unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    let mut described = std::collections::BTreeSet::new();
    for (path, operations) in document["paths"].as_object().unwrap() {
        for method in operations.as_object().unwrap().keys() {
            described.insert((method.to_uppercase(), path.clone()));
        }
    }
    let served: std::collections::BTreeSet<(String, String)> = tracktwo_web::route_list()
        .into_iter()
        .filter(|(_, path)| path.starts_with("/api/"))
        .map(|(method, path)| (method.to_string(), path.to_owned()))
        .collect();
    assert_eq!(described, served, "the OpenAPI document and the router disagree");
}

fn json_post(uri: &str, bearer: &str, body: &str) -> Request<Body> {
    let mut builder = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if !bearer.is_empty() {
        builder = builder.header(header::AUTHORIZATION, format!("Bearer {bearer}"));
    }
    builder.body(Body::from(body.to_owned())).unwrap()
}

/// A consultation of `statements` statements in the world's initiative, with one campaign link
/// under `limits`.
pub(crate) async fn consultation_with_campaign_link(
    w: &World,
    statements: usize,
    limits: tracktwo_domain::campaign::CampaignLimits,
) -> (tracktwo_domain::ConversationId, tracktwo_app::conversations::IssuedInvitation) {
    use tracktwo_app::conversations::NewLinks;
    use tracktwo_domain::conversation::{Conversation, ConversationMode};
    let kh = Identity::key_holder();
    let initiative = w.initiative.parse().unwrap();
    let conversation = Conversation {
        title: "River".into(),
        question: String::new(),
        mode: ConversationMode::Consultation,
        segments: Vec::new(),
        accepts_statements: false,
        seed: 0,
        closed: false,
    };
    let statements: Vec<String> = (0..statements).map(|n| format!("Statement {n}")).collect();
    let c = w.app.create_conversation(&kh, initiative, conversation, &statements).await.unwrap();
    let link = w.app.create_invitations(&kh, initiative, c, NewLinks::Campaign(limits), "").await.unwrap().remove(0);
    (c, link)
}

#[tokio::test]
async fn a_consultation_voter_joins_votes_through_the_api_and_is_held_to_a_persons_pace() {
    let w = world().await;
    let kh = Identity::key_holder();
    let initiative: tracktwo_domain::InitiativeId = w.initiative.parse().unwrap();
    let (c, link) = consultation_with_campaign_link(&w, 30, tracktwo_domain::campaign::CampaignLimits::PROPOSED).await;

    let body = format!(r#"{{"side":"{}"}}"#, w.side_a);
    let joined =
        send(&w.router, json_post(&format!("/api/v1/invitations/{}/voters", link.pass.expose()), "", &body)).await;
    assert_eq!(joined.status(), StatusCode::CREATED);
    let joined: serde_json::Value = serde_json::from_str(&body_text(joined).await).unwrap();
    let token = joined["voter_token"].as_str().unwrap().to_owned();
    assert_ne!(token, link.pass.expose(), "a campaign link gives each voter a credential of their own");

    let ballot = Request::get("/api/v1/ballot")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    let ballot: serde_json::Value = serde_json::from_str(&body_text(send(&w.router, ballot).await).await).unwrap();
    assert_eq!(ballot["remaining"], 30);
    let mut statement = ballot["statement"]["id"].as_u64().unwrap();
    let mut statuses = Vec::new();
    for _ in 0..40 {
        let vote = send(
            &w.router,
            json_post("/api/v1/ballot/votes", &token, &format!(r#"{{"statement":{statement},"vote":"agree"}}"#)),
        )
        .await;
        statuses.push(vote.status());
        if vote.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(vote.headers().get(header::RETRY_AFTER).is_some());
            continue;
        }
        let recorded: serde_json::Value = serde_json::from_str(&body_text(vote).await).unwrap();
        assert_eq!(recorded["recorded"], true);
        statement = recorded["next"]["id"].as_u64().unwrap();
    }
    // Twenty at once, then about five a second (the bucket refills while the requests run).
    let accepted = statuses.iter().filter(|s| **s == StatusCode::CREATED).count();
    assert!(statuses[..20].iter().all(|s| *s == StatusCode::CREATED), "{statuses:?}");
    assert!((20..30).contains(&accepted), "{statuses:?}");
    assert!(statuses.iter().all(|s| [StatusCode::CREATED, StatusCode::TOO_MANY_REQUESTS].contains(s)));

    // Bad input is a clear 4xx, never a vote.
    for body in [r#"{"statement":0,"vote":"maybe"}"#, r#"{"statement":"x"}"#, "not json"] {
        let response = send(&w.router, json_post("/api/v1/ballot/votes", &token, body)).await;
        assert!(response.status().is_client_error(), "{body}: {}", response.status());
    }
    let response =
        send(&w.router, json_post("/api/v1/ballot/votes", "0123", r#"{"statement":0,"vote":"agree"}"#)).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let response = send(&w.router, json_post("/api/v1/invitations/0123/voters", "", "{}")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // The team's page shows the votes; an import with a bad line is refused whole, naming it.
    let cookie = sign_in(&w, "convener").await;
    let page =
        body_text(send(&w.router, get(&format!("/initiatives/{initiative}/conversations/{c}"), &cookie)).await).await;
    assert!(page.contains(&format!("1 voters, {accepted} votes")), "{page}");
    let list =
        body_text(send(&w.router, get(&format!("/initiatives/{initiative}/conversations"), &cookie)).await).await;
    let csrf = hidden_csrf(&list);
    let form = format!(
        "csrf={csrf}&title=Bad&comments={}&votes={}",
        "comment-id%2Ccomment-body%0A0%2CFirst%0A",
        "timestamp%2Cdatetime%2Ccomment-id%2Cvoter-id%2Cvote%0A1%2C%2C0%2C5%2C1%0A2%2C%2C0%2C6%2C3%0A"
    );
    let refused =
        send(&w.router, post(&format!("/initiatives/{initiative}/conversations/import"), &cookie, &form)).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The file's name set apart, the line and the problem in the page's words.
    let page = body_text(refused).await;
    assert!(page.contains("<bdi>votes.csv</bdi> line 3: <bdi>vote</bdi> is <bdi>3</bdi>"), "{page}");
    assert_eq!(w.app.conversations(&kh, initiative).await.unwrap().len(), 1, "nothing was imported");
    w.store.cleanup().await;
}

/// Someone who can write to the database moves their own API token to the convener, directly in
/// SQL. Without the key the row's MAC cannot follow, so the token opens nothing: the API answers
/// as for a token never issued, where it would otherwise have served the convener's initiatives.
#[tokio::test]
async fn a_token_moved_to_the_convener_in_the_database_opens_nothing() {
    let w = world().await;
    let kh = Identity::key_holder();
    let outsider = w.app.user_by_username(&kh, "outsider").await.unwrap().id;
    let token = w.app.create_token(&kh, outsider, "script").await.unwrap().secret;
    let list = |token: &str| {
        Request::builder()
            .uri("/api/v1/initiatives")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(send(&w.router, list(&token)).await.status(), StatusCode::OK);
    let convener = w.app.user_by_username(&kh, "convener").await.unwrap().id;
    w.store.execute_raw(&format!("UPDATE tokens SET user_id = '{convener}' WHERE user_id = '{outsider}'")).await;
    let forged = send(&w.router, list(&token)).await;
    assert_eq!(forged.status(), StatusCode::UNAUTHORIZED);
    assert!(!body_text(forged).await.contains("Serin"));
}

/// A client that sends its headers a byte at a time, and never finishes, is cut off once the
/// header-read limit passes, while a whole request is answered at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let w = world().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let options = tracktwo_web::EdgeOptions::default();
    let server = tokio::spawn(tracktwo_web::serve(listener, Arc::clone(&w.app), options, async {
        let _ = stopped.await;
    }));

    let mut whole = tokio::net::TcpStream::connect(address).await.unwrap();
    whole.write_all(b"GET /sign-in HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").await.unwrap();
    let mut answer = Vec::new();
    whole.read_to_end(&mut answer).await.unwrap();
    assert!(answer.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&answer));

    let mut slow = tokio::net::TcpStream::connect(address).await.unwrap();
    slow.write_all(b"GET /sign-in HTTP/1.1\r\nHost: localhost\r\nX-Slow: ").await.unwrap();
    let limit = tracktwo_web::HEADER_READ_TIMEOUT;
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(limit * 3, slow.read_to_end(&mut rest)).await;
    assert!(closed.is_ok(), "the connection was still open after three times the header-read limit");
    assert!(!rest.starts_with(b"HTTP/1.1 200"), "a request without its end of headers was served");

    let _ = stop.send(());
    server.await.unwrap().unwrap();
}

/// `text` as a form value.
fn form_value(text: &str) -> String {
    text.bytes()
        .map(|b| if b.is_ascii_alphanumeric() { char::from(b).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// A meeting of round one under the Chatham House Rule, with one plenary session and
/// `attendance`.
async fn chatham_house_meeting(
    w: &World,
    i: tracktwo_domain::InitiativeId,
    attendance: Vec<tracktwo_domain::dialogue::Attendance>,
) -> tracktwo_domain::MeetingId {
    use tracktwo_domain::dialogue::{ConfidentialityMode, Meeting, Round, Session};
    let kh = Identity::key_holder();
    let round = w.app.add_round(&kh, i, Round { number: 1, title: "One".into(), starts_on: None, ends_on: None });
    let mode = ConfidentialityMode::ChathamHouse;
    let meeting = Meeting {
        round: round.await.unwrap(),
        title: "Workshop".into(),
        starts_on: time::macros::date!(2025 - 04 - 20),
        ends_on: None,
        venue: String::new(),
        mode,
        sessions: vec![Session { title: "Opening".into(), scope: Scope::Plenary, mode }],
        attendance,
        agenda: Vec::new(),
        stage_reached: None,
        cleared: std::collections::BTreeSet::new(),
    };
    w.app.add_meeting(&kh, i, meeting).await.unwrap()
}

#[tokio::test]
async fn a_note_naming_someone_attending_comes_back_marked_and_is_kept_as_the_draft() {
    use tracktwo_app::dialogue::MeetingView;
    use tracktwo_domain::dialogue::Attendance;
    let w = world().await;
    let kh = Identity::key_holder();
    let i: tracktwo_domain::InitiativeId = w.initiative.parse().unwrap();
    let amal = tracktwo_test_support::person_on_map(&w.app, i, "Amal Haddad", "UV-01", None, true).await;
    let m = chatham_house_meeting(
        &w,
        i,
        vec![Attendance {
            actor: Some(amal),
            name: "Amal Haddad".into(),
            organisation: String::new(),
            side: None,
            capacity: tracktwo_domain::map::Capacity::NonOfficial,
            account: None,
        }],
    )
    .await;
    let cookie = sign_in(&w, "convener").await;
    let page = format!("/initiatives/{i}/meetings/{m}");
    let csrf = hidden_csrf(&body_text(send(&w.router, get(&page, &cookie)).await).await);
    let typed = "AMAL’s <view>: a joint gauge, as haddad said";
    let form = format!("csrf={csrf}&session=0&speaker=A1&body={}&tag=need", form_value(typed));
    let response = send(&w.router, post(&format!("{page}/notes"), &cookie, &form)).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(response).await;
    // The words to change are marked, the rest of the note escaped as any text.
    assert!(html.contains("<mark>AMAL</mark>’s &lt;view&gt;: a joint gauge, as <mark>haddad</mark> said"), "{html}");
    // What was typed is in the form again, tags and all, and kept as the draft.
    assert!(html.contains(">AMAL’s &lt;view&gt;: a joint gauge, as haddad said</textarea>"), "{html}");
    assert!(html.contains(r#"value="need" checked"#), "{html}");
    let convener = w.app.user_by_username(&kh, "convener").await.unwrap();
    let convener = Identity::user(convener.id, false, tracktwo_domain::Channel::Web);
    assert_eq!(w.app.note_draft(&convener, i, m).await.unwrap().body, typed);
    let MeetingView::Full { notes, .. } = w.app.meeting(&kh, i, m).await.unwrap() else { panic!("the team's view") };
    assert!(notes.is_empty(), "a held note is not saved");
    // With the names replaced by the speaker's code, it is.
    let form = format!("csrf={csrf}&session=0&speaker=A1&body={}", form_value("a joint gauge"));
    assert_eq!(send(&w.router, post(&format!("{page}/notes"), &cookie, &form)).await.status(), StatusCode::SEE_OTHER);
    w.store.cleanup().await;
}
