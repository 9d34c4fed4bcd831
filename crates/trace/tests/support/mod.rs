//! What the tracing tests and the `trace_rate` example share: the invented readout, its copies,
//! and a simulated leaker who retypes a passage with light edits.

#![allow(dead_code)] // each test binary uses its own part

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use tracktwo_trace::{CopyId, Fingerprinting, ReadoutText, TraceResult, make_copy, trace};
use unicode_segmentation::UnicodeSegmentation;

/// An invented readout of the Serin River Dialogue (719 words).
pub const SERIN_READOUT: &str = include_str!("../data/serin_readout.txt");

/// An invented readout of another dialogue, for passages that come from no copy.
pub const OTHER_READOUT: &str = include_str!("../data/other_readout.txt");

pub const COPIES: u32 = 20;

pub fn readout() -> ReadoutText {
    ReadoutText::from_plain(SERIN_READOUT)
}

pub fn fingerprinting(wording_variants: bool) -> Fingerprinting {
    let mut how = Fingerprinting::new(*b"serin-river-dialogue-round-three", wording_variants);
    how.free_order_pairs = vec![
        ("the Upper Vale".to_owned(), "the Lowland Coast".to_owned()),
        ("the Vale".to_owned(), "the Coast".to_owned()),
    ];
    how
}

pub fn copy_ids() -> Vec<CopyId> {
    (1..=COPIES).map(CopyId).collect()
}

/// The sentences of a text, in order, across paragraphs.
pub fn sentences(text: &ReadoutText) -> Vec<String> {
    text.paragraphs
        .iter()
        .flat_map(|p| p.split_sentence_bounds().map(|s| s.trim().to_owned()).collect::<Vec<_>>())
        .filter(|s| !s.is_empty())
        .collect()
}

/// How the leaker produced the passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leak {
    /// Copied and pasted, then lightly edited.
    Pasted,
    /// Retyped from a screenshot: curly quotes and apostrophes become straight ones and every
    /// dash a hyphen, then the same light edits.
    Retyped,
}

const PUNCTUATION: &[char] = &[',', '.', ';', ':', '-', '\u{2013}', '\u{2014}', '"', '\u{201C}', '\u{201D}'];
const REPLACEMENT_WORDS: &[&str] =
    &["important", "the", "new", "officials", "also", "several", "water", "clearly", "said", "plan"];

/// Light edits, as the criterion has them: change, drop or add some punctuation (two
/// edits), change one word into another, change the case of one letter, collapse whitespace.
pub fn retype(passage: &str, leak: Leak, rng: &mut ChaCha8Rng) -> String {
    let mut chars: Vec<char> = passage.chars().collect();
    if leak == Leak::Retyped {
        for c in &mut chars {
            *c = match *c {
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201C}' | '\u{201D}' => '"',
                '\u{2013}' | '\u{2014}' => '-',
                other => other,
            };
        }
    }
    for _ in 0..2 {
        let marks: Vec<usize> = (0..chars.len()).filter(|&i| PUNCTUATION.contains(&chars[i])).collect();
        match rng.random_range(0..3) {
            0 if !marks.is_empty() => {
                let at = marks[rng.random_range(0..marks.len())];
                chars.remove(at);
            }
            1 if !marks.is_empty() => {
                let at = marks[rng.random_range(0..marks.len())];
                chars[at] = match chars[at] {
                    ',' => ';',
                    '.' => ',',
                    ';' | ':' => ',',
                    _ => ',',
                };
            }
            _ => {
                let spaces: Vec<usize> =
                    (1..chars.len()).filter(|&i| chars[i] == ' ' && chars[i - 1].is_alphanumeric()).collect();
                if !spaces.is_empty() {
                    let at = spaces[rng.random_range(0..spaces.len())];
                    chars.insert(at, ',');
                }
            }
        }
    }
    let mut text: String = chars.into_iter().collect();

    // One word changed into another.
    let words: Vec<(usize, &str)> =
        text.split_word_bound_indices().filter(|(_, w)| w.chars().all(char::is_alphabetic)).collect();
    if !words.is_empty() {
        let (at, word) = words[rng.random_range(0..words.len())];
        let mut replacement = REPLACEMENT_WORDS[rng.random_range(0..REPLACEMENT_WORDS.len())];
        if replacement.eq_ignore_ascii_case(word) {
            replacement = "notably";
        }
        text = format!("{}{}{}", &text[..at], replacement, &text[at + word.len()..]);
    }

    // The case of one letter changed.
    let letters: Vec<usize> = text.char_indices().filter(|(_, c)| c.is_alphabetic()).map(|(i, _)| i).collect();
    if !letters.is_empty() {
        let at = letters[rng.random_range(0..letters.len())];
        let c = text[at..].chars().next().expect("a letter");
        let flipped: String = if c.is_uppercase() { c.to_lowercase().collect() } else { c.to_uppercase().collect() };
        text = format!("{}{}{}", &text[..at], flipped, &text[at + c.len_utf8()..]);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Three consecutive sentences from a random copy, leaked and traced: whether the right copy came
/// back, and the result.
pub struct Trial {
    pub copy: CopyId,
    pub leaked: String,
    pub result: TraceResult,
}

impl Trial {
    pub fn traced_right(&self) -> bool {
        matches!(self.result, TraceResult::Copy { copy, .. } if copy == self.copy)
    }

    pub fn traced_wrong(&self) -> bool {
        matches!(self.result, TraceResult::Copy { copy, .. } if copy != self.copy)
    }
}

pub fn leak_trials(wording_variants: bool, sentences_per_passage: usize, trials: usize, seed: u64) -> Vec<Trial> {
    let original = readout();
    let how = fingerprinting(wording_variants);
    let ids = copy_ids();
    let copies: Vec<Vec<String>> = ids.iter().map(|&id| sentences(&make_copy(&original, &how, id))).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..trials)
        .map(|t| {
            let which = rng.random_range(0..ids.len());
            let sentences = &copies[which];
            let first = rng.random_range(0..=sentences.len() - sentences_per_passage);
            let passage = sentences[first..first + sentences_per_passage].join(" ");
            let leak = if t % 2 == 0 { Leak::Pasted } else { Leak::Retyped };
            let leaked = retype(&passage, leak, &mut rng);
            let result = trace(&leaked, &original, &how, &ids);
            Trial { copy: ids[which], leaked, result }
        })
        .collect()
}

pub fn rate(trials: &[Trial], counts: impl Fn(&Trial) -> bool) -> f64 {
    trials.iter().filter(|t| counts(t)).count() as f64 / trials.len() as f64
}

/// Where a passage that comes from no copy comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    /// Another readout altogether.
    OtherText,
    /// This readout's sentences, reworded heavily: most words replaced or moved.
    Reworded,
    /// This readout's unmarked original.
    Original,
    /// A copy of a readout with the same text under another key.
    OtherKey,
}

const REWORDING: &[&str] = &[
    "officials",
    "talks",
    "concerns",
    "parties",
    "meeting",
    "process",
    "region",
    "support",
    "issues",
    "the",
    "of",
    "noted",
    "positions",
    "options",
    "reported",
    "future",
    "trust",
    "river",
    "sides",
    "proposals",
];

/// Most words replaced by others, and the sentence's halves swapped.
pub fn reword(passage: &str, rng: &mut ChaCha8Rng) -> String {
    let mut words: Vec<String> = passage.split_whitespace().map(str::to_owned).collect();
    for word in &mut words {
        if rng.random_range(0..100) < 60 {
            *word = REWORDING[rng.random_range(0..REWORDING.len())].to_owned();
        }
    }
    let half = words.len() / 2;
    words.rotate_left(half);
    words.join(" ")
}

/// Three consecutive sentences from somewhere other than a listed copy, leaked and traced.
pub fn elsewhere_trials(wording_variants: bool, from: Elsewhere, trials: usize, seed: u64) -> Vec<TraceResult> {
    let original = readout();
    let how = fingerprinting(wording_variants);
    let ids = copy_ids();
    let source: Vec<String> = match from {
        Elsewhere::OtherText => sentences(&ReadoutText::from_plain(OTHER_READOUT)),
        Elsewhere::Reworded | Elsewhere::Original => sentences(&original),
        Elsewhere::OtherKey => {
            let mut other = fingerprinting(wording_variants);
            other.key = *b"another-readout-sharing-its-text";
            sentences(&make_copy(&original, &other, CopyId(1)))
        }
    };
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..trials)
        .map(|t| {
            let first = rng.random_range(0..=source.len() - 3);
            let passage = source[first..first + 3].join(" ");
            let leak = if t % 2 == 0 { Leak::Pasted } else { Leak::Retyped };
            let passage = if from == Elsewhere::Reworded { reword(&passage, &mut rng) } else { passage };
            let leaked = retype(&passage, leak, &mut rng);
            trace(&leaked, &original, &how, &ids)
        })
        .collect()
}
