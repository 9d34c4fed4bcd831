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
//! names exist. The state is in memory: a restart forgives everything, and nothing about failed
//! attempts is written to the account's row.

use std::collections::HashMap;
use std::hash::Hash;

use time::Duration;
use tracktwo_domain::Timestamp;
use tracktwo_store::BlindIndex;

/// Where a sign-in attempt comes from, as the edge groups clients (an IPv4 address, an IPv6
/// /64). Opaque to the core: only compared.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin(String);

impl Origin {
    #[must_use]
    pub fn new(key: impl Into<String>) -> Self {
        Self(key.into())
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

    /// Whether a record has been forgiven entirely, so forgetting it changes nothing.
    fn spent(self, failures: Failures, now: Timestamp) -> bool {
        self.counted(failures, now) == 0
    }
}

/// How many keys each table keeps. Past it, forgiven records go first, then the oldest half;
/// at a hundred bytes or so a record, a few megabytes at most.
const TRACKED: usize = 50_000;

/// A table of failure records with a bounded size.
#[derive(Debug)]
struct Table<K> {
    policy: Backoff,
    records: HashMap<K, Failures>,
}

impl<K: Hash + Eq + Clone> Table<K> {
    fn new(policy: Backoff) -> Self {
        Self { policy, records: HashMap::new() }
    }

    fn wait(&self, key: &K, now: Timestamp) -> Duration {
        self.policy.wait(self.records.get(key).copied(), now)
    }

    fn fail(&mut self, key: K, now: Timestamp) {
        if !self.records.contains_key(&key) && self.records.len() >= TRACKED {
            let policy = self.policy;
            self.records.retain(|_, failures| !policy.spent(*failures, now));
            if self.records.len() >= TRACKED {
                // Still full of live records: forget the older half (amortised, a sort per
                // TRACKED / 2 new keys). A flood from that many origins gains them a fresh start,
                // no more than new addresses would.
                let mut lasts: Vec<Timestamp> = self.records.values().map(|f| f.last).collect();
                lasts.sort_unstable();
                let median = lasts[lasts.len() / 2];
                self.records.retain(|_, failures| failures.last > median);
            }
        }
        let updated = self.policy.fail(self.records.get(&key).copied(), now);
        self.records.insert(key, updated);
    }

    fn forget(&mut self, key: &K) {
        self.records.remove(key);
    }
}

/// The failures of recent sign-in attempts, by account and origin and by origin.
#[derive(Debug)]
pub(crate) struct SignInThrottle {
    pairs: Table<([u8; 32], Origin)>,
    origins: Table<Origin>,
}

impl Default for SignInThrottle {
    fn default() -> Self {
        Self { pairs: Table::new(PER_ACCOUNT_AND_ORIGIN), origins: Table::new(PER_ORIGIN) }
    }
}

impl SignInThrottle {
    /// How long an attempt at this account from this origin must still wait.
    pub(crate) fn wait(&self, account: BlindIndex, origin: &Origin, now: Timestamp) -> Duration {
        self.pairs.wait(&(account.0, origin.clone()), now).max(self.origins.wait(origin, now))
    }

    pub(crate) fn failed(&mut self, account: BlindIndex, origin: &Origin, now: Timestamp) {
        self.pairs.fail((account.0, origin.clone()), now);
        self.origins.fail(origin.clone(), now);
    }

    /// A success clears the account's record from that origin; the origin's own record stays,
    /// or one account of the guesser's would wipe the slate for every other.
    pub(crate) fn succeeded(&mut self, account: BlindIndex, origin: &Origin) {
        self.pairs.forget(&(account.0, origin.clone()));
    }
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
        assert!(policy.spent(failures.unwrap(), much_later));
    }

    #[test]
    fn an_origins_failures_leave_other_origins_alone() {
        let mut throttle = SignInThrottle::default();
        let account = BlindIndex([7; 32]);
        let guesser = Origin::new("198.51.100.66");
        let owner = Origin::new("203.0.113.5");
        let now = start();
        for _ in 0..12 {
            throttle.failed(account, &guesser, now);
        }
        assert!(throttle.wait(account, &guesser, now) > Duration::minutes(1));
        assert_eq!(throttle.wait(account, &owner, now), Duration::ZERO);
        // Another account from the guesser's origin waits only once the origin has used its
        // free failures.
        assert_eq!(throttle.wait(BlindIndex([8; 32]), &guesser, now), Duration::ZERO);
        for n in 0..10 {
            throttle.failed(BlindIndex([n; 32]), &guesser, now);
        }
        assert!(throttle.wait(BlindIndex([8; 32]), &guesser, now) > Duration::ZERO);
        assert_eq!(throttle.wait(BlindIndex([8; 32]), &owner, now), Duration::ZERO);
    }

    #[test]
    fn a_success_clears_its_account_and_origin_only() {
        let mut throttle = SignInThrottle::default();
        let account = BlindIndex([1; 32]);
        let here = Origin::new("192.0.2.1");
        let now = start();
        for _ in 0..6 {
            throttle.failed(account, &here, now);
        }
        assert!(throttle.wait(account, &here, now) > Duration::ZERO);
        throttle.succeeded(account, &here);
        assert_eq!(throttle.wait(account, &here, now), Duration::ZERO);
    }

    #[test]
    fn the_tables_stay_bounded() {
        let mut table = Table::new(PER_ORIGIN);
        let now = start();
        for n in 0..(TRACKED + 10) {
            table.fail(n, now + Duration::milliseconds(i64::try_from(n).unwrap()));
        }
        assert!(table.records.len() <= TRACKED);
        assert!(table.records.contains_key(&(TRACKED + 9)), "the newest is kept");
    }

    #[test]
    fn waits_round_up_to_whole_seconds() {
        assert_eq!(whole_seconds(Duration::milliseconds(1)), 1);
        assert_eq!(whole_seconds(Duration::ZERO), 1);
        assert_eq!(whole_seconds(Duration::milliseconds(2_001)), 3);
        assert_eq!(whole_seconds(Duration::seconds(2)), 2);
    }
}
