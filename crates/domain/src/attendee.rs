//! Who sees a person who attended a meeting: the one rule for every place an attendee's name
//! appears outside the meeting's own record (meeting pages and summaries, readouts and their
//! copies, exports).
//!
//! - The team that runs the initiative (convener, facilitator, rapporteur, operations) sees
//!   every attendee by name, whatever their consent: it keeps the record and owes them the duty
//!   of care.
//! - Everyone else sees an attendee only if the person consented to be listed (a consent given
//!   and not withdrawn, in their registry entry) and the meeting's mode lets attendance be
//!   disclosed (on the record, non-attribution). A person who refused, withdrew, was never
//!   asked, or stands in the record without a registry entry (an attendee typed as free text
//!   before attendance was linked to the map) is the team's alone.
//! - Within that, a participant sees the people they sit with: their own side's attendees, and
//!   every attendee of a meeting they attended themselves.
//! - Officials, evaluators and observers see the consenting attendees where the mode allows;
//!   funders never receive an attendee list.
//!
//! Whoever a reader may not name is counted by side, never named; and the name of a person
//! who may not be listed is withheld from every free text the reader gets, whatever the mode.

use crate::dialogue::{ConfidentialityMode, SpeakerKey};
use crate::ids::SideId;
use crate::redaction::Reader;
use crate::scrub::Names;

/// What one reader sees of one attendee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttendeeSight {
    Name,
    Withheld,
}

/// The facts about one attendee that the rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttendeeFacts {
    pub side: Option<SideId>,
    /// Whether their registry entry holds a consent to be listed, given and not withdrawn.
    pub may_be_listed: bool,
}

/// Whether the reader sees a person whatever their consent: the team that runs the initiative.
#[must_use]
pub fn sees_every_attendee(reader: Reader) -> bool {
    matches!(reader, Reader::Team | Reader::Operations)
}

/// What `reader` sees of `attendee` of a meeting under `mode`; `attended` tells whether the
/// reader attended that meeting themselves.
#[must_use]
pub fn sight(reader: Reader, attended: bool, mode: ConfidentialityMode, attendee: AttendeeFacts) -> AttendeeSight {
    if sees_every_attendee(reader) {
        return AttendeeSight::Name;
    }
    if !attendee.may_be_listed || !mode.attendees_listable() {
        return AttendeeSight::Withheld;
    }
    let named = match reader {
        Reader::Team | Reader::Operations => true,
        Reader::Participant { side } => attended || (side.is_some() && attendee.side == side),
        Reader::Official | Reader::Evaluator | Reader::Observer => true,
        Reader::Funder => false,
    };
    if named { AttendeeSight::Name } else { AttendeeSight::Withheld }
}

/// The positions of the entries of a speaker key that put under a code someone who refused
/// it (or withdrew consent): those whose name is, word for word, one of the names `refused`
/// holds (in any case, with or without accents). A name that merely shares a word with a
/// refused one ("Amal Saleh" beside a refused "Amal Haddad") is another person's.
#[must_use]
pub fn refused_in_speaker_key(key: &SpeakerKey, refused: &Names) -> Vec<usize> {
    key.entries
        .iter()
        .enumerate()
        .filter(|(_, (_, name))| {
            let found = refused.find(name);
            !found.is_empty()
                && name
                    .char_indices()
                    .all(|(at, c)| c.is_whitespace() || found.iter().any(|f| f.start <= at && at < f.end))
        })
        .map(|(position, _)| position)
        .collect()
}

/// The rule as a table for `docs/access-matrix.md`: for each reader, and each kind of attendee
/// under each mode, whether the reader sees them by name.
#[must_use]
pub fn matrix() -> String {
    let a = SideId::from_random_bytes([0xa; 16]);
    let b = SideId::from_random_bytes([0xb; 16]);
    let readers: Vec<(&str, Option<(Reader, bool)>)> = vec![
        ("administrator, no member", None),
        ("convener, facilitator, rapporteur", Some((Reader::Team, false))),
        ("operations", Some((Reader::Operations, false))),
        ("participant (side A), attended", Some((Reader::Participant { side: Some(a) }, true))),
        ("participant (side A), did not attend", Some((Reader::Participant { side: Some(a) }, false))),
        ("official", Some((Reader::Official, false))),
        ("evaluator", Some((Reader::Evaluator, false))),
        ("observer", Some((Reader::Observer, false))),
        ("funder", Some((Reader::Funder, false))),
    ];
    let kinds = [
        ("side A, consented", AttendeeFacts { side: Some(a), may_be_listed: true }),
        ("side B, consented", AttendeeFacts { side: Some(b), may_be_listed: true }),
        ("refused, withdrew or not linked", AttendeeFacts { side: Some(a), may_be_listed: false }),
    ];
    let modes = ConfidentialityMode::ALL;
    let mut out = String::from("| reader |");
    for mode in modes {
        for (kind, _) in &kinds {
            out.push_str(&format!(" {}: {kind} |", mode.label()));
        }
    }
    out.push('\n');
    out.push_str(&"|---".repeat(modes.len() * kinds.len() + 1));
    out.push_str("|\n");
    for (name, reader) in &readers {
        out.push_str(&format!("| {name} |"));
        for mode in modes {
            for (_, facts) in &kinds {
                let cell = match reader {
                    None => "—",
                    Some((reader, attended)) => match sight(*reader, *attended, *mode, *facts) {
                        AttendeeSight::Name => "name",
                        AttendeeSight::Withheld => "withheld",
                    },
                };
                out.push_str(&format!(" {cell} |"));
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const SIDES: [SideId; 3] = [side(1), side(2), side(3)];

    const fn side(byte: u8) -> SideId {
        SideId::from_uuid(uuid::Uuid::from_bytes([byte; 16]))
    }

    fn reader() -> impl Strategy<Value = Reader> {
        prop::sample::select(Reader::all(&SIDES))
    }

    fn facts() -> impl Strategy<Value = AttendeeFacts> {
        (0..4usize, any::<bool>())
            .prop_map(|(side, may_be_listed)| AttendeeFacts { side: SIDES.get(side).copied(), may_be_listed })
    }

    fn mode() -> impl Strategy<Value = ConfidentialityMode> {
        prop::sample::select(ConfidentialityMode::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn no_one_outside_the_team_sees_a_person_who_may_not_be_listed(
            reader in reader(), attended in any::<bool>(), mode in mode(), facts in facts()
        ) {
            let seen = sight(reader, attended, mode, facts) == AttendeeSight::Name;
            if !facts.may_be_listed || !mode.attendees_listable() {
                prop_assert_eq!(seen, sees_every_attendee(reader), "{:?} under {:?}", reader, mode);
            }
        }

        #[test]
        fn the_team_sees_everyone(attended in any::<bool>(), mode in mode(), facts in facts()) {
            for reader in [Reader::Team, Reader::Operations] {
                prop_assert_eq!(sight(reader, attended, mode, facts), AttendeeSight::Name);
            }
        }

        #[test]
        fn a_participant_sees_their_side_and_the_meetings_they_attended(
            own in 0..3usize, attended in any::<bool>(), facts in facts()
        ) {
            let reader = Reader::Participant { side: Some(SIDES[own]) };
            for mode in [ConfidentialityMode::OnTheRecord, ConfidentialityMode::NonAttribution] {
                let expected = facts.may_be_listed && (attended || facts.side == Some(SIDES[own]));
                prop_assert_eq!(sight(reader, attended, mode, facts) == AttendeeSight::Name, expected);
            }
        }

        #[test]
        fn a_funder_sees_no_attendee(attended in any::<bool>(), mode in mode(), facts in facts()) {
            prop_assert_eq!(sight(Reader::Funder, attended, mode, facts), AttendeeSight::Withheld);
        }
    }

    #[test]
    fn a_person_who_refused_a_code_is_kept_out_of_the_speaker_key() {
        let mut refused = Names::new();
        refused.add_person("Amal Haddad", &["أمل حداد"]);
        let key = SpeakerKey {
            entries: vec![
                ("A1".into(), "amal HADDAD".into()),
                ("A2".into(), "Amal Saleh".into()),
                ("A3".into(), "أمل حداد".into()),
                ("B1".into(), "Jonah Brisk".into()),
                ("B2".into(), "Haddád".into()),
            ],
        };
        assert_eq!(refused_in_speaker_key(&key, &refused), vec![0, 2, 4]);
        assert!(refused_in_speaker_key(&key, &Names::new()).is_empty());
    }

    #[test]
    fn readers_of_reports_see_consenting_attendees_where_the_mode_lists_them() {
        let consented = AttendeeFacts { side: Some(SIDES[0]), may_be_listed: true };
        for reader in [Reader::Official, Reader::Evaluator, Reader::Observer] {
            for mode in ConfidentialityMode::ALL {
                let expected = if mode.attendees_listable() { AttendeeSight::Name } else { AttendeeSight::Withheld };
                assert_eq!(sight(reader, false, *mode, consented), expected, "{reader:?} under {mode:?}");
            }
        }
    }
}
