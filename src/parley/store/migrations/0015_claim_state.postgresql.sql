-- The claim state of reports without a day (issue 10): a regrouped engagement no longer lists and
-- loads the whole undated history of its pairs.  A report without a day that the people of two or
-- more dated engagements name stays alone as long as two of those engagements keep their dated
-- reports; such a report is "settled": its report_keys rows carry settled = 1 (so the lookup by
-- pair key, through the partial index below, lists only the open ones: no claim or one), and
-- claim_reps names two of its claiming engagements by a representative dated report each (the
-- smallest event number of its dated reports; an engagement's dated reports change only when it
-- is regrouped, and then the linker looks its old reports up here).  Existing reports start open
-- (settled = 0) and are settled the first time the linker judges them: exact from the start.
ALTER TABLE report_keys ADD COLUMN settled INTEGER NOT NULL DEFAULT 0;
CREATE INDEX report_keys_open ON report_keys (type, t1, t2, month, event_num) WHERE settled = 0;

CREATE TABLE claim_reps (
    rep_num   BIGINT NOT NULL,
    event_num BIGINT NOT NULL REFERENCES events (num) ON DELETE CASCADE,
    PRIMARY KEY (rep_num, event_num)
);
CREATE INDEX claim_reps_event ON claim_reps (event_num);
