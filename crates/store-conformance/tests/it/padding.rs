//! Sealed bodies are padded to size buckets before sealing, so what rests in the database does
//! not tell by its length how someone voted, or which of two short answers a note holds.

use std::collections::BTreeMap;
use std::sync::Arc;

use tracktwo_domain::conversation::{Conversation, ConversationMode, Vote};
use tracktwo_domain::{Channel, Identity, MemberRole, NewNote, NewUser, Scope};
use tracktwo_test_support::{Serin, TestStore, init_app, serin_with_two_sides};

pub async fn vote_bodies_are_one_length_whatever_the_vote(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let Serin { id, upper_vale, lowland_coast } = serin_with_two_sides(&app).await;
    let conversation = Conversation {
        title: "The river".into(),
        question: "What should happen to the Serin?".into(),
        mode: ConversationMode::Private,
        segments: Vec::new(),
        accepts_statements: false,
        seed: 3,
        closed: false,
    };
    let statements: Vec<String> = (0..12).map(|n| format!("Statement {n}")).collect();
    let c = app.create_conversation(&kh, id, conversation, &statements).await.unwrap();
    // Voters and statements into two digits and sequence numbers into three, so that the
    // records also differ in the width of their numbers.
    let mut cast = 0;
    for n in 0..12u32 {
        let user = app
            .create_user(&kh, NewUser { username: format!("voter{n}"), display_name: String::new(), is_admin: false })
            .await
            .unwrap();
        let side = if n % 2 == 0 { upper_vale } else { lowland_coast };
        app.add_member(&kh, id, user.id, MemberRole::Participant, Some(side)).await.unwrap();
        let who = Identity::user(user.id, false, Channel::Web);
        for statement in 0..12u32 {
            let vote = [Vote::Agree, Vote::Disagree, Vote::Pass][((n + statement) % 3) as usize];
            app.member_vote(&who, id, c, statement, vote).await.unwrap();
            cast += 1;
        }
    }
    let votes =
        t.raw_blobs(&format!("SELECT body FROM sealed_records WHERE initiative_id = '{id}' AND kind = 'vote'")).await;
    assert_eq!(votes.len(), cast, "every vote is one sealed record");
    let lengths: BTreeMap<usize, usize> = votes.iter().fold(BTreeMap::new(), |mut count, body| {
        *count.entry(body.len()).or_default() += 1;
        count
    });
    assert_eq!(lengths.len(), 1, "vote bodies of several lengths (length: how many): {lengths:?}");

    // Free text too: a yes and a no, or a short name and a longer one, rest as one length.
    for body in ["yes", "no", "The Lowland Coast cannot accept the second paragraph as drafted."] {
        app.add_note(&kh, id, NewNote { scope: Scope::Plenary, body: body.into() }).await.unwrap();
    }
    let notes = t.raw_blobs(&format!("SELECT body FROM notes WHERE initiative_id = '{id}'")).await;
    assert_eq!(notes.len(), 3);
    assert!(notes.iter().all(|n| n.len() == notes[0].len()), "note bodies of several lengths");
}
