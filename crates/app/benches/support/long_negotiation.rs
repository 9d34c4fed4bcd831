//! A negotiating text the size of a long negotiation, in a real store: 300 clauses, about
//! 40,000 words, 200 versions deep, with 100 comments in plenary and in a caucus. Shared by the
//! application's benchmark and the web's.

use std::collections::BTreeSet;

use tracktwo_app::App;
use tracktwo_app::negotiating_text::NewText;
use tracktwo_domain::dialogue::ConfidentialityMode;
use tracktwo_domain::negotiating_text::{ClauseId, Language, TextId};
use tracktwo_domain::{Identity, InitiativeId, MemberRole, NewInitiative, NewSide, Scope, UserId};

#[path = "../../../domain/benches/support/one_text.rs"]
mod one_text;

/// The initiative and its text, `reader` a participant of its first side and `facilitator` its
/// facilitator.
pub async fn long_negotiation(app: &App, reader: UserId, facilitator: UserId) -> (InitiativeId, TextId) {
    let kh = Identity::key_holder();
    let new = NewInitiative { title: "Long negotiation".into(), description: String::new(), secret_channel: false };
    let initiative = app.create_initiative(&kh, new, None).await.unwrap().id;
    let side = app.add_side(&kh, initiative, NewSide { name: "North".into() }).await.unwrap().id;
    app.add_side(&kh, initiative, NewSide { name: "South".into() }).await.unwrap();
    app.add_member(&kh, initiative, reader, MemberRole::Participant, Some(side)).await.unwrap();
    app.add_member(&kh, initiative, facilitator, MemberRole::Facilitator, None).await.unwrap();
    let new = NewText {
        title: "Framework for a settlement".into(),
        round: None,
        mode: ConfidentialityMode::ChathamHouse,
        authoritative: Language::parse("en").unwrap(),
        sides: BTreeSet::new(),
    };
    let text = app.create_text(&kh, initiative, new).await.unwrap();
    let history = one_text::history(200);
    let clauses: Vec<ClauseId> = history[199].clauses().map(|c| c.id).collect();
    for draft in history {
        app.commit_version(&kh, initiative, text, Language::parse("en").unwrap(), draft).await.unwrap();
    }
    // Some of what a long negotiation gathers around its text.
    let reader = Identity::user(reader, false, tracktwo_domain::Channel::Web);
    for n in 0..100u32 {
        let clause = clauses[usize::try_from(n).unwrap() * 7 % clauses.len()];
        let scope = if n % 3 == 0 { Scope::Caucus(side) } else { Scope::Plenary };
        app.comment_on_text(&reader, initiative, text, clause, scope, format!("Comment {n} on the clause."), None)
            .await
            .unwrap();
    }
    (initiative, text)
}
