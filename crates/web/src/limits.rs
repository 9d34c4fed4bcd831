//! Per-address limits at the edge: how often one client address (an IPv4 address, an IPv6 /64)
//! may sign in, join, vote, propose, call the API and present a credential that turns out bad.
//!
//! The rates are GCRA token buckets (`governor`); this module keeps their state in a map of
//! bounded size, so a flood from many addresses costs a fixed amount of memory. Each limit is
//! set so that a workshop of 40 people behind one hotel NAT, each going as fast as the per-voter
//! and per-link limits in the core let them, never meets it, while one address cannot take more
//! than a small share of what the server can do.

use std::collections::HashMap;
use std::hash::Hash;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::nanos::Nanos;
use governor::state::keyed::ShrinkableKeyedStateStore;
use governor::state::{InMemoryState, NotKeyed, StateStore};
use governor::{Quota, RateLimiter};

use crate::client::{AddressKey, ClientAddress};

/// How many addresses each limit keeps track of at once. Beyond it, addresses not seen for a
/// whole refill period are forgotten first (their bucket is full again, so forgetting changes
/// nothing); if that frees no room, newcomers share one bucket until it does. At a few dozen
/// bytes an entry, six limits cost a few megabytes at most.
pub const TRACKED_ADDRESSES: usize = 65_536;

/// The rates, one per kind of request.
#[derive(Debug, Clone, Copy)]
pub struct Quotas {
    pub sign_in: Quota,
    pub join: Quota,
    pub vote: Quota,
    pub proposal: Quota,
    pub api: Quota,
    pub bad_credential: Quota,
}

/// `burst` at once, then one every `one_per`.
#[must_use]
pub fn quota(burst: u32, one_per: Duration) -> Quota {
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(one_per).unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN)).allow_burst(burst)
}

impl Quotas {
    /// The same rate for every kind.
    #[must_use]
    pub fn all(burst: u32, one_per: Duration) -> Self {
        let q = quota(burst, one_per);
        Self { sign_in: q, join: q, vote: q, proposal: q, api: q, bad_credential: q }
    }
}

impl Default for Quotas {
    fn default() -> Self {
        Self {
            // Sixty at once, then one every two seconds: forty people signing in together after
            // a break, with a few mistyped passwords, pass; each attempt costs an Argon2 hash
            // (tens of milliseconds of a core), so one address cannot keep a core busy. Guessing
            // one account is held back far harder by the core's backoff per account and address.
            sign_in: quota(60, Duration::from_secs(2)),
            // A hundred at once, then one every two seconds: a room of forty opening the link
            // together, twice over. The link itself is limited in the core (a hall at once, then
            // fifty a second), so a script cannot mint voters from one address.
            join: quota(100, Duration::from_secs(2)),
            // Forty voters at the pace the core allows each of them (bursts of 20, then 5 a
            // second): 800 at once, then 200 a second. One address then takes at most 200 of the
            // 5,000 votes a second the store takes (docs/benchmarks.md).
            vote: quota(800, Duration::from_millis(5)),
            // Forty voters at the core's pace for proposals (5 at once, one each 20 s).
            proposal: quota(200, Duration::from_millis(500)),
            // Bearer-token requests other than votes and joins (ballot reads, scripts with a
            // personal token): as many as votes, since a voting client reads its ballot once a
            // vote at most.
            api: quota(800, Duration::from_millis(5)),
            // Credentials that turn out unknown, revoked or expired: a few stale links in a room
            // come back now and then; a script trying tokens gets twenty, then one every three
            // seconds.
            bad_credential: quota(20, Duration::from_secs(3)),
        }
    }
}

/// The kinds of request an address is limited in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    SignIn,
    Join,
    Vote,
    Proposal,
    Api,
    BadCredential,
}

impl Limit {
    /// The message that tells a person which of their requests were too many.
    #[must_use]
    pub fn message_id(self) -> &'static str {
        match self {
            Limit::SignIn => "error-limited-sign-in",
            Limit::Join => "error-limited-join",
            Limit::Vote => "error-limited-vote",
            Limit::Proposal => "error-limited-proposal",
            Limit::Api => "error-limited-api",
            Limit::BadCredential => "error-limited-bad-credential",
        }
    }
}

/// A refusal: the limit met and how long until one more is allowed, in whole seconds (at least
/// one), for `Retry-After`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limited {
    pub limit: Limit,
    pub seconds: u64,
}

type Keyed = RateLimiter<AddressKey, BoundedStore<AddressKey>, DefaultClock>;

/// Every per-address limit of the edge.
pub struct EdgeLimits {
    sign_in: Keyed,
    join: Keyed,
    vote: Keyed,
    proposal: Keyed,
    api: Keyed,
    bad_credential: Keyed,
}

impl Default for EdgeLimits {
    fn default() -> Self {
        Self::new(Quotas::default(), TRACKED_ADDRESSES)
    }
}

impl EdgeLimits {
    #[must_use]
    pub fn new(quotas: Quotas, tracked: usize) -> Self {
        let keyed = |quota: Quota| {
            RateLimiter::new(
                quota,
                BoundedStore::new(tracked, quota.burst_size_replenished_in()),
                DefaultClock::default(),
            )
        };
        Self {
            sign_in: keyed(quotas.sign_in),
            join: keyed(quotas.join),
            vote: keyed(quotas.vote),
            proposal: keyed(quotas.proposal),
            api: keyed(quotas.api),
            bad_credential: keyed(quotas.bad_credential),
        }
    }

    fn limiter(&self, limit: Limit) -> &Keyed {
        match limit {
            Limit::SignIn => &self.sign_in,
            Limit::Join => &self.join,
            Limit::Vote => &self.vote,
            Limit::Proposal => &self.proposal,
            Limit::Api => &self.api,
            Limit::BadCredential => &self.bad_credential,
        }
    }

    /// Counts one request of this kind from the client; refused when its address has used up
    /// its turns for now.
    pub fn check(&self, limit: Limit, client: &ClientAddress) -> Result<(), Limited> {
        let limiter = self.limiter(limit);
        limiter.check_key(&client.key()).map_err(|not_until| {
            let wait = not_until.wait_time_from(limiter.clock().now());
            Limited { limit, seconds: wait.as_secs() + u64::from(wait.subsec_nanos() > 0) }.at_least_a_second()
        })
    }
}

impl Limited {
    fn at_least_a_second(mut self) -> Self {
        self.seconds = self.seconds.max(1);
        self
    }
}

/// A keyed state store for `governor` that tracks at most `capacity` keys.
pub struct BoundedStore<K> {
    capacity: usize,
    /// After this long unused, a key's bucket is full again: forgetting it changes nothing.
    idle: Duration,
    tracked: Mutex<Tracked<K>>,
    /// The bucket newcomers share while the map is full of active keys.
    overflow: InMemoryState,
}

struct Tracked<K> {
    states: HashMap<K, (InMemoryState, Instant)>,
    last_sweep: Option<Instant>,
}

impl<K: Hash + Eq + Clone> BoundedStore<K> {
    fn new(capacity: usize, idle: Duration) -> Self {
        Self {
            capacity,
            idle,
            tracked: Mutex::new(Tracked { states: HashMap::new(), last_sweep: None }),
            overflow: InMemoryState::default(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Tracked<K>> {
        self.tracked.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Lets the limiter report and prune what it tracks (`RateLimiter::len`, `retain_recent`).
impl<K: Hash + Eq + Clone> ShrinkableKeyedStateStore<K> for BoundedStore<K> {
    fn retain_recent(&self, drop_below: Nanos) {
        // Reading a state without changing it: a measurement that always declines.
        let recent = |state: &InMemoryState| {
            state
                .measure_and_replace(&NotKeyed::NonKey, Err::<((), Nanos), _>)
                .err()
                .flatten()
                .is_some_and(|tat| tat > drop_below)
        };
        self.lock().states.retain(|_, (state, _)| recent(state));
    }

    fn len(&self) -> usize {
        self.lock().states.len()
    }

    fn is_empty(&self) -> bool {
        self.lock().states.is_empty()
    }
}

impl<K: Hash + Eq + Clone> StateStore for BoundedStore<K> {
    type Key = K;

    fn measure_and_replace<T, F, E>(&self, key: &K, f: F) -> Result<T, E>
    where
        F: Fn(Option<Nanos>) -> Result<(T, Nanos), E>,
    {
        let now = Instant::now();
        let mut tracked = self.lock();
        if let Some((state, used)) = tracked.states.get_mut(key) {
            *used = now;
            return state.measure_and_replace(&NotKeyed::NonKey, f);
        }
        if tracked.states.len() >= self.capacity {
            // A sweep walks the whole map: at most one a second, so a flood of newcomers
            // cannot make every request pay for one.
            let due = tracked.last_sweep.is_none_or(|at| now.duration_since(at) >= Duration::from_secs(1));
            if due {
                let idle = self.idle;
                tracked.states.retain(|_, (_, used)| now.duration_since(*used) < idle);
                tracked.last_sweep = Some(now);
            }
            if tracked.states.len() >= self.capacity {
                return self.overflow.measure_and_replace(&NotKeyed::NonKey, f);
            }
        }
        let (state, _) = tracked.states.entry(key.clone()).or_insert_with(|| (InMemoryState::default(), now));
        state.measure_and_replace(&NotKeyed::NonKey, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(text: &str) -> ClientAddress {
        ClientAddress { ip: text.parse().unwrap(), https: false }
    }

    fn limits(n: u32, tracked: usize) -> EdgeLimits {
        EdgeLimits::new(Quotas::all(n, Duration::from_secs(3600)), tracked)
    }

    #[test]
    fn limits_hold_per_address_and_per_kind() {
        let limits = limits(3, 100);
        let a = client("198.51.100.1");
        let b = client("198.51.100.2");
        assert!((0..3).all(|_| limits.check(Limit::Vote, &a).is_ok()));
        let refused = limits.check(Limit::Vote, &a).unwrap_err();
        assert_eq!(refused.limit, Limit::Vote);
        assert!(refused.seconds >= 3599 && refused.seconds <= 3600, "{refused:?}");
        assert!(limits.check(Limit::Vote, &b).is_ok(), "another address has its own turns");
        assert!(limits.check(Limit::Join, &a).is_ok(), "another kind has its own turns");
        // One IPv6 /64 is one client.
        let v6 = |n: u32| client(&format!("2001:db8:5:6::{n:x}"));
        assert!((0..3).all(|n| limits.check(Limit::Api, &v6(n)).is_ok()));
        assert!(limits.check(Limit::Api, &v6(99)).is_err());
        assert!(limits.check(Limit::Api, &client("2001:db8:5:7::1")).is_ok());
    }

    #[test]
    fn the_tracked_addresses_are_bounded_and_newcomers_share_a_bucket_beyond() {
        let limits = limits(2, 10);
        for n in 0..10 {
            limits.check(Limit::Join, &client(&format!("198.51.100.{n}"))).unwrap();
        }
        assert_eq!(limits.join.len(), 10);
        // The map is full of addresses in use: newcomers share one bucket of two.
        assert!(limits.check(Limit::Join, &client("203.0.113.1")).is_ok());
        assert!(limits.check(Limit::Join, &client("203.0.113.2")).is_ok());
        assert!(limits.check(Limit::Join, &client("203.0.113.3")).is_err());
        assert_eq!(limits.join.len(), 10, "the map did not grow");
        // Tracked addresses keep their own turns meanwhile.
        assert!(limits.check(Limit::Join, &client("198.51.100.0")).is_ok());
    }

    #[test]
    fn addresses_whose_bucket_is_full_again_are_pruned() {
        let clock = governor::clock::FakeRelativeClock::default();
        let limiter: RateLimiter<AddressKey, _, _, governor::middleware::NoOpMiddleware<Nanos>> = RateLimiter::new(
            quota(2, Duration::from_secs(1)),
            BoundedStore::new(100, Duration::from_secs(2)),
            clock.clone(),
        );
        let (a, b) = (client("198.51.100.1").key(), client("198.51.100.2").key());
        limiter.check_key(&a).unwrap();
        clock.advance(Duration::from_millis(2500));
        limiter.check_key(&b).unwrap();
        limiter.retain_recent();
        assert_eq!(limiter.len(), 1, "the address whose bucket refilled is forgotten, the other kept");
        clock.advance(Duration::from_secs(2));
        limiter.retain_recent();
        assert!(limiter.is_empty());
    }

    #[test]
    fn a_workshop_behind_one_address_meets_no_limit() {
        // Forty voters behind one NAT, each at the fastest pace the core allows a voter: a
        // burst of twenty votes at once, all of them together.
        let limits = EdgeLimits::default();
        let hotel = client("198.51.100.40");
        assert!((0..40 * 20).all(|_| limits.check(Limit::Vote, &hotel).is_ok()));
        assert!((0..40).all(|_| limits.check(Limit::Join, &hotel).is_ok()));
        assert!((0..40).all(|_| limits.check(Limit::SignIn, &hotel).is_ok()));
        assert!((0..40 * 5).all(|_| limits.check(Limit::Proposal, &hotel).is_ok()));
    }
}
