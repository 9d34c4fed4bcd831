//! What the engines find, said in the reader's language: a side's gap in coverage, why an
//! invitee was chosen or a candidate left out, the verdict on a leaked passage and what it rests
//! on. The engines hand these over as data (a side and a need, a reason's kind, a verdict with
//! its figures); the sentences are messages, shared by the pages and the command line, so both
//! say the same thing in every language.

use tracktwo_app::map::{Because, CoverageGap, Need, SystemMap};
use tracktwo_app::transfer::{NotTracedReason, SiteSeen, Traced};
use tracktwo_domain::map::{Level, Unavailable};
use tracktwo_domain::negotiating_text::agreement::Agreement;
use tracktwo_domain::negotiating_text::draft::Figures;
use tracktwo_domain::redaction::{Reader, SessionScope, StageReached, Withheld};
use tracktwo_i18n::{Arg, Locale, text, text_with};

use super::words;

/// A need of a side: a track by number and name, or a level of leadership.
#[must_use]
pub fn need(locale: Locale, need: Need) -> String {
    match need {
        Need::Track(track) => text_with(
            locale,
            "map-need-track",
            &[("number", Arg::count(track.number())), ("name", Arg::Text(&words::of(locale, track)))],
        ),
        Need::Level(level) => words::of(locale, level),
    }
}

/// A side's gap in coverage: "Upper Vale has no actor on track 9 (Communications and media)".
#[must_use]
pub fn coverage_gap(locale: Locale, gap: &CoverageGap) -> String {
    let side = Arg::Text(&gap.side);
    match gap.need {
        Need::Track(track) => text_with(
            locale,
            "map-gap-track",
            &[("side", side), ("number", Arg::count(track.number())), ("name", Arg::Text(&words::of(locale, track)))],
        ),
        // One message per level: a level's name takes a different form in each language's
        // sentence.
        Need::Level(level) => text_with(locale, &gap_level_message(level), &[("side", side)]),
    }
}

fn gap_level_message(level: Level) -> String {
    format!("map-gap-level-{}", level.as_str())
}

/// Why an invitee was chosen: the needs they meet for their side, then the decision-makers the
/// group comes closer to, each named as the map names them.
#[must_use]
pub fn chosen_because(locale: Locale, map: &SystemMap, because: &Because) -> String {
    if because.needs.is_empty() && because.decision_makers.is_empty() {
        return text(locale, "map-chosen-to-balance");
    }
    let separator = text(locale, "map-list-separator");
    let mut sentence = Vec::new();
    if !because.needs.is_empty() {
        let needs: Vec<String> = because.needs.iter().map(|n| need(locale, *n)).collect();
        sentence.push(text_with(
            locale,
            "map-chosen-brings",
            &[("side", Arg::Text(&because.side)), ("needs", Arg::Text(&needs.join(&separator)))],
        ));
    }
    if !because.decision_makers.is_empty() {
        let gains: Vec<String> = because
            .decision_makers
            .iter()
            .map(|gain| {
                let name = map.label(gain.decision_maker);
                let moved = text_with(
                    locale,
                    "map-chosen-access-gain",
                    &[("from", Arg::count(gain.from)), ("to", Arg::count(gain.to))],
                );
                format!("\u{2068}{name}\u{2069} {moved}")
            })
            .collect();
        sentence.push(format!(
            "{} {} {}",
            text_with(locale, "map-chosen-access", &[("count", Arg::count(because.decision_makers.len()))]),
            gains.join(&separator),
            text(locale, "map-chosen-access-scale")
        ));
    }
    sentence.join(" ")
}

/// Why a candidate was not considered: the registry's reason for those who read it, "not
/// available" for everyone else.
#[must_use]
pub fn exclusion(locale: Locale, reason: Option<Unavailable>) -> String {
    match reason {
        Some(unavailable) => words::of(locale, unavailable),
        None => text(locale, "map-not-available"),
    }
}

/// A version's figures: its words, clauses, brackets, alternatives and clauses agreed.
#[must_use]
pub fn text_figures(locale: Locale, figures: &Figures) -> String {
    text_with(
        locale,
        "text-figures",
        &[
            ("words", Arg::count(figures.words)),
            ("clauses", Arg::count(figures.clauses)),
            ("brackets", Arg::count(figures.brackets)),
            ("alternatives", Arg::count(figures.alternatives)),
            ("agreed", Arg::count(figures.agreed)),
        ],
    )
}

/// The messages that say where a text stands, one for each state of its agreement, each reading
/// `version`, and the open one `brackets` and `alternatives`, the settled one `signed` and
/// `missing` (counts: the sides are counted, not named), the agreed one `hash`.
pub struct AgreementWords {
    pub no_version: &'static str,
    pub open: &'static str,
    pub settled: &'static str,
    pub agreed: &'static str,
}

impl AgreementWords {
    /// As a line of the text's page and of the command line.
    pub const IN_A_LINE: AgreementWords = AgreementWords {
        no_version: "text-no-version-yet",
        open: "text-status-open",
        settled: "text-status-settled",
        agreed: "text-status-agreed",
    };
    /// As the status a copy of the text states among its facts.
    pub const IN_A_DOCUMENT: AgreementWords = AgreementWords {
        no_version: "document-text-status-no-version",
        open: "document-text-status-open",
        settled: "document-text-status-awaiting",
        agreed: "document-text-status-agreed",
    };
}

/// Where a text stands, in one line: its sides counted, not named (the page names them).
#[must_use]
pub fn agreement(locale: Locale, agreement: &Agreement) -> String {
    agreement_in(locale, agreement, &AgreementWords::IN_A_LINE)
}

/// Where a text stands, in the messages `words` names.
#[must_use]
pub fn agreement_in(locale: Locale, agreement: &Agreement, words: &AgreementWords) -> String {
    match agreement {
        Agreement::NoVersion => text(locale, words.no_version),
        Agreement::Open { version, brackets, alternatives } => text_with(
            locale,
            words.open,
            &[
                ("version", Arg::count(*version)),
                ("brackets", Arg::count(*brackets)),
                ("alternatives", Arg::count(*alternatives)),
            ],
        ),
        Agreement::AwaitingSignOff { version, signed, missing } => text_with(
            locale,
            words.settled,
            &[
                ("version", Arg::count(*version)),
                ("signed", Arg::count(signed.len())),
                ("missing", Arg::count(missing.len())),
            ],
        ),
        Agreement::Agreed { version, hash } => {
            text_with(locale, words.agreed, &[("version", Arg::count(*version)), ("hash", Arg::Text(&hash.short()))])
        }
    }
}

/// The stage a meeting reached: its number, of how many, and its name.
#[must_use]
pub fn stage(locale: Locale, stage: StageReached) -> String {
    let name = words::methodology_step(locale, stage.methodology, usize::from(stage.step)).unwrap_or_default();
    text_with(
        locale,
        "dialogue-stage-of",
        &[
            ("stage", Arg::count(stage.step)),
            ("steps", Arg::count(stage.methodology.template().len())),
            ("name", Arg::Text(&name)),
        ],
    )
}

/// Where a session sat: the plenary, or a side's caucus.
#[must_use]
pub fn session_scope(locale: Locale, scope: &SessionScope) -> String {
    match scope {
        SessionScope::Plenary => text(locale, "dialogue-scope-plenary"),
        SessionScope::Caucus { side } => text_with(locale, "dialogue-scope-caucus", &[("side", Arg::Text(side))]),
    }
}

/// What a summary for `reader` leaves out.
#[must_use]
pub fn withheld(locale: Locale, withheld: &Withheld, reader: Reader) -> String {
    let reader = words::of(locale, reader);
    let reader = Arg::Text(&reader);
    match withheld {
        // One message per mode: the mode's name takes a different form in each language.
        Withheld::AttendeeList { mode } => text(locale, &withheld_list_message(*mode)),
        Withheld::AttendeeListFromFunders => text(locale, "dialogue-withheld-list-funders"),
        Withheld::AttendeesNotListed { count, side } => text_with(
            locale,
            "dialogue-withheld-not-listed",
            &[("count", Arg::count(*count)), ("reader", reader), ("side", Arg::Text(side))],
        ),
        Withheld::SecretVenue => text(locale, "dialogue-withheld-venue"),
        Withheld::SessionRecord => text_with(locale, "dialogue-withheld-session-record", &[("reader", reader)]),
        Withheld::SessionsClosed { count } => {
            text_with(locale, "dialogue-withheld-sessions-closed", &[("count", Arg::count(*count)), ("reader", reader)])
        }
        Withheld::NotesNotForTransfer { count } => {
            text_with(locale, "dialogue-withheld-notes", &[("count", Arg::count(*count))])
        }
    }
}

fn withheld_list_message(mode: tracktwo_domain::dialogue::ConfidentialityMode) -> String {
    format!("dialogue-withheld-list-{}", mode.as_str())
}

/// How many deciding sites a verdict lists; the rest are counted.
const DECIDING_SITES_SHOWN: usize = 5;

/// A probability as a whole percentage.
fn percent(probability: f64) -> Arg<'static> {
    Arg::Number((probability * 100.0).round() as i64)
}

/// A deciding site as a convener reads it: the form the passage shows, and the others.
fn site_shown(locale: Locale, site: &SiteSeen) -> String {
    let quoted = |form: &str| text_with(locale, "trace-quoted", &[("form", Arg::Text(form))]);
    let others: Vec<String> = site.other_forms.iter().map(|f| quoted(f)).collect();
    text_with(
        locale,
        "trace-site-shown",
        &[("shown", Arg::Text(&quoted(&site.shown))), ("others", Arg::Text(&others.join(&text(locale, "trace-or"))))],
    )
}

/// The verdict on a leaked passage in a convener's words, then what it rests on, one line each:
/// the same on the trace page and from `tracktwo trace`. What each verdict allows a convener to
/// conclude is in docs/tracing.md.
#[must_use]
pub fn trace_verdict(locale: Locale, traced: &Traced) -> (String, Vec<String>) {
    match traced {
        Traced::Copy { number, recipient, confidence, sites_seen, deciding_sites, .. } => {
            let mut lines = vec![text_with(locale, "trace-decided-by", &[("sites", Arg::count(*sites_seen))])];
            lines.extend(deciding_sites.iter().take(DECIDING_SITES_SHOWN).map(|site| site_shown(locale, site)));
            if deciding_sites.len() > DECIDING_SITES_SHOWN {
                lines.push(text_with(
                    locale,
                    "trace-and-more",
                    &[("count", Arg::count(deciding_sites.len() - DECIDING_SITES_SHOWN))],
                ));
            }
            let headline = text_with(
                locale,
                "trace-from-copy",
                &[
                    ("number", Arg::count(*number)),
                    ("recipient", Arg::Text(recipient)),
                    ("percent", percent(*confidence)),
                ],
            );
            (headline, lines)
        }
        Traced::FromReadout { likeliest, unmarked_original, sites_seen, more_sentences_needed, pieces } => {
            let paragraphs: Vec<String> = pieces.iter().map(|p| locale.number(*p)).collect();
            let mut lines = vec![text_with(
                locale,
                "trace-pieces-match",
                &[
                    ("count", Arg::count(pieces.len())),
                    ("paragraphs", Arg::Text(&paragraphs.join(&text(locale, "map-list-separator")))),
                ],
            )];
            if *sites_seen == 0 {
                lines.push(text(locale, "trace-no-site-covered"));
            } else if *unmarked_original > 0.5 {
                lines.push(text_with(locale, "trace-unmarked-original", &[("percent", percent(*unmarked_original))]));
            } else {
                let named: Vec<String> = likeliest
                    .iter()
                    .map(|(n, r, p)| {
                        text_with(
                            locale,
                            "trace-likely-copy",
                            &[("number", Arg::count(*n)), ("recipient", Arg::Text(r)), ("percent", percent(*p))],
                        )
                    })
                    .collect();
                lines.push(text_with(
                    locale,
                    "trace-likeliest",
                    &[
                        ("sites", Arg::count(*sites_seen)),
                        ("copies", Arg::Text(&named.join(&text(locale, "trace-likeliest-separator")))),
                    ],
                ));
                lines.push(text_with(locale, "trace-more-sentences", &[("count", Arg::count(*more_sentences_needed))]));
            }
            (text(locale, "trace-from-readout"), lines)
        }
        Traced::NotFromReadout { longest_match_words } => (
            text(locale, "trace-not-matching"),
            vec![text_with(locale, "trace-no-part-matches", &[("words", Arg::count(*longest_match_words))])],
        ),
        Traced::NotTraced { reason } => {
            let reason = match reason {
                NotTracedReason::NoCopies => text(locale, "trace-no-copies"),
                NotTracedReason::TooShort { words } => text_with(
                    locale,
                    "trace-too-short",
                    &[("words", Arg::count(*words)), ("least", Arg::count(tracktwo_app::transfer::MIN_PASSAGE_WORDS))],
                ),
                NotTracedReason::TooLong { tokens, most } => {
                    text_with(locale, "trace-too-long", &[("tokens", Arg::count(*tokens)), ("most", Arg::count(*most))])
                }
            };
            (text_with(locale, "trace-not-traced", &[("reason", Arg::Text(&reason))]), Vec::new())
        }
    }
}

#[cfg(test)]
mod tests {
    use tracktwo_app::transfer::SiteClass;
    use tracktwo_domain::CopyId;

    use super::*;

    fn without_isolates(text: &str) -> String {
        text.replace(['\u{2068}', '\u{2069}'], "")
    }

    #[test]
    fn every_state_of_a_texts_agreement_has_its_words_in_every_set() {
        for words in [AgreementWords::IN_A_LINE, AgreementWords::IN_A_DOCUMENT] {
            for id in [words.no_version, words.open, words.settled, words.agreed] {
                assert!(tracktwo_i18n::has_message(id), "{id}");
            }
        }
    }

    fn site(i: usize) -> SiteSeen {
        SiteSeen { class: SiteClass::Wording, shown: format!("site {i}"), other_forms: vec![format!("other {i}")] }
    }

    fn verdicts() -> Vec<Traced> {
        vec![
            Traced::Copy {
                copy: CopyId::from_random_bytes([7; 16]),
                number: 4,
                recipient: "Ministry of Water".to_owned(),
                confidence: 0.991,
                sites_seen: 12,
                deciding_sites: (0..7).map(site).collect(),
            },
            Traced::FromReadout {
                likeliest: vec![(4, "Ministry of Water".to_owned(), 0.61), (11, "Basin authority".to_owned(), 0.22)],
                unmarked_original: 0.01,
                sites_seen: 5,
                more_sentences_needed: 2,
                pieces: vec![3, 7],
            },
            Traced::FromReadout {
                likeliest: vec![(1, "A".to_owned(), 0.01)],
                unmarked_original: 0.97,
                sites_seen: 9,
                more_sentences_needed: 0,
                pieces: vec![2],
            },
            Traced::NotFromReadout { longest_match_words: 3 },
            Traced::NotTraced { reason: NotTracedReason::TooShort { words: 3 } },
            Traced::NotTraced { reason: NotTracedReason::TooLong { tokens: 90_000, most: 60_000 } },
            Traced::NotTraced { reason: NotTracedReason::NoCopies },
        ]
    }

    #[test]
    fn only_text_not_from_the_readout_reads_as_not_matching() {
        for traced in verdicts() {
            let (verdict, grounds) = trace_verdict(Locale::English, &traced);
            let verdict = without_isolates(&verdict);
            let grounds: Vec<String> = grounds.iter().map(|l| without_isolates(l)).collect();
            let from_readout = !matches!(traced, Traced::NotFromReadout { .. });
            assert_eq!(verdict.contains("not matching"), !from_readout, "{verdict}");
            match traced {
                Traced::Copy { .. } => {
                    assert!(verdict.starts_with("copy 4, issued to Ministry of Water"), "{verdict}");
                    assert!(verdict.contains("(probability 99 %)"), "{verdict}");
                    // Five deciding sites, and a count of the rest.
                    assert!(
                        grounds.iter().any(|l| l.contains("site 4")) && !grounds.iter().any(|l| l.contains("site 5"))
                    );
                    assert!(
                        grounds
                            .iter()
                            .any(|l| l == "\u{201C}site 0\u{201D} where other copies have \u{201C}other 0\u{201D}"),
                        "{grounds:?}"
                    );
                    assert!(grounds.iter().any(|l| l.contains("2 more")));
                }
                Traced::FromReadout { unmarked_original, .. } if unmarked_original > 0.5 => {
                    assert!(grounds.iter().any(|l| l.contains("unmarked original")));
                    assert!(grounds[0].starts_with("One piece of the passage matches"), "{grounds:?}");
                }
                Traced::FromReadout { .. } => {
                    assert!(
                        grounds.iter().any(|l| l.contains("copy 11, issued to Basin authority (22 %)")),
                        "{grounds:?}"
                    );
                    assert!(grounds.iter().any(|l| l.contains("paragraph 3, 7")), "{grounds:?}");
                    assert!(grounds.iter().any(|l| l.starts_with("About 2 more sentences")), "{grounds:?}");
                }
                Traced::NotTraced { .. } => assert!(verdict.starts_with("not traced: "), "{verdict}"),
                Traced::NotFromReadout { .. } => assert!(!grounds.is_empty()),
            }
        }
    }

    #[test]
    fn every_verdict_is_said_in_every_language_with_no_message_missing() {
        for locale in Locale::ALL {
            for traced in verdicts() {
                let (verdict, grounds) = trace_verdict(locale, &traced);
                for line in std::iter::once(&verdict).chain(&grounds) {
                    assert!(!line.contains("trace-") && !line.contains("map-"), "{locale:?}: {line}");
                }
            }
        }
    }

    #[test]
    fn every_mode_has_its_withheld_list() {
        for mode in tracktwo_domain::dialogue::ConfidentialityMode::ALL {
            assert!(tracktwo_i18n::has_message(&withheld_list_message(*mode)), "{mode:?}");
        }
    }

    #[test]
    fn every_level_has_its_gap() {
        for level in Level::ALL {
            assert!(tracktwo_i18n::has_message(&gap_level_message(*level)), "{level:?}");
        }
        for unavailable in Unavailable::ALL {
            assert!(!exclusion(Locale::French, Some(*unavailable)).starts_with("unavailable-"));
        }
    }
}
