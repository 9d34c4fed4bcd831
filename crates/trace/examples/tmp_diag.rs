#[path = "../tests/support/mod.rs"]
mod support;
use std::collections::BTreeMap;
use support::{Shape, shaped_trials};
use tracktwo_trace::TraceResult;
fn main() {
    let results = shaped_trials(true, Shape::Consecutive, 2, 400, 1000 + 100 + 2);
    let mut hist: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    let mut probs = vec![];
    for t in &results {
        let (seen, ok) = match &t.result {
            TraceResult::Copy(f) => (f.sites_seen, f.copy == t.copy),
            TraceResult::FromReadout(u) => { probs.push((u.likeliest[0].1, u.likeliest[0].0 == t.copy, u.sites_seen, u.unmarked_original)); (u.sites_seen, false) }
            _ => (0, false),
        };
        let e = hist.entry(seen).or_default();
        e.0 += 1; if ok { e.1 += 1; }
    }
    for (k, (n, ok)) in hist { println!("sites {k}: {n} trials, {ok} right"); }
    probs.sort_by(|a, b| b.0.total_cmp(&a.0));
    for p in probs.iter().take(60) { println!("{:.3} right={} seen={} orig={:.3}", p.0, p.1, p.2, p.3); }
}
