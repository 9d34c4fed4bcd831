//! `tracktwo`: the one binary. It parses the command line, loads the configuration, opens the
//! store chosen by it (SQLite in the data folder, or PostgreSQL by URL), unlocks it, and hands
//! each command to the use cases in `tracktwo-app`. It is the only crate that knows both storage
//! adapters.

mod cli;
mod demo;
mod unlock;

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = <cli::Cli as clap::Parser>::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
