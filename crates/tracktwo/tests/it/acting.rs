//! What the browser stories do on a page, as a person would: fill a field, choose an option,
//! press a button, and wait for the answer to show.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};

use crate::browser::shown;

/// Sets the value of the first element `css` matches, as a person typing or choosing would
/// (date pickers and selects do not take typed keys the same way in every locale).
pub(crate) async fn set(client: &Client, css: &str, value: &str) {
    let found = client
        .execute(
            "const e = document.querySelector(arguments[0]); if (!e) { return false; } e.value = arguments[1]; return true;",
            vec![css.into(), value.into()],
        )
        .await
        .unwrap();
    assert_eq!(found, serde_json::Value::Bool(true), "nothing matches {css}");
}

/// The value of the first option of `select` whose label holds `label`.
pub(crate) async fn option(client: &Client, select: &str, label: &str) -> String {
    for option in client.find_all(Locator::Css(&format!("{select} option"))).await.unwrap() {
        if shown(option.text().await.unwrap()).contains(label) {
            return option.attr("value").await.unwrap().unwrap_or_default();
        }
    }
    panic!("no option {label} in {select}");
}

pub(crate) async fn click(client: &Client, css: &str) {
    client.find(Locator::Css(css)).await.unwrap().click().await.unwrap();
}

/// The text of `css` (as a reader sees it) once it is on the page and holds `needle`. An empty
/// needle waits for the element alone: a submitted form's answer may still be on its way, and a
/// navigation started before it lands would be overtaken by it.
pub(crate) async fn wait_for(client: &Client, css: &str, needle: &str) -> String {
    let started = Instant::now();
    loop {
        let text = match client.find(Locator::Css(css)).await {
            Ok(element) => Some(shown(element.text().await.unwrap_or_default())),
            Err(_) => None,
        };
        if let Some(text) = text.as_ref().filter(|text| text.contains(needle)) {
            return text.clone();
        }
        let text = text.unwrap_or_default();
        assert!(started.elapsed() < Duration::from_secs(15), "`{needle}` never appeared in {css}: {text}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
