//! A text's versions: the course of its words, brackets and alternatives as a chart, and every
//! version and translation in a table, each linked to its page. Apart from the text's page so
//! that what a reader loads to read the text does not grow with its history.

use maud::{Markup, html};
use tracktwo_app::negotiating_text::TextHead;
use tracktwo_domain::negotiating_text::TextId;
use tracktwo_i18n::{Arg, Locale, text_with};

use super::{Within, text_page, text_path};
use crate::PageResult;
use crate::extract::{ItemPath, Visit};
use crate::forms::shown_date_time;

pub async fn versions(Visit(state, user, ItemPath(id, text)): Visit<ItemPath<TextId>>) -> PageResult {
    let locale = user.locale;
    let head = state.app.text_head(&user.identity, id, text).await?;
    let title = text_with(locale, "text-versions-title", &[("title", Arg::Text(&head.text.title))]);
    let within = Within::Text { id: text, written: !head.text.versions.is_empty() };
    Ok(text_page(&user, id, within, &title, history(locale, &head)))
}

fn history(locale: Locale, head: &TextHead) -> Markup {
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    let text = &head.text;
    if text.versions.is_empty() {
        return html! { p #versions { (say("text-not-written-yet")) } };
    }
    let path = text_path(text.initiative, head.id);
    let authoritative: Vec<_> = text.versions.iter().filter(|v| v.language == text.authoritative).collect();
    html! {
        (super::chart::chart(&authoritative, locale))
        div.scroll tabindex="0" role="region" aria-label=(say("text-versions")) { table #versions {
            thead { tr {
                th scope="col" { (say("text-version-2")) } th scope="col" { (say("text-language")) } th scope="col" { (say("text-committed")) }
                th.num scope="col" { (say("text-words")) } th.num scope="col" { (say("text-brackets")) } th.num scope="col" { (say("text-alternatives")) } th.num scope="col" { (say("text-agreed")) }
            } }
            tbody { @for v in text.versions.iter().rev() { tr {
                td { a href={ (path) "?version=" (v.number) } { (text_with(locale, "text-version-number", &[("version", Arg::count(v.number))])) } }
                td { code { (v.language.as_str()) } @if let Some(n) = v.renders_version { " " (text_with(locale, "text-of-version", &[("version", Arg::count(n))])) } }
                td { (shown_date_time(locale, v.committed_at)) }
                td.num { (locale.number(v.figures.words)) } td.num { (locale.number(v.figures.brackets)) } td.num { (locale.number(v.figures.alternatives)) } td.num { (locale.number(v.figures.agreed)) }
            } } }
        } }
    }
}
