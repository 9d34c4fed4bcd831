//! A questionnaire's results: the team's in full, anyone else's with small cells suppressed.

use std::collections::BTreeMap;

use tracktwo_domain::measures::Construct;
use tracktwo_domain::questionnaire::{AnswerCounts, Questionnaire, Response, answer_counts, paired_scores};
use tracktwo_domain::{
    AuditAction, AuditTarget, Identity, InitiativeId, Operation, QuestionnaireId, SideId, TargetKind,
};
use tracktwo_stats::{
    BySide, Cell, ChangeVerdict, Group, Interval, NoSignedRankTest, Pair, PairedChange, ReferenceSpread,
    ReleasedBySide, ReliableChanges, SignedRank, paired_change, reliable_change, signed_rank_test,
};

use crate::{App, Result};

/// Every figure for one group of people (everyone, or one side), as the team sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub people: usize,
    /// The paired change and Hedges' g_av; none below two pairs.
    pub change: Option<PairedChange>,
    /// The exact signed-rank test, or the typed reason it was not run.
    pub test: SignedRank,
    /// Each person's reliable change; none below two pairs or when every score before is equal.
    pub reliable: Option<ReliableChanges>,
}

/// Whether the signed-rank test was run, as it may leave the team: its p-value, or which reason
/// kept it from running, without the counts behind the reason.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OutwardTest {
    Tested { p_two_sided: f64 },
    TooFewChanged,
    TooManyChanged,
}

/// One group's figures as they may leave the team (the group itself released only from five
/// people up).
#[derive(Debug, Clone, PartialEq)]
pub struct OutwardFigures {
    pub mean_before: Option<f64>,
    pub mean_after: Option<f64>,
    pub mean_change: Option<f64>,
    pub mean_change_interval: Option<Interval>,
    pub g_av: Option<f64>,
    pub g_av_interval: Option<Interval>,
    pub test: OutwardTest,
    /// How many reliably rose, fell, or did not change reliably: each count under five
    /// suppressed, with one more withheld where one alone would be.
    pub reliable: BTreeMap<ChangeVerdict, Cell<usize>>,
}

/// A construct's figures for the team.
#[derive(Debug, Clone)]
pub struct TeamConstruct {
    pub construct: Construct,
    pub figures: BySide<SideId, Figures>,
}

/// A construct's figures as they leave the team.
#[derive(Debug, Clone)]
pub struct ReleasedConstruct {
    pub construct: Construct,
    pub figures: ReleasedBySide<SideId, OutwardFigures>,
}

/// The results a caller may see.
#[derive(Debug, Clone)]
pub enum Results {
    /// The team's: every cell, with its number of people.
    Team { counts: AnswerCounts, constructs: Vec<TeamConstruct> },
    /// Anyone else's: cells of fewer than five people suppressed.
    Released { before: Cell<usize>, after: Cell<usize>, paired: Cell<usize>, constructs: Vec<ReleasedConstruct> },
}

/// A side's identifier and name.
pub type SideName = (SideId, String);

/// A questionnaire with its results.
#[derive(Debug, Clone)]
pub struct MeasuresView {
    pub id: QuestionnaireId,
    pub questionnaire: Questionnaire,
    pub sides: Vec<SideName>,
    pub results: Results,
}

fn figures(pairs: &[Pair], reliability: f64) -> Figures {
    let test = signed_rank_test(pairs)
        .unwrap_or(SignedRank::NotTested(NoSignedRankTest::TooFewChanged { changed_pairs: 0, unchanged_pairs: 0 }));
    Figures {
        people: pairs.len(),
        change: paired_change(pairs).ok(),
        test,
        reliable: reliable_change(pairs, reliability, ReferenceSpread::GroupBefore).ok(),
    }
}

fn outward(figures: &Figures) -> OutwardFigures {
    let change = figures.change.as_ref();
    let effect = change.and_then(|c| c.effect.as_ref());
    OutwardFigures {
        mean_before: change.map(|c| c.summary.mean_before),
        mean_after: change.map(|c| c.summary.mean_after),
        mean_change: change.map(|c| c.mean_change),
        mean_change_interval: change.map(|c| c.mean_change_interval),
        g_av: effect.map(|e| e.g_av),
        g_av_interval: effect.and_then(|e| e.interval),
        test: match &figures.test {
            SignedRank::Tested(test) => OutwardTest::Tested { p_two_sided: test.p_two_sided },
            SignedRank::NotTested(NoSignedRankTest::TooFewChanged { .. }) => OutwardTest::TooFewChanged,
            SignedRank::NotTested(NoSignedRankTest::TooManyChanged { .. }) => OutwardTest::TooManyChanged,
        },
        reliable: figures.reliable.as_ref().map(ReliableChanges::release_counts).unwrap_or_default(),
    }
}

fn release(team: &BySide<SideId, Figures>) -> ReleasedBySide<SideId, OutwardFigures> {
    let group = |g: &Group<Figures>| Group { people: g.people, figures: outward(&g.figures) };
    BySide { all: group(&team.all), sides: team.sides.iter().map(|(side, g)| (*side, group(g))).collect() }.release()
}

/// The figures for every construct of a questionnaire from its answers, for everyone and by
/// side (every side of the initiative, answered or not, so that none is left out of the
/// partition).
#[must_use]
pub(crate) fn team_results(
    questionnaire: &Questionnaire,
    responses: &[Response],
    sides: &[SideId],
) -> Vec<TeamConstruct> {
    paired_scores(questionnaire, responses)
        .into_iter()
        .map(|(construct, scores)| {
            let answers: Vec<(SideId, Pair)> = scores.iter().map(|s| (s.side, Pair::new(s.before, s.after))).collect();
            let mut by_side = tracktwo_stats::by_side(&answers, |pairs| figures(pairs, questionnaire.reliability));
            for side in sides {
                by_side
                    .sides
                    .entry(*side)
                    .or_insert_with(|| Group { people: 0, figures: figures(&[], questionnaire.reliability) });
            }
            TeamConstruct { construct, figures: by_side }
        })
        .collect()
}

impl App {
    /// A questionnaire's results: the team's in full; for funders and evaluators only what may
    /// leave the team.
    pub async fn questionnaire_results(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: QuestionnaireId,
    ) -> Result<MeasuresView> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadMeasures).await?;
        let in_full = Self::also(who, &entered, Operation::ReadMeasuresInFull).is_ok();
        let (row, questionnaire) =
            self.load_one::<Questionnaire>(tx.as_mut(), &entered, initiative, id.as_uuid()).await?;
        let responses: Vec<Response> = self
            .load_all::<Response>(tx.as_mut(), &entered, initiative, Some(row.id))
            .await?
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        let sides = self.sides_in_name_order(tx.as_mut(), &entered.key, initiative).await?;
        self.record(tx.as_mut(), who, AuditAction::MeasuresRead, AuditTarget::of(TargetKind::Questionnaire, id))
            .await?;
        tx.commit().await?;
        let side_ids: Vec<SideId> = sides.iter().map(|(id, _)| *id).collect();
        let results = if in_full {
            Results::Team {
                counts: answer_counts(&responses),
                constructs: team_results(&questionnaire, &responses, &side_ids),
            }
        } else {
            released_results(&questionnaire, &responses, &side_ids)
        };
        Ok(MeasuresView { id, questionnaire, sides, results })
    }
}

/// The results as they leave the team: every count and every group of fewer than five people
/// suppressed (with one more withheld where one alone would be).
#[must_use]
pub(crate) fn released_results(questionnaire: &Questionnaire, responses: &[Response], sides: &[SideId]) -> Results {
    let counts = answer_counts(responses);
    Results::Released {
        before: Cell::count(counts.before),
        after: Cell::count(counts.after),
        paired: Cell::count(counts.paired),
        constructs: team_results(questionnaire, responses, sides)
            .iter()
            .map(|c| ReleasedConstruct { construct: c.construct, figures: release(&c.figures) })
            .collect(),
    }
}
