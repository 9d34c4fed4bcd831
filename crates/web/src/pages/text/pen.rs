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
use crate::PageResult;
use crate::extract::{CsrfForm, ItemPath, parse_id};
use crate::forms::{Pairs, field, invalid};

/// The signatories of each side the text needs, with forms to name or withdraw one, and the
/// form that drafts an option into a clause.
pub(super) fn pen_forms(
    view: &TextView,
    csrf: &str,
    sides: &SideNames,
    roster: &Roster,
    options: &[(OptionId, DialogueOption)],
) -> Markup {
    let path = text_path(view.text.initiative, view.id);
    let name_of = |user: UserId| {
        roster.named.iter().find(|(m, _)| m.user == user).map_or_else(|| "a member".to_owned(), |(_, n)| n.clone())
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
        h2 #signatories { "Signatories" }
        p.muted { "Who may say yes to the package for each side. Only a participant of a side can sign for it." }
        @for side in &view.text.sides {
            h3 { (sides.name(*side)) }
            ul.signatories {
                @for (s, user) in view.text.signatories.iter().filter(|(s, _)| s == side) {
                    li {
                        (name_of(*user)) " "
                        form.inline.withdraw-signatory method="post" action={ (path) "/signatories" } {
                            input type="hidden" name="csrf" value=(csrf);
                            input type="hidden" name="side" value=(s);
                            input type="hidden" name="user" value=(user);
                            input type="hidden" name="signs" value="no";
                            button type="submit" { "Withdraw" }
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
                    label { "Name a signatory for " (sides.name(*side))
                        select name="user" { @for (m, name) in &candidates { option value=(m.user) { (name) } } } }
                    button type="submit" { "Name signatory" }
                }
            }
        }
        @if !options.is_empty() && !clauses.is_empty() {
            h2 #draft-option { "Draft an option into a clause" }
            p.muted { "The link shows on the option's page, on the clause, and in the transfer log when the text moves to Track One." }
            form.stack #draft-option-form method="post" action={ (path) "/drafted-options" } {
                input type="hidden" name="csrf" value=(csrf);
                label { "Option" select name="option" { @for (id, o) in options { option value=(id) { (o.title) } } } }
                label { "Clause" select name="clause" { @for c in &clauses { option value=(c) { (c) } } } }
                button type="submit" { "Link option and clause" }
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
