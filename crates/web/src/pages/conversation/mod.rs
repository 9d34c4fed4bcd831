//! Conversations for common ground: the team's pages (the list, the live results with the
//! opinion map, moderation and invitation links, Pol.is export and import), a private
//! conversation's ballot for participants, and the consultation pages an invitation link opens.
//!
//! The ballot is one statement at a time and a few kilobytes of HTML with no script, so it
//! works on a phone over a slow connection. A consultation voter's credential lives in a cookie
//! scripts cannot read; their forms carry an anti-CSRF token derived from it.

pub(crate) mod ballot;
pub(crate) mod export;
pub(crate) mod invitations;
pub(crate) mod list;
pub(crate) mod moderation;
pub(crate) mod results;
pub(crate) mod voters;

use tracktwo_domain::{ConversationId, InitiativeId};

fn conversation_path(initiative: InitiativeId, id: ConversationId) -> String {
    format!("/initiatives/{initiative}/conversations/{id}")
}
