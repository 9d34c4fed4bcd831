//! The single negotiating text: the list of texts, one version with its clauses, comments,
//! suggestions and sign-off, a translation beside its original, the comparison of two versions,
//! what is pending, and the facilitator's forms (a new version as plain lines, answers to
//! suggestions, signatories, options drafted into clauses).

pub(crate) mod actions;
mod chart;
mod clauses;
pub(crate) mod compare;
pub(crate) mod list;
pub(crate) mod page;
pub(crate) mod pen;
pub(crate) mod pending;

use maud::{Markup, html};
use tracktwo_app::AppError;
use tracktwo_domain::negotiating_text::agreement::Agreement;
use tracktwo_domain::negotiating_text::feedback::Voice;
use tracktwo_domain::negotiating_text::{Span, TextId};
use tracktwo_domain::{InitiativeId, Scope, Side, SideId};

use crate::extract::parse_id;

pub(crate) fn texts_path(initiative: InitiativeId) -> String {
    format!("/initiatives/{initiative}/texts")
}

pub(crate) fn text_path(initiative: InitiativeId, text: TextId) -> String {
    format!("/initiatives/{initiative}/texts/{text}")
}

fn nav(initiative: InitiativeId, text: Option<TextId>) -> Markup {
    html! {
        nav.sub aria-label="Negotiating text" {
            a href={ "/initiatives/" (initiative) } { "Initiative" }
            a href=(texts_path(initiative)) { "Negotiating texts" }
            @if let Some(text) = text {
                a href=(text_path(initiative, text)) { "The text" }
                a href={ (text_path(initiative, text)) "/compare" } { "Compare versions" }
                a href={ (text_path(initiative, text)) "/pending" } { "Pending" }
            }
        }
    }
}

/// The sides by name: how a voice is shown. A comment speaks for a side or for the team, never
/// for a person.
pub(crate) struct SideNames(pub Vec<Side>);

impl SideNames {
    fn name(&self, side: SideId) -> String {
        self.0.iter().find(|s| s.id == side).map_or_else(|| "a side".to_owned(), |s| s.name.clone())
    }

    fn voice(&self, voice: Voice) -> String {
        match voice {
            Voice::Side(side) => self.name(side),
            Voice::Team => "team".to_owned(),
        }
    }

    fn scope(&self, scope: Scope) -> String {
        match scope {
            Scope::Plenary => "plenary".to_owned(),
            Scope::Caucus(side) => format!("caucus: {}", self.name(side)),
        }
    }

    fn list(&self, sides: impl IntoIterator<Item = SideId>) -> String {
        sides.into_iter().map(|s| self.name(s)).collect::<Vec<_>>().join(", ")
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
fn agreement(agreement: &Agreement, sides: &SideNames) -> Markup {
    html! {
        @match agreement {
            Agreement::NoVersion => span.tag { "no version yet" },
            Agreement::Open { brackets, alternatives, .. } => {
                span.tag #status { "open" } " " (brackets) " brackets and " (alternatives) " alternatives left"
            }
            Agreement::AwaitingSignOff { signed, missing, .. } => {
                span.tag #status { "awaiting sign-off" }
                @if !signed.is_empty() { " signed: " (sides.list(signed.iter().copied())) ";" }
                " waiting for: " (sides.list(missing.iter().copied()))
            }
            Agreement::Agreed { version, hash } => {
                span.tag #status { "agreed" } " every side signed version " (version) " (" code { (hash.short()) } ")"
            }
        }
    }
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
