-- Views named for people reading the database in datasette, a notebook or plain SQL: one row per
-- thing a reader asks about, with the names and dates beside the ids. Portable SQL, both backends.

CREATE VIEW event_participants AS
SELECT e.id AS event_id, e.type AS event_type, e.date AS event_date, e.location, e.modality,
       e.is_primary, e.engagement_id, p.position, p.name AS participant, p.country AS participant_country,
       p.title AS participant_title, p.actor_id, d.id AS doc_id, d.title AS document_title,
       d.publisher, d.published
FROM events e
JOIN participants p ON p.event_id = e.id
JOIN documents d ON d.id = e.doc_id;

CREATE VIEW engagement_reports AS
SELECT g.id AS engagement_id, g.type AS engagement_type, g.date AS engagement_date,
       g.location AS engagement_location, e.id AS event_id, d.id AS doc_id, d.title AS document_title,
       d.publisher, d.published, d.url, d.ingested_at
FROM engagements g
JOIN events e ON e.engagement_id = g.id
JOIN documents d ON d.id = e.doc_id;

CREATE VIEW statements_with_topics AS
SELECT s.id AS statement_id, s.speaker_name AS speaker, s.speaker_country, t.topic, s.text,
       d.id AS doc_id, d.title AS document_title, d.publisher, d.published
FROM statements s
JOIN documents d ON d.id = s.doc_id
LEFT JOIN statement_topics t ON t.statement_id = s.id;

CREATE VIEW people AS
SELECT a.id AS actor_id, a.name, a.country,
       (SELECT COUNT(*) FROM participants p WHERE p.actor_id = a.id) AS events,
       (SELECT COUNT(*) FROM statements s WHERE s.speaker_actor_id = a.id) AS statements
FROM actors a;
