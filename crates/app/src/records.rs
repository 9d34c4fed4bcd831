//! Records kept within an initiative: the roster of people, notes and documents. Each read is
//! audited, record by record.

use tracktwo_crypto::DataKey;
use tracktwo_domain::{
    AuditAction, AuditTarget, Document, DocumentId, Identity, InitiativeId, NewDocument, NewNote, NewPerson, Note,
    NoteId, Operation, Person, PersonId, Scope, TargetKind,
};
use tracktwo_store::{DocumentRow, NoteRow, PersonRow};

use crate::sealing::place;
use crate::{App, AppError, Result};

impl App {
    pub(crate) fn person_from_row(&self, key: &DataKey, row: &PersonRow) -> Result<Person> {
        Ok(Person {
            id: row.id,
            initiative: row.initiative,
            name: self.open_field(key, place!("people"."name" @ row.id), &row.name)?,
            title: self.open_field(key, place!("people"."title" @ row.id), &row.title)?,
            contact: self.open_field(key, place!("people"."contact" @ row.id), &row.contact)?,
            notes: self.open_field(key, place!("people"."notes" @ row.id), &row.notes)?,
            created_at: row.created_at,
        })
    }

    pub(crate) fn note_from_row(&self, key: &DataKey, row: &NoteRow) -> Result<Note> {
        Ok(Note {
            id: row.id,
            initiative: row.initiative,
            scope: scope_of(row),
            author: row.author,
            body: self.open_field(key, place!("notes"."body" @ row.id), &row.body)?,
            created_at: row.created_at,
        })
    }

    pub(crate) fn document_from_row(&self, key: &DataKey, row: &DocumentRow) -> Result<Document> {
        Ok(Document {
            id: row.id,
            initiative: row.initiative,
            title: self.open_field(key, place!("documents"."title" @ row.id), &row.title)?,
            body: self.open_field(key, place!("documents"."body" @ row.id), &row.body)?,
            created_at: row.created_at,
        })
    }

    pub async fn add_person(&self, who: &Identity, initiative: InitiativeId, new: NewPerson) -> Result<Person> {
        new.validate()?;
        let mut tx = self.begin().await?;
        let key = self.enter(tx.as_mut(), who, initiative, Operation::WritePeople).await?.key;
        let id = PersonId::from_random_bytes(self.random());
        let row = PersonRow {
            id,
            initiative,
            name: self.seal_field(&key, place!("people"."name" @ id), &new.name),
            title: self.seal_field(&key, place!("people"."title" @ id), &new.title),
            contact: self.seal_field(&key, place!("people"."contact" @ id), &new.contact),
            notes: self.seal_field(&key, place!("people"."notes" @ id), &new.notes),
            created_at: self.now(),
        };
        tx.insert_person(&row).await?;
        self.record(tx.as_mut(), who, AuditAction::PersonCreated, AuditTarget::of(TargetKind::Person, id)).await?;
        tx.commit().await?;
        Ok(Person {
            id,
            initiative,
            name: new.name,
            title: new.title,
            contact: new.contact,
            notes: new.notes,
            created_at: row.created_at,
        })
    }

    pub async fn person(&self, who: &Identity, initiative: InitiativeId, id: PersonId) -> Result<Person> {
        let mut tx = self.begin().await?;
        let key = self.enter(tx.as_mut(), who, initiative, Operation::ReadPeople).await?.key;
        let row = tx.person(id).await?.filter(|row| row.initiative == initiative).ok_or(AppError::NotFound)?;
        let person = self.person_from_row(&key, &row)?;
        self.record(tx.as_mut(), who, AuditAction::PersonRead, AuditTarget::of(TargetKind::Person, id)).await?;
        tx.commit().await?;
        Ok(person)
    }

    pub async fn people(&self, who: &Identity, initiative: InitiativeId) -> Result<Vec<Person>> {
        let mut tx = self.begin().await?;
        let key = self.enter(tx.as_mut(), who, initiative, Operation::ReadPeople).await?.key;
        let mut out = Vec::new();
        for row in tx.people(initiative).await? {
            out.push(self.person_from_row(&key, &row)?);
            self.record(tx.as_mut(), who, AuditAction::PersonRead, AuditTarget::of(TargetKind::Person, row.id)).await?;
        }
        tx.commit().await?;
        Ok(out)
    }

    /// Records a note in the plenary record or in one side's caucus.
    pub async fn add_note(&self, who: &Identity, initiative: InitiativeId, new: NewNote) -> Result<Note> {
        new.validate()?;
        let mut tx = self.begin().await?;
        let key = self.enter(tx.as_mut(), who, initiative, Operation::WriteRecord(new.scope)).await?.key;
        let side = caucus_side(new.scope);
        if let Some(side) = side {
            Self::check_side(tx.as_mut(), initiative, side).await?;
        }
        let id = NoteId::from_random_bytes(self.random());
        let row = NoteRow {
            id,
            initiative,
            side,
            author: who.user_id(),
            body: self.seal_field(&key, place!("notes"."body" @ id), &new.body),
            created_at: self.now(),
        };
        tx.insert_note(&row).await?;
        self.record(tx.as_mut(), who, AuditAction::NoteCreated, AuditTarget::of(TargetKind::Note, id)).await?;
        tx.commit().await?;
        Ok(Note { id, initiative, scope: new.scope, author: row.author, body: new.body, created_at: row.created_at })
    }

    /// One note. Another side's caucus note is "not found", as if it did not exist.
    pub async fn note(&self, who: &Identity, initiative: InitiativeId, id: NoteId) -> Result<Note> {
        let mut tx = self.begin().await?;
        let entered = self.enter(tx.as_mut(), who, initiative, Operation::ViewInitiative).await?;
        let row = tx.note(id).await?.filter(|row| row.initiative == initiative).ok_or(AppError::NotFound)?;
        Self::also(who, &entered, Operation::ReadRecord(scope_of(&row)))?;
        let note = self.note_from_row(&entered.key, &row)?;
        self.record(tx.as_mut(), who, AuditAction::NoteRead, AuditTarget::of(TargetKind::Note, id)).await?;
        tx.commit().await?;
        Ok(note)
    }

    /// The notes of one scope: the plenary record, or one side's caucus.
    pub async fn notes(&self, who: &Identity, initiative: InitiativeId, scope: Scope) -> Result<Vec<Note>> {
        let mut tx = self.begin().await?;
        let key = self.enter(tx.as_mut(), who, initiative, Operation::ReadRecord(scope)).await?.key;
        if let Some(side) = caucus_side(scope) {
            Self::check_side(tx.as_mut(), initiative, side).await?;
        }
        let mut out = Vec::new();
        for row in tx.notes(initiative).await?.into_iter().filter(|row| scope_of(row) == scope) {
            out.push(self.note_from_row(&key, &row)?);
            self.record(tx.as_mut(), who, AuditAction::NoteRead, AuditTarget::of(TargetKind::Note, row.id)).await?;
        }
        tx.commit().await?;
        Ok(out)
    }

    pub async fn add_document(&self, who: &Identity, initiative: InitiativeId, new: NewDocument) -> Result<Document> {
        new.validate()?;
        let mut tx = self.begin().await?;
        let key = self.enter(tx.as_mut(), who, initiative, Operation::WriteRecord(Scope::Plenary)).await?.key;
        let id = DocumentId::from_random_bytes(self.random());
        let row = DocumentRow {
            id,
            initiative,
            title: self.seal_field(&key, place!("documents"."title" @ id), &new.title),
            body: self.seal_field(&key, place!("documents"."body" @ id), &new.body),
            created_at: self.now(),
        };
        tx.insert_document(&row).await?;
        self.record(tx.as_mut(), who, AuditAction::DocumentCreated, AuditTarget::of(TargetKind::Document, id)).await?;
        tx.commit().await?;
        Ok(Document { id, initiative, title: new.title, body: new.body, created_at: row.created_at })
    }

    pub async fn document(&self, who: &Identity, initiative: InitiativeId, id: DocumentId) -> Result<Document> {
        let mut tx = self.begin().await?;
        let key = self.enter(tx.as_mut(), who, initiative, Operation::ReadRecord(Scope::Plenary)).await?.key;
        let row = tx.document(id).await?.filter(|row| row.initiative == initiative).ok_or(AppError::NotFound)?;
        let document = self.document_from_row(&key, &row)?;
        self.record(tx.as_mut(), who, AuditAction::DocumentRead, AuditTarget::of(TargetKind::Document, id)).await?;
        tx.commit().await?;
        Ok(document)
    }

    pub async fn documents(&self, who: &Identity, initiative: InitiativeId) -> Result<Vec<Document>> {
        let mut tx = self.begin().await?;
        let key = self.enter(tx.as_mut(), who, initiative, Operation::ReadRecord(Scope::Plenary)).await?.key;
        let mut out = Vec::new();
        for row in tx.documents(initiative).await? {
            out.push(self.document_from_row(&key, &row)?);
            self.record(tx.as_mut(), who, AuditAction::DocumentRead, AuditTarget::of(TargetKind::Document, row.id))
                .await?;
        }
        tx.commit().await?;
        Ok(out)
    }
}

fn scope_of(row: &NoteRow) -> Scope {
    row.side.map_or(Scope::Plenary, Scope::Caucus)
}

fn caucus_side(scope: Scope) -> Option<tracktwo_domain::SideId> {
    match scope {
        Scope::Plenary => None,
        Scope::Caucus(side) => Some(side),
    }
}
