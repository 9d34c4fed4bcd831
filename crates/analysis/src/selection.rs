//! Participant selection: from candidates, the invitees that keep the sides balanced, cover the
//! tracks and levels an initiative needs, give the best access to Track One decision-makers, and
//! stay within the risk the convener accepts, each choice with its reasons.
//!
//! The objective is monotone and submodular (coverage plus a facility-location term), so greedy
//! selection is the classic approach, run lazily (CELF: a candidate's earlier gain bounds its
//! gain now, so most candidates need no re-evaluation). Tests compare it with plain greedy,
//! which it must equal, and with exhaustive search on small cases.

use std::collections::{BTreeSet, BinaryHeap, HashMap};

use crate::graph::{ActorIdx, Level, SideKey, Snapshot, Track};

/// Weight of one newly met need (a track or level for a side), against access steps of 0–5.
const NEED_WEIGHT: u32 = 10;

/// What to select.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionRequest {
    pub candidates: Vec<ActorIdx>,
    pub invitees: usize,
    /// Sides to invite from, kept within one of each other at every step. Candidates of other
    /// sides are not invited.
    pub sides: Vec<SideKey>,
    /// Tracks each side should bring.
    pub needed_tracks: Vec<Track>,
    /// Levels of leadership each side should bring.
    pub needed_levels: Vec<Level>,
    /// No one whose risk (0–10) is above this is invited.
    pub max_individual_risk: u8,
    /// The group's summed risk stays at or under this.
    pub max_total_risk: u32,
}

/// Why an invitee was chosen: what they added when they were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Track {
        side: SideKey,
        track: Track,
    },
    Level {
        side: SideKey,
        level: Level,
    },
    /// Raised the group's best access to a decision-maker (widest-path strength 0–5).
    Access {
        decision_maker: ActorIdx,
        from: u8,
        to: u8,
    },
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Track { side, track } => write!(f, "brings track {} for side {}", track.number(), side.0),
            Reason::Level { side, level } => write!(f, "brings the {level:?} level for side {}", side.0),
            Reason::Access { decision_maker, from, to } => {
                write!(f, "raises access to decision-maker #{} from {from} to {to}", decision_maker.0)
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub actor: ActorIdx,
    /// The objective's gain when chosen.
    pub gain: u32,
    pub reasons: Vec<Reason>,
}

impl Choice {
    /// "chosen because …", or why it was chosen without a gain.
    #[must_use]
    pub fn explanation(&self) -> String {
        if self.reasons.is_empty() {
            "chosen to keep the sides balanced; adds no need or access not already met".to_owned()
        } else {
            let reasons: Vec<String> = self.reasons.iter().map(ToString::to_string).collect();
            format!("chosen because it {}", reasons.join("; "))
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub chosen: Vec<Choice>,
    pub objective: u32,
}

/// Precomputed facts about each eligible candidate.
struct Candidate {
    actor: ActorIdx,
    side: SideKey,
    risk: u32,
    needs: Vec<(SideKey, Need)>,
    /// Access (0–5) to each decision-maker, by decision-maker's position in `decision_makers`.
    access: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Need {
    Track(Track),
    Level(Level),
}

/// The group so far: needs met and best access per decision-maker.
struct Group {
    met: BTreeSet<(SideKey, Need)>,
    access: Vec<u8>,
}

impl Group {
    fn gain(&self, c: &Candidate) -> u32 {
        let needs = c.needs.iter().filter(|n| !self.met.contains(n)).count() as u32 * NEED_WEIGHT;
        let access: u32 = c.access.iter().zip(&self.access).map(|(&a, &b)| u32::from(a.saturating_sub(b))).sum();
        needs + access
    }

    fn add(&mut self, c: &Candidate, decision_makers: &[ActorIdx]) -> Vec<Reason> {
        let mut reasons = Vec::new();
        for &(side, need) in &c.needs {
            if self.met.insert((side, need)) {
                reasons.push(match need {
                    Need::Track(track) => Reason::Track { side, track },
                    Need::Level(level) => Reason::Level { side, level },
                });
            }
        }
        for (i, (&a, b)) in c.access.iter().zip(self.access.iter_mut()).enumerate() {
            if a > *b {
                reasons.push(Reason::Access { decision_maker: decision_makers[i], from: *b, to: a });
                *b = a;
            }
        }
        reasons
    }
}

/// Widest-path strength from `from` to every actor (0 where unreachable; 5 for oneself).
fn access_from(snapshot: &Snapshot<'_>, from: u32) -> Vec<u8> {
    let n = snapshot.actor_count();
    let mut best = vec![0u8; n];
    best[from as usize] = 5;
    let mut heap = BinaryHeap::from([(5u8, std::cmp::Reverse(from))]);
    while let Some((b, std::cmp::Reverse(node))) = heap.pop() {
        if b < best[node as usize] {
            continue;
        }
        for edge in snapshot.out_edges(node) {
            let w = b.min(edge.strength);
            if w > best[edge.to as usize] {
                best[edge.to as usize] = w;
                heap.push((w, std::cmp::Reverse(edge.to)));
            }
        }
    }
    best
}

fn prepare(snapshot: &Snapshot<'_>, request: &SelectionRequest) -> (Vec<Candidate>, Vec<ActorIdx>) {
    let map = snapshot.map;
    let decision_makers: Vec<ActorIdx> = (0..map.actors.len())
        .filter(|&i| map.actors[i].decision_maker)
        .map(|i| ActorIdx(u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let mut seen = BTreeSet::new();
    let candidates = request
        .candidates
        .iter()
        .filter(|a| (a.0 as usize) < map.actors.len() && seen.insert(**a))
        .filter_map(|&actor| {
            let data = &map.actors[actor.0 as usize];
            let eligible = request.sides.contains(&data.side) && data.risk <= request.max_individual_risk;
            eligible.then(|| {
                let mut needs: Vec<(SideKey, Need)> = request
                    .needed_tracks
                    .iter()
                    .filter(|t| data.tracks.contains(**t))
                    .map(|t| (data.side, Need::Track(*t)))
                    .collect();
                if request.needed_levels.contains(&data.level) {
                    needs.push((data.side, Need::Level(data.level)));
                }
                let reach = access_from(snapshot, actor.0);
                Candidate {
                    actor,
                    side: data.side,
                    risk: u32::from(data.risk),
                    needs,
                    access: decision_makers.iter().map(|d| reach[d.0 as usize]).collect(),
                }
            })
        })
        .collect();
    (candidates, decision_makers)
}

/// Whether `c` may join a group with these side counts and this total risk.
fn feasible(c: &Candidate, counts: &HashMap<SideKey, usize>, sides: &[SideKey], risk: u32, max_risk: u32) -> bool {
    let lowest = sides.iter().map(|s| counts.get(s).copied().unwrap_or(0)).min().unwrap_or(0);
    counts.get(&c.side).copied().unwrap_or(0) == lowest && risk + c.risk <= max_risk
}

/// A lazy-greedy entry: (gain bound, lower risk first, lower index first) and the round in which
/// the bound was computed.
type Entry = ((u32, std::cmp::Reverse<u32>, std::cmp::Reverse<usize>), usize);

/// Chooses up to `request.invitees` people, each with the reasons for the choice.
#[must_use]
pub fn select(snapshot: &Snapshot<'_>, request: &SelectionRequest) -> Selection {
    let (candidates, decision_makers) = prepare(snapshot, request);
    let mut group = Group { met: BTreeSet::new(), access: vec![0; decision_makers.len()] };
    let mut counts: HashMap<SideKey, usize> = HashMap::new();
    let mut risk = 0u32;
    let mut chosen = Vec::new();
    // Heap entries: (gain bound, lower risk first, lower index first, round the bound is from).
    let key = |gain: u32, i: usize| (gain, std::cmp::Reverse(candidates[i].risk), std::cmp::Reverse(i));
    let mut heap: BinaryHeap<Entry> = (0..candidates.len()).map(|i| (key(group.gain(&candidates[i]), i), 0)).collect();
    let mut deferred = Vec::new();
    while chosen.len() < request.invitees {
        let Some(((bound, _, std::cmp::Reverse(i)), round)) = heap.pop() else { break };
        let c = &candidates[i];
        if risk + c.risk > request.max_total_risk {
            continue; // the budget only shrinks: never feasible again
        }
        if !feasible(c, &counts, &request.sides, risk, request.max_total_risk) {
            deferred.push((key(bound, i), round));
            continue;
        }
        if round != chosen.len() {
            heap.push((key(group.gain(c), i), chosen.len()));
            continue;
        }
        let gain = group.gain(c);
        let reasons = group.add(c, &decision_makers);
        *counts.entry(c.side).or_default() += 1;
        risk += c.risk;
        chosen.push(Choice { actor: c.actor, gain, reasons });
        heap.extend(deferred.drain(..));
    }
    let objective = chosen.iter().map(|c| c.gain).sum();
    Selection { chosen, objective }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Actor, Map, Tie, TrackSet};

    /// Plain greedy: every feasible candidate evaluated at every step, same tie-breaking.
    fn plain_greedy(snapshot: &Snapshot<'_>, request: &SelectionRequest) -> Vec<ActorIdx> {
        let (candidates, decision_makers) = prepare(snapshot, request);
        let mut group = Group { met: BTreeSet::new(), access: vec![0; decision_makers.len()] };
        let mut counts = HashMap::new();
        let (mut risk, mut taken, mut out) = (0u32, vec![false; candidates.len()], Vec::new());
        while out.len() < request.invitees {
            let best = (0..candidates.len())
                .filter(|&i| {
                    !taken[i] && feasible(&candidates[i], &counts, &request.sides, risk, request.max_total_risk)
                })
                .max_by_key(|&i| {
                    (group.gain(&candidates[i]), std::cmp::Reverse(candidates[i].risk), std::cmp::Reverse(i))
                });
            let Some(i) = best else { break };
            taken[i] = true;
            group.add(&candidates[i], &decision_makers);
            *counts.entry(candidates[i].side).or_default() += 1;
            risk += candidates[i].risk;
            out.push(candidates[i].actor);
        }
        out
    }

    /// The best objective over every balanced, affordable group of exactly the greedy size.
    fn exhaustive(snapshot: &Snapshot<'_>, request: &SelectionRequest, size: usize) -> u32 {
        let (candidates, decision_makers) = prepare(snapshot, request);
        let n = candidates.len();
        let mut best = 0;
        for mask in 0u32..(1 << n) {
            if mask.count_ones() as usize != size {
                continue;
            }
            let members: Vec<&Candidate> = (0..n).filter(|i| mask & (1 << i) != 0).map(|i| &candidates[i]).collect();
            let per_side: Vec<usize> =
                request.sides.iter().map(|s| members.iter().filter(|c| c.side == *s).count()).collect();
            let balanced = per_side.iter().max().unwrap_or(&0) - per_side.iter().min().unwrap_or(&0) <= 1;
            let affordable = members.iter().map(|c| c.risk).sum::<u32>() <= request.max_total_risk;
            if balanced && affordable {
                let mut group = Group { met: BTreeSet::new(), access: vec![0; decision_makers.len()] };
                let value = members.iter().map(|c| {
                    let g = group.gain(c);
                    group.add(c, &decision_makers);
                    g
                });
                best = best.max(value.sum());
            }
        }
        best
    }

    fn random_case(next: &mut impl FnMut() -> u64) -> (Map, SelectionRequest) {
        let n = 8 + (next() % 5) as u32;
        let actors = (0..n)
            .map(|_| {
                let t = Track::new(1 + (next() % 4) as u8).unwrap();
                Actor {
                    tracks: TrackSet::of(&[t]),
                    primary_track: t,
                    level: Level::ALL[(next() % 3) as usize],
                    side: SideKey((next() % 3) as u32),
                    decision_maker: next().is_multiple_of(4),
                    risk: (next() % 6) as u8,
                }
            })
            .collect();
        let ties = (0..n * 2)
            .filter_map(|_| {
                let (a, b) = ((next() % u64::from(n)) as u32, (next() % u64::from(n)) as u32);
                (a != b).then(|| Tie {
                    from: ActorIdx(a),
                    to: ActorIdx(b),
                    strength: 1 + (next() % 5) as u8,
                    directed: next().is_multiple_of(3),
                    valid_from: None,
                    valid_until: None,
                })
            })
            .collect();
        let request = SelectionRequest {
            candidates: (0..n).map(ActorIdx).collect(),
            invitees: 2 + (next() % 3) as usize,
            sides: vec![SideKey(0), SideKey(1)],
            needed_tracks: vec![Track::new(1).unwrap(), Track::new(2).unwrap()],
            needed_levels: vec![Level::Top, Level::Grassroots],
            max_individual_risk: 4,
            max_total_risk: 8 + (next() % 6) as u32,
        };
        (Map { actors, ties }, request)
    }

    #[test]
    fn lazy_greedy_equals_plain_greedy_and_stays_close_to_the_optimum() {
        let mut state = 0x1234_5678_9abc_def1_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut ratio_sum, mut cases) = (0.0, 0);
        for case in 0..300 {
            let (map, request) = random_case(&mut next);
            let snapshot = map.as_of(0);
            let lazy = select(&snapshot, &request);
            let chosen: Vec<ActorIdx> = lazy.chosen.iter().map(|c| c.actor).collect();
            assert_eq!(chosen, plain_greedy(&snapshot, &request), "case {case}");
            // Constraints hold.
            let sides: Vec<usize> = request
                .sides
                .iter()
                .map(|s| chosen.iter().filter(|a| map.actors[a.0 as usize].side == *s).count())
                .collect();
            assert!(sides.iter().max().unwrap() - sides.iter().min().unwrap() <= 1, "case {case}: unbalanced");
            let risk: u32 = chosen.iter().map(|a| u32::from(map.actors[a.0 as usize].risk)).sum();
            assert!(risk <= request.max_total_risk, "case {case}: over the risk budget");
            assert!(chosen.iter().all(|a| map.actors[a.0 as usize].risk <= request.max_individual_risk));
            // Against the best group of the same size: never below half, close on average.
            let optimum = exhaustive(&snapshot, &request, chosen.len());
            assert!(lazy.objective <= optimum, "case {case}: greedy beat the exhaustive optimum");
            assert!(2 * lazy.objective >= optimum, "case {case}: {} vs optimum {optimum}", lazy.objective);
            if optimum > 0 {
                ratio_sum += f64::from(lazy.objective) / f64::from(optimum);
                cases += 1;
            }
        }
        let mean = ratio_sum / f64::from(cases);
        assert!(mean > 0.9, "mean ratio to the optimum {mean}");
    }

    #[test]
    fn each_choice_says_why() {
        let t = |n| Track::new(n).unwrap();
        let actor = |side, track, level, decision_maker| Actor {
            tracks: TrackSet::of(&[t(track)]),
            primary_track: t(track),
            level,
            side: SideKey(side),
            decision_maker,
            risk: 1,
        };
        let map = Map {
            actors: vec![
                actor(0, 7, Level::MiddleRange, false),
                actor(1, 7, Level::MiddleRange, false),
                actor(9, 1, Level::Top, true),
            ],
            ties: vec![Tie {
                from: ActorIdx(1),
                to: ActorIdx(2),
                strength: 4,
                directed: true,
                valid_from: None,
                valid_until: None,
            }],
        };
        let request = SelectionRequest {
            candidates: vec![ActorIdx(0), ActorIdx(1), ActorIdx(2)],
            invitees: 2,
            sides: vec![SideKey(0), SideKey(1)],
            needed_tracks: vec![t(7)],
            needed_levels: vec![],
            max_individual_risk: 10,
            max_total_risk: 10,
        };
        let selection = select(&map.as_of(0), &request);
        assert_eq!(selection.chosen.iter().map(|c| c.actor).collect::<Vec<_>>(), vec![ActorIdx(1), ActorIdx(0)]);
        assert_eq!(
            selection.chosen[0].explanation(),
            "chosen because it brings track 7 for side 1; raises access to decision-maker #2 from 0 to 4"
        );
        assert_eq!(selection.chosen[1].explanation(), "chosen because it brings track 7 for side 0");
    }
}
