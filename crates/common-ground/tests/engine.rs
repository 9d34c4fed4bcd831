//! The engine's promises, end to end: determinism (seed and thread count), live updates equal a
//! rebuild, moderation as Pol.is does it, declared sides, agreement with planted groups.

use proptest::prelude::*;
use tracktwo_common_ground::{
    Analysis, LiveConversation, Options, PlantedPartition, StatementFlags, Vote, VoteMatrix, VoteMatrixBuilder,
    adjusted_rand_index, analyze, analyze_history, analyze_history_at, planted_partition, polis_updates,
};

fn run(votes: &VoteMatrix, flags: &[StatementFlags], sides: &[Option<u32>], options: &Options) -> Analysis {
    analyze(votes, flags, sides, options, &mut |_| {}).unwrap()
}

fn planted(participants: usize, statements: usize, groups: usize, seed: u64) -> tracktwo_common_ground::Synthetic {
    planted_partition(&PlantedPartition { participants, statements, groups, seed, ..PlantedPartition::default() })
        .unwrap()
}

#[test]
fn same_seed_same_result_whatever_the_thread_count() {
    // More participants than one chunk of parallel work, so the split matters.
    let synthetic = planted(9000, 120, 4, 5);
    let flags = vec![StatementFlags::default(); 120];
    let options = Options { seed: 42, ..Options::default() };
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| format!("{:?}", run(&synthetic.votes, &flags, &[], &options)))
    };
    let one = on(1);
    assert_eq!(one, on(2));
    assert_eq!(one, on(3));
    assert_eq!(one, format!("{:?}", run(&synthetic.votes, &flags, &[], &options)));
}

#[test]
fn planted_groups_are_found() {
    // Each participant votes on 15 to 60 of 300 statements.
    let synthetic = planted(3000, 300, 3, 9);
    let analysis = run(&synthetic.votes, &vec![StatementFlags::default(); 300], &[], &Options::default());
    let (ours, truth): (Vec<u32>, Vec<u8>) =
        analysis.participants.iter().zip(&synthetic.truth).filter_map(|(p, &t)| p.group.map(|g| (g, t))).unzip();
    assert!(ours.len() > 2900, "clustered {}", ours.len());
    let ari = adjusted_rand_index(&ours, &truth);
    assert!(ari >= 0.9, "ARI {ari}");
    assert_eq!(analysis.groups.len(), 3);
}

#[test]
fn a_small_group_hidden_behind_larger_ones_on_the_map_is_still_found() {
    // The benchmark's model: groups of 40, 30, 20 and 10 %. On the map's two axes the 10 % group
    // lies over the others, and a silhouette measured there picks 3 groups; measured in four
    // principal dimensions, it picks the 4 planted.
    let synthetic = planted(10_000, 1000, 4, 20_240_611);
    let analysis = run(&synthetic.votes, &vec![StatementFlags::default(); 1000], &[], &Options::default());
    let silhouette = |k: usize| analysis.silhouettes.iter().find(|(tried, _)| *tried == k).map(|(_, s)| *s);
    assert_eq!(analysis.groups.len(), 4, "silhouettes {:?}", analysis.silhouettes);
    assert!(silhouette(4) > silhouette(3), "silhouettes {:?}", analysis.silhouettes);
    let (ours, truth): (Vec<u32>, Vec<u8>) =
        analysis.participants.iter().zip(&synthetic.truth).filter_map(|(p, &t)| p.group.map(|g| (g, t))).unzip();
    let ari = adjusted_rand_index(&ours, &truth);
    assert!(ari >= 0.93, "ARI {ari}");
}

#[test]
fn moderated_out_statements_count_as_passes_for_everyone_and_are_never_listed() {
    let synthetic = planted(400, 30, 2, 3);
    let moderated = 7;
    let mut flags = vec![StatementFlags::default(); 30];
    flags[moderated].moderated_out = true;
    let analysis = run(&synthetic.votes, &flags, &[], &Options::default());

    // Pol.is' rating matrix: the column holds a pass for every participant.
    let mut builder = VoteMatrixBuilder::new();
    for (p, s, v) in synthetic.votes.triples() {
        if s != moderated {
            builder.record(p, s, v).unwrap();
        }
    }
    for p in 0..synthetic.votes.participants() {
        builder.record(p, moderated, Vote::Pass).unwrap();
    }
    let as_passes = run(&builder.finish(), &[StatementFlags::default(); 30], &[], &Options::default());
    for (a, b) in analysis.participants.iter().zip(&as_passes.participants) {
        assert_eq!((a.x, a.y), (b.x, b.y));
    }
    // Its votes are kept and tallied, but it is on no list and has no loading.
    let result = &analysis.statements[moderated];
    assert_eq!(result.votes.seen as usize, (0..400).filter(|&p| synthetic.votes.vote(p, moderated).is_some()).count());
    assert_eq!(result.loadings, [0.0, 0.0]);
    let listed = analysis
        .groups
        .iter()
        .flat_map(|g| {
            g.representative.iter().map(|r| r.statement).chain(g.representative_controlled.iter().map(|r| r.statement))
        })
        .chain(analysis.consensus.agree.iter().copied())
        .chain(analysis.consensus.disagree.iter().copied())
        .chain(analysis.common_ground.across_groups.iter().copied());
    assert!(listed.into_iter().all(|s| s != moderated));
}

#[test]
fn common_ground_across_sides_needs_evidence_from_every_side() {
    // Two sides of 60. Statement 0: all agree. Statement 1: all of side 0 agree, side 1 splits.
    // Statement 2: only three people per side voted, all agreeing. Statements 3..: filler.
    let mut builder = VoteMatrixBuilder::new();
    let mut sides = Vec::new();
    for p in 0..120 {
        let side = (p / 60) as u32;
        sides.push(Some(side));
        builder.record(p, 0, Vote::Agree).unwrap();
        let split = if side == 0 || p % 2 == 0 { Vote::Agree } else { Vote::Disagree };
        builder.record(p, 1, split).unwrap();
        if p % 60 < 3 {
            builder.record(p, 2, Vote::Agree).unwrap();
        }
        for s in 3..12 {
            builder.record(p, s, if (p + s) % 3 == 0 { Vote::Agree } else { Vote::Disagree }).unwrap();
        }
    }
    let votes = builder.finish();
    let analysis = run(&votes, &[StatementFlags::default(); 12], &sides, &Options::default());
    assert_eq!(analysis.sides.iter().map(|s| s.size).collect::<Vec<_>>(), vec![60, 60]);
    assert_eq!(analysis.common_ground.across_sides[0], 0);
    let score = |s: usize| analysis.statements[s].side_common_ground.unwrap();
    assert!(score(0) > score(1) && score(0) > score(2));
    // Three of three agreeing on each side ranks below 60 of 60, though its shares are all 1.
    assert_eq!(analysis.statements[2].per_side[1].votes.agree, 3);
    assert!(score(2) < 0.5 && score(0) > 0.9, "{} {}", score(2), score(0));
    // Side 1's split is visible per side.
    assert_eq!(analysis.statements[1].per_side[1].votes.agree, 30);
}

#[test]
fn replaying_history_in_one_tick_is_the_plain_analysis() {
    let synthetic = planted(500, 40, 3, 4);
    let flags = vec![StatementFlags::default(); 40];
    let history: Vec<(usize, usize, Vote)> = synthetic.votes.triples().collect();
    let options = Options::default();
    let replayed = analyze_history(&history, &flags, &[], &options, 1, &mut |_| {}).unwrap();
    assert_eq!(replayed, run(&synthetic.votes, &flags, &[], &options));
}

/// 20 participants who voted when there were only 3 statements, then 40 who voted on 10: 460
/// votes in the order cast.
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
fn history_keeps_early_participants_clustered() {
    // Early on there are only 3 statements, so three votes are enough to be clustered; Pol.is
    // keeps those participants in once later statements raise the threshold to 7.
    let history = early_few_then_many_statements();
    let flags = vec![StatementFlags::default(); 10];
    // 23 steps of 20 votes: the third ends exactly when the first 20 participants are done.
    let replayed = analyze_history(&history, &flags, &[], &Options::default(), 23, &mut |_| {}).unwrap();
    assert!(replayed.participants[..20].iter().all(|p| p.in_conversation));
    let mut builder = VoteMatrixBuilder::new();
    for &(p, s, v) in &history {
        builder.record(p, s, v).unwrap();
    }
    let plain = run(&builder.finish(), &flags, &[], &Options::default());
    assert!(plain.participants[..20].iter().all(|p| !p.in_conversation));
}

#[test]
fn pol_is_updates_end_each_window_with_votes() {
    // Votes at 0.1 s, 0.2 s, 9.9 s (first 10 s window), 10.0 s (second), 35 s and 36 s (fourth;
    // the third had none).
    let times = [100, 200, 9_900, 10_000, 35_000, 36_000];
    assert_eq!(polis_updates(&times, 10_000, 100), vec![3, 4]);
    // With at most one update allowed, the window doubles until one boundary is left: at 20 s
    // the first four votes share a window. With none allowed, it doubles until all share one.
    assert_eq!(polis_updates(&times, 10_000, 1), vec![4]);
    assert_eq!(polis_updates(&times, 10_000, 0), Vec::<usize>::new());
    assert_eq!(polis_updates(&times, 1, 100), vec![1, 2, 3, 4, 5]);
    assert!(polis_updates(&[], 10_000, 10).is_empty());
}

#[test]
fn a_timed_replay_reports_each_update_and_matches_its_schedule() {
    let history = early_few_then_many_statements();
    let flags = vec![StatementFlags::default(); 10];
    let updates: Vec<usize> = (1..23).map(|tick| history.len() * tick / 23).collect();
    let mut reported = Vec::new();
    let timed = analyze_history_at(&history, &updates, &flags, &[], &Options::default(), &mut |_| {}, &mut |d, t| {
        reported.push((d, t))
    })
    .unwrap();
    assert_eq!(reported, (1..=22).map(|d| (d, 22)).collect::<Vec<_>>());
    // The same schedule as 23 equal ticks gives the same result.
    assert_eq!(timed, analyze_history(&history, &flags, &[], &Options::default(), 23, &mut |_| {}).unwrap());
    // Updates past the end are clamped, not an error.
    let past =
        analyze_history_at(&history, &[5, 1_000_000], &flags, &[], &Options::default(), &mut |_| {}, &mut |_, _| {});
    assert!(past.is_ok());
}

#[test]
fn bad_inputs_are_typed_errors() {
    let votes = VoteMatrix::new(3, 4);
    let error = analyze(&votes, &[StatementFlags::default(); 2], &[], &Options::default(), &mut |_| {}).unwrap_err();
    assert!(error.to_string().contains("statement flags has 2 entries but the votes have 4"), "{error}");
    let options = Options { false_discovery_rate: 2.0, ..Options::default() };
    assert!(analyze(&votes, &[StatementFlags::default(); 4], &[], &options, &mut |_| {}).is_err());
    // No votes at all is not an error: nobody is placed or clustered.
    let empty = run(&votes, &[StatementFlags::default(); 4], &[], &Options::default());
    assert!(empty.groups.is_empty() && empty.participants.iter().all(|p| p.group.is_none()));
}

#[derive(Debug, Clone)]
struct Cast {
    participant: usize,
    statement: usize,
    vote: Vote,
}

fn vote_strategy() -> impl Strategy<Value = Vote> {
    prop_oneof![Just(Vote::Agree), Just(Vote::Disagree), Just(Vote::Pass)]
}

fn cast_strategy(participants: usize, statements: usize) -> impl Strategy<Value = Cast> {
    // Slightly beyond the current sizes, so newcomers and new statements happen too.
    (0..participants + 3, 0..statements + 2, vote_strategy()).prop_map(|(participant, statement, vote)| Cast {
        participant,
        statement,
        vote,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn live_updates_equal_a_rebuild_and_recompute_equals_analyze(
        seed in 0u64..1000,
        casts in proptest::collection::vec(cast_strategy(60, 12), 1..60),
        moderated in proptest::option::of(0usize..12),
        with_sides in any::<bool>(),
    ) {
        let synthetic = planted(60, 12, 2, seed);
        let mut flags = vec![StatementFlags::default(); 12];
        if let Some(s) = moderated {
            flags[s].moderated_out = true;
        }
        let sides: Vec<Option<u32>> = if with_sides { (0..60).map(|p| Some((p % 3) as u32)).collect() } else { Vec::new() };
        let options = Options { seed, ..Options::default() };
        let mut live = LiveConversation::new(synthetic.votes.clone(), flags.clone(), sides.clone(), options.clone()).unwrap();
        let mut expected = synthetic.votes.clone();
        for cast in &casts {
            live.cast(cast.participant, cast.statement, cast.vote).unwrap();
            expected.set(cast.participant, cast.statement, cast.vote).unwrap();
        }
        // The store holds exactly the latest votes.
        prop_assert_eq!(live.votes(), &expected);
        let (drift, exact) = live.drift_from_rebuilt();
        prop_assert!(exact, "tallies or counts differ from a rebuild");
        prop_assert!(drift < 1e-9, "means or projections drift by {}", drift);

        // A full recompute is the batch analysis of the same votes.
        live.recompute();
        let mut all_flags = flags.clone();
        all_flags.resize(expected.statements(), StatementFlags::default());
        let mut all_sides = sides.clone();
        if !all_sides.is_empty() {
            all_sides.resize(expected.participants(), None);
        }
        let batch = analyze(&expected, &all_flags, &all_sides, &options, &mut |_| {}).unwrap();
        prop_assert_eq!(live.results(), batch);
    }
}

#[test]
fn moderating_a_live_statement_is_the_analysis_with_its_flag() {
    let synthetic = planted(300, 20, 2, 11);
    let flags = vec![StatementFlags::default(); 20];
    let options = Options { seed: 3, ..Options::default() };
    let mut live = LiveConversation::new(synthetic.votes.clone(), flags.clone(), Vec::new(), options.clone()).unwrap();
    let out = StatementFlags { moderated_out: true, meta: false };
    live.set_flags(4, out);
    let mut moderated = flags.clone();
    moderated[4] = out;
    assert_eq!(live.results(), run(&synthetic.votes, &moderated, &[], &options));
    assert_eq!(live.votes_since_recompute(), 0, "moderating recomputes");

    // A statement nobody has voted on yet takes its flags without a recompute, and they hold
    // from its first vote on.
    live.cast(0, 0, Vote::Agree).unwrap();
    live.set_flags(25, out);
    assert_eq!(live.votes_since_recompute(), 1);
    live.cast(1, 25, Vote::Agree).unwrap();
    live.recompute();
    let mut votes = synthetic.votes.clone();
    votes.set(0, 0, Vote::Agree).unwrap();
    votes.set(1, 25, Vote::Agree).unwrap();
    moderated.resize(26, StatementFlags::default());
    moderated[25] = out;
    assert_eq!(live.results(), run(&votes, &moderated, &[], &options));
}
