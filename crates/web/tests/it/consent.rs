//! Consent over HTTP: the meeting form seats a person of the map and records their consent in
//! the same step; a refusal entered through the registry form takes them off the meeting page
//! and the summary of every member outside the team on the next request.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use tracktwo_domain::dialogue::{ConfidentialityMode, Meeting, Round, Session};
use tracktwo_domain::map::{ActorDetails, ActorKind, Level, Track};
use tracktwo_domain::{Identity, MemberRole, NewUser, Scope};

use crate::{PASSWORD, body_text, form_value, get, hidden_csrf, post, send, sign_in, world};

/// A name no page holds otherwise.
const NAME: &str = "Zorvath Quillame";

#[tokio::test]
async fn a_refusal_entered_in_the_registry_takes_the_person_off_every_page_outside_the_team() {
    let w = world().await;
    let kh = Identity::key_holder();
    let i: tracktwo_domain::InitiativeId = w.initiative.parse().unwrap();
    let mut token = String::new();
    for (name, role) in [("official", MemberRole::Official), ("observer", MemberRole::Observer)] {
        let user = NewUser { username: name.into(), display_name: String::new(), is_admin: false };
        let id = w.app.create_user_with_password(&kh, user, PASSWORD).await.unwrap().id;
        w.app.add_member(&kh, i, id, role, None).await.unwrap();
        if role == MemberRole::Official {
            token = w.app.create_token(&kh, id, "api").await.unwrap().secret;
        }
    }
    let side = w.side_a.parse().unwrap();
    let details = ActorDetails {
        kind: ActorKind::Person,
        name: Some(NAME.into()),
        code_name: "UV-01".into(),
        primary_track: Track::Research,
        tracks: std::collections::BTreeSet::new(),
        level: Level::MiddleRange,
        side: Some(side),
        role: String::new(),
        decision_maker: false,
        notes: String::new(),
        public_description: String::new(),
        unplaced: std::collections::BTreeSet::new(),
    };
    let actor = w.app.add_actor(&kh, i, details).await.unwrap().id;
    let round = w.app.add_round(&kh, i, Round { number: 1, title: "One".into(), starts_on: None, ends_on: None });
    let mode = ConfidentialityMode::OnTheRecord;
    let meeting = Meeting {
        round: round.await.unwrap(),
        title: "Workshop".into(),
        starts_on: time::macros::date!(2025 - 04 - 20),
        ends_on: None,
        venue: String::new(),
        mode,
        sessions: vec![Session { title: "Plenary".into(), scope: Scope::Plenary, mode }],
        attendance: Vec::new(),
        agenda: Vec::new(),
        stage_reached: None,
        cleared: std::collections::BTreeSet::new(),
    };
    let m = w.app.add_meeting(&kh, i, meeting).await.unwrap();
    let page = format!("/initiatives/{i}/meetings/{m}");

    // The convener seats them from the map: without consent answers, the form is refused; with
    // them, the registry records them in the same step.
    let convener = sign_in(&w, "convener").await;
    let csrf = hidden_csrf(&body_text(send(&w.router, get(&page, &convener)).await).await);
    let seat = format!("csrf={csrf}&actor={actor}&name=&organisation=&side=&capacity=non-official");
    let refused = send(&w.router, post(&format!("{page}/attendance"), &convener, &seat)).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(refused).await.contains("consent is not recorded"));
    let answers = "&record_consent=yes&contacted=given&listed=given&recorded_under_code=given&photographed=not-asked";
    let seated = send(&w.router, post(&format!("{page}/attendance"), &convener, &format!("{seat}{answers}"))).await;
    assert_eq!(seated.status(), StatusCode::SEE_OTHER);
    let note = format!("csrf={csrf}&session=0&speaker=A1&body={}&tag=need", form_value(&format!("{NAME} opened it")));
    assert_eq!(send(&w.router, post(&format!("{page}/notes"), &convener, &note)).await.status(), StatusCode::SEE_OTHER);

    let readers = ["official", "observer", "tarek", "mira"];
    let mut cookies = Vec::new();
    for reader in readers {
        cookies.push((reader, sign_in(&w, reader).await));
    }
    let seen = |html: &str| html.contains("Zorvath") || html.contains("Quillame");
    // Before: they consented and the meeting is on the record, so the notes name them to every
    // reader, and the attendee list to all but another side's participant who did not attend.
    for (reader, cookie) in &cookies {
        let html = body_text(send(&w.router, get(&page, cookie)).await).await;
        assert!(seen(&html), "{reader} before the refusal");
        let listed =
            html.split("id=\"attendees\"").nth(1).is_some_and(|list| seen(list.split("</table>").next().unwrap_or("")));
        assert_eq!(listed, *reader != "mira", "{reader}'s attendee list");
    }

    // The official's API answer lists them too.
    let api = format!("/api/v1/initiatives/{i}/meetings/{m}/summary");
    let bearer = |uri: &str| {
        Request::builder()
            .uri(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&body_text(send(&w.router, bearer(&api)).await).await).unwrap();
    assert_eq!(json["attendees"][0]["name"], NAME, "{json}");

    // The refusal, through the registry form.
    let registry = format!("/initiatives/{i}/registry/{actor}");
    let csrf = hidden_csrf(&body_text(send(&w.router, get(&registry, &convener)).await).await);
    let form = format!(
        "csrf={csrf}&capacity=non-official&contacted=given&listed=refused&recorded_under_code=given&photographed=not-asked"
    );
    assert_eq!(send(&w.router, post(&registry, &convener, &form)).await.status(), StatusCode::SEE_OTHER);

    for (reader, cookie) in &cookies {
        for uri in [page.clone(), format!("{page}/summary")] {
            let response = send(&w.router, get(&uri, cookie)).await;
            assert_eq!(response.status(), StatusCode::OK);
            assert!(!seen(&body_text(response).await), "{reader} still sees them at {uri}");
        }
    }
    let answer = send(&w.router, bearer(&api)).await;
    assert_eq!(answer.status(), StatusCode::OK);
    let text = body_text(answer).await;
    assert!(!seen(&text), "the API still names them: {text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["attendees"].as_array().map(Vec::len), Some(0), "{json}");
    let html = body_text(send(&w.router, get(&page, &convener)).await).await;
    assert!(seen(&html), "the team still sees them");
    let audit = body_text(send(&w.router, get(&format!("/initiatives/{i}/audit"), &convener)).await).await;
    assert!(audit.contains("registry.consent-withdrawn"), "the refusal is audited");
}
