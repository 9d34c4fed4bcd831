//! One version's clauses by part: each clause's words with its brackets marked, its standing,
//! the comments and suggestions its reader may see, and the forms the reader may use on it.

use maud::{Markup, html};
use tracktwo_domain::Scope;
use tracktwo_domain::negotiating_text::feedback::{Outcome, Suggestion, TextComment};
use tracktwo_domain::negotiating_text::{Body, Clause, ClauseId, Draft, Replaces, TextId, parse_notation};
use tracktwo_domain::{InitiativeId, OptionId, SuggestionId, TextCommentId};

use super::{SideNames, scope_value, spans, text_path};
use crate::forms::date_time_text;

/// What the clauses are shown with: the reader's voice and pen, and what they may see.
pub(super) struct Reader<'a> {
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
        html! {
            label { "Where" select name="scope" {
                @for scope in &self.scopes { option value=(scope_value(*scope)) { (self.sides.scope(*scope)) } }
            } }
        }
    }
}

/// A clause's body: its words, or its alternatives labelled.
pub(super) fn body(clause: &Clause) -> Markup {
    html! {
        @match &clause.body {
            Body::Text(words) => p.clause-text { (spans(words)) },
            Body::Alternatives(alternatives) => ul.alternatives {
                @for alternative in alternatives { li {
                    strong { "Alt " (alternative.label) } ": " (spans(&alternative.text))
                    @if let Replaces::Words(words) = &alternative.replaces { " " span.muted { "(in place of “" (words) "”)" } }
                } }
            },
        }
    }
}

pub(super) fn heading(clause: &Clause) -> Markup {
    html! {
        (clause.id) @if !clause.heading.is_empty() { " " (clause.heading) }
        " " span.tag.standing { (clause.standing().as_str()) }
    }
}

/// Every part of the draft with its clauses and what is said about them.
pub(super) fn parts(draft: &Draft, reader: &Reader<'_>) -> Markup {
    html! {
        @if !draft.preamble.is_empty() { p.preamble { (draft.preamble) } }
        @for part in &draft.parts {
            section.part #(part.id) {
                h2 { (part.id) " " (part.heading) }
                @for clause in &part.clauses {
                    section.clause #(clause.id) {
                        h3 { (heading(clause)) }
                        (body(clause))
                        @for (_, option, title) in reader.drafted.iter().filter(|(c, ..)| *c == clause.id) {
                            p.drafted-from { "Drafted from the option " a href={ "/initiatives/" (reader.initiative) "/options#option-" (option) } { (title) } }
                        }
                        (feedback(clause.id, reader))
                        @if reader.on_latest && !reader.scopes.is_empty() {
                            @if reader.respond == Some(clause.id) { (respond(clause, reader)) }
                            @else { p { a.respond href={ (text_path(reader.initiative, reader.text)) "?respond=" (clause.id) "#" (clause.id) } { "Comment or suggest wording on " (clause.id) } } }
                        }
                    }
                }
            }
        }
    }
}

/// The comments and suggestions on one clause that the reader may see, with their voices.
fn feedback(clause: ClauseId, reader: &Reader<'_>) -> Markup {
    let comments: Vec<_> = reader.comments.iter().filter(|(_, c)| c.clause == clause).collect();
    let suggestions: Vec<_> = reader.suggestions.iter().filter(|(_, s)| s.clause == clause).collect();
    html! {
        @for (id, comment) in comments {
            div.note.comment #{ "comment-" (id) } {
                span.tag { (reader.sides.voice(comment.voice)) } " "
                span.muted { (reader.sides.scope(comment.scope)) ", on version " (comment.version) ", " (date_time_text(comment.at))
                    @if comment.reply_to.is_some() { ", a reply" } }
                "\n" (comment.body)
                @if reader.respond == Some(clause) && reader.scopes.contains(&comment.scope) && comment.reply_to.is_none() {
                    details { summary { "Reply" }
                        form.stack method="post" action=(reader.action("comments")) {
                            input type="hidden" name="csrf" value=(reader.csrf);
                            input type="hidden" name="clause" value=(clause);
                            input type="hidden" name="scope" value=(scope_value(comment.scope));
                            input type="hidden" name="reply_to" value=(id);
                            label { "Reply" textarea name="body" required {} }
                            button type="submit" { "Reply" }
                        }
                    }
                }
            }
        }
        @for (id, suggestion) in suggestions { (suggestion_view(*id, suggestion, reader)) }
    }
}

fn suggestion_view(id: SuggestionId, suggestion: &Suggestion, reader: &Reader<'_>) -> Markup {
    html! {
        div.note.suggestion #{ "suggestion-" (id) } {
            span.tag { (reader.sides.voice(suggestion.voice)) } " suggests "
            span.muted { "(" (reader.sides.scope(suggestion.scope)) ", on version " (suggestion.version) ")" } ": "
            @match parse_notation(&suggestion.wording) {
                Ok(words) => q { (spans(&words)) },
                Err(_) => q { (suggestion.wording) },
            }
            @if !suggestion.rationale.is_empty() { "\nWhy: " (suggestion.rationale) }
            @if let Some(answer) = &suggestion.answer {
                "\n" strong.outcome { (answer.outcome.as_str()) } " for version " (answer.for_version) ": " (answer.reason)
            } @else if reader.may_draft {
                form.inline-form method="post" action=(reader.action("answers")) {
                    input type="hidden" name="csrf" value=(reader.csrf);
                    input type="hidden" name="suggestion" value=(id);
                    label { "Answer" select name="outcome" { @for o in Outcome::ALL { option value=(o.as_str()) { (o.as_str()) } } } }
                    label { "Reason" input name="reason" required; }
                    button type="submit" { "Answer" }
                }
            } @else {
                "\n" span.muted { "waiting for the facilitator" }
            }
        }
    }
}

/// The reader's comment and suggestion forms for one clause.
fn respond(clause: &Clause, reader: &Reader<'_>) -> Markup {
    html! {
        div.respond #respond {
            h4 { "Comment or suggest wording on " (clause.id) }
            form.stack #comment-form method="post" action=(reader.action("comments")) {
                input type="hidden" name="csrf" value=(reader.csrf);
                input type="hidden" name="clause" value=(clause.id);
                (reader.scope_select())
                label { "Comment" textarea name="body" required {} }
                button type="submit" { "Comment" }
            }
            form.stack #suggestion-form method="post" action=(reader.action("suggestions")) {
                input type="hidden" name="csrf" value=(reader.csrf);
                input type="hidden" name="clause" value=(clause.id);
                (reader.scope_select())
                label { "Wording you suggest ([words] brackets, [a|b] a choice)" textarea name="wording" required {} }
                label { "Why" input name="rationale"; }
                button type="submit" { "Suggest" }
            }
        }
    }
}
