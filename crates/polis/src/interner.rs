//! Export identifiers as the engine's dense indices.

use std::collections::HashMap;

/// Interns identifiers as dense indices, in order of first appearance. Small non-negative ids
/// (every Pol.is export) go through a table rather than a hash map: a million-participant
/// conversation is a hundred million look-ups.
#[derive(Default)]
pub(crate) struct Interner {
    table: Vec<u32>,
    others: HashMap<i64, u32>,
    ids: Vec<i64>,
}

const TABLE_LIMIT: i64 = 1 << 26;

impl Interner {
    pub(crate) fn index(&mut self, id: i64) -> usize {
        if (0..TABLE_LIMIT).contains(&id) {
            let slot = id as usize;
            if slot >= self.table.len() {
                self.table.resize((slot + 1).max(self.table.len() * 2), u32::MAX);
            }
            if self.table[slot] == u32::MAX {
                self.table[slot] = self.ids.len() as u32;
                self.ids.push(id);
            }
            return self.table[slot] as usize;
        }
        let next = self.ids.len() as u32;
        let index = *self.others.entry(id).or_insert(next);
        if index == next {
            self.ids.push(id);
        }
        index as usize
    }

    pub(crate) fn get(&self, id: i64) -> Option<usize> {
        if (0..TABLE_LIMIT).contains(&id) {
            return self.table.get(id as usize).filter(|&&i| i != u32::MAX).map(|&i| i as usize);
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
}
