//! What the tracing tests and the `trace_rate` example share: the invented readout, its copies,
//! and a simulated leaker who retypes a passage with light edits.

#![allow(dead_code)] // each test binary uses its own part

use rand::rngs::ChaCha8Rng;
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use std::sync::OnceLock;

use tracktwo_trace::{CodeScheme, CopyId, Fingerprinting, ReadoutText, TraceResult, make_copy, trace};
use unicode_segmentation::UnicodeSegmentation;

/// An invented readout of the Serin River Dialogue (719 words).
pub const SERIN_READOUT: &str = include_str!("../data/serin_readout.txt");

/// An invented readout of another dialogue, for passages that come from no copy.
pub const OTHER_READOUT: &str = include_str!("../data/other_readout.txt");

pub const COPIES: u32 = 20;

pub fn readout() -> ReadoutText {
    ReadoutText::from_plain(SERIN_READOUT)
}

/// The code scheme of the copies, when not the latest: the `trace_rate` example measures the
/// schemes side by side.
static SCHEME: OnceLock<CodeScheme> = OnceLock::new();

/// Makes every copy of this process under `scheme` (once, before any copy is made).
pub fn use_scheme(scheme: CodeScheme) {
    let _ = SCHEME.set(scheme);
}

pub fn fingerprinting(wording_variants: bool) -> Fingerprinting {
    let mut how = Fingerprinting::new(*b"serin-river-dialogue-round-three", wording_variants);
    how.scheme = SCHEME.get().copied().unwrap_or(CodeScheme::LATEST);
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
        matches!(&self.result, TraceResult::Copy(found) if found.copy == self.copy)
    }

    pub fn traced_wrong(&self) -> bool {
        matches!(&self.result, TraceResult::Copy(found) if found.copy != self.copy)
    }

    pub fn undetermined(&self) -> bool {
        matches!(self.result, TraceResult::FromReadout(_))
    }

    pub fn not_from_readout(&self) -> bool {
        matches!(self.result, TraceResult::NotFromReadout { .. })
    }
}

/// How a leak reappears.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Consecutive sentences.
    Consecutive,
    /// Sentences from different places in the copy, none next to another, in their order, with
    /// or without "…" between them.
    Excerpts { ellipsis: bool },
    /// Consecutive sentences in quotation marks, inside a journalist's own sentences.
    Framed,
    /// Consecutive sentences in another order.
    Reordered,
    /// Consecutive sentences retyped with typos: about one word in fifteen has a letter dropped,
    /// doubled, swapped with its neighbour or struck next to it on the keyboard.
    Typos,
}

impl Shape {
    pub const ALL: [Shape; 6] = [
        Shape::Consecutive,
        Shape::Excerpts { ellipsis: true },
        Shape::Excerpts { ellipsis: false },
        Shape::Framed,
        Shape::Reordered,
        Shape::Typos,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Shape::Consecutive => "consecutive",
            Shape::Excerpts { ellipsis: true } => "excerpts with \u{2026}",
            Shape::Excerpts { ellipsis: false } => "excerpts, no \u{2026}",
            Shape::Framed => "framed",
            Shape::Reordered => "reordered",
            Shape::Typos => "typos",
        }
    }

    /// The sentences of the copy that a leak of `n` sentences takes, in the copy's order.
    fn pick(self, count: usize, n: usize, rng: &mut ChaCha8Rng) -> Vec<usize> {
        match self {
            Shape::Excerpts { .. } => loop {
                // n sentences with a gap of at least one after each but the last.
                let mut chosen: Vec<usize> = Vec::with_capacity(n);
                let mut free: Vec<usize> = (0..count).collect();
                while chosen.len() < n && !free.is_empty() {
                    let at = free[rng.random_range(0..free.len())];
                    chosen.push(at);
                    free.retain(|&i| i.abs_diff(at) > 1);
                }
                if chosen.len() == n {
                    chosen.sort_unstable();
                    break chosen;
                }
            },
            _ => {
                let first = rng.random_range(0..=count - n);
                (first..first + n).collect()
            }
        }
    }
}

/// A newspaper's own text, invented, on another subject: a journalist's framing and unrelated
/// text, kept apart from the texts the engine's constants were calibrated on.
pub const NEWS_ARTICLE: &str = include_str!("../data/news_article.txt");

/// Sentences of a journalist's framing around a leaked passage.
const FRAMING_OPENERS: &[&str] = &[
    "A source close to the talks shared the text with this newspaper. It reads, in part:",
    "The document, seen by this newspaper, is dated the week after the meeting. It says:",
    "According to a summary circulated among officials,",
    "One passage stands out:",
];
const FRAMING_CLOSERS: &[&str] = &[
    "Neither ministry would comment on the document.",
    "The Halden Institute declined to confirm its authenticity.",
    "Officials said the text was a draft and not an agreed position.",
    "It is not clear who wrote the summary.",
];

/// One word in fifteen mistyped.
pub fn typos(passage: &str, rng: &mut ChaCha8Rng) -> String {
    const NEIGHBOURS: &[(char, char)] =
        &[('a', 's'), ('e', 'r'), ('i', 'o'), ('o', 'p'), ('n', 'm'), ('t', 'y'), ('s', 'd'), ('r', 't'), ('l', 'k')];
    passage
        .split(' ')
        .map(|word| {
            let letters: Vec<char> = word.chars().collect();
            let alphabetic = letters.iter().filter(|c| c.is_alphabetic()).count();
            if alphabetic < 3 || rng.random_range(0..15) != 0 {
                return word.to_owned();
            }
            let mut letters = letters;
            let at = rng.random_range(1..letters.len().max(2)).min(letters.len() - 1);
            match rng.random_range(0..4) {
                0 => {
                    letters.remove(at);
                }
                1 => letters.insert(at, letters[at]),
                2 => letters.swap(at - 1, at),
                _ => {
                    let c = letters[at];
                    letters[at] = NEIGHBOURS.iter().find(|(a, _)| *a == c).map_or('e', |(_, b)| *b);
                }
            }
            letters.into_iter().collect()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A leak of `n` sentences of copy `copy`'s sentences in shape `shape`, pasted or retyped with
/// light edits.
pub fn leak(copy: &[String], shape: Shape, n: usize, leak: Leak, rng: &mut ChaCha8Rng) -> String {
    let mut picked = shape.pick(copy.len(), n, rng);
    if shape == Shape::Reordered && picked.len() > 1 {
        while picked.is_sorted() {
            picked.shuffle(rng);
        }
    }
    let parts: Vec<&str> = picked.iter().map(|&i| copy[i].as_str()).collect();
    let joined = parts.join(if shape == (Shape::Excerpts { ellipsis: true }) { " \u{2026} " } else { " " });
    let edited = retype(&joined, leak, rng);
    match shape {
        Shape::Typos => typos(&edited, rng),
        Shape::Framed => {
            let news = sentences(&ReadoutText::from_plain(NEWS_ARTICLE));
            let at = rng.random_range(0..news.len() - 1);
            format!(
                "{} {} \u{201C}{edited}\u{201D} {} {}",
                news[at],
                FRAMING_OPENERS[rng.random_range(0..FRAMING_OPENERS.len())],
                FRAMING_CLOSERS[rng.random_range(0..FRAMING_CLOSERS.len())],
                news[at + 1]
            )
        }
        _ => edited,
    }
}

pub fn leak_trials(wording_variants: bool, sentences_per_passage: usize, trials: usize, seed: u64) -> Vec<Trial> {
    shaped_trials(wording_variants, Shape::Consecutive, sentences_per_passage, trials, seed)
}

/// Leaks of `sentences_per_passage` sentences in shape `shape` from random copies, half pasted
/// and half retyped, traced.
pub fn shaped_trials(
    wording_variants: bool,
    shape: Shape,
    sentences_per_passage: usize,
    trials: usize,
    seed: u64,
) -> Vec<Trial> {
    shaped_trials_on(&readout(), wording_variants, shape, sentences_per_passage, trials, seed)
}

/// The same leaks of another readout's copies: the Kestrel readout, held out when the latest
/// scheme's sites were chosen, shows how the figures carry over to a text they were not made on.
pub fn shaped_trials_on(
    original: &ReadoutText,
    wording_variants: bool,
    shape: Shape,
    sentences_per_passage: usize,
    trials: usize,
    seed: u64,
) -> Vec<Trial> {
    let original = original.clone();
    let how = fingerprinting(wording_variants);
    let ids = copy_ids();
    let copies: Vec<Vec<String>> = ids.iter().map(|&id| sentences(&make_copy(&original, &how, id))).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..trials)
        .map(|t| {
            let which = rng.random_range(0..ids.len());
            let how_leaked = if t % 2 == 0 { Leak::Pasted } else { Leak::Retyped };
            let leaked = leak(&copies[which], shape, sentences_per_passage, how_leaked, &mut rng);
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
    /// A copy (one of 20, at random) of a readout with the same text under another key.
    OtherKey,
    /// A newspaper's text on another subject.
    News,
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
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let sources: Vec<Vec<String>> = match from {
        Elsewhere::OtherText => vec![sentences(&ReadoutText::from_plain(OTHER_READOUT))],
        Elsewhere::News => vec![sentences(&ReadoutText::from_plain(NEWS_ARTICLE))],
        Elsewhere::Reworded | Elsewhere::Original => vec![sentences(&original)],
        Elsewhere::OtherKey => {
            let mut other = fingerprinting(wording_variants);
            other.key = *b"another-readout-sharing-its-text";
            copy_ids().into_iter().map(|copy| sentences(&make_copy(&original, &other, copy))).collect()
        }
    };
    (0..trials)
        .map(|t| {
            let source = if sources.len() == 1 { &sources[0] } else { &sources[rng.random_range(0..sources.len())] };
            let first = rng.random_range(0..=source.len() - 3);
            let passage = source[first..first + 3].join(" ");
            let leak = if t % 2 == 0 { Leak::Pasted } else { Leak::Retyped };
            let passage = if from == Elsewhere::Reworded { reword(&passage, &mut rng) } else { passage };
            let leaked = retype(&passage, leak, &mut rng);
            trace(&leaked, &original, &how, &ids)
        })
        .collect()
}
