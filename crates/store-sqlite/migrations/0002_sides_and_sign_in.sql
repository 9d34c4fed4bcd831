-- Sides and caucus spaces, secret channels, passwords with lockout, and browser sessions.

ALTER TABLE initiatives ADD COLUMN secret_channel BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE sides (
    id            TEXT    PRIMARY KEY,
    initiative_id TEXT    NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    name          BLOB    NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX sides_by_initiative ON sides (initiative_id, created_at);

ALTER TABLE members ADD COLUMN side_id TEXT REFERENCES sides (id) ON DELETE CASCADE;
ALTER TABLE notes ADD COLUMN side_id TEXT REFERENCES sides (id) ON DELETE CASCADE;

-- A PHC string (Argon2id); not user text, and useless without a dictionary attack on Argon2id.
ALTER TABLE users ADD COLUMN password_hash TEXT;
ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until INTEGER;

-- Sessions are found by the SHA-256 of their random token; the token itself lives only in the
-- browser's cookie. They are not part of backups.
CREATE TABLE sessions (
    digest       BLOB    PRIMARY KEY,
    user_id      TEXT    NOT NULL REFERENCES users (id),
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    revoked      BOOLEAN NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
