//! The `tracktwo` binary's command line, as a library so its tests can walk the command tree.
//! It parses the command line, loads the configuration, opens the store chosen by it (SQLite in
//! the data folder, or PostgreSQL by URL), unlocks it, and hands each command to the use cases in
//! `tracktwo-app`. It is the only crate that knows both storage adapters.

mod anchor;
pub mod cli;
mod demo;
mod unlock;
