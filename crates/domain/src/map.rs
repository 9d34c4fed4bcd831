//! The multi-track system map: actors placed on Diamond and McDonald's nine tracks and
//! Lederach's three levels of leadership, on a side of the conflict or as a third party, and the
//! dated ties between them. Beside it, the participant registry: consent, capacity and risk, which
//! only the convener and operations may read.
//!
//! Every text here is sensitive. An actor's name is the most dangerous field an NGO holds; a
//! code name is what everyone outside the convening team sees instead.

use std::collections::BTreeSet;

use time::Date;

use crate::Timestamp;
use crate::ids::{ActorId, InitiativeId, SideId, TieId};
use crate::records::ValidationError;

/// One of Diamond and McDonald's nine tracks of multi-track diplomacy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Track {
    Government = 1,
    ConflictResolution = 2,
    Business = 3,
    PrivateCitizens = 4,
    Research = 5,
    Activism = 6,
    Religion = 7,
    Funding = 8,
    Media = 9,
}

impl Track {
    pub const ALL: [Track; 9] = [
        Track::Government,
        Track::ConflictResolution,
        Track::Business,
        Track::PrivateCitizens,
        Track::Research,
        Track::Activism,
        Track::Religion,
        Track::Funding,
        Track::Media,
    ];

    /// 1 to 9, as Diamond and McDonald number them.
    #[must_use]
    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(number: u8) -> Result<Self, ValidationError> {
        Self::ALL
            .into_iter()
            .find(|t| t.number() == number)
            .ok_or_else(|| ValidationError::UnknownValue { field: "track", value: number.to_string() })
    }

    /// A track given as its number (`"5"`) or its short name (`"research"`).
    pub fn parse(value: &str) -> Result<Self, ValidationError> {
        let value = value.trim();
        if let Ok(number) = value.parse::<u8>() {
            return Self::from_number(number);
        }
        Self::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(value))
            .ok_or_else(|| ValidationError::UnknownValue { field: "track", value: value.to_owned() })
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Track::Government => "government",
            Track::ConflictResolution => "conflict-resolution",
            Track::Business => "business",
            Track::PrivateCitizens => "private-citizens",
            Track::Research => "research",
            Track::Activism => "activism",
            Track::Religion => "religion",
            Track::Funding => "funding",
            Track::Media => "media",
        }
    }

    /// The track's name as the field writes it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Track::Government => "Government",
            Track::ConflictResolution => "Professional conflict resolution",
            Track::Business => "Business",
            Track::PrivateCitizens => "Private citizens",
            Track::Research => "Research, training and education",
            Track::Activism => "Activism",
            Track::Religion => "Religion",
            Track::Funding => "Funding",
            Track::Media => "Communications and media",
        }
    }
}

impl serde::Serialize for Track {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.number())
    }
}

impl<'de> serde::Deserialize<'de> for Track {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let number = u8::deserialize(deserializer)?;
        Track::from_number(number).map_err(serde::de::Error::custom)
    }
}

field_enum!(
    /// Lederach's levels of leadership.
    Level as "level" {
        Top => "top", "Top leadership",
        MiddleRange => "middle", "Middle-range leadership",
        Grassroots => "grassroots", "Grassroots leadership",
    }
);

field_enum!(
    /// What an actor is.
    ActorKind as "actor kind" {
        Person => "person", "Person",
        Organisation => "organisation", "Organisation",
    }
);

field_enum!(
    /// How two actors are tied.
    TieKind as "tie kind" {
        WorksFor => "works-for", "works for",
        Advises => "advises", "advises",
        MemberOf => "member-of", "member of",
        Funds => "funds", "funds",
        Family => "family", "family",
        TrustedContact => "trusted-contact", "trusted contact",
        Colleague => "colleague", "colleague",
        BackChannelTo => "back-channel-to", "back channel to",
        Rival => "rival", "rival",
    }
);

impl TieKind {
    /// Whether a tie of this kind runs one way unless said otherwise: advice and employment
    /// carry influence one way; family and trust go both ways.
    #[must_use]
    pub fn directed_by_default(self) -> bool {
        matches!(
            self,
            TieKind::WorksFor | TieKind::Advises | TieKind::MemberOf | TieKind::Funds | TieKind::BackChannelTo
        )
    }

    /// Ties whose very existence can endanger the people at either end (a back channel, a
    /// family link across the line): only the convening team sees them.
    #[must_use]
    pub fn team_only(self) -> bool {
        matches!(self, TieKind::BackChannelTo | TieKind::Family)
    }
}

/// An actor on the map: a person or an organisation.
#[derive(Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: ActorId,
    pub initiative: InitiativeId,
    pub details: ActorDetails,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl std::fmt::Debug for Actor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Actor").field("id", &self.id).field("initiative", &self.initiative).finish_non_exhaustive()
    }
}

/// What is recorded of an actor. `name` is `None` when the reader may see code names only.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ActorDetails {
    pub kind: ActorKind,
    /// The real name; withheld from everyone outside the convening team and operations.
    pub name: Option<String>,
    /// What everyone else sees, unique within the map ("UV-07").
    pub code_name: String,
    pub primary_track: Track,
    /// Every track the actor works on, the primary one included.
    pub tracks: BTreeSet<Track>,
    pub level: Level,
    /// `None` for a third party (an outside government, an international organisation).
    pub side: Option<SideId>,
    /// Position or role, such as "adviser to the prime minister".
    pub role: String,
    /// A Track One decision-maker: where transfer is meant to arrive.
    pub decision_maker: bool,
    /// The team's own notes; like the role, they reach only readers allowed the name.
    pub notes: String,
    /// What readers limited to code names learn of the actor, written for them ("a senior figure
    /// in the Upper Vale's water administration"). Empty by default; actors stored before it
    /// existed open with it empty.
    #[serde(default)]
    pub public_description: String,
    /// The fields of a map made elsewhere that could not be read (`kind`, `track`, `level`,
    /// `side`): the actor awaits the facilitator, its kind, track and level standing in until
    /// then, and is left out of coverage and selection. Empty for an actor in its place; saving
    /// the actor's form places it. Absent from actors stored before it existed, and from every
    /// placed actor's body.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub unplaced: BTreeSet<String>,
}

impl std::fmt::Debug for ActorDetails {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActorDetails")
            .field("kind", &self.kind)
            .field("primary_track", &self.primary_track)
            .field("level", &self.level)
            .field("unplaced", &self.unplaced)
            .finish_non_exhaustive()
    }
}

const CODE_NAME_MAX: usize = 40;
const LINE_MAX: usize = 300;
const NOTES_MAX: usize = 20_000;
const DESCRIPTION_MAX: usize = 2_000;

fn line(field: &'static str, value: &str, required: bool, max: usize) -> Result<(), ValidationError> {
    if required && value.trim().is_empty() {
        return Err(ValidationError::Empty { field });
    }
    if value.chars().count() > max {
        return Err(ValidationError::TooLong { field, max });
    }
    if value.chars().any(char::is_control) {
        return Err(ValidationError::ControlCharacters { field });
    }
    Ok(())
}

fn notes(field: &'static str, value: &str) -> Result<(), ValidationError> {
    paragraphs(field, value, NOTES_MAX)
}

/// Free text that may run over several lines: tabs and line breaks, no other control character.
fn paragraphs(field: &'static str, value: &str, max: usize) -> Result<(), ValidationError> {
    if value.chars().count() > max {
        return Err(ValidationError::TooLong { field, max });
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(ValidationError::ControlCharacters { field });
    }
    Ok(())
}

impl ActorDetails {
    /// Checks the fields and makes the primary track one of the actor's tracks.
    pub fn validate(&mut self) -> Result<(), ValidationError> {
        self.code_name = self.code_name.trim().to_owned();
        line("code name", &self.code_name, true, CODE_NAME_MAX)?;
        if let Some(name) = &self.name {
            line("name", name, true, LINE_MAX)?;
        }
        line("role", &self.role, false, LINE_MAX)?;
        notes("notes", &self.notes)?;
        paragraphs("public description", &self.public_description, DESCRIPTION_MAX)?;
        self.tracks.insert(self.primary_track);
        Ok(())
    }

    /// Whether the actor awaits its place on the map (see [`ActorDetails::unplaced`]).
    #[must_use]
    pub fn is_unplaced(&self) -> bool {
        !self.unplaced.is_empty()
    }

    /// Cuts the actor down to what a reader limited to code names may learn: the name, the
    /// role and the notes (which carry the organisation, the office, the history that would
    /// give the person away) are emptied; code name, tracks, level, side, kind, the
    /// decision-maker flag and the public description stay.
    pub fn withhold_identity(&mut self) {
        self.name = None;
        self.role = String::new();
        self.notes = String::new();
    }

    /// The code name and, for those who may see it, the name.
    #[must_use]
    pub fn display_name(&self) -> String {
        match &self.name {
            Some(name) => format!("{name} ({})", self.code_name),
            None => self.code_name.clone(),
        }
    }
}

/// A tie between two actors.
#[derive(Clone, PartialEq, Eq)]
pub struct Tie {
    pub id: TieId,
    pub initiative: InitiativeId,
    pub details: TieDetails,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl std::fmt::Debug for Tie {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tie").field("id", &self.id).field("initiative", &self.initiative).finish_non_exhaustive()
    }
}

#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TieDetails {
    pub from: ActorId,
    pub to: ActorId,
    pub kind: TieKind,
    /// Directed ties run from `from` to `to` only ("A advises B").
    pub directed: bool,
    /// 1 (weak) to 5 (strong).
    pub strength: u8,
    /// Valid from this day (inclusive), if known.
    pub valid_from: Option<Date>,
    /// Valid until this day (exclusive), if the tie ended.
    pub valid_until: Option<Date>,
    pub notes: String,
}

impl std::fmt::Debug for TieDetails {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TieDetails").field("kind", &self.kind).field("strength", &self.strength).finish_non_exhaustive()
    }
}

impl TieDetails {
    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.from == self.to {
            return Err(ValidationError::Invalid { field: "tie", reason: "an actor cannot be tied to itself" });
        }
        if !(1..=5).contains(&self.strength) {
            return Err(ValidationError::Invalid { field: "strength", reason: "must be from 1 to 5" });
        }
        if let (Some(from), Some(until)) = (self.valid_from, self.valid_until)
            && until <= from
        {
            return Err(ValidationError::Invalid { field: "valid until", reason: "must come after valid from" });
        }
        notes("tie notes", &self.notes)
    }

    /// Whether the tie stood on `day`.
    #[must_use]
    pub fn valid_on(&self, day: Date) -> bool {
        self.valid_from.is_none_or(|from| from <= day) && self.valid_until.is_none_or(|until| day < until)
    }
}

/// Whether a tie between actors on these sides crosses the conflict line: both ends on sides,
/// and not the same one. A third party stands on no side of the line.
#[must_use]
pub fn crosses_the_line(a: Option<SideId>, b: Option<SideId>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a != b)
}

/// A named date on the map's timeline: the map as it stood then ("before the first workshop
/// round"), to look at again and compare with another.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MapSnapshot {
    pub label: String,
    pub date: Date,
    pub note: String,
}

impl std::fmt::Debug for MapSnapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MapSnapshot").field("date", &self.date).finish_non_exhaustive()
    }
}

impl MapSnapshot {
    pub fn validate(&self) -> Result<(), ValidationError> {
        line("snapshot label", &self.label, true, LINE_MAX)?;
        notes("snapshot note", &self.note)
    }
}

field_enum!(
    /// The capacity in which someone takes part (Track 1.5 mixes them).
    Capacity as "capacity" {
        ServingOfficial => "serving-official", "Serving official",
        PersonalCapacity => "personal-capacity", "Official in a personal capacity",
        FormerOfficial => "former-official", "Former official",
        NonOfficial => "non-official", "Non-official",
    }
);

field_enum!(
    /// What a person said to one kind of use.
    ConsentAnswer as "consent" {
        NotAsked => "not-asked", "not asked",
        Given => "given", "given",
        Refused => "refused", "refused",
    }
);

/// What a person consented to, when and how. A withdrawal overrides every answer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Consent {
    pub to_be_contacted: ConsentAnswer,
    pub to_be_listed: ConsentAnswer,
    pub to_be_recorded_under_code: ConsentAnswer,
    pub to_be_photographed: ConsentAnswer,
    pub obtained_on: Option<Date>,
    /// "in person, oral, witnessed by F2", "signed form".
    pub obtained_how: String,
    pub withdrawn_on: Option<Date>,
}

impl Default for Consent {
    fn default() -> Self {
        Self {
            to_be_contacted: ConsentAnswer::NotAsked,
            to_be_listed: ConsentAnswer::NotAsked,
            to_be_recorded_under_code: ConsentAnswer::NotAsked,
            to_be_photographed: ConsentAnswer::NotAsked,
            obtained_on: None,
            obtained_how: String::new(),
            withdrawn_on: None,
        }
    }
}

impl Consent {
    /// Whether the person may be approached at all (an invitation is a contact).
    #[must_use]
    pub fn may_contact(&self) -> bool {
        self.withdrawn_on.is_none() && self.to_be_contacted == ConsentAnswer::Given
    }

    /// Whether the person may be named, in an attendee list or anywhere else, to anyone outside
    /// the team that runs the initiative. Only a consent given and not withdrawn counts: a
    /// question not asked is no consent.
    #[must_use]
    pub fn may_be_listed(&self) -> bool {
        self.withdrawn_on.is_none() && self.to_be_listed == ConsentAnswer::Given
    }

    /// Whether the person may stand behind a speaker code in a meeting's speaker key: not if
    /// they refused it, nor once they withdrew their consent.
    #[must_use]
    pub fn may_be_recorded_under_code(&self) -> bool {
        self.withdrawn_on.is_none() && self.to_be_recorded_under_code != ConsentAnswer::Refused
    }

    /// Whether going from `before` to this consent takes something back: a withdrawal newly
    /// dated, or an answer that was not a refusal becoming one. Such a change is audited as a
    /// withdrawal of its own, apart from an ordinary edit of the registry.
    #[must_use]
    pub fn withdraws_from(&self, before: &Consent) -> bool {
        let refused_now =
            |now: ConsentAnswer, then: ConsentAnswer| now == ConsentAnswer::Refused && then != ConsentAnswer::Refused;
        (self.withdrawn_on.is_some() && before.withdrawn_on.is_none())
            || refused_now(self.to_be_contacted, before.to_be_contacted)
            || refused_now(self.to_be_listed, before.to_be_listed)
            || refused_now(self.to_be_recorded_under_code, before.to_be_recorded_under_code)
            || refused_now(self.to_be_photographed, before.to_be_photographed)
    }
}

/// A risk assessment: how exposed the person is by taking part.
#[derive(Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct RiskAssessment {
    /// Political or social exposure at home, 0 (none) to 5 (grave).
    pub exposure_at_home: u8,
    /// Risk of travelling to a meeting, 0 to 5.
    pub travel_risk: u8,
    /// Known threats, in words.
    pub threats: String,
}

impl std::fmt::Debug for RiskAssessment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RiskAssessment").finish_non_exhaustive()
    }
}

impl RiskAssessment {
    /// The combined risk, 0 to 10, that a participant selection weighs against its ceiling.
    #[must_use]
    pub fn score(&self) -> u8 {
        self.exposure_at_home.min(5) + self.travel_risk.min(5)
    }
}

/// The registry's record of one actor (a prospective or actual participant).
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RegistryEntry {
    pub consent: Consent,
    pub capacity: Capacity,
    pub risk: RiskAssessment,
    /// Duty-of-care notes: what the team must do to keep this person safe.
    pub duty_of_care: String,
    /// Other names the person goes by, and their name in other scripts ("أمل حداد", "Амаль
    /// Хаддад"): withheld, by every part, wherever their name is. Absent from entries stored
    /// before it existed.
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl std::fmt::Debug for RegistryEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegistryEntry").field("capacity", &self.capacity).finish_non_exhaustive()
    }
}

impl Default for RegistryEntry {
    fn default() -> Self {
        Self {
            consent: Consent::default(),
            capacity: Capacity::NonOfficial,
            risk: RiskAssessment::default(),
            duty_of_care: String::new(),
            aliases: Vec::new(),
        }
    }
}

impl RegistryEntry {
    pub fn validate(&self) -> Result<(), ValidationError> {
        for alias in &self.aliases {
            line("alias", alias, true, LINE_MAX)?;
        }
        if self.risk.exposure_at_home > 5 {
            return Err(ValidationError::Invalid { field: "exposure at home", reason: "must be from 0 to 5" });
        }
        if self.risk.travel_risk > 5 {
            return Err(ValidationError::Invalid { field: "travel risk", reason: "must be from 0 to 5" });
        }
        line("how consent was obtained", &self.consent.obtained_how, false, LINE_MAX)?;
        notes("threats", &self.risk.threats)?;
        notes("duty of care", &self.duty_of_care)
    }
}

/// The risk a participant selection accepts in one initiative. Duty of care is the convener's
/// and operations': they set it, for every selection run there, so no one probes the registry
/// by trying ceilings one after another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RiskCeiling {
    /// No one whose risk score (0–10) is above this is invited.
    pub per_person: u8,
    /// The group's summed risk stays at or under this.
    pub group: u32,
}

impl Default for RiskCeiling {
    fn default() -> Self {
        Self { per_person: 6, group: 60 }
    }
}

/// Why a candidate is not available to a selection, as the registry has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    NotInRegistry,
    NoConsentToBeContacted,
    RiskAboveCeiling,
}

impl Unavailable {
    pub const ALL: &'static [Unavailable] =
        &[Unavailable::NotInRegistry, Unavailable::NoConsentToBeContacted, Unavailable::RiskAboveCeiling];

    /// The stable code, for machines and for the words that name it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Unavailable::NotInRegistry => "not-in-registry",
            Unavailable::NoConsentToBeContacted => "no-consent-to-be-contacted",
            Unavailable::RiskAboveCeiling => "risk-above-ceiling",
        }
    }

    /// The reason as `reader` may see it: the registry's own for those who read the registry;
    /// for anyone else none ("not available" for all three), so the answer says nothing of
    /// consent or risk.
    #[must_use]
    pub fn as_seen_by(self, reader: SelectionReader) -> Option<Unavailable> {
        match reader {
            SelectionReader::OfRegistry => Some(self),
            SelectionReader::WithoutRegistry => None,
        }
    }
}

/// Who runs a selection, as far as the registry goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelectionReader {
    /// The convener and operations, who read the registry anyway.
    OfRegistry,
    /// Anyone else who may run a selection (a facilitator).
    WithoutRegistry,
}

impl RiskCeiling {
    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.per_person > 10 {
            return Err(ValidationError::Invalid { field: "risk ceiling per person", reason: "must be from 0 to 10" });
        }
        if self.group > 2_000 {
            return Err(ValidationError::Invalid {
                field: "risk ceiling for the group",
                reason: "must be from 0 to 2000",
            });
        }
        Ok(())
    }

    /// Whether the registry makes a person available to a selection: an entry, consent to be
    /// contacted, and a risk score within the ceiling.
    pub fn availability(&self, entry: Option<&RegistryEntry>) -> Result<(), Unavailable> {
        match entry {
            None => Err(Unavailable::NotInRegistry),
            Some(entry) if !entry.consent.may_contact() => Err(Unavailable::NoConsentToBeContacted),
            Some(entry) if entry.risk.score() > self.per_person => Err(Unavailable::RiskAboveCeiling),
            Some(_) => Ok(()),
        }
    }

    /// The risk a selection counts for an available person against the group's ceiling: their
    /// score for a reader of the registry; the ceiling per person for anyone else. That never
    /// counts a group as safer than it is, and it makes such a reader's selection depend on who
    /// is available only — not on anyone's score, which runs with other requests could
    /// otherwise read back from the choices.
    #[must_use]
    pub fn counted_risk(&self, entry: &RegistryEntry, reader: SelectionReader) -> u8 {
        match reader {
            SelectionReader::OfRegistry => entry.risk.score(),
            SelectionReader::WithoutRegistry => self.per_person,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(byte: u8) -> SideId {
        SideId::from_random_bytes([byte; 16])
    }

    #[test]
    fn a_registry_entry_stored_before_aliases_still_opens() {
        let entry = RegistryEntry { aliases: vec!["أمل حداد".into()], ..RegistryEntry::default() };
        let mut body = serde_json::to_value(&entry).unwrap();
        assert!(body.as_object_mut().unwrap().remove("aliases").is_some(), "the field is stored");
        let old: RegistryEntry = serde_json::from_value(body).unwrap();
        assert_eq!(old, RegistryEntry { aliases: Vec::new(), ..entry });
        assert!(RegistryEntry { aliases: vec![" ".into()], ..RegistryEntry::default() }.validate().is_err());
    }

    #[test]
    fn tracks_parse_from_numbers_and_names() {
        for track in Track::ALL {
            assert_eq!(Track::parse(&track.number().to_string()).unwrap(), track);
            assert_eq!(Track::parse(track.as_str()).unwrap(), track);
        }
        assert!(Track::parse("10").is_err());
        assert!(Track::parse("0").is_err());
        assert!(Track::parse("diplomacy").is_err());
    }

    #[test]
    fn enumerations_round_trip_through_their_names() {
        for level in Level::ALL {
            assert_eq!(Level::parse(level.as_str()).unwrap(), *level);
        }
        for kind in TieKind::ALL {
            assert_eq!(TieKind::parse(&kind.as_str().to_uppercase()).unwrap(), *kind);
        }
        assert_eq!(
            TieKind::parse("enemy").unwrap_err().to_string(),
            "`enemy` is not a known tie kind",
            "the message names the field and the value the user typed"
        );
    }

    #[test]
    fn only_ties_between_two_different_sides_cross_the_line() {
        assert!(crosses_the_line(Some(side(1)), Some(side(2))));
        assert!(!crosses_the_line(Some(side(1)), Some(side(1))));
        assert!(!crosses_the_line(None, Some(side(2))), "a third party is on no side of the line");
        assert!(!crosses_the_line(None, None));
    }

    #[test]
    fn a_tie_is_valid_from_its_start_until_the_day_it_ends() {
        let day = |d| Date::from_calendar_date(2025, time::Month::March, d).unwrap();
        let tie = TieDetails {
            from: ActorId::from_random_bytes([1; 16]),
            to: ActorId::from_random_bytes([2; 16]),
            kind: TieKind::Advises,
            directed: true,
            strength: 3,
            valid_from: Some(day(10)),
            valid_until: Some(day(20)),
            notes: String::new(),
        };
        assert!(!tie.valid_on(day(9)) && tie.valid_on(day(10)) && tie.valid_on(day(19)) && !tie.valid_on(day(20)));
        assert!(tie.validate().is_ok());
        let backwards = TieDetails { valid_until: Some(day(5)), ..tie.clone() };
        assert!(backwards.validate().is_err());
        let weak = TieDetails { strength: 0, ..tie.clone() };
        assert!(weak.validate().is_err());
        let to_itself = TieDetails { to: tie.from, ..tie };
        assert!(to_itself.validate().is_err());
    }

    #[test]
    fn validation_adds_the_primary_track_and_trims_the_code_name() {
        let mut actor = ActorDetails {
            kind: ActorKind::Person,
            name: Some("Secret Name".into()),
            code_name: "  UV-01 ".into(),
            primary_track: Track::Religion,
            tracks: BTreeSet::from([Track::Research]),
            level: Level::MiddleRange,
            side: None,
            role: String::new(),
            decision_maker: false,
            notes: String::new(),
            public_description: String::new(),
            unplaced: std::collections::BTreeSet::new(),
        };
        actor.validate().unwrap();
        assert_eq!(actor.code_name, "UV-01");
        assert!(actor.tracks.contains(&Track::Religion) && actor.tracks.contains(&Track::Research));
        assert!(!format!("{actor:?}").contains("Secret"));
        actor.code_name = " ".into();
        assert_eq!(actor.validate().unwrap_err(), ValidationError::Empty { field: "code name" });
    }

    #[test]
    fn an_actor_stored_before_the_public_description_opens_with_it_empty() {
        let current = ActorDetails {
            kind: ActorKind::Person,
            name: Some("Secret Name".into()),
            code_name: "UV-01".into(),
            primary_track: Track::Government,
            tracks: BTreeSet::from([Track::Government]),
            level: Level::Top,
            side: None,
            role: "prime minister".into(),
            decision_maker: true,
            notes: "old".into(),
            public_description: "unused".into(),
            unplaced: std::collections::BTreeSet::new(),
        };
        // The body as stored before the field existed: the same JSON without its key.
        let mut stored = serde_json::to_value(&current).unwrap();
        assert!(stored.as_object_mut().unwrap().remove("public_description").is_some());
        let actor: ActorDetails = serde_json::from_value(stored).unwrap();
        assert_eq!(actor.public_description, "");
        assert_eq!(actor.role, "prime minister");
    }

    #[test]
    fn a_placed_actor_is_stored_as_before_and_an_unplaced_one_keeps_its_fields() {
        let mut actor = ActorDetails {
            kind: ActorKind::Person,
            name: None,
            code_name: "K-01".into(),
            primary_track: Track::PrivateCitizens,
            tracks: BTreeSet::from([Track::PrivateCitizens]),
            level: Level::Grassroots,
            side: None,
            role: String::new(),
            decision_maker: false,
            notes: String::new(),
            public_description: String::new(),
            unplaced: BTreeSet::new(),
        };
        let placed = serde_json::to_value(&actor).unwrap();
        assert!(placed.get("unplaced").is_none(), "a placed actor's body is as older releases wrote it");
        assert!(!actor.is_unplaced());
        actor.unplaced = BTreeSet::from(["track".to_owned(), "level".to_owned()]);
        let stored = serde_json::to_string(&actor).unwrap();
        let opened: ActorDetails = serde_json::from_str(&stored).unwrap();
        assert!(opened.is_unplaced());
        assert_eq!(opened.unplaced, actor.unplaced);
    }

    #[test]
    fn withholding_the_identity_keeps_only_what_code_name_readers_may_learn() {
        let mut actor = ActorDetails {
            kind: ActorKind::Organisation,
            name: Some("CANARY name".into()),
            code_name: "UV-23".into(),
            primary_track: Track::Business,
            tracks: BTreeSet::from([Track::Business, Track::Research]),
            level: Level::MiddleRange,
            side: Some(side(1)),
            role: "CANARY role".into(),
            decision_maker: true,
            notes: "CANARY notes".into(),
            public_description: "a haulier".into(),
            unplaced: std::collections::BTreeSet::new(),
        };
        let before = actor.clone();
        actor.withhold_identity();
        assert_eq!((actor.name.as_deref(), actor.role.as_str(), actor.notes.as_str()), (None, "", ""));
        let kept = ActorDetails { name: None, role: String::new(), notes: String::new(), ..before };
        assert_eq!(actor, kept);
    }

    #[test]
    fn the_public_description_is_validated_as_free_text() {
        let mut actor = ActorDetails {
            kind: ActorKind::Person,
            name: None,
            code_name: "UV-01".into(),
            primary_track: Track::Government,
            tracks: BTreeSet::new(),
            level: Level::Top,
            side: None,
            role: String::new(),
            decision_maker: false,
            notes: String::new(),
            public_description: "Two lines,\nboth fine.".into(),
            unplaced: std::collections::BTreeSet::new(),
        };
        actor.validate().unwrap();
        actor.public_description = "bell\u{7}".into();
        assert_eq!(actor.validate().unwrap_err(), ValidationError::ControlCharacters { field: "public description" });
        actor.public_description = "x".repeat(2_001);
        assert_eq!(actor.validate().unwrap_err(), ValidationError::TooLong { field: "public description", max: 2_000 });
    }

    #[test]
    fn withdrawn_consent_forbids_contact() {
        let mut consent = Consent { to_be_contacted: ConsentAnswer::Given, ..Consent::default() };
        assert!(consent.may_contact());
        consent.withdrawn_on = Some(Date::from_calendar_date(2025, time::Month::May, 1).unwrap());
        assert!(!consent.may_contact());
        assert!(!Consent::default().may_contact(), "not asked is not consent");
    }

    #[test]
    fn only_a_consent_given_and_not_withdrawn_lets_a_person_be_listed() {
        let given = Consent { to_be_listed: ConsentAnswer::Given, ..Consent::default() };
        assert!(given.may_be_listed());
        assert!(!Consent::default().may_be_listed(), "not asked is not consent");
        assert!(!Consent { to_be_listed: ConsentAnswer::Refused, ..given.clone() }.may_be_listed());
        let withdrawn = Consent {
            withdrawn_on: Some(Date::from_calendar_date(2025, time::Month::May, 1).unwrap()),
            ..given.clone()
        };
        assert!(!withdrawn.may_be_listed() && !withdrawn.may_be_recorded_under_code());
        assert!(Consent::default().may_be_recorded_under_code(), "a code hides the name: only a refusal keeps it out");
        assert!(
            !Consent { to_be_recorded_under_code: ConsentAnswer::Refused, ..given.clone() }
                .may_be_recorded_under_code()
        );
    }

    #[test]
    fn a_withdrawal_is_a_new_date_or_a_new_refusal() {
        let given = Consent {
            to_be_contacted: ConsentAnswer::Given,
            to_be_listed: ConsentAnswer::Given,
            to_be_recorded_under_code: ConsentAnswer::Given,
            to_be_photographed: ConsentAnswer::NotAsked,
            ..Consent::default()
        };
        assert!(!given.withdraws_from(&given));
        assert!(!given.withdraws_from(&Consent::default()), "giving consent takes nothing back");
        let dated = Consent {
            withdrawn_on: Some(Date::from_calendar_date(2025, time::Month::May, 1).unwrap()),
            ..given.clone()
        };
        assert!(dated.withdraws_from(&given) && !dated.withdraws_from(&dated));
        for refusal in [
            Consent { to_be_contacted: ConsentAnswer::Refused, ..given.clone() },
            Consent { to_be_listed: ConsentAnswer::Refused, ..given.clone() },
            Consent { to_be_recorded_under_code: ConsentAnswer::Refused, ..given.clone() },
            Consent { to_be_photographed: ConsentAnswer::Refused, ..given.clone() },
        ] {
            assert!(refusal.withdraws_from(&given) && !refusal.withdraws_from(&refusal));
        }
    }

    #[test]
    fn the_risk_score_adds_exposure_and_travel() {
        let risk = RiskAssessment { exposure_at_home: 4, travel_risk: 3, threats: "CANARY".into() };
        assert_eq!(risk.score(), 7);
        assert!(!format!("{risk:?}").contains("CANARY"));
        let entry = RegistryEntry { risk: RiskAssessment { travel_risk: 6, ..risk }, ..RegistryEntry::default() };
        assert!(entry.validate().is_err());
    }

    fn entry(contact: ConsentAnswer, exposure_at_home: u8, travel_risk: u8) -> RegistryEntry {
        let mut entry = RegistryEntry::default();
        entry.consent.to_be_contacted = contact;
        entry.risk = RiskAssessment { exposure_at_home, travel_risk, threats: String::new() };
        entry
    }

    #[test]
    fn availability_needs_an_entry_consent_and_a_score_within_the_ceiling() {
        let ceiling = RiskCeiling { per_person: 4, group: 10 };
        assert_eq!(ceiling.availability(None), Err(Unavailable::NotInRegistry));
        let refused = entry(ConsentAnswer::Refused, 0, 0);
        assert_eq!(ceiling.availability(Some(&refused)), Err(Unavailable::NoConsentToBeContacted));
        let mut withdrawn = entry(ConsentAnswer::Given, 0, 0);
        withdrawn.consent.withdrawn_on = Some(time::macros::date!(2025 - 01 - 01));
        assert_eq!(ceiling.availability(Some(&withdrawn)), Err(Unavailable::NoConsentToBeContacted));
        assert_eq!(ceiling.availability(Some(&entry(ConsentAnswer::Given, 3, 2))), Err(Unavailable::RiskAboveCeiling));
        assert_eq!(ceiling.availability(Some(&entry(ConsentAnswer::Given, 2, 2))), Ok(()));
    }

    #[test]
    fn a_reader_without_the_registry_learns_neither_reason_nor_score() {
        let ceiling = RiskCeiling { per_person: 5, group: 12 };
        assert!(Unavailable::ALL.iter().all(|u| u.as_seen_by(SelectionReader::WithoutRegistry).is_none()));
        assert!(Unavailable::ALL.iter().all(|u| u.as_seen_by(SelectionReader::OfRegistry) == Some(*u)));
        for (home, travel) in [(0, 0), (1, 2), (2, 3), (0, 5)] {
            let e = entry(ConsentAnswer::Given, home, travel);
            assert_eq!(ceiling.counted_risk(&e, SelectionReader::WithoutRegistry), 5);
            assert_eq!(ceiling.counted_risk(&e, SelectionReader::OfRegistry), home + travel);
        }
        assert!(RiskCeiling { per_person: 11, group: 1 }.validate().is_err());
        assert!(RiskCeiling::default().validate().is_ok());
    }
}
