//! Reports built from the record (`tracktwo_domain::report`): the funder report and the
//! evaluation brief, assembled from outcomes, measures, indicators, process and transfer
//! records for the report's audience — whoever asks for it.
//!
//! What a report holds is decided here, once, for its audience's role:
//! - outcomes as `outcomes::sight` shows them to that role (never whole: cleared of every name
//!   the initiative holds — the map's, the registry's aliases, attendees', sources',
//!   substantiators' and members');
//! - questionnaire results as they leave the team, every cell of fewer than five people
//!   suppressed (`measures::released_results`);
//! - the results framework with its free text cleared of the same names;
//! - the process and the transfer to Track One as counts: rounds, meetings (a secret channel's
//!   never counted), options raised, readouts released, transfers by direction, contacts with
//!   Track One by Fisher's form — never a title of a readout, a recipient or a counterpart;
//! - for the evaluation brief, the theory of change's assumptions with their latest reading and
//!   the outcomes (among those the evaluator sees) that bear on each.

use std::collections::{BTreeMap, BTreeSet};

use time::Date;
use tracktwo_domain::dialogue::{ConfidentialityMode, DialogueOption, Meeting, Round};
use tracktwo_domain::outcomes::{
    AssumptionStatus, ClearedOutcome, Outcome, OutcomeSight, Reflection, Substantiation, review_assumptions, sight,
};
use tracktwo_domain::questionnaire::{Questionnaire, Response, Stage};
use tracktwo_domain::report::{OutcomeTally, Period, ReportKind, tally};
use tracktwo_domain::results_framework::{Actual, Indicator};
use tracktwo_domain::scrub::Names;
use tracktwo_domain::transfer::{
    Audience, CoordinationEvent, CoordinationForm, Readout, TransferDirection, TransferEvent,
};
use tracktwo_domain::{
    AuditAction, AuditTarget, Identity, InitiativeId, Operation, OutcomeId, QuestionnaireId, RoundId, SideId,
    TargetKind,
};
use tracktwo_store::WriteTx;

use crate::gate::Entered;
use crate::measures::{MeasuresView, released_results};
use crate::{App, Result};

/// A round of the process as a report tells it: how much happened in it, never who.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundInReport {
    pub number: u32,
    /// The round's title, cleared of names.
    pub title: String,
    /// Its meetings in the period (a secret channel's never counted).
    pub meetings: usize,
    pub first_day: Option<Date>,
    pub last_day: Option<Date>,
    /// Options first raised at those meetings.
    pub options_raised: usize,
}

/// The transfer to Track One and the coordination with it, in counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TransferInReport {
    /// Readouts released in the period, by audience.
    pub readouts_released: BTreeMap<Audience, usize>,
    /// Transfers logged in the period, by direction.
    pub transfers: BTreeMap<TransferDirection, usize>,
    /// Contacts with Track One in the period, by Fisher's form.
    pub coordination: BTreeMap<CoordinationForm, usize>,
}

/// One assumption of the theory of change as the evaluation brief gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssumptionInReport {
    /// Its words, cleared of names.
    pub assumption: String,
    /// The latest reading in the period, if any.
    pub latest: Option<(Date, AssumptionStatus)>,
    /// Outcomes of the report that support it, and that question it, by their number in the
    /// report (1-based, in the report's order).
    pub supporting: Vec<usize>,
    pub questioning: Vec<usize>,
}

/// A report, as its audience may read it.
#[derive(Debug, Clone)]
pub struct Report {
    pub kind: ReportKind,
    pub initiative: String,
    /// The dates it covers; `None` for the whole record.
    pub period: Option<Period>,
    pub rounds: Vec<RoundInReport>,
    pub transfer: TransferInReport,
    /// The outcomes of the period the audience may see, cleared, oldest first.
    pub outcomes: Vec<ClearedOutcome>,
    pub tally: OutcomeTally,
    /// Questionnaires measured in the period (every one, for the whole record), as their results
    /// leave the team.
    pub measures: Vec<MeasuresView>,
    /// The results framework, its words cleared of names.
    pub indicators: Vec<Indicator>,
    /// The evaluation brief's reading of the theory of change; empty in a funder report.
    pub assumptions: Vec<AssumptionInReport>,
}

fn in_period(period: Option<Period>, date: Date) -> bool {
    period.is_none_or(|p| p.contains(date))
}

impl App {
    /// The report of `kind` on the initiative for `period` (the whole record when `None`),
    /// holding exactly what the report's audience may see. The team and the audience itself may
    /// ask for it; each report produced is audited.
    pub async fn report(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        kind: ReportKind,
        period: Option<Period>,
    ) -> Result<Report> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ProduceReport(kind)).await?;
        let title = self.initiative_from_row(&entered.key, &entered.row)?.title;
        let names = self.report_names(tx.as_mut(), &entered, initiative).await?;

        let (outcome_ids, outcomes) =
            self.outcomes_for_report(tx.as_mut(), &entered, initiative, kind, period, &names).await?;
        let (rounds, round_ids) = self.rounds_for_report(tx.as_mut(), &entered, initiative, period, &names).await?;
        let transfer = self.transfer_for_report(tx.as_mut(), &entered, initiative, period).await?;
        let measures = self.measures_for_report(tx.as_mut(), &entered, initiative, period, &round_ids, &names).await?;
        let indicators = self
            .load_all::<Indicator>(tx.as_mut(), &entered, initiative, None)
            .await?
            .into_iter()
            .map(|(_, indicator)| cleared_indicator(indicator, &names))
            .collect();
        let assumptions = match kind {
            ReportKind::Funder => Vec::new(),
            ReportKind::Evaluation => {
                self.assumptions_for_report(tx.as_mut(), &entered, initiative, period, &outcome_ids, &names).await?
            }
        };
        let action = match kind {
            ReportKind::Funder => AuditAction::FunderReportProduced,
            ReportKind::Evaluation => AuditAction::EvaluationBriefProduced,
        };
        self.record(tx.as_mut(), who, action, AuditTarget::of(TargetKind::Initiative, initiative)).await?;
        tx.commit().await?;
        Ok(Report {
            kind,
            initiative: title,
            period,
            rounds,
            transfer,
            tally: tally(&outcomes),
            outcomes,
            measures,
            indicators,
            assumptions,
        })
    }

    /// Every name a report withholds: the initiative's (as cleared outcomes withhold them) and
    /// every member's, by display name and username.
    async fn report_names(&self, tx: &mut dyn WriteTx, entered: &Entered, initiative: InitiativeId) -> Result<Names> {
        let mut names = self.initiative_names(tx, entered, initiative).await?;
        for member in tx.members(initiative).await? {
            let Some(row) = tx.user(member.user).await? else { continue };
            let user = self.user_from_row(tx, &row).await?;
            // A display name is often written "Name (role, organisation)": the person's name is
            // what comes first; the role and the organisation are words any report may use.
            let name = user.display_name.split(['(', ',']).next().unwrap_or_default().trim();
            if name.is_empty() {
                names.add_person(&user.username, &[] as &[&str]);
            } else {
                names.add_person(name, &[user.username.as_str()]);
            }
        }
        Ok(names)
    }

    /// The outcomes of the period the audience sees, cleared, oldest first, with their ids in
    /// the same order.
    async fn outcomes_for_report(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        kind: ReportKind,
        period: Option<Period>,
        names: &Names,
    ) -> Result<(Vec<OutcomeId>, Vec<ClearedOutcome>)> {
        let mut by_outcome: BTreeMap<uuid::Uuid, Vec<Substantiation>> = BTreeMap::new();
        for (row, word) in self.load_all::<Substantiation>(tx, entered, initiative, None).await? {
            if let Some(parent) = row.parent {
                by_outcome.entry(parent).or_default().push(word);
            }
        }
        let mut seen: Vec<(OutcomeId, ClearedOutcome)> = self
            .load_all::<Outcome>(tx, entered, initiative, None)
            .await?
            .into_iter()
            .filter(|(_, o)| in_period(period, o.change.on))
            .filter(|(_, o)| sight(kind.audience(), o.confidentiality, o.state, false) != OutcomeSight::Hidden)
            .map(|(row, o)| {
                let words = by_outcome.get(&row.id).map_or(&[][..], Vec::as_slice);
                (OutcomeId::from_uuid(row.id), o.cleared(words, names))
            })
            .collect();
        seen.sort_by_key(|(id, o)| (o.on, *id));
        Ok(seen.into_iter().unzip())
    }

    /// The rounds with a meeting in the period that the audience may know of, and their ids.
    async fn rounds_for_report(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        period: Option<Period>,
        names: &Names,
    ) -> Result<(Vec<RoundInReport>, BTreeSet<RoundId>)> {
        let meetings: Vec<(uuid::Uuid, Meeting)> = self
            .load_all::<Meeting>(tx, entered, initiative, None)
            .await?
            .into_iter()
            .filter(|(_, m)| m.mode != ConfidentialityMode::SecretChannel)
            .filter(|(_, m)| period.is_none_or(|p| p.overlaps(m.starts_on, m.ends_on.unwrap_or(m.starts_on))))
            .map(|(row, m)| (row.id, m))
            .collect();
        let options: Vec<DialogueOption> =
            self.load_all::<DialogueOption>(tx, entered, initiative, None).await?.into_iter().map(|(_, o)| o).collect();
        let mut rounds = Vec::new();
        let mut ids = BTreeSet::new();
        for (row, round) in self.load_all::<Round>(tx, entered, initiative, None).await? {
            let id = RoundId::from_uuid(row.id);
            let held: Vec<&(uuid::Uuid, Meeting)> = meetings.iter().filter(|(_, m)| m.round == id).collect();
            if held.is_empty() {
                continue;
            }
            let options_raised = options
                .iter()
                .filter(|o| o.raised_in.first().is_some_and(|first| held.iter().any(|(m, _)| *m == first.as_uuid())))
                .count();
            rounds.push(RoundInReport {
                number: round.number,
                title: names.scrub(&round.title),
                meetings: held.len(),
                first_day: held.iter().map(|(_, m)| m.starts_on).min(),
                last_day: held.iter().map(|(_, m)| m.ends_on.unwrap_or(m.starts_on)).max(),
                options_raised,
            });
            ids.insert(id);
        }
        rounds.sort_by_key(|r| r.number);
        Ok((rounds, ids))
    }

    async fn transfer_for_report(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        period: Option<Period>,
    ) -> Result<TransferInReport> {
        let mut out = TransferInReport::default();
        for (_, readout) in self.load_all::<Readout>(tx, entered, initiative, None).await? {
            if readout.released_at.is_some_and(|at| in_period(period, at.date())) {
                *out.readouts_released.entry(readout.audience).or_default() += 1;
            }
        }
        for (_, event) in self.load_all::<TransferEvent>(tx, entered, initiative, None).await? {
            if in_period(period, event.on) {
                *out.transfers.entry(event.direction).or_default() += 1;
            }
        }
        for (_, event) in self.load_all::<CoordinationEvent>(tx, entered, initiative, None).await? {
            if in_period(period, event.on) {
                *out.coordination.entry(event.form).or_default() += 1;
            }
        }
        Ok(out)
    }

    /// The questionnaires measured in the period — of a round the report counts, or, for the
    /// whole record, every one answered at all — with their results as they leave the team.
    async fn measures_for_report(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        period: Option<Period>,
        rounds: &BTreeSet<RoundId>,
        names: &Names,
    ) -> Result<Vec<MeasuresView>> {
        let sides = self.sides_in_name_order(tx, &entered.key, initiative).await?;
        let side_ids: Vec<SideId> = sides.iter().map(|(id, _)| *id).collect();
        let mut out = Vec::new();
        for (row, mut questionnaire) in self.load_all::<Questionnaire>(tx, entered, initiative, None).await? {
            let measured = match (period, questionnaire.round) {
                (None, _) => questionnaire.stage != Stage::Composing,
                (Some(_), Some(round)) => rounds.contains(&round),
                (Some(_), None) => false,
            };
            if !measured {
                continue;
            }
            questionnaire.title = names.scrub(&questionnaire.title);
            let responses: Vec<Response> = self
                .load_all::<Response>(tx, entered, initiative, Some(row.id))
                .await?
                .into_iter()
                .map(|(_, r)| r)
                .collect();
            out.push(MeasuresView {
                id: QuestionnaireId::from_uuid(row.id),
                results: released_results(&questionnaire, &responses, &side_ids),
                questionnaire,
                sides: sides.clone(),
            });
        }
        Ok(out)
    }

    /// Each assumption of the theory of change with its latest reading in the period and the
    /// report's outcomes that bear on it.
    async fn assumptions_for_report(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        period: Option<Period>,
        outcome_ids: &[OutcomeId],
        names: &Names,
    ) -> Result<Vec<AssumptionInReport>> {
        let (_, design) = self.design_record(tx, entered, initiative).await?;
        let theory = design.design.map(|d| d.theory_of_change).unwrap_or_default();
        let mut reflections: Vec<Reflection> = self
            .load_all::<Reflection>(tx, entered, initiative, None)
            .await?
            .into_iter()
            .map(|(_, r)| r)
            .filter(|r| in_period(period, r.on))
            .collect();
        reflections.sort_by_key(|r| r.on);
        let outcomes: Vec<(OutcomeId, Outcome)> = self
            .load_all::<Outcome>(tx, entered, initiative, None)
            .await?
            .into_iter()
            .map(|(row, o)| (OutcomeId::from_uuid(row.id), o))
            .filter(|(id, _)| outcome_ids.contains(id))
            .collect();
        let refs: Vec<(OutcomeId, &Outcome)> = outcomes.iter().map(|(id, o)| (*id, o)).collect();
        let number = |id: &OutcomeId| outcome_ids.iter().position(|o| o == id).map(|i| i + 1);
        Ok(review_assumptions(&theory.assumptions, &reflections, &refs)
            .into_iter()
            .map(|record| {
                let mut supporting: Vec<usize> = record.evidence.supporting.iter().filter_map(number).collect();
                let mut questioning: Vec<usize> = record.evidence.questioning.iter().filter_map(number).collect();
                supporting.sort_unstable();
                questioning.sort_unstable();
                AssumptionInReport {
                    assumption: names.scrub(record.assumption),
                    latest: record.history.last().map(|(on, status, _)| (*on, *status)),
                    supporting,
                    questioning,
                }
            })
            .collect())
    }
}

/// An indicator with every word written into it cleared of the names a report withholds.
fn cleared_indicator(indicator: Indicator, names: &Names) -> Indicator {
    Indicator {
        outcome: names.scrub(&indicator.outcome),
        indicator: names.scrub(&indicator.indicator),
        unit: names.scrub(&indicator.unit),
        baseline: indicator.baseline,
        target: indicator.target,
        actuals: indicator
            .actuals
            .into_iter()
            .map(|a| Actual { period: names.scrub(&a.period), value: a.value, note: names.scrub(&a.note) })
            .collect(),
    }
}
