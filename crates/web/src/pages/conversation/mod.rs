//! Conversations for common ground: the team's pages (the list, the live results with the
//! opinion map, moderation and invitation links, Pol.is export and import), a private
//! conversation's ballot for participants, and the consultation pages an invitation link opens.
//!
//! The ballot is one statement at a time and a few kilobytes of HTML with no script, so it
//! works on a phone over a slow connection. A consultation voter's credential lives in a cookie
//! scripts cannot read; their forms carry an anti-CSRF token derived from it.

pub(crate) mod ballot;
pub(crate) mod export;
pub(crate) mod invitations;
pub(crate) mod list;
pub(crate) mod moderation;
pub(crate) mod results;
pub(crate) mod translations;
pub(crate) mod voters;

use maud::{Markup, html};
use tracktwo_domain::conversation::StatementLanguages;
use tracktwo_domain::negotiating_text::Language;
use tracktwo_domain::{ConversationId, InitiativeId};
use tracktwo_i18n::{Locale, text};

fn conversation_path(initiative: InitiativeId, id: ConversationId) -> String {
    format!("/initiatives/{initiative}/conversations/{id}")
}

/// What a reader of `locale` is shown of a statement: the team's translation into their
/// language where there is one, else the statement as written; with the language it is in,
/// where known.
fn shown<'a>(locale: Locale, text: &'a str, languages: &'a StatementLanguages) -> (&'a str, Option<&'a Language>) {
    match languages.for_reader(locale.tag()) {
        Some((language, translated)) => (translated, Some(language)),
        None => (text, languages.original.as_ref()),
    }
}

/// The statement as written, one click away (no script: a `<details>`), when the reader is
/// shown a translation; nothing when they read the original.
fn original_one_click_away(locale: Locale, written: &str, languages: &StatementLanguages) -> Option<Markup> {
    languages.for_reader(locale.tag())?;
    let original = languages.original.as_ref().map(Language::as_str);
    Some(html! {
        details.original {
            summary { (text(locale, "statement-original")) }
            span.original-text lang=[original] dir="auto" { (written) }
        }
    })
}

/// A statement in the reader's language, its own language and direction marked, with the
/// original one click away when a translation is shown.
fn statement_in(locale: Locale, written: &str, languages: &StatementLanguages) -> Markup {
    let (words, language) = shown(locale, written, languages);
    html! {
        span.statement-text lang=[language.map(Language::as_str)] dir="auto" { (words) }
        @if let Some(original) = original_one_click_away(locale, written, languages) { " " (original) }
    }
}
