-- Negotiating texts: the text, each version's body, comments, suggested wordings and sign-offs
-- are sealed records like those of a dialogue process. A database administrator sees how many
-- versions and comments a text has, and when they were written; nothing of what they say.
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
                                                   'text-suggestion', 'text-sign-off')),
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
