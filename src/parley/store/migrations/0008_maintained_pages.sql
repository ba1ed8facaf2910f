-- Maintained aggregates for the pages that grew with a person's or a pair's history (issue 10):
-- the dyad page reads a page of its engagements by one index range, the person page its
-- counterparts and topics from counts kept up to date by the writer.

-- One row per engagement and pair of its countries (a < b); day is the engagement's date or ''.
CREATE TABLE dyad_engagements (
    a             TEXT NOT NULL,
    b             TEXT NOT NULL,
    day           TEXT NOT NULL,
    engagement_id TEXT NOT NULL,
    PRIMARY KEY (a, b, day, engagement_id)
);
CREATE INDEX dyad_engagements_engagement ON dyad_engagements (engagement_id);
INSERT INTO dyad_engagements (a, b, day, engagement_id)
SELECT x.country, y.country, COALESCE(g.date, ''), g.id
FROM engagement_countries x
JOIN engagement_countries y ON y.engagement_id = x.engagement_id AND x.country < y.country
JOIN engagements g ON g.id = x.engagement_id;

-- How many events each person shares with each other person (both directions).
CREATE TABLE person_counterparts (
    actor_id TEXT NOT NULL,
    other_id TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (actor_id, other_id)
);
CREATE INDEX person_counterparts_n ON person_counterparts (actor_id, n);
INSERT INTO person_counterparts (actor_id, other_id, n)
SELECT p.actor_id, q.actor_id, COUNT(DISTINCT p.event_id)
FROM participants p JOIN participants q ON q.event_id = p.event_id AND q.actor_id <> p.actor_id
WHERE p.actor_id IS NOT NULL AND q.actor_id IS NOT NULL
GROUP BY p.actor_id, q.actor_id;

-- How many statements of each person carry each topic.
CREATE TABLE person_topics (
    actor_id TEXT NOT NULL,
    topic    TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (actor_id, topic)
);
CREATE INDEX person_topics_n ON person_topics (actor_id, n);
INSERT INTO person_topics (actor_id, topic, n)
SELECT s.speaker_actor_id, t.topic, COUNT(*)
FROM statements s JOIN statement_topics t ON t.statement_id = s.id
WHERE s.speaker_actor_id IS NOT NULL
GROUP BY s.speaker_actor_id, t.topic;

