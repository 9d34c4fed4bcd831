//! Documents in the scripts the field's dialogues run in, read back as their readers' tools read
//! them: Poppler's `pdftotext` must give the words back in logical order, `pdffonts` must list an
//! embedded face for each script, and no glyph on any page may be the empty box (`.notdef`).

use std::path::{Path, PathBuf};
use std::process::Command;

use lopdf::{Document as Pdf, Object};
use tracktwo_render::{Block, Digits, Document, FontSet, Inline, PageLabel, render_pdf, render_pdf_with};
use unicode_normalization::UnicodeNormalization;

struct Sample {
    language: &'static str,
    title: &'static str,
    heading: &'static str,
    paragraphs: [&'static str; 2],
    page_label: [&'static str; 2],
    /// The digits the language writes its page numbers in.
    digits: Digits,
    /// What the face of the script is called in the PDF (after its subset prefix).
    face: &'static str,
}

const SAMPLES: &[Sample] = &[
    Sample {
        language: "ar",
        title: "إحاطة: الجولة الثالثة من حوار حوض النهر",
        heading: "المواقف التي طرحت",
        paragraphs: [
            "اتفق المشاركون على أن تجتمع اللجنة الفنية المشتركة قبل موسم الجفاف.",
            "لا يلزم أي شيء قيل في القاعة أي حكومة، والغرض هو اختبار أفكار لا يستطيع المسؤولون طرحها بعد.",
        ],
        page_label: ["الصفحة ", " من "],
        digits: Digits::ArabicIndic,
        face: "NotoNaskhArabic",
    },
    Sample {
        language: "ru",
        title: "Брифинг: третий раунд диалога о речном бассейне",
        heading: "Высказанные позиции",
        paragraphs: [
            "Участники договорились, что совместный технический комитет соберётся до засушливого сезона.",
            "Ничто сказанное в зале не связывает ни одно правительство; цель — проверить идеи, которые официальные лица пока не могут выдвинуть.",
        ],
        page_label: ["Страница ", " из "],
        digits: Digits::Latin,
        face: "LibertinusSerif",
    },
    Sample {
        language: "hi",
        title: "विवरण: नदी बेसिन संवाद का तीसरा दौर",
        heading: "रखे गए पक्ष",
        paragraphs: [
            "प्रतिभागियों ने सहमति व्यक्त की कि संयुक्त तकनीकी समिति शुष्क मौसम से पहले बैठक करेगी।",
            "कक्ष में कही गई कोई भी बात किसी सरकार को बाध्य नहीं करती; उद्देश्य उन विचारों को परखना है जिन्हें अधिकारी अभी नहीं उठा सकते।",
        ],
        page_label: ["पृष्ठ ", " / "],
        digits: Digits::Latin,
        face: "NotoSerifDevanagari",
    },
    Sample {
        language: "ur",
        title: "بریفنگ: دریائی طاس مکالمے کا تیسرا دور",
        heading: "پیش کیے گئے موقف",
        paragraphs: [
            "شرکاء نے اتفاق کیا کہ مشترکہ تکنیکی کمیٹی خشک موسم سے پہلے اجلاس کرے گی۔",
            "کمرے میں کہی گئی کوئی بات کسی حکومت کی پابند نہیں۔",
        ],
        page_label: ["صفحہ ", " از "],
        digits: Digits::Latin,
        // Urdu is set in Naskh in a PDF: text copied out of Nastaliq comes back garbled.
        face: "NotoNaskhArabic",
    },
    Sample {
        language: "he",
        title: "תדריך: הסבב השלישי של הדיאלוג על אגן הנהר",
        heading: "עמדות שהועלו",
        paragraphs: [
            "המשתתפים הסכימו שהוועדה הטכנית המשותפת תתכנס לפני העונה היבשה.",
            "שום דבר שנאמר בחדר אינו מחייב ממשלה כלשהי.",
        ],
        page_label: ["עמוד ", " מתוך "],
        digits: Digits::Latin,
        face: "LibertinusSerif",
    },
];

fn document(sample: &Sample) -> Document {
    Document {
        title: sample.title.to_owned(),
        running_head: sample.heading.to_owned(),
        blocks: vec![
            Block::Heading { level: 1, text: sample.heading.to_owned() },
            Block::Paragraph(vec![Inline::Text(sample.paragraphs[0].to_owned())]),
            Block::Note { label: String::new(), text: sample.paragraphs[1].to_owned() },
            Block::Paragraph(vec![Inline::Text("An English paragraph stays left to right.".to_owned())]),
        ],
        language: sample.language.to_owned(),
        page_label: PageLabel {
            before: sample.page_label[0].to_owned(),
            between: sample.page_label[1].to_owned(),
            after: String::new(),
            digits: sample.digits,
        },
        ..Document::default()
    }
}

fn poppler(tool: &str, pdf: &Path, extra: &[&str]) -> String {
    let output = Command::new(tool)
        .args(extra)
        .arg(pdf)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} is installed by scripts/test (poppler-utils): {e}"));
    assert!(output.status.success(), "{tool}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Text compared as a reader's search would: compatibility-normalised (an Arabic presentation
/// form is its letter), without whitespace.
fn comparable(text: &str) -> String {
    // pdftotext wraps right-to-left runs in embedding marks (U+202A to U+202E): layout, not text.
    text.nfkc().filter(|c| !c.is_whitespace() && !matches!(c, '\u{202A}'..='\u{202E}')).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Every glyph shown on every page through a CID-keyed font, as glyph ids. typst embeds each
/// face as a CID font whose CIDs are its glyph ids, so glyph 0 is the face's `.notdef`: the
/// empty box.
fn shown_glyphs(pdf: &Pdf) -> Vec<(String, u16)> {
    let mut glyphs = Vec::new();
    for page in pdf.get_pages().values() {
        let fonts = pdf.get_page_fonts(*page).expect("page fonts");
        let content = pdf.get_and_decode_page_content(*page).expect("page content");
        let mut current: Option<(String, bool)> = None;
        for operation in &content.operations {
            match operation.operator.as_str() {
                "Tf" => {
                    let name = operation.operands[0].as_name().expect("a font name").to_vec();
                    let font = fonts.get(&name).expect("a font of the page");
                    let base = font
                        .get(b"BaseFont")
                        .and_then(Object::as_name)
                        .map(|n| String::from_utf8_lossy(n).into_owned());
                    let cid_keyed = font.get(b"Subtype").and_then(Object::as_name).is_ok_and(|s| s == b"Type0");
                    current = Some((base.unwrap_or_default(), cid_keyed));
                }
                "Tj" | "TJ" | "'" | "\"" => {
                    let Some((font, true)) = &current else { continue };
                    let mut strings = Vec::new();
                    for operand in &operation.operands {
                        match operand {
                            Object::String(bytes, _) => strings.push(bytes.clone()),
                            Object::Array(items) => strings.extend(items.iter().filter_map(|item| match item {
                                Object::String(bytes, _) => Some(bytes.clone()),
                                _ => None,
                            })),
                            _ => {}
                        }
                    }
                    for bytes in strings {
                        glyphs
                            .extend(bytes.chunks(2).map(|pair| (font.clone(), u16::from_be_bytes([pair[0], pair[1]]))));
                    }
                }
                _ => {}
            }
        }
    }
    glyphs
}

#[test]
fn each_script_comes_back_in_logical_order_from_an_embedded_face_without_empty_boxes() {
    let dir = tempfile::tempdir().unwrap();
    for sample in SAMPLES {
        let bytes = render_pdf(&document(sample)).unwrap_or_else(|e| panic!("{}: {e}", sample.language));
        let pdf_path = write(dir.path(), &format!("{}.pdf", sample.language), &bytes);

        let text = comparable(&poppler("pdftotext", &pdf_path, &[]));
        for words in [sample.title, sample.heading, sample.paragraphs[0], sample.paragraphs[1]] {
            assert!(text.contains(&comparable(words)), "{}: not read back in order: {words}\n{text}", sample.language);
        }
        let one = if sample.digits == Digits::ArabicIndic { "\u{661}" } else { "1" };
        let footer = comparable(&format!("{}{one}{}{one}", sample.page_label[0], sample.page_label[1]));
        assert!(text.contains(&footer), "{}: the page numbers' words: {text}", sample.language);

        let fonts = poppler("pdffonts", &pdf_path, &[]);
        let face = fonts
            .lines()
            .find(|line| line.split_whitespace().next().is_some_and(|name| name.contains(sample.face)))
            .unwrap_or_else(|| panic!("{}: no {} face in\n{fonts}", sample.language, sample.face));
        // The columns: name, type, encoding, emb, sub, uni, object, ID.
        let columns: Vec<&str> = face.split_whitespace().collect();
        assert_eq!(columns[columns.len() - 5], "yes", "{}: the face is not embedded: {face}", sample.language);

        let glyphs = shown_glyphs(&Pdf::load_mem(&bytes).expect("a PDF"));
        assert!(glyphs.len() > 100, "{}: {} glyphs found", sample.language, glyphs.len());
        let empty: Vec<_> = glyphs.iter().filter(|(_, glyph)| *glyph == 0).collect();
        assert!(empty.is_empty(), "{}: empty boxes drawn: {empty:?}", sample.language);
        assert!(
            glyphs.iter().any(|(font, _)| font.contains(sample.face)),
            "{}: no glyph set in {}",
            sample.language,
            sample.face
        );
    }
}

#[test]
fn a_right_to_left_document_runs_right_to_left_and_its_english_paragraph_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = render_pdf(&document(&SAMPLES[0])).expect("renders");
    let path = write(dir.path(), "ar.pdf", &bytes);
    let bbox = poppler("pdftotext", &path, &["-bbox-layout"]);
    // Where a word sits on the page. In this listing Poppler spells a right-to-left word in the
    // order its glyphs stand, so the Arabic word is looked up reversed.
    let x_of = |word: &str| -> (f64, f64) {
        let line = bbox
            .lines()
            .find(|l| l.contains(&format!(">{word}<")))
            .unwrap_or_else(|| panic!("no word {word} in\n{bbox}"));
        let attribute = |name: &str| -> f64 {
            line.split(&format!("{name}=\"")).nth(1).and_then(|r| r.split('"').next()).unwrap().parse().unwrap()
        };
        (attribute("xMin"), attribute("xMax"))
    };
    // A4 is 595.3 points wide; the text block runs from 68 to 527.
    let (english_start, _) = x_of("An");
    assert!(english_start < 70.0, "the English paragraph does not start at the left margin: {english_start}");
    let first_arabic: String = SAMPLES[0].paragraphs[0].split_whitespace().next().unwrap().chars().rev().collect();
    let (_, arabic_end) = x_of(&first_arabic);
    assert!(arabic_end > 525.0, "the Arabic paragraph does not start at the right margin: {arabic_end}");
    let title_first: String = SAMPLES[0].title.split_whitespace().next().unwrap().chars().rev().collect();
    let (_, title_end) = x_of(&title_first);
    assert!(title_end > 525.0, "the title does not start at the right margin: {title_end}");
}

/// The system's fonts for Chinese, Japanese and Korean: scripts/test installs Debian's
/// fonts-noto-cjk, and this test fails without them rather than pass untried.
fn system_cjk_fonts() -> Vec<Vec<u8>> {
    fn walk(folder: &Path, found: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(folder) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, found);
            } else if path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.contains("CJK") && n.contains("Regular"))
            {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(Path::new("/usr/share/fonts"), &mut found);
    found.sort();
    assert!(!found.is_empty(), "no CJK font under /usr/share/fonts: scripts/test installs fonts-noto-cjk");
    found.into_iter().take(1).map(|path| std::fs::read(path).unwrap()).collect()
}

#[test]
fn chinese_japanese_and_korean_are_set_in_a_system_font_when_there_is_one() {
    let text = "会议于星期五结束。会議は金曜日に終わった。회의는 금요일에 끝났다.";
    let document =
        Document { blocks: vec![Block::Paragraph(vec![Inline::Text(text.to_owned())])], ..Document::default() };
    assert!(render_pdf(&document).is_err(), "the shipped fonts alone have no CJK face");
    let fonts = FontSet::with_fonts(system_cjk_fonts());
    assert!(fonts.missing(&document).is_empty(), "{:?}", fonts.missing(&document));
    let bytes = render_pdf_with(&document, &fonts).expect("renders");
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "cjk.pdf", &bytes);
    assert!(comparable(&poppler("pdftotext", &path, &[])).contains(&comparable(text)));
    assert!(poppler("pdffonts", &path, &[]).contains("CJK"));
    let glyphs = shown_glyphs(&Pdf::load_mem(&bytes).expect("a PDF"));
    assert!(!glyphs.is_empty() && glyphs.iter().all(|(_, glyph)| *glyph != 0));
}
