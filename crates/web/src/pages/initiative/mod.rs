//! An initiative and the user's way in: the dashboard, the initiative's page, its notes,
//! members and audit trail.

pub(crate) mod audit;
pub(crate) mod dashboard;
pub(crate) mod members;
pub(crate) mod notes;
pub(crate) mod overview;
