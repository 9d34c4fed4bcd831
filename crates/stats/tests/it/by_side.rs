//! Figures by side, and their release: no side under five, and no suppressed side that the
//! whole minus the others would give away.

use std::collections::BTreeMap;

use proptest::prelude::*;
use tracktwo_stats::{Pair, by_side, paired_change};

fn answers(sizes: &[(&'static str, usize)]) -> Vec<(&'static str, Pair)> {
    let mut out = Vec::new();
    for (side, size) in sizes {
        for i in 0..*size {
            let before = i as f64;
            out.push((*side, Pair::new(before, before + 1.0 + (i % 3) as f64)));
        }
    }
    out
}

#[test]
fn each_side_gets_the_same_figure_over_its_own_people() {
    let answers = answers(&[("north", 6), ("south", 7)]);
    let table = by_side(&answers, |pairs| paired_change(pairs).map(|c| c.mean_change));
    assert_eq!(table.all.people, 13);
    assert_eq!(table.sides["north"].people, 6);
    assert_eq!(table.sides["south"].people, 7);
    let north: Vec<Pair> = answers.iter().filter(|(s, _)| *s == "north").map(|(_, p)| *p).collect();
    assert_eq!(table.sides["north"].figures, paired_change(&north).map(|c| c.mean_change));
}

#[test]
fn one_small_side_takes_the_smallest_other_side_with_it() {
    let table = by_side(&answers(&[("north", 9), ("south", 3), ("west", 6)]), <[Pair]>::len).release();
    assert!(table.all.released().is_some());
    assert!(table.sides["south"].is_suppressed());
    assert!(table.sides["west"].is_suppressed(), "the whole minus north would give south away");
    assert_eq!(table.sides["north"].released().map(|r| *r.value()), Some(9));
}

#[test]
fn two_sides_with_one_small_leave_only_the_whole() {
    let table = by_side(&answers(&[("north", 9), ("south", 4)]), <[Pair]>::len).release();
    assert_eq!(table.all.released().map(|r| *r.value()), Some(13));
    assert!(table.sides.values().all(tracktwo_stats::Cell::is_suppressed));
}

proptest! {
    #[test]
    fn no_released_table_gives_a_small_side_away(sizes in prop::collection::vec(0usize..12, 1..5)) {
        let named: Vec<(&'static str, usize)> =
            ["a", "b", "c", "d"].into_iter().zip(sizes.iter().copied()).filter(|(_, n)| *n > 0).collect();
        let answers = answers(&named);
        let table = by_side(&answers, <[Pair]>::len).release();
        let sizes: BTreeMap<&str, usize> = named.iter().copied().collect();
        for (side, cell) in &table.sides {
            if let Some(released) = cell.released() {
                prop_assert!(sizes[side] >= 5);
                prop_assert_eq!(*released.value(), sizes[side]);
            }
        }
        let suppressed = table.sides.values().filter(|c| c.is_suppressed()).count();
        if table.all.released().is_some() && table.sides.len() > 1 {
            prop_assert!(suppressed != 1, "one suppressed side and the whole released: {:?}", sizes);
        }
        if answers.len() < 5 {
            prop_assert!(table.all.is_suppressed());
        }
    }
}
