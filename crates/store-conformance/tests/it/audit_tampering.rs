//! An intruder with write access to the database edits, deletes, inserts or reorders audit
//! events; verification names what was done and where.

use std::sync::Arc;

use tracktwo_app::AuditFinding;
use tracktwo_domain::{Identity, NewInitiative, NewNote, Scope};
use tracktwo_test_support::{TestStore, init_app, open_app};

/// A store with a few events (seq 1 = store initialised, then the initiative, then notes).
async fn store_with_events(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let i = app
        .create_initiative(
            &kh,
            NewInitiative { title: "Audited".into(), description: String::new(), secret_channel: false },
            None,
        )
        .await
        .unwrap();
    for n in 0..4 {
        app.add_note(&kh, i.id, NewNote { scope: Scope::Plenary, body: format!("n{n}") }).await.unwrap();
    }
    assert!(app.verify_audit(&kh).await.unwrap().is_intact());
}

async fn findings(t: &TestStore) -> Vec<AuditFinding> {
    open_app(t.reopen().await).await.verify_audit(&Identity::key_holder()).await.unwrap().findings
}

pub async fn an_edited_event_is_named(t: &TestStore) {
    store_with_events(t).await;
    t.execute_raw("UPDATE audit_events SET actor = 'user:someone-else@api' WHERE seq = 3").await;
    assert_eq!(findings(t).await, [AuditFinding::Edited { seq: 3 }]);
}

pub async fn a_deleted_event_is_named(t: &TestStore) {
    store_with_events(t).await;
    t.execute_raw("DELETE FROM audit_events WHERE seq = 3").await;
    assert_eq!(findings(t).await, [AuditFinding::DeletedBefore { seq: 4 }]);
}

pub async fn an_inserted_event_is_named(t: &TestStore) {
    store_with_events(t).await;
    // Make room at seq 3 and forge an event there that links to its predecessor.
    t.execute_raw("UPDATE audit_events SET seq = seq + 1000 WHERE seq >= 3").await;
    t.execute_raw("UPDATE audit_events SET seq = seq - 999 WHERE seq >= 1000").await;
    t.execute_raw(
        "INSERT INTO audit_events (seq, at, actor, action, target_kind, target_id, prev_mac, mac) \
         SELECT 3, at, 'user:intruder@api', action, target_kind, target_id, mac, mac FROM audit_events WHERE seq = 2",
    )
    .await;
    assert_eq!(findings(t).await, [AuditFinding::Inserted { seq: 3 }]);
}

pub async fn swapped_events_are_named(t: &TestStore) {
    store_with_events(t).await;
    t.execute_raw("UPDATE audit_events SET seq = -3 WHERE seq = 3").await;
    t.execute_raw("UPDATE audit_events SET seq = 3 WHERE seq = 4").await;
    t.execute_raw("UPDATE audit_events SET seq = 4 WHERE seq = -3").await;
    assert_eq!(findings(t).await, [AuditFinding::Swapped { first: 3, second: 4 }]);
}
