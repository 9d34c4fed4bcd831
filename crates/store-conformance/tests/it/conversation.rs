//! Conversations through the use cases: a private workshop conversation counted by side, a
//! consultation through invitation links with concurrent voters, moderation, rate limits,
//! durability across a reopen, Pol.is export and import, and nothing readable at rest.

use std::sync::Arc;

use tracktwo_app::AppError;
use tracktwo_app::conversations::{NewLinks, VoterPass};
use tracktwo_app::polis_format::{PolisImportError, read_import, write_export_file};
use tracktwo_domain::campaign::CampaignLimits;
use tracktwo_domain::conversation::{Conversation, ConversationMode, StatementLanguages, StatementStatus, Vote};
use tracktwo_domain::negotiating_text::Language;
use tracktwo_domain::{Channel, Identity, MemberRole, NewInitiative, NewUser};
use tracktwo_test_support::{Serin, TestClock, TestStore, init_app_with_clock, open_app, serin_with_two_sides};

/// A hall's campaign link: everyone in it behind one connection.
const HALL: CampaignLimits = CampaignLimits { voter_cap: 500, per_address: 100 };
const LOOPBACK: std::net::IpAddr = std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

const QUESTION_CANARY: &str = "canary-question-7d1f";
const STATEMENT_CANARY: &str = "canary-statement-93ab";
const TRANSLATION_CANARY: &str = "canary-translation-5e2c";

fn conversation(mode: ConversationMode) -> Conversation {
    Conversation {
        title: "The river".into(),
        question: format!("What should happen to the Serin? {QUESTION_CANARY}"),
        mode,
        segments: vec!["Upstream".into(), "Downstream".into()],
        accepts_statements: true,
        seed: 7,
        closed: false,
    }
}

fn statements() -> Vec<String> {
    vec![
        format!("Flow data should be published weekly {STATEMENT_CANARY}"),
        "The dam should be dismantled".into(),
        "Fishing quotas should be lifted".into(),
        "A joint commission should meet every month".into(),
        "Compensation should go to farmers".into(),
        "Tourism should be promoted on both banks".into(),
    ]
}

pub async fn conversations_find_common_ground_across_sides(t: &TestStore) {
    let clock = TestClock::new();
    let app = init_app_with_clock(Arc::clone(&t.store), clock.clone()).await;
    let kh = Identity::key_holder();
    let Serin { id: i, upper_vale: vale, lowland_coast: coast } = serin_with_two_sides(&app).await;
    let mut participants = Vec::new();
    let mut named = std::collections::HashMap::new();
    for n in 0..16 {
        let (role, side) = match n {
            0 => (MemberRole::Convener, None),
            1 => (MemberRole::Official, None),
            n if n % 2 == 0 => (MemberRole::Participant, Some(vale)),
            _ => (MemberRole::Participant, Some(coast)),
        };
        let user = app
            .create_user(&kh, NewUser { username: format!("person{n}"), display_name: String::new(), is_admin: false })
            .await
            .unwrap();
        app.add_member(&kh, i, user.id, role, side).await.unwrap();
        let identity = Identity::user(user.id, false, Channel::Web);
        named.insert(n, identity);
        if role == MemberRole::Participant {
            participants.push((identity, side == Some(vale)));
        }
    }
    let convener = named[&0];
    let official = named[&1];

    // A private conversation: the participants vote, each under their side.
    let private =
        app.create_conversation(&convener, i, conversation(ConversationMode::Private), &statements()).await.unwrap();
    for (who, is_vale) in &participants {
        let mut answered = 0;
        while let Some(next) = app.member_ballot(who, i, private).await.unwrap().next {
            // Both sides support 3 (the commission); they split on 1 and 2; 0 is Vale's alone.
            let vote = match (next.number, is_vale) {
                (3, _) => Vote::Agree,
                (0 | 1, true) | (2, false) => Vote::Agree,
                (4 | 5, _) => Vote::Pass,
                _ => Vote::Disagree,
            };
            app.member_vote(who, i, private, next.number, vote).await.unwrap();
            answered += 1;
        }
        assert_eq!(answered, 6, "every statement is routed to each participant once");
    }
    let results = app.conversation_results(&convener, i, private).await.unwrap();
    assert_eq!(results.voters, 14);
    assert_eq!(results.votes, 14 * 6);
    let sizes: Vec<u32> = results.sides.iter().map(|(_, _, size)| *size).collect();
    assert_eq!(sizes, vec![7, 7], "each participant counts under their side");
    assert_eq!(results.common_ground.first(), Some(&3), "the commission is common ground: {:?}", results.common_ground);
    let commission = &results.statements[3];
    assert!(commission.per_side.iter().all(|s| s.agree == 7 && s.seen == 7));
    assert!(results.statements[1].side_common_ground.unwrap() < commission.side_common_ground.unwrap());
    assert!(!results.groups.is_empty(), "opinion groups are found");

    // Who may do what.
    let (participant, _) = participants[0];
    assert!(matches!(app.conversation_results(&participant, i, private).await, Err(AppError::Forbidden(_))));
    assert!(matches!(app.conversation_results(&official, i, private).await, Err(AppError::Forbidden(_))));
    assert!(matches!(app.member_vote(&convener, i, private, 0, Vote::Agree).await, Err(AppError::Forbidden(_))));
    let listed = app.conversations(&participant, i).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(app.conversations(&official, i).await.unwrap().is_empty());

    // A consultation: concurrent voters through one campaign link, votes group-committed.
    let consultation = app
        .create_conversation(&convener, i, conversation(ConversationMode::Consultation), &statements())
        .await
        .unwrap();
    assert!(app.conversations(&participant, i).await.unwrap().len() == 1, "consultations are the team's to list");
    let link = app
        .create_invitations(&convener, i, consultation, NewLinks::Campaign(HALL), "Town halls")
        .await
        .unwrap()
        .remove(0)
        .pass;
    let welcome = app.welcome(&link).await.unwrap();
    assert_eq!(welcome.sides.len(), 2);
    let app = Arc::new(app);
    let mut voters = Vec::new();
    for n in 0..30 {
        let side = if n % 2 == 0 { Some(vale) } else { Some(coast) };
        let segment = if n % 3 == 0 { Some("Upstream") } else { None };
        voters.push(app.join(&link, side, segment, LOOPBACK).await.unwrap());
    }
    let distinct: std::collections::HashSet<&str> = voters.iter().map(VoterPass::expose).collect();
    assert_eq!(distinct.len(), 30, "a campaign link makes a new voter each time");
    let mut tasks = Vec::new();
    for (n, pass) in voters.iter().enumerate() {
        let app = Arc::clone(&app);
        let pass = pass.clone();
        tasks.push(tokio::spawn(async move {
            for statement in 0..6u32 {
                let vote =
                    if statement == 3 || (n % 2 == 0) == (statement % 2 == 0) { Vote::Agree } else { Vote::Disagree };
                app.voter_vote(&pass, statement, vote).await.unwrap();
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let results = app.conversation_results(&convener, i, consultation).await.unwrap();
    assert_eq!(results.votes, 180, "no accepted vote is lost");
    assert_eq!(results.common_ground.first(), Some(&3));
    assert!(app.voter_ballot(&voters[0]).await.unwrap().next.is_none());

    // A later vote replaces the earlier one.
    app.voter_vote(&voters[0], 3, Vote::Disagree).await.unwrap();
    let results = app.conversation_results(&convener, i, consultation).await.unwrap();
    assert_eq!((results.statements[3].agree, results.statements[3].disagree), (29, 1));

    // Proposals wait for moderation, then reach the ballot.
    app.voter_propose(&voters[1], "Both banks should share the cost").await.unwrap();
    assert!(app.voter_ballot(&voters[1]).await.unwrap().next.is_none(), "a pending statement is not shown");
    let results = app.conversation_results(&convener, i, consultation).await.unwrap();
    let proposed = results.statements.iter().find(|s| s.status == StatementStatus::Pending).unwrap().number;
    app.moderate_statement(&convener, i, consultation, proposed, StatementStatus::Accepted, false).await.unwrap();
    assert_eq!(app.voter_ballot(&voters[1]).await.unwrap().next.map(|s| s.number), Some(proposed));
    assert!(app.voter_propose(&voters[1], "x\ny").await.is_err(), "a statement is one line");

    // A burst beyond a person's pace is refused, and allowed again as time passes.
    let pass = &app.join(&link, None, None, LOOPBACK).await.unwrap();
    let mut refused = 0;
    for _ in 0..25 {
        if let Err(AppError::RateLimited { seconds }) = app.voter_vote(pass, 0, Vote::Pass).await {
            assert!(seconds >= 1);
            refused += 1;
        }
    }
    assert_eq!(refused, 5, "twenty at once, no more");
    clock.advance(time::Duration::seconds(2));
    app.voter_vote(pass, 0, Vote::Agree).await.unwrap();

    // A personal link is its holder's ballot, and stops when revoked; credentials that are not
    // ours open nothing.
    let personal =
        app.create_invitations(&convener, i, consultation, NewLinks::Personal { count: 2 }, "Delegate").await.unwrap();
    let holder = app.join(&personal[0].pass, None, None, LOOPBACK).await.unwrap();
    assert_eq!(holder, personal[0].pass);
    assert_eq!(app.join(&personal[0].pass, None, None, LOOPBACK).await.unwrap(), holder, "the same person again");
    app.voter_vote(&holder, 1, Vote::Agree).await.unwrap();
    app.revoke_invitation(&convener, i, consultation, personal[0].id).await.unwrap();
    assert!(matches!(app.voter_ballot(&holder).await, Err(AppError::Unauthenticated)));
    assert!(matches!(app.welcome(&personal[0].pass).await, Err(AppError::NotFound)));
    assert!(matches!(app.voter_ballot(&VoterPass::new("not a credential")).await, Err(AppError::Unauthenticated)));
    let forged = format!("{}{}", consultation.as_uuid().simple(), "0".repeat(64));
    assert!(matches!(app.voter_ballot(&VoterPass::new(&forged)).await, Err(AppError::Unauthenticated)));
    assert!(matches!(app.join(&VoterPass::new(&forged), None, None, LOOPBACK).await, Err(AppError::NotFound)));
    assert!(
        app.join(&personal[1].pass, None, Some("Nowhere"), LOOPBACK).await.is_err(),
        "segments are the conversation's"
    );

    // A closed conversation takes no votes.
    app.set_conversation_closed(&convener, i, consultation, true).await.unwrap();
    assert!(matches!(app.voter_vote(&voters[3], 0, Vote::Agree).await, Err(AppError::Invalid(_))));
    app.set_conversation_closed(&convener, i, consultation, false).await.unwrap();

    // The team translates a statement; the translation is sealed with it, and only the team
    // may change it.
    let languages = StatementLanguages {
        original: Some(Language::parse("en").unwrap()),
        translations: [(Language::parse("fr").unwrap(), format!("Une commission conjointe {TRANSLATION_CANARY}"))]
            .into(),
    };
    app.set_statement_languages(&convener, i, consultation, 3, languages.clone()).await.unwrap();
    for outsider in [participant, official] {
        assert!(matches!(
            app.set_statement_languages(&outsider, i, consultation, 3, StatementLanguages::default()).await,
            Err(AppError::Forbidden(_))
        ));
    }
    let personal_voter = app.join(&personal[1].pass, None, None, LOOPBACK).await.unwrap();
    let mut ballot = app.voter_ballot(&personal_voter).await.unwrap();
    while let Some(number) = ballot.next.as_ref().map(|s| s.number).filter(|&n| n != 3) {
        ballot = app.voter_vote(&personal_voter, number, Vote::Pass).await.unwrap();
    }
    assert_eq!(ballot.next.map(|s| s.languages), Some(languages.clone()), "the voter's ballot carries them");

    // Everything survives a reopen: the votes, the voters' credentials, the moderation.
    let before = app.conversation_results(&convener, i, consultation).await.unwrap();
    let reopened = open_app(t.reopen().await).await;
    let after = reopened.conversation_results(&convener, i, consultation).await.unwrap();
    assert_eq!(after.votes, before.votes);
    assert_eq!(after.voters, before.voters);
    assert_eq!(after.statements, before.statements);
    assert_eq!(after.statements[3].languages, languages, "translations survive a reopen");
    assert_eq!(reopened.voter_ballot(&voters[1]).await.unwrap().answered, 6);

    // Pol.is export and import: the same votes and statements come back.
    let export = reopened.export_conversation(&convener, i, consultation).await.unwrap();
    let comments = write_export_file(&export, "comments.csv").unwrap();
    let votes = write_export_file(&export, "votes.csv").unwrap();
    let sides = String::from_utf8(write_export_file(&export, "sides.csv").unwrap()).unwrap();
    assert!(sides.contains("Upper Vale") && sides.contains("Lowland Coast"));
    // participants-votes.csv carries the groups the results page shows, one row per voter.
    let wide = String::from_utf8(write_export_file(&export, "participants-votes.csv").unwrap()).unwrap();
    let mut sizes = vec![0u32; after.groups.len()];
    for row in wide.lines().skip(1) {
        if let Ok(group) = row.split(',').nth(1).unwrap().parse::<usize>() {
            sizes[group] += 1;
        }
    }
    assert_eq!(sizes, after.groups.iter().map(|g| g.size).collect::<Vec<_>>(), "{wide}");
    let summary = String::from_utf8(write_export_file(&export, "summary.csv").unwrap()).unwrap();
    assert!(summary.contains(&format!("\ngroups,{}\n", after.groups.len())), "{summary}");
    let import = read_import("Imported", &comments, &votes).unwrap();
    assert_eq!(import.statements.len(), 7);
    let imported = reopened.import_conversation(&convener, i, import).await.unwrap();
    let copy = reopened.conversation_results(&convener, i, imported).await.unwrap();
    let tallies = |r: &tracktwo_app::conversations::ConversationResults| {
        r.statements.iter().map(|s| (s.agree, s.disagree, s.seen)).collect::<Vec<_>>()
    };
    assert_eq!(tallies(&copy), tallies(&after));
    let mut bad = votes.clone();
    bad.extend_from_slice(b"1,,99,1,1\n");
    let error = read_import("Bad", &comments, &bad).unwrap_err();
    assert!(matches!(error, PolisImportError::NoSuchComment { comment: 99, .. }), "{error:?}");
    assert!(matches!(
        reopened.import_conversation(&participant, i, read_import("x", &comments, &votes).unwrap()).await,
        Err(AppError::Forbidden(_))
    ));

    // A secret channel opens no anonymous links.
    let secret = reopened
        .create_initiative(
            &convener,
            NewInitiative { title: "Back channel".into(), description: String::new(), secret_channel: true },
            None,
        )
        .await
        .unwrap()
        .id;
    let refused =
        reopened.create_conversation(&convener, secret, conversation(ConversationMode::Consultation), &[]).await;
    assert!(matches!(refused, Err(AppError::SecretChannel(tracktwo_app::Outward::Consultation))));

    // Nothing of it rests in plaintext.
    for (file, bytes) in t.bytes_at_rest().await {
        for canary in [
            QUESTION_CANARY,
            STATEMENT_CANARY,
            TRANSLATION_CANARY,
            "Both banks should share the cost",
            "Town halls",
            "Upstream",
        ] {
            assert!(!bytes.windows(canary.len()).any(|w| w == canary.as_bytes()), "{canary} in {file}");
        }
    }
}
