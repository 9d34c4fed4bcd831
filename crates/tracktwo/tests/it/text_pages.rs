//! The negotiating text over HTTP, on the demo, as every role meets it: who may open its pages
//! and its API answers at all, that a caucus's words reach its side and the team and nobody
//! else (a canary comment and suggestion in the Upper Vale's caucus, searched for in every text
//! page and API answer each member can reach), that the forms need the session's anti-CSRF
//! token, and that a participant cannot write a version.

use std::collections::{BTreeSet, VecDeque};

use serde_json::Value;

use crate::browser::{Demo, start_demo};
use crate::http::{Answer, hidden_csrf, request, sign_in};

const CANARY_COMMENT: &str = "Kestrel caucus canary: our red line is the gauge at Orrin";
const CANARY_RATIONALE: &str = "Heron caucus canary: the ministry will never accept";
const CANARY_WORDING: &str = "Plover caucus canary wording";

async fn get(demo: &Demo, path: &str, session: &str) -> Answer {
    request("GET", &format!("{}{path}", demo.base), &[("cookie", session)], Vec::new()).await
}

async fn api(demo: &Demo, path: &str, user: &str) -> Answer {
    let bearer = format!("Bearer {}", demo.tokens[user]);
    request("GET", &format!("{}{path}", demo.base), &[("authorization", &bearer)], Vec::new()).await
}

async fn post(demo: &Demo, path: &str, session: &str, fields: &[(&str, &str)]) -> Answer {
    let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
    let headers = [("cookie", session), ("content-type", "application/x-www-form-urlencoded")];
    request("POST", &format!("{}{path}", demo.base), &headers, body).await
}

/// Every `href` of a page, fragments dropped.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&").split('#').next().unwrap_or_default().to_owned())
        .filter(|href| !href.is_empty())
        .collect()
}

/// The initiative holding the demo's negotiating text, and the text, as the facilitator finds them.
pub(crate) async fn the_text(demo: &Demo) -> (String, String) {
    let initiatives: Value = serde_json::from_str(&api(demo, "/api/v1/initiatives", "jonas").await.text()).unwrap();
    for initiative in initiatives.as_array().unwrap() {
        let id = initiative["id"].as_str().unwrap();
        let answer = api(demo, &format!("/api/v1/initiatives/{id}/texts"), "jonas").await;
        let texts: Value = serde_json::from_str(&answer.text()).unwrap();
        if let Some(text) = texts.as_array().and_then(|t| t.first()) {
            return (id.to_owned(), text["id"].as_str().unwrap().to_owned());
        }
    }
    panic!("the demo has no negotiating text");
}

/// Every text page a member reaches by following links from the initiative's page.
async fn crawl(demo: &Demo, initiative: &str, session: &str) -> Vec<(String, String)> {
    let room = format!("/initiatives/{initiative}/texts");
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from([format!("/initiatives/{initiative}")]);
    let mut pages = Vec::new();
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) {
            continue;
        }
        assert!(seen.len() < 400, "the text pages link without end");
        let answer = get(demo, &path, session).await;
        assert_eq!(answer.status, 200, "GET {path}");
        let html = answer.text();
        for link in links(&html) {
            if link.starts_with(&room) && !seen.contains(&link) {
                queue.push_back(link);
            }
        }
        pages.push((path, html));
    }
    pages
}

#[tokio::test(flavor = "multi_thread")]
async fn a_caucus_stays_with_its_side_and_only_readers_of_the_record_open_the_text() {
    let demo = start_demo();
    let (initiative, text) = the_text(&demo).await;
    let mut sessions = std::collections::HashMap::new();
    for user in ["amara", "jonas", "lina", "tarek", "mira", "odile", "felix", "greta", "pavel", "ines"] {
        sessions.insert(user, sign_in(&demo.base, user, &demo.passwords[user]).await);
    }
    let path = format!("/initiatives/{initiative}/texts/{text}");

    // Tarek speaks in his side's caucus: the only caucus his page offers him.
    let page = get(&demo, &format!("{path}?respond=c1"), &sessions["tarek"]).await.text();
    let caucuses: BTreeSet<&str> = page
        .split("<option value=\"")
        .skip(1)
        .filter_map(|o| o.split('"').next())
        .filter(|value| value.len() == 36)
        .collect();
    assert_eq!(caucuses.len(), 1, "a participant is offered their own caucus only: {caucuses:?}");
    let caucus = caucuses.into_iter().next().unwrap().to_owned();
    let csrf = hidden_csrf(&page);
    let clause = "c1";
    let answer = post(
        &demo,
        &format!("{path}/comments"),
        &sessions["tarek"],
        &[("csrf", &csrf), ("clause", clause), ("scope", &caucus), ("body", CANARY_COMMENT)],
    )
    .await;
    assert_eq!(answer.status, 303, "{}", answer.text());
    let answer = post(
        &demo,
        &format!("{path}/suggestions"),
        &sessions["tarek"],
        &[
            ("csrf", &csrf),
            ("clause", clause),
            ("scope", &caucus),
            ("wording", CANARY_WORDING),
            ("rationale", CANARY_RATIONALE),
        ],
    )
    .await;
    assert_eq!(answer.status, 303, "{}", answer.text());

    // Forms without the session's token are refused, and nothing is recorded.
    for (form, fields) in [
        ("comments", vec![("clause", clause), ("scope", "plenary"), ("body", "no token")]),
        ("suggestions", vec![("clause", clause), ("scope", "plenary"), ("wording", "no token")]),
        ("versions", vec![("language", "en"), ("draft", "title: x\n# p1\nc1: x")]),
    ] {
        let answer = post(&demo, &format!("{path}/{form}"), &sessions["jonas"], &fields).await;
        assert_eq!(answer.status, 403, "POST {form} without a token");
    }
    // A draft that cannot be read comes back with its line and every word sent; nothing is
    // committed.
    let jonas_csrf = hidden_csrf(&get(&demo, &path, &sessions["jonas"]).await.text());
    let broken = "title: Mended\n# p1 Purpose\nc1: The Parties [agree.\nc2: Unwritten words";
    let before = api(&demo, &format!("/api/v1/initiatives/{initiative}/texts"), "jonas").await.text();
    let answer = post(
        &demo,
        &format!("{path}/versions"),
        &sessions["jonas"],
        &[("csrf", &jonas_csrf), ("language", "en"), ("draft", broken)],
    )
    .await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("line 3: a bracket opened"), "{}", answer.text());
    assert!(answer.text().contains("Unwritten words"), "the lines sent come back");
    assert_eq!(api(&demo, &format!("/api/v1/initiatives/{initiative}/texts"), "jonas").await.text(), before);

    // A participant holds no pen: a well-formed version from Tarek is forbidden.
    let draft = "title: Mine\n# p1 Purpose\nc1: The Parties agree with us.";
    let answer = post(
        &demo,
        &format!("{path}/versions"),
        &sessions["tarek"],
        &[("csrf", &csrf), ("language", "en"), ("draft", draft)],
    )
    .await;
    assert_eq!(answer.status, 403, "a participant posting a version");

    // Who may read the record reaches the text from the initiative's page; the canaries reach
    // Tarek's side and the team, nobody else.
    let canaries = [CANARY_COMMENT, CANARY_RATIONALE, CANARY_WORDING];
    for user in ["amara", "jonas", "lina", "tarek", "mira", "pavel"] {
        let pages = crawl(&demo, &initiative, &sessions[user]).await;
        let reached: BTreeSet<&str> = pages.iter().map(|(p, _)| p.split('?').next().unwrap()).collect();
        for suffix in ["", "/compare", "/pending"] {
            assert!(reached.contains(format!("{path}{suffix}").as_str()), "{user} never reaches {path}{suffix}");
        }
        // The pen's page is offered to, and opens for, the pen only.
        let holds_the_pen = ["amara", "jonas"].contains(&user);
        assert_eq!(reached.contains(format!("{path}/pen").as_str()), holds_the_pen, "{user} and the pen's page");
        if !holds_the_pen {
            let status = get(&demo, &format!("{path}/pen"), &sessions[user]).await.status;
            assert!([403, 404].contains(&status), "{user}: GET {path}/pen answered {status}");
        }
        assert!(pages.len() > 8, "{user} reaches the versions and translations too: {}", pages.len());
        let mut answers: Vec<(String, String)> = pages;
        for api_path in [
            format!("/api/v1/initiatives/{initiative}/texts"),
            format!("/api/v1/initiatives/{initiative}/texts/{text}"),
            format!("/api/v1/initiatives/{initiative}/texts/{text}?lang=ar"),
            format!("/api/v1/initiatives/{initiative}/texts/{text}?version=1"),
        ] {
            let answer = api(&demo, &api_path, user).await;
            assert_eq!(answer.status, 200, "{user}: GET {api_path}");
            answers.push((api_path, answer.text()));
        }
        let may_see = ["amara", "jonas", "lina", "tarek"].contains(&user);
        for canary in canaries {
            let found: Vec<&str> =
                answers.iter().filter(|(_, body)| body.contains(canary)).map(|(p, _)| p.as_str()).collect();
            if may_see {
                assert!(!found.is_empty(), "{user} should read the caucus's {canary:?}");
            } else {
                assert!(found.is_empty(), "{user} reads the other side's caucus ({canary:?}) at {found:?}");
            }
        }
    }

    // Officials, funders, evaluators and operations may not open a text at all.
    let gets = [
        format!("/initiatives/{initiative}/texts"),
        path.clone(),
        format!("{path}?lang=ar"),
        format!("{path}/compare?from=1&to=2"),
        format!("{path}/pending"),
        format!("{path}/pen"),
    ];
    for user in ["odile", "felix", "greta", "ines"] {
        let initiative_page = get(&demo, &format!("/initiatives/{initiative}"), &sessions[user]).await.text();
        assert!(!initiative_page.contains("/texts"), "{user} is offered a link to the texts");
        for page in &gets {
            let status = get(&demo, page, &sessions[user]).await.status;
            assert!([403, 404].contains(&status), "{user}: GET {page} answered {status}");
        }
        for api_path in [
            format!("/api/v1/initiatives/{initiative}/texts"),
            format!("/api/v1/initiatives/{initiative}/texts/{text}"),
        ] {
            let status = api(&demo, &api_path, user).await.status;
            assert!([403, 404].contains(&status), "{user}: GET {api_path} answered {status}");
        }
        let csrf = hidden_csrf(&get(&demo, "/account", &sessions[user]).await.text());
        for (form, fields) in [
            ("comments", vec![("clause", clause), ("scope", "plenary"), ("body", "x")]),
            ("suggestions", vec![("clause", clause), ("scope", "plenary"), ("wording", "x")]),
            ("versions", vec![("language", "en"), ("draft", draft)]),
            ("sign-off", vec![("version", "6"), ("hash", &"0".repeat(64))]),
            ("signatories", vec![("side", &caucus), ("user", &caucus), ("signs", "yes")]),
            ("drafted-options", vec![("option", &caucus), ("clause", clause)]),
        ] {
            let mut fields = fields;
            fields.push(("csrf", &csrf));
            let status = post(&demo, &format!("{path}/{form}"), &sessions[user], &fields).await.status;
            assert!([403, 404].contains(&status), "{user}: POST {form} answered {status}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_agreed_text_reaches_track_one_in_a_readout_and_the_transfer_log_names_it() {
    let demo = start_demo();
    let (initiative, text) = the_text(&demo).await;
    let texts: Value =
        serde_json::from_str(&api(&demo, &format!("/api/v1/initiatives/{initiative}/texts"), "jonas").await.text())
            .unwrap();
    let title = texts[0]["title"].as_str().unwrap().to_owned();
    let amara = sign_in(&demo.base, "amara", &demo.passwords["amara"]).await;
    let felix = sign_in(&demo.base, "felix", &demo.passwords["felix"]).await;

    // One released readout carries the text: its page links the version, and its text holds the
    // clauses under their ids with the text's own title.
    let readouts = get(&demo, &format!("/initiatives/{initiative}/readouts"), &amara).await.text();
    let mut carrying = Vec::new();
    for link in links(&readouts).into_iter().filter(|l| l.contains("/readouts/")) {
        let page = get(&demo, &link, &amara).await.text();
        if page.contains("id=\"carried-text\"") {
            carrying.push(page);
        }
    }
    assert_eq!(carrying.len(), 1, "one demo readout carries the text");
    let page = &carrying[0];
    assert!(page.contains(&format!("/texts/{text}?version=")), "the readout links the version it carries");
    let released = page.split("id=\"readout-text\"").nth(1).unwrap();
    assert!(released.contains(&title), "the readout's text opens with the text's title");
    assert!(released.contains("c1 "), "the clauses keep their ids");

    // The transfer log names the text to those who may read it, and only its version to a
    // funder, who may not open texts.
    let log = get(&demo, &format!("/initiatives/{initiative}/transfers"), &amara).await.text();
    let line = log.split("class=\"carried-text\"").nth(1).expect("the transfer names the text");
    assert!(line.contains(&title), "the team reads the text's title in the log");
    let log = get(&demo, &format!("/initiatives/{initiative}/transfers"), &felix).await;
    assert_eq!(log.status, 200);
    let log = log.text();
    assert!(log.contains("class=\"carried-text\""), "the funder sees that a text moved");
    assert!(!log.contains(&title), "the funder reads the title of a text they may not open");

    // The options drafted into it show the transfer on their path.
    let options = get(&demo, &format!("/initiatives/{initiative}/options"), &amara).await.text();
    assert!(options.contains("of the text"), "an option drafted into the text shows the text's transfer");
}

/// A text opened on the web has no version: its page says so and offers the pen to the pen only;
/// the pen's page begins the first version from the title; once committed, the text's page shows
/// it and its versions page lists it.
#[tokio::test(flavor = "multi_thread")]
async fn a_new_text_is_begun_through_the_pen() {
    let demo = start_demo();
    let (initiative, _) = the_text(&demo).await;
    let jonas = sign_in(&demo.base, "jonas", &demo.passwords["jonas"]).await;
    let tarek = sign_in(&demo.base, "tarek", &demo.passwords["tarek"]).await;
    let list = format!("/initiatives/{initiative}/texts");
    let csrf = hidden_csrf(&get(&demo, &list, &jonas).await.text());
    let title = "Heads of terms on the Orrin gauges";
    let opened =
        post(&demo, &list, &jonas, &[("csrf", &csrf), ("title", title), ("language", "en"), ("mode", "chatham-house")])
            .await;
    assert_eq!(opened.status, 303, "{}", opened.text());
    let texts: Value = serde_json::from_str(&api(&demo, &format!("/api/v1{list}"), "jonas").await.text()).unwrap();
    let text = texts.as_array().unwrap().iter().find(|t| t["title"] == title).expect("the text is listed")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("{list}/{text}");

    for (session, holds_the_pen) in [(&jonas, true), (&tarek, false)] {
        let page = get(&demo, &path, session).await;
        assert_eq!(page.status, 200, "a text without a version opens");
        assert!(page.text().contains(title), "the page names the text");
        assert_eq!(links(&page.text()).contains(&format!("{path}/pen")), holds_the_pen, "the pen's link");
        // Every page of the text it links to opens: none needs a version it does not have.
        let offered: BTreeSet<String> = links(&page.text()).into_iter().filter(|l| l.starts_with(&path)).collect();
        assert!(offered.contains(&format!("{path}/versions")), "the versions are offered: {offered:?}");
        for link in offered {
            assert_eq!(get(&demo, &link, session).await.status, 200, "GET {link} on a text without a version");
        }
    }
    assert!([403, 404].contains(&get(&demo, &format!("{path}/pen"), &tarek).await.status), "a participant's pen");

    let pen = get(&demo, &format!("{path}/pen"), &jonas).await;
    assert_eq!(pen.status, 200);
    let pen = pen.text();
    let textarea = pen.split("<textarea").nth(1).and_then(|t| t.split("</textarea>").next()).expect("a draft");
    assert!(textarea.contains(&format!("title: {title}")), "the first draft starts from the title: {textarea}");
    let draft = format!("title: {title}\n# p1 Gauges\nc1: The Parties read the Orrin gauge [weekly|daily].");
    let committed = post(
        &demo,
        &format!("{path}/versions"),
        &jonas,
        &[("csrf", &hidden_csrf(&pen)), ("language", "en"), ("draft", &draft)],
    )
    .await;
    assert_eq!(committed.status, 303, "{}", committed.text());
    let page = get(&demo, &path, &tarek).await.text();
    assert!(page.contains("The Parties read the Orrin gauge"), "the first version is the text's");
    let versions = get(&demo, &format!("{path}/versions"), &tarek).await.text();
    assert!(links(&versions).contains(&format!("{path}?version=1")), "the versions page links version 1");
}
