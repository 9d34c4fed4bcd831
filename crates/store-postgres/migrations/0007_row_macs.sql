-- Every row an access decision reads carries a MAC under a key derived from the master key,
-- which the database never sees (format 2). The application computes it; a row whose MAC is
-- missing or wrong is refused when read. A store of format 1 gets its MACs from the key holder
-- the first time it is opened, so the column starts empty.
ALTER TABLE users ADD COLUMN mac BYTEA;
ALTER TABLE recovery_codes ADD COLUMN mac BYTEA;
ALTER TABLE sessions ADD COLUMN mac BYTEA;
ALTER TABLE tokens ADD COLUMN mac BYTEA;
ALTER TABLE initiatives ADD COLUMN mac BYTEA;
ALTER TABLE members ADD COLUMN mac BYTEA;
ALTER TABLE sides ADD COLUMN mac BYTEA;
ALTER TABLE people ADD COLUMN mac BYTEA;
ALTER TABLE notes ADD COLUMN mac BYTEA;
ALTER TABLE documents ADD COLUMN mac BYTEA;
ALTER TABLE actors ADD COLUMN mac BYTEA;
ALTER TABLE ties ADD COLUMN mac BYTEA;
ALTER TABLE registry_entries ADD COLUMN mac BYTEA;
ALTER TABLE map_snapshots ADD COLUMN mac BYTEA;
ALTER TABLE sealed_records ADD COLUMN mac BYTEA;
