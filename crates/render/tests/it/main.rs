//! Exports documents as PDF and DOCX and reads them back: the text, the marks on every page, the
//! metadata, determinism, and user text that looks like markup.

mod docx;
mod pdf;
mod scripts;

use tracktwo_render::{Block, Document, Inline};

const RUNNING_HEAD: &str = "Chatham House Rule — not for attribution";
const COPY_MARK: &str = "Copy 3 of 20 — Ministry of Water";

/// Text that would do something if it were ever read as typst markup or code, or as XML.
const HOSTILE: &[&str] = &[
    r#"#read("/etc/passwd")"#,
    r#"#import "@preview/cetz:0.3.0": *"#,
    r#"#include "/data.json""#,
    r#"#set page(paper: "a5", flipped: true)"#,
    r#"#{ panic("boom") } #datetime.today()"#,
    r#"] #strong[escaped?] ["#,
    r#"$x^2 + y_1$ and \ a backslash, \\ two, \u{41} an escape"#,
    r#"*not bold* _not emphasis_ <label> @reference `raw` ~ -- ---"#,
    r#""double" 'single' /* block */ // line comment"#,
    r#"= Not a heading"#,
    r#"</w:t></w:r><w:r><w:t>XML]]>&amp;<!-- -->"#,
];

fn hostile_text() -> String {
    HOSTILE.join(" ")
}

fn plain(text: &str) -> Vec<Inline> {
    vec![Inline::Text(text.to_owned())]
}

const FILLER: &str = "The facilitators opened with a review of the water-sharing arrangements agreed at the \
    previous round, noting that both delegations had consulted their capitals on the seasonal allocation \
    formula. Participants stressed that nothing said in the room binds any government, and that the purpose \
    of the session is to test ideas that officials cannot yet raise in formal talks.";

/// A readout long enough to run over at least three pages, with every kind of block and text in
/// several scripts.
fn long_readout() -> Document {
    let mut blocks = Vec::new();
    for section in 1..=5 {
        blocks.push(Block::Heading { level: 1, text: format!("Session {section}: allocation and monitoring") });
        blocks.push(Block::Paragraph(vec![
            Inline::Text(format!("Section {section} summary. ")),
            Inline::Strong("Key point:".to_owned()),
            Inline::Text(" the joint technical committee should meet ".to_owned()),
            Inline::Emphasis("before".to_owned()),
            Inline::Text(" the dry season, ".to_owned()),
            Inline::Inserted("each month".to_owned()),
            Inline::Deleted("each quarter".to_owned()),
            Inline::Text(format!(". {FILLER}")),
        ]));
        blocks.push(Block::Heading { level: 2, text: format!("Positions heard in session {section}") });
        blocks.push(Block::Paragraph(plain(FILLER)));
        blocks.push(Block::Bullets(vec![
            plain(&format!("Upstream view {section}: storage first, releases later.")),
            vec![
                Inline::Strong(format!("Downstream view {section}:")),
                Inline::Text(" guaranteed minimum flow.".to_owned()),
            ],
            plain(&format!("Shared view {section}: data exchange can start now.")),
        ]));
        blocks.push(Block::Facts(vec![
            (format!("Venue {section}"), "Lakeside retreat, neutral ground".to_owned()),
            ("Participants".to_owned(), format!("{} from each side, two facilitators", section + 3)),
            ("A longer term that has to wrap inside its column".to_owned(), "Short value".to_owned()),
        ]));
        blocks.push(Block::Heading { level: 3, text: format!("Figures tabled in session {section}") });
        blocks.push(Block::Table {
            header: vec!["Station".to_owned(), "Flow (m³/s)".to_owned(), "Remark".to_owned()],
            rows: vec![
                vec![format!("North gauge {section}"), "412".to_owned(), "Measured jointly".to_owned()],
                vec![format!("South gauge {section}"), "388".to_owned()],
                vec![format!("Delta {section}"), "97".to_owned(), "Disputed by one side".to_owned()],
            ],
        });
        blocks.push(Block::Note {
            label: format!("Rapporteur's note {section}"),
            text: format!("Figures in session {section} were read out but not circulated on paper."),
        });
        blocks.push(Block::Paragraph(plain(FILLER)));
    }
    blocks.push(Block::Heading { level: 1, text: "Languages".to_owned() });
    blocks.push(Block::Paragraph(plain("Ελληνικά: η συνάντηση ολοκληρώθηκε.")));
    blocks.push(Block::Paragraph(plain("Русский: встреча завершилась в пятницу.")));
    blocks.push(Block::Paragraph(plain("עברית: הפגישה הסתיימה ביום שישי.")));
    blocks.push(Block::Paragraph(plain("العربية: انتهى الاجتماع يوم الجمعة.")));
    blocks.push(Block::Paragraph(plain("हिन्दी: बैठक शुक्रवार को समाप्त हुई।")));
    Document {
        title: "Readout: Third Round of the Upper Basin Dialogue".to_owned(),
        running_head: RUNNING_HEAD.to_owned(),
        copy_mark: COPY_MARK.to_owned(),
        subject: "Water-sharing dialogue, round three".to_owned(),
        blocks,
        ..Document::default()
    }
}

/// Every piece of left-to-right text the document shows, for checking that it arrived.
fn visible_texts(document: &Document) -> Vec<String> {
    let mut texts = vec![document.title.clone()];
    for block in &document.blocks {
        match block {
            Block::Heading { text, .. } => texts.push(text.clone()),
            Block::Paragraph(inlines) => texts.push(joined(inlines)),
            Block::Bullets(items) => texts.extend(items.iter().map(|item| joined(item))),
            Block::Facts(pairs) => texts.extend(pairs.iter().flat_map(|(term, value)| [term.clone(), value.clone()])),
            Block::Table { header, rows } => {
                texts.extend(header.iter().cloned());
                texts.extend(rows.iter().flatten().cloned());
            }
            Block::Note { label, text } => texts.extend([label.clone(), text.clone()]),
            // A drawing's text is drawn, not set as text.
            Block::Drawing { .. } => {}
        }
    }
    texts.retain(|text| text.chars().all(|c| !is_right_to_left_or_cjk(c)));
    texts
}

fn is_right_to_left_or_cjk(c: char) -> bool {
    matches!(u32::from(c), 0x0590..=0x08FF | 0x0900..=0x097F | 0x3000..=0x9FFF | 0xFF00..=0xFFEF | 0x1F000..=0x1FFFF)
}

fn joined(inlines: &[Inline]) -> String {
    inlines.iter().map(Inline::text).collect()
}

/// Text without any whitespace, so that line breaks and justification do not matter.
fn squashed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
