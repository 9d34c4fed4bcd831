//! Drafts and metadata the tests export: generated at random with every span and body kind, and
//! a large one built in a fixed way.

use proptest::prelude::*;
use tracktwo_akoma_ntoso::TextMeta;
use tracktwo_domain::negotiating_text::{
    Alternative, Body, Clause, ClauseId, ContentHash, Draft, Language, Part, PartId, Renders, Replaces, Span,
    draft_hash,
};

/// Characters of a line: Latin, Arabic, Cyrillic, CJK, an emoji, XML's special characters, spaces
/// of two kinds, and U+FFFE, which XML cannot carry at all.
const LINE: &[char] = &[
    'a', 'b', 'Z', '7', ' ', ' ', 'é', 'م', 'ر', 'ح', 'ب', 'ا', 'ж', 'Щ', 'я', '和', '😀', '<', '>', '&', '"', '\'',
    '.', ',', '\u{00a0}', '\u{fffe}', '\u{200f}',
];

/// A long text's characters: a line's, and line breaks, tabs and control characters.
const LONG: &[char] = &[
    'a', 'b', 'Z', '7', ' ', ' ', 'é', 'م', 'ر', 'ж', 'Щ', '<', '>', '&', '"', '\'', '.', '\n', '\r', '\t', '\u{1}',
    '\u{c}', '\u{1f}', '\u{7f}', '\u{85}', '\u{ffff}',
];

fn text(alphabet: &'static [char], length: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(alphabet), length).prop_map(|chars| chars.into_iter().collect())
}

fn required(alphabet: &'static [char], length: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    text(alphabet, length).prop_filter("has more than spaces", |t| !t.trim().is_empty())
}

fn span() -> impl Strategy<Value = Span> {
    prop_oneof![
        3 => text(LONG, 0..16).prop_map(Span::Words),
        1 => required(LINE, 1..10).prop_map(Span::Bracketed),
        1 => prop::collection::vec(required(LINE, 1..8), 2..4).prop_map(Span::Choice),
    ]
}

fn spans() -> impl Strategy<Value = Vec<Span>> {
    prop::collection::vec(span(), 1..6)
        .prop_filter("has words", |spans| spans.iter().any(|s| !matches!(s, Span::Words(w) if w.trim().is_empty())))
}

fn replaces() -> impl Strategy<Value = Replaces> {
    prop_oneof![Just(Replaces::WholeClause), required(LINE, 1..10).prop_map(Replaces::Words)]
}

fn body() -> impl Strategy<Value = Body> {
    prop_oneof![
        2 => spans().prop_map(Body::Text),
        1 => prop::collection::vec((text(LINE, 0..4), spans(), replaces()), 2..4).prop_map(|alternatives| {
            Body::Alternatives(
                alternatives
                    .into_iter()
                    .enumerate()
                    // The number makes labels distinct; the random part gives them spaces and scripts.
                    .map(|(i, (label, text, replaces))| Alternative { label: format!("{label}{i}"), text, replaces })
                    .collect(),
            )
        }),
    ]
}

fn hash() -> impl Strategy<Value = ContentHash> {
    any::<[u8; 32]>().prop_map(ContentHash)
}

/// A clause without its identifier, which the draft gives.
fn clause() -> impl Strategy<Value = Clause> {
    (text(LINE, 0..12), body(), any::<bool>(), prop::option::of(hash())).prop_map(|(heading, body, agreed, source)| {
        let mut clause = Clause {
            id: ClauseId(0),
            heading,
            body,
            ad_referendum: false,
            renders: source.map(|source| Renders { source }),
        };
        // Only a clean clause can be agreed ad referendum.
        clause.ad_referendum = agreed && clause.brackets() == 0 && matches!(clause.body, Body::Text(_));
        clause
    })
}

pub fn draft() -> impl Strategy<Value = Draft> {
    (
        required(LINE, 1..20),
        prop_oneof![Just(String::new()), text(LONG, 0..60)],
        prop::collection::vec((text(LINE, 0..12), prop::collection::vec((clause(), 1u32..4), 0..5), 1u32..3), 0..4),
    )
        .prop_map(|(title, preamble, parts)| {
            let mut next_part = 0;
            let mut next_clause = 0;
            let parts = parts
                .into_iter()
                .map(|(heading, clauses, part_step)| {
                    next_part += part_step;
                    let clauses = clauses
                        .into_iter()
                        .map(|(mut clause, step)| {
                            next_clause += step;
                            clause.id = ClauseId(next_clause);
                            clause
                        })
                        .collect();
                    Part { id: PartId(next_part), heading, clauses }
                })
                .collect();
            Draft { title, preamble, parts }
        })
}

pub fn meta_for(draft: &Draft) -> impl Strategy<Value = TextMeta> + use<> {
    let hash = draft_hash(draft);
    (
        required(&['a', 'Z', '0', '-', '_', '/', '%', ' ', '?', '#', 'ж', 'م', '&', '<'], 1..24),
        required(&['a', 'b', ' ', 'é', 'م', 'ж', '<', '>', '&', '"', '\''], 1..30),
        prop::sample::select(vec!["en", "ar", "ru", "fr-ca", "zh-hant-tw"]),
        any::<u32>(),
        0i32..=2_000_000,
    )
        .prop_map(move |(text, title, language, version, day)| TextMeta {
            text,
            title,
            language: Language::parse(language).unwrap(),
            version,
            hash,
            date: time::Date::from_julian_day(2_400_000 + day).unwrap(),
        })
}

pub fn draft_and_meta() -> impl Strategy<Value = (TextMeta, Draft)> {
    draft().prop_flat_map(|draft| (meta_for(&draft), Just(draft)))
}

/// A text of 300 clauses in 12 parts, every kind of clause among them.
pub fn large() -> (TextMeta, Draft) {
    let mut parts = Vec::new();
    for p in 1..=12u32 {
        let clauses = (1..=25u32)
            .map(|c| {
                let id = (p - 1) * 25 + c;
                let words = |n: u32| format!(" the Parties shall, within {n} days of signature, consult one another ");
                let body = match id % 5 {
                    0 => Body::Alternatives(vec![
                        Alternative {
                            label: "A".into(),
                            text: vec![Span::Words(words(id))],
                            replaces: Replaces::WholeClause,
                        },
                        Alternative {
                            label: "B".into(),
                            text: vec![Span::Words("Each side".into()), Span::Bracketed("may".into())],
                            replaces: Replaces::Words("within".into()),
                        },
                    ]),
                    1 => Body::Text(vec![
                        Span::Words(words(id)),
                        Span::Choice(vec!["shall".into(), "should".into(), "may".into()]),
                        Span::Words(" وقف إطلاق النار & перемирие <".into()),
                    ]),
                    2 => Body::Text(vec![Span::Bracketed("Without prejudice".into()), Span::Words(words(id))]),
                    _ => Body::Text(vec![Span::Words(words(id).repeat(3))]),
                };
                let mut clause = Clause {
                    id: ClauseId(id),
                    heading: if id % 2 == 0 { format!("Article {id}") } else { String::new() },
                    body,
                    ad_referendum: false,
                    renders: None,
                };
                clause.ad_referendum = id % 5 == 3;
                clause
            })
            .collect();
        parts.push(Part { id: PartId(p), heading: format!("Part {p}"), clauses });
    }
    let draft = Draft {
        title: "Framework for a ceasefire and a political process".into(),
        preamble: "Recalling the talks held so far,\nDetermined to end the conflict,".into(),
        parts,
    };
    draft.validate().unwrap();
    let meta = TextMeta {
        text: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
        title: "Framework agreement".into(),
        language: Language::parse("en").unwrap(),
        version: 17,
        hash: draft_hash(&draft),
        date: time::macros::date!(2026 - 03 - 14),
    };
    (meta, draft)
}
