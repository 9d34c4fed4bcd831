//! Distinct canary strings go into every kind of sensitive field; none may be found in the bytes
//! the store keeps at rest, in a backup or in a keyring export. After the initiative is destroyed,
//! its canaries cannot be brought back from a backup taken before, even with the master key.

use std::sync::Arc;

use tracktwo_app::{App, AppError};
use tracktwo_domain::map::{ActorDetails, ActorKind, Level, RegistryEntry, TieDetails, TieKind, Track};
use tracktwo_domain::{Identity, NewDocument, NewInitiative, NewNote, NewPerson, NewSide, NewUser, Scope};
use tracktwo_test_support::{TestStore, init_app, open_app, restore};

struct Canaries {
    system: Vec<String>,
    initiative: Vec<String>,
}

fn canary(field: &str) -> String {
    format!("CANARY-{field}-7f3a")
}

fn find(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn assert_absent(what: &str, bytes: &[u8], canaries: &[String]) {
    for c in canaries {
        assert!(!find(bytes, c), "{c} found in plaintext in {what}");
    }
}

async fn decrypted_export(app: &App) -> Vec<u8> {
    let mut out = Vec::new();
    app.export(&Identity::key_holder(), &mut out).await.unwrap();
    out
}

pub async fn sensitive_fields_never_rest_in_plaintext(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let canaries = Canaries {
        system: ["username", "display-name", "token-label"].map(canary).to_vec(),
        initiative: [
            "initiative-title",
            "initiative-description",
            "side-name",
            "caucus-note-body",
            "person-name",
            "person-title",
            "person-contact",
            "person-notes",
            "note-body",
            "document-title",
            "document-body",
            "actor-name",
            "actor-code",
            "actor-role",
            "actor-notes",
            "tie-notes",
            "consent-how",
            "risk-threats",
            "duty-of-care",
            "snapshot-label",
            "meeting-title",
            "meeting-venue",
            "attendee-name",
            "meeting-note",
            "speaker-name",
            "option-title",
            "follow-up",
            "theory-of-change",
        ]
        .map(canary)
        .to_vec(),
    };
    let all: Vec<String> = canaries.system.iter().chain(&canaries.initiative).cloned().collect();

    let user = app
        .create_user(
            &kh,
            NewUser { username: canary("username"), display_name: canary("display-name"), is_admin: false },
        )
        .await
        .unwrap();
    app.create_token(&kh, user.id, &canary("token-label")).await.unwrap();
    let i = app
        .create_initiative(
            &kh,
            NewInitiative {
                title: canary("initiative-title"),
                description: canary("initiative-description"),
                secret_channel: false,
            },
            Some(user.id),
        )
        .await
        .unwrap();
    app.add_person(
        &kh,
        i.id,
        NewPerson {
            name: canary("person-name"),
            title: canary("person-title"),
            contact: canary("person-contact"),
            notes: canary("person-notes"),
        },
    )
    .await
    .unwrap();
    app.add_note(&kh, i.id, NewNote { scope: Scope::Plenary, body: canary("note-body") }).await.unwrap();
    let side = app.add_side(&kh, i.id, NewSide { name: canary("side-name") }).await.unwrap();
    app.add_note(&kh, i.id, NewNote { scope: Scope::Caucus(side.id), body: canary("caucus-note-body") }).await.unwrap();
    app.add_document(&kh, i.id, NewDocument { title: canary("document-title"), body: canary("document-body") })
        .await
        .unwrap();
    let actor = |name: &str, code: &str, role: &str, notes: &str| ActorDetails {
        kind: ActorKind::Person,
        name: Some(name.to_owned()),
        code_name: code.to_owned(),
        primary_track: Track::Religion,
        tracks: std::collections::BTreeSet::new(),
        level: Level::MiddleRange,
        side: Some(side.id),
        role: role.to_owned(),
        decision_maker: false,
        notes: notes.to_owned(),
        public_description: String::new(),
        unplaced: std::collections::BTreeSet::new(),
    };
    let a = app
        .add_actor(
            &kh,
            i.id,
            actor(&canary("actor-name"), &canary("actor-code"), &canary("actor-role"), &canary("actor-notes")),
        )
        .await
        .unwrap();
    let b = app.add_actor(&kh, i.id, actor("Second", "B-2", "", "")).await.unwrap();
    app.add_tie(
        &kh,
        i.id,
        TieDetails {
            from: a.id,
            to: b.id,
            kind: TieKind::BackChannelTo,
            directed: true,
            strength: 4,
            valid_from: None,
            valid_until: None,
            notes: canary("tie-notes"),
        },
    )
    .await
    .unwrap();
    let mut entry = RegistryEntry::default();
    entry.consent.obtained_how = canary("consent-how");
    entry.risk.threats = canary("risk-threats");
    entry.duty_of_care = canary("duty-of-care");
    app.set_registry_entry(&kh, i.id, a.id, entry).await.unwrap();
    let label = canary("snapshot-label");
    let snapshot =
        tracktwo_domain::map::MapSnapshot { label, date: time::macros::date!(2025 - 03 - 01), note: String::new() };
    app.add_map_snapshot(&kh, i.id, snapshot).await.unwrap();
    app.system_map(&kh, i.id).await.unwrap();
    {
        use tracktwo_domain::dialogue::*;
        let design = ProcessDesign {
            kind: ProcessKind::TrackTwo,
            methodology: Methodology::ProblemSolvingWorkshop,
            phase: Phase::PreNegotiation,
            theory_of_change: TheoryOfChange { if_we: canary("theory-of-change"), ..TheoryOfChange::default() },
            locales: Vec::new(),
            grants: Vec::new(),
        };
        app.set_process_design(&kh, i.id, design).await.unwrap();
        let round = app
            .add_round(&kh, i.id, Round { number: 1, title: "R".into(), starts_on: None, ends_on: None })
            .await
            .unwrap();
        let mode = ConfidentialityMode::ChathamHouse;
        let meeting = Meeting {
            round,
            title: canary("meeting-title"),
            starts_on: time::macros::date!(2025 - 04 - 20),
            ends_on: None,
            venue: canary("meeting-venue"),
            mode,
            sessions: vec![Session { title: "Plenary".into(), scope: Scope::Plenary, mode }],
            // The attendee comes after the note: every canary shares words with the
            // attendee's name, and a note naming someone attending here would be held.
            attendance: Vec::new(),
            agenda: Vec::new(),
            stage_reached: None,
            cleared: std::collections::BTreeSet::new(),
        };
        let m = app.add_meeting(&kh, i.id, meeting.clone()).await.unwrap();
        let note = MeetingNote {
            meeting: m,
            session: 0,
            speaker: "A1".into(),
            tags: std::collections::BTreeSet::new(),
            not_for_transfer: false,
            body: canary("meeting-note"),
            author: None,
            taken_at: time::OffsetDateTime::UNIX_EPOCH,
        };
        app.add_meeting_note(&kh, i.id, note).await.unwrap();
        let attendance = vec![Attendance {
            actor: Some(a.id),
            name: canary("attendee-name"),
            organisation: String::new(),
            side: None,
            capacity: tracktwo_domain::map::Capacity::NonOfficial,
            account: None,
        }];
        app.update_meeting(&kh, i.id, m, Meeting { attendance, ..meeting }).await.unwrap();
        app.set_speaker_key(&kh, i.id, m, SpeakerKey { entries: vec![("A1".into(), canary("speaker-name"))] })
            .await
            .unwrap();
        let option = DialogueOption {
            title: canary("option-title"),
            description: String::new(),
            issues: Vec::new(),
            raised_in: vec![m],
            supported_by: std::collections::BTreeSet::new(),
            status: OptionStatus::Raised,
            history: Vec::new(),
        };
        app.add_option(&kh, i.id, option, time::macros::date!(2025 - 04 - 20)).await.unwrap();
        let follow_up = FollowUp {
            round,
            commitment: canary("follow-up"),
            owner: String::new(),
            due_on: None,
            carried_forward: false,
            done: false,
        };
        app.add_follow_up(&kh, i.id, follow_up).await.unwrap();
        app.meeting_summary(&kh, i.id, m).await.unwrap();
    }
    app.registry(&kh, i.id).await.unwrap();
    // Reads leave audit events too; they must carry no plaintext either.
    app.notes(&kh, i.id, Scope::Plenary).await.unwrap();
    app.people(&kh, i.id).await.unwrap();

    // The canaries are really there: the decrypted export shows every one of them.
    let export = decrypted_export(&app).await;
    for c in &all {
        assert!(find(&export, c), "{c} missing from the decrypted export: the test planted nothing");
    }

    // At rest, in the backup and in the keyring: nowhere.
    let mut backup = Vec::new();
    app.backup(&kh, &mut backup).await.unwrap();
    let mut keyring_before = Vec::new();
    app.export_keyring(&kh, &mut keyring_before).await.unwrap();
    let at_rest = t.bytes_at_rest().await;
    assert!(!at_rest.is_empty());
    for (what, bytes) in &at_rest {
        assert!(!bytes.is_empty() || what.ends_with("-shm") || what.ends_with("-wal"), "{what} is empty");
        assert_absent(what, bytes, &all);
    }
    assert_absent("the backup", &backup, &all);
    assert_absent("the keyring export", &keyring_before, &all);

    // Destroy the initiative; then take the backup from before and the master key.
    app.destroy_initiative(&kh, i.id).await.unwrap();
    let mut keyring_after = Vec::new();
    app.export_keyring(&kh, &mut keyring_after).await.unwrap();
    for (what, bytes) in &t.bytes_at_rest().await {
        assert_absent(what, bytes, &all);
    }

    // Into an empty store: without a keyring nothing opens; with the current one, the destroyed
    // initiative is left out because no key for it exists any more.
    let target = t.sibling().await;
    assert!(matches!(restore(&target.store, &backup, None, true).await, Err(AppError::Archive(_))));
    restore(&target.store, &backup, Some(&keyring_after), true).await.unwrap();
    let restored = open_app(Arc::clone(&target.store)).await;
    assert!(matches!(restored.initiative(&kh, i.id).await, Err(AppError::NotFound)));
    let export = decrypted_export(&restored).await;
    assert_absent("the restored store", &export, &canaries.initiative);
    assert!(find(&export, &canary("username")), "account data should survive the restore");
    target.cleanup().await;

    // Over the live store itself (whose keyring no longer holds the key): the same.
    restore(&t.store, &backup, None, true).await.unwrap();
    let live = open_app(t.reopen().await).await;
    assert_absent(
        "the live store after restoring the old backup",
        &decrypted_export(&live).await,
        &canaries.initiative,
    );
}
