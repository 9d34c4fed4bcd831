//! Who sees a person on an initiative's roster: the one rule for every place a member's name,
//! role or side is shown.
//!
//! - The team that runs the initiative (convener, facilitator, rapporteur, operations) sees
//!   every member by name.
//! - A participant sees by name the people they sit with: their own side's members, and the
//!   team.
//! - Officials, funders, evaluators and observers see counts by side and role, never a name:
//!   their reports and readouts must not carry one.
//! - The administrator sees accounts, never who belongs to which initiative beyond counts (and
//!   the policy refuses anyone who is no member the roster altogether).
//!
//! Everyone a reader may not name is still counted, by side and role, so the roster says how
//! the initiative is made up without saying who is in it.

use std::collections::BTreeMap;

use crate::access::Standing;
use crate::identity::{Identity, Principal};
use crate::ids::SideId;
use crate::records::{MemberRole, Membership};

/// How much of the roster a reader may see by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterSight {
    /// Every member by name.
    Everyone,
    /// The team, and the members of this side.
    TeamAndSide(SideId),
    /// No one by name: counts by side and role.
    CountsOnly,
}

/// The members who keep the roster and everything it lists: they see every name.
#[must_use]
pub fn runs_the_initiative(role: MemberRole) -> bool {
    role.is_team() || role == MemberRole::Operations
}

impl RosterSight {
    /// The sight of `identity`, whose membership in the initiative is `standing` (none for the
    /// key holder and for anyone who is no member).
    #[must_use]
    pub fn of(identity: &Identity, standing: Option<Standing>) -> Self {
        match (identity.principal, standing) {
            // The key holder holds every key already: hiding a name from them would be theatre.
            (Principal::KeyHolder, _) => RosterSight::Everyone,
            // An administrator, or anyone else outside the initiative: counts at the very most.
            (Principal::User { .. }, None) => RosterSight::CountsOnly,
            (Principal::User { .. }, Some(Standing { role, side })) => match (role, side) {
                (role, _) if runs_the_initiative(role) => RosterSight::Everyone,
                (MemberRole::Participant, Some(side)) => RosterSight::TeamAndSide(side),
                _ => RosterSight::CountsOnly,
            },
        }
    }

    /// Whether this reader may see `member` by name.
    #[must_use]
    pub fn names(self, member: &Membership) -> bool {
        match self {
            RosterSight::Everyone => true,
            RosterSight::TeamAndSide(side) => runs_the_initiative(member.role) || member.side == Some(side),
            RosterSight::CountsOnly => false,
        }
    }

    /// Splits `members` into those this reader may name and counts of the others by side and
    /// role (in that order, third parties first).
    #[must_use]
    pub fn split(self, members: Vec<Membership>) -> (Vec<Membership>, Vec<RosterCount>) {
        let mut counts: BTreeMap<(Option<SideId>, usize), (MemberRole, usize)> = BTreeMap::new();
        let mut named = Vec::new();
        for member in members {
            if self.names(&member) {
                named.push(member);
            } else {
                let position = MemberRole::ALL.iter().position(|r| *r == member.role).unwrap_or(usize::MAX);
                counts.entry((member.side, position)).or_insert((member.role, 0)).1 += 1;
            }
        }
        let counts =
            counts.into_iter().map(|((side, _), (role, members))| RosterCount { side, role, members }).collect();
        (named, counts)
    }
}

/// How many members of one role on one side (or on none) a reader may not name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RosterCount {
    pub side: Option<SideId>,
    pub role: MemberRole,
    pub members: usize,
}

/// An initiative's roster as one reader may see it: the members they may name, with their
/// names, and the others counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    pub named: Vec<(Membership, String)>,
    pub counted: Vec<RosterCount>,
}

/// The rule as a table for `docs/access-matrix.md`: for each reader, whether they see each kind
/// of member by name.
#[must_use]
pub fn matrix() -> String {
    let a = SideId::from_random_bytes([0xa; 16]);
    let b = SideId::from_random_bytes([0xb; 16]);
    let initiative = crate::InitiativeId::from_random_bytes([2; 16]);
    let user = crate::UserId::from_random_bytes([1; 16]);
    let member = |role, side| Membership { initiative, user, role, side };
    let mut kinds: Vec<(String, Membership)> = Vec::new();
    for role in MemberRole::ALL {
        match role {
            MemberRole::Participant => {
                kinds.push(("participant (side A)".into(), member(role, Some(a))));
                kinds.push(("participant (side B)".into(), member(role, Some(b))));
            }
            MemberRole::Official => {
                kinds.push(("official".into(), member(role, None)));
                kinds.push(("official (side B)".into(), member(role, Some(b))));
            }
            _ => kinds.push((role.as_str().to_owned(), member(role, None))),
        }
    }
    let mut readers: Vec<(String, Identity, Option<Standing>)> = vec![
        ("key holder (command line)".into(), Identity::key_holder(), None),
        ("administrator, no member".into(), Identity::user(user, true, crate::Channel::Web), None),
    ];
    for role in MemberRole::ALL {
        let side = (role == MemberRole::Participant).then_some(a);
        let name = if side.is_some() { format!("{} (side A)", role.as_str()) } else { role.as_str().to_owned() };
        readers.push((name, Identity::user(user, false, crate::Channel::Web), Some(Standing { role, side })));
    }
    let mut out = String::from("| reader | may open the roster |");
    for (kind, _) in &kinds {
        out.push_str(&format!(" {kind} |"));
    }
    out.push('\n');
    out.push_str(&"|---".repeat(kinds.len() + 2));
    out.push_str("|\n");
    for (name, identity, standing) in &readers {
        let opens = crate::access::decide(identity, *standing, false, crate::Operation::ViewInitiative).is_ok();
        let sight = RosterSight::of(identity, *standing);
        out.push_str(&format!("| {name} | {} |", if opens { "yes" } else { "no" }));
        for (_, kind) in &kinds {
            let cell = if !opens {
                "—"
            } else if sight.names(kind) {
                "name"
            } else {
                "count"
            };
            out.push_str(&format!(" {cell} |"));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::{Channel, InitiativeId, UserId};

    const SIDES: [SideId; 3] = [side(1), side(2), side(3)];

    const fn side(byte: u8) -> SideId {
        SideId::from_uuid(uuid::Uuid::from_bytes([byte; 16]))
    }

    fn user(n: u8) -> UserId {
        UserId::from_random_bytes([n; 16])
    }

    /// Members of random roles, each on a random side or none (participants always on one).
    fn members() -> impl Strategy<Value = Vec<Membership>> {
        prop::collection::vec((0..MemberRole::ALL.len(), 0..4usize), 0..24).prop_map(|picks| {
            let initiative = InitiativeId::from_random_bytes([9; 16]);
            picks
                .into_iter()
                .enumerate()
                .map(|(n, (role, side))| {
                    let role = MemberRole::ALL[role];
                    let side = match (role, side) {
                        (MemberRole::Participant, s) => Some(SIDES[s % SIDES.len()]),
                        (_, 3) => None,
                        (_, s) => Some(SIDES[s]),
                    };
                    Membership { initiative, user: user(n as u8), role, side }
                })
                .collect()
        })
    }

    fn reader() -> impl Strategy<Value = (Identity, Option<Standing>)> {
        (0..MemberRole::ALL.len() + 3, 0..3usize, any::<bool>()).prop_map(|(pick, side, is_admin)| {
            let user = Identity::user(UserId::from_random_bytes([200; 16]), is_admin, Channel::Web);
            match pick.checked_sub(3) {
                Some(role) => {
                    let role = MemberRole::ALL[role];
                    let side = (role == MemberRole::Participant || side == 0).then_some(SIDES[side]);
                    (user, Some(Standing { role, side }))
                }
                None if pick == 0 => (Identity::key_holder(), None),
                None => (user, None),
            }
        })
    }

    proptest! {
        #[test]
        fn everyone_is_named_or_counted_once(members in members(), (identity, standing) in reader()) {
            let sight = RosterSight::of(&identity, standing);
            let (named, counted) = sight.split(members.clone());
            let total: usize = counted.iter().map(|c| c.members).sum();
            prop_assert_eq!(named.len() + total, members.len());
            for count in &counted {
                let matching = members
                    .iter()
                    .filter(|m| m.side == count.side && m.role == count.role && !sight.names(m))
                    .count();
                prop_assert_eq!(count.members, matching);
            }
        }

        #[test]
        fn readers_of_reports_see_no_name(members in members(), side in 0..3usize, is_admin in any::<bool>()) {
            for role in [MemberRole::Official, MemberRole::Funder, MemberRole::Evaluator, MemberRole::Observer] {
                for side in [None, Some(SIDES[side])] {
                    let identity = Identity::user(UserId::from_random_bytes([200; 16]), is_admin, Channel::Web);
                    let (named, _) = RosterSight::of(&identity, Some(Standing { role, side })).split(members.clone());
                    prop_assert!(named.is_empty(), "{:?} named someone", role);
                }
            }
            // Nor anyone outside the initiative, the administrator included.
            let admin = Identity::user(UserId::from_random_bytes([201; 16]), true, Channel::Web);
            prop_assert!(RosterSight::of(&admin, None).split(members).0.is_empty());
        }

        #[test]
        fn a_participant_names_the_team_and_their_own_side_only(members in members(), side in 0..3usize) {
            let identity = Identity::user(UserId::from_random_bytes([200; 16]), false, Channel::Web);
            let standing = Standing { role: MemberRole::Participant, side: Some(SIDES[side]) };
            let (named, _) = RosterSight::of(&identity, Some(standing)).split(members.clone());
            for member in &members {
                let team = matches!(
                    member.role,
                    MemberRole::Convener | MemberRole::Facilitator | MemberRole::Rapporteur | MemberRole::Operations
                );
                let expected = team || member.side == Some(SIDES[side]);
                prop_assert_eq!(named.contains(member), expected, "{:?} on {:?}", member.role, member.side);
            }
        }

        #[test]
        fn the_team_names_everyone(members in members()) {
            for role in [MemberRole::Convener, MemberRole::Facilitator, MemberRole::Rapporteur, MemberRole::Operations] {
                let identity = Identity::user(UserId::from_random_bytes([200; 16]), false, Channel::Web);
                let (named, counted) = RosterSight::of(&identity, Some(Standing { role, side: None })).split(members.clone());
                prop_assert_eq!(named.len(), members.len());
                prop_assert!(counted.is_empty());
            }
        }
    }
}
