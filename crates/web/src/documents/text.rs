//! A negotiating text as the file negotiators expect: the bracketed working copy with clause
//! numbers, brackets and alternatives in place; the clean copy of a settled version; and the
//! comparison copy of two versions with insertions underlined and deletions struck through.
//! Only the text travels: no comment, suggestion or name.
//!
//! Each copy is written in a chosen language: its facts, marks, legend and page numbers come
//! from the messages of that locale, with its numbers and dates as the locale writes them. The
//! text's own words — title, preamble, headings, clauses — stay in the text's own language, and
//! so do identifiers: clause and part numbers of the notation, the language tag and the content
//! hash.

use tracktwo_app::negotiating_text::{TextExport, TextRefusal};
use tracktwo_domain::negotiating_text::compare::{ClauseChangeKind, WordChange, word_changes};
use tracktwo_domain::negotiating_text::{Body, Clause, ClauseStanding, Draft, Replaces, Span, notation};
use tracktwo_i18n::{Arg, Locale, text as message, text_with};
use tracktwo_render::{Block, Document, Inline};

use super::{framed, label};
use crate::pages::findings::{self, AgreementWords};
use crate::pages::words::of as word;

/// Which copy of a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextCopy {
    /// The working copy: clause numbers, brackets, choices and alternatives as they stand.
    Bracketed,
    /// The settled text, paragraphs numbered in order; only a version with nothing left open.
    Clean,
    /// The version against an older one: insertions underlined, deletions struck through.
    Comparison,
}

impl TextCopy {
    /// Every copy, in the order a reader is offered them.
    pub const ALL: [TextCopy; 3] = [TextCopy::Bracketed, TextCopy::Clean, TextCopy::Comparison];

    /// The copy as a form or a file name says it: `bracketed`, `clean`, `comparison`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            TextCopy::Bracketed => "bracketed",
            TextCopy::Clean => "clean",
            TextCopy::Comparison => "comparison",
        }
    }

    /// The copy a form names, if it names one.
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|copy| copy.as_str() == value)
    }

    /// The copy's name, as its running head and subject give it.
    fn name(self, locale: Locale) -> String {
        message(
            locale,
            match self {
                TextCopy::Bracketed => "document-text-bracketed",
                TextCopy::Clean => "document-text-clean",
                TextCopy::Comparison => "document-text-comparison",
            },
        )
    }
}

fn spans(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        match span {
            Span::Words(w) => out.push_str(w),
            Span::Bracketed(w) => out.push_str(&format!("[{w}]")),
            Span::Choice(ws) => out.push_str(&format!("[{}]", ws.join(" / "))),
        }
    }
    out
}

/// An alternative's label ("Alt A"): the word is the document's, the letter the text's.
fn alternative_label(locale: Locale, label: &str) -> String {
    text_with(locale, "text-alternative", &[("label", Arg::Text(label))])
}

fn facts(export: &TextExport, locale: Locale) -> Vec<(String, String)> {
    let m = |id: &str| message(locale, id);
    let s = &export.summary;
    vec![
        (
            m("document-text-version"),
            text_with(
                locale,
                "document-text-version-value",
                &[("version", Arg::count(s.number)), ("language", Arg::Text(s.language.as_str()))],
            ),
        ),
        (m("document-text-committed"), locale.date(s.committed_at.date())),
        // The hash is checked against other copies character by character: it stays ASCII hex.
        (m("document-text-content-hash"), s.hash.to_hex()),
        (m("document-text-status"), findings::agreement_in(locale, &export.agreement, &AgreementWords::IN_A_DOCUMENT)),
        (m("document-text-figures"), findings::text_figures(locale, &s.figures)),
    ]
}

fn clause_blocks(clause: &Clause, label: &str, marked: bool, locale: Locale) -> Vec<Block> {
    let mut head = vec![Inline::Strong(format!("{label} "))];
    if !clause.heading.is_empty() {
        head.push(Inline::Emphasis(format!("{} — ", clause.heading)));
    }
    let standing = match clause.standing() {
        ClauseStanding::AgreedAdReferendum if marked => {
            format!(" {}", message(locale, "document-text-agreed-ad-referendum"))
        }
        _ => String::new(),
    };
    match &clause.body {
        Body::Text(words) => {
            head.push(Inline::Text(spans(words)));
            if !standing.is_empty() {
                head.push(Inline::Emphasis(standing));
            }
            vec![Block::Paragraph(head)]
        }
        Body::Alternatives(alternatives) => {
            head.push(Inline::Emphasis(message(locale, "document-text-alternatives")));
            let mut out = vec![Block::Paragraph(head)];
            for alternative in alternatives {
                let replaces = match &alternative.replaces {
                    Replaces::WholeClause => message(locale, "document-text-replaces-whole-clause"),
                    Replaces::Words(words) => {
                        text_with(locale, "document-text-replaces-words", &[("words", Arg::Text(words))])
                    }
                };
                out.push(Block::Paragraph(vec![
                    Inline::Strong(format!("{} ", alternative_label(locale, &alternative.label))),
                    Inline::Emphasis(format!("{replaces} ")),
                    Inline::Text(spans(&alternative.text)),
                ]));
            }
            out
        }
    }
}

fn body_blocks(draft: &Draft, numbered: bool, locale: Locale) -> Vec<Block> {
    let mut blocks = Vec::new();
    if !draft.preamble.is_empty() {
        blocks.push(Block::Paragraph(vec![Inline::Emphasis(draft.preamble.clone())]));
    }
    let mut position = 0_usize;
    for part in &draft.parts {
        if !part.heading.is_empty() {
            blocks.push(Block::Heading { level: 2, text: part.heading.clone() });
        }
        for clause in &part.clauses {
            position += 1;
            // A clean copy's paragraphs are counted in the document's digits; a working copy's
            // clauses keep the identifiers the sides cite them by.
            let label = if numbered { format!("{}.", locale.number(position)) } else { clause.id.to_string() };
            blocks.extend(clause_blocks(clause, &label, !numbered, locale));
        }
    }
    blocks
}

/// A clause as a comparison shows it: its words in the bracket notation, each whole-clause
/// alternative under its label in the document's language.
fn clause_notation(clause: &Clause, locale: Locale) -> String {
    match &clause.body {
        Body::Text(spans) => notation(spans),
        Body::Alternatives(alternatives) => alternatives
            .iter()
            .map(|a| format!("{}: {}", alternative_label(locale, &a.label), notation(&a.text)))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// What a reader compares of a clause, as the comparison of versions reads it: its heading,
/// then its words.
fn comparable(clause: &Clause, locale: Locale) -> String {
    let words = clause_notation(clause, locale);
    if clause.heading.is_empty() { words } else { format!("{}\n{words}", clause.heading) }
}

fn word_inlines(changes: &[WordChange]) -> Vec<Inline> {
    changes
        .iter()
        .map(|change| match change {
            WordChange::Same(w) => Inline::Text(w.clone()),
            WordChange::Added(w) => Inline::Inserted(w.clone()),
            WordChange::Removed(w) => Inline::Deleted(w.clone()),
        })
        .collect()
}

/// "Words put in are underlined; words taken out are struck through.", the two styles shown
/// in their own style: the message is formatted around two stand-ins and cut at them.
fn legend(locale: Locale) -> Vec<Inline> {
    const INSERTED: char = '\u{E000}';
    const DELETED: char = '\u{E001}';
    let sentence = text_with(
        locale,
        "document-text-legend",
        &[("inserted", Arg::Text(&INSERTED.to_string())), ("deleted", Arg::Text(&DELETED.to_string()))],
    );
    let mut out = Vec::new();
    let mut words = String::new();
    for c in sentence.chars() {
        let shown = match c {
            INSERTED => Inline::Inserted(message(locale, "document-text-legend-inserted")),
            DELETED => Inline::Deleted(message(locale, "document-text-legend-deleted")),
            // Text arguments come wrapped in isolates (FSI … PDI); the styled words need none.
            '\u{2068}' | '\u{2069}' => continue,
            c => {
                words.push(c);
                continue;
            }
        };
        if !words.is_empty() {
            out.push(Inline::Emphasis(std::mem::take(&mut words)));
        }
        out.push(shown);
    }
    if !words.is_empty() {
        out.push(Inline::Emphasis(words));
    }
    out
}

fn comparison_blocks(export: &TextExport, locale: Locale) -> Result<Vec<Block>, TextRefusal> {
    let m = |id: &str| message(locale, id);
    let (older, older_draft, comparison) = export.compared.as_ref().ok_or(TextRefusal::NothingToCompare)?;
    let mut blocks = vec![Block::Facts(vec![
        (
            m("document-text-compared"),
            text_with(
                locale,
                "document-text-compared-versions",
                &[("older", Arg::count(older.number)), ("newer", Arg::count(export.summary.number))],
            ),
        ),
        (m("document-text-before"), findings::text_figures(locale, &comparison.from)),
        (m("document-text-after"), findings::text_figures(locale, &comparison.to)),
        (
            m("document-text-clauses"),
            text_with(
                locale,
                "document-text-clause-changes",
                &[
                    ("added", Arg::count(comparison.count(ClauseChangeKind::Added))),
                    ("removed", Arg::count(comparison.count(ClauseChangeKind::Removed))),
                    ("reworded", Arg::count(comparison.count(ClauseChangeKind::Reworded))),
                    ("moved", Arg::count(comparison.moved())),
                ],
            ),
        ),
    ])];
    blocks.push(Block::Paragraph(legend(locale)));
    for change in &comparison.clauses {
        let before = older_draft.clause(change.clause);
        let after = export.draft.clause(change.clause);
        let moved = match (change.moved, change.from, change.to) {
            (true, Some(f), Some(t)) => format!(
                " {}",
                text_with(
                    locale,
                    "document-text-moved",
                    &[("from", Arg::Text(&f.part.to_string())), ("to", Arg::Text(&t.part.to_string()))],
                )
            ),
            _ => String::new(),
        };
        let mut line = vec![Inline::Strong(format!("{} ", change.clause))];
        if change.change != ClauseChangeKind::Unchanged || change.moved {
            line.push(Inline::Emphasis(format!("{}{moved}: ", word(locale, change.change))));
        }
        match (change.change, before, after) {
            (ClauseChangeKind::Added, _, Some(clause)) => line.push(Inline::Inserted(clause_notation(clause, locale))),
            (ClauseChangeKind::Removed, Some(clause), _) => line.push(Inline::Deleted(clause_notation(clause, locale))),
            // The words compared again with the alternatives labelled in the document's
            // language, as the comparison of versions compares them.
            (ClauseChangeKind::Reworded, Some(old), Some(new)) => {
                line.extend(word_inlines(&word_changes(&comparable(old, locale), &comparable(new, locale))));
            }
            (ClauseChangeKind::Reworded, _, _) => line.extend(word_inlines(&change.words)),
            (_, _, Some(clause)) => line.push(Inline::Text(clause_notation(clause, locale))),
            _ => {}
        }
        blocks.push(Block::Paragraph(line));
    }
    Ok(blocks)
}

/// The document for one copy of an exported version, in `locale`.
pub fn text_document(export: &TextExport, copy: TextCopy, locale: Locale) -> Result<Document, TextRefusal> {
    let s = &export.summary;
    let mut blocks = match copy {
        TextCopy::Bracketed => vec![Block::Facts(facts(export, locale))],
        TextCopy::Clean => {
            if s.figures.brackets > 0 || s.figures.alternatives > 0 {
                return Err(TextRefusal::NotSettled {
                    version: s.number,
                    brackets: s.figures.brackets,
                    alternatives: s.figures.alternatives,
                });
            }
            vec![Block::Facts(facts(export, locale))]
        }
        TextCopy::Comparison => comparison_blocks(export, locale)?,
    };
    match copy {
        TextCopy::Bracketed => blocks.extend(body_blocks(&export.draft, false, locale)),
        TextCopy::Clean => blocks.extend(body_blocks(&export.draft, true, locale)),
        TextCopy::Comparison => {}
    }
    let name = copy.name(locale);
    let mode = label(locale, "mode", export.text.mode.as_str());
    let running_head = text_with(
        locale,
        "document-text-running-head",
        &[("copy", Arg::Text(&name)), ("version", Arg::count(s.number)), ("mode", Arg::Text(&mode))],
    );
    let subject =
        text_with(locale, "document-text-subject", &[("copy", Arg::Text(&name)), ("version", Arg::count(s.number))]);
    Ok(framed(locale, export.draft.title.clone(), running_head, subject, blocks))
}
