//! The one policy. Every use case asks [`decide`] before it touches data; web handlers and CLI
//! commands only say who is asking.
//!
//! Need-to-know, as Track Two teams practise it:
//! - the convening team (convener, facilitator, rapporteur) keeps the record and sees all of it;
//! - a participant speaks for one side: they see the plenary record and their own side's caucus,
//!   never another side's;
//! - officials, funders and evaluators receive cleared readouts, not the raw record; observers sit
//!   in on the plenary;
//! - a system administrator manages accounts but reads nothing of an initiative they are not a
//!   member of;
//! - to anyone outside a secret channel, it does not exist.

use crate::identity::{Identity, Principal};
use crate::ids::SideId;
use crate::records::MemberRole;
use crate::report::ReportKind;

/// Where a record lives within an initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Scope {
    /// The joint record of the whole initiative.
    Plenary,
    /// One side's own space.
    Caucus(SideId),
}

/// The caller's membership in the initiative concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub role: MemberRole,
    pub side: Option<SideId>,
}

/// An operation a use case is about to perform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// Manage accounts and tokens of others (administrators).
    ManageAccounts,
    /// Create, list and revoke one's own personal access tokens.
    ManageOwnTokens,
    /// Open a new initiative.
    CreateInitiative,
    /// Know that an initiative exists and read its title (the organisation's directory).
    SeeInitiative,
    /// Open an initiative: its description, members, roles and sides.
    ViewInitiative,
    /// Add members and sides.
    ManageMembers,
    /// Read the roster of people.
    ReadPeople,
    /// Add to the roster of people.
    WritePeople,
    /// Read notes and documents in a scope.
    ReadRecord(Scope),
    /// Write notes and documents in a scope.
    WriteRecord(Scope),
    /// Read the system map: actors by code name, their tracks, levels and sides, and the ties
    /// between them except those whose existence endangers people (back channels, family).
    ReadMap,
    /// Read the map in full: real names and every tie.
    ReadMapInFull,
    /// Add, change and remove actors and ties; import a map.
    WriteMap,
    /// Read the participant registry: consent, capacity, risk, duty of care.
    ReadRegistry,
    /// Record consent, capacity, risk and duty of care.
    WriteRegistry,
    /// Run a participant selection (it weighs the registry's risk and consent without showing
    /// them to those who may not read the registry).
    SelectParticipants,
    /// Set the risk ceiling every participant selection of the initiative applies.
    SetRiskCeiling,
    /// Design and run the process: its design, rounds, meetings, attendance, agenda, options
    /// and follow-ups.
    WriteProcess,
    /// See the process's grants and their restrictions.
    ReadFunding,
    /// Read or write the key from speaker codes to persons.
    ReadSpeakerKey,
    WriteSpeakerKey,
    /// Draft readouts and see them, with their distribution ledger.
    WriteReadout,
    /// Release a readout, issue its copies, trace a leaked passage.
    ReleaseReadout,
    /// Log transfers, coordination with Track One and the official track's events.
    WriteTransferLog,
    /// Read the transfer and coordination logs: did it reach the table?
    ReadTransferLog,
    /// Open and run conversations: their statements and moderation, invitation links, import.
    RunConversation,
    /// See a conversation's live results (opinion map, groups, consensus, common ground) and
    /// export it.
    ReadConversationResults,
    /// Vote in a private conversation, and propose statements to it.
    VoteInConversation,
    /// Commit versions of a negotiating text, answer suggestions, name who signs for each side:
    /// the one-text has one pen.
    DraftText,
    /// Comment on and suggest wording for a negotiating text, in plenary or in a side's caucus.
    CommentOnText(Scope),
    /// Say yes to a negotiating text's version for one's side (as its designated signatory).
    SignOffText,
    /// Harvest outcomes: draft and edit outcome statements, move them through substantiation to
    /// reported.
    HarvestOutcome,
    /// Give one's word on an outcome as an independent substantiator.
    SubstantiateOutcome,
    /// Read outcomes: each as `outcomes::sight` lets the reader see it (whole, cleared of names,
    /// or not at all).
    ReadOutcomes,
    /// Reflect on the theory of change: dated readings of its assumptions, and their history.
    Reflect,
    /// Compose a round's questionnaire from the item bank, open and close it, and issue its
    /// answer cards. Answering takes no membership: an answer card is its credential, and it
    /// names nobody.
    ComposeQuestionnaire,
    /// See a questionnaire's results as the team does: every cell, however few people are in it.
    ReadMeasuresInFull,
    /// See a questionnaire's results as they may leave the team: any cell of fewer than five
    /// people suppressed.
    ReadMeasures,
    /// Keep the results framework: outcomes, indicators, baselines, targets and actuals; import
    /// it from CSV.
    WriteIndicators,
    /// Read the results framework and export it as CSV.
    ReadIndicators,
    /// Produce a report of the initiative for its audience (`report::ReportKind`): what it holds
    /// is what that audience may see, whoever produces it.
    ProduceReport(ReportKind),
    /// Read an initiative's audit trail.
    ReadAudit,
    /// Destroy an initiative and its key.
    DestroyInitiative,
    /// Whole-store operations: export, backup, restore, audit verification, keyring export.
    OperateStore,
}

impl Operation {
    /// Every operation, with the scopes of `sides`, for exhaustive checks.
    #[must_use]
    pub fn all(sides: &[SideId]) -> Vec<Operation> {
        let mut scopes = vec![Scope::Plenary];
        scopes.extend(sides.iter().map(|s| Scope::Caucus(*s)));
        let mut out = vec![
            Operation::ManageAccounts,
            Operation::ManageOwnTokens,
            Operation::CreateInitiative,
            Operation::SeeInitiative,
            Operation::ViewInitiative,
            Operation::ManageMembers,
            Operation::ReadPeople,
            Operation::WritePeople,
            Operation::ReadMap,
            Operation::ReadMapInFull,
            Operation::WriteMap,
            Operation::ReadRegistry,
            Operation::WriteRegistry,
            Operation::SelectParticipants,
            Operation::SetRiskCeiling,
            Operation::WriteProcess,
            Operation::ReadFunding,
            Operation::ReadSpeakerKey,
            Operation::WriteSpeakerKey,
            Operation::WriteReadout,
            Operation::ReleaseReadout,
            Operation::WriteTransferLog,
            Operation::ReadTransferLog,
            Operation::RunConversation,
            Operation::ReadConversationResults,
            Operation::VoteInConversation,
            Operation::DraftText,
            Operation::SignOffText,
            Operation::HarvestOutcome,
            Operation::SubstantiateOutcome,
            Operation::ReadOutcomes,
            Operation::Reflect,
            Operation::ComposeQuestionnaire,
            Operation::ReadMeasuresInFull,
            Operation::ReadMeasures,
            Operation::WriteIndicators,
            Operation::ReadIndicators,
            Operation::ReadAudit,
            Operation::DestroyInitiative,
            Operation::OperateStore,
        ];
        out.extend(ReportKind::ALL.iter().map(|kind| Operation::ProduceReport(*kind)));
        for scope in scopes {
            out.push(Operation::ReadRecord(scope));
            out.push(Operation::WriteRecord(scope));
            out.push(Operation::CommentOnText(scope));
        }
        out
    }

    fn is_about_an_initiative(self) -> bool {
        !matches!(
            self,
            Operation::ManageAccounts
                | Operation::ManageOwnTokens
                | Operation::CreateInitiative
                | Operation::OperateStore
        )
    }
}

/// Why an operation was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    #[error("this operation needs the key holder at the command line")]
    KeyHolderOnly,
    #[error("this operation needs an administrator")]
    AdministratorOnly,
    #[error("not a member of this initiative")]
    NotAMember,
    /// The caller may not even learn that the thing exists: answer "not found".
    #[error("not found")]
    Hidden,
    #[error("the role {0:?} may not do this")]
    RoleNotAllowed(MemberRole),
    /// Another side's caucus: its contents, and whether any exist, stay hidden.
    #[error("not found")]
    OtherSide,
}

impl Denied {
    /// The refusal's kind by a stable name, by which an edge says it in people's language
    /// without taking the policy's types in hand. The two that answer "not found" share theirs.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Denied::KeyHolderOnly => "key-holder-only",
            Denied::AdministratorOnly => "administrator-only",
            Denied::NotAMember => "not-a-member",
            Denied::Hidden | Denied::OtherSide => "not-found",
            Denied::RoleNotAllowed(_) => "role",
        }
    }

    /// The role refused, when the refusal is for a role.
    #[must_use]
    pub fn role(self) -> Option<MemberRole> {
        match self {
            Denied::RoleNotAllowed(role) => Some(role),
            _ => None,
        }
    }
}

pub type Decision = Result<(), Denied>;

/// Decides whether `identity`, with `standing` in the initiative concerned (if any), may perform
/// `operation`. `secret_channel` says whether that initiative is a secret channel.
pub fn decide(identity: &Identity, standing: Option<Standing>, secret_channel: bool, operation: Operation) -> Decision {
    let is_admin = match identity.principal {
        // The key holder can decrypt everything already; refusing would be theatre. They are
        // audited like anyone else.
        Principal::KeyHolder => return Ok(()),
        Principal::User { is_admin, .. } => is_admin,
    };
    match operation {
        Operation::OperateStore => return Err(Denied::KeyHolderOnly),
        Operation::ManageAccounts if is_admin => return Ok(()),
        Operation::ManageAccounts => return Err(Denied::AdministratorOnly),
        Operation::ManageOwnTokens | Operation::CreateInitiative => return Ok(()),
        _ => {}
    }
    debug_assert!(operation.is_about_an_initiative());
    let Some(Standing { role, side }) = standing else {
        // Outsiders, administrators included: a secret channel does not exist for them; an
        // ordinary initiative shows in the directory and nothing more.
        return if secret_channel {
            Err(Denied::Hidden)
        } else if operation == Operation::SeeInitiative {
            Ok(())
        } else {
            Err(Denied::NotAMember)
        };
    };
    let team = role.is_team();
    let allowed = match operation {
        Operation::SeeInitiative | Operation::ViewInitiative => true,
        Operation::ManageMembers | Operation::ReadAudit | Operation::DestroyInitiative => role == MemberRole::Convener,
        Operation::ReadPeople | Operation::WritePeople => team || role == MemberRole::Operations,
        // Participants and officials work with the map by code name; evaluators need it to
        // judge reach. Funders and observers do not see who is on it.
        Operation::ReadMap => {
            team || matches!(
                role,
                MemberRole::Operations | MemberRole::Participant | MemberRole::Official | MemberRole::Evaluator
            )
        }
        Operation::ReadMapInFull => team || role == MemberRole::Operations,
        Operation::WriteMap => team,
        // Duty of care: the registry, and the risk a selection accepts, are the convener's and
        // operations'.
        Operation::ReadRegistry | Operation::WriteRegistry | Operation::SetRiskCeiling => {
            matches!(role, MemberRole::Convener | MemberRole::Operations)
        }
        Operation::SelectParticipants => {
            matches!(role, MemberRole::Convener | MemberRole::Facilitator | MemberRole::Operations)
        }
        Operation::WriteProcess => team,
        Operation::ReadFunding => {
            team || matches!(role, MemberRole::Funder | MemberRole::Evaluator | MemberRole::Operations)
        }
        // The one record that turns codes back into people: the convener's alone.
        Operation::ReadSpeakerKey | Operation::WriteSpeakerKey => role == MemberRole::Convener,
        Operation::WriteReadout | Operation::WriteTransferLog => team,
        // Releasing is the moment of transfer, and the main leak vector: the convener's act.
        Operation::ReleaseReadout => role == MemberRole::Convener,
        Operation::ReadTransferLog => team || matches!(role, MemberRole::Funder | MemberRole::Evaluator),
        Operation::RunConversation | Operation::ReadConversationResults => team,
        // A private conversation counts each participant under their side; the team runs it
        // and does not vote in it.
        Operation::VoteInConversation => role == MemberRole::Participant,
        // Only the facilitator and the convener write the one-text; the rapporteur records.
        Operation::DraftText => matches!(role, MemberRole::Convener | MemberRole::Facilitator),
        Operation::SignOffText => role == MemberRole::Participant,
        // Outcome Harvesting: the evaluator harvests and substantiates, and so may the team;
        // reflective practice is theirs too.
        Operation::HarvestOutcome | Operation::SubstantiateOutcome | Operation::Reflect => {
            team || role == MemberRole::Evaluator
        }
        // Those who may be shown a reported outcome, cleared of names (`outcomes::sight`).
        Operation::ReadOutcomes => {
            team || matches!(
                role,
                MemberRole::Evaluator | MemberRole::Funder | MemberRole::Official | MemberRole::Participant
            )
        }
        Operation::CommentOnText(Scope::Plenary) => team || role == MemberRole::Participant,
        // The team measures; those who fund and evaluate the work see the figures only as they
        // leave the team, small cells suppressed. Participants answer by card, not as members.
        Operation::ComposeQuestionnaire | Operation::ReadMeasuresInFull | Operation::WriteIndicators => team,
        Operation::ReadMeasures | Operation::ReadIndicators => {
            team || matches!(role, MemberRole::Funder | MemberRole::Evaluator)
        }
        // The team reports; so may the report's own audience, who gets no more by asking for
        // it. The evaluation brief shows outcomes still in draft: never a funder's.
        Operation::ProduceReport(kind) => team || role == kind.audience(),
        Operation::ReadRecord(Scope::Plenary) => team || matches!(role, MemberRole::Participant | MemberRole::Observer),
        Operation::WriteRecord(Scope::Plenary) => team,
        // A caucus is its side's and the team's: reading it, writing in it, commenting there.
        Operation::ReadRecord(Scope::Caucus(caucus))
        | Operation::WriteRecord(Scope::Caucus(caucus))
        | Operation::CommentOnText(Scope::Caucus(caucus)) => {
            if team {
                true
            } else if role == MemberRole::Participant {
                return if side == Some(caucus) { Ok(()) } else { Err(Denied::OtherSide) };
            } else {
                return Err(Denied::OtherSide);
            }
        }
        Operation::ManageAccounts
        | Operation::ManageOwnTokens
        | Operation::CreateInitiative
        | Operation::OperateStore => {
            unreachable!("decided above")
        }
    };
    if allowed { Ok(()) } else { Err(Denied::RoleNotAllowed(role)) }
}

/// The whole policy as a table, one line per role (or outsider) and operation, for review.
/// `docs/access-matrix.md` holds this table; a test fails when the two differ.
#[must_use]
pub fn matrix() -> String {
    let a = SideId::from_random_bytes([0xa; 16]);
    let b = SideId::from_random_bytes([0xb; 16]);
    let label = |op: Operation| match op {
        Operation::ReadRecord(Scope::Plenary) => "read plenary record".to_owned(),
        Operation::WriteRecord(Scope::Plenary) => "write plenary record".to_owned(),
        Operation::ReadRecord(Scope::Caucus(s)) => format!("read caucus {}", if s == a { "A" } else { "B" }),
        Operation::WriteRecord(Scope::Caucus(s)) => format!("write caucus {}", if s == a { "A" } else { "B" }),
        Operation::CommentOnText(Scope::Plenary) => "comment on text in plenary".to_owned(),
        Operation::CommentOnText(Scope::Caucus(s)) => {
            format!("comment on text in caucus {}", if s == a { "A" } else { "B" })
        }
        other => format!("{other:?}"),
    };
    let mut callers: Vec<(String, Option<Standing>)> = vec![("outsider".to_owned(), None)];
    for role in MemberRole::ALL {
        let sides: &[Option<SideId>] = if role == MemberRole::Participant { &[Some(a)] } else { &[None] };
        for side in sides {
            let name = if side.is_some() { format!("{} (side A)", role.as_str()) } else { role.as_str().to_owned() };
            callers.push((name, Some(Standing { role, side: *side })));
        }
    }
    let operations = Operation::all(&[a, b]);
    let mut out = String::from("| caller | secret channel |");
    for op in &operations {
        out.push_str(&format!(" {} |", label(*op)));
    }
    out.push('\n');
    out.push_str(&"|---".repeat(operations.len() + 2));
    out.push_str("|\n");
    for (name, standing) in &callers {
        for secret in [false, true] {
            out.push_str(&format!("| {name} | {} |", if secret { "yes" } else { "no" }));
            for op in &operations {
                let user = Identity::user(crate::UserId::from_random_bytes([1; 16]), false, crate::Channel::Web);
                let cell = match decide(&user, *standing, secret, *op) {
                    Ok(()) => "yes",
                    Err(Denied::Hidden | Denied::OtherSide) => "404",
                    Err(_) => "403",
                };
                out.push_str(&format!(" {cell} |"));
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::Channel;
    use crate::ids::UserId;

    const A: SideId = side(0xa);
    const B: SideId = side(0xb);

    const fn side(byte: u8) -> SideId {
        SideId::from_uuid(uuid::Uuid::from_bytes([byte; 16]))
    }

    fn user(is_admin: bool) -> Identity {
        Identity::user(UserId::from_random_bytes([3; 16]), is_admin, Channel::Api)
    }

    /// Every caller standing: outsiders, and each role with no side, side A and side B.
    fn standings() -> Vec<Option<Standing>> {
        let mut out = vec![None];
        for role in MemberRole::ALL {
            for side in [None, Some(A), Some(B)] {
                out.push(Some(Standing { role, side }));
            }
        }
        out
    }

    fn every_case() -> impl Iterator<Item = (bool, Option<Standing>, bool, Operation)> {
        let ops = Operation::all(&[A, B]);
        [false, true].into_iter().flat_map(move |admin| {
            let ops = ops.clone();
            standings().into_iter().flat_map(move |standing| {
                let ops = ops.clone();
                [false, true]
                    .into_iter()
                    .flat_map(move |secret| ops.clone().into_iter().map(move |op| (admin, standing, secret, op)))
            })
        })
    }

    #[test]
    fn a_secret_channel_does_not_exist_for_outsiders() {
        for (admin, standing, secret, op) in every_case() {
            if standing.is_none() && secret && op.is_about_an_initiative() {
                assert_eq!(decide(&user(admin), standing, secret, op), Err(Denied::Hidden), "{op:?}");
            }
        }
    }

    #[test]
    fn outsiders_and_administrators_read_no_content() {
        for (admin, standing, secret, op) in every_case() {
            let allowed = decide(&user(admin), standing, secret, op).is_ok();
            if standing.is_none() && op.is_about_an_initiative() {
                assert_eq!(allowed, op == Operation::SeeInitiative && !secret, "admin={admin} {op:?}");
            }
        }
    }

    #[test]
    fn no_one_outside_the_team_reads_another_sides_caucus() {
        for (admin, standing, secret, op) in every_case() {
            let (
                Some(Standing { role, side }),
                Operation::ReadRecord(Scope::Caucus(c)) | Operation::WriteRecord(Scope::Caucus(c)),
            ) = (standing, op)
            else {
                continue;
            };
            let allowed = decide(&user(admin), standing, secret, op).is_ok();
            let expected = role.is_team() || (role == MemberRole::Participant && side == Some(c));
            assert_eq!(allowed, expected, "{role:?} side={side:?} {op:?}");
        }
    }

    #[test]
    fn recipients_of_readouts_never_see_the_raw_record() {
        for role in [MemberRole::Official, MemberRole::Funder, MemberRole::Evaluator] {
            for op in Operation::all(&[A, B]) {
                if matches!(
                    op,
                    Operation::ReadRecord(_)
                        | Operation::WriteRecord(_)
                        | Operation::ReadPeople
                        | Operation::ReadMapInFull
                        | Operation::ReadRegistry
                ) {
                    assert!(
                        decide(&user(false), Some(Standing { role, side: Some(A) }), false, op).is_err(),
                        "{role:?} {op:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn only_the_convener_and_operations_open_the_registry() {
        for (admin, standing, secret, op) in every_case() {
            if matches!(op, Operation::ReadRegistry | Operation::WriteRegistry) {
                let allowed = decide(&user(admin), standing, secret, op).is_ok();
                let expected =
                    standing.is_some_and(|s| matches!(s.role, MemberRole::Convener | MemberRole::Operations));
                assert_eq!(allowed, expected, "{standing:?} {op:?}");
            }
        }
    }

    #[test]
    fn only_the_convener_and_operations_set_the_risk_ceiling() {
        for (admin, standing, secret, op) in every_case() {
            if op == Operation::SetRiskCeiling {
                let allowed = decide(&user(admin), standing, secret, op).is_ok();
                let expected =
                    standing.is_some_and(|s| matches!(s.role, MemberRole::Convener | MemberRole::Operations));
                assert_eq!(allowed, expected, "{standing:?}");
                // Whoever sets it may read the registry it protects; a facilitator, who runs
                // selections, may not set it.
                assert_eq!(allowed, decide(&user(admin), standing, secret, Operation::ReadRegistry).is_ok());
            }
        }
    }

    #[test]
    fn names_on_the_map_stay_with_the_team() {
        for (admin, standing, secret, op) in every_case() {
            if op == Operation::ReadMapInFull {
                let allowed = decide(&user(admin), standing, secret, op).is_ok();
                let expected = standing.is_some_and(|s| s.role.is_team() || s.role == MemberRole::Operations);
                assert_eq!(allowed, expected, "{standing:?}");
            }
            // Whoever may write the map may read all of it: no one edits what they cannot see.
            if op == Operation::WriteMap && decide(&user(admin), standing, secret, op).is_ok() {
                assert!(decide(&user(admin), standing, secret, Operation::ReadMapInFull).is_ok());
            }
        }
    }

    #[test]
    fn the_speaker_key_is_the_conveners_alone() {
        for (admin, standing, secret, op) in every_case() {
            if matches!(op, Operation::ReadSpeakerKey | Operation::WriteSpeakerKey) {
                let allowed = decide(&user(admin), standing, secret, op).is_ok();
                assert_eq!(allowed, standing.is_some_and(|s| s.role == MemberRole::Convener), "{standing:?} {op:?}");
            }
        }
    }

    #[test]
    fn only_conveners_manage_destroy_and_audit() {
        for (admin, standing, secret, op) in every_case() {
            if matches!(op, Operation::ManageMembers | Operation::DestroyInitiative | Operation::ReadAudit) {
                let allowed = decide(&user(admin), standing, secret, op).is_ok();
                assert_eq!(allowed, standing.is_some_and(|s| s.role == MemberRole::Convener), "{standing:?} {op:?}");
            }
        }
    }

    #[test]
    fn store_operations_need_the_key_holder_and_accounts_an_administrator() {
        assert_eq!(decide(&user(true), None, false, Operation::OperateStore), Err(Denied::KeyHolderOnly));
        assert_eq!(decide(&Identity::key_holder(), None, true, Operation::OperateStore), Ok(()));
        assert_eq!(decide(&user(true), None, false, Operation::ManageAccounts), Ok(()));
        assert_eq!(decide(&user(false), None, false, Operation::ManageAccounts), Err(Denied::AdministratorOnly));
    }

    #[test]
    fn whoever_is_shown_an_outcome_may_read_outcomes() {
        use crate::dialogue::ConfidentialityMode;
        use crate::outcomes::{OutcomeSight, OutcomeState, sight};
        for role in MemberRole::ALL {
            let may_read =
                decide(&user(false), Some(Standing { role, side: Some(A) }), false, Operation::ReadOutcomes).is_ok();
            let shown = ConfidentialityMode::ALL.iter().any(|class| {
                OutcomeState::ALL.iter().any(|state| sight(role, *class, *state, true) != OutcomeSight::Hidden)
            });
            assert_eq!(may_read, shown, "{role:?}");
            // Whoever of the team harvests sees what they harvest whole; the evaluator, outside
            // the team, sees it cleared of names.
            if role.is_team()
                && decide(&user(false), Some(Standing { role, side: None }), false, Operation::HarvestOutcome).is_ok()
            {
                assert_eq!(
                    sight(role, ConfidentialityMode::ChathamHouse, OutcomeState::Draft, false),
                    OutcomeSight::Full
                );
            }
        }
    }

    #[test]
    fn the_documented_matrix_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/access-matrix.md");
        let generated = format!(
            "# Access matrix\n\nGenerated from `tracktwo_domain::access::matrix()` and \
             `tracktwo_domain::roster::matrix()` and `tracktwo_domain::attendee::matrix()`; a test fails when it is stale \
             (regenerate with `UPDATE_ACCESS_MATRIX=1 cargo test -p tracktwo-domain`).\n\n\
             `yes`: allowed; `403`: refused; `404`: refused as if absent. Side B is another side's caucus.\n\n{}\n\
             ## Who sees a person on the roster\n\n\
             Every place a member's name, role or side appears follows one rule \
             (`tracktwo_domain::roster::RosterSight`): `name`, the reader sees that member by name; \
             `count`, only in the counts by side and role; `—`, the reader may not open the initiative \
             at all. The key holder is the operator at the command line, who holds every key.\n\n{}\n\
             ## Who sees a person who attended a meeting\n\n\
             Every attendee list, summary, readout and export follows one rule \
             (`tracktwo_domain::attendee::sight`), by the meeting's mode and the attendee's side and \
             consent: `name`, the reader sees the attendee by name; `withheld`, the attendee is left \
             out of the list (counted by side); `—`, the reader may not open the initiative. A person whose registry entry holds no \
             consent to be listed (refused, withdrawn, never asked, or an attendee recorded without a \
             registry entry) is the team's alone: their name is also withheld from every text a reader \
             outside the team gets, whatever the mode. The key holder sees every name.\n\n{}\n\
             ## Who sees an outcome\n\n\
             Every list, page, picture and command that shows harvested outcomes follows one rule \
             (`tracktwo_domain::outcomes::sight`), by the outcome's confidentiality class and state: \
             `full`, the whole record with the social actor, sources and substantiators by name; \
             `cleared`, the statement with every name withheld and people given as counts; `—`, the \
             outcome is not shown. A draft is seen as a substantiated outcome is. An outcome of the \
             secret-channel class is also seen in full by its harvester. The key holder sees every \
             outcome in full.\n\n{}",
            matrix(),
            crate::roster::matrix(),
            crate::attendee::matrix(),
            crate::outcomes::matrix()
        );
        if std::env::var_os("UPDATE_ACCESS_MATRIX").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(committed == generated, "docs/access-matrix.md is stale; regenerate it (see its header)");
    }
}
