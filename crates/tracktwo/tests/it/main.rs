//! The binary's integration tests: one test binary.

mod architecture;
mod cli;
