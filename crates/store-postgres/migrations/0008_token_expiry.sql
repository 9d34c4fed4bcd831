-- API tokens expire, and the last use of each is kept (format 3). Both columns are covered by
-- the row's MAC, so a database writer can neither extend a token nor hide its use. A token of an
-- older store reads 0 ("expired at the epoch") until the key holder's first opening gives it its
-- expiry and a MAC over the new columns; a row whose old MAC fails is left as it is, refused.
ALTER TABLE tokens ADD COLUMN expires_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tokens ADD COLUMN last_used_at BIGINT;
