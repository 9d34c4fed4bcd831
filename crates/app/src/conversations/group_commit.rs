//! Group commit of votes: each vote is checked and queued under the conversation's lock, so the
//! queue is in casting order; whoever holds the writer locks the conversation's change log,
//! catches up on what other servers wrote, numbers and seals the whole queue and writes it in
//! one transaction, and a vote is answered, and reaches the engine, only once it committed.

use std::sync::Arc;

use tracktwo_domain::conversation::{CastVote, RateLimit, StatementStatus, Vote};
use tracktwo_domain::{Identity, InitiativeId};
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

/// A vote waiting for its transaction; its sequence number is given when it is written.
pub(super) struct Pending {
    vote: CastVote,
    done: futures_channel::oneshot::Sender<Result<(), Option<String>>>,
}

impl App {
    /// Casts a vote: checks it, queues it, and waits for the batch holding it (numbered and sealed
    /// by whoever writes it) to commit.
    pub(super) async fn cast(
        &self,
        live: &Arc<LiveConversation>,
        caster: Caster<'_>,
        statement: u32,
        vote: Vote,
    ) -> Result<Ballot> {
        if lock(&live.state)
            .statements
            .get(statement as usize)
            .is_none_or(|(_, s)| s.status != StatementStatus::Accepted)
        {
            // Perhaps added or accepted through another server a moment ago.
            self.follow_now(live).await?;
        }
        let voter = match caster {
            Caster::Member(who, initiative) => self.member_voter(who, initiative, live, live.id).await?,
            Caster::Voter(pass) => Self::voter_of(&lock(&live.state), pass)?,
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
            // Queued under the lock, so the queue is in the order of casting.
            let cast = CastVote { seq: 0, voter, statement, vote, at: now };
            state.queue.push(Pending { vote: cast, done: sender });
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
        mut receiver: futures_channel::oneshot::Receiver<Result<(), Option<String>>>,
    ) -> Result<(), crate::ArchiveError> {
        use futures_util::future::{Either, select};
        loop {
            match select(receiver, live.writer.lock()).await {
                Either::Left((outcome, _)) => {
                    return outcome.unwrap_or(Err(None)).map_err(|detail| {
                        detail.map_or(crate::ArchiveError::VoteLost, crate::ArchiveError::VoteNotStored)
                    });
                }
                Either::Right((writer, waiting)) => {
                    receiver = waiting;
                    self.write_queued_votes(live).await;
                    drop(writer);
                }
            }
        }
    }

    /// Group commit, by the holder of the writer: everything queued in one transaction, after
    /// what other servers wrote, then applied to the engine, and each waiting vote answered.
    async fn write_queued_votes(&self, live: &Arc<LiveConversation>) {
        if lock(&live.state).queue.is_empty() {
            // An earlier writer took ours along.
            return;
        }
        let mut batch = Vec::new();
        let written = async {
            let mut tx = self.begin().await?;
            let head = self.lock_and_follow(tx.as_mut(), live).await?;
            // Numbered now, under the change log's lock, so that no other server gives out the
            // same numbers and every server orders the votes alike.
            batch = {
                let mut state = lock(&live.state);
                let mut batch = std::mem::take(&mut state.queue);
                for pending in &mut batch {
                    pending.vote.seq = state.next_seq;
                    state.next_seq += 1;
                }
                batch
            };
            let rows = batch
                .iter()
                .map(|p| {
                    self.sealed_row(&live.key, live.initiative, Some(live.id.as_uuid()), self.new_record_id(), &p.vote)
                })
                .collect::<Result<Vec<SealedRecordRow>>>()?;
            tx.insert_sealed_records(&rows).await?;
            let ids: Vec<uuid::Uuid> = rows.iter().map(|r| r.id).collect();
            let position = self.log_changes(tx.as_mut(), live, head, &ids).await?;
            tx.commit().await?;
            Ok::<_, AppError>((head, position))
        }
        .await;
        match written {
            Ok((head, position)) => {
                let mut state = lock(&live.state);
                // Unless a catch-up read this batch back from the store already.
                if state.position == head {
                    for pending in &batch {
                        let v = pending.vote;
                        // The indices were checked when the vote was taken.
                        let _ = state.engine.cast(v.voter as usize, v.statement as usize, engine_vote(v.vote));
                        state.votes += 1;
                    }
                    state.position = position;
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
                let message = Some(e.to_string());
                if batch.is_empty() {
                    // The transaction failed before taking the queue: its votes fail with it.
                    batch = std::mem::take(&mut lock(&live.state).queue);
                }
                for pending in batch {
                    let _ = pending.done.send(Err(message.clone()));
                }
            }
        }
    }
}
