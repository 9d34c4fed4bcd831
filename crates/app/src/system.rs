//! The only place in the core that reads the wall clock and the operating system's randomness.
//! Everything else receives them through [`Clock`](crate::Clock) and [`Entropy`](crate::Entropy);
//! `clippy.toml` forbids the calls elsewhere.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use rand::SeedableRng;
use rand::rngs::{ChaCha20Rng, SysRng};
use rand_core::Rng;

use crate::{Clock, Entropy};

/// The system clock, in UTC.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> tracktwo_domain::Timestamp {
        time::OffsetDateTime::now_utc()
    }
}

/// A ChaCha20 generator seeded from the operating system.
pub struct SystemEntropy(ChaCha20Rng);

impl SystemEntropy {
    /// Seeds from the operating system; fails only if the OS has no randomness to give.
    pub fn new() -> Result<Self, String> {
        ChaCha20Rng::try_from_rng(&mut SysRng).map(Self).map_err(|e| format!("no OS randomness: {e}"))
    }
}

impl Entropy for SystemEntropy {
    fn fill(&mut self, buf: &mut [u8]) {
        self.0.fill_bytes(buf);
    }
}
