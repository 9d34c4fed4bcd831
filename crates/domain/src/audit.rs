//! Audit events: who did what to which record, and when. An event names identifiers and kinds
//! only, never a title, a name or any other sensitive text, so the log can be read by the people
//! who must check it without becoming a leak of its own.

use crate::Timestamp;

macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            #[must_use]
            pub fn parse(value: &str) -> Option<Self> {
                match value { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

string_enum!(
    /// What happened.
    AuditAction {
        StoreInitialised => "store.initialised",
        UserCreated => "user.created",
        UserRead => "user.read",
        TokenCreated => "token.created",
        TokenRevoked => "token.revoked",
        LoginSucceeded => "login.succeeded",
        LoginFailed => "login.failed",
        LoginLockedOut => "login.locked-out",
        LoginThrottled => "login.throttled",
        SignedOut => "login.signed-out",
        PasswordSet => "user.password-set",
        UserDisabled => "user.disabled",
        UserEnabled => "user.enabled",
        SecondFactorEnrolmentStarted => "user.second-factor-enrolment-started",
        SecondFactorEnabled => "user.second-factor-enabled",
        RecoveryCodeUsed => "user.recovery-code-used",
        InitiativeCreated => "initiative.created",
        InitiativeRead => "initiative.read",
        InitiativeDestroyed => "initiative.destroyed",
        MemberAdded => "member.added",
        SideAdded => "side.added",
        PersonCreated => "person.created",
        PersonRead => "person.read",
        NoteCreated => "note.created",
        NoteRead => "note.read",
        DocumentCreated => "document.created",
        DocumentRead => "document.read",
        ActorCreated => "actor.created",
        ActorUpdated => "actor.updated",
        ActorRemoved => "actor.removed",
        ActorRead => "actor.read",
        TieCreated => "tie.created",
        TieUpdated => "tie.updated",
        TieRemoved => "tie.removed",
        MapRead => "map.read",
        MapExported => "map.exported",
        MapImported => "map.imported",
        RegistryEntryRead => "registry.read",
        RegistryEntryWritten => "registry.written",
        // A consent taken back: a withdrawal dated, or an answer turned to a refusal.
        ConsentWithdrawn => "registry.consent-withdrawn",
        SelectionRun => "map.selection-run",
        RiskCeilingSet => "map.risk-ceiling-set",
        SnapshotCreated => "map.snapshot-created",
        SnapshotRemoved => "map.snapshot-removed",
        ProcessDesigned => "process.designed",
        RoundCreated => "round.created",
        MeetingCreated => "meeting.created",
        MeetingUpdated => "meeting.updated",
        MeetingRead => "meeting.read",
        MeetingSummaryExported => "meeting.summary-exported",
        MeetingNoteCreated => "meeting-note.created",
        MeetingNoteHeld => "meeting-note.held",
        SpeakerKeyRead => "speaker-key.read",
        SpeakerKeyWritten => "speaker-key.written",
        OptionCreated => "option.created",
        OptionUpdated => "option.updated",
        OptionsRead => "options.read",
        FollowUpCreated => "follow-up.created",
        FollowUpUpdated => "follow-up.updated",
        ReadoutCreated => "readout.created",
        ReadoutUpdated => "readout.updated",
        ReadoutReviewed => "readout.reviewed",
        ReadoutReleased => "readout.released",
        ReadoutRead => "readout.read",
        CopyIssued => "readout.copy-issued",
        CopyRendered => "readout.copy-rendered",
        LeakTraced => "readout.leak-traced",
        TransferLogged => "transfer.logged",
        CoordinationLogged => "coordination.logged",
        OfficialEventLogged => "official-event.logged",
        TransferLogRead => "transfer-log.read",
        ConversationCreated => "conversation.created",
        ConversationUpdated => "conversation.updated",
        ConversationResultsRead => "conversation.results-read",
        ConversationExported => "conversation.exported",
        ConversationImported => "conversation.imported",
        StatementAdded => "statement.added",
        StatementModerated => "statement.moderated",
        StatementTranslated => "statement.translated",
        InvitationCreated => "invitation.created",
        InvitationRevoked => "invitation.revoked",
        InvitationLimitsSet => "invitation.limits-set",
        TextCreated => "text.created",
        TextVersionCommitted => "text.version-committed",
        TextSignatorySet => "text.signatory-set",
        TextOptionDrafted => "text.option-drafted",
        TextRead => "text.read",
        TextCommented => "text.commented",
        TextSuggested => "text.suggested",
        TextSuggestionAnswered => "text.suggestion-answered",
        TextSignedOff => "text.signed-off",
        TextExported => "text.exported",
        TextImported => "text.imported",
        OutcomeHarvested => "outcome.harvested",
        OutcomeUpdated => "outcome.updated",
        OutcomeSubstantiated => "outcome.substantiated",
        OutcomeAdvanced => "outcome.advanced",
        OutcomesRead => "outcomes.read",
        ReflectionRecorded => "reflection.recorded",
        ReflectionsRead => "reflections.read",
        QuestionnaireComposed => "questionnaire.composed",
        QuestionnaireStageSet => "questionnaire.stage-set",
        AnswerCardsIssued => "questionnaire.cards-issued",
        MeasuresRead => "questionnaire.results-read",
        IndicatorWritten => "indicator.written",
        IndicatorsRead => "indicators.read",
        FunderReportProduced => "report.funder-produced",
        EvaluationBriefProduced => "report.evaluation-produced",
        IndicatorsExported => "indicators.exported",
        IndicatorsImported => "indicators.imported",
        Exported => "store.exported",
        BackupTaken => "store.backup",
        Restored => "store.restored",
        KeyringExported => "keyring.exported",
        AccessStateSealed => "store.access-state-sealed",
        TokensGivenExpiry => "store.tokens-given-expiry",
        RowRefused => "store.row-refused",
    }
);

string_enum!(
    /// The kind of record an event is about.
    TargetKind {
        Store => "store",
        User => "user",
        Token => "token",
        Initiative => "initiative",
        Side => "side",
        Person => "person",
        Note => "note",
        Document => "document",
        Actor => "actor",
        Tie => "tie",
        Snapshot => "snapshot",
        Round => "round",
        Meeting => "meeting",
        MeetingNote => "meeting-note",
        DialogueOption => "option",
        FollowUp => "follow-up",
        Readout => "readout",
        ReadoutCopy => "readout-copy",
        LogEvent => "log-event",
        Conversation => "conversation",
        Statement => "statement",
        Invitation => "invitation",
        NegotiatingText => "negotiating-text",
        Outcome => "outcome",
        Reflection => "reflection",
        Questionnaire => "questionnaire",
        Indicator => "indicator",
        StoredRow => "stored-row", // a row named by its table and key ("users/…")
    }
);

/// The record an event is about: a kind and an identifier, nothing more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditTarget {
    pub kind: TargetKind,
    /// An identifier (UUID); for the store as a whole, empty or a number (the format a new store
    /// is born at, the refusals one event stands for).
    pub id: String,
}

impl AuditTarget {
    #[must_use]
    pub fn store() -> Self {
        Self { kind: TargetKind::Store, id: String::new() }
    }

    #[must_use]
    pub fn of(kind: TargetKind, id: impl std::fmt::Display) -> Self {
        Self { kind, id: id.to_string() }
    }
}

/// One event before it is chained into the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub at: Timestamp,
    /// From [`crate::Identity::audit_label`]: an id or a role, never a name.
    pub actor: String,
    pub action: AuditAction,
    pub target: AuditTarget,
}
