//! Campaign links under the convener's limits: the voter cap and per-address limit a join must
//! pass, the tally of voters each link brought, and the burst flag the results show.

use std::collections::HashMap;
use std::net::IpAddr;

use tracktwo_domain::campaign::{Burst, CampaignLimits, burst};
use tracktwo_domain::conversation::{Invitation, InvitationKind, Voter};
use tracktwo_domain::{
    AuditAction, AuditTarget, ConversationId, Identity, InitiativeId, InvitationId, Operation, TargetKind, Timestamp,
    ValidationError,
};

use super::live::{State, lock};
use crate::{App, AppError, Result};

/// The links to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewLinks {
    /// `count` personal links, one for each person.
    Personal { count: usize },
    /// One campaign link, under these limits.
    Campaign(CampaignLimits),
}

/// One link's voters and the joins it refused.
#[derive(Debug, Clone, Default)]
pub(super) struct LinkTally {
    /// Voters who joined through the link, as stored.
    pub(super) voters: u32,
    /// When they joined (voters who joined before links were counted have no time).
    times: Vec<Timestamp>,
    /// Joins refused since the conversation was loaded: over the cap, over the per-address
    /// limit, faster than the link's pace.
    refused_full: u64,
    refused_address: u64,
    pub(super) refused_pace: u64,
}

impl LinkTally {
    /// The tallies of a conversation's links, from its stored voters. A voter who joined before
    /// links were counted is still attributed to a personal link, whose credential they hold.
    pub(super) fn from_stored(
        invitations: &[(InvitationId, Invitation)],
        voters: &[(uuid::Uuid, Voter)],
    ) -> HashMap<InvitationId, LinkTally> {
        let personal: HashMap<&str, InvitationId> = invitations
            .iter()
            .filter(|(_, i)| i.kind == InvitationKind::Personal)
            .map(|(id, i)| (i.credential.as_str(), *id))
            .collect();
        let mut links: HashMap<InvitationId, LinkTally> = HashMap::new();
        for (_, voter) in voters {
            let link = voter.invitation.or_else(|| voter.credential.as_deref().and_then(|c| personal.get(c).copied()));
            if let Some(link) = link {
                let tally = links.entry(link).or_default();
                tally.voters += 1;
                tally.times.extend(voter.joined_at);
            }
        }
        links
    }
}

/// An invitation link as the team sees it on the results page.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkView {
    pub id: InvitationId,
    pub invitation: Invitation,
    /// Voters who came through the link (not those who joined before links were counted).
    pub voters: u32,
    /// The busiest minute of joins, when it stands out from the link's usual pace.
    pub burst: Option<Burst>,
    /// Joins refused since the server loaded the conversation: the link was full, the address
    /// had made its share of voters, or joins came faster than the link's pace.
    pub refused_full: u64,
    pub refused_address: u64,
    pub refused_pace: u64,
}

impl LinkView {
    pub(super) fn of(id: InvitationId, invitation: &Invitation, links: &HashMap<InvitationId, LinkTally>) -> Self {
        let tally = links.get(&id).cloned().unwrap_or_default();
        LinkView {
            id,
            invitation: invitation.clone(),
            voters: tally.voters,
            burst: burst(&tally.times),
            refused_full: tally.refused_full,
            refused_address: tally.refused_address,
            refused_pace: tally.refused_pace,
        }
    }
}

impl State {
    /// The link an invitation credential belongs to, and its limits. The credential was found
    /// by `invitation_of` under the same conversation, and links are never removed.
    pub(super) fn invitation_limits(&self, digest: &str) -> (InvitationId, Option<CampaignLimits>) {
        let (id, invitation) = &self.invitations[self.invitation_by_credential[digest]];
        (*id, invitation.limits)
    }

    /// Whether a campaign link may admit one more voter from this address group; a refusal is
    /// counted on the link. A link without limits (made before links had them) admits as before.
    pub(super) fn admit(
        &mut self,
        link: InvitationId,
        limits: Option<CampaignLimits>,
        group: IpAddr,
    ) -> Result<(), AppError> {
        let Some(limits) = limits else { return Ok(()) };
        let from_address = self.address_joins.get(&(link, group)).copied().unwrap_or(0);
        let tally = self.links.entry(link).or_default();
        limits.admit(tally.voters, from_address).map_err(|refusal| {
            match refusal {
                tracktwo_domain::campaign::JoinRefusal::LinkFull { .. } => tally.refused_full += 1,
                tracktwo_domain::campaign::JoinRefusal::AddressLimit { .. } => tally.refused_address += 1,
            }
            AppError::JoinRefused(refusal)
        })
    }

    /// Counts a voter another server admitted through a link (their address stays with it).
    pub(super) fn counted_voter(&mut self, link: InvitationId, at: Option<Timestamp>) {
        let tally = self.links.entry(link).or_default();
        tally.voters += 1;
        tally.times.extend(at);
    }

    /// Counts a voter who joined through a link from an address group.
    pub(super) fn joined(&mut self, link: InvitationId, group: IpAddr, at: Timestamp) {
        let tally = self.links.entry(link).or_default();
        tally.voters += 1;
        tally.times.push(at);
        *self.address_joins.entry((link, group)).or_default() += 1;
    }
}

impl App {
    /// Sets a campaign link's voter cap and per-address limit. A cap below the voters already
    /// through the link leaves it full; voters already in stay.
    pub async fn set_campaign_limits(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        invitation: InvitationId,
        limits: CampaignLimits,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::RunConversation).await?;
        // Checked after the access decision, so a caller who may not run the conversation
        // learns nothing about its links from the answer.
        limits.validate()?;
        let (index, mut value) = {
            let state = lock(&live.state);
            let index = state.invitations.iter().position(|(i, _)| *i == invitation).ok_or(AppError::NotFound)?;
            (index, state.invitations[index].1.clone())
        };
        if value.kind != InvitationKind::Campaign {
            return Err(AppError::Invalid(ValidationError::Invalid {
                field: "invitation",
                reason: "is personal: it makes one voter, so it has no cap",
            }));
        }
        value.limits = Some(limits);
        let row = tx.sealed_record(invitation.as_uuid()).await?.ok_or(AppError::NotFound)?;
        self.replace_record(tx.as_mut(), &entered, &row, &value).await?;
        let position = self.log_changes(tx.as_mut(), &live, live.locked(), &[row.id]).await?;
        self.record(
            tx.as_mut(),
            who,
            AuditAction::InvitationLimitsSet,
            AuditTarget::of(TargetKind::Invitation, invitation),
        )
        .await?;
        tx.commit().await?;
        lock(&live.state).invitations[index].1 = value;
        live.reached(position);
        Ok(())
    }
}
