-- The confidential core. Every column that could hold user-entered text is a BYTEA of
-- authenticated ciphertext; identifiers (UUID text), enumerations and timestamps (microseconds
-- since the Unix epoch) are plain.

CREATE TABLE store_meta (
    id              SMALLINT PRIMARY KEY CHECK (id = 1),
    format_version  BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    key_source      TEXT    NOT NULL CHECK (key_source IN ('key-file', 'passphrase')),
    kdf_salt        BYTEA,
    kdf_memory_kib  BIGINT,
    kdf_iterations  BIGINT,
    kdf_parallelism BIGINT,
    key_check       BYTEA    NOT NULL
);

CREATE TABLE data_keys (
    id            TEXT    PRIMARY KEY,
    scope         TEXT    NOT NULL CHECK (scope IN ('system', 'initiative')),
    initiative_id TEXT,
    wrapped       BYTEA    NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE UNIQUE INDEX data_keys_one_system_key ON data_keys (scope) WHERE scope = 'system';

CREATE TABLE users (
    id             TEXT    PRIMARY KEY,
    username       BYTEA    NOT NULL,
    username_index BYTEA    NOT NULL UNIQUE,
    display_name   BYTEA    NOT NULL,
    is_admin       BOOLEAN NOT NULL,
    disabled       BOOLEAN NOT NULL,
    created_at     BIGINT NOT NULL
);

CREATE TABLE tokens (
    id         TEXT    PRIMARY KEY,
    user_id    TEXT    NOT NULL REFERENCES users (id),
    digest     BYTEA    NOT NULL UNIQUE,
    label      BYTEA    NOT NULL,
    created_at BIGINT NOT NULL,
    revoked    BOOLEAN NOT NULL
);

CREATE TABLE initiatives (
    id          TEXT    PRIMARY KEY,
    key_id      TEXT    NOT NULL,
    title       BYTEA    NOT NULL,
    description BYTEA    NOT NULL,
    created_at  BIGINT NOT NULL
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
    name          BYTEA    NOT NULL,
    title         BYTEA    NOT NULL,
    contact       BYTEA    NOT NULL,
    notes         BYTEA    NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX people_by_initiative ON people (initiative_id, created_at);

CREATE TABLE notes (
    id            TEXT    PRIMARY KEY,
    initiative_id TEXT    NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    author_id     TEXT,
    body          BYTEA    NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX notes_by_initiative ON notes (initiative_id, created_at);

CREATE TABLE documents (
    id            TEXT    PRIMARY KEY,
    initiative_id TEXT    NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    title         BYTEA    NOT NULL,
    body          BYTEA    NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX documents_by_initiative ON documents (initiative_id, created_at);

CREATE TABLE audit_events (
    seq         BIGINT PRIMARY KEY,
    at          BIGINT NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    target_kind TEXT    NOT NULL,
    target_id   TEXT    NOT NULL,
    prev_mac    BYTEA    NOT NULL,
    mac         BYTEA    NOT NULL
);

-- The chain's head: the newest event's sequence number and MAC. Appends update it in the same
-- transaction, so a removed tail no longer matches it.
CREATE TABLE audit_head (
    id  SMALLINT PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    mac BYTEA    NOT NULL
);
INSERT INTO audit_head (id, seq, mac) VALUES (1, 0, decode(repeat('00', 32), 'hex'));
