//! The results framework: indicators kept, their actuals recorded, and the whole read and
//! written as CSV.

use tracktwo_domain::results_framework::{Actual, Indicator};
use tracktwo_domain::{AuditAction, AuditTarget, Identity, IndicatorId, InitiativeId, Operation, TargetKind};

use crate::{App, AppError, ImportRecord, Result};

impl App {
    /// The initiative's indicators, by outcome then indicator.
    pub async fn indicators(&self, who: &Identity, initiative: InitiativeId) -> Result<Vec<(IndicatorId, Indicator)>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadIndicators).await?;
        let mut list: Vec<(IndicatorId, Indicator)> = self
            .load_all::<Indicator>(tx.as_mut(), &entered, initiative, None)
            .await?
            .into_iter()
            .map(|(row, i)| (IndicatorId::from_uuid(row.id), i))
            .collect();
        self.record(tx.as_mut(), who, AuditAction::IndicatorsRead, AuditTarget::of(TargetKind::Initiative, initiative))
            .await?;
        tx.commit().await?;
        list.sort_by(|a, b| (&a.1.outcome, &a.1.indicator).cmp(&(&b.1.outcome, &b.1.indicator)));
        Ok(list)
    }

    /// Adds an indicator.
    pub async fn add_indicator(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        indicator: Indicator,
    ) -> Result<IndicatorId> {
        indicator.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteIndicators).await?;
        let id = IndicatorId::from_uuid(self.insert_record(tx.as_mut(), &entered, initiative, None, &indicator).await?);
        self.record(tx.as_mut(), who, AuditAction::IndicatorWritten, AuditTarget::of(TargetKind::Indicator, id))
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Records an indicator's actual for a period, replacing the period's earlier one.
    pub async fn record_actual(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: IndicatorId,
        actual: Actual,
    ) -> Result<()> {
        actual.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteIndicators).await?;
        let (row, mut indicator) = self.load_one::<Indicator>(tx.as_mut(), &entered, initiative, id.as_uuid()).await?;
        indicator.set_actual(actual);
        indicator.validate()?;
        self.replace_record(tx.as_mut(), &entered, &row, &indicator).await?;
        self.record(tx.as_mut(), who, AuditAction::IndicatorWritten, AuditTarget::of(TargetKind::Indicator, id))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The framework as CSV.
    pub async fn export_indicators(&self, who: &Identity, initiative: InitiativeId) -> Result<String> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadIndicators).await?;
        let mut list: Vec<Indicator> = self
            .load_all::<Indicator>(tx.as_mut(), &entered, initiative, None)
            .await?
            .into_iter()
            .map(|(_, i)| i)
            .collect();
        self.record(
            tx.as_mut(),
            who,
            AuditAction::IndicatorsExported,
            AuditTarget::of(TargetKind::Initiative, initiative),
        )
        .await?;
        tx.commit().await?;
        list.sort_by(|a, b| (&a.outcome, &a.indicator).cmp(&(&b.outcome, &b.indicator)));
        Ok(tracktwo_interchange::write_indicators_csv(&list))
    }

    /// Replaces the framework with the one a CSV file holds: all of it, or, at the first
    /// problem, nothing (the error names its line). Returns how many indicators it holds.
    pub async fn import_indicators(&self, who: &Identity, initiative: InitiativeId, csv: &str) -> Result<usize> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteIndicators).await?;
        let indicators = tracktwo_interchange::read_indicators_csv(csv).map_err(|e| AppError::Import {
            record: ImportRecord::Line { file: e.file, line: e.line },
            problem: Box::new(e.problem),
        })?;
        for row in tx.sealed_records(initiative, tracktwo_store::RecordKind::Indicator, None).await? {
            tx.delete_sealed_record(row.id).await?;
        }
        let mut rows = Vec::with_capacity(indicators.len());
        for indicator in &indicators {
            rows.push(self.sealed_row(&entered.key, initiative, None, self.new_record_id(), indicator)?);
        }
        tx.insert_sealed_records(&rows).await?;
        self.record(
            tx.as_mut(),
            who,
            AuditAction::IndicatorsImported,
            AuditTarget::of(TargetKind::Initiative, initiative),
        )
        .await?;
        tx.commit().await?;
        Ok(indicators.len())
    }
}
