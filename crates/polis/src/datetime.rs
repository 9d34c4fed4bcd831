//! The `datetime` column: the moment of `timestamp`, as Pol.is' server writes it — JavaScript's
//! `Date.prototype.toString()`, e.g. `Mon Dec 12 2016 10:04:46 GMT+0000 (Coordinated Universal
//! Time)`. Pol.is writes the server's local time; the writers here always write UTC, so the
//! same export reads the same wherever it is made.

use time::OffsetDateTime;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;

const POLIS_DATETIME: &[BorrowedFormatItem<'static>] = format_description!(
    "[weekday repr:short] [month repr:short] [day] [year] [hour]:[minute]:[second] GMT+0000 (Coordinated Universal Time)"
);

/// The `datetime` of a `timestamp` (milliseconds since the Unix epoch); empty for a time the
/// calendar cannot hold (beyond year 9999 or before year -9999), as for a missing one.
pub fn polis_datetime(millis: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000)
        .ok()
        .and_then(|at| at.format(POLIS_DATETIME).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timestamp_is_written_as_javascript_writes_a_date_in_utc() {
        assert_eq!(polis_datetime(1_481_537_086_000), "Mon Dec 12 2016 10:04:46 GMT+0000 (Coordinated Universal Time)");
        // Milliseconds are dropped, not rounded; single-digit days keep their zero.
        assert_eq!(polis_datetime(1_403_054_214_999), "Wed Jun 18 2014 01:16:54 GMT+0000 (Coordinated Universal Time)");
        assert_eq!(polis_datetime(0), "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)");
        assert_eq!(polis_datetime(1_000_000_000_000), "Sun Sep 09 2001 01:46:40 GMT+0000 (Coordinated Universal Time)");
    }

    #[test]
    fn a_time_beyond_the_calendar_is_left_empty() {
        assert_eq!(polis_datetime(i64::MAX), "");
        assert_eq!(polis_datetime(i64::MIN), "");
    }
}
