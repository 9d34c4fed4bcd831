//! Dialogue processes: how an initiative works (its methodology, phase and theory of change),
//! its rounds and meetings under explicit confidentiality modes, the rapporteur's notes by
//! speaker code, the options register and the follow-ups between rounds.
//!
//! Every text here is sensitive; `Debug` prints identifiers and enumerations only.

use std::collections::BTreeSet;

use time::Date;

use crate::Timestamp;
use crate::access::Scope;
use crate::ids::{ActorId, SideId, UserId};
use crate::map::Capacity;
use crate::records::ValidationError;

field_enum!(
    /// Which track the process runs on.
    ProcessKind as "initiative kind" {
        TrackTwo => "track-2", "Track 2",
        TrackOneAndAHalf => "track-1.5", "Track 1.5",
        TrackThree => "track-3", "Track 3",
        MultiTrack => "multi-track", "Multi-track",
    }
);

field_enum!(
    /// How the dialogue is run.
    Methodology as "methodology" {
        ProblemSolvingWorkshop => "problem-solving-workshop", "Problem-solving workshop (Kelman)",
        SustainedDialogue => "sustained-dialogue", "Sustained dialogue (Saunders)",
        PolicyDialogue => "track-1.5-policy-dialogue", "Track 1.5 policy dialogue",
        OneText => "one-text-mediation", "One-text mediation",
        CitizenExchange => "citizen-exchange", "Citizen exchange",
    }
);

field_enum!(
    /// Where the process stands against the official one.
    Phase as "phase" {
        PreNegotiation => "pre-negotiation", "Pre-negotiation",
        ParaNegotiation => "para-negotiation", "Para-negotiation (alongside official talks)",
        PostAgreement => "post-agreement", "Post-agreement / implementation",
    }
);

impl Methodology {
    /// The agenda a meeting of this methodology starts from, in order. For a sustained
    /// dialogue these are Saunders' five stages, and the stage a meeting reaches is tracked
    /// across rounds.
    #[must_use]
    pub fn template(self) -> &'static [&'static str] {
        match self {
            Methodology::ProblemSolvingWorkshop => &[
                "Exchange of information on each side's situation",
                "Analysis of each side's needs and fears",
                "Joint thinking about solutions that meet both sides' needs",
                "Political and psychological constraints on such solutions",
                "Joint thinking about overcoming the constraints",
            ],
            Methodology::SustainedDialogue => &[
                "Stage 1: Deciding to engage",
                "Stage 2: Mapping relationships and naming problems",
                "Stage 3: Probing problems and relationships",
                "Stage 4: Scenario building",
                "Stage 5: Acting together",
            ],
            Methodology::PolicyDialogue => &[
                "Opening: ground rules and the capacity in which each person attends",
                "Each side's reading of the situation",
                "Thematic sessions on the issues",
                "Options and their feasibility",
                "What to carry back, and to whom",
            ],
            Methodology::OneText => &[
                "Interviews: each side's interests, not positions",
                "First draft, committing no one",
                "Criticism of the draft by each side",
                "Redraft",
                "Decision on the whole text",
            ],
            Methodology::CitizenExchange => &[
                "Introductions and personal stories",
                "Life on each side: visits and listening",
                "Shared concerns",
                "Joint activities",
                "Staying in touch",
            ],
        }
    }
}

/// "If … then … because …", with the assumptions it rests on.
#[derive(Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct TheoryOfChange {
    pub if_we: String,
    pub then: String,
    pub because: String,
    pub assumptions: Vec<String>,
}

/// A grant that pays for the process, with what it may and may not be spent on.
#[derive(Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Grant {
    pub funder: String,
    pub reference: String,
    pub restrictions: String,
}

/// How an initiative works: its design, beside its rounds and meetings.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProcessDesign {
    pub kind: ProcessKind,
    pub methodology: Methodology,
    pub phase: Phase,
    pub theory_of_change: TheoryOfChange,
    pub locales: Vec<String>,
    pub grants: Vec<Grant>,
}

impl std::fmt::Debug for ProcessDesign {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProcessDesign")
            .field("kind", &self.kind)
            .field("methodology", &self.methodology)
            .field("phase", &self.phase)
            .finish_non_exhaustive()
    }
}

const TEXT_MAX: usize = 100_000;

use crate::records::line;

fn text(field: &'static str, value: &str, required: bool) -> Result<(), ValidationError> {
    crate::records::paragraphs(field, value, required, TEXT_MAX)
}

impl ProcessDesign {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let t = &self.theory_of_change;
        text("if", &t.if_we, false)?;
        text("then", &t.then, false)?;
        text("because", &t.because, false)?;
        for assumption in &t.assumptions {
            text("assumption", assumption, true)?;
        }
        for locale in &self.locales {
            line("locale", locale, true)?;
        }
        for grant in &self.grants {
            line("funder", &grant.funder, true)?;
            line("grant reference", &grant.reference, false)?;
            text("grant restrictions", &grant.restrictions, false)?;
        }
        Ok(())
    }
}

/// A round of the process: one or more meetings, with follow-ups before the next.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Round {
    pub number: u32,
    pub title: String,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
}

impl std::fmt::Debug for Round {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Round").field("number", &self.number).finish_non_exhaustive()
    }
}

impl Round {
    pub fn validate(&self) -> Result<(), ValidationError> {
        line("round title", &self.title, true)?;
        if let (Some(start), Some(end)) = (self.starts_on, self.ends_on)
            && end < start
        {
            return Err(ValidationError::Invalid { field: "round end", reason: "comes before its start" });
        }
        Ok(())
    }
}

field_enum!(
    /// The rule a meeting or session runs under.
    ConfidentialityMode as "confidentiality mode" {
        /// Everything may be reported, with names.
        OnTheRecord => "on-the-record", "On the record",
        /// Who attended may be listed; what was said is never attributed.
        NonAttribution => "non-attribution", "Non-attribution",
        /// What was said may be used; neither who said it nor who attended may be revealed.
        ChathamHouse => "chatham-house", "Chatham House Rule",
        /// Even that the meeting took place is known to the cleared only.
        SecretChannel => "secret-channel", "Secret channel",
    }
);

impl ConfidentialityMode {
    /// How strict the mode is; a session can only be as strict as its meeting or stricter.
    #[must_use]
    pub fn strictness(self) -> u8 {
        match self {
            ConfidentialityMode::OnTheRecord => 0,
            ConfidentialityMode::NonAttribution => 1,
            ConfidentialityMode::ChathamHouse => 2,
            ConfidentialityMode::SecretChannel => 3,
        }
    }

    /// Whether an attendee list may appear in what leaves the meeting.
    #[must_use]
    pub fn attendees_listable(self) -> bool {
        matches!(self, ConfidentialityMode::OnTheRecord | ConfidentialityMode::NonAttribution)
    }
}

/// A part of a meeting: the plenary or one side's caucus, with its own mode.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Session {
    pub title: String,
    pub scope: Scope,
    pub mode: ConfidentialityMode,
}

/// One person at one meeting, with the side and capacity they came in.
///
/// An attendee is an actor of the system map, whose registry entry holds their consent; the
/// name is kept beside it as the team typed or took it. An attendee recorded before attendance
/// was linked (`actor` empty) has no consent on record and is shown to the team alone.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Attendance {
    /// The actor of the system map.
    pub actor: Option<ActorId>,
    pub name: String,
    pub organisation: String,
    pub side: Option<SideId>,
    pub capacity: Capacity,
    /// The member account of the person, where they have one: a participant who attended a
    /// meeting sees who else did. Absent from meetings stored before it existed.
    #[serde(default)]
    pub account: Option<UserId>,
}

impl std::fmt::Debug for Attendance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Attendance").field("actor", &self.actor).finish_non_exhaustive()
    }
}

/// An item of a meeting's agenda, drawn from the methodology's template or added.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AgendaItem {
    pub title: String,
    pub done: bool,
}

#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meeting {
    pub round: crate::ids::RoundId,
    pub title: String,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    /// Visible to the convener and operations only when the meeting is a secret channel.
    pub venue: String,
    pub mode: ConfidentialityMode,
    pub sessions: Vec<Session>,
    pub attendance: Vec<Attendance>,
    pub agenda: Vec<AgendaItem>,
    /// How far along the methodology's template the meeting got (1-based), if recorded.
    pub stage_reached: Option<u8>,
    /// For a secret channel: the members, beyond the convener, who know it exists.
    pub cleared: BTreeSet<UserId>,
}

impl std::fmt::Debug for Meeting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Meeting").field("mode", &self.mode).field("starts_on", &self.starts_on).finish_non_exhaustive()
    }
}

impl Meeting {
    pub fn validate(&self) -> Result<(), ValidationError> {
        line("meeting title", &self.title, true)?;
        line("venue", &self.venue, false)?;
        if let Some(end) = self.ends_on
            && end < self.starts_on
        {
            return Err(ValidationError::Invalid { field: "meeting end", reason: "comes before its start" });
        }
        if self.sessions.is_empty() {
            return Err(ValidationError::Empty { field: "sessions" });
        }
        for session in &self.sessions {
            line("session title", &session.title, true)?;
            if session.mode.strictness() < self.mode.strictness() {
                return Err(ValidationError::Invalid {
                    field: "session mode",
                    reason: "cannot be less strict than the meeting's",
                });
            }
        }
        for person in &self.attendance {
            line("attendee name", &person.name, true)?;
            line("organisation", &person.organisation, false)?;
        }
        for item in &self.agenda {
            line("agenda item", &item.title, true)?;
        }
        Ok(())
    }

    /// Whether the member `user` attended this meeting.
    #[must_use]
    pub fn attended_by(&self, user: Option<UserId>) -> bool {
        user.is_some_and(|user| self.attendance.iter().any(|a| a.account == Some(user)))
    }

    /// The session's mode, or the meeting's for a session index out of range.
    #[must_use]
    pub fn session_mode(&self, session: usize) -> ConfidentialityMode {
        self.sessions.get(session).map_or(self.mode, |s| s.mode)
    }
}

field_enum!(
    /// What a note records.
    NoteTag as "note tag" {
        Issue => "issue", "issue",
        Need => "need", "need",
        Fear => "fear", "fear",
        Option => "option", "option",
        Agreement => "agreement", "agreement",
        Disagreement => "disagreement", "disagreement",
    }
);

/// Speaker codes: a side letter and a number ("A1", "B3"), or "F" for the facilitation team.
/// Never a name.
pub fn validate_speaker_code(code: &str) -> Result<(), ValidationError> {
    let code = code.trim();
    if code.is_empty() {
        return Ok(());
    }
    let mut chars = code.chars();
    let first = chars.next().is_some_and(|c| c.is_ascii_uppercase());
    let rest: String = chars.collect();
    if !first || rest.len() > 3 || !rest.chars().all(|c| c.is_ascii_digit()) {
        return Err(ValidationError::Invalid {
            field: "speaker code",
            reason: "must be a capital letter and up to three digits, like A1, B12 or F",
        });
    }
    Ok(())
}

/// A rapporteur's note, taken during one session of a meeting.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MeetingNote {
    pub meeting: crate::ids::MeetingId,
    /// Index of the session within the meeting.
    pub session: usize,
    /// Who spoke, as a code; empty when the note is the rapporteur's own.
    pub speaker: String,
    pub tags: BTreeSet<NoteTag>,
    /// Not to be carried to Track One or anyone outside the room.
    pub not_for_transfer: bool,
    pub body: String,
    pub author: Option<UserId>,
    pub taken_at: Timestamp,
}

impl std::fmt::Debug for MeetingNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MeetingNote")
            .field("meeting", &self.meeting)
            .field("session", &self.session)
            .finish_non_exhaustive()
    }
}

impl MeetingNote {
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_speaker_code(&self.speaker)?;
        text("note", &self.body, true)
    }
}

/// Which person stands behind each speaker code of a meeting: the most dangerous record of a
/// dialogue. The convener's alone, and never part of any export.
#[derive(Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct SpeakerKey {
    pub entries: Vec<(String, String)>,
}

impl std::fmt::Debug for SpeakerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SpeakerKey").field("entries", &self.entries.len()).finish()
    }
}

impl SpeakerKey {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let mut seen = BTreeSet::new();
        for (code, name) in &self.entries {
            if code.trim().is_empty() {
                return Err(ValidationError::Empty { field: "speaker code" });
            }
            validate_speaker_code(code)?;
            line("speaker name", name, true)?;
            if !seen.insert(code.trim()) {
                return Err(ValidationError::Invalid { field: "speaker code", reason: "is given twice" });
            }
        }
        Ok(())
    }
}

field_enum!(
    /// How far an option has come.
    OptionStatus as "option status" {
        Raised => "raised", "Raised",
        Developed => "developed", "Developed",
        JointlyEndorsed => "jointly-endorsed", "Jointly endorsed",
        Transferred => "transferred", "Transferred to Track One",
        AdoptedOfficially => "adopted-officially", "Adopted officially",
    }
);

/// One step of an option's path, with where it happened.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StatusChange {
    pub status: OptionStatus,
    pub on: Date,
    pub round: Option<crate::ids::RoundId>,
}

/// An idea or option raised in the dialogue. Its provenance is which meetings and which sides,
/// never which person.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DialogueOption {
    pub title: String,
    pub description: String,
    /// The issues it answers, in the team's words.
    pub issues: Vec<String>,
    pub raised_in: Vec<crate::ids::MeetingId>,
    pub supported_by: BTreeSet<SideId>,
    pub status: OptionStatus,
    pub history: Vec<StatusChange>,
}

impl std::fmt::Debug for DialogueOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DialogueOption").field("status", &self.status).finish_non_exhaustive()
    }
}

impl DialogueOption {
    pub fn validate(&self) -> Result<(), ValidationError> {
        line("option title", &self.title, true)?;
        text("option description", &self.description, false)?;
        for issue in &self.issues {
            line("issue", issue, true)?;
        }
        Ok(())
    }
}

/// A commitment made in a round, to be done before the next.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FollowUp {
    pub round: crate::ids::RoundId,
    pub commitment: String,
    /// Who carries it: a team member or a speaker code, never a participant's name.
    pub owner: String,
    pub due_on: Option<Date>,
    /// An issue left open and carried to the next round, rather than a task.
    pub carried_forward: bool,
    pub done: bool,
}

impl std::fmt::Debug for FollowUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FollowUp").field("round", &self.round).field("done", &self.done).finish_non_exhaustive()
    }
}

impl FollowUp {
    pub fn validate(&self) -> Result<(), ValidationError> {
        text("commitment", &self.commitment, true)?;
        line("owner", &self.owner, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_codes_are_codes_not_names() {
        for good in ["A1", "B12", "F", "C999", ""] {
            assert!(validate_speaker_code(good).is_ok(), "{good}");
        }
        for bad in ["Amal", "a1", "A1234", "1A", "A-1"] {
            assert!(validate_speaker_code(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_session_cannot_be_less_strict_than_its_meeting() {
        let meeting = Meeting {
            round: crate::ids::RoundId::from_random_bytes([1; 16]),
            title: "Round one".into(),
            starts_on: Date::from_calendar_date(2025, time::Month::April, 20).unwrap(),
            ends_on: None,
            venue: String::new(),
            mode: ConfidentialityMode::ChathamHouse,
            sessions: vec![Session {
                title: "Plenary".into(),
                scope: Scope::Plenary,
                mode: ConfidentialityMode::NonAttribution,
            }],
            attendance: Vec::new(),
            agenda: Vec::new(),
            stage_reached: None,
            cleared: BTreeSet::new(),
        };
        assert!(meeting.validate().is_err());
        let stricter = Meeting {
            sessions: vec![Session { mode: ConfidentialityMode::SecretChannel, ..meeting.sessions[0].clone() }],
            ..meeting
        };
        assert!(stricter.validate().is_ok());
    }

    #[test]
    fn every_methodology_has_a_five_step_template() {
        for methodology in Methodology::ALL {
            assert_eq!(methodology.template().len(), 5, "{methodology:?}");
        }
        assert!(Methodology::SustainedDialogue.template()[3].contains("Scenario building"));
    }

    #[test]
    fn an_attendee_stored_before_accounts_were_linked_still_opens() {
        let stored = r#"{"actor":null,"name":"Amal Haddad","organisation":"","side":null,"capacity":"non-official"}"#;
        let attendee: Attendance = serde_json::from_str(stored).unwrap();
        assert_eq!((attendee.actor, attendee.account), (None, None));
        assert!(!format!("{attendee:?}").contains("Amal"));
    }

    #[test]
    fn a_speaker_key_gives_each_code_once() {
        let key = SpeakerKey { entries: vec![("A1".into(), "X".into()), ("A1".into(), "Y".into())] };
        assert!(key.validate().is_err());
        assert!(!format!("{key:?}").contains('X'));
    }
}
