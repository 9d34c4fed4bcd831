//! Outcome Harvesting in Chromium, as its people use it: the evaluator harvests an outcome on
//! the demo's Serin dialogue, the facilitator substantiates it (agrees), the evaluator marks it
//! substantiated, and the outcome stands in its cell of the RPP matrix. Along the way, the
//! evaluator cannot substantiate their own outcome, and a funder cannot open the draft.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};

use crate::browser::{browser, sign_in, sign_out, start_demo};

/// Sets the value of the first element `css` matches, as a person typing or choosing would.
async fn set(client: &Client, css: &str, value: &str) {
    let found = client
        .execute(
            "const e = document.querySelector(arguments[0]); if (!e) { return false; } e.value = arguments[1]; return true;",
            vec![css.into(), value.into()],
        )
        .await
        .unwrap();
    assert_eq!(found, serde_json::Value::Bool(true), "nothing matches {css}");
}

async fn click(client: &Client, css: &str) {
    client.find(Locator::Css(css)).await.unwrap().click().await.unwrap();
}

/// The text of `css` once it holds `needle` (the page after a click may still be loading).
async fn wait_for(client: &Client, css: &str, needle: &str) -> String {
    let started = Instant::now();
    loop {
        let text = match client.find(Locator::Css(css)).await {
            Ok(element) => element.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if text.contains(needle) {
            return text;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "`{needle}` never appeared in {css}: {text}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The path of the demo's Serin dialogue, from the dashboard.
async fn serin(client: &Client) -> String {
    for a in client.find_all(Locator::Css("main a")).await.unwrap() {
        if a.text().await.unwrap().contains("Serin River") {
            return a.attr("href").await.unwrap().unwrap();
        }
    }
    panic!("the dashboard does not list the Serin dialogue");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_evaluator_harvests_a_substantiator_agrees_and_the_outcome_stands_in_the_rpp_matrix() {
    let demo = start_demo();
    let (_driver, client) = browser().await;
    let what = "The Coast water board began publishing its own weekly gauge readings";

    // The evaluator harvests, from the initiative's page.
    assert!(sign_in(&client, &demo, "greta", None).await);
    let initiative = serin(&client).await;
    client.goto(&format!("{}{initiative}", demo.base)).await.unwrap();
    click(&client, "#assessment a[href$='/outcomes']").await;
    wait_for(&client, "h1", "Outcomes").await;
    click(&client, "#harvest-link").await;
    wait_for(&client, "h1", "Harvest an outcome").await;
    set(&client, "#harvest textarea[name=what]", what).await;
    set(&client, "#harvest input[name=who]", "Lowland Coast water board").await;
    set(&client, "#harvest input[name=description]", "the Coast's water authority").await;
    set(&client, "#harvest select[name=change_type]", "practices").await;
    set(&client, "#harvest textarea[name=significance]", "Data the Vale can check, published by the Coast itself")
        .await;
    set(&client, "#harvest textarea[name=contribution]", "The hotline option and the third workshop").await;
    set(&client, "#harvest input[name=source1]", "Board bulletin").await;
    set(&client, "#harvest input[name=source2]", "A fishers' cooperative").await;
    set(&client, "#harvest select[name=layer]", "policy").await;
    set(&client, "#harvest select[name=reach]", "more-people").await;
    set(&client, "#harvest select[name=level]", "socio-political").await;
    click(&client, "#harvest input[name=criterion][value=security-improves]").await;
    click(&client, "#harvest button[type=submit]").await;
    wait_for(&client, "#outcome-state", "Draft").await;
    let outcome = client.current_url().await.unwrap().path().to_owned();
    assert!(outcome.contains("/outcomes/"), "the harvest leads to the outcome's page: {outcome}");
    // The harvester's own word is refused.
    set(&client, "#substantiate input[name=name]", "Greta Holm").await;
    click(&client, "#substantiate button[type=submit]").await;
    wait_for(&client, "main", "cannot substantiate").await;
    sign_out(&client).await;

    // A funder cannot open the draft.
    assert!(sign_in(&client, &demo, "felix", None).await);
    client.goto(&format!("{}{outcome}", demo.base)).await.unwrap();
    wait_for(&client, "h1", "Not Found").await;
    client.goto(&format!("{}{initiative}/outcomes", demo.base)).await.unwrap();
    let funder_sees = wait_for(&client, "main", "Outcomes").await;
    assert!(!funder_sees.contains(what), "a funder was shown a draft");
    sign_out(&client).await;

    // The facilitator substantiates it.
    assert!(sign_in(&client, &demo, "jonas", None).await);
    client.goto(&format!("{}{outcome}", demo.base)).await.unwrap();
    set(&client, "#substantiate input[name=name]", "Jonas Vick").await;
    set(&client, "#substantiate select[name=verdict]", "agrees").await;
    set(&client, "#substantiate textarea[name=comment]", "Saw the first bulletin").await;
    click(&client, "#substantiate button[type=submit]").await;
    wait_for(&client, "#substantiations", "Agrees").await;
    sign_out(&client).await;

    // The evaluator marks it substantiated; it stands in its cell of the matrix.
    assert!(sign_in(&client, &demo, "greta", None).await);
    client.goto(&format!("{}{outcome}", demo.base)).await.unwrap();
    click(&client, "#advance button[value=substantiated]").await;
    wait_for(&client, "#outcome-state", "Substantiated").await;
    client.goto(&format!("{}{initiative}/outcomes", demo.base)).await.unwrap();
    let row = client
        .find(Locator::XPath(&format!("//table[@id='outcomes']//tr[.//a[contains(., '{what}')]]")))
        .await
        .expect("the outcome is listed");
    let row_text = row.text().await.unwrap();
    assert!(row_text.contains("More people × Socio-political") && row_text.contains("Substantiated"), "{row_text}");
    let number = row.find(Locator::Css("td")).await.unwrap().text().await.unwrap();
    let markers = client.find_all(Locator::Css("#rpp-matrix svg g")).await.unwrap();
    let mut found = false;
    for marker in markers {
        let html = marker.html(true).await.unwrap();
        if html.contains(what) {
            assert!(html.contains(&format!("<title>{number}. ")), "the marker carries the list's number");
            found = true;
        }
    }
    assert!(found, "the outcome is not in the RPP matrix");
    client.close().await.unwrap();
}
