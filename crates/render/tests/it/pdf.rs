use std::collections::BTreeSet;

use lopdf::{Document as Pdf, Object};
use tracktwo_render::{Block, Document, Inline, RenderError, render_pdf};

use crate::{COPY_MARK, HOSTILE, RUNNING_HEAD, hostile_text, long_readout, plain, squashed, visible_texts};

fn parse(bytes: &[u8]) -> Pdf {
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF header");
    Pdf::load_mem(bytes).expect("the PDF parses")
}

/// The text of each page, in page order.
fn page_texts(pdf: &Pdf) -> Vec<String> {
    pdf.get_pages().keys().map(|number| pdf.extract_text(&[*number]).expect("page text")).collect()
}

fn page_mark(number: usize, count: usize) -> String {
    format!("Page{number}of{count}")
}

/// The body of every page run together: the running head, copy mark and page number taken out
/// of each page, so that a paragraph split across two pages reads as one.
fn body_text(pages: &[String], running_head: &str, copy_mark: &str) -> String {
    pages
        .iter()
        .enumerate()
        .map(|(index, page)| {
            let mut page = squashed(page);
            for mark in [squashed(running_head), squashed(copy_mark), page_mark(index + 1, pages.len())] {
                if !mark.is_empty() {
                    page = page.replacen(&mark, "", 1);
                }
            }
            page
        })
        .collect()
}

/// Whether each text occurs in `haystack` after the one before it.
fn appear_in_order(haystack: &str, texts: &[&str]) -> bool {
    let mut rest = haystack;
    texts.iter().all(|text| match rest.find(text) {
        Some(at) => {
            rest = &rest[at + text.len()..];
            true
        }
        None => false,
    })
}

fn info_dictionary(pdf: &Pdf) -> &lopdf::Dictionary {
    let reference = pdf.trailer.get(b"Info").expect("an information dictionary").as_reference().expect("a reference");
    pdf.get_dictionary(reference).expect("the information dictionary")
}

fn info_text(pdf: &Pdf, key: &[u8]) -> String {
    lopdf::decode_text_string(info_dictionary(pdf).get(key).expect("the key is present")).expect("a text string")
}

fn xmp_metadata(pdf: &Pdf) -> String {
    let catalog = pdf.catalog().expect("a catalog");
    let reference = catalog.get(b"Metadata").expect("XMP metadata").as_reference().expect("a reference");
    let Object::Stream(stream) = pdf.get_object(reference).expect("the metadata stream") else {
        panic!("the metadata is not a stream");
    };
    let content = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
    String::from_utf8(content).expect("XMP is UTF-8")
}

fn bookmark_titles(pdf: &Pdf) -> Vec<String> {
    pdf.get_toc().expect("an outline").toc.into_iter().map(|entry| entry.title).collect()
}

fn is_a4_portrait(pdf: &Pdf) -> bool {
    pdf.get_pages().values().all(|page_id| {
        let page = pdf.get_dictionary(*page_id).expect("a page");
        let media_box = page.get(b"MediaBox").expect("a media box").as_array().expect("an array");
        let numbers: Vec<f32> = media_box.iter().map(|n| n.as_float().expect("a number")).collect();
        let (width, height) = (numbers[2] - numbers[0], numbers[3] - numbers[1]);
        (width - 595.28).abs() < 0.5 && (height - 841.89).abs() < 0.5
    })
}

#[test]
fn a_long_readout_carries_its_text_and_marks_on_every_page() {
    let document = long_readout();
    let bytes = render_pdf(&document).expect("renders");
    let pdf = parse(&bytes);
    let pages = page_texts(&pdf);
    assert!(pages.len() >= 3, "expected at least three pages, got {}", pages.len());
    assert!(is_a4_portrait(&pdf));

    for (index, page) in pages.iter().enumerate() {
        let page = squashed(page);
        assert!(page.contains(&squashed(RUNNING_HEAD)), "page {} lacks the running head", index + 1);
        assert!(page.contains(&squashed(COPY_MARK)), "page {} lacks the copy mark", index + 1);
        assert!(page.contains(&page_mark(index + 1, pages.len())), "page {} lacks its page number", index + 1);
    }

    let body = body_text(&pages, RUNNING_HEAD, COPY_MARK);
    for text in visible_texts(&document) {
        assert!(body.contains(&squashed(&text)), "missing from the PDF: {text:?}");
    }
    // Right-to-left text is stored in visual order, so only its letters are checked.
    let letters: BTreeSet<char> = body.chars().collect();
    assert!("עברית הפגישה הסתיימה".chars().filter(|c| !c.is_whitespace()).all(|c| letters.contains(&c)));
    assert!("Ελληνικά Русский".chars().filter(|c| !c.is_whitespace()).all(|c| letters.contains(&c)));
}

#[test]
fn headings_become_the_bookmarks() {
    let document = long_readout();
    let pdf = parse(&render_pdf(&document).expect("renders"));
    let headings: Vec<String> = document
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(bookmark_titles(&pdf), headings);
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let document = long_readout();
    let first = render_pdf(&document).expect("renders");
    // Another document in between must not leave anything behind that changes the next output.
    render_pdf(&Document { title: "Something else".to_owned(), ..Document::default() }).expect("renders");
    let second = render_pdf(&document).expect("renders");
    assert!(first == second, "two exports of one document differ");
}

#[test]
fn metadata_is_the_title_and_subject_and_nothing_else() {
    let document = long_readout();
    let pdf = parse(&render_pdf(&document).expect("renders"));
    let keys: BTreeSet<String> =
        info_dictionary(&pdf).iter().map(|(key, _)| String::from_utf8_lossy(key).into_owned()).collect();
    assert_eq!(keys, BTreeSet::from(["Title".to_owned(), "Subject".to_owned()]));
    assert_eq!(info_text(&pdf, b"Title"), document.title);
    assert_eq!(info_text(&pdf, b"Subject"), document.subject);

    let xmp = xmp_metadata(&pdf);
    for forbidden in ["dc:creator", "CreatorTool", "CreateDate", "ModifyDate", "MetadataDate", "pdf:Producer"] {
        assert!(!xmp.contains(forbidden), "XMP metadata carries {forbidden}");
    }
    assert!(xmp.contains(&document.title), "XMP metadata lacks the title");
}

#[test]
fn empty_metadata_is_left_out() {
    let pdf = parse(&render_pdf(&Document::default()).expect("an empty document renders"));
    assert!(pdf.trailer.get(b"Info").is_err() || info_dictionary(&pdf).is_empty());
    assert_eq!(page_texts(&pdf).len(), 1);
}

#[test]
fn text_that_looks_like_markup_is_shown_as_it_is() {
    let hostile = hostile_text();
    let document = Document {
        title: format!("Title {hostile}"),
        running_head: format!("Head {}", HOSTILE[0]),
        copy_mark: format!("Mark {}", HOSTILE[5]),
        subject: hostile.clone(),
        blocks: vec![
            Block::Heading { level: 1, text: "Before".to_owned() },
            Block::Paragraph(vec![
                Inline::Text(hostile.clone()),
                Inline::Strong(HOSTILE[6].to_owned()),
                Inline::Emphasis(HOSTILE[7].to_owned()),
                Inline::Inserted(HOSTILE[2].to_owned()),
                Inline::Deleted(HOSTILE[3].to_owned()),
            ]),
            Block::Bullets(HOSTILE.iter().map(|text| plain(text)).collect()),
            Block::Facts(vec![(HOSTILE[1].to_owned(), HOSTILE[3].to_owned())]),
            Block::Table { header: vec![HOSTILE[9].to_owned()], rows: vec![vec![HOSTILE[10].to_owned()]] },
            Block::Note { label: HOSTILE[4].to_owned(), text: HOSTILE[8].to_owned() },
            Block::Heading { level: 1, text: "After".to_owned() },
            Block::Paragraph(plain("Sentinel paragraph.")),
        ],
        ..Document::default()
    };
    let pdf = parse(&render_pdf(&document).expect("renders"));

    // Structure unchanged: the page size the text tries to set is not applied, and the only
    // headings are the two real ones.
    assert!(is_a4_portrait(&pdf), "a page setting in the text took effect");
    assert_eq!(bookmark_titles(&pdf), ["Before", "After"]);

    let pages = page_texts(&pdf);
    let all = squashed(&pages.concat());
    assert!(!all.contains("root:"), "a file was read");
    for page in &pages {
        assert!(squashed(page).contains(&squashed(&document.running_head)));
        assert!(squashed(page).contains(&squashed(&document.copy_mark)));
    }
    let body = body_text(&pages, &document.running_head, &document.copy_mark);
    for text in visible_texts(&document) {
        assert!(body.contains(&squashed(&text)), "not shown literally: {text:?}");
    }
    assert!(appear_in_order(&body, &["Before", &squashed(&hostile), "After", "Sentinelparagraph."]));
    assert_eq!(info_text(&pdf, b"Subject"), hostile);
}

#[test]
fn letters_no_font_can_draw_are_refused_naming_their_scripts_not_the_text() {
    let document = Document {
        title: "Secret title".to_owned(),
        blocks: vec![Block::Paragraph(plain("会议 한국어 日本語 🤝 and ok"))],
        ..Document::default()
    };
    let error = render_pdf(&document).expect_err("refused");
    let RenderError::NoFont { scripts } = &error else { panic!("{error:?}") };
    let names: Vec<&str> = scripts.iter().map(|s| s.script.as_str()).collect();
    assert_eq!(names, ["Han", "Hangul", "symbols"]);
    let message = error.to_string();
    assert!(message.contains("Han (5 characters)") && message.contains("fonts-noto-cjk"), "{message}");
    assert!(!message.contains("会") && !message.contains("Secret"), "{message}");
}

#[test]
fn control_characters_do_not_fail_the_export() {
    let document = Document {
        title: "Control\u{0}characters\u{7}\u{1b}[31m and line\r\nbreaks".to_owned(),
        blocks: vec![
            Block::Paragraph(plain("Nul \u{0} bell \u{7} tab\tend \u{FFFF} \u{FDD0}")),
            Block::Paragraph(plain("joiners\u{200D}and\u{200C}marks \u{200F}\u{202E}reversed\u{202C}")),
            Block::Table { header: vec![], rows: vec![vec![], vec!["only one cell".to_owned()]] },
            Block::Table { header: vec![], rows: vec![] },
            Block::Facts(vec![]),
            Block::Bullets(vec![vec![]]),
            Block::Paragraph(vec![]),
            Block::Note { label: String::new(), text: String::new() },
        ],
        ..Document::default()
    };
    let pdf = parse(&render_pdf(&document).expect("renders"));
    let text = squashed(&page_texts(&pdf).concat());
    assert!(text.contains("Controlcharacters[31mandlinebreaks"));
    assert!(text.contains("onlyonecell"));
}

#[test]
fn heading_levels_outside_one_to_three_are_refused_without_quoting_them() {
    for level in [0, 4] {
        let document = Document {
            blocks: vec![Block::Heading { level, text: "Secret heading".to_owned() }],
            ..Document::default()
        };
        let error = render_pdf(&document).expect_err("refused");
        assert_eq!(error, RenderError::HeadingLevel { block: 0, level });
        assert!(!error.to_string().contains("Secret"));
    }
}

#[test]
fn a_drawing_of_our_own_is_drawn_in_the_pdf_and_described_in_the_docx() {
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40"><title>t</title><circle cx="20" cy="20" r="10" fill="#1f4e79"/><text x="40" y="25" font-size="12">Lane</text></svg>"##;
    let document = tracktwo_render::Document {
        title: "Timeline".into(),
        running_head: "Head".into(),
        copy_mark: String::new(),
        subject: String::new(),
        blocks: vec![tracktwo_render::Block::Drawing { svg: svg.into(), alt: "Lanes of events".into() }],
        ..Document::default()
    };
    let pdf = tracktwo_render::render_pdf(&document).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let without =
        tracktwo_render::render_pdf(&tracktwo_render::Document { blocks: Vec::new(), ..document.clone() }).unwrap();
    assert!(pdf.len() > without.len() + 200, "the drawing added nothing to the PDF");
    let docx = tracktwo_render::render_docx(&document).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("[Drawing: Lanes of events]"), "{xml}");
}
