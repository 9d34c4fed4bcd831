//! Outcome Harvesting (Wilson-Grau & Britt 2012) for Track Two: an outcome is an observable
//! change in a social actor's behaviour, relationships, actions, policies or practices, described
//! with its significance and the initiative's contribution, and substantiated by someone
//! independent of whoever harvested it.
//!
//! Each outcome is placed on the multilayer scale (individual participant → group → transfer →
//! policy → society; the neutral levels the domain notes suggest until Vrabie's own layers are
//! at hand), in a cell of CDA's RPP matrix (more people / key people × individual-personal /
//! socio-political), with the RPP criteria of effectiveness it meets.
//!
//! Every text here is sensitive; `Debug` prints identifiers and enumerations only.

mod reflection;
mod sight;
mod workflow;

use std::collections::BTreeSet;

use time::Date;

pub use reflection::{
    AssumptionReading, AssumptionRecord, AssumptionStatus, Evidence, Reflection, assumption_history, evidence_for,
    outcome_links, review_assumptions, rounds_awaiting_reflection,
};
pub use sight::{ClearedOutcome, OutcomeSight, matrix, names_in, sight};
pub use workflow::{Substantiation, Verdict, WorkflowError, advance, is_substantiated, may_substantiate};

use crate::dialogue::ConfidentialityMode;
use crate::ids::{ActorId, LogEventId, MeetingId, OptionId, ReadoutId, UserId};
use crate::records::ValidationError;

field_enum!(
    /// What kind of change the social actor made (Outcome Harvesting's five).
    ChangeType as "type of change" {
        Behaviour => "behaviour", "Behaviour",
        Relationships => "relationships", "Relationships",
        Actions => "actions", "Actions",
        Policies => "policies", "Policies",
        Practices => "practices", "Practices",
    }
);

field_enum!(
    /// Whether the change is for the better, as the harvest judges it.
    Valence as "positive or negative" {
        Positive => "positive", "Positive",
        Negative => "negative", "Negative",
    }
);

field_enum!(
    /// Where on the multilayer scale the change sits, from one participant to society.
    Layer as "layer" {
        Individual => "individual", "Individual participant",
        Group => "group", "The dialogue group",
        Transfer => "transfer", "Transfer",
        Policy => "policy", "Track One and policy",
        Society => "society", "Society",
    }
);

field_enum!(
    /// The RPP matrix's columns: whom the change reaches.
    Reach as "reach" {
        MorePeople => "more-people", "More people",
        KeyPeople => "key-people", "Key people",
    }
);

field_enum!(
    /// The RPP matrix's rows: what kind of change it is.
    ChangeLevel as "level of change" {
        IndividualPersonal => "individual-personal", "Individual / personal",
        SocioPolitical => "socio-political", "Socio-political",
    }
);

field_enum!(
    /// CDA's criteria of effectiveness ("building blocks toward peace"), as the domain notes
    /// paraphrase them.
    Criterion as "criterion of effectiveness" {
        StopsKeyDriver => "stops-key-driver", "Stops or weakens a key driver of the conflict",
        OwnInitiatives => "own-initiatives", "People increasingly start their own peace initiatives",
        InstitutionsReformed => "institutions-reformed", "Institutions are created or reformed to handle grievances",
        ResistProvocation => "resist-provocation", "People increasingly resist provocation into violence",
        SecurityImproves => "security-improves", "People's actual and felt security improves",
    }
);

field_enum!(
    /// Where an outcome stands: drafted by its harvester, substantiated by someone independent,
    /// reported outward.
    OutcomeState as "outcome state" {
        Draft => "draft", "Draft",
        Substantiated => "substantiated", "Substantiated",
        Reported => "reported", "Reported",
    }
);

/// A cell of the RPP matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct RppCell {
    pub reach: Reach,
    pub level: ChangeLevel,
}

impl RppCell {
    /// The four cells, row by row: individual-personal (more, key), then socio-political.
    pub const ALL: [RppCell; 4] = [
        RppCell { reach: Reach::MorePeople, level: ChangeLevel::IndividualPersonal },
        RppCell { reach: Reach::KeyPeople, level: ChangeLevel::IndividualPersonal },
        RppCell { reach: Reach::MorePeople, level: ChangeLevel::SocioPolitical },
        RppCell { reach: Reach::KeyPeople, level: ChangeLevel::SocioPolitical },
    ];
}

/// Who changed: an actor of the system map where there is one, and always the words the
/// harvester uses for them, with a description that names no one (what a reader without the
/// names is shown).
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SocialActor {
    pub actor: Option<ActorId>,
    /// The person or body, as the harvester names them.
    pub who: String,
    /// Whether `who` is an organisation (withheld whole) rather than a person (withheld by
    /// every part of the name).
    pub organisation: bool,
    /// Who they are without naming them ("a senior adviser in the Vale water ministry").
    pub description: String,
}

/// What changed, when and where.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    pub what: String,
    pub on: Date,
    pub place: String,
}

/// How the initiative contributed: the story, and the records that played a part.
#[derive(Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Contribution {
    pub story: String,
    pub meetings: Vec<MeetingId>,
    pub options: Vec<OptionId>,
    pub readouts: Vec<ReadoutId>,
    /// Entries of the transfer log.
    pub transfers: Vec<LogEventId>,
    /// Entries of the coordination log.
    pub coordination: Vec<LogEventId>,
}

impl Contribution {
    /// How many records of the initiative the contribution links to.
    #[must_use]
    pub fn linked(&self) -> usize {
        self.meetings.len() + self.options.len() + self.readouts.len() + self.transfers.len() + self.coordination.len()
    }
}

/// Someone (or a document) the outcome was learnt from.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    /// A person's name, or a document's title.
    pub name: String,
    /// How they know ("was in the room", "published by the ministry's board").
    pub basis: String,
    /// Whether the source is a document: its title is withheld whole, where a person's name is
    /// withheld by every part.
    pub document: bool,
}

/// The fewest sources an outcome is recorded with.
pub const MIN_SOURCES: usize = 2;

/// One harvested outcome.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Outcome {
    pub change: Change,
    pub social_actor: SocialActor,
    pub change_type: ChangeType,
    pub intended: bool,
    pub valence: Valence,
    pub significance: String,
    pub contribution: Contribution,
    pub sources: Vec<Source>,
    pub layer: Layer,
    pub rpp: RppCell,
    pub criteria: BTreeSet<Criterion>,
    /// The same modes as meetings: how far the outcome may travel (see [`sight`]).
    pub confidentiality: ConfidentialityMode,
    pub state: OutcomeState,
    pub harvested_by: UserId,
    pub harvested_on: Date,
    /// The assumptions of the theory of change (by their place in its list, from 0) the outcome
    /// bears on, and whether it supports (`true`) or questions them.
    pub assumptions: Vec<(u32, bool)>,
}

impl std::fmt::Debug for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outcome")
            .field("layer", &self.layer)
            .field("rpp", &self.rpp)
            .field("state", &self.state)
            .finish_non_exhaustive()
    }
}

const TEXT_MAX: usize = 20_000;

pub(crate) use crate::records::line;

pub(crate) fn text(field: &'static str, value: &str, required: bool) -> Result<(), ValidationError> {
    crate::records::paragraphs(field, value, required, TEXT_MAX)
}

impl Outcome {
    /// A new draft by `harvested_by` on `harvested_on`.
    #[must_use]
    pub fn draft(
        change: Change,
        social_actor: SocialActor,
        change_type: ChangeType,
        harvested_by: UserId,
        harvested_on: Date,
    ) -> Self {
        Outcome {
            change,
            social_actor,
            change_type,
            intended: true,
            valence: Valence::Positive,
            significance: String::new(),
            contribution: Contribution::default(),
            sources: Vec::new(),
            layer: Layer::Individual,
            rpp: RppCell { reach: Reach::KeyPeople, level: ChangeLevel::IndividualPersonal },
            criteria: BTreeSet::new(),
            confidentiality: ConfidentialityMode::ChathamHouse,
            state: OutcomeState::Draft,
            harvested_by,
            harvested_on,
            assumptions: Vec::new(),
        }
    }

    /// What an outcome statement must hold: the change and who made it, its significance and
    /// the initiative's contribution, and at least two distinct sources. Errors name the field,
    /// never its content.
    pub fn validate(&self) -> Result<(), ValidationError> {
        text("what changed", &self.change.what, true)?;
        line("where", &self.change.place, false)?;
        line("social actor", &self.social_actor.who, true)?;
        line("description of the social actor", &self.social_actor.description, false)?;
        text("significance", &self.significance, true)?;
        text("contribution", &self.contribution.story, true)?;
        if self.sources.len() < MIN_SOURCES {
            return Err(ValidationError::Invalid { field: "sources", reason: "must be at least two" });
        }
        let mut seen = BTreeSet::new();
        for source in &self.sources {
            line("source", &source.name, true)?;
            line("source's basis", &source.basis, false)?;
            let key: String = source.name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            if !seen.insert(key) {
                return Err(ValidationError::Invalid { field: "sources", reason: "name the same source twice" });
            }
        }
        if self.change.on > self.harvested_on {
            return Err(ValidationError::Invalid { field: "date of the change", reason: "is after the harvest" });
        }
        Ok(())
    }
}

/// A move of one social actor from one RPP cell to another: an outcome, and the next outcome
/// of the same social actor (the same map actor, or else the same words for them) that lies in
/// another cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Movement<Id> {
    pub from: Id,
    pub to: Id,
    pub from_cell: RppCell,
    pub to_cell: RppCell,
}

/// Every movement between RPP cells among `outcomes`, in date order per social actor: for each
/// actor, each outcome and the next one after it, where the two are in different cells.
#[must_use]
pub fn movements<Id: Copy + Ord>(outcomes: &[(Id, &Outcome)]) -> Vec<Movement<Id>> {
    let mut by_actor: std::collections::BTreeMap<String, Vec<(Date, Id, RppCell)>> = std::collections::BTreeMap::new();
    for (id, outcome) in outcomes {
        let key = match outcome.social_actor.actor {
            Some(actor) => format!("actor:{actor}"),
            None => format!(
                "who:{}",
                outcome.social_actor.who.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
            ),
        };
        by_actor.entry(key).or_default().push((outcome.change.on, *id, outcome.rpp));
    }
    let mut out = Vec::new();
    for mut list in by_actor.into_values() {
        list.sort();
        for pair in list.windows(2) {
            let ((_, from, from_cell), (_, to, to_cell)) = (pair[0], pair[1]);
            if from_cell != to_cell {
                out.push(Movement { from, to, from_cell, to_cell });
            }
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    pub fn harvester() -> UserId {
        UserId::from_random_bytes([1; 16])
    }

    pub fn outcome() -> Outcome {
        let mut o = Outcome::draft(
            Change {
                what: "The ministry shared its flow data".into(),
                on: date!(2026 - 03 - 01),
                place: "Brenna".into(),
            },
            SocialActor {
                actor: None,
                who: "Amal Haddad".into(),
                organisation: false,
                description: "a senior water official".into(),
            },
            ChangeType::Actions,
            harvester(),
            date!(2026 - 04 - 01),
        );
        o.significance = "First shared data since 2019".into();
        o.contribution.story = "Raised at the second workshop".into();
        o.sources = vec![
            Source { name: "Karim Nasser".into(), basis: "was there".into(), document: false },
            Source { name: "The board's minutes".into(), basis: "published".into(), document: true },
        ];
        o
    }

    #[test]
    fn a_complete_outcome_validates() {
        assert_eq!(outcome().validate(), Ok(()));
    }

    #[test]
    fn an_outcome_needs_two_distinct_sources() {
        let mut o = outcome();
        o.sources.truncate(1);
        assert!(matches!(o.validate(), Err(ValidationError::Invalid { field: "sources", .. })));
        let mut o = outcome();
        o.sources[1].name = "  karim   NASSER ".into();
        assert!(matches!(o.validate(), Err(ValidationError::Invalid { field: "sources", .. })));
        let mut o = outcome();
        o.sources[1].name = " ".into();
        assert_eq!(o.validate(), Err(ValidationError::Empty { field: "source" }));
    }

    #[test]
    fn an_outcome_needs_its_change_significance_and_contribution() {
        for blank in 0..4 {
            let mut o = outcome();
            match blank {
                0 => o.change.what.clear(),
                1 => o.social_actor.who = "\t".into(),
                2 => o.significance.clear(),
                _ => o.contribution.story.clear(),
            }
            assert!(matches!(o.validate(), Err(ValidationError::Empty { .. })), "{blank}");
        }
        let mut o = outcome();
        o.change.on = date!(2026 - 05 - 01);
        assert!(o.validate().is_err(), "a change after its harvest");
    }

    #[test]
    fn debug_shows_no_text() {
        let shown = format!("{:?}", outcome());
        assert!(!shown.contains("Haddad") && !shown.contains("flow data") && !shown.contains("Karim"));
    }

    fn cell() -> impl Strategy<Value = RppCell> {
        prop::sample::select(RppCell::ALL.to_vec())
    }

    proptest! {
        /// Movements link only outcomes of one social actor, in date order, across cells; and
        /// every change of cell between an actor's consecutive outcomes is one movement.
        #[test]
        fn movements_follow_each_actor_through_the_cells(
            entries in prop::collection::vec((0u8..3, 0i64..300, cell()), 0..20)
        ) {
            let outcomes: Vec<Outcome> = entries.iter().map(|(who, day, cell)| {
                let mut o = outcome();
                o.social_actor.who = format!("Actor {who}");
                o.change.on = date!(2026 - 01 - 01) + time::Duration::days(*day);
                o.rpp = *cell;
                o
            }).collect();
            let ids: Vec<(usize, &Outcome)> = outcomes.iter().enumerate().collect();
            let found = movements(&ids);
            for m in &found {
                let (from, to) = (&outcomes[m.from], &outcomes[m.to]);
                prop_assert_eq!(&from.social_actor.who, &to.social_actor.who);
                prop_assert!(from.change.on <= to.change.on);
                prop_assert!(m.from_cell != m.to_cell);
                prop_assert_eq!((from.rpp, to.rpp), (m.from_cell, m.to_cell));
            }
            for who in 0u8..3 {
                let mut mine: Vec<(Date, usize, RppCell)> = outcomes.iter().enumerate()
                    .filter(|(_, o)| o.social_actor.who == format!("Actor {who}"))
                    .map(|(i, o)| (o.change.on, i, o.rpp)).collect();
                mine.sort();
                let changes = mine.windows(2).filter(|w| w[0].2 != w[1].2).count();
                let moved = found.iter().filter(|m| outcomes[m.from].social_actor.who == format!("Actor {who}")).count();
                prop_assert_eq!(changes, moved);
            }
        }
    }
}
