//! The canary sweep: every page and every export of the demo, as every member outside the
//! convening team and as the administrator, searched for the names and texts the rule keeps
//! from them.
//!
//! The canaries come from the demo's own data, read through the key holder's decrypted export
//! (`tracktwo export`), never from a list written here: members' names, the people records, the
//! map's actors (name, role, notes) and ties (notes), the registry (aliases, threats, duty of care,
//! how consent was obtained), meeting attendees (name, organisation) and the speaker keys. Beside
//! each, who may see it, by the rule of `docs/threat-model.md` ("the curious member"):
//!
//! - the team (convener, facilitator, rapporteur, operations) sees names;
//! - a participant the people they sit with: their own side (members and attendees) and the
//!   attendees of meetings they attended, where the meeting's mode lets attendance be known
//!   (and, like an official, the attendees who consented to be listed);
//! - officials, funders, evaluators and observers no name, but in a meeting's summary or a
//!   readout the attendees whose meeting's mode discloses attendance and who consented to be
//!   listed;
//! - the administrator accounts, never who belongs to which initiative;
//! - readers limited to code names never an actor's name, role or notes, nor a tie's notes;
//!   the registry reaches the convener and operations only.
//!
//! Each of them signs in in Chromium and the sweep follows every same-origin link (and submits
//! every GET form as it stands) from the dashboard, the timeline and every meeting, reading each
//! page's text and attributes; it fetches every export they could ask for (the map in every
//! format, meeting summaries, readout copies, Pol.is files, the timeline as PDF) with their
//! session, every GET route of the JSON API with their token, and, through the command line, the
//! summaries in DOCX written for their role (the web gives them as PDF) and the readout copies,
//! PDF and DOCX, written for their audience, and the report written for their role (the funder
//! report, the evaluation brief), PDF and DOCX; the reports page's own forms fetch it from the
//! web; in a report, every count of people it gives must be five or more, or suppressed. PDFs are
//! read with `pdftotext`, DOCX files with LibreOffice. The test fails listing every hit: who,
//! where, what kind of canary, and the canary (the demo is invented).

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use fantoccini::Client;
use http_body_util::BodyExt;
use serde_json::Value;

use crate::browser::{Demo, browser, sign_in, start_demo};

const BIN: &str = env!("CARGO_BIN_EXE_tracktwo");

/// The most pages one reader's crawl follows: far above what the demo offers any of them, so a
/// crawl that stops here has met a loop of links, which fails the test.
const MAX_PAGES: usize = 1500;

/// A text some readers must not see, and who may.
#[derive(Debug, Clone)]
struct Canary {
    /// Where it comes from ("actor name", "registry threats", …), all of them if several.
    kinds: BTreeSet<&'static str>,
    /// As searched for: folded (see [`fold`]).
    needle: String,
    /// The accounts (by id) that may see it anywhere.
    allowed: BTreeSet<String>,
    /// The accounts that may see it in a meeting's record (its page, its summary, a readout
    /// built from it) only: an attendee they may know of there is still kept from the map.
    allowed_in_meetings: BTreeSet<String>,
}

/// The canaries, and every text some accounts may see whole. A canary that stands inside a
/// text its reader may see (an actor named like the organisation in a member's display name)
/// cannot tell a leak from what the reader may read, so it is not searched for that reader.
struct Canaries {
    list: Vec<Canary>,
    /// A text, who may see it, and whether only in a meeting's record.
    seen_whole: Vec<(String, BTreeSet<String>, bool)>,
}

impl Canaries {
    /// The canaries to search for in what `account` reads, in a meeting's record or elsewhere.
    fn kept_from(&self, account: &str, in_meeting: bool) -> Vec<&Canary> {
        self.list
            .iter()
            .filter(|c| {
                let allowed_here =
                    c.allowed.contains(account) || (in_meeting && c.allowed_in_meetings.contains(account));
                !allowed_here
            })
            .filter(|c| {
                !self.seen_whole.iter().any(|(text, who, meetings_only)| {
                    who.contains(account) && (in_meeting || !meetings_only) && text.contains(&c.needle)
                })
            })
            .collect()
    }
}

/// Whether a place is a meeting's record: its page, its summary, or a readout copy.
fn in_meeting_record(place: &str) -> bool {
    ["/meetings/", "process summary", "readout copy", "/copies/"].iter().any(|p| place.contains(p))
}

/// Lower case, every run of white space one space, typographic quotes plain: how both the
/// canaries and the texts searched are compared.
fn fold(text: &str) -> String {
    let text = text.replace(['\u{2019}', '\u{2018}'], "'").replace(['\u{201c}', '\u{201d}'], "\"");
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The part of a free text that serves as its canary: a long text is searched by its first
/// words, so a page that shortens it is still caught.
fn needle_of(text: &str) -> Option<String> {
    let folded = fold(text);
    // A single word ("mayor", "ministry") is a word any page may use.
    if folded.chars().count() < 8 || !folded.contains(' ') {
        return None;
    }
    let mut needle = String::new();
    for word in folded.split(' ') {
        if needle.chars().count() >= 40 {
            break;
        }
        if !needle.is_empty() {
            needle.push(' ');
        }
        needle.push_str(word);
    }
    Some(needle)
}

/// A display name's name: what comes before a parenthesis or a comma ("Ada Lovelace (funder)").
fn name_part(display: &str) -> &str {
    display.split(['(', ',']).next().unwrap_or(display).trim()
}

fn text(value: &Value, key: &str) -> String {
    value.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn list<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

struct Account {
    id: String,
    username: String,
    display_name: String,
    is_admin: bool,
}

/// A member's role and side in one initiative.
#[derive(Clone)]
struct Standing {
    role: String,
    side: Option<String>,
}

impl Standing {
    fn is_team(&self) -> bool {
        matches!(self.role.as_str(), "convener" | "facilitator" | "rapporteur" | "operations")
    }
    fn reads_registry(&self) -> bool {
        matches!(self.role.as_str(), "convener" | "operations")
    }
    fn is_outsider(&self) -> bool {
        matches!(self.role.as_str(), "official" | "funder" | "evaluator" | "observer")
    }
}

/// The key holder's view of the demo, from its decrypted export.
struct Store {
    accounts: Vec<Account>,
    initiatives: Vec<Value>,
}

impl Store {
    fn read(demo: &Demo, work: &Path) -> Self {
        let out = work.join("export.json");
        let data = demo.data_dir();
        cli(&[
            "--data-dir",
            data.to_str().unwrap(),
            "--key-file",
            data.join("demo.key").to_str().unwrap(),
            "export",
            "--out",
            out.to_str().unwrap(),
        ]);
        let export: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        let accounts = list(&export, "users")
            .iter()
            .map(|u| Account {
                id: text(u, "id"),
                username: text(u, "username"),
                display_name: text(u, "display_name"),
                is_admin: u.get("is_admin").and_then(Value::as_bool).unwrap_or(false),
            })
            .collect();
        Self { accounts, initiatives: list(&export, "initiatives").to_vec() }
    }

    fn standing(initiative: &Value, user: &str) -> Option<Standing> {
        list(initiative, "members").iter().find(|m| text(m, "user") == user).map(|m| Standing {
            role: text(m, "role").to_lowercase(),
            side: m.get("side").and_then(Value::as_str).map(str::to_owned),
        })
    }

    fn records<'a>(initiative: &'a Value, kind: &'a str) -> impl Iterator<Item = (&'a str, &'a Value)> + 'a {
        list(initiative, "process")
            .iter()
            .filter(move |r| text(r, "kind") == kind)
            .map(|r| (r.get("id").and_then(Value::as_str).unwrap_or_default(), &r["record"]))
    }

    fn side_name(initiative: &Value, side: &str) -> String {
        list(initiative, "sides").iter().find(|s| text(s, "id") == side).map(|s| text(s, "name")).unwrap_or_default()
    }

    /// Whether `user` may know that `meeting` exists (a secret channel's meeting: the convener
    /// and the members cleared for it).
    fn may_see_meeting(initiative: &Value, meeting: &Value, user: &str) -> bool {
        if text(meeting, "mode") != "secret-channel" {
            return Store::standing(initiative, user).is_some();
        }
        Store::standing(initiative, user).is_some_and(|s| s.role == "convener")
            || list(meeting, "cleared").iter().any(|c| c.as_str() == Some(user))
    }

    /// Whether the attendee consented to be listed: the registry entry of the actor they are,
    /// with the answer given and not withdrawn. No entry, no consent.
    fn consented_to_be_listed(initiative: &Value, attendee: &Value) -> bool {
        let Some(actor) = attendee.get("actor").and_then(Value::as_str) else { return false };
        list(initiative, "actors").iter().filter(|a| text(a, "id") == actor).any(|a| {
            let consent = &a["registry"]["consent"];
            consent.get("to_be_listed").and_then(Value::as_str) == Some("given")
                && consent.get("withdrawn_on").is_none_or(Value::is_null)
        })
    }

    /// Whether `account` sat in `meeting`: the attendance names them, by account or by name.
    fn attended(meeting: &Value, account: &Account) -> bool {
        // The attendance names the member account of a person who attended; that link, not a
        // name that happens to match, is what lets a participant see who else was there.
        list(meeting, "attendance")
            .iter()
            .any(|a| a.get("account").and_then(Value::as_str) == Some(account.id.as_str()))
    }

    /// Every canary, each with the accounts that may see it, and the texts each account may see
    /// whole (see [`Canaries`]).
    fn canaries(&self) -> Canaries {
        let mut found: BTreeMap<String, Canary> = BTreeMap::new();
        let mut seen_whole: Vec<(String, BTreeSet<String>, bool)> = Vec::new();
        let everyone: BTreeSet<String> = self.accounts.iter().map(|a| a.id.clone()).collect();
        // A member is searched by the name in their display name, the rest by the text itself.
        let mut add = |kind: &'static str, raw: &str, allowed: &dyn Fn(&Account) -> bool| {
            let needle_from = if kind == "member name" { name_part(raw) } else { raw };
            let who: BTreeSet<String> = self.accounts.iter().filter(|a| allowed(a)).map(|a| a.id.clone()).collect();
            // What an attendee's name is allowed by holds in the meeting's record only.
            let meetings_only = kind.starts_with("attendee");
            seen_whole.push((fold(raw), who.clone(), meetings_only));
            let Some(needle) = needle_of(needle_from) else { return };
            let canary = found.entry(needle.clone()).or_insert_with(|| Canary {
                kinds: BTreeSet::new(),
                needle,
                allowed: BTreeSet::new(),
                allowed_in_meetings: BTreeSet::new(),
            });
            canary.kinds.insert(kind);
            if meetings_only {
                canary.allowed_in_meetings.extend(who);
            } else {
                canary.allowed.extend(who);
            }
        };

        // Members: the roster's rule, and the administrator sees accounts.
        for member in &self.accounts {
            add("member name", &member.display_name, &|reader| {
                reader.id == member.id
                    || reader.is_admin
                    || self.initiatives.iter().any(|i| {
                        match (Store::standing(i, &reader.id), Store::standing(i, &member.id)) {
                            (Some(r), Some(m)) => {
                                r.is_team()
                                    || (r.role == "participant"
                                        && (m.is_team() || (r.side.is_some() && r.side == m.side)))
                            }
                            _ => false,
                        }
                    })
            });
        }
        for initiative in &self.initiatives {
            let team = |reader: &Account| Store::standing(initiative, &reader.id).is_some_and(|s| s.is_team());
            let registry =
                |reader: &Account| Store::standing(initiative, &reader.id).is_some_and(|s| s.reads_registry());
            for person in list(initiative, "people") {
                for field in ["name", "title", "contact", "notes"] {
                    add("person record", &text(person, field), &team);
                }
            }
            for actor in list(initiative, "actors") {
                let details = &actor["details"];
                add("actor name", &text(details, "name"), &team);
                add("actor role", &text(details, "role"), &team);
                add("actor notes", &text(details, "notes"), &team);
                let entry = &actor["registry"];
                if entry.is_object() {
                    for alias in list(entry, "aliases") {
                        add("registry alias", alias.as_str().unwrap_or_default(), &registry);
                    }
                    add("registry threats", &text(&entry["risk"], "threats"), &registry);
                    add("registry duty of care", &text(entry, "duty_of_care"), &registry);
                    add("registry consent record", &text(&entry["consent"], "obtained_how"), &registry);
                }
            }
            for tie in list(initiative, "ties") {
                add("tie notes", &text(&tie["details"], "notes"), &team);
            }
            for (_, meeting) in Store::records(initiative, "meeting") {
                let listable = matches!(text(meeting, "mode").as_str(), "on-the-record" | "non-attribution");
                for attendee in list(meeting, "attendance") {
                    let side = attendee.get("side").and_then(Value::as_str).map(str::to_owned);
                    let may = |reader: &Account| {
                        let Some(standing) = Store::standing(initiative, &reader.id) else { return false };
                        if standing.is_team() {
                            return true;
                        }
                        if !Store::may_see_meeting(initiative, meeting, &reader.id) || !listable {
                            return false;
                        }
                        // A participant sees at least what an official would: the attendees
                        // who consented to be listed.
                        let consented = Store::consented_to_be_listed(initiative, attendee);
                        if standing.role == "participant" {
                            Store::attended(meeting, reader)
                                || (standing.side.is_some() && standing.side == side)
                                || consented
                        } else {
                            standing.is_outsider() && consented
                        }
                    };
                    add("attendee name", &text(attendee, "name"), &may);
                    add("attendee organisation", &text(attendee, "organisation"), &may);
                }
            }
            for (_, key) in Store::records(initiative, "speaker-key") {
                for entry in list(key, "entries") {
                    let name = entry.get(1).and_then(Value::as_str).unwrap_or_default();
                    add("speaker key name", name, &team);
                }
            }
        }
        // What every member may read anyway: titles, sides, code names, public descriptions;
        // and the grants' funders, to those who read the funding.
        for initiative in &self.initiatives {
            let funding: BTreeSet<String> = self
                .accounts
                .iter()
                .filter(|a| {
                    Store::standing(initiative, &a.id)
                        .is_some_and(|s| s.is_team() || matches!(s.role.as_str(), "funder" | "evaluator"))
                })
                .map(|a| a.id.clone())
                .collect();
            for (_, design) in Store::records(initiative, "process-design") {
                for grant in list(design, "grants") {
                    seen_whole.push((fold(&text(grant, "funder")), funding.clone(), false));
                }
            }
            // A copy's running mark names its recipient (an office): part of the copy its
            // audience is handed, and of nothing else.
            for (_, copy) in Store::records(initiative, "readout-copy") {
                seen_whole.push((fold(&text(copy, "recipient")), everyone.clone(), true));
            }
            for public in [text(initiative, "title"), text(initiative, "description")] {
                seen_whole.push((fold(&public), everyone.clone(), false));
            }
            for side in list(initiative, "sides") {
                seen_whole.push((fold(&text(side, "name")), everyone.clone(), false));
            }
            for actor in list(initiative, "actors") {
                for field in ["code_name", "public_description"] {
                    seen_whole.push((fold(&text(&actor["details"], field)), everyone.clone(), false));
                }
            }
        }
        Canaries { list: found.into_values().collect(), seen_whole }
    }

    /// The accounts the sweep reads as: the administrator, and each member outside the team —
    /// every official, funder, evaluator and observer, and a participant of each side.
    fn readers(&self) -> Vec<(&Account, String)> {
        let mut out = Vec::new();
        let mut sides_done = BTreeSet::new();
        for account in &self.accounts {
            if account.is_admin {
                out.push((account, "administrator".to_owned()));
                continue;
            }
            let standings: Vec<(Standing, &Value)> =
                self.initiatives.iter().filter_map(|i| Store::standing(i, &account.id).map(|s| (s, i))).collect();
            if standings.iter().any(|(s, _)| s.is_team()) {
                continue;
            }
            if let Some((s, _)) = standings.iter().find(|(s, _)| s.is_outsider()) {
                out.push((account, s.role.clone()));
            } else if let Some((s, i)) = standings.iter().find(|(s, _)| s.role == "participant" && s.side.is_some()) {
                let side = Store::side_name(i, s.side.as_deref().unwrap_or_default());
                if sides_done.insert(side.clone()) {
                    out.push((account, format!("participant ({side})")));
                }
            }
        }
        out
    }

    /// The reader a summary is written for, as `tracktwo process summary --for` takes it.
    fn summary_reader(initiative: &Value, user: &str) -> Option<String> {
        let standing = Store::standing(initiative, user)?;
        match standing.role.as_str() {
            "participant" => Some(format!("participant:{}", Store::side_name(initiative, standing.side.as_deref()?))),
            role if standing.is_outsider() => Some(role.to_owned()),
            _ => None,
        }
    }
}

/// Runs the binary and returns its standard output; fails the test if it fails.
fn cli(args: &[&str]) -> String {
    let mut command = Command::new(BIN);
    command.args(args).stdin(Stdio::null());
    for (name, _) in std::env::vars().filter(|(n, _)| n.starts_with("TRACKTWO_")) {
        command.env_remove(name);
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "tracktwo {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The text of a PDF, by poppler's `pdftotext`.
fn pdf_text(bytes: &[u8], work: &Path) -> String {
    let path = work.join("read.pdf");
    std::fs::write(&path, bytes).unwrap();
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is not installed (Debian package poppler-utils)");
    assert!(output.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Every string in a JSON document, keys too.
fn json_strings(value: &Value, out: &mut String) {
    match value {
        Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.push_str(k);
                out.push('\n');
                json_strings(v, out);
            }
        }
        _ => {}
    }
}

/// The text of a downloaded file, by its content type; DOCX files are kept for LibreOffice.
enum FileText {
    Text(String),
    Docx(Vec<u8>),
}

fn file_text(content_type: &str, bytes: &[u8], work: &Path) -> FileText {
    if content_type.contains("pdf") || bytes.starts_with(b"%PDF") {
        FileText::Text(pdf_text(bytes, work))
    } else if content_type.contains("wordprocessingml") {
        FileText::Docx(bytes.to_vec())
    } else if content_type.contains("json") {
        let mut out = String::new();
        match serde_json::from_slice::<Value>(bytes) {
            Ok(value) => json_strings(&value, &mut out),
            Err(_) => out = String::from_utf8_lossy(bytes).into_owned(),
        }
        FileText::Text(out)
    } else {
        // CSV as it is; XML (GEXF, GraphML) and HTML with their escapes undone.
        let raw = String::from_utf8_lossy(bytes);
        FileText::Text(
            raw.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&amp;", "&"),
        )
    }
}

/// One canary found where its reader may not see it.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Hit {
    reader: String,
    kinds: String,
    canary: String,
    place: String,
}

/// What the sweep collects.
struct Sweep<'a> {
    /// For each reader's account, the canaries kept from them in a meeting's record (true) and
    /// elsewhere (false).
    kept: HashMap<(String, bool), Vec<&'a Canary>>,
    hits: BTreeSet<Hit>,
    /// DOCX files waiting for LibreOffice: the file, the reader's account and label, and where it came from.
    docx: Vec<(PathBuf, String, String, String)>,
    work: PathBuf,
    /// Pages read and files fetched, for the summary line.
    pages: usize,
    files: usize,
    /// Readout copies read, as their recipients get them.
    copies: usize,
    /// Reports read, as their audience gets them (the web's and the command line's).
    reports: usize,
    /// Counts of people read in reports, and those under five (where and what).
    counts_read: usize,
    small_cells: Vec<String>,
}

impl Sweep<'_> {
    fn check(&mut self, account: &str, reader: &str, place: &str, body: &str) {
        if place.contains("/reports/file") || place.starts_with("tracktwo report") {
            for count in report_counts(body) {
                self.counts_read += 1;
                if count.parse::<usize>().is_ok_and(|n| n < 5) {
                    self.small_cells.push(format!("{reader} at {place}: a count of {count}"));
                }
            }
        }
        // A word broken across lines by a PDF's hyphenation is searched whole as well.
        let folded = format!("{} {}", fold(body), fold(&body.replace("-\n", "")));
        for canary in &self.kept[&(account.to_owned(), in_meeting_record(place))] {
            if folded.contains(&canary.needle) {
                self.hits.insert(Hit {
                    reader: reader.to_owned(),
                    kinds: canary.kinds.iter().copied().collect::<Vec<_>>().join(", "),
                    canary: canary.needle.clone(),
                    place: place.to_owned(),
                });
            }
        }
    }

    fn check_file(&mut self, account: &str, reader: &str, place: &str, content_type: &str, bytes: &[u8]) {
        self.files += 1;
        match file_text(content_type, bytes, &self.work) {
            FileText::Text(body) => self.check(account, reader, place, &body),
            FileText::Docx(bytes) => {
                let path = self.work.join(format!("file-{}.docx", self.docx.len()));
                std::fs::write(&path, bytes).unwrap();
                self.docx.push((path, account.to_owned(), reader.to_owned(), place.to_owned()));
            }
        }
    }

    /// Converts every DOCX collected to text in one LibreOffice run, and checks each.
    fn read_docx(&mut self) {
        if self.docx.is_empty() {
            return;
        }
        let out = self.work.join("docx-text");
        let profile = self.work.join("libreoffice-profile");
        let mut command = Command::new("libreoffice");
        command
            .arg(format!("-env:UserInstallation=file://{}", profile.display()))
            .args(["--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir"])
            .arg(&out)
            .args(self.docx.iter().map(|(path, ..)| path))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let status = command.status().expect("LibreOffice is not installed (Debian package libreoffice-writer)");
        assert!(status.success(), "LibreOffice could not convert the DOCX files");
        for (path, account, reader, place) in std::mem::take(&mut self.docx) {
            let name = path.with_extension("txt");
            let converted = out.join(name.file_name().unwrap());
            let body =
                std::fs::read_to_string(&converted).unwrap_or_else(|_| panic!("LibreOffice wrote no text for {place}"));
            assert!(!body.trim().is_empty(), "LibreOffice read no text from {place}");
            self.check(&account, &reader, &format!("{place} (DOCX)"), &body);
        }
    }
}

/// The counts of people a report gives for each questionnaire ("Answered before: 12 · after:
/// suppressed · both, paired: 9"), as its words in English frame them: each a number or the word
/// for a suppressed cell.
fn report_counts(body: &str) -> Vec<String> {
    let marks = ["\u{E000}", "\u{E001}", "\u{E002}"];
    let framed = tracktwo_i18n::text_with(
        tracktwo_i18n::Locale::English,
        "measures-counts-released",
        &[
            ("before", tracktwo_i18n::Arg::Text(marks[0])),
            ("after", tracktwo_i18n::Arg::Text(marks[1])),
            ("paired", tracktwo_i18n::Arg::Text(marks[2])),
        ],
    )
    .replace(['\u{2068}', '\u{2069}'], "");
    let (opening, rest) = framed.split_once(marks[0]).unwrap();
    let (between_one, rest) = rest.split_once(marks[1]).unwrap();
    let (between_two, _) = rest.split_once(marks[2]).unwrap();
    let flat = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut counts = Vec::new();
    for rest in flat.split(opening.trim()).skip(1) {
        let Some((before, rest)) = rest.split_once(between_one.trim()) else { continue };
        let Some((after, rest)) = rest.split_once(between_two.trim()) else { continue };
        let paired = rest.split_whitespace().next().unwrap_or_default();
        counts.extend([before.trim(), after.trim(), paired].map(str::to_owned));
    }
    counts
}

/// A GET over HTTP with the reader's session cookie or token: status, content type and body.
pub(crate) async fn fetch(url: &str, auth: (&str, &str)) -> (u16, String, Vec<u8>) {
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build_http();
    let request = http::Request::get(url).header(auth.0, auth.1).body(String::new()).unwrap();
    let response = client.request(request).await.unwrap();
    let status = response.status().as_u16();
    let content_type =
        response.headers().get(http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let body = response.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, content_type, body)
}

/// What the page shows and holds: its text (SVG titles included) and every attribute's value,
/// its links, and the address each GET form leads to as it stands.
const READ_PAGE: &str = r"
    const attributes = [];
    for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) { attributes.push(attribute.value); }
    }
    const forms = [];
    for (const form of document.forms) {
        if ((form.getAttribute('method') || 'get').toLowerCase() !== 'get') { continue; }
        const url = new URL(form.action);
        url.search = '';
        for (const [name, value] of new FormData(form)) {
            if (typeof value === 'string') { url.searchParams.append(name, value); }
        }
        forms.push(url.href);
    }
    return {
        text: document.documentElement.innerText + '\n' + document.documentElement.textContent + '\n' + attributes.join('\n'),
        links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href).concat(forms),
    };
";

/// How many pages of one kind (the same path but for identifiers) the browser opens; the rest
/// of that kind (the demo has sixty actors and more ties) are fetched over HTTP with the same
/// session and read from their HTML, which keeps the sweep within CI's time.
const BROWSER_PAGES_PER_KIND: usize = 3;

/// A page's kind: its path with every identifier replaced.
fn page_kind(url: &url::Url) -> String {
    url.path().split('/').map(|segment| if uuid_like(segment) { "{id}" } else { segment }).collect::<Vec<_>>().join("/")
}

fn uuid_like(segment: &str) -> bool {
    segment.len() == 36 && segment.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

/// The text of a page fetched over HTTP: its HTML with the escapes undone, and again with the
/// tags taken out so words split by markup still meet.
fn html_text(html: &str) -> String {
    let mut bare = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                bare.push(' ');
            }
            _ if !in_tag => bare.push(c),
            _ => {}
        }
    }
    let unescape = |text: &str| {
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace("&amp;", "&")
    };
    format!("{}\n{}", unescape(html), unescape(&bare))
}

/// The links of a page fetched over HTTP: every `href` attribute (the server writes attribute
/// values in double quotes).
fn html_links(html: &str, page: &url::Url) -> Vec<url::Url> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter_map(|href| page.join(&href.replace("&amp;", "&")).ok())
        .collect()
}

/// Whether an address is a file to fetch rather than a page to open in the browser.
fn is_file(url: &url::Url) -> bool {
    let path = url.path();
    path.contains("/map/export")
        || path.contains("/copies/")
        || path.contains("/export/")
        || url.query_pairs().any(|(k, v)| k == "format" && v != "html")
}

/// Whether following a link could change something or end the session.
fn is_unsafe(url: &url::Url) -> bool {
    let path = url.path();
    ["sign-out", "/remove", "/revoke", "/close", "/join/", "/ballot"].iter().any(|p| path.contains(p))
}

/// The page's address without its fragment, for telling pages apart.
fn page_key(url: &url::Url) -> String {
    let mut url = url.clone();
    url.set_fragment(None);
    url.to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_page_or_export_shows_a_reader_a_name_the_rule_withholds() {
    let demo = start_demo();
    let work = tempfile::tempdir().unwrap();
    let store = Store::read(&demo, work.path());
    let canaries = store.canaries();
    // The sweep means something only if the demo gives every kind of canary, each kept from
    // someone.
    for kind in [
        "member name",
        "person record",
        "actor name",
        "actor role",
        "actor notes",
        "tie notes",
        "registry alias",
        "registry threats",
        "registry duty of care",
        "attendee name",
        "attendee organisation",
    ] {
        let kept = canaries
            .list
            .iter()
            .filter(|c| {
                c.kinds.contains(kind) && c.allowed.union(&c.allowed_in_meetings).count() < store.accounts.len()
            })
            .count();
        assert!(kept > 0, "the demo gives no `{kind}` canary kept from anyone");
    }
    let readers = store.readers();
    for role in ["administrator", "official", "funder", "evaluator", "observer"] {
        assert!(readers.iter().any(|(_, r)| r == role), "the demo has no {role} to sweep as");
    }
    assert!(readers.iter().filter(|(_, r)| r.starts_with("participant")).count() >= 2, "a participant of each side");

    let base = url::Url::parse(&demo.base).unwrap();
    let kept = readers
        .iter()
        .flat_map(|(a, _)| [true, false].map(|m| ((a.id.clone(), m), canaries.kept_from(&a.id, m))))
        .collect();
    let mut sweep = Sweep {
        kept,
        hits: BTreeSet::new(),
        docx: Vec::new(),
        work: work.path().to_owned(),
        pages: 0,
        files: 0,
        copies: 0,
        reports: 0,
        counts_read: 0,
        small_cells: Vec::new(),
    };
    let (_driver, client) = browser().await;
    the_search_finds_what_the_team_sees(&client, &demo, &store, &base, &canaries, &readers).await;
    for (account, reader) in &readers {
        crawl(&client, &demo, &store, &base, account, reader, &mut sweep).await;
        api(&demo, &store, account, reader, &mut sweep).await;
        command_line_exports(&demo, &store, account, reader, &mut sweep);
    }
    client.close().await.unwrap();
    sweep.read_docx();
    assert!(sweep.pages > 50 && sweep.files > 20, "the sweep read {} pages and {} files", sweep.pages, sweep.files);
    assert!(sweep.copies > 0, "no readout copy was read as its audience gets it");
    // A funder and an evaluator each fetch their report from the reports page and write it
    // from the command line, as PDF and as DOCX.
    assert!(sweep.reports >= 6, "only {} reports were read as their audience gets them", sweep.reports);
    assert!(sweep.counts_read > 0, "no questionnaire's counts were read in a report");
    assert!(sweep.small_cells.is_empty(), "groups of fewer than five in reports:\n{}", sweep.small_cells.join("\n"));
    // One line per reader and canary, with where it was seen; hits that are an attendee's name
    // or organisation (or stand inside one found at the same place) apart from the rest, since
    // the attendee rule (the mode and the person's consent) is a rule of its own.
    let about_attendees = |hit: &Hit| {
        sweep.hits.iter().any(|other| {
            other.reader == hit.reader
                && other.place == hit.place
                && other.kinds.contains("attendee")
                && other.canary.contains(&hit.canary)
        })
    };
    let mut grouped: BTreeMap<(bool, &str, &str, &str), Vec<&str>> = BTreeMap::new();
    for hit in &sweep.hits {
        grouped.entry((about_attendees(hit), &hit.reader, &hit.kinds, &hit.canary)).or_default().push(&hit.place);
    }
    let report: Vec<String> = grouped
        .iter()
        .map(|((attendees, reader, kinds, canary), places)| {
            let more = if places.len() > 3 { format!(" and {} more", places.len() - 3) } else { String::new() };
            let places = places.iter().take(3).copied().collect::<Vec<_>>().join(", ");
            let rule = if *attendees { "attendee rule" } else { "name rule" };
            format!("[{rule}] {reader}: {kinds} «{canary}» at {places}{more}")
        })
        .collect();
    assert!(
        report.is_empty(),
        "{} canaries reached readers the rule keeps them from ({} pages, {} files read):\n{}",
        report.len(),
        sweep.pages,
        sweep.files,
        report.join("\n")
    );
}

/// A sweep that finds nothing proves something only if its search works: the convener's list of
/// actors, read the way every page is read, shows the names kept from the official.
async fn the_search_finds_what_the_team_sees(
    client: &Client,
    demo: &Demo,
    store: &Store,
    base: &url::Url,
    canaries: &Canaries,
    readers: &[(&Account, String)],
) {
    let (official, _) = readers.iter().find(|(_, r)| r == "official").unwrap();
    let (initiative, convener) = store
        .initiatives
        .iter()
        .filter(|i| !list(i, "actors").is_empty() && Store::standing(i, &official.id).is_some())
        .find_map(|i| {
            let convener =
                store.accounts.iter().find(|a| Store::standing(i, &a.id).is_some_and(|s| s.role == "convener"));
            convener.map(|c| (text(i, "id"), c))
        })
        .expect("an initiative with a map, a convener and the official");
    client.delete_all_cookies().await.unwrap();
    assert!(sign_in(client, demo, &convener.username, None).await);
    client.goto(base.join(&format!("/initiatives/{initiative}/actors")).unwrap().as_str()).await.unwrap();
    let page = client.execute(READ_PAGE, vec![]).await.unwrap();
    let folded = fold(page["text"].as_str().unwrap_or_default());
    let found = canaries
        .kept_from(&official.id, false)
        .into_iter()
        .filter(|c| c.kinds.contains("actor name") && folded.contains(&c.needle))
        .count();
    assert!(found >= 10, "the convener's list of actors shows {found} names kept from the official");
}

/// Signs in as `account` in the browser and reads every page reachable by links, fetching each
/// file a link or an export route offers with the same session.
async fn crawl(
    client: &Client,
    demo: &Demo,
    store: &Store,
    base: &url::Url,
    account: &Account,
    reader: &str,
    sweep: &mut Sweep<'_>,
) {
    client.delete_all_cookies().await.unwrap();
    assert!(sign_in(client, demo, &account.username, None).await, "{reader} could not sign in");
    let session = client.get_named_cookie("tracktwo_session").await.unwrap().value().to_owned();
    let cookie = format!("tracktwo_session={session}");

    let mut queue: VecDeque<url::Url> = VecDeque::new();
    queue.push_back(base.join("/").unwrap());
    queue.push_back(base.join("/account").unwrap());
    queue.push_back(base.join("/timeline?from=2000-01-01&to=2099-12-31").unwrap());
    queue.push_back(base.join("/timeline?from=2000-01-01&to=2099-12-31&format=pdf").unwrap());
    // Every export route, for every record the reader's initiatives hold, whether a page links
    // to it or not; and every meeting's page and summary.
    for initiative in &store.initiatives {
        if Store::standing(initiative, &account.id).is_none() {
            continue;
        }
        let i = text(initiative, "id");
        for format in ["gexf", "graphml", "kumu", "actors-csv", "ties-csv"] {
            queue.push_back(base.join(&format!("/initiatives/{i}/map/export?format={format}")).unwrap());
        }
        for (m, _) in Store::records(initiative, "meeting") {
            queue.push_back(base.join(&format!("/initiatives/{i}/meetings/{m}")).unwrap());
            queue.push_back(base.join(&format!("/initiatives/{i}/meetings/{m}/summary")).unwrap());
            queue.push_back(base.join(&format!("/initiatives/{i}/meetings/{m}/summary?format=pdf")).unwrap());
        }
        for (c, _) in Store::records(initiative, "conversation") {
            for file in tracktwo_app::polis_format::EXPORT_FILES {
                queue.push_back(base.join(&format!("/initiatives/{i}/conversations/{c}/export/{file}")).unwrap());
            }
        }
        for (copy, _) in Store::records(initiative, "readout-copy") {
            for format in ["pdf", "docx"] {
                queue.push_back(base.join(&format!("/initiatives/{i}/copies/{copy}?format={format}")).unwrap());
            }
        }
    }

    let mut seen: BTreeSet<String> = queue.iter().map(page_key).collect();
    let mut visited = 0;
    let mut kinds: HashMap<String, usize> = HashMap::new();
    while let Some(url) = queue.pop_front() {
        visited += 1;
        assert!(visited <= MAX_PAGES, "{reader}'s crawl passed {MAX_PAGES} pages");
        let place = url.as_str().trim_start_matches(base.as_str().trim_end_matches('/')).to_owned();
        if is_file(&url) {
            let (status, content_type, body) = fetch(url.as_str(), ("cookie", &cookie)).await;
            if status == 200 {
                if url.path().ends_with("/reports/file") {
                    sweep.reports += 1;
                }
                sweep.check_file(&account.id, reader, &place, &content_type, &body);
            } else {
                sweep.check(&account.id, reader, &place, &String::from_utf8_lossy(&body));
            }
            continue;
        }
        sweep.pages += 1;
        let opened = kinds.entry(page_kind(&url)).or_insert(0);
        *opened += 1;
        let links: Vec<url::Url> = if *opened <= BROWSER_PAGES_PER_KIND {
            client.goto(url.as_str()).await.unwrap();
            let page = client.execute(READ_PAGE, vec![]).await.unwrap();
            sweep.check(&account.id, reader, &place, page["text"].as_str().unwrap_or_default());
            page["links"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .filter_map(|l| url::Url::parse(l).ok())
                .collect()
        } else {
            let (_, _, body) = fetch(url.as_str(), ("cookie", &cookie)).await;
            let html = String::from_utf8_lossy(&body);
            sweep.check(&account.id, reader, &place, &html_text(&html));
            html_links(&html, &url)
        };
        for link in links {
            if link.origin() != base.origin() || is_unsafe(&link) {
                continue;
            }
            if seen.insert(page_key(&link)) {
                queue.push_back(link);
            }
        }
    }
}

/// Every GET route of the JSON API, with the reader's token, for every initiative, note and
/// caucus the store holds.
async fn api(demo: &Demo, store: &Store, account: &Account, reader: &str, sweep: &mut Sweep<'_>) {
    let token = format!("Bearer {}", demo.tokens[&account.username]);
    let document = tracktwo_web::openapi::document();
    let paths = document["paths"].as_object().unwrap();
    for (path, operations) in paths {
        let Some(get) = operations.get("get") else { continue };
        // The voter's routes take a consultation credential, not an account's token.
        if get.get("security").and_then(Value::as_array).is_some_and(|s| s.iter().any(|s| s.get("voter").is_some())) {
            continue;
        }
        let mut addresses = Vec::new();
        if path.contains("{initiative}") {
            for initiative in &store.initiatives {
                let with = path.replace("{initiative}", &text(initiative, "id"));
                if with.contains("{note}") {
                    for note in list(initiative, "notes") {
                        addresses.push(with.replace("{note}", &text(note, "id")));
                    }
                } else if with.contains("{text}") {
                    // Every version and translation of each negotiating text: the newest, the
                    // first (before brackets closed) and the Arabic.
                    for (id, _) in Store::records(initiative, "negotiating-text") {
                        let one = with.replace("{text}", id);
                        addresses.extend(["", "?version=1", "?lang=ar"].map(|q| format!("{one}{q}")));
                    }
                } else {
                    addresses.push(with.clone());
                    if with.ends_with("/notes") {
                        for side in list(initiative, "sides") {
                            addresses.push(format!("{with}?caucus={}", text(side, "id")));
                        }
                    }
                }
            }
        } else {
            addresses.push(path.clone());
        }
        if path.contains("{text}") {
            assert!(!addresses.is_empty(), "the sweep found no negotiating text to read through the API");
        }
        for address in addresses {
            let (_, content_type, body) = fetch(&format!("{}{address}", demo.base), ("authorization", &token)).await;
            sweep.check_file(&account.id, reader, &format!("API {address}"), &content_type, &body);
        }
    }
}

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// What the command line writes for the reader's role: each meeting's summary as DOCX,
/// for every meeting they may know of; and each readout copy whose audience is their role.
fn command_line_exports(demo: &Demo, store: &Store, account: &Account, reader: &str, sweep: &mut Sweep<'_>) {
    let data = demo.data_dir();
    let data = data.to_str().unwrap();
    let key = demo.data_dir().join("demo.key");
    let key = key.to_str().unwrap();
    let write = |args: &[&str], out: &Path| -> Vec<u8> {
        let mut all = vec!["--data-dir", data, "--key-file", key];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--out", out.to_str().unwrap()]);
        cli(&all);
        std::fs::read(out).unwrap()
    };
    for initiative in &store.initiatives {
        let i = text(initiative, "id");
        let Some(for_reader) = Store::summary_reader(initiative, &account.id) else { continue };
        for (m, meeting) in Store::records(initiative, "meeting") {
            if !Store::may_see_meeting(initiative, meeting, &account.id) {
                continue;
            }
            // The PDF is the web's (fetched by the crawl); the DOCX is the command line's alone.
            let out = sweep.work.join("summary.docx");
            let bytes = write(&["process", "summary", &i, m, "--for", &for_reader], &out);
            let place = format!("tracktwo process summary {m} --for {for_reader}");
            sweep.check_file(&account.id, reader, &place, DOCX, &bytes);
        }
        let role = Store::standing(initiative, &account.id).map(|s| s.role).unwrap_or_default();
        // The report written for this reader's role, as the key holder writes it: it holds
        // what the role may read, whoever produces it.
        let report = match role.as_str() {
            "funder" => Some("funder"),
            "evaluator" => Some("evaluation"),
            _ => None,
        };
        if let Some(kind) = report {
            for format in ["pdf", "docx"] {
                let out = sweep.work.join(format!("report.{format}"));
                let bytes = write(&["report", kind, &i], &out);
                let content_type = if format == "pdf" { "application/pdf" } else { DOCX };
                sweep.reports += 1;
                sweep.check_file(
                    &account.id,
                    reader,
                    &format!("tracktwo report {kind} ({format})"),
                    content_type,
                    &bytes,
                );
            }
        }
        let readouts: HashMap<&str, &Value> = Store::records(initiative, "readout").collect();
        for (copy, record) in Store::records(initiative, "readout-copy") {
            let readout = text(record, "readout");
            let audience = readouts.get(readout.as_str()).map(|r| text(r, "audience")).unwrap_or_default();
            let for_this_role = match audience.as_str() {
                "track-one-official" | "public" => role == "official",
                "funder" => role == "funder",
                "participants" => role == "participant",
                _ => false,
            };
            if !for_this_role {
                continue;
            }
            for format in ["pdf", "docx"] {
                let out = sweep.work.join(format!("copy.{format}"));
                let bytes = write(&["readout", "copy", &i, copy], &out);
                let content_type = if format == "pdf" { "application/pdf" } else { DOCX };
                sweep.copies += 1;
                sweep.check_file(
                    &account.id,
                    reader,
                    &format!("tracktwo readout copy {copy} ({format})"),
                    content_type,
                    &bytes,
                );
            }
        }
    }
}
