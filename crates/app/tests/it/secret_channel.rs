//! A secret channel stays closed: no consultation, no imported Pol.is export, no invitation
//! link and no readout for the public, by any use case; and a link that reached one before
//! imports were refused there opens nothing. Each refusal is checked beside the same request in
//! an ordinary initiative, which goes through, so the secrecy is what refuses it.

use std::collections::BTreeSet;
use std::sync::Arc;

use time::macros::date;
use tracktwo_app::conversations::{NewLinks, VoterPass};
use tracktwo_app::{AppError, Outward};
use tracktwo_domain::campaign::CampaignLimits;
use tracktwo_domain::conversation::{Conversation, ConversationMode, Vote};
use tracktwo_domain::dialogue::{AgendaItem, ConfidentialityMode, Meeting, Round, Session};
use tracktwo_domain::transfer::{Audience, Readout};
use tracktwo_domain::{Identity, InitiativeId, MeetingId, MemberRole, Scope};
use tracktwo_test_support::open_app;

use crate::World;

const CAMPAIGN: NewLinks = NewLinks::Campaign(CampaignLimits::PROPOSED);
const LOOPBACK: std::net::IpAddr = std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

const COMMENTS: &str = "comment-id,comment-body\n0,Share the river data\n1,Meet again in spring\n";
const VOTES: &str = "timestamp,datetime,comment-id,voter-id,vote\n1,,0,5,1\n2,,1,5,-1\n3,,0,6,1\n";

fn conversation(mode: ConversationMode) -> Conversation {
    Conversation {
        title: "The river".into(),
        question: "What should happen to the Serin?".into(),
        mode,
        segments: Vec::new(),
        accepts_statements: true,
        seed: 3,
        closed: false,
    }
}

fn refused_as(result: Result<impl std::fmt::Debug, AppError>, way: Outward) {
    match result {
        Err(AppError::SecretChannel(refused)) => assert_eq!(refused, way),
        other => panic!("expected the secret channel to refuse {way:?}, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_conversation_faces_outward_from_a_secret_channel() {
    let w = World::new().await;
    let secret = w.initiative("Back channel", true).await;
    let ordinary = w.initiative("Serin", false).await;
    let convener = w.member("convener", secret, MemberRole::Convener, None).await;
    w.member("convener", ordinary, MemberRole::Convener, None).await;
    let kh = Identity::key_holder();

    for who in [convener, kh] {
        // Opening a consultation.
        let opened = w.app.create_conversation(&who, secret, conversation(ConversationMode::Consultation), &[]).await;
        refused_as(opened, Outward::Consultation);
        // Importing a Pol.is export, pasted in the workspace: refused before its files are read,
        // so a broken file says nothing either.
        let pasted = w.app.import_polis_export(&who, secret, "Imported", COMMENTS.as_bytes(), VOTES.as_bytes()).await;
        refused_as(pasted, Outward::PolisImport);
        let broken = w.app.import_polis_export(&who, secret, "Imported", b"not,a\ncomments file", b"").await;
        refused_as(broken, Outward::PolisImport);
        // Importing one read elsewhere (the command line), whatever mode it was given.
        let mut import =
            tracktwo_app::polis_format::read_import("Imported", COMMENTS.as_bytes(), VOTES.as_bytes()).unwrap();
        import.conversation.mode = ConversationMode::Private;
        refused_as(w.app.import_conversation(&who, secret, import).await, Outward::PolisImport);
    }
    assert!(w.app.conversations(&convener, secret).await.unwrap().is_empty(), "a refused door let something in");

    // Links: a private conversation may be held in a secret channel, but no link is made to it.
    let private =
        w.app.create_conversation(&convener, secret, conversation(ConversationMode::Private), &[]).await.unwrap();
    let links = w.app.create_invitations(&convener, secret, private, NewLinks::Personal { count: 2 }, "table").await;
    refused_as(links, Outward::InvitationLinks);

    // The same requests in an ordinary initiative go through.
    let consultation =
        w.app.create_conversation(&convener, ordinary, conversation(ConversationMode::Consultation), &[]).await;
    let links = w.app.create_invitations(&convener, ordinary, consultation.unwrap(), CAMPAIGN, "x");
    assert_eq!(links.await.unwrap().len(), 1);
    w.app.import_polis_export(&convener, ordinary, "Imported", COMMENTS.as_bytes(), VOTES.as_bytes()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_that_reached_a_secret_channel_opens_nothing() {
    // Born at format 1: the store is rewritten below as a tracktwo of then could have left it.
    let w = World::of_format_1().await;
    let initiative = w.initiative("Back channel", false).await;
    let kh = Identity::key_holder();
    let consultation = w
        .app
        .create_conversation(&kh, initiative, conversation(ConversationMode::Consultation), &["Share data".into()])
        .await
        .unwrap();
    let issued = w.app.create_invitations(&kh, initiative, consultation, CAMPAIGN, "x").await;
    let link = VoterPass::new(issued.unwrap()[0].pass.expose());
    let voter = w.app.join(&link, None, None, LOOPBACK).await.unwrap();
    w.app.voter_vote(&voter, 0, Vote::Agree).await.unwrap();

    // The initiative is a secret channel now, as one that took an import before imports were
    // refused there. (No use case turns a channel secret: the store is rewritten as an older
    // version could have left it, and the next opening seals it as it stands.)
    let secret = format!("UPDATE initiatives SET secret_channel = TRUE WHERE id = '{initiative}'");
    w.store.rewrite_as_format_1(&[&secret]).await;
    let app = Arc::new(open_app(Arc::clone(&w.store.store)).await);

    // The link answers as a link never made; the voter's credential as one never issued.
    assert!(matches!(app.welcome(&link).await, Err(AppError::NotFound)));
    assert!(matches!(app.join(&link, None, None, LOOPBACK).await, Err(AppError::NotFound)));
    assert!(matches!(app.voter_ballot(&voter).await, Err(AppError::Unauthenticated)));
    assert!(matches!(app.voter_vote(&voter, 0, Vote::Disagree).await, Err(AppError::Unauthenticated)));
    assert!(matches!(app.voter_propose(&voter, "Meet again").await, Err(AppError::Unauthenticated)));
    // And the team makes no more links to it.
    let links = app.create_invitations(&kh, initiative, consultation, CAMPAIGN, "y").await;
    refused_as(links, Outward::InvitationLinks);
    // Still readable by the team: the channel is closed, not lost.
    assert_eq!(app.conversation_results(&kh, initiative, consultation).await.unwrap().votes, 1);
}

fn readout_for(audience: Audience, meeting: MeetingId) -> Readout {
    Readout { cover: "Cover.".into(), meetings: vec![meeting], ..Readout::draft("What the round found", audience) }
}

async fn a_meeting(w: &World, initiative: InitiativeId) -> MeetingId {
    let kh = Identity::key_holder();
    let round = Round { number: 1, title: "One".into(), starts_on: None, ends_on: None };
    let round = w.app.add_round(&kh, initiative, round).await.unwrap();
    let mode = ConfidentialityMode::ChathamHouse;
    let meeting = Meeting {
        round,
        title: "Workshop".into(),
        starts_on: date!(2025 - 04 - 20),
        ends_on: None,
        venue: "Brenna".into(),
        mode,
        sessions: vec![Session { title: "Plenary".into(), scope: Scope::Plenary, mode }],
        attendance: Vec::new(),
        agenda: vec![AgendaItem { title: "Stage 1".into(), done: false }],
        stage_reached: None,
        cleared: BTreeSet::new(),
    };
    w.app.add_meeting(&kh, initiative, meeting).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secret_channel_sends_no_readout_to_the_public() {
    // Born at format 1: the store is rewritten below as a tracktwo of then could have left it.
    let w = World::of_format_1().await;
    let kh = Identity::key_holder();
    let secret = w.initiative("Back channel", true).await;
    let convener = w.member("convener", secret, MemberRole::Convener, None).await;
    let meeting = a_meeting(&w, secret).await;

    let public = w.app.create_readout(&convener, secret, readout_for(Audience::Public, meeting)).await;
    refused_as(public, Outward::PublicReadout);
    // A readout for Track One goes through, and its copies to named recipients in the ledger.
    let official = w.app.create_readout(&convener, secret, readout_for(Audience::TrackOneOfficial, meeting)).await;
    let official = official.unwrap();
    let turned_public = w.app.update_readout(&convener, secret, official, readout_for(Audience::Public, meeting)).await;
    refused_as(turned_public, Outward::PublicReadout);
    w.app.review_readout(&convener, secret, official).await.unwrap();
    w.app.release_readout(&convener, secret, official).await.unwrap();
    w.app.issue_copy(&convener, secret, official, "Ministry adviser", "by hand", date!(2025 - 05 - 02)).await.unwrap();

    // Readouts for the public drafted and released before the initiative was a secret channel
    // (set beneath the port, as no use case turns one secret) are neither released nor copied.
    let ordinary = w.initiative("Serin", false).await;
    let meeting = a_meeting(&w, ordinary).await;
    let drafted = w.app.create_readout(&kh, ordinary, readout_for(Audience::Public, meeting)).await.unwrap();
    w.app.review_readout(&kh, ordinary, drafted).await.unwrap();
    let released = w.app.create_readout(&kh, ordinary, readout_for(Audience::Public, meeting)).await.unwrap();
    w.app.review_readout(&kh, ordinary, released).await.unwrap();
    w.app.release_readout(&kh, ordinary, released).await.unwrap();
    w.app.issue_copy(&kh, ordinary, released, "Press office", "email", date!(2025 - 05 - 02)).await.unwrap();
    let secret = format!("UPDATE initiatives SET secret_channel = TRUE WHERE id = '{ordinary}'");
    w.store.rewrite_as_format_1(&[&secret]).await;
    let app = open_app(Arc::clone(&w.store.store)).await;
    refused_as(app.release_readout(&kh, ordinary, drafted).await, Outward::PublicReadout);
    let copy = app.issue_copy(&kh, ordinary, released, "Newspaper", "email", date!(2025 - 05 - 03)).await;
    refused_as(copy, Outward::PublicReadout);
}
