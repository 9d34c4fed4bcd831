//! Reports built from the record: the funder report and the evaluation brief.
//!
//! A report is written for its audience, not for whoever asks for it: the convener who prints
//! the funder report gets exactly what the funder may read — outcomes as the funder sees them
//! (`outcomes::sight` for the funder's role), cleared of every name; figures as they may leave
//! the team, cells under five suppressed; counts, never people, for the process and the transfer
//! to Track One. What is pure lives here: which reports there are and whom each is for, the
//! period a report covers, and the tallies of outcomes by layer, RPP cell and criterion.

use std::collections::BTreeMap;

use time::Date;
use time::macros::format_description;

use crate::outcomes::{ClearedOutcome, Criterion, Layer, RppCell};
use crate::records::{MemberRole, ValidationError};
use crate::redaction::Reader;

field_enum!(
    /// Which report: what a funder is sent, or the brief an evaluator works from.
    ReportKind as "report" {
        /// The funder report: reported outcomes the funder may see, measures, indicators,
        /// process and transfer in counts.
        Funder => "funder", "Funder report",
        /// The evaluation brief: every outcome the evaluator may see (drafts included), the
        /// criteria of effectiveness, movements in the RPP matrix and the theory of change's
        /// assumptions as the team has read them.
        Evaluation => "evaluation", "Evaluation brief",
    }
);

impl ReportKind {
    /// The role the report is written for: what it holds is what this role may see.
    #[must_use]
    pub fn audience(self) -> MemberRole {
        match self {
            ReportKind::Funder => MemberRole::Funder,
            ReportKind::Evaluation => MemberRole::Evaluator,
        }
    }

    /// The reader the redaction engine writes for.
    #[must_use]
    pub fn reader(self) -> Reader {
        Reader::of(crate::access::Standing { role: self.audience(), side: None })
    }
}

/// The dates a report covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// A period from its two ends; refused when it ends before it starts.
    pub fn new(from: Date, to: Date) -> Result<Self, ValidationError> {
        if to < from {
            return Err(ValidationError::Invalid { field: "period", reason: "ends before it starts" });
        }
        Ok(Self { from, to })
    }

    /// `FROM..TO` in ISO dates, as the command line and the pages take it.
    pub fn parse(text: &str) -> Result<Self, ValidationError> {
        let invalid =
            ValidationError::Invalid { field: "period", reason: "must be FROM..TO, as YYYY-MM-DD..YYYY-MM-DD" };
        let (from, to) = text.trim().split_once("..").ok_or(invalid.clone())?;
        let date = |text: &str| {
            Date::parse(text.trim(), format_description!("[year]-[month]-[day]")).map_err(|_| invalid.clone())
        };
        Self::new(date(from)?, date(to)?)
    }

    #[must_use]
    pub fn contains(&self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }

    /// Whether anything between `from` and `to` (both included) falls in the period.
    #[must_use]
    pub fn overlaps(&self, from: Date, to: Date) -> bool {
        from <= self.to && self.from <= to
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let day = format_description!("[year]-[month]-[day]");
        let from = self.from.format(day).map_err(|_| std::fmt::Error)?;
        let to = self.to.format(day).map_err(|_| std::fmt::Error)?;
        write!(f, "{from}..{to}")
    }
}

/// How many outcomes sit on each layer, in each RPP cell and meet each criterion. Every layer,
/// cell and criterion is listed, with zero where none does, so that a reader sees what is
/// missing as well as what is there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeTally {
    pub layers: Vec<(Layer, usize)>,
    pub cells: Vec<(RppCell, usize)>,
    pub criteria: Vec<(Criterion, usize)>,
}

#[must_use]
pub fn tally(outcomes: &[ClearedOutcome]) -> OutcomeTally {
    let mut layers: BTreeMap<Layer, usize> = Layer::ALL.iter().map(|l| (*l, 0)).collect();
    let mut cells: Vec<(RppCell, usize)> = RppCell::ALL.iter().map(|c| (*c, 0)).collect();
    let mut criteria: BTreeMap<Criterion, usize> = Criterion::ALL.iter().map(|c| (*c, 0)).collect();
    for outcome in outcomes {
        *layers.entry(outcome.layer).or_default() += 1;
        if let Some((_, count)) = cells.iter_mut().find(|(cell, _)| *cell == outcome.rpp) {
            *count += 1;
        }
        for criterion in &outcome.criteria {
            *criteria.entry(*criterion).or_default() += 1;
        }
    }
    OutcomeTally { layers: layers.into_iter().collect(), cells, criteria: criteria.into_iter().collect() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn a_period_reads_its_two_ends_and_refuses_anything_else() {
        let year = Period::parse(" 2025-01-01..2025-12-31 ").unwrap();
        assert_eq!((year.from, year.to), (date!(2025 - 01 - 01), date!(2025 - 12 - 31)));
        assert_eq!(year.to_string(), "2025-01-01..2025-12-31");
        assert!(year.contains(date!(2025 - 01 - 01)) && year.contains(date!(2025 - 12 - 31)));
        assert!(!year.contains(date!(2024 - 12 - 31)) && !year.contains(date!(2026 - 01 - 01)));
        for bad in
            ["", "2025-01-01", "2025-01-01..", "..2025-12-31", "2025-13-01..2025-12-31", "2025-12-31..2025-01-01"]
        {
            let error = Period::parse(bad).unwrap_err();
            assert!(matches!(error, ValidationError::Invalid { field: "period", .. }), "{bad}: {error:?}");
        }
    }

    #[test]
    fn each_report_is_written_for_a_reader_outside_the_team() {
        for kind in ReportKind::ALL {
            assert!(!kind.audience().is_team(), "{kind:?}");
            assert_eq!(ReportKind::parse(kind.as_str()).unwrap(), *kind);
        }
    }

    proptest! {
        #[test]
        fn a_period_overlaps_a_span_exactly_when_one_of_its_days_is_in_it(
            a in 0i32..60, b in 0i32..60, c in 0i32..60, d in 0i32..60,
        ) {
            let day = |n: i32| date!(2025 - 01 - 01) + time::Duration::days(i64::from(n));
            let period = Period::new(day(a.min(b)), day(a.max(b))).unwrap();
            let (from, to) = (day(c.min(d)), day(c.max(d)));
            let any_day_in = (c.min(d)..=c.max(d)).any(|n| period.contains(day(n)));
            prop_assert_eq!(period.overlaps(from, to), any_day_in);
        }
    }
}
