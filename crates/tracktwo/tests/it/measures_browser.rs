//! Attitude and trust measures in Chromium, on a phone-sized window: the convener composes a
//! questionnaire and issues answer cards for both sides, participants of both sides answer it
//! by card before and after the round (signed out: a card needs no account), and the team sees
//! the change with its interval. Every page of the way passes axe without a serious or critical
//! violation.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};

use crate::acting::{click, option, set, wait_for};
use crate::browser::{Demo, accessibility_violations, browser, links, sign_in, sign_out, start_demo};

const PHONE: (u32, u32) = (360, 740);

struct Check<'a> {
    client: &'a Client,
    report: Vec<String>,
}

impl Check<'_> {
    async fn page(&mut self, name: &str) {
        let width: serde_json::Value =
            self.client.execute("return document.documentElement.scrollWidth;", vec![]).await.unwrap();
        if width.as_u64().is_some_and(|w| w > u64::from(PHONE.0)) {
            self.report.push(format!("{name}: wider than the phone ({width} px)"));
        }
        for violation in accessibility_violations(self.client).await {
            self.report.push(format!("{name}: {violation}"));
        }
    }
}

/// Issues `count` cards for `side` and reads their codes off the printable page.
async fn issue_cards(client: &Client, questionnaire: &str, side: &str, count: usize) -> Vec<String> {
    client.goto(questionnaire).await.unwrap();
    let value = option(client, "#cards-form select[name=side]", side).await;
    set(client, "#cards-form select[name=side]", &value).await;
    set(client, "#cards-form input[name=count]", &count.to_string()).await;
    click(client, "#cards-form button[type=submit]").await;
    wait_for(client, "#cards", side).await;
    let mut codes = Vec::new();
    for code in client.find_all(Locator::Css("#cards code.answer-code")).await.unwrap() {
        codes.push(code.text().await.unwrap());
    }
    assert_eq!(codes.len(), count);
    codes
}

async fn set_stage(client: &Client, questionnaire: &str, stage: &str) {
    client.goto(questionnaire).await.unwrap();
    set(client, "#stage-form select[name=stage]", stage).await;
    click(client, "#stage-form button[type=submit]").await;
    wait_for(client, "#stage", if stage == "before" { "before" } else { "after" }).await;
}

/// One card holder answers: the code, then the two items.
async fn answer(
    client: &Client,
    demo: &Demo,
    answer_path: &str,
    code: &str,
    warmth: u32,
    trust: u32,
    check: &mut Option<&mut Check<'_>>,
) {
    client.goto(&format!("{}{answer_path}", demo.base)).await.unwrap();
    if let Some(check) = check.as_deref_mut() {
        check.page("the card's code").await;
    }
    // Under a loaded machine the card page can still be arriving: wait for its field.
    let started = Instant::now();
    let field = loop {
        match client.find(Locator::Css("#code")).await {
            Ok(field) => break field,
            Err(_) if started.elapsed() < Duration::from_secs(15) => {
                tokio::time::sleep(Duration::from_millis(100)).await
            }
            Err(_) => panic!("no code field on {answer_path}:\n{}", client.source().await.unwrap_or_default()),
        }
    };
    field.send_keys(code).await.unwrap();
    click(client, "form button[type=submit]").await;
    wait_for(client, "#answer-timing", "round").await;
    if let Some(check) = check.as_deref_mut() {
        check.page("the questionnaire").await;
    }
    client
        .find(Locator::Css("input[name='warmth.thermometer']"))
        .await
        .unwrap()
        .send_keys(&warmth.to_string())
        .await
        .unwrap();
    click(client, &format!("input[name='trust.other_side_people'][value='{trust}']")).await;
    click(client, "form.questionnaire button[type=submit]").await;
    wait_for(client, "#answer-thanks", "").await;
    if let Some(check) = check.as_deref_mut() {
        check.page("thanks").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn participants_of_both_sides_answer_by_card_on_a_phone_and_the_team_sees_the_change() {
    let demo = start_demo();
    let (_driver, client) = browser().await;
    client.set_window_size(PHONE.0, PHONE.1).await.unwrap();
    let mut check = Check { client: &client, report: Vec::new() };

    assert!(sign_in(&client, &demo, "amara", None).await);
    let serin = links(&client).await.into_iter().find(|(t, _)| t.contains("Serin")).unwrap().1;
    client.goto(&format!("{}{serin}/measures", demo.base)).await.unwrap();
    check.page("the questionnaires").await;
    set(&client, "#compose input[name=title]", "Round four: before and after").await;
    click(&client, "#compose input[name=item][value='warmth.thermometer']").await;
    click(&client, "#compose input[name=item][value='trust.other_side_people']").await;
    click(&client, "#compose button[type=submit]").await;
    wait_for(&client, "h1", "Round four").await;
    let questionnaire = client.current_url().await.unwrap().to_string();
    let id = questionnaire.rsplit('/').next().unwrap().to_owned();
    let answer_path = format!("/answer/{id}");
    check.page("a questionnaire, composed").await;
    let mut cards = issue_cards(&client, &questionnaire, "Upper Vale", 3).await;
    check.page("the cards to print").await;
    cards.extend(issue_cards(&client, &questionnaire, "Lowland Coast", 3).await);
    set_stage(&client, &questionnaire, "before").await;
    sign_out(&client).await;

    for (i, code) in cards.iter().enumerate() {
        let i = u32::try_from(i).unwrap();
        let mut first = (i == 0).then_some(&mut check);
        answer(&client, &demo, &answer_path, code, 40 + 5 * i, 3, &mut first).await;
    }
    // A card answers once before the round.
    client.goto(&format!("{}{answer_path}", demo.base)).await.unwrap();
    client.find(Locator::Css("#code")).await.unwrap().send_keys(&cards[0]).await.unwrap();
    click(&client, "form button[type=submit]").await;
    wait_for(&client, "#answer-refused", "").await;
    check.page("a card already used").await;

    assert!(sign_in(&client, &demo, "amara", None).await);
    set_stage(&client, &questionnaire, "after").await;
    sign_out(&client).await;
    for (i, code) in cards.iter().enumerate() {
        let i = u32::try_from(i).unwrap();
        answer(&client, &demo, &answer_path, code, 52 + 6 * i, 5, &mut None).await;
    }

    assert!(sign_in(&client, &demo, "jonas", None).await);
    client.goto(&questionnaire).await.unwrap();
    wait_for(&client, "#answer-counts", "6").await;
    let warmth = "table[data-construct='Warmth'] tbody tr:first-child";
    let row = wait_for(&client, warmth, "[").await;
    // Six pairs, every warmth up by 12 + i: a mean change of 14.5 with its interval.
    let bare = |text: String| text.replace(['\u{2068}', '\u{2069}'], "");
    let change = bare(client.find(Locator::Css(&format!("{warmth} td.change"))).await.unwrap().text().await.unwrap());
    assert!(change.starts_with("14.5 ["), "{change} in {row}");
    let test = bare(client.find(Locator::Css(&format!("{warmth} td.test"))).await.unwrap().text().await.unwrap());
    assert!(test.parse::<f64>().is_ok() || test.starts_with('<'), "six changed pairs have a p-value: {test}");
    let side = "table[data-construct='Warmth'] tbody tr:nth-child(2) td.test";
    let side_test = client.find(Locator::Css(side)).await.unwrap().text().await.unwrap();
    assert!(side_test.contains("No p-value"), "three pairs have none, and the page says why: {side_test}");
    check.page("the results").await;
    sign_out(&client).await;

    // The funder sees the same questionnaire with every side under five suppressed.
    assert!(sign_in(&client, &demo, "felix", None).await);
    client.goto(&questionnaire).await.unwrap();
    wait_for(&client, "table[data-construct='Warmth'] tbody tr:nth-child(2)", "suppressed").await;
    check.page("the results, as a funder").await;
    assert!(check.report.is_empty(), "{}", check.report.join("\n"));
    client.close().await.unwrap();
}
