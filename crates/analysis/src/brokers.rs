//! Brokers: the actors who sit between others (betweenness centrality), and the actors with ties
//! across the conflict line. Track Two theory of change runs through such people.

use crate::graph::{ActorIdx, Snapshot, TieIdx};

/// How betweenness is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Betweenness {
    /// Sources of shortest paths to sample; the result is exact when it reaches the number of
    /// actors. Brandes' algorithm costs one breadth-first search per source.
    pub samples: usize,
    /// Seed of the sample, so that a result can be reproduced.
    pub seed: u64,
}

/// An actor with cross-line ties valid on the snapshot's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossLine {
    pub actor: ActorIdx,
    pub ties: Vec<TieIdx>,
}

/// Betweenness centrality of every actor (shortest paths by number of ties, directed ties
/// followed one way), normalised by the number of ordered pairs so maps of different sizes
/// compare. Brandes (2001); with sampling, the sampled sources' dependencies scaled by n / samples
/// (Brandes and Pich, 2007).
#[must_use]
pub fn betweenness(snapshot: &Snapshot<'_>, how: Betweenness) -> Vec<f64> {
    let n = snapshot.actor_count();
    if n < 3 {
        return vec![0.0; n];
    }
    let sources = sample(n, how);
    let scale = n as f64 / sources.len() as f64;
    // Sources are independent: split them over the cores, each with its own scratch space and
    // sums, and add the sums in a fixed order so the result does not depend on the split.
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(sources.len()).max(1);
    let chunk = sources.len().div_ceil(workers);
    let partials: Vec<Vec<f64>> = std::thread::scope(|scope| {
        let handles: Vec<_> =
            sources.chunks(chunk).map(|part| scope.spawn(move || dependencies_from(snapshot, part))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|_| vec![0.0; n])).collect()
    });
    let mut centrality = vec![0.0; n];
    for partial in &partials {
        for (c, p) in centrality.iter_mut().zip(partial) {
            *c += p;
        }
    }
    let pairs = ((n - 1) * (n - 2)) as f64;
    centrality.iter_mut().for_each(|c| *c *= scale / pairs);
    centrality
}

/// The summed dependencies of every actor on the shortest paths from `sources` (Brandes).
fn dependencies_from(snapshot: &Snapshot<'_>, sources: &[usize]) -> Vec<f64> {
    let n = snapshot.actor_count();
    let mut sums = vec![0.0f64; n];
    let mut sigma = vec![0.0f64; n];
    let mut distance = vec![u32::MAX; n];
    let mut delta = vec![0.0f64; n];
    // The breadth-first queue doubles as the order of discovery: nothing is ever removed from it.
    let mut order: Vec<u32> = Vec::with_capacity(n);
    for &s in sources {
        for &v in &order {
            let v = v as usize;
            sigma[v] = 0.0;
            distance[v] = u32::MAX;
            delta[v] = 0.0;
        }
        order.clear();
        sigma[s] = 1.0;
        distance[s] = 0;
        order.push(s as u32);
        let mut head = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            let next = distance[v] + 1;
            let paths = sigma[v];
            for edge in snapshot.out_edges(v as u32) {
                let w = edge.to as usize;
                if distance[w] == u32::MAX {
                    distance[w] = next;
                    order.push(edge.to);
                }
                if distance[w] == next {
                    sigma[w] += paths;
                }
            }
        }
        // Dependencies accumulate in reverse order of discovery; predecessors are the
        // neighbours one step nearer the source.
        for &w in order.iter().rev() {
            let w = w as usize;
            if w == s {
                continue; // the source has no predecessors and no dependency on itself
            }
            let share = (1.0 + delta[w]) / sigma[w];
            let before = distance[w].wrapping_sub(1);
            for &v in snapshot.in_edges_of(w as u32) {
                let v = v as usize;
                if distance[v] == before {
                    delta[v] += sigma[v] * share;
                }
            }
            sums[w] += delta[w];
        }
    }
    sums
}

/// Distinct sources: all actors, or a seeded sample of them (xorshift; no outside randomness).
fn sample(n: usize, how: Betweenness) -> Vec<usize> {
    if how.samples >= n {
        return (0..n).collect();
    }
    let mut state = how.seed | 1;
    let mut chosen = vec![false; n];
    let mut out = Vec::with_capacity(how.samples);
    while out.len() < how.samples.max(1) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let i = (state % n as u64) as usize;
        if !chosen[i] {
            chosen[i] = true;
            out.push(i);
        }
    }
    out
}

/// The `top` actors by betweenness, highest first (ties broken by index).
#[must_use]
pub fn top_brokers(snapshot: &Snapshot<'_>, how: Betweenness, top: usize) -> Vec<(ActorIdx, f64)> {
    let scores = betweenness(snapshot, how);
    let mut ranked: Vec<(ActorIdx, f64)> =
        scores.into_iter().enumerate().map(|(i, c)| (ActorIdx(u32::try_from(i).unwrap_or(u32::MAX)), c)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(top);
    ranked
}

/// Every actor with at least one valid tie to someone of another side (third parties are on
/// none), with those ties.
#[must_use]
pub fn cross_line(snapshot: &Snapshot<'_>) -> Vec<CrossLine> {
    let map = snapshot.map;
    let n = map.actors.len();
    let mut per_actor: Vec<Vec<TieIdx>> = vec![Vec::new(); n];
    for (i, tie) in map.ties.iter().enumerate() {
        let (from, to) = (tie.from.0 as usize, tie.to.0 as usize);
        if from < n
            && to < n
            && from != to
            && tie.valid_on(snapshot.day)
            && map.actors[from].side.crosses(map.actors[to].side)
        {
            let index = TieIdx(u32::try_from(i).unwrap_or(u32::MAX));
            per_actor[from].push(index);
            per_actor[to].push(index);
        }
    }
    per_actor
        .into_iter()
        .enumerate()
        .filter(|(_, ties)| !ties.is_empty())
        .map(|(i, ties)| CrossLine { actor: ActorIdx(u32::try_from(i).unwrap_or(u32::MAX)), ties })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Actor, Level, Map, SideKey, Tie, Track, TrackSet};

    fn actor(side: u32) -> Actor {
        let t = Track::new(2).unwrap();
        Actor {
            tracks: TrackSet::of(&[t]),
            primary_track: t,
            level: Level::MiddleRange,
            side: SideKey(side),
            decision_maker: false,
            risk: 0,
        }
    }

    fn tie(from: u32, to: u32) -> Tie {
        Tie {
            from: ActorIdx(from),
            to: ActorIdx(to),
            strength: 3,
            directed: false,
            valid_from: None,
            valid_until: None,
        }
    }

    /// Betweenness by definition: for every ordered pair, the share of shortest paths through v.
    fn by_definition(snapshot: &Snapshot<'_>) -> Vec<f64> {
        let n = snapshot.actor_count();
        let bfs = |s: usize| {
            let mut d = vec![u32::MAX; n];
            let mut count = vec![0.0f64; n];
            d[s] = 0;
            count[s] = 1.0;
            let mut q = std::collections::VecDeque::from([s]);
            while let Some(v) = q.pop_front() {
                for e in snapshot.out_edges(v as u32) {
                    let w = e.to as usize;
                    if d[w] == u32::MAX {
                        d[w] = d[v] + 1;
                        q.push_back(w);
                    }
                    if d[w] == d[v] + 1 {
                        count[w] += count[v];
                    }
                }
            }
            (d, count)
        };
        let all: Vec<_> = (0..n).map(bfs).collect();
        let mut c = vec![0.0; n];
        for s in 0..n {
            for t in 0..n {
                if s == t || all[s].0[t] == u32::MAX {
                    continue;
                }
                for v in 0..n {
                    if v != s
                        && v != t
                        && all[s].0[v] != u32::MAX
                        && all[v].0[t] != u32::MAX
                        && all[s].0[v] + all[v].0[t] == all[s].0[t]
                    {
                        c[v] += all[s].1[v] * all[v].1[t] / all[s].1[t];
                    }
                }
            }
        }
        let pairs = ((n - 1) * (n - 2)) as f64;
        c.iter().map(|x| x / pairs).collect()
    }

    #[test]
    fn exact_betweenness_matches_the_definition_on_random_maps() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for case in 0..100 {
            let n = 3 + (next() % 8) as u32;
            let ties = (0..n * 2)
                .filter_map(|_| {
                    let (a, b) = ((next() % u64::from(n)) as u32, (next() % u64::from(n)) as u32);
                    (a != b).then(|| Tie { directed: next().is_multiple_of(3), ..tie(a, b) })
                })
                .collect();
            let map = Map { actors: (0..n).map(|i| actor(i % 2)).collect(), ties };
            let s = map.as_of(0);
            let got = betweenness(&s, Betweenness { samples: usize::MAX, seed: 1 });
            for (v, (a, b)) in got.iter().zip(by_definition(&s)).enumerate() {
                assert!((a - b).abs() < 1e-9, "case {case}, actor {v}: {a} vs {b}");
            }
        }
    }

    #[test]
    fn the_bridge_between_two_sides_is_the_top_broker_and_crosses_the_line() {
        // Two cliques (sides 0 and 1) joined only through actor 3 (side 0) -- 4 (side 1).
        let mut ties = vec![];
        for (a, b) in [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3), (4, 5), (4, 6), (5, 6), (3, 4)] {
            ties.push(tie(a, b));
        }
        let map = Map { actors: (0..7).map(|i| actor(u32::from(i >= 4))).collect(), ties };
        let s = map.as_of(0);
        let top = top_brokers(&s, Betweenness { samples: 7, seed: 1 }, 2);
        assert_eq!([top[0].0, top[1].0], [ActorIdx(3), ActorIdx(4)]);
        let crossing = cross_line(&s);
        assert_eq!(
            crossing,
            vec![
                CrossLine { actor: ActorIdx(3), ties: vec![TieIdx(9)] },
                CrossLine { actor: ActorIdx(4), ties: vec![TieIdx(9)] },
            ]
        );
        // A sample of all but one source still ranks the bridge first.
        let sampled = top_brokers(&s, Betweenness { samples: 6, seed: 42 }, 1);
        assert!([ActorIdx(3), ActorIdx(4)].contains(&sampled[0].0));
    }
}
