//! Several servers on one database: each follows every conversation it holds in memory through
//! the conversation's change log, so a vote, a voter, a statement or a moderation taken by any
//! server reaches every server's live results.
//!
//! Every write to a conversation locks its log first (`WriteTx::lock_conversation_log`), catches
//! up on what other servers wrote before it, and lists what it wrote after the position it
//! locked. Positions therefore follow the order of commits, numbers (voters, statements, the
//! votes' sequence) are given out by whoever holds the lock, never twice, and a server that holds
//! position `p` holds exactly the records the log lists up to `p`. The store announces each new
//! position on commit (identifiers and counters only); a server hearing of one past its own
//! reads the records past its own through the store, sealed, and applies them in order.

use std::sync::Arc;

use tracktwo_crypto::DataKey;
use tracktwo_domain::conversation::{CastVote, Conversation, Invitation, InvitationKind, RateLimit, Statement, Voter};
use tracktwo_domain::{ConversationId, InvitationId, StatementId};
use tracktwo_store::{ConversationChange, RecordKind, SealedRecordRow, StoreChange, WriteTx};

use super::live::{LiveConversation, State, engine_vote, flags_of, lock};
use crate::{App, AppError, Result};

/// A record of the log, opened.
enum Opened {
    Conversation(SealedRecordRow, Conversation),
    Statement(StatementId, Statement),
    Invitation(InvitationId, Invitation),
    Voter(uuid::Uuid, Voter),
    Vote(CastVote),
    /// A kind no conversation holds: left aside.
    Other,
}

impl App {
    /// Locks the conversation's change log in `tx` and brings the conversation in memory up to
    /// it; returns the position locked, after which this transaction's changes go.
    pub(super) async fn lock_and_follow(&self, tx: &mut dyn WriteTx, live: &Arc<LiveConversation>) -> Result<i64> {
        let head = tx.lock_conversation_log(live.initiative, live.id.as_uuid()).await?;
        if lock(&live.state).position < head {
            self.follow_in(tx, live).await?;
            // Entries whose record is gone (none is deleted today) hold nothing to apply.
            live.reached(head);
        }
        Ok(head)
    }

    /// Lists records this transaction added or replaced under the conversation, after `head`
    /// (which it locked); returns the position to mark once it has committed.
    pub(super) async fn log_changes(
        &self,
        tx: &mut dyn WriteTx,
        live: &LiveConversation,
        head: i64,
        records: &[uuid::Uuid],
    ) -> Result<i64> {
        Ok(tx.append_conversation_log(live.initiative, live.id.as_uuid(), head, records).await?)
    }

    /// Reads and applies what the log holds past the conversation's position in memory. A change
    /// that does not fit (a number out of its place) drops the conversation from memory, so it
    /// reloads as stored.
    pub(super) async fn follow_in(&self, tx: &mut dyn WriteTx, live: &Arc<LiveConversation>) -> Result<()> {
        let from = lock(&live.state).position;
        let changes = tx.conversation_changes(live.id.as_uuid(), from).await?;
        if changes.is_empty() {
            return Ok(());
        }
        let opened = changes
            .iter()
            .map(|change| Ok((change.position, self.open_change(&live.key, change)?)))
            .collect::<Result<Vec<_>>>()?;
        let mut state = lock(&live.state);
        for (position, record) in opened {
            // Applied already, by this server's own write or an earlier catch-up.
            if position <= state.position {
                continue;
            }
            if state.apply(record).is_err() {
                drop(state);
                self.forget_conversation(live.id);
                return Err(AppError::Tampered);
            }
            state.position = position;
        }
        Ok(())
    }

    fn open_change(&self, key: &DataKey, change: &ConversationChange) -> Result<Opened> {
        let row = &change.record;
        Ok(match row.kind {
            RecordKind::Conversation => Opened::Conversation(row.clone(), self.open_record(key, row)?),
            RecordKind::ConversationStatement => {
                Opened::Statement(StatementId::from_uuid(row.id), self.open_record(key, row)?)
            }
            RecordKind::Invitation => Opened::Invitation(InvitationId::from_uuid(row.id), self.open_record(key, row)?),
            RecordKind::Voter => Opened::Voter(row.id, self.open_record(key, row)?),
            RecordKind::ConversationVote => Opened::Vote(self.open_record(key, row)?),
            _ => Opened::Other,
        })
    }

    /// Brings a conversation up to the store now, in a transaction of its own: for a credential,
    /// link or statement this server has not heard of yet, which another may just have made.
    pub(super) async fn follow_now(&self, live: &Arc<LiveConversation>) -> Result<()> {
        let mut tx = self.begin().await?;
        self.follow_in(tx.as_mut(), live).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Brings a conversation this server holds up to the store, in a transaction of its own.
    async fn follow_conversation(&self, id: ConversationId, position: i64) -> Result<()> {
        let Some(live) = lock(&self.conversations.live).get(&id).cloned() else { return Ok(()) };
        if lock(&live.state).position >= position {
            return Ok(());
        }
        self.follow_now(&live).await
    }

    /// Acts on a change another server made: a conversation held here catches up, a destroyed
    /// initiative's conversations and key leave memory, and after news that changes went unheard
    /// every conversation and key held is dropped, to be read again from the store.
    pub async fn store_changed(&self, change: StoreChange) -> Result<()> {
        match change {
            StoreChange::Conversation { conversation, position } => {
                self.follow_conversation(ConversationId::from_uuid(conversation), position).await
            }
            StoreChange::InitiativeDestroyed { initiative, key } => {
                self.conversations.forget_initiative(initiative);
                self.keyring.forget(key);
                Ok(())
            }
            StoreChange::Missed => {
                lock(&self.conversations.live).clear();
                self.keyring.forget_all();
                Ok(())
            }
        }
    }

    /// Follows the changes other servers on the same database commit, until the feed ends or
    /// fails; `Ok` at once for a store that only one server may open. The caller runs this
    /// beside the server, and starts it again (after a pause) if it fails.
    pub async fn follow_other_servers(&self) -> Result<()> {
        let Some(mut feed) = self.store.change_feed().await? else { return Ok(()) };
        // Whatever was written between loading and listening went unheard.
        self.store_changed(StoreChange::Missed).await?;
        loop {
            let change = feed.next().await?;
            // One conversation that cannot be followed (it is dropped, and reloads on next use)
            // must not stop the others being followed.
            let _ = self.store_changed(change).await;
        }
    }
}

/// A change whose numbers do not follow those held.
struct OutOfPlace;

impl State {
    /// Applies one record of the log, as it stands now. Records this server wrote itself are
    /// found in place already and left as they are.
    fn apply(&mut self, record: Opened) -> Result<(), OutOfPlace> {
        match record {
            Opened::Conversation(row, conversation) => {
                self.conversation_row = row;
                self.conversation = conversation;
            }
            Opened::Statement(id, statement) => {
                let number = statement.number as usize;
                if number > self.statements.len() {
                    return Err(OutOfPlace);
                }
                self.engine.set_flags(number, flags_of(&statement));
                if number == self.statements.len() {
                    self.statements.push((id, statement));
                } else {
                    self.statements[number] = (id, statement);
                }
                self.refresh_priorities();
            }
            Opened::Invitation(id, invitation) => {
                if let Some(index) = self.invitations.iter().position(|(i, _)| *i == id) {
                    self.invitations[index].1 = invitation;
                } else {
                    self.invitation_by_credential.insert(invitation.credential.clone(), self.invitations.len());
                    self.invitations.push((id, invitation));
                }
            }
            Opened::Voter(id, voter) => {
                let number = voter.number as usize;
                if number < self.voters.len() {
                    return Ok(());
                }
                if number > self.voters.len() {
                    return Err(OutOfPlace);
                }
                if let Some(credential) = &voter.credential {
                    self.by_credential.insert(credential.clone(), voter.number);
                }
                if let Some(member) = voter.member {
                    self.by_member.insert(member, voter.number);
                }
                if let Some(side) = voter.side {
                    let s = self.side_index(side);
                    self.engine.set_side(number, Some(s));
                }
                if let Some(link) = voter.invitation {
                    self.counted_voter(link, voter.joined_at);
                    // A campaign link's pace of joins holds across servers, as a voter's does.
                    let campaign =
                        self.invitations.iter().any(|(id, i)| *id == link && i.kind == InvitationKind::Campaign);
                    if let (true, Some(at)) = (campaign, voter.joined_at) {
                        let limit = RateLimit::CAMPAIGN_JOINS;
                        limit.spend(self.join_buckets.entry(link).or_insert_with(|| limit.full(at)), at);
                    }
                }
                self.voters.push((id, voter));
            }
            Opened::Vote(vote) => {
                if vote.voter as usize >= self.voters.len() || vote.statement as usize >= self.statements.len() {
                    return Err(OutOfPlace);
                }
                self.engine
                    .cast(vote.voter as usize, vote.statement as usize, engine_vote(vote.vote))
                    .map_err(|_| OutOfPlace)?;
                self.votes += 1;
                self.next_seq = self.next_seq.max(vote.seq + 1);
                // A voter's pace holds across servers: a vote another server took spends this
                // server's bucket for the voter too.
                let bucket = self.vote_buckets.entry(vote.voter).or_insert_with(|| RateLimit::VOTER.full(vote.at));
                RateLimit::VOTER.spend(bucket, vote.at);
            }
            Opened::Other => {}
        }
        Ok(())
    }
}
