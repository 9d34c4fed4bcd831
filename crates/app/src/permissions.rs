//! What the caller may do in one initiative, decided here for an edge that must offer only the
//! links and forms the caller may use, and decides nothing itself.

use tracktwo_domain::transfer::Audience;
use tracktwo_domain::{Identity, InitiativeId, Operation, SideId};

use crate::{App, Outward, Result};

/// The operations the policy allows the caller in one initiative, as decided when the page was
/// opened. It grants nothing: every use case asks the policy again when it runs.
#[derive(Debug, Clone)]
pub struct Permissions {
    initiative: InitiativeId,
    secret_channel: bool,
    allowed: Vec<Operation>,
}

impl Permissions {
    /// Whether the policy allows `operation` (one side's caucus included) to the caller here.
    #[must_use]
    pub fn allows(&self, operation: Operation) -> bool {
        self.allowed.contains(&operation)
    }

    #[must_use]
    pub fn initiative(&self) -> InitiativeId {
        self.initiative
    }

    /// Whether the initiative is a secret channel: the caller, a member, already knows.
    #[must_use]
    pub fn secret_channel(&self) -> bool {
        self.secret_channel
    }

    /// Whether `way` to people outside the initiative is open here: never in a secret channel,
    /// where the use case refuses it with [`crate::AppError::SecretChannel`].
    #[must_use]
    pub fn allows_outward(&self, _way: Outward) -> bool {
        !self.secret_channel
    }

    /// Whether a readout may be drafted for `audience` here.
    #[must_use]
    pub fn allows_audience(&self, audience: Audience) -> bool {
        !audience.reaches_outside_the_initiative() || self.allows_outward(Outward::PublicReadout)
    }
}

impl App {
    /// Opens an initiative for a page that needs `needed` and says what else the caller may do
    /// there. Refused as the use case itself would refuse: "not found" for whoever may not know
    /// the initiative, "forbidden" for a member whose role may not do `needed`.
    pub async fn permissions(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        needed: Operation,
    ) -> Result<Permissions> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, needed).await?;
        let sides: Vec<SideId> = tx.sides(initiative).await?.into_iter().map(|row| row.id).collect();
        tx.commit().await?;
        let allowed = Operation::all(&sides).into_iter().filter(|op| Self::also(who, &entered, *op).is_ok()).collect();
        Ok(Permissions { initiative, secret_channel: entered.row.secret_channel, allowed })
    }
}
