//! The voters' side: invitation links and the voter credential they give, joining, the ballot,
//! votes and proposals, for consultation voters and for members in a private conversation.

use std::net::IpAddr;
use std::sync::Arc;

use sha2::{Digest, Sha256};
use tracktwo_domain::campaign::address_group;
use tracktwo_domain::conversation::{
    ConversationMode, InvitationKind, RateLimit, StatementOrigin, StatementStatus, Vote, Voter, next_statement,
    validate_statement_text,
};
use tracktwo_domain::{ConversationId, Identity, InitiativeId, Operation, SideId, ValidationError};
use tracktwo_store::RecordKind;

use super::group_commit::Caster;
use super::live::{LiveConversation, State, closed_error, lock};
use super::views::{Ballot, BallotStatement, Welcome};
use crate::{App, AppError, Result};

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

    pub(super) fn digest(&self) -> String {
        hex::encode(Sha256::digest(self.0.as_bytes()))
    }
}

impl State {
    /// `voter`'s ballot (a member yet to vote has no number): the next open statement, drawn by
    /// priority with `draw`, and how far they are.
    pub(super) fn ballot(&self, voter: Option<u32>, draw: f64) -> Ballot {
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
            next: next.map(|n| {
                let statement = &self.statements[n as usize].1;
                BallotStatement { number: n, text: statement.text.clone(), languages: statement.languages.clone() }
            }),
            answered: counted,
            remaining: open.len(),
            accepts_statements: self.conversation.accepts_statements && !self.conversation.closed,
            closed: self.conversation.closed,
        }
    }
}

impl App {
    pub(super) fn draw(&self) -> f64 {
        let bytes: [u8; 8] = self.random();
        (u64::from_le_bytes(bytes) >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(super) fn new_pass(&self, conversation: ConversationId) -> VoterPass {
        let secret: [u8; 32] = self.random();
        VoterPass(format!("{}{}", conversation.as_uuid().simple(), hex::encode(secret)))
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
        if !lock(&live.state).invitation_by_credential.contains_key(&pass.digest()) {
            // Perhaps made through another server a moment ago.
            self.follow_now(&live).await?;
        }
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
        // The voter's number and the link's cap count every server's joins.
        let head = self.lock_and_follow(tx.as_mut(), &live).await?;
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
            let row = self.sealed_row(
                &live.key,
                live.initiative,
                Some(conversation_id.as_uuid()),
                self.new_record_id(),
                &voter,
            )?;
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
            let position = self.log_changes(tx.as_mut(), &live, head, &[row.id]).await?;
            tx.commit().await?;
            Ok::<_, AppError>(position)
        }
        .await;
        match written {
            Ok(position) => live.reached(position),
            Err(e) => {
                self.forget_conversation(conversation_id);
                return Err(e);
            }
        }
        Ok(pass)
    }

    /// The voter of a credential, if it still opens the ballot.
    pub(super) fn voter_of(state: &State, pass: &VoterPass) -> Result<u32> {
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

    /// The conversation of a voter's credential, caught up with the store first if the voter is
    /// not known here: they may have joined through another server a moment ago.
    async fn voters_conversation(&self, pass: &VoterPass) -> Result<Arc<LiveConversation>> {
        let live = self.conversation_of(pass).await.map_err(|_| AppError::Unauthenticated)?;
        if Self::voter_of(&lock(&live.state), pass).is_err() {
            self.follow_now(&live).await?;
        }
        Ok(live)
    }

    /// A consultation voter's ballot.
    pub async fn voter_ballot(&self, pass: &VoterPass) -> Result<Ballot> {
        let live = self.voters_conversation(pass).await?;
        let draw = self.draw();
        let state = lock(&live.state);
        let voter = Self::voter_of(&state, pass)?;
        Ok(state.ballot(Some(voter), draw))
    }

    /// Records a consultation voter's vote; answered once it is stored.
    pub async fn voter_vote(&self, pass: &VoterPass, statement: u32, vote: Vote) -> Result<Ballot> {
        let live = self.voters_conversation(pass).await?;
        self.cast(&live, Caster::Voter(pass), statement, vote).await
    }

    /// A consultation voter proposes a statement: it waits for moderation.
    pub async fn voter_propose(&self, pass: &VoterPass, text: &str) -> Result<()> {
        validate_statement_text(text)?;
        let live = self.voters_conversation(pass).await?;
        let id = pass.conversation().ok_or(AppError::NotFound)?;
        {
            let mut state = lock(&live.state);
            let voter = Self::voter_of(&state, pass)?;
            self.take_proposal(&mut state, voter)?;
        }
        let mut tx = self.begin().await?;
        let (_, position) = self
            .insert_statement(tx.as_mut(), &live, id, text, StatementStatus::Pending, StatementOrigin::Participant)
            .await?;
        self.commit_or_forget(tx, &live, position).await
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
        let (_, position) = self
            .insert_statement(tx.as_mut(), &live, id, text, StatementStatus::Pending, StatementOrigin::Participant)
            .await?;
        self.commit_or_forget(tx, &live, position).await
    }

    /// The member's voter number, made on their first vote with their side in the initiative.
    pub(super) async fn member_voter(
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
        let head = self.lock_and_follow(tx.as_mut(), live).await?;
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
            let row = self.sealed_row(&live.key, initiative, Some(id.as_uuid()), self.new_record_id(), &voter)?;
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
            let position = self.log_changes(tx.as_mut(), live, head, &[row.id]).await?;
            tx.commit().await?;
            Ok::<_, AppError>(position)
        }
        .await;
        match written {
            Ok(position) => live.reached(position),
            Err(e) => {
                self.forget_conversation(id);
                return Err(e);
            }
        }
        Ok(lock(&live.state).by_member[&user])
    }
}
