//! Someone who can write to the database but holds no key — its operator, a compromised backup
//! host, a stolen replica restored elsewhere — rewrites the rows access decisions read, directly
//! in SQL: a session or a token for the convener, a role, a side, an account flag, a second
//! factor, a secret-channel flag, the scope or parent of a record. Each such row carries a MAC
//! under a key the database never sees, so every tamper is refused where it is read, recorded in
//! the audit chain, and named by `audit verify`.

use std::sync::Arc;

use sha2::{Digest, Sha256};
use tracktwo_app::{App, AppError, AuditFinding, Origin};
use tracktwo_domain::dialogue::{FollowUp, Round};
use tracktwo_domain::{Channel, Identity, MemberRole, NewInitiative, NewNote, NewUser, Scope, UserId};
use tracktwo_test_support::{Serin, TestStore, init_app_born_at, open_app, serin_with_two_sides};

const PASSWORD: &str = "correct horse battery staple";

/// The people of one initiative, each with an API token.
struct World {
    app: App,
    serin: Serin,
    convener: UserId,
    convener_token: String,
    observer: UserId,
    observer_token: String,
    vale: UserId,
    vale_token: String,
    outsider: UserId,
    outsider_token: String,
}

async fn world(t: &TestStore) -> World {
    world_born_at(t, tracktwo_store::FORMAT_VERSION).await
}

/// The same world in a store whose genesis records `born_at`, for a store that is then
/// rewritten as an earlier version of tracktwo left it.
async fn world_born_at(t: &TestStore, born_at: i64) -> World {
    let app = init_app_born_at(Arc::clone(&t.store), born_at).await;
    let kh = Identity::key_holder();
    let serin = serin_with_two_sides(&app).await;
    let account = |name: &str| NewUser { username: name.into(), display_name: String::new(), is_admin: false };
    let mut people = Vec::new();
    for name in ["amara", "otto", "tarek", "mira", "stranger"] {
        let user = app.create_user_with_password(&kh, account(name), PASSWORD).await.unwrap();
        let token = app.create_token(&kh, user.id, "script").await.unwrap().secret;
        people.push((user.id, token));
    }
    let [
        (convener, convener_token),
        (observer, observer_token),
        (vale, vale_token),
        (coast, _),
        (outsider, outsider_token),
    ] = <[(UserId, String); 5]>::try_from(people).unwrap();
    app.add_member(&kh, serin.id, convener, MemberRole::Convener, None).await.unwrap();
    app.add_member(&kh, serin.id, observer, MemberRole::Observer, None).await.unwrap();
    app.add_member(&kh, serin.id, vale, MemberRole::Participant, Some(serin.upper_vale)).await.unwrap();
    app.add_member(&kh, serin.id, coast, MemberRole::Participant, Some(serin.lowland_coast)).await.unwrap();
    World { app, serin, convener, convener_token, observer, observer_token, vale, vale_token, outsider, outsider_token }
}

async fn as_user(w: &World, token: &str) -> Result<Identity, AppError> {
    w.app.authenticate_token(token, Channel::Api).await
}

fn blob(t: &TestStore, bytes: &[u8]) -> String {
    if t.is_postgres() { format!("'\\x{}'::bytea", hex::encode(bytes)) } else { format!("X'{}'", hex::encode(bytes)) }
}

/// After a tamper: the store's own view of it. `audit verify` names the row, and the refusal met
/// by the probe was recorded in the chain.
async fn assert_named(w: &World, t: &TestStore, table: &str, key: &str) {
    let kh = Identity::key_holder();
    let report = w.app.verify_audit(&kh).await.unwrap();
    let named = report
        .findings
        .iter()
        .any(|f| matches!(f, AuditFinding::UnauthenticRow(row) if row.table == table && row.key.contains(key)));
    assert!(named, "audit verify does not name {table}/{key}: {:?}", report.findings);
    // The chain itself is intact: the refusal was appended, not forged.
    assert!(report.findings.iter().all(|f| matches!(f, AuditFinding::UnauthenticRow(_))), "{:?}", report.findings);
    // The refusal met by the probe is in the chain (appended before `verify` read it).
    let refusals = t.raw_audit_actions().await.iter().filter(|a| *a == "store.row-refused").count();
    assert!(refusals >= 1, "the refusal of {table}/{key} was not audited");
    // A backup refuses to carry the forged row (a restore would give it a valid MAC); sessions
    // are never part of one.
    if table != "sessions" {
        let backup = t.store.snapshot(w.app.row_authenticator()).await;
        assert!(matches!(backup, Err(tracktwo_store::StoreError::Tampered(_))), "a backup took {table}/{key}");
    }
    // A reopened server refuses it just the same: the MAC is not a cache.
    let reopened = open_app(t.reopen().await).await;
    assert!(!reopened.verify_audit(&kh).await.unwrap().is_intact());
}

fn refused<T: std::fmt::Debug>(result: Result<T, AppError>, what: &str) {
    assert!(matches!(result, Err(AppError::Tampered)), "{what}: {result:?}");
}

/// A forged credential is answered as one never issued.
fn unknown<T: std::fmt::Debug>(result: Result<T, AppError>, what: &str) {
    assert!(matches!(result, Err(AppError::Unauthenticated)), "{what}: {result:?}");
}

/// Each tamper is tried on a store of its own, so one refusal cannot hide another.
pub async fn every_forged_access_row_is_refused_and_named(t: &TestStore) {
    type Probe = for<'a> fn(&'a World, &'a TestStore) -> futures_util::future::BoxFuture<'a, ()>;
    let cases: [(&str, Probe); 15] = [
        ("a token's expiry pushed back", |w, t| {
            Box::pin(async move {
                t.execute_raw(&format!(
                    "UPDATE tokens SET expires_at = expires_at + 315360000000000 WHERE user_id = '{}'",
                    w.observer
                ))
                .await;
                unknown(as_user(w, &w.observer_token).await, "the extended token");
                assert_named(w, t, "tokens", "").await;
            })
        }),
        ("a session's last use moved forward", |w, t| {
            Box::pin(async move {
                let signed_in =
                    w.app.sign_in("amara", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap();
                let digest = Sha256::digest(signed_in.session_secret.as_bytes());
                let far = 315_360_000_000_000_i64;
                t.execute_raw(&format!(
                    "UPDATE sessions SET last_seen_at = last_seen_at + {far}, expires_at = expires_at + {far} \
                     WHERE digest = {}",
                    blob(t, &digest)
                ))
                .await;
                unknown(w.app.session_identity(&signed_in.session_secret, Channel::Web).await, "the extended session");
                assert_named(w, t, "sessions", "").await;
            })
        }),
        ("a token moved to the convener", |w, t| {
            Box::pin(async move {
                t.execute_raw(&format!(
                    "UPDATE tokens SET user_id = '{}' WHERE user_id = '{}'",
                    w.convener, w.observer
                ))
                .await;
                unknown(as_user(w, &w.observer_token).await, "the moved token");
                assert_named(w, t, "tokens", "").await;
            })
        }),
        ("a token inserted for the convener", |w, t| {
            Box::pin(async move {
                let chosen = "tt2_chosen-by-the-intruder";
                t.execute_raw(&format!(
                    "INSERT INTO tokens (id, user_id, digest, label, created_at, revoked, mac) \
                 SELECT '00000000-0000-4000-8000-000000000001', user_id, {}, label, created_at, FALSE, mac \
                 FROM tokens WHERE user_id = '{}'",
                    blob(t, &Sha256::digest(chosen.as_bytes())),
                    w.convener
                ))
                .await;
                unknown(as_user(w, chosen).await, "the inserted token");
                assert_named(w, t, "tokens", "00000000-0000-4000-8000-000000000001").await;
                // The convener's own token still works.
                as_user(w, &w.convener_token).await.unwrap();
            })
        }),
        ("a session inserted for the convener", |w, t| {
            Box::pin(async move {
                let chosen = "a-session-secret-chosen-by-the-intruder";
                let now = tracktwo_store::to_micros(tracktwo_app::Clock::now(&tracktwo_app::system::SystemClock));
                t.execute_raw(&format!(
                    "INSERT INTO sessions (digest, user_id, created_at, expires_at, last_seen_at, revoked, mac) \
                 VALUES ({}, '{}', {now}, {}, {now}, FALSE, NULL)",
                    blob(t, &Sha256::digest(chosen.as_bytes())),
                    w.convener,
                    now + 3_600_000_000
                ))
                .await;
                unknown(w.app.session_identity(chosen, Channel::Web).await, "the inserted session");
                assert_named(w, t, "sessions", "").await;
            })
        }),
        ("an observer raised to convener", |w, t| {
            Box::pin(async move {
                t.execute_raw(&format!("UPDATE members SET role = 'convener' WHERE user_id = '{}'", w.observer)).await;
                let observer = as_user(w, &w.observer_token).await.unwrap();
                refused(w.app.people(&observer, w.serin.id).await, "the raised observer");
                assert_named(w, t, "members", &w.observer.to_string()).await;
            })
        }),
        ("a membership inserted for an outsider", |w, t| {
            Box::pin(async move {
                t.execute_raw(&format!(
                "INSERT INTO members (initiative_id, user_id, role, side_id, mac) VALUES ('{}', '{}', 'convener', NULL, NULL)",
                w.serin.id, w.outsider
            ))
            .await;
                let outsider = as_user(w, &w.outsider_token).await.unwrap();
                refused(w.app.initiative(&outsider, w.serin.id).await, "the inserted membership");
                assert_named(w, t, "members", &w.outsider.to_string()).await;
            })
        }),
        ("a participant moved to the other side", |w, t| {
            Box::pin(async move {
                let kh = Identity::key_holder();
                w.app
                    .add_note(
                        &kh,
                        w.serin.id,
                        NewNote { scope: Scope::Caucus(w.serin.lowland_coast), body: "coast only".into() },
                    )
                    .await
                    .unwrap();
                t.execute_raw(&format!(
                    "UPDATE members SET side_id = '{}' WHERE user_id = '{}'",
                    w.serin.lowland_coast, w.vale
                ))
                .await;
                let vale = as_user(w, &w.vale_token).await.unwrap();
                refused(
                    w.app.notes(&vale, w.serin.id, Scope::Caucus(w.serin.lowland_coast)).await,
                    "the moved participant",
                );
                assert_named(w, t, "members", &w.vale.to_string()).await;
            })
        }),
        ("a caucus note moved to the plenary", |w, t| {
            Box::pin(async move {
                let kh = Identity::key_holder();
                let note = w
                    .app
                    .add_note(
                        &kh,
                        w.serin.id,
                        NewNote { scope: Scope::Caucus(w.serin.lowland_coast), body: "coast only".into() },
                    )
                    .await
                    .unwrap();
                t.execute_raw(&format!("UPDATE notes SET side_id = NULL WHERE id = '{}'", note.id)).await;
                let vale = as_user(w, &w.vale_token).await.unwrap();
                refused(w.app.notes(&vale, w.serin.id, Scope::Plenary).await, "the moved note");
                assert_named(w, t, "notes", &note.id.to_string()).await;
            })
        }),
        ("a record re-parented", |w, t| {
            Box::pin(async move {
                let kh = Identity::key_holder();
                let round = Round { number: 1, title: "First".into(), starts_on: None, ends_on: None };
                let round = w.app.add_round(&kh, w.serin.id, round).await.unwrap();
                let follow_up = FollowUp {
                    round,
                    commitment: "draft the hotline terms".into(),
                    owner: "facilitator".into(),
                    due_on: None,
                    carried_forward: false,
                    done: false,
                };
                let id = w.app.add_follow_up(&kh, w.serin.id, follow_up).await.unwrap();
                t.execute_raw(&format!("UPDATE sealed_records SET parent_id = '{round}' WHERE id = '{id}'")).await;
                let convener = as_user(w, &w.convener_token).await.unwrap();
                refused(w.app.follow_ups(&convener, w.serin.id).await, "the re-parented record");
                assert_named(w, t, "sealed_records", &id.to_string()).await;
            })
        }),
        ("a secret channel flipped open", |w, t| {
            Box::pin(async move {
                let kh = Identity::key_holder();
                let secret =
                    NewInitiative { title: "Back channel".into(), description: String::new(), secret_channel: true };
                let hidden = w.app.create_initiative(&kh, secret, None).await.unwrap();
                t.execute_raw(&format!("UPDATE initiatives SET secret_channel = FALSE WHERE id = '{}'", hidden.id))
                    .await;
                let outsider = as_user(w, &w.outsider_token).await.unwrap();
                refused(w.app.directory(&outsider).await, "the opened channel");
                assert_named(w, t, "initiatives", &hidden.id.to_string()).await;
            })
        }),
        ("an account made administrator", |w, t| {
            Box::pin(async move {
                t.execute_raw(&format!("UPDATE users SET is_admin = TRUE WHERE id = '{}'", w.outsider)).await;
                unknown(as_user(w, &w.outsider_token).await, "the raised account");
                assert_named(w, t, "users", &w.outsider.to_string()).await;
            })
        }),
        ("a disabled account enabled again", |w, t| {
            Box::pin(async move {
                let kh = Identity::key_holder();
                w.app.set_user_disabled(&kh, w.outsider, true).await.unwrap();
                assert!(as_user(w, &w.outsider_token).await.is_err());
                t.execute_raw(&format!("UPDATE users SET disabled = FALSE WHERE id = '{}'", w.outsider)).await;
                unknown(as_user(w, &w.outsider_token).await, "the re-enabled account");
                assert_named(w, t, "users", &w.outsider.to_string()).await;
            })
        }),
        ("a password hash replaced", |w, t| {
            Box::pin(async move {
                t.execute_raw(&format!(
                "UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = '{}') WHERE id = '{}'",
                w.outsider, w.convener
            ))
            .await;
                assert!(w.app.sign_in("amara", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.is_err());
                assert_named(w, t, "users", &w.convener.to_string()).await;
            })
        }),
        ("a second factor cleared", |w, t| {
            Box::pin(async move {
                let me = w
                    .app
                    .sign_in("amara", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1"))
                    .await
                    .unwrap()
                    .identity;
                w.app.begin_second_factor(&me).await.unwrap();
                let code = w.app.current_second_factor_code(w.convener).await.unwrap();
                w.app.confirm_second_factor(&me, &code).await.unwrap();
                assert!(w.app.sign_in("amara", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.is_err());
                t.execute_raw(&format!(
                    "UPDATE users SET totp_enabled = FALSE, totp_secret = NULL WHERE id = '{}'",
                    w.convener
                ))
                .await;
                assert!(
                    w.app.sign_in("amara", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.is_err(),
                    "a password alone let in"
                );
                assert_named(w, t, "users", &w.convener.to_string()).await;
            })
        }),
    ];
    for (what, probe) in cases {
        let store = t.sibling().await;
        let w = world(&store).await;
        assert!(w.app.verify_audit(&Identity::key_holder()).await.unwrap().is_intact(), "{what}: before");
        probe(&w, &store).await;
        store.cleanup().await;
    }
}

async fn try_open(t: &TestStore) -> Result<App, AppError> {
    App::open(
        t.reopen().await,
        &tracktwo_test_support::test_unlock(),
        Arc::new(tracktwo_app::system::SystemClock),
        Box::new(tracktwo_app::system::SystemEntropy::new().unwrap()),
    )
    .await
}

/// An older store opens after the upgrade: its rows get their MACs from the key holder's first
/// opening, once; sessions end; the chain records it. Setting the format back afterwards, to have
/// forged rows vouched for by the next opening, is refused.
pub async fn an_older_store_is_sealed_once_and_cannot_be_set_back(t: &TestStore) {
    let w = world_born_at(t, 1).await;
    let signed_in = w.app.sign_in("amara", PASSWORD, None, Channel::Web, &Origin::new("192.0.2.1")).await.unwrap();
    let kh = Identity::key_holder();
    w.app.add_note(&kh, w.serin.id, NewNote { scope: Scope::Plenary, body: "kept".into() }).await.unwrap();
    // What migration 0007 leaves of a store written before row MACs: the column is there,
    // empty, and the format says 1.
    t.rewrite_as_format_1(&[]).await;

    // Two processes open it at once (a server and a command beside it): one seals, and the other
    // finds it sealed rather than set back.
    let (first, second) = tokio::join!(try_open(t), try_open(t));
    let app = first.unwrap();
    second.unwrap();
    let actions = t.raw_audit_actions().await;
    let sealings = actions.iter().filter(|a| *a == "store.access-state-sealed").count();
    assert!((1..=2).contains(&sealings), "sealed {sealings} times");
    assert!(app.verify_audit(&kh).await.unwrap().is_intact());
    let vale = app.authenticate_token(&w.vale_token, Channel::Api).await.unwrap();
    assert_eq!(app.notes(&vale, w.serin.id, Scope::Plenary).await.unwrap()[0].body, "kept");
    // Sessions of before are not vouched for: their holders sign in again.
    assert!(app.session_identity(&signed_in.session_secret, Channel::Web).await.is_err());
    // Opening again does not seal again.
    let again = try_open(t).await.unwrap();
    let after = t.raw_audit_actions().await.iter().filter(|a| *a == "store.access-state-sealed").count();
    assert_eq!(after, sealings);
    drop(again);

    // The intruder sets the format back and forges a membership, hoping the next opening
    // vouches for it.
    t.execute_raw("UPDATE store_meta SET format_version = 1").await;
    t.execute_raw(&format!(
        "INSERT INTO members (initiative_id, user_id, role, side_id, mac) VALUES ('{}', '{}', 'convener', NULL, NULL)",
        w.serin.id, w.outsider
    ))
    .await;
    assert!(matches!(try_open(t).await, Err(AppError::Tampered)));
}

/// The stored format, read anew beneath the application.
async fn stored_format(t: &TestStore) -> i64 {
    t.reopen().await.meta().await.unwrap().unwrap().format_version
}

/// A store created by this version records in its first audit event the format it was born at.
/// Someone who can write to the database sets the format back, to have forged rows vouched for
/// by the next opening as an older store's; the opening refuses, writes nothing, and the forged
/// rows stay refused. Deleting the first event does not help, and a backup taken after the format
/// was set back does not restore.
pub async fn a_store_born_sealed_cannot_be_passed_off_as_older(t: &TestStore) {
    let w = world(t).await;
    let kh = Identity::key_holder();
    let set_format =
        |format: i64| async move { t.execute_raw(&format!("UPDATE store_meta SET format_version = {format}")).await };

    // Set back beneath a running server, the format is in its next backup, which the backup's
    // own chain contradicts: the restore is refused and leaves the target as it was. The same
    // backup at the true format restores.
    let target = t.sibling().await;
    for format in [1, 2] {
        set_format(format).await;
        let mut backup = Vec::new();
        w.app.backup(&kh, &mut backup).await.unwrap();
        let restored = tracktwo_test_support::restore(&target.store, &backup, None, false).await;
        assert!(matches!(restored, Err(AppError::Tampered)), "a backup set back to format {format}: {restored:?}");
        assert!(target.store.meta().await.unwrap().is_none(), "a refused restore wrote to its target");
    }
    set_format(tracktwo_store::FORMAT_VERSION).await;
    let mut backup = Vec::new();
    w.app.backup(&kh, &mut backup).await.unwrap();
    let own_keyring = {
        let mut keyring = Vec::new();
        w.app.export_keyring(&kh, &mut keyring).await.unwrap();
        keyring
    };
    tracktwo_test_support::restore(&target.store, &backup, Some(&own_keyring), false).await.unwrap();
    target.cleanup().await;

    // Format 1 and a forged convener membership: the sealing would MAC it as genuine.
    let forged_membership = format!(
        "INSERT INTO members (initiative_id, user_id, role, side_id, mac) VALUES ('{}', '{}', 'convener', NULL, NULL)",
        w.serin.id, w.outsider
    );
    t.execute_raw(&forged_membership).await;
    set_format(1).await;
    let chain_before = t.raw_audit_actions().await;
    assert!(matches!(try_open(t).await, Err(AppError::Tampered)), "a store born sealed was sealed again");
    assert_eq!(t.raw_audit_actions().await, chain_before, "a refused opening wrote to the chain");
    assert_eq!(stored_format(t).await, 1, "a refused opening changed the format");
    // Put back to its format, the store opens, and the forged membership is still refused.
    set_format(tracktwo_store::FORMAT_VERSION).await;
    let app = try_open(t).await.unwrap();
    let outsider = app.authenticate_token(&w.outsider_token, Channel::Api).await.unwrap();
    refused(app.initiative(&outsider, w.serin.id).await, "the forged membership");
    drop(app);
    t.execute_raw(&format!("DELETE FROM members WHERE user_id = '{}'", w.outsider)).await;

    // Format 2 and a forged token for the convener: the expiry would be given to it.
    let forged_secret = format!("tt2_{}", "ab".repeat(32));
    let digest = tracktwo_crypto::TokenDigest::of(&forged_secret).0;
    t.execute_raw(&format!(
        "INSERT INTO tokens (id, user_id, digest, label, created_at, revoked, expires_at, last_used_at, mac) \
         SELECT '00000000-0000-4000-8000-0000000000f0', '{}', {}, label, created_at, revoked, 0, NULL, mac \
         FROM tokens WHERE user_id = '{}'",
        w.convener,
        blob(t, &digest),
        w.outsider
    ))
    .await;
    set_format(2).await;
    let chain_before = t.raw_audit_actions().await;
    assert!(matches!(try_open(t).await, Err(AppError::Tampered)), "a store born with expiring tokens was given them");
    assert_eq!(t.raw_audit_actions().await, chain_before, "a refused opening wrote to the chain");
    assert_eq!(stored_format(t).await, 2, "a refused opening changed the format");
    set_format(tracktwo_store::FORMAT_VERSION).await;
    let app = try_open(t).await.unwrap();
    unknown(app.authenticate_token(&forged_secret, Channel::Api).await, "the forged token");
    drop(app);

    // Without its first event (or with the next one linked to the start in its place), a chain
    // says nothing of the store's birth, and the store is refused at an older format.
    t.execute_raw(&forged_membership).await;
    t.execute_raw("DELETE FROM audit_events WHERE seq = 1").await;
    for format in [1, 2] {
        set_format(format).await;
        assert!(matches!(try_open(t).await, Err(AppError::Tampered)), "format {format} without a genesis");
    }
    t.execute_raw(&format!("UPDATE audit_events SET prev_mac = {} WHERE seq = 2", blob(t, &[0; 32]))).await;
    for format in [1, 2] {
        set_format(format).await;
        assert!(matches!(try_open(t).await, Err(AppError::Tampered)), "format {format} with a relinked genesis");
        assert_eq!(stored_format(t).await, format);
    }
    assert!(!t.raw_audit_actions().await.iter().any(|a| a == "store.access-state-sealed"));
}
