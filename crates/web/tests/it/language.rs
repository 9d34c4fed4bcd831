//! Pages in the reader's language: the browser's `Accept-Language` picks it, `lang` and `dir`
//! say it, and the frame's words come from its messages. A pseudo-locale shows, by its brackets,
//! that the frame's words all came through the messages.

use axum::body::Body;
use axum::http::{Request, header};

use super::{body_text, send, sign_in, world};

fn get_in(uri: &str, cookie: &str, language: &str) -> Request<Body> {
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
