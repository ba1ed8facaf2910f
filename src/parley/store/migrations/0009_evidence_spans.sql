-- Evidence rows no longer copy the quoted text when it is the document's own text at their
-- offsets (text = ''; about a sixth of a store's bytes): the view below gives every row its text,
-- for people reading the database in datasette, a notebook or plain SQL.  Offsets count
-- characters, as SUBSTR does on both backends.
CREATE VIEW evidence_spans AS
SELECT ev.id, ev.doc_id, ev.owner_type, ev.owner_id, ev.start_offset, ev.end_offset,
       CASE WHEN ev.text = '' THEN SUBSTR(d.text, ev.start_offset + 1, ev.end_offset - ev.start_offset)
            ELSE ev.text END AS text,
       ev.rule
FROM evidence ev
JOIN documents d ON d.id = ev.doc_id;
