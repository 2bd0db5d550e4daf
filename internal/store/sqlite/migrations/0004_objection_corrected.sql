-- 0004: an objection may be marked corrected in the data by hand
-- (已在数据中更正, issue 21 §2): the table is made again with the new
-- check, and its triggers with it.

DROP TRIGGER objections_filed_immutable;
DROP TRIGGER objections_forward_only;
DROP TRIGGER objections_no_delete;

CREATE TABLE objections_new (
	plan        TEXT NOT NULL,
	n           INTEGER NOT NULL,
	version     INTEGER NOT NULL,
	subdistrict TEXT NOT NULL,
	note        TEXT NOT NULL DEFAULT '',
	corrections TEXT NOT NULL,
	hash        TEXT NOT NULL,
	filed_at    TEXT NOT NULL,
	filed_by    TEXT NOT NULL,
	status      TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'corrected')),
	resolved_at TEXT,
	resolved_by TEXT NOT NULL DEFAULT '',
	reason      TEXT NOT NULL DEFAULT '',
	new_version INTEGER,
	PRIMARY KEY (plan, n),
	FOREIGN KEY (plan, version) REFERENCES versions (plan, n)
);
INSERT INTO objections_new (plan, n, version, subdistrict, note, corrections, hash, filed_at, filed_by,
		status, resolved_at, resolved_by, reason, new_version)
	SELECT plan, n, version, subdistrict, note, corrections, hash, filed_at, filed_by,
		status, resolved_at, resolved_by, reason, new_version FROM objections;
DROP TABLE objections;
ALTER TABLE objections_new RENAME TO objections;

CREATE TRIGGER objections_filed_immutable
BEFORE UPDATE OF plan, n, version, subdistrict, note, corrections, hash, filed_at, filed_by ON objections
BEGIN SELECT RAISE(ABORT, 'a filed objection is immutable'); END;
CREATE TRIGGER objections_forward_only BEFORE UPDATE OF status ON objections
WHEN OLD.status <> 'pending' OR NEW.status = 'pending'
BEGIN SELECT RAISE(ABORT, 'an objection is decided once'); END;
CREATE TRIGGER objections_no_delete BEFORE DELETE ON objections
BEGIN SELECT RAISE(ABORT, 'an objection is never deleted'); END;
