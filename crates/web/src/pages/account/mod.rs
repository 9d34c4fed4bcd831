//! The account: signing in and out, the password, two-step sign-in and API tokens.

pub(crate) mod second_factor;
pub(crate) mod settings;
pub(crate) mod sign_in;
pub(crate) mod tokens;
