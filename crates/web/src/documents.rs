//! Exports as documents, laid out for `tracktwo-render` (PDF, DOCX): a meeting summary, built
//! from the redaction engine's summary only, so the file holds exactly what the reader may take
//! away — its metadata included (the title is the summary's scrubbed title; no author is set);
//! and a readout's copy, with its recipient's text and copy mark.

mod text;

pub use text::{TextCopy, text_document};

use time::macros::format_description;
use tracktwo_domain::redaction::MeetingSummary;
use tracktwo_render::{Block, Document, Inline};

fn date_text(date: time::Date) -> String {
    date.format(format_description!("[year]-[month]-[day]")).unwrap_or_default()
}

#[must_use]
pub fn summary_document(summary: &MeetingSummary) -> Document {
    let mut blocks = Vec::new();
    let mut facts = vec![
        ("Initiative".to_owned(), summary.initiative.clone()),
        ("Round".to_owned(), summary.round.clone()),
        (
            "Date".to_owned(),
            match summary.ends_on {
                Some(end) => format!("{} – {}", date_text(summary.starts_on), date_text(end)),
                None => date_text(summary.starts_on),
            },
        ),
        ("Rule".to_owned(), summary.mode.label().to_owned()),
        ("Prepared for".to_owned(), summary.reader.label().to_owned()),
    ];
    if let Some(venue) = summary.venue.as_ref().filter(|v| !v.is_empty()) {
        facts.push(("Venue".to_owned(), venue.clone()));
    }
    if let Some(stage) = &summary.stage_reached {
        facts.push(("Stage reached".to_owned(), stage.clone()));
    }
    blocks.push(Block::Facts(facts));
    if let Some(attendees) = &summary.attendees {
        blocks.push(Block::Heading { level: 2, text: "Attendance".into() });
        blocks.push(Block::Table {
            header: vec!["Name".into(), "Organisation".into(), "Side".into(), "Capacity".into()],
            rows: attendees
                .iter()
                .map(|a| vec![a.name.clone(), a.organisation.clone(), a.side.clone(), a.capacity.label().to_owned()])
                .collect(),
        });
    }
    if !summary.agenda.is_empty() {
        blocks.push(Block::Heading { level: 2, text: "Agenda".into() });
        blocks.push(Block::Bullets(
            summary
                .agenda
                .iter()
                .map(|(item, done)| vec![Inline::Text(if *done { format!("{item} (done)") } else { item.clone() })])
                .collect(),
        ));
    }
    for session in &summary.sessions {
        blocks.push(Block::Heading { level: 2, text: session.title.clone() });
        blocks.push(Block::Paragraph(vec![Inline::Emphasis(format!("{} · {}", session.scope, session.mode.label()))]));
        for note in &session.notes {
            let mut label: Vec<String> = note.tags.iter().map(|t| t.label().to_owned()).collect();
            if note.not_for_transfer {
                label.push("not for transfer".into());
            }
            let text = match &note.speaker {
                Some(code) => format!("{code}: {}", note.body),
                None => note.body.clone(),
            };
            blocks.push(Block::Note { label: label.join(", "), text });
        }
    }
    if !summary.options.is_empty() {
        blocks.push(Block::Heading { level: 2, text: "Options raised".into() });
        blocks.push(Block::Bullets(
            summary
                .options
                .iter()
                .map(|o| {
                    let mut line =
                        vec![Inline::Strong(o.title.clone()), Inline::Text(format!(" — {}", o.status.label()))];
                    if !o.supported_by.is_empty() {
                        line.push(Inline::Text(format!(" (supported by {})", o.supported_by.join(", "))));
                    }
                    line
                })
                .collect(),
        ));
    }
    if !summary.follow_ups.is_empty() {
        blocks.push(Block::Heading { level: 2, text: "Follow-ups".into() });
        blocks.push(Block::Bullets(
            summary
                .follow_ups
                .iter()
                .map(|f| {
                    let due = f.due_on.map(|d| format!(" (due {})", date_text(d))).unwrap_or_default();
                    vec![Inline::Text(format!("{}{due}{}", f.commitment, if f.done { " — done" } else { "" }))]
                })
                .collect(),
        ));
    }
    if !summary.withheld.is_empty() {
        blocks.push(Block::Heading { level: 2, text: "Not in this summary".into() });
        blocks.push(Block::Bullets(summary.withheld.iter().map(|w| vec![Inline::Text(w.clone())]).collect()));
    }
    Document {
        title: summary.title.clone(),
        running_head: format!("{} — {}", summary.mode.label(), summary.reader.label()),
        copy_mark: String::new(),
        subject: format!("Meeting summary ({})", summary.mode.label()),
        blocks,
    }
}

/// A copy as a document: its own text, the copy mark on every page, no author.
#[must_use]
pub fn copy_document(copy: &tracktwo_app::transfer::CopyToRender) -> Document {
    let mut blocks = Vec::new();
    for section in &copy.text {
        blocks.push(Block::Heading { level: 2, text: section.heading.clone() });
        for p in &section.paragraphs {
            blocks.push(Block::Paragraph(vec![Inline::Text(p.clone())]));
        }
    }
    Document {
        title: copy.title.clone(),
        running_head: format!("Readout for {} — do not copy or forward", copy.audience.label().to_lowercase()),
        copy_mark: copy.mark.clone(),
        subject: "Readout".into(),
        blocks,
    }
}
