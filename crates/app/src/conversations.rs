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

mod campaign;

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use sha2::{Digest, Sha256};
use tracktwo_common_ground as engine;
use tracktwo_crypto::DataKey;
use tracktwo_domain::campaign::address_group;
use tracktwo_domain::conversation::{
    Bucket, CastVote, Conversation, ConversationMode, Invitation, InvitationKind, RateLimit, Statement,
    StatementOrigin, StatementStatus, Vote, Voter, next_statement, validate_statement_text,
};
use tracktwo_domain::{
    AuditAction, AuditTarget, ConversationId, Identity, InitiativeId, InvitationId, Operation, SideId, StatementId,
    TargetKind, Timestamp, UserId, ValidationError,
};
use tracktwo_store::{RecordKind, SealedRecordRow, WriteTx};

use self::campaign::LinkTally;
pub use self::campaign::{LinkView, NewLinks};
use crate::dialogue::sealable;
use crate::initiatives::Entered;
use crate::{App, AppError, Outward, Result};

sealable!(Conversation, Conversation, "conversations");
sealable!(Statement, ConversationStatement, "conversation_statements");
sealable!(Invitation, Invitation, "invitations");
sealable!(Voter, Voter, "voters");
sealable!(CastVote, ConversationVote, "votes");

/// Conversations larger than this are re-analysed at most every [`RECOMPUTE_INTERVAL`] when the
/// results are looked at; smaller ones on every look.
const LARGE_CONVERSATION: usize = 5_000;
const RECOMPUTE_INTERVAL: time::Duration = time::Duration::seconds(10);
/// The statement priorities that route the ballot are refreshed after this many votes.
const PRIORITY_REFRESH: u64 = 500;

/// A consultation voter's credential, as their browser or client holds it: the conversation's
/// identifier followed by a random secret, in hex. Only its SHA-256 digest is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct VoterPass(String);

impl std::fmt::Debug for VoterPass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("VoterPass(<redacted>)")
    }
}

impl VoterPass {
    /// Wraps a credential presented by a client (a cookie, a bearer token, a link).
    #[must_use]
    pub fn new(text: &str) -> Self {
        Self(text.trim().to_owned())
    }

    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The conversation the credential belongs to, if it is one of ours in form.
    #[must_use]
    pub fn conversation(&self) -> Option<ConversationId> {
        let text = &self.0;
        if text.len() != 96 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        uuid::Uuid::try_parse(&text[..32]).ok().map(ConversationId::from_uuid)
    }

    fn digest(&self) -> String {
        hex::encode(Sha256::digest(self.0.as_bytes()))
    }
}

/// What a conversation list shows.
#[derive(Debug, Clone)]
pub struct ConversationHeader {
    pub id: ConversationId,
    pub title: String,
    pub mode: ConversationMode,
    pub closed: bool,
    pub statements: usize,
    pub voters: usize,
    pub votes: u64,
}

/// A newly made invitation link's secret: shown once, then only its digest is kept.
#[derive(Debug, Clone)]
pub struct IssuedInvitation {
    pub id: InvitationId,
    pub pass: VoterPass,
}

/// What an invitation link shows before anyone votes: the conversation's title and question,
/// and what a voter may declare about themselves.
#[derive(Debug, Clone)]
pub struct Welcome {
    pub title: String,
    pub question: String,
    pub kind: InvitationKind,
    pub sides: Vec<(SideId, String)>,
    pub segments: Vec<String>,
    pub closed: bool,
    /// A campaign link that has admitted as many voters as its cap: nobody new joins.
    pub full: bool,
}

/// One voter's ballot: the next statement for them, and how far they are.
#[derive(Debug, Clone, PartialEq)]
pub struct Ballot {
    pub title: String,
    pub question: String,
    pub next: Option<BallotStatement>,
    pub answered: usize,
    pub remaining: usize,
    pub accepts_statements: bool,
    pub closed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotStatement {
    pub number: u32,
    pub text: String,
}

/// A statement's standing among one group of voters (a discovered group or a declared side).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Support {
    pub agree: u32,
    pub disagree: u32,
    pub seen: u32,
    /// The agreement lower bound: few votes cannot look like broad support.
    pub lower_bound: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupView {
    pub size: u32,
    /// Representative statements: (number, agrees?, share of the group voting that way).
    pub representative: Vec<(u32, bool, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatementView {
    pub number: u32,
    pub text: String,
    pub status: StatementStatus,
    pub origin: StatementOrigin,
    pub meta: bool,
    pub agree: u32,
    pub disagree: u32,
    pub seen: u32,
    pub group_informed_consensus: f64,
    pub per_side: Vec<Support>,
    pub side_common_ground: Option<f64>,
    pub per_group: Vec<Support>,
}

/// The team's live view of a conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversationResults {
    pub id: ConversationId,
    pub conversation: Conversation,
    pub statements: Vec<StatementView>,
    /// The invitation links, each with the voters who came through it and any burst of joins.
    pub links: Vec<LinkView>,
    pub voters: usize,
    pub votes: u64,
    /// Voters placed on the opinion map: (x, y, group).
    pub map: Vec<(f64, f64, Option<u32>)>,
    pub groups: Vec<GroupView>,
    pub consensus_agree: Vec<u32>,
    pub consensus_disagree: Vec<u32>,
    /// Sides in the engine's order, with their voters.
    pub sides: Vec<(SideId, String, u32)>,
    /// Statements ranked by cross-side common ground, best first.
    pub common_ground: Vec<u32>,
    /// Statements every discovered group supports, best first.
    pub common_ground_across_groups: Vec<u32>,
    /// When the groups and the map were last computed (votes arrive in between).
    pub analysed_at: Timestamp,
}

/// A conversation in Pol.is' terms, for export: its statements and every vote in order.
#[derive(Debug, Clone)]
pub struct ConversationExport {
    pub title: String,
    pub statements: Vec<Statement>,
    pub votes: Vec<CastVote>,
    /// Each voter's side name, if they declared one.
    pub sides: Vec<(u32, String)>,
}

/// A Pol.is export to import as a new conversation. Statements and voters are numbered as in
/// the export; votes are in the order cast.
#[derive(Debug, Clone)]
pub struct ConversationImport {
    pub conversation: Conversation,
    /// (number, text, moderated out?)
    pub statements: Vec<(u32, String, bool)>,
    /// (voter, statement, vote)
    pub votes: Vec<(u32, u32, Vote)>,
}

/// Who casts a vote.
enum Caster<'a> {
    Member(&'a Identity, InitiativeId),
    Voter(&'a VoterPass),
}

/// A vote waiting for its transaction.
struct Pending {
    row: SealedRecordRow,
    vote: CastVote,
    done: futures_channel::oneshot::Sender<Result<(), String>>,
}

/// A conversation kept in memory: its records, the engine's live state, and the votes waiting
/// to be written.
pub(crate) struct LiveConversation {
    initiative: InitiativeId,
    /// Whether its initiative is a secret channel, where no link may open it.
    secret_channel: bool,
    key: Arc<DataKey>,
    state: Mutex<State>,
    /// Held by whoever is writing a batch of votes.
    writer: futures_util::lock::Mutex<()>,
}

struct State {
    conversation_row: SealedRecordRow,
    conversation: Conversation,
    statements: Vec<(StatementId, Statement)>,
    invitations: Vec<(InvitationId, Invitation)>,
    voters: Vec<(uuid::Uuid, Voter)>,
    by_credential: HashMap<String, u32>,
    invitation_by_credential: HashMap<String, usize>,
    by_member: HashMap<UserId, u32>,
    engine: engine::LiveConversation,
    /// Engine side index → side.
    side_order: Vec<SideId>,
    next_seq: u64,
    votes: u64,
    priorities: Vec<f64>,
    votes_at_priorities: u64,
    analysed_at: Timestamp,
    vote_buckets: HashMap<u32, Bucket>,
    proposal_buckets: HashMap<u32, Bucket>,
    join_buckets: HashMap<InvitationId, Bucket>,
    /// Each link's voters and join times (as stored) and the joins it refused since loaded.
    links: HashMap<InvitationId, LinkTally>,
    /// Voters each client address group made through each link since the conversation was
    /// loaded. Addresses are never stored, so a restart starts these afresh; the cap, counted
    /// from stored voters, holds across restarts. Only admitted joins enter, so this holds at
    /// most as many entries as voters.
    address_joins: HashMap<(InvitationId, IpAddr), u32>,
    queue: Vec<Pending>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // The state is only changed in small steps that cannot be left half-done by a panic elsewhere.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
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

fn flags_of(statement: &Statement) -> engine::StatementFlags {
    engine::StatementFlags { moderated_out: statement.status != StatementStatus::Accepted, meta: statement.meta }
}

fn options_for(conversation: &Conversation) -> engine::Options {
    engine::Options { seed: conversation.seed, ..engine::Options::default() }
}

fn closed_error() -> AppError {
    AppError::Invalid(ValidationError::Invalid { field: "conversation", reason: "is closed" })
}

impl State {
    fn side_index(&mut self, side: SideId) -> u32 {
        match self.side_order.iter().position(|s| *s == side) {
            Some(i) => i as u32,
            None => {
                self.side_order.push(side);
                (self.side_order.len() - 1) as u32
            }
        }
    }

    fn refresh_priorities(&mut self) {
        let results = self.engine.results();
        self.priorities = results.statements.iter().map(|s| s.priority).collect();
        self.votes_at_priorities = self.votes;
    }

    fn ballot(&self, voter: Option<u32>, draw: f64) -> Ballot {
        let answered: Vec<bool> = {
            let mut seen = vec![false; self.statements.len()];
            if let Some(v) = voter
                && (v as usize) < self.engine.votes().participants()
            {
                for (s, _) in self.engine.votes().row(v as usize) {
                    if let Some(slot) = seen.get_mut(s) {
                        *slot = true;
                    }
                }
            }
            seen
        };
        let open: Vec<(u32, f64)> = self
            .statements
            .iter()
            .filter(|(_, s)| s.status == StatementStatus::Accepted && !answered[s.number as usize])
            .map(|(_, s)| (s.number, self.priorities.get(s.number as usize).copied().unwrap_or(1.0)))
            .collect();
        let next = if self.conversation.closed { None } else { next_statement(&open, draw) };
        let counted = self
            .statements
            .iter()
            .filter(|(_, s)| s.status == StatementStatus::Accepted && answered[s.number as usize])
            .count();
        Ballot {
            title: self.conversation.title.clone(),
            question: self.conversation.question.clone(),
            next: next.map(|n| BallotStatement { number: n, text: self.statements[n as usize].1.text.clone() }),
            answered: counted,
            remaining: open.len(),
            accepts_statements: self.conversation.accepts_statements && !self.conversation.closed,
            closed: self.conversation.closed,
        }
    }
}

/// The conversations held in memory, by identifier.
#[derive(Default)]
pub(crate) struct ConversationCache {
    live: Mutex<HashMap<ConversationId, Arc<LiveConversation>>>,
}

impl ConversationCache {
    pub(crate) fn forget_initiative(&self, initiative: InitiativeId) {
        lock(&self.live).retain(|_, live| live.initiative != initiative);
    }
}

impl App {
    fn draw(&self) -> f64 {
        let bytes: [u8; 8] = self.random();
        (u64::from_le_bytes(bytes) >> 11) as f64 / (1u64 << 53) as f64
    }

    fn new_pass(&self, conversation: ConversationId) -> VoterPass {
        let secret: [u8; 32] = self.random();
        VoterPass(format!("{}{}", conversation.as_uuid().simple(), hex::encode(secret)))
    }

    fn new_id(&self) -> uuid::Uuid {
        uuid::Builder::from_random_bytes(self.random()).into_uuid()
    }

    fn sealed_row<T: crate::dialogue::Sealable>(
        &self,
        key: &DataKey,
        initiative: InitiativeId,
        parent: Option<uuid::Uuid>,
        id: uuid::Uuid,
        value: &T,
    ) -> Result<SealedRecordRow> {
        let now = self.now();
        Ok(SealedRecordRow {
            id,
            initiative,
            kind: T::KIND,
            parent,
            body: self.seal_record(key, &id, value)?,
            created_at: now,
            updated_at: now,
        })
    }

    async fn open_children<T: crate::dialogue::Sealable>(
        &self,
        tx: &mut dyn WriteTx,
        key: &DataKey,
        initiative: InitiativeId,
        parent: uuid::Uuid,
    ) -> Result<Vec<(SealedRecordRow, T)>> {
        let rows = tx.sealed_records(initiative, T::KIND, Some(parent)).await?;
        rows.into_iter()
            .map(|row| {
                let value = self.open_record::<T>(key, &row)?;
                Ok((row, value))
            })
            .collect()
    }

    /// The conversation in memory, loaded from the store on first use.
    async fn live_conversation(
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
        let conversation: Conversation = self.open_record(key, &row)?;
        let mut statements: Vec<(StatementId, Statement)> = self
            .open_children::<Statement>(tx, key, initiative, row.id)
            .await?
            .into_iter()
            .map(|(r, s)| (StatementId::from_uuid(r.id), s))
            .collect();
        statements.sort_by_key(|(_, s)| s.number);
        let invitations: Vec<(InvitationId, Invitation)> = self
            .open_children::<Invitation>(tx, key, initiative, row.id)
            .await?
            .into_iter()
            .map(|(r, i)| (InvitationId::from_uuid(r.id), i))
            .collect();
        let mut voters: Vec<(uuid::Uuid, Voter)> = self
            .open_children::<Voter>(tx, key, initiative, row.id)
            .await?
            .into_iter()
            .map(|(r, v)| (r.id, v))
            .collect();
        voters.sort_by_key(|(_, v)| v.number);
        let mut votes: Vec<CastVote> =
            self.open_children::<CastVote>(tx, key, initiative, row.id).await?.into_iter().map(|(_, v)| v).collect();
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
            .map_err(|e| AppError::Archive(format!("cannot analyse the conversation: {e}")))?;
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
            vote_buckets: HashMap::new(),
            proposal_buckets: HashMap::new(),
            join_buckets: HashMap::new(),
            queue: Vec::new(),
        };
        state.refresh_priorities();
        let secret_channel = tx.initiative(initiative).await?.ok_or(AppError::NotFound)?.secret_channel;
        let live = Arc::new(LiveConversation {
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

    /// Enters an initiative for a conversation operation and loads the conversation.
    async fn enter_conversation(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        operation: Operation,
    ) -> Result<(Entered, Arc<LiveConversation>)> {
        let entered = self.enter(tx, who, initiative, operation).await?;
        let live = self.live_conversation(tx, &entered.key, initiative, id).await?;
        Ok((entered, live))
    }

    // The team's side.

    /// Opens a conversation with its first statements.
    pub async fn create_conversation(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        conversation: Conversation,
        statements: &[String],
    ) -> Result<ConversationId> {
        conversation.validate()?;
        for text in statements {
            validate_statement_text(text)?;
        }
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::RunConversation).await?;
        if conversation.mode == ConversationMode::Consultation {
            Self::keep_closed(&entered, Outward::Consultation)?;
        }
        let id = self.new_id();
        let row = self.sealed_row(&entered.key, initiative, None, id, &conversation)?;
        tx.insert_sealed_record(&row).await?;
        let now = self.now();
        for (number, text) in statements.iter().enumerate() {
            let statement = Statement {
                number: number as u32,
                text: text.trim().to_owned(),
                status: StatementStatus::Accepted,
                origin: StatementOrigin::Team,
                meta: false,
                submitted_at: now,
            };
            let statement_id = self.new_id();
            tx.insert_sealed_record(&self.sealed_row(&entered.key, initiative, Some(id), statement_id, &statement)?)
                .await?;
        }
        self.record(tx.as_mut(), who, AuditAction::ConversationCreated, AuditTarget::of(TargetKind::Conversation, id))
            .await?;
        tx.commit().await?;
        Ok(ConversationId::from_uuid(id))
    }

    /// The conversations of an initiative the caller may know of: all of them for the team, the
    /// private ones for the participants who vote in them.
    pub async fn conversations(&self, who: &Identity, initiative: InitiativeId) -> Result<Vec<ConversationHeader>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ViewInitiative).await?;
        let team = Self::also(who, &entered, Operation::RunConversation).is_ok();
        let voter = Self::also(who, &entered, Operation::VoteInConversation).is_ok();
        if !team && !voter {
            tx.commit().await?;
            return Ok(Vec::new());
        }
        let rows = tx.sealed_records(initiative, RecordKind::Conversation, None).await?;
        let mut out = Vec::new();
        for row in rows {
            let id = ConversationId::from_uuid(row.id);
            let live = self.live_conversation(tx.as_mut(), &entered.key, initiative, id).await?;
            let state = lock(&live.state);
            if !team && state.conversation.mode != ConversationMode::Private {
                continue;
            }
            out.push(ConversationHeader {
                id,
                title: state.conversation.title.clone(),
                mode: state.conversation.mode,
                closed: state.conversation.closed,
                statements: state.statements.iter().filter(|(_, s)| s.status == StatementStatus::Accepted).count(),
                voters: state.voters.len(),
                votes: state.votes,
            });
        }
        tx.commit().await?;
        Ok(out)
    }

    /// The live results: the opinion map, the groups with their representative statements, the
    /// consensus and the cross-side common ground, with the moderation queue and the links.
    pub async fn conversation_results(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
    ) -> Result<ConversationResults> {
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::ReadConversationResults).await?;
        let side_names = self.side_names(tx.as_mut(), &entered.key, initiative).await?;
        self.record(
            tx.as_mut(),
            who,
            AuditAction::ConversationResultsRead,
            AuditTarget::of(TargetKind::Conversation, id),
        )
        .await?;
        tx.commit().await?;
        drop(entered);
        let now = self.now();
        let mut state = lock(&live.state);
        let stale = state.engine.votes_since_recompute() > 0;
        let small = state.engine.votes().participants() < LARGE_CONVERSATION;
        if stale && (small || now - state.analysed_at >= RECOMPUTE_INTERVAL) {
            state.engine.recompute();
            state.analysed_at = now;
        }
        let analysis = state.engine.results();
        state.priorities = analysis.statements.iter().map(|s| s.priority).collect();
        state.votes_at_priorities = state.votes;
        Ok(results_view(id, &state, &analysis, &side_names))
    }

    /// Adds a statement from the team: accepted at once.
    pub async fn add_statement(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        text: &str,
    ) -> Result<u32> {
        validate_statement_text(text)?;
        let mut tx = self.begin().await?;
        let (_, live) = self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::RunConversation).await?;
        let number = self
            .insert_statement(tx.as_mut(), &live, id, text, StatementStatus::Accepted, StatementOrigin::Team)
            .await?;
        self.record(tx.as_mut(), who, AuditAction::StatementAdded, AuditTarget::of(TargetKind::Conversation, id))
            .await?;
        self.commit_or_forget(tx, id).await?;
        Ok(number)
    }

    /// Writes a new statement in `tx`; it joins the conversation in memory once `tx` commits —
    /// which the caller does right after, so a failure leaves the cache ahead only if the commit
    /// fails, and then the cache is dropped.
    async fn insert_statement(
        &self,
        tx: &mut dyn WriteTx,
        live: &Arc<LiveConversation>,
        id: ConversationId,
        text: &str,
        status: StatementStatus,
        origin: StatementOrigin,
    ) -> Result<u32> {
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
            };
            let row = self.sealed_row(&live.key, live.initiative, Some(id.as_uuid()), self.new_id(), &statement)?;
            // Reserve the number now, so two proposals at once cannot share it.
            state.statements.push((StatementId::from_uuid(row.id), statement.clone()));
            (row, statement)
        };
        if let Err(e) = tx.insert_sealed_record(&row).await {
            self.forget_conversation(id);
            return Err(e.into());
        }
        let mut state = lock(&live.state);
        state.engine.set_flags(statement.number as usize, flags_of(&statement));
        Ok(statement.number)
    }

    async fn side_names(
        &self,
        tx: &mut dyn WriteTx,
        key: &DataKey,
        initiative: InitiativeId,
    ) -> Result<HashMap<SideId, String>> {
        tx.sides(initiative).await?.iter().map(|row| Ok((row.id, self.side_from_row(key, row)?.name))).collect()
    }

    /// Commits a transaction that changed a conversation held in memory; if the commit fails,
    /// the conversation is dropped from memory so it reloads as stored.
    async fn commit_or_forget(&self, tx: Box<dyn WriteTx>, id: ConversationId) -> Result<()> {
        if let Err(e) = tx.commit().await {
            self.forget_conversation(id);
            return Err(e.into());
        }
        Ok(())
    }

    /// Drops a conversation from memory; the next use reloads it from the store.
    fn forget_conversation(&self, id: ConversationId) {
        lock(&self.conversations.live).remove(&id);
    }

    /// Accepts a proposed statement, moderates one out, or marks it meta.
    pub async fn moderate_statement(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        number: u32,
        status: StatementStatus,
        meta: bool,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::RunConversation).await?;
        let (statement_id, mut statement) =
            lock(&live.state).statements.get(number as usize).cloned().ok_or(AppError::NotFound)?;
        statement.status = status;
        statement.meta = meta;
        let row = tx.sealed_record(statement_id.as_uuid()).await?.ok_or(AppError::NotFound)?;
        self.replace_record(tx.as_mut(), &entered, &row, &statement).await?;
        self.record(
            tx.as_mut(),
            who,
            AuditAction::StatementModerated,
            AuditTarget::of(TargetKind::Statement, statement_id),
        )
        .await?;
        tx.commit().await?;
        let mut state = lock(&live.state);
        state.engine.set_flags(number as usize, flags_of(&statement));
        state.statements[number as usize].1 = statement;
        state.refresh_priorities();
        Ok(())
    }

    /// Closes a conversation to votes and statements, or opens it again.
    pub async fn set_conversation_closed(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        closed: bool,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::RunConversation).await?;
        let (row, mut conversation) = {
            let state = lock(&live.state);
            (state.conversation_row.clone(), state.conversation.clone())
        };
        conversation.closed = closed;
        self.replace_record(tx.as_mut(), &entered, &row, &conversation).await?;
        self.record(tx.as_mut(), who, AuditAction::ConversationUpdated, AuditTarget::of(TargetKind::Conversation, id))
            .await?;
        tx.commit().await?;
        lock(&live.state).conversation = conversation;
        Ok(())
    }

    /// Makes invitation links to a consultation: personal links, or one campaign link with its
    /// voter cap and per-address limit.
    pub async fn create_invitations(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        links: NewLinks,
        label: &str,
    ) -> Result<Vec<IssuedInvitation>> {
        Invitation::validate_label(label)?;
        let (kind, count, limits) = match links {
            NewLinks::Personal { count } => (InvitationKind::Personal, count, None),
            NewLinks::Campaign(limits) => {
                limits.validate()?;
                (InvitationKind::Campaign, 1, Some(limits))
            }
        };
        if !(1..=1_000).contains(&count) {
            return Err(AppError::Invalid(ValidationError::Invalid {
                field: "number of links",
                reason: "must be between 1 and 1000",
            }));
        }
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::RunConversation).await?;
        // Before the mode: a consultation that reached a secret channel before imports were
        // refused there gets no more links either.
        Self::keep_closed(&entered, Outward::InvitationLinks)?;
        if lock(&live.state).conversation.mode != ConversationMode::Consultation {
            return Err(AppError::Invalid(ValidationError::Invalid {
                field: "conversation",
                reason: "is private: its participants vote under their account, without links",
            }));
        }
        let mut issued = Vec::with_capacity(count);
        let mut made = Vec::with_capacity(count);
        for n in 0..count {
            let pass = self.new_pass(id);
            let label = if count > 1 {
                format!("{} {}", label.trim(), n + 1).trim().to_owned()
            } else {
                label.trim().to_owned()
            };
            let invitation =
                Invitation { kind, label, credential: pass.digest(), revoked: false, created_at: self.now(), limits };
            let row_id = self.new_id();
            tx.insert_sealed_record(&self.sealed_row(
                &entered.key,
                initiative,
                Some(id.as_uuid()),
                row_id,
                &invitation,
            )?)
            .await?;
            self.record(
                tx.as_mut(),
                who,
                AuditAction::InvitationCreated,
                AuditTarget::of(TargetKind::Invitation, row_id),
            )
            .await?;
            issued.push(IssuedInvitation { id: InvitationId::from_uuid(row_id), pass });
            made.push((InvitationId::from_uuid(row_id), invitation));
        }
        tx.commit().await?;
        let mut state = lock(&live.state);
        for (invitation_id, invitation) in made {
            let index = state.invitations.len();
            state.invitation_by_credential.insert(invitation.credential.clone(), index);
            state.invitations.push((invitation_id, invitation));
        }
        Ok(issued)
    }

    /// Revokes an invitation link: nobody new joins through it, and a personal link's voter can
    /// vote no more.
    pub async fn revoke_invitation(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        invitation: InvitationId,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::RunConversation).await?;
        let (index, mut value) = {
            let state = lock(&live.state);
            let index = state.invitations.iter().position(|(i, _)| *i == invitation).ok_or(AppError::NotFound)?;
            (index, state.invitations[index].1.clone())
        };
        value.revoked = true;
        let row = tx.sealed_record(invitation.as_uuid()).await?.ok_or(AppError::NotFound)?;
        self.replace_record(tx.as_mut(), &entered, &row, &value).await?;
        self.record(
            tx.as_mut(),
            who,
            AuditAction::InvitationRevoked,
            AuditTarget::of(TargetKind::Invitation, invitation),
        )
        .await?;
        tx.commit().await?;
        lock(&live.state).invitations[index].1 = value;
        Ok(())
    }

    /// Everything needed to write the conversation as a Pol.is export.
    pub async fn export_conversation(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
    ) -> Result<ConversationExport> {
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::ReadConversationResults).await?;
        let mut votes: Vec<CastVote> = self
            .open_children::<CastVote>(tx.as_mut(), &entered.key, initiative, id.as_uuid())
            .await?
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        votes.sort_by_key(|v| v.seq);
        let side_names = self.side_names(tx.as_mut(), &entered.key, initiative).await?;
        self.record(tx.as_mut(), who, AuditAction::ConversationExported, AuditTarget::of(TargetKind::Conversation, id))
            .await?;
        tx.commit().await?;
        let state = lock(&live.state);
        Ok(ConversationExport {
            title: state.conversation.title.clone(),
            statements: state.statements.iter().map(|(_, s)| s.clone()).collect(),
            votes,
            sides: state
                .voters
                .iter()
                .filter_map(|(_, v)| v.side.and_then(|s| side_names.get(&s)).map(|name| (v.number, name.clone())))
                .collect(),
        })
    }

    /// Imports a pasted Pol.is export (its comments.csv and votes.csv) as a new conversation.
    /// The right to run conversations is checked before the files are read, so a caller who may
    /// not import learns nothing from what the files hold; a file that cannot be read is
    /// [`AppError::Import`], naming the file and the line.
    pub async fn import_polis_export(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        title: &str,
        comments: &[u8],
        votes: &[u8],
    ) -> Result<ConversationId> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::RunConversation).await?;
        tx.commit().await?;
        Self::keep_closed(&entered, Outward::PolisImport)?;
        let import = crate::polis_format::read_import(title, comments, votes)
            .map_err(|message| AppError::Import { record: "Pol.is export".to_owned(), message })?;
        self.import_conversation(who, initiative, import).await
    }

    /// Imports a Pol.is export as a new conversation, in one transaction: all of it or nothing.
    /// Its voters come without credentials: they are the export's, and vote no more here.
    pub async fn import_conversation(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        import: ConversationImport,
    ) -> Result<ConversationId> {
        import.conversation.validate()?;
        let count = import.statements.len();
        for (i, (number, text, _)) in import.statements.iter().enumerate() {
            if *number as usize != i {
                return Err(AppError::Import {
                    record: format!("statement {number}"),
                    message: "statements must be numbered 0, 1, 2… in order".into(),
                });
            }
            // Pol.is allows longer comments than we do; an export is taken as it is.
            if text.trim().is_empty() || text.chars().count() > 10_000 {
                return Err(AppError::Import {
                    record: format!("statement {number}"),
                    message: "must have a text of at most 10,000 characters".into(),
                });
            }
        }
        let voters = import.votes.iter().map(|v| v.0 as usize + 1).max().unwrap_or(0);
        if let Some((voter, statement, _)) = import.votes.iter().find(|v| v.1 as usize >= count) {
            return Err(AppError::Import {
                record: format!("vote of participant {voter}"),
                message: format!("statement {statement} is not in the export"),
            });
        }
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::RunConversation).await?;
        // Whatever mode it names, an import is refused there: the format is a consultation's.
        Self::keep_closed(&entered, Outward::PolisImport)?;
        let id = self.new_id();
        tx.insert_sealed_record(&self.sealed_row(&entered.key, initiative, None, id, &import.conversation)?).await?;
        let now = self.now();
        for (number, text, moderated_out) in &import.statements {
            let statement = Statement {
                number: *number,
                text: text.trim().to_owned(),
                status: if *moderated_out { StatementStatus::Rejected } else { StatementStatus::Accepted },
                origin: StatementOrigin::Imported,
                meta: false,
                submitted_at: now,
            };
            tx.insert_sealed_record(&self.sealed_row(&entered.key, initiative, Some(id), self.new_id(), &statement)?)
                .await?;
        }
        for number in 0..voters {
            let voter = Voter {
                number: number as u32,
                credential: None,
                member: None,
                side: None,
                segment: None,
                invitation: None,
                joined_at: None,
            };
            tx.insert_sealed_record(&self.sealed_row(&entered.key, initiative, Some(id), self.new_id(), &voter)?)
                .await?;
        }
        for (seq, (voter, statement, vote)) in import.votes.iter().enumerate() {
            let cast = CastVote { seq: seq as u64, voter: *voter, statement: *statement, vote: *vote, at: now };
            tx.insert_sealed_record(&self.sealed_row(&entered.key, initiative, Some(id), self.new_id(), &cast)?)
                .await?;
        }
        self.record(tx.as_mut(), who, AuditAction::ConversationImported, AuditTarget::of(TargetKind::Conversation, id))
            .await?;
        tx.commit().await?;
        Ok(ConversationId::from_uuid(id))
    }

    // Voters.

    /// What an invitation link shows. An unknown or revoked link is "not found".
    pub async fn welcome(&self, pass: &VoterPass) -> Result<Welcome> {
        let (live, kind) = self.invitation_of(pass).await?;
        let mut tx = self.begin().await?;
        let mut sides = Vec::new();
        for row in tx.sides(live.initiative).await? {
            sides.push((row.id, self.side_from_row(&live.key, &row)?.name));
        }
        tx.commit().await?;
        sides.sort_by(|a, b| a.1.cmp(&b.1));
        let state = lock(&live.state);
        let full = state.invitation_by_credential.get(&pass.digest()).is_some_and(|&index| {
            let (invitation_id, invitation) = &state.invitations[index];
            let through_link = state.links.get(invitation_id).map_or(0, |t| t.voters);
            invitation.limits.is_some_and(|limits| through_link >= limits.voter_cap)
        });
        Ok(Welcome {
            title: state.conversation.title.clone(),
            question: state.conversation.question.clone(),
            kind,
            sides,
            segments: state.conversation.segments.clone(),
            closed: state.conversation.closed,
            full,
        })
    }

    /// The conversation a credential belongs to, in memory.
    /// The conversation a voter's credential or an invitation link names. In a secret channel
    /// none opens, as if it did not exist: no consultation can be made there now, but one
    /// imported before imports were refused there may hold links.
    async fn conversation_of(&self, pass: &VoterPass) -> Result<Arc<LiveConversation>> {
        let live = self.loaded_conversation_of(pass).await?;
        if live.secret_channel {
            return Err(AppError::NotFound);
        }
        Ok(live)
    }

    async fn loaded_conversation_of(&self, pass: &VoterPass) -> Result<Arc<LiveConversation>> {
        let id = pass.conversation().ok_or(AppError::NotFound)?;
        if let Some(live) = lock(&self.conversations.live).get(&id) {
            return Ok(live.clone());
        }
        let mut tx = self.begin().await?;
        let row = tx
            .sealed_record(id.as_uuid())
            .await?
            .filter(|r| r.kind == RecordKind::Conversation)
            .ok_or(AppError::NotFound)?;
        let initiative = tx.initiative(row.initiative).await?.ok_or(AppError::NotFound)?;
        let key = self.keyring.data_key(tx.as_mut(), initiative.key).await?;
        let live = self.live_conversation(tx.as_mut(), &key, row.initiative, id).await?;
        tx.commit().await?;
        Ok(live)
    }

    async fn invitation_of(&self, pass: &VoterPass) -> Result<(Arc<LiveConversation>, InvitationKind)> {
        let live = self.conversation_of(pass).await?;
        let kind = {
            let state = lock(&live.state);
            if state.conversation.mode != ConversationMode::Consultation {
                return Err(AppError::NotFound);
            }
            let index = state.invitation_by_credential.get(&pass.digest()).copied().ok_or(AppError::NotFound)?;
            let invitation = &state.invitations[index].1;
            if invitation.revoked {
                return Err(AppError::NotFound);
            }
            invitation.kind
        };
        Ok((live, kind))
    }

    /// Joins a consultation through an invitation link. A campaign link makes a new voter with a
    /// credential of their own, within the link's voter cap and per-address limit
    /// ([`AppError::JoinRefused`]) and its pace ([`AppError::RateLimited`]); a personal link is
    /// its holder's credential (opened again, it finds the same voter). Nothing is kept about the
    /// voter but a random identifier, the link and time they joined by, and what they chose to
    /// declare: `client`, the address the request came from, is counted in memory, never stored.
    pub async fn join(
        &self,
        invitation: &VoterPass,
        side: Option<SideId>,
        segment: Option<&str>,
        client: IpAddr,
    ) -> Result<VoterPass> {
        let (live, kind) = self.invitation_of(invitation).await?;
        let conversation_id = invitation.conversation().ok_or(AppError::NotFound)?;
        let segment = segment.map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
        let now = self.now();
        let group = address_group(client);
        if kind == InvitationKind::Campaign {
            // Refused before any transaction: a flood past the limits costs no store work.
            let mut state = lock(&live.state);
            let (invitation_id, limits) = state.invitation_limits(&invitation.digest());
            state.admit(invitation_id, limits, group)?;
        }
        let mut tx = self.begin().await?;
        if let Some(side) = side
            && !tx.sides(live.initiative).await?.iter().any(|s| s.id == side)
        {
            return Err(AppError::Invalid(ValidationError::UnknownValue { field: "side", value: side.to_string() }));
        }
        let (pass, row) = {
            let mut state = lock(&live.state);
            if state.conversation.closed {
                return Err(closed_error());
            }
            if let Some(segment) = &segment
                && !state.conversation.segments.iter().any(|s| s == segment)
            {
                return Err(AppError::Invalid(ValidationError::UnknownValue {
                    field: "segment",
                    value: segment.clone(),
                }));
            }
            let digest = invitation.digest();
            let (invitation_id, limits) = state.invitation_limits(&digest);
            if kind == InvitationKind::Campaign {
                // Again, now that the number is taken under this lock: joins in flight count.
                state.admit(invitation_id, limits, group)?;
            }
            let limit = match kind {
                InvitationKind::Personal => RateLimit::PERSONAL_JOINS,
                InvitationKind::Campaign => RateLimit::CAMPAIGN_JOINS,
            };
            let bucket = state.join_buckets.entry(invitation_id).or_insert_with(|| limit.full(now));
            if let Err(seconds) = limit.take(bucket, now) {
                state.links.entry(invitation_id).or_default().refused_pace += 1;
                return Err(AppError::RateLimited { seconds });
            }
            if kind == InvitationKind::Personal && state.by_credential.contains_key(&digest) {
                // The same person again: same voter. What they declare is kept from the first time.
                return Ok(invitation.clone());
            }
            let pass = match kind {
                InvitationKind::Personal => invitation.clone(),
                InvitationKind::Campaign => self.new_pass(conversation_id),
            };
            let number = state.voters.len() as u32;
            let voter = Voter {
                number,
                credential: Some(pass.digest()),
                member: None,
                side,
                segment,
                invitation: Some(invitation_id),
                joined_at: Some(now),
            };
            let row =
                self.sealed_row(&live.key, live.initiative, Some(conversation_id.as_uuid()), self.new_id(), &voter)?;
            // Taken now, so concurrent joins get distinct numbers and a cap cannot be overrun by
            // joins in flight; undone below (the conversation reloads as stored) if the write fails.
            state.joined(invitation_id, group, now);
            state.by_credential.insert(pass.digest(), number);
            state.voters.push((row.id, voter));
            if let Some(side) = side {
                let s = state.side_index(side);
                state.engine.set_side(number as usize, Some(s));
            }
            (pass, row)
        };
        let written = async {
            tx.insert_sealed_record(&row).await?;
            tx.commit().await
        }
        .await;
        if let Err(e) = written {
            self.forget_conversation(conversation_id);
            return Err(e.into());
        }
        Ok(pass)
    }

    /// The voter of a credential, if it still opens the ballot.
    fn voter_of(state: &State, pass: &VoterPass) -> Result<u32> {
        let digest = pass.digest();
        let number = state.by_credential.get(&digest).copied().ok_or(AppError::Unauthenticated)?;
        // A personal link's voter loses the ballot with the link.
        if let Some(&index) = state.invitation_by_credential.get(&digest)
            && state.invitations[index].1.revoked
        {
            return Err(AppError::Unauthenticated);
        }
        Ok(number)
    }

    /// A consultation voter's ballot.
    pub async fn voter_ballot(&self, pass: &VoterPass) -> Result<Ballot> {
        let live = self.conversation_of(pass).await.map_err(|_| AppError::Unauthenticated)?;
        let draw = self.draw();
        let state = lock(&live.state);
        let voter = Self::voter_of(&state, pass)?;
        Ok(state.ballot(Some(voter), draw))
    }

    /// Records a consultation voter's vote; answered once it is stored.
    pub async fn voter_vote(&self, pass: &VoterPass, statement: u32, vote: Vote) -> Result<Ballot> {
        let live = self.conversation_of(pass).await.map_err(|_| AppError::Unauthenticated)?;
        self.cast(&live, Caster::Voter(pass), statement, vote).await
    }

    /// A consultation voter proposes a statement: it waits for moderation.
    pub async fn voter_propose(&self, pass: &VoterPass, text: &str) -> Result<()> {
        validate_statement_text(text)?;
        let live = self.conversation_of(pass).await.map_err(|_| AppError::Unauthenticated)?;
        let id = pass.conversation().ok_or(AppError::NotFound)?;
        {
            let mut state = lock(&live.state);
            let voter = Self::voter_of(&state, pass)?;
            self.take_proposal(&mut state, voter)?;
        }
        let mut tx = self.begin().await?;
        self.insert_statement(tx.as_mut(), &live, id, text, StatementStatus::Pending, StatementOrigin::Participant)
            .await?;
        self.commit_or_forget(tx, id).await
    }

    fn take_proposal(&self, state: &mut State, voter: u32) -> Result<()> {
        if !state.conversation.accepts_statements {
            return Err(AppError::Invalid(ValidationError::Invalid {
                field: "conversation",
                reason: "does not take new statements",
            }));
        }
        let now = self.now();
        let bucket = state.proposal_buckets.entry(voter).or_insert_with(|| RateLimit::PROPOSALS.full(now));
        RateLimit::PROPOSALS.take(bucket, now).map_err(|seconds| AppError::RateLimited { seconds })
    }

    // Members of a private conversation.

    async fn enter_private(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
    ) -> Result<Arc<LiveConversation>> {
        let mut tx = self.begin().await?;
        let (_, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::VoteInConversation).await?;
        tx.commit().await?;
        if lock(&live.state).conversation.mode != ConversationMode::Private {
            return Err(AppError::NotFound);
        }
        Ok(live)
    }

    /// A participant's ballot in a private conversation.
    pub async fn member_ballot(&self, who: &Identity, initiative: InitiativeId, id: ConversationId) -> Result<Ballot> {
        let live = self.enter_private(who, initiative, id).await?;
        let draw = self.draw();
        let state = lock(&live.state);
        let voter = who.user_id().and_then(|u| state.by_member.get(&u).copied());
        Ok(state.ballot(voter, draw))
    }

    /// A participant's vote in a private conversation, counted under their side.
    pub async fn member_vote(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        statement: u32,
        vote: Vote,
    ) -> Result<Ballot> {
        let live = self.enter_private(who, initiative, id).await?;
        self.cast(&live, Caster::Member(who, initiative), statement, vote).await
    }

    /// A participant proposes a statement to a private conversation: it waits for moderation.
    pub async fn member_propose(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        text: &str,
    ) -> Result<()> {
        validate_statement_text(text)?;
        let live = self.enter_private(who, initiative, id).await?;
        let voter = self.member_voter(who, initiative, &live, id).await?;
        self.take_proposal(&mut lock(&live.state), voter)?;
        let mut tx = self.begin().await?;
        self.insert_statement(tx.as_mut(), &live, id, text, StatementStatus::Pending, StatementOrigin::Participant)
            .await?;
        self.commit_or_forget(tx, id).await
    }

    /// The member's voter number, made on their first vote with their side in the initiative.
    async fn member_voter(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        live: &Arc<LiveConversation>,
        id: ConversationId,
    ) -> Result<u32> {
        let user = who.user_id().ok_or(AppError::Forbidden(tracktwo_domain::Denied::NotAMember))?;
        if let Some(&number) = lock(&live.state).by_member.get(&user) {
            return Ok(number);
        }
        let mut tx = self.begin().await?;
        let side = self.standing_in(tx.as_mut(), who, initiative).await?.and_then(|s| s.side);
        let row = {
            let mut state = lock(&live.state);
            if let Some(&number) = state.by_member.get(&user) {
                return Ok(number);
            }
            let number = state.voters.len() as u32;
            let voter = Voter {
                number,
                credential: None,
                member: Some(user),
                side,
                segment: None,
                invitation: None,
                joined_at: Some(self.now()),
            };
            let row = self.sealed_row(&live.key, initiative, Some(id.as_uuid()), self.new_id(), &voter)?;
            state.by_member.insert(user, number);
            state.voters.push((row.id, voter));
            if let Some(side) = side {
                let s = state.side_index(side);
                state.engine.set_side(number as usize, Some(s));
            }
            row
        };
        let written = async {
            tx.insert_sealed_record(&row).await?;
            tx.commit().await
        }
        .await;
        if let Err(e) = written {
            self.forget_conversation(id);
            return Err(e.into());
        }
        Ok(lock(&live.state).by_member[&user])
    }

    /// Casts a vote: checks it, queues it sealed, and waits for the batch holding it to commit.
    async fn cast(
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
            let row =
                self.sealed_row(&live.key, live.initiative, Some(conversation_id.as_uuid()), self.new_id(), &cast)?;
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

fn standing(agreement: &engine::Agreement) -> Support {
    Support {
        agree: agreement.votes.agree,
        disagree: agreement.votes.disagree,
        seen: agreement.votes.seen,
        lower_bound: agreement.lower_bound,
    }
}

fn results_view(
    id: ConversationId,
    state: &State,
    analysis: &engine::Analysis,
    side_names: &HashMap<SideId, String>,
) -> ConversationResults {
    let statements = state
        .statements
        .iter()
        .map(|(_, s)| {
            let result = analysis.statements.get(s.number as usize);
            StatementView {
                number: s.number,
                text: s.text.clone(),
                status: s.status,
                origin: s.origin,
                meta: s.meta,
                agree: result.map_or(0, |r| r.votes.agree),
                disagree: result.map_or(0, |r| r.votes.disagree),
                seen: result.map_or(0, |r| r.votes.seen),
                group_informed_consensus: result.map_or(0.0, |r| r.group_informed_consensus),
                per_side: result.map_or_else(Vec::new, |r| r.per_side.iter().map(standing).collect()),
                side_common_ground: result.and_then(|r| r.side_common_ground),
                per_group: result.map_or_else(Vec::new, |r| r.per_group.iter().map(standing).collect()),
            }
        })
        .collect();
    let map = analysis.participants.iter().filter(|p| p.in_conversation).map(|p| (p.x, p.y, p.group)).collect();
    let groups = analysis
        .groups
        .iter()
        .map(|g| GroupView {
            size: g.size,
            representative: g
                .representative
                .iter()
                .map(|r| (r.statement as u32, r.direction == engine::Direction::Agree, r.probability))
                .collect(),
        })
        .collect();
    let sides = state
        .side_order
        .iter()
        .enumerate()
        .map(|(i, side)| {
            (
                *side,
                side_names.get(side).cloned().unwrap_or_else(|| "(a side no longer there)".into()),
                analysis.sides.get(i).map_or(0, |s| s.size),
            )
        })
        .collect();
    let numbers = |list: &[usize]| list.iter().map(|&s| s as u32).collect::<Vec<_>>();
    ConversationResults {
        id,
        conversation: state.conversation.clone(),
        statements,
        links: state.invitations.iter().map(|(id, invitation)| LinkView::of(*id, invitation, &state.links)).collect(),
        voters: state.voters.len(),
        votes: state.votes,
        map,
        groups,
        consensus_agree: numbers(&analysis.consensus.agree),
        consensus_disagree: numbers(&analysis.consensus.disagree),
        sides,
        common_ground: numbers(&analysis.common_ground.across_sides),
        common_ground_across_groups: numbers(&analysis.common_ground.across_groups),
        analysed_at: state.analysed_at,
    }
}
