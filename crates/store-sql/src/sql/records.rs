//! The records kept within an initiative: people, notes and documents.

use tracktwo_domain::{DocumentId, InitiativeId, NoteId, PersonId};
use tracktwo_store::{DocumentRow, NoteRow, PersonRow, Result};

use crate::authenticated::{DOCUMENTS, NOTES, PEOPLE};
use crate::decode::{document_from, note_from, person_from};
use crate::encode::{document_values, note_values, person_values, text};
use crate::tx::SqlTx;

pub(super) async fn insert_person(tx: &mut SqlTx, person: &PersonRow) -> Result<()> {
    tx.insert_row(&PEOPLE, person_values(person)).await
}

pub(super) async fn person(tx: &mut SqlTx, id: PersonId) -> Result<Option<PersonRow>> {
    tx.checked_one(&PEOPLE, "SELECT * FROM people WHERE id = $1", vec![text(id)], person_from).await
}

pub(super) async fn people(tx: &mut SqlTx, initiative: InitiativeId) -> Result<Vec<PersonRow>> {
    tx.checked_many(
        &PEOPLE,
        "SELECT * FROM people WHERE initiative_id = $1 ORDER BY created_at, id",
        vec![text(initiative)],
        person_from,
    )
    .await
}

pub(super) async fn insert_note(tx: &mut SqlTx, note: &NoteRow) -> Result<()> {
    tx.insert_row(&NOTES, note_values(note)).await
}

pub(super) async fn note(tx: &mut SqlTx, id: NoteId) -> Result<Option<NoteRow>> {
    tx.checked_one(&NOTES, "SELECT * FROM notes WHERE id = $1", vec![text(id)], note_from).await
}

pub(super) async fn notes(tx: &mut SqlTx, initiative: InitiativeId) -> Result<Vec<NoteRow>> {
    tx.checked_many(
        &NOTES,
        "SELECT * FROM notes WHERE initiative_id = $1 ORDER BY created_at, id",
        vec![text(initiative)],
        note_from,
    )
    .await
}

pub(super) async fn insert_document(tx: &mut SqlTx, document: &DocumentRow) -> Result<()> {
    tx.insert_row(&DOCUMENTS, document_values(document)).await
}

pub(super) async fn document(tx: &mut SqlTx, id: DocumentId) -> Result<Option<DocumentRow>> {
    tx.checked_one(&DOCUMENTS, "SELECT * FROM documents WHERE id = $1", vec![text(id)], document_from).await
}

pub(super) async fn documents(tx: &mut SqlTx, initiative: InitiativeId) -> Result<Vec<DocumentRow>> {
    tx.checked_many(
        &DOCUMENTS,
        "SELECT * FROM documents WHERE initiative_id = $1 ORDER BY created_at, id",
        vec![text(initiative)],
        document_from,
    )
    .await
}
