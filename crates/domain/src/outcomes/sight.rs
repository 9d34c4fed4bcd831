//! Who sees an outcome, and what of it. The team keeps the record and sees it whole; the
//! evaluator harvests it; a reader outside the team sees only what has been reported, as far as
//! its confidentiality class lets it travel, and never a name.
//!
//! An outcome's class is a [`ConfidentialityMode`], read for outcomes as how far a reported
//! outcome may go: on the record, to funders, Track One officials and participants; under
//! non-attribution, to funders and officials; under the Chatham House Rule, to funders alone;
//! a secret channel, to no one beyond the convener and the outcome's harvester.

use std::collections::BTreeSet;

use time::Date;

use super::{ChangeType, Criterion, Layer, Outcome, OutcomeState, RppCell, Substantiation, Valence, Verdict};
use crate::dialogue::ConfidentialityMode;
use crate::records::MemberRole;
use crate::scrub::Names;

/// What a reader sees of one outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeSight {
    /// The whole record: the social actor by name, sources, substantiators.
    Full,
    /// The cleared statement ([`ClearedOutcome`]): no name, counts instead of people.
    Cleared,
    /// Nothing; the outcome is not listed.
    Hidden,
}

/// What `role` sees of an outcome of class `class` in state `state`; `harvester` says whether
/// the reader harvested it.
#[must_use]
pub fn sight(role: MemberRole, class: ConfidentialityMode, state: OutcomeState, harvester: bool) -> OutcomeSight {
    let secret = class == ConfidentialityMode::SecretChannel;
    let reported = state == OutcomeState::Reported;
    match role {
        MemberRole::Convener => OutcomeSight::Full,
        MemberRole::Facilitator | MemberRole::Rapporteur => {
            if secret && !harvester {
                OutcomeSight::Hidden
            } else {
                OutcomeSight::Full
            }
        }
        // The evaluator harvests and substantiates every outcome, drafts included, but stands
        // outside the team: like every reader of reports, they see no name the record holds
        // (their own harvests too, once written), and editing stays with the team.
        MemberRole::Evaluator if secret && !harvester => OutcomeSight::Hidden,
        MemberRole::Evaluator => OutcomeSight::Cleared,
        MemberRole::Funder if reported && !secret => OutcomeSight::Cleared,
        MemberRole::Official
            if reported && matches!(class, ConfidentialityMode::OnTheRecord | ConfidentialityMode::NonAttribution) =>
        {
            OutcomeSight::Cleared
        }
        MemberRole::Participant if reported && class == ConfidentialityMode::OnTheRecord => OutcomeSight::Cleared,
        _ => OutcomeSight::Hidden,
    }
}

/// An outcome as a reader without names gets it: every free text with the names withheld, the
/// social actor by their description, sources and substantiations as counts.
#[derive(Clone, PartialEq, Eq)]
pub struct ClearedOutcome {
    pub what: String,
    pub on: Date,
    pub place: String,
    /// The social actor's description; empty when none was written.
    pub actor_description: String,
    pub change_type: ChangeType,
    pub intended: bool,
    pub valence: Valence,
    pub significance: String,
    pub contribution: String,
    /// How many records of the initiative the contribution links to.
    pub linked_records: usize,
    pub sources: usize,
    /// How many substantiators agreed, at least in part.
    pub substantiators_agreeing: usize,
    pub layer: Layer,
    pub rpp: RppCell,
    pub criteria: BTreeSet<Criterion>,
    pub state: OutcomeState,
}

impl std::fmt::Debug for ClearedOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClearedOutcome").field("layer", &self.layer).field("rpp", &self.rpp).finish_non_exhaustive()
    }
}

/// The names an outcome itself holds: the social actor's, each source's (a document's title
/// whole) and each substantiator's.
#[must_use]
pub fn names_in(outcome: &Outcome, substantiations: &[Substantiation]) -> Names {
    let mut names = Names::new();
    add_names(&mut names, outcome, substantiations);
    names
}

fn add_names(names: &mut Names, outcome: &Outcome, substantiations: &[Substantiation]) {
    let none: &[&str] = &[];
    if outcome.social_actor.organisation {
        names.add_organisation(&outcome.social_actor.who);
    } else {
        names.add_person(&outcome.social_actor.who, none);
    }
    for source in &outcome.sources {
        if source.document {
            names.add_organisation(&source.name);
        } else {
            names.add_person(&source.name, none);
        }
    }
    for s in substantiations {
        names.add_person(&s.name, none);
    }
}

impl Outcome {
    /// The cleared statement: `withheld` holds the initiative's names the reader may not see
    /// (the map's, the registry's aliases, attendees'); the outcome's own are added here.
    #[must_use]
    pub fn cleared(&self, substantiations: &[Substantiation], withheld: &Names) -> ClearedOutcome {
        let mut names = withheld.clone();
        add_names(&mut names, self, substantiations);
        let scrub = |text: &str| names.scrub(text);
        ClearedOutcome {
            what: scrub(&self.change.what),
            on: self.change.on,
            place: scrub(&self.change.place),
            actor_description: scrub(&self.social_actor.description),
            change_type: self.change_type,
            intended: self.intended,
            valence: self.valence,
            significance: scrub(&self.significance),
            contribution: scrub(&self.contribution.story),
            linked_records: self.contribution.linked(),
            sources: self.sources.len(),
            substantiators_agreeing: substantiations
                .iter()
                .filter(|s| s.by != self.harvested_by && matches!(s.verdict, Verdict::Agrees | Verdict::Partly))
                .map(|s| s.by)
                .collect::<BTreeSet<_>>()
                .len(),
            layer: self.layer,
            rpp: self.rpp,
            criteria: self.criteria.clone(),
            state: self.state,
        }
    }
}

/// The rule as a table, one line per role, for `docs/access-matrix.md`: what each sees of an
/// outcome of each class, drafted or substantiated and reported.
#[must_use]
pub fn matrix() -> String {
    let mut out = String::from("| role |");
    for class in ConfidentialityMode::ALL {
        for state in [OutcomeState::Substantiated, OutcomeState::Reported] {
            out.push_str(&format!(" {}, {} |", class.as_str(), state.as_str()));
        }
    }
    out.push('\n');
    out.push_str(&"|---".repeat(ConfidentialityMode::ALL.len() * 2 + 1));
    out.push_str("|\n");
    for role in MemberRole::ALL {
        out.push_str(&format!("| {} |", role.as_str()));
        for class in ConfidentialityMode::ALL {
            for state in [OutcomeState::Substantiated, OutcomeState::Reported] {
                let cell = match sight(role, *class, state, false) {
                    OutcomeSight::Full => "full",
                    OutcomeSight::Cleared => "cleared",
                    OutcomeSight::Hidden => "—",
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
    use super::super::tests::outcome;
    use super::*;
    use crate::ids::UserId;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn no_one_outside_the_team_and_the_evaluator_sees_an_unreported_outcome() {
        for role in MemberRole::ALL {
            for class in ConfidentialityMode::ALL {
                for state in [OutcomeState::Draft, OutcomeState::Substantiated] {
                    for harvester in [false, true] {
                        let seen = sight(role, *class, state, harvester);
                        let inside = role.is_team() || role == MemberRole::Evaluator;
                        assert_eq!(
                            seen == OutcomeSight::Hidden,
                            !inside
                                || (*class == ConfidentialityMode::SecretChannel
                                    && role != MemberRole::Convener
                                    && !harvester),
                            "{role:?} {class:?} {state:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn readers_outside_the_team_see_no_names_and_a_secret_outcome_never_leaves() {
        for role in MemberRole::ALL {
            let inside = role.is_team();
            for class in ConfidentialityMode::ALL {
                let seen = sight(role, *class, OutcomeState::Reported, false);
                if !inside {
                    assert_ne!(seen, OutcomeSight::Full, "{role:?}");
                }
                if *class == ConfidentialityMode::SecretChannel && role != MemberRole::Convener {
                    assert_eq!(seen, OutcomeSight::Hidden, "{role:?}");
                }
            }
        }
        assert_eq!(
            sight(MemberRole::Funder, ConfidentialityMode::ChathamHouse, OutcomeState::Reported, false),
            OutcomeSight::Cleared
        );
        // A stricter class never reaches further.
        for role in MemberRole::ALL {
            for pair in ConfidentialityMode::ALL.windows(2) {
                let wider = sight(role, pair[0], OutcomeState::Reported, false) != OutcomeSight::Hidden;
                let narrower = sight(role, pair[1], OutcomeState::Reported, false) != OutcomeSight::Hidden;
                assert!(wider || !narrower, "{role:?} {pair:?}");
            }
        }
    }

    fn name() -> impl Strategy<Value = String> {
        prop::sample::select(vec!["Amal Haddad", "Karim Nasser", "Ольга Петрова", "سارة منصور", "Tomás Ó Briain"])
            .prop_map(str::to_owned)
    }

    proptest! {
        /// Whatever the names and wherever the harvester typed them, in any case, none of the
        /// social actor's, the sources' or the substantiators' names reaches a cleared outcome.
        #[test]
        fn a_cleared_outcome_holds_no_name_of_the_outcome(
            who in name(), sources in prop::collection::vec(name(), 2..4), substantiator in name(),
            upper in any::<bool>(), field in 0usize..5,
        ) {
            let mut o = outcome();
            o.social_actor.who = who.clone();
            o.sources = sources.iter().enumerate().map(|(i, n)| super::super::Source { name: format!("{n} {i}"), basis: String::new(), document: false }).collect();
            let subs = vec![Substantiation {
                by: UserId::from_random_bytes([9; 16]), name: substantiator.clone(), verdict: Verdict::Agrees,
                on: date!(2026 - 04 - 02), comment: String::new(),
            }];
            let mut all = vec![who.clone(), substantiator.clone()];
            all.extend(sources.iter().cloned());
            let typed: String = all.iter().map(|n| if upper { n.to_uppercase() } else { n.clone() }).collect::<Vec<_>>().join(", ");
            let planted = format!("Told by {typed}'s office.");
            match field {
                0 => o.change.what = planted,
                1 => o.significance = planted,
                2 => o.contribution.story = planted,
                3 => o.social_actor.description = planted,
                _ => o.change.place = planted,
            }
            let cleared = o.cleared(&subs, &Names::new());
            let text = [&cleared.what, &cleared.place, &cleared.actor_description, &cleared.significance, &cleared.contribution]
                .map(|t| t.to_lowercase()).join(" ");
            for name in &all {
                for word in name.split_whitespace().filter(|w| w.chars().count() >= 2) {
                    prop_assert!(!text.contains(&word.to_lowercase()), "{} leaked", word);
                }
            }
            prop_assert_eq!(cleared.substantiators_agreeing, 1);
        }
    }
}
