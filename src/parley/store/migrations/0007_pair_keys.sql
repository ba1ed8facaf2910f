-- Pair-level link keys (issue 10): a report without a day is compared with the dated engagements
-- that name a pair of its people, found by one index range of that pair, and a regrouped
-- engagement finds the reports without a day that name a pair of its people the same way.  The
-- keys are the folded name tokens of two different people, t1 <= t2 (single tokens with t2 = ''
-- for visits, which need one shared person): see parley.link.core.pair_keys.

-- One row per dated engagement, key and month of one of its dated reports (YYYY-MM).
CREATE TABLE engagement_keys (
    type          TEXT NOT NULL,
    t1            TEXT NOT NULL,
    t2            TEXT NOT NULL,
    month         TEXT NOT NULL,
    engagement_id TEXT NOT NULL,
    PRIMARY KEY (type, t1, t2, month, engagement_id)
);
CREATE INDEX engagement_keys_engagement ON engagement_keys (engagement_id);

-- One row per primary report without a day and key; month is YYYY-MM for a month-only report,
-- '' for one without any date.
CREATE TABLE report_keys (
    type     TEXT NOT NULL,
    t1       TEXT NOT NULL,
    t2       TEXT NOT NULL,
    month    TEXT NOT NULL,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    PRIMARY KEY (type, t1, t2, month, event_id)
);
CREATE INDEX report_keys_event ON report_keys (event_id);

-- The keys are written by the linker: existing links are cleared and every document is linked
-- again (incrementally) by the next write, as migration 0003 did.
UPDATE events SET engagement_id = NULL WHERE engagement_id IS NOT NULL;
DELETE FROM engagement_countries;
DELETE FROM dyad_counts;
DELETE FROM engagements;
DELETE FROM link_keys;
UPDATE documents SET linked = 0 WHERE linked = 1;
