//! Outcome Harvesting through the one gate: the workflow's rules (an independent substantiator,
//! reported only once substantiated), who is shown an outcome (drafts stay with the team and the
//! evaluator; a funder gets a reported outcome without a name), links checked, the theory of
//! change read over time, and no name at rest.

use std::collections::BTreeSet;

use time::macros::date;
use tracktwo_app::AppError;
use tracktwo_app::outcomes::OutcomeView;
use tracktwo_domain::dialogue::{
    ConfidentialityMode, Methodology, Phase, ProcessDesign, ProcessKind, Round, TheoryOfChange,
};
use tracktwo_domain::outcomes::{
    AssumptionReading, AssumptionStatus, Change, ChangeLevel, ChangeType, Criterion, Layer, Outcome, OutcomeState,
    Reach, Reflection, RppCell, SocialActor, Source, Substantiation, Verdict, WorkflowError,
};
use tracktwo_domain::{Identity, InitiativeId, MeetingId, MemberRole, OutcomeId, UserId};
use tracktwo_test_support::{person_on_map, serin_with_two_sides};

use crate::World;

/// Words that occur nowhere else in what the tests read: any of them in an output is a leak.
pub(crate) const ACTOR: &str = "Zorvath Quillame";
pub(crate) const ALIAS: &str = "Зорват";
pub(crate) const SOURCE: &str = "Brisveld Okkaran";
pub(crate) const SUBSTANTIATOR: &str = "Tamsin Vurek";
pub(crate) const ATTENDEE: &str = "Oskvar Pellinore";

pub(crate) struct Cast {
    pub(crate) initiative: InitiativeId,
    pub(crate) convener: Identity,
    pub(crate) facilitator: Identity,
    pub(crate) evaluator: Identity,
    pub(crate) funder: Identity,
    pub(crate) official: Identity,
    pub(crate) participant_a: Identity,
    pub(crate) participant_b: Identity,
    pub(crate) observer: Identity,
    pub(crate) operations: Identity,
    pub(crate) outsider: Identity,
    pub(crate) actor: tracktwo_domain::ActorId,
}

pub(crate) async fn cast(world: &World) -> Cast {
    let serin = serin_with_two_sides(&world.app).await;
    let id = serin.id;
    let actor = person_on_map(&world.app, id, ACTOR, "P-17", Some(serin.upper_vale), false).await;
    let kh = Identity::key_holder();
    let mut entry = world.app.registry_entry(&kh, id, actor).await.expect("the registry").expect("an entry");
    entry.aliases = vec![ALIAS.into()];
    world.app.set_registry_entry(&kh, id, actor, entry).await.expect("an alias");
    let design = ProcessDesign {
        kind: ProcessKind::TrackTwo,
        methodology: Methodology::SustainedDialogue,
        phase: Phase::PreNegotiation,
        theory_of_change: TheoryOfChange {
            if_we: "bring water officials together".into(),
            then: "a flow agreement becomes thinkable".into(),
            because: "they carry what they learn home".into(),
            assumptions: vec!["both ministries let them attend".into(), "what is learnt travels home".into()],
        },
        locales: vec!["en".into()],
        grants: Vec::new(),
    };
    world.app.set_process_design(&kh, id, design).await.expect("a design");
    let other = world.initiative("Elsewhere", false).await;
    Cast {
        initiative: id,
        convener: world.member("convener", id, MemberRole::Convener, None).await,
        facilitator: world.member("facilitator", id, MemberRole::Facilitator, None).await,
        evaluator: world.member("evaluator", id, MemberRole::Evaluator, None).await,
        funder: world.member("funder", id, MemberRole::Funder, None).await,
        official: world.member("official", id, MemberRole::Official, None).await,
        participant_a: world.member("part-a", id, MemberRole::Participant, Some(serin.upper_vale)).await,
        participant_b: world.member("part-b", id, MemberRole::Participant, Some(serin.lowland_coast)).await,
        observer: world.member("observer", id, MemberRole::Observer, None).await,
        operations: world.member("operations", id, MemberRole::Operations, None).await,
        outsider: world.member("outsider", other, MemberRole::Convener, None).await,
        actor,
    }
}

/// A workshop of `round` under the Chatham House Rule that `attendee` attended.
pub(crate) fn workshop(
    round: tracktwo_domain::RoundId,
    attendee: tracktwo_domain::ActorId,
    starts_on: time::Date,
    ends_on: Option<time::Date>,
) -> tracktwo_domain::dialogue::Meeting {
    tracktwo_domain::dialogue::Meeting {
        round,
        title: "Workshop".into(),
        starts_on,
        ends_on,
        venue: String::new(),
        mode: ConfidentialityMode::ChathamHouse,
        sessions: vec![tracktwo_domain::dialogue::Session {
            title: "Plenary".into(),
            scope: tracktwo_domain::Scope::Plenary,
            mode: ConfidentialityMode::ChathamHouse,
        }],
        attendance: vec![tracktwo_domain::dialogue::Attendance {
            actor: Some(attendee),
            name: ATTENDEE.into(),
            organisation: String::new(),
            side: None,
            capacity: tracktwo_domain::map::Capacity::PersonalCapacity,
            account: None,
        }],
        agenda: Vec::new(),
        stage_reached: None,
        cleared: BTreeSet::new(),
    }
}

/// An outcome whose every text names the social actor, a source, the substantiator and an
/// attendee, in several spellings.
pub(crate) fn statement(cast: &Cast, class: ConfidentialityMode) -> Outcome {
    let names = format!("{ACTOR}, QUILLAME's office, {ALIAS}, {SOURCE}, {SUBSTANTIATOR} and {ATTENDEE}");
    let mut o = Outcome::draft(
        Change {
            what: format!("After talking with {names}, the ministry shared its data"),
            on: date!(2026 - 03 - 01),
            place: format!("{ACTOR}'s office"),
        },
        SocialActor {
            actor: Some(cast.actor),
            who: ACTOR.into(),
            organisation: false,
            description: format!("an adviser close to {ALIAS}"),
        },
        ChangeType::Policies,
        UserId::from_random_bytes([9; 16]),
        date!(2026 - 04 - 01),
    );
    o.significance = format!("First shared data since the drought, says {SOURCE}");
    o.contribution.story = format!("{ATTENDEE} raised it in the second workshop");
    o.sources = vec![
        Source { name: SOURCE.into(), basis: "was in the room".into(), document: false },
        Source { name: "The board's minutes".into(), basis: "published by the board".into(), document: true },
    ];
    o.layer = Layer::Policy;
    o.rpp = RppCell { reach: Reach::KeyPeople, level: ChangeLevel::SocioPolitical };
    o.criteria = BTreeSet::from([Criterion::InstitutionsReformed]);
    o.confidentiality = class;
    o.assumptions = vec![(1, true)];
    o
}

pub(crate) async fn harvest_and_report(world: &World, cast: &Cast, class: ConfidentialityMode) -> OutcomeId {
    let app = &world.app;
    let id = app.harvest_outcome(&cast.evaluator, cast.initiative, statement(cast, class)).await.expect("harvest");
    // Only the convener sees a secret-channel outcome its harvester did not share.
    let substantiator = if class == ConfidentialityMode::SecretChannel { &cast.convener } else { &cast.facilitator };
    app.substantiate_outcome(
        substantiator,
        cast.initiative,
        id,
        word(SUBSTANTIATOR, Verdict::Agrees, date!(2026 - 04 - 03), &format!("Confirmed with {ACTOR}")),
    )
    .await
    .expect("substantiate");
    app.advance_outcome(&cast.evaluator, cast.initiative, id, OutcomeState::Substantiated)
        .await
        .expect("substantiated");
    app.advance_outcome(&cast.evaluator, cast.initiative, id, OutcomeState::Reported).await.expect("reported");
    id
}

#[tokio::test]
async fn an_outcome_is_substantiated_by_someone_independent_before_it_is_reported() {
    let world = World::new().await;
    let cast = cast(&world).await;
    let app = &world.app;
    let id = app
        .harvest_outcome(&cast.evaluator, cast.initiative, statement(&cast, ConfidentialityMode::ChathamHouse))
        .await
        .expect("harvest");
    // The harvester's own word is refused.
    let own = app
        .substantiate_outcome(
            &cast.evaluator,
            cast.initiative,
            id,
            word("Me", Verdict::Agrees, date!(2026 - 04 - 02), ""),
        )
        .await;
    assert!(matches!(own, Err(AppError::OutcomeRefused(WorkflowError::NotIndependent))), "{own:?}");
    // Not reported before it is substantiated; not substantiated without an independent word.
    let early = app.advance_outcome(&cast.evaluator, cast.initiative, id, OutcomeState::Reported).await;
    assert!(matches!(early, Err(AppError::OutcomeRefused(WorkflowError::NotYetSubstantiated))), "{early:?}");
    let bare = app.advance_outcome(&cast.evaluator, cast.initiative, id, OutcomeState::Substantiated).await;
    assert!(matches!(bare, Err(AppError::OutcomeRefused(WorkflowError::NotSubstantiated))), "{bare:?}");
    // Those who may not substantiate cannot.
    for who in [&cast.funder, &cast.official, &cast.participant_a, &cast.observer] {
        assert!(
            app.substantiate_outcome(who, cast.initiative, id, word("X", Verdict::Agrees, date!(2026 - 04 - 02), ""))
                .await
                .is_err()
        );
    }
    app.substantiate_outcome(
        &cast.convener,
        cast.initiative,
        id,
        word(SUBSTANTIATOR, Verdict::Partly, date!(2026 - 04 - 02), ""),
    )
    .await
    .expect("the convener substantiates");
    app.advance_outcome(&cast.evaluator, cast.initiative, id, OutcomeState::Substantiated)
        .await
        .expect("substantiated");
    app.advance_outcome(&cast.evaluator, cast.initiative, id, OutcomeState::Reported).await.expect("reported");
    // Reported, it is fixed.
    let edit = app
        .update_outcome(&cast.facilitator, cast.initiative, id, statement(&cast, ConfidentialityMode::ChathamHouse))
        .await;
    assert!(matches!(edit, Err(AppError::OutcomeRefused(WorkflowError::AlreadyReported))), "{edit:?}");
    let OutcomeView::Full { outcome, substantiations } =
        app.outcome(&cast.convener, cast.initiative, id).await.expect("read")
    else {
        panic!("the convener sees the whole record");
    };
    assert_eq!(outcome.state, OutcomeState::Reported);
    assert_eq!(outcome.harvested_by, user_id(&cast.evaluator), "the harvester is whoever harvested");
    assert_eq!(substantiations.len(), 1);
    let actions = world.store.raw_audit_actions().await;
    for action in ["outcome.harvested", "outcome.substantiated", "outcome.advanced", "outcomes.read", "outcome.updated"]
    {
        assert_eq!(actions.iter().any(|a| a == action), action != "outcome.updated", "{action}");
    }
}

/// A substantiator's word; its author is whoever gives it.
fn word(name: &str, verdict: Verdict, on: time::Date, comment: &str) -> Substantiation {
    Substantiation { by: UserId::from_random_bytes([0; 16]), name: name.into(), verdict, on, comment: comment.into() }
}

fn user_id(who: &Identity) -> UserId {
    match who.principal {
        tracktwo_domain::Principal::User { id, .. } => id,
        tracktwo_domain::Principal::KeyHolder => unreachable!(),
    }
}

fn texts(view: &OutcomeView) -> String {
    match view {
        OutcomeView::Full { .. } => panic!("a reader outside the team was shown the whole record"),
        OutcomeView::Cleared(c) => [&c.what, &c.place, &c.actor_description, &c.significance, &c.contribution]
            .map(|t| t.to_lowercase())
            .join("\n"),
    }
}

pub(crate) fn assert_no_name(text: &str) {
    for name in [ACTOR, ALIAS, SOURCE, SUBSTANTIATOR, ATTENDEE] {
        for word in name.split_whitespace() {
            assert!(!text.contains(&word.to_lowercase()), "{word} reached a reader without names: {text}");
        }
    }
}

#[tokio::test]
async fn no_reader_outside_the_team_reads_a_draft_and_a_funder_gets_no_name() {
    let world = World::new().await;
    let cast = cast(&world).await;
    let app = &world.app;
    // An attendee of a meeting, to be withheld from what a funder reads.
    let attendee = person_on_map(app, cast.initiative, ATTENDEE, "P-18", None, true).await;
    let round = app
        .add_round(
            &Identity::key_holder(),
            cast.initiative,
            Round { number: 1, title: "One".into(), starts_on: None, ends_on: None },
        )
        .await
        .expect("round");
    let meeting = workshop(round, attendee, date!(2026 - 02 - 01), None);
    let meeting = app.add_meeting(&Identity::key_holder(), cast.initiative, meeting).await.expect("meeting");
    let mut linked = statement(&cast, ConfidentialityMode::ChathamHouse);
    linked.contribution.meetings = vec![meeting];
    let draft = app.harvest_outcome(&cast.evaluator, cast.initiative, linked).await.expect("harvest");
    let attackers = [
        &cast.funder,
        &cast.official,
        &cast.participant_a,
        &cast.participant_b,
        &cast.observer,
        &cast.operations,
        &cast.outsider,
    ];
    for who in attackers {
        if let Ok(list) = app.outcomes(who, cast.initiative).await {
            assert!(list.is_empty(), "a draft was listed for a reader outside the team");
        }
        assert!(app.outcome(who, cast.initiative, draft).await.is_err());
        assert!(app.advance_outcome(who, cast.initiative, draft, OutcomeState::Substantiated).await.is_err());
        assert!(
            app.update_outcome(who, cast.initiative, draft, statement(&cast, ConfidentialityMode::OnTheRecord))
                .await
                .is_err()
        );
    }
    // Reported under the Chatham House Rule: the funder alone, cleared of every name.
    let chatham = harvest_and_report(&world, &cast, ConfidentialityMode::ChathamHouse).await;
    let seen = app.outcome(&cast.funder, cast.initiative, chatham).await.expect("the funder reads a reported outcome");
    assert_no_name(&texts(&seen));
    assert!(texts(&seen).contains("the ministry shared its data"), "the change itself stays");
    for who in [&cast.official, &cast.participant_a, &cast.participant_b] {
        assert!(app.outcome(who, cast.initiative, chatham).await.is_err());
    }
    // On the record, participants of both sides and officials get it too, still without names.
    let open = harvest_and_report(&world, &cast, ConfidentialityMode::OnTheRecord).await;
    for who in [&cast.funder, &cast.official, &cast.participant_a, &cast.participant_b] {
        let list = app.outcomes(who, cast.initiative).await.expect("list");
        assert!(list.iter().all(|(_, v)| v.state() == OutcomeState::Reported));
        assert!(list.iter().any(|(id, _)| *id == open));
        for (_, view) in &list {
            assert_no_name(&texts(view));
        }
    }
    // The team sees every outcome whole; the evaluator, outside the team, every one cleared.
    for who in [&cast.convener, &cast.facilitator] {
        let list = app.outcomes(who, cast.initiative).await.expect("list");
        assert_eq!(list.len(), 3);
        assert!(list.iter().all(|(_, v)| matches!(v, OutcomeView::Full { .. })));
    }
    let list = app.outcomes(&cast.evaluator, cast.initiative).await.expect("list");
    assert_eq!(list.len(), 3);
    for (_, view) in &list {
        assert!(!matches!(view, OutcomeView::Full { .. }));
        assert_no_name(&texts(view));
    }
    // Nothing of it lies at rest in the clear.
    for (file, bytes) in world.store.bytes_at_rest().await {
        for name in [ACTOR, SOURCE, SUBSTANTIATOR, "the ministry shared its data"] {
            assert!(!bytes.windows(name.len()).any(|w| w == name.as_bytes()), "{name} in the clear in {file}");
        }
    }
}

#[tokio::test]
async fn a_secret_channel_outcome_stays_with_the_convener_and_its_harvester() {
    let world = World::new().await;
    let cast = cast(&world).await;
    let app = &world.app;
    let id = harvest_and_report(&world, &cast, ConfidentialityMode::SecretChannel).await;
    assert!(app.outcome(&cast.convener, cast.initiative, id).await.is_ok());
    assert!(app.outcome(&cast.evaluator, cast.initiative, id).await.is_ok(), "its harvester");
    let other = app
        .harvest_outcome(&cast.convener, cast.initiative, statement(&cast, ConfidentialityMode::SecretChannel))
        .await
        .expect("harvest");
    for who in [&cast.facilitator, &cast.evaluator, &cast.funder, &cast.official, &cast.participant_a] {
        assert!(matches!(
            app.outcome(who, cast.initiative, other).await,
            Err(AppError::NotFound | AppError::Forbidden(_))
        ));
        let s = app
            .substantiate_outcome(who, cast.initiative, other, word("X", Verdict::Agrees, date!(2026 - 04 - 02), ""))
            .await;
        assert!(s.is_err());
    }
    for who in [&cast.funder, &cast.official, &cast.participant_a] {
        assert!(app.outcome(who, cast.initiative, id).await.is_err(), "a secret-channel outcome never leaves");
    }
}

#[tokio::test]
async fn links_must_be_records_of_the_initiative() {
    let world = World::new().await;
    let cast = cast(&world).await;
    let mut stray = statement(&cast, ConfidentialityMode::OnTheRecord);
    stray.contribution.meetings = vec![MeetingId::from_random_bytes([7; 16])];
    assert!(matches!(
        world.app.harvest_outcome(&cast.evaluator, cast.initiative, stray).await,
        Err(AppError::Invalid(_))
    ));
    let mut one_source = statement(&cast, ConfidentialityMode::OnTheRecord);
    one_source.sources.truncate(1);
    assert!(matches!(
        world.app.harvest_outcome(&cast.evaluator, cast.initiative, one_source).await,
        Err(AppError::Invalid(_))
    ));
    let mut unknown_assumption = statement(&cast, ConfidentialityMode::OnTheRecord);
    unknown_assumption.assumptions = vec![(5, true)];
    assert!(matches!(
        world.app.harvest_outcome(&cast.evaluator, cast.initiative, unknown_assumption).await,
        Err(AppError::Invalid(_))
    ));
}

#[tokio::test]
async fn reflections_give_each_assumption_a_history_and_answer_a_rounds_prompt() {
    let world = World::new().await;
    let cast = cast(&world).await;
    let app = &world.app;
    let kh = Identity::key_holder();
    let ended = app
        .add_round(
            &kh,
            cast.initiative,
            Round {
                number: 1,
                title: "One".into(),
                starts_on: Some(date!(2026 - 01 - 10)),
                ends_on: Some(date!(2026 - 01 - 12)),
            },
        )
        .await
        .expect("round");
    let waiting = app.rounds_awaiting_reflection(&cast.facilitator, cast.initiative).await.expect("prompt");
    assert_eq!(waiting.iter().map(|r| r.round).collect::<Vec<_>>(), vec![ended]);
    assert!(app.rounds_awaiting_reflection(&cast.participant_a, cast.initiative).await.expect("no prompt").is_empty());
    let reading = |status| Reflection {
        on: date!(2026 - 01 - 20),
        by: UserId::from_random_bytes([0; 16]),
        round: Some(ended),
        readings: vec![AssumptionReading { assumption: 1, status, note: "seen".into() }],
        note: String::new(),
    };
    app.add_reflection(&cast.facilitator, cast.initiative, reading(AssumptionStatus::Holding)).await.expect("reflect");
    app.add_reflection(
        &cast.evaluator,
        cast.initiative,
        Reflection { on: date!(2026 - 05 - 01), ..reading(AssumptionStatus::InDoubt) },
    )
    .await
    .expect("reflect");
    for who in [&cast.funder, &cast.official, &cast.participant_a, &cast.observer] {
        assert!(app.add_reflection(who, cast.initiative, reading(AssumptionStatus::Failed)).await.is_err());
        assert!(app.theory_review(who, cast.initiative).await.is_err());
    }
    let bad = Reflection {
        readings: vec![AssumptionReading { assumption: 2, status: AssumptionStatus::Failed, note: String::new() }],
        ..reading(AssumptionStatus::Failed)
    };
    assert!(matches!(app.add_reflection(&cast.facilitator, cast.initiative, bad).await, Err(AppError::Invalid(_))));
    let supporting = app
        .harvest_outcome(&cast.evaluator, cast.initiative, statement(&cast, ConfidentialityMode::OnTheRecord))
        .await
        .expect("harvest");
    let review = app.theory_review(&cast.convener, cast.initiative).await.expect("review");
    assert!(review.awaiting.is_empty(), "the round's reflection answered its prompt");
    let statuses: Vec<AssumptionStatus> = review.assumptions[1].history.iter().map(|h| h.1).collect();
    assert_eq!(statuses, vec![AssumptionStatus::Holding, AssumptionStatus::InDoubt]);
    assert!(review.assumptions[0].history.is_empty());
    assert_eq!(review.assumptions[1].supporting.iter().map(|s| s.0).collect::<Vec<_>>(), vec![supporting]);
    assert!(review.assumptions[0].supporting.is_empty() && review.assumptions[1].questioning.is_empty());
}
