//! One version's clauses by part: each clause's words with its brackets marked, its standing,
//! the comments and suggestions its reader may see, and the forms the reader may use on it.

use maud::{Markup, html};
use tracktwo_domain::Scope;
use tracktwo_domain::negotiating_text::feedback::{Outcome, Suggestion, TextComment};
use tracktwo_domain::negotiating_text::{Body, Clause, ClauseId, Draft, Replaces, TextId, parse_notation};
use tracktwo_domain::{InitiativeId, OptionId, SuggestionId, TextCommentId};

use super::{SideNames, scope_value, spans, text_path};
use tracktwo_i18n::{Arg, Locale, text_with};

use crate::pages::words;

/// What the clauses are shown with: the reader's voice and pen, and what they may see.
pub(super) struct Reader<'a> {
    /// The reader's language.
    pub locale: Locale,
    pub initiative: InitiativeId,
    pub text: TextId,
    pub csrf: String,
    pub sides: &'a SideNames,
    /// Where the reader may comment and suggest; empty for a reader who may not.
    pub scopes: Vec<Scope>,
    pub may_draft: bool,
    /// Forms are offered on the newest authoritative version only: comments go to it.
    pub on_latest: bool,
    /// The clause whose comment, suggestion and reply forms are open: one at a time, so the
    /// page stays light.
    pub respond: Option<ClauseId>,
    pub comments: &'a [(TextCommentId, TextComment)],
    pub suggestions: &'a [(SuggestionId, Suggestion)],
    /// Options of the register drafted into clauses: the clause, the option, its title.
    pub drafted: Vec<(ClauseId, OptionId, String)>,
}

impl Reader<'_> {
    fn action(&self, what: &str) -> String {
        format!("{}/{what}", text_path(self.initiative, self.text))
    }

    fn scope_select(&self) -> Markup {
        let locale = self.locale;
        let say = |id: &str| tracktwo_i18n::text(locale, id);
        html! {
            label { (say("text-where")) select name="scope" {
                @for scope in &self.scopes { option value=(scope_value(*scope)) { (self.sides.scope(locale, *scope)) } }
            } }
        }
    }
}

/// A clause's body: its words, or its alternatives labelled.
pub(super) fn body(locale: Locale, clause: &Clause) -> Markup {
    html! {
        @match &clause.body {
            Body::Text(words) => p.clause-text dir="auto" { (spans(words)) },
            Body::Alternatives(alternatives) => ul.alternatives {
                @for alternative in alternatives { li {
                    strong { (text_with(locale, "text-alternative", &[("label", Arg::Text(&alternative.label))])) } ": " span dir="auto" { (spans(&alternative.text)) }
                    @if let Replaces::Words(words) = &alternative.replaces { " " span.muted { (text_with(locale, "text-in-place-of-words", &[("words", Arg::Text(words))])) } }
                } }
            },
        }
    }
}

pub(super) fn heading(locale: Locale, clause: &Clause) -> Markup {
    html! {
        (clause.id) @if !clause.heading.is_empty() { " " bdi { (clause.heading) } }
        " " span.tag.standing { (words::of(locale, clause.standing())) }
    }
}

/// Every part of the draft with its clauses and what is said about them.
pub(super) fn parts(draft: &Draft, reader: &Reader<'_>) -> Markup {
    let locale = reader.locale;
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    html! {
        @if !draft.preamble.is_empty() { p.preamble dir="auto" { (draft.preamble) } }
        @for part in &draft.parts {
            section.part #(part.id) {
                h2 { (part.id) " " bdi { (part.heading) } }
                @for clause in &part.clauses {
                    section.clause #(clause.id) {
                        h3 { (heading(locale, clause)) }
                        (body(locale, clause))
                        @for (_, option, title) in reader.drafted.iter().filter(|(c, ..)| *c == clause.id) {
                            p.drafted-from { (say("text-drafted-from-the-option")) " " a href={ "/initiatives/" (reader.initiative) "/options#option-" (option) } dir="auto" { (title) } }
                        }
                        (feedback(clause.id, reader))
                        @if reader.on_latest && !reader.scopes.is_empty() {
                            @if reader.respond == Some(clause.id) { (respond(clause, reader)) }
                            @else { p { a.respond href={ (text_path(reader.initiative, reader.text)) "?respond=" (clause.id) "#" (clause.id) } { (text_with(locale, "text-comment-or-suggest-on", &[("clause", Arg::Text(&clause.id.to_string()))])) } } }
                        }
                    }
                }
            }
        }
    }
}

/// The comments and suggestions on one clause that the reader may see, with their voices.
fn feedback(clause: ClauseId, reader: &Reader<'_>) -> Markup {
    let locale = reader.locale;
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    let comments: Vec<_> = reader.comments.iter().filter(|(_, c)| c.clause == clause).collect();
    let suggestions: Vec<_> = reader.suggestions.iter().filter(|(_, s)| s.clause == clause).collect();
    html! {
        @for (id, comment) in comments {
            div.note.comment #{ "comment-" (id) } {
                span.tag { (reader.sides.voice(locale, comment.voice)) } " "
                span.muted { (text_with(locale, "text-comment-where", &[("scope", Arg::Text(&reader.sides.scope(locale, comment.scope))), ("version", Arg::count(comment.version)), ("at", Arg::Text(&locale.date_time(comment.at)))]))
                    @if comment.reply_to.is_some() { ", " (say("text-a-reply")) } }
                "\n" span dir="auto" { (comment.body) }
                @if reader.respond == Some(clause) && reader.scopes.contains(&comment.scope) && comment.reply_to.is_none() {
                    details { summary { (say("text-reply")) }
                        form.stack method="post" action=(reader.action("comments")) {
                            input type="hidden" name="csrf" value=(reader.csrf);
                            input type="hidden" name="clause" value=(clause);
                            input type="hidden" name="scope" value=(scope_value(comment.scope));
                            input type="hidden" name="reply_to" value=(id);
                            label { (say("text-reply")) textarea name="body" dir="auto" required {} }
                            button type="submit" { (say("text-reply")) }
                        }
                    }
                }
            }
        }
        @for (id, suggestion) in suggestions { (suggestion_view(*id, suggestion, reader)) }
    }
}

fn suggestion_view(id: SuggestionId, suggestion: &Suggestion, reader: &Reader<'_>) -> Markup {
    let locale = reader.locale;
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    html! {
        div.note.suggestion #{ "suggestion-" (id) } {
            span.tag { (reader.sides.voice(locale, suggestion.voice)) } " " (say("text-suggests")) " "
            span.muted { "(" (text_with(locale, "text-scope-on-version", &[("scope", Arg::Text(&reader.sides.scope(locale, suggestion.scope))), ("version", Arg::count(suggestion.version))])) ")" } ": "
            @match parse_notation(&suggestion.wording) {
                Ok(words) => q dir="auto" { (spans(&words)) },
                Err(_) => q dir="auto" { (suggestion.wording) },
            }
            @if !suggestion.rationale.is_empty() { " " (say("text-why")) " " span dir="auto" { (suggestion.rationale) } }
            @if let Some(answer) = &suggestion.answer {
                "\n" strong.outcome { (words::of(locale, answer.outcome)) } " " (text_with(locale, "text-for-version-number", &[("version", Arg::count(answer.for_version))])) ": " span dir="auto" { (answer.reason) }
            } @else if reader.may_draft {
                form.inline-form method="post" action=(reader.action("answers")) {
                    input type="hidden" name="csrf" value=(reader.csrf);
                    input type="hidden" name="suggestion" value=(id);
                    label { (say("text-answer")) select name="outcome" { @for o in Outcome::ALL { option value=(o.as_str()) { (words::of(locale, o)) } } } }
                    label { (say("text-reason")) input name="reason" required; }
                    button type="submit" { (say("text-answer")) }
                }
            } @else {
                "\n" span.muted { (say("text-waiting-for-the-facilitator")) }
            }
        }
    }
}

/// The reader's comment and suggestion forms for one clause.
fn respond(clause: &Clause, reader: &Reader<'_>) -> Markup {
    let locale = reader.locale;
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    html! {
        div.respond #respond {
            h4 { (text_with(locale, "text-comment-or-suggest-on", &[("clause", Arg::Text(&clause.id.to_string()))])) }
            form.stack #comment-form method="post" action=(reader.action("comments")) {
                input type="hidden" name="csrf" value=(reader.csrf);
                input type="hidden" name="clause" value=(clause.id);
                (reader.scope_select())
                label { (say("text-comment-2")) textarea name="body" dir="auto" required {} }
                button type="submit" { (say("text-comment-2")) }
            }
            form.stack #suggestion-form method="post" action=(reader.action("suggestions")) {
                input type="hidden" name="csrf" value=(reader.csrf);
                input type="hidden" name="clause" value=(clause.id);
                (reader.scope_select())
                label { (say("text-wording-you-suggest-words")) textarea name="wording" dir="auto" required {} }
                label { (say("text-why-2")) input name="rationale"; }
                button type="submit" { (say("text-suggest")) }
            }
        }
    }
}
