//! Several servers on one store: two apps, each what one `tracktwo serve` holds, over their own
//! connections to the same database. Votes, voters, statements and moderation taken by either
//! reach the other's live results; voter numbers and vote order are given out once, whoever
//! takes them; sign-in failures spread over both count as on one; and, on PostgreSQL, each
//! change is announced to the other servers with identifiers and counters only.

use std::net::IpAddr;
use std::sync::Arc;

use tracktwo_app::conversations::{ConversationResults, NewLinks};
use tracktwo_app::{App, AppError, Origin};
use tracktwo_domain::campaign::CampaignLimits;
use tracktwo_domain::conversation::{Conversation, ConversationMode, StatementStatus, Vote};
use tracktwo_domain::{Channel, Identity, NewUser};
use tracktwo_store::StoreChange;
use tracktwo_test_support::{
    Serin, TestClock, TestStore, init_app_with_clock, open_app, open_app_with_clock, serin_with_two_sides,
};

const CANARY: &str = "canary-statement-5e0c";

fn consultation() -> Conversation {
    Conversation {
        title: "The river".into(),
        question: String::new(),
        mode: ConversationMode::Consultation,
        segments: Vec::new(),
        accepts_statements: true,
        seed: 3,
        closed: false,
    }
}

/// Voters, votes, and each statement's number, status, agrees, disagrees and votes seen.
type Tallies = (usize, u64, Vec<(u32, StatementStatus, u32, u32, u32)>);

/// What both servers must agree on: each statement's status and tallies, the voters and votes.
fn tallies(results: &ConversationResults) -> Tallies {
    let statements = results.statements.iter().map(|s| (s.number, s.status, s.agree, s.disagree, s.seen)).collect();
    (results.voters, results.votes, statements)
}

/// What a second server opens: connections of its own on PostgreSQL; on SQLite, whose one file
/// takes one writer (and one server: `serve` refuses a second), the same store.
async fn other_connections(t: &TestStore) -> Arc<dyn tracktwo_store::Store> {
    if t.is_postgres() { t.reopen().await } else { Arc::clone(&t.store) }
}

pub async fn two_servers_on_one_store_see_the_same_conversation(t: &TestStore) {
    let first = init_app_with_clock(Arc::clone(&t.store), TestClock::new()).await;
    let second = open_app(other_connections(t).await).await;
    let kh = Identity::key_holder();
    let Serin { id: i, upper_vale, lowland_coast } = serin_with_two_sides(&first).await;
    let statements: Vec<String> = (0..4).map(|n| format!("Statement {n} {CANARY}")).collect();
    let c = first.create_conversation(&kh, i, consultation(), &statements).await.unwrap();
    let limits = CampaignLimits { voter_cap: 12, per_address: 12 };
    let link = first.create_invitations(&kh, i, c, NewLinks::Campaign(limits), "Hall").await.unwrap().remove(0);
    // Both servers hold the conversation before anything else happens, so each must follow
    // the other's writes rather than read them on loading.
    assert_eq!(tallies(&first.conversation_results(&kh, i, c).await.unwrap()).0, 0);
    assert_eq!(tallies(&second.conversation_results(&kh, i, c).await.unwrap()).0, 0);

    // Voters join through both, alternately: each gets a number of their own.
    let mut passes = Vec::new();
    for n in 0u8..10 {
        let server = if n % 2 == 0 { &first } else { &second };
        let side = if n % 2 == 0 { upper_vale } else { lowland_coast };
        passes.push(server.join(&link.pass, Some(side), None, IpAddr::from([127, 0, 9, n])).await.unwrap());
    }
    // The link's cap counts both servers' voters: two more fit, the third does not.
    second.join(&link.pass, None, None, IpAddr::from([127, 0, 9, 100])).await.unwrap();
    first.join(&link.pass, None, None, IpAddr::from([127, 0, 9, 101])).await.unwrap();
    assert!(matches!(
        second.join(&link.pass, None, None, IpAddr::from([127, 0, 9, 102])).await,
        Err(AppError::JoinRefused(_))
    ));

    // Every voter votes on every statement through either server, concurrently.
    let mut votes = Vec::new();
    for (n, pass) in passes.iter().enumerate() {
        for statement in 0..4u32 {
            let server: &App = if (n + statement as usize).is_multiple_of(2) { &first } else { &second };
            let vote = if (n as u32 + statement).is_multiple_of(3) { Vote::Disagree } else { Vote::Agree };
            votes.push(server.voter_vote(pass, statement, vote));
        }
    }
    for outcome in futures_util::future::join_all(votes).await {
        outcome.unwrap();
    }
    // A proposal through one, moderated through the other.
    second.voter_propose(&passes[0], "Share the water in dry years").await.unwrap();
    first.moderate_statement(&kh, i, c, 4, StatementStatus::Accepted, false).await.unwrap();
    second.voter_vote(&passes[1], 4, Vote::Agree).await.unwrap();

    let on_first = tallies(&first.conversation_results(&kh, i, c).await.unwrap());
    let on_second = tallies(&second.conversation_results(&kh, i, c).await.unwrap());
    assert_eq!(on_first, on_second);
    assert_eq!(on_first.0, 12);
    assert_eq!(on_first.1, 41);
    assert_eq!(on_first.2[4], (4, StatementStatus::Accepted, 1, 0, 1));

    // And as stored: a third server loading it from scratch sees the same, in the same order.
    let third = open_app(other_connections(t).await).await;
    assert_eq!(tallies(&third.conversation_results(&kh, i, c).await.unwrap()), on_first);
    let export = third.export_conversation(&kh, i, c).await.unwrap();
    let mut seqs: Vec<u64> = export.votes.iter().map(|v| v.seq).collect();
    let count = seqs.len();
    seqs.sort_unstable();
    seqs.dedup();
    assert_eq!(seqs.len(), count, "two votes were given the same place in the order");
}

/// On PostgreSQL each change is announced on commit to the other servers of the same schema,
/// with identifiers and a position only; a server hearing it catches up at once. SQLite has no
/// one to tell: a second server on its file is refused by `serve`.
pub async fn changes_are_announced_to_the_other_servers(t: &TestStore) {
    let first = init_app_with_clock(Arc::clone(&t.store), TestClock::new()).await;
    let other_store = other_connections(t).await;
    let mut feed = other_store.change_feed().await.unwrap();
    assert_eq!(feed.is_some(), t.is_postgres());
    let second = open_app(other_store).await;
    let kh = Identity::key_holder();
    let Serin { id: i, upper_vale, .. } = serin_with_two_sides(&first).await;
    let c = first.create_conversation(&kh, i, consultation(), &[format!("One {CANARY}")]).await.unwrap();
    let link = first.create_invitations(&kh, i, c, NewLinks::Personal { count: 1 }, "One").await.unwrap().remove(0);
    // The second server holds the conversation, as it would once a voter reached it.
    let pass = second.join(&link.pass, Some(upper_vale), None, IpAddr::from([127, 0, 0, 1])).await.unwrap();
    first.voter_vote(&pass, 0, Vote::Agree).await.unwrap();
    let Some(feed) = feed.as_mut() else { return };
    let mut heard = Vec::new();
    while heard.len() < 3 {
        let change = tokio::time::timeout(std::time::Duration::from_secs(10), feed.next()).await.unwrap().unwrap();
        assert!(!change.to_payload().contains(CANARY));
        heard.push(change);
    }
    let conversation = c.as_uuid();
    assert_eq!(
        heard,
        [1, 2, 3].map(|position| StoreChange::Conversation { conversation, position }),
        "the link, the voter, the vote"
    );
    // The vote taken by the first reaches the second's engine as soon as it hears of it.
    second.store_changed(heard[2]).await.unwrap();
    let ballot = second.voter_ballot(&pass).await.unwrap();
    assert_eq!(ballot.answered, 1);
}

/// A voter's pace holds across servers: votes taken by one spend the voter's bucket on the
/// other, which hears of them, and on a server that loads the conversation afterwards. The clock
/// stands still, so no bucket refills during the test.
pub async fn a_voters_pace_holds_across_servers(t: &TestStore) {
    let clock = TestClock::new();
    let first = init_app_with_clock(Arc::clone(&t.store), clock.clone()).await;
    let second = open_app_with_clock(other_connections(t).await, clock.clone()).await;
    let kh = Identity::key_holder();
    let Serin { id: i, upper_vale, .. } = serin_with_two_sides(&first).await;
    let statements: Vec<String> = (0..3).map(|n| format!("Statement {n} {CANARY}")).collect();
    let c = first.create_conversation(&kh, i, consultation(), &statements).await.unwrap();
    let link = first.create_invitations(&kh, i, c, NewLinks::Personal { count: 1 }, "One").await.unwrap().remove(0);
    let pass = second.join(&link.pass, Some(upper_vale), None, IpAddr::from([127, 0, 0, 1])).await.unwrap();
    // Both hold the conversation and the voter before any vote.
    second.voter_ballot(&pass).await.unwrap();
    first.voter_ballot(&pass).await.unwrap();

    let taken = votes_until_held_back(&first, &pass, 1_000).await;
    assert!(taken >= 2, "the first server took only {taken} votes");
    // On the second, the voter's bucket is as empty: at most the one vote that reaches the
    // store (where the second hears of the others) before the next is refused.
    let on_second = votes_until_held_back(&second, &pass, taken).await;
    assert!(on_second <= 1, "the second server took {on_second} more votes after the first took {taken}");
    // A server that loads the conversation now holds the voter to the same pace.
    let third = open_app_with_clock(other_connections(t).await, clock.clone()).await;
    assert!(matches!(third.voter_vote(&pass, 0, Vote::Pass).await, Err(AppError::RateLimited { .. })));
    // Once the bucket has refilled, every server takes the voter's votes again.
    clock.advance(time::Duration::seconds(60));
    for server in [&first, &second, &third] {
        server.voter_vote(&pass, 1, Vote::Pass).await.unwrap();
    }
}

/// A campaign link's pace of joins holds across servers: a hall's worth of joins through one
/// server leaves no fresh burst on the other. The clock stands still.
pub async fn a_campaign_links_pace_of_joins_holds_across_servers(t: &TestStore) {
    let clock = TestClock::new();
    let first = init_app_with_clock(Arc::clone(&t.store), clock.clone()).await;
    let second = open_app_with_clock(other_connections(t).await, clock.clone()).await;
    let kh = Identity::key_holder();
    let Serin { id: i, .. } = serin_with_two_sides(&first).await;
    let c = first.create_conversation(&kh, i, consultation(), &[format!("One {CANARY}")]).await.unwrap();
    let limits = CampaignLimits { voter_cap: 10_000, per_address: 1 };
    let link = first.create_invitations(&kh, i, c, NewLinks::Campaign(limits), "Hall").await.unwrap().remove(0);
    // Both hold the conversation before anyone joins.
    first.conversation_results(&kh, i, c).await.unwrap();
    second.conversation_results(&kh, i, c).await.unwrap();
    let joined = joins_until_held_back(&first, &link.pass, 0, 5_000).await;
    // The second takes at most the one join that reaches the store, where it hears of the rest.
    let on_second = joins_until_held_back(&second, &link.pass, joined, joined).await;
    assert!(on_second <= 1, "the second server took {on_second} more joins after the first took {joined}");
}

/// Joins through `server`, each from an address of its own from the `from`th on, until the link
/// holds joins back; how many it took (at most `most`).
async fn joins_until_held_back(
    server: &App,
    link: &tracktwo_app::conversations::VoterPass,
    from: u32,
    most: u32,
) -> u32 {
    for taken in 0..most {
        let n = from + taken;
        match server.join(link, None, None, IpAddr::from([10, (n >> 16) as u8, (n >> 8) as u8, n as u8])).await {
            Ok(_) => {}
            Err(AppError::RateLimited { .. }) => return taken,
            Err(e) => panic!("join {n}: {e}"),
        }
    }
    panic!("{most} joins went through without the link holding joins back");
}

/// Votes through `server` until the voter is held back; how many it took (at most `most`).
async fn votes_until_held_back(server: &App, pass: &tracktwo_app::conversations::VoterPass, most: u32) -> u32 {
    for taken in 0..most {
        let vote = if taken % 2 == 0 { Vote::Agree } else { Vote::Disagree };
        match server.voter_vote(pass, taken % 3, vote).await {
            Ok(_) => {}
            Err(AppError::RateLimited { .. }) => return taken,
            Err(e) => panic!("vote {taken}: {e}"),
        }
    }
    panic!("{most} votes went through without the voter being held back");
}

/// Wrong passwords spread over two servers are throttled as on one: the sixth attempt from the
/// same origin at the same account waits, whichever server it reaches.
pub async fn sign_in_failures_spread_over_two_servers_count_as_on_one(t: &TestStore) {
    let clock = TestClock::new();
    let first = init_app_with_clock(Arc::clone(&t.store), clock.clone()).await;
    let second = open_app_with_clock(other_connections(t).await, clock.clone()).await;
    let kh = Identity::key_holder();
    let account = NewUser { username: "amara".into(), display_name: String::new(), is_admin: false };
    first.create_user_with_password(&kh, account, "correct horse battery staple").await.unwrap();
    let guesser = Origin::new("198.51.100.66");
    let servers = [&first, &second];
    for attempt in 0..5 {
        let outcome = servers[attempt % 2].sign_in("amara", "wrong password!", None, Channel::Web, &guesser).await;
        assert!(matches!(outcome, Err(AppError::SignInRefused)), "attempt {attempt}: {outcome:?}");
    }
    for server in servers {
        let outcome = server.sign_in("amara", "correct horse battery staple", None, Channel::Web, &guesser).await;
        assert!(matches!(outcome, Err(AppError::RateLimited { .. })), "{outcome:?}");
    }
    // The owner, elsewhere, is held back on neither.
    let owner = Origin::new("203.0.113.5");
    for server in servers {
        server.sign_in("amara", "correct horse battery staple", None, Channel::Web, &owner).await.unwrap();
    }
    // Once the wait has passed, the right password goes through either.
    clock.advance(time::Duration::seconds(2));
    second.sign_in("amara", "correct horse battery staple", None, Channel::Web, &guesser).await.unwrap();
}

/// Someone who can write to the database deletes the shared failure records: the server still
/// remembers the failures it saw itself, so the guesser waits as before.
pub async fn deleting_the_shared_failures_does_not_reset_a_servers_own_count(t: &TestStore) {
    let clock = TestClock::new();
    let app = init_app_with_clock(Arc::clone(&t.store), clock.clone()).await;
    let kh = Identity::key_holder();
    let account = NewUser { username: "amara".into(), display_name: String::new(), is_admin: false };
    app.create_user_with_password(&kh, account, "correct horse battery staple").await.unwrap();
    let guesser = Origin::new("198.51.100.66");
    for attempt in 0..8 {
        clock.advance(time::Duration::seconds(120));
        let outcome = app.sign_in("amara", "wrong password!", None, Channel::Web, &guesser).await;
        assert!(matches!(outcome, Err(AppError::SignInRefused)), "attempt {attempt}: {outcome:?}");
    }
    t.execute_raw("DELETE FROM sign_in_failures").await;
    let outcome = app.sign_in("amara", "correct horse battery staple", None, Channel::Web, &guesser).await;
    assert!(matches!(outcome, Err(AppError::RateLimited { .. })), "{outcome:?}");
}
