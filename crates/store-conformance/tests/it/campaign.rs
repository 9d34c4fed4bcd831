//! Campaign links under their limits, through the use cases: the voter cap, the per-address
//! limit (an IPv6 /64 counted as one client), the cap kept across a reopen, the limits changed by
//! the team, and each link's voters and bursts on the results.

use std::net::IpAddr;
use std::sync::Arc;

use tracktwo_app::AppError;
use tracktwo_app::conversations::NewLinks;
use tracktwo_domain::campaign::{CampaignLimits, JoinRefusal};
use tracktwo_domain::conversation::{Conversation, ConversationMode};
use tracktwo_domain::{Identity, ValidationError};
use tracktwo_test_support::{
    Serin, TestClock, TestStore, init_app, init_app_with_clock, open_app, serin_with_two_sides,
};

fn consultation() -> Conversation {
    Conversation {
        title: "The river".into(),
        question: String::new(),
        mode: ConversationMode::Consultation,
        segments: Vec::new(),
        accepts_statements: false,
        seed: 1,
        closed: false,
    }
}

fn address(text: &str) -> IpAddr {
    text.parse().unwrap()
}

fn refused(outcome: Result<impl std::fmt::Debug, AppError>) -> JoinRefusal {
    match outcome {
        Err(AppError::JoinRefused(refusal)) => refusal,
        other => panic!("expected a refused join, got {other:?}"),
    }
}

pub async fn a_capped_campaign_link_refuses_the_voter_past_its_cap_and_one_address_past_its_limit(t: &TestStore) {
    let app = init_app(Arc::clone(&t.store)).await;
    let kh = Identity::key_holder();
    let Serin { id: i, upper_vale, .. } = serin_with_two_sides(&app).await;
    let c = app.create_conversation(&kh, i, consultation(), &["Share the water".into()]).await.unwrap();
    let limits = CampaignLimits { voter_cap: 5, per_address: 2 };
    let link = app.create_invitations(&kh, i, c, NewLinks::Campaign(limits), "Forwarded").await.unwrap().remove(0);

    // One address makes two voters and no more; another address still joins.
    for _ in 0..2 {
        app.join(&link.pass, Some(upper_vale), None, address("127.0.1.1")).await.unwrap();
    }
    let third = app.join(&link.pass, Some(upper_vale), None, address("127.0.1.1")).await;
    assert_eq!(refused(third), JoinRefusal::AddressLimit { limit: 2 });
    // An IPv6 /64 is one client, whichever of its addresses it takes.
    app.join(&link.pass, None, None, address("2001:db8:7:1::a")).await.unwrap();
    app.join(&link.pass, None, None, address("2001:db8:7:1:ffff::b")).await.unwrap();
    assert_eq!(
        refused(app.join(&link.pass, None, None, address("2001:db8:7:1::c")).await),
        JoinRefusal::AddressLimit { limit: 2 }
    );
    // The fifth voter is the cap; the sixth is refused from any address.
    app.join(&link.pass, None, None, address("127.0.1.2")).await.unwrap();
    for fresh in ["127.0.1.3", "127.0.1.1", "2001:db8:9::1"] {
        assert_eq!(refused(app.join(&link.pass, None, None, address(fresh)).await), JoinRefusal::LinkFull { cap: 5 });
    }
    assert!(app.welcome(&link.pass).await.unwrap().full, "the link says it is full before anyone tries");

    // The results count the link's voters and what it refused.
    let results = app.conversation_results(&kh, i, c).await.unwrap();
    assert_eq!(results.voters, 5);
    let view = results.links.iter().find(|l| l.id == link.id).unwrap();
    assert_eq!((view.voters, view.refused_address, view.refused_full), (5, 2, 3));
    assert_eq!(view.invitation.limits, Some(limits));
    assert_eq!(view.burst, None, "five joins are no burst");

    // The cap counts stored voters, so it holds after a restart.
    let app = open_app(t.reopen().await).await;
    assert_eq!(refused(app.join(&link.pass, None, None, address("127.0.2.1")).await), JoinRefusal::LinkFull { cap: 5 });
    // The team raises it: one more voter, then full again.
    let raised = CampaignLimits { voter_cap: 6, per_address: 2 };
    app.set_campaign_limits(&kh, i, c, link.id, raised).await.unwrap();
    app.join(&link.pass, None, None, address("127.0.2.1")).await.unwrap();
    assert_eq!(refused(app.join(&link.pass, None, None, address("127.0.2.2")).await), JoinRefusal::LinkFull { cap: 6 });
    let results = app.conversation_results(&kh, i, c).await.unwrap();
    let view = results.links.iter().find(|l| l.id == link.id).unwrap();
    assert_eq!((view.voters, view.invitation.limits), (6, Some(raised)), "the limits are stored");

    // Limits out of range are refused, on a personal link too, and change nothing.
    for bad in [CampaignLimits { voter_cap: 0, per_address: 0 }, CampaignLimits { voter_cap: 3, per_address: 4 }] {
        let outcome = app.set_campaign_limits(&kh, i, c, link.id, bad).await;
        assert!(matches!(outcome, Err(AppError::Invalid(ValidationError::Invalid { .. }))), "{bad:?}");
        let made = app.create_invitations(&kh, i, c, NewLinks::Campaign(bad), "Bad").await;
        assert!(matches!(made, Err(AppError::Invalid(_))), "{bad:?}");
    }
    let personal = app.create_invitations(&kh, i, c, NewLinks::Personal { count: 1 }, "Delegate").await.unwrap();
    let outcome = app.set_campaign_limits(&kh, i, c, personal[0].id, raised).await;
    assert!(matches!(outcome, Err(AppError::Invalid(_))), "a personal link has no cap");
    let results = app.conversation_results(&kh, i, c).await.unwrap();
    assert_eq!(results.links.len(), 2, "no link was made by a refused request");
    assert_eq!(results.links.iter().find(|l| l.id == link.id).unwrap().invitation.limits, Some(raised));
}

pub async fn a_burst_of_joins_through_one_link_is_flagged_on_the_results(t: &TestStore) {
    // A clock that stands still: every join is at the same instant, whatever the machine's speed.
    let app = init_app_with_clock(Arc::clone(&t.store), TestClock::new()).await;
    let kh = Identity::key_holder();
    let Serin { id: i, .. } = serin_with_two_sides(&app).await;
    let c = app.create_conversation(&kh, i, consultation(), &["Share the water".into()]).await.unwrap();
    let hall = CampaignLimits { voter_cap: 100, per_address: 100 };
    let flooded = app.create_invitations(&kh, i, c, NewLinks::Campaign(hall), "Flooded").await.unwrap().remove(0);
    let quiet = app.create_invitations(&kh, i, c, NewLinks::Campaign(hall), "Quiet").await.unwrap().remove(0);
    for n in 0..40u8 {
        app.join(&flooded.pass, None, None, IpAddr::from([127, 0, 3, n])).await.unwrap();
    }
    for n in 0..3u8 {
        app.join(&quiet.pass, None, None, IpAddr::from([127, 0, 4, n])).await.unwrap();
    }
    let results = app.conversation_results(&kh, i, c).await.unwrap();
    let view = |id| results.links.iter().find(|l| l.id == id).unwrap();
    let burst = view(flooded.id).burst.expect("forty joins at once are a burst");
    assert_eq!((view(flooded.id).voters, burst.joins), (40, 40));
    assert_eq!(view(quiet.id).voters, 3);
    assert_eq!(view(quiet.id).burst, None);
}
