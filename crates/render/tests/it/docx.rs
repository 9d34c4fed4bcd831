use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::reader::Reader;
use tracktwo_render::{Block, Digits, Document, Inline, PageLabel, RenderError, render_docx};

use crate::{COPY_MARK, HOSTILE, RUNNING_HEAD, hostile_text, long_readout, plain, squashed, visible_texts};

struct Package {
    parts: BTreeMap<String, String>,
    /// Parts that are not text: embedded fonts.
    binaries: BTreeMap<String, Vec<u8>>,
    times: Vec<zip::DateTime>,
}

impl Package {
    fn open(bytes: &[u8]) -> Self {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a valid zip archive");
        let mut parts = BTreeMap::new();
        let mut binaries = BTreeMap::new();
        let mut times = Vec::new();
        for index in 0..archive.len() {
            let mut entry = archive.by_index(index).expect("a readable entry");
            times.push(entry.last_modified().expect("a modification time"));
            let name = entry.name().to_owned();
            if name.ends_with(".odttf") {
                let mut bytes = Vec::new();
                entry.read_to_end(&mut bytes).expect("a readable part");
                binaries.insert(name, bytes);
            } else {
                let mut text = String::new();
                entry.read_to_string(&mut text).expect("a UTF-8 part");
                parts.insert(name, text);
            }
        }
        Self { parts, binaries, times }
    }

    fn part(&self, name: &str) -> &str {
        self.parts.get(name).unwrap_or_else(|| panic!("no part {name}"))
    }

    /// The text of every part whose name starts with `prefix` (`word/header` for all headers).
    fn text_of(&self, prefix: &str) -> String {
        self.parts.iter().filter(|(name, _)| name.starts_with(prefix)).map(|(_, xml)| shown_text(xml)).collect()
    }
}

/// The text of the runs: `<w:t>` contents with references resolved, and a space for each tab or
/// line break. Fails on XML that is not well-formed.
fn shown_text(xml: &str) -> String {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut text = String::new();
    let mut open: Vec<String> = Vec::new();
    loop {
        let in_text = open.last().is_some_and(|name| name == "w:t");
        let in_run = open.last().is_some_and(|name| name == "w:r");
        match reader.read_event().expect("well-formed XML") {
            Event::Start(start) => open.push(start.name().0.to_owned()),
            Event::End(_) => {
                open.pop();
            }
            Event::Empty(empty) if in_run && matches!(empty.name().0, "w:br" | "w:tab") => text.push(' '),
            Event::Text(content) if in_text => text.push_str(&content.xml_content(XmlVersion::Implicit1_0)),
            Event::GeneralRef(reference) if in_text => {
                let resolved = match reference.resolve_char_ref().expect("a valid character reference") {
                    Some(c) => c,
                    None => match &*reference.xml_content(XmlVersion::Implicit1_0) {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("undeclared entity &{other};"),
                    },
                };
                text.push(resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    text
}

fn core_element(core: &str, element: &str) -> Option<String> {
    let open = format!("<{element}>");
    let start = core.find(&open)? + open.len();
    let end = core[start..].find(&format!("</{element}>"))? + start;
    Some(core[start..end].to_owned())
}

#[test]
fn a_long_readout_is_a_valid_package_with_its_text_head_and_mark() {
    let document = long_readout();
    let package = Package::open(&render_docx(&document).expect("renders"));
    for required in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "docProps/core.xml"] {
        assert!(package.parts.contains_key(required), "missing {required}");
    }
    for (name, xml) in &package.parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            shown_text(xml); // fails unless well-formed
        }
    }

    let body = squashed(&package.text_of("word/document.xml"));
    for text in visible_texts(&document) {
        assert!(body.contains(&squashed(&text)), "missing from the DOCX: {text:?}");
    }
    for script in
        ["עברית: הפגישה הסתיימה ביום שישי.", "العربية: انتهى الاجتماع يوم الجمعة.", "हिन्दी: बैठक शुक्रवार को समाप्त हुई।"]
    {
        assert!(body.contains(&squashed(script)), "missing from the DOCX: {script:?}");
    }

    assert_eq!(package.text_of("word/header"), RUNNING_HEAD);
    let footer = package.text_of("word/footer");
    assert!(footer.starts_with(COPY_MARK), "the footer lacks the copy mark");
    let footer_xml: String =
        package.parts.iter().filter(|(name, _)| name.starts_with("word/footer")).map(|(_, xml)| xml.as_str()).collect();
    assert!(footer_xml.contains(">PAGE<") && footer_xml.contains(">NUMPAGES<"), "the footer lacks page N of M");

    let document_xml = package.part("word/document.xml");
    assert!(document_xml.contains(r#"w:w="11906""#) && document_xml.contains(r#"w:h="16838""#), "not A4");
    assert!(document_xml.contains(r#"<w:bidi"#), "right-to-left paragraphs are not marked");
}

#[test]
fn core_properties_carry_title_and_subject_and_no_person() {
    let document = long_readout();
    let package = Package::open(&render_docx(&document).expect("renders"));
    let core = package.part("docProps/core.xml");
    assert_eq!(core_element(core, "dc:title").as_deref(), Some(document.title.as_str()));
    assert_eq!(core_element(core, "dc:subject").as_deref(), Some(document.subject.as_str()));
    for forbidden in ["dc:creator", "cp:lastModifiedBy", "dcterms:created", "dcterms:modified", "unknown"] {
        assert!(!core.contains(forbidden), "core properties carry {forbidden}");
    }
    for xml in package.parts.values() {
        assert!(!xml.contains("w:author"), "a part names an author");
    }
}

#[test]
fn the_same_document_gives_the_same_bytes_with_no_clock_in_the_archive() {
    let document = long_readout();
    let first = render_docx(&document).expect("renders");
    // docx-rs numbers paragraphs from a per-thread counter: another document in between must not
    // change the next one.
    render_docx(&Document { blocks: vec![Block::Paragraph(plain("other"))], ..Document::default() }).expect("renders");
    let second = render_docx(&document).expect("renders");
    assert!(first == second, "two exports of one document differ");
    let from_another_thread = std::thread::spawn(move || render_docx(&document).expect("renders")).join().unwrap();
    assert!(first == from_another_thread, "an export on another thread differs");

    let package = Package::open(&first);
    assert!(package.times.iter().all(|time| *time == zip::DateTime::DEFAULT), "an entry carries a real time");
}

#[test]
fn text_that_looks_like_markup_or_xml_is_kept_as_text() {
    let hostile = hostile_text();
    let document = Document {
        title: hostile.clone(),
        running_head: HOSTILE[10].to_owned(),
        copy_mark: HOSTILE[0].to_owned(),
        subject: HOSTILE[10].to_owned(),
        blocks: vec![
            Block::Heading { level: 2, text: HOSTILE[9].to_owned() },
            Block::Paragraph(vec![
                Inline::Text(hostile.clone()),
                Inline::Strong(HOSTILE[10].to_owned()),
                Inline::Inserted(HOSTILE[2].to_owned()),
                Inline::Deleted(HOSTILE[3].to_owned()),
            ]),
            Block::Table { header: vec![HOSTILE[10].to_owned()], rows: vec![vec![HOSTILE[6].to_owned()]] },
            Block::Note { label: HOSTILE[10].to_owned(), text: HOSTILE[8].to_owned() },
        ],
        ..Document::default()
    };
    let package = Package::open(&render_docx(&document).expect("renders"));
    let body = package.text_of("word/document.xml");
    for text in visible_texts(&document) {
        assert!(body.contains(&text), "not kept literally: {text:?}");
    }
    assert_eq!(package.text_of("word/header"), HOSTILE[10]);
    assert!(package.text_of("word/footer").starts_with(HOSTILE[0]));
    let core = package.part("docProps/core.xml");
    shown_text(core);
    assert!(core.contains("&lt;/w:t&gt;&lt;/w:r&gt;"), "the subject is not escaped");
    // Exactly the elements written, no more: one table per table or note block.
    assert_eq!(package.part("word/document.xml").matches("<w:tbl>").count(), 2);
}

#[test]
fn control_characters_are_dropped_and_line_breaks_kept() {
    let document = Document {
        title: "Nul\u{0}bell\u{7}escape\u{1b}".to_owned(),
        subject: "vertical\u{b}tab".to_owned(),
        blocks: vec![
            Block::Paragraph(plain("first line\r\nsecond line\u{FFFE}")),
            Block::Table { header: vec![], rows: vec![vec![], vec!["a".to_owned(), "b".to_owned()]] },
            Block::Table { header: vec![], rows: vec![] },
            Block::Table { header: vec![], rows: vec![vec![], vec![]] },
            Block::Facts(vec![]),
            Block::Bullets(vec![vec![]]),
        ],
        ..Document::default()
    };
    let package = Package::open(&render_docx(&document).expect("renders"));
    for xml in package.parts.values() {
        shown_text(xml);
        assert!(
            !xml.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')),
            "a control character got through"
        );
    }
    // Only the one table with cells is written: Word refuses a table without rows.
    assert_eq!(package.part("word/document.xml").matches("<w:tbl>").count(), 1);
    let body = package.text_of("word/document.xml");
    assert!(body.contains("Nulbellescape"));
    assert!(body.contains("first line second line"));
    assert_eq!(core_element(package.part("docProps/core.xml"), "dc:subject").as_deref(), Some("verticaltab"));
}

#[test]
fn letters_without_a_shipped_font_still_reach_the_word_processor() {
    // A DOCX leaves drawing to the reader's word processor: Chinese and emoji are not refused.
    let text = "中文：会议于星期五结束。 Emoji: 🤝🌊";
    let document = Document { blocks: vec![Block::Paragraph(plain(text))], ..Document::default() };
    let package = Package::open(&render_docx(&document).expect("renders"));
    assert!(package.text_of("word/document.xml").contains(text));
    assert!(package.binaries.is_empty(), "no shipped face is needed, none is embedded");
}

/// The key of an embedded font, as the font table gives it, and the part it names.
fn embedded_fonts(package: &Package) -> Vec<(String, String, String)> {
    let table = package.part("word/fontTable.xml");
    let rels = package.part("word/_rels/fontTable.xml.rels");
    let mut found = Vec::new();
    for font in table.split("<w:font ").skip(1) {
        let name = font.split('"').nth(1).unwrap_or_default().to_owned();
        for embed in font.split("<w:embed").skip(1) {
            let attribute =
                |key: &str| embed.split(&format!("{key}=\"")).nth(1).and_then(|rest| rest.split('"').next());
            let (Some(id), Some(key)) = (attribute("r:id"), attribute("w:fontKey")) else { continue };
            let target = rels
                .split("<Relationship ")
                .find(|r| r.contains(&format!("Id=\"{id}\"")))
                .and_then(|r| r.split("Target=\"").nth(1))
                .and_then(|rest| rest.split('"').next())
                .expect("every embedded font has its relationship");
            found.push((name.clone(), key.to_owned(), format!("word/{target}")));
        }
    }
    found
}

/// Undoes the format's obfuscation (ECMA-376 Part 1, 17.8.1), written here from the standard
/// rather than shared with the code under test.
fn deobfuscate(data: &[u8], key: &str) -> Vec<u8> {
    let hex: String = key.chars().filter(char::is_ascii_hexdigit).collect();
    let mut guid: Vec<u8> = (0..16).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap()).collect();
    guid.reverse();
    let mut out = data.to_vec();
    for i in 0..32 {
        out[i] ^= guid[i % 16];
    }
    out
}

#[test]
fn a_document_in_arabic_embeds_its_face_and_says_its_language() {
    let document = Document {
        title: "إحاطة الجولة الثالثة".to_owned(),
        blocks: vec![
            Block::Paragraph(plain("اتفق المشاركون على أن تجتمع اللجنة الفنية المشتركة قبل موسم الجفاف.")),
            Block::Paragraph(plain("A paragraph in English stays left to right.")),
        ],
        language: "ar".to_owned(),
        page_label: PageLabel {
            before: "الصفحة ".to_owned(),
            between: " من ".to_owned(),
            after: String::new(),
            digits: Digits::ArabicIndic,
        },
        ..Document::default()
    };
    let package = Package::open(&render_docx(&document).expect("renders"));
    let fonts = embedded_fonts(&package);
    assert_eq!(fonts.len(), 2, "the regular and bold Naskh faces: {fonts:?}");
    for (family, key, part) in &fonts {
        assert_eq!(family, "Noto Naskh Arabic");
        let data = deobfuscate(&package.binaries[part], key);
        let shipped = tracktwo_render::fonts::SHIPPED.iter().find(|f| f.data == data.as_slice());
        assert!(shipped.is_some_and(|f| f.family == "Noto Naskh Arabic"), "{part} is not a shipped Naskh face");
    }
    assert!(package.part("word/settings.xml").contains("<w:embedTrueTypeFonts/>"));
    assert!(package.part("[Content_Types].xml").contains(r#"Extension="odttf""#));
    assert!(package.part("word/styles.xml").contains(r#"<w:lang w:val="ar" w:bidi="ar"/>"#));
    let body = package.part("word/document.xml");
    assert!(body.contains(r#"w:cs="Noto Naskh Arabic""#), "Arabic runs do not ask for the Naskh face");
    // The Arabic paragraphs run right to left, the English one does not.
    assert_eq!(body.matches("<w:bidi").count(), 2, "{body}");
    // The page numbers are asked for in Arabic-Indic digits, and shown so until Word counts.
    let footer: String =
        package.parts.iter().filter(|(name, _)| name.starts_with("word/footer")).map(|(_, xml)| xml.as_str()).collect();
    assert!(footer.contains(r"PAGE \* HINDIARABIC") && footer.contains(r"NUMPAGES \* HINDIARABIC"), "{footer}");
    assert_eq!(package.text_of("word/footer").trim(), "الصفحة ١ من ١");
}

#[test]
fn heading_levels_outside_one_to_three_are_refused() {
    let document =
        Document { blocks: vec![Block::Heading { level: 9, text: "Secret".to_owned() }], ..Document::default() };
    assert_eq!(render_docx(&document), Err(RenderError::HeadingLevel { block: 0, level: 9 }));
}
