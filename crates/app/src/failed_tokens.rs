//! Bad bearer tokens are counted, not written one by one.
//!
//! Every refused token used to append its own audit event, each a durable (fsync'd) write: a
//! script sending bad tokens could keep the store's single writer busy. Now the first refusal in
//! a window is written at once, the others in that window are counted, and the count rides on
//! the next event written, whose target names how many refusals it stands for. Sign-in attempts
//! turned away for a while are counted the same way.

use time::Duration;
use tracktwo_domain::Timestamp;

/// At most one event per this much time.
pub(crate) const WINDOW: Duration = Duration::seconds(1);

#[derive(Debug, Default)]
pub(crate) struct FailedTokens {
    last_written: Option<Timestamp>,
    unwritten: u64,
}

impl FailedTokens {
    /// Counts one refusal. `Some(n)`: write one event now, standing for `n` refusals.
    pub(crate) fn note(&mut self, now: Timestamp) -> Option<u64> {
        self.unwritten += 1;
        match self.last_written {
            Some(at) if now - at < WINDOW && now >= at => None,
            _ => {
                self.last_written = Some(now);
                Some(std::mem::take(&mut self.unwritten))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_one_event_and_its_count_rides_on_the_next() {
        let start = time::OffsetDateTime::UNIX_EPOCH + Duration::days(20_000);
        let mut failed = FailedTokens::default();
        assert_eq!(failed.note(start), Some(1));
        for n in 1..50 {
            assert_eq!(failed.note(start + Duration::milliseconds(n * 10)), None);
        }
        assert_eq!(failed.note(start + Duration::seconds(2)), Some(50));
        assert_eq!(failed.note(start + Duration::seconds(4)), Some(1));
        // A clock set back does not silence refusals.
        assert_eq!(failed.note(start), Some(1));
    }
}
