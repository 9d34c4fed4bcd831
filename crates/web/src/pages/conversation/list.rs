//! The conversations of an initiative: the list, a new one opened, a Pol.is export imported.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use tracktwo_app::{AppError, Outward};
use tracktwo_domain::Operation;
use tracktwo_domain::conversation::{Conversation, ConversationMode};

use super::conversation_path;
use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, Visit};
use crate::forms::{Pairs, field};
use crate::pages::layout::{import_refused, page};

pub async fn conversations(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let list = state.app.conversations(&user.identity, id).await?;
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    let team = may.allows(Operation::RunConversation);
    Ok(page(
        "Conversations",
        &user,
        html! {
            p { a href={ "/initiatives/" (id) } { "← Initiative" } }
            h1 { "Conversations" }
            p.muted { "Short statements that participants agree with, disagree with or pass on. The common-ground engine finds the opinion groups, what each group stands for, and what every group and every side can support." }
            @if list.is_empty() { p { "No conversation yet." } } @else {
                table #conversations {
                    thead { tr { th scope="col" { "Conversation" } th scope="col" { "Mode" } th.num scope="col" { "Statements" } th.num scope="col" { "Voters" } th.num scope="col" { "Votes" } } }
                    tbody { @for c in &list { tr {
                        td {
                            @if team { a href=(conversation_path(id, c.id)) { (c.title) } }
                            @else { a href={ (conversation_path(id, c.id)) "/vote" } { (c.title) } }
                            @if c.closed { " " span.tag { "closed" } }
                        }
                        td { (c.mode.as_str()) } td.num { (c.statements) } td.num { (c.voters) } td.num { (c.votes) }
                    } } }
                }
            }
            @if team {
                h2 { "Open a conversation" }
                form.stack method="post" action={ "/initiatives/" (id) "/conversations" } {
                    input type="hidden" name="csrf" value=(user.csrf());
                    label { "Title" input name="title" required; }
                    label { "The question put to participants" textarea name="question" {} }
                    label { "Mode" select name="mode" { @for m in ConversationMode::ALL {
                        @if *m != ConversationMode::Consultation || may.allows_outward(Outward::Consultation) {
                            option value=(m.as_str()) { (m.label()) }
                        }
                    } } }
                    label { "Segments voters may declare (consultation; comma-separated)" input name="segments"; }
                    label.check { input type="checkbox" name="accepts_statements" value="yes" checked; "Participants may propose statements (they wait for moderation)" }
                    label { "Seed statements, one per line" textarea name="statements" {} }
                    button type="submit" { "Open" }
                }
                @if !may.allows_outward(Outward::PolisImport) {
                    p.muted #closed-channel { "A secret channel opens no consultation and takes no Pol.is import: their invitation links would reveal it." }
                } @else {
                    h2 { "Import a Pol.is export" }
                    p.muted { "Paste the export's comments.csv and votes.csv. The import is all or nothing; errors name the file and line." }
                    form.stack method="post" action={ "/initiatives/" (id) "/conversations/import" } {
                        input type="hidden" name="csrf" value=(user.csrf());
                        label { "Title" input name="title" required; }
                        label { "comments.csv" textarea name="comments" required {} }
                        label { "votes.csv" textarea name="votes" required {} }
                        button type="submit" { "Import" }
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
        Err(refused @ AppError::Import { .. }) => {
            return Ok(import_refused(&user, &refused.to_string(), &format!("/initiatives/{id}/conversations")));
        }
        Err(other) => return Err(other.into()),
    };
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}
