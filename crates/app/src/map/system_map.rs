//! [`SystemMap`], the map as one caller may see it, and what is computed from it alone: the
//! coverage table, transfer paths, brokers, ties across the line, the interchange file.

use std::collections::HashMap;

use super::selection::Need;
use time::Date;
use tracktwo_analysis as analysis;
use tracktwo_domain::SnapshotId;
use tracktwo_domain::map::{Actor, Level, MapSnapshot, Tie, Track, crosses_the_line};
use tracktwo_domain::{ActorId, InitiativeId, Side, SideId, TieId};
use tracktwo_interchange::{FileActor, FileTie, MapFile};

/// The system map of one initiative as one caller may see it.
#[derive(Debug, Clone)]
pub struct SystemMap {
    pub initiative: InitiativeId,
    pub sides: Vec<Side>,
    pub actors: Vec<Actor>,
    pub ties: Vec<Tie>,
    /// Named dates to see the map at, earliest first.
    pub snapshots: Vec<(SnapshotId, MapSnapshot)>,
    /// Whether real names, roles, notes and team-only ties are included.
    pub in_full: bool,
}

/// What changed between two dates.
#[derive(Debug, Clone, Default)]
pub struct MapComparison {
    /// Ties standing on the later date but not on the earlier.
    pub formed: Vec<TieId>,
    /// Ties standing on the earlier date but not on the later.
    pub ended: Vec<TieId>,
}

/// One cell of the coverage table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageCount {
    pub track: Track,
    pub side: Option<SideId>,
    pub level: Level,
    pub actors: usize,
}

#[derive(Debug, Clone, Default)]
pub struct CoverageReport {
    pub cells: Vec<CoverageCount>,
    pub gaps: Vec<CoverageGap>,
}

/// A need a side has no actor for ("the Lowland Coast has no actor on track 7"), for the page
/// and the command line to say in their reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageGap {
    /// The side's name.
    pub side: String,
    pub need: Need,
}

/// A chain of ties from a participant to a decision-maker.
#[derive(Debug, Clone)]
pub struct TransferPath {
    pub actors: Vec<ActorId>,
    pub ties: Vec<TieId>,
    /// The weakest tie's strength (1–5).
    pub bottleneck: u8,
}

/// An actor with a score of brokerage.
#[derive(Debug, Clone)]
pub struct Broker {
    pub actor: ActorId,
    /// Betweenness centrality, normalised to 0–1.
    pub betweenness: f64,
    /// How many of its ties standing that day cross the line.
    pub cross_line_ties: usize,
}

/// The first day of the proleptic Gregorian calendar that `analysis::Day` counts from: any fixed
/// origin works, Julian day numbers are at hand.
pub(super) fn day(date: Date) -> analysis::Day {
    date.to_julian_day()
}

pub(super) fn track_of(track: Track) -> analysis::Track {
    analysis::Track::new(track.number()).unwrap_or(analysis::Track::ALL[0])
}

pub(super) fn level_of(level: Level) -> analysis::Level {
    match level {
        Level::Top => analysis::Level::Top,
        Level::MiddleRange => analysis::Level::MiddleRange,
        Level::Grassroots => analysis::Level::Grassroots,
    }
}

pub(super) fn level_from(level: analysis::Level) -> Level {
    match level {
        analysis::Level::Top => Level::Top,
        analysis::Level::MiddleRange => Level::MiddleRange,
        analysis::Level::Grassroots => Level::Grassroots,
    }
}

/// The map translated for the analytics crate, with the way back from its indices.
pub(super) struct Indexed {
    pub(super) map: analysis::Map,
    pub(super) actor_ids: Vec<ActorId>,
    pub(super) tie_ids: Vec<TieId>,
    pub(super) side_keys: Vec<SideId>,
}

impl Indexed {
    fn side_key(&self, side: Option<SideId>) -> analysis::SideKey {
        side.and_then(|s| self.side_keys.iter().position(|k| *k == s))
            .map_or(analysis::SideKey::THIRD_PARTY, |i| analysis::SideKey(u32::try_from(i).unwrap_or(u32::MAX - 1)))
    }

    pub(super) fn side_of(&self, key: analysis::SideKey) -> Option<SideId> {
        self.side_keys.get(key.0 as usize).copied()
    }
}

impl SystemMap {
    #[must_use]
    pub fn actor(&self, id: ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    #[must_use]
    pub fn actor_by_code(&self, code: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.details.code_name.eq_ignore_ascii_case(code.trim()))
    }

    /// A side's name, or "third party".
    #[must_use]
    pub fn side_name(&self, side: Option<SideId>) -> String {
        side.and_then(|s| self.sides.iter().find(|x| x.id == s))
            .map_or_else(|| "third party".to_owned(), |s| s.name.clone())
    }

    /// The actor's label for this reader: "Name (CODE)" in full, else the code name.
    #[must_use]
    pub fn label(&self, id: ActorId) -> String {
        self.actor(id).map_or_else(|| "unknown actor".to_owned(), |a| a.details.display_name())
    }

    /// Whether a tie crosses the conflict line.
    #[must_use]
    pub fn is_cross_line(&self, tie: &Tie) -> bool {
        let side = |id| self.actor(id).and_then(|a| a.details.side);
        crosses_the_line(side(tie.details.from), side(tie.details.to))
    }

    /// The ties standing on `date`.
    pub fn ties_on(&self, date: Date) -> impl Iterator<Item = &Tie> {
        self.ties.iter().filter(move |t| t.details.valid_on(date))
    }

    #[must_use]
    pub fn compare(&self, earlier: Date, later: Date) -> MapComparison {
        let mut out = MapComparison::default();
        for tie in &self.ties {
            match (tie.details.valid_on(earlier), tie.details.valid_on(later)) {
                (false, true) => out.formed.push(tie.id),
                (true, false) => out.ended.push(tie.id),
                _ => {}
            }
        }
        out
    }

    pub(super) fn indexed(&self, risk: &HashMap<ActorId, u8>) -> Indexed {
        let side_keys: Vec<SideId> = self.sides.iter().map(|s| s.id).collect();
        let mut indexed =
            Indexed { map: analysis::Map::default(), actor_ids: Vec::new(), tie_ids: Vec::new(), side_keys };
        let mut position = HashMap::new();
        for (i, actor) in self.actors.iter().enumerate() {
            position.insert(actor.id, u32::try_from(i).unwrap_or(u32::MAX));
            let tracks: Vec<analysis::Track> = actor.details.tracks.iter().map(|t| track_of(*t)).collect();
            let side = indexed.side_key(actor.details.side);
            indexed.map.actors.push(analysis::Actor {
                tracks: analysis::TrackSet::of(&tracks),
                primary_track: track_of(actor.details.primary_track),
                level: level_of(actor.details.level),
                side,
                decision_maker: actor.details.decision_maker,
                risk: risk.get(&actor.id).copied().unwrap_or(0),
            });
            indexed.actor_ids.push(actor.id);
        }
        for tie in &self.ties {
            let (Some(&from), Some(&to)) = (position.get(&tie.details.from), position.get(&tie.details.to)) else {
                continue;
            };
            indexed.map.ties.push(analysis::Tie {
                from: analysis::ActorIdx(from),
                to: analysis::ActorIdx(to),
                strength: tie.details.strength,
                directed: tie.details.directed,
                valid_from: tie.details.valid_from.map(day),
                valid_until: tie.details.valid_until.map(day),
            });
            indexed.tie_ids.push(tie.id);
        }
        indexed
    }

    /// Actors by track × side × level, and what is missing: every side should bring every
    /// track in `tracks` and every level in `levels`.
    #[must_use]
    pub fn coverage(&self, tracks: &[Track], levels: &[Level]) -> CoverageReport {
        // An unplaced actor's track and level stand in for ones not yet known: counted, it could
        // close a gap it does not close.
        let placed;
        let map = if self.actors.iter().any(|a| a.details.is_unplaced()) {
            let kept: Vec<Actor> = self.actors.iter().filter(|a| !a.details.is_unplaced()).cloned().collect();
            let ids: std::collections::HashSet<ActorId> = kept.iter().map(|a| a.id).collect();
            let ties = self
                .ties
                .iter()
                .filter(|t| ids.contains(&t.details.from) && ids.contains(&t.details.to))
                .cloned()
                .collect();
            placed = SystemMap { actors: kept, ties, ..self.clone() };
            &placed
        } else {
            self
        };
        let indexed = map.indexed(&HashMap::new());
        let needs = analysis::Requirements {
            sides: (0..self.sides.len()).map(|i| analysis::SideKey(u32::try_from(i).unwrap_or(0))).collect(),
            tracks: tracks.iter().map(|t| track_of(*t)).collect(),
            levels: levels.iter().map(|l| level_of(*l)).collect(),
        };
        let coverage = analysis::coverage(&indexed.map, &needs);
        let cells = coverage
            .cells
            .iter()
            .map(|c| CoverageCount {
                track: Track::from_number(c.track.number()).unwrap_or(Track::Government),
                side: indexed.side_of(c.side),
                level: level_from(c.level),
                actors: c.actors,
            })
            .collect();
        let gaps = coverage
            .gaps
            .iter()
            .map(|gap| match *gap {
                analysis::Gap::Track { side, track } => CoverageGap {
                    side: self.side_name(indexed.side_of(side)),
                    need: Need::Track(Track::from_number(track.number()).unwrap_or(Track::Government)),
                },
                analysis::Gap::Level { side, level } => {
                    CoverageGap { side: self.side_name(indexed.side_of(side)), need: Need::Level(level_from(level)) }
                }
            })
            .collect();
        CoverageReport { cells, gaps }
    }

    /// The `k` strongest paths on `date` from `from` to any Track One decision-maker.
    #[must_use]
    pub fn transfer_paths(&self, from: &[ActorId], k: usize, date: Date) -> Vec<TransferPath> {
        let indexed = self.indexed(&HashMap::new());
        let sources: Vec<analysis::ActorIdx> = from
            .iter()
            .filter_map(|id| indexed.actor_ids.iter().position(|a| a == id))
            .map(|i| analysis::ActorIdx(u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let snapshot = indexed.map.as_of(day(date));
        analysis::k_widest_paths(&snapshot, &sources, k)
            .into_iter()
            .map(|p| TransferPath {
                actors: p.actors.iter().map(|a| indexed.actor_ids[a.0 as usize]).collect(),
                ties: p.ties.iter().map(|t| indexed.tie_ids[t.0 as usize]).collect(),
                bottleneck: p.bottleneck,
            })
            .collect()
    }

    /// The `top` brokers on `date` by betweenness, with their cross-line ties: exact up to a few
    /// thousand actors, from a fixed sample of 1,024 sources beyond (under 1 s at 10,000 actors
    /// and 100,000 ties on two cores; accuracy against exact in docs/benchmarks.md).
    #[must_use]
    pub fn brokers(&self, top: usize, date: Date) -> Vec<Broker> {
        let indexed = self.indexed(&HashMap::new());
        let snapshot = indexed.map.as_of(day(date));
        let cross: HashMap<u32, usize> =
            analysis::cross_line(&snapshot).into_iter().map(|c| (c.actor.0, c.ties.len())).collect();
        const EXACT_UP_TO: usize = 2_000;
        let samples = if self.actors.len() <= EXACT_UP_TO { usize::MAX } else { 1_024 };
        let how = analysis::Betweenness { samples, seed: 1 };
        analysis::top_brokers(&snapshot, how, top)
            .into_iter()
            .filter(|(_, score)| *score > 0.0)
            .map(|(actor, betweenness)| Broker {
                actor: indexed.actor_ids[actor.0 as usize],
                betweenness,
                cross_line_ties: cross.get(&actor.0).copied().unwrap_or(0),
            })
            .collect()
    }

    /// The actors with ties across the line on `date`, most such ties first.
    #[must_use]
    pub fn cross_line_actors(&self, date: Date) -> Vec<(ActorId, usize)> {
        let indexed = self.indexed(&HashMap::new());
        let snapshot = indexed.map.as_of(day(date));
        let mut out: Vec<(ActorId, usize)> = analysis::cross_line(&snapshot)
            .into_iter()
            .map(|c| (indexed.actor_ids[c.actor.0 as usize], c.ties.len()))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| self.label(a.0).cmp(&self.label(b.0))));
        out
    }

    /// The map as an interchange file: exactly what this reader may see, and never a registry
    /// field (the file type has none).
    #[must_use]
    pub fn to_file(&self) -> MapFile {
        let code = |id: ActorId| self.actor(id).map(|a| a.details.code_name.clone()).unwrap_or_default();
        MapFile {
            actors: self
                .actors
                .iter()
                .map(|a| FileActor {
                    code_name: a.details.code_name.clone(),
                    name: if self.in_full { a.details.name.clone() } else { None },
                    kind: a.details.kind,
                    primary_track: a.details.primary_track,
                    tracks: a.details.tracks.clone(),
                    level: a.details.level,
                    side: a.details.side.map(|s| self.side_name(Some(s))),
                    role: a.details.role.clone(),
                    decision_maker: a.details.decision_maker,
                    notes: a.details.notes.clone(),
                    public_description: a.details.public_description.clone(),
                    unplaced: a
                        .details
                        .unplaced
                        .iter()
                        .filter_map(|field| tracktwo_interchange::Field::parse(field).ok())
                        .map(tracktwo_interchange::Field::as_str)
                        .collect(),
                })
                .collect(),
            ties: self
                .ties
                .iter()
                .map(|t| FileTie {
                    from: code(t.details.from),
                    to: code(t.details.to),
                    kind: t.details.kind,
                    directed: t.details.directed,
                    strength: t.details.strength,
                    valid_from: t.details.valid_from,
                    valid_until: t.details.valid_until,
                    notes: t.details.notes.clone(),
                })
                .collect(),
        }
    }
}
