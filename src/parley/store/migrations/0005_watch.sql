-- Watching sources and following engagement states (issue 11). Additive: new tables only.
-- Numbered 0005 to leave 0003/0004 free for the linking work that rewrites the engagement tables.

-- One row per configured source: what its server last said, for conditional GET and backoff.
CREATE TABLE watch_sources (
    name          TEXT PRIMARY KEY,
    url           TEXT NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    checked_at    TEXT,                    -- ISO 8601 UTC of the last request
    next_at       TEXT,                    -- not polled again before this
    failures      INTEGER NOT NULL DEFAULT 0,
    last_status   TEXT
);

-- Item links already handled, so a feed that changes does not refetch what was ingested.
CREATE TABLE watch_items (
    url        TEXT PRIMARY KEY,
    source     TEXT NOT NULL REFERENCES watch_sources (name) ON DELETE CASCADE,
    first_seen TEXT NOT NULL,
    doc_id     TEXT REFERENCES documents (id) ON DELETE SET NULL,
    outcome    TEXT NOT NULL               -- new | known | rejected reason
);

-- The last state notified for each engagement, keyed by its first-ingested document (stable while
-- relinking renames engagements). No foreign key to engagements: linking rebuilds that table.
CREATE TABLE engagement_states (
    anchor_doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    engagement_id TEXT NOT NULL,
    state         TEXT NOT NULL,           -- awaiting | one-sided | both | unofficial
    published     TEXT NOT NULL,           -- comma-separated ISO3 of the sides that published
    missing       TEXT NOT NULL,
    deadline      TEXT,
    updated_at    TEXT NOT NULL
);

-- Every state change, as written to the events.jsonl outbox and (when configured) a webhook.
CREATE TABLE notifications (
    id            TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL,
    kind          TEXT NOT NULL,
    anchor_doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    engagement_id TEXT NOT NULL,
    payload       TEXT NOT NULL,
    outboxed_at   TEXT,
    delivered_at  TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT
);
CREATE INDEX notifications_pending ON notifications (delivered_at, created_at);
