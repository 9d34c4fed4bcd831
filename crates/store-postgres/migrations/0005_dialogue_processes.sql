-- Dialogue processes (design, rounds, meetings, notes, speaker keys, options, follow-ups, note
-- drafts) and their transfer to Track One (readouts and their copies, the transfer and
-- coordination logs, the official track's events). Each is one sealed body; the kind, the
-- initiative, the parent record (a note's meeting) and the times are all a database
-- administrator can see.

CREATE TABLE sealed_records (
    id            TEXT    PRIMARY KEY,
    initiative_id TEXT    NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL CHECK (kind IN ('process-design', 'round', 'meeting', 'meeting-note',
                                                   'speaker-key', 'option', 'follow-up', 'note-draft',
                                                   'readout', 'readout-copy', 'transfer', 'coordination',
                                                   'official-event')),
    parent_id     TEXT,
    body          BYTEA    NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX sealed_records_by_kind ON sealed_records (initiative_id, kind, created_at);
CREATE INDEX sealed_records_by_parent ON sealed_records (parent_id);
