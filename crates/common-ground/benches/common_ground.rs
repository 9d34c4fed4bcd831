//! Engine timings on the planted-partition model of the peer benchmark.
//!
//! `cargo bench -p tracktwo-common-ground` (sizes: 10k × 1k and 100k × 1k participants ×
//! statements). The side-by-side run with red-dwarf, including 1M × 1k and peak memory, is
//! `scripts/bench-common-ground`.

use divan::Bencher;
use tracktwo_common_ground::{
    LiveConversation, Options, PlantedPartition, StatementFlags, Vote, analyze, planted_partition,
};

fn main() {
    divan::main();
}

fn conversation(participants: usize) -> tracktwo_common_ground::Synthetic {
    planted_partition(&PlantedPartition { participants, statements: 1000, ..PlantedPartition::default() })
        .expect("valid model")
}

#[divan::bench(args = [10_000, 100_000], sample_count = 5)]
fn full_analysis(bencher: Bencher<'_, '_>, participants: usize) {
    let synthetic = conversation(participants);
    let flags = vec![StatementFlags::default(); 1000];
    bencher.bench(|| analyze(&synthetic.votes, &flags, &[], &Options::default(), &mut |_| {}).expect("valid input"));
}

#[divan::bench(args = [10_000, 100_000], sample_count = 200)]
fn incremental_vote(bencher: Bencher<'_, '_>, participants: usize) {
    let synthetic = conversation(participants);
    let flags = vec![StatementFlags::default(); 1000];
    let mut live = LiveConversation::new(synthetic.votes, flags, Vec::new(), Options::default()).expect("valid input");
    let mut state = 0x9e37_79b9_u64;
    bencher.bench_local(|| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let participant = (state >> 33) as usize % participants;
        let statement = (state >> 13) as usize % 1000;
        let vote = [Vote::Agree, Vote::Disagree, Vote::Pass][(state >> 7) as usize % 3];
        live.cast(participant, statement, vote).expect("valid vote");
    });
}
