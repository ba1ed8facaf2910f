-- Parley schema, version 1. Portable SQL: the same statements run on SQLite and PostgreSQL.
-- Ids are text (content hashes and derived keys), so no backend-specific sequences are needed and
-- re-ingesting the same material maps to the same rows.

CREATE TABLE documents (
    id          TEXT PRIMARY KEY,          -- sha256 of the normalised text
    source      TEXT NOT NULL,             -- path or URL as given
    url         TEXT,
    title       TEXT,
    publisher   TEXT,
    published   TEXT,                      -- YYYY-MM-DD
    language    TEXT NOT NULL DEFAULT 'en',
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_publisher ON documents (publisher);

-- One row per real person (or body), shared by every document that mentions them.
CREATE TABLE actors (
    id      TEXT PRIMARY KEY,              -- normalised name key, see store.keys
    name    TEXT NOT NULL,
    country TEXT,
    kind    TEXT NOT NULL DEFAULT 'person'
);
CREATE TABLE actor_aliases (
    actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    alias    TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
);

-- Engagements group the events of several documents that report the same meeting, call or visit.
CREATE TABLE engagements (
    id         TEXT PRIMARY KEY,
    type       TEXT NOT NULL,
    date       TEXT,
    location   TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE events (
    id            TEXT PRIMARY KEY,        -- document id + ':' + local id
    doc_id        TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local_id      TEXT NOT NULL,
    type          TEXT NOT NULL,
    is_primary    INTEGER NOT NULL DEFAULT 0,
    date          TEXT,
    location      TEXT,
    modality      TEXT NOT NULL,
    engagement_id TEXT REFERENCES engagements (id) ON DELETE SET NULL
);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_type_date ON events (type, date);
CREATE INDEX events_engagement ON events (engagement_id);

CREATE TABLE participants (
    event_id     TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    actor_id     TEXT NOT NULL REFERENCES actors (id),
    name         TEXT NOT NULL,
    country      TEXT,
    title        TEXT,
    organization TEXT,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX participants_actor ON participants (actor_id);
CREATE INDEX participants_country ON participants (country);

CREATE TABLE statements (
    id               TEXT PRIMARY KEY,     -- document id + ':s' + position
    doc_id           TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    speaker_actor_id TEXT REFERENCES actors (id),
    speaker_name     TEXT NOT NULL,
    speaker_country  TEXT,
    text             TEXT NOT NULL,
    event_id         TEXT REFERENCES events (id) ON DELETE SET NULL
);
CREATE INDEX statements_doc ON statements (doc_id);
CREATE INDEX statements_speaker ON statements (speaker_actor_id);

CREATE TABLE topics (
    slug       TEXT PRIMARY KEY,
    label      TEXT NOT NULL,
    definition TEXT
);
CREATE TABLE statement_topics (
    statement_id TEXT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    topic        TEXT NOT NULL REFERENCES topics (slug),
    PRIMARY KEY (statement_id, topic)
);

-- Evidence: character offsets into documents.text for every stored claim.
CREATE TABLE evidence (
    id           TEXT PRIMARY KEY,
    doc_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    owner_type   TEXT NOT NULL,            -- event | statement
    owner_id     TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT NOT NULL,
    rule         TEXT
);
CREATE INDEX evidence_owner ON evidence (owner_type, owner_id);
