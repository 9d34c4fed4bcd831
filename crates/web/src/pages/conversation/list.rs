//! The conversations of an initiative: the list, a new one opened, a Pol.is export imported.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use tracktwo_app::{AppError, Outward};
use tracktwo_domain::Operation;
use tracktwo_domain::conversation::{Conversation, ConversationMode};

use super::conversation_path;
use tracktwo_i18n::text;

use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, Visit};
use crate::forms::{Pairs, field};
use crate::pages::layout::{import_refused, page};
use crate::pages::words;
use crate::refusals::Refusal;

pub async fn conversations(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let list = state.app.conversations(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let team = may.allows(Operation::RunConversation);
    Ok(page(
        &say("conversation-conversations"),
        &user,
        html! {
            p { a href={ "/initiatives/" (id) } { (say("conversation-initiative")) } }
            h1 { (say("conversation-conversations")) }
            p.muted { (say("conversation-short-statements-that-participants")) }
            @if list.is_empty() { p { (say("conversation-no-conversation-yet")) } } @else {
                div.scroll tabindex="0" role="region" aria-label=(say("conversation-conversations")) { table #conversations {
                    thead { tr { th scope="col" { (say("conversation-conversation")) } th scope="col" { (say("conversation-mode")) } th.num scope="col" { (say("conversation-statements")) } th.num scope="col" { (say("conversation-voters")) } th.num scope="col" { (say("conversation-votes")) } } }
                    tbody { @for c in &list { tr {
                        td {
                            @if team { a href=(conversation_path(id, c.id)) dir="auto" { (c.title) } }
                            @else { a href={ (conversation_path(id, c.id)) "/vote" } dir="auto" { (c.title) } }
                            @if c.closed { " " span.tag { (say("conversation-closed")) } }
                        }
                        td { (words::of(locale, c.mode)) } td.num { (locale.number(c.statements)) } td.num { (locale.number(c.voters)) } td.num { (locale.number(c.votes)) }
                    } } }
                } }
            }
            @if team {
                h2 { (say("conversation-open-a-conversation")) }
                form.stack method="post" action={ "/initiatives/" (id) "/conversations" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { (say("conversation-title")) input name="title" dir="auto" required; }
                    label { (say("conversation-the-question-put-to")) textarea name="question" dir="auto" {} }
                    label { (say("conversation-mode")) select name="mode" { @for m in ConversationMode::ALL {
                        @if *m != ConversationMode::Consultation || may.allows_outward(Outward::Consultation) {
                            option value=(m.as_str()) { (words::of(locale, m)) }
                        }
                    } } }
                    label { (say("conversation-segments-voters-may-declare")) input name="segments" dir="auto"; }
                    label.check { input type="checkbox" name="accepts_statements" value="yes" checked; (say("conversation-participants-may-propose-statements")) }
                    label { (say("conversation-seed-statements-one-per")) textarea name="statements" dir="auto" {} }
                    button type="submit" { (say("conversation-open")) }
                }
                @if !may.allows_outward(Outward::PolisImport) {
                    p.muted #closed-channel { (say("conversation-a-secret-channel-opens")) }
                } @else {
                    h2 { (say("conversation-import-a-pol-is")) }
                    p.muted { (say("conversation-paste-the-export-s")) }
                    form.stack method="post" action={ "/initiatives/" (id) "/conversations/import" } {
                        input type="hidden" name="csrf" value=(user.csrf());
                        label { (say("conversation-title")) input name="title" dir="auto" required; }
                        label { (say("conversation-comments-csv")) textarea name="comments" required {} }
                        label { (say("conversation-votes-csv")) textarea name="votes" required {} }
                        button type="submit" { (say("conversation-import")) }
                    }
                }
            }
        },
    ))
}

pub async fn create_conversation(
    CsrfForm(state, user, InitiativePath(id), fields): CsrfForm<Pairs, InitiativePath>,
) -> PageResult {
    let conversation = Conversation {
        title: field(&fields, "title").trim().to_owned(),
        question: field(&fields, "question").trim().to_owned(),
        mode: ConversationMode::parse(field(&fields, "mode")).map_err(AppError::Invalid)?,
        segments: Conversation::parse_segments(field(&fields, "segments")),
        accepts_statements: !field(&fields, "accepts_statements").is_empty(),
        seed: 0,
        closed: false,
    };
    let statements: Vec<String> =
        field(&fields, "statements").lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
    let conversation = state.app.create_conversation(&user.identity, id, conversation, &statements).await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}

pub async fn import_conversation(
    CsrfForm(state, user, InitiativePath(id), fields): CsrfForm<Pairs, InitiativePath>,
) -> PageResult {
    let imported = state
        .app
        .import_polis_export(
            &user.identity,
            id,
            field(&fields, "title").trim(),
            field(&fields, "comments").as_bytes(),
            field(&fields, "votes").as_bytes(),
        )
        .await;
    let conversation = match imported {
        Ok(conversation) => conversation,
        Err(refused @ (AppError::Import { .. } | AppError::PolisImport(_))) => {
            let reason = Refusal::of(&refused).html(user.locale);
            return Ok(import_refused(&user, reason, &format!("/initiatives/{id}/conversations")));
        }
        Err(other) => return Err(other.into()),
    };
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}
