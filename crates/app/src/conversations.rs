//! Conversations for common ground: the team opens them and moderates their statements, voters
//! answer one statement at a time, and the common-ground engine keeps the opinion groups, the
//! consensus and the cross-side common ground up to date vote by vote.
//!
//! Two kinds of caller reach a conversation:
//! - members of the initiative, on an explicit [`Identity`], decided by the policy like every
//!   other use case (the team runs it and reads the results; in a private conversation the
//!   participants vote, each counted under their side);
//! - anonymous voters of a consultation, on a [`VoterPass`]: the credential their invitation
//!   link gave them. It opens one conversation's ballot and nothing else.
//!
//! Every statement, invitation, voter and vote is a sealed record. Votes are written by group
//! commit — each vote is acknowledged only once the transaction holding it has committed, and
//! concurrent votes share transactions — so a busy consultation costs one disk flush per batch,
//! not per vote. Votes are not audited one by one (they are participants' answers, not access to
//! the record, and would bury the audit chain); what the team does is.

mod ballot;
mod campaign;
mod follow;
mod group_commit;
mod live;
mod team;
mod views;

use tracktwo_domain::conversation::{CastVote, Conversation, Invitation, Statement, Voter};

pub use self::ballot::VoterPass;
pub use self::campaign::{LinkView, NewLinks};
pub(crate) use self::live::{ConversationCache, domain_vote, engine_vote};
pub use self::views::{
    Ballot, BallotStatement, ConversationExport, ConversationHeader, ConversationImport, ConversationResults,
    GroupView, IssuedInvitation, StatementView, Support, Welcome,
};
use crate::sealed_records::sealable;

sealable!(Conversation, Conversation, "conversations");
sealable!(Statement, ConversationStatement, "conversation_statements");
sealable!(Invitation, Invitation, "invitations");
sealable!(Voter, Voter, "voters");
sealable!(CastVote, ConversationVote, "votes");
