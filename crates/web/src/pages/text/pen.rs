//! What only the pen does besides writing versions: naming who may say yes for each side, and
//! drafting an option of the register into a clause. Offered to the facilitator and the
//! convener on the newest version; the core refuses anyone else.

use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use tracktwo_app::negotiating_text::TextView;
use tracktwo_domain::dialogue::DialogueOption;
use tracktwo_domain::negotiating_text::{ClauseId, TextId};
use tracktwo_domain::roster::Roster;
use tracktwo_domain::{MemberRole, OptionId, SideId, UserId};

use super::{SideNames, text_path};
use tracktwo_i18n::{Arg, Locale, text_with};

use crate::PageResult;
use crate::extract::{CsrfForm, ItemPath, parse_id};
use crate::forms::{Pairs, field, invalid};

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
    Ok(Redirect::to(&format!("{}#signatories", text_path(id, text))).into_response())
}

pub async fn draft_option(
    CsrfForm(state, user, ItemPath(id, text), fields): CsrfForm<Pairs, ItemPath<TextId>>,
) -> PageResult {
    let option: OptionId = parse_id(field(&fields, "option"))?;
    let clause: ClauseId = field(&fields, "clause").parse().map_err(tracktwo_app::AppError::Invalid)?;
    state.app.draft_option_into_clause(&user.identity, id, text, option, clause).await?;
    Ok(Redirect::to(&format!("{}#{clause}", text_path(id, text))).into_response())
}
