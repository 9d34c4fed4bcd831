//! Export identifiers as the engine's dense indices.

use std::collections::HashMap;

/// Interns identifiers as dense indices, in order of first appearance. Small non-negative ids
/// (every Pol.is export) go through a table rather than a hash map: a million-participant
/// conversation is a hundred million look-ups. The table grows only as far as the ids seen
/// justify (a few slots per id), so one large id in a short file costs a hash-map entry, not a
/// table of gigabytes; ids beyond the table's reach go to the hash map.
#[derive(Default, Clone)]
pub(crate) struct Interner {
    table: Vec<u32>,
    others: HashMap<i64, u32>,
    ids: Vec<i64>,
}

const TABLE_LIMIT: i64 = 1 << 26;

/// Slots the table may hold before any id is seen, and per id seen.
const TABLE_START: usize = 1 << 12;
const SLOTS_PER_ID: usize = 8;

impl Interner {
    pub(crate) fn index(&mut self, id: i64) -> usize {
        if (0..TABLE_LIMIT).contains(&id) {
            let slot = id as usize;
            if slot >= self.table.len() && slot < self.table_reach() {
                self.table.resize((slot + 1).max(self.table.len() * 2).min(self.table_reach()), u32::MAX);
            }
            if let Some(&index) = self.table.get(slot) {
                if index != u32::MAX {
                    return index as usize;
                }
                // An id first seen beyond an earlier, shorter table lives in the hash map.
                if let Some(&index) = self.others.get(&id) {
                    return index as usize;
                }
                let index = self.ids.len() as u32;
                self.table[slot] = index;
                self.ids.push(id);
                return index as usize;
            }
        }
        let next = self.ids.len() as u32;
        let index = *self.others.entry(id).or_insert(next);
        if index == next {
            self.ids.push(id);
        }
        index as usize
    }

    /// How far the table may reach now: proportional to the ids seen.
    fn table_reach(&self) -> usize {
        (TABLE_START + SLOTS_PER_ID * self.ids.len()).min(TABLE_LIMIT as usize)
    }

    pub(crate) fn get(&self, id: i64) -> Option<usize> {
        if let Ok(slot) = usize::try_from(id)
            && let Some(&index) = self.table.get(slot)
            && index != u32::MAX
        {
            return Some(index as usize);
        }
        self.others.get(&id).map(|&i| i as usize)
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The identifiers, by index.
    pub(crate) fn into_ids(self) -> Vec<i64> {
        self.ids
    }
}

#[cfg(test)]
mod tests {
    use super::Interner;

    #[test]
    fn indices_follow_first_appearance_for_small_and_large_ids() {
        let mut interner = Interner::default();
        let ids = [5, -3, 5, 1 << 40, 0, -3, 1 << 40];
        let indices: Vec<usize> = ids.iter().map(|&id| interner.index(id)).collect();
        assert_eq!(indices, vec![0, 1, 0, 2, 3, 1, 2]);
        assert_eq!(interner.get(1 << 40), Some(2));
        assert_eq!(interner.get(4), None);
        assert_eq!(interner.get(1 << 30), None);
        assert_eq!(interner.into_ids(), vec![5, -3, 1 << 40, 0]);
    }

    #[test]
    fn one_large_id_costs_no_large_table() {
        // A votes.csv of one line with a comment id just under the table's limit once made the
        // table 256 MiB.
        let mut interner = Interner::default();
        assert_eq!(interner.index((1 << 26) - 1), 0);
        assert!(interner.table.len() <= super::TABLE_START, "{}", interner.table.len());
        // Ids that a grown table later covers keep the index they were given.
        let ids: Vec<i64> = (0..20_000).map(|n| n * 3).chain([9_000, 30_000, (1 << 26) - 1]).collect();
        let indices: Vec<usize> = ids.iter().map(|&id| interner.index(id)).collect();
        assert_eq!(indices[20_000..], [3_001, 10_001, 0]);
        assert!(interner.table.len() > 30_000);
        for (&id, &index) in ids.iter().zip(&indices) {
            assert_eq!(interner.get(id), Some(index), "{id}");
            assert_eq!(interner.index(id), index, "{id}");
        }
        assert_eq!(interner.len(), 20_001);
    }
}
