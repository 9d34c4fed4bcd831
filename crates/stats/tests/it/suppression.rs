//! No value computed from fewer than five people can be read out of a cell: not by `Display`,
//! `Debug` or serialisation, and the output of a suppressed cell is the same whatever it was
//! computed from.

use proptest::prelude::*;
use serde_json::json;
use tracktwo_stats::{
    Cell, Pair, SMALLEST_RELEASED_CELL, SUPPRESSED_TEXT, paired_change, release_partition, reliable_change,
    signed_rank_test,
};

const SUPPRESSED_DISPLAY: &str = "suppressed (fewer than 5 people)";

fn suppressed_json() -> serde_json::Value {
    json!({ "suppressed": SUPPRESSED_TEXT })
}

fn pairs(min: usize, max: usize) -> impl Strategy<Value = Vec<Pair>> {
    prop::collection::vec((-100.0..100.0f64, -100.0..100.0f64).prop_map(|(b, a)| Pair::new(b, a)), min..=max)
}

proptest! {
    #[test]
    fn a_value_from_fewer_than_five_people_cannot_be_read(people in 0..SMALLEST_RELEASED_CELL, value in any::<f64>(), text in "[a-z]{12}") {
        let number = Cell::of_people(people, value);
        prop_assert!(number.released().is_none());
        prop_assert_eq!(number.to_string(), SUPPRESSED_DISPLAY);
        prop_assert_eq!(serde_json::to_value(&number).unwrap(), suppressed_json());
        prop_assert_eq!(format!("{number:?}"), "Suppressed(Suppressed(fewer than 5 people))");

        let words = Cell::of_people(people, text.clone());
        prop_assert_eq!(words.to_string(), SUPPRESSED_DISPLAY);
        prop_assert!(!serde_json::to_string(&words).unwrap().contains(&text));
        let debug = format!("{words:?}");
        prop_assert!(!debug.contains(&text));
        // Nothing derived from it comes back either.
        prop_assert!(words.map(|t| t.len()).released().is_none());
        prop_assert_eq!(serde_json::to_value(Cell::count(people)).unwrap(), suppressed_json());
    }

    #[test]
    fn a_group_of_fewer_than_five_releases_none_of_its_figures(group in pairs(2, SMALLEST_RELEASED_CELL - 1)) {
        let change = Cell::release(paired_change(&group).unwrap());
        prop_assert!(change.is_suppressed());
        prop_assert_eq!(serde_json::to_value(&change).unwrap(), suppressed_json());
        prop_assert_eq!(format!("{change:?}"), "Suppressed(Suppressed(fewer than 5 people))");

        let changes = reliable_change(&group, 0.8, tracktwo_stats::ReferenceSpread::Published(10.0)).unwrap();
        for cell in changes.release_counts().values() {
            prop_assert_eq!(serde_json::to_value(cell).unwrap(), suppressed_json());
        }
    }

    #[test]
    fn the_signed_rank_test_of_fewer_than_five_is_suppressed(group in pairs(0, SMALLEST_RELEASED_CELL - 1)) {
        let outcome = signed_rank_test(&group).unwrap();
        if let tracktwo_stats::SignedRank::Tested(test) = &outcome {
            prop_assert!(false, "a test ran on {} pairs: {:?}", group.len(), test);
        }
        prop_assert_eq!(serde_json::to_value(outcome.release()).unwrap(), suppressed_json());
    }

    #[test]
    fn verdict_counts_never_show_a_small_cell_or_one_that_the_total_gives_away(
        counts in prop::collection::btree_map(0u8..6, 0usize..15, 1..6)
    ) {
        let released = release_partition(&counts);
        let mut shown_small = false;
        let mut suppressed = 0;
        for (key, cell) in &released {
            match cell.released() {
                Some(r) => {
                    prop_assert_eq!(*r.value(), counts[key]);
                    shown_small |= counts[key] < SMALLEST_RELEASED_CELL;
                }
                None => suppressed += 1,
            }
        }
        prop_assert!(!shown_small);
        // With the total known, one suppressed part among shown ones would be the total minus the rest.
        prop_assert!(suppressed != 1 || released.len() == 1, "{:?}", counts);
    }

    #[test]
    fn the_outward_signed_rank_result_carries_no_counts(group in pairs(SMALLEST_RELEASED_CELL, 20)) {
        let outcome = signed_rank_test(&group).unwrap();
        let json = serde_json::to_value(outcome.release()).unwrap();
        let text = json.to_string();
        prop_assert!(!text.contains("pairs") && !text.contains("changed_"), "{}", text);
        prop_assert!(json.get("released").is_some());
    }

    #[test]
    fn a_group_of_five_or_more_is_released_whole(group in pairs(SMALLEST_RELEASED_CELL, 30)) {
        let figures = paired_change(&group).unwrap();
        let cell = Cell::release(figures);
        let released = cell.released().expect("five or more people are released");
        prop_assert_eq!(released.people(), group.len());
        prop_assert_eq!(released.value(), &figures);
        let json = serde_json::to_value(&cell).unwrap();
        prop_assert_eq!(&json["released"]["people"], &json!(group.len()));
        prop_assert_eq!(&json["released"]["value"]["mean_change"], &json!(figures.mean_change));
    }
}

#[test]
fn five_is_the_threshold() {
    assert!(Cell::count(4).is_suppressed());
    assert_eq!(Cell::count(5).released().map(|r| *r.value()), Some(5));
    assert_eq!(Cell::of_people(5, 2.5).to_string(), "2.5");
    assert!(Cell::<u8>::withheld().is_suppressed());
}
