//! A side's yes to the whole package.

use tracktwo_domain::negotiating_text::agreement::{Agreement, SignOff, agreement, check_sign_off};
use tracktwo_domain::negotiating_text::{ContentHash, TextId};
use tracktwo_domain::{AuditAction, AuditTarget, Identity, InitiativeId, Operation, TargetKind};

use super::TextRefusal;
use crate::{App, Result};

impl App {
    /// Says yes, for the caller's side, to version `version` whose content hash the caller read
    /// as `hash`. Refused unless the text is settled, the version is the newest, the hash is its
    /// content, and the caller is a named signatory of their side.
    pub async fn sign_off_text(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: TextId,
        version: u32,
        hash: ContentHash,
    ) -> Result<Agreement> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::SignOffText).await?;
        let side = entered.standing.and_then(|s| s.side).ok_or(TextRefusal::NoSide)?;
        let user = who.user_id().ok_or(TextRefusal::NoSide)?;
        let (_, record) = self.load_text(tx.as_mut(), &entered, initiative, id).await?;
        let earlier: Vec<SignOff> = self
            .load_all::<SignOff>(tx.as_mut(), &entered, initiative, Some(id.as_uuid()))
            .await?
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        check_sign_off(&record.text, &earlier, side, user, version, hash).map_err(TextRefusal::from)?;
        let sign_off = SignOff { side, by: user, version, hash, at: self.now() };
        self.insert_record(tx.as_mut(), &entered, initiative, Some(id.as_uuid()), &sign_off).await?;
        self.record(tx.as_mut(), who, AuditAction::TextSignedOff, AuditTarget::of(TargetKind::NegotiatingText, id))
            .await?;
        tx.commit().await?;
        let mut all = earlier;
        all.push(sign_off);
        Ok(agreement(&record.text, &all))
    }
}
