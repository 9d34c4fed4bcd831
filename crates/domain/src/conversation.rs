//! Conversations: short statements that participants agree with, disagree with or pass on, from
//! which the common-ground engine finds opinion groups and what every group — and every side —
//! can support.
//!
//! A conversation belongs to an initiative and runs in one of two modes:
//! - **private**: the initiative's participants vote under their account, each counted under
//!   their side (a workshop's delegations);
//! - **consultation**: anyone holding an invitation link votes without an account. The voter is a
//!   random identifier with, at most, a self-declared side and segment — nothing else about them
//!   is kept.
//!
//! Statements proposed by voters wait in a moderation queue until the team accepts them.

use std::collections::BTreeMap;

use crate::Timestamp;
use crate::campaign::CampaignLimits;
use crate::ids::{InvitationId, SideId, UserId};
use crate::negotiating_text::Language;
use crate::records::{ValidationError, long_text, optional_line, required_line};

field_enum!(
    /// Who votes in a conversation.
    ConversationMode as "mode" {
        /// The initiative's participants, under their account and side.
        Private => "private", "Private: the initiative's participants vote",
        /// Anyone with an invitation link, anonymously.
        Consultation => "consultation", "Consultation: anyone with an invitation link votes",
    }
);

field_enum!(
    /// Where a statement stands in moderation.
    StatementStatus as "statement status" {
        /// Proposed by a voter; not yet shown to anyone else.
        Pending => "pending", "Waiting for moderation",
        Accepted => "accepted", "Accepted",
        /// Moderated out: its votes are kept but it is left out of the map and every list.
        Rejected => "rejected", "Moderated out",
    }
);

field_enum!(
    /// A participant's answer to one statement.
    Vote as "vote" {
        Agree => "agree", "Agree",
        Disagree => "disagree", "Disagree",
        Pass => "pass", "Pass / unsure",
    }
);

field_enum!(
    /// An invitation link: for one person, or for a campaign (everyone who opens it is a new,
    /// separate voter).
    InvitationKind as "invitation kind" {
        Personal => "personal", "Personal: one link for one person",
        Campaign => "campaign", "Campaign: one link shared with many",
    }
);

field_enum!(
    /// Where a statement came from.
    StatementOrigin as "statement origin" {
        Team => "team", "The convening team",
        Participant => "participant", "A participant",
        Imported => "imported", "Imported",
    }
);

/// The longest statement: short enough to read and answer on a phone.
pub const STATEMENT_MAX_CHARS: usize = 280;
/// Segments a consultation offers its voters to declare (region, age band, constituency...).
pub const SEGMENTS_MAX: usize = 20;

/// A conversation's setting.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Conversation {
    pub title: String,
    /// The question put to participants, shown above every statement.
    pub question: String,
    pub mode: ConversationMode,
    /// The segments voters may declare themselves part of (consultation mode).
    pub segments: Vec<String>,
    /// Whether participants may propose statements (they go to the moderation queue).
    pub accepts_statements: bool,
    /// Seeds the engine, so the same votes always give the same groups.
    pub seed: u64,
    /// A closed conversation takes no more votes or statements.
    pub closed: bool,
}

impl Conversation {
    pub fn validate(&self) -> Result<(), ValidationError> {
        required_line("conversation title", &self.title)?;
        long_text("question", &self.question, false)?;
        if self.question.chars().count() > 2_000 {
            return Err(ValidationError::TooLong { field: "question", max: 2_000 });
        }
        if self.segments.len() > SEGMENTS_MAX {
            return Err(ValidationError::Invalid { field: "segments", reason: "may list at most 20" });
        }
        for (i, segment) in self.segments.iter().enumerate() {
            required_line("segment", segment)?;
            if segment.chars().count() > 60 {
                return Err(ValidationError::TooLong { field: "segment", max: 60 });
            }
            if self.segments[..i].iter().any(|s| s.eq_ignore_ascii_case(segment)) {
                return Err(ValidationError::Invalid { field: "segments", reason: "must not repeat" });
            }
        }
        Ok(())
    }

    /// The segments from a comma- or line-separated list, trimmed, empty ones dropped.
    #[must_use]
    pub fn parse_segments(text: &str) -> Vec<String> {
        text.split([',', '\n']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
    }
}

/// One statement, numbered from 0 in the order it was proposed (as Pol.is numbers comments).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Statement {
    pub number: u32,
    pub text: String,
    pub status: StatementStatus,
    pub origin: StatementOrigin,
    /// About the conversation itself ("I am here in a personal capacity"): kept out of the map.
    pub meta: bool,
    pub submitted_at: Timestamp,
    /// The language it was written in and the team's translations of it. A statement sealed
    /// before statements had translations has neither.
    #[serde(default)]
    pub languages: StatementLanguages,
}

/// The most translations one statement carries: every language a consultation could
/// reasonably offer, and no more.
pub const TRANSLATIONS_MAX: usize = 20;

/// A statement's languages: the one it was written in, when the team has said, and the
/// translations the team entered, by language. Voters read their language where there is a
/// translation, with the original one step away; the original stays what was voted on.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StatementLanguages {
    pub original: Option<Language>,
    pub translations: BTreeMap<Language, String>,
}

impl StatementLanguages {
    /// Checks every translation as a statement's own text is checked, and that none is in the
    /// language the statement was written in (the original is that language's text).
    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.translations.len() > TRANSLATIONS_MAX {
            return Err(ValidationError::Invalid { field: "translations", reason: "may list at most 20 languages" });
        }
        for (language, text) in &self.translations {
            validate_statement_text(text)?;
            if self.original.as_ref() == Some(language) {
                return Err(ValidationError::Invalid {
                    field: "translations",
                    reason: "cannot include the language the statement was written in",
                });
            }
        }
        Ok(())
    }

    /// The translation a reader of `reader` (a BCP 47 tag) should see instead of the original:
    /// the one entered for exactly that tag, else for its primary language ("fr" for "fr-CA").
    /// None when the reader reads the original's language, or there is no translation for them.
    #[must_use]
    pub fn for_reader(&self, reader: &str) -> Option<(&Language, &str)> {
        let primary = |tag: &str| tag.split('-').next().unwrap_or_default().to_ascii_lowercase();
        let reader = reader.trim().to_ascii_lowercase();
        if self.original.as_ref().is_some_and(|original| primary(original.as_str()) == primary(&reader)) {
            return None;
        }
        let exact = self.translations.iter().find(|(language, _)| language.as_str() == reader);
        exact
            .or_else(|| self.translations.iter().find(|(language, _)| language.as_str() == primary(&reader)))
            .map(|(language, text)| (language, text.as_str()))
    }
}

/// Checks a statement's text: one line, not empty, at most [`STATEMENT_MAX_CHARS`].
pub fn validate_statement_text(text: &str) -> Result<(), ValidationError> {
    if text.trim().is_empty() {
        return Err(ValidationError::Empty { field: "statement" });
    }
    if text.chars().count() > STATEMENT_MAX_CHARS {
        return Err(ValidationError::TooLong { field: "statement", max: STATEMENT_MAX_CHARS });
    }
    optional_line("statement", &text.chars().take(STATEMENT_MAX_CHARS).collect::<String>())?;
    Ok(())
}

/// An invitation link. Only the digest of its secret is kept: the link itself is shown once,
/// to the member of the team who made it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Invitation {
    pub kind: InvitationKind,
    /// The team's own label ("Delegation workshop, table 3"); never shown to voters.
    pub label: String,
    /// Hex SHA-256 of the link's secret.
    pub credential: String,
    pub revoked: bool,
    pub created_at: Timestamp,
    /// A campaign link's voter cap and per-address limit. A personal link has none (it makes
    /// one voter). A campaign link made before links had limits has none either, and admits as
    /// it did when it was sent out, until its convener sets them: a limit nobody chose could
    /// turn away the very voters the link was sent to.
    #[serde(default)]
    pub limits: Option<CampaignLimits>,
}

impl Invitation {
    pub fn validate_label(label: &str) -> Result<(), ValidationError> {
        optional_line("invitation label", label)?;
        if label.chars().count() > 120 {
            return Err(ValidationError::TooLong { field: "invitation label", max: 120 });
        }
        Ok(())
    }
}

/// Someone who votes. In consultation mode this is everything kept about them: a random
/// identifier (the record's), a number for the engine and for exports, the digest of the
/// credential their browser holds, the link they came through and when, and what they chose to
/// declare. Never their address.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Voter {
    pub number: u32,
    /// Hex SHA-256 of the voter's credential (consultation mode).
    pub credential: Option<String>,
    /// The member's account (private mode).
    pub member: Option<UserId>,
    pub side: Option<SideId>,
    pub segment: Option<String>,
    /// The invitation link the voter joined through, which its cap counts (absent for voters
    /// who joined before links were counted, and for members).
    #[serde(default)]
    pub invitation: Option<InvitationId>,
    /// When the voter joined, which the burst rule reads (absent as `invitation` is).
    #[serde(default)]
    pub joined_at: Option<Timestamp>,
}

/// One vote as cast; a later vote by the same voter on the same statement replaces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CastVote {
    /// Order of casting within the conversation, from 0.
    pub seq: u64,
    pub voter: u32,
    pub statement: u32,
    pub vote: Vote,
    pub at: Timestamp,
}

/// Chooses the next statement to show, as Pol.is does: at random, weighted by priority, among
/// those the voter has not answered. `draw` is uniform in `[0, 1)` (randomness is the
/// caller's). Non-finite or non-positive priorities count as a small positive weight, so
/// every statement can still be shown.
#[must_use]
pub fn next_statement(candidates: &[(u32, f64)], draw: f64) -> Option<u32> {
    const FLOOR: f64 = 1e-6;
    let weight = |p: f64| if p.is_finite() && p > FLOOR { p } else { FLOOR };
    let total: f64 = candidates.iter().map(|&(_, p)| weight(p)).sum();
    let mut target = draw.clamp(0.0, 1.0) * total;
    for &(number, priority) in candidates {
        target -= weight(priority);
        if target < 0.0 {
            return Some(number);
        }
    }
    candidates.last().map(|&(number, _)| number)
}

/// A token bucket: `capacity` actions at once, refilled at `per_second`. Time is the caller's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimit {
    pub capacity: f64,
    pub per_second: f64,
}

/// A bucket's state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bucket {
    tokens: f64,
    at: Timestamp,
}

impl RateLimit {
    /// A person answers a statement in a second or more; bursts allow a quick run of passes.
    pub const VOTER: RateLimit = RateLimit { capacity: 20.0, per_second: 5.0 };
    /// Statements proposed by one voter.
    pub const PROPOSALS: RateLimit = RateLimit { capacity: 5.0, per_second: 0.05 };
    /// New voters through one campaign link: a hall of people opening it at once, not a script
    /// minting thousands.
    pub const CAMPAIGN_JOINS: RateLimit = RateLimit { capacity: 1_000.0, per_second: 50.0 };
    /// Re-opening one personal link.
    pub const PERSONAL_JOINS: RateLimit = RateLimit { capacity: 10.0, per_second: 0.2 };

    #[must_use]
    pub fn full(self, at: Timestamp) -> Bucket {
        Bucket { tokens: self.capacity, at }
    }

    /// Takes one token, or says in how many whole seconds one will be there.
    pub fn take(self, bucket: &mut Bucket, now: Timestamp) -> Result<(), u64> {
        self.refill(bucket, now);
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = (1.0 - bucket.tokens) / self.per_second;
            Err(wait.ceil().max(1.0) as u64)
        }
    }

    /// Counts an action taken elsewhere (another server let it through against its own view of
    /// the bucket): one token spent whatever is left, so the next action here waits until the
    /// bucket refills past the debt. The debt is bounded by one bucket's worth, so a burst seen
    /// late never locks the voter out for longer than a full refill.
    pub fn spend(self, bucket: &mut Bucket, at: Timestamp) {
        self.refill(bucket, at);
        bucket.tokens = (bucket.tokens - 1.0).max(-self.capacity);
    }

    fn refill(self, bucket: &mut Bucket, now: Timestamp) {
        let elapsed = (now - bucket.at).as_seconds_f64().max(0.0);
        bucket.tokens = (bucket.tokens + elapsed * self.per_second).min(self.capacity);
        bucket.at = now.max(bucket.at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Timestamp {
        time::OffsetDateTime::from_unix_timestamp(1_800_000_000 + seconds).unwrap()
    }

    #[test]
    fn the_next_statement_follows_priority_and_skips_nothing_forever() {
        let candidates = [(4, 1.0), (7, 3.0)];
        assert_eq!(next_statement(&candidates, 0.0), Some(4));
        assert_eq!(next_statement(&candidates, 0.24), Some(4));
        assert_eq!(next_statement(&candidates, 0.26), Some(7));
        assert_eq!(next_statement(&candidates, 0.999), Some(7));
        assert_eq!(next_statement(&[], 0.5), None);
        // A statement with no priority yet can still come up.
        assert_eq!(next_statement(&[(1, f64::NAN), (2, 0.0)], 0.1), Some(1));
        assert_eq!(next_statement(&[(1, f64::NAN), (2, 0.0)], 0.9), Some(2));
    }

    #[test]
    fn a_bucket_refuses_bursts_beyond_its_capacity_and_refills() {
        let limit = RateLimit { capacity: 3.0, per_second: 1.0 };
        let mut bucket = limit.full(at(0));
        for _ in 0..3 {
            assert_eq!(limit.take(&mut bucket, at(0)), Ok(()));
        }
        assert_eq!(limit.take(&mut bucket, at(0)), Err(1));
        assert_eq!(limit.take(&mut bucket, at(1)), Ok(()));
        // A clock that goes back refills nothing.
        assert!(limit.take(&mut bucket, at(0)).is_err());
        assert_eq!(limit.take(&mut bucket, at(100)), Ok(()));
    }

    #[test]
    fn actions_taken_elsewhere_spend_the_same_bucket_and_their_debt_is_bounded() {
        let limit = RateLimit { capacity: 3.0, per_second: 1.0 };
        let mut bucket = limit.full(at(0));
        // Three taken on another server empty the bucket here too.
        for _ in 0..3 {
            limit.spend(&mut bucket, at(0));
        }
        assert_eq!(limit.take(&mut bucket, at(0)), Err(1));
        // More seen late run into debt, at most one bucket's worth.
        for _ in 0..10 {
            limit.spend(&mut bucket, at(0));
        }
        assert_eq!(limit.take(&mut bucket, at(0)), Err(4));
        assert_eq!(limit.take(&mut bucket, at(4)), Ok(()));
    }

    #[test]
    fn statements_are_one_short_line() {
        assert!(validate_statement_text("Water rights should be shared.").is_ok());
        assert!(validate_statement_text("  ").is_err());
        assert!(validate_statement_text("two\nlines").is_err());
        assert!(validate_statement_text(&"x".repeat(STATEMENT_MAX_CHARS + 1)).is_err());
    }

    #[test]
    fn links_and_voters_sealed_before_links_had_limits_still_open() {
        // Bodies as the previous version wrote them: today's, less the fields added since.
        let older = |value: serde_json::Value, added: &[&str]| {
            let mut value = value;
            for field in added {
                assert!(value.as_object_mut().unwrap().remove(*field).is_some(), "{field}");
            }
            value.to_string()
        };
        let limited = Invitation {
            kind: InvitationKind::Campaign,
            label: "Town halls".into(),
            credential: "ab".into(),
            revoked: false,
            created_at: at(0),
            limits: Some(crate::campaign::CampaignLimits::PROPOSED),
        };
        let written = serde_json::to_value(&limited).unwrap();
        assert_eq!(serde_json::from_value::<Invitation>(written.clone()).unwrap(), limited);
        let old: Invitation = serde_json::from_str(&older(written, &["limits"])).unwrap();
        assert_eq!(old, Invitation { limits: None, ..limited }, "an old link admits as before until limits are set");

        let voter = Voter {
            number: 3,
            credential: Some("cd".into()),
            member: None,
            side: None,
            segment: None,
            invitation: Some(InvitationId::from_random_bytes([7; 16])),
            joined_at: Some(at(5)),
        };
        let written = serde_json::to_value(&voter).unwrap();
        assert_eq!(serde_json::from_value::<Voter>(written.clone()).unwrap(), voter);
        let old: Voter = serde_json::from_str(&older(written, &["invitation", "joined_at"])).unwrap();
        assert_eq!(old, Voter { invitation: None, joined_at: None, ..voter });
    }

    fn languages(original: &str, translations: &[(&str, &str)]) -> StatementLanguages {
        StatementLanguages {
            original: Some(Language::parse(original).unwrap()),
            translations: translations
                .iter()
                .map(|(tag, text)| (Language::parse(tag).unwrap(), (*text).to_owned()))
                .collect(),
        }
    }

    #[test]
    fn a_reader_sees_the_translation_in_their_language_or_else_the_original() {
        let statement = languages("en", &[("ar", "يجب مشاركة الماء"), ("fr", "L'eau doit être partagée")]);
        assert_eq!(statement.for_reader("ar").map(|(l, t)| (l.as_str(), t)), Some(("ar", "يجب مشاركة الماء")));
        // A regional reader falls back to the primary language's translation.
        assert_eq!(statement.for_reader("fr-CA").map(|(_, t)| t), Some("L'eau doit être partagée"));
        // The original's readers, and readers with no translation, read the original.
        assert_eq!(statement.for_reader("en"), None);
        assert_eq!(statement.for_reader("en-XA"), None);
        assert_eq!(statement.for_reader("ru"), None);
        // An exact tag wins over its primary language.
        let regional = languages("en", &[("fr", "France"), ("fr-ca", "Québec")]);
        assert_eq!(regional.for_reader("fr-CA").map(|(_, t)| t), Some("Québec"));
        assert_eq!(regional.for_reader("fr").map(|(_, t)| t), Some("France"));
    }

    #[test]
    fn translations_are_checked_as_statements_are() {
        assert!(languages("en", &[("ar", "نص")]).validate().is_ok());
        assert!(languages("en", &[("ar", "  ")]).validate().is_err());
        assert!(languages("en", &[("ar", "two\nlines")]).validate().is_err());
        assert!(languages("en", &[("ru", &"я".repeat(STATEMENT_MAX_CHARS + 1))]).validate().is_err());
        assert!(
            languages("en", &[("en", "The same language")]).validate().is_err(),
            "the original is that language's text"
        );
        let many: Vec<(String, &str)> =
            (0..=TRANSLATIONS_MAX).map(|n| (format!("q{}", char::from(b'a' + n as u8)), "text")).collect();
        let many: Vec<(&str, &str)> = many.iter().map(|(tag, text)| (tag.as_str(), *text)).collect();
        assert!(languages("en", &many).validate().is_err());
    }

    #[test]
    fn statements_sealed_before_translations_still_open() {
        let statement = Statement {
            number: 2,
            text: "Water rights should be shared.".into(),
            status: StatementStatus::Accepted,
            origin: StatementOrigin::Team,
            meta: false,
            submitted_at: at(0),
            languages: languages("en", &[("ru", "Права на воду следует разделить.")]),
        };
        let mut written = serde_json::to_value(&statement).unwrap();
        assert_eq!(serde_json::from_value::<Statement>(written.clone()).unwrap(), statement);
        assert!(written.as_object_mut().unwrap().remove("languages").is_some());
        let old: Statement = serde_json::from_value(written).unwrap();
        assert_eq!(old, Statement { languages: StatementLanguages::default(), ..statement });
    }

    #[test]
    fn segments_must_be_distinct() {
        let mut c = Conversation {
            title: "Water".into(),
            question: String::new(),
            mode: ConversationMode::Consultation,
            segments: Conversation::parse_segments("North, South,\nDiaspora"),
            accepts_statements: true,
            seed: 0,
            closed: false,
        };
        assert_eq!(c.segments, ["North", "South", "Diaspora"]);
        assert!(c.validate().is_ok());
        c.segments.push("north".into());
        assert!(c.validate().is_err());
    }
}
