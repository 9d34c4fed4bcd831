//! Passwords, sign-in throttling and sessions, decided in the core.

use std::sync::Arc;

use time::Duration;
use tracktwo_app::{App, AppError, Origin, PER_ACCOUNT_AND_ORIGIN, SESSION_IDLE, SESSION_LIFETIME, SessionLimits};
use tracktwo_domain::{Channel, Identity, NewUser};
use tracktwo_test_support::{TestClock, TestStore, init_app_with_clock};

const PASSWORD: &str = "correct horse battery staple";

fn account(name: &str) -> NewUser {
    NewUser { username: name.into(), display_name: String::new(), is_admin: false }
}

async fn actions(t: &TestStore, app: &App) -> Vec<String> {
    t.store.snapshot(app.row_authenticator()).await.unwrap().audit.into_iter().map(|e| e.action).collect()
}

/// Failures slow down the origin they come from, for that account and then for any, with a wait
/// that doubles; the account's owner, signing in from elsewhere, is never held back, and an
/// unknown account is throttled exactly as a known one. A lock an older version left in the
/// account's row is read and ignored.
pub async fn failed_sign_ins_slow_their_origin_and_never_lock_the_owner_out(t: &TestStore) {
    let clock = TestClock::new();
    let app = init_app_with_clock(Arc::clone(&t.store), clock.clone()).await;
    let kh = Identity::key_holder();
    assert!(matches!(
        app.create_user_with_password(&kh, account("short"), "too short").await,
        Err(AppError::Invalid(_))
    ));
    let user = app.create_user_with_password(&kh, account("Amara"), PASSWORD).await.unwrap();
    let owner = Origin::new("203.0.113.5");
    let guesser = Origin::new("198.51.100.66");

    let signed_in = app.sign_in("amara", PASSWORD, None, Channel::Web, &owner).await.unwrap();
    assert_eq!(signed_in.identity.user_id(), Some(user.id));
    // Unknown accounts and wrong passwords get the same answer.
    assert!(matches!(
        app.sign_in("nobody", PASSWORD, None, Channel::Web, &guesser).await,
        Err(AppError::SignInRefused)
    ));
    assert!(matches!(
        app.sign_in("amara", "wrong password!", None, Channel::Web, &guesser).await,
        Err(AppError::SignInRefused)
    ));

    // The guesser's failures at one account: free at first, then a wait that doubles.
    let waits = |name: &'static str| {
        let app = &app;
        let guesser = &guesser;
        let clock = clock.clone();
        async move {
            let mut waits = Vec::new();
            for _ in 0..12 {
                match app.sign_in(name, "wrong password!", None, Channel::Web, guesser).await {
                    Err(AppError::SignInRefused) => waits.push(0),
                    Err(AppError::RateLimited { seconds }) => {
                        waits.push(seconds);
                        // Wait it out, then fail again.
                        clock.advance(Duration::seconds(i64::try_from(seconds).unwrap()));
                        assert!(matches!(
                            app.sign_in(name, "wrong password!", None, Channel::Web, guesser).await,
                            Err(AppError::SignInRefused)
                        ));
                    }
                    other => panic!("unexpected answer {other:?}"),
                }
            }
            waits
        }
    };
    let known = waits("amara").await;
    let throttled: Vec<u64> = known.iter().copied().filter(|w| *w > 0).collect();
    assert!(throttled.len() >= 4, "{known:?}");
    assert!(throttled.windows(2).all(|w| w[1] == w[0] * 2), "the wait doubles: {known:?}");
    // One failure was made before: the rest of the free ones, then waits.
    let free = usize::try_from(PER_ACCOUNT_AND_ORIGIN.free).unwrap() - 1;
    assert_eq!(known.iter().take_while(|w| **w == 0).count(), free, "{known:?}");

    // Meanwhile the owner signs in from elsewhere at once, and the guesser, even with the right
    // password, waits.
    assert!(matches!(
        app.sign_in("amara", PASSWORD, None, Channel::Web, &guesser).await,
        Err(AppError::RateLimited { .. })
    ));
    app.sign_in("amara", PASSWORD, None, Channel::Web, &owner).await.unwrap();

    // An unknown account from a fresh origin is throttled exactly as a known one.
    let elsewhere = Origin::new("192.0.2.200");
    let mut unknown = Vec::new();
    let mut known_again = Vec::new();
    for (name, out) in [("nobody-at-all", &mut unknown), ("amara", &mut known_again)] {
        for _ in 0..(PER_ACCOUNT_AND_ORIGIN.free + 3) {
            match app.sign_in(name, "wrong password!", None, Channel::Web, &elsewhere).await {
                Err(AppError::SignInRefused) => out.push(0),
                Err(AppError::RateLimited { seconds }) => out.push(seconds),
                other => panic!("unexpected answer {other:?}"),
            }
        }
    }
    assert_eq!(unknown, known_again);

    // A lock an older version wrote into the row (with a valid MAC) keeps nobody out.
    let mut tx = t.store.begin(tracktwo_test_support::test_rows()).await.unwrap();
    tx.set_login_state(user.id, 5, Some(tracktwo_app::Clock::now(&clock) + Duration::hours(1))).await.unwrap();
    tx.commit().await.unwrap();
    app.sign_in("amara", PASSWORD, None, Channel::Web, &owner).await.unwrap();

    let actions = actions(t, &app).await;
    for expected in ["login.succeeded", "login.failed", "login.throttled", "user.password-set"] {
        assert!(actions.iter().any(|a| a == expected), "no {expected} event");
    }
    assert!(!actions.iter().any(|a| a == "login.locked-out"), "an account was locked");
    // The stored hash is Argon2id with OWASP's parameters, never the password.
    let snapshot = t.store.snapshot(app.row_authenticator()).await.unwrap();
    let hash = snapshot.users.iter().find(|u| u.id == user.id).unwrap().password_hash.clone().unwrap();
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    assert!(!format!("{snapshot:?}").contains(PASSWORD));
}

pub async fn sessions_expire_and_are_revoked(t: &TestStore) {
    let clock = TestClock::new();
    let app = init_app_with_clock(Arc::clone(&t.store), clock.clone()).await;
    let kh = Identity::key_holder();
    let user = app.create_user_with_password(&kh, account("jonas"), PASSWORD).await.unwrap();
    let session = |secret: String| {
        let app = &app;
        async move { app.session_identity(&secret, Channel::Web).await }
    };

    // Idle too long.
    let a = app.sign_in("jonas", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap().session_secret;
    assert_eq!(session(a.clone()).await.unwrap().user_id(), Some(user.id));
    clock.advance(SESSION_IDLE + Duration::seconds(1));
    assert!(matches!(session(a).await, Err(AppError::Unauthenticated)));

    // Used steadily, but past its lifetime.
    let b = app.sign_in("jonas", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap().session_secret;
    let mut elapsed = Duration::ZERO;
    let step = SESSION_IDLE - Duration::minutes(1);
    while elapsed < SESSION_LIFETIME {
        clock.advance(step);
        elapsed += step;
        if elapsed < SESSION_LIFETIME {
            session(b.clone()).await.unwrap();
        }
    }
    assert!(matches!(session(b).await, Err(AppError::Unauthenticated)));

    // Signing out, a password reset and disabling each end sessions.
    let c = app.sign_in("jonas", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap().session_secret;
    app.sign_out(&c, Channel::Web).await.unwrap();
    assert!(session(c).await.is_err());
    let d = app.sign_in("jonas", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap().session_secret;
    app.reset_password(&kh, user.id, "another long passphrase").await.unwrap();
    assert!(session(d).await.is_err());
    assert!(app.sign_in("jonas", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.is_err());
    let e = app
        .sign_in("jonas", "another long passphrase", None, Channel::Web, &Origin::new("192.0.2.1"))
        .await
        .unwrap()
        .session_secret;
    app.set_user_disabled(&kh, user.id, true).await.unwrap();
    assert!(session(e).await.is_err());
    assert!(
        app.sign_in("jonas", "another long passphrase", None, Channel::Web, &Origin::new("192.0.2.1")).await.is_err()
    );
    app.set_user_disabled(&kh, user.id, false).await.unwrap();
    let me = app
        .sign_in("jonas", "another long passphrase", None, Channel::Web, &Origin::new("192.0.2.1"))
        .await
        .unwrap()
        .identity;

    // Changing one's own password needs the current one.
    assert!(matches!(
        app.change_password(&me, "not the current one", "a third long passphrase").await,
        Err(AppError::SignInRefused)
    ));
    app.change_password(&me, "another long passphrase", "a third long passphrase").await.unwrap();
    app.sign_in("jonas", "a third long passphrase", None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap();
    // Only administrators reset others' passwords.
    let other = app.create_user_with_password(&kh, account("lina"), PASSWORD).await.unwrap();
    assert!(matches!(app.reset_password(&me, other.id, "hijacked passphrase").await, Err(AppError::Forbidden(_))));
}

/// The limits an operator sets are the ones kept: a session unused for the idle limit ends, one
/// used steadily ends at its lifetime, and a lifetime shortened after sign-in ends the sessions
/// already issued.
pub async fn sessions_end_at_the_configured_idle_limit_and_lifetime(t: &TestStore) {
    let clock = TestClock::new();
    let limits = SessionLimits { idle: Duration::minutes(5), lifetime: Duration::minutes(30) };
    let app = init_app_with_clock(Arc::clone(&t.store), clock.clone()).await.with_session_limits(limits);
    let kh = Identity::key_holder();
    app.create_user_with_password(&kh, account("ines"), PASSWORD).await.unwrap();
    let idle =
        app.sign_in("ines", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap().session_secret;
    clock.advance(Duration::minutes(4));
    app.session_identity(&idle, Channel::Web).await.unwrap();
    clock.advance(Duration::minutes(4));
    app.session_identity(&idle, Channel::Web).await.unwrap();
    clock.advance(Duration::minutes(5));
    assert!(matches!(app.session_identity(&idle, Channel::Web).await, Err(AppError::Unauthenticated)));

    let busy =
        app.sign_in("ines", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap().session_secret;
    for _ in 0..7 {
        clock.advance(Duration::minutes(4));
        app.session_identity(&busy, Channel::Web).await.unwrap();
    }
    clock.advance(Duration::minutes(2));
    assert!(matches!(app.session_identity(&busy, Channel::Web).await, Err(AppError::Unauthenticated)));

    // A shorter lifetime set later (the next start of the server) applies to sessions issued
    // under the longer one.
    let issued =
        app.sign_in("ines", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap().session_secret;
    clock.advance(Duration::minutes(3));
    let shorter = SessionLimits { idle: Duration::minutes(5), lifetime: Duration::minutes(2) };
    let app = open_app_with_clock(t, clock.clone()).await.with_session_limits(shorter);
    assert!(matches!(app.session_identity(&issued, Channel::Web).await, Err(AppError::Unauthenticated)));
}

async fn open_app_with_clock(t: &TestStore, clock: TestClock) -> App {
    App::open(
        t.reopen().await,
        &tracktwo_test_support::test_unlock(),
        Arc::new(clock),
        Box::new(tracktwo_app::system::SystemEntropy::new().unwrap()),
    )
    .await
    .unwrap()
}

pub async fn a_second_factor_is_required_once_enrolled(t: &TestStore) {
    let clock = TestClock::new();
    let app = init_app_with_clock(Arc::clone(&t.store), clock.clone()).await;
    let kh = Identity::key_holder();
    let user = app.create_user_with_password(&kh, account("odile"), PASSWORD).await.unwrap();
    let me = app.sign_in("odile", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap().identity;

    let enrolment = app.begin_second_factor(&me).await.unwrap();
    assert!(enrolment.uri.starts_with("otpauth://totp/tracktwo?secret="));
    assert!(!enrolment.uri.contains("odile"), "the authenticator entry must not name the person");
    // Until confirmed, it is not required.
    app.sign_in("odile", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap();
    assert!(matches!(app.confirm_second_factor(&me, "000000").await, Err(AppError::WrongCode)));
    let code = app.current_second_factor_code(user.id).await.unwrap();
    let recovery = app.confirm_second_factor(&me, &code).await.unwrap();
    assert_eq!(recovery.len(), 10);
    assert!(app.account(&me).await.is_ok_and(|a| a.second_factor));

    // Now a password alone is refused, and a code works once per time step.
    assert!(matches!(
        app.sign_in("odile", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await,
        Err(AppError::SignInRefused)
    ));
    assert!(
        app.sign_in("odile", PASSWORD, Some(&code), Channel::Web, &Origin::new("192.0.2.1")).await.is_err(),
        "a spent code was accepted"
    );
    clock.advance(Duration::seconds(30));
    let fresh = app.current_second_factor_code(user.id).await.unwrap();
    app.sign_in("odile", PASSWORD, Some(&fresh), Channel::Web, &Origin::new("192.0.2.1")).await.unwrap();
    assert!(
        app.sign_in("odile", PASSWORD, Some(&fresh), Channel::Web, &Origin::new("192.0.2.1")).await.is_err(),
        "a code was replayed"
    );
    // A recovery code stands in once; typing it with spaces or capitals is fine.
    let spoken = recovery[3].to_uppercase().replace('-', " ");
    app.sign_in("odile", PASSWORD, Some(&spoken), Channel::Web, &Origin::new("192.0.2.1")).await.unwrap();
    assert!(app.sign_in("odile", PASSWORD, Some(&recovery[3]), Channel::Web, &Origin::new("192.0.2.1")).await.is_err());
    // A right code with a wrong password is still refused.
    clock.advance(Duration::seconds(30));
    let code = app.current_second_factor_code(user.id).await.unwrap();
    assert!(
        app.sign_in("odile", "not the password", Some(&code), Channel::Web, &Origin::new("192.0.2.1")).await.is_err()
    );

    // The shared secret rests sealed: its base32 form is nowhere in the store.
    let snapshot = format!("{:?}", t.store.snapshot(app.row_authenticator()).await.unwrap());
    assert!(!snapshot.contains(&enrolment.secret_base32));
    assert!(actions(t, &app).await.iter().any(|a| a == "user.recovery-code-used"));
}

/// A script sending bad bearer tokens costs the store one durable write a second, not one per
/// token, and the count is not lost: it rides on the next event written.
pub async fn a_flood_of_bad_tokens_is_counted_not_written_one_by_one(t: &TestStore) {
    let clock = TestClock::new();
    let app = init_app_with_clock(Arc::clone(&t.store), clock.clone()).await;
    let failures = |audit: &[tracktwo_store::AuditRow]| {
        audit.iter().filter(|e| e.action == "login.failed").map(|e| e.target_id.clone()).collect::<Vec<_>>()
    };
    for n in 0..200 {
        let refused = app.authenticate_token(&format!("tt2_guess-{n}"), Channel::Api).await;
        assert!(matches!(refused, Err(AppError::Unauthenticated)));
    }
    let audit = t.store.snapshot(app.row_authenticator()).await.unwrap().audit;
    assert_eq!(failures(&audit), ["1"], "one event for the first refusal, the rest counted");
    clock.advance(Duration::seconds(2));
    assert!(app.authenticate_token("tt2_one-more", Channel::Api).await.is_err());
    let audit = t.store.snapshot(app.row_authenticator()).await.unwrap().audit;
    assert_eq!(failures(&audit), ["1", "200"], "the next event stands for the 199 counted and itself");
}

/// A password set anew ends the account's API tokens as well as its sessions: a token stolen with
/// the old password does not outlive it.
pub async fn a_new_password_ends_every_token_of_the_account(t: &TestStore) {
    let app = init_app_with_clock(Arc::clone(&t.store), TestClock::new()).await;
    let kh = Identity::key_holder();
    let user = app.create_user_with_password(&kh, account("felix"), PASSWORD).await.unwrap();
    let other = app.create_user_with_password(&kh, account("odile"), PASSWORD).await.unwrap();
    let stolen = app.create_token(&kh, user.id, "script").await.unwrap().secret;
    let kept = app.create_token(&kh, other.id, "script").await.unwrap().secret;
    let me = app.authenticate_token(&stolen, Channel::Api).await.unwrap();
    app.change_password(&me, PASSWORD, "another long passphrase").await.unwrap();
    assert!(matches!(app.authenticate_token(&stolen, Channel::Api).await, Err(AppError::Unauthenticated)));
    // Another account's token is untouched.
    app.authenticate_token(&kept, Channel::Api).await.unwrap();
    // A reset by an administrator (here the key holder) ends them too.
    let again = app.create_token(&kh, user.id, "script").await.unwrap().secret;
    app.reset_password(&kh, user.id, "a third long passphrase").await.unwrap();
    assert!(matches!(app.authenticate_token(&again, Channel::Api).await, Err(AppError::Unauthenticated)));
    assert!(app.verify_audit(&kh).await.unwrap().is_intact());
}
