//! DOCX export through docx-rs.
//!
//! docx-rs builds the WordprocessingML parts. Two things are then done by hand, because
//! docx-rs would leak or vary them: the core properties (docx-rs writes `creator` and
//! `lastModifiedBy` as "unknown" and has no setter for the title or subject) are replaced with
//! our own, and the package is re-zipped with a fixed timestamp on every entry (the zip crate
//! stamps entries with the current time whenever its `time` feature is on anywhere in the
//! build). When the document uses a script set in a shipped Noto face (Arabic, Urdu, Hebrew,
//! Devanagari), that face is embedded in the package as the format provides (`fonts.rs` of this
//! module: obfuscated `.odttf` parts named in the font table), so the reader's word processor
//! draws the letters even where the face is not installed.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, BreakType, Docx, FieldCharType, Footer, Header, IndentLevel,
    InstrNUMPAGES, InstrPAGE, InstrText, Level, LevelJc, LevelText, LineSpacing, LineSpacingType, NumberFormat,
    Numbering, NumberingId, PageMargin, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run,
    RunFonts, Shading, ShdType, SpecialIndentType, Start, Style, StyleType, Tab, TabValueType, Table, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellBorder, TableCellBorderPosition, TableCellBorders,
    TableCellMargins, TableLayoutType, TableRow, WidthType,
};
use zip::write::SimpleFileOptions;

use crate::text::{clean, is_right_to_left};
use crate::{Block, Digits, Document, Inline, RenderError, table_width};

mod embedding;

use embedding::ScriptFaces;

// Geometry in twentieths of a point, matching the PDF: A4, 24 mm side margins.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
const SIDE_MARGIN: i32 = 1_361;
const TEXT_WIDTH: usize = PAGE_WIDTH as usize - 2 * SIDE_MARGIN as usize;

// Word and LibreOffice both ship or substitute the body font. Complex scripts (Arabic, Hebrew,
// Devanagari) take the shipped Noto face of their script, run by run; the East Asian slot is left
// to the reader's default.
const BODY_FONT: &str = "Cambria";
const COMPLEX_SCRIPT_FONT: &str = "Times New Roman";

const INK: &str = "1C2430";
const MUTED: &str = "5B6675";
const ACCENT: &str = "123C5E";
const HAIRLINE: &str = "C9D1DB";
const WASH: &str = "F2F5F8";

/// docx-rs always writes a decimal list as numbering 1; ours is the next one.
const BULLETS: usize = 2;
const FOOTER_SIZE: usize = 17;

pub(crate) fn render(document: &Document) -> Result<Vec<u8>, RenderError> {
    let faces = ScriptFaces::of(document);
    let complex_font = faces.default_complex().unwrap_or(COMPLEX_SCRIPT_FONT);
    let mut writer = Writer { paragraphs: 0, faces, page_label: document.page_label.clone() };
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new().top(1_531).bottom(1_417).left(SIDE_MARGIN).right(SIDE_MARGIN).header(720).footer(720),
        )
        .default_fonts(RunFonts::new().ascii(BODY_FONT).hi_ansi(BODY_FONT).cs(complex_font))
        .default_size(21)
        .default_line_spacing(spacing(0, 160, 264))
        .add_abstract_numbering(bullet_numbering())
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .header(Header::new().add_paragraph(writer.running_head(&document.running_head)))
        .footer(Footer::new().add_paragraph(writer.footer(&document.copy_mark)));
    for style in styles() {
        docx = docx.add_style(style);
    }
    if !document.title.is_empty() {
        let title = writer.paragraph().style("Title").add_run(writer.text_run(&document.title));
        docx = docx.add_paragraph(directed(title, is_right_to_left([document.title.as_str()])));
    }
    for block in &document.blocks {
        docx = writer.block(docx, block);
    }

    let mut parts = docx.build();
    parts.doc_props.core = core_properties(document).into_bytes();
    let embedded = embedding::embed(&writer.faces, &mut parts, &document.language)?;
    let mut packed = Cursor::new(Vec::new());
    parts.pack(&mut packed).map_err(|_| RenderError::DocxPackage)?;
    repack(&packed.into_inner(), &embedded).map_err(|_| RenderError::DocxPackage)
}

/// Builds paragraphs with identifiers of its own. docx-rs numbers paragraphs from a
/// thread-local counter that other documents on the same thread move on; numbering here keeps
/// the output a function of the document alone.
struct Writer {
    paragraphs: u32,
    faces: ScriptFaces,
    page_label: crate::PageLabel,
}

impl Writer {
    fn text_run(&self, text: &str) -> Run {
        text_run(text, &self.faces)
    }

    fn paragraph(&mut self) -> Paragraph {
        self.paragraphs += 1;
        Paragraph::new().id(format!("{:08X}", self.paragraphs))
    }

    fn running_head(&mut self, running_head: &str) -> Paragraph {
        let mut paragraph =
            self.paragraph().align(AlignmentType::Center).add_run(self.text_run(running_head).size(16).color(MUTED));
        paragraph.property = paragraph.property.set_borders(
            ParagraphBorders::with_empty().set(border(ParagraphBorderPosition::Bottom, 4, HAIRLINE).space(4)),
        );
        paragraph
    }

    fn footer(&mut self, copy_mark: &str) -> Paragraph {
        let paragraph = self
            .paragraph()
            .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH))
            .add_run(self.text_run(copy_mark).bold().size(FOOTER_SIZE).color(INK))
            .add_run(Run::new().add_tab().size(FOOTER_SIZE).color(MUTED))
            .add_run(self.text_run(&self.page_label.before).size(FOOTER_SIZE).color(MUTED));
        let digits = self.page_label.digits;
        let paragraph = add_field(paragraph, PageField::Page, digits)
            .add_run(self.text_run(&self.page_label.between).size(FOOTER_SIZE).color(MUTED));
        let paragraph = add_field(paragraph, PageField::Pages, digits);
        let mut paragraph = if self.page_label.after.is_empty() {
            paragraph
        } else {
            paragraph.add_run(self.text_run(&self.page_label.after).size(FOOTER_SIZE).color(MUTED))
        };
        paragraph.property = paragraph.property.set_borders(
            ParagraphBorders::with_empty().set(border(ParagraphBorderPosition::Top, 4, HAIRLINE).space(4)),
        );
        paragraph
    }

    fn block(&mut self, docx: Docx, block: &Block) -> Docx {
        match block {
            Block::Heading { level, text } => {
                let paragraph = self.paragraph().style(&format!("Heading{level}")).add_run(self.text_run(text));
                docx.add_paragraph(directed(paragraph, is_right_to_left([text.as_str()])))
            }
            Block::Paragraph(inlines) => {
                let paragraph = add_inlines(self.paragraph().align(AlignmentType::Both), inlines, &self.faces);
                docx.add_paragraph(directed(paragraph, inlines_rtl(inlines)))
            }
            Block::Bullets(items) => items.iter().enumerate().fold(docx, |docx, (index, item)| {
                // Items sit close together; the last one keeps a paragraph's gap below the list.
                let after = if index + 1 == items.len() { 160 } else { 80 };
                let paragraph = add_inlines(
                    self.paragraph()
                        .numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
                        .line_spacing(spacing(0, after, 264)),
                    item,
                    &self.faces,
                );
                docx.add_paragraph(directed(paragraph, inlines_rtl(item)))
            }),
            // A table without rows is not valid WordprocessingML; an empty block leaves no trace.
            Block::Facts(pairs) if pairs.is_empty() => docx,
            Block::Facts(pairs) => docx.add_table(self.facts(pairs)).add_paragraph(self.spacer()),
            Block::Table { header, rows } => match self.table(header, rows) {
                Some(table) => docx.add_table(table).add_paragraph(self.spacer()),
                None => docx,
            },
            Block::Note { label, text } => docx.add_table(self.note(label, text)).add_paragraph(self.spacer()),
            // Word gets the drawing's text alternative; the PDF carries the drawing itself.
            Block::Drawing { alt, .. } => {
                let paragraph =
                    add_inlines(self.paragraph(), &[Inline::Emphasis(format!("[Drawing: {alt}]"))], &self.faces);
                docx.add_paragraph(paragraph)
            }
        }
    }

    /// Word runs consecutive tables together; an empty paragraph after one keeps it apart.
    fn spacer(&mut self) -> Paragraph {
        self.paragraph().line_spacing(LineSpacing::new().after(0).line(120).line_rule(LineSpacingType::Exact))
    }

    fn cell_paragraph(&mut self) -> Paragraph {
        self.paragraph().line_spacing(spacing(0, 0, 252))
    }

    fn facts(&mut self, pairs: &[(String, String)]) -> Table {
        let term_width = TEXT_WIDTH * 3 / 10;
        let rows = pairs
            .iter()
            .map(|(term, value)| {
                TableRow::new(vec![
                    TableCell::new().width(term_width, WidthType::Dxa).add_paragraph(directed(
                        self.cell_paragraph().add_run(self.text_run(term).bold()),
                        is_right_to_left([term.as_str()]),
                    )),
                    TableCell::new().width(TEXT_WIDTH - term_width, WidthType::Dxa).add_paragraph(directed(
                        self.cell_paragraph().add_run(self.text_run(value)),
                        is_right_to_left([value.as_str()]),
                    )),
                ])
                .cant_split()
            })
            .collect();
        Table::without_borders(rows)
            .set_grid(vec![term_width, TEXT_WIDTH - term_width])
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(60, 120, 60, 0))
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>]) -> Option<Table> {
        let columns = table_width(header, rows);
        if columns == 0 {
            return None;
        }
        let widths = column_widths(header, rows, columns);
        let mut row_of = |cells: &[String], is_header: bool| {
            let cells = (0..columns)
                .map(|index| {
                    let text = cells.get(index).map_or("", String::as_str);
                    let run = if is_header { self.text_run(text).bold() } else { self.text_run(text) };
                    let cell = TableCell::new()
                        .width(widths[index], WidthType::Dxa)
                        .add_paragraph(directed(self.cell_paragraph().add_run(run.size(19)), is_right_to_left([text])));
                    if is_header { cell.shading(Shading::new().shd_type(ShdType::Clear).fill(WASH)) } else { cell }
                })
                .collect();
            TableRow::new(cells).cant_split()
        };
        let mut table_rows = Vec::with_capacity(rows.len() + 1);
        if !header.is_empty() {
            table_rows.push(row_of(header, true));
        }
        table_rows.extend(rows.iter().map(|row| row_of(row, false)));
        let borders = TableBorders::with_empty()
            .set(table_border(TableBorderPosition::Top, 8, ACCENT))
            .set(table_border(TableBorderPosition::Bottom, 8, ACCENT))
            .set(table_border(TableBorderPosition::InsideH, 4, HAIRLINE));
        Some(
            Table::new(table_rows)
                .width(widths.iter().sum(), WidthType::Dxa)
                .set_grid(widths)
                .layout(TableLayoutType::Fixed)
                .set_borders(borders)
                .margins(TableCellMargins::new().margin(80, 110, 80, 110)),
        )
    }

    fn note(&mut self, label: &str, text: &str) -> Table {
        let mut cell = TableCell::new()
            .width(TEXT_WIDTH, WidthType::Dxa)
            .shading(Shading::new().shd_type(ShdType::Clear).fill(WASH))
            .set_borders(
                TableCellBorders::with_empty().set(
                    TableCellBorder::new(TableCellBorderPosition::Left)
                        .size(18)
                        .color(ACCENT)
                        .border_type(BorderType::Single),
                ),
            );
        if !label.is_empty() {
            cell = cell.add_paragraph(
                self.cell_paragraph()
                    .line_spacing(spacing(0, 80, 252))
                    .add_run(self.text_run(label).bold().size(FOOTER_SIZE).color(ACCENT)),
            );
        }
        cell =
            cell.add_paragraph(directed(self.cell_paragraph().add_run(self.text_run(text)), is_right_to_left([text])));
        Table::without_borders(vec![TableRow::new(vec![cell])])
            .set_grid(vec![TEXT_WIDTH])
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(140, 200, 140, 240))
    }
}

fn styles() -> Vec<Style> {
    let heading = |id: &str, name: &str, size: usize, outline: usize, before: u32, after: u32| {
        let mut style = Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .size(size)
            .bold()
            .color(ACCENT)
            .outline_lvl(outline)
            .line_spacing(spacing(before, after, 252));
        style.paragraph_property = style.paragraph_property.keep_next(true).keep_lines(true);
        style
    };
    let mut title = Style::new("Title", StyleType::Paragraph)
        .name("Title")
        .based_on("Normal")
        .next("Normal")
        .size(42)
        .color(ACCENT)
        .line_spacing(spacing(0, 240, 250));
    title.paragraph_property = title
        .paragraph_property
        .set_borders(ParagraphBorders::with_empty().set(border(ParagraphBorderPosition::Bottom, 8, ACCENT).space(6)));
    vec![
        title,
        heading("Heading1", "heading 1", 28, 0, 360, 160),
        heading("Heading2", "heading 2", 24, 1, 300, 120),
        heading("Heading3", "heading 3", 21, 2, 240, 100).italic(),
    ]
}

fn bullet_numbering() -> AbstractNumbering {
    AbstractNumbering::new(BULLETS).add_level(
        Level::new(0, Start::new(1), NumberFormat::new("bullet"), LevelText::new("•"), LevelJc::new("left"))
            .indent(Some(420), Some(SpecialIndentType::Hanging(260)), None, None)
            .color(ACCENT),
    )
}

/// Paragraph spacing in twentieths of a point; `line` is in 240ths of a line. The rule is
/// always written: without one, LibreOffice reads `line` as an exact height and overlaps lines.
fn spacing(before: u32, after: u32, line: i32) -> LineSpacing {
    LineSpacing::new().before(before).after(after).line(line).line_rule(LineSpacingType::Auto)
}

/// The two numbers of "Page N of M".
#[derive(Clone, Copy)]
enum PageField {
    /// This page's number (PAGE).
    Page,
    /// The number of pages (NUMPAGES).
    Pages,
}

/// A page-number field in the footer's type, one run per part as Word writes it: LibreOffice
/// styles a field's result after the run it starts in only when they are apart. The cached
/// result is a placeholder; page fields are recomputed whenever the pages are laid out.
///
/// Arabic-Indic digits are asked for with the field's general formatting switch `\* HINDIARABIC`
/// (ECMA-376's "Hindi numbers", Word's name for ٠١٢٣…), which Word applies whatever its own
/// numeral setting; left bare, a field shows the digits the word processor's options choose
/// (Latin by default, or by context), and the document's language alone cannot require them. A
/// word processor that does not know the switch shows Latin digits — LibreOffice does, reading
/// only the Latin, Roman, letter, Thai and Arabic-letter switches — and the format has no
/// stronger way to ask.
fn add_field(paragraph: Paragraph, field: PageField, digits: Digits) -> Paragraph {
    let run = || Run::new().size(FOOTER_SIZE).color(MUTED);
    let (instruction, placeholder) = match (field, digits) {
        (PageField::Page, Digits::Latin) => (InstrText::PAGE(InstrPAGE::new()), "1"),
        (PageField::Pages, Digits::Latin) => (InstrText::NUMPAGES(InstrNUMPAGES::new()), "1"),
        // docx-rs has no switches on its page fields: the instruction is written as it stands.
        (PageField::Page, Digits::ArabicIndic) => {
            (InstrText::Unsupported("PAGE \\* HINDIARABIC".to_owned()), "\u{661}")
        }
        (PageField::Pages, Digits::ArabicIndic) => {
            (InstrText::Unsupported("NUMPAGES \\* HINDIARABIC".to_owned()), "\u{661}")
        }
    };
    paragraph
        .add_run(run().add_field_char(FieldCharType::Begin, false))
        .add_run(run().add_instr_text(instruction))
        .add_run(run().add_field_char(FieldCharType::Separate, false))
        .add_run(run().add_text(placeholder))
        .add_run(run().add_field_char(FieldCharType::End, false))
}

/// Column widths in proportion to each column's longest cell, within limits, so that a column of
/// numbers stays narrow and a column of remarks gets the room.
fn column_widths(header: &[String], rows: &[Vec<String>], columns: usize) -> Vec<usize> {
    let weights: Vec<usize> = (0..columns)
        .map(|index| {
            std::iter::once(header)
                .chain(rows.iter().map(Vec::as_slice))
                .filter_map(|cells| cells.get(index))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
                .clamp(6, 40)
        })
        .collect();
    let total: usize = weights.iter().sum();
    weights.iter().map(|weight| TEXT_WIDTH * weight / total).collect()
}

fn border(position: ParagraphBorderPosition, size: usize, color: &str) -> ParagraphBorder {
    ParagraphBorder::new(position).val(BorderType::Single).size(size).color(color)
}

fn table_border(position: TableBorderPosition, size: usize, color: &str) -> TableBorder {
    TableBorder::new(position).size(size).color(color).border_type(BorderType::Single)
}

/// A paragraph whose first strong character is right-to-left runs right to left.
fn directed(mut paragraph: Paragraph, right_to_left: bool) -> Paragraph {
    if right_to_left {
        paragraph.property = paragraph.property.bidi(true);
    }
    paragraph
}

/// One run of cleaned text; line breaks inside it become Word line breaks. A run in a complex
/// script asks for that script's shipped face.
fn text_run(text: &str, faces: &ScriptFaces) -> Run {
    let cleaned = clean(text);
    let mut run = Run::new();
    if let Some(face) = faces.for_text(&cleaned) {
        run = run.fonts(RunFonts::new().cs(face));
    }
    for (index, line) in cleaned.split('\n').enumerate() {
        if index > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

fn add_inlines(paragraph: Paragraph, inlines: &[Inline], faces: &ScriptFaces) -> Paragraph {
    inlines.iter().fold(paragraph, |paragraph, inline| {
        paragraph.add_run(match inline {
            Inline::Text(text) => text_run(text, faces),
            Inline::Strong(text) => text_run(text, faces).bold(),
            Inline::Emphasis(text) => text_run(text, faces).italic(),
            Inline::Inserted(text) => text_run(text, faces).underline("single"),
            Inline::Deleted(text) => text_run(text, faces).strike(),
        })
    })
}

fn inlines_rtl(inlines: &[Inline]) -> bool {
    is_right_to_left(inlines.iter().map(Inline::text))
}

/// The core properties: title and subject when given, and nothing else — no creator, no
/// last-modified-by, no dates.
fn core_properties(document: &Document) -> String {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
        r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
        r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    ));
    for (element, value) in [("dc:title", &document.title), ("dc:subject", &document.subject)] {
        if !value.is_empty() {
            xml.push_str(&format!("<{element}>{}</{element}>", escape_xml(&clean(value))));
        }
    }
    xml.push_str("</cp:coreProperties>");
    xml
}

fn escape_xml(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// Copies every entry of the package docx-rs wrote into a new archive, in the same order,
/// compressed, with the zip format's fixed epoch (1980-01-01) as every entry's time.
fn repack(package: &[u8], added: &[(String, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut source = zip::ZipArchive::new(Cursor::new(package))?;
    let mut target = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::DEFAULT);
    let mut contents = Vec::new();
    for index in 0..source.len() {
        let mut entry = source.by_index(index)?;
        if entry.is_dir() {
            // OPC packages have no directory entries; Word tolerates them, validators do not.
            continue;
        }
        let name = entry.name().to_owned();
        contents.clear();
        entry.read_to_end(&mut contents)?;
        target.start_file(name, options)?;
        target.write_all(&contents)?;
    }
    // Parts docx-rs has no place for (embedded fonts and their relationships), after its own.
    for (name, contents) in added {
        target.start_file(name.as_str(), options)?;
        target.write_all(contents)?;
    }
    Ok(target.finish()?.into_inner())
}
