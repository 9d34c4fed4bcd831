//! The command line.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

use crate::run::Config;
use crate::schedule::{Plan, PlanError, PlanRequest};
use crate::target::{BaseUrl, UrlError};

/// Open-loop load on tracktwo's vote endpoint, on this machine only.
///
/// Joins N voters through an invitation, then sends votes at a fixed rate: vote i is due at
/// i / R seconds, goes to the voters in turn (so none votes faster than
/// --max-vote-rate-per-voter), on a statement and with a value drawn from --seed. Latency runs
/// from each vote's scheduled time to its answer, so a server that falls behind shows as latency.
/// The warm-up is left out of every figure but accepted_total.
///
/// The report says whether the targets hold: at least 5,000 accepted votes/s and a p99 latency of
/// 50 ms or less. The achieved rate is never above the planned one, so plan a little above the
/// target (e.g. --rate 5100) to check it. Exits 2 on bad arguments, 1 when the server cannot be
/// reached or refuses to set up the voters, 130 after Ctrl-C (the figures printed cover what was
/// sent).
#[derive(Debug, Clone, Parser)]
#[command(name = "tracktwo-loadvote", version, about, long_about, allow_negative_numbers = true)]
pub struct Args {
    /// The server's base URL: plain http on 127.0.0.1, [::1] or localhost.
    #[arg(long, value_name = "URL")]
    pub base_url: String,
    /// The invitation link's token that voters join through.
    #[arg(long, value_name = "TOKEN")]
    pub invitation: String,
    /// Number of statements; votes go to ids 0 to M - 1.
    #[arg(long, value_name = "M")]
    pub statements: u32,
    /// Number of voters to join.
    #[arg(long, value_name = "N")]
    pub voters: u32,
    /// Votes per second to send.
    #[arg(long, value_name = "R")]
    pub rate: f64,
    /// Seconds measured, after the warm-up.
    #[arg(long, value_name = "SECONDS")]
    pub duration: f64,
    /// Seconds of load before the measured window, left out of the figures.
    #[arg(long, value_name = "SECONDS", default_value_t = 5.0)]
    pub warmup: f64,
    /// Keep-alive HTTP/1.1 connections, and so votes in flight at most.
    #[arg(long, value_name = "C", default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub connections: u32,
    /// Seed for the statements and values drawn.
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    /// The most votes per second one voter may send, as a person could.
    #[arg(long, value_name = "V", default_value_t = 2.0)]
    pub max_vote_rate_per_voter: f64,
    /// Also write the figures as JSON to this file.
    #[arg(long, value_name = "OUT.json")]
    pub json: Option<PathBuf>,
    /// Joins per second at most (the server may ask for fewer with 429).
    #[arg(long, value_name = "J", default_value_t = 250.0)]
    pub join_rate: f64,
    /// Seconds joining may take in all, waits the server asks for included.
    #[arg(long, value_name = "SECONDS", default_value_t = 300.0)]
    pub join_timeout: f64,
    /// Seconds one request may take before it counts as a transport error.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub timeout: f64,
    /// A side to join voters to; repeat it to give voters each in turn.
    #[arg(long, value_name = "SIDE")]
    pub side: Vec<String>,
    /// A segment to join voters to; repeat it to give voters each in turn.
    #[arg(long, value_name = "SEGMENT")]
    pub segment: Vec<String>,
    /// No progress lines on standard error.
    #[arg(long)]
    pub quiet: bool,
    /// Send each voter's requests with an `X-Forwarded-For` address of its own (in 198.18.0.0/15,
    /// the range set aside for benchmarks), as voters across a city would come, for a server
    /// that trusts this machine as its proxy (TRACKTWO_TRUSTED_PROXIES=127.0.0.1); without it,
    /// every voter shares one address and its per-address limits.
    #[arg(long)]
    pub spread_addresses: bool,
}

/// An argument clap accepted but the run cannot.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgError {
    Url(UrlError),
    Plan(PlanError),
    EmptyInvitation,
    Seconds(&'static str, f64),
    JoinRate(f64),
    EmptyLabel(&'static str),
}

impl fmt::Display for ArgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgError::Url(e) => write!(f, "--base-url: {e}"),
            ArgError::Plan(e) => e.fmt(f),
            ArgError::EmptyInvitation => write!(f, "--invitation must not be empty"),
            ArgError::Seconds(flag, v) => write!(f, "{flag} must be a number of seconds above 0, not {v}"),
            ArgError::JoinRate(v) => write!(f, "--join-rate must be a number of joins per second above 0, not {v}"),
            ArgError::EmptyLabel(flag) => write!(f, "{flag} must not be empty"),
        }
    }
}

impl std::error::Error for ArgError {}

fn seconds(flag: &'static str, value: f64) -> Result<Duration, ArgError> {
    // The upper bound keeps `Duration::from_secs_f64` from overflowing on absurd input.
    if value.is_finite() && value > 0.0 && value <= 1e9 {
        Ok(Duration::from_secs_f64(value))
    } else {
        Err(ArgError::Seconds(flag, value))
    }
}

impl Args {
    /// Checks everything that can be checked without the server.
    pub fn config(&self) -> Result<Config, ArgError> {
        let base = BaseUrl::parse(&self.base_url).map_err(ArgError::Url)?;
        if self.invitation.trim().is_empty() {
            return Err(ArgError::EmptyInvitation);
        }
        let plan = Plan::new(PlanRequest {
            rate: self.rate,
            voters: self.voters,
            statements: self.statements,
            seed: self.seed,
            warmup_s: self.warmup,
            duration_s: self.duration,
            max_vote_rate_per_voter: self.max_vote_rate_per_voter,
        })
        .map_err(ArgError::Plan)?;
        if !(self.join_rate.is_finite() && self.join_rate > 0.0) {
            return Err(ArgError::JoinRate(self.join_rate));
        }
        if self.side.iter().any(|s| s.is_empty()) {
            return Err(ArgError::EmptyLabel("--side"));
        }
        if self.segment.iter().any(|s| s.is_empty()) {
            return Err(ArgError::EmptyLabel("--segment"));
        }
        Ok(Config {
            base,
            invitation: self.invitation.clone(),
            plan,
            warmup_s: self.warmup,
            duration_s: self.duration,
            connections: self.connections as usize,
            join_rate: self.join_rate,
            join_timeout: seconds("--join-timeout", self.join_timeout)?,
            request_timeout: seconds("--timeout", self.timeout)?,
            sides: self.side.clone(),
            segments: self.segment.clone(),
            progress: !self.quiet,
            spread_addresses: self.spread_addresses,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory as _;

    /// A valid command line with `extra` flag/value pairs in place of (or beside) the defaults.
    fn parse(extra: &[&str]) -> Result<Config, ArgError> {
        let mut pairs = vec![
            ("--base-url", "http://127.0.0.1:8080"),
            ("--invitation", "abc"),
            ("--statements", "10"),
            ("--voters", "100"),
            ("--rate", "200"),
            ("--duration", "3"),
        ];
        for pair in extra.chunks(2) {
            pairs.retain(|(flag, _)| *flag != pair[0]);
            pairs.push((pair[0], pair[1]));
        }
        let argv = std::iter::once("tracktwo-loadvote").chain(pairs.into_iter().flat_map(|(f, v)| [f, v]));
        Args::try_parse_from(argv).expect("clap accepts it").config()
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Args::command().debug_assert();
    }

    #[test]
    fn defaults_follow_the_contract() {
        let config = parse(&[]).unwrap();
        assert_eq!(config.connections, 64);
        assert_eq!(config.warmup_s, 5.0);
        assert_eq!(config.plan.total_votes(), 1600);
        assert_eq!(config.plan.warmup_votes(), 1000);
        assert!(config.progress);
    }

    #[test]
    fn bad_arguments_are_refused_plainly() {
        assert!(matches!(
            parse(&["--base-url", "http://example.invalid"]),
            Err(ArgError::Url(UrlError::NotLoopback(_)))
        ));
        assert!(matches!(parse(&["--voters", "99"]), Err(ArgError::Plan(PlanError::TooFewVoters { needed: 100, .. }))));
        assert!(parse(&["--max-vote-rate-per-voter", "4", "--voters", "50"]).is_ok());
        assert!(matches!(parse(&["--timeout", "0"]), Err(ArgError::Seconds("--timeout", _))));
        assert!(matches!(parse(&["--join-rate", "-1"]), Err(ArgError::JoinRate(_))));
        assert!(matches!(parse(&["--invitation", " "]), Err(ArgError::EmptyInvitation)));
        assert!(matches!(parse(&["--side", ""]), Err(ArgError::EmptyLabel("--side"))));
        let argv = ["tracktwo-loadvote", "--base-url", "http://127.0.0.1:1", "--connections", "0"];
        assert!(Args::try_parse_from(argv).is_err());
    }
}
