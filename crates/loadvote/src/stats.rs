//! Counting outcomes and summarising latencies into the report.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use serde::Serialize;

/// The throughput the vote endpoint must sustain.
pub const TARGET_RATE_PER_S: f64 = 5000.0;
/// The 99th-percentile latency it must keep to, from a vote's scheduled time.
pub const TARGET_P99_MS: f64 = 50.0;

/// What became of one vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The server answered with this status (201 is accepted; anything else is a rejection).
    Status(u16),
    /// No answer: refused or reset connection, malformed response, or the request timed out.
    Error,
}

/// Counts for one set of votes (the warm-up or the measured window).
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub sent: u64,
    pub accepted: u64,
    pub rejected: BTreeMap<u16, u64>,
    pub errors: u64,
    /// Microseconds from each answered vote's scheduled time to its response.
    pub latencies_us: Vec<u64>,
    /// When the first and the last of these votes were answered (or failed), after the
    /// schedule's start.
    pub first_done: Option<Duration>,
    pub last_done: Option<Duration>,
}

impl Tally {
    pub fn record(&mut self, outcome: Outcome, latency: Duration, done: Duration) {
        self.sent += 1;
        match outcome {
            Outcome::Status(201) => self.accepted += 1,
            Outcome::Status(code) => *self.rejected.entry(code).or_insert(0) += 1,
            Outcome::Error => self.errors += 1,
        }
        // A vote with no answer has no latency to speak of; its failure is counted instead.
        if let Outcome::Status(_) = outcome {
            self.latencies_us.push(u64::try_from(latency.as_micros()).unwrap_or(u64::MAX));
        }
        self.first_done = Some(self.first_done.map_or(done, |first| first.min(done)));
        self.last_done = Some(self.last_done.map_or(done, |last| last.max(done)));
    }
}

/// The length of the measured window that the rate is taken over: the planned length, or longer
/// when the answers took longer than that to come in.
///
/// The answers span from the first to the last, plus one vote's spacing for the last vote's own
/// share. Measured that way, a server that answers every vote with the same delay gets exactly
/// the planned length — its delay is latency, not lost throughput — while one that falls behind
/// stretches the span, and so lowers the rate.
pub fn measured_window(planned: Duration, tally: &Tally, rate: f64) -> Duration {
    match (tally.first_done, tally.last_done) {
        (Some(first), Some(last)) => planned.max(last - first + Duration::from_secs_f64(1.0 / rate)),
        _ => planned,
    }
}

/// The nearest-rank percentile of sorted samples: the smallest sample with at least `p` percent
/// of the samples at or below it (`p` taken to a thousandth of a percent). `None` when there are
/// no samples.
pub fn percentile(sorted: &[u64], p: f64) -> Option<u64> {
    if sorted.is_empty() {
        return None;
    }
    debug_assert!(sorted.windows(2).all(|w| w[0] <= w[1]), "samples must be sorted");
    // In integers, to a thousandth of a percent: in floating point 99.9% of 1000 is a hair above
    // 999 and would round up to the wrong rank.
    let thousandths = (p.clamp(0.0, 100.0) * 1000.0).round() as u128;
    let n = sorted.len() as u128;
    let rank = (thousandths * n).div_ceil(100_000) as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// The run's figures. Field names are the JSON keys, kept stable for scripts.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    /// Votes sent in the measured window (the warm-up excluded).
    pub sent: u64,
    /// Of those, answered 201.
    pub accepted: u64,
    /// Votes answered 201 over the whole run, warm-up included: what the server should hold.
    pub accepted_total: u64,
    /// Measured votes answered with another status, by status code.
    pub rejected: BTreeMap<u16, u64>,
    /// Measured votes that got no answer.
    pub errors: u64,
    /// Accepted measured votes per second of the measured window.
    pub rate_per_s: f64,
    pub p50_ms: Option<f64>,
    pub p90_ms: Option<f64>,
    pub p99_ms: Option<f64>,
    pub p999_ms: Option<f64>,
    pub max_ms: Option<f64>,
    /// The measured window's length in seconds: as planned, or longer when its answers took
    /// longer than that to come in (see [`measured_window`]); `rate_per_s` is taken over it.
    pub duration_s: f64,
    /// Votes sent over the whole run, warm-up included.
    pub sent_total: u64,
    pub target_rate_per_s: f64,
    pub warmup_s: f64,
    pub voters: u32,
    pub connections: usize,
    pub rate_target_met: bool,
    pub p99_target_met: bool,
    /// Whether the run was cut short (Ctrl-C); the figures then cover what was sent.
    pub interrupted: bool,
    /// The first transport error, for the human report only.
    #[serde(skip)]
    pub first_error: Option<String>,
}

/// What the report is built from, besides the measured tally.
#[derive(Debug, Clone)]
pub struct RunFacts {
    pub target_rate_per_s: f64,
    pub warmup_s: f64,
    pub voters: u32,
    pub connections: usize,
    pub accepted_total: u64,
    pub sent_total: u64,
    pub window: Duration,
    pub interrupted: bool,
    pub first_error: Option<String>,
}

impl Report {
    pub fn new(mut measured: Tally, facts: RunFacts) -> Report {
        measured.latencies_us.sort_unstable();
        let samples = &measured.latencies_us;
        let ms = |p: f64| percentile(samples, p).map(micros_to_ms);
        let duration_s = facts.window.as_secs_f64();
        let rate_per_s = if duration_s > 0.0 { measured.accepted as f64 / duration_s } else { 0.0 };
        let p99_ms = ms(99.0);
        Report {
            sent: measured.sent,
            accepted: measured.accepted,
            accepted_total: facts.accepted_total,
            rejected: measured.rejected,
            errors: measured.errors,
            rate_per_s: round3(rate_per_s),
            p50_ms: ms(50.0),
            p90_ms: ms(90.0),
            p99_ms,
            p999_ms: ms(99.9),
            max_ms: samples.last().copied().map(micros_to_ms),
            duration_s: round3(duration_s),
            sent_total: facts.sent_total,
            target_rate_per_s: facts.target_rate_per_s,
            warmup_s: facts.warmup_s,
            voters: facts.voters,
            connections: facts.connections,
            rate_target_met: rate_per_s >= TARGET_RATE_PER_S,
            // Latency only counts when the votes were taken: a run whose every vote was refused
            // quickly has not met the latency target.
            p99_target_met: measured.accepted > 0 && p99_ms.is_some_and(|p| p <= TARGET_P99_MS),
            interrupted: facts.interrupted,
            first_error: facts.first_error,
        }
    }

    /// The report as a person reads it.
    pub fn human(&self) -> String {
        let mut out = String::new();
        let ms = |v: Option<f64>| v.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.2}"));
        let yes = |b: bool| if b { "met" } else { "NOT met" };
        let _ = writeln!(
            out,
            "vote load: {} votes/s planned, {} voters, {} connections, {} s warm-up{}",
            self.target_rate_per_s,
            self.voters,
            self.connections,
            self.warmup_s,
            if self.interrupted { " (interrupted)" } else { "" }
        );
        let _ = writeln!(out, "measured window      {:.3} s", self.duration_s);
        let _ = writeln!(out, "votes sent           {}", self.sent);
        let _ = writeln!(out, "accepted (201)       {}", self.accepted);
        let rejected = if self.rejected.is_empty() {
            "none".to_owned()
        } else {
            self.rejected.iter().map(|(code, n)| format!("{code}: {n}")).collect::<Vec<_>>().join(", ")
        };
        let _ = writeln!(out, "rejected             {rejected}");
        let _ = writeln!(out, "transport errors     {}", self.errors);
        if let Some(first) = &self.first_error {
            let _ = writeln!(out, "  first error        {first}");
        }
        let _ = writeln!(out, "achieved rate        {:.1} accepted votes/s", self.rate_per_s);
        let _ = writeln!(
            out,
            "latency (ms)         p50 {}  p90 {}  p99 {}  p99.9 {}  max {}  (from each vote's scheduled time)",
            ms(self.p50_ms),
            ms(self.p90_ms),
            ms(self.p99_ms),
            ms(self.p999_ms),
            ms(self.max_ms)
        );
        let _ = writeln!(out, "accepted, warm-up included  {} of {} sent", self.accepted_total, self.sent_total);
        // The achieved rate cannot exceed the planned one, and the answers' jitter takes a hair
        // off it, so a run planned at the target itself cannot show that the target holds.
        let hint = if !self.rate_target_met && self.target_rate_per_s <= TARGET_RATE_PER_S {
            " (plan a little above it, e.g. --rate 5100, to check it)"
        } else {
            ""
        };
        let _ = writeln!(out, "target rate >= {TARGET_RATE_PER_S} votes/s: {}{hint}", yes(self.rate_target_met));
        let _ = writeln!(out, "target p99 <= {TARGET_P99_MS} ms: {}", yes(self.p99_target_met));
        out
    }
}

fn micros_to_ms(us: u64) -> f64 {
    us as f64 / 1000.0
}

fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let hundred: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&hundred, 50.0), Some(50));
        assert_eq!(percentile(&hundred, 90.0), Some(90));
        assert_eq!(percentile(&hundred, 99.0), Some(99));
        assert_eq!(percentile(&hundred, 99.9), Some(100));
        assert_eq!(percentile(&hundred, 100.0), Some(100));
        assert_eq!(percentile(&hundred, 0.0), Some(1));
        let thousand: Vec<u64> = (1..=1000).collect();
        assert_eq!(percentile(&thousand, 99.9), Some(999));
        assert_eq!(percentile(&[7], 50.0), Some(7));
        assert_eq!(percentile(&[7], 99.9), Some(7));
        assert_eq!(percentile(&[1, 2], 50.0), Some(1));
        assert_eq!(percentile(&[1, 2], 51.0), Some(2));
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn tail_latencies_are_not_averaged_away() {
        // One slow vote in a hundred is the p99; two in a thousand move p99.9 but not p99.
        let mut samples = vec![1_000u64; 99];
        samples.push(80_000);
        samples.sort_unstable();
        assert_eq!(percentile(&samples, 99.0), Some(1_000));
        assert_eq!(percentile(&samples, 99.5), Some(80_000));
        let mut samples = vec![1_000u64; 998];
        samples.extend([90_000, 95_000]);
        assert_eq!(percentile(&samples, 99.0), Some(1_000));
        assert_eq!(percentile(&samples, 99.9), Some(90_000));
    }

    fn facts(window_s: f64) -> RunFacts {
        RunFacts {
            target_rate_per_s: 5000.0,
            warmup_s: 5.0,
            voters: 2500,
            connections: 64,
            accepted_total: 0,
            sent_total: 0,
            window: Duration::from_secs_f64(window_s),
            interrupted: false,
            first_error: None,
        }
    }

    #[test]
    fn a_steady_delay_is_latency_but_falling_behind_is_lost_rate() {
        let planned = Duration::from_secs(2);
        let rate = 10.0;
        // 20 votes due every 100 ms from 1 s on, each answered 30 ms late: the planned window.
        let mut steady = Tally::default();
        for i in 0..20u64 {
            steady.record(Outcome::Status(201), Duration::from_millis(30), Duration::from_millis(1030 + 100 * i));
        }
        assert_eq!(measured_window(planned, &steady, rate), planned);
        // The same votes answered ever later, 10 ms more each: the span stretches by 190 ms.
        let mut behind = Tally::default();
        for i in 0..20u64 {
            behind.record(
                Outcome::Status(201),
                Duration::from_millis(30 + 10 * i),
                Duration::from_millis(1030 + 110 * i),
            );
        }
        assert_eq!(measured_window(planned, &behind, rate), Duration::from_millis(2190));
        assert_eq!(measured_window(planned, &Tally::default(), rate), planned);
    }

    #[test]
    fn report_counts_rates_and_targets() {
        let mut tally = Tally::default();
        let at = Duration::from_secs(1);
        for i in 0..10_000u64 {
            tally.record(Outcome::Status(201), Duration::from_micros(1000 + i % 7), at);
        }
        tally.record(Outcome::Status(429), Duration::from_millis(2), at);
        tally.record(Outcome::Status(400), Duration::from_millis(2), at);
        tally.record(Outcome::Status(429), Duration::from_millis(2), at);
        tally.record(Outcome::Error, Duration::from_secs(10), Duration::from_secs(2));
        assert_eq!(tally.last_done, Some(Duration::from_secs(2)));
        let report = Report::new(tally, RunFacts { accepted_total: 12_000, sent_total: 12_004, ..facts(2.0) });
        assert_eq!(report.sent, 10_004);
        assert_eq!(report.accepted, 10_000);
        assert_eq!(report.rejected, BTreeMap::from([(400, 1), (429, 2)]));
        assert_eq!(report.errors, 1);
        assert_eq!(report.rate_per_s, 5000.0);
        assert!(report.rate_target_met);
        assert_eq!(report.max_ms, Some(2.0));
        assert!(report.p99_target_met);
        let json = serde_json::to_value(&report).unwrap();
        for key in [
            "sent",
            "accepted",
            "accepted_total",
            "rejected",
            "errors",
            "rate_per_s",
            "p50_ms",
            "p90_ms",
            "p99_ms",
            "p999_ms",
            "max_ms",
            "duration_s",
        ] {
            assert!(json.get(key).is_some(), "missing {key}");
        }
        assert_eq!(json["rejected"], serde_json::json!({"400": 1, "429": 2}));
        assert_eq!(json["accepted_total"], 12_000);
        assert!(json.get("first_error").is_none());
        let text = report.human();
        assert!(text.contains("400: 1, 429: 2") && text.contains("p99 1.01"), "{text}");
    }

    #[test]
    fn slow_or_empty_runs_miss_the_targets() {
        let mut slow = Tally::default();
        for i in 0..100u64 {
            slow.record(Outcome::Status(201), Duration::from_millis(if i < 95 { 5 } else { 60 }), Duration::ZERO);
        }
        let report = Report::new(slow, facts(1.0));
        assert_eq!(report.p99_ms, Some(60.0));
        assert!(!report.p99_target_met && !report.rate_target_met);

        let mut refused = Tally::default();
        refused.record(Outcome::Status(429), Duration::from_millis(1), Duration::ZERO);
        let report = Report::new(refused, facts(1.0));
        assert!(!report.p99_target_met);

        let report = Report::new(Tally::default(), facts(0.0));
        assert_eq!((report.p50_ms, report.rate_per_s), (None, 0.0));
        assert!(report.human().contains("p50 n/a"));
        assert_eq!(serde_json::to_value(&report).unwrap()["p99_ms"], serde_json::Value::Null);
    }
}
