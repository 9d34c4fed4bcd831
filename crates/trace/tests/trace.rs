//! Tracing leaked passages of the invented Serin River readout back to their copies: the
//! criterion of issue "Transfer to Track One", passages from no copy, and the copies themselves.

mod support;

use std::collections::BTreeSet;

use support::{COPIES, Elsewhere, copy_ids, elsewhere_trials, fingerprinting, leak_trials, rate, readout, sentences};
use tracktwo_trace::{
    CONFIDENCE_REQUIRED, CopyId, Fingerprinting, NotMatchingReason, ReadoutText, SiteClass, TraceResult, copy_mark,
    describe_sites, make_copy, trace, variable_sites,
};
use unicode_segmentation::UnicodeSegmentation;

fn report(label: &str, trials: &[support::Trial]) -> f64 {
    let right = rate(trials, support::Trial::traced_right);
    let wrong = rate(trials, support::Trial::traced_wrong);
    println!("{label}: right copy {right:.3}, wrong copy {wrong:.3}, over {} trials", trials.len());
    right
}

#[test]
fn three_retyped_sentences_name_the_right_copy_with_wording_variants() {
    let trials = leak_trials(true, 3, 400, 2025);
    let right = report("wording variants on, 3 sentences", &trials);
    assert!(right >= 0.95, "{right}");
    assert!(rate(&trials, support::Trial::traced_wrong) <= 0.005);
}

#[test]
fn without_wording_variants_three_sentences_are_too_few_and_seven_suffice() {
    // Spelling, number style and punctuation alone give about two sites a sentence in this
    // readout, half of what three sentences need against 20 copies.
    let three = report("wording variants off, 3 sentences", &leak_trials(false, 3, 300, 2026));
    assert!(three >= 0.3, "{three}");
    let seven_trials = leak_trials(false, 7, 300, 2027);
    let seven = report("wording variants off, 7 sentences", &seven_trials);
    assert!(seven >= 0.95, "{seven}");
    assert!(rate(&seven_trials, support::Trial::traced_wrong) <= 0.005);
}

#[test]
fn an_exact_copy_of_any_three_sentences_names_its_copy() {
    let original = readout();
    let how = fingerprinting(true);
    let ids = copy_ids();
    for &copy in &ids[..5] {
        let sentences = sentences(&make_copy(&original, &how, copy));
        for first in 0..sentences.len() - 2 {
            let passage = sentences[first..first + 3].join(" ");
            match trace(&passage, &original, &how, &ids) {
                TraceResult::Copy { copy: found, confidence, .. } => {
                    assert_eq!(found, copy, "{passage}");
                    assert!(confidence >= CONFIDENCE_REQUIRED);
                }
                other => panic!("{other:?} for {passage}"),
            }
        }
    }
}

#[test]
fn a_whole_copy_pasted_names_its_copy() {
    let original = readout();
    let how = fingerprinting(false);
    let ids = copy_ids();
    for copy in [CopyId(3), CopyId(20)] {
        let whole = make_copy(&original, &how, copy).paragraphs.join(" ");
        match trace(&whole, &original, &how, &ids) {
            TraceResult::Copy { copy: found, confidence, sites_seen } => {
                assert_eq!(found, copy);
                assert!(confidence > 0.999_999);
                assert_eq!(sites_seen, variable_sites(&original, &how));
            }
            other => panic!("{other:?}"),
        }
    }
}

fn not_matching_rate(results: &[TraceResult]) -> f64 {
    results.iter().filter(|r| matches!(r, TraceResult::NotMatching { .. })).count() as f64 / results.len() as f64
}

#[test]
fn text_from_no_copy_is_not_matching() {
    for wording in [false, true] {
        for from in [Elsewhere::OtherText, Elsewhere::Reworded, Elsewhere::Original] {
            let results = elsewhere_trials(wording, from, 200, 31);
            let not_matching = not_matching_rate(&results);
            println!("{from:?}, wording variants {wording}: not matching {not_matching:.3}");
            // Never a confident wrong copy: none of these comes from a copy.
            assert_eq!(not_matching, 1.0, "{from:?}");
        }
    }
    let other = elsewhere_trials(true, Elsewhere::OtherText, 50, 32);
    assert!(
        other
            .iter()
            .all(|r| matches!(r, TraceResult::NotMatching { reason: NotMatchingReason::NotFromThisReadout { .. } }))
    );
    let original = elsewhere_trials(true, Elsewhere::Original, 50, 33);
    let as_original = original
        .iter()
        .filter(|r| matches!(r, TraceResult::NotMatching { reason: NotMatchingReason::UnmarkedOriginal { .. } }))
        .count();
    assert!(as_original >= 45, "{as_original} of 50 recognised as the unmarked original");
}

#[test]
fn a_copy_of_another_readout_sharing_the_text_is_mostly_not_matching() {
    // Its choices are random against this readout's copies, so a few passages fit one of them
    // by chance, about as often as the confidence threshold allows.
    for wording in [false, true] {
        let results = elsewhere_trials(wording, Elsewhere::OtherKey, 200, 34);
        let not_matching = not_matching_rate(&results);
        println!("another key, wording variants {wording}: not matching {not_matching:.3}");
        assert!(not_matching >= 0.9, "{not_matching}");
    }
}

#[test]
fn short_empty_and_siteless_passages_are_not_matching() {
    let original = readout();
    let how = fingerprinting(false);
    let ids = copy_ids();
    let reason = |leaked: &str, copies: &[CopyId]| match trace(leaked, &original, &how, copies) {
        TraceResult::NotMatching { reason } => reason,
        other => panic!("{other:?}"),
    };
    assert_eq!(reason("The Vale organises releases week by week.", &[]), NotMatchingReason::NoCopies);
    assert!(matches!(reason("Tarsa, four months", &ids), NotMatchingReason::TooShort { words: 3 }));
    assert!(matches!(
        reason("The co-chairs noted that this was the first round in which no participant left", &ids),
        NotMatchingReason::NoVariableSites
    ));
    assert!(matches!(reason("", &ids), NotMatchingReason::TooShort { words: 0 }));
    let shown = reason("Completely unrelated words about weather and football and music tonight.", &ids).to_string();
    assert!(shown.contains("does not come from this readout"), "{shown}");
}

#[test]
fn copies_and_traces_are_deterministic() {
    let original = readout();
    let how = fingerprinting(true);
    let ids = copy_ids();
    for &copy in &ids {
        assert_eq!(make_copy(&original, &how, copy), make_copy(&original, &how, copy));
    }
    let passage = sentences(&make_copy(&original, &how, CopyId(4)))[5..8].join(" ");
    assert_eq!(trace(&passage, &original, &how, &ids), trace(&passage, &original, &how, &ids));
    // Twenty copies, twenty different texts.
    let texts: BTreeSet<String> = ids.iter().map(|&c| make_copy(&original, &how, c).to_plain()).collect();
    assert_eq!(texts.len(), COPIES as usize);
}

#[test]
fn another_key_maps_the_sites_to_other_choices() {
    let original = readout();
    let how = fingerprinting(true);
    let mut other = fingerprinting(true);
    other.key[0] ^= 1;
    // The sites are the text's; only the choices depend on the key.
    assert_eq!(variable_sites(&original, &how), variable_sites(&original, &other));
    for copy in copy_ids() {
        let mine = make_copy(&original, &how, copy).to_plain();
        let theirs = make_copy(&original, &other, copy).to_plain();
        assert_ne!(mine, theirs);
    }
    let passage = sentences(&make_copy(&original, &how, CopyId(9)))[12..16].join(" ");
    assert!(matches!(trace(&passage, &original, &how, &copy_ids()), TraceResult::Copy { copy: CopyId(9), .. }));
    assert!(!matches!(trace(&passage, &original, &other, &copy_ids()), TraceResult::Copy { copy: CopyId(9), .. }));
}

/// Every word of `text`, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.unicode_words().map(str::to_lowercase).collect()
}

#[test]
fn every_copy_reads_as_valid_text() {
    let original = readout();
    for wording in [false, true] {
        let how = fingerprinting(wording);
        let sites = describe_sites(&original, &how);
        let mut known: BTreeSet<String> = words(&original.to_plain()).into_iter().collect();
        for site in &sites {
            for alternative in &site.alternatives {
                known.extend(words(alternative));
            }
        }
        for copy in copy_ids() {
            let text = make_copy(&original, &how, copy);
            assert_eq!(text.paragraphs.len(), original.paragraphs.len());
            assert_eq!(
                sentences(&text).len(),
                sentences(&original).len(),
                "copy {copy:?} splits sentences differently"
            );
            for paragraph in &text.paragraphs {
                for bad in ["  ", " ,", " .", " ;", " :", ",,", ",.", "( ", " )", "()", " \u{2014}", "\u{2014} "] {
                    assert!(!paragraph.contains(bad), "{bad:?} in copy {copy:?}: {paragraph}");
                }
                assert_eq!(paragraph.trim(), paragraph);
                assert!(paragraph.chars().next().is_some_and(char::is_uppercase), "{paragraph}");
                assert!(paragraph.ends_with('.'));
                for word in words(paragraph) {
                    assert!(known.contains(&word), "broken or invented word {word:?} in copy {copy:?}");
                }
            }
            assert!(!text.to_plain().contains("Copy "), "the copy mark stays out of the body");
        }
    }
}

/// Words of the conventions that may change without wording variants: numbers, units,
/// abbreviations and their spelled-out forms.
const CONVENTION_WORDS: &[&str] = &[
    "per",
    "cent",
    "percent",
    "km",
    "kilometres",
    "kilometers",
    "eur",
    "e.g",
    "i.e",
    "for",
    "example",
    "that",
    "is",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "one",
    "st",
    "nd",
    "rd",
    "th",
];

#[test]
fn without_wording_variants_only_spelling_numbers_and_punctuation_change() {
    let original = readout();
    let how = fingerprinting(false);
    for site in describe_sites(&original, &how) {
        assert_ne!(site.class, SiteClass::Wording, "{site:?}");
    }
    // And, independently of the site list: word by word, a copy keeps the original's words in
    // order, apart from respellings (a few letters apart), numbers and the convention words.
    let close = |a: &str, b: &str| {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
        a.len().max(b.len()) - prefix - suffix <= 3 && prefix >= 3
    };
    let convention = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            || CONVENTION_WORDS.contains(&w)
            || w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).chars().all(|c| c.is_ascii_digit())
            || [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ]
            .contains(&w)
    };
    let skeleton = |text: &str| -> Vec<String> {
        // Compounds may be written open, hyphenated or solid: compare their letters.
        words(&text.replace('-', "")).into_iter().filter(|w| !convention(w)).collect()
    };
    let before = skeleton(&original.to_plain());
    for copy in copy_ids() {
        let after = skeleton(&make_copy(&original, &how, copy).to_plain());
        let joined_before = before.join(" ");
        let joined_after = after.join(" ");
        let (mut i, mut j) = (0, 0);
        let (b, a): (Vec<&str>, Vec<&str>) = (joined_before.split(' ').collect(), joined_after.split(' ').collect());
        while i < b.len() && j < a.len() {
            if b[i] == a[j] || close(b[i], a[j]) {
                i += 1;
                j += 1;
            } else if i + 1 < b.len() && format!("{}{}", b[i], b[i + 1]) == a[j] {
                i += 2; // "ground water" became "groundwater"
                j += 1;
            } else if j + 1 < a.len() && format!("{}{}", a[j], a[j + 1]) == b[i] {
                i += 1;
                j += 2;
            } else {
                panic!(
                    "copy {copy:?} changed {:?} into {:?}",
                    &b[i..(i + 4).min(b.len())],
                    &a[j..(j + 4).min(a.len())]
                );
            }
        }
        assert_eq!((i, j), (b.len(), a.len()), "copy {copy:?} lost or gained words");
    }
}

#[test]
fn copy_marks_name_the_copy_and_the_recipient_on_one_line() {
    assert_eq!(
        copy_mark(CopyId(3), 20, "Ministry of Water,\nUpper Vale"),
        "Copy 3 of 20 \u{2014} for Ministry of Water, Upper Vale"
    );
    assert_eq!(copy_mark(CopyId(1), 1, "  A\u{7}  B "), "Copy 1 of 1 \u{2014} for A B");
}

#[test]
fn the_key_never_shows_in_debug_output() {
    let how = Fingerprinting::new([0xAB; 32], true);
    let shown = format!("{how:?}");
    assert!(shown.contains("redacted"));
    assert!(!shown.contains("171") && !shown.to_lowercase().contains("ab, ab"));
}

#[test]
fn plain_text_round_trips_paragraphs() {
    let text = ReadoutText::from_plain("One  two.\nThree.\n\n\nFour.\n");
    assert_eq!(text.paragraphs, ["One two. Three.", "Four."]);
    assert_eq!(ReadoutText::from_plain(&text.to_plain()), text);
}

#[test]
fn odd_texts_and_passages_never_panic() {
    use rand::rngs::ChaCha8Rng;
    use rand::{RngExt, SeedableRng};
    let pieces = [
        "the",
        "Vale",
        "organisation",
        "12",
        "five",
        "per cent",
        "%",
        "€",
        "2,000",
        "14 March 2025",
        "March 14",
        "–",
        "—",
        "-",
        "\"",
        "“",
        "”",
        "’s",
        "'",
        ",",
        ".",
        ";",
        ":",
        "(",
        ")",
        "e.g.",
        "However,",
        " ",
        "  ",
        "\n",
        "naïve",
        "東京",
        "🙂",
        "and",
        "whilst",
        "must",
        "co-operation",
        "don't",
        "A and B",
        "Track Two",
    ];
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let ids = copy_ids();
    for round in 0..200 {
        let mut make = |n: usize| -> String {
            (0..n).map(|_| pieces[rng.random_range(0..pieces.len())]).collect::<Vec<_>>().join(if round % 2 == 0 {
                " "
            } else {
                ""
            })
        };
        let text = ReadoutText { paragraphs: vec![make(30), String::new(), make(15)] };
        let leaked = make(12);
        for wording in [false, true] {
            let mut how = fingerprinting(wording);
            how.free_order_pairs.push(("A".to_owned(), "B".to_owned()));
            let copy = make_copy(&text, &how, CopyId(round));
            assert_eq!(copy.paragraphs.len(), text.paragraphs.len());
            let _ = describe_sites(&text, &how);
            let _ = trace(&leaked, &text, &how, &ids);
            let _ = trace(&copy.paragraphs.join(" "), &text, &how, &ids);
        }
    }
    // A passage far longer than the readout is not from it, and is rejected without aligning it.
    let original = readout();
    let long = original.to_plain().repeat(12);
    assert!(matches!(
        trace(&long, &original, &fingerprinting(true), &ids),
        TraceResult::NotMatching { reason: NotMatchingReason::NotFromThisReadout { .. } }
    ));
}

#[test]
fn a_passage_too_long_to_align_in_bounded_memory_is_refused_and_a_part_of_it_traced() {
    // A readout four times the Serin readout's length, leaked whole: its alignment table would
    // be hundreds of megabytes (the readout's tokens times the passage's), gigabytes for the
    // longest readouts.
    let one = readout();
    let long = ReadoutText { paragraphs: (0..4).flat_map(|_| one.paragraphs.clone()).collect() };
    let how = fingerprinting(true);
    let copy = make_copy(&long, &how, CopyId(3));
    let whole = copy.paragraphs.join("\n\n");
    match trace(&whole, &long, &how, &copy_ids()) {
        TraceResult::NotMatching { reason: NotMatchingReason::TooLong { tokens, most } } => {
            assert!(tokens > most, "{tokens} > {most}");
            let message = NotMatchingReason::TooLong { tokens, most }.to_string();
            assert!(message.contains("trace a part of it"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let part = copy.paragraphs[..copy.paragraphs.len() / 4].join("\n\n");
    assert!(matches!(trace(&part, &long, &how, &copy_ids()), TraceResult::Copy { copy: CopyId(3), .. }));
}
