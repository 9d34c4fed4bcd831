//! The benchmark's synthetic map, shared by `benches/map.rs` and `examples/broker_accuracy.rs`
//! so both measure the same map.

use tracktwo_analysis::{Actor, ActorIdx, Level, Map, SideKey, Tie, Track, TrackSet};

/// A reproducible synthetic map: three sides (two parties and third parties), all nine tracks,
/// three levels, 2% decision-makers; ties mostly within a side, some across, half of them dated.
pub fn synthetic(actors: u32, ties: u32) -> Map {
    let mut state = 0x243f_6a88_85a3_08d3_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let people = (0..actors)
        .map(|_| {
            let primary = Track::new(1 + (next() % 9) as u8).unwrap_or(Track::ALL[0]);
            let second = Track::new(1 + (next() % 9) as u8).unwrap_or(Track::ALL[0]);
            Actor {
                tracks: TrackSet::of(&[primary, second]),
                primary_track: primary,
                level: Level::ALL[(next() % 3) as usize],
                side: SideKey((next() % 3) as u32),
                decision_maker: next().is_multiple_of(50),
                risk: (next() % 11) as u8,
            }
        })
        .collect::<Vec<_>>();
    let links = (0..ties)
        .map(|_| {
            let from = (next() % u64::from(actors)) as u32;
            let mut to = (next() % u64::from(actors)) as u32;
            if to == from {
                to = (to + 1) % actors;
            }
            let dated = next().is_multiple_of(2);
            Tie {
                from: ActorIdx(from),
                to: ActorIdx(to),
                strength: 1 + (next() % 5) as u8,
                directed: next().is_multiple_of(4),
                valid_from: dated.then_some(-((next() % 3650) as i32)),
                valid_until: None,
            }
        })
        .collect();
    Map { actors: people, ties: links }
}
