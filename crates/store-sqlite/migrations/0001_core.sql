-- The confidential core. Every column that could hold user-entered text is a BLOB of
-- authenticated ciphertext; identifiers (UUID text), enumerations and timestamps (microseconds
-- since the Unix epoch) are plain.

CREATE TABLE store_meta (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    format_version  INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    key_source      TEXT    NOT NULL CHECK (key_source IN ('key-file', 'passphrase')),
    kdf_salt        BLOB,
    kdf_memory_kib  INTEGER,
    kdf_iterations  INTEGER,
    kdf_parallelism INTEGER,
    key_check       BLOB    NOT NULL
);

CREATE TABLE data_keys (
    id            TEXT    PRIMARY KEY,
    scope         TEXT    NOT NULL CHECK (scope IN ('system', 'initiative')),
    initiative_id TEXT,
    wrapped       BLOB    NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX data_keys_one_system_key ON data_keys (scope) WHERE scope = 'system';

CREATE TABLE users (
    id             TEXT    PRIMARY KEY,
    username       BLOB    NOT NULL,
    username_index BLOB    NOT NULL UNIQUE,
    display_name   BLOB    NOT NULL,
    is_admin       BOOLEAN NOT NULL,
    disabled       BOOLEAN NOT NULL,
    created_at     INTEGER NOT NULL
);

CREATE TABLE tokens (
    id         TEXT    PRIMARY KEY,
    user_id    TEXT    NOT NULL REFERENCES users (id),
    digest     BLOB    NOT NULL UNIQUE,
    label      BLOB    NOT NULL,
    created_at INTEGER NOT NULL,
    revoked    BOOLEAN NOT NULL
);

CREATE TABLE initiatives (
    id          TEXT    PRIMARY KEY,
    key_id      TEXT    NOT NULL,
    title       BLOB    NOT NULL,
    description BLOB    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE members (
    initiative_id TEXT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    user_id       TEXT NOT NULL REFERENCES users (id),
    role          TEXT NOT NULL,
    PRIMARY KEY (initiative_id, user_id)
);

CREATE TABLE people (
    id            TEXT    PRIMARY KEY,
    initiative_id TEXT    NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    name          BLOB    NOT NULL,
    title         BLOB    NOT NULL,
    contact       BLOB    NOT NULL,
    notes         BLOB    NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX people_by_initiative ON people (initiative_id, created_at);

CREATE TABLE notes (
    id            TEXT    PRIMARY KEY,
    initiative_id TEXT    NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    author_id     TEXT,
    body          BLOB    NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX notes_by_initiative ON notes (initiative_id, created_at);

CREATE TABLE documents (
    id            TEXT    PRIMARY KEY,
    initiative_id TEXT    NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    title         BLOB    NOT NULL,
    body          BLOB    NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX documents_by_initiative ON documents (initiative_id, created_at);

CREATE TABLE audit_events (
    seq         INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    target_kind TEXT    NOT NULL,
    target_id   TEXT    NOT NULL,
    prev_mac    BLOB    NOT NULL,
    mac         BLOB    NOT NULL
);

-- The chain's head: the newest event's sequence number and MAC. Appends update it in the same
-- transaction, so a removed tail no longer matches it.
CREATE TABLE audit_head (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    mac BLOB    NOT NULL
);
INSERT INTO audit_head (id, seq, mac) VALUES (1, 0, zeroblob(32));
