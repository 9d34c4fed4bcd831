-- The nine-track system map and the participant registry. Each record is one sealed body:
-- names, tracks, sides, the ends of ties and every registry field are ciphertext, so neither
-- the people on the map nor its shape can be read from the database.

CREATE TABLE actors (
    id            TEXT    PRIMARY KEY,
    initiative_id TEXT    NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    body          BYTEA    NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX actors_by_initiative ON actors (initiative_id, created_at);

CREATE TABLE ties (
    id            TEXT    PRIMARY KEY,
    initiative_id TEXT    NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    body          BYTEA    NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX ties_by_initiative ON ties (initiative_id, created_at);

CREATE TABLE registry_entries (
    actor_id      TEXT    PRIMARY KEY REFERENCES actors (id) ON DELETE CASCADE,
    initiative_id TEXT    NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    body          BYTEA    NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX registry_by_initiative ON registry_entries (initiative_id);

-- Named, dated snapshots of the map ("before the first round"): label, date and note sealed.
CREATE TABLE map_snapshots (
    id            TEXT    PRIMARY KEY,
    initiative_id TEXT    NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    body          BYTEA    NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX map_snapshots_by_initiative ON map_snapshots (initiative_id, created_at);
