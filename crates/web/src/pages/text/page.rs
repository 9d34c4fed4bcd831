//! A text's page: one version (the newest unless asked for another, or a translation beside its
//! original), where the package stands, the clauses with what the reader may see of the
//! comments and suggestions, the forms the reader may use, the version history, and the form that
//! downloads a copy of the version shown.

use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_app::negotiating_text::TextView;
use tracktwo_domain::negotiating_text::agreement::Agreement;
use tracktwo_domain::negotiating_text::{ClauseId, Draft, Figures, Language, TextId, plain};
use tracktwo_domain::{InitiativeId, Operation, Scope};

use super::clauses::{Reader, body, heading, parts};
use super::{SideNames, agreement, nav, text_path};
use tracktwo_i18n::{Arg, Locale, text_with};

use crate::PageResult;
use crate::extract::{ItemPath, QueryVisit};
use crate::forms::{invalid, shown_date_time};
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
    let locale = user.locale;
    let say = |id: &str| tracktwo_i18n::text(locale, id);
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
        locale: user.locale,
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
        super::pen::pen_forms(locale, &view, &reader.csrf, &sides, &roster, &options)
    } else {
        html! {}
    };
    Ok(page(
        &title,
        &user,
        html! {
            (nav(locale, id, Some(text)))
            h1 dir="auto" { (title) }
            dl.facts #version {
                dt { (say("text-version-2")) } dd { (summary.number) @if !on_latest && view.source.is_none() { " " span.tag.warn { (say("text-not-the-newest")) } } }
                dt { (say("text-language")) } dd { code { (summary.language.as_str()) } @if summary.language == view.text.authoritative { " " (say("text-authoritative")) } @else { " " (text_with(locale, "text-translation-of", &[("version", Arg::count(summary.renders_version.unwrap_or_default()))])) } }
                dt { (say("text-committed")) } dd { (shown_date_time(locale, summary.committed_at)) }
                dt { (say("text-content-hash")) } dd { code title=(summary.hash.to_hex()) { (summary.hash.short()) } }
                dt { (say("text-status")) } dd { (agreement(locale, &view.agreement, &sides)) }
            }
            (figures(locale, &summary.figures))
            (sign_off(&view, &reader))
            @if let Some(source) = &view.source {
                (side_by_side(locale, &view, &source.draft, &source.summary.language))
            } @else {
                (parts(&view.version.draft, &reader))
            }
            (history(locale, &view))
            (super::copy::copy_form(locale, &view))
            @if view.may_draft { (new_version(&view, &reader)) }
            (pen)
        },
    ))
}

fn figures(locale: Locale, figures: &Figures) -> Markup {
    html! {
        p #figures {
            (text_with(locale, "text-figures", &[
                ("words", Arg::count(figures.words)),
                ("clauses", Arg::count(figures.clauses)),
                ("brackets", Arg::count(figures.brackets)),
                ("alternatives", Arg::count(figures.alternatives)),
                ("agreed", Arg::count(figures.agreed)),
            ]))
        }
    }
}

/// A signatory's yes, offered only on the newest settled version their side has not signed.
fn sign_off(view: &TextView, reader: &Reader<'_>) -> Markup {
    let locale = reader.locale;
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
            p { (text_with(locale, "text-sign-for", &[("side", Arg::Text(&reader.sides.name(locale, side))), ("version", Arg::count(latest.number)), ("hash", Arg::Text(&latest.hash.short()))])) }
            button type="submit" { (text_with(locale, "text-sign-off-number", &[("version", Arg::count(latest.number))])) }
        }
    }
}

/// A translation beside the authoritative text as it stands now, clause by clause.
fn side_by_side(locale: Locale, view: &TextView, source: &Draft, source_language: &Language) -> Markup {
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    let language = &view.version.summary.language;
    let dir = if language.is_right_to_left() { "rtl" } else { "ltr" };
    html! {
        @if !view.version.out_of_date.is_empty() {
            p.error #out-of-date { (text_with(locale, "text-out-of-date-clauses", &[("count", Arg::count(view.version.out_of_date.len()))])) }
        }
        div.scroll { table.side-by-side {
            thead { tr { th scope="col" { (text_with(locale, "text-authoritative-in", &[("language", Arg::Text(source_language.as_str()))])) } th scope="col" { (text_with(locale, "text-translation-in", &[("language", Arg::Text(language.as_str()))])) } } }
            tbody { @for clause in source.clauses() { tr #(clause.id) {
                td lang=(source_language.as_str()) { strong { (heading(locale, clause)) } (body(locale, clause)) }
                @match view.version.draft.clause(clause.id) {
                    Some(translated) => td lang=(language.as_str()) dir=(dir) {
                        @if view.version.out_of_date.contains(&clause.id) { span.tag.warn dir="ltr" { (say("text-out-of-date")) } " " }
                        (body(locale, translated))
                    },
                    None => td { span.tag.warn { (say("text-not-translated")) } },
                }
            } } }
        } }
    }
}

fn history(locale: Locale, view: &TextView) -> Markup {
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    let path = text_path(view.text.initiative, view.id);
    let authoritative: Vec<_> = view.text.versions.iter().filter(|v| v.language == view.text.authoritative).collect();
    html! {
        h2 #history { (say("text-versions")) }
        (super::chart::chart(&authoritative, locale))
        div.scroll tabindex="0" role="region" aria-label=(say("text-versions")) { table #versions {
            thead { tr {
                th scope="col" { (say("text-version-2")) } th scope="col" { (say("text-language")) } th scope="col" { (say("text-committed")) }
                th.num scope="col" { (say("text-words")) } th.num scope="col" { (say("text-brackets")) } th.num scope="col" { (say("text-alternatives")) } th.num scope="col" { (say("text-agreed")) }
            } }
            tbody { @for v in view.text.versions.iter().rev() { tr {
                td { a href={ (path) "?version=" (v.number) } { (text_with(locale, "text-version-number", &[("version", Arg::count(v.number))])) } }
                td { code { (v.language.as_str()) } @if let Some(n) = v.renders_version { " " (text_with(locale, "text-of-version", &[("version", Arg::count(n))])) } }
                td { (shown_date_time(locale, v.committed_at)) }
                td.num { (locale.number(v.figures.words)) } td.num { (locale.number(v.figures.brackets)) } td.num { (locale.number(v.figures.alternatives)) } td.num { (locale.number(v.figures.agreed)) }
            } } }
        } }
    }
}

/// The facilitator's pen: the whole draft as plain lines, prefilled with the version shown.
fn new_version(view: &TextView, reader: &Reader<'_>) -> Markup {
    let locale = reader.locale;
    let say = |id: &str| tracktwo_i18n::text(locale, id);
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
        h2 #new-version { (say("text-new-version")) }
        details {
            summary { (say("text-how-to-write-it")) }
            p.muted { (say("text-notation-intro")) }
            ul.muted dir="ltr" {
                li { code { "title: …" } ", " code { "preamble: …" } ", " code { "# p2 Part heading" } " — " span dir=(locale.direction().as_html()) { (say("text-notation-parts")) } }
                li { code { "c12: words" } ", " code { "[words]" } ", " code { "[a|b]" } ", " code { "c3 (ad referendum): words" } ", " code { "c12 heading: …" } " — " span dir=(locale.direction().as_html()) { (say("text-notation-clauses")) } }
                li { code { "c5 Alt A: …" } ", " code { "c5 Alt B: …" } ", " code { "c5 Alt B replaces: words" } " — " span dir=(locale.direction().as_html()) { (say("text-notation-alternatives")) } }
                li { code { "new: words" } " — " span dir=(locale.direction().as_html()) { (say("text-notation-new")) } }
                li { code { "c4 renders: …" } " — " span dir=(locale.direction().as_html()) { (say("text-notation-renders")) } }
            }
        }
        form.stack.wide method="post" action={ (text_path(reader.initiative, reader.text)) "/versions" } {
            input type="hidden" name="csrf" value=(reader.csrf);
            label { (say("text-language"))
                select name="language" {
                    @for l in view.text.languages() { option value=(l.as_str()) selected[l == language] dir="ltr" { (l.as_str()) } }
                }
            }
            label { (say("text-or-a-new-translation")) input name="new_language" dir="ltr"; }
            label { (say("text-the-draft")) textarea.draft name="draft" rows="24" required { (plain::render(&draft)) } }
            button type="submit" { (text_with(locale, "text-commit-number", &[("version", Arg::count(view.text.next_number()))])) }
        }
    }
}

/// A draft refused: the error by line, and the lines as they were sent, to mend.
pub(super) fn refused_draft(
    locale: Locale,
    (initiative, text): (InitiativeId, TextId),
    csrf: &str,
    error: &crate::refusals::Refusal,
    sent: &str,
    language: &str,
) -> Markup {
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    html! {
        (nav(locale, initiative, Some(text)))
        h1 { (say("text-the-draft-was-not")) }
        p.error role="alert" #draft-error { (error.html(locale)) }
        form.stack.wide method="post" action={ (text_path(initiative, text)) "/versions" } {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="language" value=(language);
            label { (say("text-the-draft")) textarea.draft name="draft" rows="24" required { (sent) } }
            button type="submit" { (say("text-commit")) }
        }
    }
}
