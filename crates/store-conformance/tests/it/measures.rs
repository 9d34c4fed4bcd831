//! Answer cards on both backends: answers are paired by card, a card answers once at each time
//! even when two answers race (the store's primary key decides), a code never rests in the
//! database, and answer bodies are one length whatever the answers.

use std::collections::BTreeMap;
use std::sync::Arc;

use tracktwo_app::AppError;
use tracktwo_app::measures::{AnswerRefusal, Results};
use tracktwo_domain::Identity;
use tracktwo_domain::questionnaire::{Questionnaire, Stage};
use tracktwo_test_support::{Serin, TestStore, init_app, serin_with_two_sides};

pub async fn answer_cards_pair_answers_and_answer_once(t: &TestStore) {
    let app = Arc::new(init_app(Arc::clone(&t.store)).await);
    let kh = Identity::key_holder();
    let Serin { id, upper_vale, lowland_coast } = serin_with_two_sides(&app).await;
    let items = vec!["warmth.thermometer".to_owned(), "compromise.willing".to_owned()];
    let q = app.compose_questionnaire(&kh, id, Questionnaire::new(None, "Round one", items.clone())).await.unwrap();
    let mut cards = app.issue_answer_cards(&kh, id, q, upper_vale, 4).await.unwrap();
    cards.extend(app.issue_answer_cards(&kh, id, q, lowland_coast, 4).await.unwrap());
    let answers = |warmth: u8, compromise: u8| -> BTreeMap<String, u8> {
        items.iter().cloned().zip([warmth, compromise]).collect()
    };
    app.set_questionnaire_stage(&kh, id, q, Stage::Before).await.unwrap();
    // Every card answers twice at once: one answer is taken, the other refused.
    for (i, card) in cards.iter().enumerate() {
        let warmth = u8::try_from(i * 9).unwrap();
        let (a, b) = tokio::join!(
            app.answer_questionnaire(q, &card.code, answers(warmth, 3)),
            app.answer_questionnaire(q, &card.code, answers(100 - warmth, 5)),
        );
        let taken = [&a, &b].iter().filter(|r| r.is_ok()).count();
        assert_eq!(taken, 1, "card {i}: {a:?} {b:?}");
        for refused in [a, b].into_iter().filter_map(Result::err) {
            assert!(matches!(refused, AppError::AnswerRefused(AnswerRefusal::AlreadyAnswered)), "{refused:?}");
        }
    }
    app.set_questionnaire_stage(&kh, id, q, Stage::After).await.unwrap();
    for card in cards.iter().take(6) {
        app.answer_questionnaire(q, &card.code, answers(77, 6)).await.unwrap();
    }
    let view = app.questionnaire_results(&kh, id, q).await.unwrap();
    let Results::Team { counts, constructs } = view.results else { panic!("the key holder sees the team's figures") };
    assert_eq!((counts.before, counts.after, counts.paired), (8, 6, 6));
    assert!(constructs.iter().all(|c| c.figures.all.people == 6));
    // No code rests anywhere, in any spelling a card shows.
    let codes: Vec<String> = cards.iter().flat_map(|c| [c.code.printed(), c.code.printed().replace('-', "")]).collect();
    for (what, bytes) in &t.bytes_at_rest().await {
        let text = String::from_utf8_lossy(bytes);
        for code in &codes {
            assert!(!text.contains(code.as_str()), "a card's code rests in {what}");
        }
    }
    let bodies = t
        .raw_blobs(&format!(
            "SELECT body FROM sealed_records WHERE initiative_id = '{id}' AND kind = 'questionnaire-response'"
        ))
        .await;
    assert_eq!(bodies.len(), 14);
    let lengths: std::collections::BTreeSet<usize> = bodies.iter().map(Vec::len).collect();
    assert_eq!(lengths.len(), 1, "answer bodies of several lengths: {lengths:?}");
}
