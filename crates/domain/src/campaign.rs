//! What keeps one forwarded campaign link from tilting a consultation: the convener's voter cap
//! and per-address limit on the link, and the rule that flags a burst of joins through it.
//!
//! A campaign link makes a new anonymous voter each time it is opened, and a voter may declare
//! any side. Without limits, whoever holds the link can mint voters for one side until the
//! cross-side common ground says what they want. The cap bounds how many voters the link can
//! ever make; the per-address limit bounds how many of them one client can make; the burst flag
//! tells the team when joins came far faster than the link's usual pace, so they look before
//! they read the results.

use std::net::IpAddr;

use crate::Timestamp;
use crate::records::ValidationError;

/// A campaign link's limits, set by the convener when the link is made and changeable later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CampaignLimits {
    /// The most voters the link admits, ever.
    pub voter_cap: u32,
    /// The most voters one client address (an IPv4 address, an IPv6 /64) may make through the
    /// link. A venue whose guests share one address needs it as high as the guests.
    pub per_address: u32,
}

/// Why a join through a campaign link was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum JoinRefusal {
    /// The link has admitted as many voters as its cap.
    #[error("this link has admitted all the voters it was made for ({cap})")]
    LinkFull { cap: u32 },
    /// The client's address has made as many voters through the link as it may.
    #[error("as many voters as this link allows have joined from this address ({limit})")]
    AddressLimit { limit: u32 },
}

impl CampaignLimits {
    /// The largest cap a link may have: a national consultation, not an unbounded one.
    pub const MAX_VOTERS: u32 = 1_000_000;
    /// What the form proposes for a new link: a large hall, and a household behind one address.
    pub const PROPOSED: CampaignLimits = CampaignLimits { voter_cap: 500, per_address: 5 };

    pub fn validate(&self) -> Result<(), ValidationError> {
        if !(1..=Self::MAX_VOTERS).contains(&self.voter_cap) {
            return Err(ValidationError::Invalid { field: "voter cap", reason: "must be between 1 and 1,000,000" });
        }
        if self.per_address == 0 || self.per_address > self.voter_cap {
            return Err(ValidationError::Invalid {
                field: "voters per address",
                reason: "must be at least 1 and at most the voter cap",
            });
        }
        Ok(())
    }

    /// Whether one more voter may join, given how many have joined through the link and how many
    /// of them from the client's address. The cap is checked first: a full link is full for all.
    pub fn admit(&self, through_link: u32, from_address: u32) -> Result<(), JoinRefusal> {
        if through_link >= self.voter_cap {
            return Err(JoinRefusal::LinkFull { cap: self.voter_cap });
        }
        if from_address >= self.per_address {
            return Err(JoinRefusal::AddressLimit { limit: self.per_address });
        }
        Ok(())
    }
}

/// The part of a client's address one household or device controls, which the per-address
/// limit counts: an IPv4 address as it is, an IPv6 address by its /64 network (a host on one
/// can take any of 2^64 addresses at will). An IPv4 address written as IPv6 counts as IPv4.
#[must_use]
pub fn address_group(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let prefix = u128::from(v6) & !((1u128 << 64) - 1);
                IpAddr::V6(prefix.into())
            }
        },
    }
}

/// The burst rule's window: a minute.
pub const BURST_WINDOW: time::Duration = time::Duration::minutes(1);
/// Fewer joins than this in a window is never a burst, whatever the link's usual pace.
pub const BURST_MIN_JOINS: usize = 30;
/// A burst is at least this many times the link's usual joins per window.
pub const BURST_FACTOR: f64 = 10.0;

/// The busiest minute of joins through one link, when it stands out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Burst {
    /// The first join of the busiest window.
    pub start: Timestamp,
    /// Joins within [`BURST_WINDOW`] of `start`.
    pub joins: usize,
    /// The link's usual joins per window outside the busiest one.
    pub usual: f64,
}

/// Flags a burst in one link's join times (in any order): the window of [`BURST_WINDOW`]
/// starting at a join that holds the most joins (the earliest such) is a burst when it holds at
/// least [`BURST_MIN_JOINS`] and at least [`BURST_FACTOR`] times the link's usual rate. The
/// usual rate is the joins outside that window spread over the rest of the link's join history
/// (from its first join to its last, less the window), counted in windows and at least one.
///
/// So a link whose voters all came within a minute is a burst from thirty joins on; a link that
/// takes fifty joins every minute for an hour is not; one that takes one a minute for a day and
/// then a hundred in a minute is. A hall opening the link together is flagged too: the flag asks
/// the team to look, it refuses nobody.
#[must_use]
pub fn burst(join_times: &[Timestamp]) -> Option<Burst> {
    if join_times.len() < BURST_MIN_JOINS {
        return None;
    }
    let mut times = join_times.to_vec();
    times.sort_unstable();
    let (mut best_start, mut best_joins) = (0, 0);
    let mut end = 0;
    for start in 0..times.len() {
        while end < times.len() && times[end] - times[start] < BURST_WINDOW {
            end += 1;
        }
        if end - start > best_joins {
            (best_start, best_joins) = (start, end - start);
        }
    }
    let span = times[times.len() - 1] - times[0];
    let rest_windows = ((span - BURST_WINDOW) / BURST_WINDOW).max(1.0);
    let usual = (times.len() - best_joins) as f64 / rest_windows;
    let standing_out = best_joins >= BURST_MIN_JOINS && best_joins as f64 >= BURST_FACTOR * usual;
    standing_out.then(|| Burst { start: times[best_start], joins: best_joins, usual })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Timestamp {
        time::OffsetDateTime::from_unix_timestamp(1_800_000_000 + seconds).unwrap()
    }

    #[test]
    fn a_capped_link_admits_up_to_its_cap_and_no_more() {
        let limits = CampaignLimits { voter_cap: 3, per_address: 3 };
        assert_eq!(limits.admit(0, 0), Ok(()));
        assert_eq!(limits.admit(2, 2), Ok(()));
        assert_eq!(limits.admit(3, 0), Err(JoinRefusal::LinkFull { cap: 3 }));
        // A full link is full for every address, the cap named first.
        assert_eq!(limits.admit(3, 3), Err(JoinRefusal::LinkFull { cap: 3 }));
    }

    #[test]
    fn one_address_makes_at_most_its_limit_of_voters() {
        let limits = CampaignLimits { voter_cap: 100, per_address: 2 };
        assert_eq!(limits.admit(10, 1), Ok(()));
        assert_eq!(limits.admit(10, 2), Err(JoinRefusal::AddressLimit { limit: 2 }));
        assert_eq!(limits.admit(99, 0), Ok(()), "another address still joins");
    }

    #[test]
    fn limits_are_validated() {
        assert!(CampaignLimits::PROPOSED.validate().is_ok());
        assert!(CampaignLimits { voter_cap: 1, per_address: 1 }.validate().is_ok());
        assert!(CampaignLimits { voter_cap: CampaignLimits::MAX_VOTERS, per_address: 1 }.validate().is_ok());
        for bad in [
            CampaignLimits { voter_cap: 0, per_address: 1 },
            CampaignLimits { voter_cap: CampaignLimits::MAX_VOTERS + 1, per_address: 1 },
            CampaignLimits { voter_cap: 10, per_address: 0 },
            CampaignLimits { voter_cap: 10, per_address: 11 },
        ] {
            assert!(matches!(bad.validate(), Err(ValidationError::Invalid { .. })), "{bad:?}");
        }
    }

    #[test]
    fn addresses_are_grouped_as_one_client_controls_them() {
        let v4: IpAddr = "127.1.2.3".parse().unwrap();
        assert_eq!(address_group(v4), v4);
        assert_ne!(address_group("127.1.2.4".parse().unwrap()), address_group(v4));
        let mapped: IpAddr = "::ffff:127.1.2.3".parse().unwrap();
        assert_eq!(address_group(mapped), v4);
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff:1:2:3".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_group(a), address_group(b), "one /64 is one client");
        assert_eq!(address_group(a), "2001:db8:1:2::".parse::<IpAddr>().unwrap());
        assert_ne!(address_group(a), address_group(c));
    }

    #[test]
    fn joins_all_within_a_minute_are_a_burst_from_thirty_on() {
        let few: Vec<_> = (0..BURST_MIN_JOINS as i64 - 1).map(at).collect();
        assert_eq!(burst(&few), None);
        let mut flood: Vec<_> = (0..200).map(|i| at(1_000 + i / 4)).collect();
        flood.reverse();
        let found = burst(&flood).expect("a burst");
        assert_eq!(found.start, at(1_000));
        assert_eq!(found.joins, 200);
        assert_eq!(found.usual, 0.0);
    }

    #[test]
    fn a_steady_pace_is_not_a_burst_however_fast() {
        // Fifty a minute for two hours.
        let steady: Vec<_> = (0..6_000).map(|i| at(i * 60 / 50)).collect();
        assert_eq!(burst(&steady), None);
    }

    #[test]
    fn a_minute_far_above_the_usual_pace_is_a_burst() {
        // One a minute for a day, then a hundred within ten seconds.
        let mut times: Vec<_> = (0..1_440).map(|i| at(i * 60)).collect();
        let flood_at = 1_440 * 60 + 30;
        times.extend((0..100).map(|i| at(flood_at + i / 10)));
        let found = burst(&times).expect("a burst");
        assert_eq!(found.start, at(flood_at));
        assert_eq!(found.joins, 100);
        assert!((0.9..1.1).contains(&found.usual), "{}", found.usual);
        // The same hundred spread over the day's usual pace is not.
        let busier: Vec<_> = (0..1_440).flat_map(|i| (0..5).map(move |s| at(i * 60 + s))).collect();
        let mut spread = busier.clone();
        spread.extend((0..29).map(|i| at(1_440 * 60 + i)));
        assert_eq!(burst(&spread), None, "fewer than thirty in the busiest minute");
        let mut ten_fold = busier;
        ten_fold.extend((0..40).map(|i| at(1_440 * 60 + i)));
        assert_eq!(burst(&ten_fold), None, "forty is not ten times a usual five");
    }
}
