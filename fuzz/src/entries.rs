//! One entry function per reader of outside input: what a fuzz target feeds its bytes to, and
//! what the seed-corpus replay test (`crates/tracktwo/tests/it/fuzz_corpus.rs`) feeds every
//! committed seed to. Each reader must answer any input with a value or an error: a panic, a
//! hang or an allocation beyond the input limits is a finding.

use std::io::Cursor;

use tracktwo_app::Unlock;
use zeroize::Zeroizing;

/// Where a target's input is cut in two files (actors.csv and ties.csv; comments.csv and the
/// votes): at the first NUL byte, which no text file of these formats holds.
fn two_files(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&byte| byte == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[]),
    }
}

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// The initiative's sides an import is checked against.
fn sides() -> Vec<String> {
    vec!["Upper Vale".to_owned(), "Lowland Coast".to_owned()]
}

fn map(format: tracktwo_interchange::Format, file: &[u8], ties: &[u8]) {
    let sides = sides();
    let _ = tracktwo_interchange::read(format, &text(file), &text(ties), Some(&sides));
    let _ = tracktwo_interchange::read(format, &text(file), &text(ties), None);
    if matches!(format, tracktwo_interchange::Format::Gexf | tracktwo_interchange::Format::Graphml) {
        // A map made elsewhere, listed and read through a mapping, as the import does.
        let _ = tracktwo_interchange::attributes(format, &text(file), "fuzzed");
        let mut mapping = tracktwo_interchange::Mapping::new();
        for argument in ["side=club", "track=sector", "name=label"] {
            let _ = mapping.add_field_argument(argument);
        }
        for argument in ["side:a=Upper Vale", "level:=grassroots", "kind:=person", "tie-kind:=colleague"] {
            let _ = mapping.add_value_argument(argument);
        }
        let options = tracktwo_interchange::ReadOptions {
            sides: Some(&sides),
            mapping: Some(&mapping),
            track_scheme: Some(tracktwo_interchange::TrackScheme::Five),
            ..tracktwo_interchange::ReadOptions::default()
        };
        let _ = tracktwo_interchange::read_with(format, &text(file), &text(ties), &options);
    }
}

/// actors.csv, a NUL, ties.csv: the map import of the web page and `tracktwo map import`.
pub fn map_csv(data: &[u8]) {
    let (actors, ties) = two_files(data);
    map(tracktwo_interchange::Format::Csv, actors, ties);
}

pub fn map_gexf(data: &[u8]) {
    map(tracktwo_interchange::Format::Gexf, data, &[]);
}

pub fn map_graphml(data: &[u8]) {
    map(tracktwo_interchange::Format::Graphml, data, &[]);
}

pub fn map_kumu(data: &[u8]) {
    map(tracktwo_interchange::Format::KumuJson, data, &[]);
}

/// The history a CLI analysis keeps at most (`tracktwo common-ground`).
const HISTORY_LIMIT: usize = 100_000;

/// comments.csv, a NUL, votes.csv: the export folder `tracktwo common-ground` reads.
pub fn polis_votes(data: &[u8]) {
    use tracktwo_polis::{ExportVotes, Named, read_export};
    let (comments, votes) = two_files(data);
    let votes = ExportVotes::Long(Named::new("votes.csv", Cursor::new(votes)));
    let _ = read_export(Some(Named::new("comments.csv", comments)), votes, HISTORY_LIMIT);
}

/// comments.csv, a NUL, participants-votes.csv: an export without votes.csv.
pub fn polis_participant_votes(data: &[u8]) {
    use tracktwo_polis::{ExportVotes, Named, read_export};
    let (comments, votes) = two_files(data);
    let votes = ExportVotes::Wide(Named::new("participants-votes.csv", Cursor::new(votes)));
    let _ = read_export(Some(Named::new("comments.csv", comments)), votes, HISTORY_LIMIT);
}

/// A sides file, read against the participants of a small export.
pub fn polis_sides(data: &[u8]) {
    let participants: Vec<i64> = (0..50).chain([1 << 40, -1]).collect();
    let _ = tracktwo_polis::read_sides(data, "sides.csv", &participants);
}

/// comments.csv, a NUL, votes.csv: a conversation imported in the web workspace or by
/// `tracktwo conversation import`.
pub fn polis_import(data: &[u8]) {
    let (comments, votes) = two_files(data);
    let _ = tracktwo_app::polis_format::read_import("Imported", comments, votes);
}

/// The key file of the format-1 fixture, which opens its backup and keyring export (the seeds).
const FIXTURE_KEY: &[u8] = include_bytes!("../../crates/tracktwo/tests/fixtures/format-1/key");

fn fixture_key() -> Unlock {
    Unlock::KeyFile(Zeroizing::new(FIXTURE_KEY.to_vec()))
}

/// A fixed source of "randomness": the sealed files must be the same for the same input.
struct Fixed;

impl rand_core::TryRng for Fixed {
    type Error = std::convert::Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(7)
    }
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(7)
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        dst.fill(7);
        Ok(())
    }
}
impl rand_core::TryCryptoRng for Fixed {}

/// An input whose first byte is 0 is a whole file as it comes (a hostile header, damaged
/// frames); any other first byte, the rest is a document sealed under the fixture's key first,
/// so that what follows authentication is reached too (an old or odd document, not a forgery).
fn archive_file(data: &[u8]) -> Vec<u8> {
    match data.split_first() {
        Some((0, file)) => file.to_vec(),
        Some((_, document)) => {
            let master = tracktwo_crypto::MasterKey::from_key_file_bytes(FIXTURE_KEY)
                .unwrap_or_else(|_| unreachable!("the fixture key is long enough"));
            let Ok(encryptor) = tracktwo_crypto::BackupEncryptor::new(&master, b"\"KeyFile\"", &mut Fixed) else {
                unreachable!("a short context")
            };
            let mut file = encryptor.header().to_bytes();
            let mut encryptor = encryptor;
            let mut chunks = document.chunks(tracktwo_crypto::BACKUP_CHUNK_LEN).peekable();
            while let Some(chunk) = chunks.next() {
                if chunks.peek().is_some() {
                    file.extend(encryptor.frame(chunk));
                } else {
                    file.extend(encryptor.last_frame(chunk));
                    return file;
                }
            }
            file.extend(encryptor.last_frame(&[]));
            file
        }
        None => Vec::new(),
    }
}

/// A backup file, read as a restore reads it (without a store). The key source is a key file:
/// a passphrase's Argon2 derivation is slow on purpose, and the costs a file asks for are
/// checked before it (`a_backup_asking_for_a_ruinous_key_derivation_is_refused_before_it`).
pub fn backup_file(data: &[u8]) {
    let _ = tracktwo_app::check_backup_file(&fixture_key(), &mut archive_file(data).as_slice());
}

/// A keyring export, read as a restore reads it.
pub fn keyring_file(data: &[u8]) {
    let _ = tracktwo_app::check_keyring_file(&fixture_key(), &mut archive_file(data).as_slice());
}

fn block_on(future: impl std::future::Future<Output = ()>) {
    thread_local! {
        static RUNTIME: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap_or_else(|e| panic!("a runtime: {e}"));
    }
    RUNTIME.with(|runtime| runtime.block_on(future));
}

/// A form body, read as every form the pages take.
pub fn web_forms(data: &[u8]) {
    block_on(tracktwo_web::fuzzing::form_bodies(data));
}

/// A JSON body, read as every body the API takes.
pub fn web_json(data: &[u8]) {
    block_on(tracktwo_web::fuzzing::json_bodies(data));
}

/// A `multipart/form-data` body, read as the trace form's upload (a photographed page).
pub fn trace_upload(data: &[u8]) {
    block_on(tracktwo_web::fuzzing::upload_bodies(data));
}

/// A query string, read as every query the routes take.
pub fn web_queries(data: &[u8]) {
    block_on(tracktwo_web::fuzzing::query_strings(&text(data)));
}

/// An Akoma Ntoso document read as a negotiating text's version; what it reads must write back
/// to a document that reads the same.
pub fn akn_import(data: &[u8]) {
    if let Ok((meta, draft)) = tracktwo_akoma_ntoso::import(&text(data)) {
        let again = tracktwo_akoma_ntoso::import(&tracktwo_akoma_ntoso::export(&meta, &draft));
        assert!(again.is_ok_and(|(m, d)| m == meta && d == draft), "an imported text does not round-trip");
    }
}

/// A leaked passage traced against a readout (the trace form of the transfer pages).
pub fn trace_passage(data: &[u8]) {
    use tracktwo_trace::{CodeScheme, CopyId, Fingerprinting, ReadoutText};
    let readout = ReadoutText::from_plain(
        "The two sides agreed to meet again in 2027, in Geneva, to organise a joint commission.\n\n\
         Both favour a phased withdrawal; the Upper Vale asks for guarantees, the Lowland Coast \
         for a timetable of 12 months.\n\n\
         The facilitators will circulate a draft by the end of the month, and the centre will \
         host the next round.",
    );
    let how = Fingerprinting {
        key: [9; 32],
        wording_variants: true,
        free_order_pairs: vec![("the Upper Vale".to_owned(), "the Lowland Coast".to_owned())],
        scheme: CodeScheme::LATEST,
    };
    let _ = tracktwo_trace::trace(&text(data), &readout, &how, &[CopyId(1), CopyId(2), CopyId(3)]);
}

/// What tesseract wrote for a page, cleaned as the trace reads it, then traced: the cleaned text
/// is paragraphs of single lines, with no soft hyphen and no blank paragraph, and cleaning it
/// again changes nothing.
pub fn ocr_text(data: &[u8]) {
    use tracktwo_trace::{CodeScheme, CopyId, Fingerprinting, ReadoutText};
    let cleaned = tracktwo_ocr::clean_ocr_text(&text(data));
    assert!(!cleaned.contains('\u{AD}'), "a soft hyphen left in");
    for paragraph in cleaned.split("\n\n") {
        assert!(!paragraph.contains(['\n', '\u{0C}']), "a paragraph of several lines");
        assert!(paragraph.is_empty() || paragraph.trim() == paragraph, "a paragraph with spaces at an end");
    }
    assert_eq!(tracktwo_ocr::clean_ocr_text(&cleaned), cleaned, "cleaning twice changes the text");
    let readout = ReadoutText::from_plain(
        "The two sides agreed to meet again in 2027, in Geneva, to organise a joint commission.\n\n\
         The facilitators will circulate a draft by the end of the month, and the centre will host the next round.",
    );
    let how = Fingerprinting {
        key: [9; 32],
        wording_variants: true,
        free_order_pairs: Vec::new(),
        scheme: CodeScheme::LATEST,
    };
    let _ = tracktwo_trace::trace(&cleaned, &readout, &how, &[CopyId(1), CopyId(2)]);
}
