-- The claim state of reports without a day (issue 10): a regrouped engagement no longer lists and
-- loads the whole undated history of its pairs.  A report without a day that the people of two or
-- more dated engagements name stays alone as long as two of those engagements keep their dated
-- reports; such a report is "settled": its report_keys rows carry settled = 1, after the open ones
-- (settled = 0: no claim or one) in the key's order, so the lookup by pair key reads only the open
-- ones, and claim_reps names two of its claiming engagements by a representative dated report each
-- (the smallest event number of its dated reports; an engagement's dated reports change only when
-- it is regrouped, and then the linker looks its old reports up here).  Existing reports start
-- open and are settled the first time the linker judges them: exact from the start.
CREATE TABLE report_keys_claims (
    type      TEXT NOT NULL,
    t1        TEXT NOT NULL,
    t2        TEXT NOT NULL,
    month     TEXT NOT NULL,
    settled   INTEGER NOT NULL DEFAULT 0,
    event_num INTEGER NOT NULL REFERENCES events (num) ON DELETE CASCADE,
    PRIMARY KEY (type, t1, t2, month, settled, event_num)
) WITHOUT ROWID;
INSERT INTO report_keys_claims (type, t1, t2, month, settled, event_num)
SELECT type, t1, t2, month, 0, event_num FROM report_keys;
DROP TABLE report_keys;
ALTER TABLE report_keys_claims RENAME TO report_keys;
CREATE INDEX report_keys_event ON report_keys (event_num);

CREATE TABLE claim_reps (
    rep_num   INTEGER NOT NULL,
    event_num INTEGER NOT NULL REFERENCES events (num) ON DELETE CASCADE,
    PRIMARY KEY (rep_num, event_num)
) WITHOUT ROWID;
CREATE INDEX claim_reps_event ON claim_reps (event_num);
