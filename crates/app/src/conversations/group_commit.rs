//! Group commit of votes: each vote is checked, sealed and queued under the conversation's
//! lock, so the queue is in casting order; whoever holds the writer writes the whole queue in
//! one transaction, and a vote is answered, and reaches the engine, only once it committed.

use std::sync::Arc;

use tracktwo_domain::conversation::{CastVote, RateLimit, StatementStatus, Vote};
use tracktwo_domain::{ConversationId, Identity, InitiativeId};
use tracktwo_store::SealedRecordRow;

use super::ballot::VoterPass;
use super::live::{LiveConversation, closed_error, engine_vote, lock};
use super::views::Ballot;
use crate::{App, AppError, Result};

/// The statement priorities that route the ballot are refreshed after this many votes.
const PRIORITY_REFRESH: u64 = 500;

/// Who casts a vote.
pub(super) enum Caster<'a> {
    Member(&'a Identity, InitiativeId),
    Voter(&'a VoterPass),
}

/// A vote waiting for its transaction.
pub(super) struct Pending {
    row: SealedRecordRow,
    vote: CastVote,
    done: futures_channel::oneshot::Sender<Result<(), String>>,
}

impl App {
    /// Casts a vote: checks it, queues it sealed, and waits for the batch holding it to commit.
    pub(super) async fn cast(
        &self,
        live: &Arc<LiveConversation>,
        caster: Caster<'_>,
        statement: u32,
        vote: Vote,
    ) -> Result<Ballot> {
        let (conversation_id, voter) = match caster {
            Caster::Member(who, initiative) => {
                let id = ConversationId::from_uuid(lock(&live.state).conversation_row.id);
                (id, self.member_voter(who, initiative, live, id).await?)
            }
            Caster::Voter(pass) => {
                let state = lock(&live.state);
                (ConversationId::from_uuid(state.conversation_row.id), Self::voter_of(&state, pass)?)
            }
        };
        let now = self.now();
        let (sender, receiver) = futures_channel::oneshot::channel();
        {
            let mut state = lock(&live.state);
            if state.conversation.closed {
                return Err(closed_error());
            }
            let open =
                state.statements.get(statement as usize).is_some_and(|(_, s)| s.status == StatementStatus::Accepted);
            if !open {
                return Err(AppError::NotFound);
            }
            let bucket = state.vote_buckets.entry(voter).or_insert_with(|| RateLimit::VOTER.full(now));
            RateLimit::VOTER.take(bucket, now).map_err(|seconds| AppError::RateLimited { seconds })?;
            let cast = CastVote { seq: state.next_seq, voter, statement, vote, at: now };
            state.next_seq += 1;
            // Sealed and queued under the lock, so the queue is in the order of casting.
            let row = self.sealed_row(
                &live.key,
                live.initiative,
                Some(conversation_id.as_uuid()),
                self.new_record_id(),
                &cast,
            )?;
            state.queue.push(Pending { row, vote: cast, done: sender });
        }
        self.until_stored(live, receiver).await.map_err(AppError::Archive)?;
        let draw = self.draw();
        let state = lock(&live.state);
        Ok(state.ballot(Some(voter), draw))
    }

    /// Waits until the vote behind `receiver` is stored, writing the queue itself when the
    /// writer is free. A vote that another writer's batch took along is answered by that writer:
    /// its caller never queues for the writer at all, so under load the writer passes only
    /// between callers whose votes still wait.
    async fn until_stored(
        &self,
        live: &Arc<LiveConversation>,
        mut receiver: futures_channel::oneshot::Receiver<Result<(), String>>,
    ) -> Result<(), String> {
        use futures_util::future::{Either, select};
        loop {
            match select(receiver, live.writer.lock()).await {
                Either::Left((outcome, _)) => {
                    return outcome.unwrap_or_else(|_| Err("the vote was not stored".to_owned()));
                }
                Either::Right((writer, waiting)) => {
                    receiver = waiting;
                    self.write_queued_votes(live).await;
                    drop(writer);
                }
            }
        }
    }

    /// Group commit, by the holder of the writer: everything queued in one transaction, then
    /// applied to the engine, and each waiting vote answered.
    async fn write_queued_votes(&self, live: &Arc<LiveConversation>) {
        let batch = std::mem::take(&mut lock(&live.state).queue);
        if batch.is_empty() {
            // An earlier writer took ours along.
            return;
        }
        let written = async {
            let mut tx = self.begin().await?;
            let rows: Vec<SealedRecordRow> = batch.iter().map(|p| p.row.clone()).collect();
            tx.insert_sealed_records(&rows).await?;
            tx.commit().await?;
            Ok::<_, AppError>(())
        }
        .await;
        match written {
            Ok(()) => {
                let mut state = lock(&live.state);
                for pending in &batch {
                    let v = pending.vote;
                    // The indices were checked when the vote was taken.
                    let _ = state.engine.cast(v.voter as usize, v.statement as usize, engine_vote(v.vote));
                    state.votes += 1;
                }
                if state.votes - state.votes_at_priorities >= PRIORITY_REFRESH {
                    state.refresh_priorities();
                }
                drop(state);
                for pending in batch {
                    let _ = pending.done.send(Ok(()));
                }
            }
            Err(e) => {
                let message = format!("the vote could not be stored: {e}");
                for pending in batch {
                    let _ = pending.done.send(Err(message.clone()));
                }
            }
        }
    }
}
