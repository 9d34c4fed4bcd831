//! Who is a member of an initiative, in which role and side; the convener adds members.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use serde::Deserialize;
use tracktwo_app::AppError;
use tracktwo_domain::{MemberRole, Operation};

use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, Visit, parse_id, posted_forms};
use crate::pages::layout::page;

pub async fn members(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    // Refused as adding a member would be, before anything of the page is read.
    state.app.permissions(&user.identity, id, Operation::ManageMembers).await?;
    let initiative = state.app.initiative(&user.identity, id).await?;
    let roster = state.app.roster(&user.identity, id).await?;
    let sides = state.app.sides(&user.identity, id).await?;
    Ok(page(
        "Members",
        &user,
        html! {
            p { a href={ "/initiatives/" (id) } { (initiative.title) } }
            h1 { "Members" }
            ul { @for (member, name) in &roster.named { li { (name) " — " (member.role.as_str()) } } }
            h2 { "Add a member" }
            form.stack method="post" action={ "/initiatives/" (id) "/members" } {
                input type="hidden" name="csrf" value=(user.csrf());
                label { "Username" input name="username" required; }
                label { "Role" select name="role" { @for role in MemberRole::ALL { option value=(role.as_str()) { (role.as_str()) } } } }
                label { "Side (required for participants)"
                    select name="side" { option value="" { "none" } @for side in &sides { option value=(side.id) { (side.name) } } }
                }
                button type="submit" { "Add member" }
            }
        },
    ))
}

#[derive(Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    csrf: String,
    username: String,
    role: String,
    #[serde(default)]
    side: String,
}

pub async fn add_member(
    CsrfForm(state, user, InitiativePath(id), form): CsrfForm<MemberForm, InitiativePath>,
) -> PageResult {
    let role = MemberRole::parse(&form.role).map_err(AppError::Invalid)?;
    let side = if form.side.is_empty() { None } else { Some(parse_id(&form.side)?) };
    state.app.add_member_by_username(&user.identity, id, &form.username, role, side).await?;
    Ok(Redirect::to(&format!("/initiatives/{id}/members")).into_response())
}

posted_forms!(MemberForm);
