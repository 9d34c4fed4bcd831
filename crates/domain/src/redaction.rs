//! The redaction engine: what of a meeting leaves it, for whom. One function, [`summarise`],
//! applies the meeting's and each session's confidentiality mode and the reader's role, and
//! every export (meeting summaries now, readouts to Track One later) is built from what it
//! returns, so no export can hold more than the rules allow.
//!
//! The rules, by mode:
//! - *on the record*: attendees listed, statements may carry their speaker codes;
//! - *non-attribution*: attendees listed, statements never attributed;
//! - *Chatham House*: content usable, no attendee list, no name or organisation anywhere;
//! - *secret channel*: only the cleared know the meeting exists (decided before this runs);
//!   its sessions reach the convening team only.
//!
//! And by reader: the team sees every session; a participant the plenary and their own side's
//! caucus; an observer the plenary; officials and evaluators the plenary without the notes
//! marked not for transfer; operations the logistics; funders the design, never who attended.
//! The speaker key (which code is which person) is never part of a summary.
//!
//! Who of the attendees a reader sees by name is [`crate::attendee::sight`]'s to say: outside
//! the team, only people who consented to be listed, and a participant only their own side's
//! and those of the meetings they attended. The name of anyone who has not consented to be
//! listed is withheld from every text a reader outside the team gets, whatever the mode.
//!
//! Beyond the rules, names are scrubbed: wherever a mode forbids attribution, every attendee's
//! and every speaker's name, each part of it, every other name held for them (the map's name,
//! the registry's aliases and other-script spellings) and each organisation is replaced in all
//! free text, whatever its case, accents or possessive ending ([`crate::scrub`]). A rapporteur's
//! note that names someone there is held before it is saved ([`names_in_note`]), so the record
//! stays clean; the scrubbing catches what the record holds anyway (a note saved before an
//! attendee, an alias or a stricter mode was added, or before this check existed).

use std::collections::BTreeSet;

use crate::access::{Scope, Standing};
use crate::attendee::{AttendeeFacts, AttendeeSight, sees_every_attendee, sight};
use crate::dialogue::{
    Attendance, ConfidentialityMode, DialogueOption, FollowUp, Meeting, MeetingNote, NoteTag, OptionStatus, SpeakerKey,
};
use crate::ids::{ActorId, SideId, UserId};
use crate::map::Capacity;
use crate::records::MemberRole;
use crate::scrub::{Found, Names};

/// Who a summary is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The convening team (convener, facilitator, rapporteur).
    Team,
    Participant {
        side: Option<SideId>,
    },
    Observer,
    Official,
    Evaluator,
    Funder,
    Operations,
}

impl Reader {
    #[must_use]
    pub fn of(standing: Standing) -> Self {
        match standing.role {
            MemberRole::Convener | MemberRole::Facilitator | MemberRole::Rapporteur => Reader::Team,
            MemberRole::Participant => Reader::Participant { side: standing.side },
            MemberRole::Observer => Reader::Observer,
            MemberRole::Official => Reader::Official,
            MemberRole::Evaluator => Reader::Evaluator,
            MemberRole::Funder => Reader::Funder,
            MemberRole::Operations => Reader::Operations,
        }
    }

    /// Every kind of reader, with participants of the given sides, for exhaustive checks.
    #[must_use]
    pub fn all(sides: &[SideId]) -> Vec<Reader> {
        let mut out = vec![
            Reader::Team,
            Reader::Observer,
            Reader::Official,
            Reader::Evaluator,
            Reader::Funder,
            Reader::Operations,
        ];
        out.push(Reader::Participant { side: None });
        out.extend(sides.iter().map(|s| Reader::Participant { side: Some(*s) }));
        out
    }

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Reader::Team => "the convening team",
            Reader::Participant { .. } => "a participant",
            Reader::Observer => "an observer",
            Reader::Official => "a Track One official",
            Reader::Evaluator => "an evaluator",
            Reader::Funder => "a funder",
            Reader::Operations => "operations",
        }
    }
}

/// Whether a member may know that `meeting` exists: a secret-channel meeting is known to the
/// convener and to the members cleared for it; every other meeting to every member.
#[must_use]
pub fn may_see_meeting(meeting: &Meeting, standing: Option<Standing>, user: Option<UserId>) -> bool {
    if meeting.mode != ConfidentialityMode::SecretChannel {
        return true;
    }
    match (standing, user) {
        // The key holder (no standing, no user) holds every key already.
        (None, None) => true,
        (Some(s), _) if s.role == MemberRole::Convener => true,
        (_, Some(user)) => meeting.cleared.contains(&user),
        _ => false,
    }
}

/// Everything recorded of one meeting, as the core loads it. Names here are plaintext: this
/// value never leaves the core; only what [`summarise`] makes of it does.
#[derive(Clone)]
pub struct MeetingRecord<'a> {
    pub initiative_title: &'a str,
    pub round_title: &'a str,
    pub meeting: &'a Meeting,
    pub notes: &'a [MeetingNote],
    /// Options raised in this meeting.
    pub options: &'a [DialogueOption],
    /// Follow-ups of the meeting's round.
    pub follow_ups: &'a [FollowUp],
    pub sides: &'a [(SideId, String)],
    /// Read only to know which names to scrub; never copied into a summary.
    pub speaker_key: Option<&'a SpeakerKey>,
    /// The other names held for attendees who are actors of the map (the map's name, the
    /// registry's aliases), by actor. Read only to know which names to scrub.
    pub aliases: &'a [(ActorId, Vec<String>)],
    /// The attendees, by actor, whose registry entry holds a consent to be listed, given and
    /// not withdrawn, as it stands when the summary is made. Everyone else is the team's alone
    /// ([`crate::attendee`]).
    pub listable: &'a BTreeSet<ActorId>,
    /// How far along the methodology's stages the meeting got.
    pub stage: Option<StageReached>,
}

/// The step of its methodology a meeting reached (counted from one), for the edge to name in
/// its reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageReached {
    pub methodology: crate::dialogue::Methodology,
    pub step: u8,
}

impl StageReached {
    /// The step's name in the methodology's template, as the readout's text and the API give
    /// it (the pages name it in their reader's language).
    #[must_use]
    pub fn template_name(self) -> Option<&'static str> {
        self.methodology.template().get(usize::from(self.step).saturating_sub(1)).copied()
    }
}

/// Where a session sat: in plenary, or in one side's caucus (the side's name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionScope {
    Plenary,
    Caucus { side: String },
}

/// What a summary leaves out, so its reader knows it is partial; said in the reader's language
/// by the edge. Who the summary is for is its [`MeetingSummary::reader`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Withheld {
    /// The attendee list, under a mode that does not disclose attendance.
    AttendeeList { mode: ConfidentialityMode },
    /// The attendee list: funders do not receive participants' identities.
    AttendeeListFromFunders,
    /// Attendees of a side not listed for this reader.
    AttendeesNotListed { count: usize, side: String },
    /// The venue of a secret channel.
    SecretVenue,
    /// The record of the sessions, which this reader does not receive.
    SessionRecord,
    /// Sessions closed to this reader.
    SessionsClosed { count: usize },
    /// Notes marked not for transfer.
    NotesNotForTransfer { count: usize },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryAttendee {
    pub name: String,
    pub organisation: String,
    pub side: String,
    pub capacity: Capacity,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryNote {
    /// The note's place in the record's notes, so a readout can pick notes by identity.
    pub source: usize,
    /// The speaker code, where the mode lets statements be attributed to a code.
    pub speaker: Option<String>,
    pub tags: BTreeSet<NoteTag>,
    pub body: String,
    pub not_for_transfer: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummarySession {
    pub title: String,
    pub scope: SessionScope,
    pub mode: ConfidentialityMode,
    pub notes: Vec<SummaryNote>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryOption {
    pub title: String,
    pub status: OptionStatus,
    pub supported_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryFollowUp {
    pub commitment: String,
    pub owner: Option<String>,
    pub due_on: Option<time::Date>,
    pub carried_forward: bool,
    pub done: bool,
}

/// A meeting as one reader may take it away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingSummary {
    /// For the reader's eyes and the file's metadata alike: scrubbed where names are forbidden.
    pub title: String,
    pub initiative: String,
    pub round: String,
    pub mode: ConfidentialityMode,
    pub starts_on: time::Date,
    pub ends_on: Option<time::Date>,
    pub venue: Option<String>,
    /// `None` where the mode or the reader forbids a list.
    pub attendees: Option<Vec<SummaryAttendee>>,
    pub agenda: Vec<(String, bool)>,
    pub stage_reached: Option<StageReached>,
    pub sessions: Vec<SummarySession>,
    pub options: Vec<SummaryOption>,
    pub follow_ups: Vec<SummaryFollowUp>,
    /// What was left out, so the reader knows a summary is partial.
    pub withheld: Vec<Withheld>,
    pub reader: Reader,
}

impl MeetingSummary {
    /// Every text of the summary, for checks that nothing forbidden is in it.
    #[must_use]
    pub fn texts(&self) -> Vec<&str> {
        let mut out = vec![self.title.as_str(), &self.initiative, &self.round];
        out.extend(self.venue.as_deref());
        for a in self.attendees.iter().flatten() {
            out.extend([a.name.as_str(), &a.organisation, &a.side]);
        }
        out.extend(self.agenda.iter().map(|(t, _)| t.as_str()));
        for s in &self.sessions {
            out.push(&s.title);
            if let SessionScope::Caucus { side } = &s.scope {
                out.push(side);
            }
            for n in &s.notes {
                out.push(&n.body);
                out.extend(n.speaker.as_deref());
            }
        }
        for o in &self.options {
            out.push(&o.title);
            out.extend(o.supported_by.iter().map(String::as_str));
        }
        for f in &self.follow_ups {
            out.push(&f.commitment);
            out.extend(f.owner.as_deref());
        }
        out.extend(self.withheld.iter().filter_map(|w| match w {
            Withheld::AttendeesNotListed { side, .. } => Some(side.as_str()),
            _ => None,
        }));
        out
    }
}

/// Every name that must not stand where `meeting`'s mode forbids attribution: each attendee
/// by name, by the other names held for them in `aliases` (by actor) and by organisation, and
/// each name in the speaker key.
#[must_use]
pub fn names_to_withhold(
    meeting: &Meeting,
    speaker_key: Option<&SpeakerKey>,
    aliases: &[(ActorId, Vec<String>)],
) -> Names {
    let mut names = Names::new();
    for person in &meeting.attendance {
        let held: &[String] = person
            .actor
            .and_then(|actor| aliases.iter().find(|(id, _)| *id == actor))
            .map_or(&[], |(_, held)| held.as_slice());
        names.add_person(&person.name, held);
        names.add_organisation(&person.organisation);
    }
    for (_, name) in speaker_key.iter().flat_map(|key| &key.entries) {
        names.add_person(name, &[] as &[&str]);
    }
    names
}

/// Whether what is said in session `session` of `meeting` may be attributed: only where both
/// the meeting and the session are on the record.
#[must_use]
pub fn attributable(meeting: &Meeting, session: usize) -> bool {
    meeting.mode == ConfidentialityMode::OnTheRecord
        && meeting.sessions.get(session).is_some_and(|s| s.mode == ConfidentialityMode::OnTheRecord)
}

/// Where `note`, about to be saved, names someone `names` holds although its session forbids
/// attribution: each place its author must change (to a speaker code) before it is kept. Empty
/// where the session may attribute.
#[must_use]
pub fn names_in_note(meeting: &Meeting, note: &MeetingNote, names: &Names) -> Vec<Found> {
    if attributable(meeting, note.session) {
        return Vec::new();
    }
    names.find(&note.body)
}

/// The facts [`crate::attendee::sight`] reads of one attendee.
#[must_use]
pub fn attendee_facts(person: &Attendance, listable: &BTreeSet<ActorId>) -> AttendeeFacts {
    AttendeeFacts { side: person.side, may_be_listed: person.actor.is_some_and(|actor| listable.contains(&actor)) }
}

/// The names of the attendees `reader` may never be shown, whatever the mode: those who have
/// not consented to be listed (by name and every name held for them), for anyone outside the
/// team. Empty for the team.
#[must_use]
pub fn names_never_shown(
    meeting: &Meeting,
    aliases: &[(ActorId, Vec<String>)],
    listable: &BTreeSet<ActorId>,
    reader: Reader,
) -> Names {
    let mut names = Names::new();
    if sees_every_attendee(reader) {
        return names;
    }
    for person in meeting.attendance.iter().filter(|p| !attendee_facts(p, listable).may_be_listed) {
        let held: &[String] = person
            .actor
            .and_then(|actor| aliases.iter().find(|(id, _)| *id == actor))
            .map_or(&[], |(_, held)| held.as_slice());
        names.add_person(&person.name, held);
    }
    names
}

/// What `reader` may take away from `record`; `attended` tells whether the reader attended
/// the meeting themselves. The caller has already decided that the reader may know the meeting
/// exists ([`may_see_meeting`]).
#[must_use]
pub fn summarise(record: &MeetingRecord<'_>, reader: Reader, attended: bool) -> MeetingSummary {
    let meeting = record.meeting;
    let side_name = |side: Option<SideId>| {
        side.and_then(|s| record.sides.iter().find(|(id, _)| *id == s))
            .map_or_else(|| "third party".to_owned(), |(_, n)| n.clone())
    };
    let mut withheld = Vec::new();

    let names = names_to_withhold(meeting, record.speaker_key, record.aliases);
    // Whoever has not consented to be listed is withheld even where the mode allows names.
    let never = names_never_shown(meeting, record.aliases, record.listable, reader);
    let on_the_record = meeting.mode == ConfidentialityMode::OnTheRecord;
    let clean = |text: &str| if on_the_record { never.scrub(text) } else { names.scrub(text) };

    let attendees = if !meeting.mode.attendees_listable() {
        withheld.push(Withheld::AttendeeList { mode: meeting.mode });
        None
    } else if reader == Reader::Funder {
        withheld.push(Withheld::AttendeeListFromFunders);
        None
    } else {
        let mut listed = Vec::new();
        let mut unlisted: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
        for person in &meeting.attendance {
            match sight(reader, attended, meeting.mode, attendee_facts(person, record.listable)) {
                AttendeeSight::Name => listed.push(SummaryAttendee {
                    name: person.name.clone(),
                    organisation: person.organisation.clone(),
                    side: side_name(person.side),
                    capacity: person.capacity,
                }),
                AttendeeSight::Withheld => *unlisted.entry(side_name(person.side)).or_default() += 1,
            }
        }
        for (side, count) in unlisted {
            withheld.push(Withheld::AttendeesNotListed { count, side });
        }
        Some(listed)
    };

    let venue = match (meeting.mode, reader) {
        (ConfidentialityMode::SecretChannel, Reader::Operations) => Some(meeting.venue.clone()),
        // Of the team, only the convener sees a secret channel's venue; the summary does not
        // know which member of the team reads it, so it leaves the venue out for all of them.
        (ConfidentialityMode::SecretChannel, _) => {
            withheld.push(Withheld::SecretVenue);
            None
        }
        (_, Reader::Team | Reader::Operations | Reader::Participant { .. } | Reader::Observer) => {
            Some(clean(&meeting.venue))
        }
        _ => None,
    };

    let mut sessions = Vec::new();
    let mut left_out_sessions = 0;
    let mut left_out_notes = 0;
    for (index, session) in meeting.sessions.iter().enumerate() {
        let in_scope = match (reader, session.scope) {
            (Reader::Team, _) => true,
            (_, _) if session.mode == ConfidentialityMode::SecretChannel => false,
            (Reader::Participant { side }, Scope::Caucus(caucus)) => side == Some(caucus),
            (Reader::Participant { .. } | Reader::Observer | Reader::Official | Reader::Evaluator, Scope::Plenary) => {
                true
            }
            _ => false,
        };
        if !in_scope {
            left_out_sessions += 1;
            continue;
        }
        let transferable_only = matches!(reader, Reader::Official | Reader::Evaluator);
        let show_codes = reader == Reader::Team
            || (session.mode == ConfidentialityMode::OnTheRecord && meeting.mode == ConfidentialityMode::OnTheRecord);
        let attributable_here = attributable(meeting, index);
        let mut notes = Vec::new();
        for (source, note) in record.notes.iter().enumerate().filter(|(_, n)| n.session == index) {
            if transferable_only && note.not_for_transfer {
                left_out_notes += 1;
                continue;
            }
            notes.push(SummaryNote {
                source,
                speaker: (show_codes && !note.speaker.trim().is_empty()).then(|| note.speaker.trim().to_owned()),
                tags: note.tags.clone(),
                body: if attributable_here { never.scrub(&note.body) } else { names.scrub(&note.body) },
                not_for_transfer: note.not_for_transfer,
            });
        }
        let scope = match session.scope {
            Scope::Plenary => SessionScope::Plenary,
            Scope::Caucus(side) => SessionScope::Caucus { side: side_name(Some(side)) },
        };
        sessions.push(SummarySession { title: clean(&session.title), scope, mode: session.mode, notes });
    }
    if matches!(reader, Reader::Funder | Reader::Operations) {
        withheld.push(Withheld::SessionRecord);
    } else if left_out_sessions > 0 {
        withheld.push(Withheld::SessionsClosed { count: left_out_sessions });
    }
    if left_out_notes > 0 {
        withheld.push(Withheld::NotesNotForTransfer { count: left_out_notes });
    }

    let options = record
        .options
        .iter()
        .filter(|_| reader != Reader::Operations)
        .map(|o| SummaryOption {
            title: clean(&o.title),
            status: o.status,
            supported_by: o.supported_by.iter().map(|s| side_name(Some(*s))).collect(),
        })
        .collect();
    let follow_ups = if matches!(reader, Reader::Team | Reader::Participant { .. } | Reader::Operations) {
        record
            .follow_ups
            .iter()
            .map(|f| SummaryFollowUp {
                commitment: clean(&f.commitment),
                owner: (reader == Reader::Team).then(|| clean(&f.owner)),
                due_on: f.due_on,
                carried_forward: f.carried_forward,
                done: f.done,
            })
            .collect()
    } else {
        Vec::new()
    };

    MeetingSummary {
        title: clean(&meeting.title),
        initiative: clean(record.initiative_title),
        round: clean(record.round_title),
        mode: meeting.mode,
        starts_on: meeting.starts_on,
        ends_on: meeting.ends_on,
        venue,
        attendees,
        agenda: meeting.agenda.iter().map(|a| (clean(&a.title), a.done)).collect(),
        stage_reached: record.stage,
        sessions,
        options,
        follow_ups,
        withheld,
        reader,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogue::{AgendaItem, Attendance, Session};
    use crate::ids::{MeetingId, RoundId};
    use proptest::prelude::*;

    fn date(day: u8) -> time::Date {
        time::Date::from_calendar_date(2025, time::Month::May, day).unwrap()
    }

    const SIDE_A: SideId = SideId::from_uuid(uuid::Uuid::from_bytes([0xa; 16]));
    const SIDE_B: SideId = SideId::from_uuid(uuid::Uuid::from_bytes([0xb; 16]));

    fn actor(i: usize) -> ActorId {
        ActorId::from_random_bytes([u8::try_from(i).unwrap_or(u8::MAX); 16])
    }

    fn attendee(name: &str, organisation: &str, actor: Option<ActorId>) -> Attendance {
        Attendance {
            actor,
            name: name.into(),
            organisation: organisation.into(),
            side: Some(SIDE_A),
            capacity: Capacity::NonOfficial,
            account: None,
        }
    }

    fn meeting_in(
        mode: ConfidentialityMode,
        session_mode: ConfidentialityMode,
        attendance: Vec<Attendance>,
    ) -> Meeting {
        Meeting {
            round: RoundId::from_random_bytes([1; 16]),
            title: "Round meeting".into(),
            starts_on: date(3),
            ends_on: None,
            venue: "Brenna".into(),
            mode,
            sessions: vec![Session { title: "Session".into(), scope: Scope::Plenary, mode: session_mode }],
            attendance,
            agenda: Vec::new(),
            stage_reached: None,
            cleared: BTreeSet::new(),
        }
    }

    fn note(body: &str) -> MeetingNote {
        MeetingNote {
            meeting: MeetingId::from_random_bytes([2; 16]),
            session: 0,
            speaker: "A1".into(),
            tags: BTreeSet::new(),
            not_for_transfer: false,
            body: body.into(),
            author: None,
            taken_at: time::OffsetDateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn the_names_withheld_are_each_attendees_parts_aliases_and_organisation_and_the_keys_names() {
        let meeting = meeting_in(
            ConfidentialityMode::ChathamHouse,
            ConfidentialityMode::ChathamHouse,
            vec![attendee("Amal Haddad", "Brenna University", Some(actor(1))), attendee("Tarek Varo", "", None)],
        );
        let key = SpeakerKey { entries: vec![("B1".into(), "Jonah Brisk".into())] };
        // Aliases of someone not attending are not this meeting's to withhold.
        let aliases = vec![(actor(1), vec!["أمل حداد".to_owned()]), (actor(2), vec!["Kessel".to_owned()])];
        let names = names_to_withhold(&meeting, Some(&key), &aliases);
        assert_eq!(
            names.scrub("amal's view; HADDAD; قال أمل; brenna UNIVERSITY; Váro; Jonah; Kessel; Brenna; Amalgam"),
            "[withheld]'s view; [withheld]; قال [withheld]; [withheld]; [withheld]; [withheld]; Kessel; Brenna; Amalgam"
        );
    }

    #[test]
    fn a_note_naming_someone_is_held_only_where_its_session_forbids_attribution() {
        let people = vec![attendee("Amal Haddad", "", Some(actor(1)))];
        let aliases = vec![(actor(1), vec!["Амаль".to_owned()])];
        let body = "АМАЛЬ asked; Haddad's reply; an amalgam";
        for (mode, session_mode, held) in [
            (ConfidentialityMode::OnTheRecord, ConfidentialityMode::OnTheRecord, false),
            (ConfidentialityMode::OnTheRecord, ConfidentialityMode::ChathamHouse, true),
            (ConfidentialityMode::NonAttribution, ConfidentialityMode::NonAttribution, true),
            (ConfidentialityMode::ChathamHouse, ConfidentialityMode::ChathamHouse, true),
            (ConfidentialityMode::SecretChannel, ConfidentialityMode::SecretChannel, true),
        ] {
            let meeting = meeting_in(mode, session_mode, people.clone());
            let names = names_to_withhold(&meeting, None, &aliases);
            let places = names_in_note(&meeting, &note(body), &names);
            if held {
                let words: Vec<&str> = places.iter().map(|p| &body[p.start..p.end]).collect();
                assert_eq!(words, ["АМАЛЬ", "Haddad"], "{mode:?}/{session_mode:?}");
            } else {
                assert!(places.is_empty());
            }
        }
    }

    fn mode() -> impl Strategy<Value = ConfidentialityMode> {
        prop::sample::select(ConfidentialityMode::ALL.to_vec())
    }

    /// A canary organisation: distinctive, so any occurrence in a summary is a leak.
    fn canary(kind: &str, i: usize) -> String {
        format!("Zq{kind}{i}x")
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Script {
        Latin,
        Arabic,
        Cyrillic,
    }

    fn script() -> impl Strategy<Value = Script> {
        prop::sample::select(vec![Script::Latin, Script::Arabic, Script::Cyrillic])
    }

    // Letters of the generated names. Latin names are built from syllables of letters that no
    // fixed text of a summary is made of, so a word of a summary that equals a name is a leak;
    // Arabic names avoid the letters that start a clitic (و ف ب ل) or the article (ا), so a
    // clitic put before a name is one.
    const LATIN_CONSONANTS: &[char] = &['b', 'd', 'g', 'k', 'p', 'v', 'z'];
    const LATIN_VOWELS: &[&str] = &["a", "e", "i", "o", "u", "á", "é", "í", "ó", "ú", "ü", "è"];
    const CYRILLIC_CONSONANTS: &[char] =
        &['б', 'в', 'г', 'д', 'ж', 'з', 'к', 'м', 'н', 'п', 'р', 'с', 'т', 'ф', 'х', 'ц', 'ч', 'ш'];
    const CYRILLIC_VOWELS: &[char] = &['а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я'];
    const ARABIC_LETTERS: &[char] = &[
        'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ق', 'ك', 'م', 'ن', 'ه',
        'ي',
    ];

    /// One word of a name in `script`, from random numbers.
    fn name_word(script: Script, picks: &[usize]) -> String {
        let pick = |set_len: usize, n: usize| picks[n % picks.len()] % set_len;
        match script {
            Script::Latin => {
                // Two or three syllables: never a short word of the summary's fixed text.
                let syllables = 2 + pick(2, 0);
                let mut word = String::new();
                for s in 0..syllables {
                    word.push(LATIN_CONSONANTS[pick(LATIN_CONSONANTS.len(), 1 + 2 * s)]);
                    word.push_str(LATIN_VOWELS[pick(LATIN_VOWELS.len(), 2 + 2 * s)]);
                }
                capitalise(&word)
            }
            Script::Cyrillic => {
                let syllables = 1 + pick(3, 0);
                let mut word = String::new();
                for s in 0..syllables {
                    word.push(CYRILLIC_CONSONANTS[pick(CYRILLIC_CONSONANTS.len(), 1 + 2 * s)]);
                    word.push(CYRILLIC_VOWELS[pick(CYRILLIC_VOWELS.len(), 2 + 2 * s)]);
                }
                capitalise(&word)
            }
            Script::Arabic => (0..3 + pick(4, 0)).map(|n| ARABIC_LETTERS[pick(ARABIC_LETTERS.len(), n + 1)]).collect(),
        }
    }

    fn capitalise(word: &str) -> String {
        let mut chars = word.chars();
        chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
    }

    /// A person's name or alias: two to four words of one script.
    fn name_in(script: Script) -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec(prop::collection::vec(any::<usize>(), 8), 2..5)
            .prop_map(move |words| words.iter().map(|picks| name_word(script, picks)).collect())
    }

    fn strip_accents(text: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        text.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect()
    }

    /// One word of a name as a rapporteur might type it, chosen by `choice`: its case, accents
    /// and possessive, or Arabic vowel marks, tatweel and clitics. Returns what is typed and the
    /// word it leaves in a text if it leaks (a possessive's apostrophe ends a word).
    fn typed(word: &str, choice: u32) -> (String, String) {
        if word.chars().all(|c| ARABIC_LETTERS.contains(&c)) {
            let mut marked = String::new();
            for (n, c) in word.chars().enumerate() {
                marked.push(c);
                match (choice % 3, n) {
                    (1, 0) => marked.push('\u{064e}'),
                    (1, 1) => marked.push('\u{0651}'),
                    (2, 0) => marked.push('\u{0640}'),
                    _ => {}
                }
            }
            let clitic = ["", "و", "ال", "وال", "بال", "لل"][(choice / 3 % 6) as usize];
            let word = format!("{clitic}{marked}");
            return (word.clone(), word);
        }
        let cased = match choice % 4 {
            0 => word.to_owned(),
            1 => word.to_uppercase(),
            2 => word.to_lowercase(),
            // aLtErNaTe case.
            _ => word
                .chars()
                .enumerate()
                .map(
                    |(n, c)| if n % 2 == 1 { c.to_uppercase().collect::<String>() } else { c.to_lowercase().collect() },
                )
                .collect(),
        };
        let accented = match choice / 4 % 4 {
            0 => cased,
            1 => strip_accents(&cased),
            // A stress or acute accent on the second letter (a vowel in every generated name).
            2 => cased
                .chars()
                .enumerate()
                .flat_map(|(n, c)| std::iter::once(c).chain((n == 1).then_some('\u{0301}')))
                .collect(),
            // ё written е, and е written ё; Latin names are left as they are.
            _ => cased
                .chars()
                .map(|c| match c {
                    'е' => 'ё',
                    'ё' => 'е',
                    'Е' => 'Ё',
                    'Ё' => 'Е',
                    c => c,
                })
                .collect(),
        };
        match choice / 16 % 4 {
            1 => (format!("{accented}'s"), accented),
            2 => (format!("{accented}\u{2019}s"), accented),
            3 => (format!("{accented}s'"), format!("{accented}s")),
            _ => (accented.clone(), accented),
        }
    }

    /// The words of a text as this test reads them: runs of letters, digits and marks.
    fn words(text: &str) -> BTreeSet<&str> {
        text.split(|c: char| !(c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)))
            .filter(|w| !w.is_empty())
            .collect()
    }

    /// Someone attending: their name as written, and the aliases the registry holds for them
    /// (only where they are an actor of the map).
    #[derive(Debug, Clone)]
    struct Person {
        name: Vec<String>,
        aliases: Vec<Vec<String>>,
        actor: Option<ActorId>,
        /// Whether their registry entry holds a consent to be listed (only for actors).
        consented: bool,
    }

    impl Person {
        /// Every spelling that must be withheld: the name, and the aliases where the registry
        /// holds them.
        fn spellings(&self) -> Vec<&Vec<String>> {
            std::iter::once(&self.name).chain(self.actor.iter().flat_map(|_| &self.aliases)).collect()
        }
    }

    fn person(i: usize) -> impl Strategy<Value = Person> {
        (
            prop_oneof![4 => Just(Script::Latin), 1 => script()].prop_flat_map(name_in),
            prop::collection::vec(script().prop_flat_map(name_in), 0..3),
            any::<bool>(),
            prop::bool::weighted(0.7),
        )
            .prop_map(move |(name, aliases, on_the_map, consented)| {
                let actor = (on_the_map || i == 0).then(|| actor(i));
                Person { name, aliases, actor, consented: consented && actor.is_some() }
            })
    }

    /// What a note says, piece by piece.
    #[derive(Debug, Clone)]
    enum Piece {
        Filler(&'static str),
        /// A word of someone's name or alias, or all of it: (person, spelling, word or all, choice).
        Name(usize, usize, Option<usize>, u32),
        /// A longer word that starts with a word of someone's name: it must stay.
        Longer(usize, usize),
        Organisation(usize, u32),
        /// A word of a name from the speaker key.
        KeyName(usize, usize, u32),
    }

    const FILLER: &[&str] = &[
        "the",
        "water",
        "hotline",
        "quota",
        "joint",
        "gauge",
        "summer",
        "flow",
        "trust",
        "farmers",
        "wants",
        "\n",
        "قال",
        "مياه",
        "اتفاق",
        "сказал",
        "встреча",
        ",",
        ";",
        "(",
        ")",
    ];

    fn piece() -> impl Strategy<Value = Piece> {
        prop_oneof![
            3 => prop::sample::select(FILLER).prop_map(Piece::Filler),
            3 => (0usize..6, 0usize..4, prop::option::of(0usize..5), any::<u32>())
                .prop_map(|(p, s, w, c)| Piece::Name(p, s, w, c)),
            1 => (0usize..6, 0usize..5).prop_map(|(p, w)| Piece::Longer(p, w)),
            1 => (0usize..6, any::<u32>()).prop_map(|(p, c)| Piece::Organisation(p, c)),
            1 => (0usize..4, 0usize..5, any::<u32>()).prop_map(|(k, w, c)| Piece::KeyName(k, w, c)),
        ]
    }

    /// A note's text, with the words each name it holds would leave if it leaked, and the longer
    /// words that must stay.
    #[derive(Debug, Clone, Default)]
    struct Written {
        body: String,
        leaks: Vec<String>,
        /// The leaks of attendees' names, by the attendee's place in the list.
        leaks_of: Vec<(usize, String)>,
        longer: Vec<String>,
    }

    /// Types `words` (one word of a name, or all of it) into `out`, each in its own form.
    fn type_words(words: &[String], choice: u32, out: &mut Written) {
        let typed: Vec<(String, String)> =
            words.iter().zip(0u32..).map(|(w, n)| typed(w, choice.rotate_left(7 * n))).collect();
        out.body.push_str(&typed.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(" "));
        out.leaks.extend(typed.into_iter().map(|(_, leak)| leak));
    }

    fn write(pieces: &[Piece], people: &[Person], key: &[Vec<String>]) -> Written {
        let mut out = Written::default();
        for piece in pieces {
            if !out.body.is_empty() {
                out.body.push(' ');
            }
            match *piece {
                Piece::Filler(word) => out.body.push_str(word),
                Piece::Name(p, s, word, choice) if !people.is_empty() => {
                    let person = &people[p % people.len()];
                    let spellings = person.spellings();
                    let spelling = spellings[s % spellings.len()];
                    let before = out.leaks.len();
                    match word {
                        Some(w) => type_words(std::slice::from_ref(&spelling[w % spelling.len()]), choice, &mut out),
                        None => type_words(spelling, choice, &mut out),
                    }
                    let new: Vec<(usize, String)> =
                        out.leaks[before..].iter().map(|l| (p % people.len(), l.clone())).collect();
                    out.leaks_of.extend(new);
                }
                Piece::Longer(p, w) if !people.is_empty() => {
                    let name = &people[p % people.len()].name;
                    let word = &name[w % name.len()];
                    let suffix = if word.chars().all(|c| ARABIC_LETTERS.contains(&c)) {
                        "ون"
                    } else if word.chars().any(|c| CYRILLIC_VOWELS.contains(&c.to_lowercase().next().unwrap_or(c))) {
                        "ов"
                    } else {
                        "qx"
                    };
                    let longer = format!("{word}{suffix}");
                    out.body.push_str(&longer);
                    out.longer.push(longer);
                }
                Piece::Organisation(p, choice) if !people.is_empty() => {
                    let organisation = canary("Org", p % people.len());
                    let (typed, leak) = typed(&organisation, choice & !0b1100);
                    out.body.push_str(&typed);
                    out.leaks.push(leak);
                }
                Piece::KeyName(k, w, choice) if !key.is_empty() => {
                    let name = &key[k % key.len()];
                    type_words(std::slice::from_ref(&name[w % name.len()]), choice, &mut out);
                }
                _ => out.body.push_str("flow"),
            }
        }
        out
    }

    prop_compose! {
        fn meeting_and_notes()(
            meeting_mode in mode(),
            session_modes in prop::collection::vec((mode(), 0u8..3), 1..4),
            people in (0usize..6).prop_flat_map(|n| (0..n).map(person).collect::<Vec<_>>()),
            notes in prop::collection::vec((0usize..4, any::<bool>(), prop::collection::vec(piece(), 1..8), prop::sample::select(vec!["", "A1", "B2", "F"])), 0..10),
            key in prop::collection::vec(name_in(Script::Latin), 0..4),
        ) -> (Meeting, Vec<MeetingNote>, Vec<Written>, SpeakerKey, Vec<Person>) {
            let sessions = session_modes
                .into_iter()
                .map(|(m, scope)| Session {
                    title: "Session".into(),
                    scope: match scope { 0 => Scope::Plenary, 1 => Scope::Caucus(SIDE_A), _ => Scope::Caucus(SIDE_B) },
                    mode: if m.strictness() < meeting_mode.strictness() { meeting_mode } else { m },
                })
                .collect::<Vec<_>>();
            let attendance = people
                .iter()
                .enumerate()
                .map(|(i, p)| Attendance {
                    actor: p.actor,
                    name: p.name.join(" "),
                    organisation: canary("Org", i),
                    side: [Some(SIDE_A), Some(SIDE_B), None][i % 3],
                    capacity: Capacity::NonOfficial,
                    account: None,
                })
                .collect();
            let meeting = Meeting {
                round: RoundId::from_random_bytes([1; 16]),
                title: "Round meeting".into(),
                starts_on: date(3),
                ends_on: Some(date(5)),
                venue: "Brenna".into(),
                mode: meeting_mode,
                sessions: sessions.clone(),
                attendance,
                agenda: vec![AgendaItem { title: "Needs and fears".into(), done: true }],
                stage_reached: Some(2),
                cleared: BTreeSet::new(),
            };
            // Notes that name people, as a careless rapporteur might: any word of an
            // attendee's name or alias or all of it, an organisation or a name from the
            // speaker key, in any case, with accents or without, possessive, in any script.
            let written: Vec<Written> = notes.iter().map(|(_, _, pieces, _)| write(pieces, &people, &key)).collect();
            let notes = notes
                .into_iter()
                .zip(&written)
                .map(|((session, not_for_transfer, _, speaker), written)| MeetingNote {
                    meeting: MeetingId::from_random_bytes([2; 16]),
                    session: session % sessions.len(),
                    speaker: speaker.into(),
                    tags: BTreeSet::from([NoteTag::Need]),
                    not_for_transfer,
                    body: written.body.clone(),
                    author: None,
                    taken_at: time::OffsetDateTime::UNIX_EPOCH,
                })
                .collect();
            let key = SpeakerKey {
                entries: key.iter().enumerate().map(|(i, name)| (format!("A{i}"), name.join(" "))).collect(),
            };
            (meeting, notes, written, key, people)
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// For every mode and every reader, nothing the rules forbid is in the summary: no word
        /// of anyone's name or alias, in whatever form it was typed, where attribution is
        /// forbidden; and a word that only starts like a name stays.
        #[test]
        fn no_summary_holds_what_its_mode_and_reader_forbid((meeting, notes, written, key, people) in meeting_and_notes()) {
            let sides = vec![(SIDE_A, "Upper Vale".to_owned()), (SIDE_B, "Lowland Coast".to_owned())];
            let aliases: Vec<(ActorId, Vec<String>)> = people
                .iter()
                .filter_map(|p| p.actor.map(|a| (a, p.aliases.iter().map(|alias| alias.join(" ")).collect())))
                .collect();
            let listable: BTreeSet<ActorId> = people.iter().filter(|p| p.consented).filter_map(|p| p.actor).collect();
            let record = MeetingRecord {
                initiative_title: "Serin",
                round_title: "Round one",
                meeting: &meeting,
                notes: &notes,
                options: &[],
                follow_ups: &[],
                sides: &sides,
                speaker_key: Some(&key),
                aliases: &aliases,
                listable: &listable,
                stage: None,
            };
            let names_forbidden = meeting.mode != ConfidentialityMode::OnTheRecord;
            // A note typed with a name is held where its session forbids attribution, and only
            // a note with a name.
            let names = names_to_withhold(&meeting, Some(&key), &aliases);
            for (note, written) in notes.iter().zip(&written) {
                let held = !names_in_note(&meeting, note, &names).is_empty();
                prop_assert_eq!(held, !written.leaks.is_empty() && !attributable(&meeting, note.session), "{:?}", note.body);
            }
            let leaks_in = |text: &str| -> Option<String> {
                let words = words(text);
                written.iter().flat_map(|w| &w.leaks).find(|leak| words.contains(leak.as_str())).cloned()
            };
            // Readouts for every audience, with every note chosen: only what the summary for
            // that audience's reader left can reach them.
            for audience in crate::transfer::Audience::ALL {
                let summary = summarise(&record, audience.reader(), false);
                let chosen: BTreeSet<usize> = (0..notes.len()).collect();
                let sections = crate::transfer::assemble("Readout", "", std::slice::from_ref(&summary), &[chosen], None, &[]);
                let text: String = sections.iter().flat_map(|s| std::iter::once(&s.heading).chain(&s.paragraphs)).cloned().collect::<Vec<_>>().join("\n");
                for (index, note) in notes.iter().enumerate() {
                    let in_plenary = matches!(meeting.sessions[note.session].scope, Scope::Plenary)
                        && meeting.sessions[note.session].mode != ConfidentialityMode::SecretChannel;
                    let may_carry = *audience != crate::transfer::Audience::Funder
                        && in_plenary
                        && !(note.not_for_transfer && matches!(audience.reader(), Reader::Official));
                    let carried = summary.sessions.iter().flat_map(|s| &s.notes).any(|n| n.source == index);
                    prop_assert!(may_carry || !carried, "note {index} reached {audience:?}");
                }
                // Whoever has not consented to be listed reaches no readout, in any mode.
                let text_words = words(&text);
                for (p, leak) in written.iter().flat_map(|w| &w.leaks_of) {
                    prop_assert!(people[*p].consented || !text_words.contains(leak.as_str()), "an unlisted name reached {audience:?}");
                }
                if names_forbidden {
                    prop_assert_eq!(leaks_in(&text), None, "a name reached {:?}", audience);
                    for person in &meeting.attendance {
                        prop_assert!(!text.contains(person.name.as_str()) && !text.contains(person.organisation.as_str()), "a name reached {audience:?}");
                    }
                }
            }
            for (reader, attended) in Reader::all(&[SIDE_A, SIDE_B]).into_iter().flat_map(|r| [(r, false), (r, true)]) {
                let summary = summarise(&record, reader, attended);
                let all = summary.texts().join("\n");
                // The attendee list holds exactly those the rule names, and no one else's name
                // is anywhere in the summary, whatever the mode.
                if let Some(list) = &summary.attendees {
                    let expected: Vec<&str> = meeting
                        .attendance
                        .iter()
                        .filter(|a| crate::attendee::sight(reader, attended, meeting.mode, attendee_facts(a, &listable)) == AttendeeSight::Name)
                        .map(|a| a.name.as_str())
                        .collect();
                    prop_assert_eq!(list.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), expected);
                }
                if !sees_every_attendee(reader) {
                    let listed: Vec<&str> = summary.attendees.iter().flatten().map(|a| a.name.as_str()).collect();
                    let outside: BTreeSet<&str> = summary.texts().into_iter().filter(|t| !listed.contains(t)).flat_map(words).collect();
                    for (p, leak) in written.iter().flat_map(|w| &w.leaks_of) {
                        prop_assert!(people[*p].consented || !outside.contains(leak.as_str()), "an unlisted name reached {reader:?}");
                    }
                    for (p, person) in people.iter().enumerate() {
                        prop_assert!(person.consented || !listed.contains(&meeting.attendance[p].name.as_str()));
                    }
                }
                // The speaker key is never in a summary, in any mode.
                for (_, name) in &key.entries {
                    if names_forbidden {
                        prop_assert!(!all.contains(name.as_str()), "the speaker key, {:?} for {reader:?}", meeting.mode);
                    }
                }
                // Wherever a note's session forbids attribution, its body names no one, in any
                // mode; and keeps every word that only starts like a name.
                for note in summary.sessions.iter().flat_map(|s| &s.notes) {
                    if !attributable(&meeting, notes[note.source].session) {
                        prop_assert_eq!(leaks_in(&note.body), None, "{:?} for {:?}", meeting.mode, reader);
                    }
                    let kept = words(&note.body);
                    for longer in &written[note.source].longer {
                        prop_assert!(kept.contains(longer.as_str()), "{longer} was scrubbed");
                    }
                }
                let attendee_texts: Vec<&str> = summary
                    .attendees
                    .iter()
                    .flatten()
                    .flat_map(|a| [a.name.as_str(), a.organisation.as_str()])
                    .collect();
                let outside_the_list: String = summary
                    .texts()
                    .into_iter()
                    .filter(|t| !attendee_texts.contains(t))
                    .collect::<Vec<_>>()
                    .join("\n");
                match meeting.mode {
                    // Chatham House: no name or organisation anywhere.
                    ConfidentialityMode::ChathamHouse | ConfidentialityMode::SecretChannel => {
                        prop_assert_eq!(leaks_in(&all), None, "{:?} for {:?}", meeting.mode, reader);
                        prop_assert!(summary.attendees.is_none());
                    }
                    // Non-attribution: names in the list only, never beside what was said.
                    ConfidentialityMode::NonAttribution => {
                        prop_assert_eq!(leaks_in(&outside_the_list), None, "attributed for {:?}", reader);
                    }
                    ConfidentialityMode::OnTheRecord => {}
                }
                if matches!(meeting.mode, ConfidentialityMode::ChathamHouse | ConfidentialityMode::SecretChannel) {
                    for person in &meeting.attendance {
                        prop_assert!(!all.contains(person.name.as_str()) && !all.contains(person.organisation.as_str()));
                    }
                }
                if reader == Reader::Funder {
                    prop_assert_eq!(leaks_in(&all), None, "a name reached a funder");
                    prop_assert!(summary.attendees.is_none(), "the attendee list reached a funder");
                    prop_assert!(summary.sessions.is_empty(), "the record reached a funder");
                }
                // Another side's caucus never reaches a participant; no session reaches funders.
                for session in &summary.sessions {
                    if let Reader::Participant { side } = reader {
                        let own = side.map(|s| if s == SIDE_A { "Upper Vale" } else { "Lowland Coast" });
                        let allowed = match &session.scope {
                            SessionScope::Plenary => true,
                            SessionScope::Caucus { side } => Some(side.as_str()) == own,
                        };
                        prop_assert!(allowed, "{:?} reached a participant of {:?}", session.scope, side);
                    }
                    prop_assert!(!matches!(reader, Reader::Funder | Reader::Operations));
                    if matches!(reader, Reader::Official | Reader::Evaluator) {
                        prop_assert!(session.notes.iter().all(|n| !n.not_for_transfer));
                    }
                    if reader != Reader::Team {
                        prop_assert!(session.mode != ConfidentialityMode::SecretChannel);
                        if session.mode != ConfidentialityMode::OnTheRecord {
                            prop_assert!(session.notes.iter().all(|n| n.speaker.is_none()));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_secret_channel_meeting_is_known_to_the_convener_and_the_cleared_only() {
        let cleared = UserId::from_random_bytes([5; 16]);
        let other = UserId::from_random_bytes([6; 16]);
        let meeting = Meeting {
            round: RoundId::from_random_bytes([1; 16]),
            title: "Back channel".into(),
            starts_on: date(1),
            ends_on: None,
            venue: "Kessel".into(),
            mode: ConfidentialityMode::SecretChannel,
            sessions: vec![Session {
                title: "Talk".into(),
                scope: Scope::Plenary,
                mode: ConfidentialityMode::SecretChannel,
            }],
            attendance: Vec::new(),
            agenda: Vec::new(),
            stage_reached: None,
            cleared: BTreeSet::from([cleared]),
        };
        let facilitator = Some(Standing { role: MemberRole::Facilitator, side: None });
        assert!(may_see_meeting(&meeting, Some(Standing { role: MemberRole::Convener, side: None }), Some(other)));
        assert!(may_see_meeting(&meeting, facilitator, Some(cleared)));
        assert!(!may_see_meeting(&meeting, facilitator, Some(other)));
        assert!(may_see_meeting(&meeting, None, None), "the key holder");
        let ordinary = Meeting { mode: ConfidentialityMode::ChathamHouse, ..meeting };
        assert!(may_see_meeting(&ordinary, facilitator, Some(other)));
    }
}
