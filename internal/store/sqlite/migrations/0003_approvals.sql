-- 0003: what approval pins (the approved result and the publications
-- its damping baselines read), idempotency keys with their answers, and
-- the reader role of tokens.

CREATE TABLE approvals (
	seq         INTEGER PRIMARY KEY AUTOINCREMENT,
	plan        TEXT NOT NULL,
	n           INTEGER NOT NULL,
	approved_at TEXT NOT NULL,
	approved_by TEXT NOT NULL,
	result      BLOB NOT NULL,
	result_hash TEXT NOT NULL,
	baselines   TEXT NOT NULL DEFAULT '[]', -- JSON: [{plan, year, n, result_hash}]
	FOREIGN KEY (plan, n) REFERENCES versions (plan, n)
);
CREATE INDEX approvals_version ON approvals (plan, n, seq);

CREATE TRIGGER approvals_frozen BEFORE UPDATE ON approvals
BEGIN SELECT RAISE(ABORT, 'an approval is frozen'); END;
CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals
BEGIN SELECT RAISE(ABORT, 'an approval is never deleted'); END;

-- The first answer to a POST with an Idempotency-Key, by actor and key;
-- answered_at is NULL while the request runs.
CREATE TABLE idempotency (
	actor       TEXT NOT NULL,
	key         TEXT NOT NULL,
	request     TEXT NOT NULL,
	created_at  TEXT NOT NULL,
	answered_at TEXT,
	status      INTEGER NOT NULL DEFAULT 0,
	type        TEXT NOT NULL DEFAULT '',
	body        BLOB,
	PRIMARY KEY (actor, key)
);
CREATE INDEX idempotency_age ON idempotency (created_at);

-- Tokens may be readers: the table is made again with the new check.
CREATE TABLE tokens_new (
	id          TEXT PRIMARY KEY,
	hash        TEXT NOT NULL UNIQUE,
	role        TEXT NOT NULL CHECK (role IN ('planner', 'approver', 'subdistrict', 'reader')),
	subdistrict TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	revoked_at  TEXT
);
INSERT INTO tokens_new (id, hash, role, subdistrict, note, created_at, revoked_at)
	SELECT id, hash, role, subdistrict, note, created_at, revoked_at FROM tokens;
DROP TABLE tokens;
ALTER TABLE tokens_new RENAME TO tokens;
