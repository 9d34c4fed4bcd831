//! What conversations show: the lists, the ballot, the team's live results, and the files to
//! export and import.

use std::collections::HashMap;

use tracktwo_common_ground as engine;
use tracktwo_domain::conversation::{
    CastVote, Conversation, ConversationMode, InvitationKind, Statement, StatementLanguages, StatementOrigin,
    StatementStatus, Vote,
};
use tracktwo_domain::{ConversationId, InvitationId, SideId, Timestamp};

use super::ballot::VoterPass;
use super::campaign::LinkView;
use super::live::State;

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
    /// As written: what the vote is on.
    pub text: String,
    /// Its language and the team's translations, for the voter's language.
    pub languages: StatementLanguages,
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
    pub languages: StatementLanguages,
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

/// A conversation in Pol.is' terms, for export: its statements, every vote in order, and the
/// opinion groups the results page shows.
#[derive(Debug, Clone)]
pub struct ConversationExport {
    pub title: String,
    /// The question put to participants (Pol.is' conversation description).
    pub question: String,
    pub statements: Vec<Statement>,
    pub votes: Vec<CastVote>,
    /// Each voter's side name, if they declared one.
    pub sides: Vec<(u32, String)>,
    /// Everyone who joined, by voter number, whether or not they voted.
    pub voters_joined: u32,
    /// Each voter's opinion group by voter number (the engine's, as of the export), `None` for a
    /// voter outside every group; voters who joined after the analysis are not listed.
    pub groups: Vec<Option<u32>>,
    /// How many opinion groups the analysis found.
    pub group_count: usize,
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

fn standing(agreement: &engine::Agreement) -> Support {
    Support {
        agree: agreement.votes.agree,
        disagree: agreement.votes.disagree,
        seen: agreement.votes.seen,
        lower_bound: agreement.lower_bound,
    }
}

pub(super) fn results_view(
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
                languages: s.languages.clone(),
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
