-- Incremental linking and the indexes of the hot lookups (issue 10).
-- Every document carries a `linked` flag, set in the transaction that links it: a crash between
-- storing and linking leaves it 0, and the next write finishes the linking.  Existing engagements
-- were computed by the whole-corpus linker; they are cleared and every document is linked again
-- (incrementally) by the next ingest or `parley link --rebuild`.
ALTER TABLE documents ADD COLUMN linked INTEGER NOT NULL DEFAULT 0;
CREATE INDEX documents_unlinked ON documents (linked, id);

-- Candidate lookup: one row per (primary event, name token); `dated` is 1 for a full date, 0 for a
-- month (day = YYYY-MM) or no date (day = '').
CREATE TABLE link_keys (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    type     TEXT NOT NULL,
    token    TEXT NOT NULL,
    dated    INTEGER NOT NULL,
    day      TEXT NOT NULL,
    PRIMARY KEY (type, token, dated, day, event_id)
);
CREATE INDEX link_keys_event ON link_keys (event_id);

ALTER TABLE engagements ADD COLUMN base_id TEXT;
ALTER TABLE engagements ADD COLUMN first_doc TEXT;
ALTER TABLE engagements ADD COLUMN reports INTEGER NOT NULL DEFAULT 0;
CREATE INDEX engagements_base ON engagements (base_id);
CREATE INDEX engagements_date ON engagements (date, id);
CREATE INDEX engagements_type_date ON engagements (type, date);

-- The countries of each engagement's participants: dyad pages are two index ranges joined.
CREATE TABLE engagement_countries (
    engagement_id TEXT NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    country       TEXT NOT NULL,
    PRIMARY KEY (country, engagement_id)
);
CREATE INDEX engagement_countries_engagement ON engagement_countries (engagement_id);

-- How many engagements each pair of countries has, kept up to date by the linker (home page).
CREATE TABLE dyad_counts (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (a, b)
);
CREATE INDEX dyad_counts_n ON dyad_counts (n);

CREATE INDEX evidence_doc ON evidence (doc_id);
CREATE INDEX documents_published_source ON documents (published, source);
CREATE INDEX events_date ON events (date, id);
CREATE INDEX statement_topics_topic ON statement_topics (topic);

-- People already in the search index (the FTS5 columns are unindexed, so looking them up there
-- scanned the whole index for every new document).
CREATE TABLE search_people (ref TEXT PRIMARY KEY);
INSERT INTO search_people (ref) SELECT DISTINCT ref FROM search_index WHERE kind = 'person';

UPDATE events SET engagement_id = NULL WHERE engagement_id IS NOT NULL;
DELETE FROM engagements;
