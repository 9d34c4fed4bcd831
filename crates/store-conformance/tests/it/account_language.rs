//! The language an account reads its pages in: kept with the account, given back with its
//! session, forgotten on request, carried by a backup, and refused when a database writer
//! changes it.

use std::sync::Arc;

use tracktwo_app::{AppError, Origin};
use tracktwo_domain::{Channel, Identity, NewUser};
use tracktwo_test_support::{TestStore, init_app, open_app, restore};

const PASSWORD: &str = "correct horse battery staple";

fn account(name: &str) -> NewUser {
    NewUser { username: name.into(), display_name: String::new(), is_admin: false }
}

pub async fn an_accounts_language_is_kept_backed_up_and_guarded(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    for name in ["amara", "otto"] {
        app.create_user_with_password(&kh, account(name), PASSWORD).await.unwrap();
    }
    let origin = Origin::new("192.0.2.1");
    let amara = app.sign_in("amara", PASSWORD, None, Channel::Web, &origin).await.unwrap();
    let otto = app.sign_in("otto", PASSWORD, None, Channel::Web, &origin).await.unwrap();
    let language_of = |secret: String| {
        let app = &app;
        async move { app.session(&secret, Channel::Web).await.unwrap().language }
    };

    // Nobody has chosen: the browser's choice holds.
    assert_eq!(language_of(amara.session_secret.clone()).await, None);

    // Each chooses for their own account only.
    app.set_account_language(&amara.identity, Some("ar")).await.unwrap();
    assert_eq!(language_of(amara.session_secret.clone()).await.as_deref(), Some("ar"));
    assert_eq!(language_of(otto.session_secret.clone()).await, None);
    app.set_account_language(&amara.identity, Some("fr")).await.unwrap();
    assert_eq!(language_of(amara.session_secret.clone()).await.as_deref(), Some("fr"));

    // What is not a language tag is refused and changes nothing.
    for bad in ["", "fr_FR", "<b>", "x"] {
        let refused = app.set_account_language(&amara.identity, Some(bad)).await;
        assert!(matches!(refused, Err(AppError::Invalid(_))), "{bad:?}: {refused:?}");
    }
    assert_eq!(language_of(amara.session_secret.clone()).await.as_deref(), Some("fr"));
    // The key holder has no account to keep a language with.
    assert!(app.set_account_language(&kh, Some("ru")).await.is_err());

    // A backup carries the choice.
    app.set_account_language(&otto.identity, Some("ru")).await.unwrap();
    let (mut backup, mut keyring) = (Vec::new(), Vec::new());
    app.backup(&kh, &mut backup).await.unwrap();
    app.export_keyring(&kh, &mut keyring).await.unwrap();
    let target = t.sibling().await;
    restore(&target.store, &backup, Some(&keyring), false).await.unwrap();
    let snapshot = target.store.snapshot(open_app(Arc::clone(&target.store)).await.row_authenticator()).await.unwrap();
    let mut kept: Vec<(tracktwo_domain::UserId, String)> =
        snapshot.account_languages.into_iter().map(|row| (row.user, row.language)).collect();
    kept.sort();
    let mut expected =
        vec![(amara.identity.user_id().unwrap(), "fr".to_owned()), (otto.identity.user_id().unwrap(), "ru".to_owned())];
    expected.sort();
    assert_eq!(kept, expected);
    target.cleanup().await;

    // Forgetting it gives the browser its say again.
    app.set_account_language(&otto.identity, None).await.unwrap();
    assert_eq!(language_of(otto.session_secret.clone()).await, None);

    // A language changed beneath the application no longer carries its MAC: the session that
    // would read it is refused rather than trusted.
    t.execute_raw("UPDATE account_languages SET language = 'ru'").await;
    let forged = app.session(&amara.session_secret, Channel::Web).await;
    assert!(matches!(forged, Err(AppError::Unauthenticated)), "{forged:?}");
    let report = app.verify_audit(&kh).await.unwrap();
    assert!(
        report.findings.iter().any(|f| format!("{f:?}").contains("account_languages")),
        "the forged row is named: {:?}",
        report.findings
    );
}
