//! The stored format, held to its word (ARCHITECTURE.md, "The stored format"): a sample of every
//! kind of sealed body, frozen as each release wrote it, must still open as its type in this
//! build and keep every field it held.
//!
//! The samples live in `tests/fixtures/stored-format/<release>/<kind>.json`. They are written
//! once, by a deliberate run with `TRACKTWO_FREEZE_STORED_FORMAT=1`, which adds the samples the
//! current release lacks and never rewrites one already there; then they are reviewed and
//! committed like code. Every other run only reads them.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tracktwo_domain::transfer::FingerprintScheme;
use tracktwo_store::RecordKind;

use crate::dialogue::DraftOf;

/// Set to write the samples the current release lacks.
const FREEZE: &str = "TRACKTWO_FREEZE_STORED_FORMAT";

/// Opens a stored body as its type and writes it again as this build would.
type Codec = fn(&[u8]) -> Result<Value, String>;

fn codec<T: Serialize + DeserializeOwned>(body: &[u8]) -> Result<Value, String> {
    let value: T = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    serde_json::to_value(&value).map_err(|e| e.to_string())
}

/// One kind of sealed body: the name its samples are filed under, how it opens, and the sample
/// this build would freeze for it (every field filled, so a renamed field cannot hide).
struct Kind {
    name: &'static str,
    codec: Codec,
    sample: Value,
}

fn kind<T: Serialize + DeserializeOwned>(name: &'static str, sample: T) -> Kind {
    Kind { name, codec: codec::<T>, sample: serde_json::to_value(sample).expect("a sample encodes") }
}

/// The body sealed for each kind of record in `sealed_records`. The match has no wildcard: a
/// new kind does not compile until it has a sample here, and does not pass until it is frozen.
fn sealed_record(record: RecordKind) -> Kind {
    let name = record.as_str();
    match record {
        RecordKind::ProcessDesign => kind(name, samples::design_record()),
        RecordKind::Round => kind(name, samples::round()),
        RecordKind::Meeting => kind(name, samples::meeting()),
        RecordKind::MeetingNote => kind(name, samples::meeting_note()),
        RecordKind::SpeakerKey => kind(name, samples::speaker_key()),
        RecordKind::DialogueOption => kind(name, samples::dialogue_option()),
        RecordKind::FollowUp => kind(name, samples::follow_up()),
        // A draft's fields are its module's own; the pair it holds is its serde form.
        RecordKind::NoteDraft => Kind {
            name,
            codec: codec::<DraftOf>,
            sample: serde_json::to_value(samples::note_draft()).expect("a sample encodes"),
        },
        RecordKind::Readout => kind(name, samples::readout()),
        RecordKind::ReadoutCopy => kind(name, samples::readout_copy()),
        RecordKind::Transfer => kind(name, samples::transfer()),
        RecordKind::Coordination => kind(name, samples::coordination()),
        RecordKind::OfficialEvent => kind(name, samples::official_event()),
        RecordKind::Conversation => kind(name, samples::conversation()),
        RecordKind::ConversationStatement => kind(name, samples::statement()),
        RecordKind::Invitation => kind(name, samples::invitation()),
        RecordKind::Voter => kind(name, samples::voter()),
        RecordKind::ConversationVote => kind(name, samples::cast_vote()),
        RecordKind::NegotiatingText => kind(name, samples::negotiating_text()),
        RecordKind::TextVersion => kind(name, samples::text_version()),
        RecordKind::TextComment => kind(name, samples::text_comment()),
        RecordKind::TextSuggestion => kind(name, samples::text_suggestion()),
        RecordKind::TextSignOff => kind(name, samples::text_sign_off()),
        RecordKind::Outcome => kind(name, samples::outcome()),
        RecordKind::Substantiation => kind(name, samples::substantiation()),
        RecordKind::Reflection => kind(name, samples::reflection()),
        RecordKind::Questionnaire => kind(name, samples::questionnaire()),
        RecordKind::QuestionnaireResponse => kind(name, samples::questionnaire_response()),
        RecordKind::Indicator => kind(name, samples::indicator()),
    }
}

/// Every kind of sealed body: the records of `sealed_records`, the map's sealed bodies (actors,
/// ties, snapshots, registry entries), and the names of every enumeration they store.
fn kinds() -> Vec<Kind> {
    let mut kinds: Vec<Kind> = RecordKind::ALL.into_iter().map(sealed_record).collect();
    kinds.extend([
        kind("actor", samples::actor()),
        kind("tie", samples::tie()),
        kind("map-snapshot", samples::map_snapshot()),
        kind("registry-entry", samples::registry_entry()),
        kind("enum-tags", samples::enum_tags()),
        kind("fingerprint-schemes", FingerprintScheme::ALL.to_vec()),
        kind("outcome-enum-tags", samples::outcome_enum_tags()),
    ]);
    kinds
}

fn samples_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stored-format")
}

fn sample_file(release: &Path, kind: &str) -> PathBuf {
    release.join(format!("{kind}.json"))
}

/// Where `now` (what this build writes after opening `frozen`) lost or changed something
/// `frozen` held. A field added since, or one written as `null` before and left out now, is no
/// difference: adding an optional field is a change the format allows.
fn first_difference(frozen: &Value, now: &Value, at: &str) -> Option<String> {
    match (frozen, now) {
        (Value::Object(frozen), Value::Object(now)) => frozen.iter().find_map(|(key, value)| {
            let at = format!("{at}.{key}");
            match now.get(key) {
                None if value.is_null() => None,
                None => Some(format!("{at} is gone")),
                Some(written) => first_difference(value, written, &at),
            }
        }),
        (Value::Array(frozen), Value::Array(now)) if frozen.len() == now.len() => {
            frozen.iter().zip(now).enumerate().find_map(|(i, (f, n))| first_difference(f, n, &format!("{at}[{i}]")))
        }
        _ if frozen == now => None,
        _ => Some(format!("{at} was {frozen}, is now {now}")),
    }
}

/// Where a sample leaves a field empty (`null`, `[]`, `{}` or `""`), which would let a change
/// to that field pass unseen.
fn empty_field(value: &Value, at: &str) -> Option<String> {
    match value {
        Value::Null => Some(at.to_owned()),
        Value::String(s) if s.is_empty() => Some(at.to_owned()),
        Value::Array(items) if items.is_empty() => Some(at.to_owned()),
        Value::Object(fields) if fields.is_empty() => Some(at.to_owned()),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| empty_field(item, &format!("{at}[{i}]"))),
        Value::Object(fields) => fields.iter().find_map(|(key, field)| empty_field(field, &format!("{at}.{key}"))),
        _ => None,
    }
}

/// Writes the samples `release` lacks; never one that is there.
fn freeze(release: &Path, kinds: &[Kind]) {
    std::fs::create_dir_all(release).expect("create the release's sample folder");
    for kind in kinds {
        let path = sample_file(release, kind.name);
        if !path.exists() {
            let mut text = serde_json::to_string_pretty(&kind.sample).expect("a sample encodes");
            text.push('\n');
            std::fs::write(&path, text).expect("write a sample");
        }
    }
}

#[test]
fn the_samples_fill_every_field_and_open_in_this_build() {
    for kind in kinds() {
        if let Some(at) = empty_field(&kind.sample, "") {
            panic!("the {} sample leaves {at} empty: fill it, or a change to it would pass unseen", kind.name);
        }
        let body = serde_json::to_vec(&kind.sample).expect("a sample encodes");
        let written = (kind.codec)(&body).unwrap_or_else(|e| panic!("the {} sample does not open: {e}", kind.name));
        assert_eq!(written, kind.sample, "the {} sample does not open as it was written", kind.name);
    }
}

#[test]
fn every_frozen_sample_of_every_release_still_opens_and_keeps_its_fields() {
    let root = samples_root();
    let this_release = root.join(env!("CARGO_PKG_VERSION"));
    let kinds = kinds();
    if std::env::var_os(FREEZE).is_some() {
        freeze(&this_release, &kinds);
    }
    let mut failures = Vec::new();
    for kind in &kinds {
        if !sample_file(&this_release, kind.name).exists() {
            failures.push(format!(
                "release {} has no frozen sample of `{}`: run `{FREEZE}=1 cargo test -p tracktwo-app stored_format` \
                 once, review {} and commit it",
                env!("CARGO_PKG_VERSION"),
                kind.name,
                this_release.display()
            ));
        }
    }
    let releases = std::fs::read_dir(&root).unwrap_or_else(|e| panic!("read {}: {e}", root.display()));
    for release in releases {
        let release = release.expect("a release folder").path();
        for file in std::fs::read_dir(&release).expect("read a release folder") {
            let path = file.expect("a sample").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            let Some(kind) = kinds.iter().find(|k| format!("{}.json", k.name) == name) else {
                failures.push(format!("{}: no kind of sealed body is filed under this name any more", path.display()));
                continue;
            };
            let body = std::fs::read(&path).expect("read a sample");
            let frozen: Value = serde_json::from_slice(&body).expect("a sample is JSON");
            match (kind.codec)(&body) {
                Err(error) => failures.push(format!("{}: no longer opens: {error}", path.display())),
                Ok(now) => {
                    if let Some(difference) = first_difference(&frozen, &now, "") {
                        failures.push(format!("{}: opens, but {difference}", path.display()));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "the stored format changed without a migration (see ARCHITECTURE.md, \"The stored format\"):\n{}",
        failures.join("\n")
    );
}

/// A sample of each kind with every field filled, as this build writes it.
mod samples {
    use std::collections::BTreeSet;

    use serde::{Deserialize, Serialize};
    use time::macros::{date, datetime};
    use tracktwo_domain::campaign::CampaignLimits;
    use tracktwo_domain::conversation::{
        CastVote, Conversation, ConversationMode, Invitation, InvitationKind, Statement, StatementLanguages,
        StatementOrigin, StatementStatus, Vote, Voter,
    };
    use tracktwo_domain::dialogue::{
        AgendaItem, Attendance, ConfidentialityMode, DialogueOption, FollowUp, Grant, Meeting, MeetingNote,
        Methodology, NoteTag, OptionStatus, Phase, ProcessDesign, ProcessKind, Round, Session, SpeakerKey,
        StatusChange, TheoryOfChange,
    };
    use tracktwo_domain::map::{
        ActorDetails, ActorKind, Capacity, Consent, ConsentAnswer, Level, MapSnapshot, RegistryEntry, RiskAssessment,
        RiskCeiling, TieDetails, TieKind, Track,
    };
    use tracktwo_domain::transfer::{
        Audience, CarriedText, Clearance, CoordinationEvent, CoordinationForm, Evidence, FingerprintScheme,
        OfficialEvent, OfficialKind, Readout, ReadoutCopy, ReadoutSection, Review, TransferChannel, TransferDirection,
        TransferEvent, TransferKind, TransferTiming,
    };
    use tracktwo_domain::{
        ActorId, InvitationId, MeetingId, MeetingNoteId, OptionId, ReadoutId, RoundId, Scope, SideId, Timestamp, UserId,
    };

    use tracktwo_domain::negotiating_text::feedback::{Answer, Outcome, Suggestion, TextComment, Voice};
    use tracktwo_domain::negotiating_text::{
        Alternative, Body, Clause, ClauseId, ContentHash, Draft, Language, NegotiatingText, Part, PartId, Renders,
        Replaces, SignOff, Span, VersionSummary, draft_hash,
    };
    use tracktwo_domain::{InitiativeId, TextCommentId};

    use tracktwo_domain::LogEventId;
    use tracktwo_domain::outcomes::{
        AssumptionReading, AssumptionStatus, Change, ChangeLevel, ChangeType, Contribution, Criterion, Layer,
        OutcomeState, Reach, Reflection, RppCell, SocialActor, Source, Substantiation, Valence, Verdict,
    };

    use crate::dialogue::{DesignRecord, NoteDraft};
    use crate::negotiating_text::{TextRecord, VersionBody};

    const AT: Timestamp = datetime!(2026-03-20 10:30:15.25 UTC);
    const ON: time::Date = date!(2026 - 03 - 20);

    fn side(n: u8) -> SideId {
        SideId::from_random_bytes([n; 16])
    }
    fn user(n: u8) -> UserId {
        UserId::from_random_bytes([n; 16])
    }
    fn actor_id(n: u8) -> ActorId {
        ActorId::from_random_bytes([n; 16])
    }
    fn round_id() -> RoundId {
        RoundId::from_random_bytes([31; 16])
    }
    fn meeting_id() -> MeetingId {
        MeetingId::from_random_bytes([32; 16])
    }
    fn readout_id() -> ReadoutId {
        ReadoutId::from_random_bytes([33; 16])
    }

    pub fn design_record() -> DesignRecord {
        DesignRecord {
            design: Some(ProcessDesign {
                kind: ProcessKind::TrackTwo,
                methodology: Methodology::SustainedDialogue,
                phase: Phase::PreNegotiation,
                theory_of_change: TheoryOfChange {
                    if_we: "bring water officials together".into(),
                    then: "a flow agreement becomes thinkable".into(),
                    because: "they carry what they learn home".into(),
                    assumptions: vec!["both ministries let them attend".into()],
                },
                locales: vec!["en".into(), "ar".into()],
                grants: vec![Grant {
                    funder: "Serin Fund".into(),
                    reference: "SF-2026-04".into(),
                    restrictions: "no travel for officials".into(),
                }],
            }),
            risk_ceiling: Some(RiskCeiling { per_person: 4, group: 30 }),
        }
    }

    pub fn round() -> Round {
        Round { number: 2, title: "Round two".into(), starts_on: Some(ON), ends_on: Some(date!(2026 - 03 - 22)) }
    }

    pub fn meeting() -> Meeting {
        Meeting {
            round: round_id(),
            title: "Workshop on the river's flow".into(),
            starts_on: ON,
            ends_on: Some(date!(2026 - 03 - 21)),
            venue: "Brenna".into(),
            mode: ConfidentialityMode::NonAttribution,
            sessions: vec![
                Session { title: "Plenary".into(), scope: Scope::Plenary, mode: ConfidentialityMode::NonAttribution },
                Session {
                    title: "Caucus".into(),
                    scope: Scope::Caucus(side(1)),
                    mode: ConfidentialityMode::ChathamHouse,
                },
            ],
            attendance: vec![Attendance {
                actor: Some(actor_id(11)),
                name: "Amal Haddad".into(),
                organisation: "Water ministry".into(),
                side: Some(side(1)),
                capacity: Capacity::PersonalCapacity,
                account: Some(user(21)),
            }],
            agenda: vec![AgendaItem { title: "Stage 1: Deciding to engage".into(), done: true }],
            stage_reached: Some(3),
            cleared: BTreeSet::from([user(22)]),
        }
    }

    pub fn meeting_note() -> MeetingNote {
        MeetingNote {
            meeting: meeting_id(),
            session: 1,
            speaker: "A1".into(),
            tags: BTreeSet::from([NoteTag::Need, NoteTag::Fear]),
            not_for_transfer: true,
            body: "Farmers need to know the flow a week ahead.".into(),
            author: Some(user(23)),
            taken_at: AT,
        }
    }

    pub fn speaker_key() -> SpeakerKey {
        SpeakerKey { entries: vec![("A1".into(), "Amal Haddad".into())] }
    }

    pub fn dialogue_option() -> DialogueOption {
        DialogueOption {
            title: "A flow hotline".into(),
            description: "Both ministries staff one line.".into(),
            issues: vec!["flow".into()],
            raised_in: vec![meeting_id()],
            supported_by: BTreeSet::from([side(1), side(2)]),
            status: OptionStatus::JointlyEndorsed,
            history: vec![StatusChange { status: OptionStatus::Raised, on: ON, round: Some(round_id()) }],
        }
    }

    pub fn follow_up() -> FollowUp {
        FollowUp {
            round: round_id(),
            commitment: "Share the gauge readings".into(),
            owner: "B1".into(),
            due_on: Some(date!(2026 - 04 - 01)),
            carried_forward: true,
            done: false,
        }
    }

    /// A draft and its author, as the note-capture page keeps them.
    pub fn note_draft() -> (Option<UserId>, NoteDraft) {
        (Some(user(24)), NoteDraft { session: 1, speaker: "B2".into(), body: "The gauges at Kessel Falls".into() })
    }

    pub fn readout() -> Readout {
        Readout {
            title: "What the workshop found".into(),
            audience: Audience::TrackOneOfficial,
            cover: "The convener's framing.".into(),
            meetings: vec![meeting_id()],
            notes: vec![MeetingNoteId::from_random_bytes([34; 16])],
            options: vec![OptionId::from_random_bytes([35; 16])],
            joint_sides: BTreeSet::from([side(1)]),
            wording_variants: true,
            clearance: Clearance::Released,
            reviews: vec![Review { by: user(25), side: Some(side(1)), at: AT }],
            released_at: Some(AT),
            released: vec![ReadoutSection { heading: "Workshop".into(), paragraphs: vec!["A hotline.".into()] }],
            fingerprint_key: Some([7; 32]),
            fingerprint_scheme: FingerprintScheme::Separated,
            text: Some(carried_text()),
        }
    }

    fn carried_text() -> CarriedText {
        CarriedText { text: tracktwo_domain::TextId::from_random_bytes([36; 16]), version: 4 }
    }

    pub fn readout_copy() -> ReadoutCopy {
        ReadoutCopy {
            readout: readout_id(),
            number: 3,
            recipient: "Deputy minister".into(),
            channel: "by hand".into(),
            delivered_on: ON,
        }
    }

    pub fn transfer() -> TransferEvent {
        TransferEvent {
            on: ON,
            what: TransferKind::IdeaOrOption,
            direction: TransferDirection::Upward,
            channel: TransferChannel::WrittenReadout,
            timing: TransferTiming::ParaNegotiation,
            evidence: Evidence::Corroborated,
            description: "The hotline reached both ministries.".into(),
            options: vec![OptionId::from_random_bytes([35; 16])],
            readout: Some(readout_id()),
            text: Some(carried_text()),
        }
    }

    pub fn coordination() -> CoordinationEvent {
        CoordinationEvent {
            on: ON,
            form: CoordinationForm::JointStrategyPlanning,
            counterpart: "The UN envoy's office".into(),
            note: "Agreed who briefs whom.".into(),
        }
    }

    pub fn official_event() -> OfficialEvent {
        OfficialEvent { on: ON, kind: OfficialKind::NegotiationRound, title: "Geneva round".into() }
    }

    pub fn conversation() -> Conversation {
        Conversation {
            title: "Sharing the river".into(),
            question: "What should a flow agreement hold?".into(),
            mode: ConversationMode::Consultation,
            segments: vec!["Farmers".into(), "Fishers".into()],
            accepts_statements: true,
            seed: 2026,
            closed: false,
        }
    }

    pub fn statement() -> Statement {
        Statement {
            number: 4,
            text: "Releases should be announced a week ahead.".into(),
            status: StatementStatus::Accepted,
            origin: StatementOrigin::Participant,
            meta: false,
            submitted_at: AT,
            languages: StatementLanguages {
                original: Some(Language::parse("en").expect("a language tag")),
                translations: [(
                    Language::parse("fr").expect("a language tag"),
                    "Les versions devraient être annoncées une semaine à l'avance.".to_owned(),
                )]
                .into(),
            },
        }
    }

    pub fn invitation() -> Invitation {
        Invitation {
            kind: InvitationKind::Campaign,
            label: "Radio call-in".into(),
            credential: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
            revoked: false,
            created_at: AT,
            limits: Some(CampaignLimits { voter_cap: 500, per_address: 4 }),
        }
    }

    pub fn voter() -> Voter {
        Voter {
            number: 12,
            credential: Some("60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752".into()),
            member: Some(user(26)),
            side: Some(side(2)),
            segment: Some("Fishers".into()),
            invitation: Some(InvitationId::from_random_bytes([36; 16])),
            joined_at: Some(AT),
        }
    }

    fn clauses() -> Vec<Clause> {
        vec![
            Clause {
                id: ClauseId(1),
                heading: "Water".into(),
                body: Body::Text(vec![
                    Span::Words("The Parties ".into()),
                    Span::Choice(vec!["shall".into(), "should".into()]),
                    Span::Words(" share the river ".into()),
                    Span::Bracketed("equitably".into()),
                    Span::Words(".".into()),
                ]),
                ad_referendum: false,
                renders: Some(Renders { source: ContentHash([7; 32]) }),
            },
            Clause {
                id: ClauseId(2),
                heading: "Commission".into(),
                body: Body::Alternatives(vec![
                    Alternative {
                        label: "A".into(),
                        text: vec![Span::Words("A joint commission meets monthly.".into())],
                        replaces: Replaces::WholeClause,
                    },
                    Alternative {
                        label: "B".into(),
                        text: vec![Span::Words("each quarter".into())],
                        replaces: Replaces::Words("monthly".into()),
                    },
                ]),
                ad_referendum: false,
                renders: Some(Renders { source: ContentHash([8; 32]) }),
            },
            Clause {
                id: ClauseId(3),
                heading: "Crossings".into(),
                body: Body::Text(vec![Span::Words("Crossings open at dawn.".into())]),
                ad_referendum: true,
                renders: Some(Renders { source: ContentHash([9; 32]) }),
            },
        ]
    }

    pub fn negotiating_text() -> TextRecord {
        let draft = text_version().draft;
        TextRecord {
            text: NegotiatingText {
                initiative: InitiativeId::from_random_bytes([3; 16]),
                title: "Non-paper on the Upper Vale".into(),
                round: Some(RoundId::from_random_bytes([4; 16])),
                mode: ConfidentialityMode::ChathamHouse,
                authoritative: Language::parse("en").expect("a language"),
                sides: BTreeSet::from([side(1), side(2)]),
                signatories: BTreeSet::from([(side(1), user(1)), (side(2), user(2))]),
                versions: vec![VersionSummary {
                    number: 1,
                    language: Language::parse("en").expect("a language"),
                    hash: draft_hash(&draft),
                    committed_at: AT,
                    committed_by: Some(user(9)),
                    renders_version: Some(1),
                    figures: draft.figures(),
                }],
                drafted_options: vec![(OptionId::from_random_bytes([5; 16]), ClauseId(2))],
            },
            bodies: std::collections::BTreeMap::from([(1, uuid::Uuid::from_bytes([6; 16]))]),
        }
    }

    pub fn text_version() -> VersionBody {
        VersionBody {
            number: 1,
            language: Language::parse("ar").expect("a language"),
            draft: Draft {
                title: "Non-paper on the Upper Vale".into(),
                preamble: "Recognising the shared river,".into(),
                parts: vec![Part { id: PartId(1), heading: "Resources".into(), clauses: clauses() }],
            },
        }
    }

    pub fn text_comment() -> TextComment {
        TextComment {
            clause: ClauseId(1),
            version: 3,
            scope: Scope::Caucus(side(1)),
            author: Some(user(1)),
            voice: Voice::Side(side(1)),
            body: "Our delegation cannot accept 'equitably' without a definition.".into(),
            at: AT,
            reply_to: Some(TextCommentId::from_random_bytes([8; 16])),
        }
    }

    pub fn text_suggestion() -> Suggestion {
        Suggestion {
            clause: ClauseId(2),
            version: 3,
            scope: Scope::Plenary,
            author: Some(user(2)),
            voice: Voice::Team,
            wording: "A joint commission meets [each quarter|monthly].".into(),
            rationale: "Monthly is too often for ministers.".into(),
            at: AT,
            answer: Some(Answer {
                outcome: Outcome::Merged,
                for_version: 4,
                reason: "Taken with the other side's wording.".into(),
                by: Some(user(9)),
                at: AT,
            }),
        }
    }

    pub fn text_sign_off() -> SignOff {
        SignOff { side: side(2), by: user(2), version: 6, hash: ContentHash([9; 32]), at: AT }
    }

    pub fn questionnaire() -> tracktwo_domain::questionnaire::Questionnaire {
        use tracktwo_domain::questionnaire::{Card, Questionnaire, Stage};
        Questionnaire {
            round: Some(RoundId::from_random_bytes([3; 16])),
            title: "Round two, before and after".into(),
            items: vec!["warmth.thermometer".into(), "trust.other_side_people".into()],
            stage: Stage::After,
            reliability: 0.7,
            cards: vec![Card { digest: "5e".repeat(32), side: side(1) }],
        }
    }

    pub fn questionnaire_response() -> tracktwo_domain::questionnaire::Response {
        use tracktwo_domain::questionnaire::{Response, Timing};
        Response {
            card: "5e".repeat(32),
            timing: Timing::After,
            side: side(1),
            answers: [("warmth.thermometer".to_owned(), 64), ("trust.other_side_people".to_owned(), 4)].into(),
        }
    }

    pub fn indicator() -> tracktwo_domain::results_framework::Indicator {
        use tracktwo_domain::results_framework::{Actual, Indicator};
        Indicator {
            outcome: "Officials take up the dialogue's options".into(),
            indicator: "Options raised in official talks".into(),
            unit: "options".into(),
            baseline: 0.0,
            target: 4.0,
            actuals: vec![Actual { period: "2025".into(), value: 1.5, note: "Minutes of the March talks".into() }],
        }
    }

    pub fn cast_vote() -> CastVote {
        CastVote { seq: 41, voter: 12, statement: 4, vote: Vote::Disagree, at: AT }
    }

    pub fn actor() -> ActorDetails {
        ActorDetails {
            kind: ActorKind::Person,
            name: Some("Amal Haddad".into()),
            code_name: "UV-01".into(),
            primary_track: Track::Government,
            tracks: BTreeSet::from([Track::Government, Track::Research]),
            level: Level::MiddleRange,
            side: Some(side(1)),
            role: "Adviser to the water minister".into(),
            decision_maker: true,
            notes: "Trained as a hydrologist.".into(),
            public_description: "A senior figure in the Upper Vale's water administration".into(),
            unplaced: std::collections::BTreeSet::new(),
        }
    }

    pub fn tie() -> TieDetails {
        TieDetails {
            from: actor_id(11),
            to: actor_id(12),
            kind: TieKind::TrustedContact,
            directed: false,
            strength: 4,
            valid_from: Some(date!(2025 - 04 - 20)),
            valid_until: Some(date!(2026 - 06 - 01)),
            notes: "Met at the first workshop.".into(),
        }
    }

    pub fn map_snapshot() -> MapSnapshot {
        MapSnapshot { label: "Before round one".into(), date: date!(2025 - 03 - 01), note: "Few ties cross.".into() }
    }

    pub fn registry_entry() -> RegistryEntry {
        RegistryEntry {
            consent: Consent {
                to_be_contacted: ConsentAnswer::Given,
                to_be_listed: ConsentAnswer::Refused,
                to_be_recorded_under_code: ConsentAnswer::NotAsked,
                to_be_photographed: ConsentAnswer::Given,
                obtained_on: Some(date!(2025 - 02 - 10)),
                obtained_how: "in person, oral, witnessed by F2".into(),
                withdrawn_on: Some(date!(2026 - 01 - 05)),
            },
            capacity: Capacity::FormerOfficial,
            risk: RiskAssessment { exposure_at_home: 3, travel_risk: 2, threats: "Press attention at home".into() },
            duty_of_care: "Meet outside the capital".into(),
            aliases: vec!["أمل حداد".into()],
        }
    }

    /// The name every value of every enumeration in a sealed body is stored under: the sample
    /// holds them all, so a renamed or removed value fails to open.
    #[derive(Serialize, Deserialize)]
    pub struct EnumTags {
        process_kind: Vec<ProcessKind>,
        methodology: Vec<Methodology>,
        phase: Vec<Phase>,
        confidentiality_mode: Vec<ConfidentialityMode>,
        capacity: Vec<Capacity>,
        note_tag: Vec<NoteTag>,
        option_status: Vec<OptionStatus>,
        audience: Vec<Audience>,
        clearance: Vec<Clearance>,
        transfer_kind: Vec<TransferKind>,
        transfer_direction: Vec<TransferDirection>,
        transfer_channel: Vec<TransferChannel>,
        transfer_timing: Vec<TransferTiming>,
        evidence: Vec<Evidence>,
        coordination_form: Vec<CoordinationForm>,
        official_kind: Vec<OfficialKind>,
        conversation_mode: Vec<ConversationMode>,
        statement_status: Vec<StatementStatus>,
        statement_origin: Vec<StatementOrigin>,
        vote: Vec<Vote>,
        invitation_kind: Vec<InvitationKind>,
        track: Vec<Track>,
        level: Vec<Level>,
        actor_kind: Vec<ActorKind>,
        tie_kind: Vec<TieKind>,
        consent_answer: Vec<ConsentAnswer>,
        scope: Vec<Scope>,
    }

    pub fn outcome() -> tracktwo_domain::outcomes::Outcome {
        tracktwo_domain::outcomes::Outcome {
            change: Change { what: "The ministry shared its flow data".into(), on: ON, place: "Brenna".into() },
            social_actor: SocialActor {
                actor: Some(actor_id(11)),
                who: "Amal Haddad".into(),
                organisation: true,
                description: "a senior water official".into(),
            },
            change_type: ChangeType::Policies,
            intended: true,
            valence: Valence::Negative,
            significance: "The first data shared since the drought".into(),
            contribution: Contribution {
                story: "Raised in the second workshop".into(),
                meetings: vec![meeting_id()],
                options: vec![OptionId::from_random_bytes([34; 16])],
                readouts: vec![readout_id()],
                transfers: vec![LogEventId::from_random_bytes([35; 16])],
                coordination: vec![LogEventId::from_random_bytes([36; 16])],
            },
            sources: vec![
                Source { name: "Karim Nasser".into(), basis: "was in the room".into(), document: false },
                Source { name: "The board's minutes".into(), basis: "published by the board".into(), document: true },
            ],
            layer: Layer::Policy,
            rpp: RppCell { reach: Reach::KeyPeople, level: ChangeLevel::SocioPolitical },
            criteria: Criterion::ALL.iter().copied().collect(),
            confidentiality: ConfidentialityMode::ChathamHouse,
            state: OutcomeState::Substantiated,
            harvested_by: user(23),
            harvested_on: date!(2026 - 04 - 02),
            assumptions: vec![(0, true), (1, false)],
        }
    }

    pub fn substantiation() -> Substantiation {
        Substantiation {
            by: user(24),
            name: "Dr N. Saleh".into(),
            verdict: Verdict::Partly,
            on: ON,
            comment: "The data came, but late".into(),
        }
    }

    pub fn reflection() -> Reflection {
        Reflection {
            on: ON,
            by: user(25),
            round: Some(round_id()),
            readings: vec![AssumptionReading {
                assumption: 0,
                status: AssumptionStatus::InDoubt,
                note: "One ministry held its people back".into(),
            }],
            note: "After round two".into(),
        }
    }

    /// The stored names of the assessment's enumerations.
    #[derive(Serialize, Deserialize)]
    pub struct OutcomeEnumTags {
        change_type: Vec<ChangeType>,
        valence: Vec<Valence>,
        layer: Vec<Layer>,
        reach: Vec<Reach>,
        change_level: Vec<ChangeLevel>,
        criterion: Vec<Criterion>,
        outcome_state: Vec<OutcomeState>,
        verdict: Vec<Verdict>,
        assumption_status: Vec<AssumptionStatus>,
    }

    pub fn outcome_enum_tags() -> OutcomeEnumTags {
        OutcomeEnumTags {
            change_type: ChangeType::ALL.to_vec(),
            valence: Valence::ALL.to_vec(),
            layer: Layer::ALL.to_vec(),
            reach: Reach::ALL.to_vec(),
            change_level: ChangeLevel::ALL.to_vec(),
            criterion: Criterion::ALL.to_vec(),
            outcome_state: OutcomeState::ALL.to_vec(),
            verdict: Verdict::ALL.to_vec(),
            assumption_status: AssumptionStatus::ALL.to_vec(),
        }
    }

    pub fn enum_tags() -> EnumTags {
        EnumTags {
            process_kind: ProcessKind::ALL.to_vec(),
            methodology: Methodology::ALL.to_vec(),
            phase: Phase::ALL.to_vec(),
            confidentiality_mode: ConfidentialityMode::ALL.to_vec(),
            capacity: Capacity::ALL.to_vec(),
            note_tag: NoteTag::ALL.to_vec(),
            option_status: OptionStatus::ALL.to_vec(),
            audience: Audience::ALL.to_vec(),
            clearance: Clearance::ALL.to_vec(),
            transfer_kind: TransferKind::ALL.to_vec(),
            transfer_direction: TransferDirection::ALL.to_vec(),
            transfer_channel: TransferChannel::ALL.to_vec(),
            transfer_timing: TransferTiming::ALL.to_vec(),
            evidence: Evidence::ALL.to_vec(),
            coordination_form: CoordinationForm::ALL.to_vec(),
            official_kind: OfficialKind::ALL.to_vec(),
            conversation_mode: ConversationMode::ALL.to_vec(),
            statement_status: StatementStatus::ALL.to_vec(),
            statement_origin: StatementOrigin::ALL.to_vec(),
            vote: Vote::ALL.to_vec(),
            invitation_kind: InvitationKind::ALL.to_vec(),
            track: Track::ALL.to_vec(),
            level: Level::ALL.to_vec(),
            actor_kind: ActorKind::ALL.to_vec(),
            tie_kind: TieKind::ALL.to_vec(),
            consent_answer: ConsentAnswer::ALL.to_vec(),
            scope: vec![Scope::Plenary, Scope::Caucus(side(1))],
        }
    }
}
