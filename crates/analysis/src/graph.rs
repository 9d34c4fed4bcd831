//! The map: actors and dated ties, and the snapshot of it on one day.

/// One of Diamond and McDonald's nine tracks, numbered 1 to 9.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Track(u8);

impl Track {
    pub const ALL: [Track; 9] =
        [Track(1), Track(2), Track(3), Track(4), Track(5), Track(6), Track(7), Track(8), Track(9)];

    /// `None` outside 1..=9.
    #[must_use]
    pub fn new(number: u8) -> Option<Self> {
        (1..=9).contains(&number).then_some(Self(number))
    }

    #[must_use]
    pub fn number(self) -> u8 {
        self.0
    }
}

/// A set of tracks (an actor may work on several).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct TrackSet(u16);

impl TrackSet {
    #[must_use]
    pub fn of(tracks: &[Track]) -> Self {
        Self(tracks.iter().fold(0, |bits, t| bits | 1 << t.0))
    }

    #[must_use]
    pub fn contains(self, track: Track) -> bool {
        self.0 & (1 << track.0) != 0
    }

    pub fn iter(self) -> impl Iterator<Item = Track> {
        Track::ALL.into_iter().filter(move |t| self.contains(*t))
    }
}

/// Lederach's levels of leadership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Top,
    MiddleRange,
    Grassroots,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Top, Level::MiddleRange, Level::Grassroots];
}

/// A side of the conflict, or a third party, as a small number chosen by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SideKey(pub u32);

impl SideKey {
    /// Third parties (mediators, outside states, international organisations): on no side of the
    /// conflict line, so their ties never cross it.
    pub const THIRD_PARTY: SideKey = SideKey(u32::MAX);

    /// Whether a tie between actors on these two sides crosses the conflict line.
    #[must_use]
    pub fn crosses(self, other: SideKey) -> bool {
        self != other && self != Self::THIRD_PARTY && other != Self::THIRD_PARTY
    }
}

/// A day, counted from any fixed origin the caller chooses (days since the Unix epoch, say).
pub type Day = i32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActorIdx(pub u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TieIdx(pub u32);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub tracks: TrackSet,
    pub primary_track: Track,
    pub level: Level,
    pub side: SideKey,
    /// A Track One decision-maker: where transfer is meant to arrive.
    pub decision_maker: bool,
    /// Risk of involving them, 0 (none) to 10 (grave), from the registry's assessment.
    pub risk: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tie {
    pub from: ActorIdx,
    pub to: ActorIdx,
    /// 1 (weak) to 5 (strong).
    pub strength: u8,
    /// Directed ties carry influence one way only (advises, works for); others both ways.
    pub directed: bool,
    /// Valid from this day (inclusive), if known.
    pub valid_from: Option<Day>,
    /// Valid until this day (exclusive), if it ended.
    pub valid_until: Option<Day>,
}

impl Tie {
    #[must_use]
    pub fn valid_on(&self, day: Day) -> bool {
        self.valid_from.is_none_or(|from| from <= day) && self.valid_until.is_none_or(|until| day < until)
    }
}

/// The whole map, across time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Map {
    pub actors: Vec<Actor>,
    pub ties: Vec<Tie>,
}

/// An edge as seen from one actor: the neighbour, the tie's strength, and the tie it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Edge {
    pub to: u32,
    pub strength: u8,
    pub tie: u32,
}

/// The map as it stood on one day, as compressed adjacency lists for fast traversal.
#[derive(Debug, Clone)]
pub struct Snapshot<'a> {
    pub map: &'a Map,
    pub day: Day,
    offsets: Vec<usize>,
    edges: Vec<Edge>,
    /// For each actor, the actors with an edge to it (the reverse adjacency).
    in_offsets: Vec<usize>,
    in_from: Vec<u32>,
}

impl Map {
    /// The ties valid on `day`, ready for traversal. Ties naming an unknown actor are ignored.
    #[must_use]
    pub fn as_of(&self, day: Day) -> Snapshot<'_> {
        let n = self.actors.len();
        let valid = || {
            self.ties.iter().enumerate().filter(move |(_, t)| {
                t.valid_on(day) && (t.from.0 as usize) < n && (t.to.0 as usize) < n && t.from != t.to
            })
        };
        let mut degree = vec![0usize; n + 1];
        for (_, tie) in valid() {
            degree[tie.from.0 as usize] += 1;
            if !tie.directed {
                degree[tie.to.0 as usize] += 1;
            }
        }
        let mut offsets = vec![0usize; n + 1];
        for i in 0..n {
            offsets[i + 1] = offsets[i] + degree[i];
        }
        let mut fill = offsets.clone();
        let mut edges = vec![Edge { to: 0, strength: 0, tie: 0 }; offsets[n]];
        let mut push = |from: u32, to: u32, strength: u8, tie: u32| {
            let slot = &mut fill[from as usize];
            edges[*slot] = Edge { to, strength, tie };
            *slot += 1;
        };
        for (i, tie) in valid() {
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            push(tie.from.0, tie.to.0, tie.strength, index);
            if !tie.directed {
                push(tie.to.0, tie.from.0, tie.strength, index);
            }
        }
        let mut in_degree = vec![0usize; n + 1];
        for e in &edges {
            in_degree[e.to as usize] += 1;
        }
        let mut in_offsets = vec![0usize; n + 1];
        for i in 0..n {
            in_offsets[i + 1] = in_offsets[i] + in_degree[i];
        }
        let mut in_fill = in_offsets.clone();
        let mut in_from = vec![0u32; edges.len()];
        for from in 0..n {
            for e in &edges[offsets[from]..offsets[from + 1]] {
                let slot = &mut in_fill[e.to as usize];
                in_from[*slot] = u32::try_from(from).unwrap_or(u32::MAX);
                *slot += 1;
            }
        }
        Snapshot { map: self, day, offsets, edges, in_offsets, in_from }
    }
}

impl Snapshot<'_> {
    #[must_use]
    pub fn actor_count(&self) -> usize {
        self.map.actors.len()
    }

    pub(crate) fn out_edges(&self, actor: u32) -> &[Edge] {
        let i = actor as usize;
        &self.edges[self.offsets[i]..self.offsets[i + 1]]
    }

    /// The actors with an edge to `actor` (once per edge).
    pub(crate) fn in_edges_of(&self, actor: u32) -> &[u32] {
        let i = actor as usize;
        &self.in_from[self.in_offsets[i]..self.in_offsets[i + 1]]
    }

    /// Whether a valid tie joins two actors of different sides.
    #[must_use]
    pub fn is_cross_line(&self, tie: TieIdx) -> bool {
        let tie = &self.map.ties[tie.0 as usize];
        self.map.actors[tie.from.0 as usize].side.crosses(self.map.actors[tie.to.0 as usize].side)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn actor(side: u32, level: Level, track: u8) -> Actor {
        let t = Track::new(track).unwrap();
        Actor {
            tracks: TrackSet::of(&[t]),
            primary_track: t,
            level,
            side: SideKey(side),
            decision_maker: false,
            risk: 0,
        }
    }

    #[test]
    fn a_snapshot_holds_the_ties_valid_that_day() {
        let map = Map {
            actors: vec![actor(1, Level::Top, 1), actor(2, Level::Top, 1), actor(1, Level::Grassroots, 4)],
            ties: vec![
                Tie {
                    from: ActorIdx(0),
                    to: ActorIdx(1),
                    strength: 3,
                    directed: false,
                    valid_from: Some(10),
                    valid_until: Some(20),
                },
                Tie {
                    from: ActorIdx(0),
                    to: ActorIdx(2),
                    strength: 5,
                    directed: true,
                    valid_from: None,
                    valid_until: None,
                },
                Tie {
                    from: ActorIdx(0),
                    to: ActorIdx(9),
                    strength: 5,
                    directed: true,
                    valid_from: None,
                    valid_until: None,
                },
            ],
        };
        let early = map.as_of(5);
        assert_eq!(early.out_edges(0).len(), 1);
        assert!(early.out_edges(1).is_empty());
        let mid = map.as_of(15);
        assert_eq!(mid.out_edges(0).len(), 2);
        assert_eq!(mid.out_edges(1).len(), 1, "undirected ties go both ways");
        assert!(mid.out_edges(2).is_empty(), "directed ties go one way");
        assert!(map.as_of(20).out_edges(1).is_empty(), "valid_until is exclusive");
        assert!(mid.is_cross_line(TieIdx(0)) && !mid.is_cross_line(TieIdx(1)));
        let mut with_third_party = map.clone();
        with_third_party.actors[1].side = SideKey::THIRD_PARTY;
        assert!(!with_third_party.as_of(15).is_cross_line(TieIdx(0)), "a third party is on no side of the line");
    }
}
