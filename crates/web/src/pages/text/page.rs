//! A text's page: one version (the newest unless asked for another, or a translation beside its
//! original), where the package stands, the clauses with what the reader may see of the
//! comments and suggestions, the forms the reader may use, and the version history.

use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_app::negotiating_text::TextView;
use tracktwo_domain::negotiating_text::agreement::Agreement;
use tracktwo_domain::negotiating_text::{ClauseId, Draft, Figures, Language, TextId, plain};
use tracktwo_domain::{InitiativeId, Operation, Scope};

use super::clauses::{Reader, body, heading, parts};
use super::{SideNames, agreement, nav, text_path};
use crate::PageResult;
use crate::extract::{ItemPath, QueryVisit};
use crate::forms::{date_time_text, invalid};
use crate::pages::layout::page;

/// `?version=N&lang=ar`: a version by number, or the newest in a language.
#[derive(Deserialize)]
pub struct TextQuery {
    #[serde(default)]
    version: String,
    #[serde(default)]
    lang: String,
    /// `c5`: the clause to comment on, its forms open.
    #[serde(default)]
    respond: String,
}

pub async fn text(
    QueryVisit(state, user, query, ItemPath(id, text)): QueryVisit<TextQuery, ItemPath<TextId>>,
) -> PageResult {
    let version = match query.version.trim() {
        "" => None,
        n => Some(n.parse::<u32>().map_err(|_| invalid("version", "must be a version number"))?),
    };
    let language = match query.lang.trim() {
        "" => None,
        tag => Some(Language::parse(tag).map_err(tracktwo_app::AppError::Invalid)?),
    };
    let respond = match query.respond.trim() {
        "" => None,
        clause => Some(clause.parse::<ClauseId>().map_err(tracktwo_app::AppError::Invalid)?),
    };
    let view = state.app.text(&user.identity, id, text, version, language).await?;
    let sides = SideNames(state.app.sides(&user.identity, id).await?);
    let may = state.app.permissions(&user.identity, id, Operation::ViewInitiative).await?;
    // Where the reader may comment: the plenary, and each caucus the core allows them.
    let scopes: Vec<Scope> = std::iter::once(Scope::Plenary)
        .chain(sides.0.iter().map(|s| Scope::Caucus(s.id)))
        .filter(|scope| may.allows(Operation::CommentOnText(*scope)))
        .collect();
    let on_latest = view.text.latest().is_some_and(|l| l.number == view.version.summary.number);
    let options = if view.text.drafted_options.is_empty() && !view.may_draft {
        Vec::new()
    } else {
        state.app.options(&user.identity, id).await?
    };
    let drafted = view
        .text
        .drafted_options
        .iter()
        .filter_map(|(option, clause)| {
            options.iter().find(|(o, _)| o == option).map(|(_, o)| (*clause, *option, o.title.clone()))
        })
        .collect();
    let reader = Reader {
        initiative: id,
        text,
        csrf: user.csrf(),
        sides: &sides,
        scopes,
        may_draft: view.may_draft,
        on_latest,
        respond,
        comments: &view.comments,
        suggestions: &view.suggestions,
        drafted,
    };
    let summary = &view.version.summary;
    let title = view.text.title.clone();
    let pen = if view.may_draft && on_latest && view.source.is_none() {
        let roster = state.app.roster(&user.identity, id).await?;
        super::pen::pen_forms(&view, &reader.csrf, &sides, &roster, &options)
    } else {
        html! {}
    };
    Ok(page(
        &title,
        &user,
        html! {
            (nav(id, Some(text)))
            h1 { (title) }
            dl.facts #version {
                dt { "Version" } dd { (summary.number) @if !on_latest && view.source.is_none() { " " span.tag.warn { "not the newest" } } }
                dt { "Language" } dd { (summary.language.as_str()) @if summary.language == view.text.authoritative { " (authoritative)" } @else { " (translation of version " (summary.renders_version.unwrap_or_default()) ")" } }
                dt { "Committed" } dd { (date_time_text(summary.committed_at)) }
                dt { "Content hash" } dd { code title=(summary.hash.to_hex()) { (summary.hash.short()) } }
                dt { "Status" } dd { (agreement(&view.agreement, &sides)) }
            }
            (figures(&summary.figures))
            (sign_off(&view, &reader))
            @if let Some(source) = &view.source {
                (side_by_side(&view, &source.draft, &source.summary.language))
            } @else {
                (parts(&view.version.draft, &reader))
            }
            (history(&view))
            @if view.may_draft { (new_version(&view, &reader)) }
            (pen)
        },
    ))
}

fn figures(figures: &Figures) -> Markup {
    html! {
        p #figures {
            (figures.words) " words, " (figures.clauses) " clauses, " (figures.brackets) " brackets, "
            (figures.alternatives) " alternatives, " (figures.agreed) " agreed ad referendum"
        }
    }
}

/// A signatory's yes, offered only on the newest settled version their side has not signed.
fn sign_off(view: &TextView, reader: &Reader<'_>) -> Markup {
    let Some(side) = view.signs_for else { return html! {} };
    let Agreement::AwaitingSignOff { version, missing, .. } = &view.agreement else { return html! {} };
    let Some(latest) = view.text.latest() else { return html! {} };
    if !missing.contains(&side) || latest.number != *version {
        return html! {};
    }
    html! {
        form.stack #sign-off method="post" action={ (text_path(reader.initiative, reader.text)) "/sign-off" } {
            input type="hidden" name="csrf" value=(reader.csrf);
            input type="hidden" name="version" value=(latest.number);
            input type="hidden" name="hash" value=(latest.hash.to_hex());
            p { "You sign for " (reader.sides.scope(Scope::Caucus(side)).trim_start_matches("caucus: ")) ". Signing says yes to the whole of version " (latest.number) " (" code { (latest.hash.short()) } ") as it stands; a later version needs a new yes." }
            button type="submit" { "Sign off version " (latest.number) }
        }
    }
}

/// A translation beside the authoritative text as it stands now, clause by clause.
fn side_by_side(view: &TextView, source: &Draft, source_language: &Language) -> Markup {
    let language = &view.version.summary.language;
    let dir = if language.is_right_to_left() { "rtl" } else { "ltr" };
    html! {
        @if !view.version.out_of_date.is_empty() {
            p.error #out-of-date { (view.version.out_of_date.len()) " clauses of this translation render an older wording of their source." }
        }
        div.scroll { table.side-by-side {
            thead { tr { th scope="col" { "Authoritative (" (source_language.as_str()) ")" } th scope="col" { "Translation (" (language.as_str()) ")" } } }
            tbody { @for clause in source.clauses() { tr #(clause.id) {
                td lang=(source_language.as_str()) { strong { (heading(clause)) } (body(clause)) }
                @match view.version.draft.clause(clause.id) {
                    Some(translated) => td lang=(language.as_str()) dir=(dir) {
                        @if view.version.out_of_date.contains(&clause.id) { span.tag.warn dir="ltr" { "out of date" } " " }
                        (body(translated))
                    },
                    None => td { span.tag.warn { "not translated" } },
                }
            } } }
        } }
    }
}

fn history(view: &TextView) -> Markup {
    let path = text_path(view.text.initiative, view.id);
    let authoritative: Vec<_> = view.text.versions.iter().filter(|v| v.language == view.text.authoritative).collect();
    html! {
        h2 #history { "Versions" }
        (super::chart::chart(&authoritative))
        table #versions {
            thead { tr {
                th scope="col" { "Version" } th scope="col" { "Language" } th scope="col" { "Committed" }
                th.num scope="col" { "Words" } th.num scope="col" { "Brackets" } th.num scope="col" { "Alternatives" } th.num scope="col" { "Agreed" }
            } }
            tbody { @for v in view.text.versions.iter().rev() { tr {
                td { a href={ (path) "?version=" (v.number) } { "Version " (v.number) } }
                td { (v.language.as_str()) @if let Some(n) = v.renders_version { " (of version " (n) ")" } }
                td { (date_time_text(v.committed_at)) }
                td.num { (v.figures.words) } td.num { (v.figures.brackets) } td.num { (v.figures.alternatives) } td.num { (v.figures.agreed) }
            } } }
        }
    }
}

/// The facilitator's pen: the whole draft as plain lines, prefilled with the version shown.
fn new_version(view: &TextView, reader: &Reader<'_>) -> Markup {
    let mut draft = view.version.draft.clone();
    // A clause translated from the source as it stands needs no `renders` line: it is linked
    // again on commit. Only the out-of-date ones keep theirs, until their translation is redone.
    for part in &mut draft.parts {
        for clause in &mut part.clauses {
            if !view.version.out_of_date.contains(&clause.id) {
                clause.renders = None;
            }
        }
    }
    let language = &view.version.summary.language;
    html! {
        h2 #new-version { "New version" }
        details {
            summary { "How to write it" }
            p.muted { "One line each: " code { "title:" } ", " code { "preamble:" } ", " code { "# p2 Part heading" } " (" code { "# Heading" } " for a new part), "
                code { "c12: words" } " (" code { "[words]" } " a bracket, " code { "[a|b]" } " a choice), " code { "c3 (ad referendum): words" } ", "
                code { "c12 heading: …" } ", " code { "c5 Alt A: …" } " and " code { "c5 Alt B: …" } " for alternatives, "
                code { "c5 Alt B replaces: words" } ", and " code { "new: words" } " for a clause not yet in the text. A line starting with two spaces continues the one before. In a translation, "
                code { "c4 renders: …" } " marks a clause still translated from an older source; remove it once the translation is redone." }
        }
        form.stack.wide method="post" action={ (text_path(reader.initiative, reader.text)) "/versions" } {
            input type="hidden" name="csrf" value=(reader.csrf);
            label { "Language"
                select name="language" {
                    @for l in view.text.languages() { option value=(l.as_str()) selected[l == language] { (l.as_str()) } }
                }
            }
            label { "Or a new translation's language (a tag such as fr or ru)" input name="new_language"; }
            label { "The draft" textarea.draft name="draft" rows="24" required { (plain::render(&draft)) } }
            button type="submit" { "Commit version " (view.text.next_number()) }
        }
    }
}

/// A draft refused: the error by line, and the lines as they were sent, to mend.
pub(super) fn refused_draft(
    (initiative, text): (InitiativeId, TextId),
    csrf: &str,
    error: &str,
    sent: &str,
    language: &str,
) -> Markup {
    html! {
        (nav(initiative, Some(text)))
        h1 { "The draft was not committed" }
        p.error role="alert" #draft-error { (error) }
        form.stack.wide method="post" action={ (text_path(initiative, text)) "/versions" } {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="language" value=(language);
            label { "The draft" textarea.draft name="draft" rows="24" required { (sent) } }
            button type="submit" { "Commit" }
        }
    }
}
