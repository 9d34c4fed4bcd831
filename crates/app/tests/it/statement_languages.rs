//! A conversation's statements in several languages: the team records the language a statement
//! was written in and enters its translations; voters read them in their ballot; nobody outside
//! the team may change them, and a second server over the same store reads them as written.

use tracktwo_app::AppError;
use tracktwo_domain::conversation::{Conversation, ConversationMode, StatementLanguages, StatementStatus};
use tracktwo_domain::negotiating_text::Language;
use tracktwo_domain::{Identity, MemberRole, NewSide};
use tracktwo_test_support::open_app;

use crate::World;

fn conversation() -> Conversation {
    Conversation {
        title: "The river".into(),
        question: "What should happen to the Serin?".into(),
        mode: ConversationMode::Private,
        segments: Vec::new(),
        accepts_statements: true,
        seed: 3,
        closed: false,
    }
}

fn tag(text: &str) -> Language {
    Language::parse(text).unwrap()
}

fn translated(pairs: &[(&str, &str)]) -> StatementLanguages {
    StatementLanguages {
        original: Some(tag("en")),
        translations: pairs.iter().map(|(language, text)| (tag(language), (*text).to_owned())).collect(),
    }
}

#[tokio::test]
async fn the_team_translates_statements_voters_read_them_and_nobody_else_may_change_them() {
    let w = World::new().await;
    let kh = Identity::key_holder();
    let i = w.initiative("Serin", false).await;
    let side = w.app.add_side(&kh, i, NewSide { name: "Upper Vale".into() }).await.unwrap().id;
    let convener = w.member("convener", i, MemberRole::Convener, None).await;
    let facilitator = w.member("facilitator", i, MemberRole::Facilitator, None).await;
    let participant = w.member("participant", i, MemberRole::Participant, Some(side)).await;
    let funder = w.member("funder", i, MemberRole::Funder, None).await;
    let evaluator = w.member("evaluator", i, MemberRole::Evaluator, None).await;
    let statements = ["Flow data should be published weekly".to_owned(), "The ferry should run again".to_owned()];
    let c = w.app.create_conversation(&convener, i, conversation(), &statements).await.unwrap();

    // The team enters translations; an empty one is none, and each is trimmed.
    let entered = StatementLanguages {
        original: Some(tag("en")),
        translations: [
            (tag("fr"), "  Les données de débit devraient être publiées chaque semaine ".to_owned()),
            (tag("ru"), "   ".to_owned()),
        ]
        .into(),
    };
    w.app.set_statement_languages(&convener, i, c, 0, entered).await.unwrap();
    w.app
        .set_statement_languages(&facilitator, i, c, 1, translated(&[("ar", "ينبغي أن تعود العبّارة إلى العمل")]))
        .await
        .unwrap();
    let stored = w.app.statement_languages(&convener, i, c, 0).await.unwrap();
    assert_eq!(stored.text, statements[0], "the statement as written is unchanged");
    assert_eq!(stored.languages, translated(&[("fr", "Les données de débit devraient être publiées chaque semaine")]));

    // Nobody outside the team changes or reads them for translating, whatever they send.
    for outsider in [participant, funder, evaluator] {
        let refused = w.app.set_statement_languages(&outsider, i, c, 0, translated(&[("fr", "Autre chose")])).await;
        assert!(matches!(refused, Err(AppError::Forbidden(_))), "{refused:?}");
        assert!(matches!(w.app.statement_languages(&outsider, i, c, 0).await, Err(AppError::Forbidden(_))));
    }
    assert_eq!(w.app.statement_languages(&convener, i, c, 0).await.unwrap().languages, stored.languages);

    // A translation is checked as a statement is, and none is in the original's language.
    for bad in [translated(&[("fr", "deux\nlignes")]), translated(&[("en", "The same language")])] {
        assert!(matches!(w.app.set_statement_languages(&convener, i, c, 0, bad).await, Err(AppError::Invalid(_))));
    }
    assert!(matches!(
        w.app.set_statement_languages(&convener, i, c, 9, translated(&[("fr", "Rien")])).await,
        Err(AppError::NotFound)
    ));

    // The participant's ballot carries the statement with its languages.
    let next = w.app.member_ballot(&participant, i, c).await.unwrap().next.unwrap();
    let expected = w.app.statement_languages(&convener, i, c, next.number).await.unwrap();
    assert_eq!((next.text, next.languages), (expected.text, expected.languages));

    // A translation goes with its statement's moderation: moderated out, it is shown nowhere.
    w.app.moderate_statement(&convener, i, c, 0, StatementStatus::Rejected, false).await.unwrap();
    w.app.moderate_statement(&convener, i, c, 1, StatementStatus::Rejected, false).await.unwrap();
    assert!(w.app.member_ballot(&participant, i, c).await.unwrap().next.is_none());
    w.app.moderate_statement(&convener, i, c, 0, StatementStatus::Accepted, false).await.unwrap();
    assert_eq!(w.app.statement_languages(&convener, i, c, 0).await.unwrap().languages, stored.languages);

    // Another server over the same store reads them as stored; the results carry them.
    let other = open_app(w.store.reopen().await).await;
    let results = other.conversation_results(&convener, i, c).await.unwrap();
    assert_eq!(results.statements[0].languages, stored.languages);
    assert_eq!(results.statements[1].languages, translated(&[("ar", "ينبغي أن تعود العبّارة إلى العمل")]));
}

#[tokio::test]
async fn translations_import_from_csv_all_of_them_or_none_and_only_by_the_team() {
    let w = World::new().await;
    let i = w.initiative("Serin", false).await;
    let convener = w.member("convener", i, MemberRole::Convener, None).await;
    let funder = w.member("funder", i, MemberRole::Funder, None).await;
    let statements = ["One".to_owned(), "Two".to_owned(), "Three".to_owned()];
    let c = w.app.create_conversation(&convener, i, conversation(), &statements).await.unwrap();

    let csv = "statement,original,ar,fr\n0,en,واحد,Un\n2,en, ثلاثة ,\n";
    assert_eq!(w.app.import_statement_translations(&convener, i, c, csv).await.unwrap(), 2);
    let app = &w.app;
    let languages = async |n: u32| app.statement_languages(&convener, i, c, n).await.unwrap().languages;
    assert_eq!(languages(0).await, translated(&[("ar", "واحد"), ("fr", "Un")]));
    assert_eq!(languages(1).await, StatementLanguages::default(), "a statement the file leaves out is unchanged");
    assert_eq!(languages(2).await, translated(&[("ar", "ثلاثة")]));

    // A problem on any line changes nothing, and names the line.
    for (bad, line) in [
        ("statement,fr\n1,Deux\n9,Neuf\n", "line 3"),
        ("statement,fr\n1,Deux\n0,\"deux\nlignes\"\n", "line 3"),
        ("statement,original,en\n1,en,Two\n", "line 2"),
    ] {
        match w.app.import_statement_translations(&convener, i, c, bad).await {
            Err(AppError::Import { record, .. }) => assert!(record.to_string().ends_with(line), "{record}"),
            other => panic!("{bad}: {other:?}"),
        }
    }
    assert_eq!(languages(1).await, StatementLanguages::default());

    // Someone outside the team is refused before the file is read: a file that cannot be read
    // says nothing to them.
    let refused = w.app.import_statement_translations(&funder, i, c, "not,a\nfile").await;
    assert!(matches!(refused, Err(AppError::Forbidden(_))), "{refused:?}");
}
