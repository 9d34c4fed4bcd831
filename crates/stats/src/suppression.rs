//! Small-cell suppression: a figure computed from fewer than five people never leaves the
//! team.
//!
//! A [`Cell`] is the only form in which this crate's figures are meant to reach an output
//! that leaves the team (a funder report, an evaluation brief, an export). It is built only
//! through [`Cell::release`], [`Cell::of_people`] or [`Cell::count`], each of which checks the
//! number of people and, below [`SMALLEST_RELEASED_CELL`], drops the value on the spot: a
//! suppressed cell holds nothing to read, print or serialise, and its output is the same
//! bytes whatever it was computed from. A released cell can only be built here, so holding a
//! `Released<T>` is proof the check ran. There is no `Deserialize`: a cell cannot be forged
//! from input.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Serialize, Serializer};

/// The smallest group whose figures may leave the team.
pub const SMALLEST_RELEASED_CELL: usize = 5;

/// What a suppressed cell says in place of its figures.
pub const SUPPRESSED_TEXT: &str = "fewer than 5 people";

/// Figures that know how many people they were computed from.
pub trait CountsPeople {
    /// The number of distinct people behind the figure.
    fn people(&self) -> usize;
}

/// A figure as it may leave the team: released, with its number of people, or suppressed.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<T> {
    Released(Released<T>),
    Suppressed(Suppressed),
}

/// A figure computed from at least [`SMALLEST_RELEASED_CELL`] people. Only this module builds
/// one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Released<T> {
    people: usize,
    value: T,
}

impl<T> Released<T> {
    /// The number of people behind the figure (at least five).
    #[must_use]
    pub fn people(&self) -> usize {
        self.people
    }

    #[must_use]
    pub fn value(&self) -> &T {
        &self.value
    }

    #[must_use]
    pub fn into_value(self) -> T {
        self.value
    }
}

/// A cell withheld because fewer than five people are behind it, or to protect one that is.
/// It carries nothing: not the figure, not the number of people.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Suppressed {
    _nothing: (),
}

impl fmt::Debug for Suppressed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Suppressed({SUPPRESSED_TEXT})")
    }
}

impl<T: CountsPeople> Cell<T> {
    /// Releases a figure that counts its own people, or suppresses it.
    #[must_use]
    pub fn release(value: T) -> Self {
        let people = value.people();
        Self::of_people(people, value)
    }
}

impl<T> Cell<T> {
    /// Releases `value`, computed from `people` distinct people, when they are at least five;
    /// otherwise drops it.
    #[must_use]
    pub fn of_people(people: usize, value: T) -> Self {
        if people >= SMALLEST_RELEASED_CELL {
            Self::Released(Released { people, value })
        } else {
            Self::Suppressed(Suppressed { _nothing: () })
        }
    }

    /// A cell withheld whatever its size (secondary suppression: so that a suppressed cell
    /// cannot be worked out from its neighbours and their total).
    #[must_use]
    pub fn withheld() -> Self {
        Self::Suppressed(Suppressed { _nothing: () })
    }

    #[must_use]
    pub fn released(&self) -> Option<&Released<T>> {
        match self {
            Self::Released(released) => Some(released),
            Self::Suppressed(_) => None,
        }
    }

    #[must_use]
    pub fn is_suppressed(&self) -> bool {
        matches!(self, Self::Suppressed(_))
    }

    /// A figure derived from a released one concerns the same people, so it is released too.
    #[must_use]
    pub fn map<U>(self, derive: impl FnOnce(T) -> U) -> Cell<U> {
        match self {
            Self::Released(Released { people, value }) => Cell::Released(Released { people, value: derive(value) }),
            Self::Suppressed(suppressed) => Cell::Suppressed(suppressed),
        }
    }
}

impl Cell<usize> {
    /// A count of people (those who reliably rose, say), released only from five up.
    #[must_use]
    pub fn count(people: usize) -> Self {
        Self::of_people(people, people)
    }
}

impl<T: fmt::Display> fmt::Display for Cell<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Released(released) => released.value.fmt(f),
            Self::Suppressed(_) => write!(f, "suppressed ({SUPPRESSED_TEXT})"),
        }
    }
}

impl<T: Serialize> Serialize for Cell<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(rename_all = "snake_case")]
        enum Form<'a, T> {
            Released(&'a Released<T>),
            Suppressed(&'static str),
        }
        match self {
            Self::Released(released) => Form::Released(released),
            Self::Suppressed(_) => Form::Suppressed(SUPPRESSED_TEXT),
        }
        .serialize(serializer)
    }
}

/// Counts of people that together make up a group (by verdict, by side), released together:
/// each under five is suppressed, and where that suppresses exactly one, the smallest released
/// one is withheld too, so that the group's total minus the others does not give it away.
#[must_use]
pub fn release_partition<K: Ord + Clone>(counts: &BTreeMap<K, usize>) -> BTreeMap<K, Cell<usize>> {
    let withheld = secondary_withholding(counts);
    counts
        .iter()
        .map(|(key, &people)| {
            let cell = if withheld.as_ref() == Some(key) { Cell::withheld() } else { Cell::count(people) };
            (key.clone(), cell)
        })
        .collect()
}

/// The part a partition must also withhold: the smallest of those at or above the threshold
/// (ties by key), when exactly one part is under it and another is not.
pub(crate) fn secondary_withholding<K: Ord + Clone>(sizes: &BTreeMap<K, usize>) -> Option<K> {
    let small = sizes.values().filter(|&&people| people < SMALLEST_RELEASED_CELL).count();
    if small != 1 {
        return None;
    }
    sizes
        .iter()
        .filter(|(_, people)| **people >= SMALLEST_RELEASED_CELL)
        .min_by(|a, b| a.1.cmp(b.1).then_with(|| a.0.cmp(b.0)))
        .map(|(key, _)| key.clone())
}
