//! The gate every use case passes: the caller's standing in an initiative, the policy's answer
//! for an operation on it, and the checks made inside an initiative once entered (a further
//! operation, a secret channel kept closed).

use std::sync::Arc;

use tracktwo_crypto::DataKey;
use tracktwo_domain::{Denied, Identity, InitiativeId, Operation, Principal, Standing, access};
use tracktwo_store::{InitiativeRow, WriteTx};

use crate::{App, AppError, Outward, Result};

/// What [`App::enter`] found: the initiative, its data key, and the caller's standing in it.
pub(crate) struct Entered {
    pub row: InitiativeRow,
    pub key: Arc<DataKey>,
    pub standing: Option<Standing>,
}

impl App {
    /// Asks the policy. What the caller may not even know exists (a secret channel, another
    /// side's caucus) is answered "not found", never "forbidden".
    pub(crate) fn allow(
        identity: &Identity,
        standing: Option<Standing>,
        secret_channel: bool,
        operation: Operation,
    ) -> Result<()> {
        access::decide(identity, standing, secret_channel, operation).map_err(|denied| match denied {
            Denied::Hidden | Denied::OtherSide => AppError::NotFound,
            other => AppError::Forbidden(other),
        })
    }

    /// For operations that concern no initiative.
    pub(crate) fn allow_global(identity: &Identity, operation: Operation) -> Result<()> {
        Self::allow(identity, None, false, operation)
    }

    /// The caller's membership in an initiative; the key holder has none.
    pub(crate) async fn standing_in(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        initiative: InitiativeId,
    ) -> Result<Option<Standing>> {
        match who.principal {
            Principal::KeyHolder => Ok(None),
            Principal::User { id, .. } => {
                Ok(tx.membership(initiative, id).await?.map(|m| Standing { role: m.role, side: m.side }))
            }
        }
    }

    /// Loads an initiative and checks `operation` on it. Unknown initiatives and those the caller
    /// may not know of both answer [`AppError::NotFound`].
    pub(crate) async fn enter(
        &self,
        tx: &mut dyn WriteTx,
        who: &Identity,
        initiative: InitiativeId,
        operation: Operation,
    ) -> Result<Entered> {
        let row = tx.initiative(initiative).await?.ok_or(AppError::NotFound)?;
        let standing = self.standing_in(tx, who, initiative).await?;
        Self::allow(who, standing, row.secret_channel, operation)?;
        let key = self.keyring.data_key(tx, row.key).await?;
        Ok(Entered { row, key, standing })
    }

    /// Checks a further operation inside an initiative already entered.
    pub(crate) fn also(who: &Identity, entered: &Entered, operation: Operation) -> Result<()> {
        Self::allow(who, entered.standing, entered.row.secret_channel, operation)
    }

    /// Refuses, inside a secret channel, a way out to people outside it.
    pub(crate) fn keep_closed(entered: &Entered, way: Outward) -> Result<()> {
        if entered.row.secret_channel { Err(AppError::SecretChannel(way)) } else { Ok(()) }
    }
}
