//! Outcome Harvesting through the use cases on each backend: an outcome, its substantiation
//! and a reflection are stored as sealed records of their kinds, read back whole by the team
//! and cleared of names by a funder once reported, and rest nowhere in plaintext.

use std::sync::Arc;

use time::macros::date;
use tracktwo_domain::dialogue::{ConfidentialityMode, Methodology, Phase, ProcessDesign, ProcessKind, TheoryOfChange};
use tracktwo_domain::outcomes::{
    AssumptionReading, AssumptionStatus, Change, ChangeType, Outcome, OutcomeState, Reflection, SocialActor, Source,
    Substantiation, Verdict,
};
use tracktwo_domain::{Channel, Identity, MemberRole, NewUser, UserId};
use tracktwo_test_support::{TestStore, init_app, serin_with_two_sides};

const ACTOR: &str = "Quenby Ashgrove";
const WHAT: &str = "shared the flow data with the other board";

pub async fn outcomes_are_harvested_substantiated_reported_and_cleared(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let serin = serin_with_two_sides(&app).await;
    let i = serin.id;
    let theory =
        TheoryOfChange { assumptions: vec!["Both boards let them attend.".into()], ..TheoryOfChange::default() };
    let design = ProcessDesign {
        kind: ProcessKind::TrackTwo,
        methodology: Methodology::SustainedDialogue,
        phase: Phase::PreNegotiation,
        theory_of_change: theory,
        locales: Vec::new(),
        grants: Vec::new(),
    };
    app.set_process_design(&kh, i, design).await.unwrap();
    let member = |name: &'static str, role| {
        let app = &app;
        async move {
            let new = NewUser { username: name.into(), display_name: String::new(), is_admin: false };
            let id = app.create_user(&kh, new).await.unwrap().id;
            app.add_member(&kh, i, id, role, None).await.unwrap();
            Identity::user(id, false, Channel::Web)
        }
    };
    let evaluator = member("evaluator", MemberRole::Evaluator).await;
    let facilitator = member("facilitator", MemberRole::Facilitator).await;
    let funder = member("funder", MemberRole::Funder).await;

    let mut outcome = Outcome::draft(
        Change { what: format!("{ACTOR} {WHAT}"), on: date!(2026 - 02 - 01), place: String::new() },
        SocialActor { actor: None, who: ACTOR.into(), organisation: false, description: "a board's engineer".into() },
        ChangeType::Practices,
        UserId::from_random_bytes([0; 16]),
        date!(2026 - 03 - 01),
    );
    outcome.significance = "The first data shared".into();
    outcome.contribution.story = "The second workshop".into();
    outcome.sources = vec![
        Source { name: "Ida Pell".into(), basis: String::new(), document: false },
        Source { name: "Board bulletin".into(), basis: String::new(), document: true },
    ];
    outcome.confidentiality = ConfidentialityMode::ChathamHouse;
    outcome.assumptions = vec![(0, true)];
    let id = app.harvest_outcome(&evaluator, i, outcome).await.unwrap();
    assert!(app.outcomes(&funder, i).await.unwrap().is_empty(), "a draft reached a funder");
    let word = Substantiation {
        by: UserId::from_random_bytes([0; 16]),
        name: "Jo Fenn".into(),
        verdict: Verdict::Agrees,
        on: date!(2026 - 03 - 05),
        comment: String::new(),
    };
    app.substantiate_outcome(&facilitator, i, id, word).await.unwrap();
    app.advance_outcome(&evaluator, i, id, OutcomeState::Substantiated).await.unwrap();
    app.advance_outcome(&evaluator, i, id, OutcomeState::Reported).await.unwrap();
    let reflection = Reflection {
        on: date!(2026 - 03 - 10),
        by: UserId::from_random_bytes([0; 16]),
        round: None,
        readings: vec![AssumptionReading { assumption: 0, status: AssumptionStatus::Holding, note: String::new() }],
        note: String::new(),
    };
    app.add_reflection(&facilitator, i, reflection).await.unwrap();

    let seen = app.outcome(&funder, i, id).await.unwrap();
    assert!(seen.what().contains(WHAT) && !seen.what().contains("Quenby"), "{}", seen.what());
    let whole = app.outcome(&facilitator, i, id).await.unwrap();
    assert!(whole.what().contains(ACTOR));
    let review = app.theory_review(&facilitator, i).await.unwrap();
    assert_eq!(review.assumptions[0].history.len(), 1);
    assert_eq!(review.assumptions[0].supporting.len(), 1);
    for (place, bytes) in t.bytes_at_rest().await {
        for canary in ["Quenby", WHAT, "Jo Fenn"] {
            assert!(!bytes.windows(canary.len()).any(|w| w == canary.as_bytes()), "{canary} rests in {place}");
        }
    }
}
