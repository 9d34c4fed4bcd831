//! The results framework as CSV: one row per indicator and reporting period, the columns found
//! by their header so a spreadsheet may put them in any order.
//!
//! ```text
//! outcome,indicator,unit,baseline,target,period,actual,note
//! Officials take up options,Options raised in official talks,options,0,4,2025,1,Minutes of the March talks
//! Officials take up options,Options raised in official talks,options,0,4,2026,3,
//! Sides keep meeting,Joint meetings held,meetings,0,6,,,
//! ```
//!
//! Rows with the same outcome and indicator are one indicator: they must give the same unit,
//! baseline and target, and each period once. A row with no period and no actual declares an
//! indicator with no actual yet. Numbers are written as the shortest text that reads back to the
//! same number, so a file round-trips exactly. Errors give the line, never a cell's text.

use csv::{ReaderBuilder, WriterBuilder};
use tracktwo_domain::results_framework::{Actual, Indicator};

use crate::{ImportError, ImportProblem};

/// The file's usual name, in error messages.
pub const INDICATORS_CSV: &str = "indicators.csv";

/// The most indicators one file holds.
pub const MOST_INDICATORS: usize = 1_000;

const COLUMNS: &[&str] = &["outcome", "indicator", "unit", "baseline", "target", "period", "actual", "note"];
const REQUIRED: &[&str] = &["outcome", "indicator", "baseline", "target"];

/// The framework as CSV, indicators in order, each period in its order.
#[must_use]
pub fn write_indicators_csv(indicators: &[Indicator]) -> String {
    let mut writer = WriterBuilder::new().from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for indicator in indicators {
        let head = [
            indicator.outcome.clone(),
            indicator.indicator.clone(),
            indicator.unit.clone(),
            indicator.baseline.to_string(),
            indicator.target.to_string(),
        ];
        if indicator.actuals.is_empty() {
            rows.push(head.iter().cloned().chain([String::new(), String::new(), String::new()]).collect());
        }
        for actual in &indicator.actuals {
            rows.push(
                head.iter()
                    .cloned()
                    .chain([actual.period.clone(), actual.value.to_string(), actual.note.clone()])
                    .collect(),
            );
        }
    }
    // Writing to memory fails only for rows of another length than the header's; every row has
    // one cell per column.
    writer.write_record(COLUMNS).expect("a row has one cell per column");
    for row in rows {
        writer
            .write_record(row.iter().map(|cell| tracktwo_spreadsheet::inert(cell).into_owned()))
            .expect("a row has one cell per column");
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error()).expect("a Vec cannot fail to flush");
    String::from_utf8_lossy(&bytes).into_owned()
}

fn number(column: &str, cell: &str) -> Result<f64, ImportProblem> {
    match cell.trim().parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(value),
        _ => Err(ImportProblem::NotANumber { column: column.to_owned() }),
    }
}

/// Reads the framework. The whole file or nothing: the first problem is returned with its line.
///
/// # Errors
/// A missing column, a cell that is not a number, a row that disagrees with an earlier row of
/// its indicator, a period given twice, a field the domain refuses, an empty file, too many
/// indicators.
pub fn read_indicators_csv(text: &str) -> Result<Vec<Indicator>, ImportError> {
    let fail = |line: usize, problem: ImportProblem| ImportError::new(INDICATORS_CSV, line, problem);
    let mut reader = ReaderBuilder::new().has_headers(true).flexible(false).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| fail(1, csv_problem(&e)))?.clone();
    let positions: Vec<Option<usize>> =
        COLUMNS.iter().map(|column| header.iter().position(|h| h.trim().eq_ignore_ascii_case(column))).collect();
    for column in REQUIRED {
        let index = COLUMNS.iter().position(|c| c == column).unwrap_or_default();
        if positions[index].is_none() {
            return Err(fail(1, ImportProblem::ColumnMissing { column }));
        }
    }
    let mut indicators: Vec<(usize, Indicator)> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
            fail(line, csv_problem(&e))
        })?;
        let line = record.position().map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        let get = |column: &str| -> &str {
            COLUMNS
                .iter()
                .position(|c| *c == column)
                .and_then(|i| positions[i])
                .and_then(|at| record.get(at))
                .map_or("", tracktwo_spreadsheet::value_of)
        };
        let at = |result: Result<f64, ImportProblem>| result.map_err(|problem| fail(line, problem));
        let row = Indicator {
            outcome: get("outcome").trim().to_owned(),
            indicator: get("indicator").trim().to_owned(),
            unit: get("unit").trim().to_owned(),
            baseline: at(number("baseline", get("baseline")))?,
            target: at(number("target", get("target")))?,
            actuals: Vec::new(),
        };
        row.validate().map_err(|e| fail(line, ImportProblem::Refused(e)))?;
        let (period, actual) = (get("period").trim(), get("actual").trim());
        let actual = match (period.is_empty(), actual.is_empty()) {
            (true, true) => None,
            (false, false) => {
                let actual = Actual {
                    period: period.to_owned(),
                    value: at(number("actual", actual))?,
                    note: get("note").to_owned(),
                };
                actual.validate().map_err(|e| fail(line, ImportProblem::Refused(e)))?;
                Some(actual)
            }
            (true, false) => return Err(fail(line, ImportProblem::ActualWithoutPeriod)),
            (false, true) => return Err(fail(line, ImportProblem::PeriodWithoutActual)),
        };
        let existing = indicators
            .iter_mut()
            .find(|(_, i)| i.outcome == row.outcome && i.indicator == row.indicator)
            .map(|(_, i)| i);
        let indicator = match existing {
            Some(indicator) => {
                if indicator.unit != row.unit
                    || indicator.baseline.to_bits() != row.baseline.to_bits()
                    || indicator.target.to_bits() != row.target.to_bits()
                {
                    return Err(fail(line, ImportProblem::IndicatorDiffers));
                }
                indicator
            }
            None => {
                if indicators.len() == MOST_INDICATORS {
                    return Err(fail(line, ImportProblem::TooManyIndicators { most: MOST_INDICATORS }));
                }
                indicators.push((line, row));
                &mut indicators.last_mut().expect("just pushed").1
            }
        };
        if let Some(actual) = actual {
            if indicator.actuals.iter().any(|a| a.period == actual.period) {
                return Err(fail(line, ImportProblem::PeriodTwice));
            }
            indicator.actuals.push(actual);
            indicator.validate().map_err(|e| fail(line, ImportProblem::Refused(e)))?;
        }
    }
    if indicators.is_empty() {
        return Err(fail(1, ImportProblem::NoIndicator));
    }
    Ok(indicators.into_iter().map(|(_, i)| i).collect())
}

/// What the CSV reader found wrong, without quoting the file.
pub(crate) fn csv_problem(error: &csv::Error) -> ImportProblem {
    match error.kind() {
        csv::ErrorKind::Utf8 { .. } => ImportProblem::FileNotUtf8,
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            ImportProblem::CellCount { cells: *len, header: *expected_len }
        }
        _ => ImportProblem::NotCsv,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn framework() -> Vec<Indicator> {
        vec![
            Indicator {
                outcome: "Officials take up options".into(),
                indicator: "Options raised in official talks".into(),
                unit: "options".into(),
                baseline: 0.0,
                target: 4.0,
                actuals: vec![
                    Actual { period: "2025".into(), value: 1.0, note: "=HYPERLINK(\"x\")".into() },
                    Actual { period: "2026".into(), value: -0.25, note: String::new() },
                ],
            },
            Indicator {
                outcome: "Sides keep meeting".into(),
                indicator: "Joint meetings, \"held\"".into(),
                unit: String::new(),
                baseline: 1e-7,
                target: 6.5,
                actuals: Vec::new(),
            },
        ]
    }

    #[test]
    fn a_framework_round_trips() {
        let text = write_indicators_csv(&framework());
        assert_eq!(read_indicators_csv(&text), Ok(framework()));
        assert!(!text.contains("\n=HYPERLINK"), "a formula is written inert");
    }

    #[test]
    fn errors_name_the_line() {
        let text = "outcome,indicator,baseline,target,period,actual\nA,B,0,4,2025,1\nA,B,0,5,2026,2\n";
        let error = read_indicators_csv(text).unwrap_err();
        assert_eq!(error.line, 3, "{error}");
        let text = "outcome,indicator,baseline,target,period,actual\nA,B,0,4,2025,1\nA,B,0,4,2025,2\n";
        assert_eq!(read_indicators_csv(text).unwrap_err().line, 3);
        let text = "outcome,indicator,baseline,target\nA,B,zero,4\n";
        assert_eq!(read_indicators_csv(text).unwrap_err().line, 2);
        let text = "outcome,indicator,target\nA,B,4\n";
        assert_eq!(read_indicators_csv(text).unwrap_err().line, 1);
        let text = "outcome,indicator,baseline,target\n";
        assert!(read_indicators_csv(text).is_err());
        let text = "outcome,indicator,baseline,target\nA,B,0,4\nA,B\n";
        assert_eq!(read_indicators_csv(text).unwrap_err().line, 3);
    }

    #[test]
    fn an_error_does_not_quote_the_file() {
        let text = "outcome,indicator,baseline,target\nSECRET-CANARY,B,SECRET-NUMBER,4\n";
        let error = read_indicators_csv(text).unwrap_err().to_string();
        assert!(!error.contains("SECRET"), "{error}");
    }

    fn text_cell() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9 ,\"=+@;-]{1,20}".prop_filter("not blank", |s| !s.trim().is_empty())
    }

    fn indicator() -> impl Strategy<Value = Indicator> {
        let figure = prop_oneof![any::<f64>().prop_filter("finite", |v| v.is_finite()), -1e6f64..1e6];
        (
            text_cell(),
            text_cell(),
            prop::option::of(text_cell()),
            figure.clone(),
            figure.clone(),
            prop::collection::vec((figure, prop::option::of(text_cell())), 0..4),
        )
            .prop_map(|(outcome, indicator, unit, baseline, target, actuals)| Indicator {
                outcome: outcome.trim().to_owned(),
                indicator: indicator.trim().to_owned(),
                unit: unit.map(|u| u.trim().to_owned()).unwrap_or_default(),
                baseline,
                target,
                actuals: actuals
                    .into_iter()
                    .enumerate()
                    .map(|(i, (value, note))| Actual { period: format!("P{i}"), value, note: note.unwrap_or_default() })
                    .collect(),
            })
    }

    proptest! {
        #[test]
        fn the_reader_never_panics(text in "(?s).{0,400}") {
            let _ = read_indicators_csv(&text);
        }

        #[test]
        fn the_reader_never_panics_on_near_miss_files(
            rows in prop::collection::vec(prop::collection::vec("[a-zA-Z0-9.eE+\" ,-]{0,6}", 0..9), 0..6)
        ) {
            let mut text = String::from("outcome,indicator,unit,baseline,target,period,actual,note\n");
            for row in rows {
                text.push_str(&row.join(","));
                text.push('\n');
            }
            let _ = read_indicators_csv(&text);
        }

        #[test]
        fn every_framework_round_trips(framework in prop::collection::vec(indicator(), 1..5)) {
            // Rows of one outcome and indicator are one indicator: keep the keys distinct.
            let mut framework = framework;
            for (i, indicator) in framework.iter_mut().enumerate() {
                indicator.indicator = format!("{} {i}", indicator.indicator);
            }
            let text = write_indicators_csv(&framework);
            prop_assert_eq!(read_indicators_csv(&text), Ok(framework));
        }
    }
}
