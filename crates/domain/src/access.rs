//! The one policy. Every use case asks [`decide`] before it touches data; web handlers and CLI
//! commands only say who is asking.

use crate::identity::{Identity, Principal};
use crate::records::MemberRole;

/// An operation a use case is about to perform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// Manage accounts and tokens of others (administrators).
    ManageAccounts,
    /// Create a personal access token for oneself.
    CreateOwnToken,
    /// Open a new initiative.
    CreateInitiative,
    /// See that an initiative exists and read its title.
    ViewInitiative,
    /// Add members to an initiative.
    ManageMembers,
    /// Read the roster of people.
    ReadPeople,
    /// Add to the roster of people.
    WritePeople,
    /// Read notes and documents.
    ReadRecord,
    /// Write notes and documents.
    WriteRecord,
    /// Destroy an initiative and its key.
    DestroyInitiative,
    /// Whole-store operations: export, backup, restore, audit verification, keyring export.
    OperateStore,
}

/// Why an operation was refused. Callers turn this into "not found" where the existence of the
/// record must not be revealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    #[error("this operation needs the key holder at the command line")]
    KeyHolderOnly,
    #[error("this operation needs an administrator")]
    AdministratorOnly,
    #[error("not a member of this initiative")]
    NotAMember,
    #[error("the role {0:?} may not do this")]
    RoleNotAllowed(MemberRole),
}

pub type Decision = Result<(), Denied>;

/// Decides whether `identity`, holding `membership` in the initiative concerned (if any), may
/// perform `operation`.
///
/// System administrators manage accounts but read no initiative content unless they are also
/// members: an IT administrator must not be able to read the dialogues.
pub fn decide(identity: &Identity, membership: Option<MemberRole>, operation: Operation) -> Decision {
    let is_admin = match identity.principal {
        // The key holder can decrypt everything already; refusing would be theatre. They are
        // audited like anyone else.
        Principal::KeyHolder => return Ok(()),
        Principal::User { is_admin, .. } => is_admin,
    };
    match operation {
        Operation::OperateStore => Err(Denied::KeyHolderOnly),
        Operation::ManageAccounts => {
            if is_admin {
                Ok(())
            } else {
                Err(Denied::AdministratorOnly)
            }
        }
        Operation::CreateOwnToken | Operation::CreateInitiative => Ok(()),
        Operation::ViewInitiative | Operation::ReadRecord => membership.map(|_| ()).ok_or(Denied::NotAMember),
        Operation::ReadPeople | Operation::WritePeople | Operation::WriteRecord => {
            let role = membership.ok_or(Denied::NotAMember)?;
            if role.is_team() { Ok(()) } else { Err(Denied::RoleNotAllowed(role)) }
        }
        Operation::ManageMembers | Operation::DestroyInitiative => match membership {
            Some(MemberRole::Convener) => Ok(()),
            Some(role) => Err(Denied::RoleNotAllowed(role)),
            None => Err(Denied::NotAMember),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::Channel;
    use crate::ids::UserId;

    fn user(is_admin: bool) -> Identity {
        Identity::user(UserId::from_random_bytes([3; 16]), is_admin, Channel::Api)
    }

    #[test]
    fn administrators_read_no_content_without_membership() {
        assert_eq!(decide(&user(true), None, Operation::ReadRecord), Err(Denied::NotAMember));
        assert_eq!(decide(&user(true), None, Operation::ManageAccounts), Ok(()));
        assert_eq!(decide(&user(false), None, Operation::ManageAccounts), Err(Denied::AdministratorOnly));
    }

    #[test]
    fn only_the_team_writes_and_only_conveners_destroy() {
        let writer_roles: Vec<_> = MemberRole::ALL
            .into_iter()
            .filter(|role| decide(&user(false), Some(*role), Operation::WriteRecord).is_ok())
            .collect();
        assert_eq!(writer_roles, [MemberRole::Convener, MemberRole::Facilitator, MemberRole::Rapporteur]);
        for role in MemberRole::ALL {
            let allowed = decide(&user(false), Some(role), Operation::DestroyInitiative).is_ok();
            assert_eq!(allowed, role == MemberRole::Convener, "{role:?}");
            assert!(decide(&user(false), Some(role), Operation::ReadRecord).is_ok());
        }
    }

    #[test]
    fn store_operations_need_the_key_holder() {
        assert_eq!(decide(&user(true), None, Operation::OperateStore), Err(Denied::KeyHolderOnly));
        assert_eq!(decide(&Identity::key_holder(), None, Operation::OperateStore), Ok(()));
    }
}
