//! Finding the variable sites of a readout: the places where it can be written in two or more
//! equivalent ways that a person retyping it would keep.
//!
//! A site has one or more slots (a quoted phrase has two quote marks, a pair of dashes two
//! dashes, "the numbers of one sentence" one slot per number) and a list of alternatives; one
//! choice selects the same alternative in every slot, so a sentence stays consistent with itself.
//! Detection depends only on the text and the [`Fingerprinting`] options, never on the key.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::tables::{self, Casing, Group, When};
use crate::text::{Token, TokenKind, follow_case, is_dash, normalize, tokenize};
use crate::{Fingerprinting, ReadoutText, SiteClass};

/// What a site varies; it sets the site's class and how often a retyper changes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Spelling conventions (organisation / organization, programme / program).
    Spelling,
    /// Compounds written with or without a hyphen (co-operation / cooperation, ceasefire /
    /// cease-fire): a dropped or added hyphen changes them, which happens far more often than a
    /// respelt word.
    Hyphen,
    /// Number style (ten / 10, per cent / %, dates, thousands separators).
    Number,
    /// Marks that carry no meaning: dash glyphs, dashes or brackets around a phrase, a colon or a
    /// dash, quote style, "e.g." / "for example".
    Mark,
    /// An optional comma (serial comma, after an opening phrase, before a conjunction).
    Comma,
    /// Equivalent wordings and contractions.
    Wording,
    /// The order of a pair the convener declared free.
    Order,
}

impl Kind {
    pub fn class(self) -> SiteClass {
        match self {
            Kind::Spelling | Kind::Hyphen => SiteClass::Spelling,
            Kind::Number => SiteClass::Number,
            Kind::Mark | Kind::Comma => SiteClass::Punctuation,
            Kind::Wording | Kind::Order => SiteClass::Wording,
        }
    }

    /// The probability that a retyper turns this site's form into another of its forms: above the
    /// rate that light edits (two punctuation edits, one changed word) cause in simulation, by a
    /// margin — the calibration test in `lib.rs` measures about 0.06 for commas and hyphens and under 0.01 for
    /// the rest — so that a changed site costs less than the model expects, not more. Commas are
    /// dropped and added far more often than a word is respelt.
    pub fn error_rate(self) -> f64 {
        match self {
            Kind::Spelling => 0.02,
            Kind::Hyphen => 0.1,
            Kind::Number => 0.03,
            Kind::Mark => 0.03,
            Kind::Comma => 0.1,
            Kind::Wording => 0.02,
            Kind::Order => 0.02,
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Slot {
    pub paragraph: usize,
    /// Byte span in the paragraph that the chosen form replaces.
    pub start: usize,
    pub end: usize,
    /// The original's tokens the span covers.
    pub first_token: usize,
    pub last_token: usize,
    /// The rendering of each alternative, in the site's order.
    pub forms: Vec<String>,
}

#[derive(Clone, Debug)]
pub(crate) struct Site {
    pub kind: Kind,
    pub slots: Vec<Slot>,
}

impl Site {
    pub fn arity(&self) -> usize {
        self.slots[0].forms.len()
    }

    /// The alternative the original itself shows, if one alternative reproduces it in every slot
    /// (up to case and quote style).
    pub fn original_choice(&self, text: &ReadoutText) -> Option<usize> {
        (0..self.arity()).find(|&a| {
            self.slots.iter().all(|slot| {
                let original = &text.paragraphs[slot.paragraph][slot.start..slot.end];
                crate::text::normalized_tokens(original) == crate::text::normalized_tokens(&slot.forms[a])
            })
        })
    }
}

struct Proto {
    kind: Kind,
    /// Sites of one convention in one sentence are merged into one choice.
    merge: Option<String>,
    /// The same word is spelt one way throughout a paragraph ("labour … labour").
    word: Option<String>,
    paragraph: usize,
    sentence: usize,
    slots: Vec<Slot>,
}

struct Para<'a> {
    index: usize,
    text: &'a str,
    tokens: Vec<Token<'a>>,
    claimed: Vec<bool>,
}

impl<'a> Para<'a> {
    fn new(index: usize, text: &'a str) -> Self {
        let tokens = tokenize(text);
        let claimed = vec![false; tokens.len()];
        Para { index, text, tokens, claimed }
    }

    /// Whether whitespace separates token `i` from token `i + 1`.
    fn spaced_after(&self, i: usize) -> bool {
        self.tokens[i].end < self.tokens[i + 1].start
    }

    fn next(&self, i: usize) -> Option<usize> {
        (i + 1 < self.tokens.len() && self.tokens[i + 1].sentence == self.tokens[i].sentence).then_some(i + 1)
    }

    fn prev(&self, i: usize) -> Option<usize> {
        (i > 0 && self.tokens[i - 1].sentence == self.tokens[i].sentence).then(|| i - 1)
    }

    fn norm(&self, i: usize) -> String {
        self.tokens[i].norm()
    }

    fn free(&self, first: usize, last: usize) -> bool {
        !self.claimed[first..=last].iter().any(|c| *c)
    }

    fn slot(&self, first: usize, last: usize, start: usize, end: usize, forms: Vec<String>) -> Slot {
        Slot { paragraph: self.index, start, end, first_token: first, last_token: last, forms }
    }

    /// The original's text from token `first` to token `last`, whitespace as single spaces.
    fn surface(&self, first: usize, last: usize) -> String {
        let mut out = String::new();
        for k in first..=last {
            if k > first && self.spaced_after(k - 1) {
                out.push(' ');
            }
            out.push_str(self.tokens[k].text);
        }
        out
    }

    fn push(&mut self, protos: &mut Vec<Proto>, kind: Kind, merge: Option<String>, slots: Vec<Slot>) {
        for slot in &slots {
            for c in &mut self.claimed[slot.first_token..=slot.last_token] {
                *c = true;
            }
        }
        let sentence = self.tokens[slots[0].first_token].sentence;
        protos.push(Proto { kind, merge, word: None, paragraph: self.index, sentence, slots });
    }
}

const NUMBER_WORDS: &[&str] =
    &["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/// Units and spans of time after which a small number may be written in digits.
const UNITS: &[&str] = &[
    "seconds",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "metres",
    "meters",
    "kilometres",
    "kilometers",
    "km",
    "hectares",
    "litres",
    "liters",
    "cubic",
    "tonnes",
    "tons",
    "million",
    "billion",
    "per",
    "percent",
];

/// The units of [`UNITS`] that are spans of time.
const TIME_SPANS: &[&str] = &["seconds", "minutes", "hours", "days", "weeks", "months", "years"];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Words that open an aside between commas rather than a list item.
const ASIDE_OPENERS: &[&str] = &[
    "without",
    "with",
    "in",
    "led",
    "including",
    "especially",
    "however",
    "though",
    "although",
    "as",
    "which",
    "who",
    "whose",
    "where",
    "when",
    "like",
    "unlike",
    "not",
    "rather",
    "e.g",
    "i.e",
    "for",
    "at",
    "by",
    "on",
    "from",
    "after",
    "before",
    "since",
    "while",
    "whilst",
    "if",
    "unless",
    "once",
];

/// Opening words after which a short phrase's comma is optional ("In March, the …").
const OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "since",
    "following",
    "by",
    "until",
    "over",
    "within",
    "throughout",
    "for",
    "with",
    "without",
    "under",
    "as",
    "when",
    "once",
    "unlike",
    "like",
    "despite",
    "given",
    "beyond",
    "among",
    "across",
    "through",
    "from",
    "finally",
    "meanwhile",
    "later",
    "initially",
    "subsequently",
    "afterwards",
    "thus",
    "therefore",
    "overall",
    "separately",
    "again",
    "today",
    "instead",
    "earlier",
    "similarly",
    "now",
    "then",
];

fn is_number_token(para: &Para<'_>, i: usize) -> bool {
    let t = &para.tokens[i];
    t.starts_with_digit() || NUMBER_WORDS.contains(&t.norm().as_str())
}

fn small_number(token: &Token<'_>) -> Option<(String, String)> {
    let norm = token.norm();
    if let Some(value) = NUMBER_WORDS.iter().position(|w| *w == norm) {
        // "one" is as often a pronoun ("one from each side") as a number; "zero" reads oddly as 0.
        if value >= 2 && token.is_lowercase_word() {
            return Some((norm, value.to_string()));
        }
        return None;
    }
    let digits = token.text;
    if digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0') && digits.len() <= 2 {
        let value: usize = digits.parse().ok()?;
        if (1..=12).contains(&value) {
            return Some((NUMBER_WORDS[value].to_owned(), digits.to_owned()));
        }
    }
    None
}

/// The tables are the same for every readout with the same options: built once.
fn table(wording_variants: bool, curly_apostrophe: bool, more_sites: bool, further_sites: bool) -> &'static Table {
    static TABLES: [OnceLock<Table>; 16] = [const { OnceLock::new() }; 16];
    let at = usize::from(further_sites) * 8
        + usize::from(more_sites) * 4
        + usize::from(wording_variants) * 2
        + usize::from(curly_apostrophe);
    TABLES[at].get_or_init(|| Table::new(tables::groups(wording_variants, curly_apostrophe, more_sites, further_sites)))
}

pub(crate) fn find_sites(text: &ReadoutText, how: &Fingerprinting) -> Vec<Site> {
    let curly = text.paragraphs.iter().any(|p| p.contains('\u{2019}'));
    // The sites added with a later scheme are found only under it: a copy traces only while the
    // sites it was made on are found again.
    let more_sites = how.wording_variants && how.scheme.more_sites();
    let further_sites = how.wording_variants && how.scheme.further_sites();
    let table = table(how.wording_variants, curly, more_sites, further_sites);
    let mut protos = Vec::new();
    for (index, paragraph) in text.paragraphs.iter().enumerate() {
        let mut para = Para::new(index, paragraph);
        if how.wording_variants {
            free_order_pairs(&mut para, &mut protos, &how.free_order_pairs);
            attributive_names(&mut para, &mut protos);
        }
        dates(&mut para, &mut protos, further_sites);
        percentages(&mut para, &mut protos);
        currency(&mut para, &mut protos);
        ranges(&mut para, &mut protos);
        distances(&mut para, &mut protos);
        thousands(&mut para, &mut protos);
        small_numbers(&mut para, &mut protos);
        table.find(&mut para, &mut protos);
        if how.wording_variants {
            relative_that(&mut para, &mut protos);
        }
        if more_sites {
            second_reported_that(&mut para, &mut protos);
        }
        if further_sites {
            repeated_modals(&mut para, &mut protos);
            shared_infinitive_to(&mut para, &mut protos);
        }
        quotes(&mut para, &mut protos);
        dashes(&mut para, &mut protos);
        aside_commas(&mut para, &mut protos);
        opening_commas(&mut para, &mut protos);
        conjunction_commas(&mut para, &mut protos);
    }
    merge(protos)
}

/// Merges sites that must make one choice: those of one convention in one sentence, and those of
/// one word in one paragraph (and, through them, whatever they are merged with).
fn merge(protos: Vec<Proto>) -> Vec<Site> {
    let mut parent: Vec<usize> = (0..protos.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first_with_key: HashMap<String, usize> = HashMap::new();
    for (i, proto) in protos.iter().enumerate() {
        let arity = proto.slots[0].forms.len();
        let keys = [
            proto.merge.as_ref().map(|m| format!("{m}|{}|{}|{arity}", proto.paragraph, proto.sentence)),
            proto.word.as_ref().map(|w| format!("{w}|{}|{arity}", proto.paragraph)),
        ];
        for key in keys.into_iter().flatten() {
            match first_with_key.get(&key) {
                Some(&j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
                None => {
                    first_with_key.insert(key, i);
                }
            }
        }
    }
    let mut sites: Vec<Site> = Vec::new();
    let mut site_of_root: HashMap<usize, usize> = HashMap::new();
    for (i, proto) in protos.into_iter().enumerate() {
        let r = root(&mut parent, i);
        match site_of_root.get(&r) {
            Some(&at) => sites[at].slots.extend(proto.slots),
            None => {
                site_of_root.insert(r, sites.len());
                sites.push(Site { kind: proto.kind, slots: proto.slots });
            }
        }
    }
    for site in &mut sites {
        site.slots.sort_by_key(|s| (s.paragraph, s.first_token));
    }
    sites.sort_by_key(|s| (s.slots[0].paragraph, s.slots[0].first_token));
    sites
}

/// "the Vale and the Coast" / "the Coast and the Vale", for pairs the convener declared free.
fn free_order_pairs(para: &mut Para<'_>, protos: &mut Vec<Proto>, pairs: &[(String, String)]) {
    let matches_at = |para: &Para<'_>, at: usize, words: &[String]| -> bool {
        at + words.len() <= para.tokens.len()
            && words.iter().enumerate().all(|(k, w)| para.norm(at + k) == *w)
            && para.tokens[at].sentence == para.tokens[at + words.len() - 1].sentence
    };
    for (a, b) in pairs {
        let a_words: Vec<String> = crate::text::normalized_tokens(a);
        let b_words: Vec<String> = crate::text::normalized_tokens(b);
        if a_words.is_empty() || b_words.is_empty() {
            continue;
        }
        for (first, second) in [(&a_words, &b_words), (&b_words, &a_words)] {
            let mut i = 0;
            while i < para.tokens.len() {
                let and_at = i + first.len();
                let second_at = and_at + 1;
                let fits = matches_at(para, i, first)
                    && and_at < para.tokens.len()
                    && para.norm(and_at) == "and"
                    && matches_at(para, second_at, second)
                    && para.tokens[i].sentence == para.tokens[second_at].sentence;
                let last = second_at + second.len().saturating_sub(1);
                if !fits || !para.free(i, last) {
                    i += 1;
                    continue;
                }
                let sentence = para.tokens[i].sentence;
                let says_respectively =
                    para.tokens.iter().any(|t| t.sentence == sentence && t.norm() == "respectively");
                if says_respectively {
                    break;
                }
                let (s1, e1) = (para.tokens[i].start, para.tokens[and_at - 1].end);
                let (s2, e2) = (para.tokens[second_at].start, para.tokens[last].end);
                let one = &para.text[s1..e1];
                let two = &para.text[s2..e2];
                let lower = |s: &str| -> String {
                    let mut chars = s.chars();
                    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
                };
                let slots = vec![
                    para.slot(i, and_at - 1, s1, e1, vec![one.to_owned(), follow_case(one, &lower(two))]),
                    para.slot(second_at, last, s2, e2, vec![two.to_owned(), follow_case(two, &lower(one))]),
                ];
                para.push(protos, Kind::Order, None, slots);
                i = last + 1;
            }
        }
    }
}

/// "14 March 2025" / "March 14, 2025".
fn dates(para: &mut Para<'_>, protos: &mut Vec<Proto>, ordinal_after_month: bool) {
    let day_of = |t: &Token<'_>| -> Option<u32> {
        (t.text.len() <= 2 && t.text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.text.parse().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    };
    let year_of =
        |t: &Token<'_>| -> bool { t.text.len() == 4 && t.text.parse::<u32>().is_ok_and(|y| (1800..2200).contains(&y)) };
    let month_of = |t: &Token<'_>| MONTHS.iter().find(|m| **m == t.text).copied();
    let n = para.tokens.len();
    let mut i = 0;
    while i < n {
        let part_of_range = |para: &Para<'_>, at: usize| -> bool {
            para.prev(at).is_some_and(|p| {
                let joiner = matches!(para.norm(p).as_str(), "to" | "and" | "-" | "–" | "—");
                joiner && para.prev(p).is_some_and(|q| para.tokens[q].starts_with_digit())
            })
        };
        // Day first.
        if let (Some(day), Some(m)) = (day_of(&para.tokens[i]), para.next(i))
            && let Some(month) = month_of(&para.tokens[m])
        {
            let year = para.next(m).filter(|&y| year_of(&para.tokens[y]));
            let last = year.unwrap_or(m);
            if !part_of_range(para, i) && para.free(i, last) {
                let year = year.map(|y| para.tokens[y].text);
                let forms = date_forms(day, month, year, ordinal_after_month);
                let slot = para.slot(i, last, para.tokens[i].start, para.tokens[last].end, forms);
                para.push(protos, Kind::Number, Some("date".into()), vec![slot]);
                i = last + 1;
                continue;
            }
        }
        // Month first.
        if let (Some(month), Some(d)) = (month_of(&para.tokens[i]), para.next(i))
            && let Some(day) = day_of(&para.tokens[d])
        {
            let year = para
                .next(d)
                .filter(|&c| para.tokens[c].text == ",")
                .and_then(|c| para.next(c))
                .filter(|&y| year_of(&para.tokens[y]));
            let last = year.unwrap_or(d);
            let ends_a_range = para.next(d).is_some_and(|k| matches!(para.norm(k).as_str(), "to" | "-" | "–" | "—"));
            if !ends_a_range && para.free(i, last) {
                let year = year.map(|y| para.tokens[y].text);
                let forms = date_forms(day, month, year, ordinal_after_month);
                let slot = para.slot(i, last, para.tokens[i].start, para.tokens[last].end, forms);
                para.push(protos, Kind::Number, Some("date".into()), vec![slot]);
                i = last + 1;
                continue;
            }
        }
        i += 1;
    }
}

/// Nouns a place or a party's name may qualify either way: "the Coast's delegation" / "the Coast
/// delegation".
const QUALIFIED_BY_NAME: &[&str] = &[
    "delegation",
    "delegations",
    "delegates",
    "participants",
    "government",
    "officials",
    "ministry",
    "negotiators",
    "team",
    "farmers",
    "position",
    "representatives",
    "side",
];

/// "the Coast's delegation" / "the Coast delegation".
fn attributive_names(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    for i in 0..para.tokens.len() {
        let t = &para.tokens[i];
        let norm = t.norm();
        let capitalised = t.text.chars().next().is_some_and(char::is_uppercase);
        if !t.is_word() || !capitalised || !norm.ends_with("'s") || norm.len() < 4 || !para.free(i, i) {
            continue;
        }
        let qualifies = para.next(i).is_some_and(|j| QUALIFIED_BY_NAME.contains(&para.norm(j).as_str()));
        if qualifies {
            let cut = t.text.char_indices().rev().nth(1).map(|(at, _)| at).unwrap_or(0);
            let forms = vec![t.text.to_owned(), t.text[..cut].to_owned()];
            let slot = para.slot(i, i, t.start, t.end, forms);
            para.push(protos, Kind::Wording, None, vec![slot]);
        }
    }
}

/// "14 March 2025" / "March 14, 2025" / "14th March 2025".
fn date_forms(day: u32, month: &str, year: Option<&str>, ordinal_after_month: bool) -> Vec<String> {
    let suffix = match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    let mut forms = match year {
        Some(year) => vec![
            format!("{day} {month} {year}"),
            format!("{month} {day}, {year}"),
            format!("{day}{suffix} {month} {year}"),
        ],
        None => vec![format!("{day} {month}"), format!("{month} {day}"), format!("{day}{suffix} {month}")],
    };
    if ordinal_after_month {
        // "March 14th, 2025": the ordinal after the month, a fourth style in common use.
        forms.push(match year {
            Some(year) => format!("{month} {day}{suffix}, {year}"),
            None => format!("{month} {day}{suffix}"),
        });
    }
    forms
}

/// "30 per cent" / "30 percent" / "30%".
fn percentages(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    let forms = || vec![" per cent".to_owned(), " percent".to_owned(), "%".to_owned()];
    for i in 0..para.tokens.len() {
        let t = &para.tokens[i];
        if !(t.starts_with_digit() && t.text.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')) {
            continue;
        }
        let Some(j) = para.next(i) else { continue };
        let found = match para.tokens[j].text {
            "%" if !para.spaced_after(i) => Some(j),
            "percent" if para.spaced_after(i) => Some(j),
            "per" if para.spaced_after(i) => {
                para.next(j).filter(|&k| para.tokens[k].text == "cent" && para.spaced_after(j))
            }
            _ => None,
        };
        if let Some(last) = found
            && para.free(j, last)
        {
            let slot = para.slot(j, last, para.tokens[i].end, para.tokens[last].end, forms());
            para.push(protos, Kind::Number, Some("percent".into()), vec![slot]);
        }
    }
}

/// Currency symbols and their ISO 4217 codes, written either way before an amount.
const CURRENCIES: &[(&str, &str)] = &[("€", "EUR"), ("$", "USD"), ("£", "GBP")];

/// "€240,000" / "EUR 240,000", "$5,000" / "USD 5,000".
fn currency(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    for i in 0..para.tokens.len() {
        let Some(j) = para.next(i) else { continue };
        if !para.tokens[j].starts_with_digit() || !para.free(i, i) {
            continue;
        }
        let text = para.tokens[i].text;
        let Some(&(symbol, code)) = CURRENCIES.iter().find(|(symbol, code)| {
            (text == *symbol && !para.spaced_after(i)) || (text == *code && para.spaced_after(i))
        }) else {
            continue;
        };
        let forms = vec![symbol.to_owned(), format!("{code} ")];
        let slot = para.slot(i, i, para.tokens[i].start, para.tokens[j].start, forms);
        para.push(protos, Kind::Number, Some("currency".into()), vec![slot]);
    }
}

/// "10 to 12 June" / "10–12 June", "5 to 10 per cent" / "5–10 per cent": a range of numbers
/// before a month, a unit or "per cent". Not after "from" or "between", which need "to" and "and".
fn ranges(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    let plain_number = |t: &Token<'_>| t.text.len() <= 4 && t.text.bytes().all(|b| b.is_ascii_digit());
    for i in 0..para.tokens.len() {
        if !plain_number(&para.tokens[i]) {
            continue;
        }
        let Some(j) = para.next(i) else { continue };
        let Some(k) = para.next(j) else { continue };
        let joiner = para.tokens[j].text;
        let by_word = joiner == "to" && para.spaced_after(i) && para.spaced_after(j);
        let by_dash = is_dash(joiner) && !para.spaced_after(i) && !para.spaced_after(j);
        if !(by_word || by_dash) || !plain_number(&para.tokens[k]) || !para.free(i, k) {
            continue;
        }
        let Some(after) = para.next(k) else { continue };
        let after_text = para.tokens[after].text;
        let before_what = MONTHS.contains(&after_text)
            || UNITS.contains(&para.norm(after).as_str())
            || (after_text == "%" && !para.spaced_after(k));
        let after_from = para.prev(i).is_some_and(|p| matches!(para.norm(p).as_str(), "from" | "between"));
        if !before_what || after_from {
            continue;
        }
        let (low, high) = (para.tokens[i].text, para.tokens[k].text);
        let forms = vec![format!("{low} to {high}"), format!("{low}\u{2013}{high}")];
        let slot = para.slot(i, k, para.tokens[i].start, para.tokens[k].end, forms);
        para.push(protos, Kind::Number, Some("ranges".into()), vec![slot]);
    }
}

/// "18 kilometres" / "18 km".
fn distances(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    for i in 0..para.tokens.len() {
        if !para.tokens[i].starts_with_digit() {
            continue;
        }
        let Some(j) = para.next(i) else { continue };
        let unit = matches!(para.tokens[j].text, "km" | "kilometres" | "kilometers");
        if unit && para.spaced_after(i) && para.free(j, j) {
            let forms = vec![" kilometres".to_owned(), " km".to_owned(), " kilometers".to_owned()];
            let slot = para.slot(j, j, para.tokens[i].end, para.tokens[j].end, forms);
            para.push(protos, Kind::Number, Some("distance".into()), vec![slot]);
        }
    }
}

/// Thousands separators in four-digit numbers: "2,000" / "2000" (never a year). Longer numbers keep
/// their commas: "240 000" is continental style, and "240000" hard to read.
fn thousands(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    for i in 0..para.tokens.len() {
        let text = para.tokens[i].text;
        let groups: Vec<&str> = text.split(',').collect();
        let grouped = groups.len() == 2
            && groups[0].len() == 1
            && groups[0] != "0"
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
            && groups[1].len() == 3;
        let plain_four = text.len() == 4
            && text.bytes().all(|b| b.is_ascii_digit())
            && !text.starts_with('0')
            && !text.parse::<u32>().is_ok_and(|v| (1800..2200).contains(&v));
        if !(grouped || plain_four) || !para.free(i, i) {
            continue;
        }
        let counts_something = para.next(i).is_some_and(|j| para.tokens[j].is_lowercase_word() && para.spaced_after(i));
        let after_money = para.prev(i).is_some_and(|p| matches!(para.tokens[p].text, "€" | "$" | "£" | "EUR"));
        if !(counts_something || after_money) {
            continue;
        }
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let forms = vec![format!("{},{}", &digits[..1], &digits[1..]), digits];
        let slot = para.slot(i, i, para.tokens[i].start, para.tokens[i].end, forms);
        para.push(protos, Kind::Number, Some("thousands".into()), vec![slot]);
    }
}

/// "five participants" / "5 participants": all small numbers of a sentence take one style.
fn small_numbers(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    for i in 0..para.tokens.len() {
        let Some((word, digits)) = small_number(&para.tokens[i]) else { continue };
        if para.tokens[i].sentence_start || !para.free(i, i) {
            continue;
        }
        let Some(next) = para.next(i) else { continue };
        if !para.spaced_after(i) && para.tokens[next].is_word() {
            continue;
        }
        let next_norm = para.norm(next);
        // English house styles spell out one to nine in prose ("two hydrologists") and use digits
        // with units ("9 cubic metres", "6 hours"); from ten on, either is common.
        let value: usize = digits.parse().unwrap_or(0);
        if value < 10 && !UNITS.contains(&next_norm.as_str()) {
            continue;
        }
        let counts_a_noun = para.tokens[next].is_lowercase_word()
            && para.spaced_after(i)
            && !matches!(
                next_norm.as_str(),
                "of" | "or" | "and" | "to" | "per" | "percent" | "cent" | "hundred" | "thousand"
            );
        let prev = para.prev(i);
        let closes_a_phrase = matches!(para.tokens[next].text, "." | "," | ";")
            && prev.is_some_and(|p| matches!(para.norm(p).as_str(), "of" | "in"));
        if !(counts_a_noun || closes_a_phrase) {
            continue;
        }
        if let Some(p) = prev {
            let t = &para.tokens[p];
            let joined = !para.spaced_after(p);
            let after_name = t.is_word() && t.text.chars().next().is_some_and(char::is_uppercase) && !t.sentence_start;
            let after_dash = t.kind == TokenKind::Punct && (is_dash(t.text) || t.text == "/");
            let in_a_range = matches!(t.norm().as_str(), "or" | "and" | "to")
                && para.prev(p).is_some_and(|q| is_number_token(para, q));
            let after_money = matches!(t.text, "€" | "$" | "£" | "EUR" | "USD");
            // "the two sides" is idiom; "the 2 sides" would stand out. Spans of time are counted
            // either way after "every" or "first" ("every 6 hours", "the first 6 months").
            let counts_time = TIME_SPANS.contains(&next_norm.as_str())
                && matches!(t.norm().as_str(), "every" | "first" | "last" | "next");
            let after_determiner = !counts_time
                && matches!(
                    t.norm().as_str(),
                    "the"
                        | "these"
                        | "those"
                        | "its"
                        | "their"
                        | "our"
                        | "all"
                        | "both"
                        | "every"
                        | "each"
                        | "first"
                        | "last"
                        | "next"
                );
            if joined || after_name || after_dash || in_a_range || after_money || after_determiner {
                continue;
            }
        }
        let original_is_word = !para.tokens[i].starts_with_digit();
        let like = para.tokens[i].text;
        let forms = vec![if original_is_word { follow_case(like, &word) } else { word }, digits];
        let slot = para.slot(i, i, para.tokens[i].start, para.tokens[i].end, forms);
        para.push(protos, Kind::Number, Some("small-numbers".into()), vec![slot]);
    }
}

/// The groups' trigger forms, by their normalised text.
struct Table {
    groups: Vec<Group>,
    by_surface: HashMap<String, Vec<usize>>,
    longest: usize,
}

impl Table {
    fn new(groups: Vec<Group>) -> Self {
        let mut by_surface: HashMap<String, Vec<usize>> = HashMap::new();
        let mut longest = 1;
        for (g, group) in groups.iter().enumerate() {
            for form in &group.forms[..group.triggers] {
                longest = longest.max(tokenize(form).len());
                let entry = by_surface.entry(normalize(form)).or_default();
                if !entry.contains(&g) {
                    entry.push(g);
                }
            }
        }
        Table { groups, by_surface, longest }
    }

    fn find(&self, para: &mut Para<'_>, protos: &mut Vec<Proto>) {
        let n = para.tokens.len();
        let mut i = 0;
        'token: while i < n {
            if !para.tokens[i].is_word() {
                i += 1;
                continue;
            }
            for len in (1..=self.longest).rev() {
                let last = i + len - 1;
                if last >= n || para.tokens[last].sentence != para.tokens[i].sentence || !para.free(i, last) {
                    continue;
                }
                let surface = para.surface(i, last);
                let norm = normalize(&surface);
                if let Some(found) = self.lookup(para, i, last, &surface, &norm, "") {
                    push_found(para, protos, found);
                    i = last + 1;
                    continue 'token;
                }
                // A possessive on the last word: "the organisation's" varies as "organisation".
                let last_text = para.tokens[last].text;
                if para.tokens[last].is_word() && norm.ends_with("'s") && norm.len() > 2 {
                    let cut = last_text.char_indices().rev().nth(1).map(|(at, _)| at).unwrap_or(0);
                    let suffix = &last_text[cut..];
                    let base_surface = &surface[..surface.len() - suffix.len()];
                    let base_norm = normalize(base_surface);
                    if let Some(found) = self.lookup(para, i, last, base_surface, &base_norm, suffix) {
                        push_found(para, protos, found);
                        i = last + 1;
                        continue 'token;
                    }
                }
            }
            i += 1;
        }
    }

    fn lookup(
        &self,
        para: &Para<'_>,
        first: usize,
        last: usize,
        surface: &str,
        norm: &str,
        suffix: &str,
    ) -> Option<(Kind, Option<String>, Slot, usize)> {
        for &g in self.by_surface.get(norm)? {
            let group = &self.groups[g];
            if !self.allowed(group, para, first, last, surface) {
                continue;
            }
            let forms: Vec<String> = group
                .forms
                .iter()
                .map(|form| match group.casing {
                    Casing::Fixed => format!("{form}{suffix}"),
                    Casing::FollowOriginal => format!("{}{suffix}", follow_case(surface, form)),
                })
                .collect();
            let merge = group.family.map(str::to_owned).unwrap_or_else(|| group.forms[0].clone());
            let slot = para.slot(first, last, para.tokens[first].start, para.tokens[last].end, forms);
            return Some((group.kind, Some(merge), slot, g));
        }
        None
    }

    fn allowed(&self, group: &Group, para: &Para<'_>, first: usize, last: usize, surface: &str) -> bool {
        let case_ok = match group.casing {
            Casing::Fixed => group.forms.iter().any(|f| surface == f),
            Casing::FollowOriginal => (first..=last).all(|k| {
                let t = &para.tokens[k];
                let mut chars = t.text.chars();
                if k == first && t.sentence_start {
                    chars.next();
                }
                !chars.any(char::is_uppercase)
            }),
        };
        if !case_ok {
            return false;
        }
        let next = para.next(last);
        match group.when {
            When::Always => true,
            When::SentenceStart => para.tokens[first].sentence_start,
            When::MidSentence => !para.tokens[first].sentence_start,
            When::BeforeNumber => next.is_some_and(|k| is_number_token(para, k)),
            When::NextNotIn(words) => next.is_none_or(|k| !words.contains(&para.norm(k).as_str())),
            When::BeforeAMark => next.is_none_or(|k| !para.tokens[k].is_word()),
            When::PrevNotIn(words) => para.prev(first).is_none_or(|k| !words.contains(&para.norm(k).as_str())),
            When::NextIn(words) => next.is_some_and(|k| words.contains(&para.norm(k).as_str())),
            When::PrevIn(words) => para.prev(first).is_some_and(|k| words.contains(&para.norm(k).as_str())),
            When::NextPlural => {
                let plural = next.is_some_and(|k| {
                    let t = &para.tokens[k];
                    t.is_lowercase_word() && t.text.len() > 3 && t.text.ends_with('s') && !t.text.ends_with("ss")
                });
                let after_between = para.prev(first).is_some_and(|k| para.norm(k) == "between");
                plural && !after_between
            }
            When::ContrastAfterComma => {
                let after_comma = para.prev(first).is_some_and(|k| para.tokens[k].text == ",");
                let clause = next.is_some_and(|k| {
                    let t = &para.tokens[k];
                    tables::CLAUSE_STARTS.contains(&t.norm().as_str())
                        || (t.is_word() && t.text.chars().next().is_some_and(char::is_uppercase))
                });
                after_comma && clause
            }
        }
    }
}

/// A table match becomes a site; a respelt word keeps one spelling throughout its paragraph.
fn push_found(
    para: &mut Para<'_>,
    protos: &mut Vec<Proto>,
    (kind, merge, slot, group): (Kind, Option<String>, Slot, usize),
) {
    para.push(protos, kind, merge, vec![slot]);
    if matches!(kind, Kind::Spelling | Kind::Hyphen)
        && let Some(last) = protos.last_mut()
    {
        last.word = Some(format!("group {group}"));
    }
}

/// “a phrase” / ‘a phrase’ (double-quoted originals only: a single quote may be an apostrophe).
fn quotes(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    let is_double = |t: &str| matches!(t, "\"" | "\u{201C}" | "\u{201D}");
    let n = para.tokens.len();
    let mut i = 0;
    while i < n {
        let opens = is_double(para.tokens[i].text)
            && (i == 0 || para.spaced_after(i - 1) || para.tokens[i - 1].text == "(")
            && i + 1 < n
            && !para.spaced_after(i)
            && para.tokens[i + 1].is_word();
        if !opens {
            i += 1;
            continue;
        }
        let Some(close) = (i + 1..n).find(|&k| is_double(para.tokens[k].text)) else { break };
        let closes = !para.spaced_after(close - 1)
            && (close + 1 == n || para.spaced_after(close) || para.tokens[close + 1].kind == TokenKind::Punct);
        let inner_quote = (i + 1..close).any(|k| matches!(para.norm(k).as_str(), "'" | "\""));
        if closes && !inner_quote && para.free(i, i) && para.free(close, close) {
            let curly = para.tokens[i].text == "\u{201C}";
            let (open_forms, close_forms) = if curly {
                (vec!["\u{201C}", "\u{2018}"], vec!["\u{201D}", "\u{2019}"])
            } else {
                (vec!["\"", "'"], vec!["\"", "'"])
            };
            let owned = |v: Vec<&str>| v.into_iter().map(str::to_owned).collect::<Vec<_>>();
            let slots = vec![
                para.slot(i, i, para.tokens[i].start, para.tokens[i].end, owned(open_forms)),
                para.slot(close, close, para.tokens[close].start, para.tokens[close].end, owned(close_forms)),
            ];
            para.push(protos, Kind::Mark, Some("quotes".into()), slots);
        }
        i = close + 1;
    }
}

/// A pair of dashes around a phrase ("– its Ministry … –", "—its Ministry …—", "(its Ministry …)"),
/// the glyph of a single dash, and a colon that a dash can stand for ("the crisis is shared: the
/// Vale …" / "… shared – the Vale …"). Parentheses, not commas, replace a dash pair: the phrase
/// may be a clause, and commas around a clause would splice it.
fn dashes(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    let n = para.tokens.len();
    let candidates: Vec<usize> = (1..n.saturating_sub(1))
        .filter(|&i| {
            let t = &para.tokens[i];
            if t.kind != TokenKind::Punct || !is_dash(t.text) || !para.free(i, i) {
                return false;
            }
            let (Some(p), Some(q)) = (para.prev(i), para.next(i)) else { return false };
            let spaced = para.spaced_after(p) && para.spaced_after(i);
            if t.text == "-" && !spaced {
                return false; // a hyphen inside a compound
            }
            let between_numbers = para.tokens[p].starts_with_digit() && para.tokens[q].starts_with_digit();
            para.tokens[p].is_word() && para.tokens[q].is_word() && !between_numbers
        })
        .collect();
    let mut by_sentence: Vec<(usize, Vec<usize>)> = Vec::new();
    for &i in &candidates {
        let sentence = para.tokens[i].sentence;
        match by_sentence.last_mut() {
            Some((s, list)) if *s == sentence => list.push(i),
            _ => by_sentence.push((sentence, vec![i])),
        }
    }
    let span = |para: &Para<'_>, i: usize| (para.tokens[i - 1].end, para.tokens[i + 1].start);
    let owned = |forms: &[&str]| forms.iter().map(|f| (*f).to_owned()).collect::<Vec<_>>();
    let mut with_dashes: Vec<usize> = Vec::new();
    for (sentence, list) in by_sentence {
        with_dashes.push(sentence);
        if let [open, close] = list[..] {
            let brackets_inside = (open + 1..close).any(|k| matches!(para.tokens[k].text, "(" | ")"));
            let mut opening = vec![" \u{2013} ", "\u{2014}"];
            let mut closing = vec![" \u{2013} ", "\u{2014}"];
            if !brackets_inside {
                opening.push(" (");
                closing.push(") ");
            }
            let (s1, e1) = span(para, open);
            let (s2, e2) = span(para, close);
            let slots =
                vec![para.slot(open, open, s1, e1, owned(&opening)), para.slot(close, close, s2, e2, owned(&closing))];
            para.push(protos, Kind::Mark, None, slots);
        } else {
            for i in list {
                let (s, e) = span(para, i);
                let slot = para.slot(i, i, s, e, owned(&[" \u{2013} ", "\u{2014}"]));
                para.push(protos, Kind::Mark, Some("dash-glyph".into()), vec![slot]);
            }
        }
    }
    // A colon before an explanation or a list, in a sentence with no dash of its own.
    for i in 1..n.saturating_sub(1) {
        let t = &para.tokens[i];
        if t.text != ":" || with_dashes.contains(&t.sentence) || !para.free(i, i) {
            continue;
        }
        let (Some(p), Some(q)) = (para.prev(i), para.next(i)) else { continue };
        let explains = para.tokens[p].is_word()
            && !para.spaced_after(p)
            && para.spaced_after(i)
            && para.tokens[q].is_word()
            && !para.tokens[q].starts_with_digit()
            && !para.tokens[q].text.chars().next().is_some_and(char::is_uppercase);
        if explains {
            let (s, e) = span(para, i);
            let slot = para.slot(i, i, s, e, owned(&[": ", " \u{2013} ", "\u{2014}"]));
            para.push(protos, Kind::Mark, Some("colon".into()), vec![slot]);
        }
    }
}

/// Short phrases that commas may or may not set off: "Vale participants, in turn, spoke" /
/// "Vale participants in turn spoke".
const SOFT_ASIDES: &[&[&str]] = &[
    &["in", "turn"],
    &["for", "their", "part"],
    &["for", "its", "part"],
    &["in", "particular"],
    &["in", "practice"],
    &["in", "principle"],
    &["at", "first"],
    &["at", "least"],
    &["for", "now"],
    &["so", "far"],
    &["of", "course"],
    &["in", "effect"],
    &["too"],
    &["also"],
    &["therefore"],
    &["meanwhile"],
    &["once", "again"],
    &["at", "the", "same", "time"],
    &["on", "balance"],
    &["in", "the", "end"],
    &["in", "the", "meantime"],
    &["for", "example"],
];

/// The commas around a soft aside.
fn aside_commas(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    let n = para.tokens.len();
    for i in 1..n {
        if para.tokens[i].text != ","
            || !para.tokens[i - 1].is_word()
            || para.tokens[i - 1].sentence != para.tokens[i].sentence
        {
            continue;
        }
        for aside in SOFT_ASIDES {
            let close = i + aside.len() + 1;
            if close + 1 >= n {
                continue;
            }
            let fits = aside
                .iter()
                .enumerate()
                .all(|(k, w)| para.tokens[i + 1 + k].is_lowercase_word() && para.norm(i + 1 + k) == *w)
                && para.tokens[close].text == ","
                && para.tokens[close + 1].is_word()
                && para.tokens[close + 1].sentence == para.tokens[i].sentence;
            if fits && para.free(i, close) {
                let forms = || vec![",".to_owned(), String::new()];
                let (a, b) = (&para.tokens[i], &para.tokens[close]);
                let slots =
                    vec![para.slot(i, i, a.start, a.end, forms()), para.slot(close, close, b.start, b.end, forms())];
                para.push(protos, Kind::Comma, None, slots);
                break;
            }
        }
    }
}

/// The comma after a short opening phrase: "In the end, the participants" / "In the end the participants".
fn opening_commas(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    let n = para.tokens.len();
    for i in 0..n {
        let t = &para.tokens[i];
        if !t.sentence_start || !OPENERS.contains(&t.norm().as_str()) {
            continue;
        }
        let Some(comma) = (i..n.min(i + 8)).find(|&k| para.tokens[k].kind == TokenKind::Punct) else { continue };
        let words = comma - i;
        if para.tokens[comma].text != "," || !(1..=6).contains(&words) || para.tokens[comma].sentence != t.sentence {
            continue;
        }
        let Some(next) = para.next(comma) else { continue };
        if !para.tokens[next].is_word() || para.tokens[next].starts_with_digit() || !para.free(comma, comma) {
            continue;
        }
        let c = &para.tokens[comma];
        let slot = para.slot(comma, comma, c.start, c.end, vec![",".to_owned(), String::new()]);
        para.push(protos, Kind::Comma, Some("opening-comma".into()), vec![slot]);
    }
}

/// Nouns a "that" clause completes rather than qualifies ("the fact that …", "the hope that …"),
/// and nouns of time and manner ("the way that …"): "which" cannot stand for their "that".
const THAT_COMPLEMENT_NOUNS: &[&str] = &[
    "fact",
    "hope",
    "hopes",
    "view",
    "idea",
    "concern",
    "concerns",
    "belief",
    "assurance",
    "assurances",
    "understanding",
    "news",
    "proposal",
    "suggestion",
    "condition",
    "requirement",
    "risk",
    "danger",
    "sense",
    "point",
    "argument",
    "claim",
    "feeling",
    "impression",
    "expectation",
    "possibility",
    "likelihood",
    "chance",
    "evidence",
    "sign",
    "signal",
    "message",
    "reminder",
    "recognition",
    "agreement",
    "decision",
    "conclusion",
    "statement",
    "principle",
    "notion",
    "premise",
    "position",
    "warning",
    "fear",
    "fears",
    "doubt",
    "doubts",
    "certainty",
    "way",
    "time",
    "day",
    "moment",
    "year",
    "extent",
    "reason",
    "so",
    "such",
    "now",
    "given",
    "provided",
    "except",
    "in",
    "all",
    "everything",
    "nothing",
    "something",
    "anything",
    "much",
    "little",
];

/// Nouns for people, which take "who" or "that" but never "which".
const PEOPLE: &[&str] = &[
    "people",
    "person",
    "persons",
    "man",
    "men",
    "woman",
    "women",
    "child",
    "children",
    "family",
    "families",
    "official",
    "officials",
    "member",
    "members",
    "leader",
    "leaders",
    "delegate",
    "delegates",
    "expert",
    "experts",
    "diplomat",
    "diplomats",
    "envoy",
    "envoys",
    "participant",
    "participants",
    "resident",
    "residents",
    "student",
    "students",
    "president",
    "opponent",
    "opponents",
    "agent",
    "agents",
    "applicant",
    "applicants",
    "migrant",
    "migrants",
    "combatant",
    "combatants",
    "inhabitant",
    "inhabitants",
    "assistant",
    "assistants",
    "consultant",
    "consultants",
    "staff",
    "colleague",
    "colleagues",
    "friend",
    "friends",
    "youth",
    "elder",
    "elders",
    "citizen",
    "citizens",
    "refugee",
    "refugees",
    "victim",
    "victims",
    "one",
    "ones",
    "those",
    "anyone",
    "someone",
    "everyone",
    "nobody",
    "somebody",
    "everybody",
];

/// Nouns ending as people's nouns often do ("-er", "-or") that name things: "a river that …".
const THINGS_ENDING_AS_PEOPLE: &[&str] = &[
    "river", "water", "border", "order", "paper", "letter", "matter", "number", "power", "chapter", "register",
    "quarter", "summer", "winter", "sector", "factor", "corridor", "error", "center", "centre", "layer", "meter",
    "filter", "barrier", "cluster", "disaster", "offer", "answer", "tower", "other", "shelter", "theatre",
];

/// Verbs that take a "that" clause and could stand where a noun would ("the delegation said that
/// …"); with every word ending in "-ed", they are never taken for the noun before a relative.
const VERBS_BEFORE_THAT: &[&str] = &[
    "said",
    "say",
    "says",
    "felt",
    "feel",
    "feels",
    "thought",
    "think",
    "thinks",
    "found",
    "find",
    "finds",
    "knew",
    "know",
    "knows",
    "told",
    "tell",
    "tells",
    "understood",
    "understand",
    "understands",
    "meant",
    "mean",
    "means",
    "held",
    "hold",
    "holds",
    "made",
    "make",
    "makes",
    "showed",
    "shown",
    "show",
    "shows",
    "believe",
    "believes",
    "hope",
    "hopes",
    "agree",
    "agrees",
    "argue",
    "argues",
    "suggest",
    "suggests",
    "insist",
    "insists",
    "note",
    "notes",
    "stress",
    "stresses",
    "recognise",
    "recognises",
    "recognize",
    "recognizes",
    "accept",
    "accepts",
    "expect",
    "expects",
    "claim",
    "claims",
    "warn",
    "warns",
    "add",
    "adds",
    "explain",
    "explains",
    "report",
    "reports",
    "state",
    "states",
    "ensure",
    "ensures",
    "see",
    "sees",
    "saw",
    "seen",
    "learn",
    "learns",
    "learnt",
    "heard",
    "hear",
    "hears",
    "wrote",
    "written",
    "write",
    "writes",
    "concede",
    "concedes",
    "admit",
    "admits",
    "acknowledge",
    "acknowledges",
    "proposes",
    "propose",
    "ask",
    "asks",
    "doubt",
    "fear",
    "realise",
    "realises",
    "realize",
    "realizes",
    "emphasise",
    "emphasises",
    "emphasize",
    "emphasizes",
    "confirm",
    "confirms",
    "indicate",
    "indicates",
    "mention",
    "mentions",
    "maintain",
    "maintains",
    "assert",
    "asserts",
    "predict",
    "predicts",
    "estimate",
    "estimates",
    "reiterate",
    "reiterates",
];

fn looks_like_a_verb(word: &str) -> bool {
    word.ends_with("ed") || VERBS_BEFORE_THAT.contains(&word)
}

/// Whether a noun most likely names people: a listed person noun, or one ending in "-er", "-or",
/// "-ist" or "-ian" (singular or plural) that is not a listed thing.
fn names_people(noun: &str) -> bool {
    let singular = noun.strip_suffix('s').unwrap_or(noun);
    if PEOPLE.contains(&noun) || PEOPLE.contains(&singular) {
        return true;
    }
    if THINGS_ENDING_AS_PEOPLE.contains(&singular) || THINGS_ENDING_AS_PEOPLE.contains(&noun) {
        return false;
    }
    ["er", "or", "ist", "ian"].iter().any(|ending| singular.ends_with(ending) && singular.len() > ending.len() + 2)
}

/// A restrictive relative "that" after a thing ("a flow that varies") may be "which", as British
/// usage allows; never after people, never a conjunction ("said that the …"), a demonstrative
/// ("that figure") or a complement ("the fact that …"). Recognised by its place: right after a
/// noun that follows a determiner (with at most one word between), and right before a verb-like
/// word rather than the start of a clause.
fn relative_that(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    const DETERMINERS: &[&str] = &[
        "a", "an", "the", "its", "their", "this", "any", "each", "every", "no", "one", "some", "another", "our", "his",
        "her",
    ];
    for i in 0..para.tokens.len() {
        if para.norm(i) != "that" || para.tokens[i].sentence_start || !para.free(i, i) {
            continue;
        }
        let Some(noun) = para.prev(i) else { continue };
        let noun_text = para.norm(noun);
        if !para.tokens[noun].is_lowercase_word()
            || looks_like_a_verb(&noun_text)
            || THAT_COMPLEMENT_NOUNS.contains(&noun_text.as_str())
            || names_people(&noun_text)
            || noun_text.ends_with("'s")
        {
            continue;
        }
        let determiner_before = |at: usize| DETERMINERS.contains(&para.norm(at).as_str());
        let Some(before) = para.prev(noun) else { continue };
        // One word between may be an adjective ("a seasonal flow that …"), not a plural subject
        // ("the sides believe that …").
        let after_determiner = determiner_before(before)
            || (para.tokens[before].is_lowercase_word()
                && !para.norm(before).ends_with('s')
                && para.prev(before).is_some_and(determiner_before));
        let Some(next) = para.next(i) else { continue };
        let next_text = para.norm(next);
        let verb_like = para.tokens[next].is_lowercase_word()
            && !tables::CLAUSE_STARTS.contains(&next_text.as_str())
            && !matches!(next_text.as_str(), "if" | "when" | "because" | "so" | "to" | "as" | "while");
        if after_determiner && verb_like {
            let forms = vec![follow_case(para.tokens[i].text, "that"), follow_case(para.tokens[i].text, "which")];
            let slot = para.slot(i, i, para.tokens[i].start, para.tokens[i].end, forms);
            para.push(protos, Kind::Wording, None, vec![slot]);
        }
    }
}

/// Words that end in "s" without being plural ("and that news was welcome", "and that has had").
const SINGULAR_IN_S: &[&str] =
    &["news", "series", "means", "species", "progress", "process", "access", "us", "has", "is", "was", "does"];

/// Auxiliaries and modals, which follow a clause's subject.
const AUXILIARIES: &[&str] = &[
    "can", "could", "will", "would", "may", "might", "must", "should", "shall", "have", "had", "are", "were", "do",
    "did",
];

/// Whether a clause's subject plainly opens at token `k`, so that a "that" before it can only be
/// the conjunction: a determiner or pronoun ("that the", "that they"), a number other than "one",
/// a name, or a plural followed by an auxiliary ("that farmers had lost"; a demonstrative "that"
/// takes no plural, and a word in -s followed by anything else may be a verb, as in "and that
/// leaves the Coast …" or "and that requires trained staff").
fn opens_clause_subject(para: &Para<'_>, k: usize) -> bool {
    let token = &para.tokens[k];
    let word = token.norm();
    if !token.is_word() {
        return false;
    }
    if token.text.chars().next().is_some_and(char::is_uppercase) || token.starts_with_digit() {
        return true;
    }
    let plural = word.ends_with('s') && !word.ends_with("ss") && !SINGULAR_IN_S.contains(&word.as_str());
    let then_a_verb = para.next(k).is_some_and(|v| {
        let verb = para.norm(v);
        para.tokens[v].is_lowercase_word() && AUXILIARIES.contains(&verb.as_str())
    });
    tables::CLAUSE_STARTS.contains(&word.as_str())
        || (NUMBER_WORDS.contains(&word.as_str()) && word != "one" && word != "zero")
        || (plural && then_a_verb)
}

/// The "that" of a second reported clause may go: "They recognised that the flow had fallen, and
/// that three dry years had emptied the reservoir" / "…, and three dry years had emptied …". Only
/// after a comma and "and", in a sentence where a verb of saying or knowing took a "that" earlier,
/// and before a word that plainly opens the clause's subject (so the "that" is no demonstrative,
/// as in "…, and that figure was revised").
fn second_reported_that(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    for i in 1..para.tokens.len() {
        let after_comma = para.tokens[i - 1].text == "," && para.tokens[i - 1].sentence == para.tokens[i].sentence;
        if para.norm(i) != "and" || !after_comma {
            continue;
        }
        let Some(that) = para.next(i) else { continue };
        let Some(after) = para.next(that) else { continue };
        let sentence = para.tokens[i].sentence;
        let reported_earlier = (1..i - 1).any(|k| {
            para.tokens[k].sentence == sentence
                && para.norm(k) == "that"
                && para.tokens[k - 1].sentence == sentence
                && looks_like_a_verb(&para.norm(k - 1))
        });
        if para.norm(that) != "that" || !reported_earlier || !opens_clause_subject(para, after) || !para.free(i, that) {
            continue;
        }
        let forms = vec![para.surface(i, that), para.tokens[i].text.to_owned()];
        let slot = para.slot(i, that, para.tokens[i].start, para.tokens[that].end, forms);
        para.push(protos, Kind::Wording, None, vec![slot]);
    }
}

/// Modals that a second verb joined by "and" may share: "will meet in May, and will report" /
/// "will meet in May, and report".
const SHARED_MODALS: &[&str] = &["will", "would", "can", "could", "should", "must", "may", "might", "shall"];

/// Words that end the clause of a modal before the "and": a verb of its own ("was", "had") or a
/// relative pronoun opens another clause, whose subject the second verb would then seem to share.
const CLAUSE_BREAKS: &[&str] = &[
    "which", "who", "whom", "whose", "that", "when", "where", "while", "whilst", "because", "if", "unless", "although",
    "though", "since", "as", "is", "are", "was", "were", "has", "have", "had", "do", "does", "did", ";", ":", "(", ")",
];

/// A modal repeated after "and" may go when the same modal opened the verb before it, in the same
/// clause: "The teams will meet in May, and will report to the round" / "…, and report to the
/// round". Only when "and" comes straight before the modal (so the second verb has no subject of
/// its own), the modal straight before a verb (not "will not", "will also"), and nothing between
/// the two modals opens another clause ("The plan, which will cost more, was approved, and will
/// start in May" keeps its "will").
fn repeated_modals(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    const NOT_A_VERB: &[&str] =
        &["not", "n't", "also", "then", "still", "never", "now", "only", "thus", "therefore", "be", "have"];
    for i in 1..para.tokens.len() {
        if para.norm(i) != "and" || !para.tokens[i].is_lowercase_word() {
            continue;
        }
        let Some(modal) = para.next(i) else { continue };
        let Some(verb) = para.next(modal) else { continue };
        let modal_word = para.norm(modal);
        let verb_word = para.norm(verb);
        if !SHARED_MODALS.contains(&modal_word.as_str())
            || !para.tokens[modal].is_lowercase_word()
            || !para.tokens[verb].is_lowercase_word()
            || NOT_A_VERB.contains(&verb_word.as_str())
            || !para.free(i, modal)
        {
            continue;
        }
        // The same modal earlier in the sentence, before a verb, with nothing between it and the
        // "and" that opens another clause.
        let sentence = para.tokens[i].sentence;
        let mut k = i - 1;
        let opened_by_same = loop {
            let t = &para.tokens[k];
            if t.sentence != sentence {
                break false;
            }
            let word = t.norm();
            if word == modal_word && t.is_lowercase_word() {
                break para.next(k).is_some_and(|v| {
                    para.tokens[v].is_lowercase_word() && !NOT_A_VERB.contains(&para.norm(v).as_str())
                });
            }
            // An infinitive between ("will meet to co-ordinate the design, and will report"):
            // without the modal, the second verb could be read as the infinitive's.
            let infinitive = word == "to"
                && para.next(k).is_some_and(|v| {
                    para.tokens[v].is_lowercase_word() && !tables::CLAUSE_STARTS.contains(&para.norm(v).as_str())
                });
            // A modal in lower case: "May" is the month.
            if (SHARED_MODALS.contains(&word.as_str()) && t.is_lowercase_word())
                || CLAUSE_BREAKS.contains(&word.as_str())
                || t.text == "and"
                || infinitive
            {
                break false;
            }
            if k == 0 {
                break false;
            }
            k -= 1;
        };
        if !opened_by_same {
            continue;
        }
        let forms = vec![para.surface(i, modal), para.tokens[i].text.to_owned()];
        let slot = para.slot(i, modal, para.tokens[i].start, para.tokens[modal].end, forms);
        para.push(protos, Kind::Wording, None, vec![slot]);
    }
}

/// Verbs that take an infinitive with "to" ("offered to organise"), after which a second
/// infinitive joined by "and" may share the "to".
const VERBS_BEFORE_AN_INFINITIVE: &[&str] = &[
    "offered",
    "offer",
    "offers",
    "agreed",
    "agree",
    "agrees",
    "decided",
    "decide",
    "decides",
    "promised",
    "promise",
    "promises",
    "undertook",
    "undertake",
    "undertakes",
    "planned",
    "plan",
    "plans",
    "hoped",
    "hope",
    "hopes",
    "intended",
    "intend",
    "intends",
    "proposed",
    "propose",
    "proposes",
    "sought",
    "seek",
    "seeks",
    "tried",
    "try",
    "tries",
    "wanted",
    "want",
    "wants",
    "wished",
    "wish",
    "wishes",
    "expected",
    "expect",
    "expects",
    "continued",
    "continue",
    "continues",
    "volunteered",
    "volunteer",
    "volunteers",
    "refused",
    "refuse",
    "refuses",
];

/// The "to" of a second infinitive may go when one verb takes both: "offered to organise a
/// workshop, and to invite a hydrologist" / "…, and invite a hydrologist". Only when the first
/// "to" follows a verb that takes an infinitive and comes straight before a verb (not "agreed to
/// the plan"), the nearest "to" before the "and" is that one (in a list of three, "to prepare …,
/// to circulate …, and to propose …", dropping only the last would break the pattern), and a
/// word that can be a verb follows the second "to".
fn shared_infinitive_to(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    let before_a_verb = |para: &Para<'_>, at: usize| -> bool {
        para.next(at).is_some_and(|v| {
            let word = para.norm(v);
            // Not a plural noun ("to farmers"); a verb after "to" takes no -s.
            let plural = word.ends_with('s') && !word.ends_with("ss");
            para.tokens[v].is_lowercase_word()
                && !tables::CLAUSE_STARTS.contains(&word.as_str())
                && !word.ends_with("ing")
                && !plural
        })
    };
    for i in 1..para.tokens.len() {
        if para.norm(i) != "and" || !para.tokens[i].is_lowercase_word() {
            continue;
        }
        let Some(to) = para.next(i) else { continue };
        if para.norm(to) != "to" || !before_a_verb(para, to) || !para.free(i, to) {
            continue;
        }
        let sentence = para.tokens[i].sentence;
        let Some(first) =
            (0..i).rev().take_while(|&k| para.tokens[k].sentence == sentence).find(|&k| para.norm(k) == "to")
        else {
            continue;
        };
        let after_its_verb = first > 0
            && para.tokens[first - 1].sentence == sentence
            && VERBS_BEFORE_AN_INFINITIVE.contains(&para.norm(first - 1).as_str());
        let no_break = (first + 1..i).all(|k| {
            let word = para.norm(k);
            !CLAUSE_BREAKS.contains(&word.as_str())
                && word != "and"
                && !(SHARED_MODALS.contains(&word.as_str()) && para.tokens[k].is_lowercase_word())
        });
        if !after_its_verb || !before_a_verb(para, first) || !no_break {
            continue;
        }
        let forms = vec![para.surface(i, to), para.tokens[i].text.to_owned()];
        let slot = para.slot(i, to, para.tokens[i].start, para.tokens[to].end, forms);
        para.push(protos, Kind::Wording, None, vec![slot]);
    }
}

/// The comma before "and", "or", "but": the serial comma of a list, or the comma between clauses.
fn conjunction_commas(para: &mut Para<'_>, protos: &mut Vec<Proto>) {
    let n = para.tokens.len();
    for i in 1..n {
        if para.tokens[i].text != "," || !para.free(i, i) || !para.tokens[i - 1].is_word() {
            continue;
        }
        let Some(conj) = para.next(i) else { continue };
        let conj_ok =
            matches!(para.tokens[conj].text, "and" | "or" | "but" | "whilst" | "while" | "although" | "whereas")
                && para.spaced_after(i);
        let Some(after) = para.next(conj) else { continue };
        if !conj_ok || !para.tokens[after].is_word() {
            continue;
        }
        // The segment since the previous mark of the sentence: a few words after a comma are a
        // list item (serial comma), unless they open an aside ("…, without naming participants,
        // and will ask"), whose closing comma must stay.
        let mut k = i - 1;
        let mut words = 0;
        let segment_start = loop {
            let t = &para.tokens[k];
            if t.sentence != para.tokens[i].sentence || !t.is_word() {
                break (t.text == "," && t.sentence == para.tokens[i].sentence).then_some(k + 1);
            }
            words += 1;
            if k == 0 {
                break None;
            }
            k -= 1;
        };
        if segment_start.is_some_and(|first| ASIDE_OPENERS.contains(&para.norm(first).as_str())) {
            continue;
        }
        let serial = segment_start.is_some() && (1..=5).contains(&words);
        let merge =
            if serial && matches!(para.tokens[conj].text, "and" | "or") { "serial-comma" } else { "conjunction-comma" };
        let c = &para.tokens[i];
        let slot = para.slot(i, i, c.start, c.end, vec![",".to_owned(), String::new()]);
        para.push(protos, Kind::Comma, Some(merge.into()), vec![slot]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Template;
    use crate::code::Chooser;
    use crate::{CodeScheme, CopyId, make_copy};

    /// A readout's paragraph holding every kind of site the scheme with more sites adds.
    const PARAGRAPH: &str = "The hydrologists recognised that the flow had fallen, and that three dry years had \
        emptied the reservoir. Salt water now reaches the delta, and the fall in the catch was felt at first by \
        fishing families. The sides discussed these questions and its effect on people before the next meeting, \
        and agreed on a closing session.";

    fn options(scheme: CodeScheme, wording_variants: bool) -> Fingerprinting {
        let mut how = Fingerprinting::new([9; 32], wording_variants);
        how.scheme = scheme;
        how
    }

    /// Each site as its original text and its forms.
    fn described(text: &str, scheme: CodeScheme, wording_variants: bool) -> Vec<(String, Vec<String>)> {
        let text = ReadoutText::from_plain(text);
        find_sites(&text, &options(scheme, wording_variants))
            .into_iter()
            .map(|site| {
                let slot = &site.slots[0];
                (text.paragraphs[slot.paragraph][slot.start..slot.end].to_owned(), slot.forms.clone())
            })
            .collect()
    }

    #[test]
    fn the_sites_added_with_more_sites_are_found_only_under_that_scheme_with_wording_variants() {
        let latest = described(PARAGRAPH, CodeScheme::SeparatedMoreSites, true);
        let before = described(PARAGRAPH, CodeScheme::Separated, true);
        let forms_of = |original: &str| latest.iter().find(|(o, _)| o == original).map(|(_, forms)| forms.clone());
        // Each form says what the original says, in its register.
        let expected: [(&str, &[&str]); 8] = [
            ("and that", &["and that", "and"]),
            ("Salt water", &["Salt water", "Saltwater"]),
            ("fall in", &["fall in", "drop in", "decline in"]),
            ("at first", &["at first", "initially", "to begin with"]),
            ("these questions", &["these questions", "these issues"]),
            ("effect on", &["effect on", "impact on"]),
            ("before the next", &["before the next", "ahead of the next", "prior to the next"]),
            ("a closing session", &["a closing session", "a final session", "a concluding session"]),
        ];
        for (original, forms) in expected {
            assert_eq!(forms_of(original), Some(forms.iter().map(|f| (*f).to_owned()).collect()), "{original}");
        }
        // Under the separated code the sites are those its copies were made on: none of the new
        // ones, and the older ones with their two forms.
        let new_only = ["and that", "Salt water", "fall in", "these questions", "effect on"];
        assert!(before.iter().all(|(original, _)| !new_only.contains(&original.as_str())), "{before:?}");
        assert!(before.iter().all(|(_, forms)| !forms.iter().any(|f| f.starts_with("prior to the next"))));
        assert_eq!(latest.len(), before.len() + new_only.len());
        // Without wording variants the two schemes find the same sites.
        let off = |scheme| described(PARAGRAPH, scheme, false);
        assert_eq!(off(CodeScheme::SeparatedMoreSites), off(CodeScheme::Separated));
    }

    #[test]
    fn the_added_sites_stay_out_of_contexts_where_they_would_change_the_meaning() {
        for text in [
            // A demonstrative "that": dropping it would break the sentence.
            "The team said that the gauge was broken, and that figure was revised.",
            "The team said that the gauge was broken, and that was all.",
            "The team said that the gauge was broken, and that leaves the Coast without data.",
            "The team said that the gauge was broken, and that requires trained staff.",
            "The team said that the gauge was broken, and that has had effects.",
            // No "that" of a verb of saying before: a relative "that" after a noun.
            "These are the rules that apply, and that the ministry enforces.",
            // "fall in" as a verb, "effect on" after another noun.
            "Prices fall in winter, and the side effect on farms is small.",
        ] {
            let sites = described(text, CodeScheme::SeparatedMoreSites, true);
            for (original, _) in &sites {
                assert!(!["and that", "fall in", "effect on"].contains(&original.as_str()), "{original:?} in {text:?}");
            }
        }
    }

    /// A copy as someone retyping it from a screenshot leaves it: quotes straightened, every dash
    /// a hyphen, a line break after each sentence.
    fn retyped_from_screenshot(plain: &str) -> String {
        plain
            .chars()
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201C}' | '\u{201D}' => '"',
                '\u{2013}' | '\u{2014}' => '-',
                other => other,
            })
            .collect::<String>()
            .replace(". ", ".\n")
    }

    /// Reads back every site `is_added` picks from `copies` copies of `paragraph` retyped from a
    /// screenshot, asserting that each shows the form its copy was given; returns the sites, those
    /// picked, and per site the forms the copies showed (a bit per form).
    fn read_back_after_retyping(
        paragraph: &str,
        scheme: CodeScheme,
        copies: u32,
        is_added: impl Fn(&str, &Site) -> bool,
    ) -> (Vec<Site>, Vec<usize>, Vec<u64>) {
        let text = ReadoutText::from_plain(paragraph);
        let how = options(scheme, true);
        let sites = find_sites(&text, &how);
        let chooser = Chooser::new(&text, &how, &sites);
        let template = Template::build(&text, &sites);
        let added: Vec<usize> = sites
            .iter()
            .enumerate()
            .filter(|(_, site)| is_added(&paragraph[site.slots[0].start..site.slots[0].end], site))
            .map(|(s, _)| s)
            .collect();
        let mut shown = vec![0u64; sites.len()];
        for copy in (1..=copies).map(CopyId) {
            let retyped = retyped_from_screenshot(&make_copy(&text, &how, copy).to_plain());
            let reading = template.read(&retyped);
            let seen = crate::weigh::combine(reading.pieces.iter().flat_map(|piece| &piece.observations));
            for &s in &added {
                let choice = chooser.choice(copy, s);
                shown[s] |= 1 << choice;
                let observed = seen.iter().find(|o| o.site == s).map(|o| o.compatible);
                assert_eq!(observed, Some(1 << choice), "copy {copy:?}, site {s}: {retyped}");
            }
        }
        (sites, added, shown)
    }

    #[test]
    fn the_added_sites_are_read_again_after_retyping_from_a_screenshot() {
        let (_, added, _) =
            read_back_after_retyping(PARAGRAPH, CodeScheme::SeparatedMoreSites, 12, |original, site| {
                site.arity() == 3 && site.slots[0].forms[2].contains(' ')
                    || ["and that", "Salt water", "fall in", "these questions", "effect on"].contains(&original)
            });
        assert!(added.len() >= 8, "{added:?}");
    }

    /// A readout's paragraph holding every kind of site the scheme with further sites adds.
    const FURTHER: &str = "On 14 March 2025, twelve participants took part, and the sessions were held under the \
        Chatham House Rule. The flow has fallen by about 30 per cent, the fall in the catch was more difficult to \
        bear, and the Coast asked for these questions to be heard. The Vale plans week by week, whilst the Coast \
        plans in advance. The Institute offered to organise a workshop, and to invite a hydrologist. The teams \
        will meet in May, and will report by 30 April 2026.";

    /// The sites of `FURTHER` that the scheme with further sites adds or gives more forms, as
    /// their original text and forms.
    const FURTHER_EXPECTED: [(&str, &[&str]); 12] = [
        ("14 March 2025", &["14 March 2025", "March 14, 2025", "14th March 2025", "March 14th, 2025"]),
        ("took part", &["took part", "attended", "participated"]),
        ("were held under", &["were held under", "took place under", "were conducted under"]),
        ("fallen by", &["fallen by", "dropped by", "declined by", "decreased by"]),
        ("about", &["about", "around", "roughly", "some", "approximately"]),
        ("fall in", &["fall in", "drop in", "decline in", "decrease in"]),
        ("more difficult", &["more difficult", "harder", "tougher", "more challenging"]),
        ("asked for", &["asked for", "requested", "called for", "sought"]),
        ("these questions", &["these questions", "these issues", "these matters"]),
        ("whilst", &["whilst", "while", "whereas"]),
        ("and to", &["and to", "and"]),
        ("and will", &["and will", "and"]),
    ];

    #[test]
    fn the_sites_added_with_further_sites_are_found_only_under_that_scheme_with_wording_variants() {
        let latest = described(FURTHER, CodeScheme::SeparatedFurtherSites, true);
        let before = described(FURTHER, CodeScheme::SeparatedMoreSites, true);
        let forms_of = |sites: &[(String, Vec<String>)], original: &str| {
            sites.iter().find(|(o, _)| o == original).map(|(_, forms)| forms.clone())
        };
        for (original, forms) in FURTHER_EXPECTED {
            let forms: Vec<String> = forms.iter().map(|f| (*f).to_owned()).collect();
            assert_eq!(forms_of(&latest, original), Some(forms.clone()), "{original}");
            // Under the scheme before, the site is not found, or found with fewer forms.
            assert!(forms_of(&before, original).is_none_or(|older| older.len() < forms.len()), "{original}");
        }
        assert_eq!(latest.len(), before.len() + 2, "{latest:?}");
        let off = |scheme| described(FURTHER, scheme, false);
        assert_eq!(off(CodeScheme::SeparatedFurtherSites), off(CodeScheme::Separated));
    }

    #[test]
    fn a_shared_modal_or_to_is_left_where_dropping_it_would_change_the_reading() {
        for text in [
            // The modal before belongs to another clause, or none comes before.
            "The plan, which will cost more, was approved, and will start in May.",
            "The plan was approved, and will start in May.",
            // An infinitive between: the second verb could be read as its.
            "The teams will meet to co-ordinate the design, and will report in June.",
            // A subject of its own, or no verb straight after the modal.
            "The teams will meet in May, and they will report in June.",
            "The teams will meet in May, and will not report before June.",
            "The teams will meet in May, and will also report in June.",
            // "to" as a preposition, and a list whose other items keep their "to".
            "The centre agreed to the plan, and to the budget.",
            "They asked the centre to prepare a paper, to circulate a draft, and to propose dates.",
            "The Vale offered to share data, and to farmers the water they need.",
        ] {
            let sites = described(text, CodeScheme::SeparatedFurtherSites, true);
            for (original, _) in &sites {
                assert!(!["and will", "and to"].contains(&original.as_str()), "{original:?} in {text:?}");
            }
        }
        // "attended" with an object is not varied: "took part the meeting" is no English.
        let sites = described("Nine participants attended the meeting.", CodeScheme::SeparatedFurtherSites, true);
        assert!(sites.iter().all(|(o, _)| o != "attended"), "{sites:?}");
        // A "whilst" of time is only respelt.
        let sites =
            described("The delegates waited whilst the room was prepared.", CodeScheme::SeparatedFurtherSites, true);
        let whilst = sites.iter().find(|(o, _)| o == "whilst").map(|(_, forms)| forms.clone());
        assert_eq!(whilst, Some(vec!["whilst".to_owned(), "while".to_owned()]));
    }

    #[test]
    fn the_further_sites_are_read_again_after_retyping_from_a_screenshot() {
        let (sites, added, shown) =
            read_back_after_retyping(FURTHER, CodeScheme::SeparatedFurtherSites, 20, |original, _| {
                FURTHER_EXPECTED.iter().any(|(o, _)| *o == original)
            });
        assert_eq!(added.len(), FURTHER_EXPECTED.len(), "{added:?}");
        // Among twenty copies every form of every added site is shown, the new ones included.
        for &s in &added {
            assert_eq!(shown[s], (1 << sites[s].arity()) - 1, "site {s}");
        }
    }
}
