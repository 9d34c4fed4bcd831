//! The single negotiating text: the list of texts, one version with its clauses, comments,
//! suggestions and sign-off, a translation beside its original, the versions and their course,
//! the comparison of two versions, what is pending, a copy to download (bracketed, clean or
//! compared, PDF or DOCX, in a chosen language), and the pen's page (a new version as plain
//! lines, signatories, options drafted into clauses); answers to suggestions stay on the text.

pub(crate) mod actions;
mod chart;
mod clauses;
pub(crate) mod compare;
pub(crate) mod copy;
pub(crate) mod list;
pub(crate) mod page;
pub(crate) mod pen;
pub(crate) mod pending;
pub(crate) mod versions;

use axum::response::Response;
use maud::{Markup, html};
use tracktwo_app::AppError;
use tracktwo_domain::negotiating_text::agreement::Agreement;
use tracktwo_domain::negotiating_text::feedback::Voice;
use tracktwo_domain::negotiating_text::{Language, Span, TextId};
use tracktwo_domain::{InitiativeId, Scope, Side, SideId};

use tracktwo_i18n::{Arg, Locale, text, text_with};

use crate::extract::parse_id;
use crate::pages::layout::page;
use crate::session::SignedIn;

pub(crate) fn texts_path(initiative: InitiativeId) -> String {
    format!("/initiatives/{initiative}/texts")
}

pub(crate) fn text_path(initiative: InitiativeId, text: TextId) -> String {
    format!("/initiatives/{initiative}/texts/{text}")
}

/// Where a page of the texts sits: the list, or one text. Comparing versions and what is pending
/// need a version, so a text without one is not offered them.
#[derive(Clone, Copy)]
enum Within {
    List,
    Text { id: TextId, written: bool },
}

fn nav(locale: Locale, initiative: InitiativeId, within: Within) -> Markup {
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    html! {
        nav.sub aria-label=(say("text-nav")) {
            a href={ "/initiatives/" (initiative) } { (say("text-initiative")) }
            a href=(texts_path(initiative)) { (say("text-negotiating-texts")) }
            @if let Within::Text { id: text, written } = within {
                a href=(text_path(initiative, text)) { (say("text-the-text")) }
                a href={ (text_path(initiative, text)) "/versions" } { (say("text-versions")) }
                @if written {
                    a href={ (text_path(initiative, text)) "/compare" } { (say("text-compare-versions")) }
                    a href={ (text_path(initiative, text)) "/pending" } { (say("text-pending")) }
                }
            }
        }
    }
}

/// A page of one text whose heading is its title: the text's navigation, the heading (the
/// title's own direction, whatever the reader's), then the body.
fn text_page(user: &SignedIn, initiative: InitiativeId, within: Within, title: &str, body: Markup) -> Response {
    page(
        title,
        user,
        html! {
            (nav(user.locale, initiative, within))
            h1 dir="auto" { (title) }
            (body)
        },
    )
}

/// The sides by name: how a voice is shown. A comment speaks for a side or for the team, never
/// for a person.
pub(crate) struct SideNames(pub Vec<Side>);

impl SideNames {
    fn name(&self, locale: Locale, side: SideId) -> String {
        self.0.iter().find(|s| s.id == side).map_or_else(|| text(locale, "text-a-side"), |s| s.name.clone())
    }

    /// A voice as shown: a side's name (its own words, isolated so its script keeps its order),
    /// or the team's, from the messages.
    fn voice(&self, locale: Locale, voice: Voice) -> Markup {
        match voice {
            Voice::Side(side) => html! { bdi { (self.name(locale, side)) } },
            Voice::Team => html! { (text(locale, "text-voice-team")) },
        }
    }

    fn scope(&self, locale: Locale, scope: Scope) -> String {
        match scope {
            Scope::Plenary => text(locale, "text-scope-plenary"),
            Scope::Caucus(side) => {
                text_with(locale, "text-scope-caucus", &[("side", Arg::Text(&self.name(locale, side)))])
            }
        }
    }

    fn list(&self, locale: Locale, sides: impl IntoIterator<Item = SideId>) -> String {
        sides.into_iter().map(|s| self.name(locale, s)).collect::<Vec<_>>().join(", ")
    }
}

/// A clause's words with its brackets marked: `[words]` and a choice `[a | b]`.
fn spans(spans: &[Span]) -> Markup {
    html! {
        @for span in spans {
            @match span {
                Span::Words(words) => (words),
                Span::Bracketed(words) => mark.bracket { "[" (words) "]" },
                Span::Choice(wordings) => mark.bracket.choice { "[" (wordings.join(" | ")) "]" },
            }
        }
    }
}

/// Where the package stands, in words.
fn agreement(locale: Locale, agreement: &Agreement, sides: &SideNames) -> Markup {
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    html! {
        @match agreement {
            Agreement::NoVersion => span.tag { (say("text-no-version-yet")) },
            Agreement::Open { brackets, alternatives, .. } => {
                span.tag #status { (say("text-open-2")) } " " (text_with(locale, "text-left-open", &[("brackets", Arg::count(*brackets)), ("alternatives", Arg::count(*alternatives))]))
            }
            Agreement::AwaitingSignOff { signed, missing, .. } => {
                span.tag #status { (say("text-awaiting-sign-off")) }
                @if !signed.is_empty() { " " (text_with(locale, "text-signed-by", &[("sides", Arg::Text(&sides.list(locale, signed.iter().copied())))])) ";" }
                " " (text_with(locale, "text-waiting-for-sides", &[("sides", Arg::Text(&sides.list(locale, missing.iter().copied())))]))
            }
            Agreement::Agreed { version, hash } => {
                span.tag #status { (say("text-agreed-2")) } " " (text_with(locale, "text-every-side-signed", &[("version", Arg::count(*version))])) " (" code { (hash.short()) } ")"
            }
        }
    }
}

/// The direction a text's own words read in: its language's, whatever the reader's.
fn direction(language: &Language) -> &'static str {
    if language.is_right_to_left() { "rtl" } else { "ltr" }
}

/// A scope as a form sends it: `plenary`, or a side's id for its caucus.
fn scope_value(scope: Scope) -> String {
    match scope {
        Scope::Plenary => "plenary".to_owned(),
        Scope::Caucus(side) => side.to_string(),
    }
}

fn parse_scope(value: &str) -> Result<Scope, AppError> {
    match value.trim() {
        "" | "plenary" => Ok(Scope::Plenary),
        side => parse_id(side).map(Scope::Caucus),
    }
}
