//! Transfer paths: from participants to Track One decision-makers, the strongest chains of ties.
//!
//! A path is as strong as its weakest tie (the widest-path, or maximin, criterion); between
//! equally strong paths the shorter is better, since every hand-over loses something. Paths are
//! ranked by (bottleneck, descending; hops, ascending).

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashSet};

use crate::graph::{ActorIdx, Snapshot, TieIdx};

/// A chain of actors from a participant to a decision-maker, with the ties between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    pub actors: Vec<ActorIdx>,
    pub ties: Vec<TieIdx>,
    /// The weakest tie's strength.
    pub bottleneck: u8,
}

impl Path {
    fn rank(&self) -> (std::cmp::Reverse<u8>, usize) {
        (std::cmp::Reverse(self.bottleneck), self.ties.len())
    }
}

/// A search state in the widest-path phase.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Widest {
    bottleneck: u8,
    node: u32,
}

impl Ord for Widest {
    fn cmp(&self, other: &Self) -> Ordering {
        self.bottleneck.cmp(&other.bottleneck).then_with(|| other.node.cmp(&self.node))
    }
}

impl PartialOrd for Widest {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The best path from `sources` to a target, avoiding `banned_nodes` and `banned_edges` (tie
/// index, from-node), with every strength capped at `cap`: widest first, then fewest hops.
///
/// Two phases, because one label per node is not exact for that order (a narrower but shorter
/// prefix can win once a later tie is the bottleneck anyway): a maximin search finds the best
/// bottleneck `B`, then a breadth-first search over ties of strength at least `B` finds the
/// shortest such path.
fn search(
    snapshot: &Snapshot<'_>,
    sources: &[u32],
    is_target: &dyn Fn(u32) -> bool,
    banned_nodes: &HashSet<u32>,
    banned_edges: &HashSet<(u32, u32)>,
    cap: u8,
) -> Option<Path> {
    let n = snapshot.actor_count();
    let usable = |node: u32, edge: &crate::graph::Edge| {
        !banned_nodes.contains(&edge.to) && !banned_edges.contains(&(edge.tie, node))
    };
    let starts: Vec<u32> = sources.iter().copied().filter(|s| (*s as usize) < n && !banned_nodes.contains(s)).collect();

    // Phase 1: the widest bottleneck to any target.
    let mut best = vec![0u8; n];
    let mut heap = BinaryHeap::new();
    for &s in &starts {
        best[s as usize] = cap;
        heap.push(Widest { bottleneck: cap, node: s });
    }
    let mut widest = None;
    while let Some(Widest { bottleneck, node }) = heap.pop() {
        if bottleneck < best[node as usize] {
            continue;
        }
        if is_target(node) {
            widest = Some(bottleneck);
            break;
        }
        for edge in snapshot.out_edges(node) {
            let b = bottleneck.min(edge.strength.min(cap));
            if usable(node, edge) && b > best[edge.to as usize] {
                best[edge.to as usize] = b;
                heap.push(Widest { bottleneck: b, node: edge.to });
            }
        }
    }
    let widest = widest?;

    // Phase 2: the fewest hops using only ties at least that strong.
    let mut previous: Vec<Option<(u32, u32)>> = vec![None; n];
    let mut seen = vec![false; n];
    let mut queue = std::collections::VecDeque::new();
    for &s in &starts {
        seen[s as usize] = true;
        queue.push_back(s);
    }
    while let Some(node) = queue.pop_front() {
        if is_target(node) {
            let mut actors = vec![ActorIdx(node)];
            let mut ties = Vec::new();
            let mut at = node;
            while let Some((from, tie)) = previous[at as usize] {
                ties.push(TieIdx(tie));
                actors.push(ActorIdx(from));
                at = from;
            }
            actors.reverse();
            ties.reverse();
            return Some(Path { actors, ties, bottleneck: widest });
        }
        for edge in snapshot.out_edges(node) {
            if usable(node, edge) && edge.strength.min(cap) >= widest && !seen[edge.to as usize] {
                seen[edge.to as usize] = true;
                previous[edge.to as usize] = Some((node, edge.tie));
                queue.push_back(edge.to);
            }
        }
    }
    None
}

/// Decision-makers other than the people the paths start from.
fn targets<'s>(snapshot: &'s Snapshot<'_>, sources: &'s [u32]) -> impl Fn(u32) -> bool + 's {
    |node| !sources.contains(&node) && snapshot.map.actors.get(node as usize).is_some_and(|a| a.decision_maker)
}

/// The single strongest path from any of `from` to a Track One decision-maker not among them.
#[must_use]
pub fn widest_path(snapshot: &Snapshot<'_>, from: &[ActorIdx]) -> Option<Path> {
    let sources: Vec<u32> = from.iter().map(|a| a.0).collect();
    search(snapshot, &sources, &targets(snapshot, &sources), &HashSet::new(), &HashSet::new(), u8::MAX)
}

/// The `k` strongest loopless paths from any of `from` to any decision-maker not among `from`,
/// best first. A path ends at the first such decision-maker it reaches.
///
/// Yen's algorithm over the map with a virtual source joined to every actor in `from`: a spur at
/// that virtual source is a search from the sources no path found so far starts at. Each spur
/// search caps strengths at its root's bottleneck, so the ranking by bottleneck and then length
/// stays exact.
#[must_use]
pub fn k_widest_paths(snapshot: &Snapshot<'_>, from: &[ActorIdx], k: usize) -> Vec<Path> {
    let sources: Vec<u32> = from.iter().map(|a| a.0).collect();
    let is_target = targets(snapshot, &sources);
    let none = HashSet::new();
    let mut found: Vec<Path> = Vec::new();
    let mut candidates: Vec<Path> = Vec::new();
    let consider = |candidate: Path, found: &[Path], candidates: &mut Vec<Path>| {
        if !found.contains(&candidate) && !candidates.contains(&candidate) {
            candidates.push(candidate);
        }
    };
    if let Some(first) = search(snapshot, &sources, &is_target, &none, &HashSet::new(), u8::MAX) {
        candidates.push(first);
    }
    while found.len() < k && !candidates.is_empty() {
        candidates.sort_by_key(Path::rank);
        let last = candidates.remove(0);
        found.push(last.clone());
        if found.len() == k {
            break;
        }
        // Spur at the virtual source: start from a source no found path starts from.
        let unused: Vec<u32> = sources.iter().copied().filter(|s| !found.iter().any(|p| p.actors[0].0 == *s)).collect();
        if let Some(path) = search(snapshot, &unused, &is_target, &none, &HashSet::new(), u8::MAX) {
            consider(path, &found, &mut candidates);
        }
        // Spurs along the path just found.
        for spur_at in 0..last.actors.len() - 1 {
            let root_actors = &last.actors[..=spur_at];
            let root_ties = &last.ties[..spur_at];
            let spur = root_actors[spur_at].0;
            let root_bottleneck =
                root_ties.iter().map(|t| snapshot.map.ties[t.0 as usize].strength).min().unwrap_or(u8::MAX);
            let banned_edges: HashSet<(u32, u32)> = found
                .iter()
                // Two roots can pass the same actors by different (parallel) ties: compare both.
                .filter(|p| {
                    p.actors.len() > spur_at + 1
                        && p.actors[..=spur_at] == *root_actors
                        && p.ties[..spur_at] == *root_ties
                })
                .map(|p| (p.ties[spur_at].0, spur))
                .collect();
            let banned_nodes: HashSet<u32> = root_actors[..spur_at].iter().map(|a| a.0).collect();
            let Some(tail) = search(snapshot, &[spur], &is_target, &banned_nodes, &banned_edges, root_bottleneck)
            else {
                continue;
            };
            let mut actors = root_actors.to_vec();
            actors.extend_from_slice(&tail.actors[1..]);
            let mut ties = root_ties.to_vec();
            ties.extend_from_slice(&tail.ties);
            consider(Path { actors, ties, bottleneck: tail.bottleneck.min(root_bottleneck) }, &found, &mut candidates);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Actor, Level, Map, SideKey, Tie, Track, TrackSet};

    fn actor(decision_maker: bool) -> Actor {
        let t = Track::new(1).unwrap();
        Actor {
            tracks: TrackSet::of(&[t]),
            primary_track: t,
            level: Level::Top,
            side: SideKey(1),
            decision_maker,
            risk: 0,
        }
    }

    fn tie(from: u32, to: u32, strength: u8) -> Tie {
        Tie { from: ActorIdx(from), to: ActorIdx(to), strength, directed: false, valid_from: None, valid_until: None }
    }

    /// Every loopless path from `from` to a decision-maker, by brute force, ranked.
    fn all_paths(snapshot: &Snapshot<'_>, from: &[ActorIdx]) -> Vec<Path> {
        fn walk(s: &Snapshot<'_>, sources: &[ActorIdx], path: &mut Path, out: &mut Vec<Path>) {
            let at = path.actors.last().unwrap().0;
            if s.map.actors[at as usize].decision_maker && !path.ties.is_empty() && !sources.contains(&ActorIdx(at)) {
                out.push(path.clone());
                return;
            }
            for edge in s.out_edges(at) {
                if path.actors.contains(&ActorIdx(edge.to)) {
                    continue;
                }
                let saved = path.bottleneck;
                path.actors.push(ActorIdx(edge.to));
                path.ties.push(TieIdx(edge.tie));
                path.bottleneck = saved.min(edge.strength);
                walk(s, sources, path, out);
                path.actors.pop();
                path.ties.pop();
                path.bottleneck = saved;
            }
        }
        let mut out = Vec::new();
        for source in from {
            walk(snapshot, from, &mut Path { actors: vec![*source], ties: vec![], bottleneck: u8::MAX }, &mut out);
        }
        out.sort_by_key(Path::rank);
        out
    }

    #[test]
    fn the_widest_path_prefers_strength_then_brevity() {
        // 0 -5- 1 -5- 2 -5- 3(dm); 0 -2- 3 directly; 0 -5- 4 -5- 3.
        let map = Map {
            actors: vec![actor(false), actor(false), actor(false), actor(true), actor(false)],
            ties: vec![tie(0, 1, 5), tie(1, 2, 5), tie(2, 3, 5), tie(0, 3, 2), tie(0, 4, 5), tie(4, 3, 5)],
        };
        let s = map.as_of(0);
        let best = widest_path(&s, &[ActorIdx(0)]).unwrap();
        assert_eq!(best.actors, vec![ActorIdx(0), ActorIdx(4), ActorIdx(3)]);
        assert_eq!(best.ties, vec![TieIdx(4), TieIdx(5)]);
        assert_eq!(best.bottleneck, 5);
        let three = k_widest_paths(&s, &[ActorIdx(0)], 3);
        assert_eq!(
            three.iter().map(|p| (p.bottleneck, p.ties.len())).collect::<Vec<_>>(),
            vec![(5, 2), (5, 3), (2, 1)]
        );
    }

    #[test]
    fn k_best_paths_match_brute_force_on_random_small_maps() {
        // A small deterministic generator: the crate takes no randomness from outside.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for case in 0..200 {
            let n = 4 + (next() % 5) as u32;
            let actors = (0..n).map(|i| actor(i >= n - 2 && next().is_multiple_of(2) || i == n - 1)).collect();
            let ties = (0..n * 2)
                .filter_map(|_| {
                    let (a, b) = ((next() % u64::from(n)) as u32, (next() % u64::from(n)) as u32);
                    (a != b).then(|| Tie { directed: next().is_multiple_of(3), ..tie(a, b, 1 + (next() % 5) as u8) })
                })
                .collect();
            let map = Map { actors, ties };
            let s = map.as_of(0);
            let from = [ActorIdx(0), ActorIdx(1)];
            let truth = all_paths(&s, &from);
            for k in [1, 3, 6] {
                let got = k_widest_paths(&s, &from, k);
                assert_eq!(
                    got.len(),
                    truth.len().min(k),
                    "case {case}, k={k}
got {:?}
truth {:?}",
                    got.iter()
                        .map(|p| (
                            p.actors.iter().map(|a| a.0).collect::<Vec<_>>(),
                            p.ties.iter().map(|t| t.0).collect::<Vec<_>>(),
                            p.bottleneck
                        ))
                        .collect::<Vec<_>>(),
                    truth
                        .iter()
                        .map(|p| (
                            p.actors.iter().map(|a| a.0).collect::<Vec<_>>(),
                            p.ties.iter().map(|t| t.0).collect::<Vec<_>>(),
                            p.bottleneck
                        ))
                        .collect::<Vec<_>>()
                );
                let ranks: Vec<_> = got.iter().map(Path::rank).collect();
                let expected: Vec<_> = truth.iter().take(k).map(Path::rank).collect();
                assert_eq!(ranks, expected, "case {case}, k={k}");
                for path in &got {
                    assert!(truth.contains(path), "case {case}: {path:?} is not a loopless path");
                }
            }
        }
    }
}
