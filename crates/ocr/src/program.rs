//! Running the programs: each in the private temporary folder, with nothing on standard input,
//! its output to files there, and a deadline shared by every run for one file.

use std::ffi::OsStr;
use std::fs::OpenOptions;
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use wait_timeout::ChildExt;

use crate::{OcrError, OcrLimits, PageFormat};

const TESSERACT: &str = "tesseract";
const PDFTOPPM: &str = "pdftoppm";

/// The longer side, in pixels, a PDF page is rendered to: an A4 page at 300 dpi, the resolution
/// tesseract reads best at. Fixed, so a PDF declaring a huge page cannot make a huge image.
const PDF_PAGE_PIXELS: &str = "3508";

/// The most text kept from one run: a dense A4 page is under 10 kB.
const MAX_TEXT_BYTES: u64 = 1024 * 1024;

/// The raw text tesseract reads from the page, pages of a PDF in order.
pub(crate) fn recognise(bytes: &[u8], format: PageFormat, limits: &OcrLimits) -> Result<String, OcrError> {
    let deadline = Instant::now() + limits.timeout;
    // Owner-only whatever the umask; removed when `folder` drops, on every path out of here.
    let folder = tempfile::Builder::new()
        .prefix("tracktwo-page-")
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir_in(temporary_root())
        .map_err(OcrError::TempFolder)?;
    let dir = folder.path();
    let page = dir.join(format!("page.{}", format.extension()));
    write_private(&page, bytes)?;
    let images = if format == PageFormat::Pdf { pdf_pages(&page, dir, limits, deadline)? } else { vec![page] };
    let mut text = String::new();
    for (n, image) in images.iter().enumerate() {
        let base = dir.join(format!("text-{n}"));
        let stderr = run(
            TESSERACT,
            // One block of text: a readout's page is one column, and tesseract's own layout
            // analysis leaves whole paragraphs of a page turned by two degrees unread.
            &[
                image.as_os_str(),
                base.as_os_str(),
                OsStr::new("-l"),
                OsStr::new("eng"),
                OsStr::new("--psm"),
                OsStr::new("6"),
            ],
            dir,
            deadline,
            limits,
        )?;
        if let Err(error) = stderr {
            // tesseract says which data it lacks; its messages never hold the page's text.
            return Err(if error.contains("Failed loading language") { OcrError::NoEnglishData } else { error.into() });
        }
        text.push_str(&read_bounded(&base.with_extension("txt"))?);
        text.push_str("\n\n");
    }
    Ok(text)
}

/// Where the page and what is read of it wait while the programs run: memory (`/dev/shm`) where
/// the system has it, so that the readout's text in a photographed copy never lands on a disk a
/// thief could read back after its deletion; the system's temporary folder otherwise.
fn temporary_root() -> PathBuf {
    let memory = Path::new("/dev/shm");
    if memory.is_dir() { memory.to_path_buf() } else { std::env::temp_dir() }
}

/// Each page of a PDF rendered to a greyscale PNG, the first `max_pdf_pages` only.
fn pdf_pages(pdf: &Path, dir: &Path, limits: &OcrLimits, deadline: Instant) -> Result<Vec<PathBuf>, OcrError> {
    let prefix = dir.join("scan");
    let last = limits.max_pdf_pages.to_string();
    let args = [
        OsStr::new("-gray"),
        OsStr::new("-png"),
        OsStr::new("-scale-to"),
        OsStr::new(PDF_PAGE_PIXELS),
        OsStr::new("-f"),
        OsStr::new("1"),
        OsStr::new("-l"),
        OsStr::new(&last),
        pdf.as_os_str(),
        prefix.as_os_str(),
    ];
    run(PDFTOPPM, &args, dir, deadline, limits)?.map_err(|failure| OcrError::from(failure).pdf())?;
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(OcrError::TempFolder)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(OsStr::to_str)
                .is_some_and(|name| name.starts_with("scan-") && name.ends_with(".png"))
        })
        .collect();
    // pdftoppm pads the page numbers to one width, so their names sort in page order.
    pages.sort();
    if pages.is_empty() {
        return Err(OcrError::NotAPage);
    }
    Ok(pages)
}

/// A program that ran and failed: its exit status and what it wrote on standard error.
struct Failure {
    program: &'static str,
    status: String,
    stderr: String,
}

impl Failure {
    fn contains(&self, text: &str) -> bool {
        self.stderr.contains(text)
    }
}

impl From<Failure> for OcrError {
    fn from(failure: Failure) -> Self {
        // Standard error stays out of the message: a program may echo a file name or more.
        OcrError::ProgramFailed { program: failure.program, status: failure.status }
    }
}

impl OcrError {
    /// A PDF that Poppler cannot open is not a page this reads.
    fn pdf(self) -> Self {
        match self {
            OcrError::ProgramFailed { .. } => OcrError::NotAPage,
            other => other,
        }
    }
}

/// Runs `program` in `dir` until it exits or the deadline passes: `Ok(Err(_))` when it ran and
/// failed.
fn run(
    program: &'static str,
    args: &[&OsStr],
    dir: &Path,
    deadline: Instant,
    limits: &OcrLimits,
) -> Result<Result<(), Failure>, OcrError> {
    let stderr_path = dir.join(format!("{program}.err"));
    let stderr = create_private(&stderr_path)?;
    let mut child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        // One thread: a page is read in seconds, and the server's other work keeps its cores.
        .env("OMP_THREAD_LIMIT", "1")
        .spawn()
        .map_err(|error| match (error.kind(), program) {
            (ErrorKind::NotFound, TESSERACT) => OcrError::NotInstalled,
            (ErrorKind::NotFound, _) => OcrError::PdfReaderNotInstalled,
            _ => OcrError::ProgramFailed { program, status: "not started".to_owned() },
        })?;
    let remaining = deadline.saturating_duration_since(Instant::now());
    let status = match child.wait_timeout(remaining) {
        Ok(Some(status)) => status,
        Ok(None) | Err(_) => {
            // Killed and reaped, so no process outlives the folder it reads from.
            let _ = child.kill();
            let _ = child.wait();
            return Err(OcrError::TimedOut(limits.timeout));
        }
    };
    if status.success() {
        return Ok(Ok(()));
    }
    let status = status.code().map_or_else(|| "killed by a signal".to_owned(), |code| code.to_string());
    Ok(Err(Failure { program, status, stderr: read_bounded(&stderr_path).unwrap_or_default() }))
}

fn create_private(path: &Path) -> Result<std::fs::File, OcrError> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map_err(OcrError::TempFolder)
}

fn write_private(path: &Path, bytes: &[u8]) -> Result<(), OcrError> {
    create_private(path)?.write_all(bytes).map_err(OcrError::TempFolder)
}

/// A file's text, at most `MAX_TEXT_BYTES` of it, invalid UTF-8 replaced.
fn read_bounded(path: &Path) -> Result<String, OcrError> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_TEXT_BYTES).read_to_end(&mut bytes))
        .map_err(OcrError::TempFolder)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
