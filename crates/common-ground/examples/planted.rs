//! Runs the engine on the planted-partition model and prints its agreement with the planted
//! groups: `cargo run --release -p tracktwo-common-ground --example planted -- 100000 [k]`
//! (participants; optionally a forced number of groups).

use tracktwo_common_ground::{
    Options, PlantedPartition, StatementFlags, adjusted_rand_index, analyze, planted_partition,
};

fn main() {
    let mut args = std::env::args().skip(1);
    let participants = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let force_groups = args.next().and_then(|a| a.parse().ok());
    let synthetic =
        planted_partition(&PlantedPartition { participants, statements: 1000, ..PlantedPartition::default() })
            .expect("valid model");
    let flags = vec![StatementFlags::default(); 1000];
    let options = Options { force_groups, ..Options::default() };
    let mut last = std::time::Instant::now();
    let mut stage = None;
    let mut timings = Vec::new();
    let analysis = analyze(&synthetic.votes, &flags, &[], &options, &mut |next| {
        if let Some(previous) = stage.replace(next) {
            timings.push((previous, last.elapsed()));
        }
        last = std::time::Instant::now();
    })
    .expect("valid input");
    timings.extend(stage.map(|s| (s, last.elapsed())));
    println!("{timings:?}");
    let (ours, truth): (Vec<u32>, Vec<u8>) =
        analysis.participants.iter().zip(&synthetic.truth).filter_map(|(p, &t)| p.group.map(|g| (g, t))).unzip();
    println!(
        "participants {participants}: groups {:?}, silhouettes {:?}, ARI vs planted {:.4}",
        analysis.groups.iter().map(|g| g.size).collect::<Vec<_>>(),
        analysis.silhouettes,
        adjusted_rand_index(&ours, &truth)
    );
}
