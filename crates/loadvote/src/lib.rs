//! Open-loop load on tracktwo's vote-ingestion endpoint (`POST /api/v1/ballot/votes`), to check
//! that it takes 5,000 votes a second with a 99th-percentile latency of 50 ms or less.
//!
//! The pure parts — the loopback rule ([`target`]), the schedule ([`schedule`]) and the figures
//! ([`stats`]) — are apart from the HTTP ([`run`]) so they can be tested without a server.

pub mod cli;
pub mod run;
pub mod schedule;
pub mod stats;
pub mod target;
