//! The item bank for attitude and trust measures: Likert items, a feeling thermometer toward
//! the other side, and trust items, each citing the published work it comes from.
//!
//! Every wording here is the project's own, adapted from its source for a dialogue between
//! sides ([`WordingOrigin::AdaptedFrom`]): the sources are cited so that an evaluator can find
//! the instrument, its validation and its norms, not to claim the words are the source's. An
//! item that is later taken word for word from a source would say so with
//! [`WordingOrigin::Verbatim`].
//!
//! `{other side}` in a wording stands for the name of the side a participant is asked about;
//! [`Item::text`] fills it in.

use serde::Serialize;

/// The placeholder a wording uses for the side the participant is asked about.
pub const OTHER_SIDE: &str = "{other side}";

/// What an item measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Construct {
    /// Warmth toward the other side, on a feeling thermometer.
    Warmth,
    /// Trust in people in general.
    GeneralisedTrust,
    /// Trust in the other side.
    OutgroupTrust,
    /// Unease at contact with the other side.
    IntergroupAnxiety,
    /// Felt closeness to the other side.
    Closeness,
    /// Taking the other side's point of view.
    PerspectiveTaking,
    /// Readiness to give something up for an agreement.
    WillingnessToCompromise,
}

/// How an item is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ResponseScale {
    /// Points 1 to `points`, labelled at both ends.
    Likert { points: u8, lowest: &'static str, highest: &'static str },
    /// Degrees 0 to 100: 0 very cold or unfavourable, 50 neither, 100 very warm or favourable.
    Thermometer,
}

/// Whether a wording is the source's own or the project's adaptation of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WordingOrigin {
    Verbatim,
    AdaptedFrom,
}

/// A published work, cited in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Source {
    pub authors: &'static str,
    pub year: u16,
    pub title: &'static str,
    /// The journal with volume, issue and pages, or the publisher or series.
    pub published_in: &'static str,
}

impl Source {
    /// The citation in author–year form.
    #[must_use]
    pub fn citation(&self) -> String {
        format!("{} ({}). {}. {}.", self.authors, self.year, self.title, self.published_in)
    }
}

/// One item of the bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Item {
    /// Stable identifier: answers are stored against it.
    pub id: &'static str,
    pub construct: Construct,
    pub scale: ResponseScale,
    /// The question or statement, with [`OTHER_SIDE`] where the side's name goes.
    pub wording: &'static str,
    /// Agreement means less of the construct: the score is turned around before it is
    /// combined with the construct's other items.
    pub reverse_scored: bool,
    pub origin: WordingOrigin,
    pub source: Source,
}

/// An answer outside the item's scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("answer out of range for item {item}")]
pub struct OutOfRange {
    pub item: &'static str,
}

impl Item {
    /// The wording with the side's name in place.
    #[must_use]
    pub fn text(&self, other_side: &str) -> String {
        self.wording.replace(OTHER_SIDE, other_side)
    }

    /// The score an answer counts for: the answer itself, turned around on a reverse-scored
    /// item (on a 7-point item, 1 counts as 7).
    ///
    /// # Errors
    /// An answer off the scale.
    pub fn score(&self, answer: u8) -> Result<u8, OutOfRange> {
        let (lowest, highest) = match self.scale {
            ResponseScale::Likert { points, .. } => (1, points),
            ResponseScale::Thermometer => (0, 100),
        };
        if !(lowest..=highest).contains(&answer) {
            return Err(OutOfRange { item: self.id });
        }
        Ok(if self.reverse_scored { highest + lowest - answer } else { answer })
    }
}

const AGREE_7: ResponseScale =
    ResponseScale::Likert { points: 7, lowest: "strongly disagree", highest: "strongly agree" };

const ANES: Source = Source {
    authors: "American National Election Studies",
    year: 1964,
    title: "Group feeling thermometers, asked in every ANES Time Series Study since 1964",
    published_in: "ANES Time Series questionnaires and codebooks, University of Michigan and Stanford University",
};

const ALWIN_1997: Source = Source {
    authors: "Alwin, D. F.",
    year: 1997,
    title: "Feeling thermometers versus 7-point scales: Which are better?",
    published_in: "Sociological Methods & Research, 25(3), 318–340",
};

const ROSENBERG_1956: Source = Source {
    authors: "Rosenberg, M.",
    year: 1956,
    title: "Misanthropy and political ideology",
    published_in: "American Sociological Review, 21(6), 690–695",
};

const TAM_2009: Source = Source {
    authors: "Tam, T., Hewstone, M., Kenworthy, J., & Cairns, E.",
    year: 2009,
    title: "Intergroup trust in Northern Ireland",
    published_in: "Personality and Social Psychology Bulletin, 35(1), 45–59",
};

const STEPHAN_1985: Source = Source {
    authors: "Stephan, W. G., & Stephan, C. W.",
    year: 1985,
    title: "Intergroup anxiety",
    published_in: "Journal of Social Issues, 41(3), 157–175",
};

const ARON_1992: Source = Source {
    authors: "Aron, A., Aron, E. N., & Smollan, D.",
    year: 1992,
    title: "Inclusion of Other in the Self Scale and the structure of interpersonal closeness",
    published_in: "Journal of Personality and Social Psychology, 63(4), 596–612",
};

const DAVIS_1983: Source = Source {
    authors: "Davis, M. H.",
    year: 1983,
    title: "Measuring individual differences in empathy: Evidence for a multidimensional approach",
    published_in: "Journal of Personality and Social Psychology, 44(1), 113–126",
};

const COHEN_CHEN_2014: Source = Source {
    authors: "Cohen-Chen, S., Halperin, E., Crisp, R. J., & Gross, J. J.",
    year: 2014,
    title: "Hope in the Middle East: Malleability beliefs, hope, and the willingness to compromise for peace",
    published_in: "Social Psychological and Personality Science, 5(1), 67–75",
};

const BANK: [Item; 10] = [
    Item {
        id: "warmth.thermometer",
        construct: Construct::Warmth,
        scale: ResponseScale::Thermometer,
        wording: "On a scale from 0 to 100, where 0 is very cold and unfavourable, 50 is neither warm nor cold, \
                  and 100 is very warm and favourable, how do you feel toward {other side}?",
        reverse_scored: false,
        origin: WordingOrigin::AdaptedFrom,
        source: ANES,
    },
    Item {
        id: "warmth.thermometer_people",
        construct: Construct::Warmth,
        scale: ResponseScale::Thermometer,
        wording: "On the same 0 to 100 scale, how do you feel toward ordinary people who live on {other side}?",
        reverse_scored: false,
        origin: WordingOrigin::AdaptedFrom,
        source: ALWIN_1997,
    },
    Item {
        id: "trust.generalised",
        construct: Construct::GeneralisedTrust,
        scale: ResponseScale::Likert {
            points: 5,
            lowest: "you can't be too careful",
            highest: "most people can be trusted",
        },
        wording: "Generally speaking, can most people be trusted, or can you not be too careful in dealing with people?",
        reverse_scored: false,
        origin: WordingOrigin::AdaptedFrom,
        source: ROSENBERG_1956,
    },
    Item {
        id: "trust.other_side_people",
        construct: Construct::OutgroupTrust,
        scale: AGREE_7,
        wording: "Most people on {other side} can be trusted.",
        reverse_scored: false,
        origin: WordingOrigin::AdaptedFrom,
        source: TAM_2009,
    },
    Item {
        id: "trust.other_side_participants",
        construct: Construct::OutgroupTrust,
        scale: AGREE_7,
        wording: "I can rely on the participants from {other side} in this dialogue to keep their word.",
        reverse_scored: false,
        origin: WordingOrigin::AdaptedFrom,
        source: TAM_2009,
    },
    Item {
        id: "anxiety.at_ease",
        construct: Construct::IntergroupAnxiety,
        scale: AGREE_7,
        wording: "When I talk with people from {other side}, I feel at ease.",
        reverse_scored: true,
        origin: WordingOrigin::AdaptedFrom,
        source: STEPHAN_1985,
    },
    Item {
        id: "anxiety.on_guard",
        construct: Construct::IntergroupAnxiety,
        scale: AGREE_7,
        wording: "When I talk with people from {other side}, I feel I have to be on my guard.",
        reverse_scored: false,
        origin: WordingOrigin::AdaptedFrom,
        source: STEPHAN_1985,
    },
    Item {
        id: "closeness.other_side",
        construct: Construct::Closeness,
        scale: ResponseScale::Likert { points: 7, lowest: "not close at all", highest: "very close" },
        wording: "How close do you feel to {other side}?",
        reverse_scored: false,
        origin: WordingOrigin::AdaptedFrom,
        source: ARON_1992,
    },
    Item {
        id: "perspective.their_view",
        construct: Construct::PerspectiveTaking,
        scale: AGREE_7,
        wording: "I can see how people on {other side} look at the conflict, even where I disagree.",
        reverse_scored: false,
        origin: WordingOrigin::AdaptedFrom,
        source: DAVIS_1983,
    },
    Item {
        id: "compromise.willing",
        construct: Construct::WillingnessToCompromise,
        scale: AGREE_7,
        wording: "I would support my side giving up something it holds important, if {other side} did the same, \
                  to reach an agreement.",
        reverse_scored: false,
        origin: WordingOrigin::AdaptedFrom,
        source: COHEN_CHEN_2014,
    },
];

/// Every item of the bank.
#[must_use]
pub fn item_bank() -> &'static [Item] {
    &BANK
}

/// The item with this identifier.
#[must_use]
pub fn item(id: &str) -> Option<&'static Item> {
    BANK.iter().find(|item| item.id == id)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn identifiers_are_unique() {
        let ids: BTreeSet<&str> = item_bank().iter().map(|i| i.id).collect();
        assert_eq!(ids.len(), item_bank().len());
    }

    #[test]
    fn every_item_cites_a_complete_source() {
        for item in item_bank() {
            let s = item.source;
            assert!(!s.authors.is_empty() && !s.title.is_empty() && !s.published_in.is_empty(), "{}", item.id);
            assert!((1900..=2030).contains(&s.year), "{}", item.id);
            assert!(item.source.citation().contains(&s.year.to_string()));
        }
    }

    #[test]
    fn the_bank_holds_a_thermometer_trust_and_likert_items() {
        let has = |c: Construct| item_bank().iter().any(|i| i.construct == c);
        assert!(has(Construct::Warmth) && has(Construct::OutgroupTrust) && has(Construct::GeneralisedTrust));
        assert!(item_bank().iter().any(|i| i.scale == ResponseScale::Thermometer));
        assert!(item_bank().iter().any(|i| matches!(i.scale, ResponseScale::Likert { .. })));
    }

    #[test]
    fn items_about_the_other_side_name_it() {
        let thermometer = item("warmth.thermometer").unwrap();
        let text = thermometer.text("the Northern delegation");
        assert!(text.contains("the Northern delegation") && !text.contains(OTHER_SIDE));
        let brace = |i: &&Item| i.wording.matches('{').count() == i.wording.matches(OTHER_SIDE).count();
        assert!(item_bank().iter().all(|i| brace(&i)), "a wording holds a placeholder other than {OTHER_SIDE}");
    }

    #[test]
    fn reverse_scored_answers_turn_around_and_off_scale_answers_are_refused() {
        let at_ease = item("anxiety.at_ease").unwrap();
        assert_eq!(at_ease.score(1), Ok(7));
        assert_eq!(at_ease.score(7), Ok(1));
        assert_eq!(at_ease.score(4), Ok(4));
        assert_eq!(at_ease.score(0), Err(OutOfRange { item: "anxiety.at_ease" }));
        assert_eq!(at_ease.score(8), Err(OutOfRange { item: "anxiety.at_ease" }));
        let thermometer = item("warmth.thermometer").unwrap();
        assert_eq!(thermometer.score(0), Ok(0));
        assert_eq!(thermometer.score(100), Ok(100));
        assert!(thermometer.score(101).is_err());
    }
}
