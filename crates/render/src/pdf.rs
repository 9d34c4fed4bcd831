//! PDF export through typst, in-process.
//!
//! The template (`template.typ`) is fixed at compile time. The document travels to it as JSON
//! in a virtual file, so user text is only ever a typst string value and cannot be read as
//! markup or code.

use std::sync::LazyLock;

use serde::Serialize;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::fonts::primary_language;
use crate::text::{clean, is_right_to_left};
use crate::{Block, Digits, Document, FontSet, Inline, RenderError, table_width};

const TEMPLATE: &str = include_str!("template.typ");
const TEMPLATE_PATH: &str = "/main.typ";
/// The template reads the document from here (`json("/data.json")`).
const DATA_PATH: &str = "/data.json";

/// How many compilations a memoised typst result may go unused before it is dropped. typst
/// memoises globally and never forgets on its own; a server exporting many documents would
/// otherwise grow without bound. Ten keeps the fonts' and the template's work warm.
const CACHE_MAX_AGE: usize = 10;

pub(crate) fn render(document: &Document, fonts: &FontSet) -> Result<Vec<u8>, RenderError> {
    let data = serde_json::to_vec(&Data::from(document)).expect("strings, numbers and flags always serialise");
    let world = ExportWorld::new(data, fonts);
    let compiled = typst::compile::<PagedDocument>(&world).output;
    let result = match compiled {
        Ok(paged) => {
            typst_pdf::pdf(&paged, &pdf_options()).map_err(|errors| RenderError::PdfExport { errors: errors.len() })
        }
        Err(errors) => Err(RenderError::Typesetting { errors: errors.len() }),
    };
    typst::comemo::evict(CACHE_MAX_AGE);
    result
}

fn pdf_options() -> PdfOptions {
    PdfOptions {
        // No `/Creator`: nothing about the producing software needs to travel with a readout.
        creator: Smart::Custom(None),
        // No timestamp: the template also sets `date: none`, so no creation date is written
        // and the bytes depend on the document alone.
        timestamp: None,
        ..PdfOptions::default()
    }
}

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

fn project_file(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a fixed, valid virtual path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// A typst world with exactly two files — the template and the document's data — and no
/// clock. Every other path, every package and every font outside the given set is refused.
struct ExportWorld<'a> {
    main: Source,
    data_id: FileId,
    data: Bytes,
    fonts: &'a FontSet,
}

impl<'a> ExportWorld<'a> {
    fn new(data: Vec<u8>, fonts: &'a FontSet) -> Self {
        Self {
            main: Source::new(project_file(TEMPLATE_PATH), TEMPLATE.to_owned()),
            data_id: project_file(DATA_PATH),
            data: Bytes::new(data),
            fonts,
        }
    }
}

impl World for ExportWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() { Ok(self.main.clone()) } else { Err(FileError::AccessDenied) }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id { Ok(self.data.clone()) } else { Err(FileError::AccessDenied) }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    /// No clock: `datetime.today()` fails, so nothing time-dependent can enter the output.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

// The JSON the template reads. Field names here and in `template.typ` must agree.

#[derive(Serialize)]
struct Data {
    title: String,
    running_head: String,
    copy_mark: String,
    subject: String,
    /// The primary language subtag typst sets ("en", "ar"), and whether it runs right to left.
    lang: String,
    rtl: bool,
    page_label: [String; 3],
    /// The typst numbering pattern the page numbers are written with: its counting symbol
    /// chooses the digits ("1", or "١" for Arabic-Indic ones).
    page_numbering: &'static str,
    blocks: Vec<DataBlock>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum DataBlock {
    Heading { level: u8, text: String, rtl: bool },
    Paragraph { inlines: Vec<DataInline>, rtl: bool },
    Bullets { items: Vec<DataItem> },
    Facts { pairs: Vec<[String; 2]> },
    Table { columns: usize, header: Vec<String>, rows: Vec<Vec<String>> },
    Note { label: String, text: String, rtl: bool },
    Drawing { svg: String, alt: String },
}

#[derive(Serialize)]
struct DataItem {
    inlines: Vec<DataInline>,
    rtl: bool,
}

#[derive(Serialize)]
struct DataInline {
    style: &'static str,
    text: String,
}

impl From<&Document> for Data {
    fn from(document: &Document) -> Self {
        Self {
            title: owned(&document.title),
            running_head: owned(&document.running_head),
            copy_mark: owned(&document.copy_mark),
            subject: owned(&document.subject),
            lang: typst_language(&document.language),
            rtl: document.is_right_to_left(),
            page_label: [
                owned(&document.page_label.before),
                owned(&document.page_label.between),
                owned(&document.page_label.after),
            ],
            page_numbering: match document.page_label.digits {
                Digits::Latin => "1",
                Digits::ArabicIndic => "\u{661}",
            },
            blocks: document.blocks.iter().map(DataBlock::from).collect(),
        }
    }
}

impl From<&Block> for DataBlock {
    fn from(block: &Block) -> Self {
        match block {
            Block::Heading { level, text } => {
                DataBlock::Heading { level: *level, text: owned(text), rtl: is_right_to_left([text.as_str()]) }
            }
            Block::Paragraph(inlines) => {
                DataBlock::Paragraph { inlines: data_inlines(inlines), rtl: inlines_rtl(inlines) }
            }
            Block::Bullets(items) => DataBlock::Bullets {
                items: items
                    .iter()
                    .map(|item| DataItem { inlines: data_inlines(item), rtl: inlines_rtl(item) })
                    .collect(),
            },
            Block::Facts(pairs) => {
                DataBlock::Facts { pairs: pairs.iter().map(|(term, value)| [owned(term), owned(value)]).collect() }
            }
            Block::Table { header, rows } => {
                let columns = table_width(header, rows);
                let pad = |cells: &[String]| {
                    let mut padded: Vec<String> = cells.iter().map(|cell| owned(cell)).collect();
                    padded.resize(columns, String::new());
                    padded
                };
                DataBlock::Table {
                    columns,
                    header: if header.is_empty() { Vec::new() } else { pad(header) },
                    rows: rows.iter().map(|row| pad(row)).collect(),
                }
            }
            Block::Note { label, text } => {
                DataBlock::Note { label: owned(label), text: owned(text), rtl: is_right_to_left([text.as_str()]) }
            }
            // The SVG goes to the template as data, read as an image: never as markup.
            Block::Drawing { svg, alt } => DataBlock::Drawing { svg: svg.clone(), alt: owned(alt) },
        }
    }
}

/// typst takes an ISO 639 code of two or three letters; anything else is set as English.
fn typst_language(language: &str) -> String {
    let primary = primary_language(language);
    if (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase()) {
        primary
    } else {
        "en".to_owned()
    }
}

fn owned(text: &str) -> String {
    clean(text).into_owned()
}

fn data_inlines(inlines: &[Inline]) -> Vec<DataInline> {
    inlines
        .iter()
        .map(|inline| {
            let (style, text) = match inline {
                Inline::Text(text) => ("text", text),
                Inline::Strong(text) => ("strong", text),
                Inline::Emphasis(text) => ("emphasis", text),
                Inline::Inserted(text) => ("inserted", text),
                Inline::Deleted(text) => ("deleted", text),
            };
            DataInline { style, text: owned(text) }
        })
        .collect()
}

fn inlines_rtl(inlines: &[Inline]) -> bool {
    is_right_to_left(inlines.iter().map(Inline::text))
}

#[cfg(test)]
mod tests {
    use typst::syntax::package::PackageSpec;

    use super::*;

    #[test]
    fn the_world_serves_the_template_as_code_and_the_data_as_bytes_and_nothing_else() {
        let world = ExportWorld::new(b"{}".to_vec(), FontSet::shipped());
        assert_eq!(world.source(world.main()).map(|source| source.text().to_owned()), Ok(TEMPLATE.to_owned()));
        assert_eq!(world.file(project_file(DATA_PATH)).as_deref(), Ok(&b"{}"[..]));
        // The data can be read, never evaluated.
        assert_eq!(world.source(project_file(DATA_PATH)).err(), Some(FileError::AccessDenied));

        // typst itself refuses paths that climb out of the project.
        assert!(VirtualPath::new("/../etc/passwd").is_err());
        for path in ["/etc/passwd", "/main.typ", "/other.typ", "/data.json/x"] {
            assert_eq!(world.file(project_file(path)), Err(FileError::AccessDenied), "{path}");
            if path != TEMPLATE_PATH {
                assert_eq!(world.source(project_file(path)).err(), Some(FileError::AccessDenied), "{path}");
            }
        }
        let package: PackageSpec = "@preview/cetz:0.3.0".parse().expect("a package spec");
        let in_package =
            RootedPath::new(VirtualRoot::Package(package), VirtualPath::new("/lib.typ").expect("a path")).intern();
        assert_eq!(world.source(in_package).err(), Some(FileError::AccessDenied));
        assert_eq!(world.file(in_package), Err(FileError::AccessDenied));
        assert_eq!(world.today(None), None);
    }

    #[test]
    fn only_shipped_fonts_are_known() {
        let fonts = FontSet::shipped();
        let families: std::collections::BTreeSet<&str> = fonts.families().collect();
        for family in ["Libertinus Serif", "DejaVu Sans Mono", "Noto Naskh Arabic", "Noto Serif Devanagari"] {
            assert!(families.contains(family), "{families:?}");
        }
        let shipped = typst_assets::fonts().chain(crate::fonts::SHIPPED.iter().map(|font| font.data));
        assert_eq!(fonts.fonts.len(), shipped.flat_map(|data| Font::iter(Bytes::new(data))).count());
    }

    #[test]
    fn a_language_tag_reaches_typst_as_its_primary_subtag() {
        assert_eq!(typst_language("ar-EG"), "ar");
        assert_eq!(typst_language("hi"), "hi");
        assert_eq!(typst_language(""), "en");
        assert_eq!(typst_language("x!"), "en");
        assert_eq!(typst_language("en-XA"), "en");
    }
}
