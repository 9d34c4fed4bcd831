//! Every language at the table. The words tracktwo shows people come from Project Fluent files
//! (`locales/<language>/*.ftl`), compiled into the binary: English, Arabic, Russian and French,
//! with CLDR plural rules (Arabic has six forms), and two pseudo-locales built from the English
//! for tests — accented and lengthened (`en-XA`), and flipped right to left (`ar-XB`) — whose
//! markers show any string that did not come through here.
//!
//! Numbers and dates shown to people come from CLDR through ICU4X ([`Locale::number`],
//! [`Locale::date`] and kin, and every number argument of a message), in the reader's digits.
//!
//! Pure: no I/O, no clock. A missing message never fails a page: it falls back to English, then
//! to its identifier; [`catalogue_problems`] is what the tests hold at zero, so that never
//! happens in a release.

mod catalogue;
mod format;
mod locale;
mod messages;

pub use catalogue::{CatalogueProblem, catalogue_problems};
pub use format::{iso_date, iso_date_time};
pub use locale::{Direction, Locale};
pub use messages::{Arg, has_message, text, text_with};
