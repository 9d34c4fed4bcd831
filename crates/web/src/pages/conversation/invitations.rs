//! A consultation's invitation links: made (personal or campaign), limited, revoked.

use axum::response::{IntoResponse, Redirect};
use maud::html;
use tracktwo_app::AppError;
use tracktwo_app::conversations::NewLinks;
use tracktwo_domain::campaign::CampaignLimits;
use tracktwo_domain::conversation::InvitationKind;
use tracktwo_domain::{ConversationId, InvitationId};

use super::conversation_path;
use super::results::results_page;
use tracktwo_i18n::text;

use crate::extract::{ConversationItemPath, CsrfForm, ItemPath};
use crate::forms::{Pairs, field, invalid};
use crate::pages::layout::page;
use crate::{PageError, PageResult};

/// `/initiatives/{initiative}/conversations/{conversation}/invitations/{invitation}/…`
type InvitationPath = ConversationItemPath<InvitationId>;

pub async fn create_invitations(
    CsrfForm(state, user, ItemPath(id, conversation), fields): CsrfForm<Pairs, ItemPath<ConversationId>>,
) -> PageResult {
    let locale = user.locale;
    let say = |id: &str| text(locale, id);
    let kind = InvitationKind::parse(field(&fields, "kind")).map_err(AppError::Invalid)?;
    let links = match kind {
        InvitationKind::Personal => NewLinks::Personal { count: whole_number(&fields, "count", "number of links", 1)? },
        InvitationKind::Campaign => NewLinks::Campaign(limits_from(&fields)?),
    };
    let issued = state.app.create_invitations(&user.identity, id, conversation, links, field(&fields, "label")).await?;
    let results = state.app.conversation_results(&user.identity, id, conversation).await?;
    let shown = html! {
        section #issued-links aria-live="polite" {
            h2 { (say("conversation-new-links-copy-them")) }
            p.error { (say("conversation-they-are-not-shown")) }
            ol { @for link in &issued { li { code.invitation-link { "/join/" (link.pass.expose()) } } } }
        }
    };
    Ok(page(
        &results.conversation.title.clone(),
        &user,
        results_page(user.locale, id, &results, &user.csrf(), Some(shown)),
    ))
}

/// A whole number from a form field; an empty field is `default`.
fn whole_number<T: std::str::FromStr>(
    fields: &[(String, String)],
    name: &str,
    what: &'static str,
    default: T,
) -> Result<T, PageError> {
    match field(fields, name).trim() {
        "" => Ok(default),
        text => text.parse().map_err(|_| invalid(what, "must be a whole number")),
    }
}

/// A campaign link's limits from the form; an empty field takes the proposed value.
fn limits_from(fields: &[(String, String)]) -> Result<CampaignLimits, PageError> {
    Ok(CampaignLimits {
        voter_cap: whole_number(fields, "voter_cap", "voter cap", CampaignLimits::PROPOSED.voter_cap)?,
        per_address: whole_number(fields, "per_address", "voters per address", CampaignLimits::PROPOSED.per_address)?,
    })
}

pub async fn set_campaign_limits(
    CsrfForm(state, user, ConversationItemPath(id, conversation, invitation), fields): CsrfForm<Pairs, InvitationPath>,
) -> PageResult {
    state.app.set_campaign_limits(&user.identity, id, conversation, invitation, limits_from(&fields)?).await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}

pub async fn revoke_invitation(
    CsrfForm(state, user, ConversationItemPath(id, conversation, invitation), _): CsrfForm<Pairs, InvitationPath>,
) -> PageResult {
    state.app.revoke_invitation(&user.identity, id, conversation, invitation).await?;
    Ok(Redirect::to(&conversation_path(id, conversation)).into_response())
}
