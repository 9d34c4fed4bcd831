//! The pen's page: the next version written as plain lines, prefilled with the version it starts
//! from; and, on the newest version, naming who may say yes for each side and drafting an option
//! of the register into a clause. Apart from the text's page because its draft repeats the whole
//! text. Offered to the facilitator and the convener; the core refuses anyone else, here and on
//! every form it sends.

use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use tracktwo_app::negotiating_text::{TextHead, TextView, VersionView};
use tracktwo_domain::dialogue::DialogueOption;
use tracktwo_domain::negotiating_text::{ClauseId, Draft, Language, TextId, plain};
use tracktwo_domain::roster::Roster;
use tracktwo_domain::{InitiativeId, MemberRole, Operation, OptionId, SideId, UserId};

use super::page::TextQuery;
use super::{SideNames, Within, direction, nav, text_page, text_path};
use tracktwo_i18n::{Arg, Locale, text_with};

use crate::PageResult;
use crate::extract::{CsrfForm, ItemPath, QueryVisit, parse_id};
use crate::forms::{Pairs, field, invalid};

/// The pen's page for the version asked (`?version=N`, or the newest).
pub async fn pen(
    QueryVisit(state, user, query, ItemPath(id, text)): QueryVisit<TextQuery, ItemPath<TextId>>,
) -> PageResult {
    let locale = user.locale;
    // Refused before anything is read: only the pen may write a version.
    state.app.permissions(&user.identity, id, Operation::DraftText).await?;
    let (version, language) = query.version_asked()?;
    let csrf = user.csrf();
    let head = state.app.text_head(&user.identity, id, text).await?;
    // A text with no version yet is begun from its title; otherwise the draft starts from the
    // version asked, and the forms for the package come with the newest authoritative one.
    let (start, pen) = if head.text.versions.is_empty() && version.is_none() && language.is_none() {
        (None, html! {})
    } else {
        let view = state.app.text(&user.identity, id, text, version, language).await?;
        let on_latest = view.text.latest().is_some_and(|l| l.number == view.version.summary.number);
        let pen = if on_latest && view.source.is_none() {
            let sides = SideNames(state.app.sides(&user.identity, id).await?);
            let roster = state.app.roster(&user.identity, id).await?;
            let options = state.app.options(&user.identity, id).await?;
            pen_forms(locale, &view, &csrf, &sides, &roster, &options)
        } else {
            html! {}
        };
        (Some(view.version), pen)
    };
    let title = text_with(locale, "text-pen-title", &[("title", Arg::Text(&head.text.title))]);
    Ok(text_page(
        &user,
        id,
        Within::Text { id: text, written: !head.text.versions.is_empty() },
        &title,
        html! {
            (new_version(locale, &head, start.as_ref(), &csrf))
            (pen)
        },
    ))
}

/// The facilitator's pen: the whole draft as plain lines, prefilled with the version it starts
/// from, or with the title alone for a first version.
fn new_version(locale: Locale, head: &TextHead, start: Option<&VersionView>, csrf: &str) -> Markup {
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    let text = &head.text;
    let draft = match start {
        Some(start) => {
            let mut draft = start.draft.clone();
            // A clause translated from the source as it stands needs no `renders` line: it is
            // linked again on commit. Only the out-of-date ones keep theirs, until their
            // translation is redone.
            for part in &mut draft.parts {
                for clause in &mut part.clauses {
                    if !start.out_of_date.contains(&clause.id) {
                        clause.renders = None;
                    }
                }
            }
            draft
        }
        None => Draft { title: text.title.clone(), preamble: String::new(), parts: Vec::new() },
    };
    let language = start.map_or(&text.authoritative, |s| &s.summary.language);
    let mut languages = text.languages();
    languages.insert(&text.authoritative);
    html! {
        h2 #new-version { (say("text-new-version")) }
        details open[start.is_none()] {
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
        @if let Some(start) = start {
            p.muted { (text_with(locale, "text-pen-starts-from", &[("version", Arg::count(start.summary.number))])) }
        }
        form.stack.wide method="post" action={ (text_path(text.initiative, head.id)) "/versions" } {
            input type="hidden" name="csrf" value=(csrf);
            label { (say("text-language"))
                select name="language" {
                    @for l in languages { option value=(l.as_str()) selected[l == language] dir="ltr" { (l.as_str()) } }
                }
            }
            label { (say("text-or-a-new-translation")) input name="new_language" dir="ltr"; }
            // The draft is in the text's language, whatever the reader's: it reads in that script's direction.
            label { (say("text-the-draft")) textarea.draft name="draft" rows="24" required lang=(language.as_str()) dir=(direction(language)) { (plain::render(&draft)) } }
            button type="submit" { (text_with(locale, "text-commit-number", &[("version", Arg::count(text.next_number()))])) }
        }
    }
}

/// The signatories of each side the text needs, with forms to name or withdraw one, and the
/// form that drafts an option into a clause.
pub(super) fn pen_forms(
    locale: Locale,
    view: &TextView,
    csrf: &str,
    sides: &SideNames,
    roster: &Roster,
    options: &[(OptionId, DialogueOption)],
) -> Markup {
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    let path = text_path(view.text.initiative, view.id);
    let name_of = |user: UserId| {
        roster.named.iter().find(|(m, _)| m.user == user).map_or_else(|| say("text-a-member"), |(_, n)| n.clone())
    };
    let participants_of = |side: SideId| {
        roster
            .named
            .iter()
            .filter(move |(m, _)| m.role == MemberRole::Participant && m.side == Some(side))
            .filter(move |(m, _)| !view.text.may_sign_for(m.user, side))
    };
    let clauses: Vec<ClauseId> = view.version.draft.clauses().map(|c| c.id).collect();
    html! {
        h2 #signatories { (say("text-signatories")) }
        p.muted { (say("text-who-may-say-yes")) }
        @for side in &view.text.sides {
            h3 dir="auto" { (sides.name(locale, *side)) }
            ul.signatories {
                @for (s, user) in view.text.signatories.iter().filter(|(s, _)| s == side) {
                    li {
                        bdi { (name_of(*user)) } " "
                        form.inline.withdraw-signatory method="post" action={ (path) "/signatories" } {
                            input type="hidden" name="csrf" value=(csrf);
                            input type="hidden" name="side" value=(s);
                            input type="hidden" name="user" value=(user);
                            input type="hidden" name="signs" value="no";
                            button type="submit" { (say("text-withdraw")) }
                        }
                    }
                }
            }
            @let candidates: Vec<_> = participants_of(*side).collect();
            @if !candidates.is_empty() {
                form.stack.name-signatory method="post" action={ (path) "/signatories" } {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="side" value=(side);
                    input type="hidden" name="signs" value="yes";
                    label { (text_with(locale, "text-name-signatory-for", &[("side", Arg::Text(&sides.name(locale, *side)))]))
                        select name="user" { @for (m, name) in &candidates { option value=(m.user) dir="auto" { (name) } } } }
                    button type="submit" { (say("text-name-signatory")) }
                }
            }
        }
        @if !options.is_empty() && !clauses.is_empty() {
            h2 #draft-option { (say("text-draft-an-option-into")) }
            p.muted { (say("text-the-link-shows-on")) }
            form.stack #draft-option-form method="post" action={ (path) "/drafted-options" } {
                input type="hidden" name="csrf" value=(csrf);
                label { (say("text-option")) select name="option" { @for (id, o) in options { option value=(id) dir="auto" { (o.title) } } } }
                label { (say("text-clause")) select name="clause" { @for c in &clauses { option value=(c) { (c) } } } }
                button type="submit" { (say("text-link-option-and-clause")) }
            }
        }
    }
}

pub async fn set_signatory(
    CsrfForm(state, user, ItemPath(id, text), fields): CsrfForm<Pairs, ItemPath<TextId>>,
) -> PageResult {
    let side: SideId = parse_id(field(&fields, "side"))?;
    let member: UserId = parse_id(field(&fields, "user"))?;
    let signs = match field(&fields, "signs") {
        "yes" => true,
        "no" => false,
        _ => return Err(invalid("signs", "must be yes or no")),
    };
    state.app.set_signatory(&user.identity, id, text, side, member, signs).await?;
    Ok(Redirect::to(&format!("{}/pen#signatories", text_path(id, text))).into_response())
}

pub async fn draft_option(
    CsrfForm(state, user, ItemPath(id, text), fields): CsrfForm<Pairs, ItemPath<TextId>>,
) -> PageResult {
    let option: OptionId = parse_id(field(&fields, "option"))?;
    let clause: ClauseId = field(&fields, "clause").parse().map_err(tracktwo_app::AppError::Invalid)?;
    state.app.draft_option_into_clause(&user.identity, id, text, option, clause).await?;
    Ok(Redirect::to(&format!("{}#{clause}", text_path(id, text))).into_response())
}

/// A draft refused: the error by line, and the lines as they were sent, to mend.
pub(super) fn refused_draft(
    locale: Locale,
    (initiative, text, written): (InitiativeId, TextId, bool),
    csrf: &str,
    error: &crate::refusals::Refusal,
    sent: &str,
    language: &str,
) -> Markup {
    let say = |id: &str| tracktwo_i18n::text(locale, id);
    html! {
        (nav(locale, initiative, Within::Text { id: text, written }))
        h1 { (say("text-the-draft-was-not")) }
        p.error role="alert" #draft-error { (error.html(locale)) }
        form.stack.wide method="post" action={ (text_path(initiative, text)) "/versions" } {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="language" value=(language);
            label { (say("text-the-draft")) textarea.draft name="draft" rows="24" required dir=(Language::parse(language).map_or("auto", |l| direction(&l))) { (sent) } }
            button type="submit" { (say("text-commit")) }
        }
    }
}
