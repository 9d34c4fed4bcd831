//! A text's page: one version (the newest unless asked for another, or a translation beside its
//! original), where the package stands, the clauses with what the reader may see of the
//! comments and suggestions, the forms the reader may use, and the form that downloads a copy of
//! the version shown; or, for a text with no version yet, its title and the way to write the
//! first. The version history (`versions.rs`) and the pen's forms, which repeat the whole draft
//! (`pen.rs`), have pages of their own, so that this one stays light.

use maud::{Markup, html};
use serde::Deserialize;
use tracktwo_app::AppError;
use tracktwo_app::negotiating_text::{TextHead, TextRefusal, TextView};
use tracktwo_domain::negotiating_text::agreement::Agreement;
use tracktwo_domain::negotiating_text::{ClauseId, Draft, Figures, Language, TextId};
use tracktwo_domain::{Operation, Scope};

use super::clauses::{Reader, body, heading, parts};
use super::{SideNames, Within, agreement, direction, text_page, text_path};
use tracktwo_i18n::{Arg, Locale, text_with};

use crate::PageResult;
use crate::extract::{ItemPath, QueryVisit};
use crate::forms::{invalid, shown_date_time};
use crate::session::SignedIn;

/// `?version=N&lang=ar`: a version by number, or the newest in a language.
#[derive(Deserialize)]
pub(crate) struct TextQuery {
    #[serde(default)]
    version: String,
    #[serde(default)]
    lang: String,
    /// `c5`: the clause to comment on, its forms open.
    #[serde(default)]
    respond: String,
}

impl TextQuery {
    /// The version asked for: by number, or the newest in a language; neither asks for the newest.
    pub(crate) fn version_asked(&self) -> Result<(Option<u32>, Option<Language>), crate::PageError> {
        let version = match self.version.trim() {
            "" => None,
            n => Some(n.parse::<u32>().map_err(|_| invalid("version", "must be a version number"))?),
        };
        let language = match self.lang.trim() {
            "" => None,
            tag => Some(Language::parse(tag).map_err(AppError::Invalid)?),
        };
        Ok((version, language))
    }
}

pub async fn text(
    QueryVisit(state, user, query, ItemPath(id, text)): QueryVisit<TextQuery, ItemPath<TextId>>,
) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    let (version, language) = query.version_asked()?;
    let respond = match query.respond.trim() {
        "" => None,
        clause => Some(clause.parse::<ClauseId>().map_err(AppError::Invalid)?),
    };
    let view = match state.app.text(&user.identity, id, text, version, language.clone()).await {
        Ok(view) => view,
        // The newest of a text that has none yet: the page says so, and offers the pen to the pen.
        Err(refused @ AppError::TextRefused(TextRefusal::NoSuchVersion(_)))
            if version.is_none() && language.is_none() =>
        {
            let head = state.app.text_head(&user.identity, id, text).await?;
            if !head.text.versions.is_empty() {
                return Err(refused.into());
            }
            return Ok(unwritten(&user, &head));
        }
        Err(other) => return Err(other.into()),
    };
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
    Ok(text_page(
        &user,
        id,
        Within::Text { id: text, written: true },
        &title,
        html! {
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
            (super::copy::copy_form(locale, &view))
            @if view.may_draft {
                p #pen-link { a href={ (text_path(id, text)) "/pen?version=" (summary.number) } { (say("text-open-the-pen")) } }
            }
        },
    ))
}

/// A text with no version yet: its title, and for the pen the way to write the first.
fn unwritten(user: &SignedIn, head: &TextHead) -> axum::response::Response {
    let locale = user.locale;
    text_page(
        user,
        head.text.initiative,
        Within::Text { id: head.id, written: false },
        &head.text.title,
        html! {
            p #version { (tracktwo_i18n::text(locale, "text-not-written-yet")) }
            @if head.may_draft {
                p #pen-link { a href={ (text_path(head.text.initiative, head.id)) "/pen" } { (tracktwo_i18n::text(locale, "text-write-the-first-version")) } }
            }
        },
    )
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
    let dir = direction(language);
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
