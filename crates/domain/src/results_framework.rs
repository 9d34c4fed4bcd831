//! The results framework a funder asks for: for each outcome the initiative works toward, its
//! indicators, each with a baseline, a target and the actual value of every reporting period.
//!
//! Figures are numbers in a stated unit ("ministries", "%"); what they mean is in the
//! indicator's wording. Every text is the team's; `Debug` prints counts only.

use crate::records::{ValidationError, optional_line, required_line};

/// The most reporting periods one indicator holds.
pub const MOST_PERIODS: usize = 200;

/// An indicator's actual value in one reporting period.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Actual {
    /// The period's label as the funder names it ("2025", "2025-Q3", "Year 1").
    pub period: String,
    pub value: f64,
    /// Where the figure comes from or what qualifies it.
    #[serde(default)]
    pub note: String,
}

/// One indicator of an outcome.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Indicator {
    /// The outcome statement the indicator measures.
    pub outcome: String,
    pub indicator: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    /// One actual per period, in period order.
    #[serde(default)]
    pub actuals: Vec<Actual>,
}

impl std::fmt::Debug for Indicator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Indicator").field("actuals", &self.actuals.len()).finish_non_exhaustive()
    }
}

fn finite(field: &'static str, value: f64) -> Result<(), ValidationError> {
    if value.is_finite() { Ok(()) } else { Err(ValidationError::Invalid { field, reason: "must be a number" }) }
}

impl Actual {
    /// # Errors
    /// An empty or overlong period, a value that is not a number, a note that is too long.
    pub fn validate(&self) -> Result<(), ValidationError> {
        required_line("period", &self.period)?;
        finite("actual", self.value)?;
        optional_line("note", &self.note)
    }
}

impl Indicator {
    /// # Errors
    /// An empty or overlong outcome, indicator or unit; a baseline, target or actual that is not
    /// a number; a period given twice; too many periods.
    pub fn validate(&self) -> Result<(), ValidationError> {
        required_line("outcome", &self.outcome)?;
        required_line("indicator", &self.indicator)?;
        optional_line("unit", &self.unit)?;
        finite("baseline", self.baseline)?;
        finite("target", self.target)?;
        if self.actuals.len() > MOST_PERIODS {
            return Err(ValidationError::Invalid { field: "period", reason: "are more than an indicator holds" });
        }
        for (index, actual) in self.actuals.iter().enumerate() {
            actual.validate()?;
            if self.actuals[..index].iter().any(|a| a.period == actual.period) {
                return Err(ValidationError::Invalid { field: "period", reason: "is given twice" });
            }
        }
        Ok(())
    }

    /// Records the actual of a period, replacing the one already there.
    pub fn set_actual(&mut self, actual: Actual) {
        match self.actuals.iter_mut().find(|a| a.period == actual.period) {
            Some(existing) => *existing = actual,
            None => self.actuals.push(actual),
        }
    }

    /// The latest period's actual, if any.
    #[must_use]
    pub fn latest(&self) -> Option<&Actual> {
        self.actuals.last()
    }

    /// How far the latest actual has come from the baseline toward the target (1 is reached);
    /// none without an actual or when the target is the baseline.
    #[must_use]
    pub fn progress(&self) -> Option<f64> {
        let latest = self.latest()?;
        let span = self.target - self.baseline;
        (span != 0.0).then(|| (latest.value - self.baseline) / span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicator() -> Indicator {
        Indicator {
            outcome: "Officials take up options".into(),
            indicator: "Options raised in official talks".into(),
            unit: "options".into(),
            baseline: 0.0,
            target: 4.0,
            actuals: vec![Actual { period: "2025".into(), value: 1.0, note: String::new() }],
        }
    }

    #[test]
    fn a_period_is_given_once() {
        let mut i = indicator();
        assert_eq!(i.validate(), Ok(()));
        i.actuals.push(Actual { period: "2025".into(), value: 2.0, note: String::new() });
        assert!(i.validate().is_err());
    }

    #[test]
    fn setting_an_actual_replaces_its_period() {
        let mut i = indicator();
        i.set_actual(Actual { period: "2025".into(), value: 3.0, note: "minutes".into() });
        i.set_actual(Actual { period: "2026".into(), value: 4.0, note: String::new() });
        assert_eq!(i.actuals.len(), 2);
        assert_eq!(i.actuals[0].value, 3.0);
        assert_eq!(i.progress(), Some(1.0));
    }

    #[test]
    fn figures_are_numbers() {
        let mut i = indicator();
        i.target = f64::NAN;
        assert!(i.validate().is_err());
    }
}
