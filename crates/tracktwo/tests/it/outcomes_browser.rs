//! Outcome Harvesting in Chromium, from harvest to the funder's report: the evaluator harvests
//! an outcome on the harvest form, the facilitator substantiates it (agrees), the evaluator marks
//! it substantiated and reports it; it then stands in the RPP matrix of the outcomes page, and
//! the funder, producing their report from the reports page, finds it there — with no name of
//! the social actor or of the sources. Every page of the way passes axe.

use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};

use crate::acting::{click, set, wait_for};
use crate::browser::{accessibility_violations, browser, links, shown, sign_in, sign_out, start_demo};
use crate::canary_sweep::fetch;

/// A file as the signed-in reader downloads it: fetched with the browser's session.
async fn download(client: &Client, url: &str) -> (u16, Vec<u8>) {
    let session = client.get_named_cookie("tracktwo_session").await.unwrap().value().to_owned();
    let (status, _, body) = fetch(url, ("cookie", &format!("tracktwo_session={session}"))).await;
    (status, body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_evaluators_harvest_is_substantiated_placed_in_the_rpp_matrix_and_reported_to_the_funder() {
    let demo = start_demo();
    let (_driver, client) = browser().await;
    let mut report = Vec::new();
    let what = "The two water boards began publishing a joint weekly flow bulletin";
    let actor = "Quintus Varnell";
    let source = "Ottoline Brisk";

    // The evaluator harvests.
    assert!(sign_in(&client, &demo, "greta", None).await);
    let serin = links(&client).await.into_iter().find(|(t, _)| t.contains("Serin")).unwrap().1;
    client.goto(&format!("{}{serin}/outcomes/new", demo.base)).await.unwrap();
    report.extend(accessibility_violations(&client).await.into_iter().map(|v| format!("harvest form: {v}")));
    set(&client, "#harvest textarea[name=what]", what).await;
    set(&client, "#harvest input[name=on]", "2026-05-20").await;
    set(&client, "#harvest input[name=who]", actor).await;
    set(&client, "#harvest input[name=description]", "a senior engineer of the upstream board").await;
    set(&client, "#harvest select[name=change_type]", "practices").await;
    set(&client, "#harvest textarea[name=significance]", "The first data both sides read in the same form").await;
    set(&client, "#harvest textarea[name=contribution]", "Proposed at the third workshop").await;
    set(&client, "#harvest input[name=source1]", source).await;
    set(&client, "#harvest input[name=source2]", "The boards' joint minutes").await;
    click(&client, "#harvest input[name=document2]").await;
    set(&client, "#harvest select[name=layer]", "policy").await;
    set(&client, "#harvest select[name=reach]", "key-people").await;
    set(&client, "#harvest select[name=level]", "socio-political").await;
    set(&client, "#harvest select[name=class]", "chatham-house").await;
    click(&client, "#harvest button[type=submit]").await;
    // The harvest leads to its outcome's page.
    let started = Instant::now();
    let outcome = loop {
        let path = client.current_url().await.unwrap().path().to_owned();
        if path.contains("/outcomes/") && !path.ends_with("/new") {
            break path;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "the harvest stayed at {path}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    wait_for(&client, "h1", what).await;
    // The evaluator sees it cleared: the social actor's name is withheld even from the harvester.
    let page = shown(client.find(Locator::Css("main")).await.unwrap().text().await.unwrap());
    assert!(page.contains(what) && !page.contains(actor), "{page}");
    sign_out(&client).await;

    // The facilitator substantiates it: agrees.
    assert!(sign_in(&client, &demo, "jonas", None).await);
    client.goto(&format!("{}{outcome}", demo.base)).await.unwrap();
    report.extend(accessibility_violations(&client).await.into_iter().map(|v| format!("outcome page: {v}")));
    set(&client, "#substantiate input[name=name]", "Jonas Vick").await;
    set(&client, "#substantiate select[name=verdict]", "agrees").await;
    click(&client, "#substantiate button[type=submit]").await;
    wait_for(&client, "main", "Jonas Vick").await;
    sign_out(&client).await;

    // The evaluator moves it on: substantiated, then reported.
    assert!(sign_in(&client, &demo, "greta", None).await);
    for step in ["substantiated", "reported"] {
        client.goto(&format!("{}{outcome}", demo.base)).await.unwrap();
        click(&client, &format!("#advance button[value={step}]")).await;
        let label = if step == "reported" { "Reported" } else { "Substantiated" };
        wait_for(&client, "#outcome-state", label).await;
    }
    // It stands in the RPP matrix, in the key-people × socio-political cell.
    client.goto(&format!("{}{serin}/outcomes", demo.base)).await.unwrap();
    report.extend(accessibility_violations(&client).await.into_iter().map(|v| format!("outcomes page: {v}")));
    let matrix = client.find(Locator::Css("#rpp-matrix svg")).await.unwrap().html(false).await.unwrap();
    assert!(matrix.contains(what), "the outcome is a marker of the RPP matrix");
    assert!(!matrix.contains(actor), "the matrix names no one");
    sign_out(&client).await;

    // The funder produces their report and finds it, without a name.
    assert!(sign_in(&client, &demo, "felix", None).await);
    client.goto(&format!("{}{serin}/reports", demo.base)).await.unwrap();
    report.extend(accessibility_violations(&client).await.into_iter().map(|v| format!("reports page: {v}")));
    assert!(client.find(Locator::Css("#report-evaluation")).await.is_err(), "the brief is not the funder's");
    let action = client.find(Locator::Css("#report-funder")).await.unwrap().attr("action").await.unwrap().unwrap();
    let url = format!("{}{action}?kind=funder&from=2026-01-01&to=2026-12-31&format=pdf", demo.base);
    let (status, pdf) = download(&client, &url).await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&pdf));
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("funder.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let text = Command::new("pdftotext").arg(&file).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(what), "the reported outcome is in the funder's report");
    for name in [actor, source, "Jonas Vick", "Greta Holm"] {
        assert!(!text.contains(name), "{name} in the funder's report");
    }
    client.close().await.unwrap();
    assert!(report.is_empty(), "accessibility violations:\n{}", report.join("\n"));
}
