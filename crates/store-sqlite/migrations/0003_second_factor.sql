-- TOTP second factor. The shared secret is sealed with the system key; the last accepted time
-- step stops a code from being used twice; recovery codes are kept as SHA-256 digests.

ALTER TABLE users ADD COLUMN totp_secret BLOB;
ALTER TABLE users ADD COLUMN totp_enabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;

CREATE TABLE recovery_codes (
    user_id TEXT    NOT NULL REFERENCES users (id),
    digest  BLOB    NOT NULL,
    used    BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, digest)
);
