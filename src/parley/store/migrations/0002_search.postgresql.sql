-- Full-text search over documents, people and statements (PostgreSQL tsvector + GIN).
CREATE TABLE search_index (
    kind  TEXT NOT NULL,
    ref   TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    body  TEXT NOT NULL DEFAULT '',
    tsv   tsvector GENERATED ALWAYS AS (
              setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
              setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED,
    PRIMARY KEY (kind, ref)
);
CREATE INDEX search_index_tsv ON search_index USING GIN (tsv);
