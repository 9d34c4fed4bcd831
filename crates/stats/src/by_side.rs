//! Figures by side: the same figure for the whole group and for each side's people, and its
//! release with the small-cell rule applied to every cell and to their sum.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::Pair;
use crate::suppression::{Cell, secondary_withholding};

/// A figure for a group of people, with their number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group<T> {
    pub people: usize,
    pub figures: T,
}

/// A figure for everyone and for each side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BySide<S: Ord, T> {
    pub all: Group<T>,
    pub sides: BTreeMap<S, Group<T>>,
}

/// Computes `figure` over every pair and over each side's pairs. Every answer must carry its
/// key: the sides partition the whole, which is what makes the release's secondary
/// suppression sound (use `Option<Side>` as the key for people of no side).
pub fn by_side<S: Ord + Clone, T>(answers: &[(S, Pair)], figure: impl Fn(&[Pair]) -> T) -> BySide<S, T> {
    let mut grouped: BTreeMap<S, Vec<Pair>> = BTreeMap::new();
    for (side, pair) in answers {
        grouped.entry(side.clone()).or_default().push(*pair);
    }
    let everyone: Vec<Pair> = answers.iter().map(|(_, pair)| *pair).collect();
    BySide {
        all: Group { people: everyone.len(), figures: figure(&everyone) },
        sides: grouped
            .into_iter()
            .map(|(side, pairs)| (side, Group { people: pairs.len(), figures: figure(&pairs) }))
            .collect(),
    }
}

/// The figures by side as they may leave the team.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReleasedBySide<S: Ord, T> {
    pub all: Cell<T>,
    pub sides: BTreeMap<S, Cell<T>>,
}

impl<S: Ord + Clone, T> BySide<S, T> {
    /// Each cell released only from five people up; and where that suppresses exactly one
    /// side while the whole is shown, the smallest other released side is withheld too, so
    /// that the suppressed side cannot be worked out as the whole minus the rest.
    #[must_use]
    pub fn release(self) -> ReleasedBySide<S, T> {
        let all = Cell::of_people(self.all.people, self.all.figures);
        let sizes: BTreeMap<S, usize> = self.sides.iter().map(|(side, group)| (side.clone(), group.people)).collect();
        // Only a whole that is shown lets the rest be subtracted from it.
        let withheld = if all.is_suppressed() { None } else { secondary_withholding(&sizes) };
        let sides = self
            .sides
            .into_iter()
            .map(|(side, group)| {
                let cell = if withheld.as_ref() == Some(&side) {
                    Cell::withheld()
                } else {
                    Cell::of_people(group.people, group.figures)
                };
                (side, cell)
            })
            .collect();
        ReleasedBySide { all, sides }
    }
}
