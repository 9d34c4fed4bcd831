//! A version of a text as it leaves tracktwo: as a file (DOCX, PDF, Akoma Ntoso), alone or
//! compared with another version. Readers of the plenary record may take one; the export is
//! audited. Comments and suggestions never travel with it.

use tracktwo_domain::negotiating_text::agreement::{Agreement, SignOff, agreement};
use tracktwo_domain::negotiating_text::compare::{Comparison, compare};
use tracktwo_domain::negotiating_text::{Draft, NegotiatingText, TextId, VersionSummary};
use tracktwo_domain::{AuditAction, AuditTarget, Identity, InitiativeId, Operation, Scope, TargetKind};

use super::TextRefusal;
use crate::{App, Result};

/// What an export of one version holds.
#[derive(Debug, Clone)]
pub struct TextExport {
    pub id: TextId,
    pub text: NegotiatingText,
    pub summary: VersionSummary,
    pub draft: Draft,
    pub agreement: Agreement,
    /// With `compare_with`: the older version, its draft, and the comparison to this one.
    pub compared: Option<(VersionSummary, Draft, Comparison)>,
}

impl App {
    /// Version `version` of a text (the newest authoritative one by default), with a comparison
    /// against version `compare_with` when asked.
    pub async fn export_text(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: TextId,
        version: Option<u32>,
        compare_with: Option<u32>,
    ) -> Result<TextExport> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ReadRecord(Scope::Plenary)).await?;
        let (_, record) = self.load_text(tx.as_mut(), &entered, initiative, id).await?;
        let summary = match version {
            Some(n) => record.text.version(n).ok_or(TextRefusal::NoSuchVersion(n))?,
            None => record.text.latest().ok_or(TextRefusal::NoSuchVersion(1))?,
        }
        .clone();
        let draft = self.load_version(tx.as_mut(), &entered, initiative, &record, summary.number).await?.draft;
        let compared = match compare_with {
            Some(n) => {
                let older = record.text.version(n).ok_or(TextRefusal::NoSuchVersion(n))?.clone();
                let older_draft = self.load_version(tx.as_mut(), &entered, initiative, &record, n).await?.draft;
                let comparison = compare(&older_draft, &draft);
                Some((older, older_draft, comparison))
            }
            None => None,
        };
        let sign_offs: Vec<SignOff> = self
            .load_all::<SignOff>(tx.as_mut(), &entered, initiative, Some(id.as_uuid()))
            .await?
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        self.record(tx.as_mut(), who, AuditAction::TextExported, AuditTarget::of(TargetKind::NegotiatingText, id))
            .await?;
        tx.commit().await?;
        Ok(TextExport {
            id,
            agreement: agreement(&record.text, &sign_offs),
            text: record.text,
            summary,
            draft,
            compared,
        })
    }
}
