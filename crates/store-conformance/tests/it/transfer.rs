//! Transfer to Track One through the use cases: a readout cleared and released for officials,
//! immutable after release, with traceable copies and their ledger; the transfer and
//! coordination logs; the timeline.

use std::collections::BTreeSet;
use std::sync::Arc;

use time::macros::date;
use tracktwo_app::AppError;
use tracktwo_app::transfer::Traced;
use tracktwo_domain::dialogue::{
    Attendance, ConfidentialityMode, Meeting, MeetingNote, Methodology, NoteTag, Phase, ProcessDesign, ProcessKind,
    Round, Session, TheoryOfChange,
};
use tracktwo_domain::map::Capacity;
use tracktwo_domain::transfer::{
    Audience, Clearance, CoordinationEvent, CoordinationForm, Evidence, OfficialEvent, OfficialKind, Readout,
    TransferChannel, TransferDirection, TransferEvent, TransferKind, TransferTiming,
};
use tracktwo_domain::{Channel, Identity, MemberRole, NewUser, Scope};
use tracktwo_test_support::{Serin, TestStore, init_app, serin_with_two_sides};

const NOTES: [(usize, &str, bool); 5] = [
    (
        0,
        "The two water boards agree that flow data should be published weekly from a joint gauge at Kessel Falls. \
         Both sides see the first report appearing before the official talks open. The commission would hold \
         its first meeting in Brenna in June.",
        false,
    ),
    (0, "Amal Haddad asked for the commission's terms to be shared with the ministries first.", false),
    (0, "A hotline between the boards was discussed but the Coast's council has not yet agreed.", true),
    (1, "In caucus, the Vale would accept shares of the summer flow rather than quotas.", false),
    (
        0,
        "A flood warning protocol of ten steps was proposed, organised by the two boards, for the programme's second year.",
        false,
    ),
];

pub async fn readouts_are_cleared_released_traced_and_logged(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let Serin { id: i, upper_vale: vale, lowland_coast: coast } = serin_with_two_sides(&app).await;
    let mut people = std::collections::HashMap::new();
    for (name, role, side) in [
        ("convener", MemberRole::Convener, None),
        ("rapporteur", MemberRole::Rapporteur, None),
        ("vale", MemberRole::Participant, Some(vale)),
        ("coast", MemberRole::Participant, Some(coast)),
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
        methodology: Methodology::ProblemSolvingWorkshop,
        phase: Phase::PreNegotiation,
        theory_of_change: TheoryOfChange::default(),
        locales: Vec::new(),
        grants: Vec::new(),
    };
    app.set_process_design(&kh, i, design).await.unwrap();
    let round =
        app.add_round(&kh, i, Round { number: 1, title: "One".into(), starts_on: None, ends_on: None }).await.unwrap();
    let mode = ConfidentialityMode::ChathamHouse;
    let meeting = Meeting {
        round,
        title: "Workshop one".into(),
        starts_on: date!(2025 - 04 - 20),
        ends_on: None,
        venue: "Brenna".into(),
        mode,
        sessions: vec![
            Session { title: "Plenary".into(), scope: Scope::Plenary, mode },
            Session { title: "Caucus".into(), scope: Scope::Caucus(vale), mode },
        ],
        // Attendance is recorded after the notes, below.
        attendance: Vec::new(),
        agenda: Vec::new(),
        stage_reached: None,
        cleared: BTreeSet::new(),
    };
    let m = app.add_meeting(&kh, i, meeting.clone()).await.unwrap();
    let mut note_ids = Vec::new();
    for (session, body, not_for_transfer) in NOTES {
        let note = MeetingNote {
            meeting: m,
            session,
            speaker: "A1".into(),
            tags: BTreeSet::from([NoteTag::Option]),
            not_for_transfer,
            body: body.into(),
            author: None,
            taken_at: time::OffsetDateTime::UNIX_EPOCH,
        };
        note_ids.push(app.add_meeting_note(&kh, i, note).await.unwrap());
    }
    // Amal Haddad's name went into a note before she was on the attendance list (a note naming
    // someone attending is held): the record holds it, and no readout may.
    let amal = tracktwo_test_support::person_on_map(&app, i, "Amal Haddad", "UV-01", Some(vale), true).await;
    let attendance = vec![Attendance {
        actor: Some(amal),
        name: "Amal Haddad".into(),
        organisation: "Vale Water Board".into(),
        side: Some(vale),
        capacity: Capacity::NonOfficial,
        account: None,
    }];
    app.update_meeting(&kh, i, m, Meeting { attendance, ..meeting }).await.unwrap();

    // Every note is chosen; only what the rules allow officials reaches the text.
    let readout = Readout {
        cover: "This readout is shared with the two ministries under the Chatham House Rule.".into(),
        meetings: vec![m],
        notes: note_ids.clone(),
        joint_sides: BTreeSet::from([vale, coast]),
        // The convener lets the copies differ in wording too: traceable from a paragraph.
        wording_variants: true,
        ..Readout::draft("Readout on the first workshop", Audience::TrackOneOfficial)
    };
    assert!(matches!(app.create_readout(&who("vale"), i, readout.clone()).await, Err(AppError::Forbidden(_))));
    let r = app.create_readout(&who("rapporteur"), i, readout.clone()).await.unwrap();
    let preview = app.readout(&who("rapporteur"), i, r).await.unwrap();
    let text: String = preview.text.iter().flat_map(|s| s.paragraphs.iter().cloned()).collect::<Vec<_>>().join("\n");
    assert!(text.contains("joint gauge at Kessel Falls"), "{text}");
    for forbidden in ["Amal Haddad", "hotline", "shares of the summer flow", "Vale Water Board"] {
        assert!(!text.contains(forbidden), "{forbidden} in an officials' readout");
    }
    assert!(text.contains("[withheld] asked"), "a name typed in a note is scrubbed: {text}");

    // Clearance: the convener and a reviewer of each side; release only once reviewed.
    assert!(matches!(app.release_readout(&who("convener"), i, r).await, Err(AppError::Invalid(_))));
    assert_eq!(app.review_readout(&who("convener"), i, r).await.unwrap(), Clearance::Draft);
    assert!(matches!(app.review_readout(&who("funder"), i, r).await, Err(AppError::NotFound)));
    assert_eq!(app.review_readout(&who("vale"), i, r).await.unwrap(), Clearance::Draft);
    assert_eq!(app.review_readout(&who("coast"), i, r).await.unwrap(), Clearance::Reviewed);
    assert!(matches!(app.release_readout(&who("rapporteur"), i, r).await, Err(AppError::Forbidden(_))));
    app.release_readout(&who("convener"), i, r).await.unwrap();
    // Released: immutable.
    assert!(matches!(app.update_readout(&who("convener"), i, r, readout.clone()).await, Err(AppError::Invalid(_))));
    assert!(matches!(app.review_readout(&who("convener"), i, r).await, Err(AppError::Invalid(_))));
    let released = app.readout(&who("convener"), i, r).await.unwrap();
    assert_eq!(released.readout.clearance, Clearance::Released);
    assert_eq!(released.text, preview.text, "what was reviewed is what was released");

    // Twenty copies with their ledger; each copy's text differs, and a passage names its copy.
    let mut copies = Vec::new();
    for n in 1..=20 {
        let recipient = format!("Official {n}, water ministry");
        copies
            .push(app.issue_copy(&who("convener"), i, r, &recipient, "by hand", date!(2026 - 05 - 01)).await.unwrap());
    }
    let ledger = app.copies(&who("convener"), i, r).await.unwrap();
    assert_eq!(ledger.iter().map(|(_, c)| c.number).collect::<Vec<_>>(), (1..=20).collect::<Vec<_>>());
    let third = app.copy_to_render(&who("convener"), i, copies[2]).await.unwrap();
    assert!(third.mark.contains("3") && third.mark.contains("Official 3"), "{}", third.mark);
    let seventh = app.copy_to_render(&who("convener"), i, copies[6]).await.unwrap();
    assert_ne!(third.text, seventh.text, "two copies read the same: no fingerprint");
    // A page of the third copy, pasted whole. (How short a passage may be is the engine's
    // criterion, measured in `tracktwo-trace`'s own tests.)
    let leaked: String = third.text.iter().flat_map(|s| s.paragraphs.iter().cloned()).collect::<Vec<_>>().join(" ");
    match app.trace_leak(&who("convener"), i, r, &leaked).await.unwrap() {
        Traced::Copy { number, recipient, .. } => {
            assert_eq!((number, recipient.as_str()), (3, "Official 3, water ministry"))
        }
        other => panic!("the leak was not traced: {other:?}"),
    }
    let unrelated = "The weather in the mountains was fine all week, and the trains ran on time to the coast.";
    assert!(matches!(app.trace_leak(&who("convener"), i, r, unrelated).await.unwrap(), Traced::NotFromReadout { .. }));
    assert!(matches!(app.trace_leak(&who("rapporteur"), i, r, &leaked).await, Err(AppError::Forbidden(_))));

    // The logs, and the timeline across initiatives.
    let transfer = TransferEvent {
        on: date!(2026 - 05 - 02),
        what: TransferKind::IdeaOrOption,
        direction: TransferDirection::Upward,
        channel: TransferChannel::WrittenReadout,
        timing: TransferTiming::PreNegotiation,
        evidence: Evidence::Corroborated,
        description: "The ministry acknowledged the readout.".into(),
        options: Vec::new(),
        readout: Some(r),
        text: None,
    };
    app.log_transfer(&who("rapporteur"), i, transfer).await.unwrap();
    let contact = CoordinationEvent {
        on: date!(2026 - 05 - 03),
        form: CoordinationForm::JointStrategyPlanning,
        counterpart: "Vale water ministry".into(),
        note: String::new(),
    };
    app.log_coordination(&who("convener"), i, contact).await.unwrap();
    app.log_official_event(
        &who("convener"),
        i,
        OfficialEvent {
            on: date!(2026 - 06 - 01),
            kind: OfficialKind::NegotiationRound,
            title: "First official round".into(),
        },
    )
    .await
    .unwrap();
    let (transfers, coordination) = app.transfer_log(&who("funder"), i).await.unwrap();
    assert_eq!((transfers.len(), coordination.len()), (1, 1), "funders see whether it reached the table");
    assert!(matches!(app.transfer_log(&who("vale"), i).await, Err(AppError::Forbidden(_))));
    let timeline = app.timeline(&who("convener"), date!(2025 - 01 - 01), date!(2026 - 12 - 31)).await.unwrap();
    assert_eq!(timeline.official.len(), 1);
    assert_eq!(timeline.transfers.len(), 1);
    assert_eq!(timeline.coordination[0].2, 3);
    assert_eq!(timeline.initiatives[0].1.len(), 1, "the meeting is on its initiative's lane");
    let participant_view = app.timeline(&who("vale"), date!(2025 - 01 - 01), date!(2026 - 12 - 31)).await.unwrap();
    assert!(participant_view.transfers.is_empty() && participant_view.coordination.is_empty());
    assert!(app.verify_audit(&kh).await.unwrap().is_intact());
}
