-- engagement_keys name a dated engagement by its representative dated report (issue 10): the
-- smallest event number among its reports with a full date.  An engagement is deleted and written
-- again whenever a report joins it (its integer key changes); its representative stays as long as
-- its dated reports do, so the linker now writes only the keys that change (a batch rewrote every
-- key of every engagement it touched, each on another leaf of this index).
CREATE TABLE engagement_keys_by_report (
    type    TEXT NOT NULL,
    t1      TEXT NOT NULL,
    t2      TEXT NOT NULL,
    month   TEXT NOT NULL,
    rep_num INTEGER NOT NULL REFERENCES events (num) ON DELETE CASCADE,
    PRIMARY KEY (type, t1, t2, month, rep_num)
) WITHOUT ROWID;
INSERT INTO engagement_keys_by_report (type, t1, t2, month, rep_num)
SELECT DISTINCT k.type, k.t1, k.t2, k.month, r.rep FROM engagement_keys k
JOIN (SELECT engagement_num, MIN(num) AS rep FROM events WHERE engagement_num IS NOT NULL
      AND date LIKE '____-__-__' GROUP BY engagement_num) r ON r.engagement_num = k.engagement_num;
DROP TABLE engagement_keys;
ALTER TABLE engagement_keys_by_report RENAME TO engagement_keys;
CREATE INDEX engagement_keys_rep ON engagement_keys (rep_num);
