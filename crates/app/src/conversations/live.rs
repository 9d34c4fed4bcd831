//! A conversation held in memory: its records, the common-ground engine's live state, and the
//! votes waiting to be written; loaded from the store on first use, dropped when a write that
//! changed it fails, so it reloads as stored.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tracktwo_common_ground as engine;
use tracktwo_crypto::DataKey;
use tracktwo_domain::conversation::{
    Bucket, CastVote, Conversation, Invitation, RateLimit, Statement, StatementOrigin, StatementStatus, Vote, Voter,
};
use tracktwo_domain::{
    ConversationId, Identity, InitiativeId, InvitationId, Operation, SideId, StatementId, Timestamp, UserId,
    ValidationError,
};
use tracktwo_store::{RecordKind, SealedRecordRow, WriteTx};

use super::campaign::LinkTally;
use super::group_commit::Pending;
use crate::gate::Entered;
use crate::{App, AppError, Result};

/// A conversation kept in memory: its records, the engine's live state, and the votes waiting
/// to be written.
pub(super) struct LiveConversation {
    pub(super) id: ConversationId,
    pub(super) initiative: InitiativeId,
    /// Whether its initiative is a secret channel, where no link may open it.
    pub(super) secret_channel: bool,
    pub(super) key: Arc<DataKey>,
    pub(super) state: Mutex<State>,
    /// Held by whoever is writing a batch of votes.
    pub(super) writer: futures_util::lock::Mutex<()>,
}

/// What a conversation in memory holds, under its lock.
pub(super) struct State {
    pub(super) conversation_row: SealedRecordRow,
    pub(super) conversation: Conversation,
    pub(super) statements: Vec<(StatementId, Statement)>,
    pub(super) invitations: Vec<(InvitationId, Invitation)>,
    pub(super) voters: Vec<(uuid::Uuid, Voter)>,
    pub(super) by_credential: HashMap<String, u32>,
    pub(super) invitation_by_credential: HashMap<String, usize>,
    pub(super) by_member: HashMap<UserId, u32>,
    pub(super) engine: engine::LiveConversation,
    /// Engine side index → side.
    pub(super) side_order: Vec<SideId>,
    pub(super) next_seq: u64,
    pub(super) votes: u64,
    pub(super) priorities: Vec<f64>,
    pub(super) votes_at_priorities: u64,
    pub(super) analysed_at: Timestamp,
    pub(super) vote_buckets: HashMap<u32, Bucket>,
    pub(super) proposal_buckets: HashMap<u32, Bucket>,
    pub(super) join_buckets: HashMap<InvitationId, Bucket>,
    /// Each link's voters and join times (as stored) and the joins it refused since loaded.
    pub(super) links: HashMap<InvitationId, LinkTally>,
    /// Voters each client address group made through each link since the conversation was
    /// loaded. Addresses are never stored, so a restart starts these afresh; the cap, counted
    /// from stored voters, holds across restarts. Only admitted joins enter, so this holds at
    /// most as many entries as voters.
    pub(super) address_joins: HashMap<(InvitationId, IpAddr), u32>,
    pub(super) queue: Vec<Pending>,
    /// The position of the conversation's change log this state holds everything up to.
    pub(super) position: i64,
}

pub(super) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // The state is only changed in small steps that cannot be left half-done by a panic elsewhere.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Each voter's pace as the conversation's recent votes left it, whichever server took them: a
/// server loading the conversation (after a restart, or first reached by a voter who has been
/// voting through another) holds the voter to the same pace as the servers that saw the votes.
fn recent_vote_buckets(votes: &[CastVote], now: Timestamp) -> HashMap<u32, Bucket> {
    let limit = RateLimit::VOTER;
    // After this long a bucket is full again, so older votes leave nothing in it.
    let since = now - time::Duration::seconds_f64(limit.capacity / limit.per_second);
    let mut buckets = HashMap::new();
    for vote in votes.iter().filter(|vote| vote.at > since) {
        limit.spend(buckets.entry(vote.voter).or_insert_with(|| limit.full(vote.at)), vote.at);
    }
    buckets
}

pub(crate) fn engine_vote(vote: Vote) -> engine::Vote {
    match vote {
        Vote::Agree => engine::Vote::Agree,
        Vote::Disagree => engine::Vote::Disagree,
        Vote::Pass => engine::Vote::Pass,
    }
}

pub(crate) fn domain_vote(vote: engine::Vote) -> Vote {
    match vote {
        engine::Vote::Agree => Vote::Agree,
        engine::Vote::Disagree => Vote::Disagree,
        engine::Vote::Pass => Vote::Pass,
    }
}

pub(super) fn flags_of(statement: &Statement) -> engine::StatementFlags {
    engine::StatementFlags { moderated_out: statement.status != StatementStatus::Accepted, meta: statement.meta }
}

pub(super) fn options_for(conversation: &Conversation) -> engine::Options {
    engine::Options { seed: conversation.seed, ..engine::Options::default() }
}

pub(super) fn closed_error() -> AppError {
    AppError::Invalid(ValidationError::Invalid { field: "conversation", reason: "is closed" })
}

impl LiveConversation {
    /// Marks the change log as held up to `position`, once this server's own write there has
    /// committed and is in memory (a catch-up may have read it back first).
    /// The position this state holds: inside a transaction that locked the change log and
    /// caught up ([`App::enter_conversation`]), the position locked.
    pub(super) fn locked(&self) -> i64 {
        lock(&self.state).position
    }

    pub(super) fn reached(&self, position: i64) {
        let mut state = lock(&self.state);
        state.position = state.position.max(position);
    }
}

impl State {
    pub(super) fn side_index(&mut self, side: SideId) -> u32 {
        match self.side_order.iter().position(|s| *s == side) {
            Some(i) => i as u32,
            None => {
                self.side_order.push(side);
                (self.side_order.len() - 1) as u32
            }
        }
    }

    pub(super) fn refresh_priorities(&mut self) {
        let results = self.engine.results();
        self.priorities = results.statements.iter().map(|s| s.priority).collect();
        self.votes_at_priorities = self.votes;
    }
}

/// The conversations held in memory, by identifier.
#[derive(Default)]
pub(crate) struct ConversationCache {
    pub(super) live: Mutex<HashMap<ConversationId, Arc<LiveConversation>>>,
}

impl ConversationCache {
    pub(crate) fn forget_initiative(&self, initiative: InitiativeId) {
        lock(&self.live).retain(|_, live| live.initiative != initiative);
    }
}

impl App {
    /// The conversation in memory, loaded from the store on first use.
    pub(super) async fn live_conversation(
        &self,
        tx: &mut dyn WriteTx,
        key: &Arc<DataKey>,
        initiative: InitiativeId,
        id: ConversationId,
    ) -> Result<Arc<LiveConversation>> {
        if let Some(live) = lock(&self.conversations.live).get(&id)
            && live.initiative == initiative
        {
            return Ok(live.clone());
        }
        let row = tx
            .sealed_record(id.as_uuid())
            .await?
            .filter(|r| r.initiative == initiative && r.kind == RecordKind::Conversation)
            .ok_or(AppError::NotFound)?;
        // Held until this transaction ends, so no server writes to the conversation while it is
        // read: what is read is exactly what the log lists up to `position`.
        let position = tx.lock_conversation_log(initiative, id.as_uuid()).await?;
        let conversation: Conversation = self.open_record(key, &row)?;
        let mut statements: Vec<(StatementId, Statement)> = self
            .open_records::<Statement>(tx, key, initiative, Some(row.id))
            .await?
            .into_iter()
            .map(|(r, s)| (StatementId::from_uuid(r.id), s))
            .collect();
        statements.sort_by_key(|(_, s)| s.number);
        let invitations: Vec<(InvitationId, Invitation)> = self
            .open_records::<Invitation>(tx, key, initiative, Some(row.id))
            .await?
            .into_iter()
            .map(|(r, i)| (InvitationId::from_uuid(r.id), i))
            .collect();
        let mut voters: Vec<(uuid::Uuid, Voter)> = self
            .open_records::<Voter>(tx, key, initiative, Some(row.id))
            .await?
            .into_iter()
            .map(|(r, v)| (r.id, v))
            .collect();
        voters.sort_by_key(|(_, v)| v.number);
        let mut votes: Vec<CastVote> = self
            .open_records::<CastVote>(tx, key, initiative, Some(row.id))
            .await?
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        votes.sort_by_key(|v| v.seq);
        // Records are numbered densely as they are made; anything else is not what we wrote.
        let dense_statements = statements.iter().enumerate().all(|(i, (_, s))| s.number as usize == i);
        let dense_voters = voters.iter().enumerate().all(|(i, (_, v))| v.number as usize == i);
        if !dense_statements || !dense_voters {
            return Err(AppError::Tampered);
        }

        let mut side_order: Vec<SideId> = tx.sides(initiative).await?.into_iter().map(|s| s.id).collect();
        let mut sides = Vec::with_capacity(voters.len());
        for (_, voter) in &voters {
            sides.push(voter.side.map(|side| match side_order.iter().position(|s| *s == side) {
                Some(i) => i as u32,
                None => {
                    side_order.push(side);
                    (side_order.len() - 1) as u32
                }
            }));
        }
        let mut builder = engine::VoteMatrixBuilder::new();
        builder.reserve(voters.len(), statements.len());
        for vote in &votes {
            if vote.voter as usize >= voters.len() || vote.statement as usize >= statements.len() {
                return Err(AppError::Tampered);
            }
            builder
                .record(vote.voter as usize, vote.statement as usize, engine_vote(vote.vote))
                .map_err(|_| AppError::Tampered)?;
        }
        let flags = statements.iter().map(|(_, s)| flags_of(s)).collect();
        let live_engine = engine::LiveConversation::new(builder.finish(), flags, sides, options_for(&conversation))
            .map_err(|e| AppError::Archive(crate::ArchiveError::CannotAnalyse(e.to_string())))?;
        let links = LinkTally::from_stored(&invitations, &voters);
        let mut state = State {
            links,
            address_joins: HashMap::new(),
            by_credential: voters.iter().filter_map(|(_, v)| v.credential.clone().map(|c| (c, v.number))).collect(),
            invitation_by_credential: invitations
                .iter()
                .enumerate()
                .map(|(i, (_, inv))| (inv.credential.clone(), i))
                .collect(),
            by_member: voters.iter().filter_map(|(_, v)| v.member.map(|m| (m, v.number))).collect(),
            conversation_row: row,
            conversation,
            statements,
            invitations,
            voters,
            engine: live_engine,
            side_order,
            next_seq: votes.last().map_or(0, |v| v.seq + 1),
            votes: votes.len() as u64,
            priorities: Vec::new(),
            votes_at_priorities: 0,
            analysed_at: self.now(),
            vote_buckets: recent_vote_buckets(&votes, self.now()),
            proposal_buckets: HashMap::new(),
            join_buckets: HashMap::new(),
            queue: Vec::new(),
            position,
        };
        state.refresh_priorities();
        let secret_channel = tx.initiative(initiative).await?.ok_or(AppError::NotFound)?.secret_channel;
        let live = Arc::new(LiveConversation {
            id,
            initiative,
            secret_channel,
            key: key.clone(),
            state: Mutex::new(state),
            writer: futures_util::lock::Mutex::new(()),
        });
        let mut cache = lock(&self.conversations.live);
        // Another request may have loaded it meanwhile; keep the first, it may hold newer votes.
        Ok(cache.entry(id).or_insert(live).clone())
    }

    /// Enters an initiative for a conversation operation and loads the conversation, up to
    /// date with what any server wrote: its change log stays locked until `tx` ends, so what the
    /// operation writes goes after [`LiveConversation::locked`]'s position.
    pub(super) async fn enter_conversation(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        operation: Operation,
    ) -> Result<(Entered, Arc<LiveConversation>)> {
        let entered = self.enter(tx, who, initiative, operation).await?;
        let live = self.live_conversation(tx, &entered.key, initiative, id).await?;
        self.lock_and_follow(tx, &live).await?;
        Ok((entered, live))
    }

    /// Writes a new statement in `tx`; it joins the conversation in memory once `tx` commits —
    /// which the caller does right after, so a failure leaves the cache ahead only if the commit
    /// fails, and then the cache is dropped.
    pub(super) async fn insert_statement(
        &self,
        tx: &mut dyn WriteTx,
        live: &Arc<LiveConversation>,
        id: ConversationId,
        text: &str,
        status: StatementStatus,
        origin: StatementOrigin,
    ) -> Result<(u32, i64)> {
        let head = self.lock_and_follow(tx, live).await?;
        let (row, statement) = {
            let mut state = lock(&live.state);
            if state.conversation.closed {
                return Err(closed_error());
            }
            let number = state.statements.len() as u32;
            let statement = Statement {
                number,
                text: text.trim().to_owned(),
                status,
                origin,
                meta: false,
                submitted_at: self.now(),
                languages: Default::default(),
            };
            let row =
                self.sealed_row(&live.key, live.initiative, Some(id.as_uuid()), self.new_record_id(), &statement)?;
            // Reserve the number now, so two proposals at once cannot share it.
            state.statements.push((StatementId::from_uuid(row.id), statement.clone()));
            (row, statement)
        };
        let logged = async {
            tx.insert_sealed_record(&row).await?;
            self.log_changes(tx, live, head, &[row.id]).await
        }
        .await;
        let position = match logged {
            Ok(position) => position,
            Err(e) => {
                self.forget_conversation(id);
                return Err(e);
            }
        };
        let mut state = lock(&live.state);
        state.engine.set_flags(statement.number as usize, flags_of(&statement));
        Ok((statement.number, position))
    }

    /// Commits a transaction that changed a conversation held in memory, whose change log it
    /// took to `position`; if the commit fails, the conversation is dropped from memory so it
    /// reloads as stored.
    pub(super) async fn commit_or_forget(
        &self,
        tx: Box<dyn WriteTx>,
        live: &LiveConversation,
        position: i64,
    ) -> Result<()> {
        if let Err(e) = tx.commit().await {
            self.forget_conversation(live.id);
            return Err(e.into());
        }
        live.reached(position);
        Ok(())
    }

    /// Drops a conversation from memory; the next use reloads it from the store.
    pub(super) fn forget_conversation(&self, id: ConversationId) {
        lock(&self.conversations.live).remove(&id);
    }
}
