//! The replayed history: following Pol.is' update schedule with the full analysis only at
//! geometrically spaced sizes gives the groups of the literal replay, which runs the full
//! analysis at every update.

use proptest::prelude::*;
use tracktwo_common_ground::{Analysis, Options, StatementFlags, Vote, adjusted_rand_index, analyze_history_at};

/// SplitMix64: a seeded stream for the test's draws.
struct Draws(u64);

impl Draws {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A conversation with clear groups, its votes in a shuffled order (participants arrive and vote
/// interleaved, as in a live conversation): each group has its own position on every statement,
/// and each participant votes on half or more of the statements, passing one time in ten and
/// against their group's position one time in twenty (so that no participant lies between
/// groups, where two clusterings may rightly differ).
fn shuffled_history(participants: usize, statements: usize, groups: usize, seed: u64) -> Vec<(usize, usize, Vote)> {
    let mut draws = Draws(seed);
    let positions: Vec<Vec<Vote>> = (0..groups)
        .map(|_| {
            (0..statements).map(|_| if draws.next().is_multiple_of(2) { Vote::Agree } else { Vote::Disagree }).collect()
        })
        .collect();
    let mut history: Vec<(u64, (usize, usize, Vote))> = Vec::new();
    for p in 0..participants {
        let group = (draws.next() % groups as u64) as usize;
        let share = 0.5 + 0.5 * draws.unit();
        for (s, &position) in positions[group].iter().enumerate() {
            if draws.unit() >= share {
                continue;
            }
            let roll = draws.unit();
            let vote = if roll < 0.1 {
                Vote::Pass
            } else if roll < 0.15 {
                if position == Vote::Agree { Vote::Disagree } else { Vote::Agree }
            } else {
                position
            };
            history.push((draws.next(), (p, s, vote)));
        }
    }
    history.sort_unstable_by_key(|&(key, t)| (key, t.0, t.1));
    history.into_iter().map(|(_, t)| t).collect()
}

fn replay(history: &[(usize, usize, Vote)], updates: &[usize], statements: usize, growth: f64) -> Analysis {
    let options = Options { history_refit_growth: growth, ..Options::default() };
    let flags = vec![StatementFlags::default(); statements];
    analyze_history_at(history, updates, &flags, &[], &options, &mut |_| {}, &mut |_, _| {}).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_geometric_replay_gives_the_groups_of_the_literal_one(
        participants in 60usize..240,
        statements in 24usize..48,
        groups in 2usize..4,
        seed in any::<u64>(),
        update_count in 1usize..120,
    ) {
        let history = shuffled_history(participants, statements, groups, seed);
        let updates: Vec<usize> = (1..=update_count).map(|u| history.len() * u / (update_count + 1)).collect();
        let literal = replay(&history, &updates, statements, 0.0);
        let geometric = replay(&history, &updates, statements, Options::default().history_refit_growth);
        // Who is clustered is followed exactly at every update.
        let clustered = |a: &Analysis| a.participants.iter().map(|p| p.in_conversation).collect::<Vec<_>>();
        prop_assert_eq!(clustered(&literal), clustered(&geometric));
        prop_assert_eq!(literal.groups.len(), geometric.groups.len());
        // Every participant who is clearly in a group is grouped alike: on a boundary, two
        // k-means started from different places may rightly differ.
        let clear = |p: &tracktwo_common_ground::Placement| {
            let mut distances: Vec<f64> =
                literal.groups.iter().map(|g| (g.centre[0] - p.x).hypot(g.centre[1] - p.y)).collect();
            distances.sort_by(f64::total_cmp);
            distances.len() < 2 || distances[0] <= 0.7 * distances[1]
        };
        let (left, right): (Vec<u32>, Vec<u32>) = literal
            .participants
            .iter()
            .zip(&geometric.participants)
            .filter(|(a, _)| clear(a))
            .filter_map(|(a, b)| Some((a.group?, b.group?)))
            .unzip();
        let grouped = literal.participants.iter().filter(|p| p.group.is_some()).count();
        prop_assert!(left.len() * 10 >= grouped * 9, "{} of {grouped} clearly grouped", left.len());
        prop_assert_eq!(adjusted_rand_index(&left, &right), 1.0);
    }
}

/// 20 participants who voted when there were only 3 statements, then 40 who voted on 10.
fn early_few_then_many_statements() -> Vec<(usize, usize, Vote)> {
    let mut history = Vec::new();
    for p in 0..20 {
        for s in 0..3 {
            history.push((p, s, if (p + s) % 2 == 0 { Vote::Agree } else { Vote::Disagree }));
        }
    }
    for p in 20..60 {
        for s in 0..10 {
            history.push((p, s, if p % 2 == 0 { Vote::Agree } else { Vote::Disagree }));
        }
    }
    history
}

#[test]
fn participants_clustered_between_full_analyses_stay_clustered() {
    // An update every 20 votes; with this growth only the first one runs the full analysis (after
    // 20 votes, when 7 participants have voted). The other 13 early participants are clustered
    // (3 votes of 3 statements) at updates without one, and must be kept once 10 statements
    // raise the threshold to 7.
    let history = early_few_then_many_statements();
    let updates: Vec<usize> = (1..23).map(|u| u * 20).collect();
    let sparse = replay(&history, &updates, 10, 1e6);
    assert!(sparse.participants[..20].iter().all(|p| p.in_conversation));
    let literal = replay(&history, &updates, 10, 0.0);
    assert!(literal.participants[..20].iter().all(|p| p.in_conversation));
    // Without the updates, the final votes alone leave them out.
    let final_only = replay(&history, &[], 10, 0.0);
    assert!(final_only.participants[..20].iter().all(|p| !p.in_conversation));
}
