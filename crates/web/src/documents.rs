//! Exports as documents, laid out for `tracktwo-render` (PDF, DOCX): a meeting summary, built
//! from the redaction engine's summary only, so the file holds exactly what the reader may take
//! away — its metadata included (the title is the summary's scrubbed title; no author is set);
//! a readout's copy, with its recipient's text and copy mark; and the multi-track timeline.
//!
//! Each is written in a chosen language: its headings, labels and page numbers come from the
//! `documents.ftl` messages of that locale, and the document declares it (direction, language
//! tags). The people's own words stay as they were written.

mod fonts;
mod report;
mod text;

pub use fonts::{DocumentError, pdf};
pub use report::report_document;
pub use text::{TextCopy, text_document};

use tracktwo_domain::redaction::{MeetingSummary, Reader};
use tracktwo_i18n::{Arg, Locale, text as message, text_with};
use tracktwo_render::{Block, Digits, Document, Inline, PageLabel};

use crate::pages::findings;
use crate::pages::words::Word as _;

/// Stand-ins for the page numbers, which typst and Word fill in: they split the formatted
/// message into the words before, between and after the numbers.
const PAGE: &str = "\u{E000}";
const PAGES: &str = "\u{E001}";

/// "Page 3 of 12" in `locale`: the words around the two numbers, and the digits they are
/// written in.
#[must_use]
pub fn page_label(locale: Locale) -> PageLabel {
    let text = text_with(locale, "document-page", &[("page", Arg::Text(PAGE)), ("pages", Arg::Text(PAGES))]);
    // Text arguments come wrapped in isolates (FSI … PDI); the numbers need none.
    let text = text.replace(['\u{2068}', '\u{2069}'], "");
    let Some((before, rest)) = text.split_once(PAGE) else { return PageLabel::default() };
    let Some((between, after)) = rest.split_once(PAGES) else { return PageLabel::default() };
    let digits = if locale.writes_arabic_indic_digits() { Digits::ArabicIndic } else { Digits::Latin };
    PageLabel { before: before.to_owned(), between: between.to_owned(), after: after.to_owned(), digits }
}

/// `document` as a file to download, as PDF (`format` "pdf" or empty) or DOCX, named
/// `stem.pdf` or `stem.docx`.
pub(crate) fn attachment(
    document: &Document,
    format: &str,
    stem: &str,
) -> Result<axum::response::Response, crate::PageError> {
    use axum::http::{HeaderValue, StatusCode, header};
    use axum::response::IntoResponse;
    let (bytes, content_type, extension) = match format {
        "pdf" | "" => (pdf(document)?, "application/pdf", "pdf"),
        "docx" => (
            tracktwo_render::render_docx(document).map_err(DocumentError::from)?,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        ),
        _ => return Err(crate::forms::invalid("format", "must be pdf or docx")),
    };
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("attachment; filename=\"{stem}.{extension}\""))
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// The language a document is asked for in (`?language=ar`), else the reader's own.
#[must_use]
pub fn document_locale(asked: &str, reader: Locale) -> Locale {
    Locale::from_tag(asked.trim()).unwrap_or(reader)
}

/// A document's frame in `locale`: its language and page numbers.
fn framed(locale: Locale, title: String, running_head: String, subject: String, blocks: Vec<Block>) -> Document {
    Document {
        title,
        running_head,
        copy_mark: String::new(),
        subject,
        blocks,
        language: locale.tag().to_owned(),
        page_label: page_label(locale),
    }
}

fn reader_label(locale: Locale, reader: Reader) -> String {
    message(locale, &format!("document-reader-{}", reader.code()))
}

/// The label of a value of one of the domain's enumerations (`document-{kind}-{key}`).
fn label(locale: Locale, kind: &str, key: &str) -> String {
    message(locale, &format!("document-{kind}-{key}"))
}

#[must_use]
pub fn summary_document(summary: &MeetingSummary, locale: Locale) -> Document {
    let m = |id: &str| message(locale, id);
    let mode = label(locale, "mode", summary.mode.as_str());
    let reader = reader_label(locale, summary.reader);
    let mut blocks = Vec::new();
    let mut facts = vec![
        (m("document-initiative"), summary.initiative.clone()),
        (m("document-round"), summary.round.clone()),
        (
            m("document-date"),
            match summary.ends_on {
                Some(end) => format!("{} – {}", locale.date(summary.starts_on), locale.date(end)),
                None => locale.date(summary.starts_on),
            },
        ),
        (m("document-rule"), mode.clone()),
        (m("document-prepared-for"), reader.clone()),
    ];
    if let Some(venue) = summary.venue.as_ref().filter(|v| !v.is_empty()) {
        facts.push((m("document-venue"), venue.clone()));
    }
    if let Some(stage) = summary.stage_reached {
        facts.push((m("document-stage-reached"), findings::stage(locale, stage)));
    }
    blocks.push(Block::Facts(facts));
    if let Some(attendees) = &summary.attendees {
        blocks.push(Block::Heading { level: 2, text: m("document-attendance") });
        blocks.push(Block::Table {
            header: vec![m("document-name"), m("document-organisation"), m("document-side"), m("document-capacity")],
            rows: attendees
                .iter()
                .map(|a| {
                    vec![
                        a.name.clone(),
                        a.organisation.clone(),
                        a.side.clone(),
                        label(locale, "capacity", a.capacity.as_str()),
                    ]
                })
                .collect(),
        });
    }
    if !summary.agenda.is_empty() {
        blocks.push(Block::Heading { level: 2, text: m("document-agenda") });
        blocks.push(Block::Bullets(
            summary
                .agenda
                .iter()
                .map(|(item, done)| {
                    let text = if *done {
                        text_with(locale, "document-agenda-done", &[("item", Arg::Text(item))])
                    } else {
                        item.clone()
                    };
                    vec![Inline::Text(text)]
                })
                .collect(),
        ));
    }
    for session in &summary.sessions {
        blocks.push(Block::Heading { level: 2, text: session.title.clone() });
        let session_mode = label(locale, "mode", session.mode.as_str());
        blocks.push(Block::Paragraph(vec![Inline::Emphasis(format!(
            "{} · {session_mode}",
            findings::session_scope(locale, &session.scope)
        ))]));
        for note in &session.notes {
            let mut tags: Vec<String> = note.tags.iter().map(|t| label(locale, "tag", t.as_str())).collect();
            if note.not_for_transfer {
                tags.push(m("document-not-for-transfer"));
            }
            let text = match &note.speaker {
                Some(code) => format!("{code}: {}", note.body),
                None => note.body.clone(),
            };
            blocks.push(Block::Note { label: tags.join(", "), text });
        }
    }
    if !summary.options.is_empty() {
        blocks.push(Block::Heading { level: 2, text: m("document-options-raised") });
        blocks.push(Block::Bullets(
            summary
                .options
                .iter()
                .map(|o| {
                    let mut line = vec![
                        Inline::Strong(o.title.clone()),
                        Inline::Text(format!(" — {}", label(locale, "status", o.status.as_str()))),
                    ];
                    if !o.supported_by.is_empty() {
                        let sides = o.supported_by.join(", ");
                        line.push(Inline::Text(format!(
                            " {}",
                            text_with(locale, "document-supported-by", &[("sides", Arg::Text(&sides))])
                        )));
                    }
                    line
                })
                .collect(),
        ));
    }
    if !summary.follow_ups.is_empty() {
        blocks.push(Block::Heading { level: 2, text: m("document-follow-ups") });
        blocks.push(Block::Bullets(
            summary
                .follow_ups
                .iter()
                .map(|f| {
                    let due = f
                        .due_on
                        .map(|d| {
                            format!(" {}", text_with(locale, "document-due", &[("date", Arg::Text(&locale.date(d)))]))
                        })
                        .unwrap_or_default();
                    let done = if f.done { format!(" — {}", m("document-done")) } else { String::new() };
                    vec![Inline::Text(format!("{}{due}{done}", f.commitment))]
                })
                .collect(),
        ));
    }
    if !summary.withheld.is_empty() {
        blocks.push(Block::Heading { level: 2, text: m("document-not-in-summary") });
        blocks.push(Block::Bullets(
            summary
                .withheld
                .iter()
                .map(|w| vec![Inline::Text(findings::withheld(locale, w, summary.reader))])
                .collect(),
        ));
    }
    let running_head = text_with(
        locale,
        "document-summary-running-head",
        &[("mode", Arg::Text(&mode)), ("reader", Arg::Text(&reader))],
    );
    let subject = text_with(locale, "document-summary-subject", &[("mode", Arg::Text(&mode))]);
    framed(locale, summary.title.clone(), running_head, subject, blocks)
}

/// A copy as a document: its own text, the copy mark on every page, no author.
#[must_use]
pub fn copy_document(copy: &tracktwo_app::transfer::CopyToRender, locale: Locale) -> Document {
    let mut blocks = Vec::new();
    for section in &copy.text {
        blocks.push(Block::Heading { level: 2, text: section.heading.clone() });
        for p in &section.paragraphs {
            blocks.push(Block::Paragraph(vec![Inline::Text(p.clone())]));
        }
    }
    let audience = label(locale, "audience", copy.audience.as_str());
    let running_head = text_with(locale, "document-readout-running-head", &[("audience", Arg::Text(&audience))]);
    let document =
        framed(locale, copy.title.clone(), running_head, message(locale, "document-readout-subject"), blocks);
    Document { copy_mark: copy.mark.clone(), ..document }
}

/// The timeline's events, lane by lane, for [`timeline_document`].
pub struct TimelineLanes {
    pub official: Vec<Vec<String>>,
    pub initiatives: Vec<(String, Vec<Vec<String>>)>,
    pub transfers: Vec<Vec<String>>,
    pub coordination: Vec<Vec<String>>,
    pub outcomes: Vec<Vec<String>>,
}

/// The multi-track timeline as a document: the drawing, then every lane's events as a table.
#[must_use]
pub fn timeline_document(
    lanes: TimelineLanes,
    span: (time::Date, time::Date),
    svg: String,
    locale: Locale,
) -> Document {
    let m = |id: &str| message(locale, id);
    let (from, to) = (locale.date(span.0), locale.date(span.1));
    let mut blocks = vec![
        Block::Paragraph(vec![Inline::Text(text_with(
            locale,
            "document-timeline-span",
            &[("from", Arg::Text(&from)), ("to", Arg::Text(&to))],
        ))]),
        Block::Drawing { svg, alt: m("document-timeline-alt") },
    ];
    let mut lane = |name: String, rows: Vec<Vec<String>>| {
        blocks.push(Block::Heading { level: 2, text: name });
        blocks.push(Block::Table { header: vec![m("document-date"), m("document-event")], rows });
    };
    lane(m("document-timeline-official"), lanes.official);
    for (name, rows) in lanes.initiatives {
        lane(name, rows);
    }
    lane(m("document-timeline-transfers"), lanes.transfers);
    lane(m("document-timeline-coordination"), lanes.coordination);
    lane(m("document-timeline-outcomes"), lanes.outcomes);
    framed(
        locale,
        m("document-timeline-title"),
        m("document-timeline-running-head"),
        m("document-timeline-subject"),
        blocks,
    )
}

#[cfg(test)]
mod tests {
    use tracktwo_domain::dialogue::{ConfidentialityMode, NoteTag, OptionStatus};
    use tracktwo_domain::map::Capacity;
    use tracktwo_domain::transfer::Audience;

    use super::*;

    #[test]
    fn every_value_a_document_labels_has_its_message() {
        let keys = ConfidentialityMode::ALL
            .iter()
            .map(|v| ("mode", v.as_str()))
            .chain(Capacity::ALL.iter().map(|v| ("capacity", v.as_str())))
            .chain(NoteTag::ALL.iter().map(|v| ("tag", v.as_str())))
            .chain(OptionStatus::ALL.iter().map(|v| ("status", v.as_str())))
            .chain(Audience::ALL.iter().map(|v| ("audience", v.as_str())));
        for (kind, key) in keys {
            assert!(tracktwo_i18n::has_message(&format!("document-{kind}-{key}")), "document-{kind}-{key}");
        }
    }

    #[test]
    fn the_page_numbers_words_are_split_around_the_numbers_in_every_language() {
        assert_eq!(page_label(Locale::English), PageLabel::default());
        let arabic = page_label(Locale::Arabic);
        assert_eq!((arabic.before.as_str(), arabic.between.as_str()), ("الصفحة ", " من "));
        assert_eq!(arabic.digits, Digits::ArabicIndic);
        let russian = page_label(Locale::Russian);
        assert_eq!(
            (russian.before.as_str(), russian.between.as_str(), russian.after.as_str()),
            ("Страница ", " из ", "")
        );
        // A pseudo-locale marks the words, not the numbers.
        let pseudo = page_label(Locale::PseudoAccented);
        assert!(pseudo.before.starts_with('[') && pseudo.between.starts_with('['), "{pseudo:?}");
        // Only Arabic writes Arabic-Indic digits; its flipped pseudo-locale writes as English.
        assert_eq!(page_label(Locale::PseudoRightToLeft).digits, Digits::Latin);
        assert_eq!(russian.digits, Digits::Latin);
    }
}
