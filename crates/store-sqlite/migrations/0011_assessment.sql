-- Assessment: harvested outcomes and their substantiations, reflections on the theory of change,
-- questionnaires with their sealed responses, and the results framework's indicators are sealed
-- records like the rest. A database administrator sees how many there are and when they were
-- written; nothing of what they say, who changed, or how anyone answered.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt.

CREATE TABLE sealed_records_new (
    id            TEXT    PRIMARY KEY,
    initiative_id TEXT    NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL CHECK (kind IN ('process-design', 'round', 'meeting', 'meeting-note',
                                                   'speaker-key', 'option', 'follow-up', 'note-draft',
                                                   'readout', 'readout-copy', 'transfer', 'coordination',
                                                   'official-event', 'conversation', 'statement',
                                                   'invitation', 'voter', 'vote',
                                                   'negotiating-text', 'text-version', 'text-comment',
                                                   'text-suggestion', 'text-sign-off',
                                                   'outcome', 'substantiation', 'reflection',
                                                   'questionnaire', 'questionnaire-response',
                                                   'indicator')),
    parent_id     TEXT,
    body          BLOB    NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    mac           BLOB
);
INSERT INTO sealed_records_new SELECT id, initiative_id, kind, parent_id, body, created_at, updated_at, mac FROM sealed_records;
DROP TABLE sealed_records;
ALTER TABLE sealed_records_new RENAME TO sealed_records;
CREATE INDEX sealed_records_by_kind ON sealed_records (initiative_id, kind, created_at);
CREATE INDEX sealed_records_by_parent ON sealed_records (parent_id);
