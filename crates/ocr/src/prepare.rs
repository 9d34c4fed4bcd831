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
