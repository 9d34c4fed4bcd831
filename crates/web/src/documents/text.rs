//! A negotiating text as the file negotiators expect: the bracketed working copy with clause
//! numbers, brackets and alternatives in place; the clean copy of a settled version; and the
//! comparison copy of two versions with insertions underlined and deletions struck through.
//! Only the text travels: no comment, suggestion or name.

use tracktwo_app::negotiating_text::{TextExport, TextRefusal};
use tracktwo_domain::negotiating_text::compare::{ClauseChangeKind, WordChange};
use tracktwo_domain::negotiating_text::{Body, Clause, ClauseStanding, Draft, Replaces, Span};
use tracktwo_render::{Block, Document, Inline};

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

fn facts(export: &TextExport) -> Vec<(String, String)> {
    let s = &export.summary;
    vec![
        ("Version".into(), format!("{} ({})", s.number, s.language.as_str())),
        ("Committed".into(), s.committed_at.date().to_string()),
        ("Content hash".into(), s.hash.to_hex()),
        ("Status".into(), export.agreement.to_string()),
        ("Figures".into(), s.figures.to_string()),
    ]
}

fn clause_blocks(clause: &Clause, label: &str, marked: bool) -> Vec<Block> {
    let mut head = vec![Inline::Strong(format!("{label} "))];
    if !clause.heading.is_empty() {
        head.push(Inline::Emphasis(format!("{} — ", clause.heading)));
    }
    let standing = match clause.standing() {
        ClauseStanding::AgreedAdReferendum if marked => " (agreed ad referendum)",
        _ => "",
    };
    match &clause.body {
        Body::Text(words) => {
            head.push(Inline::Text(spans(words)));
            if !standing.is_empty() {
                head.push(Inline::Emphasis(standing.into()));
            }
            vec![Block::Paragraph(head)]
        }
        Body::Alternatives(alternatives) => {
            head.push(Inline::Emphasis("alternatives:".into()));
            let mut out = vec![Block::Paragraph(head)];
            for alternative in alternatives {
                let replaces = match &alternative.replaces {
                    Replaces::WholeClause => "the whole clause".to_owned(),
                    Replaces::Words(words) => format!("“{words}”"),
                };
                out.push(Block::Paragraph(vec![
                    Inline::Strong(format!("Alt {} ", alternative.label)),
                    Inline::Emphasis(format!("(replaces {replaces}) ")),
                    Inline::Text(spans(&alternative.text)),
                ]));
            }
            out
        }
    }
}

fn body_blocks(draft: &Draft, numbered: bool) -> Vec<Block> {
    let mut blocks = Vec::new();
    if !draft.preamble.is_empty() {
        blocks.push(Block::Paragraph(vec![Inline::Emphasis(draft.preamble.clone())]));
    }
    let mut position = 0;
    for part in &draft.parts {
        if !part.heading.is_empty() {
            blocks.push(Block::Heading { level: 2, text: part.heading.clone() });
        }
        for clause in &part.clauses {
            position += 1;
            let label = if numbered { format!("{position}.") } else { format!("{}", clause.id) };
            blocks.extend(clause_blocks(clause, &label, !numbered));
        }
    }
    blocks
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

fn comparison_blocks(export: &TextExport) -> Result<Vec<Block>, TextRefusal> {
    let (older, older_draft, comparison) = export.compared.as_ref().ok_or(TextRefusal::NothingToCompare)?;
    let mut blocks = vec![Block::Facts(vec![
        ("Compared".into(), format!("version {} → version {}", older.number, export.summary.number)),
        ("Before".into(), comparison.from.to_string()),
        ("After".into(), comparison.to.to_string()),
        (
            "Clauses".into(),
            format!(
                "{} added · {} removed · {} reworded · {} moved",
                comparison.count(ClauseChangeKind::Added),
                comparison.count(ClauseChangeKind::Removed),
                comparison.count(ClauseChangeKind::Reworded),
                comparison.moved()
            ),
        ),
    ])];
    blocks.push(Block::Paragraph(vec![
        Inline::Emphasis("Words put in are ".into()),
        Inline::Inserted("underlined".into()),
        Inline::Emphasis("; words taken out are ".into()),
        Inline::Deleted("struck through".into()),
        Inline::Emphasis(".".into()),
    ]));
    for change in &comparison.clauses {
        let before = older_draft.clause(change.clause);
        let after = export.draft.clause(change.clause);
        let moved = match (change.moved, change.from, change.to) {
            (true, Some(f), Some(t)) => format!(" (moved from {} to {})", f.part, t.part),
            _ => String::new(),
        };
        let mut line = vec![Inline::Strong(format!("{} ", change.clause))];
        if change.change != ClauseChangeKind::Unchanged || change.moved {
            line.push(Inline::Emphasis(format!("{}{moved}: ", change.change.as_str())));
        }
        match (change.change, before, after) {
            (ClauseChangeKind::Added, _, Some(clause)) => line.push(Inline::Inserted(clause.notation())),
            (ClauseChangeKind::Removed, Some(clause), _) => line.push(Inline::Deleted(clause.notation())),
            (ClauseChangeKind::Reworded, _, _) => line.extend(word_inlines(&change.words)),
            (_, _, Some(clause)) => line.push(Inline::Text(clause.notation())),
            _ => {}
        }
        blocks.push(Block::Paragraph(line));
    }
    Ok(blocks)
}

/// The document for one copy of an exported version.
pub fn text_document(export: &TextExport, copy: TextCopy) -> Result<Document, TextRefusal> {
    let s = &export.summary;
    let (kind, mut blocks) = match copy {
        TextCopy::Bracketed => ("Bracketed text", vec![Block::Facts(facts(export))]),
        TextCopy::Clean => {
            if s.figures.brackets > 0 || s.figures.alternatives > 0 {
                return Err(TextRefusal::NotSettled {
                    version: s.number,
                    brackets: s.figures.brackets,
                    alternatives: s.figures.alternatives,
                });
            }
            ("Clean text", vec![Block::Facts(facts(export))])
        }
        TextCopy::Comparison => ("Comparison", comparison_blocks(export)?),
    };
    match copy {
        TextCopy::Bracketed => blocks.extend(body_blocks(&export.draft, false)),
        TextCopy::Clean => blocks.extend(body_blocks(&export.draft, true)),
        TextCopy::Comparison => {}
    }
    Ok(Document {
        title: export.draft.title.clone(),
        running_head: format!("{kind} — version {} — {}", s.number, export.text.mode.label()),
        copy_mark: String::new(),
        subject: format!("{kind}, version {}", s.number),
        blocks,
        ..Document::default()
    })
}
