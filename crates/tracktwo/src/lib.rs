//! The `tracktwo` binary's command line, as a library so its tests can walk the command tree.
//! It parses the command line, loads the configuration, opens the store chosen by it (SQLite in
//! the data folder, or PostgreSQL by URL), unlocks it, and hands each command to the use cases in
//! `tracktwo-app`. It is the only crate that knows both storage adapters.

mod anchor;
pub mod cli;
mod demo;
mod say;
mod unlock;

/// Seeds the demo's invented initiatives into an opened store: for the benchmarks that time what
/// the demo's record gives (its year's report), not an interface of the program.
#[doc(hidden)]
pub async fn seed_demo(app: &tracktwo_app::App) -> anyhow::Result<()> {
    demo::seed(app).await
}
