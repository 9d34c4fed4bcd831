//! Transfer to Track One: readouts cleared for one audience, the copies handed to each
//! recipient, the transfer log, the coordination log with Fisher's four forms, and the
//! official track's own events for the timeline.
//!
//! A readout is assembled only from what the redaction engine leaves the audience, so it can
//! never hold more than a meeting summary for that reader would.

use std::collections::BTreeSet;

use time::Date;

use crate::Timestamp;
use crate::ids::{MeetingId, MeetingNoteId, OptionId, SideId, TextId, UserId};
use crate::negotiating_text::{Body, ClauseStanding, Draft, Replaces, notation};
use crate::records::ValidationError;
use crate::redaction::{MeetingSummary, Reader};

field_enum!(
    /// Who a readout is for.
    Audience as "audience" {
        TrackOneOfficial => "track-one-official", "Track One officials",
        Funder => "funder", "Funders",
        Participants => "participants", "Participants",
        Public => "public", "The public",
    }
);

impl Audience {
    /// The reader whose rules the redaction engine applies for this audience. The public gets
    /// an official's rules — the plenary, nothing marked not for transfer — and no more.
    #[must_use]
    pub fn reader(self) -> Reader {
        match self {
            Audience::TrackOneOfficial | Audience::Public => Reader::Official,
            Audience::Funder => Reader::Funder,
            // Participants of every side together: the plenary only.
            Audience::Participants => Reader::Participant { side: None },
        }
    }

    /// Whether the audience reaches people outside the initiative. Track One officials,
    /// funders and participants are roles within it, each copy going to a named recipient; the
    /// public is everyone, which a secret channel never addresses.
    #[must_use]
    pub fn reaches_outside_the_initiative(self) -> bool {
        self == Audience::Public
    }
}

field_enum!(
    /// Where a readout stands in its clearance.
    Clearance as "clearance" {
        Draft => "draft", "Draft",
        Reviewed => "reviewed", "Reviewed",
        Released => "released", "Released",
    }
);

/// A review of a readout: by the convener, or by one reviewer per side for a joint readout.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Review {
    pub by: UserId,
    pub side: Option<SideId>,
    pub at: Timestamp,
}

/// One section of a released readout's text: a heading and its paragraphs.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReadoutSection {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

impl std::fmt::Debug for ReadoutSection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadoutSection").field("paragraphs", &self.paragraphs.len()).finish_non_exhaustive()
    }
}

/// A readout: chosen notes, options and meeting summaries of an initiative, for one audience.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Readout {
    pub title: String,
    pub audience: Audience,
    /// The convener's own framing, first in the readout.
    pub cover: String,
    pub meetings: Vec<MeetingId>,
    /// Notes chosen from those meetings; each still passes the redaction engine for the audience.
    pub notes: Vec<MeetingNoteId>,
    pub options: Vec<OptionId>,
    /// For a joint readout: the sides whose reviewer must clear it too.
    pub joint_sides: BTreeSet<SideId>,
    /// Whether the copies may differ in wording (equivalent phrasings), not only in spelling
    /// and punctuation, to be traceable from shorter passages.
    pub wording_variants: bool,
    pub clearance: Clearance,
    pub reviews: Vec<Review>,
    pub released_at: Option<Timestamp>,
    /// The text as released: frozen, the source of every copy.
    pub released: Vec<ReadoutSection>,
    /// The secret that sets each copy's fingerprint, drawn at release.
    #[serde(default)]
    pub fingerprint_key: Option<[u8; 32]>,
    /// The scheme that made the copies, fixed at release with the key: a copy traces only under
    /// the scheme it was made with. Readouts released before it was kept used the simplex code.
    #[serde(default)]
    pub fingerprint_scheme: FingerprintScheme,
    /// A committed version of a negotiating text the readout carries, so that every copy of the
    /// text that leaves is fingerprinted like the rest of the readout.
    #[serde(default)]
    pub text: Option<CarriedText>,
}

/// How a readout's copies are fingerprinted: which code sets each copy's choice at each variable
/// site (`tracktwo-trace`'s code schemes, named alike).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FingerprintScheme {
    /// The simplex code, in force before the scheme was kept with the readout.
    #[default]
    Simplex,
    /// The separated code: copies kept apart over every few consecutive sites.
    Separated,
    /// The separated code over more sites where wording variants are on (third forms of some
    /// wordings, more word choices); with them off, the separated code's own sites.
    SeparatedMoreSites,
    /// The separated code over further sites where wording variants are on (those of
    /// `SeparatedMoreSites`, more forms for some wordings and dates, a repeated modal or "to"
    /// after "and"); with them off, the separated code's own sites.
    SeparatedFurtherSites,
}

impl FingerprintScheme {
    pub const ALL: [FingerprintScheme; 4] = [
        FingerprintScheme::Simplex,
        FingerprintScheme::Separated,
        FingerprintScheme::SeparatedMoreSites,
        FingerprintScheme::SeparatedFurtherSites,
    ];
}

/// A committed version of a negotiating text, as a readout or a transfer names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CarriedText {
    pub text: TextId,
    pub version: u32,
}

impl std::fmt::Debug for Readout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Readout")
            .field("audience", &self.audience)
            .field("clearance", &self.clearance)
            .finish_non_exhaustive()
    }
}

impl Readout {
    /// A new draft for `audience`, carrying nothing yet: what is chosen is set on it.
    #[must_use]
    pub fn draft(title: impl Into<String>, audience: Audience) -> Self {
        Readout {
            title: title.into(),
            audience,
            cover: String::new(),
            meetings: Vec::new(),
            notes: Vec::new(),
            options: Vec::new(),
            joint_sides: BTreeSet::new(),
            wording_variants: false,
            clearance: Clearance::Draft,
            reviews: Vec::new(),
            released_at: None,
            released: Vec::new(),
            fingerprint_key: None,
            fingerprint_scheme: FingerprintScheme::Simplex,
            text: None,
        }
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.title.trim().is_empty() {
            return Err(ValidationError::Empty { field: "readout title" });
        }
        if self.title.chars().count() > 300 || self.title.chars().any(char::is_control) {
            return Err(ValidationError::Invalid {
                field: "readout title",
                reason: "must be one line of at most 300 characters",
            });
        }
        if self.cover.chars().count() > 100_000 {
            return Err(ValidationError::TooLong { field: "cover", max: 100_000 });
        }
        Ok(())
    }

    /// Whether the reviews so far clear the readout: the convener's, and one from each side of
    /// a joint readout.
    #[must_use]
    pub fn fully_reviewed(&self, convener_reviewed: bool) -> bool {
        convener_reviewed && self.joint_sides.iter().all(|side| self.reviews.iter().any(|r| r.side == Some(*side)))
    }
}

/// Assembles a readout's text from the audience's summaries of its meetings (already made by
/// the redaction engine for `audience.reader()`), keeping of their notes only those chosen
/// (`chosen[i]` holds the record indices of notes chosen from `summaries[i]`), and the options
/// chosen with their status. A note the summary left out cannot be chosen back in. A carried
/// text version (its draft and number) follows the meetings, as the bracketed copy shows it.
#[must_use]
pub fn assemble(
    title: &str,
    cover: &str,
    summaries: &[MeetingSummary],
    chosen: &[BTreeSet<usize>],
    text: Option<(&Draft, u32)>,
    options: &[(String, &'static str, Vec<String>)],
) -> Vec<ReadoutSection> {
    let mut sections = Vec::new();
    let cover: Vec<String> = paragraphs_of(cover).collect();
    if !cover.is_empty() {
        sections.push(ReadoutSection { heading: title.to_owned(), paragraphs: cover });
    }
    for (i, summary) in summaries.iter().enumerate() {
        let picked = chosen.get(i);
        let mut paragraphs = vec![format!(
            "{} ({}, {}).",
            summary.title,
            summary.round,
            summary
                .starts_on
                .format(time::macros::format_description!("[day] [month repr:long] [year]"))
                .unwrap_or_default()
        )];
        if let Some(stage) = summary.stage_reached.and_then(|stage| stage.template_name()) {
            paragraphs.push(format!("The meeting reached: {stage}."));
        }
        for session in &summary.sessions {
            for note in &session.notes {
                if picked.is_some_and(|p| p.contains(&note.source)) {
                    paragraphs.push(note.body.clone());
                }
            }
        }
        sections.push(ReadoutSection { heading: summary.title.clone(), paragraphs });
    }
    if let Some((draft, version)) = text {
        sections.extend(text_sections(draft, version));
    }
    if !options.is_empty() {
        sections.push(ReadoutSection {
            heading: "Options".to_owned(),
            paragraphs: options
                .iter()
                .map(|(title, status, sides)| {
                    if sides.is_empty() {
                        format!("{title} ({status}).")
                    } else {
                        format!("{title} ({status}; supported by {}).", sides.join(" and "))
                    }
                })
                .collect(),
        });
    }
    sections
}

/// A text version as sections of a readout: its title and preamble, then each part with its
/// clauses labelled by their stable ids, brackets and alternatives in place — the words of the
/// bracketed copy, so a reader can hold the two side by side.
#[must_use]
pub fn text_sections(draft: &Draft, version: u32) -> Vec<ReadoutSection> {
    let mut opening = vec![format!("Version {version} of the text, with its brackets and alternatives as they stand.")];
    opening.extend(paragraphs_of(&draft.preamble));
    let mut sections = vec![ReadoutSection { heading: draft.title.clone(), paragraphs: opening }];
    for part in &draft.parts {
        let mut paragraphs = Vec::new();
        for clause in &part.clauses {
            let head = if clause.heading.is_empty() {
                clause.id.to_string()
            } else {
                format!("{} {}:", clause.id, clause.heading)
            };
            match &clause.body {
                Body::Text(spans) => {
                    let agreed = if clause.standing() == ClauseStanding::AgreedAdReferendum {
                        " (agreed ad referendum)"
                    } else {
                        ""
                    };
                    paragraphs.push(format!("{head} {}{agreed}", notation(spans)));
                }
                Body::Alternatives(alternatives) => {
                    paragraphs.push(format!("{head} alternatives follow."));
                    for alternative in alternatives {
                        let replaces = match &alternative.replaces {
                            Replaces::WholeClause => "the whole clause".to_owned(),
                            Replaces::Words(words) => format!("“{words}”"),
                        };
                        paragraphs.push(format!(
                            "Alt {} (replaces {replaces}): {}",
                            alternative.label,
                            notation(&alternative.text)
                        ));
                    }
                }
            }
        }
        let heading = if part.heading.is_empty() { part.id.to_string() } else { part.heading.clone() };
        sections.push(ReadoutSection { heading, paragraphs });
    }
    sections
}

fn paragraphs_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned)
}

/// One copy of a released readout, handed to one recipient: the distribution ledger's line.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReadoutCopy {
    pub readout: crate::ids::ReadoutId,
    pub number: u32,
    /// Who received it ("Deputy Minister, Upper Vale Ministry of Water").
    pub recipient: String,
    /// How it was handed over ("in person, Brenna", "by hand to the embassy").
    pub channel: String,
    pub delivered_on: Date,
}

impl std::fmt::Debug for ReadoutCopy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadoutCopy").field("number", &self.number).finish_non_exhaustive()
    }
}

field_enum!(
    /// What moved from the dialogue towards those who decide (Çuhadar's types).
    TransferKind as "what moved" {
        Relationships => "relationships", "Relationships and trust",
        Learning => "learning", "Learning",
        IdeaOrOption => "idea-or-option", "An idea or option",
        DraftText => "draft-text", "A draft framework or text",
        SkillsOrData => "skills-or-data", "Skills or data",
        PersonIntoOffice => "person-into-office", "A participant moving into an official role",
    }
);

field_enum!(
    TransferDirection as "direction" {
        Upward => "upward", "Upward, to Track One",
        Outward => "outward", "Outward, to constituencies and the public",
        Lateral => "lateral", "Lateral, to other initiatives",
    }
);

field_enum!(
    TransferChannel as "channel" {
        ParticipantCarries => "participant-carries", "A participant carries it",
        ParticipantBecomesNegotiator => "participant-becomes-negotiator", "A participant becomes a negotiator",
        ConvenerBriefs => "convener-briefs", "The convener briefs officials",
        WrittenReadout => "written-readout", "A written readout or non-paper",
        Publication => "publication", "Publication",
        Media => "media", "Media",
        Training => "training", "Training",
    }
);

field_enum!(
    /// When, against the official negotiation.
    TransferTiming as "timing" {
        PreNegotiation => "pre-negotiation", "Before negotiation",
        ParaNegotiation => "para-negotiation", "Alongside negotiation",
        PostNegotiation => "post-negotiation", "After negotiation",
    }
);

field_enum!(
    /// How well the transfer is known to have happened.
    Evidence as "evidence" {
        Claimed => "claimed", "Claimed",
        Corroborated => "corroborated", "Corroborated by the recipient",
        VisibleOfficially => "visible-officially", "Visible in an official text or policy",
    }
);

#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TransferEvent {
    pub on: Date,
    pub what: TransferKind,
    pub direction: TransferDirection,
    pub channel: TransferChannel,
    pub timing: TransferTiming,
    pub evidence: Evidence,
    pub description: String,
    /// The options it carried, so each option's path to "adopted officially" shows.
    pub options: Vec<OptionId>,
    pub readout: Option<crate::ids::ReadoutId>,
    /// The version of a negotiating text that moved, when a text did.
    #[serde(default)]
    pub text: Option<CarriedText>,
}

impl std::fmt::Debug for TransferEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TransferEvent").field("on", &self.on).field("what", &self.what).finish_non_exhaustive()
    }
}

field_enum!(
    /// Fisher's forms of coordination between Track Two and Track One, weakest first.
    CoordinationForm as "coordination form" {
        InformationSharing => "information-sharing", "Information sharing",
        IndirectSequencing => "indirect-sequencing", "Indirect sequencing",
        JointStrategyPlanning => "joint-strategy-planning", "Joint strategy planning",
        CollaborationInImplementation => "collaboration-in-implementation", "Collaboration in implementation",
    }
);

impl CoordinationForm {
    /// 1 (information sharing) to 4 (collaboration in implementation).
    #[must_use]
    pub fn level(self) -> u8 {
        match self {
            CoordinationForm::InformationSharing => 1,
            CoordinationForm::IndirectSequencing => 2,
            CoordinationForm::JointStrategyPlanning => 3,
            CoordinationForm::CollaborationInImplementation => 4,
        }
    }
}

/// A contact with a Track One counterpart.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CoordinationEvent {
    pub on: Date,
    pub form: CoordinationForm,
    /// The counterpart's office, as the team refers to it ("Vale water ministry").
    pub counterpart: String,
    pub note: String,
}

impl std::fmt::Debug for CoordinationEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CoordinationEvent").field("on", &self.on).field("form", &self.form).finish_non_exhaustive()
    }
}

/// The coordination level of an initiative on each day of `days`: the highest form reached in
/// the `window` days up to it — the form the initiative sustains, not a one-off.
#[must_use]
pub fn coordination_level(events: &[CoordinationEvent], days: &[Date], window: i64) -> Vec<u8> {
    days.iter()
        .map(|day| {
            events
                .iter()
                .filter(|e| e.on <= *day && (*day - e.on).whole_days() < window)
                .map(|e| e.form.level())
                .max()
                .unwrap_or(0)
        })
        .collect()
}

field_enum!(
    /// What happened on the official track.
    OfficialKind as "official event" {
        NegotiationRound => "negotiation-round", "Negotiation round",
        Ceasefire => "ceasefire", "Ceasefire",
        Statement => "statement", "Statement",
        Agreement => "agreement", "Agreement",
    }
);

#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OfficialEvent {
    pub on: Date,
    pub kind: OfficialKind,
    pub title: String,
}

impl std::fmt::Debug for OfficialEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OfficialEvent").field("on", &self.on).field("kind", &self.kind).finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_readout_stored_before_its_fingerprint_scheme_was_kept_reads_as_the_simplex_code() {
        let mut readout = Readout::draft("Round three", Audience::TrackOneOfficial);
        readout.fingerprint_key = Some([4; 32]);
        readout.fingerprint_scheme = FingerprintScheme::Separated;
        let mut stored = serde_json::to_value(&readout).expect("a readout encodes");
        assert_eq!(stored["fingerprint_scheme"], "separated");
        let opened: Readout = serde_json::from_value(stored.clone()).expect("a readout decodes");
        assert_eq!(opened.fingerprint_scheme, FingerprintScheme::Separated);
        stored.as_object_mut().expect("an object").remove("fingerprint_scheme");
        let older: Readout = serde_json::from_value(stored).expect("an older readout decodes");
        assert_eq!(older.fingerprint_scheme, FingerprintScheme::Simplex);
    }

    #[test]
    fn the_coordination_level_is_the_highest_form_sustained_in_the_window() {
        let events = vec![
            CoordinationEvent {
                on: date!(2025 - 01 - 10),
                form: CoordinationForm::InformationSharing,
                counterpart: String::new(),
                note: String::new(),
            },
            CoordinationEvent {
                on: date!(2025 - 03 - 01),
                form: CoordinationForm::JointStrategyPlanning,
                counterpart: String::new(),
                note: String::new(),
            },
        ];
        let days = [date!(2025 - 01 - 01), date!(2025 - 01 - 20), date!(2025 - 03 - 05), date!(2025 - 07 - 01)];
        assert_eq!(coordination_level(&events, &days, 90), vec![0, 1, 3, 0]);
    }

    #[test]
    fn a_joint_readout_needs_a_reviewer_of_each_side() {
        let a = SideId::from_random_bytes([1; 16]);
        let b = SideId::from_random_bytes([2; 16]);
        let mut readout =
            Readout { joint_sides: BTreeSet::from([a, b]), ..Readout::draft("Readout", Audience::TrackOneOfficial) };
        assert!(!readout.fully_reviewed(true));
        readout.reviews.push(Review {
            by: UserId::from_random_bytes([3; 16]),
            side: Some(a),
            at: time::OffsetDateTime::UNIX_EPOCH,
        });
        assert!(!readout.fully_reviewed(true));
        readout.reviews.push(Review {
            by: UserId::from_random_bytes([4; 16]),
            side: Some(b),
            at: time::OffsetDateTime::UNIX_EPOCH,
        });
        assert!(readout.fully_reviewed(true) && !readout.fully_reviewed(false));
    }

    mod carried_text {
        use super::*;
        use crate::negotiating_text::{Alternative, Clause, ClauseId, Part, PartId, Span, parse_notation};
        use proptest::prelude::*;

        fn words() -> impl Strategy<Value = String> {
            prop::collection::vec(
                prop::sample::select(vec!["the", "Parties", "[shall]", "agree", "[to|on]", "meet", "monthly."]),
                1..8,
            )
            .prop_map(|ws| ws.join(" "))
        }

        fn body() -> impl Strategy<Value = Body> {
            prop_oneof![
                words().prop_map(|w| Body::Text(parse_notation(&w).unwrap())),
                prop::collection::vec(words(), 2..4).prop_map(|alts| Body::Alternatives(
                    alts.iter()
                        .zip(["A", "B", "C"])
                        .map(|(w, label)| Alternative {
                            label: label.to_owned(),
                            text: parse_notation(w).unwrap(),
                            replaces: Replaces::WholeClause,
                        })
                        .collect()
                )),
            ]
        }

        proptest! {
            /// A carried version loses no clause and no bracket: every clause's words appear in
            /// the readout exactly as the bracketed copy writes them, under its stable id, part by
            /// part, and the version is named.
            #[test]
            fn a_carried_version_keeps_every_clause_with_its_brackets(
                parts in prop::collection::vec(prop::collection::vec(body(), 1..5), 1..4),
                version in 1u32..50,
            ) {
                let mut next = 0;
                let draft = Draft {
                    title: "Non-paper".into(),
                    preamble: "Preamble.".into(),
                    parts: parts
                        .into_iter()
                        .enumerate()
                        .map(|(i, bodies)| Part {
                            id: PartId(u32::try_from(i).unwrap() + 1),
                            heading: String::new(),
                            clauses: bodies
                                .into_iter()
                                .map(|body| {
                                    next += 1;
                                    Clause { id: ClauseId(next), heading: String::new(), body, ad_referendum: false, renders: None }
                                })
                                .collect(),
                        })
                        .collect(),
                };
                let sections = assemble("Readout", "", &[], &[], Some((&draft, version)), &[]);
                prop_assert_eq!(sections.len(), draft.parts.len() + 1);
                let named = format!("Version {version}");
                prop_assert!(sections[0].paragraphs[0].contains(&named));
                let text: String = sections.iter().flat_map(|s| s.paragraphs.iter()).cloned().collect::<Vec<_>>().join("\n");
                for clause in draft.clauses() {
                    let pieces: Vec<&[Span]> = match &clause.body {
                        Body::Text(spans) => vec![spans],
                        Body::Alternatives(alts) => alts.iter().map(|a| a.text.as_slice()).collect(),
                    };
                    for spans in pieces {
                        let written = notation(spans);
                        prop_assert!(text.contains(&written), "clause {} lost its words", clause.id);
                    }
                    let labelled = format!("{} ", clause.id);
                    prop_assert!(text.contains(&labelled));
                }
                let brackets = |t: &str| t.matches('[').count();
                let expected: usize = draft.clauses().map(|c| brackets(&c.notation())).sum();
                prop_assert_eq!(brackets(&text), expected);
            }
        }
    }
}
