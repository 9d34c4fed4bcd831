//! Who is a member of an initiative, in which role and side; the convener adds members.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use serde::Deserialize;
use tracktwo_app::AppError;
use tracktwo_domain::{MemberRole, Operation};

use tracktwo_i18n::text;

use crate::PageResult;
use crate::extract::{CsrfForm, InitiativePath, Visit, parse_id, posted_forms};
use crate::pages::layout::page;
use crate::pages::words;

pub async fn members(Visit(state, user, InitiativePath(id)): Visit<InitiativePath>) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    // Refused as adding a member would be, before anything of the page is read.
    state.app.permissions(&user.identity, id, Operation::ManageMembers).await?;
    let initiative = state.app.initiative(&user.identity, id).await?;
    let roster = state.app.roster(&user.identity, id).await?;
    let sides = state.app.sides(&user.identity, id).await?;
    Ok(page(
        &say("initiative-members"),
        &user,
        html! {
            p { a href={ "/initiatives/" (id) } dir="auto" { (initiative.title) } }
            h1 { (say("initiative-members")) }
            ul { @for (member, name) in &roster.named { li { bdi dir="auto" { (name) } " — " (words::role(user.locale, member.role)) } } }
            h2 { (say("initiative-add-a-member")) }
            form.stack method="post" action={ "/initiatives/" (id) "/members" } {
                input type="hidden" name="csrf" value=(user.csrf());
                label { (say("initiative-username")) input name="username" dir="auto" required; }
                label { (say("initiative-role")) select name="role" { @for role in MemberRole::ALL { option value=(role.as_str()) { (words::role(user.locale, role)) } } } }
                label { (say("initiative-side-required-for-participants"))
                    select name="side" { option value="" { (say("initiative-none")) } @for side in &sides { option value=(side.id) dir="auto" { (side.name) } } }
                }
                button type="submit" { (say("initiative-add-member")) }
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
