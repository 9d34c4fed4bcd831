//! The open-loop schedule: which vote is due when, from whom, on what, and with what value.
//!
//! Everything here is a pure function of the plan and the vote's index, so a run's votes are the
//! same for a seed however fast the server answers, and the tests can check the whole schedule
//! without sending anything.

use std::fmt;
use std::time::Duration;

/// The largest schedule accepted: the report keeps one latency per vote, and a bound keeps that
/// (and the run) finite whatever is typed.
pub const MAX_VOTES: u64 = 50_000_000;

/// The largest rate accepted, far beyond what one loopback server can take, to catch typos.
pub const MAX_RATE: f64 = 1_000_000.0;

/// A vote's value, as the API spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vote {
    Agree,
    Disagree,
    Pass,
}

impl Vote {
    pub fn as_str(self) -> &'static str {
        match self {
            Vote::Agree => "agree",
            Vote::Disagree => "disagree",
            Vote::Pass => "pass",
        }
    }
}

/// What the user asked for, before it is checked.
#[derive(Debug, Clone, Copy)]
pub struct PlanRequest {
    pub rate: f64,
    pub voters: u32,
    pub statements: u32,
    pub seed: u64,
    pub warmup_s: f64,
    pub duration_s: f64,
    pub max_vote_rate_per_voter: f64,
}

/// Why a plan was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanError {
    Rate(f64),
    Duration(f64),
    Warmup(f64),
    NoStatements,
    NoVoters,
    MaxVoteRate(f64),
    TooFewVoters { voters: u32, rate: f64, per_voter: f64, max: f64, needed: u64 },
    TooManyVotes(u64),
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::Rate(r) => {
                write!(f, "--rate must be a number of votes per second above 0 and at most {MAX_RATE}, not {r}")
            }
            PlanError::Duration(d) => write!(f, "--duration must be a number of seconds above 0, not {d}"),
            PlanError::Warmup(w) => write!(f, "--warmup must be a number of seconds, 0 or more, not {w}"),
            PlanError::NoStatements => write!(f, "--statements must be at least 1"),
            PlanError::NoVoters => write!(f, "--voters must be at least 1"),
            PlanError::MaxVoteRate(v) => write!(f, "--max-vote-rate-per-voter must be above 0, not {v}"),
            PlanError::TooFewVoters { voters, rate, per_voter, max, needed } => write!(
                f,
                "{voters} voters are too few for {rate} votes/s: each would vote {per_voter:.3} times a second, \
                 above the limit of {max} per voter (--max-vote-rate-per-voter); a person cannot vote that fast, \
                 so use --voters {needed} or more, or a lower --rate"
            ),
            PlanError::TooManyVotes(n) => {
                write!(
                    f,
                    "the plan has {n} votes, more than the {MAX_VOTES} this tool keeps figures for; shorten --duration or lower --rate"
                )
            }
        }
    }
}

impl std::error::Error for PlanError {}

/// A checked schedule: vote `i` is due at `i / rate` seconds after the start, from voter
/// `i mod voters`, for `i` in `0..total_votes()`; the first `warmup_votes()` are the warm-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    rate: f64,
    voters: u32,
    statements: u32,
    seed_state: u64,
    warmup_votes: u64,
    total_votes: u64,
}

impl Plan {
    pub fn new(request: PlanRequest) -> Result<Plan, PlanError> {
        let PlanRequest { rate, voters, statements, seed, warmup_s, duration_s, max_vote_rate_per_voter } = request;
        if !(rate.is_finite() && rate > 0.0 && rate <= MAX_RATE) {
            return Err(PlanError::Rate(rate));
        }
        if !(duration_s.is_finite() && duration_s > 0.0) {
            return Err(PlanError::Duration(duration_s));
        }
        if !(warmup_s.is_finite() && warmup_s >= 0.0) {
            return Err(PlanError::Warmup(warmup_s));
        }
        if statements == 0 {
            return Err(PlanError::NoStatements);
        }
        if voters == 0 {
            return Err(PlanError::NoVoters);
        }
        if !(max_vote_rate_per_voter.is_finite() && max_vote_rate_per_voter > 0.0) {
            return Err(PlanError::MaxVoteRate(max_vote_rate_per_voter));
        }
        // Round-robin spaces a voter's votes `voters / rate` seconds apart, the widest spacing any
        // assignment can give, so this is exactly when some assignment keeps every voter in limit.
        let per_voter = rate / f64::from(voters);
        if per_voter > max_vote_rate_per_voter {
            let needed = (rate / max_vote_rate_per_voter).ceil() as u64;
            return Err(PlanError::TooFewVoters { voters, rate, per_voter, max: max_vote_rate_per_voter, needed });
        }
        let total = ((warmup_s + duration_s) * rate).ceil();
        if total > MAX_VOTES as f64 {
            return Err(PlanError::TooManyVotes(total as u64));
        }
        let total_votes = total as u64;
        // Vote i is in the warm-up when i / rate < warmup_s, that is i < ceil(warmup_s * rate).
        let warmup_votes = ((warmup_s * rate).ceil() as u64).min(total_votes);
        if total_votes == warmup_votes {
            return Err(PlanError::Duration(duration_s));
        }
        Ok(Plan { rate, voters, statements, seed_state: mix(seed), warmup_votes, total_votes })
    }

    pub fn rate(&self) -> f64 {
        self.rate
    }

    pub fn voters(&self) -> u32 {
        self.voters
    }

    pub fn total_votes(&self) -> u64 {
        self.total_votes
    }

    pub fn warmup_votes(&self) -> u64 {
        self.warmup_votes
    }

    pub fn measured_votes(&self) -> u64 {
        self.total_votes - self.warmup_votes
    }

    pub fn is_measured(&self, i: u64) -> bool {
        i >= self.warmup_votes
    }

    /// When vote `i` is due, after the schedule's start.
    pub fn due(&self, i: u64) -> Duration {
        Duration::from_secs_f64(i as f64 / self.rate)
    }

    /// The voter (index into the joined voters) who casts vote `i`.
    pub fn voter(&self, i: u64) -> u32 {
        (i % u64::from(self.voters)) as u32
    }

    /// The statement vote `i` is on, in `0..statements`.
    pub fn statement(&self, i: u64) -> u32 {
        below(self.draw(2 * i), u64::from(self.statements)) as u32
    }

    /// The value of vote `i`, each of the three equally likely.
    pub fn vote(&self, i: u64) -> Vote {
        match below(self.draw(2 * i + 1), 3) {
            0 => Vote::Agree,
            1 => Vote::Disagree,
            _ => Vote::Pass,
        }
    }

    /// The `n`th output of a SplitMix64 stream started from the seed: random access, so a vote's
    /// draws depend on its index alone, never on the order the votes were sent in.
    fn draw(&self, n: u64) -> u64 {
        mix(self.seed_state.wrapping_add(n.wrapping_add(1).wrapping_mul(GOLDEN_GAMMA)))
    }
}

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function (Steele, Lea and Flood, 2014).
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Maps a uniform 64-bit draw onto `0..n` by the high half of the product (Lemire), whose bias
/// is below n / 2^64: nothing this tool can measure.
fn below(draw: u64, n: u64) -> u64 {
    ((u128::from(draw) * u128::from(n)) >> 64) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(rate: f64, voters: u32, max: f64) -> PlanRequest {
        PlanRequest {
            rate,
            voters,
            statements: 50,
            seed: 7,
            warmup_s: 1.0,
            duration_s: 3.0,
            max_vote_rate_per_voter: max,
        }
    }

    /// Checks the schedule itself: every voter's consecutive votes are at least 1/max apart, and
    /// no window of one second holds more of one voter's votes than the limit allows.
    fn assert_within_limit(plan: &Plan, max: f64) {
        let mut last: Vec<Option<Duration>> = vec![None; plan.voters() as usize];
        let mut times: Vec<Vec<f64>> = vec![Vec::new(); plan.voters() as usize];
        for i in 0..plan.total_votes() {
            let voter = plan.voter(i) as usize;
            let due = plan.due(i);
            if let Some(previous) = last[voter] {
                let gap = (due - previous).as_secs_f64();
                assert!(gap >= 1.0 / max - 1e-9, "voter {voter}: votes {gap} s apart, limit {max}/s");
            }
            last[voter] = Some(due);
            times[voter].push(due.as_secs_f64());
        }
        // k votes at least 1/max apart span (k - 1)/max seconds, so a window shorter than a
        // second holds at most the largest k below max + 1.
        let allowed = (max + 1.0).ceil() as usize - 1;
        for (voter, times) in times.iter().enumerate() {
            for (k, start) in times.iter().enumerate() {
                let in_window = times[k..].iter().take_while(|t| **t < start + 1.0 - 1e-9).count();
                assert!(in_window <= allowed, "voter {voter}: {in_window} votes within one second");
            }
        }
    }

    #[test]
    fn round_robin_keeps_every_voter_within_the_limit() {
        for (rate, voters, max) in [
            (10.0, 5, 2.0),
            (10.0, 6, 2.0),
            (100.0, 50, 2.0),
            (100.0, 51, 2.0),
            (333.0, 200, 2.0),
            (5000.0, 2500, 2.0),
            (7.5, 3, 2.5),
            (1.0, 1, 1.0),
            (49.0, 7, 7.0),
        ] {
            let plan = Plan::new(request(rate, voters, max)).unwrap();
            assert_within_limit(&plan, max);
            // Every voter is used, so the load spreads as the plan says.
            let used: std::collections::BTreeSet<u32> = (0..plan.total_votes()).map(|i| plan.voter(i)).collect();
            assert_eq!(used.len() as u64, u64::from(voters).min(plan.total_votes()));
        }
    }

    #[test]
    fn too_few_voters_are_refused_with_the_number_needed() {
        let err = Plan::new(request(5000.0, 2499, 2.0)).unwrap_err();
        match &err {
            PlanError::TooFewVoters { needed, .. } => assert_eq!(*needed, 2500),
            other => panic!("{other:?}"),
        }
        assert!(err.to_string().contains("--voters 2500"), "{err}");
        assert!(Plan::new(request(10.0, 4, 2.0)).is_err());
        assert!(Plan::new(request(10.0, 5, 2.0)).is_ok());
    }

    #[test]
    fn bad_numbers_are_refused() {
        assert!(matches!(Plan::new(request(0.0, 5, 2.0)), Err(PlanError::Rate(_))));
        assert!(matches!(Plan::new(request(f64::NAN, 5, 2.0)), Err(PlanError::Rate(_))));
        assert!(matches!(Plan::new(request(2e6, 5_000_000, 2.0)), Err(PlanError::Rate(_))));
        assert!(matches!(Plan::new(request(1.0, 5, 0.0)), Err(PlanError::MaxVoteRate(_))));
        assert!(matches!(Plan::new(request(1.0, 0, 2.0)), Err(PlanError::NoVoters)));
        assert!(matches!(
            Plan::new(PlanRequest { statements: 0, ..request(1.0, 5, 2.0) }),
            Err(PlanError::NoStatements)
        ));
        assert!(matches!(
            Plan::new(PlanRequest { duration_s: 0.0, ..request(1.0, 5, 2.0) }),
            Err(PlanError::Duration(_))
        ));
        assert!(matches!(Plan::new(PlanRequest { warmup_s: -1.0, ..request(1.0, 5, 2.0) }), Err(PlanError::Warmup(_))));
        let huge = PlanRequest { duration_s: 1e6, ..request(1000.0, 500, 2.0) };
        assert!(matches!(Plan::new(huge), Err(PlanError::TooManyVotes(_))));
    }

    #[test]
    fn warm_up_and_measured_window_split_by_due_time() {
        let plan = Plan::new(PlanRequest { warmup_s: 0.5, duration_s: 2.0, ..request(10.0, 5, 2.0) }).unwrap();
        assert_eq!(plan.total_votes(), 25);
        assert_eq!(plan.warmup_votes(), 5);
        assert_eq!(plan.measured_votes(), 20);
        for i in 0..plan.total_votes() {
            assert_eq!(plan.is_measured(i), plan.due(i) >= Duration::from_millis(500), "vote {i}");
            assert!(plan.due(i) < Duration::from_millis(2500));
        }
        assert_eq!(plan.due(10), Duration::from_secs(1));
        let none = Plan::new(PlanRequest { warmup_s: 0.0, ..request(10.0, 5, 2.0) }).unwrap();
        assert_eq!(none.warmup_votes(), 0);
        assert!(none.is_measured(0));
    }

    #[test]
    fn draws_are_deterministic_in_range_and_spread() {
        let plan = Plan::new(request(100.0, 50, 2.0)).unwrap();
        let again = Plan::new(request(100.0, 50, 2.0)).unwrap();
        let other = Plan::new(PlanRequest { seed: 8, ..request(100.0, 50, 2.0) }).unwrap();
        let draws = |p: &Plan| (0..p.total_votes()).map(|i| (p.statement(i), p.vote(i))).collect::<Vec<_>>();
        assert_eq!(draws(&plan), draws(&again));
        assert_ne!(draws(&plan), draws(&other));
        let mut per_statement = [0u32; 50];
        let mut per_value = std::collections::HashMap::new();
        for (statement, vote) in draws(&plan) {
            per_statement[statement as usize] += 1;
            *per_value.entry(vote).or_insert(0u32) += 1;
        }
        // 400 votes over 50 statements: every statement is drawn, and each value about a third.
        assert!(per_statement.iter().all(|n| *n > 0), "{per_statement:?}");
        assert_eq!(per_value.len(), 3);
        assert!(per_value.values().all(|n| (90..=180).contains(n)), "{per_value:?}");
        let one = Plan::new(PlanRequest { statements: 1, ..request(100.0, 50, 2.0) }).unwrap();
        assert!((0..one.total_votes()).all(|i| one.statement(i) == 0));
    }

    #[test]
    fn below_covers_the_range() {
        assert_eq!(below(0, 10), 0);
        assert_eq!(below(u64::MAX, 10), 9);
        assert_eq!(below(u64::MAX, u64::from(u32::MAX)), u64::from(u32::MAX) - 1);
    }
}
