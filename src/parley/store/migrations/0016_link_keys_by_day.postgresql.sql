-- link_keys led by day (issue 10): every lookup names the days it wants (a dated report's window
-- of three days, a report without a day's window of publication days), and new reports are
-- mostly recent, so a batch's new keys land on a few leaves at the day end of the index instead
-- of one leaf per name token anywhere in it.  Rows and lookups are unchanged.
CREATE TABLE link_keys_by_day (
    event_num BIGINT NOT NULL REFERENCES events (num) ON DELETE CASCADE,
    type      TEXT NOT NULL,
    token     TEXT NOT NULL,
    dated     INTEGER NOT NULL,
    day       TEXT NOT NULL,
    PRIMARY KEY (dated, day, type, token, event_num)
);
INSERT INTO link_keys_by_day (event_num, type, token, dated, day)
SELECT event_num, type, token, dated, day FROM link_keys;
DROP TABLE link_keys;
ALTER TABLE link_keys_by_day RENAME TO link_keys;
CREATE INDEX link_keys_event ON link_keys (event_num);
