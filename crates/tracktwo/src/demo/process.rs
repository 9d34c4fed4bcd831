//! The demo's dialogue processes, invented like everything in the demo: the Serin River
//! Dialogue as a series of problem-solving workshops, a Track 1.5 policy dialogue beside it, and
//! a small sustained dialogue whose stage moves across its rounds.

use std::collections::BTreeSet;

use anyhow::{Context, Result};
use time::Date;
use time::macros::date;
use tracktwo_app::App;
use tracktwo_domain::dialogue::{
    AgendaItem, Attendance, ConfidentialityMode, DialogueOption, FollowUp, Grant, Meeting, MeetingNote, Methodology,
    NoteTag, OptionStatus, Phase, ProcessDesign, ProcessKind, Round, Session, SpeakerKey, TheoryOfChange,
};
use tracktwo_domain::map::{ActorDetails, ActorKind, Capacity, Consent, ConsentAnswer, Level, RegistryEntry, Track};
use tracktwo_domain::{ActorId, Identity, InitiativeId, MeetingId, RoundId, Scope, SideId, UserId};

/// The sides of an initiative, as the demo made them.
#[derive(Clone, Copy)]
pub struct Sides {
    pub vale: SideId,
    pub coast: SideId,
}

fn design(
    kind: ProcessKind,
    methodology: Methodology,
    phase: Phase,
    if_we: &str,
    then: &str,
    because: &str,
) -> ProcessDesign {
    ProcessDesign {
        kind,
        methodology,
        phase,
        theory_of_change: TheoryOfChange {
            if_we: if_we.into(),
            then: then.into(),
            because: because.into(),
            assumptions: vec![
                "Participants keep their standing at home while they take part.".into(),
                "Neither government objects to the meetings taking place.".into(),
            ],
        },
        locales: vec!["Brenna (Republic of Tessar)".into()],
        grants: vec![Grant {
            funder: "Larkspur Foundation".into(),
            reference: "LF-2025-014".into(),
            restrictions: "No payment to serving officials; travel and venues only.".into(),
        }],
    }
}

struct MeetingPlan<'a> {
    round: RoundId,
    title: &'a str,
    starts_on: Date,
    days: i64,
    mode: ConfidentialityMode,
    methodology: Methodology,
    stage: u8,
    attendance: &'a [(&'a str, &'a str, Option<SideId>, Capacity)],
    cleared: BTreeSet<UserId>,
}

/// The people who attend the demo's other processes, beside the Serin map: each enters the map
/// and the registry of the initiative they attend, with their consent, when first seated. Name,
/// code name, primary track, public description, and their answers to being listed and to being
/// recorded under a code.
const NEWCOMERS: &[(&str, &str, Track, &str, ConsentAnswer, ConsentAnswer)] = &[
    (
        "Ilse Marrow",
        "BV-01",
        Track::Government,
        "A member of the Upper Vale cabinet, attending in a personal capacity.",
        ConsentAnswer::Given,
        ConsentAnswer::Given,
    ),
    (
        "Tobias Renn",
        "BC-01",
        Track::Government,
        "A Lowland Coast diplomat attending in a personal capacity.",
        ConsentAnswer::Refused,
        ConsentAnswer::Given,
    ),
    (
        "Eskil Dorn",
        "BT-01",
        Track::Research,
        "A hydrologist from a neutral country, resource person on river flows.",
        ConsentAnswer::Given,
        ConsentAnswer::Given,
    ),
    (
        "Lena Aust",
        "RV-01",
        Track::PrivateCitizens,
        "Leads a women's co-operative in the Upper Vale.",
        ConsentAnswer::Given,
        ConsentAnswer::Refused,
    ),
    (
        "Noor Halvard",
        "RC-01",
        Track::Activism,
        "Organises women in the fishing villages of the Lowland Coast.",
        ConsentAnswer::Refused,
        ConsentAnswer::Given,
    ),
];

/// The actor of the initiative's map a demo attendee is, with their registry entry: found by
/// name on the map (whose registry the demo loaded), or added with their consent from
/// [`NEWCOMERS`].
async fn seat(
    app: &App,
    initiative: InitiativeId,
    name: &str,
    side: Option<SideId>,
    capacity: Capacity,
) -> Result<ActorId> {
    let key_holder = Identity::key_holder();
    let map = app.system_map(&key_holder, initiative).await?;
    if let Some(actor) = map.actors.iter().find(|a| a.details.name.as_deref() == Some(name)) {
        return Ok(actor.id);
    }
    let (_, code, track, description, listed, under_code) = NEWCOMERS
        .iter()
        .find(|(n, ..)| *n == name)
        .with_context(|| format!("no demo actor or newcomer for attendee {name}"))?;
    let actor = app
        .add_actor(
            &key_holder,
            initiative,
            ActorDetails {
                kind: ActorKind::Person,
                name: Some(name.into()),
                code_name: (*code).into(),
                primary_track: *track,
                tracks: BTreeSet::from([*track]),
                level: Level::MiddleRange,
                side,
                role: String::new(),
                decision_maker: false,
                notes: String::new(),
                public_description: (*description).into(),
                unplaced: std::collections::BTreeSet::new(),
            },
        )
        .await?;
    let entry = RegistryEntry {
        consent: Consent {
            to_be_contacted: ConsentAnswer::Given,
            to_be_listed: *listed,
            to_be_recorded_under_code: *under_code,
            to_be_photographed: ConsentAnswer::NotAsked,
            obtained_on: Some(date!(2025 - 03 - 01)),
            obtained_how: "in person, oral, witnessed by facilitator".into(),
            withdrawn_on: None,
        },
        capacity,
        ..RegistryEntry::default()
    };
    app.set_registry_entry(&key_holder, initiative, actor.id, entry).await?;
    Ok(actor.id)
}

async fn meeting(app: &App, initiative: InitiativeId, sides: Sides, plan: MeetingPlan<'_>) -> Result<MeetingId> {
    let mode = plan.mode;
    // An attendee who is also a member ("Tarek Varo (participant, Upper Vale)") is linked to
    // their account: that link lets a participant see who else sat in the meetings they attended.
    let roster = app.roster(&Identity::key_holder(), initiative).await?;
    let account_of = |name: &str| {
        roster.named.iter().find(|(_, display)| display.split(" (").next() == Some(name)).map(|(m, _)| m.user)
    };
    let mut attendance = Vec::new();
    for (name, organisation, side, capacity) in plan.attendance {
        attendance.push(Attendance {
            actor: Some(seat(app, initiative, name, *side, *capacity).await?),
            name: (*name).into(),
            organisation: (*organisation).into(),
            side: *side,
            capacity: *capacity,
            account: account_of(name),
        });
    }
    let meeting = Meeting {
        round: plan.round,
        title: plan.title.into(),
        starts_on: plan.starts_on,
        ends_on: Some(plan.starts_on + time::Duration::days(plan.days)),
        venue: "The old observatory, Brenna".into(),
        mode,
        sessions: vec![
            Session { title: "Plenary".into(), scope: Scope::Plenary, mode },
            Session { title: "Caucus: Upper Vale".into(), scope: Scope::Caucus(sides.vale), mode },
            Session { title: "Caucus: Lowland Coast".into(), scope: Scope::Caucus(sides.coast), mode },
        ],
        attendance,
        agenda: plan
            .methodology
            .template()
            .iter()
            .enumerate()
            .map(|(i, t)| AgendaItem { title: (*t).into(), done: i < usize::from(plan.stage) })
            .collect(),
        stage_reached: Some(plan.stage),
        cleared: plan.cleared,
    };
    Ok(app.add_meeting(&Identity::key_holder(), initiative, meeting).await?)
}

async fn notes(
    app: &App,
    initiative: InitiativeId,
    meeting: MeetingId,
    notes: &[(usize, &str, &[NoteTag], bool, &str)],
) -> Result<()> {
    for (session, speaker, tags, not_for_transfer, body) in notes {
        let note = MeetingNote {
            meeting,
            session: *session,
            speaker: (*speaker).into(),
            tags: tags.iter().copied().collect(),
            not_for_transfer: *not_for_transfer,
            body: (*body).into(),
            author: None,
            taken_at: time::OffsetDateTime::UNIX_EPOCH,
        };
        app.add_meeting_note(&Identity::key_holder(), initiative, note).await?;
    }
    Ok(())
}

async fn round(app: &App, initiative: InitiativeId, number: u32, title: &str, starts_on: Date) -> Result<RoundId> {
    let round = Round { number, title: title.into(), starts_on: Some(starts_on), ends_on: None };
    Ok(app.add_round(&Identity::key_holder(), initiative, round).await?)
}

const VALE_PEOPLE: [(&str, &str, Capacity); 2] = [
    ("Tarek Varo", "Vale Institute for Water Policy", Capacity::FormerOfficial),
    ("Sabine Orlo", "University of Kessel", Capacity::NonOfficial),
];
const COAST_PEOPLE: [(&str, &str, Capacity); 3] = [
    ("Mira Castell", "Port Alsen municipality", Capacity::ServingOfficial),
    ("Jonah Brisk", "Coast Farmers' Union", Capacity::NonOfficial),
    // Refused to be listed and to be recorded under a code: the team's alone.
    ("Soraya Lind", "Lowland Coast foreign ministry", Capacity::PersonalCapacity),
];

/// The Serin River Dialogue: three problem-solving workshops, options along their path and
/// follow-ups; a side meeting in round three that only the convener knows of.
pub async fn serin(app: &App, initiative: InitiativeId, sides: Sides) -> Result<()> {
    use NoteTag::{Agreement, Disagreement, Fear, Issue, Need};
    let key_holder = Identity::key_holder();
    app.set_process_design(
        &key_holder,
        initiative,
        design(
            ProcessKind::TrackTwo,
            Methodology::ProblemSolvingWorkshop,
            Phase::PreNegotiation,
            "middle-range figures of both sides analyse each other's needs and fears about the Serin together",
            "they carry jointly shaped options to the water ministries before formal talks open",
            "both ministries consult them, and options that arrive with both sides' names on them are harder to dismiss",
        ),
    )
    .await?;
    let mut attendance: Vec<(&str, &str, Option<SideId>, Capacity)> = Vec::new();
    attendance.extend(VALE_PEOPLE.iter().map(|(n, o, c)| (*n, *o, Some(sides.vale), *c)));
    attendance.extend(COAST_PEOPLE.iter().map(|(n, o, c)| (*n, *o, Some(sides.coast), *c)));
    let one = round(app, initiative, 1, "First workshop", date!(2025 - 04 - 20)).await?;
    let two = round(app, initiative, 2, "Second workshop", date!(2025 - 09 - 15)).await?;
    let three = round(app, initiative, 3, "Third workshop", date!(2026 - 03 - 20)).await?;
    let methodology = Methodology::ProblemSolvingWorkshop;
    let plan = |round, title, starts_on, mode, stage| MeetingPlan {
        round,
        title,
        starts_on,
        days: 2,
        mode,
        methodology,
        stage,
        attendance: &attendance,
        cleared: BTreeSet::new(),
    };
    let w1 = meeting(
        app,
        initiative,
        sides,
        plan(one, "Workshop one", date!(2025 - 04 - 20), ConfidentialityMode::ChathamHouse, 2),
    )
    .await?;
    notes(
        app,
        initiative,
        w1,
        &[
            (
                0,
                "A1",
                &[Issue],
                false,
                "The Vale cannot accept quotas set downstream; any scheme needs a joint gauge at Kessel Falls.",
            ),
            (0, "B2", &[Fear], false, "A dry summer like 2024 with no one to call on the other side."),
            (0, "B1", &[Need], false, "Farmers on the Coast need to know the flow a week ahead to plant."),
            (0, "F", &[Issue], false, "Both sides name data as the first problem: neither trusts the other's gauges."),
            (1, "A2", &[Need], false, "We can live with a joint gauge if the Coast drops the word 'quota'."),
            (2, "B3", &[Fear], true, "Our council will not back a hotline unless the Vale names a duty officer."),
        ],
    )
    .await?;
    app.set_speaker_key(
        &key_holder,
        initiative,
        w1,
        SpeakerKey {
            entries: vec![
                ("A1".into(), "Tarek Varo".into()),
                ("A2".into(), "Sabine Orlo".into()),
                ("B1".into(), "Jonah Brisk".into()),
                ("B2".into(), "Mira Castell".into()),
                ("B3".into(), "Mira Castell".into()),
            ],
        },
    )
    .await?;
    let w2 = meeting(
        app,
        initiative,
        sides,
        plan(two, "Workshop two", date!(2025 - 09 - 15), ConfidentialityMode::NonAttribution, 4),
    )
    .await?;
    notes(
        app,
        initiative,
        w2,
        &[
            (
                0,
                "A1",
                &[Agreement],
                false,
                "Agreement in principle on a joint technical commission publishing flow data.",
            ),
            (0, "B1", &[Disagreement], false, "Who chairs the commission: rotating, or a Tessar hydrologist?"),
            (
                0,
                "F",
                &[Issue],
                false,
                "Constraint named by both: neither side can be seen to negotiate before the talks.",
            ),
        ],
    )
    .await?;
    let w3 = meeting(
        app,
        initiative,
        sides,
        plan(three, "Workshop three", date!(2026 - 03 - 20), ConfidentialityMode::ChathamHouse, 5),
    )
    .await?;
    notes(
        app,
        initiative,
        w3,
        &[
            (
                0,
                "B2",
                &[Agreement],
                false,
                "A hotline between the two water boards, staffed around the clock from June to September.",
            ),
            (
                0,
                "A2",
                &[Need],
                false,
                "The commission's first report must appear before the official talks, not after.",
            ),
            (
                1,
                "A1",
                &[Fear],
                true,
                "Vale First will call any shared data a surrender; keep the commission technical.",
            ),
        ],
    )
    .await?;
    let mut side_meeting =
        plan(three, "Kessel Falls side meeting", date!(2026 - 03 - 22), ConfidentialityMode::SecretChannel, 1);
    side_meeting.days = 0;
    let side_attendance =
        [("Tarek Varo", "Vale Institute for Water Policy", Some(sides.vale), Capacity::FormerOfficial)];
    side_meeting.attendance = &side_attendance;
    let secret = meeting(app, initiative, sides, side_meeting).await?;
    notes(
        app,
        initiative,
        secret,
        &[(0, "A1", &[Issue], true, "The minister would receive the commission's terms privately first.")],
    )
    .await?;

    let commission = DialogueOption {
        title: "A joint technical commission on Serin flows, publishing gauge data weekly".into(),
        description: "Hydrologists of both water boards and one from Tessar; data only, no allocation.".into(),
        issues: vec!["Trust in river data".into(), "Early warning of low flows".into()],
        raised_in: vec![w1],
        supported_by: BTreeSet::from([sides.vale]),
        status: OptionStatus::Raised,
        history: Vec::new(),
    };
    let commission = app.add_option(&key_holder, initiative, commission, date!(2025 - 04 - 21)).await?;
    app.advance_option(
        &key_holder,
        initiative,
        commission,
        OptionStatus::Developed,
        date!(2025 - 09 - 16),
        Some(two),
        Some(w2),
        vec![sides.coast],
    )
    .await?;
    app.advance_option(
        &key_holder,
        initiative,
        commission,
        OptionStatus::JointlyEndorsed,
        date!(2026 - 03 - 21),
        Some(three),
        Some(w3),
        Vec::new(),
    )
    .await?;
    let hotline = DialogueOption {
        title: "A hotline between the two water boards in the dry months".into(),
        description: String::new(),
        issues: vec!["No one to call in a crisis".into()],
        raised_in: vec![w1],
        supported_by: BTreeSet::from([sides.coast]),
        status: OptionStatus::Raised,
        history: Vec::new(),
    };
    let hotline = app.add_option(&key_holder, initiative, hotline, date!(2025 - 04 - 21)).await?;
    app.advance_option(
        &key_holder,
        initiative,
        hotline,
        OptionStatus::JointlyEndorsed,
        date!(2026 - 03 - 21),
        Some(three),
        Some(w3),
        vec![sides.vale],
    )
    .await?;
    app.advance_option(
        &key_holder,
        initiative,
        hotline,
        OptionStatus::Transferred,
        date!(2026 - 04 - 10),
        Some(three),
        None,
        Vec::new(),
    )
    .await?;

    transfer(app, initiative, sides, [w1, w3], hotline).await?;

    for (round, commitment, owner, due_on, carried_forward, done) in [
        (
            one,
            "Circulate both water boards' gauge records for 2020–2024",
            "F",
            Some(date!(2025 - 06 - 01)),
            false,
            true,
        ),
        (two, "Draft terms of reference for the commission", "F", Some(date!(2026 - 02 - 01)), false, true),
        (
            three,
            "Share the first month of joint gauge data at Kessel Falls",
            "A2",
            Some(date!(2026 - 05 - 01)),
            false,
            false,
        ),
        (three, "Brief the Coast's council on the hotline", "B2", Some(date!(2026 - 04 - 15)), false, false),
        (three, "Wording: 'quotas' or 'shares' of the summer flow", "F", None, true, false),
    ] {
        let follow_up =
            FollowUp { round, commitment: commitment.into(), owner: owner.into(), due_on, carried_forward, done };
        app.add_follow_up(&key_holder, initiative, follow_up).await?;
    }
    Ok(())
}

/// A Track 1.5 policy dialogue: officials in a personal capacity beside non-officials, with a
/// public panel on the record.
pub async fn track_one_and_a_half(app: &App, initiative: InitiativeId, sides: Sides) -> Result<()> {
    let key_holder = Identity::key_holder();
    app.set_process_design(
        &key_holder,
        initiative,
        design(
            ProcessKind::TrackOneAndAHalf,
            Methodology::PolicyDialogue,
            Phase::ParaNegotiation,
            "officials attending in a personal capacity test the commission idea with independent experts",
            "the official talks take it up with fewer surprises",
            "those officials will sit at the table",
        ),
    )
    .await?;
    let one = round(app, initiative, 1, "Brenna session", date!(2026 - 05 - 12)).await?;
    let attendance = [
        (
            "Ilse Marrow",
            "Upper Vale ministry of water (personal capacity)",
            Some(sides.vale),
            Capacity::PersonalCapacity,
        ),
        (
            "Tobias Renn",
            "Lowland Coast foreign ministry (personal capacity)",
            Some(sides.coast),
            Capacity::PersonalCapacity,
        ),
        ("Eskil Dorn", "University of Brenna", None, Capacity::NonOfficial),
    ];
    let plan = |title, starts_on, mode, stage| MeetingPlan {
        round: one,
        title,
        starts_on,
        days: 1,
        mode,
        methodology: Methodology::PolicyDialogue,
        stage,
        attendance: &attendance,
        cleared: BTreeSet::new(),
    };
    let closed = meeting(
        app,
        initiative,
        sides,
        plan("Closed session", date!(2026 - 05 - 12), ConfidentialityMode::NonAttribution, 4),
    )
    .await?;
    notes(
        app,
        initiative,
        closed,
        &[
            (
                0,
                "A1",
                &[NoteTag::Option],
                false,
                "The commission could be written into the talks' first annex as a confidence-building measure.",
            ),
            (0, "B1", &[NoteTag::Fear], true, "The Coast's cabinet has not yet discussed any annex."),
        ],
    )
    .await?;
    let public = meeting(
        app,
        initiative,
        sides,
        plan("Public panel", date!(2026 - 05 - 13), ConfidentialityMode::OnTheRecord, 2),
    )
    .await?;
    notes(
        app,
        initiative,
        public,
        &[(0, "F", &[NoteTag::Issue], false, "Panel on river data and early warning, open to the press.")],
    )
    .await?;
    let follow_up = FollowUp {
        round: one,
        commitment: "Send the panel's summary to both foreign ministries".into(),
        owner: "F".into(),
        due_on: Some(date!(2026 - 05 - 31)),
        carried_forward: false,
        done: false,
    };
    app.add_follow_up(&key_holder, initiative, follow_up).await?;
    Ok(())
}

/// A small sustained dialogue between women's groups of both sides, whose stage (Saunders'
/// five) moves from round to round.
pub async fn sustained(app: &App, initiative: InitiativeId, sides: Sides) -> Result<()> {
    let key_holder = Identity::key_holder();
    app.set_process_design(
        &key_holder,
        initiative,
        design(
            ProcessKind::TrackThree,
            Methodology::SustainedDialogue,
            Phase::PreNegotiation,
            "the same women's groups of the Vale and the Coast meet over many months",
            "the relationships that block change shift in the river villages",
            "local acceptance decides whether any water agreement holds",
        ),
    )
    .await?;
    let attendance = [
        ("Lena Aust", "Kessel Women's Co-operative", Some(sides.vale), Capacity::NonOfficial),
        ("Noor Halvard", "Alsen Fishers' Wives", Some(sides.coast), Capacity::NonOfficial),
    ];
    for (number, title, starts_on, stage) in [
        (1, "Meeting in Kessel", date!(2025 - 05 - 10), 1),
        (2, "Meeting in Port Alsen", date!(2025 - 10 - 04), 2),
        (3, "Meeting in Brenna", date!(2026 - 04 - 18), 3),
    ] {
        let r = round(app, initiative, number, title, starts_on).await?;
        let plan = MeetingPlan {
            round: r,
            title,
            starts_on,
            days: 1,
            mode: ConfidentialityMode::ChathamHouse,
            methodology: Methodology::SustainedDialogue,
            stage,
            attendance: &attendance,
            cleared: BTreeSet::new(),
        };
        let m = meeting(app, initiative, sides, plan).await?;
        notes(
            app,
            initiative,
            m,
            &[(0, "F", &[NoteTag::Issue], false, "The group named what it wants to work on next.")],
        )
        .await?;
    }
    Ok(())
}

/// The Serin dialogue's transfer to Track One: a readout released to two officials, the
/// transfer and coordination logs, and the official track.
async fn transfer(
    app: &App,
    initiative: InitiativeId,
    _sides: Sides,
    meetings: [MeetingId; 2],
    hotline: tracktwo_domain::OptionId,
) -> Result<()> {
    use tracktwo_domain::transfer::{
        Audience, CoordinationEvent, CoordinationForm, Evidence, OfficialEvent, OfficialKind, Readout, TransferChannel,
        TransferDirection, TransferEvent, TransferKind, TransferTiming,
    };
    let key_holder = Identity::key_holder();
    // The plenary notes of the two workshops; the rules keep the rest out anyway.
    let mut notes = Vec::new();
    for meeting in meetings {
        if let tracktwo_app::dialogue::MeetingView::Full { notes: list, meeting: m, .. } =
            app.meeting(&key_holder, initiative, meeting).await?
        {
            notes.extend(
                list.into_iter()
                    .filter(|(_, n)| m.sessions.get(n.session).is_some_and(|s| s.scope == Scope::Plenary))
                    .map(|(id, _)| id),
            );
        }
    }
    let readout = Readout {
        cover: "This readout is shared under the Chatham House Rule with the two water ministries, ahead of the \
                official talks. It reports what was said, never who said it.\n\nThe workshops brought together \
                figures of both sides in a personal capacity."
            .into(),
        meetings: meetings.to_vec(),
        notes,
        options: vec![hotline],
        // Going to two ministries: let the copies differ in wording too, so a leaked paragraph
        // names its copy.
        wording_variants: true,
        ..Readout::draft("Readout on the Serin workshops, rounds one and three", Audience::TrackOneOfficial)
    };
    let r = app.create_readout(&key_holder, initiative, readout).await?;
    app.review_readout(&key_holder, initiative, r).await?;
    app.release_readout(&key_holder, initiative, r).await?;
    for (recipient, channel) in [
        ("Deputy Minister, Upper Vale Ministry of Water and Energy", "by hand, Kessel"),
        ("Director of International Affairs, Lowland Coast Foreign Ministry", "by hand, Port Alsen"),
    ] {
        app.issue_copy(&key_holder, initiative, r, recipient, channel, date!(2026 - 04 - 10)).await?;
    }
    for (on, what, direction, channel, timing, evidence, description, options) in [
        (
            date!(2025 - 05 - 02),
            TransferKind::Learning,
            TransferDirection::Upward,
            TransferChannel::ParticipantCarries,
            TransferTiming::PreNegotiation,
            Evidence::Claimed,
            "A1 briefed the Vale's water ministry on the Coast's fears of a dry summer.",
            Vec::new(),
        ),
        (
            date!(2026 - 04 - 10),
            TransferKind::IdeaOrOption,
            TransferDirection::Upward,
            TransferChannel::WrittenReadout,
            TransferTiming::PreNegotiation,
            Evidence::Corroborated,
            "The hotline went to both ministries in the released readout; both acknowledged it.",
            vec![hotline],
        ),
        (
            date!(2026 - 07 - 01),
            TransferKind::PersonIntoOffice,
            TransferDirection::Upward,
            TransferChannel::ParticipantBecomesNegotiator,
            TransferTiming::ParaNegotiation,
            Evidence::VisibleOfficially,
            "A workshop participant joined the Vale's delegation to the official talks.",
            Vec::new(),
        ),
    ] {
        let event = TransferEvent {
            on,
            what,
            direction,
            channel,
            timing,
            evidence,
            description: description.into(),
            options,
            readout: None,
            text: None,
        };
        app.log_transfer(&key_holder, initiative, event).await?;
    }
    for (on, form, counterpart) in [
        (date!(2025 - 02 - 10), CoordinationForm::InformationSharing, "Upper Vale water ministry"),
        (date!(2025 - 08 - 20), CoordinationForm::IndirectSequencing, "Tessar envoy's office"),
        (date!(2026 - 04 - 15), CoordinationForm::JointStrategyPlanning, "Both water ministries"),
    ] {
        let event = CoordinationEvent { on, form, counterpart: counterpart.into(), note: String::new() };
        app.log_coordination(&key_holder, initiative, event).await?;
    }
    for (on, kind, title) in [
        (date!(2024 - 08 - 15), OfficialKind::Statement, "Drought emergency statements by both governments"),
        (date!(2024 - 10 - 01), OfficialKind::Ceasefire, "Truce on attacks on water infrastructure"),
        (date!(2026 - 06 - 10), OfficialKind::NegotiationRound, "First round of official talks, Tessar"),
    ] {
        app.log_official_event(&key_holder, initiative, OfficialEvent { on, kind, title: title.into() }).await?;
    }
    Ok(())
}
