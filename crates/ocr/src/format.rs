//! What kind of page a file holds, told by its first bytes (a name's extension can say anything),
//! and whether its size in pixels is within bounds before any program decodes it.

use crate::OcrError;

/// A file this crate reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageFormat {
    Png,
    Jpeg,
    Tiff,
    /// A PDF, read as a scan: each page rendered to an image first.
    Pdf,
}

impl PageFormat {
    /// The extension the page is written under in the temporary folder (tesseract's image
    /// library reads the content, but a name that agrees avoids surprises).
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Tiff => "tif",
            Self::Pdf => "pdf",
        }
    }
}

/// The format `bytes` are in, by their signature; `None` for anything else (text included).
#[must_use]
pub fn page_format(bytes: &[u8]) -> Option<PageFormat> {
    const SIGNATURES: [(&[u8], PageFormat); 5] = [
        (b"\x89PNG\r\n\x1a\n", PageFormat::Png),
        (b"\xFF\xD8\xFF", PageFormat::Jpeg),
        (b"II*\0", PageFormat::Tiff),
        (b"MM\0*", PageFormat::Tiff),
        (b"%PDF-", PageFormat::Pdf),
    ];
    SIGNATURES.iter().find(|(signature, _)| bytes.starts_with(signature)).map(|&(_, format)| format)
}

/// Refuses an image larger than `limit` pixels, read from its header: a small file can declare
/// an enormous image, and decoding it would take the machine's memory.
pub(crate) fn check_pixels(bytes: &[u8], format: PageFormat, limit: u64) -> Result<(), OcrError> {
    if format == PageFormat::Pdf {
        // Pages are rendered at a fixed resolution, and their number is bounded.
        return Ok(());
    }
    let size = imagesize::blob_size(bytes).map_err(|_| OcrError::NotAPage)?;
    if size.width as u64 * size.height as u64 > limit {
        return Err(OcrError::TooManyPixels { width: size.width, height: size.height, limit });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(page_format(b"\x89PNG\r\n\x1a\nrest"), Some(PageFormat::Png));
        assert_eq!(page_format(b"\xFF\xD8\xFF\xE0rest"), Some(PageFormat::Jpeg));
        assert_eq!(page_format(b"II*\0rest"), Some(PageFormat::Tiff));
        assert_eq!(page_format(b"MM\0*rest"), Some(PageFormat::Tiff));
        assert_eq!(page_format(b"%PDF-1.7"), Some(PageFormat::Pdf));
        assert_eq!(page_format(b"On 14 March 2025, the third round met."), None);
        assert_eq!(page_format(b""), None);
    }

    #[test]
    fn an_image_declaring_too_many_pixels_is_refused_from_its_header() {
        // A PNG header declaring 100,000 × 100,000 pixels, and no image data.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&[8, 0, 0, 0, 0, 0, 0, 0, 0]);
        let refused = check_pixels(&png, PageFormat::Png, 40_000_000);
        assert!(matches!(refused, Err(OcrError::TooManyPixels { width: 100_000, height: 100_000, .. })), "{refused:?}");
        assert!(check_pixels(&png, PageFormat::Png, 10_000_000_000).is_ok());
        assert!(matches!(check_pixels(b"\x89PNG\r\n\x1a\n", PageFormat::Png, 1), Err(OcrError::NotAPage)));
    }
}
