//! Dialogue processes through the use cases: rounds and meetings, notes by speaker code, the
//! speaker key, secret-channel meetings, summaries by role, options across rounds, follow-ups,
//! and backups.

use std::collections::BTreeSet;
use std::sync::Arc;

use time::macros::date;
use tracktwo_app::AppError;
use tracktwo_app::dialogue::MeetingView;
use tracktwo_domain::dialogue::{
    AgendaItem, Attendance, ConfidentialityMode, DialogueOption, FollowUp, Meeting, MeetingNote, Methodology, NoteTag,
    OptionStatus, Phase, ProcessDesign, ProcessKind, Round, Session, SpeakerKey, TheoryOfChange,
};
use tracktwo_domain::map::Capacity;
use tracktwo_domain::{Channel, Identity, MemberRole, NewUser, Scope};
use tracktwo_test_support::{Serin, TestStore, init_app, open_app, person_on_map, restore, serin_with_two_sides};

/// A meeting attended by two people of the map, one of each side, both consenting to be listed.
fn meeting(
    round: tracktwo_domain::RoundId,
    mode: ConfidentialityMode,
    sides: [tracktwo_domain::SideId; 2],
    people: [tracktwo_domain::ActorId; 2],
) -> Meeting {
    Meeting {
        round,
        title: "Workshop at Brenna".into(),
        starts_on: date!(2025 - 04 - 20),
        ends_on: Some(date!(2025 - 04 - 22)),
        venue: "Brenna, the old observatory".into(),
        mode,
        sessions: vec![
            Session { title: "Plenary".into(), scope: Scope::Plenary, mode },
            Session { title: "Caucus A".into(), scope: Scope::Caucus(sides[0]), mode },
            Session { title: "Caucus B".into(), scope: Scope::Caucus(sides[1]), mode },
        ],
        attendance: vec![
            Attendance {
                actor: Some(people[0]),
                name: "Amal Haddad".into(),
                organisation: "Vale Water Board".into(),
                side: Some(sides[0]),
                capacity: Capacity::PersonalCapacity,
                account: None,
            },
            Attendance {
                actor: Some(people[1]),
                name: "Rhea Stolz".into(),
                organisation: "Port Alsen Council".into(),
                side: Some(sides[1]),
                capacity: Capacity::NonOfficial,
                account: None,
            },
        ],
        agenda: Methodology::SustainedDialogue
            .template()
            .iter()
            .map(|t| AgendaItem { title: (*t).to_owned(), done: false })
            .collect(),
        stage_reached: Some(2),
        cleared: BTreeSet::new(),
    }
}

fn note(
    meeting: tracktwo_domain::MeetingId,
    session: usize,
    speaker: &str,
    body: &str,
    not_for_transfer: bool,
) -> MeetingNote {
    MeetingNote {
        meeting,
        session,
        speaker: speaker.into(),
        tags: BTreeSet::from([NoteTag::Need]),
        not_for_transfer,
        body: body.into(),
        author: None,
        taken_at: time::OffsetDateTime::UNIX_EPOCH,
    }
}

pub async fn meetings_notes_and_summaries_follow_the_modes_and_roles(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let Serin { id: i, upper_vale: a, lowland_coast: b } = serin_with_two_sides(&app).await;
    let attendees = [
        person_on_map(&app, i, "Amal Haddad", "UV-01", Some(a), true).await,
        person_on_map(&app, i, "Rhea Stolz", "LC-01", Some(b), true).await,
    ];
    let mut people = std::collections::HashMap::new();
    for (name, role, side) in [
        ("convener", MemberRole::Convener, None),
        ("facilitator", MemberRole::Facilitator, None),
        ("rapporteur", MemberRole::Rapporteur, None),
        ("vale", MemberRole::Participant, Some(a)),
        ("coast", MemberRole::Participant, Some(b)),
        ("official", MemberRole::Official, None),
        ("funder", MemberRole::Funder, None),
    ] {
        let user = app
            .create_user(&kh, NewUser { username: name.into(), display_name: String::new(), is_admin: false })
            .await
            .unwrap();
        app.add_member(&kh, i, user.id, role, side).await.unwrap();
        people.insert(name, Identity::user(user.id, false, Channel::Web));
    }
    let who = |name: &str| people[name];

    let design = ProcessDesign {
        kind: ProcessKind::TrackTwo,
        methodology: Methodology::SustainedDialogue,
        phase: Phase::PreNegotiation,
        theory_of_change: TheoryOfChange::default(),
        locales: vec!["Brenna".into()],
        grants: vec![tracktwo_domain::dialogue::Grant {
            funder: "Larkspur Foundation".into(),
            reference: "LF-7".into(),
            restrictions: "no travel for officials".into(),
        }],
    };
    app.set_process_design(&who("convener"), i, design).await.unwrap();
    assert!(matches!(
        app.set_process_design(
            &who("vale"),
            i,
            ProcessDesign { grants: Vec::new(), ..app.process_design(&kh, i).await.unwrap().unwrap() }
        )
        .await,
        Err(AppError::Forbidden(_))
    ));
    assert_eq!(app.process_design(&who("funder"), i).await.unwrap().unwrap().grants.len(), 1, "funders see the grants");
    assert!(app.process_design(&who("vale"), i).await.unwrap().unwrap().grants.is_empty(), "participants do not");

    let round_one = app
        .add_round(
            &who("facilitator"),
            i,
            Round { number: 1, title: "Round one".into(), starts_on: None, ends_on: None },
        )
        .await
        .unwrap();
    let round_two = app
        .add_round(
            &who("facilitator"),
            i,
            Round { number: 2, title: "Round two".into(), starts_on: None, ends_on: None },
        )
        .await
        .unwrap();
    let chatham = app
        .add_meeting(&who("facilitator"), i, meeting(round_one, ConfidentialityMode::ChathamHouse, [a, b], attendees))
        .await
        .unwrap();
    let rapporteur = who("rapporteur");
    // A name typed where the rule forbids attribution is held, not saved (see the story below).
    assert!(matches!(
        app.add_meeting_note(&rapporteur, i, note(chatham, 0, "A1", "Amal Haddad said the gauge must be joint", false))
            .await,
        Err(AppError::NamesInNote(_))
    ));
    app.add_meeting_note(&rapporteur, i, note(chatham, 0, "A1", "the gauge must be joint", false)).await.unwrap();
    app.add_meeting_note(&rapporteur, i, note(chatham, 0, "B2", "a hotline between the water boards", true))
        .await
        .unwrap();
    app.add_meeting_note(&rapporteur, i, note(chatham, 1, "A3", "we can live with a joint gauge", false))
        .await
        .unwrap();
    app.add_meeting_note(&rapporteur, i, note(chatham, 2, "B1", "our council wants a duty officer", false))
        .await
        .unwrap();
    assert!(matches!(
        app.add_meeting_note(&who("vale"), i, note(chatham, 1, "A1", "x", false)).await,
        Err(AppError::Forbidden(_))
    ));
    assert!(matches!(
        app.add_meeting_note(&rapporteur, i, note(chatham, 0, "Amal", "a name as code", false)).await,
        Err(AppError::Invalid(_))
    ));

    // The speaker key: the convener's alone.
    let key = SpeakerKey { entries: vec![("A1".into(), "Amal Haddad".into()), ("B2".into(), "Rhea Stolz".into())] };
    assert!(matches!(
        app.set_speaker_key(&who("facilitator"), i, chatham, key.clone()).await,
        Err(AppError::Forbidden(_))
    ));
    app.set_speaker_key(&who("convener"), i, chatham, key.clone()).await.unwrap();
    assert_eq!(app.speaker_key(&who("convener"), i, chatham).await.unwrap(), key);
    assert!(matches!(app.speaker_key(&rapporteur, i, chatham).await, Err(AppError::Forbidden(_))));

    // The team sees the meeting whole; a participant the summary for their side.
    let MeetingView::Full { notes, .. } = app.meeting(&rapporteur, i, chatham).await.unwrap() else {
        panic!("team view")
    };
    assert_eq!(notes.len(), 4);
    let MeetingView::Summary(vale) = app.meeting(&who("vale"), i, chatham).await.unwrap() else { panic!("summary") };
    let texts = vale.texts().join("\n");
    assert!(vale.attendees.is_none(), "Chatham House: no attendee list");
    for forbidden in ["Amal Haddad", "Rhea Stolz", "Vale Water Board", "Port Alsen Council", "our council wants"] {
        assert!(!texts.contains(forbidden), "{forbidden} in the Vale participant's summary");
    }
    assert!(texts.contains("we can live with a joint gauge") && texts.contains("the gauge must be joint"), "{texts}");
    let official = app.meeting_summary(&who("official"), i, chatham).await.unwrap();
    let official_texts = official.texts().join("\n");
    assert!(!official_texts.contains("hotline"), "a note not for transfer reached an official");
    assert!(!official_texts.contains("live with a joint gauge"), "a caucus reached an official");
    let funder = app.meeting_summary(&who("funder"), i, chatham).await.unwrap();
    assert!(funder.sessions.is_empty() && funder.attendees.is_none());

    // A non-attribution meeting lists its attendees, but never beside what was said.
    let listed = app
        .add_meeting(&who("facilitator"), i, meeting(round_one, ConfidentialityMode::NonAttribution, [a, b], attendees))
        .await
        .unwrap();
    assert!(matches!(
        app.add_meeting_note(&rapporteur, i, note(listed, 0, "A1", "Amal Haddad proposed it", false)).await,
        Err(AppError::NamesInNote(_))
    ));
    app.add_meeting_note(&rapporteur, i, note(listed, 0, "A1", "proposed it", false)).await.unwrap();
    let summary = app.meeting_summary(&who("official"), i, listed).await.unwrap();
    assert_eq!(summary.attendees.as_ref().map(Vec::len), Some(2));
    // A participant who did not attend sees their own side's attendees only.
    let summary = app.meeting_summary(&who("coast"), i, listed).await.unwrap();
    let names: Vec<&str> = summary.attendees.iter().flatten().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Rhea Stolz"]);
    assert!(summary.sessions[0].notes.iter().all(|n| !n.body.contains("Amal") && n.speaker.is_none()));

    // A secret-channel meeting does not exist for the uncleared, the team included.
    let mut back = meeting(round_two, ConfidentialityMode::SecretChannel, [a, b], attendees);
    back.title = "Kessel back channel".into();
    let secret = app.add_meeting(&who("convener"), i, back.clone()).await.unwrap();
    assert!(matches!(app.meeting(&who("facilitator"), i, secret).await, Err(AppError::NotFound)));
    assert!(matches!(app.meeting_summary(&who("vale"), i, secret).await, Err(AppError::NotFound)));
    let overview = app.process_overview(&who("facilitator"), i).await.unwrap();
    assert!(overview.rounds.iter().flat_map(|(_, _, m)| m).all(|(id, _)| *id != secret));
    let facilitator_id = who("facilitator").user_id().unwrap();
    back.cleared.insert(facilitator_id);
    app.update_meeting(&who("convener"), i, secret, back).await.unwrap();
    let MeetingView::Full { meeting: seen, .. } = app.meeting(&who("facilitator"), i, secret).await.unwrap() else {
        panic!("cleared, the facilitator sees it")
    };
    assert_eq!(seen.venue, "", "a secret channel's venue is the convener's");
    app.update_meeting(&who("facilitator"), i, secret, Meeting { stage_reached: Some(3), ..seen }).await.unwrap();
    let MeetingView::Full { meeting: kept, .. } = app.meeting(&who("convener"), i, secret).await.unwrap() else {
        panic!()
    };
    assert_eq!(kept.venue, "Brenna, the old observatory", "an edit by the cleared kept the venue");
    assert!(matches!(app.meeting(&rapporteur, i, secret).await, Err(AppError::NotFound)));
    let convener_view = app.meeting_summary(&who("convener"), i, secret).await.unwrap();
    assert!(convener_view.venue.is_none(), "a secret channel's venue stays off its summaries");

    // Options along their path across rounds; follow-ups due before the next round.
    let option = DialogueOption {
        title: "A joint gauge at Kessel Falls".into(),
        description: String::new(),
        issues: vec!["Water data".into()],
        raised_in: vec![chatham],
        supported_by: BTreeSet::from([a]),
        status: OptionStatus::Raised,
        history: Vec::new(),
    };
    let option = app.add_option(&who("facilitator"), i, option, date!(2025 - 04 - 21)).await.unwrap();
    app.advance_option(
        &who("facilitator"),
        i,
        option,
        OptionStatus::JointlyEndorsed,
        date!(2025 - 09 - 16),
        Some(round_two),
        Some(listed),
        vec![b],
    )
    .await
    .unwrap();
    let options = app.options(&who("vale"), i).await.unwrap();
    let (_, o) = options.iter().find(|(id, _)| *id == option).unwrap();
    assert_eq!(o.status, OptionStatus::JointlyEndorsed);
    assert_eq!(
        o.history.iter().map(|h| (h.status, h.round)).collect::<Vec<_>>(),
        vec![(OptionStatus::Raised, Some(round_one)), (OptionStatus::JointlyEndorsed, Some(round_two))]
    );
    assert_eq!(o.supported_by.len(), 2);
    assert!(matches!(app.options(&who("funder"), i).await, Err(AppError::Forbidden(_))));
    let follow_up = FollowUp {
        round: round_one,
        commitment: "Share gauge data".into(),
        owner: "F".into(),
        due_on: Some(date!(2025 - 09 - 01)),
        carried_forward: false,
        done: false,
    };
    let f = app.add_follow_up(&who("facilitator"), i, follow_up).await.unwrap();
    assert_eq!(app.follow_ups(&who("vale"), i).await.unwrap()[0].1.owner, "", "owners are for the team");
    app.set_follow_up_done(&who("facilitator"), i, f, true).await.unwrap();
    assert!(app.follow_ups(&rapporteur, i).await.unwrap()[0].1.done);

    // Drafts are their author's alone.
    let draft = tracktwo_app::dialogue::NoteDraft { session: 0, speaker: "A1".into(), body: "half a thought".into() };
    app.save_note_draft(&rapporteur, i, chatham, draft).await.unwrap();
    assert_eq!(app.note_draft(&rapporteur, i, chatham).await.unwrap().body, "half a thought");
    assert_eq!(app.note_draft(&who("facilitator"), i, chatham).await.unwrap().body, "");
    app.add_meeting_note(&rapporteur, i, note(chatham, 0, "A1", "half a thought, finished", false)).await.unwrap();
    assert_eq!(app.note_draft(&rapporteur, i, chatham).await.unwrap().body, "", "a saved note clears the draft");

    // A backup carries the whole process; a restore brings it back.
    let (mut backup, mut keyring) = (Vec::new(), Vec::new());
    app.backup(&kh, &mut backup).await.unwrap();
    app.export_keyring(&kh, &mut keyring).await.unwrap();
    let target = t.sibling().await;
    restore(&target.store, &backup, Some(&keyring), false).await.unwrap();
    let restored = open_app(Arc::clone(&target.store)).await;
    assert_eq!(restored.speaker_key(&kh, i, chatham).await.unwrap(), key);
    assert_eq!(restored.meeting_summary(&kh, i, chatham).await.unwrap().sessions.len(), 3);
    target.cleanup().await;
    assert!(app.verify_audit(&kh).await.unwrap().is_intact());
}

/// What a rapporteur types as it comes: "AMAL's", "Haddad", the name in Arabic or Cyrillic
/// letters, a nickname the registry holds.
fn words_at<'a>(text: &'a str, places: &[tracktwo_domain::scrub::Found]) -> Vec<&'a str> {
    places.iter().map(|p| &text[p.start..p.end]).collect()
}

pub async fn notes_naming_someone_attending_are_held_and_names_withheld_by_every_part_and_alias(t: &TestStore) {
    use tracktwo_domain::map::{ActorDetails, ActorKind, Level, RegistryEntry, Track};
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let Serin { id: i, upper_vale: a, lowland_coast: b } = serin_with_two_sides(&app).await;
    let mut people = std::collections::HashMap::new();
    for (name, role, side) in [
        ("convener", MemberRole::Convener, None),
        ("rapporteur", MemberRole::Rapporteur, None),
        ("vale", MemberRole::Participant, Some(a)),
    ] {
        let user = app
            .create_user(&kh, NewUser { username: name.into(), display_name: String::new(), is_admin: false })
            .await
            .unwrap();
        app.add_member(&kh, i, user.id, role, side).await.unwrap();
        people.insert(name, Identity::user(user.id, false, Channel::Web));
    }
    let who = |name: &str| people[name];
    let rapporteur = who("rapporteur");

    // Amal Haddad is on the map, and the registry holds her name in Arabic letters.
    let amal = app
        .add_actor(
            &kh,
            i,
            ActorDetails {
                kind: ActorKind::Person,
                name: Some("Amal Haddad".into()),
                code_name: "UV-01".into(),
                primary_track: Track::Research,
                tracks: BTreeSet::new(),
                level: Level::MiddleRange,
                side: Some(a),
                role: String::new(),
                decision_maker: false,
                notes: String::new(),
                public_description: String::new(),
                unplaced: std::collections::BTreeSet::new(),
            },
        )
        .await
        .unwrap();
    let entry = RegistryEntry { aliases: vec!["أمل حداد".into()], ..RegistryEntry::default() };
    app.set_registry_entry(&who("convener"), i, amal.id, entry.clone()).await.unwrap();

    let round = app
        .add_round(&kh, i, Round { number: 1, title: "Round one".into(), starts_on: None, ends_on: None })
        .await
        .unwrap();
    let rhea = person_on_map(&app, i, "Rhea Stolz", "LC-01", Some(b), true).await;
    let people = [amal.id, rhea];
    let workshop = meeting(round, ConfidentialityMode::ChathamHouse, [a, b], people);
    let chatham = app.add_meeting(&kh, i, workshop.clone()).await.unwrap();

    // Where the rule forbids attribution, a note naming someone attending is held: by any part
    // of the name, in any case, with accents, possessive, in the registry's other spellings, or
    // by organisation. Nothing is saved, the places come back, and each hold is audited.
    for (typed, named) in [
        ("AMAL's view: a joint gauge", vec!["AMAL"]),
        ("the gauge, as Háddad put it", vec!["Háddad"]),
        ("قال أمل إن المقياس يجب أن يكون مشتركا", vec!["أمل"]),
        ("Rhea asked the vale water board’s view", vec!["Rhea", "vale water board"]),
    ] {
        let held = app.add_meeting_note(&rapporteur, i, note(chatham, 0, "A1", typed, false)).await;
        let places = match held {
            Err(AppError::NamesInNote(places)) => places,
            other => panic!("{typed:?} was not held: {other:?}"),
        };
        assert_eq!(words_at(typed, &places), named);
        let error = AppError::NamesInNote(places);
        for word in &named {
            assert!(!format!("{error} {error:?}").contains(word), "the error repeats a word of the note");
        }
    }
    let MeetingView::Full { notes, .. } = app.meeting(&rapporteur, i, chatham).await.unwrap() else { panic!() };
    assert!(notes.is_empty(), "a held note is not saved");
    let holds = app.initiative_audit(&who("convener"), i).await.unwrap();
    let chatham_id = chatham.to_string();
    assert_eq!(holds.iter().filter(|e| e.action == "meeting-note.held" && e.target_id == chatham_id).count(), 4);

    // A word that only starts like a name is no name; on the record, a name may stand.
    app.add_meeting_note(&rapporteur, i, note(chatham, 0, "A1", "an amalgam of both proposals", false)).await.unwrap();
    let on_record =
        app.add_meeting(&kh, i, meeting(round, ConfidentialityMode::OnTheRecord, [a, b], people)).await.unwrap();
    app.add_meeting_note(&rapporteur, i, note(on_record, 0, "A1", "Amal Haddad opened the panel", false))
        .await
        .unwrap();

    // A name the record holds anyway, because no one knew it yet when the note was saved (here
    // a nickname the registry learns later), is withheld from every summary once it is known,
    // by each of its parts.
    app.add_meeting_note(&rapporteur, i, note(chatham, 0, "B1", "Umm Karim proposed a hotline; karim's terms", false))
        .await
        .unwrap();
    let entry = RegistryEntry { aliases: vec!["أمل حداد".into(), "Umm Karim".into()], ..entry };
    app.set_registry_entry(&who("convener"), i, amal.id, entry).await.unwrap();
    let summary = app.meeting_summary(&who("vale"), i, chatham).await.unwrap();
    let texts = summary.texts().join("\n");
    assert!(texts.contains("[withheld] proposed a hotline; [withheld]'s terms"), "{texts}");
    assert!(texts.contains("an amalgam of both proposals"), "{texts}");
    for leak in ["Umm", "Karim", "karim"] {
        assert!(!texts.contains(leak), "{leak} reached a participant");
    }
    // And from then on, it is held too.
    assert!(matches!(
        app.add_meeting_note(&rapporteur, i, note(chatham, 0, "B1", "KARIM agreed", false)).await,
        Err(AppError::NamesInNote(_))
    ));
    assert!(app.verify_audit(&kh).await.unwrap().is_intact());
}
