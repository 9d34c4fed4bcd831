//! The team's side of a conversation: opening it, its statements and their moderation, closing
//! it, invitation links, the live results, and the Pol.is export and import.

use std::collections::HashMap;

use tracktwo_crypto::DataKey;
use tracktwo_domain::conversation::{
    CastVote, Conversation, ConversationMode, Invitation, InvitationKind, Statement, StatementLanguages,
    StatementOrigin, StatementStatus, Voter, validate_statement_text,
};
use tracktwo_domain::{
    AuditAction, AuditTarget, ConversationId, Identity, InitiativeId, InvitationId, Operation, SideId, StatementId,
    TargetKind, ValidationError,
};
use tracktwo_interchange::ImportProblem;
use tracktwo_store::{RecordKind, WriteTx};

use super::campaign::NewLinks;
use super::live::{LiveConversation, flags_of, lock};
use super::views::{
    ConversationExport, ConversationHeader, ConversationImport, ConversationResults, IssuedInvitation, results_view,
};
use crate::gate::Entered;
use crate::polis_format::PolisImportError;
use crate::{App, AppError, ImportRecord, Outward, Result};

/// The most characters an imported statement may hold.
const STATEMENT_MAX: usize = 10_000;

/// A statement's languages as the team gave them, each translation trimmed, an empty one none.
fn tidied(languages: StatementLanguages) -> StatementLanguages {
    StatementLanguages {
        original: languages.original,
        translations: languages
            .translations
            .into_iter()
            .map(|(language, text)| (language, text.trim().to_owned()))
            .filter(|(_, text)| !text.is_empty())
            .collect(),
    }
}

/// Conversations larger than this are re-analysed at most every [`RECOMPUTE_INTERVAL`] when the
/// results are looked at; smaller ones on every look.
const LARGE_CONVERSATION: usize = 5_000;
const RECOMPUTE_INTERVAL: time::Duration = time::Duration::seconds(10);

impl App {
    /// Opens a conversation with its first statements.
    pub async fn create_conversation(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        conversation: Conversation,
        statements: &[String],
    ) -> Result<ConversationId> {
        conversation.validate()?;
        for text in statements {
            validate_statement_text(text)?;
        }
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::RunConversation).await?;
        if conversation.mode == ConversationMode::Consultation {
            Self::keep_closed(&entered, Outward::Consultation)?;
        }
        let id = self.new_record_id();
        let row = self.sealed_row(&entered.key, initiative, None, id, &conversation)?;
        tx.insert_sealed_record(&row).await?;
        let now = self.now();
        for (number, text) in statements.iter().enumerate() {
            let statement = Statement {
                number: number as u32,
                text: text.trim().to_owned(),
                status: StatementStatus::Accepted,
                origin: StatementOrigin::Team,
                meta: false,
                submitted_at: now,
                languages: Default::default(),
            };
            let statement_id = self.new_record_id();
            tx.insert_sealed_record(&self.sealed_row(&entered.key, initiative, Some(id), statement_id, &statement)?)
                .await?;
        }
        self.record(tx.as_mut(), who, AuditAction::ConversationCreated, AuditTarget::of(TargetKind::Conversation, id))
            .await?;
        tx.commit().await?;
        Ok(ConversationId::from_uuid(id))
    }

    /// The conversations of an initiative the caller may know of: all of them for the team, the
    /// private ones for the participants who vote in them.
    pub async fn conversations(&self, who: &Identity, initiative: InitiativeId) -> Result<Vec<ConversationHeader>> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ViewInitiative).await?;
        let team = Self::also(who, &entered, Operation::RunConversation).is_ok();
        let voter = Self::also(who, &entered, Operation::VoteInConversation).is_ok();
        if !team && !voter {
            tx.commit().await?;
            return Ok(Vec::new());
        }
        let rows = tx.sealed_records(initiative, RecordKind::Conversation, None).await?;
        let mut out = Vec::new();
        for row in rows {
            let id = ConversationId::from_uuid(row.id);
            let live = self.live_conversation(tx.as_mut(), &entered.key, initiative, id).await?;
            let state = lock(&live.state);
            if !team && state.conversation.mode != ConversationMode::Private {
                continue;
            }
            out.push(ConversationHeader {
                id,
                title: state.conversation.title.clone(),
                mode: state.conversation.mode,
                closed: state.conversation.closed,
                statements: state.statements.iter().filter(|(_, s)| s.status == StatementStatus::Accepted).count(),
                voters: state.voters.len(),
                votes: state.votes,
            });
        }
        tx.commit().await?;
        Ok(out)
    }

    /// The live results: the opinion map, the groups with their representative statements, the
    /// consensus and the cross-side common ground, with the moderation queue and the links.
    pub async fn conversation_results(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
    ) -> Result<ConversationResults> {
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::ReadConversationResults).await?;
        let side_names = self.side_names(tx.as_mut(), &entered.key, initiative).await?;
        self.record(
            tx.as_mut(),
            who,
            AuditAction::ConversationResultsRead,
            AuditTarget::of(TargetKind::Conversation, id),
        )
        .await?;
        tx.commit().await?;
        drop(entered);
        let now = self.now();
        let mut state = lock(&live.state);
        let stale = state.engine.votes_since_recompute() > 0;
        let small = state.engine.votes().participants() < LARGE_CONVERSATION;
        if stale && (small || now - state.analysed_at >= RECOMPUTE_INTERVAL) {
            state.engine.recompute();
            state.analysed_at = now;
        }
        let analysis = state.engine.results();
        state.priorities = analysis.statements.iter().map(|s| s.priority).collect();
        state.votes_at_priorities = state.votes;
        Ok(results_view(id, &state, &analysis, &side_names))
    }

    /// Adds a statement from the team: accepted at once.
    pub async fn add_statement(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        text: &str,
    ) -> Result<u32> {
        validate_statement_text(text)?;
        let mut tx = self.begin().await?;
        let (_, live) = self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::RunConversation).await?;
        let (number, position) = self
            .insert_statement(tx.as_mut(), &live, id, text, StatementStatus::Accepted, StatementOrigin::Team)
            .await?;
        self.record(tx.as_mut(), who, AuditAction::StatementAdded, AuditTarget::of(TargetKind::Conversation, id))
            .await?;
        self.commit_or_forget(tx, &live, position).await?;
        Ok(number)
    }

    async fn side_names(
        &self,
        tx: &mut dyn WriteTx,
        key: &DataKey,
        initiative: InitiativeId,
    ) -> Result<HashMap<SideId, String>> {
        Ok(self.sides_in_name_order(tx, key, initiative).await?.into_iter().collect())
    }

    /// Accepts a proposed statement, moderates one out, or marks it meta.
    pub async fn moderate_statement(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        number: u32,
        status: StatementStatus,
        meta: bool,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::RunConversation).await?;
        let (statement_id, mut statement) =
            lock(&live.state).statements.get(number as usize).cloned().ok_or(AppError::NotFound)?;
        statement.status = status;
        statement.meta = meta;
        let row = tx.sealed_record(statement_id.as_uuid()).await?.ok_or(AppError::NotFound)?;
        self.replace_record(tx.as_mut(), &entered, &row, &statement).await?;
        let position = self.log_changes(tx.as_mut(), &live, live.locked(), &[row.id]).await?;
        self.record(
            tx.as_mut(),
            who,
            AuditAction::StatementModerated,
            AuditTarget::of(TargetKind::Statement, statement_id),
        )
        .await?;
        tx.commit().await?;
        let mut state = lock(&live.state);
        state.engine.set_flags(number as usize, flags_of(&statement));
        state.statements[number as usize].1 = statement;
        state.refresh_priorities();
        state.position = state.position.max(position);
        Ok(())
    }

    /// A statement as written with its languages, for the team to translate it.
    pub async fn statement_languages(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        number: u32,
    ) -> Result<Statement> {
        let mut tx = self.begin().await?;
        let (_, live) = self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::RunConversation).await?;
        let (statement_id, statement) =
            lock(&live.state).statements.get(number as usize).cloned().ok_or(AppError::NotFound)?;
        self.record(
            tx.as_mut(),
            who,
            AuditAction::ConversationResultsRead,
            AuditTarget::of(TargetKind::Statement, statement_id),
        )
        .await?;
        tx.commit().await?;
        Ok(statement)
    }

    /// Records the language a statement was written in and the team's translations of it,
    /// replacing those it had. A translation left empty is none. The team decides, as it does
    /// the statements themselves; a translation is moderated with its statement (a statement
    /// moderated out is shown in no language).
    pub async fn set_statement_languages(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        number: u32,
        languages: StatementLanguages,
    ) -> Result<()> {
        let languages = tidied(languages);
        languages.validate()?;
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::RunConversation).await?;
        let known = lock(&live.state).statements.get(number as usize).cloned();
        let (statement_id, statement) = known.ok_or(AppError::NotFound)?;
        self.replace_languages(tx, who, &entered, &live, vec![(statement_id, Statement { languages, ..statement })])
            .await
    }

    /// Replaces the languages of the statements a CSV file lists (`statement,original,ar,…`), in
    /// one transaction: all of them, or at the first problem none, with the line named. The
    /// right to run the conversation is checked before the file is read.
    pub async fn import_statement_translations(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        csv: &str,
    ) -> Result<usize> {
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::RunConversation).await?;
        let import_error = |line: usize, problem: ImportProblem| AppError::Import {
            record: ImportRecord::Line { file: "translations.csv".to_owned(), line },
            problem: Box::new(problem),
        };
        let rows = tracktwo_interchange::read_translations_csv(csv).map_err(|e| import_error(e.line, e.problem))?;
        let mut changed = Vec::with_capacity(rows.len());
        {
            let state = lock(&live.state);
            for row in rows {
                let (statement_id, statement) =
                    state.statements.get(row.statement as usize).cloned().ok_or_else(|| {
                        import_error(row.line, ImportProblem::StatementNotInConversation { statement: row.statement })
                    })?;
                changed.push((statement_id, Statement { languages: tidied(row.languages), ..statement }));
            }
        }
        let count = changed.len();
        self.replace_languages(tx, who, &entered, &live, changed).await?;
        Ok(count)
    }

    /// Writes statements whose languages changed, lists them in the conversation's log, audits
    /// each, commits, and then holds them in memory.
    async fn replace_languages(
        &self,
        mut tx: Box<dyn WriteTx>,
        who: &Identity,
        entered: &Entered,
        live: &LiveConversation,
        changed: Vec<(StatementId, Statement)>,
    ) -> Result<()> {
        let mut records = Vec::with_capacity(changed.len());
        for (statement_id, statement) in &changed {
            let row = tx.sealed_record(statement_id.as_uuid()).await?.ok_or(AppError::NotFound)?;
            self.replace_record(tx.as_mut(), entered, &row, statement).await?;
            self.record(
                tx.as_mut(),
                who,
                AuditAction::StatementTranslated,
                AuditTarget::of(TargetKind::Statement, *statement_id),
            )
            .await?;
            records.push(row.id);
        }
        let position = self.log_changes(tx.as_mut(), live, live.locked(), &records).await?;
        tx.commit().await?;
        let mut state = lock(&live.state);
        for (_, statement) in changed {
            let number = statement.number as usize;
            state.statements[number].1 = statement;
        }
        state.position = state.position.max(position);
        Ok(())
    }

    /// Closes a conversation to votes and statements, or opens it again.
    pub async fn set_conversation_closed(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        closed: bool,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::RunConversation).await?;
        let (row, mut conversation) = {
            let state = lock(&live.state);
            (state.conversation_row.clone(), state.conversation.clone())
        };
        conversation.closed = closed;
        self.replace_record(tx.as_mut(), &entered, &row, &conversation).await?;
        let position = self.log_changes(tx.as_mut(), &live, live.locked(), &[row.id]).await?;
        self.record(tx.as_mut(), who, AuditAction::ConversationUpdated, AuditTarget::of(TargetKind::Conversation, id))
            .await?;
        tx.commit().await?;
        lock(&live.state).conversation = conversation;
        live.reached(position);
        Ok(())
    }

    /// Makes invitation links to a consultation: personal links, or one campaign link with its
    /// voter cap and per-address limit.
    pub async fn create_invitations(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        links: NewLinks,
        label: &str,
    ) -> Result<Vec<IssuedInvitation>> {
        Invitation::validate_label(label)?;
        let (kind, count, limits) = match links {
            NewLinks::Personal { count } => (InvitationKind::Personal, count, None),
            NewLinks::Campaign(limits) => {
                limits.validate()?;
                (InvitationKind::Campaign, 1, Some(limits))
            }
        };
        if !(1..=1_000).contains(&count) {
            return Err(AppError::Invalid(ValidationError::Invalid {
                field: "number of links",
                reason: "must be between 1 and 1000",
            }));
        }
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::RunConversation).await?;
        // Before the mode: a consultation that reached a secret channel before imports were
        // refused there gets no more links either.
        Self::keep_closed(&entered, Outward::InvitationLinks)?;
        if lock(&live.state).conversation.mode != ConversationMode::Consultation {
            return Err(AppError::Invalid(ValidationError::Invalid {
                field: "conversation",
                reason: "is private: its participants vote under their account, without links",
            }));
        }
        let mut issued = Vec::with_capacity(count);
        let mut made = Vec::with_capacity(count);
        for n in 0..count {
            let pass = self.new_pass(id);
            let label = if count > 1 {
                format!("{} {}", label.trim(), n + 1).trim().to_owned()
            } else {
                label.trim().to_owned()
            };
            let invitation =
                Invitation { kind, label, credential: pass.digest(), revoked: false, created_at: self.now(), limits };
            let row_id = self.new_record_id();
            tx.insert_sealed_record(&self.sealed_row(
                &entered.key,
                initiative,
                Some(id.as_uuid()),
                row_id,
                &invitation,
            )?)
            .await?;
            self.record(
                tx.as_mut(),
                who,
                AuditAction::InvitationCreated,
                AuditTarget::of(TargetKind::Invitation, row_id),
            )
            .await?;
            issued.push(IssuedInvitation { id: InvitationId::from_uuid(row_id), pass });
            made.push((InvitationId::from_uuid(row_id), invitation));
        }
        let records: Vec<uuid::Uuid> = made.iter().map(|(id, _)| id.as_uuid()).collect();
        let position = self.log_changes(tx.as_mut(), &live, live.locked(), &records).await?;
        tx.commit().await?;
        let mut state = lock(&live.state);
        for (invitation_id, invitation) in made {
            // A catch-up may have read them back already.
            if state.invitations.iter().any(|(i, _)| *i == invitation_id) {
                continue;
            }
            let index = state.invitations.len();
            state.invitation_by_credential.insert(invitation.credential.clone(), index);
            state.invitations.push((invitation_id, invitation));
        }
        state.position = state.position.max(position);
        Ok(issued)
    }

    /// Revokes an invitation link: nobody new joins through it, and a personal link's voter can
    /// vote no more.
    pub async fn revoke_invitation(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
        invitation: InvitationId,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::RunConversation).await?;
        let (index, mut value) = {
            let state = lock(&live.state);
            let index = state.invitations.iter().position(|(i, _)| *i == invitation).ok_or(AppError::NotFound)?;
            (index, state.invitations[index].1.clone())
        };
        value.revoked = true;
        let row = tx.sealed_record(invitation.as_uuid()).await?.ok_or(AppError::NotFound)?;
        self.replace_record(tx.as_mut(), &entered, &row, &value).await?;
        let position = self.log_changes(tx.as_mut(), &live, live.locked(), &[row.id]).await?;
        self.record(
            tx.as_mut(),
            who,
            AuditAction::InvitationRevoked,
            AuditTarget::of(TargetKind::Invitation, invitation),
        )
        .await?;
        tx.commit().await?;
        lock(&live.state).invitations[index].1 = value;
        live.reached(position);
        Ok(())
    }

    /// Everything needed to write the conversation as a Pol.is export.
    pub async fn export_conversation(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        id: ConversationId,
    ) -> Result<ConversationExport> {
        let mut tx = self.begin().await?;
        let (entered, live) =
            self.enter_conversation(tx.as_mut(), who, initiative, id, Operation::ReadConversationResults).await?;
        let mut votes: Vec<CastVote> = self
            .load_all::<CastVote>(tx.as_mut(), &entered, initiative, Some(id.as_uuid()))
            .await?
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        votes.sort_by_key(|v| v.seq);
        let side_names = self.side_names(tx.as_mut(), &entered.key, initiative).await?;
        self.record(tx.as_mut(), who, AuditAction::ConversationExported, AuditTarget::of(TargetKind::Conversation, id))
            .await?;
        tx.commit().await?;
        let mut state = lock(&live.state);
        // The groups of every vote exported: an export is asked for rarely, so it is worth a
        // full recompute whatever the conversation's size.
        if state.engine.votes_since_recompute() > 0 {
            state.engine.recompute();
            state.analysed_at = self.now();
        }
        let analysis = state.engine.results();
        Ok(ConversationExport {
            title: state.conversation.title.clone(),
            question: state.conversation.question.clone(),
            statements: state.statements.iter().map(|(_, s)| s.clone()).collect(),
            votes,
            sides: state
                .voters
                .iter()
                .filter_map(|(_, v)| v.side.and_then(|s| side_names.get(&s)).map(|name| (v.number, name.clone())))
                .collect(),
            voters_joined: state.voters.len() as u32,
            groups: analysis.participants.iter().map(|p| p.group).collect(),
            group_count: analysis.groups.len(),
        })
    }

    /// Imports a pasted Pol.is export (its comments.csv and votes.csv) as a new conversation.
    /// The right to run conversations is checked before the files are read, so a caller who may
    /// not import learns nothing from what the files hold; a file that cannot be read is
    /// [`AppError::Import`], naming the file and the line.
    pub async fn import_polis_export(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        title: &str,
        comments: &[u8],
        votes: &[u8],
    ) -> Result<ConversationId> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::RunConversation).await?;
        tx.commit().await?;
        Self::keep_closed(&entered, Outward::PolisImport)?;
        let import = crate::polis_format::read_import(title, comments, votes)?;
        self.import_conversation(who, initiative, import).await
    }

    /// Imports a Pol.is export as a new conversation, in one transaction: all of it or nothing.
    /// Its voters come without credentials: they are the export's, and vote no more here.
    pub async fn import_conversation(
        &self,
        who: &Identity,
        initiative: InitiativeId,
        import: ConversationImport,
    ) -> Result<ConversationId> {
        import.conversation.validate()?;
        let count = import.statements.len();
        for (i, (number, text, _)) in import.statements.iter().enumerate() {
            if *number as usize != i {
                return Err(PolisImportError::StatementOutOfOrder { number: *number }.into());
            }
            // Pol.is allows longer comments than we do; an export is taken as it is.
            if text.trim().is_empty() || text.chars().count() > STATEMENT_MAX {
                return Err(PolisImportError::StatementLength { number: *number, max: STATEMENT_MAX }.into());
            }
        }
        let voters = import.votes.iter().map(|v| v.0 as usize + 1).max().unwrap_or(0);
        if let Some((voter, statement, _)) = import.votes.iter().find(|v| v.1 as usize >= count) {
            return Err(PolisImportError::NoSuchStatement { participant: *voter, statement: *statement }.into());
        }
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::RunConversation).await?;
        // Whatever mode it names, an import is refused there: the format is a consultation's.
        Self::keep_closed(&entered, Outward::PolisImport)?;
        let id = self.new_record_id();
        tx.insert_sealed_record(&self.sealed_row(&entered.key, initiative, None, id, &import.conversation)?).await?;
        let now = self.now();
        for (number, text, moderated_out) in &import.statements {
            let statement = Statement {
                number: *number,
                text: text.trim().to_owned(),
                status: if *moderated_out { StatementStatus::Rejected } else { StatementStatus::Accepted },
                origin: StatementOrigin::Imported,
                meta: false,
                submitted_at: now,
                languages: Default::default(),
            };
            tx.insert_sealed_record(&self.sealed_row(
                &entered.key,
                initiative,
                Some(id),
                self.new_record_id(),
                &statement,
            )?)
            .await?;
        }
        for number in 0..voters {
            let voter = Voter {
                number: number as u32,
                credential: None,
                member: None,
                side: None,
                segment: None,
                invitation: None,
                joined_at: None,
            };
            tx.insert_sealed_record(&self.sealed_row(
                &entered.key,
                initiative,
                Some(id),
                self.new_record_id(),
                &voter,
            )?)
            .await?;
        }
        for (seq, (voter, statement, vote)) in import.votes.iter().enumerate() {
            let cast = CastVote { seq: seq as u64, voter: *voter, statement: *statement, vote: *vote, at: now };
            tx.insert_sealed_record(&self.sealed_row(
                &entered.key,
                initiative,
                Some(id),
                self.new_record_id(),
                &cast,
            )?)
            .await?;
        }
        self.record(tx.as_mut(), who, AuditAction::ConversationImported, AuditTarget::of(TargetKind::Conversation, id))
            .await?;
        tx.commit().await?;
        Ok(ConversationId::from_uuid(id))
    }
}
