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
//! Beyond the rules, names are scrubbed: wherever a mode forbids attribution, every attendee's
//! and every speaker's name and organisation is replaced in all free text (a rapporteur who
//! slips and types a name does not leak it).

use std::collections::BTreeSet;

use crate::access::{Scope, Standing};
use crate::dialogue::{
    ConfidentialityMode, DialogueOption, FollowUp, Meeting, MeetingNote, NoteTag, OptionStatus, SpeakerKey,
};
use crate::ids::{SideId, UserId};
use crate::map::Capacity;
use crate::records::MemberRole;

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
    /// How far along the methodology's stages the meeting got, with the stage's name.
    pub stage_label: Option<&'a str>,
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
    /// "Plenary" or "Caucus: <side>".
    pub scope: String,
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
    pub stage_reached: Option<String>,
    pub sessions: Vec<SummarySession>,
    pub options: Vec<SummaryOption>,
    pub follow_ups: Vec<SummaryFollowUp>,
    /// What was left out, in words, so the reader knows a summary is partial.
    pub withheld: Vec<String>,
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
        out.extend(self.stage_reached.as_deref());
        for s in &self.sessions {
            out.extend([s.title.as_str(), &s.scope]);
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
        out.extend(self.withheld.iter().map(String::as_str));
        out
    }
}

/// Replaces each of `names` (case-insensitively) in `text` with a neutral mark.
fn scrub(text: &str, names: &[String]) -> String {
    let mut out = text.to_owned();
    for name in names {
        if name.chars().count() < 3 {
            continue;
        }
        let lower_name = name.to_lowercase();
        let mut result = String::with_capacity(out.len());
        let mut rest = out.as_str();
        loop {
            // Search case-insensitively; lowercasing can change byte lengths, so compare
            // character-aligned windows of the original text.
            let Some((start, end)) = find_case_insensitive(rest, &lower_name) else {
                result.push_str(rest);
                break;
            };
            result.push_str(&rest[..start]);
            result.push_str("[withheld]");
            rest = &rest[end..];
        }
        out = result;
    }
    out
}

fn find_case_insensitive(haystack: &str, lower_needle: &str) -> Option<(usize, usize)> {
    let needle_chars = lower_needle.chars().count();
    let starts: Vec<usize> = haystack.char_indices().map(|(i, _)| i).collect();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + needle_chars).copied().unwrap_or(haystack.len());
        if n + needle_chars > starts.len() {
            break;
        }
        if haystack[start..end].to_lowercase() == lower_needle {
            return Some((start, end));
        }
    }
    None
}

/// What `reader` may take away from `record`. The caller has already decided that the reader
/// may know the meeting exists ([`may_see_meeting`]).
#[must_use]
pub fn summarise(record: &MeetingRecord<'_>, reader: Reader) -> MeetingSummary {
    let meeting = record.meeting;
    let side_name = |side: Option<SideId>| {
        side.and_then(|s| record.sides.iter().find(|(id, _)| *id == s))
            .map_or_else(|| "third party".to_owned(), |(_, n)| n.clone())
    };
    let mut withheld = Vec::new();

    // Names that must not appear where attribution is forbidden: every attendee's name and
    // organisation, and every name in the speaker key.
    let mut names: Vec<String> = Vec::new();
    for person in &meeting.attendance {
        names.push(person.name.trim().to_owned());
        if !person.organisation.trim().is_empty() {
            names.push(person.organisation.trim().to_owned());
        }
    }
    if let Some(key) = record.speaker_key {
        names.extend(key.entries.iter().map(|(_, name)| name.trim().to_owned()));
    }
    // Longest first, so "Amal Haddad" is replaced before "Amal".
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    let attributable = meeting.mode == ConfidentialityMode::OnTheRecord;
    let clean = |text: &str| if attributable { text.to_owned() } else { scrub(text, &names) };

    let attendees = if !meeting.mode.attendees_listable() {
        withheld.push(format!("the attendee list ({})", meeting.mode.label()));
        None
    } else if reader == Reader::Funder {
        withheld.push("the attendee list (funders do not receive participants' identities)".to_owned());
        None
    } else {
        Some(
            meeting
                .attendance
                .iter()
                .map(|a| SummaryAttendee {
                    name: a.name.clone(),
                    organisation: a.organisation.clone(),
                    side: side_name(a.side),
                    capacity: a.capacity,
                })
                .collect(),
        )
    };

    let venue = match (meeting.mode, reader) {
        (ConfidentialityMode::SecretChannel, Reader::Operations) => Some(meeting.venue.clone()),
        // Of the team, only the convener sees a secret channel's venue; the summary does not
        // know which member of the team reads it, so it leaves the venue out for all of them.
        (ConfidentialityMode::SecretChannel, _) => {
            withheld.push("the venue (secret channel)".to_owned());
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
        let attributable_here = attributable && session.mode == ConfidentialityMode::OnTheRecord;
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
                body: if attributable_here { note.body.clone() } else { scrub(&note.body, &names) },
                not_for_transfer: note.not_for_transfer,
            });
        }
        let scope = match session.scope {
            Scope::Plenary => "Plenary".to_owned(),
            Scope::Caucus(side) => format!("Caucus: {}", side_name(Some(side))),
        };
        sessions.push(SummarySession { title: clean(&session.title), scope, mode: session.mode, notes });
    }
    if matches!(reader, Reader::Funder | Reader::Operations) {
        withheld.push(format!("the record of the sessions ({} do not receive it)", reader.label()));
    } else if left_out_sessions > 0 {
        withheld.push(format!("{left_out_sessions} session(s) closed to {}", reader.label()));
    }
    if left_out_notes > 0 {
        withheld.push(format!("{left_out_notes} note(s) marked not for transfer"));
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
        stage_reached: record.stage_label.map(str::to_owned),
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

    #[test]
    fn scrubbing_is_case_insensitive_and_keeps_the_rest() {
        let names = vec!["Amal Haddad".to_owned(), "Brenna University".to_owned()];
        assert_eq!(
            scrub("amal HADDAD said Brenna university agrees; Amal alone stays", &names),
            "[withheld] said [withheld] agrees; Amal alone stays"
        );
        assert_eq!(scrub("İstanbul Amal Haddad", &names), "İstanbul [withheld]");
    }

    const SIDE_A: SideId = SideId::from_uuid(uuid::Uuid::from_bytes([0xa; 16]));
    const SIDE_B: SideId = SideId::from_uuid(uuid::Uuid::from_bytes([0xb; 16]));

    fn mode() -> impl Strategy<Value = ConfidentialityMode> {
        prop::sample::select(ConfidentialityMode::ALL.to_vec())
    }

    /// A canary name: distinctive, so any occurrence in a summary is a leak.
    fn canary(kind: &str, i: usize) -> String {
        format!("Zq{kind}{i}x")
    }

    prop_compose! {
        fn meeting_and_notes()(
            meeting_mode in mode(),
            session_modes in prop::collection::vec((mode(), 0u8..3), 1..4),
            attendees in 0usize..6,
            notes in prop::collection::vec((0usize..4, any::<bool>(), 0usize..8, prop::sample::select(vec!["", "A1", "B2", "F"])), 0..12),
            key_entries in 0usize..4,
        ) -> (Meeting, Vec<MeetingNote>, SpeakerKey) {
            let sessions = session_modes
                .into_iter()
                .map(|(m, scope)| Session {
                    title: "Session".into(),
                    scope: match scope { 0 => Scope::Plenary, 1 => Scope::Caucus(SIDE_A), _ => Scope::Caucus(SIDE_B) },
                    mode: if m.strictness() < meeting_mode.strictness() { meeting_mode } else { m },
                })
                .collect::<Vec<_>>();
            let attendance = (0..attendees)
                .map(|i| Attendance {
                    actor: None,
                    name: canary("Name", i),
                    organisation: canary("Org", i),
                    side: [Some(SIDE_A), Some(SIDE_B), None][i % 3],
                    capacity: Capacity::NonOfficial,
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
            // Some notes name people, as a careless rapporteur might: an attendee, an
            // organisation or a name from the speaker key.
            let notes = notes
                .into_iter()
                .map(|(session, not_for_transfer, named, speaker)| MeetingNote {
                    meeting: MeetingId::from_random_bytes([2; 16]),
                    session: session % sessions.len(),
                    speaker: speaker.into(),
                    tags: BTreeSet::from([NoteTag::Need]),
                    not_for_transfer,
                    body: match named % 4 {
                        0 => format!("{} wants a joint gauge", canary("Name", named % 6)),
                        1 => format!("as {} put it, no quotas", canary("Org", named % 6)),
                        2 => format!("{} hesitated", canary("Key", named % 4)),
                        _ => "the water board needs a hotline".to_owned(),
                    },
                    author: None,
                    taken_at: time::OffsetDateTime::UNIX_EPOCH,
                })
                .collect();
            let key = SpeakerKey { entries: (0..key_entries).map(|i| (format!("A{i}"), canary("Key", i))).collect() };
            (meeting, notes, key)
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// For every mode and every reader, nothing the rules forbid is in the summary.
        #[test]
        fn no_summary_holds_what_its_mode_and_reader_forbid((meeting, notes, key) in meeting_and_notes()) {
            let sides = vec![(SIDE_A, "Upper Vale".to_owned()), (SIDE_B, "Lowland Coast".to_owned())];
            let record = MeetingRecord {
                initiative_title: "Serin",
                round_title: "Round one",
                meeting: &meeting,
                notes: &notes,
                options: &[],
                follow_ups: &[],
                sides: &sides,
                speaker_key: Some(&key),
                stage_label: None,
            };
            // Readouts for every audience, with every note chosen: only what the summary for
            // that audience's reader left can reach them.
            for audience in crate::transfer::Audience::ALL {
                let summary = summarise(&record, audience.reader());
                let chosen: BTreeSet<usize> = (0..notes.len()).collect();
                let sections = crate::transfer::assemble("Readout", "", std::slice::from_ref(&summary), &[chosen], &[]);
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
                for person in &meeting.attendance {
                    if meeting.mode != ConfidentialityMode::OnTheRecord {
                        prop_assert!(!text.contains(person.name.as_str()) && !text.contains(person.organisation.as_str()), "a name reached {audience:?}");
                    }
                }
                for (_, name) in &key.entries {
                    if meeting.mode != ConfidentialityMode::OnTheRecord {
                        prop_assert!(!text.contains(name.as_str()), "the speaker key reached {audience:?}");
                    }
                }
            }
            for reader in Reader::all(&[SIDE_A, SIDE_B]) {
                let summary = summarise(&record, reader);
                let all = summary.texts().join("\n");
                // The speaker key is never in a summary, in any mode.
                for (_, name) in &key.entries {
                    if meeting.mode != ConfidentialityMode::OnTheRecord {
                        prop_assert!(!all.contains(name.as_str()), "{name} from the speaker key, {:?} for {reader:?}", meeting.mode);
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
                for person in &meeting.attendance {
                    for name in [&person.name, &person.organisation] {
                        match meeting.mode {
                            // Chatham House: no name or organisation anywhere.
                            ConfidentialityMode::ChathamHouse | ConfidentialityMode::SecretChannel => {
                                prop_assert!(!all.contains(name.as_str()), "{name} in a {:?} summary for {reader:?}", meeting.mode);
                            }
                            // Non-attribution: names in the list only, never beside what was said.
                            ConfidentialityMode::NonAttribution => {
                                prop_assert!(!outside_the_list.contains(name.as_str()), "{name} attributed for {reader:?}");
                            }
                            ConfidentialityMode::OnTheRecord => {}
                        }
                        if reader == Reader::Funder {
                            prop_assert!(!all.contains(name.as_str()), "{name} reached a funder");
                        }
                    }
                }
                // Another side's caucus never reaches a participant; no session reaches funders.
                for session in &summary.sessions {
                    if let Reader::Participant { side } = reader {
                        let own = side.map(|s| if s == SIDE_A { "Caucus: Upper Vale" } else { "Caucus: Lowland Coast" });
                        let allowed = session.scope == "Plenary" || Some(session.scope.as_str()) == own;
                        prop_assert!(allowed, "{} reached a participant of {:?}", session.scope, side);
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
