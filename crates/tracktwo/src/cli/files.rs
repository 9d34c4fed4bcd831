//! Files the commands read and write: whole or not at all, and the owner's alone.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::say::{fail, say};

/// Writes a file whole or not at all: into a temporary file beside it (owner-only permissions),
/// then renamed into place.
pub(crate) fn write_atomically(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    // Backups, keyring exports and decrypted exports are the owner's alone, whatever the umask.
    // (tempfile's default is the same; stated here so that it cannot change unnoticed.)
    #[cfg(unix)]
    builder.permissions(<std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o600));
    let mut file = builder.tempfile_in(&dir).with_context(|| say!("cli-cannot-write-to-folder", path = dir))?;
    {
        let mut buffered = std::io::BufWriter::new(file.as_file_mut());
        write(&mut buffered)?;
        buffered.flush().context(say!("cli-cannot-write-file"))?;
    }
    file.as_file().sync_all().context(say!("cli-cannot-write-file"))?;
    file.persist(path).with_context(|| say!("cli-cannot-create", path = path))?;
    Ok(())
}

/// Renders a document as PDF or DOCX, as the file's name says, and writes it; returns its size.
pub(super) fn write_document(document: &tracktwo_render::Document, out: &Path) -> Result<usize> {
    let bytes = match out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("pdf") => tracktwo_web::documents::pdf(document)?,
        Some("docx") => tracktwo_render::render_docx(document)?,
        _ => bail!(fail!("cli-document-format-unknown", path = out)),
    };
    write_atomically(out, |w| Ok(w.write_all(&bytes)?))?;
    Ok(bytes.len())
}

/// The language `--language` names, for a document's headings and labels.
pub(super) fn document_locale(tag: &str) -> Result<tracktwo_i18n::Locale> {
    match tracktwo_i18n::Locale::from_tag(tag.trim()) {
        Some(locale) => Ok(locale),
        None => bail!(fail!("cli-document-language-unknown", language = tag)),
    }
}

pub(super) fn open_for_reading(path: &Path) -> Result<std::io::BufReader<std::fs::File>> {
    let file = std::fs::File::open(path).with_context(|| say!("cli-cannot-read", path = path))?;
    Ok(std::io::BufReader::new(file))
}

pub(super) fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| say!("cli-cannot-read", path = path))
}

/// Runs a use case to completion from inside a synchronous writer callback.
pub(super) fn futures_block<T>(future: impl std::future::Future<Output = tracktwo_app::Result<T>>) -> Result<T> {
    Ok(tokio::task::block_in_place(|| tokio::runtime::Handle::current().block_on(future))?)
}
