-- Engagements sharing a base id (the same people and day, or no day): the one whose first document
-- sorts first is found by one index probe (parley.store.linking.rivals), not by reading them all.
CREATE INDEX engagements_base_first ON engagements (base_id, first_doc);
DROP INDEX engagements_base;

-- Indexes no query uses (every evidence lookup is by document) or that another one covers
-- (documents_published_source starts with published): each was one more page written per row.
DROP INDEX evidence_owner;
DROP INDEX documents_published;
