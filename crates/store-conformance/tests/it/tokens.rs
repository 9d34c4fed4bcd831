//! API tokens: chosen lifetimes within bounds, refused once expired, listed to their owner alone
//! with their last use, revoked with an audit event; and the tokens of a store of format 2,
//! which had no expiry, given one once when it is first opened.

use std::sync::Arc;

use time::Duration;
use tracktwo_app::{AppError, DEFAULT_TOKEN_LIFETIME_DAYS, MAX_TOKEN_LIFETIME_DAYS, Origin};
use tracktwo_domain::{Channel, Identity, NewUser};
use tracktwo_test_support::{TestClock, TestStore, init_app_born_at, init_app_with_clock, open_app};

const PASSWORD: &str = "correct horse battery staple";

fn account(name: &str, is_admin: bool) -> NewUser {
    NewUser { username: name.into(), display_name: String::new(), is_admin }
}

async fn actions(t: &TestStore, app: &tracktwo_app::App) -> Vec<String> {
    t.store.snapshot(app.row_authenticator()).await.unwrap().audit.into_iter().map(|e| e.action).collect()
}

pub async fn tokens_expire_are_listed_to_their_owner_and_revoked(t: &TestStore) {
    let clock = TestClock::new();
    let app = init_app_with_clock(Arc::clone(&t.store), clock.clone()).await;
    let kh = Identity::key_holder();
    let amara = app.create_user_with_password(&kh, account("amara", false), PASSWORD).await.unwrap();
    let otto = app.create_user_with_password(&kh, account("otto", false), PASSWORD).await.unwrap();
    app.create_user_with_password(&kh, account("root", true), PASSWORD).await.unwrap();
    let as_amara =
        app.sign_in("amara", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap().identity;
    let as_otto = app.sign_in("otto", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap().identity;
    let as_admin = app.sign_in("root", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap().identity;

    // A lifetime within bounds, and a label that says what the token is for.
    for days in [0, MAX_TOKEN_LIFETIME_DAYS + 1] {
        let refused = app.create_token_lasting(&as_amara, amara.id, "script", days).await;
        assert!(matches!(refused, Err(AppError::Invalid(_))), "{days} days: {refused:?}");
    }
    assert!(matches!(app.create_token(&as_amara, amara.id, "  ").await, Err(AppError::Invalid(_))));
    // Nobody issues a token for another account but an administrator.
    assert!(app.create_token(&as_otto, amara.id, "theirs").await.is_err());

    let default = app.create_token(&as_amara, amara.id, "default").await.unwrap();
    assert_eq!(default.expires_at - clock_now(&clock), Duration::days(i64::from(DEFAULT_TOKEN_LIFETIME_DAYS)));
    clock.advance(Duration::seconds(1));
    let short = app.create_token_lasting(&as_amara, amara.id, "short", 1).await.unwrap();
    let ottos = app.create_token(&as_otto, otto.id, "otto's").await.unwrap();
    let issued_at = clock_now(&clock);
    assert_eq!(short.expires_at - issued_at, Duration::days(1));

    // Each sees their own tokens only; never used yet.
    let listed = app.tokens_of(&as_amara, amara.id).await.unwrap();
    let labels: Vec<&str> = listed.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["default", "short"]);
    assert!(listed.iter().all(|t| t.last_used_at.is_none() && !t.expired));
    assert!(matches!(app.tokens_of(&as_otto, amara.id).await, Err(AppError::Forbidden(_))));
    assert_eq!(app.tokens_of(&as_admin, amara.id).await.unwrap().len(), 2);

    // A use is recorded (to the hour, so API calls do not each become a write).
    app.authenticate_token(&short.secret, Channel::Api).await.unwrap();
    assert_eq!(last_use(&app, amara.id, short.id).await, Some(issued_at));
    clock.advance(Duration::minutes(30));
    app.authenticate_token(&short.secret, Channel::Api).await.unwrap();
    assert_eq!(last_use(&app, amara.id, short.id).await, Some(issued_at));
    clock.advance(Duration::minutes(31));
    app.authenticate_token(&short.secret, Channel::Api).await.unwrap();
    assert_eq!(last_use(&app, amara.id, short.id).await, Some(clock_now(&clock)));

    // At its expiry it is refused like a token never issued, and listed as expired.
    clock.advance(Duration::days(1) - Duration::minutes(61));
    assert!(matches!(app.authenticate_token(&short.secret, Channel::Api).await, Err(AppError::Unauthenticated)));
    app.authenticate_token(&default.secret, Channel::Api).await.unwrap();
    let listed = app.tokens_of(&as_amara, amara.id).await.unwrap();
    assert_eq!(listed.iter().map(|t| t.expired).collect::<Vec<_>>(), [false, true]);

    // Revoking: another's token is not found (and keeps working), one's own goes, audited.
    assert!(matches!(app.revoke_token(&as_amara, ottos.id).await, Err(AppError::NotFound)));
    app.authenticate_token(&ottos.secret, Channel::Api).await.unwrap();
    app.revoke_token(&as_amara, default.id).await.unwrap();
    assert!(app.authenticate_token(&default.secret, Channel::Api).await.is_err());
    assert!(matches!(app.revoke_token(&as_amara, default.id).await, Err(AppError::NotFound)));
    // An administrator may end anyone's.
    app.revoke_token(&as_admin, ottos.id).await.unwrap();
    assert!(app.authenticate_token(&ottos.secret, Channel::Api).await.is_err());
    let revoked = actions(t, &app).await.iter().filter(|a| *a == "token.revoked").count();
    assert_eq!(revoked, 2);
    assert!(app.verify_audit(&kh).await.unwrap().is_intact());
}

async fn last_use(
    app: &tracktwo_app::App,
    user: tracktwo_domain::UserId,
    token: tracktwo_domain::TokenId,
) -> Option<tracktwo_domain::Timestamp> {
    let tokens = app.tokens_of(&Identity::key_holder(), user).await.unwrap();
    tokens.into_iter().find(|t| t.id == token).unwrap().last_used_at
}

fn clock_now(clock: &TestClock) -> tracktwo_domain::Timestamp {
    let now = tracktwo_app::Clock::now(clock);
    now.replace_nanosecond(now.nanosecond() / 1_000 * 1_000).unwrap()
}

/// A store of format 2 opens after the upgrade: each token whose MAC of then holds gets the
/// default lifetime from that opening, once, and works; a token row altered before the upgrade
/// stays refused rather than vouched for; setting the format back afterwards, to have a token
/// row of before (one revoked since) given an expiry again, is refused.
pub async fn a_store_of_format_2_gives_its_tokens_an_expiry_once(t: &TestStore) {
    let app = init_app_born_at(Arc::clone(&t.store), 2).await;
    let kh = Identity::key_holder();
    let amara = app.create_user_with_password(&kh, account("amara", false), PASSWORD).await.unwrap();
    let otto = app.create_user_with_password(&kh, account("otto", false), PASSWORD).await.unwrap();
    let kept = app.create_token(&kh, amara.id, "kept").await.unwrap();
    let revoked_later = app.create_token(&kh, amara.id, "revoked later").await.unwrap();
    let moved = app.create_token(&kh, amara.id, "moved").await.unwrap();
    drop(app);
    t.rewrite_as_format_2().await;
    // Someone without the key gives one token to another account while the store is of format 2.
    t.execute_raw(&format!("UPDATE tokens SET user_id = '{}' WHERE id = '{}'", otto.id, moved.id)).await;

    let before = tracktwo_app::Clock::now(&tracktwo_app::system::SystemClock);
    let app = open_app(t.reopen().await).await;
    let given = || async { t.raw_audit_actions().await.iter().filter(|a| *a == "store.tokens-given-expiry").count() };
    assert_eq!(given().await, 1);
    let listed = app.tokens_of(&kh, amara.id).await.unwrap();
    assert_eq!(listed.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), ["kept", "revoked later"]);
    let default = Duration::days(i64::from(DEFAULT_TOKEN_LIFETIME_DAYS));
    for token in &listed {
        let lifetime = token.expires_at - before;
        assert!(lifetime >= default && lifetime < default + Duration::hours(1), "{token:?}");
    }
    app.authenticate_token(&kept.secret, Channel::Api).await.unwrap();
    app.authenticate_token(&revoked_later.secret, Channel::Api).await.unwrap();
    // The altered row was not vouched for: refused, recorded, and named by verify.
    assert!(matches!(app.authenticate_token(&moved.secret, Channel::Api).await, Err(AppError::Unauthenticated)));
    let report = app.verify_audit(&kh).await.unwrap();
    let named = report.findings.iter().any(|f| {
        matches!(f, tracktwo_app::AuditFinding::UnauthenticRow(row) if row.table == "tokens" && row.key == moved.id.to_string())
    });
    assert!(named, "{:?}", report.findings);
    assert!(t.raw_audit_actions().await.iter().any(|a| a == "store.row-refused"));
    // Opening again does not do it again.
    drop(open_app(t.reopen().await).await);
    assert_eq!(given().await, 1);

    // A token is revoked; the intruder sets the format back, hoping the next opening vouches
    // for a token row of before put in again.
    app.revoke_token(&kh, revoked_later.id).await.unwrap();
    drop(app);
    t.execute_raw("UPDATE store_meta SET format_version = 2").await;
    let reopened = tracktwo_app::App::open(
        t.reopen().await,
        &tracktwo_test_support::test_unlock(),
        Arc::new(tracktwo_app::system::SystemClock),
        Box::new(tracktwo_app::system::SystemEntropy::new().unwrap()),
    )
    .await;
    assert!(matches!(reopened, Err(AppError::Tampered)), "{reopened:?}");
}
