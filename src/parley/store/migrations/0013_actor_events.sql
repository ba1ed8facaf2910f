-- Each person's number of events (participant rows), kept by the writer: the people list is one
-- index range in that order instead of a count per person over the whole store.
ALTER TABLE actors ADD COLUMN events INTEGER NOT NULL DEFAULT 0;
UPDATE actors SET events = (SELECT COUNT(*) FROM participants p WHERE p.actor_id = actors.id);
CREATE INDEX actors_events ON actors (events DESC, name);
CREATE INDEX actors_country_events ON actors (country, events DESC, name);
