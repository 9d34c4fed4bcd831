//! Every refusal of the application in the reader's language. One mapping turns each error the
//! use cases return into a message of `refusals.ftl` and its arguments; the error pages, the
//! import-refused page and the command line all say it through here, so a refusal reads the same
//! wherever it is met.
//!
//! The matches are exhaustive on purpose: a new variant does not compile until it has its
//! message. A validation's field and reason are `&'static str` in the domain (which knows no
//! language); each has a message named after its English words (`refusal-field-display-name`,
//! `refusal-reason-is-closed`), and a test reads the sources for every field and reason written
//! there and fails on one without its message.
//!
//! What is not the application's own words stays as it was given and is set apart: a value
//! someone typed, a code name, an identifier, a file's name, a column or a value a file holds,
//! what a program outside said (the database, the operating system). Numbers are arguments, so
//! they are written in the reader's digits.
//!
//! An import's problem is typed (`ImportProblem`, a Pol.is export's `PolisImportError`) and said
//! variant by variant, down to the node, edge, element or connection it names and the kind of an
//! XML or JSON syntax error. So are conflicts and the troubles of a backup or an export: typed,
//! each its message. Only what a library or the operating system says of a kind of error without
//! a variant of its own (serde_json's rarer messages, a CSV parser's or an I/O detail) is shown as
//! it said it, marked as English, inside a sentence of ours.
//!
//! The API's JSON errors stay in English (`AppError`'s `Display`): programs read them.

use maud::{Markup, PreEscaped};
use tracktwo_app::measures::AnswerRefusal;
use tracktwo_app::negotiating_text::TextRefusal;
use tracktwo_app::polis_format::{CommonGroundError, PolisError, PolisImportError, PolisProblem};
use tracktwo_app::{AppError, ArchiveError, Conflict, CryptoError, ImportRecord, Outward, StoreError, Unique};
use tracktwo_domain::ValidationError;
use tracktwo_domain::campaign::JoinRefusal;
use tracktwo_domain::negotiating_text::agreement::SignOffError;
use tracktwo_domain::negotiating_text::plain::{PlainError, PlainProblem};
use tracktwo_domain::negotiating_text::{CommitError, DraftError, NotationError};
use tracktwo_domain::outcomes::WorkflowError;
use tracktwo_domain::questionnaire::AnswerError;
use tracktwo_i18n::{Arg, Locale, has_message, text_with};

use tracktwo_interchange::{Excerpt, Field, ImportProblem, JsonFault, MappingError, Owner, XmlFault};

use crate::documents::DocumentError;

/// A refusal as it is said: a message and what fills it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    id: String,
    args: Vec<(&'static str, Part)>,
}

/// What fills a message's argument.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    /// A count or another number, in the reader's digits.
    Number(i64),
    /// Words that are not the application's: shown as they are, set apart.
    Own(String),
    /// English the application has no message for (what a program outside said: a database,
    /// a parser's rarer error, the Pol.is reader): shown as it is, set apart and marked as
    /// English, inside a sentence of the application's.
    English(String),
    /// Another message, said in the same language (a field's name, the reason inside a refusal).
    Said(Refusal),
}

/// Opens and closes the place of an argument in a message formatted before its arguments are
/// filled in: characters of Unicode's private use area, which no message holds.
const PLACE_OPEN: char = '\u{E000}';
const PLACE_CLOSE: char = '\u{E001}';
/// Unicode's first-strong and pop-directional isolates, which `tracktwo_i18n` sets around each
/// text argument.
const ISOLATE_OPEN: char = '\u{2068}';
const ISOLATE_CLOSE: char = '\u{2069}';

impl Refusal {
    fn new(id: impl Into<String>, args: Vec<(&'static str, Part)>) -> Self {
        Self { id: id.into(), args }
    }

    fn bare(id: impl Into<String>) -> Self {
        Self::new(id, Vec::new())
    }

    /// The refusal an application error says. Errors that are the server's own trouble (a
    /// store that cannot be reached) have their words too: the command line shows them to the
    /// operator, while a page shows none of it.
    #[must_use]
    pub fn of(error: &AppError) -> Self {
        app_error(error)
    }

    /// The refusal a document's export says (a document with letters no font here can draw).
    #[must_use]
    pub fn of_document(error: &DocumentError) -> Self {
        match error {
            DocumentError::NoFont(scripts) => {
                let scripts = scripts
                    .iter()
                    .map(|missing| format!("{} ({})", missing.script, missing.characters))
                    .collect::<Vec<_>>()
                    .join(", ");
                Self::new("refusal-no-font", vec![("scripts", own(scripts))])
            }
            DocumentError::Failed(failure) => {
                Self::new("refusal-document-failed", vec![("detail", english(failure.to_string()))])
            }
        }
    }

    /// The refusal of a file that cannot be read: its name, the line, and what is wrong there.
    #[must_use]
    pub fn of_import(error: &tracktwo_interchange::ImportError) -> Self {
        Self::new(
            "refusal-import",
            vec![
                (
                    "record",
                    Part::Said(import_record(&ImportRecord::Line { file: error.file.clone(), line: error.line })),
                ),
                ("message", Part::Said(import_problem(&error.problem))),
            ],
        )
    }

    /// The refusal of a mapping of a file's attributes that cannot be read. Fields are named
    /// by tracktwo's names for them, which the command line and the form take as they are.
    #[must_use]
    pub fn of_mapping(error: &MappingError) -> Self {
        let r = Refusal::new;
        let field = |field: &Field| own(field.as_str());
        let detail = match error {
            MappingError::UnknownField { given } => r(
                "refusal-mapping-unknown-field",
                vec![("given", own(given.as_str())), ("fields", own(Field::names()))],
            ),
            MappingError::NoAttribute { field: f } => r("refusal-mapping-no-attribute", vec![("field", field(f))]),
            MappingError::FieldTwice { field: f } => r("refusal-mapping-field-twice", vec![("field", field(f))]),
            MappingError::ValueTwice { field: f, value } => {
                r("refusal-mapping-value-twice", vec![("field", field(f)), ("value", own(value.as_str()))])
            }
            MappingError::NotAFieldArgument { given } => {
                r("refusal-mapping-not-a-field-argument", vec![("given", own(given.as_str()))])
            }
            MappingError::NotAValueArgument { given } => {
                r("refusal-mapping-not-a-value-argument", vec![("given", own(given.as_str()))])
            }
        };
        Self::new("refusal-mapping", vec![("detail", Part::Said(detail))])
    }

    /// Why a photographed page could not be read.
    #[must_use]
    pub fn of_ocr(error: &tracktwo_ocr::OcrError) -> Self {
        use tracktwo_ocr::OcrError;
        let r = Refusal::new;
        match error {
            OcrError::NotInstalled => Refusal::bare("refusal-ocr-not-installed"),
            OcrError::NoEnglishData => Refusal::bare("refusal-ocr-no-english-data"),
            OcrError::PdfReaderNotInstalled => Refusal::bare("refusal-ocr-no-pdf-reader"),
            OcrError::NotAPage => Refusal::bare("refusal-ocr-not-a-page"),
            OcrError::TooLarge { size, limit } => {
                r("refusal-ocr-too-large", vec![("size", number(*size)), ("limit", number(*limit))])
            }
            OcrError::TooManyPixels { width, height, limit } => r(
                "refusal-ocr-too-many-pixels",
                vec![("width", number(*width)), ("height", number(*height)), ("limit", number(*limit))],
            ),
            OcrError::TimedOut(after) => r("refusal-ocr-timed-out", vec![("seconds", number(after.as_secs()))]),
            OcrError::ProgramFailed { program, status } => {
                r("refusal-ocr-program-failed", vec![("program", own(*program)), ("status", english(status.as_str()))])
            }
            OcrError::NoText => Refusal::bare("refusal-ocr-no-text"),
            OcrError::TempFolder(e) => r("refusal-ocr-temp-folder", vec![("detail", english(e.to_string()))]),
        }
    }

    /// The refusal of a file of a Pol.is export that cannot be read: its name, the line, and what
    /// is wrong there.
    #[must_use]
    pub fn of_polis(error: &PolisError) -> Self {
        polis_file(error)
    }

    /// The refusal a draft written in the plain notation says: its line and what is wrong there.
    #[must_use]
    pub fn of_plain(error: &PlainError) -> Self {
        Self::new(
            "refusal-plain-line",
            vec![("line", number(error.line)), ("problem", Part::Said(plain(&error.problem)))],
        )
    }

    /// The refusal in `locale`, as plain text; people's words keep their isolates.
    #[must_use]
    pub fn text(&self, locale: Locale) -> String {
        self.render(locale, false)
    }

    /// The refusal in `locale`, as HTML: people's words each in a `<bdi>`, the rest escaped.
    #[must_use]
    pub fn html(&self, locale: Locale) -> Markup {
        PreEscaped(self.render(locale, true))
    }

    /// Every message this refusal says, its own and those inside it.
    #[must_use]
    pub fn message_ids(&self) -> Vec<&str> {
        let mut ids = vec![self.id.as_str()];
        for (_, part) in &self.args {
            if let Part::Said(inner) = part {
                ids.extend(inner.message_ids());
            }
        }
        ids
    }

    /// The message formatted with a marked place for each text argument, then each place filled:
    /// so what fills it is never read as the message's own words, and in HTML is escaped once.
    fn render(&self, locale: Locale, html: bool) -> String {
        let places: Vec<String> = (0..self.args.len()).map(|i| format!("{PLACE_OPEN}{i}{PLACE_CLOSE}")).collect();
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .zip(&places)
            .map(|((name, part), place)| match part {
                Part::Number(n) => (*name, Arg::Number(*n)),
                Part::Own(_) | Part::English(_) | Part::Said(_) => (*name, Arg::Text(place)),
            })
            .collect();
        let said = text_with(locale, &self.id, &args);
        let said = if html { escape(&said) } else { said };
        let mut out = String::with_capacity(said.len());
        let mut rest = said.as_str();
        let opening = format!("{ISOLATE_OPEN}{PLACE_OPEN}");
        while let Some(start) = rest.find(&opening) {
            out.push_str(&rest[..start]);
            let after = &rest[start + opening.len()..];
            let filled = after.split_once(PLACE_CLOSE).and_then(|(index, tail)| {
                let part = &self.args.get(index.parse::<usize>().ok()?)?.1;
                Some((part, tail.strip_prefix(ISOLATE_CLOSE)?))
            });
            let Some((part, tail)) = filled else {
                out.push_str(&opening);
                rest = after;
                continue;
            };
            match part {
                Part::Own(words) if html => out.push_str(&maud::html! { bdi { (words) } }.into_string()),
                Part::English(words) if html => {
                    out.push_str(&maud::html! { bdi lang="en" { (words) } }.into_string());
                }
                Part::Own(words) | Part::English(words) => {
                    out.push(ISOLATE_OPEN);
                    out.push_str(words);
                    out.push(ISOLATE_CLOSE);
                }
                // A message inside another is in the same language and direction: no isolates.
                Part::Said(inner) => out.push_str(&inner.render(locale, html)),
                Part::Number(_) => {}
            }
            rest = tail;
        }
        out.push_str(rest);
        out
    }
}

/// `text` escaped for HTML, as every page escapes what it shows.
fn escape(text: &str) -> String {
    maud::html! { (text) }.into_string()
}

fn own(words: impl Into<String>) -> Part {
    Part::Own(words.into())
}

fn english(words: impl Into<String>) -> Part {
    Part::English(words.into())
}

fn said(id: impl Into<String>) -> Part {
    Part::Said(Refusal::bare(id))
}

fn number(n: impl TryInto<i64>) -> Part {
    Part::Number(n.try_into().unwrap_or(i64::MAX))
}

/// A message identifier made from English words: lower case, anything but letters and digits
/// read as one hyphen.
fn slug(prefix: &str, words: &str) -> String {
    let mut id = prefix.to_owned();
    let mut gap = false;
    for c in words.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !id.ends_with('-') {
                id.push('-');
            }
            gap = false;
            id.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    id
}

/// The message of a validation's field.
#[must_use]
pub fn field_message(field: &str) -> String {
    slug("refusal-field-", field)
}

/// The message of a validation's reason.
#[must_use]
pub fn reason_message(reason: &str) -> String {
    slug("refusal-reason-", reason)
}

/// Words of the application said by their message; words without one (none that the sources
/// hold as literals, as the tests check) are shown as the English they are rather than as an
/// identifier.
fn said_or_english(id: String, words: &str) -> Part {
    if has_message(&id) { said(id) } else { english(words) }
}

fn field(name: &str) -> Part {
    said_or_english(field_message(name), name)
}

fn reason(words: &str) -> Part {
    said_or_english(reason_message(words), words)
}

fn app_error(error: &AppError) -> Refusal {
    let r = Refusal::new;
    let inner = |refusal: Refusal| Part::Said(refusal);
    match error {
        AppError::NotFound => Refusal::bare("refusal-not-found"),
        AppError::NamesInNote(places) => r("refusal-names-in-note", vec![("count", number(places.len()))]),
        AppError::ConsentNotRecorded => Refusal::bare("refusal-consent-not-recorded"),
        AppError::RefusedCode(people) => r("refusal-refused-code", vec![("count", number(people.len()))]),
        // Said by its kind's name: the edge does not take the policy's refusal in hand.
        AppError::Forbidden(why) => {
            let role = why.role().map(|role| ("role", said(crate::pages::words::message_id(role))));
            let why = Refusal::new(format!("refusal-denied-{}", why.code()), role.into_iter().collect());
            r("refusal-forbidden", vec![("reason", inner(why))])
        }
        AppError::Unauthenticated => Refusal::bare("refusal-unauthenticated"),
        AppError::RateLimited { seconds } => r("refusal-rate-limited", vec![("seconds", number(*seconds))]),
        AppError::JoinRefused(refusal) => join_refusal(*refusal),
        AppError::SignInRefused => Refusal::bare("refusal-sign-in"),
        AppError::WrongCode => Refusal::bare("refusal-wrong-code"),
        AppError::Invalid(e) => r("refusal-invalid", vec![("reason", inner(validation(e)))]),
        AppError::Conflict(conflict) => conflict_refusal(conflict),
        AppError::WrongKey => Refusal::bare("refusal-wrong-key"),
        AppError::AlreadyInitialised => Refusal::bare("refusal-already-initialised"),
        AppError::Uninitialised => Refusal::bare("refusal-uninitialised"),
        AppError::WrongKeyKind { expected: "passphrase" } => Refusal::bare("refusal-wants-passphrase"),
        AppError::WrongKeyKind { .. } => Refusal::bare("refusal-wants-key-file"),
        AppError::Key(e) => r("refusal-key", vec![("reason", inner(crypto(e)))]),
        AppError::Tampered => Refusal::bare("refusal-tampered"),
        AppError::Archive(e) => archive(e),
        AppError::Import { record, problem } => r(
            "refusal-import",
            vec![("record", inner(import_record(record))), ("message", inner(import_problem(problem)))],
        ),
        AppError::PolisImport(e) => r("refusal-polis-import", vec![("reason", inner(polis_import(e)))]),
        AppError::SecretChannel(outward) => r("refusal-secret-channel", vec![("reason", said(outward_id(*outward)))]),
        AppError::Store(e) => store(e),
        AppError::NotErased(e) => r("refusal-not-erased", vec![("reason", inner(store(e)))]),
        AppError::TextRefused(refusal) => text_refusal(refusal),
        AppError::OutcomeRefused(e) => Refusal::bare(workflow_id(*e)),
        AppError::AnswerRefused(refusal) => answer_refusal(refusal),
    }
}

fn conflict_refusal(conflict: &Conflict) -> Refusal {
    match conflict {
        Conflict::Username => unique(Unique::Username),
        Conflict::ActorCodeName { code_name } => {
            Refusal::new("refusal-conflict-actor-code-name", vec![("code", own(code_name.as_str()))])
        }
        Conflict::DisableOwnAccount => Refusal::bare("refusal-conflict-disable-own-account"),
        Conflict::SecondFactorAlreadyOn => Refusal::bare("refusal-conflict-second-factor-already-on"),
        Conflict::EnrolmentNotStarted => Refusal::bare("refusal-conflict-enrolment-not-started"),
        Conflict::AccountDisabled => Refusal::bare("refusal-conflict-account-disabled"),
        Conflict::QrCode => Refusal::bare("refusal-conflict-qr-code"),
        Conflict::Stored(broken) => unique(*broken),
    }
}

fn unique(broken: Unique) -> Refusal {
    Refusal::bare(match broken {
        Unique::Username => "refusal-unique-username",
        Unique::Member => "refusal-unique-member",
        Unique::Key => "refusal-unique-key",
    })
}

/// What the operating system said of an I/O failure, kept as it said it.
fn io_detail(error: &std::io::Error) -> Part {
    english(error.to_string())
}

fn archive(error: &ArchiveError) -> Refusal {
    let r = Refusal::new;
    match error {
        ArchiveError::CannotWrite(e) => r("refusal-archive-cannot-write", vec![("detail", io_detail(e))]),
        ArchiveError::KeySource => Refusal::bare("refusal-archive-key-source"),
        ArchiveError::NotOurs => Refusal::bare("refusal-archive-not-ours"),
        ArchiveError::DoesNotOpen => Refusal::bare("refusal-archive-does-not-open"),
        ArchiveError::Damaged => Refusal::bare("refusal-archive-damaged"),
        ArchiveError::MoreThanOneDocument => Refusal::bare("refusal-archive-more-than-one-document"),
        ArchiveError::Unreadable(detail) => r("refusal-archive-unreadable", vec![("detail", english(detail.as_str()))]),
        ArchiveError::WrongKind { found, expected } => {
            r("refusal-archive-wrong-kind", vec![("found", own(found.as_str())), ("expected", own(*expected))])
        }
        ArchiveError::NewerFormat => Refusal::bare("refusal-archive-newer-format"),
        ArchiveError::StoreNotEmpty => r("refusal-archive-store-not-empty", vec![("option", own("--force"))]),
        ArchiveError::KeysMissing => r("refusal-archive-keys-missing", vec![("option", own("--keyring"))]),
        ArchiveError::DifferentStore => Refusal::bare("refusal-archive-different-store"),
        ArchiveError::CannotEncode(detail) => {
            r("refusal-archive-cannot-encode", vec![("detail", english(detail.as_str()))])
        }
        ArchiveError::CannotAnalyse(detail) => {
            r("refusal-archive-cannot-analyse", vec![("detail", english(detail.as_str()))])
        }
        ArchiveError::VoteNotStored(detail) => {
            r("refusal-archive-vote-not-stored", vec![("detail", english(detail.as_str()))])
        }
        ArchiveError::VoteLost => Refusal::bare("refusal-archive-vote-lost"),
    }
}

/// Why a Pol.is export cannot be imported. The files' and columns' names are the format's, set
/// apart; a comment id is the file's value, as written; lines and numbers in the reader's digits.
fn polis_import(error: &PolisImportError) -> Refusal {
    let r = Refusal::new;
    match error {
        PolisImportError::File(e) => polis_file(e),
        PolisImportError::CommentTwice { comment } => r(
            "refusal-polis-comment-twice",
            vec![("file", own("comments.csv")), ("column", own("comment-id")), ("comment", own(comment.to_string()))],
        ),
        PolisImportError::NoSuchComment { line, comment } => r(
            "refusal-polis-no-such-comment",
            vec![
                ("file", own("votes.csv")),
                ("line", number(*line)),
                ("column", own("comment-id")),
                ("comment", own(comment.to_string())),
                ("comments", own("comments.csv")),
            ],
        ),
        PolisImportError::StatementOutOfOrder { number: n } => {
            r("refusal-polis-statement-out-of-order", vec![("number", number(*n))])
        }
        PolisImportError::StatementLength { number: n, max } => {
            r("refusal-polis-statement-length", vec![("number", number(*n)), ("max", number(*max))])
        }
        PolisImportError::NoSuchStatement { participant, statement } => r(
            "refusal-polis-no-such-statement",
            vec![("participant", number(*participant)), ("statement", number(*statement))],
        ),
    }
}

fn polis_file(error: &PolisError) -> Refusal {
    Refusal::new(
        "refusal-polis-file",
        vec![
            ("file", own(error.file.as_str())),
            ("line", number(error.line)),
            ("problem", Part::Said(polis_problem(&error.problem))),
        ],
    )
}

/// What is wrong in a file of a Pol.is export. Columns and values are the file's, set apart.
fn polis_problem(problem: &PolisProblem) -> Refusal {
    let r = Refusal::new;
    match problem {
        PolisProblem::MissingColumn(column) => r("refusal-polis-missing-column", vec![("column", own(*column))]),
        PolisProblem::NotAnInteger { column, value } => {
            r("refusal-polis-not-an-integer", vec![("column", own(*column)), ("value", own(value.as_str()))])
        }
        PolisProblem::NotACount { column, value } => {
            r("refusal-polis-not-a-count", vec![("column", own(*column)), ("value", own(value.to_string()))])
        }
        PolisProblem::InvalidVote(value) => {
            r("refusal-polis-invalid-vote", vec![("column", own("vote")), ("value", own(value.to_string()))])
        }
        PolisProblem::InvalidModeration(value) => {
            r("refusal-polis-invalid-moderation", vec![("column", own("moderated")), ("value", own(value.to_string()))])
        }
        PolisProblem::NotACommentId(column) => {
            r("refusal-polis-not-a-comment-id", vec![("column", own(column.as_str()))])
        }
        PolisProblem::MissingTimestamp => r("refusal-polis-missing-timestamp", vec![("column", own("timestamp"))]),
        PolisProblem::Csv(e) => match e.kind() {
            csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                r("refusal-polis-unequal-lengths", vec![("fields", number(*len)), ("expected", number(*expected_len))])
            }
            csv::ErrorKind::Utf8 { .. } => Refusal::bare("refusal-polis-not-utf8"),
            csv::ErrorKind::Io(e) => r("refusal-polis-io", vec![("detail", io_detail(e))]),
            _ => r("refusal-polis-csv", vec![("detail", english(e.to_string()))]),
        },
        PolisProblem::Io(e) => r("refusal-polis-io", vec![("detail", io_detail(e))]),
        PolisProblem::Engine(e) => match e {
            CommonGroundError::StatementIndexTooLarge { index, max } => {
                r("refusal-polis-too-many-statements", vec![("index", number(*index)), ("max", number(*max))])
            }
            CommonGroundError::ParticipantIndexTooLarge { index, max } => {
                r("refusal-polis-too-many-participants", vec![("index", number(*index)), ("max", number(*max))])
            }
            CommonGroundError::LengthMismatch { .. } | CommonGroundError::InvalidOption { .. } => {
                r("refusal-polis-engine", vec![("detail", english(e.to_string()))])
            }
        },
    }
}

fn validation(error: &ValidationError) -> Refusal {
    let r = Refusal::new;
    match error {
        ValidationError::Empty { field: f } => r("refusal-empty", vec![("field", field(f))]),
        ValidationError::TooLong { field: f, max } => {
            r("refusal-too-long", vec![("field", field(f)), ("max", number(*max))])
        }
        ValidationError::TooShort { field: f, min } => {
            r("refusal-too-short", vec![("field", field(f)), ("min", number(*min))])
        }
        ValidationError::ControlCharacters { field: f } => r("refusal-control-characters", vec![("field", field(f))]),
        ValidationError::UnknownValue { field: f, value } => {
            r("refusal-unknown-value", vec![("value", own(value.as_str())), ("field", field(f))])
        }
        ValidationError::Invalid { field: f, reason: why } => {
            r("refusal-invalid-field", vec![("field", field(f)), ("reason", reason(why))])
        }
    }
}

fn outward_id(outward: Outward) -> &'static str {
    match outward {
        Outward::Consultation => "refusal-outward-consultation",
        Outward::PolisImport => "refusal-outward-polis-import",
        Outward::InvitationLinks => "refusal-outward-invitation-links",
        Outward::PublicReadout => "refusal-outward-public-readout",
        Outward::AnswerCards => "refusal-outward-answer-cards",
    }
}

fn join_refusal(refusal: JoinRefusal) -> Refusal {
    match refusal {
        JoinRefusal::LinkFull { cap } => Refusal::new("refusal-link-full", vec![("cap", number(cap))]),
        JoinRefusal::AddressLimit { limit } => Refusal::new("refusal-address-limit", vec![("limit", number(limit))]),
    }
}

fn crypto(error: &CryptoError) -> Refusal {
    match error {
        CryptoError::KeyFileTooShort { found } => {
            Refusal::new("refusal-key-file-too-short", vec![("count", number(*found))])
        }
        CryptoError::EmptyPassphrase => Refusal::bare("refusal-empty-passphrase"),
        CryptoError::InvalidKdfParams(detail) => {
            Refusal::new("refusal-invalid-kdf-params", vec![("detail", english(detail.as_str()))])
        }
        CryptoError::Unauthentic => Refusal::bare("refusal-unauthentic"),
        CryptoError::Malformed => Refusal::bare("refusal-malformed"),
    }
}

fn store(error: &StoreError) -> Refusal {
    let r = Refusal::new;
    match error {
        StoreError::Unavailable(detail) => r("refusal-store-unavailable", vec![("detail", english(detail.as_str()))]),
        StoreError::NotATracktwoStore(detail) => {
            r("refusal-store-not-tracktwo", vec![("detail", english(detail.as_str()))])
        }
        StoreError::NewerVersion { found, supported } => {
            r("refusal-store-newer", vec![("found", number(*found)), ("supported", number(*supported))])
        }
        StoreError::DataDir { path, reason } => {
            r("refusal-store-data-dir", vec![("path", own(path.as_str())), ("reason", english(reason.as_str()))])
        }
        StoreError::Conflict(broken) => unique(*broken),
        StoreError::Uninitialised => Refusal::bare("refusal-uninitialised"),
        StoreError::Backend(detail) => r("refusal-store-backend", vec![("detail", english(detail.as_str()))]),
        StoreError::Tampered(row) => r("refusal-store-tampered", vec![("row", own(row.to_string()))]),
    }
}

fn text_refusal(refusal: &TextRefusal) -> Refusal {
    let r = Refusal::new;
    match refusal {
        TextRefusal::Draft(e) => draft(e),
        TextRefusal::Commit(e) => commit(e),
        TextRefusal::SignOff(e) => sign_off(e),
        TextRefusal::Notation { clause, error } => {
            r("refusal-in-clause", vec![("clause", own(clause.to_string())), ("reason", Part::Said(notation(error)))])
        }
        TextRefusal::NoSuchClause(clause) => r("refusal-no-such-clause", vec![("clause", own(clause.to_string()))]),
        TextRefusal::NoSuchVersion(version) => r("refusal-no-such-version", vec![("version", number(*version))]),
        TextRefusal::NoSuchLanguage => Refusal::bare("refusal-no-such-language"),
        TextRefusal::SignatoryNotOfSide => Refusal::bare("refusal-signatory-not-of-side"),
        TextRefusal::NoSide => Refusal::bare("refusal-no-side"),
        TextRefusal::ReplyElsewhere => Refusal::bare("refusal-reply-elsewhere"),
        TextRefusal::AlreadyAnswered => Refusal::bare("refusal-suggestion-answered"),
        TextRefusal::NothingToCommentOn => Refusal::bare("refusal-nothing-to-comment-on"),
        TextRefusal::NotSettled { version, brackets, alternatives } => r(
            "refusal-not-settled",
            vec![
                ("version", number(*version)),
                ("brackets", number(*brackets)),
                ("alternatives", number(*alternatives)),
            ],
        ),
        TextRefusal::NothingToCompare => Refusal::bare("refusal-nothing-to-compare"),
    }
}

fn draft(error: &DraftError) -> Refusal {
    let r = Refusal::new;
    match error {
        DraftError::Invalid(e) => validation(e),
        DraftError::DuplicatePart(part) => r("refusal-duplicate-part", vec![("part", own(part.to_string()))]),
        DraftError::DuplicateClause(clause) => r("refusal-duplicate-clause", vec![("clause", own(clause.to_string()))]),
        DraftError::Clause(clause, e) => {
            r("refusal-in-clause", vec![("clause", own(clause.to_string())), ("reason", Part::Said(validation(e)))])
        }
    }
}

fn commit(error: &CommitError) -> Refusal {
    match error {
        CommitError::Draft(e) => draft(e),
        CommitError::NothingToTranslate => Refusal::bare("refusal-nothing-to-translate"),
        CommitError::UnknownSource(clause) => {
            Refusal::new("refusal-unknown-source", vec![("clause", own(clause.to_string()))])
        }
        CommitError::Unchanged(version) => Refusal::new("refusal-unchanged", vec![("version", number(*version))]),
    }
}

fn sign_off(error: &SignOffError) -> Refusal {
    let r = Refusal::new;
    match error {
        SignOffError::NoVersion => Refusal::bare("refusal-sign-off-no-version"),
        SignOffError::NotLatest { signed, latest } => {
            r("refusal-sign-off-not-latest", vec![("signed", number(*signed)), ("latest", number(*latest))])
        }
        SignOffError::HashMismatch(version) => r("refusal-sign-off-hash", vec![("version", number(*version))]),
        SignOffError::Unsettled { brackets, alternatives } => r(
            "refusal-sign-off-unsettled",
            vec![("brackets", number(*brackets)), ("alternatives", number(*alternatives))],
        ),
        SignOffError::SideNotNeeded => Refusal::bare("refusal-sign-off-side-not-needed"),
        SignOffError::NotASignatory => Refusal::bare("refusal-sign-off-not-a-signatory"),
        SignOffError::AlreadySigned => Refusal::bare("refusal-sign-off-already-signed"),
    }
}

fn notation(error: &NotationError) -> Refusal {
    let (id, at) = match error {
        NotationError::Unclosed { at } => ("refusal-notation-unclosed", at),
        NotationError::Unopened { at } => ("refusal-notation-unopened", at),
        NotationError::Nested { at } => ("refusal-notation-nested", at),
        NotationError::EmptyBracket { at } => ("refusal-notation-empty", at),
        NotationError::BarOutsideBrackets { at } => ("refusal-notation-bar", at),
    };
    Refusal::new(id, vec![("at", number(*at))])
}

fn workflow_id(error: WorkflowError) -> &'static str {
    match error {
        WorkflowError::NotIndependent => "refusal-outcome-not-independent",
        WorkflowError::NotSubstantiated => "refusal-outcome-not-substantiated",
        WorkflowError::NotYetSubstantiated => "refusal-outcome-not-yet-substantiated",
        WorkflowError::AlreadyReported => "refusal-outcome-already-reported",
        WorkflowError::NotTheNextStep => "refusal-outcome-not-the-next-step",
    }
}

fn answer_refusal(refusal: &AnswerRefusal) -> Refusal {
    let item = |code: &str| vec![("item", own(code))];
    match refusal {
        AnswerRefusal::NotOpen => Refusal::bare("refusal-answers-not-open"),
        AnswerRefusal::AlreadyAnswered => Refusal::bare("refusal-answers-already-given"),
        AnswerRefusal::Answers(AnswerError::Missing(code)) => Refusal::new("refusal-answer-missing", item(code)),
        AnswerRefusal::Answers(AnswerError::NotAsked(code)) => Refusal::new("refusal-answer-not-asked", item(code)),
        AnswerRefusal::Answers(AnswerError::OutOfRange(code)) => {
            Refusal::new("refusal-answer-out-of-range", item(code))
        }
    }
}

fn plain(problem: &PlainProblem) -> Refusal {
    let r = Refusal::new;
    match problem {
        PlainProblem::Unreadable => Refusal::bare("refusal-plain-unreadable"),
        PlainProblem::NothingToContinue => Refusal::bare("refusal-plain-nothing-to-continue"),
        PlainProblem::TitleTwice => Refusal::bare("refusal-plain-title-twice"),
        PlainProblem::PreambleTwice => Refusal::bare("refusal-plain-preamble-twice"),
        PlainProblem::NoTitle => Refusal::bare("refusal-plain-no-title"),
        PlainProblem::NoPart => Refusal::bare("refusal-plain-no-part"),
        PlainProblem::PartTwice(part) => r("refusal-plain-part-twice", vec![("part", own(part.to_string()))]),
        PlainProblem::ClauseTwice(clause) => r("refusal-plain-clause-twice", vec![("clause", own(clause.to_string()))]),
        // The notation's own keywords (`renders`, `replaces`…), written as they are typed.
        PlainProblem::FieldTwice(keyword) => r("refusal-plain-field-twice", vec![("keyword", own(*keyword))]),
        PlainProblem::WordsAndAlternatives => Refusal::bare("refusal-plain-words-and-alternatives"),
        PlainProblem::NoWords => Refusal::bare("refusal-plain-no-words"),
        PlainProblem::UnknownAlternative(label) => {
            r("refusal-plain-unknown-alternative", vec![("alternative", own(label.as_str()))])
        }
        PlainProblem::AdReferendumAlternatives => Refusal::bare("refusal-plain-ad-referendum"),
        PlainProblem::BadHash => Refusal::bare("refusal-plain-bad-hash"),
        PlainProblem::Notation(e) => notation(e),
        PlainProblem::Draft(e) => draft(e),
    }
}

/// What is wrong in a file. What the file holds (a column's name, a code name, a value) is its
/// own words; the domain's reasons inside are said as every other validation is.
fn import_problem(problem: &ImportProblem) -> Refusal {
    let r = Refusal::new;
    let excerpt = |value: &Excerpt| own(value.as_str());
    let listed = |columns: &[&str]| own(columns.join(", "));
    let field_value =
        |id: &'static str, field: &str, value: &Excerpt| r(id, vec![("field", own(field)), ("value", excerpt(value))]);
    match problem {
        ImportProblem::EmptyValue { field } => r("refusal-import-empty-value", vec![("field", own(field.as_str()))]),
        ImportProblem::UnknownValue { field: f, value, what } => r(
            "refusal-import-unknown-value",
            vec![("field", own(f.as_str())), ("value", excerpt(value)), ("what", field(what))],
        ),
        ImportProblem::RefusedValue { field, reason } => r(
            "refusal-import-refused-value",
            vec![("field", own(field.as_str())), ("reason", Part::Said(validation(reason)))],
        ),
        ImportProblem::TrackNumberWithoutScheme { field, value } => {
            field_value("refusal-import-track-number-without-scheme", field, value)
        }
        ImportProblem::NotATrackOfScheme { field, value, scheme } => r(
            "refusal-import-not-a-track-of-scheme",
            vec![("field", own(field.as_str())), ("value", excerpt(value)), ("scheme", own(scheme.as_str()))],
        ),
        ImportProblem::UnknownTrack { field, value } => field_value("refusal-import-unknown-track", field, value),
        ImportProblem::UnknownTieKind { field, value } => field_value("refusal-import-unknown-tie-kind", field, value),
        ImportProblem::NeitherYesNorNo { field, value } => {
            field_value("refusal-import-neither-yes-nor-no", field, value)
        }
        ImportProblem::NotAStrength { field, value } => field_value("refusal-import-not-a-strength", field, value),
        ImportProblem::NotADay { field, value } => field_value("refusal-import-not-a-day", field, value),
        ImportProblem::NotAnActorType { field, value } => field_value("refusal-import-not-an-actor-type", field, value),
        ImportProblem::NotADirection { field, value } => field_value("refusal-import-not-a-direction", field, value),
        ImportProblem::UnknownTrackScheme { field, error } => {
            field_value("refusal-import-unknown-track-scheme", field, error.value())
        }
        ImportProblem::SchemeDisagrees { declared, given } => r(
            "refusal-import-scheme-disagrees",
            vec![("declared", own(declared.as_str())), ("given", own(given.as_str()))],
        ),
        ImportProblem::Refused(reason) => validation(reason),
        ImportProblem::NotASideHere { side } => r("refusal-import-not-a-side-here", vec![("side", own(side.as_str()))]),
        ImportProblem::CodeNameOnMap => Refusal::bare("refusal-import-code-name-on-map"),
        ImportProblem::NoActorWithCode { code } => {
            r("refusal-import-no-actor-with-code", vec![("code", own(code.as_str()))])
        }
        ImportProblem::RefusedActor { code, reason } => {
            r("refusal-import-refused-actor", vec![("code", excerpt(code)), ("reason", Part::Said(validation(reason)))])
        }
        ImportProblem::SideControlCharacters { code } => {
            r("refusal-import-side-control-characters", vec![("code", excerpt(code))])
        }
        ImportProblem::SideTooLong { code, max } => {
            r("refusal-import-side-too-long", vec![("code", excerpt(code)), ("max", number(*max))])
        }
        ImportProblem::NotASide { code, side, sides } => r(
            "refusal-import-not-a-side",
            vec![
                ("code", excerpt(code)),
                ("side", own(side.as_str())),
                ("count", number(sides.len())),
                ("sides", own(sides.join(", "))),
            ],
        ),
        ImportProblem::CodeNameTwice { code, first } => {
            r("refusal-import-code-name-twice", vec![("code", excerpt(code)), ("first", number(*first))])
        }
        ImportProblem::TieEndEmpty { end } => r("refusal-import-tie-end-empty", vec![("end", own(end.as_str()))]),
        ImportProblem::UnknownCodeName { code } => r("refusal-import-unknown-code-name", vec![("code", excerpt(code))]),
        ImportProblem::TieToItself { code } => r("refusal-import-tie-to-itself", vec![("code", excerpt(code))]),
        ImportProblem::RefusedTie { from, to, reason } => r(
            "refusal-import-refused-tie",
            vec![("from", excerpt(from)), ("to", excerpt(to)), ("reason", Part::Said(validation(reason)))],
        ),
        ImportProblem::EmptyTable { columns } => r("refusal-import-empty-table", vec![("columns", listed(columns))]),
        ImportProblem::UnknownColumn { column, columns } => {
            r("refusal-import-unknown-column", vec![("column", excerpt(column)), ("columns", listed(columns))])
        }
        ImportProblem::ColumnTwice { column } => {
            r("refusal-import-column-twice", vec![("column", own(column.as_str()))])
        }
        ImportProblem::MissingColumns { columns } => {
            r("refusal-import-missing-columns", vec![("count", number(columns.len())), ("columns", listed(columns))])
        }
        ImportProblem::RowLength { cells, header } => {
            r("refusal-import-row-length", vec![("cells", number(*cells)), ("header", number(*header))])
        }
        ImportProblem::RowNotUtf8 => Refusal::bare("refusal-import-row-not-utf8"),
        ImportProblem::RowNotCsv => Refusal::bare("refusal-import-row-not-csv"),
        ImportProblem::ColumnMissing { column } => r("refusal-import-column-missing", vec![("column", own(*column))]),
        ImportProblem::NotANumber { column } => {
            r("refusal-import-not-a-number", vec![("column", own(column.as_str()))])
        }
        ImportProblem::ActualWithoutPeriod => Refusal::bare("refusal-import-actual-without-period"),
        ImportProblem::PeriodWithoutActual => Refusal::bare("refusal-import-period-without-actual"),
        ImportProblem::IndicatorDiffers => Refusal::bare("refusal-import-indicator-differs"),
        ImportProblem::TooManyIndicators { most } => {
            r("refusal-import-too-many-indicators", vec![("most", number(*most))])
        }
        ImportProblem::PeriodTwice => Refusal::bare("refusal-import-period-twice"),
        ImportProblem::NoIndicator => Refusal::bare("refusal-import-no-indicator"),
        ImportProblem::FileNotUtf8 => Refusal::bare("refusal-import-file-not-utf8"),
        ImportProblem::CellCount { cells, header } => {
            r("refusal-import-cell-count", vec![("cells", number(*cells)), ("header", number(*header))])
        }
        ImportProblem::NotCsv => Refusal::bare("refusal-import-not-csv"),
        ImportProblem::NotALanguageColumn { column } => {
            r("refusal-import-not-a-language-column", vec![("column", number(*column))])
        }
        ImportProblem::LanguageTwice { language } => {
            r("refusal-import-language-twice", vec![("language", own(language.as_str()))])
        }
        ImportProblem::NotAStatementNumber => Refusal::bare("refusal-import-not-a-statement-number"),
        ImportProblem::StatementTwice { statement } => {
            r("refusal-import-statement-twice", vec![("statement", number(*statement))])
        }
        ImportProblem::NoStatement => Refusal::bare("refusal-import-no-statement"),
        ImportProblem::StatementNotInConversation { statement } => {
            r("refusal-import-statement-not-in-conversation", vec![("statement", number(*statement))])
        }
        ImportProblem::SecondRoot => Refusal::bare("refusal-import-second-root"),
        ImportProblem::TooDeep { most } => r("refusal-import-too-deep", vec![("most", number(*most))]),
        ImportProblem::TextOutsideRoot => Refusal::bare("refusal-import-text-outside-root"),
        ImportProblem::CdataOutsideRoot => Refusal::bare("refusal-import-cdata-outside-root"),
        ImportProblem::UnknownEntity => Refusal::bare("refusal-import-unknown-entity"),
        ImportProblem::InvalidCharacterReference => Refusal::bare("refusal-import-invalid-character-reference"),
        ImportProblem::ReferenceOutsideRoot => Refusal::bare("refusal-import-reference-outside-root"),
        ImportProblem::Unclosed { element, line } => {
            r("refusal-import-unclosed", vec![("element", own(element.as_str())), ("line", number(*line))])
        }
        ImportProblem::NoRoot => Refusal::bare("refusal-import-no-root"),
        ImportProblem::MalformedXml { fault } => {
            r("refusal-import-malformed-xml", vec![("fault", Part::Said(Refusal::bare(xml_fault(*fault))))])
        }
        ImportProblem::NotGexf { root } => not_the_format("GEXF", root, "gexf"),
        ImportProblem::NotGraphml { root } => not_the_format("GraphML", root, "graphml"),
        ImportProblem::GexfWithoutGraph => without_graph("gexf"),
        ImportProblem::GraphmlWithoutGraph => without_graph("graphml"),
        ImportProblem::AttributeWithoutId => {
            r("refusal-import-attribute-without-id", vec![("element", own("attribute")), ("id", own("id"))])
        }
        ImportProblem::KeyWithoutId => r("refusal-import-without-id", vec![("element", own("key")), ("id", own("id"))]),
        ImportProblem::NodeWithoutId => {
            r("refusal-import-without-id", vec![("element", own("node")), ("id", own("id"))])
        }
        ImportProblem::EdgeWithoutEnd { end } => {
            r("refusal-import-edge-without-end", vec![("element", own("edge")), ("end", own(*end))])
        }
        ImportProblem::AttvalueWithoutAttribute => {
            r("refusal-import-attvalue-without-attribute", vec![("element", own("attvalue"))])
        }
        ImportProblem::DataWithoutKey => r("refusal-import-data-without-key", vec![("element", own("data"))]),
        ImportProblem::KeyIdTwice { id } => r("refusal-import-key-id-twice", vec![("id", excerpt(id))]),
        ImportProblem::NodeIdTwice { id, first } => {
            r("refusal-import-node-id-twice", vec![("id", excerpt(id)), ("first", number(*first))])
        }
        ImportProblem::NotAnEdgeDefault { field, value } => r(
            "refusal-import-not-an-edge-default",
            vec![
                ("field", own(field.as_str())),
                ("value", excerpt(value)),
                ("directed", own("directed")),
                ("undirected", own("undirected")),
            ],
        ),
        ImportProblem::DayTooLate { field } => r("refusal-import-day-too-late", vec![("field", own(field.as_str()))]),
        ImportProblem::ValueTwice { owner: o, key } => {
            r("refusal-import-value-twice", vec![("owner", owner(o)), ("key", own(key.as_str()))])
        }
        ImportProblem::NoValue { owner: o, key } => {
            r("refusal-import-no-value", vec![("owner", owner(o)), ("key", own(key.as_str()))])
        }
        ImportProblem::NoTieKind { owner: o } => r(
            "refusal-import-no-tie-kind",
            vec![
                ("owner", owner(o)),
                ("map", own("--field tie-kind=ATTRIBUTE")),
                ("give", own("--value tie-kind:=colleague")),
            ],
        ),
        ImportProblem::MappingNotApplicable => Refusal::bare("refusal-import-mapping-not-applicable"),
        ImportProblem::MalformedJson { fault } => {
            r("refusal-import-malformed-json", vec![("fault", json_fault(fault))])
        }
        ImportProblem::NotAnObject { owner: o } => r("refusal-import-not-an-object", vec![("owner", owner(o))]),
        ImportProblem::KeyTwice { owner: o, key } => {
            r("refusal-import-key-twice", vec![("owner", owner(o)), ("key", excerpt(key))])
        }
        ImportProblem::ValueUnreadable => Refusal::bare("refusal-import-value-unreadable"),
        ImportProblem::NotABlueprint => r(
            "refusal-import-not-a-blueprint",
            vec![("elements", own("elements")), ("connections", own("connections"))],
        ),
        ImportProblem::NotAList { key } => r("refusal-import-not-a-list", vec![("key", own(*key))]),
        ImportProblem::KeyUnreadable { key, owner: o } => {
            r("refusal-import-key-unreadable", vec![("key", own(key.as_str())), ("owner", owner(o))])
        }
        ImportProblem::NotText { key, owner: o } => {
            r("refusal-import-not-text", vec![("key", own(key.as_str())), ("owner", owner(o))])
        }
        ImportProblem::MissingKey { owner: o, key } => {
            r("refusal-import-missing-key", vec![("owner", owner(o)), ("key", own(key.as_str()))])
        }
        ImportProblem::TracksNotListed { owner: o } => {
            r("refusal-import-tracks-not-listed", vec![("key", own("tracks")), ("owner", owner(o))])
        }
    }
}

/// A file whose root element is not its format's: the names of the format and its elements are
/// the file's words, not ours.
fn not_the_format(format: &str, root: &Excerpt, expected: &str) -> Refusal {
    Refusal::new(
        "refusal-import-not-the-format",
        vec![("format", own(format)), ("root", own(root.as_str())), ("expected", own(expected))],
    )
}

fn without_graph(root: &str) -> Refusal {
    Refusal::new("refusal-import-without-graph", vec![("root", own(root)), ("graph", own("graph"))])
}

/// The node, edge, element or connection a problem names, said in the reader's language.
fn owner(owner: &Owner) -> Part {
    let r = Refusal::new;
    let excerpt = |value: &Excerpt| own(value.as_str());
    Part::Said(match owner {
        Owner::Node { id } => r("refusal-import-owner-node", vec![("id", excerpt(id))]),
        Owner::Edge { from, to } => r("refusal-import-owner-edge", vec![("from", excerpt(from)), ("to", excerpt(to))]),
        Owner::Blueprint => Refusal::bare("refusal-import-owner-blueprint"),
        Owner::AnElement => Refusal::bare("refusal-import-owner-an-element"),
        Owner::Element { code } => r("refusal-import-owner-element", vec![("code", excerpt(code))]),
        Owner::AConnection => Refusal::bare("refusal-import-owner-a-connection"),
        Owner::Connection { from, to } => {
            r("refusal-import-owner-connection", vec![("from", excerpt(from)), ("to", excerpt(to))])
        }
    })
}

/// The message of a kind of XML syntax error.
fn xml_fault(fault: XmlFault) -> &'static str {
    match fault {
        XmlFault::UnknownMarkup => "refusal-import-xml-unknown-markup",
        XmlFault::UnclosedProcessingInstruction => "refusal-import-xml-unclosed-processing-instruction",
        XmlFault::UnclosedDeclaration => "refusal-import-xml-unclosed-declaration",
        XmlFault::UnclosedComment => "refusal-import-xml-unclosed-comment",
        XmlFault::UnclosedDoctype => "refusal-import-xml-unclosed-doctype",
        XmlFault::UnclosedCdata => "refusal-import-xml-unclosed-cdata",
        XmlFault::UnclosedTag => "refusal-import-xml-unclosed-tag",
        XmlFault::UnclosedAttributeValue => "refusal-import-xml-unclosed-attribute-value",
        XmlFault::MismatchedEndTag => "refusal-import-xml-mismatched-end-tag",
        XmlFault::UnmatchedEndTag => "refusal-import-xml-unmatched-end-tag",
        XmlFault::UnclosedReference => "refusal-import-xml-unclosed-reference",
        XmlFault::NotWellFormed => "refusal-import-xml-not-well-formed",
        XmlFault::AttributeWithoutEquals => "refusal-import-xml-attribute-without-equals",
        XmlFault::AttributeWithoutValue => "refusal-import-xml-attribute-without-value",
        XmlFault::UnquotedAttributeValue => "refusal-import-xml-unquoted-attribute-value",
        XmlFault::AttributeTwice => "refusal-import-xml-attribute-twice",
        XmlFault::BrokenReference => "refusal-import-xml-broken-reference",
        XmlFault::Unreadable => "refusal-import-xml-unreadable",
    }
}

/// A kind of JSON syntax error in the reader's language; serde_json's own words for a kind
/// without a variant, marked as English.
fn json_fault(fault: &JsonFault) -> Part {
    let id = match fault {
        JsonFault::EndInList => "refusal-import-json-end-in-list",
        JsonFault::EndInObject => "refusal-import-json-end-in-object",
        JsonFault::EndInString => "refusal-import-json-end-in-string",
        JsonFault::EndInValue => "refusal-import-json-end-in-value",
        JsonFault::ExpectedValue => "refusal-import-json-expected-value",
        JsonFault::ExpectedCommaOrBracket => "refusal-import-json-expected-comma-or-bracket",
        JsonFault::ExpectedCommaOrBrace => "refusal-import-json-expected-comma-or-brace",
        JsonFault::ExpectedColon => "refusal-import-json-expected-colon",
        JsonFault::ExpectedIdent => "refusal-import-json-expected-ident",
        JsonFault::KeyNotAString => "refusal-import-json-key-not-a-string",
        JsonFault::TrailingComma => "refusal-import-json-trailing-comma",
        JsonFault::TrailingCharacters => "refusal-import-json-trailing-characters",
        JsonFault::InvalidEscape => "refusal-import-json-invalid-escape",
        JsonFault::InvalidNumber => "refusal-import-json-invalid-number",
        JsonFault::NumberOutOfRange => "refusal-import-json-number-out-of-range",
        JsonFault::InvalidCodePoint => "refusal-import-json-invalid-code-point",
        JsonFault::ControlCharacter => "refusal-import-json-control-character",
        JsonFault::TooDeep => "refusal-import-json-too-deep",
        JsonFault::Other { said } => return english(said.as_str()),
    };
    said(id)
}

fn import_record(record: &ImportRecord) -> Refusal {
    let r = Refusal::new;
    match record {
        ImportRecord::Line { file, line } => {
            r("refusal-import-line", vec![("file", own(file.as_str())), ("line", number(*line))])
        }
        ImportRecord::Actor { number: n, code_name } => {
            r("refusal-import-actor", vec![("number", number(*n)), ("code", own(code_name.as_str()))])
        }
        ImportRecord::Tie { number: n, from, to } => r(
            "refusal-import-tie",
            vec![("number", number(*n)), ("from", own(from.as_str())), ("to", own(to.as_str()))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use tracktwo_app::UnauthenticRow;
    use tracktwo_domain::negotiating_text::{ClauseId, PartId};
    use tracktwo_domain::scrub::{Found, NameKind};
    use tracktwo_test_support::{outside_pseudo_brackets, own_words};

    use super::*;

    fn validations() -> Vec<ValidationError> {
        vec![
            ValidationError::Empty { field: "title" },
            ValidationError::TooLong { field: "title", max: 300 },
            ValidationError::TooShort { field: "password", min: 12 },
            ValidationError::ControlCharacters { field: "username" },
            ValidationError::UnknownValue { field: "track", value: "10".into() },
            ValidationError::Invalid { field: "round", reason: "is closed" },
        ]
    }

    fn stores() -> Vec<StoreError> {
        vec![
            StoreError::Unavailable("connection refused".into()),
            StoreError::NotATracktwoStore("the database file is corrupt".into()),
            StoreError::NewerVersion { found: 12, supported: 11 },
            StoreError::DataDir { path: "/srv/tracktwo".into(), reason: "permission denied".into() },
            StoreError::Conflict(Unique::Username),
            StoreError::Conflict(Unique::Member),
            StoreError::Conflict(Unique::Key),
            StoreError::Uninitialised,
            StoreError::Backend("disk full".into()),
            StoreError::Tampered(UnauthenticRow { table: "users", key: "1f".into() }),
        ]
    }

    fn drafts() -> Vec<DraftError> {
        let mut drafts: Vec<DraftError> = validations().into_iter().map(DraftError::Invalid).collect();
        drafts.extend([
            DraftError::DuplicatePart(PartId(2)),
            DraftError::DuplicateClause(ClauseId(12)),
            DraftError::Clause(ClauseId(3), ValidationError::Empty { field: "clause text" }),
        ]);
        drafts
    }

    fn notations() -> Vec<NotationError> {
        vec![
            NotationError::Unclosed { at: 4 },
            NotationError::Unopened { at: 4 },
            NotationError::Nested { at: 4 },
            NotationError::EmptyBracket { at: 4 },
            NotationError::BarOutsideBrackets { at: 4 },
        ]
    }

    fn mapping_errors() -> Vec<MappingError> {
        vec![
            MappingError::UnknownField { given: Excerpt::of("sector") },
            MappingError::NoAttribute { field: Field::Track },
            MappingError::FieldTwice { field: Field::Track },
            MappingError::ValueTwice { field: Field::Track, value: Excerpt::of("Gov") },
            MappingError::NotAFieldArgument { given: Excerpt::of("track") },
            MappingError::NotAValueArgument { given: Excerpt::of("track=Gov") },
        ]
    }

    fn owners() -> Vec<Owner> {
        let code = |code: &str| Excerpt::of(code);
        vec![
            Owner::Node { id: code("UV-01") },
            Owner::Edge { from: code("UV-01"), to: code("LC-02") },
            Owner::Blueprint,
            Owner::AnElement,
            Owner::Element { code: code("UV-01") },
            Owner::AConnection,
            Owner::Connection { from: code("UV-01"), to: code("LC-02") },
        ]
    }

    fn xml_faults() -> Vec<XmlFault> {
        vec![
            XmlFault::UnknownMarkup,
            XmlFault::UnclosedProcessingInstruction,
            XmlFault::UnclosedDeclaration,
            XmlFault::UnclosedComment,
            XmlFault::UnclosedDoctype,
            XmlFault::UnclosedCdata,
            XmlFault::UnclosedTag,
            XmlFault::UnclosedAttributeValue,
            XmlFault::MismatchedEndTag,
            XmlFault::UnmatchedEndTag,
            XmlFault::UnclosedReference,
            XmlFault::NotWellFormed,
            XmlFault::AttributeWithoutEquals,
            XmlFault::AttributeWithoutValue,
            XmlFault::UnquotedAttributeValue,
            XmlFault::AttributeTwice,
            XmlFault::BrokenReference,
            XmlFault::Unreadable,
        ]
    }

    fn json_faults() -> Vec<JsonFault> {
        vec![
            JsonFault::EndInList,
            JsonFault::EndInObject,
            JsonFault::EndInString,
            JsonFault::EndInValue,
            JsonFault::ExpectedValue,
            JsonFault::ExpectedCommaOrBracket,
            JsonFault::ExpectedCommaOrBrace,
            JsonFault::ExpectedColon,
            JsonFault::ExpectedIdent,
            JsonFault::KeyNotAString,
            JsonFault::TrailingComma,
            JsonFault::TrailingCharacters,
            JsonFault::InvalidEscape,
            JsonFault::InvalidNumber,
            JsonFault::NumberOutOfRange,
            JsonFault::InvalidCodePoint,
            JsonFault::ControlCharacter,
            JsonFault::TooDeep,
            JsonFault::Other { said: "unexpected end of hex escape".into() },
        ]
    }

    /// One value of every problem of a GEXF, GraphML or Kumu file's structure or syntax, and of a
    /// Pol.is export's.
    fn structure_problems() -> Vec<ImportProblem> {
        let mut problems = vec![
            ImportProblem::NotGexf { root: Excerpt::of("graphml") },
            ImportProblem::NotGraphml { root: Excerpt::of("gexf") },
            ImportProblem::GexfWithoutGraph,
            ImportProblem::GraphmlWithoutGraph,
            ImportProblem::AttributeWithoutId,
            ImportProblem::KeyWithoutId,
            ImportProblem::NodeWithoutId,
            ImportProblem::EdgeWithoutEnd { end: "source" },
            ImportProblem::EdgeWithoutEnd { end: "target" },
            ImportProblem::AttvalueWithoutAttribute,
            ImportProblem::DataWithoutKey,
            ImportProblem::KeyIdTwice { id: Excerpt::of("d0") },
            ImportProblem::NodeIdTwice { id: Excerpt::of("UV-01"), first: 11 },
            ImportProblem::NotAnEdgeDefault { field: "edgedefault".into(), value: Excerpt::of("both") },
            ImportProblem::DayTooLate { field: "end".into() },
            ImportProblem::MappingNotApplicable,
            ImportProblem::ValueUnreadable,
            ImportProblem::NotABlueprint,
            ImportProblem::NotAList { key: "elements" },
        ];
        for owner in owners() {
            problems.extend([
                ImportProblem::ValueTwice { owner: owner.clone(), key: "kind".into() },
                ImportProblem::NoValue { owner: owner.clone(), key: "weight".into() },
                ImportProblem::NoTieKind { owner: owner.clone() },
                ImportProblem::NotAnObject { owner: owner.clone() },
                ImportProblem::KeyTwice { owner: owner.clone(), key: Excerpt::of("name") },
                ImportProblem::KeyUnreadable { key: "level".into(), owner: owner.clone() },
                ImportProblem::NotText { key: "name".into(), owner: owner.clone() },
                ImportProblem::MissingKey { owner: owner.clone(), key: "level".into() },
                ImportProblem::TracksNotListed { owner },
            ]);
        }
        problems.extend(xml_faults().into_iter().map(|fault| ImportProblem::MalformedXml { fault }));
        problems.extend(json_faults().into_iter().map(|fault| ImportProblem::MalformedJson { fault }));
        problems
    }

    /// One value of every problem of a file, and of every validation inside one.
    fn import_problems() -> Vec<ImportProblem> {
        use tracktwo_interchange::{TieEnd, TrackScheme};
        let field = || "primary_track".to_owned();
        let value = || Excerpt::of("10");
        let code = || Excerpt::of("UV-01");
        let scheme = TrackScheme::parse("nine").unwrap_err();
        let mut problems = vec![
            ImportProblem::EmptyValue { field: field() },
            ImportProblem::UnknownValue { field: "level".into(), value: value(), what: "level" },
            ImportProblem::TrackNumberWithoutScheme { field: field(), value: value() },
            ImportProblem::NotATrackOfScheme { field: field(), value: value(), scheme: TrackScheme::Five },
            ImportProblem::UnknownTrack { field: field(), value: value() },
            ImportProblem::UnknownTieKind { field: "kind".into(), value: Excerpt::of("enemy") },
            ImportProblem::NeitherYesNorNo { field: "decision_maker".into(), value: Excerpt::of("maybe") },
            ImportProblem::NotAStrength { field: "strength".into(), value: Excerpt::of("strong") },
            ImportProblem::NotADay { field: "valid_from".into(), value: Excerpt::of("9/3/2025") },
            ImportProblem::NotAnActorType { field: "type".into(), value: Excerpt::of("Group") },
            ImportProblem::NotADirection { field: "direction".into(), value: Excerpt::of("both") },
            ImportProblem::UnknownTrackScheme { field: "track_scheme".into(), error: scheme },
            ImportProblem::SchemeDisagrees { declared: TrackScheme::Imtd9, given: TrackScheme::Five },
            ImportProblem::SideControlCharacters { code: code() },
            ImportProblem::SideTooLong { code: code(), max: 300 },
            ImportProblem::NotASide { code: code(), side: "Lowland Coast".into(), sides: vec![] },
            ImportProblem::NotASide { code: code(), side: "Lowland Coast".into(), sides: vec!["Upper Vale".into()] },
            ImportProblem::CodeNameTwice { code: code(), first: 2 },
            ImportProblem::TieEndEmpty { end: TieEnd::From },
            ImportProblem::TieEndEmpty { end: TieEnd::To },
            ImportProblem::UnknownCodeName { code: code() },
            ImportProblem::TieToItself { code: code() },
            ImportProblem::EmptyTable { columns: vec!["code", "kind"] },
            ImportProblem::UnknownColumn { column: Excerpt::of("colour"), columns: vec!["code", "kind"] },
            ImportProblem::ColumnTwice { column: "code".into() },
            ImportProblem::MissingColumns { columns: vec!["code"] },
            ImportProblem::MissingColumns { columns: vec!["code", "kind"] },
            ImportProblem::RowLength { cells: 3, header: 12 },
            ImportProblem::RowNotUtf8,
            ImportProblem::RowNotCsv,
            ImportProblem::NotASideHere { side: "Lowland Coast".into() },
            ImportProblem::CodeNameOnMap,
            ImportProblem::NoActorWithCode { code: "UV-09".into() },
            ImportProblem::ColumnMissing { column: "baseline" },
            ImportProblem::NotANumber { column: "target".into() },
            ImportProblem::ActualWithoutPeriod,
            ImportProblem::PeriodWithoutActual,
            ImportProblem::IndicatorDiffers,
            ImportProblem::TooManyIndicators { most: 200 },
            ImportProblem::PeriodTwice,
            ImportProblem::NoIndicator,
            ImportProblem::FileNotUtf8,
            ImportProblem::CellCount { cells: 2, header: 11 },
            ImportProblem::NotCsv,
            ImportProblem::NotALanguageColumn { column: 4 },
            ImportProblem::LanguageTwice { language: "ar".into() },
            ImportProblem::NotAStatementNumber,
            ImportProblem::StatementTwice { statement: 7 },
            ImportProblem::NoStatement,
            ImportProblem::StatementNotInConversation { statement: 9 },
            ImportProblem::SecondRoot,
            ImportProblem::TooDeep { most: 64 },
            ImportProblem::TextOutsideRoot,
            ImportProblem::CdataOutsideRoot,
            ImportProblem::UnknownEntity,
            ImportProblem::InvalidCharacterReference,
            ImportProblem::ReferenceOutsideRoot,
            ImportProblem::Unclosed { element: "graph".into(), line: 3 },
            ImportProblem::NoRoot,
        ];
        problems.extend(structure_problems());
        for reason in validations() {
            problems.push(ImportProblem::RefusedValue { field: field(), reason: reason.clone() });
            problems.push(ImportProblem::Refused(reason.clone()));
            problems.push(ImportProblem::RefusedActor { code: code(), reason: reason.clone() });
            problems.push(ImportProblem::RefusedTie { from: code(), to: Excerpt::of("LC-02"), reason });
        }
        problems
    }

    /// One value of every variant, and of every variant of what each carries.
    fn every_refusal() -> Vec<Refusal> {
        let mut errors = vec![
            AppError::NotFound,
            AppError::NamesInNote(vec![Found { start: 0, end: 4, kind: NameKind::Person }]),
            AppError::ConsentNotRecorded,
            AppError::RefusedCode(vec![0, 2]),
            AppError::Unauthenticated,
            AppError::RateLimited { seconds: 30 },
            AppError::SignInRefused,
            AppError::WrongCode,
            AppError::WrongKey,
            AppError::AlreadyInitialised,
            AppError::Uninitialised,
            AppError::WrongKeyKind { expected: "passphrase" },
            AppError::WrongKeyKind { expected: "key file" },
            AppError::Tampered,
            AppError::OutcomeRefused(WorkflowError::NotIndependent),
            AppError::OutcomeRefused(WorkflowError::NotSubstantiated),
            AppError::OutcomeRefused(WorkflowError::NotYetSubstantiated),
            AppError::OutcomeRefused(WorkflowError::AlreadyReported),
            AppError::OutcomeRefused(WorkflowError::NotTheNextStep),
            AppError::AnswerRefused(AnswerRefusal::NotOpen),
            AppError::AnswerRefused(AnswerRefusal::AlreadyAnswered),
            AppError::AnswerRefused(AnswerRefusal::Answers(AnswerError::Missing("T1"))),
            AppError::AnswerRefused(AnswerRefusal::Answers(AnswerError::NotAsked("T9".into()))),
            AppError::AnswerRefused(AnswerRefusal::Answers(AnswerError::OutOfRange("T1"))),
            AppError::JoinRefused(JoinRefusal::LinkFull { cap: 40 }),
            AppError::JoinRefused(JoinRefusal::AddressLimit { limit: 3 }),
        ];
        // Each refusal of the policy is checked where the policy may be named: the web crate's
        // integration tests (`tests/it/refusals.rs`).
        errors.extend(validations().into_iter().map(AppError::Invalid));
        errors.extend(conflicts().into_iter().map(AppError::Conflict));
        errors.extend(archives().into_iter().map(AppError::Archive));
        errors.extend(polis_imports().into_iter().map(AppError::from));
        errors.extend(
            [
                CryptoError::KeyFileTooShort { found: 8 },
                CryptoError::EmptyPassphrase,
                CryptoError::InvalidKdfParams("memory cost too high".into()),
                CryptoError::Unauthentic,
                CryptoError::Malformed,
            ]
            .into_iter()
            .map(AppError::Key),
        );
        errors.extend(
            [
                ImportRecord::Line { file: "actors.csv".into(), line: 12 },
                ImportRecord::Actor { number: 2, code_name: "UV-01".into() },
                ImportRecord::Tie { number: 5, from: "UV-01".into(), to: "LC-02".into() },
            ]
            .into_iter()
            .map(|record| AppError::Import {
                record,
                problem: Box::new(ImportProblem::UnknownTrack {
                    field: "primary_track".into(),
                    value: Excerpt::of("10"),
                }),
            }),
        );
        errors.extend(
            [
                Outward::Consultation,
                Outward::PolisImport,
                Outward::InvitationLinks,
                Outward::PublicReadout,
                Outward::AnswerCards,
            ]
            .into_iter()
            .map(AppError::SecretChannel),
        );
        errors.extend(stores().into_iter().map(AppError::Store));
        errors.extend(stores().into_iter().map(AppError::NotErased));
        let mut texts: Vec<TextRefusal> = drafts().into_iter().map(TextRefusal::Draft).collect();
        texts.extend(drafts().into_iter().map(|e| TextRefusal::Commit(CommitError::Draft(e))));
        texts.extend(
            [CommitError::NothingToTranslate, CommitError::UnknownSource(ClauseId(4)), CommitError::Unchanged(3)]
                .into_iter()
                .map(TextRefusal::Commit),
        );
        texts.extend(
            [
                SignOffError::NoVersion,
                SignOffError::NotLatest { signed: 2, latest: 3 },
                SignOffError::HashMismatch(3),
                SignOffError::Unsettled { brackets: 2, alternatives: 1 },
                SignOffError::SideNotNeeded,
                SignOffError::NotASignatory,
                SignOffError::AlreadySigned,
            ]
            .into_iter()
            .map(TextRefusal::SignOff),
        );
        texts.extend(notations().into_iter().map(|error| TextRefusal::Notation { clause: ClauseId(7), error }));
        texts.extend([
            TextRefusal::NoSuchClause(ClauseId(9)),
            TextRefusal::NoSuchVersion(4),
            TextRefusal::NoSuchLanguage,
            TextRefusal::SignatoryNotOfSide,
            TextRefusal::NoSide,
            TextRefusal::ReplyElsewhere,
            TextRefusal::AlreadyAnswered,
            TextRefusal::NothingToCommentOn,
            TextRefusal::NotSettled { version: 3, brackets: 1, alternatives: 0 },
            TextRefusal::NothingToCompare,
        ]);
        errors.extend(texts.into_iter().map(AppError::TextRefused));

        let mut refusals: Vec<Refusal> = errors.iter().map(Refusal::of).collect();
        let mut problems = vec![
            PlainProblem::Unreadable,
            PlainProblem::NothingToContinue,
            PlainProblem::TitleTwice,
            PlainProblem::PreambleTwice,
            PlainProblem::NoTitle,
            PlainProblem::NoPart,
            PlainProblem::PartTwice(PartId(1)),
            PlainProblem::ClauseTwice(ClauseId(1)),
            PlainProblem::FieldTwice("renders"),
            PlainProblem::WordsAndAlternatives,
            PlainProblem::NoWords,
            PlainProblem::UnknownAlternative("C".into()),
            PlainProblem::AdReferendumAlternatives,
            PlainProblem::BadHash,
        ];
        problems.extend(notations().into_iter().map(PlainProblem::Notation));
        problems.extend(drafts().into_iter().map(PlainProblem::Draft));
        refusals.extend(problems.into_iter().map(|problem| Refusal::of_plain(&PlainError { line: 4, problem })));
        refusals.extend(
            [
                tracktwo_ocr::OcrError::NotInstalled,
                tracktwo_ocr::OcrError::NoEnglishData,
                tracktwo_ocr::OcrError::PdfReaderNotInstalled,
                tracktwo_ocr::OcrError::NotAPage,
                tracktwo_ocr::OcrError::TooLarge { size: 9_000_000, limit: 8_388_608 },
                tracktwo_ocr::OcrError::TooManyPixels { width: 9000, height: 9000, limit: 40_000_000 },
                tracktwo_ocr::OcrError::TimedOut(std::time::Duration::from_secs(60)),
                tracktwo_ocr::OcrError::ProgramFailed { program: "tesseract", status: "exit status: 1".into() },
                tracktwo_ocr::OcrError::NoText,
                tracktwo_ocr::OcrError::TempFolder(std::io::Error::other("no space left")),
            ]
            .iter()
            .map(Refusal::of_ocr),
        );
        refusals.extend(mapping_errors().iter().map(Refusal::of_mapping));
        refusals.extend(import_problems().into_iter().map(|problem| {
            Refusal::of_import(&tracktwo_interchange::ImportError { file: "actors.csv".into(), line: 3, problem })
        }));
        refusals.push(Refusal::of_document(&DocumentError::NoFont(vec![tracktwo_render::MissingScript {
            script: "Han".into(),
            characters: 3,
        }])));
        refusals.push(Refusal::of_document(&DocumentError::Failed(tracktwo_render::RenderError::Typesetting {
            errors: 2,
        })));
        refusals
    }

    #[test]
    fn every_refusal_is_a_message_of_every_language() {
        let refusals = every_refusal();
        assert!(refusals.len() >= 150, "{}", refusals.len());
        for refusal in &refusals {
            for id in refusal.message_ids() {
                assert!(has_message(id), "{id} has no message (in {refusal:?})");
            }
            for locale in Locale::ALL {
                let said = refusal.text(locale);
                assert!(!said.contains("refusal-"), "{locale:?}: {said}");
                assert!(!said.contains(PLACE_OPEN) && !said.contains(PLACE_CLOSE), "{locale:?}: {said:?}");
            }
        }
        // Every kind of refusal is said: no two of the application's have the same message.
        let said: BTreeSet<String> = refusals.iter().map(|r| r.message_ids().join(" ")).collect();
        assert!(said.len() > 120, "{}", said.len());
    }

    /// A file's structure and syntax problems, with every owner and every kind of syntax error:
    /// in Arabic and the pseudo-locales no English word of ours is left, only the file's words
    /// (set apart) and the names of formats.
    #[test]
    fn a_files_structure_is_said_with_no_english_left() {
        fn outside_isolates(said: &str) -> String {
            let (mut out, mut depth) = (String::new(), 0usize);
            for c in said.chars() {
                match c {
                    ISOLATE_OPEN => depth += 1,
                    ISOLATE_CLOSE => depth = depth.saturating_sub(1),
                    c if depth == 0 => out.push(c),
                    _ => {}
                }
            }
            out
        }
        let structural = structure_problems();
        // The names of formats, and XML's way of writing `&`.
        let formats = ["XML", "JSON", "GEXF", "GraphML", "Kumu", "CSV", "Pol.is", "&amp;"];
        for problem in &structural {
            let refusal = Refusal::of_import(&tracktwo_interchange::ImportError {
                file: "map.gexf".into(),
                line: 7,
                problem: problem.clone(),
            });
            let english = outside_isolates(&refusal.text(Locale::English));
            let english_words: Vec<&str> =
                english.split(|c: char| !c.is_ascii_alphabetic()).filter(|word| word.len() > 2).collect();
            let mut arabic = outside_isolates(&refusal.text(Locale::Arabic));
            assert!(arabic.contains('٧'), "{arabic}");
            for name in formats {
                arabic = arabic.replace(name, "");
            }
            assert!(!arabic.chars().any(|c| c.is_ascii_alphabetic()), "{problem:?}: {arabic}");
            for locale in [Locale::PseudoAccented, Locale::PseudoRightToLeft] {
                let said = outside_isolates(&refusal.text(locale));
                for word in &english_words {
                    assert!(!said.contains(word), "{problem:?} {locale:?}: `{word}` in {said}");
                }
            }
        }
    }

    #[test]
    fn english_is_what_the_application_says() {
        let mut errors = vec![
            AppError::Invalid(ValidationError::Invalid { field: "round", reason: "is closed" }),
            AppError::Invalid(ValidationError::TooShort { field: "password", min: 12 }),
            AppError::TextRefused(TextRefusal::SignOff(SignOffError::NotLatest { signed: 2, latest: 3 })),
        ];
        // A file's problem reads in English as the interchange says it, to the byte.
        errors.extend(import_problems().into_iter().map(|problem| AppError::Import {
            record: ImportRecord::Line { file: "actors.csv".into(), line: 12 },
            problem: Box::new(problem),
        }));
        errors.extend(conflicts().into_iter().map(AppError::Conflict));
        errors.extend(archives().into_iter().map(AppError::Archive));
        errors.extend(stores().into_iter().filter(|e| matches!(e, StoreError::Conflict(_))).map(AppError::Store));
        // A Pol.is export's problems read as the reader of the files says them, but for what the
        // CSV reader or the system found (said in sentences of their own) and counts with digits
        // grouped.
        errors.extend(
            polis_imports()
                .into_iter()
                .filter(|e| {
                    !matches!(
                        e,
                        PolisImportError::File(PolisError { problem: PolisProblem::Csv(_), .. })
                            | PolisImportError::File(PolisError { problem: PolisProblem::Engine(_), .. })
                            | PolisImportError::File(PolisError { problem: PolisProblem::Io(_), .. })
                            | PolisImportError::StatementLength { .. }
                    )
                })
                .map(AppError::from),
        );
        for error in errors {
            let said = Refusal::of(&error).text(Locale::English).replace([ISOLATE_OPEN, ISOLATE_CLOSE], "");
            assert_eq!(said, error.to_string());
        }
        for error in mapping_errors() {
            let said = Refusal::of_mapping(&error).text(Locale::English).replace([ISOLATE_OPEN, ISOLATE_CLOSE], "");
            assert_eq!(said, error.to_string());
        }
    }

    #[test]
    fn a_refusal_is_said_in_the_readers_language_and_digits() {
        let refusal = Refusal::of(&AppError::Invalid(ValidationError::TooShort { field: "password", min: 12 }));
        let arabic = refusal.text(Locale::Arabic);
        assert!(arabic.contains("١٢") && !arabic.contains("password") && !arabic.contains("12"), "{arabic}");
        let french = refusal.text(Locale::French);
        assert!(french.contains("mot de passe") && french.contains("12"), "{french}");
        let accented = refusal.text(Locale::PseudoAccented);
        assert!(accented.starts_with('[') && !accented.contains("must be"), "{accented}");

        let import = Refusal::of(&AppError::Import {
            record: ImportRecord::Line { file: "actors.csv".into(), line: 12 },
            problem: Box::new(ImportProblem::UnknownTrack { field: "primary_track".into(), value: Excerpt::of("10") }),
        });
        let arabic = import.text(Locale::Arabic);
        assert!(arabic.contains("١٢") && arabic.contains("actors.csv"), "{arabic}");
        assert!(arabic.contains("ليس مسارًا معروفًا") && !arabic.contains("known track"), "{arabic}");
        let rows = Refusal::of_import(&tracktwo_interchange::ImportError {
            file: "ties.csv".into(),
            line: 4,
            problem: ImportProblem::RowLength { cells: 3, header: 12 },
        });
        let arabic = rows.text(Locale::Arabic);
        assert!(arabic.contains("٣ خلايا") && arabic.contains("١٢ خلية"), "{arabic}");
        let russian = rows.text(Locale::Russian);
        assert!(russian.contains("3 ячейки"), "{russian}");
    }

    #[test]
    fn in_html_peoples_words_are_set_apart_and_escaped() {
        let refusal = Refusal::of(&AppError::Invalid(ValidationError::UnknownValue {
            field: "track",
            value: "<b>ten</b> & more".into(),
        }));
        let html = refusal.html(Locale::French).into_string();
        assert!(html.contains("<bdi>&lt;b&gt;ten&lt;/b&gt; &amp; more</bdi>"), "{html}");
        assert!(!html.contains(ISOLATE_OPEN) && !html.contains(PLACE_OPEN), "{html:?}");
        let import = Refusal::of(&AppError::Import {
            record: ImportRecord::Line { file: "ties.json".into(), line: 2 },
            problem: Box::new(ImportProblem::MalformedJson { fault: JsonFault::Other { said: "a <b>".into() } }),
        });
        let html = import.html(Locale::Russian).into_string();
        assert!(html.contains("<bdi lang=\"en\">a &lt;b&gt;</bdi>"), "{html}");
        // A place marker typed by someone is kept as typed, not filled in.
        let typed = format!("{ISOLATE_OPEN}{PLACE_OPEN}0{PLACE_CLOSE}{ISOLATE_CLOSE}");
        let refusal =
            Refusal::of(&AppError::Invalid(ValidationError::UnknownValue { field: "track", value: typed.clone() }));
        assert!(refusal.text(Locale::English).contains(&typed));
    }

    // --- Conflicts, a backup's troubles and a Pol.is export's problems, each in its words. ---

    fn conflicts() -> Vec<Conflict> {
        vec![
            Conflict::Username,
            Conflict::ActorCodeName { code_name: "UV-01".into() },
            Conflict::DisableOwnAccount,
            Conflict::SecondFactorAlreadyOn,
            Conflict::EnrolmentNotStarted,
            Conflict::AccountDisabled,
            Conflict::QrCode,
            Conflict::Stored(Unique::Username),
            Conflict::Stored(Unique::Member),
            Conflict::Stored(Unique::Key),
        ]
    }

    fn archives() -> Vec<ArchiveError> {
        vec![
            ArchiveError::CannotWrite(std::io::Error::other("disk full")),
            ArchiveError::KeySource,
            ArchiveError::NotOurs,
            ArchiveError::DoesNotOpen,
            ArchiveError::Damaged,
            ArchiveError::MoreThanOneDocument,
            ArchiveError::Unreadable("EOF while parsing an object at line 1 column 2".into()),
            ArchiveError::WrongKind { found: "tracktwo-keyring".into(), expected: "tracktwo-backup" },
            ArchiveError::NewerFormat,
            ArchiveError::StoreNotEmpty,
            ArchiveError::KeysMissing,
            ArchiveError::DifferentStore,
            ArchiveError::CannotEncode("key must be a string".into()),
            ArchiveError::CannotAnalyse("option `seed` must be at most 2^53".into()),
            ArchiveError::VoteNotStored("the database cannot be reached: connection refused".into()),
            ArchiveError::VoteLost,
        ]
    }

    /// What the CSV reader says of a record shorter than the first, of bytes that are not UTF-8,
    /// of a failed read, and of a value it cannot decode.
    fn csv_errors() -> Vec<csv::Error> {
        let reader = |text: &'static [u8]| csv::ReaderBuilder::new().has_headers(false).from_reader(text);
        let short = reader(b"a,b\n1\n").records().nth(1).unwrap().unwrap_err();
        assert!(matches!(short.kind(), csv::ErrorKind::UnequalLengths { .. }), "{short}");
        let not_utf8 = reader(b"a,\xff\n").records().next().unwrap().unwrap_err();
        assert!(matches!(not_utf8.kind(), csv::ErrorKind::Utf8 { .. }), "{not_utf8}");
        let failed = csv::Error::from(std::io::Error::other("input/output error"));
        let undecodable = reader(b"x\n").deserialize::<(i64,)>().next().unwrap().unwrap_err();
        assert!(matches!(undecodable.kind(), csv::ErrorKind::Deserialize { .. }), "{undecodable}");
        vec![short, not_utf8, failed, undecodable]
    }

    /// One value of every problem of a Pol.is export's file, at line 12 of votes.csv.
    fn polis_files() -> Vec<PolisError> {
        let mut problems = vec![
            PolisProblem::MissingColumn("voter-id"),
            PolisProblem::NotAnInteger { column: "comment-id", value: "seven".into() },
            PolisProblem::NotACount { column: "agrees", value: -3 },
            PolisProblem::InvalidVote(5),
            PolisProblem::InvalidModeration(2),
            PolisProblem::NotACommentId("colour".into()),
            PolisProblem::MissingTimestamp,
            PolisProblem::Io(std::io::Error::other("input/output error")),
            PolisProblem::Engine(CommonGroundError::StatementIndexTooLarge { index: 70_000, max: 65_535 }),
            PolisProblem::Engine(CommonGroundError::ParticipantIndexTooLarge { index: 5_000_000, max: 4_194_303 }),
            PolisProblem::Engine(CommonGroundError::LengthMismatch { what: "flags", found: 3, expected: 4 }),
            PolisProblem::Engine(CommonGroundError::InvalidOption { option: "seed", expected: "at most 2^53" }),
        ];
        problems.extend(csv_errors().into_iter().map(PolisProblem::Csv));
        problems.into_iter().map(|problem| PolisError { file: "votes.csv".into(), line: 12, problem }).collect()
    }

    /// One value of every reason a Pol.is export is not imported.
    fn polis_imports() -> Vec<PolisImportError> {
        let mut imports: Vec<PolisImportError> = polis_files().into_iter().map(PolisImportError::File).collect();
        imports.extend([
            PolisImportError::CommentTwice { comment: 4 },
            PolisImportError::NoSuchComment { line: 12, comment: 99 },
            PolisImportError::StatementOutOfOrder { number: 3 },
            PolisImportError::StatementLength { number: 3, max: 10_000 },
            PolisImportError::NoSuchStatement { participant: 7, statement: 9 },
        ]);
        imports
    }

    /// Every refusal of a conflict, a backup's trouble or a Pol.is export's problem, the store's
    /// conflicts and a Pol.is file said on its own (as the command line says it) with them.
    fn typed_refusals() -> Vec<Refusal> {
        let mut errors: Vec<AppError> = conflicts().into_iter().map(AppError::Conflict).collect();
        errors.extend(archives().into_iter().map(AppError::Archive));
        errors.extend(polis_imports().into_iter().map(AppError::from));
        errors.extend(stores().into_iter().filter(|e| matches!(e, StoreError::Conflict(_))).map(AppError::Store));
        let mut refusals: Vec<Refusal> = errors.iter().map(Refusal::of).collect();
        refusals.extend(polis_files().iter().map(Refusal::of_polis));
        refusals
    }

    /// The words of Latin letters in `text`, two letters or more, the program's and Pol.is' names
    /// aside.
    fn latin_words(text: &str) -> Vec<String> {
        let text = text.replace("tracktwo", " ").replace("Pol.is", " ");
        text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 1).map(str::to_owned).collect()
    }

    #[test]
    fn conflicts_backups_and_polis_imports_leave_no_english_in_another_language() {
        let refusals = typed_refusals();
        assert!(refusals.len() > 60, "{}", refusals.len());
        let mut kinds = BTreeSet::new();
        for refusal in &refusals {
            kinds.insert(refusal.message_ids().join(" "));
            let english = own_words(&refusal.html(Locale::English).into_string());
            let sentence: Vec<String> = latin_words(&english)
                .into_iter()
                .filter(|w| w.len() > 2 && w.chars().any(|c| c.is_ascii_lowercase()))
                .collect();
            // Not blind: the English says words of its own, besides what it was given.
            assert!(!sentence.is_empty(), "{english}");
            for locale in [Locale::Arabic, Locale::Russian] {
                let html = refusal.html(locale).into_string();
                let left = latin_words(&own_words(&html));
                // Upper-case abbreviations (CSV, UTF, QR) are not English sentences.
                let left: Vec<&String> = left.iter().filter(|w| w.chars().any(|c| c.is_ascii_lowercase())).collect();
                assert!(left.is_empty(), "{locale:?}: English {left:?} in {html}");
            }
            for locale in [Locale::PseudoAccented, Locale::PseudoRightToLeft] {
                let html = refusal.html(locale).into_string();
                let words = own_words(&html);
                // The pseudo-locale's brackets cover the sentence's words (each stretch between
                // arguments): nothing of its own outside them but figures and punctuation.
                let outside = outside_pseudo_brackets(&words);
                assert!(words.starts_with('['), "{locale:?}: {html}");
                assert!(!outside.chars().any(char::is_alphabetic), "{locale:?}: `{outside}` outside in {html}");
                let within = latin_words(&words);
                for word in &sentence {
                    assert!(!within.contains(word), "{locale:?}: `{word}` of `{english}` in {html}");
                }
            }
        }
        // Every variant is a message of its own.
        assert!(kinds.len() > 50, "{}", kinds.len());
    }

    #[test]
    fn a_polis_line_and_a_conflicts_name_are_said_in_the_readers_digits_and_set_apart() {
        let refusal = Refusal::of(&AppError::from(PolisImportError::NoSuchComment { line: 12, comment: 99 }));
        let arabic = refusal.html(Locale::Arabic).into_string();
        assert!(arabic.contains("١٢") && !arabic.contains("12"), "{arabic}");
        // The comment id is the file's value, as it is written there.
        assert!(arabic.contains("<bdi>99</bdi>") && arabic.contains("<bdi>votes.csv</bdi>"), "{arabic}");
        let file =
            Refusal::of_polis(&PolisError { file: "votes.csv".into(), line: 3, problem: PolisProblem::InvalidVote(5) });
        let russian = file.text(Locale::Russian);
        assert!(russian.contains("строка 3") && russian.contains("голос"), "{russian}");
        let short = Refusal::of_polis(&PolisError {
            file: "votes.csv".into(),
            line: 3,
            problem: PolisProblem::Csv(csv_errors().remove(0)),
        });
        let french = short.text(Locale::French);
        assert!(french.contains("1 champ ") && french.contains("2"), "{french}");
        let code = Refusal::of(&AppError::Conflict(Conflict::ActorCodeName { code_name: "<UV-01>".into() }));
        let french = code.html(Locale::French).into_string();
        assert!(french.contains("<bdi>&lt;UV-01&gt;</bdi>") && french.contains("existe déjà"), "{french}");
        // Only what the operating system said stays in English, marked as such.
        let write = Refusal::of(&AppError::Archive(ArchiveError::CannotWrite(std::io::Error::other("disk full"))));
        let arabic = write.html(Locale::Arabic).into_string();
        assert!(arabic.contains("<bdi lang=\"en\">disk full</bdi>") && arabic.contains("تعذّرت الكتابة"), "{arabic}");
    }

    // --- Every field and reason the sources name has its message. ---

    /// The crates whose validations reach people as an `AppError`.
    const CRATES: [&str; 4] = ["domain", "app", "interchange", "web"];

    /// The text of every source file of a crate, without its tests.
    fn sources(krate: &str) -> Vec<(String, String)> {
        fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or_default().to_owned();
                    out.push((path.display().to_string(), text));
                }
            }
        }
        let mut out = Vec::new();
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(krate).join("src"), &mut out);
        out
    }

    /// The string literal `text` starts with, if it starts with one.
    fn literal(text: &str) -> Option<&str> {
        let rest = text.strip_prefix('"')?;
        let mut escaped = false;
        for (i, c) in rest.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => return Some(&rest[..i]),
                _ => escaped = false,
            }
        }
        None
    }

    /// The arguments of a call whose parenthesis opened just before `text`, as written.
    fn arguments(text: &str) -> Vec<&str> {
        let (mut out, mut depth, mut start, mut in_string, mut escaped) = (Vec::new(), 0usize, 0, false, false);
        for (i, c) in text.char_indices() {
            if in_string {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => in_string = false,
                    _ => escaped = false,
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => {
                    out.push(text[start..i].trim());
                    return out;
                }
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    out.push(text[start..i].trim());
                    start = i + 1;
                }
                _ => {}
            }
        }
        out
    }

    /// What the sources give a validation as a field or a reason: the literals after
    /// `field:` and `reason:`, the first argument of a call to a function whose parameter is a
    /// `field: &'static str` or a `reason: &'static str` (by its place), the name a
    /// `field_enum!` gives its field.
    fn named_in_sources() -> (BTreeSet<String>, BTreeSet<String>) {
        let (mut fields, mut reasons) = (BTreeSet::new(), BTreeSet::new());
        for krate in CRATES {
            let files = sources(krate);
            // The functions of the crate taking a field or a reason, and at which place.
            let mut takers: Vec<(String, usize, &str)> = Vec::new();
            for (_, text) in &files {
                for (at, _) in text.match_indices("fn ") {
                    let rest = &text[at + 3..];
                    let Some(open) = rest.find('(') else { continue };
                    let name = &rest[..open];
                    if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    for (place, parameter) in arguments(&rest[open + 1..]).into_iter().enumerate() {
                        let parameter: String = parameter.split_whitespace().collect();
                        for kind in ["field", "reason"] {
                            if parameter == format!("{kind}:&'staticstr") {
                                takers.push((name.to_owned(), place, kind));
                            }
                        }
                    }
                }
            }
            for (_, text) in &files {
                for (kind, set) in [("field: ", &mut fields), ("reason: ", &mut reasons)] {
                    for (at, _) in text.match_indices(kind) {
                        if let Some(words) = literal(&text[at + kind.len()..]) {
                            set.insert(words.to_owned());
                        }
                    }
                }
                for (name, place, kind) in &takers {
                    let call = format!("{name}(");
                    for (at, _) in text.match_indices(&call) {
                        let before = text[..at].chars().last().unwrap_or(' ');
                        // Not a method of the same name (`hasher.text(…)`), nor the function's own line.
                        if before.is_alphanumeric() || before == '_' || before == '.' || text[..at].ends_with("fn ") {
                            continue;
                        }
                        let arguments = arguments(&text[at + call.len()..]);
                        let Some(words) =
                            arguments.get(*place).and_then(|a| literal(a).filter(|w| w.len() + 2 == a.len()))
                        else {
                            continue;
                        };
                        if *kind == "field" { &mut fields } else { &mut reasons }.insert(words.to_owned());
                    }
                }
            }
            if krate == "domain" {
                // `field_enum!`'s `Track as "track" {` lines.
                for line in files.iter().flat_map(|(_, text)| text.lines()) {
                    let Some((name, rest)) = line.trim_start().split_once(" as ") else { continue };
                    if name.chars().all(|c| c.is_alphanumeric() || c == '_')
                        && let Some(words) = literal(rest).filter(|w| rest[w.len() + 2..].trim() == "{")
                    {
                        fields.insert(words.to_owned());
                    }
                }
            }
        }
        (fields, reasons)
    }

    #[test]
    fn every_field_and_reason_in_the_sources_has_its_message() {
        let (fields, reasons) = named_in_sources();
        // The reading is not blind: it finds what is known to be there.
        assert!(
            fields.contains("display name") && fields.contains("code name") && fields.contains("track"),
            "{fields:?}"
        );
        assert!(reasons.contains("is closed") && reasons.contains("must be yes or no"), "{reasons:?}");
        assert!(fields.len() > 100 && reasons.len() > 60, "{} fields, {} reasons", fields.len(), reasons.len());
        let missing: Vec<String> = fields
            .iter()
            .map(|f| field_message(f))
            .chain(reasons.iter().map(|r| reason_message(r)))
            .filter(|id| !has_message(id))
            .collect();
        assert!(missing.is_empty(), "no message for:\n{}", missing.join("\n"));
    }

    #[test]
    fn messages_are_named_after_their_english_words() {
        assert_eq!(field_message("display name"), "refusal-field-display-name");
        assert_eq!(reason_message("must be between 1 and 1,000,000"), "refusal-reason-must-be-between-1-and-1-000-000");
        assert_eq!(reason_message("is not `title`"), "refusal-reason-is-not-title");
        assert_eq!(field_message("source's basis"), "refusal-field-source-s-basis");
    }
}
