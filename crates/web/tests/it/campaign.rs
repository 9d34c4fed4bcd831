//! A capped campaign link over HTTP: the voter past the cap and the address past its share are
//! refused with a clear 4xx, through the API and the join form alike, and the team's page counts
//! the link's voters. Each client is a router answering as if from its own address.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::connect_info::MockConnectInfo;
use axum::http::{StatusCode, header};
use tracktwo_domain::Identity;
use tracktwo_domain::campaign::CampaignLimits;

use tracktwo_web::{WebState, router};

use crate::{body_text, get, hidden_csrf, json_post, post, send, set_cookie, sign_in, world};

#[tokio::test]
async fn a_capped_link_refuses_the_voter_past_its_cap_and_one_address_past_its_share() {
    let w = world().await;
    let kh = Identity::key_holder();
    let initiative = w.initiative.parse().unwrap();
    let (c, link) =
        crate::consultation_with_campaign_link(&w, 1, CampaignLimits { voter_cap: 3, per_address: 2 }).await;
    let state = Arc::new(WebState::new(Arc::clone(&w.app), false));
    let from =
        |last: u8| router(Arc::clone(&state)).layer(MockConnectInfo(SocketAddr::from(([127, 0, 9, last], 5000))));
    let join = format!("/api/v1/invitations/{}/voters", link.pass.expose());

    // One address: two voters, then 429 without a time to come back.
    let one = from(1);
    for _ in 0..2 {
        assert_eq!(send(&one, json_post(&join, "", "{}")).await.status(), StatusCode::CREATED);
    }
    let third = send(&one, json_post(&join, "", "{}")).await;
    assert_eq!(third.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(third.headers().get(header::RETRY_AFTER).is_none(), "no wait lets this address join again");
    // Another address takes the last place; after it the link is full for everyone.
    assert_eq!(send(&from(2), json_post(&join, "", "{}")).await.status(), StatusCode::CREATED);
    assert_eq!(send(&from(3), json_post(&join, "", "{}")).await.status(), StatusCode::FORBIDDEN);

    // The join form says so in a page, and the welcome page offers no form.
    let fresh = from(4);
    let welcome = send(&fresh, get(&format!("/join/{}", link.pass.expose()), "")).await;
    assert_eq!(welcome.status(), StatusCode::OK);
    let presession = set_cookie(&welcome, "tracktwo_presession").unwrap().split(';').next().unwrap().to_owned();
    let page = body_text(welcome).await;
    assert!(!page.contains("name=\"csrf\""), "a full link's welcome page offers no join form");
    let csrf = tracktwo_app::csrf_token(presession.split('=').nth(1).unwrap());
    let refused =
        send(&fresh, post(&format!("/join/{}", link.pass.expose()), &presession, &format!("csrf={csrf}"))).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(set_cookie(&refused, "tracktwo_ballot").is_none(), "a refused join holds no ballot");
    assert!(body_text(refused).await.contains("<h1>"), "a page, not a bare status");

    // The team sees the link's three voters and its limits, and may raise them.
    let cookie = sign_in(&w, "convener").await;
    let path = format!("/initiatives/{initiative}/conversations/{c}");
    let team = body_text(send(&w.router, get(&path, &cookie)).await).await;
    assert!(team.contains(&format!("/invitations/{}/limits", link.id)), "a form to change the limits");
    let results = w.app.conversation_results(&kh, initiative, c).await.unwrap();
    assert_eq!((results.voters, results.links[0].voters), (3, 3));
    let csrf = hidden_csrf(&team);
    let set = send(
        &w.router,
        post(
            &format!("{path}/invitations/{}/limits", link.id),
            &cookie,
            &format!("csrf={csrf}&voter_cap=4&per_address=2"),
        ),
    )
    .await;
    assert_eq!(set.status(), StatusCode::SEE_OTHER);
    assert_eq!(send(&from(3), json_post(&join, "", "{}")).await.status(), StatusCode::CREATED);
    let bad = send(
        &w.router,
        post(
            &format!("{path}/invitations/{}/limits", link.id),
            &cookie,
            &format!("csrf={csrf}&voter_cap=4&per_address=9"),
        ),
    )
    .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY, "more per address than the cap");
    w.store.cleanup().await;
}
