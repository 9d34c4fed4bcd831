//! The negotiating text in Chromium, as its people use it: the facilitator reopens the demo's
//! agreed text with a new version, a participant of each side comments and suggests in their
//! caucus, the facilitator accepts one suggestion and settles the text, both signatories sign
//! off, and the text shows agreed. Along the way, neither side reads the other's caucus.

use fantoccini::{Client, Locator};

use crate::acting::{click, option, set, wait_for};
use crate::browser::{browser, sign_in, sign_out, start_demo};
use crate::text_pages::the_text;

async fn page_text(client: &Client) -> String {
    crate::browser::shown(client.find(Locator::Css("main")).await.unwrap().text().await.unwrap())
}

/// A participant's comment and suggestion on clause c4, in their side's caucus.
async fn speak_in_caucus(client: &Client, path: &str, side: &str, comment: &str, wording: &str) {
    client.goto(&format!("{path}?respond=c4")).await.unwrap();
    let caucus = option(client, "#comment-form select[name=scope]", side).await;
    set(client, "#comment-form select[name=scope]", &caucus).await;
    set(client, "#comment-form textarea[name=body]", comment).await;
    click(client, "#comment-form button[type=submit]").await;
    wait_for(client, "main", comment).await;
    client.goto(&format!("{path}?respond=c4")).await.unwrap();
    set(client, "#suggestion-form select[name=scope]", &caucus).await;
    set(client, "#suggestion-form textarea[name=wording]", wording).await;
    set(client, "#suggestion-form input[name=rationale]", &format!("{side} asks for it")).await;
    click(client, "#suggestion-form button[type=submit]").await;
    wait_for(client, "main", wording).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_text_goes_from_a_new_version_through_caucus_suggestions_to_agreement() {
    let demo = start_demo();
    let (initiative, text) = the_text(&demo).await;
    let path = format!("{}/initiatives/{initiative}/texts/{text}", demo.base);
    let (_driver, client) = browser().await;

    // The facilitator reopens clause c4 with a choice.
    assert!(sign_in(&client, &demo, "jonas", None).await);
    client.goto(&path).await.unwrap();
    wait_for(&client, "#status", "agreed").await;
    click(&client, "#pen-link a").await;
    wait_for(&client, "#new-version", "").await;
    let draft = client.find(Locator::Css("textarea[name=draft]")).await.unwrap().prop("value").await.unwrap().unwrap();
    assert!(draft.contains("c4: The Commission has six members"), "the form holds the version shown");
    let reopened = draft.replace("c4: The Commission has six members", "c4: The Commission has [six|eight] members");
    set(&client, "textarea[name=draft]", &reopened).await;
    click(&client, "form[action$='/versions'] button[type=submit]").await;
    wait_for(&client, "#status", "open").await;
    let opened = wait_for(&client, "#version", "Version").await;
    sign_out(&client).await;

    // Each side speaks in its caucus.
    let vale_words = "The Commission has eight members, four named by each Party, and a chair chosen by both.";
    let coast_words = "The Commission has six members, three named by each Party, and a chair chosen by both.";
    assert!(sign_in(&client, &demo, "tarek", None).await);
    speak_in_caucus(&client, &path, "Upper Vale", "Eight seats let the Vale name its engineers", vale_words).await;
    sign_out(&client).await;
    assert!(sign_in(&client, &demo, "mira", None).await);
    speak_in_caucus(&client, &path, "Lowland Coast", "Six seats keep the Commission small", coast_words).await;
    let seen_by_coast = page_text(&client).await;
    assert!(!seen_by_coast.contains("Eight seats let the Vale"), "the Coast reads the Vale's caucus");
    assert!(!seen_by_coast.contains(vale_words), "the Coast reads the Vale's suggestion");
    sign_out(&client).await;

    // The facilitator accepts the Coast's wording and settles the clause with it.
    assert!(sign_in(&client, &demo, "jonas", None).await);
    client.goto(&path).await.unwrap();
    let answer = client
        .find(Locator::XPath(&format!("//div[contains(@class,'suggestion')][contains(., '{coast_words}')]//form")))
        .await
        .unwrap();
    answer.find(Locator::Css("select[name=outcome]")).await.unwrap().select_by_value("accepted").await.unwrap();
    answer
        .find(Locator::Css("input[name=reason]"))
        .await
        .unwrap()
        .send_keys("Both sides can live with six")
        .await
        .unwrap();
    answer.find(Locator::Css("button[type=submit]")).await.unwrap().click().await.unwrap();
    wait_for(&client, "main", "Both sides can live with six").await;
    click(&client, "#pen-link a").await;
    wait_for(&client, "#new-version", "").await;
    let draft = client.find(Locator::Css("textarea[name=draft]")).await.unwrap().prop("value").await.unwrap().unwrap();
    set(&client, "textarea[name=draft]", &draft.replace("[six|eight] members", "six members")).await;
    click(&client, "form[action$='/versions'] button[type=submit]").await;
    wait_for(&client, "#status", "awaiting sign-off").await;
    let settled = wait_for(&client, "#version", "Version").await;
    assert_ne!(settled, opened, "a new version was committed");
    click(&client, "#pen-link a").await;
    wait_for(&client, "#new-version", "").await;
    // The Coast's signatory is withdrawn and named again through the pen's forms.
    let coast_signatory =
        "//h3[normalize-space()='Lowland Coast']/following-sibling::ul[1]//form[contains(@class,'withdraw-signatory')]";
    client
        .find(Locator::XPath(coast_signatory))
        .await
        .unwrap()
        .find(Locator::Css("button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&client, "#signatories", "Signatories").await;
    assert!(client.find(Locator::XPath(coast_signatory)).await.is_err(), "the signatory was not withdrawn");
    let name_form =
        "//h3[normalize-space()='Lowland Coast']/following-sibling::form[contains(@class,'name-signatory')][1]";
    let form = client.find(Locator::XPath(name_form)).await.unwrap();
    let mira = form.find(Locator::XPath(".//option[contains(., 'Mira')]")).await.unwrap();
    mira.click().await.unwrap();
    form.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
    wait_for(&client, "#signatories", "Signatories").await;
    client.find(Locator::XPath(coast_signatory)).await.expect("the signatory was named again");
    // An option of the register is drafted into clause c4: the clause shows where it came from.
    set(&client, "#draft-option-form select[name=clause]", "c4").await;
    let option_title = crate::browser::shown(
        client.find(Locator::Css("#draft-option-form select[name=option] option")).await.unwrap().text().await.unwrap(),
    );
    click(&client, "#draft-option-form button[type=submit]").await;
    wait_for(&client, "#c4", &format!("Drafted from the option {option_title}")).await;
    sign_out(&client).await;

    // Each side's signatory says yes to the settled version.
    for (user, shown) in [("tarek", "signed: Upper Vale"), ("mira", "every side signed")] {
        assert!(sign_in(&client, &demo, user, None).await);
        client.goto(&path).await.unwrap();
        click(&client, "#sign-off button[type=submit]").await;
        wait_for(&client, "#version", shown).await;
        sign_out(&client).await;
    }
    assert!(sign_in(&client, &demo, "pavel", None).await);
    client.goto(&path).await.unwrap();
    wait_for(&client, "#status", "agreed").await;
    let observed = page_text(&client).await;
    for caucus_words in ["Eight seats let the Vale", "Six seats keep the Commission small", vale_words] {
        assert!(!observed.contains(caucus_words), "an observer reads a caucus: {caucus_words}");
    }
    client.close().await.unwrap();
}
