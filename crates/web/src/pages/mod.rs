//! The web workspace's pages, by area: each area a folder, each page (or a few close ones) a
//! file. Every handler takes what it works on from the extractors of `crate::extract` and calls
//! the use cases with the caller's identity.

pub(crate) mod account;
pub(crate) mod conversation;
pub(crate) mod dialogue;
pub mod findings;
pub(crate) mod initiative;
pub(crate) mod layout;
pub(crate) mod map;
pub(crate) mod measures;
pub(crate) mod outcomes;
pub(crate) mod text;
pub(crate) mod time_axis;
pub(crate) mod transfer;
pub(crate) mod words;

use serde::Deserialize;

/// `?format=`: the form a page or file is wanted in (empty for the default).
#[derive(Deserialize)]
pub struct FormatQuery {
    #[serde(default)]
    format: String,
    /// The language a document is written in (`en`, `ar`, `ru`, `fr`); the reader's own when
    /// absent or unknown.
    #[serde(default)]
    language: String,
}
