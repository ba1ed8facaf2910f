-- Engagements keyed by pairs of whole names (issue 10; see parley.store.pairs): one row per pair
-- of people instead of one per pair of their name tokens (6.3 rows an engagement, each on a random
-- leaf: the largest share of the pages a batch wrote into a large store).  name_tokens is the
-- dictionary of the names seen, by token, that turns a report's people into the names to probe.
-- The old rows are dropped here; parley.store.pairs fills the new ones from the stored engagements
-- right after this script, in the same transaction (no document is linked again).
CREATE TABLE name_tokens (
    token TEXT NOT NULL,
    name  TEXT NOT NULL,
    PRIMARY KEY (token, name)
) WITHOUT ROWID;
DELETE FROM engagement_keys;
