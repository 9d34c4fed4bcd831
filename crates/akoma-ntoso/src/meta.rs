//! The document's metadata: FRBR identification (work: the negotiating text; expression: one
//! version in one language; manifestation: this XML file), the organisation the `source`
//! attributes point at, and the version's content hash in a `<proprietary>` block.
//!
//! URIs follow Akoma Ntoso's naming convention as far as a text with no jurisdiction can:
//! `/akn/xx/doc/negotiatingText/{text}` for the work (`xx`: no country), `…/{language}@{version}`
//! for the expression, `….akn` for the manifestation, where `{text}` is the identifier
//! percent-encoded.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use time::Date;
use time::macros::format_description;
use tracktwo_domain::negotiating_text::{ContentHash, Language};

use crate::TextMeta;
use crate::error::{AknError, AknErrorKind};
use crate::read::{attribute, child, shown_element};
use crate::tree::Element;
use crate::write::{DOC_NAME, Out};

/// Where a text is of no country's law, as a negotiating text of a Track Two dialogue is.
const COUNTRY: &str = "xx";
const SOURCE: &str = "#tracktwo";
/// The date of each FRBR level is the version's: the day it was committed.
const DATE_NAME: &str = "version";

/// Everything but RFC 3986's unreserved characters is escaped.
const IN_URI: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

struct Uris {
    work: String,
    expression: String,
}

impl Uris {
    fn new(text: &str, language: &Language, version: u32) -> Self {
        let work = format!("/akn/{COUNTRY}/doc/{DOC_NAME}/{}", utf8_percent_encode(text, IN_URI));
        let expression = format!("{work}/{}@{version}", language.as_str());
        Self { work, expression }
    }

    /// `FRBRthis` and `FRBRuri` of the work, the expression and the manifestation.
    fn levels(&self) -> [(&'static str, String, String); 3] {
        [
            ("FRBRWork", format!("{}/!main", self.work), self.work.clone()),
            ("FRBRExpression", format!("{}/!main", self.expression), self.expression.clone()),
            ("FRBRManifestation", format!("{}/!main.akn", self.expression), format!("{}.akn", self.expression)),
        ]
    }
}

fn date_text(date: Date) -> String {
    date.format(format_description!("[year]-[month]-[day]")).unwrap_or_default()
}

pub fn write(out: &mut Out, meta: &TextMeta) {
    let uris = Uris::new(&meta.text, &meta.language, meta.version);
    let date = date_text(meta.date);
    let number = utf8_percent_encode(&meta.text, IN_URI).to_string();
    let version = meta.version.to_string();
    out.open("meta", &[]);
    out.open("identification", &[("source", SOURCE)]);
    for (level, this, uri) in uris.levels() {
        out.open(level, &[]);
        out.empty("FRBRthis", &[("value", &this)]);
        out.empty("FRBRuri", &[("value", &uri)]);
        if level == "FRBRWork" {
            out.empty("FRBRalias", &[("value", &meta.title), ("name", "title")]);
        }
        out.empty("FRBRdate", &[("date", &date), ("name", DATE_NAME)]);
        out.empty("FRBRauthor", &[("href", SOURCE)]);
        match level {
            "FRBRWork" => {
                out.empty("FRBRcountry", &[("value", COUNTRY)]);
                out.empty("FRBRnumber", &[("value", &number)]);
                out.empty("FRBRname", &[("value", DOC_NAME)]);
            }
            "FRBRExpression" => {
                out.empty("FRBRversionNumber", &[("value", &version)]);
                out.empty("FRBRlanguage", &[("language", meta.language.as_str())]);
            }
            _ => {}
        }
        out.close(level);
    }
    out.close("identification");
    out.open("references", &[("source", SOURCE)]);
    out.empty(
        "TLCOrganization",
        &[("eId", "tracktwo"), ("href", "/ontology/organization/tracktwo"), ("showAs", "tracktwo")],
    );
    out.close("references");
    out.open("proprietary", &[("source", SOURCE)]);
    out.empty("tt:version", &[("hash", &meta.hash.to_hex())]);
    out.close("proprietary");
    out.close("meta");
}

fn bad(element: &Element, attribute: &str, reason: &'static str) -> AknError {
    element.error(AknErrorKind::BadAttribute {
        element: shown_element(element),
        attribute: attribute.to_owned(),
        reason,
    })
}

pub fn read(meta: &Element) -> Result<TextMeta, AknError> {
    let identification = child(meta, "identification")?;
    let work = child(identification, "FRBRWork")?;
    let expression = child(identification, "FRBRExpression")?;
    let number = child(work, "FRBRnumber")?;
    let encoded = attribute(number, "value")?;
    let text = percent_decode_str(encoded)
        .decode_utf8()
        .map_err(|_| bad(number, "value", "is not a percent-encoded UTF-8 identifier"))?
        .into_owned();
    if text.is_empty() {
        return Err(bad(number, "value", "is empty"));
    }
    let alias =
        work.elements().find(|e| e.name == "FRBRalias" && e.attribute("name") == Some("title")).ok_or_else(|| {
            work.error(AknErrorKind::MissingElement { element: "FRBRalias", parent: "FRBRWork".to_owned() })
        })?;
    let title = attribute(alias, "value")?.to_owned();
    let language_element = child(expression, "FRBRlanguage")?;
    let language = Language::parse(attribute(language_element, "language")?)
        .map_err(|_| bad(language_element, "language", "is not a language tag such as en, ar or fr-CA"))?;
    let version_element = child(expression, "FRBRversionNumber")?;
    let version = attribute(version_element, "value")?
        .parse::<u32>()
        .map_err(|_| bad(version_element, "value", "is not a version number"))?;
    let date_element = child(expression, "FRBRdate")?;
    let date = Date::parse(attribute(date_element, "date")?, format_description!("[year]-[month]-[day]"))
        .map_err(|_| bad(date_element, "date", "is not a date such as 2026-03-14"))?;
    let hash = read_hash(meta)?;

    // The rest of the identification must say the same: a document whose URIs name another
    // text or version than its numbers is refused rather than half believed.
    let uris = Uris::new(&text, &language, version);
    for (level, this, uri) in uris.levels() {
        let element = child(identification, level)?;
        if attribute(child(element, "FRBRthis")?, "value")? != this
            || attribute(child(element, "FRBRuri")?, "value")? != uri
        {
            return Err(element.error(AknErrorKind::Metadata(
                "FRBRthis and FRBRuri do not name the text, language and version the numbers give",
            )));
        }
        if Date::parse(attribute(child(element, "FRBRdate")?, "date")?, format_description!("[year]-[month]-[day]"))
            .ok()
            != Some(date)
        {
            return Err(element.error(AknErrorKind::Metadata("the FRBR levels give different dates")));
        }
    }
    Ok(TextMeta { text, title, language, version, hash, date })
}

fn read_hash(meta: &Element) -> Result<ContentHash, AknError> {
    let proprietary =
        meta.elements().find(|e| e.name == "proprietary" && e.attribute("source") == Some(SOURCE)).ok_or_else(
            || meta.error(AknErrorKind::MissingElement { element: "proprietary", parent: "meta".to_owned() }),
        )?;
    let version =
        proprietary.elements().find(|e| e.ns == crate::tree::Ns::Tracktwo && e.name == "version").ok_or_else(|| {
            proprietary.error(AknErrorKind::MissingElement { element: "tt:version", parent: "proprietary".to_owned() })
        })?;
    ContentHash::from_hex(attribute(version, "hash")?)
        .ok_or_else(|| bad(version, "hash", "is not a SHA-256 hex digest"))
}
