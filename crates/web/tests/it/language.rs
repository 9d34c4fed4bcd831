//! Pages in the reader's language: the browser's `Accept-Language` picks it, `lang` and `dir`
//! say it, and the frame's words come from its messages. A pseudo-locale shows, by its brackets,
//! that the frame's words all came through the messages.

use axum::body::Body;
use axum::http::{Request, header};

use super::{body_text, send, sign_in, world};

pub(super) fn get_in(uri: &str, cookie: &str, language: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::COOKIE, cookie)
        .header(header::ACCEPT_LANGUAGE, language)
        .body(Body::empty())
        .unwrap()
}

/// The attributes of the page's `<html>` element.
fn html_element(page: &str) -> &str {
    page.split("<html").nth(1).and_then(|rest| rest.split('>').next()).unwrap_or_default()
}

#[tokio::test]
async fn a_page_speaks_the_language_the_browser_asks_for() {
    let w = world().await;
    let cookie = sign_in(&w, "tarek").await;
    for (asked, lang, dir, sign_out) in [
        ("", "en", "ltr", "Sign out"),
        ("ar-EG,ar;q=0.9,en;q=0.5", "ar", "rtl", "تسجيل الخروج"),
        ("ru", "ru", "ltr", "Выйти"),
        ("fr-CA", "fr", "ltr", "Se déconnecter"),
        ("de, fr;q=0.4", "fr", "ltr", "Se déconnecter"),
        ("zh", "en", "ltr", "Sign out"),
    ] {
        let page = body_text(send(&w.router, get_in("/", &cookie, asked)).await).await;
        let element = html_element(&page);
        assert!(element.contains(&format!("lang=\"{lang}\"")), "{asked}: <html{element}>");
        assert!(element.contains(&format!("dir=\"{dir}\"")), "{asked}: <html{element}>");
        assert!(page.contains(sign_out), "{asked}: the frame is not in {lang}");
    }
}

#[tokio::test]
async fn the_pseudo_locales_mark_every_word_of_the_frame() {
    let w = world().await;
    let cookie = sign_in(&w, "tarek").await;
    for (asked, dir) in [("en-XA", "ltr"), ("ar-XB", "rtl")] {
        let page = body_text(send(&w.router, get_in("/", &cookie, asked)).await).await;
        assert!(html_element(&page).contains(&format!("dir=\"{dir}\"")), "{asked}");
        // The frame: the skip link and the header. The pages' own words follow them into the
        // messages area by area.
        let frame = page.split("<main").next().unwrap().split("<body>").nth(1).unwrap();
        let nav = frame.split("aria-label=\"").nth(1).unwrap();
        for english in ["My initiatives", "Timeline", "Account", "Sign out", "Skip to content"] {
            assert!(!frame.contains(english), "{asked}: `{english}` did not come through the messages");
        }
        assert!(nav.starts_with('['), "{asked}: the navigation's label is marked: {}", &nav[..40.min(nav.len())]);
    }
}

#[tokio::test]
async fn the_sign_in_page_is_in_the_readers_language() {
    let w = world().await;
    for (asked, title) in [("ar", "تسجيل الدخول"), ("ru-RU", "Вход"), ("fr", "Connexion"), ("en", "Sign in")]
    {
        let page = body_text(send(&w.router, get_in("/sign-in", "", asked)).await).await;
        assert!(page.contains(&format!("<h1>{title}</h1>")), "{asked}: {page}");
    }
}

#[tokio::test]
async fn a_language_chosen_with_the_switch_holds_over_the_browsers_and_leads_back_only_here() {
    let w = world().await;
    let chosen = send(&w.router, get_in("/language?to=ar&back=/sign-in", "", "fr")).await;
    assert_eq!(chosen.status(), axum::http::StatusCode::SEE_OTHER);
    assert_eq!(chosen.headers()[header::LOCATION], "/sign-in");
    let cookie = super::set_cookie(&chosen, "tracktwo_language").expect("the choice is kept");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let cookie = cookie.split(';').next().unwrap().to_owned();
    let page = body_text(send(&w.router, get_in("/sign-in", &cookie, "fr")).await).await;
    assert!(html_element(&page).contains("lang=\"ar\""), "the choice wins over the browser's French");
    for elsewhere in ["//evil.example/x", "https://evil.example/", "/\\evil.example"] {
        let uri = format!(
            "/language?to=ru&back={}",
            url::form_urlencoded::byte_serialize(elsewhere.as_bytes()).collect::<String>()
        );
        let answer = send(&w.router, get_in(&uri, "", "")).await;
        assert_eq!(answer.headers()[header::LOCATION], "/", "{elsewhere} is not followed");
    }
    let unknown = send(&w.router, get_in("/language?to=xx&back=/", "", "")).await;
    assert_eq!(unknown.status(), axum::http::StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_voter_without_an_account_meets_the_ballot_in_their_language() {
    use tracktwo_domain::campaign::CampaignLimits;
    let w = world().await;
    let (_, link) =
        crate::consultation_with_campaign_link(&w, 2, CampaignLimits { voter_cap: 10, per_address: 10 }).await;
    let path = format!("/join/{}", link.pass.expose());
    let welcome = send(&w.router, get_in(&path, "", "ar")).await;
    let presession = super::set_cookie(&welcome, "tracktwo_presession").unwrap().split(';').next().unwrap().to_owned();
    let page = body_text(welcome).await;
    assert!(html_element(&page).contains("dir=\"rtl\""), "{page}");
    assert!(page.contains("ابدأ"), "the join button is in Arabic");
    // The switch offers the other languages, each in itself, back to this page.
    for (tag, name) in [("en", "English"), ("ru", "Русский"), ("fr", "Français")] {
        assert!(page.contains(&format!("hreflang=\"{tag}\"")) && page.contains(name), "no switch to {tag}");
    }
    assert!(page.contains("back=%2Fjoin%2F"), "the switch comes back to the welcome page");
    let csrf = tracktwo_app::csrf_token(presession.split('=').nth(1).unwrap());
    let joined = send(&w.router, super::post(&path, &presession, &format!("csrf={csrf}"))).await;
    let ballot = super::set_cookie(&joined, "tracktwo_ballot").unwrap().split(';').next().unwrap().to_owned();
    for (asked, agree, lang) in [("ru", "Согласен", "ru"), ("fr-FR", "D’accord", "fr"), ("ar", "أوافق", "ar")]
    {
        let page = body_text(send(&w.router, get_in("/ballot", &ballot, asked)).await).await;
        assert!(html_element(&page).contains(&format!("lang=\"{lang}\"")), "{asked}");
        assert!(page.contains(agree), "{asked}: the vote buttons are not translated");
        assert!(page.contains("id=\"statement\" dir=\"auto\""), "the statement keeps its own direction");
    }
}

#[tokio::test]
async fn a_members_account_language_goes_before_the_switch_and_the_browser() {
    let w = world().await;
    let session = sign_in(&w, "tarek").await;
    let switched = format!("{session}; tracktwo_language=ar");
    let lang_of = |page: &str| {
        let element = html_element(page);
        element.split("lang=\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap_or_default().to_owned()
    };
    // Nothing chosen on the account: the switch, then the browser.
    assert_eq!(lang_of(&body_text(send(&w.router, get_in("/", &switched, "fr")).await).await), "ar");
    assert_eq!(lang_of(&body_text(send(&w.router, get_in("/", &session, "fr")).await).await), "fr");

    let account = body_text(send(&w.router, get_in("/account", &session, "en")).await).await;
    let csrf = super::hidden_csrf(&account);
    let choose =
        |language: &str| super::post("/account/language", &session, &format!("csrf={csrf}&language={language}"));
    let chosen = send(&w.router, choose("ru")).await;
    assert_eq!(chosen.status(), axum::http::StatusCode::SEE_OTHER);
    for cookie in [&session, &switched] {
        for asked in ["fr", "ar", ""] {
            let page = body_text(send(&w.router, get_in("/", cookie, asked)).await).await;
            assert_eq!(lang_of(&page), "ru", "{cookie} / {asked}: the account's language goes first");
        }
    }
    // The account page shows the choice, and another member keeps their own.
    let account = body_text(send(&w.router, get_in("/account", &session, "en")).await).await;
    assert!(account.contains("value=\"ru\" lang=\"ru\" selected"), "the choice is shown as chosen");
    let mira = sign_in(&w, "mira").await;
    assert_eq!(lang_of(&body_text(send(&w.router, get_in("/", &mira, "fr")).await).await), "fr");
    // An error's page is in the account's language too.
    let missing = body_text(send(&w.router, get_in("/initiatives/not-an-id", &session, "en")).await).await;
    assert_eq!(lang_of(&missing), "ru", "{missing}");

    // A language the pages do not speak is refused, and the choice stands.
    let refused = send(&w.router, choose("tlh")).await;
    assert_eq!(refused.status(), axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(lang_of(&body_text(send(&w.router, get_in("/", &session, "fr")).await).await), "ru");
    // Choosing the browser's language gives the switch and the browser their say again.
    assert_eq!(send(&w.router, choose("")).await.status(), axum::http::StatusCode::SEE_OTHER);
    assert_eq!(lang_of(&body_text(send(&w.router, get_in("/", &switched, "fr")).await).await), "ar");
    assert_eq!(lang_of(&body_text(send(&w.router, get_in("/", &session, "fr")).await).await), "fr");
}

/// The statement a ballot page asks about: its number and what its `#statement` element holds.
fn ballot_statement(page: &str) -> (u32, String) {
    let number = page.split("name=\"statement\" value=\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap();
    let element = page.split("id=\"statement\"").nth(1).unwrap();
    (number.parse().unwrap(), element.split('<').next().unwrap().to_owned())
}

#[tokio::test]
async fn statements_are_shown_in_the_readers_language_with_the_original_one_click_away() {
    use tracktwo_domain::campaign::CampaignLimits;
    let w = world().await;
    let (c, link) =
        crate::consultation_with_campaign_link(&w, 2, CampaignLimits { voter_cap: 10, per_address: 10 }).await;
    let conversation = format!("/initiatives/{}/conversations/{c}", w.initiative);
    let arabic = ["العبارة صفر", "العبارة واحد"];
    let french = ["Affirmation zéro", "Affirmation un"];

    // The team enters the translations through the statement's form.
    let team = sign_in(&w, "convener").await;
    for number in 0..2 {
        let form_page = format!("{conversation}/statements/{number}/languages");
        let page = body_text(send(&w.router, get_in(&form_page, &team, "en")).await).await;
        assert!(page.contains(&format!("Statement {number}")), "the form shows the statement as written");
        let form: String = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("csrf", &super::hidden_csrf(&page))
            .append_pair("original", "en")
            .append_pair("translation-ar", arabic[number])
            .append_pair("translation-fr", french[number])
            .append_pair("translation-ru", "")
            .finish();
        let saved = send(&w.router, super::post(&form_page, &team, &form)).await;
        assert_eq!(saved.status(), axum::http::StatusCode::SEE_OTHER);
        let page = body_text(send(&w.router, get_in(&form_page, &team, "en")).await).await;
        assert!(page.contains(&format!("value=\"{}\"", french[number])), "the form shows what was saved");
    }
    // A participant may not.
    let tarek = sign_in(&w, "tarek").await;
    let refused =
        send(&w.router, super::post(&format!("{conversation}/statements/0/languages"), &tarek, "csrf=x")).await;
    assert!(refused.status().is_client_error());

    // A voter reads the translation in their language, the original one click away, each in
    // its own language and direction; with no translation in theirs, the original.
    let path = format!("/join/{}", link.pass.expose());
    let welcome = send(&w.router, get_in(&path, "", "ar")).await;
    let presession = super::set_cookie(&welcome, "tracktwo_presession").unwrap().split(';').next().unwrap().to_owned();
    let csrf = tracktwo_app::csrf_token(presession.split('=').nth(1).unwrap());
    let joined = send(&w.router, super::post(&path, &presession, &format!("csrf={csrf}"))).await;
    let ballot = super::set_cookie(&joined, "tracktwo_ballot").unwrap().split(';').next().unwrap().to_owned();
    for (asked, lang, translations, original_label) in [
        ("ar", "ar", Some(arabic), Some("كما كُتبت")),
        ("fr-FR", "fr", Some(french), Some("Texte d’origine")),
        ("ru", "en", None, None),
        ("en", "en", None, None),
    ] {
        let page = body_text(send(&w.router, get_in("/ballot", &ballot, asked)).await).await;
        let (number, shown) = ballot_statement(&page);
        let written = format!("Statement {number}");
        let expected = translations.map_or(written.clone(), |t| t[number as usize].to_owned());
        assert_eq!(shown, format!(" lang=\"{lang}\" dir=\"auto\">{expected}"), "{asked}");
        match original_label {
            Some(label) => assert!(
                page.contains(&format!(
                    "<details class=\"original\"><summary>{label}</summary><span class=\"original-text\" lang=\"en\" dir=\"auto\">{written}</span></details>"
                )),
                "{asked}: the original is not one click away: {page}"
            ),
            None => assert!(!page.contains("<details class=\"original\">"), "{asked}: the original is what is shown"),
        }
    }

    // The API gives a client the statement as written, its language and every translation.
    let token = ballot.split_once('=').unwrap().1;
    let request = axum::http::Request::get("/api/v1/ballot")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    let answer: serde_json::Value = serde_json::from_str(&body_text(send(&w.router, request).await).await).unwrap();
    let statement = &answer["statement"];
    let number = statement["id"].as_u64().unwrap() as usize;
    assert_eq!(statement["text"], format!("Statement {number}"));
    assert_eq!(statement["language"], "en");
    assert_eq!(statement["translations"], serde_json::json!({ "ar": arabic[number], "fr": french[number] }));

    // The team's results in each language show the translation with the original.
    for (asked, shown) in [("ar", arabic[1]), ("fr", french[1])] {
        let page = body_text(send(&w.router, get_in(&conversation, &team, asked)).await).await;
        let table = page.split("id=\"statements\"").nth(1).unwrap();
        assert!(table.contains(&format!("dir=\"auto\">{shown}</span>")), "{asked}: {table}");
        assert!(table.contains("<span class=\"original-text\" lang=\"en\" dir=\"auto\">Statement 1</span>"), "{asked}");
    }
    let page = body_text(send(&w.router, get_in(&conversation, &team, "ru")).await).await;
    let table = page.split("id=\"statements\"").nth(1).unwrap();
    assert!(table.contains("lang=\"en\" dir=\"auto\">Statement 1</span>") && !table.contains(arabic[1]));
}
