//! Coverage: how many actors the map holds for each track, side and level of leadership, and the
//! gaps an initiative needs filled.

use std::collections::BTreeMap;

use crate::graph::{Level, Map, SideKey, Track};

/// What an initiative needs represented, per side.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Requirements {
    pub sides: Vec<SideKey>,
    pub tracks: Vec<Track>,
    pub levels: Vec<Level>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CoverageCell {
    pub track: Track,
    pub side: SideKey,
    pub level: Level,
    pub actors: usize,
}

/// A need that no actor meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// No actor of this side works on this track.
    Track { side: SideKey, track: Track },
    /// No actor of this side stands at this level.
    Level { side: SideKey, level: Level },
}

impl std::fmt::Display for Gap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Gap::Track { side, track } => write!(f, "side {} has no actor on track {}", side.0, track.number()),
            Gap::Level { side, level } => write!(f, "side {} has no actor at the {level:?} level", side.0),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Non-empty cells, ordered by track, side, level. An actor on several tracks counts on each.
    pub cells: Vec<CoverageCell>,
    pub gaps: Vec<Gap>,
}

/// Counts actors by track × side × level and names what `needs` lacks.
#[must_use]
pub fn coverage(map: &Map, needs: &Requirements) -> Coverage {
    let mut counts: BTreeMap<(Track, SideKey, Level), usize> = BTreeMap::new();
    for actor in &map.actors {
        for track in actor.tracks.iter() {
            *counts.entry((track, actor.side, actor.level)).or_default() += 1;
        }
    }
    let cells =
        counts.iter().map(|(&(track, side, level), &actors)| CoverageCell { track, side, level, actors }).collect();
    let mut gaps = Vec::new();
    for &side in &needs.sides {
        for &track in &needs.tracks {
            if !counts.keys().any(|&(t, s, _)| t == track && s == side) {
                gaps.push(Gap::Track { side, track });
            }
        }
        for &level in &needs.levels {
            if !map.actors.iter().any(|a| a.side == side && a.level == level) {
                gaps.push(Gap::Level { side, level });
            }
        }
    }
    gaps.sort();
    Coverage { cells, gaps }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Actor, TrackSet};

    fn actor(side: u32, level: Level, tracks: &[u8]) -> Actor {
        let tracks: Vec<Track> = tracks.iter().map(|t| Track::new(*t).unwrap()).collect();
        Actor {
            tracks: TrackSet::of(&tracks),
            primary_track: tracks[0],
            level,
            side: SideKey(side),
            decision_maker: false,
            risk: 0,
        }
    }

    #[test]
    fn cells_count_every_track_and_gaps_name_what_is_missing() {
        let map = Map {
            actors: vec![
                actor(1, Level::Top, &[1]),
                actor(1, Level::MiddleRange, &[2, 5]),
                actor(2, Level::Grassroots, &[4]),
                actor(2, Level::Grassroots, &[4]),
            ],
            ties: vec![],
        };
        let t = |n| Track::new(n).unwrap();
        let needs =
            Requirements { sides: vec![SideKey(1), SideKey(2)], tracks: vec![t(1), t(4)], levels: vec![Level::Top] };
        let result = coverage(&map, &needs);
        assert_eq!(result.cells.len(), 4);
        assert!(result.cells.contains(&CoverageCell {
            track: t(4),
            side: SideKey(2),
            level: Level::Grassroots,
            actors: 2
        }));
        assert!(result.cells.contains(&CoverageCell {
            track: t(5),
            side: SideKey(1),
            level: Level::MiddleRange,
            actors: 1
        }));
        assert_eq!(
            result.gaps,
            vec![
                Gap::Track { side: SideKey(1), track: t(4) },
                Gap::Track { side: SideKey(2), track: t(1) },
                Gap::Level { side: SideKey(2), level: Level::Top },
            ]
        );
        assert_eq!(result.gaps[0].to_string(), "side 1 has no actor on track 4");
    }
}
