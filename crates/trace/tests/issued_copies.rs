//! Copies are never stored: each is made again from the released text and the key whenever it is
//! rendered or a passage is traced. A copy already issued therefore traces only while this build
//! makes it exactly as it was issued. These copies were issued before, and frozen; a change to
//! the sites that alters them needs the sites in force at release kept (versioned with the
//! readout), never rewritten. These were issued under the simplex code
//! ([`CodeScheme::Simplex`]), before the separated code; copies of the separated code are frozen
//! beside them, those of the separated code over more sites beside those, and those of the
//! separated code over further sites beside those.

#[path = "support/mod.rs"]
mod support;

use support::{copy_ids, fingerprinting, readout, sentences};
use tracktwo_trace::{CodeScheme, CopyId, Fingerprinting, ReadoutText, TraceResult, make_copy, trace, variable_sites};

/// Copy 3 of the Serin readout as issued, wording variants off and on, under the simplex code;
/// and the same under the separated code: frozen, never rewritten.
const ISSUED_COPY_3: &str = include_str!("data/frozen/serin_copy_3_as_issued.txt");
const ISSUED_COPY_3_WORDING: &str = include_str!("data/frozen/serin_copy_3_as_issued_wording.txt");
const ISSUED_COPY_3_SEPARATED: &str = include_str!("data/frozen/serin_copy_3_as_issued_separated.txt");
const ISSUED_COPY_3_SEPARATED_WORDING: &str = include_str!("data/frozen/serin_copy_3_as_issued_separated_wording.txt");
/// Copy 3 under the separated code over more sites, wording variants on (off, it is the separated
/// code's copy).
const ISSUED_COPY_3_MORE_SITES_WORDING: &str =
    include_str!("data/frozen/serin_copy_3_as_issued_more_sites_wording.txt");
/// Copy 3 under the separated code over further sites, wording variants on (off, it is the
/// separated code's copy).
const ISSUED_COPY_3_FURTHER_SITES_WORDING: &str =
    include_str!("data/frozen/serin_copy_3_as_issued_further_sites_wording.txt");

#[test]
fn copies_already_issued_are_made_and_traced_as_issued() {
    let original = readout();
    for (scheme, wording, issued) in [
        (CodeScheme::Simplex, false, ISSUED_COPY_3),
        (CodeScheme::Simplex, true, ISSUED_COPY_3_WORDING),
        (CodeScheme::Separated, false, ISSUED_COPY_3_SEPARATED),
        (CodeScheme::Separated, true, ISSUED_COPY_3_SEPARATED_WORDING),
        (CodeScheme::SeparatedMoreSites, false, ISSUED_COPY_3_SEPARATED),
        (CodeScheme::SeparatedMoreSites, true, ISSUED_COPY_3_MORE_SITES_WORDING),
        (CodeScheme::SeparatedFurtherSites, false, ISSUED_COPY_3_SEPARATED),
        (CodeScheme::SeparatedFurtherSites, true, ISSUED_COPY_3_FURTHER_SITES_WORDING),
    ] {
        let mut how = fingerprinting(wording);
        how.scheme = scheme;
        let copy = make_copy(&original, &how, CopyId(3));
        assert_eq!(copy.to_plain(), issued.trim_end(), "{scheme:?}, wording variants {wording}");
        let issued = sentences(&ReadoutText::from_plain(issued));
        for first in [0, 10, 20] {
            let passage = issued[first..first + 7].join(" ");
            match trace(&passage, &original, &how, &copy_ids()) {
                TraceResult::Copy(found) => assert_eq!(found.copy, CopyId(3)),
                other => panic!("{scheme:?}: sentences {first}.. of the issued copy: {other:?}"),
            }
        }
    }
}

/// The latest scheme finds more sites with wording variants on; a copy issued under the separated
/// code before them is still made and traced on the sites it was made on, because the readout
/// records its scheme. Two sentences of it, and seven, still name it; under the latest scheme's
/// sites the same copy would read otherwise.
#[test]
fn a_copy_issued_before_the_added_sites_still_traces_to_itself() {
    let original = readout();
    let mut old_rules = fingerprinting(true);
    old_rules.scheme = CodeScheme::Separated;
    let latest = fingerprinting(true);
    assert_eq!(latest.scheme, CodeScheme::LATEST);
    assert_ne!(latest.scheme, CodeScheme::Separated);
    assert!(variable_sites(&original, &latest) > variable_sites(&original, &old_rules));
    assert_ne!(make_copy(&original, &latest, CopyId(3)).to_plain(), ISSUED_COPY_3_SEPARATED_WORDING.trim_end());
    assert_eq!(make_copy(&original, &old_rules, CopyId(3)).to_plain(), ISSUED_COPY_3_SEPARATED_WORDING.trim_end());
    traces_to_copy_3(ISSUED_COPY_3_SEPARATED_WORDING, &original, &old_rules);
}

/// The same for a copy issued under the separated code over more sites, before the further sites:
/// made and traced on its own sites, from seven sentences always and from two now and then.
#[test]
fn a_copy_issued_before_the_further_sites_still_traces_to_itself() {
    let original = readout();
    let mut old_rules = fingerprinting(true);
    old_rules.scheme = CodeScheme::SeparatedMoreSites;
    let latest = fingerprinting(true);
    assert_eq!(latest.scheme, CodeScheme::SeparatedFurtherSites);
    assert!(variable_sites(&original, &latest) > variable_sites(&original, &old_rules));
    assert_ne!(make_copy(&original, &latest, CopyId(3)).to_plain(), ISSUED_COPY_3_MORE_SITES_WORDING.trim_end());
    assert_eq!(make_copy(&original, &old_rules, CopyId(3)).to_plain(), ISSUED_COPY_3_MORE_SITES_WORDING.trim_end());
    traces_to_copy_3(ISSUED_COPY_3_MORE_SITES_WORDING, &original, &old_rules);
}

/// Seven sentences of copy 3 as issued always name it under the rules it was issued with, and
/// two sentences now and then (never another copy).
fn traces_to_copy_3(issued: &str, original: &ReadoutText, rules: &Fingerprinting) {
    let issued = sentences(&ReadoutText::from_plain(issued));
    let mut named_from_two = 0;
    for first in (0..issued.len() - 7).step_by(3) {
        match trace(&issued[first..first + 7].join(" "), original, rules, &copy_ids()) {
            TraceResult::Copy(found) => assert_eq!(found.copy, CopyId(3)),
            other => panic!("sentences {first}.. of the issued copy: {other:?}"),
        }
        match trace(&issued[first..first + 2].join(" "), original, rules, &copy_ids()) {
            TraceResult::Copy(found) => {
                assert_eq!(found.copy, CopyId(3));
                named_from_two += 1;
            }
            TraceResult::FromReadout(_) => {}
            other => panic!("sentences {first}.. of the issued copy: {other:?}"),
        }
    }
    assert!(named_from_two > 0);
}
