//! Sign-in throttling that nobody can turn into a lockout.
//!
//! An account that locks after a few failures can be locked by anyone who knows its name. So
//! failures are counted per account *and origin* (the client's address, as the edge groups it)
//! and per origin alone, each with a backoff that doubles with every failure past a free few and
//! forgives one failure every so often. Someone guessing from one address slows only themselves
//! (and whoever shares that address); the account's owner, signing in from anywhere else, is
//! never held back by them.
//!
//! The account is keyed by its username's blind index, which exists for unknown names too, so
//! unknown and known accounts are throttled alike and the throttle tells nothing about which
//! names exist. The failures are kept in the store (`sign_in_failures`), shared by every server on
//! it, so guesses spread over several servers count as on one; each is kept under a keyed hash
//! of the account's blind index and the origin (or of the origin alone), so the table holds no
//! address and no name, and nothing about failed attempts is written to the account's row. An
//! attempt locks its two records until it ends, so attempts at the same account from the same
//! origin take turns, on whichever server they arrive.
//!
//! Each server also remembers the failures it saw itself, and an attempt waits for the stricter
//! of the two counts. Someone who can write to the database can delete its records; they then
//! face each server's own memory, as before the records were shared, not an open door.

use std::collections::HashMap;

use time::Duration;
use tracktwo_domain::Timestamp;
use tracktwo_store::SignInFailuresRow;

/// Where a sign-in attempt comes from, as the edge groups clients (an IPv4 address, an IPv6
/// /64). Opaque to the core: only compared.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin(String);

impl Origin {
    #[must_use]
    pub fn new(key: impl Into<String>) -> Self {
        Self(key.into())
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// A backoff policy: `free` failures cost nothing; each one past them doubles the wait before the
/// next attempt, from `first` up to `longest`; one failure is forgiven every `forgive_every`.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    pub free: u32,
    pub first: Duration,
    pub longest: Duration,
    pub forgive_every: Duration,
}

/// Failures per account and origin: five free, then 1 s, 2 s, 4 s … up to a quarter of an hour;
/// one forgiven every ten minutes. A person who mistypes a few times never waits; a guesser
/// gets about four guesses an hour at one account from one address once the wait is long.
pub const PER_ACCOUNT_AND_ORIGIN: Backoff = Backoff {
    free: 5,
    first: Duration::seconds(1),
    longest: Duration::minutes(15),
    forgive_every: Duration::minutes(10),
};

/// Failures per origin, whatever the account: twenty free (a room of people behind one NAT
/// mistyping now and then), one forgiven each minute; past that the same doubling. Someone
/// trying one password on many accounts from one address settles at about one try a minute.
pub const PER_ORIGIN: Backoff = Backoff {
    free: 20,
    first: Duration::seconds(1),
    longest: Duration::minutes(15),
    forgive_every: Duration::minutes(1),
};

/// Failures counted so far, and when the last one was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    count: u32,
    last: Timestamp,
}

impl Backoff {
    /// The failures still counted at `now`, after forgiveness.
    fn counted(self, failures: Failures, now: Timestamp) -> u32 {
        let elapsed = (now - failures.last).max(Duration::ZERO);
        let forgiven = if self.forgive_every.is_positive() {
            u32::try_from(elapsed.whole_seconds() / self.forgive_every.whole_seconds().max(1)).unwrap_or(u32::MAX)
        } else {
            u32::MAX
        };
        failures.count.saturating_sub(forgiven)
    }

    /// The wait after `count` failures.
    fn wait_after(self, count: u32) -> Duration {
        if count < self.free {
            return Duration::ZERO;
        }
        let wait = self.first * 2_i32.pow((count - self.free).min(20));
        wait.min(self.longest)
    }

    /// How long an attempt at `now` must still wait; zero when it may go ahead.
    #[must_use]
    pub fn wait(self, failures: Option<Failures>, now: Timestamp) -> Duration {
        let Some(failures) = failures else { return Duration::ZERO };
        let remaining = failures.last + self.wait_after(self.counted(failures, now)) - now;
        remaining.max(Duration::ZERO)
    }

    /// Counts one more failure at `now`.
    #[must_use]
    pub fn fail(self, failures: Option<Failures>, now: Timestamp) -> Failures {
        let count = failures.map_or(0, |f| self.counted(f, now));
        Failures { count: count.saturating_add(1), last: now }
    }
}

/// Failure records untouched this long are forgotten: by then every wait has long passed, and a
/// guesser who comes back after a day starts again with the few free failures a person has.
pub(crate) const FORGOTTEN_AFTER: Duration = Duration::days(1);

impl Failures {
    pub(crate) fn from_row(row: &SignInFailuresRow) -> Self {
        Self { count: u32::try_from(row.failures).unwrap_or(u32::MAX), last: row.last_at }
    }

    pub(crate) fn to_row(self, key: [u8; 32]) -> SignInFailuresRow {
        SignInFailuresRow { key, failures: i64::from(self.count), last_at: self.last }
    }
}

/// The stricter of two counts of the same failures: the one that makes an attempt at `now` wait
/// longer, or, waiting alike, the one with more failures still counted.
pub(crate) fn stricter(policy: Backoff, a: Option<Failures>, b: Option<Failures>, now: Timestamp) -> Option<Failures> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let weight = |f: Failures| (policy.wait(Some(f), now), policy.counted(f, now));
            Some(if weight(b) > weight(a) { b } else { a })
        }
        (a, b) => a.or(b),
    }
}

/// How many records a server remembers itself. Past it, records untouched for a day go first,
/// then the older half; at a hundred bytes or so a record, a few megabytes at most.
const REMEMBERED: usize = 100_000;

/// The failures this server saw itself, under the same keys as the store's records.
#[derive(Debug, Default)]
pub(crate) struct RememberedFailures {
    records: HashMap<[u8; 32], Failures>,
}

impl RememberedFailures {
    pub(crate) fn get(&self, key: &[u8; 32]) -> Option<Failures> {
        self.records.get(key).copied()
    }

    pub(crate) fn put(&mut self, key: [u8; 32], failures: Failures) {
        if !self.records.contains_key(&key) && self.records.len() >= REMEMBERED {
            let now = failures.last;
            self.records.retain(|_, f| now - f.last < FORGOTTEN_AFTER);
            if self.records.len() >= REMEMBERED {
                // Still full of live records: forget the older half (amortised, a sort per
                // REMEMBERED / 2 new keys). A flood from that many origins gains them a fresh
                // start here, no more than new addresses would.
                let mut lasts: Vec<Timestamp> = self.records.values().map(|f| f.last).collect();
                lasts.sort_unstable();
                let median = lasts[lasts.len() / 2];
                self.records.retain(|_, f| f.last > median);
            }
        }
        self.records.insert(key, failures);
    }

    pub(crate) fn forget(&mut self, key: &[u8; 32]) {
        self.records.remove(key);
    }
}

/// How long an attempt must still wait, given the failures at its account from its origin and
/// those from its origin at all.
pub(crate) fn wait(pair: Option<Failures>, origin: Option<Failures>, now: Timestamp) -> Duration {
    PER_ACCOUNT_AND_ORIGIN.wait(pair, now).max(PER_ORIGIN.wait(origin, now))
}

/// A wait in whole seconds, at least one, for `Retry-After`.
pub(crate) fn whole_seconds(wait: Duration) -> u64 {
    let seconds = wait.whole_seconds() + i64::from(wait.subsec_nanoseconds() > 0);
    u64::try_from(seconds.max(1)).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> Timestamp {
        time::OffsetDateTime::UNIX_EPOCH + Duration::days(20_000)
    }

    #[test]
    fn backoff_is_free_at_first_then_doubles_up_to_its_longest() {
        let policy = PER_ACCOUNT_AND_ORIGIN;
        let now = start();
        let mut failures = None;
        let mut waits = Vec::new();
        for _ in 0..20 {
            failures = Some(policy.fail(failures, now));
            waits.push(policy.wait(failures, now).whole_seconds());
        }
        assert_eq!(&waits[..10], &[0, 0, 0, 0, 1, 2, 4, 8, 16, 32]);
        assert!(waits.windows(2).all(|w| w[1] >= w[0]), "{waits:?}");
        assert_eq!(*waits.last().unwrap(), 15 * 60);
        // The wait passes with time, and failures are forgiven one by one.
        let later = now + Duration::minutes(15);
        assert_eq!(policy.wait(failures, later), Duration::ZERO);
        let much_later = now + Duration::minutes(10 * 20);
        assert_eq!(policy.counted(failures.unwrap(), much_later), 0);
    }

    #[test]
    fn an_origins_failures_hold_back_only_that_origin() {
        let now = start();
        let mut guesser_at_account = None;
        let mut guesser = None;
        for _ in 0..12 {
            guesser_at_account = Some(PER_ACCOUNT_AND_ORIGIN.fail(guesser_at_account, now));
            guesser = Some(PER_ORIGIN.fail(guesser, now));
        }
        assert!(wait(guesser_at_account, guesser, now) > Duration::minutes(1));
        // The owner, from another origin, has no record at all.
        assert_eq!(wait(None, None, now), Duration::ZERO);
        // Another account from the guesser's origin waits only once the origin has used its
        // free failures.
        assert_eq!(wait(None, guesser, now), Duration::ZERO);
        for _ in 0..10 {
            guesser = Some(PER_ORIGIN.fail(guesser, now));
        }
        assert!(wait(None, guesser, now) > Duration::ZERO);
    }

    #[test]
    fn failures_round_trip_through_their_row() {
        let failures = PER_ORIGIN.fail(None, start());
        assert_eq!(Failures::from_row(&failures.to_row([3; 32])), failures);
    }

    #[test]
    fn the_stricter_count_wins_whichever_side_holds_it() {
        let now = start();
        let mut many = None;
        for _ in 0..9 {
            many = Some(PER_ACCOUNT_AND_ORIGIN.fail(many, now));
        }
        let few = Some(PER_ACCOUNT_AND_ORIGIN.fail(None, now));
        for (a, b) in [(many, few), (few, many), (many, None), (None, many)] {
            assert_eq!(stricter(PER_ACCOUNT_AND_ORIGIN, a, b, now), many);
        }
        assert_eq!(stricter(PER_ACCOUNT_AND_ORIGIN, None, None, now), None);
    }

    #[test]
    fn remembered_failures_stay_bounded() {
        let mut remembered = RememberedFailures::default();
        let now = start();
        for i in 0..(REMEMBERED + 10) {
            let mut key = [0u8; 32];
            key[..8].copy_from_slice(&(i as u64).to_be_bytes());
            remembered.put(key, PER_ORIGIN.fail(None, now + Duration::milliseconds(i as i64)));
        }
        assert!(remembered.records.len() <= REMEMBERED);
        let mut newest = [0u8; 32];
        newest[..8].copy_from_slice(&((REMEMBERED + 9) as u64).to_be_bytes());
        assert!(remembered.get(&newest).is_some());
    }

    #[test]
    fn waits_round_up_to_whole_seconds() {
        assert_eq!(whole_seconds(Duration::milliseconds(1)), 1);
        assert_eq!(whole_seconds(Duration::ZERO), 1);
        assert_eq!(whole_seconds(Duration::milliseconds(2_001)), 3);
        assert_eq!(whole_seconds(Duration::seconds(2)), 2);
    }
}
