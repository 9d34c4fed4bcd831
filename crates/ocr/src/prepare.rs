//! A photograph made ready for tesseract: turned upright as the camera recorded it, in grey,
//! and, when it is large, smoothed a little. A phone photograph's grain is what makes tesseract
//! take a page of text for a picture and leave it unread; a Gaussian blur of one pixel removes the
//! grain and keeps letters of a page taken at 180 dpi or more.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::{OcrError, PageFormat};

/// Images with a longer side from this many pixels are smoothed (an A4 page at 150 dpi and up;
/// a smaller image is a screenshot or a crop, whose letters a blur would only soften).
const SMOOTHED_FROM_PIXELS: u32 = 1800;

/// The blur's standard deviation, in pixels.
const SMOOTHING: f32 = 1.0;

/// The photograph as a greyscale PNG to hand to tesseract, or `None` for a format passed as it is
/// (a TIFF is a scan, a PDF is rendered by Poppler: neither has a camera's grain).
pub(crate) fn prepare(bytes: &[u8], format: PageFormat, max_pixels: u64) -> Result<Option<Vec<u8>>, OcrError> {
    let format = match format {
        PageFormat::Png => ImageFormat::Png,
        PageFormat::Jpeg => ImageFormat::Jpeg,
        PageFormat::Tiff | PageFormat::Pdf => return Ok(None),
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    // Eight bytes a pixel covers the decoder's widest form (16-bit RGBA) of the largest image.
    limits.max_alloc = Some(max_pixels.saturating_mul(8));
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| OcrError::NotAPage)?;
    let orientation = decoder.orientation().map_err(|_| OcrError::NotAPage)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(|_| OcrError::NotAPage)?;
    image.apply_orientation(orientation);
    let grey = image.into_luma8();
    let grey = if grey.width().max(grey.height()) >= SMOOTHED_FROM_PIXELS {
        image::imageops::blur(&grey, SMOOTHING)
    } else {
        grey
    };
    let mut png = Vec::new();
    grey.write_to(&mut Cursor::new(&mut png), ImageFormat::Png).map_err(|_| OcrError::NotAPage)?;
    Ok(Some(png))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page_format;

    /// A white 4 × 4 greyscale PNG.
    const BLANK_PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x04\x00\x00\x00\x04\x08\x00\x00\x00\x00\x8c\x9a\xc1\xa2\x00\x00\x00\x0eIDAT\x78\x9c\x63\xf8\x0f\x04\x0c\xa8\x04\x00\x9f\x74\x0f\xf1\x5b\x61\x83\xbf\x00\x00\x00\x00IEND\xae\x42\x60\x82";

    #[test]
    fn a_photograph_becomes_a_grey_png_and_a_scan_passes_as_it_is() {
        let prepared = prepare(BLANK_PNG, PageFormat::Png, 40_000_000).unwrap().expect("a PNG is prepared");
        assert_eq!(page_format(&prepared), Some(PageFormat::Png));
        let image = image::load_from_memory(&prepared).unwrap();
        assert_eq!((image.width(), image.height()), (4, 4));
        assert!(image.to_luma8().pixels().all(|p| p.0[0] == 255));
        assert!(prepare(b"II*\0", PageFormat::Tiff, 40_000_000).unwrap().is_none());
    }

    #[test]
    fn a_broken_photograph_is_not_a_page() {
        assert!(matches!(prepare(&BLANK_PNG[..40], PageFormat::Png, 40_000_000), Err(OcrError::NotAPage)));
        assert!(matches!(prepare(b"\xFF\xD8\xFF\xE0garbage", PageFormat::Jpeg, 40_000_000), Err(OcrError::NotAPage)));
    }
}
