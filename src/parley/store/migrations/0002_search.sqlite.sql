-- Full-text search over documents, people and statements (SQLite FTS5).
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED,      -- document | person | statement
    ref UNINDEXED,       -- the id to link to
    title,
    body,
    tokenize = 'porter unicode61'
);
