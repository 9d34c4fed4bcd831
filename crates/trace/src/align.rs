//! Locating the pieces of a leaked passage in the readout and reading the choices they show.
//!
//! The readout becomes a graph of normalised tokens: fixed tokens in a line, and at each slot a
//! fork with one branch per alternative (an empty alternative, such as a dropped comma, is an edge
//! past the fork). A leak rarely reappears as one clean block — excerpts from several places, in
//! another order, wrapped in a journalist's framing, cut by "…" — so the passage is matched
//! locally: the best-scoring alignment of any stretch of the passage with any path through the
//! graph (Smith–Waterman over the graph: exact tokens score, near-miss words score a little,
//! edits cost) is one *piece*; the passage on either side of it is searched again, and so on,
//! until nothing left scores [`PIECE_SCORE_FLOOR`]. A copy's own alternatives match exactly and a
//! retyper's edits cost a little; text that matches nothing is left over.
//!
//! A slot's choice is then read, piece by piece, between the two fixed tokens around it, where
//! the alignment placed them: whatever the passage has there is compared with each alternative,
//! exactly, then with dashes folded together, then allowing one slip in each word (a typo, a
//! letter OCR misread), which tells the forms apart when the slipped word is near one only. When a neighbour was dropped, a slot is still read
//! if the passage matches one of its alternatives word for word.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::ReadoutText;
use crate::sites::Site;
use crate::text::{Token, TokenKind, loosen, normalized_tokens, tokenize};

struct Node {
    /// The normalised token, as an index into the template's vocabulary.
    id: u32,
    word: bool,
    preds: Vec<u32>,
    /// Index of the fixed element this node is, if it is one.
    fixed_element: Option<u32>,
}

enum Element {
    Fixed {
        sentence: u32,
    },
    Fork {
        site: usize,
        alternatives: Vec<Vec<String>>,
        /// The graph's nodes of each alternative, in order (none for an empty alternative).
        chains: Vec<Vec<u32>>,
    },
}

/// A sentence of the readout: its paragraph, the nodes of its fixed tokens, and how many words it
/// has (variable sites' included).
struct Sentence {
    paragraph: usize,
    fixed: Vec<u32>,
    words: usize,
}

pub(crate) struct Template {
    nodes: Vec<Node>,
    elements: Vec<Element>,
    sentences: Vec<Sentence>,
    /// Every normalised token of the graph, numbered.
    vocabulary: HashMap<String, u32>,
}

/// What a passage shows at one site: the set of alternatives (a bit mask) its text is compatible with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Observation {
    pub site: usize,
    pub compatible: u64,
}

/// A stretch of the passage that matches a stretch of the readout.
#[derive(Clone, Debug)]
pub(crate) struct Piece {
    /// Where it is in the passage, in bytes.
    pub bytes: Range<usize>,
    /// The local alignment's score: exact tokens count, edits cost (see [`MATCH_WORD`]).
    pub score: i32,
    /// The passage's words in the piece.
    pub words: usize,
    /// The largest share of the fixed tokens of one sentence of the readout, of
    /// [`WHOLE_SENTENCE_WORDS`] words or more, that the piece matches exactly.
    pub sentence_share: f64,
    /// The readout's paragraph where the piece starts.
    pub paragraph: usize,
    pub observations: Vec<Observation>,
}

pub(crate) struct Reading {
    /// The pieces found, in the passage's order, chance matches included: the caller judges them.
    pub pieces: Vec<Piece>,
    /// Set, as (the passage's tokens, the most this readout can take), when the passage is too
    /// long to align: its table would pass [`ALIGNMENT_CELLS_MAX`].
    pub too_long: Option<(usize, usize)>,
}

struct LocalAlignment {
    score: i32,
    /// The passage's first and last tokens in the alignment.
    first: usize,
    last: usize,
    anchored: BTreeMap<u32, usize>,
    matched: BTreeMap<u32, usize>,
}

/// The most cells one alignment table may have: an `i32` and a `u32` each, so 64 MiB. The table
/// is the readout's tokens times the passage's, so a long passage pasted against a long readout
/// would otherwise ask for gigabytes.
pub(crate) const ALIGNMENT_CELLS_MAX: usize = 1 << 23;

/// The most cells all the alignments of one passage may fill together: each piece found sends the
/// rest of the passage round again, so a passage of many small pieces costs several tables.
const ALIGNMENT_WORK_MAX: usize = 4 * ALIGNMENT_CELLS_MAX;

/// The most distinct unknown words of one passage looked up for near misses: each is compared with
/// every word of the readout, and a leak has far fewer; a pasted book gets no typo tolerance.
const NEAR_LOOKUPS_MAX: usize = 4096;

/// The most pieces one passage is cut into.
const PIECES_MAX: usize = 48;

/// Scores of the local alignment. A word matched exactly scores [`MATCH_WORD`], a mark
/// [`MATCH_MARK`]; a word one letter off (a typo, a misread letter) scores [`NEAR_WORD`]; a
/// word substituted, inserted or dropped costs as much as a match earns, so a stretch of
/// unrelated words never pays for itself, and a mark costs what a mark earns.
pub(crate) const MATCH_WORD: i32 = 3;
const MATCH_MARK: i32 = 1;
const NEAR_WORD: i32 = 1;
const SUBSTITUTE_WORD: i32 = -3;
const SUBSTITUTE_MARK: i32 = -1;
const SUBSTITUTE_MIXED: i32 = -3;

/// A piece scoring less than this is not kept at all: it scores less than a sentence of
/// [`WHOLE_SENTENCE_WORDS`] words with one of them changed, let alone a verbatim one.
pub(crate) const PIECE_SCORE_FLOOR: i32 = (WHOLE_SENTENCE_WORDS as i32 - 1) * MATCH_WORD + MATCH_MARK + SUBSTITUTE_WORD;

/// A sentence this long or longer, matched for the most part ([`crate::WHOLE_SENTENCE_SHARE`]), is
/// evidence on its own that the passage quotes the readout: chance does not reproduce most of a
/// sentence.
pub(crate) const WHOLE_SENTENCE_WORDS: usize = 5;

const NONE: u32 = u32::MAX;
const DIAGONAL: u32 = 0;
const DELETE: u32 = 1;
const INSERT: u32 = 2;
const OP_SHIFT: u32 = 30;
const FROM_START: u32 = (1 << OP_SHIFT) - 1;
/// Sites whose forks meet with no fixed token between them are read together; past this many
/// combinations the run is skipped.
const MAX_COMBINATIONS: usize = 64;

/// What inserting or dropping a token costs.
fn indel(word: bool) -> i32 {
    if word { 3 } else { 1 }
}

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// Whether two different words are one slip apart: one letter dropped, added, changed, or two
/// neighbours swapped (two slips in long words). Short words are too easily confused to count.
fn near(a: &[char], b: &[char]) -> bool {
    within_slips(a, b, if a.len().min(b.len()) >= 9 { 2 } else { 1 })
}

/// Whether two words of four letters or more are at most `allowed` slips apart.
fn within_slips(a: &[char], b: &[char], allowed: usize) -> bool {
    if a.len().min(b.len()) < 4 || a.len().abs_diff(b.len()) > allowed {
        return false;
    }
    // Optimal string alignment distance, with three rows.
    let mut before = vec![0usize; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before[j - 2] + 1);
            }
        }
        if current.iter().min().is_some_and(|&least| least > allowed) {
            return false;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()] <= allowed
}

/// The passage's tokens as the alignment reads them.
struct Leaked {
    norms: Vec<String>,
    words: Vec<bool>,
    /// The vocabulary's number of each token (`u32::MAX` for a token the readout never has).
    ids: Vec<u32>,
    /// For each word the readout never has, the vocabulary's words one slip away from it, sorted.
    near: Vec<Vec<u32>>,
}

impl Leaked {
    fn new(tokens: &[Token<'_>], template: &Template) -> Self {
        let norms: Vec<String> = tokens.iter().map(Token::norm).collect();
        let words: Vec<bool> = tokens.iter().map(Token::is_word).collect();
        let ids = norms.iter().map(|n| template.vocabulary.get(n).copied().unwrap_or(NONE)).collect();
        // Only a word the readout never has can be a slip for one it has.
        let known: Vec<(u32, Vec<char>)> = template
            .vocabulary
            .iter()
            .filter(|(word, _)| is_word(word))
            .map(|(word, &id)| (id, word.chars().collect()))
            .collect();
        let mut near_of: HashMap<&str, Vec<u32>> = HashMap::new();
        let mut lookups = 0;
        let near = norms
            .iter()
            .zip(&words)
            .zip(&ids)
            .map(|((norm, &word), &id)| {
                if !word || id != NONE {
                    return Vec::new();
                }
                if !near_of.contains_key(norm.as_str()) {
                    if lookups >= NEAR_LOOKUPS_MAX {
                        return Vec::new();
                    }
                    lookups += 1;
                }
                near_of
                    .entry(norm.as_str())
                    .or_insert_with(|| {
                        let letters: Vec<char> = norm.chars().collect();
                        let mut found: Vec<u32> =
                            known.iter().filter(|(_, other)| near(other, &letters)).map(|(id, _)| *id).collect();
                        found.sort_unstable();
                        found
                    })
                    .clone()
            })
            .collect();
        Leaked { norms, words, ids, near }
    }

    fn pair_score(&self, node: &Node, at: usize) -> i32 {
        let word = self.words[at];
        if node.id == self.ids[at] {
            if word { MATCH_WORD } else { MATCH_MARK }
        } else if node.word && word {
            if self.near[at].binary_search(&node.id).is_ok() { NEAR_WORD } else { SUBSTITUTE_WORD }
        } else if !node.word && !word {
            SUBSTITUTE_MARK
        } else {
            SUBSTITUTE_MIXED
        }
    }
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
        let mut template =
            Template { nodes: Vec::new(), elements: Vec::new(), sentences: Vec::new(), vocabulary: HashMap::new() };
        let mut frontier: Vec<u32> = Vec::new();
        let mut next_slot = 0;
        for (p, paragraph) in text.paragraphs.iter().enumerate() {
            let tokens = tokenize(paragraph);
            let first_sentence = template.sentences.len();
            let sentences = tokens.last().map_or(0, |t| t.sentence + 1);
            template.sentences.extend((0..sentences).map(|_| Sentence { paragraph: p, fixed: Vec::new(), words: 0 }));
            for token in tokens.iter().filter(|t| t.is_word()) {
                template.sentences[first_sentence + token.sentence].words += 1;
            }
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
                    let sentence = first_sentence + tokens[i].sentence;
                    template.elements.push(Element::Fixed { sentence: sentence as u32 });
                    let word = tokens[i].kind == TokenKind::Word;
                    let node = template.node(tokens[i].norm(), word, &frontier);
                    template.nodes[node as usize].fixed_element = Some(element);
                    template.sentences[sentence].fixed.push(node);
                    frontier = vec![node];
                    i += 1;
                }
            }
        }
        template
    }

    fn node(&mut self, token: String, word: bool, preds: &[u32]) -> u32 {
        let next = self.vocabulary.len() as u32;
        let id = *self.vocabulary.entry(token).or_insert(next);
        self.nodes.push(Node { id, word, preds: preds.to_vec(), fixed_element: None });
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

    /// Finds the pieces of `passage` that match the readout, each wherever it sits, and reads the
    /// sites each covers.
    pub fn read(&self, passage: &str) -> Reading {
        let tokens = tokenize(passage);
        let m = tokens.len();
        if m == 0 || self.nodes.is_empty() {
            return Reading { pieces: Vec::new(), too_long: None };
        }
        if self.nodes.len().saturating_mul(m + 1) > ALIGNMENT_CELLS_MAX {
            let most = ALIGNMENT_CELLS_MAX / self.nodes.len() - 1;
            return Reading { pieces: Vec::new(), too_long: Some((m, most)) };
        }
        let leaked = Leaked::new(&tokens, self);
        let mut pieces = Vec::new();
        let mut segments = vec![(0, m)];
        let mut work = ALIGNMENT_WORK_MAX;
        while let Some((lo, hi)) = segments.pop() {
            let cells = self.nodes.len() * (hi - lo + 1);
            if hi - lo < 2 || pieces.len() >= PIECES_MAX || cells > work {
                continue;
            }
            work -= cells;
            let Some(found) = self.best_local(&leaked, lo, hi) else { continue };
            if found.score < PIECE_SCORE_FLOOR {
                continue;
            }
            let (first, last) = (found.first, found.last);
            pieces.push(self.piece(found, &tokens, &leaked.norms));
            segments.push((lo, first));
            segments.push((last + 1, hi));
        }
        pieces.sort_by_key(|piece| piece.bytes.start);
        Reading { pieces, too_long: None }
    }

    /// The best local alignment of `lo..hi` of the passage with any stretch of the graph: the
    /// highest-scoring pair of stretches (Smith–Waterman over the graph), `None` if no token
    /// matches.
    fn best_local(&self, leaked: &Leaked, lo: usize, hi: usize) -> Option<LocalAlignment> {
        let width = hi - lo + 1;
        let mut score = vec![0i32; self.nodes.len() * width];
        let mut back = vec![NONE; self.nodes.len() * width];
        let mut top = (0i32, 0usize, 0usize);
        for (v, node) in self.nodes.iter().enumerate() {
            let row = v * width;
            for j in 1..width {
                let at = lo + j - 1;
                let pair = leaked.pair_score(node, at);
                let mut best = 0;
                let mut from = NONE;
                if pair > best {
                    best = pair;
                    from = (DIAGONAL << OP_SHIFT) | FROM_START;
                }
                for (k, &u) in node.preds.iter().enumerate() {
                    let before = score[u as usize * width + j - 1];
                    if before > 0 && before + pair > best {
                        best = before + pair;
                        from = (DIAGONAL << OP_SHIFT) | k as u32;
                    }
                    let above = score[u as usize * width + j];
                    if above > 0 && above - indel(node.word) > best {
                        best = above - indel(node.word);
                        from = (DELETE << OP_SHIFT) | k as u32;
                    }
                }
                let left = score[row + j - 1];
                if left > 0 && left - indel(leaked.words[at]) > best {
                    best = left - indel(leaked.words[at]);
                    from = INSERT << OP_SHIFT;
                }
                score[row + j] = best;
                back[row + j] = from;
                if best > top.0 {
                    top = (best, v, j);
                }
            }
        }
        let (best, mut v, mut j) = top;
        if best == 0 {
            return None;
        }
        // Walk back: where the passage holds each fixed element it aligns with (matched or
        // substituted: either fixes a position), and which nodes it matches exactly.
        let mut anchored: BTreeMap<u32, usize> = BTreeMap::new();
        let mut matched: BTreeMap<u32, usize> = BTreeMap::new();
        let last = lo + j - 1;
        loop {
            let step = back[v * width + j];
            let (op, k) = (step >> OP_SHIFT, step & FROM_START);
            match op {
                DIAGONAL => {
                    let node = &self.nodes[v];
                    let at = lo + j - 1;
                    if let Some(element) = node.fixed_element {
                        anchored.insert(element, at);
                    }
                    if node.id == leaked.ids[at] {
                        matched.insert(v as u32, at);
                    }
                    j -= 1;
                    if k == FROM_START {
                        break;
                    }
                    v = node.preds[k as usize] as usize;
                }
                DELETE => v = self.nodes[v].preds[k as usize] as usize,
                _ => j -= 1,
            }
        }
        Some(LocalAlignment { score: best, first: lo + j, last, anchored, matched })
    }

    fn piece(&self, found: LocalAlignment, tokens: &[Token<'_>], norms: &[String]) -> Piece {
        let sentence_share = self
            .sentences
            .iter()
            .filter(|sentence| sentence.words >= WHOLE_SENTENCE_WORDS && !sentence.fixed.is_empty())
            .map(|sentence| {
                let exact = sentence.fixed.iter().filter(|node| found.matched.contains_key(node)).count();
                exact as f64 / sentence.fixed.len() as f64
            })
            .fold(0.0, f64::max);
        let paragraph = found
            .anchored
            .keys()
            .find_map(|&e| match self.elements[e as usize] {
                Element::Fixed { sentence } => Some(self.sentences[sentence as usize].paragraph),
                Element::Fork { .. } => None,
            })
            .unwrap_or(0);
        Piece {
            bytes: tokens[found.first].start..tokens[found.last].end,
            score: found.score,
            words: (found.first..=found.last).filter(|&t| tokens[t].is_word()).count(),
            sentence_share,
            paragraph,
            observations: self.observe(&found.anchored, &found.matched, norms),
        }
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
                    Element::Fixed { .. } => unreachable!("a run holds forks only"),
                })
                .collect();
            match read_run(&forks, shown) {
                Some(masks) => {
                    for ((site, _), mask) in forks.iter().zip(masks) {
                        *by_site.entry(*site).or_insert(u64::MAX) &= mask;
                    }
                }
                // Something else stands between the neighbours too: a "…" before a sentence's
                // opening word, a comma added.
                None => unread.extend(run_start..run_end),
            }
        }
        // Without both neighbours placed, or with more between them, a fork is still read when the passage matches one of
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

/// How closely the shown tokens must fit an alternative.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fit {
    Exact,
    /// Every dash is one dash.
    DashesFolded,
    /// Dashes folded, and a word one slip from the alternative's (a typo, a letter OCR misread)
    /// counts as that word. A single slip keeps a word within one of its own form, so when only
    /// one alternative fits this way it is the one the passage showed.
    Slipped,
}

/// Whether `tokens` (an alternative's) and `shown` are the same words up to one slip each, marks
/// with dashes folded. One slip, even in a long word: two would take a word one letter from
/// another form (organisation / organization) within reach of both.
fn fits_with_slips(tokens: &[String], shown: &[String]) -> bool {
    let (tokens, shown) = (loosen(tokens), loosen(shown));
    tokens.len() == shown.len()
        && tokens.iter().zip(&shown).all(|(a, b)| {
            a == b
                || (is_word(a)
                    && is_word(b)
                    && within_slips(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>(), 1))
        })
}

/// For forks that follow one another, which alternatives of each the shown tokens fit: exactly if
/// any combination fits exactly, else with dashes folded, else up to a slip in a word; `None` if
/// nothing fits.
fn read_run(forks: &[(usize, &[Vec<String>])], shown: &[String]) -> Option<Vec<u64>> {
    let combinations = forks.iter().try_fold(1usize, |acc, (_, alts)| acc.checked_mul(alts.len()))?;
    if combinations > MAX_COMBINATIONS {
        return None;
    }
    let loose_shown = loosen(shown);
    for fit in [Fit::Exact, Fit::DashesFolded, Fit::Slipped] {
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
            let fits = match fit {
                Fit::Exact => tokens == shown,
                Fit::DashesFolded => loosen(&tokens) == loose_shown,
                Fit::Slipped => fits_with_slips(&tokens, shown),
            };
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

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        normalized_tokens(text)
    }

    #[test]
    fn a_slip_in_a_sites_word_still_reads_the_form_it_is_one_slip_from() {
        let alternatives = [tokens("organisation"), tokens("organization")];
        let forks = [(0usize, &alternatives[..])];
        assert_eq!(read_run(&forks, &tokens("organisation")), Some(vec![0b01]));
        // A typo in each form: a letter dropped, two swapped.
        assert_eq!(read_run(&forks, &tokens("organsation")), Some(vec![0b01]));
        assert_eq!(read_run(&forks, &tokens("organziation")), Some(vec![0b10]));
        // A word one slip from both forms tells nothing.
        let both = [tokens("analyse"), tokens("analyze")];
        assert_eq!(read_run(&[(0, &both[..])], &tokens("analyxe")), Some(vec![0b11]));
        // A different word, or a different number of words, is not read.
        assert_eq!(read_run(&forks, &tokens("institution")), None);
        assert_eq!(read_run(&forks, &tokens("the organisation")), None);
    }

    #[test]
    fn short_words_and_marks_are_never_read_through_a_slip() {
        let alternatives = [tokens("while"), tokens("whilst")];
        // "whist" is "whilst" with a letter dropped, two from "while".
        assert_eq!(read_run(&[(0, &alternatives[..])], &tokens("whist")), Some(vec![0b10]));
        let commas = [tokens(","), Vec::new()];
        assert_eq!(read_run(&[(0, &commas[..])], &tokens(";")), None);
        let numbers = [tokens("ten"), tokens("10")];
        assert_eq!(read_run(&[(0, &numbers[..])], &tokens("tan")), None);
    }
}
