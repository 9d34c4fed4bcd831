//! The authorization matrix: every route of the web application, requested by every kind of
//! caller — unauthenticated, an outsider, an administrator who is no member, and each role of
//! each side — on an ordinary initiative and on a secret channel, in the plenary and in each
//! caucus. The expected answer comes from the policy (`tracktwo_domain::access::decide`); a
//! route of the router that the matrix does not exercise fails the test.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use tower::ServiceExt;
use tracktwo_app::App;
use tracktwo_domain::access::{Denied, decide};
use tracktwo_domain::map::{ActorDetails, ActorKind, Level, TieDetails, TieKind, Track};
use tracktwo_domain::{
    ActorId, Channel, Identity, InitiativeId, MemberRole, NewInitiative, NewNote, NewSide, NewUser, NoteId, Operation,
    Scope, SideId, Standing, UserId,
};
use tracktwo_store_conformance::{TestStore, init_app};
use tracktwo_web::{WebState, route_list, router};

const PASSWORD: &str = "a long test passphrase";

struct Caller {
    name: String,
    id: Option<UserId>,
    is_admin: bool,
    /// Standing in the ordinary initiative and in the secret one.
    ordinary: Option<Standing>,
    secret: Option<Standing>,
    cookie: String,
    token: String,
}

struct Fixture {
    app: Arc<App>,
    router: axum::Router,
    ordinary: InitiativeId,
    secret: InitiativeId,
    side_a: SideId,
    side_b: SideId,
    /// One note in each scope of the ordinary initiative, and one in the secret channel.
    notes: Vec<(InitiativeId, Scope, NoteId)>,
    /// Two actors on the map of each initiative.
    actors: Vec<(InitiativeId, ActorId, ActorId)>,
}

fn actor_details(code: &str) -> ActorDetails {
    ActorDetails {
        kind: ActorKind::Person,
        name: Some(format!("Name of {code}")),
        code_name: code.to_owned(),
        primary_track: Track::Research,
        tracks: std::collections::BTreeSet::new(),
        level: Level::MiddleRange,
        side: None,
        role: String::new(),
        decision_maker: false,
        notes: String::new(),
    }
}

fn tie_details(from: ActorId, to: ActorId) -> TieDetails {
    TieDetails {
        from,
        to,
        kind: TieKind::Colleague,
        directed: false,
        strength: 3,
        valid_from: None,
        valid_until: None,
        notes: String::new(),
    }
}

async fn request(f: &Fixture, method: Method, uri: &str, caller: &Caller, form: Option<String>) -> StatusCode {
    let api = uri.starts_with("/api/");
    let mut builder = Request::builder().method(method).uri(uri);
    if api {
        if !caller.token.is_empty() {
            builder = builder.header(header::AUTHORIZATION, format!("Bearer {}", caller.token));
        }
    } else {
        builder = builder.header(header::COOKIE, &caller.cookie);
    }
    let body = match form {
        Some(form) if api => {
            builder = builder.header(header::CONTENT_TYPE, "application/json");
            Body::from(form)
        }
        Some(form) => {
            builder = builder.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(form)
        }
        None => Body::empty(),
    };
    f.router.clone().oneshot(builder.body(body).unwrap()).await.unwrap().status()
}

/// What the policy says about `operations` in order: the first refusal decides.
fn expected(
    caller: &Caller,
    standing: Option<Standing>,
    secret: bool,
    operations: &[Operation],
) -> Result<(), StatusCode> {
    let identity = match caller.id {
        Some(id) => Identity::user(id, caller.is_admin, Channel::Web),
        None => return Err(StatusCode::UNAUTHORIZED),
    };
    for operation in operations {
        match decide(&identity, standing, secret, *operation) {
            Ok(()) => {}
            Err(Denied::Hidden | Denied::OtherSide) => return Err(StatusCode::NOT_FOUND),
            Err(_) => return Err(StatusCode::FORBIDDEN),
        }
    }
    Ok(())
}

#[track_caller]
fn check(route: &str, caller: &Caller, expect: Result<(), StatusCode>, got: StatusCode, api: bool) {
    let what = format!("{route} as {}: expected {expect:?}, got {got}", caller.name);
    match expect {
        // Allowed: anything but a refusal (a 409 for a member added twice is still allowed).
        Ok(()) => {
            let refused = [StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN, StatusCode::NOT_FOUND].contains(&got);
            // A page that answers a GET by sending the caller to sign in refused them too.
            let sent_to_sign_in = got == StatusCode::SEE_OTHER && !api && route.starts_with("GET");
            assert!(!refused && !sent_to_sign_in, "{what}");
        }
        // Pages send the unauthenticated to sign in; the API answers 401.
        Err(StatusCode::UNAUTHORIZED) if !api => assert_eq!(got, StatusCode::SEE_OTHER, "{what}"),
        Err(status) => assert_eq!(got, status, "{what}"),
    }
}

/// A person of the fixture: name, id, administrator, standing in the ordinary and the secret one.
type Person = (String, UserId, bool, Option<Standing>, Option<Standing>);

async fn fixture() -> (TestStore, Fixture, Vec<Caller>) {
    let store = TestStore::sqlite().await;
    let app = Arc::new(init_app(Arc::clone(&store.store)).await);
    let kh = Identity::key_holder();
    let create = |name: &str, is_admin: bool| {
        let app = Arc::clone(&app);
        let new = NewUser { username: name.into(), display_name: String::new(), is_admin };
        async move { app.create_user_with_password(&Identity::key_holder(), new, PASSWORD).await.unwrap().id }
    };
    let convener = create("convener", false).await;
    let new =
        |title: &str, secret_channel| NewInitiative { title: title.into(), description: String::new(), secret_channel };
    let ordinary = app.create_initiative(&kh, new("Ordinary", false), Some(convener)).await.unwrap().id;
    let secret = app.create_initiative(&kh, new("Secret", true), Some(convener)).await.unwrap().id;
    let side_a = app.add_side(&kh, ordinary, NewSide { name: "A".into() }).await.unwrap().id;
    let side_b = app.add_side(&kh, ordinary, NewSide { name: "B".into() }).await.unwrap().id;
    create("spare", false).await;

    let mut callers = vec![Caller {
        name: "unauthenticated".into(),
        id: None,
        is_admin: false,
        ordinary: None,
        secret: None,
        cookie: String::new(),
        token: String::new(),
    }];
    let convener_standing = Some(Standing { role: MemberRole::Convener, side: None });
    let mut people: Vec<Person> = vec![("convener".into(), convener, false, convener_standing, convener_standing)];
    people.push(("outsider".into(), create("outsider", false).await, false, None, None));
    people.push(("administrator".into(), create("administrator", true).await, true, None, None));
    for role in MemberRole::ALL.into_iter().filter(|r| *r != MemberRole::Convener) {
        let sides: Vec<Option<SideId>> =
            if role == MemberRole::Participant { vec![Some(side_a), Some(side_b)] } else { vec![None] };
        for side in sides {
            let name = match side {
                Some(s) if s == side_a => format!("{}-a", role.as_str()),
                Some(_) => format!("{}-b", role.as_str()),
                None => role.as_str().to_owned(),
            };
            let id = create(&name, false).await;
            app.add_member(&kh, ordinary, id, role, side).await.unwrap();
            let in_secret = if role == MemberRole::Facilitator {
                app.add_member(&kh, secret, id, role, None).await.unwrap();
                Some(Standing { role, side: None })
            } else {
                None
            };
            people.push((name, id, false, Some(Standing { role, side }), in_secret));
        }
    }
    let mut notes = Vec::new();
    for scope in [Scope::Plenary, Scope::Caucus(side_a), Scope::Caucus(side_b)] {
        let note = app.add_note(&kh, ordinary, NewNote { scope, body: "n".into() }).await.unwrap();
        notes.push((ordinary, scope, note.id));
    }
    let hidden = app.add_note(&kh, secret, NewNote { scope: Scope::Plenary, body: "s".into() }).await.unwrap();
    notes.push((secret, Scope::Plenary, hidden.id));
    let mut actors = Vec::new();
    for initiative in [ordinary, secret] {
        let a = app.add_actor(&kh, initiative, actor_details("FIX-A")).await.unwrap().id;
        let b = app.add_actor(&kh, initiative, actor_details("FIX-B")).await.unwrap().id;
        app.add_tie(&kh, initiative, tie_details(a, b)).await.unwrap();
        actors.push((initiative, a, b));
    }

    for (name, id, is_admin, ordinary_standing, secret_standing) in people {
        let signed_in = app.sign_in(&name, PASSWORD, None, Channel::Web).await.unwrap();
        let token = app.create_token(&kh, id, "matrix").await.unwrap().secret;
        callers.push(Caller {
            name,
            id: Some(id),
            is_admin,
            ordinary: ordinary_standing,
            secret: secret_standing,
            cookie: format!("tracktwo_session={}", signed_in.session_secret),
            token,
        });
    }
    let state = Arc::new(WebState::new(Arc::clone(&app), false));
    let router = router(state).layer(MockConnectInfo(SocketAddr::from(([127, 0, 0, 1], 4100))));
    (store, Fixture { app, router, ordinary, secret, side_a, side_b, notes, actors }, callers)
}

/// The system map's routes for one caller on one initiative.
async fn map_routes(
    f: &Fixture,
    caller: &Caller,
    initiative: InitiativeId,
    standing: Option<Standing>,
    secret: bool,
    csrf: &str,
    exercised: &mut BTreeSet<(Method, &'static str)>,
) {
    let base = format!("/initiatives/{initiative}");
    let expect = |ops: &[Operation]| expected(caller, standing, secret, ops);
    let (_, a, b) = *f.actors.iter().find(|(i, _, _)| *i == initiative).unwrap();
    let kh = Identity::key_holder();

    let fixture_tie = f.app.system_map(&kh, initiative).await.unwrap().ties[0].id;
    let gets: [(&'static str, String, Vec<Operation>); 11] = [
        ("/initiatives/{initiative}/ties/{tie}", format!("{base}/ties/{fixture_tie}"), vec![Operation::ReadMap]),
        (
            "/initiatives/{initiative}/map",
            format!("{base}/map?as_of=2026-01-01&compare=2025-01-01"),
            vec![Operation::ReadMap],
        ),
        ("/initiatives/{initiative}/map/coverage", format!("{base}/map/coverage"), vec![Operation::ReadMap]),
        (
            "/initiatives/{initiative}/map/selection",
            format!("{base}/map/selection"),
            vec![Operation::ViewInitiative, Operation::SelectParticipants],
        ),
        (
            "/initiatives/{initiative}/map/selection",
            format!("{base}/map/selection?invitees=2&track=5&level=middle"),
            vec![Operation::ViewInitiative, Operation::SelectParticipants],
        ),
        (
            "/initiatives/{initiative}/map/transfer",
            format!("{base}/map/transfer"),
            vec![Operation::ViewInitiative, Operation::ReadMap],
        ),
        ("/initiatives/{initiative}/map/export", format!("{base}/map/export?format=gexf"), vec![Operation::ReadMap]),
        ("/initiatives/{initiative}/actors", format!("{base}/actors"), vec![Operation::ReadMap]),
        ("/initiatives/{initiative}/actors/{actor}", format!("{base}/actors/{a}"), vec![Operation::ReadMap]),
        ("/initiatives/{initiative}/registry", format!("{base}/registry"), vec![Operation::ReadRegistry]),
        (
            "/initiatives/{initiative}/registry/{actor}",
            format!("{base}/registry/{a}"),
            vec![Operation::ReadRegistry, Operation::ReadMap],
        ),
    ];
    for (route, uri, ops) in gets {
        exercised.insert((Method::GET, route));
        let got = request(f, Method::GET, &uri, caller, None).await;
        check(&format!("GET {uri}"), caller, expect(&ops), got, false);
    }

    // Writes, each on records made afresh for this caller so one caller's removal cannot turn
    // the next one's answer into "not found".
    let code = format!("C-{}", caller.name);
    let spare = f.app.add_actor(&kh, initiative, actor_details(&format!("S-{}", caller.name))).await.unwrap().id;
    let tie = f.app.add_tie(&kh, initiative, tie_details(a, b)).await.unwrap().id;
    let snapshot = f
        .app
        .add_map_snapshot(
            &kh,
            initiative,
            tracktwo_domain::map::MapSnapshot {
                label: "Before".into(),
                date: time::macros::date!(2025 - 03 - 01),
                note: String::new(),
            },
        )
        .await
        .unwrap();
    let actor_form =
        |code: &str| format!("csrf={csrf}&code_name={code}&kind=person&primary_track=5&tracks=2&level=top&side=");
    let posts: [(&'static str, String, String, Vec<Operation>); 10] = [
        ("/initiatives/{initiative}/ties/{tie}", format!("{base}/ties/{tie}"), format!("csrf={csrf}&kind=colleague&strength=4&valid_until=2026-01-01"), vec![Operation::ReadMap, Operation::WriteMap]),
        ("/initiatives/{initiative}/map/snapshots", format!("{base}/map/snapshots"), format!("csrf={csrf}&label=After&date=2026-06-01"), vec![Operation::WriteMap]),
        ("/initiatives/{initiative}/map/snapshots/{snapshot}/remove", format!("{base}/map/snapshots/{snapshot}/remove"), format!("csrf={csrf}"), vec![Operation::WriteMap]),
        ("/initiatives/{initiative}/actors", format!("{base}/actors"), actor_form(&code), vec![Operation::WriteMap]),
        ("/initiatives/{initiative}/actors/{actor}", format!("{base}/actors/{spare}"), actor_form(&format!("U-{}", caller.name)), vec![Operation::WriteMap]),
        ("/initiatives/{initiative}/actors/{actor}/remove", format!("{base}/actors/{spare}/remove"), format!("csrf={csrf}"), vec![Operation::WriteMap]),
        ("/initiatives/{initiative}/ties", format!("{base}/ties"), format!("csrf={csrf}&from={a}&to={b}&kind=advises&strength=2"), vec![Operation::WriteMap]),
        ("/initiatives/{initiative}/ties/{tie}/remove", format!("{base}/ties/{tie}/remove"), format!("csrf={csrf}&back={a}"), vec![Operation::WriteMap]),
        ("/initiatives/{initiative}/registry/{actor}", format!("{base}/registry/{a}"),
            format!("csrf={csrf}&capacity=non-official&contacted=given&listed=refused&recorded_under_code=given&photographed=not-asked&exposure_at_home=2&travel_risk=1"),
            vec![Operation::WriteRegistry]),
        ("/initiatives/{initiative}/map/import", format!("{base}/map/import"),
            format!(
                "csrf={csrf}&format=csv&ties=&file={}",
                format!(
                    "code,name,kind,primary_track,tracks,level,side,role,decision_maker,notes\nI-{},,person,5,,middle,,,no,\n",
                    caller.name
                )
                .replace(',', "%2C")
                .replace('\n', "%0A")
            ),
            vec![Operation::ViewInitiative, Operation::WriteMap]),
    ];
    for (route, uri, form, ops) in posts {
        exercised.insert((Method::POST, route));
        let got = request(f, Method::POST, &uri, caller, Some(form)).await;
        check(&format!("POST {uri}"), caller, expect(&ops), got, false);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_answers_every_caller_as_the_policy_says() {
    let (_store, f, callers) = fixture().await;
    let mut exercised: BTreeSet<(Method, &'static str)> = BTreeSet::new();
    let caucus = |scope: Scope| match scope {
        Scope::Plenary => String::new(),
        Scope::Caucus(side) => side.to_string(),
    };

    for caller in &callers {
        let signed_in = caller.id.is_some();
        let any_user = if signed_in { Ok(()) } else { Err(StatusCode::UNAUTHORIZED) };

        // Routes open to everyone.
        for path in ["/sign-in", "/healthz", "/assets/style.css", "/api/v1/openapi.json"] {
            exercised.insert((Method::GET, path));
            let got = request(&f, Method::GET, path, caller, None).await;
            assert_eq!(got, StatusCode::OK, "GET {path} as {}", caller.name);
        }
        // Signing in is refused without the form's anti-CSRF token, for everyone.
        exercised.insert((Method::POST, "/sign-in"));
        let got = request(&f, Method::POST, "/sign-in", caller, Some(format!("username=x&password={PASSWORD}"))).await;
        assert_eq!(got, StatusCode::FORBIDDEN, "POST /sign-in as {}", caller.name);

        // One's own account: any signed-in person, nobody else.
        exercised.insert((Method::GET, "/"));
        check("GET /", caller, any_user, request(&f, Method::GET, "/", caller, None).await, false);
        exercised.insert((Method::GET, "/account"));
        check("GET /account", caller, any_user, request(&f, Method::GET, "/account", caller, None).await, false);
        let csrf = caller.cookie.strip_prefix("tracktwo_session=").map(tracktwo_app::csrf_token).unwrap_or_default();
        for (path, form) in [
            ("/account/password", format!("csrf={csrf}&current=wrong-current-one&new=whatever-new-one")),
            ("/account/second-factor/confirm", format!("csrf={csrf}&code=000000")),
            ("/account/second-factor", format!("csrf={csrf}")),
        ] {
            exercised.insert((Method::POST, path));
            let got = request(&f, Method::POST, path, caller, Some(form)).await;
            // Allowed here means the request reached the use case: a wrong password or code is
            // that use case's answer, not a refusal of access.
            if signed_in {
                assert!(
                    ![StatusCode::FORBIDDEN, StatusCode::NOT_FOUND, StatusCode::SEE_OTHER].contains(&got),
                    "POST {path} as {}: {got}",
                    caller.name
                );
            } else {
                assert_eq!(got, StatusCode::SEE_OTHER, "POST {path} as {}", caller.name);
            }
        }
        // The API's own listing and creation: any token holder.
        exercised.insert((Method::GET, "/api/v1/initiatives"));
        check(
            "GET /api/v1/initiatives",
            caller,
            any_user,
            request(&f, Method::GET, "/api/v1/initiatives", caller, None).await,
            true,
        );
        exercised.insert((Method::POST, "/api/v1/initiatives"));
        let create = expected(caller, None, false, &[Operation::CreateInitiative]);
        let got = request(&f, Method::POST, "/api/v1/initiatives", caller, Some(r#"{"title":"New"}"#.into())).await;
        check("POST /api/v1/initiatives", caller, create, got, true);

        // Everything within an initiative, on the ordinary one and on the secret channel.
        for (initiative, standing, secret, scopes) in [
            (
                f.ordinary,
                caller.ordinary,
                false,
                vec![Scope::Plenary, Scope::Caucus(f.side_a), Scope::Caucus(f.side_b)],
            ),
            (f.secret, caller.secret, true, vec![Scope::Plenary]),
        ] {
            let base = format!("/initiatives/{initiative}");
            let api = format!("/api/v1/initiatives/{initiative}");
            let expect = |ops: &[Operation]| expected(caller, standing, secret, ops);

            exercised.insert((Method::GET, "/initiatives/{initiative}"));
            let got = request(&f, Method::GET, &base, caller, None).await;
            check(&format!("GET {base}"), caller, expect(&[Operation::ViewInitiative]), got, false);
            exercised.insert((Method::GET, "/api/v1/initiatives/{initiative}"));
            let got = request(&f, Method::GET, &api, caller, None).await;
            check(&format!("GET {api}"), caller, expect(&[Operation::ViewInitiative]), got, true);

            exercised.insert((Method::GET, "/initiatives/{initiative}/members"));
            let got = request(&f, Method::GET, &format!("{base}/members"), caller, None).await;
            let ops = [Operation::ViewInitiative, Operation::ManageMembers];
            check(&format!("GET {base}/members"), caller, expect(&ops), got, false);
            exercised.insert((Method::GET, "/initiatives/{initiative}/audit"));
            let got = request(&f, Method::GET, &format!("{base}/audit"), caller, None).await;
            let ops = [Operation::ReadAudit, Operation::ViewInitiative];
            check(&format!("GET {base}/audit"), caller, expect(&ops), got, false);
            exercised.insert((Method::POST, "/initiatives/{initiative}/members"));
            let form = format!("csrf={csrf}&username=spare&role=observer");
            let got = request(&f, Method::POST, &format!("{base}/members"), caller, Some(form)).await;
            check(&format!("POST {base}/members"), caller, expect(&[Operation::ManageMembers]), got, false);

            for scope in scopes {
                let c = caucus(scope);
                exercised.insert((Method::GET, "/initiatives/{initiative}/notes"));
                let got = request(&f, Method::GET, &format!("{base}/notes?caucus={c}"), caller, None).await;
                let ops = [Operation::ReadRecord(scope), Operation::ViewInitiative];
                check(&format!("GET {base}/notes?caucus={c}"), caller, expect(&ops), got, false);
                exercised.insert((Method::GET, "/api/v1/initiatives/{initiative}/notes"));
                let query = if c.is_empty() { String::new() } else { format!("?caucus={c}") };
                let got = request(&f, Method::GET, &format!("{api}/notes{query}"), caller, None).await;
                check(&format!("GET {api}/notes{query}"), caller, expect(&[Operation::ReadRecord(scope)]), got, true);

                exercised.insert((Method::POST, "/initiatives/{initiative}/notes"));
                let form = format!("csrf={csrf}&caucus={c}&body=matrix");
                let got = request(&f, Method::POST, &format!("{base}/notes"), caller, Some(form)).await;
                check(
                    &format!("POST {base}/notes caucus={c}"),
                    caller,
                    expect(&[Operation::WriteRecord(scope)]),
                    got,
                    false,
                );
                exercised.insert((Method::POST, "/api/v1/initiatives/{initiative}/notes"));
                let json = if c.is_empty() {
                    r#"{"body":"matrix"}"#.to_owned()
                } else {
                    format!(r#"{{"body":"matrix","caucus":"{c}"}}"#)
                };
                let got = request(&f, Method::POST, &format!("{api}/notes"), caller, Some(json)).await;
                check(
                    &format!("POST {api}/notes caucus={c}"),
                    caller,
                    expect(&[Operation::WriteRecord(scope)]),
                    got,
                    true,
                );
            }
            map_routes(&f, caller, initiative, standing, secret, &csrf, &mut exercised).await;

            for (note_initiative, scope, note) in f.notes.iter().filter(|(i, _, _)| *i == initiative) {
                exercised.insert((Method::GET, "/api/v1/initiatives/{initiative}/notes/{note}"));
                let uri = format!("/api/v1/initiatives/{note_initiative}/notes/{note}");
                let got = request(&f, Method::GET, &uri, caller, None).await;
                let ops = [Operation::ViewInitiative, Operation::ReadRecord(*scope)];
                check(&format!("GET {uri}"), caller, expect(&ops), got, true);
            }
        }
    }

    // Signing out last, so the session served every check above.
    for caller in callers.iter().filter(|c| c.id.is_some()) {
        exercised.insert((Method::POST, "/sign-out"));
        let csrf = tracktwo_app::csrf_token(caller.cookie.strip_prefix("tracktwo_session=").unwrap());
        let got = request(&f, Method::POST, "/sign-out", caller, Some(format!("csrf={csrf}"))).await;
        assert_eq!(got, StatusCode::SEE_OTHER, "sign-out as {}", caller.name);
        assert_eq!(request(&f, Method::GET, "/", caller, None).await, StatusCode::SEE_OTHER);
    }

    let routes: BTreeSet<(Method, &'static str)> = route_list().into_iter().collect();
    let missing: Vec<_> = routes.difference(&exercised).collect();
    assert!(missing.is_empty(), "routes missing from the authorization matrix: {missing:?}");
    assert!(f.app.verify_audit(&Identity::key_holder()).await.unwrap().is_intact());
}
