//! Attitude and trust measures from an attacker's seat: the team trying to put a name to an
//! answer, a card holder trying to answer twice or for someone else, a funder looking for a
//! small cell; and the results framework's import, all or nothing.

use std::collections::BTreeMap;
use std::sync::Arc;

use tracktwo_app::measures::stats::{Cell, SMALLEST_RELEASED_CELL, SignedRank};
use tracktwo_app::measures::{AnswerCode, AnswerRefusal, IssuedCard, Results};
use tracktwo_app::{App, AppError, Outward};
use tracktwo_domain::questionnaire::{Questionnaire, Stage, Timing};
use tracktwo_domain::results_framework::Indicator;
use tracktwo_domain::{Identity, InitiativeId, MemberRole, QuestionnaireId, SideId};
use tracktwo_store::RecordKind;
use tracktwo_test_support::{TestClock, TestStore, init_app_with_clock, serin_with_two_sides, test_rows};

const ITEMS: [&str; 3] = ["warmth.thermometer", "trust.other_side_people", "anxiety.at_ease"];

struct Measured {
    store: TestStore,
    app: Arc<App>,
    clock: TestClock,
    initiative: InitiativeId,
    upper: SideId,
    lower: SideId,
    convener: Identity,
    questionnaire: QuestionnaireId,
}

async fn measured() -> Measured {
    let store = TestStore::sqlite().await;
    let clock = TestClock::new();
    let app = Arc::new(init_app_with_clock(Arc::clone(&store.store), clock.clone()).await);
    let serin = serin_with_two_sides(&app).await;
    let world = crate::World { store: TestStore::sqlite().await, app: Arc::clone(&app) };
    let convener = world.member("convener", serin.id, MemberRole::Convener, None).await;
    let questionnaire = app
        .compose_questionnaire(
            &convener,
            serin.id,
            Questionnaire::new(None, "Round one", ITEMS.iter().map(|s| (*s).to_owned()).collect()),
        )
        .await
        .unwrap();
    Measured {
        store,
        app,
        clock,
        initiative: serin.id,
        upper: serin.upper_vale,
        lower: serin.lowland_coast,
        convener,
        questionnaire,
    }
}

fn answers(warmth: u8, trust: u8, ease: u8) -> BTreeMap<String, u8> {
    ITEMS.iter().map(|s| (*s).to_owned()).zip([warmth, trust, ease]).collect()
}

impl Measured {
    async fn cards(&self, side: SideId, count: usize) -> Vec<IssuedCard> {
        self.app.issue_answer_cards(&self.convener, self.initiative, self.questionnaire, side, count).await.unwrap()
    }

    async fn stage(&self, stage: Stage) {
        self.app.set_questionnaire_stage(&self.convener, self.initiative, self.questionnaire, stage).await.unwrap();
    }

    async fn answer(&self, card: &IssuedCard, given: BTreeMap<String, u8>) -> Result<Timing, AppError> {
        self.app.answer_questionnaire(self.questionnaire, &card.code, given).await
    }

    /// Every card answers before (warmth 40 + i) and after (warmth 50 + 2i): every score changes.
    async fn answer_before_and_after(&self, cards: &[&IssuedCard]) {
        self.stage(Stage::Before).await;
        for (i, card) in cards.iter().enumerate() {
            let i = u8::try_from(i).unwrap();
            self.answer(card, answers(40 + i, 3, 3 + i % 3)).await.unwrap();
        }
        self.stage(Stage::After).await;
        for (i, card) in cards.iter().enumerate() {
            let i = u8::try_from(i).unwrap();
            self.answer(card, answers(50 + 2 * i, 4 + i % 3, 4)).await.unwrap();
        }
    }
}

#[tokio::test]
async fn the_team_cannot_put_a_name_or_a_moment_to_an_answer() {
    let m = measured().await;
    let cards = m.cards(m.upper, 3).await;
    m.stage(Stage::Before).await;
    let audit_before = m.store.raw_audit_actions().await.len();
    for card in &cards {
        m.clock.advance(time::Duration::minutes(7));
        m.answer(card, answers(60, 4, 4)).await.unwrap();
    }
    // Answering leaves no audit event: nothing records when a card answered, or from whom.
    assert_eq!(m.store.raw_audit_actions().await.len(), audit_before);
    // Every answer's row carries the questionnaire's own times, whenever it was given.
    let mut tx = m.store.store.begin(test_rows()).await.unwrap();
    let questionnaire = tx.sealed_record(m.questionnaire.as_uuid()).await.unwrap().unwrap();
    let rows = tx
        .sealed_records(m.initiative, RecordKind::QuestionnaireResponse, Some(m.questionnaire.as_uuid()))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert_eq!((row.created_at, row.updated_at), (questionnaire.created_at, questionnaire.created_at));
    }
    // Answering takes no identity at all, so there is none to keep: the use case's signature
    // is the guarantee. What the team reads back is keyed by card, and no card by person.
    let view = m.app.questionnaire_results(&m.convener, m.initiative, m.questionnaire).await.unwrap();
    let Results::Team { counts, .. } = view.results else { panic!("the team sees its own figures") };
    assert_eq!(counts.before, 3);
    m.store.cleanup().await;
}

#[tokio::test]
async fn a_card_answers_once_before_and_once_after() {
    let m = measured().await;
    let cards = m.cards(m.upper, 2).await;
    // Not open yet.
    assert!(matches!(
        m.answer(&cards[0], answers(50, 4, 4)).await,
        Err(AppError::AnswerRefused(AnswerRefusal::NotOpen))
    ));
    m.stage(Stage::Before).await;
    assert_eq!(m.answer(&cards[0], answers(50, 4, 4)).await.unwrap(), Timing::Before);
    assert!(matches!(
        m.answer(&cards[0], answers(90, 7, 7)).await,
        Err(AppError::AnswerRefused(AnswerRefusal::AlreadyAnswered))
    ));
    // The same code typed another way is the same card.
    let retyped = AnswerCode::parse(&cards[0].code.printed().to_lowercase().replace('-', " ")).unwrap();
    assert!(matches!(
        m.app.answer_questionnaire(m.questionnaire, &retyped, answers(90, 7, 7)).await,
        Err(AppError::AnswerRefused(AnswerRefusal::AlreadyAnswered))
    ));
    // Two answers racing with one code: exactly one is taken.
    let (a, b) = tokio::join!(m.answer(&cards[1], answers(10, 1, 1)), m.answer(&cards[1], answers(20, 2, 2)));
    assert_eq!([a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(), 1, "{a:?} {b:?}");
    m.stage(Stage::After).await;
    assert_eq!(m.answer(&cards[0], answers(70, 5, 5)).await.unwrap(), Timing::After);
    assert!(matches!(
        m.answer(&cards[0], answers(70, 5, 5)).await,
        Err(AppError::AnswerRefused(AnswerRefusal::AlreadyAnswered))
    ));
    m.stage(Stage::Closed).await;
    assert!(matches!(
        m.answer(&cards[1], answers(70, 5, 5)).await,
        Err(AppError::AnswerRefused(AnswerRefusal::NotOpen))
    ));
    let view = m.app.questionnaire_results(&m.convener, m.initiative, m.questionnaire).await.unwrap();
    let Results::Team { counts, .. } = view.results else { panic!("the team sees its own figures") };
    assert_eq!((counts.before, counts.after, counts.paired), (2, 1, 1));
    m.store.cleanup().await;
}

#[tokio::test]
async fn nobody_answers_without_a_card_of_this_questionnaire() {
    let m = measured().await;
    let cards = m.cards(m.upper, 1).await;
    m.stage(Stage::Before).await;
    // A made-up code, and a card of another questionnaire, open nothing.
    let made_up = AnswerCode::parse("0000-0000-0000-0000").unwrap();
    assert!(matches!(
        m.app.answer_questionnaire(m.questionnaire, &made_up, answers(50, 4, 4)).await,
        Err(AppError::Unauthenticated)
    ));
    let other = m
        .app
        .compose_questionnaire(&m.convener, m.initiative, Questionnaire::new(None, "Other", vec![ITEMS[0].into()]))
        .await
        .unwrap();
    m.app.set_questionnaire_stage(&m.convener, m.initiative, other, Stage::Before).await.unwrap();
    assert!(matches!(
        m.app.answer_questionnaire(other, &cards[0].code, [(ITEMS[0].to_owned(), 50)].into()).await,
        Err(AppError::Unauthenticated)
    ));
    // Answers off the scale, missing, or to an item not asked are refused, and nothing is kept.
    for bad in [answers(101, 4, 4), answers(50, 0, 4), [(ITEMS[0].to_owned(), 50)].into()] {
        assert!(matches!(m.answer(&cards[0], bad).await, Err(AppError::AnswerRefused(AnswerRefusal::Answers(_)))));
    }
    let mut extra = answers(50, 4, 4);
    extra.insert("compromise.willing".into(), 4);
    assert!(matches!(m.answer(&cards[0], extra).await, Err(AppError::AnswerRefused(AnswerRefusal::Answers(_)))));
    assert!(m.answer(&cards[0], answers(50, 4, 4)).await.is_ok(), "the card was not used up by refused answers");
    // A card's side is the card's: the answer counts under the side it was issued for.
    let view = m.app.questionnaire_results(&m.convener, m.initiative, m.questionnaire).await.unwrap();
    assert_eq!(view.questionnaire.card_sides(), vec![m.upper]);
    m.store.cleanup().await;
}

#[tokio::test]
async fn only_the_team_composes_and_issues_cards_and_none_in_a_secret_channel() {
    let m = measured().await;
    let world = crate::World { store: TestStore::sqlite().await, app: Arc::clone(&m.app) };
    for role in [MemberRole::Participant, MemberRole::Funder, MemberRole::Evaluator, MemberRole::Official] {
        let side = (role == MemberRole::Participant).then_some(m.upper);
        let who = world.member(&format!("{role:?}").to_lowercase(), m.initiative, role, side).await;
        let refused = m.app.issue_answer_cards(&who, m.initiative, m.questionnaire, m.upper, 1).await;
        assert!(matches!(refused, Err(AppError::Forbidden(_))), "{role:?}: {refused:?}");
        let refused = m.app.set_questionnaire_stage(&who, m.initiative, m.questionnaire, Stage::Before).await;
        assert!(matches!(refused, Err(AppError::Forbidden(_))), "{role:?}");
    }
    let secret = world.initiative("Back channel", true).await;
    let kh = Identity::key_holder();
    let side = m.app.add_side(&kh, secret, tracktwo_domain::NewSide { name: "North".into() }).await.unwrap().id;
    let q = m
        .app
        .compose_questionnaire(&kh, secret, Questionnaire::new(None, "Quiet", vec![ITEMS[0].into()]))
        .await
        .unwrap();
    let refused = m.app.issue_answer_cards(&kh, secret, q, side, 1).await;
    assert!(matches!(refused, Err(AppError::SecretChannel(Outward::AnswerCards))), "{refused:?}");
    m.store.cleanup().await;
}

#[tokio::test]
async fn a_funder_sees_no_cell_of_fewer_than_five() {
    let m = measured().await;
    let upper = m.cards(m.upper, 7).await;
    let lower = m.cards(m.lower, 3).await;
    let everyone: Vec<&IssuedCard> = upper.iter().chain(&lower).collect();
    m.answer_before_and_after(&everyone).await;
    let world = crate::World { store: TestStore::sqlite().await, app: Arc::clone(&m.app) };
    // The team sees every side, the small one with its p-value withheld for the typed reason.
    let team = m.app.questionnaire_results(&m.convener, m.initiative, m.questionnaire).await.unwrap();
    let Results::Team { constructs, .. } = &team.results else { panic!("the team sees its own figures") };
    let warmth = constructs.iter().find(|c| c.construct == tracktwo_domain::measures::Construct::Warmth).unwrap();
    assert_eq!(warmth.figures.all.people, 10);
    assert!(matches!(warmth.figures.all.figures.test, SignedRank::Tested(_)));
    assert_eq!(warmth.figures.sides[&m.lower].people, 3);
    assert!(matches!(warmth.figures.sides[&m.lower].figures.test, SignedRank::NotTested(_)));
    let change = warmth.figures.all.figures.change.as_ref().unwrap();
    // Warmth rose by 10 + i for card i: a mean of 14.5.
    assert!((change.mean_change - 14.5).abs() < 1e-12, "{}", change.mean_change);
    for role in [MemberRole::Funder, MemberRole::Evaluator] {
        let who = world.member(&format!("{role:?}").to_lowercase(), m.initiative, role, None).await;
        let view = m.app.questionnaire_results(&who, m.initiative, m.questionnaire).await.unwrap();
        let Results::Released { before, after, paired, constructs } = view.results else {
            panic!("{role:?} sees the figures only as released")
        };
        let released_people = |cell: &Cell<_>| cell.released().map(|r| r.people());
        for count in [&before, &after, &paired] {
            assert!(released_people(count).is_none_or(|n| n >= SMALLEST_RELEASED_CELL));
        }
        for construct in &constructs {
            let all = &construct.figures.all;
            assert!(all.released().is_some_and(|r| r.people() >= SMALLEST_RELEASED_CELL));
            assert!(construct.figures.sides[&m.lower].is_suppressed(), "three people: suppressed");
            // With one side suppressed, the other is withheld too: else it is the whole minus it.
            assert!(construct.figures.sides[&m.upper].is_suppressed(), "secondary suppression");
            for cell in construct.figures.sides.values().chain([all]) {
                if let Some(released) = cell.released() {
                    for count in released.value().reliable.values() {
                        assert!(count.released().is_none_or(|c| *c.value() >= SMALLEST_RELEASED_CELL));
                    }
                }
            }
        }
    }
    // Participants, observers and officials see no results at all.
    for role in [MemberRole::Participant, MemberRole::Observer, MemberRole::Official] {
        let side = (role == MemberRole::Participant).then_some(m.upper);
        let who = world.member(&format!("{role:?}-reader").to_lowercase(), m.initiative, role, side).await;
        let refused = m.app.questionnaire_results(&who, m.initiative, m.questionnaire).await;
        assert!(matches!(refused, Err(AppError::Forbidden(_))), "{role:?}");
    }
    m.store.cleanup().await;
}

#[tokio::test]
async fn an_indicator_import_is_all_or_nothing_and_names_the_line() {
    let m = measured().await;
    let good = "outcome,indicator,unit,baseline,target,period,actual,note\n\
                Officials take up options,Options raised,options,0,4,2025,1,March talks\n\
                Officials take up options,Options raised,options,0,4,2026,3,\n\
                Sides keep meeting,Joint meetings,meetings,0,6,,,\n";
    assert_eq!(m.app.import_indicators(&m.convener, m.initiative, good).await.unwrap(), 2);
    let exported = m.app.export_indicators(&m.convener, m.initiative).await.unwrap();
    let bad = "outcome,indicator,baseline,target,period,actual\nA,B,0,4,2025,1\nA,B,0,4,2025,2\n";
    match m.app.import_indicators(&m.convener, m.initiative, bad).await {
        Err(AppError::Import { record, .. }) => assert!(record.to_string().ends_with("line 3"), "{record}"),
        other => panic!("expected a refusal naming line 3, got {other:?}"),
    }
    assert_eq!(m.app.export_indicators(&m.convener, m.initiative).await.unwrap(), exported, "nothing of it was taken");
    let list: Vec<Indicator> =
        m.app.indicators(&m.convener, m.initiative).await.unwrap().into_iter().map(|(_, i)| i).collect();
    assert_eq!(tracktwo_interchange::write_indicators_csv(&list), exported);
    // A funder reads and exports the framework, and writes nothing to it.
    let world = crate::World { store: TestStore::sqlite().await, app: Arc::clone(&m.app) };
    let funder = world.member("funder", m.initiative, MemberRole::Funder, None).await;
    assert_eq!(m.app.export_indicators(&funder, m.initiative).await.unwrap(), exported);
    assert!(matches!(m.app.import_indicators(&funder, m.initiative, good).await, Err(AppError::Forbidden(_))));
    m.store.cleanup().await;
}
