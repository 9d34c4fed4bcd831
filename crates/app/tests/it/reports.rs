//! Reports from an attacker's seat: a funder or an evaluator asking for a report to learn a name
//! or a small group, a convener whose funder report must hold no more than the funder may read,
//! and everyone else asking for one at all.

use time::macros::date;
use tracktwo_app::AppError;
use tracktwo_app::measures::Results;
use tracktwo_app::measures::stats::SMALLEST_RELEASED_CELL;
use tracktwo_app::reports::Report;
use tracktwo_domain::Identity;
use tracktwo_domain::dialogue::{ConfidentialityMode, Round};
use tracktwo_domain::outcomes::{OutcomeSight, OutcomeState, sight};
use tracktwo_domain::questionnaire::{Questionnaire, Stage};
use tracktwo_domain::report::{Period, ReportKind};
use tracktwo_domain::results_framework::{Actual, Indicator};
use tracktwo_test_support::person_on_map;

use crate::World;
use crate::outcomes::{ACTOR, ATTENDEE, Cast, assert_no_name, cast, harvest_and_report, statement, workshop};

/// Every word of the report that came from the record, lowercased.
fn words(report: &Report) -> String {
    let mut out = vec![report.initiative.clone()];
    for o in &report.outcomes {
        out.extend([&o.what, &o.place, &o.actor_description, &o.significance, &o.contribution].map(Clone::clone));
    }
    out.extend(report.rounds.iter().map(|r| r.title.clone()));
    out.extend(report.measures.iter().map(|m| m.questionnaire.title.clone()));
    for i in &report.indicators {
        out.extend([&i.outcome, &i.indicator, &i.unit].map(Clone::clone));
        out.extend(i.actuals.iter().flat_map(|a| [a.period.clone(), a.note.clone()]));
    }
    out.extend(report.assumptions.iter().map(|a| a.assumption.clone()));
    out.join("\n").to_lowercase()
}

/// Every group of people the report counts is suppressed or has at least five in it.
fn assert_no_small_cell(report: &Report) {
    for view in &report.measures {
        let Results::Released { before, after, paired, constructs } = &view.results else {
            panic!("a report holds the figures only as they leave the team")
        };
        for count in [before, after, paired] {
            assert!(count.released().is_none_or(|c| *c.value() >= SMALLEST_RELEASED_CELL));
        }
        for construct in constructs {
            for cell in construct.figures.sides.values().chain([&construct.figures.all]) {
                let Some(released) = cell.released() else { continue };
                assert!(released.people() >= SMALLEST_RELEASED_CELL);
                for count in released.value().reliable.values() {
                    assert!(count.released().is_none_or(|c| *c.value() >= SMALLEST_RELEASED_CELL));
                }
            }
        }
    }
}

/// A round with a meeting whose attendee the report must not name, a questionnaire of that
/// round answered by seven people of one side and three of the other, and an indicator whose
/// words name the social actor.
async fn record(world: &World, cast: &Cast) {
    let app = &world.app;
    let kh = Identity::key_holder();
    let attendee = person_on_map(app, cast.initiative, ATTENDEE, "P-18", None, true).await;
    let round = app
        .add_round(
            &kh,
            cast.initiative,
            Round { number: 1, title: format!("Talks with {ACTOR}"), starts_on: None, ends_on: None },
        )
        .await
        .expect("round");
    let meeting = workshop(round, attendee, date!(2026 - 02 - 01), Some(date!(2026 - 02 - 02)));
    app.add_meeting(&kh, cast.initiative, meeting).await.expect("meeting");
    let items = vec!["warmth.thermometer".to_owned(), "trust.other_side_people".to_owned()];
    let questionnaire = app
        .compose_questionnaire(
            &cast.convener,
            cast.initiative,
            Questionnaire::new(Some(round), &format!("Before and after, with {ATTENDEE}"), items.clone()),
        )
        .await
        .expect("a questionnaire");
    let sides = app.sides(&kh, cast.initiative).await.expect("sides");
    let mut cards =
        app.issue_answer_cards(&cast.convener, cast.initiative, questionnaire, sides[0].id, 7).await.expect("cards");
    cards.extend(
        app.issue_answer_cards(&cast.convener, cast.initiative, questionnaire, sides[1].id, 3).await.expect("cards"),
    );
    for (stage, base) in [(Stage::Before, 40), (Stage::After, 55)] {
        app.set_questionnaire_stage(&cast.convener, cast.initiative, questionnaire, stage).await.expect("stage");
        for (i, card) in cards.iter().enumerate() {
            let i = u8::try_from(i).unwrap();
            let given = items.iter().cloned().zip([base + i * (1 + u8::from(stage == Stage::After)), 3 + i % 3]);
            app.answer_questionnaire(questionnaire, &card.code, given.collect()).await.expect("an answer");
        }
    }
    let indicator = Indicator {
        outcome: format!("Ministries share data, as {ACTOR} asked"),
        indicator: "Data sets shared".into(),
        unit: "sets".into(),
        baseline: 0.0,
        target: 4.0,
        actuals: vec![Actual { period: "2026".into(), value: 2.0, note: format!("Confirmed by {ATTENDEE}") }],
    };
    app.add_indicator(&cast.convener, cast.initiative, indicator).await.expect("an indicator");
}

#[tokio::test]
async fn a_report_holds_what_its_audience_may_read_whoever_produces_it() {
    let world = World::new().await;
    let cast = cast(&world).await;
    record(&world, &cast).await;
    let app = &world.app;
    app.harvest_outcome(&cast.evaluator, cast.initiative, statement(&cast, ConfidentialityMode::ChathamHouse))
        .await
        .expect("a draft");
    let mut harvested = vec![(ConfidentialityMode::ChathamHouse, OutcomeState::Draft)];
    for class in
        [ConfidentialityMode::ChathamHouse, ConfidentialityMode::OnTheRecord, ConfidentialityMode::SecretChannel]
    {
        harvest_and_report(&world, &cast, class).await;
        harvested.push((class, OutcomeState::Reported));
    }
    for kind in ReportKind::ALL {
        let expected = harvested
            .iter()
            .filter(|(class, state)| sight(kind.audience(), *class, *state, false) != OutcomeSight::Hidden);
        let expected = expected.count();
        let audience = if *kind == ReportKind::Funder { &cast.funder } else { &cast.evaluator };
        let mut seen = Vec::new();
        for producer in [&cast.convener, &cast.facilitator, audience] {
            let report = app.report(producer, cast.initiative, *kind, None).await.expect("a report");
            assert_eq!(report.outcomes.len(), expected, "{kind:?}");
            let text = words(&report);
            assert_no_name(&text);
            assert!(text.contains("the ministry shared its data"), "the change itself stays");
            assert!(text.contains("data sets shared"), "the indicator stays");
            assert_no_small_cell(&report);
            assert_eq!(report.measures.len(), 1, "the round's questionnaire is measured");
            assert_eq!(report.rounds.len(), 1);
            assert_eq!(report.rounds[0].meetings, 1);
            seen.push(text);
        }
        assert!(seen.windows(2).all(|w| w[0] == w[1]), "{kind:?}: the same report whoever produces it");
    }
    // Seven and three people: the side of three is suppressed, and so (else it is the whole
    // minus the rest) is the side of seven.
    let report = app.report(&cast.funder, cast.initiative, ReportKind::Funder, None).await.unwrap();
    let Results::Released { constructs, .. } = &report.measures[0].results else { unreachable!() };
    assert!(constructs.iter().all(|c| c.figures.sides.values().all(|cell| cell.is_suppressed())));
    assert!(constructs.iter().all(|c| c.figures.all.released().is_some()));
}

#[tokio::test]
async fn a_period_keeps_what_happened_in_it() {
    let world = World::new().await;
    let cast = cast(&world).await;
    record(&world, &cast).await;
    let app = &world.app;
    // The outcome changed on 2026-03-01; the meeting was on 2026-02-01 and 02.
    harvest_and_report(&world, &cast, ConfidentialityMode::OnTheRecord).await;
    let report = |from, to| {
        let period = Period::new(from, to).unwrap();
        app.report(&cast.convener, cast.initiative, ReportKind::Funder, Some(period))
    };
    let all = report(date!(2026 - 01 - 01), date!(2026 - 12 - 31)).await.unwrap();
    assert_eq!((all.outcomes.len(), all.rounds.len(), all.measures.len()), (1, 1, 1));
    let march = report(date!(2026 - 03 - 01), date!(2026 - 03 - 01)).await.unwrap();
    assert_eq!((march.outcomes.len(), march.rounds.len(), march.measures.len()), (1, 0, 0));
    let meeting_only = report(date!(2026 - 02 - 02), date!(2026 - 02 - 28)).await.unwrap();
    assert_eq!((meeting_only.outcomes.len(), meeting_only.rounds.len()), (0, 1));
    assert_eq!(meeting_only.tally.layers.iter().map(|(_, n)| n).sum::<usize>(), 0);
}

#[tokio::test]
async fn no_one_else_may_ask_for_a_report() {
    let world = World::new().await;
    let cast = cast(&world).await;
    let app = &world.app;
    for kind in ReportKind::ALL {
        for who in [&cast.official, &cast.participant_a, &cast.participant_b, &cast.observer, &cast.operations] {
            let refused = app.report(who, cast.initiative, *kind, None).await;
            assert!(matches!(refused, Err(AppError::Forbidden(_))), "{kind:?}");
        }
        assert!(app.report(&cast.outsider, cast.initiative, *kind, None).await.is_err());
    }
    // The brief shows outcomes still in draft: never to a funder.
    let refused = app.report(&cast.funder, cast.initiative, ReportKind::Evaluation, None).await;
    assert!(matches!(refused, Err(AppError::Forbidden(_))));
    let refused = app.report(&cast.evaluator, cast.initiative, ReportKind::Funder, None).await;
    assert!(matches!(refused, Err(AppError::Forbidden(_))));
}
