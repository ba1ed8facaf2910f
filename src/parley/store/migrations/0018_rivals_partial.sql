-- Only engagements told apart from a rival (an id other than their base id: two undated calls of
-- one pair that stay apart) need finding by base id; the holder of a base id is found by its id.
-- Indexing every engagement by its random base id cost a page per new engagement once the store
-- is large (115 of the ~2,000 pages a batch of 100 wrote at 100,000 documents).
DROP INDEX engagements_base_first;
CREATE INDEX engagements_rivals ON engagements (base_id, first_doc) WHERE id <> base_id;
