//! The design of the process, kept in one sealed record with the risk ceiling of the
//! initiative's participant selections.

use serde::Serialize;
use tracktwo_domain::dialogue::ProcessDesign;
use tracktwo_domain::{AuditAction, AuditTarget, Identity, InitiativeId, Operation, TargetKind};
use tracktwo_store::{SealedRecordRow, WriteTx};

use crate::gate::Entered;
use crate::sealed_records::sealable;
use crate::{App, Result};

/// The one record of how an initiative works: the process design the team writes, and the risk
/// ceiling of its participant selections, which the convener or operations set. Each half is
/// written by its own use case, which keeps the other as stored. Sealed as one body beside the
/// rounds and meetings, so the ceiling needs no table of its own; a body written before the
/// ceiling existed is a design alone, and one written before any design a ceiling alone.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct DesignRecord {
    pub design: Option<ProcessDesign>,
    pub risk_ceiling: Option<tracktwo_domain::map::RiskCeiling>,
}

sealable!(DesignRecord, ProcessDesign, "process_designs");

/// The key the risk ceiling is kept under, beside the design's own fields.
const RISK_CEILING: &str = "risk_ceiling";

impl Serialize for DesignRecord {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::Error;
        let mut body = match &self.design {
            Some(design) => match serde_json::to_value(design).map_err(S::Error::custom)? {
                serde_json::Value::Object(fields) => fields,
                _ => return Err(S::Error::custom("a process design is an object")),
            },
            None => serde_json::Map::new(),
        };
        if let Some(ceiling) = &self.risk_ceiling {
            body.insert(RISK_CEILING.to_owned(), serde_json::to_value(ceiling).map_err(S::Error::custom)?);
        }
        body.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for DesignRecord {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error;
        let mut body = serde_json::Map::<String, serde_json::Value>::deserialize(deserializer)?;
        let risk_ceiling =
            body.remove(RISK_CEILING).map(serde_json::from_value).transpose().map_err(D::Error::custom)?;
        // Any other field is the design's: a body with one must hold a whole design.
        let design = if body.is_empty() {
            None
        } else {
            Some(serde_json::from_value(serde_json::Value::Object(body)).map_err(D::Error::custom)?)
        };
        Ok(Self { design, risk_ceiling })
    }
}

impl App {
    /// The design; grants only for those who may see the funding.
    pub async fn process_design(&self, who: &Identity, initiative: InitiativeId) -> Result<Option<ProcessDesign>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ViewInitiative).await?;
        let (_, record) = self.design_record(tx.as_mut(), &entered, initiative).await?;
        tx.commit().await?;
        let design = record.design.map(|mut d| {
            if Self::also(who, &entered, Operation::ReadFunding).is_err() {
                d.grants.clear();
            }
            d
        });
        Ok(design)
    }

    pub async fn set_process_design(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        design: ProcessDesign,
    ) -> Result<()> {
        design.validate()?;
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::WriteProcess).await?;
        let (row, mut record) = self.design_record(tx.as_mut(), &entered, initiative).await?;
        record.design = Some(design);
        let id = self.put_design_record(tx.as_mut(), &entered, initiative, row.as_ref(), &record).await?;
        self.record(tx.as_mut(), who, AuditAction::ProcessDesigned, AuditTarget::of(TargetKind::Initiative, id))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The initiative's design record, with its row if one is stored.
    pub(crate) async fn design_record(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
    ) -> Result<(Option<SealedRecordRow>, DesignRecord)> {
        let mut records = self.load_all::<DesignRecord>(tx, entered, initiative, None).await?;
        if records.is_empty() {
            return Ok((None, DesignRecord::default()));
        }
        // One per initiative; the first written is the one both halves are kept in.
        let (row, record) = records.swap_remove(0);
        Ok((Some(row), record))
    }

    /// Writes the design record over `row`, or as the first one; returns its id.
    pub(crate) async fn put_design_record(
        &self,
        tx: &mut dyn WriteTx,
        entered: &Entered,
        initiative: InitiativeId,
        row: Option<&SealedRecordRow>,
        record: &DesignRecord,
    ) -> Result<uuid::Uuid> {
        match row {
            Some(row) => {
                self.replace_record(tx, entered, row, record).await?;
                Ok(row.id)
            }
            None => self.insert_record(tx, entered, initiative, None, record).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use tracktwo_domain::dialogue::{Methodology, Phase, ProcessKind, TheoryOfChange};
    use tracktwo_domain::map::RiskCeiling;

    use super::*;

    fn design() -> ProcessDesign {
        ProcessDesign {
            kind: ProcessKind::TrackTwo,
            methodology: Methodology::SustainedDialogue,
            phase: Phase::PreNegotiation,
            theory_of_change: TheoryOfChange::default(),
            locales: vec!["en".into()],
            grants: Vec::new(),
        }
    }

    #[test]
    fn a_design_written_before_the_ceiling_existed_reads_as_it_was() {
        // The body a design alone has always been sealed as.
        let old = serde_json::to_vec(&design()).unwrap();
        let record: DesignRecord = serde_json::from_slice(&old).unwrap();
        assert_eq!(record, DesignRecord { design: Some(design()), risk_ceiling: None });
        // The same fields and values (a JSON object's order means nothing).
        let written: serde_json::Value = serde_json::to_value(&record).unwrap();
        assert_eq!(written, serde_json::to_value(design()).unwrap(), "a design alone is still written as before");
    }

    #[test]
    fn each_half_round_trips_with_or_without_the_other() {
        let ceiling = Some(RiskCeiling { per_person: 4, group: 30 });
        for record in [
            DesignRecord { design: Some(design()), risk_ceiling: ceiling },
            DesignRecord { design: None, risk_ceiling: ceiling },
            DesignRecord::default(),
        ] {
            let body = serde_json::to_vec(&record).unwrap();
            assert_eq!(serde_json::from_slice::<DesignRecord>(&body).unwrap(), record);
        }
        // A body with a design's field must hold a whole design: half a design is not taken for none.
        let half = r#"{"kind":"track-2","risk_ceiling":{"per_person":4,"group":30}}"#;
        assert!(serde_json::from_str::<DesignRecord>(half).is_err());
    }
}
