use std::sync::Arc;

use tracktwo_app::{AppError, system::SystemClock, system::SystemEntropy};
use tracktwo_domain::{
    Channel, Identity, MemberRole, NewDocument, NewInitiative, NewNote, NewPerson, NewSide, NewUser, Scope,
    access::Denied,
};
use tracktwo_store::StoreError;
use tracktwo_test_support::{TestStore, init_app, open_app, restore, test_unlock};

fn user(username: &str, is_admin: bool) -> NewUser {
    NewUser { username: username.into(), display_name: format!("{username} display"), is_admin }
}

fn initiative(title: &str) -> NewInitiative {
    NewInitiative { title: title.into(), description: format!("about {title}"), secret_channel: false }
}

fn secret(title: &str) -> NewInitiative {
    NewInitiative { secret_channel: true, ..initiative(title) }
}

fn note(scope: Scope, body: &str) -> NewNote {
    NewNote { scope, body: body.into() }
}

pub async fn records_round_trip_through_the_use_cases(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let convener = app.create_user(&kh, user("Convener", false)).await.unwrap();
    assert!(matches!(app.create_user(&kh, user(" convener ", false)).await, Err(AppError::Conflict(_))));
    let found = app.user_by_username(&kh, "CONVENER").await.unwrap();
    assert_eq!(found.id, convener.id);
    assert_eq!(found.display_name, "Convener display");

    let i = app.create_initiative(&kh, initiative("Serin"), Some(convener.id)).await.unwrap();
    let me = Identity::user(convener.id, false, Channel::Api);
    let person = app
        .add_person(
            &me,
            i.id,
            NewPerson { name: "N".into(), title: "T".into(), contact: "C".into(), notes: "X".into() },
        )
        .await
        .unwrap();
    let note = app.add_note(&me, i.id, NewNote { scope: Scope::Plenary, body: "A1: water".into() }).await.unwrap();
    let doc = app.add_document(&me, i.id, NewDocument { title: "Draft".into(), body: "1. ...".into() }).await.unwrap();

    assert_eq!(app.initiative(&me, i.id).await.unwrap(), i);
    assert_eq!(app.person(&me, i.id, person.id).await.unwrap(), person);
    assert_eq!(app.note(&me, i.id, note.id).await.unwrap(), note);
    assert_eq!(app.document(&me, i.id, doc.id).await.unwrap(), doc);
    assert_eq!(app.people(&me, i.id).await.unwrap(), vec![person]);
    assert_eq!(app.notes(&me, i.id, Scope::Plenary).await.unwrap(), vec![note]);
    assert_eq!(app.documents(&me, i.id).await.unwrap(), vec![doc]);
    assert_eq!(app.initiatives(&me).await.unwrap(), vec![i.clone()]);
    let roster = app.roster(&me, i.id).await.unwrap();
    assert_eq!(roster.named.len(), 1);
    assert_eq!(roster.named[0].0.role, MemberRole::Convener);
    assert_eq!(roster.named[0].1, "Convener display");
    assert!(app.verify_audit(&kh).await.unwrap().is_intact());
}

pub async fn access_is_decided_in_the_core(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let convener = app.create_user(&kh, user("c", false)).await.unwrap();
    let participant = app.create_user(&kh, user("p", false)).await.unwrap();
    let outsider = app.create_user(&kh, user("o", false)).await.unwrap();
    let admin = app.create_user(&kh, user("a", true)).await.unwrap();
    let c = Identity::user(convener.id, false, Channel::Api);
    let p = Identity::user(participant.id, false, Channel::Api);
    let o = Identity::user(outsider.id, false, Channel::Api);
    let a = Identity::user(admin.id, true, Channel::Api);

    let i = app.create_initiative(&c, initiative("Caucus"), None).await.unwrap();
    let side_a = app.add_side(&c, i.id, NewSide { name: "Upper Vale".into() }).await.unwrap();
    let side_b = app.add_side(&c, i.id, NewSide { name: "Lowland Coast".into() }).await.unwrap();
    let other = app.create_user(&kh, user("q", false)).await.unwrap();
    let q = Identity::user(other.id, false, Channel::Api);
    let official = app.create_user(&kh, user("f", false)).await.unwrap();
    let f = Identity::user(official.id, false, Channel::Api);
    app.add_member(&c, i.id, participant.id, MemberRole::Participant, Some(side_a.id)).await.unwrap();
    app.add_member(&c, i.id, other.id, MemberRole::Participant, Some(side_b.id)).await.unwrap();
    app.add_member(&c, i.id, official.id, MemberRole::Official, None).await.unwrap();
    assert!(matches!(
        app.add_member(&c, i.id, outsider.id, MemberRole::Participant, None).await,
        Err(AppError::Invalid(_))
    ));
    let plenary = app.add_note(&c, i.id, note(Scope::Plenary, "team note")).await.unwrap();
    let caucus_b = app.add_note(&q, i.id, note(Scope::Caucus(side_b.id), "B only")).await.unwrap();
    let caucus_a = app.add_note(&p, i.id, note(Scope::Caucus(side_a.id), "A only")).await.unwrap();

    // A participant reads the plenary and their own caucus, writes only there, sees no roster.
    assert_eq!(app.note(&p, i.id, plenary.id).await.unwrap().body, "team note");
    assert_eq!(app.notes(&p, i.id, Scope::Caucus(side_a.id)).await.unwrap(), vec![caucus_a.clone()]);
    assert!(matches!(
        app.add_note(&p, i.id, note(Scope::Plenary, "x")).await,
        Err(AppError::Forbidden(Denied::RoleNotAllowed(MemberRole::Participant)))
    ));
    assert!(matches!(app.people(&p, i.id).await, Err(AppError::Forbidden(_))));
    assert!(matches!(
        app.add_member(&p, i.id, outsider.id, MemberRole::Observer, None).await,
        Err(AppError::Forbidden(_))
    ));
    // ... and nothing of the other side's caucus, not even that it holds anything.
    assert!(matches!(app.note(&p, i.id, caucus_b.id).await, Err(AppError::NotFound)));
    assert!(matches!(app.notes(&p, i.id, Scope::Caucus(side_b.id)).await, Err(AppError::NotFound)));
    assert!(matches!(app.add_note(&p, i.id, note(Scope::Caucus(side_b.id), "x")).await, Err(AppError::NotFound)));
    // The team sees every caucus; an official receives readouts, not the raw record.
    assert_eq!(app.notes(&c, i.id, Scope::Caucus(side_b.id)).await.unwrap(), vec![caucus_b]);
    assert!(matches!(app.note(&f, i.id, plenary.id).await, Err(AppError::Forbidden(_))));
    assert_eq!(app.sides(&f, i.id).await.unwrap().len(), 2);

    // An ordinary initiative shows in the directory to outsiders, by title, and nothing more.
    let hidden = app.create_initiative(&c, secret("Back channel"), None).await.unwrap();
    let hidden_note = app.add_note(&c, hidden.id, note(Scope::Plenary, "secret")).await.unwrap();
    for stranger in [&o, &a] {
        let directory = app.directory(stranger).await.unwrap();
        assert_eq!(directory.iter().map(|e| e.id).collect::<Vec<_>>(), vec![i.id]);
        assert!(matches!(app.initiative(stranger, i.id).await, Err(AppError::Forbidden(Denied::NotAMember))));
        assert!(matches!(app.note(stranger, i.id, plenary.id).await, Err(AppError::Forbidden(_))));
        assert!(app.initiatives(stranger).await.unwrap().is_empty());
        // A secret channel does not exist for them: not found, like an id that was never used.
        assert!(matches!(app.initiative(stranger, hidden.id).await, Err(AppError::NotFound)));
        assert!(matches!(app.note(stranger, hidden.id, hidden_note.id).await, Err(AppError::NotFound)));
        assert!(matches!(app.sides(stranger, hidden.id).await, Err(AppError::NotFound)));
    }
    assert_eq!(app.directory(&c).await.unwrap().len(), 2);
    // Members of an ordinary initiative do not learn of the secret one either.
    assert!(matches!(app.initiative(&p, hidden.id).await, Err(AppError::NotFound)));
    // Store-wide operations belong to the key holder alone.
    assert!(matches!(app.verify_audit(&a).await, Err(AppError::Forbidden(Denied::KeyHolderOnly))));
    assert!(matches!(app.backup(&a, &mut Vec::new()).await, Err(AppError::Forbidden(_))));
    assert!(matches!(app.users(&c).await, Err(AppError::Forbidden(Denied::AdministratorOnly))));
    assert_eq!(app.users(&a).await.unwrap().len(), 6);
}

pub async fn tokens_authenticate_and_failures_are_audited(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let u = app.create_user(&kh, user("tok", false)).await.unwrap();
    let token = app.create_token(&kh, u.id, "script").await.unwrap();
    let who = app.authenticate_token(&token.secret, Channel::Api).await.unwrap();
    assert_eq!(who.user_id(), Some(u.id));
    let before = t.store.snapshot(app.row_authenticator()).await.unwrap().audit.len();
    assert!(matches!(app.authenticate_token("tt2_wrong", Channel::Api).await, Err(AppError::Unauthenticated)));
    let audit = t.store.snapshot(app.row_authenticator()).await.unwrap().audit;
    assert_eq!(audit.len(), before + 1);
    assert_eq!(audit.last().unwrap().action, "login.failed");
    // The digest, not the token, is what rests in the store.
    let snapshot = t.store.snapshot(app.row_authenticator()).await.unwrap();
    assert!(!format!("{snapshot:?}").contains(&token.secret));
}

pub async fn destroying_an_initiative_removes_its_records_and_key(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let keep = app.create_initiative(&kh, initiative("Keep"), None).await.unwrap();
    let gone = app.create_initiative(&kh, initiative("Gone"), None).await.unwrap();
    let note =
        app.add_note(&kh, gone.id, NewNote { scope: Scope::Plenary, body: "to be shredded".into() }).await.unwrap();
    app.add_note(&kh, keep.id, NewNote { scope: Scope::Plenary, body: "kept".into() }).await.unwrap();
    app.destroy_initiative(&kh, gone.id).await.unwrap();

    assert!(matches!(app.note(&kh, gone.id, note.id).await, Err(AppError::NotFound)));
    assert!(matches!(app.initiative(&kh, gone.id).await, Err(AppError::NotFound)));
    let snapshot = t.store.snapshot(app.row_authenticator()).await.unwrap();
    assert_eq!(snapshot.initiatives.len(), 1);
    assert_eq!(snapshot.notes.len(), 1);
    // The system key and the kept initiative's key remain; the destroyed one's is gone.
    assert_eq!(snapshot.key_slots.len(), 2);
    assert_eq!(app.notes(&kh, keep.id, Scope::Plenary).await.unwrap()[0].body, "kept");
    assert!(app.verify_audit(&kh).await.unwrap().is_intact());
}

pub async fn backup_and_restore_round_trip(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let u = app.create_user(&kh, user("r", false)).await.unwrap();
    let i = app.create_initiative(&kh, initiative("Round trip"), Some(u.id)).await.unwrap();
    let note = app.add_note(&kh, i.id, NewNote { scope: Scope::Plenary, body: "survives".into() }).await.unwrap();
    let mut backup = Vec::new();
    app.backup(&kh, &mut backup).await.unwrap();
    let mut keyring = Vec::new();
    assert_eq!(app.export_keyring(&kh, &mut keyring).await.unwrap(), 2);

    let target = t.sibling().await;
    let report = restore(&target.store, &backup, Some(&keyring), false).await.unwrap();
    assert_eq!((report.users, report.initiatives, report.initiatives_without_key), (1, 1, 0));
    let restored = open_app(Arc::clone(&target.store)).await;
    assert_eq!(restored.note(&kh, i.id, note.id).await.unwrap(), note);
    assert_eq!(restored.user_by_username(&kh, "r").await.unwrap().id, u.id);
    assert!(restored.verify_audit(&kh).await.unwrap().is_intact());

    // A second restore over the now non-empty store needs --force, and then works from the
    // store's own keyring.
    let again = restore(&target.store, &backup, None, false).await;
    assert!(matches!(again, Err(AppError::Archive(tracktwo_app::ArchiveError::StoreNotEmpty))));
    restore(&target.store, &backup, None, true).await.unwrap();
    assert!(open_app(Arc::clone(&target.store)).await.verify_audit(&kh).await.unwrap().is_intact());

    // A damaged backup is refused whole.
    let mut damaged = backup.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x40;
    let err = restore(&target.store, &damaged, None, true).await.unwrap_err();
    assert!(matches!(err, AppError::WrongKey | AppError::Archive(_)), "{err}");
    assert_eq!(open_app(Arc::clone(&target.store)).await.note(&kh, i.id, note.id).await.unwrap().body, "survives");
    target.cleanup().await;
}

pub async fn restore_into_an_empty_store_needs_the_keyring(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    app.create_initiative(&kh, initiative("Needs keys"), None).await.unwrap();
    let mut backup = Vec::new();
    app.backup(&kh, &mut backup).await.unwrap();
    let target = t.sibling().await;
    let err = restore(&target.store, &backup, None, false).await.unwrap_err();
    assert!(matches!(&err, AppError::Archive(tracktwo_app::ArchiveError::KeysMissing)), "{err}");
    // Nothing was half-written.
    assert!(target.store.meta().await.unwrap().is_none());
    target.cleanup().await;
}

pub async fn backups_are_consistent_while_writers_continue(t: &TestStore) {
    let app = Arc::new(init_app(Arc::clone(&t.store)).await);
    let kh = Identity::key_holder();
    let i = app.create_initiative(&kh, initiative("Busy"), None).await.unwrap();
    let writer = {
        let app = Arc::clone(&app);
        tokio::spawn(async move {
            for n in 0..60 {
                app.add_note(
                    &Identity::key_holder(),
                    i.id,
                    NewNote { scope: Scope::Plenary, body: format!("note {n}") },
                )
                .await
                .unwrap();
            }
        })
    };
    let mut backups = Vec::new();
    for _ in 0..3 {
        let mut backup = Vec::new();
        app.backup(&kh, &mut backup).await.unwrap();
        backups.push(backup);
        tokio::task::yield_now().await;
    }
    writer.await.unwrap();
    let mut keyring = Vec::new();
    app.export_keyring(&kh, &mut keyring).await.unwrap();
    for backup in backups {
        let target = t.sibling().await;
        restore(&target.store, &backup, Some(&keyring), false).await.unwrap();
        let snapshot = target.store.snapshot(app.row_authenticator()).await.unwrap(); // one master key, so one row key
        // One snapshot: every note has its audit event and every audit event its note.
        let created = snapshot.audit.iter().filter(|e| e.action == "note.created").count();
        assert_eq!(created, snapshot.notes.len());
        assert!(open_app(Arc::clone(&target.store)).await.verify_audit(&kh).await.unwrap().is_intact());
        target.cleanup().await;
    }
}

pub async fn concurrent_writers_keep_the_audit_chain_linear(t: &TestStore) {
    let app = Arc::new(init_app(Arc::clone(&t.store)).await);
    let kh = Identity::key_holder();
    let i = app.create_initiative(&kh, initiative("Concurrent"), None).await.unwrap();
    let before = t.store.snapshot(app.row_authenticator()).await.unwrap().audit.len();
    let tasks: Vec<_> = (0..4)
        .map(|w| {
            let app = Arc::clone(&app);
            tokio::spawn(async move {
                for n in 0..15 {
                    app.add_note(
                        &Identity::key_holder(),
                        i.id,
                        NewNote { scope: Scope::Plenary, body: format!("{w}/{n}") },
                    )
                    .await
                    .unwrap();
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let report = app.verify_audit(&kh).await.unwrap();
    assert!(report.is_intact(), "{:?}", report.findings);
    assert_eq!(report.events, before + 60);
}

pub async fn reopening_keeps_data_and_refuses_a_wrong_key(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let i = app.create_initiative(&kh, initiative("Persistent"), None).await.unwrap();
    drop(app);
    let store = t.reopen().await;
    let reopened = open_app(Arc::clone(&store)).await;
    assert_eq!(reopened.initiative(&kh, i.id).await.unwrap(), i);
    let wrong = tracktwo_app::Unlock::KeyFile(vec![0x11; 32].into());
    let err = tracktwo_app::App::open(store, &wrong, Arc::new(SystemClock), Box::new(SystemEntropy::new().unwrap()))
        .await
        .unwrap_err();
    assert!(matches!(err, AppError::WrongKey), "{err}");
    assert!(matches!(init_app_result(Arc::clone(&t.store)).await, Err(AppError::AlreadyInitialised)));
}

async fn init_app_result(store: Arc<dyn tracktwo_store::Store>) -> tracktwo_app::Result<tracktwo_app::App> {
    tracktwo_app::App::init(
        store,
        &test_unlock(),
        tracktwo_test_support::TEST_KDF,
        Arc::new(SystemClock),
        Box::new(SystemEntropy::new().unwrap()),
    )
    .await
}

pub async fn a_store_from_a_newer_version_is_refused(t: &TestStore) {
    init_app(Arc::clone(&t.store)).await;
    t.execute_raw("UPDATE store_meta SET format_version = 99").await;
    assert!(matches!(t.try_reopen().await, Err(StoreError::NewerVersion { found: 99, .. })));
    t.execute_raw("UPDATE store_meta SET format_version = 1").await;
    let checksum = if t.is_postgres() { "decode('00', 'hex')" } else { "X'00'" };
    t.execute_raw(&format!(
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) \
         VALUES (99990101000000, 'from the future', CURRENT_TIMESTAMP, TRUE, {checksum}, 0)"
    ))
    .await;
    let err = t.try_reopen().await.err().expect("refused");
    assert!(matches!(err, StoreError::NewerVersion { .. }), "{err}");
    assert!(err.to_string().contains("newer version of tracktwo"));
}

pub async fn conveners_see_their_initiatives_audit_trail_only(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let convener = app.create_user(&kh, user("conv", false)).await.unwrap();
    let rapporteur = app.create_user(&kh, user("rap", false)).await.unwrap();
    let c = Identity::user(convener.id, false, Channel::Web);
    let r = Identity::user(rapporteur.id, false, Channel::Web);
    let mine = app.create_initiative(&c, initiative("Mine"), None).await.unwrap();
    let other = app.create_initiative(&kh, secret("Elsewhere"), None).await.unwrap();
    app.add_member(&c, mine.id, rapporteur.id, MemberRole::Rapporteur, None).await.unwrap();
    let ours = app.add_note(&r, mine.id, note(Scope::Plenary, "ours")).await.unwrap();
    app.note(&r, mine.id, ours.id).await.unwrap();
    let elsewhere = app.add_note(&kh, other.id, note(Scope::Plenary, "theirs")).await.unwrap();

    let trail = app.initiative_audit(&c, mine.id).await.unwrap();
    let actions: Vec<(&str, &str)> = trail.iter().map(|e| (e.action.as_str(), e.target_id.as_str())).collect();
    let note_id = ours.id.to_string();
    assert!(actions.contains(&("note.created", note_id.as_str())));
    assert!(actions.contains(&("note.read", note_id.as_str())));
    assert!(trail.iter().any(|e| e.actor == "rap display"), "members are named");
    assert!(!trail.iter().any(|e| e.target_id == elsewhere.id.to_string() || e.target_id == other.id.to_string()));
    assert!(!trail.iter().any(|e| e.target_kind == "user"), "account events could reveal other initiatives");
    assert!(matches!(app.initiative_audit(&r, mine.id).await, Err(AppError::Forbidden(_))));
    assert!(matches!(app.initiative_audit(&c, other.id).await, Err(AppError::NotFound)));
}
