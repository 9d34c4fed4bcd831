//! Consent enforced: a refusal entered in the registry takes the person out of everything that
//! leaves the team on the next render (meeting pages and summaries for every reader, readout
//! copies), while the team still sees them; attendance is linked to the map and its registry;
//! a refused code keeps a person out of the speaker key; a withdrawal is audited.

use std::collections::BTreeSet;

use time::macros::date;
use tracktwo_app::AppError;
use tracktwo_app::dialogue::{MeetingView, NewAttendee};
use tracktwo_domain::dialogue::{
    ConfidentialityMode, DialogueOption, FollowUp, Meeting, MeetingNote, NoteTag, OptionStatus, Round, Session,
    SpeakerKey,
};
use tracktwo_domain::map::{ActorDetails, ActorKind, Capacity, Consent, ConsentAnswer, Level, RegistryEntry, Track};
use tracktwo_domain::redaction::{MeetingSummary, Reader, Withheld};
use tracktwo_domain::transfer::{Audience, Readout};
use tracktwo_domain::{ActorId, Identity, InitiativeId, MeetingId, MemberRole, NewSide, Scope, SideId};

use crate::World;

/// Words that occur nowhere else in what the tests read: any of them in an output is a leak.
const NAME: &str = "Zorvath Quillame";
const ALIAS: &str = "Зорват";
const OTHER: &str = "Brisveld Okkaran";

fn person_details(name: &str, code: &str, side: SideId) -> ActorDetails {
    ActorDetails {
        kind: ActorKind::Person,
        name: Some(name.into()),
        code_name: code.into(),
        primary_track: Track::Research,
        tracks: BTreeSet::new(),
        level: Level::MiddleRange,
        side: Some(side),
        role: String::new(),
        decision_maker: false,
        notes: String::new(),
        public_description: String::new(),
        unplaced: std::collections::BTreeSet::new(),
    }
}

fn listed(answer: ConsentAnswer) -> Consent {
    Consent {
        to_be_contacted: ConsentAnswer::Given,
        to_be_listed: answer,
        to_be_recorded_under_code: ConsentAnswer::Given,
        obtained_on: Some(date!(2025 - 03 - 01)),
        ..Consent::default()
    }
}

fn seat(actor: ActorId, capacity: Capacity, account: Option<&str>, consent: Option<Consent>) -> NewAttendee {
    NewAttendee {
        actor,
        name: String::new(),
        organisation: String::new(),
        side: None,
        capacity,
        account: account.map(str::to_owned),
        consent,
    }
}

/// Every word of the person's name and alias found in `text`.
fn leaks(text: &str) -> Vec<String> {
    let words: Vec<&str> = NAME.split(' ').chain(ALIAS.split(' ')).collect();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| words.iter().any(|name| name.eq_ignore_ascii_case(w) || name.to_lowercase() == w.to_lowercase()))
        .map(str::to_owned)
        .collect()
}

fn summary_text(summary: &MeetingSummary) -> String {
    summary.texts().join("\n")
}

fn view_text(view: &MeetingView) -> String {
    match view {
        MeetingView::Summary(summary) => summary_text(summary),
        MeetingView::Full { meeting, notes, .. } => {
            let mut out: Vec<&str> = meeting.attendance.iter().map(|a| a.name.as_str()).collect();
            out.extend(notes.iter().map(|(_, n)| n.body.as_str()));
            out.join("\n")
        }
    }
}

struct Scene {
    w: World,
    initiative: InitiativeId,
    meeting: MeetingId,
    person: ActorId,
    convener: Identity,
    team: Vec<(&'static str, Identity)>,
    outside: Vec<(&'static str, Identity)>,
}

/// An initiative with a meeting on the record, attended by the person (side A, consenting to be
/// listed, with an alias) and another person of side B, and a participant of side A who
/// attended with an account; notes on the record name the person.
async fn scene() -> Scene {
    let w = World::new().await;
    let kh = Identity::key_holder();
    let initiative = w.initiative("Serin", false).await;
    let a = w.app.add_side(&kh, initiative, NewSide { name: "Upper Vale".into() }).await.unwrap().id;
    let b = w.app.add_side(&kh, initiative, NewSide { name: "Lowland Coast".into() }).await.unwrap().id;
    let convener = w.member("convener", initiative, MemberRole::Convener, None).await;
    let mut team = vec![("convener", convener)];
    for (name, role) in [
        ("facilitator", MemberRole::Facilitator),
        ("rapporteur", MemberRole::Rapporteur),
        ("operations", MemberRole::Operations),
    ] {
        team.push((name, w.member(name, initiative, role, None).await));
    }
    let mut outside = vec![
        ("attended", w.member("attended", initiative, MemberRole::Participant, Some(a)).await),
        ("same-side", w.member("same-side", initiative, MemberRole::Participant, Some(a)).await),
        ("other-side", w.member("other-side", initiative, MemberRole::Participant, Some(b)).await),
    ];
    for (name, role) in [
        ("official", MemberRole::Official),
        ("funder", MemberRole::Funder),
        ("evaluator", MemberRole::Evaluator),
        ("observer", MemberRole::Observer),
    ] {
        outside.push((name, w.member(name, initiative, role, None).await));
    }
    let person = w.app.add_actor(&kh, initiative, person_details(NAME, "UV-01", a)).await.unwrap().id;
    let entry = RegistryEntry {
        consent: listed(ConsentAnswer::Given),
        aliases: vec![ALIAS.into()],
        ..RegistryEntry::default()
    };
    w.app.set_registry_entry(&convener, initiative, person, entry).await.unwrap();
    let other = w.app.add_actor(&kh, initiative, person_details(OTHER, "LC-01", b)).await.unwrap().id;
    let colleague = w.app.add_actor(&kh, initiative, person_details("Tavin Roque", "UV-02", a)).await.unwrap().id;

    let round = w
        .app
        .add_round(&convener, initiative, Round { number: 1, title: "One".into(), starts_on: None, ends_on: None })
        .await
        .unwrap();
    let mode = ConfidentialityMode::OnTheRecord;
    let meeting = Meeting {
        round,
        title: "Workshop".into(),
        starts_on: date!(2025 - 04 - 20),
        ends_on: None,
        venue: "Brenna".into(),
        mode,
        sessions: vec![Session { title: "Plenary".into(), scope: Scope::Plenary, mode }],
        attendance: Vec::new(),
        agenda: Vec::new(),
        stage_reached: None,
        cleared: BTreeSet::new(),
    };
    let meeting = w.app.add_meeting(&convener, initiative, meeting).await.unwrap();
    let facilitator = team[1].1;
    w.app
        .add_attendee(&facilitator, initiative, meeting, seat(person, Capacity::NonOfficial, None, None))
        .await
        .unwrap();

    // Someone with no registry entry attends only once their consent is recorded: the team is
    // asked for it, and whoever may not write the registry cannot record it in passing.
    let refused =
        w.app.add_attendee(&facilitator, initiative, meeting, seat(other, Capacity::NonOfficial, None, None)).await;
    assert!(matches!(refused, Err(AppError::ConsentNotRecorded)), "{refused:?}");
    let with_consent = seat(other, Capacity::NonOfficial, None, Some(listed(ConsentAnswer::Given)));
    let refused = w.app.add_attendee(&facilitator, initiative, meeting, with_consent.clone()).await;
    assert!(matches!(refused, Err(AppError::Forbidden(_))), "{refused:?}");
    w.app.add_attendee(&convener, initiative, meeting, with_consent).await.unwrap();
    let recorded = w.app.registry_entry(&convener, initiative, other).await.unwrap();
    assert_eq!(recorded.map(|e| e.consent.to_be_listed), Some(ConsentAnswer::Given), "recorded in the same step");
    // A participant of side A who attended, with their account.
    let consent = Some(listed(ConsentAnswer::Given));
    w.app
        .add_attendee(&convener, initiative, meeting, seat(colleague, Capacity::NonOfficial, Some("attended"), consent))
        .await
        .unwrap();

    for body in [format!("{NAME} opened the panel."), format!("{} asked for a joint gauge.", ALIAS)] {
        let note = MeetingNote {
            meeting,
            session: 0,
            speaker: "A1".into(),
            tags: BTreeSet::from([NoteTag::Need]),
            not_for_transfer: false,
            body,
            author: None,
            taken_at: time::OffsetDateTime::UNIX_EPOCH,
        };
        w.app.add_meeting_note(&team[2].1, initiative, note).await.unwrap();
    }
    // The options register and the follow-ups name them too, as the team wrote them.
    let option = DialogueOption {
        title: format!("{NAME}'s joint gauge"),
        description: format!("As {ALIAS} put it."),
        issues: vec![format!("{NAME} on data")],
        raised_in: vec![meeting],
        supported_by: BTreeSet::new(),
        status: OptionStatus::Raised,
        history: Vec::new(),
    };
    w.app.add_option(&convener, initiative, option, date!(2025 - 04 - 21)).await.unwrap();
    let follow_up = FollowUp {
        round,
        commitment: format!("{NAME} shares the flow data"),
        owner: "F".into(),
        due_on: None,
        carried_forward: false,
        done: false,
    };
    w.app.add_follow_up(&convener, initiative, follow_up).await.unwrap();
    Scene { w, initiative, meeting, person, convener, team, outside }
}

/// A readout to officials of the meeting with every note, released, with one copy issued.
async fn released_copy(s: &Scene) -> tracktwo_domain::CopyId {
    let notes = match s.w.app.meeting(&s.convener, s.initiative, s.meeting).await.unwrap() {
        MeetingView::Full { notes, .. } => notes.into_iter().map(|(id, _)| id).collect(),
        MeetingView::Summary(_) => unreachable!("the convener sees the whole meeting"),
    };
    let readout = Readout {
        cover: "For the ministries.".into(),
        meetings: vec![s.meeting],
        notes,
        ..Readout::draft("Readout", Audience::TrackOneOfficial)
    };
    let app = &s.w.app;
    let id = app.create_readout(&s.convener, s.initiative, readout).await.unwrap();
    app.review_readout(&s.convener, s.initiative, id).await.unwrap();
    app.release_readout(&s.convener, s.initiative, id).await.unwrap();
    app.issue_copy(&s.convener, s.initiative, id, "Deputy minister", "by hand", date!(2025 - 05 - 01)).await.unwrap()
}

async fn copy_text(s: &Scene, copy: tracktwo_domain::CopyId) -> String {
    let copy = s.w.app.copy_to_render(&s.convener, s.initiative, copy).await.unwrap();
    let mut out = vec![copy.title];
    for section in copy.text {
        out.push(section.heading);
        out.extend(section.paragraphs);
    }
    out.join("\n")
}

/// Every outward output, as each member outside the team gets it, and as the team prepares it
/// for each kind of reader: (who, text).
async fn outward(s: &Scene) -> Vec<(String, String)> {
    let app = &s.w.app;
    let mut out = Vec::new();
    for (name, who) in &s.outside {
        let page = app.meeting(who, s.initiative, s.meeting).await.unwrap();
        assert!(matches!(page, MeetingView::Summary(_)), "{name} reads a summary");
        out.push((format!("{name}'s page"), view_text(&page)));
        let summary = app.meeting_summary(who, s.initiative, s.meeting).await.unwrap();
        out.push((format!("{name}'s summary"), summary_text(&summary)));
        // The registers, for those who may read the plenary record.
        if let Ok(options) = app.options(who, s.initiative).await {
            let text = options.iter().flat_map(|(_, o)| [o.title.clone(), o.description.clone(), o.issues.join("\n")]);
            out.push((format!("{name}'s options register"), text.collect::<Vec<_>>().join("\n")));
        }
        if let Ok(follow_ups) = app.follow_ups(who, s.initiative).await {
            let text = follow_ups.iter().map(|(_, f)| f.commitment.clone());
            out.push((format!("{name}'s follow-ups"), text.collect::<Vec<_>>().join("\n")));
        }
    }
    let side = app.sides(&s.convener, s.initiative).await.unwrap()[0].id;
    for reader in Reader::all(&[side]).into_iter().filter(|r| !matches!(r, Reader::Team | Reader::Operations)) {
        let summary = app.meeting_summary_for(&s.convener, s.initiative, s.meeting, reader).await.unwrap();
        out.push((format!("the summary prepared for {reader:?}"), summary_text(&summary)));
    }
    out
}

#[tokio::test]
async fn a_consent_refusal_in_the_registry_disappears_the_person_from_every_outward_output() {
    let s = scene().await;
    let app = &s.w.app;
    let copy = released_copy(&s).await;

    // Before: they consented, and the meeting is on the record, so their name may leave.
    let official = s.outside.iter().find(|(n, _)| *n == "official").unwrap().1;
    let summary = app.meeting_summary(&official, s.initiative, s.meeting).await.unwrap();
    assert!(summary.attendees.iter().flatten().any(|a| a.name == NAME), "listed before the refusal");
    assert!(!leaks(&copy_text(&s, copy).await).is_empty(), "named in the readout before the refusal");
    let before = outward(&s).await;
    for register in ["options register", "follow-ups"] {
        let read: Vec<&String> = before.iter().filter(|(what, _)| what.contains(register)).map(|(_, t)| t).collect();
        assert!(!read.is_empty() && read.iter().all(|text| !leaks(text).is_empty()), "{register} before the refusal");
    }

    // The refusal, entered in the registry by operations.
    let operations = s.team.iter().find(|(n, _)| *n == "operations").unwrap().1;
    let mut entry = app.registry_entry(&s.convener, s.initiative, s.person).await.unwrap().unwrap();
    entry.consent.to_be_listed = ConsentAnswer::Refused;
    app.set_registry_entry(&operations, s.initiative, s.person, entry).await.unwrap();
    let audit = app.initiative_audit(&s.convener, s.initiative).await.unwrap();
    let person = s.person.to_string();
    assert_eq!(
        audit.iter().filter(|e| e.action == "registry.consent-withdrawn" && e.target_id == person).count(),
        1,
        "the withdrawal is audited as its own event"
    );

    // On the next render, no outward output holds any word of their name or alias.
    let outputs = outward(&s).await;
    assert!(outputs.len() >= 14);
    for (what, text) in &outputs {
        assert!(leaks(text).is_empty(), "{what} still names them: {:?}", leaks(text));
    }
    assert!(leaks(&copy_text(&s, copy).await).is_empty(), "a readout copy rendered after the refusal");
    // The others are still there where the rule lets them be.
    let summary = app.meeting_summary(&official, s.initiative, s.meeting).await.unwrap();
    let names: Vec<&str> = summary.attendees.iter().flatten().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&OTHER) && !names.contains(&NAME), "{names:?}");
    assert!(
        summary.withheld.iter().any(|w| matches!(w, Withheld::AttendeesNotListed { .. })),
        "the reader is told someone is left out"
    );

    // The team still sees them, in the record and in the summaries it prepares for itself.
    for (name, who) in &s.team {
        let page = app.meeting(who, s.initiative, s.meeting).await.unwrap();
        assert!(!leaks(&view_text(&page)).is_empty(), "{name} no longer sees them");
    }
    let options = app.options(&s.convener, s.initiative).await.unwrap();
    assert!(options.iter().any(|(_, o)| !leaks(&o.title).is_empty()), "the team's register keeps the name");
    let own = app.meeting_summary_for(&s.convener, s.initiative, s.meeting, Reader::Team).await.unwrap();
    assert!(own.attendees.iter().flatten().any(|a| a.name == NAME));
}

#[tokio::test]
async fn a_participant_sees_the_attendees_of_meetings_they_attended_and_their_own_side() {
    let s = scene().await;
    let app = &s.w.app;
    let listed = |summary: &MeetingSummary| -> BTreeSet<String> {
        summary.attendees.iter().flatten().map(|a| a.name.clone()).collect()
    };
    let of = |name: &str| s.outside.iter().find(|(n, _)| *n == name).unwrap().1;
    let attended = listed(&app.meeting_summary(&of("attended"), s.initiative, s.meeting).await.unwrap());
    assert!(attended.contains(NAME) && attended.contains(OTHER), "who attended sees everyone consenting: {attended:?}");
    let same_side = listed(&app.meeting_summary(&of("same-side"), s.initiative, s.meeting).await.unwrap());
    assert!(same_side.contains(NAME) && !same_side.contains(OTHER), "their own side only: {same_side:?}");
    let other_side = listed(&app.meeting_summary(&of("other-side"), s.initiative, s.meeting).await.unwrap());
    assert!(!other_side.contains(NAME) && other_side.contains(OTHER), "their own side only: {other_side:?}");
    let funder = app.meeting_summary(&of("funder"), s.initiative, s.meeting).await.unwrap();
    assert!(funder.attendees.is_none(), "funders get no attendee list");
}

#[tokio::test]
async fn a_person_who_refused_a_code_is_kept_out_of_the_speaker_key_and_a_withdrawal_takes_them_out() {
    let s = scene().await;
    let app = &s.w.app;
    let kh = Identity::key_holder();
    let side = app.sides(&s.convener, s.initiative).await.unwrap()[1].id;
    let refuser = app.add_actor(&kh, s.initiative, person_details("Halvi Dremont", "LC-09", side)).await.unwrap().id;
    let consent = Consent { to_be_recorded_under_code: ConsentAnswer::Refused, ..listed(ConsentAnswer::Given) };
    app.set_registry_entry(&s.convener, s.initiative, refuser, RegistryEntry { consent, ..RegistryEntry::default() })
        .await
        .unwrap();
    let key = |entries: &[(&str, &str)]| SpeakerKey {
        entries: entries.iter().map(|(code, name)| ((*code).to_owned(), (*name).to_owned())).collect(),
    };
    let refused =
        app.set_speaker_key(&s.convener, s.initiative, s.meeting, key(&[("A1", NAME), ("B1", "halvi DREMONT")])).await;
    match refused {
        Err(AppError::RefusedCode(positions)) => assert_eq!(positions, vec![1]),
        other => panic!("a refused code was kept: {other:?}"),
    }
    app.set_speaker_key(&s.convener, s.initiative, s.meeting, key(&[("A1", NAME), ("B1", "Halvi Marek")]))
        .await
        .unwrap();
    assert_eq!(app.speaker_key(&s.convener, s.initiative, s.meeting).await.unwrap().entries.len(), 2);

    // The person behind A1 withdraws: from then on the key no longer puts them behind a code.
    let mut entry = app.registry_entry(&s.convener, s.initiative, s.person).await.unwrap().unwrap();
    entry.consent.withdrawn_on = Some(date!(2025 - 06 - 01));
    app.set_registry_entry(&s.convener, s.initiative, s.person, entry).await.unwrap();
    let now = app.speaker_key(&s.convener, s.initiative, s.meeting).await.unwrap();
    assert_eq!(now.entries, vec![("B1".to_owned(), "Halvi Marek".to_owned())]);
}

#[tokio::test]
async fn attendance_links_to_a_person_of_the_map_with_a_registry_entry() {
    let s = scene().await;
    let app = &s.w.app;
    let kh = Identity::key_holder();
    // An organisation does not attend; a meeting written whole cannot bring in someone unlinked
    // or someone without a registry entry.
    let mut organisation =
        person_details("Vale Water Board", "UV-90", app.sides(&kh, s.initiative).await.unwrap()[0].id);
    organisation.kind = ActorKind::Organisation;
    let organisation = app.add_actor(&kh, s.initiative, organisation).await.unwrap().id;
    let consent = Some(listed(ConsentAnswer::Given));
    let refused = app
        .add_attendee(&s.convener, s.initiative, s.meeting, seat(organisation, Capacity::NonOfficial, None, consent))
        .await;
    assert!(matches!(refused, Err(AppError::Invalid(_))), "{refused:?}");
    let MeetingView::Full { meeting, .. } = app.meeting(&s.convener, s.initiative, s.meeting).await.unwrap() else {
        panic!("the convener sees the whole meeting")
    };
    assert!(meeting.attendance.iter().all(|a| a.actor.is_some()));
    let mut unlinked = meeting.clone();
    unlinked.attendance.push(tracktwo_domain::dialogue::Attendance { actor: None, ..meeting.attendance[0].clone() });
    let refused = app.update_meeting(&s.convener, s.initiative, s.meeting, unlinked).await;
    assert!(matches!(refused, Err(AppError::Invalid(_))), "{refused:?}");
    let unregistered = app
        .add_actor(&kh, s.initiative, person_details("Pell Ardane", "UV-91", meeting.attendance[0].side.unwrap()))
        .await
        .unwrap()
        .id;
    let mut unasked = meeting.clone();
    unasked
        .attendance
        .push(tracktwo_domain::dialogue::Attendance { actor: Some(unregistered), ..meeting.attendance[0].clone() });
    let refused = app.update_meeting(&s.convener, s.initiative, s.meeting, unasked).await;
    assert!(matches!(refused, Err(AppError::ConsentNotRecorded)), "{refused:?}");
    // What was there stays: the meeting can still be saved as it is.
    app.update_meeting(&s.convener, s.initiative, s.meeting, meeting).await.unwrap();
}
