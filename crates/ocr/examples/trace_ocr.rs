//! Measures how a photographed page of a readout copy is traced, for `docs/benchmarks.md`: 20
//! copies of the invented Serin River readout, wording variants off and on, each rendered by the
//! real renderer (`tracktwo-render`'s PDF) and Poppler (`pdftoppm`, 300 dpi, greyscale);
//! the first page of a random copy then photographed — turned by up to 3°, lit unevenly, out of focus
//! (Gaussian blur), noisy (Gaussian noise), taken at 180 to 270 dpi and saved as a JPEG — read
//! back by tesseract through `tracktwo-ocr`, and traced (a) whole and (b) as passages of 1, 2, 3
//! and 5 consecutive sentences cut from what OCR read. Each row gives the rates of the verdicts:
//! the right copy, a wrong copy, from this readout with the copy undetermined, not from this
//! readout, and no verdict (the page unread or the passage too short). Every random choice is
//! seeded by the trial's number, so the figures do not depend on the number of threads.
//!
//! `cargo run --release -p tracktwo-ocr --example trace_ocr [pages a setting] [passages a length a page] [threads] [tilt]`
//! (defaults 40, 8, 2, 0). With a tilt above 0 every page is photographed at an angle: in
//! perspective, its far edge (the top or the bottom) narrower than the near one by a share drawn
//! between half the tilt and the tilt (0.3: the far edge 70 % to 85 % of the near one), on a grey
//! table. Needs tesseract (Debian's tesseract-ocr) and pdftoppm (poppler-utils).
//! With `TRACE_OCR_KEEP=DIR`, each photograph, what OCR read and the page's verdict are kept in
//! DIR, by seed.

#[path = "../../trace/tests/support/mod.rs"]
mod support;

use std::f64::consts::PI;
use std::io::Cursor;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use image::codecs::jpeg::JpegEncoder;
use image::{GrayImage, Luma};
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use tracktwo_ocr::{OcrLimits, read_page};
use tracktwo_render::{Block, Document, Inline};
use tracktwo_trace::{CopyId, ReadoutText, TraceResult, copy_mark, make_copy, trace};
use unicode_segmentation::UnicodeSegmentation;

use support::COPIES;

/// How one photograph degrades the page.
#[derive(Clone, Copy, Debug)]
struct Photo {
    /// The page's turn, in degrees.
    angle: f64,
    /// How much darker the far side of the page is than the near side (0 to 0.35).
    falloff: f64,
    /// The light's direction across the page, in radians.
    light_direction: f64,
    /// The blur's standard deviation, in pixels at 300 dpi.
    blur: f32,
    /// The noise's standard deviation, in grey levels (0 to 255).
    noise: f64,
    /// The photograph's resolution against the 300 dpi render (0.6 to 0.9: 180 to 270 dpi).
    scale: f64,
    jpeg_quality: u8,
    /// The page seen at an angle: how much narrower its far edge is than its near one (0 when
    /// photographed square on), and whether the far edge is the top.
    keystone: f64,
    far_top: bool,
}

impl Photo {
    fn random(rng: &mut ChaCha8Rng, tilt: f64) -> Self {
        let mut photo = Photo {
            angle: rng.random_range(-3.0..3.0),
            falloff: rng.random_range(0.0..0.35),
            light_direction: rng.random_range(0.0..2.0 * PI),
            blur: rng.random_range(0.6..1.6),
            noise: rng.random_range(4.0..16.0),
            scale: rng.random_range(0.6..0.9),
            jpeg_quality: rng.random_range(60..=90),
            keystone: 0.0,
            far_top: true,
        };
        // Drawn only when asked for, so that the square-on settings keep their seeds' draws.
        if tilt > 0.0 {
            photo.keystone = rng.random_range(tilt / 2.0..tilt);
            photo.far_top = rng.random_range(0..2) == 0;
        }
        photo
    }

    /// The page as this photograph shows it, as JPEG bytes.
    fn take(&self, page: &GrayImage, rng: &mut ChaCha8Rng) -> Vec<u8> {
        let turned = rotate(page, self.angle.to_radians());
        let turned = if self.keystone > 0.0 { in_perspective(&turned, self.keystone, self.far_top) } else { turned };
        let blurred = image::imageops::blur(&turned, self.blur);
        let (w, h) = blurred.dimensions();
        let mut photo = image::imageops::resize(
            &blurred,
            (f64::from(w) * self.scale) as u32,
            (f64::from(h) * self.scale) as u32,
            image::imageops::FilterType::Triangle,
        );
        let (w, h) = (f64::from(photo.width()), f64::from(photo.height()));
        let (dx, dy) = (self.light_direction.cos(), self.light_direction.sin());
        for (x, y, pixel) in photo.enumerate_pixels_mut() {
            // 0 on the lit side, 1 on the far side.
            let along =
                ((f64::from(x) / w - 0.5) * dx + (f64::from(y) / h - 0.5) * dy) / std::f64::consts::SQRT_2 + 0.5;
            let light = 1.0 - self.falloff * along.clamp(0.0, 1.0);
            let value = f64::from(pixel.0[0]) * light + self.noise * gaussian(rng);
            pixel.0[0] = value.round().clamp(0.0, 255.0) as u8;
        }
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(Cursor::new(&mut jpeg), self.jpeg_quality)
            .encode_image(&photo)
            .expect("a JPEG encodes");
        jpeg
    }
}

/// A standard normal draw (Box–Muller).
fn gaussian(rng: &mut ChaCha8Rng) -> f64 {
    let u: f64 = rng.random_range(f64::EPSILON..1.0);
    let v: f64 = rng.random_range(0.0..1.0);
    (-2.0 * u.ln()).sqrt() * (2.0 * PI * v).cos()
}

/// `page` turned by `radians` about its centre, bilinear, the corners filled with paper.
fn rotate(page: &GrayImage, radians: f64) -> GrayImage {
    let (w, h) = page.dimensions();
    let (cx, cy) = (f64::from(w) / 2.0, f64::from(h) / 2.0);
    let (sin, cos) = radians.sin_cos();
    let at = |x: i64, y: i64| -> f64 {
        if x < 0 || y < 0 || x >= i64::from(w) || y >= i64::from(h) {
            255.0
        } else {
            f64::from(page.get_pixel(x as u32, y as u32).0[0])
        }
    };
    GrayImage::from_fn(w, h, |x, y| {
        let (px, py) = (f64::from(x) - cx, f64::from(y) - cy);
        let (sx, sy) = (cos * px + sin * py + cx, -sin * px + cos * py + cy);
        let (x0, y0) = (sx.floor(), sy.floor());
        let (fx, fy) = (sx - x0, sy - y0);
        let (x0, y0) = (x0 as i64, y0 as i64);
        let top = at(x0, y0) * (1.0 - fx) + at(x0 + 1, y0) * fx;
        let bottom = at(x0, y0 + 1) * (1.0 - fx) + at(x0 + 1, y0 + 1) * fx;
        Luma([(top * (1.0 - fy) + bottom * fy).round() as u8])
    })
}

/// `page` as a camera sees it when the page is tilted away about its near edge: the far edge
/// narrower by the share `keystone` and nearer the near edge, as a plane seen in perspective
/// (a homography), the rest of the picture a grey table.
fn in_perspective(page: &GrayImage, keystone: f64, far_top: bool) -> GrayImage {
    let (w, h) = page.dimensions();
    let (wf, hf) = (f64::from(w), f64::from(h));
    let cx = wf / 2.0;
    // A point `t` from the near edge is drawn at 1 / (1 + a·t/h) of its size: the far edge at
    // 1 / (1 + a) = 1 − keystone.
    let a = 1.0 / (1.0 - keystone) - 1.0;
    const TABLE: f64 = 120.0;
    GrayImage::from_fn(w, h, |x, y| {
        // Distance from the near edge in the picture, and in the page.
        let seen = if far_top { hf - f64::from(y) } else { f64::from(y) };
        let room = 1.0 - a * seen / hf;
        if room <= 0.0 {
            return Luma([TABLE as u8]);
        }
        let t = seen / room;
        let depth = 1.0 + a * t / hf;
        let sx = cx + (f64::from(x) - cx) * depth;
        let sy = if far_top { hf - t } else { t };
        if sx < 0.0 || sy < 0.0 || sx >= wf - 1.0 || sy >= hf - 1.0 {
            return Luma([TABLE as u8]);
        }
        let (x0, y0) = (sx.floor(), sy.floor());
        let (fx, fy) = (sx - x0, sy - y0);
        let px = |dx: u32, dy: u32| f64::from(page.get_pixel(x0 as u32 + dx, y0 as u32 + dy).0[0]);
        let top = px(0, 0) * (1.0 - fx) + px(1, 0) * fx;
        let bottom = px(0, 1) * (1.0 - fx) + px(1, 1) * fx;
        Luma([(top * (1.0 - fy) + bottom * fy).round() as u8])
    })
}

/// A copy as the web and the command line render it: its paragraphs under the readout's title,
/// the running head and the copy mark on every page.
fn copy_document(copy: &ReadoutText, number: u32) -> Document {
    let mut blocks = vec![Block::Heading { level: 2, text: "Third round, Tarsa".to_owned() }];
    blocks.extend(copy.paragraphs.iter().map(|p| Block::Paragraph(vec![Inline::Text(p.clone())])));
    Document {
        title: "Readout on the Serin River Dialogue".to_owned(),
        running_head: "Readout for track one — do not copy or forward".to_owned(),
        copy_mark: copy_mark(CopyId(number), COPIES, &format!("Recipient {number}, Ministry of Water")),
        subject: "Readout".to_owned(),
        blocks,
        ..Document::default()
    }
}

/// Each page of the copy's PDF, rendered by Poppler at 300 dpi in grey.
fn render_pages(document: &Document, dir: &Path, number: u32) -> Vec<GrayImage> {
    let pdf = dir.join(format!("copy-{number}.pdf"));
    std::fs::write(&pdf, tracktwo_render::render_pdf(document).expect("the copy renders")).unwrap();
    let prefix = dir.join(format!("copy-{number}"));
    let status = Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-png"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success());
    let mut pages: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            name.starts_with(&format!("copy-{number}-")) && name.ends_with(".png")
        })
        .collect();
    pages.sort();
    pages.iter().map(|p| image::open(p).expect("a rendered page").to_luma8()).collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Right,
    Wrong,
    Undetermined,
    NotFromReadout,
    NoVerdict,
}

fn verdict(result: &TraceResult, copy: u32) -> Outcome {
    match result {
        TraceResult::Copy(found) if found.copy.0 == copy => Outcome::Right,
        TraceResult::Copy(_) => Outcome::Wrong,
        TraceResult::FromReadout(_) => Outcome::Undetermined,
        TraceResult::NotFromReadout { .. } => Outcome::NotFromReadout,
        TraceResult::NotTraced { .. } => Outcome::NoVerdict,
    }
}

/// What one photographed page gave: the page's verdict and each passage's, by length.
struct PageTrial {
    seconds: f64,
    words: usize,
    page: Outcome,
    passages: Vec<(usize, Outcome)>,
}

const LENGTHS: [usize; 4] = [1, 2, 3, 5];

/// The page's furniture, which a leaker quoting the text leaves out.
const FURNITURE: [&str; 5] =
    ["do not copy", "Readout on the Serin", "Third round, Tarsa", "Ministry of Water", "Page "];

/// The sentences of what OCR read, in order, those of the body only: a sentence holding the
/// running head, the title, the heading, the copy mark or the page number is left out.
fn body_sentences(text: &str) -> Vec<String> {
    text.split_sentence_bounds()
        .map(|s| s.trim().to_owned())
        .filter(|s| s.split_whitespace().count() >= 3 && !FURNITURE.iter().any(|f| s.contains(f)))
        .collect()
}

fn one_page(
    pages: &[Vec<GrayImage>],
    original: &ReadoutText,
    how: &tracktwo_trace::Fingerprinting,
    seed: u64,
    passages_per_length: usize,
    tilt: f64,
) -> PageTrial {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let copy = rng.random_range(1..=COPIES);
    // The first page: the readout fills it and two lines of a second, whose one sentence is not
    // a page's worth of text.
    let page = &pages[copy as usize - 1][0];
    let photo = Photo::random(&mut rng, tilt);
    let jpeg = photo.take(page, &mut rng);
    let copies = support::copy_ids();
    let started = Instant::now();
    let read = read_page(&jpeg, &OcrLimits::COMMAND_LINE);
    let seconds = started.elapsed().as_secs_f64();
    if let Ok(dir) = std::env::var("TRACE_OCR_KEEP") {
        // For a look at what was read: the photograph, the text and the verdict, by seed.
        std::fs::write(format!("{dir}/{seed}.jpg"), &jpeg).unwrap();
        let verdict = read.as_ref().map(|text| trace(text, original, how, &support::copy_ids()));
        std::fs::write(format!("{dir}/{seed}.txt"), format!("copy {copy}\n{photo:?}\n{verdict:?}\n\n{read:?}"))
            .unwrap();
    }
    let Ok(text) = read else {
        return PageTrial { seconds, words: 0, page: Outcome::NoVerdict, passages: Vec::new() };
    };
    let page = verdict(&trace(&text, original, how, &copies), copy);
    let sentences = body_sentences(&text);
    let mut passages = Vec::new();
    for length in LENGTHS {
        if sentences.len() < length {
            continue;
        }
        for _ in 0..passages_per_length {
            let start = rng.random_range(0..=sentences.len() - length);
            let passage = sentences[start..start + length].join(" ");
            passages.push((length, verdict(&trace(&passage, original, how, &copies), copy)));
        }
    }
    PageTrial { seconds, words: text.split_whitespace().count(), page, passages }
}

fn row(label: &str, verdicts: &[Outcome]) {
    let share = |v: Outcome| verdicts.iter().filter(|&&x| x == v).count() as f64 / verdicts.len().max(1) as f64;
    println!(
        "| {label} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
        verdicts.len(),
        share(Outcome::Right),
        share(Outcome::Wrong),
        share(Outcome::Undetermined),
        share(Outcome::NotFromReadout),
        share(Outcome::NoVerdict),
    );
}

fn main() {
    let arg = |n: usize, default: usize| std::env::args().nth(n).and_then(|a| a.parse().ok()).unwrap_or(default);
    let (pages_per_setting, passages_per_length, threads) = (arg(1, 40), arg(2, 8), arg(3, 2).max(1));
    let tilt = std::env::args().nth(4).and_then(|a| a.parse::<f64>().ok()).unwrap_or(0.0).clamp(0.0, 0.6);
    let original = support::readout();
    let dir = tempfile::tempdir().unwrap();
    println!(
        "{COPIES} copies; {pages_per_setting} photographed pages a setting, {passages_per_length} passages of each length cut from each page's OCR text; {threads} threads; tilt {tilt}."
    );
    for wording in [false, true] {
        let how = support::fingerprinting(wording);
        let pages: Vec<Vec<GrayImage>> = (1..=COPIES)
            .map(|n| render_pages(&copy_document(&make_copy(&original, &how, CopyId(n)), n), dir.path(), n))
            .collect();
        let seeds: Vec<u64> =
            (0..pages_per_setting as u64).map(|t| 7_000_000 + 100_000 * u64::from(wording) + t).collect();
        let mut trials: Vec<(u64, PageTrial)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|w| {
                    let (seeds, pages, original, how) = (&seeds, &pages, &original, &how);
                    scope.spawn(move || {
                        seeds
                            .iter()
                            .skip(w)
                            .step_by(threads)
                            .map(|&seed| (seed, one_page(pages, original, how, seed, passages_per_length, tilt)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers.into_iter().flat_map(|w| w.join().expect("a worker")).collect()
        });
        trials.sort_by_key(|(seed, _)| *seed);
        let trials: Vec<PageTrial> = trials.into_iter().map(|(_, t)| t).collect();
        let seconds = trials.iter().map(|t| t.seconds).sum::<f64>() / trials.len() as f64;
        let words = trials.iter().map(|t| t.words).sum::<usize>() as f64 / trials.len() as f64;
        println!(
            "\nwording variants {}: {} pages a copy; OCR {seconds:.1} s a page (wall), {words:.0} words read a page",
            if wording { "on" } else { "off" },
            pages[0].len(),
        );
        println!("| leak | trials | right copy | wrong copy | undetermined | not from this readout | no verdict |");
        println!("|---|---:|---:|---:|---:|---:|---:|");
        row("whole page", &trials.iter().map(|t| t.page).collect::<Vec<_>>());
        for length in LENGTHS {
            let verdicts: Vec<Outcome> =
                trials.iter().flat_map(|t| t.passages.iter().filter(|(l, _)| *l == length).map(|(_, v)| *v)).collect();
            row(&format!("{length} sentence{} of the OCR text", if length == 1 { "" } else { "s" }), &verdicts);
        }
    }
}
