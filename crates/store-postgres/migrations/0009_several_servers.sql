-- Several servers on one database (PostgreSQL; SQLite has one server, but keeps the same tables).
--
-- Each conversation has a change log: every record a write adds or replaces under the
-- conversation is listed at the next position, and the head row is locked by every writer until
-- it commits, so positions follow commit order. A server catches up on the records past the
-- position it holds in memory; the log holds identifiers only, never a body.
CREATE TABLE conversation_heads (
    conversation_id TEXT    PRIMARY KEY,
    initiative_id   TEXT    NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    position        BIGINT  NOT NULL
);
CREATE TABLE conversation_changes (
    conversation_id TEXT    NOT NULL,
    position        BIGINT  NOT NULL,
    initiative_id   TEXT    NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    record_id       TEXT    NOT NULL,
    PRIMARY KEY (conversation_id, position)
);

-- Sign-in failures, shared by every server so that guesses spread over several count as on one.
-- The key is a keyed hash of the account's blind index and the client's address group (or of
-- the address group alone): no address and no username is stored.
CREATE TABLE sign_in_failures (
    key      BYTEA   PRIMARY KEY,
    failures BIGINT  NOT NULL,
    last_at  BIGINT  NOT NULL
);
CREATE INDEX sign_in_failures_by_last ON sign_in_failures (last_at);
