//! Who is acting. Every use case takes an [`Identity`] explicitly; nothing is decided from
//! ambient state.

use crate::ids::UserId;

/// The party on whose behalf an operation runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Principal {
    /// The operator at the command line who unlocked the store with the master key. They hold
    /// every key already, so the policy lets them do what the keys let them do; every such act
    /// is still audited under this name.
    KeyHolder,
    /// A signed-in account.
    User { id: UserId, is_admin: bool },
}

/// How the request reached the core; recorded in audit events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Cli,
    Web,
    Api,
}

impl Channel {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Cli => "cli",
            Channel::Web => "web",
            Channel::Api => "api",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    pub principal: Principal,
    pub channel: Channel,
}

impl Identity {
    #[must_use]
    pub fn key_holder() -> Self {
        Self { principal: Principal::KeyHolder, channel: Channel::Cli }
    }

    #[must_use]
    pub fn user(id: UserId, is_admin: bool, channel: Channel) -> Self {
        Self { principal: Principal::User { id, is_admin }, channel }
    }

    #[must_use]
    pub fn user_id(&self) -> Option<UserId> {
        match self.principal {
            Principal::User { id, .. } => Some(id),
            Principal::KeyHolder => None,
        }
    }

    /// The actor as written into the audit log: an id or a role, never a name.
    #[must_use]
    pub fn audit_label(&self) -> String {
        match self.principal {
            Principal::KeyHolder => format!("key-holder@{}", self.channel.as_str()),
            Principal::User { id, .. } => format!("user:{id}@{}", self.channel.as_str()),
        }
    }
}
