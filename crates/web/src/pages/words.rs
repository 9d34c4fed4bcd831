//! The words for the field's fixed vocabularies (roles, tracks, modes, kinds…), shared by every
//! room. Each value's message is `<vocabulary>-<its stored code>` (a code's dots read as
//! hyphens: `process-kind-track-1-5`); a test holds every value of every vocabulary to a
//! message, so a new value cannot show up untranslated.

use tracktwo_domain::MemberRole;
use tracktwo_domain::conversation::{ConversationMode, InvitationKind, StatementOrigin, StatementStatus, Vote};
use tracktwo_domain::dialogue::{ConfidentialityMode, Methodology, NoteTag, OptionStatus, Phase, ProcessKind};
use tracktwo_domain::map::{ActorKind, Capacity, ConsentAnswer, Level, TieKind, Track, Unavailable};
use tracktwo_domain::negotiating_text::compare::ClauseChangeKind;
use tracktwo_domain::negotiating_text::draft::ClauseStanding;
use tracktwo_domain::negotiating_text::feedback::Outcome;
use tracktwo_domain::redaction::Reader;
use tracktwo_domain::transfer::{
    Audience, Clearance, CoordinationForm, Evidence, OfficialKind, TransferChannel, TransferDirection, TransferKind,
    TransferTiming,
};
use tracktwo_i18n::{Locale, text};
use tracktwo_interchange::{Field, TrackScheme};

/// A value of one of the field's vocabularies, named for people by its message.
pub trait Word: Copy {
    /// The messages' prefix.
    const VOCABULARY: &'static str;
    /// The value's stored code.
    fn code(self) -> &'static str;
}

/// A value lent out of a list is the value's word.
impl<W: Word> Word for &W {
    const VOCABULARY: &'static str = W::VOCABULARY;
    fn code(self) -> &'static str {
        (*self).code()
    }
}

/// The message of a value: its vocabulary, then its code with anything but letters and digits
/// read as a hyphen.
pub(crate) fn message_id<W: Word>(value: W) -> String {
    let code: String = value.code().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("{}-{code}", W::VOCABULARY)
}

/// A value of a vocabulary, in the reader's language.
pub fn of(locale: Locale, value: impl Word) -> String {
    text(locale, &message_id(value))
}

/// A member's role, in the reader's language.
pub(crate) fn role(locale: Locale, role: MemberRole) -> String {
    of(locale, role)
}

macro_rules! vocabularies {
    ($($kind:ty => $vocabulary:literal),+ $(,)?) => {
        $(impl Word for $kind {
            const VOCABULARY: &'static str = $vocabulary;
            fn code(self) -> &'static str {
                self.as_str()
            }
        })+

        #[cfg(test)]
        fn every_message_id() -> Vec<String> {
            let mut all = Vec::new();
            $(all.extend(<$kind>::ALL.iter().map(|value| message_id(*value)));)+
            all.extend(readers().into_iter().map(message_id));
            all.extend(
                [ClauseStanding::Clean, ClauseStanding::Bracketed, ClauseStanding::Alternatives, ClauseStanding::AgreedAdReferendum]
                    .into_iter()
                    .map(message_id),
            );
            all.extend(
                [ClauseChangeKind::Unchanged, ClauseChangeKind::Added, ClauseChangeKind::Removed, ClauseChangeKind::Reworded]
                    .into_iter()
                    .map(message_id),
            );
            all
        }
    };
}

vocabularies! {
    MemberRole => "role",
    Track => "track",
    ConversationMode => "conversation-mode",
    StatementStatus => "statement-status",
    Vote => "vote",
    InvitationKind => "invitation-kind",
    StatementOrigin => "statement-origin",
    ProcessKind => "process-kind",
    Methodology => "methodology",
    Phase => "phase",
    ConfidentialityMode => "confidentiality",
    NoteTag => "note-tag",
    OptionStatus => "option-status",
    Level => "level",
    ActorKind => "actor-kind",
    TieKind => "tie-kind",
    Capacity => "capacity",
    ConsentAnswer => "consent",
    Audience => "audience",
    Clearance => "clearance",
    TransferKind => "transfer-kind",
    TransferDirection => "transfer-direction",
    TransferChannel => "transfer-channel",
    TransferTiming => "transfer-timing",
    Evidence => "evidence",
    CoordinationForm => "coordination-form",
    OfficialKind => "official-kind",
    Outcome => "outcome",
    Unavailable => "unavailable",
    Field => "map-field",
    TrackScheme => "track-scheme",
}

/// How a clause changed between two versions.
impl Word for ClauseChangeKind {
    const VOCABULARY: &'static str = "clause-change";
    fn code(self) -> &'static str {
        self.as_str()
    }
}

/// Where a clause stands.
impl Word for ClauseStanding {
    const VOCABULARY: &'static str = "clause-standing";
    fn code(self) -> &'static str {
        self.as_str()
    }
}

/// Who a summary is for: a participant of any side is "a participant".
impl Word for Reader {
    const VOCABULARY: &'static str = "reader";
    fn code(self) -> &'static str {
        match self {
            Reader::Team => "team",
            Reader::Participant { .. } => "participant",
            Reader::Observer => "observer",
            Reader::Official => "official",
            Reader::Evaluator => "evaluator",
            Reader::Funder => "funder",
            Reader::Operations => "operations",
        }
    }
}

#[cfg(test)]
fn readers() -> Vec<Reader> {
    Reader::all(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_of_every_vocabulary_has_its_word() {
        let ids = every_message_id();
        assert!(ids.len() > 100, "{}", ids.len());
        let missing: Vec<_> = ids.iter().filter(|id| !tracktwo_i18n::has_message(id)).collect();
        assert!(missing.is_empty(), "{missing:?}");
    }
}

/// The name of a methodology's step (counted from one), in the reader's language; none past
/// its last step.
pub fn methodology_step(locale: Locale, methodology: Methodology, step: usize) -> Option<String> {
    (1..=methodology.template().len())
        .contains(&step)
        .then(|| text(locale, &format!("{}-step-{step}", message_id(methodology))))
}

#[cfg(test)]
mod steps {
    use super::*;

    #[test]
    fn every_step_of_every_methodology_has_its_words() {
        for methodology in Methodology::ALL {
            for step in 1..=methodology.template().len() {
                let id = format!("{}-step-{step}", message_id(*methodology));
                assert!(tracktwo_i18n::has_message(&id), "{id}");
            }
            assert_eq!(methodology_step(Locale::English, *methodology, methodology.template().len() + 1), None);
        }
    }
}
