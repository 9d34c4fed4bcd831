//! Comparing two versions clause by clause: which clauses were added, removed, moved or
//! reworded, and inside a reworded clause which words went and came. Clauses are matched by
//! their stable identifiers, so a clause that moved and changed is still the same clause.

use std::collections::{BTreeMap, BTreeSet};

use similar::{Algorithm, ChangeTag, DiffOp, capture_diff_slices};

use super::draft::{Clause, ClauseId, ClauseStanding, Draft, Figures, PartId};

/// A run of words in a reworded clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordChange {
    Same(String),
    Added(String),
    Removed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseChangeKind {
    Unchanged,
    Added,
    Removed,
    Reworded,
}

impl ClauseChangeKind {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ClauseChangeKind::Unchanged => "unchanged",
            ClauseChangeKind::Added => "added",
            ClauseChangeKind::Removed => "removed",
            ClauseChangeKind::Reworded => "reworded",
        }
    }
}

/// Where a clause sits: its part and its place among all clauses (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub part: PartId,
    pub position: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseComparison {
    pub clause: ClauseId,
    pub change: ClauseChangeKind,
    /// The clause changed its place relative to the clauses around it, or its part.
    pub moved: bool,
    pub from: Option<Place>,
    pub to: Option<Place>,
    pub standing_from: Option<ClauseStanding>,
    pub standing_to: Option<ClauseStanding>,
    /// The words of the clause, old and new interleaved: a reworded clause's changes word by
    /// word, an added clause's words all put in, a removed one's all taken out; empty when the
    /// words did not change.
    pub words: Vec<WordChange>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub from: Figures,
    pub to: Figures,
    /// In the order of the newer version, each removed clause after the clause it followed.
    pub clauses: Vec<ClauseComparison>,
    pub title_changed: bool,
    pub preamble: Vec<WordChange>,
}

impl Comparison {
    #[must_use]
    pub fn count(&self, kind: ClauseChangeKind) -> usize {
        self.clauses.iter().filter(|c| c.change == kind).count()
    }

    #[must_use]
    pub fn moved(&self) -> usize {
        self.clauses.iter().filter(|c| c.moved).count()
    }
}

fn places(draft: &Draft) -> BTreeMap<ClauseId, (Place, &Clause)> {
    let mut out = BTreeMap::new();
    let mut position = 0;
    for part in &draft.parts {
        for clause in &part.clauses {
            position += 1;
            out.insert(clause.id, (Place { part: part.id, position }, clause));
        }
    }
    out
}

fn order(draft: &Draft) -> Vec<ClauseId> {
    draft.clauses().map(|c| c.id).collect()
}

/// The text a reader compares: heading, words, and whether agreed ad referendum.
fn comparable(clause: &Clause) -> String {
    let mut out = String::new();
    if !clause.heading.is_empty() {
        out.push_str(&clause.heading);
        out.push('\n');
    }
    out.push_str(&clause.notation());
    out
}

/// Word-level changes between two texts, runs of the same kind joined. Each word carries the
/// spaces after it, which halves what the diff has to walk.
#[must_use]
pub fn word_changes(old: &str, new: &str) -> Vec<WordChange> {
    let old_words: Vec<&str> = old.split_inclusive(char::is_whitespace).collect();
    let new_words: Vec<&str> = new.split_inclusive(char::is_whitespace).collect();
    let mut out: Vec<WordChange> = Vec::new();
    let mut push = |tag: ChangeTag, words: &[&str]| {
        let run = match (tag, out.last_mut()) {
            (ChangeTag::Equal, Some(WordChange::Same(run)))
            | (ChangeTag::Insert, Some(WordChange::Added(run)))
            | (ChangeTag::Delete, Some(WordChange::Removed(run))) => run,
            (ChangeTag::Equal, _) => push_new(&mut out, WordChange::Same(String::new())),
            (ChangeTag::Insert, _) => push_new(&mut out, WordChange::Added(String::new())),
            (ChangeTag::Delete, _) => push_new(&mut out, WordChange::Removed(String::new())),
        };
        for word in words {
            run.push_str(word);
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &old_words, &new_words) {
        match op {
            DiffOp::Equal { old_index, len, .. } => push(ChangeTag::Equal, &old_words[old_index..old_index + len]),
            DiffOp::Delete { old_index, old_len, .. } => {
                push(ChangeTag::Delete, &old_words[old_index..old_index + old_len])
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                push(ChangeTag::Insert, &new_words[new_index..new_index + new_len])
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                push(ChangeTag::Delete, &old_words[old_index..old_index + old_len]);
                push(ChangeTag::Insert, &new_words[new_index..new_index + new_len]);
            }
        }
    }
    out
}

fn push_new(out: &mut Vec<WordChange>, change: WordChange) -> &mut String {
    out.push(change);
    match out.last_mut() {
        Some(WordChange::Same(run) | WordChange::Added(run) | WordChange::Removed(run)) => run,
        None => unreachable!("just pushed"),
    }
}

/// Compares version `from` with version `to`.
#[must_use]
pub fn compare(from: &Draft, to: &Draft) -> Comparison {
    let old = places(from);
    let new = places(to);
    let old_order = order(from);
    let new_order = order(to);

    // Clauses in both, in each version's order; those outside the longest common
    // subsequence moved relative to the rest. Identifiers are unique, so patience is exact.
    let common_old: Vec<ClauseId> = old_order.iter().copied().filter(|id| new.contains_key(id)).collect();
    let common_new: Vec<ClauseId> = new_order.iter().copied().filter(|id| old.contains_key(id)).collect();
    let mut in_place = BTreeSet::new();
    for op in capture_diff_slices(Algorithm::Patience, &common_old, &common_new) {
        if let DiffOp::Equal { old_index, len, .. } = op {
            in_place.extend(common_old[old_index..old_index + len].iter().copied());
        }
    }

    let mut clauses = Vec::with_capacity(new_order.len() + old_order.len());
    let entry = |id: ClauseId| -> ClauseComparison {
        let before = old.get(&id);
        let after = new.get(&id);
        let (change, words) = match (before, after) {
            (None, Some((_, b))) => (ClauseChangeKind::Added, vec![WordChange::Added(comparable(b))]),
            (Some((_, a)), None) => (ClauseChangeKind::Removed, vec![WordChange::Removed(comparable(a))]),
            (Some((_, a)), Some((_, b))) if a == b => (ClauseChangeKind::Unchanged, Vec::new()),
            (Some((_, a)), Some((_, b))) => (ClauseChangeKind::Reworded, word_changes(&comparable(a), &comparable(b))),
            (None, None) => unreachable!("every identifier compared comes from one of the versions"),
        };
        let moved = match (before, after) {
            (Some((pa, _)), Some((pb, _))) => !in_place.contains(&id) || pa.part != pb.part,
            _ => false,
        };
        ClauseComparison {
            clause: id,
            change,
            moved,
            from: before.map(|(p, _)| *p),
            to: after.map(|(p, _)| *p),
            standing_from: before.map(|(_, c)| c.standing()),
            standing_to: after.map(|(_, c)| c.standing()),
            words,
        }
    };
    // Removed clauses go after the nearest earlier clause of the old version that survives.
    let mut removed_after: BTreeMap<Option<ClauseId>, Vec<ClauseId>> = BTreeMap::new();
    let mut last_surviving = None;
    for id in &old_order {
        if new.contains_key(id) {
            last_surviving = Some(*id);
        } else {
            removed_after.entry(last_surviving).or_default().push(*id);
        }
    }
    for id in removed_after.remove(&None).unwrap_or_default() {
        clauses.push(entry(id));
    }
    for id in &new_order {
        clauses.push(entry(*id));
        for gone in removed_after.remove(&Some(*id)).unwrap_or_default() {
            clauses.push(entry(gone));
        }
    }
    // Survivors that were reordered can leave removed clauses keyed to them after they moved;
    // they still appear, at the end.
    for (_, rest) in removed_after {
        for id in rest {
            clauses.push(entry(id));
        }
    }

    Comparison {
        from: from.figures(),
        to: to.figures(),
        clauses,
        title_changed: from.title != to.title,
        preamble: if from.preamble == to.preamble { Vec::new() } else { word_changes(&from.preamble, &to.preamble) },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negotiating_text::draft::{Body, Part, parse_notation};
    use proptest::prelude::*;

    fn clause(id: u32, words: &str) -> Clause {
        Clause {
            id: ClauseId(id),
            heading: String::new(),
            body: Body::Text(parse_notation(words).unwrap()),
            ad_referendum: false,
            renders: None,
        }
    }

    fn draft(parts: Vec<Vec<Clause>>) -> Draft {
        Draft {
            title: "T".into(),
            preamble: String::new(),
            parts: parts
                .into_iter()
                .enumerate()
                .map(|(i, clauses)| Part { id: PartId(u32::try_from(i).unwrap() + 1), heading: String::new(), clauses })
                .collect(),
        }
    }

    #[test]
    fn added_removed_moved_and_reworded_are_told_apart() {
        let from = draft(vec![vec![
            clause(1, "One."),
            clause(2, "Two [shall] hold."),
            clause(3, "Three."),
            clause(4, "Four."),
        ]]);
        let to =
            draft(vec![vec![clause(3, "Three."), clause(1, "One."), clause(2, "Two shall hold."), clause(5, "Five.")]]);
        let c = compare(&from, &to);
        let kind = |id| c.clauses.iter().find(|x| x.clause == ClauseId(id)).unwrap();
        assert_eq!(kind(5).change, ClauseChangeKind::Added);
        assert_eq!(kind(4).change, ClauseChangeKind::Removed);
        assert_eq!(kind(2).change, ClauseChangeKind::Reworded);
        assert_eq!(kind(2).standing_from, Some(ClauseStanding::Bracketed));
        assert_eq!(kind(2).standing_to, Some(ClauseStanding::Clean));
        assert!(kind(2).words.contains(&WordChange::Removed("[shall] ".into())));
        assert!(kind(2).words.contains(&WordChange::Added("shall ".into())));
        assert_eq!(c.moved(), 1, "one clause moved; the other two kept their order");
        assert!(kind(3).moved);
        assert_eq!(c.clauses.len(), 5);
    }

    #[test]
    fn a_clause_moved_to_another_part_is_moved() {
        let from = draft(vec![vec![clause(1, "One."), clause(2, "Two.")], vec![clause(3, "Three.")]]);
        let to = draft(vec![vec![clause(1, "One.")], vec![clause(2, "Two."), clause(3, "Three.")]]);
        let c = compare(&from, &to);
        assert!(c.clauses.iter().find(|x| x.clause == ClauseId(2)).unwrap().moved);
        assert_eq!(c.count(ClauseChangeKind::Unchanged), 3);
    }

    fn words() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "the", "Parties", "shall", "[may]", "agree", "[to|on]", "meet", "each", "month.",
            ]),
            1..12,
        )
        .prop_map(|ws| ws.join(" "))
    }

    proptest! {
        /// Every clause of either version appears exactly once, and the kinds add up; the
        /// word changes of a reworded clause rebuild both its old and its new wording.
        #[test]
        fn a_comparison_accounts_for_every_clause(
            old in prop::collection::vec((1u32..30, words()), 0..15),
            new in prop::collection::vec((1u32..30, words()), 0..15),
        ) {
            let dedup = |v: Vec<(u32, String)>| {
                let mut seen = BTreeSet::new();
                v.into_iter().filter(|(id, _)| seen.insert(*id)).map(|(id, w)| clause(id, &w)).collect::<Vec<_>>()
            };
            let (a, b) = (draft(vec![dedup(old)]), draft(vec![dedup(new)]));
            let c = compare(&a, &b);
            let ids_a: BTreeSet<ClauseId> = a.clauses().map(|c| c.id).collect();
            let ids_b: BTreeSet<ClauseId> = b.clauses().map(|c| c.id).collect();
            let listed: Vec<ClauseId> = c.clauses.iter().map(|x| x.clause).collect();
            prop_assert_eq!(listed.len(), ids_a.union(&ids_b).count());
            prop_assert_eq!(listed.iter().copied().collect::<BTreeSet<_>>(), ids_a.union(&ids_b).copied().collect::<BTreeSet<_>>());
            prop_assert_eq!(c.count(ClauseChangeKind::Added), ids_b.difference(&ids_a).count());
            prop_assert_eq!(c.count(ClauseChangeKind::Removed), ids_a.difference(&ids_b).count());
            for x in &c.clauses {
                if x.change != ClauseChangeKind::Unchanged {
                    let old: String = x.words.iter().filter_map(|w| match w { WordChange::Same(s) | WordChange::Removed(s) => Some(s.as_str()), WordChange::Added(_) => None }).collect();
                    let new: String = x.words.iter().filter_map(|w| match w { WordChange::Same(s) | WordChange::Added(s) => Some(s.as_str()), WordChange::Removed(_) => None }).collect();
                    prop_assert_eq!(old, a.clause(x.clause).map(Clause::notation).unwrap_or_default());
                    prop_assert_eq!(new, b.clause(x.clause).map(Clause::notation).unwrap_or_default());
                }
            }
            // The newer version's order is kept.
            let in_new: Vec<ClauseId> = c.clauses.iter().filter(|x| x.to.is_some()).map(|x| x.clause).collect();
            prop_assert_eq!(in_new, b.clauses().map(|c| c.id).collect::<Vec<_>>());
        }
    }
}
