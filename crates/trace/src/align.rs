//! Locating a leaked passage in the readout and reading the choices it shows.
//!
//! The readout becomes a graph of normalised tokens: fixed tokens in a line, and at each slot a
//! fork with one branch per alternative (an empty alternative, such as a dropped comma, is an edge
//! past the fork). The passage is aligned to the best path through the graph with edit costs
//! (free start and end in the readout, the whole passage aligned), so a copy's own alternatives
//! cost nothing and a retyper's edits cost a little. A slot's choice is then read between the two
//! fixed tokens around it, where the alignment placed them: whatever the passage has there is
//! compared with each alternative, exactly, then with dashes folded together. When a neighbour was
//! dropped, a slot is still read if the passage matches one of its alternatives word for word.

use std::collections::BTreeMap;

use crate::ReadoutText;
use crate::sites::Site;
use crate::text::{TokenKind, loosen, normalized_tokens, tokenize};

struct Node {
    token: String,
    word: bool,
    preds: Vec<u32>,
    /// Index of the fixed element this node is, if it is one.
    fixed_element: Option<u32>,
}

enum Element {
    Fixed,
    Fork {
        site: usize,
        alternatives: Vec<Vec<String>>,
        /// The graph's nodes of each alternative, in order (none for an empty alternative).
        chains: Vec<Vec<u32>>,
    },
}

pub(crate) struct Template {
    nodes: Vec<Node>,
    elements: Vec<Element>,
}

/// What a passage shows at one site: the set of alternatives (a bit mask) its text is compatible with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Observation {
    pub site: usize,
    pub compatible: u64,
}

pub(crate) struct Reading {
    /// The alignment's edit cost over the cost of aligning nothing: 0 for a passage copied
    /// exactly, near 1 for text that is not from the readout.
    pub alignment_error: f64,
    pub observations: Vec<Observation>,
    /// Set, as (the passage's tokens, the most this readout can take), when the passage is too
    /// long to align: its table would pass [`ALIGNMENT_CELLS_MAX`].
    pub too_long: Option<(usize, usize)>,
}

/// The most cells the alignment table may have: two `u32` each, so 64 MiB. The table is the
/// readout's tokens times the passage's, so a long passage pasted against a long readout would
/// otherwise ask for gigabytes.
pub(crate) const ALIGNMENT_CELLS_MAX: usize = 1 << 23;

const DIAGONAL: u32 = 0;
const DELETE: u32 = 1;
const INSERT: u32 = 2;
const OP_SHIFT: u32 = 30;
const FROM_START: u32 = (1 << OP_SHIFT) - 1;
/// Sites whose forks meet with no fixed token between them are read together; past this many
/// combinations the run is skipped.
const MAX_COMBINATIONS: usize = 64;

fn indel(word: bool) -> u32 {
    if word { 2 } else { 1 }
}

fn substitution(a: &str, a_word: bool, b: &str, b_word: bool) -> u32 {
    if a == b {
        0
    } else if a_word && b_word {
        2
    } else if !a_word && !b_word {
        1
    } else {
        3
    }
}

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

impl Template {
    pub fn build(text: &ReadoutText, sites: &[Site]) -> Template {
        let mut slots: Vec<(usize, usize, usize, usize, &[String])> = Vec::new();
        for (s, site) in sites.iter().enumerate() {
            for slot in &site.slots {
                slots.push((slot.paragraph, slot.first_token, slot.last_token, s, &slot.forms));
            }
        }
        slots.sort_by_key(|&(p, first, ..)| (p, first));
        let mut template = Template { nodes: Vec::new(), elements: Vec::new() };
        let mut frontier: Vec<u32> = Vec::new();
        let mut next_slot = 0;
        for (p, paragraph) in text.paragraphs.iter().enumerate() {
            let tokens = tokenize(paragraph);
            let mut i = 0;
            while i < tokens.len() {
                if next_slot < slots.len() && slots[next_slot].0 == p && slots[next_slot].1 == i {
                    let (_, _, last, site, forms) = slots[next_slot];
                    next_slot += 1;
                    let alternatives: Vec<Vec<String>> = forms.iter().map(|f| normalized_tokens(f)).collect();
                    let (exits, chains) = template.fork(&frontier, &alternatives);
                    frontier = exits;
                    template.elements.push(Element::Fork { site, alternatives, chains });
                    i = last + 1;
                } else {
                    let element = template.elements.len() as u32;
                    template.elements.push(Element::Fixed);
                    let node = template.node(tokens[i].norm(), tokens[i].kind == TokenKind::Word, &frontier);
                    template.nodes[node as usize].fixed_element = Some(element);
                    frontier = vec![node];
                    i += 1;
                }
            }
        }
        template
    }

    fn node(&mut self, token: String, word: bool, preds: &[u32]) -> u32 {
        self.nodes.push(Node { token, word, preds: preds.to_vec(), fixed_element: None });
        (self.nodes.len() - 1) as u32
    }

    /// Adds a fork after `frontier`: its exits, and each alternative's chain of nodes.
    fn fork(&mut self, frontier: &[u32], alternatives: &[Vec<String>]) -> (Vec<u32>, Vec<Vec<u32>>) {
        let mut exits: Vec<u32> = Vec::new();
        let mut chains = Vec::with_capacity(alternatives.len());
        for alternative in alternatives {
            if alternative.is_empty() {
                exits.extend_from_slice(frontier);
                chains.push(Vec::new());
                continue;
            }
            let mut chain = Vec::with_capacity(alternative.len());
            let mut preds = frontier.to_vec();
            for token in alternative {
                let node = self.node(token.clone(), is_word(token), &preds);
                chain.push(node);
                preds = vec![node];
            }
            exits.extend(preds);
            chains.push(chain);
        }
        exits.sort_unstable();
        exits.dedup();
        (exits, chains)
    }

    /// Aligns `passage` and reads the sites it covers.
    pub fn read(&self, passage: &str) -> Reading {
        let leaked: Vec<(String, bool)> =
            tokenize(passage).iter().map(|t| (t.norm(), t.kind == TokenKind::Word)).collect();
        let m = leaked.len();
        let nothing: u32 = leaked.iter().map(|(_, w)| indel(*w)).sum();
        if m == 0 || self.nodes.is_empty() {
            return Reading { alignment_error: 1.0, observations: Vec::new(), too_long: None };
        }
        // A passage many times longer than the readout cannot come from it, and its alignment
        // table would be large: every token beyond the readout's is an insertion (cost 1 or more,
        // of at most 2 per token), which bounds the error from below.
        let longest_path = self.nodes.len();
        if m > 4 * longest_path {
            let lower_bound = (m - longest_path) as f64 / (2 * m) as f64;
            return Reading { alignment_error: lower_bound, observations: Vec::new(), too_long: None };
        }
        let width = m + 1;
        if self.nodes.len().saturating_mul(width) > ALIGNMENT_CELLS_MAX {
            let most = ALIGNMENT_CELLS_MAX / self.nodes.len() - 1;
            return Reading { alignment_error: 1.0, observations: Vec::new(), too_long: Some((m, most)) };
        }
        let mut start = vec![0u32; width];
        for j in 1..=m {
            start[j] = start[j - 1] + indel(leaked[j - 1].1);
        }
        let mut cost = vec![u32::MAX; self.nodes.len() * width];
        let mut back = vec![0u32; self.nodes.len() * width];
        for (v, node) in self.nodes.iter().enumerate() {
            let row = v * width;
            for j in 0..=m {
                let mut best = u32::MAX;
                let mut from = 0;
                if j > 0 {
                    let (token, word) = &leaked[j - 1];
                    let sub = substitution(&node.token, node.word, token, *word);
                    best = start[j - 1] + sub;
                    from = (DIAGONAL << OP_SHIFT) | FROM_START;
                    for (k, &u) in node.preds.iter().enumerate() {
                        let c = cost[u as usize * width + j - 1].saturating_add(sub);
                        if c < best {
                            best = c;
                            from = (DIAGONAL << OP_SHIFT) | k as u32;
                        }
                    }
                }
                for (k, &u) in node.preds.iter().enumerate() {
                    let c = cost[u as usize * width + j].saturating_add(indel(node.word));
                    if c < best {
                        best = c;
                        from = (DELETE << OP_SHIFT) | k as u32;
                    }
                }
                if j > 0 {
                    let c = cost[row + j - 1].saturating_add(indel(leaked[j - 1].1));
                    if c < best {
                        best = c;
                        from = INSERT << OP_SHIFT;
                    }
                }
                cost[row + j] = best;
                back[row + j] = from;
            }
        }
        let (end, best) = (0..self.nodes.len())
            .map(|v| (v, cost[v * width + m]))
            .min_by_key(|&(v, c)| (c, v))
            .expect("the template has nodes");
        let alignment_error = f64::from(best.min(nothing)) / f64::from(nothing.max(1));

        // Walk back: where the passage holds each fixed element it aligns with (matched or
        // substituted: either fixes a position), and which nodes it matches exactly.
        let mut anchored: BTreeMap<u32, usize> = BTreeMap::new();
        let mut matched: BTreeMap<u32, usize> = BTreeMap::new();
        let (mut v, mut j) = (end, m);
        loop {
            let step = back[v * width + j];
            let (op, k) = (step >> OP_SHIFT, step & FROM_START);
            match op {
                DIAGONAL => {
                    let node = &self.nodes[v];
                    if let Some(element) = node.fixed_element {
                        anchored.insert(element, j - 1);
                    }
                    if node.token == leaked[j - 1].0 {
                        matched.insert(v as u32, j - 1);
                    }
                    j -= 1;
                    if k == FROM_START {
                        break;
                    }
                    v = self.nodes[v].preds[k as usize] as usize;
                }
                DELETE => v = self.nodes[v].preds[k as usize] as usize,
                _ => j -= 1,
            }
        }
        let leaked_tokens: Vec<String> = leaked.into_iter().map(|(t, _)| t).collect();
        Reading { alignment_error, observations: self.observe(&anchored, &matched, &leaked_tokens), too_long: None }
    }

    fn observe(
        &self,
        anchored: &BTreeMap<u32, usize>,
        matched: &BTreeMap<u32, usize>,
        leaked: &[String],
    ) -> Vec<Observation> {
        let mut by_site: BTreeMap<usize, u64> = BTreeMap::new();
        let mut unread: Vec<usize> = Vec::new();
        let mut e = 0;
        while e < self.elements.len() {
            if !matches!(self.elements[e], Element::Fork { .. }) {
                e += 1;
                continue;
            }
            let run_start = e;
            while e < self.elements.len() && matches!(self.elements[e], Element::Fork { .. }) {
                e += 1;
            }
            let run_end = e; // exclusive; `e` is now the fixed element after the run, if any
            let anchors = (run_start > 0 && run_end < self.elements.len())
                .then(|| (anchored.get(&((run_start - 1) as u32)), anchored.get(&(run_end as u32))));
            let Some((Some(&before), Some(&after))) = anchors else {
                unread.extend(run_start..run_end);
                continue;
            };
            if after <= before {
                unread.extend(run_start..run_end);
                continue;
            }
            let shown = &leaked[before + 1..after];
            let forks: Vec<(usize, &[Vec<String>])> = self.elements[run_start..run_end]
                .iter()
                .map(|element| match element {
                    Element::Fork { site, alternatives, .. } => (*site, alternatives.as_slice()),
                    Element::Fixed => unreachable!("a run holds forks only"),
                })
                .collect();
            if let Some(masks) = read_run(&forks, shown) {
                for ((site, _), mask) in forks.iter().zip(masks) {
                    *by_site.entry(*site).or_insert(u64::MAX) &= mask;
                }
            }
        }
        // Without both neighbours placed, a fork is still read when the passage matches one of
        // its alternatives word for word along the alignment: a whole word or phrase is its own
        // evidence, where a lone comma or dash is not.
        for e in unread {
            let Element::Fork { site, alternatives, chains } = &self.elements[e] else { continue };
            for (chosen, chain) in chains.iter().enumerate() {
                let has_word = alternatives[chosen].iter().any(|t| is_word(t));
                let at: Option<Vec<usize>> = chain.iter().map(|node| matched.get(node).copied()).collect();
                let contiguous =
                    at.as_ref().is_some_and(|at| !at.is_empty() && at.windows(2).all(|w| w[1] == w[0] + 1));
                if has_word && contiguous {
                    let mask = alternatives
                        .iter()
                        .enumerate()
                        .filter(|(_, alternative)| **alternative == alternatives[chosen])
                        .fold(0u64, |mask, (a, _)| mask | 1 << a);
                    *by_site.entry(*site).or_insert(u64::MAX) &= mask;
                }
            }
        }
        by_site
            .into_iter()
            .filter(|&(_, compatible)| compatible != 0)
            .map(|(site, compatible)| Observation { site, compatible })
            .collect()
    }
}

/// For forks that follow one another, which alternatives of each the shown tokens fit: exactly if
/// any combination fits exactly, else with dashes folded; `None` if nothing fits.
fn read_run(forks: &[(usize, &[Vec<String>])], shown: &[String]) -> Option<Vec<u64>> {
    let combinations = forks.iter().try_fold(1usize, |acc, (_, alts)| acc.checked_mul(alts.len()))?;
    if combinations > MAX_COMBINATIONS {
        return None;
    }
    let loose_shown = loosen(shown);
    for loose in [false, true] {
        let mut masks = vec![0u64; forks.len()];
        let mut any = false;
        for combination in 0..combinations {
            let mut rest = combination;
            let mut chosen = Vec::with_capacity(forks.len());
            let mut tokens: Vec<String> = Vec::new();
            for (_, alts) in forks {
                let a = rest % alts.len();
                rest /= alts.len();
                chosen.push(a);
                tokens.extend(alts[a].iter().cloned());
            }
            let fits = if loose { loosen(&tokens) == loose_shown } else { tokens == shown };
            if fits {
                any = true;
                for (mask, a) in masks.iter_mut().zip(chosen) {
                    *mask |= 1 << a;
                }
            }
        }
        if any {
            return Some(masks);
        }
    }
    None
}
