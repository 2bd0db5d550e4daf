-- 0002: objections (数据更正与异议): a 街道 files a note and proposed
-- corrections of its own data against a published version; a planner
-- accepts it (a new draft version) or rejects it with a reason.

CREATE TABLE objections (
	plan        TEXT NOT NULL,
	n           INTEGER NOT NULL,
	version     INTEGER NOT NULL,
	subdistrict TEXT NOT NULL,
	note        TEXT NOT NULL DEFAULT '',
	corrections TEXT NOT NULL,
	hash        TEXT NOT NULL,
	filed_at    TEXT NOT NULL,
	filed_by    TEXT NOT NULL,
	status      TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
	resolved_at TEXT,
	resolved_by TEXT NOT NULL DEFAULT '',
	reason      TEXT NOT NULL DEFAULT '',
	new_version INTEGER,
	PRIMARY KEY (plan, n),
	FOREIGN KEY (plan, version) REFERENCES versions (plan, n)
);

-- What a 街道 filed never changes; an objection is decided once, from
-- pending, and never deleted.
CREATE TRIGGER objections_filed_immutable
BEFORE UPDATE OF plan, n, version, subdistrict, note, corrections, hash, filed_at, filed_by ON objections
BEGIN SELECT RAISE(ABORT, 'a filed objection is immutable'); END;
CREATE TRIGGER objections_forward_only BEFORE UPDATE OF status ON objections
WHEN OLD.status <> 'pending' OR NEW.status = 'pending'
BEGIN SELECT RAISE(ABORT, 'an objection is decided once'); END;
CREATE TRIGGER objections_no_delete BEFORE DELETE ON objections
BEGIN SELECT RAISE(ABORT, 'an objection is never deleted'); END;
