//! Dialogue processes: the design of an initiative, its rounds and meetings, the rapporteur's
//! notes and the speaker key, the options register and the follow-ups between rounds, and the
//! meeting summaries that the redaction engine makes of them.
//!
//! Each record is one sealed body in the store. A secret-channel meeting is "not found" for
//! anyone not cleared for it — the same answer as for an id that never existed.

mod design;
mod meetings;
mod notes;
mod options;
mod summaries;

use tracktwo_domain::dialogue::{DialogueOption, FollowUp, Meeting, MeetingNote, Round, SpeakerKey};

pub(crate) use self::design::DesignRecord;
pub use self::meetings::{
    MeetingHeader, MeetingProgress, MeetingView, NewAttendee, ProcessOverview, RoundWithMeetings,
};
pub(crate) use self::notes::DraftOf;
pub use self::notes::NoteDraft;
use crate::sealed_records::sealable;

sealable!(Round, Round, "rounds");
sealable!(Meeting, Meeting, "meetings");
sealable!(MeetingNote, MeetingNote, "meeting_notes");
sealable!(SpeakerKey, SpeakerKey, "speaker_keys");
sealable!(DialogueOption, DialogueOption, "options");
sealable!(FollowUp, FollowUp, "follow_ups");
