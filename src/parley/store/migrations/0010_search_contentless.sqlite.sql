-- SQLite full-text search without a second copy of every text (issue 10: a sixth of a store's
-- bytes): the FTS5 table becomes contentless (search_text: the index only), and search_index keeps
-- what a hit links to (kind, ref, title) under the same rowid.  Snippets are cut from the
-- documents' and statements' own text (parley.store.search).
CREATE TABLE search_refs (
    id    INTEGER PRIMARY KEY,
    kind  TEXT NOT NULL,
    ref   TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT ''
);
INSERT INTO search_refs (id, kind, ref, title) SELECT rowid, kind, ref, COALESCE(title, '') FROM search_index;
CREATE VIRTUAL TABLE search_text USING fts5(title, body, content = '', tokenize = 'porter unicode61');
INSERT INTO search_text (rowid, title, body) SELECT rowid, COALESCE(title, ''), COALESCE(body, '') FROM search_index;
DROP TABLE search_index;
ALTER TABLE search_refs RENAME TO search_index;
