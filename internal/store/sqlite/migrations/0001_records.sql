-- 0001: the governed record of an office (saved scenarios, plan
-- versions, publications, tokens, audit log).

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE scenarios (
	plan     TEXT NOT NULL,
	name     TEXT NOT NULL,
	data     BLOB NOT NULL,
	hash     TEXT NOT NULL,
	modified TEXT NOT NULL,
	PRIMARY KEY (plan, name)
);

-- A plan's files, content-addressed: hash is the SHA-256 internal/app
-- computes over the names and bytes of the files read, in order.
CREATE TABLE contents (
	hash       TEXT PRIMARY KEY,
	created_at TEXT NOT NULL
);

CREATE TABLE content_files (
	hash TEXT NOT NULL REFERENCES contents (hash),
	seq  INTEGER NOT NULL,
	name TEXT NOT NULL,
	data BLOB NOT NULL,
	PRIMARY KEY (hash, seq)
);

CREATE TABLE versions (
	plan        TEXT NOT NULL,
	n           INTEGER NOT NULL,
	hash        TEXT NOT NULL REFERENCES contents (hash),
	name        TEXT NOT NULL,
	fiscal_year INTEGER NOT NULL,
	note        TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'published')),
	created_at  TEXT NOT NULL,
	created_by  TEXT NOT NULL,
	approved_at TEXT,
	approved_by TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (plan, n)
);

CREATE TABLE publications (
	seq          INTEGER PRIMARY KEY AUTOINCREMENT,
	plan         TEXT NOT NULL,
	n            INTEGER NOT NULL,
	published_at TEXT NOT NULL,
	published_by TEXT NOT NULL,
	result       BLOB NOT NULL,
	result_hash  TEXT NOT NULL,
	UNIQUE (plan, n),
	FOREIGN KEY (plan, n) REFERENCES versions (plan, n)
);

CREATE TABLE tokens (
	id          TEXT PRIMARY KEY,
	hash        TEXT NOT NULL UNIQUE,
	role        TEXT NOT NULL CHECK (role IN ('planner', 'approver', 'subdistrict')),
	subdistrict TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	revoked_at  TEXT
);

CREATE TABLE audit (
	seq     INTEGER PRIMARY KEY AUTOINCREMENT,
	at      TEXT NOT NULL,
	actor   TEXT NOT NULL,
	role    TEXT NOT NULL,
	action  TEXT NOT NULL,
	plan    TEXT NOT NULL DEFAULT '',
	subject TEXT NOT NULL DEFAULT '',
	hash    TEXT NOT NULL DEFAULT '',
	detail  TEXT NOT NULL DEFAULT ''
);

-- The audit log is append-only; a version's content never changes;
-- a publication is frozen.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER versions_immutable BEFORE UPDATE OF plan, n, hash, name, fiscal_year, created_at, created_by ON versions
BEGIN SELECT RAISE(ABORT, 'a version is immutable'); END;
CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
BEGIN SELECT RAISE(ABORT, 'a version is immutable'); END;
CREATE TRIGGER publications_frozen BEFORE UPDATE ON publications
BEGIN SELECT RAISE(ABORT, 'a publication is frozen'); END;
CREATE TRIGGER content_files_frozen BEFORE UPDATE ON content_files
BEGIN SELECT RAISE(ABORT, 'a version is immutable'); END;
