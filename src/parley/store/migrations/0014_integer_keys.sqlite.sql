-- Integer surrogate keys inside the database (issue 10).  Every table that repeated a 64-character
-- document id (or an event id "<sha>:e1", a statement id "<sha>:s0", an evidence id built on those,
-- an engagement id) refers to its parent by an integer instead: new rows get the next number, so
-- they are appended at the right edge of each B-tree (a few pages per batch) instead of landing on
-- a different leaf of every index for every row, and each index entry is a few bytes.
--
-- The public ids do not change: documents.id (the sha256) and engagements.id stay, UNIQUE; an
-- event's id is still documents.id || ':' || events.local_id and a statement's documents.id ||
-- ':s' || statements.position, computed where they are shown.  Actors keep their text ids.
--
-- Each table is rebuilt (create, copy set-based, drop, rename): the old rows keep their order, the
-- numbers follow it.  Runs with foreign keys off (parley.store.db.Database.migrate), as SQLite's
-- own procedure for rebuilding a table asks; the views are dropped first and made again at the end.

DROP VIEW IF EXISTS event_participants;
DROP VIEW IF EXISTS engagement_reports;
DROP VIEW IF EXISTS statements_with_topics;
DROP VIEW IF EXISTS people;
DROP VIEW IF EXISTS evidence_spans;

-- Old id -> new number, for the copies below (dropped at the end).
CREATE TABLE migrate_documents (id TEXT PRIMARY KEY, num INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO migrate_documents (id, num) SELECT id, ROW_NUMBER() OVER (ORDER BY rowid) FROM documents;
CREATE TABLE migrate_events (id TEXT PRIMARY KEY, num INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO migrate_events (id, num)
SELECT e.id, ROW_NUMBER() OVER (ORDER BY m.num, e.local_id) FROM events e JOIN migrate_documents m ON m.id = e.doc_id;
CREATE TABLE migrate_statements (id TEXT PRIMARY KEY, num INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO migrate_statements (id, num)
SELECT s.id, ROW_NUMBER() OVER (ORDER BY m.num, s.position) FROM statements s JOIN migrate_documents m ON m.id = s.doc_id;
CREATE TABLE migrate_engagements (id TEXT PRIMARY KEY, num INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO migrate_engagements (id, num) SELECT id, ROW_NUMBER() OVER (ORDER BY rowid) FROM engagements;

CREATE TABLE new_documents (
    num         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,      -- sha256 of the normalised text: the public id
    source      TEXT NOT NULL,
    url         TEXT,
    title       TEXT,
    publisher   TEXT,
    published   TEXT,
    language    TEXT NOT NULL DEFAULT 'en',
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    linked      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO new_documents (num, id, source, url, title, publisher, published, language, text, ingested_at, linked)
SELECT m.num, d.id, d.source, d.url, d.title, d.publisher, d.published, d.language, d.text, d.ingested_at, d.linked
FROM documents d JOIN migrate_documents m ON m.id = d.id ORDER BY m.num;

CREATE TABLE new_engagements (
    num        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,       -- the public id
    type       TEXT NOT NULL,
    date       TEXT,
    location   TEXT,
    created_at TEXT NOT NULL,
    base_id    TEXT,
    first_doc  TEXT,                       -- documents.id of its first report (decides ids)
    reports    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO new_engagements (num, id, type, date, location, created_at, base_id, first_doc, reports)
SELECT m.num, g.id, g.type, g.date, g.location, g.created_at, g.base_id, g.first_doc, g.reports
FROM engagements g JOIN migrate_engagements m ON m.id = g.id ORDER BY m.num;

CREATE TABLE new_events (
    num            INTEGER PRIMARY KEY,
    doc_num        INTEGER NOT NULL REFERENCES documents (num) ON DELETE CASCADE,
    local_id       TEXT NOT NULL,          -- the public id is documents.id || ':' || local_id
    type           TEXT NOT NULL,
    is_primary     INTEGER NOT NULL DEFAULT 0,
    date           TEXT,
    location       TEXT,
    modality       TEXT NOT NULL,
    engagement_num INTEGER REFERENCES engagements (num) ON DELETE SET NULL
);
INSERT INTO new_events (num, doc_num, local_id, type, is_primary, date, location, modality, engagement_num)
SELECT m.num, d.num, e.local_id, e.type, e.is_primary, e.date, e.location, e.modality, g.num
FROM events e JOIN migrate_events m ON m.id = e.id JOIN migrate_documents d ON d.id = e.doc_id
LEFT JOIN migrate_engagements g ON g.id = e.engagement_id ORDER BY m.num;

CREATE TABLE new_participants (
    event_num    INTEGER NOT NULL REFERENCES events (num) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    actor_id     TEXT NOT NULL REFERENCES actors (id),
    name         TEXT NOT NULL,
    country      TEXT,
    title        TEXT,
    organization TEXT,
    PRIMARY KEY (event_num, position)
) WITHOUT ROWID;
INSERT INTO new_participants (event_num, position, actor_id, name, country, title, organization)
SELECT m.num, p.position, p.actor_id, p.name, p.country, p.title, p.organization
FROM participants p JOIN migrate_events m ON m.id = p.event_id ORDER BY m.num, p.position;

CREATE TABLE new_statements (
    num              INTEGER PRIMARY KEY,
    doc_num          INTEGER NOT NULL REFERENCES documents (num) ON DELETE CASCADE,
    position         INTEGER NOT NULL,     -- the public id is documents.id || ':s' || position
    speaker_actor_id TEXT REFERENCES actors (id),
    speaker_name     TEXT NOT NULL,
    speaker_country  TEXT,
    text             TEXT NOT NULL,
    event_num        INTEGER REFERENCES events (num) ON DELETE SET NULL
);
INSERT INTO new_statements (num, doc_num, position, speaker_actor_id, speaker_name, speaker_country, text, event_num)
SELECT m.num, d.num, s.position, s.speaker_actor_id, s.speaker_name, s.speaker_country, s.text, e.num
FROM statements s JOIN migrate_statements m ON m.id = s.id JOIN migrate_documents d ON d.id = s.doc_id
LEFT JOIN migrate_events e ON e.id = s.event_id ORDER BY m.num;

CREATE TABLE new_statement_topics (
    statement_num INTEGER NOT NULL REFERENCES statements (num) ON DELETE CASCADE,
    topic         TEXT NOT NULL REFERENCES topics (slug),
    PRIMARY KEY (statement_num, topic)
) WITHOUT ROWID;
INSERT INTO new_statement_topics (statement_num, topic)
SELECT m.num, t.topic FROM statement_topics t JOIN migrate_statements m ON m.id = t.statement_id
ORDER BY m.num, t.topic;

-- Evidence: its own key is a number too; the owner is an event or a statement by number.
CREATE TABLE new_evidence (
    num          INTEGER PRIMARY KEY,
    doc_num      INTEGER NOT NULL REFERENCES documents (num) ON DELETE CASCADE,
    owner_type   TEXT NOT NULL,            -- event | statement
    owner_num    INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT NOT NULL,
    rule         TEXT
);
INSERT INTO new_evidence (doc_num, owner_type, owner_num, start_offset, end_offset, text, rule)
SELECT d.num, ev.owner_type, COALESCE(e.num, s.num), ev.start_offset, ev.end_offset, ev.text, ev.rule
FROM evidence ev JOIN migrate_documents d ON d.id = ev.doc_id
LEFT JOIN migrate_events e ON ev.owner_type = 'event' AND e.id = ev.owner_id
LEFT JOIN migrate_statements s ON ev.owner_type = 'statement' AND s.id = ev.owner_id
WHERE COALESCE(e.num, s.num) IS NOT NULL
ORDER BY d.num, ev.owner_type, COALESCE(e.num, s.num), ev.rowid;

CREATE TABLE new_link_keys (
    event_num INTEGER NOT NULL REFERENCES events (num) ON DELETE CASCADE,
    type      TEXT NOT NULL,
    token     TEXT NOT NULL,
    dated     INTEGER NOT NULL,
    day       TEXT NOT NULL,
    PRIMARY KEY (type, token, dated, day, event_num)
) WITHOUT ROWID;
INSERT INTO new_link_keys (event_num, type, token, dated, day)
SELECT m.num, k.type, k.token, k.dated, k.day FROM link_keys k JOIN migrate_events m ON m.id = k.event_id;

CREATE TABLE new_report_keys (
    type      TEXT NOT NULL,
    t1        TEXT NOT NULL,
    t2        TEXT NOT NULL,
    month     TEXT NOT NULL,
    event_num INTEGER NOT NULL REFERENCES events (num) ON DELETE CASCADE,
    PRIMARY KEY (type, t1, t2, month, event_num)
) WITHOUT ROWID;
INSERT INTO new_report_keys (type, t1, t2, month, event_num)
SELECT k.type, k.t1, k.t2, k.month, m.num FROM report_keys k JOIN migrate_events m ON m.id = k.event_id;

CREATE TABLE new_engagement_keys (
    type           TEXT NOT NULL,
    t1             TEXT NOT NULL,
    t2             TEXT NOT NULL,
    month          TEXT NOT NULL,
    engagement_num INTEGER NOT NULL,
    PRIMARY KEY (type, t1, t2, month, engagement_num)
) WITHOUT ROWID;
INSERT INTO new_engagement_keys (type, t1, t2, month, engagement_num)
SELECT k.type, k.t1, k.t2, k.month, m.num FROM engagement_keys k JOIN migrate_engagements m ON m.id = k.engagement_id;

CREATE TABLE new_engagement_countries (
    engagement_num INTEGER NOT NULL REFERENCES engagements (num) ON DELETE CASCADE,
    country        TEXT NOT NULL,
    PRIMARY KEY (country, engagement_num)
) WITHOUT ROWID;
INSERT INTO new_engagement_countries (engagement_num, country)
SELECT m.num, c.country FROM engagement_countries c JOIN migrate_engagements m ON m.id = c.engagement_id;

CREATE TABLE new_dyad_engagements (
    a              TEXT NOT NULL,
    b              TEXT NOT NULL,
    day            TEXT NOT NULL,
    engagement_num INTEGER NOT NULL,
    PRIMARY KEY (a, b, day, engagement_num)
) WITHOUT ROWID;
INSERT INTO new_dyad_engagements (a, b, day, engagement_num)
SELECT y.a, y.b, y.day, m.num FROM dyad_engagements y JOIN migrate_engagements m ON m.id = y.engagement_id;

DROP TABLE statement_topics;
DROP TABLE participants;
DROP TABLE evidence;
DROP TABLE link_keys;
DROP TABLE report_keys;
DROP TABLE engagement_keys;
DROP TABLE engagement_countries;
DROP TABLE dyad_engagements;
DROP TABLE statements;
DROP TABLE events;
DROP TABLE engagements;
DROP TABLE documents;
DROP TABLE migrate_documents;
DROP TABLE migrate_events;
DROP TABLE migrate_statements;
DROP TABLE migrate_engagements;

ALTER TABLE new_documents RENAME TO documents;
ALTER TABLE new_engagements RENAME TO engagements;
ALTER TABLE new_events RENAME TO events;
ALTER TABLE new_participants RENAME TO participants;
ALTER TABLE new_statements RENAME TO statements;
ALTER TABLE new_statement_topics RENAME TO statement_topics;
ALTER TABLE new_evidence RENAME TO evidence;
ALTER TABLE new_link_keys RENAME TO link_keys;
ALTER TABLE new_report_keys RENAME TO report_keys;
ALTER TABLE new_engagement_keys RENAME TO engagement_keys;
ALTER TABLE new_engagement_countries RENAME TO engagement_countries;
ALTER TABLE new_dyad_engagements RENAME TO dyad_engagements;

CREATE INDEX documents_unlinked ON documents (linked, num);
CREATE INDEX documents_published_source ON documents (published, source);
CREATE INDEX engagements_base_first ON engagements (base_id, first_doc);
CREATE INDEX engagements_date ON engagements (date, id);
CREATE INDEX engagements_type_date ON engagements (type, date);
CREATE UNIQUE INDEX events_doc ON events (doc_num, local_id);
CREATE INDEX events_type_date ON events (type, date);
CREATE INDEX events_engagement ON events (engagement_num);
CREATE INDEX events_date ON events (date);
CREATE INDEX participants_actor ON participants (actor_id);
CREATE INDEX participants_country ON participants (country);
CREATE INDEX statements_doc ON statements (doc_num, position);
CREATE INDEX statement_topics_topic ON statement_topics (topic);
CREATE INDEX evidence_doc ON evidence (doc_num);
CREATE INDEX link_keys_event ON link_keys (event_num);
CREATE INDEX report_keys_event ON report_keys (event_num);
CREATE INDEX engagement_keys_engagement ON engagement_keys (engagement_num);
CREATE INDEX engagement_countries_engagement ON engagement_countries (engagement_num);
CREATE INDEX dyad_engagements_engagement ON dyad_engagements (engagement_num);

-- The views of 0006 and 0009, with the same columns (the public ids beside the names).
CREATE VIEW event_participants AS
SELECT d.id || ':' || e.local_id AS event_id, e.type AS event_type, e.date AS event_date, e.location, e.modality,
       e.is_primary, g.id AS engagement_id, p.position, p.name AS participant, p.country AS participant_country,
       p.title AS participant_title, p.actor_id, d.id AS doc_id, d.title AS document_title,
       d.publisher, d.published
FROM events e
JOIN participants p ON p.event_num = e.num
JOIN documents d ON d.num = e.doc_num
LEFT JOIN engagements g ON g.num = e.engagement_num;

CREATE VIEW engagement_reports AS
SELECT g.id AS engagement_id, g.type AS engagement_type, g.date AS engagement_date,
       g.location AS engagement_location, d.id || ':' || e.local_id AS event_id, d.id AS doc_id,
       d.title AS document_title, d.publisher, d.published, d.url, d.ingested_at
FROM engagements g
JOIN events e ON e.engagement_num = g.num
JOIN documents d ON d.num = e.doc_num;

CREATE VIEW statements_with_topics AS
SELECT d.id || ':s' || s.position AS statement_id, s.speaker_name AS speaker, s.speaker_country, t.topic, s.text,
       d.id AS doc_id, d.title AS document_title, d.publisher, d.published
FROM statements s
JOIN documents d ON d.num = s.doc_num
LEFT JOIN statement_topics t ON t.statement_num = s.num;

-- statements by speaker: one grouped pass (no query of Parley looks statements up by speaker, so
-- statements_speaker, one more random-order index page per statement written, is gone)
CREATE VIEW people AS
SELECT a.id AS actor_id, a.name, a.country,
       (SELECT COUNT(*) FROM participants p WHERE p.actor_id = a.id) AS events,
       COALESCE(s.n, 0) AS statements
FROM actors a
LEFT JOIN (SELECT speaker_actor_id, COUNT(*) AS n FROM statements GROUP BY speaker_actor_id) s
       ON s.speaker_actor_id = a.id;

CREATE VIEW evidence_spans AS
SELECT CASE WHEN ev.owner_type = 'event' THEN d.id || ':' || e.local_id ELSE d.id || ':s' || s.position END
       || ':e' || (ROW_NUMBER() OVER (PARTITION BY ev.owner_type, ev.owner_num ORDER BY ev.num) - 1) AS id,
       d.id AS doc_id, ev.owner_type,
       CASE WHEN ev.owner_type = 'event' THEN d.id || ':' || e.local_id ELSE d.id || ':s' || s.position END AS owner_id,
       ev.start_offset, ev.end_offset,
       CASE WHEN ev.text = '' THEN SUBSTR(d.text, ev.start_offset + 1, ev.end_offset - ev.start_offset)
            ELSE ev.text END AS text,
       ev.rule
FROM evidence ev
JOIN documents d ON d.num = ev.doc_num
LEFT JOIN events e ON ev.owner_type = 'event' AND e.num = ev.owner_num
LEFT JOIN statements s ON ev.owner_type = 'statement' AND s.num = ev.owner_num;
