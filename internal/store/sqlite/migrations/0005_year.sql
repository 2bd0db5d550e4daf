-- 0005: the budget year (docs/year.md): the stages a plan's year has
-- entered, the 街道's submitted files (一上 data, 二上 breakdowns) and the
-- kinds of publication (控制数, 批复, 调整) with their 文号.

CREATE TABLE year_stages (
	plan  TEXT NOT NULL,
	year  INTEGER NOT NULL,
	stage TEXT NOT NULL CHECK (stage IN ('collect', 'control', 'breakdown', 'approved', 'execute', 'adjust')),
	at    TEXT NOT NULL,
	by    TEXT NOT NULL,
	what  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (plan, year, stage)
);

-- kind: 'data' (一上) or 'breakdown' (二上). problems, changes and lines
-- are JSON.
CREATE TABLE submissions (
	plan        TEXT NOT NULL,
	kind        TEXT NOT NULL CHECK (kind IN ('data', 'breakdown')),
	n           INTEGER NOT NULL,
	year        INTEGER NOT NULL,
	version     INTEGER NOT NULL,
	subdistrict TEXT NOT NULL,
	file_name   TEXT NOT NULL,
	data        BLOB NOT NULL,
	hash        TEXT NOT NULL,
	problems    TEXT NOT NULL DEFAULT '[]',
	changes     TEXT NOT NULL DEFAULT '{}',
	lines       TEXT NOT NULL DEFAULT '[]',
	total       TEXT NOT NULL DEFAULT '',
	filed_at    TEXT NOT NULL,
	filed_by    TEXT NOT NULL,
	status      TEXT NOT NULL CHECK (status IN ('problems', 'submitted', 'accepted', 'returned', 'replaced')),
	decided_at  TEXT,
	decided_by  TEXT NOT NULL DEFAULT '',
	reason      TEXT NOT NULL DEFAULT '',
	new_version INTEGER,
	PRIMARY KEY (plan, kind, n),
	FOREIGN KEY (plan, version) REFERENCES versions (plan, n)
);
CREATE INDEX submissions_year ON submissions (plan, kind, year, subdistrict);

-- What a 街道 filed never changes; a submission is decided once, from
-- submitted, and never deleted.
CREATE TRIGGER submissions_filed_immutable
BEFORE UPDATE OF plan, kind, n, year, version, subdistrict, file_name, data, hash, problems, changes, lines, total, filed_at, filed_by
ON submissions
BEGIN SELECT RAISE(ABORT, 'a submission is immutable'); END;
CREATE TRIGGER submissions_forward_only BEFORE UPDATE OF status ON submissions
WHEN OLD.status <> 'submitted' OR NEW.status IN ('submitted', 'problems')
BEGIN SELECT RAISE(ABORT, 'a submission is decided once'); END;
CREATE TRIGGER submissions_no_delete BEFORE DELETE ON submissions
BEGIN SELECT RAISE(ABORT, 'a submission is never deleted'); END;

-- A version published as a kind: a 控制数 or 批复 once a year, 调整 as
-- often as needed; breakdowns (JSON) are the breakdowns a 批复 carries.
CREATE TABLE kind_publications (
	seq          INTEGER PRIMARY KEY AUTOINCREMENT,
	plan         TEXT NOT NULL,
	n            INTEGER NOT NULL,
	year         INTEGER NOT NULL,
	kind         TEXT NOT NULL CHECK (kind IN ('control', 'approval', 'adjust')),
	wenhao       TEXT NOT NULL,
	issued_on    TEXT NOT NULL,
	reason       TEXT NOT NULL DEFAULT '',
	result_hash  TEXT NOT NULL,
	breakdowns   TEXT NOT NULL DEFAULT '[]',
	published_at TEXT NOT NULL,
	published_by TEXT NOT NULL,
	UNIQUE (plan, n, kind),
	FOREIGN KEY (plan, n) REFERENCES versions (plan, n)
);
CREATE TRIGGER kind_publications_frozen BEFORE UPDATE ON kind_publications
BEGIN SELECT RAISE(ABORT, 'a publication is frozen'); END;
CREATE TRIGGER kind_publications_no_delete BEFORE DELETE ON kind_publications
BEGIN SELECT RAISE(ABORT, 'a publication is frozen'); END;
